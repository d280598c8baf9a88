// Private to ng_extract: per-sentence prefilters for stage 2, from LexiconStarts' per-token bits.
// Most sentences hold no casualty word and no claim cue; a step that can only find something
// where such a phrase starts is skipped for them with one pass over the sentence's bits.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/lexicon.hpp"

namespace ng::extract::claims {

// The union of the per-token bits of tokens [begin, end): a lexicon whose bit is clear here
// has no phrase starting anywhere in the range.
inline std::uint64_t starts_in(const std::vector<std::uint64_t>& token_starts, std::uint32_t begin,
                               std::uint32_t end) {
  if (end > token_starts.size()) return ~std::uint64_t{0};  // tokens without bits: anything
  std::uint64_t bits = 0;
  for (std::uint32_t i = begin; i < end; ++i) bits |= token_starts[i];
  return bits;
}

// May a phrase of `lex` start somewhere the bits `starts` (starts_in) cover? Always true for a
// lexicon the table leaves out (no bit), so a step is only skipped when it surely finds nothing.
inline bool may_start(const Lexicon& lex, std::uint64_t starts) {
  const int bit = lex.starts_bit();
  return bit < 0 || ((starts >> bit) & 1U) != 0;
}

}  // namespace ng::extract::claims
