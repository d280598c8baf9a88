#include "link/linker.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "rdf/vocab.hpp"

namespace ng::link {
namespace {

using store::NodeId;
using store::QuadIds;
using store::World;

std::string ng(std::string_view local) { return std::string(vocab::kNg) + std::string(local); }

// Our kind from an ng: class, with how specific it is (a Country is also an Actor and a
// Location; the most specific class wins).
std::pair<EntityKind, int> our_kind(std::string_view cls) {
  if (cls.substr(0, vocab::kNg.size()) != vocab::kNg) return {EntityKind::Unknown, 0};
  const std::string_view local = cls.substr(vocab::kNg.size());
  if (local == "Country") return {EntityKind::Country, 5};
  if (local == "City") return {EntityKind::City, 4};
  if (local == "Province") return {EntityKind::Province, 4};
  if (local == "Site") return {EntityKind::Site, 3};
  if (local == "Region") return {EntityKind::Region, 2};
  if (local == "Location") return {EntityKind::Place, 1};
  if (local == "Person") return {EntityKind::Person, 4};
  if (local == "Organization" || local == "Government" || local == "ArmedGroup" ||
      local == "MediaOutlet") {
    return {EntityKind::Organization, 3};
  }
  if (local == "Actor") return {EntityKind::Actor, 1};
  return {EntityKind::Unknown, 0};
}

// How well an external kind fits ours: 0 = must not link; 1 = the right kind; in between the
// link can at best be a skos:closeMatch.
double compatibility(EntityKind ours, EntityKind theirs) {
  using K = EntityKind;
  if (theirs == K::Unknown) return 0.5;  // no type information at all
  switch (ours) {
    case K::Country:
      return theirs == K::Country ? 1.0 : theirs == K::Place ? 0.7 : 0.0;
    case K::City:
      return theirs == K::City ? 1.0 : theirs == K::Place ? 0.7 : 0.0;
    case K::Province:
      return theirs == K::Province    ? 1.0
             : theirs == K::AdminArea ? 0.6
             : theirs == K::Place     ? 0.7
                                      : 0.0;
    case K::Region:
      return theirs == K::Province || theirs == K::AdminArea || theirs == K::Place ||
                     theirs == K::Site
                 ? 0.7
                 : 0.0;
    case K::Site:
      return theirs == K::Site ? 0.9 : theirs == K::Place ? 0.7 : theirs == K::City ? 0.5 : 0.0;
    case K::Place:
      return theirs == K::Country || theirs == K::Province || theirs == K::City  ? 0.9
             : theirs == K::AdminArea || theirs == K::Site || theirs == K::Place ? 0.8
                                                                                 : 0.0;
    case K::Person:
      return theirs == K::Person ? 1.0 : 0.0;
    case K::Organization:
      return theirs == K::Organization ? 1.0 : 0.0;
    case K::Actor:
      return theirs == K::Person || theirs == K::Organization || theirs == K::Country ? 0.8 : 0.0;
    default:
      return 0.0;
  }
}

// Prominence by GeoNames feature code: capitals and seats before ordinary places, historical
// and abandoned places last.
double feature_weight(std::string_view code) {
  if (code.empty()) return 1.0;
  const std::string_view c = code.size() > 2 ? code.substr(2) : code;
  if (c == "PPLC" || c == "PCLI") return 3.0;
  if (c == "PPLG") return 2.5;
  if (c == "PPLA" || c.rfind("PCL", 0) == 0) return 2.0;
  if (c == "PPLA2") return 1.5;
  if (c == "PPLA3" || c == "PPLA4" || c == "PPLA5") return 1.2;
  if (c == "PPLX") return 0.3;  // a section of a place
  if (c == "PPLH" || c == "PPLQ" || c == "PPLW" || c.back() == 'H') return 0.1;
  return 1.0;
}

double population_weight(std::uint64_t population) {
  return std::pow(static_cast<double>(std::max<std::uint64_t>(population, 1000)) / 1000.0, 0.4);
}

struct OurLabel {
  std::string text;
  bool alias = false;
};

struct OurEntity {
  NodeId node = nullptr;
  std::string iri;
  EntityKind kind = EntityKind::Unknown;
  int rank = 0;
  std::vector<OurLabel> labels;
  std::vector<NodeId> contexts;  // graphs and articles it appears in
  std::vector<NodeId> part_of;
  std::uint32_t linked_to = kNoEntity;
};

struct Match {
  double quality = 0;
  bool loose = false;
  bool alternate = false;
  std::string matched_label;
  std::string our_label;
};

int pass_of(EntityKind kind) {
  if (kind == EntityKind::Country) return 0;
  if (kind == EntityKind::Province) return 1;
  return 2;
}

std::string format_score(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

std::size_t LinkResult::linked() const {
  return static_cast<std::size_t>(
      std::count_if(decisions.begin(), decisions.end(), [](const auto& d) { return d.linked; }));
}

LinkResult link_entities(store::Store& ours, const std::vector<std::string>& external_files,
                         const LinkOptions& options) {
  World& world = ours.world();
  const store::NodeRef rdf_type = world.iri(vocab::kRdfType);

  // 1. Our entities: IRIs typed with an ng: actor or place class.
  std::map<std::string, OurEntity> by_iri;
  {
    QuadIds q;
    auto cursor = ours.scan_union(nullptr, rdf_type.get(), nullptr);
    while (cursor.next(q)) {
      const rdf::TermView s = World::view(q.subject);
      const rdf::TermView o = World::view(q.object);
      if (!s.is_iri() || !o.is_iri()) continue;
      const auto [kind, rank] = our_kind(o.value);
      if (kind == EntityKind::Unknown) continue;
      OurEntity& e = by_iri[std::string(s.value)];
      e.node = q.subject;
      e.iri = std::string(s.value);
      if (rank > e.rank) {
        e.kind = kind;
        e.rank = rank;
      }
    }
  }
  std::vector<OurEntity> entities;
  entities.reserve(by_iri.size());
  for (auto& [iri, e] : by_iri) entities.push_back(std::move(e));

  // 2. Their labels, contexts and containing places.
  std::vector<std::string> label_properties =
      options.label_properties.empty() ? default_label_properties() : options.label_properties;
  // Our labels are always read the ontology's way; the option is about the external data.
  std::vector<std::string> our_label_properties = default_label_properties();
  our_label_properties.push_back(ng("abbreviation"));
  std::vector<store::NodeRef> label_nodes;
  for (const auto& p : our_label_properties) label_nodes.push_back(world.iri(p));
  std::vector<store::NodeRef> mention_nodes;
  for (const char* p : {"mentions", "mentionsActor", "mentionsPlace"}) {
    mention_nodes.push_back(world.iri(ng(p)));
  }
  const store::NodeRef part_of = world.iri(ng("partOf"));
  std::unordered_map<NodeId, std::uint32_t> index_of;
  for (std::uint32_t i = 0; i < entities.size(); ++i) index_of[entities[i].node] = i;

  NameNormalizer normalizer;
  ExternalScan scan(label_properties);
  struct QueryRef {
    std::uint32_t entity;
    std::uint32_t label;
  };
  std::vector<QueryRef> queries;
  for (std::uint32_t i = 0; i < entities.size(); ++i) {
    OurEntity& e = entities[i];
    QuadIds q;
    for (std::size_t p = 0; p < label_nodes.size(); ++p) {
      auto cursor = ours.scan_union(e.node, label_nodes[p].get(), nullptr);
      while (cursor.next(q)) {
        const rdf::TermView o = World::view(q.object);
        if (!o.is_literal()) continue;
        e.labels.push_back(
            {std::string(o.value), is_alternate_label_property(our_label_properties[p])});
      }
    }
    // The primary label first, so reports and ties use it.
    std::stable_sort(e.labels.begin(), e.labels.end(),
                     [](const OurLabel& a, const OurLabel& b) { return !a.alias && b.alias; });
    std::set<std::string> keys;
    for (std::uint32_t l = 0; l < e.labels.size(); ++l) {
      std::string key = normalizer.name_key(e.labels[l].text);
      if (key.empty() || !keys.insert(key).second) continue;
      scan.add_query(key);
      queries.push_back({i, l});
    }
    auto graphs = ours.scan(e.node, rdf_type.get(), nullptr, nullptr);
    while (graphs.next(q)) e.contexts.push_back(q.graph);
    for (const auto& m : mention_nodes) {
      auto cursor = ours.scan_union(nullptr, m.get(), e.node);
      while (cursor.next(q)) e.contexts.push_back(q.subject);
    }
    std::sort(e.contexts.begin(), e.contexts.end());
    e.contexts.erase(std::unique(e.contexts.begin(), e.contexts.end()), e.contexts.end());
    auto parents = ours.scan_union(e.node, part_of.get(), nullptr);
    while (parents.next(q)) {
      if (index_of.count(q.object) != 0) e.part_of.push_back(q.object);
    }
  }

  // 3. Stream the external data once, collecting the labels that match one of ours.
  for (const auto& file : external_files) scan.scan(file);
  scan.finish();

  // 4. Best match per (entity of ours, external entity).
  std::vector<std::map<std::uint32_t, Match>> matches(entities.size());
  for (const LabelHit& hit : scan.hits()) {
    const QueryRef& ref = queries[hit.query];
    const OurLabel& ours_label = entities[ref.entity].labels[ref.label];
    if (hit.code) {
      // A code matches only a label written as an abbreviation ("U.S.", "UK"), and only a country.
      const bool abbreviation = std::none_of(ours_label.text.begin(), ours_label.text.end(),
                                             [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (!abbreviation || scan.entity(hit.entity).kind != EntityKind::Country) continue;
    }
    double quality = hit.primary ? 1.0 : 0.9;
    if (hit.loose) quality *= 0.75;
    if (ours_label.alias) quality *= 0.95;
    Match& m = matches[ref.entity][hit.entity];
    if (quality > m.quality) {
      m = {quality, hit.loose, !hit.primary || ours_label.alias, hit.label, ours_label.text};
    }
  }

  // 5. Decide, countries first, then provinces, then the rest, so that later passes can use the
  // countries and provinces of the same article.
  std::unordered_map<NodeId, std::unordered_set<std::uint32_t>> context_countries;
  std::unordered_map<NodeId, std::unordered_set<std::uint32_t>> context_provinces;
  LinkResult result;
  result.external_statements = scan.statements();
  result.external_entities = scan.described_count();
  result.decisions.resize(entities.size());
  const store::NodeRef same_as = world.iri(std::string(vocab::kOwl) + "sameAs");

  for (int pass = 0; pass < 3; ++pass) {
    for (std::uint32_t i = 0; i < entities.size(); ++i) {
      OurEntity& e = entities[i];
      if (pass_of(e.kind) != pass) continue;
      LinkDecision& d = result.decisions[i];
      d.iri = e.iri;
      d.label = e.labels.empty() ? std::string() : e.labels.front().text;
      d.kind = e.kind;
      auto in_context = [&](const auto& sets, std::uint32_t x) {
        if (x == kNoEntity) return false;
        for (NodeId c : e.contexts) {
          auto it = sets.find(c);
          if (it != sets.end() && it->second.count(x) != 0) return true;
        }
        return false;
      };
      std::vector<std::pair<std::uint32_t, double>> fits;  // (external, compatibility)
      double total = 0;
      for (const auto& [x, m] : matches[i]) {
        const ExternalEntity& ext = scan.entity(x);
        const double fit = compatibility(e.kind, ext.kind);
        if (fit <= 0) continue;
        Candidate c;
        c.iri = scan.iri(x);
        c.name = ext.name;
        c.matched_label = m.matched_label;
        c.our_label = m.our_label;
        c.kind = ext.kind;
        c.feature_code = ext.feature_code;
        c.country_code = ext.country_code;
        c.population = ext.population;
        c.loose = m.loose;
        c.alternate = m.alternate;
        double coherence = 1.0;
        if (e.kind != EntityKind::Country) {
          const std::uint32_t country = scan.country_of(x);
          if (in_context(context_countries, country)) {
            coherence *= 12;
            c.in_context = true;
          }
          if (in_context(context_provinces, ext.parent_adm1)) {
            coherence *= 2;
            c.in_context = true;
          }
          for (NodeId parent : e.part_of) {
            const std::uint32_t p = entities[index_of.at(parent)].linked_to;
            if (p == kNoEntity) continue;
            const ExternalEntity& pe = scan.entity(p);
            if (pe.kind == EntityKind::Country) {
              if (country == p) {
                coherence *= 20;
                c.in_context = true;
              } else if (country != kNoEntity) {
                coherence *= 0.1;
              }
            } else if (ext.parent_adm1 == p) {
              coherence *= 20;
              c.in_context = true;
            } else if (country != kNoEntity && country == scan.country_of(p)) {
              coherence *= 3;
            }
          }
        }
        // Their primary name before an alternate one: GeoNames records "New Delhi" as a name of
        // Delhi and "Kampala" as a former name of two other cities.
        const double name_rank = m.alternate ? 0.2 : 1.0;
        c.score = m.quality * name_rank * fit * feature_weight(ext.feature_code) *
                  population_weight(ext.population) * coherence;
        total += c.score;
        fits.emplace_back(x, fit);
        d.candidates.push_back(std::move(c));
      }
      std::vector<std::size_t> order(d.candidates.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      for (std::size_t k = 0; k < order.size(); ++k) {
        Candidate& c = d.candidates[k];
        const Match& m = matches[i].at(fits[k].first);
        c.confidence = total > 0 ? c.score / total * m.quality * fits[k].second : 0;
      }
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Candidate& ca = d.candidates[a];
        const Candidate& cb = d.candidates[b];
        if (ca.score != cb.score) return ca.score > cb.score;
        return ca.iri < cb.iri;
      });
      std::vector<Candidate> sorted;
      std::vector<std::pair<std::uint32_t, double>> sorted_fits;
      for (std::size_t k : order) {
        sorted.push_back(std::move(d.candidates[k]));
        sorted_fits.push_back(fits[k]);
      }
      d.candidates = std::move(sorted);
      if (d.candidates.empty()) continue;
      const Candidate& best = d.candidates.front();
      if (best.confidence < options.threshold) continue;
      d.linked = true;
      d.same_as =
          best.confidence >= options.same_as && !best.loose && sorted_fits.front().second >= 0.9;
      e.linked_to = sorted_fits.front().first;
      const ExternalEntity& chosen = scan.entity(e.linked_to);
      if (chosen.kind == EntityKind::Country || chosen.kind == EntityKind::Province) {
        const std::uint32_t country = scan.country_of(e.linked_to);
        for (NodeId c : e.contexts) {
          if (chosen.kind == EntityKind::Province) context_provinces[c].insert(e.linked_to);
          if (country != kNoEntity) context_countries[c].insert(country);
        }
      }
      // What the input already says (the extractor links gazetteer places itself).
      QuadIds q;
      auto stated = ours.scan_union(e.node, same_as.get(), nullptr);
      while (stated.next(q)) {
        const rdf::TermView o = World::view(q.object);
        if (!o.is_iri()) continue;
        if (o.value == best.iri) {
          d.agrees_with_input = true;
        } else if (scan.find(std::string(o.value)) != kNoEntity) {
          d.disagrees_with_input = true;
        }
      }
    }
  }
  return result;
}

std::size_t add_link_quads(store::Store& out, const LinkResult& result,
                           const LinkOptions& options) {
  World& world = out.world();
  const rdf::Term graph =
      rdf::Term::iri(options.links_graph.empty() ? kLinksGraph : options.links_graph);
  const std::string rdf_ns(vocab::kRdf);
  std::size_t n = 0;
  for (const LinkDecision& d : result.decisions) {
    if (!d.linked) continue;
    const Candidate& c = d.candidates.front();
    const rdf::Term s = rdf::Term::iri(d.iri);
    const rdf::Term p = rdf::Term::iri(d.same_as ? std::string(vocab::kOwl) + "sameAs"
                                                 : std::string(vocab::kSkos) + "closeMatch");
    const rdf::Term o = rdf::Term::iri(c.iri);
    out.add({s, p, o, graph});
    const rdf::Term node = rdf::Term::blank(world.fresh_blank_label());
    auto add = [&](const std::string& predicate, rdf::Term object) {
      out.add({node, rdf::Term::iri(predicate), std::move(object), graph});
    };
    add(std::string(vocab::kRdfType), rdf::Term::iri(rdf_ns + "Statement"));
    add(rdf_ns + "subject", s);
    add(rdf_ns + "predicate", p);
    add(rdf_ns + "object", o);
    add(ng("confidence"), rdf::Term::literal(format_score(c.confidence), vocab::kXsdDecimal));
    std::string method = c.loose ? "variant-" : "";
    method += c.alternate ? "alternate-name" : "name";
    if (compatibility(d.kind, c.kind) >= 0.9) method += "+type";
    if (c.in_context) method += "+context";
    add(ng("linkMethod"), rdf::Term::literal(method));
    add(ng("matchedLabel"), rdf::Term::literal(c.matched_label));
    add(ng("candidateCount"),
        rdf::Term::literal(std::to_string(d.candidates.size()), vocab::kXsdInteger));
    ++n;
  }
  return n;
}

void report_unlinked(const LinkResult& result, std::ostream& err, std::size_t max_candidates) {
  for (const LinkDecision& d : result.decisions) {
    if (d.linked || d.candidates.empty()) continue;
    err << "newsgraph: link: not linked <" << d.iri << "> \"" << d.label << "\" ("
        << kind_name(d.kind) << "): " << d.candidates.size() << " candidate(s)";
    for (std::size_t k = 0; k < d.candidates.size() && k < max_candidates; ++k) {
      const Candidate& c = d.candidates[k];
      err << (k == 0 ? ": " : "; ") << format_score(c.confidence) << " <" << c.iri << "> \""
          << (c.name.empty() ? c.matched_label : c.name) << "\" " << kind_name(c.kind);
      if (!c.feature_code.empty()) err << " " << c.feature_code;
      if (!c.country_code.empty()) err << " " << c.country_code;
      if (c.population > 0) err << " pop " << c.population;
    }
    err << "\n";
  }
}

}  // namespace ng::link
