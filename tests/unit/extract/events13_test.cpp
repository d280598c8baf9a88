// Event mechanisms of session 13 (general causes of event errors across the held-out sets):
// one case per mechanism, on invented sentences, each with the case it must leave alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;
using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev13") {}
};

}  // namespace

TEST_CASE("events13: figures released and people held are no release and no arrest",
          "[extract][events13]") {
  Stage1 a(
      "Kenya and Uganda fought a short border war in 1999 that killed 40 soldiers, according "
      "to figures released at the time.");
  CHECK_FALSE(has_class(a.events(), "PrisonerRelease"));
  Stage1 b(
      "The parties agreed to free all persons detained in connection with the unrest in "
      "Nakuru within 30 days.");
  CHECK_FALSE(has_class(b.events(), "Capture"));
  // A release of people and an arrest still are events.
  Stage1 c("Rebels released 12 hostages in Nakuru on Monday, police said.");
  CHECK(has_event(c.events(), "PrisonerRelease@Nakuru"));
  Stage1 d("Police detained 30 protesters in Nakuru on Monday.");
  CHECK(has_event(d.events(), "Capture@Nakuru"));
}

TEST_CASE("events13: an offer to host talks is no talks", "[extract][events13]") {
  Stage1 a(
      "The envoy of Tanzania said his country was prepared to host talks between the two "
      "sides in Mombasa at any level.");
  CHECK_FALSE(has_event(a.events(), "Negotiation@Mombasa"));
  Stage1 b("Kenya offered on Tuesday to host talks between the rivals in Mombasa.");
  CHECK_FALSE(has_event(b.events(), "Negotiation@Mombasa"));
  Stage1 c("Government and rebel envoys held talks in Mombasa on Tuesday.");
  CHECK(has_event(c.events(), "Negotiation@Mombasa"));
}

TEST_CASE("events13: fleeing an event already reported adds none", "[extract][events13]") {
  Stage1 a(
      "Soldiers clashed with rebels in Kisumu on Monday. More than 5,000 people had fled the "
      "fighting across the border to Eldoret, the UN said.");
  const auto ev = a.events();
  CHECK(has_event(ev, "Clash@Kisumu"));
  CHECK_FALSE(has_event(ev, "Clash@Eldoret"));
}

TEST_CASE("events13: a place in a clause after ', as' does not locate the trigger before it",
          "[extract][events13]") {
  Stage1 a(
      "Council hears rival accounts of the Kisumu shelling, as members urge restraint in "
      "Eldoret.");
  CHECK_FALSE(has_event(a.events(), "Shelling@Eldoret"));
  // ", as well as" goes on with the list of places struck.
  Stage1 b("Drones struck Mombasa on Monday, as well as Nakuru, officials said.");
  CHECK(has_event(b.events(), "DroneAttack@Nakuru"));
}

TEST_CASE("events13: 'hit' with a place as its object is a strike", "[extract][events13]") {
  Stage1 a("As well as attacking Nairobi, the air force also hit the city of Eldoret on Friday.");
  CHECK(has_event(a.events(), "Airstrike@Eldoret"));
  // Not a place hit by something ("hit by"), nor a thing hit.
  Stage1 b("Eldoret was hit by floods on Friday, officials said.");
  CHECK_FALSE(has_class(b.events(), "Airstrike"));
  Stage1 c("The team hit a new record in Eldoret on Friday.");
  CHECK_FALSE(has_class(c.events(), "Airstrike"));
}

TEST_CASE("events13: a place said to have been hit was struck", "[extract][events13]") {
  Stage1 a(
      "Explosions were heard across the capital, and an army base in the city of Eldoret had "
      "also been hit, state television said.");
  CHECK(has_event(a.events(), "Airstrike@Eldoret"));
  Stage1 b("Eldoret was hit hard by the drought this year.");
  CHECK_FALSE(has_class(b.events(), "Airstrike"));
}

TEST_CASE("events13: a bare 'declared' is no declaration event", "[extract][events13]") {
  Stage1 a("President Ruto declared a 30-day state of emergency in Nakuru on Monday.");
  CHECK_FALSE(has_class(a.events(), "Statement"));
  Stage1 b("The government declared Friday a day of mourning for the victims in Nakuru.");
  CHECK_FALSE(has_class(b.events(), "Statement"));
  // A declaration of war and a break of relations are.
  Stage1 c("Kenya's defence minister declared war on the rebels on Monday.");
  CHECK(has_class(c.events(), "Statement"));
  Stage1 d("Hours later, the council announced it was severing diplomatic relations with Uganda.");
  CHECK(has_class(d.events(), "Statement"));
}

