// A fake sentence for the rule and start-index tests: tokens of a text, no lexicon entries,
// mentions given as token spans (added and dropped as rules would), Name = capitalised.
// Versioned (the default) it numbers its mentions as stage 1 does (other changes above, the
// number of mentions below) and adds new mentions' tokens to kept bits; unversioned it leaves
// both to MatchContext's defaults (mention_version 0: keep nothing).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/rules.hpp"
#include "extract/text.hpp"

namespace ng_test {

class SpanMentionsContext : public ng::extract::MatchContext {
 public:
  struct Span {
    std::size_t begin, end;
    int type;
    bool dropped = false;
  };
  explicit SpanMentionsContext(const std::string& text, std::vector<Span> mentions = {},
                               bool versioned = true)
      : tokens_(ng::extract::tokenize(text, {})),
        mentions_(std::move(mentions)),
        versioned_(versioned) {}
  void add(Span span) { mentions_.push_back(span); }
  void drop(std::size_t k) {
    mentions_[k].dropped = true;
    ++changes_;
  }
  // How often add_new_mention_tokens answered (versioned only).
  std::size_t additions_used() const { return additions_used_; }

  const std::vector<ng::extract::Token>& tokens() const override { return tokens_; }
  void lexicon_spans(int, std::size_t, std::vector<std::uint32_t>& out) const override {
    out.clear();
  }
  void mention_spans(const std::vector<int>& types, std::size_t i,
                     std::vector<std::uint32_t>& out) const override {
    out.clear();
    for (const Span& m : mentions_) {
      if (!m.dropped && m.begin == i && has(types, m.type)) {
        out.push_back(static_cast<std::uint32_t>(m.end - m.begin));
      }
    }
    std::sort(out.rbegin(), out.rend());
  }
  bool covered(const std::vector<int>& types, std::size_t i) const override {
    for (const Span& m : mentions_) {
      if (!m.dropped && m.begin <= i && i < m.end && has(types, m.type)) return true;
    }
    return false;
  }
  bool is_name(std::size_t i) const override { return tokens_[i].is(ng::extract::kCapitalized); }
  std::uint64_t mention_version() const override {
    return versioned_ ? ((changes_ + 1) << 32) | mentions_.size() : 0;
  }
  bool add_new_mention_tokens(const std::vector<int>& types, bool starts_only,
                              std::uint64_t version, std::size_t origin, std::size_t begin,
                              std::size_t end, std::uint64_t* bits) const override {
    const std::size_t before = version & 0xFFFFFFFFU;
    if (!versioned_ || (version >> 32) != changes_ + 1 || before > mentions_.size()) {
      return false;
    }
    for (std::size_t k = before; k < mentions_.size(); ++k) {
      const Span& m = mentions_[k];
      if (m.dropped || !has(types, m.type)) continue;
      for (std::size_t i = m.begin; i < (starts_only ? m.begin + 1 : m.end); ++i) {
        if (i >= begin && i < end) {
          bits[(i - origin) / 64] |= std::uint64_t{1} << ((i - origin) % 64);
        }
      }
    }
    ++additions_used_;
    return true;
  }

 private:
  static bool has(const std::vector<int>& types, int type) {
    return std::find(types.begin(), types.end(), type) != types.end();
  }
  std::vector<ng::extract::Token> tokens_;
  std::vector<Span> mentions_;
  bool versioned_;
  std::uint64_t changes_ = 0;
  mutable std::size_t additions_used_ = 0;
};

}  // namespace ng_test
