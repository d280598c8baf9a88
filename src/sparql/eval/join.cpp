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

// True when `right` is a BGP or a path that mentions a variable bound in every left row: then
// matching it once per left row, with that row's bindings filled in (an index nested loop),
// gives exactly the compatible solutions, usually far fewer than evaluating it alone.
bool Evaluator::seedable(const Rows& left, const Pattern& right_pattern) {
  // GRAPH <iri> { BGP } too: the seed passes through it.
  const Pattern& right = right_pattern.kind == PatternKind::Graph && !right_pattern.name.is_var()
                             ? right_pattern.children[0]
                             : right_pattern;
  if (right.kind != PatternKind::Bgp && right.kind != PatternKind::Path) return false;
  if (left.size() == 1) return true;
  Boundness lb = boundness(left, width());
  for (int s : pattern_slots_bgp(right, *this)) {
    if (lb.all[static_cast<std::size_t>(s)]) return true;
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
