#!/usr/bin/env bash
# The main job on data/: load the ontology and show what it holds (extraction comes with issue 4).
set -euo pipefail
ng=${1:-build/src/cli/newsgraph}
cd "$(dirname "$0")/.."
echo "== newsgraph $($ng --version)"
if [ -f ontology/newsgraph.ttl ]; then
  echo "== statistics of the ontology"
  $ng stats -d ontology/newsgraph.ttl
fi
