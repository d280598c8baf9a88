#include "store/term_order.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using ng::rdf::TermKind;
using ng::rdf::TermView;

namespace {

// order_by_value must give the order of std::sort with term_less.
void check_against_term_less(const std::vector<TermView>& terms) {
  const std::vector<std::uint32_t> order = ng::store::order_by_value(terms);
  REQUIRE(order.size() == terms.size());
  std::vector<TermView> sorted;
  for (std::uint32_t i : order) sorted.push_back(terms[i]);
  std::vector<TermView> expected = terms;
  std::sort(expected.begin(), expected.end(), ng::store::term_less);
  CHECK(sorted == expected);
  std::vector<std::uint32_t> seen = order;
  std::sort(seen.begin(), seen.end());
  for (std::uint32_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

}  // namespace

TEST_CASE("terms are ordered by kind, value, datatype, then language", "[store][term_order]") {
  const std::vector<TermView> terms = {
      {TermKind::Literal, "b", "", "en"},
      {TermKind::Literal, "b", "", ""},
      {TermKind::Literal, "10", "http://www.w3.org/2001/XMLSchema#integer", ""},
      {TermKind::Blank, "x", "", ""},
      {TermKind::Iri, "http://ex/z", "", ""},
      {TermKind::Iri, "http://ex/", "", ""},
      {TermKind::Literal, "b", "", "de"},
      {TermKind::Literal, "b", "http://ex/dt", ""},
      {TermKind::Literal, "", "", ""},
      {TermKind::Iri, "http://ex/\xC3\xA9", "", ""},  // bytes compare as unsigned
  };
  const std::vector<std::uint32_t> order = ng::store::order_by_value(terms);
  const std::vector<std::uint32_t> expected = {5, 4, 9, 3, 8, 2, 1, 6, 0, 7};
  CHECK(order == expected);
  check_against_term_less(terms);
}

TEST_CASE("many terms with long shared prefixes sort as with term_less", "[store][term_order]") {
  // Thousands of values (the multikey sort partitions them many times, down to its insertion
  // sort), sharing long prefixes, some a prefix of others, some equal values in two kinds or
  // with several languages.
  std::mt19937 random(7);
  std::vector<std::string> values;
  const std::string prefix = "https://w3id.org/newsgraph/id/";
  for (int i = 0; i < 4000; ++i) {
    std::string v = prefix + (i % 3 == 0 ? "actor/" : "place/");
    const int digits = static_cast<int>(random() % 6);
    for (int d = 0; d < digits; ++d) v += static_cast<char>('0' + random() % 4);
    if (i % 97 == 0) v += std::string(40, 'a');
    values.push_back(v);
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::vector<TermView> terms;
  for (const std::string& v : values) {
    terms.push_back({TermKind::Iri, v, "", ""});
    if (v.size() % 2 == 0) terms.push_back({TermKind::Literal, v, "", "en"});
    if (v.size() % 3 == 0) terms.push_back({TermKind::Literal, v, "", ""});
    if (v.size() % 5 == 0) {
      terms.push_back({TermKind::Blank, std::string_view(v).substr(prefix.size()), "", ""});
    }
  }
  std::shuffle(terms.begin(), terms.end(), random);
  check_against_term_less(terms);
  check_against_term_less({});
}

TEST_CASE("values that share more bytes than a key holds skip them in one step",
          "[store][term_order]") {
  // Every value shares 45 bytes (the sort jumps past them at once in a range of thousands); one
  // value is that prefix, one is a byte shorter, and some end inside a word of the jump's last key.
  const std::string shared(45, 'q');
  std::vector<std::string> values = {shared, shared.substr(0, 44)};
  for (int i = 0; i < 6000; ++i) {
    std::string v = shared + std::to_string(i * 7919 % 10007);
    if (i % 4 == 0) v += "/tail";
    values.push_back(v);
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::vector<TermView> terms;
  for (const std::string& v : values) terms.push_back({TermKind::Iri, v, "", ""});
  std::mt19937 random(11);
  std::shuffle(terms.begin(), terms.end(), random);
  check_against_term_less(terms);
}
