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
