#include <catch2/catch.hpp>

#include "sparql/parser/ast.hpp"

using ng::sparql::SyntaxError;
namespace ast = ng::sparql::ast;

namespace {

std::string error_of(std::string_view text) {
  try {
    ast::parse(text, "");
  } catch (const SyntaxError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a misspelt query form names what was expected", "[sparql][parser][grammar]") {
  CHECK(error_of("SELEC ?x WHERE {}") ==
        "Syntax error at line 1 column 1: expected SELECT, CONSTRUCT, DESCRIBE, ASK, PREFIX or "
        "BASE, found \"SELEC\"");
  try {
    ast::parse("PREFIX : <http://a/>\n\nSELEC ?x WHERE {}", "");
    FAIL("no error");
  } catch (const SyntaxError& e) {
    CHECK(e.pos().line == 2);
    CHECK(e.pos().column == 0);
    CHECK(e.pos().offset == 22);
  }
}

TEST_CASE("grammar errors report the offending token", "[sparql][parser][grammar]") {
  CHECK(error_of("SELECT * WHERE { ?s ?p ?o . . }") ==
        "Syntax error at line 1 column 29: expected \"}\", a triple pattern or a graph pattern, "
        "found \".\"");
  CHECK(error_of("SELECT * WHERE { ?s ?p }") ==
        "Syntax error at line 1 column 24: expected a variable, an RDF term, \"[\" or \"(\", "
        "found \"}\"");
  CHECK(error_of("SELECT * WHERE { ?s ?p ?o } LIMIT") ==
        "Syntax error at line 1 column 34: expected an integer, found end of input");
  CHECK(error_of("SELECT WHERE { }") ==
        "Syntax error at line 1 column 8: expected a variable, \"(\" or \"*\", found \"WHERE\"");
  CHECK(error_of("SELECT * { } garbage") ==
        "Syntax error at line 1 column 14: expected end of query, found \"garbage\"");
  CHECK(error_of("SELECT (?x AS) {}") ==
        "Syntax error at line 1 column 14: expected a variable, found \")\"");
  CHECK(error_of("SELECT ?x WHER { }") ==
        "Syntax error at line 1 column 11: expected FROM, WHERE or \"{\", found \"WHER\"");
  CHECK(error_of("SELECT * { { SELECT ?x WHER { } } }") ==
        "Syntax error at line 1 column 24: expected WHERE or \"{\", found \"WHER\"");
  CHECK(error_of("ASK WHERE ?x") ==
        "Syntax error at line 1 column 11: expected \"{\", found \"?x\"");
  CHECK(error_of("SELECT * { FILTER(foo(?o)) }") ==
        "Syntax error at line 1 column 19: unknown function \"foo\"");
  CHECK(error_of("SELECT * { ?s ?p ?o FILTER ?o }") ==
        "Syntax error at line 1 column 28: expected \"(\" or a function call, found \"?o\"");
}

TEST_CASE("undefined prefixes are errors at the prefixed name", "[sparql][parser][grammar]") {
  CHECK(error_of("PREFIX a: <http://a/>\nSELECT * { ?s b:p ?o }") ==
        "Syntax error at line 2 column 15: undefined prefix \"b:\"");
}

TEST_CASE("prefixes and BASE resolve IRIs at parse time", "[sparql][parser][grammar]") {
  const auto q = ast::parse("BASE <http://ex.org/a/b>\nPREFIX p: <c/>\nSELECT * { <../d> p:e ?x }",
                            "http://other/");
  CHECK(q.base_iri == "http://ex.org/a/b");
  REQUIRE(q.prefixes.size() == 1);
  CHECK(q.prefixes[0].second == "http://ex.org/a/c/");
  REQUIRE(q.where.elements.size() == 1);
  const auto& t = q.where.elements[0].triples.at(0);
  CHECK(t.subject.term.value == "http://ex.org/d");
  CHECK(t.path.iri.value == "http://ex.org/a/c/e");
  CHECK(t.object.is_var);
  CHECK(t.object.pos.line == 2);
  CHECK(t.object.pos.column == 22);
}

TEST_CASE("keywords are case-insensitive except 'a', $x and ?x are one variable",
          "[sparql][parser][grammar]") {
  const auto q = ast::parse("select distinct $x where { ?x a <http://c> } order by desc(?x)", "");
  CHECK(q.distinct);
  REQUIRE(q.select.size() == 1);
  CHECK(q.select[0].var == "x");
  CHECK(q.where.elements[0].triples[0].path.iri.value ==
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  REQUIRE(q.order_by.size() == 1);
  CHECK_FALSE(q.order_by[0].ascending);
  CHECK(error_of("SELECT * { ?x A <http://c> }") ==
        "Syntax error at line 1 column 15: expected a predicate, found \"A\"");
}

TEST_CASE("literals: numbers with signs, booleans, language tags, datatypes",
          "[sparql][parser][grammar]") {
  const auto q = ast::parse(
      "SELECT * { ?s ?p -1, +2.5, 1E3, true, \"x\"@EN, \"1\"^^<http://www.w3.org/2001/"
      "XMLSchema#integer>, 'y'^^<http://www.w3.org/2001/XMLSchema#string> }",
      "");
  const auto& ts = q.where.elements.at(0).triples;
  REQUIRE(ts.size() == 7);
  CHECK(ts[0].object.term ==
        ng::rdf::Term::literal("-1", "http://www.w3.org/2001/XMLSchema#integer"));
  CHECK(ts[1].object.term ==
        ng::rdf::Term::literal("+2.5", "http://www.w3.org/2001/XMLSchema#decimal"));
  CHECK(ts[2].object.term ==
        ng::rdf::Term::literal("1E3", "http://www.w3.org/2001/XMLSchema#double"));
  CHECK(ts[3].object.term ==
        ng::rdf::Term::literal("true", "http://www.w3.org/2001/XMLSchema#boolean"));
  CHECK(ts[4].object.term == ng::rdf::Term::literal("x", "", "en"));
  CHECK(ts[5].object.term.datatype == "http://www.w3.org/2001/XMLSchema#integer");
  CHECK(ts[6].object.term == ng::rdf::Term::literal("y"));
}

TEST_CASE("VALUES rows must match the variables", "[sparql][parser][grammar]") {
  const auto q = ast::parse("SELECT * {} VALUES (?a ?b) { (1 UNDEF) (<http://x> 'y') }", "");
  REQUIRE(q.values);
  CHECK(q.values->rows.size() == 2);
  CHECK_FALSE(q.values->rows[0][1].has_value());
  CHECK(error_of("SELECT * {} VALUES (?a ?b) { (1) }") ==
        "Syntax error at line 1 column 30: VALUES row has 1 values for 2 variables");
}

TEST_CASE("property paths follow the grammar's precedence", "[sparql][parser][grammar]") {
  const auto q = ast::parse("SELECT * { ?s ^<http://p>/<http://q>|<http://r>* ?o }", "");
  const auto& p = q.where.elements.at(0).triples.at(0).path;
  REQUIRE(p.kind == ast::PathKind::Alternative);
  REQUIRE(p.children.size() == 2);
  CHECK(p.children[0].kind == ast::PathKind::Sequence);
  CHECK(p.children[0].children[0].kind == ast::PathKind::Inverse);
  CHECK(p.children[1].kind == ast::PathKind::ZeroOrMore);
}

TEST_CASE("aggregates, subqueries and EXISTS parse", "[sparql][parser][grammar]") {
  const auto q = ast::parse(
      "SELECT (GROUP_CONCAT(DISTINCT ?x; SEPARATOR=',') AS ?g) "
      "{ { SELECT ?x { ?x ?p ?o } } FILTER NOT EXISTS { ?x ?q ?r } } GROUP BY (str(?x) AS ?k)",
      "");
  REQUIRE(q.select.at(0).expr);
  CHECK(q.select[0].expr->kind == ast::ExprKind::Aggregate);
  CHECK(q.select[0].expr->distinct);
  CHECK(q.select[0].expr->separator == ",");
  CHECK(q.where.elements.at(0).kind == ast::ElementKind::Group);
  CHECK(q.where.elements.at(0).groups.at(0).elements.at(0).kind == ast::ElementKind::SubSelect);
  CHECK(q.where.elements.at(1).expr.kind == ast::ExprKind::NotExists);
  REQUIRE(q.group_by.size() == 1);
  CHECK(q.group_by[0].var == "k");
}

TEST_CASE("deep nesting is a syntax error, not a crash", "[sparql][parser][grammar]") {
  const std::string deep_expr =
      "SELECT * { FILTER(" + std::string(300, '(') + "1" + std::string(300, ')') + ") }";
  CHECK(error_of(deep_expr) == "Syntax error at line 1 column 274: nesting deeper than 256 levels");
  std::string deep_group = "SELECT * ";
  for (int k = 0; k < 300; ++k) deep_group += "{";
  for (int k = 0; k < 300; ++k) deep_group += "}";
  CHECK(error_of(deep_group) ==
        "Syntax error at line 1 column 266: nesting deeper than 256 levels");
  std::string ok_expr =
      "SELECT * { FILTER(" + std::string(100, '(') + "1" + std::string(100, ')') + ") }";
  CHECK(error_of(ok_expr) == "no error");
}

// Every prefix of a valid query must either parse or raise SyntaxError, never anything else.
TEST_CASE("truncated queries only ever raise SyntaxError", "[sparql][parser][grammar]") {
  const std::string queries[] = {
      "PREFIX ex: <http://ex.org/> BASE <http://b/> SELECT DISTINCT ?s (COUNT(*) AS ?n) "
      "FROM <g> FROM NAMED <h> WHERE { ?s ex:p/ex:q* [ ex:r (1 -2.5 3e4 'x'@en \"y\"^^ex:t) ] ; "
      "^ex:s|!(a|^ex:u) ?o . OPTIONAL { ?o ex:v ?w FILTER(?w >= 1 && !bound(?z) || ?w IN (1, 2)) } "
      "MINUS { ?s a ex:C } { SELECT ?s { ?s ?p _:b } } UNION { GRAPH ?g { ?s ?p \"\"\"long\"\"\" } "
      "} "
      "BIND(CONCAT(STR(?s), '''x''') AS ?c) VALUES (?a ?b) { (UNDEF true) } SERVICE SILENT <s> {} "
      "FILTER NOT EXISTS { ?s ex:w ?x } } GROUP BY ?s HAVING (SUM(?o) > 2) ORDER BY DESC(?n) ?s "
      "LIMIT 10 OFFSET 5 VALUES ?s { ex:a }",
      "PREFIX ex: <e:> CONSTRUCT { ?s ex:p [ ex:q ?o ] } WHERE { ?s ?p ?o }",
      "DESCRIBE ?x <y> WHERE { ?x ?p ?o } ORDER BY ?x",
      "ASK { ?s ?p ?o FILTER(regex(str(?o), \"^a\\\\.b\", \"i\")) }",
  };
  for (const auto& q : queries) {
    CHECK_NOTHROW(ast::parse(q, ""));
    for (std::size_t n = 0; n < q.size(); ++n) {
      try {
        ast::parse(std::string_view(q).substr(0, n), "");
      } catch (const SyntaxError&) {
      }
    }
  }
}

TEST_CASE("the given base IRI is normalised before use", "[sparql][parser][grammar]") {
  const auto q = ast::parse("SELECT * { <> <a> ?o }", "file:///w/main/../shared/q.rq");
  CHECK(q.base_iri == "file:///w/shared/q.rq");
  CHECK(q.where.elements.at(0).triples.at(0).subject.term.value == "file:///w/shared/q.rq");
  CHECK(q.where.elements.at(0).triples.at(0).path.iri.value == "file:///w/shared/a");
}
