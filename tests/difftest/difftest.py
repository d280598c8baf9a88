#!/usr/bin/env python3
"""Differential test of the newsgraph query engine against Oxigraph (and Apache Jena ARQ).

Usage: difftest.py N [--seed S] [--newsgraph PATH] [--work DIR] [--oxigraph-module DIR]
                     [--jena-classpath CP] [--graph-every K] [--keep-going]

Generates N random queries (gen.py) over random small graphs (a new graph every K queries),
runs each through `newsgraph query -d graph.ttl -f json` and through Oxigraph (a node process,
oxigraph_driver.js), and compares the results as the W3C tests do: multisets of solutions,
blank nodes up to renaming (compared as "some blank node"), numeric literals by datatype and
value, row order only under ORDER BY (compared on the ORDER BY keys; rows tied at a LIMIT/OFFSET
boundary may differ). When Jena is available (--jena-classpath), each disagreement is also run
through Jena ARQ and classified:
  newsgraph-differs   Oxigraph and Jena agree, newsgraph does not  -> a bug of ours (fails)
  reference-split     newsgraph agrees with Jena or with Oxigraph   -> the references disagree
  reference-split:oxigraph-duplicates+jena-differs
                      newsgraph = Oxigraph up to Oxigraph's path duplicates bug, Jena differs
                      (Jena fails or disagrees: see cases/README.md)
  all-differ          three different answers                       -> needs a look (fails)
  unadjudicated       Jena not available                            -> fails
Every disagreement is written to WORK/cases/<seed>-<index>/ (graph.ttl, query.rq, the three
results, verdict.txt). Exit status 1 if any failing disagreement, or if newsgraph crashed.
"""

import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal, InvalidOperation

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
FLOAT_TYPES = {XSD + "double", XSD + "float"}


def norm_term(t):
    """A hashable, comparable form of a SPARQL JSON term."""
    if t is None:
        return None
    kind = t["type"]
    if kind == "uri":
        return ("I", t["value"])
    if kind == "bnode":
        return ("B",)
    lang = t.get("xml:lang")
    if lang:
        return ("L", t["value"], lang.lower())
    dt = t.get("datatype")
    v = t["value"]
    try:
        if dt in INTEGER_TYPES:
            return ("N", "integer", int(v.strip()))
        if dt == XSD + "decimal":
            return ("N", "decimal", float("%.12g" % float(Decimal(v.strip()))))
        if dt in FLOAT_TYPES:
            f = float(v.strip().replace("INF", "inf"))
            return ("N", dt, f if f != f else float("%.12g" % f))
    except (ValueError, InvalidOperation):
        pass
    if dt is None or dt == XSD + "string":
        return ("S", v)
    return ("T", v, dt)


class Result:
    def __init__(self, text):
        self.raw = text
        self.error = None
        self.boolean = None
        self.vars = []
        self.rows = []
        self.raw_rows = []  # the JSON terms, for ORDER BY keys (lexical forms matter there)
        try:
            data = json.loads(text)
        except ValueError as e:
            self.error = "unparsable result: %s" % e
            return
        if "boolean" in data:
            self.boolean = bool(data["boolean"])
            return
        self.vars = sorted(data["head"].get("vars", []))
        for b in data["results"]["bindings"]:
            self.rows.append(tuple(norm_term(b.get(v)) for v in self.vars))
            self.raw_rows.append(tuple(b.get(v) for v in self.vars))


def error_result(message):
    r = Result('{"head": {}, "results": {"bindings": []}}')
    r.error = message
    return r


def order_key(raw_row, vars_, order):
    """The ORDER BY key of a row: STR(?v) keys are (0,) for an error or unbound, then the string;
    plain variable keys (subject-only variables) are unbound < blank nodes (all tied) < IRIs.
    A key ends at a blank node (see below)."""
    key = []
    for var, kind, desc in order:
        t = raw_row[vars_.index(var)] if var in vars_ else None
        if kind == "str":
            k = (0, "") if t is None or t["type"] == "bnode" else (1, t["value"])
        else:
            rank = {"bnode": 1, "uri": 2}.get(t["type"], 3) if t else 0
            k = (rank, t["value"] if rank >= 2 else "")
        key.append((k, desc))
        if k[0] == 1 and kind == "term":
            # Blank nodes have no defined order among themselves, but engines order them
            # somehow: the keys after this one are not comparable between engines.
            break
    return tuple(key)


PATH_WITH_DUPLICATES = re.compile(r"[|?]|!\(")


def oxigraph_path_duplicates(query, ng, ox):
    """True when newsgraph and Oxigraph agree up to duplicates and the query has a path whose
    alternatives (|, ?, negated property sets) can produce duplicate solutions: Oxigraph drops
    those duplicates (tests/difftest/cases/oxigraph-*-duplicates), Jena and newsgraph keep them."""
    if ng.error or ox.error or ng.vars != ox.vars or ng.boolean is not None:
        return False
    return set(ng.rows) == set(ox.rows) and PATH_WITH_DUPLICATES.search(
        query.split("WHERE", 1)[-1]) is not None


