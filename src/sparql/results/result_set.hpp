// A neutral, self-contained model of a query result: plain rdf::Terms instead of interned
// nodes. Readers of the W3C expected-result files produce it, and comparison works on it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/eval/query_result.hpp"

namespace ng::sparql {

using ResultRow = std::vector<std::optional<rdf::Term>>;

struct ResultSet {
  ResultKind kind = ResultKind::Solutions;
  // Solutions: variable names without '?', and rows aligned with them (nullopt = unbound).
  std::vector<std::string> variables;
  std::vector<ResultRow> rows;
  // Boolean (ASK).
  bool boolean = false;
  // Graph (CONSTRUCT / DESCRIBE): triples; `graph` is always nullopt.
  std::vector<rdf::Quad> triples;
};

// Copies a query result into the neutral model (terms are copied out of the store).
ResultSet to_result_set(const QueryResult& result);

}  // namespace ng::sparql
