// GRAPH <g> and GRAPH ?g over the named graphs of the dataset (§18.6 evalGraph).
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

}  // namespace ng::sparql::detail
