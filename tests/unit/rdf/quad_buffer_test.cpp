#include "rdf/quad_buffer.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "rdf/vocab.hpp"

using ng::rdf::Quad;
using ng::rdf::QuadBuffer;
using ng::rdf::QuadRef;
using ng::rdf::Term;
using ng::rdf::TermKind;
using ng::rdf::TermView;

namespace {

TermView iri(std::string_view v) { return {TermKind::Iri, v, {}, {}}; }
TermView lit(std::string_view v, std::string_view dt = {}, std::string_view lang = {}) {
  return {TermKind::Literal, v, dt, lang};
}

}  // namespace

TEST_CASE("a quad buffer gives back the quads added, in order", "[rdf][quad_buffer]") {
  const std::vector<Quad> quads = {
      {Term::iri("http://s"), Term::iri("http://p"), Term::iri("http://o"), Term::iri("http://g")},
      {Term::iri("http://s"), Term::iri("http://q"), Term::literal("x"), Term::iri("http://g")},
      {Term::blank("b0"), Term::iri("http://p"), Term::literal("1", ng::vocab::kXsdInteger),
       std::nullopt},
      {Term::iri("http://t"), Term::iri("http://p"), Term::literal("hi", {}, "en"),
       Term::blank("g1")},
      {Term::iri(""), Term::iri("http://p"), Term::literal(""), Term::iri("http://g")},
  };
  QuadBuffer buffer;
  for (const Quad& q : quads) buffer.add(q);
  REQUIRE(buffer.size() == quads.size());
  std::size_t i = 0;
  for (const QuadRef q : buffer) {
    CHECK(ng::rdf::to_quad(q) == quads[i]);
    CHECK(q == ng::rdf::ref_of(quads[i]));
    ++i;
  }
  CHECK(i == quads.size());
}

TEST_CASE("a quad buffer keeps literals in the normal form", "[rdf][quad_buffer]") {
  QuadBuffer buffer;
  buffer.add(QuadRef{iri("http://s"), iri("http://p"), lit("x", ng::vocab::kXsdString), {}});
  buffer.add(QuadRef{iri("http://s"), iri("http://p"), lit("x", ng::vocab::kXsdInteger, "EN-us"),
                     iri("http://g")});
  buffer.add(QuadRef{iri("http://s"), iri("http://p"), lit("y", "", "en"), iri("http://g")});
  CHECK(buffer[0].object == lit("x"));
  CHECK(buffer[1].object == lit("x", {}, "en-us"));
  CHECK(buffer[2].object == lit("y", {}, "en"));
  CHECK(ng::rdf::to_quad(buffer[1]).object == Term::literal("x", ng::vocab::kXsdInteger, "EN-us"));
}

TEST_CASE("a quad buffer copies the bytes and NUL-terminates every string", "[rdf][quad_buffer]") {
  QuadBuffer buffer;
  std::string subject = "http://s";
  std::string object = "value";
  for (int i = 0; i < 1000; ++i) {  // grows the arena many times
    buffer.add(QuadRef{iri(subject), iri("http://p"), lit(object, ng::vocab::kXsdInteger),
                       iri("http://g")});
    subject += 'x';
  }
  object = "changed";
  REQUIRE(buffer.size() == 1000);
  for (std::size_t i = 0; i < buffer.size(); ++i) {
    const QuadRef q = buffer[i];
    CHECK(q.subject.value.size() == 8 + i);
    CHECK(q.object.value == "value");
    for (const TermView* t : {&q.subject, &q.predicate, &q.object, &*q.graph}) {
      CHECK(t->value.data()[t->value.size()] == '\0');
    }
    CHECK(q.object.datatype.data()[q.object.datatype.size()] == '\0');
    CHECK(q.object.lang.data()[q.object.lang.size()] == '\0');
  }
}

TEST_CASE("a quad buffer can be cleared and refilled", "[rdf][quad_buffer]") {
  QuadBuffer buffer;
  buffer.reserve(4, 256);
  buffer.add(QuadRef{iri("http://a"), iri("http://p"), lit("1", "", "fr"), iri("http://g")});
  buffer.clear();
  CHECK(buffer.empty());
  buffer.add(QuadRef{iri("http://b"), iri("http://p"), lit("2", "", "de"), iri("http://g")});
  REQUIRE(buffer.size() == 1);
  CHECK(buffer[0].subject.value == "http://b");
  CHECK(buffer[0].object.lang == "de");
}

TEST_CASE("a quad buffer refuses a literal in a node position", "[rdf][quad_buffer]") {
  QuadBuffer buffer;
  CHECK_THROWS_AS(buffer.add(QuadRef{lit("x"), iri("http://p"), iri("http://o"), {}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(buffer.add(QuadRef{iri("http://s"), iri("http://p"), iri("http://o"), lit("g")}),
                  std::invalid_argument);
  CHECK(buffer.empty());
}
