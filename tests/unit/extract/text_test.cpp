#include "extract/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <memory>
#include <random>
#include <set>

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

TEST_CASE("keys fold case and accents, by table or by ICU", "[extract][text]") {
  CHECK(fold_key("KABUL") == "kabul");
  CHECK(fold_key("\xC3\x91u\xC3\xB1oa") == "nunoa");  // Ñuñoa (Latin-1)
  CHECK(fold_key("\xC5\x81\xC3\xB3"
                 "d\xC5\xBA") == "\xC5\x82odz");      // Łódź: Ł has no accent to drop
  CHECK(fold_key("\xC4\xB0stanbul") == "istanbul");   // İ: I + dot above
  CHECK(fold_key("\xC7\x8Dnd") == "and");             // Ǎ (Latin Extended-B)
  CHECK(fold_key("STRA\xC3\x9F") == "stra\xC3\x9F");  // simple case folding keeps ß
  // Beyond the table (a combining mark, Greek): ICU.
  CHECK(fold_key("Nangarha\xCC\x84r") == "nangarhar");
  CHECK(fold_key("\xC3\xA9\xCC\x81") == "e");                   // é + combining acute
  CHECK(fold_key("Az\xC9\x99rbaycan") == "az\xC9\x99rbaycan");  // ə (U+0259): past the table
  CHECK(fold_key("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1") ==
        "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");
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

namespace {
// Checks that sentences tile the tokens in order, each within the length cap.
void check_tiling(const std::vector<Sentence>& s, std::size_t token_count) {
  REQUIRE_FALSE(s.empty());
  CHECK(s.front().first_token == 0);
  CHECK(s.back().last_token == token_count);
  for (std::size_t k = 0; k < s.size(); ++k) {
    CHECK(s[k].last_token > s[k].first_token);
    CHECK(s[k].last_token - s[k].first_token <= kMaxSentenceTokens);
    if (k > 0) CHECK(s[k].first_token == s[k - 1].last_token);
  }
}
}  // namespace

TEST_CASE("sentences: a run-on text without full stops is cut to the length cap",
          "[extract][text]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "rebels attacked the town ";
  const auto tokens = tokenize(text, kAbbr);
  const auto s = split_sentences(text, tokens, kAbbr);
  check_tiling(s, tokens.size());
  CHECK(s.size() >= tokens.size() / kMaxSentenceTokens);
  CHECK(s[0].last_token - s[0].first_token == kMaxSentenceTokens);  // no clause mark: hard cut
}

TEST_CASE("sentences: a long list is cut after a comma in the second half of the cap",
          "[extract][text]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "the army shelled the northern villages, ";
  const auto tokens = tokenize(text, kAbbr);
  const auto s = split_sentences(text, tokens, kAbbr);
  check_tiling(s, tokens.size());
  REQUIRE(s.size() >= 2);
  const std::string first = text.substr(s[0].begin, s[0].end - s[0].begin);
  CHECK(first.back() == ',');
  CHECK(s[0].last_token - s[0].first_token > kMaxSentenceTokens / 2);
  // Sentences of ordinary length are untouched.
  const std::string normal = "Rebels took the town, residents said. Calm returned.";
  const auto nt = tokenize(normal, kAbbr);
  CHECK(split_sentences(normal, nt, kAbbr).size() == 2);
}

namespace {

// ICU's sentence breaks over the whole text, strictly inside its lines (what sentence_breaks
// must reproduce).
std::set<std::uint32_t> line_inner_breaks(std::string_view text,
                                          const std::vector<std::uint32_t>& breaks) {
  std::set<std::uint32_t> out;
  for (std::uint32_t b : breaks) {
    if (b > 0 && b < text.size() && text[b - 1] != '\n' && text[b] != '\n') out.insert(b);
  }
  return out;
}

std::vector<std::uint32_t> whole_text_breaks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  REQUIRE(U_SUCCESS(status));
  it->setText(ut, status);
  std::vector<std::uint32_t> breaks;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    breaks.push_back(static_cast<std::uint32_t>(b));
  }
  utext_close(ut);
  return breaks;
}

}  // namespace

