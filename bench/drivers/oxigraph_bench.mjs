// In-process Oxigraph (npm `oxigraph`, WASM) driver for bench/bench.py.
// Usage: node oxigraph_bench.mjs DATA_FILE FORMAT(nt|ttl|nq) QUERY_LIST TIMEOUT_S [--union]
// Env NG_BENCH_OXIGRAPH: path of the oxigraph package directory.
// Prints one JSON object per line: the load (file read + Store.load), then each query
// (seconds = Store.query, which parses, evaluates and materialises every solution).
// Oxigraph's query() is synchronous and cannot be interrupted: the harness kills the process
// when a query exceeds the timeout and restarts it for the remaining queries.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const oxigraph = require(process.env.NG_BENCH_OXIGRAPH || "oxigraph");
const [file, fmt, list, , flag] = process.argv.slice(2);
const union = flag === "--union";
const mime = { nt: "application/n-triples", ttl: "text/turtle", nq: "application/n-quads" }[fmt];
const emit = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const t0 = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(readFileSync(file), { format: mime });
const t1 = process.hrtime.bigint();
emit({ event: "load", seconds: Number(t1 - t0) / 1e9, triples: store.size });

for (const line of readFileSync(list, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const [name, path] = line.split("\t");
  let rows = 0, status = "ok", error = "";
  const q0 = process.hrtime.bigint();
  try {
    const r = store.query(readFileSync(path, "utf8"), { use_default_graph_as_union: union });
    rows = typeof r === "boolean" ? (r ? 1 : 0) : Array.isArray(r) ? r.length : 0;
  } catch (e) {
    status = "error";
    error = String(e).slice(0, 300);
  }
  const q1 = process.hrtime.bigint();
  emit({ event: "query", name, seconds: Number(q1 - q0) / 1e9, rows, status, error });
}
