#include "extract/resolution.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "extract/text.hpp"
#include "rdf/string_hash.hpp"
#include "rdf/vocab.hpp"

namespace ng::extract {
namespace {

std::string ng(std::string_view local) { return std::string(vocab::kNg) + std::string(local); }

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

bool resolution_reads(const rdf::Quad& quad) { return resolution_reads(rdf::ref_of(quad)); }

namespace {
enum Reader : unsigned { kActor = 1, kEvent = 2, kClaim = 4 };
}  // namespace

unsigned resolution_readers(std::string_view predicate) {
  // What the passes of resolve_across_articles read (actors, events, claims and figures), by
  // predicate: one lookup rejects most quads (a fifth are read), then the subject decides.
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
  const auto it = readers.find(predicate);
  return it == readers.end() ? 0 : it->second;
}

bool resolution_reads(unsigned readers, const rdf::TermView& subject) {
  if (readers == 0) return false;
  if ((readers & kClaim) != 0) return true;
  static const std::string person_prefix = std::string(vocab::kNgId) + "person/";
  static const std::string org_prefix = std::string(vocab::kNgId) + "org/";
  static const std::string event_prefix = std::string(vocab::kNgId) + "event/";
  const std::string_view s = subject.value;
  const bool actor =
      subject.is_iri() && (s.starts_with(person_prefix) || s.starts_with(org_prefix));
  return ((readers & kActor) != 0 && actor) ||
         ((readers & kEvent) != 0 && s.starts_with(event_prefix));
}

bool resolution_reads(const rdf::QuadRef& q) {
  return resolution_reads(resolution_readers(q.predicate.value), q.subject);
}

namespace {

// ---- working tables of resolve_across_articles
// Resolution reads tens of thousands of quads whose IRIs share long prefixes: ordered maps keyed
// by copied strings cost more than the resolving itself. The tables below hold views of the
// input quads' strings (which outlive the call), hash them, and sort only the lists whose order
// the output follows.

// Distinct strings as dense numbers, in first-seen order. By value, or, for views of interned
// strings (two equal strings are at one address), by address: then a lookup reads no string,
// which at tens of thousands of articles is a cache miss per string (ingest's views point into
// nodes scattered over the heap). Open addressing, each slot with its key's hash.
class StringIds {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  explicit StringIds(ViewKeys keys = ViewKeys::kByValue)
      : by_address_(keys == ViewKeys::kByAddress), slots_(kInitialSlots) {}

  std::uint32_t intern(std::string_view s) {
    const std::uint64_t hash = hash_of(s);
    std::size_t i = slot_for(s, hash);
    if (slots_[i].id != kNone) return slots_[i].id;
    const auto id = static_cast<std::uint32_t>(strings_.size());
    slots_[i] = {hash, id};
    strings_.push_back(s);
    if (2 * strings_.size() > slots_.size()) grow();
    return id;
  }
  // kNone when `s` was never interned.
  std::uint32_t find(std::string_view s) const { return slots_[slot_for(s, hash_of(s))].id; }
  std::string_view operator[](std::uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }
  // Every number, ordered by its string (the order of the std::maps this replaces).
  std::vector<std::uint32_t> in_string_order() const {
    std::vector<std::uint32_t> order(strings_.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return strings_[a] < strings_[b]; });
    return order;
  }

 private:
  static constexpr std::size_t kInitialSlots = 64;  // a power of two
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = kNone;  // kNone: empty
  };
  std::uint64_t hash_of(std::string_view s) const {
    if (!by_address_ || s.empty()) return rdf::StringHash{}(s);
    const auto address = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(s.data()));
    const std::uint64_t h = (address ^ (std::uint64_t{s.size()} << 48)) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
  }
  bool same(std::string_view a, std::string_view b) const {
    if (!by_address_ || a.empty()) return a == b;
    return a.data() == b.data() && a.size() == b.size();
  }
  // The slot holding `s`, else the empty slot where it would go.
  std::size_t slot_for(std::string_view s, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].id != kNone && !(slots_[i].hash == hash && same(strings_[slots_[i].id], s))) {
      i = (i + 1) & mask;
    }
    return i;
  }
  // Doubles the slots: at most half are used, so probes stay short.
  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == kNone) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].id != kNone) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  bool by_address_;
  std::vector<Slot> slots_;
  std::vector<std::string_view> strings_;
};

