# Nothing stops the daily job (issue 10): three provinces, one of which
# (gamma) carries at once a webhook template that would loop forever
# (item 2), indicator values at the edge of a double (item 3), a grant whose
# letter an older version cut inside a character (items 4, 6), a malformed
# address and one with a trailing blank (item 5). Against a real STARTTLS
# SMTP server and a real verifying webhook receiver on 127.0.0.1:
#  - alpha and beta are delivered in full: exactly what a run without gamma
#    delivers for them;
#  - gamma is delivered too, but for the faulty items, each recorded with
#    its reason: in `outbox list --kind failed`, on stderr even with
#    --quiet, and in the digest (that day's, and the next day's);
#  - nothing hangs (the run is under `timeout`, as hang detection only).
. "$ROOT/tests/e2e/lib.sh"
PY=/usr/bin/python3
sh "$ROOT/tests/e2e/make_test_ca.sh" "$WORK/ca" >/dev/null 2>&1 || fail "cannot make the test CA"
mkdir -p "$WORK/rules" "$WORK/maildir" "$WORK/tpl"
cp -R "$ROOT/tests/fixtures/rules/base" "$ROOT/tests/fixtures/rules/law" "$WORK/rules/"

province() {  # ID NAME DOMAIN [EXTRA LUA]
  mkdir -p "$WORK/rules/$1"
  cat > "$WORK/rules/$1/jurisdiction.lua" <<LUA
jurisdiction "$1" { name = "$2", parent = "base", monitor_from = "2024-11-01" }
agency "a"   { name = "Sở A", email = "a@$3", head_email = "giamdoc.a@$3" }
agency "b"   { name = "Sở B", email = "b@$3" }
agency "sec" { name = "Văn phòng Ban", email = "sec@$3", member = false }
role "secretariat" "sec"
role "home" "b"
obligation "annual" { title = "Báo cáo năm", from = members(), to = role "secretariat",
  wording = "before", periods = { year = { due = "12-05" } } }
LUA
  [ $# -lt 4 ] || printf '%s\n' "$4" >> "$WORK/rules/$1/jurisdiction.lua"
}
province alpha "Tỉnh Anpha" alpha.example
province beta "Tỉnh Bêta" beta.example
province gamma "Tỉnh Gama" gamma.example '
agency "e" { name = "Sở E", email = "e@gamma.example " }
agency "d" { name = "Sở D", email = "d@@gamma.example" }'

# A template that spends its time inside C (a 1 MiB scan per call): the
# instruction budget alone never fired there; metered, it stops at once.
cat > "$WORK/tpl/hang.lua" <<'LUA'
return function(p)
  local s, n = ("x"):rep(1 << 20), 0
  for i = 1, 1e9 do n = n + utf8.len(s) end
  return { text = tostring(n) }
end
LUA

export DONDOC_TEST_SMTP_PASSWORD="mật-khẩu-thử"
export DONDOC_TEST_WEBHOOK_SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
P=$(free_port)
start_server smtp $PY "$ROOT/tests/e2e/smtp_server.py" "$P" --maildir "$WORK/maildir" \
  --tls-cert "$WORK/ca/server.pem" --tls-key "$WORK/ca/server.key" \
  --auth "dondoc:$DONDOC_TEST_SMTP_PASSWORD"
start_server hooks $PY "$ROOT/tests/e2e/webhook_server.py" --secret "$DONDOC_TEST_WEBHOOK_SECRET" \
  --log "$WORK/hooks.jsonl"
HP=$PORT
config() {  # FILE DB JURISDICTIONS
  cat > "$1" <<CFG
rules_dir = "rules"
database = "$2"
outbox_dir = "box-$2"
templates_dir = "$ROOT/notifiers/templates"
mail = { from = "ban@vstbpn.example", smtp_url = "smtp://127.0.0.1:$P", ca_file = "ca/ca.pem",
         username = "dondoc", password_env = "DONDOC_TEST_SMTP_PASSWORD", timeout_ms = 10000 }
delivery = { retry_base_seconds = 0 }
jurisdictions = { $3 }
webhooks = {
  { name = "chat", url = "http://127.0.0.1:$HP/hook", secret_env = "DONDOC_TEST_WEBHOOK_SECRET",
    template = "chat" },
  { name = "gamma-chat", url = "http://127.0.0.1:$HP/hook", secret_env = "DONDOC_TEST_WEBHOOK_SECRET",
    template = "tpl/hang.lua", jurisdictions = { "gamma" } },
}
CFG
}
config "$WORK/cfg.lua" t.db '"alpha", "beta", "gamma"'
C="--config $WORK/cfg.lua"

# Data: gamma's indicator at ±1e308 (written as an older version could),
# and an extension whose letter was cut inside "Đ" (bytes C4 90).
run 3 $C --now 2024-11-20 observe lead 2021 45 --jurisdiction gamma
$PY - "$WORK/t.db" <<'PY' || fail "legacy rows"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for period, v in (("2022", 1e308), ("2023", -1e308)):
    db.execute("insert into observations (jurisdiction, indicator, unit, period, value, source)"
               " values ('gamma', 'lead', 'gamma', ?, ?, 'legacy')", (period, v))
db.execute("insert into grants (jurisdiction, agency, obligation, period, kind, new_due,"
           " letter, reason, granted_on) values ('gamma', 'a', 'annual', '2024',"
           " 'extension', '2024-12-03', cast(x'3132352F534E562D42C4' as text), '',"
           " '2024-11-20')")
db.commit()
PY

# check: every province evaluated, JSON valid and finite; exit 3 for the
# malformed address (a rule error that did not stop gamma)
run 3 $C --now 2024-11-28 --json check --all
assert_contains "$WORK/err" "rules/gamma/jurisdiction.lua:11: error: agency 'd': email 'd@@gamma.example' is not an email address"
assert_not_contains "$WORK/err" "warning"     # warnings: rules check, digest
run 3 $C rules check
assert_contains "$WORK/err" "rules/gamma/jurisdiction.lua:10: warning: agency 'e': blank characters around email"
run 3 $C --now 2024-11-28 --json check --all
$PY - "$WORK/out" <<'PY' || fail "check --json"
import json, math, sys
F = json.load(open(sys.argv[1]))
assert {f["jurisdiction"] for f in F} == {"alpha", "beta", "gamma"}, F
for f in F:
    for k in ("value", "target", "expected", "projected"):
        assert f.get(k) is None or math.isfinite(f[k]), (k, f)
g = [f for f in F if f["jurisdiction"] == "gamma" and f.get("obligation") == "annual" and f["agency"] == "a"][0]
assert g["letter"] == "125/SNV-B\ufffd" and g["due"] == "2024-12-03", g
PY

# run, quietly, as cron would: under `timeout` (hang detection only)
start=$(date +%s)
timeout 120 "$DONDOC" $C --now 2024-11-28T08:00 run --quiet >"$WORK/out" 2>"$WORK/err"
rc=$?
took=$(( $(date +%s) - start ))
[ "$rc" -eq 3 ] || { cat "$WORK/err"; fail "run: exit $rc, expected 3 (a rule error)"; }
echo "run took ${took} s"
[ ! -s "$WORK/out" ] || { cat "$WORK/out"; fail "--quiet printed on stdout"; }
assert_contains "$WORK/err" "d@@gamma.example"
assert_contains "$WORK/err" "delivery failed for good"
assert_contains "$WORK/err" "gamma-chat: template gamma-chat failed: $WORK/tpl/hang.lua:3:"

# what a run without gamma delivers for alpha and beta (files, no server)
cat > "$WORK/ctl.lua" <<CFG
rules_dir = "rules"
database = "ctl.db"
outbox_dir = "ctl-box"
templates_dir = "$ROOT/notifiers/templates"
mail = { from = "ban@vstbpn.example" }
jurisdictions = { "alpha", "beta" }
webhooks = { { name = "chat", template = "chat" } }
CFG
run 0 --config "$WORK/ctl.lua" --now 2024-11-28T08:00 run --quiet

$PY - "$WORK" <<'PY' || fail "deliveries"
import email, glob, json, os, sys
from email import policy
w = sys.argv[1]
def mails(pattern, envelope):
    out = []
    for f in sorted(glob.glob(pattern)):
        m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
        rcpt = str(m['To'])
        if envelope:
            env = open(f[:-4] + '.env').read().split('\n')
            rcpt = [l[9:-1] for l in env if l.startswith('RCPT TO:<')][0]
        out.append((rcpt, str(m['Subject']), m))
    return out
got = mails(w + '/maildir/*.eml', True)
ctl = mails(w + '/ctl-box/mail/*.eml', False)
def of(ms, dom):
    return sorted((r, s) for r, s, _ in ms if r.endswith('@' + dom))
for dom in ('alpha.example', 'beta.example'):
    assert of(got, dom) == of(ctl, dom) and of(ctl, dom), (dom, of(got, dom), of(ctl, dom))
# gamma: a (its letter readable), b, e (address trimmed) and the digest
# went; d has no address to go to
g = {r: (s, m) for r, s, m in got if r.endswith('@gamma.example')}
assert set(g) == {'a@gamma.example', 'giamdoc.a@gamma.example',
                  'b@gamma.example', 'e@gamma.example', 'sec@gamma.example'}, sorted(g)
text_a = g['a@gamma.example'][1].get_body(('plain',)).get_content()
assert '125/SNV-B\ufffd' in text_a, text_a
digest = g['sec@gamma.example'][1].get_body(('plain',)).get_content()
assert 'Sở D' in digest and "d@@gamma.example" in digest, digest
assert "Lỗi trong quy tắc" in digest, digest
html = g['sec@gamma.example'][1].get_body(('html',)).get_content()
assert 'd@@gamma.example' in html
# webhooks: "chat" got all three provinces, shaped by its template;
# gamma-chat got nothing
rows = [json.loads(l) for l in open(w + '/hooks.jsonl')]
texts = [json.loads(r['body'])['text'] for r in rows]
assert len(rows) == 3, texts
for name in ('Tỉnh Anpha', 'Tỉnh Bêta', 'Tỉnh Gama'):
    assert sum(name in t for t in texts) == 1, (name, texts)
PY

# the failure is where the secretariat looks
run 0 $C outbox list --kind failed
assert_contains "$WORK/out" "gamma-chat"
assert_contains "$WORK/out" "hang.lua:3:"
assert_contains "$WORK/out" "instruction budget"
# … and in gamma's next digest, with the other provinces untouched
timeout 120 "$DONDOC" $C --now 2024-11-29T08:00 run --quiet >"$WORK/out" 2>"$WORK/err"
$PY - "$WORK/maildir" <<'PY' || fail "next digest"
import email, glob, sys
from email import policy
ms = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
      for f in sorted(glob.glob(sys.argv[1] + '/*.eml'))]
