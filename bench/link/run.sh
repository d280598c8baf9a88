#!/usr/bin/env bash
# Benchmark of `newsgraph link` against the full GeoNames gazetteer (~200k places, 2.35 M triples).
#   bench/link/run.sh [LINK_BINARY] [GRAPH]
# LINK_BINARY: a binary with the `link` command (default: build/src/cli/newsgraph if it has it,
# else build-link-rel/src/link/ng_link_dev, the module's Release developer driver).
# GRAPH: our graph (default: tests/data/link/dev_graph.trig, the development articles by hand).
# Needs build-gazetteer/full/geonames.ttl (`make gazetteer GAZETTEER_FLAGS=--full`).
# Prints wall time, CPU time and peak RSS (/usr/bin/time -v) per run; targets: < 10 s, < 2 GB.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
if [[ -z "$bin" ]]; then
  if build/src/cli/newsgraph link --help > /dev/null 2>&1; then
    bin=build/src/cli/newsgraph
  else
    bin=build-link-rel/src/link/ng_link_dev
  fi
fi
graph=${2:-tests/data/link/dev_graph.trig}
full=build-gazetteer/full/geonames.ttl
[[ -f "$full" ]] || { echo "missing $full: run make gazetteer GAZETTEER_FLAGS=--full" >&2; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gzip -c "$full" > "$out/geonames.ttl.gz"
echo "binary: $bin"
echo "graph:  $graph"
for input in "$full" "$out/geonames.ttl.gz" data/external/geonames.ttl; do
  for run in 1 2 3; do
    /usr/bin/time -v "$bin" link -q -d "$graph" -x "$input" -o "$out/links.trig" \
        2> "$out/err.txt" || { cat "$out/err.txt"; exit 1; }
    wall=$(grep 'Elapsed (wall clock)' "$out/err.txt" | sed 's/.*: //')
    user=$(grep 'User time' "$out/err.txt" | sed 's/.*: //')
    sys=$(grep 'System time' "$out/err.txt" | sed 's/.*: //')
    rss=$(grep 'Maximum resident set size' "$out/err.txt" | sed 's/.*: //')
    summary=$(grep '^newsgraph: link:' "$out/err.txt" | sed 's/^newsgraph: link: //')
    printf '%s run %d: wall %s, user %ss, sys %ss, peak RSS %d MB\n    %s\n' \
      "$(basename "$input")" "$run" "$wall" "$user" "$sys" $((rss / 1024)) "$summary"
  done
done
