#include "store/world.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "rdf/vocab.hpp"

using ng::rdf::Term;
using ng::store::World;

TEST_CASE("equal terms intern to the same node", "[store][world]") {
  World world;
  auto a = world.intern(Term::literal("x"));
  auto b = world.intern(Term::literal("x", ng::vocab::kXsdString));
  auto c = world.intern(Term::literal("x", "", "EN"));
  auto d = world.intern(Term::literal("x", "", "en"));
  CHECK(a.get() == b.get());
  CHECK(c.get() == d.get());
  CHECK(a.get() != c.get());
  CHECK(world.iri("http://a").get() == world.iri("http://a").get());
  CHECK(world.iri("http://a").get() != world.intern(Term::blank("a")).get());
}

TEST_CASE("views read back the normalised term", "[store][world]") {
  World world;
  auto n = world.intern(Term::literal("1", ng::vocab::kXsdInteger));
  auto v = World::view(n.get());
  CHECK(v.kind == ng::rdf::TermKind::Literal);
  CHECK(v.value == "1");
  CHECK(v.datatype == ng::vocab::kXsdInteger);
  CHECK(World::term(world.intern(Term::literal("chat", "", "FR")).get()) ==
        Term::literal("chat", "", "fr"));
  CHECK(World::term(world.intern(Term::blank("b1")).get()) == Term::blank("b1"));
}

TEST_CASE("typed literals intern by datatype, however many datatypes there are", "[store][world]") {
  // The World caches a bounded number of datatype nodes; literals past the bound must still
  // intern to one node per (value, datatype) and read back their own datatype.
  World world;
  std::vector<ng::store::NodeRef> kept;
  for (int i = 0; i < 600; ++i) {
    const std::string dt = "http://example.org/dt" + std::to_string(i);
    auto a = world.intern(Term::literal("v", dt));
    auto b = world.intern(Term::literal("v", dt));
    CHECK(a.get() == b.get());
    CHECK(World::view(a.get()).datatype == dt);
    if (i > 0) CHECK(a.get() != kept.back().get());
    kept.push_back(a);
  }
  CHECK(World::view(kept.front().get()).datatype == "http://example.org/dt0");
  CHECK_THROWS_AS(world.intern(Term::literal("v", "not-absolute")), std::invalid_argument);
}

TEST_CASE("relative IRIs cannot be interned", "[store][world]") {
  World world;
  CHECK_THROWS_AS(world.iri("relative/path"), std::invalid_argument);
}

TEST_CASE("node references are counted", "[store][world]") {
  World world;
  ng::store::NodeRef copy;
  {
    auto n = world.iri("http://example.org/kept");
    copy = n;
  }
  REQUIRE(copy);
  CHECK(World::view(copy.get()).value == "http://example.org/kept");
  ng::store::NodePool pool(world);
  auto id = pool.intern(Term::literal("pooled"));
  CHECK(World::view(id).value == "pooled");
}
