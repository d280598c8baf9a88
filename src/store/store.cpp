#include "store/store.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>

#include "store/address_sort.hpp"

namespace ng::store {
namespace {

// Positions of a quad in index order: 0 subject, 1 predicate, 2 object, 3 graph.
using Positions = std::array<int, 4>;
constexpr Positions kSpog{0, 1, 2, 3};
constexpr std::array<Positions, 5> kOrders{{
    {1, 2, 0, 3},  // POSG
    {2, 0, 1, 3},  // OSPG
    {3, 0, 1, 2},  // GSPO
    {3, 1, 2, 0},  // GPOS
    {3, 2, 0, 1},  // GOSP
}};

NodeId at(const QuadIds& q, int pos) {
  switch (pos) {
    case 0:
      return q.subject;
    case 1:
      return q.predicate;
    case 2:
      return q.object;
    default:
      return q.graph;
  }
}

// Nodes are ordered by address: any fixed total order makes equal prefixes contiguous.
bool less_in(const Positions& order, const QuadIds& a, const QuadIds& b) {
  for (int pos : order) {
    auto x = at(a, pos), y = at(b, pos);
    if (x != y) return std::less<NodeId>()(x, y);
  }
  return false;
}

// Compares only the first `n` positions of `order`.
int compare_prefix(const Positions& order, std::size_t n, const QuadIds& a, const QuadIds& key) {
  for (std::size_t i = 0; i < n; ++i) {
    auto x = at(a, order[i]), y = at(key, order[i]);
    if (x != y) return std::less<NodeId>()(x, y) ? -1 : 1;
  }
  return 0;
}

std::size_t bound_prefix(const Positions& order, const QuadIds& pattern) {
  std::size_t n = 0;
  while (n < 4 && at(pattern, order[n])) ++n;
  return n;
}

bool matches(const QuadIds& q, const QuadIds& p) {
  return (!p.subject || p.subject == q.subject) && (!p.predicate || p.predicate == q.predicate) &&
         (!p.object || p.object == q.object) && (!p.graph || p.graph == q.graph);
}

}  // namespace

std::size_t QuadHash::operator()(const QuadIds& q) const {
  auto h = std::hash<NodeId>();
  std::size_t x = h(q.subject);
  x = x * 1000003u ^ h(q.predicate);
  x = x * 1000003u ^ h(q.object);
  return x * 1000003u ^ h(q.graph);
}

bool Cursor::next(QuadIds& quad) {
  if (exact_) {  // every quad of the range matches: no checks (a whole graph, a bound prefix)
    if (pos_ == end_) return false;
    quad = (*quads_)[order_ ? (*order_)[pos_] : pos_];
    ++pos_;
    return true;
  }
  while (pos_ < end_) {
    const QuadIds& q = (*quads_)[order_ ? (*order_)[pos_] : pos_];
    ++pos_;
    if (!matches(q, pattern_)) continue;
    if (skip_graph_ && q.graph == skip_graph_) continue;
    if (distinct_triples_) {
      // Union view: the orders used for it end with the graph, so copies of a triple are adjacent.
      if (last_.subject == q.subject && last_.predicate == q.predicate &&
          last_.object == q.object) {
        continue;
      }
      last_ = q;
    }
    quad = q;
    return true;
  }
  return false;
}

Store::Store(World& world) : world_(world), default_graph_(world.iri(kDefaultGraphIri)) {}

Store::~Store() {
  for (const auto& q : quads_) release(q);
  for (const auto& q : pending_) release(q);
}

void Store::retain(const QuadIds& q) { world_.add_refs(q.subject, q.predicate, q.object, q.graph); }

void Store::release(const QuadIds& q) {
  world_.release(q.subject);
  world_.release(q.predicate);
  world_.release(q.object);
  world_.release(q.graph);
}

void Store::note_graph(NodeId graph) {
  // Quads mostly come graph by graph (an article, a document): the latest new name is checked
  // before the set.
  if (graph == default_graph()) return;
  if (!named_graph_list_.empty() && graph == named_graph_list_.back()) return;
  if (named_graph_set_.count(graph)) return;
  named_graph_refs_.push_back(world_.intern(World::view(graph)));  // keeps the name alive
  named_graph_list_.push_back(graph);
  named_graph_set_.insert(graph);
}

void Store::append(NodeId subject, NodeId predicate, NodeId object, NodeId graph) {
  if (!graph) graph = default_graph();
  QuadIds q{subject, predicate, object, graph};
  retain(q);
  pending_.push_back(q);
  pending_unchecked_ = true;
  // An article's quads share its graph: the call is for the first of them.
  if (named_graph_list_.empty() || graph != named_graph_list_.back()) note_graph(graph);
}

void Store::reserve(std::size_t quads) { pending_.reserve(pending_.size() + quads); }

bool Store::in_merged(const QuadIds& key) const {
  auto it =
      std::lower_bound(quads_.begin(), quads_.end(), key,
                       [](const QuadIds& a, const QuadIds& b) { return less_in(kSpog, a, b); });
  return it != quads_.end() && *it == key;
}

bool Store::add(NodeId subject, NodeId predicate, NodeId object, NodeId graph) {
  if (!graph) graph = default_graph();
  if (pending_unchecked_) merge();
  QuadIds q{subject, predicate, object, graph};
  if (pending_set_.count(q) || in_merged(q)) return false;
  retain(q);
  pending_.push_back(q);
  pending_set_.insert(q);
  note_graph(graph);
  return true;
}

bool Store::add(const rdf::Quad& quad) {
  NodeRef s = world_.intern(quad.subject);
  NodeRef p = world_.intern(quad.predicate);
  NodeRef o = world_.intern(quad.object);
  NodeRef g = quad.graph ? world_.intern(*quad.graph) : NodeRef();
  return add(s.get(), p.get(), o.get(), g.get());
}

bool Store::remove(NodeId subject, NodeId predicate, NodeId object, NodeId graph) {
  if (!graph) graph = default_graph();
  merge();
  QuadIds key{subject, predicate, object, graph};
  auto it =
      std::lower_bound(quads_.begin(), quads_.end(), key,
                       [](const QuadIds& a, const QuadIds& b) { return less_in(kSpog, a, b); });
  // (quads_ is sorted and unique after merge())
  if (it == quads_.end() || !(*it == key)) return false;
  QuadIds removed = *it;
  quads_.erase(it);
  invalidate_indices();
  release(removed);
  return true;
}

namespace {

// A Bloom filter with one hash of node addresses: whether a node may be in a set, answered
// without probing the set's hash table, which misses the CPU caches once it is large.
class NodeFilter {
 public:
  explicit NodeFilter(std::size_t nodes)
      : bits_(std::bit_ceil(std::max<std::size_t>(64, nodes * 16))), words_(bits_ / 64) {}
  void add(NodeId node) {
    const std::size_t b = bit(node);
    words_[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  bool may_contain(NodeId node) const {
    const std::size_t b = bit(node);
    return (words_[b / 64] >> (b % 64)) & 1;
  }

 private:
  std::size_t bit(NodeId node) const {
    const auto h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(node) >> 4) *
                   0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h >> 32) & (bits_ - 1);
  }
  std::size_t bits_;
  std::vector<std::uint64_t> words_;
};

}  // namespace

void Store::replace_nodes(const std::unordered_map<NodeId, NodeId>& to) {
  if (to.empty()) return;
  // Nearly every node is not renamed: the filter answers for those, 16 bits per renamed node
  // keeping false answers to a few percent.
  NodeFilter renamed(to.size());
  for (const auto& entry : to) renamed.add(entry.first);
  auto replace_in = [&](std::vector<QuadIds>& quads) {
    bool changed = false;
    for (QuadIds& q : quads) {
      for (NodeId* n : {&q.subject, &q.object}) {
        if (!renamed.may_contain(*n)) continue;
        const auto it = to.find(*n);
        if (it == to.end()) continue;
        world_.add_ref(it->second);
        world_.release(*n);
        *n = it->second;
        changed = true;
      }
    }
    return changed;
  };
  replace_in(pending_);
  if (replace_in(quads_)) {
    // No longer sorted or unique: merged again, with the pending quads, before the next read.
    pending_.insert(pending_.end(), quads_.begin(), quads_.end());
    quads_.clear();
  }
  // The pending quads may now repeat each other or a merged quad: add() merges first.
  pending_set_.clear();
  pending_unchecked_ = !pending_.empty();
  invalidate_indices();
}

Store::Mark Store::mark() const { return {pending_.size(), named_graph_list_.size()}; }

void Store::rollback_to(const Mark& mark) {
  for (std::size_t i = mark.pending; i < pending_.size(); ++i) {
    pending_set_.erase(pending_[i]);
    release(pending_[i]);
  }
  pending_.resize(std::min(mark.pending, pending_.size()));
  while (named_graph_list_.size() > mark.graphs) {
    named_graph_set_.erase(named_graph_list_.back());
    named_graph_list_.pop_back();
    named_graph_refs_.pop_back();
  }
}

void Store::merge() const {
  if (pending_.empty()) return;
  // The same order as less_in(kSpog, ...), spelled out: the generic loop over positions costs a
  // switch per position in the largest sort of a load.
  auto by_spog = [](const QuadIds& a, const QuadIds& b) {
    std::less<NodeId> lt;
    if (a.subject != b.subject) return lt(a.subject, b.subject);
    if (a.predicate != b.predicate) return lt(a.predicate, b.predicate);
    if (a.object != b.object) return lt(a.object, b.object);
    return lt(a.graph, b.graph);
  };
  sort_by_address(
      pending_.data(), pending_.data() + pending_.size(),
      [](const QuadIds& q) { return reinterpret_cast<std::uintptr_t>(q.subject); }, by_spog);
  std::vector<QuadIds> merged;
  if (quads_.empty()) {
    // The first load of a store: the sorted delta becomes the index itself, with no copy into
    // freshly faulted pages (a bulk load's largest array).
    merged.swap(pending_);
  } else {
    merged.reserve(quads_.size() + pending_.size());
    std::merge(quads_.begin(), quads_.end(), pending_.begin(), pending_.end(),
               std::back_inserter(merged), by_spog);
  }
  // Drop duplicates, and the references they held.
  auto& self = const_cast<Store&>(*this);
  std::size_t out = 0;
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (out > 0 && merged[out - 1] == merged[i]) {
      self.release(merged[i]);
    } else {
      merged[out++] = merged[i];
    }
  }
  merged.resize(out);
  quads_ = std::move(merged);
  pending_.clear();
  pending_.shrink_to_fit();
  pending_set_.clear();
  pending_unchecked_ = false;
  invalidate_indices();
}

