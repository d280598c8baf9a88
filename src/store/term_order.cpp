#include "store/term_order.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string_view>
#include <utility>

namespace ng::store {
namespace {

// A term's value as the sort moves it, with the key of its bytes at the depth being sorted.
// The value's address is in the item: reading it through a table by index cost a second cache
// miss per item and pass over a large range (a store's millions of nodes are all over the heap).
struct Item {
  std::uint64_t key;
  const char* data;     // the value's bytes
  std::uint32_t size;   // and their number
  std::uint32_t index;  // of the term
};

// Seven bytes of a value from `depth` (zero past its end) in the high bytes, then how many
// remain, capped at 8, in the low byte. Keys compare as the strings' next seven bytes do, a
// string that ends first (a prefix) before the other; equal keys with a low byte under 8 are
// equal strings, and with 8 both go on.
std::uint64_t key_at(const char* data, std::size_t size, std::size_t depth) {
  const std::size_t remaining = size - depth;
  if (remaining >= 8 && std::endian::native == std::endian::little) {
    std::uint64_t word;
    std::memcpy(&word, data + depth, 8);
    return (__builtin_bswap64(word) & ~std::uint64_t{0xFF}) | 8;
  }
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < std::min<std::size_t>(remaining, 7); ++i) {
    key |= std::uint64_t{static_cast<unsigned char>(data[depth + i])} << (56 - 8 * i);
  }
  return key | std::min<std::size_t>(remaining, 8);
}

bool ends_in(std::uint64_t key) { return (key & 0xFF) < 8; }

std::uint64_t median_of_three(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return std::max(std::min(a, b), std::min(std::max(a, b), c));
}

// Multikey quicksort of the values of one kind of term, seven bytes at a time. Every item of a
// range passed to sort() shares its first `depth` bytes with the others, and its key is that of
// `depth`.
class ValueSort {
 public:
  explicit ValueSort(const TermAt& term) : term_(term) {}

  void sort(Item* begin, Item* end, std::size_t depth) {
    // The middle part (keys equal to the pivot) is sorted by the next bytes in this loop; the
    // parts before and after it are smaller ranges.
    while (end - begin > 1) {
      if (end - begin < kSmall) {
        insertion_sort(begin, end, depth);
        return;
      }
      const std::uint64_t pivot =
          median_of_three(begin->key, begin[(end - begin) / 2].key, end[-1].key);
      Item* lt = begin;
      Item* i = begin;
      Item* gt = end;
      while (i < gt) {
        if (i->key < pivot) {
          std::swap(*lt++, *i++);
        } else if (i->key > pivot) {
          std::swap(*i, *--gt);
        } else {
          ++i;
        }
      }
      sort(begin, lt, depth);
      sort(gt, end, depth);
      if (ends_in(pivot)) {  // the middle values are equal
        std::sort(lt, gt, [&](const Item& a, const Item& b) { return rest_less(a, b); });
        return;
      }
      begin = lt;
      end = gt;
      depth = rekey(begin, end, depth + 7);
    }
  }

 private:
  static constexpr std::ptrdiff_t kSmall = 12;
  // Items read ahead of the one being keyed: the loop's reads are independent cache misses.
  static constexpr std::ptrdiff_t kAhead = 8;
  static constexpr std::ptrdiff_t kLarge = 4096;

  // Sets the keys of the items (which share their first `depth` bytes) at `depth` and returns
  // it, or, when they share more bytes than a key holds, the keys at the end of their common
  // prefix and that depth. A store's IRIs share long prefixes (a scheme, a host, a path): the
  // passes that each found seven more equal bytes read every item's value again, a cache miss
  // per item in a range of millions. Finding the common prefix costs no pass of its own: it is
  // measured while the keys are made, and only a prefix of a key or more needs a second pass.
  // A range that fits in the CPU caches is read again cheaply: it is keyed without measuring.
  static std::size_t rekey(Item* begin, Item* end, std::size_t depth) {
    if (end - begin < kLarge) {
      for (Item* x = begin; x != end; ++x) x->key = key_at(x->data, x->size, depth);
      return depth;
    }
    const char* first = begin->data + depth;
    std::size_t common = begin->size - depth;
    begin->key = key_at(begin->data, begin->size, depth);
    for (Item* x = begin + 1; x != end; ++x) {
      if (end - x > kAhead) __builtin_prefetch(x[kAhead].data + depth);
      x->key = key_at(x->data, x->size, depth);
      common = shared_bytes(first, x->data + depth, std::min<std::size_t>(common, x->size - depth));
    }
    if (common < 8) return depth;  // (a key holds 7 bytes and whether the value goes on)
    depth += common;
    for (Item* x = begin; x != end; ++x) {
      if (end - x > kAhead) __builtin_prefetch(x[kAhead].data + depth);
      x->key = key_at(x->data, x->size, depth);
    }
    return depth;
  }

