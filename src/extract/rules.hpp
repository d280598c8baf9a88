// The rule language (docs/rules.md): token and mention patterns with named slots.
//
//   # comment
//   rule person_title: role:@person_titles name:Name{1,4} => Person(name=name, role=role);
//
// Parsing uses Boost.Spirit X3 (rule_parser.cpp); X3 stays inside that file.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ng::extract {

// A rule file error, printed "FILE:LINE:COL: message" (1-based; column in code points).
class RuleError : public std::runtime_error {
 public:
  RuleError(std::string file, std::size_t line, std::size_t column, std::string message);
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
  std::string message_;
};

// One condition on one token (or, for a lone @lexicon / <Mention> atom, on a span).
struct TokenTest {
  enum class Kind : std::uint8_t { Literal, Lexicon, Mention, Class };
  Kind kind = Kind::Literal;
  bool negated = false;
  std::string value;                 // literal key (folded), lexicon name, class name
  std::vector<std::string> types;    // Mention: accepted mention types
  int id = -1;                       // index of the lexicon / class in the vocabulary
  std::vector<int> type_ids;         // indices of `types` in the vocabulary
  std::size_t line = 0, column = 0;  // position in the rule file
};

// Compiled pattern: a tree of sequences, alternatives, repeats and captures.
struct PatternNode {
  enum class Kind : std::uint8_t { Seq, Alt, Tokens, Span };
  Kind kind = Kind::Seq;
  std::vector<PatternNode> children;  // Seq, Alt
  std::vector<TokenTest> tests;       // Tokens (all must hold on one token); Span: one test
  int min = 1;
  int max = 1;       // -1 = unbounded
  int capture = -1;  // slot index or -1
};

// One instruction of a pattern compiled for the backtracking machine of rule_program.cpp.
// Cells hold the slots (two each: begin, end) and then the machine's registers (positions,
// repeat counts); every write to one is undone when the machine backtracks past it.
struct RuleStep {
  enum class Op : std::uint8_t {
    Tokens,    // a run of min..max tokens passing tests [a, b), longest first
    AnyToken,  // one token passing the tests [bounds[k], bounds[k + 1]) of some k in [a, b)
    Span,      // a lexicon or mention span of test a, longest first
    Split,     // try a, and on failure b
    Jump,      // go to a
    Mark,      // cell a = position
    Progress,  // fail unless the position moved since Mark of cell a
    Close,     // slot a = [cell b, position)
    Reset,     // cell a = 0 (a repeat count)
    Loop,      // while cell a < max (or max < 0): try one more round, on failure go to b
    Next,      // ++cell a, go to b
    AtLeast,   // fail unless cell a >= min
    Fail,      // an alternative of no branches
    Match,     // success unless the match is empty
  };
  Op op = Op::Fail;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  int min = 0;
  int max = 0;
};

struct RuleProgram {
  std::vector<RuleStep> steps;  // empty: not compiled (match_rule then walks the tree)
  std::vector<TokenTest> tests;
  std::vector<std::uint32_t> bounds;  // AnyToken: where each alternative's tests start and end
  std::uint32_t cells = 0;
};

struct RuleArg {
  std::string key;
  bool literal = false;  // a quoted value; otherwise a slot name
  std::string value;
  int slot = -1;  // resolved slot index when not literal
};

struct Rule {
  std::string name;
  std::string file;
  std::size_t line = 0;
  PatternNode pattern;
  std::vector<std::string> slots;  // capture names, in order of first appearance
  std::string action;              // Person, Government, ..., Alias, Event
  std::vector<RuleArg> args;
  // Tests of which one must hold on the first token of any match (empty + first_any: none
  // known). Filled by compute_first_set(); lets the matcher skip most positions cheaply.
  std::vector<TokenTest> first;
  bool first_any = true;
  // For a pattern that opens with exactly one token ("[!Cap] <ArmedGroup> ..."): tests of which
  // one must hold on the second token of any match; empty if none is known.
  std::vector<TokenTest> second;
  RuleProgram program;  // the pattern compiled (compile_rule_program)
  const RuleArg* arg(std::string_view key) const {
    for (const RuleArg& a : args) {
      if (a.key == key) return &a;
    }
    return nullptr;
  }
};

