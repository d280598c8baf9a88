#include "store/world.hpp"

#include <serd/serd.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rdf/iri.hpp"
#include "rdf/vocab.hpp"
#include "store/node.hpp"
#include "store/node_cache.hpp"

namespace ng::store {
namespace {

// The UTF-8 continuation bytes (10xxxxxx) of `text`, 8 bytes at a time: a byte-wise loop was
// most of measured()'s cost. A byte counts when its bit 7 is set and its bit 6 (shifted into bit
// 7 of the same byte) is not; the flags are summed per byte lane, and the lanes added up before
// any could reach 256.
std::size_t continuation_bytes(std::string_view text) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  constexpr std::uint64_t kLowBytes = 0x0101010101010101ULL;
  std::size_t count = 0;
  const char* p = text.data();
  std::size_t n = text.size();
  while (n >= 8) {
    std::uint64_t lanes = 0;  // up to 31 words: each lane stays below 256
    for (int words = 0; words < 31 && n >= 8; ++words, p += 8, n -= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      lanes += ((word & ~(word << 1)) & kHighBits) >> 7;
    }
    count += static_cast<std::size_t>((lanes * kLowBytes) >> 56);
  }
  for (; n > 0; ++p, --n) count += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  return count;
}

// The bytes of `text` before its first NUL: where serd_strlen() and C strings end.
std::string_view until_nul(std::string_view text) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    text = text.substr(0, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()));
  }
  return text;
}

// A literal's flags as serd_strlen() sets them (memchr: find_first_of would test each byte
// against the set one at a time). Sord keeps none for IRIs and blank nodes.
SerdNodeFlags literal_flags(std::string_view text) {
  const bool newline =
      text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos;
  const bool quote = text.find('"') != std::string_view::npos;
  return (newline ? SERD_HAS_NEWLINE : 0) | (quote ? SERD_HAS_QUOTE : 0);
}

SerdType serd_type(rdf::TermKind kind) {
  switch (kind) {
    case rdf::TermKind::Iri:
      return SERD_URI;
    case rdf::TermKind::Blank:
      return SERD_BLANK;
    case rdf::TermKind::Literal:
      break;
  }
  return SERD_LITERAL;
}

// Eight bytes at a time (NodeCache's hash), then the kind, datatype and language mixed in.
std::uint64_t hash_of(SerdType type, std::string_view value, const Node* datatype,
                      std::string_view lang) {
  std::uint64_t h = NodeCache::hash_of(value);
  h ^= (static_cast<std::uint64_t>(type) << 56) ^ reinterpret_cast<std::uintptr_t>(datatype);
  if (!lang.empty()) h ^= NodeCache::hash_of(lang) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  return h ^ (h >> 33);
}

bool same_node(const Node& n, SerdType type, std::string_view value, const Node* datatype,
               std::string_view lang) {
  return n.serd.type == type && n.serd.n_bytes == value.size() && n.datatype == datatype &&
         n.lang_size == lang.size() && std::memcmp(n.serd.buf, value.data(), value.size()) == 0 &&
         (lang.empty() || std::memcmp(n.lang(), lang.data(), lang.size()) == 0);
}

}  // namespace

NodeRef::NodeRef(const NodeRef& other) : world_(other.world_), node_(other.node_) {
  if (node_) world_->add_ref(node_);
}

NodeRef::NodeRef(NodeRef&& other) noexcept : world_(other.world_), node_(other.node_) {
  other.node_ = nullptr;
}

NodeRef& NodeRef::operator=(NodeRef other) noexcept {
  std::swap(world_, other.world_);
  std::swap(node_, other.node_);
  return *this;
}

NodeRef::~NodeRef() {
  if (node_) world_->release(node_);
}

World::World() : slots_(kInitialSlots), mask_(kInitialSlots - 1) {}

World::~World() {
  datatypes_.clear();  // (references to nodes freed below)
  for (const Slot& s : slots_) {
    if (s.node) free_node(s.node);
  }
}

void World::free_node(Node* node) {
  node->~Node();
  ::operator delete(node);
}

NodeId World::datatype_node(std::string_view iri, bool& caller_releases) {
  caller_releases = false;
  if (auto it = datatypes_.find(iri); it != datatypes_.end()) return it->second.get();
  NodeRef node = make(rdf::TermKind::Iri, iri, nullptr, {});
  if (!node)
    throw std::invalid_argument("not an absolute datatype IRI: <" + std::string(iri) + ">");
  const NodeId id = node.get();
  // Data with ever new datatypes must not pin them all: past a bound, nothing more is cached.
  constexpr std::size_t kMaxCachedDatatypes = 256;
  if (datatypes_.size() < kMaxCachedDatatypes) {
    datatypes_.emplace(std::string(iri), std::move(node));
  } else {
    add_ref(id);  // the caller's, released by it
    caller_releases = true;
  }
  return id;
}

