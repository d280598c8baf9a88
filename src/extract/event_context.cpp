// Stage 1 events in context: cues before a trigger, dates by report, scenes, and merging reports of
// one event.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/article_run.hpp"
#include "extract/literal_compare.hpp"

namespace ng::extract::stage1 {

// A date of the report's time: a day of the week up to the reference date, or its month. The
// narrative is at the report's time until a time expression takes it elsewhere: after "in 2021"
// or "in recent months" (unresolved) a sentence without a time tells background.
bool ArticleRun::recent(const std::string& value) const {
  CivilDate ref, when;
  if (!parse_iso_date(reference_date(article_), ref)) return false;
  if (value.size() == 7) return value == format_date(ref).substr(0, 7);
  if (!parse_iso_date(value, when)) return false;
  // The same answer as comparing `value` with each of the eight days written out: one of them
  // as a date, and `value` written the way format_date writes it (one snprintf, not eight).
  for (int back = 0; back <= 7; ++back) {
    const CivilDate day = add_days(ref, -back);
    if (day.year == when.year && day.month == when.month && day.day == when.day) {
      return format_date(when) == value;
    }
  }
  return false;
}

// A time expression that opens a span up to the report: it starts with, or follows, a word of
// data/lexicon/span_openers.tsv ("since November 2023").
bool ArticleRun::opens_span(const TimeExpression& te, std::uint32_t first) const {
  return word_in("span_openers", te.begin) ||
         (te.begin > first && word_in("span_openers", te.begin - 1));
}

bool ArticleRun::time_clause_break(std::uint32_t from, std::uint32_t to) const {
  for (std::uint32_t k = from; k < to; ++k) {
    if (res_.in("time_clause_breaks", tokens_[k].key)) return true;
  }
  return false;
}

// A phrase of not_event_cues.tsv ends right before token b or before a few lower-case words
// ("called for an immediate ceasefire", "open to talks", "towards a truce").
bool ArticleRun::not_event_cue_before(std::uint32_t b, std::uint32_t first) const {
  return cue_before("not_event_cues", b, first);
}

// A word of hypothetical_cues.tsv among the four words before token b, within its clause.
bool ArticleRun::hypothetical_cue_before(std::uint32_t b, std::uint32_t first) const {
  for (std::uint32_t k = b; k > first && k + 4 >= b;) {
    --k;
    const std::string& key = tokens_[k].key;
    if (key == "," || key == ";" || key == "." || key == ":") break;
    if (res_.in("hypothetical_cues", key)) return true;
  }
  return false;
}

// The kind ("demand", "stop" or "break") of the longest phrase of demand_cues.tsv ending right
// before token `end` (not starting before `first`), or ""; `start` gets where it starts.
std::string_view ArticleRun::demand_cue_ending(std::uint32_t end, std::uint32_t first,
                                               std::uint32_t* start) const {
  const Lexicon* cues = res_.lexicon("demand_cues");
  if (!cues || end <= first) return {};
  const int id = res_.lexicon_id.at("demand_cues");
  for (std::uint32_t p = end > first + 3 ? end - 3 : first; p < end; ++p) {
    for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
      if (lexemes_[k].lexicon == id && p + lexemes_[k].length == end) {
        if (start) *start = p;
        return cues->get(lexemes_[k].row, "kind");
      }
    }
  }
  return {};
}

// "urged Israel to halt its attacks", "called on both sides to withdraw", "demanded that the
// army stop the shelling": an event asked for in the complement of a demand verb (demand_cues.tsv,
// kind demand) has not happened. A verb trigger follows "to" (one adverb between at most) or
// "that" and its subject, "that" right after the demand verb; a noun trigger is the object of a
// stopping verb (kind stop: "halt", "refrain from") right after "to" or the subject of "that". Not
// "urged the UN to investigate the killing" (the killing happened), nor past a word opening another
// clause ("urged restraint after troops attacked": kind break).
bool ArticleRun::demanded(std::uint32_t b, bool noun, std::uint32_t first) const {
  auto clause_end = [&](std::uint32_t k) {
    const std::string& key = tokens_[k].key;
    return key == ";" || key == ":" || key == ".";
  };
  auto other_clause = [&](std::uint32_t k) {
    return clause_end(k) || demand_cue_ending(k + 1, first) == "break";
  };
  // The complement's opening word: "to" or "that".
  std::uint32_t opener = b;
  if (noun) {
    // The stopping verb up to three words before the noun ("halt its attacks"); p: its start.
    std::uint32_t p = b;
    bool stop = false;
    for (std::uint32_t end = b, n = 0; end > first && n < 4; ++n, --end) {
      if (demand_cue_ending(end, first, &p) == "stop") {
        stop = true;
        break;
      }
      const Token& t = tokens_[end - 1];
      if (t.kind != TokenKind::Word || t.is(kCapitalized)) return false;
    }
    if (!stop) return false;
    for (std::uint32_t k = p, n = 0; k > first && n < 4; ++n) {
      --k;
      if (tokens_[k].key == "to" && k + 1 == p) opener = k;
      if (tokens_[k].key == "that") opener = k;
      if (opener != b || other_clause(k)) break;
    }
  } else {
    // "to (immediately) attack", "that (the) troops attack".
    for (std::uint32_t k = b, n = 0; k > first && n < 5; ++n) {
      --k;
      if ((tokens_[k].key == "to" && n <= 1) || tokens_[k].key == "that") {
        opener = k;
        break;
      }
      if (other_clause(k) || tokens_[k].kind != TokenKind::Word) return false;
    }
  }
  if (opener == b) return false;
  if (tokens_[opener].key == "that") return demand_cue_ending(opener, first) == "demand";
  // "to": the demand verb and its object before it (commas allowed: "called on A and B, which
  // sponsor the truce, to press X to ...").
  for (std::uint32_t end = opener, n = 0; end > first && n < 20; ++n, --end) {
    if (demand_cue_ending(end, first) == "demand") return true;
    if (clause_end(end - 1)) return false;
  }
  return false;
}

