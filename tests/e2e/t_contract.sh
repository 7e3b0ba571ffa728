# The core's contract on the shipped rules and the default config:
# the annual thematic report due 05/12/2024 is overdue on 06/12 for every
# member that owes it, not on 05/12; a submit removes that agency's finding.
. "$ROOT/tests/e2e/lib.sh"
cd "$ROOT"
DB="$WORK/e.db"

run 0 --db "$DB" --now 2024-12-06 --json check
n=$(json_query 'len([f for f in F if f["kind"] == "overdue" and f["due"] == "2024-12-05" and f["obligation"] == "ban-vstbpn"])')
[ "$n" -ge 10 ] || fail "expected overdue ban-vstbpn findings for the members, got $n"
# every finding has the contract's fields
assert_eq 0 "$(json_query 'len([f for f in F if not {"kind","jurisdiction","agency","period","due","days","message"} <= set(f)])')" "findings missing contract fields"
assert_eq 0 "$(json_query 'len([f for f in F if f["kind"] not in ("due_soon","overdue","off_track","at_risk","no_data","campaign_upcoming","campaign_active")])')" "kinds outside the contract"
assert_eq 0 "$(json_query 'len([f for f in F if "indicator" in f and not {"indicator","value","target","target_year","expected","projected"} <= set(f)])')" "indicator fields"
assert_eq 1 "$(json_query 'min(f["days"] for f in F if f.get("obligation") == "ban-vstbpn" and f["due"] == "2024-12-05")')" "days overdue on 06/12"
assert_eq bac-ninh "$(json_query 'F[0]["jurisdiction"]')" "jurisdiction id"

# on the last day itself nothing with that due date is overdue
run 0 --db "$DB" --now 2024-12-05 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f["kind"] == "overdue" and f["due"] == "2024-12-05"])')" "overdue on the due date"
assert_eq "$n" "$(json_query 'len([f for f in F if f["kind"] == "due_soon" and f["due"] == "2024-12-05" and f["obligation"] == "ban-vstbpn"])')" "due soon on the due date"

# submit with the values of one finding: that agency's finding is gone
run 0 --db "$DB" --now 2024-12-06 --json check
agency=$(json_query '[f for f in F if f.get("obligation") == "ban-vstbpn" and f["due"] == "2024-12-05"][0]["agency"]')
period=$(json_query '[f for f in F if f.get("obligation") == "ban-vstbpn" and f["due"] == "2024-12-05"][0]["period"]')
run 0 --db "$DB" --now 2024-12-06 submit "$agency" ban-vstbpn "$period"
run 0 --db "$DB" --now 2024-12-06 --json check
assert_eq 0 "$(json_query "len([f for f in F if f.get('obligation') == 'ban-vstbpn' and f['agency'] == '$agency' and f['period'] == '$period'])")" "finding after submit"
assert_eq $((n - 1)) "$(json_query 'len([f for f in F if f["kind"] == "overdue" and f["due"] == "2024-12-05" and f["obligation"] == "ban-vstbpn"])')" "other agencies still overdue"

# the whole picture at several dates, from an empty database
for d in 2024-06-06 2024-11-11 2024-12-26; do
  run 0 --db "$WORK/empty-$d.db" --now "$d" --json check
done
# 6-month report due 05/06 (a Wednesday): overdue from 06/06
run 0 --db "$WORK/h.db" --now 2024-06-06 --json check
[ "$(json_query 'len([f for f in F if f.get("obligation") == "ban-vstbpn" and f["period"] == "2024-H1" and f["kind"] == "overdue"])')" -ge 10 ] || fail "6-month report not overdue on 06/06"
# national programme results due before 25/12: due soon on 18/12, overdue 26/12
run 0 --db "$WORK/h.db" --now 2024-12-18 --json check
[ "$(json_query 'len([f for f in F if f["kind"] == "due_soon" and f["due"] == "2024-12-25"])')" -ge 1 ] || fail "nothing due soon for 25/12 on 18/12"
run 0 --db "$WORK/h.db" --now 2024-12-26 --json check
[ "$(json_query 'len([f for f in F if f["kind"] == "overdue" and f["due"] == "2024-12-25"])')" -ge 1 ] || fail "nothing overdue for 25/12 on 26/12"
# after 1 March 2025 the merged Sở LĐTBXH owes nothing itself
run 0 --db "$WORK/h.db" --now 2025-12-06 --json check --all
assert_eq 0 "$(json_query 'len([f for f in F if f.get("agency") == "so-ldtbxh" and (f["due"] or "") > "2025-03-01"])')" "ended agency still owes"
