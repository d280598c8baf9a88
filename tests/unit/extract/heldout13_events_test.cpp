// Stage-1 event mechanisms added with the thirteenth held-out set (tests/data/heldout13): one
// case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <string>

#include "stage1_result.hpp"

namespace {

using ng_test::has_class;

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "h13") {}
};

}  // namespace

TEST_CASE("events: a strike or a release under would, will not, further or a threat is none",
          "[extract][generalisation][heldout13]") {
  Stage1 would(
      "The defence minister of Ruritania warned on Monday that the air force would strike "
      "Kisangani if the raids went on.");
  CHECK(would.events().count("Airstrike@Kisangani") == 0);
  Stage1 further("Ruritania said it will not tolerate further shelling of Kisangani.");
  CHECK(!has_class(further.events(), "Shelling"));
  Stage1 threatened("The group threatened further attacks on villages near Kisangani.");
  CHECK(!has_class(threatened.events(), "GroundAttack"));
  Stage1 released("The talks stalled when the frozen funds were not released.");
  CHECK(!has_class(released.events(), "PrisonerRelease"));
  // The same words without the cue still report events.
  Stage1 real("The air force struck Kisangani on Monday, and the rebels released 12 prisoners.");
  CHECK(real.events().count("Airstrike@Kisangani") == 1);
  CHECK(has_class(real.events(), "PrisonerRelease"));
}

TEST_CASE(
    "events: independence, a ceasefire someone declared and a named declaration are no "
    "Statement",
    "[extract][generalisation][heldout13]") {
  Stage1 independence("Ruritania, a former province, declared independence in 1998.");
  CHECK(!has_class(independence.events(), "Statement"));
  Stage1 ceasefire(
      "The shelling came despite a ceasefire the army declared after the floods in March.");
  CHECK(!has_class(ceasefire.events(), "Statement"));
  Stage1 named("Diplomats said the Kisangani declaration did not mention the port.");
  CHECK(!has_class(named.events(), "Statement"));
  Stage1 real("The defence minister of Ruritania declared open war on the rebels on Friday.");
  CHECK(has_class(real.events(), "Statement"));
}

TEST_CASE("events: 'the talks' after reported talks adds no event, nor do talks offered",
          "[extract][generalisation][heldout13]") {
  Stage1 restated(
      "Ruritanian and Graustarkian envoys held talks in Kisangani on Monday. Both sides described "
      "the talks as positive.");
  const auto ev = restated.events();
  CHECK(ev.count("Negotiation@Kisangani") == 1);
  CHECK(ev.count("Negotiation@-") == 0);
  Stage1 offered(
      "The president of Ruritania offered to host talks between the two sides in Kisangani.");
  CHECK(!has_class(offered.events(), "Negotiation"));
}

TEST_CASE("events: a grenade that exploded in a market is a bombing",
          "[extract][generalisation][heldout13]") {
  Stage1 r(
      "In Kisangani, a grenade exploded in a crowded market on Thursday, wounding three people.");
  CHECK(r.events().count("Bombing@Kisangani") == 1);
}

TEST_CASE("events: an event over a span opened before the report's month reports none",
          "[extract][generalisation][heldout13]") {
  // The test article is dated 2026-03-10 (stage1_result.hpp).
  Stage1 span(
      "The rebels have attacked convoys on the road to Kisangani since November 2024, the "
      "governor said.");
  CHECK(span.events().count("GroundAttack@Kisangani") == 0);
  // A span of the report's month is the fighting of these days; "since 2024, when ..." dates
  // one event.
  Stage1 this_month("Envoys have been holding talks in Kisangani since March 3.");
  CHECK(this_month.events().count("Negotiation@Kisangani") == 1);
  Stage1 when(
      "Attacks on the town have grown since 2024, when rockets struck Kisangani and killed two "
      "people.");
  CHECK(when.events().count("MissileStrike@Kisangani") == 1);
}

TEST_CASE("events: people or shells 'from X' come from X, which is not the event's place",
          "[extract][generalisation][heldout13]") {
  Stage1 met("Military chiefs from Rwanda and Burundi met in Kisangani on Thursday.");
  const auto ev = met.events();
  CHECK(ev.count("DiplomaticContact@Rwanda") == 0);
  CHECK(ev.count("DiplomaticContact@Burundi") == 0);
  Stage1 fired("Mortar shells fired from Burundi killed two farmers in a village near Bukavu.");
  CHECK(fired.events().count("Shelling@Burundi") == 0);
}