// "..., as members urged restraint on X": a comma then a phrase of comma_clause_openers.tsv of
// kind "clause" opens a clause with its own verb (the longest phrase decides: ", as well as"
// goes on with a list).
bool ArticleRun::comma_opens_clause(std::uint32_t comma, std::uint32_t last) const {
  if (comma + 1 >= last || tokens_[comma].key != ",") return false;
  const Lexicon* openers = res_.lexicon("comma_clause_openers");
  if (!openers) return false;
  const int id = res_.lexicon_id.at("comma_clause_openers");
  std::uint32_t best_length = 0;
  bool clause = false;
  for (std::uint32_t k = lex_start_[comma + 1]; k < lex_start_[comma + 2]; ++k) {
    if (lexemes_[k].lexicon != id || lexemes_[k].length <= best_length) continue;
    best_length = lexemes_[k].length;
    clause = openers->get(lexemes_[k].row, "kind") == "clause";
  }
  return clause;
}

// A phrase of `lexicon` ends at b, or up to three lower-case words before it.
bool ArticleRun::cue_before(const char* lexicon, std::uint32_t b, std::uint32_t first) const {
  const auto id = res_.lexicon_id.find(lexicon);
  if (id == res_.lexicon_id.end()) return false;
  for (std::uint32_t end = b; end > first && end + 3 >= b; --end) {
    for (std::uint32_t p = end > first + 4 ? end - 4 : first; p < end; ++p) {
      for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
        if (lexemes_[k].lexicon == id->second && p + lexemes_[k].length == end) return true;
      }
    }
    const Token& t = tokens_[end - 1];
    if (t.kind != TokenKind::Word || t.is(kCapitalized)) return false;
  }
  return false;
}

// A thing counted in claims (claim_counted_objects.tsv, kind posts or equipment) within six
// tokens before [b, e) or three after, in the same clause.
bool ArticleRun::counted_object_near(std::uint32_t b, std::uint32_t e, std::uint32_t first,
                                     std::uint32_t last) const {
  const Lexicon* counted = res_.lexicon("claim_counted_objects");
  if (!counted) return false;
  const int id = res_.lexicon_id.at("claim_counted_objects");
  auto object_at = [&](std::uint32_t p) {
    for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
      if (lexemes_[k].lexicon == id && counted->get(lexemes_[k].row, "kind") != "none") return true;
    }
    return false;
  };
  for (std::uint32_t p = b; p > first && p + 6 >= b;) {
    --p;
    const std::string& key = tokens_[p].key;
    if (key == ";" || key == "." || key == ":") break;
    if (object_at(p)) return true;
  }
  for (std::uint32_t p = e; p < last && p < e + 3; ++p) {
    if (object_at(p)) return true;
  }
  return false;
}

// A cue of undated_event_cues.tsv in the four words before the trigger, within its clause:
// "would consider talks", "to help end the fighting", "had carried out strikes".
bool ArticleRun::undated_cue_before(const Event& ev, std::uint32_t first) const {
  for (std::uint32_t k = ev.begin; k > first && k + 4 >= ev.begin;) {
    --k;
    const std::string& key = tokens_[k].key;
    if (key == "," || key == ";" || key == "." || key == ":") break;
    if (res_.in("undated_event_cues", key)) return true;
  }
  return false;
}

