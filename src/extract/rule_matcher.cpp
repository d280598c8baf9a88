// Backtracking matcher for compiled rule patterns.
#include <algorithm>

#include "extract/rules.hpp"
#include "extract/text.hpp"
#include "extract/token_test.hpp"

namespace ng::extract {
namespace {

// Class indices, in the order of token_classes().
enum ClassId { kAny, kWord, kCap, kUpper, kLower, kNum, kPunct, kName, kStart, kQuoted };

// A non-owning reference to a continuation (a lambda living on the caller's stack): no heap
// allocation per step, unlike std::function.
class Cont {
 public:
  template <typename F>
  Cont(const F& f)  // NOLINT(google-explicit-constructor): built from lambdas at call sites
      : object_(&f),
        call_([](const void* o, std::size_t p) { return (*static_cast<const F*>(o))(p); }) {}
  bool operator()(std::size_t p) const { return call_(object_, p); }

 private:
  const void* object_;
  bool (*call_)(const void*, std::size_t);
};

class Matcher {
 public:
  Matcher(const MatchContext& ctx, std::size_t end, RuleMatch& out,
          std::vector<std::uint32_t>& scratch)
      : ctx_(ctx), tokens_(ctx.tokens()), end_(end), out_(out), scratch_(scratch) {}

  bool test(const TokenTest& t, std::size_t i) const {
    return token_test_holds(t, ctx_, tokens_[i], i, scratch_);
  }

  bool node(const PatternNode& n, std::size_t pos, const Cont& k) {
    if (n.capture >= 0) return captured(n, pos, k);
    return repetitions(n, pos, k);
  }

  // node() for a capture; apart so that the common uncaptured node sets up no continuation.
  [[gnu::noinline]] bool captured(const PatternNode& n, std::size_t pos, const Cont& k) {
    auto& slot = out_.slots[static_cast<std::size_t>(n.capture)];
    const auto saved = slot;
    const auto inner = [&, pos](std::size_t p) {
      const auto before = slot;
      slot = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(p)};
      if (k(p)) return true;
      slot = before;
      return false;
    };
    if (repetitions(n, pos, inner)) return true;
    slot = saved;
    return false;
  }

  // n matched n.min to n.max times from pos, greedily with backtracking, then k. The common
  // shapes take shortcuts (the recursion of repeat() costs a continuation per step).
  bool repetitions(const PatternNode& n, std::size_t pos, const Cont& k) {
    if (n.kind == PatternNode::Kind::Tokens) return token_run(n, pos, k);
    if (n.max == 1) {
      // Once or optional: what repeat(n, pos, 0, k) does when no second round is allowed.
      const auto then = [&, pos](std::size_t p) { return p != pos && k(p); };
      if (once(n, pos, then)) return true;
      return n.min <= 0 && k(pos);
    }
    return repeat(n, pos, 0, k);
  }

  // A token node consumes exactly one token per round, so greedy matching with backtracking is:
  // find the longest run of tokens passing its tests, then try k after the longest run first
  // and after ever shorter ones, down to n.min.
  bool token_run(const PatternNode& n, std::size_t pos, const Cont& k) {
    const std::size_t room = end_ > pos ? end_ - pos : 0;
    const std::size_t most = n.max < 0 ? room : std::min<std::size_t>(room, n.max);
    std::size_t run = 0;
    while (run < most && tests_hold(n, pos + run)) ++run;
    const auto least = static_cast<std::size_t>(std::max(n.min, 0));
    for (std::size_t c = run + 1; c-- > least;) {
      if (k(pos + c)) return true;
    }
    return false;
  }

  bool tests_hold(const PatternNode& n, std::size_t i) const {
    for (const TokenTest& t : n.tests) {
      if (!test(t, i)) return false;
    }
    return true;
  }

  bool repeat(const PatternNode& n, std::size_t pos, int count, const Cont& k) {
    if (n.max < 0 || count < n.max) {
      const auto more = [&, pos, count](std::size_t p) {
        if (p == pos) return false;  // no progress: stop repeating
        return repeat(n, p, count + 1, k);
      };
      if (once(n, pos, more)) return true;
    }
    return count >= n.min && k(pos);
  }

  bool once(const PatternNode& n, std::size_t pos, const Cont& k) {
    switch (n.kind) {
      case PatternNode::Kind::Tokens:
        return pos < end_ && tests_hold(n, pos) && k(pos + 1);
      case PatternNode::Kind::Span: {
        if (pos >= end_) return false;
        const TokenTest& t = n.tests.front();
        if (t.kind == TokenTest::Kind::Lexicon) {
          ctx_.lexicon_spans(t.id, pos, scratch_);
        } else {
          ctx_.mention_spans(t.type_ids, pos, scratch_);
        }
        // Copy out: the continuation reuses scratch_.
        std::uint32_t lengths[8];
        const std::size_t count = std::min<std::size_t>(scratch_.size(), 8);
        std::copy(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(count), lengths);
        for (std::size_t q = 0; q < count; ++q) {
          if (pos + lengths[q] <= end_ && k(pos + lengths[q])) return true;
        }
        return false;
      }
      case PatternNode::Kind::Seq:
        return seq(n, 0, pos, k);
      case PatternNode::Kind::Alt:
        for (const PatternNode& child : n.children) {
          if (node(child, pos, k)) return true;
        }
        return false;
    }
    return false;
  }

  bool seq(const PatternNode& n, std::size_t index, std::size_t pos, const Cont& k) {
    if (index == n.children.size()) return k(pos);
    const auto next = [&, index](std::size_t p) { return seq(n, index + 1, p, k); };
    return node(n.children[index], pos, next);
  }

