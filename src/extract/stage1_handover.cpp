// Stage 1 hands its entities to stage 2 in memory: the records read_stage1_entities() would
// read back from the quads emit() wrote, built from the entities themselves. Each step below
// mirrors the entity quads of emit.cpp, in the order emit() writes them: a change there needs
// the same change here (stage2_perf_test compares both on invented articles).
#include <unordered_map>

#include "extract/article_run.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract::stage1 {

void ArticleRun::hand_over_entities(Stage1Entities& out) const {
  out = Stage1Entities{};
  std::vector<Stage1Entity>& records = out.entities;
  records.reserve(entities_.size());
  // Entities with the same IRI are one record, made by the first quad about it.
  std::unordered_map<std::string_view, std::size_t> by_iri;  // views of entities_' IRIs
  by_iri.reserve(entities_.size());
  const auto record = [&](const std::string& iri) -> Stage1Entity& {
    const auto found = by_iri.try_emplace(iri, records.size());
    if (found.second) records.emplace_back().iri = iri;
    return records[found.first->second];
  };
  const auto first_label = [](Stage1Entity& r, const std::string& label) {
    if (r.label.empty()) r.label = label;
  };
  std::vector<const std::string*> actors;  // IRIs of ng:mentionsActor
  for (const Entity& e : entities_) {
    if (e.merged_into >= 0) {
      record(entities_[static_cast<std::size_t>(e.merged_into)].iri).alts.push_back(e.label);
      continue;
    }
    if (!e.as_actor && !e.as_place) continue;
    const bool country =
        e.place >= 0 &&
        res_.gazetteer.place(static_cast<std::uint32_t>(e.place)).kind == PlaceKind::Country;
    Stage1Entity& r = record(e.iri);
    r.cls = class_local_name(country ? kCountry : e.type);
    first_label(r, e.label);
    r.alts.insert(r.alts.end(), e.alt_labels.begin(), e.alt_labels.end());
    if (e.as_actor) actors.push_back(&e.iri);
    if (e.affiliation >= 0) {
      const Entity& a = entities_[static_cast<std::size_t>(e.affiliation)];
      r.affiliation = a.iri;
      if (a.place >= 0 && e.type == kGovernment) r.represents = a.iri;
    }
    if (e.place >= 0) {
      const Place& p = res_.gazetteer.place(static_cast<std::uint32_t>(e.place));
      if (p.kind != PlaceKind::Country && e.as_place) {
        if (auto c = res_.gazetteer.country(p.country_iso2)) {
          r.part_of =
              std::string(vocab::kNgId) + "place/gn-" + res_.gazetteer.place(*c).geonames_id;
        }
      }
    } else if (e.part_of >= 0) {
      r.part_of = entities_[static_cast<std::size_t>(e.part_of)].iri;
    }
    r.evidence += static_cast<int>(e.sentences.size());
  }
  // Referenced places of part_of that were not emitted: a type and a label. (Which entities
  // an emitted one names as its affiliation, found in one pass.)
  std::vector<bool> referenced(entities_.size(), false);
  for (const Entity& o : entities_) {
    if ((o.as_place || o.as_actor) && o.affiliation >= 0) {
      referenced[static_cast<std::size_t>(o.affiliation)] = true;
    }
  }
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (e.as_actor || e.as_place || e.place < 0 || !referenced[i]) continue;
    Stage1Entity& r = record(e.iri);
    r.cls = class_local_name(e.type);
    first_label(r, e.label);
  }
  for (const std::string* iri : actors) {
    const auto it = by_iri.find(*iri);
    if (it != by_iri.end()) records[it->second].mentioned_actor = true;
  }
  out.sentence_written = sentences_written_;
  out.filled = true;
}

}  // namespace ng::extract::stage1
