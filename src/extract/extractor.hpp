// Entry point of the extraction pipeline: Article -> quads in the article's named graph.
//
//   ng::extract::Extractor extractor(ng::extract::ResourcePaths::under(repo_root));
//   std::vector<Diagnostic> diagnostics;
//   for (const Article& a : read_articles({"data/articles"}, diagnostics)) {
//     stats += extractor.extract(a, sink);  // sink: any QuadSink (store, buffer, vector)
//   }
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/article.hpp"
#include "extract/text.hpp"
#include "rdf/quad_buffer.hpp"
#include "rdf/term.hpp"

namespace ng::extract {

// Receives the extracted quads. The extractor never sees the store: the caller adapts.
struct QuadSink {
  virtual ~QuadSink() = default;
  virtual void add(const rdf::Quad& quad) = 0;
  // The extractor hands over quads it has no further use for: a sink that keeps them may move.
  virtual void add(rdf::Quad&& quad) { add(static_cast<const rdf::Quad&>(quad)); }
  // The extractors' own path: views of strings they hold, valid during the call only. A sink
  // that keeps the quad copies the bytes (the default makes an owning rdf::Quad).
  virtual void add(const rdf::QuadRef& quad) { add(rdf::to_quad(quad)); }
};

// Collects quads in memory as owning rdf::Quads (tests, the dump tool).
struct VectorSink : QuadSink {
  std::vector<rdf::Quad> quads;
  void add(const rdf::Quad& quad) override { quads.push_back(quad); }
  void add(rdf::Quad&& quad) override { quads.push_back(std::move(quad)); }
  void add(const rdf::QuadRef& quad) override { quads.push_back(rdf::to_quad(quad)); }
};

// Collects quads in one flat buffer (ingest): no allocation per quad or term.
struct BufferSink : QuadSink {
  rdf::QuadBuffer quads;
  using QuadSink::add;
  void add(const rdf::Quad& quad) override { quads.add(quad); }
  void add(const rdf::QuadRef& quad) override { quads.add(quad); }
};

// Where the knowledge lives: rule files (*.rules) in rules_dir, lexicons (*.tsv, and
// abbreviations.txt) in lexicon_dir, countries/regions/cities.tsv in gazetteer_dir.
struct ResourcePaths {
  std::string rules_dir;
  std::string lexicon_dir;
  std::string gazetteer_dir;
  // The standard layout of a checkout: ontology/rules, data/lexicon, data/gazetteer.
  static ResourcePaths under(const std::string& root);
};

struct ExtractStats {
  std::size_t articles = 0;
  std::size_t sentences = 0;
  std::size_t actors = 0;
  std::size_t locations = 0;
  std::size_t events = 0;
  std::size_t triples = 0;
  ExtractStats& operator+=(const ExtractStats& o);
};

// IRIs minted for an article (stable: derived from its id only).
std::string article_iri(const std::string& article_id);
std::string graph_iri(const std::string& article_id);

class Extractor {
 public:
  // Loads and checks every resource. Throws RuleError (file:line:col) for a bad rule file and
  // std::runtime_error naming the file for a missing or malformed lexicon or gazetteer.
  explicit Extractor(const ResourcePaths& paths);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts one article into its named graph graph_iri(article.id). Deterministic: the same
  // article gives the same quads in the same order. Thread-compatible (one call at a time).
  ExtractStats extract(const Article& article, QuadSink& sink) const;
  // Same, and hands over the article's normalised text, tokens and sentences (for stage 2).
  ExtractStats extract(const Article& article, QuadSink& sink, TextAnalysis& text) const;

  // Gives each undated article of a batch the date of a dated report of the same story, if
  // there is one (story_dates.hpp); extract() resolves its relative time expressions against
  // it. Returns the number of articles given a date.
  std::size_t infer_story_dates(std::vector<Article>& articles) const;

  std::size_t rule_count() const;

  struct Resources;  // loaded knowledge; defined in extractor.cpp

 private:
  std::unique_ptr<Resources> res_;
};

}  // namespace ng::extract
