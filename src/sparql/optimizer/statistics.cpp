#include "sparql/optimizer/statistics.hpp"

#include <algorithm>

namespace ng::sparql {

const Statistics::PredicateStats& Statistics::predicate(store::NodeId p) {
  static const PredicateStats kNone;
  const PredicateStats* st = store_.predicate_stats(p);
  return st ? *st : kNone;
}

double Statistics::estimate(store::NodeId s, store::NodeId p, store::NodeId o, store::NodeId graph,
                            bool s_bound, bool p_bound, bool o_bound) {
  // With s, p and o all known the count is over every graph (0 or a few: an upper bound that is
  // as good as exact for ordering patterns).
  double base = static_cast<double>(store_.count(s, p, o, s && p && o ? nullptr : graph));
  if (base == 0) return 0;
  int joined = int{s_bound} + int{p_bound} + int{o_bound};
  if (joined == 0) return base;
  // Each bound position keeps about (matches / distinct values at that position) of them.
  double est = base;
  if (p && !p_bound) {
    const PredicateStats& st = predicate(p);
    if (s_bound && !s && st.subjects)
      est = std::min(est, static_cast<double>(st.quads) / static_cast<double>(st.subjects));
    if (o_bound && !o && st.objects)
      est = std::min(est, static_cast<double>(st.quads) / static_cast<double>(st.objects));
  } else {
    // Unknown predicate: a bound subject or object keeps a handful of triples.
    if (s_bound || o_bound) est = std::min(est, 10.0);
  }
  if (p_bound) est = est / 10;
  if (joined >= 2) est = std::min(est, 1.0);
  return std::max(est, 0.01);
}

}  // namespace ng::sparql
