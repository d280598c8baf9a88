// Mechanisms prompted by the thirty-first held-out set (tests/data/heldout31: news web pages
// copied with their page furniture): one case per mechanism, on invented text and names.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <string>

#include "extract/page_noise.hpp"
#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h31") {}
};

using ng_test::has;

const char* const kNoiseSpec =
    "# test spec\n"
    "whole\tadvertisement\n"
    "prefix\treporting by\n"
    "prefix\trelated:\n"
    "unended_prefix\tby\n"
    "contains\tcontributed to this report\n"
    "credit_mark\t(ap photo\n"
    "photo_credit\tgetty images\n"
    "link_header\trelated stories\n"
    "stamp\tupdated ago\n"
    "zone\tgmt utc am pm\n"
    "month\tmay june\n"
    "time\thours on\n";

ng::extract::PageNoise spec() { return ng::extract::PageNoise::parse(kNoiseSpec, "spec"); }

// The lines of `text` that blank_page_noise kept (non-blank after blanking).
std::set<std::string> kept(const std::string& text) {
  const std::string out = ng::extract::blank_page_noise(text, spec());
  std::set<std::string> lines;
  std::size_t pos = 0;
  while (pos <= out.size()) {
    std::size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(pos, end - pos);
    if (line.find_first_not_of(' ') != std::string::npos) lines.insert(line);
    pos = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("page noise: the spec's classes and its errors", "[extract][heldout31]") {
  const auto n = spec();
  CHECK_FALSE(n.empty());
  CHECK(ng::extract::PageNoise::parse("# only a comment\n", "x").empty());
  CHECK_THROWS_AS(ng::extract::PageNoise::parse("nonsense\tline\n", "x"), std::runtime_error);
  CHECK_THROWS_AS(ng::extract::PageNoise::parse("whole advertisement\n", "x"), std::runtime_error);
  CHECK_THROWS_AS(ng::extract::PageNoise::parse("whole\t   \n", "x"), std::runtime_error);
}

TEST_CASE("page noise: furniture lines are blanked, same length, story lines kept",
          "[extract][heldout31]") {
  const std::string text =
      "Tarvo shells Dravo\n"
      "By Olmo Kess and Vela Mirt\n"
      "Updated 3:12 PM GMT, May 4, 2026\n"
      "Smoke rises over Dravo on Monday. (AP Photo/Ila Renn)\n"
      "DRAVO (AP) - Shells hit Dravo on Monday, killing three people, officials said.\n"
      "Advertisement\n"
      "\"We will rebuild,\" the mayor said.\n"
      "Related Stories\n"
      "Tarvo army retakes Bessa\n"
      "Who is behind the Olmek militia?\n"
      "By Tuesday, the army had left the town.\n"
      "\"We will rebuild.\"\n"
      "Reporting by Ila Renn in Bessa\n"
      "Associated Press writer Karo Venn in Olmek contributed to this report.\n";
  const std::string out = ng::extract::blank_page_noise(text, spec());
  REQUIRE(out.size() == text.size());
  CHECK(std::count(out.begin(), out.end(), '\n') == std::count(text.begin(), text.end(), '\n'));
  const auto lines = kept(text);
  CHECK(lines == std::set<std::string>{
                     "Tarvo shells Dravo",
                     "DRAVO (AP) - Shells hit Dravo on Monday, killing three people, officials "
                     "said.",
                     "\"We will rebuild,\" the mayor said.",
                     "By Tuesday, the army had left the town."});
}

TEST_CASE("page noise: the headline, a bare live-blog clock and story lines stay",
          "[extract][heldout31]") {
  // The headline is never blanked, even when it looks like a byline.
  CHECK(kept("By the river, fighting resumes\nShells hit Dravo.\n").size() == 2);
  // A clock alone heads a live-blog entry; with a month it is a page's timestamp.
  CHECK(kept("Live: Dravo\n17:05 GMT\nShells hit Dravo.\n").count("17:05 GMT") == 1);
  CHECK(kept("Live: Dravo\n17:05 GMT, 4 May 2026\nShells hit Dravo.\n")
            .count("17:05 GMT, 4 May 2026") == 0);
  // A prefix ending in a letter ends a word: "Byelection" is no byline.
  CHECK(kept("Dravo votes\nByelection results in Dravo\nTurnout was low.\n")
            .count("Byelection results in Dravo") == 1);
  // A caption after a line that is only a photo credit.
  CHECK(kept("Dravo\nGetty Images\nResidents flee Bessa after shelling\nShells hit Dravo.\n")
            .count("Residents flee Bessa after shelling") == 0);
  // Empty and blank input.
  CHECK(ng::extract::blank_page_noise("", spec()).empty());
  CHECK(ng::extract::blank_page_noise("\n\n", spec()) == "\n\n");
}

TEST_CASE("page noise: reporters, captions and linked headlines give no actors or places",
          "[extract][heldout31]") {
  Stage1 a(
      "Tarvian shells hit Dravo, officials say\n"
      "By Olmo Kessamir and Vela Mirtova\n"
      "Updated 2 hours ago\n"
      "Smoke rises over Bessa on Monday. REUTERS/Ila Renn\n"
      "DRAVO, March 10 (Reuters) - Tarvian artillery shelled the town of Dravo on Tuesday, "
      "killing three people, the governor Kaspar Lennet said.\n"
      "Read more:\n"
      "Fighting spreads to Olmek as talks in Geneva stall\n"
      "Lennet said the shelling had destroyed a school.\n"
      "Reporting by Ila Renn in Dravo; Editing by Maro Tesk\n");
  const auto persons = a.labels("Person");
  CHECK(has(persons, "Kaspar Lennet"));
  CHECK_FALSE(has(persons, "Olmo Kessamir"));
  CHECK_FALSE(has(persons, "Ila Renn"));
  CHECK_FALSE(has(persons, "Maro Tesk"));
  CHECK_FALSE(has(a.labels("City"), "Geneva"));
  CHECK_FALSE(has(a.labels("City"), "Bessa"));
}

TEST_CASE("places: a site named with its kind and by its bare name is one site",
          "[extract][heldout31]") {
  Stage1 a(
      "Fighting rages in the Dravo camp. Gunmen attacked the refugee camp, Dravo, on Monday. "
      "Shells fell across the camp on Tuesday.");
  const auto sites = a.labels("Site");
  CHECK(has(sites, "Dravo"));
  CHECK_FALSE(has(sites, "Dravo camp"));
  // "the camp" still refers back to it.
  CHECK(ng_test::has_event(a.events(), "Shelling@Dravo"));
  // A different name with the same kind is another site.
  Stage1 b("Gunmen attacked the Dravo camp and the Bessa camp on Monday.");
  CHECK(b.labels("Site").size() >= 2);
}

TEST_CASE("places: two names before a plural kind noun are both sites", "[extract][heldout31]") {
  Stage1 a("Police stormed the Dravo and Kessa favela complexes at dawn on Tuesday.");
  const auto sites = a.labels("Site");
  CHECK(has(sites, "Dravo"));
  CHECK(has(sites, "Kessa"));
  Stage1 b("Police stormed the Dravo and Kessa on Tuesday.");
  CHECK_FALSE(has(b.labels("Site"), "Dravo"));
}

TEST_CASE("actors: a name between commas before a verb of speech is a person",
          "[extract][heldout31]") {
  Stage1 a(
      "Two people were killed, the head of the city's military administration, Ostap Verenko, "
      "said.");
  CHECK(has(a.labels("Person"), "Ostap Verenko"));
  Stage1 b(
      "At least 30 civilians were killed, according to the governor of Tarvo province, "
      "Jean-Luc Mabanza.");
  CHECK(has(b.labels("Person"), "Jean-Luc Mabanza"));
  // A place between commas is no person.
  Stage1 c("Shells fell on the market, Dravo Oblast, officials said.");
  CHECK_FALSE(has(c.labels("Person"), "Dravo Oblast"));
}

TEST_CASE("actors: militias known as X, undotted ranks and a mission's mixed-case acronym",
          "[extract][heldout31]") {
  Stage1 a("Troops and allied militias known as Kolombe attacked rebel positions on Monday.");
  CHECK(has(a.labels("ArmedGroup"), "Kolombe"));
  Stage1 b("Army spokesman Maj Gen Ostap Verenko said the rebels had attacked first.");
  CHECK(has(b.labels("Person"), "Ostap Verenko"));
  CHECK_FALSE(has(b.labels("Person"), "Maj Gen Ostap Verenko"));
  Stage1 c("The UN mission, Monusco, said it was alarmed by the fighting near Dravo.");
  CHECK(has(c.labels("Organization"), "Monusco"));
}

TEST_CASE("actors: seats of government stand for their governments", "[extract][heldout31]") {
  Stage1 a(
      "The Elysee said on Monday that the envoy would travel to Tarvo. Downing Street declined "
      "to comment.");
  const auto governments = a.labels("Government");
  CHECK(has(governments, "Elysee"));
  CHECK(has(governments, "Downing Street"));
  CHECK_FALSE(has(a.labels("City"), "Downing Street"));
}
