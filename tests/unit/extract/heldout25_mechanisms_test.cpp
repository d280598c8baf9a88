// Mechanisms prompted by the twenty-fifth held-out set (tests/data/heldout25: a council's
// meetings coverage, a joint communique, an analysis of rival tolls and a wire story on an
// offer to mediate): one case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h25") {}
};

using ng_test::has;
using ng_test::has_type;

}  // namespace

TEST_CASE("claims: a title between a reporting verb and its speaker", "[extract][heldout25]") {
  // '"...," said Col. X, spokesman of the Y (Z).': the colonel speaks, and "he" is him next.
  Run a(
      "date 2026-03-02\nClash\n\n\"Peruvian troops opened fire before dawn,\" said Col. Juan "
      "Perez, spokesman of the Chilean army. \"Five soldiers were killed,\" said Dr. Maria "
      "Lopez, director of the Arica Central Hospital.");
  CHECK(has_type(a.claims_with_targets(), "Juan Perez", "Accusation"));
  CHECK(has(a.figures(), "Maria Lopez: 5//soldiers"));
}

TEST_CASE("claims: the representative of a state speaks for it, and 'he' refers back to it",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nCouncil meeting\n\nBriefing the members, Jane Doe, a senior official "
      "of the United Nations, said the figures could not be verified. The representative of "
      "Chile said Peru had fired 40 shells at the town. He said 5 soldiers were killed. Peru's "
      "representative rejected that account. She warned that her country would strike again.");
  CHECK(has(a.figures(), "Chile: 5//soldiers"));
  CHECK_FALSE(has(a.figures(), "Jane Doe: 5//soldiers"));
  CHECK(has(a.claims(), "Peru Threat"));
  CHECK_FALSE(has(a.claims(), "Jane Doe Threat"));
}

TEST_CASE("claims: 'his Government', 'her Government' is the speaker's own side",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nCouncil meeting\n\nChile and Peru traded fire on Sunday. The "
      "representative of Brazil said her Government had offered to facilitate talks between "
      "them.");
  CHECK(has(a.claims(), "Brazil Offer"));
  CHECK_FALSE(has(a.claims(), "her Government Offer"));
  CHECK(has(a.mediations(), "Brazil: Chile/Peru Offered"));
}

TEST_CASE("claims: 'the Government delegation' speaks as the government", "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nTalks\n\nThe talks between the Government of Chile and the Andean "
      "Liberation Front (ALF) were held in Rome. The ALF delegation said government troops had "
      "attacked its camps near Arica. The Government delegation rejected these allegations and "
      "stated that four soldiers were killed in an ambush.");
  CHECK(has_type(a.claims_with_targets(), "Andean Liberation Front", "Accusation"));
  CHECK(has_type(a.claims_with_targets(), "Government of Chile", "Denial"));
  CHECK(has(a.figures(), "Government of Chile: 4//soldiers"));
}

TEST_CASE("claims: an attacker named with a bracketed acronym before the verb",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nTalks\n\nThe Andean Liberation Front (ALF) said the Chilean Armed "
      "Forces (CAF) had attacked its camps near Arica.");
  CHECK(has_type(a.claims_with_targets(), "Andean Liberation Front", "Accusation"));
}

TEST_CASE("claims: the middle word of a three-word name is the person's surname too",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nTalks\n\nThe ALF delegation was led by General Jorge Cardenas Lopez. "
      "Cardenas told reporters that the army was preparing for war.");
  CHECK(has(a.claims(), "Jorge Cardenas Lopez StatementClaim"));
}

TEST_CASE("actors: no title opens a name, and 'and the' joins two names", "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nTalks\n\nThe talks between the Government of the Republic of Chile and "
      "the Andean People's Liberation Alliance (APLA) were held in Rome, facilitated by the "
      "Community of Sant'Egidio. The APLA delegation was led by Jorge Cardenas, Chairman of the "
      "Andean Liberation Front (ALF). Representatives of the Organization of American States "
      "attended.");
  const auto orgs = a.labels("Organization");
  CHECK(has(orgs, "Andean People's Liberation Alliance"));
  CHECK_FALSE(has(orgs, "Chile and the Andean People's Liberation Alliance"));
  CHECK(has(orgs, "Organization of American States"));
  CHECK_FALSE(has(a.labels("ArmedGroup"), "Chairman of the Andean Liberation Front"));
  // The sides of "talks between <19 words>" are both read.
  CHECK(has(a.mediations(),
            "Community of Sant'Egidio: Andean People's Liberation Alliance/Republic of Chile "
            "Succeeded"));
}

TEST_CASE("figures: asides between dashes and after a verb-first group hold no figures",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\n\"We received the bodies of 27 civilians, among them six women "
      "and four children, and treated 48 wounded,\" said Maria Lopez, a doctor in Arica. The "
      "army of Chile said three people - two marines and a civilian - were killed and 14 were "
      "wounded.");
  CHECK(has(a.figures(), "Maria Lopez: 27/48/civilians"));
  CHECK_FALSE(has(a.figures(), "Maria Lopez: 6//women"));
  CHECK(has(a.figures(), "Chile: 3/14/people"));
}

TEST_CASE("figures: 'a dozen', and a coordinated verb's figure without victims",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nThe army of Chile said its troops killed at least a dozen "
      "Peruvian soldiers. The army of Chile said its troops killed 60 of the attackers and "
      "captured nine, whom it paraded on television.");
  CHECK(has(a.figures(), "Chile: 12//Peruvian soldiers"));
  CHECK_FALSE(has(a.figures(), "Chile: //the attackers and"));
}

