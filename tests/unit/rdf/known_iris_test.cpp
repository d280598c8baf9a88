#include "rdf/known_iris.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "rdf/quad_buffer.hpp"

using ng::rdf::KnownIris;

TEST_CASE("a known IRI is stored once and numbered by its address", "[rdf][known_iris]") {
  const std::string text = "http://example.org/known#first";
  const std::string_view stored = KnownIris::intern(text);
  CHECK(stored == text);
  CHECK(stored.data() != text.data());
  CHECK(stored.data()[stored.size()] == '\0');
  CHECK(KnownIris::intern(std::string(text)).data() == stored.data());
  const std::uint32_t id = KnownIris::id_of(stored);
  REQUIRE(id > 0);
  CHECK(KnownIris::iri(id).data() == stored.data());
  CHECK(KnownIris::iri(id) == text);
  const std::string_view other = KnownIris::intern("http://example.org/known#second");
  CHECK(KnownIris::id_of(other) != id);
  CHECK(KnownIris::id_of(other) > 0);
}

TEST_CASE("only a stored copy itself has a number", "[rdf][known_iris]") {
  const std::string_view stored = KnownIris::intern("http://example.org/known#third");
  CHECK(KnownIris::id_of(std::string(stored)) == 0);  // equal bytes elsewhere
  CHECK(KnownIris::id_of(stored.substr(1)) == 0);     // a part of the copy
  CHECK(KnownIris::id_of(stored.substr(0, 5)) == 0);
  CHECK(KnownIris::id_of({}) == 0);
}

TEST_CASE("a quad buffer keeps known IRIs by number and gives back the stored copy",
          "[rdf][known_iris][quad_buffer]") {
  using ng::rdf::QuadRef;
  using ng::rdf::TermKind;
  using ng::rdf::TermView;
  const std::string_view p = KnownIris::intern("http://example.org/known#predicate");
  const std::string_view cls = KnownIris::intern("http://example.org/known#Class");
  const std::string subject = "http://example.org/s";
  ng::rdf::QuadBuffer buffer;
  buffer.add(QuadRef{TermView{TermKind::Iri, subject, {}, {}}, TermView{TermKind::Iri, p, {}, {}},
                     TermView{TermKind::Iri, cls, {}, {}}, std::nullopt});
  // The same bytes as a literal: not a known IRI, copied.
  buffer.add(QuadRef{TermView{TermKind::Iri, subject, {}, {}}, TermView{TermKind::Iri, p, {}, {}},
                     TermView{TermKind::Literal, cls, {}, {}}, std::nullopt});
  REQUIRE(buffer.size() == 2);
  CHECK(buffer[0].predicate.value.data() == p.data());
  CHECK(buffer[0].object.value.data() == cls.data());
  CHECK(buffer[0].object.is_iri());
  CHECK(buffer[1].object.value == cls);
  CHECK(buffer[1].object.value.data() != cls.data());
  CHECK(buffer[1].object.is_literal());
}
