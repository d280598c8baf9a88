#include "sparql/results/result_set.hpp"

#include <algorithm>

namespace ng::sparql {

ResultSet to_result_set(const QueryResult& result) {
  ResultSet out;
  out.kind = result.kind;
  out.boolean = result.boolean;
  out.variables = result.variables;
  out.rows.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    ResultRow r;
    r.reserve(row.size());
    for (store::NodeId node : row) {
      if (node) {
        r.emplace_back(store::World::term(node));
      } else {
        r.emplace_back(std::nullopt);
      }
    }
    out.rows.push_back(std::move(r));
  }
  if (result.kind == ResultKind::Graph && result.graph) {
    store::Cursor cursor = result.graph->scan(nullptr, nullptr, nullptr, nullptr);
    store::QuadIds q;
    while (cursor.next(q)) {
      out.triples.push_back(rdf::Quad{store::World::term(q.subject),
                                      store::World::term(q.predicate), store::World::term(q.object),
                                      std::nullopt});
    }
    // A triple in several graphs of the result store is still one triple of the graph.
    auto key = [](const rdf::Quad& a) { return std::tie(a.subject, a.predicate, a.object); };
    std::sort(out.triples.begin(), out.triples.end(),
              [&](const rdf::Quad& a, const rdf::Quad& b) { return key(a) < key(b); });
    out.triples.erase(std::unique(out.triples.begin(), out.triples.end()), out.triples.end());
  }
  return out;
}

}  // namespace ng::sparql
