// Stage 1 events: triggers, their agents, targets, places, times and casualties.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/article_run.hpp"
#include "extract/filed_dateline.hpp"
#include "extract/literal_compare.hpp"

namespace ng::extract::stage1 {

namespace {

// "besieged", "abducted": a regular past participle (or past tense).
bool ends_with_ed(const std::string& word) {
  return word.size() > 3 && word.compare(word.size() - 2, 2, "ed") == 0;
}

}  // namespace

void ArticleRun::casualties(const Sentence& s, std::vector<Event*>& evs) {
  if (evs.empty()) return;
  const Lexicon& cas = res_.required("casualty_words");
  const Lexicon& nums = res_.required("numbers");
  std::vector<PhraseIndex::Match> matches;
  auto number_at = [&](std::uint32_t i, std::string& qualifier) -> std::string {
    // "more than 400", "at least 274", "dozens", "13"
    std::uint32_t k = i;
    nums.index().match(tokens_, k, s.last_token, matches);
    if (!matches.empty() && nums.get(matches.front().value, "kind") == "qualifier") {
      qualifier = surface(k, k + matches.front().length);
      k += matches.front().length;
    }
    if (k >= s.last_token) return {};
    if (tokens_[k].kind == TokenKind::Number) {
      std::string digits;
      for (char c : tokens_[k].key) {
        if (c >= '0' && c <= '9')
          digits += c;
        else if (c != ',')
          break;
      }
      return digits;
    }
    nums.index().match(tokens_, k, s.last_token, matches);
    if (!matches.empty() && nums.get(matches.front().value, "kind") != "qualifier") {
      return std::string(nums.get(matches.front().value, "value"));
    }
    return {};
  };
  const int cas_lex = res_.lexicon_id.at("casualty_words");
  for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
    // Casualty words from the precomputed lexicon matches (longest first per token).
    matches.clear();
    for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
      if (lexemes_[k].lexicon == cas_lex) {
        matches.push_back(PhraseIndex::Match{lexemes_[k].length, lexemes_[k].row});
      }
    }
    if (matches.empty()) continue;
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.length > b.length; });
    const std::string figure(cas.get(matches.front().value, "figure"));
    std::string qualifier;
    std::string value;
    // "killed more than 70 people" / "70 people were killed"
    for (std::uint32_t k = i + matches.front().length;
         k < std::min(i + 4, s.last_token) && value.empty(); ++k) {
      value = number_at(k, qualifier);
    }
    for (std::uint32_t back = 1; back <= 5 && back <= i - s.first_token && value.empty(); ++back) {
      value = number_at(i - back, qualifier);
    }
    if (value.empty()) continue;
    Event* nearest = evs.front();
    long best = 1 << 30;
    for (Event* e : evs) {
      const long d = std::labs(static_cast<long>(e->begin) - static_cast<long>(i));
      if (d < best) {
        best = d;
        nearest = e;
      }
    }
    if (!nearest->figures.count(figure)) {
      nearest->figures[figure] = value;
      if (!qualifier.empty()) nearest->qualifier = qualifier;
    }
  }
}

void ArticleRun::events_for(const Sentence& s, std::uint32_t si) {
  std::vector<std::size_t> local;
  find_triggers(s, si, local);
  // The paragraph's time in focus: the last resolved expression of an earlier sentence of the
  // same paragraph dates events whose own sentence has none (TimeML's reference time).
  if (si != focus_sentence_ + 1) focus_date_.clear();  // the focus lasts one sentence
  // A chronology's year heading ("2020" alone on its line) gives the following entries
  // ("May 5-6: ...", "December 9: ...") their year.
  if (s.last_token == s.first_token + 1 && tokens_[s.first_token].kind == TokenKind::Number) {
    const std::string& key = tokens_[s.first_token].key;
    if (key.size() == 4 &&
        std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const int year = std::stoi(key);
      if (year >= 1900 && year <= 2100) heading_year_ = year;
    }
  }
  bool has_time_word = false;
  const int time_lex = time_words_lex_;
  for (std::uint32_t k = lex_start_[s.first_token]; k < lex_start_[s.last_token]; ++k) {
    if (lexemes_[k].lexicon == time_lex) has_time_word = true;
  }
  // (The combined index holds every phrase of time_words: a token without a lexeme of it, its
  // bit clear in lex_mask_, starts none.)
  const TimeWordStarts time_starts{&lex_mask_, std::uint64_t{1} << (time_lex % 64)};
  if (local.empty()) {
    if (has_time_word) {
      std::vector<TimeExpression> times =
          find_time_expressions(tokens_, s.first_token, s.last_token, res_.required("time_words"),
                                reference_date(article_), heading_year_, time_starts);
      drop_dateline_times(times);
      for (const TimeExpression& te : times) {
        if (opens_span(te, s.first_token)) {
          continue;
        }
        if (!te.value.empty()) {
          focus_date_ = te.value;
          focus_sentence_ = si;
          focus_classes_.clear();
        }
      }
      narrate(times);
    }
    record_scene(s, si);
    return;
  }
  weapon_subjects(local);
  capture_means(local);
  place_events(s, local);
  spread_places(s, local);
  merge_framing_event(s, local);
  place_from_scene(si, local);
  truce_after_fighting(si, local);
  drop_filed_places(s, local);
  std::vector<TimeExpression> times =
      has_time_word
          ? find_time_expressions(tokens_, s.first_token, s.last_token, res_.required("time_words"),
                                  reference_date(article_), heading_year_, time_starts)
          : std::vector<TimeExpression>{};
  drop_dateline_times(times);
  relative_day_times(s, times);
  std::vector<Event*> evs;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    evs.push_back(&ev);
    complete_event(ev, s, si, times);
    // "The co-chairs are due to meet in X on June 24" (a report of June 8): a meeting dated
    // after the report's day is planned talks, not a contact held.
    const std::string& today = reference_date(article_);
    if (ev.cls == "DiplomaticContact" && ev.date.size() == 10 && today.size() >= 10 &&
        ev.date > today.substr(0, 10)) {
      ev.cls = "Negotiation";
    }
  }
  keep_talks_venues(s, local);
  // The focus for the next sentence: the date an event of this one took from its own time
  // expression (else the last resolved expression, which dates no event class).
  // The first such event ("X accused Y on Tuesday of firing overnight, ... a treaty agreed last
  // month": Tuesday, not last month).
  std::string dated_by_own;
  for (Event* ev : evs) {
    if (!ev->time_text.empty() && !ev->date.empty()) {
      dated_by_own = ev->date;
      break;
    }
  }
  for (const TimeExpression& te : times) {
    // "since November 2024" opens a span: it puts no date in focus for the next sentence.
    if (opens_span(te, s.first_token)) {
      continue;
    }
    if (!te.value.empty()) {
      focus_date_ = dated_by_own.empty() ? te.value : dated_by_own;
      focus_sentence_ = si;
      focus_classes_.clear();
      for (Event* ev : evs) {
        if (!ev->time_text.empty() && ev->date == dated_by_own) focus_classes_.insert(ev->cls);
      }
    }
  }
  narrate(times);
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (tally_over_span(ev, s, times, local) || background_trend(ev, s, local) || forecast(ev, s) ||
        tally_of_many(ev, s) || ended_span(ev, s) ||
        (habitual_perfect(ev, s) && res_.in("span_event_classes", fold_key(ev.cls)))) {
      ev.merged = ev.dropped = true;
    }
    // "have attacked shipping in the Red Sea since November 2023", "attacks have become more
    // frequent since 2023", "has facilitated talks since 2013": an event whose own time is a
    // span opened before the report's month ("since ...") sums up many; it reports none
    // (classes: data/lexicon/span_event_classes.tsv). ("holding talks since July 6" in a July
    // report: the talks of these days.)
    if (ev.since_span && !ev.date.empty() && !recent(ev.date) &&
        ev.date.substr(0, 7) < reference_date(article_).substr(0, 7) &&
        res_.in("span_event_classes", fold_key(ev.cls))) {
      ev.merged = ev.dropped = true;
    }
  }
  casualties(s, evs);
  drop_restated_events(s, si, evs, times);
}

