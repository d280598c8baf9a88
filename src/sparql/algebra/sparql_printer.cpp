// Algebra -> SPARQL text. The output is chosen so that parse_query translates it back to the same
// tree, up to the names of internal variables (blank nodes, path and aggregate variables).
#include <algorithm>
#include <map>
#include <string>

#include "sparql/algebra/algebra.hpp"

namespace ng::sparql {

namespace {

std::string iri_text(std::string_view iri) { return rdf::Term::iri(iri).to_ntriples(); }

// Internal variables print as blank nodes: "?_label" -> _:label, "?p0" -> _:_p0; the '#' of
// anonymous nodes ("?_#3") becomes "_h" (_:_h3).
std::string blank_label(std::string_view name) {
  const std::string label =
      name.starts_with("?_") ? std::string(name.substr(2)) : "_" + std::string(name.substr(1));
  std::string out;
  for (char c : label) {
    if (c == '#') {
      out += "_h";
    } else {
      out += c;
    }
  }
  return out;
}

std::string term_text(const rdf::Term& t) {
  if (t.is_blank()) return "_:" + blank_label("?_" + t.value);
  return t.to_ntriples();
}

std::string node_text(const TermOrVar& n) {
  if (!n.is_var()) return term_text(*n.term);
  if (is_internal_variable(n.var)) return "_:" + blank_label(n.var);
  return "?" + n.var;
}

std::string path_text(const PathExpr& p) {
  switch (p.kind) {
    case PathKind::Link:
      return iri_text(p.iri.value);
    case PathKind::Inverse:
      return "^(" + path_text(p.children.at(0)) + ")";
    case PathKind::Sequence:
      return "(" + path_text(p.children.at(0)) + "/" + path_text(p.children.at(1)) + ")";
    case PathKind::Alternative:
      return "(" + path_text(p.children.at(0)) + "|" + path_text(p.children.at(1)) + ")";
    case PathKind::ZeroOrMore:
      return "(" + path_text(p.children.at(0)) + ")*";
    case PathKind::OneOrMore:
      return "(" + path_text(p.children.at(0)) + ")+";
    case PathKind::ZeroOrOne:
      return "(" + path_text(p.children.at(0)) + ")?";
    case PathKind::NegatedPropertySet: {
      std::string out = "!(";
      bool first = true;
      for (const auto& i : p.forward) {
        out += (first ? "" : "|") + iri_text(i.value);
        first = false;
      }
      for (const auto& i : p.inverse) {
        out += (first ? "^" : "|^") + iri_text(i.value);
        first = false;
      }
      return out + ")";
    }
  }
  return "";
}

class Printer {
 public:
  std::string query(const Query& q) {
    std::string out;
    if (!q.base_iri.empty()) out += "BASE " + iri_text(q.base_iri) + "\n";
    switch (q.form) {
      case QueryForm::Select:
        out += select(q.pattern, q.from, q.from_named);
        break;
      case QueryForm::Ask:
        out += "ASK" + dataset(q) + " " + modifiers(q.pattern);
        break;
      case QueryForm::Construct: {
        out += "CONSTRUCT {";
        for (const auto& t : q.construct_template) {
          out += " " + node_text(t.subject) + " " + node_text(t.predicate) + " " +
                 node_text(t.object) + " .";
        }
        out += " }" + dataset(q) + " " + modifiers(q.pattern);
        break;
      }
      case QueryForm::Describe: {
        out += "DESCRIBE";
        if (q.describe_star) out += " *";
        for (const auto& d : q.describe) out += " " + node_text(d);
        out += dataset(q) + " " + modifiers(q.pattern);
        break;
      }
    }
    return out;
  }

 private:
  static std::string dataset(const Query& q) {
    std::string out;
    for (const auto& f : q.from) out += " FROM " + iri_text(f);
    for (const auto& f : q.from_named) out += " FROM NAMED " + iri_text(f);
    return out;
  }

