// Mechanisms prompted by the thirty-fifth held-out set (tests/data/heldout35: a wire news-in-brief
// round-up, a Q&A interview, an op-ed, an army press release): one case per mechanism, on
// invented text and names.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h35") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("actors: 'Md.' before a name is part of it and ends no sentence",
          "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "In the exchange of fire, Sergeant Md. Tolan Varek of the Tarvian Army was killed.\n");
  const auto people = a.labels("Person");
  CHECK_FALSE(has(people, "Md"));
  CHECK(has(people, "Md. Tolan Varek"));
}

TEST_CASE("places: a subdistrict named with its lower-case unit word is a region",
          "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "Police arrested six suspects in Olvaru upazila on Tuesday. Gunmen raided a school in "
      "Kestil tehsil and in Marvo woreda.\n");
  const auto regions = a.labels("Region");
  CHECK((has(regions, "Olvaru upazila") || has(regions, "Olvaru")));
  CHECK((has(regions, "Kestil tehsil") || has(regions, "Kestil")));
  CHECK((has(regions, "Marvo woreda") || has(regions, "Marvo")));
}

TEST_CASE("places: hill tracts with their abbreviation are a region, not a body",
          "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "The army remains committed to peace in the Varno Hill Tracts (VHT) under the 1997 "
      "accord.\n");
  CHECK(has(a.labels("Region"), "Varno Hill Tracts"));
  CHECK_FALSE(has(a.labels("Organization"), "Varno Hill Tracts"));
}

TEST_CASE("places: a mountain named with 'Mount' is a site", "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "Gunmen attacked the village of Kestavo, north of Mount Tarvel, on Monday.\n");
  CHECK(has(a.labels("Site"), "Mount Tarvel"));
}

TEST_CASE("events: sides that fought for several hours clashed", "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "The army and the Olmo Front fought for several hours in the town of Kestavo on Monday.\n");
  CHECK(ng_test::has_class(a.events(), "Clash"));
}

TEST_CASE("actors: a ministry named head first after its state's possessive drops it",
          "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "Ghana's Ministry of Water Resources (MWR) said six villages were flooded. Kenya's "
      "Ministry of Roads said the bridge was closed.\n");
  const auto bodies = a.labels("Government");
  // (With its abbreviation the body is named by organization_definition first, as a body.)
  CHECK((has(bodies, "Ministry of Water Resources") ||
         has(a.labels("Organization"), "Ministry of Water Resources")));
  CHECK(has(bodies, "Ministry of Roads"));
  CHECK_FALSE(has(bodies, "Ghana's Ministry of Water Resources"));
  CHECK_FALSE(has(bodies, "Kenya's Ministry of Roads"));
}

TEST_CASE("actors: a founder's name and a name after an office of a body with its abbreviation",
          "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "The talks were between the jailed OFV founder Tomas Varek and the government. A spokesman "
      "for the ruling Olmo Unity and Progress Party (OUPP), Ilse Kestan, visited the flooded "
      "villages.\n");
  const auto people = a.labels("Person");
  CHECK(has(people, "Tomas Varek"));
  CHECK(has(people, "Ilse Kestan"));
}

TEST_CASE("actors: 'Any', 'Every', 'Each' open no group's name", "[extract][heldout35]") {
  Stage1 a(
      "Floods in the north\n\n"
      "\"Any armed group outside the state will be disarmed,\" the minister said. Every militia "
      "in the hills will hand in its weapons.\n");
  const auto groups = a.labels("ArmedGroup");
  CHECK_FALSE(has(groups, "Any"));
  CHECK_FALSE(has(groups, "Every"));
}
