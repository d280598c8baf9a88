// Private to ng_extract: LexiconStarts, which of stage 2's lexicons may match at a token.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/lexicon.hpp"

namespace ng::extract::claims {

// The first words of the phrases of up to 64 lexicons (and word sets), as one table: word -> one
// bit per lexicon that has a phrase starting with it. Stage 2 asks one lexicon after another at
// every token, and at most tokens the lexicon has no phrase; each such lookup still hashes the
// token's key. With the table, one lookup per token answers for all lexicons, and
// PhraseIndex::longest runs only where a phrase may start.
//
// The words come from the lexicon's rows as Lexicon::parse indexes them (each `|` spelling,
// tokenised by phrase_keys); a suffix pattern ("*-led") may match any word, so its lexicon is
// asked everywhere.
class LexiconStarts {
 public:
  static constexpr std::size_t kMaxLexicons = 64;

  LexiconStarts() = default;
  // Lexicons past the 64th are left out (asked everywhere).
  LexiconStarts(const std::vector<const Lexicon*>& lexicons,
                const std::unordered_set<std::string>& abbreviations) {
    for (const Lexicon* lex : lexicons) {
      const int b = next_bit();
      if (b < 0) break;
      add_slot(lex, b);
      const std::uint64_t bit = std::uint64_t{1} << b;
      for (std::uint32_t row = 0; row < lex->rows(); ++row) {
        for (std::string_view spelling : split(lex->get(row, lex->column(0)), '|')) {
          if (spelling.size() > 1 && spelling.front() == '*') {
            everywhere_ |= bit;
            continue;
          }
          const std::vector<std::string> keys = phrase_keys(spelling, abbreviations);
          if (!keys.empty()) by_first_key_[keys.front()] |= bit;
        }
      }
    }
    index_first_keys();
  }

  // Adds a set of token keys (the first words of rules) as one more bit; -1 when all 64 are
  // taken.
  int add_words(const std::unordered_set<std::string>& keys) {
    const int b = next_bit();
    if (b < 0) return -1;
    for (const std::string& key : keys) by_first_key_[key] |= std::uint64_t{1} << b;
    index_first_keys();
    return b;
  }

  // One bit per lexicon (bit_of) that may have a phrase starting with a token of this key,
  // and per word set that holds the key.
  std::uint64_t mask(const std::string& key) const {
    auto it = by_first_key_.find(key);
    return everywhere_ | (it == by_first_key_.end() ? 0 : it->second);
  }
  // The same for tokens[i]: one probe by the hash tokenize() stored, no hashing of the key
  // (stage 2 asks it once per token of every article).
  std::uint64_t mask(const std::vector<Token>& tokens, std::size_t i) const {
    const Token& t = tokens[i];
    const std::uint64_t hash = key_hash_of(t);
    const std::size_t last = keys_.size() - 1;
    for (std::size_t k = hash & last;; k = (k + 1) & last) {
      const KeySlot& slot = keys_[k];
      if (slot.hash == hash && slot.key == t.key) return everywhere_ | slot.bits;
      if (slot.hash == 0) return everywhere_;
    }
  }

  // The bit of `lex` in mask(), or -1 when the table does not cover it.
  int bit_of(const Lexicon& lex) const {
    for (std::size_t k = slot_of(&lex);; k = (k + 1) % kSlots) {
      if (slots_[k].lex == &lex) return slots_[k].bit;
      if (slots_[k].lex == nullptr) return -1;
    }
  }

 private:
  // bit_of runs at every lexicon lookup of stage 2: an open-addressed table of the lexicons'
  // addresses (at most 64 in 256 slots, so a probe ends at an empty slot soon).
  static constexpr std::size_t kSlots = 256;
  struct Slot {
    const Lexicon* lex = nullptr;
    int bit = -1;
  };
  static std::size_t slot_of(const Lexicon* lex) {
    // Fibonacci hashing of the address: its top 8 bits.
    return static_cast<std::size_t>(
        ((reinterpret_cast<std::uintptr_t>(lex) >> 3) * std::uint64_t{0x9E3779B97F4A7C15}) >> 56);
  }
  void add_slot(const Lexicon* lex, int bit) {
    std::size_t k = slot_of(lex);
    while (slots_[k].lex != nullptr && slots_[k].lex != lex) k = (k + 1) % kSlots;
    slots_[k] = Slot{lex, bit};
  }
  int next_bit() { return used_ < kMaxLexicons ? static_cast<int>(used_++) : -1; }
  // by_first_key_ as an open-addressing table keyed by hash_key (at most half full; hash 0
  // marks an empty slot, as hash_key is never 0).
  struct KeySlot {
    std::uint64_t hash = 0;
    std::string key;
    std::uint64_t bits = 0;
  };
  void index_first_keys() {
    std::size_t size = 64;
    while (size < 2 * by_first_key_.size()) size *= 2;
    keys_.assign(size, KeySlot{});
    for (const auto& [key, bits] : by_first_key_) {
      const std::uint64_t hash = hash_key(key);
      std::size_t k = hash & (size - 1);
      while (keys_[k].hash != 0) k = (k + 1) & (size - 1);
      keys_[k] = KeySlot{hash, key, bits};
    }
  }

  std::unordered_map<std::string, std::uint64_t> by_first_key_;
  std::vector<KeySlot> keys_ = std::vector<KeySlot>(1);  // by index_first_keys(); one empty slot
  std::uint64_t everywhere_ = 0;
  std::array<Slot, kSlots> slots_{};
  std::size_t used_ = 0;
};

}  // namespace ng::extract::claims
