// Comparing query results as the W3C SPARQL test suites require
// (https://www.w3.org/2009/sparql/docs/tests/README.html#queryevaltests): solutions as multisets
// (in order only for the ORDER BY keys), blank nodes up to a consistent renaming, literals by
// term equality with numeric and boolean literals compared by value; graphs by isomorphism.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/results/result_set.hpp"

namespace ng::sparql {

struct CompareOptions {
  // The query has ORDER BY: rows must also agree position by position on `order_keys`
  // (variable names); with no usable keys, whole rows are compared in order.
  bool ordered = false;
  std::vector<std::string> order_keys;
  // mf:LaxCardinality (REDUCED): duplicates may be dropped, so rows compare as sets and the
  // actual result may have fewer rows than the expected one, never more.
  bool lax_cardinality = false;
};

struct Comparison {
  bool equal = false;
  std::string reason;  // why not, in a few words; empty when equal
  explicit operator bool() const { return equal; }
};

Comparison compare_results(const ResultSet& expected, const ResultSet& actual,
                           const CompareOptions& options = {});

// Whether two sets of triples (graph names ignored, duplicates ignored) are isomorphic.
bool graphs_isomorphic(const std::vector<rdf::Quad>& a, const std::vector<rdf::Quad>& b);

// The term with a canonical lexical form for the value-compared datatypes (xsd numeric types,
// xsd:boolean), so that value equality becomes term equality; other terms are returned as is.
rdf::Term canonical_value(const rdf::Term& term);

}  // namespace ng::sparql
