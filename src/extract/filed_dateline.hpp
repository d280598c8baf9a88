// Where a report was filed when its dateline is in mixed case ("Bangui (AFP) -", "Port X (AFP) -",
// "X (Country) (AFP) -"): find_dateline (text.hpp) takes capitals only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/text.hpp"

namespace ng::extract {

// The tokens of a mixed-case dateline at the start of one of the first lines: capitalised words,
// commas and one or more bracketed words, then a dash; {0, 0} when there is none.
inline Dateline find_filed_dateline(const std::vector<Token>& tokens) {
  const auto n = static_cast<std::uint32_t>(tokens.size());
  const auto dash = [](const std::string& key) {
    return key == "-" || key == "--" || key == "\u2014" || key == "\u2013";
  };
  for (std::uint32_t k = 0; k < n && k < 80; ++k) {
    if ((k > 0 && !tokens[k].is(kAfterNewline)) || !tokens[k].is(kCapitalized)) continue;
    bool bracket = false;
    for (std::uint32_t p = k + 1; p < n && p < k + 12; ++p) {
      const Token& t = tokens[p];
      if (t.is(kAfterNewline)) break;
      if (dash(t.key)) {
        if (bracket) return {k, p};
        break;
      }
      if (t.key == "(" && p + 2 < n && tokens[p + 2].key == ")" && tokens[p + 1].is(kCapitalized)) {
        bracket = true;
        p += 2;
        continue;
      }
      if (t.key != "," && !t.is(kCapitalized)) break;
    }
  }
  return {};
}

}  // namespace ng::extract
