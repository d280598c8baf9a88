#include "extract/start_index.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include "extract/text.hpp"

namespace ng::extract {
namespace {

bool same_test(const TokenTest& a, const TokenTest& b) {
  return a.kind == b.kind && a.negated == b.negated && a.id == b.id && a.value == b.value;
}

// Tests whose answer depends on the token's kind and flags alone (not its key, lexicons or
// mentions): token classes but Name, suffix literals (holds_first lets these pass).
bool on_token_alone(const TokenTest& t) {
  return (t.kind == TokenTest::Kind::Class && !depends_on_mentions(t)) ||
         (t.kind == TokenTest::Kind::Literal && !t.value.empty() && t.value.front() == '*');
}

bool is_exact_literal(const TokenTest& t) {
  return t.kind == TokenTest::Kind::Literal && !t.negated && !t.value.empty() &&
         t.value.front() != '*';
}

// Tests that some token of any match must pass, as groups of which one member must hold:
// `(a | b) c` gives {a, b}, {c}. Only literal words and lexicons, which depend on the tokens
// alone; a part that may match nothing requires nothing.
using Groups = std::vector<std::vector<const TokenTest*>>;

void required_tests(const PatternNode& n, Groups& out) {
  if (n.min < 1) return;
  switch (n.kind) {
    case PatternNode::Kind::Tokens:
    case PatternNode::Kind::Span:
      for (const TokenTest& t : n.tests) {
        if (is_exact_literal(t) || (t.kind == TokenTest::Kind::Lexicon && !t.negated)) {
          out.push_back({&t});
        }
      }
      break;
    case PatternNode::Kind::Seq:
      for (const PatternNode& child : n.children) required_tests(child, out);
      break;
    case PatternNode::Kind::Alt: {
      // Whichever alternative matches brings its own requirements, so one group of each
      // alternative, joined, is a requirement. Joined are the k-th groups for every k (the last
      // of an alternative with fewer): "(a b | c b)" requires {a, c} and {b}, and a sentence
      // without "b" skips the rule.
      std::vector<Groups> inner(n.children.size());
      std::size_t most = 0;
      for (std::size_t a = 0; a < n.children.size(); ++a) {
        required_tests(n.children[a], inner[a]);
        if (inner[a].empty()) return;  // this alternative requires nothing
        most = std::max(most, inner[a].size());
      }
      for (std::size_t k = 0; k < most; ++k) {
        std::vector<const TokenTest*> any;
        for (const Groups& groups : inner) {
          const auto& group = groups[std::min(k, groups.size() - 1)];
          any.insert(any.end(), group.begin(), group.end());
        }
        out.push_back(std::move(any));
      }
      break;
    }
  }
}

// Mention tests that some token of any match must pass (a <Type> in a part that cannot be
// skipped, outside alternatives): the types of each, in `out` (a span's mention starts in the
// match; a token test's starts or lies there).
void required_mentions(const PatternNode& n, std::vector<StartIndex::TypeSet>& out) {
  if (n.min < 1) return;
  switch (n.kind) {
    case PatternNode::Kind::Tokens:
    case PatternNode::Kind::Span:
      for (const TokenTest& t : n.tests) {
        if (t.kind == TokenTest::Kind::Mention && !t.negated) {
          out.push_back({t.type_ids, n.kind == PatternNode::Kind::Span});
        }
      }
      break;
    case PatternNode::Kind::Seq:
      for (const PatternNode& child : n.children) required_mentions(child, out);
      break;
    case PatternNode::Kind::Alt:
      break;
  }
}

// Windows: where in any match a later part of the top-level sequence starts, and what its
// first token must pass.
constexpr std::size_t kUnbounded = ~std::size_t{0};
constexpr std::size_t kWidestWindow = 16;  // wider windows allow nearly every token anyway

std::size_t add_lengths(std::size_t a, std::size_t b) {
  return a == kUnbounded || b == kUnbounded ? kUnbounded : a + b;
}

// The fewest and most tokens a node (with its repeats) consumes in a successful match. A
// round of a group or span consumes at least one token (the matchers reject empty rounds);
// a lexicon span at most its lexicon's longest phrase (`longest`, by lexicon id, when known).
std::pair<std::size_t, std::size_t> length_range(const PatternNode& n,
                                                 const std::vector<std::size_t>& longest) {
  const auto rounds_least = static_cast<std::size_t>(std::max(n.min, 0));
  const std::size_t rounds_most = n.max < 0 ? kUnbounded : static_cast<std::size_t>(n.max);
  if (n.kind == PatternNode::Kind::Tokens) return {rounds_least, rounds_most};
  std::size_t least = 0, most = 0;
  switch (n.kind) {
    case PatternNode::Kind::Tokens:
    case PatternNode::Kind::Span: {
      const TokenTest& t = n.tests.front();
      const auto id = static_cast<std::size_t>(t.id);
      least = 1;
      most = t.kind == TokenTest::Kind::Lexicon && t.id >= 0 && id < longest.size() ? longest[id]
                                                                                    : kUnbounded;
      break;
    }
    case PatternNode::Kind::Seq:
      for (const PatternNode& child : n.children) {
        const std::pair<std::size_t, std::size_t> range = length_range(child, longest);
        least += range.first;
        most = add_lengths(most, range.second);
      }
      break;
    case PatternNode::Kind::Alt:
      least = n.children.empty() ? 0 : kUnbounded;
      for (const PatternNode& child : n.children) {
        const std::pair<std::size_t, std::size_t> range = length_range(child, longest);
        least = std::min(least, range.first);
        most = std::max(most, range.second);
      }
      break;
  }
  least = std::max<std::size_t>(least, 1);
  if (rounds_most == kUnbounded || most == kUnbounded) return {rounds_least * least, kUnbounded};
  return {rounds_least * least, rounds_most * most};
}

// The most selective test of a token node that holds_first answers from the tokens alone: a
// word, then a lexicon, then a class; none for Any, suffixes, negations and mention tests.
// Name counts as a class: it holds only where may_be_name does, which the tokens decide.
const TokenTest* token_anchor(const PatternNode& n) {
  const auto rank = [](const TokenTest& t) {
    if (is_exact_literal(t)) return 3;
    if (t.kind == TokenTest::Kind::Lexicon && !t.negated) return 2;
    if (t.kind == TokenTest::Kind::Class && !t.negated &&
        (on_token_alone(t) || depends_on_mentions(t))) {
      return 1;
    }
    return 0;
  };
  const TokenTest* best = nullptr;
  for (const TokenTest& t : n.tests) {
    if (rank(t) > 0 && (!best || rank(t) > rank(*best))) best = &t;
  }
  return best;
}

// The anchors of a part's first elements (visit_first_elements): tests of which one holds on
// the first token of any match of n, in `out`; `open` set when some match may start with a
// token none of them covers. Returns whether every match of n consumes a token.
bool anchor_tests(const PatternNode& n, std::vector<const TokenTest*>& out, bool& open) {
  return visit_first_elements(n, [&](const PatternNode& element) {
    const TokenTest* anchor = nullptr;
    if (element.kind == PatternNode::Kind::Tokens) {
      anchor = token_anchor(element);
    } else if (element.tests.front().kind == TokenTest::Kind::Lexicon) {
      anchor = &element.tests.front();  // (a mention span is known only as the rules run)
    }
    if (anchor) {
      out.push_back(anchor);
    } else {
      open = true;
    }
  });
}

struct PartAt {
  std::vector<const TokenTest*> anchors;
  std::size_t least = 0;
  std::size_t most = 0;
};

bool is_plain_sequence(const PatternNode& n) {
  return n.kind == PatternNode::Kind::Seq && n.min == 1 && n.max == 1;
}

// The parts of a sequence, with the parts of the sequences among them (groups and captures
// that match once) in their place: "name:(Cap Cap{0,2} @words) Lower" has four parts in a row.
// (A group's parts may together match nothing where the group may not; the distances found
// from them are then wider, never wrong.)
void sequence_parts(const PatternNode& seq, std::vector<const PatternNode*>& out) {
  for (const PatternNode& child : seq.children) {
    if (is_plain_sequence(child)) {
      sequence_parts(child, out);
    } else {
      out.push_back(&child);
    }
  }
}

// The parts (after the first) of the pattern's top-level sequence, groups and captures
// opened, that start at a bounded distance from the match's start and open with a test on
// the tokens alone.
std::vector<PartAt> parts_at_bounded_offsets(const PatternNode& pattern,
                                             const std::vector<std::size_t>& longest) {
  std::vector<PartAt> parts;
  if (!is_plain_sequence(pattern)) return parts;
  std::vector<const PatternNode*> sequence;
  sequence_parts(pattern, sequence);
  std::size_t least = 0, most = 0;  // where the current part starts, from the match's start
  for (std::size_t k = 0; k < sequence.size(); ++k) {
    const PatternNode& part = *sequence[k];
    if (k > 0) {
      PartAt at{{}, least, most};
      bool open = false;
      if (anchor_tests(part, at.anchors, open) && !open && !at.anchors.empty()) {
        parts.push_back(std::move(at));
      }
    }
    const std::pair<std::size_t, std::size_t> range = length_range(part, longest);
    least += range.first;
    most = add_lengths(most, range.second);
    if (most == kUnbounded || most - least > kWidestWindow) break;
  }
  return parts;
}

// The <Type> tests among a pattern's first elements (visit_first_elements of `parts`), merged
// into a starts set (spans) and a covers set (token tests); `only_mentions` cleared when an
// element has another test or none.
void first_mention_sets(std::span<const PatternNode> parts, StartIndex::TypeSet& starts,
                        StartIndex::TypeSet& covers, bool& only_mentions) {
  visit_first_elements(parts, [&](const PatternNode& element) {
    const TokenTest* t = first_element_test(element);
    if (!t || t->kind != TokenTest::Kind::Mention) {
      only_mentions = false;
      return;
    }
    StartIndex::TypeSet& set = element.kind == PatternNode::Kind::Span ? starts : covers;
    set.types.insert(set.types.end(), t->type_ids.begin(), t->type_ids.end());
  });
}

// Word w of the token set `bits` (`words` words) moved down by d tokens: bit b is bit b + d.
std::uint64_t shifted_down(const std::uint64_t* bits, std::size_t words, std::size_t w,
                           std::size_t d) {
  const std::size_t from = w + d / 64;
  const std::size_t shift = d % 64;
  if (from >= words) return 0;
  if (shift == 0) return bits[from];
  const std::uint64_t high = from + 1 < words ? bits[from + 1] << (64 - shift) : 0;
  return (bits[from] >> shift) | high;
}

// Bit b set where one of bits b .. b + width of `bits` is: the bits shifted down by each
// distance up to `width`, in doubling steps.
std::uint64_t smeared_down(std::uint64_t bits, std::size_t width) {
  if (width >= 63) return bits == 0 ? 0 : ~std::uint64_t{0} >> std::countl_zero(bits);
  std::size_t covered = 1;  // bits holds the OR over distances [0, covered)
  while (2 * covered <= width + 1) {
    bits |= bits >> covered;
    covered *= 2;
  }
  return covered == width + 1 ? bits : bits | bits >> (width + 1 - covered);
}

// The token probes (`which`, indices into `probes`) that hold at token i, as bits over `which`.
// Out of line: asked once per kind and flags of token, the answer is kept.
[[gnu::noinline]] std::uint64_t token_probes_on(const std::vector<TokenTest>& probes,
                                                const std::vector<std::size_t>& which,
                                                const MatchContext& context, const Token& token,
                                                std::size_t i) {
  std::uint64_t holds = 0;
  for (std::size_t j = 0; j < which.size(); ++j) {
    if (holds_first(probes[which[j]], context, token, i)) holds |= std::uint64_t{1} << j;
  }
  return holds;
}

}  // namespace

std::size_t StartIndex::probe(const TokenTest& t) {
  if (is_exact_literal(t)) {
    auto [it, fresh] =
        literal_probe_.try_emplace(hash_key(t.value), std::pair{t.value, probes_.size()});
    if (fresh) probes_.push_back(t);
    if (it->second.first != t.value) {
      throw std::logic_error("start index: two rule literals share a key hash");
    }
    return it->second.second;
  }
  const bool lexicon = t.kind == TokenTest::Kind::Lexicon && !t.negated;
  std::vector<std::size_t>& kind = lexicon ? lexicon_probes_[static_cast<unsigned>(t.id) % 64]
                                   : on_token_alone(t) ? token_probes_
                                                       : other_probes_;
  for (std::size_t k : kind) {
    if (same_test(probes_[k], t)) return k;
  }
  kind.push_back(probes_.size());
  if (lexicon && t.id >= 0) {
    const auto id = static_cast<std::size_t>(t.id);
    if (lexicon_probe_.size() <= id) lexicon_probe_.resize(id + 1, kNoProbe);
    lexicon_probe_[id] = static_cast<std::uint32_t>(probes_.size());
  }
  probes_.push_back(t);
  return probes_.size() - 1;
}

std::uint32_t StartIndex::type_set(const TypeSet& set) {
  const auto found = std::find(type_sets_.begin(), type_sets_.end(), set);
  if (found != type_sets_.end()) return static_cast<std::uint32_t>(found - type_sets_.begin());
  type_sets_.push_back(set);
  return static_cast<std::uint32_t>(type_sets_.size() - 1);
}

StartIndex::StartIndex(const std::vector<Rule>& rules,
                       const std::vector<std::size_t>& longest_phrases)
    : anywhere_(rules.size()),
      rule_groups_(rules.size()),
      first_sets_(rules.size()),
      second_sets_(rules.size()),
      windows_(rules.size()),
      name_(rules.size()),
      required_sets_(rules.size()) {
  std::vector<std::pair<std::size_t, std::uint32_t>> firsts, members;  // probe, rule / group
  const auto add_sets = [this](const TypeSet& starts, const TypeSet& covers,
                               std::vector<std::uint32_t>& out) {
    for (const TypeSet* set : {&starts, &covers}) {
      if (!set->types.empty()) out.push_back(type_set(*set));
    }
  };
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    const auto rule_id = static_cast<std::uint32_t>(r);
    Groups groups;
    required_tests(rule.pattern, groups);
    std::vector<TypeSet> required;
    required_mentions(rule.pattern, required);
    for (const TypeSet& set : required) required_sets_[r].push_back(type_set(set));
    for (const auto& group : groups) {
      const auto g = static_cast<std::uint32_t>(group_rule_.size());
      group_rule_.push_back(rule_id);
      for (const TokenTest* t : group) members.emplace_back(probe(*t), g);
    }
    rule_groups_[r] = static_cast<std::uint32_t>(groups.size());
    first_group_.push_back(static_cast<std::uint32_t>(group_rule_.size() - groups.size()));
    for (const PartAt& part : parts_at_bounded_offsets(rule.pattern, longest_phrases)) {
      Window window{{}, false, part.least, part.most};
      for (const TokenTest* t : part.anchors) {
        if (depends_on_mentions(*t)) {
          window.names = true;  // (Name: the only such anchor)
        } else {
          window.probes.push_back(probe(*t));
        }
      }
      windows_[r].push_back(std::move(window));
    }
    if (!rule.second.empty()) {
      TypeSet starts{{}, true}, covers{{}, false};
      bool only_mentions = true;
      first_mention_sets(parts_after_opening_token(rule.pattern), starts, covers, only_mentions);
      if (only_mentions) add_sets(starts, covers, second_sets_[r]);
    }
    if (rule.first_any) {
      anywhere_[r] = true;
      continue;
    }
    // The mention-dependent first tests (<Type>, Name) are asked as the rule is reached; the
    // others are probes.
    TypeSet starts{{}, true}, covers{{}, false};
    visit_first_elements(rule.pattern, [&](const PatternNode& element) {
      const TokenTest* t = first_element_test(element);
      if (!t) return;  // (none: the rule would start anywhere)
      if (t->kind == TokenTest::Kind::Mention) {
        TypeSet& set = element.kind == PatternNode::Kind::Span ? starts : covers;
        set.types.insert(set.types.end(), t->type_ids.begin(), t->type_ids.end());
      } else if (depends_on_mentions(*t)) {
        name_[r] = true;
      } else {
        firsts.emplace_back(probe(*t), rule_id);
      }
    });
    add_sets(starts, covers, first_sets_[r]);
    if (has_dynamic(r)) second_sets_[r].clear();
  }
  first_group_.push_back(static_cast<std::uint32_t>(group_rule_.size()));
  rule_probes_.resize(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rule_groups_[r] == 0) free_rules_.push_back(static_cast<std::uint32_t>(r));
  }
  for (const auto& [k, r] : firsts) {
    std::vector<std::uint32_t>& own = rule_probes_[r];
    if (std::find(own.begin(), own.end(), k) == own.end()) {
      own.push_back(static_cast<std::uint32_t>(k));
    }
  }
  // By probe, each probe's groups in the order they were added.
  std::stable_sort(members.begin(), members.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  probe_groups_begin_.assign(probes_.size() + 1, 0);
  for (const auto& [k, g] : members) {
    probe_groups_.push_back({g, group_rule_[g]});
    ++probe_groups_begin_[k + 1];
  }
  for (std::size_t k = 0; k < probes_.size(); ++k) {
    probe_groups_begin_[k + 1] += probe_groups_begin_[k];
  }
}

