// Stage-2 mechanisms added for the fourteenth held-out set (tests/data/heldout14: claims and
// casualty claims): one case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h14") {}
  // How many claims of `type` the article has (claims() is a set).
  int count(const std::string& type) const {
    int n = 0;
    for (const auto& q : s2.quads) {
      if (q.predicate.value == ng::vocab::kRdfType && q.object.value == ng_test::ng_term(type)) ++n;
    }
    return n;
  }
};

}  // namespace

TEST_CASE("claims: a speaker's next sentence by pronoun goes on with the claim before",
          "[extract][stage2][heldout14]") {
  Run a(
      "Peru's army said troops had killed nine rebels near the river. Most of the dead were "
      "foreign fighters, it said.");
  CHECK(a.count("CasualtyClaim") == 1);
  CHECK(a.count("StatementClaim") == 0);
  // Named again, the speaker makes a statement of its own.
  Run b(
      "Peru's army said troops had killed nine rebels near the river. Peru's army also said the "
      "border was calm.");
  CHECK(b.count("StatementClaim") == 1);
  // Not a claim of the sentence before: a statement.
  Run c(
      "Peru's army said troops had killed nine rebels near the river. Chile closed its border "
      "crossings on Monday. The border was calm, it said.");
  CHECK(c.count("StatementClaim") == 1);
  // Described again ("the army said"), the speaker makes a statement of its own.
  Run d(
      "Peru's army said troops had killed nine rebels near the river. \"We urge calm,\" the "
      "army said.");
  CHECK(d.count("StatementClaim") == 1);
}

TEST_CASE("claims: residents who give a toll are its claimant, even written bare",
          "[extract][stage2][heldout14]") {
  Run a("Gunmen killed at least six farmers near the river on Monday, residents said.");
  CHECK(a.figures() == std::set<std::string>{"residents: 6//farmers"});
  Run b(
      "Seven people were reported killed when a shell hit a market in the town, according to "
      "residents.");
  CHECK(b.figures() == std::set<std::string>{"residents: 7//people"});
  // Without a toll they are narration, and "officials" alone still names nobody.
  Run c("Gunmen set fire to homes near the river on Monday, residents said.");
  CHECK(c.claims().empty());
  Run d("Gunmen killed at least six farmers near the river on Monday, officials said.");
  CHECK(d.figures().empty());
}

TEST_CASE("actors: a sentence opener is no part of a name ('But the Coalition ...')",
          "[extract][stage1][heldout14]") {
  Run a(
      "But the Coalition for Peace in Tarvia (CPT), an alliance of rebel groups, rejected the "
      "deal. The CPT said it had killed nine soldiers.");
  std::set<std::string> names = a.labels("Organization");
  for (const std::string& l : a.labels("ArmedGroup")) names.insert(l);
  CHECK(names.count("Coalition for Peace in Tarvia") == 1);
  for (const std::string& l : names) CHECK(l.rfind("But ", 0) == std::string::npos);
  CHECK(a.figures() == std::set<std::string>{"Coalition for Peace in Tarvia: 9//soldiers"});
}

TEST_CASE("casualties: 'lost nine soldiers' counts the speaker's own dead",
          "[extract][stage2][heldout14]") {
  Run a("Peru's army said its troops had killed 40 rebels and lost nine soldiers.");
  CHECK(a.figures() ==
        std::set<std::string>{"Peru's army: 40//rebels", "Peru's army: 9//soldiers"});
}

TEST_CASE("claims: a quoted denial phrase before figures makes a denial next to the toll",
          "[extract][stage2][heldout14]") {
  Run a(
      "Peru's army said the rebels' figure was \"propaganda\" and that it had lost two "
      "soldiers.");
  CHECK(a.count("CasualtyClaim") == 1);
  CHECK(a.count("Denial") == 1);
  // Not an unquoted word, nor a phrase after the figures.
  Run b("Peru's army said on its propaganda channel that it had lost two soldiers.");
  CHECK(b.count("Denial") == 0);
}

TEST_CASE("claims: 'would \"crush\"', 'will track down' promise harm (a threat)",
          "[extract][stage2][heldout14]") {
  Run a("Peru's defence minister, Luis Pardo, said the army would \"crush\" any rebel force.");
  CHECK(ng_test::has_type(a.claims_with_targets(), "Luis Pardo", "Threat"));
  Run b("Peru's defence minister, Luis Pardo, said the army would track down the rebels.");
  CHECK(ng_test::has_type(b.claims_with_targets(), "Luis Pardo", "Threat"));
  Run c("Peru's defence minister, Luis Pardo, said the army would not \"crush\" the protests.");
  CHECK_FALSE(ng_test::has_type(c.claims_with_targets(), "Luis Pardo", "Threat"));
}

