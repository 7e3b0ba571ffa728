# dondoc import: the files officers make in Excel — UTF-8 with or without
# BOM, UTF-16LE "Unicode Text", Windows-1258 from a Vietnamese Windows —
# all rows or none; every bad row as FILE:ROW: reason, exit 4, nothing
# written; the same file twice changes nothing; --dry-run writes nothing;
# --replace; and the sample files of docs/examples/import against the
# bundled Bắc Ninh rules.
. "$ROOT/tests/e2e/lib.sh"
command -v iconv >/dev/null || fail "iconv is missing"
command -v sqlite3 >/dev/null || fail "sqlite3 is missing"
printf 'rules_dir = "%s/tests/fixtures/rules"\ndatabase = "%s/t.db"\njurisdictions = { "imp" }\n' \
  "$ROOT" "$WORK" > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua --now 2024-12-06"
# Every stored row, recorded_at included: "nothing written" means this
# does not change.
dump() {
  sqlite3 "$WORK/t.db" "SELECT * FROM observations ORDER BY id; SELECT * FROM submissions ORDER BY id" > "$1"
}
same_dump() {  # BEFORE WHAT
  dump "$WORK/now.txt"
  cmp -s "$1" "$WORK/now.txt" || { diff "$1" "$WORK/now.txt"; fail "$2 changed the database"; }
}

# ---- Vietnamese headers, semicolons, decimal commas, UTF-8 with BOM -------
printf '\357\273\277STT;Chỉ tiêu;Kỳ;Giá trị (%%);Nguồn\n1;pct;2024;47,5;Sở A\n2;pct;2023;"46,2";\n3;leaders;2024;10;\n4;leaders.f;2024;4;\n5;leaders.m;2024;6;\n' > "$WORK/a.csv"
run 0 $C import "$WORK/a.csv" --dry-run
assert_contains "$WORK/out" "new      $WORK/a.csv:2  imp pct 2024 = 47,5"
assert_contains "$WORK/out" "dry run, nothing written: $WORK/a.csv (UTF-8 (BOM), semicolons, 5 rows): 5 new, 0 same, 0 changed"
assert_eq 0 "$(sqlite3 "$WORK/t.db" 'SELECT count(*) FROM observations')" "rows after --dry-run"
run 0 $C import "$WORK/a.csv"
assert_contains "$WORK/out" "imported $WORK/a.csv (UTF-8 (BOM), semicolons, 5 rows): 5 new, 0 same, 0 replaced"
assert_eq "47.5|Sở A" "$(sqlite3 "$WORK/t.db" "SELECT value, source FROM observations WHERE indicator = 'pct' AND period = '2024'")" "pct 2024"
assert_eq "46.2|import:a.csv" "$(sqlite3 "$WORK/t.db" "SELECT value, source FROM observations WHERE indicator = 'pct' AND period = '2023'")" "pct 2023"
# the same file again changes nothing
dump "$WORK/d1.txt"
run 0 $C import "$WORK/a.csv"
assert_contains "$WORK/out" "0 new, 5 same, 0 replaced"
same_dump "$WORK/d1.txt" "importing the same file twice"
# and check sees the imported value
run 0 --config "$WORK/cfg.lua" --now 2025-02-01 --json check --all
assert_eq 47.5 "$(json_query '[f["value"] for f in F if f.get("indicator") == "pct" and f["period"] == "2024"][0]')" "pct 2024 in check"

# ---- UTF-16LE, "Unicode Text": tabs, made here with iconv -----------------
printf 'Chỉ tiêu\tKỳ\tTử số\tMẫu số\tĐơn vị\nsv\t2024\t45\t50\t\nsv\t2024\t9\t10\thuyen-c\n' \
  | iconv -f UTF-8 -t UTF-16LE > "$WORK/u.body"
{ printf '\377\376'; cat "$WORK/u.body"; } > "$WORK/unicode.txt"
run 0 $C import "$WORK/unicode.txt"
assert_contains "$WORK/out" "(UTF-16LE, tabs, 2 rows): 4 new"
assert_eq "45.0 50.0" "$(sqlite3 "$WORK/t.db" "SELECT group_concat(value, ' ') FROM (SELECT value FROM observations WHERE indicator LIKE 'sv.%' AND unit = 'imp' ORDER BY indicator DESC)")" "sv's series"
assert_eq 9.0 "$(sqlite3 "$WORK/t.db" "SELECT value FROM observations WHERE indicator = 'sv.supported' AND unit = 'huyen-c'")" "a district's numerator"

