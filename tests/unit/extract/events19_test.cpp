// Event mechanisms of session 19 (a round of fighting a truce ended, the passive "met with",
// what someone works for or would accept, meetings planned for a later day, the capital the
// text calls so, a definite strike said again): one case per mechanism, on invented sentences,
// each with the case it must leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;
using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev19") {}
};

}  // namespace

TEST_CASE("events19: a round of fighting a truce ended long ago is background",
          "[extract][events19]") {
  Stage1 a(
      "A ceasefire brokered by the church in May 2025 ended an earlier round of clashes in "
      "Kisumu, but it never led to the militias leaving.");
  CHECK_FALSE(has_class(a.events(), "Clash"));
  // A round ended this week is the report's own fighting.
  Stage1 b("A ceasefire agreed on Sunday ended a round of clashes in Kisumu.");
  CHECK(has_class(b.events(), "Clash"));
}

TEST_CASE("events19: the passive 'met with' is no meeting", "[extract][events19]") {
  Stage1 a("The commander warned that any attack on Kisumu would be met with force.");
  CHECK_FALSE(has_class(a.events(), "DiplomaticContact"));
  Stage1 b("The governor met with elders in Kisumu on Monday.");
  CHECK(has_event(b.events(), "DiplomaticContact@Kisumu"));
}

TEST_CASE("events19: a release someone works for has not happened", "[extract][events19]") {
  Stage1 a("The ministry said it was working for the release of the men held in Kisumu.");
  CHECK_FALSE(has_class(a.events(), "PrisonerRelease"));
  Stage1 b("The rebels announced the release of 20 soldiers in Kisumu on Monday.");
  CHECK(has_class(b.events(), "PrisonerRelease"));
}

TEST_CASE("events19: talks someone would accept are no talks", "[extract][events19]") {
  Stage1 a(
      "A rebel spokesman said the group would accept talks in Nairobi only if the church led "
      "them.");
  CHECK_FALSE(has_class(a.events(), "Negotiation"));
  Stage1 b("The two sides held talks in Nairobi on Monday.");
  CHECK(has_class(b.events(), "Negotiation"));
}

TEST_CASE("events19: a meeting dated after the report is planned talks", "[extract][events19]") {
  // (The test article is dated 2026-03-10.)
  Stage1 a("The two leaders are due to meet in Nairobi on March 24.");
  CHECK(has_event(a.events(), "Negotiation@Nairobi"));
  CHECK_FALSE(has_class(a.events(), "DiplomaticContact"));
  Stage1 b("The two leaders met in Nairobi on March 9.");
  CHECK(has_event(b.events(), "DiplomaticContact@Nairobi"));
}

TEST_CASE("events19: 'the capital' is the capital the text called so", "[extract][events19]") {
  Stage1 a(
      "Fighting broke out in the Kenyan capital, Nairobi, on Sunday.\n\n"
      "Uganda offered to host talks in Kampala.\n\n"
      "Shells hit a market in the capital on Monday, residents said.");
  CHECK(has_event(a.events(), "Shelling@Nairobi"));
  CHECK_FALSE(has_event(a.events(), "Shelling@Kampala"));
  // No capital called so: the last one named.
  Stage1 b(
      "Fighting broke out in Nairobi on Sunday.\n\n"
      "Uganda offered to host talks in Kampala.\n\n"
      "Shells hit a market in the capital on Monday, residents said.");
  CHECK(has_event(b.events(), "Shelling@Kampala"));
}

TEST_CASE("events19: a definite strike with no place is the strike reported",
          "[extract][events19]") {
  Stage1 a(
      "On Monday, a drone struck a rebel position in Kisumu, the rebels said. They blamed the "
      "army for the strike.");
  CHECK(has_event(a.events(), "DroneAttack@Kisumu"));
  CHECK_FALSE(has_class(a.events(), "Airstrike"));
  // An indefinite strike is another one.
  Stage1 b(
      "On Monday, a drone struck a rebel position in Kisumu, the rebels said. Later an air "
      "strike hit a convoy, they said.");
  CHECK(has_class(b.events(), "Airstrike"));
}

TEST_CASE("events19: where fighters withdrew to is no place of the withdrawal",
          "[extract][events19]") {
  Stage1 a(
      "Police exchanged fire with the gunmen for an hour before they withdrew toward the Kisumu "
      "border crossing.");
  CHECK_FALSE(has_class(a.events(), "Withdrawal"));
  Stage1 b("Government forces withdrew from Kisumu on Friday without a fight, elders said.");
  CHECK(has_event(b.events(), "Withdrawal@Kisumu"));
}

TEST_CASE("events19: the town of elders named by it is where they acted", "[extract][events19]") {
  Stage1 a(
      "Fighting continued in Eldoret on Monday.\n\nElders in Eldoret said they had tried to "
      "arrange a local truce, but that the effort had failed on Monday evening.");
  CHECK(has_event(a.events(), "Ceasefire@Eldoret"));
}
