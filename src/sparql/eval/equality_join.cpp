// Joins on the value of an equality (FILTER(?a = ?b) between the two sides of a Join, or inside
// an OPTIONAL's condition), and the anti-join that FILTER(!bound(?x)) over OPTIONAL amounts to.
//
// `=` is value equality (§17.4.1.2 RDFterm-equal, numeric and date comparisons), not term
// identity. An IRI, a blank node, a simple or a language-tagged literal equals only the very same
// term (anything else is false or a type error), so those are hashed by node; only typed literals
// (numbers, dates, unknown types) can equal a different term, so they are kept apart and compared
// with every typed value of the other side. Candidates are then checked with the full condition,
// so the index only prunes.
#include <algorithm>
#include <iterator>
#include <set>

#include "sparql/eval/evaluator.hpp"
#include "sparql/optimizer/optimizer.hpp"

namespace ng::sparql::detail {

namespace {

bool identity_class(NodeId n) {
  TermView v = World::view(n);
  return !v.is_literal() || v.datatype.empty();
}

// A variable of one side compared with a variable of the other: (left slot, right slot).
struct ValuePair {
  std::size_t left, right;
  bool same_term;  // sameTerm: identity for every kind of term
};

struct SlotUse {
  std::vector<char> any, all;
};
SlotUse slot_use(const Rows& rows, std::size_t width) {
  SlotUse u{std::vector<char>(width, 0), std::vector<char>(width, rows.empty() ? 0 : 1)};
  for (const Row& r : rows) {
    for (std::size_t k = 0; k < width; ++k) {
      if (r[k]) {
        u.any[k] = 1;
      } else {
        u.all[k] = 0;
      }
    }
  }
  return u;
}

// Hash index over `build` rows on the slots bound in every row of both sides and on the value
// pairs' build-side slots.
class ValueIndex {
 public:
  ValueIndex(const Rows& build, const SlotUse& probe_use, const SlotUse& build_use,
             std::vector<std::size_t> probe_slots, std::vector<std::size_t> build_slots,
             std::vector<char> same_term, std::size_t width)
      : build_(build),
        probe_slots_(std::move(probe_slots)),
        build_slots_(std::move(build_slots)),
        same_term_(std::move(same_term)) {
    for (std::size_t k = 0; k < width; ++k) {
      if (probe_use.all[k] && build_use.all[k]) {
        shared_.push_back(k);
      } else if (probe_use.any[k] && build_use.any[k]) {
        check_.push_back(k);
      }
    }
    // A flat array of (key hash, row) sorted by hash: no allocation per row, and a collision
    // only adds a candidate (every candidate is checked against the shared slots and the full
    // condition anyway).
    entries_.reserve(build.size());
    for (std::size_t i = 0; i < build.size(); ++i) {
      std::size_t h = 0;
      if (!key_hash(build[i], build_slots_, h)) {
        typed_.push_back(i);
      } else {
        entries_.emplace_back(h, i);
      }
    }
    std::sort(entries_.begin(), entries_.end());
  }
  // Calls fn(build row) for every build row that may join with `probe`.
  template <class F>
  void candidates(const Row& probe, F&& fn) const {
    for (std::size_t s : probe_slots_) {
      if (!probe[s]) return;  // the equality is an error: no match
    }
    std::size_t h = 0;
    if (key_hash(probe, probe_slots_, h)) {
      auto it =
          std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(h, std::size_t{0}));
      for (; it != entries_.end() && it->first == h; ++it) {
        if (compatible(probe, build_[it->second])) fn(build_[it->second]);
      }
    } else {
      for (std::size_t i : typed_) {
        if (compatible(probe, build_[i])) fn(build_[i]);
      }
    }
  }

 private:
  // The hash of the shared slots and the value slots; false when a value slot holds a typed
  // literal (compared by value, not hashable by node).
  bool key_hash(const Row& r, const std::vector<std::size_t>& value_slots, std::size_t& h) const {
    h = 0xcbf29ce484222325ULL;
    auto mix = [&](NodeId n) { h = (h ^ std::hash<const void*>{}(n)) * 0x100000001b3ULL; };
    for (std::size_t s : shared_) mix(r[s]);
    for (std::size_t k = 0; k < value_slots.size(); ++k) {
      NodeId n = r[value_slots[k]];
      if (!n) return false;
      if (!same_term_[k] && !identity_class(n)) return false;
      mix(n);
    }
    return true;
  }
  bool compatible(const Row& a, const Row& b) const {
    for (std::size_t k : shared_) {
      if (a[k] != b[k]) return false;
    }
    for (std::size_t k : check_) {
      if (a[k] && b[k] && a[k] != b[k]) return false;
    }
    return true;
  }

