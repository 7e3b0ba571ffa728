# Every seed plan as shipped rules (issue 13, items 1 and 4), on the dates
# each plan names, with the weekend and holiday shifts around them:
#   - Tam Điệp 2021–2025 (seed 000): annual report before 10/12 from 23
#     units (Sat 10/12/2022 → Mon 12/12, Sun 10/12/2023 → Mon 11/12), the
#     quarterly "4 news items per commune" quota (Q1's value due on 30/04,
#     a holiday, moves to 04/05) and the monthly column, local targets
#     beside the national ones, the Action Month within the plan's years;
#   - Nghệ An 2020 (seed 001, on the 2011–2020 frame): "vào 30/6" and "vào
#     30/11" from 38 units, the compiled report awaiting its date, the two
#     action months of 2020, leads as the plan assigns them;
#   - Buôn Ma Thuột 2022 (seed 002): communes before 15/5/2022 (a Sunday:
#     Monday 16/5) and 15/11/2022, the 15-year review "khi có hướng dẫn";
#   - Cà Mau 2017 (seed 004): the secretariat's annual report before 30/11
#     (Sat 30/11/2019 → Mon 02/12), the members' "định kỳ" reports awaiting
#     a date;
#   - Bắc Ninh 2025 (item 4): a report due before 01/03/2025 owed by Sở
#     LĐTBXH, after it by Sở Nội vụ on its behalf, a report Sở LĐTBXH sent
#     kept as its own, reminders to the successor; district reports due
#     after 30/06/2025 unassigned (no successor); the merger with Bắc Giang:
#     the old province owes the first half of 2025, the merged one the year
#     2025 and the Action Month from 01/07/2025.
# The rules are the shipped ones (a temporary config lists them; the
# shipped config lists Bắc Ninh only). Where a test needs a date the plan
# leaves to an instruction, it sets one by letter (`extend`) or in a copy
# of the rules (`dates`), as the rules' comments say an officer would.
. "$ROOT/tests/e2e/lib.sh"
ALL='"tam-diep", "nghe-an", "buon-ma-thuot", "ca-mau", "bac-ninh", "bac-ninh-2025"'
cfg() {  # FILE RULES_DIR DB [JURISDICTIONS]
  cat > "$1" <<CFG
rules_dir = "$2"
database = "$3"
outbox_dir = "box-$(basename "$3" .db)"
mail = { from = "ban-vstbpn@example.gov.vn", from_name = "Thường trực Ban" }
jurisdictions = { ${4:-$ALL} }
CFG
}
cfg "$WORK/cfg.lua" "$ROOT/rules" "$WORK/s.db"
C="--config $WORK/cfg.lua"
cd "$WORK"
# count FILTER: findings in $WORK/out matching a Python condition on f
count() { json_query "len([f for f in F if $1])"; }
# vals FILTER FIELD: the distinct values of FIELD among them, sorted
vals() { json_query "' '.join(sorted({str(f.get('$2')) for f in F if $1}))"; }
ob() { echo "f.get('jurisdiction') == '$1' and f.get('obligation') == '$2' and f.get('period') == '$3'"; }
ind() { echo "f.get('jurisdiction') == '$1' and f.get('indicator') == '$2'"; }
camp() { echo "f.get('jurisdiction') == '$1' and f.get('campaign') == '$2'"; }

