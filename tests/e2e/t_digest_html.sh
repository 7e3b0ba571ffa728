# The secretariat's digest of Bắc Ninh on 06/12/2024 (the real rules and
# the demo data, scripts/demo-data.sh), opened in headless Chromium at a
# phone's width (360 px) and a desktop's (1000 px). Assertions are on what
# rendered — the DOM after layout, read back from a copy of the email with
# a measuring script added (the email itself carries none) — and checked
# against `check --all --json` of the same day:
#   - the reports' table: a column per report and period in the window, a
#     row per agency, each cell saying what check says (days overdue, the
#     day it arrived, the deadline to come, — when not owed) in its status
#     colour (red darker with age, green, amber, …), the totals per row
#     and column right, the agencies that owe most first;
#   - the indicators' table: every indicator, its status in words and
#     colour, most worrying first, a rendered SVG sparkline and the
#     numbers beside it as text;
#   - on a phone the page is no wider than the screen (a wide table
#     scrolls inside its box) and each agency's total shows unscrolled; on
#     a desktop the reports' table fits;
#   - no script error nor failed load (the capture is itself checked on a
#     page with an error).
# Screenshots at both widths, and the HTML, are kept in build/artifacts/.
. "$ROOT/tests/e2e/lib.sh"
CHROMIUM=$(command -v chromium || true)
[ -n "$CHROMIUM" ] || fail "chromium is not installed (scripts/install-deps.sh installs it)"
PY=/usr/bin/python3
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "$ROOT/rules"
database = "d.db"
outbox_dir = "box"
mail = { from = "ban-vstbpn@bacninh.example.gov.vn" }
jurisdictions = { "bac-ninh" }
CFG
C="--config $WORK/cfg.lua"
DONDOC_CONFIG="$WORK/cfg.lua" sh "$ROOT/scripts/demo-data.sh" "$DONDOC" "$WORK/d.db" \
  > "$WORK/demo.out" 2>&1 || { cat "$WORK/demo.out"; fail "demo data"; }
run 0 $C --now 2024-12-06 check --all --json
cp "$WORK/out" "$WORK/all.json"
run 0 $C rules list
cp "$WORK/out" "$WORK/rules.txt"
run 0 $C --now 2024-12-06T08:00 run --quiet

# the digest's HTML part, and a test copy with the measuring scripts
$PY - "$WORK" <<'PY' || fail "no digest"
import email, glob, re, sys
from email import policy
w = sys.argv[1]
found = []
for f in sorted(glob.glob(w + '/box/mail/*.eml')):
    m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
    if 'Tổng hợp ngày 06/12/2024' in str(m['Subject']):
        found.append(m)
assert len(found) == 1, len(found)
m = found[0]
open(w + '/subject.txt', 'w').write(str(m['Subject']))
html = m.get_body(('html',)).get_content()
open(w + '/digest.html', 'w').write(html)
# what a mail client keeps: inline styles, nothing to run or fetch
for bad in ('<script', '<style', '<link', ' class=', 'src=', 'href=', 'url(', '@import'):
    assert bad not in html, bad
