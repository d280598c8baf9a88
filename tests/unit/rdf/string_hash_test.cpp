#include "rdf/string_hash.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using ng::rdf::PredicateHash;
using ng::rdf::StringHash;

TEST_CASE("string hashes depend on the bytes only", "[rdf][string_hash]") {
  const std::string text = "https://w3id.org/newsgraph/id/person/jane-doe";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    const std::string a = text.substr(0, n);
    const std::string b = a;  // another buffer, same bytes
    CHECK(StringHash{}(a) == StringHash{}(b));
    CHECK(PredicateHash{}(a) == PredicateHash{}(b));
  }
}

TEST_CASE("string hashes tell IRIs with long shared prefixes apart", "[rdf][string_hash]") {
  std::set<std::size_t> whole;
  std::set<std::size_t> predicates;
  const std::string base = "https://w3id.org/newsgraph/id/article/a";
  for (int i = 0; i < 2000; ++i) {
    const std::string iri = base + std::to_string(i) + "#char=" + std::to_string(i % 7);
    whole.insert(StringHash{}(iri));
  }
  CHECK(whole.size() == 2000);
  for (const char* local : {"evidence", "mentions", "inArticle", "claimant", "content", "figures",
                            "victims", "date", "role", "agent", "quote", "party", "venue"}) {
    predicates.insert(PredicateHash{}(std::string("https://w3id.org/newsgraph/ontology#") + local));
  }
  CHECK(predicates.size() == 13);
  // Lengths that differ only in the empty tail still hash apart.
  CHECK(StringHash{}(std::string_view("abcdefgh", 8)) !=
        StringHash{}(std::string_view("abcdefgh\0", 9)));
}
