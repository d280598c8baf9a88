#include "extract/rules.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "extract/start_index.hpp"
#include "extract/text.hpp"
#include "rule_starts.hpp"
#include "span_mentions_context.hpp"

using namespace ng::extract;
using ng_test::rule_starts;
using ng_test::SpanMentionsContext;

namespace {

const RuleVocabulary kVocab{{"titles", "verbs"}, {"Country", "Person"}, {"Person", "Alias"}};

// A fixed sentence: lexicon "titles" covers "General" (1 token), "verbs" covers "said";
// a Country mention covers token 0.
class FakeContext : public MatchContext {
 public:
  explicit FakeContext(const std::string& text) : tokens_(tokenize(text, {})) {}
  const std::vector<Token>& tokens() const override { return tokens_; }
  void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const override {
    out.clear();
    if (id == 0 && tokens_[i].key == "general") out.push_back(1);
    if (id == 1 && tokens_[i].key == "said") out.push_back(1);
  }
  void mention_spans(const std::vector<int>& types, std::size_t i,
                     std::vector<std::uint32_t>& out) const override {
    out.clear();
    if (i == 0 && types.front() == 0) out.push_back(1);
  }
  bool covered(const std::vector<int>& types, std::size_t i) const override {
    return i == 0 && types.front() == 0;
  }
  bool is_name(std::size_t i) const override {
    return tokens_[i].is(kCapitalized) && i != 0 && tokens_[i].key != "general";
  }

 private:
  std::vector<Token> tokens_;
};

}  // namespace

TEST_CASE("rules parse into slots, actions and first-token tests", "[extract][rules]") {
  auto rules = parse_rules(
      "# comment\n"
      "rule title_name: aff:<Country>? role:@titles name:(Name Name?) => Person(name=name, "
      "role=role, affiliation=aff);\n"
      "rule said: name:Name{2,3} \"said\" => Person(name=name, note=\"x\");\n",
      "t.rules", kVocab);
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].slots == std::vector<std::string>{"aff", "role", "name"});
  CHECK(rules[0].action == "Person");
  REQUIRE(rules[0].arg("role"));
  CHECK(rules[0].arg("role")->slot == 1);
  CHECK(rules[1].arg("note")->literal);
  CHECK_FALSE(rules[0].first_any);  // a Country mention or a title
  CHECK(rules[0].first.size() == 2);
  CHECK(rules[0].second.empty());  // the pattern does not open with exactly one token

  // A pattern opening with one token (through captures): the next part's first tests.
  auto second = parse_rules(
      "rule a: [!Upper] <Country> Any => Person();\n"
      "rule b: x:([Cap] y:(<Country> | @titles)) => Person();\n"
      "rule c: [Cap] Any? => Person();\n",
      "t.rules", kVocab);
  REQUIRE(second[0].second.size() == 1);
  CHECK(second[0].second[0].kind == TokenTest::Kind::Mention);
  CHECK(second[1].second.size() == 2);
  CHECK(second[2].second.empty());  // the rest may match nothing
}

