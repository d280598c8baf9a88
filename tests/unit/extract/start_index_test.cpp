// The start index's mention bits kept across matches: adding a match's mentions to the kept
// bits must give what a fresh scan gives.
#include "extract/start_index.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "extract/rules.hpp"
#include "extract/text.hpp"
#include "rule_starts.hpp"
#include "span_mentions_context.hpp"

using namespace ng::extract;
using ng_test::rule_starts;
using ng_test::SpanMentionsContext;

namespace {

const RuleVocabulary kVocab{{"titles"}, {"Country", "Person"}, {"Person"}};

}  // namespace

TEST_CASE("the start index adds a match's new mentions to its kept bits as a fresh scan would",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule span: <Country> \"said\" => Person();\n"
      "rule token: [<Country> Cap] Any => Person();\n"
      "rule required: Cap* <Person> \"said\" => Person();\n"
      "rule second: Any <Country> \"said\" => Person();\n",
      "t.rules", kVocab);
  REQUIRE(rules.size() == 4);
  const StartIndex index(rules);
  // Country: 0, Person: 1 (kVocab's mention types).
  SpanMentionsContext ctx("in New Tarvia said so Ada Brun said that Old Tarvia said");
  const std::size_t end = ctx.tokens().size();
  StartIndex::Starts kept;
  index.scan(ctx, 0, end, kept);
  const auto same_as_fresh_scan = [&](std::size_t step) {
    StartIndex::Starts fresh;
    index.scan(ctx, 0, end, fresh);
    for (std::size_t r = 0; r < rules.size(); ++r) {
      INFO("step " << step << ", rule " << rules[r].name);
      CHECK(rule_starts(index, kept, r, ctx, end) == rule_starts(index, fresh, r, ctx, end));
    }
  };
  same_as_fresh_scan(0);
  CHECK(rule_starts(index, kept, 0, ctx, end).empty());
  ctx.add({1, 3, 0});  // "New Tarvia"
  same_as_fresh_scan(1);
  CHECK(rule_starts(index, kept, 0, ctx, end) == std::vector<std::size_t>{1});
  CHECK(rule_starts(index, kept, 1, ctx, end) == std::vector<std::size_t>{1, 2});
  ctx.add({5, 7, 1});   // "Ada Brun"
  ctx.add({9, 11, 0});  // "Old Tarvia"
  same_as_fresh_scan(2);
  CHECK(rule_starts(index, kept, 1, ctx, end) == std::vector<std::size_t>{1, 2, 9, 10});
  CHECK(rule_starts(index, kept, 3, ctx, end) == std::vector<std::size_t>{0, 8});
  const std::size_t additions = ctx.additions_used();
  CHECK(additions > 0);
  // A drop is no addition: the bits are made afresh, without the dropped mention.
  ctx.drop(0);
  same_as_fresh_scan(3);
  CHECK(rule_starts(index, kept, 1, ctx, end) == std::vector<std::size_t>{9, 10});
  // A mention added after the drop is added to the bits made afresh.
  ctx.add({4, 5, 0});  // "so", as a Country of one token
  same_as_fresh_scan(4);
  CHECK(rule_starts(index, kept, 1, ctx, end) == std::vector<std::size_t>{4, 9, 10});
  CHECK(ctx.additions_used() > additions);
}

TEST_CASE("a context that cannot list its new mentions gets its mention bits made afresh",
          "[extract][rules]") {
  // The base MatchContext answers add_new_mention_tokens with false.
  class Unversioned : public MatchContext {
   public:
    std::vector<Token> tokens_ = tokenize("so New Tarvia said", {});
    bool country_ = false;
    const std::vector<Token>& tokens() const override { return tokens_; }
    void lexicon_spans(int, std::size_t, std::vector<std::uint32_t>& out) const override {
      out.clear();
    }
    void mention_spans(const std::vector<int>&, std::size_t i,
                       std::vector<std::uint32_t>& out) const override {
      out.clear();
      if (country_ && i == 1) out.push_back(2);
    }
    bool covered(const std::vector<int>&, std::size_t i) const override {
      return country_ && (i == 1 || i == 2);
    }
    bool is_name(std::size_t) const override { return false; }
    std::uint64_t mention_version() const override { return country_ ? 2 : 1; }
  };
  const auto rules = parse_rules("rule span: <Country> \"said\" => Person();\n", "t.rules", kVocab);
  const StartIndex index(rules);
  Unversioned ctx;
  StartIndex::Starts starts;
  index.scan(ctx, 0, ctx.tokens_.size(), starts);
  CHECK(rule_starts(index, starts, 0, ctx, ctx.tokens_.size()).empty());
  ctx.country_ = true;
  CHECK(rule_starts(index, starts, 0, ctx, ctx.tokens_.size()) == std::vector<std::size_t>{1});
}

TEST_CASE("a word every alternative requires keeps a rule from sentences without it",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule body: ((\"interim\" | \"army\"){1,2} \"board\" | \"joint\" \"board\") => Person();\n"
      "rule mixed: (\"interim\" \"board\" | \"joint\") Cap => Person();\n",
      "t.rules", kVocab);
  REQUIRE(rules.size() == 2);
  const StartIndex index(rules);
  const auto starts_in = [&](const std::string& text, std::size_t r) {
    SpanMentionsContext ctx(text);
    StartIndex::Starts starts;
    const std::size_t end = ctx.tokens().size();
    index.scan(ctx, 0, end, starts);
    // Every match starts where the index lets the rule start.
    RuleMatch m;
    for (std::size_t i = 0; i < end; ++i) {
      if (match_rule(rules[r], ctx, i, end, m)) CHECK(index.may_start(starts, r, ctx, i));
    }
    return rule_starts(index, starts, r, ctx, end);
  };
  // "board" is in both alternatives: without it the rule starts nowhere, even at "army".
  CHECK(starts_in("the army said the joint talks ended", 0).empty());
  CHECK(starts_in("the army board met after the joint board", 0) == std::vector<std::size_t>{1, 6});
  // Not after the last "board": a match holds it at or after its start.
  CHECK(starts_in("the board met the army", 0).empty());
  // Only one alternative requires "board": "joint" alone still starts the rule.
  CHECK(starts_in("the joint Tarvian talks", 1) == std::vector<std::size_t>{1});
  CHECK(starts_in("the interim Tarvian talks", 1).empty());
}
