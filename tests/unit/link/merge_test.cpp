#include "link/merge.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "store/rdf_io.hpp"

using ng::rdf::Term;
using ng::store::Format;
using ng::store::QuadIds;
using ng::store::Store;
using ng::store::World;

namespace {

ng::store::LoadOptions base_options() {
  ng::store::LoadOptions options;
  options.base_iri = "http://test/";
  return options;
}

ng::link::MergeOptions merge_options(std::vector<std::string> data,
                                     std::vector<std::string> external, bool in_default = false) {
  ng::link::MergeOptions options;
  options.data = std::move(data);
  options.external = std::move(external);
  options.external_in_default_graph = in_default;
  return options;
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "ng_link_merge_tests";
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

std::set<ng::store::NodeId> blank_subjects(const Store& store) {
  std::set<ng::store::NodeId> out;
  QuadIds q;
  auto c = store.scan(nullptr, nullptr, nullptr, nullptr);
  while (c.next(q)) {
    if (World::view(q.subject).is_blank()) out.insert(q.subject);
  }
  return out;
}

}  // namespace

TEST_CASE("merge keeps blank nodes of two files apart, external data in its own graph",
          "[link][merge]") {
  const auto ours =
      write_temp("ours.ttl", "@prefix ex: <http://ex/> .\n_:b0 ex:p 1 . _:b1 ex:p 2 .\n");
  const auto theirs =
      write_temp("theirs.ttl", "@prefix gx: <http://gx/> .\n_:b0 gx:q 3 . _:b1 gx:q 4 .\n");
  World world;
  Store store(world);
  const auto stats = ng::link::merge_files(store, merge_options({ours}, {theirs}));
  CHECK(stats.data_quads == 2);
  CHECK(stats.external_quads == 2);
  CHECK(blank_subjects(store).size() == 4);
  REQUIRE(stats.external_graphs.size() == 1);
  CHECK(stats.external_graphs[0] == ng::store::file_iri(theirs));
  auto graph = world.iri(stats.external_graphs[0]);
  CHECK(store.count(nullptr, nullptr, nullptr, graph.get()) == 2);
  CHECK(store.count(nullptr, nullptr, nullptr, store.default_graph()) == 2);
  // The prefixes of both documents are kept for the writers.
  CHECK(store.prefixes().expand("gx:q") == "http://gx/q");
  CHECK(store.prefixes().expand("ex:p") == "http://ex/p");
}

TEST_CASE("merge can put external data into the default graph", "[link][merge]") {
  const auto theirs = write_temp("theirs2.nt", "<http://a> <http://b> \"c\" .\n");
  World world;
  Store store(world);
  const auto stats = ng::link::merge_files(store, merge_options({}, {theirs}, true));
  CHECK(stats.external_graphs == std::vector<std::string>{""});
  CHECK(store.named_graphs().empty());
  CHECK(store.count(nullptr, nullptr, nullptr, store.default_graph()) == 1);
}

TEST_CASE("a malformed external file is an error and leaves nothing of itself", "[link][merge]") {
  const auto good = write_temp("good.ttl", "<http://a> <http://b> \"c\" .\n");
  const std::string bad = std::string(NG_TEST_DATA_DIR) + "/link/bad_external.ttl";
  World world;
  Store store(world);
  try {
    ng::link::merge_files(store, merge_options({good}, {bad}));
    FAIL("no error");
  } catch (const ng::store::RdfSyntaxError& e) {
    CHECK(e.file() == bad);
    CHECK(e.pos().line == 2);
  }
  // Its first, valid statement was rolled back.
  auto good_name = world.intern(Term::literal("Good"));
  CHECK_FALSE(store.contains(nullptr, nullptr, good_name.get(), nullptr));
}

TEST_CASE("smushing moves statements to the external IRI and keeps every label", "[link][merge]") {
  World world;
  Store store(world);
  ng::store::load_string(store, R"(
    @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix ng: <https://w3id.org/newsgraph/ontology#> .
    <https://w3id.org/newsgraph/id/g> {
      <https://w3id.org/newsgraph/id/place/kabul> rdfs:label "Kabul" ; a ng:City .
      <https://w3id.org/newsgraph/id/event/1> ng:location <https://w3id.org/newsgraph/id/place/kabul> .
    }
    <https://w3id.org/newsgraph/id/graph/links> {
      <https://w3id.org/newsgraph/id/place/kabul> owl:sameAs <https://sws.geonames.org/1138958/> .
      _:l rdf:subject <https://w3id.org/newsgraph/id/place/kabul> ;
          rdf:object <https://sws.geonames.org/1138958/> .
    }
    <https://w3id.org/newsgraph/id/place/kabul-alias> owl:sameAs <https://w3id.org/newsgraph/id/place/kabul> .
    <https://w3id.org/newsgraph/id/place/kabul-alias> rdfs:label "Kaboul" .
    <https://sws.geonames.org/1138958/> <http://www.geonames.org/ontology#name> "Kabul" .
  )",
                         Format::TriG, base_options());
  const auto stats = ng::link::smush(store);
  CHECK(stats.classes == 1);
  CHECK(stats.nodes_replaced == 2);
  auto gn = world.iri("https://sws.geonames.org/1138958/");
  auto ours = world.iri("https://w3id.org/newsgraph/id/place/kabul");
  auto alias = world.iri("https://w3id.org/newsgraph/id/place/kabul-alias");
  auto label = world.iri("http://www.w3.org/2000/01/rdf-schema#label");
  auto same_as = world.iri("http://www.w3.org/2002/07/owl#sameAs");
  auto location = world.iri("https://w3id.org/newsgraph/ontology#location");
  auto rdf_subject = world.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject");
  CHECK(store.count(gn.get(), label.get(), nullptr, nullptr) == 2);  // Kabul, Kaboul
  CHECK(store.contains(nullptr, location.get(), gn.get(), nullptr));
  CHECK(store.contains(gn.get(), same_as.get(), ours.get(), nullptr));
  CHECK(store.contains(gn.get(), same_as.get(), alias.get(), nullptr));
  CHECK_FALSE(store.contains(gn.get(), same_as.get(), gn.get(), nullptr));
  CHECK(store.count(ours.get(), nullptr, nullptr, nullptr) == 0);
  // The reified link still names the original statement.
  CHECK(store.contains(nullptr, rdf_subject.get(), ours.get(), nullptr));
  // Statements stay in their graphs.
  auto g = world.iri("https://w3id.org/newsgraph/id/g");
  CHECK(store.count(gn.get(), nullptr, nullptr, g.get()) == 2);
  // Nothing to do a second time.
  CHECK(ng::link::smush(store).nodes_replaced == 0);
}
