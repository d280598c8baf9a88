#include <catch2/catch.hpp>
#include <sstream>

#include "rdf/vocab.hpp"
#include "sparql/results/readers.hpp"
#include "sparql/results/result_format.hpp"
#include "store/store.hpp"
#include "store/world.hpp"

using ng::rdf::Term;
using namespace ng::sparql;

namespace {

ResultSet sample() {
  ResultSet r;
  r.variables = {"s", "o"};
  r.rows.push_back({Term::iri("http://example.org/a"), Term::literal("x, \"y\"")});
  r.rows.push_back({Term::blank("b1"), Term::literal("4", ng::vocab::kXsdInteger)});
  r.rows.push_back({std::nullopt, Term::literal("chat", "", "fr")});
  r.rows.push_back({Term::iri("http://example.org/c"), Term::literal("tab\there\n")});
  return r;
}

std::string write(const ResultSet& r, ResultFormat f) {
  std::ostringstream out;
  write_result(r, f, out);
  return out.str();
}

}  // namespace

TEST_CASE("result formats parse from their names", "[results][format]") {
  CHECK(result_format_from_name("table") == ResultFormat::Table);
  CHECK(result_format_from_name("csv") == ResultFormat::Csv);
  CHECK(result_format_from_name("tsv") == ResultFormat::Tsv);
  CHECK(result_format_from_name("json") == ResultFormat::Json);
  CHECK(result_format_from_name("xml") == ResultFormat::Xml);
  CHECK(result_format_from_name("turtle") == ResultFormat::Turtle);
  CHECK(result_format_from_name("ntriples") == ResultFormat::NTriples);
  CHECK(result_format_from_name("nquads") == ResultFormat::NQuads);
  CHECK_FALSE(result_format_from_name("CSV"));
  CHECK_FALSE(result_format_from_name(""));
  CHECK_FALSE(result_format_from_name("rdfxml"));
  CHECK(result_format_name(ResultFormat::NQuads) == "nquads");
  CHECK(result_format_fits(ResultFormat::Csv, ResultKind::Boolean));
  CHECK_FALSE(result_format_fits(ResultFormat::Csv, ResultKind::Graph));
  CHECK_FALSE(result_format_fits(ResultFormat::Turtle, ResultKind::Solutions));
  CHECK(default_result_format(ResultKind::Graph) == ResultFormat::Turtle);
  CHECK(default_result_format(ResultKind::Solutions) == ResultFormat::Table);
}

TEST_CASE("a format that does not fit the result kind is an error", "[results][format]") {
  ResultSet graph;
  graph.kind = ResultKind::Graph;
  std::ostringstream out;
  CHECK_THROWS_AS(write_result(graph, ResultFormat::Csv, out), ResultFormatError);
  CHECK_THROWS_WITH(write_result(graph, ResultFormat::Json, out),
                    Catch::Contains("cannot be written as json"));
  CHECK_THROWS_AS(write_result(sample(), ResultFormat::Turtle, out), ResultFormatError);
  CHECK(out.str().empty());
}

TEST_CASE("CSV follows the SPARQL 1.1 CSV format", "[results][csv]") {
  CHECK(write(sample(), ResultFormat::Csv) ==
        "s,o\r\n"
        "http://example.org/a,\"x, \"\"y\"\"\"\r\n"
        "_:b1,4\r\n"
        ",chat\r\n"
        "http://example.org/c,\"tab\there\n\"\r\n");
  ResultSet ask;
  ask.kind = ResultKind::Boolean;
  ask.boolean = true;
  CHECK(write(ask, ResultFormat::Csv) == "_askResult\r\ntrue\r\n");
}

