// GRAPH <g> and GRAPH ?g over the named graphs of the dataset (§18.6 evalGraph).
#include <algorithm>

#include "sparql/eval/evaluator.hpp"

namespace ng::sparql::detail {

Rows Evaluator::eval_graph(const Pattern& p, const ActiveGraph&, const Row& seed,
                           std::size_t limit) {
  if (!p.name.is_var()) {
    NodeId gn = query_term(*p.name.term);
    if (!gn || !named_set_.count(gn)) return {};
    return eval(p.children[0], ActiveGraph{false, gn}, seed, limit);
  }
  std::size_t s = static_cast<std::size_t>(slot(p.name.var));
  std::vector<NodeId> graphs;
  if (seed[s]) {
    if (named_set_.count(seed[s])) graphs.push_back(seed[s]);
  } else if (auto candidates = candidate_graphs(p.children[0], seed)) {
    graphs = std::move(*candidates);
  } else {
    graphs = named_;
  }
  // The child is evaluated without ?g (§18.6 evalGraph joins it afterwards), so ?g does not
  // count as shared inside, e.g. for MINUS disjointness (W3C negation/graph-minus).
  Row sd = seed;
  sd[s] = nullptr;
  Rows out;
  for (NodeId gn : graphs) {
    Rows part = eval(p.children[0], ActiveGraph{false, gn}, sd);
    for (Row& r : part) {
      if (r[s] && r[s] != gn) continue;
      r[s] = gn;
      out.push_back(std::move(r));
    }
    if (out.size() >= limit) break;
  }
  return out;
}

std::optional<std::vector<NodeId>> Evaluator::candidate_graphs(const Pattern& child,
                                                               const Row& seed) {
  const Pattern* bgp = &child;
  if (bgp->kind == PatternKind::Filter) bgp = &bgp->children[0];
  if (bgp->kind != PatternKind::Bgp || bgp->triples.empty() || named_.size() < 8)
    return std::nullopt;
  // The triple pattern with the fewest matches over all graphs, given constants and the seed.
  auto known = [&](const TermOrVar& t) -> NodeId {
    if (!t.is_var()) return query_term(*t.term);
    return seed[static_cast<std::size_t>(slot(t.var))];
  };
  const TriplePattern* best = nullptr;
  std::size_t best_count = 0;
  for (const auto& t : bgp->triples) {
    NodeId s = known(t.subject), p = known(t.predicate), o = known(t.object);
    if ((!t.subject.is_var() && !s) || (!t.predicate.is_var() && !p) || (!t.object.is_var() && !o))
      return std::vector<NodeId>{};  // a constant the store does not hold
    if (!s && !p && !o) continue;
    std::size_t n = store_.count(s, p, o, nullptr);
    if (!best || n < best_count) {
      best = &t;
      best_count = n;
    }
  }
  // Worth it only when the pattern is rarer than the graphs are many.
  if (!best || best_count > 4 * named_.size()) return std::nullopt;
  if (named_position_.empty()) {
    for (std::size_t k = 0; k < named_.size(); ++k) named_position_.emplace(named_[k], k);
  }
  std::vector<std::size_t> positions;
  store::Cursor c =
      store_.scan(known(best->subject), known(best->predicate), known(best->object), nullptr);
  store::QuadIds q;
  std::unordered_set<NodeId> seen;
  while (c.next(q)) {
    if (!seen.insert(q.graph).second) continue;
    auto it = named_position_.find(q.graph);
    if (it != named_position_.end()) positions.push_back(it->second);
  }
  std::sort(positions.begin(), positions.end());
  std::vector<NodeId> out;
  out.reserve(positions.size());
  for (std::size_t k : positions) out.push_back(named_[k]);
  return out;
}

}  // namespace ng::sparql::detail
