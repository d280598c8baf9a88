#include "extract/page_noise.hpp"

#include <algorithm>
#include <stdexcept>

namespace ng::extract {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Lower-case ASCII, ends trimmed, runs of spaces collapsed to one.
std::string fold(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
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
// paragraph it repeats, whatever the quote marks and punctuation.
std::string words_of(std::string_view folded) {
  std::string out;
  bool gap = false;
  for (char c : folded) {
    if (is_lower(c) || is_digit(c)) {
      if (gap && !out.empty()) out.push_back(' ');
      gap = false;
      out.push_back(c);
    } else {
      gap = true;
    }
  }
  return out;
}

std::size_t word_count(std::string_view words) {
  return words.empty() ? 0
                       : 1 + static_cast<std::size_t>(std::count(words.begin(), words.end(), ' '));
}

bool any_prefix(std::string_view s, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& p) { return starts_with_word(s, p); });
}
bool any_part(std::string_view s, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& p) { return s.find(p) != std::string_view::npos; });
}
bool any_equal(std::string_view s, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
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
  return n;
}

bool PageNoise::empty() const {
  return whole.empty() && prefixes.empty() && unended_prefixes.empty() && contains.empty() &&
         credit_marks.empty() && photo_credits.empty() && link_headers.empty() &&
         stamp_words.empty();
}

std::string blank_page_noise(std::string_view text, const PageNoise& noise) {
  std::string out(text);
  if (noise.empty()) return out;
  bool headline_seen = false;
  bool header_zone = true;    // between the headline and the story's first paragraph
  bool link_block = false;    // after "Related Stories": linked headlines
  bool after_credit = false;  // after a line that is only a photo credit: its caption
  bool previous_noise = false;
  std::string earlier = "\n";  // the words of every earlier line, one a line
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t begin = pos;
    pos = end + 1;
    const std::string folded = fold(text.substr(begin, end - begin));
    if (folded.empty()) continue;
    const std::string words = words_of(folded);
    if (!headline_seen) {
      headline_seen = true;
      earlier += words + "\n";
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
    if (any_equal(folded, noise.whole) || any_prefix(folded, noise.prefixes) ||
        any_part(folded, noise.contains)) {
      is_noise = true;
    }
    if (!ended && (any_prefix(folded, noise.unended_prefixes) ||
                   any_part(folded, noise.credit_marks) || timestamp_line(folded, noise))) {
      is_noise = true;
    }
    if (any_equal(folded, noise.photo_credits)) {
      is_noise = true;
      after_credit = true;
    }
    if (any_equal(folded, noise.link_headers)) {
      is_noise = true;
      opens_block = true;
    }
    if (!ended && (header_zone || previous_noise) &&
        names_line(std::string_view(text).substr(begin, end - begin))) {
      is_noise = true;
    }
    // A pull quote repeats a quoted sentence of the story; any repeated paragraph is a copy.
    const std::size_t n = word_count(words);
    if (n >= 3 && (earlier.find("\n" + words + "\n") != std::string::npos ||
                   (opens_with_quote(folded) && earlier.find(words) != std::string::npos))) {
      is_noise = true;
    }
    earlier += words + "\n";
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
    }
  }
  return out;
}

}  // namespace ng::extract
