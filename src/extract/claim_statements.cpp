// ArticleRun: claims of a sentence (claims_in), their targets, quotes and continued claims.

#include <algorithm>

#include "extract/claim_run.hpp"
#include "extract/cue_prefilter.hpp"

namespace ng::extract::claims {

std::string ArticleRun::add_claim(std::uint32_t si, const std::string& type, int claimant,
                                  int target, const Sentence& s, std::uint32_t cue_end) {
  flush_new_entities();  // a state named only by its adjective ("accused Malawian troops")
  const std::string c = node("claim");
  iri(c, iris::kType, ng(type));
  iri(c, iris::kInArticle, doc_);
  iri(doc_, iris::kMentions, c);
  iri(c, iris::kClaimant, entities_[static_cast<std::size_t>(claimant)].iri);
  if (target >= 0) iri(c, iris::kTarget, entities_[static_cast<std::size_t>(target)].iri);
  iri(c, iris::kEvidence, sentence_iri(si));
  const std::string content = span_text(std::min(cue_end, s.last_token), s.last_token);
  // A view, as Term::literal(content, {}, "en") would state it: no Term built per claim.
  if (!content.empty())
    emit(c, iris::kContent, rdf::TermView{rdf::TermKind::Literal, content, {}, "en"});
  ++stats_.claims;
  return c;
}

// The side a reported statement charges without a verb of accusing, in [from, to): a
// charge (claim_charge_words.tsv) pinned on another side's doing, "Y's strikes were "a
// danger"", "Tarvian actions are a threat", "Y's terror" (a possessive or a demonym before
// it, a copula between unless the possessive is right before the charge), or "terrorist acts
// carried out by groups within Y". -1 when there is none.
int ArticleRun::charged_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                           int claimant, bool subject) {
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
      if (subject && (w == "poses" || w == "posed" || w == "pose" || w == "posing")) return true;
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
      // (With `subject`: "warned that the conduct of Y posed a threat to ...": the name
      // before the verb.)
      for (const Mention& m : ms) {
        if (!subject || m.end != k || k >= c || !copula(k, c)) continue;
        const bool lower = std::all_of(
            tokens_.begin() + k, tokens_.begin() + c,
            [](const Token& w) { return w.kind == TokenKind::Word && !w.is(kCapitalized); });
        const int who = opponent(m.entity);
        if (who >= 0 && lower) return who;
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

// At i, a state's adjective or name and the plural noun of its members, perhaps after "the"
// and one lower-case word ("Malawian troops", "the Kenyan border forces"; claim_state_members.tsv):
// that state (added to the graph if need be), else -1.
int ArticleRun::state_of_members(std::uint32_t i, std::uint32_t end) {
  if (i < end && tokens_[i].key == "the") ++i;
  if (i + 1 >= end || !tokens_[i].is(kCapitalized)) return -1;
  for (std::uint32_t k = i + 1; k < end && k < i + 3; ++k) {
    const Token& t = tokens_[k];
    if (t.kind != TokenKind::Word || t.is(kCapitalized)) return -1;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (matches(res_.state_members, k, end, len, row)) return country_for_prefix(tokens_[i].key);
  }
  return -1;
}

// The side a reported statement accuses: in [from, to), the subject of a verb of violence
// (claim_attack_verbs.tsv) that is another side than the speaker's ("Cambodian forces fired",
// "RSF fighters stormed"); the subject is a name ending at most a few words before the verb
// or a demonym opening its noun phrase. -1 when there is none.
int ArticleRun::accused_in(const std::vector<Mention>& ms, std::uint32_t from, std::uint32_t to,
                           int claimant) {
  const int own = side_of(claimant);
  // "the attackers were Ethiopian regular forces", "the gunmen were members of X": the doers
  // of an attack named by a copula (claim_attacker_nouns.tsv).
  for (std::uint32_t k = from; k + 2 < to; ++k) {
    std::uint32_t al = 0;
    std::uint32_t ar = 0;
    if (!matches(res_.attacker_nouns, k, to, al, ar)) continue;
    std::uint32_t at = k + al;
    const std::string& cop = tokens_[at].key;
    if (cop != "were" && cop != "was" && cop != "are" && cop != "is") continue;
    ++at;
    while (at + 1 < to &&
           (tokens_[at].key == "the" || tokens_[at].key == "all" || tokens_[at].key == "members" ||
            tokens_[at].key == "fighters" || tokens_[at].key == "of")) {
      ++at;
    }
    if (at >= to) continue;
    int agent = mention_at(ms, at) >= 0 ? as_actor(mention_at(ms, at)) : -1;
    if (agent < 0 && tokens_[at].is(kCapitalized)) agent = country_for_prefix(tokens_[at].key);
    if (agent < 0 || agent == claimant) continue;
    const std::string& cls = entities_[static_cast<std::size_t>(agent)].cls;
    if (cls == "MediaOutlet" || cls == "Person") continue;
    const int side = side_of(agent);
    if (side >= 0 && side != own) return agent;
  }
  for (std::uint32_t v = from; v < to; ++v) {
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (!matches(res_.attack_verbs, v, to, l, r)) continue;
    int agent = -1;
    std::uint32_t agent_begin = v;
    bool by_agent = false;
    // "the boat had been attacked by the ELN": in the passive, the agent "by" names right
    // after the verb.
    if (v + l + 1 < to && tokens_[v + l].key == "by") {
      const std::uint32_t at = v + l + 1 + (tokens_[v + l + 1].key == "the" ? 1 : 0);
      for (const Mention& m : ms) {
        if (m.begin == at && m.end <= to && agentive(m.entity)) agent = as_actor(m.entity);
      }
      // "were shot by police": a state body named bare (or "the army") is that state's.
      if (agent < 0 && at < to && body_kind(at) == "state") {
        const int d = definite_speaker(sentences_[claims_sentence_], ms, at + 1);
        if (d >= 0) agent = as_actor(d);
      }
      by_agent = agent >= 0;
    }
    for (std::uint32_t k = v; k > from && v - k < 5 && agent < 0; --k) {
      // "the X Defence Forces (XDF) had attacked": the bracketed acronym ends the name.
      if (tokens_[k - 1].key == ")" && k >= from + 4 && tokens_[k - 3].key == "(" &&
          tokens_[k - 2].is(kAllCaps)) {
        k -= 2;
        continue;
      }
      const Token& t = tokens_[k - 1];
      if (t.kind == TokenKind::Punct && t.key != "\"") break;
      // "soldiers were killed", "have been attacked": the subject suffered it. Not a
      // progressive ('Y was "harbouring foreign troops"', "Y was trying to undermine").
      if (t.key == "was" || t.key == "were" || t.key == "been" || t.key == "being" ||
          t.key == "be" || t.key == "is" || t.key == "are") {
        const bool progressive =
            t.key != "being" && t.key != "been" &&
            std::any_of(tokens_.begin() + k, tokens_.begin() + v + 1, [](const Token& w) {
              return w.kind == TokenKind::Word && w.key != "being" && w.key.size() > 4 &&
                     w.key.compare(w.key.size() - 3, 3, "ing") == 0;
            });
        if (!progressive) break;
        continue;
      }
      for (const Mention& m : ms) {
        if (m.end == k && agentive(m.entity)) {
          agent = as_actor(m.entity);
          agent_begin = m.begin;
        }
      }
      // "government troops had attacked", "regime forces shelled": a state body word before
      // lower-case members is the report's home state (as a bare "the government" is).
      std::uint32_t ml = 0;
      std::uint32_t mr = 0;
      if (agent < 0 && k < v && body_kind(k - 1) == "state" &&
          matches(res_.state_members, k, v, ml, mr)) {
        const int d = home_state();
        if (d >= 0) {
          agent = as_actor(d);
          agent_begin = k - 1;
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
    // ("troops and allied militias known as X attacked": the subject opens before its name.)
    if (lead >= from + 3 && tokens_[lead - 1].key == "as" && tokens_[lead - 2].key == "known") {
      lead -= 2;
      while (lead > from && agent_begin - lead < 10 && tokens_[lead - 1].kind == TokenKind::Word &&
             (tokens_[lead - 1].key == "and" || !is_word(res_.victim_stops, lead - 1, lead))) {
        --lead;
      }
    }
    // "acted in self-defence after X attacked" (claim_defence_phrases.tsv): the circumstance of
    // a defence is what the speaker charges.
    bool defended = false;
    for (std::uint32_t k = lead;
         !defended && lead > from && tokens_[lead - 1].key == "after" && k > from && lead - k < 6;
         --k) {
      std::uint32_t dl = 0;
      std::uint32_t dr = 0;
      defended = matches(res_.defence_phrases, k - 1, lead - 1, dl, dr);
    }
    // But "said on Monday that Y was harbouring ...": the "that" that opens what is said.
    // (Also a second reported clause, "... and that Y had breached the truce".)
    const bool said_that = lead > from && tokens_[lead - 1].key == "that" &&
                           ((lead >= from + 2 && tokens_[lead - 2].key == "and") ||
                            std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
                              return m.begin >= from && m.end < lead && agentive(m.entity);
                            }));
    // ('"A has nothing to do with it, and Y is using it to justify ...," he said': inside a
    // quotation a clause joined by "and" or "but" is said too.)
    const bool quoted_clause = lead > from && tokens_[lead - 1].is(kInQuote) &&
                               (tokens_[lead - 1].key == "and" || tokens_[lead - 1].key == "but");
    if (!by_agent && lead > from && !said_that && !quoted_clause && !defended &&
        is_word(res_.victim_stops, lead - 1, lead)) {
      continue;
    }
    // ("... when suspected rebels of the X Forces (XF) attacked": the circumstance opens
    // before the lower-case head of the subject, "<words> of (the) X".)
    std::uint32_t head = lead;
    while (lead > from + 1 && tokens_[lead - 1].key == "of" && head > from && lead - head < 4 &&
           tokens_[head - 1].kind == TokenKind::Word && !tokens_[head - 1].is(kCapitalized) &&
           !is_word(res_.victim_stops, head - 1, head)) {
      --head;
    }
    if (!by_agent && head < lead && head > from && tokens_[head - 1].key != "that" &&
        is_word(res_.victim_stops, head - 1, head)) {
      continue;
    }
    const Entity& en = entities_[static_cast<std::size_t>(agent)];
    if (en.cls == "MediaOutlet" || en.cls == "Person") continue;
    const int side = side_of(agent);
    if (side < 0 || side == own) continue;
    return agent;
  }
  return -1;
}

// In [from, to): the speaker's own pronoun ("it", "we", "they", or "its" / "our" / "their"
// and one or two words: "its fighters", or "the group") right before a verb of attack
// (claim_own_attack_verbs.tsv), "had" / "have" / "has" between allowed.
bool ArticleRun::own_attack_in(std::uint32_t from, std::uint32_t to) const {
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
    // ("the group had targeted": the group names itself.)
    if (k >= from + 2 && tokens_[k - 2].key == "the" && is_word(res_.own_group_nouns, k - 1, k)) {
      return true;
    }
    for (std::uint32_t p = k - 1; p > from && k - p <= 2; --p) {
      const Token& t = tokens_[p - 1];
      if (t.kind != TokenKind::Word || t.is(kCapitalized)) break;
      if (t.key == "its" || t.key == "our" || t.key == "their") return true;
    }
  }
  return false;
}

// "condemned the raids as a flagrant violation": "as" within a few words after the verb, in its
// clause, followed by what the act is called (not "as well", "as part of", "as soon as").
bool ArticleRun::names_as(std::uint32_t from, std::uint32_t stop) const {
  for (std::uint32_t k = from; k + 1 < stop && k < from + 10; ++k) {
    if (tokens_[k].key == "as") {
      const Token& next = tokens_[k + 1];
      return (next.kind != TokenKind::Punct || next.key == "\"") &&
             !is_word(res_.as_fillers, k + 1, stop);
    }
    if (tokens_[k].key == "," || tokens_[k].key == "and") return false;
  }
  return false;
}

int ArticleRun::reporter_of_unknown_subject(const Sentence& s, const std::vector<Mention>& ms,
                                            const std::vector<Cue>& cues,
                                            const std::vector<std::pair<Cue, int>>& resolved,
                                            const Cue& cue) const {
  const std::uint32_t subject_end = skip_aux_back(s, cue.begin);
  const Cue* said = nullptr;
  for (const Cue& rc : cues) {
    if (rc.end < subject_end && subject_end - rc.end <= 4) said = &rc;
  }
  if (said == nullptr || said->type != "StatementClaim" || said->voice != Voice::Active) return -1;
  std::uint32_t opening = said->end;
  if (opening < subject_end && tokens_[opening].key == "that") ++opening;
  // ("the kingdom", "his country", "its bloc": a determiner and a noun or two.)
  if (opening + 2 > subject_end || subject_end - opening > 3) return -1;
  if (tokens_[opening].key != "the" && !is_word(res_.possessives, opening, opening + 1) &&
      !is_word(res_.person_possessives, opening, opening + 1)) {
    return -1;
  }
  for (std::uint32_t t = opening; t < subject_end; ++t) {
    if (tokens_[t].kind != TokenKind::Word || tokens_[t].is(kCapitalized) ||
        tokens_[t].is(kInQuote) || mention_at(ms, t) >= 0) {
      return -1;
    }
  }
  for (const auto& [rc, w] : resolved) {
    if (rc.begin == said->begin) return w;
  }
  return -1;
}

void ArticleRun::claims_in(std::uint32_t si, const std::vector<Mention>& ms) {
  claims_sentence_ = si;
  specific_sentence_ = false;
  const Sentence& s = sentences_[si];
  std::vector<Cue> cues;
  // Cues open with a word of claim_cues or naming: a sentence without one has none.
  const std::uint64_t starts = starts_in(lexicon_starts_, s.first_token, s.last_token);
  const bool may_cue = may_start(res_.claim_cues, starts) || may_start(res_.naming, starts);
  for (std::uint32_t i = s.first_token; may_cue && i < s.last_token;) {
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    const bool in_name = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return i >= m.begin && i < m.end;  // "United States" holds no "states"
    });
    // "strikes on what it said was a training camp": a hedge inside a noun phrase, not a
    // claim about the sentence's figures. (Asked only where a cue starts: most tokens start
    // none.)
    auto hedge = [&] {
      return (i > s.first_token && tokens_[i - 1].key == "what") ||
             (i > s.first_token + 1 && tokens_[i - 2].key == "what") || adjectival(s, i);
    };
    // "called the strikes a flagrant violation": an accusation when a charge follows.
    std::uint32_t nl = 0;
    std::uint32_t nr = 0;
    const bool naming = !in_name && matches(res_.naming, i, s.last_token, nl, nr);
    const bool naming_as = naming && res_.naming.get(nr, "kind") == "verb-as";
    if (naming && (naming_as || res_.naming.get(nr, "kind") == "verb") &&
        !(i + nl < s.last_token && matches(res_.claim_cues, i, s.last_token, len, row) &&
          len > nl)) {
      const std::uint32_t stop = clause_end(s, i + nl);
      // "condemned the strike as an extrajudicial execution": the verb and "as" name a charge.
      bool charge = naming_as && names_as(i + nl, stop);
      for (std::uint32_t k = i + nl; !naming_as && k < std::min(stop, i + nl + 10) && !charge;
           ++k) {
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
    if (!in_name && matches(res_.claim_cues, i, s.last_token, len, row) && !hedge()) {
      // Rows of type "-" are no cue: a cue word in a phrase that states no claim ("a force
      // that disputes control of the river").
      if (res_.claim_cues.get(row, "type") == "-") {
        i += len;
        continue;
      }
      const std::string_view voice = res_.claim_cues.get(row, "voice");
      std::string type(res_.claim_cues.get(row, "type"));
      // "rejected the plan", "an offer the government rejected": a statement, not a denial.
      if (type == "Denial" && rejects_proposal(s, i, len)) type = "StatementClaim";
      cues.push_back(Cue{i, i + len, type,
                         voice == "passive"      ? Voice::Passive
                         : voice == "possessive" ? Voice::Possessive
                         : voice == "near"       ? Voice::Near
                                                 : Voice::Active});
      i += len;
    } else {
      ++i;
    }
  }
  outlet_count_cues(s, ms, cues);
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
    } else if (const int speaker = narrated.empty() ? -1
                                   : label_speaker(s, ms) >= 0
                                       ? label_speaker(s, ms)
                                       : speaker_before(si, s, ms, narrated, no_first);
               speaker >= 0) {
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
    note_opening_person(s, ms);
    return;
  }
  bool zero = false;
  std::uint32_t first_figure = 0;
  std::vector<Figure> figures = figures_in(s, zero, first_figure);
  toll_sentence_ = !figures.empty();
  specific_sentence_ = std::any_of(cues.begin(), cues.end(), [](const Cue& c) {
    return c.type != "StatementClaim" && c.type != "-";
  });
  std::vector<ClaimOut> made;
  // One claim per claimant and type; a Statement gives way to a more specific claim.
  std::map<std::pair<int, std::string>, std::size_t> seen;
  std::vector<std::pair<Cue, int>> resolved;
  int previous_who = -1;
  std::uint32_t previous_cue_end = 0;
  auto participle = [](const Token& t) {
    return t.kind == TokenKind::Word && !t.is(kCapitalized) && t.key.size() > 5 &&
           t.key.compare(t.key.size() - 3, 3, "ing") == 0;
  };
  for (const Cue& cue : cues) {
    coordinated_.clear();
    int who = own_government(as_actor(claimant_for(s, ms, cue)));
    // "X rejected the accusation and said ...": a verb coordinated with the previous cue's
    // has its speaker.
    // So has one after ", and" with no subject of its own, whomever the clause names first
    // ("The UN mission, X, said 18 people had been killed, and accused the rebels of ...").
    const std::uint32_t before = skip_aux_back(s, cue.begin);
    // ("said ... and denied that ...": a denial cue, read by the nearest name, too when no
    // name is near.)
    // ("X, the Y mission, said it was alarmed and warned ...": no name between the two verbs,
    // so the first verb's speaker, not the clause's first name.)
    const bool no_name_between =
        !resolved.empty() && resolved.back().first.voice == Voice::Active &&
        resolved.back().first.end <= before &&
        std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
          return m.begin >= resolved.back().first.end && m.end <= before && agentive(m.entity);
        });
    if (before > s.first_token && tokens_[before - 1].key == "and" && !resolved.empty() &&
        (cue.voice == Voice::Active || (cue.voice == Voice::Near && who < 0)) &&
        (who < 0 || no_name_between ||
         (before > s.first_token + 1 && tokens_[before - 2].key == "," &&
          std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
            return m.end == before - 2 || m.end == before - 1;
          })))) {
      who = resolved.back().second;
    }
    // "X said on Thursday they were ready to mediate": a subject pronoun that opens what a
    // reporting verb of the sentence says (a few words between, no name, no punctuation) is
    // that verb's speaker when of the pronoun's kind, not the clause's first name nor the
    // last speaker; when that verb found no speaker, nor does the pronoun.
    std::uint32_t pl = 0;
    std::uint32_t pr = 0;
    if (before > s.first_token && cue.voice == Voice::Active &&
        matches(res_.pronouns, before - 1, before, pl, pr)) {
      const bool person = res_.pronouns.get(pr, "kind") == "person";
      const std::uint32_t pronoun = before - 1;
      const Cue* said = nullptr;
      for (const Cue& rc : cues) {
        if (rc.end <= pronoun && pronoun - rc.end <= 4) said = &rc;
      }
      bool plain =
          said != nullptr && said->type == "StatementClaim" && said->voice == Voice::Active;
      for (std::uint32_t t = plain ? said->end : pronoun; t < pronoun; ++t) {
        plain = plain && tokens_[t].kind == TokenKind::Word &&
                std::none_of(ms.begin(), ms.end(),
                             [&](const Mention& m) { return t >= m.begin && t < m.end; });
      }
      if (plain) {
        int speaker = -1;
        for (const auto& [rc, w] : resolved) {
          if (rc.begin == said->begin) {
            speaker = w;
            break;
          }
        }
        const bool same_kind = speaker >= 0 && (entities_[static_cast<std::size_t>(speaker)].cls ==
                                                "Person") == person;
        who = same_kind ? speaker : (speaker < 0 ? -1 : who);
      }
    }
    // "X said the kingdom was ready to host talks": a definite noun phrase naming no one
    // known, opening what X says, is X's own side; X makes the offer. (Not for threats: "said
    // the escalation threatened to derail the talks".)
    if (who < 0 && cue.voice == Voice::Active && cue.type == "Offer") {
      who = reporter_of_unknown_subject(s, ms, cues, resolved, cue);
    }
    // "..., according to a statement. The statement was issued by X.": X's claim.
    if (later_source_.entity >= 0 && describes_later_source(s, cue)) {
      who = later_source_.entity;
      coordinated_.clear();
    }
    if (cue.speaker >= 0) {
      who = cue.speaker;
      coordinated_.clear();
    }
    // "..., he said, adding that X forces had ...": a participle after a comma has no subject
    // of its own; with no name between, it is the speaker of the verb before it (not the
    // first name of the clause, which may be what is told: "Two X guards were killed").
    if (previous_who >= 0 && cue.voice == Voice::Active && cue.begin > previous_cue_end &&
        tokens_[cue.begin - 1].key == "," && participle(tokens_[cue.begin]) && cue.speaker < 0 &&
        std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
          return m.begin >= previous_cue_end && m.end <= cue.begin;
        })) {
      who = previous_who;
      coordinated_.clear();
    }
    previous_who = who;
    previous_cue_end = cue.end;
    if (who < 0) continue;
    for (int co : coordinated_) resolved.emplace_back(cue, co);
    const std::string& cls = entities_[static_cast<std::size_t>(who)].cls;
    // Outlets report; they are provenance, not parties making claims (but their own count).
    if (cls == "MediaOutlet" && cue.speaker != who) continue;
    // "claimed by X" is a responsibility claim only for a group ("a region claimed by").
    if (cue.type == "ResponsibilityClaim" && cue.voice == Voice::Passive && cls != "ArmedGroup") {
      continue;
    }
    resolved.emplace_back(cue, who);
    // "Nairobi and the United Nations said": every coordinated speaker claims.
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
        if (co >= 0 && co != who && entities_[static_cast<std::size_t>(co)].cls != "MediaOutlet") {
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
            if (co >= 0 && !known && entities_[static_cast<std::size_t>(co)].cls != "MediaOutlet") {
              resolved.emplace_back(cue, co);
            }
          }
        }
        break;
      }
    }
  }
  // "X claimed responsibility for the killing of eight men": the toll its object names is X's
  // report too (a casualty claim besides the responsibility claim).
  const std::size_t n_resolved = resolved.size();
  for (std::size_t r = 0; r < n_resolved; ++r) {
    const Cue& rc = resolved[r].first;
    const std::uint32_t k = rc.end;
    static const std::set<std::string> kKillings = {"killing", "killings", "death",
                                                    "deaths",  "murder",   "murders"};
    if (rc.type == "ResponsibilityClaim" && rc.voice == Voice::Active && k + 3 < s.last_token &&
        tokens_[k].key == "for" && tokens_[k + 1].key == "the" &&
        kKillings.count(tokens_[k + 2].key) > 0 && tokens_[k + 3].key == "of") {
      resolved.emplace_back(Cue{k, k + 1, "StatementClaim", Voice::Active}, resolved[r].second);
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
  // "... ended without a truce, the mediators said, as reports emerged of hundreds of
  // civilians killed": a figure in a clause that ", as" opens after the speaker is not what
  // that speaker said (", with 232 killed" and ", while ..." still are).
  auto broken_off = [&](std::uint32_t cue, std::uint32_t pos) {
    for (std::uint32_t k = cue + 1; k < pos; ++k) {
      if (tokens_[k - 1].key == "," && tokens_[k].key == "as") return true;
    }
    return false;
  };
  // '"...," said X, a farmer who lost two sons': a figure in a relative clause about a speaker
  // named right after the verb (a title may come first) says who the speaker is, not what he
  // said.
  auto about_speaker = [&](std::uint32_t cue, std::uint32_t pos) {
    for (const auto& r : resolved) {
      const Cue& rc = r.first;
      if (rc.begin != cue || rc.voice != Voice::Active || rc.end >= pos) continue;
      // (A title may come first: "said Mayor X".)
      const bool named_after = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return m.begin >= rc.end && m.begin <= rc.end + 3 && m.end < pos &&
               as_actor(m.entity) == r.second;
      });
      if (!named_after) continue;
      for (std::uint32_t k = rc.end + 1; k < pos; ++k) {
        if (tokens_[k].key == "that" || tokens_[k].is(kInQuote)) break;
        if (tokens_[k].key == "who" && tokens_[k - 1].kind == TokenKind::Word) return true;
      }
    }
    return false;
  };
  for (std::size_t k = 0; k < figures.size(); ++k) {
    const std::int64_t o = owner_of(figures[k].pos);
    if (o >= 0 && static_cast<std::uint32_t>(o) < figures[k].pos &&
        (broken_off(static_cast<std::uint32_t>(o), figures[k].pos) ||
         about_speaker(static_cast<std::uint32_t>(o), figures[k].pos))) {
      continue;
    }
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
    // "warned that earlier agreements had collapsed": a warning about what has happened
    // (a past perfect after "that", no modal, no condition) threatens nobody.
    if (type == "Threat" && tokens_[cue.begin].key.rfind("warn", 0) == 0 &&
        cue.end < s.last_token && tokens_[cue.end].key == "that") {
      const std::uint32_t stop = clause_end(s, cue.end + 1);
      static const std::set<std::string> kModal = {"will",  "would", "could", "can",    "may",
                                                   "might", "shall", "if",    "unless", "'ll"};
      bool perfect = false;
      bool modal = false;
      for (std::uint32_t k = cue.end + 1; k < stop; ++k) {
        perfect = perfect || tokens_[k].key == "had";
        modal = modal || kModal.count(tokens_[k].key) > 0;
      }
      if (perfect && !modal) type = "StatementClaim";
      // "warned that hospitals were running short of blood": a state of affairs with no modal,
      // no condition and no threat phrase (claim_threat_phrases.tsv) threatens nobody either.
      bool phrase = false;
      for (std::uint32_t k = cue.end + 1; k < stop && !phrase; ++k) {
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        phrase = matches(res_.threat_phrases, k, stop, l, r);
      }
      if (!perfect && !modal && !phrase) type = "StatementClaim";
      // "warned that the conduct of Y posed a grave threat to the region": a charge against
      // another side, not a threat.
      if (!perfect && !modal && charged_in(ms, cue.end + 1, stop, who, true) >= 0) {
        type = "Accusation";
      }
    }
    if (figures_of.count(cue.begin) && type == "StatementClaim") type = "CasualtyClaim";
    // An outlet's count with no figure of its own states nothing ("Reuters saw the letter").
    if (cue.speaker >= 0 && type != "CasualtyClaim") continue;
    // "Ethiopia offered to mediate between A and B, a diplomat said": a source named after a
    // comma that closes the sentence only reports the more specific claim made before it by
    // another speaker; it states nothing of its own.
    if (type == "StatementClaim" && cue.voice == Voice::Active) {
      std::uint32_t comma = cue.begin;
      while (comma > s.first_token && cue.begin - comma < 8 && tokens_[comma - 1].key != ",") {
        --comma;
      }
      const bool trailing = comma > s.first_token && tokens_[comma - 1].key == "," &&
                            s.last_token - cue.end <= 6 &&
                            std::none_of(tokens_.begin() + cue.end, tokens_.begin() + s.last_token,
                                         [](const Token& t) { return t.key == "that"; });
      const auto speaker = who;  // clang 14 cannot capture a structured binding
      const bool reported =
          trailing && std::any_of(resolved.begin(), resolved.end(), [&](const auto& r) {
            const std::string& t = r.first.type;
            // (A toll reported by another speaker too: "X raised its toll to 31, sources
            // said".)
            return r.first.end < comma && r.second != speaker &&
                   (t == "Offer" || t == "Accusation" || t == "Threat" || t == "Denial" ||
                    t == "ResponsibilityClaim" || figures_of.count(r.first.begin) > 0);
          });
      if (reported) continue;
    }
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
      for (std::uint32_t k = cue.end; target < 0 && k < std::min(cue.end + 5, s.last_token); ++k) {
        if (tokens_[k].kind != TokenKind::Word) break;
        if (body_kind(k).empty()) continue;
        const int d = definite_speaker(s, ms, k + 1);
        if (d >= 0 && d != who) target = as_actor(d);
        break;
      }
      // "accused Malawian troops of ...": the state whose members they are.
      if (target < 0) {
        const int st = state_of_members(cue.end, clause_end(s, cue.end));
        if (st >= 0 && st != who) target = st;
      }
    }
    if (type == "Denial") {
      // Whom a denial answers: an accusation earlier in the sentence, else the latest one
      // in the article against the denier's side ("Kampala accuses X of ..., which X
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
      // "offered to mediate between the warring parties": the sides a reference stands for
      // (the last "between A and B" before, referenced_sides).
      const std::uint32_t to = clause_end(s, cue.end);
      for (std::uint32_t k = cue.end; k + 1 < to; ++k) {
        if (tokens_[k].key != "between") continue;
        for (int p : referenced_sides(k + 1, to)) {
          if (p != who && country_of(who) != p) {
            target = p;
            break;
          }
        }
        break;
      }
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
      for (std::uint32_t b = cue->begin; !threat && b > s.first_token && cue->begin - b < 9; --b) {
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
    bool denial = false;
    // (Next to figures, only a quoted phrase before them: not 'its "propaganda outlet" said
    // it had killed 200', nor '... killed 58, an accusation the army called "baseless"'.)
    const bool counted = c.type == "CasualtyClaim";
    // Each reporting verb of the claimant counts: 'told reporters that ..., and said the
    // reports were "propaganda"' (the second verb joined the first one's claim).
    for (const auto& [cue, speaker] : resolved) {
      if (denial || speaker != c.claimant || cue.voice != Voice::Active) continue;
      if (cue.begin != c.cue_begin && (counted || cue.type != "StatementClaim")) continue;
      const std::uint32_t to = clause_end(s, cue.end);
      for (std::uint32_t k = cue.end; k < to && !denial; ++k) {
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        if (counted && (!tokens_[k].is(kInQuote) || k >= first_figure)) continue;
        denial = matches(res_.denial_phrases, k, to, l, r);
      }
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
    // "Most of the victims, it said, were shot by police": after a parenthetical report, what
    // follows its closing comma.
    if (accused < 0 && cue->end + 1 < s.last_token && tokens_[cue->end].key == "," &&
        cue->begin > s.first_token + 1 && tokens_[skip_aux_back(s, cue->begin) - 2].key == ",") {
      accused = accused_in(ms, cue->end + 1, clause_end(s, cue->end + 1), made[k].claimant);
    }
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
  // "X rejected the accusation, saying ... and that Y had breached the truce": a denial that
  // goes on, after a participle of saying, to pin a verb of violence on another side is also
  // an accusation against it.
  for (std::size_t k = 0, n = made.size(); k < n; ++k) {
    if (made[k].type != "Denial" || seen.count({made[k].claimant, "Accusation"})) continue;
    static const std::set<std::string> kSaying = {"saying", "adding", "insisting", "arguing"};
    std::uint32_t from = 0;
    for (std::uint32_t t = made[k].cue_begin + 1; t < s.last_token && from == 0; ++t) {
      if (kSaying.count(tokens_[t].key) && tokens_[t - 1].key == ",") from = t + 1;
    }
    if (from == 0) continue;
    const int accused = accused_in(ms, from, s.last_token, made[k].claimant);
    if (accused < 0) continue;
    seen[{made[k].claimant, "Accusation"}] = made.size();
    made.push_back(ClaimOut{{}, "Accusation", made[k].claimant, accused, made[k].cue_begin});
  }
  // 'The spokesman said the army "does not target civilians"': a statement that its own side
  // (a state body of the speaker's state, or "we" / "it" / "they") did not do a verb of
  // violence denies it.
  for (std::size_t k = 0; k < made.size(); ++k) {
    if (made[k].type != "StatementClaim" || seen.count({made[k].claimant, "Denial"})) continue;
    const Cue* cue = nullptr;
    for (const auto& rc : resolved) {
      if (rc.second == made[k].claimant && rc.first.begin == made[k].cue_begin) cue = &rc.first;
    }
    if (cue == nullptr || cue->voice != Voice::Active) continue;
    const std::uint32_t to = clause_end(s, cue->end);
    static const std::set<std::string> kNegAux = {"does", "do",  "did",  "has", "have",
                                                  "had",  "was", "were", "is",  "are"};
    static const std::vector<std::string> kViolence = {"target", "attack", "kill",  "shell",
                                                       "bomb",   "fire",   "shoot", "strike"};
    bool denies = false;
    for (std::uint32_t n = cue->end + 1; n + 1 < to && !denies; ++n) {
      if (tokens_[n].key != "not" && tokens_[n].key != "never") continue;
      if (!kNegAux.count(tokens_[n - 1].key) && tokens_[n].key != "never") continue;
      std::uint32_t v = n + 1;
      if (v < to && tokens_[v].key == "\"") ++v;
      const std::string& verb = v < to ? tokens_[v].key : std::string();
      const bool violent = std::any_of(kViolence.begin(), kViolence.end(),
                                       [&](const auto& st) { return verb.rfind(st, 0) == 0; });
      if (!violent) continue;
      // The subject right before the auxiliary: the speaker's own side.
      const std::uint32_t subj = tokens_[n].key == "never" ? n : n - 1;
      for (std::uint32_t b = subj; b > cue->end && subj - b < 3; --b) {
        const std::string& w = tokens_[b - 1].key;
        if (w == "we" || w == "it" || w == "they") {
          denies = true;
          break;
        }
        if (body_kind(b - 1) == "state") {
          const int d = definite_speaker(s, ms, b);
          // (A spokesperson whose side is not known speaks for the body he names.)
          const int own = side_of(made[k].claimant);
          denies = d >= 0 && side_of(d) >= 0 &&
                   (own == side_of(d) ||
                    (own < 0 && entities_[static_cast<std::size_t>(made[k].claimant)].person()));
          break;
        }
      }
    }
    if (!denies) continue;
    made[k].type = "Denial";
    seen[{made[k].claimant, "Denial"}] = k;
  }
  // An armed group that says it attacked ("X said its fighters had ambushed an army convoy",
  // "... it had attacked the pipeline") claims the attack (own_attack_in).
  for (std::size_t k = 0, n = made.size(); k < n; ++k) {
    if (made[k].type != "StatementClaim" && made[k].type != "CasualtyClaim") continue;
    if (seen.count({made[k].claimant, "ResponsibilityClaim"})) continue;
    // (Or its spokesperson: "X military spokesman Y said the group had targeted ...".)
    const Entity& claimant = entities_[static_cast<std::size_t>(made[k].claimant)];
    const int group = claimant.person() ? entity_by_iri(claimant.affiliation) : -1;
    if (claimant.cls != "ArmedGroup" &&
        (group < 0 || entities_[static_cast<std::size_t>(group)].cls != "ArmedGroup")) {
      continue;
    }
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
  // ("X said three of its fighters died and accused Y of killing two farmers": the figures of
  // the accusation join the casualty claim the speaker made before it.)
  for (const auto& [cue, who] : resolved) {
    if (!figures_of.count(cue.begin)) continue;
    const auto has = std::find_if(kept.begin(), kept.end(), [&, w = who](const ClaimOut& c) {
      return c.type == "CasualtyClaim" && c.claimant == w;
    });
    if (has == kept.end()) {
      kept.push_back(ClaimOut{{}, "CasualtyClaim", who, -1, cue.begin});
    } else if (has->cue_begin != cue.begin && cue.type == "Accusation") {
      std::vector<std::size_t>& into = figures_of[has->cue_begin];
      for (std::size_t fi : figures_of[cue.begin]) {
        if (std::find(into.begin(), into.end(), fi) == into.end()) into.push_back(fi);
      }
    }
  }
  // Verification status, medium and quotes apply to the sentence's claims.
  std::string status;
  std::string medium;
  for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (status.empty() && matches(res_.status, i, s.last_token, len, row) && !adjectival(s, i)) {
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
        iri(c.iri, iris::kFigures, fig);
        iri(fig, iris::kType, iris::kCasualtyFigure);
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
      // "X's office said ... It warned ...": the person's office spoke, and "it" is that
      // office again.
      const bool by_office = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return as_actor(m.entity) == c.claimant && m.end + 2 <= c.cue_begin &&
               tokens_[m.end].key == "'s" && body_kind(m.end + 1) == "body";
      });
      if (by_office) last_group_ = c.claimant;
    } else {
      last_group_ = c.claimant;
      // "The representative of X said ... He added ...": "he" is X's representative.
      if (proxy_speaker(s, ms, c.claimant, c.cue_begin)) last_person_ = c.claimant;
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
  if (kept.empty()) note_opening_person(s, ms);
  if (history_.size() > 12) history_.erase(history_.begin(), history_.end() - 12);
}

// "Ministry of Defence: 51 fighters killed; five soldiers killed." (a figures block of a digest):
// a line that opens with a name and a colon (a bracketed aside may come between: the outlet
// that carried it) gives that side's figures. -1 when the line opens otherwise.
int ArticleRun::label_speaker(const Sentence& s, const std::vector<Mention>& ms) const {
  const std::uint32_t f = s.first_token;
  if (!tokens_[f].is(kAfterNewline) && f != 0) return -1;
  for (const Mention& m : ms) {
    if (m.begin != f) continue;
    const int e = as_actor(m.entity);
    if (e < 0 || !agentive(e)) return -1;
    // (Not an outlet, nor a place heading the line: "Tacna: two killed" is where.)
    const Entity& en = entities_[static_cast<std::size_t>(e)];
    if (!en.actor || en.cls == "MediaOutlet" || en.cls == "City" || en.cls == "Province") {
      return -1;
    }
    std::uint32_t at = m.end;
    if (at < s.last_token && tokens_[at].key == "(") {
      while (at < s.last_token && at < m.end + 6 && tokens_[at].key != ")") ++at;
      ++at;
    }
    return at < s.last_token && tokens_[at].key == ":" ? e : -1;
  }
  return -1;
}

// "X has governed from Y since 2021. Last year he vowed ...": a person who opens a sentence
// that makes no claim is whom the next "he" or "she" means, not the last speaker.
void ArticleRun::note_opening_person(const Sentence& s, const std::vector<Mention>& ms) {
  const std::uint32_t opening = after_titles(s, ms, s.first_token);
  for (const Mention& m : ms) {
    if (m.begin != opening || m.in_quote) continue;
    const int who = as_actor(m.entity);
    if (who >= 0 && entities_[static_cast<std::size_t>(who)].person()) last_person_ = who;
    break;
  }
}

// Is the denial cue at `cue` (of `len` tokens) the rejection of something proposed
// (claim_proposal_nouns.tsv) rather than of a claim? Its object after it, past a determiner and
// up to two modifiers ("rejected the Kenyan offer", "rejects the new peace plan"), or a noun
// that the clause ending with the cue qualifies (", an offer the government rejected").
// Only "reject" verbs: "denied the offer" is rare and "dismissed the proposal" stays a denial.
bool ArticleRun::rejects_proposal(const Sentence& s, std::uint32_t cue, std::uint32_t len) const {
  if (tokens_[cue].key.rfind("reject", 0) != 0) return false;
  static const std::set<std::string> kDeterminers = {"the",   "a",     "an",  "any",  "its",
                                                     "their", "his",   "her", "this", "that",
                                                     "all",   "every", "our", "such"};
  const std::uint32_t end = s.last_token;
  std::uint32_t k = cue + len;
  if (k < end && kDeterminers.count(tokens_[k].key)) ++k;
  for (std::uint32_t n = 0; n < 3 && k < end && tokens_[k].kind == TokenKind::Word; ++n, ++k) {
    if (is_word(res_.proposal_nouns, k, end)) return true;
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (matches(res_.proposal_nouns, k, end, l, r)) return true;
  }
  // "..., an offer the government rejected.": the noun after the comma, the clause's last word.
  const bool closes = cue + len >= end || tokens_[cue + len].kind == TokenKind::Punct;
  for (std::uint32_t b = cue; closes && b > s.first_token + 1 && cue - b < 5; --b) {
    if (tokens_[b - 1].kind == TokenKind::Punct) break;
    if (!kDeterminers.count(tokens_[b - 2].key) || tokens_[b - 2].key == "the") continue;
    if (is_word(res_.proposal_nouns, b - 1, cue)) return true;
  }
  return false;
}

// "Al Jazeera counted 12 bodies", "according to an AFP tally", "AFP's count": a news outlet
// (no claimant otherwise) counting for itself (claim_outlet_counts.tsv: a verb right after the
// outlet, perhaps after an auxiliary; a record noun right after it or its "'s"). Each is a cue
// whose speaker is the outlet; claims_in keeps it only with figures of its own.
void ArticleRun::outlet_count_cues(const Sentence& s, const std::vector<Mention>& ms,
                                   std::vector<Cue>& cues) {
  const std::size_t before = cues.size();
  for (const Mention& m : ms) {
    if (m.entity < 0 || entities_[static_cast<std::size_t>(m.entity)].cls != "MediaOutlet") {
      continue;
    }
    if (m.in_quote || m.end >= s.last_token) continue;
    std::uint32_t at = m.end;
    if (tokens_[at].key == "'s" || tokens_[at].key == "'") ++at;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (!matches(res_.outlet_counts, at, s.last_token, len, row)) continue;
    const bool noun = res_.outlet_counts.get(row, "kind") == "noun";
    // A verb needs the outlet as its bare subject ("AFP counted", not "AFP's counted").
    if (!noun && at != m.end) continue;
    // A noun needs the outlet as the record's owner: "an AFP tally", "AFP's tally".
    if (noun && at == m.end &&
        (m.begin == s.first_token ||
         (tokens_[m.begin - 1].key != "a" && tokens_[m.begin - 1].key != "an" &&
          tokens_[m.begin - 1].key != "the"))) {
      continue;
    }
    const bool known =
        std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.begin == at; });
    if (known) continue;
    cues.push_back(Cue{at, at + len, "StatementClaim", Voice::Active, m.entity});
  }
  if (cues.size() == before) return;
  std::stable_sort(cues.begin(), cues.end(),
                   [](const Cue& a, const Cue& b) { return a.begin < b.begin; });
}

