// Store -> Turtle / TriG (Serd's writer, abbreviated and CURIE'd), N-Triples / N-Quads (ours).
#include <serd/serd.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/file_output.hpp"
#include "store/node.hpp"
#include "store/rdf_io.hpp"
#include "store/term_order.hpp"

namespace ng::store {
namespace {

size_t ostream_sink(const void* buf, size_t len, void* stream) {
  auto* out = static_cast<std::ostream*>(stream);
  out->write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
  return out->good() ? len : 0;
}

const uint8_t* u8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }

// The named graphs by value (not in the order they were first used): the same data gives the
// same output whatever order it was loaded in.
std::vector<NodeId> sorted_graphs(const Store& store) {
  std::vector<NodeId> graphs = store.named_graphs();
  std::sort(graphs.begin(), graphs.end(),
            [](NodeId a, NodeId b) { return a != b && term_less(World::view(a), World::view(b)); });
  return graphs;
}

// A quad to write: the ranks of its subject, predicate and object in the canonical order of
// every node written (CanonicalOrder::node() gives the node back).
struct RankedQuad {
  std::uint32_t s, p, o;
};

// Numbers the distinct nodes of a group (or of a part of all groups' nodes) in the order they are
// first seen: an open-addressing table keyed by node address. One probe per node of a quad, where
// sorting every occurrence by address, removing duplicates and binary-searching each again cost ten
// times as much.
class NodeNumbers {
 public:
  // Room for `expected` nodes before the table first grows.
  explicit NodeNumbers(std::size_t expected = kInitialSlots / 2) {
    resize(std::bit_ceil(std::max(2 * expected, kInitialSlots)));
  }
  // Fibonacci hashing of the address (its low bits are alignment): its high bits are the best.
  static std::uint64_t hash(NodeId node) {
    return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(node) >> 4) *
           0x9E3779B97F4A7C15ULL;
  }
  // The number of `node`, which is appended to `nodes` on first sight. Inlined: it runs for
  // nearly every node of every quad written, and growing is out of line.
  [[gnu::always_inline]] std::uint32_t number(NodeId node, std::vector<NodeId>& nodes) {
    std::size_t i = slot_of(node);
    for (; slots_[i].node != nullptr; i = (i + 1) & mask_) {
      if (slots_[i].node == node) return slots_[i].number;
    }
    const auto n = static_cast<std::uint32_t>(nodes.size());
    nodes.push_back(node);
    if (n < limit_) {
      slots_[i] = {node, n};
    } else {
      grow(nodes);
    }
    return n;
  }

 private:
  static constexpr std::size_t kInitialSlots = 1024;  // a power of two
  struct Slot {
    NodeId node = nullptr;
    std::uint32_t number = 0;
  };
  void resize(std::size_t slots) {
    slots_ = std::make_unique<Slot[]>(slots);
    mask_ = slots - 1;
    limit_ = slots / 2;  // at most half full: probes stay short
  }
  std::size_t slot_of(NodeId node) const {
    return static_cast<std::size_t>(hash(node) >> 32) & mask_;
  }
  // Doubles the table and numbers `nodes` in it again (the last one is new).
  [[gnu::noinline]] void grow(const std::vector<NodeId>& nodes) {
    resize(2 * (mask_ + 1));
    for (std::uint32_t n = 0; n < nodes.size(); ++n) {
      std::size_t i = slot_of(nodes[n]);
      while (slots_[i].node != nullptr) i = (i + 1) & mask_;
      slots_[i] = {nodes[n], n};
    }
  }
  std::unique_ptr<Slot[]> slots_;
  std::size_t mask_ = 0;
  std::size_t limit_ = 0;  // the numbers below it have room in the table
};

