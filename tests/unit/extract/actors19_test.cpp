// Stage-1 actor mechanisms of session 19 (an organisation's lower-case ministry): one case per
// mechanism, on invented text and names, each with the case it must leave alone.
#include <catch2/catch.hpp>
#include <string>

#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "act19") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("actors19: an organisation's lower-case ministry is its body", "[extract][actors19]") {
  Stage1 a(
      "Forces loyal to the Council of National Accord (CNA) clashed with a militia in Kisumu. The "
      "militia blamed the CNA's defence ministry for the strike.");
  CHECK(has(a.labels("Government"), "CNA's defence ministry"));
  // Without the possessive, no ministry of the organisation.
  Stage1 b(
      "Forces loyal to the Council of National Accord (CNA) clashed with a militia in Kisumu. The "
      "militia blamed the CNA for the strike.");
  CHECK_FALSE(has(b.labels("Government"), "CNA's defence ministry"));
}
