# "Today" and what people type (issue 10, items 1 and 6): submit without
# --on records today in Vietnam's time, never 1970; a receipt dated after
# today (or after --now) is refused and writes nothing; the picture of a
# past day ignores reports received later; --letter and --reason must be
# clean UTF-8 of bounded length and are never cut inside a character.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"
today=$(/usr/bin/python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc) + d.timedelta(hours=7)).strftime("%Y-%m-%d"))')
year=${today%%-*}

# 1. no --on, no --now: received today (UTC+7)
run 0 $C submit a annual 2024
assert_contains "$WORK/out" "received $today"
/usr/bin/python3 - "$WORK/t.db" "$today" <<'PY' || fail "stored receipt date"
import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute(
    "select received_on from submissions where agency='a' and period='2024'").fetchone()
assert r and r[0] == sys.argv[2], r
PY

# 2. a receipt in the future is refused (exit 4) and nothing is written
run 4 $C submit b annual 2024 --on 2099-01-01
assert_contains "$WORK/err" "2099-01-01 is after today"
run 4 $C --now 2024-12-03 submit b annual 2024 --on 2024-12-04
assert_contains "$WORK/err" "after --now"
assert_eq 0 "$(/usr/bin/python3 -c "import sqlite3; print(sqlite3.connect('$WORK/t.db').execute(\"select count(*) from submissions where agency='b'\").fetchone()[0])")" "rows written by refused submits"

# 3. the picture of a past day: b's report of 09/12 is not yet there on 04/12
run 0 $C --now 2024-12-09 submit b annual 2024 --on 2024-12-09
run 0 $C --now 2024-12-04 --json check --all
assert_eq due_soon "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "b" and f["period"] == "2024"][0]')" "b on 04/12"
run 0 $C --now 2024-12-06 --json check
assert_eq overdue "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "b" and f["period"] == "2024"][0]')" "b on 06/12"
run 0 $C --now 2024-12-10 --json check --all
assert_eq "late 4" "$(json_query '" ".join(str(x) for x in [[f["kind"], f["days"]] for f in F if f.get("obligation") == "annual" and f["agency"] == "b" and f["period"] == "2024"][0])')" "b on 10/12"

# 4. --now outside the plans' era is a usage error
run 2 $C --now 0001-01-01 check
run 2 $C --now 9999-12-31 check

# 5. letters and reasons: UTF-8, one line, bounded; kept whole
long_letter=$(/usr/bin/python3 -c 'print("Đ" * 60)')
run 0 $C --now 2024-12-03 extend a annual 2024-H1 --until 2024-12-20 --letter "$long_letter" --reason "Chờ số liệu"
run 0 $C --now 2024-12-06 --json check --all
assert_eq "$long_letter" "$(json_query '[f["letter"] for f in F if f.get("obligation") == "annual" and f["agency"] == "a" and f["period"] == "2024-H1"][0]')" "a 60-character letter, whole"
run 4 $C --now 2024-12-03 exempt b annual 2024-H1 --letter "$(/usr/bin/python3 -c 'print("Đ" * 61)')"
assert_contains "$WORK/err" "at most 60"
run 4 $C --now 2024-12-03 exempt b annual 2024-H1 --letter "$(printf '125/SNV-B\304')"
assert_contains "$WORK/err" "not valid UTF-8"
run 4 $C --now 2024-12-03 exempt b annual 2024-H1 --letter "125/SNV" --reason "$(printf 'a\nb')"
assert_contains "$WORK/err" "control character"
run 4 $C --now 2024-12-03 exempt b annual 2024-H1 --letter "125" --reason "$(/usr/bin/python3 -c 'print("ạ" * 501)')"
run 4 $C --now 2024-12-09 submit a annual 2024-H1 --note "$(printf 'x\001')"
assert_eq 1 "$(/usr/bin/python3 -c "import sqlite3; print(sqlite3.connect('$WORK/t.db').execute('select count(*) from grants').fetchone()[0])")" "grants written (only the good one)"
