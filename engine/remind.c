/*
 * remind.c — the reminder policy: stages, recipients, escalation.
 *
 * Obligation stages, for a report not received and not exempt, with d the
 * days left (negative when overdue):
 *   before-N     from N days before the deadline (policy.before, e.g. 7, 1);
 *                the smallest N still ahead is the current one
 *   due          on the last day (policy.on_due)
 *   overdue-K    from min(policy.after) days after, a new K every
 *                policy.overdue_every days
 *   escalate-K   from policy.escalate_after days overdue, to the agency's
 *                head with the agency and the secretariat in copy
 * Indicator stages, for off_track, at_risk and no_data: the status and the
 * period, and a counter that moves every policy.indicator_repeat days from
 * the day the value was due — so a change of status is sent at once, and a
 * standing one is repeated at the slower pace.
 */
#include "remind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reminders_release(struct reminders *r)
{
  free(r->v);
  memset(r, 0, sizeof *r);
}

static struct reminder *reminders_add(struct reminders *r)
{
  if (r->n == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 32;
    struct reminder *nv = realloc(r->v, cap * sizeof *nv);
    if (nv == NULL)
      return NULL;
    r->v = nv;
    r->cap = cap;
  }
  struct reminder *x = &r->v[r->n++];
  memset(x, 0, sizeof *x);
  return x;
}

bool remind_obligation_stage(const struct policy *p, const struct finding *f,
                             cal_day now, char *buf, size_t len,
                             bool *escalation)
{
  int left = f->due - now;
  *escalation = false;
  if (f->kind != FIND_DUE_SOON && f->kind != FIND_UPCOMING &&
      f->kind != FIND_OVERDUE)
    return false;
  if (left > 0) {
    int best = -1;
    for (size_t i = 0; i < p->n_before; i++)
      if (p->before[i] >= left && (best < 0 || p->before[i] < best))
        best = p->before[i];
    if (best < 0)
      return false;
    snprintf(buf, len, "before-%d", best);
    return true;
  }
  if (left == 0) {
    if (!p->on_due)
      return false;
    snprintf(buf, len, "due");
    return true;
  }
  int late = -left;
  int every = p->overdue_every > 0 ? p->overdue_every : 1;
  if (p->escalate_after > 0 && late >= p->escalate_after) {
    *escalation = true;
    snprintf(buf, len, "escalate-%d", (late - p->escalate_after) / every);
    return true;
  }
  int first = 1;
  for (size_t i = 0; i < p->n_after; i++)
    if (i == 0 || p->after[i] < first)
      first = p->after[i];
  if (p->n_after == 0 || late < first)
    return false;
  snprintf(buf, len, "overdue-%d", (late - first) / every);
  return true;
}

static void add_cc(struct reminder *r, const char *address)
{
  if (address == NULL || address[0] == '\0' ||
      (r->to_address && strcmp(r->to_address, address) == 0))
    return;
  for (size_t i = 0; i < r->n_cc; i++)
    if (strcmp(r->cc[i], address) == 0)
      return;
  if (r->n_cc < REMIND_MAX_CC)
    r->cc[r->n_cc++] = address;
}

static const char *address_of(const struct agency *a)
{
  return a && a->email && a->email[0] ? a->email : NULL;
}

int remind_plan(const struct jurisdiction *j, const struct findings *f,
                cal_day now, struct reminders *out)
{
  const struct policy *p = &j->policy;
  const struct agency *secretariat = model_holder(j, "secretariat", now);

  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    char stage[40];
    bool escalation = false;
    if (x->j != j)
      continue;
    if (x->obligation) {
      if (!remind_obligation_stage(p, x, now, stage, sizeof stage,
                                   &escalation))
        continue;
    } else {
      if (x->kind != FIND_OFF_TRACK && x->kind != FIND_AT_RISK &&
          x->kind != FIND_NO_DATA)
        continue;
      int repeat = p->indicator_repeat > 0 ? p->indicator_repeat : 30;
      int since = now > x->due ? now - x->due : 0;
      snprintf(stage, sizeof stage, "%s-%s-%d", finding_kind_name(x->kind),
               x->period.id, since / repeat);
    }
    struct reminder *r = reminders_add(out);
    if (r == NULL)
      return -1;
    r->f = x;
    r->to = x->agency;
    r->escalation = escalation;
    snprintf(r->stage, sizeof r->stage, "%s", stage);
    if (escalation) {
      const char *head = x->agency && x->agency->head_email &&
                         x->agency->head_email[0] ? x->agency->head_email
                                                  : NULL;
      r->to_address = head ? head : address_of(x->agency);
      add_cc(r, address_of(x->agency));
      add_cc(r, address_of(secretariat));
    } else {
      r->to_address = address_of(x->agency);
    }
    if (x->indicator)
      for (size_t k = 0; k < x->indicator->n_support; k++)
        add_cc(r, address_of(model_holder(j, x->indicator->support[k], now)));
  }
  return 0;
}
