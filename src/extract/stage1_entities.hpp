// What stage 2 knows of stage 1's output: the article's entities and which sentences stage 1
// wrote. Stage 2 reads it back from stage 1's quads (read_stage1_entities), or takes it from
// stage 1 in memory (Extractor::extract fills TextAnalysis::entities; ingest's path), which
// skips a pass over every quad of the article. Both give the same records (stage2_perf_test).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ng::rdf {
class QuadBuffer;
}

namespace ng::extract {

// An actor or place as stage 1's quads state it (one record per entity IRI).
struct Stage1Entity {
  std::string iri;
  std::string cls;                // local name of its last ng: rdf:type
  std::string label;              // its first rdfs:label
  std::vector<std::string> alts;  // its skos:altLabels, in order
  std::string represents;         // the last ng:represents, ng:affiliation, ng:partOf
  std::string affiliation;
  std::string part_of;
  int evidence = 0;              // its ng:evidence quads
  bool mentioned_actor = false;  // an object of ng:mentionsActor
  friend bool operator==(const Stage1Entity&, const Stage1Entity&) = default;
};

struct Stage1Entities {
  bool filled = false;                 // false: not handed over (read the quads instead)
  std::vector<Stage1Entity> entities;  // in the order of their first quad
  // In memory: by sentence index, whether stage 1 wrote the sentence as a node.
  std::vector<bool> sentence_written;
  // From quads: the IRIs of the sentence nodes stage 1 wrote.
  std::unordered_set<std::string> sentence_iris;
};

// Stage 1's entities from its quads in graph `graph`; `doc` is the article's IRI (its sentence
// nodes are `doc` + "#char=..."). Quads of other graphs are ignored.
Stage1Entities read_stage1_entities(const rdf::QuadBuffer& quads, std::string_view graph,
                                    std::string_view doc);

}  // namespace ng::extract
