#!/bin/sh
# bench.sh — `make bench`: what dondoc costs at national size, in one table.
#
#   sh bench/bench.sh        (make bench builds dondoc and the receiver first)
#
# For each size of BENCH_SCALE (default "0.01 0.1 1": 1/100, 1/10 and the
# national data set of bench/gen_national.py) it generates the data, loads
# it with the sqlite3 shell, and times, BENCH_REPEAT times each (default 3):
#   check --json             wall time and peak RSS (/usr/bin/time)
#   the SQLite floor         the rows check reads (floor.sql), read by the
#                            sqlite3 shell; and check ÷ floor
#   run --dry-run            decide every reminder, compose, send nothing
#   report                   the largest province, HTML (when built)
#   import                   one million new rows × scale (when built)
# Then, once: `dondoc run` delivering BENCH_WEBHOOKS (10,000) signed
# webhooks to bench/receiver.c with `parallel` BENCH_PARALLEL (8); the same
# again killed with SIGKILL at the middle request and run once more (every
# id must arrive, at most one batch of 4 × parallel twice); and
# BENCH_EMAILS (1,000) emails to tests/e2e/smtp_server.py with STARTTLS and
# AUTH. Everything listens on 127.0.0.1. Nothing is asserted on timings;
# the script fails only when a command fails, a delivery is lost or more
# than one batch comes twice.
#
# Environment: DONDOC (binary, default ./dondoc), RECEIVER (default
# build/bench/receiver), BENCH_DIR (work directory, default a fresh one in
# /tmp, removed at the end unless BENCH_KEEP=1), BENCH_NOW (2025-12-10),
# BENCH_ONLY ("data", "delivery" or empty for both), BENCH_STRICT=1 (a
# failed report or import stops the script instead of filling its cell;
# make bench-smoke-eval, part of make test, runs the smallest size so).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DONDOC=${DONDOC:-$ROOT/dondoc}
RECEIVER=${RECEIVER:-$ROOT/build/bench/receiver}
SCALES=${BENCH_SCALE:-"0.01 0.1 1"}
REPEAT=${BENCH_REPEAT:-3}
NOW=${BENCH_NOW:-2025-12-10}
N_HOOKS=${BENCH_WEBHOOKS:-10000}
PARALLEL=${BENCH_PARALLEL:-8}
N_MAILS=${BENCH_EMAILS:-1000}
ONLY=${BENCH_ONLY:-}
STRICT=${BENCH_STRICT:-0}
PY=/usr/bin/python3
W=${BENCH_DIR:-$(mktemp -d /tmp/dondoc-bench.XXXXXX)}
mkdir -p "$W"
W=$(cd "$W" && pwd)
PIDS=""
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null || :; wait "$p" 2>/dev/null || :; done
  [ "${BENCH_KEEP:-0}" = 1 ] || [ -n "${BENCH_DIR:-}" ] || rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$DONDOC" ] || die "no dondoc at $DONDOC (make bench builds it)"

# ---- helpers -----------------------------------------------------------

# timed NAME CMD…: run CMD with /usr/bin/time; appends "SECONDS KIB" to
# $W/NAME.times; CMD's output goes to $W/NAME.out / .err. Returns CMD's
# exit status.
timed() {
  name=$1; shift
  set +e
  /usr/bin/time -f "%e %M" -o "$W/$name.t" "$@" > "$W/$name.out" 2> "$W/$name.err"
  rc=$?
  set -e
  tail -n 1 "$W/$name.t" >> "$W/$name.times"
  return $rc
}

