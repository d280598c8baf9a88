// Interned RDF nodes: the World's own table of them (node.hpp). Only src/store/ includes the
// Serd headers; other modules see NodeId (an opaque interned pointer) and rdf::TermView.
//
// Why not Sord's node table: it is a chained hash whose entries are scattered over the heap,
// hashed byte by byte; at 10,000 ingested articles (millions of nodes) walking its chains was
// 9 % of the whole ingest, and its share grew with the size of the load. Here a node is one
// allocation (its bytes follow it) found through one open-addressing array of (hash, node).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/term.hpp"

namespace ng::store {

struct Node;  // node.hpp (src/store/ only)

// An interned node: two NodeIds are equal exactly when their terms are equal (RDF term
// equality after the normal form of rdf::Term). nullptr means "no node" (unbound, wildcard).
// A NodeId is borrowed: it stays valid while something holds a reference to the node
// (a quad in a Store, a NodeRef, a NodePool).
using NodeId = const Node*;

class World;

// Owns one reference to an interned node. Movable and copyable (copies add a reference).
class NodeRef {
 public:
  NodeRef() = default;
  NodeRef(const NodeRef& other);
  NodeRef(NodeRef&& other) noexcept;
  NodeRef& operator=(NodeRef other) noexcept;
  ~NodeRef();
  NodeId get() const { return node_; }
  explicit operator bool() const { return node_ != nullptr; }

 private:
  friend class World;
  NodeRef(World* world, NodeId adopted) : world_(world), node_(adopted) {}
  World* world_ = nullptr;
  NodeId node_ = nullptr;
};

// The process-wide node dictionary. Create one World, create Stores from it, and destroy the
// Stores (and every NodeRef) before the World. Not thread-safe.
class World {
 public:
  World();
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Interns a term (applying the normal form: no xsd:string datatype, lower-case language tag).
  // Throws std::invalid_argument for a relative IRI (a store holds absolute IRIs only).
  NodeRef intern(const rdf::Term& term);
  NodeRef intern(const rdf::TermView& term);
  // The same for a view whose value is followed by a NUL byte (term.value.data()[size] == '\0'),
  // as the strings of an rdf::QuadBuffer are: the value is not copied first.
  NodeRef intern_terminated(const rdf::TermView& term) {
    return intern_terminated(term.kind, term.value, term.datatype, term.lang);
  }
  NodeRef iri(std::string_view iri) { return intern(rdf::Term::iri(iri)); }
  // The node of a term already in normal form (`language` lower case, `datatype` nullptr or an
  // IRI node other than xsd:string, as a reader that normalises on its own passes them), made if
  // new: an empty NodeRef for an IRI without a scheme. Bytes from a NUL on are not part of it.
  NodeRef make(rdf::TermKind kind, std::string_view value, NodeId datatype,
               std::string_view language);
  // Another reference to a node that is alive.
  NodeRef ref(NodeId node);

  // Reads a node without copying: the views point into the interned node.
  static rdf::TermView view(NodeId node);
  static rdf::Term term(NodeId node) { return rdf::to_term(view(node)); }

  // A fresh blank node label, unique in this World ("g<N>"), for blank nodes minted at run time.
  std::string fresh_blank_label();

  // Number of distinct nodes alive.
  std::size_t size() const { return count_; }
  // Room for `nodes` nodes in all without the table growing: a bulk load that can estimate its
  // size sizes the table once, instead of doubling it again and again (each time the old array
  // lives on during the copy, which raised the peak memory of a large ingest).
  void reserve(std::size_t nodes);
  // Slots in the table (at least 4/3 of the nodes it can hold without growing).
  std::size_t capacity() const { return slots_.size(); }

 private:
  friend class NodeRef;
  friend class Store;  // quads hold node references too
  void release(NodeId node);
  NodeId add_ref(NodeId node);
  // add_ref() of each, in one call (a quad's nodes, once per quad of a load).
  void add_refs(NodeId a, NodeId b, NodeId c, NodeId d);
  // `value` must be followed by a NUL byte (value.data()[value.size()] == '\0'), as in a Term.
  NodeRef intern_terminated(rdf::TermKind kind, std::string_view value,
                            std::string_view datatype_iri, std::string_view language);
  // The datatype node of a literal, interned once per World: a typed literal then costs one
  // lookup in the node table, not two and a release (a handful of datatypes recur).
  // Sets `caller_releases` when the node was not cached and the caller owns its reference.
  NodeId datatype_node(std::string_view iri, bool& caller_releases);
  // The table: slots of (hash, node), linear probing. At most three quarters used: a probe run
  // stays within a cache line or two (four slots to a line), and with millions of nodes the
  // array takes about what Sord's buckets and entry headers took (peak memory of a large ingest).
  struct Slot {
    std::uint64_t hash = 0;
    Node* node = nullptr;  // nullptr: empty
  };
  std::size_t slot_of(std::uint64_t hash) const { return static_cast<std::size_t>(hash) & mask_; }
  static constexpr std::size_t kInitialSlots = 1024;  // a power of two
  void grow() { rehash(slots_.size() * 2); }
  void rehash(std::size_t slots);  // a power of two, more than 4/3 of count_
  void erase(const Node* node);
  static void free_node(Node* node);
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
  unsigned long blank_counter_ = 0;
  std::unordered_map<std::string, NodeRef, StringHash, std::equal_to<>> datatypes_;
};

// Holds references to nodes made during one operation (e.g. values computed by a query) and
// drops them all at once when it goes out of scope.
class NodePool {
 public:
  explicit NodePool(World& world) : world_(world) {}
  NodeId intern(const rdf::Term& term);
  NodeId intern(const rdf::TermView& term);
  World& world() { return world_; }

 private:
  World& world_;
  std::vector<NodeRef> refs_;
};

}  // namespace ng::store
