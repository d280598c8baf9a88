// Join, LeftJoin and Minus (§18.5): hash joins on the slots bound on both sides.
#include <iterator>

#include "sparql/eval/evaluator.hpp"

namespace ng::sparql::detail {

namespace {

// Which slots are bound in every row and in some row.
struct Boundness {
  std::vector<char> all, any;
};
Boundness boundness(const Rows& rows, std::size_t width) {
  Boundness b{std::vector<char>(width, 1), std::vector<char>(width, 0)};
  if (rows.empty()) std::fill(b.all.begin(), b.all.end(), 0);
  for (const Row& r : rows) {
    for (std::size_t k = 0; k < width; ++k) {
      if (r[k]) {
        b.any[k] = 1;
      } else {
        b.all[k] = 0;
      }
    }
  }
  return b;
}

bool compatible(const Row& a, const Row& b, const std::vector<std::size_t>& check) {
  for (std::size_t k : check) {
    if (a[k] && b[k] && a[k] != b[k]) return false;
  }
  return true;
}

Row merge(const Row& a, const Row& b) {
  Row out = a;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (!out[k]) out[k] = b[k];
  }
  return out;
}

// Hash index of `right` on the key slots, with the remaining shared slots to check per pair.
struct JoinIndex {
  std::vector<std::size_t> key, check;
  std::unordered_map<Row, std::vector<std::size_t>, RowHash> buckets;

  JoinIndex(const Rows& left, const Rows& right, std::size_t width) {
    Boundness l = boundness(left, width), r = boundness(right, width);
    for (std::size_t k = 0; k < width; ++k) {
      if (l.all[k] && r.all[k]) {
        key.push_back(k);
      } else if (l.any[k] && r.any[k]) {
        check.push_back(k);
      }
    }
    for (std::size_t i = 0; i < right.size(); ++i) buckets[key_of(right[i])].push_back(i);
  }
  Row key_of(const Row& r) const {
    Row k;
    k.reserve(key.size());
    for (std::size_t s : key) k.push_back(r[s]);
    return k;
  }
  const std::vector<std::size_t>* candidates(const Row& left) const {
    auto it = buckets.find(key_of(left));
    return it == buckets.end() ? nullptr : &it->second;
  }
};

std::vector<int> pattern_slots_bgp(const Pattern& p, Evaluator& ev) {
  std::vector<int> out;
  auto add = [&](const TermOrVar& t) {
    if (t.is_var()) out.push_back(ev.slot(t.var));
  };
  if (p.kind == PatternKind::Bgp) {
    for (const auto& t : p.triples) add(t.subject), add(t.predicate), add(t.object);
  } else {
    add(p.subject);
    add(p.object);
  }
  return out;
}

}  // namespace

namespace {

// Slots every solution of `p` binds (a subset, conservatively): what a seed may safely fix.
void certain_slots(const Pattern& p, Evaluator& ev, std::vector<char>& out) {
  switch (p.kind) {
    case PatternKind::Bgp:
    case PatternKind::Path:
      for (int s : pattern_slots_bgp(p, ev)) out[static_cast<std::size_t>(s)] = 1;
      return;
    case PatternKind::Join:
      certain_slots(p.children[0], ev, out);
      certain_slots(p.children[1], ev, out);
      return;
    case PatternKind::Union: {
      std::vector<char> a(out.size(), 0), b(out.size(), 0);
      certain_slots(p.children[0], ev, a);
      certain_slots(p.children[1], ev, b);
      for (std::size_t k = 0; k < out.size(); ++k) out[k] = out[k] || (a[k] && b[k]);
      return;
    }
    case PatternKind::Filter:
      certain_slots(p.children[0], ev, out);
      return;
    case PatternKind::Graph:
      if (p.name.is_var()) out[static_cast<std::size_t>(ev.slot(p.name.var))] = 1;
      certain_slots(p.children[0], ev, out);
      return;
    default:
      return;
  }
}

// Adds the slots of the variables `e` reads; false when it holds EXISTS (whose substitution
// would see every bound variable of the row).
bool expr_slots(const Expr& e, Evaluator& ev, std::vector<int>& out) {
  if (e.kind == ExprKind::Exists || e.kind == ExprKind::NotExists) return false;
  if (e.kind == ExprKind::Var) out.push_back(ev.slot(e.var));
  for (const Expr& a : e.args) {
    if (!expr_slots(a, ev, out)) return false;
  }
  return true;
}

// True when evaluating `p` with a left row substituted gives exactly the solutions of `p` that
// are compatible with that row, merged with it (so the join may run as an index nested loop).
// BGPs and paths always do; UNION and JOIN when their parts do; a FILTER when each variable it
// reads that a left row may bind is certainly bound below it (then the seed does not change the
// value the filter sees). `left_any` marks the slots some left row binds.
bool seed_preserves_join(const Pattern& p, Evaluator& ev, const std::vector<char>& left_any) {
  switch (p.kind) {
    case PatternKind::Bgp:
    case PatternKind::Path:
      return true;
    case PatternKind::Join:
    case PatternKind::Union:
      return seed_preserves_join(p.children[0], ev, left_any) &&
             seed_preserves_join(p.children[1], ev, left_any);
    case PatternKind::Filter: {
      if (!seed_preserves_join(p.children[0], ev, left_any)) return false;
      std::vector<int> read;
      for (const Expr& e : p.exprs) {
        if (!expr_slots(e, ev, read)) return false;
      }
      std::vector<char> certain(left_any.size(), 0);
      certain_slots(p.children[0], ev, certain);
      for (int s : read) {
        auto k = static_cast<std::size_t>(s);
        if (left_any[k] && !certain[k]) return false;
      }
      return true;
    }
    case PatternKind::Graph:
      return !p.name.is_var() && seed_preserves_join(p.children[0], ev, left_any);
    default:
      return false;
  }
}

}  // namespace

