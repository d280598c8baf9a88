// Claims and mediation mechanisms of session 15 (claims15): censure "as" a charge, anonymous
// sources that deny, a state's forces known by name, mediation told as bringing sides to the
// table. Invented sentences, each with inputs it must leave alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "c15") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nClash\n\nChile and Peru traded fire along their border on Sunday. ";

}  // namespace

TEST_CASE("claims15: condemning an act as something is an accusation", "[extract][claims15]") {
  Run a(kOpening +
        "Chile's foreign ministry condemned the shelling as \"an extrajudicial "
        "execution\" and said it would raise the matter at the United Nations.");
  CHECK(has(a.claims(), "Chile's foreign ministry Accusation"));
  Run b(kOpening + "Bolivia denounced the raid as an unacceptable breach of the truce.");
  CHECK(has(b.claims(), "Bolivia Accusation"));
}

TEST_CASE("claims15: condemning without 'as', or 'as well as', stays a statement",
          "[extract][claims15]") {
  Run a(kOpening + "Bolivia condemned the shelling and called for calm.");
  CHECK(has(a.claims(), "Bolivia StatementClaim"));
  CHECK_FALSE(has(a.claims(), "Bolivia Accusation"));
  Run b(kOpening + "Bolivia condemned the shelling as well as the closure of the border.");
  CHECK_FALSE(has(b.claims(), "Bolivia Accusation"));
}

TEST_CASE("claims15: an anonymous source who denies is the claimant", "[extract][claims15]") {
  Run a(kOpening +
        "A Peruvian military source, speaking to reporters on condition of anonymity, denied "
        "that civilians had been killed.");
  CHECK(has(a.claims(), "Peruvian military source Denial"));
  // "said ... and denied": the denial has the speaker of the statement it is coordinated with.
  Run b(kOpening +
        "A Peruvian military source, who asked not to be named, said the drone had targeted "
        "armed men and denied that civilians had been killed.");
  CHECK(has(b.claims(), "Peruvian military source Denial"));
  Run c(kOpening +
        "Peru said the drone had targeted armed men, and denied that civilians had "
        "been killed.");
  CHECK(has(c.claims(), "Peru Denial"));
}

TEST_CASE("claims15: an aside that does not hide a name is not skipped for a denial",
          "[extract][claims15]") {
  // A relative clause that tells something else keeps its own words: no source is minted
  // from the words before it.
  Run a(kOpening +
        "A Peruvian military source, who was at the border, denied that civilians "
        "had been killed.");
  CHECK_FALSE(has(a.claims(), "Peruvian military source Denial"));
}

TEST_CASE("claims15: 'X's armed forces said' is the known body of X's side",
          "[extract][claims15]") {
  const std::string named =
      " The general staff of the Peruvian Armed Forces said in a statement that the attackers "
      "had fled.";
  Run a(kOpening +
        "Rebels killed 12 soldiers in an attack on a camp near Tacna, Peru's armed "
        "forces said." +
        named);
  CHECK(has(a.figures(), "Peruvian Armed Forces: 12//soldiers"));
  CHECK_FALSE(any_by(a.figures(), "armed forces"));
  // Another state's forces are not that body.
  Run b(kOpening +
        "Rebels killed 12 soldiers in an attack on a camp near Arica, Chile's armed "
        "forces said." +
        named);
  CHECK_FALSE(has(b.figures(), "Peruvian Armed Forces: 12//soldiers"));
  // No body of that name in the article: nothing to resolve to.
  Run c(kOpening +
        "Rebels killed 12 soldiers in an attack on a camp near Tacna, Peru's armed "
        "forces said.");
  CHECK_FALSE(any_by(c.figures(), "Peruvian Armed Forces"));
}

TEST_CASE("claims15: bringing two sides back to the negotiating table is mediation",
          "[extract][claims15]") {
  Run a(kOpening + "Brazil has been trying to bring Chile and Peru back to the negotiating table.");
  CHECK(has(a.mediations(), "Brazil: Chile/Peru Ongoing"));
  Run b(kOpening + "Argentina offered to bring Chile and Peru to the table.");
  CHECK(has(b.mediations(), "Argentina: Chile/Peru Offered"));
}

TEST_CASE("claims15: bringing anything else somewhere is no mediation", "[extract][claims15]") {
  Run a(kOpening + "Brazil said it would bring Chile and Peru to their senses.");
  CHECK_FALSE(any_by(a.mediations(), "Brazil"));
  Run b(kOpening + "Brazil brought aid to the table of the border committee in Tacna.");
  CHECK_FALSE(any_by(b.mediations(), "Brazil"));
  Run c(kOpening + "Brazil will bring food, to the table.");
  CHECK_FALSE(any_by(c.mediations(), "Brazil"));
}

TEST_CASE("claims15: 'the official said' refers back to a described speaker",
          "[extract][claims15]") {
  Run a(kOpening +
        "A local official said the market in Tacna was hit. The official said three people were "
        "wounded.");
  CHECK(has(a.figures(), "local official: /3/people"));
  Run b(kOpening +
        "A Peruvian military source said the drone had hit a depot. \"Two soldiers "
        "were wounded,\" the source said.");
  CHECK(has(b.figures(), "Peruvian military source: /2/soldiers"));
}

TEST_CASE("claims15: 'the official' with no described speaker just before names nobody",
          "[extract][claims15]") {
  Run a(kOpening + "The official said three people were wounded.");
  CHECK_FALSE(any_by(a.figures(), "local official"));
  // Three sentences later the description is too far back.
  Run b(kOpening +
        "A local official said the market in Tacna was hit. Chile closed the crossing. Peru "
        "recalled its ambassador. Shops stayed shut in Arica. The official said three people "
        "were wounded.");
  CHECK_FALSE(has(b.figures(), "local official: /3/people"));
}
