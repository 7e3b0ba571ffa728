# Server-wide SMTP faults are not the recipients' fault (issue 10, item 7),
# against a real SMTP server on 127.0.0.1 (aiosmtpd, STARTTLS, AUTH):
#   - commands that deliver nothing work without the SMTP password; `run`
#     without it keeps every message queued, with the reason, and does not
#     connect at all;
#   - a wrong password (535) and a refused MAIL FROM (553) keep every
#     message queued, however many runs, without using up max_attempts,
#     with one AUTH / MAIL FROM per run (the rest are not tried) and the
#     reason on each in `outbox list`;
#   - once the server accepts, everything goes, once; a RCPT 550 still
#     fails that recipient for good;
#   - `outbox retry --all [--kind] [--since]` requeues in bulk.
. "$ROOT/tests/e2e/lib.sh"
PY=/usr/bin/python3
sh "$ROOT/tests/e2e/make_test_ca.sh" "$WORK/ca" >/dev/null 2>&1 || fail "cannot make the test CA"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
mkdir -p "$WORK/maildir"
P=$(free_port)
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
outbox_dir = "box"
mail = { from = "ban@remind.example", smtp_url = "smtp://127.0.0.1:$P", ca_file = "ca/ca.pem",
         username = "dondoc", password_env = "DONDOC_TEST_SMTP_PASSWORD", timeout_ms = 10000 }
delivery = { retry_base_seconds = 0, max_attempts = 2 }
jurisdictions = { "remind" }
CFG
C="--config $WORK/cfg.lua"
GOOD="mật-khẩu-thử"
server() {  # NAME EXTRA-OPTIONS…: the real server, with the right password
  name=$1; shift
  start_server "$name" $PY "$ROOT/tests/e2e/smtp_server.py" "$P" --maildir "$WORK/maildir" \
    --tls-cert "$WORK/ca/server.pem" --tls-key "$WORK/ca/server.key" \
    --auth "dondoc:$GOOD" --events "$WORK/events" "$@"
}
count() {  # FILE TEXT: lines of FILE containing TEXT
  grep -cF -- "$2" "$1" || true
}
queued_lines() {  # the delivery lines of `outbox list --kind queued`
  run 0 $C outbox list --kind queued
  grep -c '^[0-9]' "$WORK/out" || true
}

# 1. No password in the environment: nothing that delivers nothing needs it.
unset DONDOC_TEST_SMTP_PASSWORD
server smtp1
run 0 $C --now 2024-11-28 check
run 0 $C outbox list
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "3 to retry"
assert_contains "$WORK/out" "held 3 emails, not tried: mail.password_env DONDOC_TEST_SMTP_PASSWORD is not set"
assert_eq 3 "$(queued_lines)" "queued deliveries without a password"
assert_eq 3 "$(count "$WORK/out" "last error: not tried: mail.password_env DONDOC_TEST_SMTP_PASSWORD is not set")" \
  "deliveries showing why they wait"
[ ! -s "$WORK/events" ] || { cat "$WORK/events"; fail "the server was contacted without a password"; }

# 2. A wrong password: one AUTH per run, every message stays queued, never
# failed, however many runs (max_attempts is 2).
export DONDOC_TEST_SMTP_PASSWORD="wrong-$GOOD"
for i in 1 2 3 4; do
  run 0 $C --now 2024-11-28 run
  assert_contains "$WORK/out" "0 sent, 3 to retry, 0 failed"
  assert_eq "$i" "$(count "$WORK/events" "auth fail")" "AUTH attempts after run $i"
done
assert_eq 0 "$(count "$WORK/events" "mail ")" "MAIL FROM sent with a wrong password"
assert_eq 3 "$(queued_lines)" "queued deliveries with a wrong password"
assert_eq 3 "$(grep -c 'AUTH: 535' "$WORK/out")" "deliveries showing the 535"
assert_not_contains "$WORK/out" "$DONDOC_TEST_SMTP_PASSWORD"
# no attempt was counted: the "n" column is 0 everywhere
assert_eq 3 "$(grep -c '^[0-9]* *queued *email *0 ' "$WORK/out")" "attempt counts still 0"
run 0 $C outbox list --kind failed
assert_eq 1 "$(wc -l < "$WORK/out")" "failed deliveries (+ header)"
# the ledger has the one attempt of each run, with the reason
run 0 $C outbox history --format csv
assert_eq 4 "$(grep -c 'AUTH: 535' "$WORK/out")" "attempts in the ledger"
stop_server "$LAST_PID"

# 3. The right password, but the server refuses our sender (MAIL FROM 553).
export DONDOC_TEST_SMTP_PASSWORD="$GOOD"
: > "$WORK/events"
server smtp2 --reject-sender ban@remind.example
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "0 sent, 3 to retry, 0 failed"
assert_eq 1 "$(count "$WORK/events" "mail ban@remind.example")" "MAIL FROM attempts"
assert_eq 0 "$(count "$WORK/events" "rcpt ")" "RCPT TO after a refused sender"
run 0 $C outbox list --kind queued
assert_eq 3 "$(grep -c 'MAIL FROM: 553 5.7.1 sender address rejected' "$WORK/out")" \
  "deliveries showing the refused sender"
stop_server "$LAST_PID"

# 4. The server accepts again: all three go, once; a rejected address fails
# for good (RCPT 550 is that recipient's), the others go.
: > "$WORK/events"
server smtp3 --reject b@remind.example
run 6 $C --now 2024-11-28 run
assert_contains "$WORK/out" "2 sent, 0 to retry, 1 failed"
assert_eq 2 "$(ls "$WORK/maildir" | grep -c '\.eml$')" "messages received"
run 0 $C outbox list --kind failed
assert_eq 1 "$(grep -c 'RCPT TO: 550 5.1.1 mailbox unavailable' "$WORK/out")" "RCPT 550 failures"
stop_server "$LAST_PID"

# 5. outbox retry --all: the failed ones, or only those that failed since a
# date (by their last attempt), back in the queue.
run 0 $C outbox retry --all --since 2999-01-01
assert_contains "$WORK/out" "queued again: 0 deliveries (failed)"
run 0 $C outbox retry --all --since "$(date +%Y-%m-%d)"
assert_contains "$WORK/out" "queued again: 1 delivery (failed)"
run 0 $C outbox list --kind failed
assert_eq 1 "$(wc -l < "$WORK/out")" "failed deliveries after retry --all"
assert_eq 1 "$(queued_lines)" "requeued deliveries"
run 0 $C outbox retry --all --kind queued
assert_contains "$WORK/out" "queued again: 0 deliveries (queued)"
run 2 $C outbox retry --all --kind sent
run 2 $C outbox retry --all 5
run 4 $C outbox retry --all --since 2024-02-30
# delivered now, by a server that takes them
server smtp4
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "1 sent, 0 to retry, 0 failed"
