#!/usr/bin/env bash
# The main job on data/: ingest the articles into one graph (one named graph per article), link
# its places and actors to GeoNames, merge the two, and answer every saved query in queries/
# with newsgraph's own SPARQL engine.
set -euo pipefail
ng=$(realpath "${1:-build/src/cli/newsgraph}")
cd "$(dirname "$0")/.."
out=build/demo
mkdir -p "$out"
echo "== newsgraph $($ng --version | cut -d' ' -f2)"
echo "== 1. ingest data/articles/ -> $out/graph.trig"
$ng ingest data/articles -o "$out/graph.trig"
echo "== 2. link places and actors to GeoNames (data/external/geonames.ttl) -> $out/links.trig"
$ng link -d "$out/graph.trig" -x data/external/geonames.ttl -o "$out/links.trig"
echo "== 3. merge graph + links + GeoNames -> $out/merged.trig"
$ng merge -d "$out/graph.trig" -d "$out/links.trig" -x data/external/geonames.ttl -o "$out/merged.trig"
echo "== 4. saved queries (queries/*.rq; columns documented in docs/queries.md)"
$ng run queries/ -d "$out/merged.trig" -f table
echo
echo "Also written: $out/graph.trig (the extracted graph). Try for instance:"
echo "  $ng query -d $out/merged.trig -e 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'"
