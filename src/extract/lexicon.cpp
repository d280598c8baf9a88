#include "extract/lexicon.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "rdf/file_text.hpp"

namespace ng::extract {

std::string read_resource_file(const std::string& path) { return rdf::read_whole_file(path); }

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

std::vector<std::string> PhraseKeys::to_strings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t k = 0; k < size(); ++k) out.emplace_back((*this)[k]);
  return out;
}

PhraseIndex::Key PhraseIndex::store_key(std::string_view key, std::uint64_t hash) {
  const Key k{hash, static_cast<std::uint32_t>(chars_.size()),
              static_cast<std::uint32_t>(key.size())};
  chars_.append(key);
  return k;
}

// Inline: every lookup of every lexicon starts here, and most end at the first slot.
inline const PhraseIndex::Slot* PhraseIndex::find_slot(std::string_view key,
                                                       std::uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.key.hash == hash && same_text(slot.key, key)) return &slot;
    if (slot.key.hash == 0) return nullptr;
  }
}

void PhraseIndex::reserve(std::size_t more_first_keys, std::size_t more_phrases) {
  entries_.reserve(entries_.size() + more_phrases);
  rest_.reserve(rest_.size() + more_phrases);
  std::size_t size = slots_.empty() ? 64 : slots_.size();
  while (size < 2 * (used_slots_ + more_first_keys)) size *= 2;
  if (size > slots_.size()) rehash(size);
}

void PhraseIndex::grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }

void PhraseIndex::rehash(std::size_t size) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{Key{0, 0, 0}, kNone, kNone, 0, kNone, kNone, kNone});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.key.hash == 0) continue;
    std::size_t s = slot.key.hash & mask;
    while (slots_[s].key.hash != 0) s = (s + 1) & mask;
    slots_[s] = slot;
  }
}