// A std::set's contents, from a vector filled in any order.
template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string_view local_name(std::string_view iri) {
  const auto pos = iri.find_last_of("#/");
  return pos == std::string_view::npos ? iri : iri.substr(pos + 1);
}

bool is_country_iri(std::string_view iri) { return iri.find("/place/gn-") != std::string::npos; }

bool is_number(std::string_view v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The capitalised words of a victims description ("Shabaab", "Ugandan"), folded.
void add_victim_names(std::string_view victims, std::vector<std::string>& names) {
  std::string word;
  for (std::size_t k = 0; k <= victims.size(); ++k) {
    const char c = k < victims.size() ? victims[k] : ' ';  // a space ends the last word
    if (c == ' ' || c == ',' || c == '(' || c == ')') {
      if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
        word.resize(word.size() - 2);
      }
      if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') names.push_back(fold_key(word));
      word.clear();
    } else {
      word += c;
    }
  }
}

// One label of an actor, with what the pairwise comparison needs computed once.
struct ActorName {
  std::string_view text;
  std::vector<std::string> keys;  // phonetic keys of its name tokens
  bool described = false;         // names an office ("Uganda's defense minister")
  bool acronym = false;
};

std::vector<std::string> phonetic_keys_of_tokens(std::string_view name) {
  std::vector<std::string> keys = name_tokens(name);
  for (std::string& k : keys) k = phonetic_key(k);
  return keys;
}

ActorName actor_name(std::string_view label) {
  ActorName n;
  n.text = label;
  n.keys = phonetic_keys_of_tokens(label);
  n.described = label.find("'s ") != std::string_view::npos ||
                label.find("\u2019s ") != std::string_view::npos;
  n.acronym = acronym(std::string(label));
  return n;
}

// same_person_name on the names' phonetic keys.
bool same_person_keys(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  if (x.size() < 2 || y.size() < 2) return false;
  const std::vector<std::string>& ta = x.size() > y.size() ? y : x;  // the shorter name
  const std::vector<std::string>& tb = x.size() > y.size() ? x : y;
  constexpr double kSame = 0.9;
  auto same = [&](const std::string& a, const std::string& b) {
    // One edit apart in a long key is a spelling, not another name (Hibatullah / Haibatullah).
    return jaro_winkler(a, b) >= kSame ||
           (std::min(a.size(), b.size()) >= 6 && edit_distance(a, b) <= 1);
  };
  if (!same(ta.front(), tb.front()) || !same(ta.back(), tb.back())) return false;
  // Middle tokens of the shorter name must appear, in order, in the longer one; middle names
  // vary more in spelling (Muhammad / Mohammad), so they need less similarity.
  auto same_middle = [&](const std::string& a, const std::string& b) {
    return jaro_winkler(a, b) >= 0.75;
  };
  std::size_t j = 1;
  for (std::size_t i = 1; i + 1 < ta.size(); ++i) {
    while (j + 1 < tb.size() && !same_middle(ta[i], tb[j])) ++j;
    if (j + 1 >= tb.size()) return false;
    ++j;
  }
  return true;
}

// same_group_name on the names' phonetic keys.
bool same_group_keys(const std::vector<std::string>& ta, const std::vector<std::string>& tb) {
  if (ta.size() != tb.size() || ta.size() < 2) return false;
  for (std::size_t i = 0; i < ta.size(); ++i) {
    if (jaro_winkler(ta[i], tb[i]) < 0.85) return false;
  }
  return true;
}