// An event its sentence gives no time, told without a cue that sets it apart from the report,
// happened on the report's day: the article's date (TimeML's document creation time), or for an
// undated article the date inferred from its batch. After merging, so a repeated mention
// ("the strikes") still joins the report that dates it.
void ArticleRun::date_by_report() {
  const std::string& day = reference_date(article_);
  if (day.empty()) return;
  for (Event& ev : events_) {
    if (!ev.merged && ev.date.empty() && ev.time_text.empty() && ev.report_day) ev.date = day;
  }
}

bool ArticleRun::same_paragraph(std::uint32_t earlier, std::uint32_t later) const {
  const std::string_view between(norm_.text.data() + sentences_[earlier].end,
                                 sentences_[later].begin - sentences_[earlier].end);
  return between.find('\n') == std::string_view::npos;
}

// "near the border with Y", "west of Y": a place that only bounds where something happened.
bool ArticleRun::bounds_only(const Sentence& s, const Mention& mn) const {
  std::uint32_t k = mn.begin;
  if (k > s.first_token && tokens_[k - 1].key == "the") --k;
  if (k >= s.first_token + 2 && tokens_[k - 1].key == "with" &&
      (tokens_[k - 2].key == "border" || tokens_[k - 2].key == "borders" ||
       tokens_[k - 2].key == "frontier")) {
    return true;
  }
  return k >= s.first_token + 2 && tokens_[k - 1].key == "of" &&
         res_.in("compass", tokens_[k - 2].key);
}

// A sentence that reports no event may set the scene for the next one: places below a country
// where something is ("Life in X", "around X", a list "in A and B"), and the places that
// qualify them right after, which only bound them ("in the A district of B", "X, a village in
// Y near the border with Z", "X, a town west of Y"); not datelines, metonyms, parties, places
// inside actors' names, nor where people went to or came from.
void ArticleRun::record_scene(const Sentence& s, std::uint32_t si) {
  scene_ = Scene{};
  scene_.sentence = si;
  std::uint32_t open_until = 0;  // the end of the last scene place
  for (std::size_t q = sentence_mentions_begin_; q < mentions_.size(); ++q) {
    const Mention& mn = mentions_[q];
    if (mn.dropped || mn.metonym || mn.dateline || mn.party || mn.entity < 0 ||
        mn.type == kCountry || !(bit(mn.type) & kPlaceMask)) {
      continue;
    }
    if (entity_in_range(mn.begin, mn.end, kActorMask & ~bit(kCountry)) >= 0) continue;
    if (speech_venue(si, mn.begin)) continue;  // "told reporters in X"
    std::uint32_t k = mn.begin;
    while (k > s.first_token &&
           (tokens_[k - 1].key == "the" || res_.in("compass", tokens_[k - 1].key))) {
      --k;
    }
    static const std::set<std::string> away = {"from", "to", "into", "toward", "towards"};
    if (k > s.first_token && away.count(tokens_[k - 1].key)) continue;
    // Right after the last scene place, joined by lower-case words: a list or a qualifier.
    bool attached = open_until > 0 && mn.begin >= open_until && mn.begin <= open_until + 8;
    bool listed = true;
    for (std::uint32_t j = open_until; attached && j < mn.begin; ++j) {
      const Token& t = tokens_[j];
      attached = t.key == "," || (t.kind == TokenKind::Word && !t.is(kCapitalized) &&
                                  !res_.in("speech_verbs", t.key));
      listed = listed && (t.key == "," || t.key == "and" || t.key == "or");
    }
    // ("X, the capital of Y, is ...": Y only qualifies a place that is no scene.)
    const bool of_place = k > s.first_token && tokens_[k - 1].key == "of";
    if ((!mn.locative || of_place) && !attached) continue;
    const bool qualifier = attached && !listed;
    std::vector<int>& into = qualifier || bounds_only(s, mn) ? scene_.landmarks : scene_.places;
    if (std::find(into.begin(), into.end(), mn.entity) == into.end()) into.push_back(mn.entity);
    open_until = mn.end;
  }
}

// "Tension has been high around X, a village in Y. On Sunday, rebels shot dead two villagers":
// when no event of a sentence has a place and the sentence before, in the same paragraph,
// reported no event but named places, a violent event (located_event_classes.tsv) happened
// there.
void ArticleRun::place_from_scene(std::uint32_t si, const std::vector<std::size_t>& local) {
  if (si == 0 || scene_.sentence + 1 != si || scene_.places.empty() ||
      !same_paragraph(si - 1, si)) {
    return;
  }
  for (std::size_t idx : local) {
    const Event& ev = events_[idx];
    if (!ev.locations.empty() || !ev.landmarks.empty() || !ev.context.empty()) return;
  }
  static const std::set<std::string> definite = {"the", "these", "those", "this", "its", "their"};
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (!res_.in("located_event_classes", fold_key(ev.cls))) continue;
    // ("The attacks came hours after ...": a definite noun refers back to events reported.)
    if (ev.pos == "noun" && definite.count(tokens_[ev.begin - 1].key)) continue;
    ev.locations = scene_.places;
    ev.landmarks = scene_.landmarks;
    ev.from_scene = true;
  }
}

