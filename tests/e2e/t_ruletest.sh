# `dondoc rules test` (issue 13 item 2) on the fixture provinces rt-pass
# (every test passes, every unit covered) and rt-fail (a deadline expected
# on the local day off, a reminder at the wrong address):
#   - what passed, what failed with FILE:LINE and the diff of expected and
#     actual findings, exit 0 / 1 / 3;
#   - --coverage as a table and JSON, --min-coverage failing below P;
#   - ids, folders, a tests/ folder and one test file as arguments; --all;
#   - mistakes in a test file (an unknown agency, an unknown field) and a
#     province whose rules do not load: errors at their line, exit 3, the
#     other tests still run;
#   - nothing is written to the configured database, and the scratch
#     databases are removed from TMPDIR;
#   - the shipped rules: every shipped jurisdiction with tests passes at 90%
#     coverage or more.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "rt-pass" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"
R="$WORK/rules"
mkdir "$WORK/tmp"
export TMPDIR="$WORK/tmp"

# ---- all pass -----------------------------------------------------------------
run 0 $C rules test
assert_contains "$WORK/out" "  ok    6-month report: Saturday 08/06/2024 moves to Monday 10/06 (8 expectations)"
assert_contains "$WORK/out" "  ok    the Action Month: upcoming, then day 1 and day 22 (6 expectations)"
assert_contains "$WORK/out" "rt-pass: 11 passed, 0 failed, 0 errors"
assert_not_contains "$WORK/out" "coverage"
run 0 $C rules test --coverage --min-coverage 90
assert_contains "$WORK/out" "coverage rt-pass: 100.0% (19 of 19 units)"
assert_contains "$WORK/out" "  obligations × period     3/3"
assert_contains "$WORK/out" "  statuses                13/13"
run 0 $C rules test --json --coverage rt-pass
assert_eq "11 0 0 True" "$(json_query 'F["passed"], F["failed"], F["errors"], F["ok"]' | tr -d '(),')" "JSON totals"
assert_eq "100.0 19 19" "$(json_query '" ".join(str(F["jurisdictions"][0]["coverage"][k]) for k in ("percent", "covered", "units"))')" "JSON coverage"
assert_eq "['bao-cao:half', 'bao-cao:year', 'tu-kiem-tra:once']" "$(json_query 'sorted(u["id"] + ":" + u["period"] for u in F["jurisdictions"][0]["coverage"]["items"] if u["kind"] == "obligation")')" "obligation units"

# ---- failures: FILE:LINE, the diff ---------------------------------------------
run 1 $C rules test rt-fail
assert_contains "$WORK/out" "  ok    so-a is overdue on 09/12 (1 expectation)"
assert_contains "$WORK/out" "  FAIL  the annual report expected on the local day off (2 expectations)"
assert_contains "$WORK/out" "rules/rt-fail/tests/annual.lua:12: at 2024-12-09: expected finding not found; got the nearest:"
assert_contains "$WORK/out" '  - finding { kind = "overdue", agency = "so-a", obligation = "bao-cao", period = "2024", due = "2024-12-05", days = 4 }'
assert_contains "$WORK/out" '  + finding { kind = "overdue", agency = "so-a", obligation = "bao-cao", period = "2024", due = "2024-12-06", days = 3 }'
assert_contains "$WORK/out" '      due: expected "2024-12-05", got "2024-12-06"; days: expected 4, got 3'
assert_contains "$WORK/out" "rules/rt-fail/tests/annual.lua:14: at 2024-12-09: expected no finding like this, got 2:"
assert_contains "$WORK/out" "rules/rt-fail/tests/annual.lua:20: at 2024-12-09: expected reminder not found"
assert_contains "$WORK/out" '      to: expected "b@thu.example", got "a@thu.example"'
assert_contains "$WORK/out" "rt-fail: 1 passed, 2 failed, 0 errors"
run 1 $C rules test --json rt-fail
assert_eq "['pass', 'fail', 'fail']" "$(json_query '[t["status"] for t in F["jurisdictions"][0]["tests"]]')" "JSON statuses"
assert_eq "['due', 'days']" "$(json_query 'F["jurisdictions"][0]["tests"][1]["failures"][0]["nearest"][0]["differ"]')" "JSON differ"
assert_eq "2024-12-06" "$(json_query 'F["jurisdictions"][0]["tests"][1]["failures"][0]["nearest"][0]["fields"]["due"]')" "JSON nearest"
assert_eq "matched" "$(json_query '[k for k in F["jurisdictions"][0]["tests"][1]["failures"][1] if k in ("matched", "nearest")][0]')" "no_finding lists what matched"

# ---- coverage below the minimum fails even when every test passes -------------
run 1 $C rules test --min-coverage 90 "$R/rt-pass/tests/deadlines.lua"
assert_contains "$WORK/out" "rt-pass: 4 passed, 0 failed, 0 errors"
assert_contains "$WORK/out" "  indicators               0/2  not reached: ty-le, ke-hoach"
assert_contains "$WORK/out" "coverage rt-pass: 47.4% is below --min-coverage 90%"
run 0 $C rules test --min-coverage 45 "$R/rt-pass/tests/deadlines.lua"
run 2 $C rules test --min-coverage 101
run 2 $C rules test --min-coverage ninety

