// Internal to src/store/: a small cache of recently interned nodes in front of the World's node
// table, for bulk loads.
//
// With a few hundred thousand nodes, each lookup of a node already in the World's table costs a
// cache miss or two (its slot, then the node's bytes). In
// N-Triples dumps most terms repeat within a short distance (a subject's objects name things
// described a few lines away), so a direct-mapped table of 2^16 recent nodes, one 16-byte slot
// each, answers most lookups from the CPU caches. The World remains the dictionary: a miss here is
// an ordinary lookup there.
//
// The slots hold no references (taking and dropping one would touch each node's cold memory
// again): every node put here must stay alive while the cache is used. The loader guarantees
// it: each node it makes goes into a statement the store keeps, and after the first failed
// statement it makes no more lookups (Loader::on_statement).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <vector>

#include "store/node.hpp"

namespace ng::store::detail {

class RecentNodes {
 public:
  RecentNodes() : slots_(kSlots) {}

  // Literal keys also hold the datatype node and the (normalised) language tag; IRIs pass
  // nullptr and "".
  static std::uint64_t hash_of(std::string_view value, const Node* datatype,
                               std::string_view lang) {
    std::uint64_t h = std::hash<std::string_view>{}(value);
    h ^= std::hash<const void*>{}(datatype) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    if (!lang.empty()) h ^= std::hash<std::string_view>{}(lang)*0x9e3779b97f4a7c15ULL;
    return h;
  }

  // The cached node with this key (no reference taken), or nullptr.
  const Node* find(std::uint64_t hash, SerdType type, std::string_view value, const Node* datatype,
                   std::string_view lang) const {
    const Slot& s = slots_[hash & (kSlots - 1)];
    if (!s.node || s.hash != hash || s.node->serd.type != type) return nullptr;
    if (s.node->value() != value) return nullptr;
    if (type == SERD_LITERAL) {
      if (s.node->datatype != datatype) return nullptr;
      const char* l = s.node->lang();
      if (std::string_view(l ? l : "") != lang) return nullptr;
    }
    return s.node;
  }

  // Remembers `node` in place of the slot's previous node.
  void put(std::uint64_t hash, const Node* node) { slots_[hash & (kSlots - 1)] = Slot{hash, node}; }

 private:
  static constexpr std::size_t kSlots = std::size_t{1} << 16;
  struct Slot {
    std::uint64_t hash = 0;
    const Node* node = nullptr;
  };
  std::vector<Slot> slots_;
};

}  // namespace ng::store::detail
