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

#include "rdf/string_hash.hpp"
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

 private:
  static constexpr std::size_t kInitialSlots = 256;  // a power of two
  // The IRIs of a load share their first bytes (a scheme, a host, a base path): hashing them
  // distinguishes nothing. The hash of a longer key leaves out its first kSkipped bytes (the
  // length still counts, and the keys are compared in full).
  static constexpr std::size_t kSkipped = 24;
  static std::uint64_t hash_of(std::string_view key) {
    return rdf::StringHash{}(key.size() > 2 * kSkipped ? key.substr(kSkipped) : key);
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
