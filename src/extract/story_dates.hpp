// Reference dates for undated articles. A report without a date line still says "on Friday" or
// "today"; when the same batch holds a dated report of the same story, those expressions are
// read against that report's date (as a reader of both would). Two articles tell the same story
// when they share enough names; the dated one must also fit the undated one's weekdays.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/article.hpp"
#include "extract/lexicon.hpp"

namespace ng::extract {

// What the matching looks at in one article.
struct StoryProfile {
  std::set<std::string> names;  // keys of capitalised words inside sentences (not time words)
  std::set<int> weekdays;       // weekdays the text names (1 = Monday ... 7 = Sunday)
  // A full date in an opening dateline ("KYIV, April 24, 2026 (Reuters) -"), else "".
  std::string dateline_date;
};

// `time_words` is data/lexicon/time_words.tsv (its weekday rows, and the words to leave out of
// the names); `abbreviations` as for tokenize().
StoryProfile story_profile(const std::string& text, const Lexicon& time_words,
                           const std::unordered_set<std::string>& abbreviations);

// Same story: at least `kMinSharedNames` names in common, making up at least
// `kMinNameOverlap` of the smaller article's names.
inline constexpr std::size_t kMinSharedNames = 5;
inline constexpr double kMinNameOverlap = 0.3;
// Share of `a`'s and `b`'s names in common (of the smaller set), 0 below kMinSharedNames.
double story_overlap(const StoryProfile& a, const StoryProfile& b);

// Sets `inferred_date` of every undated article to the full date of its own dateline, else to
// the date of the dated article of the batch that shares the most of its names, if they tell the
// same story and that date falls on a weekday the undated article names or the day after one (a
// report filed the next morning), or the undated article names no weekday. Returns the number of
// articles given a date.
std::size_t infer_story_dates(std::vector<Article>& articles, const Lexicon& time_words,
                              const std::unordered_set<std::string>& abbreviations);

}  // namespace ng::extract
