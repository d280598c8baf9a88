// Claims and mediation mechanisms of session 16 (claims16): participles and trailing pronouns
// keep their speaker, titled appositions, an act's "no casualties", qualified consequences,
// armed groups' spokespersons, ongoing contact, described mediators, and the lexicon of words
// after "as" that name nothing. Invented sentences, each with inputs it must leave alone.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "c16") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nClash\n\nChile and Peru traded fire along their border on Sunday. ";

// The types of the claims stage 2 makes with `stage2` over `text` (stage 1 as usual).
std::set<std::string> claim_types(const ng::extract::ClaimStage& stage2, const std::string& text) {
  const ng::extract::Article a = ng_test::test_article(text, "c16lex");
  ng::extract::VectorSink s1;
  ng::extract::VectorSink s2;
  ng_test::stages().stage1.extract(a, s1);
  stage2.extract(a, s1.quads, s2);
  std::set<std::string> out;
  for (const auto& q : s2.quads) {
    if (q.predicate.value != ng::vocab::kRdfType) continue;
    const std::string& cls = q.object.value;
    out.insert(cls.substr(cls.find('#') + 1));
  }
  return out;
}

}  // namespace

TEST_CASE("claims16: a trailing pronoun is the speaker, not the victims before it",
          "[extract][claims16]") {
  Run a(kOpening +
        "Peru's border guard commander, General Luis Soto, told the official Andina news agency "
        "that Chilean forces had opened fire on a Peruvian border post.\n\n"
        "Two Peruvian border guards were killed and four wounded, he said.");
  CHECK(has(a.figures(), "Luis Soto: 2/4/Peruvian border guards"));
  CHECK_FALSE(any_by(a.figures(), "Peruvian border guards"));
  // Without a pronoun the clause's first name still speaks.
  Run b(kOpening + "Chile's army said two Peruvian soldiers were captured.");
  CHECK(any_by(b.claims(), "Chile's army"));
}

TEST_CASE("claims16: a participle after a comma keeps the verb's speaker", "[extract][claims16]") {
  Run a(kOpening +
        "Peru's border guard commander, General Luis Soto, said on Monday that Chilean troops "
        "had opened fire.\n\n"
        "One Chilean border guard and two civilians were killed, Chilean spokesman Pedro Rojas "
        "said, adding that Chilean forces had captured a Peruvian outpost.");
  CHECK_FALSE(any_by(a.figures(), "Chilean border guard"));
  CHECK(any_by(a.figures(), "Pedro Rojas"));
  // A name between the verb and the participle is the participle's own subject.
  Run b(kOpening +
        "Bolivia offered to host talks between the two sides, but Peru declined, saying the "
        "issue was an internal matter.");
  CHECK_FALSE(has(b.claims(), "Bolivia StatementClaim"));
}

TEST_CASE("claims16: a title opening an apposition names the speaker", "[extract][claims16]") {
  Run a(kOpening +
        "Peru's border guard commander, General Luis Soto, told reporters that Chilean forces "
        "had fired first.");
  CHECK(any_by(a.claims(), "Luis Soto"));
  // Only titles: other words before the name make no apposition of the body.
  Run b(kOpening +
        "Peru's border guard, backed by Luis Soto, told reporters that Chilean forces had fired "
        "first.");
  CHECK(any_by(b.claims(), "Peru's border guard"));
  CHECK_FALSE(any_by(b.claims(), "Luis Soto"));
}

TEST_CASE("claims16: 'where' opens a clause before a described source", "[extract][claims16]") {
  Run a(kOpening +
        "Fighting was also reported on the northern front, where local officials said Chilean "
        "shelling had killed six civilians.");
  CHECK(any_by(a.figures(), "local officials"));
  CHECK_FALSE(any_by(a.figures(), "where local officials"));
}

TEST_CASE("claims16: the result of an act is no toll of zero", "[extract][claims16]") {
  Run a(kOpening +
        "Peru's defence ministry said Chilean forces had fired on Peruvian positions near "
        "Tacna, causing no casualties.");
  CHECK_FALSE(any_by(a.figures(), "Peru's defence ministry"));
  Run b(kOpening +
        "Peru's defence ministry said Chilean rockets fell in an empty field and caused a fire "
        "but no casualties.");
  CHECK_FALSE(any_by(b.figures(), "Peru's defence ministry"));
  // A zero told of a side stays a figure.
  Run c(kOpening + "Peru's defence ministry said there were no casualties on the Peruvian side.");
  CHECK(any_by(c.figures(), "Peru's defence ministry"));
}