// True when some label of one actor names the other.
bool same_actor(bool persons, const std::vector<ActorName>& a, const std::vector<ActorName>& b) {
  for (const ActorName& la : a) {
    for (const ActorName& lb : b) {
      if (persons) {
        if (!la.described && !lb.described && same_person_keys(la.keys, lb.keys)) return true;
      } else if ((la.acronym && la.text == lb.text) || same_group_keys(la.keys, lb.keys)) {
        return true;
      }
    }
  }
  return false;
}

// The predicates resolution reads.
enum class Predicate : std::uint8_t {
  kOther,
  kType,
  kLabel,
  kAltLabel,
  kAffiliation,
  kInArticle,
  kLocation,
  kAgent,
  kDate,
  kClaimant,
  kFigures,
  kArticleDate,
  kKilled,
  kWounded,
  kVictims
};

bool has_prefix(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// Person and org IRIs (actors) and event IRIs: one comparison of the prefix they share, then
// one of the short rest.
enum class IriKind : std::uint8_t { kOther, kActor, kEvent };

IriKind iri_kind(std::string_view iri) {
  if (!has_prefix(iri, vocab::kNgId)) return IriKind::kOther;
  const std::string_view rest = iri.substr(vocab::kNgId.size());
  if (has_prefix(rest, "person/") || has_prefix(rest, "org/")) return IriKind::kActor;
  return has_prefix(rest, "event/") ? IriKind::kEvent : IriKind::kOther;
}

// A casualty figure of a claim.
struct Figure {
  std::string_view claim;
  std::string_view graph;
  bool has_graph = false;
  std::string_view date;  // publication date of its article; empty when unknown
  std::string_view killed, wounded;
  std::vector<std::string> names;  // capitalised words of the victims, sorted
};

// Candidate pairs of figure numbers (`order` numbers the figures; lower number first, sorted,
// each pair once): figures that name the same group and were published the same day, or where
// one article is undated (news of other days reports other events, not contradictions).
std::vector<std::pair<std::uint32_t, std::uint32_t>> figure_pairs_naming_one_group(
    const std::vector<Figure>& figures, const std::vector<std::uint32_t>& order) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_name;  // ascending numbers
  for (std::uint32_t f = 0; f < order.size(); ++f) {
    for (const std::string& n : figures[order[f]].names) by_name[n].push_back(f);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<std::pair<std::string_view, std::uint32_t>> dated;  // (date, number)
  for (const auto& [name, members] : by_name) {
    dated.clear();
    for (std::uint32_t f : members) dated.emplace_back(figures[order[f]].date, f);
    std::sort(dated.begin(), dated.end());  // grouped by date, the undated ("") first
    const auto date_end = [&](std::size_t from) {
      std::size_t to = from;
      while (to < dated.size() && dated[to].first == dated[from].first) ++to;
      return to;
    };
    const std::size_t undated_end = !dated.empty() && dated[0].first.empty() ? date_end(0) : 0;
    for (std::size_t begin = 0; begin < dated.size();) {
      const std::size_t end = date_end(begin);
      const bool undated = dated[begin].first.empty();
      for (std::size_t x = begin; x < end; ++x) {
        for (std::size_t y = x + 1; y < end; ++y) {
          pairs.push_back(std::minmax(dated[x].second, dated[y].second));
        }
        if (undated) continue;
        for (std::size_t u = 0; u < undated_end; ++u) {
          pairs.push_back(std::minmax(dated[x].second, dated[u].second));
        }
      }
      begin = end;
    }
  }
  sort_unique(pairs);
  return pairs;
}

class Resolver {
 public:
  Resolver(QuadSink& out, std::vector<std::pair<std::string, std::string>>* renamed, ViewKeys keys)
      : out_(out), renamed_(renamed), keys_(keys), actor_iris_(keys) {
    predicates_ = {{type_, Predicate::kType},
                   {label_, Predicate::kLabel},
                   {alt_, Predicate::kAltLabel},
                   {p_affiliation_, Predicate::kAffiliation},
                   {p_in_article_, Predicate::kInArticle},
                   {p_location_, Predicate::kLocation},
                   {p_agent_, Predicate::kAgent},
                   {p_date_, Predicate::kDate},
                   {p_claimant_, Predicate::kClaimant},
                   {p_figures_, Predicate::kFigures},
                   {p_article_date_, Predicate::kArticleDate},
                   {p_killed_, Predicate::kKilled},
                   {p_wounded_, Predicate::kWounded},
                   {p_victims_, Predicate::kVictims}};
  }

  ResolutionStats run(std::vector<QuadView>& all) {
    collect(all);
    resolve_actors();
    merge_events();
    link_conflicting_figures();
    return stats_;
  }

 private:
  struct Actor {
    std::string_view cls;                  // local name of its ng: class
    std::vector<std::string_view> labels;  // rdfs:label and skos:altLabel, every graph
    std::vector<std::string_view> graphs;  // the graphs it is named in
    std::string_view affiliation;
  };
  struct Event {
    std::string_view cls, article, date;
    std::vector<std::string_view> locations, agents;
    bool day = false;
  };
  struct MergedEvent {
    std::string key;  // class-place-day
    std::string_view cls, location, date;
    std::vector<std::string_view> members, articles, agents;
  };

  // As views: a sink that keeps quads in a buffer (ingest) copies the bytes once, with no
  // strings made for the subject, predicate and graph.
  void emit(std::string_view s, std::string_view p, const rdf::Term& o) {
    out_.add(rdf::QuadRef{iri(s), iri(p), o.view(), iri(graph_)});
  }
  static rdf::TermView iri(std::string_view value) {
    return rdf::TermView{rdf::TermKind::Iri, value, {}, {}};
  }
  // Only actor IRIs are ever rewritten.
  static bool rewritable(std::string_view iri, bool is_iri) {
    return is_iri && iri_kind(iri) == IriKind::kActor;
  }
  // One lookup per quad instead of a comparison with each predicate resolution reads. The
  // views of ingest's quads point into interned nodes, so a predicate's string is at one address:
  // a small table by address answers most quads without hashing the string (same address and
  // size, same bytes, whatever the input).
  Predicate predicate_of(std::string_view iri) const {
    Seen& seen = seen_[(reinterpret_cast<std::uintptr_t>(iri.data()) >> 4) % seen_.size()];
    if (seen.data == iri.data() && seen.size == iri.size()) return seen.predicate;
    const auto it = predicates_.find(iri);
    const Predicate p = it == predicates_.end() ? Predicate::kOther : it->second;
    seen = {iri.data(), iri.size(), p};
    return p;
  }
  void collect(std::vector<QuadView>& all);
  void resolve_actors();
  void rewrite_actor_iris(const std::vector<std::string_view>& canonical);
  void merge_events();
  void link_conflicting_figures();

  QuadSink& out_;
  std::vector<std::pair<std::string, std::string>>* renamed_;
  const ViewKeys keys_;
  ResolutionStats stats_;
  const std::string graph_ = resolution_graph_iri();
  // IRIs compared on every quad, built once.
  const std::string type_ = std::string(vocab::kRdfType);
  const std::string label_ = std::string(vocab::kRdfsLabel);
  const std::string alt_ = std::string(vocab::kSkos) + "altLabel";
  const std::string same_as_ = std::string(vocab::kOwl) + "sameAs";
  const std::string p_affiliation_ = ng("affiliation");
  const std::string p_in_article_ = ng("inArticle");
  const std::string p_location_ = ng("location");
  const std::string p_agent_ = ng("agent");
  const std::string p_date_ = ng("date");
  const std::string p_claimant_ = ng("claimant");
  const std::string p_figures_ = ng("figures");
  const std::string p_article_date_ = ng("articleDate");
  const std::string p_killed_ = ng("killed");
  const std::string p_wounded_ = ng("wounded");
  const std::string p_victims_ = ng("victims");
  std::unordered_map<std::string_view, Predicate> predicates_;  // views of the strings above
  struct Seen {
    const char* data = nullptr;
    std::size_t size = 0;
    Predicate predicate = Predicate::kOther;
  };
  mutable std::array<Seen, 64> seen_{};  // predicate_of()'s answers by address

  StringIds actor_iris_;
  std::vector<Actor> actors_;  // by number in actor_iris_
  std::vector<QuadView*> rewrite_quads_, event_quads_, claim_quads_, amount_quads_;
};

// One pass over every quad collects the actors and picks out, in order, the few quads the later
// steps read (a pass over all quads costs more than the work on the ones it keeps): quads that
// may need an actor IRI rewritten, quads about events, and quads about claims and their figures.
// The later steps read them after the rewrite, as they would have read `all`. resolution_reads()
// must accept every quad these tests (and the actor test) pick.
void Resolver::collect(std::vector<QuadView>& all) {
  const std::string_view ng_ns = vocab::kNg;
  std::string_view last_subject;
  std::uint32_t last_actor = StringIds::kNone;
  for (QuadView& q : all) {
    const std::string_view s = q.subject;
    const IriKind subject_kind = iri_kind(s);
    const bool object_is_actor = q.object_is_iri && iri_kind(q.object) == IriKind::kActor;
    if ((q.subject_is_iri && subject_kind == IriKind::kActor) || object_is_actor) {
      rewrite_quads_.push_back(&q);
    }
    if (subject_kind == IriKind::kEvent) event_quads_.push_back(&q);
    const Predicate p = predicate_of(q.predicate);
    if (p == Predicate::kClaimant || p == Predicate::kFigures || p == Predicate::kArticleDate) {
      claim_quads_.push_back(&q);
    }
    if (p == Predicate::kKilled || p == Predicate::kWounded || p == Predicate::kVictims) {
      amount_quads_.push_back(&q);
    }
    if (subject_kind != IriKind::kActor) continue;
    // An article's quads about one actor often come in a row.
    if (last_actor == StringIds::kNone || last_subject != s) {
      last_actor = actor_iris_.intern(s);
      if (last_actor == actors_.size()) actors_.emplace_back();
      last_subject = s;
    }
    Actor& a = actors_[last_actor];
    if (q.has_graph && (a.graphs.empty() || a.graphs.back() != q.graph)) {
      a.graphs.push_back(q.graph);
    }
    if (p == Predicate::kType && has_prefix(q.object, ng_ns)) {
      a.cls = local_name(q.object);
    } else if (p == Predicate::kLabel || p == Predicate::kAltLabel) {
      a.labels.push_back(q.object);
    } else if (p == Predicate::kAffiliation) {
      a.affiliation = q.object;
    }
  }
}

void Resolver::resolve_actors() {
  // Candidates: actors with a class and a label, numbered in IRI order.
  std::vector<std::uint32_t> ids;
  std::vector<std::vector<ActorName>> names;
  for (std::uint32_t id : actor_iris_.in_string_order()) {
    Actor& a = actors_[id];
    if (a.cls.empty() || a.labels.empty()) continue;
    sort_unique(a.labels);
    sort_unique(a.graphs);
    ids.push_back(id);
    names.emplace_back();
    for (std::string_view l : a.labels) names.back().push_back(actor_name(l));
  }
  const auto actor = [&](std::uint32_t i) -> const Actor& { return actors_[ids[i]]; };
  // Blocking keeps the pairwise comparison small on big corpora: only actors of one class that
  // share the first three characters of a last name's key (persons), of a first word's key
  // (groups), or an acronym are compared.
  std::unordered_map<std::string, std::vector<std::uint32_t>> blocks;
  std::vector<std::string> keys;
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    const std::string_view cls = actor(i).cls;
    keys.clear();
    for (const ActorName& n : names[i]) {
      if (n.keys.empty()) continue;
      const std::string& key = cls == "Person" ? n.keys.back() : n.keys.front();
      // Three characters: variants still share them (transliteration changes the middle or the
      // end of a name), and blocks stay small as the corpus grows.
      if (!key.empty()) keys.push_back(std::string(cls) + ":" + key.substr(0, 3));
      if (n.acronym) keys.push_back(std::string(cls) + ":" + std::string(n.text));
    }
    sort_unique(keys);
    for (const std::string& k : keys) blocks[k].push_back(i);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (const auto& [key, members] : blocks) {
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y)
        pairs.emplace_back(members[x], members[y]);
    }
  }
  // In number order, each pair once: the clusters' roots depend on the order of the unions.
  sort_unique(pairs);
  UnionFind uf(ids.size());
  for (const auto& [i, j] : pairs) {
    const Actor& a = actor(i);
    const Actor& b = actor(j);
    if (a.cls != b.cls) continue;
    // Affiliated with two different states: two people, whatever the names.
    if (is_country_iri(a.affiliation) && is_country_iri(b.affiliation) &&
        a.affiliation != b.affiliation) {
      continue;
    }
    if (same_actor(a.cls == "Person", names[i], names[j])) uf.unite(i, j);
  }
  std::vector<std::vector<std::uint32_t>> clusters(ids.size());  // by root
  for (std::uint32_t i = 0; i < ids.size(); ++i) clusters[uf.find(i)].push_back(i);
  std::vector<std::string_view> canonical(actors_.size());  // by actor: empty, or its canonical IRI
  bool renames = false;
  for (const std::vector<std::uint32_t>& members : clusters) {
    if (members.size() < 2) continue;
    // Canonical: the actor most articles use; ties go to the first IRI.
    std::uint32_t best = members.front();
    for (std::uint32_t m : members) {
      if (actor(m).graphs.size() > actor(best).graphs.size()) best = m;
    }
    const std::string_view canon = actor_iris_[ids[best]];
    for (std::uint32_t m : members) {
      for (std::string_view l : actor(m).labels) emit(canon, alt_, rdf::Term::literal(l, {}, "en"));
      if (m == best) continue;
      const std::string_view variant = actor_iris_[ids[m]];
      canonical[ids[m]] = canon;
      renames = true;
      if (renamed_) renamed_->emplace_back(variant, canon);
      emit(canon, same_as_, rdf::Term::iri(variant));
      ++stats_.merged_actors;
    }
  }
  if (renames) rewrite_actor_iris(canonical);
}

