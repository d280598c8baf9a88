#include "sparql/algebra/algebra.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "rdf/vocab.hpp"

namespace ng::sparql {

bool is_blank_variable(std::string_view name) { return name.starts_with("?_"); }
bool is_internal_variable(std::string_view name) { return name.starts_with("?"); }

Expr Expr::make_constant(rdf::Term t) {
  Expr e;
  e.kind = ExprKind::Constant;
  e.constant = std::move(t);
  return e;
}

Expr Expr::make_var(std::string name) {
  Expr e;
  e.kind = ExprKind::Var;
  e.var = std::move(name);
  return e;
}

Expr Expr::make_call(Op op, std::vector<Expr> args) {
  Expr e;
  e.kind = ExprKind::Call;
  e.op = op;
  e.args = std::move(args);
  return e;
}

Expr Expr::make_function(std::string iri, std::vector<Expr> args) {
  Expr e;
  e.kind = ExprKind::FunctionCall;
  e.iri = std::move(iri);
  e.args = std::move(args);
  return e;
}

bool operator==(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.constant != b.constant || a.var != b.var || a.op != b.op ||
      a.iri != b.iri || a.args != b.args || a.aggregate != b.aggregate ||
      a.distinct != b.distinct || a.star != b.star || a.separator != b.separator) {
    return false;
  }
  if (a.pattern == b.pattern) return true;
  if (!a.pattern || !b.pattern) return false;
  return *a.pattern == *b.pattern;
}

Pattern Pattern::bgp(std::vector<TriplePattern> triples) {
  Pattern p;
  p.kind = PatternKind::Bgp;
  p.triples = std::move(triples);
  return p;
}

Pattern Pattern::unary(PatternKind kind, Pattern child) {
  Pattern p;
  p.kind = kind;
  p.children.push_back(std::move(child));
  return p;
}

Pattern Pattern::binary(PatternKind kind, Pattern left, Pattern right) {
  Pattern p;
  p.kind = kind;
  p.children.push_back(std::move(left));
  p.children.push_back(std::move(right));
  return p;
}

namespace {

// The variables in order of first appearance, with a set for the membership test.
struct VarList {
  std::vector<std::string> order;
  std::unordered_set<std::string> seen;
};

void add_var(VarList& out, const std::string& name) {
  if (name.empty()) return;
  if (out.seen.insert(name).second) out.order.push_back(name);
}

void add_node(VarList& out, const TermOrVar& node) {
  if (node.is_var()) add_var(out, node.var);
}

void collect_scope(const Pattern& p, VarList& out) {
  switch (p.kind) {
    case PatternKind::Bgp:
      for (const auto& t : p.triples) {
        add_node(out, t.subject);
        add_node(out, t.predicate);
        add_node(out, t.object);
      }
      return;
    case PatternKind::Path:
      add_node(out, p.subject);
      add_node(out, p.object);
      return;
    case PatternKind::Graph:
    case PatternKind::Service:
      add_node(out, p.name);
      collect_scope(p.children.at(0), out);
      return;
    case PatternKind::Extend:
      collect_scope(p.children.at(0), out);
      add_var(out, p.var);
      return;
    case PatternKind::Minus:
      collect_scope(p.children.at(0), out);
      return;
    case PatternKind::Values:
    case PatternKind::Project:
      for (const auto& v : p.variables) add_var(out, v);
      return;
    case PatternKind::Group:
      for (const auto& k : p.group_keys) {
        if (k.var) add_var(out, *k.var);
      }
      for (const auto& a : p.aggregates) add_var(out, a.var);
      return;
    default:
      for (const auto& c : p.children) collect_scope(c, out);
      return;
  }
}

}  // namespace

std::vector<std::string> in_scope_variables(const Pattern& pattern) {
  VarList out;
  collect_scope(pattern, out);
  return std::move(out.order);
}

