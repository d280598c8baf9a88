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

TEST_CASE("next_start keeps a rule's mention work only while the mentions stay the same",
          "[extract][rules]") {
  // Rules with mention-dependent starts (a <Type> span, Name) and with a required mention,
  // walked as the rule loop walks them: asked again from the next token after each try, with
  // other rules asked in between and mentions added and dropped between walks.
  const auto rules = parse_rules(
      "rule span: <Country> \"said\" => Person();\n"
      "rule name: Name \"said\" => Person();\n"
      "rule required: Cap* <Person> \"said\" => Person();\n"
      "rule token: [<Country> Cap] Any => Person();\n",
      "t.rules", kVocab);
  REQUIRE(rules.size() == 4);
  const StartIndex index(rules);
  for (const bool versioned : {true, false}) {
    SpanMentionsContext ctx("in New Tarvia said so Ada Brun said that Old Tarvia said", {},
                            versioned);
    const std::size_t end = ctx.tokens().size();
    StartIndex::Starts starts;
    index.scan(ctx, 0, end, starts);
    // The simple version: may_start asked at every token.
    const auto simple_starts = [&](std::size_t r) {
      std::vector<std::size_t> out;
      for (std::size_t i = 0; i < end; ++i) {
        if (index.may_start(starts, r, ctx, i)) out.push_back(i);
      }
      return out;
    };
    const auto check_all = [&](std::size_t step) {
      for (std::size_t r = 0; r < rules.size(); ++r) {
        INFO("versioned " << versioned << ", step " << step << ", rule " << rules[r].name);
        // Twice: the second walk reads what the first kept.
        CHECK(rule_starts(index, starts, r, ctx, end) == simple_starts(r));
        CHECK(rule_starts(index, starts, r, ctx, end) == simple_starts(r));
      }
      // Walks of two rules interleaved token by token.
      std::vector<std::size_t> span_walk, name_walk;
      std::size_t a = index.next_start(starts, 0, ctx, 0, end);
      std::size_t b = index.next_start(starts, 1, ctx, 0, end);
      while (a < end || b < end) {
        if (a < end) {
          span_walk.push_back(a);
          a = index.next_start(starts, 0, ctx, a + 1, end);
        }
        if (b < end) {
          name_walk.push_back(b);
          b = index.next_start(starts, 1, ctx, b + 1, end);
        }
      }
      CHECK(span_walk == simple_starts(0));
      CHECK(name_walk == simple_starts(1));
    };
    check_all(0);
    CHECK(rule_starts(index, starts, 2, ctx, end).empty());  // no <Person> yet
    ctx.add({5, 7, 1});                                      // "Ada Brun"
    check_all(1);
    // A capital up to the last <Person>, or where one starts.
    CHECK(rule_starts(index, starts, 2, ctx, end) == std::vector<std::size_t>{1, 2, 5});
    // Just before a "said" (the window).
    CHECK(rule_starts(index, starts, 1, ctx, end) == std::vector<std::size_t>{2, 6, 10});
    ctx.add({1, 3, 0});  // "New Tarvia"
    check_all(2);
    CHECK(rule_starts(index, starts, 0, ctx, end) == std::vector<std::size_t>{1});
    ctx.drop(0);  // no "Ada Brun" any more: the required mention is gone
    check_all(3);
    CHECK(rule_starts(index, starts, 2, ctx, end).empty());
  }
}

namespace {

// A sentence with lexicon spans given by hand (lexicon id, first token, length); `listing`:
// whether it lists the lexicons starting at a token (MatchContext::lexicons_starting).
class LexiconSpansContext : public SpanMentionsContext {
 public:
  struct Entry {
    int lexicon;
    std::size_t begin, length;
  };
  LexiconSpansContext(const std::string& text, std::vector<Entry> entries, bool listing)
      : SpanMentionsContext(text), entries_(std::move(entries)), listing_(listing) {
    for (std::size_t i = 0; i <= tokens().size(); ++i) {
      starts_at_.push_back(ids_.size());
      for (const Entry& e : entries_) {
        if (e.begin == i) ids_.push_back(e.lexicon);
      }
    }
  }
  void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const override {
    out.clear();
    for (const Entry& e : entries_) {
      if (e.lexicon == id && e.begin == i) out.push_back(static_cast<std::uint32_t>(e.length));
    }
    std::sort(out.rbegin(), out.rend());
  }
  const int* lexicons_starting(std::size_t i, std::size_t& count) const override {
    if (!listing_) return MatchContext::lexicons_starting(i, count);
    count = starts_at_[i + 1] - starts_at_[i];
    return ids_.data() + starts_at_[i];
  }

 private:
  std::vector<Entry> entries_;
  bool listing_;
  std::vector<int> ids_;                // the lexicons of the entries, by first token
  std::vector<std::size_t> starts_at_;  // per token (and one past): where its ids start
};

}  // namespace

TEST_CASE("the start index finds the same starts from listed lexicons as from lexicon tests",
          "[extract][rules]") {
  const RuleVocabulary vocab{{"titles", "places", "unused"}, {"Country", "Person"}, {"Person"}};
  const auto rules = parse_rules(
      "rule title: @titles Cap => Person();\n"
      "rule place: \"in\" @places => Person();\n"
      "rule required: Cap \"said\" @titles => Person();\n"
      "rule not_place: [!@places Cap] \"said\" => Person();\n",
      "t.rules", vocab);
  REQUIRE(rules.size() == 4);
  const StartIndex index(rules);
  // titles: 0, places: 1 (vocab's lexicons); "Chief Justice" and "Justice" are both titles,
  // and "Tarvia" a place listed twice (two entries of one lexicon).
  const std::vector<LexiconSpansContext::Entry> entries{
      {0, 0, 2}, {0, 1, 1}, {1, 6, 1}, {1, 6, 1}, {0, 10, 1}};
  const std::string text = "Chief Justice Ada Brun said in Tarvia that Ola said Justice";
  LexiconSpansContext listing(text, entries, true), testing(text, entries, false);
  const std::size_t end = listing.tokens().size();
  StartIndex::Starts listed, tested;
  index.scan(listing, 0, end, listed);
  index.scan(testing, 0, end, tested);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    INFO("rule " << rules[r].name);
    CHECK(rule_starts(index, listed, r, listing, end) ==
          rule_starts(index, tested, r, testing, end));
  }
  CHECK(rule_starts(index, listed, 0, listing, end) == std::vector<std::size_t>{0, 1, 10});
  CHECK(rule_starts(index, listed, 1, listing, end) == std::vector<std::size_t>{5});
  // A capital with "said" one token on and a title two on: "Ola".
  CHECK(rule_starts(index, listed, 2, listing, end) == std::vector<std::size_t>{8});
  CHECK(rule_starts(index, listed, 3, listing, end) == std::vector<std::size_t>{3, 8});
  // A lexicon no rule tests and an empty sentence list nothing that matters.
  const LexiconSpansContext other("Ada said in Tarvia", {{2, 0, 1}, {1, 3, 1}}, true);
  StartIndex::Starts some;
  index.scan(other, 0, other.tokens().size(), some);
  CHECK(rule_starts(index, some, 1, other, other.tokens().size()) == std::vector<std::size_t>{2});
  CHECK(rule_starts(index, some, 3, other, other.tokens().size()) == std::vector<std::size_t>{0});
}
