// Lexicons: phrase tables loaded from TSV files and matched on tokens, indexed by first token.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/text.hpp"

namespace ng::extract {

// Token keys of one phrase in one buffer, reused from phrase to phrase: start-up reads ~300k
// spellings, and a std::vector<std::string> per spelling cost most of its time.
class PhraseKeys {
 public:
  void clear() {
    used_ = 0;
    ends_.clear();
  }
  void push_back(std::string_view key) {
    char* at = room(key.size());
    if (!key.empty()) std::memcpy(at, key.data(), key.size());
    used_ += key.size();
    ends_.push_back(static_cast<std::uint32_t>(used_));
  }
  // Room for `n` more bytes of keys, written through the pointer; finish_key_at(offset) ends a
  // key there, and shrink_room(size) keeps the first `size` bytes (for keys folded in place).
  // The buffer only grows: no bytes are cleared for a phrase.
  char* room(std::size_t n) {
    if (chars_.size() < used_ + n) chars_.resize(std::max(2 * chars_.size(), used_ + n));
    return chars_.data() + used_;
  }
  void finish_key_at(std::uint32_t end) { ends_.push_back(end); }
  void shrink_room(std::size_t size) { used_ = size; }
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t k) const {
    const std::uint32_t begin = k == 0 ? 0 : ends_[k - 1];
    return std::string_view(chars_).substr(begin, ends_[k] - begin);
  }
  std::vector<std::string> to_strings() const;

 private:
  std::string chars_;  // keys in chars_[0, used_); bytes after that are spare room
  std::size_t used_ = 0;
  std::vector<std::uint32_t> ends_;
};

// Phrases (as token-key sequences) mapped to values; lookup cost depends on the entries that
// share the first token only. Keys are kept with their hash_key() in one character arena, and
// lookups use the hash tokenize() stored in each Token: a lookup hashes nothing, allocates
// nothing, and a key no phrase starts with fails at its first probe.
class PhraseIndex {
 public:
  struct Match {
    std::uint32_t length;  // in tokens
    std::uint32_t value;
  };
  void add(const std::vector<std::string>& keys, std::uint32_t value);
  void add(const PhraseKeys& keys, std::uint32_t value);
  // Adds a one-token pattern that matches every token whose key ends with `suffix` and is
  // longer than it ("*-led" in a lexicon: "Kremlin-led", "U.S.-led").
  void add_suffix(std::string suffix, std::uint32_t value);
  // Adds one spelling of a lexicon: "*suffix" is a suffix pattern, anything else a phrase.
  void add_spelling(std::string_view spelling, std::uint32_t value,
                    const std::unordered_set<std::string>& abbreviations);
  // Every phrase that starts at tokens[i] and ends before `end`, longest first (phrases of one
  // length in the order they were added).
  void match(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
             std::vector<Match>& out) const;
  // The first of match()'s answers, if any: the longest phrase, the earliest added on a tie.
  bool longest(const std::vector<Token>& tokens, std::size_t i, std::size_t end, Match& out) const;
  std::size_t size() const { return size_ + (base_ ? base_->size() : 0); }
  // Room for `more_first_keys` new first keys without growing the table (the gazetteer adds
  // ~130k), and for `more_phrases` phrases: answers are the same, start-up copies less.
  void reserve(std::size_t more_first_keys, std::size_t more_phrases);
  // Layers this index over `base` (which it keeps alive): lookups see the base's phrases as if
  // they had been added first, then this index's own; add() skips phrases the base has.
  void set_base(std::shared_ptr<const PhraseIndex> base) { base_ = std::move(base); }
  bool has_base() const { return base_ != nullptr; }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  // A key in chars_, with its hash_key().
  struct Key {
    std::uint64_t hash;
    std::uint32_t offset;
    std::uint32_t length;
  };
  struct Entry {
    std::uint32_t rest_begin;  // keys after the first: rest_[rest_begin, rest_begin + rest_size)
    std::uint32_t rest_size;
    std::uint32_t value;
    std::uint32_t next;  // the next entry with the same first key, in the order added
    // The next entry with the same first key and the same second key hash (for a one-word
    // phrase: the next one-word phrase of the first key), in the order added.
    std::uint32_t next_alike;
  };
  // A slot of the open-addressing table of first keys; key.hash == 0 marks an empty slot.
  struct Slot {
    Key key;
    std::uint32_t first_entry;
    std::uint32_t last_entry;
    std::uint32_t max_value;  // the largest value of its entries
    // While the entries' values never decrease along the chain: the first entry of max_value;
    // kNone once they have decreased (add() then looks for a duplicate along the whole chain).
    std::uint32_t first_of_max;
    std::uint32_t first_single;  // the one-word phrases, linked by Entry::next_alike
    std::uint32_t last_single;
  };
  // The phrases of one first key (its slot's first entry, `owner`) whose second key has the
  // hash `second`, linked by Entry::next_alike: a lookup walks only those that may match the
  // next token, not every phrase under a common first word ("the", "al"). owner == kNone
  // marks an empty slot.
  struct PairSlot {
    std::uint64_t second;
    std::uint32_t owner;
    std::uint32_t first_entry;
    std::uint32_t last_entry;
  };
  std::string_view text_of(const Key& k) const {
    return std::string_view(chars_.data() + k.offset, k.length);
  }
  bool same_text(const Key& k, std::string_view text) const {
    return k.length == text.size() &&
           (k.length == 0 || std::memcmp(chars_.data() + k.offset, text.data(), k.length) == 0);
  }
  Key store_key(std::string_view key, std::uint64_t hash);
  const Slot* find_slot(std::string_view key, std::uint64_t hash) const;
  Slot& insert_slot(std::string_view key, std::uint64_t hash);
  void grow();
  void rehash(std::size_t size);
  static std::size_t pair_hash(std::uint32_t owner, std::uint64_t second) {
    return static_cast<std::size_t>((second ^ (std::uint64_t{owner} * 0x9E3779B97F4A7C15ULL)) >> 7);
  }
  const PairSlot* find_pair(std::uint32_t owner, std::uint64_t second) const;
  PairSlot& insert_pair(std::uint32_t owner, std::uint64_t second);
  void rehash_pairs(std::size_t size);
  // Links entry `id` into its slot's chain of one-word phrases or its pair's chain.
  void link_alike(Slot& slot, std::uint32_t id);
  template <class Keys>
  bool has_phrase(const Slot& slot, const Keys& keys, std::uint32_t value) const;
  template <class Keys>
  void add_keys(const Keys& keys, std::uint32_t value);
  bool may_have_suffix(std::string_view key) const;
  bool matches_rest(const Entry& e, const std::vector<Token>& tokens, std::size_t i,
                    std::size_t end) const;

