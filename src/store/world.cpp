#include "store/world.hpp"

#include <sord/sord.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include "rdf/vocab.hpp"

namespace ng::store {
namespace {

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }

std::string_view node_string(const SordNode* node) {
  size_t len = 0;
  const uint8_t* str = sord_node_get_string_counted(node, &len);
  return {reinterpret_cast<const char*>(str), len};
}

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

// `text` as a SerdNode measured as serd_strlen() would (bytes up to the first NUL, characters,
// newline and quote flags), so that Sord need not measure it: serd_strlen() goes byte by byte
// with branches per character, where memchr and a counting loop are vectorised. It was 40 % of
// the cost of interning an ingest's terms (article texts and sentences are long literals).
SerdNode measured(SerdType type, std::string_view text) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    text = text.substr(0, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()));
  }
  const std::size_t continuation = continuation_bytes(text);
  SerdNode node = SERD_NODE_NULL;
  node.buf = reinterpret_cast<const uint8_t*>(text.data());
  node.n_bytes = text.size();
  node.n_chars = text.size() - continuation;
  node.type = type;
  if (type == SERD_LITERAL) {  // (Sord keeps no flags for IRIs)
    // memchr: find_first_of would test each byte against the set one at a time.
    const bool newline =
        text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos;
    const bool quote = text.find('"') != std::string_view::npos;
    node.flags = (newline ? SERD_HAS_NEWLINE : 0) | (quote ? SERD_HAS_QUOTE : 0);
  }
  return node;
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

World::World() : world_(sord_world_new()) {
  // Sord would print its own errors (e.g. an invalid URI) to stderr; we report them ourselves.
  sord_world_set_error_sink(
      world_, [](void*, const SerdError*) { return SERD_SUCCESS; }, nullptr);
}

World::~World() {
  for (auto& entry : datatypes_) sord_node_free(world_, entry.second);
  sord_world_free(world_);
}

SordNode* World::datatype_node(std::string_view iri, bool& caller_releases) {
  caller_releases = false;
  if (auto it = datatypes_.find(iri); it != datatypes_.end()) return it->second;
  std::string key(iri);
  SordNode* node = sord_new_uri(world_, bytes(key));
  if (!node) throw std::invalid_argument("not an absolute datatype IRI: <" + key + ">");
  // Data with ever new datatypes must not pin them all: past a bound, nothing more is cached.
  constexpr std::size_t kMaxCachedDatatypes = 256;
  if (datatypes_.size() < kMaxCachedDatatypes) {
    datatypes_.emplace(std::move(key), node);
  } else {
    caller_releases = true;
  }
  return node;
}

void World::release(NodeId node) { sord_node_free(world_, const_cast<SordNode*>(node)); }

NodeId World::add_ref(NodeId node) { return sord_node_copy(node); }

void World::add_refs(NodeId a, NodeId b, NodeId c, NodeId d) {
  sord_node_copy(a);
  sord_node_copy(b);
  sord_node_copy(c);
  sord_node_copy(d);
}

// Sord takes NUL-terminated strings: a Term's own strings are, so only a view is copied.
NodeRef World::intern(const rdf::Term& term) {
  return intern_terminated(term.kind, term.value, term.datatype, term.lang);
}

NodeRef World::intern(const rdf::TermView& term) {
  const std::string value(term.value);
  return intern_terminated(term.kind, value, term.datatype, term.lang);
}

NodeRef World::intern_terminated(rdf::TermKind kind, std::string_view value,
                                 std::string_view datatype_iri, std::string_view language) {
  const auto* text = reinterpret_cast<const uint8_t*>(value.data());
  SordNode* node = nullptr;
  switch (kind) {
    case rdf::TermKind::Iri: {
      // Sord cannot hold a relative IRI (and would resolve it against a base we do not pass).
      if (serd_uri_string_has_scheme(text)) {
        const SerdNode iri = measured(SERD_URI, value);
        node = sord_node_from_serd_node(world_, nullptr, &iri, nullptr, nullptr);
      }
      if (!node) {
        throw std::invalid_argument("not an absolute IRI: <" + std::string(value.data()) + ">");
      }
      break;
    }
    case rdf::TermKind::Blank:
      node = sord_new_blank(world_, text);
      break;
    case rdf::TermKind::Literal: {
      // Normal form: a language tag wins, xsd:string is the same as no datatype.
      std::string lang = rdf::lowercase_ascii(language);
      if (lang.empty() && !datatype_iri.empty() && datatype_iri != vocab::kXsdString) {
        // Typed literals are short (numbers, dates): measuring them costs little, and the
        // datatype node comes from the cache.
        bool release_datatype = false;
        SordNode* datatype = datatype_node(datatype_iri, release_datatype);
        node = sord_new_literal(world_, datatype, text, nullptr);
        if (release_datatype) sord_node_free(world_, datatype);
      } else {
        const SerdNode literal = measured(SERD_LITERAL, value);
        const SerdNode lang_node = lang.empty() ? SERD_NODE_NULL : measured(SERD_LITERAL, lang);
        node = sord_node_from_serd_node(world_, nullptr, &literal, nullptr,
                                        lang.empty() ? nullptr : &lang_node);
      }
      break;
    }
  }
  if (!node) {
    throw std::invalid_argument(
        "cannot intern term " +
        rdf::to_ntriples(rdf::TermView{kind, value.data(), datatype_iri, language}));
  }
  return NodeRef(this, node);
}

rdf::TermView World::view(NodeId node) {
  rdf::TermView v;
  v.value = node_string(node);
  switch (sord_node_get_type(node)) {
    case SORD_URI:
      v.kind = rdf::TermKind::Iri;
      break;
    case SORD_BLANK:
      v.kind = rdf::TermKind::Blank;
      break;
    case SORD_LITERAL: {
      v.kind = rdf::TermKind::Literal;
      if (const SordNode* dt = sord_node_get_datatype(node)) v.datatype = node_string(dt);
      if (const char* lang = sord_node_get_language(node)) v.lang = lang;
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
