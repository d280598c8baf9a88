// Interned RDF nodes over a SordWorld. Only src/store/ includes the Sord and Serd headers;
// other modules see NodeId (an opaque interned pointer) and rdf::TermView.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/term.hpp"

struct SordWorldImpl;
struct SordNodeImpl;

namespace ng::store {

// An interned node: two NodeIds are equal exactly when their terms are equal (RDF term
// equality after the normal form of rdf::Term). nullptr means "no node" (unbound, wildcard).
// A NodeId is borrowed: it stays valid while something holds a reference to the node
// (a quad in a Store, a NodeRef, a NodePool).
using NodeId = const SordNodeImpl*;

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
  // Throws std::invalid_argument for a relative IRI, which Sord cannot represent.
  NodeRef intern(const rdf::Term& term);
  NodeRef intern(const rdf::TermView& term);
  // The same for a view whose value is followed by a NUL byte (term.value.data()[size] == '\0'),
  // as the strings of an rdf::QuadBuffer are: the value is not copied first.
  NodeRef intern_terminated(const rdf::TermView& term) {
    return intern_terminated(term.kind, term.value, term.datatype, term.lang);
  }
  NodeRef iri(std::string_view iri) { return intern(rdf::Term::iri(iri)); }

  // Reads a node without copying: the views point into the interned node.
  static rdf::TermView view(NodeId node);
  static rdf::Term term(NodeId node) { return rdf::to_term(view(node)); }

  // A fresh blank node label, unique in this World ("g<N>"), for blank nodes minted at run time.
  std::string fresh_blank_label();

  SordWorldImpl* raw() { return world_; }

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
  // lookup in Sord's node table, not two and a release (a handful of datatypes recur).
  // Sets `caller_releases` when the node was not cached and the caller owns its reference.
  SordNodeImpl* datatype_node(std::string_view iri, bool& caller_releases);
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  SordWorldImpl* world_;
  unsigned long blank_counter_ = 0;
  std::unordered_map<std::string, SordNodeImpl*, StringHash, std::equal_to<>> datatypes_;
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
