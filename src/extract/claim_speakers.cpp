// ArticleRun: who makes a claim (claimant_for) and the described/appositive/body speakers.

#include <algorithm>

#include "extract/claim_run.hpp"

namespace ng::extract::claims {

namespace {

// "speaking", "citing": a lower-case present participle opening an aside set off by commas.
bool aside_participle(const Token& t) {
  return t.kind == TokenKind::Word && !t.is(kCapitalized) && t.key.size() > 5 &&
         t.key.compare(t.key.size() - 3, 3, "ing") == 0;
}

}  // namespace

// Whom a claim is against or addressed to when the words after its cue name nobody, or name
// the claimant's own side: an accusation, threat or offer by one side of the conflict is
// addressed to the other; an offer by an outsider to the main side; a statement to the first
// actor of another side named after its cue or quoted before it, else (for a side) to the other
// side. A denial's
// target is set later from the claim it denies (claims_in), the other side only failing that.
int ArticleRun::fallback_target(const std::string& type, int who, int target,
                                const std::vector<Mention>& ms, const Sentence& s,
                                const Cue& cue) const {
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

int ArticleRun::claimant_for(const Sentence& s, const std::vector<Mention>& ms, const Cue& cue) {
  if (cue.voice == Voice::Active && zero_relative_cue(s, cue.begin)) return -1;
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
    // "according to figures presented to the parties by X", "according to data released by
    // X": a record (claim_record_nouns.tsv) given by the name after "by".
    if (from < s.last_token && is_word(res_.record_nouns, from, from + 1)) {
      for (std::uint32_t k = from + 1; k + 1 < s.last_token && k < from + 8; ++k) {
        if (tokens_[k].kind == TokenKind::Punct) break;
        if (tokens_[k].key != "by" && tokens_[k].key != "from") continue;
        const int by = mention_at(ms, k + (tokens_[k + 1].key == "the" ? 2 : 1));
        if (by >= 0) return by;
        // ("information received from the authorities of X": the name after a source noun
        // and "of".)
        const std::uint32_t head = k + (tokens_[k + 1].key == "the" ? 2 : 1);
        if (head + 2 < s.last_token && is_word(res_.source_nouns, head, head + 1) &&
            tokens_[head + 1].key == "of") {
          const int owner = mention_at(ms, head + (tokens_[head + 2].key == "the" ? 3 : 2));
          if (owner >= 0) return owner;
        }
        break;
      }
    }
    // "according to the governor of X province, Y": the person the description introduces.
    for (const Mention& m : ms) {
      if (m.begin <= from + 1 || m.begin > from + 12 || tokens_[m.begin - 1].key != "," ||
          !entities_[static_cast<std::size_t>(m.entity)].person()) {
        continue;
      }
      bool plain = tokens_[from].kind == TokenKind::Word && !tokens_[from].is(kCapitalized);
      for (std::uint32_t k = from; plain && k + 1 < m.begin; ++k) {
        plain = tokens_[k].kind == TokenKind::Word || tokens_[k].key == "'s";
      }
      if (plain) return m.entity;
      break;
    }
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
      // ("hideouts of the X Front (XF) and denied": an abbreviation in brackets after the
      // object of a preposition is that object too.)
      const bool bracketed_object = m.begin > s.first_token && tokens_[m.begin - 1].key == "(" &&
                                    std::any_of(ms.begin(), ms.end(), [&](const Mention& p) {
                                      return p.end + 1 == m.begin && object_of_preposition(s, p);
                                    });
      if (m.begin >= cb && m.end <= cue.begin && m.end + 6 >= cue.begin && !m.in_quote &&
          agentive(m.entity) && !object_of_preposition(s, m) && !bracketed_object) {
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
  // "A Kachin rescue group said ...": an indefinite description of a body (a head of
  // claim_body_nouns.tsv and at least one modifier; a place may be one) opening the sentence
  // is an unnamed source of its own, to which "it" may refer later.
  // (Not when an apposition names it: "A local rights group, the X Network, said".)
  if (cue.voice == Voice::Active && own_end == skip_aux_back(s, cue.begin) &&
      own_end >= s.first_token + 3 && own_end - s.first_token <= 5 &&
      (tokens_[s.first_token].key == "a" || tokens_[s.first_token].key == "an") &&
      !body_kind(own_end - 1).empty() &&
      std::all_of(tokens_.begin() + s.first_token + 1, tokens_.begin() + own_end,
                  [](const Token& t) {
                    static const std::set<std::string> kNoModifier = {
                        "the", "this", "that", "its", "their", "his", "her", "later", "earlier"};
                    return t.kind == TokenKind::Word && !t.is(kInQuote) &&
                           kNoModifier.count(t.key) == 0;
                  }) &&
      [&] {
        for (std::uint32_t k = s.first_token + 1; k + 1 < own_end; ++k) {
          if (is_word(res_.time_words, k, k + 1)) return false;  // "A day later the ministry"
        }
        return true;
      }() &&
      std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return m.begin > s.first_token && m.end <= own_end && agentive(m.entity);
      })) {
    return mint_described(span_text(s.first_token + 1, own_end), tokens_[own_end - 1].key, -1,
                          "Organization");
  }
  if (cue.voice == Voice::Active) {
    const int named = appositive_speaker(s, ms, skip_aux_back(s, cue.begin));
    if (named >= 0) return named;
  }
  // "The Government delegation rejected ...": a delegation (delegation_nouns.tsv) named by a
  // body word before it speaks as that body ("the government").
  if ((cue.voice == Voice::Active || cue.voice == Voice::Near) && own_end > s.first_token + 1) {
    for (std::uint32_t len = 1; len <= 2 && own_end >= s.first_token + len + 1; ++len) {
      std::uint32_t dl = 0;
      std::uint32_t dr = 0;
      if (!matches(res_.delegation_nouns, own_end - len, own_end, dl, dr) || dl != len) continue;
      const int body = definite_speaker(s, ms, own_end - len);
      if (body >= 0) return body;
    }
  }
  if (cue.voice == Voice::Active) {
    const int placed = placed_body_speaker(s, ms, own_end);
    if (placed >= 0) return placed;
  }
  if (cue.voice == Voice::Active || cue.voice == Voice::Near) {
    const int definite = definite_speaker(s, ms, own_end);
    if (definite >= 0) return definite;
  }
  // "..., a charge police rejected": the body after the claim noun, not "charge police".
  if (own_end >= s.first_token + 3 && is_claim_noun(own_end - 2)) {
    const int body = bare_body_speaker(s, ms, own_end);
    if (body >= 0) return body;
  }
  described_head_.clear();
  const int described = described_speaker(s, ms, cue.begin);
  if (described >= 0) {
    if (!described_head_.empty()) {
      described_by_head_[described_head_] = {described, claims_sentence_};
    }
    return described;
  }
  // '"...," the source said' after "A source in X's ministry told Reuters ...": the speaker
  // that description named.
  if (const int again = described_again(s, cue.begin); again >= 0) return again;
  const int bare = bare_body_speaker(s, ms, own_end);
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
    // ("X's representative warned": the representative speaks for X, claim_proxy_nouns.tsv.)
    std::uint32_t pl = 0;
    std::uint32_t pr = 0;
    const bool proxy = matches(res_.proxy_nouns, head - 1, head, pl, pr);
    if (!named && !adverb && !proxy && before.kind == TokenKind::Word && !before.is(kCapitalized) &&
        !before.is(kAllCaps) && !is_word(res_.subject_links, head - 1, head)) {
      return -1;
    }
  }
  // "Two X border guards were killed and four wounded, he said": a pronoun after a comma right
  // before the verb is its subject; the names of the clause before it are what is told.
  const std::uint32_t pronoun_at = skip_aux_back(s, cue.begin);
  const bool trailing_pronoun = pronoun_at >= s.first_token + 2 &&
                                tokens_[pronoun_at - 2].key == "," &&
                                is_word(res_.pronouns, pronoun_at - 1, pronoun_at);
  int e = trailing_pronoun ? -1 : subject_of(s, ms, cue.begin);
  if (e >= 0) return e;
  // '"...," said X': the speaker after the verb only when the verb follows the quote or a
  // comma ("He said Kenya wanted ..." is said by "he").
  if (cue.end < s.last_token && cue.begin > s.first_token &&
      tokens_[cue.begin - 1].kind == TokenKind::Punct) {
    e = mention_at(ms, after_titles(s, ms, cue.end));
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
        // ("Two X soldiers were killed, it said": members counted are victims, no speaker.)
        std::uint32_t nl = 0;
        if (m.begin > s.first_token && number_at(m.begin - 1, m.begin, nl)) continue;
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

// '"...," said Col. X', 'said Dr. X Y': where the name after a reporting verb starts, past up
// to two titles (person_titles.tsv) that stage 1 keeps out of the name.
std::uint32_t ArticleRun::after_titles(const Sentence& s, const std::vector<Mention>& ms,
                                       std::uint32_t at) const {
  for (int n = 0; n < 2 && at < s.last_token && mention_at(ms, at) < 0; ++n) {
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    // ("said regional governor X": one lower-case word of the office before its title.)
    std::uint32_t from = at;
    if (!matches(res_.titles, at, s.last_token, len, row) && at + 2 < s.last_token &&
        tokens_[at].kind == TokenKind::Word && !tokens_[at].is(kCapitalized) &&
        tokens_[at].key != "the" && tokens_[at].key != "a" && tokens_[at].key != "an") {
      from = at + 1;
    }
    if (!matches(res_.titles, from, s.last_token, len, row) || len == 0) break;
    at = from + len;
    if (at < s.last_token && tokens_[at].key == ".") ++at;
  }
  return at;
}

// "their disputed border", "the contested region": a participle after a determiner or
// possessive modifies a noun; it states no denial or status.
bool ArticleRun::adjectival(const Sentence& s, std::uint32_t i) const {
  if (i <= s.first_token) return false;
  const std::string& w = tokens_[i].key;
  if (w.size() < 4 || w.compare(w.size() - 2, 2, "ed") != 0) return false;
  static const std::set<std::string> determiners = {"the", "a",   "an",  "their", "its",
                                                    "his", "her", "our", "this",  "these"};
  return determiners.count(tokens_[i - 1].key) > 0;
}

// "Kenya's government" speaks as Kenya: a body named "<state>'s government" is the state.
// (Kept per entity: asked for every cue's speaker; entities joining may change the answer.)
int ArticleRun::own_government(int e) const {
  if (e < 0) return e;
  constexpr int kUnknown = -2;
  if (own_government_entities_ != entities_.size()) {
    own_government_of_.assign(entities_.size(), kUnknown);
    own_government_entities_ = entities_.size();
  }
  int& known = own_government_of_[static_cast<std::size_t>(e)];
  if (known == kUnknown) known = find_own_government(e);
  return known;
}

int ArticleRun::find_own_government(int e) const {
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

// The kind of a body noun (claim_body_nouns.tsv) at token i, or "" when it is none.
std::string ArticleRun::body_kind_of(const std::string& key) const {
  const std::vector<Token> toks{Token{0, 0, TokenKind::Word, 0, key}};
  PhraseIndex::Match m{0, 0};
  if (!res_.body_nouns.index().longest(toks, 0, 1, m)) return {};
  return std::string(res_.body_nouns.get(m.value, "kind"));
}

std::string ArticleRun::body_kind(std::uint32_t i) const {
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  if (!matches(res_.body_nouns, i, i + 1, len, row)) return {};
  return std::string(res_.body_nouns.get(row, "kind"));
}

// "X, a Britain-based war monitor, said", "the main opposition party, X": the body noun of
// an apposition describes X, so "the monitor" / "the party" can refer back to it.
void ArticleRun::find_appositions(const Sentence& s, const std::vector<Mention>& ms) {
  for (const Mention& m : ms) {
    if (!agentive(m.entity)) continue;
    // Forward: skip "(ABBR)" after the name.
    std::uint32_t k = m.end;
    if (k + 2 < s.last_token && tokens_[k].key == "(" && tokens_[k + 2].key == ")") k += 3;
    if (k + 2 < s.last_token && tokens_[k].key == "," &&
        (tokens_[k + 1].key == "a" || tokens_[k + 1].key == "an" || tokens_[k + 1].key == "the")) {
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
bool ArticleRun::name_has(int e, const std::string& key) {
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
int ArticleRun::definite_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t end, bool opening_body) {
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
  // "A health worker at the X health centre said": a description after a source noun and a
  // locative word only says where the source works; the source speaks (described_speaker),
  // not a body minted from the place.
  const auto locates_source = [&](std::uint32_t the_at) {
    return the_at >= s.first_token + 2 &&
           (tokens_[the_at - 1].key == "at" || tokens_[the_at - 1].key == "in") &&
           source_start(s, the_at - 1) < the_at - 1;
  };
  std::uint32_t k = noun;
  std::vector<std::string> modifiers, identifying;
  // "..., police said": a body noun news copy writes without an article, right after the
  // comma or quotation mark that ends what was said, is a definite description too.
  // So is one right after "according to" ("..., according to police").
  // And one after the "by" of a passive ("were shot by police").
  const bool bare =
      noun > s.first_token && (tokens_[noun - 1].key == "," || tokens_[noun - 1].key == "\"" ||
                               (tokens_[noun - 1].key == "by" && kind == "state") ||
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
      // So is a body of a town ("the Gao regional prosecutor's office"), and the place may be
      // named with its kind ("the Chiapas state prosecutor's office": "Chiapas state").
      for (const Mention& m : ms) {
        const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
        const bool place =
            cls == "Region" || cls == "Province" || (cls == "City" && kind == "body");
        if ((m.end == k + 1 || (m.begin == k && m.end < noun)) && m.begin > s.first_token &&
            tokens_[m.begin - 1].key == "the" && place && !modifiers.empty()) {
          if (locates_source(m.begin - 1)) return -1;
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
  // "A local rights group, X, said ... . The army said it killed 11 members of the Y front. The
  // group said ...": a bare "the group" that fits a non-armed body only by its apposition is
  // the armed group named after it.
  if (best >= 0 && head == "group" && identifying.empty() &&
      entities_[static_cast<std::size_t>(best)].cls != "ArmedGroup" && !name_has(best, head)) {
    for (const auto& [e, pos] : last_seen_) {
      if (static_cast<std::int64_t>(pos) > best_pos && agentive(e) &&
          entities_[static_cast<std::size_t>(e)].cls == "ArmedGroup") {
        best = e;
        best_pos = pos;
      }
    }
  }
  // "In <capital>, the government denies ...": a sentence that opens on a state's capital (or
  // the state) places its "the government" or "the army" in that state.
  if (kind == "state" && identifying.empty() && s.first_token + 2 < the &&
      tokens_[s.first_token].key == "in") {
    for (const Mention& m : ms) {
      if (m.begin != s.first_token + 1 || m.end >= the || tokens_[m.end].key != ",") continue;
      const Entity& place = entities_[static_cast<std::size_t>(m.entity)];
      const int state = place.country() ? m.entity : place.cls == "City" ? as_actor(m.entity) : -1;
      if (state >= 0 && (best < 0 || side_of(best) != state)) return state;
    }
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
    // ("talks between the government and the armed group": a descriptor of its kind,
    // claim_body_descriptors.tsv, makes it an armed group, never a body such as a government.)
    const bool armed = modifiers.size() > identifying.size();
    const auto fits = [&](const std::string& cls) {
      return cls == "ArmedGroup" || (cls == "Organization" && !armed);
    };
    for (const Mention& m : ms) {
      const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
      if (m.end <= the && fits(cls)) best = m.entity;
    }
    if (best >= 0) return best;
    if (last_group_ >= 0) {
      const std::string& cls = entities_[static_cast<std::size_t>(last_group_)].cls;
      if (fits(cls)) return last_group_;
    }
    // "talks between the government and the armed group", no group named or speaking
    // before: the armed group the article is about (its most mentioned), not the last one
    // named in passing.
    if (armed) {
      for (int p : main_parties_) {
        if (entities_[static_cast<std::size_t>(p)].cls == "ArmedGroup") return p;
      }
    }
    for (const auto& [e, pos] : last_seen_) {
      const std::string& cls = entities_[static_cast<std::size_t>(e)].cls;
      if (fits(cls) && pos > best_pos) {
        best = e;
        best_pos = pos;
      }
    }
    if (best >= 0) return best;
  }
  if (modifiers.empty() || locates_source(the)) return -1;
  // "the emergency medicine centre": a source of its own, named as written, a body of the
  // state the report is about ("the foreign ministry" of a report from Damascus).
  return mint_described(span_text(the + 1, end), head, kind == "body" ? home_state() : -1);
}

// The state the report was filed from when it is a main side of the article, else the first
// main state; -1 for none.
int ArticleRun::home_state() const {
  // A state seen mediating (the host of talks in the dateline, "MUSCAT (Reuters) - ... talks
  // mediated by Oman") is no home of "the army" or "the government", unless it is the side
  // the article names most.
  auto mediator = [&](int p) {
    return mediating_states_.count(p) > 0 && !main_parties_.empty() && main_parties_[0] != p;
  };
  for (std::size_t k = 0; k < main_parties_.size() && k < 2; ++k) {
    if (main_parties_[k] == dateline_state_ && !mediator(dateline_state_)) return dateline_state_;
  }
  // Without a dateline, of the first two main states the one in which the article's places lie
  // ("the government" of a report on fighting in X's provinces that names a foreign backer
  // more often).
  int first = -1;
  for (int p : main_parties_) {
    if (!entities_[static_cast<std::size_t>(p)].country() || mediator(p)) continue;
    if (first < 0) {
      first = p;
      if (dateline_state_ >= 0) break;
      continue;
    }
    const auto weight = [&](int c) {
      const auto it = place_weight_.find(c);
      return it == place_weight_.end() ? 0 : it->second;
    };
    if (weight(p) > weight(first)) return p;
    break;
  }
  return first;
}

// "X, which is run by Y, said", "X, a war monitor, said": the end of the speaker's own words
// before a comma-closed relative clause or apposition that ends right before `at`.
// A relative clause or a participle may run longer than an apposition: "A security official,
// who spoke on condition of anonymity because he was not authorized to comment, said"; "A
// military source, speaking on condition of anonymity, told AFP".
std::uint32_t ArticleRun::skip_parenthetical_back(const Sentence& s, std::uint32_t at) const {
  if (at <= s.first_token + 2 || tokens_[at - 1].key != ",") return at;
  for (std::uint32_t k = at - 1; k > s.first_token + 1 && at - k < 20; --k) {
    const std::string& w = tokens_[k].key;
    if (w == ";" || w == "\"") return at;
    if (tokens_[k - 1].key != ",") continue;
    if (w == "which" || w == "who" || aside_participle(tokens_[k])) return k - 1;
    // "Prosecutors, for their part, have accused", "The army, in turn, said": a short
    // discourse aside (a closed class of openers, lower case, up to four words).
    static const std::set<std::string> kAsides = {"for",  "in",     "however", "meanwhile", "too",
                                                  "also", "though", "instead", "likewise"};
    if (kAsides.count(w) > 0 && at - k <= 5 &&
        std::all_of(tokens_.begin() + k, tokens_.begin() + (at - 1), [](const Token& t) {
          return t.kind == TokenKind::Word && !t.is(kCapitalized);
        })) {
      return k - 1;
    }
    if ((w == "a" || w == "an" || w == "the") && at - k < 14) return k - 1;
    return at;
  }
  return at;
}

// "fighting to free the region from the X and denied attacking civilians": a name right after
// a preposition (mediation_object_preps.tsv; "the" may stand between) is no subject.
bool ArticleRun::object_of_preposition(const Sentence& s, const Mention& m) const {
  std::uint32_t b = m.begin;
  if (b > s.first_token && tokens_[b - 1].key == "the") --b;
  return b > s.first_token && is_word(res_.object_preps, b - 1, b);
}

// "rebels shot dead two villagers they accused of being informers": a pronoun and a cue right
// after a counted or determined noun ("two villagers", "the men") open a relative clause
// without "who" or "that"; it describes the victims and is nobody's claim.
bool ArticleRun::zero_relative_cue(const Sentence& s, std::uint32_t at) const {
  if (at < s.first_token + 3) return false;
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  if (!matches(res_.pronouns, at - 1, at, len, row) || len != 1) return false;
  const Token& noun = tokens_[at - 2];
  if (noun.kind != TokenKind::Word || noun.is(kCapitalized) || noun.is(kInQuote) ||
      is_word(res_.victim_stops, at - 2, at - 1) || is_word(res_.aux, at - 2, at - 1) ||
      matches(res_.claim_cues, at - 2, at - 1, len, row)) {
    return false;  // "two months after it said", "the wounded and it struck", "said it was"
  }
  for (std::uint32_t k = at - 2; k > s.first_token && at - 2 - k < 3; --k) {
    const Token& t = tokens_[k - 1];
    if (t.kind == TokenKind::Punct) return false;
    std::uint32_t l = 0;
    if (t.key == "the" || t.key == "those" || t.key == "these" || number_at(k - 1, at, l)) {
      return true;
    }
  }
  return false;
}

// "The United Nations peacekeeping mission, MINUSCA, said", "A spokesman for the ministry, X,
// told": a name set off by commas right before the verb `at`, after a description opening
// the clause, is the speaker (the description's own names only qualify it). -1 otherwise;
// not "X, a leader of the Y party, Z, said" (a comma before the description).
// A name stage 1 did not know ("MINUSCA", "Nebiat Getachew") becomes a source of its own:
// a person when it has several words, else an organisation.
int ArticleRun::appositive_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                   std::uint32_t at) {
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
  // "The KIA's spokesman, Colonel X, said": a title before the name (person_titles.tsv).
  for (std::uint32_t n = 0;
       entity >= 0 && n < 3 && begin > s.first_token + 2 && tokens_[begin - 1].is(kCapitalized) &&
       is_word(res_.titles, begin - 1, begin);
       ++n) {
    --begin;
  }
  if (begin < s.first_token + 2 || tokens_[begin - 1].key != ",") return -1;
  // "The U.N. peacekeeping force in Lebanon, UNIFIL, said": a description may end in a place
  // after a locative word or "for"; its head is the word before that.
  std::uint32_t head_at = begin - 2;
  if (entity >= 0) {
    std::uint32_t place = begin - 1;  // up to three capitalised words, a place or not
    while (place > s.first_token + 2 && begin - 1 - place < 3 &&
           tokens_[place - 1].is(kCapitalized)) {
      --place;
    }
    // (Or a remit: "The UN special envoy for X, Y, said".)
    if (place < begin - 1 &&
        (is_word(res_.locative, place - 1, place) || tokens_[place - 1].key == "for")) {
      head_at = place - 2;
    }
  }
  const Token& head = tokens_[head_at];
  if (head.kind != TokenKind::Word || head.is(kCapitalized) || head.is(kInQuote)) return -1;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> skipped;
  std::uint32_t cb = clause_begin(s, begin - 1, skipped);
  auto determiner = [&](std::uint32_t k) {
    const std::string& w = tokens_[k].key;
    return w == "the" || w == "a" || w == "an";
  };
  // "..., three people were killed, the head of the city's administration, X, said.": a
  // trailing attribution after a comma (a named speaker only, the verb ending the sentence).
  if (!determiner(cb) && entity >= 0 && at + 2 >= s.last_token) {
    for (std::uint32_t k = begin - 2; k > cb; --k) {
      if (tokens_[k].key != ",") continue;
      if (determiner(k + 1)) cb = k + 1;
      break;
    }
  }
  if (!determiner(cb)) return -1;
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
// "a charge", "the claim": a determiner and a noun naming a claim at i - 1 .. i.
bool ArticleRun::is_claim_noun(std::uint32_t i) const {
  static const std::set<std::string> kClaimNouns = {
      "charge",     "charges",     "claim",   "claims", "accusation",
      "allegation", "allegations", "account", "figure", "version"};
  if (i == 0 || kClaimNouns.count(tokens_[i].key) == 0) return false;
  const std::string& det = tokens_[i - 1].key;
  return det == "a" || det == "an" || det == "the";
}

int ArticleRun::bare_body_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                  std::uint32_t at) const {
  if (at <= s.first_token) return -1;
  const std::uint32_t noun = at - 1;
  if (body_kind(noun) != "state" || tokens_[noun].is(kInQuote)) return -1;
  if (std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.end == at; })) {
    return -1;
  }
  // "..., a charge police rejected": a body right after the claim noun that its reduced
  // relative clause is about speaks (the noun is no modifier of it).
  const bool claim_noun = noun >= s.first_token + 2 && is_claim_noun(noun - 1);
  const bool opens = noun == s.first_token || tokens_[noun - 1].key == "," ||
                     tokens_[noun - 1].key == "that" || claim_noun;
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
std::uint32_t ArticleRun::skip_aux_back(const Sentence& s, std::uint32_t at) const {
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
std::uint32_t ArticleRun::skip_brackets_back(const Sentence& s, std::uint32_t at) const {
  constexpr std::uint32_t kMaxAside = 4;  // words inside the brackets
  if (at < s.first_token + 3 || tokens_[at - 1].key != ")") return at;
  for (std::uint32_t k = at - 2; k > s.first_token && at - 2 - k <= kMaxAside; --k) {
    const std::string& w = tokens_[k].key;
    if (w == "(") return k;
    if (tokens_[k].kind == TokenKind::Punct) return at;
  }
  return at;
}

// "The health office in X says": an unnamed body described by modifiers (a head of kind body,
// claim_body_nouns.tsv) and placed by "in" right before the verb is a source of its own, named
// with its place, not the place. -1 when a body named earlier fits the description ("the
// interior ministry in X said" is the Interior Ministry).
int ArticleRun::placed_body_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                    std::uint32_t end) {
  const Mention* place = nullptr;
  for (const Mention& m : ms) {
    if (m.end == end) place = &m;
  }
  if (place == nullptr || place->begin < s.first_token + 4 ||
      tokens_[place->begin - 1].key != "in") {
    return -1;
  }
  const std::string& cls = entities_[static_cast<std::size_t>(place->entity)].cls;
  if (cls != "City" && cls != "Province" && cls != "Region") return -1;
  const std::uint32_t noun = place->begin - 2;
  if (body_kind(noun) != "body" || tokens_[noun].is(kCapitalized)) return -1;
  std::vector<std::string> modifiers;
  std::uint32_t k = noun;
  while (k > s.first_token && noun - k < 3 && tokens_[k - 1].key != "the") {
    const Token& t = tokens_[k - 1];
    if (t.kind != TokenKind::Word || t.is(kCapitalized) || t.is(kInQuote)) return -1;
    modifiers.push_back(t.key);
    --k;
  }
  if (modifiers.empty() || k == s.first_token || tokens_[k - 1].key != "the") return -1;
  const std::string& head = tokens_[noun].key;
  const auto fits = [&](int e) {
    if (!agentive(e) || !name_has(e, head)) return false;
    return std::all_of(modifiers.begin(), modifiers.end(),
                       [&](const std::string& mod) { return name_has(e, mod); });
  };
  for (const auto& [e, pos] : last_seen_) {
    if (fits(e)) return -1;
  }
  for (const Mention& m : ms) {
    if (m.end < k && fits(m.entity)) return -1;
  }
  return mint_described(span_text(k, end), head, -1, "Organization");
}

// "X said", "X also warned": the name that ends right before the verb.
int ArticleRun::adjacent_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t at) const {
  const std::uint32_t end = skip_aux_back(s, at);
  for (const Mention& m : ms) {
    if (m.end != end || m.in_quote || !agentive(m.entity)) continue;
    // "witnesses in Nairobi said": a place after a locative word is not the speaker.
    if (m.begin > s.first_token && is_word(res_.locative, m.begin - 1, m.begin)) return -1;
    return m.entity;
  }
  return -1;
}

// "Shabaab officials said", "two senior Ugandan security officials said": a described
// speaker becomes an actor of its own, affiliated with the state or group named in it.
int ArticleRun::described_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                  std::uint32_t at) {
  std::uint32_t end = skip_aux_back(s, at);
  // "A local official, who asked not to be named, said at least nine civilians were killed":
  // the description before the relative clause gives the toll (an apposition there is a
  // description of its own: "X, a monitoring group, said"). Only for tolls, the claims these
  // anonymous sources are quoted for.
  // So does one whose aside hides its name ("speaking on condition of anonymity") when it
  // denies, accuses, threatens or offers (its plain statements the golds leave optional).
  const std::uint32_t clause = skip_parenthetical_back(s, end);
  bool anonymous = false;
  for (std::uint32_t k = clause; k < end && !anonymous; ++k) {
    anonymous = is_word(res_.anonymity_words, k, end);
  }
  if ((toll_sentence_ || (anonymous && specific_sentence_)) && clause < end && clause + 1 < end &&
      (tokens_[clause + 1].key == "who" || tokens_[clause + 1].key == "which" ||
       aside_participle(tokens_[clause + 1]))) {
    end = clause;
  }
  // "quoted an Kenyan security source as saying"
  if (end > s.first_token + 1 && tokens_[end - 1].key == "as") --end;
  // "officials in Accra said", "security sources in Uganda said": the place affiliates.
  std::uint32_t head_end = end;
  int place = -1;
  // "a local official in the Irob district said": a place that is no actor only locates.
  // ("medics at X Hospital in Y said": a site before its town, each after a locative word.)
  for (int level = 0; level < 2; ++level) {
    const std::uint32_t reached = head_end;
    for (const Mention& m : ms) {
      std::uint32_t b = m.begin;
      if (b >= s.first_token + 3 && tokens_[b - 1].key == "the") --b;
      const bool located =
          level == 0 || entities_[static_cast<std::size_t>(m.entity)].cls == "Site";
      if (m.end == reached && located && b >= s.first_token + 2 &&
          is_word(res_.locative, b - 1, b)) {
        // "Local activists from the X Committee said": members speak for the named body.
        const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
        if (level == 0 && tokens_[b - 1].key == "from" &&
            (cls == "Organization" || cls == "ArmedGroup")) {
          return as_actor(m.entity);
        }
        head_end = b - 1;
        if (level == 0) place = as_actor(m.entity);
      }
    }
    if (head_end == reached) break;
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
      if ((t.key == "of" || t.key == "at" || t.key == "in" || t.key == "from") && described_place &&
          !tokens_[p - 2].is(kCapitalized) && source_start(s, p - 1) < p - 1) {
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
  const std::uint32_t head_start = head_end > s.first_token ? source_start(s, head_end) : head_end;
  if (head_start == head_end) return -1;
  described_head_ = span_text(head_start, head_end);
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
  // "... the X clan, whose leaders announced ...": the leaders speak for the name that
  // "whose" follows.
  if (tokens_[begin].key == "whose" && begin >= s.first_token + 2 &&
      tokens_[begin - 1].key == ",") {
    for (const Mention& m : ms) {
      if (m.end == begin - 1 && agentive(m.entity)) return as_actor(m.entity);
    }
  }
  // "Mali's armed forces said" after "the Malian Armed Forces" was named: the known body.
  if (const int body = owned_known_body(s, ms, begin, head_end); body >= 0) return body;
  // "X also welcomed the deal, its foreign ministry said": a body the possessive gives to
  // the sentence's first named actor speaks for that actor (possessive_owner).
  if (is_word(res_.possessives, begin, begin + 1)) {
    const int owner = possessive_owner(s, ms, begin);
    if (owner >= 0) return owner;
    // "X also offered to help. Its foreign ministry said ...": opening the sentence, the body
    // is the one of the body or state that spoke last.
    // ("Our military said": the writer's own side, not the last speaker.)
    if (begin == s.first_token && last_group_ >= 0 && tokens_[begin].key != "our") {
      return last_group_;
    }
  }
  // "The representative of X said her Government had offered ...": the speaker's own side
  // (claim_person_possessives.tsv): the side of the first person named before it ("Minister
  // X went to Y for talks with Z, his ministry said": X's), else with no person named, the
  // first body named before it, else whom "he"/"she" refers to.
  if (is_word(res_.person_possessives, begin, begin + 1)) {
    int owner = -1;
    bool person_named = false;
    for (const Mention& m : ms) {
      if (m.begin < s.first_token || m.end > begin || m.in_quote) continue;
      const int person = as_actor(m.entity);
      if (person >= 0 && entities_[static_cast<std::size_t>(person)].person()) {
        owner = side_of(person);
        person_named = true;
        break;
      }
    }
    // ("Under the Council's rules, the representative of X said her Government ...": X, for
    // whom the representative speaks.)
    for (const Mention& m : ms) {
      if (person_named || owner >= 0) break;
      if (m.begin >= s.first_token && m.end <= begin && !m.in_quote && agentive(m.entity) &&
          proxy_speaker(s, ms, as_actor(m.entity), begin)) {
        owner = as_actor(m.entity);
      }
    }
    if (!person_named && owner < 0) owner = possessive_owner(s, ms, begin);
    if (owner < 0 && !person_named && last_person_ >= 0) {
      owner = entities_[static_cast<std::size_t>(last_person_)].person() ? side_of(last_person_)
                                                                         : last_person_;
    }
    if (owner >= 0) return owner;
  }
  // The affiliation: a name inside the phrase, or a demonym ("Ugandan").
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
  // "The Kenyan and Ugandan militaries said": one speaker per state.
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

// "The official said ...", '"...," the source said': "the" and the head noun of a speaker
// described in one of the two sentences before (one with a source noun of its own, "A local
// official said", "A source in X's ministry told") right before the verb at `at`, opening the
// clause or after a quotation or comma, is that speaker; -1 otherwise.
int ArticleRun::described_again(const Sentence& s, std::uint32_t at) const {
  const std::uint32_t end = skip_aux_back(s, at);
  if (end < s.first_token + 2) return -1;
  const std::uint32_t head = source_start(s, end);
  if (head == end || head < s.first_token + 1 || tokens_[head - 1].key != "the") return -1;
  const std::uint32_t the = head - 1;
  if (the > s.first_token && tokens_[the - 1].key != "," && tokens_[the - 1].key != "\"") {
    return -1;
  }
  const auto it = described_by_head_.find(span_text(head, end));
  if (it == described_by_head_.end()) return -1;
  const auto [who, si] = it->second;
  if (si >= claims_sentence_ || claims_sentence_ - si > 2) return -1;
  return who;
}

// "Mali's armed forces said", "Peru's army said": a description [begin, end) owned by a state
// (or a body) named right before "'s" is the body of the article whose name holds all its
// words ("Malian Armed Forces") and that is on the owner's side or on no side; -1 for none, or
// when two such bodies differ.
int ArticleRun::owned_known_body(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t begin, std::uint32_t end) {
  if (begin < s.first_token + 2 || begin >= end || tokens_[begin - 1].key != "'s") return -1;
  int owner = -1;
  for (const Mention& m : ms) {
    if (m.end == begin - 1 && agentive(m.entity)) owner = as_actor(m.entity);
  }
  if (owner < 0) return -1;
  const int owner_side = side_of(owner) >= 0 ? side_of(owner) : owner;
  int found = -1;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const int e = static_cast<int>(i);
    const Entity& en = entities_[i];
    if (e == owner || !en.actor || en.person() || en.country() || en.cls == "Actor" ||
        en.cls == "MediaOutlet" || en.cls == "City") {
      continue;
    }
    bool holds = true;
    for (std::uint32_t k = begin; k < end && holds; ++k) {
      holds = tokens_[k].kind == TokenKind::Word && name_has(e, tokens_[k].key);
    }
    if (!holds) continue;
    const int side = side_of(e);
    const bool ours = side == owner_side || ((side < 0 || side == e) && en.cls != "ArmedGroup");
    if (!ours) continue;
    if (found >= 0 && found != e) return -1;
    found = e;
  }
  return found;
}

// Where a source noun (claim_source_nouns.tsv) ending at `end` begins: "officials" (one word)
// or "health worker" (two); `end` when none ends there.
std::uint32_t ArticleRun::source_start(const Sentence& s, std::uint32_t end) const {
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
int ArticleRun::unnamed_source_pair(const Sentence& s, const std::vector<Mention>& ms,
                                    std::uint32_t from) {
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
int ArticleRun::possessive_owner(const Sentence& s, const std::vector<Mention>& ms,
                                 std::uint32_t at) {
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

int ArticleRun::mint_described(const std::string& label, const std::string& head, int affiliation,
                               const std::string& cls) {
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
  iri(iri_text, iris::kType, ng(en.cls));
  emit(iri_text, vocab::kRdfsLabel, rdf::Term::literal(label, {}, "en"));
  if (!en.affiliation.empty()) iri(iri_text, ng("affiliation"), en.affiliation);
  return e;
}

void ArticleRun::flush_new_entities() {
  for (int e : new_entities_) {
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    iri(en.iri, iris::kType, ng(en.cls));
    emit(en.iri, vocab::kRdfsLabel, rdf::Term::literal(en.label, {}, "en"));
  }
  new_entities_.clear();
}

// "Nine militants were killed, according to a statement. The statement was issued by X." /
// "..., according to a local official. The official, X, said ...": the next sentence opens with
// the source's noun and names it, in an apposition or after "by".
ArticleRun::LaterSource ArticleRun::later_named_source(const Sentence& next,
                                                       const std::vector<Mention>& ms) const {
  const std::uint32_t f = next.first_token;
  if (f + 4 >= next.last_token || tokens_[f].key != "the" ||
      tokens_[f + 1].kind != TokenKind::Word) {
    return {};
  }
  auto named_at = [&](std::uint32_t at) {
    for (const Mention& m : ms) {
      if (m.begin != at) continue;
      const int e = as_actor(named_body(m.entity));
      if (e < 0 || entities_[static_cast<std::size_t>(e)].cls == "MediaOutlet") return -1;
      return e;
    }
    return -1;
  };
  int e = -1;
  // "..., a medical group said. The X Network said ...": an organization or group named as
  // the next sentence's opening speaker (a bracketed acronym may follow its name) is the body
  // the sentence before described.
  for (const Mention& m : ms) {
    if (m.begin != f + 1 && m.begin != f) continue;
    const int named = as_actor(named_body(m.entity));
    if (named < 0) break;
    const std::string& cls = entities_[static_cast<std::size_t>(named)].cls;
    if (cls != "Organization" && cls != "ArmedGroup") break;
    std::uint32_t at = m.end;
    if (at < next.last_token && tokens_[at].key == "(") {
      for (std::uint32_t k = at + 1; k < next.last_token && k <= at + 5; ++k) {
        if (tokens_[k].key == ")") {
          at = k + 1;
          break;
        }
      }
    }
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (at < next.last_token && matches(res_.claim_cues, at, next.last_token, len, row) &&
        res_.claim_cues.get(row, "voice") == "active" &&
        res_.claim_cues.get(row, "type") == "StatementClaim") {
      return LaterSource{named, {}};
    }
    break;
  }
  if (tokens_[f + 2].key == ",") {
    // "The official, X, said": the name closed by a comma.
    e = named_at(f + 3);
    const bool closed = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return m.begin == f + 3 && m.end < next.last_token && tokens_[m.end].key == ",";
    });
    if (!closed) e = -1;
  } else if ((tokens_[f + 2].key == "was" || tokens_[f + 2].key == "were") &&
             tokens_[f + 3].kind == TokenKind::Word && tokens_[f + 4].key == "by") {
    // "The statement was issued by X".
    std::uint32_t at = f + 5;
    if (at < next.last_token && tokens_[at].key == "the") ++at;
    e = named_at(at);
  }
  if (e < 0) return {};
  return LaterSource{e, tokens_[f + 1].key};
}

// The cue's source is "a/an <words> <noun>" for the noun of later_source_: after a passive cue
// ("according to a provincial official"), before an active one ("a local leader said").
bool ArticleRun::describes_later_source(const Sentence& s, const Cue& cue) const {
  const bool passive = cue.voice == Voice::Passive;
  const std::uint32_t b =
      passive ? cue.end : (cue.begin > s.first_token + 6 ? cue.begin - 6 : s.first_token);
  const std::uint32_t e = passive ? std::min(cue.end + 6, s.last_token) : cue.begin;
  bool opened = false;
  for (std::uint32_t k = b; k < e; ++k) {
    const std::string& w = tokens_[k].key;
    // ("a doctors' group said": a plural's possessive mark goes on with the description.)
    if (tokens_[k].kind != TokenKind::Word && w != "'") {
      if (passive) break;
      opened = false;
      continue;
    }
    if (w == "a" || w == "an") opened = true;
    const bool noun =
        later_source_.noun.empty()
            ? !passive && k + 1 == e && (body_kind(k) == "group" || body_kind(k) == "body")
            : w == later_source_.noun;
    if (opened && noun) return passive || k + 1 == e;
  }
  return false;
}

}  // namespace ng::extract::claims
