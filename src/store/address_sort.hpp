// An in-place radix sort of records by the address of a node they hold (American flag sort), for
// the largest sorts of the store and the writers, whose order needs only be some fixed total
// order of nodes.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace ng::store {

// Sorts [first, last) by `less`, whose first criterion is the address `address(x)` (a node):
// a most-significant-digit radix sort on the addresses, in place (American flag sort), down to
// ranges that std::sort orders by the other criteria: those of one address (a subject's quads)
// or a few. A comparison sort of a load's quads compares some 20 pairs of up to four pointers
// per quad; the radix passes read each quad's address a few times, and need no second array
// (peak memory).
template <typename T, typename Address, typename Less>
void sort_by_address(T* first, T* last, Address address, Less less) {
  constexpr int kMaxDigitBits = 11;
  const std::size_t n = static_cast<std::size_t>(last - first);
  if (n <= 32) {
    std::sort(first, last, less);
    return;
  }
  // The digit is the top bits of the addresses' range in this part: every pass splits it in two
  // or more (addresses cluster, so a fixed digit of the whole range would often put all in one).
  std::uintptr_t low = address(*first), high = low;
  for (T* x = first; x != last; ++x) {
    low = std::min(low, address(*x));
    high = std::max(high, address(*x));
  }
  if (low == high) {
    std::sort(first, last, less);
    return;
  }
  const int range_bits = static_cast<int>(std::bit_width(high - low));
  // Fewer buckets for fewer items: each bucket costs a few steps per pass, used or not.
  const int digit_bits = std::clamp(static_cast<int>(std::bit_width(n)) - 3, 3, kMaxDigitBits);
  const int shift = std::max(0, range_bits - digit_bits);
  const std::size_t buckets = std::size_t{1} << digit_bits;
  auto digit = [&](const T& x) { return static_cast<std::size_t>((address(x) - low) >> shift); };
  std::array<std::size_t, (1 << kMaxDigitBits) + 1> start;
  std::fill(start.begin(), start.begin() + buckets + 1, 0);
  for (T* x = first; x != last; ++x) ++start[digit(*x) + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::array<std::size_t, 1 << kMaxDigitBits> next;
  std::copy(start.begin(), start.begin() + buckets, next.begin());
  // Each element is swapped straight into its bucket's next free place.
  for (std::size_t b = 0; b < buckets; ++b) {
    while (next[b] < start[b + 1]) {
      const std::size_t d = digit(first[next[b]]);
      if (d == b) {
        ++next[b];
      } else {
        std::swap(first[next[b]], first[next[d]++]);
      }
    }
  }
  for (std::size_t b = 0; b < buckets; ++b) {
    if (start[b + 1] - start[b] > 1) {
      sort_by_address(first + start[b], first + start[b + 1], address, less);
    }
  }
}

}  // namespace ng::store
