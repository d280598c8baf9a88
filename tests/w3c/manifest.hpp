// Reading W3C test manifests (https://www.w3.org/TR/rdf11-testcases/, the mf:/qt:/dawgt:
// vocabularies): mf:include and mf:entries lists, test type, action, result, approval.
// Shared by the SPARQL runner and the RDF-syntax runner of this folder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/world.hpp"

namespace ng::w3c {

inline constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr std::string_view kDawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";
inline constexpr std::string_view kRdft = "http://www.w3.org/ns/rdftest#";

struct ManifestTest {
  std::string iri;       // the test's IRI
  std::string type;      // the full IRI of its rdf:type (e.g. mf:QueryEvaluationTest)
  std::string name;      // mf:name
  std::string manifest;  // path of the manifest that lists it
  std::string approval;  // full IRI of dawgt:approval / rdft:approval, or empty
  // mf:action when it is an IRI (syntax tests: the file to parse).
  std::string action;
  // mf:action [ qt:query; qt:data; qt:graphData ] (evaluation tests).
  std::string query;
  std::vector<std::string> data;
  std::vector<std::string> graph_data;
  std::string result;       // mf:result IRI, or empty
  std::string cardinality;  // mf:resultCardinality IRI (mf:LaxCardinality), or empty
};

// Reads a manifest and, recursively, the manifests of its mf:include list; returns the tests of
// the mf:entries lists in order. `skip_includes` names included manifests to leave out (matched
// as path suffixes, e.g. "syntax-query/manifest.ttl"). Throws on unreadable manifests.
std::vector<ManifestTest> read_manifest(store::World& world, const std::string& path,
                                        const std::vector<std::string>& skip_includes = {});

// The local path of a file:// IRI (percent-decoded); throws std::invalid_argument otherwise.
std::string iri_to_path(std::string_view iri);

}  // namespace ng::w3c