// Mention types a rule may name (<Types>): stage 1's concrete types, then the composites Place,
// Org and Actor. Stage 1's type bits follow this order; stage 2 matches the same names.
const std::vector<std::string>& rule_mention_types();

// What names a rule may use; checked while compiling so errors carry positions.
struct RuleVocabulary {
  std::vector<std::string> lexicons;       // @names
  std::vector<std::string> mention_types;  // <Types>
  std::vector<std::string> actions;        // action names
};

// Token classes known to the matcher.
inline const std::vector<std::string>& token_classes() {
  static const std::vector<std::string> classes = {"Any", "Word",  "Cap",  "Upper", "Lower",
                                                   "Num", "Punct", "Name", "Start", "Quoted"};
  return classes;
}

// Parses and checks rule text. Throws RuleError on the first error.
std::vector<Rule> parse_rules(std::string_view text, const std::string& file,
                              const RuleVocabulary& vocabulary);

struct Token;

// What the matcher asks about the sentence being matched (implemented by the extractor).
class MatchContext {
 public:
  virtual ~MatchContext() = default;
  virtual const std::vector<Token>& tokens() const = 0;
  // Lengths (in tokens) of the spans of lexicon `id` starting at token i, longest first.
  virtual void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const = 0;
  // True if lexicon `id` has a one-token entry at token i (`scratch`: working space for
  // contexts that answer through lexicon_spans).
  virtual bool lexicon_word(int id, std::size_t i, std::vector<std::uint32_t>& scratch) const {
    lexicon_spans(id, i, scratch);
    for (std::uint32_t len : scratch) {
      if (len == 1) return true;
    }
    return false;
  }
  // Lengths of the mentions of one of `types` starting at token i, longest first.
  virtual void mention_spans(const std::vector<int>& types, std::size_t i,
                             std::vector<std::uint32_t>& out) const = 0;
  // True if token i lies inside a mention of one of `types`.
  virtual bool covered(const std::vector<int>& types, std::size_t i) const = 0;
  // The Name class: a capitalised word that may be part of a name here.
  virtual bool is_name(std::size_t i) const = 0;
  // False where is_name(i) is false whatever mentions are added (the test on the token alone).
  virtual bool may_be_name(std::size_t /*i*/) const { return true; }
  // The Start class: token i opens its sentence (a context without sentences: the first token).
  virtual bool sentence_start(std::size_t i) const { return i == 0; }
  // True if a span of lexicon `id` starts at token i (a rule's first-token test).
  virtual bool lexicon_starts(int id, std::size_t i) const {
    std::vector<std::uint32_t> lengths;
    lexicon_spans(id, i, lengths);
    return !lengths.empty();
  }
  // A quick pre-test for lexicon_starts: bit l % 64 clear means lexicon l does not start at
  // token i; a set bit must be confirmed with lexicon_starts.
  virtual std::uint64_t lexicon_mask(std::size_t /*i*/) const { return ~std::uint64_t{0}; }
  // The lexicons of which a span starts at token i, `count` ids from the returned pointer (a
  // lexicon may be listed more than once); nullptr when the context cannot list them (then
  // ask lexicon_mask and lexicon_starts). Valid until the context's lexicon entries change.
  virtual const int* lexicons_starting(std::size_t /*i*/, std::size_t& count) const {
    count = 0;
    return nullptr;
  }
  // True if a mention of one of `types` starts at token i or covers it (a rule's first-token
  // test). A context that keeps per-token summaries can answer without listing the mentions.
  virtual bool mention_starts_or_covers(const std::vector<int>& types, std::size_t i) const {
    std::vector<std::uint32_t> lengths;
    mention_spans(types, i, lengths);
    return !lengths.empty() || covered(types, i);
  }
  // True if a mention of one of `types` starts at token i: where a <Type> span can match.
  virtual bool mention_starts(const std::vector<int>& types, std::size_t i) const {
    std::vector<std::uint32_t> lengths;
    mention_spans(types, i, lengths);
    return !lengths.empty();
  }
  // A number that changes whenever the answers of the mention tests (mention_tokens and the
  // others) may change: callers may keep those answers while it stays the same. 0: unknown,
  // keep nothing.
  virtual std::uint64_t mention_version() const { return 0; }
  // Sets bit i - origin of `bits` (bit b is bits[b / 64] >> b % 64) for each token i of
  // [begin, end) where mention_starts_or_covers(types, i) holds; leaves the other bits.
  virtual void mention_tokens(const std::vector<int>& types, std::size_t origin, std::size_t begin,
                              std::size_t end, std::uint64_t* bits) const {
    for (std::size_t i = begin; i < end; ++i) {
      if (mention_starts_or_covers(types, i)) {
        bits[(i - origin) / 64] |= std::uint64_t{1} << ((i - origin) % 64);
      }
    }
  }
  // The same for the tokens where mention_starts(types, i) holds.
  virtual void mention_start_tokens(const std::vector<int>& types, std::size_t origin,
                                    std::size_t begin, std::size_t end, std::uint64_t* bits) const {
    for (std::size_t i = begin; i < end; ++i) {
      if (mention_starts(types, i)) {
        bits[(i - origin) / 64] |= std::uint64_t{1} << ((i - origin) % 64);
      }
    }
  }
  // Sets in `bits`, as mention_start_tokens (`starts_only`) or mention_tokens would, the bits
  // of the mentions added since mention_version() was `version`, and returns true, when adding
  // mentions is all that changed since then: bits kept from that version then become this
  // version's. Otherwise (or when it cannot tell) returns false and leaves `bits` alone.
  virtual bool add_new_mention_tokens(const std::vector<int>& /*types*/, bool /*starts_only*/,
                                      std::uint64_t /*version*/, std::size_t /*origin*/,
                                      std::size_t /*begin*/, std::size_t /*end*/,
                                      std::uint64_t* /*bits*/) const {
    return false;
  }
};

