// Internal to src/store/: a small cache of recently interned nodes in front of Sord's node
// table, for bulk loads.
//
// Sord's table is a chained hash whose entries are scattered over the heap: with a few hundred
// thousand nodes, each lookup of a node already there costs two or three cache misses. In
// N-Triples dumps most terms repeat within a short distance (a subject's objects name things
// described a few lines away), so a direct-mapped table of 2^16 recent nodes, one 16-byte slot
// each, answers most lookups from the CPU caches. Sord remains the dictionary: a miss here is
// an ordinary lookup there.
//
// The slots hold no references (taking and dropping one would touch each node's cold memory
// again): every node put here must stay alive while the cache is used. The loader guarantees
// it: each node it makes goes into a statement the store keeps, and after the first failed
// statement it makes no more lookups (Loader::on_statement).
#pragma once

#include <sord/sord.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <vector>

namespace ng::store::detail {

class RecentNodes {
 public:
  RecentNodes() : slots_(kSlots) {}

  // Literal keys also hold the datatype node and the (normalised) language tag; IRIs pass
  // nullptr and "".
  static std::uint64_t hash_of(std::string_view value, const SordNode* datatype,
                               std::string_view lang) {
    std::uint64_t h = std::hash<std::string_view>{}(value);
    h ^= std::hash<const void*>{}(datatype) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    if (!lang.empty()) h ^= std::hash<std::string_view>{}(lang)*0x9e3779b97f4a7c15ULL;
    return h;
  }

  // A new reference to the cached node with this key, or nullptr.
  SordNode* find(std::uint64_t hash, SordNodeType type, std::string_view value,
                 const SordNode* datatype, std::string_view lang) const {
    const Slot& s = slots_[hash & (kSlots - 1)];
    if (!s.node || s.hash != hash || sord_node_get_type(s.node) != type) return nullptr;
    std::size_t len = 0;
    const uint8_t* text = sord_node_get_string_counted(s.node, &len);
    if (len != value.size() || std::memcmp(text, value.data(), len) != 0) return nullptr;
    if (type == SORD_LITERAL) {
      if (sord_node_get_datatype(s.node) != datatype) return nullptr;
      const char* l = sord_node_get_language(s.node);
      if (std::string_view(l ? l : "") != lang) return nullptr;
    }
    return sord_node_copy(s.node);
  }

  // Remembers `node` in place of the slot's previous node.
  void put(std::uint64_t hash, SordNode* node) { slots_[hash & (kSlots - 1)] = Slot{hash, node}; }

 private:
  static constexpr std::size_t kSlots = std::size_t{1} << 16;
  struct Slot {
    std::uint64_t hash = 0;
    SordNode* node = nullptr;
  };
  std::vector<Slot> slots_;
};

}  // namespace ng::store::detail
