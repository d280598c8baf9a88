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

#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/rules.hpp"
#include "extract/start_index.hpp"
#include "extract/story_dates.hpp"
#include "extract/text.hpp"
#include "extract/time_expr.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {
namespace fs = std::filesystem;

// ------------------------------------------------------------------ mention types

namespace {

// Concrete mention types; the order is the bit position in a TypeMask.
enum MType : int {
  kCountry,
  kDemonym,
  kCity,
  kProvince,
  kRegion,
  kSite,
  kPerson,
  kOrganization,
  kGovernment,
  kArmedGroup,
  kMediaOutlet,
  kConcreteTypes
};
using TypeMask = std::uint32_t;
constexpr TypeMask bit(int t) { return TypeMask{1} << t; }
constexpr TypeMask kPlaceMask =
    bit(kCountry) | bit(kCity) | bit(kProvince) | bit(kRegion) | bit(kSite);
constexpr TypeMask kOrgMask =
    bit(kOrganization) | bit(kGovernment) | bit(kArmedGroup) | bit(kMediaOutlet);
constexpr TypeMask kActorMask = bit(kPerson) | kOrgMask | bit(kCountry);

// Names usable in rules: the concrete types, then composites.
const std::vector<std::string>& mention_type_names() {
  static const std::vector<std::string> names = {
      "Country",      "Demonym",    "City",       "Province",    "Region", "Site", "Person",
      "Organization", "Government", "ArmedGroup", "MediaOutlet", "Place",  "Org",  "Actor"};
  return names;
}
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
  const auto& names = mention_type_names();
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

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

// ------------------------------------------------------------------ resources

struct Extractor::Resources {
  std::unordered_set<std::string> abbreviations;
  std::vector<std::string> lexicon_names;
  std::vector<Lexicon> lexicons;
  std::map<std::string, int, std::less<>> lexicon_id;
  Gazetteer gazetteer;
  std::vector<Rule> rules;
  std::optional<StartIndex> rule_starts;  // built from `rules` once they are all loaded
  // Single-token country names and demonyms, for hyphenated compounds ("Qatari-mediated").
  std::unordered_map<std::string, std::uint32_t> country_word;

  const Lexicon* lexicon(std::string_view name) const {
    auto it = lexicon_id.find(name);
    return it == lexicon_id.end() ? nullptr : &lexicons[static_cast<std::size_t>(it->second)];
  }
  const Lexicon& required(std::string_view name) const {
    const Lexicon* lex = lexicon(name);
    if (!lex) throw std::runtime_error("lexicon '" + std::string(name) + ".tsv' is missing");
    return *lex;
  }
  // Single-word entries of each lexicon, for membership tests.
  // Lookups take views (lexicon names are literals at the call sites): no string is built.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;
  std::unordered_map<std::string, WordSet, ViewHash, std::equal_to<>> single_words;
  bool in(std::string_view lexicon_name, std::string_view key) const {
    auto it = single_words.find(lexicon_name);
    return it != single_words.end() && it->second.find(key) != it->second.end();
  }
  // All lexicons in one index (value: position in `entries`), so a token costs one lookup.
  PhraseIndex combined;
  std::vector<std::pair<int, std::uint32_t>> entries;  // lexicon, row
};

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
    const std::string content = read_file(paths.lexicon_dir + "/abbreviations.txt");
    for (std::string_view line : split(content, '\n')) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      r.abbreviations.insert(fold_key(line));
    }
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(paths.lexicon_dir)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const int id = static_cast<int>(r.lexicons.size());
    r.lexicon_id[f.stem().string()] = id;
    r.lexicon_names.push_back(f.stem().string());
    r.lexicons.push_back(Lexicon::load(f.string(), r.abbreviations));
    const Lexicon& lex = r.lexicons.back();
    auto& singles = r.single_words[f.stem().string()];
    for (std::uint32_t row = 0; row < lex.rows(); ++row) {
      for (std::string_view spelling : split(lex.get(row, lex.column(0)), '|')) {
        if (spelling.size() > 1 && spelling.front() == '*') {
          // A suffix pattern ("*-led"): data/lexicon files, docs/rules.md.
          r.combined.add_spelling(spelling, static_cast<std::uint32_t>(r.entries.size()),
                                  r.abbreviations);
          continue;
        }
        std::vector<std::string> keys = phrase_keys(spelling, r.abbreviations);
        if (keys.size() == 1) singles.insert(keys.front());
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
  RuleVocabulary vocab{r.lexicon_names, mention_type_names(), action_names()};
  std::vector<fs::path> rule_files;
  for (const auto& entry : fs::directory_iterator(paths.rules_dir)) {
    if (entry.path().extension() == ".rules") rule_files.push_back(entry.path());
  }
  std::sort(rule_files.begin(), rule_files.end());
  for (const fs::path& f : rule_files) {
    std::vector<Rule> rules = parse_rules(read_file(f.string()), f.string(), vocab);
    for (Rule& rule : rules) r.rules.push_back(std::move(rule));
  }
  r.rule_starts.emplace(r.rules);
}

Extractor::~Extractor() = default;

std::size_t Extractor::rule_count() const { return res_->rules.size(); }

std::size_t Extractor::infer_story_dates(std::vector<Article>& articles) const {
  return ng::extract::infer_story_dates(articles, res_->required("time_words"),
                                        res_->abbreviations);
}

// ------------------------------------------------------------------ per-article state

namespace {

struct Mention {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;  // token range of the whole match
  std::uint32_t end = 0;
  std::uint32_t name_begin = 0;  // token range of the name
  std::uint32_t name_end = 0;
  int type = -1;
  int entity = -1;
  bool weak = false;  // a gazetteer city/province that a name rule may override
  bool locative = false;
  bool metonym = false;   // a capital standing for its state ("Islamabad said")
  int stands_for = -1;    // the country entity of a metonym
  bool dateline = false;  // where the report was filed, not where events happened
  bool party = false;     // "talks between A and B": a party to an event, not a place
  bool dropped = false;
};

struct Entity {
  int type = -1;
  std::string key;
  std::string label;
  std::vector<std::string> alt_labels;
  std::string role;
  int affiliation = -1;
  int part_of = -1;
  int place = -1;  // gazetteer index
  bool as_actor = false;
  bool as_place = false;
  std::vector<std::string> parts;  // token keys of the label (persons)
  bool unnamed = false;            // a person known by office only
  bool written = false;  // a country's label is a name the article wrote (not a demonym's state)
  std::set<std::string> ref_nouns;  // place nouns it was introduced with ("the town of X")
  int merged_into = -1;             // an unnamed person found to be a named one
  std::vector<std::uint32_t> sentences;
  std::string iri;
};

struct Event {
  std::string cls;
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0, end = 0;  // trigger tokens
  std::string pos;
  std::vector<int> locations;
  std::vector<int> context;
  std::vector<int> landmarks;  // places it happened "west of": context when it has a location
  std::vector<int> agents;
  std::vector<int> targets;
  std::string time_text;
  std::string date;
  // No time expression in its sentence, none inherited, no cue of undated_event_cues.tsv: an
  // event of the report's day (date_by_report).
  bool report_day = false;
  std::map<std::string, std::string> figures;  // killed/wounded/... -> number or word
  std::string qualifier;
  std::vector<std::uint32_t> more_sentences;  // evidence of reports merged into this one
  bool merged = false;
  bool dropped = false;        // no event at all: merged, and gives nothing to the others
  bool reported_time = false;  // its sentence dates the report ("said on Friday")
  bool since_span = false;     // dated by a span it opens ("have attacked ships since 2023")
  int venue = -1;              // where envoys were sent for it ("send a delegation to X for talks")
  bool from_scene = false;     // placed by the sentence before (place_from_scene)
};

struct Lexeme {
  int lexicon;
  std::uint32_t length;
  std::uint32_t row;
};

class ArticleRun : public MatchContext {
 public:
  ArticleRun(const Extractor::Resources& res, const Article& article)
      : res_(res), article_(article) {
    const auto it = res_.lexicon_id.find("affiliation_prefixes");
    if (it != res_.lexicon_id.end()) affiliation_prefixes_ = it->second;
  }

  ExtractStats run(QuadSink& sink);
  // After run(): the normalised text, tokens and sentences, moved out.
  void take_text(TextAnalysis& out) {
    out.norm = std::move(norm_);
    out.tokens = std::move(tokens_);
    out.sentences = std::move(sentences_);
    out.abbreviations = &res_.abbreviations;
  }

  // MatchContext
  const std::vector<Token>& tokens() const override { return tokens_; }
  void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const override {
    out.clear();
    if (((lex_mask_[i] >> (id % 64)) & 1U) == 0) return;
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == id) out.push_back(lexemes_[k].length);
    }
  }
  std::uint64_t lexicon_mask(std::size_t i) const override { return lex_mask_[i]; }
  bool lexicon_starts(int id, std::size_t i) const override {
    if (((lex_mask_[i] >> (id % 64)) & 1U) == 0) return false;
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == id) return true;
    }
    return false;
  }
  void mention_spans(const std::vector<int>& types, std::size_t i,
                     std::vector<std::uint32_t>& out) const override {
    out.clear();
    const TypeMask mask = mask_for(types);
    ensure_cover();
    if ((start_mask_[i] & mask) == 0) return;
    for (std::size_t m = sentence_mentions_begin_; m < mentions_.size(); ++m) {
      const Mention& mn = mentions_[m];
      if (!mn.dropped && mn.begin == i && (bit(mn.type) & mask)) out.push_back(mn.end - mn.begin);
    }
    std::sort(out.rbegin(), out.rend());
  }
  bool covered(const std::vector<int>& types, std::size_t i) const override {
    ensure_cover();
    return (cover_mask_[i] & mask_for(types)) != 0;
  }
  // start_mask_ has a type's bit exactly where mention_spans would list a mention of it.
  bool mention_starts_or_covers(const std::vector<int>& types, std::size_t i) const override {
    ensure_cover();
    return ((start_mask_[i] | cover_mask_[i]) & mask_for(types)) != 0;
  }
  bool sentence_start(std::size_t i) const override { return i == cur_first_; }
  bool is_name(std::size_t i) const override {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::Word || t.is(kAllCaps)) return false;
    if (!t.is(kCapitalized)) {
      // Arabic article prefixes: "al-Khulaifi", "el-Sisi".
      const std::size_t dash = t.key.find('-');
      if (dash == std::string::npos || dash > 3 ||
          !res_.in("name_particles", t.key.substr(0, dash))) {
        return false;
      }
      const char next = norm_.text[t.begin + dash + 1];
      if (!(next >= 'A' && next <= 'Z')) return false;
    }
    if (not_name_[i]) return false;
    // "Kremlin-backed", "Houthi-run": who backs or runs a body is not part of a name.
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == affiliation_prefixes_) return false;
    }
    // An abbreviated title ("Lt.", "Gen.", "Dr.") is never part of the name that follows it.
    if (t.key.size() > 1 && t.key.back() == '.' && title_at(static_cast<std::uint32_t>(i))) {
      return false;
    }
    ensure_cover();
    if (strong_cover_[i]) return false;
    return true;
  }

 private:
  // Per-token summaries of the sentence's mentions, rebuilt when mentions change (an add, a
  // drop or a span change bumps the version), so matching tests cost O(1).
  void ensure_cover() const {
    const std::size_t version = mentions_.size() + changes_;
    if (version == cover_version_ && cover_mask_.size() == tokens_.size()) return;
    cover_version_ = version;
    if (cover_mask_.size() != tokens_.size()) {
      cover_mask_.assign(tokens_.size(), 0);
      start_mask_.assign(tokens_.size(), 0);
      strong_cover_.assign(tokens_.size(), false);
    }
    for (std::uint32_t k = cur_first_; k < cur_last_; ++k) {
      cover_mask_[k] = 0;
      start_mask_[k] = 0;
      strong_cover_[k] = false;
    }
    for (std::size_t m = sentence_mentions_begin_; m < mentions_.size(); ++m) {
      const Mention& mn = mentions_[m];
      if (mn.dropped || mn.type < 0) continue;
      start_mask_[mn.begin] |= bit(mn.type);
      for (std::uint32_t k = mn.begin; k < mn.end; ++k) {
        cover_mask_[k] |= bit(mn.type);
        if (!mn.weak) strong_cover_[k] = true;
      }
    }
  }
  static TypeMask mask_for(const std::vector<int>& types) {
    TypeMask mask = 0;
    for (int t : types) mask |= mask_of_name_index(t);
    return mask;
  }
  std::string surface(std::uint32_t b, std::uint32_t e) const {
    if (b >= e) return {};
    return norm_.text.substr(tokens_[b].begin, tokens_[e - 1].end - tokens_[b].begin);
  }
  void index_lexemes(std::size_t b, std::size_t e);
  void gazetteer_mentions(const Sentence& s, std::uint32_t si);
  void known_mentions(const Sentence& s, std::uint32_t si);
  int nation_before(std::uint32_t i) const;
  bool acronym_only(const Lexicon& lex, std::uint32_t row, const Token& token) const;
  bool is_national_body(std::uint32_t i, std::uint32_t length) const;
  void capital_mentions(const Sentence& s, std::uint32_t si);
  void reference_mentions(const Sentence& s, std::uint32_t si);
  // A mention of an entity named earlier, by a word that refers back to it ("the capital",
  // "the town", "the insurgents"), over tokens [begin, end).
  void add_reference(std::uint32_t si, std::uint32_t begin, std::uint32_t end, int type, int entity,
                     bool locative) {
    Mention m;
    m.sentence = si;
    m.begin = m.name_begin = begin;
    m.end = m.name_end = end;
    m.type = type;
    m.entity = entity;
    m.locative = locative;
    mentions_.push_back(m);
    ++changes_;
  }
  void group_references(const Sentence& s, std::uint32_t si);
  void apply_rules(const Sentence& s, std::uint32_t si);
  void apply_action(const Rule& rule, const RuleMatch& m, std::uint32_t si);
  int add_mention(Mention m, const std::string& label, const std::string& role, int affiliation);
  int resolve_entity(int type, const std::string& label, int place);
  bool first_name_refers(int person) const;
  void note_first_name(int entity, std::uint32_t begin, std::uint32_t end);
  bool is_locative(std::uint32_t si, std::uint32_t b) const;
  void events_for(const Sentence& s, std::uint32_t si);
  void merge_events();
  void date_by_report();
  bool time_clause_break(std::uint32_t from, std::uint32_t to) const;
  bool undated_cue_before(const Event& ev, std::uint32_t first) const;
  bool not_event_cue_before(std::uint32_t b, std::uint32_t first) const;
  bool hypothetical_cue_before(std::uint32_t b, std::uint32_t first) const;
  bool cue_before(const char* lexicon, std::uint32_t b, std::uint32_t first) const;
  void mark_parties(const Sentence& s);
  void drop_credit_places(const Sentence& s);
  bool counted_object_near(std::uint32_t b, std::uint32_t e, std::uint32_t first,
                           std::uint32_t last) const;
  void merge_unnamed_persons();
  bool locative_phrase_before(std::uint32_t i) const;
  // The time expression at token `b` follows a speech verb ("said on Tuesday", "told
  // reporters on Monday"): it dates the report, not the event reported.
  bool speech_time(std::uint32_t b, std::uint32_t first) const {
    for (std::uint32_t k = b, n = 0; k > first && n < 3; ++n) {
      --k;
      const Token& t = tokens_[k];
      if (t.kind == TokenKind::Punct) return false;
      if (res_.in("speech_verbs", t.key)) return true;
    }
    return false;
  }
  // A phrase of data/lexicon/person_titles.tsv starts at token i.
  bool title_at(std::uint32_t i) const {
    const int titles = res_.lexicon_id.at("person_titles");
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == titles) return true;
    }
    return false;
  }
  // The entity of the first actor mention of the sentence that starts before token `end`
  // (persons, organisations and countries before demonyms; no outlets, no places after a
  // locative or "by"), or -1.
  int first_actor_before(std::uint32_t end, std::uint32_t first) const;
  // Token i follows "by" or "by the" (not before `first`): the object of a passive agent phrase.
  bool after_by(std::uint32_t i, std::uint32_t first) const {
    if (i > first && tokens_[i - 1].key == "by") return true;
    return i > first + 1 && tokens_[i - 1].key == "the" && tokens_[i - 2].key == "by";
  }
  void casualties(const Sentence& s, std::vector<Event*>& evs);
  int entity_in_range(std::uint32_t b, std::uint32_t e, TypeMask mask) const;
  bool contains(int outer, int inner) const;
  std::string entity_iri(const Entity& e) const;
  ExtractStats emit(QuadSink& sink);

  const Extractor::Resources& res_;
  const Article& article_;
  NormalizedText norm_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<bool> not_name_;
  int last_capital_ = -1;  // the entity of the last capital city named (not in a dateline)
  // Cities, provinces, regions and sites named, in text order: entity, type of the mention.
  std::vector<std::pair<int, int>> named_places_;
  int last_group_ = -1;               // the last armed group named
  std::uint32_t dateline_begin_ = 0;  // the opening dateline's tokens (after a headline line)
  std::uint32_t dateline_end_ = 0;    // the dash that ends it, 0 if none
  std::vector<bool> gazetteer_hit_;   // token starts a gazetteer name or demonym somewhere
  std::vector<Lexeme> lexemes_;
  StartIndex::Starts starts_;  // rules that may start at each token of the current sentence
  std::vector<std::uint32_t> lex_start_;
  std::vector<std::uint64_t> lex_mask_;  // per token: bit l % 64 set if lexicon l starts there
  std::vector<Mention> mentions_;
  std::size_t sentence_mentions_begin_ = 0;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> entity_by_key_;
  PhraseIndex known_;              // names of this article's actors seen so far -> entity
  int affiliation_prefixes_ = -1;  // lexicon id of "Kremlin-backed", "Houthi-run", ...
  std::vector<Event> events_;
  std::vector<std::pair<std::uint32_t, std::string>> rule_triggers_;
  int locative_lex_ = res_.lexicon_id.at("locative");
  std::size_t changes_ = 0;  // drops and span changes of mentions (see ensure_cover)
  std::uint32_t focus_sentence_ = 0;
  std::string focus_date_;               // last resolved date, valid for the next sentence
  std::set<std::string> focus_classes_;  // classes of the events focus_date_ dates
  // The places of the last sentence that reported no event ("Life in X, a town west of Y, has
  // been paralysed."): the scene for an unplaced event of the next sentence (place_from_scene).
  struct Scene {
    std::uint32_t sentence = ~0U;
    std::vector<int> places;
    std::vector<int> landmarks;  // bearings' reference points and neighbours across a border
  } scene_;
  void record_scene(const Sentence& s, std::uint32_t si);
  void place_from_scene(std::uint32_t si, const std::vector<std::size_t>& local);
  void truce_after_fighting(std::uint32_t si, const std::vector<std::size_t>& local);
  void merge_framing_event(const Sentence& s, const std::vector<std::size_t>& local);
  bool same_phrase_place(const Event& ev, const Mention& mn,
                         const std::vector<std::size_t>& local) const;
  bool background_trend(const Event& ev, const Sentence& s,
                        const std::vector<std::size_t>& local) const;
  bool tally_over_span(const Event& ev, const Sentence& s, const std::vector<TimeExpression>& times,
                       const std::vector<std::size_t>& local) const;
  bool same_paragraph(std::uint32_t earlier, std::uint32_t later) const;
  bool bounds_only(const Sentence& s, const Mention& mn) const;
  // The narrative's time: the value of the article's last time expression so far ("" when it
  // was not resolved), `narrative_seen_` once there is one.
  std::string narrative_time_;
  bool narrative_seen_ = false;
  bool narrative_recent() const { return !narrative_seen_ || recent(narrative_time_); }
  bool recent(const std::string& value) const;
  void narrate(const std::vector<TimeExpression>& times) {
    for (const TimeExpression& te : times) {
      narrative_time_ = te.value;
      narrative_seen_ = true;
    }
  }
  std::uint32_t cur_first_ = 0, cur_last_ = 0;  // token range of the current sentence
  mutable std::size_t cover_version_ = static_cast<std::size_t>(-1);
  mutable std::vector<TypeMask> cover_mask_;
  mutable std::vector<TypeMask> start_mask_;
  mutable std::vector<bool> strong_cover_;   // token, class (this sentence)
  std::set<std::string> article_countries_;  // ISO2 of countries named in the article
};

