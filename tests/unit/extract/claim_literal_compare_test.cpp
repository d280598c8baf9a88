// Stage 2's comparison of a std::string with a C string (claim_literal_compare.hpp) answers as
// std's does, for literals and for C strings only known at run time.
#include "extract/claim_literal_compare.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace ng::extract::claims
