// Mechanisms prompted by the thirty-third held-out set (tests/data/heldout33: a Q&A explainer, a
// reproduced ministry statement, a translated local report, a wire round-up): one case per
// mechanism, on invented text and names.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h33") {}
};

using ng_test::has;

// Does any label of `labels` contain `part`?
bool any_contains(const std::set<std::string>& labels, const std::string& part) {
  for (const auto& l : labels) {
    if (l.find(part) != std::string::npos) return true;
  }
  return false;
}

// The labels of every place class.
std::set<std::string> any_place(const Stage1& run) {
  std::set<std::string> out;
  for (const char* cls : {"City", "Region", "Province", "Site", "Country"}) {
    for (const auto& l : run.labels(cls)) out.insert(l);
  }
  return out;
}

}  // namespace

TEST_CASE("places: a foreign town's name right before a verb of speech is no town",
          "[extract][heldout33]") {
  // The article names no state the town lies in: a surname.
  Stage1 a(
      "Olmo Brigade fighters hold the port of Kovno. Tema said on Monday that his men would stay.");
  CHECK_FALSE(has(a.labels("City"), "Tema"));
  // Not before a verb of speech: the town, as before.
  Stage1 b("Olmo Brigade fighters hold the port of Kovno. Fighters from Tema arrived on Monday.");
  CHECK(has(b.labels("City"), "Tema"));
  // After "of" the town is no subject: "Residents of Tema said" names the town.
  Stage1 d(
      "Olmo Brigade fighters hold the port of Kovno. Residents of Tema said the port was shut.");
  CHECK(has(d.labels("City"), "Tema"));
  // A town of a state the article names still is a town: "Tema said" is then no surname.
  Stage1 c("Ghana's navy patrols the coast. Tema said on Monday that the port was open.");
  CHECK(has(c.labels("City"), "Tema"));
}

TEST_CASE("actors: a name set off by commas after an office and its remit is a person",
          "[extract][heldout33]") {
  Stage1 a(
      "The head of the Zemblan Regional Communication Bureau, Olek Varan, denied the report. "
      "Tarvia's representative at the United Nations, Mira Dosk, called the strike a crime.");
  const auto people = a.labels("Person");
  CHECK(has(people, "Olek Varan"));
  CHECK(has(people, "Mira Dosk"));
  CHECK_FALSE(any_contains(people, "Bureau"));
}

TEST_CASE("actors: a compass word opens no person's name before a speaker set off by commas",
          "[extract][heldout33]") {
  Stage1 a(
      "The commander of the rebel forces in East Varna, Kesto Mirel, told reporters that his "
      "fighters had taken the hill.");
  CHECK(has(a.labels("Person"), "Kesto Mirel"));
  CHECK_FALSE(has(a.labels("Person"), "East Varna"));
}

TEST_CASE("actors: a state service named with the state after 'of'", "[extract][heldout33]") {
  Stage1 a("Four farmers were detained on Sunday, the State Security Service of Ghana said.");
  CHECK(has(a.labels("Government"), "State Security Service of Ghana"));
  CHECK_FALSE(has(a.labels("Government"), "State Security Service"));
  // Not past the state: nothing after it joins the name.
  CHECK_FALSE(any_contains(a.labels("Government"), "said"));
}

TEST_CASE("actors: a state's office for a place keeps the place in its name",
          "[extract][heldout33]") {
  Stage1 a(
      "Oren Pask, the head of Ghana's Office for Togo and Benin Affairs, accused the police of "
      "beating the men.");
  CHECK(has(a.labels("Government"), "Ghana's Office for Togo and Benin Affairs"));
  CHECK_FALSE(has(a.labels("Government"), "Ghana's Office"));
}

TEST_CASE("actors: a state's embassy abroad is the state's body, not 'embassy in X'",
          "[extract][heldout33]") {
  Stage1 a("The Ghanaian embassy in Kovno urged calm on Tuesday.");
  CHECK(has(a.labels("Government"), "Ghanaian embassy"));
  CHECK_FALSE(has(a.labels("Government"), "embassy in Kovno"));
  // Without a state before it, the office is named by its seat as before.
  Stage1 b("The prime minister's office in Accra said the talks would resume.");
  CHECK(has(b.labels("Government"), "prime minister's office in Accra"));
}

TEST_CASE("actors: 'and the' between two bodies opens the second name", "[extract][heldout33]") {
  Stage1 a(
      "The city is home to the Grand Bank of Ghana and the Zemblan Oil Corporation, officials "
      "said.");
  const auto orgs = a.labels("Organization");
  CHECK(has(orgs, "Zemblan Oil Corporation"));
  CHECK_FALSE(any_contains(orgs, " and the "));
  // "and" before a capital stays inside a name.
  Stage1 b("The Council for Peace and Justice met on Monday in Kovno.");
  CHECK(has(b.labels("Organization"), "Council for Peace and Justice"));
}

TEST_CASE("actors: a peacekeeping force named by its acronym after its description",
          "[extract][heldout33]") {
  Stage1 a("The UN-led peacekeeping force ZFOR said it had increased patrols around Kovno.");
  CHECK(has(a.labels("Organization"), "ZFOR"));
  // A lower-case force with no acronym after it names none.
  Stage1 b("The peacekeeping force said it had increased patrols around Kovno.");
  CHECK(b.labels("Organization").empty());
}

TEST_CASE("actors: a breakaway region's de facto authorities are named with the region",
          "[extract][heldout33]") {
  Stage1 a("North Varosia's de facto authorities said the men would be tried.");
  CHECK(has(a.labels("Government"), "North Varosia's de facto authorities"));
  CHECK_FALSE(has(a.labels("Government"), "Varosia's de facto authorities"));
}

TEST_CASE("places: a definite apposition saying what a settlement is the town of",
          "[extract][heldout33]") {
  Stage1 a("The men were taken to Varkesh, the main town of the region, officials said.");
  CHECK(has(a.labels("City"), "Varkesh"));
  // An apposition that is no settlement word makes none.
  Stage1 b("The men were taken to Varkesh, the head of the council said.");
  CHECK_FALSE(has(any_place(b), "Varkesh"));
}

TEST_CASE("places: the streets or outskirts of an unknown name are a settlement's",
          "[extract][heldout33]") {
  Stage1 a("Residents reported tanks in the streets of Oum Tessa on Monday.");
  CHECK(has(a.labels("City"), "Oum Tessa"));
  Stage1 b("Fighting was reported on the outskirts of Dravin.");
  CHECK(has(b.labels("City"), "Dravin"));
  // A known body's streets name no place.
  Stage1 c("Fighters of the African Union said the streets of the town were quiet.");
  CHECK_FALSE(has(any_place(c), "African Union"));
}

TEST_CASE("places: 'much of' or 'parts of' an unknown name is a region", "[extract][heldout33]") {
  Stage1 a("Telephone services in much of Velgam have been cut since Monday.");
  CHECK(has(a.labels("Region"), "Velgam"));
  // A possessive after the name is no region of its own.
  Stage1 b("Parts of Velgam's old town were shelled.");
  CHECK_FALSE(has(b.labels("Region"), "Velgam"));
}

TEST_CASE("places: a road named after a known town is a site, a road 'in' an unknown name",
          "[extract][heldout33]") {
  Stage1 a("A drone hit an army checkpoint near the Tema road on Monday night.");
  CHECK(has(a.labels("Site"), "Tema road"));
  CHECK_FALSE(has(a.labels("City"), "Tema"));
  Stage1 b("A drone struck a position near the coastal road in Tavreh, the group said.");
  CHECK(has(b.labels("City"), "Tavreh"));
}
