# A broken province beside a good one: exit 3, the message names the file
# and line, and the good province's findings still print. Broken includes
# numbers and dates no plan sets (a target of 0/0 or -math.huge,
# monitor_from in year 0, holidays(1e300)), refused at their line.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
for broken in syntax runtime loop bomb escape-io unknown-field bad-date \
              num-nan-target num-inf-target num-monitor-from num-holidays; do
  cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
jurisdictions = { "good", "$broken" }
CFG
  run 3 --config "$WORK/cfg.lua" --now 2024-12-06 --json check
  assert_contains "$WORK/err" "rules/$broken/jurisdiction.lua:"
  n=$(json_query 'len([f for f in F if f["jurisdiction"] == "good" and f["kind"] == "overdue"])')
  [ "$n" -gt 0 ] || fail "$broken: good province lost its findings"
  assert_eq 0 "$(json_query 'len([f for f in F if f["jurisdiction"] != "good"])')" \
    "$broken: findings from the broken province"
done
# the line is the one that is wrong
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
jurisdictions = { "syntax", "good" }
CFG
run 3 --config "$WORK/cfg.lua" --now 2024-12-06 check
assert_contains "$WORK/err" "rules/syntax/jurisdiction.lua:3:"
assert_contains "$WORK/out" "Tỉnh Tốt"

# the refused numbers name their line, and run still reminds the good one
cat > "$WORK/run.lua" <<CFG
rules_dir = "rules"
database = "r.db"
outbox_dir = "box"
mail = { from = "ban@good.example" }
jurisdictions = { "num-nan-target", "good", "num-monitor-from" }
CFG
run 3 --config "$WORK/run.lua" --now 2024-12-06 run
assert_contains "$WORK/err" "rules/num-nan-target/jurisdiction.lua:3: error: targets[2025] must be a number"
assert_contains "$WORK/err" "rules/num-monitor-from/jurisdiction.lua:3: error: field 'monitor_from': 0000-01-01 is outside the years 2000 to 2100"
assert_contains "$WORK/out" "queued email to a@good.example"

# Malformed addresses never block the others: the agency loads without its
# address, the rest of the province gets its reminders and the digest goes.
cat > "$WORK/addr.lua" <<CFG
rules_dir = "rules"
database = "a.db"
outbox_dir = "abox"
mail = { from = "ban@addr.example" }
jurisdictions = { "addresses" }
CFG
"$DONDOC" --config "$WORK/addr.lua" --now 2024-12-06 run >"$WORK/out" 2>"$WORK/err"
st=$?
[ $st -eq 0 ] || [ $st -eq 3 ] || { cat "$WORK/out" "$WORK/err"; fail "run with bad addresses: exit $st"; }
for who in a c d; do
  assert_contains "$WORK/out" "queued email to $who@addr.example"
done
assert_contains "$WORK/out" "queued digest to sec@addr.example"
assert_not_contains "$WORK/out" "b@@addr"
assert_not_contains "$WORK/out" "f@addr.example"