# range FILE COLUMN: "min–max" (or one value) of a column of numbers.
range() {
  awk -v c="$2" 'NR == 1 || $c < lo { lo = $c } NR == 1 || $c > hi { hi = $c }
    END { if (NR == 0) print "—"; else if (lo == hi) printf "%s", lo;
          else printf "%s–%s", lo, hi }' "$1"
}
best() { awk -v c="$2" 'NR == 1 || $c < m { m = $c } END { print m }' "$1"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
mib_range() {
  awk -v c="$2" 'NR == 1 || $c < lo { lo = $c } NR == 1 || $c > hi { hi = $c }
    END { lo /= 1024; hi /= 1024; if (int(lo + .5) == int(hi + .5))
          printf "%.0f MiB", lo; else printf "%.0f–%.0f MiB", lo, hi }' "$1"
}
fmt_int() { printf "%s" "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }

# wait_ready LOG PID: until LOG has "READY <port>"; prints the port.
wait_ready() {
  i=0
  while ! grep -q '^READY' "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; die "server died"; }
    i=$((i + 1)); [ $i -lt 150 ] || die "server not ready"
    sleep 0.1
  done
  sed -n 's/^READY \([0-9]*\).*/\1/p' "$1"
}

# not_built CMD: does this dondoc lack the command (a usage error naming it)?
not_built() {
  set +e
  "$DONDOC" "$1" > /dev/null 2> "$W/probe.err"
  rc=$?
  set -e
  [ $rc -eq 2 ] && grep -q "unknown command" "$W/probe.err"
}

row() { printf '| %s |' "$1" >> "$W/table.md"; shift; for c in "$@"; do printf ' %s |' "$c" >> "$W/table.md"; done; echo >> "$W/table.md"; }

# ---- the data sizes ------------------------------------------------------

# The import's floor: the sqlite3 shell reading the same file and inserting
# its rows into the same table in one transaction (no checks, no compare).
cat > "$W/import_floor.sql" <<'SQL'
.bail on
CREATE TEMP TABLE o (jurisdiction, indicator, unit, period, value);
.import --csv --skip 1 import.csv o
BEGIN;
INSERT INTO observations (jurisdiction, indicator, unit, period, value, source)
  SELECT jurisdiction, indicator, unit, period, value, 'import:import.csv' FROM o;
COMMIT;
SQL

data_sizes() {
  for s in $SCALES; do
    d="$W/scale-$s"
    rm -rf "$d"
    echo "bench: scale $s: generating" >&2
    $PY "$ROOT/bench/gen_national.py" "$d" --scale "$s" --now "$NOW"
    cp -R "$ROOT/rules/law" "$ROOT/rules/national" "$d/rules/"
    (cd "$d" && "$DONDOC" --config dondoc.lua --now "$NOW" check > /dev/null) ||
      die "scale $s: dondoc cannot check the generated rules"
    (cd "$d" && sqlite3 national.db < load.sql > /dev/null) || die "scale $s: load failed"
    largest=$(ls "$d/rules" | grep '^p' | tail -n 1)
    cd "$d"
    echo "bench: scale $s: check, floor, run --dry-run" >&2
    i=0
    while [ $i -lt "$REPEAT" ]; do
      timed "check-$s" "$DONDOC" --config dondoc.lua --now "$NOW" --json check ||
        die "scale $s: check failed: $(head -n 3 "$W/check-$s.err")"
      timed "floor-$s" sqlite3 -bail national.db ".read floor.sql" ||
        die "scale $s: floor failed"
      timed "dry-$s" "$DONDOC" --config dondoc.lua --now "$NOW" run --dry-run --quiet ||
        die "scale $s: run --dry-run failed: $(head -n 3 "$W/dry-$s.err")"
      i=$((i + 1))
    done
    $PY -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' \
      "$W/check-$s.out" > "$W/findings-$s"
    if not_built report; then
      echo "not built yet" > "$W/report-$s.note"
    else
      echo "bench: scale $s: report $largest" >&2
      i=0
      while [ $i -lt "$REPEAT" ]; do
        timed "report-$s" "$DONDOC" --config dondoc.lua --now "$NOW" report \
          --format html --jurisdiction "$largest" -o "$W/report-$s.html" ||
          { [ "$STRICT" != 1 ] || die "scale $s: report failed: $(head -n 3 "$W/report-$s.err")"
            echo "failed: $(head -n 1 "$W/report-$s.err")" > "$W/report-$s.note"; break; }
        i=$((i + 1))
      done
    fi
    if not_built import; then
      echo "not built yet" > "$W/import-$s.note"
    else
      echo "bench: scale $s: import" >&2
      (sqlite3 national.db "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null)
      i=0
      while [ $i -lt "$REPEAT" ]; do
        cp national.db imp.db
        rm -f imp.db-wal imp.db-shm
        timed "ifloor-$s" sqlite3 -bail imp.db ".read $W/import_floor.sql" ||
          die "scale $s: the import floor failed"
        cp national.db imp.db
        rm -f imp.db-wal imp.db-shm
        timed "import-$s" "$DONDOC" --config dondoc.lua --db imp.db --now "$NOW" \
          import import.csv ||
          { [ "$STRICT" != 1 ] || die "scale $s: import failed: $(head -n 3 "$W/import-$s.err")"
            echo "failed: $(head -n 1 "$W/import-$s.err")" > "$W/import-$s.note"; break; }
        i=$((i + 1))
      done
      rm -f imp.db imp.db-wal imp.db-shm
    fi
    cd "$ROOT"
  done
}

data_table() {
  hdr="| | $(for s in $SCALES; do printf '%s | ' "$(scale_name "$s")"; done)"
  echo "$hdr" | sed 's/ $//' >> "$W/table.md"
  echo "|---|$(for s in $SCALES; do printf -- '---:|'; done)" >> "$W/table.md"
  cells() { for s in $SCALES; do "$@" "$s"; done; }
  size() { fmt_int "$(awk -v k="$2" '$1 == k { print $2 }' "$W/scale-$1/sizes.txt")"; }
  row "provinces / agencies / communes" $(cells sz_prov)
  row "submissions / observation rows" $(cells sz_rows)
  row "findings (check --json)" $(cells sz_findings)
  row "**check** wall" $(cells c_wall)
  row "check peak RSS" $(cells c_rss)
  row "SQLite floor (sqlite3 shell)" $(cells f_wall)
  row "**check ÷ floor** (best of each)" $(cells ratio)
  row "run --dry-run wall" $(cells d_wall)
  row "run --dry-run peak RSS" $(cells d_rss)
  row "report, largest province (HTML)" $(cells r_wall)
  row "import: rows, wall" $(cells i_wall)
  row "import: rows/s (best)" $(cells i_rate)
  row "import peak RSS" $(cells i_rss)
  row "import floor (sqlite3 shell: .import, INSERT)" $(cells if_wall)
  row "**import ÷ floor** (best of each)" $(cells i_ratio)
}
scale_name() { case $1 in 1|1.0) echo "national (1)";; 0.1) echo "1/10";; 0.01) echo "1/100";; *) echo "×$1";; esac; }
szv() { awk -v k="$2" '$1 == k { print $2 }' "$W/scale-$1/sizes.txt"; }
sz_prov() { printf '%s&nbsp;/&nbsp;%s&nbsp;/&nbsp;%s ' "$(szv "$1" provinces)" "$(fmt_int "$(szv "$1" agencies)")" "$(fmt_int "$(szv "$1" communes)")"; }
sz_rows() { printf '%s&nbsp;/&nbsp;%s ' "$(fmt_int "$(szv "$1" submissions)")" "$(fmt_int "$(szv "$1" observations)")"; }
sz_findings() { printf '%s ' "$(fmt_int "$(cat "$W/findings-$1")")"; }
c_wall() { printf '%s&nbsp;s ' "$(range "$W/check-$1.times" 1)"; }
c_rss() { printf '%s ' "$(mib_range "$W/check-$1.times" 2 | sed 's/ /\&nbsp;/')"; }
f_wall() { printf '%s&nbsp;s ' "$(range "$W/floor-$1.times" 1)"; }
ratio() { awk -v a="$(best "$W/check-$1.times" 1)" -v b="$(best "$W/floor-$1.times" 1)" \
  'BEGIN { if (b > 0) printf "%.1f× ", a / b; else printf "— " }'; }