// The order of a whole write: its groups (with union_view one group of each distinct triple of
// all graphs; otherwise the default graph, then the named graphs by value), each group's quads by
// the values of their subject, predicate and object.
//
// Each group's distinct nodes are numbered on their own, in a table that stays in the CPU caches
// (one table of every node of a large store would miss on nearly every lookup). Their lists are
// then merged into the distinct nodes of the whole output, which are sorted by value once: a node
// in many graphs (predicates, classes, shared entities) is compared once, not once per graph.
// Each group's quads are then sorted by integer ranks.
class CanonicalOrder {
 public:
  struct Group {
    NodeId graph;            // nullptr: the default graph, or the union of all graphs
    std::size_t begin, end;  // range in quads()
  };

  CanonicalOrder(const Store& store, bool union_view) {
    std::vector<NodeId> entries;  // each group's distinct nodes, group after group
    const std::vector<QuadIds>* unmerged = union_view ? nullptr : store.unmerged_quads();
    quads_.reserve(unmerged ? unmerged->size() : store.size());
    if (union_view) {
      add_group(store.scan_union(nullptr, nullptr, nullptr), nullptr, entries);
    } else if (unmerged) {
      add_unmerged_graphs(store, *unmerged, entries);
    } else {
      add_group(store.scan(nullptr, nullptr, nullptr, store.default_graph()), nullptr, entries);
      for (NodeId g : sorted_graphs(store)) {
        add_group(store.scan(nullptr, nullptr, nullptr, g), g, entries);
      }
    }
    const std::vector<std::uint32_t> rank = rank_entries(std::move(entries));
    // Each group sorted, without the copies of a quad that a first load may hold, and moved
    // down over the room the copies of the groups before it left.
    std::size_t kept = 0;
    for (Group& g : groups_) {
      RankedQuad* first = quads_.data() + g.begin;
      const std::size_t size = rank_and_sort(first, quads_.data() + g.end, rank);
      if (kept != g.begin) std::copy(first, first + size, quads_.data() + kept);
      g.begin = kept;
      g.end = kept += size;
    }
    quads_.resize(kept);
  }

  const std::vector<Group>& groups() const { return groups_; }
  const RankedQuad& quad(std::size_t i) const { return quads_[i]; }
  QuadIds quad_ids(const RankedQuad& q) const {
    return {nodes_[q.s], nodes_[q.p], nodes_[q.o], nullptr};
  }
  // The distinct nodes written, by rank.
  const std::vector<NodeId>& nodes() const { return nodes_; }
  NodeId node(std::uint32_t rank) const { return nodes_[rank]; }
  // Whether the node of `rank` is in more than one group.
  bool shared(std::uint32_t rank) const { return shared_[rank] != 0; }

 private:
  // The quads of a range, read as from a Cursor.
  struct QuadRange {
    const QuadIds* at;
    const QuadIds* end;
    bool next(QuadIds& q) {
      if (at == end) return false;
      q = *at++;
      return true;
    }
  };

  // The default graph's group, then each named graph's by value, from a first load's unmerged
  // quads (in any order, duplicates included): each graph's quads are gathered from their runs
  // (a load brings an article's quads together) with each subject's together, as
  // rank_and_sort() needs them (it drops the copies of a quad). Sorting them by address (as
  // the graph's scan would give them) cost a sixth of the write.
  void add_unmerged_graphs(const Store& store, const std::vector<QuadIds>& quads,
                           std::vector<NodeId>& entries) {
    std::unordered_map<NodeId, std::vector<Run>> runs;  // by graph
    for (std::size_t i = 0; i < quads.size();) {
      std::size_t end = i + 1;
      while (end < quads.size() && quads[end].graph == quads[i].graph) ++end;
      runs[quads[i].graph].push_back({i, end});
      i = end;
    }
    std::vector<QuadIds> graph_quads;
    auto add = [&](NodeId graph, NodeId group_graph) {
      graph_quads.clear();
      if (const auto it = runs.find(graph); it != runs.end()) {
        gather_by_subject(quads, it->second, graph_quads);
      }
      add_group(QuadRange{graph_quads.data(), graph_quads.data() + graph_quads.size()}, group_graph,
                entries);
    };
    add(store.default_graph(), nullptr);
    for (NodeId g : sorted_graphs(store)) add(g, g);
  }

