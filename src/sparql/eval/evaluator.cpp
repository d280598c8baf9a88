// Slots, constants, and the dispatch over pattern operators (the simple ones inline).
#include "sparql/eval/evaluator.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>

namespace ng::sparql::detail {

void Evaluator::collect(const Expr& e) {
  if (e.kind == ExprKind::Var) slot(e.var);
  for (const auto& a : e.args) collect(a);
  if (e.pattern) collect(*e.pattern);
}

void Evaluator::collect(const Pattern& p) {
  for (const auto& t : p.triples) collect(t);
  if (p.kind == PatternKind::Path) {
    collect(p.subject);
    collect(p.object);
  }
  for (const auto& e : p.exprs) collect(e);
  if (p.kind == PatternKind::Graph || p.kind == PatternKind::Service) collect(p.name);
  if (p.kind == PatternKind::Extend) {
    slot(p.var);
    collect(p.expr);
  }
  for (const auto& v : p.variables) slot(v);
  for (const auto& k : p.group_keys) {
    collect(k.expr);
    if (k.var) slot(*k.var);
  }
  for (const auto& a : p.aggregates) {
    slot(a.var);
    collect(a.aggregate);
  }
  for (const auto& o : p.order) collect(o.expr);
  for (const auto& c : p.children) collect(c);
}

NodeId Evaluator::constant(const Term& t) {
  auto it = constants_.find(t);
  if (it != constants_.end()) return it->second;
  NodeId n = nullptr;
  try {
    n = pool_.intern(t);
  } catch (const std::invalid_argument&) {
    n = nullptr;  // e.g. a relative IRI: matches nothing
  }
  constants_.emplace(t, n);
  return n;
}

NodeId Evaluator::intern(const Value& v) {
  if (v.node()) return v.node();
  try {
    return pool_.intern(v.view());
  } catch (const std::invalid_argument&) {
    return nullptr;
  }
}

// --- Patterns ------------------------------------------------------------------------------------

namespace {

std::string operator_name(const Pattern& p) {
  switch (p.kind) {
    case PatternKind::Bgp:
      return "bgp (" + std::to_string(p.triples.size()) + " triples)";
    case PatternKind::Path:
      return "path";
    case PatternKind::Join:
      return "join";
    case PatternKind::LeftJoin:
      return "leftjoin";
    case PatternKind::Filter:
      return "filter";
    case PatternKind::Union:
      return "union";
    case PatternKind::Graph:
      return "graph";
    case PatternKind::Extend:
      return "extend ?" + p.var;
    case PatternKind::Minus:
      return "minus";
    case PatternKind::Values:
      return "values (" + std::to_string(p.rows.size()) + " rows)";
    case PatternKind::Group:
      return "group";
    case PatternKind::OrderBy:
      return "order";
    case PatternKind::Project:
      return "project";
    case PatternKind::Distinct:
      return "distinct";
    case PatternKind::Reduced:
      return "reduced";
    case PatternKind::Slice:
      return "slice";
    case PatternKind::Service:
      return "service";
  }
  return "?";
}

}  // namespace

Rows Evaluator::eval(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit) {
  if (!profile_) return eval_operator(p, g, seed, limit);
  auto [it, inserted] = profile_index_.emplace(&p, profile_->size());
  if (inserted)
    profile_->push_back(OperatorStats{operator_name(p), profile_depth_, 0, 0, 0, -1, {}});
  std::size_t index = it->second;
  auto start = std::chrono::steady_clock::now();
  ++profile_depth_;
  Rows rows;
  try {
    rows = eval_operator(p, g, seed, limit);
  } catch (...) {
    --profile_depth_;
    throw;
  }
  --profile_depth_;
  OperatorStats& stats = (*profile_)[index];
  ++stats.calls;
  stats.rows += rows.size();
  stats.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return rows;
}

Rows Evaluator::eval_operator(const Pattern& p, const ActiveGraph& g, const Row& seed,
                              std::size_t limit) {
  switch (p.kind) {
    case PatternKind::Bgp:
      return eval_bgp(p, g, seed, limit);
    case PatternKind::Path:
      return eval_path(p, g, seed);
    case PatternKind::Join:
      return eval_join(p, g, seed, limit);
    case PatternKind::LeftJoin:
      return eval_left_join(p, g, seed, limit);
    case PatternKind::Filter: {
      // Over a BGP the filter runs as each match is found, so LIMIT can stop the matching and
      // rejected rows are never stored.
      if (p.children[0].kind == PatternKind::Bgp)
        return eval_bgp(p.children[0], g, seed, limit, &p.exprs);
      // An equality across a join: a hash join on the value; !bound over OPTIONAL: an anti-join.
      if (auto rows = eval_equality_join(p, g, seed, limit)) return std::move(*rows);
      if (auto rows = eval_anti_join(p, g, seed, limit)) return std::move(*rows);
      Rows rows = eval(p.children[0], g, seed);
      Rows out;
      for (auto& r : rows) {
        if (filter_passes(p.exprs, r, g)) out.push_back(std::move(r));
      }
      return out;
    }
    case PatternKind::Union: {
      Rows a = eval(p.children[0], g, seed, limit);
      if (a.size() >= limit) return a;
      Rows b = eval(p.children[1], g, seed, limit == kAll ? kAll : limit - a.size());
      a.insert(a.end(), std::make_move_iterator(b.begin()), std::make_move_iterator(b.end()));
      return a;
    }
    case PatternKind::Graph:
      return eval_graph(p, g, seed, limit);
    case PatternKind::Extend: {
      // A chain of Extends (SELECT expressions, consecutive BINDs) is applied per solution in
      // one go, so BNODE(label) gives the same node throughout one solution.
      std::vector<const Pattern*> chain;
      const Pattern* base = &p;
      while (base->kind == PatternKind::Extend) {
        chain.push_back(base);
        base = &base->children[0];
      }
      Rows rows = eval(*base, g, seed, limit);
      for (auto& r : rows) {
        ctx_.new_solution();
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
          std::size_t s = static_cast<std::size_t>(slot((*it)->var));
          if (r[s]) continue;
          if (auto v = eval_expr((*it)->expr, r, g)) r[s] = intern(*v);
        }
      }
      return rows;
    }
    case PatternKind::Minus:
      return eval_minus(p, g, seed);
    case PatternKind::Values:
      return eval_values(p, seed);
    case PatternKind::Group:
      return eval_group(p, g, seed);
    case PatternKind::OrderBy:
      return eval_order(p, g, seed, limit);
    case PatternKind::Project: {
      Rows rows = eval(p.children[0], g, seed, limit);
      std::vector<char> keep(width(), 0);
      for (const auto& v : p.variables) keep[static_cast<std::size_t>(slot(v))] = 1;
      for (auto& r : rows) {
        for (std::size_t k = 0; k < r.size(); ++k) {
          if (!keep[k]) r[k] = nullptr;
        }
      }
      return rows;
    }
    case PatternKind::Distinct:
    case PatternKind::Reduced: {
      Rows rows = eval(p.children[0], g, seed);
      // In place, first occurrences in order, through an open-addressing table of row indices
      // (no row copies, no per-row allocation); stops once `limit` distinct rows are found.
      std::size_t capacity = 16;
      while (capacity < 2 * rows.size()) capacity *= 2;
      std::vector<std::size_t> table(capacity, kAll);
      std::size_t kept = 0;
      for (std::size_t i = 0; i < rows.size() && kept < limit; ++i) {
        if (i != kept) rows[kept] = std::move(rows[i]);
        std::size_t h = RowHash{}(rows[kept]);
        h ^= h >> 29;
        bool duplicate = false;
        for (std::size_t at = h & (capacity - 1);; at = (at + 1) & (capacity - 1)) {
          if (table[at] == kAll) {
            table[at] = kept;
            break;
          }
          if (rows[table[at]] == rows[kept]) {
            duplicate = true;
            break;
          }
        }
        if (!duplicate) ++kept;
      }
      rows.resize(kept);
      return rows;
    }
    case PatternKind::Slice: {
      std::size_t need = kAll;
      if (p.limit || limit != kAll) {
        std::size_t lim =
            static_cast<std::size_t>(std::min<std::uint64_t>(p.limit.value_or(kAll), limit));
        need = p.offset + lim < p.offset ? kAll : static_cast<std::size_t>(p.offset + lim);
      }
      Rows rows = eval(p.children[0], g, seed, need);
      std::size_t begin = std::min<std::size_t>(rows.size(), p.offset);
      std::size_t end = rows.size();
      if (p.limit) end = std::min<std::size_t>(end, begin + *p.limit);
      return Rows(std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(begin)),
                  std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(end)));
    }
    case PatternKind::Service: {
      std::string name = p.name.is_var() ? "?" + p.name.var : "<" + p.name.term->value + ">";
      throw UnsupportedError("SERVICE " + name + " (federated queries are not implemented)");
    }
  }
  return {};
}

Rows Evaluator::eval_values(const Pattern& p, const Row& seed) {
  std::vector<std::size_t> slots;
  for (const auto& v : p.variables) slots.push_back(static_cast<std::size_t>(slot(v)));
  Rows out;
  for (const auto& data : p.rows) {
    Row r = seed;
    bool ok = true;
    for (std::size_t k = 0; k < slots.size() && k < data.size(); ++k) {
      if (!data[k]) continue;
      NodeId n = query_term(*data[k]);
      if (!n) {
        ok = false;
        break;
      }
      if (r[slots[k]] && r[slots[k]] != n) {
        ok = false;
        break;
      }
      r[slots[k]] = n;
    }
    if (ok) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ng::sparql::detail
