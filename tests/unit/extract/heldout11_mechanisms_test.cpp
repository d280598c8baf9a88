// Stage-2 mechanisms added for the eleventh held-out set (tests/data/heldout11: casualty claims
// and their attribution): one case per mechanism, on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h11") {}
};

}  // namespace

TEST_CASE("casualties: 'others' / 'more' in the next sentence are the victims of the group before",
          "[extract][stage2][heldout11]") {
  Run a(
      "Peru's army said a landslide of rocks hit a bus on Monday, killing six passengers. Nine "
      "others were injured, it said.");
  CHECK(a.figures() == std::set<std::string>{"Peru's army: 6/9/passengers"});
  Run b(
      "Chilean police said gunmen killed at least five farmers near the border. Dozens more were "
      "wounded.");
  CHECK(b.figures() == std::set<std::string>{"Chilean police: 5/dozens/farmers"});
}

TEST_CASE("casualties: a speakerless figure right after a casualty claim goes on with it",
          "[extract][stage2][heldout11]") {
  Run a(
      "Peru's army chief, General Luis Pardo, said troops had killed nine rebels near the river. "
      "Three soldiers were wounded in the gunfight.");
  CHECK(a.figures() == std::set<std::string>{"Luis Pardo: 9//rebels", "Luis Pardo: /3/soldiers"});
  Run d(
      "Peru's army chief, General Luis Pardo, said troops had killed nine rebels near the river. "
      "Several soldiers were wounded and flown to Lima.");
  CHECK(d.figures() ==
        std::set<std::string>{"Luis Pardo: 9//rebels", "Luis Pardo: /several/soldiers"});
  // A new paragraph is narration, and so is a sentence that names an actor.
  Run b(
      "Peru's army chief, General Luis Pardo, said troops had killed nine rebels near the "
      "river.\n\n"
      "Three soldiers were wounded in the gunfight.");
  CHECK(b.figures() == std::set<std::string>{"Luis Pardo: 9//rebels"});
  Run c(
      "Peru's army chief, General Luis Pardo, said troops had killed nine rebels near the river. "
      "Three soldiers were wounded when Chile's navy fired on a patrol boat.");
  CHECK(c.figures() == std::set<std::string>{"Luis Pardo: 9//rebels"});
}

TEST_CASE("casualties: own losses right after a speaker's sentence are his casualty claim",
          "[extract][stage2][heldout11]") {
  Run a(
      "Troops clashed with rebels near the river, Peru's army chief, General Luis Pardo, told "
      "reporters. Two soldiers were wounded in the gunfight.");
  CHECK(a.figures() == std::set<std::string>{"Luis Pardo: /2/soldiers"});
  Run b(
      "Troops clashed with rebels near the river, Peru's army chief, General Luis Pardo, told "
      "reporters. Two farmers were wounded in the gunfight.");
  CHECK(b.figures().empty());
}

TEST_CASE("casualties: 'a few' is a vague amount, not one", "[extract][stage2][heldout11]") {
  Run a("Peru's army denied the figures and said only a few soldiers had died.");
  CHECK(a.figures() == std::set<std::string>{"Peru's army: a few//soldiers"});
}

TEST_CASE("claims: a described speaker keeps the figures he attributes to lower-case sources",
          "[extract][stage2][heldout11]") {
  Run a("A local official said at least seven villagers were killed in the raid.");
  Run b(
      "A local official, who asked not to be named, said at least seven villagers were killed in "
      "the raid.");
  Run c(
      "A local official said at least seven villagers were killed in the raid, according to "
      "residents and a nurse.");
  Run d(
      "A local official in Tacna, who asked not to be named, said at least seven villagers were "
      "killed in the raid, according to residents and a nurse.");
  CHECK(a.figures() == std::set<std::string>{"local official: 7//villagers"});
  CHECK(b.figures() == std::set<std::string>{"local official: 7//villagers"});
  CHECK(c.figures() == std::set<std::string>{"local official: 7//villagers"});
  CHECK(d.figures() == std::set<std::string>{"local official: 7//villagers"});
  CHECK(d.claims() == std::set<std::string>{"local official CasualtyClaim"});
  // A place stage 1 does not know only locates the source.
  Run e("A local official in Quebrada Honda said at least seven villagers were killed.");
  CHECK(e.figures() == std::set<std::string>{"local official: 7//villagers"});
}

TEST_CASE("claims: the first words of an actor's name before 'said' are that actor, not the agent",
          "[extract][stage2][heldout11]") {
  Run a(
      "The Umbro Liberation Front said it would keep fighting. A Chilean navy drone struck a boat "
      "near the coast on Monday, killing three fishermen, the Umbro said.");
  CHECK(a.figures() == std::set<std::string>{"Umbro Liberation Front: 3//fishermen"});
}

TEST_CASE("casualties: 'killed N X and a Y' gives two groups", "[extract][stage2][heldout11]") {
  Run a(
      "Peru's army said troops killed four rebels and a soldier near the river. The rebels fled, "
      "the army said.");
  CHECK(a.figures() == std::set<std::string>{"Peru's army: 4//rebels", "Peru's army: 1//soldier"});
  // A speaker who went on talking keeps his toll open for the next sentence.
  Run b(
      "Peru's army said troops killed four rebels and a soldier near the river. The rebels fled, "
      "the army said. Two soldiers were wounded.");
  CHECK(b.figures() == std::set<std::string>{"Peru's army: 4//rebels", "Peru's army: 1/2/soldier"});
}
