// The page-noise index (PageNoiseIndex) against the plain list searches it replaces, and the
// repeat tests of blank_page_noise, on invented lines.
#include "extract/page_noise.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace {

const char* const kSpec =
    "contains\tfiled from the front\n"
    "contains\tzq\n"  // shorter than a head (four bytes): searched for on its own
    "contains\tcontributed\n"
    "credit_mark\t(qx photo\n"
    "credit_mark\t/qx\n"
    "credit_mark\tqx/\n"
    "credit_mark\tcontrib\n"  // shares its head with a `contains` entry
    "prefix\tsigned by\n"
    "unended_prefix\tby\n";

// What page_noise_parts_in stands for: one search per entry.
unsigned parts_by_search(const std::string& line, const ng::extract::PageNoise& noise) {
  unsigned found = 0;
  for (const std::string& p : noise.contains) {
    if (line.find(p) != std::string::npos) found |= 1U;
  }
  for (const std::string& p : noise.credit_marks) {
    if (line.find(p) != std::string::npos) found |= 2U;
  }
  return found;
}

// Whether line number `n` (0-based) of blank_page_noise's output was blanked.
bool blanked(const std::string& text, std::size_t n, const ng::extract::PageNoise& noise) {
  const std::string out = ng::extract::blank_page_noise(text, noise);
  std::size_t pos = 0;
  for (std::size_t k = 0; k < n; ++k) pos = out.find('\n', pos) + 1;
  const std::size_t end = out.find('\n', pos);
  const std::string line = out.substr(pos, end == std::string::npos ? end : end - pos);
  return line.find_first_not_of(' ') == std::string::npos;
}

}  // namespace

TEST_CASE("page noise index: entries found as a search of each would find them",
          "[extract][page_noise]") {
  const auto noise = ng::extract::PageNoise::parse(kSpec, "spec");
  REQUIRE(noise.index.short_parts.size() == 3);  // "zq", "/qx", "qx/"
  REQUIRE(noise.index.long_parts.size() == 4);
  const std::vector<std::string> pieces = {"filed from the front",
                                           "filed from the",
                                           "zq",
                                           "z",
                                           "contributed",
                                           "contrib",
                                           "contri",
                                           "(qx photo",
                                           "(qx p",
                                           "/qx",
                                           "qx/",
                                           "qx",
                                           "the",
                                           "river",
                                           " ",
                                           "  ",
                                           "/",
                                           "(",
                                           "\xE2\x80\x9C",
                                           "front",
                                           "q",
                                           "x photo"};
  std::mt19937 random(17);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 7);
  std::size_t with_contains = 0, with_credit = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string line;
    for (int k = length(random); k > 0; --k) line += pieces[piece(random)];
    const unsigned expected = parts_by_search(line, noise);
    with_contains += expected & 1U;
    with_credit += (expected >> 1) & 1U;
    INFO(line);
    CHECK(ng::extract::page_noise_parts_in(line, noise.index) == expected);
  }
  // Both kinds occur, and so do lines with none: the comparison covers every answer.
  CHECK(with_contains > 100);
  CHECK(with_credit > 100);
  CHECK(ng::extract::page_noise_parts_in("", noise.index) == 0);
  CHECK(ng::extract::page_noise_parts_in("qx/", noise.index) == 2);
  CHECK(ng::extract::page_noise_parts_in("qx", noise.index) == 0);
  CHECK(ng::extract::page_noise_parts_in("a zq b", noise.index) == 1);
}

TEST_CASE("page noise: repeated paragraphs and pull quotes are blanked, prose kept",
          "[extract][page_noise]") {
  const auto noise = ng::extract::PageNoise::parse(kSpec, "spec");
  const std::string story =
      "Ferries resume on the Olvane\n"
      "The ferries of Olvane resumed on Monday after the floods.\n"
      "\"We waited three weeks for this,\" one trader said.\n";
  // A paragraph repeated word for word, whatever its case and punctuation.
  CHECK(blanked(story + "THE FERRIES OF OLVANE resumed, on Monday after the floods!\n", 3, noise));
  // A line opening with a quote that repeats part of an earlier paragraph: a pull quote.
  CHECK(blanked(story + "\"We waited three weeks\"\n", 3, noise));
  CHECK(blanked(story + "\xE2\x80\x9CWe waited three weeks\xE2\x80\x9D\n", 3, noise));
  // The same words without the quote mark are a sentence of the story.
  CHECK_FALSE(blanked(story + "We waited three weeks.\n", 3, noise));
  // Fewer than three words repeat by chance.
  CHECK_FALSE(blanked(story + "\"Three weeks\"\n", 3, noise));
  // The headline's words count as said before.
  CHECK(blanked(story + "Ferries resume on the Olvane.\n", 3, noise));
  // A new paragraph, and the story lines, stay.
  CHECK_FALSE(blanked(story + "The river fell by a metre overnight.\n", 3, noise));
  CHECK_FALSE(blanked(story, 1, noise));
  CHECK_FALSE(blanked(story, 2, noise));
}

