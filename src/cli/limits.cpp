#include "cli/limits.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "store/rdf_io.hpp"

namespace ng::cli {

void add_limit_options(CLI::App& cmd, Limits& limits) {
  cmd.add_option("--timeout", limits.timeout_seconds,
                 "Stop with an error after this many seconds (0 = no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--max-memory", limits.max_memory_mb,
                 "Memory ceiling in MB; a query that needs more stops with an error "
                 "(default: half the machine's memory, at most 8192)")
      ->check(CLI::NonNegativeNumber);
}

void add_row_limit_option(CLI::App& cmd, Limits& limits) {
  cmd.add_option("--max-rows", limits.max_rows,
                 "Stop with an error when a query has more result rows (or triples) than this "
                 "(0 = no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
}

namespace {
std::size_t g_applied_memory_limit_mb = 0;
}  // namespace

std::size_t applied_memory_limit_mb() { return g_applied_memory_limit_mb; }

std::size_t effective_memory_limit_mb(const Limits& limits) {
  if (limits.max_memory_mb) return limits.max_memory_mb;
  long pages = ::sysconf(_SC_PHYS_PAGES), page_size = ::sysconf(_SC_PAGE_SIZE);
  std::size_t half = pages > 0 && page_size > 0
                         ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size) /
                               2 / (1024 * 1024)
                         : 8192;
  return std::min<std::size_t>(half, 8192);
}

void apply_limits(const Limits& limits, const std::string& what) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // (AddressSanitizer and ThreadSanitizer reserve terabytes of address space: no ceiling in
  // sanitizer builds.)
  rlimit rl{};
  rl.rlim_cur = rl.rlim_max = effective_memory_limit_mb(limits) * 1024 * 1024;
  if (::setrlimit(RLIMIT_AS, &rl) == 0)
    g_applied_memory_limit_mb = effective_memory_limit_mb(limits);
#endif
  if (limits.timeout_seconds > 0) {
    double seconds = limits.timeout_seconds;
    std::thread([seconds, what] {
      std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
      std::fprintf(stderr, "newsgraph: %s exceeded the time limit of %g s (--timeout)\n",
                   what.c_str(), seconds);
      std::fflush(stderr);
      store::abandon_atomic_write();  // no temporary file is left; the target is untouched
      std::_Exit(1);
    }).detach();
  }
}

}  // namespace ng::cli