// "The representative of X said", "X's representative said", "the ambassador of X told": a
// person who speaks for `who` (claim_proxy_nouns.tsv) and is named only by it, in the clause
// before the cue at `cue_begin`. Pronouns of persons then refer back to `who`.
bool ArticleRun::proxy_speaker(const Sentence& s, const std::vector<Mention>& ms, int who,
                               std::uint32_t cue_begin) const {
  for (const Mention& m : ms) {
    if (m.end > cue_begin || m.begin < s.first_token || as_actor(m.entity) != who) continue;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    // "X's representative"
    if (m.end + 1 < cue_begin && tokens_[m.end].key == "'s" &&
        matches(res_.proxy_nouns, m.end + 1, cue_begin, len, row)) {
      return true;
    }
    // "the representative of (the) X"
    std::uint32_t k = m.begin;
    if (k > s.first_token && tokens_[k - 1].key == "the") --k;
    if (k < s.first_token + 2 || tokens_[k - 1].key != "of") continue;
    for (std::uint32_t b = k - 1; b > s.first_token && k - 1 - b < 3; --b) {
      if (matches(res_.proxy_nouns, b - 1, k - 1, len, row) && b - 1 + len == k - 1) return true;
    }
  }
  return false;
}

// The claim `claimant` made in the sentence right before `si`, if any (the latest one).
const ClaimOut* ArticleRun::continued_claim(std::uint32_t si, int claimant) const {
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (it->sentence + 1 == si && it->claimant == claimant && !it->iri.empty()) return &*it;
  }
  return nullptr;
}

// Direct quotations in the sentence, attributed to the claimant.
void ArticleRun::quotes_for(std::uint32_t si, const ClaimOut& c) {
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
      const std::uint32_t cb = code_points_before(b);
      const std::uint32_t ce = code_points_before(e);
      const std::string q = doc_ + "#char=" + std::to_string(cb) + "," + std::to_string(ce);
      iri(q, iris::kType, iris::kQuote);
      iri(q, iris::kReferenceContext, doc_);
      lit(q, iris::kBeginIndex, std::to_string(cb), vocab::kXsdNonNegativeInteger);
      lit(q, iris::kEndIndex, std::to_string(ce), vocab::kXsdNonNegativeInteger);
      lit(q, iris::kAnchorOf, std::string_view(article_.text).substr(b, e - b));
      iri(q, iris::kSpeaker, entities_[static_cast<std::size_t>(c.claimant)].iri);
      iri(c.iri, iris::kQuotes, q);
    }
    i = j;
  }
}

}  // namespace ng::extract::claims
