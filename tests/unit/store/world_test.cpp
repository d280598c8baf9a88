#include "store/world.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
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

TEST_CASE("the node table finds every live node after others are dropped", "[store][world]") {
  // Against a plain map of the terms kept: nodes made and dropped in a mixed order (the table
  // grows, and removed slots close the gaps in probe runs), then every kept term interned again
  // must give its node back, and a dropped one a node with the right value.
  World world;
  std::map<std::string, ng::store::NodeRef> kept;
  auto term_of = [](int i) {
    switch (i % 4) {
      case 0:
        return Term::iri("http://example.org/n/" + std::to_string(i));
      case 1:
        return Term::literal("v" + std::to_string(i), "", i % 8 == 1 ? "EN" : "");
      case 2:
        return Term::literal(std::to_string(i), ng::vocab::kXsdInteger);
      default:
        return Term::blank("b" + std::to_string(i));
    }
  };
  std::uint64_t random = 12345;
  for (int round = 0; round < 20000; ++round) {
    random = random * 6364136223846793005ULL + 1442695040888963407ULL;
    const int i = static_cast<int>((random >> 33) % 5000);
    const Term t = term_of(i);
    const std::string key = ng::rdf::to_ntriples(t.view());
    if ((random >> 20) % 3 == 0) {
      kept.erase(key);  // (the last reference: the node goes)
    } else if (auto it = kept.find(key); it != kept.end()) {
      CHECK(world.intern(t).get() == it->second.get());
    } else {
      kept.emplace(key, world.intern(t));
    }
  }
  for (const auto& [key, node] : kept) {
    CHECK(ng::rdf::to_ntriples(World::view(node.get())) == key);
  }
  for (int i = 0; i < 5000; ++i) {
    const Term t = term_of(i);
    auto again = world.intern(t);
    const auto it = kept.find(ng::rdf::to_ntriples(t.view()));
    if (it != kept.end()) CHECK(again.get() == it->second.get());
    CHECK(World::view(again.get()).value == t.value);
  }
  // Alive: the kept terms' nodes and the cached xsd:integer datatype node; the rest went.
  CHECK(world.size() == kept.size() + 1);
}

TEST_CASE("a node's value ends at a NUL byte, as in C strings", "[store][world]") {
  World world;
  const std::string with_nul("abc\0def", 7);
  auto n = world.intern(Term::literal(with_nul));
  CHECK(World::view(n.get()).value == "abc");
  CHECK(n.get() == world.intern(Term::literal("abc")).get());
  CHECK_FALSE(world.make(ng::rdf::TermKind::Iri, "no-scheme", nullptr, {}));
}

TEST_CASE("a reserved node table takes that many nodes without growing", "[store][world]") {
  World world;
  world.reserve(5000);
  const std::size_t slots = world.capacity();
  CHECK(slots * 3 >= 5000 * 4);
  std::vector<ng::store::NodeRef> refs;
  for (int i = 0; i < 5000; ++i) {
    refs.push_back(world.iri("http://example.org/reserved/" + std::to_string(i)));
  }
  CHECK(world.capacity() == slots);
  CHECK(world.size() == 5000);
  // Every node is still found (and not made twice) after the table was sized up front.
  CHECK(world.iri("http://example.org/reserved/4321").get() == refs[4321].get());
  CHECK(world.size() == 5000);
  world.reserve(10);  // smaller than what it holds: nothing changes
  CHECK(world.capacity() == slots);
}
