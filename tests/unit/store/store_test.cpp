#include "store/store.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

using ng::rdf::Term;
using ng::store::QuadIds;
using ng::store::Store;
using ng::store::World;

namespace {
std::size_t drain(ng::store::Cursor c) {
  std::size_t n = 0;
  QuadIds q;
  while (c.next(q)) ++n;
  return n;
}
}  // namespace

TEST_CASE("the same triple can sit in the default graph and in named graphs", "[store]") {
  World world;
  Store store(world);
  auto s = world.iri("http://s"), p = world.iri("http://p"), o = world.iri("http://o");
  auto g1 = world.iri("http://g1"), g2 = world.iri("http://g2");
  CHECK(store.add(s.get(), p.get(), o.get()));
  CHECK(store.add(s.get(), p.get(), o.get(), g1.get()));
  CHECK(store.add(s.get(), p.get(), o.get(), g2.get()));
  CHECK_FALSE(store.add(s.get(), p.get(), o.get(), g2.get()));
  CHECK(store.size() == 3);
  CHECK(drain(store.scan(nullptr, nullptr, nullptr, store.default_graph())) == 1);
  CHECK(drain(store.scan(nullptr, nullptr, nullptr, nullptr)) == 3);
  CHECK(drain(store.scan_named(nullptr, p.get(), nullptr)) == 2);
  CHECK(drain(store.scan_union(nullptr, nullptr, nullptr)) == 1);
  CHECK(store.named_graphs().size() == 2);
  CHECK(store.named_graphs()[0] == g1.get());
  CHECK(store.has_named_graph(g2.get()));
  CHECK_FALSE(store.has_named_graph(store.default_graph()));
}

TEST_CASE("scans use bound positions", "[store]") {
  World world;
  Store store(world);
  for (int i = 0; i < 10; ++i) {
    store.add({Term::iri("http://s" + std::to_string(i)), Term::iri("http://p"),
               Term::literal(std::to_string(i % 3)), std::nullopt});
  }
  auto p = world.iri("http://p");
  auto zero = world.intern(Term::literal("0"));
  CHECK(store.count(nullptr, p.get(), zero.get(), store.default_graph()) == 4);
  CHECK(drain(store.scan_union(nullptr, nullptr, zero.get())) == 4);
  CHECK(store.contains(nullptr, p.get(), zero.get(), nullptr));
  auto s0 = world.iri("http://s0");
  CHECK(store.remove(s0.get(), p.get(), zero.get()));
  CHECK_FALSE(store.remove(s0.get(), p.get(), zero.get()));
  CHECK(store.count(nullptr, nullptr, zero.get(), nullptr) == 3);
}

TEST_CASE("a fully bound pattern is one index lookup", "[store]") {
  World world;
  Store store(world);
  for (int i = 0; i < 1000; ++i) {
    store.add({Term::iri("http://s" + std::to_string(i)), Term::iri("http://p"), Term::literal("o"),
               Term::iri("http://g")});
  }
  auto s = world.iri("http://s7"), p = world.iri("http://p"), g = world.iri("http://g");
  auto o = world.intern(Term::literal("o"));
  CHECK(store.count(s.get(), p.get(), o.get(), g.get()) == 1);
  CHECK(store.contains(s.get(), p.get(), o.get(), g.get()));
  CHECK(store.count(nullptr, p.get(), nullptr, g.get()) == 1000);
  CHECK(store.count(s.get(), nullptr, nullptr, g.get()) == 1);
  auto other = world.iri("http://other");
  CHECK(store.count(s.get(), p.get(), o.get(), other.get()) == 0);
}

TEST_CASE("a cursor can be moved", "[store]") {
  World world;
  Store store(world);
  store.add({Term::iri("http://s"), Term::iri("http://p"), Term::iri("http://o"), std::nullopt});
  ng::store::Cursor a = store.scan_union(nullptr, nullptr, nullptr);
  ng::store::Cursor b = std::move(a);
  QuadIds q;
  CHECK_FALSE(a.next(q));
  REQUIRE(b.next(q));
  CHECK(World::view(q.subject).value == "http://s");
  CHECK_FALSE(b.next(q));
}