void Store::invalidate_indices() const {
  permutation_valid_.fill(false);
  stats_valid_ = false;
  single_graph_ = -1;
  predicate_stats_.clear();
}

bool Store::single_graph() const {
  if (single_graph_ < 0) {
    single_graph_ = std::all_of(quads_.begin(), quads_.end(),
                                [&](const QuadIds& q) { return q.graph == quads_.front().graph; });
  }
  return single_graph_ == 1;
}

namespace {

// Sort keys of one quad for building a permutation: up to three leading positions, then the
// quad's index in SPOG order. Ties on the keys keep SPOG order, which is exactly the order of the
// remaining positions for every permutation built here (e.g. POSG sorts by P, O, then S, G as in
// SPOG). Contiguous records sort several times faster than indices compared through quads_.
struct SortKey {
  NodeId k0, k1, k2;
  std::uint32_t index;
};

}  // namespace

const std::vector<std::uint32_t>* Store::permutation(Order order) const {
  // With every quad in one graph, a graph-first order is the order without the graph.
  if (order == kGSPO || order == kGPOS || order == kGOSP) {
    if (single_graph()) {
      if (order == kGSPO) return nullptr;
      return permutation(order == kGPOS ? kPOSG : kOSPG);
    }
  }
  auto& perm = permutations_[order];
  if (!permutation_valid_[order] && order == kGSPO) {
    graph_first_by_counting(perm);
    permutation_valid_[order] = true;
  }
  if (!permutation_valid_[order]) {
    const Positions& positions = kOrders[order];
    // How many leading positions decide the order before SPOG order takes over.
    const std::size_t keys = order == kPOSG || order == kGPOS ? (order == kPOSG ? 2 : 3)
                             : order == kOSPG                 ? 1
                             : order == kGSPO                 ? 1
                                                              : 2;  // GOSP
    std::vector<SortKey> sorted(quads_.size());
    for (std::uint32_t i = 0; i < sorted.size(); ++i) {
      const QuadIds& q = quads_[i];
      sorted[i] = {at(q, positions[0]), keys > 1 ? at(q, positions[1]) : nullptr,
                   keys > 2 ? at(q, positions[2]) : nullptr, i};
    }
    std::less<NodeId> lt;
    std::sort(sorted.begin(), sorted.end(), [&](const SortKey& a, const SortKey& b) {
      if (a.k0 != b.k0) return lt(a.k0, b.k0);
      if (a.k1 != b.k1) return lt(a.k1, b.k1);
      if (a.k2 != b.k2) return lt(a.k2, b.k2);
      return a.index < b.index;
    });
    perm.resize(sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) perm[i] = sorted[i].index;
    permutation_valid_[order] = true;
  }
  return &perm;
}

