# dondoc run with the embedded default (no SMTP server, a webhook without
# URL): reminders land as .eml and .json files; the policy's stages; one
# email per address and run (what it must act on, then its copies); one
# escalation, without the secretariat in copy; nothing twice; a skipped
# week sends the current stage once; a full week holds the rest for the
# next; dry runs change nothing.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "rules"
database = "t.db"
outbox_dir = "box"
templates_dir = "$ROOT/notifiers/templates"
mail = { from = "ban@remind.example", from_name = "Thường trực Ban" }
webhooks = { { name = "chat", template = "chat" },
             { name = "elsewhere", jurisdictions = { "another-province" } } }
jurisdictions = { "remind" }
CFG
C="--config $WORK/cfg.lua"
lines() { grep -c -- "$1" "$WORK/out" || true; }

# a dry run shows what would go and writes nothing
run 0 $C --now 2024-11-28 run --dry-run
assert_contains "$WORK/out" "would queue email to a@remind.example"
assert_eq 0 "$(lines '  queued ')" "a dry run says what it would queue"
assert_contains "$WORK/out" "run (dry run): 4 messages would be queued"
[ ! -d "$WORK/box" ] || fail "a dry run wrote files"
run 0 $C outbox list
assert_eq 1 "$(wc -l < "$WORK/out")" "deliveries after a dry run (header only)"

# 28/11, 7 days before 05/12: a and b get before-7, b the indicator with a
# in copy — one email each —, the secretariat its digest; c has no address
run 0 $C --now 2024-11-28 run
assert_eq 1 "$(lines 'queued email to a@remind.example: .*(2 items, 1 copy)')" "a's email"
assert_eq 1 "$(lines 'queued email to b@remind.example: .*(2 items)')" "b's email"
assert_eq 2 "$(lines 'queued email to')" "emails of 28/11"
assert_eq 1 "$(lines 'queued digest to sec@remind.example')" "digest"
assert_eq 1 "$(lines 'queued webhook chat')" "webhook"
assert_contains "$WORK/out" "1 without an address"
assert_contains "$WORK/out" "0 failed"
python3 - "$WORK/box/mail" <<'PY' || fail "emails of 28/11"
import email, glob, sys
from email import policy
msgs = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
        for f in sorted(glob.glob(sys.argv[1] + '/*.eml'))]
# files are named by envelope recipient: a gets one email, its own
# reminder and, below it, its copy of b's indicator reminder
a = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
     for f in sorted(glob.glob(sys.argv[1] + '/*-a@remind.example.eml'))]
assert len(a) == 1, len(a)
mine = a[0]
assert str(mine['To']) == 'a@remind.example' and mine['Cc'] is None, (mine['To'], mine['Cc'])
body = mine.get_body(('plain',)).get_content()
assert 'Kính gửi: Sở A' in body and 'còn 7 ngày' in body and '05/12/2024' in body, body
assert body.index('còn 7 ngày') < body.index('Để biết') < body.index('Nữ lãnh đạo chủ chốt'), body
assert 'Gửi Sở B để thực hiện.' in body, body
assert str(mine['Subject']) == '[Tỉnh Nhắc] Còn 7 ngày: Báo cáo năm kỳ 2024 (kèm 1 mục để biết)', str(mine['Subject'])
assert len(str(mine['References']).split()) == 2 and mine['In-Reply-To'] is None
b = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
     for f in sorted(glob.glob(sys.argv[1] + '/*-b@remind.example.eml'))]
assert len(b) == 1 and 'Đồng gửi: Sở A.' in b[0].get_body(('plain',)).get_content()
digest = [m for m in msgs if 'Tổng hợp' in str(m['Subject'])][0]
assert 'Sở C' in digest.get_body(('plain',)).get_content()   # listed: no address
PY
thread=$(python3 -c 'import email,glob,sys; from email import policy; print([str(m["References"]).split()[0] for m in (email.message_from_binary_file(open(f,"rb"),policy=policy.default) for f in sorted(glob.glob(sys.argv[1]+"/*-a@remind.example.eml")))][0])' "$WORK/box/mail")

# the same day again: nothing new
run 0 $C --now 2024-11-28 run
assert_contains "$WORK/out" "run: 0 messages queued"
# 29/11: the same stage; only the new day's digest
run 0 $C --now 2024-11-29 run
assert_contains "$WORK/out" "run: 1 message queued"
assert_eq 1 "$(lines 'queued digest')" "digest of 29/11"
# 04/12: before-1 for a and b
run 0 $C --now 2024-12-04 run
assert_eq 1 "$(lines 'queued email to a@remind.example: .*Còn 1 ngày')" "before-1"

