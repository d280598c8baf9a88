// Stage 2 of extraction (issue 5): claims, casualty figures and mediation efforts, read from an
// article's text with the entities stage 1 (Extractor) found. It never changes stage 1's quads;
// it adds its own to the article's named graph.
//
//   ng::extract::Extractor stage1(paths);
//   ng::extract::ClaimStage stage2(paths);
//   ng::extract::VectorSink s1;
//   stage1.extract(article, s1);
//   stage2.extract(article, s1.quads, sink);  // sink also receives s1.quads from the caller
//
// Knowledge (cue verbs, casualty words, mediation phrasings, status words) lives in
// data/lexicon/claim_*.tsv and data/lexicon/mediation_*.tsv; see docs/claims.md.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "extract/article.hpp"
#include "extract/extractor.hpp"
#include "extract/text.hpp"
#include "rdf/term.hpp"

namespace ng::extract {

struct Stage2Stats {
  std::size_t claims = 0;
  std::size_t casualty_figures = 0;
  std::size_t mediations = 0;
  Stage2Stats& operator+=(const Stage2Stats& o);
};

class ClaimStage {
 public:
  // Loads the claim_* and mediation_* lexicons, numbers.tsv, time_words.tsv, abbreviations.txt
  // and the gazetteer. Throws std::runtime_error naming the file for a missing or bad resource.
  explicit ClaimStage(const ResourcePaths& paths);
  ~ClaimStage();
  ClaimStage(const ClaimStage&) = delete;
  ClaimStage& operator=(const ClaimStage&) = delete;

  // Adds claims and mediation efforts of one article to `sink`, in graph_iri(article.id).
  // `stage1` holds (at least) the quads Extractor::extract emitted for this article; quads of
  // other graphs are ignored. Deterministic; one call at a time.
  Stage2Stats extract(const Article& article, const std::vector<rdf::Quad>& stage1,
                      QuadSink& sink) const;
  // Same, reusing (and consuming) stage 1's analysis of this article's text
  // (Extractor::extract's `text`); made again here if it used other abbreviations.
  Stage2Stats extract(const Article& article, const std::vector<rdf::Quad>& stage1, QuadSink& sink,
                      TextAnalysis&& text) const;
  // Same, reading stage 1's quads from a flat buffer (ingest's path: no owning quads).
  Stage2Stats extract(const Article& article, const rdf::QuadBuffer& stage1, QuadSink& sink,
                      TextAnalysis&& text) const;

  struct Resources;  // defined in claim_run.hpp

 private:
  std::unique_ptr<Resources> res_;
};

}  // namespace ng::extract
