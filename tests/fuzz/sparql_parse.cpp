// Fuzz target: the SPARQL parser (ng::sparql::parse_query).
//
// Property (as oxigraph's fuzz/fuzz_targets/sparql_query.rs): a query that parses prints with
// to_sparql() to a text that parses again to the same algebra, i.e. the same SSE up to the names
// of internal variables and blank nodes. Invalid input
// must throw SyntaxError and nothing else; anything else (another exception, a crash, a sanitizer
// report, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "sparql/algebra/algebra.hpp"
#include "sparql/algebra/query.hpp"
#include "sparql/parser/syntax_error.hpp"

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '#' || static_cast<unsigned char>(c) >= 0x80;
}

// The SSE with internal variables (??name) and blank-node labels (_:name) renamed in order of
// first appearance: to_sparql() keeps the algebra "up to the names of internal variables and
// blank nodes" (algebra.hpp). Text inside string literals is left alone.
std::string canonical_names(const std::string& sse) {
  std::map<std::string, std::string> names;
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < sse.size();) {
    const char c = sse[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < sse.size()) out += sse[++i];
      if (c == '"') in_string = false;
      ++i;
      continue;
    }
    if (c == '"') in_string = true;
    std::string_view prefix;
    if (sse.compare(i, 2, "??") == 0) prefix = "??";
    if (sse.compare(i, 2, "_:") == 0) prefix = "_:";
    if (prefix.empty()) {
      out += c;
      ++i;
      continue;
    }
    std::size_t end = i + 2;
    while (end < sse.size() && name_char(sse[end])) ++end;
    const std::string name = sse.substr(i, end - i);
    auto [it, fresh] = names.try_emplace(name, "");
    if (fresh) it->second = std::string(prefix) + "n" + std::to_string(names.size());
    out += it->second;
    i = end;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ng::sparql::Query query;
  try {
    query = ng::sparql::parse_query(text, "http://example.org/base/");
  } catch (const ng::sparql::SyntaxError&) {
    return 0;
  }
  const std::string sse = canonical_names(ng::sparql::to_sse(query));
  const std::string printed = ng::sparql::to_sparql(query);
  ng::sparql::Query again;
  try {
    again = ng::sparql::parse_query(printed, "http://example.org/base/");
  } catch (const ng::sparql::SyntaxError& e) {
    std::fprintf(stderr, "round trip: to_sparql output does not parse: %s\n--- printed:\n%s\n",
                 e.what(), printed.c_str());
    std::abort();
  }
  const std::string sse_again = canonical_names(ng::sparql::to_sse(again));
  if (sse != sse_again) {
    std::fprintf(stderr,
                 "round trip: SSE differs\n--- printed:\n%s\n--- first SSE:\n%s\n--- second "
                 "SSE:\n%s\n",
                 printed.c_str(), sse.c_str(), sse_again.c_str());
    std::abort();
  }
  return 0;
}
