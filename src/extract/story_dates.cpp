#include "extract/story_dates.hpp"

#include <algorithm>
#include <string_view>

#include "extract/text.hpp"
#include "extract/time_expr.hpp"

namespace ng::extract {
namespace {

// A capitalised word here starts a sentence, a quotation or a line: it says nothing about names.
bool opens_sentence(const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0 || tokens[i].is(kAfterNewline)) return true;
  const std::string& prev = tokens[i - 1].key;
  return prev == "." || prev == "!" || prev == "?" || prev == ":" || prev == "\"" || prev == "-" ||
         prev == "--";
}

}  // namespace

StoryProfile story_profile(const std::string& text, const Lexicon& time_words,
                           const std::unordered_set<std::string>& abbreviations) {
  StoryProfile out;
  const NormalizedText norm = normalize_text(text);
  const std::vector<Token> tokens = tokenize(norm.text, abbreviations);
  std::vector<PhraseIndex::Match> matches;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::Word || !t.is(kCapitalized)) continue;
    time_words.index().match(tokens, i, tokens.size(), matches);
    if (!matches.empty()) {
      const auto row = matches.front().value;
      if (time_words.get(row, "kind") == "weekday") {
        int day = 0;
        for (char c : time_words.get(row, "value")) day = day * 10 + (c - '0');
        if (day >= 1 && day <= 7) out.weekdays.insert(day);
      }
      continue;  // time words are no names
    }
    if (t.is(kAllCaps) || t.key.size() < 3 || opens_sentence(tokens, i)) continue;
    out.names.insert(t.key);
  }
  // A dateline: capitals first (after a headline line), a dash within a dozen tokens.
  const Dateline dateline = find_dateline(tokens);
  for (const TimeExpression& te :
       find_time_expressions(tokens, dateline.begin, dateline.end, time_words, "")) {
    if (te.value.size() == 10 && out.dateline_date.empty()) out.dateline_date = te.value;
  }
  return out;
}

double story_overlap(const StoryProfile& a, const StoryProfile& b) {
  std::size_t shared = 0;
  for (const std::string& n : a.names) shared += b.names.count(n);
  if (shared < kMinSharedNames) return 0;
  return static_cast<double>(shared) /
         static_cast<double>(std::min(a.names.size(), b.names.size()));
}

std::size_t infer_story_dates(std::vector<Article>& articles, const Lexicon& time_words,
                              const std::unordered_set<std::string>& abbreviations) {
  std::vector<std::size_t> dated, undated;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    CivilDate d;
    if (parse_iso_date(articles[i].date, d)) {
      dated.push_back(i);
    } else if (articles[i].date.empty()) {
      undated.push_back(i);
    }
  }
  if (undated.empty()) return 0;
  std::vector<StoryProfile> profiles(articles.size());
  for (std::size_t i : dated) {
    profiles[i] = story_profile(articles[i].text, time_words, abbreviations);
  }
  std::size_t inferred = 0;
  for (std::size_t u : undated) {
    profiles[u] = story_profile(articles[u].text, time_words, abbreviations);
    if (!profiles[u].dateline_date.empty()) {  // the text dates itself
      articles[u].inferred_date = profiles[u].dateline_date;
      ++inferred;
      continue;
    }
    double best = kMinNameOverlap;
    const Article* source = nullptr;
    for (std::size_t d : dated) {
      CivilDate date;
      parse_iso_date(articles[d].date, date);
      const int wd = weekday(date);
      const int day_before = wd == 1 ? 7 : wd - 1;
      const StoryProfile& p = profiles[u];
      if (!p.weekdays.empty() && !p.weekdays.count(wd) && !p.weekdays.count(day_before)) continue;
      const double overlap = story_overlap(p, profiles[d]);
      if (overlap >= best && (source == nullptr || overlap > best)) {
        best = overlap;
        source = &articles[d];
      }
    }
    if (source != nullptr) {
      articles[u].inferred_date = source->date;
      ++inferred;
    }
  }
  return inferred;
}

}  // namespace ng::extract
