#include "sparql/parser/lexer.hpp"

#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <string>

#include "rdf/utf8.hpp"

namespace ng::sparql::detail {

namespace {

namespace x3 = boost::spirit::x3;

// A one-byte X3 primitive parser matching bytes for which `F` holds. Non-ASCII bytes of UTF-8
// sequences are accepted wherever the grammar allows non-ASCII characters (PN_CHARS_BASE and up).
template <typename F>
struct ByteIf : x3::parser<ByteIf<F>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  explicit ByteIf(F f) : f_(f) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last || !f_(static_cast<unsigned char>(*first))) return false;
    ++first;
    return true;
  }
  F f_;
};

template <typename F>
ByteIf<F> byte_if(F f) {
  return ByteIf<F>(f);
}

bool is_alpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Terminals of https://www.w3.org/TR/sparql11-query/#terminals
const auto pn_chars_base = byte_if([](unsigned char c) { return is_alpha(c) || c >= 0x80; });
const auto digit = byte_if(is_digit);
const auto hex = byte_if(is_hex);
const auto pn_chars_u = pn_chars_base | x3::lit('_');
const auto pn_chars = pn_chars_u | x3::lit('-') | digit;
const auto varname = (pn_chars_u | digit) >> *(pn_chars_u | digit);
const auto uchar = x3::lit('\\') >>
                   ((x3::lit('u') >> x3::repeat(4)[hex]) | (x3::lit('U') >> x3::repeat(8)[hex]));
const auto iriref = x3::lit('<') >> *(byte_if([](unsigned char c) {
                                        return c > 0x20 && c != '<' && c != '>' && c != '"' &&
                                               c != '{' && c != '}' && c != '|' && c != '^' &&
                                               c != '`' && c != '\\';
                                      }) |
                                      uchar) >>
                    x3::lit('>');
// PN_PREFIX and PN_LOCAL end with a character other than '.'; the caller trims trailing dots.
const auto pn_prefix = pn_chars_base >> *(pn_chars | x3::lit('.'));
const auto plx = (x3::lit('%') >> hex >> hex) |
                 (x3::lit('\\') >> byte_if([](unsigned char c) {
                    return std::string_view("_~.-!$&'()*+,;=/?#@%").find(static_cast<char>(c)) !=
                           std::string_view::npos;
                  }));
const auto pn_local = (pn_chars_u | x3::lit(':') | digit | plx) >>
                      *(pn_chars | x3::lit('.') | x3::lit(':') | plx);
const auto blank_label = x3::lit("_:") >> (pn_chars_u | digit) >> *(pn_chars | x3::lit('.'));
const auto langtag = x3::lit('@') >> +byte_if(is_alpha) >>
                     *(x3::lit('-') >>
                       +byte_if([](unsigned char c) { return is_alpha(c) || is_digit(c); }));
const auto exponent = byte_if([](unsigned char c) { return c == 'e' || c == 'E'; }) >>
                      -byte_if([](unsigned char c) { return c == '+' || c == '-'; }) >> +digit;
const auto double_lit = (+digit >> x3::lit('.') >> *digit >> exponent) |
                        (x3::lit('.') >> +digit >> exponent) | (+digit >> exponent);
const auto decimal_lit = *digit >> x3::lit('.') >> +digit;
const auto integer_lit = +digit;
const auto echar = x3::lit('\\') >> byte_if([](unsigned char c) {
                     return std::string_view("tbnrf\"'\\").find(static_cast<char>(c)) !=
                            std::string_view::npos;
                   });
const auto string1 = x3::lit('\'') >> *(byte_if([](unsigned char c) {
                                          return c != '\'' && c != '\\' && c != '\n' && c != '\r';
                                        }) |
                                        echar | uchar) >>
                     x3::lit('\'');
const auto string2 = x3::lit('"') >> *(byte_if([](unsigned char c) {
                                         return c != '"' && c != '\\' && c != '\n' && c != '\r';
                                       }) |
                                       echar | uchar) >>
                     x3::lit('"');
const auto long_string1 = x3::lit("'''") >>
                          *(-(x3::lit("''") | x3::lit('\'')) >>
                            (byte_if([](unsigned char c) { return c != '\'' && c != '\\'; }) |
                             echar | uchar)) >>
                          x3::lit("'''");
const auto long_string2 = x3::lit("\"\"\"") >>
                          *(-(x3::lit("\"\"") | x3::lit('"')) >>
                            (byte_if([](unsigned char c) { return c != '"' && c != '\\'; }) |
                             echar | uchar)) >>
                          x3::lit("\"\"\"");

