#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli_run.hpp"
#include "store/rdf_io.hpp"

namespace fs = std::filesystem;

namespace {

using namespace ng_test;

}  // namespace

TEST_CASE("version and help flags", "[cli]") {
  auto v = run("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("newsgraph ") == 0);
  auto h = run("--help");
  CHECK(h.exit_code == 0);
  for (const char* cmd : {"export", "stats", "query", "run"})
    CHECK(h.out.find(cmd) != std::string::npos);
  CHECK(run("").exit_code == 2);
  CHECK(run("frobnicate").exit_code == 2);
}

TEST_CASE("export merges files without blank-node collisions", "[cli][export]") {
  write("a.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:p _:b0 .\n_:b0 ex:q \"from a\" .\n");
  write("b.nq", "_:b0 <http://example.org/q> \"from b\" <http://example.org/g> .\n");
  auto r = run("export -d a.ttl -d b.nq -f nquads -o merged.nq");
  REQUIRE(r.exit_code == 0);
  ng::store::World world;
  ng::store::Store store(world);
  ng::store::load_file(store, (workdir() / "merged.nq").string());
  CHECK(store.size() == 3);
  // The two _:b0 stay two different nodes: each has exactly one ex:q value.
  auto q = world.iri("http://example.org/q");
  std::set<ng::store::NodeId> subjects;
  auto c = store.scan(nullptr, q.get(), nullptr, nullptr);
  ng::store::QuadIds quad;
  while (c.next(quad)) subjects.insert(quad.subject);
  CHECK(subjects.size() == 2);
  CHECK(store.named_graphs().size() == 1);
  auto trig = run("export -d a.ttl -d b.nq -f trig");
  CHECK(trig.exit_code == 0);
  CHECK(trig.out.find("{") != std::string::npos);
}

TEST_CASE("a malformed file gives file:line:col, exit 1 and no output", "[cli][export]") {
  write("bad.ttl",
        "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b ;\n  ex:q \"unterminated .\n");
  fs::remove(workdir() / "out.ttl");
  auto r = run("export -d bad.ttl -o out.ttl");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.ttl:3:") != std::string::npos);
  CHECK_FALSE(fs::exists(workdir() / "out.ttl"));
  // An existing output is left as it was.
  write("keep.ttl", "old\n");
  CHECK(run("export -d bad.ttl -o keep.ttl").exit_code == 1);
  CHECK(slurp(workdir() / "keep.ttl") == "old\n");
  CHECK(run("export -d missing.ttl").exit_code == 2);  // usage: the file does not exist
  CHECK(run("export -d bad.ttl -f rdfxml").exit_code != 0);
}

TEST_CASE("stats counts triples, graphs and classes", "[cli][stats]") {
  write("s.trig",
        "@prefix ex: <http://example.org/> .\nex:a a ex:C . ex:b a ex:C .\n"
        "ex:g { ex:c a ex:D . }\n");
  auto r = run("stats -d s.trig");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("triples (distinct)   3") != std::string::npos);
  CHECK(r.out.find("named graphs         1") != std::string::npos);
  CHECK(r.out.find("2\t<http://example.org/C>") != std::string::npos);
}

TEST_CASE("query: syntax errors name the line, column and what was expected", "[cli][query]") {
  auto r = run("query -e 'SELEC ?x WHERE {}'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("line 1 column 1") != std::string::npos);
  CHECK(r.err.find("expected") != std::string::npos);
  CHECK(run("query --syntax-only -e 'SELECT * WHERE { ?s ?p ?o }'").exit_code == 0);
  CHECK(run("query --syntax-only -e 'SELECT * WHERE { ?s ?p }'").exit_code == 1);
}

TEST_CASE("query: results in every tabular format, and the union default graph", "[cli][query]") {
  write("g.trig",
        "<http://e/g1> { <http://e/s> <http://e/p> \"one\" . }\n"
        "<http://e/g2> { <http://e/s> <http://e/p> \"two\" . }\n");
  auto csv =
      run("query -d g.trig -f csv -e 'SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o'");
  CHECK(csv.exit_code == 0);
  CHECK(csv.out == "o\r\none\r\ntwo\r\n");
  auto empty = run("query -d g.trig -f csv -e 'SELECT ?o WHERE { ?s ?p ?o }'");
  CHECK(empty.out == "o\r\n");
  auto uni = run(
      "query -d g.trig --union-default-graph -f tsv -e 'SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o'");
  CHECK(uni.out == "?o\n\"one\"\n\"two\"\n");
  CHECK(run("query -d g.trig -f json -e 'ASK { ?s ?p \"one\" }'").exit_code == 0);
  CHECK(run("query -d g.trig -f nquads -e 'SELECT * {}'").exit_code == 2);
}

TEST_CASE("run writes one result file per saved query", "[cli][run]") {
  fs::create_directories(workdir() / "q");
  write("q/count.rq", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
  write("q/broken.rq", "SELECT WHERE");
  write("d.trig", "<http://e/g1> { <http://e/s> <http://e/p> 1 . }\n");
  auto r = run("run q -d d.trig --out-dir out -f csv");
  CHECK(r.exit_code == 1);  // broken.rq fails, count.rq still runs
  CHECK(slurp(workdir() / "out" / "count.csv") == "n\r\n1\r\n");
  CHECK(r.err.find("broken.rq") != std::string::npos);
}

namespace {
// 2,000 triples: a three-way Cartesian product has 8e9 rows, far beyond any limit below.
void write_product_graph() {
  std::ofstream out(workdir() / "many.nt");
  for (int i = 0; i < 2000; ++i) out << "<http://e/s" << i << "> <http://e/p> \"" << i << "\" .\n";
}
const char* kProduct = "'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'";
}  // namespace

TEST_CASE("a runaway query stops at the time limit with a clear message", "[cli][limits]") {
  write_product_graph();
  write("keep.csv", "previous\n");
  auto r =
      run(std::string("query --timeout 1 --max-memory 100000 -d many.nt -f csv -o keep.csv -e ") +
          kProduct);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("exceeded the time limit of 1 s (--timeout)") != std::string::npos);
  CHECK(slurp(workdir() / "keep.csv") == "previous\n");  // the old output is intact
}

TEST_CASE("a runaway query stops at the memory limit with a clear message", "[cli][limits]") {
#if defined(__SANITIZE_ADDRESS__)
  WARN("skipped: AddressSanitizer builds set no address-space limit");
  return;
#endif
  write_product_graph();
  auto r = run(std::string("query --timeout 0 --max-memory 400 -d many.nt -f csv -e ") + kProduct);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("out of memory") != std::string::npos);
}

