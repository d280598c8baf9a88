// Event mechanisms of session 17 (headlines, truce references, meetings at a venue, relative
// clauses that date an event, reported past perfect, filed datelines): one case per mechanism, on
// invented sentences, each with the case it must leave alone.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;
using ng_test::has_event;
using ng_test::ng_term;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "ev17") {}

  // The ng:date values of the events of class `cls`.
  std::vector<std::string> dates(const std::string& cls) const {
    std::vector<std::string> out;
    for (const auto& q : sink.quads) {
      if (q.predicate.value != ng::vocab::kRdfType ||
          q.object.value.substr(q.object.value.find('#') + 1) != cls ||
          objects(q.subject.value, ng_term("inArticle")).empty()) {
        continue;
      }
      for (const std::string& d : objects(q.subject.value, ng_term("date"))) out.push_back(d);
    }
    return out;
  }
};

bool has_date(const std::vector<std::string>& dates, const std::string& value) {
  for (const std::string& d : dates) {
    if (d == value) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("events17: a headline restates the body's event, without a dateline too",
          "[extract][events17]") {
  // The headline's second clause names the drone strike next to the first town; the body places
  // it in the second town only.
  Stage1 a(
      "Rebels seize army base in Eldoret as drone strike hits Kisumu\n"
      "The rebels said on Monday they had captured the army base in Eldoret after a long siege.\n"
      "Hours later, a drone struck a fuel depot in Kisumu, killing 12 people, officials said.");
  CHECK(has_event(a.events(), "DroneAttack@Kisumu"));
  CHECK_FALSE(has_event(a.events(), "DroneAttack@Eldoret"));
  // A headline event the body tells in no event of the same kind is dropped with it.
  Stage1 b(
      "Clashes rage in Eldoret as talks stall\n"
      "Government troops and rebels fought in the streets of Eldoret on Monday, residents said.");
  CHECK(has_class(b.events(), "Clash"));
  CHECK_FALSE(has_class(b.events(), "Negotiation"));
  // A first line that ends a sentence is the story, not a headline: its event stays.
  Stage1 c("Talks between the two sides opened in Kisumu on Monday.\nNo agreement was reached.");
  CHECK(has_class(c.events(), "Negotiation"));
}

TEST_CASE("events17: a truce's machinery or a truce kept or broken is no new truce",
          "[extract][events17]") {
  Stage1 a(
      "Warplanes struck a building in Eldoret on Monday, killing five people, as the government "
      "appealed to the committee monitoring the ceasefire to act.");
  CHECK(has_class(a.events(), "Airstrike"));
  CHECK_FALSE(has_class(a.events(), "Ceasefire"));
  Stage1 b("Officials in Eldoret asked the ceasefire monitors on Monday to investigate.");
  CHECK_FALSE(has_class(b.events(), "Ceasefire"));
  // A truce agreed is one.
  Stage1 c("The two sides agreed to a ceasefire in Kisumu on Monday.");
  CHECK(has_class(c.events(), "Ceasefire"));
}

TEST_CASE("events17: a truce someone must or would agree to has not been agreed",
          "[extract][events17]") {
  Stage1 a("The envoy said the rebels must first agree to a full ceasefire in the north.");
  CHECK_FALSE(has_class(a.events(), "Ceasefire"));
  Stage1 b("The minister said his government would never agree to a truce with the rebels.");
  CHECK_FALSE(has_class(b.events(), "Ceasefire"));
  Stage1 c("The army and the rebels agreed to a ceasefire in Kisumu on Sunday.");
  CHECK(has_class(c.events(), "Ceasefire"));
}

TEST_CASE("events17: 'meeting' a named person after a comma is a meeting at the venue",
          "[extract][events17]") {
  Stage1 a(
      "President Arno Velt, meeting Foreign Minister Dara Quill at the presidential palace in "
      "Kisumu, said the attacks must stop.");
  CHECK(has_event(a.events(), "DiplomaticContact@Kisumu"));
  // Not a lower-case object ("meeting the demands").
  Stage1 b("The government, meeting the demands of the protesters in Kisumu, freed the leaders.");
  CHECK_FALSE(has_class(b.events(), "DiplomaticContact"));
}

TEST_CASE("events17: a 'which' clause right after an event noun dates it", "[extract][events17]") {
  // The test article is dated Tuesday 2026-03-10: "on Saturday" is 2026-03-07.
  Stage1 a("The fighting, which began on Saturday, is the worst in Eldoret in years.");
  CHECK(has_date(a.dates("Clash"), "2026-03-07"));
  Stage1 b("Peace talks, which opened on Saturday, were held in Kisumu.");
  CHECK(has_date(b.dates("Negotiation"), "2026-03-07"));
  // A "which" clause on the place, not on the event noun, does not date the event.
  Stage1 c("Peace talks were held in Kisumu, which opened on Saturday.");
  CHECK(has_class(c.events(), "Negotiation"));
  CHECK_FALSE(has_date(c.dates("Negotiation"), "2026-03-07"));
}

TEST_CASE("events17: a killing in reported past perfect after 'said on Friday that'",
          "[extract][events17]") {
  Stage1 a(
      "The diocese said on Friday that the rebels had killed at least 23 civilians in Eldoret.");
  CHECK(has_event(a.events(), "Killing@Eldoret"));
  // Without a speech verb the past perfect tells background.
  Stage1 b("In the past the rebels had killed at least 23 civilians in Eldoret.");
  CHECK_FALSE(has_class(b.events(), "Killing"));
}

TEST_CASE("events17: a filed city is kept against its own country, not against a province",
          "[extract][events17]") {
  // (Kigoma is a city of Tanzania in the gazetteer; Kagera a region of it.)
  Stage1 a(
      "Kigoma (Tanzania) (AFP) - Gunmen attacked a police post in Tanzania on Sunday, killing "
      "four officers, police said.");
  CHECK(has_event(a.events(), "GroundAttack@Kigoma"));
  Stage1 b(
      "Kigoma (Tanzania) (AFP) - Gunmen attacked a police post in Tanzania's Kagera region on "
      "Sunday, killing four officers, police said.");
  CHECK_FALSE(has_event(b.events(), "GroundAttack@Kigoma"));
}
