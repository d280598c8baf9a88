// The SPARQL 1.1 algebra (https://www.w3.org/TR/sparql11-query/#sparqlAlgebra): what the parser's
// builder produces and what the optimizer and the evaluator consume.
//
// Conventions:
// - Variables are names without '?'. Names that start with '?' are internal and can never clash
//   with a user variable (VARNAME cannot contain '?'):
//     "?_<label>"  a blank node of a query pattern, a non-distinguished variable
//                  ("?_#<n>" for [] and collection cells)
//     "?p<n>"      an intermediate node of a property path sequence (§18.2.2.4)
//     "?a<n>"      the result of an aggregate (§18.2.4.1)
//   `is_blank_variable` / `is_internal_variable` tell them apart; SELECT * never projects them.
// - Terms are rdf::Term in normal form with absolute IRIs: prefixes and BASE are already resolved.
// - Trees are plain values: a tagged struct per kind of node with a std::vector of children, so
//   they copy and compare like values. Fields not used by a node's kind stay empty.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.hpp"

namespace ng::sparql {

// True for the variables that stand for blank nodes of a query pattern.
bool is_blank_variable(std::string_view name);
// True for every variable the builder made up (blank nodes, path nodes, aggregates).
bool is_internal_variable(std::string_view name);

// A triple pattern position: a constant term or a variable.
struct TermOrVar {
  std::optional<rdf::Term> term;  // set for a constant
  std::string var;                // set (non-empty) for a variable

  static TermOrVar variable(std::string name) { return TermOrVar{std::nullopt, std::move(name)}; }
  static TermOrVar constant(rdf::Term t) { return TermOrVar{std::move(t), {}}; }
  bool is_var() const { return !term.has_value(); }
  friend bool operator==(const TermOrVar&, const TermOrVar&) = default;
};

// https://www.w3.org/TR/sparql11-query/#defn_TriplePattern
// Also used for CONSTRUCT template triples, where blank nodes stay rdf::Term blank nodes
// (fresh per solution when instantiated, https://www.w3.org/TR/sparql11-query/#tmp_construct).
struct TriplePattern {
  TermOrVar subject;
  TermOrVar predicate;
  TermOrVar object;
  friend bool operator==(const TriplePattern&, const TriplePattern&) = default;
};

// https://www.w3.org/TR/sparql11-query/#defn_PropertyPathExpr
enum class PathKind {
  Link,                // iri                          #defn_evalPP_predicate
  Inverse,             // ^children[0]                 #defn_evalPP_inverse
  Sequence,            // children[0] / children[1]    #defn_evalPP_sequence
  Alternative,         // children[0] | children[1]    #defn_evalPP_alternative
  ZeroOrMore,          // children[0]*                 #defn_evalPP_ZeroOrMorePath
  OneOrMore,           // children[0]+                 #defn_evalPP_OneOrMorePath
  ZeroOrOne,           // children[0]?                 #defn_evalPP_ZeroOrOnePath
  NegatedPropertySet,  // !(iri|^iri ...)              #defn_evalPP_negatedPropertySet
};

struct PathExpr {
  PathKind kind = PathKind::Link;
  rdf::Term iri;                   // Link
  std::vector<PathExpr> children;  // Inverse/ZeroOrMore/OneOrMore/ZeroOrOne: 1; Sequence/Alt: 2
  std::vector<rdf::Term> forward;  // NegatedPropertySet: the IRIs excluded going forward
  std::vector<rdf::Term> inverse;  // NegatedPropertySet: the IRIs excluded going backward (^iri)
  friend bool operator==(const PathExpr&, const PathExpr&) = default;
};

// Every operator and built-in function call of https://www.w3.org/TR/sparql11-query/#expressions
// Argument counts are those of the grammar; optional arguments are simply absent from `args`
// (SUBSTR 2 or 3, REGEX 2 or 3, REPLACE 3 or 4, BNODE 0 or 1, IN/NOT IN: args[0] IN args[1..]).
enum class Op {
  // Operators (#OperatorMapping)
  Or,
  And,
  Equal,
  NotEqual,
  Less,
  Greater,
  LessOrEqual,
  GreaterOrEqual,
  Plus,
  Minus,
  Multiply,
  Divide,
  UnaryPlus,
  UnaryMinus,
  Not,
  In,
  NotIn,
  // Functional forms (#func-forms)
  Bound,
  If,
  Coalesce,
  SameTerm,
  // Functions on RDF terms (#func-rdfTerms)
  IsIri,
  IsBlank,
  IsLiteral,
  IsNumeric,
  Str,
  Lang,
  Datatype,
  Iri,
  Bnode,
  StrDt,
  StrLang,
  Uuid,
  StrUuid,
  // Functions on strings (#func-strings)
  StrLen,
  SubStr,
  UCase,
  LCase,
  StrStarts,
  StrEnds,
  Contains,
  StrBefore,
  StrAfter,
  EncodeForUri,
  Concat,
  LangMatches,
  Regex,
  Replace,
  // Functions on numerics (#func-numerics)
  Abs,
  Round,
  Ceil,
  Floor,
  Rand,
  // Functions on dates and times (#func-date-time)
  Now,
  Year,
  Month,
  Day,
  Hours,
  Minutes,
  Seconds,
  Timezone,
  Tz,
  // Hash functions (#func-hash)
  Md5,
  Sha1,
  Sha256,
  Sha384,
  Sha512,
};

// https://www.w3.org/TR/sparql11-query/#aggregateAlgebra
enum class AggregateOp { Count, Sum, Min, Max, Avg, Sample, GroupConcat };

enum class ExprKind {
  Constant,      // `constant`
  Var,           // `var`
  Call,          // `op` applied to `args`
  FunctionCall,  // the function named by IRI `iri` (XSD casts such as xsd:integer) on `args`
  Exists,        // EXISTS `pattern`            #func-filter-exists
  NotExists,     // NOT EXISTS `pattern`
  Aggregate,     // `aggregate` over `args` (0 args for COUNT(*)); only inside Group (see Pattern)
};

struct Pattern;

struct Expr {
  ExprKind kind = ExprKind::Constant;
  rdf::Term constant;
  std::string var;
  Op op = Op::Or;
  std::string iri;
  std::vector<Expr> args;
  std::shared_ptr<const Pattern> pattern;  // Exists / NotExists; never null for them
  AggregateOp aggregate = AggregateOp::Count;
  bool distinct = false;        // Aggregate: DISTINCT
  bool star = false;            // Aggregate: COUNT(*)
  std::string separator = " ";  // Aggregate GroupConcat: SEPARATOR (default a single space)

