#include "sparql/eval/evaluate.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "rdf/vocab.hpp"
#include "sparql/eval/functions.hpp"
#include "sparql/eval/numeric.hpp"

namespace ng::sparql {
namespace {

using rdf::Term;
using rdf::TermView;
using store::NodeId;
using store::World;
using Row = std::vector<NodeId>;
using Rows = std::vector<Row>;
using Pairs = std::vector<std::pair<NodeId, NodeId>>;

constexpr std::size_t kAll = static_cast<std::size_t>(-1);

struct RowHash {
  std::size_t operator()(const Row& row) const {
    std::size_t h = 0xcbf29ce484222325ULL;
    for (NodeId n : row) h = (h ^ std::hash<const void*>{}(n)) * 0x100000001b3ULL;
    return h;
  }
};

struct PairHash {
  std::size_t operator()(const std::pair<NodeId, NodeId>& p) const {
    return std::hash<const void*>{}(p.first) * 31 + std::hash<const void*>{}(p.second);
  }
};

struct TripleKey {
  NodeId s, p, o;
  friend bool operator==(const TripleKey&, const TripleKey&) = default;
};
struct TripleHash {
  std::size_t operator()(const TripleKey& t) const {
    std::hash<const void*> h;
    return (h(t.s) * 31 + h(t.p)) * 31 + h(t.o);
  }
};

// An expression value: an interned node (from a row), a term of the query, or a computed term.
class Value {
 public:
  static Value of_node(NodeId n) {
    Value v;
    v.node_ = n;
    return v;
  }
  static Value of_constant(const Term* t) {
    Value v;
    v.borrowed_ = t;
    return v;
  }
  static Value of_term(Term t) {
    Value v;
    v.owned_ = std::move(t);
    return v;
  }
  TermView view() const {
    if (node_) return World::view(node_);
    if (borrowed_) return borrowed_->view();
    return owned_.view();
  }
  NodeId node() const { return node_; }

 private:
  NodeId node_ = nullptr;
  const Term* borrowed_ = nullptr;
  Term owned_;
};
using ExprResult = std::optional<Value>;

// The graph patterns are matched against: the dataset's default graph or one named graph.
struct ActiveGraph {
  bool is_default = true;
  NodeId graph = nullptr;
};

class Evaluator {
 public:
  Evaluator(const Query& query, store::Store& store, const Dataset& dataset,
            const EvalOptions& options, store::NodePool& pool)
      : query_(query),
        store_(store),
        dataset_(dataset),
        pool_(pool),
        ctx_(&store.world(), options.base_iri.empty() ? query.base_iri : options.base_iri,
             options.seed) {
    collect(query.pattern);
    for (const auto& v : query.variables) slot(v);
    for (const auto& t : query.construct_template) collect(t);
    for (const auto& d : query.describe) collect(d);
    if (dataset_.all_named_graphs) {
      named_ = store_.named_graphs();
    } else {
      named_ = dataset_.named_graphs;
    }
    named_set_.insert(named_.begin(), named_.end());
    named_set_.erase(store_.default_graph());
    std::erase(named_, store_.default_graph());
  }

  std::size_t width() const { return slots_.size(); }
  int slot(const std::string& var) {
    auto it = slots_.find(var);
    if (it != slots_.end()) return it->second;
    int s = static_cast<int>(slots_.size());
    slots_.emplace(var, s);
    return s;
  }
  Row empty_row() const { return Row(width(), nullptr); }

  // The solutions of `p` in graph `g`, with the bindings of `seed` substituted (the empty row at
  // the top; the current row for EXISTS and index nested-loop joins). At most `limit` rows are
  // needed: operators may stop early, and may also return more.
  Rows eval(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit = kAll);
  NodeId constant(const Term& t);
  NodeId intern(const Value& v);
  const std::vector<NodeId>& named_graphs() const { return named_; }
  store::Store& store() { return store_; }
  store::NodePool& pool() { return pool_; }
  template <class F>
  void scan(const ActiveGraph& g, NodeId s, NodeId p, NodeId o, F&& fn);

