#include "link/linker.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/rdf_io.hpp"

using ng::link::LinkDecision;
using ng::link::LinkOptions;
using ng::link::LinkResult;
using ng::store::Format;
using ng::store::Store;
using ng::store::World;

namespace {

ng::store::LoadOptions base_options() {
  ng::store::LoadOptions options;
  options.base_iri = "http://test/";
  return options;
}

const std::string kMini = std::string(NG_TEST_DATA_DIR) + "/link/mini_geonames.ttl";
const std::string kGn = "https://sws.geonames.org/";

const std::string kPrefixes = R"(
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <https://w3id.org/newsgraph/id/> .
)";

LinkResult run(Store& store, const std::string& trig, const LinkOptions& options = {},
               const std::vector<std::string>& external = {kMini}) {
  ng::store::load_string(store, kPrefixes + trig, Format::TriG, base_options());
  return ng::link::link_entities(store, external, options);
}

const LinkDecision& decision(const LinkResult& result, const std::string& local) {
  const std::string iri = "https://w3id.org/newsgraph/id/" + local;
  for (const auto& d : result.decisions) {
    if (d.iri == iri) return d;
  }
  FAIL("no decision for " << iri);
  throw std::logic_error("unreachable");
}

std::string linked_to(const LinkResult& result, const std::string& local) {
  const LinkDecision& d = decision(result, local);
  return d.linked ? d.candidates.front().iri : std::string("-");
}

}  // namespace

TEST_CASE("a city links to the populated place, a province to the division", "[link]") {
  World world;
  Store store(world);
  auto result = run(store, R"(
    :g1 { :a1 ng:mentionsPlace :kabul-city, :kabul-prov .
          :kabul-city a ng:City ; rdfs:label "Kabul" .
          :kabul-prov a ng:Province ; rdfs:label "Kabul" .
          :khost a ng:Province ; rdfs:label "Khost" . }
  )");
  CHECK(linked_to(result, "kabul-city") == kGn + "1138958/");
  CHECK(linked_to(result, "kabul-prov") == kGn + "1138957/");
  // "Khost" is an alternate name of both the city and the province: the type decides.
  CHECK(linked_to(result, "khost") == kGn + "1444362/");
  CHECK(decision(result, "kabul-city").same_as);
  CHECK(result.external_entities == 25);
}

TEST_CASE("ambiguous names are ranked by the countries of the same article", "[link]") {
  World world;
  Store store(world);
  auto result = run(store, R"(
    :g1 { :a1 ng:mentionsPlace :lebanon, :tripoli1 .
          :lebanon a ng:Country ; rdfs:label "Lebanon" .
          :tripoli1 a ng:City ; rdfs:label "Tripoli" . }
    :g2 { :a2 ng:mentionsPlace :tripoli2 .
          :tripoli2 a ng:City ; rdfs:label "Tripoli" . }
    :g3 { :a3 ng:mentionsActor :egypt . :a3 ng:mentionsPlace :alexandria3 .
          :egypt a ng:Country ; rdfs:label "Egypt" .
          :alexandria3 a ng:City ; rdfs:label "Alexandria" . }
    :g4 { :pk a ng:Country ; rdfs:label "Pakistan" .  :punjab4 a ng:Province ; rdfs:label "Punjab" . }
    :g5 { :in a ng:Country ; rdfs:label "India" .  :punjab5 a ng:Province ; rdfs:label "Punjab" . }
  )");
  CHECK(linked_to(result, "tripoli1") == kGn + "266826/");   // Lebanon's
  CHECK(linked_to(result, "tripoli2") == kGn + "2210247/");  // no context: the capital
  CHECK(linked_to(result, "alexandria3") == kGn + "361058/");
  CHECK(linked_to(result, "punjab4") == kGn + "1167710/");
  CHECK(linked_to(result, "punjab5") == kGn + "1259223/");
  const auto& t1 = decision(result, "tripoli1");
  CHECK(t1.candidates.size() == 2);
  CHECK(t1.candidates.front().in_context);
  CHECK(t1.candidates.front().confidence > t1.candidates.back().confidence);
  // Without context the capital wins, but with less confidence than the context gives.
  CHECK(decision(result, "tripoli2").candidates.front().confidence <
        t1.candidates.front().confidence);
  CHECK(decision(result, "tripoli1").same_as);
  CHECK_FALSE(decision(result, "tripoli2").same_as);
}

