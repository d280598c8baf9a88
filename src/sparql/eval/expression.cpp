// Expression evaluation: special forms, EXISTS, and calls into the function library.
#include "sparql/eval/evaluator.hpp"

namespace ng::sparql::detail {

bool Evaluator::filter_passes(const std::vector<Expr>& exprs, const Row& row,
                              const ActiveGraph& g) {
  ctx_.new_solution();
  for (const auto& e : exprs) {
    auto b = eval_ebv(e, row, g);
    if (!b || !*b) return false;
  }
  return true;
}

std::optional<bool> Evaluator::eval_ebv(const Expr& e, const Row& row, const ActiveGraph& g) {
  if (e.kind == ExprKind::Call) {
    switch (e.op) {
      case Op::And: {
        // §17.2: false wins over an error, and an error over true.
        std::optional<bool> a = eval_ebv(e.args[0], row, g);
        if (a && !*a) return false;
        std::optional<bool> b = eval_ebv(e.args[1], row, g);
        if (b && !*b) return false;
        if (!a || !b) return std::nullopt;
        return true;
      }
      case Op::Or: {
        std::optional<bool> a = eval_ebv(e.args[0], row, g);
        if (a && *a) return true;
        std::optional<bool> b = eval_ebv(e.args[1], row, g);
        if (b && *b) return true;
        if (!a || !b) return std::nullopt;
        return false;
      }
      case Op::Not: {
        auto a = eval_ebv(e.args[0], row, g);
        if (!a) return std::nullopt;
        return !*a;
      }
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::Greater:
      case Op::LessOrEqual:
      case Op::GreaterOrEqual: {
        auto a = eval_expr(e.args[0], row, g);
        if (!a) return std::nullopt;
        auto b = eval_expr(e.args[1], row, g);
        if (!b) return std::nullopt;
        if (e.op == Op::Equal || e.op == Op::NotEqual) {
          std::optional<bool> eq;
          // The same node is equal to itself, except a NaN literal (compared by value below).
          if (a->node() && a->node() == b->node() && !a->view().is_literal()) {
            eq = true;
          } else {
            eq = values_equal(a->view(), b->view());
          }
          if (!eq) return std::nullopt;
          return e.op == Op::Equal ? *eq : !*eq;
        }
        auto c = values_compare(a->view(), b->view());
        if (!c) return std::nullopt;
        switch (e.op) {
          case Op::Less:
            return *c < 0;
          case Op::Greater:
            return *c > 0;
          case Op::LessOrEqual:
            return *c <= 0;
          default:
            return *c >= 0;
        }
      }
      default:
        break;
    }
  } else if (e.kind == ExprKind::Exists || e.kind == ExprKind::NotExists) {
    bool found = !eval(*e.pattern, g, row, 1).empty();
    return e.kind == ExprKind::Exists ? found : !found;
  }
  auto v = eval_expr(e, row, g);
  if (!v) return std::nullopt;
  return effective_boolean_value(v->view());
}

ExprResult Evaluator::eval_expr(const Expr& e, const Row& row, const ActiveGraph& g) {
  switch (e.kind) {
    case ExprKind::Constant:
      return Value::of_constant(&e.constant);
    case ExprKind::Var: {
      NodeId n = row[static_cast<std::size_t>(slot(e.var))];
      if (!n) return std::nullopt;
      return Value::of_node(n);
    }
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      auto b = eval_ebv(e, row, g);
      return Value::of_term(make_boolean(*b));
    }
    case ExprKind::Aggregate:
      return std::nullopt;  // only meaningful inside Group, which evaluates it itself
    case ExprKind::FunctionCall: {
      std::vector<Value> vals;
      for (const auto& a : e.args) {
        auto v = eval_expr(a, row, g);
        if (!v) return std::nullopt;
        vals.push_back(std::move(*v));
      }
      std::vector<TermView> views;
      for (const auto& v : vals) views.push_back(v.view());
      auto r = call_iri_function(e.iri, views);
      if (!r) return std::nullopt;
      return Value::of_term(std::move(*r));
    }
    case ExprKind::Call:
      break;
  }
  switch (e.op) {
    case Op::And:
    case Op::Or:
    case Op::Not:
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::Greater:
    case Op::LessOrEqual:
    case Op::GreaterOrEqual: {
      auto b = eval_ebv(e, row, g);
      if (!b) return std::nullopt;
      return Value::of_term(make_boolean(*b));
    }
    case Op::Bound: {
      if (e.args.empty() || e.args[0].kind != ExprKind::Var) return std::nullopt;
      return Value::of_term(
          make_boolean(row[static_cast<std::size_t>(slot(e.args[0].var))] != nullptr));
    }
    case Op::If: {
      if (e.args.size() != 3) return std::nullopt;
      auto c = eval_ebv(e.args[0], row, g);
      if (!c) return std::nullopt;
      return eval_expr(e.args[*c ? 1 : 2], row, g);
    }
    case Op::Coalesce:
      for (const auto& a : e.args) {
        if (auto v = eval_expr(a, row, g)) return v;
      }
      return std::nullopt;
    case Op::In:
    case Op::NotIn: {
      auto lhs = eval_expr(e.args[0], row, g);
      if (!lhs) return std::nullopt;
      bool error = false;
      for (std::size_t k = 1; k < e.args.size(); ++k) {
        auto v = eval_expr(e.args[k], row, g);
        if (!v) {
          error = true;
          continue;
        }
        auto eq = values_equal(lhs->view(), v->view());
        if (!eq) {
          error = true;
        } else if (*eq) {
          return Value::of_term(make_boolean(e.op == Op::In));
        }
      }
      if (error) return std::nullopt;
      return Value::of_term(make_boolean(e.op == Op::NotIn));
    }
    case Op::SameTerm: {
      auto a = eval_expr(e.args[0], row, g);
      if (!a) return std::nullopt;
      auto b = eval_expr(e.args[1], row, g);
      if (!b) return std::nullopt;
      bool same = (a->node() && b->node()) ? a->node() == b->node() : a->view() == b->view();
      return Value::of_term(make_boolean(same));
    }
    default:
      break;
  }
  std::vector<Value> vals;
  vals.reserve(e.args.size());
  for (const auto& a : e.args) {
    auto v = eval_expr(a, row, g);
    if (!v) return std::nullopt;
    vals.push_back(std::move(*v));
  }
  std::vector<TermView> views;
  views.reserve(vals.size());
  for (const auto& v : vals) views.push_back(v.view());
  auto r = call_function(e.op, views, ctx_);
  if (!r) return std::nullopt;
  return Value::of_term(std::move(*r));
}

}  // namespace ng::sparql::detail