 private:
  const MatchContext& ctx_;
  const std::vector<Token>& tokens_;
  std::size_t end_;
  RuleMatch& out_;
  std::vector<std::uint32_t>& scratch_;
};

}  // namespace

bool match_rule_tree(const Rule& rule, const MatchContext& context, std::size_t begin,
                     std::size_t end, RuleMatch& out) {
  out.begin = static_cast<std::uint32_t>(begin);
  out.end = static_cast<std::uint32_t>(begin);
  out.slots.assign(rule.slots.size(), {0, 0});
  // Span lengths, kept from call to call: most calls would otherwise allocate a fresh buffer.
  thread_local std::vector<std::uint32_t> scratch;
  Matcher m(context, end, out, scratch);
  const auto done = [&](std::size_t p) {
    if (p == begin) return false;  // empty matches are useless
    out.end = static_cast<std::uint32_t>(p);
    return true;
  };
  return m.node(rule.pattern, begin, done);
}

namespace {

// One first element's contribution to Rule::first or Rule::second: its test, or `any` when it
// leaves the token unconstrained.
void add_first_test(const PatternNode& n, std::vector<TokenTest>& out, bool& any) {
  if (const TokenTest* t = first_element_test(n)) {
    out.push_back(*t);
  } else {
    any = true;
  }
}

}  // namespace

bool visit_first_elements(const PatternNode& n, const FirstElementVisitor& visit) {
  bool consumes = false;
  switch (n.kind) {
    case PatternNode::Kind::Tokens:
    case PatternNode::Kind::Span:
      visit(n);
      consumes = true;
      break;
    case PatternNode::Kind::Seq:
      consumes = visit_first_elements(std::span<const PatternNode>(n.children), visit);
      break;
    case PatternNode::Kind::Alt:
      consumes = true;
      for (const PatternNode& child : n.children) {
        if (!visit_first_elements(child, visit)) consumes = false;
      }
      break;
  }
  return consumes && n.min >= 1;
}

bool visit_first_elements(std::span<const PatternNode> parts, const FirstElementVisitor& visit) {
  for (const PatternNode& part : parts) {
    if (visit_first_elements(part, visit)) return true;
  }
  return false;
}

std::span<const PatternNode> parts_after_opening_token(const PatternNode& pattern) {
  const PatternNode* seq = &pattern;
  while (seq->kind == PatternNode::Kind::Seq && seq->min == 1 && seq->max == 1 &&
         seq->children.size() == 1) {
    seq = &seq->children.front();
  }
  if (seq->kind != PatternNode::Kind::Seq || seq->min != 1 || seq->max != 1 ||
      seq->children.size() < 2) {
    return {};
  }
  const PatternNode& opening = seq->children.front();
  if (opening.kind != PatternNode::Kind::Tokens || opening.min != 1 || opening.max != 1) return {};
  return std::span<const PatternNode>(seq->children).subspan(1);
}

const TokenTest* first_element_test(const PatternNode& element) {
  if (element.kind == PatternNode::Kind::Span) return &element.tests.front();
  for (const TokenTest& t : element.tests) {
    if (!t.negated && !(t.kind == TokenTest::Kind::Class && t.id == kAny)) return &t;
  }
  return nullptr;
}

bool holds_first(const TokenTest& t, const MatchContext& context, const Token& tok, std::size_t i) {
  switch (t.kind) {
    case TokenTest::Kind::Literal:
      if (!t.value.empty() && t.value.front() == '*') return true;
      return tok.key == t.value;
    case TokenTest::Kind::Lexicon:
      return context.lexicon_starts(t.id, i);
    case TokenTest::Kind::Mention:
      return context.mention_starts_or_covers(t.type_ids, i);
    case TokenTest::Kind::Class:
      switch (t.id) {
        case kCap:
          return tok.is(kCapitalized);
        case kUpper:
          return tok.is(kAllCaps);
        case kLower:
          return tok.kind == TokenKind::Word && !tok.is(kCapitalized) && !tok.is(kAllCaps);
        case kNum:
          return tok.kind == TokenKind::Number;
        case kName:
          return context.is_name(i);
        case kPunct:
          return tok.kind == TokenKind::Punct;
        case kWord:
          return tok.kind == TokenKind::Word;
        default:
          return true;
      }
  }
  return true;
}

bool depends_on_mentions(const TokenTest& t) {
  return t.kind == TokenTest::Kind::Mention || (t.kind == TokenTest::Kind::Class && t.id == kName);
}

void compute_first_set(Rule& rule) {
  rule.first.clear();
  bool any = false;
  const bool consumes = visit_first_elements(
      rule.pattern, [&](const PatternNode& n) { add_first_test(n, rule.first, any); });
  rule.first_any = any || !consumes;
  if (rule.first_any) rule.first.clear();
  // The second token: where the pattern is a sequence (through single groups and captures)
  // whose first part matches exactly one token, the first tests of the rest of it.
  rule.second.clear();
  const std::span<const PatternNode> rest = parts_after_opening_token(rule.pattern);
  if (rest.empty()) return;
  bool rest_any = false;
  if (visit_first_elements(
          rest, [&](const PatternNode& n) { add_first_test(n, rule.second, rest_any); }) &&
      !rest_any) {
    return;
  }
  rule.second.clear();
}

bool may_start_at(const Rule& rule, const MatchContext& context, std::size_t i) {
  if (rule.first_any) return true;
  const Token& tok = context.tokens()[i];
  for (const TokenTest& t : rule.first) {
    if (holds_first(t, context, tok, i)) return true;
  }
  return false;
}

}  // namespace ng::extract
