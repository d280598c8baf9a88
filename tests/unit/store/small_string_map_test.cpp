#include "store/small_string_map.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <unordered_map>
#include <vector>

using ng::store::SmallStringMap;

TEST_CASE("a small string map finds what was inserted, as std::unordered_map does",
          "[store][small_string_map]") {
  SmallStringMap<int> map;
  std::unordered_map<std::string, int> reference;
  // Keys that share long prefixes and differ in their last byte, their length, or only before
  // their last eight bytes (equal tails: the hash collides, the bytes must decide); enough of them
  // for the table to grow several times.
  std::vector<std::string> keys = {"", "a", "ab", "abcdefg", "abcdefgh", "xbcdefgh"};
  for (int i = 0; i < 300; ++i) {
    keys.push_back("http://example.org/ontology#p" + std::to_string(i));
    keys.push_back("http://example.org/other#" + std::to_string(i) + "/same-tail");
  }
  for (std::size_t k = 0; k < keys.size(); ++k) {
    REQUIRE(map.find(keys[k]) == nullptr);
    CHECK(map.insert(keys[k], static_cast<int>(k)) == static_cast<int>(k));
    reference[keys[k]] = static_cast<int>(k);
  }
  CHECK(map.size() == reference.size());
  for (const auto& [key, value] : reference) {
    const int* found = map.find(key);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  // Keys never inserted: prefixes, extensions, other bytes.
  for (const std::string absent :
       {"abc", "abcdefghi", "ybcdefgh", "http://example.org/ontology#p",
        "http://example.org/ontology#p300", "http://example.org/other#1/same-tai"}) {
    CHECK(map.find(absent) == nullptr);
  }
}

TEST_CASE("a small string map is empty after clear, and usable again",
          "[store][small_string_map]") {
  SmallStringMap<std::string> map;
  map.insert("http://example.org/p", "first");
  *map.find("http://example.org/p") += " changed";
  CHECK(*map.find("http://example.org/p") == "first changed");
  map.clear();
  CHECK(map.size() == 0);
  CHECK(map.find("http://example.org/p") == nullptr);
  map.insert("http://example.org/p", "again");
  CHECK(*map.find("http://example.org/p") == "again");
}
