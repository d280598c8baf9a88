"""In-process rdflib driver for bench/bench.py (run with Debian's /usr/bin/python3).

Usage: rdflib_bench.py DATA_FILE FORMAT(nt|ttl|nq) QUERY_LIST TIMEOUT_S [--union]
Prints one JSON object per line: the load (Graph.parse / ConjunctiveGraph.parse), then each
query (seconds = parse + evaluate + iterating every solution). The timeout is enforced in
process with SIGALRM (rdflib's evaluator is pure Python, so the alarm interrupts it).
"""
import json
import signal
import sys
import time

import rdflib


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    file, fmt, qlist, timeout = sys.argv[1:5]
    union = len(sys.argv) > 5 and sys.argv[5] == "--union"
    timeout = float(timeout)
    t0 = time.perf_counter()
    if fmt == "nq":
        # Dataset fails on two GRAPH ?g blocks; ConjunctiveGraph works (default_union off
        # unless asked: the queries name their graphs).
        g = rdflib.ConjunctiveGraph()
        g.default_union = union
        g.parse(file, format="nquads")
    else:
        g = rdflib.Graph()
        g.parse(file, format={"nt": "nt", "ttl": "turtle"}[fmt])
    t1 = time.perf_counter()
    emit({"event": "load", "seconds": t1 - t0, "triples": len(g)})
    signal.signal(signal.SIGALRM, on_alarm)
    with open(qlist, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    for line in lines:
        name, path = line.split("\t", 1)
        with open(path, encoding="utf-8") as qf:
            text = qf.read()
        rows, status, error = 0, "ok", ""
        q0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            res = g.query(text)
            if res.type == "ASK":
                rows = 1 if res.askAnswer else 0
            else:
                for _ in res:
                    rows += 1
        except Timeout:
            status = "timeout"
        except Exception as e:  # noqa: BLE001 - every failure is reported per query
            status, error = "error", repr(e)[:300]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        q1 = time.perf_counter()
        emit({"event": "query", "name": name, "seconds": q1 - q0, "rows": rows,
              "status": status, "error": error})


if __name__ == "__main__":
    main()
