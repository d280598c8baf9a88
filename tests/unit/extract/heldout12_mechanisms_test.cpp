// Mechanisms added for the twelfth held-out set (tests/data/heldout12): one case per mechanism,
// on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h12") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("mediation: separate talks with two sides name the sides",
          "[extract][stage2][heldout12]") {
  Run a("Ghana held separate talks with Mali and Burkina Faso on Monday, officials said.");
  CHECK(has(a.mediations(), "Ghana: Burkina Faso/Mali Ongoing"));
  Run b(
      "Mali and Burkina Faso have exchanged fire for weeks. Ghana, which has held separate talks "
      "with officials from Bamako and Ouagadougou, is trying to broker a prisoner exchange "
      "between the two governments.");
  CHECK(has(b.mediations(), "Ghana: Burkina Faso/Mali Ongoing"));
}

TEST_CASE("mediation: a failure before the deal ('after talks had stalled') is no failure",
          "[extract][stage2][heldout12]") {
  Run a(
      "Mali and Burkina Faso signed a border accord on Monday, in a deal brokered by Ghana after "
      "two rounds of talks had stalled.");
  CHECK(a.mediations() == std::set<std::string>{"Ghana: Burkina Faso/Mali Succeeded"});
  // A failure after the phrase still fails it.
  Run b("A truce between Mali and Burkina Faso brokered by Ghana collapsed after two days.");
  CHECK(b.mediations() == std::set<std::string>{"Ghana: Burkina Faso/Mali Failed"});
}

TEST_CASE("mediation: a demonym before 'mediation' names the mediator",
          "[extract][stage2][heldout12]") {
  Run a("Talks between Mali and Burkina Faso resumed on Monday with Ghanaian mediation.");
  CHECK(has(a.mediations(), "Ghana: Burkina Faso/Mali Ongoing"));
}

TEST_CASE("mediation: a body named by description offers to mediate",
          "[extract][stage2][heldout12]") {
  Run a(
      "The Southern African Development Community welcomed the truce on Monday. The bloc said it "
      "was ready to mediate between Malawi and Zambia.");
  CHECK(has(a.mediations(), "Southern African Development Community: Malawi/Zambia Offered"));
}

TEST_CASE("mediation: a city named as a side stands for its state",
          "[extract][stage2][heldout12]") {
  Run a(
      "Benin and Nigeria have argued over the border for months. Togo offered to mediate between "
      "Lagos and Porto-Novo, its foreign minister said.");
  CHECK(a.mediations() == std::set<std::string>{"Togo: Benin/Nigeria Offered"});
}

TEST_CASE("mediation: a sentence naming one side takes the sides named for its mediator",
          "[extract][stage2][heldout12]") {
  // Not the article's two most mentioned states (Nigeria and Niger).
  Run a(
      "Nigeria and Niger have traded accusations for weeks. Ghana brokered a ceasefire with the "
      "rebel groups on Monday, officials said. Ghana had mediated between Mali and the rebel "
      "groups since May.");
  CHECK(a.mediations() == std::set<std::string>{"Ghana: Mali/rebel groups Succeeded"});
}