  // A query body with its solution modifiers, without the SELECT clause:
  // WHERE { ... } GROUP BY ... HAVING ... ORDER BY ... LIMIT ... OFFSET ...
  // `select_items` (for SELECT) receives the projection with lifted select expressions.
  struct Chain {
    const Pattern* slice = nullptr;
    bool distinct = false;
    bool reduced = false;
    const Pattern* project = nullptr;
    const Pattern* order = nullptr;
    std::vector<const Pattern*> extends;  // top-down
    const Pattern* values = nullptr;
    const Pattern* having = nullptr;
    const Pattern* group = nullptr;
    const Pattern* where = nullptr;
  };

  static Chain chain_of(const Pattern& top, bool is_select) {
    Chain c;
    const Pattern* p = &top;
    if (p->kind == PatternKind::Slice) {
      c.slice = p;
      p = &p->children.at(0);
    }
    if (p->kind == PatternKind::Distinct) {
      c.distinct = true;
      p = &p->children.at(0);
    } else if (p->kind == PatternKind::Reduced) {
      c.reduced = true;
      p = &p->children.at(0);
    }
    if (is_select && p->kind == PatternKind::Project) {
      c.project = p;
      p = &p->children.at(0);
    }
    if (p->kind == PatternKind::OrderBy) {
      c.order = p;
      p = &p->children.at(0);
    }
    if (c.project) {
      // Lift the Extends that are select expressions: projected, in projection order.
      const auto& vars = c.project->variables;
      std::ptrdiff_t last = static_cast<std::ptrdiff_t>(vars.size());
      while (p->kind == PatternKind::Extend) {
        const auto it = std::find(vars.begin(), vars.end(), p->var);
        const std::ptrdiff_t pos = it - vars.begin();
        if (it == vars.end() || pos >= last) break;
        last = pos;
        c.extends.push_back(p);
        p = &p->children.at(0);
      }
    }
    const Pattern* below_values = p;
    if (p->kind == PatternKind::Join && p->children.at(1).kind == PatternKind::Values) {
      below_values = &p->children.at(0);
    }
    const Pattern* q = below_values;
    const Pattern* having = nullptr;
    if (q->kind == PatternKind::Filter && q->children.at(0).kind == PatternKind::Group) {
      having = q;
      q = &q->children.at(0);
    }
    if (q->kind == PatternKind::Group) {
      if (below_values != p) c.values = &p->children.at(1);
      c.having = having;
      c.group = q;
      c.where = &q->children.at(0);
    } else {
      c.where = p;
    }
    return c;
  }

  std::string select(const Pattern& top, const std::vector<std::string>& from,
                     const std::vector<std::string>& from_named) {
    const Chain c = chain_of(top, true);
    std::string out = "SELECT";
    if (c.distinct) out += " DISTINCT";
    if (c.reduced) out += " REDUCED";
    aggregates_ = c.group ? &c.group->aggregates : nullptr;
    if (c.project == nullptr || c.project->variables.empty()) {
      out += " *";
    } else {
      for (const auto& v : c.project->variables) {
        const auto it = std::find_if(c.extends.begin(), c.extends.end(),
                                     [&](const Pattern* e) { return e->var == v; });
        if (it != c.extends.end()) {
          out += " (" + expr((*it)->expr) + " AS ?" + v + ")";
        } else {
          out += " ?" + v;
        }
      }
    }
    for (const auto& f : from) out += " FROM " + iri_text(f);
    for (const auto& f : from_named) out += " FROM NAMED " + iri_text(f);
    return out + " " + rest(c);
  }

  std::string modifiers(const Pattern& top) {
    const Chain c = chain_of(top, false);
    aggregates_ = c.group ? &c.group->aggregates : nullptr;
    return rest(c);
  }

  std::string rest(const Chain& c) {
    const auto* saved = aggregates_;
    aggregates_ = nullptr;
    std::string out = "WHERE " + group_text(*c.where);
    aggregates_ = saved;
    if (c.group) {
      if (!c.group->group_keys.empty()) out += " GROUP BY";
      for (const auto& k : c.group->group_keys) {
        if (k.expr.kind == ExprKind::Var && k.var == k.expr.var) {
          out += " ?" + k.expr.var;
        } else if (k.var) {
          out += " (" + expr(k.expr) + " AS ?" + *k.var + ")";
        } else {
          out += " (" + expr(k.expr) + ")";
        }
      }
      if (c.having) {
        out += " HAVING";
        for (const auto& e : c.having->exprs) out += " (" + expr(e) + ")";
      }
    }
    if (c.order) {
      out += " ORDER BY";
      for (const auto& o : c.order->order) {
        out += std::string(o.ascending ? " ASC(" : " DESC(") + expr(o.expr) + ")";
      }
    }
    if (c.slice) {
      if (c.slice->limit) out += " LIMIT " + std::to_string(*c.slice->limit);
      // A Slice without a limit still needs one of the two clauses to exist.
      if (c.slice->offset || !c.slice->limit) {
        out += " OFFSET " + std::to_string(c.slice->offset);
      }
    }
    if (c.values) out += " " + values(*c.values);
    aggregates_ = nullptr;
    return out;
  }

