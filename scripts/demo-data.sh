#!/bin/sh
# demo-data.sh — sample data for the Bắc Ninh demo (rules/bac-ninh, the 2024
# plan of QĐ 373/QĐ-UBND ngày 08/4/2024), as seen on Monday 09/12/2024.
#
#   sh scripts/demo-data.sh [DONDOC-BINARY] [DATABASE]
#   sh scripts/demo-data.sh ./dondoc /tmp/d.db
#   ./dondoc --db /tmp/d.db --now 2024-12-09 check --all
#
# Invented but plausible figures for a province of ~1.4 million people:
#   * reports received (dondoc submit … --on DATE):
#       - Ban VSTBPN 6-month report (due 05/6): almost all on time;
#       - Ban VSTBPN annual report and self-inspection (due 05/12): some on
#         time, some late, several still missing on 09/12 (overdue);
#       - national programme results (due 25/12): one early.
#   * indicator values for 2021–2023 (dondoc observe), chosen so that the
#     2023 statuses mix achieved, on track, at risk and off track; the
#     indicators furthest behind are those footnote 2 of the plan names
#     (M1, M3.1, M4.1, M5 ThS/TS, M6.3). M6.1 has no 2023 value: it is
#     measured by the 2024 sociological survey (and 2023's value was due
#     before monitoring started on 01/01/2024, so it is not "no data").
#
# On 09/12 the Action Month (15/11–15/12) is on its 25th day of 31: a
# campaign to run, with no report of its own in the plan (its results go
# into the annual Ban VSTBPN report, Phụ lục 02).
#
# Deterministic and idempotent: submit keeps the first receipt of a report,
# observe replaces a value, so running it twice gives the same data.
set -eu

BIN=${1:-${DONDOC:-./dondoc}}
DB=${2:-${DONDOC_DB:-var/demo/dondoc.db}}

# Use the shipped config (rules/bac-ninh) unless one is given.
if [ -z "${DONDOC_CONFIG:-}" ]; then
  DONDOC_CONFIG=$(dirname "$0")/../config/dondoc.lua
  export DONDOC_CONFIG
fi
mkdir -p "$(dirname "$DB")"

n_sub=0
n_obs=0

# sub AGENCY OBLIGATION PERIOD DATE — the report arrived on DATE.
sub() {
  "$BIN" --db "$DB" --now "$4" -q submit "$1" "$2" "$3" --on "$4"
  n_sub=$((n_sub + 1))
}

# obs INDICATOR PERIOD VALUE — a value for the province (decimal point).
obs() {
  "$BIN" --db "$DB" -q observe "$1" "$2" "$3"
  n_obs=$((n_obs + 1))
}

# ---- (2) Ban VSTBPN, 6-month report 2024-H1: due Wednesday 05/06/2024 ----
sub hoi-lhpn          ban-vstbpn 2024-H1 2024-05-28
sub so-vhttdl         ban-vstbpn 2024-H1 2024-05-30
sub so-noi-vu         ban-vstbpn 2024-H1 2024-05-31
sub so-ldtbxh         ban-vstbpn 2024-H1 2024-06-03
sub so-gddt           ban-vstbpn 2024-H1 2024-06-03
sub so-tttt           ban-vstbpn 2024-H1 2024-06-03
sub ubnd-tp-bac-ninh  ban-vstbpn 2024-H1 2024-06-03
sub so-tu-phap        ban-vstbpn 2024-H1 2024-06-04
sub so-tai-chinh      ban-vstbpn 2024-H1 2024-06-04
sub cong-an           ban-vstbpn 2024-H1 2024-06-04
sub dai-ptth          ban-vstbpn 2024-H1 2024-06-04
sub ubnd-tu-son       ban-vstbpn 2024-H1 2024-06-04
sub ubnd-tien-du      ban-vstbpn 2024-H1 2024-06-04
sub so-khdt           ban-vstbpn 2024-H1 2024-06-05
sub so-y-te           ban-vstbpn 2024-H1 2024-06-05
sub cuc-thong-ke      ban-vstbpn 2024-H1 2024-06-05
sub ubnd-que-vo       ban-vstbpn 2024-H1 2024-06-05
sub ubnd-yen-phong    ban-vstbpn 2024-H1 2024-06-05
sub ubnd-thuan-thanh  ban-vstbpn 2024-H1 2024-06-07     # late, 2 days
sub ubnd-gia-binh     ban-vstbpn 2024-H1 2024-06-12     # late, 7 days
#   ubnd-luong-tai: never sent

# ---- (2) Ban VSTBPN, annual report 2024: due Thursday 05/12/2024 ---------
sub hoi-lhpn          ban-vstbpn 2024 2024-11-29
sub so-vhttdl         ban-vstbpn 2024 2024-12-02
sub so-noi-vu         ban-vstbpn 2024 2024-12-03
sub so-ldtbxh         ban-vstbpn 2024 2024-12-04
sub cuc-thong-ke      ban-vstbpn 2024 2024-12-04
sub ubnd-tp-bac-ninh  ban-vstbpn 2024 2024-12-04
sub so-gddt           ban-vstbpn 2024 2024-12-05
sub so-y-te           ban-vstbpn 2024 2024-12-05
sub ubnd-tu-son       ban-vstbpn 2024 2024-12-05
sub so-tttt           ban-vstbpn 2024 2024-12-06          # late, 1 day
sub cong-an           ban-vstbpn 2024 2024-12-06          # late, 1 day
sub ubnd-yen-phong    ban-vstbpn 2024 2024-12-09          # late, 4 days
sub ubnd-que-vo       ban-vstbpn 2024 2024-12-09          # late, 4 days
#   not yet on 09/12: so-tu-phap, so-khdt, so-tai-chinh, dai-ptth,
#   ubnd-thuan-thanh, ubnd-tien-du, ubnd-gia-binh, ubnd-luong-tai

