// What evaluating a query produces; shared by the evaluator (src/sparql/eval/) and the result
// serialisers and readers (src/sparql/results/).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "store/world.hpp"

namespace ng::sparql {

enum class ResultKind { Solutions, Boolean, Graph };

struct QueryResult {
  ResultKind kind = ResultKind::Solutions;
  // SELECT: the projected variables in order (names without '?'), and one row per solution,
  // aligned with `variables`; nullptr = unbound.
  std::vector<std::string> variables;
  std::vector<std::vector<store::NodeId>> rows;
  // ASK.
  bool boolean = false;
  // CONSTRUCT / DESCRIBE: the triples, in the default graph of this store.
  std::shared_ptr<store::Store> graph;
  // Keeps alive the nodes computed during evaluation that `rows` refer to.
  std::shared_ptr<store::NodePool> pool;
};

}  // namespace ng::sparql