# a week skipped: on 16/12 (11 days overdue) a gets one reminder — the
# current stage — not the backlog of due, overdue-0 and overdue-1
run 0 $C --now 2024-12-16 run
assert_eq 1 "$(lines 'queued email to a@remind.example')" "a on 16/12"
assert_contains "$WORK/out" "Quá hạn 11 ngày"
python3 - "$WORK/box/mail" "$thread" <<'PY' || fail "threading"
import email, glob, sys
from email import policy
a = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
     for f in sorted(glob.glob(sys.argv[1] + '/*-a@remind.example.eml'))]
assert len(a) == 3, len(a)                    # 28/11, 04/12, 16/12
assert all(sys.argv[2] in str(m['References']) for m in a)
single = [m for m in a if m['In-Reply-To']]   # about the report alone
assert len(single) == 2 and all(m['In-Reply-To'] == sys.argv[2] for m in single)
assert len({m['Message-ID'] for m in a}) == len(a)
PY

# 19/12 (14 days overdue): escalation to a's head; a gets its copy in its
# own email; the secretariat is not copied (its digest lists the report)
run 0 $C --now 2024-12-19 run
assert_eq 1 "$(lines 'queued email to giamdoc.a@remind.example: .*Đề nghị chỉ đạo')" "escalation"
assert_eq 1 "$(lines 'queued email to a@remind.example: .*Để biết')" "a's copy"
assert_eq 0 "$(lines 'queued email to sec@remind.example')" "secretariat copied"
python3 - "$WORK/box/mail" <<'PY' || fail "escalation copy"
import email, glob, sys
from email import policy
m = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
     for f in sorted(glob.glob(sys.argv[1] + '/*-giamdoc.a@remind.example.eml'))][0]
assert str(m['To']) == 'giamdoc.a@remind.example' and m['Cc'] is None, (m['To'], m['Cc'])
t = m.get_body(('plain',)).get_content()
assert 'Kính gửi: Lãnh đạo Sở A' in t and 'Đồng gửi: Sở A.' in t, t
assert 'Thường trực Ban, để' not in t, t
sec = [email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
       for f in sorted(glob.glob(sys.argv[1] + '/*-sec@remind.example.eml'))]
assert sec and all('Tổng hợp' in str(s['Subject']) for s in sec), [str(s['Subject']) for s in sec]
PY
# 21/12 is a Saturday: working_days_only → no reminders at all
run 0 $C --now 2024-12-21 run
assert_contains "$WORK/out" "not a working day"
assert_contains "$WORK/out" "run: 0 messages queued"

# a received report stops its reminders (b still leads the indicator,
# whose 2024 value is now missing); a's head was told once: a week after
# the escalation, the reminder goes to a again
run 0 $C --now 2024-12-20 submit b annual 2024
run 0 $C --now 2024-12-26 run
assert_eq 0 "$(lines 'queued email to b@remind.example: .*Báo cáo năm')" "b after submitting"
assert_eq 1 "$(lines 'queued email to b@remind.example: .*Chỉ tiêu cần quan tâm')" "b's indicator"
assert_eq 0 "$(lines 'queued email to giamdoc.a@remind.example')" "a escalated again on 26/12"
assert_eq 1 "$(lines 'queued email to a@remind.example: .*Quá hạn 21 ngày')" "a reminded on 26/12"

# the ledger: every attempt, as CSV
run 0 $C outbox history --format csv -o "$WORK/h.csv"
python3 - "$WORK/h.csv" <<'PY' || fail "history csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert rows and all(r['ok'] == 'yes' for r in rows), rows[:2]
assert any('annual a 2024 escalate-2' in r['items'] for r in rows), [r['items'] for r in rows]
assert {'attempted_at', 'recipient', 'subject', 'status', 'items'} <= set(rows[0])
PY
# a webhook body shaped by the chat template
python3 -c 'import json,glob,sys; b=json.load(open(sorted(glob.glob(sys.argv[1]+"/*.json"))[0])); assert list(b)==["text"] and "Tỉnh Nhắc" in b["text"], b' "$WORK/box/webhooks" || fail "chat body"