assert re.search(r'<(td|th)>', html) is None, 'an unstyled cell'
PY
cat > "$WORK/capture.html" <<'JS'
<script>
window.__errors = [];
window.addEventListener('error', function (e) {
  window.__errors.push('error: ' + (e.message || (e.target && (e.target.src || e.target.tagName)) || e.type));
}, true);
window.addEventListener('unhandledrejection', function (e) { window.__errors.push('rejection: ' + e.reason); });
(function () {
  var ce = console.error;
  console.error = function () {
    window.__errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    ce.apply(console, arguments);
  };
})();
</script>
JS
cat > "$WORK/measure.html" <<'JS'
<script>
(function () {
  function box(el) { var r = el.getBoundingClientRect(); return {left: r.left, right: r.right, w: r.width, h: r.height}; }
  function svgInfo(c) {
    var s = c.querySelector('svg');
    if (!s) return null;
    var p = s.querySelector('polyline');
    return {box: box(s), polylines: s.querySelectorAll('polyline').length,
            points: p ? p.getAttribute('points') : '', line: p ? box(p) : null,
            circles: s.querySelectorAll('circle').length, lines: s.querySelectorAll('line').length,
            label: s.getAttribute('aria-label')};
  }
  function cells(tr) {
    return Array.prototype.map.call(tr.children, function (c) {
      var s = getComputedStyle(c);
      return {tag: c.tagName, text: c.innerText.trim(), bg: s.backgroundColor, fg: s.color,
              box: box(c), svg: svgInfo(c)};
    });
  }
  var out = {errors: window.__errors, width: window.innerWidth,
             docWidth: document.documentElement.scrollWidth,
             docHeight: document.documentElement.scrollHeight, tables: [],
             legend: Array.prototype.map.call(document.querySelectorAll('ol')[0] ?
               document.querySelectorAll('ol')[0].children : [], function (li) { return li.innerText.trim(); })};
  document.querySelectorAll('table').forEach(function (t) {
    var b = t.parentElement;
    var info = {table: box(t), scrollWidth: t.scrollWidth, boxClient: b.clientWidth,
                boxScroll: b.scrollWidth, box: box(b), overflowX: getComputedStyle(b).overflowX,
                head: [], rows: [], foot: []};
    t.querySelectorAll('thead tr').forEach(function (tr) { info.head.push(cells(tr)); });
    t.querySelectorAll('tbody tr').forEach(function (tr) { info.rows.push(cells(tr)); });
    t.querySelectorAll('tfoot tr').forEach(function (tr) { info.foot.push(cells(tr)); });
    out.tables.push(info);
  });
  parent.document.getElementById('dondoc-measure').textContent = JSON.stringify(out);
})();
</script>
JS
# Chromium's window is at least 500 px wide, so each page is shown in an
# iframe exactly WIDTH px wide (a phone's layout viewport); the frame's
# script writes its measurements into the outer page, which --dump-dom
# prints. test.html: the digest with the capture first in <head> and the
# measurement last in <body>; broken.html: the same with a script error.
$PY - "$WORK" <<'PY' || fail "test copies"
import sys
w = sys.argv[1]
html = open(w + '/digest.html').read()
cap, meas = open(w + '/capture.html').read(), open(w + '/measure.html').read()
assert html.count('<head>') == 1 and html.count('</body>') == 1
test = html.replace('<head>', '<head>' + cap, 1).replace('</body>', meas + '</body>', 1)
open(w + '/test.html', 'w').write(test)
broken = test.replace(meas, '<script>undefinedFunction();</script>' + meas, 1)
open(w + '/broken.html', 'w').write(broken)
PY
frame() {  # PAGE WIDTH HEIGHT OUT: PAGE in a WIDTH × HEIGHT iframe
  $PY - "$WORK/$1" "$2" "$3" "$WORK/$4" <<'PY' || fail "frame $1"
import html, sys
page, width, height, out = sys.argv[1:]
open(out, 'w').write(
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
    '<body style="margin:0"><pre id="dondoc-measure" style="display:none"></pre>'
    f'<iframe style="border:0;display:block;width:{width}px;height:{height}px" '
    f'srcdoc="{html.escape(open(page).read(), quote=True)}"></iframe></body></html>')
PY
}
browse() {  # PAGE ARGS… : chromium on $WORK/PAGE
  page=$1; shift
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --user-data-dir="$WORK/profile" "$@" \
    "file://$WORK/$page" 2>>"$WORK/chromium.err"
}
for width in 360 1000; do
  frame test.html $width 900 "measure-$width.html"
  browse "measure-$width.html" --window-size=1000,900 --virtual-time-budget=5000 \
    --dump-dom > "$WORK/dom-$width.html" ||
    { cat "$WORK/chromium.err"; fail "chromium failed at $width px"; }
done
frame broken.html 1000 900 measure-broken.html
browse measure-broken.html --window-size=1000,900 --virtual-time-budget=5000 \
  --dump-dom > "$WORK/dom-broken.html" || fail "chromium failed on the broken copy"

$PY - "$WORK" <<'PY' || fail "the rendered digest"
import colorsys, html as H, json, re, sys
w = sys.argv[1]
def measured(name):
    dom = open(f'{w}/{name}').read()
    m = re.search(r'<pre id="dondoc-measure"[^>]*>(.*?)</pre>', dom, re.S)
    assert m, f'{name}: no measurement (did the page load?)'
    return json.loads(H.unescape(m.group(1)))

# the capture catches errors: the broken copy reports one, the real none
assert any('undefinedFunction' in e for e in measured('dom-broken.html')['errors'])

F = json.load(open(w + '/all.json'))
names, order = {}, {}
for line in open(w + '/rules.txt'):
    m = re.match(r'\s+(agency|obligation)\s+(\S+)\s+(.+?)\s*$', line)
    if m and m.group(1) == 'agency':
        names[m.group(2)] = m.group(3)
    elif m:
        order[m.group(2)] = (len(order), m.group(3))

def rgb(css):
    m = re.match(r'rgba?\((\d+), (\d+), (\d+)', css)
    assert m, css
    return tuple(int(x) / 255 for x in m.groups())
def hue(css):
    h, l, s = colorsys.rgb_to_hls(*rgb(css))
    return h * 360, l, s
