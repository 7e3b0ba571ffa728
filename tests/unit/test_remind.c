/*
 * test_remind.c — the reminder policy (engine/remind.c).
 *
 * Covers remind_obligation_stage() at every boundary of the policy on
 * hand-made findings (before-N, due, overdue-K with its back-off from
 * weekly to monthly, one escalation or repeated ones, a first overdue step
 * other than 1, kinds that never remind), remind_plan() on real findings
 * (the fixture rules tests/fixtures/rules/remind evaluated against a real
 * SQLite file in a mkdtemp directory, removed in teardown), and the
 * policy's checks in decls.c: rule files with a bad policy, written to a
 * mkdtemp directory, fail with FILE:LINE.
 *
 * Fixture facts used below: agencies a (email + head_email), b (email), c
 * (no email) owe "annual", due "before 12-05" (read as 05/12); sec holds
 * role secretariat; indicator "lead" (due 12-25 each year) is led by b and
 * supported by a; policy before {7, 1}, after {1}, overdue_every 7,
 * escalate_after 14, indicator_repeat 30, and the defaults for the rest:
 * backoff_after 30, backoff_every 30, escalate_every 0 (once), the
 * secretariat not copied on escalations, max_per_week 3.
 *
 * The reports of an ended agency (test_plan_ended_agency) use rules written
 * for the test: reminders go to its successor, or to nobody.
 *
 * Campaign stages and recipients use tests/fixtures/rules/campaigns: the
 * Action Month "am" (15/11–15/12; 15/11/2024 a Friday, 15/11/2025 a
 * Saturday), members a, b (ends 14/11/2025) and c (no address), d and sec
 * not members; before window 7 days.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evaluate.h"
#include "remind.h"
#include "rules.h"
#include "store.h"
#include "fixture.h"

struct fx {
  struct ruleset rs;
  const struct jurisdiction *j;
  struct store *s;
  struct fixture_db fdb;
  struct findings f;
  struct reminders r;
};

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"remind"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 1) != 0 ||
      fixture_db_open(&x->fdb, "remind") != 0)
    return -1;
  x->j = rules_find(&x->rs, "remind");
  x->s = x->fdb.s;
  return x->j ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  if (x == NULL)
    return 0;
  fixture_db_close(&x->fdb);
  reminders_release(&x->r);
  findings_release(&x->f);
  rules_release(&x->rs);
  free(x);
  return 0;
}

#define day fixture_day

/* Evaluate (every status, as `run` does) and plan the reminders at `now`. */
static void plan_at(struct fx *x, cal_day now)
{
  char err[256];
  struct eval_options o = {.now = now, .all = true};
  reminders_release(&x->r);
  findings_release(&x->f);
  assert_int_equal(evaluate_jurisdiction(x->j, x->s, &o, &x->f, err,
                                         sizeof err), 0);
  assert_int_equal(remind_plan(x->j, &x->f, now, &x->r), 0);
}

/* The reminder about obligation/indicator `item` owed by `agency`. */
static const struct reminder *find(const struct fx *x, const char *item,
                                   const char *agency)
{
  const struct reminder *found = NULL;
  for (size_t i = 0; i < x->r.n; i++) {
    const struct finding *f = x->r.v[i].f;
    const char *id = finding_item_id(f);
    if (strcmp(id, item) == 0 &&
        (agency == NULL || (f->agency && strcmp(f->agency->id, agency) == 0))) {
      assert_null(found);                 /* exactly one */
      found = &x->r.v[i];
    }
  }
  return found;
}

/* ---- remind_obligation_stage ------------------------------------------- */

static const struct policy fixture_policy = {
  .before = {7, 1}, .n_before = 2, .after = {1}, .n_after = 1,
  .on_due = true, .overdue_every = 7, .backoff_after = 30,
  .backoff_every = 30, .escalate_after = 14, .escalate_every = 0,
  .indicator_repeat = 30, .working_days_only = true, .max_per_week = 3,
};

/* The stage at `offset` days from a due date (negative: before it), or ""
 * when none is due; *esc gets the escalation flag. */
static const char *stage_at(const struct policy *p, enum finding_kind kind,
                            int offset, bool *esc)
{
  static char buf[40];
  struct finding f;
  cal_day due = day("2024-12-05");
  memset(&f, 0, sizeof f);
  f.kind = kind;
  f.due = due;
  f.days = offset < 0 ? -offset : offset;
  *esc = true;                  /* must be cleared on every path */
  memset(buf, 'X', sizeof buf);
  if (!remind_obligation_stage(p, &f, due + offset, buf, sizeof buf, esc))
    return "";
  return buf;
}

/* The days late on which a new stage starts, from 1 to `until`, as text:
 * "1 8 14e 21" (e: an escalation). */
