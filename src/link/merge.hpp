// Merging external RDF files with our graph, and smushing linked nodes into one IRI.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/vocab.hpp"
#include "store/store.hpp"

namespace ng::link {

struct MergeOptions {
  std::vector<std::string> data;  // loaded as they are (Turtle -> default graph; TriG keeps graphs)
  std::vector<std::string> external;  // each into its own named graph, named by its file:// IRI
  bool external_in_default_graph = false;  // ... or all into the default graph
};

struct MergeStats {
  std::size_t data_quads = 0;
  std::size_t external_quads = 0;
  std::vector<std::string> external_graphs;  // graph IRI per external file (empty: default)
};

// Loads the files into `store` (any syntax, .gz allowed; blank nodes kept apart per file;
// prefixes recorded in store.prefixes()). Each file is all or nothing; on the first bad file the
// exception (store::RdfSyntaxError, std::runtime_error) propagates and the store holds only the
// files before it, so a caller must not write the store out then.
MergeStats merge_files(store::Store& store, const MergeOptions& options);

struct SmushStats {
  std::size_t classes = 0;         // sets of nodes joined by owl:sameAs
  std::size_t nodes_replaced = 0;  // nodes rewritten to their canonical IRI
  std::size_t quads_rewritten = 0;
};

// Rewrites every node joined to others by owl:sameAs (in any graph, either direction,
// transitively) to one canonical IRI: an IRI outside `our_namespace` (the external data set's,
// e.g. GeoNames) if there is one, else any IRI, the smallest in code-point order. Every statement
// about a replaced node moves to the canonical one (labels included), and `canonical owl:sameAs
// replaced` is kept (in the graph of the original link) so old IRIs stay findable. Objects of
// rdf:subject / rdf:object (the link reifications written by `link`) are left as they are.
SmushStats smush(store::Store& store, std::string_view our_namespace = vocab::kNgId);

}  // namespace ng::link
