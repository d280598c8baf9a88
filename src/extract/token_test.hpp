// Whether one TokenTest holds on one token: shared by the pattern matchers (rule_matcher.cpp,
// rule_program.cpp). Inline: every matching step asks it.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/rules.hpp"
#include "extract/text.hpp"

namespace ng::extract {

// Class indices, in the order of token_classes().
enum TokenClassId {
  kAnyClass,
  kWordClass,
  kCapClass,
  kUpperClass,
  kLowerClass,
  kNumClass,
  kPunctClass,
  kNameClass,
  kStartClass,
  kQuotedClass
};

// `scratch`: working space for contexts that answer lexicon tests through lexicon_spans.
inline bool token_test_holds(const TokenTest& t, const MatchContext& ctx, const Token& tok,
                             std::size_t i, std::vector<std::uint32_t>& scratch) {
  bool result = false;
  switch (t.kind) {
    case TokenTest::Kind::Literal:
      if (!t.value.empty() && t.value.front() == '*') {
        result = tok.key.size() >= t.value.size() - 1 &&
                 tok.key.compare(tok.key.size() - (t.value.size() - 1), t.value.size() - 1, t.value,
                                 1) == 0;
      } else {
        result = tok.key == t.value;
      }
      break;
    case TokenTest::Kind::Lexicon:
      result = ctx.lexicon_word(t.id, i, scratch);
      break;
    case TokenTest::Kind::Mention:
      result = ctx.covered(t.type_ids, i);
      break;
    case TokenTest::Kind::Class:
      switch (t.id) {
        case kAnyClass:
          result = true;
          break;
        case kWordClass:
          result = tok.kind == TokenKind::Word;
          break;
        case kCapClass:
          result = tok.kind == TokenKind::Word && tok.is(kCapitalized);
          break;
        case kUpperClass:
          result = tok.kind == TokenKind::Word && tok.is(kAllCaps);
          break;
        case kLowerClass:
          result = tok.kind == TokenKind::Word && !tok.is(kCapitalized) && !tok.is(kAllCaps);
          break;
        case kNumClass:
          result = tok.kind == TokenKind::Number;
          break;
        case kPunctClass:
          result = tok.kind == TokenKind::Punct;
          break;
        case kNameClass:
          result = ctx.is_name(i);
          break;
        case kStartClass:
          result = ctx.sentence_start(i);
          break;
        case kQuotedClass:
          result = tok.is(kInQuote);
          break;
        default:
          result = false;
      }
      break;
  }
  return t.negated ? !result : result;
}

}  // namespace ng::extract