static const char *steps_until(const struct policy *p, int until)
{
  static char out[512];
  char prev[40] = "", cur[40];
  size_t used = 0;
  out[0] = '\0';
  for (int late = 1; late <= until; late++) {
    bool esc;
    snprintf(cur, sizeof cur, "%s", stage_at(p, FIND_OVERDUE, late, &esc));
    if (cur[0] && strcmp(cur, prev) != 0)
      used += (size_t)snprintf(out + used, sizeof out - used, "%s%d%s",
                               used ? " " : "", late, esc ? "e" : "");
    snprintf(prev, sizeof prev, "%s", cur);
  }
  return out;
}

static void test_stage_before_and_due(void **state)
{
  const struct policy *p = &fixture_policy;
  bool esc;
  (void)state;
  assert_string_equal(stage_at(p, FIND_UPCOMING, -8, &esc), "");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_DUE_SOON, -7, &esc), "before-7");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_UPCOMING, -7, &esc), "before-7");
  assert_string_equal(stage_at(p, FIND_DUE_SOON, -6, &esc), "before-7");
  assert_string_equal(stage_at(p, FIND_DUE_SOON, -2, &esc), "before-7");
  assert_string_equal(stage_at(p, FIND_DUE_SOON, -1, &esc), "before-1");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_DUE_SOON, 0, &esc), "due");
  assert_false(esc);

  struct policy q = fixture_policy;
  q.on_due = false;
  assert_string_equal(stage_at(&q, FIND_DUE_SOON, 0, &esc), "");
  assert_false(esc);
  assert_string_equal(stage_at(&q, FIND_DUE_SOON, -1, &esc), "before-1");

  /* the order of the list does not matter: the smallest N still ahead */
  q = fixture_policy;
  q.before[0] = 1;
  q.before[1] = 7;
  assert_string_equal(stage_at(&q, FIND_DUE_SOON, -3, &esc), "before-7");
  assert_string_equal(stage_at(&q, FIND_DUE_SOON, -1, &esc), "before-1");
  q.n_before = 0;                        /* no before steps at all */
  assert_string_equal(stage_at(&q, FIND_DUE_SOON, -1, &esc), "");
}

static void test_stage_overdue_and_escalate(void **state)
{
  const struct policy *p = &fixture_policy;
  bool esc;
  (void)state;
  /* weekly from the first day late; the escalation on day 14 takes a step
   * and the weekly pace restarts from it; the last weekly step of the
   * first month is day 28 (35 would be past 30), then every 30 days */
  assert_string_equal(steps_until(p, 150), "1 8 14e 21 28 58 88 118 148");
  assert_string_equal(stage_at(p, FIND_OVERDUE, 1, &esc), "overdue-0");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 7, &esc), "overdue-0");
  assert_string_equal(stage_at(p, FIND_OVERDUE, 8, &esc), "overdue-1");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 13, &esc), "overdue-1");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 14, &esc), "escalate-2");
  assert_true(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 20, &esc), "escalate-2");
  assert_true(esc);
  /* once: after it, reminders again, not escalations */
  assert_string_equal(stage_at(p, FIND_OVERDUE, 21, &esc), "overdue-3");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 28, &esc), "overdue-4");
  assert_string_equal(stage_at(p, FIND_OVERDUE, 57, &esc), "overdue-4");
  assert_string_equal(stage_at(p, FIND_OVERDUE, 58, &esc), "overdue-5");
  assert_string_equal(stage_at(p, FIND_OVERDUE, 209, &esc), "overdue-10");
  assert_false(esc);

  /* escalations repeated every 30 days: each takes a step */
  struct policy q = fixture_policy;
  q.escalate_every = 30;
  assert_string_equal(steps_until(&q, 110), "1 8 14e 21 28 44e 74e 104e");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 44, &esc), "escalate-5");
  assert_true(esc);
  /* no back-off: weekly for ever */
  q = fixture_policy;
  q.backoff_after = 0;
  assert_string_equal(steps_until(&q, 50), "1 8 14e 21 28 35 42 49");
  /* a longer first phase; the slow pace from the last weekly step */
  q.backoff_after = 60;
  q.backoff_every = 14;
  assert_string_equal(steps_until(&q, 100), "1 8 14e 21 28 35 42 49 56 70 84 "
                                            "98");

  /* the first overdue reminder N days after */
  q = fixture_policy;
  q.after[0] = 3;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 2, &esc), "");
  assert_false(esc);
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 3, &esc), "overdue-0");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 9, &esc), "overdue-0");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 10, &esc), "overdue-1");
  assert_string_equal(steps_until(&q, 40), "3 10 14e 21 28");
  /* with several steps the smallest is the first */
  q.after[0] = 5;
  q.after[1] = 2;
  q.n_after = 2;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 1, &esc), "");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 2, &esc), "overdue-0");

  /* no escalation configured: overdue counts on */
  q = fixture_policy;
  q.escalate_after = 0;
  assert_string_equal(steps_until(&q, 100), "1 8 15 22 29 59 89");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 30, &esc), "overdue-4");
  assert_false(esc);
  /* no after steps: silence but for the escalation */
  q = fixture_policy;
  q.n_after = 0;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 1, &esc), "");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 14, &esc), "escalate-0");
  assert_true(esc);
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 100, &esc), "escalate-0");
  assert_string_equal(steps_until(&q, 100), "14e");
  q.escalate_every = 30;
  assert_string_equal(steps_until(&q, 100), "14e 44e 74e");
  /* overdue_every 0 (not allowed by the rules) counts every day rather
   * than dividing by zero or looping for ever */
  q = fixture_policy;
  q.overdue_every = 0;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 5, &esc), "overdue-4");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 14, &esc), "escalate-13");
  q.backoff_every = 0;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 40, &esc), "overdue-39");
}

