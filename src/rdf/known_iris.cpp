#include "rdf/known_iris.hpp"

#include <array>
#include <atomic>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ng::rdf {

constinit detail::KnownIriArena detail::known_iri_arena{};

namespace {

using detail::KnownIriArena;

struct Table {
  std::mutex mutex;
  std::unordered_map<std::string_view, std::string_view> by_iri;
  std::deque<std::string> unnumbered;  // past the arena's room
  std::size_t used = 0;
  std::uint32_t ids = 0;
};

Table& table() {
  static Table* t = new Table;  // never destroyed: intern() may run in static destructors
  return *t;
}

}  // namespace

std::string_view KnownIris::intern(std::string_view iri) {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  if (auto it = t.by_iri.find(iri); it != t.by_iri.end()) return it->second;
  std::string_view stored;
  KnownIriArena& arena = detail::known_iri_arena;
  constexpr std::size_t kHeader = KnownIriArena::kHeader;
  if (t.ids < KnownIriArena::kMaxIds &&
      t.used + kHeader + iri.size() + 1 <= KnownIriArena::kBytes) {
    const std::uint32_t id = ++t.ids;
    char* at = arena.bytes + t.used;
    std::memcpy(at, &id, kHeader);
    if (!iri.empty()) std::memcpy(at + kHeader, iri.data(), iri.size());
    at[kHeader + iri.size()] = '\0';
    const std::uint64_t offset = t.used + kHeader;
    arena.entries[id].store(offset << 32 | iri.size(), std::memory_order_release);
    t.used += kHeader + iri.size() + 1;
    stored = std::string_view(at + kHeader, iri.size());
  } else {
    stored = t.unnumbered.emplace_back(iri);
  }
  t.by_iri.emplace(stored, stored);
  return stored;
}

}  // namespace ng::rdf
