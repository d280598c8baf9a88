// Mediation mechanisms of session 20 (extmed): separate consultations with a list of sides, side
// lists of three names, a remit before an envoy's name, and "the two factions" past a body
// named in lower case. Invented sentences, each with an input it must leave alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "m20") {}
};

using ng_test::any_with;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nClash\n\nChile and Peru traded fire along their border on Sunday. ";

}  // namespace

TEST_CASE("med20: separate consultations with A, B and C name the sides", "[extract][med20]") {
  Run a(kOpening +
        "The UN envoy, Ana Ruiz, has been holding separate consultations with Bolivia, Ecuador "
        "and Colombia since April in an effort to relaunch negotiations.");
  CHECK(has(a.mediations(), "Ana Ruiz: Bolivia/Ecuador Ongoing"));
  // One named side and one guessed from the article make no pair.
  Run b(kOpening + "The UN envoy, Ana Ruiz, has held separate talks with Bolivia since April.");
  CHECK_FALSE(any_with(b.mediations(), "Ana Ruiz"));
}

TEST_CASE("med20: 'between A, B and C' reads the whole list", "[extract][med20]") {
  Run a(kOpening + "Brazil offered to mediate between Bolivia, Ecuador and Colombia.");
  CHECK(has(a.mediations(), "Brazil: Bolivia/Ecuador Offered"));
  // After "and", a comma ends the list: the speaker is no side.
  Run b(kOpening + "Brazil offered to mediate between Bolivia and Ecuador, Colombia said.");
  CHECK(has(b.mediations(), "Brazil: Bolivia/Ecuador Offered"));
  CHECK_FALSE(any_with(b.mediations(), "Colombia"));
}

TEST_CASE("med20: the remit before an envoy's name is no subject", "[extract][med20]") {
  Run a(kOpening +
        "The UN envoy for Bolivia, Ana Ruiz, has held separate talks with Ecuador and "
        "Colombia.");
  CHECK(has(a.mediations(), "Ana Ruiz: Colombia/Ecuador Ongoing"));
  CHECK_FALSE(any_with(a.mediations(), "UN:"));
}

TEST_CASE("med20: 'the two factions' are named groups, not a body named in lower case",
          "[extract][med20]") {
  const std::string story =
      "date 2026-03-02\nClash in Tacna\n\nTACNA, Peru (AP) - Peruvian soldiers clashed with "
      "gunmen near Tacna on Thursday, the Defense Department said, as a war between two "
      "factions of the Tacna cartel spread across the southern state.\n\nThe fighting between "
      "Los Ramos, led by the sons of a jailed drug lord, and La Costera, loyal to Ivan Zorrilla, "
      "has killed more than 800 people in Tacna since September.\n\nEarlier this week, a car "
      "bomb exploded outside a police station in Tacna, wounding two officers, the state "
      "security ministry said.\n\n";
  Run a(story + "The bishop of Tacna, Luis Soto, has offered to mediate between the two factions.");
  CHECK(has(a.mediations(), "Luis Soto: La Costera/Los Ramos Offered"));
  CHECK_FALSE(any_with(a.mediations(), "ministry"));
}

TEST_CASE("med20: 'X Peace Agency' is a public body that mediates, 'X News Agency' an outlet",
          "[extract][med20]") {
  Run a(kOpening +
        "Meanwhile, the Tacna Peace Agency says talks it brokered between Aymara and Quechua "
        "community leaders in Tacna on Sunday have produced an agreement to return stolen "
        "cattle.");
  CHECK(any_with(a.mediations(), "Tacna Peace Agency:"));
  // A news agency reports; it never mediates.
  Run b(kOpening +
        "Meanwhile, the Tacna News Agency says talks it brokered between Aymara and Quechua "
        "community leaders in Tacna on Sunday have produced an agreement to return stolen "
        "cattle.");
  CHECK_FALSE(any_with(b.mediations(), "Agency"));
}

TEST_CASE("med20: a president and his predecessor are sides as persons", "[extract][med20]") {
  const std::string opening = kOpening + "Peruvian President Luis Soto met protesters. ";
  Run a(opening +
        "The Council of Churches in Peru mediated between Soto and his predecessor Mario Vega "
        "in 2009.");
  CHECK(has(a.mediations(), "Council of Churches in Peru: Luis Soto/Mario Vega Succeeded"));
  // Officials of two states stand for their states.
  Run b(opening +
        "Brazil brokered a meeting between Soto and Chilean President Ana Cruz in Quito.");
  CHECK(has(b.mediations(), "Brazil: Chile/Peru Succeeded"));
}

TEST_CASE("med20: 'X (ABC), which mediated' has X as its antecedent", "[extract][med20]") {
  Run a(kOpening +
        "The Andean Council of Churches (ACC), which mediated between Bolivia and Ecuador in "
        "2009, said on Monday it was concerned.");
  CHECK(has(a.mediations(), "Andean Council of Churches: Bolivia/Ecuador Succeeded"));
  // A bracket that is no acronym after a name opens no antecedent.
  Run b(kOpening +
        "The Andean Council of Churches said a group (of priests), which mediated between "
        "Bolivia and Ecuador in 2009, was concerned.");
  CHECK_FALSE(any_with(b.mediations(), "Andean Council of Churches:"));
}