// "Two factions fought in the town of X last week. Local officials later brokered a ceasefire
// between the two factions on Saturday": a truce with no place, in the sentence right after one
// that reported located fighting (located_event_classes.tsv) in the same paragraph and points
// back at it, ended that fighting, at its places.
void ArticleRun::truce_after_fighting(std::uint32_t si, const std::vector<std::size_t>& local) {
  // "brokered a truce between two commanders in X after a gunbattle that killed two": in its own
  // sentence, a truce with no place ended the located fighting told after it with "after"
  // (which took the place as the nearer trigger).
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.cls != "Ceasefire" || !ev.locations.empty() || !ev.context.empty()) continue;
    for (std::size_t other : local) {
      const Event& e = events_[other];
      if (&e == &ev || e.merged || e.locations.empty() || e.begin <= ev.end ||
          !res_.in("located_event_classes", fold_key(e.cls))) {
        continue;
      }
      bool after = false;
      for (std::uint32_t k = e.begin; k > ev.end && k + 4 > e.begin && !after;) {
        after = tokens_[--k].key == "after";
      }
      if (after) {
        ev.locations = e.locations;
        break;
      }
    }
  }
  if (si == 0 || !same_paragraph(si - 1, si)) return;
  const Event* fighting = nullptr;
  for (const Event& e : events_) {
    if (e.sentence == si - 1 && !e.merged && !e.locations.empty() &&
        res_.in("located_event_classes", fold_key(e.cls))) {
      fighting = &e;
    }
  }
  if (fighting == nullptr) return;
  // The truce's sentence must point back at that fighting ("later", "the two factions";
  // truce_back_references.tsv).
  const Sentence& s = sentences_[si];
  bool back = false;
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
    back |= res_.in("truce_back_references", tokens_[k].key);
  }
  if (!back) return;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (ev.cls != "Ceasefire" || !ev.locations.empty() || !ev.context.empty()) continue;
    ev.locations = fighting->locations;
  }
}

// "A drone strike killed 12 people in X on Sunday, ..., as fighting between A and B
// intensified": an event noun opening an "as" clause whose verb tells a trend (trend_verbs.tsv)
// frames the report; with no place of its own it reports no event.
bool ArticleRun::background_trend(const Event& ev, const Sentence& s,
                                  const std::vector<std::size_t>& local) const {
  if (ev.pos != "noun" || !ev.locations.empty() || !ev.landmarks.empty()) return false;
  std::uint32_t k = ev.begin;
  if (k > s.first_token && tokens_[k - 1].key == "the") --k;
  if (k == s.first_token || tokens_[k - 1].key != "as") return false;
  for (std::uint32_t j = ev.end; j < s.last_token && j < ev.end + 15; ++j) {
    const std::string& key = tokens_[j].key;
    if (key == ";" || key == "." || key == ",") return false;
    const bool other_trigger = std::any_of(
        local.begin(), local.end(), [&](std::size_t idx) { return events_[idx].begin == j; });
    if (other_trigger) return false;
    if (res_.in("trend_verbs", key)) return true;
  }
  return false;
}

// "Fighting is likely to continue along X", "Clashes could spread to Y": an event noun opening
// its sentence, followed by a word of forecast_words.tsv (after "is/are" only with "to" next),
// foresees fighting; it reports none.
bool ArticleRun::forecast(const Event& ev, const Sentence& s) const {
  if (ev.pos != "noun") return false;
  std::uint32_t k = ev.begin;
  if (k > s.first_token && tokens_[k - 1].key == "the") --k;
  if (k != s.first_token) return false;
  std::uint32_t j = ev.end;
  if (j >= s.last_token) return false;
  const bool copula = tokens_[j].key == "is" || tokens_[j].key == "are";
  if (copula) ++j;
  if (j >= s.last_token || !word_in("forecast_words", j)) return false;
  return !copula || (j + 1 < s.last_token && tokens_[j + 1].key == "to");
}

