#include "rdf/iri.hpp"

#include <catch2/catch.hpp>

using ng::rdf::resolve_iri;

// The normal and abnormal examples of RFC 3986 §5.4.
TEST_CASE("RFC 3986 reference resolution examples", "[rdf][iri]") {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {";x", "http://a/b/c/;x"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../g", "http://a/g"},
      {"../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
  };
  for (auto [ref, expected] : cases) {
    INFO(ref);
    CHECK(resolve_iri(base, ref) == expected);
  }
}

TEST_CASE("scheme detection", "[rdf][iri]") {
  CHECK(ng::rdf::has_scheme("urn:x"));
  CHECK(ng::rdf::has_scheme("file:///a"));
  CHECK_FALSE(ng::rdf::has_scheme("a/b:c"));
  CHECK_FALSE(ng::rdf::has_scheme("#frag"));
  CHECK(resolve_iri("", "rel") == "rel");
}

TEST_CASE("resolution without a base, and file IRIs", "[rdf][iri]") {
  CHECK(resolve_iri("", "g") == "g");
  CHECK(resolve_iri("", "http://x/a/../b") == "http://x/a/../b");  // absolute: kept as written
  CHECK(resolve_iri("http://y/", "http://x/a/./b") == "http://x/a/./b");
  CHECK(ng::rdf::normalize_iri("http://x/a/../b/./c?q#f") == "http://x/b/c?q#f");
  CHECK(resolve_iri("http://x", "y") == "http://x/y");
  CHECK(resolve_iri("file:///tmp/q.rq", "data.ttl") == "file:///tmp/data.ttl");
}