TEST_CASE("casualties: a revised toll ('the toll rose to 20 from 14') is the new figure",
          "[extract][stage2][heldout14]") {
  Run a("Peru's army said the toll rose to 20 from 14 overnight.");
  CHECK(a.figures() == std::set<std::string>{"Peru's army: 20//"});
  Run b(
      "The death toll from three days of fighting between soldiers and rebels in the town of "
      "Tarma has risen to 31 from 18, Peru's army said.");
  CHECK(b.figures() == std::set<std::string>{"Peru's army: 31//"});
}

TEST_CASE("casualties: a speaker who says more between two tolls keeps the first one open",
          "[extract][stage2][heldout14]") {
  Run a(
      "Peru's army said gunmen killed 40 farmers near the river. Peru's army said the gunmen "
      "fled into the forest. It said 19 farmers were wounded.");
  CHECK(a.figures() == std::set<std::string>{"Peru's army: 40/19/farmers"});
  // Another speaker in between closes it.
  Run b(
      "Peru's army said gunmen killed 40 farmers near the river. Chile's army said the gunmen "
      "fled into the forest. Peru's army said 19 farmers were wounded.");
  CHECK(b.figures() ==
        std::set<std::string>{"Peru's army: 40//farmers", "Peru's army: /19/farmers"});
}

TEST_CASE("casualties: a list of figures shares the verb after it, commas included",
          "[extract][stage2][heldout14]") {
  Run a(
      "Peru's army said 74 civilians, 12 soldiers and 14 rebels had been killed since "
      "Thursday.");
  CHECK(a.figures() == std::set<std::string>{"Peru's army: 74//civilians",
                                             "Peru's army: 12//soldiers",
                                             "Peru's army: 14//rebels"});
}

TEST_CASE("casualties: 'were among the dead' counts the victims it names",
          "[extract][stage2][heldout14]") {
  Run a("A security source in Lima said two army officers were among the dead.");
  CHECK(a.figures() == std::set<std::string>{"security source: 2//army officers"});
  // "among them" after a toll is part of its victims, no figure of its own.
  Run b("Peru's army said gunmen wounded nine people, among them a police officer.");
  CHECK(b.figures() == std::set<std::string>{"Peru's army: /9/people"});
}

TEST_CASE("claims: 'the Navy said' is a state's body written with a capital",
          "[extract][stage2][heldout14]") {
  Run a(
      "LIMA (Reuters) - Marines clashed with gunmen near a ranch in Peru on Tuesday, the Navy "
      "said, adding that two gunmen were killed.");
  bool found = false;
  for (const std::string& f : a.figures()) found |= f.find(": 2//gunmen") != std::string::npos;
  CHECK(found);
  // Only a state's body: a capitalised "Observatory" with no such actor names nobody.
  Run b("Marines clashed with gunmen near a ranch on Tuesday, the Observatory said.");
  CHECK(b.claims().empty());
}

TEST_CASE("claims: a two-word source noun is a described speaker ('a health worker said')",
          "[extract][stage2][heldout14]") {
  Run a(
      "A shell hit a market in the town on Monday, killing at least nine civilians, a health "
      "worker said.");
  CHECK(a.figures() == std::set<std::string>{"health worker: 9//civilians"});
  Run b("A health worker at the town's clinic said the clinic had received 12 bodies.");
  CHECK(b.figures() == std::set<std::string>{"health worker: 12//bodies"});
}

TEST_CASE("claims: 'X claimed the attack' is a responsibility claim",
          "[extract][stage2][heldout14]") {
  Run a(
      "The Shining Path claimed the attack in a statement, saying its fighters had killed 12 "
      "soldiers.");
  CHECK(ng_test::has_type(a.claims_with_targets(), "Shining Path", "ResponsibilityClaim"));
  CHECK(a.figures() == std::set<std::string>{"Shining Path: 12//soldiers"});
}

TEST_CASE("claims: an armed group that says it attacked claims the attack",
          "[extract][stage2][heldout14]") {
  Run a("The Tarma Liberation Army said its fighters had ambushed an army convoy near Tarma.");
  CHECK(ng_test::has_type(a.claims_with_targets(), "Tarma Liberation Army", "ResponsibilityClaim"));
  // Another side's attack is an accusation, not a claim of responsibility.
  Run b("The Tarma Liberation Army said Peruvian soldiers had attacked a village near Tarma.");
  CHECK_FALSE(
      ng_test::has_type(b.claims_with_targets(), "Tarma Liberation Army", "ResponsibilityClaim"));
}
