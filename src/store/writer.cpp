// Store -> Turtle / TriG (Serd's writer, abbreviated and CURIE'd), N-Triples / N-Quads (ours).
#include <serd/serd.h>
#include <sord/sord.h>

#include <algorithm>
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

// Every node of the store ranked by term_less once, so that sorting quads compares integers,
// not strings (a store has far fewer distinct nodes than quad comparisons in a sort). A rank is
// also a dense key for per-node tables.
class NodeOrder {
 public:
  explicit NodeOrder(const Store& store) {
    std::vector<NodeId> nodes;
    rank_.reserve(store.size());
    Cursor c = store.scan(nullptr, nullptr, nullptr, nullptr);
    QuadIds q;
    while (c.next(q)) {
      for (NodeId n : {q.subject, q.predicate, q.object}) {
        if (rank_.emplace(n, 0).second) nodes.push_back(n);
      }
    }
    std::sort(nodes.begin(), nodes.end(), term_less);
    for (std::uint32_t r = 0; r < nodes.size(); ++r) rank_[nodes[r]] = r;
    nodes_ = std::move(nodes);
  }
  std::uint32_t rank(NodeId n) const { return rank_.at(n); }
  std::size_t size() const { return rank_.size(); }
  // Every subject, predicate and object node, each once, in rank order.
  const std::vector<NodeId>& nodes() const { return nodes_; }

 private:
  std::unordered_map<NodeId, std::uint32_t> rank_;
  std::vector<NodeId> nodes_;
};

// The named graphs by value (not in the order they were first used): the same data gives the
// same output whatever order it was loaded in.
std::vector<NodeId> sorted_graphs(const Store& store) {
  std::vector<NodeId> graphs = store.named_graphs();
  std::sort(graphs.begin(), graphs.end(), term_less);
  return graphs;
}

// A quad with the ranks of its subject, predicate and object.
struct RankedQuad {
  std::uint32_t s, p, o;
  QuadIds quad;
};

// Quads of one graph (union_view: each distinct triple of all graphs), sorted by term value.
template <typename F>
void for_each_quad(const Store& store, const NodeOrder& order, NodeId graph, bool union_view,
                   F&& f) {
  Cursor c = union_view ? store.scan_union(nullptr, nullptr, nullptr)
                        : store.scan(nullptr, nullptr, nullptr, graph);
  std::vector<RankedQuad> quads;
  QuadIds q;
  while (c.next(q)) {
    quads.push_back({order.rank(q.subject), order.rank(q.predicate), order.rank(q.object), q});
  }
  std::sort(quads.begin(), quads.end(), [](const RankedQuad& a, const RankedQuad& b) {
    return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
  });
  for (const auto& r : quads) f(r);
}

// Namespaces of the registry that some IRI in the store uses, so the output declares only those.
std::vector<rdf::Prefix> used_prefixes(const Store& store, const NodeOrder& order,
                                       const rdf::PrefixRegistry& registry, bool with_graphs) {
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
  // Each node once (not once per quad it is in), then the graph names if they are written.
  for (NodeId n : order.nodes()) note(n);
  if (with_graphs) {
    for (NodeId g : store.named_graphs()) note(g);
  }
  std::vector<rdf::Prefix> out;
  for (const auto& p : registry.prefixes()) {
    if (used.count(p.name)) out.push_back(p);
  }
  return out;
}

void write_lines(const Store& store, const NodeOrder& order, bool with_graphs, std::ostream& out) {
  // Lines are built in one buffer and written in large blocks. Each node's N-Triples form is
  // escaped once, on first use, and copied after that (subjects, predicates and graph names
  // repeat on most lines).
  std::string buffer;
  constexpr std::size_t kFlushAt = 1 << 20;
  buffer.reserve(kFlushAt + 4096);
  std::vector<std::string> text(order.size());
  std::vector<bool> done(order.size());
  auto append = [&](NodeId n, std::uint32_t i) {
    if (!done[i]) {
      rdf::append_ntriples(text[i], World::view(n));
      done[i] = true;
    }
    buffer += text[i];
  };
  std::string graph_text;
  auto line = [&](const RankedQuad& r) {
    append(r.quad.subject, r.s);
    buffer += ' ';
    append(r.quad.predicate, r.p);
    buffer += ' ';
    append(r.quad.object, r.o);
    buffer += graph_text;
    buffer += " .\n";
    if (buffer.size() >= kFlushAt) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  };
  if (!with_graphs) {
    for_each_quad(store, order, nullptr, true, line);
  } else {
    for_each_quad(store, order, store.default_graph(), false, line);
    for (NodeId g : sorted_graphs(store)) {
      graph_text = " ";
      rdf::append_ntriples(graph_text, World::view(g));
      for_each_quad(store, order, g, false, line);
    }
  }
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
  const NodeOrder order(store);
  switch (format) {
    case Format::NTriples:
      write_lines(store, order, false, out);
      break;
    case Format::NQuads:
      write_lines(store, order, true, out);
      break;
    case Format::Turtle: {
      SerdOutput w(format, out, options,
                   used_prefixes(store, order, merged_prefixes(store, options), false));
      for_each_quad(store, order, nullptr, true,
                    [&](const RankedQuad& r) { w.statement(r.quad, nullptr); });
      w.finish();
      break;
    }
    case Format::TriG: {
      // sord_write drops graph names in 0.30.16, so we walk the graphs ourselves.
      SerdOutput w(format, out, options,
                   used_prefixes(store, order, merged_prefixes(store, options), true));
      for_each_quad(store, order, store.default_graph(), false,
                    [&](const RankedQuad& r) { w.statement(r.quad, nullptr); });
      for (NodeId g : sorted_graphs(store)) {
        for_each_quad(store, order, g, false, [&](const RankedQuad& r) { w.statement(r.quad, g); });
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