// Lexicon matches for tokens [b, e), kept as flat arrays (one hash lookup per token and lexicon
// only where the first token is present).
void ArticleRun::index_lexemes(std::size_t b, std::size_t e) {
  lexemes_.clear();
  lex_start_.assign(tokens_.size() + 1, 0);
  lex_mask_.assign(tokens_.size() + 1, 0);
  std::vector<PhraseIndex::Match> matches;
  for (std::size_t i = b; i < e; ++i) {
    lex_start_[i] = static_cast<std::uint32_t>(lexemes_.size());
    res_.combined.match(tokens_, i, e, matches);
    for (const auto& m : matches) {
      const auto& [lexicon, row] = res_.entries[m.value];
      lexemes_.push_back(Lexeme{lexicon, m.length, row});
      lex_mask_[i] |= std::uint64_t{1} << (lexicon % 64);
    }
  }
  for (std::size_t i = e; i <= tokens_.size(); ++i) {
    lex_start_[i] = static_cast<std::uint32_t>(lexemes_.size());
  }
}

int ArticleRun::first_actor_before(std::uint32_t end, std::uint32_t first) const {
  int best = -1, best_demonym = -1;
  std::uint32_t best_begin = end, demonym_begin = end;
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.end > end) continue;
    if (mn.type == kMediaOutlet || (mn.type == kCountry && mn.locative)) continue;
    if (!(bit(mn.type == kDemonym ? kCountry : mn.type) & kActorMask) && !mn.metonym) continue;
    if (mn.type == kCity && !mn.metonym) continue;
    if (mn.begin > first && (locative_phrase_before(mn.begin) || after_by(mn.begin, first)))
      continue;
    const int who = mn.metonym ? mn.stands_for : mn.entity;
    if (mn.type == kDemonym) {
      if (mn.begin < demonym_begin) {
        demonym_begin = mn.begin;
        best_demonym = who;
      }
    } else if (mn.begin < best_begin) {
      best_begin = mn.begin;
      best = who;
    }
  }
  return best >= 0 ? best : best_demonym;
}

bool ArticleRun::locative_phrase_before(std::uint32_t i) const {
  // "called on X", "pressure on X": not where (data/lexicon/not_locative.tsv).
  const auto nl = res_.lexicon_id.find("not_locative");
  for (std::uint32_t len = 2; nl != res_.lexicon_id.end() && len <= 3 && len <= i; ++len) {
    const std::uint32_t start = i - len;
    for (std::uint32_t k = lex_start_[start]; k < lex_start_[start + 1]; ++k) {
      if (lexemes_[k].lexicon == nl->second && lexemes_[k].length == len) return false;
    }
  }
  // "in X", "city of X": a locative word or phrase ends right before token i.
  for (std::uint32_t len = 1; len <= 2 && len <= i; ++len) {
    const std::uint32_t start = i - len;
    for (std::uint32_t k = lex_start_[start]; k < lex_start_[start + 1]; ++k) {
      if (lexemes_[k].lexicon == locative_lex_ && lexemes_[k].length == len) return true;
    }
  }
  return false;
}

bool ArticleRun::is_locative(std::uint32_t si, std::uint32_t b) const {
  const Sentence& s = sentences_[si];
  std::uint32_t i = b;
  // Walk back over a list of places ("in Kabul, Kandahar as well as Paktia").
  while (i > s.first_token) {
    const Token& prev = tokens_[i - 1];
    if (locative_phrase_before(i)) return true;
    // "in central Khartoum", "in northern Gaza": a compass word between.
    if (prev.key == "," || prev.key == "and" || prev.key == "or" || prev.key == "well" ||
        prev.key == "as" || prev.key == "the" || res_.in("compass", prev.key)) {
      --i;
      continue;
    }
    // Skip back over an earlier place of the list.
    bool skipped = false;
    for (std::size_t m = sentence_mentions_begin_; m < mentions_.size(); ++m) {
      const Mention& mn = mentions_[m];
      if (!mn.dropped && mn.end == i && (bit(mn.type) & kPlaceMask)) {
        i = mn.begin;
        skipped = true;
        break;
      }
    }
    if (!skipped) {
      // "province"/"city" words between list items.
      if (prev.key == "province" || prev.key == "provinces" || prev.key == "city") {
        --i;
        continue;
      }
      return false;
    }
  }
  return false;
}

int ArticleRun::resolve_entity(int type, const std::string& label, int place) {
  std::string key;
  if (place >= 0) {
    key = "gn:" + res_.gazetteer.place(static_cast<std::uint32_t>(place)).geonames_id;
  } else {
    std::string n = fold_key(label);
    if (n.rfind("the ", 0) == 0) n = n.substr(4);
    key = (type == kPerson ? "p:" : (bit(type) & kPlaceMask) ? "l:" : "o:") + n;
  }
  auto it = entity_by_key_.find(key);
  if (it == entity_by_key_.end() && type == kPerson) {
    // Within an article a short form names the person already seen: "Asif" -> "Khawaja Asif".
    const std::vector<std::string> parts = phrase_keys(label, res_.abbreviations);
    for (std::size_t e = 0; e < entities_.size(); ++e) {
      Entity& ent = entities_[e];
      if (ent.type != kPerson) continue;
      const std::vector<std::string>& known = ent.parts;
      if (known.empty()) continue;
      if (parts.size() == 1 && (known.back() == parts[0] || known.front() == parts[0])) {
        return static_cast<int>(e);
      }
      if (known.size() == 1 && parts.size() > 1 && parts.back() == known[0]) {
        // The full name comes after the short one: upgrade the entity.
        ent.alt_labels.push_back(ent.label);
        ent.label = label;
        ent.parts = parts;
        entity_by_key_[key] = static_cast<int>(e);
        return static_cast<int>(e);
      }
    }
  }
  if (it != entity_by_key_.end()) return it->second;
  Entity ent;
  ent.type = type;
  ent.key = key;
  ent.label = label;
  ent.place = place;
  if (type == kPerson) ent.parts = phrase_keys(label, res_.abbreviations);
  entities_.push_back(std::move(ent));
  const int id = static_cast<int>(entities_.size() - 1);
  entity_by_key_[key] = id;
  // (A settlement the gazetteer lacks is known by its name too; a region named with its head
  // word also without it: "the Kelemi district", then "in Kelemi".)
  if (!(bit(type) & kPlaceMask) || type == kSite || type == kRegion ||
      (place < 0 && (type == kCity || type == kProvince))) {
    known_.add(phrase_keys(label, res_.abbreviations), static_cast<std::uint32_t>(id));
    std::vector<std::string> words = phrase_keys(label, res_.abbreviations);
    if ((type == kRegion || type == kProvince) && words.size() > 1 &&
        res_.in("region_words", words.back())) {
      words.pop_back();
      known_.add(std::move(words), static_cast<std::uint32_t>(id));
    }
    if (type == kPerson) {
      const std::vector<std::string>& parts = entities_.back().parts;
      if (parts.size() > 1) known_.add({parts.back()}, static_cast<std::uint32_t>(id));
    }
  }
  return id;
}

// Copy that calls people by their first name ("Getachew accused ...", "Abiy said": Ethiopian,
// Eritrean, Malay and many Arabic names) needs that word to name the person too. Only for a
// person introduced with a title or office (a name the rules only guessed may be a body whose
// first word is a community's: "Kuki Inpi Manipur", "three Kuki men"), and not for a particle,
// honorific or title, nor a word another actor of the article holds.
bool ArticleRun::first_name_refers(int person) const {
  const std::vector<std::string>& parts = entities_[static_cast<std::size_t>(person)].parts;
  if (parts.size() < 2) return false;
  const std::string& first = parts.front();
  if (first.size() < 3 || !std::all_of(first.begin(), first.end(),
                                       [](unsigned char c) { return std::isalpha(c) != 0; })) {
    return false;
  }
  for (const char* lex :
       {"name_particles", "honorifics", "person_titles", "title_modifiers", "not_names"}) {
    if (res_.in(lex, first)) return false;
  }
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    if (static_cast<int>(e) == person) continue;
    const std::vector<std::string> words = phrase_keys(entities_[e].label, res_.abbreviations);
    if (std::find(words.begin(), words.end(), first) != words.end()) return false;
  }
  return true;
}

// A person called by the first name keeps that form as an alternative label, so that stage 2,
// which knows actors by their labels, finds the speaker of "Getachew said".
void ArticleRun::note_first_name(int entity, std::uint32_t begin, std::uint32_t end) {
  Entity& e = entities_[static_cast<std::size_t>(entity)];
  if (e.type != kPerson || end != begin + 1 || e.parts.size() < 2) return;
  if (tokens_[begin].key != e.parts.front()) return;
  const std::string form = surface(begin, end);
  if (std::find(e.alt_labels.begin(), e.alt_labels.end(), form) == e.alt_labels.end()) {
    e.alt_labels.push_back(form);
  }
}

int ArticleRun::add_mention(Mention m, const std::string& label, const std::string& role,
                            int affiliation) {
  // Reject a mention that lies inside or duplicates a stronger one of the same family.
  const bool actor = (bit(m.type) & (kActorMask & ~bit(kCountry))) != 0;
  for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
    Mention& o = mentions_[k];
    if (o.dropped) continue;
    // Names compete, not whole matches: "Sky News' Yalda Hakim" keeps both.
    const bool overlap = o.name_begin < m.name_end && m.name_begin < o.name_end;
    if (!overlap) continue;
    const bool o_actor = (bit(o.type) & (kActorMask & ~bit(kCountry))) != 0;
    const std::uint32_t o_len = o.name_end - o.name_begin;
    const std::uint32_t m_len = m.name_end - m.name_begin;
    if (o.name_begin <= m.name_begin && m.name_end <= o.name_end && o.type == m.type) return -1;
    if (actor && o_actor && o_len >= m_len) return -1;
    // A place inside a longer place ("Darfur" in "North Darfur state") is not another place.
    const bool place = (bit(m.type) & kPlaceMask) != 0;
    // The same span as a place already found is that place ("Gaza" city vs. region).
    if (place && (bit(o.type) & kPlaceMask) && o.name_begin <= m.name_begin &&
        m.name_end <= o.name_end && o_len >= m_len) {
      return -1;
    }
    // Nor does a place start inside a named one ("gas field in X" after "the Habar gas
    // field").
    if (place && (bit(o.type) & kPlaceMask) && !o.weak && o.name_begin < m.name_begin &&
        m.name_begin < o.name_end) {
      return -1;
    }
    // A named region swallows a gazetteer city or a shorter region inside it ("Gaza" in "Gaza
    // Strip", "Kashmir" in "Pakistan-administered Kashmir").
    if (m.type == kRegion && (o.weak || o.type == kRegion) && m.name_begin <= o.name_begin &&
        o.name_end <= m.name_end && o_len < m_len) {
      o.dropped = true;
      ++changes_;
    }
    // A gazetteer city inside a longer city name is part of it. (A city opening a site's name:
    // below.)
    if (m.type == kCity && o_len < m_len && o.weak && m.name_begin <= o.name_begin &&
        o.name_end <= m.name_end) {
      o.dropped = true;
      ++changes_;
    }
    if (o.weak && actor) {
      o.dropped = true;
      ++changes_;
    }  // "Yunus" the city inside a person's name
    if (actor && o_actor && o_len < m_len) {
      o.dropped = true;
      ++changes_;
    }
    // A gazetteer city opening a site's name that goes on with other name words is part of
    // that name ("Ta" in "the Ta Moan Thom temple"), unless a site word follows it ("Kabul
    // International Airport": data/lexicon/site_modifiers.tsv).
    if (m.type == kSite && o.weak && o.type == kCity && m.name_begin <= o.name_begin &&
        o.name_end < m.name_end && tokens_[o.name_end].is(kCapitalized) && !not_name_[o.name_end] &&
        !res_.in("site_modifiers", tokens_[o.name_end].key) &&
        !res_.in("site_kinds", tokens_[o.name_end].key)) {
      o.dropped = true;
      ++changes_;
    }
    // A place inside a person's or an organisation's name is part of the name ("Defense
    // Minister Israel Katz", "the Sudan Doctors Network"): a name word follows it. Not the
    // affiliation of an office ("the Saudi foreign minister").
    if ((m.type == kPerson || m.type == kOrganization) && o.type != kDemonym && !o_actor &&
        m.name_begin <= o.name_begin && o.name_end < m.name_end && o_len < m_len &&
        tokens_[o.name_end].is(kCapitalized) && !not_name_[o.name_end] && !title_at(o.name_end)) {
      o.dropped = true;
      ++changes_;
    }
  }
  m.entity = resolve_entity(m.type, label, -1);
  Entity& e = entities_[static_cast<std::size_t>(m.entity)];
  if (e.role.empty() && !role.empty()) e.role = role;
  if (!role.empty() && first_name_refers(m.entity)) {
    known_.add({e.parts.front()}, static_cast<std::uint32_t>(m.entity));
  }
  if (e.affiliation < 0 && affiliation >= 0 && affiliation != m.entity) e.affiliation = affiliation;
  if (label != e.label &&
      std::find(e.alt_labels.begin(), e.alt_labels.end(), label) == e.alt_labels.end()) {
    e.alt_labels.push_back(label);
  }
  mentions_.push_back(m);
  return static_cast<int>(mentions_.size() - 1);
}