  const Rows& build_;
  std::vector<std::size_t> probe_slots_, build_slots_;
  std::vector<char> same_term_;
  std::vector<std::size_t> shared_, check_;
  std::vector<std::pair<std::size_t, std::size_t>> entries_;
  std::vector<std::size_t> typed_;
};

Row merge_rows(const Row& a, const Row& b) {
  Row out = a;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (!out[k]) out[k] = b[k];
  }
  return out;
}

// The equalities of `exprs` between a variable only the left rows bind and one only the right
// rows bind.
std::vector<ValuePair> value_pairs(const std::vector<Expr>& exprs, Evaluator& ev,
                                   const SlotUse& left, const SlotUse& right) {
  std::vector<ValuePair> out;
  for (const auto& e : exprs) {
    if (e.kind != ExprKind::Call || (e.op != Op::Equal && e.op != Op::SameTerm)) continue;
    if (e.args.size() != 2 || e.args[0].kind != ExprKind::Var || e.args[1].kind != ExprKind::Var)
      continue;
    auto a = static_cast<std::size_t>(ev.slot(e.args[0].var));
    auto b = static_cast<std::size_t>(ev.slot(e.args[1].var));
    bool same_term = e.op == Op::SameTerm;
    if (left.any[a] && !right.any[a] && right.any[b] && !left.any[b]) {
      out.push_back({a, b, same_term});
    } else if (left.any[b] && !right.any[b] && right.any[a] && !left.any[a]) {
      out.push_back({b, a, same_term});
    }
  }
  return out;
}

bool has_value_equality(const std::vector<Expr>& exprs) {
  for (const auto& e : exprs) {
    if (e.kind == ExprKind::Call && (e.op == Op::Equal || e.op == Op::SameTerm) &&
        e.args.size() == 2 && e.args[0].kind == ExprKind::Var && e.args[1].kind == ExprKind::Var)
      return true;
  }
  return false;
}

}  // namespace

