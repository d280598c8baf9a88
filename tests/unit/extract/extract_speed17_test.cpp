// Session 17's speed-ups against the simple versions: stage 1's comparison of a std::string
// with a C string (stage1_literal_compare.hpp) answers as std's does; code_point_starts
// (code_points.hpp) counts what a byte-by-byte loop counts, at every length and offset.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/code_points.hpp"
#include "extract/stage1_literal_compare.hpp"

namespace ng::extract::stage1 {
namespace {

TEST_CASE("stage 1 literal comparison: same answers as std::string's", "[stage1][perf]") {
  const std::vector<std::string> keys = {"",        "by",        "b",         "byy",
                                         "By",      "Statement", "Statements", "on",
                                         "against", ",",         std::string("b\0y", 3)};
  const std::vector<const char*> c_strings = {"", "by", "on", "Statement", "against", ","};
  for (const std::string& key : keys) {
    for (const char* c : c_strings) {
      INFO("key '" << key << "' vs '" << c << "'");
      CHECK((key == c) == (key.compare(c) == 0));
      CHECK((key != c) == (key.compare(c) != 0));
      CHECK((c == key) == (key.compare(c) == 0));
    }
  }
  const std::string by = "by";
  CHECK(by == "by");
  CHECK_FALSE(by == "b");
  CHECK_FALSE(by == "bye");
  CHECK(by != "By");
  // A key with a NUL inside is longer than the C string that stops there.
  CHECK_FALSE(std::string("b\0y", 3) == "b");
}

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
