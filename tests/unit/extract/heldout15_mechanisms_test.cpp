// Mechanisms added for the fifteenth held-out set (tests/data/heldout15): one case per mechanism,
// on invented sentences.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "two_stage_run.hpp"

namespace {

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "h15") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("mediation: a deal that ended fighting between two sides names them past the comma",
          "[extract][stage2][heldout15]") {
  Run a(
      "Zambia and Malawi traded blame on Monday. The truce, brokered by Ghana and Togo, ended "
      "months of fighting between Mali and Burkina Faso.");
  CHECK(has(a.mediations(), "Ghana: Burkina Faso/Mali Succeeded"));
  CHECK(has(a.mediations(), "Togo: Burkina Faso/Mali Succeeded"));
  // Fighting told "after" the deal's mediators names no side of the deal.
  Run b(
      "Zambia and Malawi traded blame on Monday. A truce brokered by Ghana, after days of clashes "
      "between Mali and Burkina Faso, held on Tuesday.");
  CHECK_FALSE(has(b.mediations(), "Ghana: Burkina Faso/Mali Succeeded"));
}

TEST_CASE("mediation: a body in an apposition and a news outlet are no mediators",
          "[extract][stage2][heldout15]") {
  Run a(
      "Ghana's president, Kofi Mensah, the African Union's envoy for the region, offered on "
      "Friday to mediate between Mali and Burkina Faso.");
  CHECK_FALSE(has(a.mediations(), "African Union: Burkina Faso/Mali Offered"));
  Run b(
      "Mali and Burkina Faso traded blame. Mali's foreign minister, Issa Traore, told Reuters his "
      "country remained open to any mediation.");
  for (const std::string& m : b.mediations()) CHECK(m.rfind("Reuters", 0) != 0);
}
