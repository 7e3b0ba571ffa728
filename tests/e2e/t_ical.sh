# dondoc calendar (issue 12, item 5): Bắc Ninh's shipped rules and the demo
# data (scripts/demo-data.sh), exported as iCalendar and read back by a real
# parser (Debian's python3-icalendar): the events (each report instance on
# its due day, each campaign window as whole days with DTEND the day after),
# the alarms on the days of the policy's reminders, UIDs that stay the same
# across exports and when an extension moves the event, an exemption that
# cancels it, the text escaped and folded at 75 octets without splitting a
# character; -o replaces the file whole; an unknown agency exits 4.
. "$ROOT/tests/e2e/lib.sh"
PY=/usr/bin/python3
C="--config $ROOT/config/dondoc.lua --db $WORK/d.db"
sh "$ROOT/scripts/demo-data.sh" "$DONDOC" "$WORK/d.db" >/dev/null || fail "demo data"

# ical.py FILE CHECK… : parse FILE with icalendar and run each CHECK
# (a Python expression that must be true, or a statement); E is the
# list of events, by_id(obligation-or-campaign, period[, agency]) one.
cat > "$WORK/ical.py" <<'PY'
import sys, datetime, icalendar
raw = open(sys.argv[1], 'rb').read()
# the text itself: CRLF lines of at most 75 octets, each whole UTF-8
assert raw.endswith(b'\r\n'), 'no CRLF at the end'
lines = raw[:-2].split(b'\r\n')
for n, l in enumerate(lines, 1):
    assert b'\n' not in l and b'\r' not in l, f'line {n}: bare line break'
    assert len(l) <= 75, f'line {n}: {len(l)} octets'
    l.decode('utf-8')               # raises on a split character
    assert l != b' ', f'line {n}: an empty continuation'
cal = icalendar.Calendar.from_ical(raw)
E = list(cal.walk('VEVENT'))
def by_id(item, period, agency=None):
    found = [e for e in E if str(e.get('X-DONDOC-OBLIGATION', e.get('X-DONDOC-CAMPAIGN'))) == item
             and str(e['X-DONDOC-PERIOD']) == period
             and (agency is None or str(e.get('X-DONDOC-AGENCY')) == agency)]
    assert len(found) == 1, f'{item} {period} {agency}: {len(found)} events'
    return found[0]
def triggers(e):
    return [a.decoded('TRIGGER') for a in e.walk('VALARM')]
def T(v):                            # a property as written, as text
    b = v.to_ical()
    return b.decode('utf-8') if isinstance(b, bytes) else b
D = datetime.date
H = lambda h: datetime.timedelta(hours=h)
for check in sys.argv[2:]:
    try:
        ok = eval(check)
    except SyntaxError:
        exec(check); ok = True
    if not ok:
        print('FAILED:', check); sys.exit(1)
PY
ical() { $PY "$WORK/ical.py" "$@" || fail "calendar check on $1"; }

