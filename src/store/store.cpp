#include "store/store.hpp"

#include <sord/sord.h>

#include <algorithm>

namespace ng::store {
namespace {

SordNode* mut(NodeId node) { return const_cast<SordNode*>(node); }

}  // namespace

Cursor::Cursor(Cursor&& other) noexcept
    : iter_(other.iter_),
      skip_graph_(other.skip_graph_),
      graphs_(std::move(other.graphs_)),
      next_graph_(other.next_graph_),
      pattern_(other.pattern_),
      model_(other.model_),
      started_(other.started_) {
  other.iter_ = nullptr;
}

Cursor& Cursor::operator=(Cursor&& other) noexcept {
  if (this != &other) {
    sord_iter_free(iter_);
    iter_ = other.iter_;
    skip_graph_ = other.skip_graph_;
    graphs_ = std::move(other.graphs_);
    next_graph_ = other.next_graph_;
    pattern_ = other.pattern_;
    model_ = other.model_;
    started_ = other.started_;
    other.iter_ = nullptr;
  }
  return *this;
}

Cursor::~Cursor() { sord_iter_free(iter_); }

bool Cursor::next(QuadIds& quad) {
  for (;;) {
    if (started_ && iter_) sord_iter_next(iter_);
    started_ = true;
    while (sord_iter_end(iter_)) {
      // Move on to the next graph of a chained scan, if any.
      if (next_graph_ >= graphs_.size()) return false;
      sord_iter_free(iter_);
      iter_ = sord_search(model_, mut(pattern_.subject), mut(pattern_.predicate),
                          mut(pattern_.object), mut(graphs_[next_graph_++]));
    }
    SordQuad q;
    sord_iter_get(iter_, q);
    if (skip_graph_ && q[SORD_GRAPH] == skip_graph_) continue;
    quad = {q[SORD_SUBJECT], q[SORD_PREDICATE], q[SORD_OBJECT], q[SORD_GRAPH]};
    return true;
  }
}

Store::Store(World& world)
    : world_(world),
      model_(sord_new(world.raw(), SORD_SPO | SORD_OPS | SORD_POS, true)),
      default_graph_(world.iri(kDefaultGraphIri)) {}

Store::~Store() {
  named_graph_refs_.clear();
  sord_free(model_);
}

bool Store::add(NodeId subject, NodeId predicate, NodeId object, NodeId graph) {
  if (!graph) graph = default_graph();
  SordQuad q = {subject, predicate, object, graph};
  if (!sord_add(model_, q)) return false;
  if (graph != default_graph() && !has_named_graph(graph)) {
    named_graph_refs_.push_back(world_.intern(World::view(graph)));  // keeps the name alive
    named_graph_list_.push_back(graph);
    named_graph_set_.insert(graph);
  }
  return true;
}

bool Store::add(const rdf::Quad& quad) {
  NodeRef s = world_.intern(quad.subject);
  NodeRef p = world_.intern(quad.predicate);
  NodeRef o = world_.intern(quad.object);
  NodeRef g = quad.graph ? world_.intern(*quad.graph) : NodeRef();
  return add(s.get(), p.get(), o.get(), g.get());
}

bool Store::remove(NodeId subject, NodeId predicate, NodeId object, NodeId graph) {
  if (!graph) graph = default_graph();
  SordQuad q = {subject, predicate, object, graph};
  if (!sord_contains(model_, q)) return false;
  sord_remove(model_, q);
  return true;
}

Cursor Store::scan(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const {
  if (graph) {
    return Cursor(sord_search(model_, mut(subject), mut(predicate), mut(object), mut(graph)),
                  nullptr);
  }
  std::vector<NodeId> graphs{default_graph()};
  graphs.insert(graphs.end(), named_graph_list_.begin(), named_graph_list_.end());
  return chained(subject, predicate, object, std::move(graphs));
}

Cursor Store::scan_named(NodeId subject, NodeId predicate, NodeId object) const {
  return chained(subject, predicate, object, named_graph_list_);
}

Cursor Store::chained(NodeId subject, NodeId predicate, NodeId object,
                      std::vector<NodeId> graphs) const {
  Cursor c(nullptr, nullptr);
  c.graphs_ = std::move(graphs);
  c.pattern_ = {subject, predicate, object, nullptr};
  c.model_ = model_;
  return c;
}

Cursor Store::scan_union(NodeId subject, NodeId predicate, NodeId object) const {
  // With a wildcard graph Sord searches a graph-less index and skips the copies of a triple
  // that differ only in their graph, which is exactly the union view.
  return Cursor(sord_search(model_, mut(subject), mut(predicate), mut(object), nullptr), nullptr);
}

bool Store::contains(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const {
  if (graph) return sord_ask(model_, mut(subject), mut(predicate), mut(object), mut(graph));
  Cursor c = scan_union(subject, predicate, object);
  QuadIds q;
  return c.next(q);
}

std::size_t Store::count(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const {
  std::size_t n = 0;
  Cursor c = scan(subject, predicate, object, graph);
  QuadIds q;
  while (c.next(q)) ++n;
  return n;
}

std::size_t Store::size() const { return sord_num_quads(model_); }

bool Store::has_named_graph(NodeId graph) const { return named_graph_set_.count(graph) != 0; }

}  // namespace ng::store
