/*
 * remind.h — which reminders the policy calls for today, and to whom.
 *
 * Pure decisions: findings (evaluated with every status) and the
 * jurisdiction's policy in, reminders out; nothing is read or written. Each
 * reminder names its stage — "before-7", "due", "overdue-2",
 * "escalate-2", "off_track-2023-1", "campaign-before-7",
 * "campaign-start" — and the stage is what makes a reminder
 * unique: the outbox sends each (recipient, item, stage) once, so running
 * twice a day sends nothing new, and a run skipped for days sends only the
 * stage current now, not the backlog.
 *
 * A reminder has one address that must act on it (to_address) and the
 * addresses that get it for information (cc, with the agency each belongs
 * to); run.c writes one email per address, whatever role it has in each.
 */
#ifndef DONDOC_REMIND_H
#define DONDOC_REMIND_H

#include <stdbool.h>
#include <stddef.h>
#include "evaluate.h"

struct reminder {
  const struct finding *f;
  const struct agency *to;          /* who must act: f's agency (once it
                                     * has ended, its successor), or for a
                                     * campaign each member in turn */
  const char *to_address;           /* NULL when the agency has no address;
                                     * its head's address on escalations */
  const char **cc;                  /* copies, never to_address, no repeats */
  const struct agency **cc_agency;  /* whose address cc[i] is */
  size_t n_cc;
  char stage[40];
  bool escalation;
};

struct reminders { struct reminder *v; size_t n, cap; };

/* Append the reminders due at `now` for the findings of j (only those of
 * j are looked at). Returns 0, or -1 when out of memory. The reminders
 * point into f and j, which must outlive them; reminders_release frees
 * the array and each reminder's cc arrays. */
int remind_plan(const struct jurisdiction *j, const struct findings *f,
                cal_day now, struct reminders *out);
void reminders_release(struct reminders *r);

/* The stage of an obligation finding at now under policy p, into buf;
 * returns false when no reminder is due today. Exposed for tests. */
bool remind_obligation_stage(const struct policy *p, const struct finding *f,
                             cal_day now, char *buf, size_t len,
                             bool *escalation);

/* The stage of a campaign finding of j at now ("campaign-before-7",
 * "campaign-start") into buf; false when none is due today. A campaign's
 * reminders go to every member of j valid at now. Exposed for tests. */
bool remind_campaign_stage(const struct jurisdiction *j,
                           const struct finding *f, cal_day now, char *buf,
                           size_t len);

#endif
