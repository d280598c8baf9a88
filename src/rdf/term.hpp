// RDF 1.1 terms as plain values: what every module outside src/store/ sees.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ng::rdf {

enum class TermKind : std::uint8_t { Iri, Blank, Literal };

// A non-owning view of a term. Strings point into a Term or into the store's interned node.
// Normal form (see docs/architecture.md): `datatype` is empty for simple literals (xsd:string)
// and for language-tagged literals (rdf:langString); `lang` is lower case.
struct TermView {
  TermKind kind = TermKind::Iri;
  std::string_view value;     // IRI, blank-node label without "_:", or lexical form
  std::string_view datatype;  // literals only
  std::string_view lang;      // literals only

  bool is_iri() const { return kind == TermKind::Iri; }
  bool is_blank() const { return kind == TermKind::Blank; }
  bool is_literal() const { return kind == TermKind::Literal; }
  // The datatype IRI as RDF 1.1 defines it (xsd:string, rdf:langString filled in).
  std::string_view effective_datatype() const;
  friend bool operator==(const TermView&, const TermView&) = default;
};

// An owning term. Construct through the factories, which apply the normal form.
struct Term {
  TermKind kind = TermKind::Iri;
  std::string value;
  std::string datatype;
  std::string lang;

  static Term iri(std::string_view iri);
  static Term blank(std::string_view label);
  // `datatype` may be empty or xsd:string for a simple literal; a non-empty `lang` wins over it.
  static Term literal(std::string_view lexical, std::string_view datatype = {},
                      std::string_view lang = {});

  TermView view() const { return {kind, value, datatype, lang}; }
  bool is_iri() const { return kind == TermKind::Iri; }
  bool is_blank() const { return kind == TermKind::Blank; }
  bool is_literal() const { return kind == TermKind::Literal; }

  // The term in N-Triples syntax, e.g. `<http://x>`, `_:b0`, `"a\n"@en`.
  std::string to_ntriples() const;
  friend bool operator==(const Term&, const Term&) = default;
  friend auto operator<=>(const Term&, const Term&) = default;
};

Term to_term(const TermView& view);
std::string to_ntriples(const TermView& view);
// Appends the N-Triples form to `out` (no temporary strings: the writers' hot path).
void append_ntriples(std::string& out, const TermView& view);

// One statement. An empty `graph` (nullopt) means the default graph.
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  std::optional<Term> graph;
  friend bool operator==(const Quad&, const Quad&) = default;
};

// The quad as one N-Quads line, without the trailing newline.
std::string to_nquads(const Quad& quad);

// Escapes a string for the inside of an N-Triples "..." literal (ECHAR escapes; UTF-8 kept).
std::string escape_string_literal(std::string_view text);
// Escapes an IRI for the inside of <...> (UCHAR escapes for characters N-Triples forbids).
std::string escape_iri(std::string_view iri);
void append_escaped_literal(std::string& out, std::string_view text);
// `text` as a JSON string literal, quotes included. JSON's escapes are those of an N-Triples
// literal (\" \\ \n \r \t \b \f, \u00XX for other control characters), so both share one escaper.
std::string json_quote(std::string_view text);
void append_escaped_iri(std::string& out, std::string_view iri);
// ASCII lower case, as RDF 1.1 compares language tags case-insensitively.
std::string lowercase_ascii(std::string_view text);

}  // namespace ng::rdf