void ArticleRun::gazetteer_mentions(const Sentence& s, std::uint32_t si) {
  const Gazetteer& gz = res_.gazetteer;
  std::vector<PhraseIndex::Match> matches;
  for (std::uint32_t i = s.first_token; i < s.last_token;) {
    const Token& t = tokens_[i];
    // The article pre-pass already knows which tokens start a gazetteer name.
    if (t.kind != TokenKind::Word || !gazetteer_hit_[i]) {
      ++i;
      continue;
    }
    gz.names().match(tokens_, i, s.last_token, matches);
    int best = -1;
    std::uint32_t best_len = 0;
    if (!matches.empty()) {
      // The longest match whose last word is capitalised: "Sagaing region" is the gazetteer's
      // "Sagaing" followed by a common noun (rules add the head word).
      best_len = 0;
      for (const auto& m : matches) {
        if (tokens_[i + m.length - 1].is(kCapitalized)) {
          best_len = m.length;
          break;
        }
      }
      // "X province", or "the provinces of X (and Y)".
      const bool province_word =
          (i + best_len < s.last_token && res_.in("region_words", tokens_[i + best_len].key)) ||
          (i >= s.first_token + 2 && tokens_[i - 1].key == "of" &&
           (tokens_[i - 2].key == "province" || tokens_[i - 2].key == "provinces")) ||
          (i >= s.first_token + 4 && tokens_[i - 1].key == "and" && tokens_[i - 3].key == "of" &&
           tokens_[i - 4].key == "provinces");
      // "Somali soldiers": a demonym is no province of the same name without its head word.
      std::vector<PhraseIndex::Match> as_demonym;
      gz.demonyms().match(tokens_, i, s.last_token, as_demonym);
      long best_score = -1;
      for (const auto& m : matches) {
        if (m.length != best_len) continue;
        const Place& p = gz.place(m.value);
        const bool known_country = article_countries_.count(p.country_iso2) > 0;
        long score = 0;
        if (p.kind != PlaceKind::Country) {
          if (res_.in("not_places", tokens_[i].key) && best_len == 1) continue;
          // A city name inside a run of capitalised words is part of another name.
          const bool cap_before = i > s.first_token && tokens_[i - 1].kind == TokenKind::Word &&
                                  tokens_[i - 1].is(kCapitalized) && !tokens_[i - 1].is(kAllCaps) &&
                                  i - 1 > s.first_token;
          const bool cap_after =
              i + best_len < s.last_token && tokens_[i + best_len].kind == TokenKind::Word &&
              tokens_[i + best_len].is(kCapitalized) && !tokens_[i + best_len].is(kAllCaps);
          if (cap_before && cap_after) continue;
        }
        if (p.kind == PlaceKind::Country) {
          score = 4000000000L;
        } else if (p.kind == PlaceKind::Province) {
          if (!known_country && !province_word) continue;
          if (!province_word && !as_demonym.empty() && as_demonym.front().length >= best_len) {
            continue;
          }
          score = province_word ? 3000000000L : 1000;
          if (known_country) score += 500000000L;
        } else {
          if (p.ambiguous && !known_country) continue;
          if (!known_country && p.population < 100000) continue;
          score = static_cast<long>(std::min<std::uint64_t>(p.population, 400000000)) +
                  (known_country ? 2000000000L : 0) + (gz.is_capital(p) ? 1000000000L : 0);
        }
        if (score > best_score) {
          best_score = score;
          best = static_cast<int>(m.value);
        }
      }
    }
    if (best >= 0) {
      const Place& p = gz.place(static_cast<std::uint32_t>(best));
      Mention m;
      m.sentence = si;
      m.begin = m.name_begin = i;
      m.end = m.name_end = i + best_len;
      m.type = p.kind == PlaceKind::Country    ? kCountry
               : p.kind == PlaceKind::Province ? kProvince
                                               : kCity;
      m.weak = p.kind != PlaceKind::Country;
      m.locative = is_locative(si, i);
      // "fired missiles at Kyiv": a city after "at" is a place ("pointed the finger at Israel":
      // a country there is the actor; data/lexicon/locative_cities.tsv).
      // So is a city right after "the capital" or after a verb of striking, taking or
      // reaching it ("strikes hit the capital Sanaa", "the army recaptured Khartoum").
      if (!m.locative && m.type != kCountry && i > s.first_token) {
        std::uint32_t k = i - 1;
        // ("in the capital, Kampala": the apposition names the capital.)
        if (tokens_[k].key == "," && k > s.first_token && tokens_[k - 1].key == "capital") --k;
        if (tokens_[k].key == "the" && k > s.first_token) --k;
        if (res_.in("locative_cities", tokens_[i - 1].key) ||
            res_.in("place_verbs", tokens_[k].key)) {
          m.locative = true;
        }
      }
      // A dateline ("KHARTOUM -") names where the report was filed.
      if ((tokens_[i].is(kAllCaps) && i + best_len < s.last_token &&
           tokens_[i + best_len].key == "-") ||
          (i >= dateline_begin_ && i + best_len <= dateline_end_)) {
        m.locative = true;
        m.dateline = true;
      }
      if (gz.is_capital(p) && !m.locative) {
        // "Islamabad accuses", "relations with Kabul": the capital stands for the state.
        const bool place_word_after =
            i + best_len < s.last_token && res_.in("region_words", tokens_[i + best_len].key);
        // "the Pretoria agreement", "the Doha talks": a capital naming what was agreed or held
        // there is the venue, not the state.
        const bool venue_of =
            i + best_len < s.last_token && res_.in("mediation_objects", tokens_[i + best_len].key);
        if (!place_word_after && !venue_of) {
          if (auto c = gz.country(p.country_iso2)) {
            m.metonym = true;
            m.stands_for = resolve_entity(kCountry, gz.place(*c).name, static_cast<int>(*c));
          }
        }
      }
      m.entity = resolve_entity(m.type, surface(i, i + best_len), best);
      Entity& e = entities_[static_cast<std::size_t>(m.entity)];
      // Capitals-only spellings (datelines, headlines) give way to the gazetteer's name.
      if (tokens_[i].is(kAllCaps) && e.label == surface(i, i + best_len)) e.label = p.name;
      // A state first met through its demonym ("Turkish troops") is labelled with the name the
      // article writes for it ("Turkey"), not the gazetteer's ("Türkiye"); so is a place first
      // met in a capitals-only dateline ("MEKELLE" then "Mekelle", not the gazetteer's
      // "Mek'ele").
      // A gazetteer name that is the state's demonym ("Togolese soldiers") is no name the
      // article writes for the state: the label waits for one ("Togo").
      const bool demonym_name =
          p.kind == PlaceKind::Country && fold_key(surface(i, i + best_len)) == fold_key(p.demonym);
      if (demonym_name && !e.written && e.label == surface(i, i + best_len)) e.label = p.name;
      if (!tokens_[i].is(kAllCaps) && !e.written && !demonym_name) {
        const std::string written = surface(i, i + best_len);
        if (written != e.label) {
          if (std::find(e.alt_labels.begin(), e.alt_labels.end(), e.label) == e.alt_labels.end()) {
            e.alt_labels.push_back(e.label);
          }
          e.label = written;
        }
        e.written = true;
      }
      mentions_.push_back(m);
      i += best_len;
      continue;
    }
    // Demonyms, whole or as the first part of a hyphenated word ("Qatari-mediated").
    gz.demonyms().match(tokens_, i, s.last_token, matches);
    std::optional<std::uint32_t> country;
    std::uint32_t len = 0;
    if (!matches.empty()) {
      country = matches.front().value;
      len = matches.front().length;
    } else if (t.key.find('-') != std::string::npos) {
      auto it = res_.country_word.find(t.key.substr(0, t.key.find('-')));
      if (it != res_.country_word.end()) {
        country = it->second;
        len = 1;
      }
    }
    if (country) {
      Mention m;
      m.sentence = si;
      m.begin = m.name_begin = i;
      m.end = m.name_end = i + len;
      m.type = kDemonym;
      const Place& p = gz.place(*country);
      m.entity = resolve_entity(kCountry, p.name, static_cast<int>(*country));
      mentions_.push_back(m);
      i += len;
      continue;
    }
    ++i;
  }
}

// The mention of a demonym or country ending right before token i, or -1.
int ArticleRun::nation_before(std::uint32_t i) const {
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& o = mentions_[q];
    if (!o.dropped && o.end == i && (o.type == kDemonym || o.type == kCountry)) {
      return static_cast<int>(q);
    }
  }
  return -1;
}

// Do tokens [i, i + length) spell a phrase of national_organizations.tsv?
bool ArticleRun::is_national_body(std::uint32_t i, std::uint32_t length) const {
  const int lex = res_.lexicon_id.at("national_organizations");
  for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
    if (lexemes_[k].lexicon == lex && lexemes_[k].length == length) return true;
  }
  return false;
}

// Is the token a word that this lexicon row spells only as an acronym ("WHO", "ANC", "M23")
// while the text does not write it in capitals? Then it is another word: "Who", "Anc".
bool ArticleRun::acronym_only(const Lexicon& lex, std::uint32_t row, const Token& token) const {
  const auto capitals = [](std::string_view w) {
    return w.size() > 1 && std::all_of(w.begin(), w.end(), [](char c) {
             return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
           });
  };
  if (capitals(std::string_view(norm_.text).substr(token.begin, token.end - token.begin))) {
    return false;
  }
  bool acronym = false;
  for (std::string_view spelling : split(lex.phrase(row), '|')) {
    if (fold_key(spelling) != token.key) continue;
    if (!capitals(spelling)) return false;
    acronym = true;
  }
  return acronym;
}

// Organisations from the lexicon, abbreviations defined earlier, and names seen before.
void ArticleRun::known_mentions(const Sentence& s, std::uint32_t si) {
  const int org_lex = res_.lexicon_id.at("organizations");
  const Lexicon& orgs = res_.lexicons[static_cast<std::size_t>(org_lex)];
  std::vector<PhraseIndex::Match> matches;
  for (std::uint32_t i = s.first_token; i < s.last_token;) {
    std::uint32_t advance = 1;
    // Lexicon organisations: longest match.
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      const Lexeme& lx = lexemes_[k];
      // "al Shabaab": a lower-case name particle may open a longer spelling.
      const bool opens_name = tokens_[i].is(kCapitalized) ||
                              (lx.length > 1 && res_.in("name_particles", tokens_[i].key) &&
                               tokens_[i + 1].is(kCapitalized));
      if (lx.lexicon != org_lex || !opens_name) continue;
      if (lx.length == 1 && acronym_only(orgs, lx.row, tokens_[i])) {
        continue;  // "Who is fighting whom?" is not the WHO
      }
      const int type = type_of_action(std::string(orgs.get(lx.row, "type")));
      if (type < 0) continue;
      Mention m;
      m.sentence = si;
      m.begin = m.name_begin = i;
      m.end = m.name_end = i + lx.length;
      m.type = type;
      // A known organisation is not the homonymous town ("Hamas").
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
        Mention& o = mentions_[q];
        if (!o.dropped && o.weak && o.begin < m.end && m.begin < o.end) {
          o.dropped = true;
          ++changes_;
        }
      }
      // One entity per lexicon row, labelled as first written here.
      std::string key = "lex:" + std::string(orgs.phrase(lx.row));
      // "the Palestinian Red Crescent": a nation's own body (national_organizations.tsv) is an
      // actor of its own, named with the demonym or country before it.
      // A people's adjective that is no state's ("the Kurdish Red Crescent") is a capitalised
      // word of no other mention.
      if (is_national_body(i, lx.length)) {
        if (const int nation = nation_before(i); nation >= 0) {
          Mention& before = mentions_[static_cast<std::size_t>(nation)];
          before.dropped = true;
          ++changes_;
          m.begin = m.name_begin = before.begin;
          key += "@" + std::to_string(before.entity);
        } else if (i > s.first_token && tokens_[i - 1].kind == TokenKind::Word &&
                   tokens_[i - 1].is(kCapitalized) && !covered({kConcreteTypes + 2}, i - 1) &&
                   !res_.in("not_names", tokens_[i - 1].key)) {
          m.begin = m.name_begin = i - 1;
          key += "@" + tokens_[i - 1].key;
        }
      }
      auto it = entity_by_key_.find(key);
      if (it == entity_by_key_.end()) {
        const int id = resolve_entity(type, surface(m.begin, i + lx.length), -1);
        entity_by_key_[key] = id;
        m.entity = id;
      } else {
        m.entity = it->second;
      }
      mentions_.push_back(m);
      advance = lx.length;
      break;
    }
    if (advance == 1 && !covered({kConcreteTypes + 2}, i)) {
      // Names and abbreviations seen before are capitalised: skip other tokens cheaply.
      if (tokens_[i].is(kCapitalized)) {
        known_.match(tokens_, i, s.last_token, matches);
      } else {
        matches.clear();
      }
      if (!matches.empty() && matches.front().length == 1) {
        // "Khan" of "Imran Khan" is not the one in "Amir Khan Muttaqi".
        const auto cap_word = [&](std::size_t k) {
          return tokens_[k].kind == TokenKind::Word && tokens_[k].is(kCapitalized) && !not_name_[k];
        };
        if ((i > s.first_token && cap_word(i - 1)) || (i + 1 < s.last_token && cap_word(i + 1))) {
          matches.clear();
        }
      }
      if (!matches.empty() && tokens_[i].is(kCapitalized)) {
        const int id = static_cast<int>(matches.front().value);
        Mention m;
        m.sentence = si;
        m.begin = m.name_begin = i;
        m.end = m.name_end = i + matches.front().length;
        m.type = entities_[static_cast<std::size_t>(id)].type;
        m.entity = id;
        // A gazetteer city inside a longer name known here is part of it ("Praia" in
        // "Lundo da Praia").
        for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
          Mention& o = mentions_[q];
          if (!o.dropped && o.weak && m.begin <= o.begin && o.end <= m.end &&
              o.end - o.begin < m.end - m.begin) {
            o.dropped = true;
            ++changes_;
          }
        }
        if (bit(m.type) & kPlaceMask) m.locative = is_locative(si, i);
        note_first_name(id, i, m.end);
        mentions_.push_back(m);
        advance = matches.front().length;
      }
    }
    i += advance;
  }
}

void ArticleRun::apply_rules(const Sentence& s, std::uint32_t si) {
  RuleMatch m;
  res_.rule_starts->scan(*this, s.first_token, s.last_token, starts_);
  for (std::size_t r = 0; r < res_.rules.size(); ++r) {
    const Rule& rule = res_.rules[r];
    for (std::uint32_t i = s.first_token; i < s.last_token;) {
      if (res_.rule_starts->may_start(starts_, r, rule, *this, i) &&
          match_rule(rule, *this, i, s.last_token, m)) {
        apply_action(rule, m, si);
        i = std::max(m.end, i + 1);
      } else {
        ++i;
      }
    }
  }
}

int ArticleRun::entity_in_range(std::uint32_t b, std::uint32_t e, TypeMask mask) const {
  int best = -1;
  std::uint32_t best_len = 0;
  for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
    const Mention& mn = mentions_[k];
    if (mn.dropped || mn.begin < b || mn.end > e) continue;
    const int type = mn.type == kDemonym ? kCountry : mn.type;
    if (!(bit(type) & mask)) continue;
    if (mn.end - mn.begin > best_len) {
      best = mn.entity;
      best_len = mn.end - mn.begin;
    }
  }
  return best;
}

void ArticleRun::apply_action(const Rule& rule, const RuleMatch& m, std::uint32_t si) {
  static const bool debug_rules = std::getenv("NG_DEBUG_RULES") != nullptr;
  if (debug_rules) {
    std::fprintf(stderr, "rule %s matched [%s]\n", rule.name.c_str(),
                 surface(m.begin, m.end).c_str());
  }
  auto slot_range = [&](const char* key) -> std::pair<std::uint32_t, std::uint32_t> {
    const RuleArg* a = rule.arg(key);
    if (!a || a->literal) return {0, 0};
    return m.slots[static_cast<std::size_t>(a->slot)];
  };
  auto text_of = [&](const char* key) -> std::string {
    const RuleArg* a = rule.arg(key);
    if (!a) return {};
    if (a->literal) return a->value;
    auto [b, e] = m.slots[static_cast<std::size_t>(a->slot)];
    return surface(b, e);
  };
  if (rule.action == "Alias") {
    auto [ab, ae] = slot_range("abbr");
    auto [fb, fe] = slot_range("full");
    if (ab >= ae || fb >= fe) return;
    const int full = entity_in_range(fb, fe, kActorMask | kPlaceMask);
    if (full < 0) return;
    const std::string abbr = surface(ab, ae);
    known_.add(phrase_keys(abbr, res_.abbreviations), static_cast<std::uint32_t>(full));
    Entity& e = entities_[static_cast<std::size_t>(full)];
    if (std::find(e.alt_labels.begin(), e.alt_labels.end(), abbr) == e.alt_labels.end()) {
      e.alt_labels.push_back(abbr);
    }
    Mention mn;
    mn.sentence = si;
    mn.begin = mn.name_begin = ab;
    mn.end = mn.name_end = ae;
    mn.type = e.type;
    mn.entity = full;
    mentions_.push_back(mn);
    return;
  }
  if (rule.action == "Event") {
    auto [tb, te] = slot_range("trigger");
    const RuleArg* cls = rule.arg("class");
    if (tb >= te || !cls || !cls->literal) return;
    rule_triggers_.emplace_back(tb, cls->value);
    return;
  }
  const int named_type = type_of_action(rule.action);
  if (named_type < 0) return;
  Mention mn;
  mn.sentence = si;
  mn.begin = m.begin;
  mn.end = m.end;
  auto [nb, ne] = slot_range("name");
  if (nb >= ne) {
    nb = m.begin;
    ne = m.end;
  }
  // Labels never start with "the" or a sentence opener ("But the X", label_openers.tsv) nor
  // end in a possessive or punctuation.
  while (nb < ne &&
         (tokens_[nb].key == "the" || tokens_[nb].key == "a" || tokens_[nb].key == "an" ||
          tokens_[nb].kind == TokenKind::Punct || res_.in("label_openers", tokens_[nb].key))) {
    ++nb;
  }
  while (ne > nb && (tokens_[ne - 1].kind == TokenKind::Punct)) --ne;
  if (nb >= ne) return;
  // initials="yes": the name is the shortest run of words before the abbreviation whose
  // initials spell it ("the Joint Monitoring Mission in Kenya (JMMK)", "the Conflict
  // Tracking & Analysis project (CTA)"; lower-case words and "&" may be skipped).
  if (rule.arg("initials")) {
    auto [xb, xe] = slot_range("abbr");
    if (xb >= xe) return;
    std::string letters;
    for (char c : fold_key(surface(xb, xe))) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letters += c;
    }
    // spells(w, a): words [w, ne) spell letters [a, end).
    std::vector<std::vector<signed char>> memo(ne - nb + 1,
                                               std::vector<signed char>(letters.size() + 1, -1));
    // Plain copies: clang before 16 cannot capture structured bindings (the fuzz build).
    const std::uint32_t name_b = nb, name_e = ne;
    std::function<bool(std::uint32_t, std::size_t)> spells = [&](std::uint32_t w, std::size_t a) {
      if (w == name_e) return a == letters.size();
      signed char& known = memo[w - name_b][a];
      if (known >= 0) return known == 1;
      const Token& t = tokens_[w];
      const bool skippable = t.kind == TokenKind::Punct || !t.is(kCapitalized);
      bool ok = skippable && spells(w + 1, a);
      if (!ok && t.kind == TokenKind::Word && a < letters.size() && !t.key.empty() &&
          t.key.front() == letters[a]) {
        ok = spells(w + 1, a + 1);
      }
      // An acronym in the name gives all its letters: "the UN Relief Mission in Tarvia
      // (UNRMT)".
      if (!ok && t.is(kAllCaps) && t.key.size() > 1 &&
          letters.compare(a, t.key.size(), t.key) == 0) {
        ok = spells(w + 1, a + t.key.size());
      }
      known = ok ? 1 : 0;
      return ok;
    };
    std::uint32_t start = ne;
    for (std::uint32_t w = nb; w + 1 < ne && start == ne; ++w) {
      if (tokens_[w].kind == TokenKind::Word && tokens_[w].is(kCapitalized) && spells(w, 0)) {
        start = w;
      }
    }
    if (start == ne) return;
    nb = start;
  }
  mn.name_begin = nb;
  mn.name_end = ne;
  // An organisation named after an armed group it belongs to is one too ("Islamic State
  // Mozambique Province").
  const int type = named_type == kOrganization && entity_in_range(nb, ne, bit(kArmedGroup)) >= 0
                       ? kArmedGroup
                       : named_type;
  mn.type = type;
  if (bit(type) & kPlaceMask) mn.locative = is_locative(si, mn.begin);
  if (type == kProvince || type == kCity) {
    // The gazetteer already knows the place: "Paktika province" is the region "Paktika".
    for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
      Mention& g = mentions_[k];
      if (g.dropped || g.begin < nb || g.end > ne || g.entity < 0) continue;
      Entity& ge = entities_[static_cast<std::size_t>(g.entity)];
      if (ge.place < 0 || (g.type != kProvince && g.type != kCity)) continue;
      // Other name words around it make another place: "the town of Kamo Sina" is not the
      // gazetteer's "Sina", nor "Lundo da Praia" the capital "Praia" (head and compass words
      // are no name words: "Paktika province", "North Darfur").
      bool other_name = false;
      for (std::uint32_t w = nb; w < ne; ++w) {
        const Token& t = tokens_[w];
        if ((w < g.begin || w >= g.end) && t.kind == TokenKind::Word && t.is(kCapitalized) &&
            !not_name_[w] && !res_.in("region_words", t.key) && !res_.in("compass", t.key)) {
          other_name = true;
        }
      }
      if (other_name && g.weak) {
        g.dropped = true;
        ++changes_;
        continue;
      }
      const std::string label = surface(nb, ne);
      const std::string& head = tokens_[ne - 1].key;
      // A city the article introduced as a settlement stays that city: in "Tarsa, a city
      // ... the authorities of Tarsa province" the province is only named after it.
      const bool city_before =
          ge.type == kCity && (ge.ref_nouns.count("city") > 0 || ge.ref_nouns.count("town") > 0 ||
                               ge.ref_nouns.count("village") > 0);
      const bool singular_head =
          !city_before &&
          (head == "province" || head == "state" || head == "region" || head == "governorate" ||
           head == "district" || head == "county" || head == "valley");
      if (singular_head && label != ge.label &&
          std::find(ge.alt_labels.begin(), ge.alt_labels.end(), label) == ge.alt_labels.end()) {
        ge.alt_labels.push_back(ge.label);
        ge.label = label;  // the fuller form as the article writes it
      }
      if (g.type == kCity && type == kProvince && !city_before) g.type = kProvince;
      // A gazetteer city named with an area's head word is that area: "Belgorod region",
      // "Poonch district" (a region), "X province" (a province).
      if (singular_head && ge.type == kCity) {
        const bool region = head == "region" || head == "district" || head == "valley";
        ge.type = region ? kRegion : kProvince;
        g.type = ge.type;
      }
      g.weak = false;
      ++changes_;
      g.end = std::max(g.end, ne);  // later rules see "Paktika province" as one place
      ++changes_;
      g.name_end = std::max(g.name_end, ne);
      return;
    }
  }
  const RuleArg* unnamed = rule.arg("unnamed");
  int affiliation = -1;
  auto [ab, ae] = slot_range("affiliation");
  if (ab < ae) affiliation = entity_in_range(ab, ae, kActorMask);
  std::string role = text_of("role");
  const int idx = add_mention(mn, surface(nb, ne), role, affiliation);
  if (idx < 0) return;
  Mention& added = mentions_[static_cast<std::size_t>(idx)];
  Entity& e = entities_[static_cast<std::size_t>(added.entity)];
  if (unnamed) e.unnamed = true;
  auto [pb, pe] = slot_range("part_of");
  if (pb < pe && e.part_of < 0) {
    const int part = entity_in_range(pb, pe, kPlaceMask);
    if (part != added.entity) e.part_of = part;
  }
  auto [xb, xe] = slot_range("abbr");
  if (xb < xe) {
    const std::string abbr = surface(xb, xe);
    known_.add(phrase_keys(abbr, res_.abbreviations), static_cast<std::uint32_t>(added.entity));
    if (std::find(e.alt_labels.begin(), e.alt_labels.end(), abbr) == e.alt_labels.end()) {
      e.alt_labels.push_back(abbr);
    }
  }
  if (rule.arg("represents")) {
    auto [rb, re] = slot_range("represents");
    const int rep = entity_in_range(rb, re, bit(kCountry));
    if (rep >= 0 && e.affiliation < 0) e.affiliation = rep;
  }
}