# ---- one agency, on 20/11/2024 (the Action Month in its 6th day) ----------
# (the 2025 Action Month is the merged province's, rules/bac-ninh-2025: Bắc
# Ninh's own campaigns end on 30/06/2025; the half-year of 2025 whose date
# the province is still to set is left out)
run 0 $C --now 2024-11-20 calendar --agency so-tai-chinh -o "$WORK/tc.ics"
assert_contains "$WORK/out" "events written to $WORK/tc.ics"
ical "$WORK/tc.ics" \
  'str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH"' \
  'str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"' \
  '[str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]' \
  'T(cal.walk("STANDARD")[0]["TZOFFSETTO"]) == "+0700"' \
  'str(cal["X-WR-CALNAME"]) == "Sở Tài chính — hạn báo cáo (Tỉnh Bắc Ninh)"' \
  'all(str(e["X-DONDOC-AGENCY"]) == "so-tai-chinh" for e in E if "X-DONDOC-OBLIGATION" in e)' \
  'sorted((str(e.get("X-DONDOC-OBLIGATION", e.get("X-DONDOC-CAMPAIGN"))), str(e["X-DONDOC-PERIOD"])) for e in E) == [("action-month", "2024"), ("ban-vstbpn", "2024"), ("ban-vstbpn", "2024-H1"), ("domestic-violence-month", "2024"), ("domestic-violence-month", "2025"), ("tu-kiem-tra", "2024")]' \
  'all(e["DTSTAMP"].dt == datetime.datetime(2024, 11, 19, 17, 0, tzinfo=datetime.timezone.utc) for e in E)' \
  '(e := by_id("ban-vstbpn", "2024")) is not None and e.decoded("DTSTART") == D(2024, 12, 5) and e.decoded("DTEND") == D(2024, 12, 6)' \
  'type(by_id("ban-vstbpn", "2024").decoded("DTSTART")) is D' \
  'str(by_id("ban-vstbpn", "2024")["SUMMARY"]) == "Báo cáo chuyên đề kết quả hoạt động của Ban vì sự tiến bộ của phụ nữ (Phụ lục 02) — kỳ 2024"' \
  '"Căn cứ: QĐ 373/QĐ-UBND ngày 08/4/2024, mục V.2; Phụ lục 02 (mục 4: kết quả các tháng hành động)." in str(by_id("ban-vstbpn", "2024")["DESCRIPTION"])' \
  '"Hạn cuối: thứ Năm 05/12/2024.\n" in str(by_id("ban-vstbpn", "2024")["DESCRIPTION"])' \
  'triggers(by_id("ban-vstbpn", "2024")) == [H(-7 * 24 + 8), H(-24 + 8), H(8), H(24 + 8)]' \
  'len(A := by_id("tu-kiem-tra", "2024").walk("VALARM")) == 4 and all(str(a["ACTION"]) == "DISPLAY" and "Báo cáo kết quả tự kiểm tra" in str(a["DESCRIPTION"]) for a in A)' \
  'str(by_id("ban-vstbpn", "2024").walk("VALARM")[0]["DESCRIPTION"]).startswith("Còn 7 ngày đến hạn (05/12/2024): ")' \
  'int(by_id("ban-vstbpn", "2024")["SEQUENCE"]) == 0 and "LAST-MODIFIED" not in by_id("ban-vstbpn", "2024")' \
  '(e := by_id("ban-vstbpn", "2024-H1")) is not None and str(e["SUMMARY"]).startswith("✓ ") and triggers(e) == [] and "Đã nhận ngày 04/06/2024, đúng hạn." in str(e["DESCRIPTION"])' \
  '(e := by_id("action-month", "2024")) is not None and e.decoded("DTSTART") == D(2024, 11, 15) and e.decoded("DTEND") == D(2024, 12, 16) and triggers(e) == []' \
  'T(by_id("action-month", "2024")["CATEGORIES"]) == "Tháng hành động"' \
  '(e := by_id("domestic-violence-month", "2025")) is not None and e.decoded("DTSTART") == D(2025, 6, 1) and e.decoded("DTEND") == D(2025, 7, 1)' \
  'str(by_id("domestic-violence-month", "2024")["SUMMARY"]) == "Tháng hành động quốc gia về phòng, chống bạo lực gia đình năm 2024"' \
  'triggers(by_id("domestic-violence-month", "2025")) == [H(-6 * 24 + 8), H(24 + 8)]' \
  'all(str(e["STATUS"]) == "CONFIRMED" and str(e["TRANSP"]) == "TRANSPARENT" for e in E)'
# the UID is the documented recipe (docs/calendar.md) over the instance
ical "$WORK/tc.ics" \
  'import hashlib' \
  'uid = lambda *f: "dondoc-" + hashlib.sha256(b"".join(x.encode() + b"\0\x1f" for x in f)).hexdigest()[:32] + "@bacninh.example.gov.vn"' \
  'str(by_id("ban-vstbpn", "2024")["UID"]) == uid("report", "bac-ninh", "ban-vstbpn", "so-tai-chinh", "2024")' \
  'str(by_id("action-month", "2024")["UID"]) == uid("campaign", "bac-ninh", "action-month", "2024")' \
  'len(set(str(e["UID"]) for e in E)) == len(E)'
