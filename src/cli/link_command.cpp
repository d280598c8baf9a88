// `newsgraph link`: link our actors and places to external data sets (src/link/linker.hpp).
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "link/linker.hpp"

namespace ng::cli {
namespace {

struct LinkCommandOptions {
  std::vector<std::string> data;
  std::vector<std::string> external;
  std::string output;
  std::string format;
  std::vector<std::string> label_properties;
  double threshold = 0.5;
  double same_as = 0.8;
  std::string graph;
  bool quiet = false;
};

int run_link(const LinkCommandOptions& opts) {
  if (opts.same_as < opts.threshold) {
    throw UsageError("--same-as-threshold must not be below --threshold");
  }
  const auto start = std::chrono::steady_clock::now();
  store::World world;
  store::Store ours(world);
  load_files(ours, opts.data);
  link::LinkOptions options;
  options.label_properties = opts.label_properties;
  options.threshold = opts.threshold;
  options.same_as = opts.same_as;
  options.links_graph = opts.graph;
  const link::LinkResult result = link::link_entities(ours, opts.external, options);

  store::Store links(world);
  const std::size_t n = link::add_link_quads(links, result, options);
  store::Format format = store::Format::TriG;
  if (!opts.format.empty()) {
    format = parse_format(opts.format);
  } else if (auto by_ext = store::format_from_path(opts.output)) {
    format = *by_ext;
  }
  store::WriteOptions write_options;
  write_options.use_store_prefixes = false;
  write_output(opts.output,
               [&](std::ostream& out) { store::write(links, format, out, write_options); });

  if (!opts.quiet) link::report_unlinked(result, std::cerr);
  std::size_t same_as = 0, unlinked = 0, none = 0, agree = 0, disagree = 0;
  for (const auto& d : result.decisions) {
    if (d.linked && d.same_as) ++same_as;
    if (!d.linked && !d.candidates.empty()) ++unlinked;
    if (d.candidates.empty()) ++none;
    if (d.agrees_with_input) ++agree;
    if (d.disagrees_with_input) ++disagree;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "newsgraph: link: " << result.decisions.size() << " entities, " << n << " linked ("
            << same_as << " owl:sameAs, " << n - same_as << " skos:closeMatch), " << unlinked
            << " below the threshold, " << none << " without candidates; "
            << result.external_entities << " external entities from " << result.external_statements
            << " statements";
  if (agree + disagree > 0) {
    std::cerr << "; " << agree << " agree and " << disagree
              << " disagree with owl:sameAs already in the input";
  }
  std::cerr << "; " << static_cast<long>(seconds * 1000) << " ms\n";
  return kExitOk;
}

}  // namespace

Runner add_link_command(CLI::App& app) {
  auto opts = std::make_shared<LinkCommandOptions>();
  auto* cmd = app.add_subcommand(
      "link", "Link actors and places to external data sets (owl:sameAs / skos:closeMatch)");
  cmd->add_option("-d,--data", opts->data, "Our graph (.ttl .trig .nt .nq, optionally .gz)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-x,--external", opts->external,
                  "External data set to link to (any RDF syntax, .gz; read by streaming)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output,
                  "Links file (written atomically; default stdout; format from the extension, "
                  "else TriG)");
  cmd->add_option("-f,--format", opts->format, "Output format: turtle, trig, ntriples, nquads");
  cmd->add_option("--label-property", opts->label_properties,
                  "Label property IRI (repeatable; replaces the defaults rdfs:label, "
                  "skos:prefLabel, skos:altLabel, schema:name, gn:name, gn:alternateName, "
                  "foaf:name)");
  cmd->add_option("--threshold", opts->threshold,
                  "Minimum confidence of a link; below it the candidates are reported (default "
                  "0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--same-as-threshold", opts->same_as,
                  "Minimum confidence of an owl:sameAs link; weaker links are skos:closeMatch "
                  "(default 0.8)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--graph", opts->graph,
                  "Named graph of the links (default https://w3id.org/newsgraph/id/graph/links)");
  cmd->add_flag("-q,--quiet", opts->quiet, "Do not list the entities left unlinked");
  return [opts] { return run_link(*opts); };
}

}  // namespace ng::cli
