#include "extract/resolution.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "extract/text.hpp"
#include "rdf/string_hash.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {
namespace {

std::string ng(std::string_view local) { return std::string(vocab::kNg) + std::string(local); }

std::string local_name(std::string_view iri) {
  const auto pos = iri.find_last_of("#/");
  return std::string(pos == std::string_view::npos ? iri : iri.substr(pos + 1));
}

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : fold_key(name)) {
    if (c == ' ' || c == '-' || c == '.' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

struct Node {
  std::string cls;
  std::set<std::string> labels;  // rdfs:label and skos:altLabel, every graph
  std::set<std::string> graphs;
  const std::string* last_graph = nullptr;  // the graph inserted last (a cheap repeat test)
  std::string affiliation;
  bool actor = false;
};

// Acronyms ("TTP") name one group only: two groups sharing one are the same group.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool acronym(const std::string& s) {
  if (s.size() < 2 || s.size() > 6) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
}

bool same_group_name(const std::string& a, const std::string& b) {
  const auto ta = name_tokens(a);
  const auto tb = name_tokens(b);
  if (ta.size() != tb.size() || ta.size() < 2) return false;
  for (std::size_t i = 0; i < ta.size(); ++i) {
    if (jaro_winkler(phonetic_key(ta[i]), phonetic_key(tb[i])) < 0.85) return false;
  }
  return true;
}

}  // namespace

std::string resolution_graph_iri() { return std::string(vocab::kNgId) + "graph/resolution"; }

std::string phonetic_key(std::string_view word) {
  const std::string w = fold_key(word);
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if ((c == 'k' || c == 'g' || c == 'd' || c == 't') && next == 'h') {
      out += c;  // kh->k, gh->g, dh->d, th->t
      ++i;
      continue;
    }
    if (c == 'p' && next == 'h') {
      out += 'f';
      ++i;
      continue;
    }
    if (c == 'h' && i > 0 && w[i - 1] != 's' && w[i - 1] != 'c') continue;  // Zabi(h)ullah
    if (c == 'y') c = 'i';
    if (c == 'o' && (next == 'u' || next == 'o')) {
      c = 'u';
      ++i;
    } else if (c == 'e' && next == 'e') {
      c = 'i';
      ++i;
    }
    if (!out.empty() && out.back() == c) continue;  // doubled letters
    // A vowel after a vowel is a transliteration glide (Haibatullah / Hibatullah).
    if (!out.empty() && is_vowel(c) && is_vowel(out.back())) continue;
    out += c;
  }
  return out;
}

double jaro_winkler(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a == b ? 1.0 : 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> ma(a.size(), false);
  std::vector<bool> mb(b.size(), false);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (mb[j] || a[i] != b[j]) continue;
      ma[i] = mb[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t t = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!ma[i]) continue;
    while (!mb[j]) ++j;
    if (a[i] != b[j]) ++t;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(t) / 2.0) / m) /
                      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

bool same_person_name(std::string_view a, std::string_view b) {
  std::vector<std::string> ta = name_tokens(a);
  std::vector<std::string> tb = name_tokens(b);
  if (ta.size() < 2 || tb.size() < 2) return false;
  for (auto& t : ta) t = phonetic_key(t);
  for (auto& t : tb) t = phonetic_key(t);
  if (ta.size() > tb.size()) std::swap(ta, tb);
  constexpr double kSame = 0.9;
  auto same = [&](const std::string& x, const std::string& y) {
    // One edit apart in a long key is a spelling, not another name (Hibatullah / Haibatullah).
    return jaro_winkler(x, y) >= kSame ||
           (std::min(x.size(), y.size()) >= 6 && edit_distance(x, y) <= 1);
  };
  if (!same(ta.front(), tb.front()) || !same(ta.back(), tb.back())) return false;
  // Middle tokens of the shorter name must appear, in order, in the longer one; middle names
  // vary more in spelling (Muhammad / Mohammad), so they need less similarity.
  auto same_middle = [&](const std::string& x, const std::string& y) {
    return jaro_winkler(x, y) >= 0.75;
  };
  std::size_t j = 1;
  for (std::size_t i = 1; i + 1 < ta.size(); ++i) {
    while (j + 1 < tb.size() && !same_middle(ta[i], tb[j])) ++j;
    if (j + 1 >= tb.size()) return false;
    ++j;
  }
  return true;
}

