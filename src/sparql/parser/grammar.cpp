// SPARQL 1.1 Query grammar (https://www.w3.org/TR/sparql11-query/#grammar) over the X3 tokens of
// lexer.cpp. The grammar is LL(1) on tokens, so each production is a function; each names what it
// expected when it fails, which gives the "expected ..., found ..." messages.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include "rdf/iri.hpp"
#include "rdf/vocab.hpp"
#include "sparql/parser/ast.hpp"
#include "sparql/parser/lexer.hpp"

namespace ng::sparql::ast {

namespace {

using detail::Token;
using detail::TokenKind;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Case-insensitive match of a word against an upper-case keyword, without allocating.
bool equals_keyword(std::string_view word, std::string_view kw) {
  if (word.size() != kw.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != kw[i]) return false;
  }
  return true;
}

// Built-in calls: name -> (min args, max args); max -1 = any number (ExpressionList).
struct BuiltinArity {
  int min;
  int max;
};

const std::map<std::string, BuiltinArity>& builtins() {
  static const std::map<std::string, BuiltinArity> table = {
      {"STR", {1, 1}},       {"LANG", {1, 1}},      {"LANGMATCHES", {2, 2}},
      {"DATATYPE", {1, 1}},  {"BOUND", {1, 1}},     {"IRI", {1, 1}},
      {"URI", {1, 1}},       {"BNODE", {0, 1}},     {"RAND", {0, 0}},
      {"ABS", {1, 1}},       {"CEIL", {1, 1}},      {"FLOOR", {1, 1}},
      {"ROUND", {1, 1}},     {"CONCAT", {0, -1}},   {"STRLEN", {1, 1}},
      {"UCASE", {1, 1}},     {"LCASE", {1, 1}},     {"ENCODE_FOR_URI", {1, 1}},
      {"CONTAINS", {2, 2}},  {"STRSTARTS", {2, 2}}, {"STRENDS", {2, 2}},
      {"STRBEFORE", {2, 2}}, {"STRAFTER", {2, 2}},  {"YEAR", {1, 1}},
      {"MONTH", {1, 1}},     {"DAY", {1, 1}},       {"HOURS", {1, 1}},
      {"MINUTES", {1, 1}},   {"SECONDS", {1, 1}},   {"TIMEZONE", {1, 1}},
      {"TZ", {1, 1}},        {"NOW", {0, 0}},       {"UUID", {0, 0}},
      {"STRUUID", {0, 0}},   {"MD5", {1, 1}},       {"SHA1", {1, 1}},
      {"SHA256", {1, 1}},    {"SHA384", {1, 1}},    {"SHA512", {1, 1}},
      {"COALESCE", {0, -1}}, {"IF", {3, 3}},        {"STRLANG", {2, 2}},
      {"STRDT", {2, 2}},     {"SAMETERM", {2, 2}},  {"ISIRI", {1, 1}},
      {"ISURI", {1, 1}},     {"ISBLANK", {1, 1}},   {"ISLITERAL", {1, 1}},
      {"ISNUMERIC", {1, 1}}, {"REGEX", {2, 3}},     {"SUBSTR", {2, 3}},
      {"REPLACE", {3, 4}},
  };
  return table;
}

bool is_aggregate_name(const std::string& u) {
  return u == "COUNT" || u == "SUM" || u == "MIN" || u == "MAX" || u == "AVG" || u == "SAMPLE" ||
         u == "GROUP_CONCAT";
}

std::string join_expected(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view base)
      : text_(text), base_(rdf::normalize_iri(base)), lexer_(text) {}

  Query parse_query() {
    Query q;
    prologue(q);
    const Token& t = peek();
    q.pos = t.pos;
    if (is_kw("SELECT")) {
      select_clause(q);
      dataset_clauses(q);
      where_clause(q);
      solution_modifier(q);
    } else if (is_kw("CONSTRUCT")) {
      construct_query(q);
    } else if (is_kw("DESCRIBE")) {
      describe_query(q);
    } else if (is_kw("ASK")) {
      next();
      q.form = Form::Ask;
      dataset_clauses(q);
      where_clause(q);
      solution_modifier(q);
    } else {
      fail({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "PREFIX", "BASE"});
    }
    values_clause(q);
    if (peek().kind != TokenKind::End) fail({"end of query"});
    q.base_iri = base_;
    q.prefixes = prefix_order_;
    return q;
  }

