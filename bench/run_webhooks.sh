#!/bin/sh
# Benchmark: `dondoc run` delivering N signed webhooks (default 1,000) to
# the local verifying receiver (tests/e2e/webhook_server.py), end to end:
# evaluate, queue the message and N deliveries in the outbox, deliver them with bounded
# concurrency, record every attempt.
#   sh bench/run_webhooks.sh [N] [PARALLEL] [RECEIVER_DELAY_MS]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-1000}; PAR=${2:-8}; DELAY=${3:-0}
W=$(mktemp -d /tmp/dondoc-bench.XXXXXX)
PY=/usr/bin/python3
SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
cleanup() { [ -n "${SRV:-}" ] && kill "$SRV" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
$PY "$ROOT/tests/e2e/webhook_server.py" --secret "$SECRET" --log "$W/log.jsonl" \
  --mode always200 --delay-ms "$DELAY" > "$W/server.out" 2>&1 &
SRV=$!
while ! grep -q READY "$W/server.out"; do sleep 0.1; done
PORT=$(sed -n 's/^READY \([0-9]*\).*/\1/p' "$W/server.out")
cp -R "$ROOT/tests/fixtures/rules" "$W/rules"
export BENCH_SECRET="$SECRET"
{
  echo 'rules_dir = "rules"'; echo 'database = "b.db"'; echo 'outbox_dir = "box"'
  echo 'mail = { from = "ban@remind.example" }'
  echo "delivery = { parallel = $PAR }"
  echo 'jurisdictions = { "remind" }'
  echo 'webhooks = {'
  i=1; while [ "$i" -le "$N" ]; do
    echo "  { name = \"h$i\", url = \"http://127.0.0.1:$PORT/h$i\", secret_env = \"BENCH_SECRET\" },"
    i=$((i + 1))
  done
  echo '}'
} > "$W/cfg.lua"
/usr/bin/time -f "%e %M" -o "$W/time" "$ROOT/dondoc" --config "$W/cfg.lua" \
  --now 2024-11-28 run --quiet || true
read -r secs rss < "$W/time"
# One message goes to every endpoint with one webhook-id: count (path, id).
got=$($PY -c 'import json,sys; print(len({(r["path"], r["webhook-id"]) for r in map(json.loads, open(sys.argv[1]))}))' "$W/log.jsonl")
echo "dondoc run: $N webhooks, parallel $PAR, receiver delay ${DELAY} ms:" \
     "$secs s wall ($(echo "$N $secs" | awk '{printf "%.0f", $1 / $2}') msg/s), peak RSS $rss KiB;" \
     "$got distinct deliveries (path, id) received"