TEST_CASE("the first elements of a pattern are visited once each, in pattern order",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule a: x:<Country>? (\"the\" | @titles | [!Upper Cap]) Name => Person();\n"
      "rule b: Any? Cap* => Person();\n"
      "rule c: y:([Cap] <Country> Any) => Person();\n"
      "rule d: Cap+ <Country> => Person();\n"
      "rule e: [!Upper Any] Cap => Person();\n",
      "t.rules", kVocab);
  const auto elements = [](const PatternNode& pattern, bool& consumes) {
    std::vector<const PatternNode*> out;
    consumes = visit_first_elements(pattern, [&](const PatternNode& n) { out.push_back(&n); });
    return out;
  };
  bool consumes = false;
  // The optional mention, then each alternative; not Name, which follows a part that consumes.
  const auto a = elements(rules[0].pattern, consumes);
  CHECK(consumes);
  REQUIRE(a.size() == 4);
  CHECK(a[0]->kind == PatternNode::Kind::Span);
  CHECK(a[0]->tests.front().kind == TokenTest::Kind::Mention);
  CHECK(a[1]->tests.front().value == "the");
  CHECK(a[2]->kind == PatternNode::Kind::Span);
  CHECK(a[2]->tests.front().kind == TokenTest::Kind::Lexicon);
  CHECK(a[3]->kind == PatternNode::Kind::Tokens);
  REQUIRE(first_element_test(*a[3]));
  CHECK(first_element_test(*a[3])->value == "Cap");  // neither the negation nor Any
  // Every part may match nothing: both are visited, and a match need not consume a token.
  CHECK(elements(rules[1].pattern, consumes).size() == 2);
  CHECK_FALSE(consumes);
  CHECK(rules[1].first_any);
  // After one opening token (through a capture): the rest; not after a repeated one.
  const auto rest = parts_after_opening_token(rules[2].pattern);
  REQUIRE(rest.size() == 2);
  CHECK(rest.front().kind == PatternNode::Kind::Span);
  CHECK(parts_after_opening_token(rules[3].pattern).empty());
  // A token of Any and negations only is unconstrained.
  const auto e = elements(rules[4].pattern, consumes);
  REQUIRE(e.size() == 1);
  CHECK(first_element_test(*e[0]) == nullptr);
  CHECK(rules[4].first_any);
}

TEST_CASE("rule errors carry file:line:col", "[extract][rules]") {
  CHECK_THROWS_WITH(parse_rules("rule a: @nope => Person();", "f.rules", kVocab),
                    "f.rules:1:9: unknown lexicon '@nope'");
  CHECK_THROWS_WITH(parse_rules("\nrule a: Cap => Person(name=x);", "f.rules", kVocab),
                    "f.rules:2:23: no slot 'x' in the pattern of rule 'a'");
  CHECK_THROWS_WITH(parse_rules("rule a: word => Person();", "f.rules", kVocab),
                    "f.rules:1:9: unknown token class 'word' (words must be quoted: \"word\")");
  CHECK_THROWS_WITH(parse_rules("rule a: => Person();", "f.rules", kVocab),
                    Catch::StartsWith("f.rules:1:9: syntax error"));
  CHECK_THROWS_WITH(parse_rules("rule a: Capital => Person();", "f.rules", kVocab),
                    Catch::Contains("unknown token class 'Capital'"));
  CHECK_THROWS_WITH(parse_rules("rule a: <Planet> => Person();", "f.rules", kVocab),
                    "f.rules:1:9: unknown mention type '<Planet>'");
  CHECK_THROWS_WITH(parse_rules("rule a: Cap => Dance();", "f.rules", kVocab),
                    "f.rules:1:16: unknown action 'Dance'");
  CHECK_THROWS_WITH(parse_rules("rule a: Cap{3,1} => Person();", "f.rules", kVocab),
                    Catch::Contains("bad repeat count"));
  CHECK_THROWS_WITH(parse_rules("rule a: Cap => Person()", "f.rules", kVocab),
                    Catch::Contains("expected ';'"));
  CHECK_THROWS_WITH(
      parse_rules("rule a: Cap => Person();\nrule a: Num => Person();", "f.rules", kVocab),
      "f.rules:2:1: duplicate rule name 'a'");
  // Deep nesting is an error with its position, not a stack overflow (found by fuzzing).
  std::string deep =
      "rule a: " + std::string(3000, '(') + "Cap" + std::string(3000, ')') + " => Person();";
  CHECK_THROWS_WITH(parse_rules(deep, "f.rules", kVocab),
                    "f.rules:1:73: groups nested deeper than 64 levels");
  // Brackets inside quoted words and comments do not count.
  CHECK_NOTHROW(parse_rules("# (((((\nrule a: \"(\" Cap => Person();", "f.rules", kVocab));
}

