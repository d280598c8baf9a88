// Private to ng_extract: counting UTF-8 code points fast (NIF offsets are in code points).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ng::extract {

// The code points that start in text[0, n): a byte 10xxxxxx continues one, any other starts
// one (eight bytes at a time).
inline std::uint32_t code_point_starts(const char* text, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  std::uint32_t count = 0;
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, text + k, 8);
    // One bit (the high one) per continuation byte, moved to the low bit of its byte; the
    // multiplication sums the eight bytes into the top one. Without -mpopcnt, std::popcount
    // is a call into libgcc per word, three times the instructions.
    const std::uint64_t continuing = (x & ~(x << 1) & kHigh) >> 7;
    count += 8 - static_cast<std::uint32_t>((continuing * kOnes) >> 56);
  }
  for (; k < n; ++k) count += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80 ? 1U : 0U;
  return count;
}

}  // namespace ng::extract
