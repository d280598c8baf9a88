// Stage-1 mechanisms added for the twenty-fourth held-out set (tests/data/heldout24: a weekly
// conflict monitor, a military press release, a dated chronology and a translated regional
// report; places at local levels, boundary lines, events told as dated list entries): one case
// per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

using ng_test::has_event;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h24") {}
  // "Class@YYYY-MM-DD" for every event with a date.
  std::multiset<std::string> dated_events() const {
    std::multiset<std::string> out;
    for (const auto& q : sink.quads) {
      if (q.predicate.value != ng::vocab::kRdfType) continue;
      if (objects(q.subject.value, ng_test::ng_term("inArticle")).empty()) continue;
      const std::string cls = q.object.value.substr(q.object.value.find('#') + 1);
      for (const std::string& d : objects(q.subject.value, ng_test::ng_term("date"))) {
        out.insert(cls + "@" + d);
      }
    }
    return out;
  }
};

using ng_test::has;

}  // namespace

TEST_CASE("dates: a chronology's year heading dates its entries, a day range by its first day",
          "[extract][generalisation][heldout24]") {
  // The article is dated 2026-03-10: without the headings "May" would be 2025-05.
  Stage1 r(
      "2019\n\nMay 5-6: Rebels and soldiers clash near Tessaro.\n\nDecember 9: Troops shelled "
      "Tessaro.\n\n2021\n\nMarch 3: Rebels ambushed a convoy near Tessaro.");
  const auto ev = r.dated_events();
  CHECK(has_event(ev, "Clash@2019-05-05"));
  CHECK(has_event(ev, "Shelling@2019-12-09"));
  CHECK(has_event(ev, "GroundAttack@2021-03-03"));
}

TEST_CASE("places: a named boundary line or zone is a place, not a body",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "Soldiers fired warning shots across the Olmar Demarcation Line (ODL) on Monday. Patrols "
      "along the Line of Present Contact (LPC) were doubled, and troops entered the Kamo "
      "Security Area.");
  const auto sites = r.labels("Site");
  CHECK(has(sites, "Olmar Demarcation Line"));
  CHECK(has(r.labels("Region"), "Line of Present Contact"));
  CHECK(has(sites, "Kamo Security Area"));
  CHECK(r.labels("Organization").empty());
  CHECK(has_event(r.events(), "Clash@Olmar Demarcation Line"));
}

TEST_CASE("places: local units in lower case (parish, sub-county, sector) and a landing site",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "Gunmen attacked Kisoro village, Rubanda parish, Kanyo sub-county in Gulu district on "
      "Sunday night, killing four people. Two fishermen were abducted at Bugiri landing site in "
      "the Tesso sector.");
  const auto regions = r.labels("Region");
  CHECK(has(regions, "Rubanda parish"));
  CHECK(has(regions, "Kanyo sub-county"));
  CHECK(has(regions, "Tesso sector"));
  CHECK(has(r.labels("Site"), "Bugiri landing site"));
  CHECK(has_event(r.events(), "Capture@Bugiri landing site"));
}

TEST_CASE("places: an island, strait or lake named before its lower-case head word",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "Drones struck a radar site on Tessel island on Monday. A tanker was hit near the Karabu "
      "strait, and a fire broke out on the shore of Omaru lake.");
  const auto regions = r.labels("Region");
  CHECK(has(regions, "Tessel"));
  CHECK(has(regions, "Karabu"));
  CHECK(has(regions, "Omaru"));
  CHECK(has_event(r.events(), "DroneAttack@Tessel"));
}

TEST_CASE("places: a national park is a site even when a title opens its name",
          "[extract][generalisation][heldout24]") {
  Stage1 r("The attackers came from the direction of Queen Amara National Park, residents said.");
  CHECK(has(r.labels("Site"), "Queen Amara National Park"));
  CHECK(r.labels("Person").empty());
}

TEST_CASE("places: 'the port of X' names a settlement", "[extract][generalisation][heldout24]") {
  Stage1 r("A missile hit a cargo ship off the port of Ras Kamo on Friday.");
  CHECK(has(r.labels("City"), "Ras Kamo"));
  CHECK(has_event(r.events(), "MissileStrike@Ras Kamo"));
}

TEST_CASE("places: an unknown name placed inside a known place or next to a relation of place",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "Indian troops clashed at Tolobe in Gujarat on Monday. Officials met in Yangdo, Seoul, on "
      "Tuesday. Balloons fell in Pinto and Varesa in Gyeonggi Province. The army made contact "
      "with rebels at Kibwera, near the border.");
  const auto cities = r.labels("City");
  CHECK(has(cities, "Tolobe"));
  CHECK(has(cities, "Yangdo"));
  CHECK(has(cities, "Pinto"));
  CHECK(has(cities, "Varesa"));
  CHECK(has(cities, "Kibwera"));
  CHECK(has_event(r.events(), "Clash@Tolobe"));
}

TEST_CASE("places: an unknown name after a compass word is a region without it",
          "[extract][generalisation][heldout24]") {
  Stage1 r("Fighting spread in eastern Morvania on Sunday.");
  CHECK(has(r.labels("Region"), "Morvania"));
  CHECK(has_event(r.events(), "Clash@Morvania"));
}

TEST_CASE("places and events: a numbered patrolling point, troops 'pull back' (present tense)",
          "[extract][generalisation][heldout24]") {
  Stage1 r("Troops pull back from Patrolling Point 12 in the Kamo area.");
  CHECK(has(r.labels("Site"), "Patrolling Point 12"));
  CHECK(has_event(r.events(), "Withdrawal@Patrolling Point 12"));
}

TEST_CASE("events: artillery named by its rounds, a sea drone",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "North Tarvia fired about 40 artillery rounds near Olmo island on Monday. A sea drone "
      "rammed a tanker near Olmo island on Tuesday.");
  const auto ev = r.events();
  CHECK(has_event(ev, "Shelling@Olmo"));
  CHECK(has_event(ev, "DroneAttack@Olmo"));
}

TEST_CASE("events: a forecast ('Expect further attacks') and a violated accord report no event",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "Expect further rebel attacks on convoys near Tessaro. The shelling was a clear violation "
      "of the ceasefire agreement.");
  const auto ev = r.events();
  CHECK_FALSE(has_event(ev, "GroundAttack@Tessaro"));
  CHECK(ev.count("Ceasefire@-") == 0);
  CHECK(ev.count("Ceasefire@Tessaro") == 0);
}

TEST_CASE("actors: an outlet before 'news agency', a body after its lower-case kind",
          "[extract][generalisation][heldout24]") {
  Stage1 r(
      "The rebel-run Tarvo news agency said the strike killed two people. Maritime security firm "
      "Calden said the ship was hit.");
  CHECK(has(r.labels("MediaOutlet"), "Tarvo"));
  CHECK(has(r.labels("Organization"), "Calden"));
}

TEST_CASE("events: costs 'met by' an office are no meeting, 'reached an agreement' is an accord",
          "[extract][generalisation][heldout24]") {
  Stage1 r("Burial costs were met by the district office, the commissioner said.");
  CHECK(r.events().empty());
  Stage1 a(
      "On Monday the two governments announced they have reached an agreement on patrolling "
      "along the border near Tessaro.");
  CHECK(has_event(a.events(), "PeaceAgreement@Tessaro"));
}