// "Drone strikes have killed more than 300 civilians in X since October", "The fighting
// between A and B has killed more than 800 people since September": an event noun that is the
// subject of a toll verb in the perfect (tally_verbs.tsv) over a span opened before the
// report's week or month ("since ...") sums up many events; it reports none. ("clashes have
// killed 350 people since Sunday" is the fighting of these days: an event.)
bool ArticleRun::tally_over_span(const Event& ev, const Sentence& s,
                                 const std::vector<TimeExpression>& times,
                                 const std::vector<std::size_t>& local) const {
  if (ev.pos != "noun") return false;
  std::uint32_t verb = 0;
  const auto speech_verbs = res_.lexicon_id.find("speech_verbs");
  const int speech = speech_verbs == res_.lexicon_id.end() ? -1 : speech_verbs->second;
  for (std::uint32_t k = ev.end; k + 1 < s.last_token && k < ev.end + 30 && verb == 0; ++k) {
    const std::string& key = tokens_[k].key;
    if (key == ";" || key == "." || word_in(speech, k)) return false;
    const bool other_trigger = std::any_of(
        local.begin(), local.end(), [&](std::size_t idx) { return events_[idx].begin == k; });
    if (other_trigger) return false;
    if ((key == "have" || key == "has") && word_in("tally_verbs", k + 1)) verb = k + 1;
  }
  if (verb == 0) return false;
  return std::any_of(times.begin(), times.end(), [&](const TimeExpression& te) {
    const bool since = opens_span(te, s.first_token);
    return te.begin > verb && since && !te.value.empty() && !recent(te.value);
  });
}

// "X has repeatedly shelled border villages", "since then, X has fired rockets at Y", "the group
// has since extended its attacks to Z": an event told in the perfect with a word of habit or
// duration (data/lexicon/habitual_cues.tsv, kind cue) right after the auxiliary (kind aux), or
// opening the sentence before a comma, sums up many; it reports none. The trigger is the
// auxiliary's participle or its object, at most six words on in one clause. ("Since Monday, X
// has fired 40 rockets" and "has been closed since Thursday" keep their events: the cue is not
// a whole opening phrase, or stands after the trigger.)
bool ArticleRun::habitual_perfect(const Event& ev, const Sentence& s) const {
  const auto found = res_.lexicon_id.find("habitual_cues");
  if (found == res_.lexicon_id.end() || ev.begin <= s.first_token) return false;
  const int id = found->second;
  // The length of the longest phrase of `kind` starting at token p (0: none).
  const auto phrase = [&](std::uint32_t p, std::string_view kind) {
    std::uint32_t best = 0;
    for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
      if (lexemes_[k].lexicon == id && res_.lexicons[id].get(lexemes_[k].row, "kind") == kind) {
        best = std::max<std::uint32_t>(best, lexemes_[k].length);
      }
    }
    return best;
  };
  const auto speech = res_.lexicon_id.find("speech_verbs");
  std::uint32_t aux = ev.begin;
  for (std::uint32_t k = ev.begin; k > s.first_token && k + 7 > ev.begin;) {
    --k;
    if (tokens_[k].kind == TokenKind::Punct) break;
    if (speech != res_.lexicon_id.end() && word_in(speech->second, k)) break;
    if (phrase(k, "aux") == 1) {
      aux = k;
      break;
    }
  }
  if (aux == ev.begin) return false;
  // A cue right after the auxiliary ("has since", "have for years", "has also repeatedly").
  for (std::uint32_t j = aux + 1; j < ev.begin;) {
    if (phrase(j, "cue") > 0) return true;
    if (tokens_[j].key != "been" && tokens_[j].key != "also") break;
    ++j;
  }
  // A cue opening the sentence, then a comma ("Since then, ...").
  const std::uint32_t opening = phrase(s.first_token, "cue");
  return opening > 0 && s.first_token + opening < aux &&
         tokens_[s.first_token + opening].key == ",";
}

// "A ceasefire brokered by X in October ended a week of fighting", "ended more than a year of
// fighting between A and B": fighting (aftermath_cause_classes.tsv) given as the span an ending
// verb closed (data/lexicon/ended_span_words.tsv: verb, a count or article, unit, "of", at most
// one word) sums up a war told as background when it has no date of the report's days. ("a truce
// that ended four days of fighting" this week keeps its clash: its date is recent.)
bool ArticleRun::ended_span(const Event& ev, const Sentence& s) const {
  const auto found = res_.lexicon_id.find("ended_span_words");
  if (found == res_.lexicon_id.end() || ev.pos != "noun") return false;
  if (!res_.in("aftermath_cause_classes", fold_key(ev.cls))) return false;
  if (!ev.date.empty() && recent(ev.date)) return false;
  const int id = found->second;
  const auto kind_at = [&](std::uint32_t p, std::string_view kind) {
    for (std::uint32_t k = lex_start_[p]; k < lex_start_[p + 1]; ++k) {
      if (lexemes_[k].lexicon == id && lexemes_[k].length == 1 &&
          res_.lexicons[id].get(lexemes_[k].row, "kind") == kind) {
        return true;
      }
    }
    return false;
  };
  // Back from the trigger: one modifier at most, "of", the unit, then up to four words of count
  // ("a", "five", "more than a") after the verb.
  std::uint32_t k = ev.begin;
  if (k > s.first_token + 1 && tokens_[k - 1].key != "of") --k;
  if (k <= s.first_token + 2 || tokens_[k - 1].key != "of" || !kind_at(k - 2, "unit")) return false;
  for (std::uint32_t j = k - 2, n = 0; j > s.first_token && n < 5; ++n) {
    --j;
    if (kind_at(j, "verb")) return true;
    if (tokens_[j].kind == TokenKind::Punct || tokens_[j].is(kCapitalized)) return false;
  }
  return false;
}

