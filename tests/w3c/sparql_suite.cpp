// ng_w3c_sparql: runs the W3C SPARQL 1.1 / 1.0 query test suites through our parser and
// evaluator and compares the results as https://www.w3.org/2009/sparql/docs/tests/README.html
// says. One line per test, totals per suite, and a ratchet of known failures: the run fails on
// any failure not listed in known-failures-sparql.txt, and lists listed tests that now pass.
//
//   ng_w3c_sparql SUITE [--w3c-dir DIR] [--known-failures FILE] [--update-known-failures]
//                       [--filter TEXT] [--timeout SECONDS] [--no-fork] [--quiet] [--verbose]
//   SUITE: sparql10-eval | sparql10-syntax | sparql11-query | sparql11-syntax | all,
//          or the path of a manifest (.ttl) in the same vocabulary (our own cases)
//
// Each test runs in a forked child with a time limit, so a crash or an endless loop in the
// engine fails that one test instead of the whole suite.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "manifest.hpp"
#include "sparql/results/compare.hpp"
#include "sparql/results/readers.hpp"
#include "sparql/results/result_format.hpp"
#include "sparql/results/result_set.hpp"
#include "store/rdf_io.hpp"
#include "store/store.hpp"
#if NG_W3C_HAVE_ENGINE
#include "sparql/algebra/query.hpp"
#include "sparql/eval/evaluate.hpp"
#include "sparql/parser/syntax_error.hpp"
#endif

