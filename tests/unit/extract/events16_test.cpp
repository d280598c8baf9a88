// Event mechanisms of session 16 (habits, datelines, missed triggers, background spans): one case
// per mechanism, on invented sentences, each with the case it must leave alone; and the lexicons
// that now hold the words the code used to spell out.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "stage1_result.hpp"

namespace {

namespace fs = std::filesystem;
using ng_test::has_class;
using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev16") {}
};

// Stage 1 with the checkout's resources, except one lexicon file replaced by `rows`.
struct EditedLexicon {
  fs::path dir;
  ng::extract::ResourcePaths paths = ng::extract::ResourcePaths::under(NG_SOURCE_DIR);
  EditedLexicon(const std::string& file, const std::string& rows) {
    dir = fs::temp_directory_path() / ("ng_events16_" + file);
    fs::remove_all(dir);
    fs::copy(paths.lexicon_dir, dir, fs::copy_options::recursive);
    std::ofstream(dir / file, std::ios::trunc) << rows;
    paths.lexicon_dir = dir.string();
  }
  ~EditedLexicon() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  EditedLexicon(const EditedLexicon&) = delete;
  EditedLexicon& operator=(const EditedLexicon&) = delete;
};

struct Run {
  ng::extract::VectorSink sink;
  Run(const ng::extract::Extractor& stage1, const std::string& text) {
    stage1.extract(ng_test::test_article(text, "ev16l"), sink);
  }
  std::string label(const std::string& iri) const {
    for (const auto& q : sink.quads) {
      if (q.subject.value == iri && q.predicate.value == ng::vocab::kRdfsLabel) {
        return q.object.value;
      }
    }
    return iri;
  }
  std::vector<std::string> objects(const std::string& s, const std::string& p) const {
    std::vector<std::string> v;
    for (const auto& q : sink.quads) {
      if (q.subject.value == s && q.predicate.value == p) v.push_back(q.object.value);
    }
    return v;
  }
  std::multiset<std::string> events() const {
    return ng_test::events_with_places(*this, sink.quads);
  }
};

}  // namespace

TEST_CASE("events16: a habit told in the perfect reports no event", "[extract][events16]") {
  Stage1 a("Since then, the rebels have fired rockets at Eldoret.");
  CHECK_FALSE(has_class(a.events(), "Shelling"));
  Stage1 b("The army has repeatedly shelled villages near Eldoret.");
  CHECK_FALSE(has_class(b.events(), "Shelling"));
  Stage1 c("The militia has since extended its attacks to Eldoret.");
  CHECK_FALSE(has_class(c.events(), "GroundAttack"));
  // One act in the perfect, or a habit word after the trigger, stays an event.
  Stage1 d("The rebels have fired rockets at Eldoret on Monday.");
  CHECK(has_event(d.events(), "Shelling@Eldoret"));
  Stage1 e("Since Monday, the rebels have fired rockets at Eldoret.");
  CHECK(has_class(e.events(), "Shelling"));
}

TEST_CASE("events16: a mixed-case dateline is no place of an event told elsewhere",
          "[extract][events16]") {
  Stage1 a(
      "Drones hit Kisumu\n\nEldoret (AFP) - Drones struck the city of Kisumu on Sunday, "
      "killing four people, officials said.");
  CHECK(has_event(a.events(), "DroneAttack@Kisumu"));
  CHECK_FALSE(has_event(a.events(), "DroneAttack@Eldoret"));
  // With no other place the dateline's city is kept.
  Stage1 b(
      "Drones hit market\n\nEldoret (AFP) - Drones struck a market on Sunday, killing four "
      "people, officials said.");
  CHECK(has_event(b.events(), "DroneAttack@Eldoret"));
  // A bracket without a dash is no dateline; a bare dateline breaks nothing.
  Stage1 c("Eldoret (AFP) -");
  CHECK(c.events().empty());
}

