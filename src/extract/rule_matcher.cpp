// Backtracking matcher for compiled rule patterns.
#include <functional>

#include "extract/rules.hpp"
#include "extract/text.hpp"

namespace ng::extract {
namespace {

// Class indices, in the order of token_classes().
enum ClassId { kAny, kWord, kCap, kUpper, kLower, kNum, kPunct, kName, kStart, kQuoted };

using Cont = std::function<bool(std::size_t)>;

class Matcher {
 public:
  Matcher(const MatchContext& ctx, std::size_t begin, std::size_t end, RuleMatch& out)
      : ctx_(ctx), tokens_(ctx.tokens()), begin_(begin), end_(end), out_(out) {}

  bool test(const TokenTest& t, std::size_t i) const {
    bool result = false;
    const Token& tok = tokens_[i];
    switch (t.kind) {
      case TokenTest::Kind::Literal:
        if (!t.value.empty() && t.value.front() == '*') {
          result = tok.key.size() >= t.value.size() - 1 &&
                   tok.key.compare(tok.key.size() - (t.value.size() - 1), t.value.size() - 1,
                                   t.value, 1) == 0;
        } else {
          result = tok.key == t.value;
        }
        break;
      case TokenTest::Kind::Lexicon: {
        ctx_.lexicon_spans(t.id, i, scratch_);
        for (std::uint32_t len : scratch_) {
          if (len == 1) result = true;
        }
        break;
      }
      case TokenTest::Kind::Mention:
        result = ctx_.covered(t.type_ids, i);
        break;
      case TokenTest::Kind::Class:
        switch (t.id) {
          case kAny: result = true; break;
          case kWord: result = tok.kind == TokenKind::Word; break;
          case kCap: result = tok.kind == TokenKind::Word && tok.is(kCapitalized); break;
          case kUpper: result = tok.kind == TokenKind::Word && tok.is(kAllCaps); break;
          case kLower:
            result = tok.kind == TokenKind::Word && !tok.is(kCapitalized) && !tok.is(kAllCaps);
            break;
          case kNum: result = tok.kind == TokenKind::Number; break;
          case kPunct: result = tok.kind == TokenKind::Punct; break;
          case kName: result = ctx_.is_name(i); break;
          case kStart: result = i == begin_sentence_; break;
          case kQuoted: result = tok.is(kInQuote); break;
          default: result = false;
        }
        break;
    }
    return t.negated ? !result : result;
  }

  bool node(const PatternNode& n, std::size_t pos, const Cont& k) {
    if (n.capture >= 0) {
      auto& slot = out_.slots[static_cast<std::size_t>(n.capture)];
      const auto saved = slot;
      const Cont inner = [&, pos](std::size_t p) {
        const auto before = slot;
        slot = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(p)};
        if (k(p)) return true;
        slot = before;
        return false;
      };
      if (repeat(n, pos, 0, inner)) return true;
      slot = saved;
      return false;
    }
    return repeat(n, pos, 0, k);
  }

  bool repeat(const PatternNode& n, std::size_t pos, int count, const Cont& k) {
    if (n.max < 0 || count < n.max) {
      const Cont more = [&, pos, count](std::size_t p) {
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
        if (pos >= end_) return false;
        for (const TokenTest& t : n.tests) {
          if (!test(t, pos)) return false;
        }
        return k(pos + 1);
      case PatternNode::Kind::Span: {
        if (pos >= end_) return false;
        const TokenTest& t = n.tests.front();
        std::vector<std::uint32_t> lengths;
        if (t.kind == TokenTest::Kind::Lexicon) {
          ctx_.lexicon_spans(t.id, pos, lengths);
        } else {
          ctx_.mention_spans(t.type_ids, pos, lengths);
        }
        for (std::uint32_t len : lengths) {
          if (pos + len <= end_ && k(pos + len)) return true;
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
    const Cont next = [&, index](std::size_t p) { return seq(n, index + 1, p, k); };
    return node(n.children[index], pos, next);
  }

  std::size_t begin_sentence_ = 0;

 private:
  const MatchContext& ctx_;
  const std::vector<Token>& tokens_;
  std::size_t begin_;
  std::size_t end_;
  RuleMatch& out_;
  mutable std::vector<std::uint32_t> scratch_;
};

}  // namespace

bool match_rule(const Rule& rule, const MatchContext& context, std::size_t begin, std::size_t end,
                RuleMatch& out) {
  out.begin = static_cast<std::uint32_t>(begin);
  out.end = static_cast<std::uint32_t>(begin);
  out.slots.assign(rule.slots.size(), {0, 0});
  Matcher m(context, begin, end, out);
  return m.node(rule.pattern, begin, [&](std::size_t p) {
    if (p == begin) return false;  // empty matches are useless
    out.end = static_cast<std::uint32_t>(p);
    return true;
  });
}

bool may_start_at(const Rule& rule, const MatchContext& context, std::size_t i) {
  // Only a leading mandatory single-token or span test can rule a position out cheaply.
  const PatternNode* n = &rule.pattern;
  while ((n->kind == PatternNode::Kind::Seq) && !n->children.empty() && n->min >= 1) {
    n = &n->children.front();
  }
  if (n->min < 1) return true;
  const auto& tokens = context.tokens();
  if (n->kind == PatternNode::Kind::Tokens) {
    for (const TokenTest& t : n->tests) {
      if (t.negated) continue;
      if (t.kind == TokenTest::Kind::Literal && t.value.front() != '*' &&
          tokens[i].key != t.value) {
        return false;
      }
      if (t.kind == TokenTest::Kind::Class && t.id == kCap &&
          !tokens[i].is(kCapitalized)) {
        return false;
      }
    }
  } else if (n->kind == PatternNode::Kind::Span) {
    std::vector<std::uint32_t> lengths;
    const TokenTest& t = n->tests.front();
    if (t.kind == TokenTest::Kind::Lexicon) {
      context.lexicon_spans(t.id, i, lengths);
    } else {
      context.mention_spans(t.type_ids, i, lengths);
    }
    return !lengths.empty();
  }
  return true;
}

}  // namespace ng::extract