// Only person and org IRIs are ever rewritten. The new views point into the input quads, like
// the old ones.
void Resolver::rewrite_actor_iris(const std::vector<std::string_view>& canonical) {
  auto rewrite = [&](std::string_view& iri, bool is_iri) {
    if (!rewritable(iri, is_iri)) return;
    const std::uint32_t id = actor_iris_.find(iri);  // every variant is a subject of `all`
    if (id != StringIds::kNone && !canonical[id].empty()) iri = canonical[id];
  };
  for (QuadView* q : rewrite_quads_) {
    rewrite(q->subject, q->subject_is_iri);
    rewrite(q->object, q->object_is_iri);
  }
}

// Events of one class, place and day across articles.
void Resolver::merge_events() {
  const std::string_view ng_ns = vocab::kNg;
  StringIds event_iris(keys_);
  std::vector<Event> events;
  for (const QuadView* q : event_quads_) {
    const Predicate p = predicate_of(q->predicate);
    const std::uint32_t id = event_iris.intern(q->subject);
    if (id == events.size()) events.emplace_back();
    Event& ev = events[id];
    if (p == Predicate::kType && has_prefix(q->object, ng_ns)) {
      ev.cls = local_name(q->object);
    } else if (p == Predicate::kInArticle) {
      ev.article = q->object;
    } else if (p == Predicate::kLocation) {
      ev.locations.push_back(q->object);
    } else if (p == Predicate::kAgent) {
      ev.agents.push_back(q->object);
    } else if (p == Predicate::kDate) {
      ev.date = q->object;
      ev.day = q->object_datatype == vocab::kXsdDate;
    }
  }
  std::unordered_map<std::string, std::uint32_t> merged_ids;  // key -> index in `merged`
  std::vector<MergedEvent> merged;
  // In event IRI order: a merged event's class, place and date are those of its last event.
  for (std::uint32_t id : event_iris.in_string_order()) {
    const Event& ev = events[id];
    if (ev.cls.empty() || ev.date.empty() || !ev.day || ev.article.empty()) continue;
    static const std::vector<std::string_view> kNoLocation = {std::string_view()};
    for (std::string_view loc : ev.locations.empty() ? kNoLocation : ev.locations) {
      std::string key = std::string(ev.cls) + "-";
      key += loc.empty() ? std::string_view("unknown") : local_name(loc);
      key += "-";
      key += ev.date;
      const auto [it, added] =
          merged_ids.try_emplace(key, static_cast<std::uint32_t>(merged.size()));
      if (added) merged.emplace_back().key = std::move(key);
      MergedEvent& m = merged[it->second];
      m.cls = ev.cls;
      m.location = loc;
      m.date = ev.date;
      m.members.push_back(event_iris[id]);
      m.articles.push_back(ev.article);
      m.agents.insert(m.agents.end(), ev.agents.begin(), ev.agents.end());
    }
  }
  std::sort(merged.begin(), merged.end(),
            [](const MergedEvent& a, const MergedEvent& b) { return a.key < b.key; });
  const std::string p_same_event = ng("sameEventAs");
  const std::string p_reported_in = ng("reportedIn");
  const std::string merged_prefix = std::string(vocab::kNgId) + "event/merged/";
  for (MergedEvent& m : merged) {
    sort_unique(m.members);
    sort_unique(m.articles);
    sort_unique(m.agents);
    const std::string node = merged_prefix + m.key;
    emit(node, type_, rdf::Term::iri(ng(m.cls)));
    if (!m.location.empty()) emit(node, p_location_, rdf::Term::iri(m.location));
    emit(node, p_date_, rdf::Term::literal(m.date, vocab::kXsdDate));
    for (std::string_view e : m.members) emit(node, p_same_event, rdf::Term::iri(e));
    for (std::string_view a : m.articles) emit(node, p_reported_in, rdf::Term::iri(a));
    for (std::string_view a : m.agents) emit(node, p_agent_, rdf::Term::iri(a));
    if (m.articles.size() >= 2) ++stats_.merged_events;
  }
}

