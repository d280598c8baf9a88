// Which rules may match where in a sentence, found in one pass over its tokens.
//
// Rules run one after another over each sentence (rule-major: a rule sees the mentions earlier
// rules added), and most rules cannot match at most tokens. Testing every rule at every token
// costs rules x tokens calls; this index answers, for all rules at once, the tests that depend
// on the tokens alone (literal words, lexicon entries, token classes):
//   - first-token tests (Rule::first): one hash lookup per token for the literals, one check per
//     lexicon starting at the token, the class tests once per token kind and flags;
//   - windows: a later part of the pattern at a bounded distance from the start that opens
//     with such a test ("[Lower] (\"firm\" | \"company\")": the word right after the start);
//     a rule starts only where one of its tests holds within that distance (a Name there:
//     where may_be_name holds). Groups and captures are looked into, and a @lexicon span is
//     at most its lexicon's longest phrase long ("@verbs Cap": the capital right after);
//   - words a rule cannot match without ("(" and ")" around an abbreviation, "known" "as", a
//     word of a lexicon): a rule is skipped in a sentence that lacks one of them, and does not
//     start after the last of them (a match holds them at or after its start).
// Each probe (a distinct test) gets a bitset of the sentence's tokens where it holds, and each
// rule the union of its first probes' bitsets, so a rule jumps from one possible start to the
// next instead of testing every token. First tests that depend on mentions (<Type>, Name) are
// asked as the rule reaches them, since earlier matches add mentions: <Type> for the rest of
// the sentence in one call (a <Type> span only where such a mention starts,
// MatchContext::mention_start_tokens; a [<Type>] token test where one starts or lies,
// mention_tokens), Name where may_be_name holds.
//
//   StartIndex index(rules);          // once, after loading the rules
//   StartIndex::Starts starts;        // per run; reused across sentences
//   index.scan(context, s.first_token, s.last_token, starts);
//   for (i = index.next_start(starts, r, context, first, last); i < last; ...)
//     match_rule(...)
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/rules.hpp"

namespace ng::extract {

class StartIndex {
 public:
  // What the last scanned sentence allows. Token sets are bitsets over the scanned range,
  // `words` 64-bit words each.
  struct Starts {
    std::size_t begin = 0;  // first token scanned
    std::size_t end = 0;    // one past the last token scanned
    std::size_t words = 0;
    std::vector<std::uint64_t> probe_tokens;  // per probe: tokens where it holds
    std::vector<std::uint64_t> rule_tokens;   // per viable rule: tokens where a static first
                                              // test holds (the others' rows stay empty)
    std::vector<std::uint64_t> all_tokens;    // every token
    std::vector<std::uint64_t> name_tokens;   // tokens where MatchContext::may_be_name holds
    std::vector<std::uint8_t> viable;         // per rule: every required word is present
    std::vector<std::uint32_t> viable_rules;  // the rules with `viable` set, in order (scan()
                                              // also reads it to clear the last sentence's)
    // Working space of scan().
    std::vector<std::uint32_t> hit_probes;  // probes that hold somewhere, each once
    std::vector<std::uint8_t> hit;          // per probe: in hit_probes
    std::vector<std::uint32_t> group_end;   // per required group: 1 + last token offset where
                                            // one of its probes holds; 0: none
    std::vector<std::uint32_t> missing;     // per rule: required groups not satisfied
    // Per rule: no match starts at or after this token, since a match has its required words
    // at or after its start.
    std::vector<std::size_t> rule_end;
    mutable std::vector<std::uint64_t> mention_tokens;  // working space of next_start()
    mutable std::vector<std::uint64_t> window_names;    // the same
    std::vector<std::uint64_t> window_hits;             // working space of scan()
    // Per mention type set (StartIndex::type_sets_): the tokens where a mention of one of its
    // types starts or lies, kept while MatchContext::mention_version() is the one noted (0:
    // none kept). Rules share type sets, and a rule asks again after each of its matches.
    mutable std::vector<std::uint64_t> set_tokens;
    mutable std::vector<std::uint64_t> set_versions;
    // Per rule with windows (windows_): the tokens a match may start at by all of them (the
    // other rules' rows are unused).
    std::vector<std::uint64_t> window_tokens;
    // Per token kind and flags: the token probes that hold (bit j: token_probes_[j]).
    std::vector<std::uint64_t> token_class_probes;
  };

  // `longest_phrases`: per lexicon id, the most tokens a phrase of it has (a @lexicon span is no
  // longer); a lexicon without an entry here may have phrases of any length.
  explicit StartIndex(const std::vector<Rule>& rules,
                      const std::vector<std::size_t>& longest_phrases = {});

