# A year of the daily job on the shipped rules (Bắc Ninh, inheriting the
# national template) with nobody ever reporting: `dondoc run` once for every
# day of 2024 on a fresh SQLite file, no SMTP server, so each delivery lands
# as an .eml file. Then the mail is read back and checked against what the
# policy promises:
#   - one email per address per run, with that address alone in To;
#   - no address gets more than 3 emails in any ISO week, the secretariat's
#     daily digest aside (policy max_per_week; before issue 10 the
#     secretariat got up to 67 a week, copied on every escalation);
#   - the secretariat is never copied on another agency's escalation;
#   - every report that became overdue got reminders before its deadline,
#     its first overdue reminder, weekly ones in the first month and
#     monthly ones after (backoff_after, backoff_every), and — once 14 days
#     late — exactly one escalation, to the agency's head, the agency in
#     copy (escalate_every = 0).
# The week of a message is its run's day (messages.run_day in the outbox):
# the Date header is the real clock, not --now.
# Runtime on the 2-core development machine: about 18 s with ./dondoc,
# about 60 s with the ASan+UBSan build.
. "$ROOT/tests/e2e/lib.sh"
cat > "$WORK/cfg.lua" <<CFG
rules_dir = "$ROOT/rules"
database = "year.db"
outbox_dir = "box"
mail = { from = "ban-vstbpn@bacninh.example.gov.vn", from_name = "Thường trực Ban" }
jurisdictions = { "bac-ninh" }
CFG
C="--config $WORK/cfg.lua"

days=$(python3 -c '
import datetime as D
d = D.date(2024, 1, 1)
while d.year == 2024:
    print(d); d += D.timedelta(1)')
for d in $days; do
  "$DONDOC" $C --now "$d" run --quiet >"$WORK/out" 2>"$WORK/err" ||
    { cat "$WORK/err"; fail "run on $d exited $?"; }
done
run 0 $C --now 2024-12-31 --json check --kind overdue
cp "$WORK/out" "$WORK/overdue.json"

python3 - "$WORK" "$ROOT/rules/bac-ninh/agencies.lua" <<'PY' || fail "a year of reminders"
import collections, datetime, email, glob, json, re, sqlite3, sys
from email import policy
from email.utils import getaddresses
work, agencies_lua = sys.argv[1], sys.argv[2]
db = sqlite3.connect(work + '/year.db')

# the agencies' addresses, from the rules themselves
src = open(agencies_lua, encoding='utf-8').read()
email_of, head_of = {}, {}
for m in re.finditer(r'agency "([^"]+)" \{(.*?)\n\}', src, re.S):
    e = re.search(r'\bemail\s*=\s*"([^"]+)"', m.group(2))
    h = re.search(r'\bhead_email\s*=\s*"([^"]+)"', m.group(2))
    email_of[m.group(1)] = e.group(1)
    head_of[m.group(1)] = h.group(1)
secretariat = email_of['so-ldtbxh']          # role "secretariat" in 2024

run_day = dict(db.execute('SELECT message_id, run_day FROM messages'))
digests = {r[0] for r in db.execute(
    "SELECT m.message_id FROM messages m JOIN message_items i"
    " ON i.message = m.id WHERE i.kind = 'digest'")}

# every delivery's file, read back
msgs = {}
for f in sorted(glob.glob(work + '/box/mail/*.eml')):
    m = email.message_from_binary_file(open(f, 'rb'), policy=policy.default)
    mid = str(m['Message-ID'])
    to = [a for _, a in getaddresses([str(m['To'])])]
    cc = [a for _, a in getaddresses([str(m['Cc'])])] if m['Cc'] else []
    assert len(to) == 1 and not cc, (f, to, cc)          # one address each
    assert f.endswith('-' + to[0] + '.eml'), (f, to)     # delivered to it
    assert mid not in msgs, mid                          # one delivery each
    msgs[mid] = (run_day[mid], to[0], str(m['Subject']))
assert len(msgs) == len(run_day), (len(msgs), len(run_day))
assert len(digests) >= 240, len(digests)                 # every working day

per_run = collections.Counter((d, a) for mid, (d, a, _) in msgs.items()
                              if mid not in digests)
assert max(per_run.values()) == 1, per_run.most_common(3)
per_week = collections.Counter()
for mid, (d, a, _) in msgs.items():
    if mid not in digests:
        per_week[(a,) + datetime.date.fromisoformat(d).isocalendar()[:2]] += 1
worst = per_week.most_common(1)[0]
assert worst[1] <= 3, per_week.most_common(5)
print('most emails to one address in one week:', worst)

# items: (recipient, item, agency, period, stage, run_day)
items = db.execute("SELECT recipient, item, agency, period, stage, run_day"
                   " FROM message_items WHERE kind <> 'digest'").fetchall()
for r, item, agency, period, stage, d in items:
    if stage.startswith('escalate-') and r == secretariat:
        assert agency == 'so-ldtbxh', ('secretariat copied', item, agency, stage)

overdue = json.load(open(work + '/overdue.json'))
assert len(overdue) > 70, len(overdue)    # no Action Month reports since issue 11
for f in overdue:
    key = (f['obligation'], f['agency'], f['period'])
    due = datetime.date.fromisoformat(f['due'])
    mine = [(datetime.date.fromisoformat(d) - due).days
            for r, *k, stage, d in items
            if tuple(k) == key and r == email_of[f['agency']]]
    stages = {stage for r, *k, stage, d in items if tuple(k) == key}
    assert any(s.startswith('before-') for s in stages), (key, stages)
    assert 'overdue-0' in stages, (key, stages)
    esc = {(r, s) for r, *k, s, d in items
           if tuple(k) == key and s.startswith('escalate-')}
    if f['days'] >= 14 + 7:        # its escalation's week is within 2024
        assert {s for r, s in esc} and len({s for r, s in esc}) == 1, (key, esc)
        assert {r for r, s in esc} == {head_of[f['agency']],
                                       email_of[f['agency']]}, (key, esc)
    elif f['days'] < 14:
        assert not esc, (key, esc)
    late = sorted(x for x in mine if x > 0)
    assert late and late[0] <= 7, (key, late)            # first week late
    first_month = [x for x in late if x <= 30]
    if f['days'] >= 30:
        assert len(first_month) >= 3, (key, late)        # about weekly
    later = [x for x in late if x > 30]
    gaps = [b - a for a, b in zip(late, late[1:])]
    assert all(g <= 37 for g in gaps), (key, late)       # never silent
    assert f['days'] - late[-1] <= 37, (key, late, f['days'])
    assert all(b - a >= 25 for a, b in zip(later, later[1:])), (key, late)
print(len(overdue), 'overdue reports, each reminded, escalated once when due')
PY