// One event of the sentence: its places made primary or context, its participants, time,
// date and qualifiers.
void ArticleRun::complete_event(Event& ev, const Sentence& s, std::uint32_t si,
                                const std::vector<TimeExpression>& times) {
  const Lexicon& triggers = *triggers_;
  const int trig_lex = trigger_lex_;
  // Wider places become context: "Nairobi" is where, "Kenya" around it.
  std::vector<int> primary;
  for (int loc : ev.locations) {
    bool wider = false;
    for (int other : ev.locations) {
      // A site keeps its city as a location: reports name either.
      if (other != loc && contains(loc, other) &&
          entities_[static_cast<std::size_t>(other)].type != kSite) {
        wider = true;
      }
    }
    (wider ? ev.context : primary).push_back(loc);
  }
  for (int loc : ev.landmarks) {
    if (std::find(primary.begin(), primary.end(), loc) == primary.end()) {
      (primary.empty() ? primary : ev.context).push_back(loc);
    }
  }
  ev.locations = primary;
  // Talks held where envoys were sent: the other places of the sentence are around them.
  if (ev.venue >= 0 && std::find(primary.begin(), primary.end(), ev.venue) != primary.end()) {
    for (int loc : primary) {
      if (loc != ev.venue) ev.context.push_back(loc);
    }
    ev.locations.assign(1, ev.venue);
  }
  // Agent: the nearest actor before the trigger that is not the object of a preposition. A
  // news outlet reports, it does not act ("(AP) -- Drones struck"); a dash ends a dateline;
  // a speech or reaction verb between the two (data/lexicon/agent_barriers.tsv) makes the
  // actor someone speaking about the event ("Egypt condemned the strikes"), unless a subject
  // pronoun follows it ("the military said it struck": the speaker acts).
  for (std::uint32_t k = ev.begin; k > s.first_token && k + 10 > ev.begin;) {
    --k;
    const std::string& key = tokens_[k].key;
    if (key == "-" || key == "--") break;
    if (res_.in("agent_barriers", key)) {
      bool speaker_acts = false;
      for (std::uint32_t j = k + 1; j < ev.begin && j <= k + 2; ++j) {
        speaker_acts = speaker_acts || res_.in("subject_pronouns", tokens_[j].key);
      }
      if (!speaker_acts) break;
      // The speaker acts: the agent is the subject of the speech verb, the first actor of
      // the sentence before it ("The Arakan Army, one of the most powerful ethnic armed
      // groups, said its fighters had captured"; "Russia, the only country to recognise the
      // junta government, ... said it would consider mediating"); a demonym only when
      // there is nothing else ("Kenyan President William Ruto said he would").
      const int subject = first_actor_before(k, s.first_token);
      if (subject >= 0) ev.agents.push_back(subject);
      break;
    }
    int found = -1;
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      const Mention& mn = mentions_[q];
      if (mn.dropped || mn.end != k + 1) continue;
      const int type = mn.type == kDemonym ? kCountry : mn.type;
      if (type == kMediaOutlet) continue;
      if (!(bit(type) & kActorMask) && !mn.metonym) continue;
      if (mn.type == kCountry && mn.locative) continue;
      if (mn.begin > s.first_token && locative_phrase_before(mn.begin)) continue;
      // "rebels backed by Rwanda seized": the actor after "by" is the agent of another verb
      // (but "injured by Ugandan strikes": a modifier of a noun trigger is its agent).
      if ((ev.pos == "verb" || mn.end < ev.begin) && after_by(mn.begin, s.first_token)) continue;
      if (mn.type == kCity && !mn.metonym) continue;
      found = mn.metonym ? mn.stands_for : mn.entity;
    }
    if (found >= 0) {
      ev.agents.push_back(found);
      break;
    }
    if (tokens_[k].key == "." || tokens_[k].key == ";") break;
  }
  // "... by X" right after the trigger names the agent; "on/against X" the target.
  for (std::uint32_t k = ev.end; k < s.last_token && k < ev.end + 6; ++k) {
    const std::string& w = tokens_[k].key;
    const bool by = w == "by";
    // Meetings and talks are "with" someone.
    const bool with = w == "with" && (ev.cls == "DiplomaticContact" ||
                                      ev.cls == "DiplomaticVisit" || ev.cls == "Negotiation");
    const bool on = w == "on" || w == "against" || w == "targeting" || w == "at" || with;
    if (!by && !on && !(ev.pos == "verb" && k == ev.end)) continue;
    const std::uint32_t from = (by || on) ? k + 1 : k;
    // The longest actor starting there: "Russian President X" is X, not Russia.
    int best_who = -1;
    std::uint32_t best_begin = 0, best_len = 0;
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      const Mention& mn = mentions_[q];
      if (mn.dropped || mn.begin < from || mn.begin > from + 2) continue;
      // "by X" / "by the X" only: not "by phone with X".
      if (by && !(mn.begin == from || (mn.begin == from + 1 && tokens_[from].key == "the"))) {
        continue;
      }
      const int type = mn.type == kDemonym || mn.metonym ? kCountry : mn.type;
      if (!(bit(type) & kActorMask)) continue;
      const int who = mn.metonym ? mn.stands_for : mn.entity;
      if (best_who < 0 || mn.begin < best_begin ||
          (mn.begin == best_begin && mn.end - mn.begin > best_len)) {
        best_who = who;
        best_begin = mn.begin;
        best_len = mn.end - mn.begin;
      }
    }
    if (best_who >= 0) {
      if (by) {
        // "X repelled an attack by Y": Y acts; X, found before the trigger, was the target.
        if (ev.targets.empty()) ev.targets = ev.agents;
        ev.agents.assign(1, best_who);
      } else {
        ev.targets.push_back(best_who);
      }
      break;
    }
  }
  // "launched missiles and drones at Israel": a strike from afar with no place of its own
  // hit the state it was aimed at.
  static const std::set<std::string> from_afar = {"Airstrike", "MissileStrike", "DroneAttack",
                                                  "Shelling"};
  if (from_afar.count(ev.cls) && ev.locations.empty() && ev.context.empty() &&
      ev.targets.size() == 1) {
    const Entity& t = entities_[static_cast<std::size_t>(ev.targets.front())];
    if (t.type == kCountry) {
      ev.locations.push_back(ev.targets.front());
      entities_[static_cast<std::size_t>(ev.targets.front())].as_place = true;
    }
  }
  // Time: the expression nearest to the trigger within its clause: one behind a word of
  // time_clause_breaks.tsv belongs to another clause ("assaults since the group returned to
  // power five years ago"); and not the time of the report ("killed 40 people, a medical group
  // said on Tuesday": Tuesday is when it was said).
  long best = 1L << 30;
  for (const TimeExpression& te : times) {
    // (A declaration is itself speech: its time is the report's.)
    // (An agreement or a truce is dated by its announcement.)
    if (ev.cls != "Statement" && ev.cls != "PeaceAgreement" && ev.cls != "Ceasefire" &&
        speech_time(te.begin, s.first_token)) {
      ev.reported_time = true;
      continue;
    }
    const bool after = te.begin >= ev.end;
    if (after ? time_clause_break(ev.end, te.begin) && !own_relative_time(ev, si, te.begin)
              : time_clause_break(te.end, ev.begin)) {
      continue;
    }
    // At equal distance the expression after the trigger is its own ("..., and a ceasefire
    // agreed in Havana in 2023"); the one before may close the previous clause.
    const long d =
        2 * (after ? static_cast<long>(te.begin - ev.end) : static_cast<long>(ev.begin - te.end)) +
        (after ? 0 : 1);
    if (d < best) {
      best = d;
      ev.time_text = surface(te.begin, te.end);
      ev.date = te.value;
      // ("since 2023, when rockets hit the city": the clause after "when" is one event.)
      bool when_between = false;
      for (std::uint32_t k = te.end; k < ev.begin; ++k) when_between |= tokens_[k].key == "when";
      ev.since_span = !when_between && opens_span(te, s.first_token);
    }
  }
  // "a 1991 ceasefire", "the 2018 peace deal": a year right before an event noun dates it.
  if (ev.pos == "noun" && ev.begin > s.first_token) {
    const Token& y = tokens_[ev.begin - 1];
    const bool year =
        y.kind == TokenKind::Number && y.key.size() == 4 &&
        (y.key.rfind("19", 0) == 0 || y.key.rfind("20", 0) == 0) &&
        std::all_of(y.key.begin(), y.key.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (year) {
      ev.time_text = y.key;
      ev.date = y.key;
    }
  }
  // A sentence without a time continues the previous one's when it reports the same kind of
  // event ("Uganda launched airstrikes on Friday. The airstrikes hit ...").
  // (Strikes from afar are one kind: "A drone struck X on Monday. The strike hit ...".)
  static const std::set<std::string> afar = {"Airstrike", "MissileStrike", "DroneAttack",
                                             "Shelling"};
  const bool same_kind = focus_classes_.count(ev.cls) > 0 ||
                         (afar.count(ev.cls) > 0 &&
                          std::any_of(focus_classes_.begin(), focus_classes_.end(),
                                      [&](const std::string& c) { return afar.count(c) > 0; }));
  if (times.empty() && !focus_date_.empty() && same_kind) ev.date = focus_date_;
  // (An event placed by the scene before it also happened at the scene's time.)
  if (times.empty() && !focus_date_.empty() && ev.from_scene && focus_sentence_ + 1 == si) {
    ev.date = focus_date_;
  }
  // "Soon after the strikes, troops exchanged fire": a sentence opening with "after/following
  // the <event>" is dated by the last such event reported.
  if (times.empty() && ev.date.empty()) {
    for (std::uint32_t k = s.first_token; k + 2 < s.last_token && k < s.first_token + 3; ++k) {
      if ((tokens_[k].key != "after" && tokens_[k].key != "following") ||
          tokens_[k + 1].key != "the") {
        continue;
      }
      std::string cls;
      for (std::uint32_t x = lex_start_[k + 2]; x < lex_start_[k + 3]; ++x) {
        if (lexemes_[x].lexicon == trig_lex)
          cls = triggers.cell(lexemes_[x].row, trigger_class_column_);
      }
      if (cls.empty() || cls == "-") break;
      // (The anchor itself restates the earlier event.)
      if (ev.begin == k + 2) {
        ev.merged = true;
        break;
      }
      for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
        if (it->sentence >= si || it->merged || it->date.empty()) continue;
        if (it->cls == cls || (afar.count(it->cls) && afar.count(cls))) {
          ev.date = it->date;
          break;
        }
      }
      break;
    }
  }
  ev.report_day = times.empty() && ev.date.empty() && narrative_recent() &&
                  !undated_cue_before(ev, s.first_token);
}

