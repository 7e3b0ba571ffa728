#!/bin/sh
# End-to-end tests: run every tests/e2e/t_*.sh against a dondoc binary.
#   sh tests/e2e/run.sh ./dondoc
# Each test script gets DONDOC (absolute path to the binary), ROOT (the repo)
# and WORK (a fresh temporary directory, removed afterwards), and exits
# non-zero on the first failed assertion. Prints the plain "N passed,
# M failed" line CI reads.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${1:-./dondoc}
case $BIN in /*) ;; *) BIN="$ROOT/${BIN#./}" ;; esac
passed=0; failed=0; failures=""
for t in "$ROOT"/tests/e2e/t_*.sh; do
  name=$(basename "$t" .sh)
  work=$(mktemp -d /tmp/dondoc-e2e.XXXXXX)
  if DONDOC="$BIN" ROOT="$ROOT" WORK="$work" sh "$t" >"$work.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); failures="$failures $name"; echo "FAIL $name"
    sed 's/^/     | /' "$work.log" | tail -25
  fi
  rm -rf "$work" "$work.log"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