// True when matching `right` once per left row, with that row's bindings filled in (an index
// nested loop), gives exactly the compatible solutions and is worth it: a single left row, or a
// variable bound in every left row that every solution of `right` binds (usually far fewer
// matches than evaluating it alone).
bool Evaluator::seedable(const Rows& left, const Pattern& right) {
  Boundness lb = boundness(left, width());
  if (!seed_preserves_join(right, *this, lb.any)) return false;
  if (left.size() == 1) return true;
  std::vector<char> certain(width(), 0);
  certain_slots(right, *this, certain);
  for (std::size_t k = 0; k < certain.size(); ++k) {
    if (certain[k] && lb.all[k]) return true;
  }
  return false;
}

Rows Evaluator::eval_join(const Pattern& p, const ActiveGraph& g, const Row& seed,
                          std::size_t limit) {
  Rows left = eval(p.children[0], g, seed);
  if (left.empty()) return {};
  const Pattern& rp = p.children[1];
  if (seedable(left, rp)) {
    Rows out;
    for (const Row& l : left) {
      Rows part = eval(rp, g, l, limit - out.size());
      out.insert(out.end(), std::make_move_iterator(part.begin()),
                 std::make_move_iterator(part.end()));
      if (out.size() >= limit) break;
    }
    return out;
  }
  Rows right = eval(rp, g, seed);
  if (right.empty()) return {};
  JoinIndex index(left, right, width());
  Rows out;
  for (const Row& l : left) {
    const auto* cands = index.candidates(l);
    if (!cands) continue;
    for (std::size_t i : *cands) {
      if (compatible(l, right[i], index.check)) out.push_back(merge(l, right[i]));
    }
    if (out.size() >= limit) break;
  }
  return out;
}

Rows Evaluator::eval_left_join(const Pattern& p, const ActiveGraph& g, const Row& seed,
                               std::size_t limit) {
  // Every left row yields at least one row, so the left side needs no more than `limit`.
  Rows left = eval(p.children[0], g, seed, limit);
  if (left.empty()) return {};
  const Pattern& rp = p.children[1];
  if (seedable(left, rp)) {
    Rows out;
    for (const Row& l : left) {
      bool matched = false;
      for (Row& m : eval(rp, g, l)) {
        if (p.exprs.empty() || filter_passes(p.exprs, m, g)) {
          out.push_back(std::move(m));
          matched = true;
        }
      }
      if (!matched) out.push_back(l);
    }
    return out;
  }
  // A condition may hold an equality to hash on (?author = ?author2): equality_join.cpp.
  if (!p.exprs.empty()) return std::move(*hashed_left_join(p, left, g, seed, false));
  Rows right = eval(rp, g, seed);
  JoinIndex index(left, right, width());
  Rows out;
  for (const Row& l : left) {
    bool matched = false;
    if (const auto* cands = index.candidates(l)) {
      for (std::size_t i : *cands) {
        if (!compatible(l, right[i], index.check)) continue;
        Row m = merge(l, right[i]);
        if (p.exprs.empty() || filter_passes(p.exprs, m, g)) {
          out.push_back(std::move(m));
          matched = true;
        }
      }
    }
    if (!matched) out.push_back(l);
  }
  return out;
}

Rows Evaluator::eval_minus(const Pattern& p, const ActiveGraph& g, const Row& seed) {
  Rows left = eval(p.children[0], g, seed);
  if (left.empty()) return {};
  const Pattern& rp = p.children[1];
  if (rp.kind == PatternKind::Bgp || rp.kind == PatternKind::Path) {
    // Per left row: any match of the right side with the row's bindings filled in is compatible,
    // and it shares a variable when one of the right side's variables is bound in the row.
    std::vector<int> slots = pattern_slots_bgp(rp, *this);
    Rows out;
    for (Row& l : left) {
      bool shares = false;
      for (int s : slots) shares = shares || l[static_cast<std::size_t>(s)] != nullptr;
      if (!shares || eval(rp, g, l, 1).empty()) out.push_back(std::move(l));
    }
    return out;
  }
  Rows right = eval(rp, g, seed);
  if (right.empty()) return left;
  JoinIndex index(left, right, width());
  Rows out;
  for (Row& l : left) {
    bool removed = false;
    if (const auto* cands = index.candidates(l)) {
      for (std::size_t i : *cands) {
        const Row& r = right[i];
        if (!compatible(l, r, index.check)) continue;
        // §18.5: only solutions that share a bound variable are removed.
        bool shared = !index.key.empty();
        for (std::size_t k = 0; !shared && k < l.size(); ++k) shared = l[k] && r[k];
        if (shared) {
          removed = true;
          break;
        }
      }
    }
    if (!removed) out.push_back(std::move(l));
  }
  return out;
}

}  // namespace ng::sparql::detail
