#include "extract/article.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace ng::extract;

namespace {
const std::string kDir = std::string(NG_TEST_DATA_DIR) + "/extract/articles";

bool has_message(const std::vector<Diagnostic>& ds, const std::string& file_part,
                 const std::string& text) {
  return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) {
    return d.file.find(file_part) != std::string::npos &&
           d.to_string().find(text) != std::string::npos;
  });
}
}  // namespace

TEST_CASE("a leading date line is metadata, not text", "[extract][article]") {
  std::vector<Diagnostic> ds;
  Article a;
  REQUIRE(parse_text_article(" date 2026-03-06 Fighting resumed.", "x/one.txt", a, ds));
  CHECK(a.id == "one");
  CHECK(a.date == "2026-03-06");
  CHECK(a.text == "Fighting resumed.");
  CHECK(ds.empty());
}

TEST_CASE("an invalid date line is kept as text", "[extract][article]") {
  std::vector<Diagnostic> ds;
  Article a;
  REQUIRE(parse_text_article("date 2026-02-30 Text.", "two.txt", a, ds));
  CHECK(a.date.empty());
  CHECK(a.text == "date 2026-02-30 Text.");
}

TEST_CASE("front matter gives title, source, url, date and language", "[extract][article]") {
  std::vector<Diagnostic> ds;
  auto articles = read_articles({kDir + "/front.md"}, ds);
  REQUIRE(articles.size() == 1);
  const Article& a = articles.front();
  CHECK(a.title == "Talks resume");
  CHECK(a.source == "Example Wire");
  CHECK(a.url == "https://example.org/a");
  CHECK(a.date == "2026-03-06");
  CHECK(a.language == "en");
  CHECK(a.text.rfind("Army chief", 0) == 0);
}

TEST_CASE("a front-matter dateTime keeps its date, a bad date warns", "[extract][article]") {
  std::vector<Diagnostic> ds;
  Article a;
  REQUIRE(parse_text_article("---\ndate: 2026-03-06T08:30:00Z\n---\nText.", "dt.txt", a, ds));
  CHECK(a.date == "2026-03-06");
  REQUIRE(parse_text_article("---\ndate: March 6\n---\nText.", "bad.txt", a, ds));
  CHECK(a.date.empty());
  CHECK(has_message(ds, "bad.txt", "is not YYYY-MM-DD"));
}

TEST_CASE("unclosed front matter warns and keeps the whole text", "[extract][article]") {
  std::vector<Diagnostic> ds;
  Article a;
  REQUIRE(parse_text_article("---\ntitle: x\nno end here\n", "open.txt", a, ds));
  CHECK(has_message(ds, "open.txt", "not closed"));
  CHECK(a.title.empty());
}

TEST_CASE("bad files are reported and the others still read", "[extract][article]") {
  std::vector<Diagnostic> ds;
  auto articles = read_articles({kDir}, ds);
  std::vector<std::string> ids;
  for (const auto& a : articles) ids.push_back(a.id);
  // dated.txt, front.md, and two valid JSON lines (b1 and the line without id).
  CHECK(std::find(ids.begin(), ids.end(), "dated") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "front") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "b1") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "batch-3") != ids.end());
  CHECK(articles.size() == 4);
  CHECK(has_message(ds, "empty.txt", "warning: empty file"));
  CHECK(has_message(ds, "bad_utf8.txt", "invalid UTF-8 at byte offset 9"));
  CHECK(has_message(ds, "binary.txt", "binary file (NUL byte at byte offset 3)"));
  CHECK(has_message(ds, "batch.jsonl", "batch.jsonl:2:"));
  CHECK(has_message(ds, "batch.jsonl", "malformed JSON line"));
}

TEST_CASE("JSON Lines: escapes, missing text, trailing garbage", "[extract][article]") {
  std::vector<Diagnostic> ds;
  auto articles = parse_json_lines(
      "{\"id\":\"a\",\"text\":\"caf\\u00e9 \\\"quoted\\\"\",\"tags\":[1,{\"x\":2}]}\n"
      "{\"id\":\"b\"}\n"
      "{\"text\":\"ok\"} extra\n",
      "in.jsonl", ds);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].text == "caf\xC3\xA9 \"quoted\"");
  CHECK(has_message(ds, "in.jsonl", "in.jsonl:2:1: error: JSON line has no \"text\""));
  CHECK(has_message(ds, "in.jsonl", "in.jsonl:3:"));
}

TEST_CASE("JSON Lines: unpaired surrogate escapes are errors, pairs decode", "[extract][article]") {
  std::vector<Diagnostic> ds;
  auto articles = parse_json_lines(
      "{\"id\":\"lone\",\"text\":\"a \\ud83d b\"}\n"
      "{\"id\":\"low\",\"text\":\"\\udc00\"}\n"
      "{\"id\":\"pair\",\"text\":\"\\ud83d\\ude00\"}\n",
      "s.jsonl", ds);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].id == "pair");
  CHECK(articles[0].text == "\xF0\x9F\x98\x80");
  CHECK(has_message(ds, "s.jsonl", "unpaired surrogate"));
  CHECK(find_invalid_utf8(articles[0].text) == std::string_view::npos);
}

TEST_CASE("UTF-8 validation finds overlong forms and surrogates", "[extract][article]") {
  CHECK(find_invalid_utf8("plain \xC3\xA9 text") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);    // overlong '/'
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // surrogate
  CHECK(find_invalid_utf8("x\xE2\x80") == 1);     // truncated
  CHECK_FALSE(is_iso_date("2025-02-29"));
  CHECK(is_iso_date("2024-02-29"));
}

TEST_CASE("articles and lines past the size limits are reported with the limit and skipped",
          "[extract][article][limits]") {
  ReadLimits limits;
  limits.max_article_bytes = 100;
  limits.max_line_bytes = 40;
  std::vector<Diagnostic> ds;
  Article a;
  CHECK_FALSE(parse_text_article(std::string(120, 'x'), "big.txt", a, ds, limits));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].to_string() ==
        "big.txt: error: article of 120 bytes, more than the limit of 100 (--max-article-size), "
        "skipped");
  ds.clear();
  CHECK_FALSE(parse_text_article("short line\n" + std::string(50, 'y') + "\nend", "long.txt", a, ds,
                                 limits));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].to_string() ==
        "long.txt:2:1: error: line of 50 bytes, more than the limit of 40 (--max-line-length), "
        "skipped");
  ds.clear();
  CHECK(parse_text_article("short line\nFighting resumed.", "ok.txt", a, ds, limits));
  CHECK(ds.empty());
  // JSON Lines: the long line is skipped, the next one is read.
  std::string batch =
      "{\"text\": \"" + std::string(100, 'z') + "\"}\n{\"text\": \"Talks began.\"}\n";
  auto articles = parse_json_lines(batch, "b.jsonl", ds, limits);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].text == "Talks began.");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].to_string() ==
        "b.jsonl:1:1: error: JSON line of 112 bytes, more than the limit of 100 "
        "(--max-article-size), skipped");
}