  // A range of a first load's quads, all in one graph.
  struct Run {
    std::size_t begin, end;
  };

  // Appends the quads of `runs` to `out`, each subject's together: subjects in the order they
  // first come, each one's quads in their order. A counting sort by the subjects' numbers, which
  // scatters the quads straight from the runs (the resolution graph of a large load holds
  // hundreds of thousands, in no order: no second copy of them). Runs that come subject by
  // subject are copied as they are.
  void gather_by_subject(const std::vector<QuadIds>& quads, const std::vector<Run>& runs,
                         std::vector<QuadIds>& out) {
    NodeNumbers numbers;
    subjects_.clear();
    next_.clear();  // first each subject's count
    run_numbers_.clear();
    NodeId last = nullptr;
    std::uint32_t number = 0;
    for (const Run& r : runs) {
      for (std::size_t i = r.begin; i < r.end; ++i) {
        if (quads[i].subject != last) {  // (no subject is nullptr)
          last = quads[i].subject;
          number = numbers.number(last, subjects_);
          if (number == next_.size()) next_.push_back(0);
          run_numbers_.push_back(number);
        }
        ++next_[number];
      }
    }
    const std::size_t begin = out.size();
    if (run_numbers_.size() == subjects_.size()) {  // no subject in two runs of its quads
      for (const Run& r : runs) {
        out.insert(out.end(), quads.begin() + static_cast<std::ptrdiff_t>(r.begin),
                   quads.begin() + static_cast<std::ptrdiff_t>(r.end));
      }
      return;
    }
    std::size_t at = begin;  // each subject's first place
    for (std::size_t& n : next_) at += std::exchange(n, at);
    out.resize(at);
    // The same subject runs again, with the numbers the first pass found (no second lookup).
    last = nullptr;
    const std::uint32_t* run_number = run_numbers_.data();
    for (const Run& r : runs) {
      for (std::size_t i = r.begin; i < r.end; ++i) {
        if (quads[i].subject != last) {
          last = quads[i].subject;
          number = *run_number++;
        }
        out[next_[number]++] = quads[i];
      }
    }
  }

  // Appends the group's quads with the numbers of their nodes in `entries`. `cursor` is a
  // Cursor or a QuadRange.
  template <typename Quads>
  void add_group(Quads cursor, NodeId graph, std::vector<NodeId>& entries) {
    const std::size_t begin = quads_.size();
    const auto offset = static_cast<std::uint32_t>(entries.size());
    NodeNumbers numbers;
    local_nodes_.clear();
    // A graph's quads come by subject, and a subject's by predicate: a node like the previous
    // quad's keeps its number without a probe.
    QuadIds q, last;
    RankedQuad numbered{};
    while (cursor.next(q)) {
      if (q.subject != last.subject) numbered.s = offset + numbers.number(q.subject, local_nodes_);
      if (q.predicate != last.predicate) {
        numbered.p = offset + numbers.number(q.predicate, local_nodes_);
      }
      numbered.o = offset + numbers.number(q.object, local_nodes_);
      quads_.push_back(numbered);
      last = q;
    }
    entries.insert(entries.end(), local_nodes_.begin(), local_nodes_.end());
    groups_.push_back({graph, begin, quads_.size()});
  }

