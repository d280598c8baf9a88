// NodeCache: interned nodes by a string key (an IRI, a literal's lexical form), for a bulk load
// that meets the same terms again and again (ingest looks one up per term of each quad).
//
// Open addressing, with each key's 64-bit hash in its slot: a lookup reads one or two adjacent
// slots and compares bytes only when the hashes agree, where std::unordered_map divides by a
// prime and walks a list of separately allocated entries. The keys live in one arena.
//
// A load's terms are of two kinds: those of one article (its sentences' IRIs, its quotes), met
// in that article only, and shared ones (classes, places, dates, actors in the news of several
// days). A cache that has to stay small keeps the shared ones (keep_shared()): a key found again
// in a later part (start_part()) than the one that added it is marked shared.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/world.hpp"

namespace ng::store {

class NodeCache {
 public:
  NodeCache() : slots_(kInitialSlots) {}

  // The node cached for `key`; on a miss, caches and returns make(), a NodeRef for the key,
  // whose reference the cache then holds (until clear()).
  template <typename Make>
  NodeId get(std::string_view key, Make&& make) {
    const std::uint64_t hash = hash_of(key);
    std::size_t i = hash & (slots_.size() - 1);
    for (;; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.node == nullptr) break;
      if (s.hash == hash && (s.size & ~kShared) == key.size() &&
          std::memcmp(keys_.data() + s.offset, key.data(), key.size()) == 0) {
        if (s.offset < part_start_) slots_[i].size |= kShared;  // (the keys are in part order)
        return s.node;
      }
    }
    NodeRef node = make();
    const NodeId id = node.get();
    slots_[i] = Slot{hash, static_cast<std::uint32_t>(keys_.size()),
                     static_cast<std::uint32_t>(key.size()), id};
    keys_.append(key);
    refs_.push_back(std::move(node));
    if (2 * refs_.size() > slots_.size()) grow();
    return id;
  }

  std::size_t size() const { return refs_.size(); }

  // Drops every entry and the references held.
  void clear() {
    slots_.assign(kInitialSlots, Slot{});
    keys_.clear();
    refs_.clear();
    part_start_ = 0;
  }

  // The keys added from now on belong to a new part (an article of a load).
  void start_part() { part_start_ = static_cast<std::uint32_t>(keys_.size()); }

  // Drops every entry but the shared ones (found again in a later part than their first), and
  // the references of the others; the next part starts.
  void keep_shared() {
    std::vector<Slot> old;
    old.swap(slots_);
    std::string old_keys;
    old_keys.swap(keys_);
    std::vector<NodeRef> old_refs;
    old_refs.swap(refs_);
    std::vector<NodeId> kept;  // to find their references, which are in adding order
    for (const Slot& s : old) {
      if (s.node != nullptr && (s.size & kShared) != 0) kept.push_back(s.node);
    }
    slots_.assign(std::max(kInitialSlots, std::bit_ceil(2 * kept.size() + 2)), Slot{});
    for (const Slot& s : old) {
      if (s.node == nullptr || (s.size & kShared) == 0) continue;
      place(Slot{s.hash, static_cast<std::uint32_t>(keys_.size()), s.size, s.node});
      keys_.append(old_keys, s.offset, s.size & ~kShared);
    }
    std::sort(kept.begin(), kept.end(), std::less<NodeId>());
    for (NodeRef& ref : old_refs) {
      if (std::binary_search(kept.begin(), kept.end(), ref.get(), std::less<NodeId>())) {
        refs_.push_back(std::move(ref));
      }
    }
    start_part();
  }

  // The slot hash: rdf::StringHash's value of the key (of its rest after kSkipped bytes when it is
  // longer than 2 * kSkipped), without its byte-by-byte copy of the last one to seven bytes (a
  // fifth of a lookup's instructions): they are read as the high bytes of the key's last eight and
  // shifted down, the word a zero-padded copy would give.
  static std::uint64_t hash_of(std::string_view key) {
    if (key.size() > 2 * kSkipped) key.remove_prefix(kSkipped);
    const std::size_t n = key.size();
    std::uint64_t h = (n + 1) * kMul;
    if (n >= 8) {
      const char* last = key.data() + n - 8;
      for (const char* p = key.data(); p <= last; p += 8) h = mix(h, word_at(p));
      if (const std::size_t rest = n % 8; rest != 0) h = mix(h, word_at(last) >> (64 - 8 * rest));
    } else if (n > 0) {
      h = mix(h, short_word(key));
    }
    return h ^ (h >> 29);
  }

 private:
  static constexpr std::size_t kInitialSlots = 256;                 // a power of two
  static constexpr std::uint32_t kShared = std::uint32_t{1} << 31;  // a flag in Slot::size
  // The IRIs of a load share their first bytes (a scheme, a host, a base path): hashing them
  // distinguishes nothing. The hash of a longer key leaves out its first kSkipped bytes (the
  // length still counts, and the keys are compared in full).
  static constexpr std::size_t kSkipped = 24;
  static constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  static std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
    h = (h ^ word) * kMul;
    return h ^ (h >> 32);
  }
  static std::uint64_t word_at(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
  }
  // The bytes of a key of one to seven bytes, zero-padded to a word: two overlapping reads.
  static std::uint64_t short_word(std::string_view key) {
    const std::size_t n = key.size();
    if (n >= 4) {
      std::uint32_t first, last;
      std::memcpy(&first, key.data(), 4);
      std::memcpy(&last, key.data() + n - 4, 4);
      return first | (std::uint64_t{last} << (8 * (n - 4)));
    }
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(key[i])} << (8 * i);
    };
    return byte(0) | byte(n / 2) | byte(n - 1);
  }
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, size = 0;  // of the key in keys_; size | kShared when shared
    NodeId node = nullptr;               // nullptr: empty
  };
  // Doubles the slots (at most half are used, so probes stay short).
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.node != nullptr) place(s);
    }
  }
  // Puts the slot of a key that is not in the table.
  void place(const Slot& slot) {
    std::size_t i = slot.hash & (slots_.size() - 1);
    while (slots_[i].node != nullptr) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }
  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<NodeRef> refs_;
  std::uint32_t part_start_ = 0;  // keys_ offset of the current part's first key
};

}  // namespace ng::store
