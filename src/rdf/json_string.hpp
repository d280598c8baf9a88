// JSON string literals (RFC 8259), decoded the same way by every reader of JSON here: JSON
// Lines articles, SPARQL JSON results, the tests' readers of GeoJSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ng::rdf {

// What is wrong with a JSON string and the byte offset in the text where it is.
struct JsonStringError {
  std::size_t offset;
  std::string message;
};

// Decodes the JSON string whose opening quote is at text[pos] and moves pos past its closing
// quote. \u escapes become UTF-8, a surrogate pair one code point; a lone surrogate is an error
// (it is no character, and decoding it would give invalid UTF-8), as are control characters,
// unknown escapes and a missing closing quote. Throws JsonStringError.
std::string read_json_string(std::string_view text, std::size_t& pos);

}  // namespace ng::rdf
