// ORDER BY: a stable sort by the §15.1 order of terms, unbound first.
#include <algorithm>

#include "sparql/eval/evaluator.hpp"

namespace ng::sparql::detail {

Rows Evaluator::eval_order(const Pattern& p, const ActiveGraph& g, const Row& seed,
                           std::size_t limit) {
  Rows rows = eval(p.children[0], g, seed);
  std::vector<Row> keys;
  keys.reserve(rows.size());
  for (const Row& r : rows) {
    ctx_.new_solution();
    Row k;
    for (const auto& c : p.order) {
      auto v = eval_expr(c.expr, r, g);
      k.push_back(v ? intern(*v) : nullptr);
    }
    keys.push_back(std::move(k));
  }
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t k = 0; k < idx.size(); ++k) idx[k] = k;
  // Ties keep their input order (the index breaks them), so the sort is stable; with a LIMIT
  // above, only the first `limit` positions are sorted.
  auto less = [&](std::size_t a, std::size_t b) {
    for (std::size_t c = 0; c < p.order.size(); ++c) {
      NodeId x = keys[a][c], y = keys[b][c];
      if (x == y) continue;
      int cmp = !x ? -1 : (!y ? 1 : order_compare(World::view(x), World::view(y)));
      if (cmp == 0) continue;
      return p.order[c].ascending ? cmp < 0 : cmp > 0;
    }
    return a < b;
  };
  if (limit < idx.size()) {
    std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(limit), idx.end(),
                      less);
    idx.resize(limit);
  } else {
    std::sort(idx.begin(), idx.end(), less);
  }
  Rows out;
  out.reserve(idx.size());
  for (std::size_t k : idx) out.push_back(std::move(rows[k]));
  return out;
}

}  // namespace ng::sparql::detail