// Length of the match of `rule` at `p`, or 0.
template <typename Rule>
std::size_t match(const Rule& rule, const char* p, const char* end) {
  const char* it = p;
  if (x3::parse(it, end, rule)) return static_cast<std::size_t>(it - p);
  return 0;
}

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or text.size().
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return i;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= text.size()) return i;
      const auto d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3Fu);
    }
    const bool overlong = (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += n + 1;
  }
  return text.size();
}

}  // namespace

struct Lexer::Impl {
  explicit Impl(std::string_view text) : text_(text), bad_utf8_(first_invalid_utf8(text)) {}

  Token next() {
    skip_space();
    if (i_ > bad_utf8_) fail(bad_utf8_, "invalid UTF-8");
    Token t;
    t.pos = pos_at(i_);
    if (i_ >= text_.size()) {
      t.kind = TokenKind::End;
      t.end = static_cast<std::uint32_t>(i_);
      return t;
    }
    lex_one(t);
    if (i_ > bad_utf8_) fail(bad_utf8_, "invalid UTF-8");
    t.end = static_cast<std::uint32_t>(i_);
    return t;
  }

 private:
  // Positions are computed incrementally: tokens come in increasing offsets.
  SourcePos pos_at(std::size_t offset) {
    for (; scan_ < offset && scan_ < text_.size(); ++scan_) {
      const auto c = static_cast<unsigned char>(text_[scan_]);
      if (c == '\n') {
        ++line_;
        column_ = 0;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return SourcePos{line_, column_, static_cast<std::uint32_t>(offset)};
  }

  [[noreturn]] void fail(std::size_t offset, const std::string& detail) {
    throw SyntaxError(pos_at(offset), detail);
  }

  void skip_space() {
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '#') {
        while (i_ < text_.size() && text_[i_] != '\n' && text_[i_] != '\r') ++i_;
      } else {
        return;
      }
    }
  }

  const char* at(std::size_t offset) const { return text_.data() + offset; }
  const char* end() const { return text_.data() + text_.size(); }