TEST_CASE("claims16: consequences qualified are a threat", "[extract][claims16]") {
  Run a(kOpening +
        "\"The leadership of Chile must stop these provocations, otherwise it will face "
        "decisive consequences,\" Peruvian spokesman Juan Soto told reporters.");
  CHECK(has(a.claims(), "Juan Soto Threat"));
  Run b(kOpening + "Peruvian spokesman Juan Soto said the decisive battle had consequences.");
  CHECK_FALSE(has(b.claims(), "Juan Soto Threat"));
}

TEST_CASE("claims16: an abbreviation after a preposition's object denies nothing",
          "[extract][claims16]") {
  Run a(kOpening +
        "Peru's military said the strikes had hit hideouts of the Shining Path Front (SPF) and "
        "denied targeting civilians.");
  CHECK(has(a.claims(), "Peru's military Denial"));
  CHECK_FALSE(any_by(a.claims(), "Shining Path Front"));
}

TEST_CASE("claims16: an armed group's spokesperson claims what 'the group' did",
          "[extract][claims16]") {
  Run a(kOpening +
        "The Shining Path rebels have fought the army since 1980. Shining Path military "
        "spokesman Juan Rojas said the group had targeted an army convoy near Ayacucho.");
  CHECK(has(a.claims(), "Juan Rojas ResponsibilityClaim"));
  // A state's spokesperson saying so about another group accuses or states; no claim of
  // responsibility.
  Run b(kOpening +
        "Peruvian army spokesman Juan Rojas said the group had targeted an army convoy.");
  CHECK_FALSE(has(b.claims(), "Juan Rojas ResponsibilityClaim"));
}

TEST_CASE("claims16: ongoing contact with both sides is mediation", "[extract][claims16]") {
  Run a(kOpening +
        "Brazil's special envoy, Marco Silva, has been in contact with both governments to "
        "help calm the situation, a Brazilian diplomat said.");
  CHECK(has(a.mediations(), "Marco Silva: Chile/Peru Ongoing"));
  // Contact with one side, or with "both" and no side noun, is none.
  Run b(kOpening + "Brazil has been in contact with the Chilean government about the fighting.");
  CHECK(b.mediations().empty());
  Run c(kOpening + "Brazil has been in contact with both about trade.");
  CHECK(c.mediations().empty());
}

TEST_CASE("claims16: a described mediator opening the clause", "[extract][claims16]") {
  Run a(kOpening +
        "Traditional elders from Lima and Cusco are holding talks in an effort to broker a "
        "truce between Chile and Peru.");
  CHECK(any_by(a.mediations(), "Traditional elders"));
  CHECK_FALSE(any_by(a.mediations(), "Lima"));
  // Its sides must be named.
  Run b(kOpening + "Tribal elders have brokered a truce between two warring clans.");
  CHECK_FALSE(any_by(b.mediations(), "Tribal elders"));
  // A name opening the clause is read as before.
  Run c(kOpening + "Bolivia's elders brokered a truce between Chile and Peru.");
  CHECK_FALSE(any_by(c.mediations(), "elders"));
}

TEST_CASE("claims16: shuttling between the sides is mediation", "[extract][claims16]") {
  Run a(kOpening + "Bolivia's foreign minister has been shuttling between Chile and Peru.");
  CHECK(has(a.mediations(), "Bolivia's foreign minister: Chile/Peru Ongoing"));
  Run b(kOpening + "A bus has been shuttling between Lima and Cusco since Monday.");
  CHECK(b.mediations().empty());
}

TEST_CASE("claims16: the words after 'as' that name nothing come from the lexicon",
          "[extract][claims16]") {
  const std::string text =
      kOpening + "Bolivia condemned the shelling as part of a campaign against civilians.";
  CHECK(claim_types(ng_test::stages().stage2, text).count("Accusation") == 0);
  // The same stage with "part" taken out of claim_as_fillers.tsv names the act.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ng_claims16_lexicon";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(NG_SOURCE_DIR) + "/data/lexicon", dir);
  {
    std::ofstream out(dir / "claim_as_fillers.tsv", std::ios::trunc);
    out << "phrase\nwell|soon\n";
  }
  ng::extract::ResourcePaths paths = ng::extract::ResourcePaths::under(NG_SOURCE_DIR);
  paths.lexicon_dir = dir.string();
  const ng::extract::ClaimStage edited(paths);
  CHECK(claim_types(edited, text).count("Accusation") == 1);
  // A missing lexicon is an error naming the file, not an empty list.
  std::filesystem::remove(dir / "claim_as_fillers.tsv");
  CHECK_THROWS_WITH(ng::extract::ClaimStage(paths), Catch::Matchers::Contains("claim_as_fillers"));
  std::filesystem::remove_all(dir);
}
