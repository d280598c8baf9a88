// Reference engine for the differential test: Oxigraph (npm `oxigraph`), one process for a whole
// run. Reads JSON lines {"id", "graph": path of a Turtle file, "query": text} on stdin and writes
// JSON lines {"id", "result": SPARQL JSON results text} or {"id", "error": message} on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const oxigraph = require(process.env.OXIGRAPH_MODULE || 'oxigraph');

let storePath = null;
let store = null;
const rl = readline.createInterface({input: process.stdin, terminal: false});
rl.on('line', (line) => {
  const req = JSON.parse(line);
  const out = {id: req.id};
  try {
    if (req.graph !== storePath) {
      store = new oxigraph.Store();
      store.load(fs.readFileSync(req.graph, 'utf8'),
                 {format: 'text/turtle', base_iri: 'file://' + path.resolve(req.graph)});
      storePath = req.graph;
    }
    const r = store.query(req.query, {results_format: 'application/sparql-results+json',
                                      base_iri: 'http://example.org/base/'});
    out.result = r;
  } catch (e) {
    out.error = String(e);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
