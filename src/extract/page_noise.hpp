// Page noise: the furniture a news web page carries into copied text (bylines, timestamps,
// share bars, photo captions, "Advertisement", linked headlines, credit footers, repeated pull
// quotes). Which lines are furniture is data (data/lexicon/page_noise.txt); this file only
// applies it, line by line, before the text is normalised.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ng::extract {

// The lists of a PageNoise arranged for the per-line tests, which most lines (story
// paragraphs) fail: built by PageNoise::parse().
struct PageNoiseIndex {
  // A `contains` or `credit_mark` entry, found in a line by its first four bytes (`head`).
  struct Part {
    std::string text;
    std::uint32_t head = 0;  // the first four bytes, as loaded by memcpy (long parts only)
    bool credit = false;     // a credit mark (else a `contains` entry)
  };
  std::vector<Part> long_parts;   // four bytes or more
  std::vector<Part> short_parts;  // fewer: searched for one by one
  // Bit h: some long part's head hashes to h (opening_bucket in page_noise.cpp).
  std::vector<std::uint64_t> openings;
  // Per first byte: indices of the prefixes / unended prefixes starting with it.
  std::vector<std::vector<std::uint32_t>> prefixes_by_byte;
  std::vector<std::vector<std::uint32_t>> unended_by_byte;
  std::size_t longest_exact = 0;  // the longest whole, photo_credit or link_header entry
};

// Bit 0: the folded line contains a `contains` entry; bit 1: a credit mark.
unsigned page_noise_parts_in(std::string_view folded, const PageNoiseIndex& index);

struct PageNoise {
  std::vector<std::string> whole;                  // the whole line is this
  std::vector<std::string> prefixes;               // the line starts with this
  std::vector<std::string> unended_prefixes;       // ... and ends no sentence
  std::vector<std::string> contains;               // the line contains this
  std::vector<std::string> credit_marks;           // an unended line with this is a photo caption
  std::vector<std::string> photo_credits;          // a line that is only a photo credit
  std::vector<std::string> link_headers;           // opens a block of linked headlines
  std::unordered_set<std::string> speaker_labels;  // "REPORTER:", "QUESTION:" opening a line
  std::unordered_set<std::string> stamp_words;     // "updated", "ago": a timestamp line
  std::unordered_set<std::string> month_words;     // with a clock: a timestamp line
  std::unordered_set<std::string> time_words;      // allowed in a timestamp line
  PageNoiseIndex index;  // the lists above, as blank_page_noise reads them

  // "CLASS<TAB>text" lines, '#' comments; throws std::runtime_error "NAME:LINE: ..." for an
  // unknown class or a line without a tab.
  static PageNoise parse(std::string_view content, std::string_view name);
  bool empty() const;
};

// `text` with every page-noise line blanked: each byte of such a line becomes a space (line
// breaks stay), so the result has the same length and every offset into it points at the same
// place in `text`. The first non-blank line (the headline) is never blanked. A line of a
// transcript or broadcast script keeps its words but loses its speaker label ("REPORTER (A B):");
// an item of a news-in-brief round-up loses its dateline ("ERBIL, April 8 (Agency) -") when an
// earlier line opened with one (the first dateline is the story's).
std::string blank_page_noise(std::string_view text, const PageNoise& noise);

}  // namespace ng::extract
