#!/usr/bin/env python3
"""End-to-end on a held-out set (tests/data/SET, default `heldout`): ingest its articles, run the
saved queries with our own engine, score against its gold with the shared scorer, print lenient
and strict scores per category and assert the lenient floors in SET_floors.json next to this file.

Floors may only be raised. Exit 77 (ctest: skipped) when the shared scorer is absent.
Usage: score_heldout.py NEWSGRAPH_BINARY SOURCE_DIR [WORK_DIR [SET]]
"""
import json
import os
import subprocess
import sys
import tempfile

SKIPPED = 77


def main():
    binary, source = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="ng_heldout_")
    name = sys.argv[4] if len(sys.argv) > 4 else "heldout"
    os.makedirs(work, exist_ok=True)
    shared = os.environ.get("NEWSGRAPH_SHARED_DIR", os.path.join(source, "..", "shared"))
    scorer = os.path.join(shared, "eval", "score_extraction.py")
    heldout = os.path.join(source, "tests", "data", name)
    if not os.path.exists(scorer):
        print(f"SKIPPED: scorer not found under {shared} (set NEWSGRAPH_SHARED_DIR)")
        return SKIPPED

    graph = os.path.join(work, name + ".trig")
    results = os.path.join(work, name + "_results")
    subprocess.run([binary, "ingest", os.path.join(heldout, "articles"), "-o", graph], check=True)
    subprocess.run([binary, "run", os.path.join(source, "queries"), "-d", graph,
                    "--out-dir", results, "-f", "csv"], check=True)
    report = os.path.join(work, name + "_score.json")
    subprocess.run([sys.executable, scorer, "--gold", os.path.join(heldout, "gold"), "--system",
                    results, "--json", report, "--quiet"], check=True)
    with open(report) as f:
        scores = json.load(f)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, name + "_floors.json")) as f:
        floors = json.load(f)

    lenient, strict = scores["micro"]["lenient"], scores["micro"]["strict"]
    failed = []
    for category, floor in sorted(floors.items()):
        f1 = lenient.get(category, {}).get("f1", 0.0)
        s = strict.get(category, {})
        status = "ok" if f1 + 1e-9 >= floor else "BELOW FLOOR"
        print(f"{category:16s} lenient F1 {f1:.3f} (P {lenient.get(category, {}).get('p', 0):.3f}"
              f" R {lenient.get(category, {}).get('r', 0):.3f})  strict F1 {s.get('f1', 0.0):.3f}"
              f"  (floor {floor:.2f})  {status}")
        if status != "ok":
            failed.append(category)
    print(f"e2e-{name}: {len(floors) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
