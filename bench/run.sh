#!/usr/bin/env bash
# `make bench`: installs the reference engines if missing (bench only), builds newsgraph if no
# binary is given, then runs bench/bench.py (see its header for the BENCH_* variables).
#   NEWSGRAPH=build/src/cli/newsgraph bash bench/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BB="$ROOT/build-bench"
mkdir -p "$BB"

# --- Debian packages -------------------------------------------------------------------------
need=()
command -v java >/dev/null || need+=(default-jre-headless)
command -v javac >/dev/null || need+=(default-jdk-headless)
[ -f /usr/share/java/jena-arq.jar ] || need+=(libapache-jena-java)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
/usr/bin/python3 -c 'import rdflib' 2>/dev/null || need+=(python3-rdflib)
command -v roqet >/dev/null || need+=(rasqal-utils)
command -v serdi >/dev/null || need+=(serdi)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v cmake >/dev/null || need+=(cmake)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "bench: missing packages; run: sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "bench: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

# --- Oxigraph (npm, into build-bench/npm) ----------------------------------------------------
if [ ! -f "$BB/npm/node_modules/oxigraph/package.json" ]; then
  mkdir -p "$BB/npm"
  [ -f "$BB/npm/package.json" ] || echo '{"name":"newsgraph-bench-engines","private":true}' > "$BB/npm/package.json"
  echo "bench: npm install oxigraph@0.5 into $BB/npm" >&2
  (cd "$BB/npm" && npm install --no-audit --no-fund --loglevel=error oxigraph@0.5 >&2)
fi

# --- Jena: classpath, the Xerces message fix, the driver -------------------------------------
# Debian's jena-core relocates its bundled Xerces classes to the package `xerces` but leaves
# their message .properties under org/apache/jena/ext/xerces: copy them to the relocated path
# in a directory placed first on the classpath, or Jena dies in XSSimpleTypeDecl.
J="$BB/jena"
mkdir -p "$J/fix" "$J/classes"
if [ ! -d "$J/fix/xerces" ]; then
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
for j in jena-arq jena-base jena-core jena-iri jena-dboe-base jena-dboe-index jena-dboe-storage \
         jena-dboe-trans-data jena-dboe-transaction jena-tdb jena-tdb2 jena-rdfconnection \
         commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 \
         dexx.collection guava gson jackson-core jackson-databind jackson-annotations jsonld-java \
         titanium-json-ld jakarta.json-api protobuf thrift httpclient httpcore httpclient-cache \
         slf4j-api slf4j-nop jcl-over-slf4j; do
  [ -f "/usr/share/java/$j.jar" ] && cp_list="$cp_list:/usr/share/java/$j.jar"
done
echo "$cp_list" > "$J/classpath"
if [ ! -f "$J/classes/JenaBench.class" ] || [ "$ROOT/bench/drivers/JenaBench.java" -nt "$J/classes/JenaBench.class" ]; then
  javac -nowarn -cp "$cp_list" -d "$J/classes" "$ROOT/bench/drivers/JenaBench.java" 2>&1 | grep -v '^Note:' >&2 || true
fi

# --- newsgraph ---------------------------------------------------------------------------------
if [ -z "${NEWSGRAPH:-}" ]; then
  echo "bench: building newsgraph (Release) in $BB/ng" >&2
  cmake -S "$ROOT" -B "$BB/ng" -DCMAKE_BUILD_TYPE=Release >&2
  cmake --build "$BB/ng" --target newsgraph -j "$(nproc)" >&2
  NEWSGRAPH="$BB/ng/src/cli/newsgraph"
fi
case "$NEWSGRAPH" in /*) ;; *) NEWSGRAPH="$ROOT/$NEWSGRAPH" ;; esac
export NEWSGRAPH

exec python3 "$ROOT/bench/bench.py" "$@"
