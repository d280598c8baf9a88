// ArticleRun: token and clause helpers (lexicon words, numbers, clause bounds, subjects).

#include <algorithm>

#include "extract/claim_run.hpp"

namespace ng::extract::claims {

// "they will regret it", "will be destroyed before it reaches our soil", "would keep targeting
// U.S. forces": a modal at `k`, at most two other words (no negation), then a verb of harm
// or retribution (claim_threat_verbs.tsv) is a threat by its sense, without a verb of warning.
bool ArticleRun::promises_harm(std::uint32_t k, std::uint32_t end) const {
  const std::string& modal = tokens_[k].key;
  if (modal != "will" && modal != "would" && modal != "shall" && modal != "'ll") return false;
  // (A quotation mark does not count: 'the army would "crush" any force'.)
  std::uint32_t last = k + 3;
  for (std::uint32_t j = k + 1; j < end && j <= last; ++j) {
    const Token& t = tokens_[j];
    if (t.kind == TokenKind::Punct && t.key == "\"") {
      ++last;
      continue;
    }
    if (t.kind != TokenKind::Word || t.key == "not" || t.key == "never") return false;
    std::uint32_t l = 0;
    std::uint32_t r = 0;
    if (matches(res_.threat_verbs, j, end, l, r)) return true;
  }
  return false;
}

bool ArticleRun::longest_match(const Lexicon& lex, std::uint32_t i, std::uint32_t end,
                               std::uint32_t& len, std::uint32_t& row) const {
  PhraseIndex::Match m{0, 0};
  if (!lex.index().longest(tokens_, i, end, m)) return false;
  len = m.length;
  row = m.value;
  return true;
}

bool ArticleRun::is_word(const Lexicon& lex, std::uint32_t i, std::uint32_t end) const {
  std::uint32_t len = 0;
  std::uint32_t row = 0;
  return matches(lex, i, end, len, row) && len == 1;
}

// "his wife", "her son": a singular possessive before one lower-case word that is no plural
// and no number names one person.
bool ArticleRun::kin_of_one(std::uint32_t j, std::uint32_t end) const {
  if (j + 1 >= end || (tokens_[j].key != "his" && tokens_[j].key != "her")) return false;
  const Token& noun = tokens_[j + 1];
  return noun.kind == TokenKind::Word && !noun.is(kCapitalized) && noun.key.size() > 2 &&
         noun.key.back() != 's';
}

// Some token of [b, e) is a number ("a total of 30").
bool ArticleRun::number_between(std::uint32_t b, std::uint32_t e) const {
  for (std::uint32_t k = b; k < e; ++k) {
    std::uint32_t l = 0;
    if (number_at(k, e, l)) return true;
  }
  return false;
}

// Integer or vague word at token i, with its length in tokens.
std::optional<std::string> ArticleRun::number_at(std::uint32_t i, std::uint32_t end,
                                                 std::uint32_t& len) const {
  const Token& t = tokens_[i];
  if (t.kind == TokenKind::Number) {
    const std::optional<std::string> count = count_digits(t.key);  // not "2,600-km", "10th"
    if (!count || count->empty() || count->size() > 7) return std::nullopt;
    const std::string& digits = *count;
    // A year ("in 2016 a car bomb killed", "since 2021"), not a count: four digits without a
    // comma after a time preposition.
    if (digits.size() == 4 && t.key.size() == 4 && digits >= "1900" && digits <= "2099" && i > 0 &&
        is_word(res_.year_preps, i - 1, i)) {
      return std::nullopt;
    }
    len = 1;
    return std::to_string(std::stoll(digits));
  }
  std::uint32_t row = 0;
  if (matches(res_.numbers, i, end, len, row)) {
    const std::string kind(res_.numbers.get(row, "kind"));
    if (kind == "number" || kind == "vague") return std::string(res_.numbers.get(row, "value"));
  }
  return std::nullopt;
}

// Start of the clause holding token `at`, and relative spans closed before it (skipped).
std::uint32_t ArticleRun::clause_begin(
    const Sentence& s, std::uint32_t at,
    std::vector<std::pair<std::uint32_t, std::uint32_t>>& skipped) const {
  std::uint32_t begin = s.first_token;
  for (std::uint32_t i = s.first_token; i < at; ++i) {
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (tokens_[i].key == ";") {
      begin = i + 1;
      skipped.clear();
      continue;
    }
    // ", and Russian President X told ...", ", and the African Union said ...": a new clause
    // with its own subject.
    const std::uint32_t subject = i + 2 < at && tokens_[i + 1].key == "the" ? i + 2 : i + 1;
    if (tokens_[i].key == "and" && i > s.first_token && tokens_[i - 1].key == "," && subject < at &&
        tokens_[subject].is(kCapitalized)) {
      begin = i + 1;
      skipped.clear();
      continue;
    }
    if (!matches(res_.breaks, i, at, len, row)) continue;
    const std::string kind(res_.breaks.get(row, "kind"));
    const bool after_comma = i > s.first_token && tokens_[i - 1].key == ",";
    if (kind == "hard" && (after_comma || i == s.first_token)) {
      begin = i + len;
      skipped.clear();
    } else if (kind == "relative" && after_comma) {
      // "X, which ..., said": the relative clause closes at the next comma before `at`.
      std::uint32_t close = i + len;
      while (close < at && tokens_[close].key != ",") ++close;
      if (close < at) {
        skipped.emplace_back(i, close);
      } else {
        begin = i + len;
        skipped.clear();
      }
    }
  }
  return begin;
}

// End of the clause that runs on from `from` (", while ...", "; ...", ", and X ...").
std::uint32_t ArticleRun::clause_end(const Sentence& s, std::uint32_t from) const {
  for (std::uint32_t i = from; i < s.last_token; ++i) {
    if (tokens_[i].key == ";") return i;
    if (i > from && tokens_[i - 1].key == "," && tokens_[i].key == "and" && i + 1 < s.last_token &&
        tokens_[i + 1].is(kCapitalized)) {
      return i;
    }
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    // A comma before the word, or inside a closing quote before it ('"...," while').
    const bool comma = (i > from && tokens_[i - 1].key == ",") ||
                       (i > from + 1 && tokens_[i - 1].key == "\"" && tokens_[i - 2].key == ",");
    if (comma && matches(res_.breaks, i, s.last_token, len, row) &&
        res_.breaks.get(row, "kind") == "hard") {
      return i;
    }
  }
  return s.last_token;
}

// Words allowed between a name and a following, more specific name in one noun phrase
// ("Uganda's Information Minister Tomas Ferro").
bool ArticleRun::attachable_gap(std::uint32_t from, std::uint32_t to) const {
  if (to - from > 5) return false;
  for (std::uint32_t i = from; i < to; ++i) {
    const Token& t = tokens_[i];
    if (t.key == "'s" || t.key == "'") continue;
    if (t.kind != TokenKind::Word) return false;
    if (t.key == "and" || t.key == "or") return false;
    std::uint32_t len = 0;
    std::uint32_t row = 0;
    if (matches(res_.claim_cues, i, to, len, row)) return false;
    if (matches(res_.med_triggers, i, to, len, row)) return false;
    // Lower-case words other than titles end the noun phrase ("sources in"); "Cambodia's
    // former leader X" is X.
    if (!t.is(kCapitalized) && t.key != "spokesperson" && t.key != "spokesman" &&
        t.key != "spokeswoman" && t.key != "minister" && t.key != "chief" &&
        !is_word(res_.titles, i, i + 1) && !is_word(res_.title_modifiers, i, i + 1)) {
      return false;
    }
  }
  return true;
}

// "..., killing three people, the Polisario said": capitalised words right before the verb
// `at` (after "the" or a comma, not opening the sentence) that open the name of exactly one group
// or organisation of the article ("Polisario Front") are that actor, not the subject of the
// clause before.
int ArticleRun::shortened_name_speaker(const Sentence& s, const std::vector<Mention>& ms,
                                       std::uint32_t at) const {
  std::uint32_t b = at;
  while (b > s.first_token && at - b < 3 && tokens_[b - 1].is(kCapitalized) &&
         std::none_of(ms.begin(), ms.end(),
                      [&](const Mention& m) { return b - 1 >= m.begin && b - 1 < m.end; })) {
    --b;
  }
  if (b == at) return -1;
  if (b == s.first_token || (tokens_[b - 1].key != "the" && tokens_[b - 1].key != ",")) {
    return -1;
  }
  std::vector<std::string> words;
  for (std::uint32_t k = b; k < at; ++k) words.push_back(tokens_[k].key);
  int found = -1;
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    // Groups and organisations go by short names ("the Polisario"); a state's bodies by
    // their own ("the Kremlin" is no shortened "Kremlin administration").
    const std::string& cls = entities_[e].cls;
    if (cls != "ArmedGroup" && cls != "Organization") continue;
    const std::vector<std::string> keys = phrase_keys(entities_[e].label, res_.abbreviations);
    if (keys.size() <= words.size() || !std::equal(words.begin(), words.end(), keys.begin())) {
      continue;
    }
    if (found >= 0) return -1;  // several actors open so: none of them
    found = static_cast<int>(e);
  }
  return found;
}