namespace ng::w3c {
namespace {

constexpr int kExitSkipped = 77;  // ctest SKIP_RETURN_CODE

enum class Status { Pass, Fail, Skip };

struct Outcome {
  Outcome() = default;
  Outcome(Status s, std::string why = {}, std::string more = {})
      : status(s), reason(std::move(why)), details(std::move(more)) {}
  Status status = Status::Fail;
  std::string reason;
  std::string details;  // expected and actual results, printed with --verbose
};

struct SuiteDef {
  std::string name;
  // Root manifests (relative to the w3c folder) and included manifests to leave out.
  std::vector<std::pair<std::string, std::vector<std::string>>> manifests;
};

const std::vector<SuiteDef>& suites() {
  static const std::vector<SuiteDef> kSuites = {
      {"sparql10-eval", {{"sparql/sparql10/manifest-evaluation.ttl", {}}}},
      {"sparql10-syntax", {{"sparql/sparql10/manifest-syntax.ttl", {}}}},
      // The query sub-suites (not update, federation, entailment, protocol) and the result
      // format tests; syntax-query is its own suite below.
      {"sparql11-query",
       {{"sparql/sparql11/manifest-sparql11-query.ttl", {"syntax-query/manifest.ttl"}},
        {"sparql/sparql11/manifest-sparql11-results.ttl", {}}}},
      {"sparql11-syntax", {{"sparql/sparql11/syntax-query/manifest.ttl", {}}}},
  };
  return kSuites;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string local_name(std::string_view iri) {
  auto cut = iri.find_last_of("#/");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

// The categories the issue counts: evaluation, valid syntax, invalid syntax.
std::string category(const ManifestTest& t) {
  std::string type = local_name(t.type);
  if (type.rfind("PositiveSyntaxTest", 0) == 0) return "valid syntax";
  if (type.rfind("NegativeSyntaxTest", 0) == 0) return "invalid syntax";
  if (type == "QueryEvaluationTest" || type == "CSVResultFormatTest") return "evaluation";
  return "other (" + type + ")";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string one_line(std::string text, std::size_t max = 400) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  if (text.size() > max) text = text.substr(0, max) + "...";
  return text;
}

#if NG_W3C_HAVE_ENGINE

// Loads a data file into `graph` (nullptr = the default graph). RDF/XML goes through the small
// reader of the results module, as Serd cannot read it.
void load_data(store::Store& store, const std::string& path, store::NodeId graph,
               const std::string& graph_iri) {
  if (!ends_with(path, ".rdf")) {
    store::LoadOptions options;
    options.graph = graph;
    store::load_file(store, path, options);
    return;
  }
  static int document = 0;
  std::string prefix = "rdfxml" + std::to_string(++document) + "_";
  for (auto quad : sparql::read_rdf_xml(read_file(path), store::file_iri(path))) {
    for (rdf::Term* t : {&quad.subject, &quad.object}) {
      if (t->is_blank()) *t = rdf::Term::blank(prefix + t->value);
    }
    if (graph) quad.graph = rdf::Term::iri(graph_iri);
    store.add(quad);
  }
}

// ORDER BY of the outermost query: ordered comparison on its plain-variable keys.
sparql::CompareOptions compare_options(const sparql::Query& query) {
  sparql::CompareOptions options;
  const sparql::Pattern* p = &query.pattern;
  for (;;) {
    using K = sparql::PatternKind;
    if (p->kind == K::OrderBy) {
      options.ordered = true;
      for (const auto& condition : p->order) {
        if (condition.expr.kind != sparql::ExprKind::Var) {
          // An expression key: compare whole rows in order.
          options.order_keys.clear();
          return options;
        }
        options.order_keys.push_back(condition.expr.var);
      }
      return options;
    }
    if ((p->kind == K::Slice || p->kind == K::Distinct || p->kind == K::Reduced ||
         p->kind == K::Project || p->kind == K::Extend) &&
        !p->children.empty()) {
      p = &p->children[0];
      continue;
    }
    return options;
  }
}

// A result as TSV (graphs as N-Triples), indented, for --verbose.
std::string show(const sparql::ResultSet& r) {
  std::ostringstream out;
  sparql::ResultFormat format = r.kind == sparql::ResultKind::Graph ? sparql::ResultFormat::NTriples
                                                                    : sparql::ResultFormat::Tsv;
  sparql::write_result(r, format, out);
  std::string text;
  std::istringstream lines(out.str());
  std::string line;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n == 50) {
      text += "    ...\n";
      break;
    }
    text += "    " + line + "\n";
  }
  return text;
}

Outcome syntax_test(const ManifestTest& t, bool positive) {
  std::string iri = t.action.empty() ? t.query : t.action;
  std::string text = read_file(iri_to_path(iri));
  try {
    sparql::parse_query(text, iri);
  } catch (const sparql::SyntaxError& e) {
    if (positive) return {Status::Fail, std::string("rejected: ") + e.what()};
    return {Status::Pass, {}};
  }
  if (positive) return {Status::Pass, {}};
  return {Status::Fail, "accepted an invalid query"};
}

Outcome evaluation_test(const ManifestTest& t) {
  if (t.query.empty()) return {Status::Fail, "manifest gives no qt:query"};
  if (t.result.empty()) return {Status::Fail, "manifest gives no mf:result"};
  store::World world;
  auto store = std::make_unique<store::Store>(world);
  std::vector<store::NodeRef> graphs;
  try {
    for (const auto& d : t.data) load_data(*store, iri_to_path(d), nullptr, {});
    for (const auto& g : t.graph_data) {
      graphs.push_back(world.iri(g));
      load_data(*store, iri_to_path(g), graphs.back().get(), g);
    }
  } catch (const std::exception& e) {
    return {Status::Fail, std::string("loading data: ") + e.what()};
  }
  sparql::Query query;
  try {
    query = sparql::parse_query(read_file(iri_to_path(t.query)), t.query);
  } catch (const std::exception& e) {
    return {Status::Fail, std::string("parse: ") + e.what()};
  }
  // FROM / FROM NAMED replace the test's dataset; the caller loads those graphs.
  sparql::Dataset dataset;
  if (!query.from.empty() || !query.from_named.empty()) {
    dataset.default_graph = sparql::Dataset::DefaultGraph::Graphs;
    dataset.all_named_graphs = false;
    auto graph_node = [&](const std::string& iri) -> store::NodeId {
      graphs.push_back(world.iri(iri));
      store::NodeId node = graphs.back().get();
      if (!store->has_named_graph(node) && iri.rfind("file://", 0) == 0) {
        load_data(*store, iri_to_path(iri), node, iri);
      }
      return node;
    };
    try {
      for (const auto& iri : query.from) dataset.default_graphs.push_back(graph_node(iri));
      for (const auto& iri : query.from_named) dataset.named_graphs.push_back(graph_node(iri));
    } catch (const std::exception& e) {
      return {Status::Fail, std::string("loading FROM graphs: ") + e.what()};
    }
  }
  sparql::QueryResult result;
  try {
    result = sparql::evaluate(query, *store, dataset);
  } catch (const std::exception& e) {
    return {Status::Fail, std::string("evaluate: ") + e.what()};
  }
  sparql::ResultSet expected;
  try {
    expected = sparql::read_result_file(world, iri_to_path(t.result));
  } catch (const std::exception& e) {
    return {Status::Fail, std::string("reading the expected result: ") + e.what()};
  }
  sparql::ResultSet actual;
  if (local_name(t.type) == "CSVResultFormatTest") {
    // CSV keeps no types: compare our CSV output with the expected CSV, both read back alike.
    std::ostringstream csv;
    try {
      sparql::write_result(result, sparql::ResultFormat::Csv, csv);
      actual = sparql::read_csv(csv.str());
    } catch (const std::exception& e) {
      return {Status::Fail, std::string("writing CSV: ") + e.what()};
    }
  } else {
    actual = sparql::to_result_set(result);
  }
  sparql::CompareOptions compare = compare_options(query);
  compare.lax_cardinality = local_name(t.cardinality) == "LaxCardinality";
  auto comparison = sparql::compare_results(expected, actual, compare);
  if (!comparison) {
    return {Status::Fail, comparison.reason, show(expected) + "  actual:\n" + show(actual)};
  }
  // The writers must keep every term: our JSON, XML and TSV read back to the same result.
  if (result.kind != sparql::ResultKind::Graph) {
    const sparql::ResultSet direct = sparql::to_result_set(result);
    for (auto format :
         {sparql::ResultFormat::Json, sparql::ResultFormat::Xml, sparql::ResultFormat::Tsv}) {
      std::ostringstream text;
      sparql::ResultSet back;
      try {
        sparql::write_result(result, format, text);
        back = format == sparql::ResultFormat::Json  ? sparql::read_srj(text.str())
               : format == sparql::ResultFormat::Xml ? sparql::read_srx(text.str())
                                                     : sparql::read_tsv(text.str());
      } catch (const std::exception& e) {
        return {Status::Fail, std::string(sparql::result_format_name(format)) +
                                  " output does not read back: " + e.what()};
      }
      if (format == sparql::ResultFormat::Tsv && result.kind == sparql::ResultKind::Boolean)
        continue;
      bool same = back.kind == direct.kind && back.boolean == direct.boolean &&
                  back.variables == direct.variables && back.rows == direct.rows;
      if (!same) {
        return {Status::Fail,
                std::string(sparql::result_format_name(format)) + " output does not round-trip",
                text.str()};
      }
    }
  }
  return {Status::Pass, {}};
}

#endif  // NG_W3C_HAVE_ENGINE

Outcome run_test(const ManifestTest& t) {
  std::string type = local_name(t.type);
  bool syntax =
      type.find("SyntaxTest") != std::string::npos && type.find("Update") == std::string::npos;
  bool evaluation = type == "QueryEvaluationTest" || type == "CSVResultFormatTest";
  if (!syntax && !evaluation)
    return {Status::Skip, "test type " + type + " is not run by this suite"};
#if NG_W3C_HAVE_ENGINE
  if (syntax) return syntax_test(t, type.rfind("Positive", 0) == 0);
  return evaluation_test(t);
#else
  return {Status::Fail, "the SPARQL parser/evaluator is not built yet (no parse_query/evaluate)"};
#endif
}

Outcome run_guarded(const ManifestTest& t) {
  try {
    return run_test(t);
  } catch (const std::exception& e) {
    return {Status::Fail, std::string("exception: ") + e.what()};
  } catch (...) {
    return {Status::Fail, "unknown exception"};
  }
}

// Runs the test in a child process with a time limit.
Outcome run_isolated(const ManifestTest& t, int timeout_seconds) {
  std::cout.flush();
  std::cerr.flush();
  int fds[2];
  if (pipe(fds) != 0) return {Status::Fail, "pipe failed"};
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return {Status::Fail, "fork failed"};
  }
  if (pid == 0) {
    close(fds[0]);
    alarm(static_cast<unsigned>(timeout_seconds + 5));
    Outcome o = run_guarded(t);
    std::string message = std::string(1, o.status == Status::Pass   ? 'P'
                                         : o.status == Status::Skip ? 'S'
                                                                    : 'F') +
                          o.reason + '\x1f' + o.details;
    const char* data = message.data();
    std::size_t left = message.size();
    while (left > 0) {
      ssize_t n = write(fds[1], data, left);
      if (n <= 0) break;
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string message;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[4096];
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    message.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (timed_out) return {Status::Fail, "timed out after " + std::to_string(timeout_seconds) + " s"};
  if (WIFSIGNALED(status)) {
    return {Status::Fail, std::string("crashed: ") + strsignal(WTERMSIG(status))};
  }
  if (message.empty()) {
    return {Status::Fail, "test process ended without a result (exit status " +
                              std::to_string(WEXITSTATUS(status)) + ")"};
  }
  Status s = message[0] == 'P' ? Status::Pass : message[0] == 'S' ? Status::Skip : Status::Fail;
  auto cut = message.find('\x1f');
  if (cut == std::string::npos) return {s, message.substr(1), {}};
  return {s, message.substr(1, cut - 1), message.substr(cut + 1)};
}

// --- The known-failures ratchet -----------------------------------------------------------

struct KnownFailures {
  std::vector<std::string> header;           // leading comment lines
  std::map<std::string, std::string> lines;  // test IRI -> the whole line
};

// Lines: "<test IRI>  # reason"; lines starting with '#' are comments.
KnownFailures read_known_failures(const std::string& path) {
  KnownFailures k;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos) continue;
    if (line[start] == '#') {
      if (k.lines.empty()) k.header.push_back(line);
      continue;
    }
    auto end = line.find_first_of(" \t", start);
    k.lines[line.substr(start, end == std::string::npos ? std::string::npos : end - start)] = line;
  }
  return k;
}

void write_known_failures(const std::string& path, const KnownFailures& k) {
  store::write_file_atomically(path, [&](std::ostream& out) {
    for (const auto& h : k.header) out << h << '\n';
    for (const auto& [iri, line] : k.lines) out << line << '\n';
  });
}

struct Totals {
  int passed = 0, failed = 0, skipped = 0;
};

struct Options {
  std::string suite;
  std::string w3c_dir;
  std::string known_failures;
  bool update = false;
  std::string filter;
  int timeout = 30;
  bool fork = true;
  bool quiet = false;
  bool verbose = false;
};

struct TestRecord {
  std::string iri;
  std::string suite;
  Outcome outcome;
};

int run(const Options& options) {
  namespace fs = std::filesystem;
  // A manifest file of our own (same vocabulary) instead of a named W3C suite.
  const bool own_manifest = ends_with(options.suite, ".ttl");
  SuiteDef own{"manifest", {{fs::absolute(options.suite).string(), {}}}};
  if (!own_manifest && !fs::is_directory(fs::path(options.w3c_dir) / "sparql")) {
    std::cout << "SKIPPED: the W3C test suites are not at " << options.w3c_dir
              << "/sparql (set NEWSGRAPH_W3C_DIR to the w3c folder, or pass --w3c-dir)\n";
    return kExitSkipped;
  }
  std::vector<const SuiteDef*> selected;
  if (own_manifest) selected.push_back(&own);
  for (const auto& s : suites()) {
    if (options.suite == "all" || options.suite == s.name) selected.push_back(&s);
  }
  if (selected.empty()) {
    std::cerr << "unknown suite '" << options.suite
              << "' (sparql10-eval, sparql10-syntax, sparql11-query, sparql11-syntax, all)\n";
    return 2;
  }
  KnownFailures known = read_known_failures(options.known_failures);
  std::vector<TestRecord> records;
  std::vector<std::string> summary;
  store::World world;
  for (const SuiteDef* suite : selected) {
    std::vector<ManifestTest> tests;
    try {
      for (const auto& [manifest, skips] : suite->manifests) {
        auto more = read_manifest(world, (fs::path(options.w3c_dir) / manifest).string(), skips);
        tests.insert(tests.end(), more.begin(), more.end());
      }
    } catch (const std::exception& e) {
      std::cout << "FAIL  " << suite->name << ": cannot read the manifests: " << e.what() << '\n';
      summary.push_back(suite->name + ": 0 passed, 1 failed, 0 skipped (manifests unreadable)");
      records.push_back({"manifest:" + suite->name, suite->name, {Status::Fail, e.what()}});
      continue;
    }
    Totals totals;
    std::map<std::string, Totals> by_category;
    // dawgt:approval: run approved, proposed and unclassified tests; skip the ones the working
    // group withdrew or rejected, as Jena and Oxigraph do.
    std::map<std::string, int> approvals;
    int approval_skips = 0;
    for (const auto& t : tests) {
      if (!options.filter.empty() && t.iri.find(options.filter) == std::string::npos) continue;
      Outcome o;
      std::string approval = local_name(t.approval);
      ++approvals[approval.empty() ? "not classified" : approval];
      if (approval == "Withdrawn" || approval == "Rejected" || approval == "NotApproved" ||
          approval == "Obsoleted") {
        o = {Status::Skip, "dawgt:" + approval};
        ++approval_skips;
      } else {
        o = options.fork ? run_isolated(t, options.timeout) : run_guarded(t);
      }
      Totals& c = by_category[category(t)];
      switch (o.status) {
        case Status::Pass:
          ++totals.passed, ++c.passed;
          if (!options.quiet) std::cout << "PASS  " << t.iri << '\n';
          break;
        case Status::Skip:
          ++totals.skipped, ++c.skipped;
          std::cout << "SKIP  " << t.iri << ": " << one_line(o.reason) << '\n';
          break;
        case Status::Fail:
          ++totals.failed, ++c.failed;
          std::cout << "FAIL  " << t.iri << ": " << one_line(o.reason)
                    << (known.lines.count(t.iri) ? "  [known]" : "") << '\n';
          if (options.verbose && !o.details.empty()) std::cout << "  expected:\n" << o.details;
          break;
      }
      records.push_back({t.iri, suite->name, o});
    }
    // Per kind of test when a suite mixes kinds, in the same form as the suite's total line
    // (e.g. "sparql10-syntax-valid: 149 passed, 0 failed, 0 skipped").
    for (const auto& [name, c] : by_category) {
      if (by_category.size() < 2) break;
      std::string slug = name == "valid syntax"     ? "valid"
                         : name == "invalid syntax" ? "invalid"
                                                    : name;
      std::replace(slug.begin(), slug.end(), ' ', '-');
      summary.push_back(suite->name + "-" + slug + ": " + std::to_string(c.passed) + " passed, " +
                        std::to_string(c.failed) + " failed, " + std::to_string(c.skipped) +
                        " skipped");
    }
    std::string approval_line;
    for (const auto& [name, count] : approvals) {
      approval_line += (approval_line.empty() ? "" : ", ") + std::to_string(count) + " " + name;
    }
    summary.push_back("  " + suite->name + " approval: " + approval_line + "; " +
                      std::to_string(approval_skips) + " skipped as withdrawn/rejected");
    summary.push_back(suite->name + ": " + std::to_string(totals.passed) + " passed, " +
                      std::to_string(totals.failed) + " failed, " + std::to_string(totals.skipped) +
                      " skipped");
  }
  std::vector<std::string> regressions, now_passing;
  for (const auto& r : records) {
    bool listed = known.lines.count(r.iri) > 0;
    if (r.outcome.status == Status::Fail && !listed) regressions.push_back(r.iri);
    if (r.outcome.status == Status::Pass && listed) now_passing.push_back(r.iri);
  }
  std::cout << '\n';
  if (!now_passing.empty()) {
    std::cout << "Listed in " << options.known_failures
              << " but now passing (shrink the list with --update-known-failures):\n";
    for (const auto& iri : now_passing) std::cout << "  " << iri << '\n';
  }
  if (!regressions.empty()) {
    std::cout << "New failures (not in the known-failures list):\n";
    for (const auto& iri : regressions) std::cout << "  " << iri << '\n';
  }
  if (options.update && options.filter.empty()) {
    for (const auto& r : records) known.lines.erase(r.iri);
    for (const auto& r : records) {
      if (r.outcome.status != Status::Fail) continue;
      // File IRIs of the suite are machine-specific: keep the file under version control stable.
      std::string reason = r.outcome.reason;
      const std::string w3c_iri = store::file_iri(options.w3c_dir);
      for (auto at = reason.find(w3c_iri); at != std::string::npos; at = reason.find(w3c_iri)) {
        reason.replace(at, w3c_iri.size(), "file://.../w3c");
      }
      known.lines[r.iri] = r.iri + "  # " + r.suite + ": " + one_line(reason, 160);
    }
    if (known.header.empty()) {
      known.header = {
          "# W3C SPARQL tests known to fail (ratchet for ng_w3c_sparql): one test IRI per line,",
          "# '#' and the reason after it. A failure not listed here fails the run; regenerate with",
          "#   ng_w3c_sparql all --update-known-failures"};
    }
    write_known_failures(options.known_failures, known);
    std::cout << "Rewrote " << options.known_failures << " (" << known.lines.size()
              << " known failures)\n";
    regressions.clear();
  } else if (options.update) {
    std::cout << "--update-known-failures ignored with --filter\n";
  }
  for (const auto& line : summary) std::cout << line << '\n';
  return regressions.empty() ? 0 : 1;
}

}  // namespace
}  // namespace ng::w3c

