# The README's worked example (docs/examples/nghe-an) loads and behaves as
# the README says: 30/11/2025 is a Sunday, so the annual report is due on
# Monday 01/12 and overdue on 02/12; the local target overrides the national.
. "$ROOT/tests/e2e/lib.sh"
mkdir -p "$WORK/rules"
cp -R "$ROOT/rules/law" "$ROOT/rules/national" "$ROOT/docs/examples/nghe-an" "$WORK/rules/"
printf 'rules_dir = "rules"\ndatabase = "na.db"\njurisdictions = { "nghe-an" }\n' > "$WORK/dondoc.lua"
C="--config $WORK/dondoc.lua"
run 0 $C rules check nghe-an
assert_contains "$WORK/out" "nghe-an: ok"
run 0 $C --now 2025-12-01 --json check
assert_eq 4 "$(json_query 'len([f for f in F if f.get("obligation") == "ket-qua-bdg" and f["period"] == "2025" and f["kind"] == "due_soon" and f["due"] == "2025-12-01" and f["nominal_due"] == "2025-11-30"])')" "annual report due Monday 01/12"
run 0 $C --now 2025-12-02 --json check --kind overdue
assert_eq 4 "$(json_query 'len([f for f in F if f.get("obligation") == "ket-qua-bdg" and f["period"] == "2025"])')" "overdue on 02/12"
# (monitoring starts 01/01/2025: the 2024 value, due 25/12/2024, is only
# judged once it is there)
run 0 $C --now 2025-12-02 --json check --all
assert_eq 0 "$(json_query 'len([f for f in F if f.get("indicator") == "m1.1"])')" "no 'no data' before monitoring"
run 0 $C --now 2025-12-02 observe m1.1 2024 58,3
run 0 $C --now 2025-12-02 --json check --all
assert_eq 58.3 "$(json_query '[f["value"] for f in F if f.get("indicator") == "m1.1"][0]')" "a value typed with a decimal comma"
assert_eq 65.0 "$(json_query '[f["target"] for f in F if f.get("indicator") == "m1.1"][0]')" "local target"
assert_eq 60.0 "$(json_query '[f["parent_target"] for f in F if f.get("indicator") == "m1.1"][0]')" "national target beside it"
# a draft checked where it lies, by path, inheriting the configured national rules
cd "$ROOT"
run 0 rules check docs/examples/nghe-an/jurisdiction.lua
assert_contains "$WORK/out" "nghe-an: ok"
run 3 rules check tests/fixtures/rules/syntax/
assert_contains "$WORK/err" "tests/fixtures/rules/syntax/jurisdiction.lua:3:"