  // How many of the first `limit` bytes of `a` and `b` are equal, eight at a time.
  static std::size_t shared_bytes(const char* a, const char* b, std::size_t limit) {
    std::size_t n = 0;
    for (; n + 8 <= limit; n += 8) {
      std::uint64_t x, y;
      std::memcpy(&x, a + n, 8);
      std::memcpy(&y, b + n, 8);
      if (x != y) {
        return std::endian::native == std::endian::little
                   ? n + static_cast<std::size_t>(std::countr_zero(x ^ y)) / 8
                   : n + static_cast<std::size_t>(std::countl_zero(x ^ y)) / 8;
      }
    }
    while (n < limit && a[n] == b[n]) ++n;
    return n;
  }

  // Terms of equal values: by datatype, then language.
  bool rest_less(const Item& a, const Item& b) const {
    const rdf::TermView x = term_(a.index);
    const rdf::TermView y = term_(b.index);
    if (const int c = x.datatype.compare(y.datatype); c != 0) return c < 0;
    return x.lang < y.lang;
  }

  bool less_from(const Item& a, const Item& b, std::size_t depth) const {
    if (a.key != b.key) return a.key < b.key;
    const std::string_view x(a.data + depth, a.size - depth), y(b.data + depth, b.size - depth);
    if (const int c = x.compare(y); c != 0) return c < 0;
    return rest_less(a, b);
  }

  void insertion_sort(Item* begin, Item* end, std::size_t depth) const {
    for (Item* i = begin + 1; i < end; ++i) {
      const Item item = *i;
      Item* j = i;
      for (; j > begin && less_from(item, j[-1], depth); --j) *j = j[-1];
      *j = item;
    }
  }

  const TermAt& term_;
};

}  // namespace

bool term_less(const rdf::TermView& x, const rdf::TermView& y) {
  if (x.kind != y.kind) return x.kind < y.kind;
  if (const int c = x.value.compare(y.value); c != 0) return c < 0;
  if (const int c = x.datatype.compare(y.datatype); c != 0) return c < 0;
  return x.lang < y.lang;
}

std::vector<std::uint32_t> order_by_value(std::uint32_t count, const TermAt& term) {
  // By kind first, then each kind by value. One call of term(i) per term here (a writer's terms
  // are nodes all over the heap): the items are made in term order, then partitioned by kind in
  // place. Their order within a kind does not matter, as distinct terms sort to one order.
  constexpr std::size_t kKinds = 3;
  static_assert(static_cast<int>(rdf::TermKind::Literal) == kKinds - 1);
  std::vector<std::uint8_t> kinds(count);
  std::array<std::size_t, kKinds + 1> start{};
  std::vector<Item> items(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const rdf::TermView t = term(i);
    kinds[i] = static_cast<std::uint8_t>(t.kind);
    ++start[kinds[i] + 1];
    const auto size = static_cast<std::uint32_t>(t.value.size());
    items[i] = {key_at(t.value.data(), size, 0), t.value.data(), size, i};
  }
  for (std::size_t k = 0; k < kKinds; ++k) start[k + 1] += start[k];
  // Three-way partition (IRIs, blank nodes, literals).
  std::size_t low = 0, mid = 0, high = items.size();
  while (mid < high) {
    const std::uint8_t kind = kinds[items[mid].index];
    if (kind == 0) {
      std::swap(items[low++], items[mid++]);
    } else if (kind == kKinds - 1) {
      std::swap(items[mid], items[--high]);
    } else {
      ++mid;
    }
  }
  kinds = {};
  ValueSort sorter(term);
  for (std::size_t k = 0; k < kKinds; ++k) {
    sorter.sort(items.data() + start[k], items.data() + start[k + 1], 0);
  }
  std::vector<std::uint32_t> order(items.size());
  for (std::size_t r = 0; r < items.size(); ++r) order[r] = items[r].index;
  return order;
}

std::vector<std::uint32_t> order_by_value(const std::vector<rdf::TermView>& terms) {
  return order_by_value(static_cast<std::uint32_t>(terms.size()),
                        [&](std::uint32_t i) { return terms[i]; });
}

}  // namespace ng::store
