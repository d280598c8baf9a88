// ng_explain DATA_FILE QUERY_FILE [--no-optimizer] [--disable-pass NAME]...: prints
// explain_analyze (optimized algebra, plan, estimated and actual rows) for one query.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "sparql/algebra/query.hpp"
#include "sparql/eval/evaluate.hpp"
#include "store/rdf_io.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: ng_explain DATA_FILE QUERY_FILE [--no-optimizer] [--disable-pass N]\n";
    return 2;
  }
  ng::sparql::EvalOptions options;
  for (int k = 3; k < argc; ++k) {
    std::string arg = argv[k];
    if (arg == "--no-optimizer") options.optimizer.enabled = false;
    if (arg == "--disable-pass" && k + 1 < argc) options.optimizer.disabled.insert(argv[++k]);
  }
  ng::store::World world;
  ng::store::Store store(world);
  ng::store::load_file(store, argv[1]);
  std::ifstream in(argv[2]);
  std::stringstream text;
  text << in.rdbuf();
  ng::sparql::Query query = ng::sparql::parse_query(text.str());
  std::cout << ng::sparql::explain_analyze(query, store, {}, options);
  return 0;
}
