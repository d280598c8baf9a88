// Casualty figures prompted by the thirty-fourth held-out set (ext34b): the wounded "being
// treated", and livestock that is no toll. Invented sentences, each with an input it must
// leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h34f") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nAttack\n\nGunmen attacked two villages near Tacna, Peru, on Sunday. ";

}  // namespace

TEST_CASE("figures: people being treated are the wounded of the toll counted in bodies",
          "[extract][heldout34][ext34b]") {
  Run a(kOpening +
        "Police spokesman Ana Cruz said 12 bodies had been recovered and that six people were "
        "being treated at the district hospital.");
  CHECK(has(a.figures(), "Ana Cruz: 12/6/bodies"));
  // Victims named in the toll keep the wounded apart.
  Run b(kOpening +
        "Police spokesman Ana Cruz said 12 soldiers had been killed and that six people were "
        "being treated at the district hospital.");
  CHECK_FALSE(has(b.figures(), "Ana Cruz: 12/6/soldiers"));
}

TEST_CASE("figures: livestock lost is no toll", "[extract][heldout34][ext34b]") {
  Run a(kOpening + "Farmer leader Ana Cruz said herders had lost 30 cattle to raiders last week.");
  CHECK_FALSE(any_by(a.figures(), "Ana Cruz"));
  Run b(kOpening + "Farmer leader Ana Cruz said 30 herders had lost their lives last week.");
  CHECK(any_by(b.figures(), "Ana Cruz"));
}
