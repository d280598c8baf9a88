#!/usr/bin/env bash
# Differential test of the query engine (issue 8): N random queries over random small graphs,
# newsgraph against Oxigraph (npm) with Apache Jena ARQ (Debian) as the tie-breaker.
#   scripts/difftest.sh [N] [SEED]      (defaults: 200 queries, seed 1)
#   scripts/difftest.sh --case DIR      one case (graph.ttl + query.rq) through the three engines
# Environment: NEWSGRAPH (the binary; default build/src/cli/newsgraph), DIFFTEST_DIR (work
# directory; default build-difftest), DIFFTEST_NO_JENA=1 (Oxigraph only: every disagreement fails).
# Installs what is missing (oxigraph@0.5.11 with npm into DIFFTEST_DIR/npm; Jena and a JRE with
# apt-get when root). Exit status 1 on any disagreement not explained by the references disagreeing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CASE=""
if [ "${1:-}" = --case ]; then CASE="$2"; shift 2; fi
N="${1:-200}"
SEED="${2:-1}"
NEWSGRAPH="${NEWSGRAPH:-$ROOT/build/src/cli/newsgraph}"
WORK="${DIFFTEST_DIR:-$ROOT/build-difftest}"
mkdir -p "$WORK"
[ -x "$NEWSGRAPH" ] || { echo "difftest: no newsgraph binary at $NEWSGRAPH (make build)" >&2; exit 2; }

# --- Oxigraph ----------------------------------------------------------------------------------
if [ ! -f "$WORK/npm/node_modules/oxigraph/package.json" ]; then
  if ! command -v npm >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "difftest: installing nodejs and npm" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2 || true
  fi
  command -v npm >/dev/null || { echo "difftest: npm is needed (apt-get install npm)" >&2; exit 2; }
  mkdir -p "$WORK/npm"
  [ -f "$WORK/npm/package.json" ] || echo '{"name":"ng-difftest","private":true}' > "$WORK/npm/package.json"
  (cd "$WORK/npm" && npm install --no-audit --no-fund --loglevel=error oxigraph@0.5.11 >&2)
fi

# --- Jena (optional): classpath with the Xerces message fix of bench/run.sh, the driver ---------
jena_args=()
if [ -z "${DIFFTEST_NO_JENA:-}" ]; then
  if [ ! -f /usr/share/java/jena-arq.jar ] || ! command -v javac >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get install -y -qq libapache-jena-java default-jdk-headless >&2 || true
    fi
  fi
  if [ -f /usr/share/java/jena-arq.jar ] && command -v javac >/dev/null; then
    J="$WORK/jena"
    mkdir -p "$J/classes"
    if [ ! -d "$J/fix/xerces" ]; then
      # Debian's jena-core relocates Xerces to the package `xerces` but leaves its message
      # .properties under org/apache/jena/ext/xerces: copy them to the relocated path.
      rm -rf "$J/fix.tmp" && mkdir -p "$J/fix.tmp"
      python3 - "$J/fix.tmp" <<'PY'
import sys, zipfile
from pathlib import Path
out = Path(sys.argv[1])
prefix = "org/apache/jena/ext/xerces/"
with zipfile.ZipFile("/usr/share/java/jena-core.jar") as jar:
    for name in jar.namelist():
        if name.startswith(prefix) and name.endswith(".properties"):
            dest = out / "xerces" / name[len(prefix):]
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(jar.read(name))
PY
      rm -rf "$J/fix" && mv "$J/fix.tmp" "$J/fix"
    fi
    cp_list="$J/fix"
    for j in jena-arq jena-base jena-core jena-iri commons-cli commons-codec commons-compress \
             commons-csv commons-io commons-lang3 dexx.collection guava gson jackson-core \
             jackson-databind jackson-annotations jsonld-java titanium-json-ld jakarta.json-api \
             protobuf thrift httpclient httpcore slf4j-api slf4j-nop jcl-over-slf4j; do
      [ -f "/usr/share/java/$j.jar" ] && cp_list="$cp_list:/usr/share/java/$j.jar"
    done
    src="$ROOT/tests/difftest/JenaDiff.java"
    if [ ! -f "$J/classes/JenaDiff.class" ] || [ "$src" -nt "$J/classes/JenaDiff.class" ]; then
      javac -nowarn -cp "$cp_list" -d "$J/classes" "$src" 2>&1 | grep -v '^Note:' >&2 || true
    fi
    jena_args=(--jena-classpath "$cp_list" --jena-classes "$J/classes")
  else
    echo "difftest: Jena not available; disagreements cannot be adjudicated" >&2
  fi
fi

if [ -n "$CASE" ]; then
  [ ${#jena_args[@]} -gt 0 ] || { echo "difftest: --case needs Jena" >&2; exit 2; }
  exec python3 "$ROOT/tests/difftest/run_case.py" "$CASE" "$NEWSGRAPH" \
    "$WORK/npm/node_modules/oxigraph" "${jena_args[1]}" "${jena_args[3]}"
fi
exec python3 "$ROOT/tests/difftest/difftest.py" "$N" --seed "$SEED" --newsgraph "$NEWSGRAPH" \
  --work "$WORK/run-$SEED" --oxigraph-module "$WORK/npm/node_modules/oxigraph" "${jena_args[@]}"
