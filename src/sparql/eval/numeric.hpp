// Numeric values of XSD literals with SPARQL's type promotion (§17.3, XPath op:numeric-*).
//
// Representation: xsd:integer (and its derived types) as __int128; xsd:decimal as __int128
// scaled by 10^18 (exact for the decimals queries write; ~1.7e20 range); float and double as
// double (float results rounded through float). Overflow is an error, like a type error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.hpp"

namespace ng::sparql {

// 128-bit integers (a GCC extension; __extension__ keeps -Wpedantic quiet).
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

enum class NumType { Integer, Decimal, Float, Double };

struct Numeric {
  NumType type = NumType::Integer;
  Int128 i = 0;  // Integer: the value; Decimal: value * 10^18
  double d = 0;  // Float, Double

  static Numeric integer(Int128 v) { return {NumType::Integer, v, 0}; }
  static Numeric decimal_scaled(Int128 v) { return {NumType::Decimal, v, 0}; }
  static Numeric dbl(double v) { return {NumType::Double, 0, v}; }
  static Numeric flt(double v) {
    return {NumType::Float, 0, static_cast<double>(static_cast<float>(v))};
  }
  double to_double() const;
};

inline constexpr Int128 kDecimalScale = 1'000'000'000'000'000'000;  // 10^18

// True for xsd:integer, decimal, float, double and the XSD types derived from integer.
bool is_numeric_datatype(std::string_view datatype);
// The numeric value of a literal; nullopt if not a numeric literal or its lexical form is invalid
// (or out of range for a derived integer type).
std::optional<Numeric> parse_numeric(const rdf::TermView& term);
// Parsers of lexical forms (leading/trailing XML whitespace is not accepted here).
std::optional<Int128> parse_integer_lexical(std::string_view text);
std::optional<Int128> parse_decimal_lexical(std::string_view text);  // scaled by 10^18
std::optional<double> parse_double_lexical(std::string_view text);

// Arithmetic with promotion; nullopt on overflow, division by zero of integer/decimal.
enum class ArithOp { Add, Sub, Mul, Div };
std::optional<Numeric> arith(ArithOp op, const Numeric& a, const Numeric& b);
std::optional<Numeric> negate(const Numeric& a);
// -1, 0, 1; nullopt when a NaN takes part.
std::optional<int> compare(const Numeric& a, const Numeric& b);

enum class RoundOp { Abs, Ceil, Floor, Round };
std::optional<Numeric> round_op(RoundOp op, const Numeric& a);
// Conversions between numeric types (for casts); nullopt if not representable.
std::optional<Numeric> convert(const Numeric& a, NumType to);

// The canonical literal, e.g. "5"^^xsd:integer, "1.5"^^xsd:decimal, "1.0E0"^^xsd:double.
rdf::Term to_term(const Numeric& n);
std::string canonical_lexical(const Numeric& n);
std::string_view datatype_of(NumType type);
std::string int128_to_string(Int128 v);

}  // namespace ng::sparql
