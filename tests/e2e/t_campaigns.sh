# The Action Month (15/11–15/12) and June's month against domestic violence
# on the shipped rules (Bắc Ninh inheriting the national template), issue
# 11 items 1 and 2:
#   - check's statuses on 14/11, 15/11, 15/12 and 16/12/2024, with and
#     without --all, the JSON fields, the table's own section; the window
#     does not move when it opens on a Saturday (15/11/2025);
#   - no invented plan/results reports in the template;
#   - the daily job from 01/11 to 20/11/2024 on a fresh SQLite file, no
#     SMTP server: each member is told once before the window opens and
#     once on its first day, a second run that day queues nothing, and the
#     secretariat's digest shows the month while it runs;
#   - a province turning the plan report on with its own basis, dropping
#     June's month, then dropping the report again (docs/rules.md).
. "$ROOT/tests/e2e/lib.sh"
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "$ROOT/rules"
database = "c.db"
outbox_dir = "box"
mail = { from = "ban-vstbpn@bacninh.example.gov.vn", from_name = "Thường trực Ban" }
jurisdictions = { "bac-ninh" }
CFG
C="--config $WORK/cfg.lua"
# The statuses over 2024–2025 need both Bắc Ninhs: the old province's
# campaigns end with it on 30/06/2025, the merged province's start on
# 01/07/2025 (rules/bac-ninh/plan-2025.lua, rules/bac-ninh-2025).
sed 's/jurisdictions = { "bac-ninh" }/jurisdictions = { "bac-ninh", "bac-ninh-2025" }/' "$WORK/cfg.lua" > "$WORK/both.lua"
B="--config $WORK/both.lua"
AM='[(f["kind"], f["days"], f["due"], f["day"]) for f in F if f.get("campaign") == "action-month"]'

# ---- statuses ---------------------------------------------------------------
run 0 $B --now 2024-11-07 --json check
assert_eq "[]" "$(json_query "$AM")" "8 days before: outside the before window"
run 0 $B --now 2024-11-14 --json check
assert_eq "[('campaign_upcoming', 1, '2024-11-15', None)]" "$(json_query "$AM")" "14/11"
run 0 $B --now 2024-11-15 --json check
assert_eq "[('campaign_active', 30, '2024-12-15', 1)]" "$(json_query "$AM")" "15/11"
assert_eq "2024-11-15 2024-12-15 31 2024 None" "$(json_query '" ".join(str(f[k]) for f in F if f.get("campaign") == "action-month" for k in ("window_from", "window_to", "days_in_window", "period", "agency"))')" "15/11 window"
assert_contains "$WORK/out" "năm 2024 đang diễn ra: ngày 1/31 (từ 15/11/2024 đến hết 15/12/2024)."
assert_contains "$WORK/out" '"basis": "NQ 28/NQ-CP ngày 03/3/2021'
run 0 $B --now 2024-12-15 --json check
assert_eq "[('campaign_active', 0, '2024-12-15', 31)]" "$(json_query "$AM")" "15/12 (a Sunday)"
run 0 $B --now 2024-12-16 --json check
assert_eq "[]" "$(json_query "$AM")" "16/12 without --all"
run 0 $B --now 2024-12-16 --json check --all
assert_eq "[('campaign_ended', 1, '2024-12-15', None), ('campaign_upcoming', 334, '2025-11-15', None)]" "$(json_query "$AM")" "16/12 with --all"
run 0 $B --now 2024-12-16 --json check --kind campaign_ended
assert_eq "campaign_ended campaign_ended" "$(json_query '" ".join(f["kind"] for f in F)')" "--kind campaign_ended: both months"
# the window never moves: 15/11/2025 is a Saturday
run 0 $B --now 2025-11-15 --json check
assert_eq "[('campaign_active', 30, '2025-12-15', 1)]" "$(json_query "$AM")" "15/11/2025"
# June's month: 01/06/2024 was a Saturday; on Monday 03/06 it is day 3 of 30
run 0 $B --now 2024-06-03 --json check
assert_eq "campaign_active 3 30" "$(json_query '" ".join(str(f[k]) for f in F if f.get("campaign") == "domestic-violence-month" for k in ("kind", "day", "days_in_window"))')" "June"
# the table: a section of its own
run 0 $B --now 2024-12-09 check
assert_contains "$WORK/out" "Chiến dịch, tháng hành động"
assert_contains "$WORK/out" "campaign_active   15/11/2024 15/12/2024 ngày 25/31   action-month"

# ---- no invented reports ----------------------------------------------------
run 0 $C rules list bac-ninh
assert_not_contains "$WORK/out" "action-month-plan"
assert_not_contains "$WORK/out" "action-month-results"
run 0 $C --now 2024-12-31 --json check --all
assert_eq 0 "$(json_query 'len([f for f in F if str(f.get("obligation", "")).startswith("action-month")])')" "Action Month reports"
run 4 $C --now 2024-11-12 submit so-noi-vu action-month-plan 2024

