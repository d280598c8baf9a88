#include "extract/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ng::extract {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t k = s.find(sep, start);
    if (k == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, k - start));
    start = k + 1;
  }
}

void PhraseIndex::add(std::vector<std::string> keys, std::uint32_t value) {
  if (keys.empty()) return;
  std::string first = std::move(keys.front());
  keys.erase(keys.begin());
  auto& bucket = by_first_[first];
  for (const Entry& e : bucket) {
    if (e.rest == keys && e.value == value) return;
  }
  bucket.push_back(Entry{std::move(keys), value});
  ++size_;
}

void PhraseIndex::match(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                        std::vector<Match>& out) const {
  out.clear();
  if (i >= end) return;
  auto it = by_first_.find(tokens[i].key);
  if (it == by_first_.end()) return;
  for (const Entry& e : it->second) {
    if (i + 1 + e.rest.size() > end) continue;
    bool ok = true;
    for (std::size_t k = 0; k < e.rest.size(); ++k) {
      if (tokens[i + 1 + k].key != e.rest[k]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push_back(Match{static_cast<std::uint32_t>(1 + e.rest.size()), e.value});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Match& a, const Match& b) { return a.length > b.length; });
}

std::vector<std::string> phrase_keys(std::string_view phrase,
                                     const std::unordered_set<std::string>& abbreviations) {
  const NormalizedText norm = normalize_text(phrase);
  std::vector<std::string> keys;
  for (Token& t : tokenize(norm.text, abbreviations)) keys.push_back(std::move(t.key));
  return keys;
}

Lexicon Lexicon::parse(std::string_view content, std::string_view name,
                       const std::unordered_set<std::string>& abbreviations) {
  Lexicon lex;
  std::size_t line_no = 0;
  for (std::string_view line : split(content, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cells = split(line, '\t');
    if (lex.columns_.empty()) {
      for (std::string_view c : cells) lex.columns_.emplace_back(c);
      continue;
    }
    if (cells.size() > lex.columns_.size()) {
      throw std::runtime_error(std::string(name) + ":" + std::to_string(line_no) + ": " +
                               std::to_string(cells.size()) + " columns, header has " +
                               std::to_string(lex.columns_.size()));
    }
    std::vector<std::string> row(cells.begin(), cells.end());
    row.resize(lex.columns_.size());
    const auto id = static_cast<std::uint32_t>(lex.rows_.size());
    for (std::string_view spelling : split(cells[0], '|')) {
      std::vector<std::string> keys = phrase_keys(spelling, abbreviations);
      if (keys.empty()) continue;
      lex.index_.add(std::move(keys), id);
    }
    lex.rows_.push_back(std::move(row));
  }
  if (lex.columns_.empty()) {
    throw std::runtime_error(std::string(name) + ":1: missing header row");
  }
  return lex;
}

Lexicon Lexicon::load(const std::string& path,
                      const std::unordered_set<std::string>& abbreviations) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open lexicon");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path, abbreviations);
}

std::string_view Lexicon::get(std::uint32_t row, std::string_view column) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c] == column) return rows_[row][c];
  }
  return {};
}

bool Lexicon::has_column(std::string_view column) const {
  return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
}

}  // namespace ng::extract
