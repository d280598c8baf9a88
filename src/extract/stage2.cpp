#include "extract/stage2.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "extract/claim_run.hpp"
#include "extract/code_points.hpp"
#include "extract/filed_dateline.hpp"

namespace ng::extract {
namespace {

void collect_lexicons(const PatternNode& n, std::set<int>& ids) {
  for (const TokenTest& t : n.tests) {
    if (t.kind == TokenTest::Kind::Lexicon) ids.insert(t.id);
  }
  for (const PatternNode& c : n.children) collect_lexicons(c, ids);
}

// True when a rule can only start at a word of its first tests (plain literals), which go
// into `words`; may_start_at answers the same as a lookup in `words` for such a rule.
bool starts_with_word(const Rule& rule, std::unordered_set<std::string>& words) {
  if (rule.first_any) return false;
  for (const TokenTest& t : rule.first) {
    const bool word = t.kind == TokenTest::Kind::Literal && !t.negated &&
                      !(!t.value.empty() && t.value.front() == '*');
    if (!word) return false;
  }
  for (const TokenTest& t : rule.first) words.insert(t.value);
  return true;
}

// The lexicons that ArticleRun::matches() asks, for LexiconStarts.
std::vector<Lexicon*> matched_lexicons(ClaimStage::Resources& r) {
  return {&r.claim_cues,
          &r.casualty,
          &r.counted,
          &r.zero,
          &r.none_words,
          &r.status,
          &r.media,
          &r.pronouns,
          &r.breaks,
          &r.aux,
          &r.figure_links,
          &r.locative,
          &r.source_nouns,
          &r.witness_nouns,
          &r.anonymity_words,
          &r.body_nouns,
          &r.body_descriptors,
          &r.attack_verbs,
          &r.own_attack_verbs,
          &r.threat_phrases,
          &r.threat_verbs,
          &r.naming,
          &r.charges,
          &r.denial_phrases,
          &r.record_nouns,
          &r.outlet_counts,
          &r.proposal_nouns,
          &r.subject_links,
          &r.year_preps,
          &r.victim_asides,
          &r.casualty_nouns,
          &r.victim_stops,
          &r.state_members,
          &r.defence_phrases,
          &r.back_victims,
          &r.force_victims,
          &r.possessives,
          &r.person_possessives,
          &r.proxy_nouns,
          &r.delegation_nouns,
          &r.attacker_nouns,
          &r.killers,
          &r.numbers,
          &r.time_words,
          &r.med_triggers,
          &r.med_modifiers,
          &r.med_objects,
          &r.med_processes,
          &r.med_companions,
          &r.med_requests,
          &r.med_ending_verbs,
          &r.med_side_quantifiers,
          &r.med_party_nouns,
          &r.titles,
          &r.title_modifiers,
          &r.object_preps};
}

}  // namespace

Stage2Stats& Stage2Stats::operator+=(const Stage2Stats& o) {
  claims += o.claims;
  casualty_figures += o.casualty_figures;
  mediations += o.mediations;
  return *this;
}

ClaimStage::ClaimStage(const ResourcePaths& paths) : res_(std::make_unique<Resources>()) {
  Resources& r = *res_;
  const std::string abbreviations = read_resource_file(paths.lexicon_dir + "/abbreviations.txt");
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
  r.person_possessives = load("claim_person_possessives");
  r.proxy_nouns = load("claim_proxy_nouns");
  r.delegation_nouns = load("delegation_nouns");
  r.attacker_nouns = load("claim_attacker_nouns");
  r.killers = load("claim_killer_pronouns");
  r.figure_links = load("claim_figure_links");
  r.counted = load("claim_counted_objects");
  r.zero = load("claim_zero");
  r.zero_results = load("claim_zero_results");
  r.none_words = load("claim_none_words");
  r.status = load("claim_status");
  r.media = load("claim_media");
  r.pronouns = load("claim_pronouns");
  r.breaks = load("claim_clause_breaks");
  r.aux = load("claim_aux");
  r.source_nouns = load("claim_source_nouns");
  r.witness_nouns = load("claim_witness_nouns");
  r.anonymity_words = load("claim_anonymity_words");
  r.body_nouns = load("claim_body_nouns");
  r.body_descriptors = load("claim_body_descriptors");
  r.attack_verbs = load("claim_attack_verbs");
  r.own_attack_verbs = load("claim_own_attack_verbs");
  r.own_group_nouns = load("claim_own_group_nouns");
  r.threat_phrases = load("claim_threat_phrases");
  r.threat_verbs = load("claim_threat_verbs");
  r.naming = load("claim_naming");
  r.as_fillers = load("claim_as_fillers");
  r.charges = load("claim_charge_words");
  r.denial_phrases = load("claim_denial_phrases");
  r.record_nouns = load("claim_record_nouns");
  r.outlet_counts = load("claim_outlet_counts");
  r.proposal_nouns = load("claim_proposal_nouns");
  r.subject_links = load("claim_subject_links");
  r.victim_asides = load("claim_victim_asides");
  r.casualty_nouns = load("claim_casualty_nouns");
  r.year_preps = load("claim_year_preps");
  r.locative = load("claim_locative");
  r.victim_stops = load("claim_victim_stops");
  r.state_members = load("claim_state_members");
  r.defence_phrases = load("claim_defence_phrases");
  r.back_victims = load("claim_back_victims");
  r.arrest_victims = load("claim_arrest_victims");
  r.force_victims = load("claim_force_victims");
  r.numbers = load("numbers");
  r.time_words = load("time_words");
  r.med_triggers = load("mediation_triggers");
  r.med_modifiers = load("mediation_modifiers");
  r.med_objects = load("mediation_objects");
  r.med_processes = load("mediation_processes");
  r.med_companions = load("mediation_companions");
  r.med_requests = load("mediation_requests");
  r.med_ending_verbs = load("mediation_ending_verbs");
  r.med_side_quantifiers = load("mediation_side_quantifiers");
  r.med_party_nouns = load("mediation_party_nouns");
  r.med_side_references = load("mediation_side_references");
  r.med_described = load("mediation_described_mediators");
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
  // The adjectives that the gazetteer's demonyms lack ("Tajik", "Philippine"), as in stage 1:
  // "Tajik troops opened fire" accuses Tajikistan.
  const Lexicon adjectives = load("demonym_aliases");
  for (std::uint32_t row = 0; row < adjectives.rows(); ++row) {
    auto country = r.gazetteer.country(std::string(adjectives.get(row, "iso2")));
    if (!country) continue;
    for (std::string_view spelling : split(adjectives.get(row, "phrase"), '|')) {
      r.gazetteer.add_demonym(phrase_keys(spelling, r.abbreviations), *country);
    }
  }
  for (std::uint32_t i = 0; i < r.gazetteer.size(); ++i) {
    const Place& p = r.gazetteer.place(i);
    if (p.kind == PlaceKind::Country && !p.capital_id.empty()) r.capital_country[p.capital_id] = i;
    if (p.kind == PlaceKind::Country && !p.demonym.empty()) r.demonym[p.geonames_id] = p.demonym;
  }
  // The place of each capital's id (the last place with that id), found in one pass over the
  // ~45k places: an index of every id cost ~13M instructions per run for ~250 capitals.
  std::unordered_map<std::string_view, std::uint32_t> capital_place;
  for (std::uint32_t i = 0; i < r.gazetteer.size(); ++i) {
    const std::string& id = r.gazetteer.place(i).geonames_id;
    if (r.capital_country.count(id)) capital_place[id] = i;
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
      for (Rule& rule : parse_rules(read_resource_file(f.string()), f.string(), vocabulary)) {
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
  for (const Rule& rule : r.rules) {
    r.rule_starts_with_word.push_back(starts_with_word(rule, r.rule_first_words));
  }
  const std::vector<Lexicon*> matched = matched_lexicons(r);
  r.lexicon_starts = claims::LexiconStarts({matched.begin(), matched.end()}, r.abbreviations);
  for (Lexicon* lex : matched) lex->set_starts_bit(r.lexicon_starts.bit_of(*lex));
  r.rule_first_words_bit = r.lexicon_starts.add_words(r.rule_first_words);
  for (const auto& [capital, country] : r.capital_country) {
    auto it = capital_place.find(capital);
    if (it != capital_place.end()) {
      r.capital_name[r.gazetteer.place(country).geonames_id] = r.gazetteer.place(it->second).name;
    }
  }
}

ClaimStage::~ClaimStage() = default;

namespace {

// The owning quads' entry points read them through a buffer, as ingest hands them over.
rdf::QuadBuffer buffer_of(const std::vector<rdf::Quad>& quads) {
  rdf::QuadBuffer buffer;
  for (const rdf::Quad& q : quads) buffer.add(q);
  return buffer;
}

}  // namespace

Stage2Stats ClaimStage::extract(const Article& article, const std::vector<rdf::Quad>& stage1,
                                QuadSink& sink) const {
  claims::ArticleRun run(*res_, article, buffer_of(stage1), sink, nullptr);
  return run.run();
}

Stage2Stats ClaimStage::extract(const Article& article, const std::vector<rdf::Quad>& stage1,
                                QuadSink& sink, TextAnalysis&& text) const {
  return extract(article, buffer_of(stage1), sink, std::move(text));
}

Stage2Stats ClaimStage::extract(const Article& article, const rdf::QuadBuffer& stage1,
                                QuadSink& sink, TextAnalysis&& text) const {
  claims::ArticleRun run(*res_, article, stage1, sink, &text);
  return run.run();
}

namespace claims {

ArticleRun::ArticleRun(const ClaimStage::Resources& res, const Article& article,
                       const rdf::QuadBuffer& stage1, QuadSink& sink, TextAnalysis* text)
    : res_(res), article_(article), sink_(sink) {
  graph_ = graph_iri(article.id);
  graph_local_ = local_name(graph_);
  doc_ = article_iri(article.id);
  const bool same_text =
      text && text->abbreviations &&
      (text->abbreviations == &res.abbreviations || *text->abbreviations == res.abbreviations);
  // Stage 1's entities as it handed them over, else as its quads state them.
  if (same_text && text->entities.filled &&
      text->entities.sentence_written.size() == text->sentences.size()) {
    adopt_entities(std::move(text->entities));
  } else {
    read_entities(stage1);
  }
  if (same_text) {
    norm_ = std::move(text->norm);
    tokens_ = std::move(text->tokens);
    sentences_ = std::move(text->sentences);
  } else {
    norm_ = normalize_text(article.text);
    tokens_ = tokenize(norm_.text, res.abbreviations);
    sentences_ = split_sentences(norm_.text, tokens_, res.abbreviations);
  }
  lexicon_starts_.reserve(tokens_.size());
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    lexicon_starts_.push_back(res.lexicon_starts.mask(tokens_, i));
  }
  build_index();
  find_main_parties();
}

Stage2Stats ArticleRun::run() {
  // The opening dateline ("ABIDJAN, Ivory Coast (AFP) -") says where the report was filed:
  // its names speak for nobody.
  const Dateline dateline = find_dateline(tokens_);
  const Dateline filed = dateline.end > dateline.begin ? dateline : find_filed_dateline(tokens_);
  if (filed.end > filed.begin) dateline_end_ = filed.end + 1;
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
    later_source_ = si + 1 < sentences_.size() ? later_named_source(sentences_[si + 1], all[si + 1])
                                               : LaterSource{};
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
  // A sentence that named no side at all ("Y offered to host talks between the two sides")
  // takes, before the article's two main states, the sides of the nearest mediation before it
  // that named both ("A and B agreed to keep talking under a Z moderator").
  for (PendingMediation& p : pending_) {
    if (p.explicit_parties || (!p.no_parties && p.parties.size() >= 2 && p.named_side < 0)) {
      continue;
    }
    const PendingMediation* same = nullptr;
    const PendingMediation* any = nullptr;
    const PendingMediation* before = nullptr;
    for (const PendingMediation& q : pending_) {
      // A past mediation recalled in a relative clause gives no sides to later ones.
      if (!q.explicit_parties || q.recalled) continue;
      if (!same && q.meds == p.meds) same = &q;
      if (!any) any = &q;
      if (q.si < p.si) before = &q;
    }
    const bool keeps_named =
        same && (p.named_side < 0 || std::find(same->parties.begin(), same->parties.end(),
                                               p.named_side) != same->parties.end());
    if (p.named_side >= 0 && p.parties.size() >= 2 && !keeps_named) continue;
    if (same && (keeps_named || p.parties.size() < 2)) {
      p.parties = same->parties;
    } else if (p.parties.size() < 2 && any) {
      p.parties = any->parties;
    } else if (p.no_parties && before) {
      p.parties = before->parties;
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

// Views to the sink: no Term is built for a quad (a sink that keeps it copies the bytes).
void ArticleRun::emit(std::string_view s, std::string_view p, const rdf::TermView& o) {
  sink_.add(rdf::QuadRef{{rdf::TermKind::Iri, s, {}, {}},
                         {rdf::TermKind::Iri, p, {}, {}},
                         o,
                         rdf::TermView{rdf::TermKind::Iri, graph_, {}, {}}});
}

void ArticleRun::emit(std::string_view s, std::string_view p, const rdf::Term& o) {
  emit(s, p, o.view());
}

void ArticleRun::iri(std::string_view s, std::string_view p, std::string_view o) {
  emit(s, p, rdf::TermView{rdf::TermKind::Iri, o, {}, {}});
}

void ArticleRun::lit(std::string_view s, std::string_view p, std::string_view v,
                     std::string_view dt) {
  // The normal form of Term::literal: xsd:string is no datatype.
  if (dt == vocab::kXsdString) dt = {};
  emit(s, p, rdf::TermView{rdf::TermKind::Literal, v, dt, {}});
}

void ArticleRun::amount(std::string_view s, std::string_view p, std::string_view v) {
  const bool digits =
      !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  // Integers typed; vague amounts ("dozens") kept as the word.
  lit(s, p, v, digits ? vocab::kXsdNonNegativeInteger : std::string_view{});
}

const std::string& ArticleRun::sentence_iri(std::uint32_t si) {
  // Built once per sentence: every claim and mediation of the sentence names it.
  if (sentence_iris_.size() != sentences_.size()) sentence_iris_.resize(sentences_.size());
  std::string& iri_text = sentence_iris_[si];
  if (!iri_text.empty()) return iri_text;
  const Sentence& s = sentences_[si];
  const std::size_t b = norm_.original_offset(s.begin);
  const std::size_t e = norm_.original_offset(s.end);
  const std::uint32_t cb = code_points_before(b);
  const std::uint32_t ce = code_points_before(e);
  iri_text = doc_ + "#char=" + std::to_string(cb) + "," + std::to_string(ce);
  if (!stage1_wrote_sentence(si, iri_text) && emitted_sentences_.insert(iri_text).second) {
    iri(iri_text, iris::kType, iris::kSentence);
    iri(iri_text, iris::kReferenceContext, doc_);
    lit(iri_text, iris::kBeginIndex, std::to_string(cb), vocab::kXsdNonNegativeInteger);
    lit(iri_text, iris::kEndIndex, std::to_string(ce), vocab::kXsdNonNegativeInteger);
    lit(iri_text, iris::kAnchorOf, std::string_view(article_.text).substr(b, e - b));
  }
  return iri_text;
}

bool ArticleRun::stage1_wrote_sentence(std::uint32_t si, const std::string& iri) const {
  if (stage1_sentences_.empty()) return stage1_sentence_iris_.count(iri) > 0;
  if (stage1_sentences_[si]) return true;
  // Another sentence written with the same bounds has the same IRI (an empty one could).
  const auto bounds = [&](std::uint32_t k) {
    const Sentence& s = sentences_[k];
    return std::pair(code_points_before(norm_.original_offset(s.begin)),
                     code_points_before(norm_.original_offset(s.end)));
  };
  const auto own = bounds(si);
  for (std::uint32_t k = 0; k < stage1_sentences_.size(); ++k) {
    if (stage1_sentences_[k] && k != si && bounds(k) == own) return true;
  }
  return false;
}

std::uint32_t ArticleRun::code_points_before(std::size_t b) const {
  constexpr std::size_t kBlock = 64;
  const std::string& text = article_.text;
  if (cp_blocks_.empty()) {
    cp_blocks_.reserve(text.size() / kBlock + 1);
    std::uint32_t n = 0;
    for (std::size_t j = 0; j <= text.size() / kBlock; ++j) {
      cp_blocks_.push_back(n);
      if ((j + 1) * kBlock <= text.size()) n += code_point_starts(text.data() + j * kBlock, kBlock);
    }
  }
  const std::size_t j = b / kBlock;
  return cp_blocks_[j] + code_point_starts(text.data() + j * kBlock, b - j * kBlock);
}

std::string ArticleRun::span_text(std::uint32_t tb, std::uint32_t te) const {
  if (tb >= te) return {};
  const std::size_t b = norm_.original_offset(tokens_[tb].begin);
  const std::size_t e = norm_.original_offset(tokens_[te - 1].end);
  return article_.text.substr(b, e - b);
}

std::string ArticleRun::node(std::string_view kind) {
  // Appended into one buffer of the right size (a node per claim and mediation).
  const std::string number = std::to_string(++counter_);
  std::string out;
  out.reserve(vocab::kNgId.size() + kind.size() + graph_local_.size() + number.size() + 2);
  out.append(vocab::kNgId).append(kind).append("/").append(graph_local_).append("/");
  out.append(number);
  return out;
}

}  // namespace claims
}  // namespace ng::extract
