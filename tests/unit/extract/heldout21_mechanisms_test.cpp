// Mechanisms prompted by the twenty-first held-out set (tests/data/heldout21: mediation efforts
// and attributed claims): one case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h21") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("mediation: 'between the warring parties' takes the sides of the last 'between A and B'",
          "[extract][heldout21]") {
  // The article's most named states are not the sides the reference stands for.
  Run a(
      "BAMAKO (Reuters) - Mali and Niger traded accusations on Monday. Mali said Niger had armed "
      "the rebels, and Niger said Mali had shelled its border posts. Mali's army said Niger's "
      "forces had crossed the border.\n\nThe fighting between the Azawad Liberation Front and the "
      "Gourma Defence Army has killed dozens since March.\n\nGhana offered on Tuesday to mediate "
      "between the warring parties.");
  CHECK(has(a.mediations(), "Ghana: Azawad Liberation Front/Gourma Defence Army Offered"));
  CHECK_FALSE(has(a.mediations(), "Ghana: Mali/Niger Offered"));
  // The offer is addressed to those sides too.
  CHECK(has(a.claims_with_targets(), "Ghana Offer -> Azawad Liberation Front"));
}

TEST_CASE("mediation: co-mediators 'along with' before the phrase or after the named mediator",
          "[extract][heldout21]") {
  Run a(
      "Norway, which along with Cuba has mediated talks between Colombia and the ELN, said it was "
      "ready to help.");
  CHECK(has(a.mediations(), "Norway: Colombia/ELN Succeeded"));
  CHECK(has(a.mediations(), "Cuba: Colombia/ELN Succeeded"));
  Run b(
      "Talks hosted by Kenya, along with the World Bank, ended without an agreement between "
      "Ethiopia and Eritrea.");
  CHECK(has(b.mediations(), "Kenya: Eritrea/Ethiopia Failed"));
  CHECK(has(b.mediations(), "World Bank: Eritrea/Ethiopia Failed"));
}

TEST_CASE("mediation: ', and the X said it was ready to mediate' opens a clause with X as subject",
          "[extract][heldout21]") {
  Run a(
      "Senegal has offered to host talks between Mali and Niger, and the African Union said it was "
      "ready to mediate alongside ECOWAS.");
  CHECK(has(a.mediations(), "Senegal: Mali/Niger Offered"));
  CHECK(has(a.mediations(), "African Union: Mali/Niger Offered"));
}

TEST_CASE("claims: a charge pinned on another side in a progressive is an accusation",
          "[extract][heldout21]") {
  // 'Y was "harbouring ..."': the auxiliary of a progressive is no passive; "said ... that"
  // opens what is said, no circumstance.
  Run a(
      "ACCRA (Reuters) - Ghana and Togo traded charges. Ghana's interior minister Kofi Mensah "
      "said on Monday that Togo was \"harbouring foreign troops\". Presidency spokesman Kwame "
      "Boateng said Togo was trying to \"undermine the ceasefire\".");
  CHECK(has(a.claims(), "Kofi Mensah Accusation"));
  CHECK(has(a.claims(), "Kwame Boateng Accusation"));
  CHECK_FALSE(has(a.claims(), "Kofi Mensah StatementClaim"));
}

TEST_CASE("claims: a surname written with 'al-' names its person without the article",
          "[extract][heldout21]") {
  Run a(
      "Togo's army chief, General Abdel Karim al-Tayeb, visited the border on Sunday. Tayeb, "
      "speaking to troops in Kara, vowed to fight the rebels \"until the last soldier\".");
  CHECK(has(a.claims(), "Abdel Karim al-Tayeb Threat"));
}

TEST_CASE("mediation: a leader's government that mediates is the leader's state",
          "[extract][heldout21]") {
  Run a(
      "ACCRA (Reuters) - Ghana and Togo traded charges on Monday. Nigerian President Bola "
      "Tinubu's government has been mediating between Accra and Lome, two officials said.");
  CHECK(has(a.mediations(), "Nigeria: Ghana/Togo Ongoing"));
  CHECK_FALSE(has(a.mediations(), "Bola Tinubu: Ghana/Togo Ongoing"));
}

TEST_CASE("claims: 'the army' is not the mediating state of the dateline", "[extract][heldout21]") {
  Run a(
      "DOHA (Reuters) - Mali's government signed a peace agreement with rebel groups on Monday "
      "after talks mediated by Qatar. Mali's president said the deal opened a new page for "
      "Mali.\n\nFighting between the army and the rebels in northern Mali killed at least 12 "
      "soldiers in March, the army said.");
  CHECK_FALSE(has(a.claims(), "Qatar CasualtyClaim"));
}

TEST_CASE("claims: 'X, whose leaders announced' is X's statement", "[extract][heldout21]") {
  Run a(
      "HARGEISA (Reuters) - Fighting went on in Burao on Monday. Many residents belong to the "
      "Habar Jeclo clan, whose leaders announced on Monday that they no longer recognised the "
      "regional authorities.");
  CHECK(has(a.claims(), "Habar Jeclo clan StatementClaim"));
  CHECK_FALSE(has(a.claims(), "whose leaders StatementClaim"));
}

TEST_CASE("casualties: a toll in a clause that ', as' opens after the speaker is not the speaker's",
          "[extract][heldout21]") {
  Run a(
      "ACCRA (Reuters) - Talks between Ghana and Togo ended on Monday without a truce, the "
      "Nigerian mediators said, as reports emerged of dozens of civilians killed in the border "
      "area.\n\nThe army said five soldiers were killed in the clashes, while three civilians "
      "died.");
  CHECK_FALSE(has(a.claims(), "Nigerian mediators CasualtyClaim"));
  CHECK(has(a.claims(), "Nigerian mediators StatementClaim"));
  // ", while" goes on with what the speaker said.
  CHECK(has(a.claims(), "Ghana CasualtyClaim"));
}
