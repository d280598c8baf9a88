// Claims mechanisms of session 19 (extb): arrests of suspects as captured figures, a source
// described by its workplace, and a subset of a toll already given. Invented sentences, each
// with an input it must leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "c19") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nAttack\n\nGunmen attacked a police post in Tacna, Peru, on Sunday. ";

}  // namespace

TEST_CASE("claims19: arresting an exact number of suspects is a captured figure",
          "[extract][claims19]") {
  Run a(kOpening + "Interior Minister Ana Cruz said police had arrested three suspects in Tacna.");
  CHECK(has(a.claims(), "Ana Cruz CasualtyClaim"));
  CHECK(has(a.figures(), "Ana Cruz: //suspects"));
  // A sweep is no casualty figure: a vague amount, or people who are not suspects.
  Run b(kOpening + "Interior Minister Ana Cruz said police had arrested dozens of suspects.");
  CHECK_FALSE(has(b.claims(), "Ana Cruz CasualtyClaim"));
  Run c(kOpening + "Interior Minister Ana Cruz said police had arrested 11 people in Tacna.");
  CHECK_FALSE(has(c.claims(), "Ana Cruz CasualtyClaim"));
}

TEST_CASE("claims19: a source described by its workplace speaks, not the workplace",
          "[extract][claims19]") {
  Run a(kOpening +
        "A health worker at the Tacna health centre, who asked not to be named, said nine "
        "civilians had been killed and 17 wounded.");
  CHECK(any_by(a.figures(), "health worker"));
  CHECK_FALSE(any_by(a.figures(), "Tacna health centre"));
  // A body of the town that speaks itself stays a source of its own.
  Run b(kOpening + "The Tacna health centre said nine civilians had been killed and 17 wounded.");
  CHECK(any_by(b.figures(), "Tacna health centre"));
}

TEST_CASE("claims19: 'two of the victims' is no new toll", "[extract][claims19]") {
  Run a(kOpening +
        "The gunmen killed five people, local officials said. District administrator Ana Cruz "
        "said two of the victims had been beheaded.");
  CHECK_FALSE(any_by(a.figures(), "Ana Cruz"));
  // Two of the speaker's own soldiers are a figure of their own.
  Run b(kOpening +
        "The gunmen killed five people, local officials said. The army said two of its "
        "soldiers had been wounded.");
  CHECK(any_by(b.figures(), "Peru"));
}
