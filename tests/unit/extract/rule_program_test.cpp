// The compiled rule program (rule_program.cpp) against the recursive tree matcher: same match,
// same end, same slots, at every start of invented sentences.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/rules.hpp"
#include "extract/text.hpp"

using namespace ng::extract;

namespace {

const RuleVocabulary kVocab{{"titles", "places", "joins"}, {"Country", "Person"}, {"Person"}};

// Lexicon "titles": "chief" (1 token), "chief of staff" (3); "places": "upper" (1), "upper
// vale" (2), "upper vale north" (3); "joins": "of", "de". Country mentions: every token
// "tarvia" (1 token) and "north tarvia" (2) from "north"; Person mentions: from each "mr"
// (2 and 3 tokens, overlapping). The lexicon mask is exact: the bit of each lexicon starting at
// the token. `asks` counts the lexicon_spans calls per lexicon.
class SpanContext : public MatchContext {
 public:
  explicit SpanContext(const std::string& text) : tokens_(tokenize(text, {})) {}
  const std::vector<Token>& tokens() const override { return tokens_; }
  void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const override {
    ++asks[static_cast<std::size_t>(id)];
    spans(id, i, out);
  }
  std::uint64_t lexicon_mask(std::size_t i) const override {
    std::uint64_t mask = 0;
    std::vector<std::uint32_t> lengths;
    for (int id = 0; id < 3; ++id) {
      spans(id, i, lengths);
      if (!lengths.empty()) mask |= std::uint64_t{1} << id;
    }
    return mask;
  }
  mutable std::size_t asks[3] = {0, 0, 0};

 private:
  void spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (id == 0 && key(i) == "chief") {
      if (key(i + 1) == "of" && key(i + 2) == "staff") out.push_back(3);
      out.push_back(1);
    }
    if (id == 1 && key(i) == "upper") {
      if (key(i + 1) == "vale" && key(i + 2) == "north") out.push_back(3);
      if (key(i + 1) == "vale") out.push_back(2);
      out.push_back(1);
    }
    if (id == 2 && (key(i) == "of" || key(i) == "de")) out.push_back(1);
  }

 public:
  void mention_spans(const std::vector<int>& types, std::size_t i,
                     std::vector<std::uint32_t>& out) const override {
    out.clear();
    for (int t : types) {
      if (t == 0 && key(i) == "north" && key(i + 1) == "tarvia") out.push_back(2);
      if (t == 0 && key(i) == "tarvia") out.push_back(1);
      if (t == 1 && key(i) == "mr") {
        if (i + 2 < tokens_.size()) out.push_back(3);
        if (i + 1 < tokens_.size()) out.push_back(2);
      }
    }
  }
  bool covered(const std::vector<int>& types, std::size_t i) const override {
    std::vector<std::uint32_t> lengths;
    for (std::size_t b = 0; b <= i; ++b) {
      mention_spans(types, b, lengths);
      for (std::uint32_t len : lengths) {
        if (b + len > i) return true;
      }
    }
    return false;
  }
  bool is_name(std::size_t i) const override {
    return tokens_[i].kind == TokenKind::Word && tokens_[i].is(kCapitalized) && key(i) != "chief" &&
           key(i) != "mr";
  }

 private:
  std::string key(std::size_t i) const { return i < tokens_.size() ? tokens_[i].key : ""; }
  std::vector<Token> tokens_;
};

std::string describe(bool matched, const RuleMatch& m) {
  if (!matched) return "none";
  std::string out = std::to_string(m.begin) + "-" + std::to_string(m.end);
  for (const auto& [b, e] : m.slots) out += " " + std::to_string(b) + ":" + std::to_string(e);
  return out;
}

// Every start of every sentence, up to the sentence end and one token short of it. Returns
// the number of matches.
std::size_t check_same(const std::string& pattern, const std::vector<std::string>& sentences) {
  std::size_t matches = 0;
  const auto rules = parse_rules("rule r: " + pattern + " => Person();", "t.rules", kVocab);
  REQUIRE(rules.size() == 1);
  REQUIRE_FALSE(rules[0].program.steps.empty());
  for (const std::string& text : sentences) {
    const SpanContext ctx(text);
    const std::size_t size = ctx.tokens().size();
    for (std::size_t end : {size, size > 0 ? size - 1 : 0}) {
      for (std::size_t i = 0; i < end; ++i) {
        RuleMatch program_match, tree_match;
        const bool by_program = match_rule(rules[0], ctx, i, end, program_match);
        const bool by_tree = match_rule_tree(rules[0], ctx, i, end, tree_match);
        INFO(pattern << " | " << text << " | start " << i << " end " << end);
        CHECK(describe(by_program, program_match) == describe(by_tree, tree_match));
        matches += by_program;
      }
    }
  }
  return matches;
}

const std::vector<std::string> kSentences = {
    "The Chief of Staff Vera Dunmore said Mr Olan Peck of North Tarvia agreed .",
    "Upper Vale North , Upper Vale and Upper are three names de Tarvia , said Mr Ko .",
    "Chief Chief Alda Brin Cato Dee of Tarvia met Mr Ulo Van de Berg in Upper Vale .",
    "no capitals here at all , just words and 42 numbers .",
    "Tarvia Tarvia North Tarvia Mr Mr Mr Chief",
};

}  // namespace

