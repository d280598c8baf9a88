// KnownIris: the IRIs the extractors name in quad after quad (predicates, classes), each stored
// once for the whole process under a small number.
//
// A view of a stored copy tells its number from its address, without hashing or comparing the
// bytes: a QuadBuffer keeps the number instead of copying the IRI, and the store's sink finds
// the node in an array by it. Any other view of the same IRI works as before (number 0).
//
//   static const std::string_view kAgent = rdf::KnownIris::intern("https://.../ontology#agent");
//   rdf::KnownIris::id_of(kAgent);                 // > 0
//   rdf::KnownIris::id_of(std::string(kAgent));    // 0: another copy
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ng::rdf {

namespace detail {
// Each copy in one fixed arena (it never moves), after its number: [id: 4 bytes][IRI][NUL].
// entries[id] holds its offset << 32 | size, so that a view whose address merely falls in the
// arena (a part of a copy) is not taken for one. Constant-initialised, so usable from other
// static initialisers; atomic, as id_of() may read an entry another thread is writing.
struct KnownIriArena {
  static constexpr std::size_t kBytes = std::size_t{1} << 16;
  static constexpr std::uint32_t kMaxIds = 2048;
  static constexpr std::size_t kHeader = sizeof(std::uint32_t);
  alignas(8) char bytes[kBytes];
  std::atomic<std::uint64_t> entries[kMaxIds + 1];
};
extern KnownIriArena known_iri_arena;
}  // namespace detail

class KnownIris {
 public:
  // The stored copy of `iri` (stored on first use; later calls return the same view). For
  // start-up: constants and constructors. Thread-safe. Past the table's room (thousands of
  // IRIs) the copy is kept but gets no number.
  static std::string_view intern(std::string_view iri);
  // The number (1, 2, ...) of the stored copy `view` is, or 0 when `view` is not one (another
  // string, or a part of a stored copy). Lock-free: a few loads and compares.
  // (Inline: called for several terms of each quad.)
  static std::uint32_t id_of(std::string_view view) {
    using Arena = detail::KnownIriArena;
    const Arena& a = detail::known_iri_arena;
    const auto at = reinterpret_cast<std::uintptr_t>(view.data());
    const auto base = reinterpret_cast<std::uintptr_t>(a.bytes);
    if (at - base - Arena::kHeader >= Arena::kBytes - Arena::kHeader) return 0;  // (unsigned)
    std::uint32_t id;
    // (Read through the arena, not view.data(): the same bytes, and the compiler sees where.)
    std::memcpy(&id, a.bytes + (at - base) - Arena::kHeader, Arena::kHeader);
    if (id == 0 || id > Arena::kMaxIds) return 0;
    const std::uint64_t entry = a.entries[id].load(std::memory_order_acquire);
    return entry == ((at - base) << 32 | view.size()) ? id : 0;
  }
  // The stored copy numbered `id` (1 <= id, as id_of returned).
  static std::string_view iri(std::uint32_t id) {
    const detail::KnownIriArena& a = detail::known_iri_arena;
    const std::uint64_t entry = a.entries[id].load(std::memory_order_acquire);
    return {a.bytes + (entry >> 32), static_cast<std::size_t>(entry & 0xFFFFFFFFU)};
  }
};

}  // namespace ng::rdf
