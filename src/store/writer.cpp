// Store -> Turtle / TriG (Serd's writer, abbreviated and CURIE'd), N-Triples / N-Quads (ours).
#include <serd/serd.h>
#include <sord/sord.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "store/rdf_io.hpp"

namespace ng::store {
namespace {

size_t ostream_sink(const void* buf, size_t len, void* stream) {
  auto* out = static_cast<std::ostream*>(stream);
  out->write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
  return out->good() ? len : 0;
}

const uint8_t* u8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }

// Orders nodes by kind, then value, datatype and language: the same data is always written in
// the same order, whatever the index order (node addresses) was in this run.
bool term_less(NodeId a, NodeId b) {
  if (a == b) return false;
  rdf::TermView x = World::view(a), y = World::view(b);
  if (x.kind != y.kind) return x.kind < y.kind;
  if (x.value != y.value) return x.value < y.value;
  if (x.datatype != y.datatype) return x.datatype < y.datatype;
  return x.lang < y.lang;
}

// The named graphs by value (not in the order they were first used): the same data gives the
// same output whatever order it was loaded in.
std::vector<NodeId> sorted_graphs(const Store& store) {
  std::vector<NodeId> graphs = store.named_graphs();
  std::sort(graphs.begin(), graphs.end(), term_less);
  return graphs;
}

// A quad with the ranks of its subject, predicate and object among the nodes of its group.
struct RankedQuad {
  std::uint32_t s, p, o;
  QuadIds quad;
};

// Numbers the distinct nodes of a group in the order they are first seen: an open-addressing
// table keyed by node address. One probe per node of a quad, where sorting every occurrence by
// address, removing duplicates and binary-searching each again cost ten times as much.
class NodeNumbers {
 public:
  NodeNumbers() : slots_(kInitialSlots) {}
  // The number of `node`, which is appended to `nodes` on first sight.
  std::uint32_t number(NodeId node, std::vector<NodeId>& nodes) {
    if (2 * (nodes.size() + 1) > slots_.size()) grow(nodes);
    std::size_t i = slot_of(node);
    while (slots_[i].node != nullptr) {
      if (slots_[i].node == node) return slots_[i].number;
      i = (i + 1) & (slots_.size() - 1);
    }
    const auto n = static_cast<std::uint32_t>(nodes.size());
    slots_[i] = {node, n};
    nodes.push_back(node);
    return n;
  }

 private:
  static constexpr std::size_t kInitialSlots = 1024;  // a power of two
  struct Slot {
    NodeId node = nullptr;
    std::uint32_t number = 0;
  };
  std::size_t slot_of(NodeId node) const {
    // Fibonacci hashing of the address (its low bits are alignment).
    const auto h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(node) >> 4) *
                   0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h >> 32) & (slots_.size() - 1);
  }
  void grow(const std::vector<NodeId>& nodes) {
    slots_.assign(slots_.size() * 2, Slot{});
    for (std::uint32_t n = 0; n < nodes.size(); ++n) {
      std::size_t i = slot_of(nodes[n]);
      while (slots_[i].node != nullptr) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = {nodes[n], n};
    }
  }
  std::vector<Slot> slots_;
};

// The quads of one group (one graph, or with union_view each distinct triple of all graphs),
// each node ranked by term_less among the group's nodes, so that sorting quads compares
// integers, not strings. Ranks are local to the group: a graph of an article has a few hundred
// nodes, so ranking them stays in the CPU caches, where one rank table for every node of a large
// store (millions) would miss on nearly every lookup. The output is the same: term_less is a
// total order, and each group is written on its own.
class RankedGroup {
 public:
  RankedGroup(const Store& store, NodeId graph, bool union_view) {
    Cursor c = union_view ? store.scan_union(nullptr, nullptr, nullptr)
                          : store.scan(nullptr, nullptr, nullptr, graph);
    // First the nodes' numbers in order of appearance, then their ranks by value.
    NodeNumbers numbers;
    if (!union_view) quads_.reserve(store.count(nullptr, nullptr, nullptr, graph));
    QuadIds q;
    while (c.next(q)) {
      quads_.push_back({numbers.number(q.subject, nodes_), numbers.number(q.predicate, nodes_),
                        numbers.number(q.object, nodes_), q});
    }
    const std::vector<std::uint32_t> rank = ranks_by_value(nodes_);
    for (RankedQuad& r : quads_) {
      r.s = rank[r.s];
      r.p = rank[r.p];
      r.o = rank[r.o];
    }
    std::sort(quads_.begin(), quads_.end(), [](const RankedQuad& a, const RankedQuad& b) {
      return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
    });
  }
  const std::vector<RankedQuad>& quads() const { return quads_; }
  std::size_t node_count() const { return nodes_.size(); }

 private:
  // rank[i] is the position of nodes[i] in term_less order (distinct nodes never tie).
  static std::vector<std::uint32_t> ranks_by_value(const std::vector<NodeId>& nodes) {
    // Views taken once per node; one three-way comparison of the values (most differ there).
    std::vector<std::pair<rdf::TermView, std::uint32_t>> views;
    views.reserve(nodes.size());
    for (std::uint32_t i = 0; i < nodes.size(); ++i) views.emplace_back(World::view(nodes[i]), i);
    std::sort(views.begin(), views.end(), [](const auto& a, const auto& b) {
      const rdf::TermView &x = a.first, &y = b.first;
      if (x.kind != y.kind) return x.kind < y.kind;
      if (const int c = x.value.compare(y.value); c != 0) return c < 0;
      if (const int c = x.datatype.compare(y.datatype); c != 0) return c < 0;
      return x.lang < y.lang;
    });
    std::vector<std::uint32_t> rank(nodes.size());
    for (std::uint32_t r = 0; r < views.size(); ++r) rank[views[r].second] = r;
    return rank;
  }
  std::vector<NodeId> nodes_;  // the distinct nodes, numbered in order of appearance
  std::vector<RankedQuad> quads_;
};

