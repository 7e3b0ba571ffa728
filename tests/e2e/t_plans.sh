# The plans as written (issue 11, items 4–8): who may submit, several
# recipients, dates left to a later instruction, abolished agencies,
# strict thresholds, numbers typed the Vietnamese way, errors that teach.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"

# 7. a report from an agency that does not owe it is refused, naming who does
run 4 $C --now 2024-12-06 submit c annual 2024
assert_contains "$WORK/err" "c does not owe annual for 2024; it is owed by:"
assert_contains "$WORK/err" "a, b"
# d ended 28/02/2025; b answers for its 2024 report (due 31/03/2025), and
# d's own report still counts
run 0 $C --now 2025-04-01 submit b legacy 2024
run 0 $C --now 2025-04-01 submit d legacy 2024
assert_contains "$WORK/out" "recorded: good d legacy 2024"

# 6. strict thresholds and a target without a year
printf 'rules_dir = "rules"\ndatabase = "p.db"\njurisdictions = { "plans" }\n' > "$WORK/p.lua"
P="--config $WORK/p.lua"
run 0 $P rules list
assert_contains "$WORK/out" "target 100 has no year in the plan: read as 2025 (plan_end)"
status() {  # INDICATOR VALUE -> kind at 2025-12-26 (the 2025 value is due)
  "$DONDOC" $P --now 2025-12-20 observe "$1" 2024 "$2" >/dev/null || fail "observe $1 $2"
  "$DONDOC" $P --now 2025-06-01 --json check --all >"$WORK/out" || fail "check"
  json_query "[f['kind'] for f in F if f.get('indicator') == '$1'][0]"
}
assert_eq on_track "$(status above 90)" "exactly 90 is not above 90 (on the path, not achieved)"
assert_eq achieved "$(status above 90.1)" "above 90"
assert_eq on_track "$(status below 5)" "exactly 5 is not below 5"
assert_eq achieved "$(status below 4,9)" "below 5 (decimal comma)"
assert_eq "achieved 2025 True" "$(status all 100) $(json_query "' '.join(str(x) for x in [[f['target_year'], f['target_year_from_plan']] for f in F if f.get('indicator') == 'all'][0])")" "no-year target"
run 0 $P --now 2025-06-01 --json check --all
assert_contains "$WORK/out" "mục tiêu trên 90%"
assert_contains "$WORK/out" "\"direction\": \"above\""

# 5. an abolished district: a warning at rules check; its 2024 report stays
# its own, its 2025 report (due after it ended) is unassigned, not dropped
run 0 $P rules check
assert_contains "$WORK/err" "warning: agency 'h1' ends on 2025-06-30 with no successor, but obligation 'annual'"
run 0 $P --now 2024-12-06 --json check
assert_eq overdue "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "h1" and f["period"] == "2024"][0]')" "h1 owes its 2024 report"
run 0 $P --now 2025-12-06 --json check
assert_eq "unassigned 2025-06-30" "$(json_query '" ".join([[f["kind"], f["agency_until"]] for f in F if f.get("obligation") == "annual" and f["agency"] == "h1" and f["period"] == "2025"][0])')" "h1's 2025 report"
assert_contains "$WORK/out" "chưa khai báo cơ quan kế nhiệm"
# … unless h1 did send it before it ended
run 0 $P --now 2025-06-20 submit h1 annual 2025 --on 2025-06-20
run 0 $P --now 2025-12-06 --json check --all
assert_eq on_time "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "h1" and f["period"] == "2025"][0]')" "sent before it ended"

# 4. several recipients: named in the JSON and the message
assert_eq "snv ubnd bo" "$(json_query '" ".join([f["to"] for f in F if f.get("obligation") == "annual" and f["agency"] == "snv" and f["period"] == "2025"][0])')" "recipients"
assert_contains "$WORK/out" "Nơi nhận: Sở Nội vụ, UBND tỉnh, Bộ Lao động - Thương binh và Xã hội."
# a date left to a later instruction: set for 2024 in the rules (overdue),
# awaiting for 2025 until a letter sets it, for that agency
run 0 $P --now 2024-12-06 --json check
assert_eq "overdue 2024-11-20" "$(json_query '" ".join([[f["kind"], f["due"]] for f in F if f.get("obligation") == "review" and f["agency"] == "snv"][0])')" "date set in the rules"
run 0 $P --now 2025-06-01 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f.get("obligation") == "review" and f["period"] == "2025"])')" "awaiting a date: not news"
run 0 $P --now 2025-06-01 --json check --all
assert_eq "awaiting_date None" "$(json_query '" ".join(str(x) for x in [[f["kind"], f["due"]] for f in F if f.get("obligation") == "review" and f["agency"] == "snv" and f["period"] == "2025"][0])')" "awaiting a date"
run 0 $P --now 2025-09-01 extend snv review 2025 --until 2025-10-15 --letter "99/UBND-KGVX"
run 0 $P --now 2025-10-16 --json check --all
assert_eq "overdue 2025-10-15" "$(json_query '" ".join([[f["kind"], f["due"]] for f in F if f.get("obligation") == "review" and f["agency"] == "snv" and f["period"] == "2025"][0])')" "date set by a letter"
assert_contains "$WORK/out" "Hạn do văn bản 99/UBND-KGVX ấn định."
assert_eq awaiting_date "$(json_query '[f["kind"] for f in F if f.get("obligation") == "review" and f["agency"] == "syt" and f["period"] == "2025"][0]')" "another agency still waits"
run 0 $P rules list
assert_contains "$WORK/out" "year: date as instructed"

# 8. errors that teach: every mistake of a file in one pass, each at its
# field's line; a mistake surfacing in an inherited file names the province
run 3 $C rules check three-errors
assert_eq 3 "$(grep -c 'three-errors/jurisdiction.lua' "$WORK/err")" "errors in one pass"
assert_contains "$WORK/err" "three-errors/jurisdiction.lua:5: error: field 'valid_until': '2025-02-30' is not a real date"
assert_contains "$WORK/err" "three-errors/jurisdiction.lua:7: error: due '13-05'"
assert_contains "$WORK/err" "three-errors/jurisdiction.lua:9: error: targets: a number without a year (5) — a decimal comma? Lua needs a point: [2025] = 15.5"
run 3 $C rules check inherit-missing
assert_contains "$WORK/err" "inherit-missing: error: role or agency 'home' used by $WORK/rules/base/jurisdiction.lua:"
assert_contains "$WORK/err" "is not declared; declare it in $WORK/rules/inherit-missing/roles.lua"