// Few rows wanted (ASK, LIMIT) and one equality ?a = ?b with ?b in a BGP on the right: stream the
// left side and match the right BGP once per left row with ?b := the value of ?a, stopping at the
// limit (SP2Bench q12a finds its first answer after a few rows instead of hashing 80,000). The
// substitution is exact for terms that equal only themselves (IRIs, blank nodes, simple and
// language-tagged literals; any term for sameTerm); a typed literal on the left is compared by
// value with every right solution, computed once.
std::optional<Rows> Evaluator::substituted_equality_join(const Pattern& filter,
                                                         const ActiveGraph& g, const Row& seed,
                                                         std::size_t limit) {
  const Pattern& join = filter.children[0];
  const Pattern& lp = join.children[0];
  const Pattern& rp = join.children[1];
  const Pattern* rbgp = rp.kind == PatternKind::Bgp ? &rp
                        : rp.kind == PatternKind::Filter && rp.children[0].kind == PatternKind::Bgp
                            ? &rp.children[0]
                            : nullptr;
  if (!rbgp) return std::nullopt;
  std::set<std::string> right_vars = certain_variables(*rbgp);
  if (rp.kind == PatternKind::Filter) {
    // The seed holds every left binding: the right side's filter must not read any other.
    std::set<std::string> read;
    bool has_exists = false;
    for (const Expr& e : rp.exprs) expression_variables(e, read, has_exists);
    if (has_exists) return std::nullopt;
    for (const auto& v : read) {
      if (!right_vars.count(v)) return std::nullopt;
    }
  }
  SlotUse lu{std::vector<char>(width(), 0), std::vector<char>(width(), 0)};
  SlotUse ru = lu;
  for (std::size_t k = 0; k < seed.size(); ++k) {
    lu.any[k] = lu.all[k] = ru.any[k] = ru.all[k] = seed[k] != nullptr;
  }
  for (const auto& v : in_scope_variables(lp)) lu.any[static_cast<std::size_t>(slot(v))] = 1;
  for (const auto& v : certain_variables(lp)) lu.all[static_cast<std::size_t>(slot(v))] = 1;
  for (const auto& v : right_vars) {
    auto k = static_cast<std::size_t>(slot(v));
    ru.any[k] = ru.all[k] = 1;
  }
  std::vector<ValuePair> pairs = value_pairs(filter.exprs, *this, lu, ru);
  if (pairs.size() != 1) return std::nullopt;
  const ValuePair vp = pairs[0];
  const std::vector<Expr>* right_filter = rp.kind == PatternKind::Filter ? &rp.exprs : nullptr;
  Rows out;
  std::optional<Rows> right_all;  // for typed literals on the left
  auto emit = [&](Row m) {
    if (filter_passes(filter.exprs, m, g)) out.push_back(std::move(m));
    return out.size() < limit;
  };
  RowSink per_left = [&](const Row& l) {
    NodeId v = l[vp.left];
    if (!v) return true;  // the equality is an error for this row
    if (vp.same_term || identity_class(v)) {
      if (l[vp.right] && l[vp.right] != v) return true;
      Row s = l;
      s[vp.right] = v;
      for (Row& m : eval_bgp(*rbgp, g, s, limit - out.size(), right_filter)) {
        if (!emit(std::move(m))) return false;
      }
      return true;
    }
    if (!right_all) right_all = eval(rp, g, seed);
    for (const Row& r : *right_all) {
      bool compatible = true;
      for (std::size_t k = 0; k < l.size() && compatible; ++k) {
        compatible = !l[k] || !r[k] || l[k] == r[k];
      }
      if (compatible && !emit(merge_rows(l, r))) return false;
    }
    return true;
  };
  if (lp.kind == PatternKind::Bgp) {
    eval_bgp(lp, g, seed, kAll, nullptr, &per_left);
  } else if (lp.kind == PatternKind::Filter && lp.children[0].kind == PatternKind::Bgp) {
    eval_bgp(lp.children[0], g, seed, kAll, &lp.exprs, &per_left);
  } else {
    for (const Row& l : eval(lp, g, seed)) {
      if (!per_left(l)) break;
    }
  }
  return out;
}

std::optional<Rows> Evaluator::eval_equality_join(const Pattern& filter, const ActiveGraph& g,
                                                  const Row& seed, std::size_t limit) {
  const Pattern& join = filter.children[0];
  if (join.kind != PatternKind::Join || !has_value_equality(filter.exprs)) return std::nullopt;
  {
    // Only worth it when an equality compares a variable of each side.
    auto ls = in_scope_variables(join.children[0]), rs = in_scope_variables(join.children[1]);
    std::set<std::string> l(ls.begin(), ls.end()), r(rs.begin(), rs.end());
    bool across = false;
    for (const auto& e : filter.exprs) {
      if (e.kind != ExprKind::Call || (e.op != Op::Equal && e.op != Op::SameTerm) ||
          e.args.size() != 2 || e.args[0].kind != ExprKind::Var || e.args[1].kind != ExprKind::Var)
        continue;
      const std::string &a = e.args[0].var, &b = e.args[1].var;
      across = across || (l.count(a) && !r.count(a) && r.count(b) && !l.count(b)) ||
               (l.count(b) && !r.count(b) && r.count(a) && !l.count(a));
    }
    if (!across) return std::nullopt;
  }
  if (limit != kAll) {
    if (auto rows = substituted_equality_join(filter, g, seed, limit)) return std::move(*rows);
  }
  Rows left = eval(join.children[0], g, seed);
  if (left.empty()) return Rows{};
  Rows right = eval(join.children[1], g, seed);
  if (right.empty()) return Rows{};
  SlotUse lu = slot_use(left, width()), ru = slot_use(right, width());
  std::vector<ValuePair> pairs = value_pairs(filter.exprs, *this, lu, ru);
  bool build_left = left.size() < right.size();
  const Rows& build = build_left ? left : right;
  const Rows& probe = build_left ? right : left;
  std::vector<std::size_t> probe_slots, build_slots;
  std::vector<char> same_term;
  for (const auto& vp : pairs) {
    probe_slots.push_back(build_left ? vp.right : vp.left);
    build_slots.push_back(build_left ? vp.left : vp.right);
    same_term.push_back(vp.same_term);
  }
  ValueIndex index(build, build_left ? ru : lu, build_left ? lu : ru, std::move(probe_slots),
                   std::move(build_slots), std::move(same_term), width());
  Rows out;
  for (const Row& r : probe) {
    index.candidates(r, [&](const Row& b) {
      if (out.size() >= limit) return;
      Row m = merge_rows(r, b);
      if (filter_passes(filter.exprs, m, g)) out.push_back(std::move(m));
    });
    if (out.size() >= limit) break;
  }
  return out;
}

