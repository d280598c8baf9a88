// NodeCache: interned nodes by a string key (an IRI, a literal's lexical form), for a bulk load
// that meets the same terms again and again (ingest looks one up per term of each quad).
//
// Open addressing, with each key's 64-bit hash in its slot: a lookup reads one or two adjacent
// slots and compares bytes only when the hashes agree, where std::unordered_map divides by a
// prime and walks a list of separately allocated entries. The keys live in one arena.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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
      if (s.hash == hash && s.size == key.size() &&
          std::memcmp(keys_.data() + s.offset, key.data(), key.size()) == 0) {
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
  static constexpr std::size_t kInitialSlots = 256;  // a power of two
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
    std::uint32_t offset = 0, size = 0;  // of the key in keys_
    NodeId node = nullptr;               // nullptr: empty
  };
  // Doubles the slots (at most half are used, so probes stay short).
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.node == nullptr) continue;
      std::size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].node != nullptr) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<NodeRef> refs_;
};

}  // namespace ng::store