// "talks between A and B in Kunming", "a truce around X agreed in talks hosted by China in Y":
// talks or a meeting (venue_event_classes.tsv) with a place after "in"/"at" were held there; the
// other places of their sentence (a side's country, what was talked about) only surround them.
// Talks with no such place keep theirs (a side's country may be all a report gives).
void ArticleRun::keep_talks_venues(const Sentence& s, const std::vector<std::size_t>& local) {
  std::vector<int> sentence_venues;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.merged || ev.locations.empty() || !res_.in("venue_event_classes", fold_key(ev.cls))) {
      continue;
    }
    std::vector<int> held;
    std::vector<int> around;
    for (int loc : ev.locations) (venue_in_sentence(loc, s) ? held : around).push_back(loc);
    for (int loc : held) sentence_venues.push_back(loc);
    if (held.empty() || around.empty()) continue;
    ev.locations = held;
    ev.context.insert(ev.context.end(), around.begin(), around.end());
  }
  // ("met the delegations in Geneva ..., but the talks have stalled over X's demand that Y
  // leave Z": talks with no venue of their own, beside a meeting held at one, were held there.)
  if (sentence_venues.empty()) return;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.merged || ev.locations.empty() || !res_.in("venue_event_classes", fold_key(ev.cls))) {
      continue;
    }
    bool own = false;
    for (int loc : ev.locations) own = own || venue_in_sentence(loc, s);
    if (own) continue;
    ev.context.insert(ev.context.end(), ev.locations.begin(), ev.locations.end());
    ev.locations = sentence_venues;
  }
}

// A mention of place `loc` in the sentence follows "in"/"at", or is a later item of a list that
// does ("hosted in A, B and C").
bool ArticleRun::venue_in_sentence(int loc, const Sentence& s) const {
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.entity != loc) continue;
    std::uint32_t b = mn.begin;
    for (bool listed = true; listed;) {
      listed = false;
      std::uint32_t j = b;
      while (j > s.first_token && (tokens_[j - 1].key == "," || tokens_[j - 1].key == "and" ||
                                   tokens_[j - 1].key == "or")) {
        --j;
      }
      for (std::size_t r = sentence_mentions_begin_; r < mentions_.size() && j < b; ++r) {
        const Mention& o = mentions_[r];
        if (!o.dropped && o.end == j && (bit(o.type) & kPlaceMask) && o.begin < b) {
          b = o.begin;
          listed = true;
          break;
        }
      }
    }
    if (b > s.first_token && venue_preposition_before(b, s.first_token)) return true;
  }
  return false;
}

// "in X", "at the Y", "in the Saudi city of X", "at the president's official residence in X":
// "in" or "at" opens the phrase that ends at token b (up to four words between: "the", "of",
// lower-case words, a demonym, a possessive).
bool ArticleRun::venue_preposition_before(std::uint32_t b, std::uint32_t first) const {
  for (std::uint32_t k = b, n = 0; k > first && n < 5; ++n) {
    --k;
    const Token& t = tokens_[k];
    if (t.key == "in" || t.key == "at") return true;
    const bool demonym = t.is(kCapitalized) && covered_by(bit(kDemonym), k);
    if (t.key == "'s" || t.key == "'") continue;
    if (t.kind != TokenKind::Word || (t.is(kCapitalized) && !demonym)) return false;
  }
  return false;
}

// A new event of the sentence, triggered by tokens [begin, end); its index goes to `local`.
void ArticleRun::add_event(std::string cls, std::string pos, std::uint32_t si, std::uint32_t begin,
                           std::uint32_t end, std::vector<std::size_t>& local) {
  Event ev;
  ev.cls = std::move(cls);
  ev.pos = std::move(pos);
  ev.sentence = si;
  ev.begin = begin;
  ev.end = end;
  events_.push_back(std::move(ev));
  local.push_back(events_.size() - 1);
}

// The sentence's event triggers, rules' first, then the lexicon's; their indices into events_
// go to `local`.
void ArticleRun::find_triggers(const Sentence& s, std::uint32_t si,
                               std::vector<std::size_t>& local) {
  const Lexicon& triggers = *triggers_;
  const int trig_lex = trigger_lex_;
  const int weapon_objects = weapon_objects_lex_;
  const int diplomatic_visitors = diplomatic_visitors_lex_;
  const auto phrase_starts_at = [&](int lexicon, std::uint32_t at) {
    for (std::uint32_t k = lex_start_[at]; k < lex_start_[at + 1]; ++k) {
      if (lexemes_[k].lexicon == lexicon) return true;
    }
    return false;
  };
  // Triggers found by rules (action Event) come first.
  std::set<std::uint32_t> rule_trigger_tokens;
  for (const auto& [tok, cls] : rule_triggers_) {
    add_event(std::string(cls), "verb", si, tok, tok + 1, local);
    rule_trigger_tokens.insert(tok);
  }
  rule_triggers_.clear();
  for (std::uint32_t i = s.first_token; i < s.last_token;) {
    std::uint32_t advance = 1;
    if (!rule_trigger_tokens.count(i)) {
      for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1]; ++k) {
        const Lexeme& lx = lexemes_[k];
        if (lx.lexicon != trig_lex) continue;
        const std::string_view cls = triggers.cell(lx.row, trigger_class_column_);
        const std::string_view pos = triggers.cell(lx.row, trigger_pos_column_);
        // Quoted words report speech, not events; a quoted declaration is itself the statement.
        if (tokens_[i].is(kInQuote) && cls != "Statement") continue;
        // Not part of a name ("Liberation Army", "air force").
        bool in_name = false;
        for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
          const Mention& mn = mentions_[q];
          // The name, not the whole match: a rule's look-ahead token ("troops [exchanged]")
          // is no part of it.
          if (!mn.dropped && mn.type != kDemonym && mn.name_begin <= i && i < mn.name_end &&
              mn.name_end - mn.name_begin > 1) {
            in_name = true;
          }
        }
        if (in_name) break;
        advance = lx.length;
        // "denied carrying out any strikes", "no attacks were reported": no event.
        if (i > s.first_token && (tokens_[i - 1].key == "any" || tokens_[i - 1].key == "no")) {
          break;
        }
        // A phrase listed with class "-" holds a trigger word but names no event ("seized
        // power"); a noun asked for, hoped for or offered has not happened ("called for a
        // ceasefire", "open to talks").
        if (cls == "-") break;
        // (A trigger ending in "of" is a noun, whatever its row says: "working for the release
        // of the men".)
        const bool nominal = pos == "noun" || tokens_[i + lx.length - 1].key == "of";
        if (nominal && not_event_cue_before(i, s.first_token)) break;
        // "warned that Israel would strike the capital", "will not tolerate further shelling",
        // "threatened further attacks", "the funds were not released": a violent event or a
        // release (hypothetical_event_classes.tsv) under a modal, negated, conditional,
        // threatened or "further" cue of its clause (hypothetical_cues.tsv) has not happened.
        if (res_.in("hypothetical_event_classes", fold_key(cls)) &&
            (hypothetical_cue_before(i, s.first_token) ||
             demanded(i, pos == "noun", s.first_token))) {
          break;
        }
        // "a ceasefire the military declared", "the Ankara declaration": the declaring belongs
        // to the event noun just before it, and a declaration after a name is a document; no
        // Statement.
        if (cls == "Statement") {
          if (!local.empty() && events_[local.back()].sentence == si &&
              events_[local.back()].cls != "Statement" && events_[local.back()].end + 4 >= i) {
            break;
          }
          if (tokens_[i].key == "declaration" && i > s.first_token + 1 &&
              tokens_[i - 1].is(kCapitalized)) {
            break;
          }
        }
        // "three rocket launchers", "a drone factory": the trigger names the thing a noun of
        // data/lexicon/weapon_object_nouns.tsv is made for, no event.
        // (Also a phrase: "a rocket launch pad".)
        if (pos == "noun" && i + lx.length < s.last_token &&
            phrase_starts_at(weapon_objects, i + lx.length)) {
          break;
        }
        // "the besieged city", "freeing three of the abducted children": a verb's participle
        // right after a determiner (data/lexicon/participle_determiners.tsv) describes a noun;
        // it reports no event of its own.
        if (pos == "verb" && lx.length == 1 && i > s.first_token && ends_with_ed(tokens_[i].key) &&
            res_.in("participle_determiners", tokens_[i - 1].key)) {
          break;
        }
        // "Governor X, who visited Y on Saturday", "the president visited the base": a visit is a
        // diplomatic one only when a diplomat makes it, named before it in its sentence by a
        // phrase of data/lexicon/diplomatic_visitors.tsv ("Foreign Minister X, who visited Y").
        if (cls == "DiplomaticVisit") {
          bool diplomat = false;
          for (std::uint32_t b = i > s.first_token + 20 ? i - 20 : s.first_token; b < i; ++b) {
            diplomat = diplomat || phrase_starts_at(diplomatic_visitors, b);
          }
          if (!diplomat) break;
        }
        // "27 posts destroyed and nine captured", "captured several vehicles": a tally of
        // things taken is a claim's figure, not the capture of a place.
        if (cls == "Capture" &&
            counted_object_near(i, i + lx.length, s.first_token, s.last_token)) {
          break;
        }
        // "killed 100 soldiers and captured 40 others", "53 were killed and 15 others captured":
        // people taken in a toll are a claim's figure, not the capture of a place.
        if (cls == "Capture") {
          // (The count in figures or words: "captured 40 others", "captured four others".)
          const auto others_at = [&](std::uint32_t at) {
            return at > s.first_token && at < s.last_token && tokens_[at].key == "others" &&
                   (tokens_[at - 1].kind == TokenKind::Number ||
                    res_.in("numbers", tokens_[at - 1].key));
          };
          if (others_at(i + lx.length + 1) || (i > s.first_token && others_at(i - 1))) break;
        }
        // A noun trigger right after another one heads a compound naming one event: "a car bomb
        // attack", "a rocket strike". The modifier is the more specific, unless it is a
        // GroundAttack word used as one ("attack drones").
        if (!local.empty() && pos == "noun") {
          Event& prev = events_[local.back()];
          if (prev.end == i && prev.sentence == si) {
            if (prev.cls == "GroundAttack") {
              prev.cls = cls;
              prev.pos = "noun";
            }
            prev.end = i + lx.length;
            break;
          }
        }
        add_event(std::string(cls), std::string(pos), si, i, i + lx.length, local);
        break;
      }
    }
    i += advance;
  }
  // "militiamen killed at least 30 villagers near X": with no trigger in the
  // sentence, an active "killed" whose object is a count of people of
  // data/lexicon/killing_victims.tsv reports a killing.
  // (Also in a clause of a sentence with other triggers when none of them is in the clause:
  // "the clashes are the deadliest since March, when security forces killed hundreds of
  // civilians in A and B".)
  auto trigger_in_clause = [&](std::uint32_t i) {
    std::uint32_t b = i;
    std::uint32_t e = i + 1;
    auto is_break = [&](std::uint32_t k) {
      return tokens_[k].key == "," || tokens_[k].key == ";" || tokens_[k].key == ":";
    };
    while (b > s.first_token && !is_break(b - 1)) --b;
    while (e < s.last_token && !is_break(e)) ++e;
    for (std::size_t idx : local) {
      if (events_[idx].begin >= b && events_[idx].begin < e) return true;
    }
    return false;
  };
  // ("X accused members of Y of killing eight herders near Z on Thursday": the killing a
  // speaker charges someone with, counted, is reported as such: "of killing" after a word of
  // data/lexicon/accusation_of_cues.tsv in the clause.)
  const auto accused_of = [&](std::uint32_t i) {
    if (tokens_[i].key != "killing" || tokens_[i - 1].key != "of") return false;
    for (std::uint32_t k = i - 1; k > s.first_token && k + 16 > i;) {
      --k;
      const std::string& key = tokens_[k].key;
      if (key == ";" || key == "." || key == ":") return false;
      if (res_.in("accusation_of_cues", key)) return true;
    }
    return false;
  };
  {
    for (std::uint32_t i = s.first_token + 1; i + 1 < s.last_token; ++i) {
      if (tokens_[i].is(kInQuote) || trigger_in_clause(i)) continue;
      const bool charged = accused_of(i);
      if (tokens_[i].key != "killed" && !charged) continue;
      // The killers are people named by a group noun ("militiamen", data/lexicon/
      // group_member_nouns.tsv) or an armed actor, right before the verb: not "violence has
      // killed", "explosions killed", "the rebels had killed" (told as background).
      // ("residents said militants had killed four fishermen on Saturday": the past perfect of
      // reported speech, a subject right after a speech verb, tells the news.)
      std::uint32_t verb = i;
      if (tokens_[i - 1].key == "had" && reported_perfect(i - 1, s.first_token)) verb = i - 1;
      const std::string& before = tokens_[verb - 1].key;
      bool armed = res_.in("group_member_nouns", before);
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size() && !armed; ++q) {
        const Mention& mn = mentions_[q];
        armed = !mn.dropped && mn.end == verb &&
                (mn.type == kArmedGroup || mn.type == kGovernment || mn.type == kPerson);
      }
      if (!armed && !charged) continue;
      bool counted = false;
      bool victims = false;
      for (std::uint32_t k = i + 1; k < s.last_token && k <= i + 6 && !victims; ++k) {
        const Token& t = tokens_[k];
        if (t.kind == TokenKind::Punct) break;
        if (t.kind == TokenKind::Number || res_.in("numbers", t.key)) counted = true;
        victims = counted && res_.in("killing_victims", t.key);
      }
      if (!victims) continue;
      add_event("Killing", "verb", si, i, i + 1, local);
      break;
    }
  }
}

