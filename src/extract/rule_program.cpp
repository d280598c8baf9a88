// Rule patterns compiled to a flat program and run by a backtracking machine with an explicit
// stack of choices. It explores the alternatives in exactly the order of the recursive matcher
// (rule_matcher.cpp), which pays a continuation call per pattern node; here a step is a switch
// case and a choice a push.
#include <algorithm>

#include "extract/rules.hpp"
#include "extract/text.hpp"
#include "extract/token_test.hpp"

namespace ng::extract {
namespace {

using Op = RuleStep::Op;

class ProgramCompiler {
 public:
  explicit ProgramCompiler(Rule& rule) : rule_(rule), program_(rule.program) {
    program_ = {};
    program_.cells = static_cast<std::uint32_t>(2 * rule.slots.size());
  }

  void compile() {
    node(rule_.pattern);
    emit(Op::Match);
  }

 private:
  std::uint32_t here() const { return static_cast<std::uint32_t>(program_.steps.size()); }
  std::uint32_t cell() { return program_.cells++; }
  std::uint32_t emit(Op op, std::uint32_t a = 0, std::uint32_t b = 0, int min = 0, int max = 0) {
    program_.steps.push_back({op, a, b, min, max});
    return here() - 1;
  }

  // A node with its repeats and capture (the recursive matcher's node()).
  void node(const PatternNode& n) {
    std::uint32_t start = 0;
    if (n.capture >= 0) {
      start = cell();
      emit(Op::Mark, start);
    }
    repetitions(n);
    if (n.capture >= 0) emit(Op::Close, static_cast<std::uint32_t>(n.capture), start);
  }

  void repetitions(const PatternNode& n) {
    if (n.kind == PatternNode::Kind::Tokens) {
      const auto first = static_cast<std::uint32_t>(program_.tests.size());
      program_.tests.insert(program_.tests.end(), n.tests.begin(), n.tests.end());
      emit(Op::Tokens, first, static_cast<std::uint32_t>(program_.tests.size()), n.min, n.max);
      return;
    }
    if (n.max == 1) {
      // Once, and (when optional) nothing after that fails; a round must consume a token.
      const std::uint32_t split = n.min <= 0 ? emit(Op::Split) : 0;
      if (n.min <= 0) program_.steps[split].a = here();
      progressing_once(n);
      if (n.min <= 0) program_.steps[split].b = here();
      return;
    }
    const std::uint32_t count = cell();
    emit(Op::Reset, count);
    const std::uint32_t loop = emit(Op::Loop, count, 0, 0, n.max);
    progressing_once(n);
    emit(Op::Next, count, loop);
    program_.steps[loop].b = here();
    if (n.min > 0) emit(Op::AtLeast, count, 0, n.min);
  }

  // One round of n that must consume at least one token (checked only where a round could
  // consume none).
  void progressing_once(const PatternNode& n) {
    if (least_once(n) > 0) {
      once(n);
      return;
    }
    const std::uint32_t start = cell();
    emit(Op::Mark, start);
    once(n);
    emit(Op::Progress, start);
  }

  // The fewest tokens a successful node or round of it consumes. A span consumes at least one
  // token: the machine drops empty spans, as the tree matcher's progress check rejects them.
  static std::size_t least_node(const PatternNode& n) {
    const auto rounds = static_cast<std::size_t>(std::max(n.min, 0));
    if (n.kind == PatternNode::Kind::Tokens) return rounds;
    return rounds * std::max<std::size_t>(least_once(n), 1);
  }
  static std::size_t least_once(const PatternNode& n) {
    std::size_t least = 0;
    switch (n.kind) {
      case PatternNode::Kind::Tokens:
      case PatternNode::Kind::Span:
        return 1;
      case PatternNode::Kind::Seq:
        for (const PatternNode& child : n.children) least += least_node(child);
        return least;
      case PatternNode::Kind::Alt:
        least = n.children.empty() ? 0 : least_node(n.children.front());
        for (const PatternNode& child : n.children) least = std::min(least, least_node(child));
        return least;
    }
    return 0;
  }