# ---- Windows-1258: "CSV (Comma delimited)" on a Vietnamese Windows ---------
# iconv writes the tones as separate bytes (Chi + D2 for "Chỉ"), as Excel
# does; dondoc composes them again.
printf 'Chỉ tiêu,Kỳ,Giá trị,Nguồn\npct,2022,"44,5",Sở Nội vụ\n' \
  | iconv -f UTF-8 -t WINDOWS-1258 > "$WORK/ansi.csv"
od -An -tx1 "$WORK/ansi.csv" | tr -d '\n' | grep -q '69 d2' || fail "iconv did not decompose 'ỉ' as Excel does"
run 0 $C import "$WORK/ansi.csv"
assert_contains "$WORK/out" "(Windows-1258, commas, 1 row): 1 new"
assert_eq "44.5|Sở Nội vụ" "$(sqlite3 "$WORK/t.db" "SELECT value, source FROM observations WHERE indicator = 'pct' AND period = '2022'")" "a Windows-1258 row, composed to NFC"

# ---- a file that is not text: refused at its first bad byte ---------------
dump "$WORK/d2.txt"
printf 'indicator,period,value\npct,2021,4\0375\n' > "$WORK/ctl.csv"
run 4 $C import "$WORK/ctl.csv"
assert_contains "$WORK/err" "$WORK/ctl.csv:2: control character U+001F at column 11"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\020' > "$WORK/garbage.csv"
run 4 $C import "$WORK/garbage.csv"
assert_contains "$WORK/err" "$WORK/garbage.csv:1: byte 0x89 at column 1 is not UTF-8"
assert_contains "$WORK/err" "nothing imported"
printf 'indicator,period,value\npct,2021,45\npct,2020,4\344\n' > "$WORK/latin.csv"
run 4 $C import "$WORK/latin.csv"
assert_contains "$WORK/err" "$WORK/latin.csv:3: byte 0xE4 at column 11 is not UTF-8, and the file does not read as UTF-16LE or Vietnamese Windows-1258 text either"
same_dump "$WORK/d2.txt" "a refused file"

# ---- every bad row at its row; nothing written ----------------------------
cat > "$WORK/bad.csv" <<'EOF'
indicator,period,value,numerator,denominator,unit
m9.9,2021,1,,,
pct,2021,4 5,,,
pct,2021,120,,,
pct,2021,5,,,
pct,2024-Q3,50,,,
pct,2024,48,,,
sv,2021,,60,50,
pct,2021,50,,,ghost
leaders,2025,11,,,
leaders.f,2025,4,,,
leaders.m,2025,6,,,
sv.detected,2024,8,,,huyen-c
leaders,2021,2.5,,,
pct,2020,55,,,
pct,2020,56,,,
EOF
run 4 $C import "$WORK/bad.csv"
for want in \
  "bad.csv:2: unknown indicator 'm9.9'" \
  "bad.csv:3: value '4 5' is not a number between -1e15 and 1e15 (e.g. 47.5 or 47,5)" \
  "bad.csv:4: pct is a percentage; 120 is outside 0–100" \
  "bad.csv:5: pct: 5 is outside its plausible range 10 to 90 (checks.range)" \
  "bad.csv:6: period '2024-Q3' does not fit pct, a year indicator (e.g. 2024)" \
  "bad.csv:7: pct for imp 2024 is recorded as 47.5; the file gives 48 (--replace changes it)" \
  "bad.csv:8: numerator 60 is above denominator 50 (checks.num_le_den of sv)" \
  "bad.csv:9: unknown unit 'ghost': imp itself or one of its agencies" \
  "bad.csv:10: leaders.f + leaders.m do not add up to leaders for imp 2025: 4 (row 11) + 6 (row 12) = 10, but leaders is 11 (row 10) (checks.parts)" \
  "bad.csv:13: sv.supported 9 (stored) is above sv.detected 8 (row 13) for huyen-c 2024 (checks.num_le_den of sv)" \
  "bad.csv:14: leaders counts whole người: 2.5 is not a whole number (checks.whole)" \
  "bad.csv:16: row 15 already gives pct for imp 2020 = 55; this row gives 56"; do
  assert_contains "$WORK/err" "$WORK/$want"
done
assert_contains "$WORK/err" "dondoc: $WORK/bad.csv: 13 errors; nothing imported"
assert_eq 13 "$(grep -c "^$WORK/bad.csv:[0-9]*: " "$WORK/err")" "one line per bad row"
same_dump "$WORK/d2.txt" "a file with bad rows"

