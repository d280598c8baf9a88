#include "extract/gazetteer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

namespace ng::extract {
namespace fs = std::filesystem;
namespace {

std::string read_all(const std::string& path, bool required) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (required) throw std::runtime_error(path + ": cannot open gazetteer file");
    return {};
  }
  // One read into a string of the file's size: a stream copy cost ~4M instructions for 4 MB.
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), size);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }
  return bytes;
}

std::uint64_t to_u64(std::string_view s) {
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

// Calls f(part) for each part of `s` between separators: split() without its vector (start-up
// splits some 180k lines, cells and alias lists).
template <class F>
void for_each_part(std::string_view s, char sep, const F& f) {
  while (true) {
    const std::size_t k = s.find(sep);
    f(s.substr(0, k));
    if (k == std::string_view::npos) return;
    s.remove_prefix(k + 1);
  }
}

}  // namespace

void Gazetteer::Data::add_table(const std::string& content, PlaceKind kind, const std::string& name,
                                const std::unordered_set<std::string>& abbreviations) {
  std::vector<std::string> header;
  std::size_t line_no = 0;
  auto col = [&](std::string_view c) -> int {
    for (std::size_t k = 0; k < header.size(); ++k) {
      if (header[k] == c) return static_cast<int>(k);
    }
    return -1;
  };
  struct DemonymRow {
    std::vector<std::string> keys;
    std::uint32_t id;
    std::uint64_t population;
  };
  std::vector<DemonymRow> shared_demonyms;
  int c_id = -1, c_name = -1, c_aliases = -1, c_country = -1, c_code = -1, c_admin1 = -1,
      c_pop = -1, c_amb = -1, c_capital = -1, c_demonyms = -1, c_lat = -1, c_long = -1;
  // Reused from row to row: ~45k rows with ~180k spellings.
  std::vector<std::string_view> cells;
  PhraseKeys keys;
  std::size_t lines = 0;
  for_each_part(content, '\n', [&](std::string_view) { ++lines; });  // memchr, not byte by byte
  places.reserve(places.size() + lines);
  // A row has about four spellings with three first words among them (cities.tsv: 183k
  // spellings, 134k first words in 46k rows).
  names.reserve(3 * lines, 4 * lines);
  for_each_part(content, '\n', [&](std::string_view line) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') return;
    cells.clear();
    for_each_part(line, '\t', [&](std::string_view c) { cells.push_back(c); });
    if (header.empty()) {
      for (std::string_view c : cells) header.emplace_back(c);
      c_id = col("geonames_id");
      c_name = col("name");
      c_aliases = col("aliases");
      c_country = kind == PlaceKind::Country ? col("iso2") : col("country_iso2");
      c_code = kind == PlaceKind::Country ? col("iso2") : col("code");
      c_admin1 = col("admin1_code");
      c_pop = col("population");
      c_amb = col("ambiguous");
      c_capital = col("capital_geonames_id");
      c_demonyms = col("demonyms");
      c_lat = col("lat");
      c_long = col("long");
      if (c_id < 0 || c_name < 0) {
        throw std::runtime_error(name + ":1: header needs geonames_id and name");
      }
      return;
    }
    auto cell = [&](int c) -> std::string_view {
      return c >= 0 && static_cast<std::size_t>(c) < cells.size()
                 ? cells[static_cast<std::size_t>(c)]
                 : std::string_view{};
    };
    if (cell(c_name).empty() || cell(c_id).empty()) return;
    // Filled in its final place, not moved there: ~45k places of nine strings (appended to
    // the empty strings: cheaper than assigning).
    const auto id = static_cast<std::uint32_t>(places.size());
    Place& p = places.emplace_back();
    p.geonames_id.append(cell(c_id));
    p.name.append(cell(c_name));
    p.kind = kind;
    p.country_iso2.append(cell(c_country));
    p.code.append(cell(c_code));
    p.admin1.append(cell(c_admin1));
    p.capital_id.append(cell(c_capital));
    p.population = to_u64(cell(c_pop));
    p.lat.append(cell(c_lat));
    p.lon.append(cell(c_long));
    p.ambiguous = cell(c_amb) == "1";
    auto add_name = [&](std::string_view spelling) {
      phrase_keys(spelling, abbreviations, keys);
      names.add(keys, id);
    };
    add_name(p.name);
    for_each_part(cell(c_aliases), '|', [&](std::string_view alias) {
      if (alias.size() >= 2) add_name(alias);
    });
    bool first_demonym = true;
    for_each_part(cell(c_demonyms), '|', [&](std::string_view d) {
      if (d.size() < 3) return;
      if (first_demonym) p.demonym = d;
      first_demonym = false;
      shared_demonyms.push_back({phrase_keys(d, abbreviations), id, p.population});
    });
    if (kind == PlaceKind::Country && !p.code.empty()) country_by_iso2.emplace(p.code, id);
    if (kind == PlaceKind::Province && !p.admin1.empty()) {
      region_by_admin1.emplace(p.country_iso2 + "." + p.admin1, id);
    }
  });
  // A demonym two places share ("Dutch": the Netherlands, Caribbean Netherlands; "Congolese")
  // names the more populous one: the earliest added wins a tie in the index.
  std::stable_sort(
      shared_demonyms.begin(), shared_demonyms.end(),
      [](const DemonymRow& a, const DemonymRow& b) { return a.population > b.population; });
  for (DemonymRow& d : shared_demonyms) demonyms.add(std::move(d.keys), d.id);
}

