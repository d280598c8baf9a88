// Event mechanisms of session 15 (false positives on unseen text): one case per mechanism, on
// invented sentences, each with the case it must leave alone.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;
using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev15") {}
};

}  // namespace

TEST_CASE("events15: a verb's participle after a determiner describes a noun",
          "[extract][events15]") {
  Stage1 a("Troops freed four of the abducted pupils near Eldoret on Monday.");
  CHECK_FALSE(has_class(a.events(), "Capture"));
  Stage1 b("Aid reached the besieged town of Eldoret on Monday.");
  CHECK_FALSE(has_class(b.events(), "GroundAttack"));
  // The verb itself still reports its event.
  Stage1 c("Rebels abducted four pupils in Eldoret on Monday.");
  CHECK(has_event(c.events(), "Capture@Eldoret"));
}

TEST_CASE("events15: people taken in a toll, counted in words, are no capture",
          "[extract][events15]") {
  Stage1 a("The rebels said they had killed 20 soldiers and captured four others in Eldoret.");
  CHECK_FALSE(has_class(a.events(), "Capture"));
  Stage1 b("The rebels captured the town of Eldoret on Monday.");
  CHECK(has_event(b.events(), "Capture@Eldoret"));
}

TEST_CASE("events15: a launch pad is a thing, not shelling", "[extract][events15]") {
  Stage1 a("The army dismantled a rocket launch pad near Eldoret on Tuesday.");
  CHECK_FALSE(has_class(a.events(), "Shelling"));
  Stage1 b("Rebels fired rockets at Eldoret on Tuesday.");
  CHECK(has_event(b.events(), "Shelling@Eldoret"));
}

TEST_CASE("events15: attackers on foot who struck a village made a ground attack",
          "[extract][events15]") {
  Stage1 a("The attackers struck the village of Kamo near Eldoret on Saturday.");
  CHECK(has_class(a.events(), "GroundAttack"));
  CHECK_FALSE(has_class(a.events(), "Airstrike"));
  Stage1 b("Gunmen had struck a checkpoint in Eldoret on Saturday.");
  CHECK(has_event(b.events(), "GroundAttack@Eldoret"));
  // A state's forces striking stay an air strike.
  Stage1 c("Kenya struck rebel positions in Eldoret on Saturday.");
  CHECK(has_event(c.events(), "Airstrike@Eldoret"));
}

TEST_CASE("events15: a count of many over a period is a statistic", "[extract][events15]") {
  Stage1 a("The UN said gangs had kidnapped at least 185 people in the same period in Eldoret.");
  CHECK_FALSE(has_class(a.events(), "Capture"));
  Stage1 b("The army had carried out more than 200 attacks in Eldoret since the floods.");
  CHECK_FALSE(has_class(b.events(), "GroundAttack"));
  // A small count, or no period, is one event.
  Stage1 c("Gunmen kidnapped 15 people in Eldoret on Monday.");
  CHECK(has_event(c.events(), "Capture@Eldoret"));
  Stage1 d("Rebels recaptured several towns near Eldoret in recent weeks.");
  CHECK(has_class(d.events(), "Capture"));
}

TEST_CASE("events15: a visit is diplomatic only when a diplomat makes it", "[extract][events15]") {
  Stage1 a("Governor John Otieno, who visited Eldoret on Saturday, blamed the rebels.");
  CHECK_FALSE(has_class(a.events(), "DiplomaticVisit"));
  Stage1 b("Ugandan Foreign Minister John Okello, who visited Nairobi on Monday, was due home.");
  CHECK(has_event(b.events(), "DiplomaticVisit@Nairobi"));
}

TEST_CASE("events15: a place speaking, or where someone is due, is no event place",
          "[extract][events15]") {
  Stage1 a("Rebels attacked Eldoret on Monday, Nairobi says.");
  CHECK(has_event(a.events(), "GroundAttack@Eldoret"));
  CHECK_FALSE(has_event(a.events(), "GroundAttack@Nairobi"));
  Stage1 b(
      "The envoy met rebel leaders in Eldoret on Friday and was expected in Nairobi on Monday.");
  CHECK(has_event(b.events(), "DiplomaticContact@Eldoret"));
  CHECK_FALSE(has_event(b.events(), "DiplomaticContact@Nairobi"));
  // Where something happened after "in" stays.
  Stage1 c("The envoy met rebel leaders in Nairobi on Monday.");
  CHECK(has_event(c.events(), "DiplomaticContact@Nairobi"));
}
