#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/exit_without_teardown.hpp"
#include "cli/limits.hpp"
#include "cli/query_runner.hpp"
#include "store/rdf_io.hpp"

namespace ng::cli {
namespace {

struct QueryOptions {
  DatasetOptions dataset;
  std::string base;
  std::string format;
  std::string output;
  std::string query_file;
  std::string expression;
  bool explain = false;
  bool syntax_only = false;
  bool timing = false;
  Limits limits;
};

// "result format 'nquads' does not fit a SELECT result (expected table, csv, tsv, json or xml)".
std::string format_mismatch(sparql::ResultFormat format, sparql::ResultKind kind) {
  using sparql::ResultFormat;
  std::vector<std::string> fitting;
  for (ResultFormat f :
       {ResultFormat::Table, ResultFormat::Csv, ResultFormat::Tsv, ResultFormat::Json,
        ResultFormat::Xml, ResultFormat::Turtle, ResultFormat::NTriples, ResultFormat::NQuads}) {
    if (sparql::result_format_fits(f, kind)) fitting.emplace_back(sparql::result_format_name(f));
  }
  std::string expected;
  for (std::size_t i = 0; i < fitting.size(); ++i) {
    if (i > 0) expected += i + 1 == fitting.size() ? " or " : ", ";
    expected += fitting[i];
  }
  const char* what = kind == sparql::ResultKind::Solutions ? "a SELECT"
                     : kind == sparql::ResultKind::Boolean ? "an ASK"
                                                           : "a CONSTRUCT/DESCRIBE";
  return "result format '" + std::string(sparql::result_format_name(format)) + "' does not fit " +
         what + " result (expected " + expected + ")";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_query(const QueryOptions& opts) {
  if (opts.query_file.empty() == opts.expression.empty()) {
    throw UsageError("give exactly one of QUERY_FILE or -e 'QUERY'");
  }
  std::string text = opts.expression.empty() ? read_text_file(opts.query_file) : opts.expression;
  std::string source = opts.expression.empty() ? opts.query_file : "query";
  std::string base = opts.base;
  if (base.empty() && !opts.query_file.empty()) base = store::file_iri(opts.query_file);

  auto t0 = std::chrono::steady_clock::now();
  sparql::Query query;
  try {
    query = sparql::parse_query(text, base);
  } catch (const sparql::SyntaxError& e) {
    std::cerr << render_syntax_error(e, text, source) << "\n";
    return kExitBadInput;
  }
  if (opts.syntax_only) {
    std::cout << "OK: valid SPARQL 1.1 query\n";
    return kExitOk;
  }

  double parse_s = seconds_since(t0);
  apply_limits(opts.limits, "the query");
  auto t1 = std::chrono::steady_clock::now();
  DatasetOptions dataset = opts.dataset;
  dataset.max_rows = opts.limits.max_rows;
  auto session_ptr = std::make_unique<QuerySession>(dataset);  // left to exit (leave_to_exit)
  QuerySession& session = *session_ptr;
  session.prepare();  // builds the indices, so that load and query time are separate
  double load_s = seconds_since(t1);
  if (opts.explain) std::cerr << session.explain(query) << "\n";
  auto t2 = std::chrono::steady_clock::now();
  sparql::QueryResult result = session.run(query);
  double eval_s = seconds_since(t2);
  bool terminal = opts.output.empty() && ::isatty(STDOUT_FILENO);
  sparql::ResultFormat format = choose_format(opts.format, result.kind, terminal);
  if (!sparql::result_format_fits(format, result.kind)) {
    throw UsageError(format_mismatch(format, result.kind));
  }
  auto t3 = std::chrono::steady_clock::now();
  write_output(opts.output, [&](std::ostream& out) { sparql::write_result(result, format, out); });
  if (opts.timing) {
    // One machine-readable line (bench/ reads it): query_s = parse + evaluate + write.
    double write_s = seconds_since(t3);
    std::size_t rows = result.kind == sparql::ResultKind::Solutions ? result.rows.size()
                       : result.kind == sparql::ResultKind::Boolean ? (result.boolean ? 1 : 0)
                                                                    : result.graph->size();
    std::fprintf(stderr,
                 "timing load_s=%.6f query_s=%.6f rows=%zu parse_s=%.6f eval_s=%.6f write_s=%.6f\n",
                 load_s, parse_s + eval_s + write_s, rows, parse_s, eval_s, write_s);
  }
  leave_to_exit(session_ptr);
  return kExitOk;
}

}  // namespace

Runner add_query_command(CLI::App& app) {
  auto opts = std::make_shared<QueryOptions>();
  auto* cmd = app.add_subcommand("query", "Run a SPARQL 1.1 query");
  add_dataset_options(*cmd, opts->dataset);
  cmd->add_option("--base", opts->base, "Base IRI of the query (default: the query file's IRI)");
  cmd->add_option("-f,--format", opts->format,
                  "Result format: table|csv|tsv|json|xml (SELECT/ASK), turtle|ntriples|nquads "
                  "(CONSTRUCT/DESCRIBE)");
  cmd->add_option("-o,--output", opts->output, "Write the result to this file (atomically)");
  cmd->add_flag("--explain", opts->explain,
                "Print the optimised plan to stderr, with estimated and actual rows per operator");
  cmd->add_flag("--syntax-only", opts->syntax_only, "Only parse and check the query");
  cmd->add_flag("--timing", opts->timing,
                "Print 'timing load_s=S query_s=S rows=N ...' (seconds) to stderr");
  cmd->add_option("-e,--expression", opts->expression, "The query text");
  add_limit_options(*cmd, opts->limits);
  add_row_limit_option(*cmd, opts->limits);
  cmd->add_option("QUERY_FILE", opts->query_file, "File with the query")->check(CLI::ExistingFile);
  return [opts] { return run_query(*opts); };
}

}  // namespace ng::cli
