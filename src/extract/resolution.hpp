// Cross-article resolution (issue 5): one node per real-world person or group across articles,
// one merged event per (class, place, day) with the articles that report it, and explicit
// conflicts between casualty claims. Runs once over every article's quads before writing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.hpp"
#include "rdf/term.hpp"

namespace ng::extract {

// The named graph that holds the cross-article links.
std::string resolution_graph_iri();

struct ResolutionStats {
  std::size_t merged_actors = 0;  // variant nodes rewritten to a canonical node
  std::size_t merged_events = 0;  // merged event nodes reported by two or more articles
  std::size_t conflicts = 0;      // ng:conflictsWith pairs
};

// A quad as resolution reads it: views of its terms' strings, which the caller keeps alive
// (ingest: the store's nodes). A fifth of an ingest's quads are read, and as owning rdf::Quads
// (~420 bytes each plus their strings) they were the largest allocation of a run.
struct QuadView {
  std::string_view subject, predicate, object, object_datatype, graph;
  bool subject_is_iri = true, object_is_iri = true, has_graph = false;
  static QuadView of(const rdf::Quad& quad);
};

// How resolution may tell the views' strings apart. kByAddress: two equal IRIs among the views
// are at one address (ingest's views point into interned nodes), so its tables compare and hash
// addresses and need not read the strings, which are scattered over the heap.
enum class ViewKeys { kByValue, kByAddress };

// Finds every variant spelling's actor IRI and its canonical IRI, then adds to `out`, in
// resolution_graph_iri(): the canonical actors with every spelling as skos:altLabel and
// owl:sameAs to the variant IRIs; merged events (ng:sameEventAs, ng:reportedIn); and
// ng:conflictsWith between disagreeing casualty claims. Deterministic. `renamed`, when given,
// receives each (variant IRI, canonical IRI) rewrite, for the caller to apply to the quads it
// holds (ingest: in the store). `all` is working space: its views are rewritten during the call
// and may point into memory the call frees, so it must not be read afterwards.
ResolutionStats resolve_across_articles(
    std::vector<QuadView>& all, QuadSink& out,
    std::vector<std::pair<std::string, std::string>>* renamed = nullptr,
    ViewKeys keys = ViewKeys::kByValue);
// The same on owning quads, which are rewritten in place (variant IRIs -> canonical IRIs, in
// the subject and object positions; the article graph keeps the label as written there). `out`
// must not add to `all`.
ResolutionStats resolve_across_articles(
    std::vector<rdf::Quad>& all, QuadSink& out,
    std::vector<std::pair<std::string, std::string>>* renamed = nullptr);

// True for the quads resolve_across_articles reads: an actor's (person or org IRI) class,
// labels and affiliation; an event's class, article, locations, agents and date; claimant,
// figures, articleDate, killed, wounded and victims statements. Resolving only these gives the
// same links and the same renames as resolving every quad; the caller applies the renames to the
// quads it kept elsewhere (any quad may have a renamed IRI as subject or object). The list is
// kept by hand; tests/unit/extract/resolution_test.cpp checks it against resolving every quad.
bool resolution_reads(const rdf::Quad& quad);
bool resolution_reads(const rdf::QuadRef& quad);
// The same in two steps, for a caller that meets each predicate many times and can keep the first
// step's answer: which passes read quads of a predicate (0: none), then whether they read the
// quad of this subject.
unsigned resolution_readers(std::string_view predicate);
bool resolution_reads(unsigned readers, const rdf::TermView& subject);

// Exposed for tests.
// A spelling-tolerant key: folded, "kh"->"k", "ph"->"f", h after a consonant or vowel dropped,
// doubled letters collapsed, "ou"/"oo"->"u", "ee"->"i", "y"->"i".
std::string phonetic_key(std::string_view word);
double jaro_winkler(std::string_view a, std::string_view b);
// True when two person names are spellings of one name: first and last tokens agree (by
// Jaro-Winkler on phonetic keys), and the shorter name's tokens align in order with the
// longer's, extra tokens only in the middle ("Daniel Okoro" / "Daniel Joseph Okoro").
bool same_person_name(std::string_view a, std::string_view b);

}  // namespace ng::extract
