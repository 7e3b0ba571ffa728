# Helpers for the end-to-end tests (sourced). Assertions print what they
# expected and what they got, then exit 1.
set -u
fail() { echo "FAILED: $*"; exit 1; }
assert_eq() {  # EXPECTED ACTUAL WHAT
  [ "$1" = "$2" ] || fail "$3: expected '$1', got '$2'"
}
assert_contains() {  # FILE TEXT
  grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "'$2' not found in $1"; }
}
assert_not_contains() {
  ! grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "'$2' unexpectedly in $1"; }
}
# run EXPECTED_STATUS CMD... : run dondoc, keep stdout in $WORK/out, stderr
# in $WORK/err, and check the exit status.
run() {
  want=$1; shift
  "$DONDOC" "$@" >"$WORK/out" 2>"$WORK/err"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "--- stdout:"; cat "$WORK/out"; echo "--- stderr:"; cat "$WORK/err"
    fail "dondoc $*: exit $got, expected $want"
  fi
}
# jq-like queries on the JSON in $WORK/out with python3:
#   json_query 'len([f for f in F if f["kind"] == "overdue"])'
json_query() {
  python3 -c '
import json, sys
F = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$WORK/out" "$1"
}

# Servers started by a test: start_server NAME CMD... runs CMD in the
# background with its output in $WORK/NAME.log, waits (up to 15 s) for its
# "READY <port>" line and sets $PORT. Every server is killed when the test
# exits, whatever the outcome.
SERVER_PIDS=""
stop_servers() { for p in $SERVER_PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; SERVER_PIDS=""; }
trap stop_servers EXIT
start_server() {
  name=$1; shift
  "$@" > "$WORK/$name.log" 2>&1 &
  pid=$!
  SERVER_PIDS="$SERVER_PIDS $pid"
  i=0
  while ! grep -q '^READY' "$WORK/$name.log" 2>/dev/null; do
    i=$((i + 1))
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log"; fail "server $name died"; }
    [ $i -lt 150 ] || { cat "$WORK/$name.log"; fail "server $name not ready"; }
    sleep 0.1
  done
  PORT=$(sed -n 's/^READY \([0-9]*\).*/\1/p' "$WORK/$name.log" | head -1)
  LAST_PID=$pid
}
stop_server() {  # PID
  kill "$1" 2>/dev/null; wait "$1" 2>/dev/null
  SERVER_PIDS=$(echo "$SERVER_PIDS" | sed "s/ $1\b//")
}
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