void StartIndex::scan(const MatchContext& context, std::size_t begin, std::size_t end,
                      Starts& out) const {
  const std::size_t size = end - begin;
  const std::size_t words = (size + 63) / 64;
  out.begin = begin;
  out.end = end;
  out.words = words;
  // Only the probes that held in the last sentence have bits or a hit flag to clear: a
  // sentence hits a few of several hundred probes, and clearing all of them cost more than
  // the scan itself.
  if (out.probe_tokens.size() == probes_.size() * words && out.hit.size() == probes_.size()) {
    for (std::uint32_t k : out.hit_probes) {
      std::fill_n(out.probe_tokens.begin() + static_cast<std::ptrdiff_t>(k * words), words, 0);
      out.hit[k] = 0;
    }
  } else {
    out.probe_tokens.assign(probes_.size() * words, 0);
    out.hit.assign(probes_.size(), 0);
  }
  out.all_tokens.assign(words, 0);
  out.name_tokens.assign(words, 0);
  out.set_versions.assign(type_sets_.size(), 0);
  out.set_tokens.resize(type_sets_.size() * words);
  out.hit_probes.clear();
  out.token_class_probes.resize(4 * 256, 0);  // (kept across sentences: token_probes_holding)
  const std::vector<Token>& tokens = context.tokens();
  for (std::size_t i = begin; i < end; ++i) {
    const std::size_t w = (i - begin) / 64;
    const std::uint64_t bit = std::uint64_t{1} << ((i - begin) % 64);
    const auto hit = [&](std::size_t k) {
      out.probe_tokens[k * words + w] |= bit;
      if (out.hit[k] == 0) {
        out.hit[k] = 1;
        out.hit_probes.push_back(static_cast<std::uint32_t>(k));
      }
    };
    out.all_tokens[w] |= bit;
    if (context.may_be_name(i)) out.name_tokens[w] |= bit;
    if (auto it = literal_probe_.find(key_hash_of(tokens[i]));
        it != literal_probe_.end() && it->second.first == tokens[i].key) {
      hit(it->second.second);
    }
    // The lexicons starting here, listed by the context: each one's probe holds. Otherwise
    // only the lexicons whose bit is set can start here: no test for the others.
    std::size_t listed = 0;
    if (const int* lexicons = context.lexicons_starting(i, listed)) {
      for (std::size_t q = 0; q < listed; ++q) {
        const auto id = static_cast<std::size_t>(lexicons[q]);
        if (lexicons[q] >= 0 && id < lexicon_probe_.size() && lexicon_probe_[id] != kNoProbe) {
          hit(lexicon_probe_[id]);
        }
      }
    } else {
      for (std::uint64_t bits = context.lexicon_mask(i); bits != 0; bits &= bits - 1) {
        for (std::size_t k : lexicon_probes_[std::countr_zero(bits)]) {
          if (context.lexicon_starts(probes_[k].id, i)) hit(k);
        }
      }
    }
    for (std::uint64_t holds = token_probes_holding(out, context, tokens[i], i); holds != 0;
         holds &= holds - 1) {
      hit(token_probes_[std::countr_zero(holds)]);
    }
    for (std::size_t k : other_probes_) {
      if (holds_first(probes_[k], context, tokens[i], i)) hit(k);
    }
  }
  // Required words: count down each rule's groups from the probes that hold.
  out.missing = rule_groups_;
  out.group_end.assign(group_rule_.size(), 0);
  const std::size_t rules = rule_groups_.size();
  out.rule_tokens.assign(rules * words, 0);
  // A rule becomes viable when the last of its required groups is met; the rules without any
  // are always viable. Only these are visited below, not every rule.
  for (std::uint32_t r : out.viable_rules) {
    if (r < out.viable.size()) out.viable[r] = 0;
  }
  out.viable.resize(rules, 0);
  out.rule_end.resize(rules);
  out.viable_rules = free_rules_;
  for (std::uint32_t k : out.hit_probes) {
    const std::uint64_t* holds = &out.probe_tokens[k * words];
    std::size_t last_word = words - 1;
    while (holds[last_word] == 0) --last_word;
    const auto end_offset =
        static_cast<std::uint32_t>(last_word * 64 + 64 - std::countl_zero(holds[last_word]));
    const GroupOfRule* last = probe_groups_.data() + probe_groups_begin_[k + 1];
    for (const GroupOfRule* it = probe_groups_.data() + probe_groups_begin_[k]; it != last; ++it) {
      std::uint32_t& group_end = out.group_end[it->group];
      if (group_end == 0 && --out.missing[it->rule] == 0) out.viable_rules.push_back(it->rule);
      group_end = std::max(group_end, end_offset);
    }
  }
  std::sort(out.viable_rules.begin(), out.viable_rules.end());  // rules run in file order
  out.window_tokens.resize(windows_.size() * words);
  for (std::uint32_t r : out.viable_rules) {
    out.viable[r] = 1;
    out.rule_end[r] = end;
    for (std::uint32_t g = first_group_[r]; g < first_group_[r + 1]; ++g) {
      out.rule_end[r] = std::min<std::size_t>(out.rule_end[r], begin + out.group_end[g]);
    }
    std::uint64_t* starts = &out.rule_tokens[r * words];
    if (anywhere_[r]) {
      std::copy_n(out.all_tokens.begin(), words, starts);
    } else {
      // The tokens where one of its static first tests holds.
      for (const std::uint32_t k : rule_probes_[r]) {
        if (out.hit[k] == 0) continue;
        const std::uint64_t* holds = &out.probe_tokens[k * words];
        for (std::size_t w = 0; w < words; ++w) starts[w] |= holds[w];
      }
    }
    if (!windows_[r].empty()) restrict_by_windows(out, r);
  }
}

