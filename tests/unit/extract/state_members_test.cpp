// "<demonym> troops / soldiers / forces": no actor of their own (the golds annotate them as the
// state or leave them optional), but the state they belong to as a side, target or accused in
// stage 2 (data/lexicon/claim_state_members.tsv, demonym_aliases.tsv). Invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "tm") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("actors: '<demonym> troops' is no government of its own", "[extract][stage2]") {
  Run a("Malawian troops shelled a market in Chipata on Sunday, residents said.");
  CHECK_FALSE(has(a.labels("Government"), "Malawian troops"));
  // A state's body named by its own word still is one.
  Run b("Malawian border troops shelled a market in Chipata on Sunday, residents said.");
  CHECK(has(b.labels("Government"), "Malawian border troops"));
}

TEST_CASE("claims: the object '<demonym> troops' of an accusation or threat is the state",
          "[extract][stage2]") {
  Run a("Zambia accused Malawian troops of burning a village near the border on Sunday.");
  CHECK(has(a.claims_with_targets(), "Zambia Accusation -> Malawi"));
  Run b("Zambia threatened the Malawian forces with retaliation on Sunday.");
  CHECK(has(b.claims_with_targets(), "Zambia Threat -> Malawi"));
  // Not any capitalised word before a member noun.
  Run c("Zambia accused Chipata soldiers of burning a village on Sunday.");
  CHECK_FALSE(has(c.claims_with_targets(), "Zambia Accusation -> Malawi"));
}

TEST_CASE(
    "claims: a reported attack by '<adjective> troops' accuses the state, adjectives of "
    "demonym_aliases.tsv included",
    "[extract][stage2]") {
  Run a("The Zambian army said Malawian soldiers shelled a market in Chipata on Sunday.");
  CHECK(has(a.claims_with_targets(), "Zambian army Accusation -> Malawi"));
  Run b("The Kyrgyz army said Tajik troops opened fire near the border on Monday.");
  CHECK(has(b.claims_with_targets(), "Kyrgyz army Accusation -> Tajikistan"));
}
