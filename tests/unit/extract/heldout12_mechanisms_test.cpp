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

bool has(const std::set<std::string>& s, const std::string& x) { return s.count(x) > 0; }

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
