// ArticleRun: casualty figures (figures_in), victim phrases and their figure nodes.

#include <algorithm>

#include "extract/claim_run.hpp"
#include "extract/cue_prefilter.hpp"

namespace ng::extract::claims {

// "four civilians, including a child, had been killed": the token after a comma-closed
// aside (claim_victim_asides.tsv) that opens at `at`, or after an aside between dashes;
// `at` itself when none opens there.
std::uint32_t ArticleRun::skip_victim_aside(std::uint32_t at, std::uint32_t end) const {
  std::uint32_t l = 0;
  std::uint32_t r = 0;
  // "three people - two marines and a civilian - were killed": an aside between dashes.
  const auto dash = [](const std::string& k) { return k == "-" || k == "\u2013" || k == "\u2014"; };
  if (at + 2 < end && dash(tokens_[at].key)) {
    for (std::uint32_t k = at + 1; k < end && k < at + 12; ++k) {
      if (dash(tokens_[k].key)) return k > at + 1 ? k + 1 : at;
      if (tokens_[k].kind == TokenKind::Punct && tokens_[k].key != ",") break;
    }
    return at;
  }
  if (at + 2 >= end || tokens_[at].key != "," || !matches(res_.victim_asides, at + 1, end, l, r)) {
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
void ArticleRun::add_another(Figure& before, const std::string& slot) {
  auto it = before.amounts.find(slot);
  if (it == before.amounts.end()) {
    before.amounts[slot] = "1";
    return;
  }
  const std::string& n = it->second;
  if (!n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      n.size() < 9) {
    it->second = std::to_string(std::stol(n) + 1);
  }
}

// The end of "and a soldier" right after the victims of `f` (ending at `ve`): one or two
// lower-case words after "and a"/"and an" that end at punctuation or the sentence; `ve` when
// there is none. The victims before must not run on into it (victim_end stops at "and a").
std::uint32_t ArticleRun::coordinated_one(const Figure& f, std::uint32_t ve,
                                          std::uint32_t end) const {
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

// The end of "and six civilians" right after the victims of a verb-first figure (ending at
// `ve`): "and", a number, one to four lower-case words, then punctuation or the sentence's end
// (not a verb of its own: "and 20 were wounded"); `ve` when there is none. After "a local
// administrator and two militiamen" the golds count one group of three: not after one person.
std::uint32_t ArticleRun::coordinated_group(std::uint32_t ve, std::uint32_t end) const {
  std::uint32_t nl = 0;
  if (ve + 2 >= end || tokens_[ve].key != "and" || !number_at(ve + 1, end, nl)) return ve;
  const std::uint32_t b = ve + 1 + nl;
  std::uint32_t e = b;
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  while (e < end && e - b < 4 && tokens_[e].kind == TokenKind::Word &&
         !tokens_[e].is(kCapitalized) && !matches(res_.casualty, e, end, len, row) &&
         !is_word(res_.victim_stops, e, end) && !is_word(res_.aux, e, end)) {
    ++e;
  }
  // (Not a share, "and several of the group's leaders".)
  const bool closed = e == end || (tokens_[e].kind == TokenKind::Punct && tokens_[e].key != "'s");
  return e > b && closed && tokens_[b].key != "of" ? e : ve;
}

// "a number of militants": an amount numbers.tsv calls unknown (kind "unknown") opens at `at`;
// no one-person figure.
bool ArticleRun::unknown_amount(std::uint32_t at, std::uint32_t end) const {
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  return matches(res_.numbers, at, end, len, row) && res_.numbers.get(row, "kind") == "unknown";
}

// "wounding a 70-year-old farmer": an age ("70-year-old", one number token) is part of the
// victims after the verb, no amount. (Before the verb, "A 30-year-old man was killed" is
// still no figure: in wire copy it mostly restates one victim of the toll before.)
bool ArticleRun::age_at(std::uint32_t at) const {
  const std::string& k = tokens_[at].key;
  return tokens_[at].kind == TokenKind::Number && k.size() > 8 &&
         k.compare(k.size() - 8, 8, "year-old") == 0;
}

// At `at`, a number of `len` tokens: "the three were civilians", "the 12 are farmers" (a
// definite count, a copula, one to three lower-case words ending in a plural noun, then the
// end of the phrase). The end of those words, else `at`.
std::uint32_t ArticleRun::restated_victims_end(const Sentence& s, std::uint32_t at,
                                               std::uint32_t len) const {
  const std::uint32_t end = s.last_token;
  if (at <= s.first_token || tokens_[at - 1].key != "the" || at + len + 1 >= end) return at;
  const std::string& copula = tokens_[at + len].key;
  if (copula != "were" && copula != "are") return at;
  const std::uint32_t b = at + len + 1;
  std::uint32_t e = b;
  while (e < end && e - b < 3 && tokens_[e].kind == TokenKind::Word &&
         !tokens_[e].is(kCapitalized) && !is_word(res_.victim_stops, e, end) &&
         !is_word(res_.aux, e, end)) {
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (matches(res_.casualty, e, end, l, r)) return at;
    ++e;
  }
  if (e == b) return at;
  const std::string& head = tokens_[e - 1].key;
  const auto ends = [&](std::string_view tail) {
    return head.size() > tail.size() + 1 &&
           head.compare(head.size() - tail.size(), tail.size(), tail) == 0;
  };
  // A plural noun, not a participle or an adverb ("arrested", "fleeing", "also").
  if (ends("ed") || ends("ing") || ends("ss") || !(ends("s") || ends("men") || ends("ren"))) {
    return at;
  }
  // The phrase ends there: punctuation, the sentence's end or a relative clause.
  if (e < end && tokens_[e].kind == TokenKind::Word && !is_word(res_.victim_stops, e, end)) {
    return at;
  }
  return e;
}

// Is there a "were" or "are" in tokens [begin, end) (restated_victims_end needs one)?
bool ArticleRun::has_copula(std::uint32_t begin, std::uint32_t end) const {
  for (std::uint32_t i = begin; i < end; ++i) {
    const std::string& k = tokens_[i].key;
    if (k == "were" || k == "are") return true;
  }
  return false;
}

std::vector<Figure> ArticleRun::figures_in(const Sentence& s, bool& zero,
                                           std::uint32_t& first) const {
  std::vector<Figure> raw;
  zero = false;
  first = s.last_token;
  const std::uint32_t end = s.last_token;
  // Every figure needs a casualty word ("killed", "wounded"), "zero" a phrase of its own and a
  // restated figure (restated_victims_end) a copula: most sentences have none of them.
  const std::uint64_t starts = starts_in(lexicon_starts_, s.first_token, end);
  if (!may_start(res_.casualty, starts) && !may_start(res_.zero, starts) &&
      !has_copula(s.first_token, end)) {
    return raw;
  }
  auto victim_end = [&](std::uint32_t j) {
    // Victims after the number run to a stop word, punctuation, a number or a casualty word.
    std::uint32_t k = j;
    while (k < end && k - j < 8) {
      const Token& t = tokens_[k];
      if (t.kind != TokenKind::Word && !age_at(k)) break;
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
      // "..., causing (a fire but) no casualties": the result of the act told, no toll.
      bool result = false;
      for (std::uint32_t k = i; k > s.first_token && i - k < 5 && !result; --k) {
        if (tokens_[k - 1].kind == TokenKind::Punct) break;
        result = is_word(res_.zero_results, k - 1, k);
      }
      if (result) {
        i += len - 1;
        continue;
      }
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
      bool linked = false;  // read through a link from a toll noun ("the toll rose to 20")
      if (j < end && !qualifier_here && !number_at(j, end, nl0) &&
          matches(res_.figure_links, j, end, ql, qr)) {
        j += ql;
        linked = true;
      } else if (slot == "killed" && j < end && !qualifier_here && !number_at(j, end, nl0)) {
        // "the death toll from the fighting had risen to 638": words (up to fifteen: "the
        // death toll from three days of fighting between X and Y in the town of Z has risen
        // to 31"), then a link of two or more words, then the figure.
        for (std::uint32_t g = j + 1; g < std::min(j + 16, end); ++g) {
          // Words, or a year ("the death toll since October 2023 had risen to").
          const Token& w = tokens_[g - 1];
          const bool year = w.kind == TokenKind::Number && w.key.size() == 4 && w.key >= "1900" &&
                            w.key <= "2099";
          // (and a possessive: "the death toll from Sunday's bombing had risen to 23").
          if ((w.kind != TokenKind::Word && !year && w.key != "'s") || w.is(kInQuote)) break;
          std::uint32_t gl = 0;
          std::uint32_t gr = 0;
          if (matches(res_.casualty, g - 1, end, gl, gr)) break;
          if (matches(res_.figure_links, g, end, gl, gr) && gl >= 2 && g + gl < end &&
              (number_at(g + gl, end, nl0) || (matches(res_.numbers, g + gl, end, ql, qr) &&
                                               res_.numbers.get(qr, "kind") == "qualifier"))) {
            j = g + gl;
            linked = true;
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
        // "killing a family of four": the number after a counted group (numbers.tsv kind
        // "group"), who are the victims.
        std::string group_victims;
        std::uint32_t gl = 0;
        std::uint32_t grow = 0;
        std::uint32_t gnl = 0;
        if (!v && matches(res_.numbers, j, end, gl, grow) &&
            res_.numbers.get(grow, "kind") == "group" && j + gl < end) {
          if (auto gv = number_at(j + gl, end, gnl)) {
            v = gv;
            group_victims = span_text(j + 1, j + gl - 1);
            nl = gl + gnl;
          }
        }
        // "killing a police officer": one person, named in a few words; so is a relative
        // ("wounded his wife", "killed her son"; not "his guards"; not "a number of" people).
        const bool one = !v && !unknown_amount(j, end) &&
                         (tokens_[j].key == "a" || tokens_[j].key == "an" || kin_of_one(j, end));
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
            // But after a verb, "ambushed a team of vigilantes near X, killing three of them":
            // a share of the people the clause named, the plural noun nearest before the verb.
            const std::string who =
                tokens_[vb].key == "them" && !one && !is_word(res_.casualty_nouns, i, i + len)
                    ? antecedent_plural(s, i)
                    : std::string();
            if (!who.empty()) {
              Figure f;
              f.amounts[slot] = *v;
              f.qualifier = qual;
              f.victims = who;
              f.pos = i;
              raw.push_back(f);
              i = vb;
              continue;
            }
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
            // ("killed 60 of the attackers and captured nine": not past a coordinated verb.)
            for (std::uint32_t k = i; ve == vb && k > s.first_token + 1 && i - k < 4; --k) {
              if (tokens_[k - 1].kind != TokenKind::Word || tokens_[k - 1].key == "and") break;
              if (tokens_[k - 1].key == "of" && k < i) f.victims = span_text(k, i);
            }
            if (!group_victims.empty()) f.victims = group_victims;
            f.pos = i;
            f.by_claimant = i > s.first_token && is_word(res_.killers, i - 1, i);
            f.restated = linked;
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
            } else if (const std::uint32_t second = one ? ve : coordinated_group(ve, end);
                       second > ve) {
              // "had killed 14 fighters and six civilians": a second group of the same verb.
              std::uint32_t second_nl = 0;
              Figure g;
              g.amounts[slot] = *number_at(ve + 1, end, second_nl);
              if (!also.empty()) g.amounts[also] = g.amounts[slot];
              g.victims = span_text(ve + 1 + second_nl, second);
              g.pos = i;
              g.by_claimant = raw.back().by_claimant;
              raw.push_back(g);
              ve = second;
            }
            i = std::max(i, ve > 0 ? ve - 1 : i);
            // "received the bodies of 27 civilians, among them six women, and treated ...":
            // the aside on the victims holds no figures of its own.
            const std::uint32_t past = skip_victim_aside(ve, end);
            if (past > ve) i = past - 1;
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
    const bool single =
        !v && (tokens_[i].key == "a" || tokens_[i].key == "an") && !unknown_amount(i, end);
    bool ordinal = false;
    if (single) {
      v = "1";
      nl = 1;
      // "a fourth soldier had died of his wounds": the toll is now four (an ordinal of
      // numbers.tsv right after "a").
      std::uint32_t ol = 0;
      std::uint32_t orow = 0;
      if (i + 2 < end && matches(res_.numbers, i + 1, i + 2, ol, orow) &&
          res_.numbers.get(orow, "kind") == "ordinal") {
        v = std::string(res_.numbers.get(orow, "value"));
        nl = 2;
        ordinal = true;
      }
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
    // "medics said the three were civilians": a rival account of who the dead counted before
    // were, with no casualty verb; the number and the plural noun after the copula are a
    // figure of the dead (not "the three were arrested", "the two were also ...").
    if (const std::uint32_t named = restated_victims_end(s, i, nl); named > i) {
      Figure f;
      f.amounts["killed"] = *v;
      f.victims = span_text(i + nl + 1, named);
      f.pos = i;
      raw.push_back(f);
      pending.clear();
      i = named - 1;
      continue;
    }
    // "133 Kenyan militia fighters were killed", "more than 200 wounded".
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
    // (An ordinal toll needs no passive: "a second soldier died of his wounds"; not "a second
    // attack killed five": the verb takes no object.)
    std::uint32_t cl0 = 0;
    std::uint32_t cr0 = 0;
    // Only a death counts so ("three were killed and a fourth man wounded": one wounded).
    if (ordinal && !(j < end && matches(res_.casualty, j, end, cl0, cr0) &&
                     res_.casualty.get(cr0, "slot") == "killed")) {
      v = "1";
      ordinal = false;
    }
    const bool verb_next =
        ordinal && j < end && matches(res_.casualty, j, end, cl0, cr0) &&
        (j + cl0 >= end || tokens_[j + cl0].kind == TokenKind::Punct ||
         tokens_[j + cl0].key == "of" || is_word(res_.locative, j + cl0, j + cl0 + 1));
    if (single && (ve == vb || ve - vb > 3 ||
                   !(passive || verb_next || (ve < end && tokens_[ve].key == "and")))) {
      pending.clear();
      continue;
    }
    Figure f;
    f.qualifier = qual;
    f.victims = span_text(vb, ve);
    f.pos = i;
    // "Another 12 people were wounded", "three other guards were wounded": more victims of
    // the group before, another kind of casualty.
    f.more = (i > s.first_token && tokens_[i - 1].key == "another" && !single) ||
             (ve > vb && tokens_[vb].key == "other");
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
    } else if (!pending.empty() && !raw.empty() && ve > vb &&
               breakdown_at(pending.front().first.pos)) {
      // "at least 356 people had been killed ..., among them 79 Druze fighters, 55 civilians
      // and 189 members of the government forces": a counted list after "among them" or
      // "including" breaks the toll before it down; each item has the toll's casualty kind.
      const std::string slot = raw.back().amounts.begin()->first;
      for (auto& [p, amount] : pending) {
        p.amounts[slot] = amount;
        raw.push_back(p);
      }
      pending.clear();
      f.amounts[slot] = *v;
      raw.push_back(f);
      i = ve > 0 ? ve - 1 : ve;
    } else {
      pending.clear();
    }
  }
  for (const Figure& f : raw) first = std::min(first, f.pos);
  // Group: a figure without victims joins the group before it ("..., 11 wounded").
  std::vector<Figure> groups;
  for (Figure& f : raw) {
    if (!arrest_as_captured(f)) continue;
    if (refers_back(f.victims, "subset")) continue;  // "two of the victims"
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
    // "put the toll at 31, including children, with 50 people wounded": a
    // figure of more or unnamed people after a toll without victims joins it (the dead and
    // the wounded only: the kidnapped are a group of their own).
    const auto hurt = [](const std::string& k) { return k == "killed" || k == "wounded"; };
    // "17 bodies had been recovered and eight people were being treated": a toll counted in
    // bodies names no victims either.
    const auto unnamed_toll = [&](const std::string& victims) {
      if (victims.empty()) return true;
      const std::vector<Token> toks = tokenize(victims, res_.abbreviations);
      return toks.size() == 1 && is_word_in(res_.casualty_nouns, toks, 0);
    };
    if (!no_victims && !groups.empty() && !groups.back().amounts.count(slot) && hurt(slot) &&
        hurt(groups.back().amounts.begin()->first) &&
        (f.more || refers_back(f.victims) ||
         (unnamed_toll(groups.back().victims) && refers_back(f.victims, "unnamed")))) {
      no_victims = true;
    }
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

// "police had arrested three suspects": an arrest is a captured figure only for an exact
// number of the heads of claim_arrest_victims.tsv; a sweep ("dozens of wanted suspects", "11
// people", "more than 3,000 criminals") is no casualty figure (false: drop the figure).
bool ArticleRun::arrest_as_captured(Figure& f) const {
  const auto it = f.amounts.find("arrested");
  if (it == f.amounts.end()) return true;
  const std::string amount = it->second;
  f.amounts.erase(it);
  const std::vector<Token> toks = tokenize(f.victims, res_.abbreviations);
  const bool exact =
      f.qualifier.empty() && !amount.empty() &&
      std::all_of(amount.begin(), amount.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!exact || toks.empty() || !is_word_in(res_.arrest_victims, toks, toks.size() - 1)) {
    return !f.amounts.empty();
  }
  f.amounts["captured"] = amount;
  return true;
}

// A side in words: its demonym ("Kenyan"), else its label; "" for none.
std::string ArticleRun::side_word(int side) const {
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
// "its soldiers" said by an Kenyan ministry -> "Kenyan soldiers"; "soldiers" after "they
// killed" -> the other side's soldiers. A phrase that names anyone (a capitalised word) stays.
std::string ArticleRun::sided_victims(const Figure& f, int claimant) const {
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

// The plural noun nearest before `at` in its clause ("a team of vigilantes near X, killing
// three of them" -> "vigilantes"); "" when a clause break or more than ten words come first.
std::string ArticleRun::antecedent_plural(const Sentence& s, std::uint32_t at) const {
  for (std::uint32_t k = at; k > s.first_token && at - k < 10; --k) {
    const Token& t = tokens_[k - 1];
    if (t.key == ";" || t.key == "\"" || t.is(kInQuote)) return "";
    if (t.kind != TokenKind::Word || t.is(kCapitalized) || t.key.size() < 4) continue;
    if (t.key.back() == 's' && !is_word(res_.victim_stops, k - 1, k) &&
        !is_word(res_.aux, k - 1, k) && t.key.compare(t.key.size() - 2, 2, "ss") != 0) {
      return span_text(k - 1, k);
    }
  }
  return "";
}

// A figure at `pos` opens a breakdown: "among them" or "including" (a qualifier such as "at
// least" may stand between) right before it.
bool ArticleRun::breakdown_at(std::uint32_t pos) const {
  std::uint32_t k = pos;
  for (std::uint32_t back = 1; back <= 2 && k > back; ++back) {
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (matches(res_.numbers, pos - back, pos, l, r) && l == back &&
        res_.numbers.get(r, "kind") == "qualifier") {
      k = pos - back;
    }
  }
  if (k >= 1 && tokens_[k - 1].key == "including") return true;
  return k >= 2 && tokens_[k - 2].key == "among" && tokens_[k - 1].key == "them";
}

// Victims compared across sentences: keys without a plural "s" ("Ugandan soldier" is
// "Ugandan soldiers").
std::string ArticleRun::victim_key(const std::string& victims) const {
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
const ArticleRun::FigureOut* ArticleRun::continued(std::uint32_t si, int claimant,
                                                   const Figure& f) const {
  if (claimant < 0 || claimant != last_casualty_claimant_ || !f.object.empty()) return nullptr;
  if (si != last_casualty_sentence_ && si != last_casualty_sentence_ + 1) return nullptr;
  // "By Monday it had raised the toll to 16": a toll stated anew, not a group's missing half.
  if (f.restated && si != last_casualty_sentence_) return nullptr;
  const std::string key = victim_key(sided_victims(f, claimant));
  const bool back = si != last_casualty_sentence_ && (f.more || refers_back(f.victims));
  if (key.empty() && !back) return nullptr;
  // A shorter name for the same victims joins the group too when stated in the same or the
  // very next sentence ("killed 57 Islamic State fighters." + "It said its forces had also
  // captured 12 fighters."): the key is the end of the group's own, at a word boundary.
  const auto same_victims = [&](const FigureOut& g) {
    const std::string& group = g.key;
    if (group == key) return true;
    return !key.empty() && si <= g.sentence + 1 && group.size() > key.size() + 1 &&
           group.compare(group.size() - key.size(), key.size(), key) == 0 &&
           group[group.size() - key.size() - 1] == ' ';
  };
  for (const FigureOut& g : last_figures_) {
    if (!same_victims(g) && !back) continue;
    const bool overlap = std::any_of(f.amounts.begin(), f.amounts.end(),
                                     [&](const auto& a) { return g.slots.count(a.first) > 0; });
    if (!overlap) return &g;
  }
  return nullptr;
}

// Victims that stand for those of the group before: none, or only "others" / "more"
// (claim_back_victims.tsv rows of `kind`; "unnamed": only "people", who join a toll without
// victims in the same sentence).
bool ArticleRun::refers_back(const std::string& victims, std::string_view kind) const {
  const std::vector<Token> toks = tokenize(victims, res_.abbreviations);
  if (toks.empty()) return kind == "back";
  PhraseIndex::Match m{0, 0};
  return res_.back_victims.index().longest(toks, 0, toks.size(), m) && m.length == toks.size() &&
         res_.back_victims.get(m.value, "kind") == kind;
}

bool ArticleRun::continues(std::uint32_t si, int claimant, const Figure& f) const {
  return continued(si, claimant, f) != nullptr;
}

// Adds the figure's amounts to the node it continues; false when it continues none.
bool ArticleRun::continue_figure(std::uint32_t si, int claimant, const Figure& f) {
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
void ArticleRun::add_figure(const std::string& claim, int claimant, const Figure& f, int& k,
                            std::vector<FigureOut>& outs) {
  const std::string fig = claim + "-f" + std::to_string(++k);
  const std::string victims = sided_victims(f, claimant);
  FigureOut out{fig, victim_key(victims), {}, claims_sentence_};
  for (const auto& [slot, v] : f.amounts) out.slots.insert(slot);
  outs.push_back(std::move(out));
  iri(claim, iris::kFigures, fig);
  iri(fig, iris::kType, iris::kCasualtyFigure);
  for (const auto& [slot, v] : f.amounts) {
    if (slot != "destroyed") amount(fig, ng(slot), v);
  }
  if (!f.qualifier.empty()) lit(fig, iris::kQualifier, f.qualifier);
  if (!victims.empty()) lit(fig, iris::kVictims, victims);
  ++stats_.casualty_figures;
}

// Victims whose last word names security forces ("three soldiers", "two police officers").
bool ArticleRun::names_forces(const std::string& victims) const {
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
bool ArticleRun::extends_last_claim(std::uint32_t si, const Sentence& s,
                                    const std::vector<Mention>& ms,
                                    const std::vector<Figure>& figures, std::uint32_t first) const {
  if (last_casualty_iri_.empty() || si != last_casualty_sentence_ + 1) return false;
  return own_losses(s, ms, figures, first);
}

// The speaker of the sentence before, when it made a claim without figures ("..., division
// commander X told reporters. Two soldiers were wounded in the gunfight."): the figures of an
// own-losses sentence (own_losses) are his casualty claim. -1 when there is none, and when
// he gave the last toll himself.
int ArticleRun::speaker_before(std::uint32_t si, const Sentence& s, const std::vector<Mention>& ms,
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
bool ArticleRun::own_losses(const Sentence& s, const std::vector<Mention>& ms,
                            const std::vector<Figure>& figures, std::uint32_t first) const {
  if (figures.empty() || tokens_[s.first_token].is(kAfterNewline)) return false;
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  const bool opens = first == s.first_token ||
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

bool ArticleRun::is_word_in(const Lexicon& lex, const std::vector<Token>& toks, std::size_t i) {
  PhraseIndex::Match m{0, 0};
  return lex.index().longest(toks, i, toks.size(), m) && m.length == 1;
}

}  // namespace ng::extract::claims
