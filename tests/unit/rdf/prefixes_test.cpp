#include "rdf/prefixes.hpp"

#include <catch2/catch.hpp>

#include "rdf/vocab.hpp"

TEST_CASE("prefix registry expands and abbreviates", "[rdf][prefixes]") {
  auto reg = ng::rdf::PrefixRegistry::common();
  CHECK(reg.expand("rdfs:label") == std::string(ng::vocab::kRdfsLabel));
  CHECK_FALSE(reg.expand("nope:x").has_value());
  CHECK_FALSE(reg.expand("nocolon").has_value());
  CHECK(reg.abbreviate(std::string(ng::vocab::kXsd) + "integer") == "xsd:integer");
  // Local names with characters outside the simple subset stay as full IRIs.
  CHECK_FALSE(reg.abbreviate(std::string(ng::vocab::kXsd) + "a/b").has_value());
  CHECK_FALSE(reg.abbreviate("http://unknown.example/x").has_value());
  reg.set("ex", "http://example.org/");
  reg.set("exa", "http://example.org/a/");
  CHECK(reg.abbreviate("http://example.org/a/b") == "exa:b");
}
