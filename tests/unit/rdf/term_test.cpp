#include "rdf/term.hpp"

#include <catch2/catch.hpp>

#include "rdf/vocab.hpp"

using ng::rdf::Term;

TEST_CASE("literal factory applies the normal form", "[rdf][term]") {
  CHECK(Term::literal("x", ng::vocab::kXsdString) == Term::literal("x"));
  CHECK(Term::literal("x", "", "EN-us").lang == "en-us");
  CHECK(Term::literal("x", ng::vocab::kXsdInteger, "en").datatype.empty());
  CHECK(Term::literal("1", ng::vocab::kXsdInteger).datatype == ng::vocab::kXsdInteger);
  CHECK(Term::literal("x").view().effective_datatype() == ng::vocab::kXsdString);
  CHECK(Term::literal("x", "", "en").view().effective_datatype() == ng::vocab::kRdfLangString);
}

TEST_CASE("terms print as N-Triples", "[rdf][term]") {
  CHECK(Term::iri("http://a/b").to_ntriples() == "<http://a/b>");
  CHECK(Term::iri("http://a/b c").to_ntriples() == "<http://a/b\\u0020c>");
  CHECK(Term::blank("b0").to_ntriples() == "_:b0");
  CHECK(Term::literal("a\"b\n").to_ntriples() == "\"a\\\"b\\n\"");
  CHECK(Term::literal("chat", "", "fr").to_ntriples() == "\"chat\"@fr");
  CHECK(Term::literal("1", ng::vocab::kXsdInteger).to_ntriples() ==
        "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  CHECK(Term::literal("\x01").to_ntriples() == "\"\\u0001\"");
}

TEST_CASE("quads print as N-Quads lines", "[rdf][term]") {
  ng::rdf::Quad q{Term::iri("s"), Term::iri("p"), Term::literal("o"), std::nullopt};
  CHECK(ng::rdf::to_nquads(q) == "<s> <p> \"o\" .");
  q.graph = Term::iri("g");
  CHECK(ng::rdf::to_nquads(q) == "<s> <p> \"o\" <g> .");
}
