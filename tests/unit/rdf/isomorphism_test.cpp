#include "rdf/isomorphism.hpp"

#include <catch2/catch.hpp>

using ng::rdf::Quad;
using ng::rdf::Term;

namespace {
Quad t(Term s, const char* p, Term o) { return {std::move(s), Term::iri(p), std::move(o), {}}; }
}  // namespace

TEST_CASE("isomorphism matches blank nodes up to renaming", "[rdf][iso]") {
  std::vector<Quad> a{t(Term::blank("x"), "p", Term::blank("y")),
                      t(Term::blank("y"), "q", Term::literal("1"))};
  std::vector<Quad> b{t(Term::blank("m"), "q", Term::literal("1")),
                      t(Term::blank("n"), "p", Term::blank("m"))};
  CHECK(ng::rdf::isomorphic(a, b));
  b[0].object = Term::literal("2");
  CHECK_FALSE(ng::rdf::isomorphic(a, b));
}

TEST_CASE("isomorphism distinguishes structure, not only counts", "[rdf][iso]") {
  // A 2-cycle plus a self-loop versus a 3-cycle: same degrees, different graphs.
  std::vector<Quad> a{t(Term::blank("a"), "p", Term::blank("b")),
                      t(Term::blank("b"), "p", Term::blank("a")),
                      t(Term::blank("c"), "p", Term::blank("c"))};
  std::vector<Quad> b{t(Term::blank("a"), "p", Term::blank("b")),
                      t(Term::blank("b"), "p", Term::blank("c")),
                      t(Term::blank("c"), "p", Term::blank("a"))};
  CHECK_FALSE(ng::rdf::isomorphic(a, b));
  CHECK(ng::rdf::isomorphic(b, b));
}

TEST_CASE("ground quads and graphs must match exactly", "[rdf][iso]") {
  std::vector<Quad> a{t(Term::iri("s"), "p", Term::iri("o"))};
  std::vector<Quad> b = a;
  b[0].graph = Term::iri("g");
  CHECK_FALSE(ng::rdf::isomorphic(a, b));
  CHECK(ng::rdf::isomorphic(a, {a[0], a[0]}));  // sets: duplicates ignored
  CHECK_FALSE(ng::rdf::isomorphic(a, {}));
}
