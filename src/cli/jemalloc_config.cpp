// jemalloc's start-up options, read from this symbol when the executable is linked with
// jemalloc (src/cli/CMakeLists.txt); $MALLOC_CONF still overrides them.
//
// Transparent huge pages for the heap and jemalloc's own metadata: an ingest touches a working
// set of hundreds of MB to GBs (interned terms, quads waiting as ids, per-article strings)
// in no particular order. On 4 KB pages that is a TLB miss on most accesses and a page fault
// per fresh page: ingesting 1,000 synthetic articles took 113,000 minor faults and 4.0 s user +
// 0.85 s system time; with huge pages 2,750 faults and 2.9 s + 0.3 s, for 7 % more peak RSS
// (docs/benchmarks.md). The kernel's default mode here is `madvise`, which is what jemalloc
// asks for.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "thp:always,metadata_thp:always";
}