TEST_CASE("matching with slots, optional parts and backtracking", "[extract][rules]") {
  auto rules = parse_rules(
      "rule t: aff:<Country>? role:@titles name:(Name Name?) \"said\" => Person(name=name);\n"
      "rule y: \"*-year-old\" => Person();\n",
      "t.rules", kVocab);
  FakeContext ctx("Ruritania General Anna Maria said so");
  RuleMatch m;
  REQUIRE(may_start_at(rules[0], ctx, 0));
  REQUIRE(match_rule(rules[0], ctx, 0, ctx.tokens().size(), m));
  CHECK(m.begin == 0);
  CHECK(m.end == 5);
  CHECK(m.slots[2] == std::pair<std::uint32_t, std::uint32_t>{2, 4});
  // Starting at the title also matches, without the affiliation.
  REQUIRE(match_rule(rules[0], ctx, 1, ctx.tokens().size(), m));
  CHECK(m.slots[0].first == m.slots[0].second);  // the optional part took nothing
  // Must not match: no title at "so"; the first-token filter rejects it too.
  CHECK_FALSE(may_start_at(rules[0], ctx, 5));
  CHECK_FALSE(match_rule(rules[0], ctx, 5, ctx.tokens().size(), m));

  FakeContext age("a 40-year-old farmer");
  CHECK(match_rule(rules[1], age, 1, age.tokens().size(), m));
  CHECK_FALSE(match_rule(rules[1], age, 2, age.tokens().size(), m));
}

TEST_CASE("shipped rule files parse", "[extract][rules]") {
  // Covered end to end by the extractor tests; here only that a bad vocabulary is caught.
  CHECK_THROWS_AS(parse_rules("rule a: @titles => Person(role=r);", "x.rules", kVocab), RuleError);
}

