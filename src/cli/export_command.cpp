#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/geojson_export.hpp"

namespace ng::cli {
namespace {

struct ExportOptions {
  std::vector<std::string> data;
  std::string format;
  std::string output;
};

int run_export(const ExportOptions& opts) {
  store::World world;
  store::Store store(world);
  load_files(store, opts.data);
  if (opts.format == "geojson" || (opts.format.empty() && opts.output.ends_with(".geojson"))) {
    // Events with the coordinates of their places (needs the GeoNames data among the inputs).
    write_output(opts.output, [&](std::ostream& out) { write_geojson_export(store, out); });
    return kExitOk;
  }
  store::Format format = store::Format::TriG;
  if (!opts.format.empty()) {
    format = parse_format(opts.format);
  } else if (auto by_ext = store::format_from_path(opts.output)) {
    format = *by_ext;
  }
  write_graph(store, format, opts.output);
  return kExitOk;
}

}  // namespace

Runner add_export_command(CLI::App& app) {
  auto opts = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Convert and merge RDF files (blank nodes kept apart)");
  cmd->add_option("-d,--data", opts->data, "RDF file (.ttl .trig .nt .nq, optionally .gz)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option(
      "-f,--format", opts->format,
      "Output format: turtle, trig, ntriples, nquads, or geojson (events with "
      "coordinates; give the GeoNames data and links among -d) (default: from -o, else trig)");
  cmd->add_option("-o,--output", opts->output, "Output file (written atomically; default stdout)");
  return [opts] { return run_export(*opts); };
}

}  // namespace ng::cli