// Does place `outer` contain place `inner` (country > province > city, or a stated part_of)?
bool ArticleRun::contains(int outer, int inner) const {
  const Entity& o = entities_[static_cast<std::size_t>(outer)];
  const Entity& in = entities_[static_cast<std::size_t>(inner)];
  if (in.part_of == outer) return true;
  if (in.part_of >= 0 && contains(outer, in.part_of)) return true;
  if (o.place < 0 || in.place < 0) return false;
  const Place& op = res_.gazetteer.place(static_cast<std::uint32_t>(o.place));
  const Place& ip = res_.gazetteer.place(static_cast<std::uint32_t>(in.place));
  if (op.kind == PlaceKind::Country) {
    return ip.kind != PlaceKind::Country && ip.country_iso2 == op.country_iso2;
  }
  if (op.kind == PlaceKind::Province && ip.kind == PlaceKind::City) {
    auto region = res_.gazetteer.region_of(ip);
    return region && static_cast<int>(*region) == o.place;
  }
  return false;
}

void ArticleRun::casualties(const Sentence& s, std::vector<Event*>& evs) {
  if (evs.empty()) return;
  const Lexicon& cas = res_.required("casualty_words");
  const Lexicon& nums = res_.required("numbers");
  std::vector<PhraseIndex::Match> matches;
  auto number_at = [&](std::uint32_t i, std::string& qualifier) -> std::string {
    // "more than 400", "at least 274", "dozens", "13"
    std::uint32_t k = i;
    nums.index().match(tokens_, k, s.last_token, matches);
    if (!matches.empty() && nums.get(matches.front().value, "kind") == "qualifier") {
      qualifier = surface(k, k + matches.front().length);
      k += matches.front().length;
    }
    if (k >= s.last_token) return {};
    if (tokens_[k].kind == TokenKind::Number) {
      std::string digits;
      for (char c : tokens_[k].key) {
        if (c >= '0' && c <= '9')
          digits += c;
        else if (c != ',')
          break;
      }
      return digits;
    }
    nums.index().match(tokens_, k, s.last_token, matches);
    if (!matches.empty() && nums.get(matches.front().value, "kind") != "qualifier") {
      return std::string(nums.get(matches.front().value, "value"));
    }
    return {};
  };
  const int cas_lex = res_.lexicon_id.at("casualty_words");
  for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
    // Casualty words from the precomputed lexicon matches (longest first per token).
    matches.clear();
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == cas_lex) {
        matches.push_back(PhraseIndex::Match{lexemes_[k].length, lexemes_[k].row});
      }
    }
    if (matches.empty()) continue;
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.length > b.length; });
    const std::string figure(cas.get(matches.front().value, "figure"));
    std::string qualifier;
    std::string value;
    // "killed more than 70 people" / "70 people were killed"
    for (std::uint32_t k = i + matches.front().length;
         k < std::min(i + 4, s.last_token) && value.empty(); ++k) {
      value = number_at(k, qualifier);
    }
    for (std::uint32_t back = 1; back <= 5 && back <= i - s.first_token && value.empty(); ++back) {
      value = number_at(i - back, qualifier);
    }
    if (value.empty()) continue;
    Event* nearest = evs.front();
    long best = 1 << 30;
    for (Event* e : evs) {
      const long d = std::labs(static_cast<long>(e->begin) - static_cast<long>(i));
      if (d < best) {
        best = d;
        nearest = e;
      }
    }
    if (!nearest->figures.count(figure)) {
      nearest->figures[figure] = value;
      if (!qualifier.empty()) nearest->qualifier = qualifier;
    }
  }
}