TEST_CASE("below the threshold nothing is linked and the candidates are reported", "[link]") {
  World world;
  Store store(world);
  LinkOptions options;
  options.threshold = 0.9;
  auto result = run(store, R"(
    :g1 { :alexandria a ng:City ; rdfs:label "Alexandria" . }
  )",
                    options);
  const auto& d = decision(result, "alexandria");
  CHECK_FALSE(d.linked);
  CHECK(d.candidates.size() == 4);
  CHECK(d.candidates.front().iri == kGn + "361058/");
  std::ostringstream err;
  ng::link::report_unlinked(result, err);
  CHECK(err.str().find("not linked <https://w3id.org/newsgraph/id/alexandria> \"Alexandria\" "
                       "(City): 4 candidate(s)") != std::string::npos);
  CHECK(err.str().find(
            "<https://sws.geonames.org/361058/> \"Alexandria\" City P.PPLA EG pop 5263542") !=
        std::string::npos);
  Store links(world);
  CHECK(ng::link::add_link_quads(links, result, options) == 0);
  CHECK(links.size() == 0);
}

TEST_CASE("type mismatches never link", "[link]") {
  World world;
  Store store(world);
  auto result = run(store, R"(
    :g1 { :jordan-person a ng:Person ; rdfs:label "Jordan" .
          :lebanon-city a ng:City ; rdfs:label "Lebanon" .
          :kabul-country a ng:Country ; rdfs:label "Kabul" .
          :moscow-org a ng:Organization ; rdfs:label "Moscow" .
          :jordan a ng:Country ; rdfs:label "Jordan" . }
  )");
  for (const char* e : {"jordan-person", "lebanon-city", "kabul-country", "moscow-org"}) {
    INFO(e);
    CHECK_FALSE(decision(result, e).linked);
    CHECK(decision(result, e).candidates.empty());
  }
  CHECK(linked_to(result, "jordan") == kGn + "248816/");
}

TEST_CASE("ng:partOf outweighs prominence", "[link]") {
  World world;
  Store store(world);
  auto result = run(store, R"(
    :g1 { :us a ng:Country ; rdfs:label "United States" .
          :moscow-id a ng:City ; rdfs:label "Moscow" ; ng:partOf :us .
          :moscow a ng:City ; rdfs:label "Moscow" . }
    :g2 { :moscow2 a ng:City ; rdfs:label "Moscow" . }
  )");
  CHECK(linked_to(result, "moscow-id") == kGn + "5601538/");
  CHECK(linked_to(result, "moscow2") == kGn + "524901/");
}

TEST_CASE("variant spellings link as skos:closeMatch, aliases and codes count", "[link]") {
  World world;
  Store store(world);
  auto result = run(store, R"(
    :g1 { :af a ng:Country ; rdfs:label "Afghanistan" .
          :kandahaar a ng:City ; rdfs:label "Kandahaar" .
          :kandahar a ng:City ; rdfs:label "Kandahar" .
          :qandahar a ng:City ; rdfs:label "the city" ; skos:altLabel "Qandahar" .
          :us a ng:Country ; rdfs:label "U.S." .
          :in-lower a ng:Country ; rdfs:label "in" . }
  )");
  const auto& loose = decision(result, "kandahaar");
  REQUIRE(loose.linked);
  CHECK(loose.candidates.front().iri == kGn + "1138336/");
  CHECK(loose.candidates.front().loose);
  CHECK_FALSE(loose.same_as);
  CHECK(decision(result, "kandahar").same_as);
  CHECK(linked_to(result, "qandahar") == kGn + "1138336/");
  CHECK(linked_to(result, "us") == kGn + "6252001/");
  // A country code names a country only when written as an abbreviation.
  CHECK_FALSE(decision(result, "in-lower").linked);
}

