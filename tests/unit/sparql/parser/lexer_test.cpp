#include "sparql/parser/lexer.hpp"

#include <catch2/catch.hpp>

using ng::sparql::SyntaxError;
using ng::sparql::detail::Token;
using ng::sparql::detail::tokenize;
using ng::sparql::detail::TokenKind;

namespace {

std::string error_of(std::string_view text) {
  try {
    tokenize(text);
  } catch (const SyntaxError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("lexer recognises every kind of terminal", "[sparql][parser][lexer]") {
  const auto t = tokenize("?x $y <http://a> ex:b _:c @en-GB 12 1.5 .5e3 'q' a ^^ <= && ?");
  REQUIRE(t.size() == 16);
  CHECK(t[0].kind == TokenKind::Var);
  CHECK(t[0].text == "x");
  CHECK(t[1].kind == TokenKind::Var);
  CHECK(t[1].text == "y");
  CHECK(t[2].kind == TokenKind::IriRef);
  CHECK(t[2].text == "http://a");
  CHECK(t[3].kind == TokenKind::PName);
  CHECK(t[3].text == "ex");
  CHECK(t[3].local == "b");
  CHECK(t[4].kind == TokenKind::BlankLabel);
  CHECK(t[4].text == "c");
  CHECK(t[5].kind == TokenKind::LangTag);
  CHECK(t[5].text == "en-GB");
  CHECK(t[6].kind == TokenKind::Integer);
  CHECK(t[7].kind == TokenKind::Decimal);
  CHECK(t[8].kind == TokenKind::Double);
  CHECK(t[8].text == ".5e3");
  CHECK(t[9].kind == TokenKind::String);
  CHECK(t[10].kind == TokenKind::Word);
  CHECK(t[11].text == "^^");
  CHECK(t[12].text == "<=");
  CHECK(t[13].text == "&&");
  CHECK(t[14].kind == TokenKind::Punct);
  CHECK(t[14].text == "?");
  CHECK(t[15].kind == TokenKind::End);
}

TEST_CASE("a number directly followed by '.' ends before the dot", "[sparql][parser][lexer]") {
  const auto t = tokenize("1. 2.e1");
  REQUIRE(t.size() == 4);
  CHECK(t[0].kind == TokenKind::Integer);
  CHECK(t[1].text == ".");
  CHECK(t[2].kind == TokenKind::Double);
  CHECK(t[2].text == "2.e1");
}

TEST_CASE("prefixed names: escapes, %HH, no trailing dot", "[sparql][parser][lexer]") {
  const auto t = tokenize(R"(ex:a\.b%20c. :x: ex.1:y)");
  REQUIRE(t.size() == 5);
  CHECK(t[0].local == "a.b%20c");
  CHECK(t[1].text == ".");
  CHECK(t[2].text.empty());
  CHECK(t[2].local == "x:");
  CHECK(t[3].text == "ex.1");
  CHECK(t[3].local == "y");
}

TEST_CASE("strings decode ECHAR and UCHAR escapes in all four quote forms",
          "[sparql][parser][lexer]") {
  const auto t = tokenize(R"("a\"\n\u00e9" 'b\'' """x""y"z""" '''l
m''' "\U0001F46A")");
  REQUIRE(t.size() == 6);
  CHECK(t[0].text == "a\"\n\xC3\xA9");
  CHECK(t[1].text == "b'");
  CHECK(t[2].text == "x\"\"y\"z");
  CHECK(t[3].text == "l\nm");
  CHECK(t[4].text == "\xF0\x9F\x91\xAA");
}

TEST_CASE("comments are skipped, but not inside IRIs and strings", "[sparql][parser][lexer]") {
  const auto t = tokenize("# c\n<http://a#b> # d\n \"#e\"");
  REQUIRE(t.size() == 3);
  CHECK(t[0].text == "http://a#b");
  CHECK(t[1].text == "#e");
  CHECK(t[1].pos.line == 2);
  CHECK(t[1].pos.column == 1);
}

TEST_CASE("columns count code points, not bytes", "[sparql][parser][lexer]") {
  const auto t = tokenize("\"\xC3\xA9\xC3\xA9\" ?x");
  REQUIRE(t.size() == 3);
  CHECK(t[1].pos.column == 5);
  CHECK(t[1].pos.offset == 7);
}

TEST_CASE("lexical errors carry their position", "[sparql][parser][lexer]") {
  CHECK(error_of("?x\n  \"abc") ==
        "Syntax error at line 2 column 3: unterminated or invalid string literal");
  CHECK(error_of("?x ~") == "Syntax error at line 1 column 4: unexpected character \"~\"");
  // A non-ASCII character is quoted whole (all its UTF-8 bytes), its column in code points.
  CHECK(error_of("\"\xC3\xA9\" \xC3\xA9") ==
        "Syntax error at line 1 column 5: unexpected character \"\xC3\xA9\"");
  CHECK(error_of("?x \xE2\x82\xAC") ==
        "Syntax error at line 1 column 4: unexpected character \"\xE2\x82\xAC\"");
  CHECK(error_of("'\\uD800'") ==
        "Syntax error at line 1 column 2: invalid code point escape \"\\uD800\"");
  CHECK(error_of("$ x") == "Syntax error at line 1 column 1: expected a variable name after \"$\"");
  CHECK(error_of("\"a\\qb\"") ==
        "Syntax error at line 1 column 1: unterminated or invalid string literal");
}

TEST_CASE("'<' is an IRI only when the IRI characters allow it", "[sparql][parser][lexer]") {
  const auto t = tokenize("?a < 3 && ?b > 2");
  REQUIRE(t.size() == 8);
  CHECK(t[1].kind == TokenKind::Punct);
  CHECK(t[1].text == "<");
}

TEST_CASE("invalid UTF-8 is an error at its first byte", "[sparql][parser][lexer]") {
  CHECK(error_of("?x \"a\xC3\"") == "Syntax error at line 1 column 6: invalid UTF-8");
  CHECK(error_of("?x # \xFF\n?y") == "Syntax error at line 1 column 6: invalid UTF-8");
  CHECK(error_of("<http://\xE0\x80\x80>") == "Syntax error at line 1 column 9: invalid UTF-8");
  CHECK(error_of("'\xED\xA0\x80'") == "Syntax error at line 1 column 2: invalid UTF-8");
  CHECK(error_of("'\xF0\x9F\x91\xAA' ?\xC3\xA9") == "no error");
}