  // Fills `out` for tokens [begin, end) of the context.
  void scan(const MatchContext& context, std::size_t begin, std::size_t end, Starts& out) const;

  // False where rule number `r` (of the rules given to the constructor) cannot match from
  // token i of the last scanned sentence; true wherever a match can start. Where it is true,
  // so is may_start_at(rule, context, i).
  bool may_start(const Starts& starts, std::size_t r, const MatchContext& context,
                 std::size_t i) const {
    if (!starts.viable[r] || i >= starts.rule_end[r]) return false;
    if (!second_holds(r, context, i + 1, starts.end)) return false;
    if (!windows_[r].empty() && !has_bit(&starts.window_tokens[r * starts.words], starts, i)) {
      return false;
    }
    if (!required_sets_[r].empty() && i >= mention_limit(starts, r, context, i, starts.end)) {
      return false;
    }
    if (has_static_start(starts, r, i)) return true;
    return has_dynamic(r) && dynamic_start(r, context, i);
  }

  // The first token in [i, end) where may_start holds, or `end`. Mention-dependent tests are
  // evaluated now, token by token, so call it again after a match has added mentions.
  std::size_t next_start(const Starts& starts, std::size_t r, const MatchContext& context,
                         std::size_t i, std::size_t end) const {
    // Inline: asked once per rule and sentence, and mostly answered from the bits alone.
    if (!starts.viable[r]) return end;
    std::size_t limit = std::min(end, starts.rule_end[r]);
    if (!required_sets_[r].empty() && i < limit) {
      limit = std::min(limit, mention_limit(starts, r, context, i, end));
    }
    const std::uint64_t* statics = &starts.rule_tokens[r * starts.words];
    if (has_dynamic(r)) {
      const std::size_t next = next_dynamic_start(starts, r, context, i, limit);
      return next < limit ? next : end;
    }
    std::size_t next = next_token(starts, statics, statics, i);
    while (next < limit && !second_holds(r, context, next + 1, end)) {
      next = next_token(starts, statics, statics, next + 1);
    }
    return next < limit ? next : end;
  }

  // A list of mention types as a rule tests it: where a mention of one of them starts (a
  // <Type> span matches only there) or where one starts or lies (a [<Type>] token test).
  struct TypeSet {
    std::vector<int> types;
    bool starts_only = false;
    bool operator==(const TypeSet&) const = default;
  };

 private:
  std::size_t probe(const TokenTest& t);
  std::uint32_t type_set(const TypeSet& set);  // its index in type_sets_, added if new
  bool mention_holds(std::uint32_t set, const MatchContext& context, std::size_t i) const {
    const TypeSet& s = type_sets_[set];
    return s.starts_only ? context.mention_starts(s.types, i)
                         : context.mention_starts_or_covers(s.types, i);
  }
  bool has_dynamic(std::size_t r) const { return !first_sets_[r].empty() || name_[r]; }
  static bool has_static_start(const Starts& starts, std::size_t r, std::size_t i) {
    return has_bit(&starts.rule_tokens[r * starts.words], starts, i);
  }
  static bool has_bit(const std::uint64_t* tokens, const Starts& starts, std::size_t i) {
    const std::size_t p = i - starts.begin;
    return ((tokens[p / 64] >> (p % 64)) & 1U) != 0;
  }
  // Keeps in rule r's token set only the tokens its windows allow.
  void restrict_by_windows(Starts& out, std::size_t r) const;
  // No match of rule r starts at or after the returned token (>= i): the last token in [i, end)
  // where a mention it requires (required_sets_) can be, plus one; i if one is missing.
  std::size_t mention_limit(const Starts& starts, std::size_t r, const MatchContext& context,
                            std::size_t i, std::size_t end) const;
  // The tokens of the last scanned sentence where a mention of type set `set` starts (or
  // starts or lies, as the set says), kept in `starts` while the context's mentions stay the
  // same.
  const std::uint64_t* set_tokens(const Starts& starts, std::uint32_t set,
                                  const MatchContext& context) const;
  // Whether one of rule r's mention-dependent first tests holds at token i.
  bool dynamic_start(std::size_t r, const MatchContext& context, std::size_t i) const;
  // The token probes that hold at token i, as bits over token_probes_.
  std::uint64_t token_probes_holding(Starts& out, const MatchContext& context, const Token& token,
                                     std::size_t i) const;
  // Whether the second token of a match can be at token j (< end): rules whose first part is
  // one token and whose next part starts with a <Type> are tried only where such a mention is
  // (for rules with static first tests; the others have no second test here).
  bool second_holds(std::size_t r, const MatchContext& context, std::size_t j,
                    std::size_t end) const {
    if (second_sets_[r].empty()) return true;
    if (j >= end) return false;
    for (const std::uint32_t set : second_sets_[r]) {
      if (mention_holds(set, context, j)) return true;
    }
    return false;
  }
  // next_start for a rule with mention-dependent first tests.
  std::size_t next_dynamic_start(const Starts& starts, std::size_t r, const MatchContext& context,
                                 std::size_t i, std::size_t end) const;
  // The first token >= i set in `a` or `b` (token sets of `starts`), or starts.end.
  static std::size_t next_token(const Starts& starts, const std::uint64_t* a,
                                const std::uint64_t* b, std::size_t i) {
    const std::size_t p = i - starts.begin;
    std::size_t w = p / 64;
    if (w >= starts.words) return starts.end;
    std::uint64_t word = (a[w] | b[w]) & (~std::uint64_t{0} << (p % 64));
    while (word == 0) {
      if (++w == starts.words) return starts.end;
      word = a[w] | b[w];
    }
    return starts.begin + w * 64 + static_cast<std::size_t>(std::countr_zero(word));
  }

