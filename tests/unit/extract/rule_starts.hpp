// The start index as the rule loop walks it, for the tests that compare it with a fresh scan
// (rules_test, start_index_test).
#pragma once

#include <cstddef>
#include <vector>

#include "extract/start_index.hpp"

namespace ng_test {

// The tokens before `end` at which rule `r` may start, in order, as next_start walks `starts`.
inline std::vector<std::size_t> rule_starts(const ng::extract::StartIndex& index,
                                            const ng::extract::StartIndex::Starts& starts,
                                            std::size_t r, const ng::extract::MatchContext& ctx,
                                            std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t i = index.next_start(starts, r, ctx, 0, end); i < end;
       i = index.next_start(starts, r, ctx, i + 1, end)) {
    out.push_back(i);
  }
  return out;
}

}  // namespace ng_test