// GSPO is SPOG stably sorted by graph alone. Graphs are few (one per article) where quads are
// many, so a counting sort does in two linear passes what a comparison sort of every quad does in
// n log n; the result is the same permutation.
void Store::graph_first_by_counting(std::vector<std::uint32_t>& perm) const {
  std::unordered_map<NodeId, std::uint32_t> slot;  // graph -> its bucket's next free position
  // Runs of one graph are long in SPOG order (an article's subjects are its own), so remembering
  // the last graph spares most lookups.
  NodeId last = nullptr;
  std::uint32_t* last_slot = nullptr;
  auto bucket = [&](NodeId g) -> std::uint32_t& {
    if (!last_slot || g != last) {
      last = g;
      last_slot = &slot[g];
    }
    return *last_slot;
  };
  for (const QuadIds& q : quads_) ++bucket(q.graph);
  std::vector<NodeId> graphs;
  graphs.reserve(slot.size());
  for (const auto& entry : slot) graphs.push_back(entry.first);
  std::sort(graphs.begin(), graphs.end(), std::less<NodeId>());
  std::uint32_t offset = 0;
  for (NodeId g : graphs) {
    std::uint32_t& s = slot[g];
    const std::uint32_t count = s;
    s = offset;
    offset += count;
  }
  last_slot = nullptr;  // the map did not rehash (no inserts), but the counts are now offsets
  perm.resize(quads_.size());
  for (std::uint32_t i = 0; i < quads_.size(); ++i) perm[bucket(quads_[i].graph)++] = i;
}

