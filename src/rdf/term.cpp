#include "rdf/term.hpp"

#include <cstdio>

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

std::string escape_string_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string escape_iri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  for (char c : iri) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(u));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string to_ntriples(const TermView& view) {
  switch (view.kind) {
    case TermKind::Iri:
      return "<" + escape_iri(view.value) + ">";
    case TermKind::Blank:
      return "_:" + std::string(view.value);
    case TermKind::Literal:
      break;
  }
  std::string out = "\"" + escape_string_literal(view.value) + "\"";
  if (!view.lang.empty()) {
    out += "@";
    out += view.lang;
  } else if (!view.datatype.empty()) {
    out += "^^<" + escape_iri(view.datatype) + ">";
  }
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
