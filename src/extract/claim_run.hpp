// Private to ng_extract: ClaimStage::Resources, the structs stage 2 shares and the ArticleRun
// class (one article's run), whose methods live in stage2.cpp and claim_*.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/claim_key_filter.hpp"
#include "extract/claim_lexicon_starts.hpp"
#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/literal_compare.hpp"
#include "extract/rules.hpp"
#include "extract/stage1_entities.hpp"
#include "extract/stage2.hpp"
#include "extract/text.hpp"
#include "extract/time_expr.hpp"
#include "rdf/known_iris.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {

struct ClaimStage::Resources {
  std::unordered_set<std::string> abbreviations;
  Lexicon claim_cues;          // phrase, type, voice
  Lexicon casualty;            // phrase, slot
  Lexicon counted;             // phrase, kind (posts, equipment, none)
  Lexicon zero;                // phrase: "no casualties"
  Lexicon zero_results;        // "causing": before "no casualties", an act's result, no toll
  Lexicon none_words;          // phrase: "none" (of its officers were wounded)
  Lexicon status;              // phrase, status
  Lexicon media;               // phrase
  Lexicon pronouns;            // phrase, kind (person, group)
  Lexicon breaks;              // phrase, kind (hard, relative)
  Lexicon aux;                 // phrase: words between a figure and its verb
  Lexicon figure_links;        // phrase: words between a casualty noun and its figure ("toll at")
  Lexicon locative;            // locative.tsv: "in", "from"
  Lexicon source_nouns;        // heads of described speakers ("officials")
  Lexicon witness_nouns;       // "residents", "witnesses": a source of its own, even bare
  Lexicon anonymity_words;     // "anonymity", "named": an aside hiding a source's name
  Lexicon body_nouns;          // phrase, kind: heads of bodies ("the ministry said")
  Lexicon body_descriptors;    // "paramilitary", "militant": kinds of body, not names
  Lexicon attack_verbs;        // phrase: "fired", "shelled" (said of another side: accusation)
  Lexicon own_attack_verbs;    // "ambushed", "attacked" (said of itself by a group: responsibility)
  Lexicon own_group_nouns;     // "group": "the group had attacked", said by its spokesperson
  Lexicon threat_phrases;      // "pay a heavy price": what makes a statement a threat
  Lexicon threat_verbs;        // "regret", "be destroyed": harm promised after "will"/"would"
  Lexicon naming;              // phrase, kind: "called" (verb) ... "a violation" (charge)
  Lexicon as_fillers;          // "well", "part": after "as", no naming ("as well as")
  Lexicon charges;             // "a danger", "terror": a charge pinned on a side without a verb
  Lexicon denial_phrases;      // "no involvement", "propaganda": what makes a statement a denial
  Lexicon record_nouns;        // "tallies", "figures": the state they name speaks
  Lexicon proposal_nouns;      // "plan", "offer": rejecting one is no denial
  Lexicon outlet_counts;       // phrase, kind: "counted" (verb), "tally" (noun): an outlet's own
  Lexicon subject_links;       // words before a specific cue that are not its own subject
  Lexicon year_preps;          // words before a year ("in 2016"): the number is no figure
  Lexicon victim_asides;       // ", including a child," between victims and their verb
  Lexicon casualty_nouns;      // "bodies": a casualty word that names its victims
  Lexicon victim_stops;        // phrase: words that end a victim phrase
  Lexicon state_members;       // phrase: "troops", "soldiers" after "Kenyan": the state's
  Lexicon defence_phrases;     // phrase: "self-defence": what follows "after" is the charge
  Lexicon back_victims;        // phrase: "others", "more": the victims of the group before
  Lexicon arrest_victims;      // phrase: "suspects": an arrest of these counts as captured
  Lexicon force_victims;       // phrase: "soldiers", "policemen": victims that are security forces
  Lexicon possessives;         // phrase: "its", "their" opening a victim phrase
  Lexicon person_possessives;  // phrase: "his", "her" before a body of the speaker's side
  Lexicon proxy_nouns;         // phrase: "representative": a person speaking for a state
  Lexicon delegation_nouns;    // delegation_nouns.tsv: "the Government delegation said"
  Lexicon attacker_nouns;      // "attackers": "the attackers were X forces" accuses X
  Lexicon killers;             // phrase: subject pronouns before a casualty verb
  Lexicon numbers;             // numbers.tsv: phrase, kind, value
  Lexicon time_words;          // time_words.tsv
  Lexicon med_triggers;        // phrase, slot, status
  Lexicon med_modifiers;       // phrase, status, flag
  Lexicon med_objects;         // phrase
  Lexicon med_processes;       // phrase: what a mediation is about that goes on ("talks")
  Lexicon med_companions;      // phrase: "along with" before co-mediators
  Lexicon med_requests;        // phrase: "asked" before "Y to mediate": Y mediates
  Lexicon med_ending_verbs;    // "ended", "halted": the fighting between whom a deal ended
  Lexicon med_side_quantifiers;  // "more than", "about": before the number of a side's groups
  Lexicon med_party_nouns;       // phrase: plural heads of unnamed sides ("opposition groups")
  Lexicon med_side_references;   // phrase: sides given by reference ("them", "the two sides")
  Lexicon med_described;         // "elders", "pastors": heads of mediators known by description
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
  // The rules whose first token must be one of some words, and all those words: at a token
  // that is none of them, mediations_in skips these rules with one lookup instead of asking
  // may_start_at of each.
  std::vector<bool> rule_starts_with_word;
  std::unordered_set<std::string> rule_first_words;
  claims::LexiconStarts lexicon_starts;  // the first words of the lexicons above
  int rule_first_words_bit = -1;         // rule_first_words in lexicon_starts, if there
};

