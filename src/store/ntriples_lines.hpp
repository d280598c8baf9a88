// Internal to src/store/: the bulk-load fast path for N-Triples and N-Quads.
//
// Most lines of a large N-Triples file are plain: absolute IRIs without escapes, literals
// without escapes, ASCII blank node labels. scan_plain_line() reads such a line into the same
// SerdNodes that Serd's reader would hand to a statement sink, several times faster than Serd
// (it only has to find the ends of the terms). Any line it is not sure of — an escape, a
// relative IRI, a character outside the plain subset, a syntax error — it declines, and the
// loader gives that line to Serd: Serd stays the referee of the syntax and of every error
// message, the fast path only skips work on lines whose reading is not in doubt.
#pragma once

#include <serd/serd.h>

#include <string>
#include <string_view>

namespace ng::store::detail {

struct LineTerms {
  SerdNode subject = SERD_NODE_NULL;
  SerdNode predicate = SERD_NODE_NULL;
  SerdNode object = SERD_NODE_NULL;
  SerdNode datatype = SERD_NODE_NULL;  // SERD_NOTHING when the object has none
  SerdNode lang = SERD_NODE_NULL;      // SERD_NOTHING when the object has none
  SerdNode graph = SERD_NODE_NULL;     // SERD_NOTHING in the default graph
  // Storage for the nodes that do not point into the line: blank node labels with the
  // document's prefix in front (as Serd's reader makes them), and the literal value
  // (NUL-terminated, as the loader needs it).
  std::string subject_text;
  std::string object_text;
  std::string graph_text;
};

enum class LineKind {
  Statement,  // `out` holds the statement
  Empty,      // only white space or a comment
  Declined,   // not plain: give the line to Serd
};

// Reads one line (without its line terminator). With `quads`, a graph term may follow the
// object. The nodes point into `line` and into `out.blank`.
LineKind scan_plain_line(std::string_view line, bool quads, std::string_view blank_prefix,
                         LineTerms& out);

}  // namespace ng::store::detail
