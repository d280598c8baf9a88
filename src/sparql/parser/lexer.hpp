// Tokens of the SPARQL 1.1 grammar (https://www.w3.org/TR/sparql11-query/#terminals).
// Internal to the parser. The terminal rules are Boost.Spirit X3 parsers in lexer.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/parser/syntax_error.hpp"

namespace ng::sparql::detail {

enum class TokenKind {
  End,         // end of input
  IriRef,      // text = the IRI with \u escapes decoded (not yet resolved)
  PName,       // text = prefix (without ':'), local = local part with \-escapes removed
  BlankLabel,  // text = label without "_:"
  Var,         // text = name without '?' or '$'
  LangTag,     // text = tag without '@'
  Integer,     // text = lexical form
  Decimal,
  Double,
  String,  // text = value with escapes decoded
  Word,    // keywords and 'a': text as written
  Punct,   // text = the symbol: { } ( ) [ ] . , ; * + - / ! ^ | = != < > <= >= && || ^^ ?
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  std::string local;
  SourcePos pos;
  std::uint32_t end = 0;  // byte offset just past the token
};

// Produces the tokens of `text` one at a time, so that errors come in text order: a grammar
// error is reported before a lexical error further on. After End, next() returns End again.
// `text` must outlive the lexer.
class Lexer {
 public:
  explicit Lexer(std::string_view text);
  ~Lexer();
  Lexer(Lexer&&) noexcept;
  Lexer& operator=(Lexer&&) noexcept;
  // Throws SyntaxError for text that is no token.
  Token next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// All the tokens of `text`; the last one is End. Throws SyntaxError for text that is no token.
std::vector<Token> tokenize(std::string_view text);

}  // namespace ng::sparql::detail