namespace claims {

// One allocation of the right size (stage 2 names a class or property this way per quad).
inline std::string ng(std::string_view local) {
  std::string out;
  out.reserve(vocab::kNg.size() + local.size());
  out.append(vocab::kNg).append(local);
  return out;
}
inline const std::string kNif = std::string(vocab::kNif);

// The IRIs written with every claim, figure, quote, sentence and mediation, built once, as
// rdf::KnownIris: sinks tell them by their address (no copy per quad, no hashing in the store).
namespace iris {
inline const std::string_view kType = rdf::KnownIris::intern(vocab::kRdfType);
inline const std::string_view kInArticle = rdf::KnownIris::intern(ng("inArticle"));
inline const std::string_view kMentions = rdf::KnownIris::intern(ng("mentions"));
inline const std::string_view kClaimant = rdf::KnownIris::intern(ng("claimant"));
inline const std::string_view kTarget = rdf::KnownIris::intern(ng("target"));
inline const std::string_view kEvidence = rdf::KnownIris::intern(ng("evidence"));
inline const std::string_view kContent = rdf::KnownIris::intern(ng("content"));
inline const std::string_view kFigures = rdf::KnownIris::intern(ng("figures"));
inline const std::string_view kCasualtyFigure = rdf::KnownIris::intern(ng("CasualtyFigure"));
inline const std::string_view kQualifier = rdf::KnownIris::intern(ng("qualifier"));
inline const std::string_view kVictims = rdf::KnownIris::intern(ng("victims"));
inline const std::string_view kQuote = rdf::KnownIris::intern(ng("Quote"));
inline const std::string_view kQuotes = rdf::KnownIris::intern(ng("quote"));
inline const std::string_view kSpeaker = rdf::KnownIris::intern(ng("speaker"));
inline const std::string_view kSentence = rdf::KnownIris::intern(ng("Sentence"));
inline const std::string_view kMediationEffort = rdf::KnownIris::intern(ng("MediationEffort"));
inline const std::string_view kMediator = rdf::KnownIris::intern(ng("mediator"));
inline const std::string_view kParty = rdf::KnownIris::intern(ng("party"));
inline const std::string_view kMediationStatus = rdf::KnownIris::intern(ng("mediationStatus"));
inline const std::string_view kReferenceContext =
    rdf::KnownIris::intern(std::string(vocab::kNif) + "referenceContext");
inline const std::string_view kBeginIndex =
    rdf::KnownIris::intern(std::string(vocab::kNif) + "beginIndex");
inline const std::string_view kEndIndex =
    rdf::KnownIris::intern(std::string(vocab::kNif) + "endIndex");
inline const std::string_view kAnchorOf =
    rdf::KnownIris::intern(std::string(vocab::kNif) + "anchorOf");
}  // namespace iris

inline std::string local_name(std::string_view iri) {
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
  int speaker = -1;  // the claimant when the cue names it itself (an outlet's own count)
};

// One victim group, or counted objects (posts, equipment) when `object` is set.
struct Figure {
  std::map<std::string, std::string> amounts;  // killed/wounded/captured/missing/destroyed
  std::string qualifier;
  std::string victims;
  std::string object;        // "posts", "equipment" or ""
  std::uint32_t pos = 0;     // first token
  bool by_claimant = false;  // "they killed ...": the claimant's side did the killing
  bool restated = false;     // read from a toll noun ("raised the toll to 16"): a report anew
  bool more = false;  // "Another 12 people", "three other guards": victims of the group before
};

struct ClaimOut {
  std::string iri;
  std::string type;
  int claimant = -1;
  int target = -1;
  std::uint32_t cue_begin = 0;
  std::uint32_t sentence = 0;
};

// Everything one article needs while stage 2 runs over it.
class ArticleRun {
 public:
  ArticleRun(const ClaimStage::Resources& res, const Article& article,
             const rdf::QuadBuffer& stage1, QuadSink& sink, TextAnalysis* text);
  Stage2Stats run();

