# `dondoc rules preview` (issue 13 item 5): the timeline an officer reads
# before turning rules on.
#   - rt-pass (fixtures): the deadlines with the shifts and their reasons (a
#     weekend, the province's own day off), status changes, the reminders
#     with stages and recipients, once each, never on a weekend; grouped by
#     month; --json; --agency for one agency; the default spans;
#   - a draft province on the real legal calendar (rules/law): a report
#     due 01/09/2025 moves over Quốc khánh to 03/09, and one due in Tết
#     2026 to its end, each day named;
#   - the shipped Bắc Ninh: the Action Month's window and its reminders to
#     the members;
#   - usage mistakes exit 2, an unknown agency 4; nothing is written to
#     the configured database.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "rt-pass" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"
mkdir "$WORK/tmp"
export TMPDIR="$WORK/tmp"

# ---- the timeline -------------------------------------------------------------
run 0 $C rules preview rt-pass --from 2024-11-28 --to 2024-12-10
assert_contains "$WORK/out" "rt-pass — Tỉnh Thử: preview 28/11/2024 – 10/12/2024"
assert_contains "$WORK/out" "as if no report and no indicator value arrived"
assert_contains "$WORK/out" "Tháng 11/2024"
assert_contains "$WORK/out" "Tháng 12/2024"
assert_contains "$WORK/out" "  T2 02/12/2024  deadline  tu-kiem-tra 2024: last day; moved from T7 30/11/2024: 30/11 thứ Bảy, 01/12 Chủ nhật — so-c → so-b"
assert_contains "$WORK/out" "  T6 06/12/2024  deadline  bao-cao 2024: last day; moved from T5 05/12/2024: 05/12 Ngày hội tỉnh Thử — so-a, so-b, so-c → so-b"
assert_contains "$WORK/out" "  T6 29/11/2024  status    bao-cao 2024: upcoming → due_soon (due 06/12/2024) — so-a, so-b, so-c"
assert_contains "$WORK/out" "  T7 07/12/2024  status    bao-cao 2024: due_soon → overdue (due 06/12/2024) — so-a, so-b, so-c"
assert_contains "$WORK/out" "  T6 29/11/2024  reminder  bao-cao 2024: before-7 → so-a, so-b, so-c"
assert_contains "$WORK/out" "  T6 06/12/2024  reminder  bao-cao 2024: due → so-a, so-b, so-c"
# overdue from Saturday 07/12: the first reminder goes out on Monday
assert_contains "$WORK/out" "  T2 09/12/2024  reminder  bao-cao 2024: overdue-0 → so-a, so-b, so-c"
assert_not_contains "$WORK/out" "T7 07/12/2024  reminder"
assert_eq 1 "$(grep -c 'bao-cao 2024: before-7' "$WORK/out")" "a stage shows once"
# months in order, the month header before its days
assert_eq "Tháng 11/2024
Tháng 12/2024" "$(grep '^Tháng' "$WORK/out")" "month headers"

run 0 $C --json rules preview rt-pass --from 2024-11-28 --to 2024-12-10
assert_eq "[{'date': '2024-12-05', 'reason': 'Ngày hội tỉnh Thử'}]" "$(json_query '[e["shift"] for e in F["events"] if e["type"] == "deadline" and e["obligation"] == "bao-cao" and e["agency"] == "so-a"][0]')" "JSON shift"
assert_eq "2024-12-06 2024-12-05 ['so-b']" "$(json_query '" ".join(str(e[k]) for e in F["events"] if e["type"] == "deadline" and e["agency"] == "so-a" for k in ("due", "nominal_due", "to"))')" "JSON deadline"
assert_eq "0" "$(json_query 'len([e for e in F["events"] if e["type"] == "reminder" and e["date"] in ("2024-11-30", "2024-12-01", "2024-12-07", "2024-12-08")])')" "no reminder on a weekend"
assert_eq "overdue-0 a@thu.example [] False" "$(json_query '" ".join(str(e[k]) for e in F["events"] if e["type"] == "reminder" and e["date"] == "2024-12-09" and e["agency"] == "so-a" and e["period"] == "2024" for k in ("stage", "to", "cc", "escalation"))')" "JSON reminder"
assert_eq "due_soon" "$(json_query '[e["previous"] for e in F["events"] if e["type"] == "status" and e["kind"] == "overdue" and e["period"] == "2024" and e["agency"] == "so-a"][0]')" "JSON status change"

# ---- one agency, the escalation with its copy -------------------------------------
run 0 $C rules preview rt-pass --from 2024-12-01 --to 2024-12-31 --agency so-a
assert_contains "$WORK/out" "preview 01/12/2024 – 31/12/2024, so-a (Sở A)"
assert_contains "$WORK/out" "  T6 20/12/2024  reminder  bao-cao 2024: escalate-2 (escalation) → so-a <giamdoc.a@thu.example>; cc a@thu.example"
assert_contains "$WORK/out" "  T5 26/12/2024  status    ty-le 2024: no_data (due 25/12/2024) — ty-le (so-a)"
assert_not_contains "$WORK/out" "so-c"
assert_not_contains "$WORK/out" "ke-hoach"
run 0 $C rules preview rt-pass --from 2024-12-01 --to 2024-12-31 --agency so-c
assert_contains "$WORK/out" "  T5 26/12/2024  reminder  ty-le 2024: no_data-2024-0 → so-a <a@thu.example>; cc c@thu.example"

