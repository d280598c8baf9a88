// What the linker needs to know about the entities of external data sets, read by streaming the
// files once: kind (from GeoNames feature codes or rdf:type), population, country, first-level
// parent, and which of their labels match the names we look for.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "link/normalize.hpp"
#include "store/statement_stream.hpp"

namespace ng::link {

// Kind of an entity, ours or external, as far as linking cares.
enum class EntityKind : std::uint8_t {
  Unknown,    // no type information
  Place,      // some place, kind not known (gn:Feature without a code, schema:Place)
  Country,    // independent or dependent political entity (gn:A.PCL*, schema:Country)
  Province,   // first-level division (gn:A.ADM1, schema:State, dbo:Province)
  AdminArea,  // lower divisions (gn:A.ADM2..5)
  City,       // populated place (gn:P.*, schema:City, dbo:Town, dbo:Village)
  Region,     // ours only: an informal area
  Site,       // ours only: a facility; external: other feature classes (gn:S, T, H ...)
  Person,
  Organization,
  Actor,  // ours only: an actor of unknown kind
};

std::string_view kind_name(EntityKind kind);

inline constexpr std::uint32_t kNoEntity = 0xFFFFFFFFu;

struct ExternalEntity {
  EntityKind kind = EntityKind::Unknown;
  std::string feature_code;  // GeoNames code without namespace ("P.PPLC"), empty if none
  std::uint64_t population = 0;
  std::string country_code;  // ISO 3166-1 alpha-2 (gn:countryCode), empty if none
  std::uint32_t parent_country = kNoEntity;
  std::uint32_t parent_adm1 = kNoEntity;
  std::string name;        // first primary label seen (for reports)
  bool described = false;  // appeared as a subject
};

// A label of an external entity that matches a name we look for.
struct LabelHit {
  std::uint32_t entity = 0;
  std::uint32_t query = 0;  // index into the query keys (ExternalScan::add_query)
  bool primary = false;     // gn:name / rdfs:label ... rather than an alternate name
  bool loose = false;       // matched on loose_key only
  bool code = false;        // matched the entity's country code (gn:countryCode of a country)
  std::string label;        // the external label as written
};

// Label properties used when none are configured.
std::vector<std::string> default_label_properties();
// Alternate-name properties: a match on them is weaker than on a primary name.
bool is_alternate_label_property(std::string_view iri);

class ExternalScan {
 public:
  // `label_properties`: full IRIs; empty = default_label_properties().
  explicit ExternalScan(std::vector<std::string> label_properties);

  // Registers a name key to look for (a name_key of one of our labels); returns its query index.
  // The loose key is registered too. Register every query before scanning.
  std::uint32_t add_query(const std::string& key);

  // Streams one file. Throws as stream_file does.
  void scan(const std::string& path);
  // Resolves parents and countries once every file is scanned.
  void finish();

  const std::vector<LabelHit>& hits() const { return hits_; }
  const ExternalEntity& entity(std::uint32_t i) const { return entities_[i]; }
  const std::string& iri(std::uint32_t i) const { return *iris_[i]; }
  std::size_t entity_count() const { return entities_.size(); }
  std::size_t described_count() const;
  std::size_t statements() const { return statements_; }
  // The entity with this IRI, or kNoEntity.
  std::uint32_t find(const std::string& iri) const {
    auto it = by_iri_.find(iri);
    return it == by_iri_.end() ? kNoEntity : it->second;
  }
  // The country an entity lies in (itself for a country), or kNoEntity.
  std::uint32_t country_of(std::uint32_t entity) const;

 private:
  std::uint32_t entity_index(std::string_view iri);
  void on_quad(const store::StreamedQuad& q);

  NameNormalizer normalizer_;
  std::vector<std::string> label_properties_;
  std::vector<bool> label_alternate_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> exact_queries_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> loose_queries_;
  std::uint32_t query_count_ = 0;

  std::unordered_map<std::string, std::uint32_t> by_iri_;
  std::vector<const std::string*> iris_;
  std::vector<ExternalEntity> entities_;
  std::vector<std::uint8_t> kind_rank_;  // how specific the evidence for `kind` was
  std::unordered_map<std::string, std::uint32_t> country_by_code_;
  std::vector<LabelHit> hits_;
  std::size_t statements_ = 0;
  std::string last_subject_;
  std::uint32_t last_subject_index_ = kNoEntity;
};

}  // namespace ng::link
