// Cheap hashes for the hash tables looked up once per extracted quad (IRIs, short literals,
// predicates). Not for anything persisted: the values may change between versions.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ng::rdf {

// The whole string, 8 bytes at a time: about a third of the instructions of std::hash (which
// mixes byte-wise tails and more), with enough mixing for tables of IRIs that share long
// prefixes.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    std::uint64_t h = (s.size() + 1) * kMul;
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; n -= 8, p += 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      h = mix(h, word);
    }
    if (n > 0) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, n);
      h = mix(h, word);
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

 private:
  static constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  static std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
    h = (h ^ word) * kMul;
    return h ^ (h >> 32);
  }
};

// Predicates share a few namespaces and differ at their end: the length and the last 8 bytes
// tell them apart well enough, for less still. Not for IRIs in general: entity and sentence
// IRIs of many articles share their last bytes.
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
