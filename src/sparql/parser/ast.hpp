// The syntax tree of a SPARQL 1.1 query, as written, with source positions.
// Internal to the SPARQL front end: only the algebra builder reads it (other modules use
// sparql/algebra/algebra.hpp). Prefixed names and relative IRIs are already resolved to absolute
// IRIs, because PREFIX and BASE are lexically scoped; everything else is left to the builder.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/parser/syntax_error.hpp"

namespace ng::sparql::ast {

// A variable or an RDF term in a pattern. Blank nodes are rdf::Term blank nodes; anonymous ones
// ([] and collection cells) get labels that start with '#', which _:labels cannot.
struct Node {
  bool is_var = false;
  std::string var;  // without '?'
  rdf::Term term;
  SourcePos pos;
};

enum class PathKind { Link, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne, Nps };

struct Path {
  PathKind kind = PathKind::Link;
  rdf::Term iri;                   // Link
  std::vector<Path> children;      // Sequence/Alternative: 2 or more; unary kinds: 1
  std::vector<rdf::Term> forward;  // Nps
  std::vector<rdf::Term> inverse;  // Nps
};

// A triple pattern; the predicate is a variable, an IRI (path.kind == Link) or a path.
struct Triple {
  Node subject;
  bool predicate_is_var = false;
  Node predicate_var;  // when predicate_is_var
  Path path;           // otherwise
  Node object;
  SourcePos pos;
};

struct GroupPattern;
struct Query;

enum class ExprKind { Term, Var, Call, Function, Exists, NotExists, Aggregate };

struct Expr {
  ExprKind kind = ExprKind::Term;
  // Call: an operator ("||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/",
  // "u+", "u-", "!", "IN", "NOT IN") or a built-in name in upper case ("STR", "REGEX"...).
  // Aggregate: "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT".
  std::string name;
  std::string iri;  // Function
  rdf::Term term;   // Term
  std::string var;  // Var
  std::vector<Expr> args;
  std::shared_ptr<GroupPattern> pattern;  // Exists / NotExists
  bool distinct = false;                  // Aggregate, Function (ArgList DISTINCT)
  bool star = false;                      // COUNT(*)
  std::optional<std::string> separator;   // GROUP_CONCAT
  SourcePos pos;
};

struct ValuesBlock {
  std::vector<std::string> vars;
  std::vector<std::vector<std::optional<rdf::Term>>> rows;
  SourcePos pos;
};

enum class ElementKind {
  Triples,   // triples
  Filter,    // expr
  Optional,  // groups[0]
  Minus,     // groups[0]
  Group,     // groups[0]: a nested { } that is not part of a UNION
  Union,     // groups (two or more)
  Graph,     // name, groups[0]
  Service,   // name, silent, groups[0]
  Bind,      // expr AS var
  Values,    // values
  SubSelect  // subquery
};

struct Element {
  ElementKind kind = ElementKind::Triples;
  std::vector<Triple> triples;
  Expr expr;
  std::vector<GroupPattern> groups;
  Node name;
  bool silent = false;
  std::string var;
  SourcePos var_pos;
  ValuesBlock values;
  std::shared_ptr<Query> subquery;
  SourcePos pos;
};

struct GroupPattern {
  std::vector<Element> elements;
  SourcePos pos;
};

struct SelectItem {
  std::string var;
  std::optional<Expr> expr;  // (expr AS ?var)
  SourcePos pos;
};

struct GroupCondition {
  Expr expr;
  std::optional<std::string> var;  // (expr AS ?var), or the variable of a plain ?var
  SourcePos pos;
};

struct OrderCondition {
  Expr expr;
  bool ascending = true;
};

enum class Form { Select, Construct, Ask, Describe };

struct Query {
  Form form = Form::Select;
  SourcePos pos;
  bool distinct = false;
  bool reduced = false;
  bool star = false;  // SELECT * / DESCRIBE *
  SourcePos star_pos;
  std::vector<SelectItem> select;
  std::vector<Triple> construct_template;
  bool construct_where = false;  // CONSTRUCT WHERE { template }
  std::vector<Node> describe;
  std::vector<std::string> from;
  std::vector<std::string> from_named;
  bool has_where = false;
  GroupPattern where;
  std::vector<GroupCondition> group_by;
  std::vector<Expr> having;
  std::vector<OrderCondition> order_by;
  std::optional<std::uint64_t> limit;
  std::optional<std::uint64_t> offset;
  std::optional<ValuesBlock> values;
  std::string base_iri;
  std::vector<std::pair<std::string, std::string>> prefixes;
};

// Parses the text of a query (SPARQL 1.1 grammar, https://www.w3.org/TR/sparql11-query/#grammar).
// Throws SyntaxError.
Query parse(std::string_view text, std::string_view base_iri);

}  // namespace ng::sparql::ast