void ArticleRun::events_for(const Sentence& s, std::uint32_t si) {
  const Lexicon& triggers = res_.required("event_triggers");
  const int trig_lex = res_.lexicon_id.at("event_triggers");
  std::vector<std::size_t> local;
  // Triggers found by rules (action Event) come first.
  std::set<std::uint32_t> rule_trigger_tokens;
  for (const auto& [tok, cls] : rule_triggers_) {
    Event ev;
    ev.cls = cls;
    ev.pos = "verb";
    ev.sentence = si;
    ev.begin = tok;
    ev.end = tok + 1;
    events_.push_back(std::move(ev));
    local.push_back(events_.size() - 1);
    rule_trigger_tokens.insert(tok);
  }
  rule_triggers_.clear();
  for (std::uint32_t i = s.first_token; i < s.last_token;) {
    std::uint32_t advance = 1;
    if (!rule_trigger_tokens.count(i)) {
      for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
        const Lexeme& lx = lexemes_[k];
        if (lx.lexicon != trig_lex) continue;
        // Quoted words report speech, not events; a quoted declaration is itself the statement.
        if (tokens_[i].is(kInQuote) && triggers.get(lx.row, "class") != "Statement") continue;
        // Not part of a name ("Liberation Army", "air force").
        bool in_name = false;
        for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
          const Mention& mn = mentions_[q];
          // The name, not the whole match: a rule's look-ahead token ("troops [exchanged]")
          // is no part of it.
          if (!mn.dropped && mn.type != kDemonym && mn.name_begin <= i && i < mn.name_end &&
              mn.name_end - mn.name_begin > 1) {
            in_name = true;
          }
        }
        if (in_name) break;
        advance = lx.length;
        // "denied carrying out any strikes", "no attacks were reported": no event.
        if (i > s.first_token && (tokens_[i - 1].key == "any" || tokens_[i - 1].key == "no")) {
          break;
        }
        // A phrase listed with class "-" holds a trigger word but names no event ("seized
        // power"); a noun asked for, hoped for or offered has not happened ("called for a
        // ceasefire", "open to talks").
        if (triggers.get(lx.row, "class") == "-") break;
        if (triggers.get(lx.row, "pos") == "noun" && not_event_cue_before(i, s.first_token)) {
          break;
        }
        // "warned that Israel would strike the capital", "will not tolerate further shelling",
        // "threatened further attacks", "the funds were not released": a violent event or a
        // release (hypothetical_event_classes.tsv) under a modal, negated, conditional,
        // threatened or "further" cue of its clause (hypothetical_cues.tsv) has not happened.
        if (res_.in("hypothetical_event_classes", fold_key(triggers.get(lx.row, "class"))) &&
            hypothetical_cue_before(i, s.first_token)) {
          break;
        }
        // "a ceasefire the military declared", "the Ankara declaration": the declaring belongs
        // to the event noun just before it, and a declaration after a name is a document; no
        // Statement.
        if (triggers.get(lx.row, "class") == "Statement") {
          if (!local.empty() && events_[local.back()].sentence == si &&
              events_[local.back()].cls != "Statement" && events_[local.back()].end + 4 >= i) {
            break;
          }
          if (tokens_[i].key == "declaration" && i > s.first_token + 1 &&
              tokens_[i - 1].is(kCapitalized)) {
            break;
          }
        }
        // "three rocket launchers", "a drone factory": the trigger names the thing a noun of
        // data/lexicon/weapon_object_nouns.tsv is made for, no event.
        if (triggers.get(lx.row, "pos") == "noun" && i + lx.length < s.last_token &&
            res_.in("weapon_object_nouns", tokens_[i + lx.length].key)) {
          break;
        }
        // "27 posts destroyed and nine captured", "captured several vehicles": a tally of
        // things taken is a claim's figure, not the capture of a place.
        if (triggers.get(lx.row, "class") == "Capture" &&
            counted_object_near(i, i + lx.length, s.first_token, s.last_token)) {
          break;
        }
        // "killed 100 soldiers and captured 40 others", "53 were killed and 15 others captured":
        // people taken in a toll are a claim's figure, not the capture of a place.
        if (triggers.get(lx.row, "class") == "Capture") {
          const auto others_at = [&](std::uint32_t at) {
            return at > s.first_token && at < s.last_token && tokens_[at].key == "others" &&
                   tokens_[at - 1].kind == TokenKind::Number;
          };
          if (others_at(i + lx.length + 1) || (i > s.first_token && others_at(i - 1))) break;
        }
        // A noun trigger right after another one heads a compound naming one event: "a car bomb
        // attack", "a rocket strike". The modifier is the more specific, unless it is a
        // GroundAttack word used as one ("attack drones").
        if (!local.empty() && triggers.get(lx.row, "pos") == "noun") {
          Event& prev = events_[local.back()];
          if (prev.end == i && prev.sentence == si) {
            if (prev.cls == "GroundAttack") {
              prev.cls = triggers.get(lx.row, "class");
              prev.pos = "noun";
            }
            prev.end = i + lx.length;
            break;
          }
        }
        Event ev;
        ev.cls = triggers.get(lx.row, "class");
        ev.pos = triggers.get(lx.row, "pos");
        ev.sentence = si;
        ev.begin = i;
        ev.end = i + lx.length;
        events_.push_back(std::move(ev));
        local.push_back(events_.size() - 1);
        break;
      }
    }
    i += advance;
  }
  // "militiamen killed at least 30 villagers near X": with no trigger in the
  // sentence, an active "killed" whose object is a count of people of
  // data/lexicon/killing_victims.tsv reports a killing.
  if (local.empty()) {
    for (std::uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
      if (tokens_[i].key != "killed" || tokens_[i].is(kInQuote)) continue;
      // The killers are people named by a group noun ("militiamen", data/lexicon/
      // group_member_nouns.tsv) or an armed actor, right before the verb: not "violence has
      // killed", "explosions killed", "the rebels had killed" (told as background).
      const std::string& before = tokens_[i - 1].key;
      bool armed = res_.in("group_member_nouns", before);
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size() && !armed; ++q) {
        const Mention& mn = mentions_[q];
        armed = !mn.dropped && mn.end == i &&
                (mn.type == kArmedGroup || mn.type == kGovernment || mn.type == kPerson);
      }
      if (!armed) continue;
      bool counted = false;
      bool victims = false;
      for (std::uint32_t k = i + 1; k < s.last_token && k <= i + 6 && !victims; ++k) {
        const Token& t = tokens_[k];
        if (t.kind == TokenKind::Punct) break;
        if (t.kind == TokenKind::Number || res_.in("numbers", t.key)) counted = true;
        victims = counted && res_.in("killing_victims", t.key);
      }
      if (!victims) continue;
      Event ev;
      ev.cls = "Killing";
      ev.pos = "verb";
      ev.sentence = si;
      ev.begin = i;
      ev.end = i + 1;
      events_.push_back(std::move(ev));
      local.push_back(events_.size() - 1);
      break;
    }
  }
  // The paragraph's time in focus: the last resolved expression of an earlier sentence of the
  // same paragraph dates events whose own sentence has none (TimeML's reference time).
  if (si != focus_sentence_ + 1) focus_date_.clear();  // the focus lasts one sentence
  bool has_time_word = false;
  const int time_lex = res_.lexicon_id.at("time_words");
  for (std::uint32_t k = lex_start_[s.first_token]; k < lex_start_[s.last_token]; ++k) {
    if (lexemes_[k].lexicon == time_lex) has_time_word = true;
  }
  if (local.empty()) {
    if (has_time_word) {
      const std::vector<TimeExpression> times =
          find_time_expressions(tokens_, s.first_token, s.last_token, res_.required("time_words"),
                                reference_date(article_));
      for (const TimeExpression& te : times) {
        if (tokens_[te.begin].key == "since" ||
            (te.begin > s.first_token && tokens_[te.begin - 1].key == "since")) {
          continue;
        }
        if (!te.value.empty()) {
          focus_date_ = te.value;
          focus_sentence_ = si;
          focus_classes_.clear();
        }
      }
      narrate(times);
    }
    record_scene(s, si);
    return;
  }
  // "the missiles ... struck buildings in A", "the blast struck near B": a generic striking verb
  // whose subject is a weapon's trigger of the same clause reports that weapon's event.
  for (std::size_t idx : local) {
    Event& verb = events_[idx];
    if (verb.pos != "verb" || verb.cls != "Airstrike") continue;
    for (auto it = local.rbegin(); it != local.rend(); ++it) {
      const Event& noun = events_[*it];
      if (noun.end > verb.begin) continue;
      if (verb.begin - noun.end > 25) break;
      static const std::set<std::string> weapons = {"MissileStrike", "DroneAttack", "Shelling",
                                                    "Bombing"};
      // Another actor in between is the verb's subject, unless it only speaks ("the missiles
      // were intercepted, the military said, but several struck ...").
      bool other_subject = false;
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
        const Mention& mn = mentions_[q];
        const int type = mn.type == kDemonym ? kCountry : mn.type;
        if (mn.dropped || mn.begin < noun.end || mn.end > verb.begin || !(bit(type) & kActorMask))
          continue;
        bool part = false;  // "Israeli" inside "the Israeli military"
        for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
          const Mention& o = mentions_[r];
          part = part || (r != q && !o.dropped && o.begin <= mn.begin && mn.end <= o.end &&
                          o.end - o.begin > mn.end - mn.begin);
        }
        if (!part && !res_.in("speech_verbs", tokens_[mn.end].key)) other_subject = true;
      }
      if (noun.pos == "noun" && noun.cls != verb.cls && weapons.count(noun.cls) && !other_subject) {
        verb.cls = noun.cls;
      }
      break;
    }
  }
  // Places: each goes to the nearest trigger, preferring the one before it.
  std::pair<std::uint32_t, Event*> last_placed{0, nullptr};  // end of the last place, its event
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.metonym || mn.dateline || !(bit(mn.type) & kPlaceMask)) continue;
    if (mn.party) continue;
    if (mn.type == kCountry && !mn.locative) continue;  // the country acting, not the place
    // "In A, B forces carried out a strike": a country before its forces or fighters (data/
    // lexicon/group_member_nouns.tsv, "forces") names who acted, even inside a list of places.
    if (mn.type == kCountry && mn.end < s.last_token &&
        (tokens_[mn.end].key == "forces" || res_.in("group_member_nouns", tokens_[mn.end].key))) {
      continue;
    }
    // A place inside an actor's name ("Pakistan army", "Kabul taxi driver") is not where.
    if (entity_in_range(mn.begin, mn.end, kActorMask & ~bit(kCountry)) >= 0) continue;
    bool inside_actor = false;
    for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
      const Mention& o = mentions_[r];
      if (!o.dropped && (bit(o.type) & (kActorMask & ~bit(kCountry))) && o.begin <= mn.begin &&
          mn.end <= o.end) {
        inside_actor = true;
      }
    }
    if (inside_actor) continue;
    // "prompting thousands to flee to Armenia": where people fled to is not where it happened
    // (data/lexicon/destination_verbs.tsv).
    {
      std::uint32_t k = mn.begin;
      while (k > s.first_token &&
             (tokens_[k - 1].key == "the" || res_.in("compass", tokens_[k - 1].key) ||
              tokens_[k - 1].key == "neighbouring" || tokens_[k - 1].key == "neighboring")) {
        --k;
      }
      if (k > s.first_token + 1 &&
          (tokens_[k - 1].key == "to" || tokens_[k - 1].key == "into" ||
           tokens_[k - 1].key == "toward" || tokens_[k - 1].key == "towards") &&
          res_.in("destination_verbs", tokens_[k - 2].key)) {
        continue;
      }
      // "would send more troops to the area", "deployed 2,000 police to X": the verb's object
      // stands between it and "to" (up to four lower-case words or numbers); not envoys sent
      // for talks (below).
      bool sent_there = false;
      if (k > s.first_token + 2 && tokens_[k - 1].key == "to") {
        for (std::uint32_t j = k - 2, n = 0; j > s.first_token && n < 4; --j, ++n) {
          const Token& t = tokens_[j];
          if (res_.in("delegation_nouns", t.key)) break;
          if (res_.in("destination_verbs", t.key)) {
            sent_there = j + 2 < k;
            break;
          }
          if ((t.kind != TokenKind::Word && t.kind != TokenKind::Number) || t.is(kCapitalized)) {
            break;
          }
        }
      }
      if (sent_there) continue;
    }
    // "would send a delegation to X next week for talks": the destination of envoys (data/
    // lexicon/delegation_nouns.tsv) sent for talks is where the talks are held.
    Event* venue_of = nullptr;
    {
      std::uint32_t k = mn.begin;
      if (k > s.first_token && tokens_[k - 1].key == "the") --k;
      bool envoys = false;
      if (k > s.first_token + 1 && tokens_[k - 1].key == "to") {
        for (std::uint32_t j = k - 1; j > s.first_token && j + 4 > k && !envoys;) {
          --j;
          envoys = res_.in("delegation_nouns", tokens_[j].key);
        }
      }
      for (std::size_t idx : local) {
        Event& ev = events_[idx];
        if (!envoys || venue_of || ev.begin < mn.end || ev.begin - mn.end > 12) continue;
        if (ev.cls != "Negotiation" && ev.cls != "DiplomaticContact") continue;
        bool clause = true;
        for (std::uint32_t j = mn.end; j < ev.begin && clause; ++j) {
          clause = tokens_[j].key != ";" && tokens_[j].key != "." && tokens_[j].key != ",";
        }
        if (clause) venue_of = &ev;
      }
    }
    long best = 1L << 30;
    Event* target = nullptr;
    for (std::size_t idx : local) {
      Event& ev = events_[idx];
      if (venue_of) break;
      const long d = mn.begin >= ev.end ? static_cast<long>(mn.begin - ev.end)
                                        : 2 * static_cast<long>(ev.begin - mn.end) + 1;
      // A place before the trigger belongs to it only when close or in a sentence-initial
      // phrase ("Near the X crossing, ... heard shelling").
      if (mn.end <= ev.begin && ev.begin - mn.end > 4 && mn.begin > s.first_token + 3) continue;
      // (Nor across a word that opens another clause: data/lexicon/place_clause_breaks.tsv.)
      bool other_clause = false;
      for (std::uint32_t k = mn.end; k < ev.begin && !other_clause; ++k) {
        other_clause = res_.in("place_clause_breaks", tokens_[k].key);
      }
      if (other_clause) continue;
      if (mn.begin >= ev.end && mn.begin - ev.end > 15 && !same_phrase_place(ev, mn, local)) {
        continue;
      }
      if (d < best) {
        best = d;
        target = &ev;
      }
    }
    // "talks between Tehran and Washington", "a truce between X and Y": the sides of a
    // negotiation, not where it is held.
    if (target && (target->cls == "Negotiation" || target->cls == "DiplomaticContact" ||
                   target->cls == "Ceasefire" || target->cls == "PeaceAgreement" ||
                   target->cls == "PrisonerExchange")) {
      bool between = false;
      for (std::uint32_t k = mn.begin; k > s.first_token && k + 8 > mn.begin;) {
        --k;
        if (tokens_[k].key == "between") between = true;
        // "talks between A and B in Istanbul": Istanbul follows its own preposition.
        if (between || res_.in("locative", tokens_[k].key) ||
            (tokens_[k].kind == TokenKind::Punct && tokens_[k].key != ",")) {
          break;
        }
      }
      if (between) continue;
    }
    if (venue_of) {
      target = venue_of;
      target->venue = mn.entity;
    }
    // A place listed after one already placed after its trigger goes with it, however far the
    // list runs ("have been hosted in A, B and C", "hit A, B, C and D").
    if (!target && last_placed.second && last_placed.first <= mn.begin &&
        last_placed.second->end <= last_placed.first) {
      bool listed = true;
      for (std::uint32_t k = last_placed.first; k < mn.begin && listed; ++k) {
        const std::string& key = tokens_[k].key;
        listed = key == "," || key == "and" || key == "or" || key == "as" || key == "well";
      }
      if (listed) target = last_placed.second;
    }
    if (target) last_placed = {mn.end, target};
    // "near the village of A, west of the city": a place given as a bearing's reference point
    // only locates the event when nothing else does.
    // ("the town of A, south of B, after clashes": the bearing places A, which the event takes.)
    bool landmark = false;
    int located = -1;
    for (std::uint32_t k = mn.begin, n = 0; k > s.first_token + 1 && n < 4; ++n) {
      --k;
      if (tokens_[k].key == "of") {
        landmark = res_.in("compass", tokens_[k - 1].key);
        if (landmark && k >= s.first_token + 3 && tokens_[k - 2].key == ",") {
          for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
            const Mention& o = mentions_[r];
            if (!o.dropped && o.end == k - 2 && o.entity >= 0 && (bit(o.type) & kPlaceMask) &&
                o.type != kCountry) {
              located = o.entity;
            }
          }
        }
        break;
      }
      if (tokens_[k].kind != TokenKind::Word || tokens_[k].is(kCapitalized)) break;
    }
    // "near the town of A in western X": a compass region of a country only bounds where it
    // happened when the event has another place.
    if (mn.type == kRegion && mn.begin < mn.end && res_.in("compass", tokens_[mn.begin].key)) {
      landmark = true;
    }
    // "in X, near the border with Y": the neighbour only bounds where it happened.
    {
      std::uint32_t k = mn.begin;
      if (k > s.first_token && tokens_[k - 1].key == "the") --k;
      if (k >= s.first_token + 2 && tokens_[k - 1].key == "with" &&
          (tokens_[k - 2].key == "border" || tokens_[k - 2].key == "frontier")) {
        landmark = true;
      }
    }
    if (target) {
      std::vector<int>& into = landmark ? target->landmarks : target->locations;
      if (std::find(into.begin(), into.end(), mn.entity) == into.end()) into.push_back(mn.entity);
      std::vector<int>& where = target->locations;
      if (located >= 0 && std::find(where.begin(), where.end(), located) == where.end()) {
        where.push_back(located);
      }
    }
  }
  // Coordinated triggers share their places: "drones and missiles hit A", "firing drones and a
  // barrage of missiles at A and B", "airstrikes and shelling in A".
  for (std::size_t a = 0; a < local.size(); ++a) {
    for (std::size_t b = 0; b < local.size(); ++b) {
      Event& first = events_[local[a]];
      Event& second = events_[local[b]];
      if (a == b || second.begin < first.end || second.begin - first.end > 4) continue;
      bool joined = false;
      bool plain = true;
      for (std::uint32_t k = first.end; k < second.begin; ++k) {
        const Token& t = tokens_[k];
        if (t.key == "and" || t.key == "or") joined = true;
        if (t.kind == TokenKind::Punct && t.key != ",") plain = false;
        if (t.kind == TokenKind::Word && t.is(kCapitalized)) plain = false;
      }
      if (!joined || !plain || first.cls == second.cls) continue;
      std::vector<int> both = first.locations;
      for (int loc : second.locations) {
        if (std::find(both.begin(), both.end(), loc) == both.end()) both.push_back(loc);
      }
      first.locations = both;
      second.locations = both;
    }
  }
  // "Kisumu, the provincial capital they captured in January", "Eldoret, the largest town in the
  // north, which it had captured last year": a verb with no place in a relative clause on a
  // place's apposition happened at that place.
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.pos != "verb" || !ev.locations.empty() || ev.begin < s.first_token + 3) continue;
    static const std::set<std::string> subjects = {"they", "it", "he", "she", "which", "that"};
    std::uint32_t b = ev.begin - 1;
    if (tokens_[b].key == "had" || tokens_[b].key == "has" || tokens_[b].key == "have") --b;
    if (!subjects.count(tokens_[b].key)) continue;
    int head = -1;
    std::uint32_t head_end = 0;
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      const Mention& mn = mentions_[q];
      if (mn.dropped || mn.dateline || mn.metonym || mn.entity < 0 || mn.type == kCountry ||
          !(bit(mn.type) & kPlaceMask) || mn.end + 2 >= ev.begin || ev.begin - mn.end > 15) {
        continue;
      }
      const std::string& det = tokens_[mn.end + 1].key;
      if (tokens_[mn.end].key != "," || (det != "the" && det != "a" && det != "an")) continue;
      if (head < 0 || mn.end < head_end) {
        head = mn.entity;
        head_end = mn.end;
      }
    }
    if (head < 0) continue;
    bool other_event = false;
    for (std::size_t o : local) {
      other_event = other_event || (events_[o].begin >= head_end && events_[o].begin < ev.begin);
    }
    for (std::uint32_t k = head_end; k < ev.begin; ++k) {
      other_event = other_event || tokens_[k].key == ";" || tokens_[k].key == ".";
    }
    if (!other_event) ev.locations.push_back(head);
  }
  // "gunmen stormed the camp, opening fire on residents and shelling their homes": an event
  // with no place in a participle clause after a comma elaborates the event before it and
  // happened where it did.
  for (std::size_t b = 0; b < local.size(); ++b) {
    Event& later = events_[local[b]];
    if (!later.locations.empty()) continue;
    for (std::size_t a = b; a-- > 0;) {
      const Event& earlier = events_[local[a]];
      if (earlier.locations.empty() || earlier.end > later.begin) continue;
      bool participle = false;
      for (std::uint32_t k = earlier.end; k + 1 < later.begin + 1 && k + 1 < s.last_token; ++k) {
        const std::string& w = tokens_[k + 1].key;
        if (tokens_[k].key == "," && w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0) {
          participle = true;
        }
        if (tokens_[k].key == ";" || tokens_[k].key == ".") participle = false;
      }
      if (participle) later.locations = earlier.locations;
      break;
    }
  }
  merge_framing_event(s, local);
  place_from_scene(si, local);
  truce_after_fighting(si, local);
  const std::vector<TimeExpression> times =
      has_time_word ? find_time_expressions(tokens_, s.first_token, s.last_token,
                                            res_.required("time_words"), reference_date(article_))
                    : std::vector<TimeExpression>{};
  std::vector<Event*> evs;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    evs.push_back(&ev);
    // Wider places become context: "Kabul" is where, "Afghanistan" around it.
    std::vector<int> primary;
    for (int loc : ev.locations) {
      bool wider = false;
      for (int other : ev.locations) {
        // A site keeps its city as a location: reports name either.
        if (other != loc && contains(loc, other) &&
            entities_[static_cast<std::size_t>(other)].type != kSite) {
          wider = true;
        }
      }
      (wider ? ev.context : primary).push_back(loc);
    }
    for (int loc : ev.landmarks) {
      if (std::find(primary.begin(), primary.end(), loc) == primary.end()) {
        (primary.empty() ? primary : ev.context).push_back(loc);
      }
    }
    ev.locations = primary;
    // Talks held where envoys were sent: the other places of the sentence are around them.
    if (ev.venue >= 0 && std::find(primary.begin(), primary.end(), ev.venue) != primary.end()) {
      for (int loc : primary) {
        if (loc != ev.venue) ev.context.push_back(loc);
      }
      ev.locations.assign(1, ev.venue);
    }
    // Agent: the nearest actor before the trigger that is not the object of a preposition. A
    // news outlet reports, it does not act ("(AP) -- Drones struck"); a dash ends a dateline;
    // a speech or reaction verb between the two (data/lexicon/agent_barriers.tsv) makes the
    // actor someone speaking about the event ("Egypt condemned the strikes"), unless a subject
    // pronoun follows it ("the military said it struck": the speaker acts).
    for (std::uint32_t k = ev.begin; k > s.first_token && k + 10 > ev.begin;) {
      --k;
      const std::string& key = tokens_[k].key;
      if (key == "-" || key == "--") break;
      if (res_.in("agent_barriers", key)) {
        bool speaker_acts = false;
        for (std::uint32_t j = k + 1; j < ev.begin && j <= k + 2; ++j) {
          speaker_acts = speaker_acts || res_.in("subject_pronouns", tokens_[j].key);
        }
        if (!speaker_acts) break;
        // The speaker acts: the agent is the subject of the speech verb, the first actor of
        // the sentence before it ("The Arakan Army, one of the most powerful ethnic armed
        // groups, said its fighters had captured"; "Russia, the only country to recognise the
        // Taliban government, ... said it would consider mediating"); a demonym only when
        // there is nothing else ("Kenyan President William Ruto said he would").
        const int subject = first_actor_before(k, s.first_token);
        if (subject >= 0) ev.agents.push_back(subject);
        break;
      }
      int found = -1;
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
        const Mention& mn = mentions_[q];
        if (mn.dropped || mn.end != k + 1) continue;
        const int type = mn.type == kDemonym ? kCountry : mn.type;
        if (type == kMediaOutlet) continue;
        if (!(bit(type) & kActorMask) && !mn.metonym) continue;
        if (mn.type == kCountry && mn.locative) continue;
        if (mn.begin > s.first_token && locative_phrase_before(mn.begin)) continue;
        // "rebels backed by Rwanda seized": the actor after "by" is the agent of another verb
        // (but "injured by Pakistani strikes": a modifier of a noun trigger is its agent).
        if ((ev.pos == "verb" || mn.end < ev.begin) && after_by(mn.begin, s.first_token)) continue;
        if (mn.type == kCity && !mn.metonym) continue;
        found = mn.metonym ? mn.stands_for : mn.entity;
      }
      if (found >= 0) {
        ev.agents.push_back(found);
        break;
      }
      if (tokens_[k].key == "." || tokens_[k].key == ";") break;
    }
    // "... by X" right after the trigger names the agent; "on/against X" the target.
    for (std::uint32_t k = ev.end; k < s.last_token && k < ev.end + 6; ++k) {
      const std::string& w = tokens_[k].key;
      const bool by = w == "by";
      // Meetings and talks are "with" someone.
      const bool with = w == "with" && (ev.cls == "DiplomaticContact" ||
                                        ev.cls == "DiplomaticVisit" || ev.cls == "Negotiation");
      const bool on = w == "on" || w == "against" || w == "targeting" || w == "at" || with;
      if (!by && !on && !(ev.pos == "verb" && k == ev.end)) continue;
      const std::uint32_t from = (by || on) ? k + 1 : k;
      // The longest actor starting there: "Russian President X" is X, not Russia.
      int best_who = -1;
      std::uint32_t best_begin = 0, best_len = 0;
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
        const Mention& mn = mentions_[q];
        if (mn.dropped || mn.begin < from || mn.begin > from + 2) continue;
        // "by X" / "by the X" only: not "by phone with X".
        if (by && !(mn.begin == from || (mn.begin == from + 1 && tokens_[from].key == "the"))) {
          continue;
        }
        const int type = mn.type == kDemonym || mn.metonym ? kCountry : mn.type;
        if (!(bit(type) & kActorMask)) continue;
        const int who = mn.metonym ? mn.stands_for : mn.entity;
        if (best_who < 0 || mn.begin < best_begin ||
            (mn.begin == best_begin && mn.end - mn.begin > best_len)) {
          best_who = who;
          best_begin = mn.begin;
          best_len = mn.end - mn.begin;
        }
      }
      if (best_who >= 0) {
        if (by) {
          // "X repelled an attack by Y": Y acts; X, found before the trigger, was the target.
          if (ev.targets.empty()) ev.targets = ev.agents;
          ev.agents.assign(1, best_who);
        } else {
          ev.targets.push_back(best_who);
        }
        break;
      }
    }
    // "launched missiles and drones at Israel": a strike from afar with no place of its own
    // hit the state it was aimed at.
    static const std::set<std::string> from_afar = {"Airstrike", "MissileStrike", "DroneAttack",
                                                    "Shelling"};
    if (from_afar.count(ev.cls) && ev.locations.empty() && ev.context.empty() &&
        ev.targets.size() == 1) {
      const Entity& t = entities_[static_cast<std::size_t>(ev.targets.front())];
      if (t.type == kCountry) {
        ev.locations.push_back(ev.targets.front());
        entities_[static_cast<std::size_t>(ev.targets.front())].as_place = true;
      }
    }
    // Time: the expression nearest to the trigger within its clause: one behind a word of
    // time_clause_breaks.tsv belongs to another clause ("assaults since the group returned to
    // power five years ago"); and not the time of the report ("killed 40 people, a medical group
    // said on Tuesday": Tuesday is when it was said).
    long best = 1L << 30;
    for (const TimeExpression& te : times) {
      // (A declaration is itself speech: its time is the report's.)
      // (An agreement or a truce is dated by its announcement.)
      if (ev.cls != "Statement" && ev.cls != "PeaceAgreement" && ev.cls != "Ceasefire" &&
          speech_time(te.begin, s.first_token)) {
        ev.reported_time = true;
        continue;
      }
      const bool after = te.begin >= ev.end;
      if (after ? time_clause_break(ev.end, te.begin) : time_clause_break(te.end, ev.begin)) {
        continue;
      }
      // At equal distance the expression after the trigger is its own ("..., and a ceasefire
      // agreed in Havana in 2023"); the one before may close the previous clause.
      const long d = 2 * (after ? static_cast<long>(te.begin - ev.end)
                                : static_cast<long>(ev.begin - te.end)) +
                     (after ? 0 : 1);
      if (d < best) {
        best = d;
        ev.time_text = surface(te.begin, te.end);
        ev.date = te.value;
        // ("since 2023, when rockets hit the city": the clause after "when" is one event.)
        bool when_between = false;
        for (std::uint32_t k = te.end; k < ev.begin; ++k) when_between |= tokens_[k].key == "when";
        ev.since_span =
            !when_between && (tokens_[te.begin].key == "since" ||
                              (te.begin > s.first_token && tokens_[te.begin - 1].key == "since"));
      }
    }
    // "a 1991 ceasefire", "the 2018 peace deal": a year right before an event noun dates it.
    if (ev.pos == "noun" && ev.begin > s.first_token) {
      const Token& y = tokens_[ev.begin - 1];
      const bool year =
          y.kind == TokenKind::Number && y.key.size() == 4 &&
          (y.key.rfind("19", 0) == 0 || y.key.rfind("20", 0) == 0) &&
          std::all_of(y.key.begin(), y.key.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (year) {
        ev.time_text = y.key;
        ev.date = y.key;
      }
    }
    // A sentence without a time continues the previous one's when it reports the same kind of
    // event ("Pakistan launched airstrikes on Friday. The airstrikes hit ...").
    // (Strikes from afar are one kind: "A drone struck X on Monday. The strike hit ...".)
    static const std::set<std::string> afar = {"Airstrike", "MissileStrike", "DroneAttack",
                                               "Shelling"};
    const bool same_kind = focus_classes_.count(ev.cls) > 0 ||
                           (afar.count(ev.cls) > 0 &&
                            std::any_of(focus_classes_.begin(), focus_classes_.end(),
                                        [&](const std::string& c) { return afar.count(c) > 0; }));
    if (times.empty() && !focus_date_.empty() && same_kind) ev.date = focus_date_;
    // (An event placed by the scene before it also happened at the scene's time.)
    if (times.empty() && !focus_date_.empty() && ev.from_scene && focus_sentence_ + 1 == si) {
      ev.date = focus_date_;
    }
    // "Soon after the strikes, troops exchanged fire": a sentence opening with "after/following
    // the <event>" is dated by the last such event reported.
    if (times.empty() && ev.date.empty()) {
      for (std::uint32_t k = s.first_token; k + 2 < s.last_token && k < s.first_token + 3; ++k) {
        if ((tokens_[k].key != "after" && tokens_[k].key != "following") ||
            tokens_[k + 1].key != "the") {
          continue;
        }
        std::string cls;
        for (std::uint32_t x = lex_start_[k + 2]; x < lex_start_[k + 3]; ++x) {
          if (lexemes_[x].lexicon == trig_lex) cls = triggers.get(lexemes_[x].row, "class");
        }
        if (cls.empty() || cls == "-") break;
        // (The anchor itself restates the earlier event.)
        if (ev.begin == k + 2) {
          ev.merged = true;
          break;
        }
        for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
          if (it->sentence >= si || it->merged || it->date.empty()) continue;
          if (it->cls == cls || (afar.count(it->cls) && afar.count(cls))) {
            ev.date = it->date;
            break;
          }
        }
        break;
      }
    }
    ev.report_day = times.empty() && ev.date.empty() && narrative_recent() &&
                    !undated_cue_before(ev, s.first_token);
  }
  // The focus for the next sentence: the date an event of this one took from its own time
  // expression (else the last resolved expression, which dates no event class).
  // The first such event ("X accused Y on Tuesday of firing overnight, ... a treaty agreed last
  // month": Tuesday, not last month).
  std::string dated_by_own;
  for (Event* ev : evs) {
    if (!ev->time_text.empty() && !ev->date.empty()) {
      dated_by_own = ev->date;
      break;
    }
  }
  for (const TimeExpression& te : times) {
    // "since November 2024" opens a span: it puts no date in focus for the next sentence.
    if (tokens_[te.begin].key == "since" ||
        (te.begin > s.first_token && tokens_[te.begin - 1].key == "since")) {
      continue;
    }
    if (!te.value.empty()) {
      focus_date_ = dated_by_own.empty() ? te.value : dated_by_own;
      focus_sentence_ = si;
      focus_classes_.clear();
      for (Event* ev : evs) {
        if (!ev->time_text.empty() && ev->date == dated_by_own) focus_classes_.insert(ev->cls);
      }
    }
  }
  narrate(times);
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (tally_over_span(ev, s, times, local) || background_trend(ev, s, local)) {
      ev.merged = ev.dropped = true;
    }
    // "have attacked shipping in the Red Sea since November 2023", "attacks have become more
    // frequent since 2023", "has facilitated talks since 2013": an event whose own time is a
    // span opened before the report's month ("since ...") sums up many; it reports none
    // (classes: data/lexicon/span_event_classes.tsv). ("holding talks since July 6" in a July
    // report: the talks of these days.)
    if (ev.since_span && !ev.date.empty() && !recent(ev.date) &&
        ev.date.substr(0, 7) < reference_date(article_).substr(0, 7) &&
        res_.in("span_event_classes", fold_key(ev.cls))) {
      ev.merged = ev.dropped = true;
    }
  }
  casualties(s, evs);
  // "complicit in the attacks", "a truck bomb ..., the deadliest attack in the country's
  // history": a definite generic attack noun with no place or figures of its own refers back to
  // an event already reported; it adds none. So do "the talks" ("both sides described the talks
  // as positive", "two sources close to the talks").
  const bool earlier_event =
      std::any_of(events_.begin(), events_.end(), [&](const Event& e) { return e.sentence < si; });
  for (Event* ev : evs) {
    if ((ev->cls != "GroundAttack" && ev->cls != "Negotiation") || ev->pos != "noun" ||
        !ev->locations.empty() || !ev->context.empty() || !ev->figures.empty()) {
      continue;
    }
    bool definite = false;
    for (std::uint32_t k = ev->begin; k > s.first_token && k + 3 >= ev->begin;) {
      --k;
      const Token& t = tokens_[k];
      if (t.key == "the" || t.key == "these" || t.key == "those" || t.key == "this") {
        definite = true;
        break;
      }
      if (t.kind != TokenKind::Word || t.is(kCapitalized)) break;
    }
    const bool other_here =
        std::any_of(evs.begin(), evs.end(), [&](const Event* o) { return o != ev; });
    // (Another event of the sentence is what it restates, whatever the time; else the
    // sentence must give no time of its own.)
    if (definite && (other_here || (earlier_event && times.empty()))) ev->merged = true;
  }
  // "expressed regret over the attack", "said the attack showed that ...", "held accountable
  // for the attack": a bare "the attack(s)" with no phrase of its own after it ("on X", "in X",
  // "by X") restates the violent event already reported, whatever places the sentence names
  // elsewhere (words that open an own phrase: restated_event_openers.tsv).
  const bool earlier_violent = std::any_of(events_.begin(), events_.end(), [&](const Event& e) {
    return e.sentence < si && !e.dropped && res_.in("located_event_classes", fold_key(e.cls));
  });
  for (Event* ev : evs) {
    if (ev->merged || ev->cls != "GroundAttack" || ev->pos != "noun" || !earlier_violent ||
        ev->begin == s.first_token || tokens_[ev->begin - 1].key != "the" || !ev->figures.empty()) {
      continue;
    }
    const bool own_phrase =
        ev->end < s.last_token && res_.in("restated_event_openers", tokens_[ev->end].key);
    if (!own_phrase) ev->merged = true;
  }
  // "the governor condemned the (Kamo) attacks", "X claimed responsibility for the bombing":
  // a definite event noun after a verb that answers an event (restating_cues.tsv) restates one
  // already reported, whatever places the sentence names; so does "the deadliest attack", "the
  // third attack on the field" (restating_modifiers.tsv).
  for (Event* ev : evs) {
    if (ev->pos != "noun" || ev->merged) continue;
    const bool other_here =
        std::any_of(evs.begin(), evs.end(), [&](const Event* o) { return o != ev; });
    if (!earlier_event && !other_here) continue;
    std::uint32_t det = ev->begin;
    for (std::uint32_t k = ev->begin; k > s.first_token && k + 3 >= ev->begin;) {
      --k;
      if (tokens_[k].key == "the" || tokens_[k].key == "these" || tokens_[k].key == "those") {
        det = k;
        break;
      }
      if (tokens_[k].kind != TokenKind::Word) break;  // "after the shelling, troops clashed"
    }
    if (det == ev->begin) continue;
    const bool modified =
        det + 1 < ev->begin && res_.in("restating_modifiers", tokens_[det + 1].key);
    if (modified || cue_before("restating_cues", det, s.first_token)) ev->merged = true;
  }
}