void StartIndex::restrict_by_windows(Starts& out, std::size_t r) const {
  const std::size_t words = out.words;
  std::uint64_t* allowed = &out.window_tokens[r * words];
  std::uint64_t* starts = &out.rule_tokens[r * words];
  if (!has_dynamic(r) &&
      std::all_of(starts, starts + words, [](std::uint64_t w) { return w == 0; })) {
    std::fill_n(allowed, words, 0);  // no start to restrict
    return;
  }
  if (words == 1) {  // most sentences: one word per token set, no carries between words
    std::uint64_t kept = out.all_tokens[0];
    for (const Window& window : windows_[r]) {
      std::uint64_t hits = window.names ? out.name_tokens[0] : 0;
      for (const std::size_t k : window.probes) hits |= out.probe_tokens[k];
      kept &=
          window.least < 64 ? smeared_down(hits >> window.least, window.most - window.least) : 0;
    }
    allowed[0] = kept;
    starts[0] &= kept;
    return;
  }
  std::copy_n(out.all_tokens.begin(), words, allowed);
  std::vector<std::uint64_t>& hits = out.window_hits;
  for (const Window& window : windows_[r]) {
    hits.assign(words, 0);
    for (const std::size_t k : window.probes) {
      if (out.hit[k] == 0) continue;
      for (std::size_t w = 0; w < words; ++w) hits[w] |= out.probe_tokens[k * words + w];
    }
    if (window.names) {
      for (std::size_t w = 0; w < words; ++w) hits[w] |= out.name_tokens[w];
    }
    // Token i is allowed where a hit lies d tokens on, least <= d <= most: the hits shifted
    // down by each d.
    for (std::size_t w = 0; w < words; ++w) {
      std::uint64_t any = 0;
      for (std::size_t d = window.least; d <= window.most; ++d) {
        any |= shifted_down(hits.data(), words, w, d);
      }
      allowed[w] &= any;
    }
  }
  for (std::size_t w = 0; w < words; ++w) starts[w] &= allowed[w];
}

