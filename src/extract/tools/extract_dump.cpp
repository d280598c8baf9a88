// Developer driver: extract articles and print N-Quads on stdout, counts on stderr.
//   ng_extract_dump [--root DIR] [--quiet] PATH...
// --root is the checkout holding ontology/rules, data/lexicon and data/gazetteer (default ".").
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "extract/extractor.hpp"
#include "extract/rules.hpp"

namespace {

struct PrintSink : ng::extract::QuadSink {
  using ng::extract::QuadSink::add;
  bool quiet = false;
  std::string buffer;
  void add(const ng::rdf::Quad& quad) override {
    if (quiet) return;
    buffer += ng::rdf::to_nquads(quad);
    buffer += '\n';
    if (buffer.size() > (1 << 16)) flush();
  }
  void flush() {
    std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    buffer.clear();
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string root = ".";
  std::vector<std::string> paths;
  PrintSink sink;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--root" && i + 1 < argc) {
      root = argv[++i];
    } else if (arg == "--quiet") {
      sink.quiet = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cerr << "usage: ng_extract_dump [--root DIR] [--quiet] PATH...\n";
      return 0;
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::cerr << "usage: ng_extract_dump [--root DIR] [--quiet] PATH...\n";
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    ng::extract::Extractor extractor(ng::extract::ResourcePaths::under(root));
    const auto t1 = std::chrono::steady_clock::now();
    std::vector<ng::extract::Diagnostic> diagnostics;
    auto articles = ng::extract::read_articles(paths, diagnostics);
    extractor.infer_story_dates(articles);
    for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
    ng::extract::ExtractStats stats;
    std::size_t bytes = 0;
    const std::clock_t c1 = std::clock();
    for (const auto& a : articles) {
      stats += extractor.extract(a, sink);
      bytes += a.text.size();
    }
    sink.flush();
    const auto t2 = std::chrono::steady_clock::now();
    // CPU time, not wall time: the throughput of one core even on a busy machine.
    const double cpu = static_cast<double>(std::clock() - c1) / CLOCKS_PER_SEC;
    const double load = std::chrono::duration<double>(t1 - t0).count();
    const double run = std::chrono::duration<double>(t2 - t1).count();
    std::fprintf(stderr,
                 "articles %zu, sentences %zu, actors %zu, locations %zu, events %zu, triples %zu\n"
                 "resources loaded in %.2f s (%zu rules); %.2f MB of text in %.3f s wall, "
                 "%.3f s CPU = %.2f MB/s per core\n",
                 stats.articles, stats.sentences, stats.actors, stats.locations, stats.events,
                 stats.triples, load, extractor.rule_count(), static_cast<double>(bytes) / 1e6, run,
                 cpu, cpu > 0 ? static_cast<double>(bytes) / 1e6 / cpu : 0.0);
    return diagnostics.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
