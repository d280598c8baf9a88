#include "sparql/eval/numeric.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "rdf/vocab.hpp"

namespace ng::sparql {
namespace {

constexpr Int128 kInt128Max = static_cast<Int128>(~static_cast<UInt128>(0) >> 1);

struct IntegerType {
  std::string_view local;
  Int128 min;
  Int128 max;
};

constexpr Int128 kNoMin = -kInt128Max;
constexpr Int128 kNoMax = kInt128Max;

// xsd:integer and the types derived from it, with their value ranges.
constexpr IntegerType kIntegerTypes[] = {
    {"integer", kNoMin, kNoMax},
    {"long", -(static_cast<Int128>(1) << 63), (static_cast<Int128>(1) << 63) - 1},
    {"int", -(static_cast<Int128>(1) << 31), (static_cast<Int128>(1) << 31) - 1},
    {"short", -32768, 32767},
    {"byte", -128, 127},
    {"nonNegativeInteger", 0, kNoMax},
    {"positiveInteger", 1, kNoMax},
    {"nonPositiveInteger", kNoMin, 0},
    {"negativeInteger", kNoMin, -1},
    {"unsignedLong", 0, (static_cast<Int128>(1) << 64) - 1},
    {"unsignedInt", 0, (static_cast<Int128>(1) << 32) - 1},
    {"unsignedShort", 0, 65535},
    {"unsignedByte", 0, 255},
};

const IntegerType* integer_type(std::string_view datatype) {
  if (!datatype.starts_with(vocab::kXsd)) return nullptr;
  std::string_view local = datatype.substr(vocab::kXsd.size());
  for (const auto& t : kIntegerTypes) {
    if (t.local == local) return &t;
  }
  return nullptr;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<Int128> pow10(int n) {
  Int128 r = 1;
  for (int k = 0; k < n; ++k) {
    if (__builtin_mul_overflow(r, 10, &r)) return std::nullopt;
  }
  return r;
}

std::optional<Int128> to_decimal_scaled(const Numeric& n) {
  switch (n.type) {
    case NumType::Integer: {
      Int128 r;
      if (__builtin_mul_overflow(n.i, kDecimalScale, &r)) return std::nullopt;
      return r;
    }
    case NumType::Decimal:
      return n.i;
    default: {
      if (!std::isfinite(n.d)) return std::nullopt;
      long double scaled = static_cast<long double>(n.d) * 1e18L;
      if (std::fabs(scaled) >= 1.7e38L) return std::nullopt;
      // Round through the shortest decimal form of the double to avoid binary noise.
      char buf[64];
      auto res = std::to_chars(buf, buf + sizeof buf, n.d, std::chars_format::fixed);
      auto parsed =
          parse_decimal_lexical(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
      if (parsed) return parsed;
      return static_cast<Int128>(scaled);
    }
  }
}

double decimal_to_double(Int128 scaled) {
  return static_cast<double>(static_cast<long double>(scaled) / 1e18L);
}

// (a * b) / 10^18 for scaled decimals, without intermediate overflow where the result fits.
std::optional<Int128> decimal_mul(Int128 a, Int128 b) {
  if (a == -kInt128Max - 1 || b == -kInt128Max - 1) return std::nullopt;
  bool neg = (a < 0) != (b < 0);
  UInt128 ua = a < 0 ? static_cast<UInt128>(-a) : static_cast<UInt128>(a);
  UInt128 ub = b < 0 ? static_cast<UInt128>(-b) : static_cast<UInt128>(b);
  const UInt128 s = static_cast<UInt128>(kDecimalScale);
  UInt128 a1 = ua / s, a0 = ua % s, b1 = ub / s, b0 = ub % s;
  UInt128 r = 0, t;
  if (__builtin_mul_overflow(a1, ub, &t)) return std::nullopt;
  r = t;
  if (__builtin_mul_overflow(a0, b1, &t)) return std::nullopt;
  if (__builtin_add_overflow(r, t, &r)) return std::nullopt;
  if (__builtin_add_overflow(r, a0 * b0 / s, &r)) return std::nullopt;
  if (r > static_cast<UInt128>(kInt128Max)) return std::nullopt;
  Int128 out = static_cast<Int128>(r);
  return neg ? -out : out;
}

// (a * 10^18) / b by long division, truncated at 18 fractional digits.
std::optional<Int128> decimal_div(Int128 a, Int128 b) {
  if (b == 0 || a == -kInt128Max - 1 || b == -kInt128Max - 1) return std::nullopt;
  bool neg = (a < 0) != (b < 0);
  UInt128 ua = a < 0 ? static_cast<UInt128>(-a) : static_cast<UInt128>(a);
  UInt128 ub = b < 0 ? static_cast<UInt128>(-b) : static_cast<UInt128>(b);
  UInt128 q = ua / ub, rem = ua % ub;
  UInt128 out;
  if (__builtin_mul_overflow(q, static_cast<UInt128>(kDecimalScale), &out)) return std::nullopt;
  UInt128 frac = 0;
  for (int k = 0; k < 18; ++k) {
    if (__builtin_mul_overflow(rem, 10u, &rem)) return std::nullopt;
    frac = frac * 10 + rem / ub;
    rem %= ub;
  }
  if (__builtin_add_overflow(out, frac, &out)) return std::nullopt;
  if (out > static_cast<UInt128>(kInt128Max)) return std::nullopt;
  Int128 r = static_cast<Int128>(out);
  return neg ? -r : r;
}

std::string format_double(double v, bool is_float) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  if (v == 0) return std::signbit(v) ? "-0.0E0" : "0.0E0";
  char buf[64];
  std::to_chars_result res =
      is_float ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v),
                               std::chars_format::scientific)
               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  auto e = s.find('e');
  std::string mant = s.substr(0, e);
  std::string exp = s.substr(e + 1);
  if (mant.find('.') == std::string::npos) mant += ".0";
  bool exp_neg = !exp.empty() && exp[0] == '-';
  if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) exp.erase(0, 1);
  while (exp.size() > 1 && exp[0] == '0') exp.erase(0, 1);
  return mant + "E" + (exp_neg ? "-" : "") + exp;
}

}  // namespace

