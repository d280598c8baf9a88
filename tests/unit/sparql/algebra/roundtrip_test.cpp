#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

#include "sparql/algebra/query.hpp"

using namespace ng::sparql;

namespace {

// Renames internal variables (??x) and blank nodes (_:x) in order of first appearance.
// (A hand-written scan: std::regex trips GCC 12's -Wmaybe-uninitialized at -O2.)
std::string normalize(const std::string& sse) {
  std::map<std::string, std::string> names;
  std::string out;
  std::size_t i = 0;
  while (i < sse.size()) {
    const bool internal = sse.compare(i, 2, "??") == 0;
    const bool blank = sse.compare(i, 2, "_:") == 0;
    if (!internal && !blank) {
      out += sse[i++];
      continue;
    }
    std::size_t end = i + 2;
    while (end < sse.size() &&
           std::string_view(" \n\t()[]").find(sse[end]) == std::string_view::npos) {
      ++end;
    }
    const std::string name = sse.substr(i, end - i);
    auto [entry, inserted] = names.emplace(name, "");
    if (inserted) entry->second = sse.substr(i, 2) + "v" + std::to_string(names.size());
    out += entry->second;
    i = end;
  }
  return out;
}

// parse -> to_sparql -> parse gives the same algebra (STYLE.md §4). Returns "" or a report.
std::string roundtrip(const std::string& text, const std::string& base) {
  const Query q = parse_query(text, base);
  const std::string printed = to_sparql(q);
  try {
    const Query again = parse_query(printed);
    if (normalize(to_sse(again)) == normalize(to_sse(q))) return "";
    return "printed:\n" + printed + "\nwas:\n" + to_sse(q) + "\nbecame:\n" + to_sse(again);
  } catch (const SyntaxError& e) {
    return "printed:\n" + printed + "\nerror: " + e.what();
  }
}

}  // namespace

TEST_CASE("to_sparql round-trips every construct", "[sparql][algebra][roundtrip]") {
  const char* queries[] = {
      "PREFIX : <http://x/> SELECT ?s (AVG(?o) AS ?avg) (COUNT(DISTINCT ?o) + 1 AS ?n) "
      "{ ?s :p ?o OPTIONAL { ?o :q ?z FILTER(?z > 1) } } GROUP BY ?s (str(?o) AS ?k) lang(?o) "
      "HAVING (SUM(?o) > 10) ORDER BY DESC(?avg) ?s LIMIT 5 OFFSET 2 VALUES ?s { :a }",
      "PREFIX : <http://x/> SELECT * { ?s :p/:q/^:r ?o ; :a|^:b ?x . ?x !(:c|^:d) [ :e (1 ?x) ] "
      "; (:f/:g)+ ?y ; :h? ?z ; :i* _:w FILTER(?y) ?w :j ?v }",
      "SELECT DISTINCT ?s { { ?s ?p ?o } UNION { ?s ?q ?o } MINUS { ?s <r> ?o } "
      "BIND (str(?o) AS ?str) GRAPH ?g { ?s ?p ?g2 } SERVICE SILENT <http://s> { ?s ?p ?o } "
      "VALUES (?a ?b) { (1 UNDEF) ('x'@en \"y\"^^<http://t>) } FILTER NOT EXISTS { ?s <n> ?m } }",
      "SELECT ?x { { SELECT ?x (MAX(?v) AS ?m) { ?x <v> ?v } GROUP BY ?x ORDER BY ?x LIMIT 2 } "
      "OPTIONAL { { ?x <p> ?y FILTER(?y) } } OPTIONAL { ?x <q> ?z FILTER(?z) FILTER(!?y) } }",
      "SELECT REDUCED * { ?s ?p ?o FILTER(?o IN (1, 2.5, -3e0) && ?s NOT IN () || "
      "regex(str(?o), '^a', 'i') && <http://www.w3.org/2001/XMLSchema#integer>(?o) = -(?p) "
      "&& BNODE() != BNODE(?s) && COALESCE(?a, CONCAT()) && IF(true, false, 1)) }",
      "CONSTRUCT { ?s <p> [ <q> ?o ] . _:b <r> ?s } FROM <g> FROM NAMED <h> WHERE { ?s <p> ?o } "
      "ORDER BY ?s OFFSET 0",
      "CONSTRUCT WHERE { ?s <p> ?o }",
      "DESCRIBE ?x <y> WHERE { ?x ?p ?o }",
      "DESCRIBE *",
      "ASK { ?s ?p ?o { ?a ?b ?c } ?d ?e ?f BIND(1 AS ?one) ?g ?h ?i }",
      "SELECT (GROUP_CONCAT(?x; SEPARATOR='|') AS ?g) (SAMPLE(?x) AS ?s) (COUNT(*) AS ?c) "
      "{ ?x ?y ?z }",
  };
  for (const char* q : queries) {
    INFO(q);
    CHECK(roundtrip(q, "http://base/") == "");
  }
}

// The W3C query files, when ../shared/w3c is there (it is not part of the repository).
TEST_CASE("to_sparql round-trips the W3C queries", "[sparql][algebra][roundtrip][w3c]") {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::weakly_canonical(fs::path(NG_SOURCE_DIR) / ".." / "shared" / "w3c" / "sparql");
  if (!fs::exists(root)) {
    WARN("no W3C suites at " << root.string());
    return;
  }
  int parsed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".rq") continue;
    if (entry.path().string().find("syntax-update") != std::string::npos) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string base = "file://" + entry.path().string();
    try {
      parse_query(buf.str(), base);
    } catch (const SyntaxError&) {
      continue;  // negative syntax tests
    }
    ++parsed;
    INFO(entry.path().string());
    CHECK(roundtrip(buf.str(), base) == "");
  }
  CHECK(parsed > 500);
}
