// Stage 2's speed-ups against the simple versions: the comparison of a std::string with a C
// string (claim_literal_compare.hpp) answers as std's does; the key filter of find_mentions
// (claim_key_filter.hpp) never turns away a key it was given.
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "extract/claim_key_filter.hpp"
#include "extract/claim_literal_compare.hpp"
#include "extract/text.hpp"

namespace ng::extract::claims {
namespace {

TEST_CASE("stage 2 literal comparison: same answers as std::string's", "[stage2][perf]") {
  const std::vector<std::string> keys = {
      "",  "the", "them",    "th",     "thE",    "a",       "an",
      ",", "\"",  "between", "betwee", "Threat", "Threats", std::string("t\0e", 3)};
  const std::vector<const char*> c_strings = {"", "the", "them", "a", ",", "between", "Threat"};
  for (const std::string& key : keys) {
    for (const char* c : c_strings) {
      INFO("key '" << key << "' vs '" << c << "'");
      CHECK((key == c) == (key.compare(c) == 0));
      CHECK((key != c) == (key.compare(c) != 0));
      CHECK((c == key) == (key.compare(c) == 0));
    }
  }
  // Literals, as stage 2 writes them.
  const std::string the = "the";
  CHECK(the == "the");
  CHECK_FALSE(the == "then");
  CHECK_FALSE(the == "th");
  CHECK(the != "The");
  CHECK(std::string() == "");
  CHECK_FALSE(std::string() == "a");
  // A key with a NUL inside is longer than the C string that stops there.
  CHECK_FALSE(std::string("t\0e", 3) == "t");
}

TEST_CASE("stage 2 key filter: every added key may start a name, most others not",
          "[stage2][perf]") {
  KeyHashFilter empty;
  CHECK_FALSE(empty.may_contain(hash_key("harbour")));
  CHECK_FALSE(empty.may_contain(hash_key("")));

  KeyHashFilter names;
  std::vector<std::string> added;
  for (int k = 0; k < 120; ++k) added.push_back("name" + std::to_string(k));
  for (const std::string& key : added) names.add(hash_key(key));
  for (const std::string& key : added) CHECK(names.may_contain(hash_key(key)));
  // Keys never added: turned away unless their bit was set by chance (120 of 1024 bits).
  std::size_t maybe = 0;
  for (int k = 0; k < 1000; ++k) {
    if (names.may_contain(hash_key("other" + std::to_string(k)))) ++maybe;
  }
  CHECK(maybe < 250);

  KeyHashFilter one;
  one.add(hash_key("lagoon"));
  CHECK(one.may_contain(hash_key("lagoon")));
  std::size_t one_maybe = 0;
  for (int k = 0; k < 1000; ++k) {
    if (one.may_contain(hash_key("other" + std::to_string(k)))) ++one_maybe;
  }
  CHECK(one_maybe < 20);
}

}  // namespace
}  // namespace ng::extract::claims