std::optional<Rows> Evaluator::hashed_left_join(const Pattern& p, const Rows& left,
                                                const ActiveGraph& g, const Row& seed, bool anti) {
  const Pattern& rp = p.children[1];
  Rows right = eval(rp, g, seed);
  SlotUse lu = slot_use(left, width()), ru = slot_use(right, width());
  std::vector<ValuePair> pairs = value_pairs(p.exprs, *this, lu, ru);
  std::vector<std::size_t> probe_slots, build_slots;
  std::vector<char> same_term;
  for (const auto& vp : pairs) {
    probe_slots.push_back(vp.left);
    build_slots.push_back(vp.right);
    same_term.push_back(vp.same_term);
  }
  ValueIndex index(right, lu, ru, std::move(probe_slots), std::move(build_slots),
                   std::move(same_term), width());
  Rows out;
  for (const Row& l : left) {
    bool matched = false;
    index.candidates(l, [&](const Row& r) {
      if (anti && matched) return;
      Row m = merge_rows(l, r);
      if (p.exprs.empty() || filter_passes(p.exprs, m, g)) {
        matched = true;
        if (!anti) out.push_back(std::move(m));
      }
    });
    if (!matched) out.push_back(l);
  }
  return out;
}

std::optional<Rows> Evaluator::eval_anti_join(const Pattern& filter, const ActiveGraph& g,
                                              const Row& seed, std::size_t limit) {
  const Pattern& lj = filter.children[0];
  if (lj.kind != PatternKind::LeftJoin) return std::nullopt;
  // FILTER(!bound(?x)) where ?x is bound in every solution of the OPTIONAL part and never by the
  // left side (nor the seed): a left row survives exactly when nothing matches it.
  std::set<std::string> certain = certain_variables(lj.children[1]);
  auto left_scope = in_scope_variables(lj.children[0]);
  const Expr* not_bound = nullptr;
  for (const auto& e : filter.exprs) {
    if (e.kind != ExprKind::Call || e.op != Op::Not || e.args.size() != 1) continue;
    const Expr& b = e.args[0];
    if (b.kind != ExprKind::Call || b.op != Op::Bound || b.args.size() != 1 ||
        b.args[0].kind != ExprKind::Var)
      continue;
    const std::string& x = b.args[0].var;
    if (!certain.count(x) || seed[static_cast<std::size_t>(slot(x))]) continue;
    if (std::find(left_scope.begin(), left_scope.end(), x) != left_scope.end()) continue;
    not_bound = &e;
    break;
  }
  if (!not_bound) return std::nullopt;
  Rows left = eval(lj.children[0], g, seed);
  Rows kept;
  const Pattern& rp = lj.children[1];
  if (!left.empty() && seedable(left, rp)) {
    for (Row& l : left) {
      bool matched = false;
      if (rp.kind == PatternKind::Bgp) {
        matched = !eval_bgp(rp, g, l, 1, lj.exprs.empty() ? nullptr : &lj.exprs).empty();
      } else {
        for (const Row& m : eval(rp, g, l)) {
          if (lj.exprs.empty() || filter_passes(lj.exprs, m, g)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) kept.push_back(std::move(l));
    }
  } else if (!left.empty()) {
    kept = std::move(*hashed_left_join(lj, left, g, seed, true));
  }
  Rows out;
  for (Row& r : kept) {
    if (filter_passes(filter.exprs, r, g)) out.push_back(std::move(r));
    if (out.size() >= limit) break;
  }
  return out;
}

}  // namespace ng::sparql::detail
