#include "rdf/json_string.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

using ng::rdf::JsonStringError;
using ng::rdf::read_json_string;

// Decodes `text` from offset 0 and checks that the whole of it was one string.
std::string decode(std::string_view text) {
  std::size_t pos = 0;
  std::string out = read_json_string(text, pos);
  CHECK(pos == text.size());
  return out;
}

// The error read_json_string raises on `text`, as "offset: message".
std::string error_of(std::string_view text) {
  std::size_t pos = 0;
  try {
    read_json_string(text, pos);
  } catch (const JsonStringError& e) {
    return std::to_string(e.offset) + ": " + e.message;
  }
  return "no error";
}

}  // namespace

TEST_CASE("JSON strings: escapes decode, the position moves past the closing quote",
          "[rdf][json]") {
  CHECK(decode(R"("plain")") == "plain");
  CHECK(decode(R"("a\"b\\c\/d")") == "a\"b\\c/d");
  CHECK(decode(R"("\b\f\n\r\t")") == "\b\f\n\r\t");
  CHECK(decode(R"("caf\u00e9")") == "caf\xC3\xA9");
  CHECK(decode(R"("\u20AC")") == "\xE2\x82\xAC");
  CHECK(decode(R"("\ud83d\ude00")") == "\xF0\x9F\x98\x80");  // a surrogate pair: one code point
  std::size_t pos = 6;  // a string inside a line, as the readers meet it
  CHECK(read_json_string(R"({"k": "v", "n": 1})", pos) == "v");
  CHECK(pos == 9);
}

TEST_CASE("JSON strings: what is wrong and where", "[rdf][json]") {
  CHECK(error_of("abc") == "0: expected a string");
  CHECK(error_of(R"("abc)") == "4: unterminated string");
  CHECK(error_of("\"a\tb\"") == "2: control character in string");
  CHECK(error_of(R"("a\x")") == "3: bad escape \\x");
  CHECK(error_of(R"("a\)") == "3: unterminated escape");
  CHECK(error_of(R"("\u12")") == "3: truncated \\u escape");
  CHECK(error_of(R"("\u12G4")") == "5: bad hex digit in \\u escape");
  CHECK(error_of(R"("\ud83d")") == "1: unpaired surrogate in \\u escape");
  CHECK(error_of(R"("\ude00")") == "1: unpaired surrogate in \\u escape");
  CHECK(error_of(R"("\ud83d\u0041")") == "1: unpaired surrogate in \\u escape");
}
