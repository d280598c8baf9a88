// `newsgraph merge`: our graph plus external data sets in one dataset (src/link/merge.hpp).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "link/merge.hpp"

namespace ng::cli {
namespace {

struct MergeCommandOptions {
  std::vector<std::string> data;
  std::vector<std::string> external;
  std::string output;
  std::string format;
  bool default_graph = false;
  bool smush = false;
};

int run_merge(const MergeCommandOptions& opts) {
  if (opts.data.empty() && opts.external.empty()) {
    throw UsageError("merge: nothing to merge (give -d and/or -x files)");
  }
  store::Format format = store::Format::TriG;
  if (!opts.format.empty()) {
    format = parse_format(opts.format);
  } else if (auto by_ext = store::format_from_path(opts.output)) {
    format = *by_ext;
  }
  store::World world;
  store::Store store(world);
  link::MergeOptions options;
  options.data = opts.data;
  options.external = opts.external;
  options.external_in_default_graph = opts.default_graph;
  // On a bad file this throws before anything is written: the output is never half-merged.
  const link::MergeStats stats = link::merge_files(store, options);
  std::cerr << "newsgraph: merge: " << stats.data_quads << " quads of data, "
            << stats.external_quads << " external quads";
  if (opts.smush) {
    const link::SmushStats s = link::smush(store);
    std::cerr << "; smushed " << s.nodes_replaced << " node(s) into " << s.classes
              << " canonical IRI(s), " << s.quads_rewritten << " quads rewritten";
  }
  std::cerr << "\n";
  write_graph(store, format, opts.output);
  return kExitOk;
}

}  // namespace

Runner add_merge_command(CLI::App& app) {
  auto opts = std::make_shared<MergeCommandOptions>();
  auto* cmd = app.add_subcommand(
      "merge", "Merge our graph with external data sets (each in its own named graph)");
  cmd->add_option("-d,--data", opts->data,
                  "Our data, e.g. the ingested graph and `link` output (.ttl .trig .nt .nq, .gz)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-x,--external", opts->external,
                  "External data set, loaded into a named graph named by its file:// IRI")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output, "Output file (written atomically)")->required();
  cmd->add_option("-f,--format", opts->format,
                  "Output format: turtle, trig, ntriples, nquads (default: from -o, else trig)");
  cmd->add_flag("--default-graph", opts->default_graph,
                "Load the external data sets into the default graph instead");
  cmd->add_flag("--smush", opts->smush,
                "Rewrite nodes joined by owl:sameAs to one canonical IRI (the external one), "
                "keeping every label and the owl:sameAs to the old IRIs");
  return [opts] { return run_merge(*opts); };
}

}  // namespace ng::cli
