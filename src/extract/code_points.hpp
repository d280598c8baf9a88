// Private to ng_extract: counting UTF-8 code points fast (NIF offsets are in code points).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ng::extract {

// The code points that start in text[0, n): a byte 10xxxxxx continues one, any other starts
// one (eight bytes at a time).
inline std::uint32_t code_point_starts(const char* text, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::uint32_t count = 0;
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, text + k, 8);
    count += 8 - static_cast<std::uint32_t>(std::popcount(x & ~(x << 1) & kHigh));
  }
  for (; k < n; ++k) count += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80 ? 1U : 0U;
  return count;
}

}  // namespace ng::extract