 private:
  // Nesting of groups, expressions, paths and [ ] / ( ) nodes is bounded so that hostile input
  // gets a SyntaxError instead of a stack overflow.
  static constexpr int kMaxDepth = 256;
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& parser) : parser_(parser) {
      if (++parser_.depth_ > kMaxDepth) {
        throw SyntaxError(parser_.peek().pos,
                          "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
      }
    }
    ~DepthGuard() { --parser_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& parser_;
  };

  // ---- token helpers ----
  const Token& peek(std::size_t ahead = 0) const {
    // Tokens are lexed on demand; a deque keeps references to earlier tokens valid.
    while (tokens_.size() <= i_ + ahead &&
           (tokens_.empty() || tokens_.back().kind != TokenKind::End)) {
      tokens_.push_back(lexer_.next());
    }
    return tokens_[std::min(i_ + ahead, tokens_.size() - 1)];
  }
  const Token& next() {
    const Token& t = peek();
    if (t.kind != TokenKind::End) ++i_;
    return t;
  }
  bool is_kw(std::string_view kw, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::Word && equals_keyword(t.text, kw);
  }
  bool is_punct(std::string_view p, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::Punct && t.text == p;
  }
  bool accept_kw(std::string_view kw) {
    if (!is_kw(kw)) return false;
    next();
    return true;
  }
  bool accept_punct(std::string_view p) {
    if (!is_punct(p)) return false;
    next();
    return true;
  }
  void expect_kw(std::string_view kw) {
    if (!accept_kw(kw)) fail({std::string(kw)});
  }
  void expect_punct(std::string_view p) {
    if (!accept_punct(p)) fail({"\"" + std::string(p) + "\""});
  }

  std::string token_text(const Token& t) const {
    if (t.kind == TokenKind::End) return "end of input";
    std::string_view raw = text_.substr(t.pos.offset, t.end - t.pos.offset);
    if (raw.size() > 40) raw = raw.substr(0, 40);
    return "\"" + std::string(raw) + "\"";
  }

  [[noreturn]] void fail(const std::vector<std::string>& expected) const {
    const Token& t = peek();
    throw SyntaxError(t.pos, "expected " + join_expected(expected) + ", found " + token_text(t));
  }
  [[noreturn]] void fail_at(const SourcePos& pos, const std::string& detail) const {
    throw SyntaxError(pos, detail);
  }

  // ---- terms ----
  std::string resolve(const std::string& iri) const { return rdf::resolve_iri(base_, iri); }

  bool at_iri() const {
    return peek().kind == TokenKind::IriRef || peek().kind == TokenKind::PName;
  }

  std::string iri() {
    const Token& t = peek();
    if (t.kind == TokenKind::IriRef) {
      next();
      return resolve(t.text);
    }
    if (t.kind == TokenKind::PName) {
      auto it = prefixes_.find(t.text);
      if (it == prefixes_.end()) fail_at(t.pos, "undefined prefix \"" + t.text + ":\"");
      next();
      return it->second + t.local;
    }
    fail({"an IRI"});
  }

  Node var_node() {
    const Token& t = peek();
    if (t.kind != TokenKind::Var) fail({"a variable"});
    next();
    Node n;
    n.is_var = true;
    n.var = t.text;
    n.pos = t.pos;
    return n;
  }

  std::string fresh_anon() { return "#" + std::to_string(anon_++); }

  // String literal with optional @lang or ^^iri.
  rdf::Term rdf_literal() {
    const Token& s = next();
    if (peek().kind == TokenKind::LangTag) {
      return rdf::Term::literal(s.text, {}, next().text);
    }
    if (accept_punct("^^")) return rdf::Term::literal(s.text, iri());
    return rdf::Term::literal(s.text);
  }

  bool at_number() const {
    const auto k = peek().kind;
    return k == TokenKind::Integer || k == TokenKind::Decimal || k == TokenKind::Double;
  }

  // A sign directly followed by a number: INTEGER_POSITIVE, DECIMAL_NEGATIVE...
  bool at_signed_number() const {
    if (!(is_punct("+") || is_punct("-"))) return false;
    const Token& n = peek(1);
    return (n.kind == TokenKind::Integer || n.kind == TokenKind::Decimal ||
            n.kind == TokenKind::Double) &&
           n.pos.offset == peek().end;
  }

  rdf::Term number(std::string sign = {}) {
    const Token& t = next();
    std::string_view dt = vocab::kXsdInteger;
    if (t.kind == TokenKind::Decimal) dt = vocab::kXsdDecimal;
    if (t.kind == TokenKind::Double) dt = vocab::kXsdDouble;
    return rdf::Term::literal(sign + t.text, dt);
  }

  // NumericLiteral with its optional sign, string literals, booleans, IRIs: the constants.
  std::optional<rdf::Term> try_literal() {
    const Token& t = peek();
    if (t.kind == TokenKind::String) return rdf_literal();
    if (at_number()) return number();
    if (at_signed_number()) {
      std::string sign = next().text;
      return number(sign);
    }
    if (is_kw("TRUE") || is_kw("FALSE")) {
      const std::string v = upper(next().text) == "TRUE" ? "true" : "false";
      return rdf::Term::literal(v, vocab::kXsdBoolean);
    }
    return std::nullopt;
  }

  // VarOrTerm (GraphTerm includes blank nodes and NIL).
  std::optional<Node> try_var_or_term() {
    Node n;
    n.pos = peek().pos;
    const Token& t = peek();
    if (t.kind == TokenKind::Var) return var_node();
    if (at_iri()) {
      n.term = rdf::Term::iri(iri());
      return n;
    }
    if (t.kind == TokenKind::BlankLabel) {
      next();
      n.term = rdf::Term::blank(t.text);
      return n;
    }
    if (is_punct("[") && is_punct("]", 1)) {
      next();
      next();
      n.term = rdf::Term::blank(fresh_anon());
      return n;
    }
    if (is_punct("(") && is_punct(")", 1)) {
      next();
      next();
      n.term = rdf::Term::iri(vocab::kRdfNil);
      return n;
    }
    if (auto lit = try_literal()) {
      n.term = std::move(*lit);
      return n;
    }
    return std::nullopt;
  }

  // ---- prologue and query forms ----
  void prologue(Query&) {
    for (;;) {
      if (accept_kw("BASE")) {
        if (peek().kind != TokenKind::IriRef) fail({"an IRI reference"});
        base_ = resolve(next().text);
      } else if (accept_kw("PREFIX")) {
        const Token& p = peek();
        if (p.kind != TokenKind::PName || !p.local.empty()) fail({"a prefix name such as \"ex:\""});
        next();
        if (peek().kind != TokenKind::IriRef) fail({"an IRI reference"});
        const std::string value = resolve(next().text);
        prefixes_[p.text] = value;
        auto it = std::find_if(prefix_order_.begin(), prefix_order_.end(),
                               [&](const auto& e) { return e.first == p.text; });
        if (it != prefix_order_.end()) {
          it->second = value;
        } else {
          prefix_order_.emplace_back(p.text, value);
        }
      } else {
        return;
      }
    }
  }

  void select_clause(Query& q) {
    expect_kw("SELECT");
    q.form = Form::Select;
    if (accept_kw("DISTINCT")) {
      q.distinct = true;
    } else if (accept_kw("REDUCED")) {
      q.reduced = true;
    }
    if (is_punct("*")) {
      q.star = true;
      q.star_pos = next().pos;
      return;
    }
    for (;;) {
      SelectItem item;
      item.pos = peek().pos;
      if (peek().kind == TokenKind::Var) {
        item.var = next().text;
      } else if (accept_punct("(")) {
        item.expr = expression();
        expect_kw("AS");
        item.pos = peek().pos;
        item.var = var_node().var;
        expect_punct(")");
      } else {
        if (q.select.empty()) fail({"a variable", "\"(\"", "\"*\""});
        return;
      }
      q.select.push_back(std::move(item));
    }
  }

  void dataset_clauses(Query& q) {
    while (accept_kw("FROM")) {
      if (accept_kw("NAMED")) {
        q.from_named.push_back(iri());
      } else {
        q.from.push_back(iri());
      }
    }
  }

  // `after_dataset`: FROM clauses could have come here (not in sub-SELECTs).
  void where_clause(Query& q, bool after_dataset = true) {
    const bool had_where = accept_kw("WHERE");
    if (!is_punct("{")) {
      if (had_where) fail({"\"{\""});
      if (after_dataset) fail({"FROM", "WHERE", "\"{\""});
      fail({"WHERE", "\"{\""});
    }
    q.has_where = true;
    q.where = group_graph_pattern();
  }

  void construct_query(Query& q) {
    expect_kw("CONSTRUCT");
    q.form = Form::Construct;
    if (is_punct("{")) {
      next();
      triples_template(q.construct_template, false);
      expect_punct("}");
      dataset_clauses(q);
      where_clause(q);
    } else {
      dataset_clauses(q);
      if (!is_kw("WHERE")) fail({"\"{\"", "FROM", "WHERE"});
      next();
      expect_punct("{");
      triples_template(q.construct_template, false);
      expect_punct("}");
      q.construct_where = true;
      q.has_where = true;
      Element e;
      e.kind = ElementKind::Triples;
      e.triples = q.construct_template;
      if (!e.triples.empty()) {
        e.pos = e.triples.front().pos;
        q.where.elements.push_back(std::move(e));
      }
    }
    solution_modifier(q);
  }

  void describe_query(Query& q) {
    expect_kw("DESCRIBE");
    q.form = Form::Describe;
    if (is_punct("*")) {
      q.star = true;
      q.star_pos = next().pos;
    } else {
      for (;;) {
        Node n;
        n.pos = peek().pos;
        if (peek().kind == TokenKind::Var) {
          n = var_node();
        } else if (at_iri()) {
          n.term = rdf::Term::iri(iri());
        } else {
          if (q.describe.empty()) fail({"a variable", "an IRI", "\"*\""});
          break;
        }
        q.describe.push_back(std::move(n));
      }
    }
    dataset_clauses(q);
    if (is_kw("WHERE") || is_punct("{")) where_clause(q);
    solution_modifier(q);
  }

  void solution_modifier(Query& q) {
    if (accept_kw("GROUP")) {
      expect_kw("BY");
      for (;;) {
        GroupCondition c;
        c.pos = peek().pos;
        if (peek().kind == TokenKind::Var) {
          Node v = var_node();
          c.expr.kind = ExprKind::Var;
          c.expr.var = v.var;
          c.expr.pos = v.pos;
          c.var = v.var;
        } else if (accept_punct("(")) {
          c.expr = expression();
          if (accept_kw("AS")) {
            c.pos = peek().pos;
            c.var = var_node().var;
          }
          expect_punct(")");
        } else if (auto e = try_builtin_or_function()) {
          c.expr = std::move(*e);
        } else {
          if (q.group_by.empty()) fail({"a variable", "\"(\"", "a function call"});
          break;
        }
        q.group_by.push_back(std::move(c));
      }
    }
    if (accept_kw("HAVING")) {
      for (;;) {
        auto c = try_constraint();
        if (!c) {
          if (q.having.empty()) fail({"\"(\"", "a function call"});
          break;
        }
        q.having.push_back(std::move(*c));
      }
    }
    if (accept_kw("ORDER")) {
      expect_kw("BY");
      for (;;) {
        OrderCondition c;
        if (is_kw("ASC") || is_kw("DESC")) {
          c.ascending = upper(next().text) == "ASC";
          if (!is_punct("(")) fail({"\"(\""});
          c.expr = bracketted_expression();
        } else if (peek().kind == TokenKind::Var) {
          Node v = var_node();
          c.expr.kind = ExprKind::Var;
          c.expr.var = v.var;
          c.expr.pos = v.pos;
        } else if (auto e = try_constraint()) {
          c.expr = std::move(*e);
        } else {
          if (q.order_by.empty()) fail({"ASC", "DESC", "a variable", "\"(\""});
          break;
        }
        q.order_by.push_back(std::move(c));
      }
    }
    for (int k = 0; k < 2; ++k) {
      if (!q.limit && accept_kw("LIMIT")) {
        q.limit = unsigned_integer();
      } else if (!q.offset && accept_kw("OFFSET")) {
        q.offset = unsigned_integer();
      }
    }
  }

  std::uint64_t unsigned_integer() {
    if (peek().kind != TokenKind::Integer) fail({"an integer"});
    const Token& t = next();
    try {
      return std::stoull(t.text);
    } catch (const std::exception&) {
      fail_at(t.pos, "integer out of range");
    }
  }

  void values_clause(Query& q) {
    if (is_kw("VALUES")) {
      const SourcePos pos = next().pos;
      q.values = data_block();
      q.values->pos = pos;
    }
  }

  ValuesBlock data_block() {
    ValuesBlock v;
    v.pos = peek().pos;
    if (peek().kind == TokenKind::Var) {
      v.vars.push_back(next().text);
      expect_punct("{");
      while (!accept_punct("}")) v.rows.push_back({data_block_value()});
      return v;
    }
    expect_punct("(");
    while (peek().kind == TokenKind::Var) v.vars.push_back(next().text);
    expect_punct(")");
    expect_punct("{");
    while (!accept_punct("}")) {
      const SourcePos row_pos = peek().pos;
      expect_punct("(");
      std::vector<std::optional<rdf::Term>> row;
      while (!accept_punct(")")) row.push_back(data_block_value());
      if (row.size() != v.vars.size()) {
        fail_at(row_pos, "VALUES row has " + std::to_string(row.size()) + " values for " +
                             std::to_string(v.vars.size()) + " variables");
      }
      v.rows.push_back(std::move(row));
    }
    return v;
  }

  std::optional<rdf::Term> data_block_value() {
    if (accept_kw("UNDEF")) return std::nullopt;
    if (at_iri()) return rdf::Term::iri(iri());
    if (auto lit = try_literal()) return lit;
    fail({"an IRI", "a literal", "UNDEF"});
  }

  // ---- graph patterns ----
  GroupPattern group_graph_pattern() {
    const DepthGuard guard(*this);
    GroupPattern g;
    g.pos = peek().pos;
    expect_punct("{");
    if (is_kw("SELECT")) {
      Element e;
      e.kind = ElementKind::SubSelect;
      e.pos = peek().pos;
      e.subquery = std::make_shared<Query>(sub_select());
      g.elements.push_back(std::move(e));
      expect_punct("}");
      return g;
    }
    bool need_dot = false;  // after a triples block without '.', only a non-triples pattern
    for (;;) {
      if (accept_punct("}")) return g;
      if (auto e = try_pattern_not_triples()) {
        g.elements.push_back(std::move(*e));
        accept_punct(".");
        need_dot = false;
        continue;
      }
      if (need_dot) fail({"\".\"", "\"}\"", "a graph pattern"});
      Element e;
      e.kind = ElementKind::Triples;
      e.pos = peek().pos;
      if (!triples_same_subject(e.triples, true)) {
        fail({"\"}\"", "a triple pattern", "a graph pattern"});
      }
      need_dot = !accept_punct(".");
      // Consecutive blocks separated by '.' form one TriplesBlock.
      if (!g.elements.empty() && g.elements.back().kind == ElementKind::Triples) {
        auto& prev = g.elements.back().triples;
        prev.insert(prev.end(), e.triples.begin(), e.triples.end());
      } else {
        g.elements.push_back(std::move(e));
      }
    }
  }

  Query sub_select() {
    Query q;
    q.pos = peek().pos;
    select_clause(q);
    where_clause(q, false);
    solution_modifier(q);
    values_clause(q);
    return q;
  }

  std::optional<Element> try_pattern_not_triples() {
    Element e;
    e.pos = peek().pos;
    if (is_punct("{")) {
      std::vector<GroupPattern> groups;
      groups.push_back(group_graph_pattern());
      while (accept_kw("UNION")) groups.push_back(group_graph_pattern());
      e.kind = groups.size() == 1 ? ElementKind::Group : ElementKind::Union;
      e.groups = std::move(groups);
      return e;
    }
    if (accept_kw("OPTIONAL")) {
      e.kind = ElementKind::Optional;
      e.groups.push_back(group_graph_pattern());
      return e;
    }
    if (accept_kw("MINUS")) {
      e.kind = ElementKind::Minus;
      e.groups.push_back(group_graph_pattern());
      return e;
    }
    if (accept_kw("GRAPH")) {
      e.kind = ElementKind::Graph;
      e.name = var_or_iri();
      e.groups.push_back(group_graph_pattern());
      return e;
    }
    if (accept_kw("SERVICE")) {
      e.kind = ElementKind::Service;
      e.silent = accept_kw("SILENT");
      e.name = var_or_iri();
      e.groups.push_back(group_graph_pattern());
      return e;
    }
    if (accept_kw("FILTER")) {
      e.kind = ElementKind::Filter;
      auto c = try_constraint();
      if (!c) fail({"\"(\"", "a function call"});
      e.expr = std::move(*c);
      return e;
    }
    if (accept_kw("BIND")) {
      e.kind = ElementKind::Bind;
      expect_punct("(");
      e.expr = expression();
      expect_kw("AS");
      e.var_pos = peek().pos;
      e.var = var_node().var;
      expect_punct(")");
      return e;
    }
    if (accept_kw("VALUES")) {
      e.kind = ElementKind::Values;
      e.values = data_block();
      e.values.pos = e.pos;
      return e;
    }
    return std::nullopt;
  }

  Node var_or_iri() {
    if (peek().kind == TokenKind::Var) return var_node();
    Node n;
    n.pos = peek().pos;
    if (!at_iri()) fail({"a variable", "an IRI"});
    n.term = rdf::Term::iri(iri());
    return n;
  }

  // ConstructTriples / TriplesTemplate: same-subject blocks separated by '.'.
  void triples_template(std::vector<Triple>& out, bool paths) {
    while (triples_same_subject(out, paths)) {
      if (!accept_punct(".")) return;
    }
  }

  // TriplesSameSubject(Path). Returns false (consuming nothing) when no subject starts here.
  bool triples_same_subject(std::vector<Triple>& out, bool paths) {
    if (auto s = try_var_or_term()) {
      property_list(*s, out, paths, true);
      return true;
    }
    if (is_punct("[") || is_punct("(")) {
      Node s = triples_node(out, paths);
      property_list(s, out, paths, false);
      return true;
    }
    return false;
  }

  // TriplesNode(Path): a collection or a blank node property list; returns the node standing
  // for it and appends its triples.
  Node triples_node(std::vector<Triple>& out, bool paths) {
    const DepthGuard guard(*this);
    Node n;
    n.pos = peek().pos;
    if (accept_punct("[")) {
      n.term = rdf::Term::blank(fresh_anon());
      property_list(n, out, paths, true);
      expect_punct("]");
      return n;
    }
    expect_punct("(");
    std::vector<Node> items;
    while (!accept_punct(")")) items.push_back(graph_node(out, paths));
    Node head;
    head.pos = n.pos;
    head.term = rdf::Term::iri(vocab::kRdfNil);
    // Built back to front so that each cell links to the next; triples are emitted front to back.
    std::vector<Node> cells(items.size());
    for (auto& c : cells) {
      c.pos = n.pos;
      c.term = rdf::Term::blank(fresh_anon());
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
      out.push_back(make_triple(cells[k], vocab::kRdfFirst, items[k]));
      Node rest;
      rest.pos = n.pos;
      if (k + 1 < items.size()) {
        rest = cells[k + 1];
      } else {
        rest.term = rdf::Term::iri(vocab::kRdfNil);
      }
      out.push_back(make_triple(cells[k], vocab::kRdfRest, rest));
    }
    return items.empty() ? head : cells[0];
  }

  Triple make_triple(const Node& s, std::string_view p, const Node& o) const {
    Triple t;
    t.subject = s;
    t.path.kind = PathKind::Link;
    t.path.iri = rdf::Term::iri(p);
    t.object = o;
    t.pos = s.pos;
    return t;
  }

  Node graph_node(std::vector<Triple>& out, bool paths) {
    if (auto n = try_var_or_term()) return *n;
    if (is_punct("[") || is_punct("(")) return triples_node(out, paths);
    fail({"a variable", "an RDF term", "\"[\"", "\"(\""});
  }

  // PropertyList(Path)(NotEmpty).
  void property_list(const Node& subject, std::vector<Triple>& out, bool paths, bool required) {
    bool first = true;
    for (;;) {
      Triple proto;
      proto.subject = subject;
      proto.pos = peek().pos;
      if (peek().kind == TokenKind::Var) {
        proto.predicate_is_var = true;
        proto.predicate_var = var_node();
      } else if (is_kw_a() || at_iri() || (paths && at_path_start())) {
        proto.path = paths ? path() : simple_verb();
      } else {
        if (first && required) fail({"a predicate"});
        return;
      }
      first = false;
      // ObjectList(Path)
      for (;;) {
        Triple t = proto;
        // The triple goes before those of a nested [ ] or ( ), keeping the order of the text.
        const std::size_t mark = out.size();
        t.object = graph_node(out, paths);
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(mark), std::move(t));
        if (!accept_punct(",")) break;
      }
      if (!accept_punct(";")) return;
      while (accept_punct(";")) {
      }
    }
  }

  bool is_kw_a() const { return peek().kind == TokenKind::Word && peek().text == "a"; }

  Path simple_verb() {
    Path p;
    p.kind = PathKind::Link;
    if (is_kw_a()) {
      next();
      p.iri = rdf::Term::iri(vocab::kRdfType);
    } else {
      p.iri = rdf::Term::iri(iri());
    }
    return p;
  }

  bool at_path_start() const { return is_punct("^") || is_punct("!") || is_punct("("); }

  // Path precedence: | below / below ^ below the postfix modifiers.
  Path path() {
    const DepthGuard guard(*this);
    Path first = path_sequence();
    if (!is_punct("|")) return first;
    Path alt;
    alt.kind = PathKind::Alternative;
    alt.children.push_back(std::move(first));
    while (accept_punct("|")) alt.children.push_back(path_sequence());
    return alt;
  }

  Path path_sequence() {
    Path first = path_elt_or_inverse();
    if (!is_punct("/")) return first;
    Path seq;
    seq.kind = PathKind::Sequence;
    seq.children.push_back(std::move(first));
    while (accept_punct("/")) seq.children.push_back(path_elt_or_inverse());
    return seq;
  }

  Path path_elt_or_inverse() {
    if (accept_punct("^")) {
      Path inv;
      inv.kind = PathKind::Inverse;
      inv.children.push_back(path_elt());
      return inv;
    }
    return path_elt();
  }

  Path path_elt() {
    Path p = path_primary();
    PathKind mod;
    if (is_punct("?")) {
      mod = PathKind::ZeroOrOne;
    } else if (is_punct("*")) {
      mod = PathKind::ZeroOrMore;
    } else if (is_punct("+")) {
      mod = PathKind::OneOrMore;
    } else {
      return p;
    }
    next();
    Path m;
    m.kind = mod;
    m.children.push_back(std::move(p));
    return m;
  }

  Path path_primary() {
    if (is_kw_a() || at_iri()) return simple_verb();
    if (accept_punct("(")) {
      Path p = path();
      expect_punct(")");
      return p;
    }
    if (accept_punct("!")) {
      Path nps;
      nps.kind = PathKind::Nps;
      if (accept_punct("(")) {
        if (!is_punct(")")) {
          path_one_in_property_set(nps);
          while (accept_punct("|")) path_one_in_property_set(nps);
        }
        expect_punct(")");
      } else {
        path_one_in_property_set(nps);
      }
      return nps;
    }
    fail({"an IRI", "\"a\"", "\"^\"", "\"!\"", "\"(\""});
  }

  void path_one_in_property_set(Path& nps) {
    const bool inverse = accept_punct("^");
    if (!(is_kw_a() || at_iri())) fail({"an IRI", "\"a\""});
    Path p = simple_verb();
    (inverse ? nps.inverse : nps.forward).push_back(p.iri);
  }

  // ---- expressions ----
  std::optional<Expr> try_constraint() {
    if (is_punct("(")) return bracketted_expression();
    return try_builtin_or_function();
  }

  Expr bracketted_expression() {
    expect_punct("(");
    Expr e = expression();
    expect_punct(")");
    return e;
  }

  Expr binary(const std::string& op, Expr a, Expr b, SourcePos pos) {
    Expr e;
    e.kind = ExprKind::Call;
    e.name = op;
    e.pos = pos;
    e.args.push_back(std::move(a));
    e.args.push_back(std::move(b));
    return e;
  }

  Expr expression() {
    const DepthGuard guard(*this);
    Expr e = and_expression();
    while (is_punct("||")) {
      const SourcePos pos = next().pos;
      e = binary("||", std::move(e), and_expression(), pos);
    }
    return e;
  }

  Expr and_expression() {
    Expr e = relational_expression();
    while (is_punct("&&")) {
      const SourcePos pos = next().pos;
      e = binary("&&", std::move(e), relational_expression(), pos);
    }
    return e;
  }

  Expr relational_expression() {
    Expr e = additive_expression();
    for (const char* op : {"=", "!=", "<", ">", "<=", ">="}) {
      if (is_punct(op)) {
        const SourcePos pos = next().pos;
        return binary(op, std::move(e), additive_expression(), pos);
      }
    }
    const bool not_in = is_kw("NOT") && is_kw("IN", 1);
    if (is_kw("IN") || not_in) {
      Expr call;
      call.kind = ExprKind::Call;
      call.name = not_in ? "NOT IN" : "IN";
      call.pos = next().pos;
      if (not_in) next();
      call.args.push_back(std::move(e));
      for (auto& a : expression_list()) call.args.push_back(std::move(a));
      return call;
    }
    return e;
  }

  std::vector<Expr> expression_list() {
    std::vector<Expr> out;
    expect_punct("(");
    if (accept_punct(")")) return out;
    out.push_back(expression());
    while (accept_punct(",")) out.push_back(expression());
    expect_punct(")");
    return out;
  }

  Expr additive_expression() {
    Expr e = multiplicative_expression();
    for (;;) {
      if (at_signed_number()) {
        // "?x -1" is ?x + (-1) in the grammar (NumericLiteralNegative); the sign is the operator.
        const SourcePos pos = peek().pos;
        const std::string sign = next().text;
        Expr lit;
        lit.kind = ExprKind::Term;
        lit.pos = peek().pos;
        lit.term = number();
        Expr rhs = multiplicative_tail(std::move(lit));
        e = binary(sign, std::move(e), std::move(rhs), pos);
      } else if (is_punct("+") || is_punct("-")) {
        const Token& op = next();
        e = binary(op.text, std::move(e), multiplicative_expression(), op.pos);
      } else {
        return e;
      }
    }
  }

  Expr multiplicative_expression() { return multiplicative_tail(unary_expression()); }

  Expr multiplicative_tail(Expr e) {
    while (is_punct("*") || is_punct("/")) {
      const Token& op = next();
      e = binary(op.text, std::move(e), unary_expression(), op.pos);
    }
    return e;
  }

  Expr unary_expression() {
    if (at_signed_number()) return primary_expression();
    for (const char* op : {"!", "+", "-"}) {
      if (is_punct(op)) {
        Expr e;
        e.kind = ExprKind::Call;
        e.pos = next().pos;
        e.name = std::string(op) == "!" ? "!" : std::string("u") + op;
        e.args.push_back(primary_expression());
        return e;
      }
    }
    return primary_expression();
  }

  Expr primary_expression() {
    Expr e;
    e.pos = peek().pos;
    if (is_punct("(")) return bracketted_expression();
    if (peek().kind == TokenKind::Var) {
      e.kind = ExprKind::Var;
      e.var = next().text;
      return e;
    }
    if (auto b = try_builtin_or_function()) return std::move(*b);
    if (at_iri()) {
      e.kind = ExprKind::Term;
      e.term = rdf::Term::iri(iri());
      return e;
    }
    if (auto lit = try_literal()) {
      e.kind = ExprKind::Term;
      e.term = std::move(*lit);
      return e;
    }
    if (peek().kind == TokenKind::Word && is_punct("(", 1)) {
      fail_at(peek().pos, "unknown function \"" + peek().text + "\"");
    }
    fail({"an expression"});
  }

  // BuiltInCall (aggregates and EXISTS included) or FunctionCall (iri ArgList).
  std::optional<Expr> try_builtin_or_function() {
    Expr e;
    e.pos = peek().pos;
    if (at_iri() && is_punct("(", 1)) {
      e.kind = ExprKind::Function;
      e.iri = iri();
      expect_punct("(");
      if (accept_punct(")")) return e;
      e.distinct = accept_kw("DISTINCT");
      e.args.push_back(expression());
      while (accept_punct(",")) e.args.push_back(expression());
      expect_punct(")");
      return e;
    }
    if (peek().kind != TokenKind::Word) return std::nullopt;
    const std::string name = upper(peek().text);
    if (name == "EXISTS" || (name == "NOT" && is_kw("EXISTS", 1))) {
      next();
      if (name == "NOT") next();
      e.kind = name == "NOT" ? ExprKind::NotExists : ExprKind::Exists;
      e.pattern = std::make_shared<GroupPattern>(group_graph_pattern());
      return e;
    }
    if (is_aggregate_name(name)) {
      next();
      e.kind = ExprKind::Aggregate;
      e.name = name;
      expect_punct("(");
      e.distinct = accept_kw("DISTINCT");
      if (name == "COUNT" && accept_punct("*")) {
        e.star = true;
      } else {
        e.args.push_back(expression());
      }
      if (name == "GROUP_CONCAT" && accept_punct(";")) {
        expect_kw("SEPARATOR");
        expect_punct("=");
        if (peek().kind != TokenKind::String) fail({"a string"});
        e.separator = next().text;
      }
      expect_punct(")");
      return e;
    }
    auto it = builtins().find(name);
    if (it == builtins().end()) return std::nullopt;
    next();
    e.kind = ExprKind::Call;
    e.name = name == "URI" ? "IRI" : name == "ISURI" ? "ISIRI" : name;
    const BuiltinArity arity = it->second;
    if (arity.max == 0 || (name == "BNODE" && is_punct("(") && is_punct(")", 1))) {
      expect_punct("(");
      expect_punct(")");
      return e;
    }
    if (arity.max < 0) {
      e.args = expression_list();
      return e;
    }
    expect_punct("(");
    e.args.push_back(expression());
    while (static_cast<int>(e.args.size()) < arity.max && accept_punct(",")) {
      e.args.push_back(expression());
    }
    if (static_cast<int>(e.args.size()) < arity.min) fail({"\",\""});
    expect_punct(")");
    return e;
  }

  std::string_view text_;
  std::string base_;
  mutable detail::Lexer lexer_;
  mutable std::deque<Token> tokens_;
  std::size_t i_ = 0;
  std::map<std::string, std::string> prefixes_;
  std::vector<std::pair<std::string, std::string>> prefix_order_;
  int anon_ = 0;
  int depth_ = 0;
};

}  // namespace

Query parse(std::string_view text, std::string_view base_iri) {
  return Parser(text, base_iri).parse_query();
}

}  // namespace ng::sparql::ast