  void once(const PatternNode& n) {
    switch (n.kind) {
      case PatternNode::Kind::Tokens:  // never reached: repetitions() takes token runs
      case PatternNode::Kind::Span:
        program_.tests.push_back(n.tests.front());
        emit(Op::Span, static_cast<std::uint32_t>(program_.tests.size() - 1));
        return;
      case PatternNode::Kind::Seq:
        for (const PatternNode& child : n.children) node(child);
        return;
      case PatternNode::Kind::Alt: {
        if (n.children.empty()) {
          emit(Op::Fail);
          return;
        }
        if (single_tokens(n)) {
          any_token(n);
          return;
        }
        std::vector<std::uint32_t> jumps;
        for (std::size_t c = 0; c + 1 < n.children.size(); ++c) {
          const std::uint32_t split = emit(Op::Split, here() + 1);
          node(n.children[c]);
          jumps.push_back(emit(Op::Jump));
          program_.steps[split].b = here();
        }
        node(n.children.back());
        for (const std::uint32_t j : jumps) program_.steps[j].a = here();
        return;
      }
    }
  }

  // Alternatives that each match exactly one token and capture nothing: whichever holds, the
  // rest of the pattern goes on from the next token with the same cells, so trying a second
  // one after the rest failed would fail again. One step tests them all.
  static bool single_tokens(const PatternNode& n) {
    return n.children.size() > 1 &&
           std::all_of(n.children.begin(), n.children.end(), [](const PatternNode& child) {
             return child.kind == PatternNode::Kind::Tokens && child.min == 1 && child.max == 1 &&
                    child.capture < 0;
           });
  }
  void any_token(const PatternNode& n) {
    const auto first = static_cast<std::uint32_t>(program_.bounds.size());
    for (const PatternNode& child : n.children) {
      program_.bounds.push_back(static_cast<std::uint32_t>(program_.tests.size()));
      program_.tests.insert(program_.tests.end(), child.tests.begin(), child.tests.end());
    }
    program_.bounds.push_back(static_cast<std::uint32_t>(program_.tests.size()));
    emit(Op::AnyToken, first, static_cast<std::uint32_t>(program_.bounds.size() - 1));
  }