  static Expr make_constant(rdf::Term t);
  static Expr make_var(std::string name);
  static Expr make_call(Op op, std::vector<Expr> args);
  static Expr make_function(std::string iri, std::vector<Expr> args);
  friend bool operator==(const Expr& a, const Expr& b);
};

// Pattern operators of https://www.w3.org/TR/sparql11-query/#sparqlAlgebra
enum class PatternKind {
  Bgp,       // `triples`                               #defn_BasicGraphPattern
  Path,      // `subject` `path` `object`               #defn_evalPP_predicate (§18.2.2.4)
  Join,      // children[0], children[1]                #defn_algJoin
  LeftJoin,  // children[0], children[1], `exprs`       #defn_algLeftJoin (empty exprs = true)
  Filter,    // `exprs` (conjunction) over children[0]  #defn_algFilter
  Union,     // children[0], children[1]                #defn_algUnion
  Graph,     // `name` (IRI or var), children[0]        #defn_evalGraph
  Extend,    // children[0], `var` := `expr`            #defn_extend
  Minus,     // children[0] minus children[1]           #defn_algMinus
  Values,    // `variables`, `rows`                     #inline-data (a multiset of solutions)
  Group,     // children[0], `group_keys`, `aggregates` #defn_algGroup + #defn_algAggregation
  OrderBy,   // children[0], `order`                    #defn_algOrdered
  Project,   // children[0], `variables`                #defn_algProjection
  Distinct,  // children[0]                             #defn_algDistinct
  Reduced,   // children[0]                             #defn_algReduced
  Slice,     // children[0], `offset`, `limit`          #defn_algSlice
  Service,   // `name` (IRI or var), `silent`, children[0]  (SPARQL 1.1 Federated Query)
};

// GROUP BY key: an expression, optionally bound to a variable ((expr AS ?v) or a plain ?v,
// which is the key Var(v) with var = v).
struct GroupKey {
  Expr expr;
  std::optional<std::string> var;
  friend bool operator==(const GroupKey&, const GroupKey&) = default;
};

// One aggregate of a Group: `var` receives the value of `aggregate` (an Expr of kind Aggregate).
struct AggregateBinding {
  std::string var;
  Expr aggregate;
  friend bool operator==(const AggregateBinding&, const AggregateBinding&) = default;
};

struct OrderCondition {
  Expr expr;
  bool ascending = true;
  friend bool operator==(const OrderCondition&, const OrderCondition&) = default;
};

struct Pattern {
  PatternKind kind = PatternKind::Bgp;
  std::vector<Pattern> children;