TEST_CASE("sentence breaks from the windows around terminators are ICU's", "[extract][text]") {
  const std::vector<std::string> texts = {
      "He left. She came.",
      "Lt. Gen. Smith said the U.N. mission left. Rebels took the town.",
      "\"Go!\" he said. \"Now?\" (She did.) 5. 6 items; e.g. three...",
      "No. 5. The end.  \nNext line. a lower start.\n\nU.S.-led forces. 1.5 km. etc. OK",
      "Caf\xC3\xA9 closed. Prices rose.\tTab line. Yes.\nWhy? Because! ... (AP) - KABUL.",
      "ends with a terminator.",
      ".leading. dots.. and?! marks?)  [Quoted.] {Braced!} x.Y a.b A.B.",
  };
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(line_inner_breaks(text, sentence_breaks(text)) ==
          line_inner_breaks(text, whole_text_breaks(text)));
  }
  // Random ASCII texts of terminators, closing marks, spaces and words.
  const std::vector<std::string> pieces = {
      "a", "B",    "Z",   " ",   " ",   "\n",  ".", ".",   "!",  "?",  "\"",
      "'", "U.S.", "Mr.", "3",   "-",   ",",   ";", ":",   "(",  ")",  "[",
      "]", "e.g.", "5.",  "the", "The", "ABC", "%", "...", "  ", "?!", "\t"};
  std::mt19937 rng(42);
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    const auto length = rng() % 80;
    for (unsigned j = 0; j < length; ++j) text += pieces[rng() % pieces.size()];
    INFO(text);
    REQUIRE(line_inner_breaks(text, sentence_breaks(text)) ==
            line_inner_breaks(text, whole_text_breaks(text)));
  }
}

// The tokenizer folds ASCII words eight bytes at a time; fold_key() folds byte by byte. Random
// invented words of every length up to 30, at the end of the text or not, must get the same key,
// and the capitals flags of a simple count of their letters.
TEST_CASE("token keys and capitals flags agree with a byte-by-byte fold", "[extract][text]") {
  std::mt19937 rng(13);
  const std::string alphabet = "abcxyzABCXYZ0189-'";
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int words = 1 + static_cast<int>(rng() % 4);
    for (int w = 0; w < words; ++w) {
      if (w > 0) text += ' ';
      text += alphabet[rng() % 12];  // a letter first: a word, not a number or a mark
      const std::size_t length = rng() % 30;
      for (std::size_t k = 0; k < length; ++k) text += alphabet[rng() % alphabet.size()];
      if (rng() % 8 == 0) text += "\xC3\xA9";  // é: not ASCII, folded the other way
    }
    for (const Token& t : tokenize(text, kAbbr)) {
      const std::string surface = text.substr(t.begin, t.end - t.begin);
      INFO(text << " / " << surface);
      CHECK(t.key == fold_key(surface));
      if (t.kind != TokenKind::Word || surface.find('\xC3') != std::string::npos) continue;
      int letters = 0;
      bool lower = false;
      for (char c : surface) {
        if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
        if (std::islower(static_cast<unsigned char>(c))) lower = true;
      }
      // A number with capitals ("3R") is a word in capitals; a word needs two letters.
      const bool number = std::isdigit(static_cast<unsigned char>(surface[0])) != 0;
      CHECK(t.is(kAllCaps) == (letters >= (number ? 1 : 2) && !lower));
      CHECK(t.is(kCapitalized) == (std::isupper(static_cast<unsigned char>(surface[0])) != 0));
    }
  }
}

// normalize_text copies ASCII by runs found eight bytes at a time: a tab, a CR or a non-ASCII
// letter at any place of a run must end it where a byte-by-byte scan would.
TEST_CASE("normalisation finds the end of every ASCII run", "[extract][text]") {
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const std::string stop : {"\t", "\r", "\xC3\xA9"}) {
        std::string original(length, 'x');
        original.replace(at, 1, stop);
        std::string expected = original;
        if (stop == "\t") expected[at] = ' ';
        if (stop == "\r") expected.erase(at, 1);
        const NormalizedText n = normalize_text(original);
        INFO(length << " " << at << " " << static_cast<int>(stop[0]));
        REQUIRE(n.text == expected);
        REQUIRE(n.to_original.size() == expected.size() + 1);
        // Each byte maps to the byte it came from: past a dropped CR, one further; both bytes
        // of the letter to its first.
        for (std::size_t k = 0; k < expected.size(); ++k) {
          std::size_t from = stop == "\r" && k >= at ? k + 1 : k;
          if (stop.size() == 2 && k == at + 1) from = at;
          CHECK(n.to_original[k] == from);
        }
        CHECK(n.to_original.back() == original.size());
      }
    }
  }
}
