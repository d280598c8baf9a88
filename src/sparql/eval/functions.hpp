// Expression semantics of SPARQL 1.1 (§17) over rdf::TermView: effective boolean value, the
// operator mapping, the ORDER BY ordering of terms, the built-in functions and XSD casts.
//
// Errors are values: every function returns std::nullopt for a type error (or any other
// expression error), and the evaluator applies §17.2's rules (FILTER drops the row, BIND leaves
// the variable unbound, || and && with the error truth table).
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rdf/term.hpp"
#include "sparql/algebra/algebra.hpp"

U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace ng::store {
class World;
}

namespace ng::sparql {

// State the functions need beyond their arguments, one per query evaluation.
class FunctionContext {
 public:
  FunctionContext(store::World* world, std::string base_iri, std::uint64_t seed = 0);
  ~FunctionContext();
  FunctionContext(const FunctionContext&) = delete;
  FunctionContext& operator=(const FunctionContext&) = delete;

  const std::string& base_iri() const { return base_iri_; }
  // NOW(): one value per query.
  const std::string& now() const { return now_; }
  // BNODE(label): the same label gives the same blank node within one solution.
  std::string bnode_for(std::string_view label);
  std::string fresh_bnode();
  // Called by the evaluator before each solution an expression is evaluated on.
  void new_solution() { bnode_labels_.clear(); }
  double rand();
  std::string uuid();
  // A compiled regex for (pattern, flags), cached; nullptr for an invalid pattern or flag.
  const icu::RegexPattern* regex(std::string_view pattern, std::string_view flags);

 private:
  store::World* world_;
  std::string base_iri_;
  std::string now_;
  std::mt19937_64 rng_;
  std::unordered_map<std::string, std::string> bnode_labels_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<icu::RegexPattern>> regex_cache_;
  unsigned long local_blank_counter_ = 0;
};

// §17.2.2 effective boolean value; nullopt = type error.
std::optional<bool> effective_boolean_value(const rdf::TermView& term);

// `=` per the operator mapping (§17.3), falling back to RDFterm-equal, which is a type error for
// two different literals of which at least one has a datatype the engine does not know.
std::optional<bool> values_equal(const rdf::TermView& a, const rdf::TermView& b);
// `<` family: -1/0/1 for numerics, simple literals and xsd:string, booleans, dateTimes; nullopt
// (type error) for everything else.
std::optional<int> values_compare(const rdf::TermView& a, const rdf::TermView& b);
// The ORDER BY order of §15.1 for bound terms: blank < IRI < literal; literals by `<` where
// defined, otherwise by a fixed order of their types and then lexically. Total and deterministic.
int order_compare(const rdf::TermView& a, const rdf::TermView& b);

// Evaluates a function of Op on evaluated arguments. Covers every Op that is a plain function of
// its argument values (not the special forms &&, ||, BOUND, IF, COALESCE, IN, NOT IN, which the
// evaluator handles because they need lazy evaluation or unbound arguments).
std::optional<rdf::Term> call_function(Op op, std::span<const rdf::TermView> args,
                                       FunctionContext& ctx);
// A function called by IRI: the XSD constructor casts of §17.5 (xsd:string, xsd:integer,
// xsd:decimal, xsd:float, xsd:double, xsd:boolean, xsd:dateTime) and xsd:date (from a string, a
// date or a dateTime, keeping its timezone). Unknown IRIs give an error.
std::optional<rdf::Term> call_iri_function(std::string_view iri,
                                           std::span<const rdf::TermView> args);

rdf::Term make_boolean(bool value);
// True if `iri` has a scheme (IRI resolution itself is rdf::resolve_iri).
bool is_absolute_iri(std::string_view iri);

}  // namespace ng::sparql