TEST_CASE("the compiled program matches as the tree matcher does", "[extract][rules]") {
  const std::vector<std::string> patterns = {
      // token runs, greedy with backtracking
      "name:Name{1,4} \"said\"",
      "Cap+ Name",
      "a:Cap* b:Cap{2} Lower",
      "[Cap !@titles]{2,} Punct?",
      "[Word !Cap]+ Num",
      // spans with several lengths, longest first, and the shorter ones on failure
      "t:@titles n:Name+",
      "t:@titles \"of\" Cap",
      "p:@places Punct",
      "p:@places \"north\"",
      "<Country> Cap?",
      "m:<Person> \"of\"",
      "m:<Person> Cap \"of\"",
      "x:<Country|Person> Cap",
      // alternatives, optional and repeated groups, captures inside repeats
      "(\"said\" | \"met\") who:(<Person> | Name Name?)",
      "role:(@titles+) name:(Name (@joins? Name){0,3})",
      "aff:(<Country> \"'s\"?)? role:@titles+ \",\"? name:(Name (@joins? Name){0,3})",
      "(x:Cap y:Lower?)+ Punct",
      "(a:Name | b:Cap Cap)+ \"of\"",
      "(Cap?)",
      "(Lower? Cap?){2,3} Punct",
      "(Name? Lower?)* \"of\"",
      "z:(Cap | Lower){1,2} (Num | Punct)",
      "Start? Cap+",
      "(\"upper\" | p:@places) (\"vale\" | Cap)*",
      "((Cap Lower) | (Cap Cap Lower)) Lower",
      // alternatives of one token each (one step in the program)
      "(\"of\" | \"de\" | [Cap !\"chief\"]) Name",
      "x:(\"of\" | @joins | Punct) Cap",
      "(\"said\" | \"met\" | Cap)+ Punct",
      "(\"said\" | [Lower !\"and\"] | (Cap Name))+ \",\"",
      "Any{3}",
      "Any? Any?",
      "Quoted* Cap",
      "\"*er\" Cap",
  };
  std::size_t matched_patterns = 0;
  for (const std::string& p : patterns) matched_patterns += check_same(p, kSentences) > 0;
  // The comparison means something: nearly every pattern matches somewhere.
  CHECK(matched_patterns + 2 >= patterns.size());
}

TEST_CASE("the compiled program: empty matches and bounds", "[extract][rules]") {
  const auto rules = parse_rules(
      "rule empty: Lower? => Person();\n"
      "rule tail: Cap Cap Cap => Person();\n",
      "t.rules", kVocab);
  const SpanContext ctx("Ada Bo Cy dee");
  RuleMatch m;
  // A match must consume a token: an optional one that is absent gives no match.
  CHECK_FALSE(match_rule(rules[0], ctx, 0, 4, m));
  CHECK(match_rule(rules[0], ctx, 3, 4, m));
  CHECK(m.end == 4);
  // The end bound is respected: three capitals do not fit before token 2.
  CHECK_FALSE(match_rule(rules[1], ctx, 0, 2, m));
  CHECK(match_rule(rules[1], ctx, 0, 3, m));
  CHECK(m.end == 3);
  // A failed match leaves no slot set.
  const auto captured = parse_rules("rule c: a:Cap b:Num => Person();", "t.rules", kVocab);
  CHECK_FALSE(match_rule(captured[0], ctx, 0, 4, m));
  REQUIRE(m.slots.size() == 2);
  CHECK(m.slots[0] == std::pair<std::uint32_t, std::uint32_t>{0, 0});
}

TEST_CASE("a rule built by hand, without a program, is matched by the tree", "[extract][rules]") {
  Rule rule;
  rule.pattern.kind = PatternNode::Kind::Tokens;
  rule.pattern.min = 2;
  rule.pattern.max = 2;
  TokenTest cap;
  cap.kind = TokenTest::Kind::Class;
  cap.id = 2;  // Cap
  rule.pattern.tests.push_back(cap);
  const SpanContext ctx("Ada Bo cy");
  RuleMatch m;
  CHECK(match_rule(rule, ctx, 0, 3, m));
  CHECK(m.end == 2);
  CHECK_FALSE(match_rule(rule, ctx, 1, 3, m));
}

TEST_CASE("the compiled program does not try a part opening with a lexicon absent here",
          "[extract][rules]") {
  // "@joins?" and "(@joins? Name){0,3}": a branch or round opening with a span of a lexicon
  // whose bit is clear in the context's lexicon mask fails at once; the machine does not ask
  // for the spans, and matches as before.
  const auto rules = parse_rules(
      "rule r: role:@titles+ name:(Name (@joins? Name){0,3}) => Person();", "t.rules", kVocab);
  const SpanContext plain("Chief Alda Brin Cato said");
  RuleMatch m;
  REQUIRE(match_rule(rules[0], plain, 0, plain.tokens().size(), m));
  CHECK(m.end == 4);
  CHECK(plain.asks[2] == 0);
  const SpanContext joined("Chief Alda de Cato said");
  REQUIRE(match_rule(rules[0], joined, 0, joined.tokens().size(), m));
  CHECK(m.end == 4);
  CHECK(joined.asks[2] == 1);  // only at "de"
}
