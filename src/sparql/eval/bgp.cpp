// Basic graph patterns: index nested loop over Store::scan (§18.2.1 BGP).
#include "sparql/eval/evaluator.hpp"

namespace ng::sparql::detail {

Rows Evaluator::eval_bgp(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit,
                         const std::vector<Expr>* filter) {
  if (p.triples.empty()) {
    if (filter && !filter_passes(*filter, seed, g)) return {};
    return Rows{seed};
  }
  // Position: a slot (>= 0) or a constant node.
  struct Pos {
    int slot = -1;
    NodeId node = nullptr;
  };
  struct Tp {
    Pos s, p, o;
  };
  std::vector<Tp> tps;
  for (const auto& t : p.triples) {
    auto pos = [&](const TermOrVar& x) {
      Pos r;
      if (x.is_var()) {
        r.slot = slot(x.var);
      } else {
        r.node = query_term(*x.term);
      }
      return r;
    };
    Tp tp{pos(t.subject), pos(t.predicate), pos(t.object)};
    // A constant the store cannot hold (e.g. a relative IRI) matches nothing.
    if ((tp.s.slot < 0 && !tp.s.node) || (tp.p.slot < 0 && !tp.p.node) ||
        (tp.o.slot < 0 && !tp.o.node)) {
      return {};
    }
    tps.push_back(tp);
  }
  // Greedy order: next the pattern with the most bound positions (subject, object, predicate
  // weighted in that order), given what the seed and the earlier patterns bind.
  std::vector<char> bound(width(), 0);
  for (std::size_t k = 0; k < seed.size(); ++k) bound[k] = seed[k] != nullptr;
  std::vector<Tp> order;
  std::vector<char> used(tps.size(), 0);
  for (std::size_t step = 0; step < tps.size(); ++step) {
    std::size_t best = 0;
    int best_score = -1;
    for (std::size_t k = 0; k < tps.size(); ++k) {
      if (used[k]) continue;
      auto score = [&](const Pos& x, int w) {
        return (x.slot < 0 || bound[static_cast<std::size_t>(x.slot)]) ? w : 0;
      };
      int sc = score(tps[k].s, 4) + score(tps[k].o, 3) + score(tps[k].p, 2);
      if (sc > best_score) best = k, best_score = sc;
    }
    used[best] = 1;
    order.push_back(tps[best]);
    for (const Pos* x : {&tps[best].s, &tps[best].p, &tps[best].o}) {
      if (x->slot >= 0) bound[static_cast<std::size_t>(x->slot)] = 1;
    }
  }
  // Depth first (index nested loop), so LIMIT and ASK stop without materialising the rest.
  Rows out;
  Row row = seed;
  std::function<void(std::size_t)> step = [&](std::size_t k) {
    if (k == order.size()) {
      if (!filter || filter_passes(*filter, row, g)) out.push_back(row);
      return;
    }
    const Tp& tp = order[k];
    auto val = [&](const Pos& x) {
      return x.slot < 0 ? x.node : row[static_cast<std::size_t>(x.slot)];
    };
    scan(g, val(tp.s), val(tp.p), val(tp.o), [&](const store::QuadIds& q) {
      std::size_t set[3];
      std::size_t nset = 0;
      auto bind = [&](const Pos& x, NodeId n) {
        if (x.slot < 0) return true;
        NodeId& cell = row[static_cast<std::size_t>(x.slot)];
        if (cell) return cell == n;  // a variable repeated within the pattern
        cell = n;
        set[nset++] = static_cast<std::size_t>(x.slot);
        return true;
      };
      if (bind(tp.s, q.subject) && bind(tp.p, q.predicate) && bind(tp.o, q.object)) step(k + 1);
      for (std::size_t i = 0; i < nset; ++i) row[set[i]] = nullptr;
      return out.size() < limit;
    });
  };
  step(0);
  return out;
}

}  // namespace ng::sparql::detail