std::string_view op_name(Op op) {
  switch (op) {
    case Op::Or:
      return "||";
    case Op::And:
      return "&&";
    case Op::Equal:
      return "=";
    case Op::NotEqual:
      return "!=";
    case Op::Less:
      return "<";
    case Op::Greater:
      return ">";
    case Op::LessOrEqual:
      return "<=";
    case Op::GreaterOrEqual:
      return ">=";
    case Op::Plus:
      return "+";
    case Op::Minus:
      return "-";
    case Op::Multiply:
      return "*";
    case Op::Divide:
      return "/";
    case Op::UnaryPlus:
      return "+";
    case Op::UnaryMinus:
      return "-";
    case Op::Not:
      return "!";
    case Op::In:
      return "in";
    case Op::NotIn:
      return "notin";
    case Op::Bound:
      return "bound";
    case Op::If:
      return "if";
    case Op::Coalesce:
      return "coalesce";
    case Op::SameTerm:
      return "sameTerm";
    case Op::IsIri:
      return "isIRI";
    case Op::IsBlank:
      return "isBlank";
    case Op::IsLiteral:
      return "isLiteral";
    case Op::IsNumeric:
      return "isNumeric";
    case Op::Str:
      return "str";
    case Op::Lang:
      return "lang";
    case Op::Datatype:
      return "datatype";
    case Op::Iri:
      return "iri";
    case Op::Bnode:
      return "bnode";
    case Op::StrDt:
      return "strdt";
    case Op::StrLang:
      return "strlang";
    case Op::Uuid:
      return "uuid";
    case Op::StrUuid:
      return "struuid";
    case Op::StrLen:
      return "strlen";
    case Op::SubStr:
      return "substr";
    case Op::UCase:
      return "ucase";
    case Op::LCase:
      return "lcase";
    case Op::StrStarts:
      return "strstarts";
    case Op::StrEnds:
      return "strends";
    case Op::Contains:
      return "contains";
    case Op::StrBefore:
      return "strbefore";
    case Op::StrAfter:
      return "strafter";
    case Op::EncodeForUri:
      return "encode_for_uri";
    case Op::Concat:
      return "concat";
    case Op::LangMatches:
      return "langMatches";
    case Op::Regex:
      return "regex";
    case Op::Replace:
      return "replace";
    case Op::Abs:
      return "abs";
    case Op::Round:
      return "round";
    case Op::Ceil:
      return "ceil";
    case Op::Floor:
      return "floor";
    case Op::Rand:
      return "rand";
    case Op::Now:
      return "now";
    case Op::Year:
      return "year";
    case Op::Month:
      return "month";
    case Op::Day:
      return "day";
    case Op::Hours:
      return "hours";
    case Op::Minutes:
      return "minutes";
    case Op::Seconds:
      return "seconds";
    case Op::Timezone:
      return "timezone";
    case Op::Tz:
      return "tz";
    case Op::Md5:
      return "md5";
    case Op::Sha1:
      return "sha1";
    case Op::Sha256:
      return "sha256";
    case Op::Sha384:
      return "sha384";
    case Op::Sha512:
      return "sha512";
  }
  return "?";
}

std::string_view aggregate_name(AggregateOp op) {
  switch (op) {
    case AggregateOp::Count:
      return "count";
    case AggregateOp::Sum:
      return "sum";
    case AggregateOp::Min:
      return "min";
    case AggregateOp::Max:
      return "max";
    case AggregateOp::Avg:
      return "avg";
    case AggregateOp::Sample:
      return "sample";
    case AggregateOp::GroupConcat:
      return "group_concat";
  }
  return "?";
}

