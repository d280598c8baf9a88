// EXPLAIN ANALYZE: the optimized algebra, the passes that changed it and the evaluated operator
// tree with estimated and actual row counts.
#include <string>
#include <vector>

#include "sparql/eval/evaluate.hpp"

namespace ng::sparql {

std::string explain_analyze(const Query& query, store::Store& store, const Dataset& dataset,
                            const EvalOptions& options) {
  std::string out;
  std::vector<PassReport> passes;
  Query optimized = optimize(query, options.optimizer, &passes);
  out += "optimizer passes:";
  for (const auto& pass : passes) {
    if (pass.changed) out += " " + pass.name;
  }
  out += passes.empty() ? " (disabled)\n" : "\n";
  out += "algebra: " + to_sse(optimized) + "\n";
  std::vector<OperatorStats> profile;
  EvalOptions run = options;
  run.profile = &profile;
  run.optimizer.enabled = false;  // already optimized above
  QueryResult result = evaluate(optimized, store, dataset, run);
  out += "plan (rows = actual over all calls, est = estimated per call):\n";
  out += format_profile(profile);
  if (result.kind == ResultKind::Solutions) {
    out += "result: " + std::to_string(result.rows.size()) + " rows\n";
  }
  return out;
}

}  // namespace ng::sparql