TEST_CASE("the start index never rules out a match, and skips rules a sentence cannot satisfy",
          "[extract][rules]") {
  // First tests of every kind: exact and suffix literals, a lexicon, token classes, Name and a
  // mention (both depend on mentions), an unconstrained start; required words (a literal
  // alternative, a lexicon); then enough literal rules that the rule bits span two words.
  std::string text =
      "rule lit: (\"so\" | \"said\") Any => Person();\n"
      "rule suffix: \"*-year-old\" => Person();\n"
      "rule lex: @titles Name => Person();\n"
      "rule num: Num => Person();\n"
      "rule name: Name \"said\" => Person();\n"
      "rule country: <Country> Any => Person();\n"
      "rule any: Any? Cap => Person();\n"
      "rule abbr: Cap+ \"(\" Upper \")\" => Person();\n"
      "rule either: Cap+ (\"told\" | @verbs) => Person();\n"
      "rule optional: Cap (\"(\" Upper \")\")? => Person();\n";
  for (int k = 0; k < 70; ++k) {
    text +=
        "rule w" + std::to_string(k) + ": \"" + (k % 2 ? "anna" : "maria") + "\" => Person();\n";
  }
  // A second token in a mention (checked where the first token may start).
  text += "rule second: [!Upper] <Country> Any => Person();\n";
  const auto rules = parse_rules(text, "t.rules", kVocab);
  REQUIRE(rules.size() == 81);
  const StartIndex index(rules);
  FakeContext ctx("Ruritania General Anna Maria said so , a 40-year-old of 12");
  StartIndex::Starts starts;
  index.scan(ctx, 0, ctx.tokens().size(), starts);
  std::size_t candidates = 0, matches = 0;
  RuleMatch m;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (std::size_t i = 0; i < ctx.tokens().size(); ++i) {
      INFO("rule " << rules[r].name << " at token " << i);
      const bool may = index.may_start(starts, r, ctx, i);
      if (may) CHECK(may_start_at(rules[r], ctx, i));
      if (match_rule(rules[r], ctx, i, ctx.tokens().size(), m)) {
        CHECK(may);
        ++matches;
      }
      candidates += may;
    }
  }
  // The only Country mention is token 0: no second token of rule "second" is in one.
  for (std::size_t i = 0; i < ctx.tokens().size(); ++i) {
    CHECK(may_start_at(rules[80], ctx, i));
    CHECK_FALSE(index.may_start(starts, 80, ctx, i));
  }
  // next_start visits exactly the tokens where may_start holds.
  for (std::size_t r = 0; r < rules.size(); ++r) {
    std::vector<std::size_t> visited, expected;
    const std::size_t end = ctx.tokens().size();
    for (std::size_t i = index.next_start(starts, r, ctx, 0, end); i < end;
         i = index.next_start(starts, r, ctx, i + 1, end)) {
      visited.push_back(i);
    }
    for (std::size_t i = 0; i < end; ++i) {
      if (index.may_start(starts, r, ctx, i)) expected.push_back(i);
    }
    INFO("rule " << rules[r].name);
    CHECK(visited == expected);
  }
  CHECK(matches > 20);
  // Token sets of long sentences span several 64-bit words.
  std::string long_text;
  for (int k = 0; k < 12; ++k)
    long_text += "Ruritania General Anna Maria said so , a 40-year-old of 12 ";
  FakeContext long_ctx(long_text);
  const std::size_t long_end = long_ctx.tokens().size();
  REQUIRE(long_end > 128);
  StartIndex::Starts long_starts;
  index.scan(long_ctx, 1, long_end, long_starts);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    std::size_t i = index.next_start(long_starts, r, long_ctx, 1, long_end);
    for (std::size_t j = 1; j < long_end; ++j) {
      INFO("rule " << rules[r].name << " at token " << j);
      if (match_rule(rules[r], long_ctx, j, long_end, m))
        CHECK(index.may_start(long_starts, r, long_ctx, j));
      if (!index.may_start(long_starts, r, long_ctx, j)) continue;
      CHECK(i == j);
      i = index.next_start(long_starts, r, long_ctx, j + 1, long_end);
    }
    CHECK(i == long_end);
  }
  // The index has something to skip: most (rule, token) pairs cannot start a match.
  CHECK(candidates < rules.size() * ctx.tokens().size() / 4);
  // No "(" in the sentence: the abbreviation rule is skipped even where its first test holds.
  CHECK(may_start_at(rules[7], ctx, 0));
  CHECK_FALSE(index.may_start(starts, 7, ctx, 0));
  CHECK(index.may_start(starts, 8, ctx, 0));  // "said" is a @verbs entry
  CHECK(index.may_start(starts, 9, ctx, 0));  // the "(" part is optional
  FakeContext defined("Ruritania Front ( RF )");
  index.scan(defined, 0, defined.tokens().size(), starts);
  CHECK(index.may_start(starts, 7, defined, 0));
  // Nor after the last "(": a match has its required words at or after its start.
  CHECK_FALSE(index.may_start(starts, 7, defined, 3));  // "RF" is a Cap word
  CHECK(index.next_start(starts, 7, defined, 2, defined.tokens().size()) ==
        defined.tokens().size());
  CHECK_FALSE(index.may_start(starts, 8, defined, 0));  // neither "told" nor a verb
  // A scan of part of the sentence answers for that part.
  index.scan(ctx, 4, 6, starts);
  CHECK(index.may_start(starts, 0, ctx, 4));        // "said"
  CHECK_FALSE(index.may_start(starts, 3, ctx, 5));  // "so" is not a number
}