 private:
  // ---------------------------------------------------------------- output
  // (Views, valid during the call: the sink copies what it keeps.)
  void emit(std::string_view s, std::string_view p, const rdf::TermView& o);
  void emit(std::string_view s, std::string_view p, const rdf::Term& o);
  void iri(std::string_view s, std::string_view p, std::string_view o);
  void lit(std::string_view s, std::string_view p, std::string_view v, std::string_view dt = {});
  void amount(std::string_view s, std::string_view p, std::string_view v);
  const std::string& sentence_iri(std::uint32_t si);
  std::string span_text(std::uint32_t tb, std::uint32_t te) const;
  std::string node(std::string_view kind);
  // The code points of article_.text before byte b (nif offsets count code points): from a
  // table by 64-byte blocks, not by byte.
  std::uint32_t code_points_before(std::size_t b) const;

  // Defined in claim_entities.cpp.
  // ---------------------------------------------------------------- entities
  void read_entities(const rdf::QuadBuffer& quads);
  void adopt_entities(Stage1Entities&& stage1);
  // Did stage 1 write sentence `si` (whose IRI is `iri`) as a node?
  bool stage1_wrote_sentence(std::uint32_t si, const std::string& iri) const;
  int entity_by_iri(const std::string& iri) const;
  int country_of(int e) const;
  int find_country_of(int e) const;
  bool capitalised_person(int e) const;
  bool agentive(int e) const;
  int as_actor(int e) const;
  // index_.add, noting the first key in name_starts_ (keys not empty).
  void add_name(std::vector<std::string> keys, std::uint32_t entity);
  void build_index();
  std::vector<Mention> find_mentions(const Sentence& s) const;
  void find_main_parties();
  std::vector<int> context_parties(const std::vector<int>& mediators) const;