TEST_CASE("events16: closures, deportations and exchanges named by their verbs",
          "[extract][events16]") {
  Stage1 a("The main Malaba border crossing has been closed since Thursday, officials said.");
  CHECK(has_class(a.events(), "BorderClosure"));
  Stage1 b("The hearing was closed to the press on Thursday.");
  CHECK_FALSE(has_class(b.events(), "BorderClosure"));
  Stage1 c("More than 500 Kenyans had been sent back from Uganda through Malaba, the UN said.");
  CHECK(has_class(c.events(), "Deportation"));
  Stage1 d("The ministry sent back a reply on Thursday.");
  CHECK_FALSE(has_class(d.events(), "Deportation"));
  Stage1 e(
      "Kenya on Thursday handed over two Ugandan soldiers who had crossed the border, in "
      "exchange for one Kenyan soldier held in Uganda.");
  CHECK(has_class(e.events(), "PrisonerExchange"));
  CHECK_FALSE(has_class(e.events(), "PrisonerRelease"));
  Stage1 f("Kenya on Thursday handed over two Ugandan soldiers to Uganda.");
  CHECK(has_class(f.events(), "PrisonerRelease"));
  CHECK_FALSE(has_class(f.events(), "PrisonerExchange"));
  Stage1 g("The minister confirmed the exchange at the border near Busia.");
  CHECK(has_class(g.events(), "PrisonerExchange"));
  Stage1 h("One soldier was wounded in the exchange near Busia.");
  CHECK_FALSE(has_class(h.events(), "PrisonerExchange"));
}

TEST_CASE("events16: mortars and fire on positions", "[extract][events16]") {
  Stage1 a("Ugandan troops fired mortars at border posts near Busia on Monday.");
  CHECK(has_class(a.events(), "Shelling"));
  Stage1 b("Ugandan forces had fired on Kenyan positions near Busia on Wednesday.");
  CHECK(has_class(b.events(), "Clash"));
  Stage1 c("Police fired on protesters in Eldoret on Wednesday.");
  CHECK_FALSE(has_class(c.events(), "Clash"));
}

TEST_CASE("events16: a state opening an 'as' clause acts, it is no place", "[extract][events16]") {
  Stage1 a("Rebels killed a soldier near Eldoret on Tuesday, as Angola pressed ahead with talks.");
  CHECK_FALSE(has_event(a.events(), "Negotiation@Angola"));
  Stage1 b("Talks were held in Angola on Tuesday.");
  CHECK(has_event(b.events(), "Negotiation@Angola"));
}

TEST_CASE("events16: fighting a past truce ended is background", "[extract][events16]") {
  Stage1 a(
      "A ceasefire brokered by Qatar in October 2025 ended a week of fighting in which "
      "dozens were killed.");
  CHECK_FALSE(has_class(a.events(), "Clash"));
  Stage1 b("A truce agreed on Monday ended four days of fighting near Eldoret.");
  CHECK(has_event(b.events(), "Clash@Eldoret"));
}

TEST_CASE("events16: the lexicons drive the words the code used to hold", "[extract][events16]") {
  const std::string habit = "The army has repeatedly shelled villages near Eldoret.";
  {
    EditedLexicon edited("habitual_cues.tsv", "phrase\tkind\nhas|have|had\taux\nsince\tcue\n");
    const ng::extract::Extractor stage1(edited.paths);
    CHECK(has_class(Run(stage1, habit).events(), "Shelling"));
  }
  const std::string tally = "Gangs kidnapped several people in Eldoret in the same period.";
  CHECK(has_class(Stage1(tally).events(), "Capture"));
  {
    EditedLexicon edited("tally_small_amounts.tsv", "phrase\nfew|many\n");
    const ng::extract::Extractor stage1(edited.paths);
    CHECK_FALSE(has_class(Run(stage1, tally).events(), "Capture"));
  }
  const std::string span =
      "The army carried out more than 200 attacks in Eldoret since the earthquake.";
  CHECK_FALSE(has_class(Stage1(span).events(), "GroundAttack"));
  {
    EditedLexicon edited("span_openers.tsv", "phrase\nuntil\n");
    const ng::extract::Extractor stage1(edited.paths);
    CHECK(has_class(Run(stage1, span).events(), "GroundAttack"));
  }
}

TEST_CASE("events16: bad inputs", "[extract][events16]") {
  CHECK(Stage1("").events().empty());
  CHECK(Stage1("Since then,").events().empty());
  CHECK(Stage1("has repeatedly").events().empty());
  CHECK(Stage1("(AFP) - closed in exchange for").events().empty());
}
