#include "extract/extractor.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "extract/rules.hpp"
#include "rdf/vocab.hpp"

using namespace ng::extract;

namespace {

ResourcePaths test_paths() {
  ResourcePaths p = ResourcePaths::under(NG_SOURCE_DIR);
  p.gazetteer_dir = std::string(NG_TEST_DATA_DIR) + "/extract/gazetteer";  // small and fast
  return p;
}

const Extractor& extractor() {
  static const Extractor e(test_paths());
  return e;
}

std::string ng_term(const char* local) { return std::string(ng::vocab::kNg) + local; }

struct Result {
  VectorSink sink;
  ExtractStats stats;
  // Objects of (s, p) for any s whose rdfs:label is `label`.
  std::vector<std::string> labels_of_type(const std::string& cls) const {
    std::vector<std::string> out;
    for (const auto& q : sink.quads) {
      if (q.predicate.value != ng::vocab::kRdfType || q.object.value != ng_term(cls.c_str()))
        continue;
      for (const auto& l : sink.quads) {
        if (l.subject == q.subject && l.predicate.value == ng::vocab::kRdfsLabel) {
          out.push_back(l.object.value);
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> objects(const std::string& predicate) const {
    std::vector<std::string> out;
    for (const auto& q : sink.quads) {
      if (q.predicate.value == predicate) out.push_back(q.object.value);
    }
    return out;
  }
};

Result run(const std::string& text, const std::string& date = "2026-03-06") {
  Article a;
  a.id = "test_article";
  a.date = date;
  a.text = text;
  Result r;
  r.stats = extractor().extract(a, r.sink);
  return r;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("persons from titles, with role and affiliation", "[extract][extractor]") {
  Result r = run("Sudan's Defense Minister Yasin Ibrahim said the army would advance.");
  CHECK(r.labels_of_type("Person") == std::vector<std::string>{"Yasin Ibrahim"});
  CHECK(contains(r.objects(ng_term("role")), "Defense Minister"));
  CHECK(contains(r.labels_of_type("Country"), "Sudan"));
}

TEST_CASE("abbreviated civilian titles are roles, not part of the name", "[extract][extractor]") {
  // Wire style: "Gov.", "Sen.", "Rep." before a name (data/lexicon/person_titles.tsv).
  Result r =
      run("Regional Gov. Maria Lopez said the shelling hit a school. Sen. Tom Reyes agreed.");
  CHECK(r.labels_of_type("Person") == std::vector<std::string>{"Maria Lopez", "Tom Reyes"});
  CHECK(contains(r.objects(ng_term("role")), "Sen."));
}

TEST_CASE("a surname resolves to the full name within an article", "[extract][extractor]") {
  Result r = run(
      "Army spokesman Nabil Abdallah said the town fell. Abdallah added that talks had failed.");
  CHECK(r.labels_of_type("Person") == std::vector<std::string>{"Nabil Abdallah"});
}

TEST_CASE("abbreviations defined in text resolve to the full name", "[extract][extractor]") {
  Result r =
      run("The Sudan Liberation Movement (SLM) said it had repelled an attack. The SLM denied it.");
  CHECK(r.labels_of_type("ArmedGroup") == std::vector<std::string>{"Sudan Liberation Movement"});
  CHECK(contains(r.objects(std::string(ng::vocab::kSkos) + "altLabel"), "SLM"));
}

TEST_CASE("places, demonyms, metonyms and events with time", "[extract][extractor]") {
  Result r = run("Sudanese army drones struck El Fasher on Thursday night, killing 12 people.");
  CHECK(contains(r.labels_of_type("City"), "El Fasher"));
  CHECK(contains(r.labels_of_type("Government"), "Sudanese army"));
  const auto dates = r.objects(ng_term("date"));
  CHECK(contains(dates, "2026-03-05"));
  CHECK(contains(r.objects(ng_term("killed")), "12"));
  CHECK(r.stats.events >= 1);
}

TEST_CASE("sentences that must not produce actors or events", "[extract][extractor]") {
  // A country name before "said" is not a person; weekday and month words are not names.
  Result r = run("Chad said on Monday in March that it was watching closely.");
  CHECK(r.labels_of_type("Person").empty());
  CHECK(r.stats.events == 0);
  // A lower-case sentence about nothing.
  Result quiet = run("the weather was mild and the markets were open.");
  CHECK(quiet.stats.actors == 0);
  CHECK(quiet.stats.locations == 0);
  CHECK(quiet.stats.events == 0);
  // Words inside a quotation are speech, not events.
  Result quoted = run("\"We will never accept airstrikes,\" a farmer told reporters.");
  CHECK(quoted.stats.events == 0);
}

TEST_CASE("evidence offsets point into the original text", "[extract][extractor]") {
  const std::string text =
      "KHARTOUM \xE2\x80\x94 Fighting raged. \xE2\x80\x9CIt is war,\xE2\x80\x9D he said. "
      "Chadian troops shelled Khartoum on Friday.";
  Result r = run(text);
  std::size_t checked = 0;
  for (const auto& q : r.sink.quads) {
    if (q.predicate.value != std::string(ng::vocab::kNif) + "anchorOf") continue;
    std::size_t begin = 0, end = 0;
    for (const auto& o : r.sink.quads) {
      if (o.subject != q.subject) continue;
      if (o.predicate.value == std::string(ng::vocab::kNif) + "beginIndex")
        begin = std::stoul(o.object.value);
      if (o.predicate.value == std::string(ng::vocab::kNif) + "endIndex")
        end = std::stoul(o.object.value);
    }
    // Offsets count code points: convert to bytes to compare.
    std::size_t byte_begin = 0, cp = 0;
    while (cp < begin) {
      if ((static_cast<unsigned char>(text[++byte_begin]) & 0xC0) != 0x80) ++cp;
    }
    std::size_t byte_end = byte_begin;
    cp = begin;
    while (cp < end && byte_end < text.size()) {
      ++byte_end;
      if (byte_end == text.size() || (static_cast<unsigned char>(text[byte_end]) & 0xC0) != 0x80)
        ++cp;
    }
    CHECK(text.substr(byte_begin, byte_end - byte_begin) == q.object.value);
    ++checked;
  }
  CHECK(checked >= 1);
  CHECK(contains(r.objects(ng_term("date")), "2026-03-06"));
}

TEST_CASE("same input, same quads, one named graph per article", "[extract][extractor]") {
  const std::string text = "Chadian troops clashed with Sudanese forces near El Fasher on Friday.";
  Result a = run(text);
  Result b = run(text);
  CHECK(a.sink.quads == b.sink.quads);
  for (const auto& q : a.sink.quads) {
    REQUIRE(q.graph);
    CHECK(q.graph->value == graph_iri("test_article"));
  }
  CHECK(a.stats.triples == a.sink.quads.size());
}

TEST_CASE("an article without a date keeps time expressions unresolved", "[extract][extractor]") {
  Result r = run("Chadian troops shelled Khartoum on Friday.", "");
  CHECK(r.objects(ng_term("date")).empty());
  CHECK(contains(r.objects(ng_term("timeText")), "on Friday"));
}

TEST_CASE("a bad rule file is reported with file:line:col", "[extract][extractor]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "ng_extract_bad_rules";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "bad.rules");
    out << "# broken\nrule x: @no_such_lexicon => Person();\n";
  }
  ResourcePaths p = test_paths();
  p.rules_dir = dir.string();
  CHECK_THROWS_WITH(Extractor(p), Catch::Contains("bad.rules:2:9: unknown lexicon"));
  fs::remove_all(dir);
}

TEST_CASE("a capital used for its state is an actor, not a place", "[extract][extractor]") {
  Result r = run("Khartoum accused Chad of arming the militias.");
  CHECK(contains(r.labels_of_type("Country"), "Sudan"));
  CHECK(r.labels_of_type("City").empty());
  // After a locative preposition the capital is a place.
  Result place = run("Chadian troops shelled positions in Khartoum on Friday.");
  CHECK(contains(place.labels_of_type("City"), "Khartoum"));
}

TEST_CASE("a dateline is a place but not where events happen", "[extract][extractor]") {
  Result r = run("KHARTOUM - Rebels shelled El Fasher on Friday.");
  CHECK(contains(r.labels_of_type("City"), "Khartoum"));  // gazetteer spelling, not capitals
  std::vector<std::string> locations = r.objects(ng_term("location"));
  REQUIRE(locations.size() == 1);
  CHECK(locations[0].find("gn-379303") != std::string::npos);  // El Fasher only
}

TEST_CASE("casualties with qualifiers and vague amounts", "[extract][extractor]") {
  Result r =
      run("Rebels attacked El Fasher on Friday, killing more than 40 people and wounding dozens.");
  CHECK(contains(r.objects(ng_term("killed")), "40"));
  CHECK(contains(r.objects(ng_term("qualifier")), "more than"));
  CHECK(contains(r.objects(ng_term("vagueAmount")), "dozens"));
}

TEST_CASE("an unnamed office holder merges with the named one", "[extract][extractor]") {
  Result r = run(
      "The Chadian foreign minister said talks would continue. Chad's Foreign Minister Abderaman "
      "Koulamallah met envoys in N'Djamena.");
  CHECK(r.labels_of_type("Person") == std::vector<std::string>{"Abderaman Koulamallah"});
}

TEST_CASE("a homonymous town does not hide a known organisation", "[extract][extractor]") {
  // "Mobile" is a city in the fixture gazetteer, flagged as a common word.
  Result r = run("Mobile phone networks went down as the United Nations appealed for calm.");
  CHECK(r.labels_of_type("City").empty());
  CHECK(contains(r.labels_of_type("Organization"), "United Nations"));
}

TEST_CASE("named bodies without a country, lower-case nouns are not bodies",
          "[extract][extractor]") {
  Result r = run("The Interior Ministry said the Election Commission would meet.");
  CHECK(contains(r.labels_of_type("Government"), "Interior Ministry"));
  CHECK(contains(r.labels_of_type("Organization"), "Election Commission"));
  Result none = run("the ministry said a commission would meet and the council agreed.");
  CHECK(none.stats.actors == 0);
}

TEST_CASE("a longer dateline: place, country, date and outlet before the dash",
          "[extract][extractor]") {
  Result r = run("KHARTOUM, Sudan, March 6 (Reuters) - Rebels shelled El Fasher on Friday.");
  std::vector<std::string> locations = r.objects(ng_term("location"));
  REQUIRE(locations.size() == 1);
  CHECK(locations[0].find("gn-379303") != std::string::npos);  // El Fasher only
  CHECK(r.objects(ng_term("agent")).empty());                  // neither Sudan nor Reuters
}

TEST_CASE("who is an event's agent: not an outlet, not a speaker about it, not 'by X' before it",
          "[extract][extractor]") {
  auto agents = [](const Result& r) {
    std::vector<std::string> out;
    for (const std::string& iri : r.objects(ng_term("agent"))) {
      for (const auto& q : r.sink.quads) {
        if (q.subject.value == iri && q.predicate.value == ng::vocab::kRdfsLabel) {
          out.push_back(q.object.value);
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(agents(run("An AFP journalist heard shelling near El Fasher.")).empty());
  CHECK(agents(run("Chad condemned the airstrikes on El Fasher.")).empty());
  CHECK(agents(run("Chad said it shelled El Fasher.")) == std::vector<std::string>{"Chad"});
  CHECK(agents(run("Sudan, which borders Chad, said its troops shelled El Fasher.")) ==
        std::vector<std::string>{"Sudan"});
  CHECK(agents(run("Rebels backed by Chad seized El Fasher.")).empty());
}

TEST_CASE("a person whose given name is a place", "[extract][extractor]") {
  Result r = run("Defense Minister Chad Harris visited Khartoum.");
  CHECK(r.labels_of_type("Person") == std::vector<std::string>{"Chad Harris"});
  CHECK_FALSE(contains(r.labels_of_type("Country"), "Chad"));
}

namespace {
// The ng:date of the event whose trigger is `trigger` ("" when it has none or there is no such
// event); several events with the trigger give their dates joined with '|'.
std::string date_of(const Result& r, const std::string& trigger) {
  std::string out;
  for (const auto& t : r.sink.quads) {
    if (t.predicate.value != ng_term("trigger") || t.object.value != trigger) continue;
    std::string date;
    for (const auto& d : r.sink.quads) {
      if (d.subject == t.subject && d.predicate.value == ng_term("date")) date = d.object.value;
    }
    out += (out.empty() ? "" : "|") + date;
  }
  return out;
}
}  // namespace

TEST_CASE("a time expression behind a clause break dates the other clause", "[extract][time]") {
  // "since ... five years ago" belongs to "came to power", not to the raids.
  Result r =
      run("The rebels have stepped up raids in Khartoum since the junta came to power five years "
          "ago.");
  CHECK(date_of(r, "raids") == "");
  // Without the break the nearest expression still dates the event.
  r = run("Rebels raided Khartoum five years ago.");
  CHECK(date_of(r, "raided") == "2021");
}

TEST_CASE("an event without a time in a news sentence gets the report's date", "[extract][time]") {
  // No time expression anywhere yet: the report's day (2026-03-06).
  Result r = run("Chadian troops shelled Khartoum, witnesses said.");
  CHECK(date_of(r, "shelled") == "2026-03-06");
  // A modal or past-perfect cue before the trigger: not dated by the report.
  r = run("Chadian troops could attack Khartoum, officials warned.");
  CHECK(date_of(r, "attack") == "");
  // After a sentence set in 2019 the narrative is background: no report date.
  r =
      run("The war began in 2019 in Khartoum.\n\nChadian troops shelled El Fasher, residents "
          "recalled.");
  CHECK(date_of(r, "shelled") == "");
}

TEST_CASE("a following sentence inherits the date only for the same kind of event",
          "[extract][time]") {
  Result r = run("Rebels shelled a market in Khartoum on Tuesday. Shelling also hit El Fasher.");
  CHECK(date_of(r, "Shelling") == "2026-03-03");
  // Clashes in the next sentence do not continue the shelling: the report's day, not Tuesday.
  r = run("Rebels shelled a market in Khartoum on Tuesday. Clashes also erupted in El Fasher.");
  CHECK(date_of(r, "Clashes") == "2026-03-06");
}
