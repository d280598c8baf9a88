#!/usr/bin/env bash
# Prints the figures the suites report (W3C pass counts, extraction scores) from ctest's log,
# so that `make test` shows them even when every test passes.
log="${1:-build}/Testing/Temporary/LastTest.log"
[ -f "$log" ] || exit 0
echo "== suite figures"
grep -hE '^(seeds +[a-z_]+ +|w3c-[a-z0-9-]+|sparql[0-9a-z-]*|e2e-[a-z0-9-]+): [0-9]+ passed|(lenient|strict) +F1|^SKIPPED' "$log" | awk '!seen[$0]++'
