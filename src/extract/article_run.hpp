// Private to the stage-1 extractor files: mention types, the resources an Extractor loads,
// and ArticleRun, the state of one article while stage 1 reads it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/extractor.hpp"
#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/page_noise.hpp"
#include "extract/rules.hpp"
#include "extract/start_index.hpp"
#include "extract/text.hpp"
#include "extract/time_expr.hpp"
#include "rdf/string_hash.hpp"

namespace ng::extract {

// What an Extractor loads once and every article run reads.
struct Extractor::Resources {
  // Lookups take views (lexicon names are literals at the call sites): no string is built.
  // The steps look names and words up in their loops: the cheaper rdf::StringHash.
  using ViewHash = rdf::StringHash;
  // Lexicon name -> index in `lexicons`. Hashed: the steps look lexicons up by name in their
  // loops, and a std::map cost a string comparison per level of its tree.
  struct LexiconIds : std::unordered_map<std::string, int, ViewHash, std::equal_to<>> {
    int at(std::string_view name) const {
      const auto it = find(name);
      if (it == end()) throw std::out_of_range("no lexicon '" + std::string(name) + "'");
      return it->second;
    }
  };
  std::unordered_set<std::string> abbreviations;
  PageNoise page_noise;  // page_noise.txt: web-page lines blanked before normalisation
  std::vector<std::string> lexicon_names;
  std::vector<Lexicon> lexicons;
  LexiconIds lexicon_id;
  Gazetteer gazetteer;
  std::vector<Rule> rules;
  std::optional<StartIndex> rule_starts;  // built from `rules` once they are all loaded
  // Single-token country names and demonyms, for hyphenated compounds ("Omani-mediated").
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
  using WordSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;
  std::unordered_map<std::string, WordSet, ViewHash, std::equal_to<>> single_words;
  bool in(std::string_view lexicon_name, std::string_view key) const {
    auto it = single_words.find(lexicon_name);
    return it != single_words.end() && it->second.find(key) != it->second.end();
  }
  // All lexicons in one index (value: position in `entries`), so a token costs one lookup.
  PhraseIndex combined;
  // Per lexicon: it has suffix patterns ("*-led"), whose one-token matches are no entries of
  // single_words (ArticleRun::word_in cannot answer from the lexemes alone).
  std::vector<bool> has_suffixes;
  std::vector<std::pair<int, std::uint32_t>> entries;  // lexicon, row
};

namespace stage1 {

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

// The type bits a name of rule_mention_types() stands for (a composite: several).
TypeMask mask_of_name_index(int index);
// Names of rule actions: the mention types a rule may create, then Alias and Event.
const std::vector<std::string>& action_names();
int type_of_action(const std::string& action);
// The ontology class local name of a concrete mention type.
const char* class_local_name(int type);
// A lower-case IRI segment of a name.
std::string slug(std::string_view text);
// A role compared without case, word order, "of/for" and British spellings:
// "Minister for Defence" == "defense minister".
std::string role_key(std::string_view role);

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
  bool metonym = false;   // a capital standing for its state ("Kampala said")
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

class ArticleRun final : public MatchContext {
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
  // After run(): the entities as emit() wrote them, as stage 2 would read them back from the
  // quads (read_stage1_entities); defined in stage1_handover.cpp.
  void hand_over_entities(Stage1Entities& out) const;

