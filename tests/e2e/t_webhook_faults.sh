# Webhooks that meet trouble (issue 10, items 7, 8 and 9), against the real
# verifying receiver (webhook_server.py) and SMTP server on 127.0.0.1:
#   - secrets in a webhook URL (user:password@, a Telegram-style bot token
#     as the first path segment, ?token=) reach neither the run's log,
#     the database, `outbox list`, the history CSV nor the digest email;
#     a secret_file others can read draws a warning, even with --quiet;
#   - an endpoint that is down stays queued however many runs, without
#     using up max_attempts; an endpoint whose secret is missing gets
#     nothing (never an unsigned request), with the reason in `outbox list`;
#     a 401 for a wrong secret is retried once (it might have been the
#     clock), then fails for good;
#   - a run that spends longer than the receiver's timestamp tolerance on a
#     slow mail server still delivers its webhooks: each is stamped when it
#     is sent, not when the run began.
. "$ROOT/tests/e2e/lib.sh"
PY=/usr/bin/python3
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
S="whsec_$(head -c 32 /dev/urandom | base64)"
printf '%s\n' "$S" > "$WORK/secret"
chmod 644 "$WORK/secret"
SECRETS="pa55word 123456:ABCdefGHI t0ps3cret sendMessage dondoc:"
assert_no_secret() {  # FILE WHAT
  for s in $SECRETS; do
    ! grep -qF -- "$s" "$1" || { echo "--- $1:"; cat "$1"; fail "$2 shows '$s'"; }
  done
}

# 1. Secrets in the URL: 500, then 410 (failed for good), then the digest.
start_server hooks $PY "$ROOT/tests/e2e/webhook_server.py" --secret "$S" \
  --log "$WORK/hooks.jsonl" --script "500,410"
HP=$PORT
DOWN=$(free_port)
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
outbox_dir = "box"
mail = { from = "ban@remind.example" }
delivery = { retry_base_seconds = 0, max_attempts = 2 }
jurisdictions = { "remind" }
webhooks = {
  { name = "tg", secret_file = "secret", timeout_ms = 5000, connect_timeout_ms = 2000,
    url = "http://dondoc:pa55word@127.0.0.1:$HP/bot123456:ABCdefGHI/sendMessage?token=t0ps3cret" },
  { name = "down", url = "http://127.0.0.1:$DOWN/hook", secret_file = "secret",
    timeout_ms = 2000, connect_timeout_ms = 1000 },
  { name = "nosecret", url = "http://127.0.0.1:$HP/hook",
    secret_env = "DONDOC_TEST_UNSET_SECRET" },
  { name = "wrongkey", url = "http://127.0.0.1:$HP/hook",
    secret_env = "DONDOC_TEST_OTHER_SECRET" },
}
CFG
unset DONDOC_TEST_UNSET_SECRET
export DONDOC_TEST_OTHER_SECRET="whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"
C="--config $WORK/cfg.lua"
run 0 $C --quiet outbox list
assert_contains "$WORK/err" "warning:"
assert_contains "$WORK/err" "secret_file $WORK/secret can be read or changed by any user (mode 0644)"
chmod 600 "$WORK/secret"
run 0 $C outbox list
assert_not_contains "$WORK/err" "warning"

run 0 $C --now 2024-11-28 run
cp "$WORK/out" "$WORK/run1.out"
assert_contains "$WORK/out" "retry #"
assert_contains "$WORK/out" "http://127.0.0.1:$HP/***/...: HTTP 500"
assert_contains "$WORK/out" "held 1 webhook, not tried: webhook nosecret: secret_env DONDOC_TEST_UNSET_SECRET is not set"
assert_contains "$WORK/out" "webhook wrongkey: http://127.0.0.1:$HP/hook: HTTP 401: bad signature"
assert_not_contains "$WORK/out" "FAILED"
run 6 $C --now 2024-11-28 run
cp "$WORK/out" "$WORK/run2.out"
assert_contains "$WORK/out" "FAILED #"
assert_contains "$WORK/out" "HTTP 410"
assert_contains "$WORK/out" "2 failed"
assert_contains "$WORK/out" "webhook wrongkey: http://127.0.0.1:$HP/hook: HTTP 401: bad signature"
run 0 $C outbox list
cp "$WORK/out" "$WORK/list.out"
assert_contains "$WORK/out" "tg"
assert_contains "$WORK/out" "http://127.0.0.1:$HP/***/...: HTTP 410"
run 0 $C outbox history --format csv
cp "$WORK/out" "$WORK/history.csv"
assert_contains "$WORK/out" "http://127.0.0.1:$HP/***/...: HTTP 500"
# the next day's digest reports the failure
run 0 $C --now 2024-11-29 run
cp "$WORK/out" "$WORK/run3.out"
$PY - "$WORK/box/mail" > "$WORK/digest.txt" <<'PY' || fail "the digest"
import email, glob, sys
from email import policy
for f in sorted(glob.glob(sys.argv[1] + '/*.eml')):
    m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
    if 'Tổng hợp ngày 29/11/2024' in str(m['Subject']):
        print(m.get_body(('plain',)).get_content())
        print(m.get_body(('html',)).get_content())