// "The fighting, which began on Wednesday, ...", "the truce, which took effect on Sunday": a
// relative clause right after an event noun whose verb is no trigger of its own, with no mark
// before the time expression at `time` (up to eight words), dates the event it is said of.
bool ArticleRun::own_relative_time(const Event& ev, std::uint32_t si, std::uint32_t time) const {
  if (ev.pos != "noun") return false;
  std::uint32_t k = ev.end;
  if (k < time && tokens_[k].key == ",") ++k;
  if (k >= time || tokens_[k].key != "which" || time - k > 8) return false;
  for (std::uint32_t j = k + 1; j < time; ++j) {
    if (tokens_[j].kind == TokenKind::Punct) return false;
  }
  return std::none_of(events_.begin(), events_.end(), [&](const Event& other) {
    return &other != &ev && other.sentence == si && other.begin > k && other.begin < time;
  });
}

// "residents said militants had killed ...", "the diocese said on Friday that the rebels had
// killed ...": the auxiliary at `had` follows a subject of one word (or "the" and one word) that
// a speech verb opens, with "that" and a time phrase of up to three words (time_words.tsv:
// "on Friday", "late on Monday") between them; the past perfect of reported speech tells the
// news, not the background.
bool ArticleRun::reported_perfect(std::uint32_t had, std::uint32_t first) const {
  if (had < first + 2) return false;
  std::uint32_t k = had - 1;  // the subject's noun
  if (k > first && tokens_[k - 1].key == "the") --k;
  if (k > first && tokens_[k - 1].key == "that") --k;
  for (int n = 0; n <= 3 && k > first; ++n) {
    if (res_.in("speech_verbs", tokens_[k - 1].key)) return true;
    if (!word_in("time_words", k - 1)) return false;
    --k;
  }
  return false;
}

// "Rebels ambushed a convoy on Saturday. ... A day earlier, a bomb went off in X": "a day
// earlier", "two days later", "the next day", "the previous day", "the same day" count from the
// narrative's last full date (an earlier sentence's), which dates the events of this one.
void ArticleRun::relative_day_times(const Sentence& s, std::vector<TimeExpression>& times) const {
  CivilDate base;
  if (!narrative_seen_ || !parse_iso_date(narrative_time_, base)) return;
  const Lexicon& numbers = res_.required("numbers");
  const int numbers_lex = res_.lexicon_id.at("numbers");
  for (std::uint32_t i = s.first_token; i + 2 < s.last_token; ++i) {
    const std::string& a = tokens_[i].key;
    const std::string& b = tokens_[i + 1].key;
    const std::string& c = tokens_[i + 2].key;
    int days = 0;
    // ("the same day": the narrative's date itself.)
    const bool same = a == "the" && b == "same" && c == "day";
    if ((b == "day" || b == "days") && (c == "earlier" || c == "later")) {
      int n = a == "a" ? 1 : tokens_[i].kind == TokenKind::Number ? std::atoi(a.c_str()) : 0;
      // A number word ("two days later"): data/lexicon/numbers.tsv.
      for (std::uint32_t k = lex_start_[i]; k < lex_start_[i + 1] && n == 0; ++k) {
        if (lexemes_[k].lexicon == numbers_lex && lexemes_[k].length == 1) {
          n = std::atoi(std::string(numbers.get(lexemes_[k].row, "value")).c_str());
        }
      }
      days = c == "earlier" ? -n : n;
    } else if (a == "the" && c == "day" && (b == "next" || b == "following" || b == "previous")) {
      days = b == "previous" ? -1 : 1;
    }
    if ((days == 0 && !same) || days > 14 || days < -14) continue;
    bool taken = false;
    for (const TimeExpression& te : times) taken = taken || (te.begin <= i + 2 && i < te.end);
    if (taken) continue;
    TimeExpression te;
    te.begin = i;
    te.end = i + 3;
    te.value = format_date(add_days(base, days));
    times.push_back(std::move(te));
  }
}

// "DAMASCUS, March 18 (Xinhua) -- Warplanes struck X on Monday night": the dateline's date is
// when the report was filed, never an event's time (nor the narrative's).
void ArticleRun::drop_dateline_times(std::vector<TimeExpression>& times) const {
  if (dateline_end_ <= dateline_begin_) return;
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](const TimeExpression& te) {
                               return te.begin >= dateline_begin_ && te.end <= dateline_end_;
                             }),
              times.end());
}