// Calls f(graph, group) for each group in output order: with union_view the one union group
// (graph nullptr); otherwise the default graph, then the named graphs by value.
template <typename F>
void for_each_group(const Store& store, bool union_view, F&& f) {
  if (union_view) {
    f(nullptr, RankedGroup(store, nullptr, true));
    return;
  }
  f(nullptr, RankedGroup(store, store.default_graph(), false));
  for (NodeId g : sorted_graphs(store)) f(g, RankedGroup(store, g, false));
}

// Namespaces of the registry that some IRI in the store uses, so the output declares only those.
std::vector<rdf::Prefix> used_prefixes(const Store& store, const rdf::PrefixRegistry& registry,
                                       bool with_graphs) {
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
  // Each distinct node of a graph once (not once per quad it is in), graph by graph: a set of
  // every node of a large store would miss the CPU caches on nearly every insert.
  std::vector<NodeId> graphs = store.named_graphs();
  graphs.push_back(store.default_graph());
  std::vector<NodeId> nodes;
  for (NodeId g : graphs) {
    nodes.clear();
    Cursor c = store.scan(nullptr, nullptr, nullptr, g);
    QuadIds q;
    while (c.next(q)) {
      for (NodeId n : {q.subject, q.predicate, q.object}) nodes.push_back(n);
    }
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    for (NodeId n : nodes) note(n);
  }
  if (with_graphs) {
    for (NodeId g : store.named_graphs()) note(g);
  }
  std::vector<rdf::Prefix> out;
  for (const auto& p : registry.prefixes()) {
    if (used.count(p.name)) out.push_back(p);
  }
  return out;
}

// The N-Triples text of each node of a group, made on first use and kept in one arena (one
// allocation per group, not one per node): subjects, predicates and graph names repeat on most
// lines. Predicates, shared by every graph, are escaped once for the whole output.
class GroupTexts {
 public:
  void start_group(std::size_t nodes) {
    arena_.clear();
    spans_.assign(nodes, Span{});
  }
  std::string_view text(NodeId node, std::uint32_t rank) {
    Span& span = spans_[rank];
    if (span.size == 0) {  // no N-Triples text is empty
      span.begin = arena_.size();
      rdf::append_ntriples(arena_, World::view(node));
      span.size = arena_.size() - span.begin;
    }
    return std::string_view(arena_).substr(span.begin, span.size);
  }
  std::string_view predicate_text(NodeId node, std::uint32_t rank) {
    Span& span = spans_[rank];
    if (span.size == 0) {
      std::string& t = predicates_[node];
      if (t.empty()) rdf::append_ntriples(t, World::view(node));
      span.begin = arena_.size();
      arena_ += t;
      span.size = t.size();
    }
    return std::string_view(arena_).substr(span.begin, span.size);
  }

 private:
  struct Span {
    std::size_t begin = 0, size = 0;
  };
  std::string arena_;
  std::vector<Span> spans_;  // by rank within the group
  std::unordered_map<NodeId, std::string> predicates_;
};

void write_lines(const Store& store, bool with_graphs, std::ostream& out) {
  // Lines are built in one buffer and written in large blocks.
  std::string buffer;
  constexpr std::size_t kFlushAt = 1 << 20;
  buffer.reserve(kFlushAt + 4096);
  GroupTexts texts;
  std::string graph_text;
  for_each_group(store, !with_graphs, [&](NodeId graph, const RankedGroup& group) {
    graph_text.clear();
    if (graph) {
      graph_text = " ";
      rdf::append_ntriples(graph_text, World::view(graph));
    }
    graph_text += " .\n";
    texts.start_group(group.node_count());
    for (const RankedQuad& r : group.quads()) {
      buffer += texts.text(r.quad.subject, r.s);
      buffer += ' ';
      buffer += texts.predicate_text(r.quad.predicate, r.p);
      buffer += ' ';
      buffer += texts.text(r.quad.object, r.o);
      buffer += graph_text;
      if (buffer.size() >= kFlushAt) {
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.clear();
      }
    }
  });
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
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
    const SerdNode* object = sord_node_to_serd_node(q.object);
    const SordNode* dt = sord_node_get_datatype(q.object);
    const char* lang = sord_node_get_language(q.object);
    SerdNode lang_node =
        lang ? serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(lang))
             : SERD_NODE_NULL;
    SerdStatus st = serd_writer_write_statement(
        writer_, 0, graph ? sord_node_to_serd_node(graph) : nullptr,
        sord_node_to_serd_node(q.subject), sord_node_to_serd_node(q.predicate), object,
        dt ? sord_node_to_serd_node(dt) : nullptr, lang ? &lang_node : nullptr);
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
      SerdOutput w(format, out, options,
                   used_prefixes(store, merged_prefixes(store, options), trig));
      for_each_group(store, !trig, [&](NodeId graph, const RankedGroup& group) {
        for (const RankedQuad& r : group.quads()) w.statement(r.quad, graph);
      });
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