PY
assert_contains "$WORK/digest.txt" "HTTP 410"
assert_contains "$WORK/digest.txt" "/***/..."
for f in run1.out run2.out run3.out list.out history.csv digest.txt; do
  assert_no_secret "$WORK/$f" "$f"
done
$PY - "$WORK/t.db" > "$WORK/db.txt" <<'PY' || fail "dumping the database"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
    for row in db.execute('SELECT * FROM "%s"' % t):
        print(t, *row)
PY
assert_contains "$WORK/db.txt" "HTTP 410"
assert_no_secret "$WORK/db.txt" "the database"

# 2. The endpoint that is down, and the one without its secret: still
# queued after four runs with max_attempts 2, each saying why.
run 0 $C outbox list --kind queued
assert_contains "$WORK/out" "down"
assert_contains "$WORK/out" "127.0.0.1:$DOWN"
assert_contains "$WORK/out" "not tried: webhook nosecret: secret_env DONDOC_TEST_UNSET_SECRET is not set"
run 0 $C outbox list --kind failed
assert_not_contains "$WORK/out" " down "
assert_not_contains "$WORK/out" "nosecret"
run 0 $C outbox history --format csv
assert_eq 0 "$(grep -c '"webhook","nosecret"' "$WORK/out")" "attempts to the endpoint without a secret"
assert_eq 3 "$(grep -c '"webhook","down"' "$WORK/out")" "attempts to the endpoint that is down"
stop_servers

# 3. A hanging mail server: 3 emails at 2.5 s each, then the webhook, to a
# receiver that tolerates 5 s of clock difference (a real verifier: 300 s).
sh "$ROOT/tests/e2e/make_test_ca.sh" "$WORK/ca" >/dev/null 2>&1 || fail "cannot make the test CA"
mkdir -p "$WORK/maildir"
SP=$(free_port)
export DONDOC_TEST_SMTP_PASSWORD="mật-khẩu-thử"
start_server smtp $PY "$ROOT/tests/e2e/smtp_server.py" "$SP" --maildir "$WORK/maildir" \
  --tls-cert "$WORK/ca/server.pem" --tls-key "$WORK/ca/server.key" \
  --auth "dondoc:$DONDOC_TEST_SMTP_PASSWORD" --delay-ms 2500
start_server slowhooks $PY "$ROOT/tests/e2e/webhook_server.py" --secret "$S" \
  --log "$WORK/slow.jsonl" --tolerance-s 5
cat > "$WORK/cfg3.lua" <<CFG
rules_dir = "rules"
database = "slow.db"
outbox_dir = "box3"
mail = { from = "ban@remind.example", smtp_url = "smtp://127.0.0.1:$SP", ca_file = "ca/ca.pem",
         username = "dondoc", password_env = "DONDOC_TEST_SMTP_PASSWORD", timeout_ms = 30000 }
jurisdictions = { "remind" }
webhooks = { { name = "chat", url = "http://127.0.0.1:$PORT/hook", secret_file = "secret" } }
CFG
start=$(date +%s)
run 0 --config "$WORK/cfg3.lua" --now 2024-11-28 run
took=$(( $(date +%s) - start ))
[ "$took" -gt 5 ] || fail "the mail server did not hold the run up (${took} s)"
assert_contains "$WORK/out" "4 sent, 0 to retry, 0 failed"
assert_contains "$WORK/out" "sent #"
assert_eq 1 "$(wc -l < "$WORK/slow.jsonl")" "webhooks accepted by the verifying receiver"
