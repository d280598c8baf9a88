#include "extract/start_index.hpp"

#include "extract/text.hpp"

namespace ng::extract {
namespace {

bool same_test(const TokenTest& a, const TokenTest& b) {
  return a.kind == b.kind && a.negated == b.negated && a.id == b.id && a.value == b.value;
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
      // One requirement per alternative, joined: whichever alternative matches brings its own.
      std::vector<const TokenTest*> any;
      for (const PatternNode& child : n.children) {
        Groups inner;
        required_tests(child, inner);
        if (inner.empty()) return;  // this alternative requires nothing
        any.insert(any.end(), inner.front().begin(), inner.front().end());
      }
      out.push_back(std::move(any));
      break;
    }
  }
}

}  // namespace

std::size_t StartIndex::probe(const TokenTest& t) {
  if (is_exact_literal(t)) {
    auto [it, fresh] = literal_probe_.try_emplace(t.value, probes_.size());
    if (fresh) probes_.push_back({t, Bits(words_)});
    return it->second;
  }
  for (std::size_t k : other_probes_) {
    if (same_test(probes_[k].test, t)) return k;
  }
  other_probes_.push_back(probes_.size());
  probes_.push_back({t, Bits(words_)});
  return probes_.size() - 1;
}

StartIndex::StartIndex(const std::vector<Rule>& rules)
    : words_((rules.size() + 63) / 64),
      everywhere_(words_),
      dynamic_(rules.size()),
      required_(rules.size()) {
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    Groups groups;
    required_tests(rule.pattern, groups);
    for (const auto& group : groups) {
      std::vector<std::size_t> ids;
      for (const TokenTest* t : group) ids.push_back(probe(*t));
      required_[r].push_back(std::move(ids));
    }
    bool dynamic = false;
    for (const TokenTest& t : rule.first) dynamic = dynamic || depends_on_mentions(t);
    if (rule.first_any || dynamic) {
      set(everywhere_, r);
      dynamic_[r] = dynamic;
      continue;
    }
    for (const TokenTest& t : rule.first) set(probes_[probe(t)].first, r);
  }
}

void StartIndex::scan(const MatchContext& context, std::size_t begin, std::size_t end,
                      Starts& out) const {
  out.begin = begin;
  out.bits.assign((end - begin) * words_, 0);
  out.present.assign(probes_.size(), false);
  const std::vector<Token>& tokens = context.tokens();
  for (std::size_t i = begin; i < end; ++i) {
    std::uint64_t* bits = &out.bits[(i - begin) * words_];
    const auto hit = [&](std::size_t k) {
      out.present[k] = true;
      for (std::size_t w = 0; w < words_; ++w) bits[w] |= probes_[k].first[w];
    };
    for (std::size_t w = 0; w < words_; ++w) bits[w] = everywhere_[w];
    if (auto it = literal_probe_.find(tokens[i].key); it != literal_probe_.end()) hit(it->second);
    const std::uint64_t lexicons = context.lexicon_mask(i);
    for (std::size_t k : other_probes_) {
      const TokenTest& t = probes_[k].test;
      const bool ruled_out =
          t.kind == TokenTest::Kind::Lexicon && ((lexicons >> (t.id % 64)) & 1U) == 0;
      if (!ruled_out && holds_first(t, context, tokens[i], i)) hit(k);
    }
  }
  out.viable.assign(required_.size(), true);
  for (std::size_t r = 0; r < required_.size(); ++r) {
    for (const auto& group : required_[r]) {
      bool any = false;
      for (std::size_t k : group) any = any || out.present[k];
      if (!any) {
        out.viable[r] = false;
        break;
      }
    }
  }
}

}  // namespace ng::extract
