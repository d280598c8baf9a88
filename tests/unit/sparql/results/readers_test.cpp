#include "sparql/results/readers.hpp"

#include <catch2/catch.hpp>

#include "rdf/vocab.hpp"

using ng::rdf::Term;
using namespace ng::sparql;

TEST_CASE("SPARQL XML results are read with every term kind", "[results][srx]") {
  ResultSet r = read_srx(R"(<?xml version="1.0"?>
<!-- a comment -->
<sparql xmlns="http://www.w3.org/2005/sparql-results#" xmlns:x="http://example.org/">
  <head><variable name="a"/><variable name='b'/><link href="x"/></head>
  <results>
    <result>
      <binding name="a"><uri>http://example.org/&#xE9;</uri></binding>
      <binding name="b"><literal xml:lang="EN">one &amp; two</literal></binding>
    </result>
    <result>
      <binding name="b"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">7</literal></binding>
      <binding name="a"><bnode>r1</bnode></binding>
    </result>
    <result><binding name="a"><literal><![CDATA[<raw>]]></literal></binding></result>
  </results>
</sparql>)");
  REQUIRE(r.variables == std::vector<std::string>{"a", "b"});
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0][0] == Term::iri("http://example.org/\xC3\xA9"));
  CHECK(r.rows[0][1] == Term::literal("one & two", "", "en"));
  CHECK(r.rows[1][0] == Term::blank("r1"));
  CHECK(r.rows[1][1] == Term::literal("7", ng::vocab::kXsdInteger));
  CHECK(r.rows[2][0] == Term::literal("<raw>"));
  CHECK_FALSE(r.rows[2][1]);
}

TEST_CASE("malformed SPARQL XML is reported with a line", "[results][srx]") {
  CHECK_THROWS_AS(read_srx("<sparql><head></sparql>"), ResultsParseError);
  CHECK_THROWS_WITH(read_srx("<sparql>\n<head>\n</heed></sparql>"),
                    Catch::Contains("line 3") && Catch::Contains("does not close"));
  CHECK_THROWS_WITH(read_srx("<sparql>&nbsp;</sparql>"), Catch::Contains("unknown entity"));
  CHECK_THROWS_AS(read_srx("<sparql><results>"), ResultsParseError);
  CHECK_THROWS_AS(read_srx("<sparql/><extra/>"), ResultsParseError);
  CHECK_THROWS_WITH(read_srx("<x:sparql/>"), Catch::Contains("undeclared namespace prefix"));
  CHECK_THROWS_WITH(read_srx("<sparql><head/></sparql>"), Catch::Contains("without <results>"));
  CHECK_THROWS_WITH(
      read_srx("<sparql><head><variable name='a'/></head><results><result>"
               "<binding name='b'><uri>x</uri></binding></result></results></sparql>"),
      Catch::Contains("not in the head"));
  CHECK_THROWS_WITH(read_srx("<sparql><boolean>yes</boolean></sparql>"),
                    Catch::Contains("bad boolean"));
}

TEST_CASE("SPARQL JSON results are read", "[results][srj]") {
  ResultSet r = read_srj(R"({"head": {"vars": ["x", "y"]},
    "results": {"bindings": [
      {"x": {"type": "uri", "value": "http://a"}, "y": {"type": "literal", "value": "\u00e9\ud83d\ude00", "xml:lang": "fr"}},
      {"y": {"type": "typed-literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
      {"x": {"type": "bnode", "value": "b"}}
    ]}})");
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0][0] == Term::iri("http://a"));
  CHECK(r.rows[0][1] == Term::literal("\xC3\xA9\xF0\x9F\x98\x80", "", "fr"));
  CHECK(r.rows[1][1] == Term::literal("1", ng::vocab::kXsdInteger));
  CHECK_FALSE(r.rows[1][0]);
  CHECK(r.rows[2][0] == Term::blank("b"));
  ResultSet ask = read_srj(R"({"head": {}, "boolean": true})");
  CHECK(ask.kind == ResultKind::Boolean);
  CHECK(ask.boolean);
  CHECK_THROWS_AS(read_srj("{\"head\": {}}"), ResultsParseError);
  CHECK_THROWS_AS(read_srj("{\"head\": {\"vars\": [\"x\"]}, \"results\": {\"bindings\": [{\"z\": "
                           "{\"type\": \"uri\", \"value\": \"a\"}}]}}"),
                  ResultsParseError);
  CHECK_THROWS_AS(read_srj("[1, 2"), ResultsParseError);
  CHECK_THROWS_AS(read_srj("\"\\ud800\""), ResultsParseError);
  CHECK_THROWS_WITH(read_srj("{\n\n\"a\": tru}"), Catch::Contains("line 3"));
}

