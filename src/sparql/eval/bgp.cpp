// Basic graph patterns: index nested loop over Store::scan (§18.2.1 BGP).
#include <cstdio>
#include <set>

#include "sparql/eval/evaluator.hpp"
#include "sparql/optimizer/optimizer.hpp"

namespace ng::sparql::detail {

struct Evaluator::BgpPlan {
  // Position: a slot (>= 0) or a constant node.
  struct Pos {
    int slot = -1;
    NodeId node = nullptr;
  };
  struct Tp {
    Pos s, p, o;
  };
  std::vector<Tp> order;
  std::vector<double> estimates;                 // matches per row expected at each step
  std::vector<std::size_t> triples;              // index in the pattern's triples, per step
  std::vector<std::vector<const Expr*>> checks;  // filter conjuncts checked entering step k
};

NodeId Evaluator::estimate_graph(const ActiveGraph& g) const {
  if (!g.is_default) return g.graph;
  switch (dataset_.default_graph) {
    case Dataset::DefaultGraph::Store:
      return store_.default_graph();
    case Dataset::DefaultGraph::Graphs:
      return dataset_.default_graphs.size() == 1 ? dataset_.default_graphs[0] : nullptr;
    case Dataset::DefaultGraph::UnionOfNamed:
      return nullptr;
  }
  return nullptr;
}

Rows Evaluator::eval_bgp(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit,
                         const std::vector<Expr>* filter, const RowSink* sink) {
  if (p.triples.empty()) {
    if (filter && !filter_passes(*filter, seed, g)) return {};
    if (sink) {
      (*sink)(seed);
      return {};
    }
    return Rows{seed};
  }
  using Pos = BgpPlan::Pos;
  using Tp = BgpPlan::Tp;
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
  // A BGP under a Filter is evaluated here directly, not through eval(): it gets its own profile
  // entry, counted here.
  constexpr std::string_view kOwn = ", filter applied while matching)";
  std::size_t own_entry = kAll;
  if (profile_) {
    auto it = profile_index_.find(&p);
    if (it == profile_index_.end()) {
      it = profile_index_.emplace(&p, profile_->size()).first;
      profile_->push_back(
          OperatorStats{"bgp (" + std::to_string(p.triples.size()) + " triples" + std::string(kOwn),
                        profile_depth_,
                        0,
                        0,
                        0,
                        -1,
                        {}});
    }
    if ((*profile_)[it->second].name.ends_with(kOwn)) own_entry = it->second;
  }
  // The plan: the patterns in the order of fewest estimated matches per row (cost-based greedy,
  // Statistics::estimate with the seed's values and the slots earlier patterns bind), and for
  // each step the filter conjuncts whose variables are all bound there (checked as early as
  // possible). Cached per pattern, filter and set of seed-bound slots: a nested-loop join asks
  // for the same BGP once per outer row.
  std::vector<bool> seed_mask(seed.size());
  for (std::size_t k = 0; k < seed.size(); ++k) seed_mask[k] = seed[k] != nullptr;
  auto key = std::make_tuple(&p, static_cast<const void*>(filter), std::move(seed_mask));
  auto found = bgp_plans_.find(key);
  if (found == bgp_plans_.end()) {
    auto plan = std::make_shared<BgpPlan>();
    std::vector<char> bound(width(), 0);
    for (std::size_t k = 0; k < seed.size(); ++k) bound[k] = seed[k] != nullptr;
    NodeId graph = estimate_graph(g);
    std::vector<char> used(tps.size(), 0);
    std::vector<int> bound_at(width(), -1);  // the step whose pattern binds a slot
    for (std::size_t step = 0; step < tps.size(); ++step) {
      std::size_t best = 0;
      double best_cost = 0;
      int best_bound = -1;
      for (std::size_t k = 0; k < tps.size(); ++k) {
        if (used[k]) continue;
        auto known = [&](const Pos& x) {
          return x.slot < 0 ? x.node : seed[static_cast<std::size_t>(x.slot)];
        };
        auto later = [&](const Pos& x) {
          return x.slot >= 0 && !seed[static_cast<std::size_t>(x.slot)] &&
                 bound[static_cast<std::size_t>(x.slot)];
        };
        double cost = stats().estimate(known(tps[k].s), known(tps[k].p), known(tps[k].o), graph,
                                       later(tps[k].s), later(tps[k].p), later(tps[k].o));
        // At equal cost, the pattern with more bound positions (fewer cross products).
        int nbound = 0;
        for (const Pos* x : {&tps[k].s, &tps[k].p, &tps[k].o}) {
          nbound += x->slot < 0 || bound[static_cast<std::size_t>(x->slot)];
        }
        if (best_bound < 0 || cost < best_cost || (cost == best_cost && nbound > best_bound)) {
          best = k;
          best_cost = cost;
          best_bound = nbound;
        }
      }
      used[best] = 1;
      plan->order.push_back(tps[best]);
      plan->triples.push_back(best);
      plan->estimates.push_back(best_cost);
      for (const Pos* x : {&tps[best].s, &tps[best].p, &tps[best].o}) {
        if (x->slot >= 0 && !bound[static_cast<std::size_t>(x->slot)]) {
          bound[static_cast<std::size_t>(x->slot)] = 1;
          bound_at[static_cast<std::size_t>(x->slot)] = static_cast<int>(step);
        }
      }
    }
    plan->checks.resize(tps.size() + 1);
    if (filter) {
      for (const Expr& e : *filter) {
        std::set<std::string> vars;
        bool has_exists = false;
        expression_variables(e, vars, has_exists);
        std::size_t at = 0;  // checked on entering step `at` (tps.size(): on a full match)
        if (has_exists) at = tps.size();
        for (const auto& v : vars) {
          auto it = slots_.find(v);
          if (it == slots_.end()) continue;
          int b = bound_at[static_cast<std::size_t>(it->second)];
          if (b >= 0) at = std::max(at, static_cast<std::size_t>(b) + 1);
        }
        plan->checks[at].push_back(&e);
      }
    }
    if (profile_) {
      auto it = profile_index_.find(&p);
      if (it != profile_index_.end() && (*profile_)[it->second].plan.empty()) {
        OperatorStats& st = (*profile_)[it->second];
        double rows = 1;
        for (std::size_t k = 0; k < plan->order.size(); ++k) {
          const TriplePattern& t = p.triples[plan->triples[k]];
          rows *= plan->estimates[k];
          char est[32];
          std::snprintf(est, sizeof est, "%.4g", plan->estimates[k]);
          st.plan += (k ? "\n" : "") + to_sse(t.subject) + " " + to_sse(t.predicate) + " " +
                     to_sse(t.object) + "  est/row=" + est;
          for (const Expr* e : plan->checks[k + 1]) st.plan += "  then filter " + to_sse(*e);
        }
        st.estimate = rows;
      }
    }
    found = bgp_plans_.emplace(std::move(key), std::move(plan)).first;
  }
  const BgpPlan& plan = *found->second;
  const std::vector<Tp>& order = plan.order;
  // Depth first (index nested loop), so LIMIT and ASK stop without materialising the rest.
  Rows out;
  Row row = seed;
  bool stopped = false;  // the sink asked to stop
  std::function<void(std::size_t)> step = [&](std::size_t k) {
    if (!plan.checks[k].empty()) {
      ctx_.new_solution();
      for (const Expr* e : plan.checks[k]) {
        auto b = eval_ebv(*e, row, g);
        if (!b || !*b) return;
      }
    }
    if (k == order.size()) {
      if (!sink) {
        out.push_back(row);
      } else if (!(*sink)(row)) {
        stopped = true;
      }
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
      return !stopped && out.size() < limit;
    });
  };
  step(0);
  if (own_entry != kAll) {
    ++(*profile_)[own_entry].calls;
    (*profile_)[own_entry].rows += out.size();
  }
  return out;
}

}  // namespace ng::sparql::detail