struct RuleMatch {
  std::uint32_t begin = 0;  // token range of the whole match
  std::uint32_t end = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>>
      slots;  // token range per slot; empty if unset
};

// Matches `rule` at token `begin` within [begin, end) (greedy, with backtracking); the first
// match found wins. Runs rule.program when compiled, else walks rule.pattern.
bool match_rule(const Rule& rule, const MatchContext& context, std::size_t begin, std::size_t end,
                RuleMatch& out);
// The same by walking the pattern tree recursively: the reference the program must agree with.
bool match_rule_tree(const Rule& rule, const MatchContext& context, std::size_t begin,
                     std::size_t end, RuleMatch& out);
// Fills rule.program from rule.pattern (called by parse_rules).
void compile_rule_program(Rule& rule);

// Fills rule.first / rule.first_any and rule.second from the pattern (called by parse_rules).
void compute_first_set(Rule& rule);

// The first elements of a pattern: the Tokens and Span nodes one of which holds the first token
// of any match (the parts of a sequence up to the first that always consumes a token, every
// alternative). Calls visit(node) for each, in pattern order; returns whether every match of n
// consumes a token. compute_first_set and the start index read a pattern's start through it.
using FirstElementVisitor = std::function<void(const PatternNode&)>;
bool visit_first_elements(const PatternNode& n, const FirstElementVisitor& visit);
// The same for the parts of a sequence, one after another.
bool visit_first_elements(std::span<const PatternNode> parts, const FirstElementVisitor& visit);
// The parts after the opening token when the pattern is a sequence (through single groups and
// captures) whose first part matches exactly one token: where Rule::second is read. Else empty.
std::span<const PatternNode> parts_after_opening_token(const PatternNode& pattern);
// The test Rule::first takes for a first element: a span's test; a token's first test neither
// negated nor Any, nullptr when there is none (the token is unconstrained).
const TokenTest* first_element_test(const PatternNode& element);

// Tokens where a match of `rule` can start: tested before the full match, for speed.
bool may_start_at(const Rule& rule, const MatchContext& context, std::size_t i);

// Whether one first-token test (an element of Rule::first) holds at token i.
bool holds_first(const TokenTest& t, const MatchContext& context, const Token& tok, std::size_t i);

// True for first-token tests whose answer changes as mentions are added (<Type>, Name); the
// others depend on the tokens alone.
bool depends_on_mentions(const TokenTest& t);

}  // namespace ng::extract
