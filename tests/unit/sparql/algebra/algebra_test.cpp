#include "sparql/algebra/algebra.hpp"

#include <catch2/catch.hpp>

using namespace ng::sparql;
using ng::rdf::Term;

namespace {

TriplePattern triple(const char* s, const char* p, const char* o) {
  auto node = [](const char* x) {
    return x[0] == '?' ? TermOrVar::variable(x + 1) : TermOrVar::constant(Term::iri(x));
  };
  return TriplePattern{node(s), node(p), node(o)};
}

}  // namespace

TEST_CASE("internal variables cannot clash with user variables", "[sparql][algebra]") {
  CHECK(is_blank_variable("?_b0"));
  CHECK_FALSE(is_blank_variable("_b0"));
  CHECK(is_internal_variable("?p0"));
  CHECK(is_internal_variable("?a1"));
  CHECK_FALSE(is_internal_variable("x"));
}

TEST_CASE("SSE of the pattern operators", "[sparql][algebra][sse]") {
  Pattern bgp = Pattern::bgp({triple("?s", "http://p", "?o")});
  CHECK(to_sse(bgp) == "(bgp (triple ?s <http://p> ?o))");
  CHECK(to_sse(Pattern::bgp()) == "(table unit)");

  Pattern lj =
      Pattern::binary(PatternKind::LeftJoin, bgp, Pattern::bgp({triple("?s", "http://q", "?x")}));
  lj.exprs.push_back(Expr::make_call(
      Op::Greater, {Expr::make_var("x"), Expr::make_constant(Term::literal(
                                             "1", "http://www.w3.org/2001/XMLSchema#integer"))}));
  CHECK(to_sse(lj) ==
        "(leftjoin\n  (bgp (triple ?s <http://p> ?o))\n  (bgp (triple ?s <http://q> ?x))\n  (> ?x "
        "1))");

  Pattern slice = Pattern::unary(PatternKind::Slice, bgp);
  slice.limit = 5;
  CHECK(to_sse(slice) == "(slice _ 5\n  (bgp (triple ?s <http://p> ?o)))");

  Pattern values;
  values.kind = PatternKind::Values;
  values.variables = {"a", "b"};
  values.rows = {{Term::iri("http://x"), std::nullopt}};
  CHECK(to_sse(values) == "(table (vars ?a ?b)\n  (row [?a <http://x>]))");
}

TEST_CASE("SSE of paths and expressions", "[sparql][algebra][sse]") {
  PathExpr link{PathKind::Link, Term::iri("http://p"), {}, {}, {}};
  PathExpr star{PathKind::ZeroOrMore, {}, {link}, {}, {}};
  PathExpr nps{
      PathKind::NegatedPropertySet, {}, {}, {Term::iri("http://a")}, {Term::iri("http://b")}};
  CHECK(to_sse(star) == "(path* <http://p>)");
  CHECK(to_sse(nps) == "(notoneof <http://a> (reverse <http://b>))");

  Expr agg;
  agg.kind = ExprKind::Aggregate;
  agg.aggregate = AggregateOp::GroupConcat;
  agg.distinct = true;
  agg.separator = ",";
  agg.args.push_back(Expr::make_var("x"));
  CHECK(to_sse(agg) == "(group_concat distinct (separator \",\") ?x)");
  CHECK(to_sse(Expr::make_function("http://www.w3.org/2001/XMLSchema#integer",
                                   {Expr::make_var("x")})) ==
        "(<http://www.w3.org/2001/XMLSchema#integer> ?x)");
  CHECK(to_sse(
            Expr::make_constant(Term::literal("1.0", "http://www.w3.org/2001/XMLSchema#double"))) ==
        "\"1.0\"^^<http://www.w3.org/2001/XMLSchema#double>");
}

TEST_CASE("in-scope variables follow §18.2.1", "[sparql][algebra]") {
  Pattern left = Pattern::bgp({triple("?s", "http://p", "?o")});
  Pattern right = Pattern::bgp({triple("?s", "http://q", "?z")});
  CHECK(in_scope_variables(Pattern::binary(PatternKind::Minus, left, right)) ==
        std::vector<std::string>{"s", "o"});
  CHECK(in_scope_variables(Pattern::binary(PatternKind::LeftJoin, left, right)) ==
        std::vector<std::string>{"s", "o", "z"});
  Pattern ext = Pattern::unary(PatternKind::Extend, left);
  ext.var = "v";
  CHECK(in_scope_variables(ext) == std::vector<std::string>{"s", "o", "v"});
  Pattern proj = Pattern::unary(PatternKind::Project, left);
  proj.variables = {"o"};
  CHECK(in_scope_variables(proj) == std::vector<std::string>{"o"});
}

TEST_CASE("patterns compare by value, EXISTS patterns included", "[sparql][algebra]") {
  Expr a;
  a.kind = ExprKind::Exists;
  a.pattern = std::make_shared<const Pattern>(Pattern::bgp({triple("?s", "http://p", "?o")}));
  Expr b = a;
  b.pattern = std::make_shared<const Pattern>(Pattern::bgp({triple("?s", "http://p", "?o")}));
  CHECK(a == b);
  b.pattern = std::make_shared<const Pattern>(Pattern::bgp({triple("?s", "http://q", "?o")}));
  CHECK_FALSE(a == b);
}
