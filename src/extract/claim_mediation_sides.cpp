// ArticleRun: the sides of a mediation (name lists, two groups, unnamed and subject sides).

#include <algorithm>

#include "extract/claim_run.hpp"

namespace ng::extract::claims {

// Coordinated names right after `from`: "A, B and C".
std::vector<int> ArticleRun::name_list(const std::vector<Mention>& ms, std::uint32_t from,
                                       std::uint32_t end, std::uint32_t* list_end) const {
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
    int who = as_actor(hit);
    // "Prime Minister X's government has been mediating": a leader's government is his state.
    if (next + 1 < end && tokens_[next].key == "'s" && body_kind(next + 1) == "state" &&
        entities_[static_cast<std::size_t>(who)].cls == "Person") {
      const int state = side_of(who);
      if (state >= 0 && entities_[static_cast<std::size_t>(state)].country()) {
        who = state;
        next += 2;
      }
    }
    out.push_back(who);
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
std::vector<int> ArticleRun::relative_antecedent(const Sentence& s, const std::vector<Mention>& ms,
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
    // ("The Council of X (CX), which ...": past the acronym the name defines.)
    if (end >= s.first_token + 4 && tokens_[end - 1].key == ")" && tokens_[end - 3].key == "(") {
      end -= 3;
    }
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
int ArticleRun::actor_named(const std::string& name) const {
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

int ArticleRun::country_for_prefix(std::string_view prefix, bool demonym_only) {
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

// "Iraqi officials", "U.S. diplomats", "the Egyptian mediators" at `at`: a state's demonym or
// name (no mention of its own there) before a head noun of claim_source_nouns.tsv stands for
// the state; -1 otherwise. `phrase_end` gets the end of the phrase.
int ArticleRun::officials_state(const std::vector<Mention>& ms, std::uint32_t at, std::uint32_t end,
                                std::uint32_t* phrase_end) {
  if (at < end && tokens_[at].key == "the") ++at;
  if (at + 1 >= end || !tokens_[at].is(kCapitalized) || tokens_[at].is(kInQuote)) return -1;
  // A name that is an actor of its own ("Hamas officials") is read as a name is.
  const bool named = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
    return m.begin <= at && at < m.end && !entities_[static_cast<std::size_t>(m.entity)].country();
  });
  if (named) return -1;
  std::uint32_t l = 0;
  std::uint32_t r = 0;
  if (tokens_[at + 1].is(kCapitalized) || !matches(res_.source_nouns, at + 1, end, l, r)) {
    return -1;
  }
  const int state = country_for_prefix(tokens_[at].key);
  if (state < 0 || !entities_[static_cast<std::size_t>(state)].country()) return -1;
  if (phrase_end) *phrase_end = at + 1 + l;
  return state;
}

// A mediator named by its role before the noun at `at` ("mediator", slot before): "X's
// mediator" (up to two lower-case words between: "X's chief mediator") is X, unless the phrase
// is an apposition on a person, "P, the X's mediator for the crisis, said": then P. Empty
// when the noun has no owner.
std::vector<int> ArticleRun::role_mediator(const Sentence& s, const std::vector<Mention>& ms,
                                           std::uint32_t at) const {
  std::uint32_t k = at;
  while (k > s.first_token && at - k < 2 && tokens_[k - 1].kind == TokenKind::Word &&
         !tokens_[k - 1].is(kCapitalized) && tokens_[k - 1].key != "'s") {
    --k;
  }
  // ("the Organization of American States' mediator": a plural's bare apostrophe.)
  if (k < s.first_token + 2 || (tokens_[k - 1].key != "'s" && tokens_[k - 1].key != "'")) {
    return {};
  }
  const Mention* owner = nullptr;
  for (const Mention& m : ms) {
    if (m.end == k - 1 && agentive(m.entity)) owner = &m;
  }
  if (owner == nullptr) return {};
  // "P, the X's mediator": the person the apposition describes, right before its comma.
  std::uint32_t b = owner->begin;
  if (b > s.first_token && tokens_[b - 1].key == "the") --b;
  if (b >= s.first_token + 2 && tokens_[b - 1].key == ",") {
    for (const Mention& m : ms) {
      if (m.end == b - 1 && entities_[static_cast<std::size_t>(m.entity)].person()) {
        return {m.entity};
      }
    }
  }
  const int who = as_actor(owner->entity);
  return who >= 0 ? std::vector<int>{who} : std::vector<int>{};
}

// "the two groups", "two armed groups", "the two factions" in [b, e): the two armed groups or
// other bodies (a group defined as "X (ABC)" is an organisation) named last before this
// sentence (no state's forces, no mediator), or none.
std::vector<int> ArticleRun::two_groups(std::uint32_t b, std::uint32_t e) const {
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
    // ("the state security ministry", a body named as written in lower case, is no group.)
    if (!en.label.empty() && en.label.front() >= 'a' && en.label.front() <= 'z') continue;
    seen.emplace_back(pos, g);
  }
  if (seen.size() < 2) return {};
  std::sort(seen.rbegin(), seen.rend());
  return {seen[1].second, seen[0].second};
}

// "government-aligned forces", "the pro-government militias", "army-backed fighters": a side
// described by its tie to a state body (claim_body_nouns.tsv, kind state) in one hyphenated
// word opening the conjunct [b, e) is the home state's side; -1 otherwise.
int ArticleRun::aligned_state_side(std::uint32_t b, std::uint32_t e) const {
  if (b < e && tokens_[b].key == "the") ++b;
  if (b + 1 >= e || tokens_[b].kind != TokenKind::Word || tokens_[b].is(kCapitalized)) return -1;
  const std::string& w = tokens_[b].key;
  const auto dash = w.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 >= w.size()) return -1;
  const std::string body = w.substr(0, dash) == "pro" ? w.substr(dash + 1) : w.substr(0, dash);
  if (body_kind_of(body) != "state") return -1;
  return home_state();
}

// The conjuncts of [from, to) that name no actor, as sides: "the government" (resolved as a
// speaker is), "the presidential council" (a body of its own), "opposition groups", "a group
// of holdout opposition groups" (mediation_party_nouns.tsv; a node named as written).
std::vector<int> ArticleRun::unnamed_sides(const Sentence& s, const std::vector<Mention>& ms,
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
      // "between Morocco and the Polisario": "the" and one capitalised word that opens the
      // name of an actor of the article is that actor (its short name).
      int side = -1;
      if (e == b + 2 && tokens_[b].key == "the" && tokens_[b + 1].is(kCapitalized) &&
          !tokens_[b + 1].is(kInQuote)) {
        side = modifier_side(ms, b + 1, false);
      }
      if (side < 0) side = aligned_state_side(b, e);
      if (side < 0) side = definite_speaker(s, ms, e, true);
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
          // ("the Rwanda-backed rebels": a "<name>-backed" modifier tells who supports the
          // group, it names no other one; the suffixes of mediation_triggers.tsv's
          // prefix_object rows.)
          auto backing = [&](const Token& t) {
            const auto dash = t.key.rfind('-');
            return dash != std::string::npos && dash > 0 &&
                   res_.prefix_object_triggers.count(t.key.substr(dash)) > 0;
          };
          while (nb + 1 < e && nb > b && tokens_[nb - 1].key == "the" && backing(tokens_[nb])) {
            ++nb;
          }
          const bool definite =
              nb > b && (tokens_[nb - 1].key == "the" || backing(tokens_[nb - 1]));
          // "the rebels" alone: the armed group named last ("between the rebels and X").
          if (nb == e - 1 && definite) {
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
int ArticleRun::reporting_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                  std::uint32_t at) {
  for (std::uint32_t k = s.first_token + 2; k < at; ++k) {
    const bool described = tokens_[k - 2].key == "the" && tokens_[k - 1].kind == TokenKind::Word &&
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
std::uint32_t ArticleRun::side_holders_end(std::uint32_t with) const {
  for (std::uint32_t t = with + 1; t < tokens_.size() && t < with + 5; ++t) {
    if (tokens_[t].key == "of" || tokens_[t].key == "from") return t;
    if (tokens_[t].kind != TokenKind::Word || tokens_[t].is(kCapitalized)) break;
  }
  return with;
}

// "the government and several separatist groups had agreed", "Israel and Hamas agreed": the
// two sides of a clause subject made of two noun phrases joined by "and" (none otherwise).
std::vector<int> ArticleRun::subject_sides(const Sentence& s, const std::vector<Mention>& ms,
                                           std::uint32_t from, std::uint32_t to) {
  // A region or province named as a side stands for its authorities, as after "between".
  auto region = [&](const Mention& m) {
    const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
    return cls == "Region" || cls == "Province";
  };
  // Where a noun phrase starting at b ends: after a name ("A's national government": with the
  // body after the name's possessive), after the person a short description gives after a comma
  // ("the newly elected X leader, A,"), after a head noun, or after the name or region that
  // "of" brings ("leaders of the autonomous region of B").
  auto phrase_end = [&](std::uint32_t b) -> std::uint32_t {
    std::uint32_t k = b;
    if (k < to && (tokens_[k].key == "the" || tokens_[k].key == "several")) ++k;
    for (const Mention& m : ms) {
      if (m.begin != k || !agentive(m.entity)) continue;
      if (m.end + 1 < to && tokens_[m.end].key == "'s") {
        for (std::uint32_t h = m.end + 1; h < to && h < m.end + 4; ++h) {
          if (tokens_[h].kind != TokenKind::Word || tokens_[h].is(kCapitalized)) break;
          if (!body_kind(h).empty()) return h + 1;
        }
      }
      return m.end;
    }
    // The person a description introduces: "the newly elected opposition leader, B, met".
    for (std::uint32_t h = k + 1; h + 1 < to && h < k + 8; ++h) {
      if (tokens_[h].key != ",") {
        if (tokens_[h].kind != TokenKind::Word) break;
        continue;
      }
      for (const Mention& m : ms) {
        const Entity& en = entities_[static_cast<std::size_t>(m.entity)];
        if (m.begin == h + 1 && en.cls == "Person" && m.end < to && tokens_[m.end].key == ",") {
          return m.end;
        }
      }
      break;
    }
    for (std::uint32_t h = k; h < to && h < k + 5; ++h) {
      if (tokens_[h].kind != TokenKind::Word) break;
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (matches(res_.med_party_nouns, h, to, l, r)) return h + l;
      if (!body_kind(h).empty()) return h + 1;
    }
    // The name or region "of" brings: "leaders of the autonomous region of B".
    for (std::uint32_t h = k + 1; h + 1 < to && h < k + 8; ++h) {
      if (tokens_[h].kind != TokenKind::Word) break;
      if (tokens_[h].key != "of") continue;
      for (const Mention& m : ms) {
        if (m.begin == h + 1 && (agentive(m.entity) || region(m))) return m.end;
      }
    }
    return b;
  };
  // Skip the opening dateline, an opening time or place phrase up to a comma ("On Friday,
  // ..."), and a reporting clause ("X said on Friday that ...").
  if (from < dateline_end_ && dateline_end_ < to) from = dateline_end_;
  // A list bullet opening the line ("* A and B agreed ...", "- A and B ...") is no word of
  // the clause.
  while (from < to && tokens_[from].kind == TokenKind::Punct && tokens_[from].key != "\"" &&
         tokens_[from].key != "(") {
    ++from;
  }
  std::uint32_t b = from;
  for (std::uint32_t k = from; k < to && k < from + 6; ++k) {
    if (tokens_[k].key == ",") b = k + 1;
  }
  for (std::uint32_t k = from; k < to; ++k) {
    if (tokens_[k].key == "that") b = k + 1;
  }
  // "Georgian and Abkhaz officials held talks ...": two capitalised modifiers sharing one
  // lower-case head name the two sides: a demonym its state, another word the actor named by
  // it (a mention there, else the actor whose name opens with the word).
  {
    std::uint32_t k = b;
    if (k < to && tokens_[k].key == "the") ++k;
    if (k + 3 < to && tokens_[k].is(kCapitalized) && tokens_[k + 1].key == "and" &&
        tokens_[k + 2].is(kCapitalized) && tokens_[k + 3].kind == TokenKind::Word &&
        !tokens_[k + 3].is(kCapitalized)) {
      const int one = modifier_side(ms, k, true);
      const int two = modifier_side(ms, k + 2, true);
      if (one >= 0 && two >= 0) {
        const int a = country_of(one) >= 0 ? country_of(one) : one;
        const int c = country_of(two) >= 0 ? country_of(two) : two;
        if (a != c) return {a, c};
      }
    }
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
  // "The X president, A, and the Y leader, B, met": the comma closing an apposition.
  if (e1 > b && e1 + 1 < to && tokens_[e1].key == "," && tokens_[e1 + 1].key == "and") ++e1;
  if (e1 == b || e1 >= to || tokens_[e1].key != "and") return {};
  const std::uint32_t e2 = phrase_end(e1 + 1);
  if (e2 == e1 + 1) return {};
  std::vector<int> out;
  for (const auto& [pb, pe] : {std::pair{b, e1}, std::pair{e1 + 1, e2}}) {
    int side = -1;
    int place = -1;
    for (const Mention& m : ms) {
      if (m.begin < pb || m.end > pe) continue;
      if (agentive(m.entity)) side = as_actor(m.entity);
      if (region(m)) place = m.entity;
    }
    if (side < 0) side = place;
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
std::vector<int> ArticleRun::with_sides(const Sentence& s, const std::vector<Mention>& ms,
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
    if (subject >= 0) subject = country_of(subject) >= 0 ? country_of(subject) : as_actor(subject);
    if (subject >= 0 && subject != side && !mediates(subject)) out.insert(out.begin(), subject);
    return out;
  }
  return {};
}

// The side a capitalised modifier at `at` names ("Georgian", "Abkhaz" in "Georgian and Abkhaz
// officials"): a one-word mention there, a demonym's state, else the actor whose name opens
// with the word (plural "s" aside); -1 when none.
int ArticleRun::modifier_side(const std::vector<Mention>& ms, std::uint32_t at, bool described) {
  for (const Mention& m : ms) {
    if (m.begin == at && m.end == at + 1 && agentive(m.entity)) return as_actor(m.entity);
  }
  const int c = country_for_prefix(tokens_[at].key);  // "Omani", "Kenyan"
  if (c >= 0) return c;
  const std::string& w = tokens_[at].key;
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    const Entity& en = entities_[e];
    // (Unless `described`, not an unnamed plural node minted from a description: "Twic
    // leaders".)
    if (!en.actor || en.cls == "City" || en.cls == "Person" || (en.cls == "Actor" && !described)) {
      continue;
    }
    const std::vector<std::string> keys = phrase_keys(en.label, res_.abbreviations);
    if (!keys.empty() && (keys.front() == w || keys.front() == w + "s")) {
      return static_cast<int>(e);
    }
  }
  return -1;
}

// "between the authorities and X's political parties": a name whose possessive opens a
// lower-case plural side (a head of mediation_party_nouns.tsv ending the conjunct) names the
// owner of that side, not the side: the side is a node named as written after the "'s"; -1
// for any other mention.
int ArticleRun::owned_plural_side(const Mention& m, std::uint32_t stop) {
  const std::uint32_t b = m.end + 1;
  if (b >= stop || tokens_[m.end].key != "'s") return -1;
  std::uint32_t e = b;
  while (e < stop && tokens_[e].key != "and" && tokens_[e].kind == TokenKind::Word &&
         !tokens_[e].is(kCapitalized) && !tokens_[e].is(kInQuote)) {
    ++e;
  }
  if (e == b || (e < stop && tokens_[e].key != "and")) return -1;
  std::uint32_t l = 0;
  std::uint32_t r = 0;
  for (std::uint32_t h = b; h < e; ++h) {
    if (matches(res_.med_party_nouns, h, e, l, r) && h + l == e) {
      return mint_described(span_text(b, e), tokens_[e - 1].key, -1);
    }
  }
  return -1;
}

// The sides named after the "between" at k of sentence s.
void ArticleRun::sides_between(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t k,
                               std::vector<int>& into) {
  if (k + 1 >= s.last_token) return;
  // "between the Twic and Ngok communities", "between Omani and Huthi delegations": two
  // capitalised modifiers sharing one lower-case plural head are the two sides (a name
  // nothing else knows is a side as written).
  {
    std::uint32_t b = k + 1;
    if (tokens_[b].key == "the") ++b;
    const std::string& head = b + 3 < s.last_token ? tokens_[b + 3].key : std::string();
    if (b + 3 < s.last_token && tokens_[b].is(kCapitalized) && tokens_[b + 1].key == "and" &&
        tokens_[b + 2].is(kCapitalized) && tokens_[b + 3].kind == TokenKind::Word &&
        !tokens_[b + 3].is(kCapitalized) && head.size() > 3 && head.back() == 's') {
      std::vector<int> pair;
      for (std::uint32_t at : {b, b + 2}) {
        int side = modifier_side(ms, at, false);
        if (side < 0)
          side = mint_described(span_text(at, at + 1), tokens_[at].key, -1, "Organization");
        if (side >= 0) pair.push_back(country_of(side) >= 0 ? country_of(side) : side);
      }
      if (pair.size() == 2 && pair[0] != pair[1]) {
        for (int p : pair) {
          if (std::find(into.begin(), into.end(), p) == into.end()) into.push_back(p);
        }
        return;
      }
    }
  }
  // "between the army and the RSF": the names up to the end of the phrase (through a
  // possessive: "between A's army and B"; up to 19 words: "between the Government of the
  // Republic of X and the Y Z Movements Alliance").
  // "between A's chief negotiator, X Y, and B's negotiator": an apposition that names the
  // holder of a described side, then "and", is passed over; its name is no side of its own.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> appositions;
  std::uint32_t skipped = 0;
  std::uint32_t stop = k + 1;
  // "between the X Front (XF) and Y": an acronym in brackets after a name is passed over.
  auto bracketed = [&](std::uint32_t at) {
    return at + 2 < s.last_token && tokens_[at].key == "(" &&
           tokens_[at + 1].kind == TokenKind::Word && tokens_[at + 2].key == ")";
  };
  for (;;) {
    while (stop < s.last_token && stop - k - skipped < 20 &&
           (tokens_[stop].kind != TokenKind::Punct || tokens_[stop].key == "'s" ||
            bracketed(stop) || (stop >= 2 && bracketed(stop - 2)) ||
            (stop >= 1 && bracketed(stop - 1))) &&
           (tokens_[stop].key == "and" || !is_word(res_.victim_stops, stop, s.last_token)) &&
           tokens_[stop].key != "if" && tokens_[stop].key != "to" && tokens_[stop].key != "for") {
      ++stop;
    }
    if (stop + 2 >= s.last_token || tokens_[stop].key != "," || stop == k + 1) break;
    // "separate consultations with A, B and C": a list goes on past its commas while no "and"
    // has come and a name follows ("between A and B, C said" ends at the comma).
    const std::uint32_t next = tokens_[stop + 1].key == "the" ? stop + 2 : stop + 1;
    const bool serial = std::none_of(tokens_.begin() + k + 1, tokens_.begin() + stop,
                                     [](const Token& t) { return t.key == "and"; });
    if (serial && next < s.last_token && mention_at(ms, next) >= 0) {
      stop = next;
      continue;
    }
    std::uint32_t close = stop + 1;
    while (close < s.last_token && close < stop + 12 && tokens_[close].kind == TokenKind::Word) {
      ++close;
    }
    if (close + 1 >= s.last_token || tokens_[close].key != "," || tokens_[close + 1].key != "and") {
      break;
    }
    const bool holder = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return m.begin > stop && m.end == close &&
             entities_[static_cast<std::size_t>(m.entity)].cls == "Person";
    });
    if (!holder) break;
    appositions.emplace_back(stop, close + 1);
    skipped += close + 1 - stop;
    stop = close + 1;
  }
  // The persons named as sides, while every side so far is one.
  const std::vector<int> before = into;
  std::vector<int> people;
  bool all_people = true;
  for (const Mention& m : ms) {
    if (m.begin <= k || m.end > stop) continue;
    const bool apposed = std::any_of(appositions.begin(), appositions.end(), [&](const auto& a) {
      return m.begin >= a.first && m.end <= a.second;
    });
    if (apposed) continue;
    // ("X's political parties": the parties are the side; X, their owner, is none.)
    int c = owned_plural_side(m, stop);
    if (c < 0 && agentive(m.entity)) {
      const int p = as_actor(m.entity);
      c = country_of(p) >= 0 ? country_of(p) : p;
      // "a meeting between Ali and Venezuelan President Nicolas Maduro": a head of state
      // or official named as a side stands for the state of the office.
      const int state = entities_[static_cast<std::size_t>(p)].cls == "Person" ? side_of(p) : -1;
      if (state >= 0 && entities_[static_cast<std::size_t>(state)].country()) c = state;
      // "between the transitional authorities and X": a body known only by a lower-case
      // description with a state's head noun (claim_body_nouns.tsv) or an officials' noun
      // (claim_source_nouns.tsv) is the home state's side.
      const bool lower = std::none_of(tokens_.begin() + m.begin, tokens_.begin() + m.end,
                                      [](const Token& t) { return t.is(kCapitalized); });
      const bool state_head =
          body_kind(m.end - 1) == "state" || is_word(res_.source_nouns, m.end - 1, m.end);
      if (c == p && lower && state_head && home_state() >= 0) {
        c = home_state();
      }
    } else if (c < 0) {
      // "between Mogadishu and Jubaland": a province or region named as a side of talks
      // stands for its authorities.
      // Not one that modifies a noun ("the two Horn of Africa neighbours").
      const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
      // A possessive is no modifier: "B's negotiator" stands for B.
      const bool modifier = m.end < stop && tokens_[m.end].kind == TokenKind::Word &&
                            !tokens_[m.end].is(kCapitalized) && tokens_[m.end].key != "and" &&
                            tokens_[m.end].key != "'s";
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
      const int who = as_actor(m.entity);
      if (who >= 0 && entities_[static_cast<std::size_t>(who)].cls == "Person") {
        people.push_back(who);
      } else {
        all_people = false;
      }
    }
  }
  // "between X and his predecessor Y", "between President X and Y": persons of one state or
  // of none are the sides as persons; officials of two states stand for their states.
  if (all_people && people.size() >= 2) {
    std::vector<int> states;
    bool distinct_states = true;
    for (int who : people) {
      const int st = side_of(who);
      const bool state = st >= 0 && entities_[static_cast<std::size_t>(st)].country();
      if (!state || std::find(states.begin(), states.end(), st) != states.end()) {
        distinct_states = false;
      }
      states.push_back(st);
    }
    if (!distinct_states) {
      into = before;
      for (int who : people) {
        if (std::find(into.begin(), into.end(), who) == into.end()) into.push_back(who);
      }
    }
  }
  // "between the military and another ethnic armed group, the X,": a described side that an
  // apposition names right after the phrase is the side it names (the other conjuncts are
  // read as usual).
  if (into.size() < 2 && stop + 1 < s.last_token && tokens_[stop].key == ",") {
    std::uint32_t last_and = stop;
    for (std::uint32_t t = k + 1; t < stop; ++t) {
      if (tokens_[t].key == "and") last_and = t;
    }
    const bool described =
        last_and + 1 < stop && std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
          return m.begin > last_and && m.begin < stop;
        });
    const std::uint32_t named_at = stop + 1 + (tokens_[stop + 1].key == "the" ? 1 : 0);
    int apposed = -1;
    for (const Mention& m : ms) {
      if (!described || m.begin != named_at || !agentive(m.entity)) continue;
      const bool closed = m.end >= s.last_token || tokens_[m.end].kind == TokenKind::Punct;
      const int p = as_actor(m.entity);
      if (closed && p >= 0) apposed = country_of(p) >= 0 ? country_of(p) : p;
      break;
    }
    if (apposed >= 0) {
      if (into.empty()) {
        for (int c : unnamed_sides(s, ms, k + 1, last_and)) {
          if (c != apposed) into.push_back(c);
          break;
        }
      }
      if (std::find(into.begin(), into.end(), apposed) == into.end()) into.push_back(apposed);
      if (into.size() >= 2) return;
    }
  }
  // Sides in lower case: "between the government and opposition groups". Not one plural
  // noun alone ("between the armed factions", "between the two governments"): those are
  // both sides, found as for a sentence that names none.
  const bool two_phrases = std::any_of(tokens_.begin() + k + 1, tokens_.begin() + stop,
                                       [](const Token& t) { return t.key == "and"; });
  if (into.size() < 2 && two_phrases) {
    last_two_groups_.clear();
    // "clashes between Fatah and Islamist militants killed 11": the last conjunct ends at its
    // head noun (mediation_party_nouns.tsv) when a lower-case word that goes on no noun phrase
    // follows (not "of", not another head).
    std::uint32_t last_and = k + 1;
    for (std::uint32_t t = k + 1; t < stop; ++t) {
      if (tokens_[t].key == "and") last_and = t;
    }
    std::uint32_t phrase_end = stop;
    for (std::uint32_t t = last_and + 1; t < stop; ++t) {
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      if (!matches(res_.med_party_nouns, t, stop, l, r)) continue;
      const std::uint32_t after = t + l;
      std::uint32_t l2 = 0;
      const bool goes_on = after >= stop || tokens_[after].key == "of" ||
                           tokens_[after].key == "'s" || tokens_[after].is(kCapitalized) ||
                           matches(res_.med_party_nouns, after, stop, l2, r);
      if (!goes_on) phrase_end = after;
      break;
    }
    for (int c : unnamed_sides(s, ms, k + 1, phrase_end)) {
      const bool grouped =
          std::find(last_two_groups_.begin(), last_two_groups_.end(), c) != last_two_groups_.end();
      if ((into.size() < 2 || grouped) && std::find(into.begin(), into.end(), c) == into.end()) {
        into.push_back(c);
      }
    }
  }
  // "between them", "between the warring parties": the sides of the last "between A and B"
  // before; else "between the two factions": the two armed groups named last.
  if (into.empty() && !two_phrases) into = referenced_sides(k + 1, stop);
  if (into.empty() && !two_phrases) into = two_groups(k + 1, stop);
}

// Sides given by reference at b (mediation_side_references.tsv; "the two sides since 2014"): the
// sides of the last "between A and B" of an earlier sentence that named two, else none.
std::vector<int> ArticleRun::referenced_sides(std::uint32_t b, std::uint32_t e) {
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  if (b >= e || !matches(res_.med_side_references, b, e, len, row)) return {};
  return last_between_sides();
}

// The sides of the last "between A and B" of an earlier sentence that named two, else none.
std::vector<int> ArticleRun::last_between_sides() {
  if (!last_between_.set || resolving_reference_) return {};
  resolving_reference_ = true;
  const LastBetween last = last_between_;
  std::vector<int> out;
  sides_between(sentences_[last.si], last.ms, last.k, out);
  resolving_reference_ = false;
  // "a power struggle between Burhan and Dagalo": a leader stands for the side he leads.
  for (int& side : out) {
    if (entities_[static_cast<std::size_t>(side)].cls != "Person") continue;
    const int led = side_of(side);
    if (led >= 0 && led != side) side = led;
  }
  if (out.size() != 2 || out[0] == out[1]) return {};
  return out;
}

// After a sentence is read: its first "between" followed, within the phrase, by a name and
// "and" ("the war between A, led by X, and B", "talks between the government and A") is the
// one a later "between them" refers to. A reference itself is no new pair.
void ArticleRun::note_between(std::uint32_t si, const std::vector<Mention>& ms) {
  const Sentence& s = sentences_[si];
  // (Compared as a view: the length first, where a C string compares the bytes of every token.)
  constexpr std::string_view kBetween = "between";
  for (std::uint32_t at = s.first_token; at < s.last_token; ++at) {
    if (tokens_[at].key != kBetween || at + 3 >= s.last_token) continue;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (matches(res_.med_side_references, at + 1, s.last_token, len, row)) return;
    bool named = false;
    bool joined = false;
    for (std::uint32_t t = at + 1; t < s.last_token && t < at + 24; ++t) {
      if (tokens_[t].key == ";" || tokens_[t].key == ":") break;
      if (tokens_[t].key == "and") joined = true;
      named = named || std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
                return m.begin == t && agentive(m.entity);
              });
    }
    if (!named || !joined) continue;
    last_between_ = LastBetween{true, si, at, ms};
    return;
  }
}

