#include "extract/start_index.hpp"

#include "extract/text.hpp"

namespace ng::extract {
namespace {

bool same_test(const TokenTest& a, const TokenTest& b) {
  return a.kind == b.kind && a.negated == b.negated && a.id == b.id && a.value == b.value;
}

}  // namespace

StartIndex::StartIndex(const std::vector<Rule>& rules)
    : words_((rules.size() + 63) / 64), everywhere_(words_), dynamic_(rules.size()) {
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    bool dynamic = false;
    for (const TokenTest& t : rule.first) dynamic = dynamic || depends_on_mentions(t);
    if (rule.first_any || dynamic) {
      set(everywhere_, r);
      dynamic_[r] = dynamic;
      continue;
    }
    for (const TokenTest& t : rule.first) {
      const bool exact_literal = t.kind == TokenTest::Kind::Literal && !t.negated &&
                                 !(t.value.size() > 0 && t.value.front() == '*');
      if (exact_literal) {
        auto [it, fresh] = by_literal_.try_emplace(t.value);
        if (fresh) it->second.assign(words_, 0);
        set(it->second, r);
        continue;
      }
      std::size_t k = 0;
      while (k < by_test_.size() && !same_test(by_test_[k].first, t)) ++k;
      if (k == by_test_.size()) by_test_.emplace_back(t, Bits(words_));
      set(by_test_[k].second, r);
    }
  }
}

void StartIndex::scan(const MatchContext& context, std::size_t begin, std::size_t end,
                      Starts& out) const {
  out.begin = begin;
  out.bits.assign((end - begin) * words_, 0);
  const std::vector<Token>& tokens = context.tokens();
  for (std::size_t i = begin; i < end; ++i) {
    std::uint64_t* bits = &out.bits[(i - begin) * words_];
    const auto add = [&](const Bits& b) {
      for (std::size_t w = 0; w < words_; ++w) bits[w] |= b[w];
    };
    add(everywhere_);
    if (auto it = by_literal_.find(tokens[i].key); it != by_literal_.end()) add(it->second);
    for (const auto& [test, b] : by_test_) {
      if (holds_first(test, context, tokens[i], i)) add(b);
    }
  }
}

}  // namespace ng::extract
