#include "store/term_order.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace ng::store {
namespace {

// A term's value as the sort moves it: 16 bytes, where a TermView is 56.
struct Item {
  const char* data;
  std::uint32_t size;
  std::uint32_t index;  // of the term
};

// The byte of `item` at `depth` as unsigned, or -1 past its end (a prefix before its extensions).
int byte_at(const Item& item, std::size_t depth) {
  return depth < item.size ? static_cast<unsigned char>(item.data[depth]) : -1;
}

int median_of_three(int a, int b, int c) {
  return std::max(std::min(a, b), std::min(std::max(a, b), c));
}

// Multikey quicksort of the values of one kind of term. Every item of a range passed to sort()
// shares its first `depth` bytes with the others.
class ValueSort {
 public:
  explicit ValueSort(const std::vector<rdf::TermView>& terms) : terms_(terms) {}

  void sort(Item* begin, Item* end, std::size_t depth) {
    // The middle part (bytes equal to the pivot) is sorted by the next byte in this loop; the
    // parts before and after it exclude the pivot's byte, so they nest at most 257 deep per byte.
    while (end - begin > 1) {
      if (end - begin < kSmall) {
        insertion_sort(begin, end, depth);
        return;
      }
      const int pivot =
          median_of_three(byte_at(*begin, depth), byte_at(begin[(end - begin) / 2], depth),
                          byte_at(end[-1], depth));
      Item* lt = begin;
      Item* i = begin;
      Item* gt = end;
      while (i < gt) {
        const int c = byte_at(*i, depth);
        if (c < pivot) {
          std::swap(*lt++, *i++);
        } else if (c > pivot) {
          std::swap(*i, *--gt);
        } else {
          ++i;
        }
      }
      sort(begin, lt, depth);
      sort(gt, end, depth);
      if (pivot < 0) {  // the middle values all end here: they are equal
        std::sort(lt, gt, [&](const Item& a, const Item& b) { return rest_less(a, b); });
        return;
      }
      begin = lt;
      end = gt;
      ++depth;
    }
  }

 private:
  static constexpr std::ptrdiff_t kSmall = 12;

  // Terms of equal values: by datatype, then language.
  bool rest_less(const Item& a, const Item& b) const {
    const rdf::TermView& x = terms_[a.index];
    const rdf::TermView& y = terms_[b.index];
    if (const int c = x.datatype.compare(y.datatype); c != 0) return c < 0;
    return x.lang < y.lang;
  }

  bool less_from(const Item& a, const Item& b, std::size_t depth) const {
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

  const std::vector<rdf::TermView>& terms_;
};

}  // namespace

bool term_less(const rdf::TermView& x, const rdf::TermView& y) {
  if (x.kind != y.kind) return x.kind < y.kind;
  if (const int c = x.value.compare(y.value); c != 0) return c < 0;
  if (const int c = x.datatype.compare(y.datatype); c != 0) return c < 0;
  return x.lang < y.lang;
}

std::vector<std::uint32_t> order_by_value(const std::vector<rdf::TermView>& terms) {
  // By kind first (a counting sort of three kinds), then each kind by value.
  constexpr std::size_t kKinds = 3;
  static_assert(static_cast<int>(rdf::TermKind::Literal) == kKinds - 1);
  auto kind_of = [](const rdf::TermView& t) { return static_cast<std::size_t>(t.kind); };
  std::array<std::size_t, kKinds + 1> start{};
  for (const rdf::TermView& t : terms) ++start[kind_of(t) + 1];
  for (std::size_t k = 0; k < kKinds; ++k) start[k + 1] += start[k];
  std::array<std::size_t, kKinds> next{};
  std::copy(start.begin(), start.begin() + kKinds, next.begin());
  std::vector<Item> items(terms.size());
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    const rdf::TermView& t = terms[i];
    items[next[kind_of(t)]++] = {t.value.data(), static_cast<std::uint32_t>(t.value.size()), i};
  }
  ValueSort sorter(terms);
  for (std::size_t k = 0; k < kKinds; ++k) {
    sorter.sort(items.data() + start[k], items.data() + start[k + 1], 0);
  }
  std::vector<std::uint32_t> order(items.size());
  for (std::size_t r = 0; r < items.size(); ++r) order[r] = items[r].index;
  return order;
}

}  // namespace ng::store
