// Fuzz target: the SPARQL parser (ng::sparql::parse_query).
//
// Property (as oxigraph's fuzz/fuzz_targets/sparql_query.rs): a query that parses prints with
// to_sparql() to a text that parses again to the same algebra, i.e. the same SSE. Invalid input
// must throw SyntaxError and nothing else; anything else (another exception, a crash, a sanitizer
// report, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sparql/algebra/algebra.hpp"
#include "sparql/algebra/query.hpp"
#include "sparql/parser/syntax_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ng::sparql::Query query;
  try {
    query = ng::sparql::parse_query(text, "http://example.org/base/");
  } catch (const ng::sparql::SyntaxError&) {
    return 0;
  }
  const std::string sse = ng::sparql::to_sse(query);
  const std::string printed = ng::sparql::to_sparql(query);
  ng::sparql::Query again;
  try {
    again = ng::sparql::parse_query(printed, "http://example.org/base/");
  } catch (const ng::sparql::SyntaxError& e) {
    std::fprintf(stderr, "round trip: to_sparql output does not parse: %s\n--- printed:\n%s\n",
                 e.what(), printed.c_str());
    std::abort();
  }
  const std::string sse_again = ng::sparql::to_sse(again);
  if (sse != sse_again) {
    std::fprintf(stderr,
                 "round trip: SSE differs\n--- printed:\n%s\n--- first SSE:\n%s\n--- second "
                 "SSE:\n%s\n",
                 printed.c_str(), sse.c_str(), sse_again.c_str());
    std::abort();
  }
  return 0;
}
