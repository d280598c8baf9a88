#include "sparql/results/compare.hpp"

#include <catch2/catch.hpp>

#include "rdf/vocab.hpp"

using ng::rdf::Term;
using namespace ng::sparql;

namespace {

ResultSet solutions(std::vector<std::string> vars, std::vector<ResultRow> rows) {
  ResultSet r;
  r.variables = std::move(vars);
  r.rows = std::move(rows);
  return r;
}

Term lit(const char* v, std::string_view dt = {}) { return Term::literal(v, dt); }
Term iri(const char* v) { return Term::iri(v); }
Term blank(const char* v) { return Term::blank(v); }

ResultSet graph(std::vector<std::array<Term, 3>> triples) {
  ResultSet r;
  r.kind = ResultKind::Graph;
  for (auto& t : triples) r.triples.push_back({t[0], t[1], t[2], std::nullopt});
  return r;
}

}  // namespace

TEST_CASE("solutions compare as multisets", "[results][compare]") {
  auto a = solutions({"x", "y"}, {{iri("http://a"), lit("1")}, {iri("http://b"), std::nullopt}});
  auto b = solutions({"y", "x"}, {{std::nullopt, iri("http://b")}, {lit("1"), iri("http://a")}});
  CHECK(compare_results(a, b));
  auto missing = solutions({"x", "y"}, {{iri("http://a"), lit("1")}});
  auto c = compare_results(a, missing);
  CHECK_FALSE(c);
  CHECK_THAT(c.reason, Catch::Contains("expected 2 rows, got 1"));
  auto dup = solutions({"x", "y"}, {{iri("http://a"), lit("1")}, {iri("http://a"), lit("1")}});
  CHECK_FALSE(compare_results(a, dup));
  auto unbound_vs_bound =
      solutions({"x", "y"}, {{iri("http://a"), lit("1")}, {iri("http://b"), lit("")}});
  CHECK_FALSE(compare_results(a, unbound_vs_bound));
  auto other_vars =
      solutions({"x", "z"}, {{iri("http://a"), lit("1")}, {iri("http://b"), std::nullopt}});
  CHECK_THAT(compare_results(a, other_vars).reason, Catch::Contains("variables differ"));
}

TEST_CASE("blank nodes match up to a consistent renaming", "[results][compare]") {
  auto e = solutions({"x", "y"},
                     {{blank("a"), blank("b")}, {blank("b"), blank("a")}, {blank("a"), lit("1")}});
  auto same = solutions(
      {"x", "y"}, {{blank("p"), lit("1")}, {blank("q"), blank("p")}, {blank("p"), blank("q")}});
  CHECK(compare_results(e, same));
  // Not a bijection: two expected labels onto one actual label.
  auto merged = solutions(
      {"x", "y"}, {{blank("p"), blank("p")}, {blank("p"), blank("p")}, {blank("p"), lit("1")}});
  CHECK_FALSE(compare_results(e, merged));
  auto broken = solutions(
      {"x", "y"}, {{blank("p"), blank("q")}, {blank("q"), blank("p")}, {blank("q"), lit("1")}});
  CHECK(compare_results(e, broken));  // q plays a's role
  auto wrong = solutions(
      {"x", "y"}, {{blank("p"), blank("q")}, {blank("r"), blank("p")}, {blank("p"), lit("1")}});
  CHECK_FALSE(compare_results(e, wrong));
  auto iri_for_blank = solutions(
      {"x", "y"},
      {{iri("http://a"), blank("b")}, {blank("b"), iri("http://a")}, {iri("http://a"), lit("1")}});
  CHECK_FALSE(compare_results(e, iri_for_blank));
}

