// Claims and mediation mechanisms of session 14 (claims14): an outlet's own count, rival
// accounts without a casualty verb, mediators named by role, help offered to end fighting.
// Invented sentences, one case per mechanism, with the inputs each must leave alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "c14") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nClash\n\nChile and Peru traded fire along their border on Sunday. ";

}  // namespace

TEST_CASE("claims14: a news outlet counting the dead itself is the claimant",
          "[extract][claims14]") {
  Run a(kOpening + "Reuters counted 12 bodies at the morgue in Tacna on Monday.");
  CHECK(has(a.figures(), "Reuters: 12//bodies"));
  Run b(kOpening + "At least 30 people were killed in the fighting, according to an AFP tally.");
  CHECK(has(b.figures(), "AFP: 30//people"));
  Run c(kOpening + "Twenty soldiers died, according to AFP's count of the funerals.");
  CHECK(any_by(c.figures(), "AFP"));
}

TEST_CASE("claims14: an outlet that only reports or sees no dead claims nothing",
          "[extract][claims14]") {
  // Seeing a document, or being told a toll, is no count of the outlet's own.
  Run a(kOpening + "Reuters saw a copy of the letter sent to the ministry.");
  CHECK_FALSE(any_by(a.claims(), "Reuters"));
  Run b(kOpening + "Six soldiers were killed, a police officer told AFP.");
  CHECK_FALSE(any_by(b.figures(), "AFP"));
  // "an AFP reporter": a noun that is no record.
  Run c(kOpening + "An AFP reporter saw the convoy leave Tacna.");
  CHECK_FALSE(any_by(c.claims(), "AFP"));
}

TEST_CASE("claims14: a rival toll given as a figure, without a casualty verb",
          "[extract][claims14]") {
  Run a(kOpening + "The Peruvian army gave a figure of 30 dead.");
  CHECK(has(a.figures(), "Peruvian army: 30//"));
  Run b(kOpening +
        "Three men were killed near the border, the Chilean army said. Medics said the three "
        "were civilians who had been collecting firewood.");
  CHECK(has(b.figures(), "Medics: 3//civilians"));
}

TEST_CASE("claims14: 'the two were ...' with no plural noun of victims is no figure",
          "[extract][claims14]") {
  Run a(kOpening +
        "Two men were detained in Tacna, the police said. Officials said the two were arrested "
        "at a checkpoint. The army said the two were also questioned.");
  CHECK_FALSE(any_by(a.figures(), "Officials"));
  for (const std::string& f : a.figures()) CHECK(f.find("/arrested") == std::string::npos);
  CHECK(a.figures().size() <= 1);
}

TEST_CASE("claims14: a source at a named site in a town", "[extract][claims14]") {
  Run a(kOpening +
        "Three men were killed near the border, the Chilean army said. Medics at Santa Rosa "
        "Hospital in Tacna said the three were civilians.");
  CHECK(has(a.figures(), "Medics: 3//civilians"));
}

TEST_CASE("claims14: a mediator named by its role", "[extract][claims14]") {
  // An apposition on a person: the person mediates.
  Run a(kOpening +
        "Colombian President Rosa Mena, the Organization of American States' mediator for the "
        "crisis, said on Tuesday she would travel to Lima and Santiago next week.");
  CHECK(any_by(a.mediations(), "Rosa Mena"));
  // "X's mediator": X.
  Run b(kOpening + "Brazil's chief mediator said both delegations had agreed to meet again.");
  CHECK(has(b.mediations(), "Brazil: Chile/Peru Ongoing"));
  // No owner: nobody.
  Run c(kOpening + "A mediator said both delegations had agreed to meet again.");
  CHECK(c.mediations().empty());
}

TEST_CASE("claims14: help offered to end the fighting is a mediation offer",
          "[extract][claims14]") {
  Run a(kOpening + "Brazil offered help to end the fighting.");
  CHECK(has(a.mediations(), "Brazil: Chile/Peru Offered"));
  Run b(kOpening + "Argentina made an offer of help to end the clashes on Monday.");
  CHECK(has(b.mediations(), "Argentina: Chile/Peru Offered"));
  // Help for anything else is none.
  Run c(kOpening + "Spain offered help to rebuild schools in Tacna.");
  CHECK_FALSE(any_by(c.mediations(), "Spain"));
}

TEST_CASE("claims14: a speaker after 'said' with a word of the office before the title",
          "[extract][claims14]") {
  Run a(kOpening +
        "Three people were killed in Tacna, said regional governor Rosa Quispe. Shelling also "
        "killed an elderly man in a nearby village, she said.");
  CHECK(has(a.figures(), "Rosa Quispe: 3//people"));
  CHECK(has(a.figures(), "Rosa Quispe: 1//elderly man"));
  // "the" opens no office: nobody is named after it.
  Run b(kOpening + "Three people were killed in Tacna, said the regional governor.");
  CHECK_FALSE(any_by(b.figures(), "Rosa Quispe"));
}

TEST_CASE("claims14: rejecting a plan or an offer is a statement, an accusation still a denial",
          "[extract][claims14]") {
  Run a(kOpening +
        "The Peruvian army has rejected the plan, saying it will not negotiate while Chile holds "
        "its towns. Chile rejected the accusation.");
  const auto claims = a.claims_with_targets();
  CHECK(ng_test::has_type(claims, "Peruvian army", "StatementClaim"));
  CHECK_FALSE(ng_test::has_type(claims, "Peruvian army", "Denial"));
  CHECK(ng_test::has_type(claims, "Chile", "Denial"));
}

TEST_CASE("claims14: a denial that goes on to pin a breach on the other side accuses it",
          "[extract][claims14]") {
  Run a(kOpening +
        "Peru accused Chile of shelling villages. Chile's foreign ministry rejected the "
        "accusation, saying Chile remained committed to the agreement and that Peru had breached "
        "the truce.");
  const auto claims = a.claims_with_targets();
  CHECK(ng_test::has_type(claims, "Chile's foreign ministry", "Denial"));
  CHECK(has(claims, "Chile's foreign ministry Accusation -> Peru"));
  // A denial that says only what its own side did accuses nobody.
  Run b(kOpening +
        "Peru accused Chile of shelling villages. Chile's foreign ministry rejected the "
        "accusation, saying its troops had fired only in self-defence.");
  CHECK_FALSE(ng_test::has_type(b.claims_with_targets(), "Chile's foreign ministry", "Accusation"));
}
