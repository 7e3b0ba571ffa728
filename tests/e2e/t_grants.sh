# Extensions and exemptions: the deadline follows the extension, the
# original date and the letter stay on record, an exemption removes the
# finding; both need a letter; bad input changes nothing.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"

run 2 $C --now 2024-12-03 extend a annual 2024 --until 2024-12-20
assert_contains "$WORK/err" "--letter"
run 2 $C --now 2024-12-03 extend a annual 2024 --letter 125/SNV
assert_contains "$WORK/err" "--until"
run 4 $C --now 2024-12-03 extend a annual 2024 --until 2024-12-32 --letter 125/SNV
run 4 $C --now 2024-12-03 extend ghost annual 2024 --until 2024-12-20 --letter 125/SNV
run 0 $C --now 2024-12-03 extend a annual 2024 --until 2024-12-20 --letter "125/SNV-BĐG" --reason "Chờ số liệu thống kê"
assert_contains "$WORK/out" "extended: good a annual 2024 until 2024-12-20"

# 06/12: b is overdue, a is not (its deadline is now 20/12)
run 0 $C --now 2024-12-06 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f.get("obligation") == "annual" and f["agency"] == "a" and f["period"] == "2024"])')" "extended report overdue"
assert_eq 1 "$(json_query 'len([f for f in F if f.get("obligation") == "annual" and f["agency"] == "b" and f["period"] == "2024"])')" "other agency"
run 0 $C --now 2024-12-06 --json check --all
assert_eq "upcoming 2024-12-20 2024-12-05 125/SNV-BĐG extension" "$(json_query '" ".join(str(x) for x in [[f["kind"], f["due"], f["original_due"], f["letter"], f["grant"]] for f in F if f.get("obligation") == "annual" and f["agency"] == "a" and f["period"] == "2024"][0])')" "extended finding"
# 21/12: overdue by one day against the new date
run 0 $C --now 2024-12-21 --json check
assert_eq "overdue 1" "$(json_query '" ".join(str(x) for x in [[f["kind"], f["days"]] for f in F if f.get("obligation") == "annual" and f["agency"] == "a" and f["period"] == "2024"][0])')" "after the extension"
assert_contains "$WORK/out" "hạn ban đầu 05/12/2024"

# exemption: no finding, recorded as exempt
run 0 $C --now 2024-12-06 exempt b annual 2024 --letter "130/SNV-BĐG"
run 0 $C --now 2024-12-06 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f.get("obligation") == "annual" and f["period"] == "2024"])')" "findings after exemption"
run 0 $C --now 2024-12-06 --json check --all
assert_eq exempt "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "b" and f["period"] == "2024"][0]')" "exempt status"
