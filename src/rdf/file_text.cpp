#include "rdf/file_text.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ng::rdf {

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace ng::rdf
