// The quad store: interned nodes (the World's) and our own quad indices.
//
// Graph model (see docs/architecture.md): every quad is stored with a graph node. Triples of
// the default graph carry the reserved IRI kDefaultGraphIri, so the same triple may be in the
// default graph and in named graphs at once. scan_union() sees every graph at once, each
// distinct triple once.
//
// Indices: quads are kept as one deduplicated array sorted in SPOG order plus permutations of it
// in POSG, OSPG, GSPO, GPOS and GOSP order, built on first use. New quads go to an append-only
// delta that is merged (sort + unique) before the next scan. A search uses the permutation whose
// leading positions are bound, so its matches are one contiguous range (binary search).
// Why not SordModel: its B-trees compare node strings on every insert; with the three indices
// SPARQL needs, loading 1M triples took 26 s against 6 s for one index (measured, docs/).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "rdf/prefixes.hpp"
#include "store/world.hpp"

namespace ng::store {

inline constexpr std::string_view kDefaultGraphIri = "urn:x-newsgraph:default-graph";

struct QuadIds {
  NodeId subject = nullptr;
  NodeId predicate = nullptr;
  NodeId object = nullptr;
  NodeId graph = nullptr;
  friend bool operator==(const QuadIds&, const QuadIds&) = default;
};

class Store;

// A move-only cursor over matching quads. Do not add to or remove from the Store while a
// Cursor is alive: the next scan may reorganise the indices.
class Cursor {
 public:
  Cursor() = default;
  // A moved-from cursor is at its end.
  Cursor(Cursor&& other) noexcept { *this = std::move(other); }
  Cursor& operator=(Cursor&& other) noexcept {
    quads_ = other.quads_;
    order_ = other.order_;
    pos_ = other.pos_;
    end_ = other.end_;
    pattern_ = other.pattern_;
    skip_graph_ = other.skip_graph_;
    distinct_triples_ = other.distinct_triples_;
    exact_ = other.exact_;
    last_ = other.last_;
    other.pos_ = other.end_ = 0;
    return *this;
  }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  // Writes the next match into `quad` and returns true, or returns false at the end.
  bool next(QuadIds& quad);

 private:
  friend class Store;
  const std::vector<QuadIds>* quads_ = nullptr;
  const std::vector<std::uint32_t>* order_ = nullptr;  // nullptr: quads_ itself (SPOG)
  std::size_t pos_ = 0, end_ = 0;
  QuadIds pattern_;                // positions that still need checking (nullptr = any)
  NodeId skip_graph_ = nullptr;    // quads in this graph are skipped
  bool distinct_triples_ = false;  // union view: skip copies that differ only in the graph
  bool exact_ = false;  // every bound position is in the searched prefix: the range is the answer
  QuadIds last_;
};

struct QuadHash {
  std::size_t operator()(const QuadIds& q) const;
};

class Store {
 public:
  explicit Store(World& world);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  World& world() { return world_; }
  // The reserved node that stands for the default graph.
  NodeId default_graph() const { return default_graph_.get(); }

  // Adds a quad; `graph == nullptr` means the default graph. Returns false if already present.
  bool add(NodeId subject, NodeId predicate, NodeId object, NodeId graph = nullptr);
  bool add(const rdf::Quad& quad);
  // Adds without checking for duplicates (they are removed when the indices are next merged):
  // the bulk-load path. Returns nothing because it does not know.
  void append(NodeId subject, NodeId predicate, NodeId object, NodeId graph);
  // Room for `quads` more appends without the array growing (a bulk load that can estimate its
  // size: growth copies the array and faults in fresh pages each time).
  void reserve(std::size_t quads);
  bool remove(NodeId subject, NodeId predicate, NodeId object, NodeId graph = nullptr);
  // Replaces each node that is a key of `to` by its value, in the subject and object positions
  // of every quad (quads that become equal are kept once): cross-article resolution renames
  // actors after their quads are in. One pass over all quads, whatever the number of renames.
  void replace_nodes(const std::unordered_map<NodeId, NodeId>& to);

