// The per-article run of stage 1: lexicon index, entities and the order of the steps.
#include "extract/article_run.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ng::extract::stage1 {

// Lexicon matches for tokens [b, e), kept as flat arrays (one hash lookup per token and lexicon
// only where the first token is present).
void ArticleRun::index_lexemes(std::size_t b, std::size_t e) {
  lexemes_.clear();
  lexeme_lexicons_.clear();
  lex_start_.assign(tokens_.size() + 1, 0);
  lex_mask_.assign(tokens_.size() + 1, 0);
  std::vector<PhraseIndex::Match> matches;
  for (std::size_t i = b; i < e; ++i) {
    lex_start_[i] = static_cast<std::uint32_t>(lexemes_.size());
    res_.combined.match(tokens_, i, e, matches);
    for (const auto& m : matches) {
      const auto& [lexicon, row] = res_.entries[m.value];
      lexemes_.push_back(Lexeme{lexicon, m.length, row});
      lexeme_lexicons_.push_back(lexicon);
      lex_mask_[i] |= std::uint64_t{1} << (lexicon % 64);
    }
  }
  for (std::size_t i = e; i <= tokens_.size(); ++i) {
    lex_start_[i] = static_cast<std::uint32_t>(lexemes_.size());
  }
}

void ArticleRun::cached_matches(const std::vector<PhraseIndex::Match>& all,
                                const std::vector<std::uint32_t>& at, std::uint32_t i,
                                std::uint32_t end, std::vector<PhraseIndex::Match>& out) {
  // Longest first: dropping the phrases that run past `end` keeps match()'s order.
  out.clear();
  for (std::uint32_t k = at[i]; k < at[i + 1]; ++k) {
    if (i + all[k].length <= end) out.push_back(all[k]);
  }
}

bool ArticleRun::add_new_mention_tokens(const std::vector<int>& types, bool starts_only,
                                        std::uint64_t version, std::size_t origin,
                                        std::size_t begin, std::size_t end,
                                        std::uint64_t* bits) const {
  const std::size_t before = version & 0xFFFFFFFFU;
  if ((version >> 32) != changes_ + 1 || before > mentions_.size()) return false;
  mention_bits(mask_for(types), starts_only, std::max(before, sentence_mentions_begin_), origin,
               begin, end, bits);
  return true;
}