TEST_CASE(
    "the start index tries a rule opening with a <Type> span only where such a mention starts",
    "[extract][rules]") {
  const auto rules = parse_rules(
      "rule span: <Country> \"said\" => Person();\n"
      "rule token: [<Country> Cap] Any => Person();\n"
      "rule second: Any <Country> \"said\" => Person();\n"
      "rule required: Cap* <Country> \"said\" => Person();\n"
      "rule person: <Person> Any => Person();\n",
      "t.rules", kVocab);
  REQUIRE(rules.size() == 5);
  const StartIndex index(rules);
  // "New Ruritania" is one Country mention (tokens 1 and 2), "Anna Maria" one Person (5, 6).
  // (Unversioned: the start index keeps no mention bits.)
  SpanMentionsContext ctx("in New Ruritania said so Anna Maria", {{1, 3, 0}, {5, 7, 1}}, false);
  const std::size_t end = ctx.tokens().size();
  StartIndex::Starts starts;
  index.scan(ctx, 0, end, starts);
  const auto starts_of = [&](std::size_t r) { return rule_starts(index, starts, r, ctx, end); };
  // A span matches only where its mention starts; a token test wherever a mention lies.
  CHECK(starts_of(0) == std::vector<std::size_t>{1});
  CHECK(starts_of(1) == std::vector<std::size_t>{1, 2});
  // The second token: a span's mention starts there (token 1), not inside it (token 2).
  CHECK(starts_of(2) == std::vector<std::size_t>{0});
  // A required span: no start after the last token where its mention starts.
  CHECK(starts_of(3) == std::vector<std::size_t>{1});
  CHECK(starts_of(4) == std::vector<std::size_t>{5});
  // Against the matcher and the per-token filter: every match is a start, every start passes
  // may_start_at, and next_start visits exactly the tokens may_start allows.
  RuleMatch m;
  std::size_t matches = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < end; ++i) {
      INFO("rule " << rules[r].name << " at token " << i);
      const bool may = index.may_start(starts, r, ctx, i);
      if (may) {
        CHECK(may_start_at(rules[r], ctx, i));
        expected.push_back(i);
      }
      if (match_rule(rules[r], ctx, i, end, m)) {
        CHECK(may);
        ++matches;
      }
    }
    CHECK(starts_of(r) == expected);
  }
  CHECK(matches == 5);
  // Another sentence's mentions: a Country mention of one token at "so" (token 4).
  CHECK_FALSE(index.may_start(starts, 1, ctx, 4));
  SpanMentionsContext other("in New Ruritania said so Anna Maria", {{4, 5, 0}}, false);
  index.scan(other, 0, end, starts);
  CHECK(index.may_start(starts, 1, other, 4));
  CHECK_FALSE(index.may_start(starts, 1, other, 1));
  CHECK_FALSE(index.may_start(starts, 0, other, 4));  // after the last "said"
}

TEST_CASE("the start index tries a rule only before a token passing its second test",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule kind: Lower (\"firm\" | \"company\") Cap => Person();\n"
      "rule said: Name \"said\" => Person();\n"
      "rule free: Any? Cap \"grew\" => Person();\n",
      "t.rules", kVocab);
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].second.size() == 2);
  const StartIndex index(rules);
  FakeContext ctx("the big firm Acme said the company Bolt grew");
  const std::size_t end = ctx.tokens().size();
  StartIndex::Starts starts;
  index.scan(ctx, 0, end, starts);
  const auto starts_of = [&](std::size_t r) {
    const std::vector<std::size_t> out = rule_starts(index, starts, r, ctx, end);
    for (std::size_t i : out) CHECK(index.may_start(starts, r, ctx, i));
    return out;
  };
  // Lower holds at seven tokens; only two are followed by "firm" or "company".
  CHECK(starts_of(0) == std::vector<std::size_t>{1, 5});
  // Name (a test on mentions) holds at "Acme" and "Bolt"; only "Acme" is followed by "said".
  CHECK(starts_of(1) == std::vector<std::size_t>{3});
  CHECK_FALSE(index.may_start(starts, 1, ctx, 7));
  // An optional first token: no second test; but "grew" (token 8) lies one or two tokens on,
  // and a capital zero or one.
  CHECK(rules[2].second.empty());
  CHECK(starts_of(2) == std::vector<std::size_t>{6, 7});
  RuleMatch m;
  CHECK(match_rule(rules[0], ctx, 1, end, m));
  CHECK(match_rule(rules[1], ctx, 3, end, m));
  // Nothing after the sentence's end: "old firm" has no capital after it, so no start.
  FakeContext last("Acme is an old firm");
  index.scan(last, 0, last.tokens().size(), starts);
  CHECK(index.next_start(starts, 0, last, 0, 5) == 5);
}