  // Quads matching the pattern; nullptr is a wildcard in every position. With graph == nullptr
  // every graph is searched, the default graph included, and a triple in two graphs comes twice.
  Cursor scan(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const;
  // Quads in the named graphs only (the default graph skipped), as GRAPH ?g needs.
  Cursor scan_named(NodeId subject, NodeId predicate, NodeId object) const;
  // Each distinct triple once across all graphs (the union default graph); `graph` in the
  // returned quads is the graph of one of its copies.
  Cursor scan_union(NodeId subject, NodeId predicate, NodeId object) const;
  bool contains(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const;
  // Number of quads matching (graph == nullptr: in every graph). O(log n) when the bound
  // positions lead some index, which makes it cheap enough for cardinality estimates.
  std::size_t count(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const;

  // Number of quads.
  std::size_t size() const;

  // The quads of a first load that is not merged yet, in the order they came, duplicates
  // included; nullptr once merged (or with no quads). For a writer that reads each graph once:
  // sorting each graph's few quads costs less than merging, which sorts every quad by subject
  // and then indexes them by graph again.
  const std::vector<QuadIds>* unmerged_quads() const {
    return quads_.empty() && !pending_.empty() ? &pending_ : nullptr;
  }

  // Per-predicate counts over all graphs, for the optimiser's cardinality estimates. Computed in
  // two linear passes over the indices on first use after a change, then kept.
  struct PredicateStats {
    std::size_t quads = 0;
    std::size_t subjects = 0;  // distinct subjects
    std::size_t objects = 0;   // distinct objects
  };
  // nullptr when no quad has this predicate.
  const PredicateStats* predicate_stats(NodeId predicate) const;
  // Builds every index and the statistics now (a load does this, so queries do not pay it).
  void prepare() const;
  // Named graphs, in the order they were first used (the default graph is not listed). A graph
  // stays listed after its last quad is removed.
  const std::vector<NodeId>& named_graphs() const { return named_graph_list_; }
  bool has_named_graph(NodeId graph) const;

  // Prefixes declared by the documents loaded so far (the first binding of a name wins); the
  // writers use them in addition to the common ones.
  rdf::PrefixRegistry& prefixes() { return prefixes_; }
  const rdf::PrefixRegistry& prefixes() const { return prefixes_; }

  // A failed load's rollback: mark() before, rollback_to(mark) drops every quad appended and every
  // graph name first used since. Nothing may scan the store in between.
  struct Mark {
    std::size_t pending = 0;
    std::size_t graphs = 0;
  };
  Mark mark() const;
  void rollback_to(const Mark& mark);

 private:
  enum Order : int { kPOSG, kOSPG, kGSPO, kGPOS, kGOSP, kOrderCount };
  void merge() const;  // pending_ -> quads_ (sort, unique), drops stale permutations
  void invalidate_indices() const;
  // nullptr: the order of quads_ itself (SPOG, or a graph-first order when there is one graph).
  const std::vector<std::uint32_t>* permutation(Order order) const;
  void graph_first_by_counting(std::vector<std::uint32_t>& perm) const;
  bool single_graph() const;
  Cursor make_cursor(QuadIds pattern, NodeId skip_graph, bool distinct_triples,
                     bool any_graph) const;
  void note_graph(NodeId graph);
  bool in_merged(const QuadIds& q) const;
  void retain(const QuadIds& q);
  void release(const QuadIds& q);

  World& world_;
  NodeRef default_graph_;
  // Sorted by SPOG, unique. Mutable: merged and indexed lazily by const readers.
  mutable std::vector<QuadIds> quads_;
  mutable std::vector<QuadIds> pending_;
  // The pending quads added through add(), to find duplicates without merging. Quads appended
  // through append() are not in it: add() merges first when there are any (pending_unchecked_).
  mutable std::unordered_set<QuadIds, QuadHash> pending_set_;
  mutable bool pending_unchecked_ = false;
  mutable std::array<std::vector<std::uint32_t>, kOrderCount> permutations_;
  mutable std::array<bool, kOrderCount> permutation_valid_{};
  mutable std::unordered_map<NodeId, PredicateStats> predicate_stats_;
  mutable bool stats_valid_ = false;
  mutable int single_graph_ = -1;  // -1 unknown, else whether every quad is in one graph
  std::vector<NodeRef> named_graph_refs_;
  std::vector<NodeId> named_graph_list_;
  std::unordered_set<NodeId> named_graph_set_;
  rdf::PrefixRegistry prefixes_;
};

}  // namespace ng::store
