// The canonical order of RDF terms that the writers use: by kind (IRI, blank node, literal), then
// value, datatype and language, strings compared byte by byte as unsigned (std::string_view's
// order, a prefix before its extensions).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "rdf/term.hpp"

namespace ng::store {

// True when `a` comes before `b` in the canonical order.
bool term_less(const rdf::TermView& a, const rdf::TermView& b);

// The indices of `terms` in canonical order: the result's element r is the index of the term of
// rank r. Equal terms (which distinct nodes never are) come in an unspecified order.
//
// Why not std::sort with term_less: a store's IRIs share long prefixes
// ("https://w3id.org/newsgraph/id/actor/..."), so each comparison compares those prefixes again
// (a memcmp call per comparison). A multikey quicksort (Bentley and Sedgewick) partitions on
// seven bytes at a time, held in an integer key, and steps past shared bytes once per partition,
// not once per comparison. In a range of thousands (the millions of nodes of a large store are
// all over the heap, a cache miss per value read) a prefix that every value shares is measured
// while the keys are made and skipped at once, not seven bytes per pass.
std::vector<std::uint32_t> order_by_value(const std::vector<rdf::TermView>& terms);

// The same for `count` terms read through term(i), which may be called several times for a term
// (a caller with many terms need not hold all their views, 56 bytes each, at once). The views'
// strings must stay valid during the call.
using TermAt = std::function<rdf::TermView(std::uint32_t)>;
std::vector<std::uint32_t> order_by_value(std::uint32_t count, const TermAt& term);

}  // namespace ng::store
