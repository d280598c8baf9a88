// Entry point of the SPARQL front end: query text -> algebra.
#pragma once

#include <string_view>

#include "sparql/algebra/algebra.hpp"
#include "sparql/parser/syntax_error.hpp"

namespace ng::sparql {

// Parses a SPARQL 1.1 query and translates it to the algebra (SPARQL 1.1 §18.2).
// `base_iri` is the base for relative IRIs until the query's own BASE (may be empty).
// Throws SyntaxError for invalid queries (with the position of the offending token).
// SERVICE parses into a Service pattern; rejecting it is the evaluator's job.
Query parse_query(std::string_view text, std::string_view base_iri = {});

}  // namespace ng::sparql
