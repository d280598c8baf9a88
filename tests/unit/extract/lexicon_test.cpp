#include "extract/lexicon.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/gazetteer.hpp"
#include "extract/text.hpp"

using namespace ng::extract;

TEST_CASE("lexicon phrases match longest first, by first token", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  Lexicon lex = Lexicon::parse(
      "phrase\tclass\n# comment\nair strike|air strikes\tAirstrike\nair\tAir\n", "t.tsv", abbr);
  CHECK(lex.rows() == 2);
  const std::string text = "Air strikes hit";
  const auto tokens = tokenize(text, abbr);
  std::vector<PhraseIndex::Match> m;
  lex.index().match(tokens, 0, tokens.size(), m);
  REQUIRE(m.size() == 2);
  CHECK(m[0].length == 2);
  CHECK(lex.get(m[0].value, "class") == "Airstrike");
  lex.index().match(tokens, 2, tokens.size(), m);
  CHECK(m.empty());
}

TEST_CASE("lexicon cells by column index agree with get() by name", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  const Lexicon lex = Lexicon::parse("phrase\tclass\tpos\nblast\tBombing\tnoun\n", "t.tsv", abbr);
  CHECK(lex.column_index("pos") == 2);
  CHECK(lex.cell(0, lex.column_index("class")) == "Bombing");
  CHECK(lex.get(0, "pos") == "noun");
  CHECK(lex.column_index("kind") == Lexicon::kNoColumn);
  CHECK(lex.cell(0, Lexicon::kNoColumn).empty());
  CHECK(lex.get(0, "kind").empty());
}

TEST_CASE("lexicon errors name the file and line", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  CHECK_THROWS_WITH(Lexicon::parse("a\tb\nx\ty\tz\n", "bad.tsv", abbr),
                    Catch::Contains("bad.tsv:2:"));
  CHECK_THROWS_AS(Lexicon::parse("# only a comment\n", "empty.tsv", abbr), std::runtime_error);
}

TEST_CASE("gazetteer: names, aliases, demonyms, capitals", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  const Gazetteer g = Gazetteer::load(std::string(NG_TEST_DATA_DIR) + "/extract/gazetteer", abbr);
  const std::string text = "Sudanese troops left Al Fashir";
  const auto tokens = tokenize(text, abbr);
  std::vector<PhraseIndex::Match> m;
  g.demonyms().match(tokens, 0, tokens.size(), m);
  REQUIRE(m.size() == 1);
  CHECK(g.place(m[0].value).name == "Sudan");
  g.names().match(tokens, 3, tokens.size(), m);
  REQUIRE(m.size() == 1);
  CHECK(g.place(m[0].value).name == "El Fasher");
  CHECK_FALSE(g.is_capital(g.place(m[0].value)));
  auto sd = g.country("SD");
  REQUIRE(sd);
  CHECK(g.place(*sd).capital_id == "379252");
  CHECK_THROWS(Gazetteer::load("/nonexistent/dir", abbr));
}

TEST_CASE("phrase keys of plain names are the tokenizer's keys", "[extract][lexicon]") {
  // phrase_keys answers letters-and-spaces phrases without the tokenizer; the keys must be the
  // ones tokenize gives, or gazetteer names would not match the text.
  const std::unordered_set<std::string> abbreviations = {"st."};
  for (std::string_view phrase :
       {"Kharkiv", "North  Darfur", " New York ", "EL FASHER", "Rafah crossing", "x", "",
        "St. Louis", "Al-Fashir", "N'Djamena", "Bahr el Ghazal", "Zaporizhzhia Oblast"}) {
    std::vector<std::string> expected;
    for (const auto& t : ng::extract::tokenize(phrase, abbreviations)) expected.push_back(t.key);
    INFO(phrase);
    CHECK(ng::extract::phrase_keys(phrase, abbreviations) == expected);
  }
  CHECK(ng::extract::phrase_keys("North  Darfur", abbreviations) ==
        std::vector<std::string>{"north", "darfur"});
}