d = [m for m in ms if 'Tổng hợp ngày 29/11/2024' in str(m['Subject']) and 'Gama' in str(m['Subject'])]
assert len(d) == 1, [str(m['Subject']) for m in ms]
t = d[0].get_body(('plain',)).get_content()
assert 'gửi không thành công' in t and 'gamma-chat' in t and 'hang.lua:3:' in t, t
others = [m for m in ms if 'Tổng hợp ngày 29/11/2024' in str(m['Subject']) and 'Gama' not in str(m['Subject'])]
assert len(others) == 2, [str(m['Subject']) for m in others]
for m in others:
    assert 'không thành công' not in m.get_body(('plain',)).get_content()
PY

# once the template is fixed, the failed delivery goes out on retry
cp "$ROOT/notifiers/templates/chat.lua" "$WORK/tpl/hang.lua"
run 0 $C outbox retry --all
assert_contains "$WORK/out" "queued again: 1 delivery (failed)"
timeout 120 "$DONDOC" $C --now 2024-11-29T09:00 run --quiet >"$WORK/out" 2>"$WORK/err"
$PY - "$WORK/t.db" <<'PY' || fail "the retried webhooks"
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute(
    "select status from deliveries where recipient = 'gamma-chat'").fetchall()
assert rows and all(r[0] == 'sent' for r in rows), rows
PY
