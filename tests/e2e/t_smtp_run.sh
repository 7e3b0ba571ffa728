# dondoc run against a real SMTP server on 127.0.0.1 (aiosmtpd) with
# STARTTLS, a certificate from a CA made here, and AUTH: the messages
# arrive intact (Vietnamese subject and body, recipients, threading); a
# certificate the CA did not sign is refused and the message stays queued;
# with the server down the message is retried later and delivered once.
. "$ROOT/tests/e2e/lib.sh"
PY=/usr/bin/python3
sh "$ROOT/tests/e2e/make_test_ca.sh" "$WORK/ca" >/dev/null 2>&1 || fail "cannot make the test CA"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
mkdir -p "$WORK/maildir" "$WORK/rogue-maildir"
P=$(free_port)
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
outbox_dir = "box"
mail = { from = "ban@remind.example", from_name = "Thường trực Ban vì sự tiến bộ của phụ nữ",
         smtp_url = "smtp://127.0.0.1:$P", ca_file = "ca/ca.pem",
         username = "dondoc", password_env = "DONDOC_TEST_SMTP_PASSWORD", timeout_ms = 10000 }
delivery = { retry_base_seconds = 0, max_attempts = 5 }
jurisdictions = { "remind" }
CFG
export DONDOC_TEST_SMTP_PASSWORD="mật-khẩu-thử"
C="--config $WORK/cfg.lua"

# 1. a server whose certificate the CA did not sign: refused, kept queued
start_server rogue $PY "$ROOT/tests/e2e/smtp_server.py" "$P" --maildir "$WORK/rogue-maildir" \
  --tls-cert "$WORK/ca/rogue.pem" --tls-key "$WORK/ca/rogue.key" --auth "dondoc:$DONDOC_TEST_SMTP_PASSWORD"
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "3 to retry"
assert_eq 0 "$(ls "$WORK/rogue-maildir" | grep -c eml)" "messages accepted by the rogue server"
run 0 $C outbox list --kind queued
assert_contains "$WORK/out" "certificate"
assert_not_contains "$WORK/out" "$DONDOC_TEST_SMTP_PASSWORD"
stop_server "$LAST_PID"

# 2. nobody listening: still queued, the error says why
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "3 to retry"
assert_contains "$WORK/out" "127.0.0.1:$P"

# 3. the real server: everything queued is delivered, once
start_server smtp $PY "$ROOT/tests/e2e/smtp_server.py" "$P" --maildir "$WORK/maildir" \
  --tls-cert "$WORK/ca/server.pem" --tls-key "$WORK/ca/server.key" --auth "dondoc:$DONDOC_TEST_SMTP_PASSWORD"
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "3 sent"
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "0 messages queued"
assert_contains "$WORK/out" "0 sent"
$PY - "$WORK/maildir" <<'PY' || fail "received messages"
import email, glob, os, sys
from email import policy
d = sys.argv[1]
got = []
for f in sorted(glob.glob(d + '/*.eml')):
    env = open(f[:-4] + '.env').read().split('\n')
    rcpt = [l[9:-1] for l in env if l.startswith('RCPT TO:<')]
    m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
    got.append((rcpt, m))
assert len(got) == 3, len(got)                      # a, b (one email each), digest
assert all(len(r) == 1 for r, _ in got), [r for r, _ in got]   # one RCPT each
rcpts = sorted(r[0] for r, _ in got)
assert rcpts == ['a@remind.example', 'b@remind.example', 'sec@remind.example'], rcpts
assert all([str(m['To'])] == r and m['Cc'] is None for r, m in got), [(r, m['To'], m['Cc']) for r, m in got]
mine = [m for r, m in got if r == ['a@remind.example']][0]
assert str(mine['Subject']) == '[Tỉnh Nhắc] Còn 7 ngày: Báo cáo năm kỳ 2024 (kèm 1 mục để biết)', str(mine['Subject'])
# decoded per RFC 2047 (policy.default's address parser adds a space
# between encoded-words in display names, a Python quirk)
from email.header import decode_header, make_header
from email import message_from_bytes
raw_from = message_from_bytes(mine.as_bytes(), policy=policy.compat32)['From']
name = str(make_header(decode_header(raw_from)))
assert name == 'Thường trực Ban vì sự tiến bộ của phụ nữ <ban@remind.example>', name
text = mine.get_body(('plain',)).get_content()
html = mine.get_body(('html',)).get_content()
assert 'Sở A' in text and 'còn 7 ngày' in text and '05/12/2024' in text, text
assert 'Sở A' in html and '<li>' in html, html
assert mine['Date'].endswith('+0700'), mine['Date']
assert mine['Message-ID'].startswith('<dondoc-') and len(str(mine['References']).split()) == 2, mine
# a's copy of b's indicator reminder is in a's own email, naming b
assert 'Để biết' in text and 'Gửi Sở B để thực hiện.' in text, text
raw = open(sorted(glob.glob(d + '/*.eml'))[0], 'rb').read()
assert b'\r\n' in raw and all(ord(c) < 128 for c in raw.split(b'\r\n\r\n')[0].decode('ascii')), 'headers'
PY
run 0 $C outbox list --kind sent
assert_eq 4 "$(wc -l < "$WORK/out")" "sent deliveries (+ header)"

# 4. a rejected address fails for good and is reported; the others go
stop_server "$LAST_PID"
start_server smtp2 $PY "$ROOT/tests/e2e/smtp_server.py" "$P" --maildir "$WORK/maildir" \
  --tls-cert "$WORK/ca/server.pem" --tls-key "$WORK/ca/server.key" \
  --auth "dondoc:$DONDOC_TEST_SMTP_PASSWORD" --reject a@remind.example
run 6 $C --now 2024-12-04 run
assert_contains "$WORK/out" "1 failed"
run 0 $C outbox list --kind failed
assert_contains "$WORK/out" "550"
# the next day's digest reports it to the secretariat
run 6 $C --now 2024-12-05 run
$PY - "$WORK/maildir" <<'PY' || fail "digest reports the failure"
import email, glob, sys
from email import policy
ms = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
      for f in sorted(glob.glob(sys.argv[1] + '/*.eml'))]
d = [m for m in ms if 'Tổng hợp ngày 05/12/2024' in str(m['Subject'])][0]
t = d.get_body(('plain',)).get_content()
assert 'không thành công' in t and 'a@remind.example' in t and '550' in t, t
PY