PhraseIndex::Slot& PhraseIndex::insert_slot(std::string_view key, std::uint64_t hash) {
  if ((used_slots_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t s = hash & mask;
  for (; slots_[s].key.hash != 0; s = (s + 1) & mask) {
    if (slots_[s].key.hash == hash && same_text(slots_[s].key, key)) return slots_[s];
  }
  ++used_slots_;
  slots_[s] = Slot{store_key(key, hash), kNone, kNone, 0, kNone, kNone, kNone};
  return slots_[s];
}

inline const PhraseIndex::PairSlot* PhraseIndex::find_pair(std::uint32_t owner,
                                                           std::uint64_t second) const {
  if (pairs_.empty()) return nullptr;
  const std::size_t mask = pairs_.size() - 1;
  for (std::size_t s = pair_hash(owner, second) & mask;; s = (s + 1) & mask) {
    const PairSlot& pair = pairs_[s];
    if (pair.owner == owner && pair.second == second) return &pair;
    if (pair.owner == kNone) return nullptr;
  }
}

void PhraseIndex::rehash_pairs(std::size_t size) {
  std::vector<PairSlot> old = std::move(pairs_);
  pairs_.assign(size, PairSlot{0, kNone, kNone, kNone});
  const std::size_t mask = pairs_.size() - 1;
  for (const PairSlot& pair : old) {
    if (pair.owner == kNone) continue;
    std::size_t s = pair_hash(pair.owner, pair.second) & mask;
    while (pairs_[s].owner != kNone) s = (s + 1) & mask;
    pairs_[s] = pair;
  }
}

PhraseIndex::PairSlot& PhraseIndex::insert_pair(std::uint32_t owner, std::uint64_t second) {
  if ((used_pairs_ + 1) * 2 > pairs_.size()) rehash_pairs(pairs_.empty() ? 64 : 2 * pairs_.size());
  const std::size_t mask = pairs_.size() - 1;
  std::size_t s = pair_hash(owner, second) & mask;
  for (; pairs_[s].owner != kNone; s = (s + 1) & mask) {
    if (pairs_[s].owner == owner && pairs_[s].second == second) return pairs_[s];
  }
  ++used_pairs_;
  pairs_[s] = PairSlot{second, owner, kNone, kNone};
  return pairs_[s];
}

void PhraseIndex::link_alike(Slot& slot, std::uint32_t id) {
  const Entry& e = entries_[id];
  std::uint32_t* first = &slot.first_single;
  std::uint32_t* last = &slot.last_single;
  if (e.rest_size != 0) {
    PairSlot& pair = insert_pair(slot.first_entry, rest_[e.rest_begin].hash);
    first = &pair.first_entry;
    last = &pair.last_entry;
  }
  if (*last == kNone) {
    *first = id;
  } else {
    entries_[*last].next_alike = id;
  }
  *last = id;
}

template <class Keys>
bool PhraseIndex::has_phrase(const Slot& slot, const Keys& keys, std::uint32_t value) const {
  const auto rest_size = static_cast<std::uint32_t>(keys.size() - 1);
  // Entries of the largest value, in a chain of growing values, are the chain's tail.
  const bool in_tail = value == slot.max_value && slot.first_of_max != kNone;
  for (std::uint32_t id = in_tail ? slot.first_of_max : slot.first_entry; id != kNone;
       id = entries_[id].next) {
    const Entry& e = entries_[id];
    if (e.value != value || e.rest_size != rest_size) continue;
    bool same = true;
    for (std::uint32_t k = 0; k < rest_size && same; ++k) {
      same = text_of(rest_[e.rest_begin + k]) == std::string_view(keys[k + 1]);
    }
    if (same) return true;
  }
  return false;
}

template <class Keys>
void PhraseIndex::add_keys(const Keys& keys, std::uint32_t value) {
  if (keys.empty()) return;
  const std::string_view first = keys[0];
  const std::uint64_t hash = hash_key(first);
  if (base_) {
    const Slot* in_base = base_->find_slot(first, hash);
    if (in_base && base_->has_phrase(*in_base, keys, value)) return;
  }
  Slot& slot = insert_slot(first, hash);
  // Values mostly grow as phrases are added (rows, places): a value above every value under
  // this first key cannot be a duplicate, and the walk along its entries is skipped.
  const bool may_have = slot.last_entry != kNone && value <= slot.max_value;
  if (may_have && has_phrase(slot, keys, value)) return;
  const Entry entry{static_cast<std::uint32_t>(rest_.size()),
                    static_cast<std::uint32_t>(keys.size() - 1), value, kNone, kNone};
  for (std::size_t k = 1; k < keys.size(); ++k) {
    const std::string_view key = keys[k];
    rest_.push_back(store_key(key, hash_key(key)));
  }
  const auto id = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(entry);
  if (slot.last_entry == kNone) {
    slot.first_entry = id;
    slot.first_of_max = id;
  } else {
    entries_[slot.last_entry].next = id;
    if (value < slot.max_value) slot.first_of_max = kNone;  // values no longer in order
    if (value > slot.max_value && slot.first_of_max != kNone) slot.first_of_max = id;
  }
  slot.last_entry = id;
  slot.max_value = std::max(slot.max_value, value);
  link_alike(slot, id);
  ++size_;
}

void PhraseIndex::add(const std::vector<std::string>& keys, std::uint32_t value) {
  add_keys(keys, value);
}

void PhraseIndex::add(const PhraseKeys& keys, std::uint32_t value) { add_keys(keys, value); }

void PhraseIndex::add_suffix(std::string suffix, std::uint32_t value) {
  if (suffix.empty()) return;
  for (const auto& [s, v] : suffixes_) {
    if (s == suffix && v == value) return;
  }
  suffix_starts_.set(static_cast<unsigned char>(suffix.front()));
  suffixes_.emplace_back(std::move(suffix), value);
  ++size_;
}

void PhraseIndex::add_spelling(std::string_view spelling, std::uint32_t value,
                               const std::unordered_set<std::string>& abbreviations) {
  if (spelling.size() > 1 && spelling.front() == '*') {
    // Fold the suffix as a token would be folded: "x" + suffix is one token.
    std::vector<std::string> keys =
        phrase_keys(std::string("x") + std::string(spelling.substr(1)), abbreviations);
    if (keys.size() == 1 && keys.front().size() > 1) add_suffix(keys.front().substr(1), value);
    return;
  }
  PhraseKeys keys;
  phrase_keys(spelling, abbreviations, keys);
  add(keys, value);
}

bool PhraseIndex::matches_rest(const Entry& e, const std::vector<Token>& tokens, std::size_t i,
                               std::size_t end) const {
  if (i + 1 + e.rest_size > end) return false;
  for (std::size_t k = 0; k < e.rest_size; ++k) {
    const Token& token = tokens[i + 1 + k];
    const Key& key = rest_[e.rest_begin + k];
    if (key_hash_of(token) != key.hash || !same_text(key, token.key)) return false;
  }
  return true;
}

bool PhraseIndex::may_have_suffix(std::string_view key) const {
  // A key ending with a suffix holds the suffix's first byte after its own first byte: a quick
  // test that spares most tokens the comparison with every pattern ("*-led", "*-backed", ...).
  for (std::size_t k = 1; k < key.size(); ++k) {
    if (suffix_starts_[static_cast<unsigned char>(key[k])]) return true;  // (a byte < 256)
  }
  return false;
}

void PhraseIndex::match(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                        std::vector<Match>& out) const {
  out.clear();
  if (i >= end) return;
  if (base_) base_->match(tokens, i, end, out);
  const std::string& key = tokens[i].key;
  if (!suffixes_.empty() && may_have_suffix(key)) {
    for (const auto& [suffix, value] : suffixes_) {
      // One token long: the end of the list keeps the longest-first order.
      if (key.size() > suffix.size() &&
          key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
        out.push_back(Match{1, value});
      }
    }
  }
  const Slot* slot = find_slot(key, key_hash_of(tokens[i]));
  if (!slot) return;
  // The phrases of two words or more whose second key is the next token's (in the order
  // added), then the one-word phrases (in the order added; they go last, being shortest):
  // the order a walk over all the slot's phrases in the order added would give.
  const PairSlot* pair =
      i + 1 < end ? find_pair(slot->first_entry, key_hash_of(tokens[i + 1])) : nullptr;
  for (std::uint32_t id = pair ? pair->first_entry : kNone; id != kNone;
       id = entries_[id].next_alike) {
    const Entry& e = entries_[id];
    if (!matches_rest(e, tokens, i, end)) continue;
    // Insertion keeps the order stable: longest first, then as added (mostly at the end).
    const Match m{1 + e.rest_size, e.value};
    if (out.empty() || out.back().length >= m.length) {
      out.push_back(m);
      continue;
    }
    auto pos = out.end();
    while (pos != out.begin() && (pos - 1)->length < m.length) --pos;
    out.insert(pos, m);
  }
  // (A one-word phrase matches here: i < end.)
  for (std::uint32_t id = slot->first_single; id != kNone; id = entries_[id].next_alike) {
    out.push_back(Match{1, entries_[id].value});
  }
}

bool PhraseIndex::longest(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                          Match& out) const {
  if (i >= end) return false;
  bool found = base_ && base_->longest(tokens, i, end, out);
  const std::string& key = tokens[i].key;
  if (!found && !suffixes_.empty() && may_have_suffix(key)) {
    for (const auto& [suffix, value] : suffixes_) {
      if (key.size() > suffix.size() &&
          key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
        out = Match{1, value};
        found = true;
        break;
      }
    }
  }
  const Slot* slot = find_slot(key, key_hash_of(tokens[i]));
  if (!slot) return found;
  // The first phrase of the greatest length, as match() orders them: those of two words or
  // more that may match (see match()), then the one-word ones.
  const PairSlot* pair =
      i + 1 < end ? find_pair(slot->first_entry, key_hash_of(tokens[i + 1])) : nullptr;
  for (std::uint32_t id = pair ? pair->first_entry : kNone; id != kNone;
       id = entries_[id].next_alike) {
    const Entry& e = entries_[id];
    if ((found && 1 + e.rest_size <= out.length) || !matches_rest(e, tokens, i, end)) continue;
    out = Match{1 + e.rest_size, e.value};
    found = true;
  }
  if (!found && slot->first_single != kNone) {
    out = Match{1, entries_[slot->first_single].value};
    found = true;
  }
  return found;
}

namespace {

// The fold of each two-byte letter U+00C0-U+024F (Latin-1, Latin Extended-A and -B; not the
// signs x and ÷), made once by fold_key(): one lookup per letter instead of a call. `length` 0:
// not handled here.
struct LatinFold {
  char bytes[4];
  std::uint8_t length;
};
constexpr std::uint32_t kLatinFoldFirst = 0xC0;
constexpr std::uint32_t kLatinFoldEnd = 0x250;

const LatinFold* latin_fold_table() {
  static const std::vector<LatinFold> table = [] {
    std::vector<LatinFold> t(kLatinFoldEnd - kLatinFoldFirst, LatinFold{{}, 0});
    for (std::uint32_t cp = kLatinFoldFirst; cp < kLatinFoldEnd; ++cp) {
      if (cp == 0xD7 || cp == 0xF7) continue;
      const char utf8[2] = {static_cast<char>(0xC0 | (cp >> 6)),
                            static_cast<char>(0x80 | (cp & 0x3F))};
      std::string folded;
      append_fold_key(std::string_view(utf8, 2), folded);
      // At most two bytes out per byte in, which latin_word_keys' buffer counts on.
      if (folded.empty() || folded.size() > 4) continue;
      LatinFold& f = t[cp - kLatinFoldFirst];
      std::memcpy(f.bytes, folded.data(), folded.size());
      f.length = static_cast<std::uint8_t>(folded.size());
    }
    return t;
  }();
  return table.data();
}

// The fold of the letter at phrase[i] if it is a letter of Latin-1 or Latin Extended-A or -B
// (U+00C0-U+024F, not the signs x and ÷; two bytes); nullptr otherwise.
const LatinFold* two_byte_letter_at(std::string_view phrase, std::size_t i) {
  const auto c = static_cast<unsigned char>(phrase[i]);
  if (c < 0xC3 || c > 0xC9 || i + 1 >= phrase.size()) return nullptr;
  const auto c2 = static_cast<unsigned char>(phrase[i + 1]);
  if ((c2 & 0xC0) != 0x80) return nullptr;
  const std::uint32_t cp = ((c & 0x1Fu) << 6) | (c2 & 0x3Fu);
  if (cp < kLatinFoldFirst || cp >= kLatinFoldEnd) return nullptr;
  const LatinFold* fold = latin_fold_table() + (cp - kLatinFoldFirst);
  return fold->length == 0 ? nullptr : fold;
}

// The same for the three-byte letters of Latin Extended Additional (U+1E00-U+1EFF: "Ḩawallī",
// "Hải Phòng"), whose folds fold_key() makes through ICU, word by word.
constexpr std::uint32_t kLatinAdditionalFirst = 0x1E00;
constexpr std::uint32_t kLatinAdditionalEnd = 0x1F00;

const LatinFold* latin_additional_table() {
  static const std::vector<LatinFold> table = [] {
    std::vector<LatinFold> t(kLatinAdditionalEnd - kLatinAdditionalFirst, LatinFold{{}, 0});
    for (std::uint32_t cp = kLatinAdditionalFirst; cp < kLatinAdditionalEnd; ++cp) {
      const char utf8[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                            static_cast<char>(0x80 | (cp & 0x3F))};
      std::string folded;
      append_fold_key(std::string_view(utf8, 3), folded);
      if (folded.empty() || folded.size() > 4) continue;
      LatinFold& f = t[cp - kLatinAdditionalFirst];
      std::memcpy(f.bytes, folded.data(), folded.size());
      f.length = static_cast<std::uint8_t>(folded.size());
    }
    return t;
  }();
  return table.data();
}

// The fold of the letter of Latin Extended Additional at phrase[i] (three bytes), if any.
const LatinFold* three_byte_letter_at(std::string_view phrase, std::size_t i) {
  if (static_cast<unsigned char>(phrase[i]) != 0xE1 || i + 2 >= phrase.size()) return nullptr;
  const auto c2 = static_cast<unsigned char>(phrase[i + 1]);
  const auto c3 = static_cast<unsigned char>(phrase[i + 2]);
  if (c2 < 0xB8 || c2 > 0xBB || (c3 & 0xC0) != 0x80) return nullptr;
  const std::uint32_t cp = 0x1000u | ((c2 & 0x3Fu) << 6) | (c3 & 0x3Fu);
  const LatinFold* fold = latin_additional_table() + (cp - kLatinAdditionalFirst);
  return fold->length == 0 ? nullptr : fold;
}

bool is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Writes the eight bytes at `in`, ASCII letters folded to lower case, to `out` and returns how
// many of them, from the first, are ASCII letters: most spellings are words of ASCII letters,
// read here eight bytes at a time.
std::size_t fold_ascii_letters(const char* in, char* out) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::uint64_t x = 0;
  std::memcpy(&x, in, 8);
  const std::uint64_t lower = x | (0x20 * kOnes);
  std::memcpy(out, &lower, 8);
  // Bytes below 0x80 add without carries: a byte's high bit then says >= 'a', and > 'z'.
  const std::uint64_t low7 = lower & ~kHigh;
  const std::uint64_t from_a = low7 + (0x80 - 'a') * kOnes;
  const std::uint64_t past_z = low7 + (0x80 - 'z' - 1) * kOnes;
  const std::uint64_t not_letters = ~(from_a & ~past_z & ~x) & kHigh;
  if (not_letters == 0) return 8;
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<std::size_t>(std::countr_zero(not_letters)) / 8;
  } else {
    std::size_t n = 0;
    while (is_ascii_letter(static_cast<unsigned char>(in[n]))) ++n;
    return n;
  }
}

// An ASCII letter or one of two_byte_letter_at()'s or three_byte_letter_at()'s at phrase[i].
bool is_latin_letter_at(std::string_view phrase, std::size_t i) {
  return is_ascii_letter(static_cast<unsigned char>(phrase[i])) ||
         two_byte_letter_at(phrase, i) != nullptr || three_byte_letter_at(phrase, i) != nullptr;
}

// The length in bytes of an apostrophe at phrase[i]: ASCII ' or a typographic one (U+2018,
// U+2019, which normalize_text() makes '); 0 if there is none.
std::size_t apostrophe_at(std::string_view phrase, std::size_t i) {
  if (phrase[i] == '\'') return 1;
  const bool typographic = phrase.substr(i, 2) == "\xE2\x80" && i + 2 < phrase.size() &&
                           (phrase[i + 2] == '\x98' || phrase[i + 2] == '\x99');
  return typographic ? 3 : 0;
}

// Words of Latin letters with hyphens or apostrophes inside ("Shahrak-e Ţāleqān", "Ma'rib"), or
// ending in a possessive "'s", separated by spaces, with brackets, commas, slashes and
// backquotes between them, are what tokenize() makes of them: one token per word, keyed by
// fold_key(), and "'s" and each of those marks a token of its own. Fills `keys` and returns true
// for such a phrase (nearly all of the gazetteer's spellings); false otherwise.
bool latin_word_keys(std::string_view phrase, PhraseKeys& keys) {
  keys.clear();
  // The phrase with eight bytes of zeros after it, which fold_ascii_letters reads past a word.
  constexpr std::size_t kLongest = 248;  // longer ones (none in the data) go to the tokenizer
  if (phrase.size() > kLongest) return false;
  char padded[kLongest + 8];
  std::memcpy(padded, phrase.data(), phrase.size());
  std::memset(padded + phrase.size(), 0, 8);
  // Written through a pointer into room for the longest result (two bytes out per byte in,
  // and eight to spare for fold_ascii_letters): start-up folds ~1.5M letters, and appending
  // them one by one cost most of its time.
  char* const begin = keys.room(2 * phrase.size() + 8);
  char* out = begin;
  auto finish = [&] { keys.finish_key_at(static_cast<std::uint32_t>(out - begin)); };
  bool in_word = false;       // a key is open
  bool after_letter = false;  // the last character was a letter
  for (std::size_t i = 0; i < phrase.size();) {
    const auto c = static_cast<unsigned char>(phrase[i]);
    if (is_ascii_letter(c)) {
      // The common case first: ASCII letters fold to their lower case, eight at a time.
      std::size_t letters = 0;
      do {
        letters = fold_ascii_letters(padded + i, out);
        i += letters;
        out += letters;
      } while (letters == 8);
      in_word = after_letter = true;
      continue;
    }
    if (c == ' ') {
      if (in_word) finish();
      in_word = after_letter = false;
      ++i;
    } else if (const LatinFold* letter = two_byte_letter_at(phrase, i)) {
      // Letter by letter is what fold_key() does for these letters (no combining marks).
      std::memcpy(out, letter->bytes, 4);  // two bytes in: room for four out
      out += letter->length;
      in_word = after_letter = true;
      i += 2;
    } else if (const LatinFold* letter3 = three_byte_letter_at(phrase, i)) {
      std::memcpy(out, letter3->bytes, 4);  // three bytes in: room for six out
      out += letter3->length;
      in_word = after_letter = true;
      i += 3;
    } else if (c == '(' || c == ')' || c == ',' || c == '/' || c == '`') {
      // Punctuation that tokenize() makes a token of its own, keyed by itself ("Cocos
      // (Keeling) Islands", "Qal`a").
      if (in_word) finish();
      *out++ = static_cast<char>(c);
      finish();
      in_word = after_letter = false;
      ++i;
    } else if (!after_letter) {
      return false;
    } else if (phrase[i] == '-' && i + 1 < phrase.size() && is_latin_letter_at(phrase, i + 1)) {
      *out++ = '-';
      after_letter = false;
      ++i;
    } else if (const std::size_t apostrophe = apostrophe_at(phrase, i); apostrophe != 0) {
      const std::size_t next = i + apostrophe;
      if (next >= phrase.size()) return false;
      // tokenize() splits off "'s" unless a word character follows it ("Bel's'ko" splits).
      const bool possessive = (phrase[next] == 's' || phrase[next] == 'S') &&
                              (next + 1 == phrase.size() || !is_latin_letter_at(phrase, next + 1));
      if (possessive && next + 1 < phrase.size() && phrase[next + 1] != ' ') return false;
      if (possessive) {
        finish();
        *out++ = '\'';
        *out++ = 's';
        finish();
        in_word = after_letter = false;
        i = next + 1;
      } else if (is_latin_letter_at(phrase, next)) {
        *out++ = '\'';
        after_letter = false;
        i = next;
      } else {
        return false;
      }
    } else {
      return false;
    }
  }
  if (in_word) finish();
  keys.shrink_room(static_cast<std::size_t>(out - begin));
  return true;
}

}  // namespace

