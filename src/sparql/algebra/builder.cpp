// Syntax tree -> algebra: https://www.w3.org/TR/sparql11-query/#sparqlQuery (§18.2), with the
// static checks of §18.2.1 (variable scope) and §18.2.4.1 (grouping) that make a query invalid.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "sparql/algebra/query.hpp"
#include "sparql/parser/ast.hpp"

namespace ng::sparql {

namespace {

const std::map<std::string, Op>& op_table() {
  static const std::map<std::string, Op> table = {
      {"||", Op::Or},
      {"&&", Op::And},
      {"=", Op::Equal},
      {"!=", Op::NotEqual},
      {"<", Op::Less},
      {">", Op::Greater},
      {"<=", Op::LessOrEqual},
      {">=", Op::GreaterOrEqual},
      {"+", Op::Plus},
      {"-", Op::Minus},
      {"*", Op::Multiply},
      {"/", Op::Divide},
      {"u+", Op::UnaryPlus},
      {"u-", Op::UnaryMinus},
      {"!", Op::Not},
      {"IN", Op::In},
      {"NOT IN", Op::NotIn},
      {"BOUND", Op::Bound},
      {"IF", Op::If},
      {"COALESCE", Op::Coalesce},
      {"SAMETERM", Op::SameTerm},
      {"ISIRI", Op::IsIri},
      {"ISBLANK", Op::IsBlank},
      {"ISLITERAL", Op::IsLiteral},
      {"ISNUMERIC", Op::IsNumeric},
      {"STR", Op::Str},
      {"LANG", Op::Lang},
      {"DATATYPE", Op::Datatype},
      {"IRI", Op::Iri},
      {"BNODE", Op::Bnode},
      {"STRDT", Op::StrDt},
      {"STRLANG", Op::StrLang},
      {"UUID", Op::Uuid},
      {"STRUUID", Op::StrUuid},
      {"STRLEN", Op::StrLen},
      {"SUBSTR", Op::SubStr},
      {"UCASE", Op::UCase},
      {"LCASE", Op::LCase},
      {"STRSTARTS", Op::StrStarts},
      {"STRENDS", Op::StrEnds},
      {"CONTAINS", Op::Contains},
      {"STRBEFORE", Op::StrBefore},
      {"STRAFTER", Op::StrAfter},
      {"ENCODE_FOR_URI", Op::EncodeForUri},
      {"CONCAT", Op::Concat},
      {"LANGMATCHES", Op::LangMatches},
      {"REGEX", Op::Regex},
      {"REPLACE", Op::Replace},
      {"ABS", Op::Abs},
      {"ROUND", Op::Round},
      {"CEIL", Op::Ceil},
      {"FLOOR", Op::Floor},
      {"RAND", Op::Rand},
      {"NOW", Op::Now},
      {"YEAR", Op::Year},
      {"MONTH", Op::Month},
      {"DAY", Op::Day},
      {"HOURS", Op::Hours},
      {"MINUTES", Op::Minutes},
      {"SECONDS", Op::Seconds},
      {"TIMEZONE", Op::Timezone},
      {"TZ", Op::Tz},
      {"MD5", Op::Md5},
      {"SHA1", Op::Sha1},
      {"SHA256", Op::Sha256},
      {"SHA384", Op::Sha384},
      {"SHA512", Op::Sha512},
  };
  return table;
}

const std::map<std::string, AggregateOp>& aggregate_table() {
  static const std::map<std::string, AggregateOp> table = {
      {"COUNT", AggregateOp::Count},
      {"SUM", AggregateOp::Sum},
      {"MIN", AggregateOp::Min},
      {"MAX", AggregateOp::Max},
      {"AVG", AggregateOp::Avg},
      {"SAMPLE", AggregateOp::Sample},
      {"GROUP_CONCAT", AggregateOp::GroupConcat},
  };
  return table;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Aggregates met while translating SELECT / HAVING / ORDER BY expressions (§18.2.4.1).
struct AggregateCollector {
  std::vector<AggregateBinding> bindings;
};

// Variables an expression mentions outside aggregates, with their positions.
void free_variables(const ast::Expr& e, std::vector<std::pair<std::string, SourcePos>>& out) {
  if (e.kind == ast::ExprKind::Var) out.emplace_back(e.var, e.pos);
  if (e.kind == ast::ExprKind::Aggregate) return;
  for (const auto& a : e.args) free_variables(a, out);
}

class Builder {
 public:
  Query build(const ast::Query& q) {
    Query out;
    out.base_iri = q.base_iri;
    out.prefixes = q.prefixes;
    out.from = q.from;
    out.from_named = q.from_named;
    switch (q.form) {
      case ast::Form::Select:
        out.form = QueryForm::Select;
        break;
      case ast::Form::Construct:
        out.form = QueryForm::Construct;
        break;
      case ast::Form::Ask:
        out.form = QueryForm::Ask;
        break;
      case ast::Form::Describe:
        out.form = QueryForm::Describe;
        break;
    }
    out.pattern = query_pattern(q, out.variables);
    out.select_star = q.form == ast::Form::Select && q.star;
    if (q.form == ast::Form::Construct) {
      for (const auto& t : q.construct_template) {
        TriplePattern tp;
        tp.subject = template_node(t.subject);
        tp.predicate =
            t.predicate_is_var ? template_node(t.predicate_var) : TermOrVar::constant(t.path.iri);
        tp.object = template_node(t.object);
        out.construct_template.push_back(std::move(tp));
      }
    }
    if (q.form == ast::Form::Describe) {
      out.describe_star = q.star;
      if (!q.star) {
        out.variables.clear();
        for (const auto& n : q.describe) {
          out.describe.push_back(node(n));
          if (n.is_var && !contains(out.variables, n.var)) out.variables.push_back(n.var);
        }
      }
    }
    return out;
  }

 private:
  // ---- nodes ----
  TermOrVar node(const ast::Node& n) {
    if (n.is_var) return TermOrVar::variable(n.var);
    if (n.term.is_blank()) return TermOrVar::variable("?_" + n.term.value);
    return TermOrVar::constant(n.term);
  }

  TermOrVar template_node(const ast::Node& n) {
    if (n.is_var) return TermOrVar::variable(n.var);
    return TermOrVar::constant(n.term);
  }

  // A _:label names one node within one basic graph pattern only (§4.1.4).
  void check_blank_scope(const ast::Node& n, int bgp) {
    if (n.is_var || !n.term.is_blank() || n.term.value.starts_with("#")) return;
    auto [it, inserted] = blank_bgp_.emplace(n.term.value, bgp);
    if (!inserted && it->second != bgp) {
      throw SyntaxError(n.pos, "blank node label \"_:" + n.term.value +
                                   "\" is used in more than one basic graph pattern");
    }
  }

  // ---- property paths (§18.2.2.4) ----
  PathExpr path_expr(const ast::Path& p) {
    PathExpr out;
    switch (p.kind) {
      case ast::PathKind::Link:
        out.kind = PathKind::Link;
        out.iri = p.iri;
        return out;
      case ast::PathKind::Nps:
        out.kind = PathKind::NegatedPropertySet;
        out.forward = p.forward;
        out.inverse = p.inverse;
        return out;
      case ast::PathKind::Sequence:
      case ast::PathKind::Alternative: {
        const PathKind kind =
            p.kind == ast::PathKind::Sequence ? PathKind::Sequence : PathKind::Alternative;
        out = path_expr(p.children.at(0));
        for (std::size_t k = 1; k < p.children.size(); ++k) {
          PathExpr bin;
          bin.kind = kind;
          bin.children.push_back(std::move(out));
          bin.children.push_back(path_expr(p.children[k]));
          out = std::move(bin);
        }
        return out;
      }
      case ast::PathKind::Inverse:
        out.kind = PathKind::Inverse;
        break;
      case ast::PathKind::ZeroOrMore:
        out.kind = PathKind::ZeroOrMore;
        break;
      case ast::PathKind::OneOrMore:
        out.kind = PathKind::OneOrMore;
        break;
      case ast::PathKind::ZeroOrOne:
        out.kind = PathKind::ZeroOrOne;
        break;
    }
    out.children.push_back(path_expr(p.children.at(0)));
    return out;
  }

  // Appends the translation of `s path o` to `pieces` (runs of triples become one Bgp).
  void translate_path(const TermOrVar& s, const ast::Path& p, const TermOrVar& o,
                      std::vector<Pattern>& pieces) {
    switch (p.kind) {
      case ast::PathKind::Link:
        if (pieces.empty() || pieces.back().kind != PatternKind::Bgp) {
          pieces.push_back(Pattern::bgp());
        }
        pieces.back().triples.push_back(TriplePattern{s, TermOrVar::constant(p.iri), o});
        return;
      case ast::PathKind::Inverse:
        translate_path(o, p.children.at(0), s, pieces);
        return;
      case ast::PathKind::Sequence: {
        TermOrVar from = s;
        for (std::size_t k = 0; k < p.children.size(); ++k) {
          TermOrVar to = k + 1 == p.children.size()
                             ? o
                             : TermOrVar::variable("?p" + std::to_string(path_var_++));
          translate_path(from, p.children[k], to, pieces);
          from = to;
        }
        return;
      }
      default: {
        Pattern path;
        path.kind = PatternKind::Path;
        path.subject = s;
        path.path = path_expr(p);
        path.object = o;
        pieces.push_back(std::move(path));
        return;
      }
    }
  }

  Pattern triples_block(const std::vector<ast::Triple>& triples, int bgp) {
    std::vector<Pattern> pieces;
    for (const auto& t : triples) {
      check_blank_scope(t.subject, bgp);
      check_blank_scope(t.object, bgp);
      const TermOrVar s = node(t.subject);
      const TermOrVar o = node(t.object);
      if (t.predicate_is_var) {
        if (pieces.empty() || pieces.back().kind != PatternKind::Bgp) {
          pieces.push_back(Pattern::bgp());
        }
        pieces.back().triples.push_back(TriplePattern{s, node(t.predicate_var), o});
      } else {
        translate_path(s, t.path, o, pieces);
      }
    }
    Pattern out = Pattern::bgp();
    for (auto& p : pieces) out = join(std::move(out), std::move(p));
    return out;
  }

  static bool is_unit(const Pattern& p) { return p.kind == PatternKind::Bgp && p.triples.empty(); }

  // Join with the §18.2.2.8 simplification Join(Z, A) = A = Join(A, Z).
  static Pattern join(Pattern left, Pattern right) {
    if (is_unit(left)) return right;
    if (is_unit(right)) return left;
    return Pattern::binary(PatternKind::Join, std::move(left), std::move(right));
  }

  // ---- group graph patterns (§18.2.2.5-7) ----
  // `own_filter` is set when the result is a Filter made of this group's own FILTERs (rather
  // than one that the Join(Z, A) simplification brought up from a nested group).
  Pattern group(const ast::GroupPattern& g, bool* own_filter = nullptr) {
    if (own_filter) *own_filter = false;
    std::vector<Expr> filters;
    Pattern G = Pattern::bgp();
    int bgp = -1;
    bool in_bgp_run = false;  // triples and filters only since the last triples block
    for (const auto& e : g.elements) {
      if (e.kind != ast::ElementKind::Triples && e.kind != ast::ElementKind::Filter) {
        in_bgp_run = false;
      }
      switch (e.kind) {
        case ast::ElementKind::Triples: {
          if (!in_bgp_run) bgp = next_bgp_++;
          in_bgp_run = true;
          Pattern p = triples_block(e.triples, bgp);
          // Adjacent triple blocks (only FILTERs between them) form one BGP.
          if (G.kind == PatternKind::Bgp && p.kind == PatternKind::Bgp) {
            G.triples.insert(G.triples.end(), p.triples.begin(), p.triples.end());
          } else {
            G = join(std::move(G), std::move(p));
          }
          break;
        }
        case ast::ElementKind::Filter:
          filters.push_back(expr(e.expr, nullptr));
          break;
        case ast::ElementKind::Optional: {
          // OPTIONAL { P FILTER(F) } is LeftJoin(G, P, F); OPTIONAL { { P FILTER(F) } } is not
          // (test dawg-optional-filter-005-not-simplified).
          bool inner_filter = false;
          Pattern a = group(e.groups.at(0), &inner_filter);
          Pattern lj;
          lj.kind = PatternKind::LeftJoin;
          lj.children.push_back(std::move(G));
          if (inner_filter) {
            lj.exprs = std::move(a.exprs);
            lj.children.push_back(std::move(a.children.at(0)));
          } else {
            lj.children.push_back(std::move(a));
          }
          G = std::move(lj);
          break;
        }
        case ast::ElementKind::Minus:
          G = Pattern::binary(PatternKind::Minus, std::move(G), group(e.groups.at(0)));
          break;
        case ast::ElementKind::Group:
          G = join(std::move(G), group(e.groups.at(0)));
          break;
        case ast::ElementKind::Union: {
          Pattern u = group(e.groups.at(0));
          for (std::size_t k = 1; k < e.groups.size(); ++k) {
            u = Pattern::binary(PatternKind::Union, std::move(u), group(e.groups[k]));
          }
          G = join(std::move(G), std::move(u));
          break;
        }
        case ast::ElementKind::Graph:
        case ast::ElementKind::Service: {
          Pattern p = Pattern::unary(
              e.kind == ast::ElementKind::Graph ? PatternKind::Graph : PatternKind::Service,
              group(e.groups.at(0)));
          p.name = node(e.name);
          p.silent = e.silent;
          G = join(std::move(G), std::move(p));
          break;
        }
        case ast::ElementKind::Bind: {
          if (contains(in_scope_variables(G), e.var)) {
            throw SyntaxError(
                e.var_pos, "BIND assigns ?" + e.var + ", which is already in scope in this group");
          }
          Pattern ext = Pattern::unary(PatternKind::Extend, std::move(G));
          ext.var = e.var;
          ext.expr = expr(e.expr, nullptr);
          G = std::move(ext);
          break;
        }
        case ast::ElementKind::Values:
          G = join(std::move(G), values(e.values));
          break;
        case ast::ElementKind::SubSelect: {
          std::vector<std::string> vars;
          G = join(std::move(G), query_pattern(*e.subquery, vars));
          break;
        }
      }
    }
    if (!filters.empty()) {
      Pattern f = Pattern::unary(PatternKind::Filter, std::move(G));
      f.exprs = std::move(filters);
      G = std::move(f);
      if (own_filter) *own_filter = true;
    }
    return G;
  }

  static Pattern values(const ast::ValuesBlock& v) {
    Pattern p;
    p.kind = PatternKind::Values;
    p.variables = v.vars;
    p.rows = v.rows;
    return p;
  }

  // ---- expressions ----
  // `agg` is where aggregates go; null where they are not allowed.
  Expr expr(const ast::Expr& e, AggregateCollector* agg) {
    switch (e.kind) {
      case ast::ExprKind::Term:
        return Expr::make_constant(e.term);
      case ast::ExprKind::Var:
        return Expr::make_var(e.var);
      case ast::ExprKind::Call: {
        std::vector<Expr> args;
        for (const auto& a : e.args) args.push_back(expr(a, agg));
        return Expr::make_call(op_table().at(e.name), std::move(args));
      }
      case ast::ExprKind::Function: {
        std::vector<Expr> args;
        for (const auto& a : e.args) args.push_back(expr(a, agg));
        Expr out = Expr::make_function(e.iri, std::move(args));
        out.distinct = e.distinct;
        return out;
      }
      case ast::ExprKind::Exists:
      case ast::ExprKind::NotExists: {
        Expr out;
        out.kind = e.kind == ast::ExprKind::Exists ? ExprKind::Exists : ExprKind::NotExists;
        out.pattern = std::make_shared<const Pattern>(group(*e.pattern));
        return out;
      }
      case ast::ExprKind::Aggregate: {
        if (in_aggregate_) throw SyntaxError(e.pos, "aggregates cannot be nested");
        if (agg == nullptr) {
          throw SyntaxError(
              e.pos, "aggregate " + e.name + " is only allowed in SELECT, HAVING and ORDER BY");
        }
        Expr a;
        a.kind = ExprKind::Aggregate;
        a.aggregate = aggregate_table().at(e.name);
        a.distinct = e.distinct;
        a.star = e.star;
        if (e.separator) a.separator = *e.separator;
        in_aggregate_ = true;
        for (const auto& x : e.args) a.args.push_back(expr(x, nullptr));
        in_aggregate_ = false;
        for (const auto& b : agg->bindings) {
          if (b.aggregate == a) return Expr::make_var(b.var);
        }
        std::string var = "?a" + std::to_string(agg_var_++);
        agg->bindings.push_back(AggregateBinding{var, std::move(a)});
        return Expr::make_var(var);
      }
    }
    return {};
  }

  // ---- a (sub)query with its solution modifiers (§18.2.4, §18.2.5) ----
  Pattern query_pattern(const ast::Query& q, std::vector<std::string>& projected) {
    Pattern G = q.has_where ? group(q.where) : Pattern::bgp();

    AggregateCollector agg;
    std::vector<std::pair<const ast::SelectItem*, Expr>> select_exprs;
    for (const auto& item : q.select) {
      if (item.expr) select_exprs.emplace_back(&item, expr(*item.expr, &agg));
    }
    std::vector<Expr> having;
    for (const auto& h : q.having) having.push_back(expr(h, &agg));
    std::vector<OrderCondition> order;
    for (const auto& o : q.order_by)
      order.push_back(OrderCondition{expr(o.expr, &agg), o.ascending});

    const bool grouped = !q.group_by.empty() || !agg.bindings.empty() || !q.having.empty();
    if (grouped) {
      if (q.star && q.form == ast::Form::Select) {
        throw SyntaxError(q.star_pos,
                          "SELECT * is not allowed in a query with GROUP BY or aggregates");
      }
      Pattern group_p = Pattern::unary(PatternKind::Group, std::move(G));
      std::vector<std::string> keys;
      for (const auto& c : q.group_by) {
        GroupKey k;
        k.expr = expr(c.expr, nullptr);
        k.var = c.var;
        const bool plain_var = c.expr.kind == ast::ExprKind::Var;
        // GROUP BY (?x) groups by ?x just as GROUP BY ?x does.
        if (!k.var && plain_var) k.var = c.expr.var;
        if (k.var) {
          if (!(plain_var && c.expr.var == *k.var) &&
              contains(in_scope_variables(group_p.children.at(0)), *k.var)) {
            throw SyntaxError(c.pos, "GROUP BY assigns ?" + *k.var + ", which is already in scope");
          }
          keys.push_back(*k.var);
        }
        group_p.group_keys.push_back(std::move(k));
      }
      group_p.aggregates = agg.bindings;
      G = std::move(group_p);
      // §18.2.4.1: only group keys, aggregates and earlier select expressions may be used.
      std::vector<std::string> visible = keys;
      for (const auto& item : q.select) {
        if (item.expr) {
          std::vector<std::pair<std::string, SourcePos>> used;
          free_variables(*item.expr, used);
          for (const auto& [v, pos] : used) {
            if (!contains(visible, v)) {
              throw SyntaxError(pos, "variable ?" + v + " is neither grouped nor aggregated");
            }
          }
        } else if (!contains(visible, item.var)) {
          throw SyntaxError(item.pos, "variable ?" + item.var + " is not a GROUP BY key");
        }
        visible.push_back(item.var);
      }
    }
    if (!having.empty()) {
      Pattern f = Pattern::unary(PatternKind::Filter, std::move(G));
      f.exprs = std::move(having);
      G = std::move(f);
    }
    if (q.values) G = join(std::move(G), values(*q.values));

    if (q.star) {
      // SELECT *: the in-scope variables, in the order they first appear in the text.
      std::map<std::string, std::uint32_t> first;
      first_positions(q, first);
      for (const auto& v : in_scope_variables(G)) {
        if (!is_internal_variable(v)) projected.push_back(v);
      }
      std::stable_sort(projected.begin(), projected.end(),
                       [&](const std::string& a, const std::string& b) {
                         const auto ia = first.find(a);
                         const auto ib = first.find(b);
                         const std::uint32_t pa = ia == first.end() ? UINT32_MAX : ia->second;
                         const std::uint32_t pb = ib == first.end() ? UINT32_MAX : ib->second;
                         return pa < pb;
                       });
    }
    // Select expressions (§18.2.4.4): the variable must be new.
    const std::vector<std::string> in_scope = in_scope_variables(G);
    std::set<std::string> scope(in_scope.begin(), in_scope.end());
    std::set<std::string> projected_set(projected.begin(), projected.end());
    std::size_t next_expr = 0;
    for (const auto& item : q.select) {
      if (item.expr) {
        if (scope.count(item.var) != 0) {
          throw SyntaxError(item.pos, "?" + item.var + " is already in scope or projected");
        }
        Pattern ext = Pattern::unary(PatternKind::Extend, std::move(G));
        ext.var = item.var;
        ext.expr = std::move(select_exprs.at(next_expr++).second);
        G = std::move(ext);
      }
      scope.insert(item.var);
      if (projected_set.insert(item.var).second) projected.push_back(item.var);
    }
    if (!order.empty()) {
      Pattern o = Pattern::unary(PatternKind::OrderBy, std::move(G));
      o.order = std::move(order);
      G = std::move(o);
    }
    if (q.form == ast::Form::Select) {
      Pattern p = Pattern::unary(PatternKind::Project, std::move(G));
      p.variables = projected;
      G = std::move(p);
    }
    if (q.distinct) G = Pattern::unary(PatternKind::Distinct, std::move(G));
    if (q.reduced) G = Pattern::unary(PatternKind::Reduced, std::move(G));
    if (q.limit || q.offset) {
      Pattern s = Pattern::unary(PatternKind::Slice, std::move(G));
      s.offset = q.offset.value_or(0);
      s.limit = q.limit;
      G = std::move(s);
    }
    return G;
  }

  // Byte offset of the first occurrence of each variable in a pattern position, BIND, VALUES,
  // sub-SELECT projection or (expr AS ?v), for ordering SELECT *.
  static void note(std::map<std::string, std::uint32_t>& first, const std::string& var,
                   const SourcePos& pos) {
    auto [it, inserted] = first.emplace(var, pos.offset);
    if (!inserted && pos.offset < it->second) it->second = pos.offset;
  }
  static void note(std::map<std::string, std::uint32_t>& first, const ast::Node& n) {
    if (n.is_var) note(first, n.var, n.pos);
  }
  static void first_positions(const ast::GroupPattern& g,
                              std::map<std::string, std::uint32_t>& first) {
    for (const auto& e : g.elements) {
      for (const auto& t : e.triples) {
        note(first, t.subject);
        if (t.predicate_is_var) note(first, t.predicate_var);
        note(first, t.object);
      }
      for (const auto& sub : e.groups) first_positions(sub, first);
      if (e.kind == ast::ElementKind::Graph || e.kind == ast::ElementKind::Service) {
        note(first, e.name);
      }
      if (e.kind == ast::ElementKind::Bind) note(first, e.var, e.var_pos);
      if (e.kind == ast::ElementKind::Values) {
        for (const auto& v : e.values.vars) note(first, v, e.values.pos);
      }
      if (e.kind == ast::ElementKind::SubSelect) first_positions(*e.subquery, first);
    }
  }
  static void first_positions(const ast::Query& q, std::map<std::string, std::uint32_t>& first) {
    first_positions(q.where, first);
    for (const auto& item : q.select) note(first, item.var, item.pos);
    for (const auto& c : q.group_by) {
      if (c.var) note(first, *c.var, c.pos);
    }
    if (q.values) {
      for (const auto& v : q.values->vars) note(first, v, q.values->pos);
    }
  }

  std::map<std::string, int> blank_bgp_;
  bool in_aggregate_ = false;
  int next_bgp_ = 0;
  int path_var_ = 0;
  int agg_var_ = 0;
};

}  // namespace

Query parse_query(std::string_view text, std::string_view base_iri) {
  const ast::Query syntax = ast::parse(text, base_iri);
  return Builder().build(syntax);
}

}  // namespace ng::sparql
