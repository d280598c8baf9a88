// Property paths (§18.4): ALP with set semantics for *, + and ?, cycle-safe closures.
#include "sparql/eval/evaluator.hpp"

namespace ng::sparql::detail {

std::vector<NodeId> Evaluator::graph_nodes(const ActiveGraph& g) {
  std::vector<NodeId> out;
  std::unordered_set<NodeId> seen;
  scan(g, nullptr, nullptr, nullptr, [&](const store::QuadIds& q) {
    if (seen.insert(q.subject).second) out.push_back(q.subject);
    if (seen.insert(q.object).second) out.push_back(q.object);
  });
  return out;
}

void Evaluator::zero_length(NodeId s, NodeId o, const ActiveGraph& g, Pairs& out) {
  if (s && o) {
    if (s == o) out.emplace_back(s, s);
  } else if (s || o) {
    NodeId n = s ? s : o;
    out.emplace_back(n, n);
  } else {
    for (NodeId n : graph_nodes(g)) out.emplace_back(n, n);
  }
}

std::vector<NodeId> Evaluator::closure(const PathExpr& step, NodeId start, bool forward,
                                       bool reflexive, const ActiveGraph& g) {
  std::vector<NodeId> result, queue;
  std::unordered_set<NodeId> visited;
  auto successors = [&](NodeId n) {
    Pairs ps;
    if (forward) {
      path_pairs(step, n, nullptr, g, ps);
    } else {
      path_pairs(step, nullptr, n, g, ps);
    }
    for (auto& [a, b] : ps) queue.push_back(forward ? b : a);
  };
  if (reflexive) {
    queue.push_back(start);
  } else {
    successors(start);
  }
  while (!queue.empty()) {
    NodeId n = queue.back();
    queue.pop_back();
    if (!visited.insert(n).second) continue;
    result.push_back(n);
    successors(n);
  }
  return result;
}

void Evaluator::path_pairs(const PathExpr& p, NodeId s, NodeId o, const ActiveGraph& g,
                           Pairs& out) {
  switch (p.kind) {
    case PathKind::Link: {
      NodeId pred = query_term(p.iri);
      if (!pred) return;
      scan(g, s, pred, o, [&](const store::QuadIds& q) { out.emplace_back(q.subject, q.object); });
      return;
    }
    case PathKind::Inverse: {
      Pairs tmp;
      path_pairs(p.children[0], o, s, g, tmp);
      for (auto& [a, b] : tmp) out.emplace_back(b, a);
      return;
    }
    case PathKind::Sequence: {
      Pairs first;
      if (s || !o) {
        path_pairs(p.children[0], s, nullptr, g, first);
        for (auto& [a, mid] : first) {
          Pairs second;
          path_pairs(p.children[1], mid, o, g, second);
          for (auto& pr : second) out.emplace_back(a, pr.second);
        }
      } else {
        path_pairs(p.children[1], nullptr, o, g, first);
        for (auto& [mid, b] : first) {
          Pairs second;
          path_pairs(p.children[0], s, mid, g, second);
          for (auto& pr : second) out.emplace_back(pr.first, b);
        }
      }
      return;
    }
    case PathKind::Alternative:
      path_pairs(p.children[0], s, o, g, out);
      path_pairs(p.children[1], s, o, g, out);
      return;
    case PathKind::NegatedPropertySet: {
      auto excluded = [&](const std::vector<Term>& iris, NodeId pred) {
        for (const auto& t : iris) {
          if (query_term(t) == pred) return true;
        }
        return false;
      };
      if (!p.forward.empty() || p.inverse.empty()) {
        scan(g, s, nullptr, o, [&](const store::QuadIds& q) {
          if (!excluded(p.forward, q.predicate)) out.emplace_back(q.subject, q.object);
        });
      }
      if (!p.inverse.empty()) {
        scan(g, o, nullptr, s, [&](const store::QuadIds& q) {
          if (!excluded(p.inverse, q.predicate)) out.emplace_back(q.object, q.subject);
        });
      }
      return;
    }
    case PathKind::ZeroOrOne: {
      Pairs tmp;
      zero_length(s, o, g, tmp);
      path_pairs(p.children[0], s, o, g, tmp);
      std::unordered_set<std::pair<NodeId, NodeId>, PairHash> seen;
      for (auto& pr : tmp) {
        if (seen.insert(pr).second) out.push_back(pr);
      }
      return;
    }
    case PathKind::ZeroOrMore:
    case PathKind::OneOrMore: {
      bool reflexive = p.kind == PathKind::ZeroOrMore;
      if (s && o) {
        // Both ends fixed: a breadth-first search that stops at `o`.
        if (reflexive && s == o) {
          out.emplace_back(s, o);
          return;
        }
        std::unordered_set<NodeId> visited;
        std::vector<NodeId> frontier{s};
        while (!frontier.empty()) {
          std::vector<NodeId> next;
          for (NodeId n : frontier) {
            Pairs step;
            path_pairs(p.children[0], n, nullptr, g, step);
            for (const auto& pr : step) {
              if (pr.second == o) {
                out.emplace_back(s, o);
                return;
              }
              if (visited.insert(pr.second).second) next.push_back(pr.second);
            }
          }
          frontier = std::move(next);
        }
      } else if (s) {
        for (NodeId n : closure(p.children[0], s, true, reflexive, g)) {
          if (!o || n == o) out.emplace_back(s, n);
        }
      } else if (o) {
        for (NodeId n : closure(p.children[0], o, false, reflexive, g)) out.emplace_back(n, o);
      } else {
        for (NodeId start : graph_nodes(g)) {
          for (NodeId n : closure(p.children[0], start, true, reflexive, g)) {
            out.emplace_back(start, n);
          }
        }
      }
      return;
    }
  }
}

Rows Evaluator::eval_path(const Pattern& p, const ActiveGraph& g, const Row& seed) {
  auto resolve = [&](const TermOrVar& t, int& sl, bool& ok) -> NodeId {
    sl = -1;
    if (!t.is_var()) {
      NodeId n = query_term(*t.term);
      ok = ok && n != nullptr;
      return n;
    }
    sl = slot(t.var);
    return seed[static_cast<std::size_t>(sl)];
  };
  int ss = -1, os = -1;
  bool ok = true;
  NodeId s = resolve(p.subject, ss, ok);
  NodeId o = resolve(p.object, os, ok);
  if (!ok) return {};
  Pairs pairs;
  path_pairs(p.path, s, o, g, pairs);
  // A variable bound from outside is still a variable: its zero-length match must be a node of
  // the graph (W3C property-path/values_and_path), unlike a constant end.
  bool seeded = (ss >= 0 && s) || (os >= 0 && o);
  auto in_graph = [&](NodeId n) {
    bool found = false;
    scan(g, n, nullptr, nullptr, [&](const store::QuadIds&) { found = true; });
    if (!found) scan(g, nullptr, nullptr, n, [&](const store::QuadIds&) { found = true; });
    return found;
  };
  Rows out;
  for (auto& [a, b] : pairs) {
    if (ss >= 0 && ss == os && a != b) continue;
    if (seeded && a == b && !in_graph(a)) continue;
    Row r = seed;
    if (ss >= 0) r[static_cast<std::size_t>(ss)] = a;
    if (os >= 0) r[static_cast<std::size_t>(os)] = b;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ng::sparql::detail
