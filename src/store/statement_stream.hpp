// Streaming RDF reader: calls back once per statement without building a store, so a large
// external data set (the full GeoNames extract: 2.3 M triples) can be indexed in a few seconds
// and little memory. store::load_file interns every node and indexes every quad, which costs
// far more when only a few properties are needed.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "rdf/term.hpp"
#include "store/rdf_io.hpp"

namespace ng::store {

// One statement. The views are valid during the callback only; terms are in the normal form of
// rdf::Term (absolute IRIs, no xsd:string datatype, lower-case language tags). Blank-node labels
// carry a per-document prefix, so labels of two documents never collide.
struct StreamedQuad {
  rdf::TermView subject;
  rdf::TermView predicate;
  rdf::TermView object;
  std::optional<rdf::TermView> graph;  // nullopt: the default graph
};

struct StreamOptions {
  std::optional<Format> format;  // default: from the file extension (.gz allowed)
  std::string base_iri;          // default: the file's file:// IRI
};

// Reads `path` (gzip detected by zlib) and calls `on_quad` for each statement, in document order.
// Returns the number of statements. Throws store::RdfSyntaxError ("file:line:col: message"; the
// column counts bytes) at the first syntax error, after the statements before it were delivered,
// and std::runtime_error for I/O errors or an unknown format. Exceptions thrown by `on_quad`
// stop the read and propagate.
std::size_t stream_file(const std::string& path,
                        const std::function<void(const StreamedQuad&)>& on_quad,
                        const StreamOptions& options = {});

}  // namespace ng::store
