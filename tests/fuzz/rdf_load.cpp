// Fuzz target: the RDF readers through our wrapper (ng::store::load_string).
//
// The first byte picks the format (Turtle, TriG, N-Triples, N-Quads); the rest is the document.
// A load must either succeed or throw RdfSyntaxError (or std::runtime_error for what Sord cannot
// store) and then leave the store exactly as it was (all or nothing, rdf_io.hpp). A successful
// load is written back as N-Quads and read again: the same number of quads must come back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/rdf_io.hpp"
#include "store/store.hpp"
#include "store/world.hpp"

namespace {
constexpr ng::store::Format kFormats[] = {ng::store::Format::Turtle, ng::store::Format::TriG,
                                          ng::store::Format::NTriples, ng::store::Format::NQuads};
constexpr std::string_view kBefore = "<http://example.org/s> <http://example.org/p> \"o\" .\n";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const ng::store::Format format = kFormats[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  ng::store::World world;
  ng::store::Store store(world);
  ng::store::load_string(store, kBefore, ng::store::Format::NTriples, {}, "before");
  const std::string before = ng::store::write_to_string(store, ng::store::Format::NQuads);
  ng::store::LoadOptions options;
  options.base_iri = "http://example.org/base/";
  ng::store::LoadStats stats;
  try {
    stats = ng::store::load_string(store, text, format, options, "fuzz");
  } catch (const std::runtime_error&) {  // RdfSyntaxError included
    if (ng::store::write_to_string(store, ng::store::Format::NQuads) != before) {
      std::fprintf(stderr, "failed load left quads in the store\n");
      std::abort();
    }
    return 0;
  }
  const std::string nquads = ng::store::write_to_string(store, ng::store::Format::NQuads);
  ng::store::World world2;
  ng::store::Store store2(world2);
  try {
    ng::store::load_string(store2, nquads, ng::store::Format::NQuads, {}, "written");
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "our N-Quads output does not load: %s\n--- output:\n%s\n", e.what(),
                 nquads.c_str());
    std::abort();
  }
  const std::string nquads2 = ng::store::write_to_string(store2, ng::store::Format::NQuads);
  if (nquads2.size() != nquads.size()) {
    std::fprintf(stderr, "N-Quads round trip changed the data\n--- first:\n%s\n--- second:\n%s\n",
                 nquads.c_str(), nquads2.c_str());
    std::abort();
  }
  (void)stats;
  return 0;
}
