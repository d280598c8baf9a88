// Both extraction stages run over one invented article, with the lookups the mechanism tests
// share (generalisation_test, heldout8_mechanisms_test).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "both_stages.hpp"
#include "extract/extractor.hpp"
#include "extract/stage2.hpp"
#include "rdf/vocab.hpp"
#include "stage1_result.hpp"

namespace ng_test {

// Both stages over one article dated Tuesday 2026-03-10, and what the mechanism tests ask of
// its quads.
struct TwoStageRun {
  ng::extract::VectorSink s1;
  ng::extract::VectorSink s2;
  TwoStageRun(const std::string& text, const std::string& id) {
    const ng::extract::Article a = test_article(text, id);
    stages().stage1.extract(a, s1);
    stages().stage2.extract(a, s1.quads, s2);
  }
  std::string label(const std::string& iri) const {
    for (const ng::extract::VectorSink* s : {&s1, &s2}) {
      for (const auto& q : s->quads) {
        if (q.subject.value == iri && q.predicate.value == ng::vocab::kRdfsLabel)
          return q.object.value;
      }
    }
    return iri;
  }
  std::vector<std::string> objects(const std::string& s, const std::string& p) const {
    std::vector<std::string> v;
    for (const ng::extract::VectorSink* sink : {&s1, &s2}) {
      for (const auto& q : sink->quads) {
        if (q.subject.value == s && q.predicate.value == p) v.push_back(q.object.value);
      }
    }
    return v;
  }
  std::vector<std::string> of_type(const std::string& cls) const {
    std::vector<std::string> v;
    for (const ng::extract::VectorSink* sink : {&s1, &s2}) {
      for (const auto& q : sink->quads) {
        if (q.predicate.value == ng::vocab::kRdfType && q.object.value == ng_term(cls)) {
          v.push_back(q.subject.value);
        }
      }
    }
    return v;
  }
  std::set<std::string> labels(const std::string& cls) const {
    std::set<std::string> out;
    for (const std::string& s : of_type(cls)) out.insert(label(s));
    return out;
  }
  // "Class@Place" for every event and each of its places.
  std::set<std::string> events() const {
    std::set<std::string> out;
    for (const auto& q : s1.quads) {
      if (q.predicate.value != ng::vocab::kRdfType) continue;
      const auto where = objects(q.subject.value, ng_term("location"));
      if (where.empty()) continue;
      const std::string cls = q.object.value.substr(q.object.value.find('#') + 1);
      for (const std::string& w : where) out.insert(cls + "@" + label(w));
    }
    return out;
  }
  // "Class@Place" for every event and each of its places, "Class@-" for one without a place.
  std::multiset<std::string> all_events() const { return events_with_places(*this, s1.quads); }
  // "Class@Place/date" for every event and each of its places ("-" for none).
  std::multiset<std::string> dated_events() const {
    std::multiset<std::string> out;
    for (const auto& q : s1.quads) {
      if (q.predicate.value != ng::vocab::kRdfType) continue;
      if (objects(q.subject.value, ng_term("inArticle")).empty()) continue;
      const std::string cls = q.object.value.substr(q.object.value.find('#') + 1);
      const auto dates = objects(q.subject.value, ng_term("date"));
      const std::string date = dates.empty() ? "-" : dates.front();
      const auto where = objects(q.subject.value, ng_term("location"));
      if (where.empty()) out.insert(cls + "@-/" + date);
      for (const std::string& w : where) out.insert(cls + "@" + label(w) + "/" + date);
    }
    return out;
  }
  std::vector<std::string> event_dates() const {
    std::vector<std::string> v;
    for (const auto& q : s1.quads) {
      if (q.predicate.value == ng_term("date")) v.push_back(q.object.value);
    }
    return v;
  }
  std::set<std::string> mediations() const {
    std::set<std::string> out;
    for (const std::string& m : of_type("MediationEffort")) {
      std::vector<std::string> parties;
      for (const std::string& p : objects(m, ng_term("party"))) parties.push_back(label(p));
      std::sort(parties.begin(), parties.end());
      const std::string status = objects(m, ng_term("mediationStatus")).front();
      for (const std::string& med : objects(m, ng_term("mediator"))) {
        out.insert(label(med) + ": " + parties.at(0) + "/" + parties.at(1) + " " +
                   status.substr(status.find('#') + 1));
      }
    }
    return out;
  }
  // "claimant: killed/wounded/victims" of every casualty figure.
  std::set<std::string> figures() const {
    std::set<std::string> out;
    for (const auto& q : s2.quads) {
      if (q.predicate.value != ng_term("figures")) continue;
      const auto who = objects(q.subject.value, ng_term("claimant"));
      auto one = [&](const char* p) {
        auto v = objects(q.object.value, ng_term(p));
        return v.empty() ? std::string() : v.front();
      };
      out.insert((who.empty() ? std::string() : label(who.front())) + ": " + one("killed") + "/" +
                 one("wounded") + "/" + one("victims"));
    }
    return out;
  }
  std::set<std::string> claims() const {
    std::set<std::string> out;
    for (const auto& q : s2.quads) {
      if (q.predicate.value != ng_term("claimant")) continue;
      for (const auto& t : s2.quads) {
        if (t.subject == q.subject && t.predicate.value == ng::vocab::kRdfType) {
          out.insert(label(q.object.value) + " " +
                     t.object.value.substr(t.object.value.find('#') + 1));
        }
      }
    }
    return out;
  }
  // "claimant Type -> target" of every claim ("-" for no target).
  std::set<std::string> claims_with_targets() const {
    std::set<std::string> out;
    for (const auto& q : s2.quads) {
      if (q.predicate.value != ng_term("claimant")) continue;
      const auto targets = objects(q.subject.value, ng_term("target"));
      const std::string target = targets.empty() ? std::string("-") : label(targets.front());
      for (const auto& t : s2.quads) {
        if (t.subject == q.subject && t.predicate.value == ng::vocab::kRdfType) {
          out.insert(label(q.object.value) + " " +
                     t.object.value.substr(t.object.value.find('#') + 1) + " -> " + target);
        }
      }
    }
    return out;
  }
};

// A claim of `type` by `who` among claims_with_targets() ("who type -> target").
inline bool has_type(const std::set<std::string>& s, const std::string& who,
                     const std::string& type) {
  for (const std::string& c : s) {
    if (c.rfind(who + " " + type + " ", 0) == 0) return true;
  }
  return false;
}

// Any row of `rows` ("who ..." claims, "who: ..." figures and mediations) opening with `who`.
inline bool any_by(const std::set<std::string>& rows, const std::string& who) {
  for (const std::string& c : rows) {
    if (c.rfind(who + " ", 0) == 0 || c.rfind(who + ": ", 0) == 0) return true;
  }
  return false;
}

// Any row of `rows` holding `text` anywhere (a party or victims, not only the row's first name).
inline bool any_with(const std::set<std::string>& rows, const std::string& text) {
  for (const std::string& r : rows) {
    if (r.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace ng_test