TEST_CASE("phrase keys: the Latin-word shortcut agrees with the tokenizer", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  for (const char* phrase : {"S\xC3\xA3o Tom\xC3\xA9",
                             "Shahrak-e \xC5\xA2\xC4\x81leqan",
                             "Al-Shihr",
                             "\xC3\x8Ele-de-France",
                             "K\xC3\xB6ln",
                             "Stra\xC3\x9F"
                             "e",
                             "a-b-c",
                             "x- y",
                             "-x",
                             "x-",
                             "Qal\xE2\x80\x98"
                             "a",
                             "\xC3\x97",
                             "N'Djamena",
                             "St. Louis",
                             "Nangarh\xC4\x81r",
                             "Ma'rib",
                             "Martha's Vineyard",
                             "O'Neill's",
                             "Bel's'ko",
                             "Aren's-de-Mar",
                             "'Amran",
                             "x'",
                             "x's",
                             "x'-y",
                             "Qal\xE2\x80\x99"
                             "at",
                             "Dar\xE2\x80\x98"
                             "a's",
                             "M\xC3\xA1's \xC3\x81'b"}) {
    CHECK(ng::extract::phrase_keys(phrase, abbr) ==
          ng::extract::phrase_keys_by_tokenizer(phrase, abbr));
  }
  CHECK(ng::extract::phrase_keys("Shahrak-e \xC5\xA2\xC4\x81leqan", abbr) ==
        std::vector<std::string>{"shahrak-e", "taleqan"});
  // Brackets, commas, slashes and backquotes between words; Latin Extended-B and Latin
  // Extended Additional letters; runs of ASCII letters long enough to be read eight at a time.
  const std::vector<std::string> more = {"Cocos (Keeling) Islands",
                                         "Antiguan, Barbudan",
                                         "Haute-Sangha / Mambere-Kadei",
                                         "Qal`a Juanrud",
                                         "(x",
                                         "x(",
                                         "x)'s",
                                         "x,-y",
                                         "Chi\xC8\x99in\xC4\x83u",
                                         "H\xC6\xB0ng Y\xC3\xAAn",
                                         "\xE1\xB8\xA8"
                                         "awall\xC4\xAB",
                                         "H\xE1\xBA\xA3i Ph\xC3\xB2ng",
                                         "B\xC3\xA0 R\xE1\xBB\x8B"
                                         "a-V\xC5\xA9ng T\xC3\xA0u",
                                         "\xE1\xBA\x9E",
                                         "a\xE1\xB8\xA9\xCC\x84"
                                         "b",
                                         "Sverdlovskaya Oblast",
                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                                         "Abcdefg@hijk",
                                         "Abcdefgh[ijk",
                                         "Abcdefg{hijk"};
  for (const std::string& phrase : more) {
    INFO(phrase);
    CHECK(ng::extract::phrase_keys(phrase, abbr) ==
          ng::extract::phrase_keys_by_tokenizer(phrase, abbr));
  }
  CHECK(ng::extract::phrase_keys("Cocos (Keeling) Islands", abbr) ==
        std::vector<std::string>{"cocos", "(", "keeling", ")", "islands"});
  CHECK(ng::extract::phrase_keys("ABCDEFGHIJ Klm", abbr) ==
        std::vector<std::string>{"abcdefghij", "klm"});
  // Every spelling of the gazetteer (the shortcut exists for them).
  std::size_t checked = 0;
  for (const char* file : {"cities.tsv", "regions.tsv", "countries.tsv"}) {
    std::ifstream in(std::string(NG_SOURCE_DIR) + "/data/gazetteer/" + file);
    REQUIRE(in);
    std::string line;
    std::vector<std::string> header;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cells;
      for (std::string_view c : ng::extract::split(line, '\t')) cells.emplace_back(c);
      if (header.empty()) {
        header = cells;
        continue;
      }
      for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k) {
        if (header[k] != "name" && header[k] != "aliases") continue;
        for (std::string_view spelling : ng::extract::split(cells[k], '|')) {
          if (spelling.empty()) continue;
          const auto fast = ng::extract::phrase_keys(spelling, abbr);
          const auto reference = ng::extract::phrase_keys_by_tokenizer(spelling, abbr);
          if (fast != reference) FAIL_CHECK("keys differ for " << spelling);
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 100000);
}

TEST_CASE("phrase index: reserved room answers as grown tables do", "[extract][lexicon]") {
  // reserve() sizes the table up front (more than once, and smaller than needed too): the
  // phrases found and their order are those of an index that grew as phrases came.
  PhraseIndex grown;
  PhraseIndex reserved;
  reserved.reserve(10, 10);
  for (std::uint32_t n = 0; n < 2000; ++n) {
    const std::vector<std::string> keys{"w" + std::to_string(n % 300), "x" + std::to_string(n % 7)};
    grown.add(keys, n % 500);
    reserved.add(keys, n % 500);
    if (n == 100) reserved.reserve(5000, 5000);
  }
  CHECK(reserved.size() == grown.size());
  const std::unordered_set<std::string> abbr;
  const auto tokens = tokenize("w3 x3 w299 x5 w17 x0 w300", abbr);
  std::vector<PhraseIndex::Match> a;
  std::vector<PhraseIndex::Match> b;
  std::size_t found = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    grown.match(tokens, i, tokens.size(), a);
    reserved.match(tokens, i, tokens.size(), b);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      CHECK((a[k].length == b[k].length && a[k].value == b[k].value));
    }
    found += a.size();
  }
  CHECK(found > 0);
}