void ArticleRun::weapon_subjects(const std::vector<std::size_t>& local) {
  // "attacked the city of X with guided aerial bombs", "hit Y with drones": a generic attack
  // verb whose instrument is a weapon's trigger after "with" (up to two lower-case words
  // between) reports one event, of the weapon's class.
  for (std::size_t idx : local) {
    Event& verb = events_[idx];
    if (verb.pos != "verb" || verb.dropped ||
        (verb.cls != "GroundAttack" && verb.cls != "Airstrike")) {
      continue;
    }
    for (std::size_t jdx : local) {
      Event& tool = events_[jdx];
      if (jdx == idx || tool.dropped || tool.begin <= verb.end || tool.begin - verb.end > 12) {
        continue;
      }
      static const std::set<std::string> weapons = {"Airstrike", "MissileStrike", "DroneAttack",
                                                    "Shelling"};
      if (!weapons.count(tool.cls)) continue;
      bool with = false;
      for (std::uint32_t k = tool.begin; k > verb.end && k + 4 > tool.begin; --k) {
        const Token& t = tokens_[k - 1];
        if (t.key == "with") {
          with = true;
          break;
        }
        if (t.kind != TokenKind::Word || t.is(kCapitalized)) break;
      }
      if (!with) continue;
      verb.cls = tool.cls;
      tool.merged = tool.dropped = true;
      break;
    }
  }
  // "the missiles ... struck buildings in A", "the blast struck near B": a generic striking verb
  // whose subject is a weapon's trigger of the same clause reports that weapon's event.
  for (std::size_t idx : local) {
    Event& verb = events_[idx];
    if (verb.pos != "verb" || verb.cls != "Airstrike") continue;
    for (auto it = local.rbegin(); it != local.rend(); ++it) {
      const Event& noun = events_[*it];
      if (noun.end > verb.begin) continue;
      if (verb.begin - noun.end > 25) break;
      static const std::set<std::string> weapons = {"MissileStrike", "DroneAttack", "Shelling",
                                                    "Bombing"};
      // Another actor in between is the verb's subject, unless it only speaks ("the missiles
      // were intercepted, the military said, but several struck ...").
      bool other_subject = false;
      for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
        const Mention& mn = mentions_[q];
        const int type = mn.type == kDemonym ? kCountry : mn.type;
        if (mn.dropped || mn.begin < noun.end || mn.end > verb.begin || !(bit(type) & kActorMask))
          continue;
        bool part = false;  // "Israeli" inside "the Israeli military"
        for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
          const Mention& o = mentions_[r];
          part = part || (r != q && !o.dropped && o.begin <= mn.begin && mn.end <= o.end &&
                          o.end - o.begin > mn.end - mn.begin);
        }
        if (!part && !res_.in("speech_verbs", tokens_[mn.end].key)) other_subject = true;
      }
      if (noun.pos == "noun" && noun.cls != verb.cls && weapons.count(noun.cls) && !other_subject) {
        verb.cls = noun.cls;
      }
      break;
    }
  }
  // "the attackers struck the village", "gunmen had struck a checkpoint": a striking verb whose
  // subject is a noun of people fighting on foot (data/lexicon/ground_attacker_nouns.tsv), right
  // before it or before an auxiliary or adverb, is an attack on the ground, not from the air.
  for (std::size_t idx : local) {
    Event& verb = events_[idx];
    if (verb.pos != "verb" || verb.dropped || verb.cls != "Airstrike") continue;
    std::uint32_t k = verb.begin;
    const std::uint32_t first = sentences_[verb.sentence].first_token;
    for (int n = 0; k > first && n < 2 && res_.in("subject_verb_fillers", tokens_[k - 1].key);
         ++n) {
      --k;
    }
    if (k > first && res_.in("ground_attacker_nouns", tokens_[k - 1].key)) {
      verb.cls = "GroundAttack";
    }
  }
}

// "were arrested in overnight raids", "were detained on Sunday in raids in A": an attack noun
// of capture_means_nouns.tsv after "in"/"during" (up to two lower-case words between) that
// follows an arrest verb of the same clause is how the arrest was made; it reports no attack.
void ArticleRun::capture_means(const std::vector<std::size_t>& local) {
  for (std::size_t idx : local) {
    const Event& verb = events_[idx];
    if (verb.pos != "verb" || verb.dropped || verb.cls != "Capture") continue;
    for (std::size_t jdx : local) {
      Event& raid = events_[jdx];
      if (jdx == idx || raid.dropped || raid.cls != "GroundAttack" || raid.begin <= verb.end ||
          raid.begin - verb.end > 8 || raid.end != raid.begin + 1 ||
          !res_.in("capture_means_nouns", tokens_[raid.begin].key)) {
        continue;
      }
      bool means = false;
      for (std::uint32_t k = raid.begin; k > verb.end && k + 4 > raid.begin; --k) {
        const Token& t = tokens_[k - 1];
        if (t.key == "in" || t.key == "during") {
          means = true;
          break;
        }
        if (t.kind != TokenKind::Word || t.is(kCapitalized)) break;
      }
      if (!means) continue;
      raid.merged = raid.dropped = true;
    }
  }
}

// "Port X (AFP) - Drones struck the city of Y": a mixed-case dateline names where the report was
// filed. Its places stay an event's only when the event has no other place in the sentence, or
// its others lie inside them ("Bangui (AFP) - ... in the capital's Z district").
void ArticleRun::drop_filed_places(const Sentence& s, const std::vector<std::size_t>& local) {
  if (s.first_token >= 80 || dateline_end_ > dateline_begin_) return;  // capitals: mentions.cpp
  const Dateline filed = find_filed_dateline(tokens_);
  if (filed.end <= filed.begin || filed.begin < s.first_token || filed.begin >= s.last_token) {
    return;
  }
  // Places named in the dateline and nowhere else in the sentence.
  std::vector<int> named, also_after;
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.entity < 0 || !(bit(mn.type) & kPlaceMask)) continue;
    const bool inside = mn.begin >= filed.begin && mn.end <= filed.end;
    (inside ? named : also_after).push_back(mn.entity);
  }
  named.erase(std::remove_if(named.begin(), named.end(),
                             [&](int e) {
                               return std::find(also_after.begin(), also_after.end(), e) !=
                                      also_after.end();
                             }),
              named.end());
  const auto in_dateline = [&](int e) {
    return std::find(named.begin(), named.end(), e) != named.end();
  };
  // The places the sentence's events have besides the dateline's (also those that only bound
  // them: "in Country's southwestern Z department").
  std::vector<int> others;
  for (std::size_t idx : local) {
    for (const std::vector<int>* list : {&events_[idx].locations, &events_[idx].landmarks}) {
      for (int place : *list) {
        if (!in_dateline(place)) others.push_back(place);
      }
    }
  }
  for (std::size_t idx : local) {
    std::vector<int>& where = events_[idx].locations;
    std::vector<int> kept;
    for (int place : where) {
      // (The country around the filed city is no other place: "X (Country) (AFP) - Gunmen
      // attacked churches in Country's Y republic" keeps X. A province around it is: "X
      // (Country) (AFP) - ... in Country's Z province" happened somewhere in Z.)
      const bool elsewhere =
          in_dateline(place) && std::any_of(others.begin(), others.end(), [&](int o) {
            const bool around =
                entities_[static_cast<std::size_t>(o)].type == kCountry && contains(o, place);
            return !contains(place, o) && !around;
          });
      if (!elsewhere) kept.push_back(place);
    }
    where = kept;
  }
}