void ArticleRun::mention_bits(TypeMask mask, bool starts_only, std::size_t from, std::size_t origin,
                              std::size_t begin, std::size_t end, std::uint64_t* bits) const {
  const auto set = [&](std::size_t i) {
    if (i >= begin && i < end) bits[(i - origin) / 64] |= std::uint64_t{1} << ((i - origin) % 64);
  };
  for (std::size_t m = from; m < mentions_.size(); ++m) {
    const Mention& mn = mentions_[m];
    if (mn.dropped || mn.type < 0 || (bit(mn.type) & mask) == 0) continue;
    set(mn.begin);
    if (starts_only) continue;
    for (std::uint32_t k = mn.begin + 1; k < mn.end; ++k) set(k);
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

// Token i opens a side of "<cue> between A and B" (data/lexicon/between_side_cues.tsv:
// "tensions", "relations", "mediate" ...): A or B, after "between" or after "between A and".
bool ArticleRun::capital_sides(const Sentence& s, std::uint32_t i) const {
  std::uint32_t k = i;
  for (int steps = 0; k > s.first_token && steps < 6; ++steps) {
    const std::string& prev = tokens_[k - 1].key;
    if (prev == "between") {
      return k >= s.first_token + 2 && res_.in("between_side_cues", tokens_[k - 2].key);
    }
    if (prev == "and" || prev == "the" || prev == ",") {
      --k;
      continue;
    }
    bool skipped = false;
    for (std::size_t m = sentence_mentions_begin_; m < mentions_.size(); ++m) {
      const Mention& mn = mentions_[m];
      if (!mn.dropped && mn.end == k && mn.begin < k) {
        k = mn.begin;
        skipped = true;
        break;
      }
    }
    if (!skipped) return false;
  }
  return false;
}

// Token i (a one-word town's name) opens a run of capitalised words that names a person:
// "writer Regina Garcia Cano" (a lower-case word before, two capitalised words after) or
// "By Mariana Teles" (a byline, one after); no region, site, time or compass word after it.
bool ArticleRun::first_name_of_run(const Sentence& s, std::uint32_t i) const {
  auto cap = [&](std::uint32_t k) {
    return k < s.last_token && tokens_[k].kind == TokenKind::Word && tokens_[k].is(kCapitalized) &&
           !tokens_[k].is(kAllCaps);
  };
  if (i <= s.first_token || !cap(i + 1)) return false;
  auto place_word = [&](std::uint32_t k) {
    const std::string& w = tokens_[k].key;
    return res_.in("region_words", w) || res_.in("site_kinds", w) || res_.in("time_words", w) ||
           res_.in("compass", w) || res_.in("organization_heads", w);
  };
  if (place_word(i + 1)) return false;
  const Token& prev = tokens_[i - 1];
  if (prev.key == "by") return true;
  // (Not after a locative word: "at Nairobi International Airport" is a site of the city.)
  return prev.kind == TokenKind::Word && !prev.is(kCapitalized) && !res_.in("locative", prev.key) &&
         cap(i + 2) && !place_word(i + 2);
}

// A person named earlier in the article whose last name is `key` (a folded token).
bool ArticleRun::surname_of_person(const std::string& key) const {
  std::string folded;  // one buffer for all the labels: no string per entity
  for (const Entity& e : entities_) {
    if (e.type != kPerson || e.unnamed) continue;
    const std::size_t sp = e.label.rfind(' ');
    if (sp == std::string::npos) continue;
    folded.clear();
    append_fold_key(std::string_view(e.label).substr(sp + 1), folded);
    if (folded == key) return true;
  }
  return false;
}

// "told reporters in X", "said in a statement in the capital, X": a place after a speech verb,
// lower-case words of speech_venue_words.tsv and "in"/"at" (an apposition "the capital, X"
// allowed) is where the speaker spoke, not where anything reported happened.
bool ArticleRun::speech_venue(std::uint32_t si, std::uint32_t b) const {
  const Sentence& s = sentences_[si];
  std::uint32_t i = b;
  // Back to "in"/"at" over "the" or an apposition: a comma after up to four lower-case words
  // ("the regional capital, X").
  if (i > s.first_token && tokens_[i - 1].key == "the") {
    --i;
  } else if (i > s.first_token && tokens_[i - 1].key == ",") {
    --i;
    for (int n = 0; i > s.first_token && n < 4; ++n) {
      const Token& t = tokens_[i - 1];
      if (t.key == "in" || t.key == "at") break;
      if (t.kind != TokenKind::Word || t.is(kCapitalized) || t.key == "that") return false;
      --i;
    }
  }
  if (i <= s.first_token + 1 || (tokens_[i - 1].key != "in" && tokens_[i - 1].key != "at")) {
    return false;
  }
  --i;
  for (int n = 0; i > s.first_token && n < 6; ++n) {
    const Token& t = tokens_[i - 1];
    if (res_.in("speech_verbs", t.key)) return true;
    if (!res_.in("speech_venue_words", t.key)) return false;
    --i;
  }
  return false;
}

// "elders from A and B are holding talks in C", "shells fired from X": a place, or a list of
// places, right after a phrase of not_locative.tsv ending in "from" is where people or fire
// come from, not where the event happens.
bool ArticleRun::origin_before(std::uint32_t si, std::uint32_t b) const {
  const auto nl = res_.lexicon_id.find("not_locative");
  if (nl == res_.lexicon_id.end()) return false;
  const Sentence& s = sentences_[si];
  std::uint32_t i = b;
  while (i > s.first_token) {
    if (tokens_[i - 1].key == "from") {
      for (std::uint32_t len = 2; len <= 3 && s.first_token + len <= i; ++len) {
        const std::uint32_t start = i - len;
        for (std::uint32_t k = lex_start_[start]; k < lex_start_[start + 1]; ++k) {
          if (lexemes_[k].lexicon == nl->second && lexemes_[k].length == len) return true;
        }
      }
      return false;
    }
    const Token& prev = tokens_[i - 1];
    if (prev.key == "," || prev.key == "and" || prev.key == "or" || prev.key == "the" ||
        res_.in("compass", prev.key)) {
      --i;
      continue;
    }
    bool skipped = false;
    for (std::size_t m = sentence_mentions_begin_; m < mentions_.size(); ++m) {
      const Mention& mn = mentions_[m];
      if (!mn.dropped && mn.end == i && mn.begin < i && (bit(mn.type) & kPlaceMask)) {
        i = mn.begin;
        skipped = true;
        break;
      }
    }
    if (!skipped) return false;
  }
  return false;
}

bool ArticleRun::is_locative(std::uint32_t si, std::uint32_t b) const {
  const Sentence& s = sentences_[si];
  std::uint32_t i = b;
  // Walk back over a list of places ("in Nairobi, Mombasa as well as Kisumu").
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

int ArticleRun::resolve_entity(int type, const std::string& label, int place,
                               const char* key_suffix) {
  std::string key;
  if (place >= 0) {
    key = "gn:" + res_.gazetteer.place(static_cast<std::uint32_t>(place)).geonames_id + key_suffix;
  } else {
    std::string n = fold_key(label);
    if (n.rfind("the ", 0) == 0) n = n.substr(4);
    key = (type == kPerson ? "p:" : (bit(type) & kPlaceMask) ? "l:" : "o:") + n;
  }
  auto it = entity_by_key_.find(key);
  // The label's keys, tokenised once for the uses below.
  std::vector<std::string> words;
  bool have_words = false;
  if (it == entity_by_key_.end() && type == kPerson) {
    // Within an article a short form names the person already seen: "Okoro" -> "Daniel Okoro".
    words = phrase_keys(label, res_.abbreviations);
    have_words = true;
    const std::vector<std::string>& parts = words;
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
  if (type == kSite && place < 0) {
    if (const int same = same_site(label, key); same >= 0) return same;
  }
  Entity ent;
  ent.type = type;
  ent.key = key;
  ent.label = label;
  ent.place = place;
  const bool known = !(bit(type) & kPlaceMask) || type == kSite || type == kRegion ||
                     (place < 0 && (type == kCity || type == kProvince));
  if (!have_words && (type == kPerson || known)) words = phrase_keys(label, res_.abbreviations);
  if (type == kPerson) ent.parts = words;
  entities_.push_back(std::move(ent));
  const int id = static_cast<int>(entities_.size() - 1);
  entity_by_key_[key] = id;
  if (type == kSite && place < 0) note_site_base(label, id);
  // (A settlement the gazetteer lacks is known by its name too; a region named with its head
  // word also without it: "the Kelemi district", then "in Kelemi".)
  if (known) {
    known_.add(words, static_cast<std::uint32_t>(id));
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
    const std::vector<std::string>& words = label_keys(e);
    if (std::find(words.begin(), words.end(), first) != words.end()) return false;
  }
  return true;
}

const std::vector<std::string>& ArticleRun::label_keys(std::size_t entity) const {
  if (label_keys_.size() < entities_.size()) label_keys_.resize(entities_.size());
  LabelKeys& cached = label_keys_[entity];
  const std::string& label = entities_[entity].label;
  if (!cached.valid || cached.label != label) {
    cached.label = label;
    cached.keys = phrase_keys(label, res_.abbreviations);
    cached.valid = true;
  }
  return cached.keys;
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

// "Elders in X", "Elders from the city of X": the place at `place` inside a name opening at
// `name` says where the name's bearers are ("in", "from", "the city of"); it stays a place.
bool ArticleRun::locates_bearers(std::uint32_t name, std::uint32_t place) const {
  if (place < name + 2) return false;
  const std::string& before = tokens_[place - 1].key;
  return before == "in" || before == "from" ||
         (before == "of" && res_.in("place_references", tokens_[place - 2].key));
}

int ArticleRun::add_mention(Mention m, const std::string& label, const std::string& role,
                            int affiliation) {
  // Reject a mention that lies inside or duplicates a stronger one of the same family.
  const bool actor = (bit(m.type) & (kActorMask & ~bit(kCountry))) != 0;
  for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
    Mention& o = mentions_[k];
    if (o.dropped) continue;
    // Names compete, not whole matches: "Radio Vale's Mara Stein" keeps both.
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
    // Strip", "Kashmir" in "Indian-administered Kashmir").
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
    // ("Elders in X", "Elders from the city of X": a place the name locates its bearers in
    // stays a place.)
    if (o.weak && actor && !locates_bearers(m.name_begin, o.name_begin)) {
      o.dropped = true;
      ++changes_;
    }  // "Yunus" the city inside a person's name
    if (actor && o_actor && o_len < m_len) {
      o.dropped = true;
      ++changes_;
    }
    // A gazetteer city opening a site's name that goes on with other name words is part of
    // that name ("Ta" in "the Ta Moan Thom temple"), unless a site word follows it ("Nairobi
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
    // affiliation of an office ("the Omani foreign minister").
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

ExtractStats ArticleRun::run(QuadSink& sink) {
  // Page furniture (bylines, captions, linked headlines) blanked: same length, same offsets.
  norm_ = normalize_text(blank_page_noise(article_.text, res_.page_noise));
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
  name_candidate_.resize(tokens_.size());
  for (std::size_t i = 0; i < tokens_.size(); ++i) name_candidate_[i] = name_candidate(i);
  // A dateline opens the article with a place in capitals and ends at a dash: "KHARTOUM -",
  // "YANGON, Myanmar (AP) -", "KYIV, April 24 (Reuters) -". Every place before the dash is where
  // the report was filed.
  const Dateline dateline = find_dateline(tokens_);
  dateline_begin_ = dateline.begin;
  dateline_end_ = dateline.end;
  std::vector<PhraseIndex::Match> matches;
  // Countries named anywhere in the article decide between homonymous cities.
  gazetteer_hit_.assign(tokens_.size(), false);
  gz_names_.clear();
  gz_demonyms_.clear();
  gz_names_at_.assign(tokens_.size() + 1, 0);
  gz_demonyms_at_.assign(tokens_.size() + 1, 0);
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    gz_names_at_[i] = static_cast<std::uint32_t>(gz_names_.size());
    gz_demonyms_at_[i] = static_cast<std::uint32_t>(gz_demonyms_.size());
    if (!tokens_[i].is(kCapitalized)) continue;
    if (tokens_[i].key.find('-') != std::string::npos) gazetteer_hit_[i] = true;
    for (const PhraseIndex* index : {&res_.gazetteer.names(), &res_.gazetteer.demonyms()}) {
      index->match(tokens_, i, tokens_.size(), matches);
      if (!matches.empty()) gazetteer_hit_[i] = true;
      for (const auto& m : matches) {
        const Place& p = res_.gazetteer.place(m.value);
        if (p.kind == PlaceKind::Country) article_countries_.insert(p.country_iso2);
      }
      auto& kept = index == &res_.gazetteer.names() ? gz_names_ : gz_demonyms_;
      kept.insert(kept.end(), matches.begin(), matches.end());
    }
  }
  gz_names_at_[tokens_.size()] = static_cast<std::uint32_t>(gz_names_.size());
  gz_demonyms_at_[tokens_.size()] = static_cast<std::uint32_t>(gz_demonyms_.size());
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
        // "the Women's Association Gondwana", "the Christian Council of Gondwana": a country
        // that ends an organisation's name is no actor of its own there ("the UN mission in
        // Gondwana" still names the place).
        bool ends_org = false;
        for (std::size_t r = sentence_mentions_begin_; r < mentions_.size() && !ends_org; ++r) {
          const Mention& o = mentions_[r];
          ends_org = !o.dropped && o.type == kOrganization && o.name_begin < mn.begin &&
                     o.name_end == mn.end;
        }
        if (mn.locative) {
          e.as_place = true;
        } else if (!ends_org) {
          e.as_actor = true;
        }
        // "Kenya's Kilifi province": a possessive before a place is a place.
        if (mn.end + 1 < s.last_token && tokens_[mn.end].key == "'s" &&
            (res_.in("region_words", tokens_[mn.end + 1].key) ||
             covered_by(kPlaceMask, mn.end + 1))) {
          e.as_place = true;
        }
      } else if (type == kDemonym) {
        // A demonym names a state when it qualifies an actor ("Omani foreign minister").
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
  // "crossing to visit relatives": a visit with no actor making it is no diplomatic visit
  // (classes that need an agent: data/lexicon/agent_required_event_classes.tsv).
  for (Event& ev : events_) {
    if (!ev.merged && ev.agents.empty() &&
        res_.in("agent_required_event_classes", fold_key(ev.cls))) {
      ev.merged = ev.dropped = true;
    }
  }
  // "the attacks", "the fighting" with neither place nor time after the merge is a generic
  // mention, not a reported event (classes: data/lexicon/located_event_classes.tsv); an attack,
  // killing, shelling or capture with no place unless one side acted on another, too
  // (data/lexicon/sited_event_classes.tsv).
  for (Event& ev : events_) {
    if (ev.merged || !ev.locations.empty() || !ev.context.empty()) continue;
    const std::string cls = fold_key(ev.cls);
    if ((ev.date.empty() && !ev.reported_time && res_.in("located_event_classes", cls)) ||
        ((ev.agents.empty() || ev.targets.empty()) && res_.in("sited_event_classes", cls))) {
      ev.merged = true;
    }
  }
  date_by_report();
  // "Canada said it would facilitate talks between the government and the separatists": an
  // event that has neither a place nor a date, not even the report's (a sentence dated only by
  // when it was said gives none), is a generic or hypothetical mention, unless its class is
  // reported without either (a call, a truce between states: placeless_event_classes.tsv).
  for (Event& ev : events_) {
    if (!ev.merged && ev.locations.empty() && ev.context.empty() && ev.date.empty() &&
        !res_.in("placeless_event_classes", fold_key(ev.cls))) {
      ev.merged = true;
    }
  }
  // "the dissidents who rejected the 2016 peace deal", "talks that began in 2021": an accord,
  // truce or talks with no place and only an earlier year as its date is background
  // (data/lexicon/background_event_classes.tsv), not a reported event.
  const std::string& report_day = reference_date(article_);
  for (Event& ev : events_) {
    if (!ev.merged && ev.locations.empty() && ev.context.empty() && ev.date.size() == 4 &&
        report_day.size() >= 4 && ev.date < report_day.substr(0, 4) &&
        res_.in("background_event_classes", fold_key(ev.cls))) {
      ev.merged = ev.dropped = true;
    }
  }
  // "Russian missiles struck X": a state found only through its demonym acts when it is
  // an event's agent.
  for (const Event& ev : events_) {
    if (ev.merged) continue;
    for (int a : ev.agents) entities_[static_cast<std::size_t>(a)].as_actor = true;
  }
  // "In Western Sahara, ...", "the UN envoy for Western Sahara": a territory the gazetteer lists
  // as a country but that is no state (data/lexicon/territories.tsv, ISO codes) is a place,
  // never an actor.
  for (Entity& e : entities_) {
    if (!e.as_actor || e.place < 0) continue;
    const Place& p = res_.gazetteer.place(static_cast<std::uint32_t>(e.place));
    if (p.kind == PlaceKind::Country && res_.in("territories", fold_key(p.country_iso2))) {
      e.as_actor = false;
      e.as_place = true;
    }
  }
  merge_unnamed_persons();
  return emit(sink);
}

}  // namespace ng::extract::stage1
