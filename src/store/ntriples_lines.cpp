#include "store/ntriples_lines.hpp"

#include <cstdint>

#include "rdf/iri.hpp"
#include "rdf/utf8.hpp"

namespace ng::store::detail {
namespace {

bool valid_utf8(std::string_view s) { return rdf::find_invalid_utf8(s) == std::string_view::npos; }

SerdNode node_of(std::string_view s, SerdType type) {
  SerdNode n = SERD_NODE_NULL;
  n.buf = reinterpret_cast<const uint8_t*>(s.data());
  n.n_bytes = s.size();
  n.n_chars = s.size();
  n.type = type;
  return n;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Byte classes inside a term, as bit flags: a span is classified by OR-ing its bytes' flags,
// a loop without branches that the compiler vectorises.
enum ByteFlag : unsigned char {
  kNonAscii = 1,      // part of a UTF-8 sequence: the span needs a UTF-8 check
  kBadInIri = 2,      // control, space, <"{}|^`\ (escapes and relative forms go to Serd)
  kBadInLiteral = 4,  // control other than tab, backslash (escapes go to Serd)
};

struct ByteTable {
  unsigned char of[256];
  constexpr ByteTable() : of() {
    for (int c = 0; c < 256; ++c) {
      of[c] = c >= 0x80 ? kNonAscii : 0;
      if (c <= 0x20) of[c] |= kBadInIri;
      if (c < 0x20 && c != '\t') of[c] |= kBadInLiteral;
    }
    for (const char c : {'<', '"', '{', '}', '|', '^', '`', '\\'}) {
      of[static_cast<unsigned char>(c)] |= kBadInIri;
    }
    of[static_cast<unsigned char>('\\')] |= kBadInLiteral;
  }
};
constexpr ByteTable kBytes;

unsigned char flags_of(std::string_view span) {
  unsigned char flags = 0;
  for (const char c : span) flags |= kBytes.of[static_cast<unsigned char>(c)];
  return flags;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads the terms of one line left to right; any doubt ends the scan with `ok = false`.
class LineReader {
 public:
  LineReader(std::string_view line, std::string_view blank_prefix, LineTerms& out)
      : line_(line), prefix_(blank_prefix), out_(out) {}

  void skip_space() {
    while (pos_ < line_.size() && is_space(line_[pos_])) ++pos_;
  }
  bool at_end() const { return pos_ >= line_.size(); }
  char peek() const { return pos_ < line_.size() ? line_[pos_] : '\0'; }

  // IRIREF without escapes: printable ASCII other than <>"{}|^`\, or well-formed UTF-8; the IRI
  // must be absolute (N-Triples has no base to resolve against).
  bool iri(SerdNode& out) {
    if (peek() != '<') return false;
    const std::size_t begin = ++pos_;
    const std::size_t close = line_.find('>', begin);
    if (close == std::string_view::npos) return false;
    const std::string_view value = line_.substr(begin, close - begin);
    pos_ = close + 1;
    const unsigned char flags = flags_of(value);
    if ((flags & kBadInIri) || ((flags & kNonAscii) && !valid_utf8(value)) ||
        !rdf::has_scheme(value)) {
      return false;
    }
    out = node_of(value, SERD_URI);
    return true;
  }

  // BLANK_NODE_LABEL in ASCII, followed by white space (a '.' right after a label is where
  // readers disagree: Serd takes it into the label).
  bool blank(SerdNode& out, std::string& storage) {
    if (line_.compare(pos_, 2, "_:") != 0) return false;
    pos_ += 2;
    const std::size_t begin = pos_;
    if (at_end() || !(is_alpha(peek()) || is_digit(peek()) || peek() == '_')) return false;
    while (pos_ < line_.size() &&
           (is_alpha(line_[pos_]) || is_digit(line_[pos_]) || line_[pos_] == '_' ||
            line_[pos_] == '-' || line_[pos_] == '.')) {
      ++pos_;
    }
    if (line_[pos_ - 1] == '.' || at_end() || !is_space(peek())) return false;
    storage.assign(prefix_).append(line_.substr(begin, pos_ - begin));
    out = node_of(storage, SERD_BLANK);
    return true;
  }

  bool subject_or_graph(SerdNode& out, std::string& storage) {
    return peek() == '<' ? iri(out) : blank(out, storage);
  }

  // STRING_LITERAL_QUOTE without escapes or control characters, then a language tag or a
  // datatype. The value is copied: the loader needs it NUL-terminated.
  bool literal() {
    const std::size_t begin = ++pos_;  // past '"'
    const std::size_t close = line_.find('"', begin);
    if (close == std::string_view::npos) return false;
    const std::string_view value = line_.substr(begin, close - begin);
    pos_ = close + 1;
    // A backslash before the closing quote may escape it: such a line goes to Serd anyway.
    const unsigned char flags = flags_of(value);
    if ((flags & kBadInLiteral) || ((flags & kNonAscii) && !valid_utf8(value))) return false;
    out_.object_text.assign(value);
    out_.object = node_of(out_.object_text, SERD_LITERAL);
    if (peek() == '@') return language();
    if (line_.compare(pos_, 2, "^^") == 0) {
      pos_ += 2;
      return iri(out_.datatype);
    }
    return true;
  }

  // LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
  bool language() {
    const std::size_t begin = ++pos_;  // past '@'
    while (pos_ < line_.size() && is_alpha(line_[pos_])) ++pos_;
    if (pos_ == begin) return false;
    while (peek() == '-') {
      const std::size_t part = ++pos_;
      while (pos_ < line_.size() && (is_alpha(line_[pos_]) || is_digit(line_[pos_]))) ++pos_;
      if (pos_ == part) return false;
    }
    out_.lang = node_of(line_.substr(begin, pos_ - begin), SERD_LITERAL);
    return true;
  }

  bool object() {
    if (peek() == '"') return literal();
    return subject_or_graph(out_.object, out_.object_text);
  }

  // ' .' and an optional comment end the statement.
  bool end_of_statement() {
    skip_space();
    if (peek() != '.') return false;
    ++pos_;
    skip_space();
    return at_end() || comment();
  }

  // A comment running to the end of the line. A carriage return inside it ends the line for
  // Serd (N-Triples' EOL is CR or LF): text after it would be a statement, so Serd decides.
  bool comment() const { return peek() == '#' && line_.find('\r', pos_) == std::string_view::npos; }

  std::size_t pos_ = 0;

 private:
  std::string_view line_;
  std::string_view prefix_;
  LineTerms& out_;
};

}  // namespace

LineKind scan_plain_line(std::string_view line, bool quads, std::string_view blank_prefix,
                         LineTerms& out) {
  out.datatype = out.lang = out.graph = SERD_NODE_NULL;
  LineReader r(line, blank_prefix, out);
  r.skip_space();
  if (r.at_end()) return LineKind::Empty;
  if (r.peek() == '#') return r.comment() ? LineKind::Empty : LineKind::Declined;
  if (!r.subject_or_graph(out.subject, out.subject_text)) return LineKind::Declined;
  r.skip_space();
  if (!r.iri(out.predicate)) return LineKind::Declined;
  r.skip_space();
  if (!r.object()) return LineKind::Declined;
  r.skip_space();
  if (quads && (r.peek() == '<' || r.peek() == '_')) {
    if (!r.subject_or_graph(out.graph, out.graph_text)) return LineKind::Declined;
  }
  return r.end_of_statement() ? LineKind::Statement : LineKind::Declined;
}

}  // namespace ng::store::detail
