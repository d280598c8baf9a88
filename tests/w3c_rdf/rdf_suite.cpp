// Runs one W3C RDF 1.1 parser suite (Turtle, TriG, N-Triples, N-Quads) through our reader.
// Positive syntax tests must load; negative ones must be rejected with an error (not a crash);
// evaluation tests must give a graph isomorphic to the expected N-Triples / N-Quads.
// Known failures are listed in a ratchet file: only a failure that is not listed fails the run.
//
// Usage: ng_w3c_rdf SUITE KNOWN_FAILURES_FILE [--update-known-failures]
//   SUITE: turtle | trig | ntriples | nquads. The suites are found in $NEWSGRAPH_W3C_DIR or in
//   the default directory compiled in (../shared/w3c beside the source tree). Exit 77 = skipped.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "manifest.hpp"
#include "rdf/isomorphism.hpp"

namespace fs = std::filesystem;
using ng::store::Format;

namespace {

constexpr int kSkipped = 77;

struct Suite {
  const char* folder;
  Format format;
};

const std::map<std::string, Suite> kSuites = {
    {"turtle", {"rdf-turtle", Format::Turtle}},
    {"trig", {"rdf-trig", Format::TriG}},
    {"ntriples", {"rdf-n-triples", Format::NTriples}},
    {"nquads", {"rdf-n-quads", Format::NQuads}},
};

std::vector<ng::rdf::Quad> quads_of(const ng::store::Store& store) {
  std::vector<ng::rdf::Quad> out;
  auto add_graph = [&](ng::store::NodeId g, bool named) {
    auto c = store.scan(nullptr, nullptr, nullptr, g);
    ng::store::QuadIds q;
    while (c.next(q)) {
      ng::rdf::Quad quad{ng::store::World::term(q.subject), ng::store::World::term(q.predicate),
                         ng::store::World::term(q.object), std::nullopt};
      if (named) quad.graph = ng::store::World::term(q.graph);
      out.push_back(std::move(quad));
    }
  };
  add_graph(store.default_graph(), false);
  for (auto g : store.named_graphs()) add_graph(g, true);
  return out;
}

// Runs one test; returns an empty string on success, else the reason it failed.
std::string run_test(const ng::w3c::ManifestEntry& e, const std::string& base, Format format) {
  ng::store::World world;
  ng::store::Store store(world);
  ng::store::LoadOptions options;
  options.format = format;
  options.base_iri = base + fs::path(e.action).filename().string();
  bool negative = e.type.find("Negative") != std::string::npos;
  try {
    ng::store::load_file(store, e.action, options);
  } catch (const std::exception& ex) {
    if (negative) return "";
    // Keep reasons free of machine-specific paths: they go into the ratchet file.
    std::string what = ex.what();
    auto at = what.find(e.action);
    if (at != std::string::npos)
      what.replace(at, e.action.size(), fs::path(e.action).filename().string());
    return "rejected: " + what;
  }
  if (negative) return "accepted invalid input";
  if (e.type.find("Eval") == std::string::npos) return "";
  ng::store::Store expected(world);
  ng::store::LoadOptions expected_options;
  expected_options.format = format_has_graphs(format) ? Format::NQuads : Format::NTriples;
  expected_options.base_iri = options.base_iri;
  try {
    ng::store::load_file(expected, e.result, expected_options);
  } catch (const std::exception& ex) {
    return std::string("cannot read expected result: ") + ex.what();
  }
  if (!ng::rdf::isomorphic(quads_of(store), quads_of(expected))) return "graph not isomorphic";
  return "";
}

std::map<std::string, std::string> read_known_failures(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto hash = line.find(" #");
    std::string id = line.substr(0, hash);
    while (!id.empty() && id.back() == ' ') id.pop_back();
    if (id.empty() || id[0] == '#') continue;
    std::string reason = hash == std::string::npos ? "" : line.substr(hash + 2);
    reason.erase(0, reason.find_first_not_of(' '));
    out[id] = reason;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || !kSuites.count(argv[1])) {
    std::cerr << "usage: ng_w3c_rdf turtle|trig|ntriples|nquads KNOWN_FAILURES "
                 "[--update-known-failures]\n";
    return 2;
  }
  const std::string name = argv[1];
  const std::string known_path = argv[2];
  const bool update = argc > 3 && std::string(argv[3]) == "--update-known-failures";
  const char* env = std::getenv("NEWSGRAPH_W3C_DIR");
  fs::path w3c = env && *env ? fs::path(env) : fs::path(NG_DEFAULT_W3C_DIR);
  fs::path root = w3c / "rdf" / "rdf11";
  fs::path manifest_path = root / kSuites.at(name).folder / "manifest.ttl";
  if (!fs::exists(manifest_path)) {
    std::cout << "SKIPPED: W3C RDF suite not found at " << manifest_path
              << " (set NEWSGRAPH_W3C_DIR to the w3c folder)\n";
    return kSkipped;
  }

  auto manifest = ng::w3c::read_manifest(manifest_path.string(), root.string());
  auto known = read_known_failures(known_path);
  std::size_t passed = 0, failed = 0, regressions = 0;
  std::vector<std::pair<std::string, std::string>> failures;
  for (const auto& e : manifest.entries) {
    std::string reason = run_test(e, manifest.assumed_test_base, kSuites.at(name).format);
    if (reason.empty()) {
      ++passed;
      if (known.count(e.id))
        std::cout << "FIXED " << e.id << " (remove it from " << known_path << ")\n";
      continue;
    }
    ++failed;
    failures.emplace_back(e.id, reason);
    bool expected = known.count(e.id) != 0;
    if (!expected) ++regressions;
    std::cout << (expected ? "FAIL (known) " : "FAIL ") << e.id << ": " << reason << "\n";
  }
  if (update) {
    std::map<std::string, std::string> merged;
    for (auto& [id, reason] : known)
      if (id.rfind(kSuites.at(name).folder, 0) != 0) merged[id] = reason;  // other suites
    for (auto& [id, reason] : failures) merged[id] = reason;
    std::ofstream out(known_path);
    out << "# W3C RDF parser tests known to fail (ratchet: only unlisted failures fail CI).\n";
    for (auto& [id, reason] : merged) out << id << " # " << reason << "\n";
  }
  std::cout << "w3c-" << name << ": " << passed << " passed, " << failed << " failed, 0 skipped"
            << (regressions ? " (" + std::to_string(regressions) + " not in the known failures)"
                            : "")
            << "\n";
  return regressions == 0 ? 0 : 1;
}
