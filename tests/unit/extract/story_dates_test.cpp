#include "extract/story_dates.hpp"

#include <catch2/catch.hpp>

using namespace ng::extract;

namespace {
const std::unordered_set<std::string>& abbreviations() {
  static const std::unordered_set<std::string> abbr;
  return abbr;
}
const Lexicon& time_words() {
  static const Lexicon words =
      Lexicon::load(std::string(NG_SOURCE_DIR) + "/data/lexicon/time_words.tsv", abbreviations());
  return words;
}
Article article(const std::string& id, const std::string& date, const std::string& text) {
  Article a;
  a.id = id;
  a.date = date;
  a.text = text;
  return a;
}
const char* kDated =
    "Rebels of the Northern Front shelled Port Harlow and Millbrook on Thursday, and the army "
    "of Veldania answered with drones over Stonebridge, General Amara Okoye said.";
const char* kSameStory =
    "The army of Veldania sent drones over Stonebridge on Thursday after the Northern Front "
    "shelled Port Harlow and Millbrook, General Okoye told reporters.";
const char* kOtherStory =
    "Floods in the Quenby valley cut the road to Ashford, and the Red Crescent of Lorath "
    "flew supplies to Dunmore on Thursday.";
}  // namespace

TEST_CASE("story profile: names inside sentences and the weekdays named", "[extract][time]") {
  const StoryProfile p = story_profile(kDated, time_words(), abbreviations());
  CHECK(p.names.count("harlow"));
  CHECK(p.names.count("veldania"));
  CHECK_FALSE(p.names.count("rebels"));    // opens the sentence
  CHECK_FALSE(p.names.count("thursday"));  // a time word, not a name
  CHECK(p.weekdays == std::set<int>{4});
}

TEST_CASE("an undated report takes the date of a dated report of the same story",
          "[extract][time]") {
  // 2026-03-05 is a Thursday: the undated report names Thursday.
  std::vector<Article> batch{article("a", "2026-03-05", kDated), article("b", "", kSameStory),
                             article("c", "", kOtherStory)};
  CHECK(infer_story_dates(batch, time_words(), abbreviations()) == 1);
  CHECK(batch[1].inferred_date == "2026-03-05");
  CHECK(reference_date(batch[1]) == "2026-03-05");
  CHECK(batch[1].date.empty());           // the article's own date stays unknown
  CHECK(batch[2].inferred_date.empty());  // another story: no date
  CHECK(reference_date(batch[0]) == "2026-03-05");
}

TEST_CASE("a dated report on a weekday the undated one does not name is not used",
          "[extract][time]") {
  // 2026-03-10 is a Tuesday, neither Thursday nor the day after.
  std::vector<Article> batch{article("a", "2026-03-10", kDated), article("b", "", kSameStory)};
  CHECK(infer_story_dates(batch, time_words(), abbreviations()) == 0);
  CHECK(batch[1].inferred_date.empty());
  // The day after the named Thursday (a report filed next morning) is accepted.
  batch[0].date = "2026-03-06";
  CHECK(infer_story_dates(batch, time_words(), abbreviations()) == 1);
  CHECK(batch[1].inferred_date == "2026-03-06");
}

TEST_CASE("an undated report with a full date in its dateline uses it", "[extract][time]") {
  std::vector<Article> batch{
      article("a", "", std::string("PORT HARLOW, March 5, 2026 (Wire) - ") + kSameStory),
      article("b", "", std::string("PORT HARLOW (Wire) - ") + kOtherStory)};
  CHECK(infer_story_dates(batch, time_words(), abbreviations()) == 1);
  CHECK(batch[0].inferred_date == "2026-03-05");
  CHECK(batch[1].inferred_date.empty());  // no year in sight, no dated peer
  CHECK(story_profile("Clashes on March 5, 2026 - officials", time_words(), abbreviations())
            .dateline_date.empty());  // not a dateline: no capitals first
}
