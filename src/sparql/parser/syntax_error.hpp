// The error type of the SPARQL query language: invalid input, with the position where it was found.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace ng::sparql {

// A position in the query text, 0-based; `column` counts code points, `offset` bytes.
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

// Thrown by parse_query for every invalid query: lexical and grammar errors, undefined prefixes,
// and the static checks of SPARQL 1.1 §18.2.1 (scoping of BIND, SELECT expressions, GROUP BY).
// what() is "Syntax error at line L column C: <detail>" with L and C 1-based.
class SyntaxError : public std::runtime_error {
 public:
  SyntaxError(SourcePos pos, const std::string& detail)
      : std::runtime_error("Syntax error at line " + std::to_string(pos.line + 1) + " column " +
                           std::to_string(pos.column + 1) + ": " + detail),
        pos_(pos),
        detail_(detail) {}
  // 0-based position; add 1 to line and column to print.
  const SourcePos& pos() const { return pos_; }
  // The message without the position prefix, e.g. `expected "}", found "."`.
  const std::string& detail() const { return detail_; }

 private:
  SourcePos pos_;
  std::string detail_;
};

}  // namespace ng::sparql