TEST_CASE("links go to their own graph with confidence and method", "[link]") {
  World world;
  Store store(world);
  LinkOptions options;
  auto result = run(store, R"(
    :g1 { :af a ng:Country ; rdfs:label "Afghanistan" .
          :kabul a ng:City ; rdfs:label "Kabul" .
          :kandahaar a ng:City ; rdfs:label "Kandahaar" . }
  )",
                    options);
  Store links(world);
  CHECK(ng::link::add_link_quads(links, result, options) == 3);
  auto graph = world.iri(ng::link::kLinksGraph);
  auto same_as = world.iri("http://www.w3.org/2002/07/owl#sameAs");
  auto close = world.iri("http://www.w3.org/2004/02/skos/core#closeMatch");
  auto kabul = world.iri("https://w3id.org/newsgraph/id/kabul");
  auto gn_kabul = world.iri(kGn + "1138958/");
  CHECK(links.contains(kabul.get(), same_as.get(), gn_kabul.get(), graph.get()));
  CHECK(links.count(nullptr, close.get(), nullptr, graph.get()) == 1);
  const std::string nq = ng::store::write_to_string(links, Format::NQuads);
  CHECK(nq.find("<https://w3id.org/newsgraph/ontology#confidence> \"") != std::string::npos);
  CHECK(nq.find("\"name+type+context\"") != std::string::npos);
  CHECK(nq.find("\"variant-name+type+context\"") != std::string::npos);
  CHECK(nq.find("<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>") != std::string::npos);
  CHECK(links.named_graphs().size() == 1);
  // 3 links x (1 + 8 annotation statements)
  CHECK(links.size() == 27);
}

TEST_CASE("label properties can be configured", "[link]") {
  World world;
  Store store(world);
  LinkOptions options;
  options.label_properties = {"http://www.geonames.org/ontology#name"};
  auto result = run(store, R"(
    :g1 { :kabul a ng:City ; rdfs:label "Kabul" .
          :kabul2 a ng:City ; rdfs:label "Kābul" .
          :moskva a ng:City ; rdfs:label "Moskva" . }
  )",
                    options);
  CHECK(linked_to(result, "kabul") == kGn + "1138958/");
  CHECK(linked_to(result, "kabul2") == kGn + "1138958/");
  // gn:alternateName is not a label any more (our labels are read as always).
  CHECK_FALSE(decision(result, "moskva").linked);
}

TEST_CASE("a malformed external file is an error naming its position", "[link]") {
  World world;
  Store store(world);
  const std::string bad = std::string(NG_TEST_DATA_DIR) + "/link/bad_external.ttl";
  try {
    run(store, ":g1 { :kabul a ng:City ; rdfs:label \"Kabul\" . }", {}, {kMini, bad});
    FAIL("no error");
  } catch (const ng::store::RdfSyntaxError& e) {
    CHECK(std::string(e.what()).find("bad_external.ttl:3:") != std::string::npos);
    CHECK(e.pos().line == 2);
  }
  CHECK_THROWS_AS(ng::link::link_entities(store, {"/nonexistent/x.ttl"}, {}), std::runtime_error);
  CHECK_THROWS_WITH(ng::link::link_entities(store, {kMini + ".unknown"}, {}),
                    Catch::Contains("unknown RDF format"));
}

TEST_CASE("gzip and N-Triples external files are read", "[link]") {
  World world;
  Store store(world);
  const auto dir = std::filesystem::temp_directory_path() / "ng_link_tests";
  std::filesystem::create_directories(dir);
  const std::string nt = (dir / "x.nt").string();
  std::ofstream(nt) << "<http://x/kabul> <http://www.w3.org/2000/01/rdf-schema#label> \"Kabul\" .\n"
                    << "<http://x/kabul> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                       "<http://schema.org/City> .\n";
  const std::string gz = (dir / "x.nt.gz").string();
  REQUIRE(std::system(("gzip -c '" + nt + "' > '" + gz + "'").c_str()) == 0);
  auto result = run(store, ":g1 { :kabul a ng:City ; rdfs:label \"Kabul\" . }", {}, {gz});
  CHECK(linked_to(result, "kabul") == "http://x/kabul");
  CHECK(decision(result, "kabul").same_as);
}