TEST_CASE("TSV results are read as Turtle terms", "[results][tsv]") {
  ResultSet r = read_tsv(
      "?s\t?o\n<http://a>\t\"x\\ty\"@en\n_:b0\t-4\n\t5.5\n<http://c>\t1.0e6\n<http://d>\t"
      "\"d\"^^<http://x/dt>\n<http://e>\tfalse\n");
  REQUIRE(r.rows.size() == 6);
  CHECK(r.rows[0][1] == Term::literal("x\ty", "", "en"));
  CHECK(r.rows[1][0] == Term::blank("b0"));
  CHECK(r.rows[1][1] == Term::literal("-4", ng::vocab::kXsdInteger));
  CHECK_FALSE(r.rows[2][0]);
  CHECK(r.rows[2][1] == Term::literal("5.5", ng::vocab::kXsdDecimal));
  CHECK(r.rows[3][1] == Term::literal("1.0e6", ng::vocab::kXsdDouble));
  CHECK(r.rows[4][1] == Term::literal("d", "http://x/dt"));
  CHECK(r.rows[5][1] == Term::literal("false", ng::vocab::kXsdBoolean));
  CHECK_THROWS_WITH(read_tsv("?a\t?b\n<x>\n"), Catch::Contains("line 2"));
  CHECK_THROWS_AS(read_tsv("?a\nbare\n"), ResultsParseError);
  CHECK_THROWS_AS(read_tsv("?a\n\"open\n"), ResultsParseError);
  CHECK_THROWS_AS(read_tsv("a\n"), ResultsParseError);
}

TEST_CASE("CSV results are read with RFC 4180 quoting", "[results][csv]") {
  ResultSet r = read_csv("a,b\r\nhttp://x,\"4,4\"\r\n_:b1,\"say \"\"hi\"\"\nthere\"\r\n,x\r\n");
  REQUIRE(r.variables == std::vector<std::string>{"a", "b"});
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0][0] == Term::literal("http://x"));
  CHECK(r.rows[0][1] == Term::literal("4,4"));
  CHECK(r.rows[1][0] == Term::blank("b1"));
  CHECK(r.rows[1][1] == Term::literal("say \"hi\"\nthere"));
  CHECK_FALSE(r.rows[2][0]);
  CHECK(read_csv("a\nx\n").rows.size() == 1);  // LF line ends too
  CHECK_THROWS_AS(read_csv("a,b\nx\n"), ResultsParseError);
  CHECK_THROWS_AS(read_csv("a\n\"open\n"), ResultsParseError);
  CHECK_THROWS_AS(read_csv(""), ResultsParseError);
}

