#include "cli/query_runner.hpp"

#include <fstream>
#include <sstream>

#include "cli/common.hpp"
#include "rdf/file_text.hpp"
#include "store/rdf_io.hpp"

namespace ng::cli {
namespace {

std::string local_path_of(const std::string& iri) {
  if (!iri.starts_with("file://")) {
    throw std::runtime_error("cannot load <" + iri +
                             ">: only local files (file:// IRIs) can be loaded; load remote data "
                             "with -d / --named");
  }
  std::string path;
  for (std::size_t i = 7; i < iri.size(); ++i) {
    if (iri[i] == '%' && i + 2 < iri.size()) {
      path += static_cast<char>(std::stoi(iri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += iri[i];
    }
  }
  return path;
}

}  // namespace

void add_dataset_options(CLI::App& cmd, DatasetOptions& dataset) {
  cmd.add_option("-d,--data", dataset.data,
                 "RDF file for the default graph (TriG/N-Quads keep their named graphs)")
      ->check(CLI::ExistingFile);
  cmd.add_option("-x,--external", dataset.named,
                 "External RDF data set (e.g. GeoNames), loaded as a named graph named by its "
                 "file:// IRI (as `merge` does)")
      ->check(CLI::ExistingFile);
  cmd.add_option("--named", dataset.named,
                 "RDF file loaded as a named graph named by its file:// IRI")
      ->check(CLI::ExistingFile);
  cmd.add_flag("--union-default-graph", dataset.union_default_graph,
               "The default graph is the union of all named graphs");
}

std::string read_text_file(const std::string& path) { return rdf::read_whole_file(path); }

QuerySession::QuerySession(const DatasetOptions& options)
    : store_(world_),
      options_(options),
      has_cli_dataset_(!options.data.empty() || !options.named.empty()) {
  load_files(store_, options.data);
  for (const auto& file : options.named) load_named(store::file_iri(file));
}

store::NodeId QuerySession::load_named(const std::string& iri) {
  auto graph = world_.iri(iri);
  if (!store_.has_named_graph(graph.get())) {
    store::LoadOptions load;
    load.graph = graph.get();
    std::string path = local_path_of(iri);
    load.format = store::format_from_path(path);
    if (!load.format)
      load.format = store::Format::Turtle;  // W3C tests use .ttl and .rdf-less files
    store::load_file(store_, path, load);
  }
  return graph.get();
}

void QuerySession::prepare() {
  store_.prepare();  // every index and the statistics, so that query time is query time
}

sparql::Query QuerySession::parse(const std::string& text, const std::string& base_iri) const {
  return sparql::parse_query(text, base_iri);
}

sparql::QueryResult QuerySession::run(const sparql::Query& query) {
  sparql::EvalOptions options;
  options.max_rows = options_.max_rows;
  return sparql::evaluate(query, store_, dataset_for(query), options);
}

std::string QuerySession::explain(const sparql::Query& query) {
  return sparql::explain_analyze(query, store_, dataset_for(query));
}

sparql::Dataset QuerySession::dataset_for(const sparql::Query& query) {
  sparql::Dataset dataset;
  if (options_.union_default_graph)
    dataset.default_graph = sparql::Dataset::DefaultGraph::UnionOfNamed;
  if (!has_cli_dataset_ && (!query.from.empty() || !query.from_named.empty())) {
    dataset.default_graph = sparql::Dataset::DefaultGraph::Graphs;
    for (const auto& iri : query.from) dataset.default_graphs.push_back(load_named(iri));
    dataset.all_named_graphs = false;
    for (const auto& iri : query.from_named) dataset.named_graphs.push_back(load_named(iri));
  }
  return dataset;
}

std::string render_syntax_error(const sparql::SyntaxError& error, const std::string& text,
                                const std::string& source_name) {
  std::ostringstream out;
  out << source_name << ": " << error.what() << "\n";
  std::istringstream lines(text);
  std::string line;
  for (std::uint32_t i = 0; i <= error.pos().line && std::getline(lines, line); ++i) {
  }
  std::string prefix = "LINE " + std::to_string(error.pos().line + 1) + ": ";
  out << prefix << line << "\n" << std::string(prefix.size() + error.pos().column, ' ') << "^";
  return out.str();
}

sparql::ResultFormat choose_format(const std::string& name, sparql::ResultKind kind,
                                   bool to_terminal) {
  if (!name.empty()) {
    auto format = sparql::result_format_from_name(name);
    if (!format) {
      throw UsageError("unknown result format '" + name + "' (expected " +
                       std::string(sparql::result_format_names()) + ")");
    }
    return *format;
  }
  if (kind == sparql::ResultKind::Graph) return sparql::ResultFormat::Turtle;
  return to_terminal ? sparql::ResultFormat::Table : sparql::ResultFormat::Csv;
}

}  // namespace ng::cli
