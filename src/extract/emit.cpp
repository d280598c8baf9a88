// Stage 1 output: the article graph as quads, each fact with its evidence sentence.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/article_run.hpp"
#include "extract/code_points.hpp"
#include "rdf/known_iris.hpp"
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

// The predicates and classes named below as rdf::KnownIris, looked up once per process: the
// quad buffer and the store's sink tell them by their address, without copying or hashing them.
std::string_view known(std::string_view ns, std::string_view local) {
  return rdf::KnownIris::intern(std::string(ns).append(local));
}
struct KnownNames {
  std::string_view affiliation = known(vocab::kNg, "affiliation");
  std::string_view agent = known(vocab::kNg, "agent");
  std::string_view alt_label = known(vocab::kSkos, "altLabel");
  std::string_view anchor_of = known(vocab::kNif, "anchorOf");
  std::string_view article = known(vocab::kNg, "Article");
  std::string_view article_date = known(vocab::kNg, "articleDate");
  std::string_view article_id = known(vocab::kNg, "articleId");
  std::string_view begin_index = known(vocab::kNif, "beginIndex");
  std::string_view context = known(vocab::kNif, "Context");
  std::string_view country_code = known(vocab::kGn, "countryCode");
  std::string_view date = known(vocab::kNg, "date");
  std::string_view end_index = known(vocab::kNif, "endIndex");
  std::string_view evidence = known(vocab::kNg, "evidence");
  std::string_view geonames_id = known(vocab::kNg, "geonamesId");
  std::string_view graph = known(vocab::kNg, "graph");
  std::string_view in_article = known(vocab::kNg, "inArticle");
  std::string_view inside_quote = known(vocab::kNg, "insideQuote");
  std::string_view is_string = known(vocab::kNif, "isString");
  std::string_view label = known(vocab::kRdfs, "label");
  std::string_view language = known(vocab::kDcterms, "language");
  std::string_view lat = known(vocab::kGeo, "lat");
  std::string_view location = known(vocab::kNg, "location");
  std::string_view location_context = known(vocab::kNg, "locationContext");
  std::string_view long_name = known(vocab::kGeo, "long");
  std::string_view mentions = known(vocab::kNg, "mentions");
  std::string_view mentions_actor = known(vocab::kNg, "mentionsActor");
  std::string_view mentions_place = known(vocab::kNg, "mentionsPlace");
  std::string_view part_of = known(vocab::kNg, "partOf");
  std::string_view qualifier = known(vocab::kNg, "qualifier");
  std::string_view reference_context = known(vocab::kNif, "referenceContext");
  std::string_view represents = known(vocab::kNg, "represents");
  std::string_view role = known(vocab::kNg, "role");
  std::string_view same_as = known(vocab::kOwl, "sameAs");
  std::string_view sentence = known(vocab::kNg, "Sentence");
  std::string_view source = known(vocab::kNg, "source");
  std::string_view target = known(vocab::kNg, "target");
  std::string_view time_text = known(vocab::kNg, "timeText");
  std::string_view title = known(vocab::kDcterms, "title");
  std::string_view trigger = known(vocab::kNg, "trigger");
  std::string_view type = known(vocab::kRdf, "type");
  std::string_view url = known(vocab::kSchema, "url");
  std::string_view vague_amount = known(vocab::kNg, "vagueAmount");
};
const KnownNames& known_names() {
  static const KnownNames names;
  return names;
}

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
  const KnownNames& k = known_names();
  Emitter out(sink, graph_iri(article_.id));
  const std::string doc = article_iri(article_.id);
  out.iri(doc, k.type, k.article);
  out.iri(doc, k.type, k.context);
  out.lit(doc, k.article_id, article_.id);
  out.iri(doc, k.graph, graph_iri(article_.id));
  if (!article_.title.empty()) out.lit(doc, k.title, article_.title);
  if (!article_.source.empty()) out.lit(doc, k.source, article_.source);
  if (!article_.url.empty()) out.lit(doc, k.url, article_.url);
  if (!article_.language.empty()) {
    out.lit(doc, k.language, article_.language);
  }
  if (!article_.date.empty()) out.lit(doc, k.article_date, article_.date, vocab::kXsdDate);
  out.lit(doc, k.is_string, article_.text);
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
      out.text(named.iri, k.alt_label, e.label);
      continue;
    }
    if (!e.as_actor && !e.as_place) continue;
    const bool country =
        e.place >= 0 &&
        res_.gazetteer.place(static_cast<std::uint32_t>(e.place)).kind == PlaceKind::Country;
    out.iri(e.iri, k.type, ng(class_local_name(country ? kCountry : e.type)));
    out.text(e.iri, k.label, e.label);
    for (const std::string& alt : e.alt_labels) {
      out.text(e.iri, k.alt_label, alt);
    }
    if (e.as_actor) {
      out.iri(doc, k.mentions_actor, e.iri);
      ++stats.actors;
    }
    if (e.as_place) {
      out.iri(doc, k.mentions_place, e.iri);
      ++stats.locations;
    }
    if (!e.role.empty()) out.text(e.iri, k.role, e.role);
    if (e.affiliation >= 0) {
      const Entity& a = entities_[static_cast<std::size_t>(e.affiliation)];
      out.iri(e.iri, k.affiliation, a.iri);
      if (a.place >= 0 && e.type == kGovernment) out.iri(e.iri, k.represents, a.iri);
    }
    if (e.place >= 0) {
      const Place& p = res_.gazetteer.place(static_cast<std::uint32_t>(e.place));
      out.iri(e.iri, k.same_as, "https://sws.geonames.org/" + p.geonames_id + "/");
      out.lit(e.iri, k.geonames_id, p.geonames_id);
      // Geocoding in the graph itself: coordinates and country from the same GeoNames record.
      if (!p.lat.empty() && !p.lon.empty()) {
        out.lit(e.iri, k.lat, p.lat, vocab::kXsdDecimal);
        out.lit(e.iri, k.long_name, p.lon, vocab::kXsdDecimal);
      }
      if (!p.country_iso2.empty()) {
        out.lit(e.iri, k.country_code, p.country_iso2);
      }
      if (p.kind != PlaceKind::Country && e.as_place) {
        if (auto c = res_.gazetteer.country(p.country_iso2)) {
          out.iri(e.iri, k.part_of,
                  std::string(vocab::kNgId) + "place/gn-" + res_.gazetteer.place(*c).geonames_id);
        }
      }
    } else if (e.part_of >= 0) {
      out.iri(e.iri, k.part_of, entities_[static_cast<std::size_t>(e.part_of)].iri);
    }
    for (std::uint32_t si : e.sentences) out.iri(e.iri, k.evidence, sentence_iri(si));
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
    out.iri(e.iri, k.type, ng(class_local_name(e.type)));
    out.text(e.iri, k.label, e.label);
  }
  const std::string event_base = std::string(vocab::kNgId) + "event/" + slug(article_.id) + "/";
  std::size_t n = 0;
  for (const Event& ev : events_) {
    if (ev.merged) continue;
    const std::string iri = event_base + std::to_string(++n);
    out.iri(iri, k.type, ng(ev.cls));
    out.iri(iri, k.in_article, doc);
    out.iri(doc, k.mentions, iri);
    out.lit(
        iri, k.trigger,
        std::string_view(norm_.text)
            .substr(tokens_[ev.begin].begin, tokens_[ev.end - 1].end - tokens_[ev.begin].begin));
    std::set<int> seen_agents(ev.agents.begin(), ev.agents.end());
    std::set<int> seen_targets(ev.targets.begin(), ev.targets.end());
    for (int a : seen_agents) out.iri(iri, k.agent, entities_[static_cast<std::size_t>(a)].iri);
    for (int t : seen_targets) {
      out.iri(iri, k.target, entities_[static_cast<std::size_t>(t)].iri);
    }
    for (int l : ev.locations) out.iri(iri, k.location, entities_[static_cast<std::size_t>(l)].iri);
    for (int l : ev.context) {
      out.iri(iri, k.location_context, entities_[static_cast<std::size_t>(l)].iri);
    }
    if (!ev.time_text.empty()) out.lit(iri, k.time_text, ev.time_text);
    if (!ev.date.empty()) {
      const std::string_view dt = ev.date.size() == 10  ? vocab::kXsdDate
                                  : ev.date.size() == 7 ? vocab::kXsdGYearMonth
                                                        : vocab::kXsdGYear;
      out.lit(iri, k.date, ev.date, dt);
    }
    for (const auto& [figure, value] : ev.figures) {
      const bool numeric =
          !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) {
        out.lit(iri, ng(figure), value, vocab::kXsdNonNegativeInteger);
      } else {
        out.lit(iri, k.vague_amount, value);
      }
    }
    if (!ev.qualifier.empty()) out.lit(iri, k.qualifier, ev.qualifier);
    out.iri(iri, k.evidence, sentence_iri(ev.sentence));
    for (std::uint32_t more : ev.more_sentences) out.iri(iri, k.evidence, sentence_iri(more));
    ++stats.events;
  }
  for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
    if (!sentence_used[si]) continue;
    const Sentence& s = sentences_[si];
    const std::size_t b = norm_.original_offset(s.begin);
    const std::size_t e = norm_.original_offset(s.end);
    const std::string& iri = sentence_iri(si);
    out.iri(iri, k.type, k.sentence);
    out.iri(iri, k.reference_context, doc);
    out.lit(iri, k.begin_index, std::to_string(cp_begin[si]), vocab::kXsdNonNegativeInteger);
    out.lit(iri, k.end_index, std::to_string(cp_end[si]), vocab::kXsdNonNegativeInteger);
    out.lit(iri, k.anchor_of, std::string_view(article_.text).substr(b, e - b));
    if (s.in_quote) out.lit(iri, k.inside_quote, "true", vocab::kXsdBoolean);
  }
  stats.triples = out.count();
  sentences_written_ = std::move(sentence_used);
  return stats;
}

}  // namespace ng::extract::stage1