static void test_stage_other_kinds(void **state)
{
  const struct policy *p = &fixture_policy;
  static const enum finding_kind never[] = {
    FIND_ON_TIME, FIND_LATE, FIND_EXEMPT, FIND_OFF_TRACK, FIND_AT_RISK,
    FIND_NO_DATA, FIND_ON_TRACK, FIND_ACHIEVED
  };
  static const int offsets[] = {-7, -1, 0, 1, 8, 14, 21};
  bool esc;
  (void)state;
  for (size_t k = 0; k < sizeof never / sizeof *never; k++)
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++) {
      assert_string_equal(stage_at(p, never[k], offsets[i], &esc), "");
      assert_false(esc);
    }
  /* upcoming beyond the largest before step */
  assert_string_equal(stage_at(p, FIND_UPCOMING, -30, &esc), "");
  assert_string_equal(stage_at(p, FIND_UPCOMING, -365, &esc), "");
  assert_false(esc);
}

/* ---- remind_plan on the fixture ------------------------------------------ */

static void test_fixture_policy(void **state)
{
  struct fx *x = *state;
  const struct policy *p = &x->j->policy;
  assert_int_equal(p->n_before, 2);
  assert_int_equal(p->before[0], 7);
  assert_int_equal(p->before[1], 1);
  assert_int_equal(p->n_after, 1);
  assert_int_equal(p->after[0], 1);
  assert_true(p->on_due);
  assert_int_equal(p->overdue_every, 7);
  assert_int_equal(p->escalate_after, 14);
  assert_int_equal(p->indicator_repeat, 30);
  /* not in the fixture: the defaults */
  assert_int_equal(p->backoff_after, 30);
  assert_int_equal(p->backoff_every, 30);
  assert_int_equal(p->escalate_every, 0);
  assert_false(p->escalate_cc_secretariat);
  assert_int_equal(p->max_per_week, 3);
  assert_string_equal(p->digest, "daily");
}

static void test_plan_before(void **state)
{
  struct fx *x = *state;
  const struct reminder *r;
  plan_at(x, day("2024-11-28"));
  assert_int_equal(x->r.n, 4);          /* a, b, c and the indicator */

  r = find(x, "annual", "a");
  assert_non_null(r);
  assert_string_equal(r->stage, "before-7");
  assert_false(r->escalation);
  assert_string_equal(r->to->id, "a");
  assert_string_equal(r->to_address, "a@remind.example");
  assert_int_equal(r->n_cc, 0);
  assert_int_equal(r->f->kind, FIND_DUE_SOON);
  assert_int_equal(r->f->due, day("2024-12-05"));

  r = find(x, "annual", "b");
  assert_non_null(r);
  assert_string_equal(r->stage, "before-7");
  assert_string_equal(r->to_address, "b@remind.example");
  assert_int_equal(r->n_cc, 0);

  /* c has no address: the reminder is there, to be listed in the digest */
  r = find(x, "annual", "c");
  assert_non_null(r);
  assert_string_equal(r->stage, "before-7");
  assert_string_equal(r->to->id, "c");
  assert_null(r->to_address);
  assert_int_equal(r->n_cc, 0);

  /* the indicator: to the lead, the supporting agency in copy; the 2023
   * value was due 25/12/2023, 339 days ago: counter 339 / 30 = 11 */
  r = find(x, "lead", NULL);
  assert_non_null(r);
  assert_int_equal(r->f->kind, FIND_NO_DATA);
  assert_string_equal(r->f->period.id, "2023");
  assert_int_equal(r->f->due, day("2023-12-25"));
  assert_string_equal(r->stage, "no_data-2023-11");
  assert_false(r->escalation);
  assert_string_equal(r->to->id, "b");
  assert_string_equal(r->to_address, "b@remind.example");
  assert_int_equal(r->n_cc, 1);
  assert_string_equal(r->cc[0], "a@remind.example");
  assert_string_equal(r->cc_agency[0]->id, "a");

  /* the sec agency owes nothing; nothing for it */
  assert_null(find(x, "annual", "sec"));

  /* 27/11: eight days before, only the indicator */
  plan_at(x, day("2024-11-27"));
  assert_int_equal(x->r.n, 1);
  assert_non_null(find(x, "lead", NULL));
}