std::uint64_t StartIndex::token_probes_holding(Starts& out, const MatchContext& context,
                                               const Token& token, std::size_t i) const {
  const auto kind = static_cast<std::size_t>(token.kind);
  if (token_probes_.size() >= 64 || kind >= 4) {
    return token_probes_on(probes_, token_probes_, context, token, i);
  }
  // The answer depends on the token's kind and flags alone: worked out once per combination
  // (bit 63 marks an entry as known; scan() sized the table).
  constexpr std::uint64_t kKnown = std::uint64_t{1} << 63;
  std::uint64_t& entry = out.token_class_probes[kind * 256 + token.flags];
  if (entry == 0) entry = kKnown | token_probes_on(probes_, token_probes_, context, token, i);
  return entry & ~kKnown;
}

const std::uint64_t* StartIndex::set_tokens(const Starts& starts, std::uint32_t set,
                                            const MatchContext& context) const {
  std::uint64_t* bits = &starts.set_tokens[set * starts.words];
  const std::uint64_t version = context.mention_version();
  const std::uint64_t kept = starts.set_versions[set];
  if (version != 0 && kept == version) return bits;
  const TypeSet& types = type_sets_[set];
  // A match mostly adds a mention or two: only their tokens are added to the kept bits.
  if (version != 0 && kept != 0 &&
      context.add_new_mention_tokens(types.types, types.starts_only, kept, starts.begin,
                                     starts.begin, starts.end, bits)) {
    starts.set_versions[set] = version;
    return bits;
  }
  std::fill_n(bits, starts.words, 0);
  if (types.starts_only) {
    context.mention_start_tokens(types.types, starts.begin, starts.begin, starts.end, bits);
  } else {
    context.mention_tokens(types.types, starts.begin, starts.begin, starts.end, bits);
  }
  starts.set_versions[set] = version;
  return bits;
}

