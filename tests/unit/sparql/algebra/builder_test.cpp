#include <catch2/catch.hpp>

#include "sparql/algebra/query.hpp"

using namespace ng::sparql;

namespace {

std::string sse(std::string_view text) { return to_sse(parse_query(text)); }

std::string error_of(std::string_view text) {
  try {
    parse_query(text);
  } catch (const SyntaxError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("SELEC is reported at line 1 column 1", "[sparql][algebra][builder]") {
  CHECK(error_of("SELEC ?x WHERE {}") ==
        "Syntax error at line 1 column 1: expected SELECT, CONSTRUCT, DESCRIBE, ASK, PREFIX or "
        "BASE, found \"SELEC\"");
}

TEST_CASE("FILTER applies to the whole group, OPTIONAL keeps its filter in the LeftJoin",
          "[sparql][algebra][builder]") {
  CHECK(sse("PREFIX : <http://x/> SELECT * { ?s :p ?o OPTIONAL { ?o :q ?z FILTER(?z > 1) } "
            "FILTER(bound(?z)) ?s :r ?w }") ==
        R"sse((project (?s ?o ?z ?w)
  (filter (bound ?z)
    (join
      (leftjoin
        (bgp (triple ?s <http://x/p> ?o))
        (bgp (triple ?o <http://x/q> ?z))
        (> ?z 1))
      (bgp (triple ?s <http://x/r> ?w))))))sse");
}

TEST_CASE("triple blocks separated only by FILTERs form one BGP", "[sparql][algebra][builder]") {
  CHECK(sse("SELECT ?s { ?s <http://p> ?o FILTER(?o) ?s <http://q> ?z }") ==
        R"sse((project (?s)
  (filter ?o
    (bgp
      (triple ?s <http://p> ?o)
      (triple ?s <http://q> ?z)))))sse");
}

TEST_CASE("path sequences and inverse links become triples (§18.2.2.4)",
          "[sparql][algebra][builder]") {
  CHECK(sse("PREFIX : <http://x/> SELECT ?s { ?s :p/:q/^:r ?o }") ==
        R"sse((project (?s)
  (bgp
    (triple ?s <http://x/p> ??p0)
    (triple ??p0 <http://x/q> ??p1)
    (triple ?o <http://x/r> ??p1))))sse");
  CHECK(sse("PREFIX : <http://x/> SELECT ?s { ?s :p|:q ?o . ?o (:a/:b)+ _:x }") ==
        R"sse((project (?s)
  (join
    (path ?s (alt <http://x/p> <http://x/q>) ?o)
    (path ?o (path+ (seq <http://x/a> <http://x/b>)) ??_x))))sse");
}

TEST_CASE("aggregates become Group, HAVING a Filter, SELECT expressions Extend",
          "[sparql][algebra][builder]") {
  CHECK(sse("PREFIX : <http://x/> SELECT ?s (AVG(?o) AS ?avg) { ?s :p ?o } GROUP BY ?s "
            "HAVING (SUM(?o) > 10) ORDER BY ?avg") ==
        R"sse((project (?s ?avg)
  (order (?avg)
    (extend ((?avg ??a0))
      (filter (> ??a1 10)
        (group (?s) ((??a0 (avg ?o)) (??a1 (sum ?o)))
          (bgp (triple ?s <http://x/p> ?o))))))))sse");
  CHECK(sse("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") ==
        R"sse((project (?n)
  (extend ((?n ??a0))
    (group () ((??a0 (count)))
      (bgp (triple ?s ?p ?o))))))sse");
}

TEST_CASE("UNION, MINUS, BIND and the solution modifiers nest in spec order",
          "[sparql][algebra][builder]") {
  CHECK(sse("PREFIX : <http://x/> SELECT DISTINCT ?s { { ?s :p ?o } UNION { ?s :q ?o } "
            "MINUS { ?s :r ?o } BIND (str(?o) AS ?str) } LIMIT 3 OFFSET 1") ==
        R"sse((slice 1 3
  (distinct
    (project (?s)
      (extend ((?str (str ?o)))
        (minus
          (union
            (bgp (triple ?s <http://x/p> ?o))
            (bgp (triple ?s <http://x/q> ?o)))
          (bgp (triple ?s <http://x/r> ?o))))))))sse");
}

TEST_CASE("subqueries and trailing VALUES", "[sparql][algebra][builder]") {
  const Query q = parse_query(
      "PREFIX : <http://x/> SELECT * { ?s :p ?o { SELECT ?s (MAX(?v) AS ?m) { ?s :v ?v } "
      "GROUP BY ?s } } VALUES ?o { :a :b }");
  CHECK(q.select_star);
  CHECK(q.variables == std::vector<std::string>{"s", "o", "m"});
  CHECK(to_sse(q) == R"sse((project (?s ?o ?m)
  (join
    (join
      (bgp (triple ?s <http://x/p> ?o))
      (project (?s ?m)
        (extend ((?m ??a0))
          (group (?s) ((??a0 (max ?v)))
            (bgp (triple ?s <http://x/v> ?v))))))
    (table (vars ?o)
      (row [?o <http://x/a>])
      (row [?o <http://x/b>])))))sse");
}

TEST_CASE("blank nodes and collections become hidden variables in text order",
          "[sparql][algebra][builder]") {
  const Query q = parse_query("PREFIX : <http://x/> SELECT * { ?s :p [ :q ?x ] . ?s :l (1 ?x) }");
  CHECK(q.variables == std::vector<std::string>{"s", "x"});
  const Pattern& bgp = q.pattern.children.at(0);
  REQUIRE(bgp.kind == PatternKind::Bgp);
  REQUIRE(bgp.triples.size() == 7);
  CHECK(bgp.triples[0].object.is_var());
  CHECK(is_blank_variable(bgp.triples[0].object.var));
  CHECK(bgp.triples[1].subject == bgp.triples[0].object);
  CHECK(bgp.triples[6].object.term->value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil");
}

TEST_CASE("CONSTRUCT keeps blank nodes in the template, DESCRIBE and ASK",
          "[sparql][algebra][builder]") {
  const Query c =
      parse_query("CONSTRUCT { ?s <http://p> _:b } WHERE { ?s <http://q> _:b }", "http://base/");
  CHECK(c.form == QueryForm::Construct);
  REQUIRE(c.construct_template.size() == 1);
  CHECK(c.construct_template[0].object == TermOrVar::constant(ng::rdf::Term::blank("b")));
  CHECK(c.pattern.triples.at(0).object == TermOrVar::variable("?_b"));

  const Query w = parse_query("CONSTRUCT WHERE { ?s <http://p> ?o }");
  CHECK(w.construct_template.size() == 1);
  CHECK(w.pattern.triples.size() == 1);

  const Query d =
      parse_query("DESCRIBE ?x <rel> FROM <g> FROM NAMED <h> { ?x ?p ?y }", "http://base/dir/q.rq");
  CHECK(d.form == QueryForm::Describe);
  CHECK(d.variables == std::vector<std::string>{"x"});
  REQUIRE(d.describe.size() == 2);
  CHECK(d.describe[1].term->value == "http://base/dir/rel");
  CHECK(d.from == std::vector<std::string>{"http://base/dir/g"});
  CHECK(d.from_named == std::vector<std::string>{"http://base/dir/h"});

  const Query a = parse_query("ASK { SERVICE SILENT <http://s> { ?s ?p ?o } }");
  CHECK(a.form == QueryForm::Ask);
  CHECK(a.pattern.kind == PatternKind::Service);
  CHECK(a.pattern.silent);
}

TEST_CASE("scoping errors carry positions (§18.2.1)", "[sparql][algebra][builder]") {
  CHECK(error_of("SELECT * WHERE { ?s ?p ?o BIND(1 AS ?o) }") ==
        "Syntax error at line 1 column 37: BIND assigns ?o, which is already in scope in this "
        "group");
  CHECK(error_of("SELECT (1 AS ?x) (2 AS ?x) {}") ==
        "Syntax error at line 1 column 24: ?x is already in scope or projected");
  CHECK(error_of("SELECT (1 AS ?s) { ?s ?p ?o }") ==
        "Syntax error at line 1 column 14: ?s is already in scope or projected");
  CHECK(error_of("SELECT ?x WHERE { ?x ?p ?o } GROUP BY ?p") ==
        "Syntax error at line 1 column 8: variable ?x is not a GROUP BY key");
  CHECK(error_of("SELECT (?o + 1 AS ?y) { ?s ?p ?o } GROUP BY ?s") ==
        "Syntax error at line 1 column 9: variable ?o is neither grouped nor aggregated");
  CHECK(error_of("SELECT * { ?s ?p ?o } GROUP BY ?s") ==
        "Syntax error at line 1 column 8: SELECT * is not allowed in a query with GROUP BY or "
        "aggregates");
  CHECK(error_of("SELECT ?s { ?s ?p ?o FILTER(COUNT(?o) > 1) }") ==
        "Syntax error at line 1 column 29: aggregate COUNT is only allowed in SELECT, HAVING and "
        "ORDER BY");
  CHECK(error_of("SELECT * { ?s ?p _:a OPTIONAL { _:a ?q ?r } }") ==
        "Syntax error at line 1 column 33: blank node label \"_:a\" is used in more than one "
        "basic graph pattern");
  CHECK(error_of("SELECT * { ?s ?p _:a FILTER(?s) _:a ?q ?r }") == "no error");
}

TEST_CASE("expressions map to Op and keep function IRIs", "[sparql][algebra][builder]") {
  const Query q = parse_query(
      "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT * { ?s ?p ?o "
      "FILTER(xsd:integer(?o) = ?s -1 && regex(?o, 'a', 'i') || !bound(?s) || ?o NOT IN (1, 2)) }");
  CHECK(to_sse(q.pattern.children.at(0).exprs.at(0)) ==
        "(|| (|| (&& (= (<http://www.w3.org/2001/XMLSchema#integer> ?o) (- ?s 1)) (regex ?o \"a\" "
        "\"i\")) (! (bound ?s))) (notin ?o 1 2))");
  const Query e = parse_query("SELECT * { FILTER EXISTS { ?s ?p ?o } }");
  REQUIRE(e.pattern.children.at(0).kind == PatternKind::Filter);
  const Expr& ex = e.pattern.children[0].exprs.at(0);
  CHECK(ex.kind == ExprKind::Exists);
  REQUIRE(ex.pattern);
  CHECK(ex.pattern->kind == PatternKind::Bgp);
}

TEST_CASE("a FILTER of a nested group stays inside the OPTIONAL", "[sparql][algebra][builder]") {
  CHECK(sse("SELECT * { ?b <http://t> ?t OPTIONAL { { ?b <http://p> ?p FILTER(?t) } } }") ==
        R"sse((project (?b ?t ?p)
  (leftjoin
    (bgp (triple ?b <http://t> ?t))
    (filter ?t
      (bgp (triple ?b <http://p> ?p))))))sse");
}

TEST_CASE("GROUP BY keys: variables, (expr AS ?v), (?v), plain expressions",
          "[sparql][algebra][builder]") {
  const Query q = parse_query(
      "SELECT ?x ?l (COUNT(*) AS ?n) { ?x ?p ?o } GROUP BY (?x) (lang(?o) AS ?l) str(?p)");
  const Pattern& group = q.pattern.children.at(0).children.at(0);
  REQUIRE(group.kind == PatternKind::Group);
  REQUIRE(group.group_keys.size() == 3);
  CHECK(group.group_keys[0].var == "x");
  CHECK(group.group_keys[1].var == "l");
  CHECK_FALSE(group.group_keys[2].var.has_value());
  CHECK(to_sse(group.group_keys[2].expr) == "(str ?p)");
  CHECK(error_of("SELECT ?o { ?x ?p ?o } GROUP BY (?x AS ?o)") ==
        "Syntax error at line 1 column 40: GROUP BY assigns ?o, which is already in scope");
  CHECK(error_of("SELECT (SUM(COUNT(?o)) AS ?n) { ?x ?p ?o }") ==
        "Syntax error at line 1 column 13: aggregates cannot be nested");
}

// Every prefix of a valid query must either translate or raise SyntaxError.
TEST_CASE("truncated queries only ever raise SyntaxError from parse_query",
          "[sparql][algebra][builder]") {
  const std::string q =
      "PREFIX ex: <http://ex.org/> SELECT ?s (COUNT(DISTINCT ?o) AS ?n) (?n + 1 AS ?m) "
      "WHERE { ?s ex:p/^ex:q ?o ; ex:r [ ex:t (1 2) ] OPTIONAL { ?o ex:v ?w FILTER(?w > 1) } "
      "BIND(?w AS ?x) FILTER EXISTS { ?s ?p2 _:b } { SELECT ?s { ?s ?p ?z } GROUP BY ?s } } "
      "GROUP BY ?s HAVING (MAX(?o) > 2) ORDER BY DESC(SUM(?o)) LIMIT 3";
  CHECK_NOTHROW(parse_query(q));
  for (std::size_t n = 0; n < q.size(); ++n) {
    try {
      parse_query(std::string_view(q).substr(0, n));
    } catch (const SyntaxError&) {
    }
  }
}

TEST_CASE("SELECT * lists variables in the order of the text", "[sparql][algebra][builder]") {
  CHECK(parse_query("SELECT * { ?a ^<http://p> ?b . ?c <http://q>/^<http://r> ?d "
                    "BIND(1 AS ?e) { SELECT ?f { ?f ?g ?h } } } VALUES ?i { 1 }")
            .variables == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "i"});
  CHECK(parse_query("SELECT * { ?x ?y ?z MINUS { ?x ?w ?v } FILTER(?u) }").variables ==
        std::vector<std::string>{"x", "y", "z"});
}

// Single-byte mutations of a valid query must either translate or raise SyntaxError.
TEST_CASE("mutated queries only ever raise SyntaxError from parse_query",
          "[sparql][algebra][builder]") {
  const std::string q =
      "PREFIX ex: <http://ex.org/> SELECT ?s (SUM(?o) AS ?n) WHERE { ?s ex:p/ex:q* ?o ; "
      "ex:r [ ex:t (1 'a'@en) ] OPTIONAL { ?o ex:v ?w FILTER(?w > 1.5e0) } BIND(?w AS ?x) "
      "VALUES ?y { UNDEF 2 } { SELECT ?s { ?s !^ex:z ?z } } MINUS { ?s a ex:C } } "
      "GROUP BY ?s HAVING (COUNT(*) > 2) ORDER BY DESC(?n) LIMIT 3";
  CHECK_NOTHROW(parse_query(q));
  const std::string replacements[] = {"{", "}", "(", ")",    "\"", "\\", "?", "<",
                                      " ", ".", ";", "\xC3", "_:", "#",  "*", "^"};
  int errors = 0;
  for (std::size_t n = 0; n < q.size(); ++n) {
    for (const auto& r : replacements) {
      std::string m = q;
      m.replace(n, 1, r);
      try {
        parse_query(m);
      } catch (const SyntaxError&) {
        ++errors;
      }
    }
  }
  CHECK(errors > 0);
}

TEST_CASE("EXISTS patterns print indented past the filter's children", "[sparql][algebra][sse]") {
  CHECK(sse("SELECT * { ?s ?p ?o FILTER NOT EXISTS { ?s ?q ?r FILTER EXISTS { ?r ?x ?y } } }") ==
        R"sse((project (?s ?p ?o)
  (filter (notexists
        (filter (exists
              (bgp (triple ?r ?x ?y)))
          (bgp (triple ?s ?q ?r))))
    (bgp (triple ?s ?p ?o)))))sse");
}
