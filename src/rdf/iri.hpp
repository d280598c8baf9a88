// IRI references: RFC 3986 §5.2 resolution, shared by the RDF readers and the SPARQL parser.
#pragma once

#include <string>
#include <string_view>

namespace ng::rdf {

// True if `iri` starts with a scheme ("http:", "urn:", ...).
bool has_scheme(std::string_view iri);

// Resolves `reference` against the absolute `base` (RFC 3986 §5.2.2, with remove_dot_segments).
// An absolute reference is returned with its dot segments removed; an empty base returns the
// reference unchanged.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace ng::rdf