# ---- every shipped rule set loads, lint-clean under --strict -----------------
# every folder of rules/ but law (the holidays of the law, not a jurisdiction)
set --
for d in "$ROOT"/rules/*/; do
  d=${d%/}; [ "$(basename "$d")" = law ] || set -- "$@" "$d"
done
[ $# -ge 10 ] || fail "expected every shipped rule set, got $#: $*"
run 0 $C --now 2025-06-01 rules check --strict "$@"
for d in "$@"; do
  assert_contains "$WORK/out" "$(basename "$d"): ok ("
done
assert_not_contains "$WORK/err" "error"
run 3 $C --now 2025-06-01 rules check --strict "$ROOT/rules/law"
# … and every one pinned by its own tests (rules/<id>/tests), each at 90%
# coverage or more; the templates are named and tested through their heirs
run 0 $C rules test --coverage --min-coverage 90 "$@"
for j in tam-diep nghe-an buon-ma-thuot ca-mau bac-ninh bac-ninh-2025; do
  assert_contains "$WORK/out" "$j: "
  grep -q "^$j: [0-9]* passed, 0 failed, 0 errors" "$WORK/out" || fail "$j's rule tests"
done
for t in national national-2011 ninh-binh dak-lak; do
  assert_contains "$WORK/out" "$t: a template, never evaluated"
done

# ---- every jurisdiction loads, with no error and no warning ----------------
run 0 $C --now 2025-06-01 rules check
for j in tam-diep nghe-an buon-ma-thuot ca-mau bac-ninh bac-ninh-2025; do
  assert_contains "$WORK/out" "$j: ok ("
done
assert_not_contains "$WORK/out" "with warnings"
assert_not_contains "$WORK/err" "warning"
run 0 $C --now 2025-06-01 rules check national-2011 ninh-binh dak-lak
assert_contains "$WORK/out" "national-2011: ok (Chiến lược quốc gia về bình đẳng giới giai đoạn 2011–2020; 0 agencies, 0 roles, 0 obligations, 2 campaigns, 29 indicators"
assert_contains "$WORK/out" "ninh-binh: ok"
assert_contains "$WORK/out" "dak-lak: ok"
assert_not_contains "$WORK/err" "warning"
# the templates are inherited, never monitored on their own
run 0 $C rules list tam-diep
assert_contains "$WORK/out" "bao-cao-nam"

# ---- Tam Điệp 2021–2025: annual report before 10/12 -------------------------
BC="$(ob tam-diep bao-cao-nam 2021)"
run 0 $C --now 2021-12-10 --json check
assert_eq 23 "$(count "$BC and f['kind'] == 'due_soon' and f['due'] == '2021-12-10' and 'nominal_due' not in f and f['days'] == 0")" "Tam Điệp 2021: due Friday 10/12"
assert_eq "ubnd-tp phong-ldtbxh" "$(json_query "' '.join([f['to'] for f in F if $BC][0])")" "to UBND thành phố via Phòng LĐTBXH"
assert_eq 0 "$(count "$BC and f['agency'] == 'phong-ldtbxh'")" "Phòng LĐTBXH compiles, does not report to itself"
assert_eq 9 "$(count "$BC and f['agency'].startswith('ubnd-') and f['agency'] != 'ubnd-tp'")" "9 phường, xã report"
run 0 $C --now 2021-12-11 --json check --kind overdue
assert_eq 23 "$(count "$BC and f['days'] == 1")" "overdue on 11/12/2021"
# 10/12/2022 is a Saturday: due Monday 12/12
BC="$(ob tam-diep bao-cao-nam 2022)"
run 0 $C --now 2022-12-09 --json check
assert_eq 23 "$(count "$BC and f['kind'] == 'due_soon' and f['due'] == '2022-12-12' and f['nominal_due'] == '2022-12-10' and f['days'] == 3")" "2022: Saturday 10/12 moves to Monday 12/12"
run 0 $C --now 2022-12-12 --json check
assert_eq 23 "$(count "$BC and f['kind'] == 'due_soon' and f['days'] == 0")" "due soon on Monday 12/12/2022"
run 0 $C --jurisdiction tam-diep --now 2022-12-12 -q submit phong-y-te bao-cao-nam 2022 --on 2022-12-12
run 0 $C --jurisdiction tam-diep --now 2022-12-13 -q submit ubnd-bac-son bao-cao-nam 2022 --on 2022-12-13
run 0 $C --now 2022-12-13 --json check --all
assert_eq 21 "$(count "$BC and f['kind'] == 'overdue' and f['days'] == 1")" "overdue on 13/12/2022"
assert_eq "on_time" "$(vals "$BC and f['agency'] == 'phong-y-te'" kind)" "received on the shifted day: on time"
assert_eq "late 1" "$(json_query "' '.join(str(f[k]) for f in F if $BC and f['agency'] == 'ubnd-bac-son' for k in ('kind', 'days'))")" "a day after: late"
# 10/12/2023 is a Sunday: Monday 11/12
run 0 $C --now 2023-12-04 --json check --all
assert_eq "2023-12-11 2023-12-10" "$(vals "$(ob tam-diep bao-cao-nam 2023)" due) $(vals "$(ob tam-diep bao-cao-nam 2023)" nominal_due)" "2023: Sunday 10/12 moves to Monday 11/12"
# 2025 is the plan's last year, 10/12/2025 a Wednesday; nothing for 2026
run 0 $C --now 2025-12-10 --json check
assert_eq 23 "$(count "$(ob tam-diep bao-cao-nam 2025) and f['kind'] == 'due_soon' and f['due'] == '2025-12-10' and 'nominal_due' not in f")" "2025: due 10/12"
run 0 $C --now 2026-12-01 --json check --all
assert_eq 0 "$(count "$(ob tam-diep bao-cao-nam 2026)")" "no report after the plan's years"
assert_eq 0 "$(count "$(camp tam-diep action-month) and f['period'] == '2026'")" "no Action Month after the plan's years"
# the compiled report "theo quy định": awaiting its date, to the city and the province
run 0 $C --now 2022-12-13 --json check --all
assert_eq "awaiting_date phong-ldtbxh" "$(json_query "' '.join(str(f[k]) for f in F if $(ob tam-diep tong-hop-nam 2022) for k in ('kind', 'agency'))")" "compiled report awaiting a date"
assert_eq "ubnd-tp ubnd-tinh-ninh-binh so-ldtbxh-ninh-binh" "$(json_query "' '.join([f['to'] for f in F if $(ob tam-diep tong-hop-nam 2022)][0])")" "inherited provincial recipients"
# the Action Month, 15/11/2022 (a Tuesday) and 15/11/2025 (a Saturday)
run 0 $C --now 2022-11-15 --json check
assert_eq "campaign_active 1 31" "$(json_query "' '.join(str(f[k]) for f in F if $(camp tam-diep action-month) for k in ('kind', 'day', 'days_in_window'))")" "Tam Điệp: Action Month day 1"
assert_contains "$WORK/out" "mục IV.1, IV.11"
run 0 $C --now 2025-11-15 --json check
assert_eq "campaign_active 1" "$(json_query "' '.join(str(f[k]) for f in F if $(camp tam-diep action-month) for k in ('kind', 'day'))")" "15/11/2025, a Saturday: the window does not move"

# ---- Tam Điệp: the quarterly quota and the monthly column -------------------
T="--jurisdiction tam-diep"
for q in "2022-Q1 7" "2022-Q2 8" "2022-Q3 7"; do
  set -- $q
  run 0 $C $T --now 2022-12-20 -q observe m6.3.communes "$1" 9
  run 0 $C $T --now 2022-12-20 -q observe m6.3.met "$1" "$2"
done
M63="$(ind tam-diep m6.3)"
# Q1's value is due 30 days after the quarter: 30/04/2022, a holiday
# (30/04–03/05), so Wednesday 04/05; it is judged from 05/05
run 0 $C --now 2022-05-04 --json check --all
assert_eq "no_data 2021-Q4" "$(json_query "' '.join(str(f[k]) for f in F if $M63 for k in ('kind', 'period'))")" "04/05/2022: Q1 not yet due"
run 0 $C --now 2022-05-05 --json check --all
assert_eq "on_track 2022-Q1 2022-05-04 77.7778 100.0 2025" "$(json_query "' '.join(str(f[k]) for f in F if $M63 for k in ('kind', 'period', 'due', 'value', 'target', 'target_year'))")" "7 of 9 communes: the quota's start"
assert_eq phong-vhtt "$(vals "$M63" agency)" "Phòng VH&TT leads the quota"
# Q2's value is due Saturday 30/07/2022 → Monday 01/08, judged from 02/08
run 0 $C --now 2022-08-01 --json check --all
assert_eq 2022-Q1 "$(vals "$M63" period)" "01/08/2022: Q2 not yet due"
run 0 $C --now 2022-08-02 --json check --all
assert_eq "on_track 2022-Q2 88.8889" "$(json_query "' '.join(str(f[k]) for f in F if $M63 for k in ('kind', 'period', 'value'))")" "8 of 9: on the path to 100%"
run 0 $C --now 2022-11-01 --json check --all
assert_eq "off_track 2022-Q3 77.7778" "$(json_query "' '.join(str(f[k]) for f in F if $M63 for k in ('kind', 'period', 'value'))")" "7 of 9 again: off the path"
# the monthly column of the city's centre: done (1) or not (0) each month
run 0 $C $T --now 2022-12-20 -q observe m6.4 2022-09 1
run 0 $C $T --now 2022-12-20 -q observe m6.4 2022-10 0
run 0 $C --now 2022-11-01 --json check --all
assert_eq "achieved 2022-09 2022-10-31 phong-vhtt" "$(json_query "' '.join(str(f[k]) for f in F if $(ind tam-diep m6.4) for k in ('kind', 'period', 'due', 'agency'))")" "September's column: done (due Sun 30/10 → Mon 31/10)"
run 0 $C --now 2022-12-01 --json check --all
assert_eq "off_track 2022-10" "$(json_query "' '.join(str(f[k]) for f in F if $(ind tam-diep m6.4) for k in ('kind', 'period'))")" "October's column missing"
# local targets beside the national ones; indicators the plan does not have
run 0 $C $T --now 2022-12-20 -q observe m4.2 2021 30
run 0 $C $T --now 2022-12-20 -q observe m2.3 2021 22
run 0 $C --now 2022-12-13 --json check --all
assert_eq "28.0 42.0" "$(json_query "' '.join(str(f[k]) for f in F if $(ind tam-diep m4.2) for k in ('target', 'parent_target'))")" "maternal mortality: 28 (TW 42)"
assert_eq "20.0 27.0" "$(json_query "' '.join(str(f[k]) for f in F if $(ind tam-diep m2.3) for k in ('target', 'parent_target'))")" "women directors: 20% (TW 27%)"
assert_eq "2022-12-12" "$(vals "$(ind tam-diep m1.1)" due)" "yearly values with the annual report (10/12 → 12/12/2022)"
assert_eq 0 "$(count "f.get('jurisdiction') == 'tam-diep' and f.get('indicator') in ('m3.4', 'm4.4')")" "indicators the plan does not have"
assert_eq "above" "$(vals "$(ind tam-diep m5.3)" direction)" "'đạt trên 30%' is strict"

# ---- Nghệ An 2020: "vào 30/6" and "vào 30/11" --------------------------------
KQ="$(ob nghe-an ket-qua-2020 2020-H1)"
run 0 $C --now 2020-06-30 --json check
assert_eq 38 "$(count "$KQ and f['kind'] == 'due_soon' and f['due'] == '2020-06-30' and 'nominal_due' not in f")" "6-month report on Tuesday 30/6/2020"
assert_eq 0 "$(count "$KQ and f['agency'] == 'so-ldtbxh'")" "Sở LĐTBXH receives, does not report"
assert_eq 21 "$(count "$KQ and f['agency'].startswith('ubnd-')")" "21 huyện, thành, thị"
assert_eq so-ldtbxh "$(json_query "' '.join([f['to'] for f in F if $KQ][0])")" "to Sở LĐTBXH"
assert_eq "campaign_active 30 30" "$(json_query "' '.join(str(f[k]) for f in F if $(camp nghe-an domestic-violence-month) for k in ('kind', 'day', 'days_in_window'))")" "June's month, last day"
run 0 $C --now 2020-07-01 --json check --kind overdue
assert_eq 38 "$(count "$KQ and f['days'] == 1")" "overdue on 01/07/2020"
KQ="$(ob nghe-an ket-qua-2020 2020)"
run 0 $C --now 2020-11-30 --json check
assert_eq 38 "$(count "$KQ and f['kind'] == 'due_soon' and f['due'] == '2020-11-30' and f['days'] == 0")" "annual report on Monday 30/11/2020"
run 0 $C --now 2020-11-15 --json check
assert_eq "campaign_active 1" "$(json_query "' '.join(str(f[k]) for f in F if $(camp nghe-an action-month) for k in ('kind', 'day'))")" "Action Month opens Sunday 15/11/2020"
assert_contains "$WORK/out" "KH năm 2020 của UBND tỉnh Nghệ An, mục II.1.e, III.2.1.b"
run 0 $C --jurisdiction nghe-an --now 2020-12-01 -q observe m1.1b 2020 27
run 0 $C --jurisdiction nghe-an --now 2020-12-01 -q observe m4.1 2020 112
run 0 $C --now 2020-12-01 --json check --all
assert_eq 38 "$(count "$KQ and f['kind'] == 'overdue' and f['days'] == 1")" "overdue on 01/12/2020"
assert_eq "awaiting_date awaiting_date" "$(json_query "' '.join(f['kind'] for f in F if f.get('obligation') == 'tong-hop-2020' and f['agency'] == 'so-ldtbxh')")" "compiled reports 'theo đúng quy định': awaiting a date"
assert_eq "ubnd-tinh ubqg-vstbpn bo-ldtbxh" "$(json_query "' '.join([f['to'] for f in F if $(ob nghe-an tong-hop-2020 2020)][0])")" "to UBND tỉnh, UBQG VSTBPN, Bộ LĐTBXH"
assert_eq "off_track 35.0 2020" "$(json_query "' '.join(str(f[k]) for f in F if $(ind nghe-an m1.1b) for k in ('kind', 'target', 'target_year'))")" "women deputies: 27% against 'trên 35%'"
assert_eq "achieved 115.0" "$(json_query "' '.join(str(f[k]) for f in F if $(ind nghe-an m4.1) for k in ('kind', 'target'))")" "sex ratio at birth 112 ≤ 115"
assert_eq "2020-11-30" "$(vals "$(ind nghe-an m4.1)" due)" "values with the annual report (30/11)"
assert_eq "cong-an" "$(vals "$(ind nghe-an m6.3)" agency)" "trafficking victims: Công an tỉnh leads (2.9.a)"
assert_eq "ban-to-chuc-tu" "$(vals "$(ind nghe-an m1.1a)" agency)" "women in Party committees: Ban Tổ chức Tỉnh ủy"
assert_eq "so-noi-vu" "$(vals "$(ind nghe-an m1.2)" agency)" "key leaders: Sở Nội vụ"
assert_eq "nhcsxh" "$(vals "$(ind nghe-an m2.4)" agency)" "preferential loans: NHCSXH"
assert_eq 0 "$(count "$(ind nghe-an m2.5)")" "an appendix indicator without a target has no status"
run 0 $C --now 2021-11-30 --json check --all
assert_eq 0 "$(count "f.get('jurisdiction') == 'nghe-an' and not f.get('indicator') and f.get('period', '').startswith('2021')")" "no report or campaign in 2021: a plan for 2020"

# ---- Buôn Ma Thuột 2022: communes before 15/5 and 15/11 ---------------------
SK="$(ob buon-ma-thuot so-ket-2022 2022)"
run 0 $C --now 2022-05-13 --json check
assert_eq 21 "$(count "$SK and f['kind'] == 'due_soon' and f['due'] == '2022-05-16' and f['nominal_due'] == '2022-05-15' and f['days'] == 3")" "15/5/2022 is a Sunday: Monday 16/5"
assert_eq "ubnd-tp phong-ldtbxh" "$(json_query "' '.join([f['to'] for f in F if $SK][0])")" "to UBND thành phố via Phòng LĐTBXH"
run 0 $C --now 2022-05-16 -q submit ubnd-ea-tam so-ket-2022 2022 --on 2022-05-16
run 0 $C --now 2022-05-17 --json check --all
assert_eq 20 "$(count "$SK and f['kind'] == 'overdue' and f['days'] == 1")" "overdue on 17/5"
assert_eq on_time "$(vals "$SK and f['agency'] == 'ubnd-ea-tam'" kind)" "received on Monday 16/5: on time"
TK="$(ob buon-ma-thuot tong-ket-2022 2022)"
run 0 $C --now 2022-11-15 --json check
assert_eq 21 "$(count "$TK and f['kind'] == 'due_soon' and f['due'] == '2022-11-15' and 'nominal_due' not in f")" "year-end review on Tuesday 15/11/2022"
assert_eq "campaign_active 1" "$(json_query "' '.join(str(f[k]) for f in F if $(camp buon-ma-thuot action-month) for k in ('kind', 'day'))")" "Action Month 2022"
run 0 $C --now 2022-11-16 --json check --kind overdue
assert_eq 21 "$(count "$TK and f['days'] == 1")" "overdue on 16/11/2022"
# the 15-year review of the Law "khi có hướng dẫn": a date by letter
L15="$(ob buon-ma-thuot tong-ket-15-nam-luat-bdg 2022)"
run 0 $C --now 2022-09-01 --json check --all
assert_eq 31 "$(count "$L15 and f['kind'] == 'awaiting_date'")" "departments and communes await the city's guidance"
run 0 $C --now 2022-09-01 -q extend ubnd-hoa-phu tong-ket-15-nam-luat-bdg 2022 --until 2022-09-30 --letter "HD 01/UBND (thử)"
run 0 $C --now 2022-09-26 --json check --all
assert_eq "due_soon 2022-09-30 HD 01/UBND (thử)" "$(json_query "' '.join(str(f[k]) for f in F if $L15 and f['agency'] == 'ubnd-hoa-phu' for k in ('kind', 'due', 'letter'))")" "the guidance sets a date for one commune"
assert_eq 30 "$(count "$L15 and f['kind'] == 'awaiting_date'")" "the others still await theirs"
run 0 $C --now 2023-11-15 --json check --all
assert_eq 0 "$(count "$(camp buon-ma-thuot action-month) and f['kind'] == 'campaign_active'")" "no Action Month after the plan's year"

# ---- Cà Mau 2017: the secretariat's annual report before 30/11 --------------
run 0 $C --now 2017-11-30 --json check
assert_eq "due_soon so-ldtbxh 2017-11-30 0" "$(json_query "' '.join(str(f[k]) for f in F if $(ob ca-mau bao-cao-nam 2017) for k in ('kind', 'agency', 'due', 'days'))")" "Cà Mau 2017: due Thursday 30/11"
assert_eq "ubnd-tinh bo-ldtbxh" "$(json_query "' '.join([f['to'] for f in F if $(ob ca-mau bao-cao-nam 2017)][0])")" "to UBND tỉnh and Bộ LĐTBXH"
run 0 $C --now 2017-11-15 --json check
assert_eq "campaign_active QĐ 1696/QĐ-TTg ngày 02/10/2015 (Chương trình hành động quốc gia về bình đẳng giới giai đoạn 2016–2020)" "$(json_query "' '.join(str(f[k]) for f in F if $(camp ca-mau action-month) for k in ('kind', 'basis'))")" "the 2011–2020 frame's Action Month"
run 0 $C --now 2017-12-01 --json check --all
assert_eq "overdue 1" "$(json_query "' '.join(str(f[k]) for f in F if $(ob ca-mau bao-cao-nam 2017) for k in ('kind', 'days'))")" "overdue on 01/12/2017"
assert_eq 18 "$(count "$(ob ca-mau bao-cao-dinh-ky 2017) and f['kind'] == 'awaiting_date'")" "'định kỳ' reports of 9 departments and 9 districts await a date"
run 0 $C --now 2019-11-29 --json check
assert_eq "due_soon 2019-12-02 2019-11-30 3" "$(json_query "' '.join(str(f[k]) for f in F if $(ob ca-mau bao-cao-nam 2019) for k in ('kind', 'due', 'nominal_due', 'days'))")" "30/11/2019 is a Saturday: Monday 02/12"
run 0 $C --now 2019-12-03 --json check --kind overdue
assert_eq "overdue 1" "$(json_query "' '.join(str(f[k]) for f in F if $(ob ca-mau bao-cao-nam 2019) for k in ('kind', 'days'))")" "overdue on 03/12/2019"
run 0 $C --now 2017-12-26 --json check --all
assert_eq "no_data cong-an" "$(json_query "' '.join(str(f[k]) for f in F if $(ind ca-mau m6.3) and f['period'] == '2017' for k in ('kind', 'agency'))")" "trafficking victims: Công an tỉnh (IV.9)"

# ---- Bắc Ninh 2025: succession, the end of districts, the merger -----------
cfg "$WORK/bn.lua" "$ROOT/rules" "$WORK/bn.db" '"bac-ninh", "bac-ninh-2025"'
B="--config $WORK/bn.lua"
# history: Sở LĐTBXH sent its 2024 annual Ban VSTBPN report itself
run 0 $B --now 2024-12-04 -q submit so-ldtbxh ban-vstbpn 2024 --on 2024-12-04
# the 2024 compiled report: the ministry's letter dates it 15/01/2025, before
# 01/03/2025 — owed by Sở LĐTBXH, to Bộ LĐTBXH
run 0 $B --jurisdiction bac-ninh --now 2025-01-10 -q extend so-ldtbxh tong-hop 2024 --until 2025-01-15 --letter "5645/LĐTBXH-BĐG (thử)"
run 0 $B --now 2025-01-14 --json check
TH="$(ob bac-ninh tong-hop 2024)"
assert_eq "due_soon so-ldtbxh 2025-01-15 None" "$(json_query "' '.join(str(f.get(k)) for f in F if $TH for k in ('kind', 'agency', 'due', 'on_behalf_of'))")" "due before 01/03/2025: Sở LĐTBXH owes it"
assert_eq "ubnd-tinh bo-ldtbxh ubqg-vstbpn" "$(json_query "' '.join([f['to'] for f in F if $TH][0])")" "to Bộ LĐTBXH before 01/03/2025"
run 0 $B --now 2025-01-14T08:00 run --quiet
assert_eq "so-ldtbxh@bacninh.example.gov.vn" "$(sqlite3 "$WORK/bn.db" "SELECT DISTINCT recipient FROM message_items WHERE item = 'tong-hop' AND period = '2024'")" "reminded: Sở LĐTBXH"
# the first half of 2025: owed, on Sở LĐTBXH's behalf, by Sở Nội vụ
T25="$(ob bac-ninh tong-hop-2025 2025-H1)"
run 0 $B --now 2025-06-01 --json check --all
assert_eq "awaiting_date so-noi-vu so-ldtbxh" "$(json_query "' '.join(str(f.get(k)) for f in F if $T25 for k in ('kind', 'agency', 'on_behalf_of'))")" "after 01/03/2025: Sở Nội vụ on behalf of Sở LĐTBXH"
assert_eq "ubnd-tinh bo-noi-vu ubqg-vstbpn" "$(json_query "' '.join([f['to'] for f in F if $T25][0])")" "to Bộ Nội vụ after 01/03/2025"
run 0 $B --jurisdiction bac-ninh --now 2025-06-01 -q extend so-noi-vu tong-hop-2025 2025-H1 --until 2025-07-15 --letter "…/BNV-CTTN&BĐG (thử)"
for d in 2025-07-08 2025-07-14 2025-07-15 2025-07-16; do
  run 0 $B --now "${d}T08:00" run --quiet
done
assert_eq "so-noi-vu@bacninh.example.gov.vn" "$(sqlite3 "$WORK/bn.db" "SELECT DISTINCT recipient FROM message_items WHERE item = 'tong-hop-2025'")" "reminders go to the successor"
# what Sở LĐTBXH still owed from 2024 is chased at Sở Nội vụ, as its own
# item beside Sở Nội vụ's own report; the abolished districts are told nothing
assert_eq "so-noi-vu@bacninh.example.gov.vn" "$(sqlite3 "$WORK/bn.db" "SELECT group_concat(DISTINCT recipient) FROM message_items WHERE agency = 'so-ldtbxh' AND run_day >= '2025-03-01'")" "an ended agency's old reports: reminded to its successor"
assert_eq 2 "$(sqlite3 "$WORK/bn.db" "SELECT count(DISTINCT agency) FROM message_items WHERE item = 'ban-vstbpn' AND period = '2024-H1' AND run_day = '2025-07-08' AND recipient = 'so-noi-vu@bacninh.example.gov.vn'")" "its own and Sở LĐTBXH's, two items"
assert_eq 0 "$(sqlite3 "$WORK/bn.db" "SELECT count(*) FROM message_items WHERE run_day >= '2025-07-01' AND (agency LIKE 'ubnd-%' AND agency != 'ubnd-tinh')")" "no reminder about or to an abolished district"
assert_eq "before-1 before-7 due overdue-0" "$(sqlite3 "$WORK/bn.db" "SELECT group_concat(stage, ' ') FROM (SELECT DISTINCT stage FROM message_items WHERE item = 'tong-hop-2025' ORDER BY stage)")" "before, on and after the date by letter"
run 0 $B --now 2025-07-16 --json check --kind overdue
assert_eq "so-noi-vu so-ldtbxh 1" "$(json_query "' '.join(str(f.get(k)) for f in F if $T25 for k in ('agency', 'on_behalf_of', 'days'))")" "overdue: Sở Nội vụ, on Sở LĐTBXH's behalf"
# history stays with the old agency
run 0 $B --now 2025-08-01 --json check --all --jurisdiction bac-ninh
assert_eq "on_time so-ldtbxh 2024-12-04 None" "$(json_query "' '.join(str(f.get(k)) for f in F if $(ob bac-ninh ban-vstbpn 2024) and f['agency'] == 'so-ldtbxh' for k in ('kind', 'agency', 'received', 'on_behalf_of'))")" "Sở LĐTBXH's report keeps its record"
assert_eq 0 "$(count "f.get('jurisdiction') == 'bac-ninh' and f.get('on_behalf_of') == 'so-ldtbxh' and f.get('obligation') == 'ban-vstbpn-2025'")" "a successor owing the report itself is not asked twice"

# the districts end on 30/06/2025 with no successor; the old province's
# first-half report dated by instruction before or after that day
mkdir -p "$WORK/rules"
cp -R "$ROOT/rules/law" "$ROOT/rules/national" "$ROOT/rules/bac-ninh" "$ROOT/rules/bac-ninh-2025" "$WORK/rules/"
set_dates() {  # the dates an instruction gave: tong-hop 2024, ban-vstbpn-2025 2025-H1
  rm -rf "$WORK/rules/bac-ninh"; cp -R "$ROOT/rules/bac-ninh" "$WORK/rules/"
  python3 - "$WORK/rules/bac-ninh" "$1" "$2" <<'PY'
import sys
d, year, half = sys.argv[1:]
p = d + '/plan-2024.lua'; s = open(p, encoding='utf-8').read()
old = '    year = { due = "as_instructed" },'
assert s.count(old) == 1, old
s = s.replace(old, '    year = { due = "as_instructed", dates = { ["2024"] = "%s" } },' % year)
open(p, 'w', encoding='utf-8').write(s)
p = d + '/plan-2025.lua'; s = open(p, encoding='utf-8').read()
old = 'periods      = { half = { due = "as_instructed", only = { 1 } } },'
assert s.count(old) == 2, old
s = s.replace(old, 'periods      = { half = { due = "as_instructed", only = { 1 }, dates = { ["2025-H1"] = "%s" } } },' % half, 1)
open(p, 'w', encoding='utf-8').write(s)
PY
}
cfg "$WORK/d.lua" "$WORK/rules" "$WORK/d.db" '"bac-ninh", "bac-ninh-2025"'
D="--config $WORK/d.lua"
set_dates 2025-03-14 2025-07-10
run 0 $D --now 2025-03-10 --json check
assert_eq "due_soon so-noi-vu so-ldtbxh 2025-03-14" "$(json_query "' '.join(str(f.get(k)) for f in F if $TH for k in ('kind', 'agency', 'on_behalf_of', 'due'))")" "the 2024 report dated after 01/03/2025: Sở Nội vụ owes it"
assert_eq "ubnd-tinh bo-noi-vu ubqg-vstbpn" "$(json_query "' '.join([f['to'] for f in F if $TH][0])")" "… to Bộ Nội vụ"
BV="$(ob bac-ninh ban-vstbpn-2025 2025-H1)"
run 0 $D --now 2025-07-11 --json check
assert_eq 8 "$(count "$BV and f['kind'] == 'unassigned' and f['agency'].startswith('ubnd-')")" "district reports due after 30/06/2025: unassigned"
assert_eq 11 "$(count "$BV and f['kind'] == 'overdue'")" "the departments still owe theirs"
assert_eq 0 "$(count "$BV and f['agency'] in ('so-ldtbxh', 'so-khdt', 'so-tttt')")" "ended departments' duties: with their successors, once"
run 0 $D --now 2025-07-11T08:00 run --quiet
assert_eq 0 "$(sqlite3 "$WORK/d.db" "SELECT count(*) FROM message_items WHERE item = 'ban-vstbpn-2025' AND recipient LIKE 'ubnd-%'")" "no reminder to an abolished district"
assert_eq 11 "$(sqlite3 "$WORK/d.db" "SELECT count(DISTINCT agency) FROM message_items WHERE item = 'ban-vstbpn-2025' AND stage = 'overdue-0'")" "reminders to the 11 departments"
python3 - "$WORK/box-d/mail" <<'PY' || fail "the digest lists the unassigned reports"
import email, glob, sys
from email import policy
texts = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
         .get_body(('plain',)).get_content()
         for f in glob.glob(sys.argv[1] + '/*-so-noi-vu@*.eml')]
old = [t for t in texts if t.splitlines()[0] == 'Tình hình theo dõi, đôn đốc ngày 11/07/2025 — Tỉnh Bắc Ninh']
assert len(old) == 1, [t[:80] for t in texts]
assert 'III. Báo cáo chưa có cơ quan chịu trách nhiệm (cơ quan đã thôi hoạt động, chưa có cơ quan kế nhiệm): 8' in old[0], old[0]
assert 'UBND huyện Gia Bình đã thôi hoạt động từ 30/06/2025' in old[0], old[0]
PY
set_dates 2025-01-15 2025-06-20
run 0 $D --now 2025-06-23 --json check
assert_eq 8 "$(count "$BV and f['kind'] == 'overdue' and f['agency'].startswith('ubnd-') and f['days'] == 3")" "due before 30/06/2025: the districts owe it"
assert_eq 0 "$(count "$BV and f['kind'] == 'unassigned'")" "nothing unassigned before the districts end"

# the merger: the old province owes the first half of 2025, the merged one
# the year 2025; each runs its own campaigns
run 0 $B --now 2025-06-15 --json check
assert_eq "bac-ninh" "$(vals "f.get('campaign') == 'domestic-violence-month'" jurisdiction)" "June 2025: the old province's month"
run 0 $B --now 2025-11-15 --json check
assert_eq "bac-ninh-2025" "$(vals "f.get('campaign') == 'action-month'" jurisdiction)" "the Action Month 2025: the merged province's"
run 0 $B --now 2025-08-01 --json check --all
assert_eq 0 "$(count "f.get('jurisdiction') == 'bac-ninh' and f.get('obligation') and f['period'].startswith('2025') and f['period'] != '2025-H1'")" "the old province owes nothing after its first half"
assert_eq 10 "$(count "$(ob bac-ninh-2025 ket-qua-bdg 2025) and f['kind'] == 'awaiting_date'")" "the merged province's 10 departments owe 2025's report"
assert_eq "so-noi-vu" "$(json_query "' '.join([f['to'] for f in F if $(ob bac-ninh-2025 ket-qua-bdg 2025)][0])")" "to its Sở Nội vụ"
assert_eq "awaiting_date so-noi-vu ubnd-tinh bo-noi-vu" "$(json_query "' '.join([[f['kind'], f['agency']] + f['to'] for f in F if $(ob bac-ninh-2025 tong-hop 2025)][0])")" "the merged province's compiled report to Bộ Nội vụ"
# 08/11/2025, seven days before, is a Saturday: the members are told on Monday 10/11
run 0 $B --now 2025-11-08T08:00 run --quiet
assert_eq 0 "$(sqlite3 "$WORK/bn.db" "SELECT count(*) FROM message_items WHERE stage LIKE 'campaign-%' AND run_day = '2025-11-08'")" "no reminder on a Saturday"
run 0 $B --now 2025-11-10T08:00 run --quiet
assert_eq "bac-ninh-2025|10" "$(sqlite3 "$WORK/bn.db" "SELECT jurisdiction, count(DISTINCT recipient) FROM message_items WHERE stage LIKE 'campaign-before-%' AND run_day = '2025-11-10' GROUP BY jurisdiction")" "members told of the Action Month once, by the merged province"
# a report to the old province stays the old province's
run 0 $B --jurisdiction bac-ninh --now 2025-08-01 -q submit so-noi-vu ban-vstbpn-2025 2025-H1 --on 2025-06-20
assert_eq "bac-ninh" "$(sqlite3 "$WORK/bn.db" "SELECT jurisdiction FROM submissions WHERE obligation = 'ban-vstbpn-2025'")" "kept under the old province"
run 0 $B --now 2025-08-01 --json check --all
assert_eq 0 "$(count "f.get('jurisdiction') == 'bac-ninh-2025' and f.get('received')")" "nothing received by the merged province"
echo "seed plans: Tam Điệp, Nghệ An, Buôn Ma Thuột, Cà Mau, Bắc Ninh 2025 pinned"
