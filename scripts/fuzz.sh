#!/usr/bin/env bash
# Builds the libFuzzer targets (clang + ASan + UBSan) and runs each for FUZZ_SECONDS (issue 8).
#   scripts/fuzz.sh [TARGET...]            (default: every target)
# Environment:
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_BUILD     build directory (default build-fuzz)
#   FUZZ_FULL_SEEDS=1  also seed from the whole W3C suites in $NEWSGRAPH_W3C_DIR or ../shared/w3c
#   FUZZ_JOBS      build parallelism (default 2)
#   FUZZ_SMOKE=1   a fresh, throw-away corpus per target in FUZZ_BUILD/smoke-corpus/ (the CI smoke
#                  run of `make test`: its time does not grow with the saved corpus)
# The committed seeds are tests/fuzz/corpus/<kind>/; the growing corpus lives in
# FUZZ_BUILD/corpus/<target>/ (never committed), crashes in FUZZ_BUILD/artifacts/<target>/.
# Before fuzzing, every file of tests/fuzz/regressions/<target>/ is run once (they must pass).
# One process per target (no -jobs/-workers: libFuzzer then fuzzes in-process, on one core).
# Exit status: 0 when every target ran clean, 1 when one found something.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
B="${FUZZ_BUILD:-$ROOT/build-fuzz}"
JOBS="${FUZZ_JOBS:-2}"
W3C="${NEWSGRAPH_W3C_DIR:-$ROOT/../shared/w3c}"
ALL=(fuzz_sparql_parse fuzz_sparql_eval fuzz_rdf_load fuzz_article fuzz_extract fuzz_rules)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")

command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
flags="-fsanitize=address,undefined -fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
if [ ! -f "$B/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNEWSGRAPH_ONLY="rdf;store;sparql;extract;fuzz" -DNEWSGRAPH_TESTS=OFF \
    -DCMAKE_PROJECT_INCLUDE="$ROOT/tests/fuzz/standalone.cmake" -DCMAKE_CXX_FLAGS="$flags" >&2
fi
cmake --build "$B" -j "$JOBS" --target "${TARGETS[@]}" >&2

seeds_of() {  # target -> committed seed directory
  case "$1" in
    fuzz_sparql_parse|fuzz_sparql_eval) echo sparql ;;
    fuzz_rdf_load) echo rdf ;;
    fuzz_article) echo article ;;
    fuzz_extract) echo extract ;;
    fuzz_rules) echo rules ;;
  esac
}
max_len_of() {
  case "$1" in
    fuzz_sparql_eval) echo 2048 ;;
    fuzz_article) echo 200000 ;;  # huge lines
    fuzz_extract) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

status=0
for t in "${TARGETS[@]}"; do
  bin="$B/tests/fuzz/$t"
  corpus="$B/corpus/$t"
  if [ -n "${FUZZ_SMOKE:-}" ]; then
    corpus="$B/smoke-corpus/$t"
    rm -rf "$corpus"
  fi
  artifacts="$B/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  seeds=("$ROOT/tests/fuzz/corpus/$(seeds_of "$t")")
  if [ -n "${FUZZ_FULL_SEEDS:-}" ] && [ "$(seeds_of "$t")" = sparql ] && [ -d "$W3C/sparql" ]; then
    mkdir -p "$B/seeds-w3c-sparql"
    find "$W3C/sparql" -name '*.rq' -exec cp -t "$B/seeds-w3c-sparql" {} + 2>/dev/null || true
    seeds+=("$B/seeds-w3c-sparql")
  fi
  regress="$ROOT/tests/fuzz/regressions/$t"
  if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
    echo "fuzz: $t: regression inputs" >&2
    if ! "$bin" -runs=0 "$regress"/* >"$B/$t.regressions.log" 2>&1; then
      echo "fuzz: $t: a regression input fails (see $B/$t.regressions.log)" >&2
      tail -n 40 "$B/$t.regressions.log" >&2
      status=1
    fi
  fi
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s" >&2
  start=$(date +%s)
  if "$bin" "$corpus" "${seeds[@]}" -max_total_time="$SECONDS_PER_TARGET" -timeout=20 \
       -rss_limit_mb=2560 -max_len="$(max_len_of "$t")" \
       -artifact_prefix="$artifacts/" -print_final_stats=1 >"$B/$t.log" 2>&1; then
    echo "fuzz: $t: clean for $(( $(date +%s) - start ))s, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$B/$t.log" | grep -o '[0-9]*$') runs" >&2
  else
    echo "fuzz: $t: FOUND something after $(( $(date +%s) - start ))s (see $B/$t.log, $artifacts/)" >&2
    tail -n 40 "$B/$t.log" >&2
    status=1
  fi
done
exit $status
