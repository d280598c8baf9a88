#include "sparql/parser/iri.hpp"

#include <catch2/catch.hpp>

using ng::sparql::resolve_iri;

// RFC 3986 §5.4.1 and §5.4.2, base "http://a/b/c/d;p?q".
TEST_CASE("resolve_iri follows the RFC 3986 normal examples", "[sparql][parser][iri]") {
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(resolve_iri(base, "g:h") == "g:h");
  CHECK(resolve_iri(base, "g") == "http://a/b/c/g");
  CHECK(resolve_iri(base, "./g") == "http://a/b/c/g");
  CHECK(resolve_iri(base, "g/") == "http://a/b/c/g/");
  CHECK(resolve_iri(base, "/g") == "http://a/g");
  CHECK(resolve_iri(base, "//g") == "http://g");
  CHECK(resolve_iri(base, "?y") == "http://a/b/c/d;p?y");
  CHECK(resolve_iri(base, "g?y") == "http://a/b/c/g?y");
  CHECK(resolve_iri(base, "#s") == "http://a/b/c/d;p?q#s");
  CHECK(resolve_iri(base, "g#s") == "http://a/b/c/g#s");
  CHECK(resolve_iri(base, ";x") == "http://a/b/c/;x");
  CHECK(resolve_iri(base, "") == "http://a/b/c/d;p?q");
  CHECK(resolve_iri(base, ".") == "http://a/b/c/");
  CHECK(resolve_iri(base, "..") == "http://a/b/");
  CHECK(resolve_iri(base, "../g") == "http://a/b/g");
  CHECK(resolve_iri(base, "../..") == "http://a/");
  CHECK(resolve_iri(base, "../../g") == "http://a/g");
}

TEST_CASE("resolve_iri follows the RFC 3986 abnormal examples", "[sparql][parser][iri]") {
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(resolve_iri(base, "../../../g") == "http://a/g");
  CHECK(resolve_iri(base, "/./g") == "http://a/g");
  CHECK(resolve_iri(base, "/../g") == "http://a/g");
  CHECK(resolve_iri(base, "g.") == "http://a/b/c/g.");
  CHECK(resolve_iri(base, "..g") == "http://a/b/c/..g");
  CHECK(resolve_iri(base, "./../g") == "http://a/b/g");
  CHECK(resolve_iri(base, "g/./h") == "http://a/b/c/g/h");
  CHECK(resolve_iri(base, "g/../h") == "http://a/b/c/h");
  CHECK(resolve_iri(base, "g;x=1/../y") == "http://a/b/c/y");
  CHECK(resolve_iri(base, "g#s/../x") == "http://a/b/c/g#s/../x");
}

TEST_CASE("resolve_iri without a base keeps relative references", "[sparql][parser][iri]") {
  CHECK(resolve_iri("", "g") == "g");
  CHECK(resolve_iri("", "http://x/a/../b") == "http://x/b");
  CHECK(resolve_iri("http://x", "y") == "http://x/y");
  CHECK(resolve_iri("file:///tmp/q.rq", "data.ttl") == "file:///tmp/data.ttl");
}
