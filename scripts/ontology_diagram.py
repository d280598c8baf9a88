#!/usr/bin/env python3
"""Draw the newsgraph ontology as a Graphviz diagram.

Usage: scripts/ontology_diagram.py [ontology/newsgraph.ttl] [docs/ontology.svg]

Reads the ontology through `serdi` (Serd's command-line tool, installed with the Serd
dependency) as N-Triples, so it needs only the Python standard library. Draws every ng: class
(box; its CAMEO code under the name), subclass links (hollow arrows, also to the external
classes they align with, drawn grey) and object properties as labelled edges from domain to
range. Writes DOT and runs `dot -Tsvg`.
"""
import re
import subprocess
import sys
from collections import defaultdict

NG = "https://w3id.org/newsgraph/ontology#"
PREFIXES = {
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://schema.org/": "schema:",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.geonames.org/ontology#": "gn:",
    NG: "ng:",
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
DOMAIN = "http://www.w3.org/2000/01/rdf-schema#domain"
RANGE = "http://www.w3.org/2000/01/rdf-schema#range"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
OBJ_PROP = "http://www.w3.org/2002/07/owl#ObjectProperty"
CAMEO = NG + "cameo"

TRIPLE = re.compile(r'^<([^>]*)> <([^>]*)> (<([^>]*)>|_:\S+|"((?:[^"\\]|\\.)*)"\S*) \.$')


def short(iri):
    for ns, p in PREFIXES.items():
        if iri.startswith(ns):
            return p + iri[len(ns):]
    return iri


def load(path):
    out = subprocess.run(["serdi", "-i", "turtle", "-o", "ntriples", path], check=True,
                         capture_output=True, text=True).stdout
    triples = []
    for line in out.splitlines():
        m = TRIPLE.match(line)
        if m:
            obj = m.group(4) if m.group(4) is not None else (m.group(5) or "")
            triples.append((m.group(1), m.group(2), obj))
    return triples


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "ontology/newsgraph.ttl"
    dst = sys.argv[2] if len(sys.argv) > 2 else "docs/ontology.svg"
    triples = load(src)
    types = defaultdict(set)
    props = defaultdict(dict)
    subclass = []
    cameo = {}
    for s, p, o in triples:
        if p == RDF_TYPE:
            types[s].add(o)
        elif p == SUBCLASS:
            subclass.append((s, o))
        elif p in (DOMAIN, RANGE):
            props[s][p] = o
        elif p == CAMEO:
            cameo[s] = o
    classes = sorted(s for s, t in types.items() if OWL_CLASS in t and s.startswith(NG))
    lines = ["digraph newsgraph {", '  rankdir=RL; ranksep=0.9; nodesep=0.12; node [shape=box, fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];']
    for c in classes:
        label = short(c) + ("\\nCAMEO " + cameo[c] if c in cameo else "")
        lines.append('  "%s" [label="%s", style=filled, fillcolor="#e8f0fe"];' % (short(c), label))
    external = set()
    for s, o in subclass:
        if not s.startswith(NG) or o.startswith("_:"):
            continue
        if not o.startswith(NG):
            external.add(o)
            lines.append('  "%s" -> "%s" [arrowhead=onormal, color=grey60];' % (short(s), short(o)))
        else:
            lines.append('  "%s" -> "%s" [arrowhead=onormal];' % (short(s), short(o)))
    for e in sorted(external):
        lines.append('  "%s" [shape=ellipse, color=grey60, fontcolor=grey40];' % short(e))
    for p, dr in sorted(props.items()):
        if OBJ_PROP not in types[p] or not p.startswith(NG):
            continue
        d, r = dr.get(DOMAIN), dr.get(RANGE)
        if d and r and d.startswith(NG) and r.startswith(NG):
            lines.append('  "%s" -> "%s" [label="%s", style=dashed, color=blue4, fontcolor=blue4, constraint=false];'
                         % (short(d), short(r), short(p)))
    lines.append("}")
    dot = "\n".join(lines) + "\n"
    svg = subprocess.run(["dot", "-Tsvg"], input=dot, check=True, capture_output=True, text=True).stdout
    with open(dst, "w", encoding="utf-8") as f:
        f.write(svg)
    print("wrote %s (%d classes)" % (dst, len(classes)))


if __name__ == "__main__":
    main()
