#!/bin/sh
# Benchmark: dondoc check on a synthetic province.
#   sh bench/check_scale.sh [AGENCIES OBLIGATIONS INDICATORS]
# Prints wall time and peak memory of `check --json` at 2025-01-15, and the
# number of findings. Numbers go in bench/README.md.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
A=${1:-200}; O=${2:-40}; I=${3:-200}
W=$(mktemp -d /tmp/dondoc-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/rules"
cp -R "$ROOT/rules/national" "$W/rules/"
python3 "$ROOT/bench/gen_province.py" "$W" "$A" "$O" "$I"
cd "$W"
"$ROOT/dondoc" --config dondoc.lua --now 2024-01-01 check >/dev/null  # creates the schema
sqlite3 -bail big.db < data.sql
echo "province: $A agencies, $O obligations, $I indicators;" \
     "$(sqlite3 big.db 'select count(*) from submissions') submissions," \
     "$(sqlite3 big.db 'select count(*) from observations') observations"
for i in 1 2 3; do
  /usr/bin/time -f "check: %e s wall, %M KiB max RSS" \
    "$ROOT/dondoc" --config dondoc.lua --now 2025-01-15 --json check > out.json
done
echo "findings: $(python3 -c 'import json; print(len(json.load(open("out.json"))))')"
/usr/bin/time -f "rules check: %e s wall, %M KiB max RSS" \
  "$ROOT/dondoc" --config dondoc.lua --now 2024-01-01 check >/dev/null  # creates the schema