TEST_CASE("numbers and booleans compare by value, language tags case-insensitively",
          "[results][compare]") {
  using namespace ng::vocab;
  CHECK(canonical_value(lit("01", kXsdInteger)) == canonical_value(lit("+1", kXsdInteger)));
  CHECK(canonical_value(lit("-0", kXsdInteger)) == canonical_value(lit("0", kXsdInteger)));
  CHECK(canonical_value(lit("1.50", kXsdDecimal)) == canonical_value(lit("01.5", kXsdDecimal)));
  CHECK(canonical_value(lit("2", kXsdDecimal)) == canonical_value(lit("2.0", kXsdDecimal)));
  CHECK(canonical_value(lit("1E0", kXsdDouble)) == canonical_value(lit("1.0e0", kXsdDouble)));
  CHECK(canonical_value(lit("1", kXsdBoolean)) == canonical_value(lit("true", kXsdBoolean)));
  CHECK(canonical_value(lit("1", kXsdInteger)) != canonical_value(lit("1", kXsdDecimal)));
  CHECK(canonical_value(lit("1", kXsdInteger)) != canonical_value(lit("2", kXsdInteger)));
  CHECK(canonical_value(lit("1")) != canonical_value(lit("1", kXsdInteger)));
  CHECK(canonical_value(lit("abc", kXsdInteger)) == lit("abc", kXsdInteger));
  CHECK(canonical_value(lit("01", "http://x/dt")) == lit("01", "http://x/dt"));
  Term upper{ng::rdf::TermKind::Literal, "chat", "", "FR"};
  CHECK(canonical_value(upper) == Term::literal("chat", "", "fr"));
  auto a = solutions({"n"}, {{lit("1.0", kXsdDecimal)}, {lit("0", kXsdBoolean)}});
  auto b = solutions({"n"}, {{lit("false", kXsdBoolean)}, {lit("1", kXsdDecimal)}});
  CHECK(compare_results(a, b));
}

TEST_CASE("ORDER BY results compare in order on the sort keys", "[results][compare]") {
  auto e =
      solutions({"k", "v"}, {{lit("1"), lit("a")}, {lit("1"), lit("b")}, {lit("2"), lit("c")}});
  auto ties_swapped =
      solutions({"k", "v"}, {{lit("1"), lit("b")}, {lit("1"), lit("a")}, {lit("2"), lit("c")}});
  auto reordered =
      solutions({"k", "v"}, {{lit("2"), lit("c")}, {lit("1"), lit("a")}, {lit("1"), lit("b")}});
  CompareOptions ordered{true, {"k"}, false};
  CHECK(compare_results(e, ties_swapped, ordered));
  CHECK_FALSE(compare_results(e, reordered, ordered));
  CHECK(compare_results(e, reordered));  // unordered
  CompareOptions whole_rows{true, {}, false};
  CHECK_FALSE(compare_results(e, ties_swapped, whole_rows));
  CHECK(compare_results(e, e, whole_rows));
}

TEST_CASE("lax cardinality allows dropped duplicates only", "[results][compare]") {
  auto e = solutions({"x"}, {{lit("a")}, {lit("a")}, {lit("b")}});
  CompareOptions lax{false, {}, true};
  CHECK(compare_results(e, solutions({"x"}, {{lit("b")}, {lit("a")}}), lax));
  CHECK(compare_results(e, e, lax));
  CHECK_FALSE(compare_results(e, solutions({"x"}, {{lit("a")}}), lax));
  CHECK_FALSE(
      compare_results(e, solutions({"x"}, {{lit("a")}, {lit("a")}, {lit("b")}, {lit("b")}}), lax));
}

TEST_CASE("booleans and result kinds", "[results][compare]") {
  ResultSet t, f;
  t.kind = f.kind = ResultKind::Boolean;
  t.boolean = true;
  CHECK(compare_results(t, t));
  CHECK_FALSE(compare_results(t, f));
  CHECK_THAT(compare_results(t, solutions({}, {})).reason, Catch::Contains("expected a boolean"));
}

TEST_CASE("graphs compare by isomorphism", "[results][compare]") {
  Term p = iri("http://p");
  auto cycle3 = graph(
      {{blank("a"), p, blank("b")}, {blank("b"), p, blank("c")}, {blank("c"), p, blank("a")}});
  auto cycle3_renamed = graph(
      {{blank("y"), p, blank("z")}, {blank("x"), p, blank("y")}, {blank("z"), p, blank("x")}});
  CHECK(compare_results(cycle3, cycle3_renamed));
  // Same size and degrees but two components (a 2-cycle and a self-loop).
  auto split = graph(
      {{blank("a"), p, blank("b")}, {blank("b"), p, blank("a")}, {blank("c"), p, blank("c")}});
  CHECK_FALSE(compare_results(cycle3, split));
  auto ground = graph({{iri("http://s"), p, lit("1", ng::vocab::kXsdInteger)}});
  auto ground_value = graph({{iri("http://s"), p, lit("01", ng::vocab::kXsdInteger)}});
  CHECK(compare_results(ground, ground_value));
  CHECK_FALSE(compare_results(ground, graph({{iri("http://s"), p, lit("1")}})));
  auto duplicated = graph({{iri("http://s"), p, lit("1", ng::vocab::kXsdInteger)},
                           {iri("http://s"), p, lit("1", ng::vocab::kXsdInteger)}});
  CHECK(compare_results(ground, duplicated));
  CHECK_FALSE(compare_results(cycle3, ground));
}
