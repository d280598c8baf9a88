#!/usr/bin/env python3
"""Runs one case (graph.ttl + query.rq) through newsgraph, Oxigraph and Jena and prints the three
results in the normalised form difftest.py compares.
  run_case.py CASE_DIR NEWSGRAPH OXIGRAPH_MODULE_DIR JENA_CLASSPATH JENA_CLASSES_DIR
(scripts/difftest.sh --case DIR fills in the last four.)"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import difftest as D  # noqa: E402

case, newsgraph, oxigraph, jena_cp, jena_classes = sys.argv[1:6]
graph = os.path.abspath(os.path.join(case, "graph.ttl"))
query_file = os.path.abspath(os.path.join(case, "query.rq"))
with open(query_file, encoding="utf-8") as f:
    query = f.read()
ng, _ = D.run_newsgraph(newsgraph, graph, query_file)
ox = D.Oxigraph(oxigraph).run(graph, query)
je = D.Jena(jena_cp, jena_classes).run(graph, query_file)
for name, r in (("newsgraph", ng), ("oxigraph", ox), ("jena", je)):
    rows = sorted(collections.Counter(r.rows).items(), key=str)
    print("%-9s %s" % (name, r.error or ("vars %s: %s" % (r.vars, rows))))
