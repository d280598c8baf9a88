#!/usr/bin/env python3
"""newsgraph benchmark harness (Python 3 stdlib only); started by bench/run.sh.

Runs each workload on newsgraph and on the reference engines in the same run and prints a
Markdown table of medians with the ratio of each engine to newsgraph and the peak RSS.

  load    parse + load SP2Bench N-Triples and Turtle (serdi parse-only rate as the ceiling)
  sp2b    the 17 SP2Bench queries on that graph
  newskg  the news-graph queries on newskg-100k or -1m (N-Quads, one named graph per article)
  ingest  `newsgraph ingest` on generated corpora of 100, 1,000 and 10,000 articles

Environment (all optional):
  BENCH_RUNS=3           runs per measurement (medians are reported)
  BENCH_TIMEOUT=60       per-query time limit in seconds ("timeout" in the table)
  BENCH_LOAD_TIMEOUT=900 time limit for loading a data set
  BENCH_ONLY=load,sp2b,newskg,ingest
  BENCH_SIZE=1m          newskg size: 100k | 1m
  BENCH_SP2B_LIMIT=N     use only the first N triples of SP2Bench 1M (smoke runs)
  BENCH_ENGINES=newsgraph,jena,oxigraph,rdflib,roqet   (serdi is always the load ceiling)
  BENCH_QUERIES=q1,q2    only these queries (by file stem prefix)
  BENCH_INGEST_SIZES=100,1000,10000
  BENCH_JAVA_XMX=8g      Jena heap
  NEWSGRAPH              the newsgraph binary (run.sh sets it)

How each engine is timed:
  jena, oxigraph, rdflib  in process, by a small driver (bench/drivers/): the data is loaded
                          once, then each query is timed separately (parse + evaluate +
                          iterating every solution, no serialisation); the driver prints
                          JSON lines. A query past the limit is cancelled (Jena, rdflib) or
                          its process is killed and restarted for the remaining queries
                          (Oxigraph's WASM query() cannot be interrupted).
  newsgraph               one process per query. If `newsgraph query --help` lists --timing,
                          its stderr line `timing load_s=X query_s=Y ...` gives the in-process
                          load and query times; otherwise query time = whole-process time of
                          `query` minus the median whole-process time on the same
                          data of `newsgraph query -d DATA -e 'ASK {}'` (load + a trivial query;
                          an estimate, noisy for fast queries).
  roqet                   one process per query (Rasqal has no persistent store): query time =
                          whole-process time minus that of a COUNT(*) query on the same data.
  serdi                   whole-process parse of the file, writing N-Triples to /dev/null.
Peak RSS is /usr/bin/time's maximum resident set size of the process (for the in-process
drivers: the whole session, load + all queries; for the load table: load only).
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import platform
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BB = ROOT / "build-bench"
DATA = BB / "data"
TMP = BB / "tmp"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED_DIR", ROOT.parent / "shared"))
SHARED_BENCH = SHARED / "bench"

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "60"))
LOAD_TIMEOUT = float(os.environ.get("BENCH_LOAD_TIMEOUT", "900"))
ONLY = [w for w in os.environ.get("BENCH_ONLY", "load,sp2b,newskg,ingest").split(",") if w]
SIZE = os.environ.get("BENCH_SIZE", "1m")
SP2B_LIMIT = int(os.environ.get("BENCH_SP2B_LIMIT", "0") or 0)
ENGINES = [e for e in os.environ.get(
    "BENCH_ENGINES", "newsgraph,jena,oxigraph,rdflib,roqet").split(",") if e]
QUERY_FILTER = [q for q in os.environ.get("BENCH_QUERIES", "").split(",") if q]
INGEST_SIZES = [int(x) for x in os.environ.get("BENCH_INGEST_SIZES", "100,1000,10000").split(",") if x]
JAVA_XMX = os.environ.get("BENCH_JAVA_XMX", "8g")
NEWSGRAPH = os.environ.get("NEWSGRAPH", str(BB / "ng" / "src" / "cli" / "newsgraph"))
OXIGRAPH_PKG = BB / "npm" / "node_modules" / "oxigraph"
SYS_PY = "/usr/bin/python3"  # Debian's python, where python3-rdflib is installed
GRACE = 2.0 + 0.1 * TIMEOUT  # the harness waits this long past a driver's own time limit

SP2B_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "swrc": "http://swrc.ontoware.org/ontology#",
    "bench": "http://localhost/vocabulary/bench/",
    "person": "http://localhost/persons/",
}

# Result sizes from ../shared/bench/README.md (agreed by Jena, Oxigraph, rdflib, Comunica at 1M).
EXPECTED_ROWS = {
    "sp2b-1m": {"q2": 32452, "q3a": 52406, "q3b": 402, "q3c": 0, "q4": 2583025, "q5b": 34870,
                "q6": 62948, "q8": 491, "q9": 4, "q10": 572, "q11": 10},
    "newskg-1m": {"nk1": 100, "nk2": 200, "nk3": 495, "nk4": 798, "nk5": 6, "nk6": 7556,
                  "nk7": 68, "nk8": 100},
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def median(xs):
    return statistics.median(xs) if xs else None


def fmt_s(x) -> str:
    if x is None:
        return "—"
    if isinstance(x, str):
        return x
    if x == 0:
        return "≈0"  # whole process minus load: below the noise of the load time
    if x < 0.001:
        return f"{x * 1000:.2f}ms"
    if x < 10:
        return f"{x:.3f}"
    return f"{x:.1f}"


def fmt_mb(kb) -> str:
    return "—" if kb is None else f"{kb / 1024:.0f}"


def phase(x) -> str:
    """A phase time or size from `ingest --timing`, or — when the build does not report it."""
    return "—" if x is None else f"{x:.2f}"


def sum_or_none(*xs):
    return None if any(x is None for x in xs) else sum(xs)


# Without --timing, newsgraph's query time is a difference of two whole-process times: below
# this it is noise, so the ratio reads "?" and the geometric mean uses this floor.
NG_EST_FLOOR = 0.02


def ratio(engine_s, ng_s, floored=False) -> str:
    """How many times longer the engine takes than newsgraph (>1: newsgraph is faster)."""
    if not isinstance(engine_s, (int, float)) or not isinstance(ng_s, (int, float)) or ng_s <= 0:
        return ""
    if floored:
        return "?"  # newsgraph's estimate is within the noise: no honest ratio
    r = engine_s / ng_s
    return f"{r:.2f}×" if r >= 0.1 else f"{r:.2g}×"


# --------------------------------------------------------------------------------------------
# Processes


class Result:
    """One timed process: wall seconds, CPU seconds, peak RSS (KB), exit status, stderr."""

    def __init__(self):
        self.wall = None
        self.cpu = None  # user + system seconds: what one core spent, whatever else ran
        self.rss_kb = None
        self.rc = None
        self.timed_out = False
        self.stderr = ""


def run_timed(cmd, timeout, stdout_path=None, env=None, cwd=None) -> Result:
    """Runs cmd under /usr/bin/time (peak RSS, CPU time) with a wall-clock limit; kills its
    process group."""
    TMP.mkdir(parents=True, exist_ok=True)
    rss_file = TMP / f"rss.{os.getpid()}"
    err_file = TMP / f"stderr.{os.getpid()}"
    full = ["/usr/bin/time", "-f", "%M %U %S", "-o", str(rss_file)] + [str(c) for c in cmd]
    res = Result()
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    with open(err_file, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err, start_new_session=True, env=env,
                             cwd=cwd)
        try:
            res.rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            res.timed_out = True
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        res.wall = time.perf_counter() - t0
    if stdout_path:
        out.close()
    res.stderr = err_file.read_text(errors="replace")
    if not res.timed_out:
        try:
            rss, user, system = rss_file.read_text().split()[-3:]
            res.rss_kb = int(rss)
            res.cpu = float(user) + float(system)
        except (OSError, ValueError, IndexError):
            pass
    return res


def stderr_tail(text: str, n: int = 200) -> str:
    lines = [l for l in text.strip().splitlines() if not l.startswith("Command exited")]
    return " ".join(lines[-3:])[-n:]


# --------------------------------------------------------------------------------------------
# In-process drivers (jena, oxigraph, rdflib)


def driver_cmd(engine: str, data: Path, fmt: str, qlist: Path, union: bool):
    extra = ["--union"] if union else []
    if engine == "jena":
        cp = (BB / "jena" / "classpath").read_text().strip() + ":" + str(BB / "jena" / "classes")
        return ["java", f"-Xmx{JAVA_XMX}", "-cp", cp, "JenaBench", data, fmt, qlist, TIMEOUT] + extra
    if engine == "oxigraph":
        return ["node", ROOT / "bench" / "drivers" / "oxigraph_bench.mjs", data, fmt, qlist,
                TIMEOUT] + extra
    if engine == "rdflib":
        return [SYS_PY, ROOT / "bench" / "drivers" / "rdflib_bench.py", data, fmt, qlist,
                TIMEOUT] + extra
    raise ValueError(engine)


def driver_session(engine, data, fmt, queries, union):
    """Loads once and runs `queries` [(name, path)]; restarts after a hang or a crash.

    Returns {"load": [s...], "whole": s or None, "rss_kb": max, "triples": n,
             "queries": {name: {"seconds": s, "rows": n, "status": st, "error": e}}}.
    """
    TMP.mkdir(parents=True, exist_ok=True)
    out = {"load": [], "whole": None, "rss_kb": None, "triples": None, "queries": {}}
    pending = list(queries)
    first = True
    while first or pending:
        first = False
        qlist = TMP / f"{engine}.queries.tsv"
        qlist.write_text("".join(f"{n}\t{p}\n" for n, p in pending))
        rss_file = TMP / f"{engine}.rss"
        err_file = TMP / f"{engine}.stderr"
        env = dict(os.environ, NG_BENCH_OXIGRAPH=str(OXIGRAPH_PKG))
        cmd = ["/usr/bin/time", "-f", "%M", "-o", str(rss_file)] + [
            str(c) for c in driver_cmd(engine, data, fmt, qlist, union)]
        t0 = time.perf_counter()
        with open(err_file, "wb") as err:
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, start_new_session=True,
                                 env=env)
        lines: queue.Queue = queue.Queue()

        def reader(stream=p.stdout, sink=lines):  # bound now: the next session has a new queue
            for raw in stream:
                sink.put(raw.decode("utf-8", "replace"))
            sink.put(None)

        threading.Thread(target=reader, daemon=True).start()
        loaded = False
        killed = False
        while True:
            limit = (LOAD_TIMEOUT if not loaded else TIMEOUT + GRACE)
            try:
                line = lines.get(timeout=limit)
            except queue.Empty:
                os.killpg(p.pid, signal.SIGKILL)
                killed = True
                break
            if line is None:
                break
            try:
                ev = json.loads(line)
            except json.JSONDecodeError:
                continue
            if ev.get("event") == "load":
                loaded = True
                out["load"].append(ev["seconds"])
                out["triples"] = ev.get("triples")
            elif ev.get("event") == "query":
                out["queries"][ev["name"]] = ev
                log(f"    {engine} {ev['name']}: {ev.get('status')} {fmt_s(ev.get('seconds'))} "
                    f"rows {ev.get('rows')}")
                pending = [(n, q) for n, q in pending if n != ev["name"]]
        try:
            p.wait(timeout=TIMEOUT + GRACE)
        except subprocess.TimeoutExpired:  # closed its output but hangs: never wait forever
            os.killpg(p.pid, signal.SIGKILL)
            killed = True
            p.wait()
        whole = time.perf_counter() - t0
        errtext = err_file.read_text(errors="replace")
        if not killed:
            try:
                rss = int(rss_file.read_text().split()[-1])
                out["rss_kb"] = max(out["rss_kb"] or 0, rss)
            except (OSError, ValueError, IndexError):
                pass
        if not queries and loaded and not killed:
            out["whole"] = whole
        if not loaded:
            why = "timeout (load)" if killed else f"error (load, rc {p.returncode}): " + stderr_tail(errtext)
            for n, _ in pending:
                out["queries"][n] = {"name": n, "seconds": None, "rows": None,
                                     "status": "timeout" if killed else "error", "error": why}
            out["load_error"] = why
            return out
        if pending:
            n = pending.pop(0)[0]
            if killed:
                out["queries"][n] = {"name": n, "seconds": None, "rows": None, "status": "timeout",
                                     "error": "killed by the harness"}
            else:
                out["queries"][n] = {"name": n, "seconds": None, "rows": None, "status": "error",
                                     "error": f"driver died (rc {p.returncode}): "
                                              + stderr_tail(errtext)}
    return out


# --------------------------------------------------------------------------------------------
# Process-per-query engines (newsgraph, roqet)


def is_ask(query_path: Path) -> bool:
    text = re.sub(r"#[^\n]*", "", Path(query_path).read_text(errors="replace"))
    text = re.sub(r"(?is)^\s*((PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", text)
    return text.upper().startswith("ASK")


def count_rows(path: Path, ask: bool, roqet_xml: bool = False) -> int | None:
    try:
        if ask:
            t = path.read_text(errors="replace")
            if roqet_xml:
                return 1 if "<boolean>true</boolean>" in t else 0
            return 1 if "true" in t.lower().split() or t.strip().lower().endswith("true") else 0
        with open(path, newline="", encoding="utf-8", errors="replace") as f:
            return max(0, sum(1 for _ in csv.reader(f)) - 1)
    except OSError:
        return None


_ng_has_timing = None
TIMING_RE = re.compile(r"^timing load_s=([0-9.eE+-]+) query_s=([0-9.eE+-]+)", re.M)


def ng_timing_flag() -> bool:
    global _ng_has_timing
    if _ng_has_timing is None:
        try:
            h = subprocess.run([NEWSGRAPH, "query", "--help"], capture_output=True, text=True,
                               timeout=30).stdout
        except (OSError, subprocess.TimeoutExpired):
            h = ""
        _ng_has_timing = "--timing" in h
    return _ng_has_timing


def ng_data_args(data: Path, union: bool):
    return ["-d", data] + (["--union-default-graph"] if union else [])


def ng_load(data: Path, union: bool):
    """newsgraph load-only: (in-process load s or None, whole-process s, rss, error)."""
    # Load only = a trivial query on the data (`stats` would also count terms and classes).
    cmd = [NEWSGRAPH, "query"] + (["--timing"] if ng_timing_flag() else []) + ng_data_args(
        data, union) + ["-f", "csv", "-e", "ASK {}"]
    r = run_timed(cmd, LOAD_TIMEOUT)
    if r.timed_out:
        return None, None, None, "timeout"
    if r.rc != 0:
        return None, None, None, "error: " + stderr_tail(r.stderr)
    m = TIMING_RE.search(r.stderr)
    return (float(m.group(1)) if m else None), r.wall, r.rss_kb, None


def ng_query(data: Path, union: bool, q: Path, load_whole: float):
    """-> dict(seconds, whole, rows, status, error, rss_kb)"""
    outp = TMP / "ng.out.csv"
    timing = ng_timing_flag()
    cmd = [NEWSGRAPH, "query"] + (["--timing"] if timing else []) + ng_data_args(data, union) + [
        "-f", "csv", q]
    r = run_timed(cmd, TIMEOUT + (load_whole or 0), stdout_path=outp)
    d = {"whole": r.wall, "rss_kb": r.rss_kb, "rows": None, "error": ""}
    if r.timed_out:
        d.update(seconds=None, status="timeout")
    elif r.rc != 0:
        d.update(seconds=None, status="error", error=stderr_tail(r.stderr))
    else:
        m = TIMING_RE.search(r.stderr) if timing else None
        secs = float(m.group(2)) if m else max(0.0, r.wall - (load_whole or 0))
        d.update(seconds=secs, status="ok", rows=count_rows(outp, is_ask(q)))
        if secs > TIMEOUT:
            d.update(status="timeout", seconds=None)
    return d


ROQET_FMT = {"nt": "ntriples", "ttl": "turtle", "nq": "nquads"}
ROQET_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def roqet_load(data: Path, fmt: str):
    cmd = ["roqet", "-q", "-i", "sparql", "-r", "csv", "-F", ROQET_FMT[fmt], "-D", data,
           "-e", ROQET_COUNT]
    r = run_timed(cmd, LOAD_TIMEOUT)
    if r.timed_out:
        return None, None, "timeout"
    if r.rc not in (0, 2):  # roqet exits 2 after warnings
        return None, None, "error: " + stderr_tail(r.stderr)
    return r.wall, r.rss_kb, None


def roqet_query(data: Path, fmt: str, q: Path, load_whole: float):
    ask = is_ask(q)
    outp = TMP / "roqet.out"
    cmd = ["roqet", "-q", "-i", "sparql", "-r", "xml" if ask else "csv", "-F", ROQET_FMT[fmt],
           "-D", data, q]
    r = run_timed(cmd, TIMEOUT + (load_whole or 0), stdout_path=outp)
    d = {"whole": r.wall, "rss_kb": r.rss_kb, "rows": None, "error": ""}
    if r.timed_out:
        d.update(seconds=None, status="timeout")
    elif r.rc not in (0, 2):  # roqet exits 2 after warnings
        d.update(seconds=None, status="error", error=stderr_tail(r.stderr))
    else:
        secs = max(0.0, r.wall - (load_whole or 0))
        d.update(seconds=secs, status="ok", rows=count_rows(outp, ask, roqet_xml=True))
        if secs > TIMEOUT:
            d.update(status="timeout", seconds=None)
    return d


# --------------------------------------------------------------------------------------------
# Data


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def prepare_sp2b():
    """-> {'nt': path, 'ttl': path}, name."""
    DATA.mkdir(parents=True, exist_ok=True)
    src = SHARED_BENCH / "sp2b" / "sp2b-1m.nt.gz"
    name = "sp2b-1m" if not SP2B_LIMIT else f"sp2b-1m-first{SP2B_LIMIT}"
    nt = DATA / f"{name}.nt"
    if not nt.exists():
        log(f"decompressing {src} -> {nt}")
        with gzip.open(src, "rb") as fin, open(str(nt) + ".tmp", "wb") as fout:
            if SP2B_LIMIT:
                for i, line in enumerate(fin):
                    if i >= SP2B_LIMIT:
                        break
                    fout.write(line)
            else:
                shutil.copyfileobj(fin, fout, 1 << 20)
        os.replace(str(nt) + ".tmp", nt)
    ttl = DATA / f"{name}.ttl"
    if not ttl.exists():
        log(f"writing the Turtle version with serdi -> {ttl}")
        # N-Triples is Turtle: prefixing the @prefix lines lets serdi abbreviate with them.
        prefixes = "".join(f"@prefix {p}: <{i}> .\n" for p, i in SP2B_PREFIXES.items())
        with open(str(ttl) + ".tmp", "wb") as fout:
            p = subprocess.Popen(["serdi", "-i", "turtle", "-o", "turtle", "-"],
                                 stdin=subprocess.PIPE, stdout=fout)
            p.stdin.write(prefixes.encode())
            with open(nt, "rb") as fin:
                shutil.copyfileobj(fin, p.stdin, 1 << 20)
            p.stdin.close()
            if p.wait() != 0:
                raise RuntimeError("serdi failed to write the Turtle version")
        os.replace(str(ttl) + ".tmp", ttl)
    return {"nt": nt, "ttl": ttl}, name


def prepare_newskg():
    DATA.mkdir(parents=True, exist_ok=True)
    src = SHARED_BENCH / "newskg" / f"newskg-{SIZE}.nq.gz"
    nq = DATA / f"newskg-{SIZE}.nq"
    if not nq.exists():
        log(f"decompressing {src} -> {nq}")
        with gzip.open(src, "rb") as fin, open(str(nq) + ".tmp", "wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
        os.replace(str(nq) + ".tmp", nq)
    return nq


def query_files(folder: Path):
    qs = sorted(folder.glob("*.rq"), key=lambda p: natural_key(p.stem))
    if QUERY_FILTER:
        qs = [q for q in qs if any(q.stem == f or q.stem.startswith(f + "_") for f in QUERY_FILTER)]
    return [(q.stem, q) for q in qs]


def natural_key(s):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def uses_default_graph(queries) -> bool:
    """True if some query has a triple pattern outside GRAPH (then the union default graph is
    what a news-graph user means). The newskg queries put every pattern inside GRAPH."""
    for _, q in queries:
        text = re.sub(r"#[^\n]*", "", q.read_text())
        if "GRAPH" not in text.upper():
            return True
    return False


# --------------------------------------------------------------------------------------------
# Workloads


def workload_load(report, versions):
    files, name = prepare_sp2b()
    section = {"dataset": name, "rows": []}
    for fmt in ("nt", "ttl"):
        data = files[fmt]
        size_mb = data.stat().st_size / 1e6
        log(f"load {name}.{fmt} ({size_mb:.0f} MB)")
        engines = ["serdi"] + [e for e in ENGINES]
        for eng in engines:
            loads, wholes, rss, triples, err = [], [], None, None, None
            for run in range(RUNS):
                if eng == "serdi":
                    r = run_timed(["serdi", "-b", "-i", "ntriples" if fmt == "nt" else "turtle",
                                   "-o", "ntriples", data], LOAD_TIMEOUT)
                    if r.timed_out or r.rc != 0:
                        err = "timeout" if r.timed_out else "error: " + stderr_tail(r.stderr)
                        break
                    wholes.append(r.wall)
                    rss = max(rss or 0, r.rss_kb or 0)
                elif eng == "newsgraph":
                    load_s, whole, kb, e = ng_load(data, False)
                    if e:
                        err = e
                        break
                    if load_s is not None:
                        loads.append(load_s)
                    wholes.append(whole)
                    rss = max(rss or 0, kb or 0)
                elif eng == "roqet":
                    whole, kb, e = roqet_load(data, fmt)
                    if e:
                        err = e
                        break
                    wholes.append(whole)
                    rss = max(rss or 0, kb or 0)
                else:
                    s = driver_session(eng, data, fmt, [], False)
                    if s.get("load_error") or not s["load"]:
                        err = s.get("load_error", "error")
                        break
                    loads.append(s["load"][0])
                    if s["whole"] is not None:
                        wholes.append(s["whole"])
                    rss = max(rss or 0, s["rss_kb"] or 0)
                    triples = s["triples"]
                log(f"  {eng} run {run + 1}: load {fmt_s(loads[-1] if loads else None)} "
                    f"whole {fmt_s(wholes[-1] if wholes else None)}")
            section["rows"].append({"format": fmt, "engine": eng, "load": median(loads),
                                    "whole": median(wholes), "rss_kb": rss, "triples": triples,
                                    "error": err, "mb": size_mb})
    report["load"] = section


def run_query_workload(title, key, data, fmt, queries, union):
    """Runs every engine on the queries; returns the section dict."""
    section = {"title": title, "key": key, "data": str(data), "union": union,
               "queries": [n for n, _ in queries], "engines": {}}
    for eng in ENGINES:
        if eng == "roqet" and fmt == "nq":
            section["engines"][eng] = {"skipped": "roqet drops the graph of N-Quads, so GRAPH "
                                                  "patterns match nothing"}
            continue
        log(f"{title}: {eng}")
        per = {n: {"times": [], "wholes": [], "rows": None, "status": None, "error": ""}
               for n, _ in queries}
        info = {"per": per, "rss_kb": None, "load": []}
        load_whole = None
        if eng in ("newsgraph", "roqet"):
            wholes, err = [], None
            for _ in range(RUNS):
                if eng == "newsgraph":
                    _, w, kb, err = ng_load(data, union)
                else:
                    w, kb, err = roqet_load(data, fmt)
                if err:
                    break
                wholes.append(w)
                info["rss_kb"] = max(info["rss_kb"] or 0, kb or 0)
            load_whole = median(wholes)
            info["load"] = wholes
            if err:
                info["load_error"] = err
                for n in per:
                    per[n].update(status="error", error="load: " + err)
                section["engines"][eng] = info
                continue
        for run in range(RUNS):
            todo = [(n, q) for n, q in queries if per[n]["status"] in (None, "ok")]
            if not todo:
                break
            if eng in ("newsgraph", "roqet"):
                for n, q in todo:
                    d = (ng_query(data, union, q, load_whole) if eng == "newsgraph"
                         else roqet_query(data, fmt, q, load_whole))
                    record(per[n], d)
                    info["rss_kb"] = max(info["rss_kb"] or 0, d.get("rss_kb") or 0)
                    log(f"  {eng} run {run + 1} {n}: {d['status']} {fmt_s(d.get('seconds'))} "
                        f"rows {d.get('rows')}")
            else:
                s = driver_session(eng, data, fmt, todo, union)
                info["load"] += s["load"]
                info["rss_kb"] = max(info["rss_kb"] or 0, s["rss_kb"] or 0)
                for n, _ in todo:
                    d = s["queries"].get(n, {"status": "error", "error": "no result"})
                    record(per[n], d)
                    log(f"  {eng} run {run + 1} {n}: {d['status']} {fmt_s(d.get('seconds'))} "
                        f"rows {d.get('rows')}")
        section["engines"][eng] = info
    return section


def record(p, d):
    st = d.get("status")
    if st == "ok":
        p["times"].append(d["seconds"])
        if d.get("whole") is not None:
            p["wholes"].append(d["whole"])
        if p["rows"] is None:
            p["rows"] = d.get("rows")
        if p["status"] is None:
            p["status"] = "ok"
    else:
        p["status"] = st or "error"
        p["error"] = d.get("error", "")


def workload_sp2b(report):
    files, name = prepare_sp2b()
    queries = query_files(SHARED_BENCH / "sp2b" / "queries")
    report["sp2b"] = run_query_workload(f"SP2Bench queries on {name}.nt", name, files["nt"], "nt",
                                        queries, False)


def workload_newskg(report):
    data = prepare_newskg()
    queries = query_files(SHARED_BENCH / "newskg-queries")
    union = uses_default_graph(queries)
    report["newskg"] = run_query_workload(
        f"news-graph queries on newskg-{SIZE}.nq" + (" (union default graph)" if union else
                                                      " (GRAPH patterns, no union default graph)"),
        f"newskg-{SIZE}", data, "nq", queries, union)


def ng_has_ingest() -> bool:
    try:
        h = subprocess.run([NEWSGRAPH, "--help"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return re.search(r"^\s+ingest\b", h, re.M) is not None


def ng_ingest_help() -> str:
    return subprocess.run([NEWSGRAPH, "ingest", "--help"], capture_output=True, text=True).stdout


def ng_ingest_has_timing() -> bool:
    return "--timing" in ng_ingest_help()


def workload_ingest(report):
    section = {"rows": [], "note": ""}
    report["ingest"] = section
    if not ng_has_ingest():
        section["note"] = "`newsgraph ingest` is not in this build (`newsgraph --help`)."
        log("ingest: " + section["note"])
        return
    for n in INGEST_SIZES:
        corpus = BB / "corpus" / f"articles-{n}"
        gen = ROOT / "bench" / "gen_articles.py"
        stamp = hashlib.sha1(gen.read_bytes()).hexdigest() + " seed 42\n"
        marker = corpus / ".complete"
        if not marker.exists() or marker.read_text() != stamp:
            log(f"generating {n} articles -> {corpus}")
            shutil.rmtree(corpus, ignore_errors=True)
            sh([sys.executable, gen, "--articles", str(n), "--seed", "42", "-o", corpus])
            marker.write_text(stamp)
        files = sorted(corpus.glob("*.txt"))
        mb = sum(f.stat().st_size for f in files) / 1e6
        outp = TMP / f"ingest-{n}.nq"
        times, cpus, rss, err = [], [], None, None
        phases = {}  # from `ingest --timing`: seconds per phase, per run
        timing = ["--timing"] if ng_ingest_has_timing() else []
        # One core, as issues 4 and 7 measure it (`-j` exists since session 4; its default is a
        # thread per core).
        timing += ["-j", "1"] if "--jobs" in ng_ingest_help() else []
        for run in range(RUNS):
            r = run_timed([NEWSGRAPH, "ingest", corpus, "-o", outp] + timing,
                          max(LOAD_TIMEOUT, TIMEOUT), cwd=ROOT)
            if r.timed_out or r.rc != 0:
                err = "timeout" if r.timed_out else f"error (rc {r.rc}): " + stderr_tail(r.stderr)
                break
            times.append(r.wall)
            if r.cpu is not None:
                cpus.append(r.cpu)
            rss = max(rss or 0, r.rss_kb or 0)
            m = re.search(r"^timing (.*)$", r.stderr, re.M)
            if m:
                for key, value in re.findall(r"(\w+)_s=([0-9.]+)", m.group(1)):
                    phases.setdefault(key, []).append(float(value))
            log(f"  ingest {n} run {run + 1}: {r.wall:.3f} s")
        quads = out_mb = None
        if outp.exists() and not err:
            out_mb = outp.stat().st_size / 1e6
            with open(outp, "rb") as f:
                quads = sum(1 for _ in f)
            outp.unlink()
        section["rows"].append({"articles": n, "mb": mb, "seconds": median(times),
                                "cpu": median(cpus) if cpus else None, "rss_kb": rss,
                                "error": err, "lines_out": quads, "out_mb": out_mb,
                                "phases": {k: median(v) for k, v in phases.items()}})


# --------------------------------------------------------------------------------------------
# Report


def machine_info():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "mem": mem, "kernel": platform.release(),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def engine_versions():
    v = {}

    def cmd_out(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            return (r.stdout + r.stderr).strip().splitlines()[0] if (r.stdout + r.stderr).strip() else "?"
        except (OSError, subprocess.TimeoutExpired):
            return "not found"

    def dpkg(pkg):
        return cmd_out(["dpkg-query", "-W", "-f", "${Version}", pkg])

    v["newsgraph"] = cmd_out([NEWSGRAPH, "--version"]) + (
        " (with --timing)" if ng_timing_flag() else " (no --timing: query s = whole process - the median of `query -e 'ASK {}'`)")
    v["jena"] = "Apache Jena ARQ " + dpkg("libapache-jena-java") + ", in-memory general dataset"
    try:
        ox = json.loads((OXIGRAPH_PKG / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        ox = "not installed"
    v["oxigraph"] = f"oxigraph (npm) {ox} on node {cmd_out(['node', '--version'])}"
    v["rdflib"] = "rdflib " + dpkg("python3-rdflib") + " on " + cmd_out([SYS_PY, "--version"])
    v["roqet"] = "roqet (rasqal-utils) " + dpkg("rasqal-utils")
    v["serdi"] = "serdi " + dpkg("serdi")
    return v


def render(report) -> str:
    L = []
    m = report["machine"]
    L.append(f"# newsgraph benchmark — {report['started']}")
    L.append("")
    L.append(f"Machine: {m['cpu']}, {m['cores']} cores, {m['mem']}, Linux {m['kernel']}; "
             f"load average at start {m['loadavg']}, at end {report.get('loadavg_end', '?')}.")
    L.append(f"Settings: {report['settings']}.")
    L.append("")
    for k, v in report["versions"].items():
        L.append(f"- {k}: {v}")
    L.append("")
    L.append("Ratios are engine time / newsgraph time: above 1× newsgraph is faster, below 1× "
             "the engine is. Times in seconds.")
    L.append("")

    if "load" in report:
        s = report["load"]
        L.append(f"## Load: {s['dataset']}")
        L.append("")
        L.append("`load` is in process (parse + build a queryable store); `whole` is the whole "
                 "process (start-up, load, exit). For newsgraph without `--timing`, `whole` is "
                 "`newsgraph query -d FILE -e 'ASK {}'`. serdi only parses and writes N-Triples to /dev/null: the "
                 "ceiling.")
        L.append("")
        L.append("| format | engine | load s | whole s | ratio | Mtriples/s | MB/s | peak RSS MB | "
                 "bytes/triple | note |")
        L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
        ntriples = SP2B_LIMIT or 1000206
        for fmt in ("nt", "ttl"):
            rows = [r for r in s["rows"] if r["format"] == fmt]
            ng = next((r for r in rows if r["engine"] == "newsgraph"), None)
            ng_t = (ng["load"] or ng["whole"]) if ng else None
            for r in rows:
                t = r["load"] or r["whole"]
                note = r["error"] or (f"{r['triples']} triples" if r["triples"] else "")
                L.append(f"| {fmt} | {r['engine']} | {fmt_s(r['load'])} | {fmt_s(r['whole'])} | "
                         f"{ratio(t, ng_t) if r['engine'] != 'newsgraph' else ''} | "
                         f"{ntriples / t / 1e6:.2f} | {r['mb'] / t:.0f} | " if t else
                         f"| {fmt} | {r['engine']} | — | — | | | | ")
                bpt = f"{r['rss_kb'] * 1024 / ntriples:.0f}" if r["rss_kb"] and t else ""
                L[-1] += f"{fmt_mb(r['rss_kb'])} | {bpt} | {note} |"
        L.append("")
        L.append("ratio, Mtriples/s and MB/s use the in-process load time where the engine "
                 "reports one, else the whole-process time; bytes/triple = peak RSS / triples "
                 "(start-up included: the JVM, node and Python count against their engine).")
        L.append("")

    for key in ("sp2b", "newskg"):
        if key not in report:
            continue
        s = report[key]
        L.append(f"## {s['title']}")
        L.append("")
        engines = [e for e in ENGINES if e in s["engines"]]
        skipped = {e: s["engines"][e]["skipped"] for e in engines if "skipped" in s["engines"][e]}
        engines = [e for e in engines if e not in skipped]
        hdr = ["query"]
        for e in engines:
            hdr += [f"{e} s"] + (["ratio"] if e != "newsgraph" else [])
        if "newsgraph" in engines:
            hdr += ["newsgraph whole s"]
        hdr += ["rows"]
        L.append("| " + " | ".join(hdr) + " |")
        L.append("|" + "|".join(["---"] + ["---:"] * (len(hdr) - 2) + ["---"]) + "|")
        expected = EXPECTED_ROWS.get(s["key"], {})
        geo_all = {e: [] for e in engines}
        for qn in s["queries"]:
            ng = s["engines"].get("newsgraph", {}).get("per", {}).get(qn) if "newsgraph" in engines else None
            ng_med = median(ng["times"]) if ng and ng["status"] == "ok" else None
            ng_floored = False
            if ng_med is not None and not ng_timing_flag() and ng_med < NG_EST_FLOOR:
                ng_med, ng_floored = NG_EST_FLOOR, True
            cells = [qn]
            rows_seen = {}
            for e in engines:
                p = s["engines"][e]["per"][qn]
                med = median(p["times"]) if p["status"] == "ok" else None
                if p["status"] == "ok":
                    rows_seen[e] = p["rows"]
                    geo_all[e].append(ng_med if e == "newsgraph" else max(med, 1e-4))
                else:
                    geo_all[e].append(TIMEOUT)
                val = fmt_s(med) if med is not None else (p["status"] or "—")
                cells.append(val)
                if e != "newsgraph":
                    cells.append(ratio(med, ng_med, ng_floored))
            if "newsgraph" in engines:
                cells.append(fmt_s(median(ng["wholes"])) if ng and ng["status"] == "ok" else "")
            cells.append(rows_cell(rows_seen, expected.get(qn.split("_")[0])))
            L.append("| " + " | ".join(cells) + " |")
        cells = ["geomean (timeouts and errors counted as the limit"
                 + ("" if ng_timing_flag() else f"; newsgraph ≥ {NG_EST_FLOOR} s") + ")"]
        for e in engines:
            g = gmean(geo_all[e])
            cells.append(fmt_s(g))
            if e != "newsgraph":
                cells.append(ratio(g, gmean(geo_all.get("newsgraph", []))))
        if "newsgraph" in engines:
            cells.append("")
        cells.append("")
        L.append("| " + " | ".join(cells) + " |")
        cells = ["peak RSS MB (session)"]
        for e in engines:
            cells.append(fmt_mb(s["engines"][e].get("rss_kb")))
            if e != "newsgraph":
                cells.append("")
        if "newsgraph" in engines:
            cells.append("")
        cells.append("")
        L.append("| " + " | ".join(cells) + " |")
        L.append("")
        loads = []
        for e in engines:
            info = s["engines"][e]
            if info.get("load"):
                loads.append(f"{e} {fmt_s(median(info['load']))} s")
        if loads:
            L.append("Load of this data (median; in process, or whole process for newsgraph/roqet): "
                     + ", ".join(loads) + ".")
        for e, why in skipped.items():
            L.append(f"{e}: not run ({why}).")
        errs = []
        for e in engines:
            for qn, p in s["engines"][e]["per"].items():
                if p["status"] == "error":
                    errs.append(f"- {e} {qn}: {p['error'][:200]}")
        if errs:
            L.append("")
            L.append("Errors:")
            L += errs
        L.append("")

    if "ingest" in report:
        s = report["ingest"]
        L.append("## Ingestion (`newsgraph ingest`, generated articles, bench/gen_articles.py "
                 "--seed 42)")
        L.append("")
        if s["note"]:
            L.append(s["note"])
        else:
            L.append("| articles | MB of text | s (whole process) | MB/s | CPU s | MB per CPU s | "
                     "ms per article | time per MB vs the smallest corpus | marginal MB/s | "
                     "peak RSS MB | output lines | output MB | extract s | resolve + store s | "
                     "write s |")
            L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            base = prev = None
            for r in s["rows"]:
                if r["error"] or not r["seconds"]:
                    L.append(f"| {r['articles']} | {r['mb']:.2f} | {r['error']} |"
                             + " |" * 12)
                    continue
                spm = r["seconds"] / r["mb"]
                base = base or spm
                ph = r.get("phases") or {}
                marginal = ""
                if prev and r["seconds"] > prev["seconds"]:
                    marginal = f"{(r['mb'] - prev['mb']) / (r['seconds'] - prev['seconds']):.2f}"
                prev = r
                cpu = r.get("cpu")
                cpu_cells = f"{cpu:.2f} | {r['mb'] / cpu:.2f}" if cpu else " | "
                L.append(f"| {r['articles']} | {r['mb']:.2f} | {fmt_s(r['seconds'])} | "
                         f"{r['mb'] / r['seconds']:.2f} | {cpu_cells} | "
                         f"{r['seconds'] / r['articles'] * 1000:.1f} | "
                         f"{spm / base:.2f}× | {marginal} | {fmt_mb(r['rss_kb'])} | "
                         f"{r['lines_out']} | {phase(r.get('out_mb'))} | "
                         f"{phase(ph.get('extract'))} | "
                         f"{phase(sum_or_none(ph.get('resolve'), ph.get('store')))} | "
                         f"{phase(ph.get('write'))} |")
            L.append("")
            L.append("Linear growth shows as a constant time per MB (\"vs the smallest corpus\" "
                     "near 1×); the smallest corpus also carries the fixed start-up cost "
                     "(lexicons, gazetteer). Phase times are from `ingest --timing` (median runs): "
                     "extract = stages 1 and 2 with interning, write = the N-Quads file "
                     "(formatting, writing, fsync). Marginal MB/s = extra MB / extra seconds from the "
                     "previous size: the rate without the start-up cost. CPU s = user + system "
                     "time of the process (`-j 1`: one core), which other load on the machine "
                     "changes less than the wall clock.")
        L.append("")
    L += render_targets(report)
    return "\n".join(L) + "\n"


def render_targets(report):
    """The measurable "done when" criteria of issue 7, checked on this run's medians."""
    out = []

    def ok(b):
        return "✓" if b else "✗"

    def qmed(section, eng, qn):
        p = section["engines"].get(eng, {}).get("per", {}).get(qn)
        if not p or p["status"] != "ok" or not p["times"]:
            return None
        return median(p["times"])

    if "load" in report and not SP2B_LIMIT:
        r = next((r for r in report["load"]["rows"]
                  if r["format"] == "nt" and r["engine"] == "newsgraph"), None)
        if r and not r["error"]:
            t = r["load"] or r["whole"]
            mb = (r["rss_kb"] or 0) / 1024
            out.append(f"- {ok(t is not None and t <= 2.5 and mb <= 300)} SP2Bench 1M N-Triples "
                       f"load ≤ 2.5 s and ≤ 300 MB: {fmt_s(t)} s"
                       f"{'' if r['load'] else ' (whole process)'}, {mb:.0f} MB")
            # The reference engines count the triples they load; sp2b-1m.nt has 1,000,206.
            triples = next((x["triples"] for x in report["load"]["rows"] if x.get("triples")),
                           1000206)
            if t:
                out.append(f"- {ok(triples / t >= 1e6)} bulk load ≥ 1 M triples/s of N-Triples: "
                           f"{triples / t / 1e6:.2f} M/s, {mb * 1048576 / triples:.0f} bytes per "
                           f"triple at peak (start-up included)")
    if "sp2b" in report and not SP2B_LIMIT:
        s = report["sp2b"]
        refs = [e for e in s["engines"] if e != "newsgraph" and "skipped" not in s["engines"][e]]
        answered = [qn for qn in s["queries"] if qmed(s, "newsgraph", qn) is not None]
        out.append(f"- {ok(len(answered) == len(s['queries']))} all SP2Bench queries answer: "
                   f"{len(answered)}/{len(s['queries'])}")
        slow = []
        for qn in s["queries"]:
            ng = qmed(s, "newsgraph", qn)
            best = min((t for t in (qmed(s, e, qn) for e in refs) if t is not None), default=None)
            if best is not None and (ng is None or ng > 2 * best):
                slow.append(f"{qn} ({fmt_s(ng) if ng is not None else 'no answer'} vs {fmt_s(best)})")
        out.append(f"- {ok(not slow)} each within 2× of the fastest reference"
                   + (": not " + ", ".join(slow) if slow else ""))
        for qn in ("q5a", "q6", "q7"):
            t = qmed(s, "newsgraph", qn)
            if qn in s["queries"]:
                out.append(f"- {ok(t is not None and t <= 5)} {qn} ≤ 5 s: "
                           f"{fmt_s(t) if t is not None else 'no answer'}")

        def geo(e):
            return gmean([qmed(s, e, qn) or TIMEOUT for qn in s["queries"]])
        g_ng = geo("newsgraph")
        others = {e: geo(e) for e in refs}
        out.append(f"- {ok(all(g_ng < g for g in others.values()))} geometric mean below every "
                   f"reference (timeouts as the limit): newsgraph {fmt_s(g_ng)}, "
                   + ", ".join(f"{e} {fmt_s(g)}" for e, g in others.items()))
        wrong = [qn for qn in s["queries"]
                 if qn in EXPECTED_ROWS.get(s["key"], {}) and qmed(s, "newsgraph", qn) is not None
                 and s["engines"]["newsgraph"]["per"][qn]["rows"] != EXPECTED_ROWS[s["key"]][qn]]
        out.append(f"- {ok(not wrong)} result sizes as agreed by the references"
                   + (": not " + ", ".join(wrong) if wrong else ""))
    if "newskg" in report and SIZE == "1m":
        s = report["newskg"]
        late = [f"{qn} ({fmt_s(qmed(s, 'newsgraph', qn)) if qmed(s, 'newsgraph', qn) is not None else 'no answer'})"
                for qn in s["queries"]
                if qmed(s, "newsgraph", qn) is None or qmed(s, "newsgraph", qn) > 1.0]
        out.append(f"- {ok(not late)} all news-graph queries at 1M within 1 s"
                   + (": not " + ", ".join(late) if late else ""))
        exp = EXPECTED_ROWS.get(s["key"], {})
        wrong = [qn for qn in s["queries"] if qn.split("_")[0] in exp
                 and qmed(s, "newsgraph", qn) is not None
                 and s["engines"]["newsgraph"]["per"][qn]["rows"] != exp[qn.split("_")[0]]]
        out.append(f"- {ok(not wrong)} news-graph result sizes as agreed by the references"
                   + (": not " + ", ".join(wrong) if wrong else ""))
    if "ingest" in report and report["ingest"]["rows"]:
        rows = [r for r in report["ingest"]["rows"] if r["seconds"] and not r["error"]]
        if rows:
            last = rows[-1]
            rate = last["mb"] / last["seconds"]
            out.append(f"- {ok(rate >= 10)} ingestion ≥ 10 MB/s: {rate:.2f} MB/s at "
                       f"{last['articles']} articles")
            if last.get("cpu"):
                out.append(f"- {ok(last['mb'] / last['cpu'] >= 10)} ingestion ≥ 10 MB per CPU "
                           f"second: {last['mb'] / last['cpu']:.2f} at {last['articles']} articles")
            if len(rows) >= 2:
                a, b = rows[-2], rows[-1]
                grow = (b["seconds"] / b["mb"]) / (a["seconds"] / a["mb"])
                out.append(f"- {ok(grow <= 1.2)} linear ingestion (time per MB at "
                           f"{b['articles']} ≤ 1.2× that at {a['articles']}): {grow:.2f}×")
                if a.get("cpu") and b.get("cpu"):
                    grow_cpu = (b["cpu"] / b["mb"]) / (a["cpu"] / a["mb"])
                    out.append(f"- {ok(grow_cpu <= 1.2)} linear ingestion in CPU time (CPU s per "
                               f"MB at {b['articles']} ≤ 1.2× that at {a['articles']}): "
                               f"{grow_cpu:.2f}×")
    if not out:
        return []
    return ["## Issue 7 targets on this run", "",
            "Checked only on the full data sets (not with BENCH_SP2B_LIMIT or BENCH_SIZE=100k)."
            + ("" if ng_timing_flag() else " Without `--timing`, newsgraph's query times are "
               "whole-process differences."), ""] + out + [""]