  // Replaces the entry numbers of a group's quads by the ranks of their nodes (`rank` of each
  // entry), sorts the quads by subject, predicate, then object rank and keeps one of each
  // (a first load's quads may come twice): returns how many are kept, from `first` on.
  //
  // A group's quads come with each subject's quads together (the store's order, or
  // gather_by_subject()), so the subjects' runs are sorted by subject rank, and each run on its
  // own by predicate and object rank as one integer: some ten quads per sort, not the group's
  // hundreds.
  std::size_t rank_and_sort(RankedQuad* first, RankedQuad* last,
                            const std::vector<std::uint32_t>& rank) {
    runs_.clear();
    for (RankedQuad* q = first; q != last; ++q) {
      if (q == first || q->s != q[-1].s) {
        runs_.push_back((std::uint64_t{rank[q->s]} << 32) | static_cast<std::uint32_t>(q - first));
      }
    }
    std::sort(runs_.begin(), runs_.end());
    bool subjects_apart = true;  // no subject in two runs
    for (std::size_t r = 1; r < runs_.size(); ++r) {
      subjects_apart = subjects_apart && (runs_[r] >> 32) != (runs_[r - 1] >> 32);
    }
    if (!subjects_apart) {
      for (RankedQuad* q = first; q != last; ++q) *q = {rank[q->s], rank[q->p], rank[q->o]};
      const auto key = [](const RankedQuad& q) { return std::tie(q.s, q.p, q.o); };
      std::sort(first, last,
                [&](const RankedQuad& a, const RankedQuad& b) { return key(a) < key(b); });
      return static_cast<std::size_t>(
          std::unique(first, last,
                      [&](const RankedQuad& a, const RankedQuad& b) { return key(a) == key(b); }) -
          first);
    }
    // Each run's predicate and object ranks as one key, in the order of the sorted runs.
    keys_.resize(static_cast<std::size_t>(last - first));
    run_ends_.clear();
    std::uint64_t* key = keys_.data();
    for (const std::uint64_t run : runs_) {
      const RankedQuad* q = first + static_cast<std::uint32_t>(run);
      const std::uint32_t subject = q->s;
      std::uint64_t* const begin = key;
      for (; q != last && q->s == subject; ++q) {
        *key++ = (std::uint64_t{rank[q->p]} << 32) | rank[q->o];
      }
      sort_keys(begin, key);
      run_ends_.push_back(static_cast<std::size_t>(key - keys_.data()));
    }
    key = keys_.data();
    RankedQuad* out = first;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      const auto subject = static_cast<std::uint32_t>(runs_[r] >> 32);
      const std::uint64_t* const begin = key;
      for (const std::uint64_t* end = keys_.data() + run_ends_[r]; key != end; ++key) {
        if (key != begin && *key == key[-1]) continue;  // a copy of the quad before
        *out++ = {subject, static_cast<std::uint32_t>(*key >> 32),
                  static_cast<std::uint32_t>(*key)};
      }
    }
    return static_cast<std::size_t>(out - first);
  }

  static void sort_keys(std::uint64_t* first, std::uint64_t* last) {
    if (last - first > 24) {
      std::sort(first, last);
      return;
    }
    for (std::uint64_t* i = first + 1; i < last; ++i) {
      const std::uint64_t k = *i;
      std::uint64_t* j = i;
      for (; j > first && k < j[-1]; --j) *j = j[-1];
      *j = k;
    }
  }

  // The rank by value of each entry's node; fills nodes_ and shared_. Each array is dropped as
  // soon as the next step no longer needs it: at 10,000 articles there are millions of entries.
  std::vector<std::uint32_t> rank_entries(std::vector<NodeId> entries) {
    // The distinct nodes, numbered in hash tables: one per part of the entries split by the top
    // bits of their node's hash, of at most kPartEntries entries, so that each table stays in the
    // CPU caches (one table of millions of nodes would miss on nearly every probe). Each node is
    // in one part. Some 30 instructions an entry, where sorting them by address took 130.
    const std::size_t count = entries.size();
    int part_bits = 0;
    while ((count >> part_bits) > kPartEntries) ++part_bits;
    std::vector<std::uint32_t> by_part;  // entry indices, part after part (with several parts)
    std::vector<std::size_t> part_end(std::size_t{1} << part_bits, count);
    if (part_bits > 0) {
      auto part_of = [&](NodeId node) {
        return static_cast<std::size_t>(NodeNumbers::hash(node) >> (64 - part_bits));
      };
      std::vector<std::size_t> next(part_end.size() + 1, 0);
      for (const NodeId node : entries) ++next[part_of(node) + 1];
      for (std::size_t p = 1; p < next.size(); ++p) next[p] += next[p - 1];
      by_part.resize(count);
      for (std::uint32_t e = 0; e < count; ++e) by_part[next[part_of(entries[e])]++] = e;
      for (std::size_t p = 0; p < part_end.size(); ++p) part_end[p] = next[p];
    }
    std::vector<std::uint32_t> entry_rank(count);  // first the distinct node's index
    std::vector<NodeId> distinct;
    std::vector<std::uint8_t> distinct_shared;
    std::vector<NodeId> part_nodes;
    std::size_t i = 0;
    for (const std::size_t end : part_end) {
      // Room for half the part's entries to be distinct nodes (a part of a few groups has more).
      NodeNumbers numbers((end - i) / 2);
      part_nodes.clear();
      const auto base = static_cast<std::uint32_t>(distinct.size());
      for (; i < end; ++i) {
        const std::uint32_t e = part_bits > 0 ? by_part[i] : static_cast<std::uint32_t>(i);
        const std::size_t known = part_nodes.size();
        const std::uint32_t number = numbers.number(entries[e], part_nodes);
        if (number == known) {
          distinct_shared.push_back(0);
        } else {
          distinct_shared[base + number] = 1;
        }
        entry_rank[e] = base + number;
      }
      distinct.insert(distinct.end(), part_nodes.begin(), part_nodes.end());
    }
    entries = {};
    by_part = {};
    // order_by_value() reads the nodes in index order, once each at first: the nodes a few
    // places ahead are fetched while it reads one (each a cache miss or two in a large store).
    const auto read_ahead = [&](std::uint32_t d) {
      if (d + kReadAhead < distinct.size()) {
        const char* node = reinterpret_cast<const char*>(distinct[d + kReadAhead]);
        __builtin_prefetch(node);
        __builtin_prefetch(node + sizeof(Node));  // the value's first bytes
      }
      return World::view(distinct[d]);
    };
    const std::vector<std::uint32_t> order =
        order_by_value(static_cast<std::uint32_t>(distinct.size()), read_ahead);
    std::vector<std::uint32_t> rank_of(order.size());
    nodes_.resize(order.size());
    shared_.resize(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) {
      rank_of[order[r]] = r;
      nodes_[r] = distinct[order[r]];
      shared_[r] = distinct_shared[order[r]];
    }
    for (std::uint32_t& r : entry_rank) r = rank_of[r];
    return entry_rank;
  }

  static constexpr std::size_t kPartEntries = std::size_t{1} << 17;
  static constexpr std::size_t kReadAhead = 8;

  std::vector<Group> groups_;
  std::vector<RankedQuad> quads_;  // every group's, group after group
  std::vector<NodeId> nodes_;      // by rank
  std::vector<std::uint8_t> shared_;
  std::vector<NodeId> local_nodes_;  // the current group's, while adding it
  // gather_by_subject()'s: the distinct subjects, and where each one's quads go next.
  std::vector<NodeId> subjects_;
  std::vector<std::size_t> next_;
  std::vector<std::uint32_t> run_numbers_;  // the subject number of each run of one subject
  // The current group's, while sorting it: its subjects' runs (subject rank, first quad), their
  // quads' keys and where each run's keys end.
  std::vector<std::uint64_t> runs_, keys_;
  std::vector<std::size_t> run_ends_;
};