bool resolution_reads(const rdf::Quad& quad) { return resolution_reads(rdf::ref_of(quad)); }

bool resolution_reads(const rdf::QuadRef& q) {
  // What the passes of resolve_across_articles read (actors, events, claims and figures), by
  // predicate: one lookup rejects most quads (a fifth are read), then the subject decides.
  enum Reader : unsigned { kActor = 1, kEvent = 2, kClaim = 4 };
  static const std::unordered_map<std::string, unsigned, rdf::PredicateHash, std::equal_to<>>
      readers = {{std::string(vocab::kRdfType), kActor | kEvent},
                 {std::string(vocab::kRdfsLabel), kActor},
                 {std::string(vocab::kSkos) + "altLabel", kActor},
                 {ng("affiliation"), kActor},
                 {ng("inArticle"), kEvent},
                 {ng("location"), kEvent},
                 {ng("agent"), kEvent},
                 {ng("date"), kEvent},
                 {ng("claimant"), kClaim},
                 {ng("figures"), kClaim},
                 {ng("articleDate"), kClaim},
                 {ng("killed"), kClaim},
                 {ng("wounded"), kClaim},
                 {ng("victims"), kClaim}};
  static const std::string person_prefix = std::string(vocab::kNgId) + "person/";
  static const std::string org_prefix = std::string(vocab::kNgId) + "org/";
  static const std::string event_prefix = std::string(vocab::kNgId) + "event/";
  const auto it = readers.find(q.predicate.value);
  if (it == readers.end()) return false;
  const unsigned read_by = it->second;
  if ((read_by & kClaim) != 0) return true;
  const std::string_view s = q.subject.value;
  const bool actor =
      q.subject.is_iri() && (s.starts_with(person_prefix) || s.starts_with(org_prefix));
  return ((read_by & kActor) != 0 && actor) ||
         ((read_by & kEvent) != 0 && s.starts_with(event_prefix));
}

