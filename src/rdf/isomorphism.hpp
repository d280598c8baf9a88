// RDF graph / dataset isomorphism (RDF 1.1 Concepts §3.6): equal up to a bijection of blank nodes.
#pragma once

#include <vector>

#include "rdf/term.hpp"

namespace ng::rdf {

// True if the two sets of quads are isomorphic. Duplicates are ignored (sets, not multisets).
// Blank nodes are matched by colour refinement and then backtracking, which is fast for the
// sizes of test expectations and query results.
bool isomorphic(std::vector<Quad> a, std::vector<Quad> b);

}  // namespace ng::rdf