double Numeric::to_double() const {
  switch (type) {
    case NumType::Integer:
      return static_cast<double>(i);
    case NumType::Decimal:
      return decimal_to_double(i);
    default:
      return d;
  }
}

std::string int128_to_string(Int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  UInt128 u = neg ? static_cast<UInt128>(-(v + 1)) + 1 : static_cast<UInt128>(v);
  std::string out;
  while (u > 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (neg) out.push_back('-');
  return {out.rbegin(), out.rend()};
}

bool is_numeric_datatype(std::string_view datatype) {
  return datatype == vocab::kXsdDecimal || datatype == vocab::kXsdFloat ||
         datatype == vocab::kXsdDouble || integer_type(datatype) != nullptr;
}

std::optional<Int128> parse_integer_lexical(std::string_view text) {
  size_t pos = 0;
  bool neg = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) neg = text[pos++] == '-';
  if (pos == text.size()) return std::nullopt;
  Int128 v = 0;
  for (; pos < text.size(); ++pos) {
    if (!is_digit(text[pos])) return std::nullopt;
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, text[pos] - '0', &v)) {
      return std::nullopt;
    }
  }
  return neg ? -v : v;
}

std::optional<Int128> parse_decimal_lexical(std::string_view text) {
  size_t pos = 0;
  bool neg = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) neg = text[pos++] == '-';
  Int128 int_part = 0, frac = 0;
  int int_digits = 0, frac_digits = 0;
  for (; pos < text.size() && is_digit(text[pos]); ++pos, ++int_digits) {
    if (__builtin_mul_overflow(int_part, 10, &int_part) ||
        __builtin_add_overflow(int_part, text[pos] - '0', &int_part)) {
      return std::nullopt;
    }
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    for (; pos < text.size() && is_digit(text[pos]); ++pos) {
      if (frac_digits < 18) {
        frac = frac * 10 + (text[pos] - '0');
        ++frac_digits;
      } else {
        ++frac_digits;  // digits beyond 10^-18 are dropped
      }
    }
  }
  if (pos != text.size() || (int_digits == 0 && frac_digits == 0)) return std::nullopt;
  int kept = frac_digits < 18 ? frac_digits : 18;
  Int128 scaled;
  if (__builtin_mul_overflow(int_part, kDecimalScale, &scaled)) return std::nullopt;
  scaled += frac * *pow10(18 - kept);
  return neg ? -scaled : scaled;
}

std::optional<double> parse_double_lexical(std::string_view text) {
  if (text == "INF" || text == "+INF") return std::numeric_limits<double>::infinity();
  if (text == "-INF") return -std::numeric_limits<double>::infinity();
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  // Validate the XSD grammar: sign? (digits (. digits?)? | . digits) ([eE] sign? digits)?
  size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  size_t digits = 0;
  while (pos < text.size() && is_digit(text[pos])) ++pos, ++digits;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    size_t exp_digits = 0;
    while (pos < text.size() && is_digit(text[pos])) ++pos, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  std::string_view body = text;
  if (body[0] == '+') body.remove_prefix(1);
  double v = 0;
  auto res = std::from_chars(body.data(), body.data() + body.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    // Overflow to infinity, underflow to zero, as XSD rounding does.
    bool neg = body[0] == '-';
    bool big = body.find_first_of("eE") != std::string_view::npos &&
               body[body.find_first_of("eE") + 1] != '-';
    v = big ? (neg ? -std::numeric_limits<double>::infinity()
                   : std::numeric_limits<double>::infinity())
            : (neg ? -0.0 : 0.0);
  } else if (res.ec != std::errc()) {
    return std::nullopt;
  }
  return v;
}