void ArticleRun::place_events(const Sentence& s, const std::vector<std::size_t>& local) {
  // Places: each goes to the nearest trigger, preferring the one before it.
  std::pair<std::uint32_t, Event*> last_placed{0, nullptr};  // end of the last place, its event
  const int planned_cues = res_.lexicon_id.at("planned_place_cues");
  // A trigger word ends right before the place (or its "the"), made no event of this sentence
  // and stands under a hypothetical cue: the place is that trigger's object.
  const int trig_lex = res_.lexicon_id.at("event_triggers");
  const auto hypothetical_object = [&](const Mention& mn) {
    std::uint32_t at = mn.begin;
    if (at > s.first_token && tokens_[at - 1].key == "the") --at;
    for (std::uint32_t j = at > s.first_token + 3 ? at - 3 : s.first_token; j < at; ++j) {
      for (std::uint32_t k = lex_start_[j]; k < lex_start_[j + 1]; ++k) {
        if (lexemes_[k].lexicon != trig_lex || j + lexemes_[k].length != at) continue;
        const bool made = std::any_of(local.begin(), local.end(), [&](std::size_t idx) {
          return events_[idx].begin <= j && j < events_[idx].end;
        });
        if (!made && hypothetical_cue_before(j, s.first_token)) return true;
      }
    }
    return false;
  };
  // Words from `from` to `to`, a body's long name and the abbreviation it defines in brackets
  // counted as one ("struck a convoy of the X Support and Stabilization Mission in Y (XSSMY)
  // on the road between A and B": a long name does not push the place out of reach; short
  // names count word by word, as before).
  constexpr std::uint32_t kLongName = 4;
  std::vector<bool> collapsed;
  const auto words_between = [&](std::uint32_t from, std::uint32_t to) {
    collapsed.assign(to - from, false);
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      const Mention& a = mentions_[q];
      if (a.dropped || !(bit(a.type) & kOrgMask) || a.name_begin < from || a.name_end > to ||
          a.name_end - a.name_begin < kLongName) {
        continue;
      }
      std::uint32_t last = a.name_end;
      if (last + 2 < to && tokens_[last].key == "(" && tokens_[last + 2].key == ")") last += 3;
      for (std::uint32_t k = a.name_begin + 1; k < last; ++k) collapsed[k - from] = true;
    }
    return static_cast<std::uint32_t>(std::count(collapsed.begin(), collapsed.end(), false));
  };
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.metonym || mn.dateline || !(bit(mn.type) & kPlaceMask)) continue;
    if (mn.party) continue;
    if (mn.type == kCountry && !mn.locative) continue;  // the country acting, not the place
    // "... as Angola pressed ahead with talks", "as X pushes talks": a country opening a clause
    // (data/lexicon/subject_clause_openers.tsv) before a lower-case word is its subject.
    if (mn.type == kCountry && mn.begin > s.first_token && mn.end < s.last_token &&
        word_in("subject_clause_openers", mn.begin - 1) &&
        tokens_[mn.end].kind == TokenKind::Word && !tokens_[mn.end].is(kCapitalized) &&
        !res_.in("locative", tokens_[mn.end].key)) {
      continue;
    }
    if (origin_before(mn.sentence, mn.begin)) continue;  // "elders from X"
    // "was expected in X on Monday", "will travel to X": where someone is due to go is no place
    // of the events of the sentence (a phrase of data/lexicon/planned_place_cues.tsv right
    // before the place or its "the").
    {
      const std::uint32_t at =
          mn.begin > s.first_token && tokens_[mn.begin - 1].key == "the" ? mn.begin - 1 : mn.begin;
      bool planned = false;
      for (std::uint32_t j = at > s.first_token + 4 ? at - 4 : s.first_token; j < at && !planned;
           ++j) {
        for (std::uint32_t k = lex_start_[j]; k < lex_start_[j + 1]; ++k) {
          planned =
              planned || (lexemes_[k].lexicon == planned_cues && j + lexemes_[k].length == at);
        }
      }
      if (planned) continue;
    }
    // "..., Islamabad says civilians killed": a place that is not after a locative word and comes
    // right before a speech verb speaks for its state; it is no place of an event.
    // (The whole subject: not "residents of X said".)
    const bool subject_start = mn.begin == s.first_token || tokens_[mn.begin - 1].key == "," ||
                               tokens_[mn.begin - 1].key == "and";
    if (!mn.locative && subject_start && mn.end < s.last_token &&
        res_.in("speech_verbs", tokens_[mn.end].key)) {
      continue;
    }
    // "told reporters in X": where the speaker spoke, no place of a violent event
    // (located_event_classes.tsv); a meeting may well have been there.
    const bool venue = speech_venue(mn.sentence, mn.begin);
    // "In A, B forces carried out a strike": a country before its forces or fighters (data/
    // lexicon/group_member_nouns.tsv, "forces") names who acted, even inside a list of places.
    if (mn.type == kCountry && mn.end < s.last_token &&
        (tokens_[mn.end].key == "forces" || res_.in("group_member_nouns", tokens_[mn.end].key))) {
      continue;
    }
    // A place inside an actor's name ("Uganda army", "Nairobi taxi driver") is not where.
    // (Only its name counts: a rule's match may hold an actor before it, "a house used by the
    // X gang in Y".)
    // ("Elders in X said they had tried to arrange a truce": X locates the elders, and is where.)
    const bool named = mn.name_end > mn.name_begin;
    const bool bearers = mn.type != kCountry && locates_bearers(s.first_token, mn.begin);
    if (!bearers && entity_in_range(named ? mn.name_begin : mn.begin, named ? mn.name_end : mn.end,
                                    kActorMask & ~bit(kCountry)) >= 0) {
      continue;
    }
    bool inside_actor = false;
    for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
      const Mention& o = mentions_[r];
      if (!o.dropped && (bit(o.type) & (kActorMask & ~bit(kCountry))) && o.begin <= mn.begin &&
          mn.end <= o.end && !bearers) {
        inside_actor = true;
      }
    }
    if (inside_actor) continue;
    // "prompting thousands to flee to Armenia": where people fled to is not where it happened
    // (data/lexicon/destination_verbs.tsv).
    {
      std::uint32_t k = mn.begin;
      while (k > s.first_token &&
             (tokens_[k - 1].key == "the" || res_.in("compass", tokens_[k - 1].key) ||
              tokens_[k - 1].key == "neighbouring" || tokens_[k - 1].key == "neighboring")) {
        --k;
      }
      if (k > s.first_token + 1 &&
          (tokens_[k - 1].key == "to" || tokens_[k - 1].key == "into" ||
           tokens_[k - 1].key == "toward" || tokens_[k - 1].key == "towards") &&
          res_.in("destination_verbs", tokens_[k - 2].key)) {
        continue;
      }
      // "Rockets from X killed two farmers in Y": where a violent event's fire came from is
      // not where it struck.
      if (k > s.first_token + 1 && tokens_[k - 1].key == "from") {
        bool origin = false;
        for (std::size_t idx : local) {
          const Event& ev = events_[idx];
          origin = origin || (ev.end + 1 == k && ev.pos == "noun" &&
                              res_.in("located_event_classes", fold_key(ev.cls)));
        }
        if (origin) continue;
      }
      // "would send more troops to the area", "deployed 2,000 police to X": the verb's object
      // stands between it and "to" (up to four lower-case words or numbers); not envoys sent
      // for talks (below).
      bool sent_there = false;
      if (k > s.first_token + 2 && tokens_[k - 1].key == "to") {
        for (std::uint32_t j = k - 2, n = 0; j > s.first_token && n < 4; --j, ++n) {
          const Token& t = tokens_[j];
          if (res_.in("delegation_nouns", t.key)) break;
          if (res_.in("destination_verbs", t.key)) {
            sent_there = j + 2 < k;
            break;
          }
          if ((t.kind != TokenKind::Word && t.kind != TokenKind::Number) || t.is(kCapitalized)) {
            break;
          }
        }
      }
      if (sent_there) continue;
    }
    // "would send a delegation to X next week for talks": the destination of envoys (data/
    // lexicon/delegation_nouns.tsv) sent for talks is where the talks are held.
    Event* venue_of = nullptr;
    {
      std::uint32_t k = mn.begin;
      if (k > s.first_token && tokens_[k - 1].key == "the") --k;
      bool envoys = false;
      if (k > s.first_token + 1 && tokens_[k - 1].key == "to") {
        for (std::uint32_t j = k - 1; j > s.first_token && j + 4 > k && !envoys;) {
          --j;
          envoys = res_.in("delegation_nouns", tokens_[j].key);
        }
      }
      for (std::size_t idx : local) {
        Event& ev = events_[idx];
        if (!envoys || venue_of || ev.begin < mn.end || ev.begin - mn.end > 12) continue;
        if (ev.cls != "Negotiation" && ev.cls != "DiplomaticContact") continue;
        bool clause = true;
        for (std::uint32_t j = mn.end; j < ev.begin && clause; ++j) {
          clause = tokens_[j].key != ";" && tokens_[j].key != "." && tokens_[j].key != ",";
        }
        if (clause) venue_of = &ev;
      }
    }
    // "X, meeting Y at the palace in Z, said the attacks must stop": a place with a trigger
    // before it in its own comma-free phrase is not taken by a trigger past the next comma.
    bool own_phrase_trigger = false;
    for (std::size_t idx : local) {
      const Event& ev = events_[idx];
      if (ev.dropped || ev.end > mn.begin || mn.begin - ev.end > 15) continue;
      bool comma_free = true;
      for (std::uint32_t k = ev.end; k < mn.begin && comma_free; ++k) {
        comma_free = tokens_[k].kind != TokenKind::Punct;
      }
      own_phrase_trigger = own_phrase_trigger || comma_free;
    }
    // "accused X of killing farmers with drones and threatened to attack Y": the object of a
    // trigger left out as hypothetical (hypothetical_cues.tsv) is no place of another event.
    if (hypothetical_object(mn)) continue;
    // "the X, who control the capital Y, said they had fired ...": a place inside a relative
    // clause between commas (opened by a word of place_clause_breaks.tsv) locates no trigger
    // after the clause's closing comma.
    std::uint32_t relative_end = 0;
    {
      std::uint32_t k = mn.begin;
      while (k > s.first_token + 1 && mn.begin - k < 12 && tokens_[k - 1].key != ",") --k;
      if (k > s.first_token + 1 && tokens_[k - 1].key == "," &&
          res_.in("place_clause_breaks", tokens_[k].key)) {
        for (std::uint32_t j = mn.end; j < s.last_token && relative_end == 0; ++j) {
          if (tokens_[j].key == ",") relative_end = j;
        }
      }
    }
    long best = 1L << 30;
    Event* target = nullptr;
    for (std::size_t idx : local) {
      Event& ev = events_[idx];
      if (venue_of) break;
      if (relative_end > 0 && ev.begin > relative_end) continue;
      if (own_phrase_trigger && ev.begin >= mn.end) {
        bool across_comma = false;
        for (std::uint32_t k = mn.end; k < ev.begin && !across_comma; ++k) {
          across_comma = tokens_[k].key == ",";
        }
        if (across_comma) continue;
      }
      if (ev.dropped) continue;  // (an instrument folded into its verb: weapon_subjects)
      const long d = mn.begin >= ev.end ? static_cast<long>(mn.begin - ev.end)
                                        : 2 * static_cast<long>(ev.begin - mn.end) + 1;
      // A place before the trigger belongs to it only when close or in a sentence-initial
      // phrase ("Near the X crossing, ... heard shelling").
      if (mn.end <= ev.begin && ev.begin - mn.end > 4 && mn.begin > s.first_token + 3) continue;
      // (Nor across a word that opens another clause: data/lexicon/place_clause_breaks.tsv.)
      bool other_clause = false;
      for (std::uint32_t k = mn.end; k < ev.begin && !other_clause; ++k) {
        other_clause = res_.in("place_clause_breaks", tokens_[k].key);
      }
      // ("X recaptured A in March, while Y consolidated its control over B": B is not where
      // the capture was; data/lexicon/place_clause_breaks_after.tsv.)
      // ("collided while chasing a vessel off A": a participle goes on with the same event.)
      for (std::uint32_t k = ev.end; k < mn.begin && !other_clause; ++k) {
        const std::string& next = tokens_[k + 1].key;
        const bool participle = next.size() > 4 && next.compare(next.size() - 3, 3, "ing") == 0;
        other_clause = (res_.in("place_clause_breaks_after", tokens_[k].key) && !participle) ||
                       comma_opens_clause(k, mn.begin);
      }
      if (other_clause) continue;
      if (mn.begin >= ev.end && mn.begin - ev.end > 15 && words_between(ev.end, mn.begin) > 15 &&
          !same_phrase_place(ev, mn, local)) {
        continue;
      }
      if (d < best) {
        best = d;
        target = &ev;
      }
    }
    // "talks between Tehran and Washington", "a truce between X and Y": the sides of a
    // negotiation, not where it is held.
    if (target && venue && res_.in("located_event_classes", fold_key(target->cls))) continue;
    if (target && (target->cls == "Negotiation" || target->cls == "DiplomaticContact" ||
                   target->cls == "Ceasefire" || target->cls == "PeaceAgreement" ||
                   target->cls == "PrisonerExchange")) {
      bool between = false;
      for (std::uint32_t k = mn.begin; k > s.first_token && k + 8 > mn.begin;) {
        --k;
        if (tokens_[k].key == "between") between = true;
        // "talks between A and B in Istanbul": Istanbul follows its own preposition.
        if (between || res_.in("locative", tokens_[k].key) ||
            (tokens_[k].kind == TokenKind::Punct && tokens_[k].key != ",")) {
          break;
        }
      }
      if (between) continue;
    }
    if (venue_of) {
      target = venue_of;
      target->venue = mn.entity;
    }
    // A place listed after one already placed after its trigger goes with it, however far the
    // list runs ("have been hosted in A, B and C", "hit A, B, C and D").
    if (!target && last_placed.second && last_placed.first <= mn.begin &&
        last_placed.second->end <= last_placed.first) {
      bool listed = true;
      for (std::uint32_t k = last_placed.first; k < mn.begin && listed; ++k) {
        const std::string& key = tokens_[k].key;
        listed = key == "," || key == "and" || key == "or" || key == "as" || key == "well";
      }
      if (listed) target = last_placed.second;
    }
    if (target) last_placed = {mn.end, target};
    // "near the village of A, west of the city": a place given as a bearing's reference point
    // only locates the event when nothing else does.
    // ("the town of A, south of B, after clashes": the bearing places A, which the event takes.)
    bool landmark = false;
    int located = -1;
    for (std::uint32_t k = mn.begin, n = 0; k > s.first_token + 1 && n < 4; ++n) {
      --k;
      if (tokens_[k].key == "of") {
        landmark = res_.in("compass", tokens_[k - 1].key);
        if (landmark && k >= s.first_token + 3 && tokens_[k - 2].key == ",") {
          for (std::size_t r = sentence_mentions_begin_; r < mentions_.size(); ++r) {
            const Mention& o = mentions_[r];
            if (!o.dropped && o.end == k - 2 && o.entity >= 0 && (bit(o.type) & kPlaceMask) &&
                o.type != kCountry) {
              located = o.entity;
            }
          }
        }
        break;
      }
      if (tokens_[k].kind != TokenKind::Word || tokens_[k].is(kCapitalized)) break;
    }
    // "near the town of A in western X": a compass region of a country only bounds where it
    // happened when the event has another place.
    if (mn.type == kRegion && mn.begin < mn.end && res_.in("compass", tokens_[mn.begin].key)) {
      landmark = true;
    }
    // "in X, near the border with Y", "close to the borders with Y and Z": the neighbours only
    // bound where it happened (also a later item of the list).
    {
      std::uint32_t k = mn.begin;
      for (int n = 0; k > s.first_token && n < 8; ++n) {
        const Token& t = tokens_[k - 1];
        if (t.key != "the" && t.key != "," && t.key != "and" &&
            (t.kind != TokenKind::Word || !t.is(kCapitalized))) {
          break;
        }
        --k;
      }
      if (k >= s.first_token + 2 && tokens_[k - 1].key == "with" &&
          (tokens_[k - 2].key == "border" || tokens_[k - 2].key == "borders" ||
           tokens_[k - 2].key == "frontier")) {
        landmark = true;
      }
    }
    // "Residents of A, east of B, said shells fell on the town's market": a place the sentence
    // gave as a bearing's reference point stays one when referred to again ("the town").
    if (target && std::find(target->landmarks.begin(), target->landmarks.end(), mn.entity) !=
                      target->landmarks.end()) {
      landmark = true;
    }
    if (target) {
      std::vector<int>& into = landmark ? target->landmarks : target->locations;
      if (std::find(into.begin(), into.end(), mn.entity) == into.end()) into.push_back(mn.entity);
      std::vector<int>& where = target->locations;
      if (located >= 0 && std::find(where.begin(), where.end(), located) == where.end()) {
        where.push_back(located);
      }
    }
  }
  // "communities in A and B have signed peace deals", "in A, B and C, attacks ...": the places
  // listed before one that a later trigger took go with it too (the earlier items were too far
  // from the trigger to be taken on their own).
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    // (Mentions are not in text order: the rightmost place of the event before its trigger.)
    const Mention* last = nullptr;
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      const Mention& m = mentions_[q];
      if (m.dropped || m.entity < 0 || m.end > ev.begin || (last && m.end <= last->end) ||
          std::find(ev.locations.begin(), ev.locations.end(), m.entity) == ev.locations.end()) {
        continue;
      }
      last = &m;
    }
    for (const Mention* item = last; item;) {
      std::uint32_t j = item->begin;
      while (j > s.first_token && (tokens_[j - 1].key == "," || tokens_[j - 1].key == "and" ||
                                   tokens_[j - 1].key == "or")) {
        --j;
      }
      const Mention* before = nullptr;
      for (std::size_t r = sentence_mentions_begin_; r < mentions_.size() && j < item->begin; ++r) {
        const Mention& m = mentions_[r];
        if (!m.dropped && m.entity >= 0 && m.end == j && !m.party && !m.metonym && !m.dateline &&
            m.type != kCountry && (bit(m.type) & kPlaceMask)) {
          before = &m;
        }
      }
      if (before && std::find(ev.locations.begin(), ev.locations.end(), before->entity) ==
                        ev.locations.end()) {
        ev.locations.push_back(before->entity);
      }
      item = before;
    }
  }
}

