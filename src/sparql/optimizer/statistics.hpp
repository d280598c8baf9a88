// Store statistics for cardinality estimates: exact counts of bound prefixes (Store::count is
// O(log n) when the bound positions lead an index) and, per predicate, the number of quads and
// of distinct subjects and objects, computed on first use and cached (one Statistics per query).
#pragma once

#include <cstddef>
#include <unordered_map>

#include "store/store.hpp"

namespace ng::sparql {

class Statistics {
 public:
  struct PredicateStats {
    std::size_t quads = 0;     // over all graphs
    std::size_t subjects = 0;  // distinct subjects
    std::size_t objects = 0;   // distinct objects
  };

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
  std::unordered_map<store::NodeId, PredicateStats> predicates_;
};

}  // namespace ng::sparql
