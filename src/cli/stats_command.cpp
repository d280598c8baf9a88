#include <algorithm>
#include <iostream>
#include <map>
#include <unordered_set>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "rdf/vocab.hpp"

namespace ng::cli {
namespace {

struct StatsOptions {
  std::vector<std::string> data;
};

int run_stats(const StatsOptions& opts) {
  store::World world;
  store::Store store(world);
  load_files(store, opts.data);

  std::unordered_set<store::NodeId> subjects, predicates, objects;
  std::size_t triples = 0;
  auto cursor = store.scan_union(nullptr, nullptr, nullptr);
  store::QuadIds q;
  while (cursor.next(q)) {
    ++triples;
    subjects.insert(q.subject);
    predicates.insert(q.predicate);
    objects.insert(q.object);
  }
  // Classes: objects of rdf:type, with the number of distinct instances.
  auto type = world.iri(vocab::kRdfType);
  std::map<std::string, std::size_t> classes;
  auto types = store.scan_union(nullptr, type.get(), nullptr);
  while (types.next(q)) ++classes[rdf::to_ntriples(store::World::view(q.object))];

  std::cout << "quads                " << store.size() << "\n"
            << "triples (distinct)   " << triples << "\n"
            << "named graphs         " << store.named_graphs().size() << "\n"
            << "distinct subjects    " << subjects.size() << "\n"
            << "distinct predicates  " << predicates.size() << "\n"
            << "distinct objects     " << objects.size() << "\n"
            << "classes              " << classes.size() << "\n";
  std::vector<std::pair<std::string, std::size_t>> sorted(classes.begin(), classes.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [cls, count] : sorted) std::cout << "  " << count << "\t" << cls << "\n";
  return kExitOk;
}

}  // namespace

Runner add_stats_command(CLI::App& app) {
  auto opts = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand("stats", "Count triples, graphs, distinct terms and classes");
  cmd->add_option("-d,--data", opts->data, "RDF file (.ttl .trig .nt .nq, optionally .gz)")
      ->required()
      ->check(CLI::ExistingFile);
  return [opts] { return run_stats(*opts); };
}

}  // namespace ng::cli