  Rule& rule_;
  RuleProgram& program_;
};

// A point to come back to on failure.
struct Choice {
  enum class Kind : std::uint8_t { Branch, ShorterRun, NextSpan };
  Kind kind;
  std::uint32_t step;   // where to resume
  std::uint32_t pos;    // Branch: the position; ShorterRun, NextSpan: where the run/span began
  std::uint32_t trail;  // trail height when the choice was made
  std::uint32_t next;   // ShorterRun: the run length to try next; NextSpan: own span lengths
                        // start here in Machine::spans (the next one to try is the last)
  std::uint32_t least;  // ShorterRun: the shortest run allowed
};

class Machine {
 public:
  bool run(const RuleProgram& program, const MatchContext& ctx, std::size_t begin, std::size_t end,
           RuleMatch& out) {
    cells_.assign(program.cells, 0);
    trail_.clear();
    choices_.clear();
    spans_.clear();
    const std::vector<Token>& tokens = ctx.tokens();
    const RuleStep* steps = program.steps.data();
    const TokenTest* tests = program.tests.data();
    std::size_t pc = 0;
    std::size_t pos = begin;
    for (;;) {
      const RuleStep& s = steps[pc];
      bool ok = true;
      switch (s.op) {
        case Op::Tokens: {
          const std::size_t room = end > pos ? end - pos : 0;
          const std::size_t most = s.max < 0 ? room : std::min<std::size_t>(room, s.max);
          std::size_t run = 0;
          while (run < most && all_hold(tests + s.a, tests + s.b, ctx, tokens, pos + run)) ++run;
          const auto least = static_cast<std::size_t>(std::max(s.min, 0));
          ok = run >= least;
          if (ok && run > least) {
            push(Choice::Kind::ShorterRun, pc + 1, pos, run - 1, least);
          }
          pos += run;
          ++pc;
          break;
        }
        case Op::AnyToken:
          ok = pos < end && any_holds(program, s, ctx, tokens, pos);
          ++pos;
          ++pc;
          break;
        case Op::Span:
          ok = span(tests[s.a], ctx, pc, pos, end);
          break;
        case Op::Split:
          if (opens_with_failing_span(program, s.a, ctx, pos, end)) {
            pc = s.b;  // where backtracking from the failed span would resume
            break;
          }
          push(Choice::Kind::Branch, s.b, pos, 0, 0);
          pc = s.a;
          break;
        case Op::Jump:
          pc = s.a;
          break;
        case Op::Mark:
          set(s.a, static_cast<std::uint32_t>(pos));
          ++pc;
          break;
        case Op::Progress:
          ok = pos != cells_[s.a];
          ++pc;
          break;
        case Op::Close:
          set(2 * s.a, cells_[s.b]);
          set(2 * s.a + 1, static_cast<std::uint32_t>(pos));
          ++pc;
          break;
        case Op::Reset:
          set(s.a, 0);
          ++pc;
          break;
        case Op::Loop:
          if ((s.max < 0 || cells_[s.a] < static_cast<std::uint32_t>(s.max)) &&
              !opens_with_failing_span(program, pc + 1, ctx, pos, end)) {
            push(Choice::Kind::Branch, s.b, pos, 0, 0);
            ++pc;
          } else {
            pc = s.b;
          }
          break;
        case Op::Next:
          set(s.a, cells_[s.a] + 1);
          pc = s.b;
          break;
        case Op::AtLeast:
          ok = cells_[s.a] >= static_cast<std::uint32_t>(s.min);
          ++pc;
          break;
        case Op::Fail:
          ok = false;
          break;
        case Op::Match:
          if (pos != begin) {
            out.end = static_cast<std::uint32_t>(pos);
            for (std::size_t k = 0; k < out.slots.size(); ++k) {
              out.slots[k] = {cells_[2 * k], cells_[2 * k + 1]};
            }
            return true;
          }
          ok = false;
          break;
      }
      if (!ok && !backtrack(pc, pos)) return false;
    }
  }

 private:
  // Whether the steps from `at` are (after Marks) a lexicon span that cannot start at pos: a
  // branch or round opening so fails at once, and the machine goes straight to where it would
  // backtrack to (nothing it did before failing is left to undo). The lexicon mask answers
  // without listing spans; a repeated name part ("@name_particles{0,2} Name") mostly has none.
  static bool opens_with_failing_span(const RuleProgram& program, std::size_t at,
                                      const MatchContext& ctx, std::size_t pos, std::size_t end) {
    const RuleStep* step = &program.steps[at];
    while (step->op == Op::Mark) ++step;
    if (step->op != Op::Span) return false;
    const TokenTest& t = program.tests[step->a];
    if (t.kind != TokenTest::Kind::Lexicon) return false;
    return pos >= end || ((ctx.lexicon_mask(pos) >> (static_cast<unsigned>(t.id) % 64)) & 1U) == 0;
  }

  bool all_hold(const TokenTest* t, const TokenTest* last, const MatchContext& ctx,
                const std::vector<Token>& tokens, std::size_t i) {
    for (; t != last; ++t) {
      if (!token_test_holds(*t, ctx, tokens[i], i, scratch_)) return false;
    }
    return true;
  }

  bool any_holds(const RuleProgram& program, const RuleStep& s, const MatchContext& ctx,
                 const std::vector<Token>& tokens, std::size_t i) {
    const TokenTest* tests = program.tests.data();
    const std::uint32_t* bounds = program.bounds.data();
    for (std::uint32_t k = s.a; k < s.b; ++k) {
      if (all_hold(tests + bounds[k], tests + bounds[k + 1], ctx, tokens, i)) return true;
    }
    return false;
  }