TEST_CASE("phrase index: many phrases, shared first keys, hand-made tokens", "[extract][lexicon]") {
  // Enough phrases to make the open-addressing table grow several times; phrases share first
  // keys, so entries chain; a duplicate (same keys, same value) is added once.
  PhraseIndex index;
  for (std::uint32_t n = 0; n < 3000; ++n) {
    index.add(std::vector<std::string>{"w" + std::to_string(n % 700), "x" + std::to_string(n)}, n);
  }
  index.add(std::vector<std::string>{"w5"}, 9000);
  index.add(std::vector<std::string>{"w5"}, 9000);
  index.add(std::vector<std::string>{"w5"}, 9001);
  CHECK(index.size() == 3002);
  // Duplicates are found whatever the order of values under a first key.
  for (std::uint32_t v : {5u, 7u, 7u, 3u, 5u, 3u, 7u, 8u, 8u}) {
    index.add(std::vector<std::string>{"q", "r"}, v);
  }
  CHECK(index.size() == 3006);
  const std::unordered_set<std::string> abbr;
  const std::string text = "w5 x705 w5 x1";
  const auto tokens = tokenize(text, abbr);
  REQUIRE(tokens[0].key_hash == hash_key("w5"));
  std::vector<PhraseIndex::Match> m;
  index.match(tokens, 0, tokens.size(), m);
  REQUIRE(m.size() == 3);
  CHECK((m[0].length == 2 && m[0].value == 705));
  CHECK((m[1].length == 1 && m[1].value == 9000));
  CHECK((m[2].length == 1 && m[2].value == 9001));
  PhraseIndex::Match best{0, 0};
  REQUIRE(index.longest(tokens, 2, tokens.size(), best));
  CHECK((best.length == 1 && best.value == 9000));  // "w5 x1" is no phrase
  CHECK_FALSE(index.longest(tokens, 1, tokens.size(), best));
  CHECK_FALSE(index.longest(tokens, 0, 0, best));
  // Tokens made by hand carry no hash: looked up by their key all the same.
  const std::vector<Token> by_hand{Token{0, 0, TokenKind::Word, 0, "w5"},
                                   Token{0, 0, TokenKind::Word, 0, "x705"}};
  index.match(by_hand, 0, by_hand.size(), m);
  CHECK(m.size() == 3);
  // A layer over a base sees the base's phrases first and skips those it already has.
  auto base = std::make_shared<PhraseIndex>(std::move(index));
  PhraseIndex layer;
  layer.set_base(base);
  layer.add(std::vector<std::string>{"w5"}, 9000);
  layer.add(std::vector<std::string>{"w5"}, 1);
  CHECK(layer.size() == 3007);
  layer.match(tokens, 0, tokens.size(), m);
  REQUIRE(m.size() == 4);
  CHECK(m[3].value == 1);
}

