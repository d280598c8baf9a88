// Which rules may start at which tokens of a sentence, found in one pass over its tokens.
//
// Rules run one after another over each sentence (rule-major: a rule sees the mentions earlier
// rules added), and most rules cannot start at most tokens. Testing every rule's first-token
// tests at every token costs rules x tokens calls; this index answers the tests that do not
// depend on mentions (literal words, lexicon entries, token classes) for all rules at once:
// one hash lookup per token for the literals, one test per distinct lexicon or class. Rules
// with a first test that depends on mentions (<Type>, Name) stay candidates everywhere and are
// checked with may_start_at as they are reached.
//
//   StartIndex index(rules);          // once, after loading the rules
//   StartIndex::Starts starts;        // per run; reused across sentences
//   index.scan(context, s.first_token, s.last_token, starts);
//   if (index.may_start(starts, r, rules[r], context, i)) ... match_rule(...)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/rules.hpp"

namespace ng::extract {

class StartIndex {
 public:
  // The candidate rules per token of the last scanned sentence.
  struct Starts {
    std::size_t begin = 0;  // first token scanned
    std::vector<std::uint64_t> bits;
  };

  explicit StartIndex(const std::vector<Rule>& rules);

  // Fills `out` for tokens [begin, end) of the context.
  void scan(const MatchContext& context, std::size_t begin, std::size_t end, Starts& out) const;

  // Exactly may_start_at(rule, context, i), for rule number `r` of the rules given to the
  // constructor, at a token of the last scanned sentence.
  bool may_start(const Starts& starts, std::size_t r, const Rule& rule, const MatchContext& context,
                 std::size_t i) const {
    const std::uint64_t word = starts.bits[(i - starts.begin) * words_ + r / 64];
    if (((word >> (r % 64)) & 1U) == 0) return false;
    return !dynamic_[r] || may_start_at(rule, context, i);
  }

 private:
  using Bits = std::vector<std::uint64_t>;  // one bit per rule
  void set(Bits& bits, std::size_t r) const { bits[r / 64] |= std::uint64_t{1} << (r % 64); }

  std::size_t words_ = 0;
  std::unordered_map<std::string, Bits> by_literal_;  // exact literal first tests
  std::vector<std::pair<TokenTest, Bits>> by_test_;   // other static tests, deduplicated
  Bits everywhere_;                                   // unconstrained or mention-dependent
  std::vector<bool> dynamic_;                         // per rule: re-check with may_start_at
};

}  // namespace ng::extract