// Namespaces of the registry that some IRI written uses, so the output declares only those.
std::vector<rdf::Prefix> used_prefixes(const CanonicalOrder& order,
                                       const rdf::PrefixRegistry& registry) {
  std::set<std::string> used;
  auto note = [&](NodeId n) {
    if (!n) return;
    rdf::TermView v = World::view(n);
    std::string_view iri = v.is_iri() ? v.value : v.datatype;
    if (iri.empty()) return;
    for (const auto& p : registry.prefixes()) {
      if (iri.starts_with(p.iri)) used.insert(p.name);
    }
  };
  for (NodeId n : order.nodes()) note(n);
  for (const CanonicalOrder::Group& g : order.groups()) note(g.graph);
  std::vector<rdf::Prefix> out;
  for (const auto& p : registry.prefixes()) {
    if (used.count(p.name)) out.push_back(p);
  }
  return out;
}

// Texts that stay where they are written, so a text can be read through a pointer while more
// are added: a chunk with texts in it is never filled past its capacity (which would move them).
// A text goes to an empty chunk when it may not fit the current one's room, and only there may a
// chunk grow (a long literal).
class TextChunks {
 public:
  // Appends the N-Triples text of `term` and a space.
  std::string_view add(const rdf::TermView& term) {
    // The most bytes the text can take: every character escaped as \u00XX.
    const std::size_t most = 6 * (term.value.size() + term.datatype.size()) + term.lang.size() + 8;
    if (current_ == chunks_.size() ||
        (!chunks_[current_].empty() &&
         chunks_[current_].capacity() - chunks_[current_].size() < most)) {
      next_chunk();
    }
    std::string& chunk = chunks_[current_];
    const std::size_t begin = chunk.size();
    rdf::append_ntriples(chunk, term);
    chunk += ' ';
    return {chunk.data() + begin, chunk.size() - begin};
  }
  // Drops every text; the chunks are kept for the next ones.
  void clear() {
    for (std::string& chunk : chunks_) chunk.clear();
    current_ = 0;
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  // Moves to the next chunk (empty), made if there is none.
  [[gnu::noinline]] void next_chunk() {
    if (current_ < chunks_.size()) ++current_;
    if (current_ == chunks_.size()) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunk);
    }
  }
  std::vector<std::string> chunks_;
  std::size_t current_ = 0;  // the chunk written to; chunks_.size() before the first
};

