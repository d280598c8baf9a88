// ArticleRun: stage 1's entities, their index and mentions, and which side each stands on.

#include <algorithm>
#include <cctype>

#include "extract/claim_run.hpp"

namespace ng::extract::claims {

void ArticleRun::read_entities(const rdf::QuadBuffer& quads) {
  adopt_entities(read_stage1_entities(quads, graph_, doc_));
}

void ArticleRun::adopt_entities(Stage1Entities&& stage1) {
  // An article has ~50 entities (a300): room for them up front, not moved as the vector grows.
  entities_.reserve(64);
  for (Stage1Entity& from : stage1.entities) {
    Entity& e = entities_.emplace_back();
    e.iri = std::move(from.iri);
    e.cls = std::move(from.cls);
    e.label = std::move(from.label);
    e.alts = std::move(from.alts);
    e.represents = std::move(from.represents);
    e.affiliation = std::move(from.affiliation);
    e.part_of = std::move(from.part_of);
    e.evidence = from.evidence;
    e.actor = from.mentioned_actor || e.country();
    by_iri_[e.iri] = static_cast<int>(entities_.size() - 1);
  }
  stage1_sentence_iris_ = std::move(stage1.sentence_iris);
  stage1_sentences_ = std::move(stage1.sentence_written);
}

int ArticleRun::entity_by_iri(const std::string& iri) const {
  auto it = by_iri_.find(iri);
  return it == by_iri_.end() ? -1 : it->second;
}

// The country an entity stands for: itself, what it represents, or the country of a capital.
// Remembered per entity (as_actor and agentive ask it of the same entities again and again);
// found again once entities join, as a new entity may be what one represents.
int ArticleRun::country_of(int e) const {
  if (e < 0) return -1;
  if (country_of_entities_ != entities_.size()) {
    country_of_.assign(entities_.size(), kCountryNotFound);
    country_of_entities_ = entities_.size();
  }
  int& country = country_of_[static_cast<std::size_t>(e)];
  if (country == kCountryNotFound) country = find_country_of(e);
  return country;
}

int ArticleRun::find_country_of(int e) const {
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
bool ArticleRun::capitalised_person(int e) const {
  const Entity& en = entities_[static_cast<std::size_t>(e)];
  return en.person() && !en.label.empty() && std::isupper(static_cast<unsigned char>(en.label[0]));
}

// May this entity speak, accuse or mediate (an actor, or a capital used for its state)?
bool ArticleRun::agentive(int e) const {
  const Entity& en = entities_[static_cast<std::size_t>(e)];
  if (en.actor && en.cls != "City" && en.cls != "Province") return true;
  return en.cls == "City" && country_of(e) >= 0;
}

// The node a claim or mediation names: a capital stands for its country.
int ArticleRun::as_actor(int e) const {
  if (e < 0) return e;
  return entities_[static_cast<std::size_t>(e)].cls == "City" ? country_of(e) : e;
}

void ArticleRun::add_name(std::vector<std::string> keys, std::uint32_t entity) {
  name_starts_.add(hash_key(keys.front()));
  index_.add(std::move(keys), entity);
}

void ArticleRun::build_index() {
  std::map<std::string, std::set<int>> surnames;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (e.label.empty()) continue;
    for (const std::string& n : e.alts) {
      std::vector<std::string> keys = phrase_keys(n, res_.abbreviations);
      if (!keys.empty()) add_name(std::move(keys), static_cast<std::uint32_t>(i));
    }
    // The label's keys, made once: a person's surnames are read from them too.
    const std::vector<std::string> keys = phrase_keys(e.label, res_.abbreviations);
    if (!keys.empty()) add_name(keys, static_cast<std::uint32_t>(i));
    if (e.person()) {
      if (keys.size() >= 2 && keys.back().size() >= 3) surnames[keys.back()].insert(int(i));
      // "General X Cirillo Y ... Cirillo told reporters": in a name of three words, the
      // middle one alone is the surname too (Spanish double surnames, East African names).
      if (keys.size() == 3 && keys[1].size() >= 4) surnames[keys[1]].insert(int(i));
      // "Abdel Fattah al-Burhan" is "Burhan" alone too: a surname that opens with a short
      // lower-case article joined by a hyphen ("al-", "el-") is also known without it.
      const std::size_t space = e.label.rfind(' ');
      const std::string last = space == std::string::npos ? e.label : e.label.substr(space + 1);
      const std::size_t dash = last.find('-');
      if (keys.size() >= 2 && !last.empty() && last.front() >= 'a' && last.front() <= 'z' &&
          dash != std::string::npos && dash <= 3 && last.size() >= dash + 4) {
        const std::vector<std::string> rest =
            phrase_keys(last.substr(dash + 1), res_.abbreviations);
        if (rest.size() == 1) surnames[rest.front()].insert(int(i));
      }
    }
  }
  // A state's capital names the state when stage 1 did not keep it as a place
  // ("accused Lisbon of ...").
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (!e.country()) continue;
    const std::string gn = local_name(e.iri);
    if (gn.rfind("gn-", 0) != 0) continue;
    auto it = res_.capital_name.find(gn.substr(3));
    if (it == res_.capital_name.end()) continue;
    std::vector<std::string> keys = phrase_keys(it->second, res_.abbreviations);
    if (!keys.empty()) add_name(std::move(keys), static_cast<std::uint32_t>(i));
  }
  // A surname alone names a person only when no other person in the article shares it.
  for (const auto& [key, who] : surnames) {
    if (who.size() == 1) add_name({key}, static_cast<std::uint32_t>(*who.begin()));
  }
}

