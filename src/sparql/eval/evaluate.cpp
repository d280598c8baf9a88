#include "sparql/eval/evaluate.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "sparql/eval/evaluator.hpp"

namespace ng::sparql {

using detail::ActiveGraph;
using detail::Evaluator;
using detail::kAll;
using detail::Row;
using detail::Rows;
using rdf::Term;
using store::NodeId;
using store::World;

std::string format_profile(const std::vector<OperatorStats>& profile) {
  std::string out;
  for (const auto& op : profile) {
    char time[32];
    std::snprintf(time, sizeof time, "%.3f", op.seconds * 1000);
    out += std::string(static_cast<std::size_t>(op.depth) * 2, ' ') + op.name +
           "  rows=" + std::to_string(op.rows) + " calls=" + std::to_string(op.calls) +
           " time=" + time + "ms";
    if (op.estimate >= 0)
      out += " est=" + std::to_string(static_cast<long long>(op.estimate + 0.5));
    out += "\n";
    if (!op.plan.empty()) {
      std::string pad(static_cast<std::size_t>(op.depth) * 2 + 4, ' ');
      std::size_t start = 0;
      while (start < op.plan.size()) {
        std::size_t end = op.plan.find('\n', start);
        if (end == std::string::npos) end = op.plan.size();
        out += pad + op.plan.substr(start, end - start) + "\n";
        start = end + 1;
      }
    }
  }
  return out;
}

namespace {

NodeId template_node(Evaluator& ev, const TermOrVar& t, const Row& row,
                     std::unordered_map<std::string, NodeId>& blanks) {
  if (t.is_var()) return row[static_cast<std::size_t>(ev.slot(t.var))];
  if (t.term->is_blank()) {
    auto it = blanks.find(t.term->value);
    if (it != blanks.end()) return it->second;
    NodeId n = ev.pool().intern(Term::blank(ev.store().world().fresh_blank_label()));
    blanks.emplace(t.term->value, n);
    return n;
  }
  return ev.query_term(*t.term);
}

}  // namespace

QueryResult evaluate(const Query& written, store::Store& store, const Dataset& dataset,
                     const EvalOptions& options) {
  const Query query = optimize(written, options.optimizer);
  QueryResult result;
  result.pool = std::make_shared<store::NodePool>(store.world());
  Evaluator ev(query, store, dataset, options, *result.pool);
  ActiveGraph def;
  // ASK needs one solution; with a row limit, one more than allowed shows it is exceeded.
  std::size_t wanted = query.form == QueryForm::Ask ? 1
                       : options.max_rows           ? options.max_rows + 1
                                                    : kAll;
  Rows rows = ev.eval(query.pattern, def, ev.empty_row(), wanted);
  if (options.max_rows && query.form != QueryForm::Ask && rows.size() > options.max_rows) {
    throw ResultLimitError("the query has more than " + std::to_string(options.max_rows) +
                           " result rows (--max-rows; add LIMIT or more selective patterns, or "
                           "raise the limit)");
  }
  switch (query.form) {
    case QueryForm::Select: {
      result.kind = ResultKind::Solutions;
      result.variables = query.variables;
      std::vector<std::size_t> slots;
      for (const auto& v : query.variables) slots.push_back(static_cast<std::size_t>(ev.slot(v)));
      result.rows.reserve(rows.size());
      for (const Row& r : rows) {
        std::vector<NodeId> out;
        out.reserve(slots.size());
        for (std::size_t s : slots) out.push_back(r[s]);
        result.rows.push_back(std::move(out));
      }
      break;
    }
    case QueryForm::Ask:
      result.kind = ResultKind::Boolean;
      result.boolean = !rows.empty();
      break;
    case QueryForm::Construct: {
      result.kind = ResultKind::Graph;
      result.graph = std::make_shared<store::Store>(store.world());
      for (const Row& r : rows) {
        std::unordered_map<std::string, NodeId> blanks;
        for (const auto& t : query.construct_template) {
          NodeId s = template_node(ev, t.subject, r, blanks);
          NodeId p = template_node(ev, t.predicate, r, blanks);
          NodeId o = template_node(ev, t.object, r, blanks);
          if (!s || !p || !o) continue;
          if (World::view(s).is_literal() || !World::view(p).is_iri()) continue;
          result.graph->add(s, p, o);
        }
      }
      break;
    }
    case QueryForm::Describe: {
      result.kind = ResultKind::Graph;
      result.graph = std::make_shared<store::Store>(store.world());
      std::vector<NodeId> resources;
      std::unordered_set<NodeId> seen;
      auto add = [&](NodeId n) {
        if (n && seen.insert(n).second) resources.push_back(n);
      };
      std::vector<TermOrVar> targets = query.describe;
      if (query.describe_star || targets.empty()) {
        for (const auto& v : in_scope_variables(query.pattern)) {
          if (!is_internal_variable(v)) targets.push_back(TermOrVar::variable(v));
        }
      }
      for (const auto& t : targets) {
        if (!t.is_var()) {
          add(ev.query_term(*t.term));
          continue;
        }
        std::size_t s = static_cast<std::size_t>(ev.slot(t.var));
        for (const Row& r : rows) add(r[s]);
      }
      // Concise bounded description: outgoing triples, recursively through blank objects.
      std::unordered_set<NodeId> done;
      std::vector<NodeId> todo(resources.rbegin(), resources.rend());
      while (!todo.empty()) {
        NodeId n = todo.back();
        todo.pop_back();
        if (!done.insert(n).second) continue;
        std::vector<store::QuadIds> found;
        ev.scan(def, n, nullptr, nullptr, [&](const store::QuadIds& q) { found.push_back(q); });
        for (const auto& q : found) {
          result.graph->add(q.subject, q.predicate, q.object);
          if (World::view(q.object).is_blank()) todo.push_back(q.object);
        }
      }
      break;
    }
  }
  return result;
}

}  // namespace ng::sparql
