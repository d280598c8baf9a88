// ng_sparql_parse_check [--sse] FILE...: parses each query file (base IRI = its file:// IRI) and
// prints "OK FILE" or "ERR FILE: message" per file (with --sse, the algebra too).
// Exit code: 0 if every file parsed, 1 otherwise.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "sparql/algebra/query.hpp"

int main(int argc, char** argv) {
  bool sse = false;
  bool all_ok = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--sse") {
      sse = true;
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::cout << "ERR " << arg << ": cannot read\n";
      all_ok = false;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string base = "file://" + std::filesystem::absolute(arg).string();
    try {
      const ng::sparql::Query q = ng::sparql::parse_query(buf.str(), base);
      std::cout << "OK " << arg << "\n";
      if (sse) std::cout << ng::sparql::to_sse(q) << "\n";
    } catch (const ng::sparql::SyntaxError& e) {
      std::cout << "ERR " << arg << ": " << e.what() << "\n";
      all_ok = false;
    }
  }
  return all_ok ? 0 : 1;
}