std::size_t StartIndex::mention_limit(const Starts& starts, std::size_t r,
                                      const MatchContext& context, std::size_t i,
                                      std::size_t end) const {
  std::size_t limit = end;
  for (const std::uint32_t set : required_sets_[r]) {
    if (i >= limit) break;
    // The last token before `end` where such a mention is; none at or after token i: no match.
    const std::uint64_t* bits = set_tokens(starts, set, context);
    const std::size_t size = end - starts.begin;
    std::size_t w = (size + 63) / 64;
    std::uint64_t word = 0;
    while (w > 0) {
      word = bits[w - 1];
      if (w * 64 > size) word &= ~std::uint64_t{0} >> (w * 64 - size);
      if (word != 0) break;
      --w;
    }
    if (w == 0) return i;
    const std::size_t last =
        starts.begin + (w - 1) * 64 + 63 - static_cast<std::size_t>(std::countl_zero(word));
    if (last < i) return i;
    limit = std::min(limit, last + 1);
  }
  return std::max(limit, i);
}

bool StartIndex::dynamic_start(std::size_t r, const MatchContext& context, std::size_t i) const {
  for (const std::uint32_t set : first_sets_[r]) {
    if (mention_holds(set, context, i)) return true;
  }
  return name_[r] && context.is_name(i);
}