  // Defined in claim_clauses.cpp.
  // ---------------------------------------------------------------- token helpers
  bool promises_harm(std::uint32_t k, std::uint32_t end) const;
  // The longest phrase of `lex` at token i that ends by `end`: its length and row.
  // (Always inlined: g++ otherwise keeps the bit test out of line, a call per token and
  // lexicon in the sentence scans.)
  [[gnu::always_inline]] bool matches(const Lexicon& lex, std::uint32_t i, std::uint32_t end,
                                      std::uint32_t& len, std::uint32_t& row) const {
    if (i >= end) return false;
    // Most tokens start no phrase of the lexicon: the token's bit says so without a lookup
    // (inline, as stage 2 asks this more than anything else).
    const int bit = lex.starts_bit();  // res_.lexicon_starts.bit_of(lex), set at start-up
    if (bit >= 0 && i < lexicon_starts_.size() && ((lexicon_starts_[i] >> bit) & 1U) == 0) {
      return false;
    }
    return longest_match(lex, i, end, len, row);
  }
  bool longest_match(const Lexicon& lex, std::uint32_t i, std::uint32_t end, std::uint32_t& len,
                     std::uint32_t& row) const;
  // find_time_expressions' prefilter from the same bits (none if the time words have no bit).
  TimeWordStarts time_word_starts() const {
    const int bit = res_.time_words.starts_bit();
    if (bit < 0) return {};
    return TimeWordStarts{&lexicon_starts_, std::uint64_t{1} << bit};
  }
  bool is_word(const Lexicon& lex, std::uint32_t i, std::uint32_t end) const;
  bool kin_of_one(std::uint32_t j, std::uint32_t end) const;
  bool number_between(std::uint32_t b, std::uint32_t e) const;
  std::optional<std::string> number_at(std::uint32_t i, std::uint32_t end,
                                       std::uint32_t& len) const;
  std::uint32_t clause_begin(const Sentence& s, std::uint32_t at,
                             std::vector<std::pair<std::uint32_t, std::uint32_t>>& skipped) const;
  std::uint32_t clause_end(const Sentence& s, std::uint32_t from) const;
  bool attachable_gap(std::uint32_t from, std::uint32_t to) const;
  int shortened_name_speaker(const Sentence& s, const std::vector<Mention>& ms,
                             std::uint32_t at) const;
  int subject_of(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at,
                 std::uint32_t* first = nullptr) const;
  std::uint32_t after_titles(const Sentence& s, const std::vector<Mention>& ms,
                             std::uint32_t at) const;

  // Defined in claim_entities.cpp.
  int mention_at(const std::vector<Mention>& ms, std::uint32_t i) const;
  int side_of(int e, int depth = 0) const;
  int named_body(int e) const;
  bool bare_state_body(const std::string& label) const;
  int state_opening(const std::string& label) const;
  int state_opening_of(int e) const;
  int other_side(int claimant) const;
  int first_opponent_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                        int claimant, bool quoted_only = false) const;
  int first_mention_after(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                          int not_this) const;

  // Defined in claim_speakers.cpp.
  // ---------------------------------------------------------------- claims
  int fallback_target(const std::string& type, int who, int target, const std::vector<Mention>& ms,
                      const Sentence& s, const Cue& cue) const;
  int claimant_for(const Sentence& s, const std::vector<Mention>& ms, const Cue& cue);
  bool adjectival(const Sentence& s, std::uint32_t i) const;
  int own_government(int e) const;
  int find_own_government(int e) const;