d_wall() { printf '%s&nbsp;s ' "$(range "$W/dry-$1.times" 1)"; }
d_rss() { printf '%s ' "$(mib_range "$W/dry-$1.times" 2 | sed 's/ /\&nbsp;/')"; }
note_or() { if [ -f "$W/$1-$2.note" ]; then printf '%s ' "$(sed 's/ /\&nbsp;/g; s/|/\\|/g' "$W/$1-$2.note")"; return 0; fi; return 1; }
r_wall() { note_or report "$1" || printf '%s&nbsp;s ' "$(range "$W/report-$1.times" 1)"; }
i_wall() { note_or import "$1" || printf '%s,&nbsp;%s&nbsp;s ' "$(fmt_int "$(szv "$1" import_rows)")" "$(range "$W/import-$1.times" 1)"; }
i_rss() { note_or import "$1" || printf '%s ' "$(mib_range "$W/import-$1.times" 2 | sed 's/ /\&nbsp;/')"; }
if_wall() { note_or import "$1" || printf '%s&nbsp;s ' "$(range "$W/ifloor-$1.times" 1)"; }
i_ratio() { note_or import "$1" || awk -v a="$(best "$W/import-$1.times" 1)" -v b="$(best "$W/ifloor-$1.times" 1)" \
  'BEGIN { if (b > 0) printf "%.1f× ", a / b; else printf "— " }'; }
