#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/limits.hpp"
#include "cli/query_runner.hpp"
#include "store/rdf_io.hpp"

namespace ng::cli {
namespace {

struct RunOptions {
  std::vector<std::string> queries;
  DatasetOptions dataset;
  std::string out_dir;
  std::string format;
  Limits limits;
};

std::vector<std::filesystem::path> collect_queries(const std::vector<std::string>& inputs) {
  std::vector<std::filesystem::path> out;
  for (const auto& input : inputs) {
    if (std::filesystem::is_directory(input)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(input)) {
        if (entry.is_regular_file() && entry.path().extension() == ".rq")
          found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.emplace_back(input);
    }
  }
  return out;
}

std::string extension_of(sparql::ResultFormat format) {
  switch (format) {
    case sparql::ResultFormat::Table:
      return ".txt";
    case sparql::ResultFormat::Csv:
      return ".csv";
    case sparql::ResultFormat::Tsv:
      return ".tsv";
    case sparql::ResultFormat::Json:
      return ".srj";
    case sparql::ResultFormat::Xml:
      return ".srx";
    case sparql::ResultFormat::Turtle:
      return ".ttl";
    case sparql::ResultFormat::NTriples:
      return ".nt";
    case sparql::ResultFormat::NQuads:
      return ".nq";
  }
  return ".txt";
}

int run_saved_queries(const RunOptions& opts) {
  auto files = collect_queries(opts.queries);
  if (files.empty()) throw UsageError("no .rq files found");
  apply_limits(opts.limits, "running the saved queries");
  DatasetOptions dataset = opts.dataset;
  dataset.max_rows = opts.limits.max_rows;
  QuerySession session(dataset);
  if (!opts.out_dir.empty()) std::filesystem::create_directories(opts.out_dir);
  bool terminal = opts.out_dir.empty() && ::isatty(STDOUT_FILENO);
  int failures = 0;
  for (const auto& file : files) {
    std::string name = file.stem().string();
    std::string text;
    try {
      text = read_text_file(file.string());
      sparql::Query query = session.parse(text, store::file_iri(file.string()));
      sparql::QueryResult result = session.run(query);
      sparql::ResultFormat format = choose_format(opts.format, result.kind, terminal);
      if (!sparql::result_format_fits(format, result.kind))
        format = choose_format("", result.kind, terminal);
      auto write = [&](std::ostream& out) { sparql::write_result(result, format, out); };
      if (opts.out_dir.empty()) {
        std::cout << "== " << name << "\n";
        write(std::cout);
        std::cout << "\n";
      } else {
        auto path = std::filesystem::path(opts.out_dir) / (name + extension_of(format));
        write_output(path.string(), write);
        std::cerr << "newsgraph: " << name << " -> " << path.string() << " (" << result.rows.size()
                  << " rows)\n";
      }
    } catch (const sparql::SyntaxError& e) {
      ++failures;
      std::cerr << render_syntax_error(e, text, file.string()) << "\n";
    } catch (const UsageError&) {
      throw;
    } catch (const std::exception& e) {
      ++failures;
      std::cerr << "newsgraph: " << file.string() << ": " << e.what() << "\n";
    }
  }
  return failures == 0 ? kExitOk : kExitBadInput;
}

}  // namespace

Runner add_run_command(CLI::App& app) {
  auto opts = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "Run saved queries (.rq files or directories of them)");
  cmd->add_option("QUERIES", opts->queries, "Query files or directories")
      ->required()
      ->check(CLI::ExistingPath);
  add_dataset_options(*cmd, opts->dataset);
  cmd->add_option("--out-dir", opts->out_dir, "Write DIR/<query name>.<ext> instead of printing");
  cmd->add_option("-f,--format", opts->format,
                  "Result format (default: csv into --out-dir, table on a terminal)");
  add_limit_options(*cmd, opts->limits);
  add_row_limit_option(*cmd, opts->limits);
  return [opts] { return run_saved_queries(*opts); };
}

}  // namespace ng::cli
