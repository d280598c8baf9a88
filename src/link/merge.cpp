#include "link/merge.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "store/rdf_io.hpp"

namespace ng::link {
namespace {

using store::NodeId;
using store::QuadIds;
using store::World;

bool same_quad(const QuadIds& a, const QuadIds& b) {
  return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object &&
         a.graph == b.graph;
}

class UnionFind {
 public:
  NodeId find(NodeId x) {
    auto it = parent_.find(x);
    if (it == parent_.end()) {
      parent_.emplace(x, x);
      return x;
    }
    while (it->second != x) {
      NodeId up = it->second;
      auto up_it = parent_.find(up);
      it->second = up_it->second;  // path halving
      x = up;
      it = parent_.find(x);
    }
    return x;
  }
  void join(NodeId a, NodeId b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[a] = b;
  }
  const std::unordered_map<NodeId, NodeId>& nodes() const { return parent_; }

 private:
  std::unordered_map<NodeId, NodeId> parent_;
};

}  // namespace

MergeStats merge_files(store::Store& store, const MergeOptions& options) {
  MergeStats stats;
  for (const auto& file : options.data) stats.data_quads += store::load_file(store, file).added;
  for (const auto& file : options.external) {
    store::LoadOptions load;
    std::string graph_iri;
    store::NodeRef graph;
    if (!options.external_in_default_graph) {
      graph_iri = store::file_iri(file);
      graph = store.world().iri(graph_iri);
      load.graph = graph.get();
    }
    stats.external_quads += store::load_file(store, file, load).added;
    stats.external_graphs.push_back(graph_iri);
  }
  return stats;
}

SmushStats smush(store::Store& store, std::string_view our_namespace) {
  World& world = store.world();
  const store::NodeRef same_as = world.iri(std::string(vocab::kOwl) + "sameAs");
  const store::NodeRef rdf_subject = world.iri(std::string(vocab::kRdf) + "subject");
  const store::NodeRef rdf_object = world.iri(std::string(vocab::kRdf) + "object");
  SmushStats stats;

  UnionFind sets;
  std::vector<QuadIds> links;
  {
    QuadIds q;
    auto cursor = store.scan(nullptr, same_as.get(), nullptr, nullptr);
    while (cursor.next(q)) {
      if (World::view(q.object).is_literal() || q.subject == q.object) continue;
      sets.join(q.subject, q.object);
      links.push_back(q);
    }
  }
  if (links.empty()) return stats;

  // Members per class; hold a reference to each while quads are moved.
  std::map<NodeId, std::vector<NodeId>> classes;
  for (const auto& [node, parent] : sets.nodes()) classes[sets.find(node)].push_back(node);
  std::vector<store::NodeRef> held;
  std::unordered_map<NodeId, NodeId> canonical_of;
  auto rank = [&](NodeId n) {
    const rdf::TermView v = World::view(n);
    if (!v.is_iri()) return 2;
    return v.value.substr(0, our_namespace.size()) == our_namespace ? 1 : 0;
  };
  for (auto& [root, members] : classes) {
    NodeId best = members.front();
    for (NodeId m : members) {
      held.push_back(world.intern(World::view(m)));
      const int rm = rank(m), rb = rank(best);
      if (rm < rb || (rm == rb && World::view(m).value < World::view(best).value)) best = m;
    }
    ++stats.classes;
    for (NodeId m : members) {
      if (m != best) canonical_of[m] = best;
    }
  }
  auto canon = [&](NodeId n) {
    auto it = canonical_of.find(n);
    return it == canonical_of.end() ? n : it->second;
  };

  // Collect every quad that mentions a replaced node, then rewrite (no cursor alive meanwhile).
  std::vector<QuadIds> old_quads;
  for (const auto& [node, target] : canonical_of) {
    QuadIds q;
    auto by_subject = store.scan(node, nullptr, nullptr, nullptr);
    while (by_subject.next(q)) old_quads.push_back(q);
    auto by_object = store.scan(nullptr, nullptr, node, nullptr);
    while (by_object.next(q)) {
      if (q.subject != node) old_quads.push_back(q);  // a self-loop came by subject already
    }
  }
  // Rewrite quad by quad; a quad that comes out unchanged (e.g. `canonical owl:sameAs old` from
  // an earlier smush) is left alone.
  std::vector<QuadIds> removed, added;
  std::unordered_set<NodeId> touched;
  for (const QuadIds& q : old_quads) {
    QuadIds n = q;
    n.subject = canon(q.subject);
    const bool keep_object = q.predicate == rdf_subject.get() || q.predicate == rdf_object.get();
    if (!keep_object) n.object = canon(q.object);
    std::vector<QuadIds> out;
    if (q.predicate == same_as.get() && n.subject == n.object) {
      // A link inside the class: keep it as canonical -> replaced.
      for (NodeId end : {q.subject, q.object}) {
        if (end != n.subject) out.push_back({n.subject, q.predicate, end, q.graph});
      }
    } else {
      out.push_back(n);
    }
    if (out.size() == 1 && same_quad(out[0], q)) continue;
    removed.push_back(q);
    for (const QuadIds& o : out) added.push_back(o);
    for (NodeId x : {q.subject, q.object}) {
      if (canonical_of.count(x) != 0) touched.insert(x);
    }
  }
  // Removing a quad may drop the last reference to its nodes: hold them until re-added.
  for (const QuadIds& q : removed) {
    for (NodeId n : {q.subject, q.predicate, q.object, q.graph}) {
      held.push_back(world.intern(World::view(n)));
    }
  }
  for (const QuadIds& q : removed) store.remove(q.subject, q.predicate, q.object, q.graph);
  for (const QuadIds& q : added) {
    if (store.add(q.subject, q.predicate, q.object, q.graph)) ++stats.quads_rewritten;
  }
  stats.nodes_replaced = touched.size();
  if (stats.nodes_replaced == 0) stats.classes = 0;
  return stats;
}

}  // namespace ng::link