i_rate() { note_or import "$1" || awk -v n="$(szv "$1" import_rows)" -v t="$(best "$W/import-$1.times" 1)" \
  'BEGIN { printf "%.0f\n", n / t }' | { read -r v; printf '%s ' "$(fmt_int "$v")"; }; }

# ---- webhooks ------------------------------------------------------------

webhooks() {
  d="$W/webhooks"
  rm -rf "$d"; mkdir -p "$d"
  cp -R "$ROOT/tests/fixtures/rules" "$d/rules"
  secret="whsec_$(head -c 32 /dev/urandom | base64)"
  "$RECEIVER" --secret "$secret" --verify-every 10 --stats "$d/stats" > "$d/receiver.log" 2>&1 &
  rpid=$!
  PIDS="$PIDS $rpid"
  port=$(wait_ready "$d/receiver.log" "$rpid")
  {
    echo 'rules_dir = "rules"'; echo 'database = "b.db"'; echo 'outbox_dir = "box"'
    echo 'mail = { from = "ban@remind.example" }'
    echo "delivery = { parallel = $PARALLEL }"
    echo 'jurisdictions = { "remind" }'
    echo 'webhooks = {'
    awk -v n="$N_HOOKS" -v p="$port" 'BEGIN { for (i = 1; i <= n; i++)
      printf "  { name = \"h%d\", url = \"http://127.0.0.1:%d/h%d\", secret_env = \"BENCH_SECRET\" },\n", i, p, i }'
    echo '}'
  } > "$d/cfg.lua"
  cd "$d"
  "$DONDOC" --config cfg.lua --now 2024-11-28 check > /dev/null     # the empty store
  empty=$(stat -c %s b.db)
  echo "bench: webhooks: $N_HOOKS, parallel $PARALLEL" >&2
  export BENCH_SECRET="$secret"
  timed hooks-run "$DONDOC" --config cfg.lua --now 2024-11-28 run --quiet ||
    die "webhooks: run failed: $(head -n 3 "$W/hooks-run.err")"
  kill -TERM "$rpid"; wait "$rpid" || :
  PIDS=$(echo "$PIDS" | sed "s/ $rpid//")
  full=$(( $(stat -c %s b.db) + $( [ -f b.db-wal ] && stat -c %s b.db-wal || echo 0) ))
  echo "$(( (full - empty) / N_HOOKS ))" > "$d/growth"
  sqlite3 b.db "SELECT detail FROM attempts a JOIN deliveries d ON d.id = a.delivery
    WHERE d.recipient LIKE 'h%' AND a.ok = 1" |
    sed -n 's/.* in \([0-9.]*\) ms.*/\1/p' | sort -n > "$d/latency"
  cd "$ROOT"
  st() { awk -v k="$1" '$1 == k { print $2 }' "$d/stats"; }
  [ "$(st distinct_ids)" = "$N_HOOKS" ] || die "webhooks: $(st distinct_ids) of $N_HOOKS deliveries (path, id) received"
  [ "$(st bad)" = 0 ] || die "webhooks: $(st bad) bad requests (signature or id)"
  killed_run "$port"
}

