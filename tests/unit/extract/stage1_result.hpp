// Stage 1 run over one invented article, with the lookups the mechanism tests share
// (heldout5_mechanisms_test, heldout7_events_test).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "both_stages.hpp"
#include "extract/extractor.hpp"
#include "rdf/vocab.hpp"

namespace ng_test {

// "Class@Place" for every event among `stage1` (a node with ng:inArticle) and each of its
// places, "Class@-" for one without a place; `run` answers objects() and label().
template <typename Run>
std::multiset<std::string> events_with_places(const Run& run,
                                              const std::vector<ng::rdf::Quad>& stage1) {
  std::multiset<std::string> out;
  for (const auto& q : stage1) {
    if (q.predicate.value != ng::vocab::kRdfType) continue;
    if (run.objects(q.subject.value, ng_term("inArticle")).empty()) continue;
    const std::string cls = q.object.value.substr(q.object.value.find('#') + 1);
    const auto where = run.objects(q.subject.value, ng_term("location"));
    if (where.empty()) out.insert(cls + "@-");
    for (const std::string& w : where) out.insert(cls + "@" + run.label(w));
  }
  return out;
}

// Stage 1 over one article (dated Tuesday 2026-03-10), and what the mechanism tests ask of its
// quads: labels by class, objects, and events with their places.
// One article dated Tuesday 2026-03-10, as every mechanism test reads it.
inline ng::extract::Article test_article(const std::string& text, const std::string& id) {
  ng::extract::Article a;
  a.id = id;
  a.date = "2026-03-10";
  a.text = text;
  return a;
}

struct Stage1Result {
  ng::extract::VectorSink sink;
  Stage1Result(const std::string& text, const std::string& id) {
    stages().stage1.extract(test_article(text, id), sink);
  }
  std::string label(const std::string& iri) const {
    for (const auto& q : sink.quads) {
      if (q.subject.value == iri && q.predicate.value == ng::vocab::kRdfsLabel) {
        return q.object.value;
      }
    }
    return iri;
  }
  std::set<std::string> labels(const std::string& cls) const {
    std::set<std::string> out;
    for (const auto& q : sink.quads) {
      if (q.predicate.value == ng::vocab::kRdfType && q.object.value == ng_term(cls)) {
        out.insert(label(q.subject.value));
      }
    }
    return out;
  }
  std::vector<std::string> objects(const std::string& s, const std::string& p) const {
    std::vector<std::string> v;
    for (const auto& q : sink.quads) {
      if (q.subject.value == s && q.predicate.value == p) v.push_back(q.object.value);
    }
    return v;
  }
  // "Class@Place" for every event and each of its places, "Class@-" for one without a place.
  std::multiset<std::string> events() const { return events_with_places(*this, sink.quads); }
};

inline bool has(const std::set<std::string>& s, const std::string& x) { return s.count(x) > 0; }

// Is `x` ("Class@Place", as events() gives them) one of `events`?
inline bool has_event(const std::multiset<std::string>& events, const std::string& x) {
  return events.count(x) > 0;
}

// Has `events` an event of class `cls`, at any place?
inline bool has_class(const std::multiset<std::string>& events, std::string_view cls) {
  const std::string prefix = std::string(cls) + "@";
  for (const std::string& e : events) {
    if (e.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace ng_test
