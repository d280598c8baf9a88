// Page noise: the furniture a news web page carries into copied text (bylines, timestamps,
// share bars, photo captions, "Advertisement", linked headlines, credit footers, repeated pull
// quotes). Which lines are furniture is data (data/lexicon/page_noise.txt); this file only
// applies it, line by line, before the text is normalised.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ng::extract {

struct PageNoise {
  std::vector<std::string> whole;               // the whole line is this
  std::vector<std::string> prefixes;            // the line starts with this
  std::vector<std::string> unended_prefixes;    // ... and ends no sentence
  std::vector<std::string> contains;            // the line contains this
  std::vector<std::string> credit_marks;        // an unended line with this is a photo caption
  std::vector<std::string> photo_credits;       // a line that is only a photo credit
  std::vector<std::string> link_headers;        // opens a block of linked headlines
  std::unordered_set<std::string> stamp_words;  // "updated", "ago": a timestamp line
  std::unordered_set<std::string> month_words;  // with a clock: a timestamp line
  std::unordered_set<std::string> time_words;   // allowed in a timestamp line

  // "CLASS<TAB>text" lines, '#' comments; throws std::runtime_error "NAME:LINE: ..." for an
  // unknown class or a line without a tab.
  static PageNoise parse(std::string_view content, std::string_view name);
  bool empty() const;
};

// `text` with every page-noise line blanked: each byte of such a line becomes a space (line
// breaks stay), so the result has the same length and every offset into it points at the same
// place in `text`. The first non-blank line (the headline) is never blanked.
std::string blank_page_noise(std::string_view text, const PageNoise& noise);

}  // namespace ng::extract