const Store::PredicateStats* Store::predicate_stats(NodeId predicate) const {
  merge();
  if (!stats_valid_) {
    predicate_stats_.clear();
    // SPOG: the (subject, predicate) pairs are contiguous, so each change is a new subject.
    PredicateStats* current = nullptr;
    NodeId last_s = nullptr, last_p = nullptr;
    for (const QuadIds& q : quads_) {
      if (q.predicate != last_p || q.subject != last_s) {
        if (q.predicate != last_p) current = &predicate_stats_[q.predicate];
        ++current->subjects;
        last_s = q.subject;
        last_p = q.predicate;
      }
      ++current->quads;
    }
    // POSG: the (predicate, object) pairs are contiguous.
    const std::vector<std::uint32_t>* posg = permutation(kPOSG);
    NodeId last_o = nullptr;
    last_p = nullptr;
    for (std::uint32_t i : *posg) {
      const QuadIds& q = quads_[i];
      if (q.predicate != last_p || q.object != last_o) {
        if (q.predicate != last_p) current = &predicate_stats_[q.predicate];
        ++current->objects;
        last_o = q.object;
        last_p = q.predicate;
      }
    }
    stats_valid_ = true;
  }
  auto it = predicate_stats_.find(predicate);
  return it == predicate_stats_.end() ? nullptr : &it->second;
}

