#!/usr/bin/env python3
"""End-to-end: ingest the development articles, run the saved queries with our own engine, score
them against the gold annotations with the shared scorer, and assert the floors in floors.json
(lenient micro F1) and floors_strict.json (strict micro F1: dates, victims, targets must agree).

Floors may only be raised. Exit 77 (ctest: skipped) when the gold or scorer is absent.
Usage: score_seeds.py NEWSGRAPH_BINARY SOURCE_DIR [WORK_DIR]
"""
import json
import os
import subprocess
import sys
import tempfile

SKIPPED = 77


def main():
    binary, source = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="ng_e2e_")
    os.makedirs(work, exist_ok=True)
    shared = os.environ.get("NEWSGRAPH_SHARED_DIR", os.path.join(source, "..", "shared"))
    scorer = os.path.join(shared, "eval", "score_extraction.py")
    gold = os.path.join(shared, "eval", "seeds-gold")
    if not (os.path.exists(scorer) and os.path.isdir(gold)):
        print(f"SKIPPED: scorer or gold not found under {shared} (set NEWSGRAPH_SHARED_DIR)")
        return SKIPPED

    graph = os.path.join(work, "graph.trig")
    results = os.path.join(work, "results")
    subprocess.run([binary, "ingest", os.path.join(source, "data", "articles"), "-o", graph],
                   check=True)
    subprocess.run([binary, "run", os.path.join(source, "queries"), "-d", graph,
                    "--out-dir", results, "-f", "csv"], check=True)
    report = os.path.join(work, "score.json")
    subprocess.run([sys.executable, scorer, "--gold", gold, "--system", results,
                    "--json", report, "--quiet"], check=True)
    with open(report) as f:
        scores = json.load(f)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "floors.json")) as f:
        floors = json.load(f)

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "floors_strict.json")) as f:
        strict_floors = json.load(f)  # strict mode: dates, victims, targets and types must agree
    failed = []
    checks = 0
    for mode, mode_floors in (("lenient", floors), ("strict", strict_floors)):
        micro = scores["micro"][mode]  # the scorer's micro-averages
        for category, floor in sorted(mode_floors.items()):
            checks += 1
            f1 = micro.get(category, {}).get("f1", 0.0)
            status = "ok" if f1 + 1e-9 >= floor else "BELOW FLOOR"
            print(f"seeds {category:16s} {mode:7s} F1 {f1:.3f}  (floor {floor:.2f})  {status}")
            if status != "ok":
                failed.append(f"{mode} {category}")
    print(f"e2e-seeds: {checks - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