// The N-Triples text of each node written and a space, made on first use: subjects,
// predicates and graph names repeat on most lines. A node of several groups (predicates, classes,
// shared entities) is kept for the whole write, so it is escaped once; a node of one group
// (article texts are long literals) is kept only while its group is written, so memory stays
// that of a group.
class NodeTexts {
 public:
  explicit NodeTexts(const CanonicalOrder& order) : order_(order), texts_(order.nodes().size()) {}
  void start_group() { group_texts_.clear(); }
  // The text and space of the node of `rank`, valid until start_group().
  std::string_view text_and_space(std::uint32_t rank) {
    const Text& text = texts_[rank];
    if (text.data == nullptr) return make(rank);
    return {text.data, text.size};
  }
  // Fetches what text_and_space(rank) will read, a few lines before it does: the text's entry,
  // and the node with its value's first bytes, which a first use reads (a cache miss each in a
  // large store).
  void read_ahead(std::uint32_t rank) const {
    __builtin_prefetch(&texts_[rank]);
    const char* node = reinterpret_cast<const char*>(order_.node(rank));
    __builtin_prefetch(node);
    __builtin_prefetch(node + sizeof(Node));
  }

 private:
  struct Text {
    const char* data = nullptr;  // nullptr: not made yet (or made in an earlier group)
    std::uint32_t size = 0;
  };
  [[gnu::noinline]] std::string_view make(std::uint32_t rank) {
    const bool shared = order_.shared(rank);
    const std::string_view text =
        (shared ? shared_texts_ : group_texts_).add(World::view(order_.node(rank)));
    texts_[rank] = {text.data(), static_cast<std::uint32_t>(text.size())};
    return text;
  }
  const CanonicalOrder& order_;
  std::vector<Text> texts_;  // by rank
  TextChunks shared_texts_, group_texts_;
};

// Copies `size` bytes, without a call for the sizes of most pieces of a line (a node's text is
// some 20 to 80 bytes): two to four overlapping moves that stay inside both ranges.
[[gnu::always_inline]] inline void copy_piece(char* to, const char* from, std::size_t size) {
  if (size > 64) {
    std::memcpy(to, from, size);
  } else if (size > 32) {
    std::memcpy(to, from, 16);
    std::memcpy(to + 16, from + 16, 16);
    std::memcpy(to + size - 32, from + size - 32, 16);
    std::memcpy(to + size - 16, from + size - 16, 16);
  } else if (size >= 16) {
    std::memcpy(to, from, 16);
    std::memcpy(to + size - 16, from + size - 16, 16);
  } else if (size >= 8) {
    std::memcpy(to, from, 8);
    std::memcpy(to + size - 8, from + size - 8, 8);
  } else if (size >= 4) {
    std::memcpy(to, from, 4);
    std::memcpy(to + size - 4, from + size - 4, 4);
  } else {
    for (std::size_t i = 0; i < size; ++i) to[i] = from[i];
  }
}

