// Event mechanisms of session 14 (talks venues, demands, fighting that led to an event, killings
// in reported speech): one case per mechanism, on invented sentences, each with the case it must
// leave alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;
using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev14") {}
};

}  // namespace

TEST_CASE("events14: talks with a place after in/at were held there, not at their other places",
          "[extract][events14]") {
  // The second item of the venue's list is a venue too; what the talks were about is not.
  Stage1 a(
      "Kenyan and Ugandan envoys held talks in Mombasa and Kisumu on Tuesday on the dispute over "
      "Eldoret.");
  const auto ev = a.events();
  CHECK(has_event(ev, "Negotiation@Mombasa"));
  CHECK(has_event(ev, "Negotiation@Kisumu"));
  CHECK_FALSE(has_event(ev, "Negotiation@Eldoret"));
  // Talks with no venue of their own beside a meeting held at one were held there.
  Stage1 b(
      "The envoy met both delegations in Mombasa on Monday, but the talks have stalled over the "
      "demand that troops leave Eldoret.");
  const auto evb = b.events();
  CHECK(has_event(evb, "DiplomaticContact@Mombasa"));
  CHECK_FALSE(has_event(evb, "Negotiation@Eldoret"));
  // Talks with no venue keep the place they have.
  Stage1 c("The Kisumu talks resumed on Tuesday.");
  CHECK(has_event(c.events(), "Negotiation@Kisumu"));
}

TEST_CASE("events14: an event asked for by a demand verb has not happened", "[extract][events14]") {
  Stage1 a("Kenya demanded that Uganda stop the shelling of Eldoret.");
  CHECK_FALSE(has_class(a.events(), "Shelling"));
  Stage1 b("The UN called on both sides to refrain from attacks on civilians in Eldoret.");
  CHECK_FALSE(has_class(b.events(), "GroundAttack"));
  Stage1 c(
      "The president called on Tanzania, which brokered the truce, to press the rebels to halt "
      "their attacks in Eldoret.");
  CHECK_FALSE(has_class(c.events(), "GroundAttack"));
  // What a demand asks to look into happened; so did an event after a word opening another
  // clause, and one stopped by troops rather than asked to stop.
  Stage1 d("The governor urged police to investigate the attack on a market in Eldoret on Monday.");
  CHECK(has_event(d.events(), "GroundAttack@Eldoret"));
  Stage1 e("The UN urged restraint after rebels attacked Eldoret on Monday.");
  CHECK(has_event(e.events(), "GroundAttack@Eldoret"));
  Stage1 f("Troops entered Eldoret on Monday only to stop the fighting, the army said.");
  CHECK(has_event(f.events(), "Clash@Eldoret"));
}

TEST_CASE("events14: fighting that led to an event happened where that event did",
          "[extract][events14]") {
  Stage1 a(
      "Rebels seized the town of Eldoret on Tuesday after two days of fighting with the army.");
  const auto ev = a.events();
  CHECK(has_event(ev, "Capture@Eldoret"));
  CHECK(has_event(ev, "Clash@Eldoret"));
  // Talks are held elsewhere than the fighting before them.
  Stage1 b("The two sides agreed on Tuesday to hold talks in Mombasa after two days of fighting.");
  CHECK(has_event(b.events(), "Negotiation@Mombasa"));
  CHECK_FALSE(has_event(b.events(), "Clash@Mombasa"));
  // A siege is not taken as fighting that led to a capture.
  Stage1 c("The rebels seized Eldoret in October after an 18-month siege.");
  CHECK_FALSE(has_event(c.events(), "GroundAttack@Eldoret"));
}

TEST_CASE("events14: a killing in the past perfect after a speech verb is news",
          "[extract][events14]") {
  Stage1 a("Residents of Eldoret said militants had killed four fishermen on Saturday.");
  CHECK(has_event(a.events(), "Killing@Eldoret"));
  // Without a speech verb the past perfect tells background.
  Stage1 b("Militants had killed four fishermen in Eldoret on Saturday.");
  CHECK_FALSE(has_class(b.events(), "Killing"));
  // Nor is a killing found with no count of people ("said militants had killed them").
  Stage1 c("Residents of Eldoret said militants had killed them on Saturday.");
  CHECK_FALSE(has_class(c.events(), "Killing"));
}

TEST_CASE("events14: a statement or video released is no prisoner release", "[extract][events14]") {
  Stage1 a(
      "Nine fighters were killed in Nakuru, according to a statement released in Nakuru on "
      "Thursday morning.");
  CHECK_FALSE(has_class(a.events(), "PrisonerRelease"));
  // People released still are.
  Stage1 c("Rebels released 12 hostages in Nakuru on Monday, police said.");
  CHECK(has_event(c.events(), "PrisonerRelease@Nakuru"));
}