  // Token tests the index evaluates on every token: first tests of some rules and/or words
  // some rules require.
  std::vector<TokenTest> probes_;
  // Exact literal -> probe, keyed by hash_key() so that a token's lookup reuses the hash
  // tokenize() stored in it; the literal is kept to rule out a collision.
  std::unordered_map<std::uint64_t, std::pair<std::string, std::size_t>> literal_probe_;
  std::vector<std::size_t> lexicon_probes_[64];  // per bit of lexicon_mask: lexicon probes
  // Per lexicon id: its (one, unnegated) lexicon probe, or kNoProbe; for contexts that list the
  // lexicons starting at a token (MatchContext::lexicons_starting).
  static constexpr std::uint32_t kNoProbe = ~std::uint32_t{0};
  std::vector<std::uint32_t> lexicon_probe_;
  std::vector<std::size_t> token_probes_;  // classes, suffixes: by the token's kind and flags
  std::vector<std::size_t> other_probes_;  // anything else: tested on every token
  // Per rule: whether its start is unconstrained (any token).
  std::vector<bool> anywhere_;
  // Per probe: the required groups it belongs to, with their rules. A rule needs one probe of
  // each of its groups present in the sentence. (Visited from the probes that hold in a
  // sentence, a few of several hundred; packed in one array, probe k's entries from
  // probe_groups_begin_[k] to probe_groups_begin_[k + 1], as a sentence visits a hundred.)
  struct GroupOfRule {
    std::uint32_t group;
    std::uint32_t rule;
  };
  std::vector<GroupOfRule> probe_groups_;
  std::vector<std::uint32_t> probe_groups_begin_;
  // Per rule: the probes of its static first tests. Read for the rules viable in a sentence
  // only (a tenth of those a hit probe is a first test of).
  std::vector<std::vector<std::uint32_t>> rule_probes_;
  std::vector<std::uint32_t> group_rule_;   // per group: its rule
  std::vector<std::uint32_t> rule_groups_;  // per rule: number of required groups
  std::vector<std::uint32_t> first_group_;  // per rule and one more: its first group
  std::vector<std::uint32_t> free_rules_;   // rules without required groups, in order
  // Per rule: its mention-dependent first tests, the <Type> tests merged into at most two type
  // sets (spans: where a mention starts; token tests: where one starts or lies), and whether it
  // has the Name test (holds only where may_be_name does).
  std::vector<std::vector<std::uint32_t>> first_sets_;
  // Per rule: the type sets of its second-token <Type> tests (Rule::second) when these are all
  // it has and its first tests are static; else empty.
  std::vector<std::vector<std::uint32_t>> second_sets_;
  // A part of a rule's pattern at a bounded distance from the start of any match, opening with
  // one of `probes` (tests on the tokens alone): a match starts at token i only if one of them
  // holds at a token in [i + least, i + most]. "[Lower] (\"firm\" | \"company\")": 1 and 1.
  struct Window {
    std::vector<std::size_t> probes;
    bool names = false;  // a Name opens the part: tokens where may_be_name holds count too
    std::size_t least = 0;
    std::size_t most = 0;
  };
  std::vector<std::vector<Window>> windows_;  // per rule
  std::vector<bool> name_;                    // per rule: has a Name first test
  // Per rule: the type sets of the <Type> tests some token of any match passes (a mention of
  // one of them must start, or start or lie, at or after the match's start): asked as the rule
  // is reached, since earlier rules add mentions.
  std::vector<std::vector<std::uint32_t>> required_sets_;
  // The distinct type sets of first_sets_, second_sets_ and required_sets_.
  std::vector<TypeSet> type_sets_;
};

}  // namespace ng::extract
