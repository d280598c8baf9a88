#!/usr/bin/env python3
"""Score the extractor on the development articles and every held-out set, and pool the counts.

Usage: scripts/score-all.py [--bin build/src/cli/newsgraph] [--out /tmp/newsgraph-scores]

Ingests data/articles and each tests/data/heldoutN/articles, runs queries/ on the graph and scores
the CSVs with the shared scorer (../shared/eval/score_extraction.py). Prints each set's lenient F1
per category and pooled lenient F1 (true and false positives and misses summed over sets, not an
average of averages) for the older sets, for the seeds to heldout23 and for all sets. The pooled
lines are what a change to the extractor must not lower; per-set floors are asserted by ctest.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

CATEGORIES = ["actors", "locations", "events", "casualty_claims", "claims", "mediations"]


def set_number(name):
    return int(name[len("heldout"):] or 1)


def score_set(binary, root, scorer, out, name, articles, gold):
    graph = out / f"{name}.nq"
    csv_dir = out / name
    subprocess.run([binary, "ingest", "-q", "-f", "nquads", "-o", str(graph), str(articles)], check=True)
    subprocess.run([binary, "run", str(root / "queries"), "-d", str(graph), "--out-dir", str(csv_dir),
                    "-f", "csv"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    result = out / f"{name}.json"
    subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--system", str(csv_dir),
                    "--json", str(result), "--quiet"], stdout=subprocess.DEVNULL, check=True)
    return json.load(open(result))["micro"]["lenient"]


def pooled_f1(scores, names, category):
    tp = sum(scores[n][category]["tp"] for n in names)
    fp = sum(scores[n][category]["fp"] for n in names)
    fn = sum(scores[n][category]["fn"] for n in names)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=str(root / "build/src/cli/newsgraph"))
    parser.add_argument("--out", default="/tmp/newsgraph-scores")
    args = parser.parse_args()
    shared = root.parent / "shared"
    scorer = shared / "eval/score_extraction.py"
    if not scorer.exists():
        print(f"score-all: skipped: no scorer at {scorer}", file=sys.stderr)
        return 77
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sets = [("seeds", root / "data/articles", shared / "eval/seeds-gold")]
    held = sorted((d for d in (root / "tests/data").iterdir() if d.name.startswith("heldout")),
                  key=lambda d: set_number(d.name))
    sets += [(d.name, d / "articles", d / "gold") for d in held]
    scores = {name: score_set(args.bin, root, scorer, out, name, a, g) for name, a, g in sets}

    columns = CATEGORIES + ["overall"]
    print("set".ljust(24) + "".join(c[:9].rjust(10) for c in columns))
    for name, s in scores.items():
        print(name.ljust(24) + "".join(f"{s[c]['f1']:10.3f}" for c in columns))
    pools = [("pooled heldout..21", [n for n in scores if n != "seeds" and set_number(n) <= 21]),
             ("pooled seeds..heldout23", [n for n in scores if n == "seeds" or set_number(n) <= 23]),
             ("pooled all", list(scores))]
    for label, names in pools:
        print(label.ljust(24) + "".join(f"{pooled_f1(scores, names, c):10.3f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
