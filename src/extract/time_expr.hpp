// Time expressions ("on Thursday night", "in October", "this month", "five years ago"),
// resolved against the article date where that is simple. Words come from a lexicon
// (data/lexicon/time_words.tsv: phrase, kind, value).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/lexicon.hpp"

namespace ng::extract {

struct TimeExpression {
  std::uint32_t begin = 0;  // token range
  std::uint32_t end = 0;
  std::string value;  // "2026-02-27", "2025-10", "2021" or "" when unresolved
};

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Parses "YYYY-MM-DD" (false if not a date).
bool parse_iso_date(const std::string& text, CivilDate& out);
CivilDate add_days(const CivilDate& date, int days);
int weekday(const CivilDate& date);  // 1 = Monday ... 7 = Sunday
std::string format_date(const CivilDate& date);

// Where a phrase of the time words may start: per token, a mask in which `bit` is clear when
// none starts there (stage 1's lexeme masks, stage 2's LexiconStarts). Tokens it rules out are
// not looked up; without masks every token is.
struct TimeWordStarts {
  const std::vector<std::uint64_t>* masks = nullptr;
  std::uint64_t bit = 0;
  bool may_start(std::size_t i) const {
    return masks == nullptr || i >= masks->size() || ((*masks)[i] & bit) != 0;
  }
};

// Finds the time expressions in tokens [begin, end). `article_date` may be empty, in which
// case nothing relative is resolved (absolute years still are). `context_year` (0: none) is
// the year a month without one takes ("May 5-6" under a chronology's heading "2020"); without
// it the month's latest occurrence up to the article date is meant.
std::vector<TimeExpression> find_time_expressions(const std::vector<Token>& tokens,
                                                  std::size_t begin, std::size_t end,
                                                  const Lexicon& words,
                                                  const std::string& article_date,
                                                  int context_year = 0, TimeWordStarts starts = {});

}  // namespace ng::extract