void Store::prepare() const {
  merge();
  for (int o = 0; o < kOrderCount; ++o) permutation(static_cast<Order>(o));
  predicate_stats(nullptr);
}

Cursor Store::make_cursor(QuadIds pattern, NodeId skip_graph, bool distinct_triples,
                          bool any_graph) const {
  merge();
  // Candidate orders: with a bound graph the graph-first ones, otherwise the graph-last ones
  // (which also keep the copies of a triple adjacent for the union view).
  int best = -1;  // -1 = SPOG (quads_ itself)
  std::size_t best_len = bound_prefix(kSpog, pattern);
  for (int o = 0; o < kOrderCount; ++o) {
    bool graph_first = kOrders[static_cast<std::size_t>(o)][0] == 3;
    if (graph_first == any_graph) continue;
    std::size_t len = bound_prefix(kOrders[static_cast<std::size_t>(o)], pattern);
    if (len > best_len) {
      best = o;
      best_len = len;
    }
  }
  Cursor c;
  c.quads_ = &quads_;
  c.order_ = best < 0 ? nullptr : permutation(static_cast<Order>(best));
  const Positions& positions = best < 0 ? kSpog : kOrders[static_cast<std::size_t>(best)];
  std::size_t n = c.order_ ? c.order_->size() : quads_.size();
  auto quad_at = [&](std::size_t i) -> const QuadIds& {
    return quads_[c.order_ ? (*c.order_)[i] : i];
  };
  // Binary search for the range whose first `best_len` positions equal the pattern's.
  std::size_t lo = 0, hi = n;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (compare_prefix(positions, best_len, quad_at(mid), pattern) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  std::size_t begin = lo;
  // The end of the range: gallop from its start (most ranges are short, and each probe is a
  // cache miss), then binary search the last step.
  std::size_t step = 1;
  lo = begin;
  hi = begin;
  while (hi < n && compare_prefix(positions, best_len, quad_at(hi), pattern) == 0) {
    lo = hi + 1;
    hi = begin + step;
    step *= 2;
  }
  hi = std::min(hi, n);
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (compare_prefix(positions, best_len, quad_at(mid), pattern) <= 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  c.pos_ = begin;
  c.end_ = lo;
  c.pattern_ = pattern;
  c.skip_graph_ = skip_graph;
  c.distinct_triples_ = distinct_triples;
  std::size_t bound = (pattern.subject != nullptr) + (pattern.predicate != nullptr) +
                      (pattern.object != nullptr) + (pattern.graph != nullptr);
  c.exact_ = bound == best_len && !skip_graph && !distinct_triples;
  return c;
}

Cursor Store::scan(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const {
  return make_cursor({subject, predicate, object, graph}, nullptr, false, graph == nullptr);
}

Cursor Store::scan_named(NodeId subject, NodeId predicate, NodeId object) const {
  return make_cursor({subject, predicate, object, nullptr}, default_graph(), false, true);
}

Cursor Store::scan_union(NodeId subject, NodeId predicate, NodeId object) const {
  return make_cursor({subject, predicate, object, nullptr}, nullptr, true, true);
}

bool Store::contains(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const {
  Cursor c =
      graph ? scan(subject, predicate, object, graph) : scan_union(subject, predicate, object);
  QuadIds q;
  return c.next(q);
}

std::size_t Store::count(NodeId subject, NodeId predicate, NodeId object, NodeId graph) const {
  Cursor c = scan(subject, predicate, object, graph);
  if (c.exact_) return c.end_ - c.pos_;  // every bound position is in the searched prefix
  std::size_t n = 0;
  QuadIds q;
  while (c.next(q)) ++n;
  return n;
}

std::size_t Store::size() const {
  merge();
  return quads_.size();
}

bool Store::has_named_graph(NodeId graph) const { return named_graph_set_.count(graph) != 0; }

}  // namespace ng::store