TEST_CASE("hash_key is never 0 and tokenize stores it", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  for (std::string_view key :
       {"", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnopq"}) {
    CHECK(hash_key(key) != 0);
  }
  CHECK(hash_key("abcdefgh") != hash_key("abcdefgi"));
  CHECK(hash_key("ab") != hash_key("ba"));
  for (const Token& t : tokenize("The U.S.-led talks, in Khartoum's \"old\" city.", abbr)) {
    CHECK(t.key_hash == hash_key(t.key));
  }
}

TEST_CASE("suffix patterns match the end of a longer key only", "[extract][lexicon]") {
  const std::unordered_set<std::string> abbr;
  Lexicon lex = Lexicon::parse("phrase\tkind\n*-led|*-backed\tled\nled\tword\n", "t.tsv", abbr);
  const auto tokens = tokenize("Moscow-led -led led U.S.-backed backed ledger", abbr);
  std::vector<PhraseIndex::Match> m;
  PhraseIndex::Match best{0, 0};
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    lex.index().match(tokens, i, tokens.size(), m);
    CHECK(lex.index().longest(tokens, i, tokens.size(), best) == !m.empty());
    if (!m.empty()) hits.push_back(i * 10 + m.front().value);
  }
  // Tokens: "Moscow-led" (row 0), "-", "led" (row 1), "led" (row 1), "U.S.-backed" (row 0),
  // "backed", "ledger": a suffix needs something before it.
  CHECK(hits == std::vector<std::size_t>{0, 21, 31, 40});
}

TEST_CASE("phrase index answers as a walk over all phrases in the order added would",
          "[extract][lexicon]") {
  // Phrases of one to three words over a small vocabulary, so that first keys hold one-word
  // and longer phrases interleaved, and several second keys: match() and longest() must give
  // what the plain definition gives (every phrase starting at the token, longest first, then
  // in the order added; the first of these).
  const std::vector<std::string> words = {"al", "the", "new", "old", "town", "x"};
  std::vector<std::pair<std::vector<std::string>, std::uint32_t>> phrases;
  PhraseIndex index;
  std::uint32_t seed = 7;
  const auto next = [&seed](std::uint32_t n) {
    seed = seed * 1103515245U + 12345U;
    return (seed >> 16) % n;
  };
  for (std::uint32_t v = 0; v < 400; ++v) {
    std::vector<std::string> keys;
    const std::uint32_t length = 1 + next(3);
    for (std::uint32_t k = 0; k < length; ++k) keys.push_back(words[next(words.size())]);
    const std::uint32_t value = next(50);
    bool known = false;
    for (const auto& [p, pv] : phrases) known = known || (p == keys && pv == value);
    if (!known) phrases.emplace_back(keys, value);
    index.add(keys, value);
  }
  CHECK(index.size() == phrases.size());
  const std::unordered_set<std::string> abbr;
  const auto tokens = tokenize("the new town al x the old al al town new x old the", abbr);
  std::vector<PhraseIndex::Match> got;
  for (std::size_t end : {tokens.size(), std::size_t{6}}) {
    for (std::size_t i = 0; i < end; ++i) {
      std::vector<PhraseIndex::Match> want;
      for (const auto& [keys, value] : phrases) {
        bool fits = i + keys.size() <= end;
        for (std::size_t k = 0; fits && k < keys.size(); ++k) fits = tokens[i + k].key == keys[k];
        if (fits) want.push_back({static_cast<std::uint32_t>(keys.size()), value});
      }
      std::stable_sort(want.begin(), want.end(),
                       [](const auto& a, const auto& b) { return a.length > b.length; });
      index.match(tokens, i, end, got);
      REQUIRE(got.size() == want.size());
      for (std::size_t k = 0; k < want.size(); ++k) {
        CHECK((got[k].length == want[k].length && got[k].value == want[k].value));
      }
      PhraseIndex::Match best{0, 0};
      REQUIRE(index.longest(tokens, i, end, best) == !want.empty());
      if (!want.empty()) CHECK((best.length == want[0].length && best.value == want[0].value));
    }
  }
}