def same(a, b, order, sliced):
    """True when two results agree as the W3C tests compare them."""
    if a.error or b.error:
        return bool(a.error) and bool(b.error)
    if a.boolean is not None or b.boolean is not None:
        return a.boolean == b.boolean
    if a.vars != b.vars:
        return False
    if not order:
        return collections.Counter(a.rows) == collections.Counter(b.rows)
    ka = [order_key(r, a.vars, order) for r in a.raw_rows]
    kb = [order_key(r, b.vars, order) for r in b.raw_rows]
    if ka != kb:
        return False
    if not sliced:
        return collections.Counter(a.rows) == collections.Counter(b.rows)
    edge = {ka[0], ka[-1]} if ka else set()
    keep_a = [r for r, k in zip(a.rows, ka) if k not in edge]
    keep_b = [r for r, k in zip(b.rows, kb) if k not in edge]
    return collections.Counter(keep_a) == collections.Counter(keep_b)


class Oxigraph:
    def __init__(self, module):
        env = dict(os.environ, OXIGRAPH_MODULE=module)
        here = os.path.dirname(os.path.abspath(__file__))
        self.proc = subprocess.Popen(["node", os.path.join(here, "oxigraph_driver.js")],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                     text=True, encoding="utf-8")

    def run(self, graph, query):
        self.proc.stdin.write(json.dumps({"id": 0, "graph": graph, "query": query}) + "\n")
        self.proc.stdin.flush()
        out = json.loads(self.proc.stdout.readline())
        if "error" in out:
            return error_result(out["error"])
        return Result(out["result"])


class Jena:
    def __init__(self, classpath, classes):
        self.proc = subprocess.Popen(["java", "-cp", classes + ":" + classpath, "JenaDiff"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8")

    def run(self, graph, query_file):
        self.proc.stdin.write("%s\t%s\n" % (graph, query_file))
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if line.startswith("ERROR\t"):
            return error_result(line[6:].strip())
        return Result(line)


def run_newsgraph(binary, graph, query_file):
    try:
        p = subprocess.run([binary, "query", "-d", graph, "-f", "json", query_file],
                           capture_output=True, text=True, encoding="utf-8", timeout=60)
    except subprocess.TimeoutExpired:
        return error_result("timeout"), "timeout"
    if p.returncode == 0:
        return Result(p.stdout), None
    crash = None if p.returncode in (1, 2) else "exit %d: %s" % (p.returncode, p.stderr[-2000:])
    return error_result("exit %d: %s" % (p.returncode, p.stderr.strip())), crash


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--newsgraph", required=True)
    ap.add_argument("--work", default="build-difftest/run")
    ap.add_argument("--oxigraph-module", required=True)
    ap.add_argument("--jena-classpath")
    ap.add_argument("--jena-classes")
    ap.add_argument("--graph-every", type=int, default=25)
    args = ap.parse_args()

    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    cases = os.path.join(work, "cases")
    ox = Oxigraph(args.oxigraph_module)
    jena = Jena(args.jena_classpath, args.jena_classes) if args.jena_classpath else None
    verdicts = collections.Counter()
    failures = 0
    crashes = 0
    empty = 0
    start = time.time()
    graph = None
    query_file = os.path.join(work, "query.rq")
    for i in range(args.n):
        if i % args.graph_every == 0:
            # A new file name per graph: the reference drivers cache the store by path.
            if graph:
                os.remove(graph)
            graph = os.path.join(work, "graph-%d.ttl" % (i // args.graph_every))
            with open(graph, "w", encoding="utf-8") as f:
                f.write(gen.random_graph(random.Random("g%d-%d" % (args.seed, i))))
        text, order, sliced = gen.random_query(random.Random("q%d-%d" % (args.seed, i)))
        with open(query_file, "w", encoding="utf-8") as f:
            f.write(text)
        ng, crash = run_newsgraph(args.newsgraph, graph, query_file)
        ref = ox.run(graph, text)
        if not ng.error and not ng.rows and ng.boolean is None:
            empty += 1
        if crash is None and same(ng, ref, order, sliced):
            verdicts["agree"] += 1
            continue
        verdict = "unadjudicated"
        je = None
        if crash:
            verdict = "newsgraph-crash"
            crashes += 1
        elif jena:
            je = jena.run(graph, query_file)
            if same(ref, je, order, sliced):
                verdict = "newsgraph-differs"
            elif same(ng, je, order, sliced) or same(ng, ref, order, sliced):
                verdict = "reference-split"
            elif oxigraph_path_duplicates(text, ng, ref):
                verdict = "reference-split:oxigraph-duplicates+jena-differs"
            else:
                verdict = "all-differ"
        verdicts[verdict] += 1
        if not verdict.startswith("reference-split"):
            failures += 1
        d = os.path.join(cases, "%d-%d" % (args.seed, i))
        os.makedirs(d, exist_ok=True)
        shutil.copy(graph, os.path.join(d, "graph.ttl"))
        shutil.copy(query_file, os.path.join(d, "query.rq"))
        for name, r in (("newsgraph", ng), ("oxigraph", ref), ("jena", je)):
            if r is not None:
                with open(os.path.join(d, name + ".json"), "w", encoding="utf-8") as f:
                    f.write(r.error if r.error else r.raw)
        with open(os.path.join(d, "verdict.txt"), "w", encoding="utf-8") as f:
            f.write(verdict + "\n" + (crash or "") + "\n")
        print("case %d: %s  (%s)" % (i, verdict, d), flush=True)
    secs = time.time() - start
    print("difftest: %d queries (seed %d) in %.0f s: %s; %d empty results; %d failing" %
          (args.n, args.seed, secs, dict(verdicts), empty, failures))
    return 1 if failures or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