TEST_CASE("mediation: consultations and settlements, and withdrawing from the talks fails them",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nChile and Peru clashed on the border. Brazil's representative "
      "said Brasilia was ready to host consultations between the two sides. Argentina tried to "
      "broker a settlement over the border in 2021, but Lima withdrew from the talks within "
      "weeks.");
  CHECK(has(a.mediations(), "Brazil: Chile/Peru Offered"));
  CHECK(has(a.mediations(), "Argentina: Chile/Peru Failed"));
}

TEST_CASE("claims: 'In <capital>, the government' is that state's government",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nFighting broke out on the border between Chile and Peru. Chile "
      "said Peru had attacked first. In Lima, the government denies that its forces took "
      "part.");
  CHECK(has(a.claims(), "Peru Denial"));
  CHECK_FALSE(has(a.claims(), "Chile Denial"));
}

TEST_CASE("claims: a sentence opening on 'Its foreign ministry' is the last speaker's body",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nChile and Peru clashed on the border. Brazil also offered to "
      "help. Its foreign ministry said the government was studying the border dispute.");
  CHECK_FALSE(has(a.claims(), "Its foreign ministry StatementClaim"));
  CHECK(has(a.claims(), "Brazil StatementClaim"));
}

TEST_CASE("claims: 'called on' and a monitor's 'recorded' report", "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nThe Andean Conflict Monitor (ACM), which tracks political "
      "violence, recorded at least 74 deaths in the border area in August. The Organization of "
      "American States called on both sides to exercise restraint.");
  CHECK(has(a.figures(), "Andean Conflict Monitor: 74//deaths"));
  CHECK(has(a.claims(), "Organization of American States StatementClaim"));
}

TEST_CASE("claims: warning that another side poses a threat accuses it", "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nPeru shelled the Chilean coast on Sunday. Brazil's representative "
      "warned that the conduct of Peru posed a grave threat to the region.");
  CHECK(has(a.claims_with_targets(), "Brazil Accusation -> Peru"));
  CHECK_FALSE(has_type(a.claims_with_targets(), "Brazil", "Threat"));
}

TEST_CASE("claims: 'according to figures presented by X' is X's toll", "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nThe Andean Conflict Monitor (ACM) met both sides. According to "
      "figures presented to the parties by the ACM, at least 37 people were killed in clashes "
      "near Arica between July and September.");
  CHECK(has(a.figures(), "Andean Conflict Monitor: 37//people"));
}

TEST_CASE("claims: 'the attackers were X forces' accuses X", "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nFighting broke out on the border between Chile and Peru. \"The "
      "attackers were Peruvian regular forces, and they came with heavy weapons,\" said Col. "
      "Juan Perez, spokesman of the Chilean army. The army of Chile said the attackers were "
      "killed.");
  CHECK(has(a.claims_with_targets(), "Juan Perez Accusation -> Peru"));
  CHECK_FALSE(has_type(a.claims_with_targets(), "Chile", "Accusation"));
}

TEST_CASE("claims: an unprovoked attack by Y, and a swift and overwhelming response",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nPeru shelled the Chilean coast on Sunday. The representative of "
      "Brazil condemned what she described as an unprovoked attack by Peru. Chile said it would "
      "respond \"swiftly and overwhelmingly\" to any further provocation.");
  CHECK(has(a.claims_with_targets(), "Brazil Accusation -> Peru"));
  CHECK(has(a.claims_with_targets(), "Chile Threat -> Peru"));
}

TEST_CASE("figures: an ordinal after 'a' gives the running toll", "[extract][heldout25]") {
  // "a fourth soldier had died": four in all; "a second attack killed five": no toll of two.
  Run a(
      "date 2026-03-02\nT\n\nA second attack killed five soldiers in Arica, the army of Chile "
      "said. The army of Chile said a fourth soldier had died of his wounds.");
  CHECK(has(a.figures(), "Chile: 4//soldier"));
  CHECK(has(a.figures(), "Chile: 5//soldiers"));
  CHECK_FALSE(has(a.figures(), "Chile: 2//attack"));
  // Not for another kind of casualty: "a fourth man had been wounded" is one wounded.
  Run b(
      "date 2026-03-02\nT\n\nChile said three men were killed in the north. Chile said a fourth "
      "man had been wounded.");
  CHECK(has(b.figures(), "Chile: /1/man"));
}

TEST_CASE("claims: a circumstance before an attacker's description accuses nobody",
          "[extract][heldout25]") {
  // The acronym-closed name is found, but "when suspected rebels of X attacked" is the
  // circumstance of the toll, not what the speakers say.
  Run a(
      "date 2026-03-02\nT\n\nNine people were killed when suspected rebels of the Andean "
      "Liberation Front (ALF) attacked a village near Arica, local leaders said.");
  CHECK_FALSE(has_type(a.claims_with_targets(), "local leaders", "Accusation"));
}

TEST_CASE("claims: 'Our military said' opening a sentence is no earlier speaker's body",
          "[extract][heldout25]") {
  Run a(
      "date 2026-03-02\nT\n\nThe Andean Liberation Front (ALF) accused Chile of shelling its "
      "camps. Our military said it could neither confirm nor deny the claim.");
  CHECK_FALSE(has(a.claims(), "Andean Liberation Front StatementClaim"));
  CHECK(has(a.claims(), "Our military StatementClaim"));
}