// "Qatar, which brokered the Doha truce, said ...": a deal named by its place ("the <place>
// <mediation object>") is the one an earlier sentence told at that place; its sides are that
// sentence's ("a ceasefire that A and B signed in Doha", "talks between A and B in Doha"), not
// the article's two main states. Empty when no such sentence names two.
std::vector<int> ArticleRun::place_named_deal_sides(std::uint32_t si,
                                                    const std::vector<Mention>& ms) {
  const Sentence& s = sentences_[si];
  int place = -1;
  for (const Mention& m : ms) {
    const std::string& cls = entities_[static_cast<std::size_t>(m.entity)].cls;
    if (cls != "City" && cls != "Site" && cls != "Province" && cls != "Region") continue;
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (m.begin > s.first_token && tokens_[m.begin - 1].key == "the" &&
        matches(res_.med_objects, m.end, s.last_token, l, r)) {
      place = m.entity;
      break;
    }
  }
  if (place < 0) return {};
  for (std::uint32_t sj = si; sj-- > 0;) {
    const Sentence& earlier = sentences_[sj];
    std::vector<Mention> ems = find_mentions(earlier);
    std::erase_if(ems, [&](const Mention& m) { return m.begin < dateline_end_; });
    const auto at = std::find_if(ems.begin(), ems.end(), [&](const Mention& m) {
      return m.entity == place && !(m.begin > earlier.first_token &&
                                    tokens_[m.begin - 1].key == "the");  // not "the X truce"
    });
    if (at == ems.end()) continue;
    bool told = false;
    for (std::uint32_t k = earlier.first_token; k < at->begin && !told; ++k) {
      std::uint32_t l = 0;
      std::uint32_t r = 0;
      told = matches(res_.med_objects, k, at->begin, l, r);
    }
    if (!told) continue;
    std::vector<int> sides;
    for (std::uint32_t k = earlier.first_token; k < at->begin && sides.empty(); ++k) {
      if (tokens_[k].key == "between") sides_between(earlier, ems, k, sides);
    }
    if (sides.size() < 2) sides = subject_sides(earlier, ems, earlier.first_token, at->begin);
    if (sides.size() >= 2) return sides;
    return {};
  }
  return {};
}

}  // namespace ng::extract::claims