static void test_plan_due_and_overdue(void **state)
{
  struct fx *x = *state;
  const struct reminder *r;

  plan_at(x, day("2024-12-04"));
  assert_string_equal(find(x, "annual", "a")->stage, "before-1");
  plan_at(x, day("2024-12-05"));
  assert_string_equal(find(x, "annual", "b")->stage, "due");
  plan_at(x, day("2024-12-06"));
  r = find(x, "annual", "a");
  assert_string_equal(r->stage, "overdue-0");
  assert_false(r->escalation);
  assert_string_equal(r->to_address, "a@remind.example");
  assert_int_equal(r->n_cc, 0);
  plan_at(x, day("2024-12-13"));        /* 8 days late */
  assert_string_equal(find(x, "annual", "c")->stage, "overdue-1");

  /* a report received stops its reminders */
  assert_int_equal(store_submission_put(x->s, "remind", "b", "annual", "2024",
                                        day("2024-12-10"), NULL), 0);
  plan_at(x, day("2024-12-13"));
  assert_null(find(x, "annual", "b"));
  assert_non_null(find(x, "annual", "a"));
}

static void test_plan_escalation(void **state)
{
  struct fx *x = *state;
  const struct reminder *r;
  plan_at(x, day("2024-12-19"));        /* 14 days late */
  assert_int_equal(x->r.n, 4);

  /* to a's head, a in copy; not the secretariat, whose digest lists it */
  r = find(x, "annual", "a");
  assert_non_null(r);
  assert_string_equal(r->stage, "escalate-2");
  assert_true(r->escalation);
  assert_string_equal(r->to->id, "a");
  assert_string_equal(r->to_address, "giamdoc.a@remind.example");
  assert_int_equal(r->n_cc, 1);
  assert_string_equal(r->cc[0], "a@remind.example");
  assert_string_equal(r->cc_agency[0]->id, "a");

  /* no head_email: to the agency itself, nobody in copy */
  r = find(x, "annual", "b");
  assert_true(r->escalation);
  assert_string_equal(r->to_address, "b@remind.example");
  assert_int_equal(r->n_cc, 0);

  r = find(x, "annual", "c");
  assert_true(r->escalation);
  assert_null(r->to_address);
  assert_int_equal(r->n_cc, 0);

  /* indicators never escalate */
  r = find(x, "lead", NULL);
  assert_false(r->escalation);
  assert_string_equal(r->stage, "no_data-2023-12");

  /* once: a week later, a reminder to the agency again */
  plan_at(x, day("2024-12-26"));        /* 21 days late */
  r = find(x, "annual", "a");
  assert_string_equal(r->stage, "overdue-3");
  assert_false(r->escalation);
  assert_string_equal(r->to_address, "a@remind.example");
  assert_int_equal(r->n_cc, 0);

  /* the policy can copy the secretariat */
  struct policy *p = &x->rs.jurisdictions[0].policy;
  p->escalate_cc_secretariat = true;
  plan_at(x, day("2024-12-19"));
  r = find(x, "annual", "a");
  assert_int_equal(r->n_cc, 2);
  assert_string_equal(r->cc[0], "a@remind.example");
  assert_string_equal(r->cc[1], "sec@remind.example");
  assert_string_equal(r->cc_agency[1]->id, "sec");
  r = find(x, "annual", "c");            /* nobody to act: still listed */
  assert_null(r->to_address);
  assert_int_equal(r->n_cc, 1);
  assert_string_equal(r->cc[0], "sec@remind.example");
}

/* The stage of the indicator reminder at `now` ("" when none). */
static const char *indicator_stage(struct fx *x, cal_day now)
{
  static char buf[40];
  plan_at(x, now);
  const struct reminder *r = find(x, "lead", NULL);
  snprintf(buf, sizeof buf, "%s", r ? r->stage : "");
  return buf;
}

