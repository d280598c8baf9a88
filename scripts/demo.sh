#!/usr/bin/env bash
# The main job on data/: ingest the articles into one graph (one named graph per article), then
# answer every saved query in queries/ with newsgraph's own SPARQL engine.
set -euo pipefail
ng=$(realpath "${1:-build/src/cli/newsgraph}")
cd "$(dirname "$0")/.."
out=build/demo
mkdir -p "$out"
echo "== newsgraph $($ng --version | cut -d' ' -f2): ingesting data/articles/"
$ng ingest data/articles -o "$out/graph.trig"
echo "== graph written to $out/graph.trig"
for q in queries/*.rq; do
  name=$(basename "$q" .rq)
  echo
  echo "== $name  ($(grep -m1 '^#' "$q" | sed 's/^# *//'))"
  $ng query -d "$out/graph.trig" -f table "$q" || echo "(query $name failed)"
done
