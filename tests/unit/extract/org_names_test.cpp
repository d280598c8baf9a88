// Organisation and collective-body name spans (stage 1): one case per mechanism, on invented
// names and sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "orgn") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("org names: a denomination opens an organisation's name", "[extract][org_names]") {
  // "Christian" is no name of its own (not_names.tsv), but it opens the council's name: not
  // "Council of Peru".
  Run r("LIMA (Reuters) - The Christian Council of Peru offered on Monday to mediate.");
  const auto orgs = r.labels("Organization");
  CHECK(has(orgs, "Christian Council of Peru"));
  CHECK_FALSE(has(orgs, "Council of Peru"));
}

TEST_CASE("org names: a country right after the head word is part of the name",
          "[extract][org_names]") {
  // A national body named with its country after the head word: not the country.
  Run r(
      "BANGKOK (Reuters) - The Hill Farmers' Association Laos, a rights group, said 12 "
      "civilians had been killed in air strikes since January.");
  CHECK(has(r.labels("Organization"), "Hill Farmers' Association Laos"));
  CHECK_FALSE(has(r.labels("Country"), "Laos"));
}

TEST_CASE("org names: a denomination's collective body is an organisation",
          "[extract][org_names]") {
  // "X's Catholic bishops", "the Anglican bishops of Y": a body that acts as one; the country
  // before it is no part of the name, a place after "of" is.
  Run r(
      "LIMA (Reuters) - Peru's Catholic bishops said on Monday they were ready to mediate. The "
      "Anglican bishops of Cusco said they would help.");
  const auto orgs = r.labels("Organization");
  CHECK(has(orgs, "Catholic bishops"));
  CHECK(has(orgs, "Anglican bishops of Cusco"));
  // Priests are no collective body.
  Run b("LIMA (Reuters) - Two Catholic priests were killed in Cusco on Monday.");
  CHECK_FALSE(has(b.labels("Organization"), "Catholic priests"));
}

TEST_CASE("org names: a name opened by a Spanish article is a group's, not a person's",
          "[extract][org_names]") {
  // Named once, between two sides; and as the subject of a speech verb (not a person).
  Run r(
      "QUITO (Reuters) - The church offered to mediate between La Hermandad Serrana and Los "
      "Halcones. Los Halcones denied it on Monday.");
  const auto groups = r.labels("ArmedGroup");
  CHECK(has(groups, "La Hermandad Serrana"));
  CHECK(has(groups, "Los Halcones"));
  CHECK_FALSE(has(r.labels("Person"), "Los Halcones"));
  // A place opened by an article stays a place.
  Run b("QUITO (Reuters) - Two soldiers were killed in Los Angeles on Monday.");
  CHECK_FALSE(has(b.labels("ArmedGroup"), "Los Angeles"));
}

TEST_CASE("org names: a region's or state's prosecution office is a body of government",
          "[extract][org_names]") {
  // gov_bodies.tsv: "attorney general's office", "prosecutor's office", "ombudsman's office"
  // after a place.
  Run r(
      "LIMA (Reuters) - According to the Cusco Attorney General's Office, 12 people were killed "
      "in May. Peru's prosecutor's office said it had opened an inquiry.");
  const auto gov = r.labels("Government");
  CHECK(has(gov, "Cusco Attorney General's Office"));
  CHECK(has(gov, "Peru's prosecutor's office"));
  // The ombudsman's office likewise.
  Run b("LIMA (Reuters) - Peru's human rights ombudsman's office said 5 people were killed.");
  CHECK(has(b.labels("Government"), "Peru's human rights ombudsman's office"));
}

TEST_CASE("org names: a Spanish or Portuguese head word opens an organisation's name",
          "[extract][org_names]") {
  // Not a person: "Plataforma X", "the Coordinadora X del Y" (foreign_org_heads.tsv).
  Run r(
      "LIMA (Reuters) - Plataforma Vigilante, a monitoring network, said 30 people were killed. "
      "The Coordinadora Campesina del Cusco said it would march.");
  const auto orgs = r.labels("Organization");
  CHECK(has(orgs, "Plataforma Vigilante"));
  CHECK(has(orgs, "Coordinadora Campesina del Cusco"));
  CHECK_FALSE(has(r.labels("Person"), "Plataforma Vigilante"));
}