static void test_plan_indicator_stages(void **state)
{
  struct fx *x = *state;
  char s1[40], s29[40], s30[40], s31[40];
  cal_day due = day("2024-12-25");      /* the 2024 value's due date */

  /* on the due day itself the 2024 value is not late yet: still 2023 */
  snprintf(s1, sizeof s1, "%s", indicator_stage(x, due));
  assert_string_equal(s1, "no_data-2023-12");
  snprintf(s1, sizeof s1, "%s", indicator_stage(x, due + 1));
  assert_int_equal(find(x, "lead", NULL)->f->due, due);
  assert_string_equal(s1, "no_data-2024-0");
  snprintf(s29, sizeof s29, "%s", indicator_stage(x, due + 29));
  snprintf(s30, sizeof s30, "%s", indicator_stage(x, due + 30));
  snprintf(s31, sizeof s31, "%s", indicator_stage(x, due + 31));
  assert_string_equal(s29, s1);         /* inside one repeat: the same */
  assert_string_equal(s31, "no_data-2024-1");
  assert_string_not_equal(s31, s1);     /* past a repeat: a new stage */
  assert_string_equal(s30, "no_data-2024-1");
  assert_string_equal(indicator_stage(x, due + 60), "no_data-2024-2");

  /* the pace is the policy's; 0 (unset) means every 30 days */
  struct policy *p = &x->rs.jurisdictions[0].policy;
  assert_ptr_equal(&x->rs.jurisdictions[0], x->j);
  p->indicator_repeat = 10;
  assert_string_equal(indicator_stage(x, due + 9), "no_data-2024-0");
  assert_string_equal(indicator_stage(x, due + 10), "no_data-2024-1");
  assert_string_equal(indicator_stage(x, due + 31), "no_data-2024-3");
  p->indicator_repeat = 0;
  assert_string_equal(indicator_stage(x, due + 29), "no_data-2024-0");
  assert_string_equal(indicator_stage(x, due + 30), "no_data-2024-1");
  p->indicator_repeat = 30;

  /* a change of status is a new stage at once */
  assert_int_equal(store_observation_put(x->s, "remind", "lead", "remind",
                                         "2024", 40, "test"), 0);
  assert_string_equal(indicator_stage(x, due + 1), "off_track-2024-0");
  assert_int_equal(find(x, "lead", NULL)->f->kind, FIND_OFF_TRACK);
  assert_string_equal(indicator_stage(x, due + 29), "off_track-2024-0");
  assert_string_equal(indicator_stage(x, due + 31), "off_track-2024-1");
  /* 55 against a path of 56 with 2 points' tolerance: at risk */
  assert_int_equal(store_observation_put(x->s, "remind", "lead", "remind",
                                         "2024", 55, "test"), 0);
  assert_string_equal(indicator_stage(x, due + 1), "at_risk-2024-0");
  /* on track: no reminder at all */
  assert_int_equal(store_observation_put(x->s, "remind", "lead", "remind",
                                         "2024", 57, "test"), 0);
  assert_string_equal(indicator_stage(x, due + 1), "");
}

static void test_plan_only_own_findings(void **state)
{
  struct fx *x = *state;
  struct jurisdiction other;
  plan_at(x, day("2024-11-28"));
  assert_int_equal(x->r.n, 4);

  /* a finding of another jurisdiction is not this one's to remind */
  memset(&other, 0, sizeof other);
  for (size_t i = 0; i < x->f.n; i++)
    x->f.v[i].j = &other;
  reminders_release(&x->r);
  assert_int_equal(remind_plan(x->j, &x->f, day("2024-11-28"), &x->r), 0);
  assert_int_equal(x->r.n, 0);
  for (size_t i = 0; i < x->f.n; i++)
    x->f.v[i].j = x->j;

  /* reminders are appended, not replaced */
  assert_int_equal(remind_plan(x->j, &x->f, day("2024-11-28"), &x->r), 0);
  assert_int_equal(remind_plan(x->j, &x->f, day("2024-11-28"), &x->r), 0);
  assert_int_equal(x->r.n, 8);
  reminders_release(&x->r);
  assert_null(x->r.v);
  assert_int_equal(x->r.n, 0);
}

/* ---- rules written for one test (the policy's checks, many copies) ----- */

struct scratch { char dir[64], folder[96], file[128]; };

/* Write `lua` as the jurisdiction "p" in a fresh mkdtemp rules directory
 * and load it; returns rules_load's status. */
static int load_lua(struct scratch *t, const char *lua, struct ruleset *rs)
{
  struct rules_options o;
  const char *ids[] = {"p"};
  snprintf(t->dir, sizeof t->dir, "/tmp/dondoc-policy.XXXXXX");
  assert_non_null(mkdtemp(t->dir));
  snprintf(t->folder, sizeof t->folder, "%s/p", t->dir);
  snprintf(t->file, sizeof t->file, "%s/jurisdiction.lua", t->folder);
  assert_int_equal(mkdir(t->folder, 0700), 0);
  FILE *f = fopen(t->file, "w");
  assert_non_null(f);
  assert_true(fputs(lua, f) >= 0);
  assert_int_equal(fclose(f), 0);
  rules_options_default(&o, t->dir);
  memset(rs, 0, sizeof *rs);
  return rules_load(&o, ids, 1, rs);
}

static void scratch_remove(struct scratch *t)
{
  (void)unlink(t->file);
  (void)rmdir(t->folder);
  (void)rmdir(t->dir);
}

#define HEAD "jurisdiction \"p\" { name = \"P\" }\n"

/* A policy line that must fail with `msg` at jurisdiction.lua:2. */
static void expect_policy_error(const char *line, const char *msg)
{
  struct scratch t;
  struct ruleset rs;
  char lua[512], where[160];
  snprintf(lua, sizeof lua, HEAD "%s\n", line);
  assert_int_equal(load_lua(&t, lua, &rs), 1);
  assert_int_equal(rs.n_errors, 1);
  snprintf(where, sizeof where, "%s:2: ", t.file);
  if (strstr(rs.errors[0].message, where) == NULL ||
      strstr(rs.errors[0].message, msg) == NULL)
    fail_msg("%s: got '%s', expected '%s' and '%s'", line,
             rs.errors[0].message, where, msg);
  rules_release(&rs);
  scratch_remove(&t);
}

