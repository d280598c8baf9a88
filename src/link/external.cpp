#include "link/external.hpp"

#include <algorithm>
#include <cstdlib>

#include "rdf/vocab.hpp"

namespace ng::link {
namespace {

std::string gn(std::string_view local) { return std::string(vocab::kGn) + std::string(local); }

std::string_view local_name(std::string_view iri) {
  const auto cut = iri.find_last_of("#/");
  return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Kind from a GeoNames feature code ("P.PPLC", "A.ADM1").
EntityKind kind_of_feature_code(std::string_view code) {
  if (code.empty()) return EntityKind::Place;
  const std::string_view rest = code.size() > 2 ? code.substr(2) : std::string_view{};
  switch (code[0]) {
    case 'P':
      return EntityKind::City;
    case 'A':
      if (rest.rfind("PCL", 0) == 0) return EntityKind::Country;
      if (rest == "ADM1") return EntityKind::Province;
      if (rest.rfind("ADM", 0) == 0) return EntityKind::AdminArea;
      return EntityKind::Place;
    default:
      return EntityKind::Site;
  }
}

// Kind from an rdf:type (schema.org, DBpedia, FOAF, GeoNames, SKOS-style class names) and how
// specific that evidence is (0 = no evidence).
std::pair<EntityKind, std::uint8_t> kind_of_class(std::string_view iri) {
  const std::string name = lower(local_name(iri));
  static const std::pair<std::string_view, EntityKind> kSpecific[] = {
      {"country", EntityKind::Country},
      {"sovereignstate", EntityKind::Country},
      {"city", EntityKind::City},
      {"town", EntityKind::City},
      {"village", EntityKind::City},
      {"hamlet", EntityKind::City},
      {"settlement", EntityKind::City},
      {"populatedplace", EntityKind::City},
      {"capital", EntityKind::City},
      {"state", EntityKind::Province},
      {"province", EntityKind::Province},
      {"administrativeregion", EntityKind::Province},
      {"person", EntityKind::Person},
      {"organization", EntityKind::Organization},
      {"organisation", EntityKind::Organization},
      {"governmentorganization", EntityKind::Organization},
      {"ngo", EntityKind::Organization},
      {"politicalparty", EntityKind::Organization},
      {"militaryunit", EntityKind::Organization},
      {"newsmediaorganization", EntityKind::Organization},
      {"company", EntityKind::Organization},
  };
  for (const auto& [n, k] : kSpecific) {
    if (name == n) return {k, 2};
  }
  static const std::string_view kPlaces[] = {"place", "location", "spatialthing", "feature",
                                             "administrativearea"};
  for (std::string_view n : kPlaces) {
    if (name == n) return {EntityKind::Place, 1};
  }
  return {EntityKind::Unknown, 0};
}

}  // namespace

std::string_view kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::Unknown:
      return "Unknown";
    case EntityKind::Place:
      return "Place";
    case EntityKind::Country:
      return "Country";
    case EntityKind::Province:
      return "Province";
    case EntityKind::AdminArea:
      return "AdminArea";
    case EntityKind::City:
      return "City";
    case EntityKind::Region:
      return "Region";
    case EntityKind::Site:
      return "Site";
    case EntityKind::Person:
      return "Person";
    case EntityKind::Organization:
      return "Organization";
    case EntityKind::Actor:
      return "Actor";
  }
  return "Unknown";
}

std::vector<std::string> default_label_properties() {
  return {std::string(vocab::kRdfsLabel),
          std::string(vocab::kSkos) + "prefLabel",
          std::string(vocab::kSkos) + "altLabel",
          std::string(vocab::kSchema) + "name",
          gn("name"),
          gn("alternateName"),
          std::string(vocab::kFoaf) + "name"};
}

bool is_alternate_label_property(std::string_view iri) {
  return iri == std::string(vocab::kSkos) + "altLabel" || iri == gn("alternateName") ||
         iri == std::string(vocab::kNg) + "abbreviation";
}

ExternalScan::ExternalScan(std::vector<std::string> label_properties)
    : label_properties_(label_properties.empty() ? default_label_properties()
                                                 : std::move(label_properties)) {
  for (const auto& p : label_properties_)
    label_alternate_.push_back(is_alternate_label_property(p));
}

std::uint32_t ExternalScan::add_query(const std::string& key) {
  const std::uint32_t id = query_count_++;
  exact_queries_[key].push_back(id);
  loose_queries_[NameNormalizer::loose_from_key(key)].push_back(id);
  return id;
}

std::uint32_t ExternalScan::entity_index(std::string_view iri) {
  auto [it, inserted] = by_iri_.try_emplace(std::string(iri), 0);
  if (inserted) {
    it->second = static_cast<std::uint32_t>(entities_.size());
    entities_.emplace_back();
    kind_rank_.push_back(0);
    iris_.push_back(&it->first);
  }
  return it->second;
}

void ExternalScan::scan(const std::string& path) {
  statements_ += store::stream_file(path, [this](const store::StreamedQuad& q) { on_quad(q); });
}

