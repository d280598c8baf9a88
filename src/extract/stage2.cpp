#include "extract/stage2.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/rules.hpp"
#include "extract/sentence_mediations.hpp"
#include "extract/text.hpp"
#include "extract/time_expr.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {
namespace {

std::string ng(std::string_view local) { return std::string(vocab::kNg) + std::string(local); }
const std::string kNif = std::string(vocab::kNif);

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string local_name(std::string_view iri) {
  const auto pos = iri.find_last_of("#/");
  return std::string(pos == std::string_view::npos ? iri : iri.substr(pos + 1));
}

// An actor or place that stage 1 put in the article graph.
struct Entity {
  std::string iri;
  std::string cls;  // ng: local name
  std::string label;
  std::vector<std::string> alts;
  std::string represents;
  std::string affiliation;
  std::string part_of;
  int evidence = 0;
  bool actor = false;
  bool person() const { return cls == "Person"; }
  bool country() const { return cls == "Country"; }
};

struct Mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int entity = -1;
  bool in_quote = false;
};

// Where the claimant stands: subject, after "by", possessive ("X's accusation"), or the
// nearest name before the verb ("allegations X denies").
enum class Voice { Active, Passive, Possessive, Near };

struct Cue {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string type;  // ng: claim class local name
  Voice voice = Voice::Active;
};

// One victim group, or counted objects (posts, equipment) when `object` is set.
struct Figure {
  std::map<std::string, std::string> amounts;  // killed/wounded/captured/missing/destroyed
  std::string qualifier;
  std::string victims;
  std::string object;        // "posts", "equipment" or ""
  std::uint32_t pos = 0;     // first token
  bool by_claimant = false;  // "they killed ...": the claimant's side did the killing
};

struct ClaimOut {
  std::string iri;
  std::string type;
  int claimant = -1;
  int target = -1;
  std::uint32_t cue_begin = 0;
  std::uint32_t sentence = 0;
};

}  // namespace

Stage2Stats& Stage2Stats::operator+=(const Stage2Stats& o) {
  claims += o.claims;
  casualty_figures += o.casualty_figures;
  mediations += o.mediations;
  return *this;
}

struct ClaimStage::Resources {
  std::unordered_set<std::string> abbreviations;
  Lexicon claim_cues;        // phrase, type, voice
  Lexicon casualty;          // phrase, slot
  Lexicon counted;           // phrase, kind (posts, equipment, none)
  Lexicon zero;              // phrase: "no casualties"
  Lexicon none_words;        // phrase: "none" (of its officers were wounded)
  Lexicon status;            // phrase, status
  Lexicon media;             // phrase
  Lexicon pronouns;          // phrase, kind (person, group)
  Lexicon breaks;            // phrase, kind (hard, relative)
  Lexicon aux;               // phrase: words between a figure and its verb
  Lexicon figure_links;      // phrase: words between a casualty noun and its figure ("toll at")
  Lexicon locative;          // locative.tsv: "in", "from"
  Lexicon source_nouns;      // heads of described speakers ("officials")
  Lexicon witness_nouns;     // "residents", "witnesses": a source of its own, even bare
  Lexicon body_nouns;        // phrase, kind: heads of bodies ("the ministry said")
  Lexicon body_descriptors;  // "paramilitary", "militant": kinds of body, not names
  Lexicon attack_verbs;      // phrase: "fired", "shelled" (said of another side: accusation)
  Lexicon own_attack_verbs;  // "ambushed", "attacked" (said of itself by a group: responsibility)
  Lexicon threat_phrases;    // "pay a heavy price": what makes a statement a threat
  Lexicon threat_verbs;      // "regret", "be destroyed": harm promised after "will"/"would"
  Lexicon naming;            // phrase, kind: "called" (verb) ... "a violation" (charge)
  Lexicon charges;           // "a danger", "terror": a charge pinned on a side without a verb
  Lexicon denial_phrases;    // "no involvement", "propaganda": what makes a statement a denial
  Lexicon record_nouns;      // "tallies", "figures": the state they name speaks
  Lexicon subject_links;     // words before a specific cue that are not its own subject
  Lexicon year_preps;        // words before a year ("in 2016"): the number is no figure
  Lexicon victim_asides;     // ", including a child," between victims and their verb
  Lexicon casualty_nouns;    // "bodies": a casualty word that names its victims
  Lexicon victim_stops;      // phrase: words that end a victim phrase
  Lexicon back_victims;      // phrase: "others", "more": the victims of the group before
  Lexicon force_victims;     // phrase: "soldiers", "policemen": victims that are security forces
  Lexicon possessives;       // phrase: "its", "their" opening a victim phrase
  Lexicon killers;           // phrase: subject pronouns before a casualty verb
  Lexicon numbers;           // numbers.tsv: phrase, kind, value
  Lexicon time_words;        // time_words.tsv
  Lexicon med_triggers;      // phrase, slot, status
  Lexicon med_modifiers;     // phrase, status, flag
  Lexicon med_objects;       // phrase
  Lexicon med_processes;     // phrase: what a mediation is about that goes on ("talks")
  Lexicon med_companions;    // phrase: "along with" before co-mediators
  Lexicon med_ending_verbs;  // "ended", "halted": the fighting between whom a deal ended
  Lexicon med_side_quantifiers;  // "more than", "about": before the number of a side's groups
  Lexicon med_party_nouns;       // phrase: plural heads of unnamed sides ("opposition groups")
  Lexicon titles;                // person_titles.tsv + title_modifiers.tsv: "former leader"
  Lexicon title_modifiers;       // "former", "deputy"
  Lexicon object_preps;          // "of", "with": names after them are no subject
  Gazetteer gazetteer;
  std::unordered_map<std::string, std::uint32_t> capital_country;  // city gn id -> country
  std::map<std::string, std::string> prefix_triggers;              // "-mediated" -> status
  std::map<std::string, std::string> prefix_object_triggers;  // "-led" (before "talks") -> status
  std::unordered_map<std::string, std::string> capital_name;  // country gn id -> capital
  std::unordered_map<std::string, std::string> demonym;       // country gn id -> demonym
  // Stage 2 rules (ontology/rules/stage2/*.rules) and the lexicons they name, by vocabulary id
  // (unused ids stay empty).
  std::vector<Rule> rules;
  std::vector<Lexicon> rule_lexicons;
};

namespace {

// Mention types of the rule language (docs/rules.md), as stage 1 names them.
const std::vector<std::string>& rule_mention_types() {
  static const std::vector<std::string> names = {
      "Country",      "Demonym",    "City",       "Province",    "Region", "Site", "Person",
      "Organization", "Government", "ArmedGroup", "MediaOutlet", "Place",  "Org",  "Actor"};
  return names;
}

// Does an entity of class `cls` answer the mention type named `type`?
bool class_is(const std::string& cls, const std::string& type) {
  if (cls == type) return true;
  const bool org =
      cls == "Organization" || cls == "Government" || cls == "ArmedGroup" || cls == "MediaOutlet";
  if (type == "Org") return org;
  if (type == "Actor") return org || cls == "Person" || cls == "Country" || cls == "Actor";
  if (type == "Place") {
    return cls == "Country" || cls == "City" || cls == "Province" || cls == "Region" ||
           cls == "Site";
  }
  return false;
}

void collect_lexicons(const PatternNode& n, std::set<int>& ids) {
  for (const TokenTest& t : n.tests) {
    if (t.kind == TokenTest::Kind::Lexicon) ids.insert(t.id);
  }
  for (const PatternNode& c : n.children) collect_lexicons(c, ids);
}

}  // namespace

ClaimStage::ClaimStage(const ResourcePaths& paths) : res_(std::make_unique<Resources>()) {
  Resources& r = *res_;
  const std::string abbreviations = read_text_file(paths.lexicon_dir + "/abbreviations.txt");
  for (std::string_view line : split(abbreviations, '\n')) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    r.abbreviations.insert(fold_key(line));
  }
  auto load = [&](const std::string& name) {
    return Lexicon::load(paths.lexicon_dir + "/" + name + ".tsv", r.abbreviations);
  };
  r.claim_cues = load("claim_cues");
  r.casualty = load("claim_casualty_words");
  r.possessives = load("claim_victim_possessives");
  r.killers = load("claim_killer_pronouns");
  r.figure_links = load("claim_figure_links");
  r.counted = load("claim_counted_objects");
  r.zero = load("claim_zero");
  r.none_words = load("claim_none_words");
  r.status = load("claim_status");
  r.media = load("claim_media");
  r.pronouns = load("claim_pronouns");
  r.breaks = load("claim_clause_breaks");
  r.aux = load("claim_aux");
  r.source_nouns = load("claim_source_nouns");
  r.witness_nouns = load("claim_witness_nouns");
  r.body_nouns = load("claim_body_nouns");
  r.body_descriptors = load("claim_body_descriptors");
  r.attack_verbs = load("claim_attack_verbs");
  r.own_attack_verbs = load("claim_own_attack_verbs");
  r.threat_phrases = load("claim_threat_phrases");
  r.threat_verbs = load("claim_threat_verbs");
  r.naming = load("claim_naming");
  r.charges = load("claim_charge_words");
  r.denial_phrases = load("claim_denial_phrases");
  r.record_nouns = load("claim_record_nouns");
  r.subject_links = load("claim_subject_links");
  r.victim_asides = load("claim_victim_asides");
  r.casualty_nouns = load("claim_casualty_nouns");
  r.year_preps = load("claim_year_preps");
  r.locative = load("claim_locative");
  r.victim_stops = load("claim_victim_stops");
  r.back_victims = load("claim_back_victims");
  r.force_victims = load("claim_force_victims");
  r.numbers = load("numbers");
  r.time_words = load("time_words");
  r.med_triggers = load("mediation_triggers");
  r.med_modifiers = load("mediation_modifiers");
  r.med_objects = load("mediation_objects");
  r.med_processes = load("mediation_processes");
  r.med_companions = load("mediation_companions");
  r.med_ending_verbs = load("mediation_ending_verbs");
  r.med_side_quantifiers = load("mediation_side_quantifiers");
  r.med_party_nouns = load("mediation_party_nouns");
  r.titles = load("person_titles");
  r.title_modifiers = load("title_modifiers");
  r.object_preps = load("mediation_object_preps");
  for (std::uint32_t row = 0; row < r.med_triggers.rows(); ++row) {
    const std::string_view slot = r.med_triggers.get(row, "slot");
    if (slot != "prefix" && slot != "prefix_object") continue;
    auto& into = slot == "prefix" ? r.prefix_triggers : r.prefix_object_triggers;
    for (std::string_view spelling : split(r.med_triggers.get(row, "phrase"), '|')) {
      into[fold_key(spelling)] = std::string(r.med_triggers.get(row, "status"));
    }
  }
  r.gazetteer = Gazetteer::load(paths.gazetteer_dir, r.abbreviations);
  // The short forms that the gazetteer lacks ("U.S.", "UAE"), as in stage 1: "U.S.-brokered".
  const Lexicon aliases = load("country_aliases");
  for (std::uint32_t row = 0; row < aliases.rows(); ++row) {
    auto country = r.gazetteer.country(std::string(aliases.get(row, "iso2")));
    if (!country) continue;
    for (std::string_view spelling : split(aliases.get(row, "phrase"), '|')) {
      r.gazetteer.add_name(phrase_keys(spelling, r.abbreviations), *country);
    }
  }
  std::unordered_map<std::string, std::uint32_t> by_id;
  for (std::uint32_t i = 0; i < r.gazetteer.size(); ++i) {
    const Place& p = r.gazetteer.place(i);
    by_id[p.geonames_id] = i;
    if (p.kind == PlaceKind::Country && !p.capital_id.empty()) r.capital_country[p.capital_id] = i;
    if (p.kind == PlaceKind::Country && !p.demonym.empty()) r.demonym[p.geonames_id] = p.demonym;
  }
  // Stage 2 rules: optional (a rules directory without stage2/ has none).
  namespace fs = std::filesystem;
  const fs::path rule_dir = fs::path(paths.rules_dir) / "stage2";
  if (fs::is_directory(rule_dir)) {
    std::vector<std::string> lexicon_names;
    for (const auto& entry : fs::directory_iterator(paths.lexicon_dir)) {
      if (entry.path().extension() == ".tsv") lexicon_names.push_back(entry.path().stem());
    }
    std::sort(lexicon_names.begin(), lexicon_names.end());
    const RuleVocabulary vocabulary{lexicon_names, rule_mention_types(), {"Mediation"}};
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(rule_dir)) {
      if (entry.path().extension() == ".rules") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      for (Rule& rule : parse_rules(read_text_file(f.string()), f.string(), vocabulary)) {
        r.rules.push_back(std::move(rule));
      }
    }
    std::set<int> used;
    for (const Rule& rule : r.rules) collect_lexicons(rule.pattern, used);
    r.rule_lexicons.resize(lexicon_names.size());
    for (int id : used) {
      r.rule_lexicons[static_cast<std::size_t>(id)] =
          load(lexicon_names[static_cast<std::size_t>(id)]);
    }
  }
  for (const auto& [capital, country] : r.capital_country) {
    auto it = by_id.find(capital);
    if (it != by_id.end()) {
      r.capital_name[r.gazetteer.place(country).geonames_id] = r.gazetteer.place(it->second).name;
    }
  }
}

ClaimStage::~ClaimStage() = default;

namespace {

// What the rule matcher asks about one sentence: stage 2's mentions and lexicons.
class SentenceContext : public MatchContext {
 public:
  struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string cls;
  };
  SentenceContext(const ClaimStage::Resources& res, const std::vector<Token>& tokens,
                  std::uint32_t end, std::vector<Span> mentions)
      : res_(res), tokens_(tokens), end_(end), mentions_(std::move(mentions)) {}

  const std::vector<Token>& tokens() const override { return tokens_; }
  void lexicon_spans(int id, std::size_t i, std::vector<std::uint32_t>& out) const override {
    out.clear();
    std::vector<PhraseIndex::Match> m;
    res_.rule_lexicons[static_cast<std::size_t>(id)].index().match(tokens_, i, end_, m);
    for (const auto& hit : m) out.push_back(hit.length);
  }
  void mention_spans(const std::vector<int>& types, std::size_t i,
                     std::vector<std::uint32_t>& out) const override {
    out.clear();
    for (const Span& m : mentions_) {
      if (m.begin == i && of_type(m, types)) out.push_back(m.end - m.begin);
    }
    std::sort(out.rbegin(), out.rend());
  }
  bool covered(const std::vector<int>& types, std::size_t i) const override {
    return std::any_of(mentions_.begin(), mentions_.end(), [&](const Span& m) {
      return m.begin <= i && i < m.end && of_type(m, types);
    });
  }
  bool is_name(std::size_t i) const override {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::Word || !t.is(kCapitalized)) return false;
    return std::none_of(mentions_.begin(), mentions_.end(),
                        [&](const Span& m) { return m.begin <= i && i < m.end; });
  }

 private:
  static bool of_type(const Span& m, const std::vector<int>& types) {
    return std::any_of(types.begin(), types.end(), [&](int t) {
      return class_is(m.cls, rule_mention_types()[static_cast<std::size_t>(t)]);
    });
  }
  const ClaimStage::Resources& res_;
  const std::vector<Token>& tokens_;
  std::uint32_t end_;
  std::vector<Span> mentions_;
};

// Everything one article needs while stage 2 runs over it.
class ArticleRun {
 public:
  ArticleRun(const ClaimStage::Resources& res, const Article& article,
             const std::vector<rdf::Quad>& stage1, QuadSink& sink, TextAnalysis* text)
      : res_(res), article_(article), sink_(sink) {
    graph_ = graph_iri(article.id);
    doc_ = article_iri(article.id);
    read_entities(stage1);
    if (text && text->abbreviations &&
        (text->abbreviations == &res.abbreviations || *text->abbreviations == res.abbreviations)) {
      norm_ = std::move(text->norm);
      tokens_ = std::move(text->tokens);
      sentences_ = std::move(text->sentences);
    } else {
      norm_ = normalize_text(article.text);
      tokens_ = tokenize(norm_.text, res.abbreviations);
      sentences_ = split_sentences(norm_.text, tokens_, res.abbreviations);
    }
    build_index();
    cp_at_.assign(article.text.size() + 1, 0);
    std::uint32_t n = 0;
    for (std::size_t b = 0; b < article.text.size(); ++b) {
      cp_at_[b] = n;
      if ((static_cast<unsigned char>(article.text[b]) & 0xC0) != 0x80) ++n;
    }
    cp_at_[article.text.size()] = n;
    find_main_parties();
  }