static void test_policy_checked(void **state)
{
  (void)state;
  expect_policy_error("policy { overdue_every = 0 }",
                      "field 'overdue_every' must be a whole number from 1 "
                      "to 366");
  expect_policy_error("policy { backoff_every = 30.5 }",
                      "field 'backoff_every' must be a whole number");
  expect_policy_error("policy { escalate_every = -30 }",
                      "field 'escalate_every' must be a whole number from 0 "
                      "to 366");
  expect_policy_error("policy { max_per_week = \"3\" }",
                      "field 'max_per_week' must be a whole number, not a "
                      "string");
  expect_policy_error("policy { escalate_cc_secretariat = \"yes\" }",
                      "field 'escalate_cc_secretariat' must be true or false");
  expect_policy_error("policy { backoff_every = 3 }",
                      "policy.backoff_every (3) must be at least "
                      "overdue_every (7)");
  expect_policy_error("policy { digest = \"hourly\" }",
                      "policy.digest 'hourly' must be");
  expect_policy_error("policy { indicator_repeat = 0 }",
                      "field 'indicator_repeat' must be a whole number");
  expect_policy_error("policy { escalate_everyday = 30 }",
                      "policy: unknown field 'escalate_everyday'");

  /* the same fields, well formed */
  struct scratch t;
  struct ruleset rs;
  assert_int_equal(load_lua(&t, HEAD "policy { overdue_every = 7.0, "
                            "backoff_after = 0, backoff_every = 7, "
                            "escalate_every = 30, escalate_cc_secretariat = "
                            "true, max_per_week = 0, digest = \"weekly\" }\n",
                            &rs), 0);
  const struct policy *p = &rs.jurisdictions[0].policy;
  assert_int_equal(p->overdue_every, 7);
  assert_int_equal(p->backoff_after, 0);
  assert_int_equal(p->backoff_every, 7);
  assert_int_equal(p->escalate_every, 30);
  assert_true(p->escalate_cc_secretariat);
  assert_int_equal(p->max_per_week, 0);
  assert_string_equal(p->digest, "weekly");
  rules_release(&rs);
  scratch_remove(&t);
}

/* An indicator with twelve supporting agencies: every one gets its copy
 * (there used to be room for eight). */