TEST_CASE("replace_nodes renames subjects and objects in merged and pending quads", "[store]") {
  World world;
  Store store(world);
  auto a = world.iri("http://a"), b = world.iri("http://b"), c = world.iri("http://c");
  auto p = world.iri("http://p"), g = world.iri("http://g");
  store.add(a.get(), p.get(), c.get(), g.get());
  store.add(b.get(), p.get(), c.get(), g.get());
  CHECK(store.size() == 2);                          // merged
  store.append(c.get(), p.get(), a.get(), g.get());  // pending
  store.append(a.get(), a.get(), c.get(), g.get());  // a as a predicate stays
  const std::unordered_map<ng::store::NodeId, ng::store::NodeId> to{{a.get(), b.get()}};
  store.replace_nodes(to);
  // (a p c) became (b p c), which was there already: kept once.
  CHECK(store.size() == 3);
  CHECK(store.contains(b.get(), p.get(), c.get(), g.get()));
  CHECK(store.contains(c.get(), p.get(), b.get(), g.get()));
  CHECK(store.contains(b.get(), a.get(), c.get(), g.get()));
  CHECK(drain(store.scan(a.get(), nullptr, nullptr, nullptr)) == 0);
  CHECK(drain(store.scan(nullptr, nullptr, a.get(), nullptr)) == 0);
  // add() sees the renamed quads as duplicates.
  CHECK_FALSE(store.add(c.get(), p.get(), b.get(), g.get()));
  CHECK(store.add(a.get(), p.get(), c.get(), g.get()));
  CHECK(store.size() == 4);
}

TEST_CASE("graph-bound scans return each graph's quads, in subject order, after further loads",
          "[store]") {
  World world;
  Store store(world);
  // Quads of 7 graphs interleaved by subject, so no graph is one run of the SPOG order.
  std::unordered_map<std::string, std::size_t> expected;
  auto load = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      const std::string g = "http://g" + std::to_string(i % 7);
      store.add({Term::iri("http://s" + std::to_string(i % 13)), Term::iri("http://p"),
                 Term::literal(std::to_string(i)), Term::iri(g)});
      ++expected[g];
    }
  };
  load(0, 300);
  for (int round = 0; round < 2; ++round) {
    for (const auto& [graph, count] : expected) {
      auto g = world.iri(graph);
      ng::store::Cursor c = store.scan(nullptr, nullptr, nullptr, g.get());
      QuadIds q, previous;
      std::size_t n = 0;
      while (c.next(q)) {
        CHECK(q.graph == g.get());
        if (n > 0) CHECK_FALSE(std::less<ng::store::NodeId>()(q.subject, previous.subject));
        previous = q;
        ++n;
      }
      CHECK(n == count);
    }
    load(300, 420);  // the graph-first index must be rebuilt after a load
  }
}

TEST_CASE("a bulk load is merged into SPOG order without duplicates", "[store]") {
  // Enough quads, in a scrambled order, for the merge's radix passes on subject addresses, with
  // subjects of many quads (ranges of one address) and of few, and every quad appended twice.
  World world;
  std::vector<ng::store::NodeRef> nodes;
  for (int i = 0; i < 400; ++i) nodes.push_back(world.iri("http://ex/n" + std::to_string(i)));
  auto node = [&](std::size_t i) { return nodes[i % nodes.size()].get(); };
  Store store(world);
  std::vector<QuadIds> expected;
  for (std::size_t i = 0; i < 6000; ++i) {
    const std::size_t k = i * 7919 % 6000;
    const QuadIds q{node(k < 3000 ? k % 5 : k), node(k / 7), node(k / 3 + 11), node(k % 3)};
    expected.push_back(q);
    store.append(q.subject, q.predicate, q.object, q.graph);
    store.append(q.subject, q.predicate, q.object, q.graph);
  }
  auto spog_less = [](const QuadIds& a, const QuadIds& b) {
    std::less<ng::store::NodeId> lt;
    if (a.subject != b.subject) return lt(a.subject, b.subject);
    if (a.predicate != b.predicate) return lt(a.predicate, b.predicate);
    if (a.object != b.object) return lt(a.object, b.object);
    return lt(a.graph, b.graph);
  };
  std::sort(expected.begin(), expected.end(), spog_less);
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  CHECK(store.size() == expected.size());
  std::vector<QuadIds> scanned;
  ng::store::Cursor c = store.scan(nullptr, nullptr, nullptr, nullptr);
  for (QuadIds q; c.next(q);) scanned.push_back(q);
  CHECK(scanned == expected);
}