void ExternalScan::on_quad(const store::StreamedQuad& q) {
  // Blank nodes cannot be linked to from another document.
  if (!q.subject.is_iri()) return;
  const std::string_view p = q.predicate.value;
  const rdf::TermView& o = q.object;
  std::size_t label_slot = label_properties_.size();
  if (o.is_literal()) {
    for (std::size_t i = 0; i < label_properties_.size(); ++i) {
      if (label_properties_[i] == p) {
        label_slot = i;
        break;
      }
    }
  }
  const bool type = p == vocab::kRdfType && o.is_iri();
  const bool gn_property =
      p.size() > vocab::kGn.size() && p.substr(0, vocab::kGn.size()) == vocab::kGn;
  const std::string_view local = local_name(p);
  const bool population = o.is_literal() && (local == "population" || local == "populationTotal");
  if (label_slot == label_properties_.size() && !type && !gn_property && !population) return;

  std::uint32_t s = last_subject_index_;
  if (s == kNoEntity || last_subject_ != q.subject.value) {
    s = entity_index(q.subject.value);
    last_subject_.assign(q.subject.value);
    last_subject_index_ = s;
  }
  entities_[s].described = true;

  if (label_slot < label_properties_.size()) {
    const bool primary = !label_alternate_[label_slot];
    if (primary && entities_[s].name.empty()) entities_[s].name = std::string(o.value);
    const std::string key = normalizer_.name_key(o.value);
    if (key.empty()) return;
    bool exact = false;
    if (auto it = exact_queries_.find(key); it != exact_queries_.end()) {
      for (std::uint32_t qid : it->second)
        hits_.push_back({s, qid, primary, false, false, std::string(o.value)});
      exact = true;
    }
    if (auto it = loose_queries_.find(NameNormalizer::loose_from_key(key));
        it != loose_queries_.end()) {
      for (std::uint32_t qid : it->second) {
        // An exact hit for the same query makes the loose one redundant.
        if (exact) {
          const auto& e = exact_queries_[key];
          if (std::find(e.begin(), e.end(), qid) != e.end()) continue;
        }
        hits_.push_back({s, qid, primary, true, false, std::string(o.value)});
      }
    }
    return;
  }
  if (population) {
    const double v = std::strtod(std::string(o.value).c_str(), nullptr);
    if (v > 0) entities_[s].population = static_cast<std::uint64_t>(v);
    return;
  }
  if (type) {
    const auto [kind, rank] = kind_of_class(o.value);
    if (rank > kind_rank_[s]) {
      entities_[s].kind = kind;
      kind_rank_[s] = rank;
    }
    return;
  }
  // GeoNames properties.
  if (local == "featureCode" && o.is_iri()) {
    const std::string_view code = o.value.substr(0, vocab::kGn.size()) == vocab::kGn
                                      ? o.value.substr(vocab::kGn.size())
                                      : local_name(o.value);
    entities_[s].feature_code = std::string(code);
    entities_[s].kind = kind_of_feature_code(code);
    kind_rank_[s] = 3;
  } else if (local == "featureClass" && o.is_iri() && kind_rank_[s] < 2) {
    const std::string_view cls = local_name(o.value);
    entities_[s].kind = cls == "P"   ? EntityKind::City
                        : cls == "A" ? EntityKind::Place
                                     : EntityKind::Site;
    kind_rank_[s] = 2;
  } else if (local == "countryCode" && o.is_literal()) {
    entities_[s].country_code = std::string(o.value);
    // An ISO code is also a name of the country ("US", "UK"); the linker accepts such a match only
    // for a label of ours written as an abbreviation.
    if (auto it = exact_queries_.find(rdf::lowercase_ascii(o.value)); it != exact_queries_.end()) {
      for (std::uint32_t qid : it->second) {
        hits_.push_back({s, qid, false, false, true, std::string(o.value)});
      }
    }
  } else if (local == "parentCountry" && o.is_iri()) {
    const std::uint32_t parent = entity_index(o.value);
    entities_[s].parent_country = parent;
  } else if (local == "parentADM1" && o.is_iri()) {
    const std::uint32_t parent = entity_index(o.value);
    entities_[s].parent_adm1 = parent;
  }
}

void ExternalScan::finish() {
  country_by_code_.clear();
  for (std::uint32_t i = 0; i < entities_.size(); ++i) {
    const ExternalEntity& e = entities_[i];
    if (e.kind == EntityKind::Country && !e.country_code.empty()) {
      country_by_code_.emplace(rdf::lowercase_ascii(e.country_code), i);
    }
  }
}

std::size_t ExternalScan::described_count() const {
  return static_cast<std::size_t>(std::count_if(
      entities_.begin(), entities_.end(), [](const ExternalEntity& e) { return e.described; }));
}

std::uint32_t ExternalScan::country_of(std::uint32_t entity) const {
  const ExternalEntity& e = entities_[entity];
  if (e.kind == EntityKind::Country) return entity;
  if (e.parent_country != kNoEntity) return e.parent_country;
  if (!e.country_code.empty()) {
    if (auto it = country_by_code_.find(rdf::lowercase_ascii(e.country_code));
        it != country_by_code_.end()) {
      return it->second;
    }
  }
  return kNoEntity;
}

}  // namespace ng::link
