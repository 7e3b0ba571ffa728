# A broken province beside a good one: exit 3, the message names the file
# and line, and the good province's findings still print.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
for broken in syntax runtime loop bomb escape-io unknown-field bad-date; do
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
