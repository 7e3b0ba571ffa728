# Every year's holidays, and never a silent guess (issue 11, item 3). The
# legal calendar (rules/law/) reaches every jurisdiction, with or without
# `parent = "national"`: a report due on Quốc khánh 02/09/2022 moves to
# Monday 05/09/2022 in both. A year with no announced schedule (2027) is
# computed from the Labour Code — Tết 2027 moves a deadline of 05/02 to
# 11/02 — and `check` and `rules check` say so once per run, on stderr and
# as a "calendar" note in the JSON, however many jurisdictions share it.
. "$ROOT/tests/e2e/lib.sh"
mkdir -p "$WORK/rules/solo"
cp -R "$ROOT/rules/law" "$ROOT/rules/national" "$ROOT/docs/examples/nghe-an" "$WORK/rules/"
# nghe-an inherits the national template; watch it from 2022 on
sed -i 's/monitor_from = "2025-01-01"/monitor_from = "2022-01-01"/' "$WORK/rules/nghe-an/jurisdiction.lua"
cat >> "$WORK/rules/nghe-an/jurisdiction.lua" <<'LUA'
obligation "quoc-khanh" { title = "Báo cáo dịp Quốc khánh", basis = "thử nghiệm",
  from = { "so-y-te" }, to = "so-noi-vu", periods = { year = { due = "09-02" } } }
LUA
# solo has no parent at all
cat > "$WORK/rules/solo/jurisdiction.lua" <<'LUA'
jurisdiction "solo" { name = "Tỉnh Không Kế Thừa", monitor_from = "2022-01-01" }
agency "so-a" { name = "Sở A", email = "a@solo.example" }
agency "so-b" { name = "Sở B", email = "b@solo.example" }
obligation "quoc-khanh" { title = "Báo cáo dịp Quốc khánh", basis = "thử nghiệm",
  from = { "so-a" }, to = "so-b", periods = { year = { due = "09-02" } } }
obligation "sau-tet" { title = "Báo cáo sau Tết", basis = "thử nghiệm",
  from = { "so-a" }, to = "so-b", periods = { year = { due = "02-05" } } }
LUA
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "solo", "nghe-an" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"

# 02/09/2022, a Friday and Quốc khánh (01–04/09 off): due Monday 05/09
run 0 $C --now 2022-09-01 --json check
for j in solo nghe-an; do
  assert_eq "2022-09-05 2022-09-02" "$(json_query "' '.join([f['due'] + ' ' + f['nominal_due'] for f in F if f.get('obligation') == 'quoc-khanh' and f['jurisdiction'] == '$j' and f['period'] == '2022'])")" "$j: due on 02/09/2022 moved"
done
# 2021–2023 are announced: nothing to warn about
assert_not_contains "$WORK/err" "warning"
assert_eq 0 "$(json_query 'len([f for f in F if f["kind"] == "calendar"])')" "no calendar note"
run 0 $C --now 2022-09-05 --json check --kind overdue
assert_eq 0 "$(json_query 'len([f for f in F if f.get("obligation") == "quoc-khanh" and f["period"] == "2022"])')" "not overdue on the due day"
run 0 $C --now 2022-09-06 --json check --kind overdue
assert_eq 2 "$(json_query 'len([f for f in F if f.get("obligation") == "quoc-khanh" and f["period"] == "2022"])')" "overdue the day after"

# 2027 has no announced schedule: computed Tết (04–08/02, made up 09–10/02)
run 0 $C --now 2027-02-03 --json check --all
assert_eq "2027-02-11 2027-02-05" "$(json_query "' '.join([f['due'] + ' ' + f['nominal_due'] for f in F if f.get('obligation') == 'sau-tet' and f['period'] == '2027'])")" "05/02/2027 inside the computed Tết"
# --all looks a year ahead (to 2028): a note per computed year, not per
# jurisdiction, after the findings
assert_eq "2027 2028" "$(json_query "' '.join(str(f['year']) for f in F if f['kind'] == 'calendar')")" "one calendar note a year for two jurisdictions"
assert_eq calendar "$(json_query 'F[-1]["kind"]')" "notes after the findings"
assert_contains "$WORK/out" "Tết 2027-02-04..02-08"
assert_eq 1 "$(grep -c 'warning: 2027 has no announced civil-service schedule' "$WORK/err")" "one warning line"
assert_eq "$(json_query '[f["message"] for f in F if f.get("year") == 2027][0]')" "$(sed -n 's/^dondoc: warning: \(2027 .*\)/\1/p' "$WORK/err")" "the same words on stderr"
# without --all only 2027 is in the window; the table says it too
run 0 $C --now 2027-02-03 check
assert_eq 1 "$(grep -c 'warning: 2027 has no announced' "$WORK/err")" "table: one warning line"
assert_not_contains "$WORK/err" "2028 has no"
# rules check looks a year ahead: on 02/12/2026 it warns about 2027 once …
run 0 $C --now 2026-12-02 rules check
assert_contains "$WORK/out" "solo: ok"
assert_eq 1 "$(grep -c 'warning: 2027 has no announced' "$WORK/err")" "rules check: one warning line"
# … and a year whose whole window is announced passes silently
run 0 $C --now 2024-06-03 rules check
assert_not_contains "$WORK/err" "warning"
assert_contains "$WORK/out" "12 weekdays off in 2024"
# without rules/law every year is computed, and said to be
rm -r "$WORK/rules/law"
run 0 $C --now 2022-09-01 --json check
assert_eq "2022-09-05" "$(json_query "[f['due'] for f in F if f.get('obligation') == 'quoc-khanh' and f['jurisdiction'] == 'solo' and f['period'] == '2022'][0]")" "computed 2022: 01–02/09 off"
assert_contains "$WORK/err" "warning: 2022 has no announced civil-service schedule"