TEST_CASE("page noise: prefixes are tried by their first byte", "[extract][page_noise]") {
  const auto noise = ng::extract::PageNoise::parse(kSpec, "spec");
  const std::string head = "Ferries resume on the Olvane\nThe ferries resumed.\n";
  CHECK(blanked(head + "Signed by the harbour board.\n", 2, noise));
  CHECK(blanked(head + "By Ilse Varn\n", 2, noise));
  CHECK_FALSE(blanked(head + "By Monday the ferries ran again.\n", 2, noise));  // ends a sentence
  CHECK_FALSE(blanked(head + "Bystanders watched the ferries\n", 2, noise));    // not a word
  CHECK_FALSE(blanked(head + "Resigned by the harbour board.\n", 2, noise));
}

TEST_CASE("page noise: a transcript's speaker label is blanked, its line kept",
          "[extract][page_noise]") {
  const auto noise = ng::extract::PageNoise::parse(
      "speaker_label\treporter\nspeaker_label\tdeputy spokesperson\n", "spec");
  const std::string head = "Ferries resume on the Olvane\n";
  const auto line2 = [&](const std::string& line) {
    const std::string out = ng::extract::blank_page_noise(head + line + "\n", noise);
    REQUIRE(out.size() == head.size() + line.size() + 1);  // every offset kept
    return out.substr(head.size(), line.size());
  };
  CHECK(line2("REPORTER (Ilse Varn): The ferries ran.") ==
        "                      The ferries ran.");
  CHECK(line2("DEPUTY SPOKESPERSON: We saw the ferries.") ==
        "                     We saw the ferries.");
  // Only in capitals, only a listed label, only with its colon.
  CHECK(line2("Reporter (Ilse Varn): The ferries ran.") ==
        "Reporter (Ilse Varn): The ferries ran.");
  CHECK(line2("HARBOUR BOARD: The ferries ran.") == "HARBOUR BOARD: The ferries ran.");
  CHECK(line2("REPORTER Ilse Varn said the ferries ran.") ==
        "REPORTER Ilse Varn said the ferries ran.");
}

TEST_CASE("page noise: a round-up item's own dateline is blanked after the first",
          "[extract][page_noise]") {
  const auto noise = ng::extract::PageNoise::parse("whole\tadvertisement\n", "spec");
  const std::string head = "Harbour news in brief\n\n";
  const std::string first = "VARNO, May 2 (Coast Wire) - Ferries ran again on Tuesday.\n\n";
  const auto item = [&](const std::string& line) {
    const std::string out = ng::extract::blank_page_noise(head + first + line + "\n", noise);
    REQUIRE(out.size() == head.size() + first.size() + line.size() + 1);  // every offset kept
    CHECK(out.substr(head.size(), first.size()) == first);  // the story's dateline stays
    return out.substr(head.size() + first.size(), line.size());
  };
  const auto blank = [](const std::string& dateline) { return std::string(dateline.size(), ' '); };
  for (const std::string dateline : {"OLVANE HARBOUR, May 3 (Coast Wire) - ",
                                     "PORT TELLA (Coast Wire) \xE2\x80\x94 ", "VARNO - "}) {
    CHECK(item(dateline + "The board met.") == blank(dateline) + "The board met.");
  }
  // Not a dateline: capitals that open a sentence, a label, a clause after the comma.
  CHECK(item("NATO said the board met.") == "NATO said the board met.");
  CHECK(item("UPDATE: The board met.") == "UPDATE: The board met.");
  CHECK(item("VARNO, the port town - it met.") == "VARNO, the port town - it met.");
}
