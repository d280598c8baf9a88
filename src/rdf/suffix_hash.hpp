// A cheap hash for predicate IRIs, as keys of small hash tables looked up once per quad.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ng::rdf {

// Predicates share a few namespaces and differ at their end: the length and the last 8 bytes
// tell them apart well enough, for far less than hashing every byte (45 on average). Not for
// IRIs in general: entity and sentence IRIs of many articles share their last bytes.
struct PredicateHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    std::uint64_t tail = 0;
    const std::size_t n = std::min<std::size_t>(8, s.size());
    if (n > 0) std::memcpy(&tail, s.data() + s.size() - n, n);
    return static_cast<std::size_t>((tail ^ s.size()) * 0x9E3779B97F4A7C15ULL);
  }
};

}  // namespace ng::rdf
