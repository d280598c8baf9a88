#include "rdf/quad_buffer.hpp"

#include <algorithm>
#include <cstring>
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

void QuadBuffer::grow(std::size_t at_least) {
  // Offsets are 32-bit: a buffer holds one article's quads, far below 4 GB.
  if (at_least > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("QuadBuffer: more than 4 GB of strings");
  }
  const std::size_t capacity = std::max({at_least, 2 * capacity_, std::size_t{1024}});
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (used_ > 0) {
    std::memcpy(bigger.get(), bytes_.get(), used_);
  } else {
    bigger[0] = '\0';
    used_ = 1;
  }
  bytes_ = std::move(bigger);
  capacity_ = capacity;
}

QuadBuffer::Span QuadBuffer::copy(std::string_view text) {
  if (used_ + text.size() + 2 > capacity_) grow(used_ + text.size() + 2);
  const Span span{static_cast<std::uint32_t>(used_), static_cast<std::uint32_t>(text.size())};
  char* at = bytes_.get() + used_;
  if (!text.empty()) std::memcpy(at, text.data(), text.size());
  at[text.size()] = '\0';
  used_ += text.size() + 1;
  return span;
}

QuadBuffer::Span QuadBuffer::copy_unless_known(const TermView& term) {
  if (term.is_iri()) {
    if (const std::uint32_t id = KnownIris::id_of(term.value)) return Span{id, kKnown};
  }
  return copy(term.value);
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
  r.predicate = copy_unless_known(quad.predicate);
  r.predicate_kind = quad.predicate.kind;
  r.object = copy_unless_known(quad.object);
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
  if (bytes + 1 > capacity_) grow(bytes + 1);
}

void QuadBuffer::clear() {
  records_.clear();
  recurring_.clear();
  if (used_ > 0) used_ = 1;  // keeps the NUL of Span{}
}

}  // namespace ng::rdf