// Conflicting casualty figures.
void Resolver::link_conflicting_figures() {
  // Claims by number with their claimants ("": none), graphs with their article dates.
  StringIds claim_ids(keys_), graph_ids(keys_);
  std::vector<std::string_view> claimant_of_claim, date_of_graph;
  auto set = [](std::vector<std::string_view>& values, std::uint32_t id, std::string_view value) {
    if (id >= values.size()) values.resize(id + 1);
    values[id] = value;
  };
  StringIds figure_iris(keys_);
  std::vector<Figure> figures;
  for (const QuadView* q : claim_quads_) {
    const Predicate p = predicate_of(q->predicate);
    if (p == Predicate::kClaimant) set(claimant_of_claim, claim_ids.intern(q->subject), q->object);
    if (p == Predicate::kFigures) {
      const std::uint32_t id = figure_iris.intern(q->object);
      if (id == figures.size()) figures.emplace_back();
      figures[id].claim = q->subject;
      if (q->has_graph) {
        figures[id].graph = q->graph;
        figures[id].has_graph = true;
      }
    }
    if (p == Predicate::kArticleDate && q->has_graph) {
      set(date_of_graph, graph_ids.intern(q->graph), q->object);
    }
  }
  for (Figure& f : figures) {
    if (!f.has_graph) continue;
    const std::uint32_t g = graph_ids.find(f.graph);
    if (g < date_of_graph.size()) f.date = date_of_graph[g];
  }
  for (const QuadView* q : amount_quads_) {
    const Predicate p = predicate_of(q->predicate);
    const std::uint32_t id = figure_iris.find(q->subject);
    if (id == StringIds::kNone) continue;
    Figure& f = figures[id];
    if (p == Predicate::kKilled && is_number(q->object)) f.killed = q->object;
    if (p == Predicate::kWounded && is_number(q->object)) f.wounded = q->object;
    if (p == Predicate::kVictims) add_victim_names(q->object, f.names);
  }
  // Figures are numbered in IRI order, and pairs are kept as numbers.
  const std::vector<std::uint32_t> order = figure_iris.in_string_order();
  for (Figure& f : figures) sort_unique(f.names);
  const auto figure = [&](std::uint32_t number) -> const Figure& { return figures[order[number]]; };
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates =
      figure_pairs_naming_one_group(figures, order);
  // Each figure's claim and claimant as small numbers (a claim without a claimant has the
  // claimant ""), so that the pairs, which grow with the square of a busy day's figures, compare
  // integers rather than look IRIs up.
  StringIds claimant_ids(keys_);
  std::vector<std::uint32_t> claim_of(order.size()), claimant_of(order.size());
  for (std::uint32_t f = 0; f < order.size(); ++f) {
    const std::string_view claim = figure(f).claim;
    claim_of[f] = claim_ids.intern(claim);
    claimant_of[f] =
        claimant_ids.intern(claim_of[f] < claimant_of_claim.size() ? claimant_of_claim[claim_of[f]]
                                                                   : std::string_view());
  }
  const std::string figure_conflicts = ng("figureConflictsWith");
  const std::string claim_conflicts = ng("conflictsWith");
  std::unordered_set<std::uint64_t> linked;  // pairs of claim numbers, lower first
  for (const auto& [first, second] : candidates) {
    if (claim_of[first] == claim_of[second] || claimant_of[first] == claimant_of[second]) continue;
    const Figure& fa = figure(first);
    const Figure& fb = figure(second);
    const bool differ = (!fa.killed.empty() && !fb.killed.empty() && fa.killed != fb.killed) ||
                        (!fa.wounded.empty() && !fb.wounded.empty() && fa.wounded != fb.wounded);
    if (!differ) continue;
    // The figures that disagree, then (once) their claims.
    const std::string_view iri_a = figure_iris[order[first]];
    const std::string_view iri_b = figure_iris[order[second]];
    emit(iri_a, figure_conflicts, rdf::Term::iri(iri_b));
    emit(iri_b, figure_conflicts, rdf::Term::iri(iri_a));
    const auto claims = std::minmax(claim_of[first], claim_of[second]);
    if (!linked.insert(std::uint64_t{claims.first} << 32 | claims.second).second) continue;
    const auto key = std::minmax(fa.claim, fb.claim);
    emit(key.first, claim_conflicts, rdf::Term::iri(key.second));
    emit(key.second, claim_conflicts, rdf::Term::iri(key.first));
    ++stats_.conflicts;
  }
}

}  // namespace

bool same_person_name(std::string_view a, std::string_view b) {
  return same_person_keys(phonetic_keys_of_tokens(a), phonetic_keys_of_tokens(b));
}

ResolutionStats resolve_across_articles(std::vector<QuadView>& all, QuadSink& out,
                                        std::vector<std::pair<std::string, std::string>>* renamed,
                                        ViewKeys keys) {
  return Resolver(out, renamed, keys).run(all);
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
