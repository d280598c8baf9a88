// The optimizer's passes: what they rewrite, and that results stay the same with the optimizer
// on and off.
#include "sparql/optimizer/optimizer.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "sparql/algebra/query.hpp"
#include "sparql/eval/evaluate.hpp"
#include "store/rdf_io.hpp"

using namespace ng;
using namespace ng::sparql;

namespace {

const char* kPrefixes = "PREFIX : <http://example.org/> ";

Query q(const std::string& text) { return parse_query(std::string(kPrefixes) + text); }

std::string optimized(const std::string& text, std::vector<PassReport>* report = nullptr) {
  return to_sse(optimize(q(text), {}, report).pattern);
}

class Db {
 public:
  explicit Db(std::string_view turtle) {
    store::load_string(store_,
                       std::string("@prefix : <http://example.org/> .\n") + std::string(turtle),
                       store::Format::Turtle, {});
  }
  std::vector<std::string> rows(const std::string& text, bool optimize_on) {
    EvalOptions options;
    options.optimizer.enabled = optimize_on;
    QueryResult r = evaluate(q(text), store_, {}, options);
    std::vector<std::string> out;
    if (r.kind == ResultKind::Boolean) out.push_back(r.boolean ? "true" : "false");
    for (const auto& row : r.rows) {
      std::string line;
      for (std::size_t k = 0; k < row.size(); ++k) {
        line += r.variables[k] + "=" +
                (row[k] ? rdf::to_ntriples(store::World::view(row[k])) : std::string("-")) + " ";
      }
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  store::Store& store() { return store_; }

 private:
  store::World world_;
  store::Store store_{world_};
};

const char* kData = R"(
:a1 a :Article ; :creator :p1 , :p2 ; :year 2001 ; :journal :j1 .
:a2 a :Article ; :creator :p2 ; :year 2003 ; :journal :j1 .
:a3 a :Article ; :creator :p3 ; :year 2002 ; :journal :j2 .
:i1 a :Inproc ; :creator :p3 , :p4 ; :year 2000 .
:i2 a :Inproc ; :creator :p5 ; :year "2000"^^<http://www.w3.org/2001/XMLSchema#decimal> .
:p1 :name "Ann" . :p2 :name "Bob" . :p3 :name "Cy" . :p4 :name "Ann" . :p5 :name "Bob"@en .
:n1 :num 1 . :n2 :num "01"^^<http://www.w3.org/2001/XMLSchema#integer> . :n3 :num 1.0 .
)";

}  // namespace

TEST_CASE("split_conjunctions splits && in filters", "[optimizer]") {
  std::string sse = optimized("SELECT * { ?s :p ?o FILTER(?o > 1 && ?o < 5) }");
  CHECK(sse.find("&&") == std::string::npos);
}

TEST_CASE("push_filters moves a filter to the join side that binds it", "[optimizer]") {
  Pattern p = q("SELECT * { { ?s :p ?o } UNION { ?s :q ?o } ?s :r ?x FILTER(?o > 1) }").pattern;
  std::string before = to_sse(p);
  std::string after = to_sse(push_filters(split_conjunctions(p)));
  CHECK(before != after);
  // The filter now sits inside the join, directly over the union.
  CHECK(after.find("(join") < after.find("(filter (> ?o 1)"));
  CHECK(after.find("(filter (> ?o 1)") < after.find("(union"));
}

TEST_CASE("push_filters keeps a filter over OPTIONAL when the optional part binds it",
          "[optimizer]") {
  std::string sse = optimized("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x } FILTER(!bound(?x)) }");
  CHECK(sse.find("(filter (! (bound ?x))") < sse.find("(leftjoin"));
}

TEST_CASE("merge_bgps and split_bgp_on_equality", "[optimizer]") {
  std::vector<PassReport> report;
  std::string sse = optimized("SELECT * { ?a :name ?n . ?b :name ?m FILTER(?n = ?m) }", &report);
  CHECK(sse.find("(join") != std::string::npos);
  bool split = false;
  for (const auto& r : report) split = split || (r.name == "split_bgp_on_equality" && r.changed);
  CHECK(split);
}

TEST_CASE("unknown pass names are rejected", "[optimizer]") {
  OptimizerOptions options;
  options.disabled.insert("no_such_pass");
  CHECK_THROWS_AS(optimize(q("ASK {}"), options), std::invalid_argument);
}

TEST_CASE("certain_variables", "[optimizer]") {
  Pattern p = q("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x } }").pattern;
  auto c = certain_variables(p);
  CHECK(c.count("s"));
  CHECK(c.count("o"));
  CHECK_FALSE(c.count("x"));
}

TEST_CASE("results are the same with the optimizer on and off", "[optimizer][eval]") {
  Db db(kData);
  const std::vector<std::string> queries = {
      // equality join between unconnected parts (value equality: "Ann" = "Ann", "Bob" != "Bob"@en)
      "SELECT ?x ?y { ?x :name ?n . ?y :name ?m FILTER(?n = ?m && ?x != ?y) }",
      "SELECT ?x ?y { ?x :name ?n . ?y :name ?m FILTER(sameTerm(?n, ?m)) }",
      // typed literals: 1 = 01 = 1.0 by value, not by term
      "SELECT ?x ?y { ?x :num ?n . ?y :num ?m FILTER(?n = ?m) }",
      "ASK { ?x :name ?n . ?y :name ?m FILTER(?n = ?m && ?x != ?y) }",
      // OPTIONAL + !bound (anti-join), with an equality in the optional's filter
      "SELECT ?d ?y { ?d :year ?y OPTIONAL { ?d2 :year ?y2 ; :creator ?c2 . ?d :creator ?c "
      "FILTER(?c = ?c2 && ?y2 < ?y) } FILTER(!bound(?d2)) }",
      "SELECT ?d ?y ?c { ?d :year ?y ; :creator ?c OPTIONAL { ?d2 :year ?y2 ; :creator ?c2 "
      "FILTER(?c = ?c2 && ?y2 < ?y) } FILTER(!bound(?c2)) }",
      "SELECT ?d ?y ?c ?y2 { ?d :year ?y ; :creator ?c OPTIONAL { ?d2 :year ?y2 ; :creator ?c2 "
      "FILTER(?c = ?c2 && ?y2 < ?y) } }",
      "SELECT ?d { ?d a :Article OPTIONAL { ?d :journal ?j } FILTER(!bound(?j)) }",
      // joins ordered by cost, filters pushed into joins and graph patterns
      "SELECT DISTINCT ?n1 ?n2 { ?a1 a :Article . ?a2 a :Article . ?a1 :creator ?p1 . "
      "?p1 :name ?n1 . ?a2 :creator ?p2 . ?p2 :name ?n2 . ?a1 :journal ?j . ?a2 :journal ?j "
      "FILTER(?n1 < ?n2) }",
      "SELECT * { { ?s :year ?y } UNION { ?s :num ?y } ?s ?p ?o FILTER(?y > 1) }",
      "SELECT * { ?s :creator ?c OPTIONAL { ?c :name ?n } FILTER(?s != :a1) }",
      "SELECT * { ?s :creator ?c MINUS { ?s a :Inproc } FILTER(?c != :p1) }",
      "SELECT * { ?s :creator ?c { ?c :name ?n } FILTER(?n != \"Ann\") }",
  };
  for (const auto& text : queries) {
    INFO(text);
    CHECK(db.rows(text, true) == db.rows(text, false));
  }
  CHECK(db.rows(queries[2], true).size() == 9);
}

TEST_CASE("explain_analyze shows the plan with estimated and actual rows", "[optimizer][eval]") {
  Db db(kData);
  std::string text = explain_analyze(
      q("SELECT * { ?a a :Article ; :creator ?p . ?p :name ?n FILTER(?n != \"Bob\") }"),
      db.store());
  CHECK(text.find("bgp (3 triples") != std::string::npos);
  CHECK(text.find("est=") != std::string::npos);
  CHECK(text.find("est/row=") != std::string::npos);
  CHECK(text.find("result: 2 rows") != std::string::npos);
}
