// Readers for the expected-result files of the W3C SPARQL test suites: SPARQL XML (.srx),
// SPARQL JSON (.srj), TSV, CSV, RDF result sets (rs: vocabulary, in Turtle or RDF/XML) and
// plain RDF graphs (CONSTRUCT expectations).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/results/result_set.hpp"
#include "store/world.hpp"

namespace ng::sparql {

inline constexpr std::string_view kResultSetNs =
    "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

// A malformed result document: what() is "line L: message" when a position is known.
class ResultsParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

ResultSet read_srx(std::string_view text);
ResultSet read_srj(std::string_view text);
// TSV: header of ?vars, terms in Turtle syntax (IRIs, literals, _:blank, bare numbers/booleans).
ResultSet read_tsv(std::string_view text);
// CSV keeps no term types: every cell becomes a simple literal, except `_:x` (a blank node) and
// an empty cell (unbound). Compare CSV with CSV (write the actual result as CSV and read it back).
ResultSet read_csv(std::string_view text);

// A small RDF/XML reader (node and property elements, rdf:about/ID/nodeID/resource,
// rdf:datatype, xml:lang, rdf:parseType="Resource", property attributes, typed nodes). Relative
// IRIs resolve against `base_iri`. Throws ResultsParseError on anything else.
std::vector<rdf::Quad> read_rdf_xml(std::string_view text, std::string_view base_iri);

// The result set described by triples in the rs: vocabulary (rs:ResultSet with rs:solution or
// rs:boolean); nullopt when the triples contain no rs:ResultSet. Rows are in rs:index order
// when indices are given.
std::optional<ResultSet> result_set_from_triples(const std::vector<rdf::Quad>& triples);

// Reads an RDF file (.ttl .nt .nq .trig via the store; .rdf via read_rdf_xml) as triples; blank
// nodes keep distinct labels. Graph names are dropped. Throws store::RdfSyntaxError,
// ResultsParseError or std::runtime_error (I/O).
std::vector<rdf::Quad> read_graph_file(store::World& world, const std::string& path);

// Reads an expected-result file, dispatching on its extension: .srx .srj .tsv .csv, and RDF
// files (.ttl .nt .rdf), which give a result set if they use the rs: vocabulary, else a graph.
ResultSet read_result_file(store::World& world, const std::string& path);

}  // namespace ng::sparql