namespace {

std::string var_sse(const std::string& name) { return "?" + name; }

std::string term_sse(const rdf::Term& t) {
  if (t.is_literal() && t.lang.empty()) {
    // Numbers and booleans print bare, as in SPARQL, when the lexical form allows it.
    const bool plain_number = t.datatype == vocab::kXsdInteger ||
                              t.datatype == vocab::kXsdDecimal || t.datatype == vocab::kXsdDouble;
    if (plain_number && !t.value.empty() &&
        t.value.find_first_not_of("0123456789.eE+-") == std::string::npos &&
        (t.value.find_first_of("0123456789") != std::string::npos)) {
      bool ok = true;
      if (t.datatype == vocab::kXsdInteger) {
        ok = t.value.find_first_of(".eE") == std::string::npos;
      } else if (t.datatype == vocab::kXsdDecimal) {
        ok = t.value.find('.') != std::string::npos &&
             t.value.find_first_of("eE") == std::string::npos;
      } else {
        ok = t.value.find_first_of("eE") != std::string::npos;
      }
      if (ok) return t.value;
    }
    if (t.datatype == vocab::kXsdBoolean && (t.value == "true" || t.value == "false")) {
      return t.value;
    }
  }
  return t.to_ntriples();
}

std::string node_sse(const TermOrVar& n) { return n.is_var() ? var_sse(n.var) : term_sse(*n.term); }

std::string path_sse(const PathExpr& p) {
  switch (p.kind) {
    case PathKind::Link:
      return term_sse(p.iri);
    case PathKind::Inverse:
      return "(reverse " + path_sse(p.children.at(0)) + ")";
    case PathKind::Sequence:
      return "(seq " + path_sse(p.children.at(0)) + " " + path_sse(p.children.at(1)) + ")";
    case PathKind::Alternative:
      return "(alt " + path_sse(p.children.at(0)) + " " + path_sse(p.children.at(1)) + ")";
    case PathKind::ZeroOrMore:
      return "(path* " + path_sse(p.children.at(0)) + ")";
    case PathKind::OneOrMore:
      return "(path+ " + path_sse(p.children.at(0)) + ")";
    case PathKind::ZeroOrOne:
      return "(path? " + path_sse(p.children.at(0)) + ")";
    case PathKind::NegatedPropertySet: {
      std::string out = "(notoneof";
      for (const auto& i : p.forward) out += " " + term_sse(i);
      for (const auto& i : p.inverse) out += " (reverse " + term_sse(i) + ")";
      return out + ")";
    }
  }
  return "?";
}

std::string indent_str(int indent) { return std::string(static_cast<std::size_t>(indent), ' '); }

std::string pattern_sse(const Pattern& p, int indent);

std::string expr_sse(const Expr& e, int indent) {
  switch (e.kind) {
    case ExprKind::Constant:
      return term_sse(e.constant);
    case ExprKind::Var:
      return var_sse(e.var);
    case ExprKind::Call: {
      std::string out = "(" + std::string(op_name(e.op));
      for (const auto& a : e.args) out += " " + expr_sse(a, indent);
      return out + ")";
    }
    case ExprKind::FunctionCall: {
      std::string out = "(" + rdf::Term::iri(e.iri).to_ntriples();
      for (const auto& a : e.args) out += " " + expr_sse(a, indent);
      return out + ")";
    }
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      std::string out = e.kind == ExprKind::Exists ? "(exists\n" : "(notexists\n";
      out += indent_str(indent + 2) + pattern_sse(*e.pattern, indent + 2) + ")";
      return out;
    }
    case ExprKind::Aggregate: {
      std::string out = "(" + std::string(aggregate_name(e.aggregate));
      if (e.distinct) out += " distinct";
      if (e.aggregate == AggregateOp::GroupConcat && e.separator != " ") {
        out += " (separator " + rdf::Term::literal(e.separator).to_ntriples() + ")";
      }
      for (const auto& a : e.args) out += " " + expr_sse(a, indent);
      return out + ")";
    }
  }
  return "?";
}

std::string exprs_sse(const std::vector<Expr>& exprs, int indent) {
  if (exprs.size() == 1) return expr_sse(exprs[0], indent);
  std::string out = "(exprlist";
  for (const auto& e : exprs) out += " " + expr_sse(e, indent);
  return out + ")";
}

// Children go on their own lines, indented by two.
std::string children_sse(const Pattern& p, int indent) {
  std::string out;
  for (const auto& c : p.children)
    out += "\n" + indent_str(indent + 2) + pattern_sse(c, indent + 2);
  return out + ")";
}

