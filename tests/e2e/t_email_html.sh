# The HTML part of a reminder, opened in a real headless browser (Debian's
# Chromium): the page renders the Vietnamese text and the list of items,
# and text from the rules that looks like HTML (<b>, &) is shown as text,
# never interpreted as markup.
. "$ROOT/tests/e2e/lib.sh"
CHROMIUM=$(command -v chromium || true)
[ -n "$CHROMIUM" ] || fail "chromium is not installed (scripts/install-deps.sh installs it)"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
cat > "$WORK/cfg.lua" <<'CFG'
rules_dir = "rules"
database = "t.db"
outbox_dir = "box"
mail = { from = "ban@ut.example" }
jurisdictions = { "ut-compose" }
CFG
run 0 --config "$WORK/cfg.lua" --now 2024-11-28 run
/usr/bin/python3 - "$WORK/box/mail" "$WORK/page.html" <<'PY' || fail "no reminder email"
import email, glob, sys
from email import policy
f = sorted(glob.glob(sys.argv[1] + '/*-a@ut.example.eml'))[0]
m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
open(sys.argv[2], 'w').write(m.get_body(('html',)).get_content())
PY
browse() {
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$WORK/profile" "$@" "file://$WORK/page.html" 2>"$WORK/chromium.err"
}
browse --dump-dom > "$WORK/dom.html" || { cat "$WORK/chromium.err"; fail "chromium failed"; }
browse --window-size=900,700 --screenshot="$WORK/page.png" >/dev/null || fail "no screenshot"
[ -s "$WORK/page.png" ] || fail "empty screenshot"
/usr/bin/python3 - "$WORK/dom.html" <<'PY' || fail "rendered page"
import sys
from html.parser import HTMLParser
class Page(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.text = []; self.li = 0
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag); self.li += tag == 'li'
    def handle_data(self, d):
        self.text.append(d)
p = Page(); p.feed(open(sys.argv[1]).read())
text = ''.join(p.text)
# the browser built real list items from dondoc's markup …
assert p.li == 1, p.li
# … and kept the rules' own "<b>", "<i>", "<A>" as text, not elements
assert 'b' not in p.tags and 'i' not in p.tags, p.tags
assert 'Báo cáo <b>& năm' in text, text
assert 'Kính gửi Sở <A> & các đơn vị' in text, text
assert 'còn 7 ngày' in text and '05/12/2024' in text, text
assert 'Điều 3 & 4 <i>' in text, text
print('ok: one item, markup from the rules shown as text')
PY