// Lines collected in a fixed block and written in large writes. A line is copied in four pieces
// with one check for room, where appending six pieces to a std::string checked each. The block
// is aligned and goes out full (a line may straddle two blocks), so that a file written with
// direct I/O takes it as it is, without a copy (FileOutput). To a FileOutput a full block goes
// with write_behind(), and the lines go on in a second block while the device takes it.
class LineBuffer {
 public:
  explicit LineBuffer(std::ostream& out)
      : out_(out), file_(dynamic_cast<detail::FileOutput*>(out.rdbuf())) {
    blocks_[0] = new_block();
    if (file_) blocks_[1] = new_block();
  }
  ~LineBuffer() {
    if (file_) file_->wait_behind();  // it may still be reading a block
  }
  LineBuffer(const LineBuffer&) = delete;
  LineBuffer& operator=(const LineBuffer&) = delete;

  void line(std::string_view a, std::string_view b, std::string_view c, std::string_view d) {
    const std::size_t size = a.size() + b.size() + c.size() + d.size();
    if (size > kBlock - used_) [[unlikely]] {
      for (std::string_view piece : {a, b, c, d}) append_across_blocks(piece);
      return;
    }
    char* at = block() + used_;
    copy_piece(at, a.data(), a.size());
    at += a.size();
    copy_piece(at, b.data(), b.size());
    at += b.size();
    copy_piece(at, c.data(), c.size());
    at += c.size();
    copy_piece(at, d.data(), d.size());
    used_ += size;
  }
  // Writes the lines of the block (at the end: it need not be full).
  void flush() {
    out_.write(block(), static_cast<std::streamsize>(used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  static constexpr std::size_t kAlign = 4096;
  struct AlignedDelete {
    void operator()(char* p) const { ::operator delete[](p, std::align_val_t{kAlign}); }
  };
  using Block = std::unique_ptr<char[], AlignedDelete>;
  static Block new_block() {
    return Block(static_cast<char*>(::operator new[](kBlock, std::align_val_t{kAlign})));
  }
  char* block() { return blocks_[current_].get(); }
  // Fills the block, writes it when full, and goes on in the next.
  [[gnu::noinline]] void append_across_blocks(std::string_view piece) {
    while (!piece.empty()) {
      const std::size_t n = std::min(piece.size(), kBlock - used_);
      std::memcpy(block() + used_, piece.data(), n);
      used_ += n;
      piece.remove_prefix(n);
      if (used_ == kBlock) write_full_block();
    }
  }
  void write_full_block() {
    if (!file_) {
      flush();
      return;
    }
    file_->write_behind(block(), kBlock);  // (waits for the other block's write first)
    current_ ^= 1;
    used_ = 0;
  }
  std::ostream& out_;
  detail::FileOutput* file_;  // nullptr: another kind of stream, written in the foreground
  Block blocks_[2];
  int current_ = 0;  // the block being filled
  std::size_t used_ = 0;
};

// How many lines ahead write_lines() fetches a line's object.
constexpr std::size_t kLinesAhead = 4;

void write_lines(const Store& store, bool with_graphs, std::ostream& out) {
  const CanonicalOrder order(store, !with_graphs);
  LineBuffer lines(out);
  NodeTexts texts(order);
  std::string end;  // of each line of the group: the graph's name (after a space) and " .\n"
  for (const CanonicalOrder::Group& group : order.groups()) {
    end.clear();
    if (group.graph) {
      rdf::append_ntriples(end, World::view(group.graph));
      end += ' ';
    }
    end += ".\n";
    texts.start_group();
    for (std::size_t i = group.begin; i < group.end; ++i) {
      // Objects are the nodes that change from line to line (a subject's lines come together).
      if (i + kLinesAhead < group.end) texts.read_ahead(order.quad(i + kLinesAhead).o);
      const RankedQuad& r = order.quad(i);
      lines.line(texts.text_and_space(r.s), texts.text_and_space(r.p), texts.text_and_space(r.o),
                 end);
    }
  }
  lines.flush();
}

class SerdOutput {
 public:
  SerdOutput(Format format, std::ostream& out, const WriteOptions& options,
             const std::vector<rdf::Prefix>& prefixes)
      : env_(serd_env_new(nullptr)) {
    for (const auto& p : prefixes) {
      serd_env_set_prefix_from_strings(env_, u8(p.name), u8(p.iri));
    }
    SerdURI base_uri = SERD_URI_NULL;
    if (!options.base_iri.empty()) serd_uri_parse(u8(options.base_iri), &base_uri);
    writer_ = serd_writer_new(
        format == Format::TriG ? SERD_TRIG : SERD_TURTLE,
        static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED | SERD_STYLE_BULK), env_,
        &base_uri, ostream_sink, &out);
    serd_env_foreach(env_, reinterpret_cast<SerdPrefixSink>(serd_writer_set_prefix), writer_);
  }

  ~SerdOutput() {
    serd_writer_free(writer_);
    serd_env_free(env_);
  }

  void statement(const QuadIds& q, NodeId graph) {
    const Node* object = q.object;
    const char* lang = object->lang();
    SerdNode lang_node =
        lang ? serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(lang))
             : SERD_NODE_NULL;
    SerdStatus st = serd_writer_write_statement(
        writer_, 0, graph ? &graph->serd : nullptr, &q.subject->serd, &q.predicate->serd,
        &object->serd, object->datatype ? &object->datatype->serd : nullptr,
        lang ? &lang_node : nullptr);
    if (st)
      throw std::runtime_error(std::string("cannot write statement: ") +
                               reinterpret_cast<const char*>(serd_strerror(st)));
  }

  void finish() { serd_writer_finish(writer_); }

 private:
  SerdEnv* env_;
  SerdWriter* writer_;
};

}  // namespace

