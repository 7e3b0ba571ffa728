#!/bin/sh
# The demo behind `make demo`: a fresh database under var/, the bundled
# Bắc Ninh rules and sample data, evaluated on a fixed date; the status
# report of that date as one HTML page (var/demo/); then the daily job,
# which delivers its reminders to var/outbox/ (no mail server needed);
# then a preview of what the rules do over the next month.
set -eu
cd "$(dirname "$0")/.."
DEMO_DATE=${DEMO_DATE:-2024-12-09}
DB=var/demo.db
mkdir -p var
rm -rf "$DB" "$DB-wal" "$DB-shm" var/outbox
mkdir -p var/demo
sh scripts/demo-data.sh ./dondoc "$DB" >/dev/null
echo "== dondoc check: Bắc Ninh on $DEMO_DATE (database $DB)"
./dondoc --db "$DB" --now "$DEMO_DATE" check
echo
echo "== dondoc report: the secretariat's status report on $DEMO_DATE"
REPORT=var/demo/report-$DEMO_DATE.html
./dondoc --db "$DB" --now "$DEMO_DATE" -q report -o "$REPORT"
echo "Written to $REPORT: one page, no outside assets, prints on A4; open it in a browser."
echo "(also: report --format json | csv | xlsx -o FILE; on Mondays the digest carries it)"
echo
echo "== dondoc run: the reminders the policy calls for on $DEMO_DATE"
./dondoc --db "$DB" --now "${DEMO_DATE}T08:00" run --quiet
./dondoc --db "$DB" outbox list | head -8
echo "  … $(./dondoc --db "$DB" outbox list --kind sent | tail -n +2 | wc -l) deliveries sent"
echo
echo "Delivered to var/outbox/ (no SMTP server or webhook URL is configured):"
ls var/outbox/mail | sed 's/^/  mail\//' | head -8
echo "  … $(ls var/outbox/mail | wc -l) emails (.eml), $(ls var/outbox/webhooks | wc -l) webhook body (.json)"
first=$(ls var/outbox/mail/*.eml | head -1)
echo
echo "== the first email, decoded ($first)"
/usr/bin/python3 - "$first" <<'PY'
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
for h in ('To', 'Cc', 'Subject', 'Message-ID', 'In-Reply-To'):
    if m[h]:
        print(f"{h}: {m[h]}")
print()
print(m.get_body(('plain',)).get_content())
PY
echo
echo "== dondoc rules preview: what Bắc Ninh's rules alone do in the month from $DEMO_DATE (no data: what an officer reads before turning them on)"
./dondoc --now "$DEMO_DATE" rules preview bac-ninh
