// Internal to src/sparql/eval/: the evaluator's row model and the Evaluator class whose
// member functions, one operator family per file, evaluate the algebra (bgp.cpp, join.cpp,
// graph.cpp, group.cpp, order_by.cpp, path.cpp, expression.cpp; evaluate.cpp has the query
// forms). Evaluation is bottom-up and materialises each operator's rows; a `seed` row carries
// the bindings of the enclosing solution for EXISTS and for index nested-loop joins.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sparql/algebra/algebra.hpp"
#include "sparql/eval/evaluate.hpp"
#include "sparql/eval/functions.hpp"
#include "sparql/optimizer/statistics.hpp"
#include "store/store.hpp"
#include "store/world.hpp"

namespace ng::sparql::detail {

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
             options.seed),
        profile_(options.profile) {
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
    frozen_ = true;
  }

  std::size_t width() const { return slots_.size(); }
  int slot(const std::string& var) {
    auto it = slots_.find(var);
    if (it != slots_.end()) return it->second;
    // Every variable is registered before evaluation, so rows never need to grow.
    if (frozen_) throw std::logic_error("evaluator: variable ?" + var + " was not registered");
    int s = static_cast<int>(slots_.size());
    slots_.emplace(var, s);
    return s;
  }
  Row empty_row() const { return Row(width(), nullptr); }

  // The solutions of `p` in graph `g`, with the bindings of `seed` substituted (the empty row at
  // the top; the current row for EXISTS and index nested-loop joins). At most `limit` rows are
  // needed: operators may stop early, and may also return more.
  Rows eval(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit = kAll);
  // The node of a term computed during evaluation (cached by value), or nullptr when the store
  // cannot hold it (a relative IRI).
  NodeId constant(const Term& t);
  // The node of a term of the query's algebra, cached by address: the tree outlives evaluation,
  // and BGPs ask for their constants once per input row.
  NodeId query_term(const Term& t) {
    auto it = query_terms_.find(&t);
    if (it != query_terms_.end()) return it->second;
    NodeId n = constant(t);
    query_terms_.emplace(&t, n);
    return n;
  }
  NodeId intern(const Value& v);
  const std::vector<NodeId>& named_graphs() const { return named_; }
  store::Store& store() { return store_; }
  store::NodePool& pool() { return pool_; }
  template <class F>
  void scan(const ActiveGraph& g, NodeId s, NodeId p, NodeId o, F&& fn);
  // Cardinality estimates over the store (created on first use); the graph to count in for `g`.
  Statistics& stats() {
    if (!stats_) stats_ = std::make_unique<Statistics>(store_);
    return *stats_;
  }
  NodeId estimate_graph(const ActiveGraph& g) const;

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

  Rows eval_operator(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  // `filter`, when set, is a conjunction each solution must pass (a Filter over this BGP).
  // `sink`, when set, receives each solution instead of the returned rows (false stops matching).
  using RowSink = std::function<bool(const Row&)>;
  Rows eval_bgp(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit,
                const std::vector<Expr>* filter = nullptr, const RowSink* sink = nullptr);
  Rows eval_path(const Pattern& p, const ActiveGraph& g, const Row& seed);
  Rows eval_join(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  Rows eval_left_join(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  bool seedable(const Rows& left, const Pattern& right);
  // Joins on the value of FILTER/OPTIONAL equalities (equality_join.cpp): Filter(?a = ?b,
  // Join(A, B)) as a hash join; LeftJoin(A, B, ?a = ?b && ...) likewise; and with `anti` the
  // anti-join that FILTER(!bound(?x)) over OPTIONAL amounts to. nullopt: not applicable.
  std::optional<Rows> eval_equality_join(const Pattern& filter, const ActiveGraph& g,
                                         const Row& seed, std::size_t limit);
  std::optional<Rows> substituted_equality_join(const Pattern& filter, const ActiveGraph& g,
                                                const Row& seed, std::size_t limit);
  std::optional<Rows> eval_anti_join(const Pattern& filter, const ActiveGraph& g, const Row& seed,
                                     std::size_t limit);
  std::optional<Rows> hashed_left_join(const Pattern& left_join, const Rows& left,
                                       const ActiveGraph& g, const Row& seed, bool anti);
  Rows eval_minus(const Pattern& p, const ActiveGraph& g, const Row& seed);
  Rows eval_graph(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
  // For GRAPH ?g { BGP }: the named graphs that hold a match of the BGP's most selective triple
  // pattern (in the order of named_graphs()), or nullopt when every graph must be tried.
  std::optional<std::vector<NodeId>> candidate_graphs(const Pattern& child, const Row& seed);
  Rows eval_values(const Pattern& p, const Row& seed);
  Rows eval_group(const Pattern& p, const ActiveGraph& g, const Row& seed);
  Rows eval_order(const Pattern& p, const ActiveGraph& g, const Row& seed, std::size_t limit);
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
  bool frozen_ = false;
  std::vector<OperatorStats>* profile_ = nullptr;
  std::unordered_map<const Pattern*, std::size_t> profile_index_;
  int profile_depth_ = 0;
  std::map<Term, NodeId> constants_;
  std::unordered_map<const Term*, NodeId> query_terms_;
  std::vector<NodeId> named_;
  std::unordered_set<NodeId> named_set_;
  std::unique_ptr<Statistics> stats_;
  std::unordered_map<NodeId, std::size_t> named_position_;  // graph -> index in named_
  // BGP plans (bgp.cpp), per pattern, filter and set of slots the seed binds.
  struct BgpPlan;
  std::map<std::tuple<const Pattern*, const void*, std::vector<bool>>, std::shared_ptr<BgpPlan>>
      bgp_plans_;
};

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
    if (s && p && o) {
      // Store::scan with all four positions bound falls back to scanning the whole graph (its
      // GSPO fallback overrides the exact SPOG match): look the triple up in every graph instead.
      store::Cursor c = store_.scan(s, p, o, nullptr);
      while (!stopped && c.next(q)) {
        if (q.graph == graph) fn(q);
      }
      return;
    }
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

}  // namespace ng::sparql::detail
