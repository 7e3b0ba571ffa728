#!/bin/sh
# The demo behind `make demo`: a fresh database under var/, the bundled
# Bắc Ninh rules and sample data, evaluated on a fixed date.
set -eu
cd "$(dirname "$0")/.."
DEMO_DATE=${DEMO_DATE:-2024-12-09}
DB=var/demo.db
mkdir -p var
rm -f "$DB" "$DB-wal" "$DB-shm"
sh scripts/demo-data.sh ./dondoc "$DB" >/dev/null
echo "== dondoc check: Bắc Ninh on $DEMO_DATE (database $DB)"
./dondoc --db "$DB" --now "$DEMO_DATE" check
