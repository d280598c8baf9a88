// Group and the aggregates COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT (§18.5.1).
#include "rdf/vocab.hpp"
#include "sparql/eval/evaluator.hpp"
#include "sparql/eval/numeric.hpp"

namespace ng::sparql::detail {

Rows Evaluator::eval_group(const Pattern& p, const ActiveGraph& g, const Row& seed) {
  Rows rows = eval(p.children[0], g, seed);
  std::unordered_map<Row, std::size_t, RowHash> index;
  std::vector<Row> keys;
  std::vector<Rows> groups;
  for (Row& r : rows) {
    ctx_.new_solution();
    Row key;
    for (const auto& k : p.group_keys) {
      auto v = eval_expr(k.expr, r, g);
      key.push_back(v ? intern(*v) : nullptr);
    }
    auto [it, inserted] = index.emplace(key, groups.size());
    if (inserted) {
      keys.push_back(key);
      groups.emplace_back();
    }
    groups[it->second].push_back(std::move(r));
  }
  // Without GROUP BY, an aggregate query has one group, even over no solutions.
  if (groups.empty() && p.group_keys.empty()) {
    keys.emplace_back();
    groups.emplace_back();
  }
  Rows out;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    Row r = empty_row();
    for (std::size_t k = 0; k < p.group_keys.size(); ++k) {
      if (p.group_keys[k].var)
        r[static_cast<std::size_t>(slot(*p.group_keys[k].var))] = keys[gi][k];
    }
    for (const auto& a : p.aggregates) {
      r[static_cast<std::size_t>(slot(a.var))] = aggregate(a.aggregate, groups[gi], g);
    }
    out.push_back(std::move(r));
  }
  return out;
}

NodeId Evaluator::aggregate(const Expr& agg, const Rows& rows, const ActiveGraph& g) {
  if (agg.star) {
    if (!agg.distinct) return constant(to_term(Numeric::integer(static_cast<Int128>(rows.size()))));
    std::unordered_set<Row, RowHash> seen(rows.begin(), rows.end());
    return constant(to_term(Numeric::integer(static_cast<Int128>(seen.size()))));
  }
  // The values of the argument; nullptr marks an error.
  std::vector<NodeId> values;
  std::unordered_set<NodeId> seen;
  for (const Row& r : rows) {
    ctx_.new_solution();
    NodeId n = nullptr;
    if (!agg.args.empty()) {
      if (auto v = eval_expr(agg.args[0], r, g)) n = intern(*v);
    }
    if (agg.distinct && n && !seen.insert(n).second) continue;
    values.push_back(n);
  }
  switch (agg.aggregate) {
    case AggregateOp::Count: {
      std::size_t c = 0;
      for (NodeId n : values) c += n != nullptr;
      return constant(to_term(Numeric::integer(static_cast<Int128>(c))));
    }
    case AggregateOp::Sum:
    case AggregateOp::Avg: {
      Numeric acc = Numeric::integer(0);
      for (NodeId n : values) {
        if (!n) return nullptr;
        auto x = parse_numeric(World::view(n));
        if (!x) return nullptr;
        auto s = arith(ArithOp::Add, acc, *x);
        if (!s) return nullptr;
        acc = *s;
      }
      if (agg.aggregate == AggregateOp::Avg) {
        if (values.empty()) return constant(to_term(Numeric::integer(0)));
        auto avg = arith(ArithOp::Div, acc, Numeric::integer(static_cast<Int128>(values.size())));
        if (!avg) return nullptr;
        acc = *avg;
      }
      return intern(Value::of_term(to_term(acc)));
    }
    case AggregateOp::Min:
    case AggregateOp::Max: {
      // An unbound value or an error in the group makes the aggregate an error (unbound), as for
      // SUM, AVG and GROUP_CONCAT: the SPARQL WG's reading of §18.5 (comment response BT-1), and
      // what Jena and Oxigraph do. Only COUNT and SAMPLE skip them. (To ignore OPTIONAL's unbound
      // values, as SQL's MIN does, filter them: FILTER(BOUND(?x)) or MIN(COALESCE(...)).)
      NodeId best = nullptr;
      for (NodeId n : values) {
        if (!n) return nullptr;
        if (!best) {
          best = n;
          continue;
        }
        int c = order_compare(World::view(n), World::view(best));
        if (agg.aggregate == AggregateOp::Min ? c < 0 : c > 0) best = n;
      }
      return best;
    }
    case AggregateOp::Sample:
      for (NodeId n : values) {
        if (n) return n;
      }
      return nullptr;
    case AggregateOp::GroupConcat: {
      // The result is a simple literal (W3C agg-groupconcat-04..06), whatever the tags were.
      std::string out;
      bool first = true;
      for (NodeId n : values) {
        if (!n) return nullptr;
        TermView v = World::view(n);
        if (v.is_blank()) return nullptr;
        if (!first) out += agg.separator;
        first = false;
        out.append(v.value);
      }
      return intern(Value::of_term(Term::literal(out)));
    }
  }
  return nullptr;
}

}  // namespace ng::sparql::detail
