// Stage-1 actor mechanisms of session 19 (an organisation's lower-case ministry, a territory
// that is no state): one case per mechanism, on invented text and names, each with the case it
// must leave alone.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "stage1_result.hpp"

namespace {

struct Stage1 : ng_test::Stage1Result {
  explicit Stage1(const std::string& text) : Stage1Result(text, "act19") {}
};

using ng_test::has;

// The labels of what the article mentions as actors.
std::set<std::string> actor_labels(const Stage1& run) {
  std::set<std::string> out;
  for (const auto& q : run.sink.quads) {
    if (q.predicate.value == ng_test::ng_term("mentionsActor"))
      out.insert(run.label(q.object.value));
  }
  return out;
}

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

TEST_CASE("actors19: a territory listed among countries is a place, no actor",
          "[extract][actors19]") {
  Stage1 a(
      "In Western Sahara, the front said its fighters had shelled army positions on Saturday. The "
      "UN envoy for Western Sahara called for calm.");
  CHECK_FALSE(has(actor_labels(a), "Western Sahara"));
  // A state named the same way stays an actor.
  Stage1 b(
      "In Mali, the front said its fighters had shelled army positions on Saturday. The UN envoy "
      "for Mali called for calm.");
  CHECK(has(actor_labels(b), "Mali"));
}

TEST_CASE("actors19: the elders of a town opening a sentence are an actor", "[extract][actors19]") {
  Stage1 a("Elders from the city of Eldoret, west of Kisumu, said they had offered to mediate.");
  CHECK(has(actor_labels(a), "Elders from the city of Eldoret"));
  Stage1 b("Elders in Eldoret said they had tried to arrange a local truce.");
  CHECK(has(actor_labels(b), "Elders in Eldoret"));
  // The town stays a place.
  CHECK(has(b.labels("City"), "Eldoret"));
  // Elders not of a town are no named actor.
  Stage1 c("Elders from both sides met on Sunday.");
  CHECK(actor_labels(c).empty());
}

TEST_CASE("actors19: capitals after 'friends in' stand for their states", "[extract][actors19]") {
  Stage1 a(
      "\"The state must tell its friends in Nairobi and Kampala that our patience is not "
      "unlimited,\" he said.");
  CHECK_FALSE(has(a.labels("City"), "Nairobi"));
  CHECK_FALSE(has(a.labels("City"), "Kampala"));
  // People who are in the capital leave it a place.
  Stage1 b("Officials in Nairobi said the talks would resume on Monday.");
  CHECK(has(b.labels("City"), "Nairobi"));
}
