// Claims mechanisms of session 20 (extclaim): casualty figures and their sources across
// sentences. Invented sentences, each with an input it must leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "c20") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nAttack\n\nGunmen attacked a police post in Tacna, Peru, on Sunday. ";

}  // namespace

TEST_CASE("claims20: 'a rights group said' is the organization that speaks next",
          "[extract][claims20]") {
  Run a(kOpening +
        "Gunmen killed at least 14 people in Tacna, a human rights group said on Monday.\n\nThe "
        "Andean Rights Network said the gunmen fired on homes.");
  CHECK(has(a.figures(), "Andean Rights Network: 14//people"));
  // Named next but not speaking: the description stays nobody.
  Run b(kOpening +
        "Gunmen killed at least 14 people in Tacna, a human rights group said on Monday.\n\nThe "
        "Andean Rights Network was founded in Lima in 1990.");
  CHECK_FALSE(any_by(b.figures(), "Andean Rights Network"));
}

TEST_CASE("claims20: 'the health office in X says' is a source of its own, not the place",
          "[extract][claims20]") {
  Run a(kOpening + "The health office in Tacna says 23 people have been killed and 61 wounded.");
  CHECK(has(a.figures(), "health office in Tacna: 23/61/people"));
  // A body named before that fits the description is that body.
  Run b(kOpening +
        "The Peruvian Health Office said it sent doctors. The health office in Tacna says 23 "
        "people have been killed and 61 wounded.");
  CHECK_FALSE(any_by(b.figures(), "health office in Tacna"));
}

TEST_CASE("claims20: a speaker's own loss in a relative clause is no toll he reports",
          "[extract][claims20]") {
  Run a(kOpening +
        "\"Many people ran into the hills,\" said Ana Cruz, a farmer who lost two sons in the "
        "attack.");
  CHECK_FALSE(any_by(a.figures(), "Ana Cruz"));
  // What the speaker says before the verb stays his.
  Run b(kOpening + "The gunmen killed two farmers, said Ana Cruz, a farmer who fled the village.");
  CHECK(has(b.figures(), "Ana Cruz: 2//farmers"));
}

TEST_CASE("claims20: a warning of a state of affairs is no threat", "[extract][claims20]") {
  Run a(kOpening +
        "Interior Minister Ana Cruz warned that clinics in Tacna were running short of medicine.");
  CHECK_FALSE(has(a.claims(), "Ana Cruz Threat"));
  CHECK(has(a.claims(), "Ana Cruz StatementClaim"));
  // A modal, or a threat phrase, still makes it one.
  Run b(kOpening + "Interior Minister Ana Cruz warned that the gunmen would be crushed.");
  CHECK(has(b.claims(), "Ana Cruz Threat"));
  Run c(kOpening +
        "Interior Minister Ana Cruz warned that the gunmen now face the full force of the law.");
  CHECK(has(c.claims(), "Ana Cruz Threat"));
}

TEST_CASE("claims20: a figures line opened by a name and a colon is that side's claim",
          "[extract][claims20]") {
  Run a(kOpening +
        "\n\nFigures this week\n\nPeru: 12 rebel fighters killed; two soldiers killed.\n");
  CHECK(has(a.figures(), "Peru: 12//rebel fighters"));
  // A place heading the line is where, not who.
  Run b(kOpening + "\n\nFigures this week\n\nTacna: 12 rebel fighters killed.\n");
  CHECK_FALSE(any_by(b.figures(), "Tacna"));
}