static void test_plan_many_copies(void **state)
{
  struct scratch t;
  struct ruleset rs;
  struct findings f = {0};
  struct reminders r = {0};
  struct fx *x = *state;
  char lua[4096], err[256];
  size_t used = (size_t)snprintf(lua, sizeof lua, HEAD
    "agency \"lead\" { name = \"Sở chủ trì\", email = \"lead@p.example\" }\n");
  for (int i = 1; i <= 12; i++)
    used += (size_t)snprintf(lua + used, sizeof lua - used,
                             "agency \"s%d\" { name = \"Huyện %d\", email = "
                             "\"s%d@p.example\" }\n", i, i, i);
  /* (an obligation too: evaluate.c trips UBSan on a province without) */
  used += (size_t)snprintf(lua + used, sizeof lua - used,
                           "obligation \"o\" { title = \"B\", from = { "
                           "\"lead\" }, to = \"lead\", periods = { year = "
                           "{ due = \"12-05\" } } }\n");
  snprintf(lua + used, sizeof lua - used,
           "indicator \"i\" { title = \"T\", unit = \"%%\", targets = { "
           "[2025] = 60 }, lead = \"lead\", support = { \"s1\", \"s2\", "
           "\"s3\", \"s4\", \"s5\", \"s6\", \"s7\", \"s8\", \"s9\", "
           "\"s10\", \"s11\", \"s12\", \"s3\" }, due = \"12-25\" }\n");
  assert_int_equal(load_lua(&t, lua, &rs), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  struct eval_options o = {.now = day("2024-11-28"), .all = true};
  assert_int_equal(evaluate_jurisdiction(j, x->s, &o, &f, err, sizeof err),
                   0);
  assert_int_equal(remind_plan(j, &f, o.now, &r), 0);
  const struct reminder *x1 = NULL;
  for (size_t i = 0; i < r.n; i++)
    if (r.v[i].f->indicator) {
      assert_null(x1);
      x1 = &r.v[i];
    }
  assert_non_null(x1);
  assert_string_equal(x1->to_address, "lead@p.example");
  assert_int_equal(x1->n_cc, 12);                   /* s3 only once */
  assert_string_equal(x1->cc[11], "s12@p.example");
  assert_string_equal(x1->cc_agency[11]->name, "Huyện 12");
  reminders_release(&r);
  findings_release(&f);
  rules_release(&rs);
  scratch_remove(&t);
}

/* The reminder about obligation "o" owed by `agency` in r, or NULL. */
static const struct reminder *owed_by(const struct reminders *r,
                                      const char *agency)
{
  for (size_t i = 0; i < r->n; i++)
    if (r->v[i].f->obligation && strcmp(r->v[i].f->agency->id, agency) == 0)
      return &r->v[i];
  return NULL;
}

/* Reports of an agency that has ended: the finding keeps its agency (the
 * history), the reminder goes to whoever took over its duties, and to
 * nobody when it ended with no successor (an abolished district). */
static void test_plan_ended_agency(void **state)
{
  struct scratch t;
  struct ruleset rs;
  struct findings f = {0};
  struct reminders r = {0};
  struct fx *x = *state;
  char err[256];
  const char *lua = HEAD
    "agency \"old\" { name = \"Sở cũ\", email = \"old@p.example\", "
    "head_email = \"gd.old@p.example\", valid_until = \"2025-02-28\", "
    "successor = \"new\" }\n"
    "agency \"new\" { name = \"Sở mới\", email = \"new@p.example\", "
    "head_email = \"gd.new@p.example\" }\n"
    "agency \"gone\" { name = \"Huyện\", email = \"gone@p.example\", "
    "valid_until = \"2025-02-28\" }\n"
    "obligation \"o\" { title = \"B\", from = { \"old\", \"gone\" }, "
    "to = \"new\", periods = { year = { due = \"12-05\" } }, "
    "active_until = \"2024-12-31\" }\n";
  assert_int_equal(load_lua(&t, lua, &rs), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  const char *days[] = {"2025-02-28", "2025-03-03"};
  for (int k = 0; k < 2; k++) {
    struct eval_options o = {.now = day(days[k]), .all = true};
    assert_int_equal(evaluate_jurisdiction(j, x->s, &o, &f, err, sizeof err),
                     0);
    assert_int_equal(remind_plan(j, &f, o.now, &r), 0);
    const struct reminder *a = owed_by(&r, "old"), *g = owed_by(&r, "gone");
    assert_non_null(a);
    if (k == 0) {                      /* its last day: told itself */
      assert_string_equal(a->to->id, "old");
      assert_string_equal(a->to_address, "old@p.example");
      assert_non_null(g);
      assert_string_equal(g->to_address, "gone@p.example");
    } else {                           /* then its successor, not it */
      assert_string_equal(a->f->agency->id, "old");
      assert_string_equal(a->to->id, "new");
      assert_string_equal(a->to_address, "new@p.example");
      for (size_t i = 0; i < a->n_cc; i++)
        assert_string_not_equal(a->cc[i], "old@p.example");
      assert_null(g);                  /* no successor: nobody to tell */
    }
    reminders_release(&r);
    findings_release(&f);
  }
  /* an escalation goes to the successor's head, the successor in copy */
  struct policy *p = &rs.jurisdictions[0].policy;
  p->escalate_after = 88;              /* 05/12/2024 + 88 days = 03/03/2025 */
  struct eval_options o = {.now = day("2025-03-03"), .all = true};
  assert_int_equal(evaluate_jurisdiction(j, x->s, &o, &f, err, sizeof err), 0);
  assert_int_equal(remind_plan(j, &f, o.now, &r), 0);
  const struct reminder *a = owed_by(&r, "old");
  assert_non_null(a);
  assert_true(a->escalation);
  assert_string_equal(a->to_address, "gd.new@p.example");
  assert_int_equal(a->n_cc, 1);
  assert_string_equal(a->cc[0], "new@p.example");
  reminders_release(&r);
  findings_release(&f);
  rules_release(&rs);
  scratch_remove(&t);
}


/* ---- campaigns (tests/fixtures/rules/campaigns) ------------------------ */

static int setup_campaigns(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"campaigns"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 1) != 0 ||
      fixture_db_open(&x->fdb, "remind-camp") != 0)
    return -1;
  x->j = rules_find(&x->rs, "campaigns");
  x->s = x->fdb.s;
  return x->j ? 0 : -1;
}

/* The stage of campaign "am" at `date` under j's rules ("" when none),
 * from its running or coming window. */
static const char *am_stage(struct fx *x, const struct jurisdiction *j,
                            const char *date)
{
  static char buf[40];
  char err[256];
  struct eval_options o = {.now = day(date), .all = true};
  findings_release(&x->f);
  assert_int_equal(evaluate_jurisdiction(x->j, x->s, &o, &x->f, err,
                                         sizeof err), 0);
  for (size_t i = 0; i < x->f.n; i++) {
    const struct finding *f = &x->f.v[i];
    if (!f->campaign || strcmp(f->campaign->id, "am") != 0 ||
        f->kind == FIND_CAMPAIGN_ENDED)
      continue;
    memset(buf, 'X', sizeof buf);
    return remind_campaign_stage(j, f, o.now, buf, sizeof buf) ? buf : "";
  }
  return "";
}