# raw text: the comma and semicolon are escaped, Vietnamese folded whole
assert_contains "$WORK/tc.ics" 'SUMMARY:Tháng hành động quốc gia về phòng\, chống bạo lực g'
assert_contains "$WORK/tc.ics" "$(printf 'DTSTART;VALUE=DATE:20241115\r\nDTEND;VALUE=DATE:20241216\r')"
# -o went through a temporary file: none left, the file readable by others
assert_eq "tc.ics" "$(cd "$WORK" && ls tc.ics*)" "files beside the calendar"
assert_eq "-rw-r--r--" "$(umask 022; ls -l "$WORK/tc.ics" | cut -c1-10)" "mode"

# ---- the same export again: the same bytes, so the same UIDs --------------
run 0 $C --now 2024-11-20 calendar --agency so-tai-chinh
cmp -s "$WORK/out" "$WORK/tc.ics" || fail "a second export differs"
# later: the same events (by UID), alarms only ahead, a later DTSTAMP
run 0 $C --now 2024-12-04 calendar --agency so-tai-chinh -o "$WORK/tc2.ics"
ical "$WORK/tc2.ics" \
  'import icalendar' \
  'old = icalendar.Calendar.from_ical(open(sys.argv[1].replace("tc2", "tc"), "rb").read())' \
  'sorted(str(e["UID"]) for e in E) == sorted(str(e["UID"]) for e in old.walk("VEVENT"))' \
  'triggers(by_id("ban-vstbpn", "2024")) == [H(-24 + 8), H(8), H(24 + 8)]' \
  'by_id("ban-vstbpn", "2024")["DTSTAMP"].dt == datetime.datetime(2024, 12, 3, 17, 0, tzinfo=datetime.timezone.utc)'

# ---- an extension moves the event; an exemption cancels it: same UIDs -----
run 0 $C --now 2024-12-03 extend so-tai-chinh ban-vstbpn 2024 --until 2024-12-20 --letter "125/SNV-BĐG" --reason "Chờ số liệu"
run 0 $C --now 2024-12-04 exempt so-tai-chinh tu-kiem-tra 2024 --letter "130/SNV-BĐG"
run 0 $C --now 2024-12-09 calendar --agency so-tai-chinh -o "$WORK/tc3.ics"
ical "$WORK/tc3.ics" \
  'import icalendar' \
  'old = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(open(sys.argv[1].replace("tc3", "tc"), "rb").read()).walk("VEVENT")}' \
  'sorted(str(e["UID"]) for e in E) == sorted(old)' \
  '(e := by_id("ban-vstbpn", "2024")) is not None and e.decoded("DTSTART") == D(2024, 12, 20) and e.decoded("DTEND") == D(2024, 12, 21)' \
  'old[str(by_id("ban-vstbpn", "2024")["UID"])].decoded("DTSTART") == D(2024, 12, 5)' \
  'int(by_id("ban-vstbpn", "2024")["SEQUENCE"]) == 20241203' \
  'by_id("ban-vstbpn", "2024")["LAST-MODIFIED"].dt == datetime.datetime(2024, 12, 2, 17, 0, tzinfo=datetime.timezone.utc)' \
  '"Đã gia hạn theo văn bản 125/SNV-BĐG (hạn ban đầu 05/12/2024)." in str(by_id("ban-vstbpn", "2024")["DESCRIPTION"])' \
  'triggers(by_id("ban-vstbpn", "2024")) == [H(-7 * 24 + 8), H(-24 + 8), H(8), H(3 * 24 + 8)]' \
  '(e := by_id("tu-kiem-tra", "2024")) is not None and str(e["STATUS"]) == "CANCELLED" and int(e["SEQUENCE"]) == 20241204 and triggers(e) == []' \
  'str(by_id("tu-kiem-tra", "2024")["SUMMARY"]).startswith("Miễn: ")'

