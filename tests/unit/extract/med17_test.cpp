// Claims and mediation mechanisms of session 17 (med17): appositive names after "in <place>",
// members speaking for a named body, offers of "the kingdom", denials after a second verb,
// refused truces, trailing and "according to" appositions, verbs coordinated with "and",
// warnings of an attack's effects, deals named by their place, backed rebels, deals in a
// relative clause, and mixed-case datelines read as stage 1 reads them. Invented sentences,
// each with an input it must leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "m17") {}
};

using ng_test::any_by;
using ng_test::has;

const std::string kOpening =
    "date 2026-03-02\nClash\n\nChile and Peru traded fire along their border on Sunday. ";

}  // namespace

TEST_CASE("med17: an appositive name after a description ending 'in <place>' speaks",
          "[extract][med17]") {
  Run a(kOpening + "The UN observer mission in Peru, UNOMP, said it was deeply concerned.");
  CHECK(any_by(a.claims(), "UNOMP"));
  CHECK_FALSE(any_by(a.claims(), "UN"));
  // With no apposition the description's own name still speaks.
  Run b(kOpening + "The UN observer mission in Peru said it was deeply concerned.");
  CHECK(any_by(b.claims(), "UN"));
  CHECK_FALSE(any_by(b.claims(), "Peru"));
}

TEST_CASE("med17: members from a named body speak for it", "[extract][med17]") {
  Run a(kOpening +
        "Local activists from the Tacna Resistance Committee said at least 12 civilians were "
        "killed by Chilean shelling.");
  CHECK(any_by(a.figures(), "Tacna Resistance Committee"));
  CHECK_FALSE(any_by(a.figures(), "Local activists"));
  // A place after "in" only locates them.
  Run b(kOpening + "Local activists in Tacna said at least 12 civilians were killed.");
  CHECK_FALSE(any_by(b.figures(), "Tacna"));
}

TEST_CASE("med17: 'X said the kingdom was ready to host talks' is X's offer", "[extract][med17]") {
  Run a(kOpening +
        "Foreign Minister Jorge Vidal said the republic was ready to host direct talks between "
        "the two sides.");
  CHECK(has(a.claims(), "Jorge Vidal Offer"));
  // Only offers: a threat cue after a described subject is no threat by the speaker.
  Run b(kOpening +
        "Foreign Minister Jorge Vidal said the escalation threatened to derail the talks.");
  CHECK_FALSE(has(b.claims(), "Jorge Vidal Threat"));
}

TEST_CASE("med17: a denial phrase after a second reporting verb", "[extract][med17]") {
  Run a(kOpening +
        "Chilean spokesman Pedro Rojas told reporters that Chilean forces \"do not strike "
        "civilian targets\", and said Peruvian reports of the dead were \"propaganda\".");
  CHECK(has(a.claims(), "Pedro Rojas Denial"));
  Run b(kOpening +
        "Chilean spokesman Pedro Rojas told reporters that the talks would resume, and said "
        "the Peruvian reports were detailed.");
  CHECK_FALSE(has(b.claims(), "Pedro Rojas Denial"));
}

TEST_CASE("med17: rejecting a truce denies no claim", "[extract][med17]") {
  Run a(kOpening +
        "President Ana Cruz has rejected any truce while Chilean troops hold the towns.");
  CHECK_FALSE(has(a.claims(), "Ana Cruz Denial"));
  Run b(kOpening + "Chile accused Peru of shelling Arica. President Ana Cruz rejected the charge.");
  CHECK(has(b.claims(), "Ana Cruz Denial"));
}

TEST_CASE("med17: promises not to stay passive and to keep attacking are threats",
          "[extract][med17]") {
  Run a(kOpening + "\"We will not sit idly by,\" Chilean spokesman Pedro Rojas said.");
  CHECK(has(a.claims(), "Pedro Rojas Threat"));
  Run b(kOpening +
        "\"We will keep hitting their fuel depots,\" Chilean spokesman Pedro Rojas said.");
  CHECK(has(b.claims(), "Pedro Rojas Threat"));
  Run c(kOpening + "\"We will keep talking to them,\" Chilean spokesman Pedro Rojas said.");
  CHECK_FALSE(has(c.claims(), "Pedro Rojas Threat"));
}

