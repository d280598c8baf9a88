// Mechanisms prompted by the thirtieth held-out set (tests/data/heldout30: interstate border
// fighting): one case per mechanism, on invented sentences and names.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h30") {}
};

using ng_test::has;
using ng_test::ng_term;

}  // namespace

TEST_CASE("actors: a state's short name used as its adjective is labelled with its full name",
          "[extract][generalisation][heldout30]") {
  Stage1 a(
      "Talks opened in the Saudi city of Tarvo on Tuesday. Saudi Foreign Minister Olmo Dravek "
      "hosted the delegations.");
  CHECK(has(a.labels("Country"), "Saudi Arabia"));
  CHECK_FALSE(has(a.labels("Country"), "Saudi"));
  // Once the article writes the full name, the label is still the full name.
  Stage1 b("Saudi Arabia said on Monday that the Saudi envoy would travel to Tarvo.");
  CHECK(has(b.labels("Country"), "Saudi Arabia"));
  CHECK_FALSE(has(b.labels("Country"), "Saudi"));
}

TEST_CASE("places: a state's autonomous unit is a place, no government",
          "[extract][generalisation][heldout30]") {
  Stage1 a(
      "Shells hit the Dravo district of the Tarvo Autonomous Republic on Monday. Police in the "
      "Olmo Autonomous Region said two people were wounded.");
  const auto provinces = a.labels("Province");
  CHECK(has(provinces, "Tarvo Autonomous Republic"));
  CHECK(has(provinces, "Olmo Autonomous Region"));
  CHECK_FALSE(has(a.labels("Government"), "Tarvo Autonomous Republic"));
  // A self-declared republic is still a government of its own.
  Stage1 b("Leaders of the self-declared Tarvian Republic of North Dravo said Olmo was shelled.");
  CHECK(has(b.labels("Government"), "Tarvian Republic of North Dravo"));
  CHECK_FALSE(has(b.labels("Province"), "Tarvian Republic of North Dravo"));
}

TEST_CASE("places: a lower-case front after one word is a battle line, no armed group",
          "[extract][generalisation][heldout30]") {
  Stage1 a("Heavy fighting was reported on the Dravo front on Monday, officials said.");
  CHECK(has(a.labels("Site"), "Dravo front"));
  CHECK_FALSE(has(a.labels("ArmedGroup"), "Dravo front"));
  // A guerrilla front named after a person, and a front named in capitals, are groups.
  Stage1 b(
      "Police blamed the Jaime Olmek front for the attack. The Tarvo Liberation Front denied "
      "it.");
  const auto groups = b.labels("ArmedGroup");
  CHECK(has(groups, "Jaime Olmek front"));
  CHECK(has(groups, "Tarvo Liberation Front"));
  CHECK_FALSE(has(b.labels("Site"), "Jaime Olmek front"));
}

TEST_CASE("actors: a state's armed forces named head first are the state's body",
          "[extract][generalisation][heldout30]") {
  Stage1 a("Units of the Armed Forces of Malawi shelled positions near Dravo, the ministry said.");
  CHECK(has(a.labels("Government"), "Armed Forces of Malawi"));
  CHECK_FALSE(has(a.labels("ArmedGroup"), "Armed Forces of Malawi"));
  // "the" may stand before the state.
  Stage1 c("The Armed Forces of the Philippines said two soldiers were wounded near Dravo.");
  CHECK(has(c.labels("Government"), "Armed Forces of the Philippines"));
  // Without a state after "of" it is no state body of this kind.
  Stage1 b("The Democratic Forces of Olmo said they had captured Dravo.");
  CHECK_FALSE(has(b.labels("Government"), "Democratic Forces of Olmo"));
}

TEST_CASE("actors: an authority named with a capitalised Administration is a government body",
          "[extract][generalisation][heldout30]") {
  Stage1 a(
      "Dravo Olmek, president of the Tarvo Interim Regional Administration, appealed for aid on "
      "Monday.");
  CHECK(has(a.labels("Government"), "Tarvo Interim Regional Administration"));
  CHECK(has(a.labels("Person"), "Dravo Olmek"));
  // A lower-case administration is no name of this kind.
  Stage1 b("The regional administration said on Monday that roads were closed.");
  CHECK_FALSE(has(b.labels("Government"), "regional administration"));
}

TEST_CASE("actors: a ministry named after a group or de facto government is its body",
          "[extract][generalisation][heldout30]") {
  Stage1 a(
      "The Taliban defence ministry's spokesman, Dravo Olmek, said the post had been shelled.");
  CHECK(has(a.labels("Government"), "Taliban defence ministry"));
  CHECK(has(a.labels("Person"), "Dravo Olmek"));
}

TEST_CASE("places: a town's border crossing is a site, not a province named with 'border'",
          "[extract][generalisation][heldout30]") {
  Stage1 a("Uzbek officials said the Termez border crossing was closed on Friday.");
  CHECK(has(a.labels("Site"), "Termez border crossing"));
  CHECK_FALSE(has(a.labels("Province"), "Termez border"));
}

TEST_CASE("places: a gazetteer name ending in a hyphenated lower-case article is found",
          "[extract][generalisation][heldout30]") {
  Stage1 a("Syrian troops shelled Deir ez-Zor on Monday.");
  CHECK(has(a.labels("City"), "Deir ez-Zor"));
  // A person's name with the same kind of particle stays whole.
  Stage1 b("Commander Ali az-Tarvi said on Monday the post had been shelled.");
  CHECK(has(b.labels("Person"), "Ali az-Tarvi"));
}

TEST_CASE("actors: a body word before a chief's title is no government body",
          "[extract][generalisation][heldout30]") {
  Stage1 a("Malawian intelligence chief Dravo Olmek attended the talks on Monday.");
  CHECK_FALSE(has(a.labels("Government"), "Malawian intelligence"));
  CHECK(has(a.labels("Person"), "Dravo Olmek"));
  // The body speaking for itself is still a body.
  Stage1 b("Malawian intelligence said on Monday it had arrested two people.");
  CHECK(has(b.labels("Government"), "Malawian intelligence"));
}

TEST_CASE("places: a state after the region or crossings it holds is a place",
          "[extract][generalisation][heldout30]") {
  // Is `state` among the places the article mentions?
  const auto mentioned_as_place = [](const Stage1& r, const std::string& state) {
    for (const auto& q : r.sink.quads) {
      if (q.predicate.value == ng_term("mentionsPlace") && r.label(q.object.value) == state) {
        return true;
      }
    }
    return false;
  };
  CHECK(mentioned_as_place(Stage1("Thousands fled to the eastern region of Malawi on Monday."),
                           "Malawi"));
  CHECK(mentioned_as_place(Stage1("Zambia closed all land crossings with Malawi on Thursday."),
                           "Malawi"));
  // A state that only acts is no place.
  CHECK_FALSE(
      mentioned_as_place(Stage1("Malawi said on Monday that the talks had failed."), "Malawi"));
}

TEST_CASE("actors: a group's media arm named in an apposition is an outlet",
          "[extract][generalisation][heldout30]") {
  Stage1 a(
      "The group said in a message posted by its media arm, az-Tarvia, that its fighters had "
      "killed 12 soldiers.");
  CHECK(has(a.labels("MediaOutlet"), "az-Tarvia"));
  // A state's media wing is no outlet of this kind.
  Stage1 b("Its media wing, Olmek Public Relations (OPR), said 23 soldiers had been killed.");
  CHECK_FALSE(has(b.labels("MediaOutlet"), "Olmek Public Relations"));
}