# The at-least-once contract at full size: the receiver kills dondoc with
# SIGKILL when request N/2 arrives (--kill-at), a second run delivers the
# rest. Every id must arrive, and no more than one batch (4 × parallel
# webhooks, recorded in one commit) twice.
killed_run() {
  d="$W/webhooks"
  at=$((N_HOOKS / 2))
  [ "$at" -ge 1 ] || return 0
  "$RECEIVER" --secret "$secret" --verify-every 10 --stats "$d/kstats" \
    --kill-at "$at" "$d/victim.pid" > "$d/kreceiver.log" 2>&1 &
  kpid=$!
  PIDS="$PIDS $kpid"
  kport=$(wait_ready "$d/kreceiver.log" "$kpid")
  cd "$d"
  sed -e "s/127.0.0.1:$1/127.0.0.1:$kport/" -e 's/"b.db"/"k.db"/' \
    -e 's/"box"/"kbox"/' cfg.lua > kcfg.lua
  "$DONDOC" --config kcfg.lua --now 2024-11-28 check > /dev/null
  echo "bench: webhooks: kill -9 at request $at, then run again" >&2
  "$DONDOC" --config kcfg.lua --now 2024-11-28 run --quiet > kill1.out 2>&1 &
  victim=$!
  echo "$victim" > victim.pid
  rc=0; wait "$victim" 2> /dev/null || rc=$?
  [ "$rc" = 137 ] || die "webhooks: the run was not killed (exit $rc): $(head -n 3 kill1.out)"
  "$DONDOC" --config kcfg.lua --now 2024-11-28 run --quiet > kill2.out 2>&1 ||
    die "webhooks: the run after kill -9 failed: $(head -n 3 kill2.out)"
  kill -TERM "$kpid"; wait "$kpid" || :
  PIDS=$(echo "$PIDS" | sed "s/ $kpid//")
  cd "$ROOT"
  kst() { awk -v k="$1" '$1 == k { print $2 }' "$d/kstats"; }
  [ "$(kst distinct_ids)" = "$N_HOOKS" ] || die "webhooks after kill -9: $(kst distinct_ids) of $N_HOOKS deliveries (path, id) received"
  [ "$(kst bad)" = 0 ] || die "webhooks after kill -9: $(kst bad) bad requests"
  [ "$(kst duplicates)" -le $((4 * PARALLEL)) ] ||
    die "webhooks after kill -9: $(kst duplicates) sent twice, more than one batch ($((4 * PARALLEL)))"
}

webhook_rows() {
  d="$W/webhooks"
  st() { awk -v k="$1" '$1 == k { print $2 }' "$d/stats"; }
  n=$(st requests); span=$(st first_to_last_s)
  wall=$(awk '{ print $1 }' "$W/hooks-run.times")
  rate=$(awk -v n="$n" -v t="$span" 'BEGIN { printf "%.0f", (t > 0 ? n / t : 0) }')
  whole=$(awk -v n="$n" -v t="$wall" 'BEGIN { printf "%.0f", n / t }')
  p99=$(awk '{ v[NR] = $1 } END { if (NR) printf "%.2f ms", v[int((NR - 1) * 0.99) + 1]; else print "not recorded" }' "$d/latency")
  echo >> "$W/table.md"
  echo "| delivery (on 127.0.0.1) | |" >> "$W/table.md"
  echo "|---|---|" >> "$W/table.md"
  row "**webhooks**: $(fmt_int "$N_HOOKS") to bench/receiver.c, parallel $PARALLEL" \
    "**$(fmt_int "$rate") msg/s** (first to last request); whole run $wall s ($(fmt_int "$whole") msg/s), peak RSS $(mib "$(awk '{ print $2 }' "$W/hooks-run.times")") MiB"
  row "webhooks: connections opened / p99 latency" "$(st connections) / $p99"
  row "webhooks: deliveries (path, id) received, duplicates, signatures checked" \
    "$(fmt_int "$(st distinct_ids)"), $(st duplicates), $(fmt_int "$(st verified)") (all valid); receiver CPU $(st cpu_s) s, p99 service $(st service_p99_us) µs"
  row "webhooks: outbox growth per delivery" "$(fmt_int "$(cat "$d/growth")") bytes"
  kst() { awk -v k="$1" '$1 == k { print $2 }' "$d/kstats"; }
  [ ! -f "$d/kstats" ] ||
    row "webhooks: kill -9 at request $(fmt_int $((N_HOOKS / 2))), then run again" \
      "$(fmt_int "$(kst distinct_ids)") of $(fmt_int "$N_HOOKS") deliveries received, $(kst duplicates) sent twice (at most one batch: $((4 * PARALLEL)))"
}

# ---- emails --------------------------------------------------------------

