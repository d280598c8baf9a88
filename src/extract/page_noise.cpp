#include "extract/page_noise.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace ng::extract {
namespace {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Per byte, for the loops that visit every byte of a page: its ASCII lower case, whether
// fold() reads it as a space and whether words_into() keeps it.
struct ByteTable {
  char lower[256] = {};
  bool space[256] = {};
  bool word[256] = {};
};
constexpr ByteTable make_byte_table() {
  ByteTable t;
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    t.lower[b] = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    t.space[b] = is_space(c);
    t.word[b] = is_lower(c) || is_digit(c);
  }
  return t;
}
constexpr ByteTable kBytes = make_byte_table();

// Lower-case ASCII, ends trimmed, runs of spaces collapsed to one, into `out` (reused from line
// to line: no allocation per line).
void fold_into(std::string_view line, std::string& out) {
  out.resize(line.size());
  char* const to = out.data();
  std::size_t n = 0;
  for (char c : line) {
    const auto b = static_cast<unsigned char>(c);
    if (!kBytes.space[b]) {
      to[n++] = kBytes.lower[b];
    } else if (n != 0 && to[n - 1] != ' ') {
      to[n++] = ' ';
    }
  }
  while (n != 0 && to[n - 1] == ' ') --n;
  out.resize(n);
}

