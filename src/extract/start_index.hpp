// Which rules may match where in a sentence, found in one pass over its tokens.
//
// Rules run one after another over each sentence (rule-major: a rule sees the mentions earlier
// rules added), and most rules cannot match at most tokens. Testing every rule at every token
// costs rules x tokens calls; this index answers, for all rules at once, the tests that depend
// on the tokens alone (literal words, lexicon entries, token classes):
//   - first-token tests (Rule::first): one hash lookup per token for the literals, one test per
//     distinct lexicon or class;
//   - words a rule cannot match without ("(" and ")" around an abbreviation, "known" "as", a
//     word of a lexicon): a rule is skipped in a sentence that lacks one of them.
// First tests that depend on mentions (<Type>, Name) are checked with may_start_at as the rule
// is reached, since earlier rules add mentions.
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
  // What the last scanned sentence allows.
  struct Starts {
    std::size_t begin = 0;            // first token scanned
    std::vector<std::uint64_t> bits;  // per token: rules whose static first tests hold there
    std::vector<bool> present;        // per probe: holds at some token of the sentence
    std::vector<bool> viable;         // per rule: every required word is present
  };

  explicit StartIndex(const std::vector<Rule>& rules);

  // Fills `out` for tokens [begin, end) of the context.
  void scan(const MatchContext& context, std::size_t begin, std::size_t end, Starts& out) const;

  // False where rule number `r` (of the rules given to the constructor) cannot match from
  // token i of the last scanned sentence; true wherever a match can start. Where it is true,
  // so is may_start_at(rule, context, i).
  bool may_start(const Starts& starts, std::size_t r, const Rule& rule, const MatchContext& context,
                 std::size_t i) const {
    if (!starts.viable[r]) return false;
    const std::uint64_t word = starts.bits[(i - starts.begin) * words_ + r / 64];
    if (((word >> (r % 64)) & 1U) == 0) return false;
    return !dynamic_[r] || may_start_at(rule, context, i);
  }

 private:
  using Bits = std::vector<std::uint64_t>;  // one bit per rule
  // A token test the index evaluates on every token: a first test of some rules (`first`)
  // and/or a word some rules require.
  struct Probe {
    TokenTest test;
    Bits first;
  };
  std::size_t probe(const TokenTest& t);
  void set(Bits& bits, std::size_t r) const { bits[r / 64] |= std::uint64_t{1} << (r % 64); }

  std::size_t words_ = 0;
  std::vector<Probe> probes_;
  std::unordered_map<std::string, std::size_t> literal_probe_;  // exact literal -> probe
  std::vector<std::size_t> other_probes_;                       // tested on every token
  Bits everywhere_;            // rules with an unconstrained or mention-dependent start
  std::vector<bool> dynamic_;  // per rule: re-check with may_start_at
  // Per rule: groups of probes; each group must have one probe present in the sentence.
  std::vector<std::vector<std::vector<std::size_t>>> required_;
};

}  // namespace ng::extract