TEST_CASE("TSV writes terms in Turtle syntax", "[results][tsv]") {
  CHECK(write(sample(), ResultFormat::Tsv) ==
        "?s\t?o\n"
        "<http://example.org/a>\t\"x, \\\"y\\\"\"\n"
        "_:b1\t4\n"
        "\t\"chat\"@fr\n"
        "<http://example.org/c>\t\"tab\\there\\n\"\n");
  ResultSet r;
  r.variables = {"v"};
  r.rows.push_back({Term::literal("1.5", ng::vocab::kXsdDecimal)});
  r.rows.push_back({Term::literal("1e3", ng::vocab::kXsdDouble)});
  r.rows.push_back({Term::literal("true", ng::vocab::kXsdBoolean)});
  r.rows.push_back({Term::literal("abc", ng::vocab::kXsdInteger)});  // ill-typed: keep quotes
  r.rows.push_back({Term::literal("2", ng::vocab::kXsdDecimal)});    // not a Turtle decimal
  CHECK(write(r, ResultFormat::Tsv) ==
        "?v\n1.5\n1e3\ntrue\n\"abc\"^^<http://www.w3.org/2001/XMLSchema#integer>\n"
        "\"2\"^^<http://www.w3.org/2001/XMLSchema#decimal>\n");
}

TEST_CASE("JSON and XML round-trip through their readers", "[results][json][xml]") {
  ResultSet r = sample();
  r.rows.push_back({Term::literal("<&>"), Term::literal("d", "http://example.org/dt")});
  r.rows.push_back({Term::literal("cr\r\x01 lf\n"), Term::literal("\xE6\x97\xA5 \"q\"")});
  for (auto format : {ResultFormat::Json, ResultFormat::Xml}) {
    std::string text = write(r, format);
    ResultSet back = format == ResultFormat::Json ? read_srj(text) : read_srx(text);
    CHECK(back.variables == r.variables);
    CHECK(back.rows == r.rows);
  }
  ResultSet ask;
  ask.kind = ResultKind::Boolean;
  ask.boolean = false;
  CHECK(write(ask, ResultFormat::Json) == "{\"head\":{},\"boolean\":false}\n");
  ResultSet back = read_srx(write(ask, ResultFormat::Xml));
  CHECK(back.kind == ResultKind::Boolean);
  CHECK_FALSE(back.boolean);
  CHECK(write(r, ResultFormat::Json).find("\"xml:lang\":\"fr\"") != std::string::npos);
}

TEST_CASE("the text table aligns columns by display width", "[results][table]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("\xC3\xA9t\xC3\xA9") == 3);         // été
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本: wide
  CHECK(display_width("e\xCC\x81") == 1);                 // e + combining acute
  ResultSet r;
  r.variables = {"name"};
  r.rows.push_back({Term::literal("\xE6\x97\xA5\xE6\x9C\xAC")});
  r.rows.push_back({Term::literal("abcdef")});
  std::string table = write(r, ResultFormat::Table);
  CHECK(table ==
        "+----------+\n"
        "| ?name    |\n"
        "+----------+\n"
        "| \"\xE6\x97\xA5\xE6\x9C\xAC\"   |\n"
        "| \"abcdef\" |\n"
        "+----------+\n"
        "2 rows\n");
  ResultSet empty;
  empty.variables = {"x"};
  CHECK(write(empty, ResultFormat::Table) == "+----+\n| ?x |\n+----+\n+----+\n0 rows\n");
}

TEST_CASE("QueryResult is written from interned nodes", "[results][format]") {
  ng::store::World world;
  ng::store::NodePool pool(world);
  QueryResult q;
  q.variables = {"x", "y"};
  q.rows.push_back({pool.intern(Term::iri("http://www.w3.org/2001/XMLSchema#string")), nullptr});
  std::ostringstream out;
  write_result(q, ResultFormat::Table, out);
  CHECK(out.str().find("| xsd:string |") != std::string::npos);
  std::ostringstream csv;
  write_result(q, ResultFormat::Csv, csv);
  CHECK(csv.str() == "x,y\r\nhttp://www.w3.org/2001/XMLSchema#string,\r\n");
  QueryResult g;
  g.kind = ResultKind::Graph;
  g.graph = std::make_shared<ng::store::Store>(world);
  g.graph->add(ng::rdf::Quad{Term::iri("http://a"), Term::iri("http://b"), Term::literal("c"),
                             std::nullopt});
  std::ostringstream nt;
  write_result(g, ResultFormat::NTriples, nt);
  CHECK(nt.str() == "<http://a> <http://b> \"c\" .\n");
  CHECK_THROWS_AS(write_result(g, ResultFormat::Table, nt), ResultFormatError);
}
