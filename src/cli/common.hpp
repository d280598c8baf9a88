// Shared by the subcommands: errors that map to exit codes, loading data files, output files.
#pragma once

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/rdf_io.hpp"
#include "store/store.hpp"

namespace ng::cli {

// Exit codes of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

// Bad usage detected after option parsing (e.g. an unknown format name): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Loads each file into the store (format from the extension unless `format` is given).
// Throws store::RdfSyntaxError / std::runtime_error on bad input.
void load_files(store::Store& store, const std::vector<std::string>& files,
                const std::string& format = {});

// Parses a format name or throws UsageError listing the accepted ones.
store::Format parse_format(const std::string& name);

// Writes the store to `path` (as write_output does) in `format`, noting on stderr when a format
// without graphs merges the named graphs into one.
void write_graph(const store::Store& store, store::Format format, const std::string& path);

// Writes to `path` atomically, or to stdout when `path` is empty or "-".
void write_output(const std::string& path, const std::function<void(std::ostream&)>& produce);

}  // namespace ng::cli