# ---- the default spans: a month, or with --agency a year ------------------------
run 0 $C --now 2024-12-09 rules preview rt-pass
assert_contains "$WORK/out" "preview 09/12/2024 – 08/01/2025"
run 0 $C --now 2024-12-09 rules preview rt-pass --agency so-b
assert_contains "$WORK/out" "preview 09/12/2024 – 08/12/2025, so-b"
run 0 $C rules preview rt-pass --from 2024-01-31
assert_contains "$WORK/out" "preview 31/01/2024 – 28/02/2024"

# ---- the real legal calendar: named holidays ----------------------------------------
mkdir -p "$WORK/real/nghi-le"
cp -R "$ROOT/rules/law" "$WORK/real/law"
cat > "$WORK/real/nghi-le/jurisdiction.lua" <<'LUA'
jurisdiction "nghi-le" { name = "Tỉnh Nghỉ Lễ", monitor_from = "2025-01-01" }
agency "so-a" { name = "Sở A", email = "a@nghile.example" }
role "secretariat" "so-a"
obligation "quy3" { title = "Báo cáo quý", from = { "so-a" }, to = role "secretariat",
  periods = { quarter = { due = "09-01", only = { 3 } } } }
obligation "tet" { title = "Báo cáo sau Tết", from = { "so-a" }, to = role "secretariat",
  periods = { once = { due = "2026-02-16" } } }
LUA
printf 'rules_dir = "real"\ndatabase = "real.db"\njurisdictions = { "nghi-le" }\n' > "$WORK/real.lua"
run 0 --config "$WORK/real.lua" rules preview nghi-le --from 2025-08-25 --to 2025-09-05
assert_contains "$WORK/out" "  T4 03/09/2025  deadline  quy3 2025-Q3: last day; moved from T2 01/09/2025: 01/09 Quốc khánh, 02/09 Quốc khánh — so-a → so-a"
run 0 --config "$WORK/real.lua" --json rules preview nghi-le --from 2026-02-01 --to 2026-02-28
assert_eq "2026-02-23" "$(json_query '[e["due"] for e in F["events"] if e["type"] == "deadline"][0]')" "after Tết 2026"
assert_eq "Tết Nguyên đán" "$(json_query '[s["reason"] for e in F["events"] if e["type"] == "deadline" for s in e["shift"]][0]')" "Tết named"

# ---- the shipped rules: the Action Month opening -------------------------------------
printf 'rules_dir = "%s/rules"\ndatabase = "shipped.db"\njurisdictions = { "bac-ninh" }\n' "$ROOT" > "$WORK/shipped.lua"
run 0 --config "$WORK/shipped.lua" rules preview bac-ninh --from 2024-11-08 --to 2024-11-20
assert_contains "$WORK/out" "  T6 15/11/2024  campaign  action-month 2024: window 15/11/2024–15/12/2024 opens (31 days)"
assert_contains "$WORK/out" "  T6 15/11/2024  status    action-month 2024: campaign_upcoming → campaign_active"
assert_contains "$WORK/out" "  T6 08/11/2024  reminder  action-month 2024: campaign-before-7 → "
assert_contains "$WORK/out" "  T6 15/11/2024  reminder  action-month 2024: campaign-start → "
run 0 --config "$WORK/shipped.lua" --json rules preview bac-ninh --from 2024-11-08 --to 2024-11-20
assert_eq "21" "$(json_query 'len([e for e in F["events"] if e["type"] == "reminder" and e["stage"] == "campaign-start"])')" "every member told on the first day"

# ---- mistakes ---------------------------------------------------------------------
run 2 $C rules preview
run 2 $C rules preview rt-pass rt-fail
run 2 $C rules preview rt-pass --from 2024-12-10 --to 2024-12-01
run 2 $C rules preview rt-pass --from 2024-01-01 --to 2026-12-31
run 2 $C rules preview rt-pass --from 2024-02-30
run 2 $C rules preview rt-pass --from 1999-12-01
run 4 $C rules preview rt-pass --agency so-z
assert_contains "$WORK/err" "unknown agency 'so-z' in rt-pass"
run 3 $C rules preview syntax
run 3 $C rules preview base
assert_contains "$WORK/err" "template"

# no leak and no invalid access (valgrind; the sanitizer builds check themselves)
case $DONDOC in
  */asan/*|*/clang/*) ;;
  *)
    valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
      --error-exitcode=99 "$DONDOC" $C --json rules preview rt-pass --from 2024-11-01 \
      --to 2024-12-31 --agency so-a >"$WORK/out" 2>"$WORK/err" ||
      { cat "$WORK/err"; fail "valgrind found errors in rules preview"; } ;;
esac

[ ! -e "$WORK/t.db" ] && [ ! -e "$WORK/real.db" ] && [ ! -e "$WORK/shipped.db" ] || fail "preview wrote a configured database"
[ -z "$(ls -A "$WORK/tmp")" ] || fail "scratch databases left in TMPDIR"