// The subject of a verb at `at`: the first agentive mention of its clause.
int ArticleRun::subject_of(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t at,
                           std::uint32_t* first) const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> skipped;
  const std::uint32_t begin = clause_begin(s, at, skipped);
  auto in_skipped = [&](const Mention& m) {
    return std::any_of(skipped.begin(), skipped.end(),
                       [&](const auto& sp) { return m.begin >= sp.first && m.begin < sp.second; });
  };
  int cur = -1;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    if (m.begin < begin || m.end > at || m.in_quote || in_skipped(m) || !agentive(m.entity)) {
      continue;
    }
    // "told reporters in Naypyitaw ... and said": a place after a locative is not a subject,
    // nor a name after a locative and an article ("in the Libyan capital").
    if (m.begin > s.first_token && is_word(res_.locative, m.begin - 1, m.begin)) continue;
    if (m.begin > s.first_token + 1 &&
        (tokens_[m.begin - 1].key == "the" || tokens_[m.begin - 1].key == "a") &&
        is_word(res_.locative, m.begin - 2, m.begin - 1)) {
      continue;
    }
    if (cur < 0) {
      cur = static_cast<int>(k);
      continue;
    }
    if (attachable_gap(ms[static_cast<std::size_t>(cur)].end, m.begin)) {
      cur = static_cast<int>(k);
    } else {
      break;
    }
  }
  if (cur < 0) return -1;
  // "Iran's ambassador to the United Nations, Amir Iravani, told": a person named in an
  // apposition after a description is the subject.
  const Mention& c = ms[static_cast<std::size_t>(cur)];
  for (const Mention& p : ms) {
    if (p.begin <= c.end || p.end >= at || p.begin - c.end > 8 || p.in_quote) continue;
    // ("The UN envoy for X, Y, has been holding talks": the remit is no subject.)
    const std::string& pc = entities_[static_cast<std::size_t>(p.entity)].cls;
    if (tokens_[p.begin - 1].key == "for" &&
        (pc == "Country" || pc == "Region" || pc == "Province" || pc == "City")) {
      continue;
    }
    if (entities_[static_cast<std::size_t>(p.entity)].cls != "Person" ||
        entities_[static_cast<std::size_t>(c.entity)].cls == "Person") {
      break;
    }
    // ("X's commander, General Y, told": a title the name leaves out opens the apposition.)
    std::uint32_t opens = p.begin;
    while (opens > c.end + 1 && p.begin - opens < 3 &&
           (is_word(res_.titles, opens - 1, opens) || tokens_[opens - 1].key == ".")) {
      --opens;
    }
    const bool enclosed = tokens_[opens - 1].key == "," && tokens_[p.end].key == ",";
    const bool plain = std::none_of(
        tokens_.begin() + c.end, tokens_.begin() + opens - 1,
        [](const Token& t) { return t.kind == TokenKind::Punct && t.key != "'s" && t.key != "'"; });
    if (enclosed && plain) {
      if (first) *first = p.begin;
      return p.entity;
    }
    break;
  }
  if (first) *first = c.begin;
  return c.entity;
}

}  // namespace ng::extract::claims
