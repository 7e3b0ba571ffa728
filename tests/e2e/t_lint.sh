# rules check as a linter (issue 13, item 3): each doubt at its line with a
# stable code, in text and as JSON for editors; --strict makes warnings
# fail; an error-level doubt (a successor cycle) fails without it.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "lint" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"
run 3 $C rules check --format json
/usr/bin/python3 - "$WORK/out" <<'PY' || fail "codes"
import json, sys
D = json.load(open(sys.argv[1]))
codes = sorted({d["code"] for d in D})
want = sorted(["holiday-year-missing", "agency-without-email", "unused-agency",
               "successor-cycle", "role-gap", "unused-role", "nobody-receives",
               "nobody-owes", "due-before-period", "target-without-direction",
               "target-before-baseline"])
assert codes == want, (codes, want)
for d in D:
    assert d["jurisdiction"] == "lint" and d["file"].endswith("rules/lint/jurisdiction.lua"), d
    assert isinstance(d["line"], int) and d["line"] > 0, d
    assert d["level"] == ("error" if d["code"] == "successor-cycle" else "warning"), d
    assert "[" not in d["message"][-3:], d
by = {d["code"]: d["line"] for d in D}
assert by["unused-agency"] == 7 and by["agency-without-email"] == 6, by
assert by["nobody-owes"] == 13 and by["due-before-period"] == 15, by
assert by["target-before-baseline"] == 18, by
PY
# the same in text, each FILE:LINE: level: text [code]
run 3 $C rules check
assert_contains "$WORK/err" "rules/lint/jurisdiction.lua:7: warning: agency 'orphan' is declared but nothing refers to it"
assert_contains "$WORK/err" "[unused-agency]"
assert_contains "$WORK/err" "rules/lint/jurisdiction.lua:8: error: agency 'c1': its successors lead back to it"
# a clean jurisdiction passes --strict; one with only warnings fails it
mkdir -p "$WORK/rules/clean"
cat > "$WORK/rules/clean/jurisdiction.lua" <<'LUA'
jurisdiction "clean" { name = "Tỉnh Sạch" }
agency "a" { name = "Sở A", email = "a@clean.example" }
role "secretariat" "a"
obligation "o" { title = "Báo cáo", from = { "a" }, to = role "secretariat",
  periods = { year = { due = "12-05" } } }
LUA
run 0 $C rules check --strict clean
sed -i '/c1\|c2/d' "$WORK/rules/lint/jurisdiction.lua"
run 0 $C rules check lint
run 3 $C rules check --strict lint
run 2 $C rules check --format yaml
