// A whole file as bytes: query files, rule and lexicon files, SPARQL result files.
#pragma once

#include <string>

namespace ng::rdf {

// The bytes of the file at `path`; throws std::runtime_error "PATH: cannot open" when it cannot
// be opened.
std::string read_whole_file(const std::string& path);

}  // namespace ng::rdf