std::string pattern_sse(const Pattern& p, int indent) {
  switch (p.kind) {
    case PatternKind::Bgp: {
      if (p.triples.empty()) return "(table unit)";
      std::string out = "(bgp";
      for (const auto& t : p.triples) {
        out += (p.triples.size() > 1 ? "\n" + indent_str(indent + 2) : std::string(" ")) +
               "(triple " + node_sse(t.subject) + " " + node_sse(t.predicate) + " " +
               node_sse(t.object) + ")";
      }
      return out + ")";
    }
    case PatternKind::Path:
      return "(path " + node_sse(p.subject) + " " + path_sse(p.path) + " " + node_sse(p.object) +
             ")";
    case PatternKind::Join:
      return "(join" + children_sse(p, indent);
    case PatternKind::LeftJoin: {
      std::string out = "(leftjoin" + children_sse(p, indent);
      if (!p.exprs.empty()) {
        out.pop_back();
        out += "\n" + indent_str(indent + 2) + exprs_sse(p.exprs, indent + 2) + ")";
      }
      return out;
    }
    case PatternKind::Filter:
      return "(filter " + exprs_sse(p.exprs, indent + 4) + children_sse(p, indent);
    case PatternKind::Union:
      return "(union" + children_sse(p, indent);
    case PatternKind::Graph:
      return "(graph " + node_sse(p.name) + children_sse(p, indent);
    case PatternKind::Extend:
      return "(extend ((" + var_sse(p.var) + " " + expr_sse(p.expr, indent) + "))" +
             children_sse(p, indent);
    case PatternKind::Minus:
      return "(minus" + children_sse(p, indent);
    case PatternKind::Values: {
      std::string out = "(table (vars";
      for (const auto& v : p.variables) out += " " + var_sse(v);
      out += ")";
      for (const auto& row : p.rows) {
        out += "\n" + indent_str(indent + 2) + "(row";
        for (std::size_t i = 0; i < row.size() && i < p.variables.size(); ++i) {
          if (row[i]) out += " [" + var_sse(p.variables[i]) + " " + term_sse(*row[i]) + "]";
        }
        out += ")";
      }
      return out + ")";
    }
    case PatternKind::Group: {
      std::string out = "(group (";
      bool first = true;
      for (const auto& k : p.group_keys) {
        if (!first) out += " ";
        first = false;
        if (k.var && !(k.expr.kind == ExprKind::Var && k.expr.var == *k.var)) {
          out += "(" + var_sse(*k.var) + " " + expr_sse(k.expr, indent) + ")";
        } else {
          out += expr_sse(k.expr, indent);
        }
      }
      out += ") (";
      first = true;
      for (const auto& a : p.aggregates) {
        if (!first) out += " ";
        first = false;
        out += "(" + var_sse(a.var) + " " + expr_sse(a.aggregate, indent) + ")";
      }
      return out + ")" + children_sse(p, indent);
    }
    case PatternKind::OrderBy: {
      std::string out = "(order (";
      bool first = true;
      for (const auto& c : p.order) {
        if (!first) out += " ";
        first = false;
        out += c.ascending ? expr_sse(c.expr, indent) : "(desc " + expr_sse(c.expr, indent) + ")";
      }
      return out + ")" + children_sse(p, indent);
    }
    case PatternKind::Project: {
      std::string out = "(project (";
      for (std::size_t i = 0; i < p.variables.size(); ++i) {
        out += (i ? " " : "") + var_sse(p.variables[i]);
      }
      return out + ")" + children_sse(p, indent);
    }
    case PatternKind::Distinct:
      return "(distinct" + children_sse(p, indent);
    case PatternKind::Reduced:
      return "(reduced" + children_sse(p, indent);
    case PatternKind::Slice:
      return "(slice " + (p.offset ? std::to_string(p.offset) : std::string("_")) + " " +
             (p.limit ? std::to_string(*p.limit) : std::string("_")) + children_sse(p, indent);
    case PatternKind::Service:
      return std::string("(service ") + (p.silent ? "silent " : "") + node_sse(p.name) +
             children_sse(p, indent);
  }
  return "?";
}

}  // namespace

std::string to_sse(const TermOrVar& node) { return node_sse(node); }
std::string to_sse(const PathExpr& path) { return path_sse(path); }
std::string to_sse(const Expr& expr) { return expr_sse(expr, 0); }
std::string to_sse(const Pattern& pattern) { return pattern_sse(pattern, 0); }

std::string to_sse(const Query& query) {
  std::string body = pattern_sse(query.pattern, 2);
  std::string out;
  switch (query.form) {
    case QueryForm::Select:
      out = pattern_sse(query.pattern, 0);
      break;
    case QueryForm::Ask:
      out = "(ask\n  " + body + ")";
      break;
    case QueryForm::Construct: {
      out = "(construct (";
      for (std::size_t i = 0; i < query.construct_template.size(); ++i) {
        const auto& t = query.construct_template[i];
        out += std::string(i ? " " : "") + "(triple " + node_sse(t.subject) + " " +
               node_sse(t.predicate) + " " + node_sse(t.object) + ")";
      }
      out += ")\n  " + body + ")";
      break;
    }
    case QueryForm::Describe: {
      out = "(describe (";
      if (query.describe_star) out += "*";
      for (std::size_t i = 0; i < query.describe.size(); ++i) {
        out += std::string(i ? " " : "") + node_sse(query.describe[i]);
      }
      out += ")\n  " + body + ")";
      break;
    }
  }
  if (!query.from.empty() || !query.from_named.empty()) {
    std::string ds = "(dataset (";
    for (std::size_t i = 0; i < query.from.size(); ++i) {
      ds += std::string(i ? " " : "") + rdf::Term::iri(query.from[i]).to_ntriples();
    }
    ds += ") (";
    for (std::size_t i = 0; i < query.from_named.size(); ++i) {
      ds += std::string(i ? " " : "") + rdf::Term::iri(query.from_named[i]).to_ntriples();
    }
    out = ds + ")\n" + out + ")";
  }
  return out;
}

}  // namespace ng::sparql
