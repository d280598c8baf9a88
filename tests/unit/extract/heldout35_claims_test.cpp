// Claim mechanisms prompted by the thirty-fifth held-out set (tests/data/heldout35): one case
// per mechanism, on invented text and names.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h35") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("claims: 'said it was prepared to host ... and to mediate' is an offer",
          "[extract][heldout35]") {
  Run a(
      "date 2026-03-02\nTalks stall\n\nChile and Peru traded fire on Sunday. Brazil said on "
      "Monday that it was prepared to host and supervise the next exchange and to mediate "
      "between Chile and Peru.");
  CHECK(has(a.claims(), "Brazil Offer"));
  CHECK_FALSE(has(a.claims(), "Brazil StatementClaim"));
}

TEST_CASE("claims: a promise to 'respond proportionately' relayed to the speaker is a threat",
          "[extract][heldout35]") {
  Run a(
      "date 2026-03-02\nTalks stall\n\nChile and Peru traded fire on Sunday. The Peruvian "
      "defence ministry told me that it would \"respond proportionately\" to any new fire.");
  CHECK(has(a.claims(), "Peruvian defence ministry Threat"));
}
