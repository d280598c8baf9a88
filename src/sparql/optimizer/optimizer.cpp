#include "sparql/optimizer/optimizer.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <stdexcept>
#include <utility>

namespace ng::sparql {

namespace {

// Rebuilds `p` with `fn` applied to each child first (bottom-up).
Pattern map_children(const Pattern& p, Pattern (*fn)(const Pattern&)) {
  Pattern out = p;
  for (auto& c : out.children) c = fn(c);
  return out;
}

std::set<std::string> scope_set(const Pattern& p) {
  auto v = in_scope_variables(p);
  return {v.begin(), v.end()};
}

void flatten_and(const Expr& e, std::vector<Expr>& out) {
  if (e.kind == ExprKind::Call && e.op == Op::And && e.args.size() == 2) {
    flatten_and(e.args[0], out);
    flatten_and(e.args[1], out);
  } else {
    out.push_back(e);
  }
}

void triple_vars(const TriplePattern& t, std::set<std::string>& out) {
  for (const TermOrVar* x : {&t.subject, &t.predicate, &t.object}) {
    if (x->is_var()) out.insert(x->var);
  }
}

// True when e (no EXISTS) may be evaluated on the rows of `inner` instead of those of a join
// of `inner` with `other`: each of its variables is either bound in every row of `inner` (the
// join cannot change it) or never bound by `other`.
bool can_push(const Expr& e, const std::set<std::string>& inner_certain,
              const std::set<std::string>& other_scope) {
  std::set<std::string> vars;
  bool has_exists = false;
  expression_variables(e, vars, has_exists);
  if (has_exists) return false;
  for (const auto& v : vars) {
    if (!inner_certain.count(v) && other_scope.count(v)) return false;
  }
  return true;
}

Pattern with_filter(Pattern p, std::vector<Expr> exprs) {
  if (exprs.empty()) return p;
  if (p.kind == PatternKind::Filter) {
    p.exprs.insert(p.exprs.end(), exprs.begin(), exprs.end());
    return p;
  }
  Pattern f = Pattern::unary(PatternKind::Filter, std::move(p));
  f.exprs = std::move(exprs);
  return f;
}

}  // namespace

void expression_variables(const Expr& e, std::set<std::string>& out, bool& has_exists) {
  if (e.kind == ExprKind::Var) out.insert(e.var);
  if (e.kind == ExprKind::Exists || e.kind == ExprKind::NotExists) {
    has_exists = true;
    if (e.pattern) {
      auto v = in_scope_variables(*e.pattern);
      out.insert(v.begin(), v.end());
    }
  }
  for (const auto& a : e.args) expression_variables(a, out, has_exists);
}

std::set<std::string> certain_variables(const Pattern& p) {
  std::set<std::string> out;
  switch (p.kind) {
    case PatternKind::Bgp:
      for (const auto& t : p.triples) triple_vars(t, out);
      break;
    case PatternKind::Path:
      if (p.subject.is_var()) out.insert(p.subject.var);
      if (p.object.is_var()) out.insert(p.object.var);
      break;
    case PatternKind::Join: {
      out = certain_variables(p.children[0]);
      auto r = certain_variables(p.children[1]);
      out.insert(r.begin(), r.end());
      break;
    }
    case PatternKind::LeftJoin:
    case PatternKind::Minus:
    case PatternKind::Filter:
    case PatternKind::Extend:
    case PatternKind::OrderBy:
    case PatternKind::Distinct:
    case PatternKind::Reduced:
    case PatternKind::Slice:
      out = certain_variables(p.children[0]);
      break;
    case PatternKind::Union: {
      auto a = certain_variables(p.children[0]);
      auto b = certain_variables(p.children[1]);
      std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
      break;
    }
    case PatternKind::Graph:
      out = certain_variables(p.children[0]);
      if (p.name.is_var()) out.insert(p.name.var);
      break;
    case PatternKind::Project: {
      auto c = certain_variables(p.children[0]);
      for (const auto& v : p.variables) {
        if (c.count(v)) out.insert(v);
      }
      break;
    }
    case PatternKind::Values:
      for (std::size_t k = 0; k < p.variables.size(); ++k) {
        bool all = true;
        for (const auto& row : p.rows) all = all && k < row.size() && row[k].has_value();
        if (all) out.insert(p.variables[k]);
      }
      break;
    case PatternKind::Group:
    case PatternKind::Service:
      break;
  }
  return out;
}

Pattern split_conjunctions(const Pattern& p) {
  Pattern out = map_children(p, &split_conjunctions);
  if (out.kind == PatternKind::Filter || out.kind == PatternKind::LeftJoin) {
    std::vector<Expr> flat;
    for (const auto& e : out.exprs) flatten_and(e, flat);
    out.exprs = std::move(flat);
  }
  return out;
}

Pattern push_filters(const Pattern& p) {
  Pattern out = map_children(p, &push_filters);
  if (out.kind != PatternKind::Filter) return out;
  Pattern child = std::move(out.children[0]);
  std::vector<Expr> exprs = std::move(out.exprs);
  if (child.kind == PatternKind::Filter) {
    // Filter(a, Filter(b, X)) = Filter(b && a, X).
    std::vector<Expr> merged = std::move(child.exprs);
    merged.insert(merged.end(), exprs.begin(), exprs.end());
    return push_filters(with_filter(std::move(child.children[0]), std::move(merged)));
  }
  std::vector<Expr> keep;
  if (child.kind == PatternKind::Join) {
    auto c0 = certain_variables(child.children[0]), c1 = certain_variables(child.children[1]);
    auto s0 = scope_set(child.children[0]), s1 = scope_set(child.children[1]);
    std::vector<Expr> to0, to1;
    for (auto& e : exprs) {
      if (can_push(e, c0, s1)) {
        to0.push_back(std::move(e));
      } else if (can_push(e, c1, s0)) {
        to1.push_back(std::move(e));
      } else {
        keep.push_back(std::move(e));
      }
    }
    if (to0.empty() && to1.empty()) return with_filter(std::move(child), std::move(keep));
    child.children[0] = push_filters(with_filter(std::move(child.children[0]), std::move(to0)));
    child.children[1] = push_filters(with_filter(std::move(child.children[1]), std::move(to1)));
    return with_filter(std::move(child), std::move(keep));
  }
  if (child.kind == PatternKind::LeftJoin || child.kind == PatternKind::Minus) {
    auto c0 = certain_variables(child.children[0]);
    // Minus never binds anything of its right side.
    auto s1 =
        child.kind == PatternKind::Minus ? std::set<std::string>{} : scope_set(child.children[1]);
    std::vector<Expr> to0;
    for (auto& e : exprs) {
      if (can_push(e, c0, s1)) {
        to0.push_back(std::move(e));
      } else {
        keep.push_back(std::move(e));
      }
    }
    if (to0.empty()) return with_filter(std::move(child), std::move(keep));
    child.children[0] = push_filters(with_filter(std::move(child.children[0]), std::move(to0)));
    return with_filter(std::move(child), std::move(keep));
  }
  if (child.kind == PatternKind::Graph) {
    // Inside GRAPH the graph variable is not bound yet; expressions do not depend on the active
    // graph unless they contain EXISTS.
    std::vector<Expr> inside;
    for (auto& e : exprs) {
      std::set<std::string> vars;
      bool has_exists = false;
      expression_variables(e, vars, has_exists);
      if (!has_exists && !(child.name.is_var() && vars.count(child.name.var))) {
        inside.push_back(std::move(e));
      } else {
        keep.push_back(std::move(e));
      }
    }
    if (inside.empty()) return with_filter(std::move(child), std::move(keep));
    child.children[0] = push_filters(with_filter(std::move(child.children[0]), std::move(inside)));
    return with_filter(std::move(child), std::move(keep));
  }
  return with_filter(std::move(child), std::move(exprs));
}

Pattern merge_bgps(const Pattern& p) {
  Pattern out = map_children(p, &merge_bgps);
  if (out.kind == PatternKind::Join && out.children[0].kind == PatternKind::Bgp &&
      out.children[1].kind == PatternKind::Bgp) {
    Pattern merged = std::move(out.children[0]);
    for (auto& t : out.children[1].triples) merged.triples.push_back(std::move(t));
    return merged;
  }
  return out;
}

Pattern split_bgp_on_equality(const Pattern& p) {
  Pattern out = map_children(p, &split_bgp_on_equality);
  if (out.kind != PatternKind::Filter || out.children[0].kind != PatternKind::Bgp) return out;
  const auto& triples = out.children[0].triples;
  if (triples.size() < 2) return out;
  // Connected components of the triple patterns (union-find over shared variables).
  std::vector<std::size_t> parent(triples.size());
  for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = k;
  std::function<std::size_t(std::size_t)> find = [&](std::size_t x) {
    return parent[x] == x ? x : parent[x] = find(parent[x]);
  };
  std::map<std::string, std::size_t> first_use;
  for (std::size_t k = 0; k < triples.size(); ++k) {
    std::set<std::string> vars;
    triple_vars(triples[k], vars);
    for (const auto& v : vars) {
      auto [it, inserted] = first_use.emplace(v, k);
      if (!inserted) parent[find(k)] = find(it->second);
    }
  }
  std::set<std::size_t> roots;
  for (std::size_t k = 0; k < triples.size(); ++k) roots.insert(find(k));
  if (roots.size() != 2) return out;
  // An equality between a variable of each component.
  bool found = false;
  for (const auto& e : out.exprs) {
    if (e.kind != ExprKind::Call || (e.op != Op::Equal && e.op != Op::SameTerm)) continue;
    if (e.args.size() != 2 || e.args[0].kind != ExprKind::Var || e.args[1].kind != ExprKind::Var)
      continue;
    auto a = first_use.find(e.args[0].var), b = first_use.find(e.args[1].var);
    if (a == first_use.end() || b == first_use.end()) continue;
    if (find(a->second) != find(b->second)) found = true;
  }
  if (!found) return out;
  std::size_t first_root = find(0);
  Pattern left = Pattern::bgp(), right = Pattern::bgp();
  for (std::size_t k = 0; k < triples.size(); ++k) {
    (find(k) == first_root ? left : right).triples.push_back(triples[k]);
  }
  out.children[0] = Pattern::binary(PatternKind::Join, std::move(left), std::move(right));
  // The conjuncts that only concern one part go down to it.
  return push_filters(out);
}

const std::vector<OptimizerPass>& optimizer_passes() {
  static const std::vector<OptimizerPass> passes = {
      {"split_conjunctions", "FILTER(a && b) -> FILTER(a) FILTER(b)", &split_conjunctions},
      {"merge_bgps", "Join(Bgp, Bgp) -> one Bgp (ordered by cost in the evaluator)", &merge_bgps},
      {"push_filters", "filters into the join side, OPTIONAL's left or GRAPH that binds them",
       &push_filters},
      {"split_bgp_on_equality",
       "FILTER(?a = ?b) over a BGP of two unconnected parts -> join on the value",
       &split_bgp_on_equality},
  };
  return passes;
}

Query optimize(Query query, const OptimizerOptions& options, std::vector<PassReport>* report) {
  for (const auto& name : options.disabled) {
    bool known = std::any_of(optimizer_passes().begin(), optimizer_passes().end(),
                             [&](const OptimizerPass& pass) { return pass.name == name; });
    if (!known) throw std::invalid_argument("unknown optimizer pass: " + name);
  }
  if (!options.enabled) return query;
  for (const auto& pass : optimizer_passes()) {
    if (options.disabled.count(std::string(pass.name))) continue;
    auto start = std::chrono::steady_clock::now();
    Pattern next = pass.run(query.pattern);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bool changed = !(next == query.pattern);
    if (report) report->push_back(PassReport{std::string(pass.name), changed, seconds});
    query.pattern = std::move(next);
  }
  return query;
}

}  // namespace ng::sparql