# ---- the daily job: told once before, once on the first day ----------------
days=$(python3 -c '
import datetime as D
d = D.date(2024, 11, 1)
while d <= D.date(2024, 11, 20):
    print(d); d += D.timedelta(1)')
for d in $days; do
  "$DONDOC" $C --now "${d}T08:00" run --quiet >"$WORK/out" 2>"$WORK/err" ||
    { cat "$WORK/err"; fail "run on $d exited $?"; }
done
n_before=$(sqlite3 "$WORK/c.db" "SELECT count(*) FROM messages")
run 0 $C --now 2024-11-15T09:00 run --quiet
assert_eq "$n_before" "$(sqlite3 "$WORK/c.db" "SELECT count(*) FROM messages")" "a second run on 15/11"
python3 - "$WORK" <<'PY' || fail "campaign reminders"
import collections, email, glob, sqlite3, sys
from email import policy
work = sys.argv[1]
db = sqlite3.connect(work + '/c.db')
rows = db.execute("SELECT recipient, item, agency, period, stage, run_day"
                  " FROM message_items WHERE stage LIKE 'campaign%'").fetchall()
by = collections.defaultdict(list)
for r, item, agency, period, stage, day in rows:
    assert item == 'action-month' and period == '2024', rows
    by[stage].append((r, agency, day))
before, start = by['campaign-before-7'], by['campaign-start']
assert set(by) == {'campaign-before-7', 'campaign-start'}, set(by)
# once each, to every member valid in November 2024 (Sở KH&CN only from 2025)
assert len(before) == len({r for r, a, d in before}) >= 20, before
assert {r for r, a, d in before} == {r for r, a, d in start}, (before, start)
assert {d for r, a, d in before} == {'2024-11-08'}, before
assert {d for r, a, d in start} == {'2024-11-15'}, start
assert all(r.startswith(a + '@') for r, a, d in before + start), before
assert not any(r.startswith('so-khcn@') for r, a, d in before), before
# what a member reads on 15/11
mails = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
         for f in sorted(glob.glob(work + '/box/mail/*-so-noi-vu@*.eml'))]
texts = [m.get_body(('plain',)).get_content() for m in mails]
assert sum('đang diễn ra: ngày 1/31' in t for t in texts) == 1, texts
assert sum('bắt đầu ngày 15/11/2024 (còn 7 ngày)' in t for t in texts) == 1, texts
assert any('Bắt đầu từ 15/11/2024: Tháng hành động' in str(m['Subject']) for m in mails), [str(m['Subject']) for m in mails]
# the secretariat's digest: the month while it runs, not before
digests = {}
for f in sorted(glob.glob(work + '/box/mail/*-so-ldtbxh@*.eml')):
    m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
    if 'Tổng hợp ngày' in str(m['Subject']):
        digests[str(m['Subject']).split('Tổng hợp ngày ')[1][:10]] = m.get_body(('plain',)).get_content()
assert 'đang diễn ra: ngày 1/31' in digests['15/11/2024'], digests['15/11/2024']
assert 'đang diễn ra: ngày 6/31' in digests['20/11/2024']
assert 'Tháng hành động' not in digests['14/11/2024']
print(len(before), 'members told once before and once on the first day')
PY

# ---- a province turns the plan report on, and drops June's month ----------
mkdir -p "$WORK/rules"
cp -R "$ROOT/rules/national" "$ROOT/rules/bac-ninh" "$WORK/rules/"
# (the copy's campaigns are declared below, so drop the shipped 2025 end of
# the old province's campaigns: one declaration per jurisdiction)
sed -i '/^campaign /d' "$WORK/rules/bac-ninh/plan-2025.lua"
cat > "$WORK/rules/bac-ninh/zz-campaigns.lua" <<'LUA'
campaign "action-month" {
  from = members(), to = role "secretariat",
  plan = { due = "11-10", basis = "Công văn 1234/UBND-VX ngày 01/10/2024 (ví dụ)" },
}
drop("campaign", "domestic-violence-month")
LUA
sed -e "s|rules_dir = .*|rules_dir = \"$WORK/rules\"|" -e 's|c.db|p.db|' "$WORK/cfg.lua" > "$WORK/p.lua"
P="--config $WORK/p.lua"
run 0 $P rules check
assert_contains "$WORK/out" "bac-ninh: ok"   # (with a warning: the districts end in 2025)
assert_not_contains "$WORK/err" "basis"
run 0 $P --now 2024-11-12 --json check
assert_eq "2024-11-11 2024-11-10" "$(json_query '" ".join({f["due"] + " " + f["nominal_due"] for f in F if f.get("obligation") == "action-month-plan" and f["kind"] == "overdue"})')" "the plan, due Monday 11/11"
[ "$(json_query 'len([f for f in F if f.get("obligation") == "action-month-plan"])')" -ge 20 ] || fail "every member owes the plan"
run 0 $P --now 2024-06-03 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f.get("campaign") == "domestic-violence-month"])')" "June's month dropped"
echo 'drop("obligation", "action-month-plan")' >> "$WORK/rules/bac-ninh/zz-campaigns.lua"
run 0 $P --now 2024-11-12 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f.get("obligation") == "action-month-plan"])')" "the plan dropped again"
assert_eq "[('campaign_upcoming', 3, '2024-11-15', None)]" "$(json_query "$AM")" "the campaign kept"
# a report without its basis: loaded, with a warning at its line
cat > "$WORK/rules/bac-ninh/zz-campaigns.lua" <<'LUA'
campaign "action-month" { from = members(), to = role "secretariat", results = { due = "end+5" } }
LUA
run 0 $P rules check
assert_contains "$WORK/out" "bac-ninh: ok, with warnings"
assert_contains "$WORK/err" "zz-campaigns.lua:1: warning: campaign 'action-month': the results report has no basis"