  static std::string values(const Pattern& v) {
    std::string out = "VALUES (";
    for (const auto& var : v.variables) out += " ?" + var;
    out += " ) {";
    for (const auto& row : v.rows) {
      out += " (";
      for (const auto& cell : row) out += " " + (cell ? term_text(*cell) : std::string("UNDEF"));
      out += " )";
    }
    return out + " }";
  }

  // ---- graph patterns ----
  // "{ ... }" that translates back to exactly `p`.
  std::string group_text(const Pattern& p) { return "{ " + body(p) + " }"; }

  // A left-deep Join chain of Bgp and Path patterns without two adjacent Bgps: what one triples
  // block translates to (§18.2.2.4), so it can print as one.
  static bool is_triples_like(const Pattern& p) {
    if (p.kind == PatternKind::Bgp) return !p.triples.empty();
    if (p.kind == PatternKind::Path) return true;
    if (p.kind != PatternKind::Join) return false;
    const Pattern& left = p.children.at(0);
    const Pattern& right = p.children.at(1);
    if (right.kind == PatternKind::Join || !is_triples_like(right) || !is_triples_like(left)) {
      return false;
    }
    return !(last_leaf(left).kind == PatternKind::Bgp && right.kind == PatternKind::Bgp);
  }
  static const Pattern& last_leaf(const Pattern& p) {
    return p.kind == PatternKind::Join ? last_leaf(p.children.at(1)) : p;
  }

  // Triples and paths of one triples block (a Join chain of Bgp and Path without adjacent Bgps).
  static std::string triples_text(const Pattern& p) {
    if (p.kind == PatternKind::Join) {
      return triples_text(p.children.at(0)) + " " + triples_text(p.children.at(1));
    }
    if (p.kind == PatternKind::Path) {
      return node_text(p.subject) + " " + path_text(p.path) + " " + node_text(p.object) + " .";
    }
    std::string out;
    for (const auto& t : p.triples) {
      out += (out.empty() ? "" : " ") + node_text(t.subject) + " " + node_text(t.predicate) + " " +
             node_text(t.object) + " .";
    }
    return out;
  }

  static bool is_subselect(const Pattern& p) {
    return p.kind == PatternKind::Project || p.kind == PatternKind::Distinct ||
           p.kind == PatternKind::Reduced || p.kind == PatternKind::Slice;
  }

  // Text of a group element that joins `p` to what precedes it.
  std::string element(const Pattern& p) {
    switch (p.kind) {
      case PatternKind::Union:
        return group_text(p.children.at(0)) + " UNION " + group_text(p.children.at(1));
      case PatternKind::Graph:
        return "GRAPH " + node_text(p.name) + " " + group_text(p.children.at(0));
      case PatternKind::Service:
        return std::string("SERVICE ") + (p.silent ? "SILENT " : "") + node_text(p.name) + " " +
               group_text(p.children.at(0));
      case PatternKind::Values:
        return values(p);
      default:
        if (is_subselect(p)) return "{ " + select(p, {}, {}) + " }";
        return group_text(p);
    }
  }

