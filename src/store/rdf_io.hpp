// Reading and writing RDF files: Turtle, TriG, N-Triples, N-Quads (gzip input too).
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rdf/prefixes.hpp"
#include "store/store.hpp"

namespace ng::store {

enum class Format { Turtle, TriG, NTriples, NQuads };

// "turtle"/"ttl", "trig", "ntriples"/"nt", "nquads"/"nq"; nullopt otherwise.
std::optional<Format> format_from_name(std::string_view name);
// By extension (.ttl .trig .nt .nq, each optionally followed by .gz); nullopt otherwise.
std::optional<Format> format_from_path(std::string_view path);
std::string_view format_name(Format format);
bool format_has_graphs(Format format);

// A position in a source text, stored 0-based, printed 1-based. Columns count code points.
struct SourcePos {
  unsigned long line = 0;
  unsigned long column = 0;
};

// A syntax error in an RDF document: what() is "file:line:col: message".
class RdfSyntaxError : public std::runtime_error {
 public:
  RdfSyntaxError(std::string file, SourcePos pos, std::string message);
  const std::string& file() const { return file_; }
  SourcePos pos() const { return pos_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  SourcePos pos_;
  std::string message_;
};

struct LoadOptions {
  std::optional<Format> format;  // default: from the file extension
  std::string base_iri;          // default: the file's file:// IRI
  // Graph for triples (Turtle, N-Triples, and the default-graph part of TriG / N-Quads);
  // nullptr = the store's default graph.
  NodeId graph = nullptr;
  // N-Triples and N-Quads are read line by line; plain lines skip Serd (ntriples_lines.hpp).
  // Off, Serd reads every line; the result is the same (tests and the fuzzer compare the two).
  bool plain_line_fast_path = true;
};

struct LoadStats {
  std::size_t statements = 0;  // statements read
  std::size_t added = 0;       // new quads (duplicates are not added twice)
};

// Loads a file into the store. All or nothing: on a syntax or I/O error nothing of this file is
// left in the store, and RdfSyntaxError (syntax) or std::runtime_error (I/O) is thrown.
// Blank-node labels are made unique per loaded document.
LoadStats load_file(Store& store, const std::string& path, const LoadOptions& options = {});
// The same for a document in memory; `name` is used in error messages.
LoadStats load_string(Store& store, std::string_view text, Format format,
                      const LoadOptions& options = {}, std::string_view name = "(string)");

// The file:// IRI of a local path (made absolute).
std::string file_iri(const std::string& path);

struct WriteOptions {
  // Prefixes for Turtle and TriG; the store's own prefixes are added where they do not clash.
  rdf::PrefixRegistry prefixes = rdf::PrefixRegistry::common();
  bool use_store_prefixes = true;
  std::string base_iri;
};

// Serialises the whole store. Turtle and N-Triples write the union of all graphs as triples;
// TriG and N-Quads keep graph names (default-graph triples have none). Output is sorted by term
// value: the same data gives the same bytes whatever order it was loaded in.
void write(const Store& store, Format format, std::ostream& out, const WriteOptions& options = {});
std::string write_to_string(const Store& store, Format format, const WriteOptions& options = {});

// Writes `path` atomically: `produce` writes into a temporary file next to it, which is renamed
// over `path` only if `produce` returns normally and the data reached the disk. On any failure
// the temporary file is removed, `path` is left as it was, and the exception propagates. On
// SIGINT, SIGTERM, SIGHUP or SIGPIPE while writing, the temporary file is removed and the signal
// then takes its default action (handlers are installed on first use, unless the program set its
// own).
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& produce);

// Removes the temporary file of a write_file_atomically in progress, if any (async-signal-safe),
// for a process that is about to end abnormally; the target file stays as it was.
void abandon_atomic_write();

}  // namespace ng::store