// Events without a place of their own take one from a trigger they are coordinated with, a
// place they are a relative clause of, or the event their participle clause elaborates.
void ArticleRun::spread_places(const Sentence& s, const std::vector<std::size_t>& local) {
  // Coordinated triggers share their places: "drones and missiles hit A", "firing drones and a
  // barrage of missiles at A and B", "airstrikes and shelling in A".
  for (std::size_t a = 0; a < local.size(); ++a) {
    for (std::size_t b = 0; b < local.size(); ++b) {
      Event& first = events_[local[a]];
      Event& second = events_[local[b]];
      if (a == b || second.begin < first.end || second.begin - first.end > 4) continue;
      bool joined = false;
      bool plain = true;
      for (std::uint32_t k = first.end; k < second.begin; ++k) {
        const Token& t = tokens_[k];
        if (t.key == "and" || t.key == "or") joined = true;
        if (t.kind == TokenKind::Punct && t.key != ",") plain = false;
        if (t.kind == TokenKind::Word && t.is(kCapitalized)) plain = false;
      }
      if (!joined || !plain || first.cls == second.cls) continue;
      std::vector<int> both = first.locations;
      for (int loc : second.locations) {
        if (std::find(both.begin(), both.end(), loc) == both.end()) both.push_back(loc);
      }
      first.locations = both;
      second.locations = both;
    }
  }
  // "police raided a house in X on Tuesday and arrested two men", "arrested five men in a raid
  // in X": a verb with no place of its own that shares its subject with an earlier verb ("and"
  // right before it), or whose action a following "in a raid", "during an operation" frames,
  // happened where that other event did (no other trigger and no clause end between them).
  for (std::size_t b = 0; b < local.size(); ++b) {
    Event& ev = events_[local[b]];
    if (ev.pos != "verb" || !ev.locations.empty() || ev.dropped) continue;
    const Event* from = nullptr;
    if (b > 0 && ev.begin > s.first_token && tokens_[ev.begin - 1].key == "and") {
      const Event& earlier = events_[local[b - 1]];
      if (earlier.pos == "verb" && !earlier.dropped && earlier.end < ev.begin &&
          ev.begin - earlier.end <= 20) {
        from = &earlier;
      }
    }
    if (!from && b + 1 < local.size()) {
      const Event& later = events_[local[b + 1]];
      const std::uint32_t lb = later.begin;
      if (later.pos == "noun" && !later.dropped && lb >= ev.end + 2 && lb - ev.end <= 12 &&
          (tokens_[lb - 1].key == "a" || tokens_[lb - 1].key == "an") &&
          (tokens_[lb - 2].key == "in" || tokens_[lb - 2].key == "during")) {
        from = &later;
      }
    }
    if (!from || from->locations.empty()) continue;
    const std::uint32_t lo = std::min(from->end, ev.end);
    const std::uint32_t hi = std::max(from->begin, ev.begin);
    bool clause_end = false;
    for (std::uint32_t k = lo; k < hi && !clause_end; ++k) {
      clause_end = tokens_[k].key == ";" || tokens_[k].key == "." || tokens_[k].key == ":";
    }
    if (!clause_end) ev.locations = from->locations;
  }
  // "Kisumu, the provincial capital they captured in January", "Eldoret, the largest town in the
  // north, which it had captured last year": a verb with no place in a relative clause on a
  // place's apposition happened at that place.
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.pos != "verb" || !ev.locations.empty() || ev.begin < s.first_token + 3) continue;
    static const std::set<std::string> subjects = {"they", "it", "he", "she", "which", "that"};
    std::uint32_t b = ev.begin - 1;
    if (tokens_[b].key == "had" || tokens_[b].key == "has" || tokens_[b].key == "have") --b;
    if (!subjects.count(tokens_[b].key)) continue;
    int head = -1;
    std::uint32_t head_end = 0;
    for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
      const Mention& mn = mentions_[q];
      if (mn.dropped || mn.dateline || mn.metonym || mn.entity < 0 || mn.type == kCountry ||
          !(bit(mn.type) & kPlaceMask) || mn.end + 2 >= ev.begin || ev.begin - mn.end > 15) {
        continue;
      }
      const std::string& det = tokens_[mn.end + 1].key;
      if (tokens_[mn.end].key != "," || (det != "the" && det != "a" && det != "an")) continue;
      if (head < 0 || mn.end < head_end) {
        head = mn.entity;
        head_end = mn.end;
      }
    }
    if (head < 0) continue;
    bool other_event = false;
    for (std::size_t o : local) {
      other_event = other_event || (events_[o].begin >= head_end && events_[o].begin < ev.begin);
    }
    for (std::uint32_t k = head_end; k < ev.begin; ++k) {
      other_event = other_event || tokens_[k].key == ";" || tokens_[k].key == ".";
    }
    if (!other_event) ev.locations.push_back(head);
  }
  // "gunmen stormed the camp, opening fire on residents and shelling their homes": an event
  // with no place in a participle clause after a comma elaborates the event before it and
  // happened where it did.
  for (std::size_t b = 0; b < local.size(); ++b) {
    Event& later = events_[local[b]];
    if (!later.locations.empty()) continue;
    for (std::size_t a = b; a-- > 0;) {
      const Event& earlier = events_[local[a]];
      if (earlier.locations.empty() || earlier.end > later.begin) continue;
      bool participle = false;
      for (std::uint32_t k = earlier.end; k + 1 < later.begin + 1 && k + 1 < s.last_token; ++k) {
        const std::string& w = tokens_[k + 1].key;
        if (tokens_[k].key == "," && w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0) {
          participle = true;
        }
        if (tokens_[k].key == ";" || tokens_[k].key == ".") participle = false;
      }
      if (participle) later.locations = earlier.locations;
      break;
    }
  }
  // "seized the town of X on Tuesday after two days of fighting with the army", "a truce held in
  // Y after two nights of fighting": fighting (aftermath_cause_classes.tsv) with no place of its
  // own, told after "after" or "following" as what led to an event of its clause
  // (aftermath_event_classes.tsv), happened where that event did.
  for (std::size_t b = 0; b < local.size(); ++b) {
    Event& cause = events_[local[b]];
    if (cause.pos != "noun" || cause.dropped || !cause.locations.empty() ||
        !res_.in("aftermath_cause_classes", fold_key(cause.cls))) {
      continue;
    }
    const std::uint32_t after = after_word_before(cause.begin, s.first_token);
    if (after == cause.begin) continue;
    const Event* led = nullptr;
    for (std::size_t a = 0; a < local.size(); ++a) {
      const Event& e = events_[local[a]];
      if (a == b || e.dropped || e.locations.empty() || e.end > after || after - e.end > 20 ||
          !res_.in("aftermath_event_classes", fold_key(e.cls))) {
        continue;
      }
      if (!led || e.end > led->end) led = &e;
    }
    if (!led) continue;
    bool clause_end = false;
    for (std::uint32_t k = led->end; k < after && !clause_end; ++k) {
      clause_end = tokens_[k].key == ";" || tokens_[k].key == "." || tokens_[k].key == ":";
    }
    if (!clause_end) cause.locations = led->locations;
  }
}

