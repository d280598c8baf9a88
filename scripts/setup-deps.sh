#!/usr/bin/env bash
# Installs the Debian packages newsgraph needs to build and test, if any are missing.
# Used by `make demo` and `make test`; safe to run again (does nothing when all are present).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3
  libserd-dev serdi                  # RDF syntax (the quad store is our own)
  libboost-dev                       # Spirit X3 (header-only)
  libcli11-dev                       # command line
  catch2                             # unit tests (v2)
  libicu-dev                         # Unicode normalisation and segmentation
  libssl-dev                         # digests of SPARQL's MD5() ... SHA512() (libcrypto)
  zlib1g-dev                         # .gz input
  libjemalloc2                       # faster small allocations for ingestion (src/cli)
  iso-codes                          # country and region names for the gazetteers
  graphviz                           # ontology diagram in docs/
  clang libclang-rt-14-dev           # libFuzzer smoke run of `make test` (scripts/fuzz.sh)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "newsgraph: missing Debian packages: ${missing[*]}" >&2
  echo "newsgraph: run as root:  $cmd" >&2
  exit 1
fi
echo "newsgraph: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
