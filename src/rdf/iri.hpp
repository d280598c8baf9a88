// IRI references: RFC 3986 §5.2 resolution, shared by the RDF readers and the SPARQL parser.
#pragma once

#include <string>
#include <string_view>

namespace ng::rdf {

// True if `iri` starts with a scheme ("http:", "urn:", ...).
bool has_scheme(std::string_view iri);

// Resolves a relative `reference` against the absolute `base` (RFC 3986 §5.2.2, with
// remove_dot_segments). An absolute reference is returned exactly as written (IRIs compare as
// strings in RDF); with an empty base, so is a relative one.
std::string resolve_iri(std::string_view base, std::string_view reference);

// An absolute IRI with its dot segments removed (RFC 3986 §5.2.4), e.g. for a base IRI given
// from outside (a query's --base).
std::string normalize_iri(std::string_view iri);

}  // namespace ng::rdf