TEST_CASE("events13: an attack with no place and no side acted on is no event",
          "[extract][events13]") {
  // A generic mention and a restatement with no place.
  Stage1 a(
      "Rebel attacks on shipping intensified on Monday, the navy said. The group denied that "
      "its fighters had opened fire.");
  const auto ev = a.events();
  CHECK(ev.count("GroundAttack@-") == 0);
  // One side acting on another stays without a place, and a located attack stays.
  Stage1 b("Kenyan forces captured three Ugandan soldiers on Monday, officials said.");
  CHECK(has_class(b.events(), "Capture"));
  Stage1 c("Gunmen attacked a police post in Nakuru on Monday, killing two officers.");
  CHECK(has_event(c.events(), "GroundAttack@Nakuru"));
}

TEST_CASE("events13: a truce that talks failed to bring is no truce", "[extract][events13]") {
  Stage1 a(
      "Talks in Mombasa between the army and the rebels ended on Tuesday without a ceasefire.");
  CHECK_FALSE(has_class(a.events(), "Ceasefire"));
  CHECK(has_event(a.events(), "Negotiation@Mombasa"));
  Stage1 b("The two sides failed to agree on a truce in Mombasa on Tuesday.");
  CHECK_FALSE(has_class(b.events(), "Ceasefire"));
  Stage1 c("Elders from Nakuru are trying to broker a truce between the clans.");
  CHECK_FALSE(has_class(c.events(), "Ceasefire"));
  Stage1 d("The army and the rebels agreed a ceasefire in Mombasa on Tuesday.");
  CHECK(has_event(d.events(), "Ceasefire@Mombasa"));
}

TEST_CASE("events13: where fire came from is not where it struck", "[extract][events13]") {
  Stage1 a(
      "Rockets from Uganda killed two farmers and wounded five people in a village in Kisumu on "
      "Sunday.");
  CHECK(has_event(a.events(), "Shelling@Kisumu"));
  CHECK_FALSE(has_event(a.events(), "Shelling@Uganda"));
  Stage1 b("Shells from Arusha kill two in Kisumu.");
  CHECK(has_event(b.events(), "Shelling@Kisumu"));
  CHECK_FALSE(has_event(b.events(), "Shelling@Arusha"));
  // A withdrawal from a place is there.
  Stage1 c("Government forces withdrew from Kisumu on Friday, elders said.");
  CHECK(has_event(c.events(), "Withdrawal@Kisumu"));
}

TEST_CASE("events13: armed men who killed people in a clause without another trigger",
          "[extract][events13]") {
  Stage1 a(
      "The clashes in Eldoret are the deadliest since March, when soldiers and allied "
      "fighters killed hundreds of civilians in Kisumu.");
  const auto ev = a.events();
  CHECK(has_event(ev, "Killing@Kisumu"));
  // Not when the killing is the toll of the clause's own event.
  Stage1 b("Gunmen attacked a market in Kisumu on Monday and killed 12 villagers.");
  CHECK_FALSE(has_class(b.events(), "Killing"));
}

TEST_CASE("events13: a reaction to an event already reported adds none", "[extract][events13]") {
  Stage1 a(
      "Rebels shelled the town of Nakuru on Monday, killing 12 people, police said. The "
      "governor of Kisumu said he was appalled by the shelling.");
  CHECK(has_event(a.events(), "Shelling@Nakuru"));
  CHECK_FALSE(has_event(a.events(), "Shelling@Kisumu"));
  Stage1 b(
      "Rebels shelled the town of Nakuru on Monday, killing 12 people, police said. The "
      "governor of Kisumu said he was \"shocked\" by the shelling.");
  CHECK_FALSE(has_event(b.events(), "Shelling@Kisumu"));
  // Shelling that is reported, not reacted to, still is an event.
  Stage1 c(
      "Rebels shelled the town of Nakuru on Monday, police said. The governor said troops "
      "shelled Kisumu on Tuesday.");
  CHECK(has_event(c.events(), "Shelling@Kisumu"));
}

TEST_CASE("events13: what mediation is over is no event", "[extract][events13]") {
  Stage1 a(
      "Kenya has been mediating between Uganda and Tanzania over the withdrawal of troops "
      "from Kisumu.");
  CHECK_FALSE(has_class(a.events(), "Withdrawal"));
  Stage1 b("Tanzanian troops withdrew from Eldoret on Monday.");
  CHECK(has_class(b.events(), "Withdrawal"));
}
