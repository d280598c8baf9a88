// ArticleRun: mediation efforts of a sentence (mediations_in, stage 2 rules), add_mediation.

#include <algorithm>

#include "extract/claim_run.hpp"
#include "extract/sentence_mediations.hpp"
#include "extract/time_expr.hpp"

namespace ng::extract::claims {

namespace {

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

}  // namespace

void ArticleRun::mediations_in(std::uint32_t si, const std::vector<Mention>& ms) {
  const Sentence& s = sentences_[si];
  std::vector<SentenceMediator> seen;  // mediators found so far in this sentence
  std::vector<SentenceContext::Span> spans;
  for (const Mention& m : ms) {
    spans.push_back({m.begin, m.end, entities_[static_cast<std::size_t>(m.entity)].cls});
  }
  const SentenceContext context(res_, tokens_, s.last_token, std::move(spans));
  // Most tokens open no mediation phrase: without a dash ("Omani-mediated"), a rule's first
  // word or a trigger's, the per-token bits pass them over before any other work.
  const int words_bit = res_.rule_first_words_bit;
  const int trigger_bit = res_.lexicon_starts.bit_of(res_.med_triggers);
  const bool rules_need_word =
      words_bit >= 0 && std::all_of(res_.rule_starts_with_word.begin(),
                                    res_.rule_starts_with_word.end(), [](bool b) { return b; });
  auto opens_nothing = [&](std::uint32_t i, std::size_t dash) {
    const std::uint64_t bits = lexicon_starts_[i];
    return (dash == std::string::npos || dash == 0) && rules_need_word && trigger_bit >= 0 &&
           ((bits >> words_bit) & 1U) == 0 && ((bits >> trigger_bit) & 1U) == 0;
  };
  for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
    const std::string& key = tokens_[i].key;
    const auto dash = key.rfind('-');
    if (opens_nothing(i, dash)) continue;
    std::vector<int> mediators;
    std::string status;
    std::uint32_t trig_end = i + 1;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    bool found = false;
    if (dash != std::string::npos && dash > 0) {
      // "Omani-mediated ceasefire": the first part names the mediator.
      auto it = res_.prefix_triggers.find(key.substr(dash));
      // "a UN-led peace process", "Omani-led talks": only before what a mediation is about.
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
          // "hold Oman-mediated talks": a process mediated goes on; an outcome ("a
          // Omani-brokered ceasefire") was reached. Words after it may still end it.
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
    const bool first_word =
        !found && (words_bit >= 0 ? ((lexicon_starts_[i] >> words_bit) & 1U) != 0
                                  : res_.rule_first_words.count(key) > 0);
    for (std::size_t r = 0; r < res_.rules.size(); ++r) {
      const Rule& rule = res_.rules[r];
      if (found || (res_.rule_starts_with_word[r] && !first_word) ||
          !may_start_at(rule, context, i) || !match_rule(rule, context, i, s.last_token, rm)) {
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
    // "Y rejected an offer by X to join the effort as a co-mediator", "welcomed an offer from
    // X to host talks": X offered; what the clause's subject did to the offer is no modifier.
    std::uint32_t offer_from = 0;
    if (slot == "subject") {
      for (std::uint32_t k = i > cb + 25 ? i - 25 : cb; k + 2 < i; ++k) {
        const std::string& w = tokens_[k].key;
        if ((w != "offer" && w != "offers" && w != "proposal") ||
            (tokens_[k + 1].key != "by" && tokens_[k + 1].key != "from")) {
          continue;
        }
        const std::uint32_t at = tokens_[k + 2].key == "the" ? k + 3 : k + 2;
        if (at < i && mention_at(ms, at) >= 0) offer_from = at;
      }
      if (offer_from > 0) status = "offered";
    }
    const std::uint32_t window = std::max(offer_from, i > cb + 8 ? i - 8 : cb);
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
    bool mediator_officials = false;     // "Iraqi officials": both sides must be names
    if (slot == "by") {
      mediators = name_list(ms, trig_end, s.last_token, &list_end);
      // "brokered by Iraqi officials": the state its officials stand for.
      std::uint32_t oe = 0;
      const int state = mediators.empty() ? officials_state(ms, trig_end, s.last_token, &oe) : -1;
      if (state >= 0) {
        mediators = {state};
        list_end = oe;
        // Its officials are no name: the sides must be named.
        mediator_by_reference = true;
        mediator_officials = true;
      }
    } else if (slot == "before") {
      // "Egyptian and Omani mediators": the states named just before the noun.
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
      if (mediators.empty()) mediators = role_mediator(s, ms, i);
    } else if (slot == "subject" || slot == "sides_after" || slot == "sides_object") {
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
          // "X said on Thursday they were ready to mediate": past a few plain words (no name,
          // no punctuation) to the pronoun that opens what is said.
          for (std::uint32_t t = after; t < i && t < after + 4 && mention_at(ms, after) < 0; ++t) {
            if (tokens_[t].kind != TokenKind::Word || mention_at(ms, t) >= 0) break;
            if (matches(res_.pronouns, t, t + 1, pl, pr)) {
              after = t;
              break;
            }
          }
          if (mention_at(ms, after) >= 0) {
            from = after;
            speaker_mediates = -1;
          } else if (after < i && matches(res_.pronouns, after, after + 1, pl, pr)) {
            // "... said it was ready to mediate": the speaker (a described one too: "X's
            // Catholic bishops said they ...").
            speaker_mediates = subject_of(s, ms, k);
            const int described = claimant_for(s, ms, Cue{k, k + cl, "StatementClaim"});
            if (described >= 0 && entities_[static_cast<std::size_t>(described)].cls == "Actor") {
              speaker_mediates = described;
              // Known by a description only: its sides must be named.
              mediator_by_reference = true;
            }
          }
        }
      }
      // "X denies Y is mediating": Y's mediation, disputed by X.
      for (std::uint32_t k = cb; k < i && from == cb && offer_from == 0; ++k) {
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
      // "X said he had asked Y to mediate", "X invited Y, the Z, to broker talks": Y, the last
      // name after a word of mediation_requests.tsv, right before "to" and the phrase.
      if (offer_from == 0 && i > cb + 2 && tokens_[i - 1].key == "to") {
        for (std::uint32_t k = cb; k + 2 < i; ++k) {
          std::uint32_t rl = 0;
          std::uint32_t rr = 0;
          if (!matches(res_.med_requests, k, i, rl, rr)) continue;
          const Mention* asked = nullptr;
          for (const Mention& m : ms) {
            if (m.begin < k + rl || m.end + 3 < i || m.end > i - 1 || !agentive(m.entity)) continue;
            if (asked == nullptr || m.begin > asked->begin) asked = &m;
          }
          // Only the name and an apposition's commas between it and "to".
          const bool next =
              asked != nullptr &&
              (asked->end == i - 1 || (asked->end + 1 == i - 1 && tokens_[asked->end].key == ","));
          if (next && asked->begin <= k + rl + 8) {
            from = asked->begin;
            speaker_mediates = -1;
          }
          k += rl - 1;
        }
      }
      // "with Omani mediation": a demonym right before the phrase is its mediator.
      const int adjective = i > s.first_token + 1 && tokens_[i - 1].is(kCapitalized)
                                ? country_for_prefix(tokens_[i - 1].key, true)
                                : -1;
      if (offer_from > 0) {
        mediators = name_list(ms, offer_from, i);
      } else if (adjective >= 0) {
        mediators = {adjective};
      } else if (from != cb) {
        mediators = name_list(ms, from, i);
      } else if (speaker_mediates >= 0) {
        mediators = {as_actor(speaker_mediates)};
      } else if (const int described = described_mediator(ms, cb, i); described >= 0) {
        // "Traditional elders from A and B are trying to broker ...": the description, not a
        // name inside it; known by a description only, its sides must be named.
        mediators = {described};
        mediator_by_reference = true;
      } else if (subject_of(s, ms, i, &first) >= 0) {
        // "Egypt and Oman brokered ...": every coordinated subject mediates.
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
          // "A, which along with B has mediated": B is a co-mediator (added below), not the
          // subject.
          bool companion = false;
          const std::uint32_t nb = b > s.first_token && tokens_[b - 1].key == "the" ? b - 1 : b;
          for (std::uint32_t c = nb > s.first_token + 3 ? nb - 3 : s.first_token; c < nb; ++c) {
            std::uint32_t cl = 0;
            std::uint32_t cr = 0;
            if (matches(res_.med_companions, c, nb, cl, cr) && c + cl == nb) companion = true;
          }
          if (!object && !companion) mediators = name_list(ms, b, i);
        }
      }
      // "A, which along with B has mediated": the clause's first name follows a companion
      // phrase; the antecedent mediates, B with it (co-mediators below).
      if (!mediators.empty() && first > s.first_token) {
        const std::uint32_t nb = tokens_[first - 1].key == "the" ? first - 1 : first;
        for (std::uint32_t c = nb > s.first_token + 3 ? nb - 3 : s.first_token; c < nb; ++c) {
          std::uint32_t cl = 0;
          std::uint32_t cr = 0;
          if (!matches(res_.med_companions, c, nb, cl, cr) || c + cl != nb) continue;
          const std::vector<int> antecedent = relative_antecedent(s, ms, i);
          if (!antecedent.empty()) mediators = antecedent;
          break;
        }
      }
      if (mediators.empty()) mediators = relative_antecedent(s, ms, i);
      // "U.S. officials are mediating", "Egyptian diplomats have offered to help broker": a
      // state's officials as the subject, only lower-case words up to the phrase.
      for (std::uint32_t k = cb; k < i && mediators.empty(); ++k) {
        std::uint32_t oe = 0;
        const int state = officials_state(ms, k, i, &oe);
        if (state < 0) continue;
        const bool lower =
            std::all_of(tokens_.begin() + oe, tokens_.begin() + i, [](const Token& t) {
              return t.kind == TokenKind::Word && !t.is(kCapitalized) && !t.is(kInQuote);
            });
        if (lower) {
          mediators = {state};
          mediator_by_reference = true;
          mediator_officials = true;
        }
      }
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
    // "hosted by A, along with B, ...": after the mediators named after the phrase.
    // "A, which along with B has mediated ...", "A, together with B, brokered ...": between
    // the mediator and the phrase.
    const std::uint32_t after = std::max(trig_end, list_end);
    const std::uint32_t before = i > cb + 8 ? i - 8 : cb;
    // (After the phrase, a few words of its object may come first: "brokered the October truce
    // together with B", up to a punctuation mark.)
    for (std::uint32_t k = before; k < std::min(after + 6, s.last_token); ++k) {
      if (k >= i && k < after) k = after;
      if (k >= after + 3 && tokens_[k].kind == TokenKind::Punct) break;
      std::uint32_t cl = 0;
      std::uint32_t cr = 0;
      if (!matches(res_.med_companions, k, s.last_token, cl, cr)) continue;
      for (int c : name_list(ms, k + cl, k < i ? i : s.last_token)) {
        if (std::find(mediators.begin(), mediators.end(), c) == mediators.end()) {
          mediators.push_back(c);
        }
      }
      if (k >= after) break;
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
    // "trying to bring A and B back to the negotiating table": the sides are the object of the
    // phrase's first word.
    if (slot == "sides_object") between = i;
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
    // "A and B agreed to talks facilitated by C", "A and B hold Oman-mediated talks" (a
    // prefix trigger, no slot), "A and B agreed to keep talking under a Norwegian moderator"
    // (slot before): the coordinated subject of the clause.
    if (parties.empty() && (slot == "by" || slot == "before" || slot.empty())) {
      parties = subject_sides(s, ms, cb, i);
    }
    // "A and B fought a war that ended with a ceasefire brokered by C": in a relative clause
    // on a noun, the sides are the coordinated subject of the clause the noun belongs to.
    if (parties.empty() && slot == "by") {
      for (std::uint32_t k = s.first_token + 2; k < i; ++k) {
        if (tokens_[k].key != "that" && tokens_[k].key != "which") continue;
        const Token& noun = tokens_[k - 1];
        std::uint32_t cl = 0;
        std::uint32_t cr = 0;
        if (noun.kind != TokenKind::Word || noun.is(kCapitalized) ||
            matches(res_.claim_cues, k - 1, k, cl, cr)) {
          break;
        }
        parties = subject_sides(s, ms, s.first_token, k);
        break;
      }
    }
    // "The ceasefire, brokered by A and B, ended a year of fighting between X and Y": past the
    // comma, the sides of the fighting that the deal ended (mediation_ending_verbs.tsv), not
    // of fighting told "after" it ("a truce brokered by A, after clashes between X and Y").
    for (std::uint32_t k = std::max(list_end, trig_end); k < s.last_token && parties.empty(); ++k) {
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
    // "bring A and B back to the table" names its sides; "brought aid to the table" none.
    if (slot == "sides_object" && !explicit_parties) continue;
    // "held separate consultations with A, the B and C" where B is no name: one named side and
    // one guessed from the article is no pair the text gives.
    if (slot == "sides_after" && named_side >= 0) continue;
    // A state known by its officials with a side known by description ("between the factions
    // and U.S. forces") is two guesses: every side after "between" must hold a name.
    if (mediator_officials) {
      bool named = between < s.last_token;
      std::uint32_t b = between + 1;
      for (std::uint32_t k = b; named && k <= s.last_token; ++k) {
        const bool end = k == s.last_token || tokens_[k].kind == TokenKind::Punct;
        if (!end && tokens_[k].key != "and") continue;
        named = std::any_of(ms.begin(), ms.end(),
                            [&](const Mention& m) { return m.begin >= b && m.end <= k; });
        if (end) break;
        b = k + 1;
      }
      if (!named) continue;
    }
    // "The ceasefire was reached after talks mediated by X": a sentence that names no side
    // takes those of the last "between A and B" before (the fighting the article tells of),
    // when no mediator is one of them.
    if (no_parties) {
      const std::vector<int> last = last_between_sides();
      const bool mediates = std::any_of(last.begin(), last.end(), [&](int p) {
        return std::any_of(mediators.begin(), mediators.end(),
                           [&](int m) { return m == p || country_of(m) == p; });
      });
      if (last.size() == 2 && !mediates) parties = last;
    }
    if (parties.size() < 2) {
      std::vector<int> deal = place_named_deal_sides(si, ms);
      if (deal.size() >= 2) parties = deal;
    }
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
      if (entities_[static_cast<std::size_t>(e)].country()) mediating_states_.insert(e);
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
  note_between(si, ms);
}

void ArticleRun::add_mediation(std::uint32_t si, const std::vector<int>& meds,
                               const std::vector<int>& parties, const std::string& status,
                               const std::string& object, bool conditional, bool hedged,
                               int venue) {
  flush_new_entities();
  const std::string m = node("mediation");
  iri(m, iris::kType, iris::kMediationEffort);
  iri(m, iris::kInArticle, doc_);
  iri(doc_, iris::kMentions, m);
  for (int e : meds) {
    iri(m, iris::kMediator, entities_[static_cast<std::size_t>(e)].iri);
    mediators_seen_.insert(e);
    if (country_of(e) >= 0) mediators_seen_.insert(country_of(e));
  }
  for (std::size_t k = 0; k < parties.size() && k < 2; ++k) {
    iri(m, iris::kParty, entities_[static_cast<std::size_t>(parties[k])].iri);
  }
  static const std::map<std::string, std::string> kStatus = {{"offered", "Offered"},
                                                             {"ongoing", "Ongoing"},
                                                             {"succeeded", "Succeeded"},
                                                             {"failed", "Failed"},
                                                             {"disputed", "DisputedMediation"},
                                                             {"unclear", "Unclear"}};
  auto it = kStatus.find(status);
  iri(m, iris::kMediationStatus, ng(it == kStatus.end() ? "Unclear" : it->second));
  if (!object.empty()) lit(m, ng("subject"), object);
  if (venue >= 0) iri(m, ng("venue"), entities_[static_cast<std::size_t>(venue)].iri);
  if (conditional) lit(m, ng("conditional"), "true", vocab::kXsdBoolean);
  if (hedged) lit(m, ng("hedged"), "true", vocab::kXsdBoolean);
  const Sentence& s = sentences_[si];
  for (const TimeExpression& te :
       find_time_expressions(tokens_, s.first_token, s.last_token, res_.time_words,
                             reference_date(article_), 0, time_word_starts())) {
    lit(m, ng("timeText"), span_text(te.begin, te.end));
    if (!te.value.empty()) {
      const std::string_view dt = te.value.size() == 10  ? vocab::kXsdDate
                                  : te.value.size() == 7 ? vocab::kXsdGYearMonth
                                                         : vocab::kXsdGYear;
      lit(m, ng("date"), te.value, dt);
    }
    break;
  }
  iri(m, iris::kEvidence, sentence_iri(si));
  ++stats_.mediations;
}

// "Traditional elders from A and B are holding talks ... to broker a truce", "A delegation of
// elders has brokered ...": a description opening the clause before the phrase at `at` — an
// article, "a delegation/group of", up to three plain words and a head of
// mediation_described_mediators.tsv — mediates as an actor of its own; -1 when the clause opens
// otherwise or a name comes first.
int ArticleRun::described_mediator(const std::vector<Mention>& ms, std::uint32_t cb,
                                   std::uint32_t at) {
  std::uint32_t k = cb;
  if (k < at && (tokens_[k].key == "the" || tokens_[k].key == "a" || tokens_[k].key == "an")) ++k;
  std::uint32_t dl = 0;
  std::uint32_t dr = 0;
  if (k + 1 < at && (matches(res_.delegation_nouns, k, at, dl, dr) || tokens_[k].key == "group") &&
      tokens_[k + std::max<std::uint32_t>(dl, 1)].key == "of") {
    k += std::max<std::uint32_t>(dl, 1) + 1;
  }
  const std::uint32_t start = k;
  for (; k < at && k < start + 4; ++k) {
    if (mention_at(ms, k) >= 0 || tokens_[k].kind != TokenKind::Word || tokens_[k].is(kInQuote)) {
      return -1;
    }
    std::uint32_t hl = 0;
    std::uint32_t hr = 0;
    if (!matches(res_.med_described, k, at, hl, hr)) continue;
    const std::uint32_t end = k + hl;
    // ("elders' council", "elders of X": the head must end the description.)
    if (end < at && (tokens_[end].key == "'s" || tokens_[end].key == "'")) return -1;
    return mint_described(span_text(start, end), tokens_[end - 1].key, -1);
  }
  return -1;
}

}  // namespace ng::extract::claims