TEST_CASE("ingest on several threads writes the same graph as on one", "[cli][ingest]") {
  // Articles are extracted in parallel but enter the graph in article order: the output must
  // not depend on --jobs. Every article of the checkout, so that batches of several articles
  // per thread, cross-article resolution and story dates all take part.
  const std::string src = NG_SOURCE_DIR;
  const std::string inputs = src + "/data/articles " + src + "/tests/data/heldout/articles " + src +
                             "/tests/data/heldout2/articles";
  auto one = run("ingest -q -j 1 " + inputs + " -o one.nq");
  auto three = run("ingest -q -j 3 " + inputs + " -o three.nq");
  REQUIRE(one.exit_code == 0);
  REQUIRE(three.exit_code == 0);
  const std::string a = slurp(workdir() / "one.nq"), b = slurp(workdir() / "three.nq");
  CHECK(a.size() > 100000);
  CHECK(a == b);
  CHECK(run("ingest -q -j -1 " + src + "/data/articles -o x.nq").exit_code == 2);  // usage error
}

TEST_CASE("ingest --timing prints wall and CPU seconds per phase", "[cli][ingest]") {
  const std::string src = NG_SOURCE_DIR;
  auto r = run("ingest -q --timing -j 1 " + src + "/data/articles -o t.nq");
  REQUIRE(r.exit_code == 0);
  const auto at = r.err.find("timing ");
  REQUIRE(at != std::string::npos);
  const std::string line = r.err.substr(at, r.err.find('\n', at) - at);
  // Every phase twice (wall, CPU), each a number of seconds; the bench reads these names.
  std::map<std::string, double> value;
  std::istringstream fields(line.substr(7));
  for (std::string field; fields >> field;) {
    const auto eq = field.find('=');
    REQUIRE(eq != std::string::npos);
    value[field.substr(0, eq)] = std::stod(field.substr(eq + 1));
  }
  for (const char* phase : {"total", "resources", "read", "extract", "resolve", "store", "write"}) {
    INFO(phase);
    REQUIRE(value.count(std::string(phase) + "_s"));
    REQUIRE(value.count(std::string(phase) + "_cpu_s"));
    CHECK(value[std::string(phase) + "_s"] >= 0);
  }
  CHECK(value["text_bytes"] > 1000);
  CHECK(value["extract_cpu_s"] > 0);
  CHECK(value["total_cpu_s"] >= value["extract_cpu_s"]);
  CHECK(value["total_s"] >= value["extract_s"] + value["write_s"]);
}

TEST_CASE("ingest renames a variant spelling in every article and links it once", "[cli][ingest]") {
  // Two spellings of one (invented) minister in two articles: the article quads all name the
  // canonical IRI, and the resolution graph says which variant it replaced (owl:sameAs to the
  // variant: the rename must not rewrite the link itself).
  fs::create_directories(workdir() / "rename");
  write("rename/a.txt",
        "date 2026-03-02\n\nBorder clash kills four\n\nKABUL - Foreign Minister Hamidullah Karimi "
        "said on Monday that four soldiers were killed in a clash near the border.\n");
  write("rename/b.txt",
        "date 2026-03-02\n\nMinister condemns clash\n\nKABUL - Foreign Minister Hamidulla Karimi "
        "told reporters that the clash near the border was an act of aggression.\n");
  auto r = run("ingest -q rename/a.txt rename/b.txt -o rename.nq");
  REQUIRE(r.exit_code == 0);
  const std::string out = slurp(workdir() / "rename.nq");
  const std::string id = "https://w3id.org/newsgraph/id/";
  const std::string canonical = "<" + id + "person/hamidulla-karimi>";
  const std::string variant = "<" + id + "person/hamidullah-karimi>";
  const std::string same_as = "<http://www.w3.org/2002/07/owl#sameAs>";
  std::size_t variant_lines = 0, claimant_lines = 0;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(variant) == std::string::npos) continue;
    ++variant_lines;
    INFO(line);
    CHECK(line.rfind(canonical + " " + same_as + " " + variant, 0) == 0);
    CHECK(line.find("graph/resolution") != std::string::npos);
  }
  CHECK(variant_lines == 1);
  std::istringstream again(out);
  for (std::string line; std::getline(again, line);) {
    if (line.find("#claimant> " + canonical) != std::string::npos) ++claimant_lines;
  }
  CHECK(claimant_lines == 2);  // each article's claim names the canonical person
}