# ---- (3) self-inspection report: due Thursday 05/12/2024 (once) ----------
sub hoi-lhpn          tu-kiem-tra 2024 2024-11-29
sub so-vhttdl         tu-kiem-tra 2024 2024-12-02
sub so-noi-vu         tu-kiem-tra 2024 2024-12-03
sub so-ldtbxh         tu-kiem-tra 2024 2024-12-04
sub so-y-te           tu-kiem-tra 2024 2024-12-04
sub ubnd-tp-bac-ninh  tu-kiem-tra 2024 2024-12-04
sub so-gddt           tu-kiem-tra 2024 2024-12-05
sub cong-an           tu-kiem-tra 2024 2024-12-05
sub ubnd-tu-son       tu-kiem-tra 2024 2024-12-05
sub ubnd-yen-phong    tu-kiem-tra 2024 2024-12-05
sub so-tttt           tu-kiem-tra 2024 2024-12-06         # late, 1 day
sub cuc-thong-ke      tu-kiem-tra 2024 2024-12-09         # late, 4 days
sub ubnd-que-vo       tu-kiem-tra 2024 2024-12-09         # late, 4 days
#   not yet on 09/12: same eight as the annual report

# ---- (1) national programme results 2024: due Wednesday 25/12/2024 -------
sub ubnd-tu-son       ket-qua-ctqg 2024 2024-12-06        # early

# ---- Indicator values 2021–2023 (province as a whole) --------------------
# Mục tiêu 1 — off track: 47.5% in 2023, the path to 60% in 2025 needs 52.5%.
obs m1.1  2021 45.0
obs m1.1  2022 46.2
obs m1.1  2023 47.5

# Mục tiêu 2
obs m2.1  2021 47.8            # on track towards 50%
obs m2.1  2022 48.9
obs m2.1  2023 49.4
obs m2.2  2021 21.5            # achieved: below the province's 20% already
obs m2.2  2022 20.6
obs m2.2  2023 19.8
obs m2.3  2021 22.0            # at risk: 24.1% against 24.5% on the path
obs m2.3  2022 23.2
obs m2.3  2023 24.1

# Mục tiêu 3
obs m3.1  2021 2.10            # off track: 2.0 times, path 1.9
obs m3.1  2022 2.05
obs m3.1  2023 2.00
# 2a victims detected / supported: 83.0%, 86.1%, 89.0% — on track to 90%
obs m3.2a.detected   2021 312
obs m3.2a.supported  2021 259
obs m3.2a.detected   2022 287
obs m3.2a.supported  2022 247
obs m3.2a.detected   2023 264
obs m3.2a.supported  2023 235
# 2b perpetrators detected / counselled: 51.1%, 55.4%, 55.4% — at risk
obs m3.2b.detected   2021 276
obs m3.2b.counselled 2021 141
obs m3.2b.detected   2022 251
obs m3.2b.counselled 2022 139
obs m3.2b.detected   2023 233
obs m3.2b.counselled 2023 129
# 3 trafficking victims in need / supported: 100% every year — achieved
obs m3.3.detected    2021 5
obs m3.3.supported   2021 5
obs m3.3.detected    2022 7
obs m3.3.supported   2022 7
obs m3.3.detected    2023 4
obs m3.3.supported   2023 4
# 4 public social assistance facilities / active on GBV: 25%, 25%, 50%
obs m3.4.facilities  2021 4
obs m3.4.active      2021 1
obs m3.4.facilities  2022 4
obs m3.4.active      2022 1
obs m3.4.facilities  2023 4
obs m3.4.active      2023 2

# Mục tiêu 4
obs m4.1  2021 118.2           # off track: sex ratio at birth far above 111
obs m4.1  2022 117.5
obs m4.1  2023 116.9
obs m4.2  2021 28.5            # achieved: below 42 per 100,000 live births
obs m4.2  2022 24.1
obs m4.2  2023 21.7
obs m4.3  2021 22.4            # at risk: 20.1 against 20.0 on the path 23 → 18
obs m4.3  2022 21.3
obs m4.3  2023 20.1
obs m4.4  2021 0               # no facility yet; the target is 2030
obs m4.4  2022 0
obs m4.4  2023 0

# Mục tiêu 5 (M5.1 by school year)
obs m5.1  2020-2021 0
obs m5.1  2021-2022 0
obs m5.1  2022-2023 1          # gender content taught: achieved
obs m5.3  2021 26.5            # on track towards 30%
obs m5.3  2022 27.8
obs m5.3  2023 29.2
obs m5.4a 2021 41.2            # off track: women among masters
obs m5.4a 2022 42.0
obs m5.4a 2023 42.9
obs m5.4b 2021 17.5            # off track: women among doctors
obs m5.4b 2022 18.6
obs m5.4b 2023 19.4

# Mục tiêu 6
obs m6.1  2021 52.0            # estimates; no 2023 value (survey in 2024)
obs m6.1  2022 54.5
obs m6.2  2021 85.0            # on track towards 100% in 2025
obs m6.2  2022 90.5
obs m6.2  2023 95.2
obs m6.3  2021 62.4            # off track: communes with ≥ 4 items a quarter
obs m6.3  2022 68.0
obs m6.3  2023 71.3
obs m6.4  2021 100.0           # achieved: monthly broadcasts maintained
obs m6.4  2022 100.0
obs m6.4  2023 100.0

echo "demo data: $n_sub reports and $n_obs values recorded in $DB"
