// Mechanisms prompted by the twenty-ninth held-out set (tests/data/heldout29: wire reports of the
// least-covered conflicts): one case per mechanism, on invented sentences and names.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h29") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("actors: a group named after the known armed group it is linked to",
          "[extract][generalisation][heldout29]") {
  Stage1 a(
      "Fighters from the al Qaeda-linked group KTRM attacked a police post in Tarvo on Monday. "
      "The Islamic State-affiliated faction Jund al-Tarvo said it killed five.");
  const auto groups = a.labels("ArmedGroup");
  CHECK(has(groups, "KTRM"));
  CHECK(has(groups, "Jund al-Tarvo"));
  // A company linked to someone is no armed group.
  Stage1 b("The Kremlin-linked company Olmand Holdings said its offices were closed.");
  CHECK_FALSE(has(b.labels("ArmedGroup"), "Olmand Holdings"));
}

TEST_CASE("actors: a province of a known armed group is one armed group, no place",
          "[extract][generalisation][heldout29]") {
  Stage1 a(
      "The rival Islamic State Sahel Province said on Sunday it had killed five members of a "
      "militia near Tarvo.");
  CHECK(has(a.labels("ArmedGroup"), "Islamic State Sahel Province"));
  CHECK_FALSE(has(a.labels("Province"), "Sahel Province"));
  // A province of a state stays a place.
  Stage1 b("Troops were deployed to Tarvo Province on Sunday.");
  CHECK_FALSE(has(b.labels("ArmedGroup"), "Tarvo Province"));
}

TEST_CASE("actors: a national police force keeps the demonym of its state",
          "[extract][generalisation][heldout29]") {
  Stage1 a("The Haitian National Police said 12 people were killed in Tarvo.");
  CHECK(has(a.labels("Government"), "Haitian National Police"));
  CHECK_FALSE(has(a.labels("Government"), "National Police"));
  Stage1 b("Haiti's National Police said the road was reopened.");
  CHECK(has(b.labels("Government"), "National Police"));
}

TEST_CASE("actors: a state's armed forces named after its possessive are a state body",
          "[extract][generalisation][heldout29]") {
  Stage1 a("Morocco's Royal Armed Forces (RAFX) said four rockets had fallen near Tarvo.");
  CHECK(has(a.labels("Government"), "Royal Armed Forces"));
  CHECK_FALSE(has(a.labels("ArmedGroup"), "Morocco's Royal Armed Forces"));
  // A group whose name opens with a country and goes on is still a group.
  Stage1 b("Sudan People's Liberation Army (SPLA) fighters attacked Tarvo.");
  CHECK(has(b.labels("ArmedGroup"), "Sudan People's Liberation Army"));
}

TEST_CASE("actors: local administrators and police officers are titles",
          "[extract][generalisation][heldout29]") {
  Stage1 a(
      "The district administrator, Tomas Kalume, told reporters nine bodies had been found. "
      "Jean Maurisseau, a former police officer known as \"Rooster\" who leads the gang, said "
      "his men attacked.");
  const auto persons = a.labels("Person");
  CHECK(has(persons, "Tomas Kalume"));
  CHECK(has(persons, "Jean Maurisseau"));
}

TEST_CASE("actors: the subject of 'was assassinated' is a person",
          "[extract][generalisation][heldout29]") {
  Stage1 a("Tarvia has had no president since Olmo Vantrell was assassinated in 2021.");
  CHECK(has(a.labels("Person"), "Olmo Vantrell"));
  // A place that "was shelled" is no person.
  Stage1 b("Port Tarvo was shelled overnight, officials said.");
  CHECK_FALSE(has(b.labels("Person"), "Port Tarvo"));
}

TEST_CASE("actors: a mission named by its acronym between commas, no 'U.N.-authorized force'",
          "[extract][generalisation][heldout29]") {
  Stage1 a(
      "The UN peacekeeping mission in Tarvia, UNMTX, said it had sent a patrol. Police backed "
      "by soldiers of the Olmand Security Force, the U.N.-authorized force that replaced the "
      "earlier mission, fought the gangs.");
  CHECK(has(a.labels("Organization"), "UNMTX"));
  CHECK_FALSE(has(a.labels("ArmedGroup"), "U.N.-authorized force"));
}

TEST_CASE("actors: an army camp or post is no army", "[extract][generalisation][heldout29]") {
  Stage1 a("Jihadists storm Malian army camp. Rockets hit a Malian army post near Olmo.");
  CHECK_FALSE(has(a.labels("Government"), "Malian army"));
  Stage1 b("The Malian army said it had retaken Olmo.");
  CHECK(has(b.labels("Government"), "Malian army"));
  // "a military source" is a person who speaks, not the military.
  Stage1 c("A Moroccan military source said the drone had hit a vehicle near Olmo.");
  CHECK_FALSE(has(c.labels("Government"), "Moroccan military"));
}

TEST_CASE("places: a settlement joined by a particle to a gazetteer name is another place",
          "[extract][generalisation][heldout29]") {
  Stage1 a("A bomb exploded on the road between Lundavo da Praia and Olmo on Friday.");
  CHECK(has(a.labels("City"), "Lundavo da Praia"));
  CHECK_FALSE(has(a.labels("Country"), "Cape Verde"));
  CHECK_FALSE(has(a.labels("City"), "Praia"));
  // A name whose last word is no gazetteer place is no settlement (a person's, here).
  Stage1 b("A meeting between Carlos da Silva and the minister was held in Olmo.");
  CHECK_FALSE(has(b.labels("City"), "Carlos da Silva"));
}

TEST_CASE("places: a peninsula in lower case, a buffer zone",
          "[extract][generalisation][heldout29]") {
  Stage1 a(
      "Work resumed on the Kamundi peninsula. Troops moved into the Tessaro buffer zone on "
      "the border.");
  CHECK(has(a.labels("Region"), "Kamundi peninsula"));
  CHECK(has(a.labels("Region"), "Tessaro"));
  CHECK_FALSE(has(a.labels("Region"), "Tessaro buffer zone"));
}

TEST_CASE("actors: an outlet named right after 'state television'",
          "[extract][generalisation][heldout29]") {
  Stage1 a("The army said so in a statement read on state television TVO on Monday.");
  CHECK(has(a.labels("MediaOutlet"), "TVO"));
  // A time word after the kind names no outlet.
  Stage1 b("The minister spoke on state television Monday.");
  CHECK_FALSE(has(b.labels("MediaOutlet"), "Monday"));
}

TEST_CASE("actors: a state's military government is a body of its own",
          "[extract][generalisation][heldout29]") {
  Stage1 a("Niger's military government accused Benin of hosting foreign troops.");
  CHECK(has(a.labels("Government"), "Niger's military government"));
  CHECK_FALSE(has(a.labels("Government"), "Niger's military"));
}
