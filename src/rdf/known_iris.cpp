#include "rdf/known_iris.hpp"

#include <array>
#include <atomic>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ng::rdf {
namespace {

// Each copy in one fixed arena (it never moves), after its number: [id: 4 bytes][IRI][NUL].
// entries[id] holds its offset and size, so that a view whose address merely falls in the
// arena (a part of a copy) is not taken for one.
constexpr std::size_t kArenaBytes = std::size_t{1} << 16;
constexpr std::uint32_t kMaxIds = 2048;
constexpr std::size_t kHeader = sizeof(std::uint32_t);

struct Table {
  std::mutex mutex;  // intern() only
  std::unordered_map<std::string_view, std::string_view> by_iri;
  std::deque<std::string> unnumbered;  // past the arena's room
  std::size_t used = 0;
  std::uint32_t ids = 0;
  // offset << 32 | size; atomic, as id_of() may read an entry another thread is writing.
  std::array<std::atomic<std::uint64_t>, kMaxIds + 1> entries{};
  alignas(8) char arena[kArenaBytes];
};

Table& table() {
  static Table* t = new Table;  // never destroyed: views of it live in static constants
  return *t;
}

}  // namespace

std::string_view KnownIris::intern(std::string_view iri) {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  if (auto it = t.by_iri.find(iri); it != t.by_iri.end()) return it->second;
  std::string_view stored;
  if (t.ids < kMaxIds && t.used + kHeader + iri.size() + 1 <= kArenaBytes &&
      iri.size() < (std::size_t{1} << 31)) {
    const std::uint32_t id = ++t.ids;
    char* at = t.arena + t.used;
    std::memcpy(at, &id, kHeader);
    if (!iri.empty()) std::memcpy(at + kHeader, iri.data(), iri.size());
    at[kHeader + iri.size()] = '\0';
    const std::uint64_t offset = t.used + kHeader;
    t.entries[id].store(offset << 32 | iri.size(), std::memory_order_release);
    t.used += kHeader + iri.size() + 1;
    stored = std::string_view(at + kHeader, iri.size());
  } else {
    stored = t.unnumbered.emplace_back(iri);
  }
  t.by_iri.emplace(stored, stored);
  return stored;
}

std::uint32_t KnownIris::id_of(std::string_view view) {
  const Table& t = table();
  const auto at = reinterpret_cast<std::uintptr_t>(view.data());
  const auto base = reinterpret_cast<std::uintptr_t>(t.arena);
  if (at < base + kHeader || at >= base + kArenaBytes) return 0;
  std::uint32_t id;
  std::memcpy(&id, view.data() - kHeader, kHeader);
  if (id == 0 || id > kMaxIds) return 0;
  const std::uint64_t entry = t.entries[id].load(std::memory_order_acquire);
  return entry == ((at - base) << 32 | view.size()) ? id : 0;
}

std::string_view KnownIris::iri(std::uint32_t id) {
  const Table& t = table();
  const std::uint64_t entry = t.entries[id].load(std::memory_order_acquire);
  return {t.arena + (entry >> 32), static_cast<std::size_t>(entry & 0xFFFFFFFFU)};
}

}  // namespace ng::rdf