  std::vector<Slot> slots_;  // size 0 or a power of two, at most half full
  std::size_t used_slots_ = 0;
  std::vector<PairSlot> pairs_;  // the same
  std::size_t used_pairs_ = 0;
  std::vector<Entry> entries_;
  std::vector<Key> rest_;
  std::string chars_;
  std::vector<std::pair<std::string, std::uint32_t>> suffixes_;
  std::bitset<256> suffix_starts_;  // the first bytes of suffixes_
  std::size_t size_ = 0;
  std::shared_ptr<const PhraseIndex> base_;
};

// Token keys of a phrase, tokenised exactly as article text is. Phrases of Latin words (most
// of the gazetteer) take a shortcut that must give what phrase_keys_by_tokenizer() gives.
std::vector<std::string> phrase_keys(std::string_view phrase,
                                     const std::unordered_set<std::string>& abbreviations);
// The same into `keys` (cleared first), without allocating once its buffers have grown.
void phrase_keys(std::string_view phrase, const std::unordered_set<std::string>& abbreviations,
                 PhraseKeys& keys);
// The same through the full text pipeline (normalisation, tokenizer): the reference.
std::vector<std::string> phrase_keys_by_tokenizer(
    std::string_view phrase, const std::unordered_set<std::string>& abbreviations);

// One TSV lexicon: a header row naming the columns; the first column holds the phrase, with
// `|` between alternative spellings; '#' starts a comment line. Rows keep all columns.
class Lexicon {
 public:
  Lexicon() = default;
  // Throws std::runtime_error "FILE:LINE: message" for an unreadable or malformed file.
  static Lexicon load(const std::string& path,
                      const std::unordered_set<std::string>& abbreviations);
  // For tests: the same from a string.
  static Lexicon parse(std::string_view content, std::string_view name,
                       const std::unordered_set<std::string>& abbreviations);

  const PhraseIndex& index() const { return index_; }
  std::size_t rows() const { return rows_.size(); }
  // Column value of a row, "" if the column does not exist.
  std::string_view get(std::uint32_t row, std::string_view column) const;
  // The position of a column, kNoColumn if it does not exist: loops over many rows resolve
  // the name once and read cells by position (get() compares names on every call).
  static constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);
  std::size_t column_index(std::string_view column) const;
  // Column value of a row by position; "" for kNoColumn.
  std::string_view cell(std::uint32_t row, std::size_t column) const {
    return column == kNoColumn ? std::string_view() : std::string_view(rows_[row][column]);
  }
  // The first spelling of the row's phrase.
  std::string_view phrase(std::uint32_t row) const { return get(row, columns_.front()); }
  bool has_column(std::string_view column) const;
  const std::string& column(std::size_t i) const { return columns_[i]; }
  // Stage 2's bit for this lexicon in claims::LexiconStarts, or -1: kept here because stage 2
  // asks it at every lexicon lookup, where finding it in the table would cost a probe.
  int starts_bit() const { return starts_bit_; }
  void set_starts_bit(int bit) { starts_bit_ = bit; }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
  PhraseIndex index_;
  int starts_bit_ = -1;
};

// A rule, lexicon or other resource file, whole; throws std::runtime_error "PATH: cannot open".
std::string read_resource_file(const std::string& path);

// Splits on a single character.
std::vector<std::string_view> split(std::string_view s, char sep);

}  // namespace ng::extract