std::optional<Numeric> parse_numeric(const rdf::TermView& term) {
  if (!term.is_literal() || term.datatype.empty()) return std::nullopt;
  const std::string_view dt = term.datatype;
  if (dt == vocab::kXsdDecimal) {
    auto v = parse_decimal_lexical(term.value);
    if (!v) return std::nullopt;
    return Numeric::decimal_scaled(*v);
  }
  if (dt == vocab::kXsdDouble) {
    auto v = parse_double_lexical(term.value);
    if (!v) return std::nullopt;
    return Numeric::dbl(*v);
  }
  if (dt == vocab::kXsdFloat) {
    auto v = parse_double_lexical(term.value);
    if (!v) return std::nullopt;
    return Numeric::flt(*v);
  }
  if (const IntegerType* it = integer_type(dt)) {
    auto v = parse_integer_lexical(term.value);
    if (!v || *v < it->min || *v > it->max) return std::nullopt;
    return Numeric::integer(*v);
  }
  return std::nullopt;
}

std::optional<Numeric> convert(const Numeric& a, NumType to) {
  if (a.type == to) return a;
  switch (to) {
    case NumType::Integer: {
      if (a.type == NumType::Decimal) return Numeric::integer(a.i / kDecimalScale);
      if (!std::isfinite(a.d) || std::fabs(a.d) >= 1.7e38) return std::nullopt;
      return Numeric::integer(static_cast<Int128>(std::trunc(a.d)));
    }
    case NumType::Decimal: {
      auto v = to_decimal_scaled(a);
      if (!v) return std::nullopt;
      return Numeric::decimal_scaled(*v);
    }
    case NumType::Float:
      return Numeric::flt(a.to_double());
    case NumType::Double:
      return Numeric::dbl(a.to_double());
  }
  return std::nullopt;
}

std::optional<Numeric> arith(ArithOp op, const Numeric& a, const Numeric& b) {
  NumType t = a.type > b.type ? a.type : b.type;
  if (t == NumType::Integer && op == ArithOp::Div) t = NumType::Decimal;  // op:numeric-divide
  if (t == NumType::Float || t == NumType::Double) {
    double x = a.to_double(), y = b.to_double(), r = 0;
    if (t == NumType::Float) {
      float fx = static_cast<float>(x), fy = static_cast<float>(y), fr = 0;
      switch (op) {
        case ArithOp::Add:
          fr = fx + fy;
          break;
        case ArithOp::Sub:
          fr = fx - fy;
          break;
        case ArithOp::Mul:
          fr = fx * fy;
          break;
        case ArithOp::Div:
          fr = fx / fy;
          break;
      }
      return Numeric::flt(fr);
    }
    switch (op) {
      case ArithOp::Add:
        r = x + y;
        break;
      case ArithOp::Sub:
        r = x - y;
        break;
      case ArithOp::Mul:
        r = x * y;
        break;
      case ArithOp::Div:
        r = x / y;
        break;
    }
    return Numeric::dbl(r);
  }
  if (t == NumType::Integer) {
    Int128 r = 0;  // initialised: g++ 12 cannot see that every case sets it
    bool overflow = false;
    switch (op) {
      case ArithOp::Add:
        overflow = __builtin_add_overflow(a.i, b.i, &r);
        break;
      case ArithOp::Sub:
        overflow = __builtin_sub_overflow(a.i, b.i, &r);
        break;
      case ArithOp::Mul:
        overflow = __builtin_mul_overflow(a.i, b.i, &r);
        break;
      case ArithOp::Div:
        return std::nullopt;  // unreachable: promoted to decimal
    }
    if (overflow) return std::nullopt;
    return Numeric::integer(r);
  }
  auto x = to_decimal_scaled(a), y = to_decimal_scaled(b);
  if (!x || !y) return std::nullopt;
  std::optional<Int128> r;
  switch (op) {
    case ArithOp::Add: {
      Int128 v;
      if (!__builtin_add_overflow(*x, *y, &v)) r = v;
      break;
    }
    case ArithOp::Sub: {
      Int128 v;
      if (!__builtin_sub_overflow(*x, *y, &v)) r = v;
      break;
    }
    case ArithOp::Mul:
      r = decimal_mul(*x, *y);
      break;
    case ArithOp::Div:
      r = decimal_div(*x, *y);
      break;
  }
  if (!r) return std::nullopt;
  return Numeric::decimal_scaled(*r);
}