NodeRef World::make(rdf::TermKind kind, std::string_view value, NodeId datatype,
                    std::string_view language) {
  value = until_nul(value);
  const SerdType type = serd_type(kind);
  if (kind == rdf::TermKind::Iri && !rdf::has_scheme(value)) return {};
  const std::uint64_t hash = hash_of(type, value, datatype, language);
  std::size_t i = slot_of(hash);
  for (; slots_[i].node != nullptr; i = (i + 1) & mask_) {
    if (slots_[i].hash == hash && same_node(*slots_[i].node, type, value, datatype, language)) {
      return NodeRef(this, add_ref(slots_[i].node));
    }
  }
  const std::size_t size =
      sizeof(Node) + value.size() + 1 + (language.empty() ? 0 : language.size() + 1);
  void* memory = ::operator new(size);
  char* bytes = static_cast<char*>(memory) + sizeof(Node);
  std::memcpy(bytes, value.data(), value.size());
  bytes[value.size()] = '\0';
  if (!language.empty()) {
    std::memcpy(bytes + value.size() + 1, language.data(), language.size());
    bytes[value.size() + 1 + language.size()] = '\0';
  }
  auto* node = new (memory) Node{};
  node->serd.buf = reinterpret_cast<const uint8_t*>(bytes);
  node->serd.n_bytes = value.size();
  node->serd.n_chars = value.size() - continuation_bytes(value);
  node->serd.flags = type == SERD_LITERAL ? literal_flags(value) : 0;
  node->serd.type = type;
  node->hash = hash;
  node->refs = 1;
  node->datatype = datatype ? add_ref(datatype) : nullptr;
  node->lang_size = static_cast<std::uint32_t>(language.size());
  slots_[i] = Slot{hash, node};
  ++count_;
  if (4 * count_ > 3 * slots_.size()) grow();
  return NodeRef(this, node);
}

NodeRef World::ref(NodeId node) { return NodeRef(this, add_ref(node)); }

void World::reserve(std::size_t nodes) {
  const std::size_t needed = std::bit_ceil(nodes + nodes / 3 + 1);
  if (needed > slots_.size()) rehash(needed);
}

void World::rehash(std::size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.node == nullptr) continue;
    std::size_t i = slot_of(s.hash);
    while (slots_[i].node != nullptr) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

// Removes the node's slot; the slots after it in its probe run move back over the hole when
// their own first slot is not after it (so every lookup still finds them without tombstones).
void World::erase(const Node* node) {
  std::size_t hole = slot_of(node->hash);
  while (slots_[hole].node != node) hole = (hole + 1) & mask_;
  for (std::size_t j = (hole + 1) & mask_; slots_[j].node != nullptr; j = (j + 1) & mask_) {
    const std::size_t home = slot_of(slots_[j].hash);
    if (((j - home) & mask_) >= ((j - hole) & mask_)) {
      slots_[hole] = slots_[j];
      hole = j;
    }
  }
  slots_[hole] = Slot{};
  --count_;
}

void World::release(NodeId node) {
  auto* n = const_cast<Node*>(node);
  if (--n->refs != 0) return;
  erase(n);
  const Node* datatype = n->datatype;
  free_node(n);
  if (datatype) release(datatype);
}

NodeId World::add_ref(NodeId node) {
  ++const_cast<Node*>(node)->refs;
  return node;
}

void World::add_refs(NodeId a, NodeId b, NodeId c, NodeId d) {
  add_ref(a);
  add_ref(b);
  add_ref(c);
  add_ref(d);
}

// Terms' own strings are NUL-terminated; a view's are copied first.
NodeRef World::intern(const rdf::Term& term) {
  return intern_terminated(term.kind, term.value, term.datatype, term.lang);
}

NodeRef World::intern(const rdf::TermView& term) {
  const std::string value(term.value);
  return intern_terminated(term.kind, value, term.datatype, term.lang);
}

NodeRef World::intern_terminated(rdf::TermKind kind, std::string_view value,
                                 std::string_view datatype_iri, std::string_view language) {
  switch (kind) {
    case rdf::TermKind::Iri: {
      NodeRef node = make(kind, value, nullptr, {});
      // (Sord, whose table this replaced, could not hold a relative IRI either.)
      if (!node)
        throw std::invalid_argument("not an absolute IRI: <" + std::string(until_nul(value)) + ">");
      return node;
    }
    case rdf::TermKind::Blank:
      return make(kind, value, nullptr, {});
    case rdf::TermKind::Literal:
      break;
  }
  // Normal form: a language tag wins, xsd:string is the same as no datatype.
  const std::string lang = rdf::lowercase_ascii(language);
  if (lang.empty() && !datatype_iri.empty() && datatype_iri != vocab::kXsdString) {
    bool release_datatype = false;
    const NodeId datatype = datatype_node(datatype_iri, release_datatype);
    NodeRef node = make(kind, value, datatype, {});
    if (release_datatype) release(datatype);
    return node;
  }
  return make(kind, value, nullptr, lang);
}

rdf::TermView World::view(NodeId node) {
  rdf::TermView v;
  v.value = node->value();
  switch (node->serd.type) {
    case SERD_URI:
      v.kind = rdf::TermKind::Iri;
      break;
    case SERD_BLANK:
      v.kind = rdf::TermKind::Blank;
      break;
    default: {
      v.kind = rdf::TermKind::Literal;
      if (node->datatype) v.datatype = node->datatype->value();
      if (node->lang_size) v.lang = {node->lang(), node->lang_size};
      break;
    }
  }
  return v;
}

std::string World::fresh_blank_label() { return "g" + std::to_string(++blank_counter_); }

NodeId NodePool::intern(const rdf::Term& term) { return intern(term.view()); }

NodeId NodePool::intern(const rdf::TermView& term) {
  refs_.push_back(world_.intern(term));
  return refs_.back().get();
}

}  // namespace ng::store
