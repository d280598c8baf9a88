// The query optimizer: a list of named rewrite passes, each a pure function Algebra -> Algebra
// that never changes a query's results (STYLE §4; sparopt's normalize -> push_filters ...).
// Each pass can be disabled by name (--disable-pass NAME); `optimize` runs the enabled ones in
// order. Physical choices that need the data (the order of a BGP's triple patterns by estimated
// cardinality, hash vs index nested-loop joins, anti-joins) are made by the evaluator with
// sparql/optimizer/statistics.hpp.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/algebra/algebra.hpp"

namespace ng::sparql {

struct OptimizerPass {
  std::string_view name;
  std::string_view description;
  Pattern (*run)(const Pattern&);
};

// Every pass, in the order `optimize` runs them.
const std::vector<OptimizerPass>& optimizer_passes();

struct OptimizerOptions {
  bool enabled = true;             // false: the query is evaluated as written
  std::set<std::string> disabled;  // names of passes to skip
};

struct PassReport {
  std::string name;
  bool changed = false;
  double seconds = 0;
};

// Runs the enabled passes over the query's pattern (and nothing else of the query). When
// `report` is set it receives one entry per pass that ran. Throws std::invalid_argument for an
// unknown pass name in `options.disabled`.
Query optimize(Query query, const OptimizerOptions& options = {},
               std::vector<PassReport>* report = nullptr);

// The passes (exposed for tests).
// Filter(a && b) -> Filter(a, b): each conjunct can then move on its own (also LeftJoin's).
Pattern split_conjunctions(const Pattern& p);
// Filter(e, Join(A, B)) -> Join(Filter(e, A), B) when every variable of e is certainly bound by
// A or never bound by B (and symmetrically); into the left of LeftJoin and Minus; into GRAPH when
// e mentions neither the graph variable nor EXISTS; adjacent Filters merge.
Pattern push_filters(const Pattern& p);
// Join(Bgp, Bgp) -> one Bgp, so the evaluator orders all its triple patterns by cost.
Pattern merge_bgps(const Pattern& p);
// Filter(?a = ?b, Bgp) whose triple patterns fall into two groups sharing no variable, ?a in one
// and ?b in the other -> Filter(?a = ?b, Join(Bgp1, Bgp2)): the evaluator then joins the groups
// on the value of ?a and ?b (a hash join) instead of enumerating their cross product.
Pattern split_bgp_on_equality(const Pattern& p);

// Variables of an expression (EXISTS patterns included); sets `has_exists` if it contains one.
void expression_variables(const Expr& e, std::set<std::string>& out, bool& has_exists);
// Variables bound in every solution of `p` (a subset of in_scope_variables).
std::set<std::string> certain_variables(const Pattern& p);

}  // namespace ng::sparql