emails() {
  d="$W/mail"
  rm -rf "$d"; mkdir -p "$d/rules" "$d/maildir"
  cp -R "$ROOT/rules/law" "$d/rules/"
  sh "$ROOT/tests/e2e/make_test_ca.sh" "$d/ca" > /dev/null 2>&1 || die "cannot make the test CA"
  # A jurisdiction declares at most 1,000 agencies: 500 in each.
  juris=$(awk -v n="$N_MAILS" 'BEGIN { for (j = 1; j <= int((n + 499) / 500); j++)
    printf "%s\"bench-mail-%d\"", (j > 1 ? ", " : ""), j }')
  awk -v n="$N_MAILS" -v d="$d/rules" 'BEGIN {
    for (j = 1; (j - 1) * 500 < n; j++) {
      f = sprintf("%s/bench-mail-%d", d, j)
      system("mkdir -p " f); f = f "/jurisdiction.lua"
      printf "jurisdiction \"bench-mail-%d\" { name = \"Tỉnh thư %d\", monitor_from = \"2025-01-01\" }\n", j, j > f
      print "agency \"sec\" { name = \"Văn phòng Ban\", email = \"sec@mail.example\", member = false }" > f
      print "role \"secretariat\" \"sec\"" > f
      for (i = (j - 1) * 500 + 1; i <= n && i <= j * 500; i++)
        printf "agency \"a%d\" { name = \"Cơ quan %d\", email = \"a%d@mail.example\" }\n", i, i, i > f
      print "obligation \"nam\" { title = \"Báo cáo năm\", from = members(), to = role \"secretariat\"," > f
      print "  periods = { year = { due = \"12-17\" } } }" > f
      close(f)
    }
  }'
  port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pw="mật-khẩu-$$"
  $PY "$ROOT/tests/e2e/smtp_server.py" "$port" --maildir "$d/maildir" \
    --tls-cert "$d/ca/server.pem" --tls-key "$d/ca/server.key" \
    --auth "dondoc:$pw" --events "$d/events" > "$d/server.log" 2>&1 &
  spid=$!
  PIDS="$PIDS $spid"
  wait_ready "$d/server.log" "$spid" > /dev/null
  cat > "$d/cfg.lua" <<CFG
rules_dir = "rules"
database = "m.db"
outbox_dir = "box"
mail = { from = "ban@mail.example", smtp_url = "smtp://127.0.0.1:$port", ca_file = "ca/ca.pem",
         username = "dondoc", password_env = "BENCH_SMTP_PASSWORD", timeout_ms = 30000 }
delivery = { parallel = $PARALLEL }
jurisdictions = { $juris }
CFG
  cd "$d"
  echo "bench: emails: $N_MAILS (+ the digests) over STARTTLS + AUTH" >&2
  export BENCH_SMTP_PASSWORD="$pw"
  timed mail-run "$DONDOC" --config cfg.lua --now "$NOW" run --quiet ||
    die "emails: run failed: $(head -n 3 "$W/mail-run.err")"
  kill -TERM "$spid"; wait "$spid" || :
  PIDS=$(echo "$PIDS" | sed "s/ $spid//")
  cd "$ROOT"
  got=$(ls "$d/maildir" | grep -c '\.eml$' || :)
  [ "$got" -ge "$N_MAILS" ] || die "emails: only $got of $N_MAILS arrived"
}

email_rows() {
  d="$W/mail"
  got=$(ls "$d/maildir" | grep -c '\.eml$' || :)
  wall=$(awk '{ print $1 }' "$W/mail-run.times")
  sessions=$(grep -c '^auth ok' "$d/events" || :)
  row "**emails**: $(fmt_int "$got") over STARTTLS + AUTH (tests/e2e/smtp_server.py)" \
    "**$wall s** whole run ($(awk -v n="$got" -v t="$wall" 'BEGIN { printf "%.0f", n / t }') msg/s), $sessions SMTP sessions (logins), peak RSS $(mib "$(awk '{ print $2 }' "$W/mail-run.times")") MiB"
}

# ---- the table -----------------------------------------------------------

: > "$W/table.md"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
[ "$ONLY" = delivery ] || data_sizes
if [ "$ONLY" != data ]; then
  [ -x "$RECEIVER" ] || die "no receiver at $RECEIVER (make bench builds it)"
  webhooks
  emails
fi
[ "$ONLY" = delivery ] || data_table
if [ "$ONLY" != data ]; then
  webhook_rows
  email_rows
fi
{
  echo
  echo "$(date -u +%Y-%m-%d) on $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "dondoc $("$DONDOC" --version 2>/dev/null | head -n 1 | sed 's/^dondoc //'), SQLite $(sqlite3 --version | cut -d' ' -f1)," \
    "$(curl-config --version 2>/dev/null || echo libcurl ?), $(openssl version | cut -d' ' -f1-2);" \
    "best of / range over $REPEAT runs; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after;" \
    "$(( $(date +%s) - started )) s in all."
} >> "$W/table.md"
cat "$W/table.md"
