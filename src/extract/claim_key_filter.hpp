// Private to ng_extract: KeyHashFilter, a Bloom filter of token keys by their hash_key().
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace ng::extract::claims {

// Which token keys may open an entity name of the article: find_mentions asks the article's
// PhraseIndex at every token, and at most tokens no name starts. One bit per key hash (1024
// bits, ~100 first keys an article) answers "surely not" without the call; a key that was
// added always answers "maybe".
class KeyHashFilter {
 public:
  void add(std::uint64_t hash) { words_[word_of(hash)] |= bit_of(hash); }
  bool may_contain(std::uint64_t hash) const { return (words_[word_of(hash)] & bit_of(hash)) != 0; }

 private:
  static constexpr std::size_t kWords = 16;
  static std::size_t word_of(std::uint64_t hash) { return (hash >> 6) & (kWords - 1); }
  static std::uint64_t bit_of(std::uint64_t hash) { return std::uint64_t{1} << (hash & 63); }
  std::array<std::uint64_t, kWords> words_{};
};

}  // namespace ng::extract::claims
