// Mechanisms prompted by the twenty-eighth held-out set (tests/data/heldout28: wire reports
// rich in rival tolls, accusations, denials and mediation): one case per mechanism, on
// invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h28") {}
};

using ng_test::has;
using ng_test::has_type;

// Any row of `rows` ("who ..." claims, "who: ..." mediations) opening with `who` and a space.
bool any_claim_by(const std::set<std::string>& rows, const std::string& who) {
  for (const std::string& c : rows) {
    if (c.rfind(who + " ", 0) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("claims: a described source named in the next sentence's apposition",
          "[extract][heldout28]") {
  // "..., according to a district official. The official, X, said ...": X's figures.
  Run a(
      "date 2026-03-02\nClash\n\nChile and Peru traded fire on Sunday. Six farmers were killed "
      "and 14 wounded in Tacna province, according to a district official. The official, "
      "Rosa Quispe, said a school had been damaged.");
  CHECK(has(a.figures(), "Rosa Quispe: 6/14/farmers"));
  CHECK_FALSE(any_claim_by(a.claims(), "district official"));
}

TEST_CASE("claims: a statement whose issuer the next sentence names after 'by'",
          "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nStrike\n\nChile and Peru traded fire on Sunday. Eight rebels were "
      "killed in the raid, according to a statement released on Monday. The statement was "
      "issued by the Chilean army, which said its troops had acted in self-defence.");
  CHECK(has(a.figures(), "Chilean army: 8//rebels"));
}

TEST_CASE("claims: no later source without the described noun or the name",
          "[extract][heldout28]") {
  // The next sentence names a person in an apposition, but the figure's source was no "official".
  Run a(
      "date 2026-03-02\nClash\n\nChile and Peru traded fire on Sunday. Six farmers were killed "
      "in Tacna province, according to the Chilean army. The official, Rosa Quispe, said a "
      "school had been damaged.");
  CHECK(has(a.figures(), "Chilean army: 6//farmers"));
  CHECK_FALSE(has(a.figures(), "Rosa Quispe: 6//farmers"));
  // "The official said" names nobody: the described source keeps its claim.
  Run b(
      "date 2026-03-02\nClash\n\nChile and Peru traded fire on Sunday. Six farmers were killed "
      "in Tacna province, according to a district official. The official said a school had "
      "been damaged.");
  CHECK_FALSE(has(b.figures(), "Rosa Quispe: 6//farmers"));
  CHECK(any_claim_by(b.claims(), "district official"));
}

TEST_CASE("claims: a revised toll is a report of its own, not a group's missing half",
          "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nClash\n\nChile and Peru traded fire on Sunday. By Sunday, Chile's "
      "health ministry said nine civilians had been killed and 30 people wounded. By Monday it "
      "had raised the civilian toll to 12.");
  CHECK(has(a.figures(), "Chile's health ministry: 9//civilians"));
  CHECK(has(a.figures(), "Chile's health ministry: /30/people"));
  // The 12 is no killed figure of the wounded group.
  CHECK_FALSE(has(a.figures(), "Chile's health ministry: 12/30/people"));
  CHECK(has(a.figures(), "Chile's health ministry: 12//"));
}

TEST_CASE("claims: a source raising its toll reports it", "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nStrike\n\nA strike hit a market in Arica on Sunday, killing at least "
      "ten people, Chile's health ministry said. The ministry later raised the toll to 17 dead "
      "and 40 wounded.");
  CHECK(has(a.figures(), "Chile's health ministry: 17/40/"));
}

TEST_CASE("claims: thanks are a statement, and necessary measures after a modal a threat",
          "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nTruce\n\nChile and Peru agreed to a truce on Sunday. Peruvian President "
      "Ana Torres thanked Brazil for its help. Chilean army spokesman Luis Rojas said Chile "
      "would \"take every necessary measure\" to protect its citizens.");
  CHECK(has(a.claims(), "Ana Torres StatementClaim"));
  CHECK(has_type(a.claims_with_targets(), "Luis Rojas", "Threat"));
}

TEST_CASE("claims: spelled-out compound numbers open a toll", "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nClash\n\nChile and Peru traded fire on Sunday. Thirty-one soldiers "
      "were killed in the fighting, the Chilean army said. Seventeen others were wounded, it "
      "said.");
  CHECK(has(a.figures(), "Chilean army: 31/17/soldiers"));
}

TEST_CASE("claims: 'both' between coordinated speakers and their verb", "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nOffers\n\nChile and Peru traded fire on Sunday. Brazil and Argentina "
      "had both offered to mediate on Monday.");
  CHECK(has(a.claims(), "Brazil Offer"));
  CHECK(has(a.claims(), "Argentina Offer"));
}

TEST_CASE("mediation: a co-mediator named a few words after the phrase's object",
          "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nTalks\n\nChile and Peru traded fire on Sunday. Brazil and Uruguay, which "
      "brokered the truce of last March together with the United States, are trying to revive "
      "talks between Chile and Peru.");
  CHECK(any_claim_by(a.mediations(), "Brazil:"));
  CHECK(any_claim_by(a.mediations(), "United States:"));
  // A punctuation mark ends the phrase's object: no co-mediator after it.
  Run b(
      "date 2026-03-02\nTalks\n\nChile and Peru traded fire on Sunday. Brazil brokered the March "
      "truce between Chile and Peru; Argentina, together with Uruguay, condemned the fighting.");
  CHECK(any_claim_by(b.mediations(), "Brazil:"));
  CHECK_FALSE(any_claim_by(b.mediations(), "Uruguay:"));
}

TEST_CASE("claims: a person's office speaks, and 'it' refers back to it", "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nTruce\n\nChile and Peru agreed to a truce on Sunday. The Andean "
      "Liberation Front accused Chile of violating the truce. Chilean President Carlos Soto's "
      "office rejected the accusation. It warned that Chile would \"crush\" any attack.");
  CHECK(has_type(a.claims_with_targets(), "Carlos Soto", "Threat"));
  CHECK_FALSE(has_type(a.claims_with_targets(), "Andean Liberation Front", "Threat"));
}

TEST_CASE("claims: a breach pinned on another side is an accusation", "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nTruce\n\nChile and Peru agreed to a truce on Sunday. Chilean army "
      "spokesman Luis Rojas said Peru had breached the truce.");
  CHECK(has_type(a.claims_with_targets(), "Luis Rojas", "Accusation"));
  // Said of the speaker's own side it is no accusation against another.
  Run b(
      "date 2026-03-02\nTruce\n\nChile and Peru agreed to a truce on Sunday. Chilean army "
      "spokesman Luis Rojas said nobody had breached the truce.");
  CHECK_FALSE(has_type(b.claims_with_targets(), "Luis Rojas", "Accusation"));
}

TEST_CASE("claims: a source closing the sentence only reports another speaker's toll",
          "[extract][heldout28]") {
  Run a(
      "date 2026-03-02\nToll\n\nChile and Peru traded fire on Sunday. Peru later raised its "
      "civilian toll to 31 dead and 57 wounded, security sources said.");
  CHECK(has(a.figures(), "Peru: 31/57/"));
  CHECK_FALSE(any_claim_by(a.claims(), "security sources"));
  // A trailing source with no toll before it by another speaker states its own claim.
  Run b(
      "date 2026-03-02\nToll\n\nChile and Peru traded fire on Sunday. The fighting went on "
      "through the night, Peruvian security sources said.");
  CHECK(any_claim_by(b.claims(), "Peruvian security sources"));
}