# a second run while one holds the lock does nothing and says so
/usr/bin/python3 - "$WORK/t.db.run.lock" "$DONDOC" "$WORK/cfg.lua" <<'PY' || fail "run lock"
import fcntl, subprocess, sys
with open(sys.argv[1], 'a') as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    p = subprocess.run([sys.argv[2], '--config', sys.argv[3], '--now', '2024-12-27', 'run'],
                       capture_output=True, text=True)
    assert p.returncode == 0 and 'another run is in progress' in p.stderr, (p.returncode, p.stderr)
    assert 'queued' not in p.stdout, p.stdout
    # the same database through a symlink, and through another relative
    # path, takes the same lock (issue 10, item 11)
    import os
    d = os.path.dirname(sys.argv[1])
    os.symlink(os.path.join(d, 't.db'), os.path.join(d, 'alias.db'))
    for db in (os.path.join(d, 'alias.db'), os.path.join(d, 'box', '..', 't.db')):
        p = subprocess.run([sys.argv[2], '--config', sys.argv[3], '--db', db,
                            '--now', '2024-12-27', 'run'], capture_output=True, text=True)
        assert p.returncode == 0 and 'another run is in progress' in p.stderr, (db, p.returncode, p.stderr)
        assert 'queued' not in p.stdout, p.stdout
PY

# a jurisdiction's own wording for its reminders
cat > "$WORK/rules/remind/messages.lua" <<'LUA'
messages {
  subject_prefix = "[Ban VSTBPN Nhắc]",
  greeting = "Kính gửi {agency},",
  signature = "Văn phòng Thường trực Ban, {jurisdiction} — ĐT 0222 000 000",
}
LUA
run 0 $C --now 2025-01-02 run
assert_contains "$WORK/out" "queued email to a@remind.example: [Ban VSTBPN Nhắc] Quá hạn 28 ngày"
assert_contains "$WORK/out" "queued digest to sec@remind.example: [Ban VSTBPN Nhắc] Tổng hợp"
/usr/bin/python3 - "$WORK/box/mail" <<'PY' || fail "own wording"
import email, glob, sys
from email import policy
f = sorted(glob.glob(sys.argv[1] + '/*-a@remind.example.eml'))[-1]
t = email.message_from_binary_file(open(f, 'rb'), policy=policy.default).get_body(('plain',)).get_content()
assert t.startswith('Kính gửi Sở A,'), t
assert 'Văn phòng Thường trực Ban, tỉnh Nhắc — ĐT 0222 000 000' in t, t
PY
# a misspelt field is caught with its file and line
echo 'messages { signatur = "x" }' > "$WORK/rules/remind/zz.lua"
run 3 $C rules check remind
assert_contains "$WORK/err" "rules/remind/zz.lua:1: error: messages: unknown field 'signatur'"
# an endpoint limited to another jurisdiction never got anything
run 0 $C outbox list
assert_not_contains "$WORK/out" "elsewhere"

# a week's allowance (policy max_per_week, here 1): what comes after it
# waits, and goes on the next week's first run, merged, at its stage then
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules2"
echo 'policy { max_per_week = 1 }' > "$WORK/rules2/remind/cap.lua"
sed -e 's|"rules"|"rules2"|' -e 's|"t.db"|"cap.db"|' -e 's|"box"|"box2"|' \
  "$WORK/cfg.lua" > "$WORK/cap.lua"
K="--config $WORK/cap.lua"
run 0 $K --now 2024-12-04 run
assert_eq 1 "$(lines 'queued email to a@remind.example: .*Còn 1 ngày')" "a on Wednesday"
run 0 $K --now 2024-12-05 run
assert_eq 0 "$(lines 'queued email to a@remind.example')" "a on Thursday"
assert_contains "$WORK/out" "held for a@remind.example: 1 email this week already (max_per_week 1); 1 item wait"
assert_eq 1 "$(lines 'queued digest to sec@remind.example')" "the digest is not held"
run 0 $K --now 2024-12-06 run
assert_eq 0 "$(lines 'queued email to a@remind.example')" "a on Friday"
run 0 $K --now 2024-12-09 run
assert_eq 1 "$(lines 'queued email to a@remind.example: .*Quá hạn 4 ngày')" "a on Monday"
assert_eq "overdue-0" "$(sqlite3 "$WORK/cap.db" "SELECT group_concat(stage) FROM message_items WHERE recipient = 'a@remind.example' AND run_day = '2024-12-09'")" "a's stage on Monday"
assert_eq 0 "$(sqlite3 "$WORK/cap.db" "SELECT count(*) FROM message_items WHERE recipient = 'a@remind.example' AND stage = 'due'")" "the due day's reminder, superseded"