# ---- --dry-run and --replace ----------------------------------------------
printf 'indicator,period,value\npct,2024,48\npct,2021,45\n' > "$WORK/fix.csv"
run 4 $C import "$WORK/fix.csv" --dry-run
assert_contains "$WORK/out" "changed  $WORK/fix.csv:2  imp pct 2024 = 48 (was 47,5)"
assert_contains "$WORK/err" "fix.csv:2: pct for imp 2024 is recorded as 47.5; the file gives 48 (--replace changes it)"
run 0 $C import "$WORK/fix.csv" --dry-run --replace
assert_contains "$WORK/out" "dry run, nothing written: $WORK/fix.csv (UTF-8, commas, 2 rows): 1 new, 0 same, 1 changed"
same_dump "$WORK/d2.txt" "--dry-run"
run 0 $C import "$WORK/fix.csv" --replace
assert_contains "$WORK/out" "replaced $WORK/fix.csv:2  imp pct 2024 = 48 (was 47,5)"
assert_not_contains "$WORK/out" "fix.csv:3"
assert_contains "$WORK/out" "1 new, 0 same, 1 replaced"
assert_eq 48.0 "$(sqlite3 "$WORK/t.db" "SELECT value FROM observations WHERE indicator = 'pct' AND period = '2024'")" "the replaced value"

# ---- received reports: dd/mm/yyyy, the first receipt counts -----------------
printf 'Cơ quan,Báo cáo,Kỳ,Ngày nhận,Ghi chú\nso-a,bc-nam,2024,04/12/2024,CV 12/SA\nso-b,bc-nam,2024-H1,3/6/2024,\n' > "$WORK/s.csv"
run 0 $C import "$WORK/s.csv"
assert_contains "$WORK/out" "(UTF-8, commas, 2 rows): 2 new"
run 0 $C --json check --all
assert_eq on_time "$(json_query '[f["kind"] for f in F if f.get("agency") == "so-a" and f.get("obligation") == "bc-nam" and f["period"] == "2024"][0]')" "so-a's report after import"
dump "$WORK/d3.txt"
run 0 $C import "$WORK/s.csv"
assert_contains "$WORK/out" "0 new, 2 same"
same_dump "$WORK/d3.txt" "importing the same receipts twice"
printf 'agency,obligation,period,received\nso-a,bc-nam,2024,05/12/2024\nhuyen-c,bc-nam,2024,01/12/2024\nso-b,bc-nam,2024,07/12/2024\n' > "$WORK/s2.csv"
run 4 $C import "$WORK/s2.csv"
assert_contains "$WORK/err" "s2.csv:2: so-a bc-nam 2024 is recorded as received 04/12/2024; the file gives 05/12/2024"
assert_contains "$WORK/err" "s2.csv:3: huyen-c does not owe bc-nam for 2024; it is owed by: so-a, so-b"
assert_contains "$WORK/err" "s2.csv:4: received 2024-12-07 is after --now (2024-12-06): a report cannot be received in the future"
same_dump "$WORK/d3.txt" "refused receipts"
printf 'agency,obligation,period,received\nso-a,bc-nam,2024,05/12/2024\n' > "$WORK/s3.csv"
run 0 $C import "$WORK/s3.csv" --replace
assert_contains "$WORK/out" "kept     $WORK/s3.csv:2  imp so-a bc-nam 2024 received 05/12/2024 (04/12/2024 stays: the first receipt counts)"
same_dump "$WORK/d3.txt" "a later receipt date"

# ---- usage, database errors, observe's share of the checks ----------------
run 2 $C import
echo "not a database" > "$WORK/bad.db"
run 5 $C --db "$WORK/bad.db" import "$WORK/s.csv"
assert_contains "$WORK/err" "bad.db"
run 4 $C observe pct 2019 95
assert_contains "$WORK/err" "pct: 95 is outside its plausible range 10 to 90 (checks.range)"

# ---- the sample files, against the bundled Bắc Ninh rules ------------------
B="--config $ROOT/config/dondoc.lua --db $WORK/bn.db"
for f in chi-tieu-2024.csv bao-cao-nhan.csv observations.csv; do
  run 0 $B --now 2024-12-20 import "$ROOT/docs/examples/import/$f"
done
assert_contains "$WORK/out" "(UTF-8, commas, 5 rows): 4 new, 3 same"
run 0 $B --now 2024-12-26 --json check --all
assert_eq 48.6 "$(json_query '[f["value"] for f in F if f.get("indicator") == "m1.1" and f["period"] == "2024"][0]')" "m1.1 2024 from the sample"
assert_eq 89.64 "$(json_query '[round(f["value"], 2) for f in F if f.get("indicator") == "m3.2a" and f["period"] == "2024"][0]')" "m3.2a 2024 = 100 × 251 / 280"
assert_eq late "$(json_query '[f["kind"] for f in F if f.get("agency") == "so-khdt" and f.get("obligation") == "ban-vstbpn" and f["period"] == "2024"][0]')" "so-khdt's report from the sample"
exit 0