  std::vector<TriplePattern> triples;  // Bgp (empty = the join identity, one empty solution)

  TermOrVar subject;  // Path
  PathExpr path;      // Path
  TermOrVar object;   // Path

  std::vector<Expr> exprs;  // Filter, LeftJoin: conjunction

  TermOrVar name;       // Graph, Service
  bool silent = false;  // Service

  std::string var;  // Extend
  Expr expr;        // Extend

  std::vector<std::string> variables;                       // Values, Project
  std::vector<std::vector<std::optional<rdf::Term>>> rows;  // Values; nullopt = UNDEF

  std::vector<GroupKey> group_keys;          // Group (empty = one group of everything)
  std::vector<AggregateBinding> aggregates;  // Group

  std::vector<OrderCondition> order;  // OrderBy

  std::uint64_t offset = 0;            // Slice
  std::optional<std::uint64_t> limit;  // Slice

  friend bool operator==(const Pattern&, const Pattern&) = default;

  // Factories for the common shapes.
  static Pattern bgp(std::vector<TriplePattern> triples = {});
  static Pattern unary(PatternKind kind, Pattern child);
  static Pattern binary(PatternKind kind, Pattern left, Pattern right);
};

// The variables a pattern may bind, in order of first appearance
// (https://www.w3.org/TR/sparql11-query/#variableScope); includes internal ones.
std::vector<std::string> in_scope_variables(const Pattern& pattern);

enum class QueryForm { Select, Construct, Ask, Describe };

// A whole query: https://www.w3.org/TR/sparql11-query/#QueryForms
struct Query {
  QueryForm form = QueryForm::Select;
  // The algebra expression, solution modifiers included (OrderBy/Project/Distinct/Slice...).
  Pattern pattern;
  // Select: the projected variables in order (SELECT *: the in-scope user variables in order of
  // appearance). Describe: the variables among `describe`, for convenience.
  std::vector<std::string> variables;
  bool select_star = false;
  std::vector<TriplePattern> construct_template;  // Construct
  std::vector<TermOrVar> describe;                // Describe: resources (empty for DESCRIBE *)
  bool describe_star = false;
  std::vector<std::string> from;        // FROM IRIs (the default graph is their merge)
  std::vector<std::string> from_named;  // FROM NAMED IRIs
  std::string base_iri;                 // the effective base IRI (may be empty)
  std::vector<std::pair<std::string, std::string>> prefixes;  // PREFIX declarations, in order
  friend bool operator==(const Query&, const Query&) = default;
};

// S-expressions in the style of Jena's `arq --explain`, e.g.
//   (project (?s) (filter (> ?o 1) (bgp (triple ?s <http://x/p> ?o))))
// Internal variables print as ??name (e.g. ??_b0, ??p0).
std::string to_sse(const Query& query);
std::string to_sse(const Pattern& pattern);
std::string to_sse(const Expr& expr);
std::string to_sse(const PathExpr& path);
std::string to_sse(const TermOrVar& node);

// The query as SPARQL text that parse_query translates back to an equal Query, up to the names of
// internal variables and blank nodes. IRIs are written in full; blank-node variables print as
// blank nodes ("?_b" as _:b, "?p0" as _:_p0), aggregates back inside their expressions.
std::string to_sparql(const Query& query);

// The SPARQL / SSE name of an operator or function, e.g. "&&", "regex", "strlen".
std::string_view op_name(Op op);
std::string_view aggregate_name(AggregateOp op);

}  // namespace ng::sparql
