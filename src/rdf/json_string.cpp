#include "rdf/json_string.hpp"

#include "rdf/utf8.hpp"

namespace ng::rdf {
namespace {

// The four hex digits at text[pos], pos moved past them.
unsigned read_hex4(std::string_view text, std::size_t& pos) {
  if (pos + 4 > text.size()) throw JsonStringError{pos, "truncated \\u escape"};
  unsigned v = 0;
  for (int k = 0; k < 4; ++k, ++pos) {
    const char c = text[pos];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<unsigned>(c - 'A' + 10);
    } else {
      throw JsonStringError{pos, "bad hex digit in \\u escape"};
    }
  }
  return v;
}

char simple_escape(char e) {
  switch (e) {
    case '"':
    case '\\':
    case '/':
      return e;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return '\0';
  }
}

}  // namespace

std::string read_json_string(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '"') throw JsonStringError{pos, "expected a string"};
  ++pos;
  std::string out;
  while (true) {
    if (pos >= text.size()) throw JsonStringError{pos, "unterminated string"};
    const char c = text[pos++];
    if (c == '"') return out;
    if (static_cast<unsigned char>(c) < 0x20) {
      throw JsonStringError{pos - 1, "control character in string"};
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (pos >= text.size()) throw JsonStringError{pos, "unterminated escape"};
    const char e = text[pos++];
    if (e != 'u') {
      const char decoded = simple_escape(e);
      if (decoded == '\0') throw JsonStringError{pos - 1, std::string("bad escape \\") + e};
      out += decoded;
      continue;
    }
    const std::size_t at = pos - 2;
    unsigned cp = read_hex4(text, pos);
    if (cp >= 0xD800 && cp < 0xDC00 && text.substr(pos, 2) == "\\u") {
      pos += 2;
      const unsigned low = read_hex4(text, pos);
      if (low < 0xDC00 || low > 0xDFFF)
        throw JsonStringError{at, "unpaired surrogate in \\u escape"};
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      throw JsonStringError{at, "unpaired surrogate in \\u escape"};
    }
    append_utf8(out, cp);
  }
}

}  // namespace ng::rdf