std::string fold(std::string_view line) {
  std::string out;
  fold_into(line, out);
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A prefix that ends in a letter or digit ends a word: "by" opens "by olena", not "byelection".
bool starts_with_word(std::string_view s, std::string_view p) {
  if (!starts_with(s, p)) return false;
  if (s.size() == p.size() || !(is_lower(p.back()) || is_digit(p.back()))) return true;
  return !(is_lower(s[p.size()]) || is_digit(s[p.size()]));
}

// Closing quote marks: ASCII and the UTF-8 right single and double quotes (U+2019, U+201D).
std::string_view strip_closing_quotes(std::string_view s) {
  while (!s.empty()) {
    if (s.back() == '"' || s.back() == '\'') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D") {
      s.remove_suffix(3);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x99") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// A paragraph of the story ends a sentence; page furniture mostly does not.
bool ends_sentence(std::string_view folded) {
  const std::string_view s = strip_closing_quotes(folded);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

bool opens_with_quote(std::string_view folded) {
  return starts_with(folded, "\"") || starts_with(folded, "\xE2\x80\x9C") ||
         starts_with(folded, "\xE2\x80\x98");
}

// Lower-case ASCII words and numbers, one space between: what a pull quote shares with the
// paragraph it repeats, whatever the quote marks and punctuation. Into `out`, reused.
void words_into(std::string_view folded, std::string& out) {
  out.resize(folded.size());
  char* const to = out.data();
  std::size_t n = 0;
  bool gap = false;
  for (char c : folded) {
    if (kBytes.word[static_cast<unsigned char>(c)]) {
      if (gap && n != 0) to[n++] = ' ';
      gap = false;
      to[n++] = c;
    } else {
      gap = true;
    }
  }
  out.resize(n);
}

std::size_t word_count(std::string_view words) {
  return words.empty() ? 0
                       : 1 + static_cast<std::size_t>(std::count(words.begin(), words.end(), ' '));
}

// Whether `s` (not empty) starts with one of `list`: those of `by_byte[s[0]]` are tried.
bool any_prefix(std::string_view s, const std::vector<std::string>& list,
                const std::vector<std::vector<std::uint32_t>>& by_byte) {
  for (std::uint32_t k : by_byte[static_cast<unsigned char>(s.front())]) {
    if (starts_with_word(s, list[k])) return true;
  }
  return false;
}
bool any_equal(std::string_view s, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::uint32_t head_of(const char* p) {
  std::uint32_t head;
  std::memcpy(&head, p, sizeof head);
  return head;
}
// A part's head hashed to a bit of PageNoiseIndex::openings (a multiplicative hash).
std::size_t opening_bucket(std::uint32_t head) { return (head * 0x9E3779B1U) >> 16; }
constexpr std::size_t kOpeningBits = std::size_t{1} << 16;

PageNoiseIndex index_of(const PageNoise& n) {
  PageNoiseIndex index;
  index.openings.assign(kOpeningBits / 64, 0);
  const auto add_parts = [&](const std::vector<std::string>& list, bool credit) {
    for (const std::string& text : list) {
      if (text.size() < sizeof(std::uint32_t)) {
        index.short_parts.push_back({text, 0, credit});
        continue;
      }
      const std::uint32_t head = head_of(text.data());
      index.long_parts.push_back({text, head, credit});
      const std::size_t bucket = opening_bucket(head);
      index.openings[bucket / 64] |= std::uint64_t{1} << (bucket % 64);
    }
  };
  add_parts(n.contains, false);
  add_parts(n.credit_marks, true);
  const auto by_byte = [](const std::vector<std::string>& list) {
    std::vector<std::vector<std::uint32_t>> out(256);
    for (std::size_t k = 0; k < list.size(); ++k) {
      out[static_cast<unsigned char>(list[k].front())].push_back(static_cast<std::uint32_t>(k));
    }
    return out;
  };
  index.prefixes_by_byte = by_byte(n.prefixes);
  index.unended_by_byte = by_byte(n.unended_prefixes);
  for (const auto* list : {&n.whole, &n.photo_credits, &n.link_headers}) {
    for (const std::string& text : *list) {
      index.longest_exact = std::max(index.longest_exact, text.size());
    }
  }
  return index;
}

// "Updated 4:31 PM GMT+3, May 12, 2026", "2 hours ago", "Published On 23 Jun 2026": only
// numbers and time words, with a stamp word, or with a clock time and a month or a year.
bool timestamp_line(std::string_view folded, const PageNoise& noise) {
  bool stamp = false, clock = false, date = false;
  std::size_t words = 0;
  for (std::size_t i = 0; i < folded.size();) {
    if (is_lower(folded[i])) {
      std::size_t j = i;
      while (j < folded.size() && is_lower(folded[j])) ++j;
      const std::string w(folded.substr(i, j - i));
      if (noise.stamp_words.count(w)) {
        stamp = true;
      } else if (noise.month_words.count(w)) {
        date = true;
      } else if (!noise.time_words.count(w)) {
        return false;
      }
      ++words;
      i = j;
    } else if (is_digit(folded[i])) {
      std::size_t j = i;
      while (j < folded.size() && is_digit(folded[j])) ++j;
      if (j - i == 4) date = true;
      if (j - i <= 2 && j + 2 < folded.size() && (folded[j] == ':' || folded[j] == '.') &&
          is_digit(folded[j + 1]) && is_digit(folded[j + 2])) {
        clock = true;
        j += 3;
      }
      ++words;
      i = j;
    } else if (static_cast<unsigned char>(folded[i]) >= 0x80) {
      return false;  // a letter outside ASCII: words, not a stamp
    } else {
      ++i;
    }
  }
  return words > 0 && words <= 20 && (stamp || (clock && date));
}

// "Wycliffe Muia and Emery Makumeno", "BBC News, Nairobi and Kinshasa", "BASSEM MROUE": two to
// ten capitalised words joined by "and", commas or "&", no digits.
bool names_line(std::string_view line) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < line.size();) {
    if (is_space(line[i]) || line[i] == ',' || line[i] == '&' || line[i] == '|') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && !is_space(line[j]) && line[j] != ',') ++j;
    const std::string_view w = line.substr(i, j - i);
    if (std::any_of(w.begin(), w.end(), is_digit)) return false;
    const bool capital = is_upper(w.front()) || static_cast<unsigned char>(w.front()) >= 0x80;
    if (!capital && w != "and") return false;
    ++words;
    i = j;
  }
  return words >= 2 && words <= 10;
}

// The end (past the colon) of a speaker label opening `line`: a `speaker_labels` entry in capitals
// ("DEPUTY SPOKESPERSON"), perhaps with the speaker's name in brackets ("REPORTER (A B)"), then a
// colon; 0 when the line opens with none. Transcripts and broadcast scripts label each turn so.
std::size_t speaker_label_end(std::string_view line, const PageNoise& noise) {
  std::size_t i = 0;
  while (i < line.size() && (is_upper(line[i]) || line[i] == ' ' || line[i] == '-')) ++i;
  std::string label;
  fold_into(line.substr(0, i), label);
  if (label.empty() || noise.speaker_labels.count(label) == 0) return 0;
  if (i < line.size() && line[i] == '(') {
    const std::size_t close = line.find(')', i);
    if (close == std::string_view::npos || line.substr(i, close - i).find(':') != line.npos) {
      return 0;
    }
    i = close + 1;
  }
  while (i < line.size() && is_space(line[i])) ++i;
  return i < line.size() && line[i] == ':' ? i + 1 : 0;
}

// The end (past the dash and its spaces) of a wire dateline opening `line`: a place in capitals
// ("ERBIL", "RIO DE JANEIRO", "GAZA CITY/JERUSALEM"), perhaps a date after a comma and an agency
// in brackets, then a dash ("ERBIL, April 8 (Agency) -"); 0 when the line opens with none.
std::size_t wire_dateline_end(std::string_view line) {
  std::size_t i = 0, capitals = 0;
  const auto capital = [](char c) {
    return is_upper(c) || static_cast<unsigned char>(c) >= 0x80 || c == '-' || c == '\'' ||
           c == '.' || c == '/';
  };
  // The place: words of capitals (UTF-8 letters too), the first opening the line.
  while (i < line.size() && (capital(line[i]) || line[i] == ' ')) {
    if (is_upper(line[i])) ++capitals;
    if (line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) break;  // the dash
    ++i;
  }
  if (capitals < 2 || i == 0 || line[0] == ' ') return 0;
  // A date after a comma: capitalised words and numbers ("April 8", "Oct. 29").
  if (i < line.size() && line[i] == ',') {
    const std::size_t comma = i;
    for (++i; i < line.size() && line[i] != '(' && line[i] != '-' &&
              static_cast<unsigned char>(line[i]) != 0xE2;
         ++i) {
      if (i - comma > 24 || (is_lower(line[i]) && line[i - 1] == ' ')) return 0;  // a clause
    }
  }
  if (i < line.size() && line[i] == '(') {
    const std::size_t close = line.find(')', i);
    if (close == std::string_view::npos || close - i > 48) return 0;
    i = close + 1;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  for (const std::string_view dash : {"--", "-", "\xE2\x80\x94", "\xE2\x80\x93"}) {
    if (line.substr(i, dash.size()) == dash && i + dash.size() < line.size() &&
        line[i + dash.size()] == ' ') {
      i += dash.size();
      while (i < line.size() && line[i] == ' ') ++i;
      return i;
    }
  }
  return 0;
}

}  // namespace

PageNoise PageNoise::parse(std::string_view content, std::string_view name) {
  PageNoise n;
  std::size_t number = 0;
  for (std::size_t pos = 0; pos <= content.size();) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    const auto fail = [&](const std::string& what) {
      throw std::runtime_error(std::string(name) + ":" + std::to_string(number) + ": " + what);
    };
    if (tab == std::string_view::npos) fail("expected CLASS<TAB>text");
    const std::string_view cls = line.substr(0, tab);
    const std::string text = fold(line.substr(tab + 1));
    if (text.empty()) fail("empty text");
    const auto words_into = [&](std::unordered_set<std::string>& set) {
      std::string w;
      for (char c : text + " ") {
        if (c == ' ') {
          if (!w.empty()) set.insert(w);
          w.clear();
        } else {
          w.push_back(c);
        }
      }
    };
    if (cls == "whole") {
      n.whole.push_back(text);
    } else if (cls == "prefix") {
      n.prefixes.push_back(text);
    } else if (cls == "unended_prefix") {
      n.unended_prefixes.push_back(text);
    } else if (cls == "contains") {
      n.contains.push_back(text);
    } else if (cls == "credit_mark") {
      n.credit_marks.push_back(text);
    } else if (cls == "photo_credit") {
      n.photo_credits.push_back(text);
    } else if (cls == "link_header") {
      n.link_headers.push_back(text);
    } else if (cls == "speaker_label") {
      n.speaker_labels.insert(text);
    } else if (cls == "stamp") {
      words_into(n.stamp_words);
    } else if (cls == "month") {
      words_into(n.month_words);
    } else if (cls == "zone" || cls == "time") {
      words_into(n.time_words);
    } else {
      fail("unknown class '" + std::string(cls) + "'");
    }
  }
  n.index = index_of(n);
  return n;
}

unsigned page_noise_parts_in(std::string_view folded, const PageNoiseIndex& index) {
  unsigned found = 0;
  for (const PageNoiseIndex::Part& part : index.short_parts) {
    if (folded.find(part.text) != std::string_view::npos) found |= part.credit ? 2U : 1U;
  }
  // One pass over the line: a position can open a long part only where its four bytes hash to
  // a set bit, which few positions of plain prose do.
  for (std::size_t i = 0; i + sizeof(std::uint32_t) <= folded.size(); ++i) {
    const std::uint32_t head = head_of(folded.data() + i);
    const std::size_t bucket = opening_bucket(head);
    if (((index.openings[bucket / 64] >> (bucket % 64)) & 1U) == 0) continue;
    for (const PageNoiseIndex::Part& part : index.long_parts) {
      if (part.head == head && folded.compare(i, part.text.size(), part.text) == 0) {
        found |= part.credit ? 2U : 1U;
      }
    }
  }
  return found;
}

bool PageNoise::empty() const {
  return whole.empty() && prefixes.empty() && unended_prefixes.empty() && contains.empty() &&
         credit_marks.empty() && photo_credits.empty() && link_headers.empty() &&
         stamp_words.empty() && speaker_labels.empty();
}

std::string blank_page_noise(std::string_view text, const PageNoise& noise) {
  std::string out(text);
  if (noise.empty()) return out;
  const PageNoiseIndex& index = noise.index;
  bool headline_seen = false;
  bool header_zone = true;    // between the headline and the story's first paragraph
  bool link_block = false;    // after "Related Stories": linked headlines
  bool after_credit = false;  // after a line that is only a photo credit: its caption
  bool previous_noise = false;
  bool dateline_seen = false;  // a line opened with a wire dateline
  // The words of every earlier line, one a line. A line's words are no longer than the line,
  // so `earlier` never outgrows text.size() + 2 bytes: reserved, it never reallocates (a
  // vector's guarantee), and earlier_lines (the same lines, for the exact repeats) can view
  // into it.
  std::vector<char> earlier{'\n'};
  earlier.reserve(text.size() + 2);
  std::unordered_set<std::string_view> earlier_lines;
  std::string folded, words;  // the current line's, reused
  const auto remember = [&]() {
    const std::size_t at = earlier.size();
    earlier.insert(earlier.end(), words.begin(), words.end());
    earlier.push_back('\n');
    earlier_lines.insert(std::string_view(earlier.data() + at, words.size()));
  };
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t begin = pos;
    pos = end + 1;
    fold_into(text.substr(begin, end - begin), folded);
    if (folded.empty()) continue;
    words_into(folded, words);
    if (!headline_seen) {
      headline_seen = true;
      remember();
      continue;
    }
    const bool ended = ends_sentence(folded);
    const std::string_view bare = strip_closing_quotes(folded);
    const bool question = !bare.empty() && bare.back() == '?';
    bool is_noise = false;
    bool opens_block = false;
    if (link_block && (!ended || (question && word_count(words) <= 20))) is_noise = true;
    if (after_credit && !ended) is_noise = true;
    after_credit = false;
    const bool short_line = folded.size() <= index.longest_exact;
    if (short_line && any_equal(folded, noise.photo_credits)) {
      is_noise = true;
      after_credit = true;
    }
    if (short_line && any_equal(folded, noise.link_headers)) {
      is_noise = true;
      opens_block = true;
    }
    // The remaining tests only decide is_noise: skipped once it holds.
    if (!is_noise) {
      is_noise = (short_line && any_equal(folded, noise.whole)) ||
                 any_prefix(folded, noise.prefixes, index.prefixes_by_byte) ||
                 (!ended && any_prefix(folded, noise.unended_prefixes, index.unended_by_byte));
    }
    if (!is_noise) {
      const unsigned parts = page_noise_parts_in(folded, index);
      is_noise = (parts & 1U) != 0 || (!ended && (parts & 2U) != 0);
    }
    if (!is_noise && !ended) is_noise = timestamp_line(folded, noise);
    if (!is_noise && !ended && (header_zone || previous_noise) &&
        names_line(std::string_view(text).substr(begin, end - begin))) {
      is_noise = true;
    }
    // A pull quote repeats a quoted sentence of the story; any repeated paragraph is a copy.
    if (!is_noise && word_count(words) >= 3 &&
        (earlier_lines.count(words) != 0 ||
         (opens_with_quote(folded) &&
          std::string_view(earlier.data(), earlier.size()).find(words) !=
              std::string_view::npos))) {
      is_noise = true;
    }
    remember();
    if (opens_block) {
      link_block = true;
    } else if (!is_noise) {
      link_block = false;
    }
    if (ended && !is_noise) header_zone = false;
    previous_noise = is_noise;
    if (is_noise) {
      for (std::size_t i = begin; i < end; ++i) {
        if (out[i] != '\r') out[i] = ' ';
      }
    } else if (const std::size_t label = speaker_label_end(text.substr(begin, end - begin), noise);
               label != 0) {
      std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(begin), label, ' ');
    } else if (const std::size_t dateline = wire_dateline_end(text.substr(begin, end - begin));
               dateline != 0) {
      // A news-in-brief round-up opens each item with its own dateline. The first is the
      // story's (find_dateline reads it); a later one's city is only where that item was
      // filed and its agency no speaker of the item's first sentence.
      if (dateline_seen)
        std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(begin), dateline, ' ');
      dateline_seen = true;
    }
  }
  return out;
}

}  // namespace ng::extract
