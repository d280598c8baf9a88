#include "sparql/eval/functions.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "rdf/iri.hpp"
#include "rdf/vocab.hpp"
#include "sparql/eval/datetime.hpp"
#include "sparql/eval/hash.hpp"
#include "sparql/eval/numeric.hpp"
#include "store/world.hpp"

namespace ng::sparql {

using rdf::Term;
using rdf::TermView;

namespace {

using Result = std::optional<Term>;

bool is_simple(const TermView& t) {
  return t.is_literal() && t.lang.empty() &&
         (t.datatype.empty() || t.datatype == vocab::kXsdString);
}
bool is_lang(const TermView& t) { return t.is_literal() && !t.lang.empty(); }
// A string literal in the sense of §17.4.3: simple, xsd:string or language-tagged.
bool is_string_lit(const TermView& t) { return is_simple(t) || is_lang(t); }

std::optional<bool> parse_boolean(const TermView& t) {
  if (!t.is_literal() || t.datatype != vocab::kXsdBoolean) return std::nullopt;
  if (t.value == "true" || t.value == "1") return true;
  if (t.value == "false" || t.value == "0") return false;
  return std::nullopt;
}

std::optional<DateTime> parse_dt(const TermView& t) {
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype == vocab::kXsdDateTime) return parse_datetime(t.value);
  if (t.datatype == vocab::kXsdDate) return parse_date(t.value);
  return std::nullopt;
}

// A literal whose value the engine understands (§17.3.1 "unknown types" are the rest).
bool is_known_literal(const TermView& t) {
  if (is_string_lit(t)) return true;
  if (parse_numeric(t)) return true;
  if (parse_boolean(t)) return true;
  if (parse_dt(t)) return true;
  return false;
}

Term string_like(const TermView& model, std::string value) {
  return Term::literal(value, {}, model.lang);
}

Term simple(std::string value) { return Term::literal(value); }

// Two string arguments are compatible (§17.4.3.1.2) when both are simple/xsd:string, both carry
// the same language tag, or the first is tagged and the second is simple/xsd:string.
bool compatible(const TermView& a, const TermView& b) {
  if (!is_string_lit(a) || !is_string_lit(b)) return false;
  if (is_simple(b)) return true;
  return is_lang(a) && a.lang == b.lang;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Byte offset of the code point with index `cp` (clamped to the end).
std::size_t utf8_offset(std::string_view s, std::size_t cp) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) {
      if (n == cp) return k;
      ++n;
    }
  }
  return s.size();
}

