#include <catch2/catch.hpp>

#include "extract/time_expr.hpp"

using namespace ng::extract;

namespace {
std::vector<TimeExpression> find(const std::string& text, const std::string& date) {
  static const std::unordered_set<std::string> abbr;
  static const Lexicon words =
      Lexicon::load(std::string(NG_SOURCE_DIR) + "/data/lexicon/time_words.tsv", abbr);
  const auto tokens = tokenize(text, abbr);
  return find_time_expressions(tokens, 0, tokens.size(), words, date);
}
}  // namespace

TEST_CASE("calendar arithmetic", "[extract][time]") {
  CivilDate d;
  REQUIRE(parse_iso_date("2026-03-06", d));
  CHECK(weekday(d) == 5);  // a Friday
  CHECK(format_date(add_days(d, -6)) == "2026-02-28");
  CHECK(format_date(add_days(CivilDate{2024, 2, 28}, 1)) == "2024-02-29");
  CHECK_FALSE(parse_iso_date("2026-3-6", d));
}

TEST_CASE("weekdays resolve to the past week", "[extract][time]") {
  auto t = find("Rebels attacked on Thursday night and again on Friday.", "2026-03-06");
  REQUIRE(t.size() == 2);
  CHECK(t[0].value == "2026-03-05");
  CHECK(t[1].value == "2026-03-06");
  t = find("It began last Friday.", "2026-03-06");
  REQUIRE(t.size() == 1);
  CHECK(t[0].value == "2026-02-27");
}

TEST_CASE("months, years and relative expressions", "[extract][time]") {
  auto t = find("Clashes in October and talks this month.", "2026-03-06");
  REQUIRE(t.size() == 2);
  CHECK(t[0].value == "2025-10");
  CHECK(t[1].value == "2026-03");
  t = find("since 2021, five years ago", "2026-03-06");
  REQUIRE(t.size() == 2);
  CHECK(t[0].value == "2021");
  CHECK(t[1].value == "2021");
  t = find("earlier this week", "2026-03-06");
  REQUIRE(t.size() == 1);
  CHECK(t[0].value.empty());
}

TEST_CASE("no article date: relative expressions stay unresolved", "[extract][time]") {
  auto t = find("on Thursday, in October, in 2019", "");
  REQUIRE(t.size() == 3);
  CHECK(t[0].value.empty());
  CHECK(t[1].value.empty());
  CHECK(t[2].value == "2019");
}

TEST_CASE("lower-case month words are not dates", "[extract][time]") {
  CHECK(find("They may march on.", "2026-03-06").empty());
}

TEST_CASE("day before the month and mid-month", "[extract][time]") {
  auto t = find("Talks opened on 3 February 2026 and resumed in mid-January.", "2026-03-06");
  REQUIRE(t.size() == 2);
  CHECK(t[0].value == "2026-02-03");
  CHECK(t[1].value == "2026-01");
  // Without a year the day still resolves to the most recent such date.
  t = find("Shelling resumed on 28 February.", "2026-03-06");
  REQUIRE(t.size() == 1);
  CHECK(t[0].value == "2026-02-28");
  // A lower-case "mid-march" stays a month ("mid-" marks it), a bare "march" does not.
  t = find("They will march in mid-march.", "2026-03-06");
  REQUIRE(t.size() == 1);
  CHECK(t[0].value == "2026-03");
}
