// Developer driver for issue 5: stage 1 + stage 2 + cross-article resolution, N-Quads out.
//   ng_stage2_dump [--root DIR] [-o FILE] PATH...
// Stands in for `newsgraph ingest` until the CLI wires stage 2 (see docs/claims.md).
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "extract/extractor.hpp"
#include "extract/resolution.hpp"
#include "extract/stage2.hpp"

int main(int argc, char** argv) {
  std::string root = ".";
  std::string output;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--root" && i + 1 < argc) {
      root = argv[++i];
    } else if (arg == "-o" && i + 1 < argc) {
      output = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::cerr << "usage: ng_stage2_dump [--root DIR] [-o FILE] PATH...\n";
      return 0;
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::cerr << "usage: ng_stage2_dump [--root DIR] [-o FILE] PATH...\n";
    return 2;
  }
  try {
    const auto resources = ng::extract::ResourcePaths::under(root);
    ng::extract::Extractor stage1(resources);
    ng::extract::ClaimStage stage2(resources);
    std::vector<ng::extract::Diagnostic> diagnostics;
    auto articles = ng::extract::read_articles(paths, diagnostics);
    stage1.infer_story_dates(articles);
    for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
    ng::extract::VectorSink all;
    ng::extract::Stage2Stats stats;
    for (const auto& article : articles) {
      const std::size_t first = all.quads.size();
      stage1.extract(article, all);
      const std::vector<ng::rdf::Quad> own(all.quads.begin() + static_cast<long>(first),
                                           all.quads.end());
      stats += stage2.extract(article, own, all);
    }
    ng::extract::VectorSink links;
    const auto rs = ng::extract::resolve_across_articles(all.quads, links);
    std::ofstream file;
    if (!output.empty()) file.open(output, std::ios::binary);
    std::ostream& out = output.empty() ? std::cout : file;
    for (const auto& q : all.quads) out << ng::rdf::to_nquads(q) << '\n';
    for (const auto& q : links.quads) out << ng::rdf::to_nquads(q) << '\n';
    std::cerr << articles.size() << " articles, " << stats.claims << " claims, "
              << stats.casualty_figures << " casualty figures, " << stats.mediations
              << " mediations; " << rs.merged_actors << " actor variants merged, "
              << rs.merged_events << " events reported by several articles, " << rs.conflicts
              << " conflicting claim pairs\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
