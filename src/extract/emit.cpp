// Stage 1 output: the article graph as quads, each fact with its evidence sentence.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/article_run.hpp"
#include "extract/code_points.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract::stage1 {

// Appended to one string with room for the whole IRI: a concatenation allocated per part.
std::string ArticleRun::entity_iri(const Entity& e) const {
  const std::string_view ns = vocab::kNgId;
  std::string iri;
  if (e.place >= 0) {
    const std::string_view prefix = "place/gn-";
    const std::string& id = res_.gazetteer.place(static_cast<std::uint32_t>(e.place)).geonames_id;
    iri.reserve(ns.size() + prefix.size() + id.size());
    iri.append(ns).append(prefix).append(id);
    return iri;
  }
  const std::string_view kind = e.type == kPerson                 ? "person/"
                                : (bit(e.type) & kPlaceMask) != 0 ? "place/"
                                                                  : "org/";
  const std::string local = slug(e.label);
  iri.reserve(ns.size() + kind.size() + local.size());
  iri.append(ns).append(kind).append(local);
  return iri;
}

namespace {

// An IRI as a namespace and a local name (ng: + "Article"), or whole: the parts are joined in
// a buffer the Emitter reuses, not in a new string per quad.
struct IriParts {
  std::string_view ns;
  std::string_view local;
  IriParts(std::string_view ns_iri, std::string_view local_name) : ns(ns_iri), local(local_name) {}
  IriParts(std::string_view whole) : local(whole) {}    // NOLINT: implicit on purpose
  IriParts(const std::string& whole) : local(whole) {}  // NOLINT
  IriParts(const char* whole) : local(whole) {}         // NOLINT
};
IriParts ng(std::string_view local) { return {vocab::kNg, local}; }
IriParts nif(std::string_view local) { return {vocab::kNif, local}; }

// Hands each quad to the sink as views (QuadSink::add(QuadRef)): no Term is built, and a sink
// that keeps the quad copies its bytes once.
class Emitter {
 public:
  Emitter(QuadSink& sink, std::string graph) : sink_(sink), graph_(std::move(graph)) {}
  void iri(std::string_view s, IriParts p, IriParts o) {
    add(s, p, {rdf::TermKind::Iri, join(o_, o), {}, {}});
  }
  void lit(std::string_view s, IriParts p, std::string_view value, std::string_view datatype = {}) {
    add(s, p, {rdf::TermKind::Literal, value, datatype, {}});
  }
  void text(std::string_view s, IriParts p, std::string_view value) {
    add(s, p, {rdf::TermKind::Literal, value, {}, "en"});
  }
  std::size_t count() const { return count_; }

 private:
  static std::string_view join(std::string& buffer, const IriParts& iri) {
    if (iri.ns.empty()) return iri.local;
    buffer.assign(iri.ns).append(iri.local);
    return buffer;
  }
  void add(std::string_view s, const IriParts& p, const rdf::TermView& o) {
    const rdf::TermView subject{rdf::TermKind::Iri, s, {}, {}};
    const rdf::TermView predicate{rdf::TermKind::Iri, join(p_, p), {}, {}};
    sink_.add(
        rdf::QuadRef{subject, predicate, o, rdf::TermView{rdf::TermKind::Iri, graph_, {}, {}}});
    ++count_;
  }
  QuadSink& sink_;
  std::string graph_;
  std::string p_, o_;  // joined predicate and object IRIs, reused
  std::size_t count_ = 0;
};

}  // namespace

