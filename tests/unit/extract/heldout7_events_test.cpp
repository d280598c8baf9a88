// Stage-1 event mechanisms added with the seventh held-out set (tests/data/heldout7): one case
// per mechanism, on invented sentences.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "both_stages.hpp"
#include "extract/extractor.hpp"
#include "rdf/vocab.hpp"
#include "stage1_result.hpp"

using namespace ng::extract;

namespace {

using ng_test::ng_term;
using ng_test::stages;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h7") {}
};

}  // namespace

TEST_CASE("events: talks that were ruled out or refused are no event",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "Rebels attacked an army post in Kindu in the Democratic Republic of Congo on Monday. The "
      "government has ruled out talks with the rebels, and the rebels refused negotiations.");
  for (const std::string& e : r.events()) CHECK(e.rfind("Negotiation", 0) != 0);
}

TEST_CASE("events: similar or repeated attacks, a string of attacks, are habitual, no event",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "A bomb exploded at a market in Kindu in the Democratic Republic of Congo on Monday, the "
      "latest in a string of attacks blamed on the rebels. No group claimed it, but the Tarvia "
      "Front has carried out similar attacks in Bukavu. Goma has been the scene of repeated "
      "attacks.");
  const auto ev = r.events();
  CHECK(ev.count("Bombing@Kindu") == 1);
  CHECK(ev.count("GroundAttack@Bukavu") == 0);
  CHECK(ev.count("GroundAttack@Goma") == 0);
  for (const std::string& e : ev) CHECK(e.rfind("GroundAttack", 0) != 0);
}

TEST_CASE("events: a truce that talks are about has not happened",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "Elders met officials in Kindu in the Democratic Republic of Congo on Monday for talks "
      "about a local truce with the militias.");
  for (const std::string& e : r.events()) CHECK(e.rfind("Ceasefire", 0) != 0);
}

TEST_CASE("events: 'a bomb exploded' reports a bombing", "[extract][generalisation][heldout7]") {
  Stage1 r(
      "On Tuesday, a homemade bomb exploded at a bus station in Kindu in the Democratic Republic "
      "of Congo, killing two people.");
  CHECK(r.events().count("Bombing@Kindu") == 1);
}

TEST_CASE("events: talks are held where a delegation is sent for them",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "In the capital Kinshasa, the government said it would send a delegation to Goma next week "
      "for a new round of talks with the rebels.");
  const auto ev = r.events();
  CHECK(ev.count("Negotiation@Goma") == 1);
  CHECK(ev.count("Negotiation@Kinshasa") == 0);
}

TEST_CASE("events: a compass region of a country bounds an event with another place",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "Gunmen attacked an army post near the town of Kindu in eastern Congo on Thursday. Drones "
      "struck targets in eastern Congo on Friday.");
  const auto ev = r.events();
  CHECK(ev.count("GroundAttack@Kindu") == 1);
  CHECK(ev.count("GroundAttack@eastern Congo") == 0);
}

TEST_CASE("events: where troops are sent is no place of the event",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "Foreign Minister Tom Kolo, who visited Kindu in the Democratic Republic of Congo on "
      "Wednesday, said the government would send more troops to Bukavu.");
  const auto ev = r.events();
  CHECK(ev.count("DiplomaticVisit@Kindu") == 1);
  CHECK(ev.count("DiplomaticVisit@Bukavu") == 0);
}

TEST_CASE("events: a gunbattle is a clash", "[extract][generalisation][heldout7]") {
  Stage1 r(
      "In a gunbattle in Kindu in the Democratic Republic of Congo on Sunday, three attackers "
      "were killed, police said.");
  CHECK(r.events().count("Clash@Kindu") == 1);
}

TEST_CASE("events: a meeting facilitated by a third party is a negotiation",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "A meeting facilitated by the regional bloc between militia leaders and officials in Goma "
      "in the Democratic Republic of Congo ended without agreement on Monday. The minister's "
      "meeting in Kindu was cancelled.");
  const auto ev = r.events();
  CHECK(ev.count("Negotiation@Goma") == 1);
  CHECK(ev.count("Negotiation@Kindu") == 0);
}

TEST_CASE("events: a country before its forces acts, it is no place of the strike",
          "[extract][generalisation][heldout7]") {
  Stage1 r(
      "In Congo, U.S. forces carried out an airstrike near Goma on Saturday, killing three "
      "fighters, the command said.");
  const auto ev = r.events();
  CHECK(ev.count("Airstrike@Goma") == 1);
  for (const std::string& e : ev) CHECK(e.find("@United States") == std::string::npos);
}
