// Event mechanisms of session 18 (accused killings, hosted meetings, one missile fired, a report's
// coverage, bearing references, relative clauses, a place's own name): one case per mechanism,
// on invented sentences, each with the case it must leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;
using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev18") {}
};

}  // namespace

TEST_CASE("events18: a counted killing someone is accused of is reported", "[extract][events18]") {
  Stage1 a(
      "Meanwhile, the herders' association accused members of a local vigilante group of killing "
      "eight herders near Kisumu on Thursday.");
  CHECK(has_event(a.events(), "Killing@Kisumu"));
  // Without a count the charge is general, no killing reported.
  Stage1 b("The association accused the army of killing civilians and looting homes in Kisumu.");
  CHECK_FALSE(has_class(b.events(), "Killing"));
  // "of killing" with no accusation before it reports nothing.
  Stage1 c("The elders spoke of killing eight herders near Kisumu as a crime against all.");
  CHECK_FALSE(has_class(c.events(), "Killing"));
}

TEST_CASE("events18: a meeting hosted or convened between sides is talks", "[extract][events18]") {
  Stage1 a("Kenya says it is hosting contacts between the two sides in Kisumu.");
  CHECK(has_event(a.events(), "Negotiation@Kisumu"));
  Stage1 b(
      "The governor on Sunday convened a meeting of Kende and Varo community leaders in Eldoret to "
      "end the reprisals.");
  CHECK(has_event(b.events(), "Negotiation@Eldoret"));
  // A meeting of one's own officials, or one someone is only ready to host, is no talks.
  Stage1 c("The governor convened a meeting of his cabinet in Eldoret on Tuesday.");
  CHECK_FALSE(has_class(c.events(), "Negotiation"));
  Stage1 d("Kenya said it was ready to host a meeting between the two sides in Kisumu.");
  CHECK_FALSE(has_class(d.events(), "Negotiation"));
}

TEST_CASE("events18: one missile fired at a target is a missile strike", "[extract][events18]") {
  Stage1 a("The rebels said they had fired a missile at a military base in Kisumu on Tuesday.");
  CHECK(has_event(a.events(), "MissileStrike@Kisumu"));
  // A weapon named by its kind is no strike; nor is a missile that is not fired at something.
  Stage1 b("The army fired an anti-tank missile at a truck in Kisumu on Tuesday.");
  CHECK_FALSE(has_class(b.events(), "MissileStrike"));
  Stage1 c("The rebels showed a missile in Kisumu on Tuesday.");
  CHECK_FALSE(has_class(c.events(), "MissileStrike"));
}

TEST_CASE("events18: what a report covers is no event", "[extract][events18]") {
  Stage1 a("Welcome to our live coverage of the fighting in Kisumu.");
  CHECK_FALSE(has_class(a.events(), "Clash"));
  Stage1 b("Fighting broke out in Kisumu on Monday, residents said.");
  CHECK(has_event(b.events(), "Clash@Kisumu"));
}

TEST_CASE("events18: a bearing's reference point referred to again stays a reference",
          "[extract][events18]") {
  // "the town" refers back to the last town named (the reference point); the shelling is in
  // the town the residents live in.
  Stage1 a(
      "Residents of Eldoret, east of Kisumu, said mortar shells fell on the town's market on "
      "Monday.");
  CHECK(has_event(a.events(), "Shelling@Eldoret"));
  CHECK_FALSE(has_event(a.events(), "Shelling@Kisumu"));
  // With no bearing, the town referred to is where it happened.
  Stage1 b("Mortar shells fell on a market in Kisumu on Monday, residents said.");
  CHECK(has_event(b.events(), "Shelling@Kisumu"));
}

TEST_CASE("events18: a place inside a relative clause locates no later trigger",
          "[extract][events18]") {
  Stage1 a(
      "Separately, the rebels, who control the city of Eldoret, said they had fired a missile at "
      "a military base in Kisumu on Tuesday.");
  CHECK(has_event(a.events(), "MissileStrike@Kisumu"));
  CHECK_FALSE(has_event(a.events(), "MissileStrike@Eldoret"));
  // A trigger inside the clause still takes it.
  Stage1 b("The rebels, who shelled Eldoret on Monday, said they would keep fighting.");
  CHECK(has_event(b.events(), "Shelling@Eldoret"));
}

TEST_CASE("events18: only a place's own name is checked for actors", "[extract][events18]") {
  // The settlement rule's match holds the gang's name before the settlement.
  Stage1 a(
      "Gunmen from the Varo Kende gang attacked a village near Eldoret on Monday.\n"
      "A government drone strike on Sunday hit a house used by Varo Kende in Kisumu, killing "
      "seven gang members, the office said.");
  CHECK(has_event(a.events(), "DroneAttack@Kisumu"));
  // A place inside an actor's name is still no place of the event.
  Stage1 b("The Kisumu Liberation Front said on Monday its fighters attacked an army post.");
  CHECK_FALSE(has_event(b.events(), "GroundAttack@Kisumu"));
}

TEST_CASE("events18: the object of a hypothetical trigger is no place of another event",
          "[extract][events18]") {
  Stage1 a(
      "The gang leader accused the police of killing farmers with drones on Monday and threatened "
      "to attack Kisumu if the operations continued.");
  CHECK_FALSE(has_event(a.events(), "DroneAttack@Kisumu"));
  // A trigger that happened keeps its place.
  Stage1 b("The police said drones attacked a gang camp near Kisumu on Monday.");
  CHECK(has_event(b.events(), "DroneAttack@Kisumu"));
}
