// Gazetteer: countries (with demonyms), first-level regions and cities from the generated
// TSV files in data/gazetteer/ (GeoNames ids; see docs/ontology.md for attribution).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/lexicon.hpp"

namespace ng::extract {

enum class PlaceKind : std::uint8_t { Country, Province, City };

struct Place {
  std::string geonames_id;
  std::string name;
  PlaceKind kind = PlaceKind::City;
  std::string country_iso2;
  std::string code;        // ISO 3166-1 alpha-2 or ISO 3166-2
  std::string admin1;      // regions and cities: first-level admin code
  std::string capital_id;  // countries: the capital's GeoNames id
  std::string demonym;     // countries: first demonym
  std::uint64_t population = 0;
  std::string lat, lon;    // WGS84 decimal degrees as written in the gazetteer (may be empty)
  bool ambiguous = false;  // the name is also a common English word
};

class Gazetteer {
 public:
  // Loads countries.tsv, regions.tsv and cities.tsv from `dir` (columns found by header name).
  // A missing regions or cities file is allowed; a missing countries file throws. Gazetteers
  // loaded from the same unchanged files with the same abbreviations share one parsed copy
  // (stage 1 and stage 2 both load it); add_name() adds to a layer of this Gazetteer's own.
  static Gazetteer load(const std::string& dir,
                        const std::unordered_set<std::string>& abbreviations);
  // Same from in-memory TSV text (tests).
  static Gazetteer parse(const std::string& countries, const std::string& regions,
                         const std::string& cities,
                         const std::unordered_set<std::string>& abbreviations);

  // value: place index
  const PhraseIndex& names() const { return names_.has_base() ? names_ : data_->names; }
  // value: country place index
  const PhraseIndex& demonyms() const { return demonyms_.has_base() ? demonyms_ : data_->demonyms; }
  const Place& place(std::uint32_t i) const { return data_->places[i]; }
  std::size_t size() const { return data_->places.size(); }
  std::optional<std::uint32_t> country(const std::string& iso2) const;
  // The place with this GeoNames id or ISO code (data/lexicon/place_aliases.tsv names its
  // places so); a scan, for start-up only.
  std::optional<std::uint32_t> find(std::string_view id_or_code) const;
  // Adds another spelling of a place (e.g. from data/lexicon/country_aliases.tsv).
  void add_name(std::vector<std::string> keys, std::uint32_t place);
  // Adds another demonym of a country (e.g. from data/lexicon/demonym_aliases.tsv).
  void add_demonym(std::vector<std::string> keys, std::uint32_t country);
  // True if the place is the capital of its country.
  bool is_capital(const Place& p) const;
  // The region (Province) of a city, if known.
  std::optional<std::uint32_t> region_of(const Place& city) const;

 private:
  struct Data {
    std::vector<Place> places;
    PhraseIndex names;
    PhraseIndex demonyms;
    std::unordered_map<std::string, std::uint32_t> country_by_iso2;
    std::unordered_map<std::string, std::uint32_t> region_by_admin1;  // "AF.13"
    void add_table(const std::string& content, PlaceKind kind, const std::string& name,
                   const std::unordered_set<std::string>& abbreviations);
  };
  std::shared_ptr<Data> data_ = std::make_shared<Data>();  // shared by load(): never changed
  PhraseIndex names_;     // after add_name(): data_->names plus the added spellings
  PhraseIndex demonyms_;  // after add_demonym(): data_->demonyms plus the added ones
};

}  // namespace ng::extract