ExtractStats ArticleRun::emit(QuadSink& sink) {
  ExtractStats stats;
  stats.articles = 1;
  stats.sentences = sentences_.size();
  Emitter out(sink, graph_iri(article_.id));
  const std::string doc = article_iri(article_.id);
  const std::string_view type = vocab::kRdfType;
  out.iri(doc, type, ng("Article"));
  out.iri(doc, type, nif("Context"));
  out.lit(doc, ng("articleId"), article_.id);
  out.iri(doc, ng("graph"), graph_iri(article_.id));
  if (!article_.title.empty()) out.lit(doc, IriParts{vocab::kDcterms, "title"}, article_.title);
  if (!article_.source.empty()) out.lit(doc, ng("source"), article_.source);
  if (!article_.url.empty()) out.lit(doc, IriParts{vocab::kSchema, "url"}, article_.url);
  if (!article_.language.empty()) {
    out.lit(doc, IriParts{vocab::kDcterms, "language"}, article_.language);
  }
  if (!article_.date.empty()) out.lit(doc, ng("articleDate"), article_.date, vocab::kXsdDate);
  out.lit(doc, nif("isString"), article_.text);
  // Code-point offsets of the sentences' bounds in the original text, in one pass over it
  // (sentences come in text order; a bound before the last one restarts the count). Only these
  // are needed: a table for every byte cost more than the rest of the emission.
  std::vector<std::uint32_t> cp_begin(sentences_.size()), cp_end(sentences_.size());
  {
    std::size_t at = 0;   // byte
    std::uint32_t n = 0;  // code points in [0, at)
    const auto cp = [&](std::size_t byte) {
      if (byte < at) at = n = 0;
      const std::size_t to = std::min(byte, article_.text.size());
      if (to > at) {
        n += code_point_starts(article_.text.data() + at, to - at);
        at = to;
      }
      return n;
    };
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
      cp_begin[si] = cp(norm_.original_offset(sentences_[si].begin));
      cp_end[si] = cp(norm_.original_offset(sentences_[si].end));
    }
  }
  std::vector<bool> sentence_used(sentences_.size(), false);
  // Built once per sentence: an IRI for each piece of evidence (tens per article).
  std::vector<std::string> sentence_iris(sentences_.size());
  auto sentence_iri = [&](std::uint32_t si) -> const std::string& {
    sentence_used[si] = true;
    std::string& iri = sentence_iris[si];
    if (!iri.empty()) return iri;
    iri.reserve(doc.size() + 32);
    iri.append(doc).append("#char=");
    iri += std::to_string(cp_begin[si]);
    iri += ',';
    iri += std::to_string(cp_end[si]);
    return iri;
  };
  for (Entity& e : entities_) e.iri = entity_iri(e);
  // (stage1_handover.cpp hands stage 2 what the entity quads below state: change both.)
  for (const Entity& e : entities_) {
    if (e.merged_into >= 0) {
      const Entity& named = entities_[static_cast<std::size_t>(e.merged_into)];
      out.text(named.iri, IriParts{vocab::kSkos, "altLabel"}, e.label);
      continue;
    }
    if (!e.as_actor && !e.as_place) continue;
    const bool country =
        e.place >= 0 &&
        res_.gazetteer.place(static_cast<std::uint32_t>(e.place)).kind == PlaceKind::Country;
    out.iri(e.iri, type, ng(class_local_name(country ? kCountry : e.type)));
    out.text(e.iri, vocab::kRdfsLabel, e.label);
    for (const std::string& alt : e.alt_labels) {
      out.text(e.iri, IriParts{vocab::kSkos, "altLabel"}, alt);
    }
    if (e.as_actor) {
      out.iri(doc, ng("mentionsActor"), e.iri);
      ++stats.actors;
    }
    if (e.as_place) {
      out.iri(doc, ng("mentionsPlace"), e.iri);
      ++stats.locations;
    }
    if (!e.role.empty()) out.text(e.iri, ng("role"), e.role);
    if (e.affiliation >= 0) {
      const Entity& a = entities_[static_cast<std::size_t>(e.affiliation)];
      out.iri(e.iri, ng("affiliation"), a.iri);
      if (a.place >= 0 && e.type == kGovernment) out.iri(e.iri, ng("represents"), a.iri);
    }
    if (e.place >= 0) {
      const Place& p = res_.gazetteer.place(static_cast<std::uint32_t>(e.place));
      out.iri(e.iri, IriParts{vocab::kOwl, "sameAs"},
              "https://sws.geonames.org/" + p.geonames_id + "/");
      out.lit(e.iri, ng("geonamesId"), p.geonames_id);
      // Geocoding in the graph itself: coordinates and country from the same GeoNames record.
      if (!p.lat.empty() && !p.lon.empty()) {
        out.lit(e.iri, IriParts{vocab::kGeo, "lat"}, p.lat, vocab::kXsdDecimal);
        out.lit(e.iri, IriParts{vocab::kGeo, "long"}, p.lon, vocab::kXsdDecimal);
      }
      if (!p.country_iso2.empty()) {
        out.lit(e.iri, IriParts{vocab::kGn, "countryCode"}, p.country_iso2);
      }
      if (p.kind != PlaceKind::Country && e.as_place) {
        if (auto c = res_.gazetteer.country(p.country_iso2)) {
          out.iri(e.iri, ng("partOf"),
                  std::string(vocab::kNgId) + "place/gn-" + res_.gazetteer.place(*c).geonames_id);
        }
      }
    } else if (e.part_of >= 0) {
      out.iri(e.iri, ng("partOf"), entities_[static_cast<std::size_t>(e.part_of)].iri);
    }
    for (std::uint32_t si : e.sentences) out.iri(e.iri, ng("evidence"), sentence_iri(si));
  }
  // Referenced places of part_of that were not emitted still need a label and a type.
  for (const Entity& e : entities_) {
    if (e.as_actor || e.as_place || e.place < 0) continue;
    bool referenced = false;
    for (const Entity& o : entities_) {
      if ((o.as_place || o.as_actor) &&
          (o.affiliation >= 0 && &entities_[static_cast<std::size_t>(o.affiliation)] == &e)) {
        referenced = true;
      }
    }
    if (!referenced) continue;
    out.iri(e.iri, type, ng(class_local_name(e.type)));
    out.text(e.iri, vocab::kRdfsLabel, e.label);
  }
  const std::string event_base = std::string(vocab::kNgId) + "event/" + slug(article_.id) + "/";
  std::size_t n = 0;
  for (const Event& ev : events_) {
    if (ev.merged) continue;
    const std::string iri = event_base + std::to_string(++n);
    out.iri(iri, type, ng(ev.cls));
    out.iri(iri, ng("inArticle"), doc);
    out.iri(doc, ng("mentions"), iri);
    out.lit(
        iri, ng("trigger"),
        std::string_view(norm_.text)
            .substr(tokens_[ev.begin].begin, tokens_[ev.end - 1].end - tokens_[ev.begin].begin));
    std::set<int> seen_agents(ev.agents.begin(), ev.agents.end());
    std::set<int> seen_targets(ev.targets.begin(), ev.targets.end());
    for (int a : seen_agents) out.iri(iri, ng("agent"), entities_[static_cast<std::size_t>(a)].iri);
    for (int t : seen_targets) {
      out.iri(iri, ng("target"), entities_[static_cast<std::size_t>(t)].iri);
    }
    for (int l : ev.locations)
      out.iri(iri, ng("location"), entities_[static_cast<std::size_t>(l)].iri);
    for (int l : ev.context) {
      out.iri(iri, ng("locationContext"), entities_[static_cast<std::size_t>(l)].iri);
    }
    if (!ev.time_text.empty()) out.lit(iri, ng("timeText"), ev.time_text);
    if (!ev.date.empty()) {
      const std::string_view dt = ev.date.size() == 10  ? vocab::kXsdDate
                                  : ev.date.size() == 7 ? vocab::kXsdGYearMonth
                                                        : vocab::kXsdGYear;
      out.lit(iri, ng("date"), ev.date, dt);
    }
    for (const auto& [figure, value] : ev.figures) {
      const bool numeric =
          !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) {
        out.lit(iri, ng(figure), value, vocab::kXsdNonNegativeInteger);
      } else {
        out.lit(iri, ng("vagueAmount"), value);
      }
    }
    if (!ev.qualifier.empty()) out.lit(iri, ng("qualifier"), ev.qualifier);
    out.iri(iri, ng("evidence"), sentence_iri(ev.sentence));
    for (std::uint32_t more : ev.more_sentences) out.iri(iri, ng("evidence"), sentence_iri(more));
    ++stats.events;
  }
  for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
    if (!sentence_used[si]) continue;
    const Sentence& s = sentences_[si];
    const std::size_t b = norm_.original_offset(s.begin);
    const std::size_t e = norm_.original_offset(s.end);
    const std::string& iri = sentence_iri(si);
    out.iri(iri, type, ng("Sentence"));
    out.iri(iri, nif("referenceContext"), doc);
    out.lit(iri, nif("beginIndex"), std::to_string(cp_begin[si]), vocab::kXsdNonNegativeInteger);
    out.lit(iri, nif("endIndex"), std::to_string(cp_end[si]), vocab::kXsdNonNegativeInteger);
    out.lit(iri, nif("anchorOf"), std::string_view(article_.text).substr(b, e - b));
    if (s.in_quote) out.lit(iri, ng("insideQuote"), "true", vocab::kXsdBoolean);
  }
  stats.triples = out.count();
  sentences_written_ = std::move(sentence_used);
  return stats;
}

}  // namespace ng::extract::stage1