def rows_cell(rows_seen, expected):
    vals = {v for v in rows_seen.values() if v is not None}
    parts = []
    if len(vals) == 1:
        parts.append(str(next(iter(vals))))
    elif vals:
        parts.append("DIFFER: " + ", ".join(f"{e} {v}" for e, v in rows_seen.items()))
    if expected is not None:
        ng = rows_seen.get("newsgraph")
        mark = "" if ng is None else (" ✓" if ng == expected else " ✗ newsgraph")
        parts.append(f"(expected {expected}{mark})")
    return " ".join(parts)


def gmean(xs):
    xs = [x for x in xs if x and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def main():
    if not Path(NEWSGRAPH).exists() and "newsgraph" in ENGINES:
        sys.exit(f"bench: newsgraph binary not found: {NEWSGRAPH}")
    started = dt.datetime.now(dt.timezone.utc)
    report = {"started": started.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine_info(),
              "versions": engine_versions(),
              "settings": f"BENCH_RUNS={RUNS} (medians), BENCH_TIMEOUT={TIMEOUT:g} s, "
                          f"BENCH_ONLY={','.join(ONLY)}, BENCH_SIZE={SIZE}"
                          + (f", BENCH_SP2B_LIMIT={SP2B_LIMIT}" if SP2B_LIMIT else "")
                          + f", engines {','.join(ENGINES)}"}
    steps = {"load": lambda: workload_load(report, report["versions"]), "sp2b": lambda: workload_sp2b(report),
             "newskg": lambda: workload_newskg(report), "ingest": lambda: workload_ingest(report)}
    for w in ONLY:
        if w not in steps:
            sys.exit(f"bench: unknown workload {w!r} in BENCH_ONLY (load,sp2b,newskg,ingest)")
    for w in ONLY:
        try:
            steps[w]()
        except Exception as e:  # noqa: BLE001 - one broken workload must not lose the others
            log(f"workload {w} failed: {e!r}")
            report.setdefault("failed", {})[w] = repr(e)
    report["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = render(report)
    if report.get("failed"):
        text += "\n## Workloads that failed\n\n" + "\n".join(
            f"- {w}: {e}" for w, e in report["failed"].items()) + "\n"
    out_dir = BB / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (out_dir / f"{stamp}.md").write_text(text)
    (out_dir / f"{stamp}.json").write_text(json.dumps(report, indent=1, default=str))
    sys.stdout.write(text)
    log(f"written {out_dir / (stamp + '.md')} (and .json with every run)")


if __name__ == "__main__":
    main()
