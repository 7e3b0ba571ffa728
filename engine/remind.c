/*
 * remind.c — the reminder policy: stages, recipients, escalation.
 *
 * Obligation stages, for a report not received and not exempt, with d the
 * days left (negative when overdue):
 *   before-N     from N days before the deadline (policy.before, e.g. 7, 1);
 *                the smallest N still ahead is the current one
 *   due          on the last day (policy.on_due)
 *   overdue-K    from min(policy.after) days late, then a step every
 *                policy.overdue_every days while the next step still falls
 *                within policy.backoff_after days late, then every
 *                policy.backoff_every days (weekly for a month, then
 *                monthly)
 *   escalate-K   the step that falls on policy.escalate_after days late
 *                (and every policy.escalate_every days after, when set):
 *                to the agency's head, the agency in copy, the secretariat
 *                too when policy.escalate_cc_secretariat; the overdue steps
 *                count on from it
 * K numbers the steps after the deadline, escalations included, so each
 * step is a new stage and the stage current on a day depends on the date
 * alone.
 * Indicator stages, for off_track, at_risk and no_data: the status and the
 * period, and a counter that moves every policy.indicator_repeat days from
 * the day the value was due — so a change of status is sent at once, and a
 * standing one is repeated at the slower pace.
 * Campaign stages, to every member of the Committee valid that day (the
 * campaign is theirs to run, not a report to send):
 *   campaign-before-N  from N days before the window opens to the day
 *                      before, N the largest of policy.before (the window
 *                      of `check`'s campaign_upcoming): one announcement
 *   campaign-start     from the first day to the first working day on or
 *                      after it, so a window opening on a Saturday is
 *                      announced on the Monday when reminders go out on
 *                      working days only
 */
