// Developer driver for the link module until `newsgraph` registers its commands:
//   ng_link_dev link -d graph.trig -x geonames.ttl [-o links.trig]
//   ng_link_dev merge -d graph.trig -x geonames.ttl -o merged.trig [--smush]
//   ng_link_dev geojson -d FILE... [-o out.geojson]      (= newsgraph export -f geojson)
// Exit codes as newsgraph's: 0 ok, 1 bad input, 2 usage, 3 internal.
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/geojson_export.hpp"

namespace ng::cli {
// Declared here until commands.hpp has them.
Runner add_link_command(CLI::App& app);
Runner add_merge_command(CLI::App& app);
}  // namespace ng::cli

int main(int argc, char** argv) {
  CLI::App app{"ng_link_dev: the link, merge and geojson commands of newsgraph"};
  app.require_subcommand(1);
  std::map<std::string, ng::cli::Runner> runners;
  runners["link"] = ng::cli::add_link_command(app);
  runners["merge"] = ng::cli::add_merge_command(app);
  std::vector<std::string> data;
  std::string output;
  auto* geojson = app.add_subcommand("geojson", "Events as GeoJSON (export -f geojson)");
  geojson->add_option("-d,--data", data, "RDF file")->required()->check(CLI::ExistingFile);
  geojson->add_option("-o,--output", output, "Output file (default stdout)");
  runners["geojson"] = [&] {
    ng::store::World world;
    ng::store::Store store(world);
    ng::cli::load_files(store, data);
    ng::cli::write_output(output,
                          [&](std::ostream& out) { ng::cli::write_geojson_export(store, out); });
    return ng::cli::kExitOk;
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? ng::cli::kExitOk : ng::cli::kExitUsage;
  }
  try {
    for (auto* sub : app.get_subcommands()) return runners.at(sub->get_name())();
  } catch (const ng::cli::UsageError& e) {
    std::cerr << "newsgraph: " << e.what() << "\n";
    return ng::cli::kExitUsage;
  } catch (const std::bad_alloc&) {
    std::cerr << "newsgraph: out of memory\n";
    return ng::cli::kExitInternal;
  } catch (const std::exception& e) {
    std::cerr << "newsgraph: " << e.what() << "\n";
    return ng::cli::kExitBadInput;
  }
  return ng::cli::kExitInternal;
}