TEST_CASE("RDF/XML is read into triples", "[results][rdfxml]") {
  auto triples = read_rdf_xml(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
  <rdf:Description rdf:about="#a" ex:name="A">
    <ex:p rdf:resource=""/>
    <ex:q rdf:parseType="Resource"><ex:r xml:lang="de">x</ex:r></ex:q>
    <ex:n rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">3</ex:n>
  </rdf:Description>
  <ex:Thing rdf:nodeID="t"><ex:s><rdf:Description rdf:about="http://other/"/></ex:s></ex:Thing>
</rdf:RDF>)",
                              "file:///d/data.rdf");
  auto has = [&](const Term& s, const std::string& p, const Term& o) {
    for (const auto& t : triples) {
      if ((s.value.empty() || t.subject == s) && t.predicate.value == p && t.object == o)
        return true;
    }
    return false;
  };
  CHECK(triples.size() == 7);
  CHECK(has(Term::iri("file:///d/data.rdf#a"), "http://ex.org/name", Term::literal("A")));
  CHECK(has(Term::iri("file:///d/data.rdf#a"), "http://ex.org/p", Term::iri("file:///d/data.rdf")));
  CHECK(has(Term::blank(""), "http://ex.org/r", Term::literal("x", "", "de")));
  CHECK(has(Term::iri("file:///d/data.rdf#a"), "http://ex.org/n",
            Term::literal("3", ng::vocab::kXsdInteger)));
  CHECK(has(Term::blank(""), std::string(ng::vocab::kRdfType), Term::iri("http://ex.org/Thing")));
  CHECK(has(Term::blank(""), "http://ex.org/s", Term::iri("http://other/")));
  CHECK_THROWS_WITH(
      read_rdf_xml("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
                   "xmlns:e='http://e/'><rdf:Description><e:p rdf:parseType='Literal'>"
                   "<b/></e:p></rdf:Description></rdf:RDF>",
                   "file:///x"),
      Catch::Contains("not supported"));
}

TEST_CASE("rs: result sets are read from triples", "[results][rs]") {
  const std::string rs(kResultSetNs);
  auto q = [](Term s, std::string p, Term o) {
    return ng::rdf::Quad{std::move(s), Term::iri(p), std::move(o), std::nullopt};
  };
  std::vector<ng::rdf::Quad> triples = {
      q(Term::blank("set"), std::string(ng::vocab::kRdfType), Term::iri(rs + "ResultSet")),
      q(Term::blank("set"), rs + "resultVariable", Term::literal("x")),
      q(Term::blank("set"), rs + "solution", Term::blank("s2")),
      q(Term::blank("set"), rs + "solution", Term::blank("s1")),
      q(Term::blank("s1"), rs + "index", Term::literal("1", ng::vocab::kXsdInteger)),
      q(Term::blank("s2"), rs + "index", Term::literal("2", ng::vocab::kXsdInteger)),
      q(Term::blank("s1"), rs + "binding", Term::blank("b1")),
      q(Term::blank("b1"), rs + "variable", Term::literal("x")),
      q(Term::blank("b1"), rs + "value", Term::literal("first")),
      q(Term::blank("s2"), rs + "binding", Term::blank("b2")),
      q(Term::blank("b2"), rs + "variable", Term::literal("x")),
      q(Term::blank("b2"), rs + "value", Term::literal("second")),
  };
  auto r = result_set_from_triples(triples);
  REQUIRE(r);
  REQUIRE(r->rows.size() == 2);
  CHECK(r->rows[0][0] == Term::literal("first"));
  CHECK(r->rows[1][0] == Term::literal("second"));
  triples.resize(1);
  triples.push_back(
      q(Term::blank("set"), rs + "boolean", Term::literal("true", ng::vocab::kXsdBoolean)));
  auto ask = result_set_from_triples(triples);
  REQUIRE(ask);
  CHECK(ask->kind == ResultKind::Boolean);
  CHECK(ask->boolean);
  CHECK_FALSE(result_set_from_triples({q(Term::iri("http://a"), "http://b", Term::literal("c"))}));
}

#include <cstdlib>
#include <filesystem>

#include "store/world.hpp"

TEST_CASE("every expected-result file of the W3C SPARQL suites can be read", "[results][w3c]") {
  namespace fs = std::filesystem;
  const char* env = std::getenv("NEWSGRAPH_W3C_DIR");
  fs::path dir = fs::path(env && *env ? env : NG_SOURCE_DIR "/../shared/w3c") / "sparql";
  if (!fs::is_directory(dir)) {
    WARN("W3C suites not found at " << dir << "; nothing read");
    return;
  }
  ng::store::World world;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    auto ext = entry.path().extension().string();
    if (ext != ".srx" && ext != ".srj" && ext != ".tsv" && ext != ".csv" && ext != ".rdf") continue;
    ++files;
    INFO(entry.path().string());
    CHECK_NOTHROW(read_result_file(world, entry.path().string()));
  }
  CHECK(files > 300);
}