  // Decodes ECHAR (if `echars`) and UCHAR escapes of a matched string or IRI body.
  std::string unescape(std::size_t from, std::size_t to, bool echars) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
      const char c = text_[k];
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = text_[k + 1];
      if (e == 'u' || e == 'U') {
        const std::size_t n = e == 'u' ? 4 : 8;
        const auto cp = static_cast<std::uint32_t>(
            std::stoul(std::string(text_.substr(k + 2, n)), nullptr, 16));
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
          fail(k, "invalid code point escape \"" + std::string(text_.substr(k, n + 2)) + "\"");
        }
        rdf::append_utf8(out, cp);
        k += n + 1;
        continue;
      }
      if (!echars) {
        out += c;
        continue;
      }
      switch (e) {
        case 't':
          out += '\t';
          break;
        case 'b':
          out += '\b';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 'f':
          out += '\f';
          break;
        default:
          out += e;
          break;
      }
      ++k;
    }
    return out;
  }

  // Trims trailing '.' of a name match (PN_PREFIX, PN_LOCAL and BLANK_NODE_LABEL cannot end
  // with one); an escaped "\." stays.
  std::size_t trim_dots(std::size_t start, std::size_t len) {
    while (len > 0 && text_[start + len - 1] == '.' &&
           !(len >= 2 && text_[start + len - 2] == '\\')) {
      --len;
    }
    return len;
  }

  void lex_one(Token& t) {
    const std::size_t start = i_;
    const char c = text_[i_];
    const char next = i_ + 1 < text_.size() ? text_[i_ + 1] : '\0';
    if (c == '<') {
      if (std::size_t n = match(iriref, at(i_), end())) {
        t.kind = TokenKind::IriRef;
        t.text = unescape(i_ + 1, i_ + n - 1, false);
        i_ += n;
        return;
      }
      punct(t, next == '=' ? 2 : 1);
      return;
    }
    if (c == '?' || c == '$') {
      if (std::size_t n = match(varname, at(i_ + 1), end())) {
        t.kind = TokenKind::Var;
        t.text = std::string(text_.substr(i_ + 1, n));
        i_ += n + 1;
        return;
      }
      if (c == '$') fail(start, "expected a variable name after \"$\"");
      punct(t, 1);
      return;
    }
    if (c == '"' || c == '\'') {
      const bool is_long = text_.substr(i_, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
      std::size_t n = 0;
      if (is_long) {
        n = c == '"' ? match(long_string2, at(i_), end()) : match(long_string1, at(i_), end());
      } else {
        n = c == '"' ? match(string2, at(i_), end()) : match(string1, at(i_), end());
      }
      if (n == 0) fail(start, "unterminated or invalid string literal");
      const std::size_t q = is_long ? 3 : 1;
      t.kind = TokenKind::String;
      t.text = unescape(i_ + q, i_ + n - q, true);
      i_ += n;
      return;
    }
    if (c == '_' && next == ':') {
      std::size_t n = match(blank_label, at(i_), end());
      if (n == 0) fail(start, "invalid blank node label");
      n = trim_dots(i_, n);
      t.kind = TokenKind::BlankLabel;
      t.text = std::string(text_.substr(i_ + 2, n - 2));
      i_ += n;
      return;
    }
    if (c == '@') {
      std::size_t n = match(langtag, at(i_), end());
      if (n == 0) fail(start, "invalid language tag");
      t.kind = TokenKind::LangTag;
      t.text = std::string(text_.substr(i_ + 1, n - 1));
      i_ += n;
      return;
    }
    if (is_digit(static_cast<unsigned char>(c)) ||
        (c == '.' && is_digit(static_cast<unsigned char>(next)))) {
      const std::size_t nd = match(double_lit, at(i_), end());
      const std::size_t ne = match(decimal_lit, at(i_), end());
      const std::size_t ni = match(integer_lit, at(i_), end());
      std::size_t n = ni;
      t.kind = TokenKind::Integer;
      if (ne > n) {
        n = ne;
        t.kind = TokenKind::Decimal;
      }
      if (nd > n) {
        n = nd;
        t.kind = TokenKind::Double;
      }
      t.text = std::string(text_.substr(i_, n));
      i_ += n;
      return;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (is_alpha(uc) || uc >= 0x80 || c == ':' || c == '_') {
      std::size_t np = c == ':' ? 0 : match(pn_prefix, at(i_), end());
      if (i_ + np < text_.size() && text_[i_ + np] == ':' &&
          (np == 0 || text_[i_ + np - 1] != '.')) {
        t.kind = TokenKind::PName;
        t.text = std::string(text_.substr(i_, np));
        std::size_t nl = match(pn_local, at(i_ + np + 1), end());
        nl = trim_dots(i_ + np + 1, nl);
        std::string local;
        for (std::size_t k = i_ + np + 1; k < i_ + np + 1 + nl; ++k) {
          if (text_[k] == '\\') ++k;  // PN_LOCAL_ESC: the escaped character stands for itself
          local += text_[k];
        }
        t.local = std::move(local);
        i_ += np + 1 + nl;
        return;
      }
      std::size_t n = 0;
      while (i_ + n < text_.size()) {
        const auto w = static_cast<unsigned char>(text_[i_ + n]);
        if (!(is_alpha(w) || is_digit(w) || w == '_')) break;
        ++n;
      }
      if (n == 0) fail(start, "unexpected character \"" + std::string(char_at(i_)) + "\"");
      t.kind = TokenKind::Word;
      t.text = std::string(text_.substr(i_, n));
      i_ += n;
      return;
    }
    static constexpr std::string_view kTwo[] = {"^^", "&&", "||", "!=", "<=", ">="};
    for (auto two : kTwo) {
      if (text_.substr(i_, 2) == two) {
        punct(t, 2);
        return;
      }
    }
    if (std::string_view("{}()[].,;*+-/!^|=<>").find(c) != std::string_view::npos) {
      punct(t, 1);
      return;
    }
    fail(start, "unexpected character \"" + std::string(char_at(i_)) + "\"");
  }

  // The character (all bytes of its UTF-8 sequence) starting at byte `i`, for messages.
  std::string_view char_at(std::size_t i) const {
    std::size_t len = 1;
    while (i + len < text_.size() && (static_cast<unsigned char>(text_[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    return text_.substr(i, len);
  }

  void punct(Token& t, std::size_t n) {
    t.kind = TokenKind::Punct;
    t.text = std::string(text_.substr(i_, n));
    i_ += n;
  }

  std::string_view text_;
  std::size_t bad_utf8_;
  std::size_t i_ = 0;
  std::size_t scan_ = 0;
  std::uint32_t line_ = 0;
  std::uint32_t column_ = 0;
};

Lexer::Lexer(std::string_view text) : impl_(std::make_unique<Impl>(text)) {}
Lexer::~Lexer() = default;
Lexer::Lexer(Lexer&&) noexcept = default;
Lexer& Lexer::operator=(Lexer&&) noexcept = default;
Token Lexer::next() { return impl_->next(); }

std::vector<Token> tokenize(std::string_view text) {
  Lexer lexer(text);
  std::vector<Token> out;
  do {
    out.push_back(lexer.next());
  } while (out.back().kind != TokenKind::End);
  return out;
}

}  // namespace ng::sparql::detail
