#include "store/node_cache.hpp"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/string_hash.hpp"
#include "store/address_sort.hpp"

using ng::rdf::Term;
using ng::store::NodeCache;
using ng::store::NodeId;
using ng::store::World;

namespace {

std::string iri_number(int i) { return "http://example.org/id/" + std::to_string(i); }

// A cache over a world that counts the nodes it had to make.
struct CountingCache {
  World world;
  NodeCache cache;
  int made = 0;
  NodeId get(const std::string& iri) {
    return cache.get(iri, [&] {
      ++made;
      return world.iri(iri);
    });
  }
};

}  // namespace

TEST_CASE("a node cache makes each key's node once", "[store][node_cache]") {
  CountingCache counting;
  NodeCache& cache = counting.cache;
  const int& made = counting.made;
  auto get = [&](const std::string& iri) { return counting.get(iri); };
  const NodeId a = get("http://a");
  const NodeId b = get("http://b");
  CHECK(a != b);
  CHECK(get("http://a") == a);
  CHECK(get("http://b") == b);
  CHECK(made == 2);
  CHECK(cache.size() == 2);
  CHECK(World::view(a).value == "http://a");
  // A key that is a prefix of another is another key.
  CHECK(get("http://") != a);
  CHECK(made == 3);
}

TEST_CASE("a node cache finds every key after growing", "[store][node_cache]") {
  World world;
  NodeCache cache;
  std::vector<NodeId> first;
  for (int i = 0; i < 5000; ++i) {
    first.push_back(cache.get(iri_number(i), [&] { return world.iri(iri_number(i)); }));
  }
  int made = 0;
  for (int i = 0; i < 5000; ++i) {
    const NodeId again = cache.get(iri_number(i), [&] {
      ++made;
      return world.iri(iri_number(i));
    });
    CHECK(again == first[static_cast<std::size_t>(i)]);
  }
  CHECK(made == 0);
  CHECK(cache.size() == 5000);
}

TEST_CASE("a node cache holds its nodes until cleared", "[store][node_cache]") {
  World world;
  NodeCache cache;
  // Only the cache holds the node: it stays readable while cached.
  const NodeId n = cache.get("x", [&] { return world.intern(Term::literal("x")); });
  CHECK(World::view(n).value == "x");
  cache.clear();
  CHECK(cache.size() == 0);
  int made = 0;
  cache.get("x", [&] {
    ++made;
    return world.intern(Term::literal("x"));
  });
  CHECK(made == 1);
}

TEST_CASE("sort_by_address orders records by their address, then by the rest",
          "[store][address_sort]") {
  // Records with few distinct addresses and many ties, more than one radix pass needs.
  std::vector<std::pair<std::uintptr_t, int>> records;
  for (int i = 0; i < 20000; ++i) {
    records.emplace_back((static_cast<std::uintptr_t>(i * 7919 % 1000) << 4) + 0x10000, i % 13);
  }
  auto expected = records;
  std::sort(expected.begin(), expected.end());
  ng::store::sort_by_address(
      records.data(), records.data() + records.size(), [](const auto& r) { return r.first; },
      [](const auto& a, const auto& b) { return a < b; });
  CHECK(records == expected);
}

TEST_CASE("a node cache hashes a key as rdf::StringHash hashes its rest", "[store][node_cache]") {
  if constexpr (std::endian::native != std::endian::little) return;  // (another, valid hash)
  // Every length up to past the skipped prefix, so that every tail size (0 to 7 bytes) occurs
  // both with and without the prefix left out; bytes above 0x7F too.
  std::string key;
  for (int n = 0; n <= 120; ++n) {
    const std::string_view rest =
        key.size() > 48 ? std::string_view(key).substr(24) : std::string_view(key);
    CHECK(NodeCache::hash_of(key) == ng::rdf::StringHash{}(rest));
    key += static_cast<char>(0x21 + (n * 37) % 220);
  }
  // Keys that differ only in their last byte must not share their low bits (the slot).
  const std::uint64_t a = NodeCache::hash_of("http://example.org/resource/a-key-of-29-b");
  const std::uint64_t b = NodeCache::hash_of("http://example.org/resource/a-key-of-29-c");
  CHECK((a & 0xFFFF) != (b & 0xFFFF));
}

TEST_CASE("a node cache keeps the keys found again in a later part", "[store][node_cache]") {
  CountingCache counting;
  NodeCache& cache = counting.cache;
  const int& made = counting.made;
  auto get = [&](const std::string& iri) { return counting.get(iri); };
  // Part 1: "shared" and "once" are added; "once" is found again in its own part only.
  const NodeId shared = get("http://example.org/shared");
  get("http://example.org/once");
  get("http://example.org/once");
  cache.start_part();
  // Part 2: "shared" is found again; "late" is new.
  CHECK(get("http://example.org/shared") == shared);
  get("http://example.org/late");
  CHECK(made == 3);
  cache.keep_shared();
  CHECK(cache.size() == 1);
  // The shared node is still cached (and held: only the cache holds it); the others are made
  // again.
  CHECK(get("http://example.org/shared") == shared);
  CHECK(World::view(shared).value == "http://example.org/shared");
  CHECK(made == 3);
  get("http://example.org/once");
  get("http://example.org/late");
  CHECK(made == 5);
  // A kept key stays shared through the next keep_shared(); a key of the current part does not.
  cache.keep_shared();
  CHECK(cache.size() == 1);
  CHECK(get("http://example.org/shared") == shared);
  CHECK(made == 5);
}

TEST_CASE("a node cache that keeps many shared keys finds every one", "[store][node_cache]") {
  CountingCache counting;
  NodeCache& cache = counting.cache;
  const int& made = counting.made;
  std::vector<NodeId> nodes;
  auto get = [&](int i) { return counting.get(iri_number(i)); };
  for (int i = 0; i < 3000; ++i) nodes.push_back(get(i));
  cache.start_part();
  for (int i = 0; i < 3000; i += 2) CHECK(get(i) == nodes[static_cast<std::size_t>(i)]);
  cache.keep_shared();  // the even ones, more than the table's first size
  CHECK(cache.size() == 1500);
  for (int i = 0; i < 3000; i += 2) CHECK(get(i) == nodes[static_cast<std::size_t>(i)]);
  CHECK(made == 3000);
  for (int i = 1; i < 3000; i += 2) get(i);  // the odd ones come back, and the table grows
  CHECK(made == 4500);
  CHECK(cache.size() == 3000);
  cache.clear();
  CHECK(cache.size() == 0);
  get(0);
  CHECK(made == 4501);
}
