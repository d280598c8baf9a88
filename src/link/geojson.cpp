#include "link/geojson.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

#include "rdf/term.hpp"
#include "rdf/vocab.hpp"

namespace ng::link {
namespace {

using store::NodeId;
using store::QuadIds;
using store::World;

std::string ng(std::string_view local) { return std::string(vocab::kNg) + std::string(local); }

class Reader {
 public:
  explicit Reader(const store::Store& store) : store_(store) {}

  // Interns a predicate and keeps it alive while the reader lives.
  NodeId predicate(World& world, const std::string& iri) {
    refs_.push_back(world.iri(iri));
    return refs_.back().get();
  }

  std::vector<NodeId> objects(NodeId s, NodeId p) const {
    std::vector<NodeId> out;
    QuadIds q;
    auto c = store_.scan_union(s, p, nullptr);
    while (c.next(q)) out.push_back(q.object);
    return out;
  }
  std::vector<NodeId> subjects(NodeId p, NodeId o) const {
    std::vector<NodeId> out;
    QuadIds q;
    auto c = store_.scan_union(nullptr, p, o);
    while (c.next(q)) out.push_back(q.subject);
    return out;
  }
  std::optional<std::string> literal(NodeId s, NodeId p) const {
    for (NodeId o : objects(s, p)) {
      const rdf::TermView v = World::view(o);
      if (v.is_literal()) return std::string(v.value);
    }
    return std::nullopt;
  }

 private:
  const store::Store& store_;
  std::vector<store::NodeRef> refs_;
};

std::optional<double> number(const std::optional<std::string>& lexical) {
  if (!lexical) return std::nullopt;
  double v = 0;
  const char* b = lexical->data();
  const char* e = b + lexical->size();
  if (b != e && *b == '+') ++b;
  auto [ptr, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || ptr != e || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string json_number(double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, ptr) : "0";
}

std::string json_or_null(const std::optional<std::string>& s) {
  return s ? rdf::json_quote(*s) : "null";
}

}  // namespace

GeoJsonStats write_geojson(const store::Store& store, std::ostream& out) {
  // The store is only read; interning the predicates needs the (mutable) world.
  World& world = const_cast<store::Store&>(store).world();
  Reader r(store);
  const NodeId location = r.predicate(world, ng("location"));
  const NodeId type = r.predicate(world, std::string(vocab::kRdfType));
  const NodeId date = r.predicate(world, ng("date"));
  const NodeId time_text = r.predicate(world, ng("timeText"));
  const NodeId evidence = r.predicate(world, ng("evidence"));
  const NodeId anchor = r.predicate(world, std::string(vocab::kNif) + "anchorOf");
  const NodeId in_article = r.predicate(world, ng("inArticle"));
  const NodeId article_id = r.predicate(world, ng("articleId"));
  const NodeId trigger = r.predicate(world, ng("trigger"));
  const NodeId label = r.predicate(world, std::string(vocab::kRdfsLabel));
  const NodeId lat = r.predicate(world, std::string(vocab::kGeo) + "lat");
  const NodeId lon = r.predicate(world, std::string(vocab::kGeo) + "long");
  const NodeId same_as = r.predicate(world, std::string(vocab::kOwl) + "sameAs");
  const NodeId close_match = r.predicate(world, std::string(vocab::kSkos) + "closeMatch");

  struct Coordinates {
    double lat, lon;
    NodeId from;
  };
  auto coordinates_of = [&](NodeId node) -> std::optional<Coordinates> {
    auto la = number(r.literal(node, lat));
    auto lo = number(r.literal(node, lon));
    if (la && lo && std::fabs(*la) <= 90 && std::fabs(*lo) <= 180)
      return Coordinates{*la, *lo, node};
    return std::nullopt;
  };
  auto find_coordinates = [&](NodeId place) -> std::optional<Coordinates> {
    if (auto c = coordinates_of(place)) return c;
    for (NodeId p : {same_as, close_match}) {
      std::vector<NodeId> others = r.objects(place, p);
      for (NodeId o : r.subjects(p, place)) others.push_back(o);
      std::sort(others.begin(), others.end(),
                [](NodeId a, NodeId b) { return World::view(a).value < World::view(b).value; });
      for (NodeId o : others) {
        if (auto c = coordinates_of(o)) return c;
      }
    }
    return std::nullopt;
  };

  // Events: subjects of ng:location, in IRI order.
  std::map<std::string, NodeId> events;
  {
    QuadIds q;
    auto c = store.scan_union(nullptr, location, nullptr);
    while (c.next(q)) events.emplace(rdf::to_ntriples(World::view(q.subject)), q.subject);
  }
  GeoJsonStats stats;
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  for (const auto& [key, event] : events) {
    ++stats.events;
    std::optional<std::string> cls;
    for (NodeId t : r.objects(event, type)) {
      const rdf::TermView v = World::view(t);
      if (!v.is_iri() || v.value.substr(0, vocab::kNg.size()) != vocab::kNg) continue;
      std::string local(v.value.substr(vocab::kNg.size()));
      if (!cls || *cls == "Event") cls = local;
    }
    std::optional<std::string> sentence;
    for (NodeId s : r.objects(event, evidence)) {
      if ((sentence = r.literal(s, anchor))) break;
    }
    std::optional<std::string> article;
    for (NodeId a : r.objects(event, in_article)) {
      article = r.literal(a, article_id);
      if (!article && World::view(a).is_iri()) article = std::string(World::view(a).value);
      if (article) break;
    }
    std::vector<NodeId> places = r.objects(event, location);
    std::sort(places.begin(), places.end(),
              [](NodeId a, NodeId b) { return World::view(a).value < World::view(b).value; });
    for (NodeId place : places) {
      const auto c = find_coordinates(place);
      if (!c) {
        ++stats.locations_without_coordinates;
        continue;
      }
      const rdf::TermView ev = World::view(event);
      const rdf::TermView pv = World::view(place);
      const rdf::TermView fv = World::view(c->from);
      out << (first ? "\n" : ",\n");
      first = false;
      out << "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
          << json_number(c->lon) << "," << json_number(c->lat) << "]},\"properties\":{"
          << "\"event\":" << rdf::json_quote(ev.value) << ",\"type\":" << json_or_null(cls)
          << ",\"date\":" << json_or_null(r.literal(event, date))
          << ",\"time\":" << json_or_null(r.literal(event, time_text))
          << ",\"place\":" << json_or_null(r.literal(place, label))
          << ",\"place_iri\":" << rdf::json_quote(pv.value)
          << ",\"coordinates_from\":" << rdf::json_quote(fv.value)
          << ",\"evidence\":" << json_or_null(sentence) << ",\"article\":" << json_or_null(article)
          << ",\"trigger\":" << json_or_null(r.literal(event, trigger)) << "}}";
      ++stats.features;
    }
  }
  out << (first ? "" : "\n") << "]}\n";
  return stats;
}

}  // namespace ng::link
