// Quads without owning terms: QuadRef (four term views) and QuadBuffer, an append-only list of
// quads whose strings live in one byte arena.
//
// Extraction states thousands of facts per article that live only until the store interns them.
// As rdf::Quads they cost twelve std::strings each (most of them allocated, moved and freed);
// a QuadBuffer copies their bytes once into a growing arena and keeps small records of offsets.
//
//   rdf::QuadBuffer facts;
//   facts.add(rdf::QuadRef{s, p, o, g});           // copies the bytes of the four views
//   for (const rdf::QuadRef& q : facts) use(q);    // views into the buffer
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/known_iris.hpp"
#include "rdf/term.hpp"

namespace ng::rdf {

// A quad as four term views. An empty `graph` (nullopt) means the default graph.
struct QuadRef {
  TermView subject;
  TermView predicate;
  TermView object;
  std::optional<TermView> graph;
  friend bool operator==(const QuadRef&, const QuadRef&) = default;
};

// Views of an owning quad's terms (valid while `quad` is).
QuadRef ref_of(const Quad& quad);
// An owning copy, in the normal form of the Term factories.
Quad to_quad(const QuadRef& quad);

// Quads in insertion order. Every string is copied into one arena and followed by a NUL byte;
// literals are kept in the normal form of rdf::Term::literal (lower-case language tag, no
// xsd:string or rdf:langString datatype). Views handed out (operator[], iteration) stay valid
// until the next add(), clear() or the buffer's destruction: adding may move the arena.
// Subjects, predicates and graphs must not be literals (std::invalid_argument).
class QuadBuffer {
 public:
  void add(const QuadRef& quad);
  void add(const Quad& quad) { add(ref_of(quad)); }
  // Room for `quads` quads whose strings take about `bytes` bytes in all.
  void reserve(std::size_t quads, std::size_t bytes);
  void clear();

  std::size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  QuadRef operator[](std::size_t i) const {
    const Record& r = records_[i];
    // Each member built in place: value-initialising the whole QuadRef first (its padding
    // included) cost a 29-word memset per quad read.
    std::optional<TermView> graph;
    // (A TermView built and moved in: clang 14 has no parenthesised aggregate initialisation.)
    if (r.has_graph) graph.emplace(TermView{r.graph_kind, text(r.graph), {}, {}});
    return QuadRef{TermView{r.subject_kind, text(r.subject), {}, {}},
                   TermView{r.predicate_kind, iri_text(r.predicate), {}, {}},
                   TermView{r.object_kind, iri_text(r.object), text(r.datatype), text(r.lang)},
                   graph};
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = QuadRef;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = QuadRef;
    const_iterator() = default;
    QuadRef operator*() const { return (*buffer_)[index_]; }
    const_iterator& operator++() {
      ++index_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++index_;
      return before;
    }
    friend bool operator==(const const_iterator&, const const_iterator&) = default;

   private:
    friend class QuadBuffer;
    const_iterator(const QuadBuffer* buffer, std::size_t index) : buffer_(buffer), index_(index) {}
    const QuadBuffer* buffer_ = nullptr;
    std::size_t index_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, records_.size()}; }

 private:
  // A string in the arena: offsets, not pointers, so that the arena may grow.
  struct Span {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
  };
  struct Record {
    Span subject, predicate, object, datatype, lang, graph;
    TermKind subject_kind, predicate_kind, object_kind, graph_kind;
    bool has_graph;
  };
  Span copy(std::string_view text);
  // A known IRI's number (rdf::KnownIris) in place of a copy, when `term` is one; else a copy.
  Span copy_unless_known(const TermView& term);
  // A copy of `text`, or the span `previous` when it already holds the same bytes: an
  // article's quads share their graph and often their subject with the quad before.
  Span copy_unless_same(std::string_view text, Span previous);
  // Datatypes and language tags: a handful of distinct ones, stored once per buffer.
  Span copy_recurring(std::string_view text);
  void set_literal_tags(Record& r, const TermView& literal);
  void grow(std::size_t at_least);
  std::string_view text(Span span) const { return {bytes_.get() + span.offset, span.size}; }
  // Of a span from copy_unless_known(): the known IRI's stored copy, whose address names it.
  std::string_view iri_text(Span span) const {
    return span.size == kKnown ? KnownIris::iri(span.offset) : text(span);
  }
  static constexpr std::uint32_t kKnown = ~std::uint32_t{0};  // Span::size of a known IRI

  // The arena, grown by hand: std::string's append and push_back per string cost more than the
  // copy itself. Byte 0 is a NUL, so that Span{} is "" NUL-terminated too; it exists from the
  // first add() on.
  std::unique_ptr<char[]> bytes_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
  std::vector<Record> records_;
  std::vector<Span> recurring_;  // distinct datatypes and language tags in bytes_
};

}  // namespace ng::rdf