  // MatchContext
  const std::vector<Token>& tokens() const override { return tokens_; }
  void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const override {
    out.clear();
    if (((lex_mask_[i] >> (id % 64)) & 1U) == 0) return;
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == id) out.push_back(lexemes_[k].length);
    }
  }
  bool lexicon_word(int id, std::size_t i, std::vector<std::uint32_t>& /*scratch*/) const override {
    if (((lex_mask_[i] >> (id % 64)) & 1U) == 0) return false;
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == id && lexemes_[k].length == 1) return true;
    }
    return false;
  }
  std::uint64_t lexicon_mask(std::size_t i) const override { return lex_mask_[i]; }
  const int* lexicons_starting(std::size_t i, std::size_t& count) const override {
    count = lex_start_[i + 1] - lex_start_[i];
    return lexeme_lexicons_.data() + lex_start_[i];
  }
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
    // Longest first; mostly one length, so a sort call costs more than these steps.
    for (std::size_t k = 1; k < out.size(); ++k) {
      for (std::size_t j = k; j > 0 && out[j - 1] < out[j]; --j) std::swap(out[j - 1], out[j]);
    }
  }
  // covered() by a mask: the stage-1 steps call it per token, with no list of types to build.
  bool covered_by(TypeMask mask, std::size_t i) const {
    ensure_cover();
    return (cover_mask_[i] & mask) != 0;
  }
  bool covered(const std::vector<int>& types, std::size_t i) const override {
    ensure_cover();
    return cover_mask_[i] != 0 && (cover_mask_[i] & mask_for(types)) != 0;
  }
  // start_mask_ has a type's bit exactly where mention_spans would list a mention of it.
  bool mention_starts_or_covers(const std::vector<int>& types, std::size_t i) const override {
    ensure_cover();
    const TypeMask here = here_mask_[i];
    return here != 0 && (here & mask_for(types)) != 0;
  }
  bool mention_starts(const std::vector<int>& types, std::size_t i) const override {
    ensure_cover();
    return start_mask_[i] != 0 && (start_mask_[i] & mask_for(types)) != 0;
  }
  // All at once: within the sentence from its few mentions, else from the per-token summaries.
  void mention_tokens(const std::vector<int>& types, std::size_t origin, std::size_t begin,
                      std::size_t end, std::uint64_t* bits) const override {
    if (begin >= cur_first_ && end <= cur_last_) {
      mention_bits(mask_for(types), false, sentence_mentions_begin_, origin, begin, end, bits);
      return;
    }
    ensure_cover();
    tokens_with(here_mask_, mask_for(types), origin, begin, end, bits);
  }
  void mention_start_tokens(const std::vector<int>& types, std::size_t origin, std::size_t begin,
                            std::size_t end, std::uint64_t* bits) const override {
    if (begin >= cur_first_ && end <= cur_last_) {
      mention_bits(mask_for(types), true, sentence_mentions_begin_, origin, begin, end, bits);
      return;
    }
    ensure_cover();
    tokens_with(start_mask_, mask_for(types), origin, begin, end, bits);
  }
  // Never 0: the changes (drops, span and type changes, a new sentence) above, the number of
  // mentions below, so that add_new_mention_tokens can tell additions from other changes.
  std::uint64_t mention_version() const override {
    return ((changes_ + 1) << 32) | mentions_.size();
  }
  bool add_new_mention_tokens(const std::vector<int>& types, bool starts_only,
                              std::uint64_t version, std::size_t origin, std::size_t begin,
                              std::size_t end, std::uint64_t* bits) const override;
  bool sentence_start(std::size_t i) const override { return i == cur_first_; }
  bool is_name(std::size_t i) const override {
    if (!may_be_name(i)) return false;
    ensure_cover();
    return !strong_cover_[i];
  }
  // Everything is_name asks but whether a (strong) mention covers the token: worked out once
  // per article (name_candidate_), since the start index and the matcher ask it per token.
  bool may_be_name(std::size_t i) const override { return name_candidate_[i] != 0; }

 private:
  // may_be_name from the tokens and lexicon entries, which stay the same during a run.
  bool name_candidate(std::size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::Word || t.is(kAllCaps)) return false;
    if (!t.is(kCapitalized)) {
      // Arabic article prefixes: "al-Khulaifi", "el-Sisi".
      const std::size_t dash = t.key.find('-');
      if (dash == std::string::npos || dash > 3 ||
          !res_.in("name_particles", std::string_view(t.key).substr(0, dash))) {
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
    return !(t.key.size() > 1 && t.key.back() == '.' && title_at(static_cast<std::uint32_t>(i)));
  }
  // Per-token summaries of the sentence's mentions, rebuilt when mentions change (an add, a
  // drop or a span change bumps the version), so matching tests cost O(1).
  // The check is inline (every matching test asks it); the rebuild is not.
  void ensure_cover() const {
    const std::size_t version = mentions_.size() + changes_;
    if (version == cover_version_ && cover_mask_.size() == tokens_.size()) return;
    rebuild_cover(version);
  }
  [[gnu::noinline]] void rebuild_cover(std::size_t version) const {
    cover_version_ = version;
    if (cover_mask_.size() != tokens_.size()) {
      cover_mask_.assign(tokens_.size(), 0);
      start_mask_.assign(tokens_.size(), 0);
      here_mask_.assign(tokens_.size(), 0);
      strong_cover_.assign(tokens_.size(), false);
    }
    for (std::uint32_t k = cur_first_; k < cur_last_; ++k) {
      cover_mask_[k] = 0;
      start_mask_[k] = 0;
      here_mask_[k] = 0;
      strong_cover_[k] = false;
    }
    for (std::size_t m = sentence_mentions_begin_; m < mentions_.size(); ++m) {
      const Mention& mn = mentions_[m];
      if (mn.dropped || mn.type < 0) continue;
      start_mask_[mn.begin] |= bit(mn.type);
      here_mask_[mn.begin] |= bit(mn.type);
      for (std::uint32_t k = mn.begin; k < mn.end; ++k) {
        cover_mask_[k] |= bit(mn.type);
        here_mask_[k] |= bit(mn.type);
        if (!mn.weak) strong_cover_[k] = true;
      }
    }
  }
  // Sets bit i - origin of `bits` for each token i of [begin, end) whose summary has a bit of
  // `mask`.
  // Sets the bits (as tokens_with does) of tokens in [begin, end) where a mention of
  // mentions_[from...] with a type in `mask` starts (`starts_only`), or starts or lies: what
  // rebuild_cover() puts in start_mask_ and here_mask_, read from the mentions directly.
  void mention_bits(TypeMask mask, bool starts_only, std::size_t from, std::size_t origin,
                    std::size_t begin, std::size_t end, std::uint64_t* bits) const;
  static void tokens_with(const std::vector<TypeMask>& summary, TypeMask mask, std::size_t origin,
                          std::size_t begin, std::size_t end, std::uint64_t* bits) {
    for (std::size_t i = begin; i < end; ++i) {
      if ((summary[i] & mask) != 0) {
        bits[(i - origin) / 64] |= std::uint64_t{1} << ((i - origin) % 64);
      }
    }
  }
  static TypeMask mask_for(const std::vector<int>& types) {
    // By table: matching tests ask this at every token they look at.
    static const std::vector<TypeMask> masks = [] {
      std::vector<TypeMask> m;
      for (std::size_t t = 0; t < rule_mention_types().size(); ++t) {
        m.push_back(mask_of_name_index(static_cast<int>(t)));
      }
      return m;
    }();
    TypeMask mask = 0;
    for (int t : types) mask |= masks[static_cast<std::size_t>(t)];
    return mask;
  }
  std::string surface(std::uint32_t b, std::uint32_t e) const {
    if (b >= e) return {};
    return norm_.text.substr(tokens_[b].begin, tokens_[e - 1].end - tokens_[b].begin);
  }
  void index_lexemes(std::size_t b, std::size_t e);
  void gazetteer_mentions(const Sentence& s, std::uint32_t si);
  // The pre-pass's matches at token i that end before `end`, as PhraseIndex::match() gives them.
  static void cached_matches(const std::vector<PhraseIndex::Match>& all,
                             const std::vector<std::uint32_t>& at, std::uint32_t i,
                             std::uint32_t end, std::vector<PhraseIndex::Match>& out);
  void known_mentions(const Sentence& s, std::uint32_t si);
  int nation_before(std::uint32_t i) const;
  bool acronym_only(const Lexicon& lex, std::uint32_t row, const Token& token) const;
  bool is_national_body(std::uint32_t i, std::uint32_t length) const;
  void capital_mentions(const Sentence& s, std::uint32_t si);
  bool called_capital(const Sentence& s, const Mention& mn) const;
  bool partners_in_capital(const Sentence& s, std::uint32_t i) const;
  bool locates_bearers(std::uint32_t name, std::uint32_t place) const;
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
  int resolve_entity(int type, const std::string& label, int place, const char* key_suffix = "");
  // "Kelemi camp" and the site "Kelemi" are one site (mentions.cpp).
  std::string site_base_key(const std::string& label) const;
  int same_site(const std::string& label, const std::string& key);
  void note_site_base(const std::string& label, int id);
  // "the city of X", "X city", "20 km east of X": the name is read as a settlement.
  bool city_cue(const Sentence& s, std::uint32_t b, std::uint32_t e) const;
  // Removes the time expressions inside the opening dateline (events.cpp).
  void drop_dateline_times(std::vector<TimeExpression>& times) const;
  void relative_day_times(const Sentence& s, std::vector<TimeExpression>& times) const;
  bool first_name_refers(int person) const;
  // phrase_keys of an entity's label, kept until the label changes: first_name_refers asks it
  // for every entity of the article at each titled person.
  const std::vector<std::string>& label_keys(std::size_t entity) const;
  struct LabelKeys {
    bool valid = false;
    std::string label;
    std::vector<std::string> keys;
  };
  mutable std::vector<LabelKeys> label_keys_;
  void note_first_name(int entity, std::uint32_t begin, std::uint32_t end);
  bool is_locative(std::uint32_t si, std::uint32_t b) const;
  bool origin_before(std::uint32_t si, std::uint32_t b) const;
  bool speech_venue(std::uint32_t si, std::uint32_t b) const;
  bool definite_trigger(const Event& ev) const;
  bool reported_perfect(std::uint32_t had, std::uint32_t first) const;
  bool own_relative_time(const Event& ev, std::uint32_t si, std::uint32_t time) const;
  // The headline: a first line without a sentence-final mark before the story; sentence 0 then.
  bool headline_sentence(std::uint32_t si) const;
  bool surname_of_person(const std::string& key) const;
  bool capital_sides(const Sentence& s, std::uint32_t i) const;
  bool first_name_of_run(const Sentence& s, std::uint32_t i) const;
  void events_for(const Sentence& s, std::uint32_t si);
  // The steps of events_for.
  void complete_event(Event& ev, const Sentence& s, std::uint32_t si,
                      const std::vector<TimeExpression>& times);
  void add_event(std::string cls, std::string pos, std::uint32_t si, std::uint32_t begin,
                 std::uint32_t end, std::vector<std::size_t>& local);
  void find_triggers(const Sentence& s, std::uint32_t si, std::vector<std::size_t>& local);
  void weapon_subjects(const std::vector<std::size_t>& local);
  void capture_means(const std::vector<std::size_t>& local);
  void place_events(const Sentence& s, const std::vector<std::size_t>& local);
  void spread_places(const Sentence& s, const std::vector<std::size_t>& local);
  void keep_talks_venues(const Sentence& s, const std::vector<std::size_t>& local);
  bool venue_in_sentence(int loc, const Sentence& s) const;
  std::uint32_t after_word_before(std::uint32_t b, std::uint32_t first) const;
  bool venue_preposition_before(std::uint32_t b, std::uint32_t first) const;
  void drop_restated_events(const Sentence& s, std::uint32_t si, const std::vector<Event*>& evs,
                            const std::vector<TimeExpression>& times);
  void merge_events();
  void date_by_report();
  bool time_clause_break(std::uint32_t from, std::uint32_t to) const;
  bool opens_span(const TimeExpression& te, std::uint32_t first) const;
  bool undated_cue_before(const Event& ev, std::uint32_t first) const;
  bool not_event_cue_before(std::uint32_t b, std::uint32_t first) const;
  bool hypothetical_cue_before(std::uint32_t b, std::uint32_t first) const;
  std::string_view demand_cue_ending(std::uint32_t end, std::uint32_t first,
                                     std::uint32_t* start = nullptr) const;
  bool demanded(std::uint32_t b, bool noun, std::uint32_t first) const;
  bool cue_before(const char* lexicon, std::uint32_t b, std::uint32_t first) const;
  bool comma_opens_clause(std::uint32_t comma, std::uint32_t last) const;
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
  // res_.in(name of `lexicon`, tokens_[i].key) from the token's lexemes, without hashing: the
  // combined index holds every one-word entry, so a match of length 1 is one (bar suffixes).
  bool word_in(int lexicon, std::uint32_t i) const {
    if (lexicon < 0) return false;
    const auto l = static_cast<std::size_t>(lexicon);
    if (res_.has_suffixes[l]) return res_.in(res_.lexicon_names[l], tokens_[i].key);
    if (((lex_mask_[i] >> (l % 64)) & 1U) == 0) return false;
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == lexicon && lexemes_[k].length == 1) return true;
    }
    return false;
  }
  // The same by the lexicon's name (one lookup of the name, none of the key); false for a
  // lexicon that does not exist, as Resources::in.
  bool word_in(std::string_view lexicon_name, std::uint32_t i) const {
    const auto it = res_.lexicon_id.find(lexicon_name);
    return it != res_.lexicon_id.end() && word_in(it->second, i);
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
  std::vector<bool> sentences_written_;  // by emit(): the sentences it wrote as nodes

  const Extractor::Resources& res_;
  const Article& article_;
  NormalizedText norm_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<bool> not_name_;
  std::vector<std::uint8_t> name_candidate_;  // per token: name_candidate(i)
  int last_capital_ = -1;    // the entity of the last capital city named (not in a dateline)
  int called_capital_ = -1;  // the last of them named with the word "capital" beside it
  // Cities, provinces, regions and sites named, in text order: entity, type of the mention.
  std::vector<std::pair<int, int>> named_places_;
  int last_group_ = -1;               // the last armed group named
  std::uint32_t dateline_begin_ = 0;  // the opening dateline's tokens (after a headline line)
  std::uint32_t dateline_end_ = 0;    // the dash that ends it, 0 if none
  std::vector<bool> gazetteer_hit_;   // token starts a gazetteer name or demonym somewhere
  // Gazetteer names and demonyms starting at each token, matched up to the article's end once
  // by the pre-pass: gazetteer_mentions() reads them back instead of looking them up again.
  std::vector<PhraseIndex::Match> gz_names_, gz_demonyms_;
  std::vector<std::uint32_t> gz_names_at_, gz_demonyms_at_;  // per token (and one past): offsets
  std::vector<Lexeme> lexemes_;
  std::vector<int> lexeme_lexicons_;  // lexemes_[k].lexicon for each k: lexicons_starting()
  StartIndex::Starts starts_;         // rules that may start at each token of the current sentence
  std::vector<std::uint32_t> lex_start_;
  std::vector<std::uint64_t> lex_mask_;  // per token: bit l % 64 set if lexicon l starts there
  std::vector<Mention> mentions_;
  std::size_t sentence_mentions_begin_ = 0;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> entity_by_key_;
  // A site's key without its kind words ("l:kelemi" for "Kelemi camp") -> that site.
  std::unordered_map<std::string, int> site_by_base_;
  PhraseIndex known_;              // names of this article's actors seen so far -> entity
  int affiliation_prefixes_ = -1;  // lexicon id of "Kremlin-backed", "Houthi-run", ...
  std::vector<Event> events_;
  std::vector<std::pair<std::uint32_t, std::string>> rule_triggers_;
  int locative_lex_ = res_.lexicon_id.at("locative");
  // The event path's lexicons and trigger columns, resolved once per article: by name they
  // cost a hash probe or a string comparison per sentence or per trigger token.
  const Lexicon* triggers_ = &res_.required("event_triggers");
  int trigger_lex_ = res_.lexicon_id.at("event_triggers");
  std::size_t trigger_class_column_ = triggers_->column_index("class");
  std::size_t trigger_pos_column_ = triggers_->column_index("pos");
  int weapon_objects_lex_ = res_.lexicon_id.at("weapon_object_nouns");
  int diplomatic_visitors_lex_ = res_.lexicon_id.at("diplomatic_visitors");
  int time_words_lex_ = res_.lexicon_id.at("time_words");
  std::size_t changes_ = 0;  // drops and span changes of mentions (see ensure_cover)
  std::uint32_t focus_sentence_ = 0;
  std::string focus_date_;  // last resolved date, valid for the next sentence
  int heading_year_ = 0;    // a chronology's year heading ("2020" alone on its line), else 0
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
  bool forecast(const Event& ev, const Sentence& s) const;
  bool tally_over_span(const Event& ev, const Sentence& s, const std::vector<TimeExpression>& times,
                       const std::vector<std::size_t>& local) const;
  bool tally_of_many(const Event& ev, const Sentence& s) const;
  bool habitual_perfect(const Event& ev, const Sentence& s) const;
  bool ended_span(const Event& ev, const Sentence& s) const;
  void drop_filed_places(const Sentence& s, const std::vector<std::size_t>& local);
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
  mutable std::vector<TypeMask> here_mask_;  // start_mask_ | cover_mask_, for the per-token scans
  mutable std::vector<bool> strong_cover_;   // token, class (this sentence)
  std::set<std::string> article_countries_;  // ISO2 of countries named in the article
};

}  // namespace stage1
}  // namespace ng::extract