// A date of the report's time: a day of the week up to the reference date, or its month. The
// narrative is at the report's time until a time expression takes it elsewhere: after "in 2021"
// or "in recent months" (unresolved) a sentence without a time tells background.
bool ArticleRun::recent(const std::string& value) const {
  CivilDate ref, when;
  if (!parse_iso_date(reference_date(article_), ref)) return false;
  if (value.size() == 7) return value == format_date(ref).substr(0, 7);
  if (!parse_iso_date(value, when)) return false;
  for (int back = 0; back <= 7; ++back) {
    if (format_date(add_days(ref, -back)) == value) return true;
  }
  return false;
}

bool ArticleRun::time_clause_break(std::uint32_t from, std::uint32_t to) const {
  for (std::uint32_t k = from; k < to; ++k) {
    if (res_.in("time_clause_breaks", tokens_[k].key)) return true;
  }
  return false;
}

// A cue of undated_event_cues.tsv in the four words before the trigger, within its clause:
// "would consider talks", "to help end the fighting", "had carried out strikes".
// "a truck bomb in the capital killed ...": a bare "the capital" (no name after it, not "the
// capital of") is the last capital city the article named ("in the capital, Mogadishu").
void ArticleRun::capital_mentions(const Sentence& s, std::uint32_t si) {
  const Gazetteer& gz = res_.gazetteer;
  for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    if (tokens_[i].key != "capital" || tokens_[i - 1].key != "the" || last_capital_ < 0) continue;
    if (covered({kConcreteTypes, kConcreteTypes + 2}, i)) continue;
    const std::uint32_t next = i + 1;
    if (next < s.last_token) {
      const Token& t = tokens_[next];
      if (t.key == "of" || t.key == "city" || (t.kind == TokenKind::Word && t.is(kCapitalized)))
        continue;
      if (t.key == "," && next + 1 < s.last_token && tokens_[next + 1].is(kCapitalized)) continue;
    }
    add_reference(si, i - 1, i + 1, kCity, last_capital_, true);
  }
  // The last capital named so far, for the next "the capital" (as a place: "Nairobi said it was
  // ready with ..." names the state).
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.dateline || mn.metonym || mn.type != kCity || mn.entity < 0) continue;
    const Entity& e = entities_[static_cast<std::size_t>(mn.entity)];
    if (e.place >= 0 && gz.is_capital(gz.place(static_cast<std::uint32_t>(e.place)))) {
      last_capital_ = mn.entity;
    }
  }
}

// "The town was retaken by the army", "the airport was hit by two rockets": a definite place
// noun of data/lexicon/place_references.tsv with no name after it ("the town of X" names one)
// refers to the last place of its type the article named (a site: the last one whose name ends
// in that noun, "Tallamo airport"). Datelines and capitals standing for their state do not count.
void ArticleRun::reference_mentions(const Sentence& s, std::uint32_t si) {
  const Lexicon* refs = res_.lexicon("place_references");
  if (!refs) return;
  const auto eligible = [&](const Mention& mn) {
    constexpr TypeMask kinds = bit(kCity) | bit(kProvince) | bit(kRegion) | bit(kSite);
    return !mn.dropped && !mn.dateline && !mn.metonym && !mn.party && mn.entity >= 0 &&
           (bit(mn.type) & kinds) != 0;
  };
  struct Named {
    std::uint32_t end;
    int entity;
    int type;
    bool operator<(const Named& o) const { return end < o.end; }
  };
  std::vector<Named> here;  // this sentence's places
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (eligible(mn)) here.push_back({mn.end, mn.entity, mn.type});
  }
  std::stable_sort(here.begin(), here.end());
  std::vector<PhraseIndex::Match> matches;
  // "27 civilians had been executed there", "people trapped there": "there" after a verb's
  // participle is the last place named (not the "there" of "there were").
  for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    const Token& t = tokens_[i];
    const std::string& verb = tokens_[i - 1].key;
    if (t.key != "there" || t.is(kCapitalized) || tokens_[i - 1].kind != TokenKind::Word ||
        verb.size() < 5 ||
        (verb.compare(verb.size() - 2, 2, "ed") != 0 &&
         verb.compare(verb.size() - 3, 3, "ing") != 0)) {
      continue;
    }
    int target = -1;
    int type = -1;
    for (auto it = here.rbegin(); it != here.rend() && target < 0; ++it) {
      if (it->end <= i) {
        target = it->entity;
        type = it->type;
      }
    }
    if (target < 0 && !named_places_.empty()) {
      target = named_places_.back().first;
      type = named_places_.back().second;
    }
    if (target < 0) continue;
    add_reference(si, i, i + 1, type, target, true);
  }
  for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    // "the same district" refers back as "the district" does.
    const bool same =
        tokens_[i - 1].key == "same" && i >= s.first_token + 2 && tokens_[i - 2].key == "the";
    if ((tokens_[i - 1].key != "the" && !same) || tokens_[i].is(kCapitalized)) continue;
    const std::uint32_t the = same ? i - 2 : i - 1;
    refs->index().match(tokens_, i, s.last_token, matches);
    if (matches.empty()) continue;
    const std::uint32_t end = i + matches.front().length;
    const std::string_view kind = refs->get(matches.front().value, "type");
    if (end < s.last_token) {
      const Token& t = tokens_[end];
      if (t.key == "of" || (t.kind == TokenKind::Word && t.is(kCapitalized))) continue;
    }
    if (covered({kConcreteTypes, kConcreteTypes + 2}, i)) continue;
    const int type = kind == "City"       ? kCity
                     : kind == "Province" ? kProvince
                     : kind == "Region"   ? kRegion
                     : kind == "Site"     ? kSite
                                          : -1;
    if (type < 0) continue;
    // The last place introduced with the same noun ("the town of Korvani"), else the last of the
    // type introduced with none ("the provincial capital Belmora" is no town).
    const std::string& noun = tokens_[end - 1].key;
    const auto fits = [&](int entity, int mention_type, bool same_noun) {
      const Entity& e = entities_[static_cast<std::size_t>(entity)];
      if (mention_type != type && e.type != type) return false;
      if (type == kSite) {
        const std::vector<std::string> words = phrase_keys(e.label, res_.abbreviations);
        return !words.empty() && words.back() == noun;
      }
      return same_noun ? e.ref_nouns.count(noun) > 0 : e.ref_nouns.empty();
    };
    int target = -1;
    for (const bool same_noun : {true, false}) {
      for (auto it = here.rbegin(); it != here.rend() && target < 0; ++it) {
        if (it->end <= the && fits(it->entity, it->type, same_noun)) target = it->entity;
      }
      for (auto it = named_places_.rbegin(); it != named_places_.rend() && target < 0; ++it) {
        if (fits(it->first, it->second, same_noun)) target = it->first;
      }
    }
    if (target < 0) continue;
    add_reference(si, the, end, type, target, true);
  }
  for (const Named& n : here) named_places_.emplace_back(n.entity, n.type);
  // The nouns each place came with: "the town of X", "X village", "the Kelemi district".
  const auto ref_word = [&](std::uint32_t k) {
    return k >= s.first_token && k < s.last_token && res_.in("place_references", tokens_[k].key);
  };
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (!eligible(mn)) continue;
    Entity& e = entities_[static_cast<std::size_t>(mn.entity)];
    // (A rule's match may open with the noun: "town of [Korvani]".)
    if (mn.name_begin >= s.first_token + 2 && tokens_[mn.name_begin - 1].key == "of" &&
        ref_word(mn.name_begin - 2)) {
      e.ref_nouns.insert(tokens_[mn.name_begin - 2].key);
    } else if (ref_word(mn.name_end - 1)) {
      e.ref_nouns.insert(tokens_[mn.name_end - 1].key);
    } else if (ref_word(mn.end)) {
      e.ref_nouns.insert(tokens_[mn.end].key);
    } else if (mn.end + 2 < s.last_token && tokens_[mn.end].key == "," &&
               (tokens_[mn.end + 1].key == "a" || tokens_[mn.end + 1].key == "an")) {
      // "X, a town 60 km from Y", "X, a small city".
      for (std::uint32_t k = mn.end + 2; k < mn.end + 4; ++k) {
        if (ref_word(k)) {
          e.ref_nouns.insert(tokens_[k].key);
          break;
        }
      }
    }
  }
}

// "the insurgents", "17 militants": a plural noun of data/lexicon/group_references.tsv, not
// qualified by a name before it nor by "of/from" after it, is the last armed group the article
// named (none named yet: no one).
void ArticleRun::group_references(const Sentence& s, std::uint32_t si) {
  const Lexicon* refs = res_.lexicon("group_references");
  std::vector<std::pair<std::uint32_t, int>> groups;  // this sentence's groups: end, entity
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (!mn.dropped && mn.type == kArmedGroup && mn.entity >= 0) {
      groups.emplace_back(mn.end, mn.entity);
    }
  }
  std::sort(groups.begin(), groups.end());
  for (std::uint32_t i = s.first_token; refs && i < s.last_token; ++i) {
    if (!res_.in("group_references", tokens_[i].key)) continue;
    if (i > s.first_token) {
      const Token& before = tokens_[i - 1];
      if (tokens_[i].is(kCapitalized) ||
          (before.kind == TokenKind::Word && before.is(kCapitalized)))
        continue;
    }  // (sentence-initial: "Insurgents seized the town")
    if (i + 1 < s.last_token && (tokens_[i + 1].key == "of" || tokens_[i + 1].key == "from"))
      continue;
    if (covered({kConcreteTypes, kConcreteTypes + 2}, i)) continue;
    int group = last_group_;
    for (const auto& [end, entity] : groups) {
      if (end <= i) group = entity;
    }
    if (group < 0) continue;
    add_reference(si, i, i + 1, kArmedGroup, group, false);
  }
  if (!groups.empty()) last_group_ = groups.back().second;
}

// "talks between A and B in C", "clashes between A and B": the names after "between" right
// behind an event trigger (up to two lower-case words between) are its parties, not places.
// "(By Gonzalo Solano and Regina Garcia Cano)", "Reporting by A in Nairobi": a credit line
// (opened by a phrase of credit_openers.tsv) names reporters; "Regina" and "Cano" are no towns
// and the reporters' city is no place of the story.
void ArticleRun::drop_credit_places(const Sentence& s) {
  std::uint32_t len = 0;
  const int lex = res_.lexicon_id.at("credit_openers");
  bool credit = false;
  for (std::uint32_t k = lex_start_[s.first_token]; k < lex_start_[s.first_token + 1]; ++k) {
    if (lexemes_[k].lexicon == lex) {
      credit = true;
      len = lexemes_[k].length;
    }
  }
  if (!credit || s.first_token + len >= s.last_token) return;
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    Mention& m = mentions_[q];
    if (!m.dropped && (bit(m.type) & kPlaceMask)) {
      m.dropped = true;
      ++changes_;
    }
  }
}

