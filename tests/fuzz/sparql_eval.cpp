// Fuzz target: the SPARQL evaluator (ng::sparql::evaluate) on a small fixed graph, and the result
// writers on what it returns.
//
// Random queries (seeded from the parser corpus) must never crash, leak or throw anything but
// SyntaxError (invalid query) or UnsupportedError (SERVICE). The evaluator has no row limit or
// time budget of its own yet (issue 8 item 4), so the target bounds the work itself: inputs are at
// most kMaxInput bytes and queries with more than kMaxPatterns triple/path patterns are skipped
// (on a 16-triple graph a join of 4 patterns yields at most 16^4 rows).
// Every result is written in every format that fits it; solutions and booleans written as SPARQL
// JSON and XML must read back (read_srj, read_srx) to an equal result (compare_results: multisets,
// blank nodes up to renaming).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "sparql/algebra/algebra.hpp"
#include "sparql/algebra/query.hpp"
#include "sparql/eval/evaluate.hpp"
#include "sparql/parser/syntax_error.hpp"
#include "sparql/results/compare.hpp"
#include "sparql/results/readers.hpp"
#include "sparql/results/result_format.hpp"
#include "sparql/results/result_set.hpp"
#include "store/rdf_io.hpp"
#include "store/store.hpp"
#include "store/world.hpp"

namespace {

constexpr std::size_t kMaxInput = 2048;
constexpr std::size_t kMaxPatterns = 4;

// Terms the W3C query tests use (http://example.org/, :p, :q, ex:), with every literal kind.
constexpr std::string_view kGraph = R"(
@prefix : <http://example.org/> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:a :p :b , :c ; :q 1 , "x" ; :r "2"^^xsd:decimal .
:b :p :c ; :q 2.5e0 ; :name "Bob"@en , "bob" .
:c :p :a ; :q "2024-05-01"^^xsd:date ; :r true .
_:x :p :a ; :q -3 ; :s "a\nb" .
:d :q "10"^^xsd:integer ; :p _:x .
:e :list ( 1 2 :a ) .
)";

struct Fixture {
  ng::store::World world;
  ng::store::Store store{world};
  ng::store::NodeRef g1 = world.iri("http://example.org/g1");
  Fixture() {
    ng::store::load_string(store, kGraph, ng::store::Format::Turtle, {}, "fixture");
    ng::store::LoadOptions named;
    named.graph = g1.get();
    ng::store::load_string(store, "<http://example.org/a> <http://example.org/p> \"g\" .",
                           ng::store::Format::NTriples, named, "fixture-g1");
  }
};

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string written(const ng::sparql::QueryResult& result, ng::sparql::ResultFormat format) {
  std::ostringstream out;
  ng::sparql::write_result(result, format, out);
  return out.str();
}

// Solutions and booleans: every tabular format; JSON and XML read back to an equal result.
void check_writers(const ng::sparql::QueryResult& result) {
  using ng::sparql::ResultFormat;
  for (ResultFormat format :
       {ResultFormat::Table, ResultFormat::Csv, ResultFormat::Tsv, ResultFormat::Json,
        ResultFormat::Xml, ResultFormat::Turtle, ResultFormat::NTriples, ResultFormat::NQuads}) {
    if (ng::sparql::result_format_fits(format, result.kind)) written(result, format);
  }
  if (result.kind == ng::sparql::ResultKind::Graph) return;
  const ng::sparql::ResultSet expected = ng::sparql::to_result_set(result);
  for (ResultFormat format : {ResultFormat::Json, ResultFormat::Xml}) {
    const std::string text = written(result, format);
    const ng::sparql::ResultSet back =
        format == ResultFormat::Json ? ng::sparql::read_srj(text) : ng::sparql::read_srx(text);
    const ng::sparql::Comparison c = ng::sparql::compare_results(expected, back);
    if (!c) {
      std::fprintf(stderr, "%s result does not read back: %s\n%s\n",
                   format == ResultFormat::Json ? "JSON" : "XML", c.reason.c_str(), text.c_str());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return 0;
  static Fixture* fixture = new Fixture();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ng::sparql::Query query;
  try {
    query = ng::sparql::parse_query(text, "http://example.org/base/");
  } catch (const ng::sparql::SyntaxError&) {
    return 0;
  }
  const std::string sse = ng::sparql::to_sse(query);
  if (count(sse, "(triple ") + count(sse, "(path ") > kMaxPatterns) return 0;
  ng::sparql::EvalOptions options;
  options.seed = 1;
  ng::sparql::QueryResult result;
  try {
    result = ng::sparql::evaluate(query, fixture->store, {}, options);
  } catch (const ng::sparql::UnsupportedError&) {
    return 0;
  }
  // Rows must be aligned with the projected variables.
  for (const auto& row : result.rows) {
    if (row.size() != result.variables.size()) {
      std::fprintf(stderr, "a row has %zu values for %zu variables\n", row.size(),
                   result.variables.size());
      std::abort();
    }
  }
  check_writers(result);
  return 0;
}
