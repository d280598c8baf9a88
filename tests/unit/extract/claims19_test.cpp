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
using ng_test::has_type;

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

TEST_CASE("claims19: 'he' after a sentence opened by a person who made no claim",
          "[extract][claims19]") {
  Run a(kOpening +
        "Interior Minister Luis Soto said the gunmen had fled. President Ana Cruz has governed "
        "from Lima since 2021. Last year she vowed to crush the armed groups.");
  CHECK(has(a.claims(), "Ana Cruz Threat"));
  CHECK_FALSE(has(a.claims(), "Luis Soto Threat"));
  // A person named later in a sentence is no subject for the pronoun.
  Run b(kOpening +
        "Interior Minister Luis Soto said the gunmen had fled. The police met President Ana "
        "Cruz in Lima. Later he vowed to crush the armed groups.");
  CHECK(has(b.claims(), "Luis Soto Threat"));
}

TEST_CASE("claims19: a pretext pinned on another side accuses it, also after ', and'",
          "[extract][claims19]") {
  Run a(kOpening +
        "\"Peru has nothing to do with this, and Chile is using it to justify its pressure on "
        "our people,\" Peruvian President Ana Cruz said.");
  CHECK(has(a.claims_with_targets(), "Ana Cruz Accusation -> Chile"));
  // Narration joined by "and" outside a quotation is still no charge.
  Run b(kOpening +
        "Peruvian President Ana Cruz said the talks had failed, and Chile is using the border "
        "to justify its pressure.");
  CHECK_FALSE(has_type(b.claims_with_targets(), "Ana Cruz", "Accusation"));
}

TEST_CASE("claims19: an attack 'would be met with force' is a threat", "[extract][claims19]") {
  Run a(kOpening + "Peruvian President Ana Cruz said any attack on Tacna would be met with force.");
  CHECK(has(a.claims(), "Ana Cruz Threat"));
  Run b(kOpening + "Peruvian President Ana Cruz said the convoy had met with resistance.");
  CHECK_FALSE(has(b.claims(), "Ana Cruz Threat"));
}

TEST_CASE("claims19: 'the armed group' is an armed group, not a government body",
          "[extract][claims19]") {
  const std::string opening =
      "date 2026-03-02\nClash\n\nFighting broke out in Lima, Peru, between forces loyal to "
      "the Government of National Accord (GNA) and the Tacna Liberation Front, which is "
      "based in Tacna.\n\n";
  Run a(opening +
        "The GNA said its forces had secured the port. On Tuesday, a drone struck a position "
        "near the coastal road, the armed group said.");
  CHECK(any_by(a.claims(), "Tacna Liberation Front"));
}

TEST_CASE("claims19: 'acted in self-defence after X attacked' accuses X", "[extract][claims19]") {
  const std::string opening =
      "date 2026-03-02\nClash\n\nPeruvian troops clashed with the Tacna Liberation Front (TLF) "
      "near Tacna on Sunday. ";
  Run a(opening +
        "TLF spokesman Luis Soto said its fighters had acted \"in self-defence\" after Peruvian "
        "troops attacked their positions near Tacna.");
  CHECK(has(a.claims(), "Luis Soto Accusation"));
  // Another act after the same circumstance charges no one.
  Run b(opening +
        "TLF spokesman Luis Soto said its fighters had withdrawn after Peruvian troops attacked "
        "their positions near Tacna.");
  CHECK_FALSE(has(b.claims(), "Luis Soto Accusation"));
}

TEST_CASE("claims19: 'a local medic' is a described source of a toll", "[extract][claims19]") {
  Run a(kOpening + "A local medic said three people had been killed and 11 wounded.");
  CHECK(any_by(a.figures(), "local medic"));
  // Medics who are told about give no claim.
  Run b(kOpening + "A local medic treated three people who had been wounded.");
  CHECK_FALSE(any_by(b.figures(), "local medic"));
}

TEST_CASE(
    "claims19: 'the armed group' of talks is the article's main armed group, not the last "
    "one named in passing",
    "[extract][claims19]") {
  const std::string story =
      "date 2026-03-02\nFighting in Lima\n\nFighting broke out in Lima between the army and the "
      "Andean Liberation Front. The Andean Liberation Front said its "
      "fighters held the airport. Police said the Andean Liberation Front had shelled homes. "
      "Peru's interior ministry said two officers had been killed. The Red Condor Brigade "
      "stayed out of the fighting in the south. Peru's interior ministry "
      "said the city was calm. ";
  Run a(story + "Brazil offered to host talks between the government and the armed group.");
  CHECK(has(a.mediations(), "Brazil: Andean Liberation Front/Peru Offered"));
  for (const std::string& row : a.mediations()) CHECK(row.find("Red Condor") == std::string::npos);
}
