// The SPARQL 1.1 evaluator: algebra (sparql/algebra) over the quad store -> QueryResult.
//
// Rows are vectors of interned store::NodeId indexed by variable slot (nullptr = unbound), so
// joins and DISTINCT compare pointers, never strings. Values computed by expressions (BIND,
// SELECT expressions, aggregates) are interned through the result's NodePool.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sparql/algebra/algebra.hpp"
#include "sparql/eval/query_result.hpp"
#include "sparql/optimizer/optimizer.hpp"
#include "store/store.hpp"

namespace ng::sparql {

// A valid query that uses a feature the engine does not implement (e.g. SERVICE).
// what() starts with "unsupported: ".
class UnsupportedError : public std::runtime_error {
 public:
  explicit UnsupportedError(const std::string& what) : std::runtime_error("unsupported: " + what) {}
};

// The result has more rows (SELECT) or triples (CONSTRUCT, DESCRIBE) than EvalOptions::max_rows.
class ResultLimitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The RDF dataset a query runs against (https://www.w3.org/TR/sparql11-query/#rdfDataset).
// All graphs must already be in the store; FROM / FROM NAMED graphs are loaded by the caller,
// each into the named graph of its IRI, and passed here.
struct Dataset {
  enum class DefaultGraph {
    Store,         // the store's default graph
    Graphs,        // the merge of `default_graphs` (FROM)
    UnionOfNamed,  // the merge of all the store's named graphs (--union-default-graph)
  };
  DefaultGraph default_graph = DefaultGraph::Store;
  std::vector<store::NodeId> default_graphs;  // for DefaultGraph::Graphs
  // The named graphs GRAPH ranges over: every named graph of the store, or only `named_graphs`
  // (FROM NAMED). The store's default-graph node is never a named graph.
  bool all_named_graphs = true;
  std::vector<store::NodeId> named_graphs;

  // The store's default graph and all its named graphs (the default).
  static Dataset store_graphs() { return {}; }
  // --union-default-graph: the default graph is the merge of all named graphs.
  static Dataset union_default_graph() {
    Dataset d;
    d.default_graph = DefaultGraph::UnionOfNamed;
    return d;
  }
  // FROM / FROM NAMED: the default graph is the merge of `from`, GRAPH ranges over `from_named`.
  static Dataset from(std::vector<store::NodeId> from, std::vector<store::NodeId> from_named) {
    Dataset d;
    d.default_graph = DefaultGraph::Graphs;
    d.default_graphs = std::move(from);
    d.all_named_graphs = false;
    d.named_graphs = std::move(from_named);
    return d;
  }
};

// What one pattern operator did during an evaluation (for --explain).
struct OperatorStats {
  std::string name;       // the operator, e.g. "bgp (2 triples)", "leftjoin", "group"
  int depth = 0;          // nesting depth in the algebra tree (0 = the root)
  std::size_t calls = 0;  // evaluations (more than one below EXISTS or nested-loop joins)
  std::size_t rows = 0;   // rows produced over all calls
  double seconds = 0;     // wall time over all calls, children included
  double estimate = -1;   // estimated rows of one call (BGPs), -1 when not estimated
  std::string plan;       // the chosen physical plan (a BGP's pattern order, the join kind)
};

struct EvalOptions {
  // Seed for RAND / UUID / STRUUID (0 = random).
  std::uint64_t seed = 0;
  // Base IRI for IRI(); empty = the query's own base.
  std::string base_iri;
  // When set, receives one entry per pattern operator evaluated, in pre-order.
  std::vector<OperatorStats>* profile = nullptr;
  // The rewrite passes run before evaluation (sparql/optimizer/optimizer.hpp).
  OptimizerOptions optimizer;
  // At most this many result rows (0 = no limit): evaluation stops after one more and throws
  // ResultLimitError, rather than materialising an unbounded result.
  std::size_t max_rows = 0;
};

// The profile as an indented text tree: "name  rows=R calls=C time=Tms" per line.
std::string format_profile(const std::vector<OperatorStats>& profile);

// Evaluates `query` over `store` restricted to `dataset`. Returns solutions (SELECT), a boolean
// (ASK) or a graph in a fresh Store of the same World (CONSTRUCT, DESCRIBE). Expression errors
// follow §17 and never throw; throws UnsupportedError for SERVICE.
QueryResult evaluate(const Query& query, store::Store& store, const Dataset& dataset = {},
                     const EvalOptions& options = {});

// EXPLAIN ANALYZE (for `newsgraph query --explain`): evaluates the query and returns the
// optimized algebra (SSE), the optimizer passes that changed it, and the operator tree with the
// chosen plan, estimated and actual rows, calls and time per operator.
std::string explain_analyze(const Query& query, store::Store& store, const Dataset& dataset = {},
                            const EvalOptions& options = {});

}  // namespace ng::sparql