Gazetteer Gazetteer::parse(const std::string& countries, const std::string& regions,
                           const std::string& cities,
                           const std::unordered_set<std::string>& abbreviations) {
  Gazetteer g;
  g.data_->add_table(countries, PlaceKind::Country, "countries.tsv", abbreviations);
  g.data_->add_table(regions, PlaceKind::Province, "regions.tsv", abbreviations);
  g.data_->add_table(cities, PlaceKind::City, "cities.tsv", abbreviations);
  return g;
}

Gazetteer Gazetteer::load(const std::string& dir,
                          const std::unordered_set<std::string>& abbreviations) {
  // The cache key: the folder, each file's size and time, and the abbreviations (they decide
  // how names are tokenised). Entries are weak: the data lives as long as a Gazetteer uses it.
  std::string key = dir;
  for (const char* file : {"/countries.tsv", "/regions.tsv", "/cities.tsv"}) {
    std::error_code ec;
    const fs::path path = dir + file;
    const auto size = fs::file_size(path, ec);
    const auto time = fs::last_write_time(path, ec);
    key += '\n' + std::to_string(ec ? 0 : size) + ':' +
           std::to_string(ec ? 0 : time.time_since_epoch().count());
  }
  std::vector<std::string> abbr(abbreviations.begin(), abbreviations.end());
  std::sort(abbr.begin(), abbr.end());
  for (const std::string& a : abbr) key += '\n' + a;
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<Data>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  Gazetteer g;
  if (auto cached = cache[key].lock()) {
    g.data_ = std::move(cached);
  } else {
    g = parse(read_all(dir + "/countries.tsv", true), read_all(dir + "/regions.tsv", false),
              read_all(dir + "/cities.tsv", false), abbreviations);
    cache[key] = g.data_;
  }
  return g;
}

void Gazetteer::add_name(std::vector<std::string> keys, std::uint32_t place) {
  if (!names_.has_base()) names_.set_base(std::shared_ptr<const PhraseIndex>(data_, &data_->names));
  names_.add(std::move(keys), place);
}

void Gazetteer::add_demonym(std::vector<std::string> keys, std::uint32_t country) {
  if (!demonyms_.has_base()) {
    demonyms_.set_base(std::shared_ptr<const PhraseIndex>(data_, &data_->demonyms));
  }
  demonyms_.add(std::move(keys), country);
}

std::optional<std::uint32_t> Gazetteer::country(const std::string& iso2) const {
  auto it = data_->country_by_iso2.find(iso2);
  if (it == data_->country_by_iso2.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> Gazetteer::find(std::string_view id_or_code) const {
  if (id_or_code.empty()) return std::nullopt;
  for (std::size_t i = 0; i < data_->places.size(); ++i) {
    const Place& p = data_->places[i];
    if (p.geonames_id == id_or_code || p.code == id_or_code) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

bool Gazetteer::is_capital(const Place& p) const {
  if (p.kind != PlaceKind::City) return false;
  auto c = country(p.country_iso2);
  return c && data_->places[*c].capital_id == p.geonames_id;
}

std::optional<std::uint32_t> Gazetteer::region_of(const Place& city) const {
  if (city.admin1.empty()) return std::nullopt;
  auto it = data_->region_by_admin1.find(city.country_iso2 + "." + city.admin1);
  if (it == data_->region_by_admin1.end()) return std::nullopt;
  return it->second;
}

}  // namespace ng::extract