  // ---------------------------------------------------------------- definite descriptions
  std::string body_kind_of(const std::string& key) const;
  std::string body_kind(std::uint32_t i) const;
  void find_appositions(const Sentence& s, const std::vector<Mention>& ms);
  bool name_has(int e, const std::string& key);
  int definite_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t end,
                       bool opening_body = false);
  int home_state() const;
  std::uint32_t skip_parenthetical_back(const Sentence& s, std::uint32_t at) const;
  bool object_of_preposition(const Sentence& s, const Mention& m) const;
  bool zero_relative_cue(const Sentence& s, std::uint32_t at) const;
  int appositive_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at);
  int bare_body_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) const;
  std::uint32_t skip_aux_back(const Sentence& s, std::uint32_t at) const;
  bool is_claim_noun(std::uint32_t i) const;
  std::uint32_t skip_brackets_back(const Sentence& s, std::uint32_t at) const;
  int adjacent_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at) const;
  int described_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at);
  int described_again(const Sentence& s, std::uint32_t at) const;
  int owned_known_body(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t begin,
                       std::uint32_t end);
  std::uint32_t source_start(const Sentence& s, std::uint32_t end) const;
  int unnamed_source_pair(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t from);
  int possessive_owner(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at);
  // "..., according to a provincial official. The official, X, said ...": the source that the
  // next sentence names for a described one ("the official", "the statement"), else -1.
  struct LaterSource {
    int entity = -1;
    std::string noun;  // empty: any noun of a non-state body ("a medical group")
  };
  LaterSource later_named_source(const Sentence& next, const std::vector<Mention>& ms) const;
  bool describes_later_source(const Sentence& s, const Cue& cue) const;
  int label_speaker(const Sentence& s, const std::vector<Mention>& ms) const;
  int placed_body_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t end);
  int owned_plural_side(const Mention& m, std::uint32_t stop);
  int aligned_state_side(std::uint32_t b, std::uint32_t e) const;
  int mint_described(const std::string& label, const std::string& head, int affiliation,
                     const std::string& cls = {});
  void flush_new_entities();

  // Defined in claim_figures.cpp.
  std::uint32_t skip_victim_aside(std::uint32_t at, std::uint32_t end) const;
  static void add_another(Figure& before, const std::string& slot);
  std::uint32_t coordinated_group(std::uint32_t ve, std::uint32_t end) const;
  std::uint32_t coordinated_one(const Figure& f, std::uint32_t ve, std::uint32_t end) const;
  std::vector<Figure> figures_in(const Sentence& s, bool& zero, std::uint32_t& first) const;
  std::string side_word(int side) const;
  std::string sided_victims(const Figure& f, int claimant) const;

  // A figure node already emitted, for figures that continue it in the next sentence.
  struct FigureOut {
    std::string iri;
    std::string key;  // victim_key of its victims
    std::set<std::string> slots;
    std::uint32_t sentence = 0;  // where its figure was stated
  };
  std::string victim_key(const std::string& victims) const;
  bool breakdown_at(std::uint32_t pos) const;
  bool unknown_amount(std::uint32_t at, std::uint32_t end) const;
  bool age_at(std::uint32_t at) const;
  std::uint32_t restated_victims_end(const Sentence& s, std::uint32_t at, std::uint32_t len) const;
  bool has_copula(std::uint32_t begin, std::uint32_t end) const;
  std::string antecedent_plural(const Sentence& s, std::uint32_t at) const;
  const FigureOut* continued(std::uint32_t si, int claimant, const Figure& f) const;
  bool refers_back(const std::string& victims, std::string_view kind = "back") const;
  bool arrest_as_captured(Figure& f) const;
  void note_opening_person(const Sentence& s, const std::vector<Mention>& ms);
  bool continues(std::uint32_t si, int claimant, const Figure& f) const;
  bool continue_figure(std::uint32_t si, int claimant, const Figure& f);
  void add_figure(const std::string& claim, int claimant, const Figure& f, int& k,
                  std::vector<FigureOut>& outs);
  bool names_forces(const std::string& victims) const;
  bool extends_last_claim(std::uint32_t si, const Sentence& s, const std::vector<Mention>& ms,
                          const std::vector<Figure>& figures, std::uint32_t first) const;
  int speaker_before(std::uint32_t si, const Sentence& s, const std::vector<Mention>& ms,
                     const std::vector<Figure>& figures, std::uint32_t first) const;
  bool own_losses(const Sentence& s, const std::vector<Mention>& ms,
                  const std::vector<Figure>& figures, std::uint32_t first) const;
  static bool is_word_in(const Lexicon& lex, const std::vector<Token>& toks, std::size_t i);

  // Defined in claim_statements.cpp.
  std::string add_claim(std::uint32_t si, const std::string& type, int claimant, int target,
                        const Sentence& s, std::uint32_t cue_end);
  int charged_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to, int claimant,
                 bool subject = false);
  int accused_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                 int claimant);
  bool own_attack_in(std::uint32_t from, std::uint32_t to) const;
  void claims_in(std::uint32_t si, const std::vector<Mention>& ms);
  int reporter_of_unknown_subject(const Sentence& s, const std::vector<Mention>& ms,
                                  const std::vector<Cue>& cues,
                                  const std::vector<std::pair<Cue, int>>& resolved,
                                  const Cue& cue) const;
  bool rejects_proposal(const Sentence& s, std::uint32_t cue, std::uint32_t len) const;
  bool names_as(std::uint32_t from, std::uint32_t stop) const;
  void outlet_count_cues(const Sentence& s, const std::vector<Mention>& ms, std::vector<Cue>& cues);
  bool proxy_speaker(const Sentence& s, const std::vector<Mention>& ms, int who,
                     std::uint32_t cue_begin) const;
  const ClaimOut* continued_claim(std::uint32_t si, int claimant) const;
  void quotes_for(std::uint32_t si, const ClaimOut& c);

  // Defined in claim_mediation_sides.cpp.
  // ---------------------------------------------------------------- mediation
  std::vector<int> name_list(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t end,
                             std::uint32_t* list_end = nullptr) const;
  int described_mediator(const std::vector<Mention>& ms, std::uint32_t cb, std::uint32_t at);
  std::vector<int> relative_antecedent(const Sentence& s, const std::vector<Mention>& ms,
                                       std::uint32_t at) const;
  int actor_named(const std::string& name) const;
  int country_for_prefix(std::string_view prefix, bool demonym_only = false);
  int officials_state(const std::vector<Mention>& ms, std::uint32_t at, std::uint32_t end,
                      std::uint32_t* phrase_end = nullptr);
  int state_of_members(std::uint32_t i, std::uint32_t end);
  std::vector<int> role_mediator(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t at) const;
  std::vector<int> two_groups(std::uint32_t b, std::uint32_t e) const;
  // "between them", "between the warring parties": the sides of the last "between A and B"
  // of an earlier sentence (note_between), else none.
  std::vector<int> referenced_sides(std::uint32_t b, std::uint32_t e);
  std::vector<int> last_between_sides();
  void note_between(std::uint32_t si, const std::vector<Mention>& ms);
  std::vector<int> unnamed_sides(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t from, std::uint32_t to);
  int reporting_speaker(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at);
  std::uint32_t side_holders_end(std::uint32_t with) const;
  std::vector<int> subject_sides(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t from, std::uint32_t to);
  int modifier_side(const std::vector<Mention>& ms, std::uint32_t at, bool described);
  std::vector<int> with_sides(const Sentence& s, const std::vector<Mention>& ms,
                              const std::vector<int>& mediators);
  void sides_between(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t k,
                     std::vector<int>& into);
  std::vector<int> place_named_deal_sides(std::uint32_t si, const std::vector<Mention>& ms);

  // Defined in claim_mediations.cpp.
  void mediations_in(std::uint32_t si, const std::vector<Mention>& ms);
  void add_mediation(std::uint32_t si, const std::vector<int>& meds,
                     const std::vector<int>& parties, const std::string& status,
                     const std::string& object, bool conditional, bool hedged, int venue);

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
  std::string graph_local_;  // local_name(graph_), for node()
  std::string doc_;
  NormalizedText norm_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  // code_points_before()'s table: the code points of article_.text before each 64-byte block
  // (made on the first call).
  mutable std::vector<std::uint32_t> cp_blocks_;
  std::vector<std::uint64_t> lexicon_starts_;  // per token: Resources::lexicon_starts.mask()
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> by_iri_;
  // The sentence nodes stage 1 wrote: by IRI (read from its quads) or by sentence (handed over).
  std::unordered_set<std::string> stage1_sentence_iris_;
  std::vector<bool> stage1_sentences_;
  std::unordered_set<std::string> emitted_sentences_;
  std::vector<std::string> sentence_iris_;  // sentence_iri() by sentence, "" until asked
  std::vector<int> new_entities_;
  std::vector<int> main_parties_;
  std::map<int, int> place_weight_;  // per state: evidence of the places named inside it
  std::set<int> mediators_seen_;     // mediators of this article's mediations so far
  std::set<int> mediating_states_;   // the states among them (named as mediators themselves)
  PhraseIndex index_;
  KeyHashFilter name_starts_;  // the first keys of index_'s names, for find_mentions
  std::vector<ClaimOut> history_;
  // The figure nodes of the last casualty claim, for figures that continue it in the next
  // sentence (continue_figure).
  std::uint32_t last_casualty_sentence_ = 0;
  int last_casualty_claimant_ = -1;
  std::vector<FigureOut> last_figures_;
  std::uint32_t claims_sentence_ = 0;  // the sentence claims_in reads
  std::string last_casualty_iri_;      // the last casualty claim, which a next sentence may extend
  int last_figure_count_ = 0;          // its figure nodes so far
  bool toll_sentence_ = false;         // the sentence being read gives casualty figures
  bool specific_sentence_ = false;     // ... holds a cue more specific than a statement
  // The head noun of the last described speaker ("source", "official") and whom it named, with
  // the sentence: "the source said" a sentence or two later refers back to it.
  std::string described_head_;
  std::map<std::string, std::pair<int, std::uint32_t>> described_by_head_;
  std::vector<int> coordinated_;            // other speakers of the last described_speaker call
  std::map<int, std::uint32_t> last_seen_;  // entity -> first token of its latest mention
  std::vector<int> last_two_groups_;        // the groups "the two groups" stood for last
  // The last "between A and B" of an earlier sentence that names a side: its sentence, the
  // token of "between" and the sentence's mentions (resolved only when a reference asks).
  struct LastBetween {
    bool set = false;
    std::uint32_t si = 0;
    std::uint32_t k = 0;
    std::vector<Mention> ms;
  };
  LastBetween last_between_;
  bool resolving_reference_ = false;
  int dateline_state_ = -1;
  std::uint32_t dateline_end_ = 0;            // first token after the opening dateline and its dash
  std::uint32_t current_sentence_begin_ = 0;  // first token of the sentence being read // the
                                              // country of the dateline's place
  std::map<int, std::set<std::string>> descriptors_;          // entity -> apposition body nouns
  std::unordered_map<int, std::set<std::string>> name_keys_;  // entity -> folded name words
  // state_opening of each entity's label, for side_of, which asks about the same entities
  // again and again; refilled when entities join (a new place changes the answers).
  mutable std::vector<int> state_opening_of_;
  mutable std::size_t state_opening_entities_ = 0;  // entities_.size() when it was filled
  mutable std::vector<int> own_government_of_;      // the same for own_government
  mutable std::size_t own_government_entities_ = 0;
  mutable std::vector<int> country_of_;          // and for country_of (kCountryNotFound: not
  mutable std::size_t country_of_entities_ = 0;  // asked yet)
  static constexpr int kCountryNotFound = -2;
  int last_person_ = -1;
  int last_group_ = -1;
  LaterSource later_source_;  // later_named_source of the sentence after the one being read
  std::size_t counter_ = 0;
  Stage2Stats stats_;
};

}  // namespace claims
}  // namespace ng::extract