# ---- every agency: the same instances and dates as check --all -----------
run 0 $C --now 2024-12-09 calendar -o "$WORK/all.ics"
run 0 $C --now 2024-12-09 --json check --all
cp "$WORK/out" "$WORK/check.json"
ical "$WORK/all.ics" \
  'import json' \
  'F = json.load(open(sys.argv[1].replace("all.ics", "check.json")))' \
  'want = sorted((f["agency"], f["obligation"], f["period"], f["due"]) for f in F if f.get("obligation") and f["due"])' \
  'got = sorted((str(e["X-DONDOC-AGENCY"]), str(e["X-DONDOC-OBLIGATION"]), str(e["X-DONDOC-PERIOD"]), e.decoded("DTSTART").isoformat()) for e in E if "X-DONDOC-OBLIGATION" in e)' \
  'got == want and len(got) > 60' \
  'str(cal["X-WR-CALNAME"]) == "Tỉnh Bắc Ninh — hạn báo cáo và tháng hành động"' \
  'str(by_id("ban-vstbpn", "2024", "so-tai-chinh")["SUMMARY"]).startswith("Sở Tài chính: Báo cáo chuyên đề")' \
  'triggers(by_id("ket-qua-ctqg", "2024", "so-noi-vu")) == [H(-7 * 24 + 8), H(-24 + 8), H(8), H(24 + 8)]' \
  'import hashlib' \
  'str(by_id("ban-vstbpn", "2024", "so-tai-chinh")["UID"]) == "dondoc-" + hashlib.sha256(b"report\0\x1fbac-ninh\0\x1fban-vstbpn\0\x1fso-tai-chinh\0\x1f2024\0\x1f").hexdigest()[:32] + "@bacninh.example.gov.vn"'

# a year ahead of 01/06/2026 is 2027, whose holidays are only computed:
# said once, as check says it
run 0 $C --now 2026-06-01 calendar --agency so-noi-vu
assert_eq 1 "$(grep -c 'warning: 2027 has no announced civil-service schedule' "$WORK/err")" "computed-year warning"
run 0 $C --now 2024-12-09 calendar --agency so-noi-vu
assert_not_contains "$WORK/err" "warning"

# ---- mistakes ------------------------------------------------------------
cp "$WORK/all.ics" "$WORK/keep.ics"
run 4 $C --now 2024-12-09 calendar --agency so-khong-co -o "$WORK/keep.ics"
assert_contains "$WORK/err" "unknown agency 'so-khong-co'"
cmp -s "$WORK/all.ics" "$WORK/keep.ics" || fail "the file changed on an error"
run 4 $C --now 2024-12-09 calendar --jurisdiction nghe-an
assert_contains "$WORK/err" "unknown jurisdiction 'nghe-an'"
run 4 $C --now 2024-12-09 calendar -o "$WORK/no/such/dir/x.ics"
assert_contains "$WORK/err" "$WORK/no/such/dir/x.ics: cannot write"
run 2 $C calendar extra
# a jurisdiction whose rules fail leaves the -o file as it was (exit 3)
cp -R "$ROOT/rules" "$WORK/rules"
echo 'agency "x" { nam = "X" }' >> "$WORK/rules/bac-ninh/agencies.lua"
printf 'rules_dir = "rules"\ndatabase = "d.db"\njurisdictions = { "bac-ninh" }\nmail = { from = "ban@bacninh.example.gov.vn" }\n' > "$WORK/bad.lua"
run 3 --config "$WORK/bad.lua" --now 2024-12-09 calendar -o "$WORK/keep.ics"
assert_contains "$WORK/err" "left as it was"
cmp -s "$WORK/all.ics" "$WORK/keep.ics" || fail "the file changed after a rule error"

# ---- no leak, no invalid access (valgrind; the sanitizer builds check
# themselves) -------------------------------------------------------------
case $DONDOC in
*/asan/*|*/clang/*) ;;
*)
  for args in "calendar --agency so-noi-vu" "calendar -o $WORK/vg.ics" "calendar --agency so-khong-co"; do
    # shellcheck disable=SC2086
    valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
      --error-exitcode=99 "$DONDOC" $C --now 2024-12-09 $args >"$WORK/out" 2>"$WORK/err"
    [ $? -ne 99 ] || { cat "$WORK/err"; fail "valgrind found errors in: dondoc $args"; }
  done
  ;;
esac
