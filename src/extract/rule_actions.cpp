// Stage 1: running the rules of ontology/rules on a sentence and applying what they match.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/article_run.hpp"
#include "extract/literal_compare.hpp"

namespace ng::extract::stage1 {

void ArticleRun::apply_rules(const Sentence& s, std::uint32_t si) {
  RuleMatch m;
  res_.rule_starts->scan(*this, s.first_token, s.last_token, starts_);
  const StartIndex& index = *res_.rule_starts;
  // Rules that lack a required word in this sentence are not visited at all.
  for (const std::uint32_t r : starts_.viable_rules) {
    const Rule& rule = res_.rules[r];
    // Jump from one possible start to the next (the index skips tokens where the rule's first
    // test fails); asked again after each match, which may add mentions.
    std::size_t i = index.next_start(starts_, r, *this, s.first_token, s.last_token);
    while (i < s.last_token) {
      std::size_t next = i + 1;
      if (match_rule(rule, *this, i, s.last_token, m)) {
        apply_action(rule, m, si);
        next = std::max<std::size_t>(m.end, i + 1);
      }
      i = index.next_start(starts_, r, *this, next, s.last_token);
    }
  }
}

void ArticleRun::apply_action(const Rule& rule, const RuleMatch& m, std::uint32_t si) {
  static const bool debug_rules = std::getenv("NG_DEBUG_RULES") != nullptr;
  if (debug_rules) {
    std::fprintf(stderr, "rule %s matched [%s]\n", rule.name.c_str(),
                 surface(m.begin, m.end).c_str());
  }
  auto slot_range = [&](const char* key) -> std::pair<std::uint32_t, std::uint32_t> {
    const RuleArg* a = rule.arg(key);
    if (!a || a->literal) return {0, 0};
    return m.slots[static_cast<std::size_t>(a->slot)];
  };
  auto text_of = [&](const char* key) -> std::string {
    const RuleArg* a = rule.arg(key);
    if (!a) return {};
    if (a->literal) return a->value;
    auto [b, e] = m.slots[static_cast<std::size_t>(a->slot)];
    return surface(b, e);
  };
  if (rule.action == "Alias") {
    auto [ab, ae] = slot_range("abbr");
    auto [fb, fe] = slot_range("full");
    if (ab >= ae || fb >= fe) return;
    const int full = entity_in_range(fb, fe, kActorMask | kPlaceMask);
    if (full < 0) return;
    const std::string abbr = surface(ab, ae);
    known_.add(phrase_keys(abbr, res_.abbreviations), static_cast<std::uint32_t>(full));
    Entity& e = entities_[static_cast<std::size_t>(full)];
    if (std::find(e.alt_labels.begin(), e.alt_labels.end(), abbr) == e.alt_labels.end()) {
      e.alt_labels.push_back(abbr);
    }
    Mention mn;
    mn.sentence = si;
    mn.begin = mn.name_begin = ab;
    mn.end = mn.name_end = ae;
    mn.type = e.type;
    mn.entity = full;
    mentions_.push_back(mn);
    return;
  }
  if (rule.action == "Event") {
    auto [tb, te] = slot_range("trigger");
    const RuleArg* cls = rule.arg("class");
    if (tb >= te || !cls || !cls->literal) return;
    rule_triggers_.emplace_back(tb, cls->value);
    return;
  }
  const int named_type = type_of_action(rule.action);
  if (named_type < 0) return;
  Mention mn;
  mn.sentence = si;
  mn.begin = m.begin;
  mn.end = m.end;
  auto [nb, ne] = slot_range("name");
  if (nb >= ne) {
    nb = m.begin;
    ne = m.end;
  }
  // Labels never start with "the" or a sentence opener ("But the X", label_openers.tsv) nor
  // end in a possessive or punctuation.
  while (nb < ne &&
         (tokens_[nb].key == "the" || tokens_[nb].key == "a" || tokens_[nb].key == "an" ||
          tokens_[nb].kind == TokenKind::Punct || res_.in("label_openers", tokens_[nb].key))) {
    ++nb;
  }
  while (ne > nb && (tokens_[ne - 1].kind == TokenKind::Punct)) --ne;
  if (nb >= ne) return;
  // initials="yes": the name is the shortest run of words before the abbreviation whose
  // initials spell it ("the Joint Monitoring Mission in Kenya (JMMK)", "the Conflict
  // Tracking & Analysis project (CTA)"; lower-case words and "&" may be skipped).
  if (rule.arg("initials")) {
    auto [xb, xe] = slot_range("abbr");
    if (xb >= xe) return;
    std::string letters;
    for (char c : fold_key(surface(xb, xe))) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letters += c;
    }
    // spells(w, a): words [w, ne) spell letters [a, end).
    std::vector<std::vector<signed char>> memo(ne - nb + 1,
                                               std::vector<signed char>(letters.size() + 1, -1));
    // Plain copies: clang before 16 cannot capture structured bindings (the fuzz build).
    const std::uint32_t name_b = nb, name_e = ne;
    std::function<bool(std::uint32_t, std::size_t)> spells = [&](std::uint32_t w, std::size_t a) {
      if (w == name_e) return a == letters.size();
      signed char& known = memo[w - name_b][a];
      if (known >= 0) return known == 1;
      const Token& t = tokens_[w];
      const bool skippable = t.kind == TokenKind::Punct || !t.is(kCapitalized);
      bool ok = skippable && spells(w + 1, a);
      if (!ok && t.kind == TokenKind::Word && a < letters.size() && !t.key.empty() &&
          t.key.front() == letters[a]) {
        ok = spells(w + 1, a + 1);
      }
      // An acronym in the name gives all its letters: "the UN Relief Mission in Tarvia
      // (UNRMT)".
      if (!ok && t.is(kAllCaps) && t.key.size() > 1 &&
          letters.compare(a, t.key.size(), t.key) == 0) {
        ok = spells(w + 1, a + t.key.size());
      }
      known = ok ? 1 : 0;
      return ok;
    };
    std::uint32_t start = ne;
    for (std::uint32_t w = nb; w + 1 < ne && start == ne; ++w) {
      if (tokens_[w].kind == TokenKind::Word && tokens_[w].is(kCapitalized) && spells(w, 0)) {
        start = w;
      }
    }
    if (start == ne) return;
    nb = start;
  }
  mn.name_begin = nb;
  mn.name_end = ne;
  // An organisation named after an armed group it belongs to is one too ("Islamic State
  // Mozambique Province").
  const int type = named_type == kOrganization && entity_in_range(nb, ne, bit(kArmedGroup)) >= 0
                       ? kArmedGroup
                       : named_type;
  mn.type = type;
  // A place rule names no place inside an organisation's longer name ("the Kurdistan Workers'
  // Party", "the Kasana Regional Government": no region "Kurdistan" or "Kasana").
  if (bit(type) & kPlaceMask) {
    for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
      const Mention& o = mentions_[k];
      if (!o.dropped && (bit(o.type) & kOrgMask) && o.begin <= nb && ne <= o.end &&
          o.end - o.begin > ne - nb) {
        return;
      }
    }
  }
  // "airlifted to a hospital in X", "a nurse at the regional hospital in Y", "died in hospital
  // in Z": an unnamed facility (its name opens in lower case) right after "at", "to" or "in" is
  // where people were treated or worked, no place of the story (X, Y and Z still are).
  if (type == kSite && tokens_[nb].kind == TokenKind::Word && !tokens_[nb].is(kCapitalized)) {
    const std::uint32_t first = sentences_[si].first_token;
    std::uint32_t k = nb;
    while (k > first && (tokens_[k - 1].key == "a" || tokens_[k - 1].key == "an" ||
                         tokens_[k - 1].key == "the")) {
      --k;
    }
    if (k > first &&
        (tokens_[k - 1].key == "at" || tokens_[k - 1].key == "to" || tokens_[k - 1].key == "in")) {
      return;
    }
  }
  if (bit(type) & kPlaceMask) mn.locative = is_locative(si, mn.begin);
  // "in Datu Omani Ampatuan town": a state's name or adjective between two name words of a
  // settlement a rule names is part of that name, no state.
  if (type == kCity || type == kProvince || type == kRegion) {
    for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
      Mention& o = mentions_[k];
      if (!o.dropped && (o.type == kCountry || o.type == kDemonym) && nb < o.begin && o.end < ne &&
          tokens_[o.end].is(kCapitalized)) {
        o.dropped = true;
        ++changes_;
      }
    }
  }
  if (type == kProvince || type == kCity) {
    // The gazetteer already knows the place: "Turkana province" is the region "Turkana".
    for (std::size_t k = sentence_mentions_begin_; k < mentions_.size(); ++k) {
      Mention& g = mentions_[k];
      if (g.dropped || g.begin < nb || g.end > ne || g.entity < 0) continue;
      Entity& ge = entities_[static_cast<std::size_t>(g.entity)];
      if (ge.place < 0 || (g.type != kProvince && g.type != kCity)) continue;
      // Other name words around it make another place: "the town of Kamo Sina" is not the
      // gazetteer's "Sina", nor "Lundo da Praia" the capital "Praia" (head and compass words
      // are no name words: "Turkana province", "North Darfur").
      bool other_name = false;
      for (std::uint32_t w = nb; w < ne; ++w) {
        const Token& t = tokens_[w];
        if ((w < g.begin || w >= g.end) && t.kind == TokenKind::Word && t.is(kCapitalized) &&
            !not_name_[w] && !res_.in("region_words", t.key) && !res_.in("compass", t.key)) {
          other_name = true;
        }
      }
      // "Central X" is a province split from the gazetteer's "X" (rule province_split_compass),
      // when the compass word opens the rule's name right before it.
      const bool split_off = type == kProvince && g.type == kProvince && g.begin == nb + 1 &&
                             tokens_[nb].is(kCapitalized) && res_.in("compass", tokens_[nb].key) &&
                             tokens_[nb].key.find("ern") == std::string::npos;
      if ((other_name && g.weak) || split_off) {
        g.dropped = true;
        ++changes_;
        continue;
      }
      const std::string label = surface(nb, ne);
      const std::string& head = tokens_[ne - 1].key;
      // A city the article introduced as a settlement stays that city: in "Tarsa, a city
      // ... the authorities of Tarsa province" the province is only named after it.
      const bool city_before =
          ge.type == kCity && (ge.ref_nouns.count("city") > 0 || ge.ref_nouns.count("town") > 0 ||
                               ge.ref_nouns.count("village") > 0);
      const bool singular_head =
          !city_before &&
          (head == "province" || head == "state" || head == "region" || head == "governorate" ||
           head == "district" || head == "county" || head == "valley");
      if (singular_head && label != ge.label &&
          std::find(ge.alt_labels.begin(), ge.alt_labels.end(), label) == ge.alt_labels.end()) {
        ge.alt_labels.push_back(ge.label);
        ge.label = label;  // the fuller form as the article writes it
      }
      if (g.type == kCity && type == kProvince && !city_before) g.type = kProvince;
      // A gazetteer city named with an area's head word is that area: "Belgorod region",
      // "Poonch district" (a region), "X province" (a province).
      if (singular_head && ge.type == kCity) {
        const bool region = head == "region" || head == "district" || head == "valley";
        ge.type = region ? kRegion : kProvince;
        g.type = ge.type;
      }
      g.weak = false;
      ++changes_;
      g.end = std::max(g.end, ne);  // later rules see "Turkana province" as one place
      ++changes_;
      g.name_end = std::max(g.name_end, ne);
      return;
    }
  }
  const RuleArg* unnamed = rule.arg("unnamed");
  int affiliation = -1;
  auto [ab, ae] = slot_range("affiliation");
  if (ab < ae) affiliation = entity_in_range(ab, ae, kActorMask);
  std::string role = text_of("role");
  const int idx = add_mention(mn, surface(nb, ne), role, affiliation);
  if (idx < 0) return;
  Mention& added = mentions_[static_cast<std::size_t>(idx)];
  Entity& e = entities_[static_cast<std::size_t>(added.entity)];
  if (unnamed) e.unnamed = true;
  auto [pb, pe] = slot_range("part_of");
  if (pb < pe && e.part_of < 0) {
    const int part = entity_in_range(pb, pe, kPlaceMask);
    if (part != added.entity) e.part_of = part;
  }
  auto [xb, xe] = slot_range("abbr");
  if (xb < xe) {
    const std::string abbr = surface(xb, xe);
    known_.add(phrase_keys(abbr, res_.abbreviations), static_cast<std::uint32_t>(added.entity));
    if (std::find(e.alt_labels.begin(), e.alt_labels.end(), abbr) == e.alt_labels.end()) {
      e.alt_labels.push_back(abbr);
    }
  }
  if (rule.arg("represents")) {
    auto [rb, re] = slot_range("represents");
    const int rep = entity_in_range(rb, re, bit(kCountry));
    if (rep >= 0 && e.affiliation < 0) e.affiliation = rep;
  }
}

}  // namespace ng::extract::stage1
