// Reading W3C test manifests (mf: vocabulary) through our own store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/rdf_io.hpp"

namespace ng::w3c {

struct ManifestEntry {
  std::string id;        // stable: "<manifest path relative to the suite root>#<fragment>"
  std::string type;      // local name of the rdf:type, e.g. "TestTurtleEval"
  std::string name;      // mf:name
  std::string action;    // file path of mf:action (empty if none)
  std::string result;    // file path of mf:result (empty if none)
  std::string approval;  // local name of dawgt:approval / mf:approval, if any
};

struct Manifest {
  std::string assumed_test_base;  // mf:assumedTestBase, if given
  std::vector<ManifestEntry> entries;
  std::vector<std::string> includes;  // file paths of mf:include'd manifests
};

// Loads `path`; ids are made relative to `suite_root`.
Manifest read_manifest(const std::string& path, const std::string& suite_root);

// Converts a file:// IRI back to a local path (percent-decoded).
std::string path_from_file_iri(const std::string& iri);

}  // namespace ng::w3c