  // The longest span first; the shorter ones (of the first 8, as the tree matcher keeps) are
  // left as a choice.
  bool span(const TokenTest& t, const MatchContext& ctx, std::size_t& pc, std::size_t& pos,
            std::size_t end) {
    if (pos >= end) return false;
    if (t.kind == TokenTest::Kind::Lexicon) {
      ctx.lexicon_spans(t.id, pos, scratch_);
    } else {
      ctx.mention_spans(t.type_ids, pos, scratch_);
    }
    const std::size_t count = std::min<std::size_t>(scratch_.size(), 8);
    std::uint32_t fitting[8];
    std::size_t n = 0;
    for (std::size_t q = 0; q < count; ++q) {
      if (scratch_[q] > 0 && pos + scratch_[q] <= end) fitting[n++] = scratch_[q];
    }
    if (n == 0) return false;
    if (n > 1) {
      const auto own = static_cast<std::uint32_t>(spans_.size());
      for (std::size_t q = n; q-- > 1;) spans_.push_back(fitting[q]);
      push(Choice::Kind::NextSpan, static_cast<std::uint32_t>(pc + 1), pos, own, 0);
    }
    pos += fitting[0];
    ++pc;
    return true;
  }

  void push(Choice::Kind kind, std::size_t step, std::size_t pos, std::size_t next,
            std::size_t least) {
    choices_.push_back({kind, static_cast<std::uint32_t>(step), static_cast<std::uint32_t>(pos),
                        static_cast<std::uint32_t>(trail_.size()), static_cast<std::uint32_t>(next),
                        static_cast<std::uint32_t>(least)});
  }

  // A write that a later backtrack must undo; none is needed while no choice is open.
  void set(std::uint32_t cell, std::uint32_t value) {
    if (!choices_.empty()) trail_.emplace_back(cell, cells_[cell]);
    cells_[cell] = value;
  }

  // Resumes at the newest open choice, with the cells as they were when it was made.
  bool backtrack(std::size_t& pc, std::size_t& pos) {
    if (choices_.empty()) return false;
    Choice& c = choices_.back();
    while (trail_.size() > c.trail) {
      cells_[trail_.back().first] = trail_.back().second;
      trail_.pop_back();
    }
    pc = c.step;
    switch (c.kind) {
      case Choice::Kind::Branch:
        pos = c.pos;
        choices_.pop_back();
        break;
      case Choice::Kind::ShorterRun:
        pos = c.pos + c.next;
        if (c.next == c.least) {
          choices_.pop_back();
        } else {
          --c.next;
        }
        break;
      case Choice::Kind::NextSpan:
        pos = c.pos + spans_.back();
        spans_.pop_back();
        if (spans_.size() == c.next) choices_.pop_back();
        break;
    }
    return true;
  }

  std::vector<std::uint32_t> cells_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> trail_;  // cell, value before
  std::vector<Choice> choices_;
  std::vector<std::uint32_t> spans_;    // span lengths still to try, per NextSpan choice
  std::vector<std::uint32_t> scratch_;  // lexicon and mention answers
};

}  // namespace

void compile_rule_program(Rule& rule) { ProgramCompiler(rule).compile(); }

bool match_rule(const Rule& rule, const MatchContext& context, std::size_t begin, std::size_t end,
                RuleMatch& out) {
  if (rule.program.steps.empty()) return match_rule_tree(rule, context, begin, end, out);
  out.begin = static_cast<std::uint32_t>(begin);
  out.end = static_cast<std::uint32_t>(begin);
  out.slots.assign(rule.slots.size(), {0, 0});
  // Kept from call to call: most calls would otherwise allocate their stacks afresh.
  thread_local Machine machine;
  return machine.run(rule.program, context, begin, end, out);
}

}  // namespace ng::extract
