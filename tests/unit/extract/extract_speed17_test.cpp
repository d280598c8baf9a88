// Session 17's speed-ups against the simple versions: the comparison of a std::string with a C
// string (literal_compare.hpp), as stages 1 and 2 see it, answers as std's does; code_point_starts
// (code_points.hpp) counts what a byte-by-byte loop counts, at every length and offset.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/code_points.hpp"
#include "extract/literal_compare.hpp"

// The comparison as each stage's code finds it (literal_compare.hpp's using-declarations).
namespace ng::extract::claims {
namespace {
bool equal_in_stage2(const std::string& a, const char* b) { return a == b; }
bool differ_in_stage2(const std::string& a, const char* b) { return a != b; }
bool reversed_in_stage2(const char* b, const std::string& a) { return b == a; }
void check_stage2_literals() {
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

namespace ng::extract::stage1 {
namespace {
bool equal_in_stage1(const std::string& a, const char* b) { return a == b; }
bool differ_in_stage1(const std::string& a, const char* b) { return a != b; }
bool reversed_in_stage1(const char* b, const std::string& a) { return b == a; }
void check_stage1_literals() {
  const std::string by = "by";
  CHECK(by == "by");
  CHECK_FALSE(by == "b");
  CHECK_FALSE(by == "bye");
  CHECK(by != "By");
  CHECK_FALSE(std::string("b\0y", 3) == "b");
}
}  // namespace
}  // namespace ng::extract::stage1

namespace ng::extract {
namespace {

TEST_CASE("literal comparison in stages 1 and 2: same answers as std::string's", "[perf]") {
  const std::vector<std::string> keys = {
      "",   "the",     "them",   "th",        "thE",        "by",
      "b",  "byy",     "By",     "Statement", "Statements", ",",
      "\"", "between", "betwee", "Threat",    "Threats",    std::string("t\0e", 3)};
  const std::vector<const char*> c_strings = {"",          "the", "them",    "by",
                                              "Statement", ",",   "between", "Threat"};
  for (const std::string& key : keys) {
    for (const char* c : c_strings) {
      INFO("key '" << key << "' vs '" << c << "'");
      const bool same = key.compare(c) == 0;
      CHECK(claims::equal_in_stage2(key, c) == same);
      CHECK(claims::differ_in_stage2(key, c) == !same);
      CHECK(claims::reversed_in_stage2(c, key) == same);
      CHECK(stage1::equal_in_stage1(key, c) == same);
      CHECK(stage1::differ_in_stage1(key, c) == !same);
      CHECK(stage1::reversed_in_stage1(c, key) == same);
    }
  }
  claims::check_stage2_literals();
  stage1::check_stage1_literals();
}

}  // namespace
}  // namespace ng::extract

namespace ng::extract::stage1 {
namespace {

// The simple version: every byte that is no continuation byte (10xxxxxx) starts a code point.
std::uint32_t count_bytewise(const std::string& text, std::size_t from, std::size_t n) {
  std::uint32_t count = 0;
  for (std::size_t k = from; k < from + n; ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

TEST_CASE("code_point_starts: what a byte loop counts, at any offset and length",
          "[stage1][stage2][perf]") {
  // Invented text mixing one-, two-, three- and four-byte characters, longer than a few words
  // of eight bytes so that both the word loop and the tail are used.
  const std::string text =
      "Caf\xC3\xA9 na \xC3\xA1rea \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D, "
      "\xF0\x9F\x98\x80 plain ascii text here and \xC3\xB1o\xC3\xB1o end.";
  for (std::size_t from = 0; from <= text.size(); ++from) {
    for (std::size_t n = 0; from + n <= text.size(); ++n) {
      INFO("from " << from << " n " << n);
      REQUIRE(code_point_starts(text.data() + from, n) == count_bytewise(text, from, n));
    }
  }
  // Whole strings: ASCII only, continuation bytes only, empty.
  const std::string ascii(37, 'a');
  CHECK(code_point_starts(ascii.data(), ascii.size()) == 37);
  const std::string continuations(19, '\x80');
  CHECK(code_point_starts(continuations.data(), continuations.size()) == 0);
  CHECK(code_point_starts(text.data(), 0) == 0);
  // A four-byte character is one code point; cut after its first byte, still one start.
  const std::string emoji = "\xF0\x9F\x98\x80";
  CHECK(code_point_starts(emoji.data(), 4) == 1);
  CHECK(code_point_starts(emoji.data() + 1, 3) == 0);
}

}  // namespace
}  // namespace ng::extract::stage1