def family(css):
    h, l, s = hue(css)
    if s < 0.15 or l > 0.97:
        return 'grey'
    if h < 18 or h > 340: return 'red'
    if h < 44: return 'amber'
    if h < 65: return 'yellow'
    if h < 170: return 'green'
    if 190 < h < 250: return 'blue'
    return f'other({h:.0f})'
def ddmm(iso): return f'{iso[8:10]}/{iso[5:7]}'
def vn_number(v):
    s = f'{v:.2f}'.rstrip('0').rstrip('.')
    return s.replace('.', ',')

# ---- what check says: the report columns of the window -----------------
from datetime import date, timedelta
recent = (date(2024, 12, 6) - timedelta(days=31)).isoformat()
obl = [f for f in F if f.get('obligation') and f['kind'] != 'unassigned']
cols = {}
for f in obl:
    opens = f['kind'] in ('overdue', 'due_soon') or (
        f['kind'] in ('on_time', 'late') and (f['due'] >= recent or f['received'] >= recent))
    if opens:
        cols.setdefault((f['obligation'], f['period']), f['due'])
col_due = cols
cols = sorted(cols, key=lambda k: (col_due[k], order[k[0]][0], k[1]))
assert len(cols) == 4, cols        # the four reports of the issue
cells = {}
for f in obl:
    if (f['obligation'], f['period']) in cols:
        cells[(f['agency'], cols.index((f['obligation'], f['period'])))] = f
agencies = sorted({a for a, _ in cells})
def debt(a):
    mine = [f for (x, _), f in cells.items() if x == a]
    return (-sum(f['kind'] == 'overdue' for f in mine),
            -sum(f['days'] for f in mine if f['kind'] == 'overdue'),
            -sum(f['kind'] == 'due_soon' for f in mine), names[a])
agencies.sort(key=debt)
def expect_text(f):
    k = f['kind']
    if k == 'overdue': return f"quá {f['days']} ngày"
    if k == 'due_soon': return 'hạn hôm nay' if f['days'] == 0 else f"còn {f['days']} ngày"
    if k in ('on_time', 'late'): return '✓ ' + ddmm(f['received'])
    if k == 'upcoming': return 'hạn ' + ddmm(f['due'])
    raise AssertionError(k)
tint = {'overdue': 'red', 'due_soon': 'yellow', 'on_time': 'green', 'late': 'amber'}
overdue_total = sum(f['kind'] == 'overdue' for f in cells.values())
subject = open(w + '/subject.txt').read()
assert f': {overdue_total} báo cáo quá hạn' in subject, subject

status_words = {'off_track': 'Chậm tiến độ', 'at_risk': 'Có nguy cơ không đạt',
                'no_data': 'Chưa có số liệu', 'on_track': 'Đúng lộ trình',
                'achieved': 'Đã đạt mục tiêu'}
status_tint = {'off_track': 'red', 'at_risk': 'amber', 'no_data': 'grey',
               'on_track': 'green', 'achieved': 'green'}
severity = list(status_words)
inds = [f for f in F if f.get('indicator')]
assert len(inds) >= 15, len(inds)