  Stage2Stats run() {
    // The opening dateline ("ABIDJAN, Ivory Coast (AFP) -") says where the report was filed:
    // its names speak for nobody.
    const Dateline dateline = find_dateline(tokens_);
    const Dateline filed = dateline.end > dateline.begin ? dateline : mixed_case_dateline();
    std::vector<std::vector<Mention>> all(sentences_.size());
    for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
      all[si] = find_mentions(sentences_[si]);
      // The state the report was filed from: "the government" / "the army" of wire copy.
      for (const Mention& m : all[si]) {
        if (dateline_state_ >= 0 || m.begin < filed.begin || m.end > filed.end) continue;
        int c = country_of(m.entity);
        const Entity& en = entities_[static_cast<std::size_t>(m.entity)];
        if (c < 0 && en.cls == "City") {
          const int p = entity_by_iri(en.part_of);
          if (p >= 0 && entities_[static_cast<std::size_t>(p)].country()) c = p;
        }
        dateline_state_ = c;
      }
      all[si].erase(std::remove_if(all[si].begin(), all[si].end(),
                                   [&](const Mention& m) {
                                     return m.begin >= filed.begin && m.end <= filed.end;
                                   }),
                    all[si].end());
      find_appositions(sentences_[si], all[si]);
    }
    for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
      current_sentence_begin_ = sentences_[si].first_token;
      for (Mention& m : all[si]) m.entity = named_body(m.entity);
      claims_in(si, all[si]);
      mediations_in(si, all[si]);
      for (const Mention& m : all[si]) last_seen_[m.entity] = m.begin;
    }
    // A mediator whose sides the article names somewhere ("talks between the government and
    // rebel groups") has those sides where a sentence left them to the context ("Kenya-hosted
    // talks" in a headline).
    // The first sides named for the same mediators, else (when the article's two sides are
    // not known either) the first sides named for any mediation of the article.
    // A sentence that named one side only ("a peace agreement with rebel groups ..., mediated
    // by X") takes the sides named for X elsewhere when they include that side.
    for (PendingMediation& p : pending_) {
      if (p.explicit_parties || (!p.no_parties && p.parties.size() >= 2 && p.named_side < 0)) {
        continue;
      }
      const PendingMediation* same = nullptr;
      const PendingMediation* any = nullptr;
      for (const PendingMediation& q : pending_) {
        // A past mediation recalled in a relative clause gives no sides to later ones.
        if (!q.explicit_parties || q.recalled) continue;
        if (!same && q.meds == p.meds) same = &q;
        if (!any) any = &q;
      }
      const bool keeps_named =
          same && (p.named_side < 0 || std::find(same->parties.begin(), same->parties.end(),
                                                 p.named_side) != same->parties.end());
      if (p.named_side >= 0 && p.parties.size() >= 2 && !keeps_named) continue;
      if (same && (keeps_named || p.parties.size() < 2)) {
        p.parties = same->parties;
      } else if (p.parties.size() < 2 && any) {
        p.parties = any->parties;
      }
    }
    for (const PendingMediation& p : pending_) {
      if (p.parties.size() < 2) continue;
      const bool party_mediates = std::any_of(p.meds.begin(), p.meds.end(), [&](int m) {
        return std::find(p.parties.begin(), p.parties.end(), m) != p.parties.end() ||
               std::find(p.parties.begin(), p.parties.end(), country_of(m)) != p.parties.end();
      });
      if (party_mediates) continue;
      add_mediation(p.si, p.meds, p.parties, p.status, p.object, p.conditional, p.hedged, p.venue);
    }
    return stats_;
  }

 private:
  // ---------------------------------------------------------------- output
  void emit(const std::string& s, const std::string& p, rdf::Term o) {
    sink_.add(
        rdf::Quad{rdf::Term::iri(s), rdf::Term::iri(p), std::move(o), rdf::Term::iri(graph_)});
  }
  void iri(const std::string& s, const std::string& p, const std::string& o) {
    emit(s, p, rdf::Term::iri(o));
  }
  void lit(const std::string& s, const std::string& p, const std::string& v,
           std::string_view dt = {}) {
    emit(s, p, rdf::Term::literal(v, dt));
  }
  void amount(const std::string& s, const std::string& p, const std::string& v) {
    const bool digits =
        !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    // Integers typed; vague amounts ("dozens") kept as the word.
    lit(s, p, v, digits ? vocab::kXsdNonNegativeInteger : std::string_view{});
  }

  std::string sentence_iri(std::uint32_t si) {
    const Sentence& s = sentences_[si];
    const std::size_t b = norm_.original_offset(s.begin);
    const std::size_t e = norm_.original_offset(s.end);
    std::string iri_text =
        doc_ + "#char=" + std::to_string(cp_at_[b]) + "," + std::to_string(cp_at_[e]);
    if (!known_nodes_.count(iri_text) && emitted_sentences_.insert(iri_text).second) {
      iri(iri_text, std::string(vocab::kRdfType), ng("Sentence"));
      iri(iri_text, kNif + "referenceContext", doc_);
      lit(iri_text, kNif + "beginIndex", std::to_string(cp_at_[b]), vocab::kXsdNonNegativeInteger);
      lit(iri_text, kNif + "endIndex", std::to_string(cp_at_[e]), vocab::kXsdNonNegativeInteger);
      lit(iri_text, kNif + "anchorOf", article_.text.substr(b, e - b));
    }
    return iri_text;
  }
  std::string span_text(std::uint32_t tb, std::uint32_t te) const {
    if (tb >= te) return {};
    const std::size_t b = norm_.original_offset(tokens_[tb].begin);
    const std::size_t e = norm_.original_offset(tokens_[te - 1].end);
    return article_.text.substr(b, e - b);
  }
  std::string node(std::string_view kind) {
    return std::string(vocab::kNgId) + std::string(kind) + "/" + local_name(graph_) + "/" +
           std::to_string(++counter_);
  }

  // ---------------------------------------------------------------- entities
  void read_entities(const std::vector<rdf::Quad>& quads) {
    std::unordered_map<std::string, int> idx;
    auto get = [&](const std::string& s) -> Entity& {
      auto it = idx.find(s);
      if (it == idx.end()) {
        it = idx.emplace(s, static_cast<int>(entities_.size())).first;
        entities_.push_back(Entity{});
        entities_.back().iri = s;
      }
      return entities_[static_cast<std::size_t>(it->second)];
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
    const std::string p_mentions_actor = ng("mentionsActor");
    const std::string p_represents = ng("represents");
    const std::string p_affiliation = ng("affiliation");
    const std::string p_part_of = ng("partOf");
    const std::string p_evidence = ng("evidence");
    // known_nodes_ is only asked about sentence IRIs (sentence_iri()).
    const std::string sentence_prefix = doc_ + "#char=";
    std::set<std::string> actors;
    for (const rdf::Quad& q : quads) {
      if (!q.graph || q.graph->value != graph_) continue;
      const std::string& s = q.subject.value;
      if (s.rfind(sentence_prefix, 0) == 0) known_nodes_.insert(s);
      const std::string& p = q.predicate.value;
      if (p == p_mentions_actor) actors.insert(q.object.value);
      if (s.rfind(person_prefix, 0) != 0 && s.rfind(org_prefix, 0) != 0 &&
          s.rfind(place_prefix, 0) != 0) {
        continue;
      }
      if (p == type && q.object.value.rfind(ng_ns, 0) == 0) {
        get(s).cls = local_name(q.object.value);
      } else if (p == label) {
        if (get(s).label.empty()) get(s).label = q.object.value;
      } else if (p == alt) {
        get(s).alts.push_back(q.object.value);
      } else if (p == p_represents) {
        get(s).represents = q.object.value;
      } else if (p == p_affiliation) {
        get(s).affiliation = q.object.value;
      } else if (p == p_part_of) {
        get(s).part_of = q.object.value;
      } else if (p == p_evidence) {
        ++get(s).evidence;
      }
    }
    for (Entity& e : entities_) {
      e.actor = actors.count(e.iri) > 0 || e.country();
      by_iri_[e.iri] = static_cast<int>(&e - entities_.data());
    }
  }

  int entity_by_iri(const std::string& iri) const {
    auto it = by_iri_.find(iri);
    return it == by_iri_.end() ? -1 : it->second;
  }

  // The country an entity stands for: itself, what it represents, or the country of a capital.
  int country_of(int e) const {
    if (e < 0) return -1;
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    if (en.country()) return e;
    if (!en.represents.empty()) {
      const int r = entity_by_iri(en.represents);
      if (r >= 0 && entities_[static_cast<std::size_t>(r)].country()) return r;
    }
    if (en.cls == "City") {
      const std::string gn = local_name(en.iri);
      auto it = gn.rfind("gn-", 0) == 0 ? res_.capital_country.find(gn.substr(3))
                                        : res_.capital_country.end();
      if (it != res_.capital_country.end()) {
        const int c = entity_by_iri(en.part_of);
        if (c >= 0) return c;
        // Stage 1 gave no partOf: the gazetteer knows whose capital it is.
        return entity_by_iri(std::string(vocab::kNgId) + "place/gn-" +
                             res_.gazetteer.place(it->second).geonames_id);
      }
    }
    return -1;
  }

  // A person whose name is written with a capital (not a description such as "a resident").
  bool capitalised_person(int e) const {
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    return en.person() && !en.label.empty() && std::isupper(static_cast<unsigned char>(en.label[0]));
  }

  // May this entity speak, accuse or mediate (an actor, or a capital used for its state)?
  bool agentive(int e) const {
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    if (en.actor && en.cls != "City" && en.cls != "Province") return true;
    return en.cls == "City" && country_of(e) >= 0;
  }
  // The node a claim or mediation names: a capital stands for its country.
  int as_actor(int e) const {
    if (e < 0) return e;
    return entities_[static_cast<std::size_t>(e)].cls == "City" ? country_of(e) : e;
  }

  void build_index() {
    std::map<std::string, std::set<int>> surnames;
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      if (e.label.empty()) continue;
      std::vector<std::string> names = e.alts;
      names.push_back(e.label);
      for (const std::string& n : names) {
        std::vector<std::string> keys = phrase_keys(n, res_.abbreviations);
        if (!keys.empty()) index_.add(std::move(keys), static_cast<std::uint32_t>(i));
      }
      if (e.person()) {
        const std::vector<std::string> keys = phrase_keys(e.label, res_.abbreviations);
        if (keys.size() >= 2 && keys.back().size() >= 3) surnames[keys.back()].insert(int(i));
      }
    }
    // A state's capital names the state when stage 1 did not keep it as a place
    // ("accused Moscow of ...").
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      if (!e.country()) continue;
      const std::string gn = local_name(e.iri);
      if (gn.rfind("gn-", 0) != 0) continue;
      auto it = res_.capital_name.find(gn.substr(3));
      if (it == res_.capital_name.end()) continue;
      std::vector<std::string> keys = phrase_keys(it->second, res_.abbreviations);
      if (!keys.empty()) index_.add(std::move(keys), static_cast<std::uint32_t>(i));
    }
    // A surname alone names a person only when no other person in the article shares it.
    for (const auto& [key, who] : surnames) {
      if (who.size() == 1) index_.add({key}, static_cast<std::uint32_t>(*who.begin()));
    }
  }

  std::vector<Mention> find_mentions(const Sentence& s) const {
    std::vector<Mention> out;
    std::vector<PhraseIndex::Match> m;
    for (std::uint32_t i = s.first_token; i < s.last_token;) {
      m.clear();
      index_.match(tokens_, i, s.last_token, m);
      // A person's name is written with a capital: "said" in lower case is the verb, not the
      // surname of "Moussa Ali Said".
      const Token& first = tokens_[i];
      if (first.kind == TokenKind::Word && !first.is(kCapitalized) && !first.is(kAllCaps)) {
        m.erase(std::remove_if(m.begin(), m.end(),
                               [&](const PhraseIndex::Match& hit) {
                                 return capitalised_person(static_cast<int>(hit.value));
                               }),
                m.end());
      }
      if (m.empty()) {
        ++i;
        continue;
      }
      Mention men{i, i + m.front().length, static_cast<int>(m.front().value),
                  tokens_[i].is(kInQuote)};
      out.push_back(men);
      i = men.end;
    }
    return out;
  }

  // The sides the article is about, most mentioned first: states (counting their bodies and
  // capitals) and armed groups.
  void find_main_parties() {
    std::map<int, int> weight;
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      if (!entities_[i].actor) continue;  // a city named as a place is no side
      int side = country_of(static_cast<int>(i));
      if (side < 0 && entities_[i].cls == "ArmedGroup") side = static_cast<int>(i);
      if (side >= 0) weight[side] += std::max(1, entities_[i].evidence);
    }
    std::vector<std::pair<int, int>> order;
    for (const auto& [c, w] : weight) order.emplace_back(-w, c);
    std::sort(order.begin(), order.end());
    for (const auto& [w, c] : order) main_parties_.push_back(c);
  }

  // The two main sides, leaving out the mediators.
  std::vector<int> context_parties(const std::vector<int>& mediators) const {
    std::vector<int> out;
    for (int p : main_parties_) {
      if (out.size() == 2) break;
      // A state already seen mediating in the article is not a side either.
      const bool mediator = mediators_seen_.count(p) > 0 ||
                            std::any_of(mediators.begin(), mediators.end(),
                                        [&](int m) { return m == p || country_of(m) == p; });
      if (!mediator) out.push_back(p);
    }
    return out;
  }

  // ---------------------------------------------------------------- token helpers
  // "they will regret it", "will be destroyed before it reaches our soil", "would keep targeting
  // U.S. forces": a modal at `k`, at most two other words (no negation), then a verb of harm
  // or retribution (claim_threat_verbs.tsv) is a threat by its sense, without a verb of warning.
  bool promises_harm(std::uint32_t k, std::uint32_t end) const {
    const std::string& modal = tokens_[k].key;
    if (modal != "will" && modal != "would" && modal != "shall" && modal != "'ll") return false;
    // (A quotation mark does not count: 'the army would "crush" any force'.)
    std::uint32_t last = k + 3;
    for (std::uint32_t j = k + 1; j < end && j <= last; ++j) {
      const Token& t = tokens_[j];
      if (t.kind == TokenKind::Punct && t.key == "\"") {
        ++last;
        continue;
      }
      if (t.kind != TokenKind::Word || t.key == "not" || t.key == "never") return false;
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (matches(res_.threat_verbs, j, end, l, r)) return true;
    }
    return false;
  }

  bool matches(const Lexicon& lex, std::uint32_t i, std::uint32_t end, std::uint32_t& len,
               std::uint32_t& row) const {
    PhraseIndex::Match m{0, 0};
    if (!lex.index().longest(tokens_, i, end, m)) return false;
    len = m.length;
    row = m.value;
    return true;
  }
  bool is_word(const Lexicon& lex, std::uint32_t i, std::uint32_t end) const {
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    return matches(lex, i, end, len, row) && len == 1;
  }

  // "his wife", "her son": a singular possessive before one lower-case word that is no plural
  // and no number names one person.
  bool kin_of_one(std::uint32_t j, std::uint32_t end) const {
    if (j + 1 >= end || (tokens_[j].key != "his" && tokens_[j].key != "her")) return false;
    const Token& noun = tokens_[j + 1];
    return noun.kind == TokenKind::Word && !noun.is(kCapitalized) && noun.key.size() > 2 &&
           noun.key.back() != 's';
  }

  // Some token of [b, e) is a number ("a total of 30").
  bool number_between(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t k = b; k < e; ++k) {
      std::uint32_t l = 0;
      if (number_at(k, e, l)) return true;
    }
    return false;
  }

  // Integer or vague word at token i, with its length in tokens.
  std::optional<std::string> number_at(std::uint32_t i, std::uint32_t end,
                                       std::uint32_t& len) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::Number) {
      std::string digits;
      for (char c : t.key) {
        if (c >= '0' && c <= '9') {
          digits += c;
        } else if (c != ',') {
          return std::nullopt;  // "2,600-km", "10th"
        }
      }
      if (digits.empty() || digits.size() > 7) return std::nullopt;
      // A year ("in 2016 a car bomb killed", "since 2021"), not a count: four digits without a
      // comma after a time preposition.
      if (digits.size() == 4 && t.key.size() == 4 && digits >= "1900" && digits <= "2099" &&
          i > 0 && is_word(res_.year_preps, i - 1, i)) {
        return std::nullopt;
      }
      len = 1;
      return std::to_string(std::stoll(digits));
    }
    std::uint32_t row = 0;
    if (matches(res_.numbers, i, end, len, row)) {
      const std::string kind(res_.numbers.get(row, "kind"));
      if (kind == "number" || kind == "vague") return std::string(res_.numbers.get(row, "value"));
    }
    return std::nullopt;
  }

  // Start of the clause holding token `at`, and relative spans closed before it (skipped).
  std::uint32_t clause_begin(const Sentence& s, std::uint32_t at,
                             std::vector<std::pair<std::uint32_t, std::uint32_t>>& skipped) const {
    std::uint32_t begin = s.first_token;
    for (std::uint32_t i = s.first_token; i < at; ++i) {
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      if (tokens_[i].key == ";") {
        begin = i + 1;
        skipped.clear();
        continue;
      }
      // ", and Russian President X told ...": a new clause with its own subject.
      if (tokens_[i].key == "and" && i > s.first_token && tokens_[i - 1].key == "," && i + 1 < at &&
          tokens_[i + 1].is(kCapitalized)) {
        begin = i + 1;
        skipped.clear();
        continue;
      }
      if (!matches(res_.breaks, i, at, len, row)) continue;
      const std::string kind(res_.breaks.get(row, "kind"));
      const bool after_comma = i > s.first_token && tokens_[i - 1].key == ",";
      if (kind == "hard" && (after_comma || i == s.first_token)) {
        begin = i + len;
        skipped.clear();
      } else if (kind == "relative" && after_comma) {
        // "X, which ..., said": the relative clause closes at the next comma before `at`.
        std::uint32_t close = i + len;
        while (close < at && tokens_[close].key != ",") ++close;
        if (close < at) {
          skipped.emplace_back(i, close);
        } else {
          begin = i + len;
          skipped.clear();
        }
      }
    }
    return begin;
  }

  // End of the clause that runs on from `from` (", while ...", "; ...", ", and X ...").
  std::uint32_t clause_end(const Sentence& s, std::uint32_t from) const {
    for (std::uint32_t i = from; i < s.last_token; ++i) {
      if (tokens_[i].key == ";") return i;
      if (i > from && tokens_[i - 1].key == "," && tokens_[i].key == "and" &&
          i + 1 < s.last_token && tokens_[i + 1].is(kCapitalized)) {
        return i;
      }
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      // A comma before the word, or inside a closing quote before it ('"...," while').
      const bool comma = (i > from && tokens_[i - 1].key == ",") ||
                         (i > from + 1 && tokens_[i - 1].key == "\"" && tokens_[i - 2].key == ",");
      if (comma && matches(res_.breaks, i, s.last_token, len, row) &&
          res_.breaks.get(row, "kind") == "hard") {
        return i;
      }
    }
    return s.last_token;
  }

  // Words allowed between a name and a following, more specific name in one noun phrase
  // ("Pakistan's Information Minister Attaullah Tarar").
  bool attachable_gap(std::uint32_t from, std::uint32_t to) const {
    if (to - from > 5) return false;
    for (std::uint32_t i = from; i < to; ++i) {
      const Token& t = tokens_[i];
      if (t.key == "'s" || t.key == "'") continue;
      if (t.kind != TokenKind::Word) return false;
      if (t.key == "and" || t.key == "or") return false;
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      if (matches(res_.claim_cues, i, to, len, row)) return false;
      if (matches(res_.med_triggers, i, to, len, row)) return false;
      // Lower-case words other than titles end the noun phrase ("sources in"); "Cambodia's
      // former leader X" is X.
      if (!t.is(kCapitalized) && t.key != "spokesperson" && t.key != "spokesman" &&
          t.key != "spokeswoman" && t.key != "minister" && t.key != "chief" &&
          !is_word(res_.titles, i, i + 1) && !is_word(res_.title_modifiers, i, i + 1)) {
        return false;
      }
    }
    return true;
  }

  // "..., killing three people, the Polisario said": capitalised words right before the verb
  // `at` (after "the" or a comma, not opening the sentence) that open the name of exactly one group
  // or organisation of the article ("Polisario Front") are that actor, not the subject of the
  // clause before.
  int shortened_name_speaker(const Sentence& s, const std::vector<Mention>& ms,
                             std::uint32_t at) const {
    std::uint32_t b = at;
    while (b > s.first_token && at - b < 3 && tokens_[b - 1].is(kCapitalized) &&
           std::none_of(ms.begin(), ms.end(),
                        [&](const Mention& m) { return b - 1 >= m.begin && b - 1 < m.end; })) {
      --b;
    }
    if (b == at) return -1;
    if (b == s.first_token || (tokens_[b - 1].key != "the" && tokens_[b - 1].key != ",")) {
      return -1;
    }
    std::vector<std::string> words;
    for (std::uint32_t k = b; k < at; ++k) words.push_back(tokens_[k].key);
    int found = -1;
    for (std::size_t e = 0; e < entities_.size(); ++e) {
      // Groups and organisations go by short names ("the Polisario"); a state's bodies by
      // their own ("the Kremlin" is no shortened "Kremlin administration").
      const std::string& cls = entities_[e].cls;
      if (cls != "ArmedGroup" && cls != "Organization") continue;
      const std::vector<std::string> keys = phrase_keys(entities_[e].label, res_.abbreviations);
      if (keys.size() <= words.size() || !std::equal(words.begin(), words.end(), keys.begin())) {
        continue;
      }
      if (found >= 0) return -1;  // several actors open so: none of them
      found = static_cast<int>(e);
    }
    return found;
  }

  // The subject of a verb at `at`: the first agentive mention of its clause.
  int subject_of(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at,
                 std::uint32_t* first = nullptr) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> skipped;
    const std::uint32_t begin = clause_begin(s, at, skipped);
    auto in_skipped = [&](const Mention& m) {
      return std::any_of(skipped.begin(), skipped.end(), [&](const auto& sp) {
        return m.begin >= sp.first && m.begin < sp.second;
      });
    };
    int cur = -1;
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      if (m.begin < begin || m.end > at || m.in_quote || in_skipped(m) || !agentive(m.entity)) {
        continue;
      }
      // "told reporters in Naypyitaw ... and said": a place after a locative is not a subject,
      // nor a name after a locative and an article ("in the Libyan capital").
      if (m.begin > s.first_token && is_word(res_.locative, m.begin - 1, m.begin)) continue;
      if (m.begin > s.first_token + 1 &&
          (tokens_[m.begin - 1].key == "the" || tokens_[m.begin - 1].key == "a") &&
          is_word(res_.locative, m.begin - 2, m.begin - 1)) {
        continue;
      }
      if (cur < 0) {
        cur = static_cast<int>(k);
        continue;
      }
      if (attachable_gap(ms[static_cast<std::size_t>(cur)].end, m.begin)) {
        cur = static_cast<int>(k);
      } else {
        break;
      }
    }
    if (cur < 0) return -1;
    // "Iran's ambassador to the United Nations, Amir Iravani, told": a person named in an
    // apposition after a description is the subject.
    const Mention& c = ms[static_cast<std::size_t>(cur)];
    for (const Mention& p : ms) {
      if (p.begin <= c.end || p.end >= at || p.begin - c.end > 8 || p.in_quote) continue;
      if (entities_[static_cast<std::size_t>(p.entity)].cls != "Person" ||
          entities_[static_cast<std::size_t>(c.entity)].cls == "Person") {
        break;
      }
      const bool enclosed = tokens_[p.begin - 1].key == "," && tokens_[p.end].key == ",";
      const bool plain =
          std::none_of(tokens_.begin() + c.end, tokens_.begin() + p.begin - 1, [](const Token& t) {
            return t.kind == TokenKind::Punct && t.key != "'s" && t.key != "'";
          });
      if (enclosed && plain) {
        if (first) *first = p.begin;
        return p.entity;
      }
      break;
    }
    if (first) *first = c.begin;
    return c.entity;
  }

  int mention_at(const std::vector<Mention>& ms, std::uint32_t i) const {
    for (const Mention& m : ms) {
      if (m.begin == i && agentive(m.entity)) return m.entity;
    }
    return -1;
  }
  // The side an actor stands for: its state (country_of), the side of its affiliation, or an
  // armed group itself; -1 for none. A group whose name opens the name of a body standing for
  // a state ("X" and "X government") is on that state's side.
  int side_of(int e, int depth = 0) const {
    if (e < 0) return -1;
    const int c = country_of(e);
    if (c >= 0) return c;
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    if (!en.affiliation.empty() && depth < 3) {
      const int a = side_of(entity_by_iri(en.affiliation), depth + 1);
      if (a >= 0) return a;
    }
    if (en.cls != "ArmedGroup") {
      // "Moscow's foreign ministry"; but the "Pakistani Taliban" fight Pakistan.
      const int named = state_opening(en.label);
      if (named >= 0) return named != e ? named : -1;
      // A state body named by its kind alone ("the foreign ministry said", an actor of stage 1)
      // is the home state's, as a description stage 2 mints is.
      return bare_state_body(en.label) ? home_state() : -1;
    }
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      const Entity& body = entities_[i];
      if (body.label.size() > en.label.size() && body.label.rfind(en.label + " ", 0) == 0) {
        const int state = country_of(static_cast<int>(i));
        if (state >= 0) return state;
      }
    }
    return e;
  }

  // "foreign ministry", "army": a lower-case label whose last word is a body or state noun.
  // "the foreign ministry said", a bare body of stage 1, after "Pakistan's foreign ministry":
  // the body named earlier whose label ends in the same words (the latest one), else `e`.
  int named_body(int e) const {
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    if (!bare_state_body(en.label)) return e;
    const std::string tail = " " + en.label;
    int best = e;
    std::int64_t best_pos = -1;
    for (const auto& [other, pos] : last_seen_) {
      const std::string& label = entities_[static_cast<std::size_t>(other)].label;
      if (other != e && label.size() > tail.size() &&
          label.compare(label.size() - tail.size(), tail.size(), tail) == 0 &&
          static_cast<std::int64_t>(pos) > best_pos) {
        best = other;
        best_pos = pos;
      }
    }
    return best;
  }

  bool bare_state_body(const std::string& label) const {
    if (label.empty() || !(label.front() >= 'a' && label.front() <= 'z')) return false;
    const std::vector<std::string> keys = phrase_keys(label, res_.abbreviations);
    if (keys.empty()) return false;
    const std::string kind = body_kind_of(keys.back());
    return kind == "body" || kind == "state";
  }

  // The state whose name, demonym or capital opens a name ("Moscow's foreign ministry",
  // "Kenyan police"), if the article has it; else -1.
  int state_opening(const std::string& label) const {
    std::vector<Token> toks;
    for (const std::string& k : phrase_keys(label, res_.abbreviations)) {
      toks.push_back(Token{0, 0, TokenKind::Word, kCapitalized, k});
    }
    if (toks.size() < 2) return -1;
    std::vector<PhraseIndex::Match> m;
    res_.gazetteer.demonyms().match(toks, 0, toks.size(), m);
    std::vector<PhraseIndex::Match> names;
    res_.gazetteer.names().match(toks, 0, toks.size(), names);
    m.insert(m.end(), names.begin(), names.end());
    for (const auto& hit : m) {
      if (hit.length >= toks.size()) continue;  // the whole name is the place
      const Place& p = res_.gazetteer.place(hit.value);
      std::string gn = p.geonames_id;
      if (p.kind != PlaceKind::Country) {
        auto cap = res_.capital_country.find(gn);
        if (cap == res_.capital_country.end()) continue;
        gn = res_.gazetteer.place(cap->second).geonames_id;
      }
      const int e = entity_by_iri(std::string(vocab::kNgId) + "place/gn-" + gn);
      if (e >= 0) return e;
    }
    return -1;
  }

  // For a claimant on one of the article's two main sides, the other one; else -1.
  int other_side(int claimant) const {
    const int side = side_of(claimant);
    const std::vector<int> two = context_parties({});
    if (side < 0 || two.size() != 2) return -1;
    return two[0] == side ? two[1] : two[1] == side ? two[0] : -1;
  }

  // The first actor in [from, to) that is not on the claimant's side (nor the claimant, nor a
  // news outlet).
  int first_opponent_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                        int claimant, bool quoted_only = false) const {
    const int side = side_of(claimant);
    for (const Mention& m : ms) {
      if (m.begin < from || m.begin >= to || !agentive(m.entity)) continue;
      if (quoted_only && !m.in_quote) continue;
      const int who = as_actor(m.entity);
      // A news outlet reports, it is not a party: "the agency quoted a source as saying".
      if (who < 0 || entities_[static_cast<std::size_t>(who)].cls == "MediaOutlet") continue;
      if (who == claimant || (side >= 0 && side_of(who) == side)) continue;
      return who;
    }
    return -1;
  }

  int first_mention_after(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                          int not_this) const {
    for (const Mention& m : ms) {
      if (m.begin >= from && m.begin < to && !m.in_quote && agentive(m.entity) &&
          as_actor(m.entity) != not_this) {
        return m.entity;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- claims
  // Whom a claim is against or addressed to when the words after its cue name nobody, or name
  // the claimant's own side: an accusation, threat or offer by one side of the conflict is
  // addressed to the other; an offer by an outsider to the main side; a statement to the first
  // actor of another side named after its cue or quoted before it, else (for a side) to the other
  // side. A denial's
  // target is set later from the claim it denies (claims_in), the other side only failing that.
  int fallback_target(const std::string& type, int who, int target, const std::vector<Mention>& ms,
                      const Sentence& s, const Cue& cue) const {
    const int side = side_of(who);
    if (target >= 0 && (side < 0 || side_of(target) != side)) return target;
    if (type == "Accusation" || type == "Threat" || type == "Offer") {
      const int named = first_opponent_in(ms, cue.end, clause_end(s, cue.end), who);
      if (named >= 0) return named;
      // "said the X government had lost its legitimacy and warned that ...": another side
      // named earlier in the sentence, when the cue's own words name none.
      if (type != "Offer") {
        const int before = first_opponent_in(ms, s.first_token, cue.begin, who);
        if (before >= 0) return before;
      }
      const int other = other_side(who);
      if (other >= 0) return other;
      if (type == "Offer") {  // an outsider's offer: to the first main side
        const std::vector<int> two = context_parties({who});
        if (!two.empty()) return two.front();
      }
      return target;
    }
    if (type == "StatementClaim") {
      // What was said: the words after the cue, or a quotation before it ('"...," he said').
      int named = first_opponent_in(ms, cue.end, s.last_token, who);
      if (named < 0) named = first_opponent_in(ms, s.first_token, cue.begin, who, true);
      return named >= 0 ? named : other_side(who);
    }
    return target;
  }

  int claimant_for(const Sentence& s, const std::vector<Mention>& ms, const Cue& cue) {
    if (cue.voice == Voice::Passive) {
      std::uint32_t from = cue.end;
      if (from < s.last_token && tokens_[from].key == "the") ++from;
      // "according to Ukrainian authorities", "according to Israeli tallies": a described
      // speaker after the cue, as before a speech verb.
      for (std::uint32_t h = from; h < std::min(from + 4, s.last_token); ++h) {
        if (tokens_[h].kind == TokenKind::Punct) break;
        if (!is_word(res_.source_nouns, h, h + 1)) continue;
        if (std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.begin == from; }) &&
            mention_at(ms, from) >= 0 && h == from) {
          break;
        }
        // "according to the police", "according to the army": a definite description, as
        // before a speech verb ("the police said"); a body needs no article ("according to
        // police", as "police said"), a bare "officials" names nobody.
        if (from > cue.end || (h == from && !body_kind(h).empty())) {
          const int definite = definite_speaker(s, ms, h + 1);
          if (definite >= 0) return definite;
        }
        const int d = described_speaker(s, ms, h + 1);
        if (d >= 0) return d;
        break;
      }
      const int e = mention_at(ms, from);
      if (e >= 0) return e;
      const int sources = unnamed_source_pair(s, ms, from);
      if (sources >= 0) return sources;
      // "according to the conflict monitoring group ACLED": a short description may come first.
      return first_mention_after(ms, cue.end, std::min(cue.end + 6, s.last_token), -1);
    }
    if (cue.voice == Voice::Possessive && cue.begin >= s.first_token + 2 &&
        tokens_[cue.begin - 1].key == "'s") {
      for (const Mention& m : ms) {
        if (m.end == cue.begin - 1 && agentive(m.entity)) return m.entity;
      }
    }
    if (cue.voice == Voice::Near) {
      std::vector<std::pair<std::uint32_t, std::uint32_t>> skipped;
      const std::uint32_t cb = clause_begin(s, cue.begin, skipped);
      int best = -1;
      for (const Mention& m : ms) {
        if (m.begin >= cb && m.end <= cue.begin && m.end + 6 >= cue.begin && !m.in_quote &&
            agentive(m.entity)) {
          best = m.entity;
        }
      }
      if (best >= 0) return best;
    }
    if (cue.voice == Voice::Possessive) return -1;
    // "the ministry said", "The emergency medicine centre, which is run by X, said".
    const std::uint32_t own_end = skip_parenthetical_back(s, skip_aux_back(s, cue.begin));
    // "a ceasefire the military declared": a threat or offer cue in a clause that qualifies a
    // noun is no claim by "the military" (a Near denial is: "an accusation the army rejected").
    const bool reduced_relative = [&] {
      if (cue.type != "Threat" && cue.type != "Offer") return false;
      if (own_end <= s.first_token || body_kind(own_end - 1).empty()) return false;
      std::uint32_t k = own_end - 1;
      while (k > s.first_token && tokens_[k - 1].key != "the" && own_end - k < 5) {
        if (tokens_[k - 1].kind != TokenKind::Word || tokens_[k - 1].is(kCapitalized)) {
          return false;
        }
        --k;
      }
      if (k <= s.first_token + 1 || tokens_[k - 1].key != "the") return false;
      const Token& before = tokens_[k - 2];
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      return before.kind == TokenKind::Word && !before.is(kCapitalized) &&
             !is_word(res_.subject_links, k - 2, k - 1) &&
             !is_word(res_.victim_stops, k - 2, k - 1) && !matches(res_.breaks, k - 2, k, l, r);
    }();
    if (reduced_relative) return -1;
    if (cue.voice == Voice::Active) {
      const int named = appositive_speaker(s, ms, skip_aux_back(s, cue.begin));
      if (named >= 0) return named;
    }
    if (cue.voice == Voice::Active || cue.voice == Voice::Near) {
      const int definite = definite_speaker(s, ms, own_end);
      if (definite >= 0) return definite;
    }
    const int described = described_speaker(s, ms, cue.begin);
    if (described >= 0) return described;
    const int bare = bare_body_speaker(s, ms, skip_aux_back(s, cue.begin));
    if (bare >= 0) return bare;
    // "officials said" with no state or group named: the speaker is unknown.
    const std::uint32_t head = skip_aux_back(s, cue.begin);
    if (head > s.first_token && is_word(res_.source_nouns, head - 1, head) &&
        std::none_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == head; })) {
      return -1;
    }
    if (cue.voice == Voice::Active) {
      const int shortened = shortened_name_speaker(s, ms, head);
      if (shortened >= 0) return shortened;
    }
    const int adjacent = adjacent_speaker(s, ms, cue.begin);
    if (adjacent >= 0) return adjacent;
    // "..., police and witnesses said": common nouns after a comma are the speakers; no
    // other name of the sentence is.
    if (cue.voice == Voice::Active && cue.type == "StatementClaim" && head > s.first_token) {
      std::uint32_t k = head;
      bool noun = false;
      while (k > s.first_token && head - k < 3) {
        const Token& t = tokens_[k - 1];
        if (t.kind != TokenKind::Word || t.is(kCapitalized) || t.is(kAllCaps)) break;
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        if (t.key != "and" && t.key != "or") {
          if (matches(res_.pronouns, k - 1, k, l, r) || is_word(res_.subject_links, k - 1, k) ||
              matches(res_.claim_cues, k - 1, head, l, r)) {
            break;
          }
          noun = true;
        }
        --k;
      }
      if (noun && k < head && k > s.first_token && tokens_[k - 1].key == "," &&
          std::none_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == head; })) {
        return -1;
      }
    }
    // "..., a medical group said": an unnamed speaker described by an indefinite phrase; no
    // other name of the sentence is the speaker.
    if (cue.voice == Voice::Active && head > s.first_token) {
      std::uint32_t k = head;
      while (k > s.first_token && head - k < 4 && tokens_[k - 1].kind == TokenKind::Word &&
             !tokens_[k - 1].is(kCapitalized) && tokens_[k - 1].key != "a" &&
             tokens_[k - 1].key != "an" && !is_word(res_.aux, k - 1, k) &&
             tokens_[k - 1].key != "and" && tokens_[k - 1].key != "or" &&
             tokens_[k - 1].key != "but" && tokens_[k - 1].key != "that") {
        --k;
      }
      if (k < head && k > s.first_token &&
          (tokens_[k - 1].key == "a" || tokens_[k - 1].key == "an") &&
          std::none_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == head; })) {
        return -1;
      }
    }
    // "the escalation threatened to ...", "shortages were threatening", "a ceasefire the rebels
    // had declared": a threat or offer whose own subject is a common noun has no actor
    // claimant (the speaker of the sentence does not threaten or offer here).
    if ((cue.type == "Threat" || cue.type == "Offer") && cue.voice == Voice::Active &&
        head > s.first_token) {
      const Token& before = tokens_[head - 1];
      const bool named =
          std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == head; });
      const bool adverb =
          before.key.size() > 3 && before.key.compare(before.key.size() - 2, 2, "ly") == 0;
      if (!named && !adverb && before.kind == TokenKind::Word && !before.is(kCapitalized) &&
          !before.is(kAllCaps) && !is_word(res_.subject_links, head - 1, head)) {
        return -1;
      }
    }
    int e = subject_of(s, ms, cue.begin);
    if (e >= 0) return e;
    // '"...," said X': the speaker after the verb only when the verb follows the quote or a
    // comma ("He said Afghanistan wanted ..." is said by "he").
    if (cue.end < s.last_token && cue.begin > s.first_token &&
        tokens_[cue.begin - 1].kind == TokenKind::Punct) {
      e = mention_at(ms, cue.end);
      if (e >= 0) return e;
    }
    // "he said", "he also said": the last speaker of that kind.
    const std::uint32_t before = skip_aux_back(s, cue.begin);
    if (before > s.first_token) {
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      if (matches(res_.pronouns, before - 1, before, len, row)) {
        const bool person = res_.pronouns.get(row, "kind") == "person";
        // "The government has rejected any role for X, which it accuses of ...": the
        // sentence's own subject, when it is of the pronoun's kind, before the last speaker.
        for (const Mention& m : ms) {
          if (m.begin >= cue.begin || m.in_quote || !agentive(m.entity)) continue;
          if (m.begin > s.first_token && is_word(res_.locative, m.begin - 1, m.begin)) continue;
          const bool is_person = entities_[static_cast<std::size_t>(m.entity)].cls == "Person";
          if (is_person != person) continue;
          if (m.begin <= s.first_token + 1) return m.entity;
          break;
        }
        return person ? last_person_ : last_group_;
      }
    }
    return -1;
  }

  // "Juba (AFP) -": a dateline in mixed case (find_dateline takes capitals only) at the start
  // of a line in the first few lines: names, "(", one word, ")", a dash. Only where the report
  // was filed matters here.
  Dateline mixed_case_dateline() const {
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    for (std::uint32_t k = 0; k < n && k < 80; ++k) {
      if (k > 0 && !tokens_[k].is(kAfterNewline)) continue;
      if (!tokens_[k].is(kCapitalized)) continue;
      for (std::uint32_t p = k + 1; p + 3 < n && p < k + 8; ++p) {
        if (tokens_[p].is(kAfterNewline)) break;
        if (tokens_[p].key != "(") continue;
        const std::string& dash = tokens_[p + 3].key;
        if (tokens_[p + 2].key == ")" && (dash == "-" || dash == "--")) {
          return {k, p + 3};
        }
        break;
      }
    }
    return {};
  }

  // "their disputed border", "the contested region": a participle after a determiner or
  // possessive modifies a noun; it states no denial or status.
  bool adjectival(const Sentence& s, std::uint32_t i) const {
    if (i <= s.first_token) return false;
    const std::string& w = tokens_[i].key;
    if (w.size() < 4 || w.compare(w.size() - 2, 2, "ed") != 0) return false;
    static const std::set<std::string> determiners = {"the", "a",   "an",  "their", "its",
                                                      "his", "her", "our", "this",  "these"};
    return determiners.count(tokens_[i - 1].key) > 0;
  }

  // "Kenya's government" speaks as Kenya: a body named "<state>'s government" is the state.
  int own_government(int e) const {
    if (e < 0) return e;
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    const std::vector<std::string> keys = phrase_keys(en.label, res_.abbreviations);
    if (keys.size() < 3 || keys.back() != "government" || keys[keys.size() - 2] != "'s") return e;
    std::string name;
    for (std::size_t k = 0; k + 2 < keys.size(); ++k) name += (k ? " " : "") + keys[k];
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      if (entities_[i].country() && fold_key(entities_[i].label) == name) {
        return static_cast<int>(i);
      }
    }
    return e;
  }

  // ---------------------------------------------------------------- definite descriptions
  // The kind of a body noun (claim_body_nouns.tsv) at token i, or "" when it is none.
  std::string body_kind_of(const std::string& key) const {
    const std::vector<Token> toks{Token{0, 0, TokenKind::Word, 0, key}};
    PhraseIndex::Match m{0, 0};
    if (!res_.body_nouns.index().longest(toks, 0, 1, m)) return {};
    return std::string(res_.body_nouns.get(m.value, "kind"));
  }
  std::string body_kind(std::uint32_t i) const {
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (!matches(res_.body_nouns, i, i + 1, len, row)) return {};
    return std::string(res_.body_nouns.get(row, "kind"));
  }

  // "X, a Britain-based war monitor, said", "the main opposition party, X": the body noun of
  // an apposition describes X, so "the monitor" / "the party" can refer back to it.
  void find_appositions(const Sentence& s, const std::vector<Mention>& ms) {
    for (const Mention& m : ms) {
      if (!agentive(m.entity)) continue;
      // Forward: skip "(ABBR)" after the name.
      std::uint32_t k = m.end;
      if (k + 2 < s.last_token && tokens_[k].key == "(" && tokens_[k + 2].key == ")") k += 3;
      if (k + 2 < s.last_token && tokens_[k].key == "," &&
          (tokens_[k + 1].key == "a" || tokens_[k + 1].key == "an" ||
           tokens_[k + 1].key == "the")) {
        // The head: the last word before a preposition, a relative pronoun or punctuation ("a
        // rights group that ...", not the "ministry" of "a spokeswoman for the ministry").
        std::uint32_t e = k + 2;
        while (e < s.last_token && e - k < 8 && tokens_[e].kind == TokenKind::Word &&
               !is_word(res_.victim_stops, e, e + 1) && tokens_[e].key != "of" &&
               tokens_[e].key != "for" && tokens_[e].key != "to") {
          ++e;
        }
        if (e < s.last_token && e > k + 2 && !body_kind(e - 1).empty()) {
          descriptors_[m.entity].insert(tokens_[e - 1].key);
        }
      }
      // Backward: "the main opposition party, the X".
      std::uint32_t b = m.begin;
      if (b > s.first_token && tokens_[b - 1].key == "the") --b;
      if (b >= s.first_token + 3 && tokens_[b - 1].key == "," && !body_kind(b - 2).empty()) {
        for (std::uint32_t a = b - 2; a > s.first_token && b - a < 7; --a) {
          const std::string& w = tokens_[a - 1].key;
          if (w == "the" || w == "a" || w == "an") {
            descriptors_[m.entity].insert(tokens_[b - 2].key);
            break;
          }
          if (tokens_[a - 1].kind != TokenKind::Word || tokens_[a - 1].is(kCapitalized)) break;
        }
      }
    }
  }

  // Folded words of an entity's names.
  // (A plural "s" aside: "the force" is in "Rapid Support Forces".)
  bool name_has(int e, const std::string& key) {
    auto it = name_keys_.find(e);
    if (it == name_keys_.end()) {
      // The folded words of its names, made once per entity.
      const Entity& en = entities_[static_cast<std::size_t>(e)];
      std::vector<std::string> names = en.alts;
      names.push_back(en.label);
      std::set<std::string> keys;
      for (const std::string& n : names) {
        for (std::string& k : phrase_keys(n, res_.abbreviations)) keys.insert(std::move(k));
      }
      it = name_keys_.emplace(e, std::move(keys)).first;
    }
    const std::set<std::string>& keys = it->second;
    return keys.count(key) > 0 || keys.count(key + "s") > 0 ||
           (key.size() > 1 && key.back() == 's' && keys.count(key.substr(0, key.size() - 1)) > 0);
  }

  // "the interior ministry said", "the monitor said", "a spokesperson for the group said":
  // the definite description that ends at `end` (exclusive) refers to the body named earlier
  // whose name holds its noun and modifiers, or that an apposition described so; failing that,
  // by the noun's kind (claim_body_nouns.tsv), the main state, the last group, or an unnamed
  // source of its own. -1 when `end` closes no such description.
  int definite_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t end,
                       bool opening_body = false) {
    if (end <= s.first_token) return -1;
    const std::uint32_t noun = end - 1;
    const std::string kind = body_kind(noun);
    // A state's body may be written with a capital right after "the" ("the Navy said", "the
    // Army said", as AP writes them): it is the same description as "the navy".
    const bool titled = kind == "state" && tokens_[noun].is(kCapitalized) &&
                        !tokens_[noun].is(kAllCaps) && noun > s.first_token &&
                        tokens_[noun - 1].key == "the";
    // A side of talks: "Government and MILF peace panels met ...": a body noun that opens the
    // sentence in capitals is read as "the government" is (not a speaker: "Police said").
    const bool initial = opening_body && noun == s.first_token && !tokens_[noun].is(kAllCaps);
    if (kind.empty() || (tokens_[noun].is(kCapitalized) && !titled && !initial) ||
        tokens_[noun].is(kInQuote)) {
      return -1;
    }
    if (std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == end; })) {
      return -1;
    }
    std::uint32_t k = noun;
    std::vector<std::string> modifiers, identifying;
    // "..., police said": a body noun news copy writes without an article, right after the
    // comma or quotation mark that ends what was said, is a definite description too.
    // So is one right after "according to" ("..., according to police").
    const bool bare =
        noun > s.first_token &&
        (tokens_[noun - 1].key == "," || tokens_[noun - 1].key == "\"" ||
         (noun > s.first_token + 1 && tokens_[noun - 1].key == "to" &&
          tokens_[noun - 2].key == "according"));
    while (!bare && k > s.first_token && noun - k < 5) {
      const Token& t = tokens_[k - 1];
      if (t.key == "the") break;
      --k;
      if (t.key == "'s") {
        // "the health ministry's emergency centre": a unit of a body named here speaks for
        // that body; "the ombudsman's office" (no body named) goes on as one description.
        for (const Mention& m : ms) {
          if (m.end == k && agentive(m.entity)) return m.entity;
        }
        continue;
      }
      if (t.kind == TokenKind::Word && t.is(kCapitalized)) {
        // "the Tigray interim administration said": a body of the region or province named
        // right after "the", a source of its own affiliated with that place.
        for (const Mention& m : ms) {
          const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
          if (m.end == k + 1 && m.begin > s.first_token && tokens_[m.begin - 1].key == "the" &&
              (cls == "Region" || cls == "Province") && !modifiers.empty()) {
            return mint_described(span_text(m.begin, end), tokens_[noun].key, m.entity);
          }
        }
      }
      if (t.kind != TokenKind::Word || t.is(kCapitalized) || t.is(kAllCaps)) return -1;
      modifiers.push_back(t.key);
      // "the paramilitary force": a word that says what kind of body it is, not which one,
      // need not be in the name (claim_body_descriptors.tsv).
      if (!is_word_in(res_.body_descriptors, tokens_, k)) identifying.push_back(t.key);
    }
    if (!bare && !initial && (k == s.first_token || tokens_[k - 1].key != "the")) return -1;
    const std::uint32_t the = initial ? noun : k - 1;
    const std::string& head = tokens_[noun].key;
    int best = -1;
    std::int64_t best_pos = -1;
    auto consider = [&](int e, std::int64_t pos) {
      const Entity& en = entities_[static_cast<std::size_t>(e)];
      // Not a news outlet, a city, an unnamed plural ("opposition groups"), nor a person ("a
      // regional government official" is no "government").
      if (!agentive(e) || en.cls == "MediaOutlet" || en.cls == "City" || en.cls == "Actor" ||
          en.cls == "Person") {
        return;
      }
      // "the army" is a state's, not the "White Army" or the "Arakan Army".
      if (kind == "state" && en.cls == "ArmedGroup") return;
      const auto d = descriptors_.find(e);
      const bool described = d != descriptors_.end() && d->second.count(head) > 0;
      if (!described && !name_has(e, head)) return;
      if (!described) {
        for (const std::string& mod : identifying) {
          if (!name_has(e, mod)) return;
        }
      }
      if (pos > best_pos) {
        best = e;
        best_pos = pos;
      }
    };
    for (const auto& [e, pos] : last_seen_) consider(e, pos);
    for (const Mention& m : ms) {
      if (m.end <= the) consider(m.entity, m.begin);
    }
    if (best >= 0) return best;
    // (Written bare, it is that state's body rather than the state: "police", of the home
    // state.)
    if (bare) return mint_described(span_text(noun, end), head, home_state());
    if (kind == "state") {
      const int state = home_state();
      if (state >= 0) return state;
    } else if (kind == "group") {
      // A group named earlier in the sentence ("accused X of ..., which the group denies"),
      // else the group that spoke last, else the group named last.
      for (const Mention& m : ms) {
        const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
        if (m.end <= the && (cls == "ArmedGroup" || cls == "Organization")) best = m.entity;
      }
      if (best >= 0) return best;
      if (last_group_ >= 0) {
        const std::string& cls = entities_[static_cast<std::size_t>(last_group_)].cls;
        if (cls == "ArmedGroup" || cls == "Organization") return last_group_;
      }
      for (const auto& [e, pos] : last_seen_) {
        const std::string& cls = entities_[static_cast<std::size_t>(e)].cls;
        if ((cls == "ArmedGroup" || cls == "Organization") && pos > best_pos) {
          best = e;
          best_pos = pos;
        }
      }
      if (best >= 0) return best;
    }
    if (modifiers.empty()) return -1;
    // "the emergency medicine centre": a source of its own, named as written, a body of the
    // state the report is about ("the foreign ministry" of a report from Damascus).
    return mint_described(span_text(the + 1, end), head, kind == "body" ? home_state() : -1);
  }

  // The state the report was filed from when it is a main side of the article, else the first
  // main state; -1 for none.
  int home_state() const {
    for (std::size_t k = 0; k < main_parties_.size() && k < 2; ++k) {
      if (main_parties_[k] == dateline_state_) return dateline_state_;
    }
    for (int p : main_parties_) {
      if (entities_[static_cast<std::size_t>(p)].country()) return p;
    }
    return -1;
  }

  // "X, which is run by Y, said", "X, a war monitor, said": the end of the speaker's own words
  // before a comma-closed relative clause or apposition that ends right before `at`.
  std::uint32_t skip_parenthetical_back(const Sentence& s, std::uint32_t at) const {
    if (at <= s.first_token + 2 || tokens_[at - 1].key != ",") return at;
    for (std::uint32_t k = at - 1; k > s.first_token + 1 && at - k < 14; --k) {
      const std::string& w = tokens_[k].key;
      if (w == ";" || w == "\"") return at;
      if (tokens_[k - 1].key != ",") continue;
      if (w == "which" || w == "who" || w == "a" || w == "an" || w == "the") return k - 1;
      return at;
    }
    return at;
  }

  // "The United Nations peacekeeping mission, MINUSCA, said", "A spokesman for the ministry, X,
  // told": a name set off by commas right before the verb `at`, after a description opening
  // the clause, is the speaker (the description's own names only qualify it). -1 otherwise;
  // not "X, a leader of the Y party, Z, said" (a comma before the description).
  // A name stage 1 did not know ("MINUSCA", "Nebiat Getachew") becomes a source of its own:
  // a person when it has several words, else an organisation.
  int appositive_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) {
    if (at <= s.first_token + 3 || tokens_[at - 1].key != ",") return -1;
    int entity = -1;
    std::uint32_t begin = at - 1;
    for (const Mention& m : ms) {
      if (m.end == at - 1 && agentive(m.entity) && !m.in_quote) {
        entity = m.entity;
        begin = m.begin;
      }
    }
    if (entity < 0) {
      // Up to four capitalised words, none of them part of another mention.
      while (begin > s.first_token && at - 1 - begin < 4 &&
             tokens_[begin - 1].kind == TokenKind::Word && tokens_[begin - 1].is(kCapitalized) &&
             !tokens_[begin - 1].is(kInQuote) && mention_at(ms, begin - 1) < 0) {
        --begin;
      }
      if (begin == at - 1) return -1;
    }
    if (begin < s.first_token + 2 || tokens_[begin - 1].key != ",") return -1;
    const Token& head = tokens_[begin - 2];
    if (head.kind != TokenKind::Word || head.is(kCapitalized) || head.is(kInQuote)) return -1;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> skipped;
    const std::uint32_t cb = clause_begin(s, begin - 1, skipped);
    const std::string& first = tokens_[cb].key;
    if (first != "the" && first != "a" && first != "an") return -1;
    for (std::uint32_t k = cb; k + 1 < begin; ++k) {
      if (tokens_[k].kind == TokenKind::Punct && tokens_[k].key != "'s") return -1;
    }
    if (entity >= 0) return entity;
    const bool person = at - 1 - begin >= 2;
    return mint_described(span_text(begin, at - 1), tokens_[at - 2].key, -1,
                          person ? "Person" : "Organization");
  }

  // "Police said", "..., police said", "an ambush that police say killed": a state body noun
  // (claim_body_nouns.tsv, kind state) with no determiner before the verb at `at` is the body
  // named earlier with that last word ("Kosovo police"), else (not after a comma) the home
  // state. -1 otherwise.
  int bare_body_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) const {
    if (at <= s.first_token) return -1;
    const std::uint32_t noun = at - 1;
    if (body_kind(noun) != "state" || tokens_[noun].is(kInQuote)) return -1;
    if (std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == at; })) {
      return -1;
    }
    const bool opens =
        noun == s.first_token || tokens_[noun - 1].key == "," || tokens_[noun - 1].key == "that";
    if (!opens) return -1;
    const std::string tail = " " + tokens_[noun].key;
    int best = -1;
    std::int64_t best_pos = -1;
    for (const auto& [e, pos] : last_seen_) {
      const std::string label = fold_key(entities_[static_cast<std::size_t>(e)].label);
      if (agentive(e) && label.size() > tail.size() &&
          label.compare(label.size() - tail.size(), tail.size(), tail) == 0 &&
          static_cast<std::int64_t>(pos) > best_pos) {
        best = e;
        best_pos = pos;
      }
    }
    if (best >= 0) return best;
    // After a comma the noun may name nobody in particular ("..., police said").
    const bool after_comma = noun > s.first_token && tokens_[noun - 1].key == ",";
    return after_comma ? -1 : home_state();
  }

  // Skips auxiliaries and adverbs right before a verb ("have also said").
  std::uint32_t skip_aux_back(const Sentence& s, std::uint32_t at) const {
    while (at > s.first_token) {
      const Token& t = tokens_[at - 1];
      if (t.kind == TokenKind::Word && !t.is(kCapitalized) && is_word(res_.aux, at - 1, at)) {
        --at;
      } else {
        break;
      }
    }
    return skip_brackets_back(s, at);
  }

  // "the Kenya Defence Forces (KDF) said": a short bracketed aside (an acronym, mostly) between
  // the speaker and the verb at `at` is skipped, as if it were not there.
  std::uint32_t skip_brackets_back(const Sentence& s, std::uint32_t at) const {
    constexpr std::uint32_t kMaxAside = 4;  // words inside the brackets
    if (at < s.first_token + 3 || tokens_[at - 1].key != ")") return at;
    for (std::uint32_t k = at - 2; k > s.first_token && at - 2 - k <= kMaxAside; --k) {
      const std::string& w = tokens_[k].key;
      if (w == "(") return k;
      if (tokens_[k].kind == TokenKind::Punct) return at;
    }
    return at;
  }

  // "X said", "X also warned": the name that ends right before the verb.
  int adjacent_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) const {
    const std::uint32_t end = skip_aux_back(s, at);
    for (const Mention& m : ms) {
      if (m.end != end || m.in_quote || !agentive(m.entity)) continue;
      // "witnesses in Kabul said": a place after a locative word is not the speaker.
      if (m.begin > s.first_token && is_word(res_.locative, m.begin - 1, m.begin)) return -1;
      return m.entity;
    }
    return -1;
  }

  // "Taliban officials said", "two senior Pakistani security officials said": a described
  // speaker becomes an actor of its own, affiliated with the state or group named in it.
  int described_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) {
    std::uint32_t end = skip_aux_back(s, at);
    // "A local official, who asked not to be named, said at least nine civilians were killed":
    // the description before the relative clause gives the toll (an apposition there is a
    // description of its own: "X, a monitoring group, said"). Only for tolls, the claims these
    // anonymous sources are quoted for.
    const std::uint32_t clause = skip_parenthetical_back(s, end);
    if (toll_sentence_ && clause < end && clause + 1 < end &&
        (tokens_[clause + 1].key == "who" || tokens_[clause + 1].key == "which")) {
      end = clause;
    }
    // "quoted an Afghan security source as saying"
    if (end > s.first_token + 1 && tokens_[end - 1].key == "as") --end;
    // "officials in Doha said", "security sources in Pakistan said": the place affiliates.
    std::uint32_t head_end = end;
    int place = -1;
    // "a local official in the Irob district said": a place that is no actor only locates.
    for (const Mention& m : ms) {
      std::uint32_t b = m.begin;
      if (b >= s.first_token + 3 && tokens_[b - 1].key == "the") --b;
      if (m.end == end && b >= s.first_token + 2 && is_word(res_.locative, b - 1, b)) {
        head_end = b - 1;
        place = as_actor(m.entity);
      }
    }
    // "a local official in Karimama said" with a place stage 1 does not know: one to three
    // capitalised words after a locative word only locate the source as well.
    if (head_end == end) {
      std::uint32_t b = end;
      while (b > s.first_token + 2 && end - b < 3 && tokens_[b - 1].is(kCapitalized) &&
             std::none_of(ms.begin(), ms.end(),
                          [&](const Mention& m) { return b - 1 >= m.begin && b - 1 < m.end; })) {
        --b;
      }
      if (b < end && is_word(res_.locative, b - 1, b)) head_end = b - 1;
    }
    // "the mayor of the town said", "a doctor at a field hospital in X said": a short phrase
    // after the source noun says where it speaks from and makes one word enough.
    bool placed = head_end < end;
    if (head_end > s.first_token && source_start(s, head_end) == head_end) {
      for (std::uint32_t p = end; p > s.first_token + 1 && end - p < 8; --p) {
        const Token& t = tokens_[p - 1];
        // ("a doctor at the town's hospital": a possessive is part of the place.)
        if ((t.kind == TokenKind::Punct && t.key != "'s") || t.is(kInQuote)) break;
        // Only a lower-case noun before a described place ("of the town", "at a hospital"),
        // not a name ("Ministry of Foreign Affairs") or "the leaders of both countries".
        const bool described_place =
            p < end && (tokens_[p].key == "the" || tokens_[p].key == "a" || tokens_[p].key == "an");
        if ((t.key == "of" || t.key == "at" || t.key == "in" || t.key == "from") &&
            described_place && !tokens_[p - 2].is(kCapitalized) && source_start(s, p - 1) < p - 1) {
          head_end = p - 1;
          placed = true;
          for (const Mention& m : ms) {
            if (m.begin >= p && m.end <= end && country_of(m.entity) >= 0) {
              place = country_of(m.entity);
            }
          }
          break;
        }
      }
    }
    const std::uint32_t head_start =
        head_end > s.first_token ? source_start(s, head_end) : head_end;
    if (head_start == head_end) return -1;
    for (const Mention& m : ms) {
      if (m.end == head_end) return -1;  // stage 1 already named it
    }
    // ("a health worker said": a source noun of two words is one head.)
    std::uint32_t begin = head_start;
    while (begin > s.first_token && head_end - begin < 6) {
      const Token& t = tokens_[begin - 1];
      if (t.kind == TokenKind::Punct || t.is(kInQuote)) break;
      if (t.key == "the" || t.key == "a" || t.key == "an" || t.key == "and" || t.key == "of" ||
          t.key == "to") {
        break;
      }
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (matches(res_.claim_cues, begin - 1, end, l, r) ||
          is_word(res_.victim_stops, begin - 1, end)) {
        break;
      }
      --begin;
    }
    // "X also welcomed the deal, its foreign ministry said": a body the possessive gives to
    // the sentence's first named actor speaks for that actor (possessive_owner).
    if (is_word(res_.possessives, begin, begin + 1)) {
      const int owner = possessive_owner(s, ms, begin);
      if (owner >= 0) return owner;
    }
    // The affiliation: a name inside the phrase, or a demonym ("Pakistani").
    int affiliation = place;
    for (const Mention& m : ms) {
      // Any actor or place named inside ("the Gaza health ministry").
      if (m.begin >= begin && m.end <= head_end) affiliation = m.entity;
    }
    for (std::uint32_t i = begin; i < end && affiliation < 0; ++i) {
      if (tokens_[i].is(kCapitalized)) affiliation = country_for_prefix(tokens_[i].key);
    }
    // No state or group named: "officials said" names nobody, but a described source ("a
    // security source", "a local official") is a speaker of its own, with no side.
    // Witnesses of a toll are the exception (claim_witness_nouns.tsv): "five people were
    // killed, residents said", "according to residents" is what the people on the spot counted,
    // a claimant of its own (what else they say stays narration).
    // ("according to residents and health workers" is unnamed_source_pair's.)
    const bool witness = toll_sentence_ && is_word(res_.witness_nouns, begin, head_end) &&
                         (head_end >= s.last_token || tokens_[head_end].key != "and");
    if (affiliation < 0 && head_end - begin < 2 && !placed && !witness) {
      return -1;
    }
    const std::string& head = tokens_[head_end - 1].key;
    // "The Afghan and Pakistani militaries said": one speaker per state.
    if (begin >= s.first_token + 2 && tokens_[begin - 1].key == "and" &&
        tokens_[begin - 2].is(kCapitalized) && tokens_[begin].is(kCapitalized)) {
      const int other = country_for_prefix(tokens_[begin - 2].key);
      if (other >= 0 && country_for_prefix(tokens_[begin].key) >= 0) {
        const std::string label = span_text(begin - 2, begin - 1) + " " + span_text(begin + 1, end);
        coordinated_.push_back(mint_described(label, head, other));
      }
    }
    // A place that is no state is not part of the name ("local official", not "... in X").
    const bool locates =
        placed && (place < 0 || !entities_[static_cast<std::size_t>(place)].country());
    return mint_described(span_text(begin, locates ? head_end : end), head, affiliation);
  }

  // Where a source noun (claim_source_nouns.tsv) ending at `end` begins: "officials" (one word)
  // or "health worker" (two); `end` when none ends there.
  std::uint32_t source_start(const Sentence& s, std::uint32_t end) const {
    for (std::uint32_t len = 2; len >= 1; --len) {
      if (end < s.first_token + len) continue;
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (matches(res_.source_nouns, end - len, end, l, r) && l == len) return end - len;
    }
    return end;
  }

  // "according to residents and health workers": one bare source noun names nobody ("according
  // to officials"), but two of them joined by "and", ending the clause, are the figure's
  // witnesses: a speaker each (the second through coordinated_), with no side.
  int unnamed_source_pair(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t from) {
    const auto source_at = [&](std::uint32_t at) -> std::uint32_t {
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      if (at >= s.last_token || mention_at(ms, at) >= 0) return 0;
      return matches(res_.source_nouns, at, s.last_token, len, row) ? len : 0;
    };
    const std::uint32_t first = source_at(from);
    if (first == 0 || from + first >= s.last_token || tokens_[from + first].key != "and") return -1;
    const std::uint32_t second_at = from + first + 1;
    const std::uint32_t second = source_at(second_at);
    if (second == 0) return -1;
    const std::uint32_t end = second_at + second;
    if (end < s.last_token && tokens_[end].kind != TokenKind::Punct) return -1;
    coordinated_.push_back(mint_described(span_text(second_at, end), tokens_[end - 1].key, -1));
    return mint_described(span_text(from, from + first), tokens_[from + first - 1].key, -1);
  }

  // The owner "its" or "their" at `at` refers to: the first actor named before it in the
  // sentence that is no person, no news outlet and not quoted; -1 when there is none.
  int possessive_owner(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) {
    for (const Mention& m : ms) {
      if (m.begin < s.first_token || m.end > at || m.in_quote || !agentive(m.entity)) continue;
      const int who = as_actor(m.entity);
      if (who < 0) continue;
      const std::string& cls = entities_[static_cast<std::size_t>(who)].cls;
      if (cls == "Person" || cls == "MediaOutlet") continue;
      return who;
    }
    return -1;
  }

  int mint_described(const std::string& label, const std::string& head, int affiliation,
                     const std::string& cls = {}) {
    // "according to Israeli tallies": a record of a state or group is that side's claim.
    if (affiliation >= 0) {
      const std::vector<Token> toks{Token{0, 0, TokenKind::Word, 0, head}};
      PhraseIndex::Match hit{0, 0};
      if (res_.record_nouns.index().longest(toks, 0, 1, hit)) return affiliation;
    }
    std::string slug;
    for (char c : fold_key(label)) {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (alnum) {
        slug += c;
      } else if (!slug.empty() && slug.back() != '-') {
        slug += '-';
      }
    }
    const std::string iri_text = std::string(vocab::kNgId) + "org/" + slug;
    int e = entity_by_iri(iri_text);
    if (e >= 0) return e;
    Entity en;
    en.iri = iri_text;
    // "officials", "sources": a group of people, so "they" later refers back to it.
    en.cls = !cls.empty()                            ? cls
             : !body_kind_of(head).empty()           ? "Organization"
             : head.size() > 1 && head.back() == 's' ? "Actor"
                                                     : "Person";
    en.label = label;
    en.actor = true;
    if (affiliation >= 0) en.affiliation = entities_[static_cast<std::size_t>(affiliation)].iri;
    entities_.push_back(en);
    e = static_cast<int>(entities_.size() - 1);
    by_iri_[iri_text] = e;
    last_seen_[e] = current_sentence_begin_;  // "the ministry" can refer back to it
    flush_new_entities();
    iri(iri_text, std::string(vocab::kRdfType), ng(en.cls));
    emit(iri_text, std::string(vocab::kRdfsLabel), rdf::Term::literal(label, {}, "en"));
    if (!en.affiliation.empty()) iri(iri_text, ng("affiliation"), en.affiliation);
    return e;
  }

  void flush_new_entities() {
    for (int e : new_entities_) {
      const Entity& en = entities_[static_cast<std::size_t>(e)];
      iri(en.iri, std::string(vocab::kRdfType), ng(en.cls));
      emit(en.iri, std::string(vocab::kRdfsLabel), rdf::Term::literal(en.label, {}, "en"));
    }
    new_entities_.clear();
  }

  // "four civilians, including a child, had been killed": the token after a comma-closed
  // aside (claim_victim_asides.tsv) that opens at `at`; `at` itself when none opens there.
  std::uint32_t skip_victim_aside(std::uint32_t at, std::uint32_t end) const {
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (at + 2 >= end || tokens_[at].key != "," ||
        !matches(res_.victim_asides, at + 1, end, l, r)) {
      return at;
    }
    for (std::uint32_t k = at + 1 + l; k < end && k < at + 14; ++k) {
      if (tokens_[k].key == ",") return k + 1;
      if (tokens_[k].kind == TokenKind::Punct) break;
    }
    return at;
  }

  // "... and another died": one more for the same slot of the figure before ("one ranger was
  // killed and another died": two killed), else that slot's first ("a sergeant was killed and
  // another officer wounded": one killed, one wounded). A vague amount stays as it is.
  static void add_another(Figure& before, const std::string& slot) {
    auto it = before.amounts.find(slot);
    if (it == before.amounts.end()) {
      before.amounts[slot] = "1";
      return;
    }
    const std::string& n = it->second;
    if (!n.empty() &&
        std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        n.size() < 9) {
      it->second = std::to_string(std::stol(n) + 1);
    }
  }

  // The end of "and a soldier" right after the victims of `f` (ending at `ve`): one or two
  // lower-case words after "and a"/"and an" that end at punctuation or the sentence; `ve` when
  // there is none. The victims before must not run on into it (victim_end stops at "and a").
  std::uint32_t coordinated_one(const Figure& f, std::uint32_t ve, std::uint32_t end) const {
    if (f.victims.empty() || ve + 2 >= end || tokens_[ve].key != "and") return ve;
    if (tokens_[ve + 1].key != "a" && tokens_[ve + 1].key != "an") return ve;
    std::uint32_t k = ve + 2;
    while (k < end && k - (ve + 2) < 3 && tokens_[k].kind == TokenKind::Word &&
           !tokens_[k].is(kCapitalized) && !is_word(res_.victim_stops, k, end)) {
      ++k;
    }
    const bool closed =
        k == end || tokens_[k].kind == TokenKind::Punct || is_word(res_.victim_stops, k, end);
    return k > ve + 2 && k - (ve + 2) <= 2 && closed ? k : ve;
  }

  std::vector<Figure> figures_in(const Sentence& s, bool& zero, std::uint32_t& first) const {
    std::vector<Figure> raw;
    zero = false;
    first = s.last_token;
    const std::uint32_t end = s.last_token;
    auto victim_end = [&](std::uint32_t j) {
      // Victims after the number run to a stop word, punctuation, a number or a casualty word.
      std::uint32_t k = j;
      while (k < end && k - j < 8) {
        const Token& t = tokens_[k];
        if (t.kind != TokenKind::Word) break;
        std::uint32_t len = 0;
        std::uint32_t row = 0;
        if (matches(res_.casualty, k, end, len, row)) break;
        if (is_word(res_.victim_stops, k, end)) break;
        if (t.key == "and" && k + 1 < end) {
          // "six gang members and a soldier": two groups (coordinated_one).
          if (tokens_[k + 1].key == "a" || tokens_[k + 1].key == "an") break;
          std::uint32_t l2 = 0;
          if (number_at(k + 1, end, l2) || matches(res_.casualty, k + 1, end, len, row) ||
              matches(res_.numbers, k + 1, end, len, row)) {
            break;
          }
        }
        ++k;
      }
      return k;
    };
    // Coordinated figures waiting for their verb, with their amounts.
    std::vector<std::pair<Figure, std::string>> pending;
    for (std::uint32_t i = s.first_token; i < end; ++i) {
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      if (matches(res_.zero, i, end, len, row)) {
        zero = true;
        first = std::min(first, i);
        i += len - 1;
        continue;
      }
      if (matches(res_.casualty, i, end, len, row)) {
        // "a conflict that has killed thousands": background in a relative clause, no figure.
        std::uint32_t rl = 0;
        std::uint32_t rr = 0;
        if (i >= s.first_token + 2 && is_word(res_.aux, i - 1, i) &&
            (tokens_[i - 2].key == "that" || (matches(res_.breaks, i - 2, i - 1, rl, rr) &&
                                              res_.breaks.get(rr, "kind") == "relative"))) {
          i += len - 1;
          continue;
        }
        // "killed at least 274 members of ...": the verb comes first.
        const std::string slot(res_.casualty.get(row, "slot"));
        std::uint32_t j = i + len;
        // A quoted verb or figure: '"neutralised" dozens', 'killed "more than 200"'.
        while (j < end && tokens_[j].key == "\"") ++j;
        // 'killing "hundreds" of fighters': quotation marks around the figure.
        auto skip_quote = [&](std::uint32_t k) {
          return k < end && tokens_[k].kind == TokenKind::Punct &&
                         (tokens_[k].key == "\"" || tokens_[k].key == "'")
                     ? k + 1
                     : k;
        };
        // "killing and wounding several soldiers": one figure for both words.
        std::string also;
        std::uint32_t l2 = 0;
        std::uint32_t r2 = 0;
        if (j + 1 < end && tokens_[j].key == "and" && matches(res_.casualty, j + 1, end, l2, r2) &&
            res_.casualty.get(r2, "slot") != slot) {
          also = std::string(res_.casualty.get(r2, "slot"));
          j += 1 + l2;
        }
        std::string qual;
        std::uint32_t ql = 0;
        std::uint32_t qr = 0;
        // "the death toll at eight", "the toll rose to 20": a link before the figure (not the
        // "at" of "killed at least 274").
        std::uint32_t nl0 = 0;
        const bool qualifier_here = j < end && matches(res_.numbers, j, end, ql, qr) &&
                                    res_.numbers.get(qr, "kind") == "qualifier";
        if (j < end && !qualifier_here && !number_at(j, end, nl0) &&
            matches(res_.figure_links, j, end, ql, qr)) {
          j += ql;
        } else if (slot == "killed" && j < end && !qualifier_here && !number_at(j, end, nl0)) {
          // "the death toll from the fighting had risen to 638": words (up to fifteen: "the
          // death toll from three days of fighting between X and Y in the town of Z has risen
          // to 31"), then a link of two or more words, then the figure.
          for (std::uint32_t g = j + 1; g < std::min(j + 16, end); ++g) {
            // Words, or a year ("the death toll since October 2023 had risen to").
            const Token& w = tokens_[g - 1];
            const bool year = w.kind == TokenKind::Number && w.key.size() == 4 && w.key >= "1900" &&
                              w.key <= "2099";
            if ((w.kind != TokenKind::Word && !year) || w.is(kInQuote)) break;
            std::uint32_t gl = 0;
            std::uint32_t gr = 0;
            if (matches(res_.casualty, g - 1, end, gl, gr)) break;
            if (matches(res_.figure_links, g, end, gl, gr) && gl >= 2 && g + gl < end &&
                (number_at(g + gl, end, nl0) || (matches(res_.numbers, g + gl, end, ql, qr) &&
                                                 res_.numbers.get(qr, "kind") == "qualifier"))) {
              j = g + gl;
              break;
            }
          }
        }
        if (j < end && matches(res_.numbers, j, end, ql, qr) &&
            res_.numbers.get(qr, "kind") == "qualifier") {
          qual = span_text(j, j + ql);
          j += ql;
        }
        std::uint32_t nl = 0;
        const std::uint32_t quoted = skip_quote(j);
        if (quoted != j && quoted < end && number_at(quoted, end, nl)) j = quoted;
        if (j < end) {
          auto v = number_at(j, end, nl);
          // "killing a police officer": one person, named in a few words; so is a relative
          // ("wounded his wife", "killed her son"; not "his guards").
          const bool one =
              !v && (tokens_[j].key == "a" || tokens_[j].key == "an" || kin_of_one(j, end));
          if (one) {
            v = "1";
            nl = 1;
          }
          if (v) {
            std::uint32_t vb = skip_quote(j + nl);
            if (vb < end && tokens_[vb].key == "of") ++vb;
            // "the bodies of 23 of them": a share of a toll given before, no figure of its own.
            if (vb > j + nl && vb < end &&
                (tokens_[vb].key == "them" || tokens_[vb].key == "those" ||
                 tokens_[vb].key == "whom")) {
              i += len - 1;
              continue;
            }
            std::uint32_t ve = victim_end(vb);
            if (one) {
              for (std::uint32_t k = vb; k < ve; ++k) {
                if (tokens_[k].key == "and") ve = k;
              }
              if (ve == vb || ve - vb > 3 || number_between(vb, std::min(ve + 1, end))) {
                i += len - 1;
                continue;
              }
            }
            if (ve > vb || tokens_[j].kind == TokenKind::Number || nl > 0) {
              Figure f;
              f.amounts[slot] = *v;
              if (!also.empty()) f.amounts[also] = *v;
              f.qualifier = qual;
              f.victims = span_text(vb, ve);
              // "put the number of Serbs killed at three": the victims come before the verb.
              for (std::uint32_t k = i; ve == vb && k > s.first_token + 1 && i - k < 4; --k) {
                if (tokens_[k - 1].kind != TokenKind::Word) break;
                if (tokens_[k - 1].key == "of" && k < i) f.victims = span_text(k, i);
              }
              f.pos = i;
              f.by_claimant = i > s.first_token && is_word(res_.killers, i - 1, i);
              raw.push_back(f);
              // "killed six gang members and a soldier": one more person, a group of its own.
              const std::uint32_t and_at = coordinated_one(f, ve, end);
              if (and_at > ve) {
                Figure g;
                g.amounts[slot] = "1";
                if (!also.empty()) g.amounts[also] = "1";
                g.victims = span_text(ve + 2, and_at);
                g.pos = i;
                g.by_claimant = f.by_claimant;
                raw.back().victims = span_text(vb, ve);
                raw.push_back(g);
                ve = and_at;
              }
              i = std::max(i, ve > 0 ? ve - 1 : i);
              continue;
            }
          }
        }
        i += len - 1;
        continue;
      }
      std::uint32_t nl = 0;
      auto v = number_at(i, end, nl);
      // "none of its officers had been wounded": zero for that word.
      std::uint32_t zl = 0;
      std::uint32_t zr = 0;
      if (!v && matches(res_.none_words, i, end, zl, zr) && i + zl < end &&
          tokens_[i + zl].key == "of") {
        v = "0";
        nl = zl;
      }
      // "a civilian was killed", "three soldiers and a civilian were killed": one person.
      const bool single = !v && (tokens_[i].key == "a" || tokens_[i].key == "an");
      if (single) {
        v = "1";
        nl = 1;
      }
      // "one ranger was killed and another died", "a sergeant was killed and another officer
      // wounded": one more person of the figure just before (add_another).
      const bool another = !v && !raw.empty() && tokens_[i].key == "another" && i > s.first_token &&
                           tokens_[i - 1].key == "and";
      if (another) {
        v = "1";
        nl = 1;
      }
      if (!v) {
        pending.clear();
        continue;
      }
      // "133 Afghan Taliban fighters were killed", "more than 200 wounded".
      std::string qual;
      for (std::uint32_t back = 1; back <= 3 && back <= i - s.first_token; ++back) {
        std::uint32_t ql = 0;
        std::uint32_t qr = 0;
        if (matches(res_.numbers, i - back, i, ql, qr) && ql == back &&
            res_.numbers.get(qr, "kind") == "qualifier") {
          qual = span_text(i - back, i);
        }
      }
      std::uint32_t vb = i + nl;
      if (vb < end && tokens_[vb].key == "\"") ++vb;  // a quoted figure: "\"many\" soldiers"
      if (vb < end && tokens_[vb].key == "of") ++vb;
      std::uint32_t ve = vb;
      while (ve < end && ve - vb < 7 && tokens_[ve].kind == TokenKind::Word) {
        std::uint32_t l2 = 0;
        std::uint32_t r2 = 0;
        if (matches(res_.casualty, ve, end, l2, r2) || matches(res_.aux, ve, end, l2, r2)) break;
        if (is_word(res_.victim_stops, ve, end) || tokens_[ve].key == "and") break;
        ++ve;
      }
      std::uint32_t j = skip_victim_aside(ve, end);
      bool passive = false;
      while (j < end && (tokens_[j].key == "\"" || matches(res_.aux, j, end, len, row))) {
        passive = passive || tokens_[j].key != "\"";
        j += tokens_[j].key == "\"" ? 1 : len;
      }
      // "Many of the dead were ...": a share of a toll, no figure of its own.
      if (ve == vb + 1 && (tokens_[vb].key == "the" || tokens_[vb].key == "those")) {
        pending.clear();
        continue;
      }
      // "a" counts only before a short named victim and a passive verb ("a woman was killed",
      // not "a bomb killed").
      if (single &&
          (ve == vb || ve - vb > 3 || !(passive || (ve < end && tokens_[ve].key == "and")))) {
        pending.clear();
        continue;
      }
      Figure f;
      f.qualifier = qual;
      f.victims = span_text(vb, ve);
      f.pos = i;
      // "counted 22 bodies": the casualty word names the victims; "many bodies" counts none.
      if (j == vb && j < end && is_word(res_.casualty_nouns, j, end)) {
        const bool count =
            std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!count) {
          pending.clear();
          continue;
        }
        f.victims = tokens_[j].key;
      }
      if (another) {
        if (ve - vb <= 3 && j < end && matches(res_.casualty, j, end, len, row)) {
          add_another(raw.back(), std::string(res_.casualty.get(row, "slot")));
          i = j + len - 1;
        }
        pending.clear();
        continue;
      }
      std::uint32_t listed_len = 0;
      const bool listed =
          ve + 1 < end && tokens_[ve].key == "," && number_at(ve + 1, end, listed_len).has_value();
      if (j < end && matches(res_.casualty, j, end, len, row)) {
        const std::string slot(res_.casualty.get(row, "slot"));
        f.amounts[slot] = *v;
        for (auto& [p, amount] : pending) {
          p.amounts[slot] = amount;
          raw.push_back(p);
        }
        pending.clear();
        raw.push_back(f);
        i = j + len - 1;
      } else if (ve > vb && ve + 1 < end && (tokens_[ve].key == "and" || listed)) {
        // "three soldiers and a civilian were killed", "745 civilians, 125 members of the
        // security forces and 148 gunmen had been killed": the verb comes after the last one.
        pending.emplace_back(f, *v);
        i = ve;
      } else {
        pending.clear();
      }
    }
    for (const Figure& f : raw) first = std::min(first, f.pos);
    // Group: a figure without victims joins the group before it ("..., 11 wounded").
    std::vector<Figure> groups;
    for (Figure& f : raw) {
      std::string object;
      bool no_victims = f.victims.empty();
      if (!no_victims) {
        const std::vector<std::string> keys = phrase_keys(f.victims, res_.abbreviations);
        std::vector<Token> toks;
        for (const std::string& k : keys) toks.push_back(Token{0, 0, TokenKind::Word, 0, k});
        for (std::uint32_t k = 0; k < toks.size(); ++k) {
          std::vector<PhraseIndex::Match> m;
          res_.counted.index().match(toks, k, toks.size(), m);
          if (!m.empty()) object = std::string(res_.counted.get(m.front().value, "kind"));
        }
        if (object == "none") {
          no_victims = true;
          object.clear();
        }
      }
      const std::string slot = f.amounts.begin()->first;
      if (no_victims && !groups.empty() && !groups.back().amounts.count(slot)) {
        groups.back().amounts[slot] = f.amounts.begin()->second;
        if (groups.back().qualifier.empty()) groups.back().qualifier = f.qualifier;
        continue;
      }
      if (no_victims) f.victims.clear();
      f.object = object;
      groups.push_back(f);
    }
    return groups;
  }

  // A side in words: its demonym ("Afghan"), else its label; "" for none.
  std::string side_word(int side) const {
    if (side < 0) return "";
    const Entity& en = entities_[static_cast<std::size_t>(side)];
    const std::string gn = local_name(en.iri);
    if (en.country() && gn.rfind("gn-", 0) == 0) {
      auto it = res_.demonym.find(gn.substr(3));
      if (it != res_.demonym.end()) return it->second;
    }
    return en.label;
  }

  // The victims as written, with the side they are on when the words leave it to the claimant:
  // "its soldiers" said by an Afghan ministry -> "Afghan soldiers"; "soldiers" after "they
  // killed" -> the other side's soldiers. A phrase that names anyone (a capitalised word) stays.
  std::string sided_victims(const Figure& f, int claimant) const {
    if (f.victims.empty()) return f.victims;
    const std::vector<Token> toks = tokenize(f.victims, res_.abbreviations);
    for (const Token& t : toks) {
      if (t.is(kCapitalized)) return f.victims;
    }
    const bool possessive = !toks.empty() && is_word_in(res_.possessives, toks, 0);
    if (possessive) {
      const std::string own = side_word(side_of(claimant));
      if (!own.empty()) return own + f.victims.substr(toks.front().end);
    }
    if (f.by_claimant) {
      const std::string other = side_word(other_side(claimant));
      if (!other.empty()) return other + " " + f.victims;
    }
    return f.victims;
  }
  // A figure node already emitted, for figures that continue it in the next sentence.
  struct FigureOut {
    std::string iri;
    std::string key;  // victim_key of its victims
    std::set<std::string> slots;
  };

  // Victims compared across sentences: keys without a plural "s" ("Pakistani soldier" is
  // "Pakistani soldiers").
  std::string victim_key(const std::string& victims) const {
    std::string out;
    for (std::string k : phrase_keys(victims, res_.abbreviations)) {
      if (k.size() > 3 && k.back() == 's') k.pop_back();
      out += (out.empty() ? "" : " ") + k;
    }
    return out;
  }

  // The earlier figure node that a figure in sentence `si` continues: the last casualty claim
  // is by the same claimant, in this or the previous sentence, has a group with the same
  // victims, and that group does not state the figure's amounts yet ("55 soldiers were killed."
  // + "He also said many soldiers were captured."). Null when there is none.
  const FigureOut* continued(std::uint32_t si, int claimant, const Figure& f) const {
    if (claimant < 0 || claimant != last_casualty_claimant_ || !f.object.empty()) return nullptr;
    if (si != last_casualty_sentence_ && si != last_casualty_sentence_ + 1) return nullptr;
    const std::string key = victim_key(sided_victims(f, claimant));
    const bool back = si != last_casualty_sentence_ && refers_back(f.victims);
    if (key.empty() && !back) return nullptr;
    for (const FigureOut& g : last_figures_) {
      if (g.key != key && !back) continue;
      const bool overlap = std::any_of(f.amounts.begin(), f.amounts.end(),
                                       [&](const auto& a) { return g.slots.count(a.first) > 0; });
      if (!overlap) return &g;
    }
    return nullptr;
  }
  // Victims that stand for those of the group before: none, or only "others" / "more".
  bool refers_back(const std::string& victims) const {
    const std::vector<Token> toks = tokenize(victims, res_.abbreviations);
    if (toks.empty()) return true;
    PhraseIndex::Match m{0, 0};
    return res_.back_victims.index().longest(toks, 0, toks.size(), m) && m.length == toks.size();
  }
  bool continues(std::uint32_t si, int claimant, const Figure& f) const {
    return continued(si, claimant, f) != nullptr;
  }
  // Adds the figure's amounts to the node it continues; false when it continues none.
  bool continue_figure(std::uint32_t si, int claimant, const Figure& f) {
    const FigureOut* g = continued(si, claimant, f);
    if (g == nullptr) return false;
    FigureOut& target = last_figures_[static_cast<std::size_t>(g - last_figures_.data())];
    for (const auto& [slot, v] : f.amounts) {
      amount(target.iri, ng(slot), v);
      target.slots.insert(slot);
    }
    last_casualty_sentence_ = si;
    return true;
  }

  // A new figure node `f` of claim `claim` (the k-th), remembered in `outs` for figures that
  // continue it in the next sentence.
  void add_figure(const std::string& claim, int claimant, const Figure& f, int& k,
                  std::vector<FigureOut>& outs) {
    const std::string fig = claim + "-f" + std::to_string(++k);
    const std::string victims = sided_victims(f, claimant);
    FigureOut out{fig, victim_key(victims), {}};
    for (const auto& [slot, v] : f.amounts) out.slots.insert(slot);
    outs.push_back(std::move(out));
    iri(claim, ng("figures"), fig);
    iri(fig, std::string(vocab::kRdfType), ng("CasualtyFigure"));
    for (const auto& [slot, v] : f.amounts) {
      if (slot != "destroyed") amount(fig, ng(slot), v);
    }
    if (!f.qualifier.empty()) lit(fig, ng("qualifier"), f.qualifier);
    if (!victims.empty()) lit(fig, ng("victims"), victims);
    ++stats_.casualty_figures;
  }

  // Victims whose last word names security forces ("three soldiers", "two police officers").
  bool names_forces(const std::string& victims) const {
    const std::vector<Token> toks = tokenize(victims, res_.abbreviations);
    for (std::size_t i = 0; i < toks.size(); ++i) {
      PhraseIndex::Match m{0, 0};
      if (res_.force_victims.index().longest(toks, i, toks.size(), m) &&
          i + m.length == toks.size()) {
        return true;
      }
    }
    return false;
  }

  // "General X said troops killed 12 rebels. Two soldiers were wounded in the gunfight.": a
  // sentence without a speaker that opens with its figures (a qualifier may come first), about
  // security forces only (claim_force_victims.tsv: the speaker's own losses, as wire copy gives
  // them after the toll), in the same paragraph right after a casualty claim and naming no
  // actor, goes on with that claim; victims the claim has not named yet are a group of their
  // own. "Three civilians were missing." stays narration.
  bool extends_last_claim(std::uint32_t si, const Sentence& s, const std::vector<Mention>& ms,
                          const std::vector<Figure>& figures, std::uint32_t first) const {
    if (last_casualty_iri_.empty() || si != last_casualty_sentence_ + 1) return false;
    return own_losses(s, ms, figures, first);
  }
  // The speaker of the sentence before, when it made a claim without figures ("..., division
  // commander X told reporters. Two soldiers were wounded in the gunfight."): the figures of an
  // own-losses sentence (own_losses) are his casualty claim. -1 when there is none, and when
  // he gave the last toll himself.
  int speaker_before(std::uint32_t si, const Sentence& s, const std::vector<Mention>& ms,
                     const std::vector<Figure>& figures, std::uint32_t first) const {
    if (si == 0 || !own_losses(s, ms, figures, first)) return -1;
    int speaker = -1;
    for (const ClaimOut& c : history_) {
      if (c.sentence + 1 == si && c.type != "Denial") speaker = c.claimant;
    }
    // A speaker whose own toll came earlier: which of its groups goes on is unknown.
    return speaker == last_casualty_claimant_ ? -1 : speaker;
  }
  // A sentence with no speaker, in the same paragraph as the one before, that opens with its
  // figures (a qualifier may come first), counts only security forces and names no actor.
  bool own_losses(const Sentence& s, const std::vector<Mention>& ms,
                  const std::vector<Figure>& figures, std::uint32_t first) const {
    if (figures.empty() || tokens_[s.first_token].is(kAfterNewline)) return false;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    const bool opens =
        first == s.first_token ||
        (matches(res_.numbers, s.first_token, first, len, row) &&
         res_.numbers.get(row, "kind") == "qualifier" && s.first_token + len == first);
    if (!opens) return false;
    const bool forces_only = std::all_of(figures.begin(), figures.end(), [&](const Figure& f) {
      return f.object.empty() && !f.amounts.empty() && names_forces(f.victims);
    });
    // A city is where the wounded were taken ("evacuated to the capital"), not an actor here.
    return forces_only && std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
             const Entity& en = entities_[static_cast<std::size_t>(m.entity)];
             return en.actor && en.cls != "City" && en.cls != "Province";
           });
  }

  static bool is_word_in(const Lexicon& lex, const std::vector<Token>& toks, std::size_t i) {
    PhraseIndex::Match m{0, 0};
    return lex.index().longest(toks, i, toks.size(), m) && m.length == 1;
  }

  std::string add_claim(std::uint32_t si, const std::string& type, int claimant, int target,
                        const Sentence& s, std::uint32_t cue_end) {
    const std::string c = node("claim");
    iri(c, std::string(vocab::kRdfType), ng(type));
    iri(c, ng("inArticle"), doc_);
    iri(doc_, ng("mentions"), c);
    iri(c, ng("claimant"), entities_[static_cast<std::size_t>(claimant)].iri);
    if (target >= 0) iri(c, ng("target"), entities_[static_cast<std::size_t>(target)].iri);
    iri(c, ng("evidence"), sentence_iri(si));
    const std::string content = span_text(std::min(cue_end, s.last_token), s.last_token);
    if (!content.empty()) emit(c, ng("content"), rdf::Term::literal(content, {}, "en"));
    ++stats_.claims;
    return c;
  }

  // The side a reported statement charges without a verb of accusing, in [from, to): a
  // charge (claim_charge_words.tsv) pinned on another side's doing, "Y's strikes were "a
  // danger"", "Tarvian actions are a threat", "Y's terror" (a possessive or a demonym before
  // it, a copula between unless the possessive is right before the charge), or "terrorist acts
  // carried out by groups within Y". -1 when there is none.
  int charged_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                 int claimant) {
    const int own = side_of(claimant);
    auto opponent = [&](int e) {
      if (e < 0 || !agentive(e)) return -1;
      const int who = as_actor(e);
      if (who < 0 || who == claimant) return -1;
      if (entities_[static_cast<std::size_t>(who)].cls == "MediaOutlet") return -1;
      if (own >= 0 && side_of(who) == own) return -1;
      return who;
    };
    auto copula = [&](std::uint32_t b, std::uint32_t e) {
      for (std::uint32_t k = b; k < e; ++k) {
        const std::string& w = tokens_[k].key;
        if (w == "is" || w == "was" || w == "were" || w == "are" || w == "been") return true;
      }
      return false;
    };
    for (std::uint32_t c = from; c < to; ++c) {
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (!matches(res_.charges, c, to, l, r)) continue;
      // Backwards: the side whose doing the charge is about.
      for (std::uint32_t k = c; k > from && c - k < 16; --k) {
        const Token& t = tokens_[k - 1];
        if (t.kind == TokenKind::Punct && t.key != "\"" && t.key != "'s" && t.key != "'") break;
        for (const Mention& m : ms) {
          if (m.end + 1 != k || tokens_[m.end].key != "'s") continue;
          const int who = opponent(m.entity);
          if (who >= 0 && (k == c || copula(k, c))) return who;
        }
        if (t.is(kCapitalized) && k < c && tokens_[k].kind == TokenKind::Word &&
            !tokens_[k].is(kCapitalized)) {
          const int who = opponent(country_for_prefix(t.key));
          if (who >= 0 && copula(k, c)) return who;
        }
      }
      // Forwards: "... carried out by (a few words) Y".
      for (std::uint32_t k = c + l; k < to && k < c + l + 6; ++k) {
        if (tokens_[k].kind == TokenKind::Punct && tokens_[k].key != "\"") break;
        if (tokens_[k].key != "by") continue;
        for (const Mention& m : ms) {
          if (m.begin > k && m.begin < std::min(to, k + 6)) {
            const int who = opponent(m.entity);
            if (who >= 0) return who;
          }
        }
        break;
      }
    }
    return -1;
  }

  // The side a reported statement accuses: in [from, to), the subject of a verb of violence
  // (claim_attack_verbs.tsv) that is another side than the speaker's ("Cambodian forces fired",
  // "RSF fighters stormed"); the subject is a name ending at most a few words before the verb
  // or a demonym opening its noun phrase. -1 when there is none.
  int accused_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                 int claimant) {
    const int own = side_of(claimant);
    for (std::uint32_t v = from; v < to; ++v) {
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (!matches(res_.attack_verbs, v, to, l, r)) continue;
      int agent = -1;
      std::uint32_t agent_begin = v;
      for (std::uint32_t k = v; k > from && v - k < 5 && agent < 0; --k) {
        const Token& t = tokens_[k - 1];
        if (t.kind == TokenKind::Punct && t.key != "\"") break;
        // "soldiers were killed", "have been attacked": the subject suffered it.
        if (t.key == "was" || t.key == "were" || t.key == "been" || t.key == "being" ||
            t.key == "be" || t.key == "is" || t.key == "are") {
          break;
        }
        for (const Mention& m : ms) {
          if (m.end == k && agentive(m.entity)) {
            agent = as_actor(m.entity);
            agent_begin = m.begin;
          }
        }
        if (agent < 0 && t.is(kCapitalized)) {
          // "Cambodian forces fired": a demonym opening the subject.
          const int c = country_for_prefix(t.key);
          if (c >= 0 && std::all_of(tokens_.begin() + k, tokens_.begin() + v, [](const Token& w) {
                return w.kind == TokenKind::Word && !w.is(kCapitalized);
              })) {
            agent = c;
            agent_begin = k - 1;
          }
        }
      }
      if (agent < 0 || agent == claimant) continue;
      // "... when the White Army overran a base": a circumstance, not what the speaker says.
      std::uint32_t lead = agent_begin;
      if (lead > from && tokens_[lead - 1].key == "the") --lead;
      if (lead > from && is_word(res_.victim_stops, lead - 1, lead)) continue;
      const Entity& en = entities_[static_cast<std::size_t>(agent)];
      if (en.cls == "MediaOutlet" || en.cls == "Person") continue;
      const int side = side_of(agent);
      if (side < 0 || side == own) continue;
      return agent;
    }
    return -1;
  }

  // In [from, to): the speaker's own pronoun ("it", "we", "they", or "its" / "our" / "their"
  // and one or two words: "its fighters") right before a verb of attack
  // (claim_own_attack_verbs.tsv), "had" / "have" / "has" between allowed.
  bool own_attack_in(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t v = from; v < to; ++v) {
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (!matches(res_.own_attack_verbs, v, to, l, r)) continue;
      std::uint32_t k = v;
      if (k > from && (tokens_[k - 1].key == "had" || tokens_[k - 1].key == "have" ||
                       tokens_[k - 1].key == "has")) {
        --k;
      }
      if (k == from) continue;
      const std::string& w = tokens_[k - 1].key;
      if (w == "it" || w == "we" || w == "they") return true;
      for (std::uint32_t p = k - 1; p > from && k - p <= 2; --p) {
        const Token& t = tokens_[p - 1];
        if (t.kind != TokenKind::Word || t.is(kCapitalized)) break;
        if (t.key == "its" || t.key == "our" || t.key == "their") return true;
      }
    }
    return false;
  }

  void claims_in(std::uint32_t si, const std::vector<Mention>& ms) {
    const Sentence& s = sentences_[si];
    std::vector<Cue> cues;
    for (std::uint32_t i = s.first_token; i < s.last_token;) {
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      const bool in_name = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return i >= m.begin && i < m.end;  // "United States" holds no "states"
      });
      // "strikes on what it said was a training camp": a hedge inside a noun phrase, not a
      // claim about the sentence's figures.
      const bool hedge = (i > s.first_token && tokens_[i - 1].key == "what") ||
                         (i > s.first_token + 1 && tokens_[i - 2].key == "what") ||
                         adjectival(s, i);
      // "called the strikes a flagrant violation": an accusation when a charge follows.
      std::uint32_t nl = 0;
      std::uint32_t nr = 0;
      if (!in_name && matches(res_.naming, i, s.last_token, nl, nr) &&
          res_.naming.get(nr, "kind") == "verb" &&
          !(i + nl < s.last_token && matches(res_.claim_cues, i, s.last_token, len, row) &&
            len > nl)) {
        const std::uint32_t stop = clause_end(s, i + nl);
        bool charge = false;
        for (std::uint32_t k = i + nl; k < std::min(stop, i + nl + 10) && !charge; ++k) {
          std::uint32_t cl = 0;
          std::uint32_t cr = 0;
          charge = matches(res_.naming, k, stop, cl, cr) && res_.naming.get(cr, "kind") == "charge";
        }
        if (charge) {
          cues.push_back(Cue{i, i + nl, "Accusation", Voice::Active});
          i += nl;
          continue;
        }
        // "called the charge \"a fabrication\"", "described the report as baseless": naming a
        // claim with a denial phrase (claim_denial_phrases.tsv) denies it.
        bool denial = false;
        for (std::uint32_t k = i + nl; k < std::min(stop, i + nl + 10) && !denial; ++k) {
          std::uint32_t dl = 0;
          std::uint32_t dr = 0;
          denial = matches(res_.denial_phrases, k, stop, dl, dr);
        }
        if (denial) {
          cues.push_back(Cue{i, i + nl, "Denial", Voice::Active});
          i += nl;
          continue;
        }
      }
      if (!in_name && !hedge && matches(res_.claim_cues, i, s.last_token, len, row)) {
        const std::string_view voice = res_.claim_cues.get(row, "voice");
        cues.push_back(Cue{i, i + len, std::string(res_.claim_cues.get(row, "type")),
                           voice == "passive"      ? Voice::Passive
                           : voice == "possessive" ? Voice::Possessive
                           : voice == "near"       ? Voice::Near
                                                   : Voice::Active});
        i += len;
      } else {
        ++i;
      }
    }
    if (cues.empty()) {
      // "Neither claim could be independently verified.": about the claims just before.
      for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
        std::uint32_t len = 0;
        std::uint32_t row = 0;
        if (!matches(res_.status, i, s.last_token, len, row)) continue;
        for (const ClaimOut& c : history_) {
          if (c.sentence + 1 == si && c.type != "Denial") {
            iri(c.iri, ng("verificationStatus"), ng(std::string(res_.status.get(row, "status"))));
          }
        }
        break;
      }
      // "... killing a soldier, the department said. The gunmen fled, the department said. Two
      // soldiers were wounded.": a speaker who went on talking keeps his toll open.
      const bool went_on = std::any_of(history_.begin(), history_.end(), [&](const ClaimOut& c) {
        return c.sentence + 1 == si && c.claimant == last_casualty_claimant_;
      });
      if (went_on && last_casualty_claimant_ >= 0) last_casualty_sentence_ = si - 1;
      // "One soldier was missing in action." right after a claim about soldiers continues it.
      bool no_zero = false;
      std::uint32_t no_first = 0;
      std::vector<Figure> narrated = figures_in(s, no_zero, no_first);
      const bool all_continue = !narrated.empty() && last_casualty_claimant_ >= 0 &&
                                std::all_of(narrated.begin(), narrated.end(), [&](const Figure& f) {
                                  return continues(si, last_casualty_claimant_, f);
                                });
      if (all_continue) {
        for (const Figure& f : narrated) continue_figure(si, last_casualty_claimant_, f);
      } else if (extends_last_claim(si, s, ms, narrated, no_first)) {
        for (const Figure& f : narrated) {
          if (!continue_figure(si, last_casualty_claimant_, f)) {
            add_figure(last_casualty_iri_, last_casualty_claimant_, f, last_figure_count_,
                       last_figures_);
          }
        }
        last_casualty_sentence_ = si;
      } else if (const int speaker = speaker_before(si, s, ms, narrated, no_first); speaker >= 0) {
        const std::string c = add_claim(si, "CasualtyClaim", speaker, -1, s, s.first_token);
        int k = 0;
        std::vector<FigureOut> outs;
        for (const Figure& f : narrated) add_figure(c, speaker, f, k, outs);
        history_.push_back(ClaimOut{c, "CasualtyClaim", speaker, -1, s.first_token, si});
        last_casualty_sentence_ = si;
        last_casualty_claimant_ = speaker;
        last_casualty_iri_ = c;
        last_figure_count_ = k;
        last_figures_ = std::move(outs);
      }
      return;
    }
    bool zero = false;
    std::uint32_t first_figure = 0;
    std::vector<Figure> figures = figures_in(s, zero, first_figure);
    toll_sentence_ = !figures.empty();
    std::vector<ClaimOut> made;
    // One claim per claimant and type; a Statement gives way to a more specific claim.
    std::map<std::pair<int, std::string>, std::size_t> seen;
    std::vector<std::pair<Cue, int>> resolved;
    for (const Cue& cue : cues) {
      coordinated_.clear();
      int who = own_government(as_actor(claimant_for(s, ms, cue)));
      // "X rejected the accusation and said ...": a verb coordinated with the previous cue's
      // has its speaker.
      const std::uint32_t before = skip_aux_back(s, cue.begin);
      if (who < 0 && before > s.first_token && tokens_[before - 1].key == "and" &&
          !resolved.empty() && cue.voice == Voice::Active) {
        who = resolved.back().second;
      }
      if (who < 0) continue;
      for (int co : coordinated_) resolved.emplace_back(cue, co);
      const std::string& cls = entities_[static_cast<std::size_t>(who)].cls;
      // Outlets report; they are provenance, not parties making claims.
      if (cls == "MediaOutlet") continue;
      // "claimed by X" is a responsibility claim only for a group ("a region claimed by").
      if (cue.type == "ResponsibilityClaim" && cue.voice == Voice::Passive && cls != "ArmedGroup") {
        continue;
      }
      resolved.emplace_back(cue, who);
      // "Kabul and the United Nations said": every coordinated speaker claims.
      for (const Mention& m : ms) {
        if (cue.voice != Voice::Active || m.end != skip_aux_back(s, cue.begin) ||
            as_actor(m.entity) != who || m.begin < s.first_token + 2) {
          continue;
        }
        std::uint32_t k = m.begin;
        if (tokens_[k - 1].key == "the") --k;
        if (k <= s.first_token || tokens_[k - 1].key != "and") continue;
        for (const Mention& other : ms) {
          if (other.end != k - 1 || !agentive(other.entity)) continue;
          const int co = as_actor(other.entity);
          if (co >= 0 && co != who &&
              entities_[static_cast<std::size_t>(co)].cls != "MediaOutlet") {
            resolved.emplace_back(cue, co);
          }
        }
      }
      // "Congo, the United Nations and Western powers accuse X": a list of names opening the
      // clause, followed only by a few words before the cue, speaks together.
      if (cue.voice == Voice::Active) {
        for (const Mention& m : ms) {
          if (as_actor(m.entity) != who || m.end > cue.begin) continue;
          std::uint32_t list_end = m.begin;
          const std::vector<int> list = name_list(ms, m.begin, cue.begin, &list_end);
          const bool near = list.size() >= 2 && cue.begin - list_end <= 4 &&
                            std::all_of(tokens_.begin() + list_end, tokens_.begin() + cue.begin,
                                        [](const Token& t) { return t.kind == TokenKind::Word; });
          if (near) {
            for (int co : list) {
              const bool known = std::any_of(resolved.begin(), resolved.end(), [&](const auto& r) {
                return r.first.begin == cue.begin && r.second == co;
              });
              if (co >= 0 && !known &&
                  entities_[static_cast<std::size_t>(co)].cls != "MediaOutlet") {
                resolved.emplace_back(cue, co);
              }
            }
          }
          break;
        }
      }
    }
    // Each figure belongs to the last reporting speaker before it, else to the first one after
    // it: "A put the toll at 260, while B said 169 soldiers were killed" gives A 260, B 169.
    std::vector<std::uint32_t> reporting;  // cue starts with a resolved speaker, in order
    for (const auto& [cue, who] : resolved) {
      if ((cue.type == "StatementClaim" || cue.type == "Accusation") &&
          std::find(reporting.begin(), reporting.end(), cue.begin) == reporting.end()) {
        reporting.push_back(cue.begin);
      }
    }
    std::sort(reporting.begin(), reporting.end());
    auto owner_of = [&](std::uint32_t pos) -> std::int64_t {
      if (reporting.empty()) return -1;
      std::uint32_t owner = reporting.front();
      for (std::uint32_t c : reporting) {
        if (c < pos) owner = c;
      }
      return owner;
    };
    std::map<std::uint32_t, std::vector<std::size_t>> figures_of;  // cue start -> figures
    for (std::size_t k = 0; k < figures.size(); ++k) {
      const std::int64_t o = owner_of(figures[k].pos);
      if (o >= 0) figures_of[static_cast<std::uint32_t>(o)].push_back(k);
    }
    // "X said at least 20 people were killed, according to residents": the sources named after
    // the figures with "according to" report the same figures (not a statement of their own).
    for (const auto& [cue, who] : resolved) {
      if (cue.voice != Voice::Passive || cue.type != "StatementClaim" ||
          figures_of.count(cue.begin)) {
        continue;
      }
      const std::int64_t before = owner_of(cue.begin);
      if (before < 0 || static_cast<std::uint32_t>(before) >= cue.begin) continue;
      const auto owned = figures_of.find(static_cast<std::uint32_t>(before));
      if (owned != figures_of.end() && !owned->second.empty() &&
          figures[owned->second.back()].pos < cue.begin) {
        figures_of[cue.begin] = owned->second;
      }
    }
    // "no casualties" goes with the speaker of the sentence's first figure.
    const std::int64_t zero_owner = zero ? owner_of(first_figure) : -1;
    if (zero_owner >= 0) figures_of[static_cast<std::uint32_t>(zero_owner)];
    for (const auto& [cue, who] : resolved) {
      std::string type = cue.type;
      if (figures_of.count(cue.begin) && type == "StatementClaim") type = "CasualtyClaim";
      if (seen.count({who, type})) {
        // A second report by the same speaker: its figures join the first one's claim.
        const std::uint32_t first = made[seen[{who, type}]].cue_begin;
        auto more = figures_of.find(cue.begin);
        if (type == "CasualtyClaim" && more != figures_of.end() && first != cue.begin) {
          auto& into = figures_of[first];
          into.insert(into.end(), more->second.begin(), more->second.end());
          more->second.clear();
        }
        continue;
      }
      int target = -1;
      if (type == "Accusation" || type == "Threat" || type == "Offer" || type == "Denial") {
        target = as_actor(first_mention_after(ms, cue.end, clause_end(s, cue.end), who));
        // "accused the army of ...": a definite description right after the cue.
        for (std::uint32_t k = cue.end; target < 0 && k < std::min(cue.end + 5, s.last_token);
             ++k) {
          if (tokens_[k].kind != TokenKind::Word) break;
          if (body_kind(k).empty()) continue;
          const int d = definite_speaker(s, ms, k + 1);
          if (d >= 0 && d != who) target = as_actor(d);
          break;
        }
      }
      if (type == "Denial") {
        // Whom a denial answers: an accusation earlier in the sentence, else the latest one
        // in the article against the denier's side ("Islamabad accuses X of ..., which X
        // denies"; "Y denies supporting the rebels" after "Z accuses Y").
        // (A person's side is the state or group of the office: "Eritrea's information
        // minister" answers a charge against Eritrea.)
        const auto side = [&](int e) { return side_of(e) >= 0 ? side_of(e) : e; };
        int accuser = -1;
        for (const ClaimOut& d : made) {
          if (d.type == "Accusation" && d.claimant != who && d.cue_begin < cue.begin) {
            accuser = d.claimant;
          }
        }
        for (auto it = history_.rbegin(); accuser < 0 && it != history_.rend(); ++it) {
          if (it->type != "Accusation" || it->claimant == who || it->target < 0) continue;
          if (side(it->claimant) == side(who)) continue;  // not a charge of one's own side
          if (it->target == who || side(it->target) == side(who)) accuser = it->claimant;
        }
        // (A denier's own side named in what it says is no target: "said Asmara would not".)
        if (target >= 0 && side(target) == side(who)) target = -1;
        if (accuser >= 0) target = accuser;
      }
      if (type == "Offer" && target < 0) {
        // "offered to mediate between the neighbours": the sides the article is about.
        for (int p : context_parties({who})) {
          if (country_of(who) != p) {
            target = p;
            break;
          }
        }
      }
      // Otherwise the side the words leave implicit (docs/claims.md).
      target = fallback_target(type, who, target, ms, s, cue);
      seen[{who, type}] = made.size();
      made.push_back(ClaimOut{{}, type, who, target, cue.begin});
    }
    // 'X said Y would "pay a heavy price"', '"... will not go unpunished," he said': a
    // statement holding a threat phrase (claim_threat_phrases.tsv) is a threat, aimed at the
    // first other side it names, else at the other main side.
    // An offer "to respond if needed" is a threat too (offers first: the statement that
    // reports it then stays a statement).
    for (const std::string kind : {"Offer", "StatementClaim"})
      for (ClaimOut& c : made) {
        if (c.type != kind || seen.count({c.claimant, "Threat"})) continue;
        const Cue* cue = nullptr;
        for (const auto& rc : resolved) {
          if (rc.second == c.claimant && rc.first.begin == c.cue_begin) cue = &rc.first;
        }
        if (cue == nullptr || cue->voice != Voice::Active) continue;
        auto holds_threat = [&](std::uint32_t b, std::uint32_t e) {
          for (std::uint32_t k = b; k < e; ++k) {
            std::uint32_t l = 0;
            std::uint32_t r = 0;
            if (matches(res_.threat_phrases, k, e, l, r)) return true;
            if (promises_harm(k, e)) return true;
          }
          return false;
        };
        std::uint32_t from = cue->end;
        std::uint32_t to = clause_end(s, cue->end);
        bool threat = holds_threat(from, to);
        // '"...," he said': the words before the comma or quotation mark the speaker follows.
        for (std::uint32_t b = cue->begin; !threat && b > s.first_token && cue->begin - b < 9;
             --b) {
          const std::string& w = tokens_[b - 1].key;
          if (w == "," || w == "\"") {
            from = s.first_token;
            to = b - 1;
            threat = holds_threat(from, to);
            break;
          }
          if (tokens_[b - 1].kind == TokenKind::Punct) break;
        }
        if (!threat) continue;
        c.type = "Threat";
        int t = first_opponent_in(ms, from, to, c.claimant);
        if (t < 0) t = other_side(c.claimant);
        c.target = t;
        seen[{c.claimant, "Threat"}] = static_cast<std::size_t>(&c - made.data());
      }
    // 'X said it had "no involvement" in the attack', 'said that figure was "propaganda"': a
    // statement holding a denial phrase (claim_denial_phrases.tsv) is a denial; whom it answers
    // and its target are found as for any denial (below, from the claims before it).
    // With figures ('said that figure was "propaganda" and that it had lost "a few" soldiers')
    // the statement is both a casualty claim and a denial.
    for (std::size_t ci = 0, n = made.size(); ci < n; ++ci) {
      const ClaimOut& c = made[ci];
      if ((c.type != "StatementClaim" && c.type != "CasualtyClaim") ||
          seen.count({c.claimant, "Denial"})) {
        continue;
      }
      const Cue* cue = nullptr;
      for (const auto& rc : resolved) {
        if (rc.second == c.claimant && rc.first.begin == c.cue_begin) cue = &rc.first;
      }
      if (cue == nullptr || cue->voice != Voice::Active) continue;
      const std::uint32_t to = clause_end(s, cue->end);
      bool denial = false;
      // (Next to figures, only a quoted phrase before them: not 'its "propaganda outlet" said
      // it had killed 200', nor '... killed 58, an accusation the army called "baseless"'.)
      const bool counted = c.type == "CasualtyClaim";
      for (std::uint32_t k = cue->end; k < to && !denial; ++k) {
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        if (counted && (!tokens_[k].is(kInQuote) || k >= first_figure)) continue;
        denial = matches(res_.denial_phrases, k, to, l, r);
      }
      if (!denial) continue;
      if (counted) {
        made.push_back(ClaimOut{{}, "Denial", c.claimant, -1, c.cue_begin});
        seen[{made.back().claimant, "Denial"}] = made.size() - 1;
        continue;
      }
      made[ci].type = "Denial";
      made[ci].target = -1;
      seen[{made[ci].claimant, "Denial"}] = ci;
    }
    // 'X said Y's strikes were "a danger to our stability"': a statement that pins a charge on
    // another side is an accusation against it, with no verb of accusing (charged_in).
    for (ClaimOut& c : made) {
      if (c.type != "StatementClaim" || seen.count({c.claimant, "Accusation"})) continue;
      const Cue* cue = nullptr;
      for (const auto& rc : resolved) {
        if (rc.second == c.claimant && rc.first.begin == c.cue_begin) cue = &rc.first;
      }
      if (cue == nullptr || cue->voice != Voice::Active) continue;
      int accused = charged_in(ms, cue->end, clause_end(s, cue->end), c.claimant);
      // '"... Y's terror," he said': the words before the comma or quotation mark.
      for (std::uint32_t b = cue->begin; accused < 0 && b > s.first_token && cue->begin - b < 9;
           --b) {
        const std::string& w = tokens_[b - 1].key;
        if (w == "," || w == "\"") {
          accused = charged_in(ms, s.first_token, b - 1, c.claimant);
          break;
        }
        if (tokens_[b - 1].kind == TokenKind::Punct) break;
      }
      if (accused < 0) continue;
      c.type = "Accusation";
      c.target = accused;
      seen[{c.claimant, "Accusation"}] = static_cast<std::size_t>(&c - made.data());
    }
    // "X said ..., an accusation Y rejected": the statement the noun names is an accusation,
    // against the one who rejects it.
    for (const ClaimOut& d : std::vector<ClaimOut>(made)) {
      if (d.type != "Denial") continue;
      for (std::uint32_t k = d.cue_begin; k > s.first_token && d.cue_begin - k < 5; --k) {
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        if (!matches(res_.claim_cues, k - 1, d.cue_begin, l, r) ||
            res_.claim_cues.get(r, "type") != "Accusation" ||
            res_.claim_cues.get(r, "voice") != "possessive") {
          continue;
        }
        for (ClaimOut& c : made) {
          if (c.type == "StatementClaim" && c.cue_begin < k - 1 && c.claimant != d.claimant &&
              !seen.count({c.claimant, "Accusation"})) {
            c.type = "Accusation";
            c.target = d.claimant;
            seen[{c.claimant, "Accusation"}] = static_cast<std::size_t>(&c - made.data());
          }
        }
        break;
      }
    }
    // A reported statement that a verb of violence was done by another side is an accusation
    // ("the army said Cambodian forces fired rockets"); with figures it is both.
    const std::size_t made_before = made.size();
    for (std::size_t k = 0; k < made_before; ++k) {
      if (made[k].type != "StatementClaim" && made[k].type != "CasualtyClaim") continue;
      if (seen.count({made[k].claimant, "Accusation"})) continue;
      const Cue* cue = nullptr;
      for (const auto& rc : resolved) {
        if (rc.second == made[k].claimant && rc.first.begin == made[k].cue_begin) cue = &rc.first;
      }
      if (cue == nullptr || cue->voice != Voice::Active) continue;
      int accused = accused_in(ms, cue->end, clause_end(s, cue->end), made[k].claimant);
      // '"X has attacked us," the president said', "X attacked ..., the governor said": the
      // words before the comma or quotation mark that the speaker follows.
      for (std::uint32_t b = cue->begin; accused < 0 && b > s.first_token && cue->begin - b < 9;
           --b) {
        const std::string& w = tokens_[b - 1].key;
        // "X shelled Y, and the army said it had returned fire": a clause joined by "and" or
        // "but" is the reporter's narration, not what the speaker said.
        const bool joined = tokens_[b].key == "and" || tokens_[b].key == "but";
        if ((w == "," || w == "\"") && !joined) {
          accused = accused_in(ms, s.first_token, b - 1, made[k].claimant);
          break;
        }
        if (tokens_[b - 1].kind == TokenKind::Punct) break;
      }
      if (accused < 0) continue;
      seen[{made[k].claimant, "Accusation"}] = made.size();
      if (made[k].type == "StatementClaim") {
        made[k].type = "Accusation";
        made[k].target = accused;
      } else {
        made.push_back(ClaimOut{{}, "Accusation", made[k].claimant, accused, made[k].cue_begin});
      }
    }
    // An armed group that says it attacked ("X said its fighters had ambushed an army convoy",
    // "... it had attacked the pipeline") claims the attack (own_attack_in).
    for (std::size_t k = 0, n = made.size(); k < n; ++k) {
      if (made[k].type != "StatementClaim" && made[k].type != "CasualtyClaim") continue;
      if (seen.count({made[k].claimant, "ResponsibilityClaim"})) continue;
      if (entities_[static_cast<std::size_t>(made[k].claimant)].cls != "ArmedGroup") continue;
      const Cue* cue = nullptr;
      for (const auto& rc : resolved) {
        if (rc.second == made[k].claimant && rc.first.begin == made[k].cue_begin) cue = &rc.first;
      }
      if (cue == nullptr || cue->voice != Voice::Active) continue;
      if (!own_attack_in(cue->end, clause_end(s, cue->end))) continue;
      const int target = other_side(made[k].claimant);
      seen[{made[k].claimant, "ResponsibilityClaim"}] = made.size();
      if (made[k].type == "StatementClaim") {
        made[k].type = "ResponsibilityClaim";
        made[k].target = target;
      } else {
        made.push_back(
            ClaimOut{{}, "ResponsibilityClaim", made[k].claimant, target, made[k].cue_begin});
      }
    }
    // A Statement by a claimant who also makes a specific claim here is not a separate claim.
    std::vector<ClaimOut> kept;
    std::vector<ClaimOut> continued;  // claims of the sentence before that this one goes on with
    for (const ClaimOut& c : made) {
      if (c.type == "StatementClaim") {
        // Nor is the statement of a speaker who reports their own side's specific claim:
        // "Turkey has offered to host talks, Turkish Foreign Minister X said".
        int side = country_of(c.claimant);
        const Entity& speaker = entities_[static_cast<std::size_t>(c.claimant)];
        if (side < 0 && !speaker.affiliation.empty()) {
          side = country_of(entity_by_iri(speaker.affiliation));
        }
        bool other = false;
        for (const ClaimOut& d : made) {
          other |=
              d.type != c.type && (d.claimant == c.claimant || (side >= 0 && d.claimant == side));
        }
        if (other) continue;
        // Nor is a speaker's next sentence when it names them only by a pronoun ("Most of the
        // dead were civilians, he said.", '"...," it said.', "He added that ..."): it goes on
        // with the claim they made in the sentence before, which takes its quotations
        // (continued_claim). Named again, or described ('"...," a spokesperson for the group
        // said', "the mission said"), the speaker makes a new statement.
        const Cue* own = nullptr;
        for (const auto& rc : resolved) {
          if (rc.second == c.claimant && rc.first.begin == c.cue_begin) own = &rc.first;
        }
        const bool by_pronoun =
            own != nullptr &&
            ((own->begin > s.first_token && is_word(res_.pronouns, own->begin - 1, own->begin)) ||
             (own->end < s.last_token && is_word(res_.pronouns, own->end, own->end + 1)));
        if (const ClaimOut* before = by_pronoun ? continued_claim(si, c.claimant) : nullptr) {
          quotes_for(si, *before);
          continued.push_back(
              ClaimOut{before->iri, before->type, c.claimant, before->target, c.cue_begin, 0});
          continue;
        }
      }
      kept.push_back(c);
    }
    // A speaker whose figures came with an accusation ("X accused Y of killing 20") also
    // makes a casualty claim.
    for (const auto& [cue, who] : resolved) {
      if (!figures_of.count(cue.begin)) continue;
      const bool has = std::any_of(kept.begin(), kept.end(), [&, w = who](const ClaimOut& c) {
        return c.type == "CasualtyClaim" && c.claimant == w;
      });
      if (!has) kept.push_back(ClaimOut{{}, "CasualtyClaim", who, -1, cue.begin});
    }
    // Verification status, medium and quotes apply to the sentence's claims.
    std::string status;
    std::string medium;
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      if (status.empty() && !adjectival(s, i) && matches(res_.status, i, s.last_token, len, row)) {
        status = std::string(res_.status.get(row, "status"));
      }
      if (medium.empty() && matches(res_.media, i, s.last_token, len, row)) {
        medium = span_text(i, i + len);
      }
    }
    std::string casualty_iri;
    for (ClaimOut& c : kept) {
      const Cue* cue = nullptr;
      for (const auto& rc : resolved) {
        if (rc.second == c.claimant) cue = &rc.first;
      }
      c.iri = add_claim(si, c.type, c.claimant, c.target, s, cue ? cue->end : s.first_token);
      if (!status.empty() && c.type != "Denial") {
        iri(c.iri, ng("verificationStatus"), ng(status));
      }
      if (!medium.empty()) lit(c.iri, ng("medium"), medium);
      if (c.type == "CasualtyClaim") {
        casualty_iri = c.iri;
        int k = 0;
        std::vector<FigureOut> outs;
        const auto owned = figures_of.find(c.cue_begin);
        for (std::size_t fi :
             owned == figures_of.end() ? std::vector<std::size_t>{} : owned->second) {
          const Figure& f = figures[fi];
          if (!f.object.empty()) {
            for (const auto& [slot, v] : f.amounts) {
              if (f.object == "posts" && (slot == "destroyed" || slot == "captured")) {
                amount(c.iri, ng(slot == "destroyed" ? "postsDestroyed" : "postsCaptured"), v);
              } else if (f.object == "equipment" && slot == "destroyed") {
                amount(c.iri, ng("equipmentDestroyed"), v);
              }
            }
            continue;
          }
          if (!f.amounts.count("killed") && !f.amounts.count("wounded") &&
              !f.amounts.count("captured") && !f.amounts.count("missing")) {
            continue;
          }
          if (continue_figure(si, c.claimant, f)) continue;
          add_figure(c.iri, c.claimant, f, k, outs);
        }
        if (zero && k == 0 && static_cast<std::int64_t>(c.cue_begin) == zero_owner) {
          const std::string fig = c.iri + "-f1";
          iri(c.iri, ng("figures"), fig);
          iri(fig, std::string(vocab::kRdfType), ng("CasualtyFigure"));
          amount(fig, ng("killed"), "0");
          amount(fig, ng("wounded"), "0");
          outs.clear();
          // "there were no casualties": on the claimant's own side.
          const int own = side_of(c.claimant);
          if (own >= 0) {
            iri(fig, ng("victimSide"), entities_[static_cast<std::size_t>(own)].iri);
          }
          ++stats_.casualty_figures;
        }
        if (!outs.empty()) {
          last_casualty_sentence_ = si;
          last_casualty_claimant_ = c.claimant;
          last_casualty_iri_ = c.iri;
          last_figure_count_ = k;
          last_figures_ = std::move(outs);
        }
      }
      quotes_for(si, c);
      const Entity& who = entities_[static_cast<std::size_t>(c.claimant)];
      if (who.person()) {
        last_person_ = c.claimant;
      } else {
        last_group_ = c.claimant;
      }
    }
    // Denials point at the claim they reject: in this sentence, or an earlier one. Without a
    // target of its own, a denial is aimed at whoever made that claim, else the other side.
    for (ClaimOut& c : kept) {
      if (c.type != "Denial") continue;
      std::string denied;
      int accuser = -1;
      for (const ClaimOut& d : kept) {
        // "X said ..., a claim denied by Y": only a claim made before the denial.
        if (d.claimant != c.claimant && d.type != "Denial" && d.type != "StatementClaim" &&
            d.cue_begin < c.cue_begin) {
          denied = d.iri;
          accuser = d.claimant;
          if (d.type == "CasualtyClaim") iri(d.iri, ng("verificationStatus"), ng("Denied"));
        }
      }
      for (auto it = history_.rbegin(); denied.empty() && it != history_.rend(); ++it) {
        if (it->claimant == c.claimant || it->type == "Denial" || it->type == "StatementClaim") {
          continue;
        }
        if (it->claimant == c.target || it->target == c.claimant ||
            (c.target < 0 && it->type == "Accusation")) {
          denied = it->iri;
          accuser = it->claimant;
        }
      }
      if (!denied.empty()) iri(c.iri, ng("denies"), denied);
      if (c.target < 0) {
        c.target = accuser >= 0 ? accuser : other_side(c.claimant);
        if (c.target >= 0) {
          iri(c.iri, ng("target"), entities_[static_cast<std::size_t>(c.target)].iri);
        }
      }
    }
    for (ClaimOut& c : kept) {
      c.sentence = si;
      history_.push_back(c);
    }
    // The speaker went on talking: "... he said. Two soldiers were wounded." still continues
    // their toll, and a third sentence by pronoun still continues their claim.
    for (ClaimOut& c : continued) {
      c.sentence = si;
      history_.push_back(c);
    }
    // So does a sentence without figures in which the speaker of the last toll says more: "X
    // said 40 people were killed. X said fighters stormed the camp. ..., X said, adding that 19
    // people were wounded." gives one group, 40 killed and 19 wounded.
    if (!toll_sentence_ && last_casualty_claimant_ >= 0 && si == last_casualty_sentence_ + 1 &&
        (std::any_of(kept.begin(), kept.end(),
                     [&](const ClaimOut& c) { return c.claimant == last_casualty_claimant_; }) ||
         std::any_of(continued.begin(), continued.end(),
                     [&](const ClaimOut& c) { return c.claimant == last_casualty_claimant_; }))) {
      last_casualty_sentence_ = si;
    }
    if (history_.size() > 12) history_.erase(history_.begin(), history_.end() - 12);
  }

  // The claim `claimant` made in the sentence right before `si`, if any (the latest one).
  const ClaimOut* continued_claim(std::uint32_t si, int claimant) const {
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->sentence + 1 == si && it->claimant == claimant && !it->iri.empty()) return &*it;
    }
    return nullptr;
  }

  // Direct quotations in the sentence, attributed to the claimant.
  void quotes_for(std::uint32_t si, const ClaimOut& c) {
    const Sentence& s = sentences_[si];
    std::uint32_t i = s.first_token;
    while (i < s.last_token) {
      if (!tokens_[i].is(kInQuote) || tokens_[i].key == "\"") {
        ++i;
        continue;
      }
      std::uint32_t j = i;
      while (j < s.last_token && tokens_[j].is(kInQuote) && tokens_[j].key != "\"") ++j;
      if (j - i >= 2) {
        const std::size_t b = norm_.original_offset(tokens_[i].begin);
        const std::size_t e = norm_.original_offset(tokens_[j - 1].end);
        const std::string q =
            doc_ + "#char=" + std::to_string(cp_at_[b]) + "," + std::to_string(cp_at_[e]);
        iri(q, std::string(vocab::kRdfType), ng("Quote"));
        iri(q, kNif + "referenceContext", doc_);
        lit(q, kNif + "beginIndex", std::to_string(cp_at_[b]), vocab::kXsdNonNegativeInteger);
        lit(q, kNif + "endIndex", std::to_string(cp_at_[e]), vocab::kXsdNonNegativeInteger);
        lit(q, kNif + "anchorOf", article_.text.substr(b, e - b));
        iri(q, ng("speaker"), entities_[static_cast<std::size_t>(c.claimant)].iri);
        iri(c.iri, ng("quote"), q);
      }
      i = j;
    }
  }

  // ---------------------------------------------------------------- mediation
  // Coordinated names right after `from`: "A, B and C".
  std::vector<int> name_list(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t end,
                             std::uint32_t* list_end = nullptr) const {
    std::vector<int> out;
    std::uint32_t i = from;
    if (list_end) *list_end = from;
    while (i < end) {
      const std::uint32_t item = i;
      if (tokens_[i].key == "the") ++i;
      int hit = -1;
      std::uint32_t next = i;
      for (const Mention& m : ms) {
        if (m.begin == i && agentive(m.entity)) {
          hit = m.entity;
          next = m.end;
        }
      }
      if (hit < 0) break;
      // "A, the B's envoy, said": a name after a bare comma that does not go on to another
      // comma or "and" opens an apposition on A; it is no item of the list.
      const bool after_comma = !out.empty() && tokens_[item - 1].key == ",";
      if (after_comma && (next >= end || (tokens_[next].key != "," && tokens_[next].key != "and" &&
                                          tokens_[next].key != "or"))) {
        break;
      }
      out.push_back(as_actor(hit));
      i = next;
      if (list_end) *list_end = next;
      // Skip a possessive tail ("Turkey's foreign minister").
      if (i < end && tokens_[i].key == ",") ++i;
      if (i < end && (tokens_[i].key == "and" || tokens_[i].key == "or")) {
        ++i;
      } else if (i > 0 && tokens_[i - 1].key != ",") {
        break;
      }
    }
    return out;
  }

  // "Russia, which brokered ...", "X, who has long served as an intermediary ...": the actor
  // named just before the relative pronoun that opens the clause of the phrase at `at`.
  std::vector<int> relative_antecedent(const Sentence& s, const std::vector<Mention>& ms,
                                       std::uint32_t at) const {
    std::vector<int> out;
    std::uint32_t k = at;
    // Up to eight words back: "X, which had earlier offered to help broker an agreement".
    for (int back = 0; back < 8 && k > s.first_token + 1; ++back) {
      --k;
      const Token& t = tokens_[k];
      if (t.kind == TokenKind::Punct) break;
      if (t.key != "which" && t.key != "who") continue;
      if (tokens_[k - 1].key != ",") break;
      // The antecedent and the names coordinated with it ("Cuba and Norway, which ...").
      std::uint32_t end = k - 1;
      while (true) {
        int hit = -1;
        std::uint32_t begin = end;
        for (const Mention& m : ms) {
          if (m.end == end && agentive(m.entity)) {
            hit = as_actor(m.entity);
            begin = m.begin;
          }
        }
        if (hit < 0) break;
        out.insert(out.begin(), hit);
        if (begin > s.first_token && tokens_[begin - 1].key == "the") --begin;
        if (begin <= s.first_token ||
            (tokens_[begin - 1].key != "and" && tokens_[begin - 1].key != ",")) {
          break;
        }
        end = begin - 1;
      }
      break;
    }
    return out;
  }

  // The actor of the article whose name or short name is `name` ("UN" in "UN-led"), or -1.
  int actor_named(const std::string& name) const {
    const std::string key = fold_key(name);
    for (std::size_t e = 0; e < entities_.size(); ++e) {
      const Entity& en = entities_[e];
      if (!en.actor) continue;
      if (fold_key(en.label) == key) return static_cast<int>(e);
      for (const std::string& a : en.alts) {
        if (fold_key(a) == key) return static_cast<int>(e);
      }
    }
    return -1;
  }

  int country_for_prefix(std::string_view prefix, bool demonym_only = false) {
    std::vector<Token> toks;
    for (const std::string& k : phrase_keys(prefix, res_.abbreviations)) {
      toks.push_back(Token{0, 0, TokenKind::Word, kCapitalized, k});
    }
    if (toks.empty()) return -1;
    std::vector<PhraseIndex::Match> m;
    res_.gazetteer.demonyms().match(toks, 0, toks.size(), m);
    if (m.empty() && !demonym_only) res_.gazetteer.names().match(toks, 0, toks.size(), m);
    for (const auto& hit : m) {
      if (hit.length != toks.size()) continue;
      const Place& p = res_.gazetteer.place(hit.value);
      if (p.kind != PlaceKind::Country) continue;
      const std::string iri_text = std::string(vocab::kNgId) + "place/gn-" + p.geonames_id;
      int e = entity_by_iri(iri_text);
      if (e < 0) {
        // A country named only through its adjective: add it to the graph.
        Entity en;
        en.iri = iri_text;
        en.cls = "Country";
        en.label = p.name;
        en.actor = true;
        entities_.push_back(en);
        e = static_cast<int>(entities_.size() - 1);
        by_iri_[iri_text] = e;
        new_entities_.push_back(e);
      }
      return e;
    }
    return -1;
  }

  // "the two groups", "two armed groups", "the two factions" in [b, e): the two armed groups or
  // other bodies (a group defined as "X (ABC)" is an organisation) named last before this
  // sentence (no state's forces, no mediator), or none.
  std::vector<int> two_groups(std::uint32_t b, std::uint32_t e) const {
    if (b < e && tokens_[b].key == "the") ++b;
    if (b + 1 >= e || tokens_[b].key != "two") return {};
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (!matches(res_.med_party_nouns, e - 1, e, l, r) &&
        !(e >= b + 3 && matches(res_.med_party_nouns, e - 2, e, l, r) && l == 2)) {
      return {};
    }
    std::vector<std::pair<std::uint32_t, int>> seen;
    for (const auto& [g, pos] : last_seen_) {
      const Entity& en = entities_[static_cast<std::size_t>(g)];
      const bool group = en.cls == "ArmedGroup" || en.cls == "Organization";
      if (!group || country_of(g) >= 0 || mediators_seen_.count(g) > 0) continue;
      if (pos >= current_sentence_begin_) continue;
      seen.emplace_back(pos, g);
    }
    if (seen.size() < 2) return {};
    std::sort(seen.rbegin(), seen.rend());
    return {seen[1].second, seen[0].second};
  }

  // The conjuncts of [from, to) that name no actor, as sides: "the government" (resolved as a
  // speaker is), "the presidential council" (a body of its own), "opposition groups", "a group
  // of holdout opposition groups" (mediation_party_nouns.tsv; a node named as written).
  std::vector<int> unnamed_sides(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t from, std::uint32_t to) {
    std::vector<int> out;
    std::uint32_t b = from;
    for (std::uint32_t k = from; k <= to; ++k) {
      if (k < to && tokens_[k].key != "and") continue;
      const std::uint32_t e = k;
      const bool named = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return m.begin >= b && m.end <= e && agentive(m.entity);
      });
      if (!named && e > b) {
        // "between the government and the two groups": both groups named last are sides.
        const std::vector<int> pair = two_groups(b, e);
        if (!pair.empty()) {
          for (int g : pair) out.push_back(g);
          last_two_groups_ = pair;
          b = k + 1;
          continue;
        }
        int side = definite_speaker(s, ms, e, true);
        if (side < 0) {
          std::uint32_t l = 0;
          std::uint32_t r = 0;
          std::uint32_t head = e;
          while (head > b && !matches(res_.med_party_nouns, head - 1, e, l, r)) --head;
          if (head > b && head - 1 + l == e) {
            // The words of the phrase: after "the", "a group of", up to the head.
            std::uint32_t nb = b;
            for (std::uint32_t q = b; q + 1 < e; ++q) {
              std::uint32_t nl = 0;
              // "more than 40 rebel groups", "about 20 groups": a quantifier before the number.
              const bool quantifier = q == nb && is_word(res_.med_side_quantifiers, q, e);
              if (tokens_[q].key == "of" || tokens_[q].key == "the" || tokens_[q].key == "a" ||
                  quantifier || (q == nb && number_at(q, e, nl))) {  // "several", "two"
                nb = q + (q == nb && number_at(q, e, nl) ? std::max<std::uint32_t>(nl, 1) : 1);
              }
            }
            // "the rebels" alone: the armed group named last ("between the rebels and X").
            if (nb == e - 1 && nb > b && tokens_[nb - 1].key == "the") {
              std::int64_t best_pos = -1;
              for (const auto& [g, pos] : last_seen_) {
                if (entities_[static_cast<std::size_t>(g)].cls == "ArmedGroup" &&
                    static_cast<std::int64_t>(pos) > best_pos) {
                  side = g;
                  best_pos = pos;
                }
              }
              if (side >= 0) {
                out.push_back(side);
                b = k + 1;
                continue;
              }
            }
            bool lower = nb < e;
            for (std::uint32_t q = nb; q < e; ++q) {
              lower = lower && tokens_[q].kind == TokenKind::Word && !tokens_[q].is(kInQuote);
            }
            if (lower) side = mint_described(span_text(nb, e), tokens_[e - 1].key, -1);
          }
        }
        if (side < 0) {
          // "between Mogadishu and Jubaland": a name nothing else knows is a side as written
          // (not "the West"); a demonym is its state ("Russian and Ukrainian delegations").
          const std::uint32_t nb = b;
          const int state = e > nb ? country_for_prefix(tokens_[nb].key) : -1;
          if (state >= 0) side = state;
          const bool name =
              side < 0 && e > nb && e - nb <= 3 && tokens_[nb].key != "the" &&
              std::all_of(tokens_.begin() + nb, tokens_.begin() + e, [](const Token& t) {
                return t.kind == TokenKind::Word && t.is(kCapitalized) && !t.is(kInQuote);
              });
          if (name) side = mint_described(span_text(nb, e), tokens_[e - 1].key, -1, "Organization");
        }
        // A body stands for its state, as a named side does.
        if (side >= 0) out.push_back(country_of(side) >= 0 ? country_of(side) : side);
      }
      b = k + 1;
    }
    return out;
  }

  // "The bloc said it was ready to mediate": whom "it" after a speech verb refers to when a
  // definite description ("the bloc") speaks (found as a claim's speaker is: the body named
  // earlier), or -1. Names are found by the clause subject instead.
  int reporting_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) {
    for (std::uint32_t k = s.first_token + 2; k < at; ++k) {
      const bool described = tokens_[k - 2].key == "the" &&
                             tokens_[k - 1].kind == TokenKind::Word &&
                             !tokens_[k - 1].is(kCapitalized);
      if (!described) continue;
      std::uint32_t cl = 0;
      std::uint32_t cr = 0;
      std::uint32_t pl = 0;
      std::uint32_t pr = 0;
      if (!matches(res_.claim_cues, k, at, cl, cr) ||
          res_.claim_cues.get(cr, "type") != "StatementClaim" || k + cl >= at ||
          tokens_[k + cl].key != "it" || !matches(res_.pronouns, k + cl, k + cl + 1, pl, pr)) {
        continue;
      }
      // The pronoun is the subject of what follows it; a claim resolves it so.
      const std::uint32_t verb = k + cl + pl;
      return claimant_for(s, ms, Cue{verb, verb + 1, "StatementClaim"});
    }
    return -1;
  }

  // "separate talks with the leaders of A and B", "... with officials from A and B": the
  // position of the "of"/"from" after which the sides are named, else `with` itself.
  std::uint32_t side_holders_end(std::uint32_t with) const {
    for (std::uint32_t t = with + 1; t < tokens_.size() && t < with + 5; ++t) {
      if (tokens_[t].key == "of" || tokens_[t].key == "from") return t;
      if (tokens_[t].kind != TokenKind::Word || tokens_[t].is(kCapitalized)) break;
    }
    return with;
  }

  // "the government and several separatist groups had agreed", "Israel and Hamas agreed": the
  // two sides of a clause subject made of two noun phrases joined by "and" (none otherwise).
  std::vector<int> subject_sides(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t from, std::uint32_t to) {
    // Where a noun phrase starting at b ends: after a name, or after a head noun.
    auto phrase_end = [&](std::uint32_t b) -> std::uint32_t {
      std::uint32_t k = b;
      if (k < to && (tokens_[k].key == "the" || tokens_[k].key == "several")) ++k;
      for (const Mention& m : ms) {
        if (m.begin == k && agentive(m.entity)) return m.end;
      }
      for (std::uint32_t h = k; h < to && h < k + 5; ++h) {
        if (tokens_[h].kind != TokenKind::Word) return b;
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        if (matches(res_.med_party_nouns, h, to, l, r)) return h + l;
        if (!body_kind(h).empty()) return h + 1;
      }
      return b;
    };
    // Skip an opening time or place phrase up to a comma ("On Friday, ..."), and a reporting
    // clause ("X said on Friday that ...").
    std::uint32_t b = from;
    for (std::uint32_t k = from; k < to && k < from + 6; ++k) {
      if (tokens_[k].key == ",") b = k + 1;
    }
    for (std::uint32_t k = from; k < to; ++k) {
      if (tokens_[k].key == "that") b = k + 1;
    }
    std::uint32_t e1 = phrase_end(b);
    // "The killings come as A and B hold talks": else the subject of the last clause opened by
    // a word of claim_clause_breaks.tsv of kind "hard" ("as", "while", "but").
    if (e1 == b || e1 >= to || tokens_[e1].key != "and") {
      for (std::uint32_t k = to; k > b; --k) {
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        if (!matches(res_.breaks, k - 1, to, l, r) || res_.breaks.get(r, "kind") != "hard") {
          continue;
        }
        b = k - 1 + l;
        e1 = phrase_end(b);
        break;
      }
    }
    if (e1 == b || e1 >= to || tokens_[e1].key != "and") return {};
    const std::uint32_t e2 = phrase_end(e1 + 1);
    if (e2 == e1 + 1) return {};
    std::vector<int> out;
    for (const auto& [pb, pe] : {std::pair{b, e1}, std::pair{e1 + 1, e2}}) {
      int side = -1;
      for (const Mention& m : ms) {
        if (m.begin >= pb && m.end <= pe && agentive(m.entity)) side = as_actor(m.entity);
      }
      if (side < 0) {
        const std::vector<int> u = unnamed_sides(s, ms, pb, pe);
        if (!u.empty()) side = u.front();
      }
      if (side < 0) return {};
      out.push_back(country_of(side) >= 0 ? country_of(side) : side);
    }
    if (out[0] == out[1]) return {};
    return out;
  }

  // "the presidency announced a ceasefire with Druze religious leaders ..., after mediation by
  // X": the side named right after "<what a mediation is about> with" (a name, or a described
  // side up to its head noun of mediation_party_nouns.tsv), then the subject of that clause when
  // it is another side. None when there is no such side or it is a mediator.
  std::vector<int> with_sides(const Sentence& s, const std::vector<Mention>& ms,
                              const std::vector<int>& mediators) {
    auto mediates = [&](int e) {
      return std::any_of(mediators.begin(), mediators.end(),
                         [&](int m) { return m == e || country_of(m) == e; });
    };
    for (std::uint32_t k = s.first_token; k + 2 < s.last_token; ++k) {
      std::uint32_t ol = 0;
      std::uint32_t orow = 0;
      if (!matches(res_.med_objects, k, s.last_token, ol, orow)) continue;
      const std::uint32_t w = k + ol;
      if (w + 1 >= s.last_token || tokens_[w].key != "with") continue;
      int side = -1;
      const std::vector<int> named = name_list(ms, w + 1, s.last_token);
      if (!named.empty()) {
        side = named.front();
      } else {
        for (std::uint32_t h = w + 1; h < s.last_token && h < w + 6; ++h) {
          std::uint32_t l = 0;
          std::uint32_t r = 0;
          if (tokens_[h].kind == TokenKind::Punct) break;  // "with more than 40 rebel groups"
          if (!matches(res_.med_party_nouns, h, s.last_token, l, r)) continue;
          const std::vector<int> u = unnamed_sides(s, ms, w + 1, h + l);
          if (!u.empty()) side = u.front();
          break;
        }
      }
      if (side < 0) return {};
      if (country_of(side) >= 0) side = country_of(side);
      if (mediates(side)) return {};
      std::vector<int> out{side};
      int subject = subject_of(s, ms, k);
      if (subject >= 0)
        subject = country_of(subject) >= 0 ? country_of(subject) : as_actor(subject);
      if (subject >= 0 && subject != side && !mediates(subject)) out.insert(out.begin(), subject);
      return out;
    }
    return {};
  }

  // The sides named after the "between" at k of sentence s.
  void sides_between(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t k,
                     std::vector<int>& into) {
    if (k + 1 >= s.last_token) return;
    // "between the army and the RSF": the names up to the end of the phrase.
    std::uint32_t stop = k + 1;
    while (stop < s.last_token && stop - k < 14 && tokens_[stop].kind != TokenKind::Punct &&
           (tokens_[stop].key == "and" || !is_word(res_.victim_stops, stop, s.last_token)) &&
           tokens_[stop].key != "if" && tokens_[stop].key != "to" && tokens_[stop].key != "for") {
      ++stop;
    }
    for (const Mention& m : ms) {
      if (m.begin <= k || m.end > stop) continue;
      int c = -1;
      if (agentive(m.entity)) {
        const int p = as_actor(m.entity);
        c = country_of(p) >= 0 ? country_of(p) : p;
        // "a meeting between Ali and Venezuelan President Nicolas Maduro": a head of state
        // or official named as a side stands for the state of the office.
        const int state = entities_[static_cast<std::size_t>(p)].cls == "Person" ? side_of(p) : -1;
        if (state >= 0 && entities_[static_cast<std::size_t>(state)].country()) c = state;
      } else {
        // "between Mogadishu and Jubaland": a province or region named as a side of talks
        // stands for its authorities.
        // Not one that modifies a noun ("the two Horn of Africa neighbours").
        const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
        const bool modifier = m.end < stop && tokens_[m.end].kind == TokenKind::Word &&
                              !tokens_[m.end].is(kCapitalized) && tokens_[m.end].key != "and";
        if ((cls == "Province" || cls == "Region") && !modifier) c = m.entity;
        // "between Niamey and Cotonou": a city named as a side stands for the state it is
        // in, as a capital does.
        const int state = entity_by_iri(entities_[static_cast<std::size_t>(m.entity)].part_of);
        if (cls == "City" && !modifier && state >= 0 &&
            entities_[static_cast<std::size_t>(state)].country()) {
          c = state;
        }
      }
      if (c >= 0 && std::find(into.begin(), into.end(), c) == into.end()) {
        into.push_back(c);
      }
    }
    // Sides in lower case: "between the government and opposition groups". Not one plural
    // noun alone ("between the armed factions", "between the two governments"): those are
    // both sides, found as for a sentence that names none.
    const bool two_phrases = std::any_of(tokens_.begin() + k + 1, tokens_.begin() + stop,
                                         [](const Token& t) { return t.key == "and"; });
    if (into.size() < 2 && two_phrases) {
      last_two_groups_.clear();
      for (int c : unnamed_sides(s, ms, k + 1, stop)) {
        const bool grouped = std::find(last_two_groups_.begin(), last_two_groups_.end(), c) !=
                             last_two_groups_.end();
        if ((into.size() < 2 || grouped) && std::find(into.begin(), into.end(), c) == into.end()) {
          into.push_back(c);
        }
      }
    }
    // "between the two factions": the two armed groups named last.
    if (into.empty() && !two_phrases) into = two_groups(k + 1, stop);
  }

  void mediations_in(std::uint32_t si, const std::vector<Mention>& ms) {
    const Sentence& s = sentences_[si];
    std::vector<SentenceMediator> seen;  // mediators found so far in this sentence
    std::vector<SentenceContext::Span> spans;
    for (const Mention& m : ms) {
      spans.push_back({m.begin, m.end, entities_[static_cast<std::size_t>(m.entity)].cls});
    }
    const SentenceContext context(res_, tokens_, s.last_token, std::move(spans));
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
      std::vector<int> mediators;
      std::string status;
      std::uint32_t trig_end = i + 1;
      const std::string& key = tokens_[i].key;
      const auto dash = key.rfind('-');
      std::uint32_t len = 0;
      std::uint32_t row = 0;
      bool found = false;
      if (dash != std::string::npos && dash > 0) {
        // "Qatari-mediated ceasefire": the first part names the mediator.
        auto it = res_.prefix_triggers.find(key.substr(dash));
        // "a UN-led peace process", "Saudi-led talks": only before what a mediation is about.
        auto ob = res_.prefix_object_triggers.find(key.substr(dash));
        std::uint32_t ol = 0;
        std::uint32_t orow = 0;
        const bool object_next = ob != res_.prefix_object_triggers.end() && i + 1 < s.last_token &&
                                 matches(res_.med_objects, i + 1, s.last_token, ol, orow);
        if (it != res_.prefix_triggers.end() || object_next) {
          const std::size_t b = norm_.original_offset(tokens_[i].begin);
          const std::string prefix(article_.text.substr(b, dash));
          int c = country_for_prefix(prefix);
          if (c < 0) c = actor_named(prefix);
          if (c >= 0) {
            mediators.push_back(c);
            status = it != res_.prefix_triggers.end() ? it->second : ob->second;
            // "hold Qatar-mediated talks": a process mediated goes on; an outcome ("a
            // Qatari-brokered ceasefire") was reached. Words after it may still end it.
            std::uint32_t pl = 0;
            std::uint32_t prow = 0;
            if (i + 1 < s.last_token && matches(res_.med_processes, i + 1, s.last_token, pl, prow)) {
              status = "ongoing";
            }
            found = true;
          }
        }
      }
      std::string slot;
      // A phrase of the stage 2 rules ("hosted several rounds of indirect talks").
      RuleMatch rm;
      for (const Rule& rule : res_.rules) {
        if (found || !may_start_at(rule, context, i) ||
            !match_rule(rule, context, i, s.last_token, rm)) {
          continue;
        }
        const RuleArg* a_slot = rule.arg("slot");
        const RuleArg* a_status = rule.arg("status");
        slot = a_slot && a_slot->literal ? a_slot->value : "subject";
        status = a_status && a_status->literal ? a_status->value : "ongoing";
        trig_end = rm.end;
        found = true;
      }
      if (!found && matches(res_.med_triggers, i, s.last_token, len, row)) {
        slot = std::string(res_.med_triggers.get(row, "slot"));
        if (slot == "prefix") continue;
        status = std::string(res_.med_triggers.get(row, "status"));
        trig_end = i + len;
        found = true;
      }
      if (!found) continue;
      // Modifiers before the trigger, in its clause, set the status ("would consider").
      std::vector<std::pair<std::uint32_t, std::uint32_t>> skipped;
      const std::uint32_t cb = clause_begin(s, i, skipped);
      bool conditional = false;
      bool hedged = false;
      bool blocked = false;
      const std::uint32_t window = i > cb + 8 ? i - 8 : cb;
      for (std::uint32_t k = window; k < i; ++k) {
        std::uint32_t ml = 0;
        std::uint32_t mr = 0;
        if (!matches(res_.med_modifiers, k, i, ml, mr)) continue;
        const std::string st(res_.med_modifiers.get(mr, "status"));
        const std::string flag(res_.med_modifiers.get(mr, "flag"));
        if (st == "block") blocked = true;
        if (!st.empty() && st != "block" && st != "-") status = st;
        if (flag == "conditional") conditional = true;
        if (flag == "hedged") hedged = true;
        k += ml - 1;
      }
      if (blocked) continue;
      for (std::uint32_t k = trig_end; k < std::min(trig_end + 8, s.last_token); ++k) {
        std::uint32_t ml = 0;
        std::uint32_t mr = 0;
        if (matches(res_.med_modifiers, k, s.last_token, ml, mr) &&
            res_.med_modifiers.get(mr, "flag") == "conditional-after") {
          conditional = true;
        }
      }
      // "A truce brokered by X collapsed", "X brokered talks, but the negotiations collapsed":
      // failure words later in the sentence. Not past "after" (flag earlier-after): "a deal
      // brokered by X after talks had stalled" tells what went before the deal.
      for (std::uint32_t k = trig_end; k < s.last_token; ++k) {
        std::uint32_t ml = 0;
        std::uint32_t mr = 0;
        if (!matches(res_.med_modifiers, k, s.last_token, ml, mr)) continue;
        const std::string_view flag = res_.med_modifiers.get(mr, "flag");
        if (flag == "earlier-after") break;
        if (flag == "failed-after") status = "failed";
      }
      std::uint32_t list_end = trig_end;
      bool mediator_by_reference = false;  // "The bloc said it ...": named in an earlier sentence
      if (slot == "by") {
        mediators = name_list(ms, trig_end, s.last_token, &list_end);
      } else if (slot == "before") {
        // "Egyptian and Qatari mediators": the states named just before the noun.
        std::uint32_t k = i;
        while (k > s.first_token) {
          const Token& t = tokens_[k - 1];
          if (t.key == "and" || t.key == ",") {
            --k;
            continue;
          }
          int who = -1;
          for (const Mention& m : ms) {
            if (m.end == k && agentive(m.entity)) {
              who = as_actor(m.entity);
              k = m.begin + 1;
            }
          }
          if (who < 0 && t.is(kCapitalized)) who = country_for_prefix(t.key);
          if (who < 0) break;
          mediators.insert(mediators.begin(), who);
          --k;
        }
      } else if (slot == "subject" || slot == "sides_after") {
        std::uint32_t first = 0;
        // "X said Y was ready to mediate": Y, the subject after the speech verb.
        std::uint32_t from = cb;
        int speaker_mediates = -1;
        for (std::uint32_t k = cb; k < i; ++k) {
          std::uint32_t cl = 0;
          std::uint32_t cr = 0;
          if (matches(res_.claim_cues, k, i, cl, cr) &&
              res_.claim_cues.get(cr, "type") == "StatementClaim") {
            std::uint32_t after = k + cl;
            // "X told Y and Z by phone that he was ready to mediate": past the addressees.
            for (std::uint32_t t = after; t < i && t < after + 12; ++t) {
              if (tokens_[t].key == "that") {
                after = t;
                break;
              }
              if (tokens_[t].kind == TokenKind::Punct) break;
            }
            if (after < i && tokens_[after].key == "that") ++after;
            std::uint32_t pl = 0;
            std::uint32_t pr = 0;
            if (mention_at(ms, after) >= 0) {
              from = after;
              speaker_mediates = -1;
            } else if (after < i && matches(res_.pronouns, after, after + 1, pl, pr)) {
              // "... said it was ready to mediate": the speaker.
              speaker_mediates = subject_of(s, ms, k);
            }
          }
        }
        // "X denies Y is mediating": Y's mediation, disputed by X.
        for (std::uint32_t k = cb; k < i && from == cb; ++k) {
          std::uint32_t cl = 0;
          std::uint32_t cr = 0;
          if (!matches(res_.claim_cues, k, i, cl, cr) ||
              res_.claim_cues.get(cr, "type") != "Denial") {
            continue;
          }
          const int denier = subject_of(s, ms, k);
          for (const Mention& m : ms) {
            if (m.begin >= k + cl && m.end <= i && agentive(m.entity) &&
                as_actor(m.entity) != as_actor(denier)) {
              from = m.begin;
              status = "disputed";
              break;
            }
          }
        }
        // "with Qatari mediation": a demonym right before the phrase is its mediator.
        const int adjective = i > s.first_token + 1 && tokens_[i - 1].is(kCapitalized)
                                  ? country_for_prefix(tokens_[i - 1].key, true)
                                  : -1;
        if (adjective >= 0) {
          mediators = {adjective};
        } else if (from != cb) {
          mediators = name_list(ms, from, i);
        } else if (speaker_mediates >= 0) {
          mediators = {as_actor(speaker_mediates)};
        } else if (subject_of(s, ms, i, &first) >= 0) {
          // "Egypt and Qatar brokered ...": every coordinated subject mediates.
          mediators = name_list(ms, first, i);
          // "Clashes between A and B went on as C hosted talks": the name right before the
          // phrase (only lower-case words between) is its subject when the clause's first
          // names are not it.
          const Mention* near = nullptr;
          for (const Mention& m : ms) {
            if (!agentive(m.entity) || m.in_quote || m.end > i || i - m.end > 6) continue;
            const bool lower =
                std::all_of(tokens_.begin() + m.end, tokens_.begin() + i, [](const Token& t) {
                  return t.kind == TokenKind::Word && !t.is(kCapitalized) && !t.is(kInQuote);
                });
            if (lower && (near == nullptr || m.end > near->end)) near = &m;
          }
          if (near != nullptr && std::find(mediators.begin(), mediators.end(),
                                           as_actor(near->entity)) == mediators.end()) {
            std::uint32_t b = near->begin;
            for (bool more = true; more && b > s.first_token + 1;) {
              more = false;
              if (tokens_[b - 1].key != "and" && tokens_[b - 1].key != ",") break;
              for (const Mention& m : ms) {
                if (m.end == b - 1 && agentive(m.entity)) {
                  b = m.begin;
                  more = true;
                }
              }
            }
            const bool object = b > s.first_token && b - 1 >= s.first_token &&
                                (is_word(res_.object_preps, b - 1, b) ||
                                 (tokens_[b - 1].key == "the" && b - 1 > s.first_token &&
                                  is_word(res_.object_preps, b - 2, b - 1)));
            if (!object) mediators = name_list(ms, b, i);
          }
        }
        if (mediators.empty()) mediators = relative_antecedent(s, ms, i);
        if (mediators.empty()) {
          const int speaker = reporting_speaker(s, ms, i);
          if (speaker >= 0) mediators = {as_actor(speaker)};
          mediator_by_reference = speaker >= 0;
        }
      }
      // A news outlet reports a mediation; it never mediates ("X told AFP it was open to
      // mediation").
      mediators.erase(std::remove_if(mediators.begin(), mediators.end(),
                                     [&](int m) {
                                       return m < 0 || entities_[static_cast<std::size_t>(m)].cls ==
                                                           "MediaOutlet";
                                     }),
                      mediators.end());
      if (mediators.empty()) continue;
      // "..., which act as guarantors along with Norway, Brazil and Chile": co-mediators named
      // after the trigger (mediation_companions.tsv).
      for (std::uint32_t k = trig_end; k < std::min(trig_end + 3, s.last_token); ++k) {
        std::uint32_t cl = 0;
        std::uint32_t cr = 0;
        if (!matches(res_.med_companions, k, s.last_token, cl, cr)) continue;
        for (int c : name_list(ms, k + cl, s.last_token)) {
          if (std::find(mediators.begin(), mediators.end(), c) == mediators.end()) {
            mediators.push_back(c);
          }
        }
        break;
      }
      // Parties: "between X and Y" after the phrase (up to the next comma or semicolon) or
      // else before it in the sentence, else the two sides the article is about.
      std::vector<int> parties;
      std::uint32_t between = s.last_token;
      for (std::uint32_t k = std::max(list_end, trig_end); k + 1 < s.last_token; ++k) {
        if (tokens_[k].key == "," || tokens_[k].key == ";") break;
        if (tokens_[k].key == "between") {
          between = k;
          break;
        }
      }
      // "held separate talks with (officials from) A and B": the sides follow the phrase.
      if (slot == "sides_after") between = side_holders_end(trig_end - 1);
      for (std::uint32_t k = s.first_token; k < i && between == s.last_token; ++k) {
        if (tokens_[k].key == "between") between = k;
      }
      sides_between(s, ms, between, parties);
      // "X, which has held separate talks with A and B, is trying to broker an exchange between
      // the two governments": a side given by reference takes the sides named for the same
      // mediator earlier in the sentence.
      for (const SentenceMediator& m : seen) {
        const bool same =
            std::find(mediators.begin(), mediators.end(), m.mediator) != mediators.end();
        if (parties.size() < 2 && same && m.parties.size() >= 2) parties = m.parties;
      }
      if (parties.empty()) parties = with_sides(s, ms, mediators);
      // "A and B agreed to talks facilitated by C", "A and B hold Qatar-mediated talks" (a
      // prefix trigger, no slot): the coordinated subject of the clause.
      if (parties.empty() && (slot == "by" || slot.empty())) parties = subject_sides(s, ms, cb, i);
      // "The ceasefire, brokered by A and B, ended a year of fighting between X and Y": past the
      // comma, the sides of the fighting that the deal ended (mediation_ending_verbs.tsv), not
      // of fighting told "after" it ("a truce brokered by A, after clashes between X and Y").
      for (std::uint32_t k = std::max(list_end, trig_end); k < s.last_token && parties.empty();
           ++k) {
        if (!is_word(res_.med_ending_verbs, k, s.last_token)) continue;
        for (std::uint32_t b = k + 1; b < s.last_token && b < k + 10; ++b) {
          if (tokens_[b].kind == TokenKind::Punct) break;
          if (tokens_[b].key != "between") continue;
          std::vector<int> ended;
          sides_between(s, ms, b, ended);
          if (ended.size() >= 2) parties = ended;
          break;
        }
        break;
      }
      const bool explicit_parties = parties.size() >= 2;
      const bool no_parties = parties.empty();
      const int named_side = parties.size() == 1 ? parties.front() : -1;
      // A mediator known only by reference needs its sides named: two guesses make no mediation.
      if (mediator_by_reference && !explicit_parties) continue;
      if (parties.size() < 2) {
        std::vector<int> exclude = mediators;
        exclude.insert(exclude.end(), parties.begin(), parties.end());
        for (int p : context_parties(exclude)) {
          if (parties.size() < 2) parties.push_back(p);
        }
      }
      // A mediator named twice in the sentence: another mediation only with other sides.
      const bool relative = !relative_antecedent(s, ms, i).empty();
      std::vector<int> meds;
      std::size_t replace = pending_.size();
      for (int m : mediators) {
        const int mc = country_of(m);
        const bool is_party =
            std::find(parties.begin(), parties.end(), m) != parties.end() ||
            (mc >= 0 && std::find(parties.begin(), parties.end(), mc) != parties.end());
        if (is_party) continue;
        std::size_t which = 0;
        switch (classify_repeat(seen, m, parties, relative, which)) {
          case MediatorRepeat::New:
            meds.push_back(m);
            break;
          case MediatorRepeat::Replace:
            replace = which;
            break;
          case MediatorRepeat::Skip:
            break;
        }
      }
      if (meds.empty() && replace < pending_.size()) {
        PendingMediation& p = pending_[replace];
        p.recalled = false;
        p.status = status;
        p.conditional = conditional;
        p.hedged = hedged;
        for (SentenceMediator& m : seen) {
          if (m.pending == replace) m.relative = false;
        }
        i = trig_end - 1;
        continue;
      }
      if (meds.empty()) continue;
      std::string object;
      int venue = -1;
      for (std::uint32_t k = cb; k < s.last_token && object.empty(); ++k) {
        std::uint32_t ol = 0;
        std::uint32_t orow = 0;
        if (!matches(res_.med_objects, k, s.last_token, ol, orow)) continue;
        object = span_text(k, k + ol);
        // "talks in Jeddah": the place right after the object (within a few words).
        for (std::uint32_t v = k + ol; v < std::min(k + ol + 8, s.last_token); ++v) {
          if (tokens_[v].kind == TokenKind::Punct) break;
          if (tokens_[v].key != "in" || v + 1 >= s.last_token) continue;
          for (const Mention& m : ms) {
            const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
            if (m.begin == v + 1 && (cls == "City" || cls == "Site" || cls == "Province")) {
              venue = m.entity;
            }
          }
          break;
        }
      }
      for (int e : meds) {
        mediators_seen_.insert(e);
        if (country_of(e) >= 0) mediators_seen_.insert(country_of(e));
      }
      // "between the government and the two groups": one mediation per group, with the other side.
      std::vector<std::vector<int>> sides{parties};
      if (parties.size() == 3) {
        std::vector<int> one;
        std::vector<int> groups;
        for (int p : parties) {
          const bool grouped = std::find(last_two_groups_.begin(), last_two_groups_.end(), p) !=
                               last_two_groups_.end();
          (grouped ? groups : one).push_back(p);
        }
        if (one.size() == 1 && groups.size() == 2) {
          sides = {{one[0], groups[0]}, {one[0], groups[1]}};
        } else {
          sides = {{parties[0], parties[1]}};
        }
      }
      for (const std::vector<int>& pair : sides) {
        pending_.push_back(PendingMediation{si, meds, pair, status, object, conditional, hedged,
                                            venue, explicit_parties, no_parties, relative,
                                            named_side});
        for (int m : meds) seen.push_back({m, pair, relative, pending_.size() - 1});
      }
      i = trig_end - 1;
    }
  }

  void add_mediation(std::uint32_t si, const std::vector<int>& meds,
                     const std::vector<int>& parties, const std::string& status,
                     const std::string& object, bool conditional, bool hedged, int venue) {
    flush_new_entities();
    const std::string m = node("mediation");
    iri(m, std::string(vocab::kRdfType), ng("MediationEffort"));
    iri(m, ng("inArticle"), doc_);
    iri(doc_, ng("mentions"), m);
    for (int e : meds) {
      iri(m, ng("mediator"), entities_[static_cast<std::size_t>(e)].iri);
      mediators_seen_.insert(e);
      if (country_of(e) >= 0) mediators_seen_.insert(country_of(e));
    }
    for (std::size_t k = 0; k < parties.size() && k < 2; ++k) {
      iri(m, ng("party"), entities_[static_cast<std::size_t>(parties[k])].iri);
    }
    static const std::map<std::string, std::string> kStatus = {{"offered", "Offered"},
                                                               {"ongoing", "Ongoing"},
                                                               {"succeeded", "Succeeded"},
                                                               {"failed", "Failed"},
                                                               {"disputed", "DisputedMediation"},
                                                               {"unclear", "Unclear"}};
    auto it = kStatus.find(status);
    iri(m, ng("mediationStatus"), ng(it == kStatus.end() ? "Unclear" : it->second));
    if (!object.empty()) lit(m, ng("subject"), object);
    if (venue >= 0) iri(m, ng("venue"), entities_[static_cast<std::size_t>(venue)].iri);
    if (conditional) lit(m, ng("conditional"), "true", vocab::kXsdBoolean);
    if (hedged) lit(m, ng("hedged"), "true", vocab::kXsdBoolean);
    const Sentence& s = sentences_[si];
    for (const TimeExpression& te : find_time_expressions(
             tokens_, s.first_token, s.last_token, res_.time_words, reference_date(article_))) {
      lit(m, ng("timeText"), span_text(te.begin, te.end));
      if (!te.value.empty()) {
        const std::string_view dt = te.value.size() == 10  ? vocab::kXsdDate
                                    : te.value.size() == 7 ? vocab::kXsdGYearMonth
                                                           : vocab::kXsdGYear;
        lit(m, ng("date"), te.value, dt);
      }
      break;
    }
    iri(m, ng("evidence"), sentence_iri(si));
    ++stats_.mediations;
  }

  // A mediation found in a sentence, emitted once the whole article is read.
  struct PendingMediation {
    std::uint32_t si = 0;
    std::vector<int> meds;
    std::vector<int> parties;
    std::string status;
    std::string object;
    bool conditional = false;
    bool hedged = false;
    int venue = -1;
    bool explicit_parties = false;  // named in its sentence, not the article's two sides
    bool no_parties = false;        // its sentence named no side at all
    bool recalled = false;          // told in a relative clause on its mediator: a past one
    int named_side = -1;            // the one side its sentence named, if only one
  };
  std::vector<PendingMediation> pending_;

  const ClaimStage::Resources& res_;
  const Article& article_;
  QuadSink& sink_;
  std::string graph_;
  std::string doc_;
  NormalizedText norm_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<std::uint32_t> cp_at_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> by_iri_;
  std::unordered_set<std::string> known_nodes_;
  std::unordered_set<std::string> emitted_sentences_;
  std::vector<int> new_entities_;
  std::vector<int> main_parties_;
  std::set<int> mediators_seen_;  // mediators of this article's mediations so far
  PhraseIndex index_;
  std::vector<ClaimOut> history_;
  // The figure nodes of the last casualty claim, for figures that continue it in the next
  // sentence (continue_figure).
  std::uint32_t last_casualty_sentence_ = 0;
  int last_casualty_claimant_ = -1;
  std::vector<FigureOut> last_figures_;
  std::string last_casualty_iri_;  // the last casualty claim, which a next sentence may extend
  int last_figure_count_ = 0;      // its figure nodes so far
  bool toll_sentence_ = false;     // the sentence being read gives casualty figures
  std::vector<int> coordinated_;   // other speakers of the last described_speaker call
  std::map<int, std::uint32_t> last_seen_;  // entity -> first token of its latest mention
  std::vector<int> last_two_groups_;        // the groups "the two groups" stood for last
  int dateline_state_ = -1;
  std::uint32_t current_sentence_begin_ = 0;  // first token of the sentence being read // the
                                              // country of the dateline's place
  std::map<int, std::set<std::string>> descriptors_;          // entity -> apposition body nouns
  std::unordered_map<int, std::set<std::string>> name_keys_;  // entity -> folded name words
  int last_person_ = -1;
  int last_group_ = -1;
  std::size_t counter_ = 0;
  Stage2Stats stats_;
};

}  // namespace

Stage2Stats ClaimStage::extract(const Article& article, const std::vector<rdf::Quad>& stage1,
                                QuadSink& sink) const {
  ArticleRun run(*res_, article, stage1, sink, nullptr);
  return run.run();
}

Stage2Stats ClaimStage::extract(const Article& article, const std::vector<rdf::Quad>& stage1,
                                QuadSink& sink, TextAnalysis&& text) const {
  ArticleRun run(*res_, article, stage1, sink, &text);
  return run.run();
}

}  // namespace ng::extract