// "after (two days of) (heavy) fighting": the position of "after"/"following" up to five
// lower-case words or numbers before token b, else b.
std::uint32_t ArticleRun::after_word_before(std::uint32_t b, std::uint32_t first) const {
  for (std::uint32_t k = b, n = 0; k > first && n < 6; ++n) {
    --k;
    const Token& t = tokens_[k];
    if (t.key == "after" || t.key == "following") return k;
    if ((t.kind != TokenKind::Word && t.kind != TokenKind::Number) || t.is(kCapitalized)) break;
  }
  return b;
}

// Definite event nouns that restate an event already reported are merged away.
void ArticleRun::drop_restated_events(const Sentence& s, std::uint32_t si,
                                      const std::vector<Event*>& evs,
                                      const std::vector<TimeExpression>& times) {
  // "complicit in the attacks", "a truck bomb ..., the deadliest attack in the country's
  // history": a definite generic attack noun with no place or figures of its own refers back to
  // an event already reported; it adds none. So do "the talks" ("both sides described the talks
  // as positive", "two sources close to the talks").
  const bool earlier_event =
      std::any_of(events_.begin(), events_.end(), [&](const Event& e) { return e.sentence < si; });
  for (Event* ev : evs) {
    if ((ev->cls != "GroundAttack" && ev->cls != "Negotiation") || ev->pos != "noun" ||
        !ev->locations.empty() || !ev->context.empty() || !ev->figures.empty()) {
      continue;
    }
    bool definite = false;
    for (std::uint32_t k = ev->begin; k > s.first_token && k + 3 >= ev->begin;) {
      --k;
      const Token& t = tokens_[k];
      if (t.key == "the" || t.key == "these" || t.key == "those" || t.key == "this") {
        definite = true;
        break;
      }
      if (t.kind != TokenKind::Word || t.is(kCapitalized)) break;
    }
    const bool other_here =
        std::any_of(evs.begin(), evs.end(), [&](const Event* o) { return o != ev; });
    // (Another event of the sentence is what it restates, whatever the time; else the
    // sentence must give no time of its own.)
    if (definite && (other_here || (earlier_event && times.empty()))) ev->merged = true;
  }
  // "expressed regret over the attack", "said the attack showed that ...", "held accountable
  // for the attack": a bare "the attack(s)" with no phrase of its own after it ("on X", "in X",
  // "by X") restates the violent event already reported, whatever places the sentence names
  // elsewhere (words that open an own phrase: restated_event_openers.tsv).
  const bool earlier_violent = std::any_of(events_.begin(), events_.end(), [&](const Event& e) {
    return e.sentence < si && !e.dropped && res_.in("located_event_classes", fold_key(e.cls));
  });
  for (Event* ev : evs) {
    if (ev->merged || ev->cls != "GroundAttack" || ev->pos != "noun" || !earlier_violent ||
        ev->begin == s.first_token || tokens_[ev->begin - 1].key != "the" || !ev->figures.empty()) {
      continue;
    }
    const bool own_phrase =
        ev->end < s.last_token && res_.in("restated_event_openers", tokens_[ev->end].key);
    if (!own_phrase) ev->merged = true;
  }
  // "the governor condemned the (Kamo) attacks", "X claimed responsibility for the bombing":
  // a definite event noun after a verb that answers an event (restating_cues.tsv) restates one
  // already reported, whatever places the sentence names; so does "the deadliest attack", "the
  // third attack on the field" (restating_modifiers.tsv).
  for (Event* ev : evs) {
    if (ev->pos != "noun" || ev->merged) continue;
    const bool other_here =
        std::any_of(evs.begin(), evs.end(), [&](const Event* o) { return o != ev; });
    if (!earlier_event && !other_here) continue;
    std::uint32_t det = ev->begin;
    for (std::uint32_t k = ev->begin; k > s.first_token && k + 3 >= ev->begin;) {
      --k;
      if (tokens_[k].key == "the" || tokens_[k].key == "these" || tokens_[k].key == "those") {
        det = k;
        break;
      }
      if (tokens_[k].kind != TokenKind::Word) break;  // "after the shelling, troops clashed"
    }
    if (det == ev->begin) continue;
    const bool modified =
        det + 1 < ev->begin && res_.in("restating_modifiers", tokens_[det + 1].key);
    if (modified || cue_before("restating_cues", det, s.first_token)) ev->merged = true;
  }
}

}  // namespace ng::extract::stage1
