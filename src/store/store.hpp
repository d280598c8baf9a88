// The quad store: a SordModel with the indices the query engine needs, plus what Sord lacks
// (a list of graph names, the default-graph convention).
//
// Graph model (see docs/architecture.md): every quad is stored with a graph node. Triples of
// the default graph carry the reserved IRI kDefaultGraphIri, so the same triple may be in the
// default graph and in named graphs at once (Sord treats a NULL graph as a wildcard and would
// merge them). scan_union() sees every graph at once, each distinct triple once.
#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rdf/prefixes.hpp"
#include "store/world.hpp"

struct SordModelImpl;
struct SordIterImpl;

namespace ng::store {

inline constexpr std::string_view kDefaultGraphIri = "urn:x-newsgraph:default-graph";

struct QuadIds {
  NodeId subject = nullptr;
  NodeId predicate = nullptr;
  NodeId object = nullptr;
  NodeId graph = nullptr;
};

// A move-only cursor over matching quads. Do not add to or remove from the Store while a
// Cursor is alive (Sord's iterators are invalidated by changes).
class Cursor {
 public:
  Cursor() = default;
  Cursor(Cursor&& other) noexcept;
  Cursor& operator=(Cursor&& other) noexcept;
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  ~Cursor();
  // Writes the next match into `quad` and returns true, or returns false at the end.
  bool next(QuadIds& quad);

 private:
  friend class Store;
  Cursor(SordIterImpl* iter, NodeId skip_graph) : iter_(iter), skip_graph_(skip_graph) {}
  SordIterImpl* iter_ = nullptr;
  NodeId skip_graph_ = nullptr;  // when set, quads in this graph are skipped
  // A chained scan runs the pattern once per graph in `graphs_` (Sord has no "any graph, every
  // copy" search: a wildcard graph deduplicates).
  std::vector<NodeId> graphs_;
  std::size_t next_graph_ = 0;
  QuadIds pattern_;
  SordModelImpl* model_ = nullptr;
  bool started_ = false;
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
  bool remove(NodeId subject, NodeId predicate, NodeId object, NodeId graph = nullptr);

  // Quads matching the pattern; nullptr is a wildcard in every position. With graph == nullptr
  // every graph is searched, the default graph included, and a triple in two graphs comes twice.
  Cursor scan(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const;
  // Quads in the named graphs only (the default graph skipped), as GRAPH ?g needs.
  Cursor scan_named(NodeId subject, NodeId predicate, NodeId object) const;
  // Each distinct triple once across all graphs (the union default graph); `graph` in the
  // returned quads is the graph of one of its copies.
  Cursor scan_union(NodeId subject, NodeId predicate, NodeId object) const;
  bool contains(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const;
  std::size_t count(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const;

  // Number of quads.
  std::size_t size() const;
  // Named graphs, in the order they were first used (the default graph is not listed). A graph
  // stays listed after its last quad is removed.
  const std::vector<NodeId>& named_graphs() const { return named_graph_list_; }
  bool has_named_graph(NodeId graph) const;

  // Prefixes declared by the documents loaded so far (the first binding of a name wins); the
  // writers use them in addition to the common ones.
  rdf::PrefixRegistry& prefixes() { return prefixes_; }
  const rdf::PrefixRegistry& prefixes() const { return prefixes_; }

  SordModelImpl* raw() const { return model_; }

 private:
  Cursor chained(NodeId subject, NodeId predicate, NodeId object, std::vector<NodeId> graphs) const;

  World& world_;
  SordModelImpl* model_;
  NodeRef default_graph_;
  std::vector<NodeRef> named_graph_refs_;
  std::vector<NodeId> named_graph_list_;
  std::unordered_set<NodeId> named_graph_set_;
  rdf::PrefixRegistry prefixes_;
};

}  // namespace ng::store