static void test_campaign_stages(void **state)
{
  struct fx *x = *state;
  /* 2024: the window opens on Friday 15/11 */
  assert_string_equal(am_stage(x, x->j, "2024-11-07"), "");
  assert_string_equal(am_stage(x, x->j, "2024-11-08"), "campaign-before-7");
  assert_string_equal(am_stage(x, x->j, "2024-11-14"), "campaign-before-7");
  assert_string_equal(am_stage(x, x->j, "2024-11-15"), "campaign-start");
  assert_string_equal(am_stage(x, x->j, "2024-11-16"), "");
  assert_string_equal(am_stage(x, x->j, "2024-12-15"), "");
  assert_string_equal(am_stage(x, x->j, "2024-12-16"), "");
  /* 2025: it opens on Saturday 15/11; the start stage lasts to Monday,
   * the first working day, when working-day reminders go out */
  assert_string_equal(am_stage(x, x->j, "2025-11-15"), "campaign-start");
  assert_string_equal(am_stage(x, x->j, "2025-11-17"), "campaign-start");
  assert_string_equal(am_stage(x, x->j, "2025-11-18"), "");
  /* the before window is the policy's: none, no announcement */
  struct jurisdiction copy = *x->j;
  copy.policy.n_before = 0;
  assert_string_equal(am_stage(x, &copy, "2024-11-14"), "");
  assert_string_equal(am_stage(x, &copy, "2024-11-15"), "campaign-start");
  copy.policy.before[0] = 3;
  copy.policy.n_before = 1;
  assert_string_equal(am_stage(x, &copy, "2024-11-11"), "");
  assert_string_equal(am_stage(x, &copy, "2024-11-12"), "campaign-before-3");
}

/* The reminders for campaign "am" in x->r, in agency order: their
 * agencies' ids into ids (at most n), how many there are. */
static size_t am_reminders(const struct fx *x, const char **ids, size_t n,
                           const char *stage)
{
  size_t k = 0;
  for (size_t i = 0; i < x->r.n; i++) {
    const struct reminder *r = &x->r.v[i];
    if (!r->f->campaign || strcmp(r->f->campaign->id, "am") != 0)
      continue;
    assert_string_equal(r->stage, stage);
    assert_int_equal(r->n_cc, 0);
    assert_false(r->escalation);
    assert_null(r->f->agency);
    if (k < n)
      ids[k] = r->to->id;
    k++;
  }
  return k;
}

static void test_campaign_plan(void **state)
{
  struct fx *x = *state;
  const char *ids[8];

  /* every member valid that day, to its own address; c has none */
  plan_at(x, day("2024-11-08"));
  assert_int_equal(am_reminders(x, ids, 8, "campaign-before-7"), 3);
  plan_at(x, day("2024-11-15"));
  assert_int_equal(am_reminders(x, ids, 8, "campaign-start"), 3);
  assert_string_equal(ids[0], "a");
  assert_string_equal(ids[1], "b");
  assert_string_equal(ids[2], "c");
  for (size_t i = 0; i < x->r.n; i++) {
    const struct reminder *r = &x->r.v[i];
    if (strcmp(r->to->id, "c") == 0)
      assert_null(r->to_address);
    else
      assert_non_null(strstr(r->to_address, "@camp.example"));
    assert_string_not_equal(r->to->id, "d");      /* not a member */
    assert_string_not_equal(r->to->id, "sec");
  }
  /* nothing while the month runs on */
  plan_at(x, day("2024-11-20"));
  assert_int_equal(am_reminders(x, ids, 8, ""), 0);
  /* b ended on 14/11/2025: not among those told on 17/11/2025 */
  plan_at(x, day("2025-11-17"));
  assert_int_equal(am_reminders(x, ids, 8, "campaign-start"), 2);
  assert_string_equal(ids[0], "a");
  assert_string_equal(ids[1], "c");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_stage_before_and_due),
    cmocka_unit_test(test_stage_overdue_and_escalate),
    cmocka_unit_test(test_stage_other_kinds),
    cmocka_unit_test_setup_teardown(test_fixture_policy, setup, teardown),
    cmocka_unit_test_setup_teardown(test_plan_before, setup, teardown),
    cmocka_unit_test_setup_teardown(test_plan_due_and_overdue, setup, teardown),
    cmocka_unit_test_setup_teardown(test_plan_escalation, setup, teardown),
    cmocka_unit_test_setup_teardown(test_plan_indicator_stages, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_plan_only_own_findings, setup,
                                    teardown),
    cmocka_unit_test(test_policy_checked),
    cmocka_unit_test_setup_teardown(test_plan_many_copies, setup, teardown),
    cmocka_unit_test_setup_teardown(test_plan_ended_agency, setup, teardown),
    cmocka_unit_test_setup_teardown(test_campaign_stages, setup_campaigns,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_campaign_plan, setup_campaigns,
                                    teardown),
  };
  return cmocka_run_group_tests_name("remind", tests, NULL, NULL);
}