 private:
  // Slot registration, so every row has the same width.
  void collect(const Pattern& p);
  void collect(const Expr& e);
  void collect(const TermOrVar& t) {
    if (t.is_var()) slot(t.var);
  }
  void collect(const TriplePattern& t) {
    collect(t.subject);
    collect(t.predicate);
    collect(t.object);
  }

  Rows eval_bgp(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  Rows eval_path(const Pattern& p, const ActiveGraph& g, const Row& seed);
  Rows eval_join(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  Rows eval_left_join(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  Rows eval_minus(const Pattern& p, const ActiveGraph& g, const Row& seed);
  Rows eval_graph(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  Rows eval_values(const Pattern& p, const Row& seed);
  Rows eval_group(const Pattern& p, const ActiveGraph& g, const Row& seed);
  Rows eval_order(const Pattern& p, const ActiveGraph& g, const Row& seed);
  NodeId aggregate(const Expr& agg, const Rows& rows, const ActiveGraph& g);

  void path_pairs(const PathExpr& p, NodeId s, NodeId o, const ActiveGraph& g, Pairs& out);
  void zero_length(NodeId s, NodeId o, const ActiveGraph& g, Pairs& out);
  std::vector<NodeId> closure(const PathExpr& step, NodeId start, bool forward, bool reflexive,
                              const ActiveGraph& g);
  std::vector<NodeId> graph_nodes(const ActiveGraph& g);

 public:
  ExprResult eval_expr(const Expr& e, const Row& row, const ActiveGraph& g);
  std::optional<bool> eval_ebv(const Expr& e, const Row& row, const ActiveGraph& g);
  bool filter_passes(const std::vector<Expr>& exprs, const Row& row, const ActiveGraph& g);
  FunctionContext& ctx() { return ctx_; }

 private:
  const Query& query_;
  store::Store& store_;
  const Dataset& dataset_;
  store::NodePool& pool_;
  FunctionContext ctx_;
  std::unordered_map<std::string, int> slots_;
  std::map<Term, NodeId> constants_;
  std::vector<NodeId> named_;
  std::unordered_set<NodeId> named_set_;
};

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

// Calls fn(quad) for each match in the active graph; fn may return false to stop.
template <class F>
void Evaluator::scan(const ActiveGraph& g, NodeId s, NodeId p, NodeId o, F&& user_fn) {
  store::QuadIds q;
  bool stopped = false;
  auto fn = [&](const store::QuadIds& quad) {
    if constexpr (std::is_same_v<decltype(user_fn(quad)), bool>) {
      if (!user_fn(quad)) stopped = true;
    } else {
      user_fn(quad);
    }
  };
  auto run = [&](NodeId graph) {
    store::Cursor c = store_.scan(s, p, o, graph);
    while (!stopped && c.next(q)) fn(q);
  };
  if (!g.is_default) return run(g.graph);
  switch (dataset_.default_graph) {
    case Dataset::DefaultGraph::Store:
      return run(store_.default_graph());
    case Dataset::DefaultGraph::Graphs: {
      if (dataset_.default_graphs.size() == 1) return run(dataset_.default_graphs[0]);
      std::unordered_set<TripleKey, TripleHash> seen;
      for (NodeId graph : dataset_.default_graphs) {
        store::Cursor c = store_.scan(s, p, o, graph);
        while (!stopped && c.next(q)) {
          if (seen.insert({q.subject, q.predicate, q.object}).second) fn(q);
        }
      }
      return;
    }
    case Dataset::DefaultGraph::UnionOfNamed: {
      std::unordered_set<TripleKey, TripleHash> seen;
      store::Cursor c = store_.scan(s, p, o, nullptr);
      NodeId def = store_.default_graph();
      while (!stopped && c.next(q)) {
        if (q.graph == def) continue;
        if (seen.insert({q.subject, q.predicate, q.object}).second) fn(q);
      }
      return;
    }
  }
}

// --- Patterns ------------------------------------------------------------------------------------

Rows Evaluator::eval(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit) {
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
      return eval_order(p, g, seed);
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
      std::unordered_set<Row, RowHash> seen;
      Rows out;
      for (auto& r : rows) {
        if (seen.insert(r).second) out.push_back(std::move(r));
      }
      return out;
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

Rows Evaluator::eval_bgp(const Pattern& p, const ActiveGraph& g, const Row& seed,
                         std::size_t limit) {
  if (p.triples.empty()) return Rows{seed};
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
        r.node = constant(*x.term);
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
      out.push_back(row);
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

Rows Evaluator::eval_join(const Pattern& p, const ActiveGraph& g, const Row& seed,
                          std::size_t limit) {
  Rows left = eval(p.children[0], g, seed);
  if (left.empty()) return {};
  const Pattern& rp = p.children[1];
  // Index nested loop: a BGP or path on the right is matched once per left row with the left
  // row's bindings filled in, when they share a variable bound in every left row.
  if (rp.kind == PatternKind::Bgp || rp.kind == PatternKind::Path) {
    Boundness lb = boundness(left, width());
    bool shares = left.size() == 1;
    for (int s : pattern_slots_bgp(rp, *this))
      shares = shares || lb.all[static_cast<std::size_t>(s)];
    if (shares) {
      Rows out;
      for (const Row& l : left) {
        Rows part = eval(rp, g, l, limit - out.size());
        out.insert(out.end(), std::make_move_iterator(part.begin()),
                   std::make_move_iterator(part.end()));
        if (out.size() >= limit) break;
      }
      return out;
    }
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
  Rows right = eval(p.children[1], g, seed);
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
  Rows right = eval(p.children[1], g, seed);
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

Rows Evaluator::eval_graph(const Pattern& p, const ActiveGraph&, const Row& seed,
                           std::size_t limit) {
  if (!p.name.is_var()) {
    NodeId gn = constant(*p.name.term);
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

Rows Evaluator::eval_values(const Pattern& p, const Row& seed) {
  std::vector<std::size_t> slots;
  for (const auto& v : p.variables) slots.push_back(static_cast<std::size_t>(slot(v)));
  Rows out;
  for (const auto& data : p.rows) {
    Row r = seed;
    bool ok = true;
    for (std::size_t k = 0; k < slots.size() && k < data.size(); ++k) {
      if (!data[k]) continue;
      NodeId n = constant(*data[k]);
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

Rows Evaluator::eval_order(const Pattern& p, const ActiveGraph& g, const Row& seed) {
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
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    for (std::size_t c = 0; c < p.order.size(); ++c) {
      NodeId x = keys[a][c], y = keys[b][c];
      if (x == y) continue;
      int cmp = !x ? -1 : (!y ? 1 : order_compare(World::view(x), World::view(y)));
      if (cmp == 0) continue;
      return p.order[c].ascending ? cmp < 0 : cmp > 0;
    }
    return false;
  });
  Rows out;
  out.reserve(rows.size());
  for (std::size_t k : idx) out.push_back(std::move(rows[k]));
  return out;
}

// --- Property paths (§18.4) ----------------------------------------------------------------------

std::vector<NodeId> Evaluator::graph_nodes(const ActiveGraph& g) {
  std::vector<NodeId> out;
  std::unordered_set<NodeId> seen;
  scan(g, nullptr, nullptr, nullptr, [&](const store::QuadIds& q) {
    if (seen.insert(q.subject).second) out.push_back(q.subject);
    if (seen.insert(q.object).second) out.push_back(q.object);
  });
  return out;
}

void Evaluator::zero_length(NodeId s, NodeId o, const ActiveGraph& g, Pairs& out) {
  if (s && o) {
    if (s == o) out.emplace_back(s, s);
  } else if (s || o) {
    NodeId n = s ? s : o;
    out.emplace_back(n, n);
  } else {
    for (NodeId n : graph_nodes(g)) out.emplace_back(n, n);
  }
}

std::vector<NodeId> Evaluator::closure(const PathExpr& step, NodeId start, bool forward,
                                       bool reflexive, const ActiveGraph& g) {
  std::vector<NodeId> result, queue;
  std::unordered_set<NodeId> visited;
  auto successors = [&](NodeId n) {
    Pairs ps;
    if (forward) {
      path_pairs(step, n, nullptr, g, ps);
    } else {
      path_pairs(step, nullptr, n, g, ps);
    }
    for (auto& [a, b] : ps) queue.push_back(forward ? b : a);
  };
  if (reflexive) {
    queue.push_back(start);
  } else {
    successors(start);
  }
  while (!queue.empty()) {
    NodeId n = queue.back();
    queue.pop_back();
    if (!visited.insert(n).second) continue;
    result.push_back(n);
    successors(n);
  }
  return result;
}

void Evaluator::path_pairs(const PathExpr& p, NodeId s, NodeId o, const ActiveGraph& g,
                           Pairs& out) {
  switch (p.kind) {
    case PathKind::Link: {
      NodeId pred = constant(p.iri);
      if (!pred) return;
      scan(g, s, pred, o, [&](const store::QuadIds& q) { out.emplace_back(q.subject, q.object); });
      return;
    }
    case PathKind::Inverse: {
      Pairs tmp;
      path_pairs(p.children[0], o, s, g, tmp);
      for (auto& [a, b] : tmp) out.emplace_back(b, a);
      return;
    }
    case PathKind::Sequence: {
      Pairs first;
      if (s || !o) {
        path_pairs(p.children[0], s, nullptr, g, first);
        for (auto& [a, mid] : first) {
          Pairs second;
          path_pairs(p.children[1], mid, o, g, second);
          for (auto& pr : second) out.emplace_back(a, pr.second);
        }
      } else {
        path_pairs(p.children[1], nullptr, o, g, first);
        for (auto& [mid, b] : first) {
          Pairs second;
          path_pairs(p.children[0], s, mid, g, second);
          for (auto& pr : second) out.emplace_back(pr.first, b);
        }
      }
      return;
    }
    case PathKind::Alternative:
      path_pairs(p.children[0], s, o, g, out);
      path_pairs(p.children[1], s, o, g, out);
      return;
    case PathKind::NegatedPropertySet: {
      auto excluded = [&](const std::vector<Term>& iris, NodeId pred) {
        for (const auto& t : iris) {
          if (constant(t) == pred) return true;
        }
        return false;
      };
      if (!p.forward.empty() || p.inverse.empty()) {
        scan(g, s, nullptr, o, [&](const store::QuadIds& q) {
          if (!excluded(p.forward, q.predicate)) out.emplace_back(q.subject, q.object);
        });
      }
      if (!p.inverse.empty()) {
        scan(g, o, nullptr, s, [&](const store::QuadIds& q) {
          if (!excluded(p.inverse, q.predicate)) out.emplace_back(q.object, q.subject);
        });
      }
      return;
    }
    case PathKind::ZeroOrOne: {
      Pairs tmp;
      zero_length(s, o, g, tmp);
      path_pairs(p.children[0], s, o, g, tmp);
      std::unordered_set<std::pair<NodeId, NodeId>, PairHash> seen;
      for (auto& pr : tmp) {
        if (seen.insert(pr).second) out.push_back(pr);
      }
      return;
    }
    case PathKind::ZeroOrMore:
    case PathKind::OneOrMore: {
      bool reflexive = p.kind == PathKind::ZeroOrMore;
      if (s) {
        for (NodeId n : closure(p.children[0], s, true, reflexive, g)) {
          if (!o || n == o) out.emplace_back(s, n);
        }
      } else if (o) {
        for (NodeId n : closure(p.children[0], o, false, reflexive, g)) out.emplace_back(n, o);
      } else {
        for (NodeId start : graph_nodes(g)) {
          for (NodeId n : closure(p.children[0], start, true, reflexive, g)) {
            out.emplace_back(start, n);
          }
        }
      }
      return;
    }
  }
}

Rows Evaluator::eval_path(const Pattern& p, const ActiveGraph& g, const Row& seed) {
  auto resolve = [&](const TermOrVar& t, int& sl, bool& ok) -> NodeId {
    sl = -1;
    if (!t.is_var()) {
      NodeId n = constant(*t.term);
      ok = ok && n != nullptr;
      return n;
    }
    sl = slot(t.var);
    return seed[static_cast<std::size_t>(sl)];
  };
  int ss = -1, os = -1;
  bool ok = true;
  NodeId s = resolve(p.subject, ss, ok);
  NodeId o = resolve(p.object, os, ok);
  if (!ok) return {};
  Pairs pairs;
  path_pairs(p.path, s, o, g, pairs);
  // A variable bound from outside is still a variable: its zero-length match must be a node of
  // the graph (W3C property-path/values_and_path), unlike a constant end.
  bool seeded = (ss >= 0 && s) || (os >= 0 && o);
  auto in_graph = [&](NodeId n) {
    bool found = false;
    scan(g, n, nullptr, nullptr, [&](const store::QuadIds&) { found = true; });
    if (!found) scan(g, nullptr, nullptr, n, [&](const store::QuadIds&) { found = true; });
    return found;
  };
  Rows out;
  for (auto& [a, b] : pairs) {
    if (ss >= 0 && ss == os && a != b) continue;
    if (seeded && a == b && !in_graph(a)) continue;
    Row r = seed;
    if (ss >= 0) r[static_cast<std::size_t>(ss)] = a;
    if (os >= 0) r[static_cast<std::size_t>(os)] = b;
    out.push_back(std::move(r));
  }
  return out;
}

// --- Expressions ---------------------------------------------------------------------------------

bool Evaluator::filter_passes(const std::vector<Expr>& exprs, const Row& row,
                              const ActiveGraph& g) {
  ctx_.new_solution();
  for (const auto& e : exprs) {
    auto b = eval_ebv(e, row, g);
    if (!b || !*b) return false;
  }
  return true;
}

std::optional<bool> Evaluator::eval_ebv(const Expr& e, const Row& row, const ActiveGraph& g) {
  if (e.kind == ExprKind::Call) {
    switch (e.op) {
      case Op::And: {
        // §17.2: false wins over an error, and an error over true.
        std::optional<bool> a = eval_ebv(e.args[0], row, g);
        if (a && !*a) return false;
        std::optional<bool> b = eval_ebv(e.args[1], row, g);
        if (b && !*b) return false;
        if (!a || !b) return std::nullopt;
        return true;
      }
      case Op::Or: {
        std::optional<bool> a = eval_ebv(e.args[0], row, g);
        if (a && *a) return true;
        std::optional<bool> b = eval_ebv(e.args[1], row, g);
        if (b && *b) return true;
        if (!a || !b) return std::nullopt;
        return false;
      }
      case Op::Not: {
        auto a = eval_ebv(e.args[0], row, g);
        if (!a) return std::nullopt;
        return !*a;
      }
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::Greater:
      case Op::LessOrEqual:
      case Op::GreaterOrEqual: {
        auto a = eval_expr(e.args[0], row, g);
        if (!a) return std::nullopt;
        auto b = eval_expr(e.args[1], row, g);
        if (!b) return std::nullopt;
        if (e.op == Op::Equal || e.op == Op::NotEqual) {
          std::optional<bool> eq;
          if (a->node() && a->node() == b->node()) {
            eq = true;
          } else {
            eq = values_equal(a->view(), b->view());
          }
          if (!eq) return std::nullopt;
          return e.op == Op::Equal ? *eq : !*eq;
        }
        auto c = values_compare(a->view(), b->view());
        if (!c) return std::nullopt;
        switch (e.op) {
          case Op::Less:
            return *c < 0;
          case Op::Greater:
            return *c > 0;
          case Op::LessOrEqual:
            return *c <= 0;
          default:
            return *c >= 0;
        }
      }
      default:
        break;
    }
  } else if (e.kind == ExprKind::Exists || e.kind == ExprKind::NotExists) {
    bool found = !eval(*e.pattern, g, row, 1).empty();
    return e.kind == ExprKind::Exists ? found : !found;
  }
  auto v = eval_expr(e, row, g);
  if (!v) return std::nullopt;
  return effective_boolean_value(v->view());
}

ExprResult Evaluator::eval_expr(const Expr& e, const Row& row, const ActiveGraph& g) {
  switch (e.kind) {
    case ExprKind::Constant:
      return Value::of_constant(&e.constant);
    case ExprKind::Var: {
      NodeId n = row[static_cast<std::size_t>(slot(e.var))];
      if (!n) return std::nullopt;
      return Value::of_node(n);
    }
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      auto b = eval_ebv(e, row, g);
      return Value::of_term(make_boolean(*b));
    }
    case ExprKind::Aggregate:
      return std::nullopt;  // only meaningful inside Group, which evaluates it itself
    case ExprKind::FunctionCall: {
      std::vector<Value> vals;
      for (const auto& a : e.args) {
        auto v = eval_expr(a, row, g);
        if (!v) return std::nullopt;
        vals.push_back(std::move(*v));
      }
      std::vector<TermView> views;
      for (const auto& v : vals) views.push_back(v.view());
      auto r = call_iri_function(e.iri, views);
      if (!r) return std::nullopt;
      return Value::of_term(std::move(*r));
    }
    case ExprKind::Call:
      break;
  }
  switch (e.op) {
    case Op::And:
    case Op::Or:
    case Op::Not:
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::Greater:
    case Op::LessOrEqual:
    case Op::GreaterOrEqual: {
      auto b = eval_ebv(e, row, g);
      if (!b) return std::nullopt;
      return Value::of_term(make_boolean(*b));
    }
    case Op::Bound: {
      if (e.args.empty() || e.args[0].kind != ExprKind::Var) return std::nullopt;
      return Value::of_term(
          make_boolean(row[static_cast<std::size_t>(slot(e.args[0].var))] != nullptr));
    }
    case Op::If: {
      if (e.args.size() != 3) return std::nullopt;
      auto c = eval_ebv(e.args[0], row, g);
      if (!c) return std::nullopt;
      return eval_expr(e.args[*c ? 1 : 2], row, g);
    }
    case Op::Coalesce:
      for (const auto& a : e.args) {
        if (auto v = eval_expr(a, row, g)) return v;
      }
      return std::nullopt;
    case Op::In:
    case Op::NotIn: {
      auto lhs = eval_expr(e.args[0], row, g);
      if (!lhs) return std::nullopt;
      bool error = false;
      for (std::size_t k = 1; k < e.args.size(); ++k) {
        auto v = eval_expr(e.args[k], row, g);
        if (!v) {
          error = true;
          continue;
        }
        auto eq = values_equal(lhs->view(), v->view());
        if (!eq) {
          error = true;
        } else if (*eq) {
          return Value::of_term(make_boolean(e.op == Op::In));
        }
      }
      if (error) return std::nullopt;
      return Value::of_term(make_boolean(e.op == Op::NotIn));
    }
    case Op::SameTerm: {
      auto a = eval_expr(e.args[0], row, g);
      if (!a) return std::nullopt;
      auto b = eval_expr(e.args[1], row, g);
      if (!b) return std::nullopt;
      bool same = (a->node() && b->node()) ? a->node() == b->node() : a->view() == b->view();
      return Value::of_term(make_boolean(same));
    }
    default:
      break;
  }
  std::vector<Value> vals;
  vals.reserve(e.args.size());
  for (const auto& a : e.args) {
    auto v = eval_expr(a, row, g);
    if (!v) return std::nullopt;
    vals.push_back(std::move(*v));
  }
  std::vector<TermView> views;
  views.reserve(vals.size());
  for (const auto& v : vals) views.push_back(v.view());
  auto r = call_function(e.op, views, ctx_);
  if (!r) return std::nullopt;
  return Value::of_term(std::move(*r));
}

// --- Query forms ---------------------------------------------------------------------------------

NodeId template_node(Evaluator& ev, const TermOrVar& t, const Row& row,
                     std::unordered_map<std::string, NodeId>& blanks) {
  if (t.is_var()) return row[static_cast<std::size_t>(ev.slot(t.var))];
  if (t.term->is_blank()) {
    auto it = blanks.find(t.term->value);
    if (it != blanks.end()) return it->second;
    NodeId n = ev.pool().intern(Term::blank(ev.store().world().fresh_blank_label()));
    blanks.emplace(t.term->value, n);
    return n;
  }
  return ev.constant(*t.term);
}

}  // namespace

QueryResult evaluate(const Query& query, store::Store& store, const Dataset& dataset,
                     const EvalOptions& options) {
  QueryResult result;
  result.pool = std::make_shared<store::NodePool>(store.world());
  Evaluator ev(query, store, dataset, options, *result.pool);
  ActiveGraph def;
  // ASK needs one solution.
  Rows rows = ev.eval(query.pattern, def, ev.empty_row(), query.form == QueryForm::Ask ? 1 : kAll);
  switch (query.form) {
    case QueryForm::Select: {
      result.kind = ResultKind::Solutions;
      result.variables = query.variables;
      std::vector<std::size_t> slots;
      for (const auto& v : query.variables) slots.push_back(static_cast<std::size_t>(ev.slot(v)));
      result.rows.reserve(rows.size());
      for (const Row& r : rows) {
        std::vector<NodeId> out;
        out.reserve(slots.size());
        for (std::size_t s : slots) out.push_back(r[s]);
        result.rows.push_back(std::move(out));
      }
      break;
    }
    case QueryForm::Ask:
      result.kind = ResultKind::Boolean;
      result.boolean = !rows.empty();
      break;
    case QueryForm::Construct: {
      result.kind = ResultKind::Graph;
      result.graph = std::make_shared<store::Store>(store.world());
      for (const Row& r : rows) {
        std::unordered_map<std::string, NodeId> blanks;
        for (const auto& t : query.construct_template) {
          NodeId s = template_node(ev, t.subject, r, blanks);
          NodeId p = template_node(ev, t.predicate, r, blanks);
          NodeId o = template_node(ev, t.object, r, blanks);
          if (!s || !p || !o) continue;
          if (World::view(s).is_literal() || !World::view(p).is_iri()) continue;
          result.graph->add(s, p, o);
        }
      }
      break;
    }
    case QueryForm::Describe: {
      result.kind = ResultKind::Graph;
      result.graph = std::make_shared<store::Store>(store.world());
      std::vector<NodeId> resources;
      std::unordered_set<NodeId> seen;
      auto add = [&](NodeId n) {
        if (n && seen.insert(n).second) resources.push_back(n);
      };
      std::vector<TermOrVar> targets = query.describe;
      if (query.describe_star || targets.empty()) {
        for (const auto& v : in_scope_variables(query.pattern)) {
          if (!is_internal_variable(v)) targets.push_back(TermOrVar::variable(v));
        }
      }
      for (const auto& t : targets) {
        if (!t.is_var()) {
          add(ev.constant(*t.term));
          continue;
        }
        std::size_t s = static_cast<std::size_t>(ev.slot(t.var));
        for (const Row& r : rows) add(r[s]);
      }
      // Concise bounded description: outgoing triples, recursively through blank objects.
      std::unordered_set<NodeId> done;
      std::vector<NodeId> todo(resources.rbegin(), resources.rend());
      while (!todo.empty()) {
        NodeId n = todo.back();
        todo.pop_back();
        if (!done.insert(n).second) continue;
        std::vector<store::QuadIds> found;
        ev.scan(def, n, nullptr, nullptr, [&](const store::QuadIds& q) { found.push_back(q); });
        for (const auto& q : found) {
          result.graph->add(q.subject, q.predicate, q.object);
          if (World::view(q.object).is_blank()) todo.push_back(q.object);
        }
      }
      break;
    }
  }
  return result;
}

}  // namespace ng::sparql