// Counts of many over a period are statistics, not one event: "gangs had kidnapped at least 185
// people in the same period", "carried out more than 200 attacks since the earthquake". A count
// of at least ten (or "dozens", "hundreds") right before a plural event noun or after a verb,
// then, in the same clause, "since" or a phrase of tally_periods.tsv.
bool ArticleRun::tally_of_many(const Event& ev, const Sentence& s) const {
  const auto numbers_lex = res_.lexicon_id.find("numbers");
  const auto periods = res_.lexicon_id.find("tally_periods");
  if (numbers_lex == res_.lexicon_id.end() || periods == res_.lexicon_id.end()) return false;
  const auto phrase_kind = [&](int lexicon, std::uint32_t at, std::string_view kind) {
    for (std::uint32_t k = lex_start_[at]; k < lex_start_[at + 1]; ++k) {
      if (lexemes_[k].lexicon == lexicon &&
          (kind.empty() || res_.lexicons[lexicon].get(lexemes_[k].row, "kind") == kind)) {
        return true;
      }
    }
    return false;
  };
  // A figure of at least ten ("185", "1,200") or a vague amount of that size.
  const auto many = [&](std::uint32_t at) {
    const Token& t = tokens_[at];
    if (t.kind == TokenKind::Number) {
      const std::optional<std::string> digits = count_digits(t.key);
      return digits && digits->size() >= 2;
    }
    return phrase_kind(numbers_lex->second, at, "vague") && !word_in("tally_small_amounts", at);
  };
  const auto clause_end = [&](std::uint32_t k) {
    const std::string& key = tokens_[k].key;
    return key == "," || key == ";" || key == ":" || key == ".";
  };
  // "since ..." or a period phrase before the clause ends.
  const auto period_after = [&](std::uint32_t from) {
    for (std::uint32_t k = from; k < s.last_token && k < from + 12 && !clause_end(k); ++k) {
      if (word_in("span_openers", k) || phrase_kind(periods->second, k, "")) return true;
    }
    return false;
  };
  if (ev.pos == "noun") {
    const std::string& noun = tokens_[ev.end - 1].key;
    if (ev.begin <= s.first_token || noun.empty() || noun.back() != 's') return false;
    std::uint32_t k = ev.begin - 1;
    if (tokens_[k].key == "of" && k > s.first_token) --k;  // "dozens of attacks"
    return many(k) && period_after(ev.end);
  }
  for (std::uint32_t k = ev.end; k < s.last_token && k < ev.end + 4 && !clause_end(k); ++k) {
    if (many(k)) return period_after(k + 1);
  }
  return false;
}

// "a bomb ripped through a vehicle carrying policemen home from a search operation in the early
// hours of the morning near X": a place below a country far after a trigger with no place yet
// is still its place when a locative word introduces it and one stretch with no punctuation,
// speech verb or other trigger leads to it.
bool ArticleRun::same_phrase_place(const Event& ev, const Mention& mn,
                                   const std::vector<std::size_t>& local) const {
  constexpr std::uint32_t kMaxPhrase = 30;
  if (!mn.locative || mn.type == kCountry || !ev.locations.empty() || !ev.landmarks.empty() ||
      mn.begin < ev.end || mn.begin - ev.end > kMaxPhrase) {
    return false;
  }
  for (std::uint32_t k = ev.end; k < mn.begin; ++k) {
    if (tokens_[k].kind == TokenKind::Punct || res_.in("speech_verbs", tokens_[k].key)) {
      return false;
    }
  }
  return std::none_of(local.begin(), local.end(), [&](std::size_t idx) {
    const Event& other = events_[idx];
    return &other != &ev && other.begin >= ev.end && other.begin < mn.begin;
  });
}