namespace {

rdf::PrefixRegistry merged_prefixes(const Store& store, const WriteOptions& options) {
  rdf::PrefixRegistry merged = options.prefixes;
  if (!options.use_store_prefixes) return merged;
  for (const auto& p : store.prefixes().prefixes()) {
    bool clash = false;
    for (const auto& q : merged.prefixes()) clash = clash || q.name == p.name || q.iri == p.iri;
    if (!clash) merged.set(p.name, p.iri);
  }
  return merged;
}

}  // namespace

void write(const Store& store, Format format, std::ostream& out, const WriteOptions& options) {
  switch (format) {
    case Format::NTriples:
      write_lines(store, false, out);
      break;
    case Format::NQuads:
      write_lines(store, true, out);
      break;
    case Format::Turtle:
    case Format::TriG: {
      // Turtle writes the union of the graphs; sord_write drops graph names in 0.30.16, so TriG
      // walks the graphs itself.
      const bool trig = format == Format::TriG;
      const CanonicalOrder order(store, !trig);
      SerdOutput w(format, out, options, used_prefixes(order, merged_prefixes(store, options)));
      for (const CanonicalOrder::Group& group : order.groups()) {
        for (std::size_t i = group.begin; i < group.end; ++i) {
          w.statement(order.quad_ids(order.quad(i)), group.graph);
        }
      }
      w.finish();
      break;
    }
  }
  out.flush();
  if (!out) throw std::runtime_error("write error");
}

std::string write_to_string(const Store& store, Format format, const WriteOptions& options) {
  std::ostringstream out;
  write(store, format, out, options);
  return out.str();
}

}  // namespace ng::store