std::vector<Mention> ArticleRun::find_mentions(const Sentence& s) const {
  std::vector<Mention> out;
  std::vector<PhraseIndex::Match> m;
  for (std::uint32_t i = s.first_token; i < s.last_token;) {
    // (No name starts with this key: match() would find nothing.)
    if (!name_starts_.may_contain(key_hash_of(tokens_[i]))) {
      ++i;
      continue;
    }
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
void ArticleRun::find_main_parties() {
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
  // Where the article's places lie (a town, its province, up to three steps of partOf): the
  // state whose "government" an undated-line report means.
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& en = entities_[i];
    if (en.actor || en.country()) continue;
    int at = entity_by_iri(en.part_of);
    for (int step = 0; step < 3 && at >= 0 && !entities_[static_cast<std::size_t>(at)].country();
         ++step) {
      at = entity_by_iri(entities_[static_cast<std::size_t>(at)].part_of);
    }
    if (at >= 0 && entities_[static_cast<std::size_t>(at)].country()) {
      place_weight_[at] += std::max(1, en.evidence);
    }
  }
}

// The two main sides, leaving out the mediators.
std::vector<int> ArticleRun::context_parties(const std::vector<int>& mediators) const {
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

int ArticleRun::mention_at(const std::vector<Mention>& ms, std::uint32_t i) const {
  for (const Mention& m : ms) {
    if (m.begin == i && agentive(m.entity)) return m.entity;
  }
  return -1;
}

// The side an actor stands for: its state (country_of), the side of its affiliation, or an
// armed group itself; -1 for none. A group whose name opens the name of a body standing for
// a state ("X" and "X government") is on that state's side.
int ArticleRun::side_of(int e, int depth) const {
  if (e < 0) return -1;
  const int c = country_of(e);
  if (c >= 0) return c;
  const Entity& en = entities_[static_cast<std::size_t>(e)];
  if (!en.affiliation.empty() && depth < 3) {
    const int a = side_of(entity_by_iri(en.affiliation), depth + 1);
    if (a >= 0) return a;
  }
  if (en.cls != "ArmedGroup") {
    // "Lisbon's foreign ministry"; but the "Ugandan rebels" fight Uganda.
    const int named = state_opening_of(e);
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
// "the foreign ministry said", a bare body of stage 1, after "Uganda's foreign ministry":
// the body named earlier whose label ends in the same words (the latest one), else `e`.
int ArticleRun::named_body(int e) const {
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

bool ArticleRun::bare_state_body(const std::string& label) const {
  if (label.empty() || !(label.front() >= 'a' && label.front() <= 'z')) return false;
  const std::vector<std::string> keys = phrase_keys(label, res_.abbreviations);
  if (keys.empty()) return false;
  const std::string kind = body_kind_of(keys.back());
  return kind == "body" || kind == "state";
}

// The state whose name, demonym or capital opens a name ("Lisbon's foreign ministry",
// "Kenyan police"), if the article has it; else -1.
int ArticleRun::state_opening(const std::string& label) const {
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

int ArticleRun::state_opening_of(int e) const {
  constexpr int kUnknown = -2;
  if (state_opening_entities_ != entities_.size()) {
    state_opening_of_.assign(entities_.size(), kUnknown);
    state_opening_entities_ = entities_.size();
  }
  int& known = state_opening_of_[static_cast<std::size_t>(e)];
  if (known == kUnknown) known = state_opening(entities_[static_cast<std::size_t>(e)].label);
  return known;
}

// For a claimant on one of the article's two main sides, the other one; else -1.
int ArticleRun::other_side(int claimant) const {
  const int side = side_of(claimant);
  const std::vector<int> two = context_parties({});
  if (side < 0 || two.size() != 2) return -1;
  return two[0] == side ? two[1] : two[1] == side ? two[0] : -1;
}

// The first actor in [from, to) that is not on the claimant's side (nor the claimant, nor a
// news outlet).
int ArticleRun::first_opponent_in(const std::vector<Mention>& ms, std::uint32_t from,
                                  std::uint32_t to, int claimant, bool quoted_only) const {
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

int ArticleRun::first_mention_after(const std::vector<Mention>& ms, std::uint32_t from,
                                    std::uint32_t to, int not_this) const {
  for (const Mention& m : ms) {
    if (m.begin >= from && m.begin < to && !m.in_quote && agentive(m.entity) &&
        as_actor(m.entity) != not_this) {
      return m.entity;
    }
  }
  return -1;
}

}  // namespace ng::extract::claims
