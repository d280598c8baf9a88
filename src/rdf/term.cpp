#include "rdf/term.hpp"

#include <bit>
#include <cstdio>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "rdf/vocab.hpp"

namespace ng::rdf {

std::string_view TermView::effective_datatype() const {
  if (kind != TermKind::Literal) return {};
  if (!lang.empty()) return vocab::kRdfLangString;
  if (datatype.empty()) return vocab::kXsdString;
  return datatype;
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Term Term::iri(std::string_view iri) { return Term{TermKind::Iri, std::string(iri), {}, {}}; }

Term Term::blank(std::string_view label) {
  return Term{TermKind::Blank, std::string(label), {}, {}};
}

Term Term::literal(std::string_view lexical, std::string_view datatype, std::string_view lang) {
  Term t{TermKind::Literal, std::string(lexical), {}, {}};
  if (!lang.empty()) {
    t.lang = lowercase_ascii(lang);
  } else if (datatype != vocab::kXsdString && datatype != vocab::kRdfLangString) {
    t.datatype = std::string(datatype);
  }
  return t;
}

Term to_term(const TermView& view) {
  switch (view.kind) {
    case TermKind::Iri:
      return Term::iri(view.value);
    case TermKind::Blank:
      return Term::blank(view.value);
    case TermKind::Literal:
      break;
  }
  return Term::literal(view.value, view.datatype, view.lang);
}

namespace {

void append_uchar(std::string& out, unsigned char u) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char escape[6] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xF]};
  out.append(escape, sizeof escape);
}

// The ECHAR of `c` inside a literal, or nullptr when `c` stays as it is (control characters
// without an ECHAR get a UCHAR).
const char* literal_escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return nullptr;
  }
}

// Which bytes an escaper must look at, as bit flags in one table: a plain run is found with one
// load and test per byte instead of a chain of comparisons (the writers escape every node).
enum EscapeFlag : unsigned char { kEscapeInIri = 1, kEscapeInLiteral = 2 };

struct EscapeTable {
  unsigned char of[256];
  constexpr EscapeTable() : of() {
    for (int c = 0; c <= 0x20; ++c) of[c] |= kEscapeInIri;
    for (const char c : {'<', '>', '"', '{', '}', '|', '^', '`', '\\'}) {
      of[static_cast<unsigned char>(c)] |= kEscapeInIri;
    }
    for (int c = 0; c < 0x20; ++c) of[c] |= kEscapeInLiteral;
    for (const int c : {int{'"'}, int{'\\'}, 0x7f}) of[c] |= kEscapeInLiteral;
  }
};
constexpr EscapeTable kEscapes;

// The bytes an escaper stops at: the control characters up to kLastControl and the kSpecials.
template <char kLastControl, char... kSpecials>
struct StopSet {
  static constexpr bool contains(unsigned char c) {
    return c <= static_cast<unsigned char>(kLastControl) ||
           ((c == static_cast<unsigned char>(kSpecials)) || ...);
  }
#if defined(__SSE2__)
  // Which of 16 bytes are in the set, one bit each (bit i for byte i).
  static unsigned in_16(const unsigned char* bytes) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
    // x <= kLastControl as unsigned bytes: min(x, kLastControl) == x.
    __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(kLastControl)), x);
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(kSpecials)))), ...);
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  }
#endif
};
using IriStops = StopSet<0x20, '<', '>', '"', '{', '}', '|', '^', '`', '\\'>;
using LiteralStops = StopSet<0x1F, '"', '\\', 0x7F>;

constexpr bool stop_sets_match_table() {
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    if (IriStops::contains(byte) != ((kEscapes.of[byte] & kEscapeInIri) != 0)) return false;
    if (LiteralStops::contains(byte) != ((kEscapes.of[byte] & kEscapeInLiteral) != 0)) return false;
  }
  return true;
}
static_assert(stop_sets_match_table());

// The position of the first byte of `text` from `from` on whose flags include kFlag, or its size.
// Sixteen bytes at a time where SSE2 is there: article texts are long literals, and nearly all
// their bytes are plain.
template <EscapeFlag kFlag>
std::size_t find_escape(std::string_view text, std::size_t from) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = from;
#if defined(__SSE2__)
  using Stops = std::conditional_t<kFlag == kEscapeInIri, IriStops, LiteralStops>;
  for (; i + 16 <= size; i += 16) {
    if (const unsigned found = Stops::in_16(bytes + i); found != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(found));
    }
  }
  if (i == size) return size;
  // The last bytes, fewer than 16: the 16 that end the text (the bits of bytes before i
  // shifted out), or a short text's bytes padded with a plain letter.
  if (size >= 16) {
    const unsigned found = Stops::in_16(bytes + size - 16) >> (i - (size - 16));
    return found != 0 ? i + static_cast<std::size_t>(std::countr_zero(found)) : size;
  }
  unsigned char padded[16];
  std::memset(padded, 'a', sizeof padded);
  std::memcpy(padded, bytes + i, size - i);
  const unsigned found = Stops::in_16(padded);
  return found != 0 ? i + static_cast<std::size_t>(std::countr_zero(found)) : size;
#else
  while (i < size && (kEscapes.of[bytes[i]] & kFlag) == 0) ++i;
  return i;
#endif
}

}  // namespace

// Both escapers copy runs of plain characters at once: most IRIs and literals need no escape.
void append_escaped_literal(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = find_escape<kEscapeInLiteral>(text, 0); i < text.size();
       i = find_escape<kEscapeInLiteral>(text, i + 1)) {
    const char c = text[i];
    out.append(text.substr(run, i - run));
    run = i + 1;
    if (const char* e = literal_escape(c)) {
      out += e;
    } else {
      append_uchar(out, static_cast<unsigned char>(c));
    }
  }
  out.append(text.substr(run));
}

void append_escaped_iri(std::string& out, std::string_view iri) {
  std::size_t run = 0;
  for (std::size_t i = find_escape<kEscapeInIri>(iri, 0); i < iri.size();
       i = find_escape<kEscapeInIri>(iri, i + 1)) {
    out.append(iri.substr(run, i - run));
    run = i + 1;
    append_uchar(out, static_cast<unsigned char>(iri[i]));
  }
  out.append(iri.substr(run));
}

std::string escape_string_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_escaped_literal(out, text);
  return out;
}

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  append_escaped_literal(out, text);
  out += '"';
  return out;
}

std::string escape_iri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  append_escaped_iri(out, iri);
  return out;
}

void append_ntriples(std::string& out, const TermView& view) {
  switch (view.kind) {
    case TermKind::Iri:
      out += '<';
      append_escaped_iri(out, view.value);
      out += '>';
      return;
    case TermKind::Blank:
      out += "_:";
      out += view.value;
      return;
    case TermKind::Literal:
      break;
  }
  out += '"';
  append_escaped_literal(out, view.value);
  out += '"';
  if (!view.lang.empty()) {
    out += '@';
    out += view.lang;
  } else if (!view.datatype.empty()) {
    out += "^^<";
    append_escaped_iri(out, view.datatype);
    out += '>';
  }
}

std::string to_ntriples(const TermView& view) {
  std::string out;
  append_ntriples(out, view);
  return out;
}

std::string Term::to_ntriples() const { return rdf::to_ntriples(view()); }

std::string to_nquads(const Quad& quad) {
  std::string out = quad.subject.to_ntriples() + " " + quad.predicate.to_ntriples() + " " +
                    quad.object.to_ntriples();
  if (quad.graph) out += " " + quad.graph->to_ntriples();
  out += " .";
  return out;
}

}  // namespace ng::rdf
