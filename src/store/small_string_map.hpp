// SmallStringMap: values by a string key, for a few dozen keys looked up once per quad (the
// predicates of a bulk load).
//
// Open addressing in a table kept at most a quarter full, each slot with its key's hash: a lookup
// hashes the key's length and last eight bytes (predicates share namespaces and differ at their
// end), reads one slot and compares the key's bytes once. std::unordered_map divided by a prime
// and walked a list per lookup, and copied a short tail byte by byte to hash it.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ng::store {

template <typename Value>
class SmallStringMap {
 public:
  SmallStringMap() : slots_(kInitialSlots) {}

  // The value of `key`, or nullptr.
  Value* find(std::string_view key) {
    const std::uint64_t hash = hash_of(key);
    for (std::size_t i = slot_of(hash);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == hash && s.size == key.size() &&
          std::memcmp(keys_.data() + s.offset, key.data(), key.size()) == 0) {
        return &s.value;
      }
    }
  }
  // Adds `key` (which must not be in the map) with `value`; returns the value in the map.
  Value& insert(std::string_view key, Value value) {
    if (4 * (size_ + 1) > slots_.size()) grow();
    const std::uint64_t hash = hash_of(key);
    std::size_t i = slot_of(hash);
    while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = Slot{hash, static_cast<std::uint32_t>(keys_.size()),
                     static_cast<std::uint32_t>(key.size()), true, std::move(value)};
    keys_.append(key);
    ++size_;
    return slots_[i].value;
  }
  std::size_t size() const { return size_; }
  void clear() {
    slots_.assign(kInitialSlots, Slot{});
    keys_.clear();
    size_ = 0;
  }

 private:
  static constexpr std::size_t kInitialSlots = 64;  // a power of two
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, size = 0;  // of the key in keys_
    bool used = false;
    Value value{};
  };
  // The length and the last eight bytes (fewer in a shorter key), multiplied: the high bits of
  // the product depend on every bit of them, so the slot is taken from the high bits.
  static std::uint64_t hash_of(std::string_view key) {
    std::uint64_t tail = 0;
    if (key.size() >= 8) {
      std::memcpy(&tail, key.data() + key.size() - 8, 8);
    } else {
      for (const char c : key) tail = (tail << 8) | static_cast<unsigned char>(c);
    }
    return (tail ^ key.size()) * 0x9E3779B97F4A7C15ULL;
  }
  std::size_t slot_of(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> (64 - std::countr_zero(slots_.size())));
  }
  // Doubles the slots and places every key again.
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& s : old) {
      if (!s.used) continue;
      std::size_t i = slot_of(s.hash);
      while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = std::move(s);
    }
  }
  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t size_ = 0;
};

}  // namespace ng::store
