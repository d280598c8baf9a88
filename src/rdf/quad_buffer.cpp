#include "rdf/quad_buffer.hpp"

#include <limits>
#include <stdexcept>

#include "rdf/vocab.hpp"

namespace ng::rdf {

QuadRef ref_of(const Quad& quad) {
  QuadRef ref{quad.subject.view(), quad.predicate.view(), quad.object.view(), std::nullopt};
  if (quad.graph) ref.graph = quad.graph->view();
  return ref;
}

Quad to_quad(const QuadRef& quad) {
  Quad out{to_term(quad.subject), to_term(quad.predicate), to_term(quad.object), std::nullopt};
  if (quad.graph) out.graph = to_term(*quad.graph);
  return out;
}

namespace {

bool has_upper_ascii(std::string_view text) {
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

}  // namespace

QuadBuffer::Span QuadBuffer::copy(std::string_view text) {
  // Offsets are 32-bit: a buffer holds one article's quads, far below 4 GB.
  if (bytes_.size() + text.size() + 1 > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("QuadBuffer: more than 4 GB of strings");
  }
  const Span span{static_cast<std::uint32_t>(bytes_.size()),
                  static_cast<std::uint32_t>(text.size())};
  bytes_.append(text);
  bytes_.push_back('\0');
  return span;
}

QuadBuffer::Span QuadBuffer::copy_unless_same(std::string_view text, Span previous) {
  if (previous.size == text.size() && this->text(previous) == text) {
    return previous;
  }
  return copy(text);
}

QuadBuffer::Span QuadBuffer::copy_recurring(std::string_view text) {
  if (text.empty()) return {};
  for (const Span& s : recurring_) {
    if (this->text(s) == text) return s;
  }
  recurring_.push_back(copy(text));
  return recurring_.back();
}

void QuadBuffer::add(const QuadRef& quad) {
  const bool literal_node = quad.subject.is_literal() || quad.predicate.is_literal() ||
                            (quad.graph && quad.graph->is_literal());
  if (literal_node) throw std::invalid_argument("QuadBuffer: a literal in a node position");
  const Record* last = records_.empty() ? nullptr : &records_.back();
  Record r{};
  r.subject = last ? copy_unless_same(quad.subject.value, last->subject) : copy(quad.subject.value);
  r.subject_kind = quad.subject.kind;
  r.predicate = copy(quad.predicate.value);
  r.predicate_kind = quad.predicate.kind;
  r.object = copy(quad.object.value);
  r.object_kind = quad.object.kind;
  if (quad.object.is_literal()) set_literal_tags(r, quad.object);
  r.has_graph = quad.graph.has_value();
  if (r.has_graph) {
    r.graph_kind = quad.graph->kind;
    r.graph = last ? copy_unless_same(quad.graph->value, last->graph) : copy(quad.graph->value);
  }
  records_.push_back(r);
}

void QuadBuffer::set_literal_tags(Record& r, const TermView& literal) {
  // The normal form of Term::literal: a language tag wins, in lower case; xsd:string and
  // rdf:langString are no datatype.
  if (!literal.lang.empty()) {
    if (!has_upper_ascii(literal.lang)) {
      r.lang = copy_recurring(literal.lang);
    } else {
      r.lang = copy_recurring(lowercase_ascii(literal.lang));
    }
  } else if (literal.datatype != vocab::kXsdString && literal.datatype != vocab::kRdfLangString) {
    r.datatype = copy_recurring(literal.datatype);
  }
}

void QuadBuffer::reserve(std::size_t quads, std::size_t bytes) {
  records_.reserve(quads);
  bytes_.reserve(bytes);
}

void QuadBuffer::clear() {
  records_.clear();
  recurring_.clear();
  bytes_.assign(1, '\0');
}

QuadRef QuadBuffer::operator[](std::size_t i) const {
  const Record& r = records_[i];
  QuadRef q{{r.subject_kind, text(r.subject), {}, {}},
            {r.predicate_kind, text(r.predicate), {}, {}},
            {r.object_kind, text(r.object), text(r.datatype), text(r.lang)},
            std::nullopt};
  if (r.has_graph) q.graph = TermView{r.graph_kind, text(r.graph), {}, {}};
  return q;
}

}  // namespace ng::rdf