void ArticleRun::mark_parties(const Sentence& s) {
  const int trig_lex = res_.lexicon_id.at("event_triggers");
  for (std::uint32_t j = s.first_token + 1; j < s.last_token; ++j) {
    if (tokens_[j].key != "between") continue;
    bool after_trigger = false;
    for (std::uint32_t end = j; end > s.first_token && end + 2 >= j; --end) {
      for (std::uint32_t p = end > s.first_token + 4 ? end - 4 : s.first_token; p < end; ++p) {
        for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
          after_trigger =
              after_trigger || (lexemes_[k].lexicon == trig_lex && p + lexemes_[k].length == end);
        }
      }
      const Token& t = tokens_[end - 1];
      if (after_trigger || t.kind != TokenKind::Word || t.is(kCapitalized)) break;
    }
    if (!after_trigger) continue;
    std::uint32_t m = j + 1;
    while (m < s.last_token &&
           (covered({kConcreteTypes, kConcreteTypes + 2, kDemonym}, m) || tokens_[m].key == "and" ||
            tokens_[m].key == "," || tokens_[m].key == "the" || tokens_[m].key == "'s")) {
      ++m;
    }
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      Mention& mn = mentions_[q];
      if (mn.begin > j && mn.end <= m) {
        mn.party = true;
        if (mn.type == kCountry) mn.locative = false;  // the state takes part
      }
    }
  }
}

// A phrase of not_event_cues.tsv ends right before token b or before a few lower-case words
// ("called for an immediate ceasefire", "open to talks", "towards a truce").
bool ArticleRun::not_event_cue_before(std::uint32_t b, std::uint32_t first) const {
  return cue_before("not_event_cues", b, first);
}

// A word of hypothetical_cues.tsv among the four words before token b, within its clause.
bool ArticleRun::hypothetical_cue_before(std::uint32_t b, std::uint32_t first) const {
  for (std::uint32_t k = b; k > first && k + 4 >= b;) {
    --k;
    const std::string& key = tokens_[k].key;
    if (key == "," || key == ";" || key == "." || key == ":") break;
    if (res_.in("hypothetical_cues", key)) return true;
  }
  return false;
}

// A phrase of `lexicon` ends at b, or up to three lower-case words before it.
bool ArticleRun::cue_before(const char* lexicon, std::uint32_t b, std::uint32_t first) const {
  const auto id = res_.lexicon_id.find(lexicon);
  if (id == res_.lexicon_id.end()) return false;
  for (std::uint32_t end = b; end > first && end + 3 >= b; --end) {
    for (std::uint32_t p = end > first + 4 ? end - 4 : first; p < end; ++p) {
      for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
        if (lexemes_[k].lexicon == id->second && p + lexemes_[k].length == end) return true;
      }
    }
    const Token& t = tokens_[end - 1];
    if (t.kind != TokenKind::Word || t.is(kCapitalized)) return false;
  }
  return false;
}

// A thing counted in claims (claim_counted_objects.tsv, kind posts or equipment) within six
// tokens before [b, e) or three after, in the same clause.
bool ArticleRun::counted_object_near(std::uint32_t b, std::uint32_t e, std::uint32_t first,
                                     std::uint32_t last) const {
  const Lexicon* counted = res_.lexicon("claim_counted_objects");
  if (!counted) return false;
  const int id = res_.lexicon_id.at("claim_counted_objects");
  auto object_at = [&](std::uint32_t p) {
    for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
      if (lexemes_[k].lexicon == id && counted->get(lexemes_[k].row, "kind") != "none") return true;
    }
    return false;
  };
  for (std::uint32_t p = b; p > first && p + 6 >= b;) {
    --p;
    const std::string& key = tokens_[p].key;
    if (key == ";" || key == "." || key == ":") break;
    if (object_at(p)) return true;
  }
  for (std::uint32_t p = e; p < last && p < e + 3; ++p) {
    if (object_at(p)) return true;
  }
  return false;
}

bool ArticleRun::undated_cue_before(const Event& ev, std::uint32_t first) const {
  for (std::uint32_t k = ev.begin; k > first && k + 4 >= ev.begin;) {
    --k;
    const std::string& key = tokens_[k].key;
    if (key == "," || key == ";" || key == "." || key == ":") break;
    if (res_.in("undated_event_cues", key)) return true;
  }
  return false;
}

// An event its sentence gives no time, told without a cue that sets it apart from the report,
// happened on the report's day: the article's date (TimeML's document creation time), or for an
// undated article the date inferred from its batch. After merging, so a repeated mention
// ("the strikes") still joins the report that dates it.
void ArticleRun::date_by_report() {
  const std::string& day = reference_date(article_);
  if (day.empty()) return;
  for (Event& ev : events_) {
    if (!ev.merged && ev.date.empty() && ev.time_text.empty() && ev.report_day) ev.date = day;
  }
}

bool ArticleRun::same_paragraph(std::uint32_t earlier, std::uint32_t later) const {
  const std::string_view between(norm_.text.data() + sentences_[earlier].end,
                                 sentences_[later].begin - sentences_[earlier].end);
  return between.find('\n') == std::string_view::npos;
}

// "near the border with Y", "west of Y": a place that only bounds where something happened.
bool ArticleRun::bounds_only(const Sentence& s, const Mention& mn) const {
  std::uint32_t k = mn.begin;
  if (k > s.first_token && tokens_[k - 1].key == "the") --k;
  if (k >= s.first_token + 2 && tokens_[k - 1].key == "with" &&
      (tokens_[k - 2].key == "border" || tokens_[k - 2].key == "frontier")) {
    return true;
  }
  return k >= s.first_token + 2 && tokens_[k - 1].key == "of" &&
         res_.in("compass", tokens_[k - 2].key);
}

// A sentence that reports no event may set the scene for the next one: places below a country
// where something is ("Life in X", "around X", a list "in A and B"), and the places that
// qualify them right after, which only bound them ("in the A district of B", "X, a village in
// Y near the border with Z", "X, a town west of Y"); not datelines, metonyms, parties, places
// inside actors' names, nor where people went to or came from.
void ArticleRun::record_scene(const Sentence& s, std::uint32_t si) {
  scene_ = Scene{};
  scene_.sentence = si;
  std::uint32_t open_until = 0;  // the end of the last scene place
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.metonym || mn.dateline || mn.party || mn.entity < 0 ||
        mn.type == kCountry || !(bit(mn.type) & kPlaceMask)) {
      continue;
    }
    if (entity_in_range(mn.begin, mn.end, kActorMask & ~bit(kCountry)) >= 0) continue;
    std::uint32_t k = mn.begin;
    while (k > s.first_token &&
           (tokens_[k - 1].key == "the" || res_.in("compass", tokens_[k - 1].key))) {
      --k;
    }
    static const std::set<std::string> away = {"from", "to", "into", "toward", "towards"};
    if (k > s.first_token && away.count(tokens_[k - 1].key)) continue;
    // Right after the last scene place, joined by lower-case words: a list or a qualifier.
    bool attached = open_until > 0 && mn.begin >= open_until && mn.begin <= open_until + 8;
    bool listed = true;
    for (std::uint32_t j = open_until; attached && j < mn.begin; ++j) {
      const Token& t = tokens_[j];
      attached = t.key == "," || (t.kind == TokenKind::Word && !t.is(kCapitalized) &&
                                  !res_.in("speech_verbs", t.key));
      listed = listed && (t.key == "," || t.key == "and" || t.key == "or");
    }
    // ("X, the capital of Y, is ...": Y only qualifies a place that is no scene.)
    const bool of_place = k > s.first_token && tokens_[k - 1].key == "of";
    if ((!mn.locative || of_place) && !attached) continue;
    const bool qualifier = attached && !listed;
    std::vector<int>& into = qualifier || bounds_only(s, mn) ? scene_.landmarks : scene_.places;
    if (std::find(into.begin(), into.end(), mn.entity) == into.end()) into.push_back(mn.entity);
    open_until = mn.end;
  }
}

// "Tension has been high around X, a village in Y. On Sunday, rebels shot dead two villagers":
// when no event of a sentence has a place and the sentence before, in the same paragraph,
// reported no event but named places, a violent event (located_event_classes.tsv) happened
// there.
void ArticleRun::place_from_scene(std::uint32_t si, const std::vector<std::size_t>& local) {
  if (si == 0 || scene_.sentence + 1 != si || scene_.places.empty() ||
      !same_paragraph(si - 1, si)) {
    return;
  }
  for (std::size_t idx : local) {
    const Event& ev = events_[idx];
    if (!ev.locations.empty() || !ev.landmarks.empty() || !ev.context.empty()) return;
  }
  static const std::set<std::string> definite = {"the", "these", "those", "this", "its", "their"};
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (!res_.in("located_event_classes", fold_key(ev.cls))) continue;
    // ("The attacks came hours after ...": a definite noun refers back to events reported.)
    if (ev.pos == "noun" && definite.count(tokens_[ev.begin - 1].key)) continue;
    ev.locations = scene_.places;
    ev.landmarks = scene_.landmarks;
    ev.from_scene = true;
  }
}

// "Two factions fought in the town of X last week. Local officials later brokered a ceasefire
// between the two factions on Saturday": a truce with no place, in the sentence right after one
// that reported located fighting (located_event_classes.tsv) in the same paragraph and points
// back at it, ended that fighting, at its places.
void ArticleRun::truce_after_fighting(std::uint32_t si, const std::vector<std::size_t>& local) {
  if (si == 0 || !same_paragraph(si - 1, si)) return;
  const Event* fighting = nullptr;
  for (const Event& e : events_) {
    if (e.sentence == si - 1 && !e.merged && !e.locations.empty() &&
        res_.in("located_event_classes", fold_key(e.cls))) {
      fighting = &e;
    }
  }
  if (fighting == nullptr) return;
  // The truce's sentence must point back at that fighting ("later", "the two factions";
  // truce_back_references.tsv).
  const Sentence& s = sentences_[si];
  bool back = false;
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
    back |= res_.in("truce_back_references", tokens_[k].key);
  }
  if (!back) return;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.cls != "Ceasefire" || !ev.locations.empty() || !ev.context.empty()) continue;
    ev.locations = fighting->locations;
  }
}

// "A drone strike killed 12 people in X on Sunday, ..., as fighting between A and B
// intensified": an event noun opening an "as" clause whose verb tells a trend (trend_verbs.tsv)
// frames the report; with no place of its own it reports no event.
bool ArticleRun::background_trend(const Event& ev, const Sentence& s,
                                  const std::vector<std::size_t>& local) const {
  if (ev.pos != "noun" || !ev.locations.empty() || !ev.landmarks.empty()) return false;
  std::uint32_t k = ev.begin;
  if (k > s.first_token && tokens_[k - 1].key == "the") --k;
  if (k == s.first_token || tokens_[k - 1].key != "as") return false;
  for (std::uint32_t j = ev.end; j < s.last_token && j < ev.end + 15; ++j) {
    const std::string& key = tokens_[j].key;
    if (key == ";" || key == "." || key == ",") return false;
    const bool other_trigger = std::any_of(
        local.begin(), local.end(), [&](std::size_t idx) { return events_[idx].begin == j; });
    if (other_trigger) return false;
    if (res_.in("trend_verbs", key)) return true;
  }
  return false;
}

// "Drone strikes have killed more than 300 civilians in X since October", "The fighting
// between A and B has killed more than 800 people since September": an event noun that is the
// subject of a toll verb in the perfect (tally_verbs.tsv) over a span opened before the
// report's week or month ("since ...") sums up many events; it reports none. ("clashes have
// killed 350 people since Sunday" is the fighting of these days: an event.)
bool ArticleRun::tally_over_span(const Event& ev, const Sentence& s,
                                 const std::vector<TimeExpression>& times,
                                 const std::vector<std::size_t>& local) const {
  if (ev.pos != "noun") return false;
  std::uint32_t verb = 0;
  for (std::uint32_t k = ev.end; k + 1 < s.last_token && k < ev.end + 30 && verb == 0; ++k) {
    const std::string& key = tokens_[k].key;
    if (key == ";" || key == "." || res_.in("speech_verbs", key)) return false;
    const bool other_trigger = std::any_of(
        local.begin(), local.end(), [&](std::size_t idx) { return events_[idx].begin == k; });
    if (other_trigger) return false;
    if ((key == "have" || key == "has") && res_.in("tally_verbs", tokens_[k + 1].key)) verb = k + 1;
  }
  if (verb == 0) return false;
  return std::any_of(times.begin(), times.end(), [&](const TimeExpression& te) {
    const bool since = tokens_[te.begin].key == "since" || tokens_[te.begin - 1].key == "since";
    return te.begin > verb && since && !te.value.empty() && !recent(te.value);
  });
}

// "a bomb ripped through a vehicle carrying policemen home from a search operation in the early
// hours of the morning near X": a place below a country far after a trigger with no place yet
// is still its place when a locative word introduces it and one stretch with no punctuation,
// speech verb or other trigger leads to it.
bool ArticleRun::same_phrase_place(const Event& ev, const Mention& mn,
                                   const std::vector<std::size_t>& local) const {
  constexpr std::uint32_t kMaxPhrase = 30;
  if (!mn.locative || mn.type == kCountry || !ev.locations.empty() || !ev.landmarks.empty() ||
      mn.begin < ev.end || mn.begin - ev.end > kMaxPhrase) {
    return false;
  }
  for (std::uint32_t k = ev.end; k < mn.begin; ++k) {
    if (tokens_[k].kind == TokenKind::Punct || res_.in("speech_verbs", tokens_[k].key)) {
      return false;
    }
  }
  return std::none_of(local.begin(), local.end(), [&](std::size_t idx) {
    const Event& other = events_[idx];
    return &other != &ev && other.begin >= ev.end && other.begin < mn.begin;
  });
}

// "In a raid on X on Tuesday, troops clashed with ...", "In a separate attack, a drone dropped
// explosives on ...": an opening "In/During a(n) <event noun> ...," frames the event of the
// main clause. They are one event, the main clause's, placed where the frame is when it has
// no place of its own.
void ArticleRun::merge_framing_event(const Sentence& s, const std::vector<std::size_t>& local) {
  if (local.size() < 2 || s.first_token + 3 >= s.last_token) return;
  const std::string& opening = tokens_[s.first_token].key;
  const std::string& article = tokens_[s.first_token + 1].key;
  if ((opening != "in" && opening != "during") || (article != "a" && article != "an")) return;
  Event& frame = events_[local.front()];
  if (frame.pos != "noun" || frame.begin > s.first_token + 4) return;
  for (std::uint32_t k = s.first_token + 2; k < frame.begin; ++k) {
    if (tokens_[k].kind != TokenKind::Word || tokens_[k].is(kCapitalized)) return;
  }
  std::uint32_t comma = frame.end;
  while (comma < s.last_token && tokens_[comma].key != "," && comma < frame.end + 25) ++comma;
  if (comma >= s.last_token || tokens_[comma].key != ",") return;
  Event* main = nullptr;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (&ev == &frame) continue;
    if (ev.begin < comma) return;  // another event inside the frame: not one phrase
    main = &ev;
    break;
  }
  if (main == nullptr) return;
  if (main->locations.empty() && main->landmarks.empty()) {
    main->locations = frame.locations;
    main->landmarks = frame.landmarks;
  }
  frame.merged = true;
}

// Within an article, "the strikes" without a place repeats an event already reported with
// one: merge an unlocated event into an event of the same class with a compatible date.
void ArticleRun::merge_events() {
  // "an attack on a military base in X", "a bomber blew herself up at a market in X": an event
  // placed at an unnamed site (a lower-case description) inside a named place happened in that
  // place; the description is no place name.
  for (Event& ev : events_) {
    std::vector<int> places;
    for (int loc : ev.locations) {
      const Entity& e = entities_[static_cast<std::size_t>(loc)];
      const bool described = e.type == kSite && e.part_of >= 0 && !e.label.empty() &&
                             e.label[0] >= 'a' && e.label[0] <= 'z';
      const int place = described ? e.part_of : loc;
      if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
      if (described) entities_[static_cast<std::size_t>(place)].as_place = true;
    }
    ev.locations = places;
  }
  // A headline ("Drone strike on market kills dozens in X", the line before the dateline)
  // restates the story in the present tense: its event is the body's event of the same kind
  // (strikes from afar are one kind), not another one on the report's day.
  static const std::set<std::string> from_afar = {"Airstrike", "MissileStrike", "DroneAttack",
                                                  "Shelling"};
  const auto same_kind = [&](const std::string& a, const std::string& b) {
    return a == b || (from_afar.count(a) && from_afar.count(b));
  };
  if (dateline_begin_ > 0) {
    for (Event& head : events_) {
      if (head.merged || head.end > dateline_begin_) continue;
      for (Event& body : events_) {
        if (body.merged || body.begin < dateline_begin_ || !same_kind(head.cls, body.cls)) continue;
        body.more_sentences.push_back(head.sentence);
        // ("Senegal signs peace deal with rebels in Bissau" over "... signed a peace agreement
        // on Thursday": the headline's place is the body's when the body gives none.)
        if (body.locations.empty() && !head.locations.empty()) body.locations = head.locations;
        head.merged = true;
        break;
      }
    }
  }
  // "DOHA (Reuters) - X signed a peace agreement with Y in Qatar on Monday", "BRIDGETOWN,
  // Barbados (AP) - A and B signed an agreement on Tuesday": a signing reported in the
  // dateline's sentence with no place, or only the country of the dateline's city, was signed
  // where the report was filed (classes: data/lexicon/dateline_event_classes.tsv).
  if (dateline_end_ > 0) {
    int city = -1;
    for (const Mention& mn : mentions_) {
      if (mn.dateline && !mn.dropped && mn.type == kCity && mn.entity >= 0) {
        city = mn.entity;
        break;
      }
    }
    for (Event& ev : events_) {
      if (city < 0 || ev.merged || !res_.in("dateline_event_classes", fold_key(ev.cls))) continue;
      const Sentence& s = sentences_[ev.sentence];
      if (s.first_token > dateline_begin_ || s.last_token <= dateline_end_ ||
          ev.begin < dateline_end_) {
        continue;
      }
      const bool its_country =
          ev.locations.size() == 1 &&
          entities_[static_cast<std::size_t>(ev.locations.front())].type == kCountry &&
          contains(ev.locations.front(), city);
      if (ev.locations.empty() || its_country) {
        ev.locations = {city};
        entities_[static_cast<std::size_t>(city)].as_place = true;
      }
    }
  }
  for (std::size_t i = 0; i < events_.size(); ++i) {
    Event& ev = events_[i];
    if (ev.dropped || !ev.locations.empty()) continue;
    for (std::size_t j = 0; j < events_.size(); ++j) {
      Event& other = events_[j];
      if (j == i || other.merged || other.cls != ev.cls) continue;
      // An event of the report's day (date_by_report) is not one dated months before.
      auto fits = [this](const Event& undated, const Event& dated) {
        return !undated.report_day || recent(dated.date);
      };
      const bool dates_agree = ev.date.empty()      ? other.date.empty() || fits(ev, other)
                               : other.date.empty() ? fits(other, ev)
                                                    : ev.date == other.date;
      // (Talks run over weeks and are dated by what is said of them: "the talks stalled",
      // "talks ... were postponed again" are the talks reported with their venue, whatever day.)
      if (!dates_agree && !res_.in("undated_merge_classes", fold_key(ev.cls))) continue;

      if (other.locations.empty() && j > i) continue;  // merge unlocated ones into the first
      // The located report is the better one: take participants only where it has none
      // (agent detection on an anaphoric "the strikes" sentence is the less reliable).
      if (other.agents.empty()) other.agents = ev.agents;
      if (other.targets.empty()) other.targets = ev.targets;
      for (const auto& [k, v] : ev.figures) other.figures.emplace(k, v);
      if (other.date.empty()) other.date = ev.date;
      if (other.time_text.empty()) other.time_text = ev.time_text;
      other.more_sentences.push_back(ev.sentence);
      ev.merged = true;
      break;
    }
  }
}

