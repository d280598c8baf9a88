// Stage 1 mentions: gazetteer names, names known from earlier sentences and references back.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/article_run.hpp"

namespace ng::extract::stage1 {

void ArticleRun::gazetteer_mentions(const Sentence& s, std::uint32_t si) {
  // A name's last word is capitalised, or is a lower-case article joined by a hyphen to a
  // capitalised word ("Deir ez-Zor", "Ras al-Ain"): the gazetteer spells it so too.
  const auto ends_name_word = [&](const Token& t) {
    if (t.is(kCapitalized)) return true;
    const std::size_t dash = t.key.find('-');
    if (t.kind != TokenKind::Word || dash == std::string::npos || dash == 0 || dash > 3) {
      return false;
    }
    const char next = norm_.text[t.begin + dash + 1];
    return next >= 'A' && next <= 'Z';
  };
  const Gazetteer& gz = res_.gazetteer;
  std::vector<PhraseIndex::Match> matches;
  for (std::uint32_t i = s.first_token; i < s.last_token;) {
    const Token& t = tokens_[i];
    // The article pre-pass already knows which tokens start a gazetteer name.
    if (t.kind != TokenKind::Word || !gazetteer_hit_[i]) {
      ++i;
      continue;
    }
    cached_matches(gz_names_, gz_names_at_, i, s.last_token, matches);
    int best = -1;
    std::uint32_t best_len = 0;
    bool road_name = false;
    if (!matches.empty()) {
      // The longest match whose last word is capitalised: "Sagaing region" is the gazetteer's
      // "Sagaing" followed by a common noun (rules add the head word).
      best_len = 0;
      for (const auto& m : matches) {
        if (ends_name_word(tokens_[i + m.length - 1])) {
          best_len = m.length;
          break;
        }
      }
      // "X province", or "the provinces of X (and Y)".
      const bool province_word =
          (i + best_len < s.last_token && word_in("region_words", i + best_len)) ||
          (i >= s.first_token + 2 && tokens_[i - 1].key == "of" &&
           (tokens_[i - 2].key == "province" || tokens_[i - 2].key == "provinces")) ||
          (i >= s.first_token + 4 && tokens_[i - 1].key == "and" && tokens_[i - 3].key == "of" &&
           tokens_[i - 4].key == "provinces");
      // "Somali soldiers": a demonym is no province of the same name without its head word.
      std::vector<PhraseIndex::Match> as_demonym;
      cached_matches(gz_demonyms_, gz_demonyms_at_, i, s.last_token, as_demonym);
      long best_score = -1;
      road_name = false;
      for (const auto& m : matches) {
        if (m.length != best_len) continue;
        const Place& p = gz.place(m.value);
        const bool known_country = article_countries_.count(p.country_iso2) > 0;
        long score = 0;
        if (p.kind != PlaceKind::Country) {
          if (best_len == 1 && word_in("not_places", i)) continue;
          // One word in capitals in running text (a lower-case word next to it), outside the
          // dateline, is an acronym ("the official SANA news agency"), not a town's name.
          if (best_len == 1 && tokens_[i].is(kAllCaps) &&
              !(i >= dateline_begin_ && i < dateline_end_)) {
            auto lower = [&](std::uint32_t k) {
              return k >= s.first_token && k < s.last_token && tokens_[k].kind == TokenKind::Word &&
                     !tokens_[k].is(kCapitalized) && !tokens_[k].is(kAllCaps);
            };
            if (lower(i - 1) || lower(i + 1)) continue;
          }
          // A city name inside a run of capitalised words is part of another name.
          const bool cap_before = i > s.first_token && tokens_[i - 1].kind == TokenKind::Word &&
                                  tokens_[i - 1].is(kCapitalized) && !tokens_[i - 1].is(kAllCaps) &&
                                  i - 1 > s.first_token;
          const bool cap_after =
              i + best_len < s.last_token && tokens_[i + best_len].kind == TokenKind::Word &&
              tokens_[i + best_len].is(kCapitalized) && !tokens_[i + best_len].is(kAllCaps);
          if (cap_before && cap_after) continue;
          // "writer Regina Garcia Cano", "By Mariana Teles": a one-word town's name after a
          // lower-case word and before two more capitalised words, or after "By" and before
          // one, opens a person's name.
          if (!cap_before && cap_after && best_len == 1 && p.kind == PlaceKind::City &&
              i > s.first_token && first_name_of_run(s, i)) {
            continue;
          }
          // "near the Tarvo road": a one-word town between "the" and a lower-case road word
          // names the road (a site, made below), not the town.
          if (best_len == 1 && p.kind == PlaceKind::City && i > s.first_token &&
              tokens_[i - 1].key == "the" && i + 1 < s.last_token &&
              !tokens_[i + 1].is(kCapitalized) && word_in("road_words", i + 1)) {
            road_name = true;
            continue;
          }
          // "Tarvo said on Monday": a one-word town of a state the article does not name, right
          // before a verb of speech, is a person's surname (towns do not speak; a capital stands
          // for its state and is kept). Only as the subject, opening the sentence or a clause
          // after punctuation: "Residents of Tarvo said" names the town.
          const bool subject_start = i == s.first_token || tokens_[i - 1].kind == TokenKind::Punct;
          if (best_len == 1 && p.kind == PlaceKind::City && !known_country && !gz.is_capital(p) &&
              subject_start && i + 1 < s.last_token && word_in("speech_verbs", i + 1)) {
            continue;
          }
          // "Castro said", "to meet Castro": a one-word town's name that is the surname of a
          // person the article has named is that person.
          if (best_len == 1 && p.kind == PlaceKind::City && surname_of_person(tokens_[i].key)) {
            continue;
          }
          // "Nabih Berri", "Maria Corina Machado": a town's name closing a run of capitalised
          // words is a surname, unless the word before is a time, compass or place word or
          // ends another place ("On Sunday Kharkiv", "North Kivu" are places).
          if (cap_before && !cap_after && p.kind == PlaceKind::City &&
              !res_.in("time_words", tokens_[i - 1].key) &&
              !res_.in("compass", tokens_[i - 1].key) &&
              !res_.in("region_words", tokens_[i - 1].key) &&
              (mentions_.empty() || mentions_.back().end != i)) {
            continue;
          }
        }
        if (p.kind == PlaceKind::Country) {
          // "Yeonpyeong Island": a state's foreign-language alias that is an English word news
          // uses otherwise (not_places.tsv) names no state; the state's own name still does, and
          // so does an alias in capitals ("US" is no "Us").
          if (best_len == 1 && !tokens_[i].is(kAllCaps) && word_in("not_places", i) &&
              fold_key(p.name) != tokens_[i].key) {
            continue;
          }
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
    // "US$7.5 million", "HK$ 2 billion": a place's short name before a currency sign is part of
    // the currency's symbol, no place nor state.
    if (best >= 0 && best_len == 1 && i + 1 < s.last_token && tokens_[i + 1].key == "$") {
      best = -1;
    }
    if (best < 0 && road_name) {
      Mention m;
      m.sentence = si;
      m.begin = m.name_begin = i;
      m.end = m.name_end = i + 2;
      m.type = kSite;
      m.locative = is_locative(si, i);
      m.entity = resolve_entity(kSite, surface(i, i + 2), -1);
      mentions_.push_back(m);
      i += 2;
      continue;
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
      // A dateline ("KHARTOUM -") names where the report was filed; it opens its line ("Egypt
      // and the UAE - met in X": a dash after an acronym inside a sentence is no dateline).
      if ((tokens_[i].is(kAllCaps) && i == s.first_token && i + best_len < s.last_token &&
           tokens_[i + best_len].key == "-") ||
          (i >= dateline_begin_ && i + best_len <= dateline_end_)) {
        m.locative = true;
        m.dateline = true;
      }
      // "tensions between Washington and Tehran", "mediate between A and B": capitals named as
      // the two sides of a relation stand for their states, not for where it is.
      if (m.locative && !m.dateline && gz.is_capital(p) && capital_sides(s, i)) m.locative = false;
      // "tell its friends in Washington and Paris": capitals after "in" and a noun of the
      // people a state deals with (data/lexicon/capital_metonym_nouns.tsv) stand for states.
      if (m.locative && !m.dateline && gz.is_capital(p) && partners_in_capital(s, i)) {
        m.locative = false;
      }
      if (gz.is_capital(p) && !m.locative) {
        // "Kampala accuses", "relations with Nairobi": the capital stands for the state.
        const bool place_word_after =
            i + best_len < s.last_token && res_.in("region_words", tokens_[i + best_len].key);
        // "the Pretoria agreement", "the Muscat talks": a capital naming what was agreed or held
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
      // A gazetteer city that the article made an area ("Kharkov region", see rule_actions.cpp)
      // is still a city where the text says so: "the city of Kharkiv", "50 km north of
      // Kharkiv" name the city, another place than the region.
      // The area keeps its name but is no longer that GeoNames record (nor its IRI).
      if (m.type == kCity && entities_[static_cast<std::size_t>(m.entity)].type != kCity &&
          city_cue(s, i, i + best_len)) {
        const int area = m.entity;
        m.entity = resolve_entity(m.type, surface(i, i + best_len), best, "#city");
        entities_[static_cast<std::size_t>(area)].place = -1;
      }
      Entity& e = entities_[static_cast<std::size_t>(m.entity)];
      // Capitals-only spellings (datelines, headlines) give way to the gazetteer's name.
      if (tokens_[i].is(kAllCaps) && e.label == surface(i, i + best_len)) e.label = p.name;
      // A state first met through its demonym ("Turkish troops") is labelled with the name the
      // article writes for it ("Turkey"), not the gazetteer's ("Türkiye"); so is a place first
      // met in a capitals-only dateline ("MEKELLE" then "Mekelle", not the gazetteer's
      // "Mek'ele").
      // A gazetteer name that is the state's demonym ("Togolese soldiers") is no name the
      // article writes for the state: the label waits for one ("Togo").
      // So is a short name the article uses as the state's adjective ("the Saudi city of X"):
      // a gazetteer name that a demonym lexicon also lists for the same state.
      std::vector<PhraseIndex::Match> same_demonym;
      if (p.kind == PlaceKind::Country) {
        cached_matches(gz_demonyms_, gz_demonyms_at_, i, s.last_token, same_demonym);
      }
      const bool demonym_name =
          p.kind == PlaceKind::Country &&
          (fold_key(surface(i, i + best_len)) == fold_key(p.demonym) ||
           std::any_of(same_demonym.begin(), same_demonym.end(), [&](const auto& d) {
             return d.length == best_len && d.value == static_cast<std::uint32_t>(best);
           }));
      if (demonym_name && !e.written && e.label == surface(i, i + best_len)) e.label = p.name;
      // A state first written by an official long form ("the French Republic") is labelled
      // with its common name once the article writes that ("France") too.
      const std::string written = surface(i, i + best_len);
      const bool common_name = p.kind == PlaceKind::Country && e.written && e.label != written &&
                               fold_key(written) == fold_key(p.name);
      if (!tokens_[i].is(kAllCaps) && ((!e.written && !demonym_name) || common_name)) {
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
    // Demonyms, whole or as the first part of a hyphenated word ("Omani-mediated").
    cached_matches(gz_demonyms_, gz_demonyms_at_, i, s.last_token, matches);
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
      if (lx.lexicon != org_lex) continue;  // (first: the test below costs two hash lookups)
      // "al Shabaab": a lower-case name particle may open a longer spelling.
      const bool opens_name = tokens_[i].is(kCapitalized) ||
                              (lx.length > 1 && res_.in("name_particles", tokens_[i].key) &&
                               tokens_[i + 1].is(kCapitalized));
      if (!opens_name) continue;
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
                   tokens_[i - 1].is(kCapitalized) && !covered_by(kActorMask, i - 1) &&
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
    if (advance == 1 && !covered_by(kActorMask, i)) {
      // Names and abbreviations seen before are capitalised: skip other tokens cheaply.
      if (tokens_[i].is(kCapitalized)) {
        known_.match(tokens_, i, s.last_token, matches);
      } else {
        matches.clear();
      }
      if (!matches.empty() && matches.front().length == 1) {
        // "Khan" of "Ivan Khan" is not the one in "Amir Khan Delgado".
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

// "friends in Washington and Paris", "its allies in Kigali": token i opens a capital listed after
// "in" and a word of capital_metonym_nouns.tsv (other capitals, "and" and commas between).
bool ArticleRun::partners_in_capital(const Sentence& s, std::uint32_t i) const {
  for (std::uint32_t k = i, n = 0; k > s.first_token + 1 && n < 8; --k, ++n) {
    const Token& t = tokens_[k - 1];
    if (t.key == "in") return res_.in("capital_metonym_nouns", tokens_[k - 2].key);
    if (t.key != "and" && t.key != "," && !t.is(kCapitalized)) return false;
  }
  return false;
}

// A capital the text calls so: "the (Libyan) capital(,) X", "X, the (Libyan) capital".
bool ArticleRun::called_capital(const Sentence& s, const Mention& mn) const {
  std::uint32_t k = mn.begin;
  if (k > s.first_token && tokens_[k - 1].key == ",") --k;
  if (k > s.first_token && tokens_[k - 1].key == "capital") return true;
  std::uint32_t after = mn.end;
  if (after + 1 >= s.last_token || tokens_[after].key != "," || tokens_[after + 1].key != "the") {
    return false;
  }
  for (after += 2; after < s.last_token && after < mn.end + 5; ++after) {
    if (tokens_[after].key == "capital") return true;
  }
  return false;
}

// "a truck bomb in the capital killed ...": a bare "the capital" (no name after it, not "the
// capital of") is the last capital city the article named ("in the capital, Mogadishu"); the
// last one called a capital first ("in the Libyan capital, Tripoli, ... talks in Ankara ...
// clashes in the capital": Tripoli).
void ArticleRun::capital_mentions(const Sentence& s, std::uint32_t si) {
  const Gazetteer& gz = res_.gazetteer;
  for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
    if (tokens_[i].key != "capital" || tokens_[i - 1].key != "the" || last_capital_ < 0) continue;
    if (covered_by(kPlaceMask | kActorMask, i)) continue;
    const std::uint32_t next = i + 1;
    if (next < s.last_token) {
      const Token& t = tokens_[next];
      if (t.key == "of" || t.key == "city" || (t.kind == TokenKind::Word && t.is(kCapitalized)))
        continue;
      if (t.key == "," && next + 1 < s.last_token && tokens_[next + 1].is(kCapitalized)) continue;
    }
    add_reference(si, i - 1, i + 1, kCity, called_capital_ >= 0 ? called_capital_ : last_capital_,
                  true);
  }
  // The last capital named so far, for the next "the capital" (as a place: "Nairobi said it was
  // ready with ..." names the state).
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.dateline || mn.metonym || mn.type != kCity || mn.entity < 0) continue;
    const Entity& e = entities_[static_cast<std::size_t>(mn.entity)];
    if (e.place >= 0 && gz.is_capital(gz.place(static_cast<std::uint32_t>(e.place)))) {
      last_capital_ = mn.entity;
      if (called_capital(s, mn)) called_capital_ = mn.entity;
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
    if (covered_by(kPlaceMask | kActorMask, i)) continue;
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
        const std::vector<std::string>& words = label_keys(static_cast<std::size_t>(entity));
        if (!words.empty() && words.back() == noun) return true;
        // (A site now known by its bare name was named with the noun: "Kelemi camp".)
        for (const std::string& alt : e.alt_labels) {
          const std::size_t space = alt.rfind(' ');
          if (space != std::string::npos && fold_key(alt.substr(space + 1)) == noun) return true;
        }
        return false;
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
  const int refs_id = refs ? res_.lexicon_id.at("group_references") : -1;
  std::vector<std::pair<std::uint32_t, int>> groups;  // this sentence's groups: end, entity
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (!mn.dropped && mn.type == kArmedGroup && mn.entity >= 0) {
      groups.emplace_back(mn.end, mn.entity);
    }
  }
  std::sort(groups.begin(), groups.end());
  for (std::uint32_t i = s.first_token; refs && i < s.last_token; ++i) {
    if (!word_in(refs_id, i)) continue;
    if (i > s.first_token) {
      const Token& before = tokens_[i - 1];
      if (tokens_[i].is(kCapitalized) ||
          (before.kind == TokenKind::Word && before.is(kCapitalized)))
        continue;
    }  // (sentence-initial: "Insurgents seized the town")
    if (i + 1 < s.last_token && (tokens_[i + 1].key == "of" || tokens_[i + 1].key == "from"))
      continue;
    if (covered_by(kPlaceMask | kActorMask, i)) continue;
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
    // ("between the RSF and the rebels around X": a preposition of place that only a rule's
    // context covers, not a name, ends the sides; X is where.)
    const auto place_preposition = [&](std::uint32_t k) {
      if (!res_.in("locative", tokens_[k].key)) return false;
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
        const Mention& mn = mentions_[q];
        if (!mn.dropped && mn.name_begin < k && k < mn.name_end) return false;
      }
      return true;
    };
    while (m < s.last_token &&
           ((covered_by(kPlaceMask | kActorMask | bit(kDemonym), m) && !place_preposition(m)) ||
            tokens_[m].key == "and" || tokens_[m].key == "," || tokens_[m].key == "the" ||
            tokens_[m].key == "'s")) {
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

bool ArticleRun::city_cue(const Sentence& s, std::uint32_t b, std::uint32_t e) const {
  if (e < s.last_token && tokens_[e].key == "city") return true;
  // "In X, on the river, a fire broke out at the city's refinery": the sentence calls the place
  // the city later on ("the city of Y" names another city).
  for (std::uint32_t k = e; k + 2 < s.last_token; ++k) {
    if (tokens_[k].key == "the" && tokens_[k + 1].key == "city" && tokens_[k + 2].key != "of") {
      return true;
    }
  }
  if (b < s.first_token + 2 || tokens_[b - 1].key != "of") return false;
  const std::string& w = tokens_[b - 2].key;
  if (w == "city" || w == "town") return true;
  // A bearing: a distance, then a compass word, then "of" ("20 km east of", "60 kilometers
  // (37 miles) southwest of").
  if (!res_.in("compass", w)) return false;
  for (std::uint32_t k = b - 2; k > s.first_token && k + 8 > b; --k) {
    if (tokens_[k - 1].kind == TokenKind::Number) return true;
  }
  return false;
}

}  // namespace ng::extract::stage1

namespace ng::extract::stage1 {

// "Kelemi camp", "the Kelemi refugee camp": the key of the name without its kind
// (data/lexicon/site_kinds.tsv) and the modifiers before it (site_modifiers.tsv), "" when the
// name has no kind word or nothing else.
std::string ArticleRun::site_base_key(const std::string& label) const {
  std::vector<std::string_view> words;
  for (std::string_view w : split(label, ' ')) {
    if (!w.empty()) words.push_back(w);
  }
  if (words.size() < 2 || !res_.in("site_kinds", fold_key(words.back()))) return {};
  words.pop_back();
  while (words.size() > 1 && res_.in("site_modifiers", fold_key(words.back()))) words.pop_back();
  std::string base;
  for (std::string_view w : words) {
    if (!base.empty()) base += ' ';
    base += w;
  }
  std::string key = fold_key(base);
  if (key.rfind("the ", 0) == 0) key = key.substr(4);
  if (key.empty() || key == "the") return {};
  return "l:" + key;
}

// One site under two names, whichever comes first: "Kelemi camp" after the site "Kelemi" is
// that site; the site "Kelemi" after "Kelemi camp" is that one, which is then labelled by the
// bare name (the name the camp has; the kind is a description). -1 when neither applies.
int ArticleRun::same_site(const std::string& label, const std::string& key) {
  const std::string base = site_base_key(label);
  if (!base.empty()) {
    const auto it = entity_by_key_.find(base);
    if (it != entity_by_key_.end() && entities_[static_cast<std::size_t>(it->second)].type == kSite)
      return it->second;
    return -1;
  }
  const auto it = site_by_base_.find(key);
  if (it == site_by_base_.end()) return -1;
  Entity& e = entities_[static_cast<std::size_t>(it->second)];
  if (std::find(e.alt_labels.begin(), e.alt_labels.end(), e.label) == e.alt_labels.end()) {
    e.alt_labels.push_back(e.label);
  }
  e.label = label;
  entity_by_key_[key] = it->second;
  return it->second;
}

void ArticleRun::note_site_base(const std::string& label, int id) {
  const std::string base = site_base_key(label);
  if (!base.empty()) site_by_base_.emplace(base, id);
}

}  // namespace ng::extract::stage1