TEST_CASE("med17: a warning of what an attack would cause is no threat", "[extract][med17]") {
  Run a(kOpening +
        "Chilean spokesman Pedro Rojas warned that an attack on Arica would put thousands of "
        "civilians at risk.");
  CHECK_FALSE(has(a.claims(), "Pedro Rojas Threat"));
  Run b(kOpening + "Chilean spokesman Pedro Rojas warned that Peru would pay a heavy price.");
  CHECK(has(b.claims(), "Pedro Rojas Threat"));
}

TEST_CASE("med17: a trailing '..., the <description>, X, said' names X", "[extract][med17]") {
  Run a(kOpening +
        "In Tacna, President Ana Cruz's home town, three people were killed and nine wounded, "
        "the head of the town's administration, Luis Soto, said.");
  CHECK(any_by(a.figures(), "Luis Soto"));
  CHECK_FALSE(any_by(a.figures(), "Ana Cruz"));
}

TEST_CASE("med17: 'according to the <description>, X' names X", "[extract][med17]") {
  Run a(kOpening +
        "At least 20 civilians have been killed, according to the governor of Tacna province, "
        "Luis Soto.");
  CHECK(any_by(a.figures(), "Luis Soto"));
  // A person named after other punctuation is no apposition of the description.
  Run b(kOpening +
        "At least 20 civilians have been killed, according to the governor; Luis Soto left.");
  CHECK_FALSE(any_by(b.figures(), "Luis Soto"));
}

TEST_CASE("med17: a verb after 'and' with no name since the last cue keeps its speaker",
          "[extract][med17]") {
  Run a(kOpening +
        "The UN observer mission in Peru, UNOMP, said it was alarmed and warned that Chile "
        "would pay a heavy price.");
  CHECK(has(a.claims(), "UNOMP Threat"));
  CHECK_FALSE(has(a.claims(), "UN Threat"));
}

TEST_CASE("med17: a deal named by its place has the sides of the sentence that told it",
          "[extract][med17]") {
  const std::string story =
      "date 2026-03-02\nClash\n\nThe Tarapaca Liberation Front attacked Arica in northern "
      "Chile on Sunday, and Bolivia denied backing the group. Bolivia closed its border. "
      "The fighting is the worst breach of a ceasefire that Chile's government and the "
      "Bolivia-backed rebels signed in Ecuador's capital, Quito, in July. ";
  Run a(story + "Ecuador, which brokered the Quito truce, said it was in contact with both sides.");
  CHECK(has(a.mediations(), "Ecuador: Chile/Tarapaca Liberation Front Ongoing"));
  CHECK_FALSE(any_by(a.mediations(), "Bolivia"));
  // No deal named by a place: the article's sides.
  Run b(story + "Ecuador said it was ready to mediate between Chile and Bolivia.");
  CHECK(has(b.mediations(), "Ecuador: Bolivia/Chile Offered"));
}

TEST_CASE("med17: a deal in a relative clause has the sides of the clause's subject",
          "[extract][med17]") {
  Run a(kOpening +
        "Chile and the Tarapaca Liberation Front fought a two-year war that ended with a "
        "ceasefire brokered by Ecuador in 2024.");
  CHECK(has(a.mediations(), "Ecuador: Chile/Tarapaca Liberation Front Succeeded"));
  CHECK_FALSE(has(a.mediations(), "Ecuador: Chile/Peru Succeeded"));
}

TEST_CASE("med17: a mixed-case dateline with an em dash is no claimant's place",
          "[extract][med17]") {
  Run a(
      "date 2026-03-02\nClash\n\nLima (Reuters) \u2014 Chile and Peru traded fire along their "
      "border on Sunday. The government said Chilean troops had fired first.");
  CHECK(any_by(a.claims(), "Peru"));
}
