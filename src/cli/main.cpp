// newsgraph: parse the command line, run one subcommand, map errors to exit codes
// (0 ok, 1 bad input, 2 bad usage, 3 internal error). Errors go to stderr.
#include <iostream>
#include <map>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/limits.hpp"
#include "store/rdf_io.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"newsgraph: news articles to an RDF knowledge graph, queried with SPARQL 1.1"};
  app.set_version_flag("-V,--version", std::string("newsgraph ") + ng::kVersion);
  app.require_subcommand(1);
  std::map<std::string, ng::cli::Runner> runners;
  runners["export"] = ng::cli::add_export_command(app);
  runners["stats"] = ng::cli::add_stats_command(app);
  runners["query"] = ng::cli::add_query_command(app);
  runners["run"] = ng::cli::add_run_command(app);
  runners["ingest"] = ng::cli::add_ingest_command(app);
  runners["link"] = ng::cli::add_link_command(app);
  runners["merge"] = ng::cli::add_merge_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? ng::cli::kExitOk : ng::cli::kExitUsage;
  }
  try {
    for (auto* sub : app.get_subcommands()) return runners.at(sub->get_name())();
  } catch (const ng::cli::UsageError& e) {
    std::cerr << "newsgraph: " << e.what() << "\n";
    return ng::cli::kExitUsage;
  } catch (const std::bad_alloc&) {
    ng::store::abandon_atomic_write();
    const std::size_t limit_mb = ng::cli::applied_memory_limit_mb();
    std::cerr << "newsgraph: out of memory: the operation needed more than the memory limit"
              << (limit_mb ? " of " + std::to_string(limit_mb) + " MB" : std::string())
              << " (--max-memory; add LIMIT or more selective patterns to a query)\n";
    return ng::cli::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "newsgraph: " << e.what() << "\n";
    return ng::cli::kExitBadInput;
  }
  return ng::cli::kExitInternal;
}
