// IRI reference resolution (RFC 3986 §5.2). Lives here until src/rdf/ can take it.
#pragma once

#include <string>
#include <string_view>

namespace ng::sparql {

// Resolves `ref` against `base` (RFC 3986 §5.2.2, with remove_dot_segments of §5.2.4).
// An absolute `ref` (it has a scheme) is returned with its dot segments removed; with an empty
// `base`, a relative `ref` is returned unchanged.
std::string resolve_iri(std::string_view base, std::string_view ref);

// True when `iri` starts with a scheme ("http:", "urn:", "file:"...).
bool has_scheme(std::string_view iri);

}  // namespace ng::sparql