for width in (360, 1000):
    M = measured(f'dom-{width}.html')
    assert M['errors'] == [], M['errors']
    assert M['width'] == width, (M['width'], width)
    # the page is no wider than the screen; a wider table scrolls in its box
    assert M['docWidth'] <= width, f"{width}px: page {M['docWidth']}px wide"
    assert len(M['tables']) == 2, len(M['tables'])
    for t in M['tables']:
        assert t['box']['right'] <= width + 0.5, (width, t['box'])
        assert t['table']['h'] > 100, t['table']
        if t['scrollWidth'] > t['boxClient']:
            assert t['overflowX'] in ('auto', 'scroll'), t['overflowX']
            assert t['boxScroll'] >= t['scrollWidth'], 'content cut off'
    reports, indicators = M['tables']

    # ---- reports: columns, rows, cells, colours, totals -------------------
    head = reports['head'][0]
    assert [c['text'] for c in head[:2]] == ['Cơ quan', 'Quá hạn'], head[:2]
    assert len(head) == 2 + len(cols), len(head)
    for i, (ob, period) in enumerate(cols):
        want = f'({i + 1})\nkỳ {period}, hạn {ddmm(col_due[(ob, period)])}'
        assert head[2 + i]['text'] == want, (head[2 + i]['text'], want)
        assert M['legend'][i].startswith(order[ob][1] + f' — kỳ {period}, hạn'), M['legend'][i]
    rows = reports['rows']
    assert [r[0]['text'] for r in rows] == [names[a] for a in agencies], \
        [r[0]['text'] for r in rows]
    darkest = {}
    for r, a in zip(rows, agencies):
        owed = 0
        for i in range(len(cols)):
            c, f = r[2 + i], cells.get((a, i))
            if f is None:
                assert c['text'] == '—', (a, i, c['text'])
                continue
            assert c['text'] == expect_text(f), (a, i, c['text'], f['kind'])
            want = tint.get(f['kind'])
            if want:
                assert family(c['bg']) == want, (a, i, f['kind'], c['bg'], family(c['bg']))
            if f['kind'] == 'overdue':
                owed += 1
                darkest[f['days']] = hue(c['bg'])[1]
        assert r[1]['text'] == str(owed), (a, r[1]['text'], owed)
        if owed:
            assert family(r[1]['bg']) == 'red', r[1]['bg']
        if width == 360:     # name and total show on a phone unscrolled
            assert r[1]['box']['right'] <= width, (a, r[1]['box'])
    # red darker with age: 184 days late is darker than 1 day late
    assert 184 in darkest and 1 in darkest, darkest
    assert darkest[184] < darkest[1] - 0.2, darkest
    foot_over, foot_got = reports['foot']
    assert foot_over[0]['text'] == 'Quá hạn' and foot_got[0]['text'] == 'Đã nhận'
    assert foot_over[1]['text'] == str(overdue_total), foot_over[1]['text']
    for i in range(len(cols)):
        col = [f for (a, k), f in cells.items() if k == i]
        assert foot_over[2 + i]['text'] == str(sum(f['kind'] == 'overdue' for f in col))
        got = sum(f['kind'] in ('on_time', 'late') for f in col)
        assert foot_got[2 + i]['text'] == f'{got}/{len(col)}', (foot_got[2 + i]['text'], got, len(col))
    assert overdue_total == sum(int(r[1]['text']) for r in rows)
    if width == 1000:        # at a glance on a desktop: no scrolling
        assert reports['scrollWidth'] <= reports['boxClient'], reports['scrollWidth']

    # ---- indicators: status, colour, order, sparkline, numbers ------------
    irows = indicators['rows']
    assert len(irows) == len(inds), (len(irows), len(inds))
    by_title = {f['title']: f for f in inds}
    last = 0
    for r in irows:
        title = r[0]['text'].split('\n')[0]
        f = by_title[title]
        assert r[1]['text'] == status_words[f['kind']], (title, r[1]['text'])
        assert family(r[1]['bg']) == status_tint[f['kind']], (title, r[1]['bg'])
        assert severity.index(f['kind']) >= last, f'{title} out of order'
        last = severity.index(f['kind'])
        s = r[4]['svg']
        assert s and s['box']['w'] >= 90 and s['box']['h'] >= 20, (title, s)
        assert s['lines'] == 1 and s['circles'] == 1, (title, s)
        numbers = r[4]['text'].replace('\xa0', ' ')
        if f.get('value') is not None:
            v = ('có' if f['value'] else 'chưa') if f['direction'] == 'yes_no' else vn_number(f['value'])
            assert f"{f['period']}: {v}" in numbers, (title, numbers, v)
        n = numbers.count(': ')
        assert s['label'].count(': ') == n, (s['label'], numbers)
        if n >= 2:           # a line through every value, drawn
            assert s['polylines'] == 1 and len(s['points'].split()) == n, (title, s)
            assert s['line']['w'] > 10, s['line']
    print(f"ok at {width}px: {len(rows)} agencies × {len(cols)} reports, "
          f"{overdue_total} overdue; {len(irows)} indicators; page {M['docWidth']}px, "
          f"tables {reports['scrollWidth']}/{indicators['scrollWidth']}px in "
          f"{reports['boxClient']}px, height {M['docHeight']}px")
    open(f'{w}/height-{width}', 'w').write(str(M['docHeight']))
PY

# screenshots of the email itself (no measuring script), the whole page:
# the window crops the frame to WIDTH, whatever Chromium's own minimum
mkdir -p "$ROOT/build/artifacts"
for width in 360 1000; do
  height=$(cat "$WORK/height-$width")
  [ "$height" -le 12000 ] || height=12000
  frame digest.html $width $height "shot-$width.html"
  browse "shot-$width.html" --window-size=$width,$height \
    --screenshot="$WORK/digest-$width.png" >/dev/null || fail "no screenshot at $width px"
  [ -s "$WORK/digest-$width.png" ] || fail "empty screenshot at $width px"
  $PY - "$WORK/digest-$width.png" $width <<'PY' || fail "screenshot size"
import struct, sys
head = open(sys.argv[1], 'rb').read(24)
assert head[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
wd, ht = struct.unpack('>II', head[16:24])
assert wd == int(sys.argv[2]) and ht > 1000, (wd, ht)
PY
  cp "$WORK/digest-$width.png" "$ROOT/build/artifacts/digest-$width.png"
done
cp "$WORK/digest.html" "$ROOT/build/artifacts/digest.html"
echo "screenshots: build/artifacts/digest-360.png, digest-1000.png"
