# Rule files whose work happens inside C library functions, where the
# instruction hook never runs (issue 10, item 2): string.rep of nothing,
# string.rep with a separator, string.format's widest float, the ..
# operator, utf8.char, table.concat, table.unpack, tostring. `rules check`,
# `check` and `run` each stop every such province with its FILE:LINE on
# stderr and exit 3, while the good province beside them is still checked,
# evaluated and reminded. `timeout` is the hang detection: before the
# library was metered, the first of these never returned.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
BOUND="bound-rep bound-rep-sep bound-format bound-concat bound-utf8-char
       bound-table-concat bound-unpack bound-tostring"
ids=""
for b in $BOUND; do ids="$ids, \"$b\""; done
# A smaller budget than the default only makes each stop sooner.
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
outbox_dir = "box"
mail = { from = "ban@good.example" }
instruction_limit = 10000000
jurisdictions = { "good"$ids }
CFG
C="--config $WORK/cfg.lua --now 2024-12-06"

bounded() {  # EXPECTED_STATUS ARGS...: run dondoc; a hang fails after 120 s
  want=$1; shift
  timeout 120 "$DONDOC" "$@" >"$WORK/out" 2>"$WORK/err"
  got=$?
  [ "$got" -ne 124 ] || fail "dondoc $* hung"
  if [ "$got" -ne "$want" ]; then
    echo "--- stdout:"; cat "$WORK/out"; echo "--- stderr:"; cat "$WORK/err"
    fail "dondoc $*: exit $got, expected $want"
  fi
}
# Every bad province named at its looping line: by the budget, or on a
# machine so loaded that 10 million units take 5 s, by the wall clock.
each_stopped() {
  for b in $BOUND; do
    f="rules/$b/jurisdiction.lua"
    line=$(grep -n 'while true' "$WORK/$f" | cut -d: -f1)
    grep -qE "$f:$line: error: (instruction budget|time limit)" "$WORK/err" ||
      { cat "$WORK/err"; fail "$b not stopped at line $line"; }
  done
}

bounded 3 $C rules check
each_stopped
assert_contains "$WORK/out" "good: ok"

bounded 3 $C --json check
each_stopped
n=$(json_query 'len([f for f in F if f["jurisdiction"] == "good" and f["kind"] == "overdue"])')
[ "$n" -gt 0 ] || fail "the good province lost its findings"
assert_eq 0 "$(json_query 'len([f for f in F if f["jurisdiction"] != "good"])')" \
  "findings from the stopped provinces"

bounded 3 $C run
each_stopped
assert_contains "$WORK/out" "queued email to a@good.example"
ls "$WORK/box/mail/"*a@good.example.eml >/dev/null 2>&1 || fail "nothing written for good"

# The issue's own line now costs nothing: the province loads.
cat > "$WORK/once.lua" <<CFG
rules_dir = "rules"
database = "t.db"
jurisdictions = { "bound-rep-once" }
CFG
bounded 0 --config "$WORK/once.lua" rules check
assert_contains "$WORK/out" "bound-rep-once: ok"