std::string ucase(std::string_view s, bool upper) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (upper) {
    u.toUpper();
  } else {
    u.toLower();
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

double xpath_round(double x) { return std::floor(x + 0.5); }

Result substr(std::span<const TermView> args) {
  if (!is_string_lit(args[0])) return std::nullopt;
  auto start = parse_numeric(args[1]);
  if (!start) return std::nullopt;
  std::optional<Numeric> len;
  if (args.size() > 2) {
    len = parse_numeric(args[2]);
    if (!len) return std::nullopt;
  }
  std::string_view s = args[0].value;
  double rs = xpath_round(start->to_double());
  double end = len ? rs + xpath_round(len->to_double()) : INFINITY;
  std::string out;
  std::size_t n = utf8_length(s);
  if (std::isnan(rs) || std::isnan(end)) return string_like(args[0], "");
  for (std::size_t p = 1; p <= n; ++p) {
    double dp = static_cast<double>(p);
    if (dp >= rs && dp < end) {
      std::size_t from = utf8_offset(s, p - 1), to = utf8_offset(s, p);
      out.append(s.substr(from, to - from));
    }
  }
  return string_like(args[0], out);
}

std::string encode_for_uri(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// XPath's "x" flag: whitespace in the pattern is removed, except inside character classes.
std::string strip_regex_whitespace(std::string_view pattern) {
  std::string out;
  int depth = 0;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    char c = pattern[k];
    if (c == '\\' && k + 1 < pattern.size()) {
      out += c;
      out += pattern[++k];
      continue;
    }
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if (depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
    out += c;
  }
  return out;
}

Result regex_fn(std::span<const TermView> args, FunctionContext& ctx) {
  if (!is_string_lit(args[0]) || !is_simple(args[1])) return std::nullopt;
  std::string_view flags;
  if (args.size() > 2) {
    if (!is_simple(args[2])) return std::nullopt;
    flags = args[2].value;
  }
  const icu::RegexPattern* re = ctx.regex(args[1].value, flags);
  if (!re) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = to_unicode(args[0].value);
  std::unique_ptr<icu::RegexMatcher> m(re->matcher(input, status));
  if (U_FAILURE(status)) return std::nullopt;
  bool found = m->find(status);
  if (U_FAILURE(status)) return std::nullopt;
  return make_boolean(found);
}

Result replace_fn(std::span<const TermView> args, FunctionContext& ctx) {
  if (!is_string_lit(args[0]) || !is_simple(args[1]) || !is_simple(args[2])) return std::nullopt;
  std::string_view flags;
  if (args.size() > 3) {
    if (!is_simple(args[3])) return std::nullopt;
    flags = args[3].value;
  }
  const icu::RegexPattern* re = ctx.regex(args[1].value, flags);
  if (!re) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  // XPath fn:replace: a pattern that matches the empty string is an error (FORX0003).
  icu::UnicodeString empty;
  std::unique_ptr<icu::RegexMatcher> probe(re->matcher(empty, status));
  if (U_FAILURE(status) || probe->matches(status)) return std::nullopt;
  icu::UnicodeString input = to_unicode(args[0].value);
  std::unique_ptr<icu::RegexMatcher> m(re->matcher(input, status));
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString out = m->replaceAll(to_unicode(args[2].value), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string s;
  out.toUTF8String(s);
  return string_like(args[0], s);
}

bool lang_matches(std::string_view tag, std::string_view range) {
  if (range == "*") return !tag.empty();
  std::string t = rdf::lowercase_ascii(tag), r = rdf::lowercase_ascii(range);
  if (t == r) return true;
  return t.size() > r.size() && t.starts_with(r) && t[r.size()] == '-';
}

Result numeric_binary(ArithOp op, const TermView& a, const TermView& b) {
  auto x = parse_numeric(a), y = parse_numeric(b);
  if (!x || !y) return std::nullopt;
  auto r = arith(op, *x, *y);
  if (!r) return std::nullopt;
  return to_term(*r);
}

// The accessors take xsd:dateTime (§17.4.5) and, as Jena and Oxigraph do, xsd:date for
// YEAR, MONTH, DAY, TIMEZONE and TZ (news data often dates articles by day).
Result datetime_part(Op op, const TermView& t) {
  if (!t.is_literal()) return std::nullopt;
  std::optional<DateTime> dt;
  if (t.datatype == vocab::kXsdDateTime) {
    dt = parse_datetime(t.value);
  } else if (t.datatype == vocab::kXsdDate && op != Op::Hours && op != Op::Minutes &&
             op != Op::Seconds) {
    dt = parse_date(t.value);
  }
  if (!dt) return std::nullopt;
  auto integer = [](std::int64_t v) {
    return Term::literal(std::to_string(v), vocab::kXsdInteger);
  };
  switch (op) {
    case Op::Year:
      return integer(dt->year);
    case Op::Month:
      return integer(dt->month);
    case Op::Day:
      return integer(dt->day);
    case Op::Hours:
      return integer(dt->hour);
    case Op::Minutes:
      return integer(dt->minute);
    case Op::Seconds: {
      std::string lex = (dt->second < 10 ? "0" : "") + std::to_string(dt->second);
      if (!dt->fraction.empty()) lex += "." + dt->fraction;
      auto v = parse_decimal_lexical(lex);
      if (!v) return std::nullopt;
      return to_term(Numeric::decimal_scaled(*v));
    }
    case Op::Timezone:
      if (!dt->tz_minutes) return std::nullopt;
      return Term::literal(timezone_duration(*dt->tz_minutes),
                           "http://www.w3.org/2001/XMLSchema#dayTimeDuration");
    case Op::Tz:
      return simple(tz_string(*dt));
    default:
      return std::nullopt;
  }
}

int literal_class(const TermView& t) {
  if (parse_numeric(t)) return 0;
  if (is_simple(t)) return 1;
  if (parse_boolean(t)) return 2;
  if (parse_dt(t)) return 3;
  if (is_lang(t)) return 4;
  return 5;
}

std::string_view trim_ws(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The XPath string value of a number (fn:string): integers and decimals without a trailing ".0",
// doubles and floats in plain decimal notation between 1e-6 and 1e6, scientific otherwise.
std::string xpath_string(const Numeric& n) {
  switch (n.type) {
    case NumType::Integer:
      return canonical_lexical(n);
    case NumType::Decimal: {
      std::string s = canonical_lexical(n);
      if (s.ends_with(".0")) s.resize(s.size() - 2);
      return s;
    }
    default: {
      double d = n.d;
      double a = std::fabs(d);
      if (std::isnan(d) || std::isinf(d) || (a != 0 && (a < 1e-6 || a >= 1e6))) {
        return canonical_lexical(n);
      }
      if (d == 0) return std::signbit(d) ? "-0" : "0";
      char buf[64];
      std::to_chars_result res =
          n.type == NumType::Float
              ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(d),
                              std::chars_format::fixed)
              : std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
      return std::string(buf, res.ptr);
    }
  }
}

// Length of the "-?YYYY-MM-DD" prefix of a valid date or dateTime lexical form.
std::size_t date_part_length(std::string_view lex) {
  std::size_t year_end = lex.find('-', lex.starts_with("-") ? 1 : 0);
  return year_end == std::string_view::npos ? lex.size() : std::min(lex.size(), year_end + 6);
}

// §17.5 casts. The source is an IRI (only to xsd:string) or a literal.
Result cast_to(std::string_view target, const TermView& v) {
  using namespace vocab;
  if (v.is_blank()) return std::nullopt;
  if (target == kXsdString) {
    // XPath casts to string print the canonical form of numbers and booleans.
    if (auto n = parse_numeric(v)) return simple(xpath_string(*n));
    if (auto b = parse_boolean(v)) return simple(*b ? "true" : "false");
    return simple(std::string(v.value));
  }
  if (v.is_iri() || is_lang(v)) return std::nullopt;
  auto num = parse_numeric(v);
  auto boolean = parse_boolean(v);
  bool from_string = is_simple(v);
  // A literal of a known numeric/boolean type with an invalid lexical form cannot be cast.
  if (!from_string && !num && !boolean && v.datatype != kXsdDateTime && v.datatype != kXsdDate) {
    return std::nullopt;
  }
  std::string_view lex = trim_ws(v.value);
  if (target == kXsdInteger || target == kXsdDecimal || target == kXsdFloat ||
      target == kXsdDouble) {
    NumType to = target == kXsdInteger   ? NumType::Integer
                 : target == kXsdDecimal ? NumType::Decimal
                 : target == kXsdFloat   ? NumType::Float
                                         : NumType::Double;
    std::optional<Numeric> src;
    if (num) {
      src = num;
    } else if (boolean) {
      src = Numeric::integer(*boolean ? 1 : 0);
    } else if (from_string) {
      if (to == NumType::Integer) {
        if (auto i = parse_integer_lexical(lex)) src = Numeric::integer(*i);
      } else if (to == NumType::Decimal) {
        if (auto d = parse_decimal_lexical(lex)) src = Numeric::decimal_scaled(*d);
      } else if (auto d = parse_double_lexical(lex)) {
        src = Numeric::dbl(*d);
      }
    }
    if (!src) return std::nullopt;
    auto out = convert(*src, to);
    if (!out) return std::nullopt;
    return to_term(*out);
  }
  if (target == kXsdBoolean) {
    if (boolean) return make_boolean(*boolean);
    if (num) {
      double d = num->to_double();
      return make_boolean(!(d == 0 || std::isnan(d)));
    }
    if (from_string) {
      if (lex == "true" || lex == "1") return make_boolean(true);
      if (lex == "false" || lex == "0") return make_boolean(false);
    }
    return std::nullopt;
  }
  if (target == kXsdDateTime) {
    if (v.datatype == kXsdDateTime || from_string) {
      if (parse_datetime(lex)) return Term::literal(lex, kXsdDateTime);
      return std::nullopt;
    }
    if (v.datatype == kXsdDate) {
      auto d = parse_date(lex);
      if (!d) return std::nullopt;
      std::size_t end = date_part_length(lex);
      return Term::literal(
          std::string(lex.substr(0, end)) + "T00:00:00" + std::string(lex.substr(end)),
          kXsdDateTime);
    }
    return std::nullopt;
  }
  // Not one of §17.5's casts, but the common way to get the day of a dateTime (Jena, Oxigraph).
  if (target == kXsdDate) {
    if (v.datatype == kXsdDate || from_string) {
      if (parse_date(lex)) return Term::literal(lex, kXsdDate);
      return std::nullopt;
    }
    if (v.datatype == kXsdDateTime) {
      auto dt = parse_datetime(lex);
      if (!dt) return std::nullopt;
      return Term::literal(std::string(lex.substr(0, date_part_length(lex))) + tz_string(*dt),
                           kXsdDate);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

// --- FunctionContext ---------------------------------------------------------------------------

FunctionContext::FunctionContext(store::World* world, std::string base_iri, std::uint64_t seed)
    : world_(world), base_iri_(std::move(base_iri)), now_(now_lexical()) {
  if (seed == 0) {
    seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
           std::random_device{}();
  }
  rng_.seed(seed);
}

FunctionContext::~FunctionContext() = default;

std::string FunctionContext::fresh_bnode() {
  if (world_) return world_->fresh_blank_label();
  return "f" + std::to_string(++local_blank_counter_);
}

std::string FunctionContext::bnode_for(std::string_view label) {
  auto it = bnode_labels_.find(std::string(label));
  if (it != bnode_labels_.end()) return it->second;
  std::string fresh = fresh_bnode();
  bnode_labels_.emplace(std::string(label), fresh);
  return fresh;
}

double FunctionContext::rand() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }

std::string FunctionContext::uuid() {
  std::uint64_t hi = rng_(), lo = rng_();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

const icu::RegexPattern* FunctionContext::regex(std::string_view pattern, std::string_view flags) {
  auto key = std::make_pair(std::string(pattern), std::string(flags));
  auto it = regex_cache_.find(key);
  if (it != regex_cache_.end()) return it->second.get();
  uint32_t bits = 0;
  for (char f : flags) {
    switch (f) {
      case 'i':
        bits |= UREGEX_CASE_INSENSITIVE;
        break;
      case 's':
        bits |= UREGEX_DOTALL;
        break;
      case 'm':
        bits |= UREGEX_MULTILINE;
        break;
      case 'x':
        break;  // whitespace is removed below (ICU's comment mode would also drop "#...")
      case 'q':
        bits |= UREGEX_LITERAL;
        break;
      default:
        regex_cache_.emplace(key, nullptr);
        return nullptr;
    }
  }
  std::string source(pattern);
  if (flags.find('x') != std::string_view::npos && !(bits & UREGEX_LITERAL)) {
    source = strip_regex_whitespace(pattern);
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr;
  std::unique_ptr<icu::RegexPattern> re(
      icu::RegexPattern::compile(to_unicode(source), bits, perr, status));
  if (U_FAILURE(status)) re.reset();
  const icu::RegexPattern* raw = re.get();
  regex_cache_.emplace(key, std::move(re));
  return raw;
}

// --- Values and comparisons ----------------------------------------------------------------------

Term make_boolean(bool value) {
  return Term::literal(value ? "true" : "false", vocab::kXsdBoolean);
}

std::optional<bool> effective_boolean_value(const TermView& t) {
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype == vocab::kXsdBoolean) return parse_boolean(t).value_or(false);
  if (is_numeric_datatype(t.datatype)) {
    auto n = parse_numeric(t);
    if (!n) return false;
    double d = n->to_double();
    if (n->type == NumType::Integer || n->type == NumType::Decimal) return n->i != 0;
    return !(d == 0 || std::isnan(d));
  }
  if (is_simple(t)) return !t.value.empty();
  return std::nullopt;
}

std::optional<int> values_compare(const TermView& a, const TermView& b) {
  if (!a.is_literal() || !b.is_literal()) return std::nullopt;
  if (auto x = parse_numeric(a)) {
    if (auto y = parse_numeric(b)) return compare(*x, *y);
    return std::nullopt;
  }
  if (is_simple(a) && is_simple(b)) {
    int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (auto x = parse_boolean(a)) {
    if (auto y = parse_boolean(b)) return static_cast<int>(*x) - static_cast<int>(*y);
    return std::nullopt;
  }
  if (a.datatype == b.datatype) {
    auto x = parse_dt(a), y = parse_dt(b);
    if (x && y) return compare(*x, *y);
  }
  return std::nullopt;
}

std::optional<bool> values_equal(const TermView& a, const TermView& b) {
  if (a.is_literal() && b.is_literal()) {
    // A language-tagged literal equals only itself (W3C open-eq-08: "xyz"@en !=
    // "xyz"^^xsd:integer).
    if (is_lang(a) || is_lang(b))
      return a.lang == b.lang && a.value == b.value && a.datatype == b.datatype;
    bool both_known = is_known_literal(a) && is_known_literal(b);
    if (both_known) {
      if (a.datatype == b.datatype) {
        auto x = parse_dt(a), y = parse_dt(b);
        if (x && y) {
          auto c = compare(*x, *y);
          if (!c) return std::nullopt;  // indeterminate: one side has no timezone
          return *c == 0;
        }
      }
      if (auto c = values_compare(a, b)) return *c == 0;
      // NaN compares unequal to everything; other pairs are different types of known values.
      return false;
    }
    if (a.value == b.value && a.datatype == b.datatype && a.lang == b.lang) return true;
    return std::nullopt;  // RDFterm-equal: a type error for literals that are not the same term
  }
  return a.kind == b.kind && a.value == b.value;
}

int order_compare(const TermView& a, const TermView& b) {
  auto rank = [](const TermView& t) { return t.is_blank() ? 0 : (t.is_iri() ? 1 : 2); };
  int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  auto cmp = [](std::string_view x, std::string_view y) {
    int c = x.compare(y);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  };
  if (!a.is_literal()) return cmp(a.value, b.value);
  int ca = literal_class(a), cb = literal_class(b);
  if (ca != cb) return ca < cb ? -1 : 1;
  if (auto c = values_compare(a, b); c && *c != 0) return *c;
  if (int c = cmp(a.value, b.value)) return c;
  if (int c = cmp(a.datatype, b.datatype)) return c;
  return cmp(a.lang, b.lang);
}

// --- IRIs ----------------------------------------------------------------------------------------

bool is_absolute_iri(std::string_view iri) { return rdf::has_scheme(iri); }

namespace {}  // namespace

// --- Functions -----------------------------------------------------------------------------------

std::optional<Term> call_function(Op op, std::span<const TermView> args, FunctionContext& ctx) {
  auto arity = [&](std::size_t lo, std::size_t hi) {
    return args.size() >= lo && args.size() <= hi;
  };
  switch (op) {
    case Op::Not: {
      if (!arity(1, 1)) return std::nullopt;
      auto b = effective_boolean_value(args[0]);
      if (!b) return std::nullopt;
      return make_boolean(!*b);
    }
    case Op::Equal:
    case Op::NotEqual: {
      if (!arity(2, 2)) return std::nullopt;
      auto e = values_equal(args[0], args[1]);
      if (!e) return std::nullopt;
      return make_boolean(op == Op::Equal ? *e : !*e);
    }
    case Op::Less:
    case Op::Greater:
    case Op::LessOrEqual:
    case Op::GreaterOrEqual: {
      if (!arity(2, 2)) return std::nullopt;
      auto c = values_compare(args[0], args[1]);
      if (!c) return std::nullopt;
      bool r = op == Op::Less          ? *c < 0
               : op == Op::Greater     ? *c > 0
               : op == Op::LessOrEqual ? *c <= 0
                                       : *c >= 0;
      return make_boolean(r);
    }
    case Op::Plus:
      if (!arity(2, 2)) return std::nullopt;
      return numeric_binary(ArithOp::Add, args[0], args[1]);
    case Op::Minus:
      if (!arity(2, 2)) return std::nullopt;
      return numeric_binary(ArithOp::Sub, args[0], args[1]);
    case Op::Multiply:
      if (!arity(2, 2)) return std::nullopt;
      return numeric_binary(ArithOp::Mul, args[0], args[1]);
    case Op::Divide:
      if (!arity(2, 2)) return std::nullopt;
      return numeric_binary(ArithOp::Div, args[0], args[1]);
    case Op::UnaryPlus:
    case Op::UnaryMinus: {
      if (!arity(1, 1)) return std::nullopt;
      auto n = parse_numeric(args[0]);
      if (!n) return std::nullopt;
      if (op == Op::UnaryPlus) return to_term(*n);
      auto r = negate(*n);
      if (!r) return std::nullopt;
      return to_term(*r);
    }
    case Op::SameTerm:
      if (!arity(2, 2)) return std::nullopt;
      return make_boolean(args[0] == args[1]);
    case Op::IsIri:
      if (!arity(1, 1)) return std::nullopt;
      return make_boolean(args[0].is_iri());
    case Op::IsBlank:
      if (!arity(1, 1)) return std::nullopt;
      return make_boolean(args[0].is_blank());
    case Op::IsLiteral:
      if (!arity(1, 1)) return std::nullopt;
      return make_boolean(args[0].is_literal());
    case Op::IsNumeric:
      if (!arity(1, 1)) return std::nullopt;
      return make_boolean(parse_numeric(args[0]).has_value());
    case Op::Str:
      if (!arity(1, 1) || args[0].is_blank()) return std::nullopt;
      return simple(std::string(args[0].value));
    case Op::Lang:
      if (!arity(1, 1) || !args[0].is_literal()) return std::nullopt;
      return simple(std::string(args[0].lang));
    case Op::Datatype:
      if (!arity(1, 1) || !args[0].is_literal()) return std::nullopt;
      return Term::iri(args[0].effective_datatype());
    case Op::Iri: {
      if (!arity(1, 1)) return std::nullopt;
      if (args[0].is_iri()) return Term::iri(args[0].value);
      if (!is_simple(args[0])) return std::nullopt;
      std::string iri = rdf::resolve_iri(ctx.base_iri(), args[0].value);
      if (!is_absolute_iri(iri)) return std::nullopt;
      return Term::iri(iri);
    }
    case Op::Bnode: {
      if (args.empty()) return Term::blank(ctx.fresh_bnode());
      if (!arity(1, 1) || !is_simple(args[0])) return std::nullopt;
      return Term::blank(ctx.bnode_for(args[0].value));
    }
    case Op::StrDt:
      if (!arity(2, 2) || !is_simple(args[0]) || !args[1].is_iri()) return std::nullopt;
      return Term::literal(args[0].value, args[1].value);
    case Op::StrLang:
      if (!arity(2, 2) || !is_simple(args[0]) || !is_simple(args[1]) || args[1].value.empty()) {
        return std::nullopt;
      }
      return Term::literal(args[0].value, {}, args[1].value);
    case Op::Uuid:
      return Term::iri("urn:uuid:" + ctx.uuid());
    case Op::StrUuid:
      return simple(ctx.uuid());
    case Op::StrLen:
      if (!arity(1, 1) || !is_string_lit(args[0])) return std::nullopt;
      return Term::literal(std::to_string(utf8_length(args[0].value)), vocab::kXsdInteger);
    case Op::SubStr:
      if (!arity(2, 3)) return std::nullopt;
      return substr(args);
    case Op::UCase:
    case Op::LCase:
      if (!arity(1, 1) || !is_string_lit(args[0])) return std::nullopt;
      return string_like(args[0], ucase(args[0].value, op == Op::UCase));
    case Op::StrStarts:
    case Op::StrEnds:
    case Op::Contains: {
      if (!arity(2, 2) || !compatible(args[0], args[1])) return std::nullopt;
      std::string_view s = args[0].value, t = args[1].value;
      bool r = op == Op::StrStarts ? s.starts_with(t)
               : op == Op::StrEnds ? s.ends_with(t)
                                   : s.find(t) != std::string_view::npos;
      return make_boolean(r);
    }
    case Op::StrBefore:
    case Op::StrAfter: {
      if (!arity(2, 2) || !compatible(args[0], args[1])) return std::nullopt;
      std::string_view s = args[0].value, t = args[1].value;
      std::size_t pos = s.find(t);
      if (pos == std::string_view::npos) return simple("");
      if (op == Op::StrBefore) return string_like(args[0], std::string(s.substr(0, pos)));
      return string_like(args[0], std::string(s.substr(pos + t.size())));
    }
    case Op::EncodeForUri:
      if (!arity(1, 1) || !is_string_lit(args[0])) return std::nullopt;
      return simple(encode_for_uri(args[0].value));
    case Op::Concat: {
      std::string out;
      std::optional<std::string_view> lang;
      bool same_lang = true;
      for (const TermView& a : args) {
        if (!is_string_lit(a)) return std::nullopt;
        out.append(a.value);
        if (!lang) {
          lang = a.lang;
        } else if (*lang != a.lang) {
          same_lang = false;
        }
      }
      if (same_lang && lang && !lang->empty()) return Term::literal(out, {}, *lang);
      return simple(out);
    }
    case Op::LangMatches:
      if (!arity(2, 2) || !is_simple(args[0]) || !is_simple(args[1])) return std::nullopt;
      return make_boolean(lang_matches(args[0].value, args[1].value));
    case Op::Regex:
      if (!arity(2, 3)) return std::nullopt;
      return regex_fn(args, ctx);
    case Op::Replace:
      if (!arity(3, 4)) return std::nullopt;
      return replace_fn(args, ctx);
    case Op::Abs:
    case Op::Round:
    case Op::Ceil:
    case Op::Floor: {
      if (!arity(1, 1)) return std::nullopt;
      auto n = parse_numeric(args[0]);
      if (!n) return std::nullopt;
      RoundOp r = op == Op::Abs     ? RoundOp::Abs
                  : op == Op::Round ? RoundOp::Round
                  : op == Op::Ceil  ? RoundOp::Ceil
                                    : RoundOp::Floor;
      auto out = round_op(r, *n);
      if (!out) return std::nullopt;
      return to_term(*out);
    }
    case Op::Rand:
      return to_term(Numeric::dbl(ctx.rand()));
    case Op::Now:
      return Term::literal(ctx.now(), vocab::kXsdDateTime);
    case Op::Year:
    case Op::Month:
    case Op::Day:
    case Op::Hours:
    case Op::Minutes:
    case Op::Seconds:
    case Op::Timezone:
    case Op::Tz:
      if (!arity(1, 1)) return std::nullopt;
      return datetime_part(op, args[0]);
    case Op::Md5:
    case Op::Sha1:
    case Op::Sha256:
    case Op::Sha384:
    case Op::Sha512: {
      if (!arity(1, 1) || !is_simple(args[0])) return std::nullopt;
      HashAlgo algo = op == Op::Md5      ? HashAlgo::Md5
                      : op == Op::Sha1   ? HashAlgo::Sha1
                      : op == Op::Sha256 ? HashAlgo::Sha256
                      : op == Op::Sha384 ? HashAlgo::Sha384
                                         : HashAlgo::Sha512;
      return simple(hex_digest(algo, args[0].value));
    }
    case Op::Or:
    case Op::And:
    case Op::In:
    case Op::NotIn:
    case Op::Bound:
    case Op::If:
    case Op::Coalesce:
      return std::nullopt;  // special forms: evaluated by the evaluator
  }
  return std::nullopt;
}

std::optional<Term> call_iri_function(std::string_view iri, std::span<const TermView> args) {
  if (args.size() != 1) return std::nullopt;
  return cast_to(iri, args[0]);
}

}  // namespace ng::sparql