TEST_CASE("the start index tries a rule only where a later part can lie at its distance",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule window: name:([Cap] ([Cap] | Name){1,3}) @titles => Person();\n"
      "rule unbounded: Cap+ @titles => Person();\n"
      "rule two: Cap (\"of\" | \"de\") Lower{0,1} \"the\" Cap => Person();\n",
      "t.rules", kVocab);
  const StartIndex index(rules);
  FakeContext ctx("Ada Bo Cy Dee General Eve of the Fay");
  const std::size_t end = ctx.tokens().size();
  StartIndex::Starts starts;
  index.scan(ctx, 0, end, starts);
  const auto starts_of = [&](std::size_t r) { return rule_starts(index, starts, r, ctx, end); };
  // "General" (token 4) is two to four tokens after the start of any match.
  CHECK(starts_of(0) == std::vector<std::size_t>{0, 1, 2});
  // After an unbounded part nothing is known: every capital before the last title.
  CHECK(starts_of(1) == std::vector<std::size_t>{0, 1, 2, 3, 4});
  // Two windows at once: "of" or "de" right after the start, "the" two or three tokens on.
  CHECK(starts_of(2) == std::vector<std::size_t>{5});
  RuleMatch m;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (std::size_t i = 0; i < end; ++i) {
      INFO("rule " << rules[r].name << " at token " << i);
      if (match_rule(rules[r], ctx, i, end, m)) CHECK(index.may_start(starts, r, ctx, i));
    }
  }
  CHECK(match_rule(rules[0], ctx, 0, end, m));
  CHECK(m.end == 5);
  CHECK(match_rule(rules[2], ctx, 5, end, m));
}

// The fake context whose may_be_name is as strict as is_name.
class NameContext : public FakeContext {
 public:
  using FakeContext::FakeContext;
  bool may_be_name(std::size_t i) const override { return is_name(i); }
};

TEST_CASE("the start index finds windows inside groups, at a Name and after a lexicon span",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule grouped: name:([Cap] [Cap]{0,1} @titles) Any => Person();\n"
      "rule named: [Lower] Name => Person();\n"
      "rule spanned: @verbs Cap => Person();\n",
      "t.rules", kVocab);
  const StartIndex index(rules);
  const StartIndex bounded(rules, {1, 1});  // every phrase of "titles" and "verbs": one token
  NameContext ctx("Ada Bo Cy Dee General Eve of the Fay");
  const std::size_t end = ctx.tokens().size();
  StartIndex::Starts starts;
  index.scan(ctx, 0, end, starts);
  // "General" (token 4) lies one or two tokens after the start, inside the capture.
  CHECK(rule_starts(index, starts, 0, ctx, end) == std::vector<std::size_t>{2, 3});
  // A name must follow the lower-case word: "the Fay", not "of the".
  CHECK(rule_starts(index, starts, 1, ctx, end) == std::vector<std::size_t>{7});
  NameContext said("Ada said the General said Bo");
  const std::size_t said_end = said.tokens().size();
  index.scan(said, 0, said_end, starts);
  // A span of unknown length: "said" at 1 and 4; known to be one token: only before "Bo".
  CHECK(rule_starts(index, starts, 2, said, said_end) == std::vector<std::size_t>{1, 4});
  StartIndex::Starts bounded_starts;
  bounded.scan(said, 0, said_end, bounded_starts);
  CHECK(rule_starts(bounded, bounded_starts, 2, said, said_end) == std::vector<std::size_t>{4});
  // Every match starts where the index allows.
  RuleMatch m;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (std::size_t i = 0; i < end; ++i) {
      INFO("rule " << rules[r].name << " at token " << i);
      if (match_rule(rules[r], ctx, i, end, m)) {
        index.scan(ctx, 0, end, starts);
        CHECK(index.may_start(starts, r, ctx, i));
      }
    }
  }
  CHECK(match_rule(rules[0], ctx, 2, end, m));
  CHECK(match_rule(rules[1], ctx, 7, end, m));
  CHECK(match_rule(rules[2], said, 4, said_end, m));
}

