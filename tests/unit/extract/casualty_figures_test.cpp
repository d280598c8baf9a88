// Casualty figures (src/extract/claim_figures.cpp): how the figures of a toll are read and
// grouped per victim group, one case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "cf") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("figures: 'martyred' is a death", "[extract][claims][figures]") {
  Run a(
      "ANKARA (Reuters) - A border guard was martyred and two others were injured when gunmen "
      "opened fire on a post, the interior ministry said on Monday.");
  CHECK(has(a.figures(), "interior ministry: 1/2/border guard"));
}

TEST_CASE("figures: unnamed people after a toll without victims join it",
          "[extract][claims][figures]") {
  Run a(
      "JUBA (Reuters) - Gunmen attacked three villages on Sunday. The county commissioner, "
      "Peter Lado, put the death toll at 31, including women and children, with 50 people "
      "wounded.");
  CHECK(has(a.figures(), "Peter Lado: 31/50/"));
  CHECK_FALSE(has(a.figures(), "Peter Lado: /50/people"));
  // Not the kidnapped: they are a group of their own.
  Run b(
      "BOGOTA (Reuters) - Rebels attacked the town on Friday. The ombudsman's office put the "
      "toll at 12 dead and said the rebels had kidnapped at least 20 people.");
  CHECK(has(b.figures(), "ombudsman's office: 12//"));
}

TEST_CASE("figures: 'another N' and 'N other' victims are more of the group before",
          "[extract][claims][figures]") {
  // In the next sentence ...
  Run a(
      "NAIROBI (Reuters) - The Kenya Red Cross said nine villagers were killed in the raid. "
      "Another 16 people were wounded, it said.");
  CHECK(has(a.figures(), "Kenya Red Cross: 9/16/villagers"));
  // ... and in the same sentence.
  Run b(
      "LAGOS (Reuters) - Five police officers were killed and four other officers were wounded "
      "in the ambush, police spokesman Musa Bello said.");
  CHECK(has(b.figures(), "Musa Bello: 5/4/police officers"));
}

TEST_CASE("figures: a toll noun reaches its link across a possessive",
          "[extract][claims][figures]") {
  Run a(
      "CAIRO (Reuters) - The health ministry said the death toll from Sunday's bombing of the "
      "market had risen to 23.");
  CHECK(has(a.figures(), "health ministry: 23//"));
}

TEST_CASE("figures: no one-person figure in 'a number of'", "[extract][claims][figures]") {
  Run b(
      "ISLAMABAD (Reuters) - The foreign ministry said the strikes had killed a number of "
      "militants.");
  CHECK_FALSE(has(b.figures(), "foreign ministry: 1//number of militants"));
}

TEST_CASE("figures: the number after a counted group ('a family of five')",
          "[extract][claims][figures]") {
  Run a(
      "BEIRUT (Reuters) - A drone strike hit a car near the village on Friday, killing a family "
      "of five, the local Red Crescent said.");
  CHECK(has(a.figures(), "Red Crescent: 5//family"));
}

TEST_CASE("figures: an age after the verb is part of the victims", "[extract][claims][figures]") {
  Run a(
      "KYIV (Reuters) - Governor Petro Marchenko said a drone had struck a house in the village "
      "on Tuesday, wounding a 62-year-old woman.");
  CHECK(has(a.figures(), "Petro Marchenko: /1/62-year-old woman"));
}
