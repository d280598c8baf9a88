// Resource limits for commands that run queries or read untrusted input: a wall-clock timeout
// and a memory ceiling, so that a runaway query ends with a clear message rather than hanging
// or being killed by the OOM killer.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

namespace ng::cli {

struct Limits {
  double timeout_seconds = 600;       // 0 = none
  std::size_t max_memory_mb = 0;      // 0 = the default: half the machine's memory, at most 8 GiB
  std::size_t max_rows = 10'000'000;  // result rows of one query; 0 = none
};

// Adds --timeout and --max-memory to a subcommand.
void add_limit_options(CLI::App& cmd, Limits& limits);
// Adds --max-rows (commands that run queries).
void add_row_limit_option(CLI::App& cmd, Limits& limits);

// Applies the limits to this process: an address-space ceiling (setrlimit), and a watchdog that
// prints "newsgraph: <what> exceeded the time limit of N s (--timeout)" and exits with code 1
// once the timeout has passed. Call once, after option parsing.
void apply_limits(const Limits& limits, const std::string& what);

// The ceiling in MB that apply_limits uses (for messages).
std::size_t effective_memory_limit_mb(const Limits& limits);

// The memory ceiling in MB that apply_limits set for this process; 0 if none (not called yet, or
// a sanitizer build).
std::size_t applied_memory_limit_mb();

}  // namespace ng::cli
