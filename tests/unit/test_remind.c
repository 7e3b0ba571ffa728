/*
 * test_remind.c — the reminder policy (engine/remind.c).
 *
 * Covers remind_obligation_stage() at every boundary of the policy on
 * hand-made findings (before-N, due, overdue-K, escalate-K, a first overdue
 * step other than 1, kinds that never remind), and remind_plan() on real
 * findings: the fixture rules tests/fixtures/rules/remind evaluated against
 * a real SQLite file in a mkdtemp directory (removed in teardown).
 *
 * Fixture facts used below: agencies a (email + head_email), b (email), c
 * (no email) owe "annual", due "before 12-05" (read as 05/12); sec holds
 * role secretariat; indicator "lead" (due 12-25 each year) is led by b and
 * supported by a; policy before {7, 1}, after {1}, overdue_every 7,
 * escalate_after 14, indicator_repeat 30.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    const char *id = f->obligation ? f->obligation->id : f->indicator->id;
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
  .on_due = true, .overdue_every = 7, .escalate_after = 14,
  .indicator_repeat = 30, .working_days_only = true,
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
  assert_string_equal(stage_at(p, FIND_OVERDUE, 1, &esc), "overdue-0");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 7, &esc), "overdue-0");
  assert_string_equal(stage_at(p, FIND_OVERDUE, 8, &esc), "overdue-1");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 13, &esc), "overdue-1");
  assert_false(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 14, &esc), "escalate-0");
  assert_true(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 20, &esc), "escalate-0");
  assert_true(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 21, &esc), "escalate-1");
  assert_true(esc);
  assert_string_equal(stage_at(p, FIND_OVERDUE, 14 + 7 * 10, &esc),
                      "escalate-10");

  /* the first overdue reminder N days after */
  struct policy q = fixture_policy;
  q.after[0] = 3;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 2, &esc), "");
  assert_false(esc);
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 3, &esc), "overdue-0");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 9, &esc), "overdue-0");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 10, &esc), "overdue-1");
  /* with several steps the smallest is the first */
  q.after[0] = 5;
  q.after[1] = 2;
  q.n_after = 2;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 1, &esc), "");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 2, &esc), "overdue-0");

  /* no escalation configured: overdue counts on */
  q = fixture_policy;
  q.escalate_after = 0;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 30, &esc), "overdue-4");
  assert_false(esc);
  /* no after steps: silence until escalation */
  q = fixture_policy;
  q.n_after = 0;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 1, &esc), "");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 14, &esc), "escalate-0");
  assert_true(esc);
  /* overdue_every 0 counts every day rather than dividing by zero */
  q = fixture_policy;
  q.overdue_every = 0;
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 5, &esc), "overdue-4");
  assert_string_equal(stage_at(&q, FIND_OVERDUE, 16, &esc), "escalate-2");
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

  r = find(x, "annual", "a");
  assert_non_null(r);
  assert_string_equal(r->stage, "escalate-0");
  assert_true(r->escalation);
  assert_string_equal(r->to->id, "a");
  assert_string_equal(r->to_address, "giamdoc.a@remind.example");
  assert_int_equal(r->n_cc, 2);
  assert_string_equal(r->cc[0], "a@remind.example");
  assert_string_equal(r->cc[1], "sec@remind.example");

  /* no head_email: to the agency itself, the secretariat in copy */
  r = find(x, "annual", "b");
  assert_true(r->escalation);
  assert_string_equal(r->to_address, "b@remind.example");
  assert_int_equal(r->n_cc, 1);
  assert_string_equal(r->cc[0], "sec@remind.example");

  r = find(x, "annual", "c");
  assert_true(r->escalation);
  assert_null(r->to_address);
  assert_int_equal(r->n_cc, 1);
  assert_string_equal(r->cc[0], "sec@remind.example");

  /* indicators never escalate */
  r = find(x, "lead", NULL);
  assert_false(r->escalation);
  assert_string_equal(r->stage, "no_data-2023-12");

  plan_at(x, day("2024-12-26"));        /* 21 days late */
  assert_string_equal(find(x, "annual", "a")->stage, "escalate-1");
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
  };
  return cmocka_run_group_tests_name("remind", tests, NULL, NULL);
}
