// Linking our actors and places to the entities of external RDF data sets by their labels.
//
//   store::World world;  store::Store graph(world);  store::load_file(graph, "graph.trig");
//   link::LinkResult result = link::link_entities(graph, {"geonames.ttl"}, {});
//   store::Store links(world);  link::add_link_quads(links, result, {});
//
// Candidates come from exact or variant name keys (link/normalize.hpp), filtered by type
// compatibility and ranked by match quality, feature code, population and coherence with the
// countries and provinces of the same article. docs/linking.md describes the scores.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "link/external.hpp"
#include "store/store.hpp"

namespace ng::link {

struct LinkOptions {
  std::vector<std::string> label_properties;  // full IRIs; empty = default_label_properties()
  double threshold = 0.5;   // below it nothing is linked and the candidates are reported
  double same_as = 0.8;     // from here an exact-name, right-type link is owl:sameAs
  std::string links_graph;  // default kLinksGraph
  std::size_t report_candidates = 5;
};

inline constexpr std::string_view kLinksGraph = "https://w3id.org/newsgraph/id/graph/links";

struct Candidate {
  std::string iri;
  std::string name;           // the external entity's name
  std::string matched_label;  // its label that matched
  std::string our_label;      // our label that matched
  EntityKind kind = EntityKind::Unknown;
  std::string feature_code;
  std::string country_code;
  std::uint64_t population = 0;
  bool loose = false;
  bool alternate = false;   // matched an alternate name (theirs) or an alias (ours)
  bool in_context = false;  // its country or province is in the same article
  double score = 0;         // unnormalised
  double confidence = 0;    // share of the score x match quality x type fit
};

struct LinkDecision {
  std::string iri;  // our entity
  std::string label;
  EntityKind kind = EntityKind::Unknown;
  std::vector<Candidate> candidates;  // best first
  bool linked = false;
  bool same_as = false;  // owl:sameAs rather than skos:closeMatch
  // The input already states owl:sameAs between us and the chosen / another candidate.
  bool agrees_with_input = false;
  bool disagrees_with_input = false;
};

struct LinkResult {
  std::vector<LinkDecision> decisions;  // one per entity of ours, in IRI order
  std::size_t external_statements = 0;
  std::size_t external_entities = 0;
  std::size_t linked() const;
};

// Links the actors and places of `ours` (typed with ng: classes) to the entities of the external
// files (any RDF syntax, .gz allowed; read by streaming). Throws store::RdfSyntaxError or
// std::runtime_error on a bad external file; `ours` is not changed.
LinkResult link_entities(store::Store& ours, const std::vector<std::string>& external_files,
                         const LinkOptions& options);

// Adds the chosen links to `out` in options.links_graph: `ours owl:sameAs|skos:closeMatch theirs`
// plus a reification node (rdf:Statement) carrying ng:confidence, ng:linkMethod,
// ng:matchedLabel and ng:candidateCount. Returns the number of links.
std::size_t add_link_quads(store::Store& out, const LinkResult& result, const LinkOptions& options);

// Writes one line per entity that has candidates but no link, with its best candidates.
void report_unlinked(const LinkResult& result, std::ostream& err, std::size_t max_candidates = 5);

}  // namespace ng::link
