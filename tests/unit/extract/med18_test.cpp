// Claims and mediation mechanisms of session 18 (med18): threats to "use all means" and to
// hunt someone down, "a coup" as a charge, declaring a group terrorist (no threat), a group's
// own "fired", and the sides of a mediation: a state body told in lower case, "X's political
// parties", "government-aligned forces", an acronym in brackets inside "between", and the home
// state of a report without a dateline. Invented sentences, each with an input it must leave
// alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "m18") {}
};

using ng_test::any_by;
using ng_test::any_with;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nClash\n\nChile and Peru traded fire along their border on Sunday. ";

}  // namespace

TEST_CASE("med18: 'use all means' and 'we will hunt them down' are threats", "[extract][med18]") {
  Run a(kOpening +
        "President Ana Cruz said in a televised address that the government would \"use all "
        "means\" to restore order in Tacna.");
  CHECK(has(a.claims(), "Ana Cruz Threat"));
  Run b(kOpening +
        "\"We will hunt these killers down wherever they hide,\" police spokesman Luis Soto "
        "told reporters.");
  CHECK(has(b.claims(), "Luis Soto Threat"));
  // Means and a hunt that are no promise of force.
  Run c(kOpening +
        "President Ana Cruz said the government had no means to count the displaced in Tacna.");
  CHECK_FALSE(has(c.claims(), "Ana Cruz Threat"));
  Run d(kOpening + "\"We hunted for shelter all night,\" farmer Luis Soto told reporters.");
  CHECK_FALSE(has(d.claims(), "Luis Soto Threat"));
}

TEST_CASE("med18: calling an advance 'a coup' accuses", "[extract][med18]") {
  Run a(kOpening +
        "The Tacna Liberation Front (TLF) seized Tacna. Peru's Council of Ministers has called "
        "the TLF advance \"a coup against the state\".");
  CHECK(has(a.claims(), "Peru's Council of Ministers Accusation"));
  Run b(kOpening +
        "The Tacna Liberation Front (TLF) seized Tacna. Peru's Council of Ministers has called "
        "the TLF advance \"a serious development\".");
  CHECK_FALSE(has(b.claims(), "Peru's Council of Ministers Accusation"));
}

TEST_CASE("med18: declaring a group a terrorist organisation threatens no one",
          "[extract][med18]") {
  Run a(kOpening +
        "The Tacna Liberation Front (TLF) seized Tacna. The government of Peru declared the "
        "group a terrorist organisation in January 2025.");
  CHECK_FALSE(any_by(a.claims(), "Peru"));
  // A declaration of force still threatens.
  Run b(kOpening +
        "The Tacna Liberation Front (TLF) seized Tacna. Peru declared an all-out war on the "
        "group.");
  CHECK(has(b.claims(), "Peru Threat"));
}

TEST_CASE("med18: 'they had fired a missile' claims the attack", "[extract][med18]") {
  Run a(kOpening +
        "Separately, the Tacna Liberation Front said they had fired a missile at a Chilean "
        "patrol boat on Tuesday.");
  CHECK(has(a.claims(), "Tacna Liberation Front ResponsibilityClaim"));
  // Fire told of others is no claim of one's own attack.
  Run b(kOpening +
        "Separately, the Tacna Liberation Front said Chilean troops had fired at its camp on "
        "Tuesday.");
  CHECK_FALSE(has(b.claims(), "Tacna Liberation Front ResponsibilityClaim"));
}

TEST_CASE("med18: 'X's political parties' is a side of its own, not X", "[extract][med18]") {
  Run a(kOpening +
        "The Andean Community said its panel of elders was continuing to facilitate talks "
        "between the government and Peru's political parties on a timetable for elections.");
  CHECK(any_with(a.mediations(), "political parties"));
  // A possessive before a body of the state names the state.
  Run b(kOpening +
        "The Andean Community said it was continuing to facilitate talks between Chile's "
        "government and Peru's army.");
  CHECK(has(b.mediations(), "Andean Community: Chile/Peru Ongoing"));
  CHECK_FALSE(any_with(b.mediations(), "army"));
}

TEST_CASE("med18: 'the two sides' after 'between the X Front (XF) and government-aligned forces'",
          "[extract][med18]") {
  const std::string story =
      "date 2026-03-02\nFighting in Peru\n\nFighting between the separatist Tacna Liberation "
      "Front (TLF) and government-aligned forces spread to the outskirts of Tacna in Peru. "
      "Chile accused Peru of shelling Arica. Chile closed the border. Chile recalled its "
      "envoy. ";
  Run a(story + "Ecuador says it is hosting contacts between the two sides in Quito.");
  CHECK(has(a.mediations(), "Ecuador: Peru/Tacna Liberation Front Ongoing"));
  CHECK_FALSE(any_with(a.mediations(), "Chile"));
  // Forces tied to no state body are no state's side.
  const std::string other =
      "date 2026-03-02\nFighting in Peru\n\nFighting between the separatist Tacna Liberation "
      "Front (TLF) and rival militias spread to the outskirts of Tacna in Peru. ";
  Run b(other + "Ecuador says it is hosting contacts between the two sides in Quito.");
  CHECK_FALSE(has(b.mediations(), "Ecuador: Peru/Tacna Liberation Front Ongoing"));
}

TEST_CASE("med18: without a dateline, 'the government' is the state where the places lie",
          "[extract][med18]") {
  const std::string story =
      "date 2026-03-02\nFighting in Peru\n\nThe Tacna Liberation Front (TLF) attacked Tacna, "
      "Moquegua and Puno on Monday. Chile accused the TLF of shelling Arica. Chile closed the "
      "border. Chilean President Jorge Vidal recalled his envoy. Chile's army was put on "
      "alert. ";
  Run a(story +
        "The TLF is part of the government under a deal that Ecuador brokered in 2019 between "
        "the front and the government.");
  CHECK(has(a.mediations(), "Ecuador: Peru/Tacna Liberation Front Succeeded"));
  CHECK_FALSE(any_with(a.mediations(), "Chile"));
}

TEST_CASE("med18: 'had killed 14 fighters and six civilians' gives two figures",
          "[extract][med18]") {
  Run a(kOpening +
        "Peruvian spokesman Luis Soto said Chilean strikes near Tacna had killed 14 soldiers and "
        "six civilians, including two children.");
  CHECK(has(a.figures(), "Luis Soto: 14//soldiers"));
  CHECK(has(a.figures(), "Luis Soto: 6//civilians"));
  // A share of a group is no second group; nor is a number with a verb of its own.
  Run b(kOpening +
        "Peruvian spokesman Luis Soto said Chilean strikes had killed hundreds of soldiers and "
        "several of the army's officers.");
  CHECK_FALSE(any_with(b.figures(), "of the army"));
  Run c(kOpening +
        "Peruvian spokesman Luis Soto said Chilean strikes had killed 14 soldiers and 20 were "
        "wounded.");
  CHECK_FALSE(has(c.figures(), "Luis Soto: 20//"));
  CHECK(has(c.figures(), "Luis Soto: 14/20/soldiers"));
}

TEST_CASE("med18: 'The UN special envoy for X, Y, said' names Y", "[extract][med18]") {
  Run a(kOpening + "The UN special envoy for Peru, Hans Lindqvist, said the situation was grave.");
  CHECK(any_by(a.claims(), "Hans Lindqvist"));
  CHECK_FALSE(any_by(a.claims(), "UN"));
}
