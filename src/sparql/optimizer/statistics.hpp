// Store statistics for cardinality estimates: exact counts of bound prefixes (Store::count is
// O(log n) when the bound positions lead an index) and, per predicate, the number of quads and
// of distinct subjects and objects (Store::predicate_stats, kept by the store between queries).
#pragma once

#include <cstddef>

#include "store/store.hpp"

namespace ng::sparql {

class Statistics {
 public:
  using PredicateStats = store::Store::PredicateStats;  // kept by the store, over all graphs

  explicit Statistics(const store::Store& store) : store_(store) {}

  // Quads matching the pattern (nullptr = any) in `graph` (nullptr = every graph).
  std::size_t count(store::NodeId s, store::NodeId p, store::NodeId o, store::NodeId graph) const {
    return store_.count(s, p, o, graph);
  }
  const PredicateStats& predicate(store::NodeId p);
  std::size_t size() const { return store_.size(); }

  // Estimated matches of one triple pattern per input row. `s`, `p`, `o` are the nodes known
  // now (constants, or values of the input row), nullptr where unknown; `*_bound` marks a
  // position whose variable an earlier pattern binds (its value is not known when planning).
  double estimate(store::NodeId s, store::NodeId p, store::NodeId o, store::NodeId graph,
                  bool s_bound, bool p_bound, bool o_bound);

 private:
  const store::Store& store_;
};

}  // namespace ng::sparql
