// Stage-2 mechanisms added for the eighth held-out set (tests/data/heldout8): one case per
// mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "both_stages.hpp"
#include "extract/extractor.hpp"
#include "extract/stage2.hpp"
#include "rdf/vocab.hpp"
#include "two_stage_run.hpp"

using namespace ng::extract;

namespace {

using ng_test::ng_term;
using ng_test::stages;

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h8") {}
};

using ng_test::has;
using ng_test::has_type;

}  // namespace

TEST_CASE("claims: a charge pinned on another side's doing is an accusation without a verb",
          "[extract][stage2][heldout8]") {
  Run a(
      "Chilean Foreign Minister Ana Ruiz said Peru's naval manoeuvres near the coast were \"a "
      "danger to the whole region\".");
  CHECK(has(a.claims_with_targets(), "Ana Ruiz Accusation -> Peru"));
  Run b(
      "Peru sent two frigates to the disputed waters on Monday. Chilean Foreign Minister Ana Ruiz "
      "said Peruvian actions at sea were a threat to peace.");
  CHECK(has(b.claims_with_targets(), "Ana Ruiz Accusation -> Peru"));
  // No charge, no accusation: the statement stays one.
  Run c("Chilean Foreign Minister Ana Ruiz said Peru's proposal was a good start.");
  CHECK_FALSE(has_type(c.claims_with_targets(), "Ana Ruiz", "Accusation"));
}

TEST_CASE("claims: 'its foreign ministry said' speaks for the actor the possessive refers to",
          "[extract][stage2][heldout8]") {
  Run a(
      "Chile and Peru agreed on Monday to resume talks. Norway also welcomed the agreement, its "
      "foreign ministry said.");
  const auto claims = a.claims_with_targets();
  CHECK(has_type(claims, "Norway", "StatementClaim"));
  for (const std::string& c : claims) CHECK(c.rfind("its ", 0) == std::string::npos);
}

TEST_CASE("casualties: 'and another (officer) wounded' adds one person to the figure before",
          "[extract][stage2][heldout8]") {
  Run a("Chilean police said one guard was killed and another died in hospital.");
  auto figs = [](const Run& r) {
    std::set<std::string> out;
    for (const auto& q : r.s2.quads) {
      if (q.predicate.value != ng_term("figures")) continue;
      auto one = [&](const char* p) {
        auto v = r.objects(q.object.value, ng_term(p));
        return v.empty() ? std::string("-") : v.front();
      };
      out.insert(one("killed") + "/" + one("wounded"));
    }
    return out;
  };
  CHECK(figs(a) == std::set<std::string>{"2/-"});
  Run b("Chilean police said a sergeant was killed and another officer wounded in the ambush.");
  CHECK(figs(b) == std::set<std::string>{"1/1"});
  // "another attack killed five people" is no extra person.
  Run c("Chilean police said two guards were killed on Monday. Another attack killed five people.");
  CHECK(figs(c) == std::set<std::string>{"2/-"});
}

namespace {
bool any_type(const std::set<std::string>& s, const std::string& type) {
  for (const std::string& c : s) {
    if (c.find(" " + type + " -> ") != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("claims: 'said it had no involvement', 'said that figure was propaganda' are denials",
          "[extract][stage2][heldout8]") {
  Run a(
      "Chile accused Peru of sending armed boats into its waters on Monday. Peru said in a "
      "statement that it had \"no involvement\" in the incident.");
  CHECK(has(a.claims_with_targets(), "Peru Denial -> Chile"));
  Run b(
      "Chile said on Monday that 40 Peruvian soldiers had been killed. Peru said that figure was "
      "\"propaganda\".");
  CHECK(any_type(b.claims_with_targets(), "Denial"));
  Run c("Chile accused Peru of sending armed boats. Peru said it would send a delegation.");
  CHECK_FALSE(any_type(c.claims_with_targets(), "Denial"));
}

TEST_CASE("claims: 'would respond decisively', 'with every resource at our disposal' are threats",
          "[extract][stage2][heldout8]") {
  Run a(
      "Chile accused Peru of sending armed boats. Chilean President Ana Ruiz said on Monday "
      "that the navy would respond decisively to any further incursion.");
  CHECK(has_type(a.claims_with_targets(), "Ana Ruiz", "Threat"));
  Run b(
      "Chile accused Peru of sending armed boats. Chilean President Ana Ruiz said Chile would "
      "defend its waters \"with every resource at our disposal\".");
  CHECK(has_type(b.claims_with_targets(), "Ana Ruiz", "Threat"));
}

TEST_CASE("mediation: an offer in a longer relative clause is its antecedent's",
          "[extract][stage2][heldout8]") {
  Run a(
      "Chile and Peru agreed on Monday to resume talks. Norway, which had earlier offered to help "
      "broker an agreement between the two governments, also welcomed the deal.");
  bool offered = false;
  for (const auto& q : a.s2.quads) {
    if (q.predicate.value != ng_term("mediator") || a.label(q.object.value) != "Norway") continue;
    for (const std::string& st : a.objects(q.subject.value, ng_term("mediationStatus"))) {
      offered |= st.find("Offered") != std::string::npos;
    }
  }
  CHECK(offered);
}

TEST_CASE("claims: 'according to the police' is a definite description, as 'the police said'",
          "[extract][stage2][heldout8]") {
  Run a(
      "SANTIAGO, Chile (AP) - Chile accused Peru of sending armed boats on Monday. Two police "
      "officers were wounded in a similar attack last week, according to the police.");
  bool figure = false;
  for (const auto& q : a.s2.quads) {
    if (q.predicate.value != ng_term("figures")) continue;
    const auto who = a.objects(q.subject.value, ng_term("claimant"));
    const auto wounded = a.objects(q.object.value, ng_term("wounded"));
    figure |= !who.empty() && a.label(who.front()) == "Chile" && !wounded.empty() &&
              wounded.front() == "2";
  }
  CHECK(figure);
}
