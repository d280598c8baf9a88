// Session 18's speed-ups against the simple versions: find_time_expressions with the per-token
// prefilter (TimeWordStarts) finds what it finds asking the index at every token, and the
// hand-written date formats give what snprintf gives.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/time_expr.hpp"

using namespace ng::extract;

namespace {

const std::unordered_set<std::string>& no_abbreviations() {
  static const std::unordered_set<std::string> abbr;
  return abbr;
}

const Lexicon& time_words() {
  static const Lexicon words = Lexicon::load(
      std::string(NG_SOURCE_DIR) + "/data/lexicon/time_words.tsv", no_abbreviations());
  return words;
}

// The masks a stage would hand over: bit 3 set where the index has a phrase at the token.
std::vector<std::uint64_t> true_starts(const std::vector<Token>& tokens) {
  std::vector<std::uint64_t> masks(tokens.size(), 0);
  std::vector<PhraseIndex::Match> matches;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    time_words().index().match(tokens, i, tokens.size(), matches);
    if (!matches.empty()) masks[i] = std::uint64_t{1} << 3;
  }
  return masks;
}

std::string as_text(const std::vector<TimeExpression>& times) {
  std::string out;
  for (const TimeExpression& t : times) {
    out += std::to_string(t.begin) + "-" + std::to_string(t.end) + "=" + t.value + ";";
  }
  return out;
}

std::string reference_date(int year, int month, int day) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace

TEST_CASE("time expressions: the prefilter finds what a lookup at every token finds",
          "[extract][time][speed]") {
  const std::vector<std::string> sentences = {
      "Shelling resumed on Tuesday night after a lull that began last Friday.",
      "The truce signed in March 2019 collapsed two years ago, and talks due next Monday were "
      "called off in mid-November.",
      "Convoys have crossed since 2015; 12 days ago the border closed, on 4 June.",
      "Nothing here names a day, a month or a year.",
      "Fighting flared in January last year and again earlier this week."};
  for (const std::string& date : {std::string("2026-03-06"), std::string()}) {
    for (const std::string& text : sentences) {
      const std::vector<Token> tokens = tokenize(text, no_abbreviations());
      const std::vector<std::uint64_t> masks = true_starts(tokens);
      const auto plain = find_time_expressions(tokens, 0, tokens.size(), time_words(), date);
      const auto filtered = find_time_expressions(tokens, 0, tokens.size(), time_words(), date, 0,
                                                  TimeWordStarts{&masks, std::uint64_t{1} << 3});
      CHECK(as_text(filtered) == as_text(plain));
    }
  }
  // The sentences above do hold expressions (the comparison is not of two empty lists).
  const auto tokens = tokenize(sentences[1], no_abbreviations());
  CHECK(find_time_expressions(tokens, 0, tokens.size(), time_words(), "2026-03-06").size() >= 4);
}

TEST_CASE("time expressions: tokens the prefilter rules out are not looked up",
          "[extract][time][speed]") {
  const std::vector<Token> tokens =
      tokenize("Strikes hit the port on Tuesday.", no_abbreviations());
  const std::vector<std::uint64_t> none(tokens.size(), 0);
  const std::uint64_t bit = std::uint64_t{1} << 5;
  CHECK(find_time_expressions(tokens, 0, tokens.size(), time_words(), "2026-03-06", 0,
                              TimeWordStarts{&none, bit})
            .empty());
  // Another lexicon's bit set says nothing of the time words.
  const std::vector<std::uint64_t> other(tokens.size(), std::uint64_t{1} << 6);
  CHECK(find_time_expressions(tokens, 0, tokens.size(), time_words(), "2026-03-06", 0,
                              TimeWordStarts{&other, bit})
            .empty());
  // Masks shorter than the tokens rule out nothing past their end.
  const std::vector<std::uint64_t> short_masks(2, 0);
  const auto t = find_time_expressions(tokens, 0, tokens.size(), time_words(), "2026-03-06", 0,
                                       TimeWordStarts{&short_masks, bit});
  REQUIRE(t.size() == 1);
  CHECK(t[0].value == "2026-03-03");
}

TEST_CASE("dates are formatted as snprintf formats them", "[extract][time][speed]") {
  for (const int year : {0, 7, 99, 476, 1999, 2026, 9999, 10000, 123456, -1, -2026}) {
    for (const int month : {0, 1, 9, 10, 12, 99, 100, -3}) {
      for (const int day : {0, 1, 9, 10, 31, 99, 100, -5}) {
        CHECK(format_date(CivilDate{year, month, day}) == reference_date(year, month, day));
      }
    }
  }
  // A month without a day ("in October") in the four-two form.
  const auto tokens = tokenize("Talks stalled in October.", no_abbreviations());
  const auto t = find_time_expressions(tokens, 0, tokens.size(), time_words(), "2026-03-06");
  REQUIRE(t.size() == 1);
  CHECK(t[0].value == "2025-10");
}
