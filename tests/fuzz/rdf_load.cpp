// Fuzz target: the RDF readers through our wrapper (ng::store::load_string).
//
// The first byte picks the format (Turtle, TriG, N-Triples, N-Quads); the rest is the document.
// A load must either succeed or throw RdfSyntaxError (or std::runtime_error for what Sord cannot
// store) and then leave the store exactly as it was (all or nothing, rdf_io.hpp). A successful
// load is written back as N-Quads and read again: the same number of quads must come back (the
// text differs in blank-node labels). N-Triples and N-Quads are also read with and without the
// fast path for plain lines, which must agree.
#include <algorithm>
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
// True if some blank-node label in N-Quads text ends with '.'.
bool has_label_ending_in_dot(const std::string& nquads) {
  for (std::size_t at = nquads.find("_:"); at != std::string::npos;
       at = nquads.find("_:", at + 2)) {
    const std::size_t end = nquads.find_first_of(" \n", at);
    if (end != std::string::npos && end > at + 2 && nquads[end - 1] == '.') return true;
  }
  return false;
}

// The outcome of loading `text` into a fresh store: its N-Quads, or the error message.
std::string outcome(std::string_view text, ng::store::Format format, bool fast_path) {
  ng::store::World world;
  ng::store::Store store(world);
  ng::store::LoadOptions options;
  options.base_iri = "http://example.org/base/";
  options.plain_line_fast_path = fast_path;
  try {
    ng::store::load_string(store, text, format, options, "fuzz");
  } catch (const std::runtime_error& e) {
    return std::string("error: ") + e.what();
  }
  return ng::store::write_to_string(store, ng::store::Format::NQuads);
}

// N-Triples and N-Quads read line by line (the fast path for plain lines) must give exactly what
// Serd alone gives: the same quads, or the same error at the same place.
void check_fast_path(std::string_view text, ng::store::Format format) {
  if (format != ng::store::Format::NTriples && format != ng::store::Format::NQuads) return;
  const std::string fast = outcome(text, format, true);
  const std::string serd = outcome(text, format, false);
  if (fast != serd) {
    std::fprintf(stderr, "line-by-line reading differs from Serd\n--- fast:\n%s\n--- serd:\n%s\n",
                 fast.c_str(), serd.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const ng::store::Format format = kFormats[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  check_fast_path(text, format);
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
  // NG_FUZZ_SKIP_KNOWN=1 skips inputs that hit a reported, unfixed bug, to look for others:
  // a blank-node label read with a trailing '.' (`_:a.` at the end of a statement) is written
  // back as `_:g1_a.`, which is not N-Quads (tests/fuzz/regressions/fuzz_rdf_load/).
  static const bool skip_known = std::getenv("NG_FUZZ_SKIP_KNOWN") != nullptr;
  if (skip_known && has_label_ending_in_dot(nquads)) return 0;
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
  // Blank-node labels change (each load makes them unique), so compare the number of quads.
  const auto lines = [](const std::string& t) { return std::count(t.begin(), t.end(), '\n'); };
  if (lines(nquads2) != lines(nquads)) {
    std::fprintf(stderr, "N-Quads round trip changed the data\n--- first:\n%s\n--- second:\n%s\n",
                 nquads.c_str(), nquads2.c_str());
    std::abort();
  }
  (void)stats;
  return 0;
}