# ---- what an argument may name --------------------------------------------------
run 0 $C rules test "$R/rt-pass"
assert_contains "$WORK/out" "rt-pass: 11 passed"
run 0 $C rules test "$R/rt-pass/tests/"
assert_contains "$WORK/out" "rt-pass: 11 passed"
run 0 $C rules test "$R/rt-pass/jurisdiction.lua"
assert_contains "$WORK/out" "rt-pass: 11 passed"
run 0 $C rules test "$R/rt-pass/tests/statuses.lua"
assert_contains "$WORK/out" "rt-pass: 7 passed"
assert_not_contains "$WORK/out" "deadlines.lua"
(cd "$R/rt-pass" && "$DONDOC" $C rules test tests/statuses.lua > "$WORK/out" 2>&1) || fail "a relative test file path"
assert_contains "$WORK/out" "rt-pass: 7 passed"
run 1 $C rules test --all
assert_contains "$WORK/out" "rt-fail: 1 passed, 2 failed"
assert_contains "$WORK/out" "rt-pass: 11 passed, 0 failed"
assert_contains "$WORK/out" "12 passed, 2 failed, 0 errors"
run 2 $C rules test --all rt-pass
run 0 $C rules test good
assert_contains "$WORK/out" "good: no tests"
run 1 $C rules test good --min-coverage 50

# ---- mistakes: errors at their line, exit 3, the rest still runs ------------
cat > "$R/rt-pass/tests/zz-mistakes.lua" <<'LUA'
test "a misspelt agency" {
  at "2024-12-09" {
    finding { kind = "overdue",
              agency = "so-aa", obligation = "bao-cao" },
  },
}
LUA
run 3 $C rules test rt-pass
assert_contains "$WORK/err" "rules/rt-pass/tests/zz-mistakes.lua:4: finding: agency \"so-aa\" is not an agency the rules of rt-pass declare"
assert_contains "$WORK/out" "  ERROR a misspelt agency (0 expectations)"
assert_contains "$WORK/out" "rt-pass: 11 passed, 0 failed, 1 error"
cat > "$R/rt-pass/tests/zz-mistakes.lua" <<'LUA'
test "a misspelt field" {
  at "2024-12-09" {
    finding { kind = "overdue", agency = "so-a" },
    reminder { agency = "so-a", stag = "overdue-0" },
  },
}
LUA
run 3 $C rules test rt-pass
assert_contains "$WORK/err" "rules/rt-pass/tests/zz-mistakes.lua:4: reminder: unknown field 'stag'"
assert_contains "$WORK/out" "rt-pass: 11 passed, 0 failed, 1 error"
run 3 $C rules test --json rt-pass
assert_eq "1" "$(json_query 'len([f for f in F["jurisdictions"][0]["files"] if f["error"] and "zz-mistakes.lua:4:" in f["error"]])')" "file error in JSON"
rm "$R/rt-pass/tests/zz-mistakes.lua"
run 3 $C rules test syntax rt-pass
assert_contains "$WORK/err" "rules/syntax/jurisdiction.lua:3:"
assert_contains "$WORK/out" "rt-pass: 11 passed, 0 failed, 0 errors"

# ---- no leak and no invalid access (valgrind; the sanitizer builds check
# themselves) on failures, a test-file error and a rule error -------------------
case $DONDOC in
  */asan/*|*/clang/*) ;;
  *)
    printf 'test "x" { at "2024-12-09" { finding { kind = "overdue", agency = "so-zz" } } }\n' > "$R/rt-pass/tests/zz.lua"
    valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
      --error-exitcode=99 "$DONDOC" $C rules test --coverage rt-fail rt-pass syntax >"$WORK/out" 2>"$WORK/err"
    [ $? -eq 3 ] || { cat "$WORK/err"; fail "valgrind found errors in rules test"; }
    rm "$R/rt-pass/tests/zz.lua" ;;
esac

# ---- nothing written but scratch files, and those removed ---------------------
[ ! -e "$WORK/t.db" ] || fail "rules test wrote the configured database"
[ -z "$(ls -A "$WORK/tmp")" ] || { ls -la "$WORK/tmp"; fail "scratch databases left in TMPDIR"; }

# ---- the shipped rules ------------------------------------------------------------
printf 'rules_dir = "%s/rules"\ndatabase = "shipped.db"\njurisdictions = { "bac-ninh" }\n' "$ROOT" > "$WORK/shipped.lua"
run 0 --config "$WORK/shipped.lua" rules test --all --coverage --min-coverage 90
assert_contains "$WORK/out" "bac-ninh: "
assert_not_contains "$WORK/out" "is below --min-coverage"
[ ! -e "$WORK/shipped.db" ] || fail "rules test wrote the configured database"

# ---- the example of docs/rules.md ("Rule tests") passes on the shipped rules --
mkdir -p "$WORK/shipped/bac-ninh/tests"
cp -R "$ROOT/rules/law" "$ROOT/rules/national" "$WORK/shipped/"
cp "$ROOT"/rules/bac-ninh/*.lua "$WORK/shipped/bac-ninh/"
python3 - "$ROOT/docs/rules.md" "$WORK/shipped/bac-ninh/tests/doc.lua" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s[s.index("## Rule tests"):]
a = s.index("```lua\n") + len("```lua\n")
open(sys.argv[2], "w", encoding="utf-8").write(s[a:s.index("```", a)])
PY
printf 'rules_dir = "shipped"\ndatabase = "doc.db"\njurisdictions = { "bac-ninh" }\n' > "$WORK/doc.lua"
run 0 --config "$WORK/doc.lua" rules test
assert_contains "$WORK/out" "  ok    (2) Ban VSTBPN năm: trước ngày 05/12/2024 (thứ Năm) (7 expectations)"