// "In a raid on X on Tuesday, troops clashed with ...", "In a separate attack, a drone dropped
// explosives on ...": an opening "In/During a(n) <event noun> ...," frames the event of the
// main clause. They are one event, the main clause's, placed where the frame is when it has
// no place of its own.
void ArticleRun::merge_framing_event(const Sentence& s, const std::vector<std::size_t>& local) {
  if (local.size() < 2 || s.first_token + 3 >= s.last_token) return;
  const std::string& opening = tokens_[s.first_token].key;
  const std::string& article = tokens_[s.first_token + 1].key;
  if ((opening != "in" && opening != "during") || (article != "a" && article != "an")) return;
  Event& frame = events_[local.front()];
  if (frame.pos != "noun" || frame.begin > s.first_token + 4) return;
  for (std::uint32_t k = s.first_token + 2; k < frame.begin; ++k) {
    if (tokens_[k].kind != TokenKind::Word || tokens_[k].is(kCapitalized)) return;
  }
  std::uint32_t comma = frame.end;
  while (comma < s.last_token && tokens_[comma].key != "," && comma < frame.end + 25) ++comma;
  if (comma >= s.last_token || tokens_[comma].key != ",") return;
  Event* main = nullptr;
  for (std::size_t idx : local) {
    Event& ev = events_[idx];
    if (&ev == &frame) continue;
    if (ev.begin < comma) return;  // another event inside the frame: not one phrase
    main = &ev;
    break;
  }
  if (main == nullptr) return;
  if (main->locations.empty() && main->landmarks.empty()) {
    main->locations = frame.locations;
    main->landmarks = frame.landmarks;
  }
  frame.merged = true;
}

// Within an article, "the strikes" without a place repeats an event already reported with
// one: merge an unlocated event into an event of the same class with a compatible date.
// "the truce", "this ceasefire", "the August truce", "the fragile ceasefire": a trigger after a
// definite determiner and at most two words (none of them "a", "first", "new", "another").
bool ArticleRun::definite_trigger(const Event& ev) const {
  const std::uint32_t first = sentences_[ev.sentence].first_token;
  for (std::uint32_t k = ev.begin, n = 0; k > first && n < 3; ++n) {
    --k;
    const Token& t = tokens_[k];
    if (t.key == "the" || t.key == "this" || t.key == "that") return true;
    if (t.kind == TokenKind::Punct || t.key == "a" || t.key == "an" || t.key == "first" ||
        t.key == "new" || t.key == "another" || t.key == "second") {
      return false;
    }
  }
  return false;
}

// "Israeli strikes on X kill 9 as Y asks monitors to act" over the story: the first sentence is a
// headline when it is the article's first line, ends at a line break without a sentence-final
// mark, and holds no dateline (the dateline's line is the story's).
bool ArticleRun::headline_sentence(std::uint32_t si) const {
  if (si != 0 || sentences_.size() < 2) return false;
  const Sentence& s = sentences_[0];
  if (s.last_token <= s.first_token || s.last_token >= tokens_.size() ||
      !tokens_[s.last_token].is(kAfterNewline)) {
    return false;
  }
  if (dateline_end_ > dateline_begin_ && dateline_begin_ < s.last_token) return false;
  std::uint32_t last = s.last_token - 1;
  // (A closing quote after the mark: 'says 14 killed.")
  if (last > s.first_token && tokens_[last].kind == TokenKind::Punct &&
      (tokens_[last].key == "\"" || tokens_[last].key == "'")) {
    --last;
  }
  const std::string& mark = tokens_[last].key;
  return mark != "." && mark != "!" && mark != "?";
}

