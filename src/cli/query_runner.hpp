// Loading a query's dataset, running the query and writing its result: shared by `query` and `run`.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sparql/algebra/query.hpp"
#include "sparql/eval/evaluate.hpp"
#include "sparql/results/result_format.hpp"
#include "store/store.hpp"

namespace ng::cli {

struct DatasetOptions {
  std::vector<std::string> data;   // -d: default graph (TriG / N-Quads keep their named graphs)
  std::vector<std::string> named;  // --named: each file its own named graph, named by its IRI
  bool union_default_graph = false;
  std::size_t max_rows = 0;  // result rows per query (0 = none; see Limits::max_rows)
};

// Adds -d/--data, -x/--external, --named and --union-default-graph (`query` and `run`).
void add_dataset_options(CLI::App& cmd, DatasetOptions& dataset);

// A store with the command line's data loaded, reused by every query of one command.
class QuerySession {
 public:
  explicit QuerySession(const DatasetOptions& options);

  // Finishes loading (merges and indexes the store) so that the first query does not pay for it.
  void prepare();
  // Parses `text` (base: `base_iri`); throws sparql::SyntaxError.
  sparql::Query parse(const std::string& text, const std::string& base_iri) const;
  // Runs a parsed query. FROM / FROM NAMED local files are loaded when the command line gives no
  // dataset (the command line's dataset wins, as in the SPARQL protocol).
  sparql::QueryResult run(const sparql::Query& query);
  // Runs the query and describes it: the optimised plan, the passes applied, and per operator
  // the estimated and actual rows, calls and time.
  std::string explain(const sparql::Query& query);

 private:
  store::NodeId load_named(const std::string& iri);
  sparql::Dataset dataset_for(const sparql::Query& query);
  store::World world_;
  store::Store store_;
  DatasetOptions options_;
  bool has_cli_dataset_;
};

// Renders a syntax error DuckDB-style: the message, then `LINE n: <line>` and a caret.
std::string render_syntax_error(const sparql::SyntaxError& error, const std::string& text,
                                const std::string& source_name);

// The format named by `name`, or the default for `kind` (table on a terminal, else csv/turtle).
sparql::ResultFormat choose_format(const std::string& name, sparql::ResultKind kind,
                                   bool to_terminal);

// Reads a whole file; throws std::runtime_error naming it.
std::string read_text_file(const std::string& path);

}  // namespace ng::cli
