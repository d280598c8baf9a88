// Linking precision and recall on the places and countries of the development articles
// (tests/data/link/dev_graph.trig, expected links checked by hand in dev_expected.tsv) against
// the committed GeoNames extract (data/external/geonames.ttl).
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "link/linker.hpp"
#include "store/rdf_io.hpp"

TEST_CASE("development articles: precision >= 0.95, recall >= 0.90", "[link][dev]") {
  const std::string data = std::string(NG_TEST_DATA_DIR) + "/link/";
  const std::string place = "https://w3id.org/newsgraph/id/place/";
  std::map<std::string, std::string> expected;  // entity IRI -> GeoNames IRI or "-"
  {
    std::ifstream in(data + "dev_expected.tsv");
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string entity, target;
      std::getline(fields, entity, '\t');
      std::getline(fields, target, '\t');
      expected[place + entity] =
          target == "-" ? target : "https://sws.geonames.org/" + target + "/";
    }
  }
  REQUIRE(expected.size() == 36);

  ng::store::World world;
  ng::store::Store ours(world);
  ng::store::load_file(ours, data + "dev_graph.trig");
  const auto result = ng::link::link_entities(
      ours, {std::string(NG_SOURCE_DIR) + "/data/external/geonames.ttl"}, {});

  std::size_t links = 0, correct = 0, should = 0, found = 0, actor_links = 0;
  for (const auto& d : result.decisions) {
    auto it = expected.find(d.iri);
    if (it == expected.end()) {
      // Persons and organisations: the GeoNames data has none, nothing may link.
      INFO(d.iri);
      CHECK_FALSE(d.linked);
      actor_links += d.linked ? 1 : 0;
      continue;
    }
    const std::string got = d.linked ? d.candidates.front().iri : "-";
    INFO(d.iri << " \"" << d.label << "\" -> " << got << ", expected " << it->second);
    CHECK(got == it->second);
    if (d.linked) ++links;
    if (d.linked && got == it->second) ++correct;
    if (it->second != "-") ++should;
    if (it->second != "-" && got == it->second) ++found;
  }
  CHECK(actor_links == 0);
  const double precision =
      links == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(links + actor_links);
  const double recall = static_cast<double>(found) / static_cast<double>(should);
  std::cout << "link dev articles: " << links + actor_links << " links, " << correct << " correct, "
            << should << " expected: precision " << precision << ", recall " << recall << "\n";
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.90);
}