std::size_t StartIndex::next_dynamic_start(const Starts& starts, std::size_t r,
                                           const MatchContext& context, std::size_t i,
                                           std::size_t end) const {
  const std::uint64_t* statics = &starts.rule_tokens[r * starts.words];
  // Mention-dependent tests are asked now (earlier matches add mentions): the <Type> tests for
  // all the remaining tokens at once, Name only where may_be_name holds.
  // (The kept mention bits cover the whole sentence; only tokens in [i, end) are looked at.)
  // (The windows' restriction already holds in `statics`; it is applied to the rest here.)
  const std::uint64_t* windows =
      windows_[r].empty() ? nullptr : &starts.window_tokens[r * starts.words];
  std::vector<std::uint64_t>& mentions = starts.mention_tokens;
  mentions.assign(statics, statics + starts.words);
  for (const std::uint32_t set : first_sets_[r]) {
    if (i >= end) break;
    const std::uint64_t* kept = set_tokens(starts, set, context);
    for (std::size_t w = 0; w < starts.words; ++w) {
      mentions[w] |= windows ? kept[w] & windows[w] : kept[w];
    }
  }
  const std::uint64_t* names = name_[r] ? starts.name_tokens.data() : mentions.data();
  if (name_[r] && windows) {
    std::vector<std::uint64_t>& restricted = starts.window_names;
    restricted.resize(starts.words);
    for (std::size_t w = 0; w < starts.words; ++w) restricted[w] = names[w] & windows[w];
    names = restricted.data();
  }
  for (i = next_token(starts, mentions.data(), names, i); i < end;
       i = next_token(starts, mentions.data(), names, i + 1)) {
    const std::size_t p = i - starts.begin;
    if (((mentions[p / 64] >> (p % 64)) & 1U) != 0 || context.is_name(i)) return i;
  }
  return end;
}

}  // namespace ng::extract