// "the Saudi foreign minister" and "Foreign Minister Faisal bin Farhan" of the same state are
// one person.
void ArticleRun::merge_unnamed_persons() {
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    Entity& u = entities_[i];
    if (!u.unnamed || u.type != kPerson) continue;
    for (std::size_t j = 0; j < entities_.size(); ++j) {
      const Entity& named = entities_[j];
      if (j == i || named.unnamed || named.type != kPerson) continue;
      if (role_key(named.role) != role_key(u.role) || named.affiliation != u.affiliation) continue;
      u.merged_into = static_cast<int>(j);
      u.as_actor = false;
      break;
    }
  }
}

std::string ArticleRun::entity_iri(const Entity& e) const {
  if (e.place >= 0) {
    return std::string(vocab::kNgId) + "place/gn-" +
           res_.gazetteer.place(static_cast<std::uint32_t>(e.place)).geonames_id;
  }
  const char* kind = e.type == kPerson                 ? "person/"
                     : (bit(e.type) & kPlaceMask) != 0 ? "place/"
                                                       : "org/";
  return std::string(vocab::kNgId) + kind + slug(e.label);
}

ExtractStats ArticleRun::run(QuadSink& sink) {
  norm_ = normalize_text(article_.text);
  tokens_ = tokenize(norm_.text, res_.abbreviations);
  sentences_ = split_sentences(norm_.text, tokens_, res_.abbreviations);
  // Names: capitalised words that are not function words, titles or time words.
  index_lexemes(0, tokens_.size());
  not_name_.assign(tokens_.size(), false);
  const int not_names = res_.lexicon_id.at("not_names");
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == not_names && lexemes_[k].length == 1) not_name_[i] = true;
    }
  }
  // A dateline opens the article with a place in capitals and ends at a dash: "KHARTOUM -",
  // "YANGON, Myanmar (AP) -", "KYIV, April 24 (Reuters) -". Every place before the dash is where
  // the report was filed.
  const Dateline dateline = find_dateline(tokens_);
  dateline_begin_ = dateline.begin;
  dateline_end_ = dateline.end;
  std::vector<PhraseIndex::Match> matches;
  // Countries named anywhere in the article decide between homonymous cities.
  gazetteer_hit_.assign(tokens_.size(), false);
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (!tokens_[i].is(kCapitalized)) continue;
    if (tokens_[i].key.find('-') != std::string::npos) gazetteer_hit_[i] = true;
    for (const PhraseIndex* index : {&res_.gazetteer.names(), &res_.gazetteer.demonyms()}) {
      index->match(tokens_, i, tokens_.size(), matches);
      if (!matches.empty()) gazetteer_hit_[i] = true;
      for (const auto& m : matches) {
        const Place& p = res_.gazetteer.place(m.value);
        if (p.kind == PlaceKind::Country) article_countries_.insert(p.country_iso2);
      }
    }
  }
  for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
    const Sentence& s = sentences_[si];
    sentence_mentions_begin_ = mentions_.size();
    cur_first_ = s.first_token;
    cur_last_ = s.last_token;
    ++changes_;
    rule_triggers_.clear();
    gazetteer_mentions(s, si);
    known_mentions(s, si);
    capital_mentions(s, si);
    apply_rules(s, si);
    reference_mentions(s, si);
    group_references(s, si);
    mark_parties(s);
    drop_credit_places(s);
    for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
      Mention& mn = mentions_[k];
      if (mn.dropped || mn.entity < 0) continue;
      Entity& e = entities_[static_cast<std::size_t>(mn.entity)];
      if (e.sentences.empty() || e.sentences.back() != si) e.sentences.push_back(si);
      const int type = mn.type;
      if (type == kCountry) {
        (mn.locative ? e.as_place : e.as_actor) = true;
        // "Afghanistan's Laghman province": a possessive before a place is a place.
        if (mn.end + 1 < s.last_token && tokens_[mn.end].key == "'s" &&
            (res_.in("region_words", tokens_[mn.end + 1].key) ||
             covered({kConcreteTypes}, mn.end + 1))) {
          e.as_place = true;
        }
      } else if (type == kDemonym) {
        // A demonym names a state when it qualifies an actor ("Saudi foreign minister").
        const bool in_actor = entity_in_range(mn.begin, mn.end, 0) >= 0;
        (void)in_actor;
        for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
          const Mention& o = mentions_[r];
          // (At its start: "American" in "the Council of American Churches" is no state.)
          if (!o.dropped && o.type != kDemonym && (bit(o.type) & kActorMask) &&
              o.begin == mn.begin && mn.end <= o.end) {
            e.as_actor = true;
          }
        }
        const std::string& key = tokens_[mn.begin].key;
        const std::size_t dash = key.find('-');
        if (dash != std::string::npos && res_.in("agentive_suffixes", key.substr(dash + 1))) {
          e.as_actor = true;
        }
      } else if (mn.metonym) {
        entities_[static_cast<std::size_t>(mn.stands_for)].as_actor = true;
        if (e.sentences.size() == 1 && e.sentences.back() == si && !e.as_place && !e.as_actor) {
          e.sentences.clear();
        }
      } else if (bit(type) & kPlaceMask) {
        e.as_place = true;
      } else {
        e.as_actor = true;
      }
    }
    events_for(s, si);
  }
  // A withdrawal with no place left a body or talks (data/lexicon/placed_event_classes.tsv);
  // before the merge, which would give its date to a withdrawal from a place.
  for (Event& ev : events_) {
    if (ev.locations.empty() && ev.context.empty() &&
        res_.in("placed_event_classes", fold_key(ev.cls))) {
      ev.merged = ev.dropped = true;
    }
  }
  merge_events();
  // "the attacks", "the fighting" with neither place nor time after the merge is a generic
  // mention, not a reported event (classes: data/lexicon/located_event_classes.tsv).
  for (Event& ev : events_) {
    if (!ev.merged && ev.locations.empty() && ev.context.empty() && ev.date.empty() &&
        !ev.reported_time && res_.in("located_event_classes", fold_key(ev.cls))) {
      ev.merged = true;
    }
  }
  date_by_report();
  // "Russian missiles struck X": a state found only through its demonym acts when it is
  // an event's agent.
  for (const Event& ev : events_) {
    if (ev.merged) continue;
    for (int a : ev.agents) entities_[static_cast<std::size_t>(a)].as_actor = true;
  }
  merge_unnamed_persons();
  return emit(sink);
}

// ------------------------------------------------------------------ emission

class Emitter {
 public:
  Emitter(QuadSink& sink, std::string graph) : sink_(sink), graph_(std::move(graph)) {}
  void iri(const std::string& s, std::string_view p, const std::string& o) {
    add(s, p, rdf::Term::iri(o));
  }
  void lit(const std::string& s, std::string_view p, std::string_view value,
           std::string_view datatype = {}) {
    add(s, p, rdf::Term::literal(value, datatype));
  }
  void text(const std::string& s, std::string_view p, std::string_view value) {
    add(s, p, rdf::Term::literal(value, {}, "en"));
  }
  std::size_t count() const { return count_; }

 private:
  void add(const std::string& s, std::string_view p, rdf::Term o) {
    sink_.add(
        rdf::Quad{rdf::Term::iri(s), rdf::Term::iri(p), std::move(o), rdf::Term::iri(graph_)});
    ++count_;
  }
  QuadSink& sink_;
  std::string graph_;
  std::size_t count_ = 0;
};

std::string ng(std::string_view local) { return std::string(vocab::kNg) + std::string(local); }
std::string nif(std::string_view local) { return std::string(vocab::kNif) + std::string(local); }

ExtractStats ArticleRun::emit(QuadSink& sink) {
  ExtractStats stats;
  stats.articles = 1;
  stats.sentences = sentences_.size();
  Emitter out(sink, graph_iri(article_.id));
  const std::string doc = article_iri(article_.id);
  const std::string type = std::string(vocab::kRdfType);
  out.iri(doc, type, ng("Article"));
  out.iri(doc, type, nif("Context"));
  out.lit(doc, ng("articleId"), article_.id);
  out.iri(doc, ng("graph"), graph_iri(article_.id));
  if (!article_.title.empty()) out.lit(doc, std::string(vocab::kDcterms) + "title", article_.title);
  if (!article_.source.empty()) out.lit(doc, ng("source"), article_.source);
  if (!article_.url.empty()) out.lit(doc, std::string(vocab::kSchema) + "url", article_.url);
  if (!article_.language.empty()) {
    out.lit(doc, std::string(vocab::kDcterms) + "language", article_.language);
  }
  if (!article_.date.empty()) out.lit(doc, ng("articleDate"), article_.date, vocab::kXsdDate);
  out.lit(doc, nif("isString"), article_.text);
  // Code-point offsets into the original text, computed once.
  std::vector<std::uint32_t> cp_at(article_.text.size() + 1, 0);
  {
    std::uint32_t n = 0;
    for (std::size_t b = 0; b < article_.text.size(); ++b) {
      cp_at[b] = n;
      if ((static_cast<unsigned char>(article_.text[b]) & 0xC0) != 0x80) ++n;
    }
    cp_at[article_.text.size()] = n;
  }
  std::vector<bool> sentence_used(sentences_.size(), false);
  auto sentence_iri = [&](std::uint32_t si) {
    sentence_used[si] = true;
    const Sentence& s = sentences_[si];
    const std::size_t b = norm_.original_offset(s.begin);
    const std::size_t e = norm_.original_offset(s.end);
    return doc + "#char=" + std::to_string(cp_at[b]) + "," + std::to_string(cp_at[e]);
  };
  for (Entity& e : entities_) e.iri = entity_iri(e);
  for (const Entity& e : entities_) {
    if (e.merged_into >= 0) {
      const Entity& named = entities_[static_cast<std::size_t>(e.merged_into)];
      out.text(named.iri, std::string(vocab::kSkos) + "altLabel", e.label);
      continue;
    }
    if (!e.as_actor && !e.as_place) continue;
    const bool country =
        e.place >= 0 &&
        res_.gazetteer.place(static_cast<std::uint32_t>(e.place)).kind == PlaceKind::Country;
    out.iri(e.iri, type, ng(class_local_name(country ? kCountry : e.type)));
    out.text(e.iri, std::string(vocab::kRdfsLabel), e.label);
    for (const std::string& alt : e.alt_labels) {
      out.text(e.iri, std::string(vocab::kSkos) + "altLabel", alt);
    }
    if (e.as_actor) {
      out.iri(doc, ng("mentionsActor"), e.iri);
      ++stats.actors;
    }
    if (e.as_place) {
      out.iri(doc, ng("mentionsPlace"), e.iri);
      ++stats.locations;
    }
    if (!e.role.empty()) out.text(e.iri, ng("role"), e.role);
    if (e.affiliation >= 0) {
      const Entity& a = entities_[static_cast<std::size_t>(e.affiliation)];
      out.iri(e.iri, ng("affiliation"), a.iri);
      if (a.place >= 0 && e.type == kGovernment) out.iri(e.iri, ng("represents"), a.iri);
    }
    if (e.place >= 0) {
      const Place& p = res_.gazetteer.place(static_cast<std::uint32_t>(e.place));
      out.iri(e.iri, std::string(vocab::kOwl) + "sameAs",
              "https://sws.geonames.org/" + p.geonames_id + "/");
      out.lit(e.iri, ng("geonamesId"), p.geonames_id);
      // Geocoding in the graph itself: coordinates and country from the same GeoNames record.
      if (!p.lat.empty() && !p.lon.empty()) {
        out.lit(e.iri, std::string(vocab::kGeo) + "lat", p.lat, vocab::kXsdDecimal);
        out.lit(e.iri, std::string(vocab::kGeo) + "long", p.lon, vocab::kXsdDecimal);
      }
      if (!p.country_iso2.empty()) {
        out.lit(e.iri, std::string(vocab::kGn) + "countryCode", p.country_iso2);
      }
      if (p.kind != PlaceKind::Country && e.as_place) {
        if (auto c = res_.gazetteer.country(p.country_iso2)) {
          out.iri(e.iri, ng("partOf"),
                  std::string(vocab::kNgId) + "place/gn-" + res_.gazetteer.place(*c).geonames_id);
        }
      }
    } else if (e.part_of >= 0) {
      out.iri(e.iri, ng("partOf"), entities_[static_cast<std::size_t>(e.part_of)].iri);
    }
    for (std::uint32_t si : e.sentences) out.iri(e.iri, ng("evidence"), sentence_iri(si));
  }
  // Referenced places of part_of that were not emitted still need a label and a type.
  for (const Entity& e : entities_) {
    if (e.as_actor || e.as_place || e.place < 0) continue;
    bool referenced = false;
    for (const Entity& o : entities_) {
      if ((o.as_place || o.as_actor) &&
          (o.affiliation >= 0 && &entities_[static_cast<std::size_t>(o.affiliation)] == &e)) {
        referenced = true;
      }
    }
    if (!referenced) continue;
    out.iri(e.iri, type, ng(class_local_name(e.type)));
    out.text(e.iri, std::string(vocab::kRdfsLabel), e.label);
  }
  const std::string event_base = std::string(vocab::kNgId) + "event/" + slug(article_.id) + "/";
  std::size_t n = 0;
  for (const Event& ev : events_) {
    if (ev.merged) continue;
    const std::string iri = event_base + std::to_string(++n);
    out.iri(iri, type, ng(ev.cls));
    out.iri(iri, ng("inArticle"), doc);
    out.iri(doc, ng("mentions"), iri);
    out.lit(iri, ng("trigger"),
            norm_.text.substr(tokens_[ev.begin].begin,
                              tokens_[ev.end - 1].end - tokens_[ev.begin].begin));
    std::set<int> seen_agents(ev.agents.begin(), ev.agents.end());
    std::set<int> seen_targets(ev.targets.begin(), ev.targets.end());
    for (int a : seen_agents) out.iri(iri, ng("agent"), entities_[static_cast<std::size_t>(a)].iri);
    for (int t : seen_targets) {
      out.iri(iri, ng("target"), entities_[static_cast<std::size_t>(t)].iri);
    }
    for (int l : ev.locations)
      out.iri(iri, ng("location"), entities_[static_cast<std::size_t>(l)].iri);
    for (int l : ev.context) {
      out.iri(iri, ng("locationContext"), entities_[static_cast<std::size_t>(l)].iri);
    }
    if (!ev.time_text.empty()) out.lit(iri, ng("timeText"), ev.time_text);
    if (!ev.date.empty()) {
      const std::string_view dt = ev.date.size() == 10  ? vocab::kXsdDate
                                  : ev.date.size() == 7 ? vocab::kXsdGYearMonth
                                                        : vocab::kXsdGYear;
      out.lit(iri, ng("date"), ev.date, dt);
    }
    for (const auto& [figure, value] : ev.figures) {
      const bool numeric =
          !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) {
        out.lit(iri, ng(figure), value, vocab::kXsdNonNegativeInteger);
      } else {
        out.lit(iri, ng("vagueAmount"), value);
      }
    }
    if (!ev.qualifier.empty()) out.lit(iri, ng("qualifier"), ev.qualifier);
    out.iri(iri, ng("evidence"), sentence_iri(ev.sentence));
    for (std::uint32_t more : ev.more_sentences) out.iri(iri, ng("evidence"), sentence_iri(more));
    ++stats.events;
  }
  for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
    if (!sentence_used[si]) continue;
    const Sentence& s = sentences_[si];
    const std::size_t b = norm_.original_offset(s.begin);
    const std::size_t e = norm_.original_offset(s.end);
    const std::string iri = sentence_iri(si);
    out.iri(iri, type, ng("Sentence"));
    out.iri(iri, nif("referenceContext"), doc);
    out.lit(iri, nif("beginIndex"), std::to_string(cp_at[b]), vocab::kXsdNonNegativeInteger);
    out.lit(iri, nif("endIndex"), std::to_string(cp_at[e]), vocab::kXsdNonNegativeInteger);
    out.lit(iri, nif("anchorOf"), std::string_view(article_.text).substr(b, e - b));
    if (s.in_quote) out.lit(iri, ng("insideQuote"), "true", vocab::kXsdBoolean);
  }
  stats.triples = out.count();
  return stats;
}

}  // namespace

ExtractStats Extractor::extract(const Article& article, QuadSink& sink) const {
  ArticleRun run(*res_, article);
  return run.run(sink);
}

ExtractStats Extractor::extract(const Article& article, QuadSink& sink, TextAnalysis& text) const {
  ArticleRun run(*res_, article);
  ExtractStats stats = run.run(sink);
  run.take_text(text);
  return stats;
}

}  // namespace ng::extract