std::optional<Numeric> negate(const Numeric& a) {
  switch (a.type) {
    case NumType::Integer:
    case NumType::Decimal: {
      if (a.i == -kInt128Max - 1) return std::nullopt;  // -min does not fit
      Numeric r = a;
      r.i = -a.i;
      return r;
    }
    default: {
      Numeric r = a;
      r.d = -a.d;
      return r;
    }
  }
}

std::optional<int> compare(const Numeric& a, const Numeric& b) {
  NumType t = a.type > b.type ? a.type : b.type;
  if (t == NumType::Float || t == NumType::Double) {
    double x = a.to_double(), y = b.to_double();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (t == NumType::Integer) return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
  auto x = to_decimal_scaled(a), y = to_decimal_scaled(b);
  if (!x || !y) {
    double dx = a.to_double(), dy = b.to_double();
    return dx < dy ? -1 : (dx > dy ? 1 : 0);
  }
  return *x < *y ? -1 : (*x > *y ? 1 : 0);
}

std::optional<Numeric> round_op(RoundOp op, const Numeric& a) {
  switch (a.type) {
    case NumType::Integer:
      if (a.i == -kInt128Max - 1) return std::nullopt;
      if (op == RoundOp::Abs) return Numeric::integer(a.i < 0 ? -a.i : a.i);
      return a;
    case NumType::Decimal: {
      Int128 v = a.i;
      if (v <= -kInt128Max + kDecimalScale) return std::nullopt;  // floor/abs would overflow
      Int128 fl = v / kDecimalScale * kDecimalScale;
      if (v < 0 && fl != v) fl -= kDecimalScale;  // floor toward -inf
      switch (op) {
        case RoundOp::Abs:
          return Numeric::decimal_scaled(v < 0 ? -v : v);
        case RoundOp::Floor:
          return Numeric::decimal_scaled(fl);
        case RoundOp::Ceil:
          return Numeric::decimal_scaled(fl == v ? v : fl + kDecimalScale);
        case RoundOp::Round: {
          // fn:round rounds halves toward positive infinity.
          Int128 frac = v - fl;
          return Numeric::decimal_scaled(frac >= kDecimalScale / 2 ? fl + kDecimalScale : fl);
        }
      }
      return std::nullopt;
    }
    default: {
      double r = 0;
      switch (op) {
        case RoundOp::Abs:
          r = std::fabs(a.d);
          break;
        case RoundOp::Floor:
          r = std::floor(a.d);
          break;
        case RoundOp::Ceil:
          r = std::ceil(a.d);
          break;
        case RoundOp::Round:
          r = std::isfinite(a.d) ? std::floor(a.d + 0.5) : a.d;
          if (r == 0 && std::signbit(a.d)) r = -0.0;
          break;
      }
      Numeric out = a;
      out.d = r;
      return out;
    }
  }
}

std::string_view datatype_of(NumType type) {
  switch (type) {
    case NumType::Integer:
      return vocab::kXsdInteger;
    case NumType::Decimal:
      return vocab::kXsdDecimal;
    case NumType::Float:
      return vocab::kXsdFloat;
    case NumType::Double:
      return vocab::kXsdDouble;
  }
  return vocab::kXsdInteger;
}

std::string canonical_lexical(const Numeric& n) {
  switch (n.type) {
    case NumType::Integer:
      return int128_to_string(n.i);
    case NumType::Decimal: {
      Int128 v = n.i;
      bool neg = v < 0;
      UInt128 u = neg ? static_cast<UInt128>(-(v + 1)) + 1 : static_cast<UInt128>(v);
      UInt128 ip = u / static_cast<UInt128>(kDecimalScale);
      UInt128 fp = u % static_cast<UInt128>(kDecimalScale);
      std::string frac = int128_to_string(static_cast<Int128>(fp));
      frac = std::string(18 - frac.size(), '0') + frac;
      while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
      return (neg ? "-" : "") + int128_to_string(static_cast<Int128>(ip)) + "." + frac;
    }
    case NumType::Float:
      return format_double(n.d, true);
    case NumType::Double:
      return format_double(n.d, false);
  }
  return {};
}

rdf::Term to_term(const Numeric& n) {
  return rdf::Term::literal(canonical_lexical(n), datatype_of(n.type));
}

}  // namespace ng::sparql