TEST_CASE("the start index skips starts after the last mention a rule requires",
          "[extract][rules]") {
  // The fake context's only Country mention covers token 0 ("Ruritania").
  const auto rules = parse_rules(
      "rule before: [<Country> Cap] @titles Name => Person();\n"
      "rule after: @titles \",\"? [<Country> Cap] Name => Person();\n"
      "rule optional: @titles [<Country> Cap]? Name => Person();\n",
      "t.rules", kVocab);
  const StartIndex index(rules);
  StartIndex::Starts starts;
  FakeContext ctx("Ruritania General Anna Maria");
  const std::size_t end = ctx.tokens().size();
  index.scan(ctx, 0, end, starts);
  RuleMatch m;
  CHECK(match_rule(rules[0], ctx, 0, end, m));
  CHECK(index.may_start(starts, 0, ctx, 0));
  // "General" passes the first test of "after", but no Country mention follows it.
  CHECK(may_start_at(rules[1], ctx, 1));
  CHECK_FALSE(index.may_start(starts, 1, ctx, 1));
  CHECK(index.next_start(starts, 1, ctx, 0, end) == end);
  // An optional mention requires nothing.
  CHECK(match_rule(rules[2], ctx, 1, end, m));
  CHECK(index.may_start(starts, 2, ctx, 1));
  CHECK(index.next_start(starts, 2, ctx, 0, end) == 1);
}

TEST_CASE("a reused scan lists the viable rules in order and forgets the last sentence",
          "[extract][rules]") {
  const auto rules = parse_rules(
      "rule abbr: Cap+ \"(\" Upper \")\" => Person();\n"  // needs "(" and ")"
      "rule free: Cap => Person();\n"                     // needs nothing
      "rule told: Cap \"told\" => Person();\n"            // needs "told"
      "rule title: @titles Name => Person();\n",          // needs a title
      "t.rules", kVocab);
  const StartIndex index(rules);
  StartIndex::Starts starts;
  // Each scan's viable_rules is exactly the rules with `viable` set, in rule order, and the
  // answers match those of a fresh Starts (nothing left over from the sentence before).
  const auto check_scan = [&](const FakeContext& ctx, std::vector<std::uint32_t> expected) {
    index.scan(ctx, 0, ctx.tokens().size(), starts);
    CHECK(starts.viable_rules == expected);
    StartIndex::Starts fresh;
    index.scan(ctx, 0, ctx.tokens().size(), fresh);
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const bool listed = std::find(expected.begin(), expected.end(), r) != expected.end();
      CHECK(static_cast<bool>(starts.viable[r]) == listed);
      for (std::size_t i = 0; i < ctx.tokens().size(); ++i) {
        INFO("rule " << rules[r].name << " at token " << i);
        CHECK(index.may_start(starts, r, ctx, i) == index.may_start(fresh, r, ctx, i));
      }
    }
  };
  check_scan(FakeContext("General Anna told Ruritania Front ( RF )"), {0, 1, 2, 3});
  check_scan(FakeContext("Anna left"), {1});
  // A sentence of three 64-bit words, then one of one word again.
  std::string long_text;
  for (int k = 0; k < 40; ++k) long_text += "Anna told Maria so . ";
  check_scan(FakeContext(long_text), {1, 2});
  check_scan(FakeContext("Maria told General Anna"), {1, 2, 3});
  check_scan(FakeContext("so"), {1});
}

TEST_CASE("Start is the first token of the context's sentence, not of the text",
          "[extract][rules]") {
  // A context whose current sentence begins at token 3 ("Maria said so. Anna ...").
  struct SecondSentence : FakeContext {
    using FakeContext::FakeContext;
    bool sentence_start(std::size_t i) const override { return i == 3; }
  };
  const auto rules = parse_rules("rule s: [Start Cap] => Person();\n", "t.rules", kVocab);
  SecondSentence ctx("Maria said so Anna left");
  RuleMatch m;
  CHECK(match_rule(rules[0], ctx, 3, ctx.tokens().size(), m));
  CHECK_FALSE(match_rule(rules[0], ctx, 0, ctx.tokens().size(), m));
  // A context without sentences: the first token starts the only one.
  FakeContext plain("Maria said so Anna left");
  CHECK(match_rule(rules[0], plain, 0, plain.tokens().size(), m));
  CHECK_FALSE(match_rule(rules[0], plain, 3, plain.tokens().size(), m));
}