  // The inside of a group that translates to `p`.
  std::string body(const Pattern& p) {
    if (p.kind == PatternKind::Bgp && p.triples.empty()) return "";
    if (is_triples_like(p)) return triples_text(p);
    switch (p.kind) {
      case PatternKind::Filter: {
        const Pattern& inner = p.children.at(0);
        // A Filter directly inside would merge its expressions with ours: keep it a group.
        std::string out = inner.kind == PatternKind::Filter ? group_text(inner) : body(inner);
        for (const auto& e : p.exprs) out += " FILTER(" + expr(e) + ")";
        return out;
      }
      case PatternKind::Join: {
        // Triples on the right would merge into a triples block on the left: group them.
        const Pattern& right = p.children.at(1);
        return prefix(p.children.at(0)) + " " +
               (is_triples_like(right) ? group_text(right) : element(right));
      }
      case PatternKind::LeftJoin: {
        const Pattern& right = p.children.at(1);
        std::string inner = right.kind == PatternKind::Filter ? group_text(right) : body(right);
        for (const auto& e : p.exprs) inner += " FILTER(" + expr(e) + ")";
        return prefix(p.children.at(0)) + " OPTIONAL { " + inner + " }";
      }
      case PatternKind::Minus:
        return prefix(p.children.at(0)) + " MINUS " + group_text(p.children.at(1));
      case PatternKind::Extend:
        return prefix(p.children.at(0)) + " BIND(" + expr(p.expr) + " AS ?" + p.var + ")";
      default:
        return element(p);
    }
  }

  // Text of group elements so far that translate to `p`, before further elements.
  std::string prefix(const Pattern& p) {
    if (p.kind == PatternKind::Bgp && p.triples.empty()) return "";
    switch (p.kind) {
      case PatternKind::Join:
      case PatternKind::LeftJoin:
      case PatternKind::Minus:
      case PatternKind::Extend:
      case PatternKind::Bgp:
      case PatternKind::Path:
        return body(p);
      case PatternKind::Filter:
        return group_text(p);
      default:
        return element(p);
    }
  }

  // ---- expressions ----
  std::string expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Constant:
        return term_text(e.constant);
      case ExprKind::Var: {
        if (aggregates_ != nullptr) {
          for (const auto& b : *aggregates_) {
            if (b.var == e.var) return expr(b.aggregate);
          }
        }
        return "?" + e.var;
      }
      case ExprKind::Call:
        return call(e);
      case ExprKind::FunctionCall: {
        std::string out = iri_text(e.iri) + "(";
        if (e.distinct) out += "DISTINCT ";
        return out + args(e.args) + ")";
      }
      case ExprKind::Exists:
        return "EXISTS " + group_text(*e.pattern);
      case ExprKind::NotExists:
        return "NOT EXISTS " + group_text(*e.pattern);
      case ExprKind::Aggregate: {
        std::string name(aggregate_name(e.aggregate));
        for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::string out = name + "(" + (e.distinct ? "DISTINCT " : "");
        out += e.star ? "*" : args(e.args);
        if (e.aggregate == AggregateOp::GroupConcat && e.separator != " ") {
          out += "; SEPARATOR=" + rdf::Term::literal(e.separator).to_ntriples();
        }
        return out + ")";
      }
    }
    return "";
  }

  std::string args(const std::vector<Expr>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + expr(list[i]);
    return out;
  }

  std::string call(const Expr& e) {
    switch (e.op) {
      case Op::Or:
      case Op::And:
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::Greater:
      case Op::LessOrEqual:
      case Op::GreaterOrEqual:
      case Op::Plus:
      case Op::Minus:
      case Op::Multiply:
      case Op::Divide:
        return "(" + expr(e.args.at(0)) + " " + std::string(op_name(e.op)) + " " +
               expr(e.args.at(1)) + ")";
      case Op::UnaryPlus:
        return "+(" + expr(e.args.at(0)) + ")";
      case Op::UnaryMinus:
        return "-(" + expr(e.args.at(0)) + ")";
      case Op::Not:
        return "!(" + expr(e.args.at(0)) + ")";
      case Op::In:
      case Op::NotIn: {
        std::vector<Expr> rest(e.args.begin() + 1, e.args.end());
        return "(" + expr(e.args.at(0)) + (e.op == Op::In ? " IN (" : " NOT IN (") + args(rest) +
               "))";
      }
      default: {
        std::string name(op_name(e.op));
        for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        return name + "(" + args(e.args) + ")";
      }
    }
  }

  const std::vector<AggregateBinding>* aggregates_ = nullptr;
};

}  // namespace

std::string to_sparql(const Query& query) { return Printer().query(query); }

}  // namespace ng::sparql