int main(int argc, char** argv) {
  ng::w3c::Options options;
  CLI::App app{"Runs the W3C SPARQL query test suites through newsgraph's engine"};
  app.add_option("suite", options.suite,
                 "sparql10-eval | sparql10-syntax | sparql11-query | sparql11-syntax | all, or "
                 "the path of a manifest .ttl of our own")
      ->required();
  app.add_option("--w3c-dir", options.w3c_dir,
                 "the w3c folder (default: $NEWSGRAPH_W3C_DIR, else ../shared/w3c of the source)");
  options.known_failures = NG_W3C_KNOWN_FAILURES;
  app.add_option("--known-failures", options.known_failures, "the ratchet file");
  app.add_flag("--update-known-failures", options.update,
               "rewrite the ratchet file with this run's failures");
  app.add_option("--filter", options.filter, "run only tests whose IRI contains this text");
  app.add_option("--timeout", options.timeout, "seconds per test (default 30)");
  bool no_fork = false;
  app.add_flag("--no-fork", no_fork, "run tests in this process (for debugging)");
  app.add_flag("--quiet", options.quiet, "do not print passing tests");
  app.add_flag("--verbose", options.verbose, "print expected and actual results of failures");
  CLI11_PARSE(app, argc, argv);
  options.fork = !no_fork;
  if (options.w3c_dir.empty()) {
    const char* env = std::getenv("NEWSGRAPH_W3C_DIR");
    options.w3c_dir = env && *env ? env : NG_W3C_DEFAULT_DIR;
  }
  return ng::w3c::run(options);
}