void ArticleRun::merge_events() {
  // "an attack on a military base in X", "a bomber blew herself up at a market in X": an event
  // placed at an unnamed site (a lower-case description) inside a named place happened in that
  // place; the description is no place name.
  for (Event& ev : events_) {
    std::vector<int> places;
    for (int loc : ev.locations) {
      const Entity& e = entities_[static_cast<std::size_t>(loc)];
      const bool described = e.type == kSite && e.part_of >= 0 && !e.label.empty() &&
                             e.label[0] >= 'a' && e.label[0] <= 'z';
      const int place = described ? e.part_of : loc;
      if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
      if (described) entities_[static_cast<std::size_t>(place)].as_place = true;
    }
    ev.locations = places;
  }
  // A headline ("Drone strike on market kills dozens in X", the line before the dateline)
  // restates the story in the present tense: its event is the body's event of the same kind
  // (strikes from afar are one kind), not another one on the report's day.
  static const std::set<std::string> from_afar = {"Airstrike", "MissileStrike", "DroneAttack",
                                                  "Shelling"};
  const auto same_kind = [&](const std::string& a, const std::string& b) {
    return a == b || (from_afar.count(a) && from_afar.count(b));
  };
  // (Also a headline without a dateline under it; a headline event the body does not report
  // again, in the same kind, is the headline's wording of another event: "RSF seizes base in A
  // as drone strike hits B" gives the drone strike both towns.)
  if (headline_sentence(0)) {
    const std::uint32_t body_begin = sentences_[0].last_token;
    for (Event& head : events_) {
      if (head.merged || head.end > body_begin) continue;
      bool restated = false;
      for (Event& body : events_) {
        if (body.merged || body.begin < body_begin || !same_kind(head.cls, body.cls)) continue;
        body.more_sentences.push_back(head.sentence);
        // ("Senegal signs peace deal with rebels in Bissau" over "... signed a peace agreement
        // on Thursday": the headline's place is the body's when the body gives none.)
        if (body.locations.empty() && !head.locations.empty()) body.locations = head.locations;
        restated = true;
        break;
      }
      head.merged = true;
      if (!restated) head.dropped = true;
    }
  }
  // "MUSCAT (Reuters) - X signed a peace agreement with Y in Oman on Monday", "BRIDGETOWN,
  // Barbados (AP) - A and B signed an agreement on Tuesday": a signing reported in the
  // dateline's sentence with no place, or only the country of the dateline's city, was signed
  // where the report was filed (classes: data/lexicon/dateline_event_classes.tsv).
  if (dateline_end_ > 0) {
    int city = -1;
    for (const Mention& mn : mentions_) {
      if (mn.dateline && !mn.dropped && mn.type == kCity && mn.entity >= 0) {
        city = mn.entity;
        break;
      }
    }
    for (Event& ev : events_) {
      if (city < 0 || ev.merged || !res_.in("dateline_event_classes", fold_key(ev.cls))) continue;
      const Sentence& s = sentences_[ev.sentence];
      if (s.first_token > dateline_begin_ || s.last_token <= dateline_end_ ||
          ev.begin < dateline_end_) {
        continue;
      }
      const bool its_country =
          ev.locations.size() == 1 &&
          entities_[static_cast<std::size_t>(ev.locations.front())].type == kCountry &&
          contains(ev.locations.front(), city);
      if (ev.locations.empty() || its_country) {
        ev.locations = {city};
        entities_[static_cast<std::size_t>(city)].as_place = true;
      }
    }
  }
  for (std::size_t i = 0; i < events_.size(); ++i) {
    Event& ev = events_[i];
    if (ev.dropped || !ev.locations.empty()) continue;
    for (std::size_t j = 0; j < events_.size(); ++j) {
      Event& other = events_[j];
      // ("A drone struck a position in X. It blamed the ministry for the strike.": "the strike"
      // with no place is the strike from afar reported, whatever word named it; not "the Israeli
      // strikes that began Friday", named anew by their author.)
      const std::string& before =
          ev.begin > sentences_[ev.sentence].first_token ? tokens_[ev.begin - 1].key : ev.cls;
      const bool same_strike = from_afar.count(ev.cls) && same_kind(ev.cls, other.cls) &&
                               (before == "the" || before == "this" || before == "that");
      if (j == i || other.merged || (other.cls != ev.cls && !same_strike)) continue;
      // An event of the report's day (date_by_report) is not one dated months before.
      auto fits = [this](const Event& undated, const Event& dated) {
        return !undated.report_day || recent(dated.date);
      };
      const bool dates_agree = ev.date.empty()      ? other.date.empty() || fits(ev, other)
                               : other.date.empty() ? fits(other, ev)
                                                    : ev.date == other.date;
      // (Talks run over weeks and are dated by what is said of them: "the talks stalled",
      // "talks ... were postponed again" are the talks reported with their venue, whatever day.)
      // (A truce named with a definite article, "will monitor the truce", "the August truce",
      // is the truce already reported, whatever day it is said of; "a first truce" is another:
      // data/lexicon/definite_merge_classes.tsv.)
      if (!dates_agree && !res_.in("undated_merge_classes", fold_key(ev.cls)) &&
          !(definite_trigger(ev) && res_.in("definite_merge_classes", fold_key(ev.cls)))) {
        continue;
      }

      if (other.locations.empty() && j > i) continue;  // merge unlocated ones into the first
      // The located report is the better one: take participants only where it has none
      // (agent detection on an anaphoric "the strikes" sentence is the less reliable).
      if (other.agents.empty()) other.agents = ev.agents;
      if (other.targets.empty()) other.targets = ev.targets;
      for (const auto& [k, v] : ev.figures) other.figures.emplace(k, v);
      if (other.date.empty()) other.date = ev.date;
      if (other.time_text.empty()) other.time_text = ev.time_text;
      other.more_sentences.push_back(ev.sentence);
      ev.merged = true;
      break;
    }
  }
}

// "the Omani foreign minister" and "Foreign Minister Badr Albusaidi" of the same state are
// one person.
void ArticleRun::merge_unnamed_persons() {
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    Entity& u = entities_[i];
    if (!u.unnamed || u.type != kPerson) continue;
    for (std::size_t j = 0; j < entities_.size(); ++j) {
      const Entity& named = entities_[j];
      if (j == i || named.unnamed || named.type != kPerson) continue;
      if (role_key(named.role) != role_key(u.role) || named.affiliation != u.affiliation) continue;
      u.merged_into = static_cast<int>(j);
      u.as_actor = false;
      break;
    }
  }
}

}  // namespace ng::extract::stage1
