#include "extract/stage1_entities.hpp"

#include <set>
#include <unordered_map>

#include "rdf/quad_buffer.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {

namespace {

// Views of the same bytes (a quick test before comparing them).
bool same_view(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

std::string local_name_of(std::string_view iri) {
  const auto pos = iri.find_last_of("#/");
  return std::string(pos == std::string_view::npos ? iri : iri.substr(pos + 1));
}

}  // namespace

Stage1Entities read_stage1_entities(const rdf::QuadBuffer& quads, std::string_view graph,
                                    std::string_view doc) {
  Stage1Entities out;
  std::vector<Stage1Entity>& entities = out.entities;
  // Keyed by views of the subjects in `quads`, which outlive the map: no key is copied.
  std::unordered_map<std::string_view, int> idx;
  // An article has ~50 entities (a300): room for them up front, not moved as the vector grows.
  entities.reserve(64);
  idx.reserve(64);
  // The entity of the subject's run of quads (stage 1 writes an entity's quads one after
  // another), found once per run: -1 until a quad of the run needs it.
  int current = -1;
  auto entity_of = [&](std::string_view s) -> Stage1Entity& {
    if (current < 0) {
      // One lookup that adds the subject when it is new.
      const auto found = idx.try_emplace(s, static_cast<int>(entities.size()));
      if (found.second) entities.emplace_back().iri = s;
      current = found.first->second;
    }
    return entities[static_cast<std::size_t>(current)];
  };
  const std::string label = std::string(vocab::kRdfsLabel);
  const std::string alt = std::string(vocab::kSkos) + "altLabel";
  const std::string type = std::string(vocab::kRdfType);
  const std::string ent_prefix = std::string(vocab::kNgId);
  // Built once, not per quad.
  const std::string person_prefix = ent_prefix + "person/";
  const std::string org_prefix = ent_prefix + "org/";
  const std::string place_prefix = ent_prefix + "place/";
  const std::string ng_ns = std::string(vocab::kNg);
  const std::string p_mentions_actor = ng_ns + "mentionsActor";
  const std::string p_represents = ng_ns + "represents";
  const std::string p_affiliation = ng_ns + "affiliation";
  const std::string p_part_of = ng_ns + "partOf";
  const std::string p_evidence = ng_ns + "evidence";
  const std::string sentence_prefix = std::string(doc) + "#char=";
  std::set<std::string_view> actors;  // views of objects in `quads`
  // What the subject is (a sentence, an entity) is worked out once for the run of its quads.
  std::string_view subject;  // in `quads`
  bool has_subject = false;
  bool entity_subject = false;
  // The buffer keeps one copy of a graph or subject shared with the quad before: the same
  // bytes at the same address are the same term, without comparing them.
  std::string_view article_graph = graph;  // then in `quads`, once seen
  for (std::size_t i = 0, n = quads.size(); i < n; ++i) {
    const rdf::QuadRef q = quads[i];
    if (!q.graph) continue;
    const std::string_view g = q.graph->value;
    if (!same_view(g, article_graph)) {
      if (g != graph) continue;
      article_graph = g;
    }
    const std::string_view s = q.subject.value;
    if (!has_subject || !same_view(subject, s)) {
      subject = s;
      has_subject = true;
      current = -1;
      if (s.starts_with(sentence_prefix)) out.sentence_iris.emplace(s);
      entity_subject =
          s.starts_with(person_prefix) || s.starts_with(org_prefix) || s.starts_with(place_prefix);
    }
    const std::string_view p = q.predicate.value;
    const std::string_view o = q.object.value;
    if (p == p_mentions_actor) actors.emplace(o);
    if (!entity_subject) continue;
    if (p == type && o.starts_with(ng_ns)) {
      entity_of(s).cls = local_name_of(o);
    } else if (p == label) {
      if (entity_of(s).label.empty()) entity_of(s).label = o;
    } else if (p == alt) {
      entity_of(s).alts.emplace_back(o);
    } else if (p == p_represents) {
      entity_of(s).represents = o;
    } else if (p == p_affiliation) {
      entity_of(s).affiliation = o;
    } else if (p == p_part_of) {
      entity_of(s).part_of = o;
    } else if (p == p_evidence) {
      ++entity_of(s).evidence;
    }
  }
  for (Stage1Entity& e : entities) e.mentioned_actor = actors.count(e.iri) > 0;
  out.filled = true;
  return out;
}

}  // namespace ng::extract
