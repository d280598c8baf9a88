// KnownIris: the IRIs the extractors name in quad after quad (predicates, classes), each stored
// once for the whole process under a small number.
//
// A view of a stored copy tells its number from its address, without hashing or comparing the
// bytes: a QuadBuffer keeps the number instead of copying the IRI, and the store's sink finds
// the node in an array by it. Any other view of the same IRI works as before (number 0).
//
//   static const std::string_view kAgent = rdf::KnownIris::intern("https://.../ontology#agent");
//   rdf::KnownIris::id_of(kAgent);                 // > 0
//   rdf::KnownIris::id_of(std::string(kAgent));    // 0: another copy
#pragma once

#include <cstdint>
#include <string_view>

namespace ng::rdf {

class KnownIris {
 public:
  // The stored copy of `iri` (stored on first use; later calls return the same view). For
  // start-up: constants and constructors. Thread-safe. Past the table's room (thousands of
  // IRIs) the copy is kept but gets no number.
  static std::string_view intern(std::string_view iri);
  // The number (1, 2, ...) of the stored copy `view` is, or 0 when `view` is not one (another
  // string, or a part of a stored copy). Lock-free: a few loads and compares.
  static std::uint32_t id_of(std::string_view view);
  // The stored copy numbered `id` (1 <= id, as id_of returned).
  static std::string_view iri(std::uint32_t id);
};

}  // namespace ng::rdf
