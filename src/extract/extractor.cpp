#include "extract/extractor.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "extract/article_run.hpp"
#include "extract/story_dates.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {
namespace fs = std::filesystem;
using namespace stage1;

namespace stage1 {

TypeMask mask_of_name_index(int index) {
  if (index < kConcreteTypes) return bit(index);
  if (index == kConcreteTypes) return kPlaceMask;
  if (index == kConcreteTypes + 1) return kOrgMask;
  return kActorMask;
}

const std::vector<std::string>& action_names() {
  static const std::vector<std::string> names = {
      "Person",   "Organization", "Government", "ArmedGroup", "MediaOutlet", "City",
      "Province", "Region",       "Site",       "Country",    "Alias",       "Event"};
  return names;
}

int type_of_action(const std::string& action) {
  const auto& names = rule_mention_types();
  auto it = std::find(names.begin(), names.end(), action);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

const char* class_local_name(int type) {
  switch (type) {
    case kCountry:
      return "Country";
    case kCity:
      return "City";
    case kProvince:
      return "Province";
    case kRegion:
      return "Region";
    case kSite:
      return "Site";
    case kPerson:
      return "Person";
    case kOrganization:
      return "Organization";
    case kGovernment:
      return "Government";
    case kArmedGroup:
      return "ArmedGroup";
    case kMediaOutlet:
      return "MediaOutlet";
    default:
      return "Actor";
  }
}

std::string slug(std::string_view text) {
  const std::string folded = fold_key(text);
  std::string out;
  bool dash = false;
  for (char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    if (keep) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "x" : out;
}

// A role compared without case, word order, "of/for" and British spellings:
// "Minister for Defence" == "defense minister".
std::string role_key(std::string_view role) {
  std::vector<std::string> words;
  std::string word;
  for (char c : fold_key(role) + " ") {
    if ((c >= 'a' && c <= 'z') || c == '-') {
      word += c;
    } else if (!word.empty()) {
      if (word == "defence") word = "defense";
      if (word != "for" && word != "of" && word != "the") words.push_back(word);
      word.clear();
    }
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) out += w + " ";
  return out;
}

}  // namespace stage1

ResourcePaths ResourcePaths::under(const std::string& root) {
  return ResourcePaths{root + "/ontology/rules", root + "/data/lexicon", root + "/data/gazetteer"};
}

ExtractStats& ExtractStats::operator+=(const ExtractStats& o) {
  articles += o.articles;
  sentences += o.sentences;
  actors += o.actors;
  locations += o.locations;
  events += o.events;
  triples += o.triples;
  return *this;
}

std::string article_iri(const std::string& article_id) {
  return std::string(vocab::kNgId) + "article/" + slug(article_id);
}
std::string graph_iri(const std::string& article_id) {
  return std::string(vocab::kNgId) + "graph/" + slug(article_id);
}

Extractor::Extractor(const ResourcePaths& paths) : res_(std::make_unique<Resources>()) {
  Resources& r = *res_;
  {
    const std::string content = read_resource_file(paths.lexicon_dir + "/abbreviations.txt");
    for (std::string_view line : split(content, '\n')) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      r.abbreviations.insert(fold_key(line));
    }
  }
  // Optional: without it, no line is taken for page furniture.
  if (const std::string noise = paths.lexicon_dir + "/page_noise.txt"; fs::exists(noise)) {
    r.page_noise = PageNoise::parse(read_resource_file(noise), noise);
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(paths.lexicon_dir)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::size_t> longest_phrases;  // per lexicon, in tokens: bounds @lexicon spans
  for (const fs::path& f : files) {
    const int id = static_cast<int>(r.lexicons.size());
    r.lexicon_id[f.stem().string()] = id;
    r.lexicon_names.push_back(f.stem().string());
    r.lexicons.push_back(Lexicon::load(f.string(), r.abbreviations));
    r.has_suffixes.push_back(false);
    longest_phrases.push_back(1);
    const Lexicon& lex = r.lexicons.back();
    auto& singles = r.single_words[f.stem().string()];
    for (std::uint32_t row = 0; row < lex.rows(); ++row) {
      for (std::string_view spelling : split(lex.get(row, lex.column(0)), '|')) {
        if (spelling.size() > 1 && spelling.front() == '*') {
          // A suffix pattern ("*-led"): data/lexicon files, docs/rules.md.
          r.has_suffixes.back() = true;
          r.combined.add_spelling(spelling, static_cast<std::uint32_t>(r.entries.size()),
                                  r.abbreviations);
          continue;
        }
        std::vector<std::string> keys = phrase_keys(spelling, r.abbreviations);
        if (keys.size() == 1) singles.insert(keys.front());
        longest_phrases.back() = std::max(longest_phrases.back(), keys.size());
        r.combined.add(std::move(keys), static_cast<std::uint32_t>(r.entries.size()));
      }
      r.entries.emplace_back(id, row);
    }
  }
  for (const char* needed : {"event_triggers", "time_words", "not_names", "organizations",
                             "casualty_words", "locative", "numbers"}) {
    r.required(needed);
  }
  r.gazetteer = Gazetteer::load(paths.gazetteer_dir, r.abbreviations);
  for (std::uint32_t i = 0; i < r.gazetteer.size(); ++i) {
    const Place& p = r.gazetteer.place(i);
    if (p.kind != PlaceKind::Country) continue;
    for (const std::string& w : {p.name, p.demonym}) {
      if (!w.empty() && w.find(' ') == std::string::npos) r.country_word.emplace(fold_key(w), i);
    }
  }
  // Spellings of a country in a lexicon with columns phrase (|-separated) and iso2.
  auto each_country_spelling = [&](const char* lexicon, const auto& add) {
    const Lexicon* lex = r.lexicon(lexicon);
    if (!lex) return;
    for (std::uint32_t row = 0; row < lex->rows(); ++row) {
      auto country = r.gazetteer.country(std::string(lex->get(row, "iso2")));
      if (!country) continue;
      for (std::string_view spelling : split(lex->get(row, "phrase"), '|')) add(spelling, *country);
    }
  };
  // Adjectives of states the gazetteer's demonyms lack ("Philippine").
  each_country_spelling("demonym_aliases", [&](std::string_view spelling, std::uint32_t country) {
    r.gazetteer.add_demonym(phrase_keys(spelling, r.abbreviations), country);
    if (spelling.find(' ') == std::string_view::npos) {
      r.country_word.emplace(fold_key(spelling), country);
    }
  });
  each_country_spelling("country_aliases", [&](std::string_view spelling, std::uint32_t country) {
    r.gazetteer.add_name(phrase_keys(spelling, r.abbreviations), country);
  });
  // Spellings of regions and towns that the generated gazetteer lacks ("Lower Shabelle" for
  // GeoNames' "Lower Shabeelle"): the mention links to the gazetteer's entry.
  if (const Lexicon* lex = r.lexicon("place_aliases")) {
    for (std::uint32_t row = 0; row < lex->rows(); ++row) {
      auto place = r.gazetteer.find(lex->get(row, "place"));
      if (!place) continue;
      for (std::string_view spelling : split(lex->get(row, "phrase"), '|')) {
        r.gazetteer.add_name(phrase_keys(spelling, r.abbreviations), *place);
      }
    }
  }
  RuleVocabulary vocab{r.lexicon_names, rule_mention_types(), action_names()};
  std::vector<fs::path> rule_files;
  for (const auto& entry : fs::directory_iterator(paths.rules_dir)) {
    if (entry.path().extension() == ".rules") rule_files.push_back(entry.path());
  }
  std::sort(rule_files.begin(), rule_files.end());
  for (const fs::path& f : rule_files) {
    std::vector<Rule> rules = parse_rules(read_resource_file(f.string()), f.string(), vocab);
    for (Rule& rule : rules) r.rules.push_back(std::move(rule));
  }
  r.rule_starts.emplace(r.rules, longest_phrases);
}

Extractor::~Extractor() = default;

std::size_t Extractor::rule_count() const { return res_->rules.size(); }

std::size_t Extractor::infer_story_dates(std::vector<Article>& articles) const {
  return ng::extract::infer_story_dates(articles, res_->required("time_words"),
                                        res_->abbreviations);
}

ExtractStats Extractor::extract(const Article& article, QuadSink& sink) const {
  ArticleRun run(*res_, article);
  return run.run(sink);
}

ExtractStats Extractor::extract(const Article& article, QuadSink& sink, TextAnalysis& text) const {
  ArticleRun run(*res_, article);
  ExtractStats stats = run.run(sink);
  run.take_text(text);
  run.hand_over_entities(text.entities);
  return stats;
}

}  // namespace ng::extract