ResolutionStats resolve_across_articles(std::vector<QuadView>& all, QuadSink& out,
                                        std::vector<std::pair<std::string, std::string>>* renamed) {
  ResolutionStats stats;
  const std::string graph = resolution_graph_iri();
  auto emit = [&](const std::string& s, const std::string& p, rdf::Term o) {
    out.add(rdf::Quad{rdf::Term::iri(s), rdf::Term::iri(p), std::move(o), rdf::Term::iri(graph)});
  };
  const std::string type = std::string(vocab::kRdfType);
  const std::string label = std::string(vocab::kRdfsLabel);
  const std::string alt = std::string(vocab::kSkos) + "altLabel";
  const std::string person_prefix = std::string(vocab::kNgId) + "person/";
  const std::string org_prefix = std::string(vocab::kNgId) + "org/";
  // Predicates compared on every quad, built once.
  const std::string ng_ns = std::string(vocab::kNg);
  const std::string p_affiliation = ng("affiliation");
  const std::string p_in_article = ng("inArticle");
  const std::string p_location = ng("location");
  const std::string p_agent = ng("agent");
  const std::string p_date = ng("date");
  const std::string p_claimant = ng("claimant");
  const std::string p_figures = ng("figures");
  const std::string p_article_date = ng("articleDate");
  const std::string p_killed = ng("killed");
  const std::string p_wounded = ng("wounded");
  const std::string p_victims = ng("victims");

  // ---- actors
  // Hashed while collecting (the IRIs share long prefixes, which makes ordered lookups slow);
  // the candidates are sorted below, so everything downstream sees the IRI order.
  std::unordered_map<std::string, Node> nodes;
  std::string_view last_subject;
  Node* last_node = nullptr;
  // One pass over every quad also picks out, in order, the few quads the later steps read (a
  // pass over all quads costs more than the work on the ones it keeps): quads that may need an
  // actor IRI rewritten, quads about events, and quads about claims and their figures. The
  // later steps read them after the rewrite, as they would have read `all`. resolution_reads()
  // must accept every quad these tests (and the actor test below) pick.
  const std::string event_prefix = std::string(vocab::kNgId) + "event/";
  auto rewritable = [&](std::string_view iri, bool is_iri) {
    return is_iri && (iri.starts_with(person_prefix) || iri.starts_with(org_prefix));
  };
  std::vector<QuadView*> rewrite_quads, event_quads, claim_quads, amount_quads;
  for (QuadView& q : all) {
    const std::string_view s = q.subject;
    const std::string_view pv = q.predicate;
    if (rewritable(q.subject, q.subject_is_iri) || rewritable(q.object, q.object_is_iri)) {
      rewrite_quads.push_back(&q);
    }
    if (s.starts_with(event_prefix)) event_quads.push_back(&q);
    if (pv == p_claimant || pv == p_figures || pv == p_article_date) claim_quads.push_back(&q);
    if (pv == p_killed || pv == p_wounded || pv == p_victims) amount_quads.push_back(&q);
    if (!s.starts_with(person_prefix) && !s.starts_with(org_prefix)) continue;
    // An article's quads about one node often come in a row.
    if (last_node == nullptr || last_subject != s) {
      last_node = &nodes[std::string(s)];
      last_subject = s;
    }
    Node& n = *last_node;
    if (q.has_graph && (n.last_graph == nullptr || *n.last_graph != q.graph)) {
      n.last_graph = &*n.graphs.emplace(q.graph).first;
    }
    if (pv == type && q.object.starts_with(ng_ns)) {
      n.cls = local_name(q.object);
    } else if (pv == label || pv == alt) {
      n.labels.emplace(q.object);
    } else if (pv == p_affiliation) {
      n.affiliation = q.object;
    }
  }
  std::vector<std::string> iris;
  for (const auto& [iri, n] : nodes) {
    if (!n.cls.empty() && !n.labels.empty()) iris.push_back(iri);
  }
  std::sort(iris.begin(), iris.end());
  UnionFind uf(iris.size());
  auto country_iri = [](const std::string& iri) {
    return iri.find("/place/gn-") != std::string::npos;
  };
  // Blocking keeps the pairwise comparison small on big corpora: only nodes of one class that
  // share the first three characters of a last name's key (persons), of a first word's key
  // (groups), or an acronym are compared.
  std::map<std::string, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < iris.size(); ++i) {
    const Node& n = nodes[iris[i]];
    std::set<std::string> keys;
    for (const std::string& l : n.labels) {
      const auto tokens = name_tokens(l);
      if (tokens.empty()) continue;
      const std::string key = phonetic_key(n.cls == "Person" ? tokens.back() : tokens.front());
      // Three characters: variants still share them (transliteration changes the middle or the
      // end of a name), and blocks stay small as the corpus grows.
      if (!key.empty()) keys.insert(n.cls + ":" + key.substr(0, 3));
      if (acronym(l)) keys.insert(n.cls + ":" + l);
    }
    for (const std::string& k : keys) blocks[k].push_back(i);
  }
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [key, members] : blocks) {
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y) pairs.emplace(members[x], members[y]);
    }
  }
  for (const auto& [i, j] : pairs) {
    const Node& a = nodes[iris[i]];
    const Node& b = nodes[iris[j]];
    if (a.cls != b.cls) continue;
    // Affiliated with two different states: two people, whatever the names.
    if (country_iri(a.affiliation) && country_iri(b.affiliation) &&
        a.affiliation != b.affiliation) {
      continue;
    }
    bool same = false;
    for (const std::string& la : a.labels) {
      for (const std::string& lb : b.labels) {
        if (a.cls == "Person") {
          // Descriptions ("Pakistan's defense minister") name an office, not a person.
          const bool described =
              la.find("'s ") != std::string::npos || lb.find("'s ") != std::string::npos ||
              la.find("\u2019s ") != std::string::npos || lb.find("\u2019s ") != std::string::npos;
          same = same || (!described && same_person_name(la, lb));
        } else {
          same = same || (acronym(la) && la == lb) || same_group_name(la, lb);
        }
      }
    }
    if (same) uf.unite(i, j);
  }
  std::map<std::size_t, std::vector<std::size_t>> clusters;
  for (std::size_t i = 0; i < iris.size(); ++i) clusters[uf.find(i)].push_back(i);
  std::unordered_map<std::string, std::string> rewrite;
  for (const auto& [root, members] : clusters) {
    if (members.size() < 2) continue;
    // Canonical: the node most articles use; ties go to the first IRI.
    std::size_t best = members.front();
    for (std::size_t m : members) {
      if (nodes[iris[m]].graphs.size() > nodes[iris[best]].graphs.size()) best = m;
    }
    const std::string& canon = iris[best];
    for (std::size_t m : members) {
      for (const std::string& l : nodes[iris[m]].labels) {
        emit(canon, alt, rdf::Term::literal(l, {}, "en"));
      }
      if (m == best) continue;
      rewrite[iris[m]] = canon;
      if (renamed) renamed->emplace_back(iris[m], canon);
      emit(canon, std::string(vocab::kOwl) + "sameAs", rdf::Term::iri(iris[m]));
      ++stats.merged_actors;
    }
  }
  // Only person and org IRIs are ever rewritten.
  if (!rewrite.empty()) {
    for (QuadView* qp : rewrite_quads) {
      QuadView& q = *qp;
      if (rewritable(q.subject, q.subject_is_iri)) {
        auto it = rewrite.find(std::string(q.subject));
        if (it != rewrite.end()) q.subject = it->second;  // `rewrite` outlives the views' use
      }
      if (rewritable(q.object, q.object_is_iri)) {
        auto it = rewrite.find(std::string(q.object));
        if (it != rewrite.end()) q.object = it->second;
      }
    }
  }

  // ---- events: same class, place and day across articles
  struct Ev {
    std::string cls;
    std::string article;
    std::vector<std::string> locations;
    std::vector<std::string> agents;
    std::string date;
    bool day = false;
  };
  std::map<std::string, Ev> events;
  for (const QuadView* qp : event_quads) {
    const QuadView& q = *qp;
    const std::string_view p = q.predicate;
    Ev& ev = events[std::string(q.subject)];
    if (p == type && q.object.starts_with(ng_ns)) {
      ev.cls = local_name(q.object);
    } else if (p == p_in_article) {
      ev.article = q.object;
    } else if (p == p_location) {
      ev.locations.emplace_back(q.object);
    } else if (p == p_agent) {
      ev.agents.emplace_back(q.object);
    } else if (p == p_date) {
      ev.date = q.object;
      ev.day = q.object_datatype == vocab::kXsdDate;
    }
  }
  struct Merged {
    std::string cls;
    std::string location;
    std::string date;
    std::set<std::string> members;
    std::set<std::string> articles;
    std::set<std::string> agents;
  };
  std::map<std::string, Merged> merged;
  for (const auto& [iri, ev] : events) {
    if (ev.cls.empty() || ev.date.empty() || !ev.day || ev.article.empty()) continue;
    std::vector<std::string> locs = ev.locations;
    if (locs.empty()) locs.push_back("");
    for (const std::string& loc : locs) {
      const std::string key =
          ev.cls + "-" + (loc.empty() ? "unknown" : local_name(loc)) + "-" + ev.date;
      Merged& m = merged[key];
      m.cls = ev.cls;
      m.location = loc;
      m.date = ev.date;
      m.members.insert(iri);
      m.articles.insert(ev.article);
      m.agents.insert(ev.agents.begin(), ev.agents.end());
    }
  }
  for (const auto& [key, m] : merged) {
    const std::string node = std::string(vocab::kNgId) + "event/merged/" + key;
    emit(node, type, rdf::Term::iri(ng(m.cls)));
    if (!m.location.empty()) emit(node, ng("location"), rdf::Term::iri(m.location));
    emit(node, ng("date"), rdf::Term::literal(m.date, vocab::kXsdDate));
    for (const std::string& e : m.members) emit(node, ng("sameEventAs"), rdf::Term::iri(e));
    for (const std::string& a : m.articles) emit(node, ng("reportedIn"), rdf::Term::iri(a));
    for (const std::string& a : m.agents) emit(node, ng("agent"), rdf::Term::iri(a));
    if (m.articles.size() >= 2) ++stats.merged_events;
  }

  // ---- conflicting casualty figures
  struct Fig {
    std::string claim;
    std::string date;  // publication date of its article; empty when unknown
    std::string killed;
    std::string wounded;
    std::set<std::string> names;  // capitalised words of the victims ("Taliban", "Pakistani")
  };
  std::map<std::string, std::string> claimant;
  std::map<std::string, std::vector<std::string>> figures_of;
  std::map<std::string, Fig> figs;
  std::map<std::string, std::string> graph_of_fig, date_of_graph;
  for (const QuadView* qp : claim_quads) {
    const QuadView& q = *qp;
    const std::string_view p = q.predicate;
    if (p == p_claimant) claimant[std::string(q.subject)] = q.object;
    if (p == p_figures) {
      figures_of[std::string(q.subject)].emplace_back(q.object);
      figs[std::string(q.object)].claim = q.subject;
      if (q.has_graph) graph_of_fig[std::string(q.object)] = q.graph;
    }
    if (p == p_article_date && q.has_graph) date_of_graph[std::string(q.graph)] = q.object;
  }
  for (auto& [iri, fig] : figs) {
    auto g = graph_of_fig.find(iri);
    if (g != graph_of_fig.end()) {
      auto d = date_of_graph.find(g->second);
      if (d != date_of_graph.end()) fig.date = d->second;
    }
  }
  auto numeric = [](std::string_view v) {
    return !v.empty() &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (const QuadView* qp : amount_quads) {
    const QuadView& q = *qp;
    const std::string_view p = q.predicate;
    auto it = figs.find(std::string(q.subject));
    if (it == figs.end()) continue;
    if (p == p_killed && numeric(q.object)) it->second.killed = q.object;
    if (p == p_wounded && numeric(q.object)) it->second.wounded = q.object;
    if (p == p_victims) {
      std::string word;
      for (char c : std::string(q.object) + " ") {
        if (c == ' ' || c == ',' || c == '(' || c == ')') {
          if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0)
            word.resize(word.size() - 2);
          if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z')
            it->second.names.insert(fold_key(word));
          word.clear();
        } else {
          word += c;
        }
      }
    }
  }
  // Candidate pairs: figures that name the same group and were published the same day, or where
  // one article is undated (news of other days reports other events, not contradictions).
  // Figures are numbered in IRI order (figs is ordered), and pairs are kept as numbers: a busy
  // day of a large corpus has many figures naming one group, and pairs of IRI strings in a
  // std::set cost more than everything else in resolution.
  using FigIt = std::map<std::string, Fig>::const_iterator;
  std::vector<FigIt> fig_at;  // by number
  std::map<std::string, std::vector<std::uint32_t>> by_name;
  for (auto it = figs.cbegin(); it != figs.cend(); ++it) {
    const auto number = static_cast<std::uint32_t>(fig_at.size());
    fig_at.push_back(it);
    for (const std::string& n : it->second.names) by_name[n].push_back(number);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;  // (lower, higher) number
  for (const auto& [name, members] : by_name) {
    std::map<std::string, std::vector<std::uint32_t>> by_date;
    for (std::uint32_t f : members) by_date[fig_at[f]->second.date].push_back(f);
    const auto undated = by_date.find("");
    for (const auto& [date, group] : by_date) {
      for (std::size_t x = 0; x < group.size(); ++x) {
        for (std::size_t y = x + 1; y < group.size(); ++y) {
          candidates.push_back(std::minmax(group[x], group[y]));
        }
        if (undated == by_date.end() || date.empty()) continue;
        for (std::uint32_t u : undated->second) candidates.push_back(std::minmax(group[x], u));
      }
    }
  }
  // In IRI order, each pair once: the output does not depend on the order of the groups.
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // Each figure's claim and claimant as small numbers (a claim without a claimant has the
  // claimant ""), so that the pairs, which grow with the square of a busy day's figures, compare
  // integers rather than look IRIs up.
  std::unordered_map<std::string, std::uint32_t> claim_ids, claimant_ids;
  auto id_of = [](std::unordered_map<std::string, std::uint32_t>& ids, const std::string& key) {
    return ids.emplace(key, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  std::vector<std::uint32_t> claim_of(fig_at.size()), claimant_of(fig_at.size());
  for (std::size_t f = 0; f < fig_at.size(); ++f) {
    const std::string& claim = fig_at[f]->second.claim;
    claim_of[f] = id_of(claim_ids, claim);
    const auto c = claimant.find(claim);
    claimant_of[f] = id_of(claimant_ids, c == claimant.end() ? std::string() : c->second);
  }
  const std::string figure_conflicts = ng("figureConflictsWith");
  const std::string claim_conflicts = ng("conflictsWith");
  std::set<std::pair<std::uint32_t, std::uint32_t>> linked;  // claim ids
  for (const auto& [first, second] : candidates) {
    if (claim_of[first] == claim_of[second] || claimant_of[first] == claimant_of[second]) continue;
    const FigIt a = fig_at[first];
    const FigIt b = fig_at[second];
    const Fig& fa = a->second;
    const Fig& fb = b->second;
    const bool differ = (!fa.killed.empty() && !fb.killed.empty() && fa.killed != fb.killed) ||
                        (!fa.wounded.empty() && !fb.wounded.empty() && fa.wounded != fb.wounded);
    if (!differ) continue;
    // The figures that disagree, then (once) their claims.
    emit(a->first, figure_conflicts, rdf::Term::iri(b->first));
    emit(b->first, figure_conflicts, rdf::Term::iri(a->first));
    if (!linked.insert(std::minmax(claim_of[first], claim_of[second])).second) continue;
    const auto key = std::minmax(fa.claim, fb.claim);
    emit(key.first, claim_conflicts, rdf::Term::iri(key.second));
    emit(key.second, claim_conflicts, rdf::Term::iri(key.first));
    ++stats.conflicts;
  }
  return stats;
}

QuadView QuadView::of(const rdf::Quad& q) {
  QuadView v;
  v.subject = q.subject.value;
  v.predicate = q.predicate.value;
  v.object = q.object.value;
  v.object_datatype = q.object.datatype;
  v.subject_is_iri = q.subject.is_iri();
  v.object_is_iri = q.object.is_iri();
  if (q.graph) {
    v.graph = q.graph->value;
    v.has_graph = true;
  }
  return v;
}

ResolutionStats resolve_across_articles(std::vector<rdf::Quad>& all, QuadSink& out,
                                        std::vector<std::pair<std::string, std::string>>* renamed) {
  std::vector<QuadView> views;
  views.reserve(all.size());
  for (const rdf::Quad& q : all) views.push_back(QuadView::of(q));
  std::vector<std::pair<std::string, std::string>> renames;
  const ResolutionStats stats = resolve_across_articles(views, out, &renames);
  // The views are not used past this point: the owning quads are rewritten by the renames.
  std::unordered_map<std::string, std::string> to(renames.begin(), renames.end());
  for (rdf::Quad& q : all) {
    for (rdf::Term* t : {&q.subject, &q.object}) {
      if (!t->is_iri()) continue;
      const auto it = to.find(t->value);
      if (it != to.end()) t->value = it->second;
    }
  }
  if (renamed) *renamed = std::move(renames);
  return stats;
}

}  // namespace ng::extract