TEST_CASE(
    "events: a signing in the dateline's sentence with no place, or only its country, was "
    "where the report was filed",
    "[extract][generalisation][heldout13]") {
  Stage1 no_place(
      "Burundi and rebels sign deal\n\nKIGALI, Rwanda (AP) - Burundi's government and a rebel "
      "group signed an agreement on Tuesday to end the fighting in the north.");
  CHECK(no_place.events().count("PeaceAgreement@Kigali") == 1);
  Stage1 country(
      "Sudan signs peace deal in Ethiopia\n\nADDIS ABABA (Reuters) - Sudan's army signed a peace "
      "agreement with two rebel groups in Ethiopia on Monday.");
  CHECK(country.events().count("PeaceAgreement@Addis Ababa") == 1);
  CHECK(country.events().count("PeaceAgreement@Ethiopia") == 0);
}

TEST_CASE("places: a gazetteer name that is the state's demonym does not label the state",
          "[extract][generalisation][heldout13]") {
  // The gazetteer lists "Thai" among Thailand's names; it is also its demonym.
  Stage1 r(
      "Thai soldiers clashed with smugglers near the border on Monday. Thailand said two "
      "soldiers were wounded.");
  const auto countries = r.labels("Country");
  CHECK(countries.count("Thailand") == 1);
  CHECK(countries.count("Thai") == 0);
}

TEST_CASE("events: 'captured N others' in a toll is no capture of a place",
          "[extract][generalisation][heldout13]") {
  Stage1 toll(
      "The rebels said they had killed 30 soldiers and captured 12 others near Kisangani on "
      "Monday.");
  CHECK(!has_class(toll.events(), "Capture"));
  Stage1 town("The rebels captured Kisangani on Monday.");
  CHECK(town.events().count("Capture@Kisangani") == 1);
}

TEST_CASE("events: the headline's place is the body's when the body gives none",
          "[extract][generalisation][heldout13]") {
  Stage1 r(
      "Congo signs peace deal with rebel group in Kigali\n\nGOMA, Congo (Reuters) - Congo's "
      "government signed a peace agreement on Thursday with a rebel group.");
  const auto ev = r.events();
  CHECK(ev.count("PeaceAgreement@Kigali") == 1);
  CHECK(ev.count("PeaceAgreement@Goma") == 0);
}

TEST_CASE("events: a truce that points back at located fighting takes its place",
          "[extract][generalisation][heldout13]") {
  Stage1 r(
      "Two militia factions fought in the town of Kisangani last week. Local elders later brokered "
      "a ceasefire between the two factions on Saturday.");
  CHECK(r.events().count("Ceasefire@Kisangani") == 1);
  Stage1 no_back(
      "Two militia factions fought in the town of Kisangani last week. The government declared a "
      "ceasefire in the east in March.");
  CHECK(no_back.events().count("Ceasefire@Kisangani") == 0);
}

TEST_CASE(
    "events: a bare 'the attack' after a reported attack restates it, whatever places "
    "the sentence names",
    "[extract][generalisation][heldout13]") {
  Stage1 r(
      "Gunmen stormed a police post near Kisangani on Sunday, killing four officers. The "
      "government in Kinshasa expressed regret over the attack.");
  const auto ev = r.events();
  CHECK(ev.count("GroundAttack@Kinshasa") == 0);
  Stage1 own(
      "Gunmen stormed a police post near Kisangani on Sunday. Officials said the attack in Goma "
      "on Monday killed two people.");
  CHECK(own.events().count("GroundAttack@Goma") == 1);
}

TEST_CASE("events: an event at an unnamed site inside a named place is placed in that place",
          "[extract][generalisation][heldout13]") {
  Stage1 r("On Tuesday, troops repelled an attack on a military base in Kisangani, the army said.");
  const auto ev = r.events();
  CHECK(ev.count("GroundAttack@Kisangani") == 1);
  CHECK(ev.count("GroundAttack@military base in Kisangani") == 0);
}

TEST_CASE("events: 'the regional force fighting X' describes a force, no clash",
          "[extract][generalisation][heldout13]") {
  Stage1 r(
      "Burundian troops, who are part of the regional force fighting the rebels, are deployed "
      "near Kisangani.");
  CHECK(!has_class(r.events(), "Clash"));
}

TEST_CASE("events: talks reported without a place are the talks reported with one, whatever day",
          "[extract][generalisation][heldout13]") {
  Stage1 r(
      "Talks in Kisangani between the government and the rebels were due to resume on Monday. "
      "The talks had stalled in January over security arrangements.");
  const auto ev = r.events();
  CHECK(ev.count("Negotiation@Kisangani") == 1);
  CHECK(ev.count("Negotiation@-") == 0);
}

TEST_CASE("events: an earthquake that struck a region is no air strike",
          "[extract][generalisation][heldout13]") {
  Stage1 r("The truce was declared after an earthquake struck Kisangani on March 2.");
  CHECK(!has_class(r.events(), "Airstrike"));
}