#include "remind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reminders_release(struct reminders *r)
{
  for (size_t i = 0; i < r->n; i++) {
    free(r->v[i].cc);
    free(r->v[i].cc_agency);
  }
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

/* The gap after an overdue step taken `at` days late: the regular pace
 * while the next step stays inside the first backoff_after days, the slow
 * pace after. */
static int overdue_gap(const struct policy *p, int at)
{
  int every = p->overdue_every > 0 ? p->overdue_every : 1;
  if (p->backoff_after <= 0 || at + every <= p->backoff_after)
    return every;
  return p->backoff_every > every ? p->backoff_every : every;
}

/* Walk the steps after the deadline up to `late` days: overdue steps from
 * the first `after`, escalations at escalate_after (+ escalate_every …);
 * an escalation takes the place of an overdue step due the same day, and
 * the overdue pace restarts from it. */
static bool overdue_stage(const struct policy *p, int late, char *buf,
                          size_t len, bool *escalation)
{
  const int never = late + 1;        /* any day after `late` */
  int next_over = never, next_esc = never, step = -1;
  for (size_t i = 0; i < p->n_after; i++)
    if (p->after[i] < next_over)
      next_over = p->after[i] > 0 ? p->after[i] : 1;
  bool reminds = p->n_after > 0;     /* else only escalations */
  if (p->escalate_after > 0)
    next_esc = p->escalate_after;
  while (next_over <= late || next_esc <= late) {
    int at = next_over < next_esc ? next_over : next_esc;
    step++;
    *escalation = next_esc <= next_over;
    if (*escalation)
      next_esc = p->escalate_every > 0 ? at + p->escalate_every : never;
    next_over = reminds ? at + overdue_gap(p, at) : never;
  }
  if (step < 0)
    return false;
  snprintf(buf, len, "%s-%d", *escalation ? "escalate" : "overdue", step);
  return true;
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
  return overdue_stage(p, -left, buf, len, escalation);
}

bool remind_campaign_stage(const struct jurisdiction *j,
                           const struct finding *f, cal_day now, char *buf,
                           size_t len)
{
  const struct policy *p = &j->policy;
  if (f->kind == FIND_CAMPAIGN_UPCOMING) {
    int window = 0, left = f->period.start - now;
    for (size_t i = 0; i < p->n_before; i++)
      if (p->before[i] > window)
        window = p->before[i];
    if (left <= 0 || left > window)
      return false;
    snprintf(buf, len, "campaign-before-%d", window);
    return true;
  }
  if (f->kind == FIND_CAMPAIGN_ACTIVE && now >= f->period.start &&
      now <= cal_next_working_day(&j->holidays, f->period.start)) {
    snprintf(buf, len, "campaign-start");
    return true;
  }
  return false;
}

static void add_cc(struct reminder *r, const struct agency *a,
                   const char *address)
{
  if (address == NULL || address[0] == '\0' ||
      (r->to_address && strcmp(r->to_address, address) == 0))
    return;
  for (size_t i = 0; i < r->n_cc; i++)
    if (strcmp(r->cc[i], address) == 0)
      return;
  r->cc_agency[r->n_cc] = a;          /* room made by cc_room */
  r->cc[r->n_cc++] = address;
}

/* Room for n copies. Returns 0 or -1 (no memory). */
static int cc_room(struct reminder *r, size_t n)
{
  if (n == 0)
    return 0;
  r->cc = malloc(n * sizeof *r->cc);
  r->cc_agency = malloc(n * sizeof *r->cc_agency);
  return r->cc && r->cc_agency ? 0 : -1;
}

static const char *address_of(const struct agency *a)
{
  return a && a->email && a->email[0] ? a->email : NULL;
}

/* One reminder per member valid at now, when campaign finding x has a
 * stage today. Returns 0, or -1 when out of memory. */
static int campaign_reminders(const struct jurisdiction *j,
                              const struct finding *x, cal_day now,
                              struct reminders *out)
{
  char stage[40];
  if (!remind_campaign_stage(j, x, now, stage, sizeof stage))
    return 0;
  for (size_t i = 0; i < j->n_agencies; i++) {
    const struct agency *a = &j->agencies[i];
    if (!a->member || !model_agency_valid(a, now))
      continue;
    struct reminder *r = reminders_add(out);
    if (r == NULL)
      return -1;
    r->f = x;
    r->to = a;
    r->to_address = address_of(a);
    snprintf(r->stage, sizeof r->stage, "%s", stage);
  }
  return 0;
}

/* Who is told about a report or indicator of agency a on day now: a while
 * it lasts; once it has ended (valid_until), whoever answers for it then —
 * its successor, which took over its unfinished duties too (docs/delivery.md)
 * — or nobody (an abolished district): an ended body has no one to read its
 * mail, and the finding stays in `check` and the digest. *ended is set when
 * a was replaced or dropped. */
static const struct agency *told(const struct jurisdiction *j,
                                 const struct agency *a, cal_day now,
                                 bool *ended)
{
  *ended = a != NULL && a->valid_until < now;
  return *ended ? model_answerable(j, a, now) : a;
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
    if (x->campaign) {
      if (campaign_reminders(j, x, now, out) != 0)
        return -1;
      continue;
    }
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
    bool ended;
    const struct agency *to = told(j, x->agency, now, &ended);
    if (ended && to == NULL)
      continue;
    struct reminder *r = reminders_add(out);
    if (r == NULL)
      return -1;
    r->f = x;
    r->to = to;
    r->escalation = escalation;
    snprintf(r->stage, sizeof r->stage, "%s", stage);
    if (cc_room(r, escalation ? 2 : x->indicator ? x->indicator->n_support
                                                 : 0) != 0)
      return -1;
    if (escalation) {
      const char *head = to && to->head_email && to->head_email[0]
                         ? to->head_email : NULL;
      r->to_address = head ? head : address_of(to);
      add_cc(r, to, address_of(to));
      /* the secretariat's digest lists every overdue report already */
      if (p->escalate_cc_secretariat)
        add_cc(r, secretariat, address_of(secretariat));
    } else {
      r->to_address = address_of(to);
    }
    if (x->indicator)
      for (size_t k = 0; k < x->indicator->n_support; k++) {
        const struct agency *a = model_holder(j, x->indicator->support[k],
                                              now);
        add_cc(r, a, address_of(a));
      }
  }
  return 0;
}
