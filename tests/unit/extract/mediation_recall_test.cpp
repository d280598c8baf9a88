// Mediation recall: mechanisms found by reading the mediation misses of the held-out sets (how
// a mediator or its sides are named), one case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "mr") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("mediation: a state's officials mediate for the state when the sides are named",
          "[extract][mediation]") {
  Run a(
      "LUSAKA (Reuters) - Fighting between Zambia and the Luapula Liberation Front killed 12 "
      "people on Monday. U.S. officials are mediating between Lusaka and the Luapula Liberation "
      "Front, a spokesman said.");
  CHECK(has(a.mediations(), "United States: Luapula Liberation Front/Zambia Ongoing"));
  Run b(
      "LUSAKA (Reuters) - A truce between Zambia and the Luapula Liberation Front, brokered by "
      "Egyptian officials in November, collapsed within weeks.");
  CHECK(has(b.mediations(), "Egypt: Luapula Liberation Front/Zambia Failed"));
  // Officials with no sides named make no mediation: the article's main sides are a guess.
  Run c(
      "LUSAKA (Reuters) - Fighting between Zambia and the Luapula Liberation Front killed 12 "
      "people on Monday. Kenyan diplomats are mediating, a spokesman said.");
  CHECK(c.mediations().empty());
  // Nor with a side known only by description.
  Run d(
      "LUSAKA (Reuters) - The Luapula Liberation Front attacked a base on Monday. An earlier "
      "truce between the factions and Zambian forces, brokered by Egyptian officials in "
      "November, collapsed within weeks.");
  CHECK(d.mediations().empty());
}

TEST_CASE("mediation: the one asked to mediate mediates, not the speaker who asked",
          "[extract][mediation]") {
  Run a(
      "LUSAKA (Reuters) - Fighting between Zambia and the Luapula Liberation Front killed 12 "
      "people on Monday. President Hakainde Hichilema said he had asked the archbishop of "
      "Kasama, Ignatius Chama, to mediate between the two sides.");
  CHECK(has(a.mediations(), "Ignatius Chama: Luapula Liberation Front/Zambia Ongoing"));
  CHECK_FALSE(has(a.mediations(), "Hakainde Hichilema: Luapula Liberation Front/Zambia Ongoing"));
}

TEST_CASE("mediation: a described side ends at its head noun before the verb that follows",
          "[extract][mediation]") {
  Run a(
      "KISUMU, Kenya (AP) - Three days of clashes between the Umoja movement and Islamist "
      "militants killed at least 11 people in the camp, officials said. Egypt offered on Monday "
      "to mediate between them, an official said.");
  CHECK(has(a.mediations(), "Egypt: Islamist militants/Umoja movement Offered"));
}

TEST_CASE("mediation: reviving or convening talks 'between' two sides is mediation",
          "[extract][mediation]") {
  Run a(
      "NAIROBI (AP) - Rockets hit a town in the north on Monday, killing one civilian, Kenyan "
      "authorities said, blaming the Mbeko Front. John Doe, the U.N. envoy for the region, has "
      "been trying to revive talks between Kenya and the Mbeko Front.");
  CHECK(has(a.mediations(), "John Doe: Kenya/Mbeko Front Ongoing"));
  // The sides reviving their own talks mediate nothing.
  Run b(
      "NAIROBI (AP) - Kenya and the Mbeko Front agreed on Monday to revive talks next month, "
      "officials said.");
  CHECK(b.mediations().empty());
}

TEST_CASE("mediation: 'the' and the first word of an actor's name is that actor as a side",
          "[extract][mediation]") {
  Run a(
      "NAIROBI (AP) - Rockets hit a town in the north on Monday, Kenyan authorities said, "
      "blaming the Mbeko Front independence movement. Tanzania offered to mediate between Kenya "
      "and the Mbeko, with Uganda taking part as an observer.");
  CHECK(has(a.mediations(), "Tanzania: Kenya/Mbeko Front Offered"));
}

TEST_CASE("mediation: a sentence naming no side takes the sides of the last 'between A and B'",
          "[extract][mediation]") {
  Run a(
      "KISUMU, Kenya (AP) - Three days of clashes between the Umoja movement and the Kalenji "
      "Front killed at least 11 people in the camp, Kenyan officials said. Kenya's police chief "
      "said Kenyan troops had sealed the camp. The ceasefire was reached late Monday after talks "
      "mediated by Tanzania, officials said.");
  CHECK(has(a.mediations(), "Tanzania: Kalenji Front/Umoja movement Succeeded"));
}

TEST_CASE("mediation: hosting a peace conference is a mediation offer", "[extract][mediation]") {
  Run a(
      "KISUMU, Kenya (AP) - Clashes between the Umoja movement and the Kalenji Front killed "
      "at least 11 people, officials said. The Anglican bishop of Kisumu, Peter Odhiambo, said "
      "the church was ready to host a peace conference.");
  CHECK(has(a.mediations(), "Peter Odhiambo: Kalenji Front/Umoja movement Offered"));
}