std::vector<std::string> phrase_keys_by_tokenizer(
    std::string_view phrase, const std::unordered_set<std::string>& abbreviations) {
  // Printable ASCII is its own normal form (normalize_text changes only tabs, CRs and
  // non-ASCII): skip the copy and its offset map.
  const bool plain = std::all_of(phrase.begin(), phrase.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
  });
  std::vector<Token> tokens = plain ? tokenize(phrase, abbreviations)
                                    : tokenize(normalize_text(phrase).text, abbreviations);
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (Token& t : tokens) keys.push_back(std::move(t.key));
  return keys;
}

void phrase_keys(std::string_view phrase, const std::unordered_set<std::string>& abbreviations,
                 PhraseKeys& keys) {
  // Start-up reads ~200k gazetteer phrases: those of (Latin) letters skip the tokenizer.
  if (latin_word_keys(phrase, keys)) return;
  keys.clear();
  for (const std::string& key : phrase_keys_by_tokenizer(phrase, abbreviations)) {
    keys.push_back(key);
  }
}

std::vector<std::string> phrase_keys(std::string_view phrase,
                                     const std::unordered_set<std::string>& abbreviations) {
  // A buffer per thread: extraction asks for the keys of names ~100k times on 300 articles.
  thread_local PhraseKeys keys;
  phrase_keys(phrase, abbreviations, keys);
  return keys.to_strings();
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
      lex.index_.add_spelling(spelling, id, abbreviations);
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
  return cell(row, column_index(column));
}

std::size_t Lexicon::column_index(std::string_view column) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c] == column) return c;
  }
  return kNoColumn;
}

bool Lexicon::has_column(std::string_view column) const {
  return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
}

}  // namespace ng::extract
