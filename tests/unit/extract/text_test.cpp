#include "extract/text.hpp"

#include <catch2/catch.hpp>

using namespace ng::extract;

namespace {
const std::unordered_set<std::string> kAbbr = {"lt.", "gen.", "mr.", "u.s.", "u.n."};

std::vector<std::string> surfaces(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text, kAbbr)) out.push_back(text.substr(t.begin, t.end - t.begin));
  return out;
}
}  // namespace

TEST_CASE("normalisation maps typographic marks and keeps offsets", "[extract][text]") {
  const std::string original =
      "\xE2\x80\x9CWar\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s";  // “War” — it’s
  const NormalizedText n = normalize_text(original);
  CHECK(n.text == "\"War\" - it's");
  REQUIRE(n.to_original.size() == n.text.size() + 1);
  CHECK(n.original_offset(1) == 3);  // 'W' after the 3-byte quote
  CHECK(n.original_offset(n.text.size()) == original.size());
}

TEST_CASE("normalisation composes to NFC", "[extract][text]") {
  const NormalizedText n = normalize_text("Nangarha\xCC\x84r");  // a + combining macron
  CHECK(n.text == "Nangarh\xC4\x81r");
  CHECK(fold_key(n.text) == "nangarhar");
}

TEST_CASE("tokens: abbreviations, hyphens, numbers, possessives", "[extract][text]") {
  CHECK(surfaces("U.S.-led forces") == std::vector<std::string>{"U.S.-led", "forces"});
  CHECK(surfaces("the 2,600-km (1,615-mile) border") ==
        std::vector<std::string>{"the", "2,600-km", "(", "1,615-mile", ")", "border"});
  CHECK(surfaces("Lt. Gen. Smith's men") ==
        std::vector<std::string>{"Lt.", "Gen.", "Smith", "'s", "men"});
  CHECK(surfaces("more than 400.") == std::vector<std::string>{"more", "than", "400", "."});
  CHECK(surfaces("Jaish-e-Mohammed") == std::vector<std::string>{"Jaish-e-Mohammed"});
}

TEST_CASE("sentences: abbreviations do not end a sentence", "[extract][text]") {
  const std::string text = "Lt. Gen. Smith said the U.N. mission left. Rebels took the town.";
  const auto tokens = tokenize(text, kAbbr);
  const auto s = split_sentences(text, tokens, kAbbr);
  REQUIRE(s.size() == 2);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) ==
        "Lt. Gen. Smith said the U.N. mission left.");
}

TEST_CASE("sentences: line breaks split, quotes are tracked across sentences", "[extract][text]") {
  const std::string text = "HEADLINE HERE\n\"We left. We will return,\" she said. Calm returned.";
  const auto tokens = tokenize(text, kAbbr);
  const auto s = split_sentences(text, tokens, kAbbr);
  REQUIRE(s.size() == 4);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "HEADLINE HERE");
  CHECK(s[1].in_quote);
  CHECK(s[2].in_quote);
  CHECK(text.substr(s[2].begin, s[2].end - s[2].begin) == "We will return,\" she said.");
  CHECK_FALSE(s[3].in_quote);
}

TEST_CASE("code points are counted, not bytes", "[extract][text]") {
  CHECK(code_point_count("a\xC3\xA9z", 3) == 2);
  CHECK(code_point_count("abc", 10) == 3);
}
