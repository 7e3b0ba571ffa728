/*
 * test_evaluate.c — statuses at their boundaries, against real fixture
 * rules (tests/fixtures/rules/good) and a real SQLite file.
 *
 * Fixture facts used below: "annual" is due "before 12-05" (read as 05/12)
 * from members a and b; indicator "lead" runs from a 2020 baseline of 40%
 * to 60% in 2025 (so the path asks 52% for 2023), tolerance 10% of the
 * distance (2 points); "agri" must fall to 20% by 2025; "vio" is the ratio
 * of two count series; "legacy" is owed by d, which ends 28/02/2025 and is
 * succeeded by b.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evaluate.h"
#include "rules.h"
#include "store.h"
#include "fixture.h"

struct fx {
  struct ruleset rs;
  const struct jurisdiction *j;
  struct store *s;
  struct fixture_db fdb;
  struct findings f;
};

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"good", "strict"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 2) != 0 ||
      fixture_db_open(&x->fdb, "eval") != 0)
    return -1;
  x->j = rules_find(&x->rs, "good");
  x->s = x->fdb.s;
  return 0;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  fixture_db_close(&x->fdb);
  findings_release(&x->f);
  rules_release(&x->rs);
  free(x);
  return 0;
}

#define day fixture_day

static void eval_at(struct fx *x, const char *jid, const char *now, bool all)
{
  char err[256];
  struct eval_options o = {.now = day(now), .all = all};
  findings_release(&x->f);
  assert_int_equal(evaluate_jurisdiction(rules_find(&x->rs, jid), x->s, &o,
                                         &x->f, err, sizeof err), 0);
}

/* The finding for an obligation/agency/period, or for an indicator. */
static const struct finding *find(const struct fx *x, const char *item,
                                  const char *agency, const char *period)
{
  for (size_t i = 0; i < x->f.n; i++) {
    const struct finding *f = &x->f.v[i];
    const char *id = finding_item_id(f);
    if (strcmp(id, item) == 0 &&
        (agency == NULL || (f->agency && strcmp(f->agency->id, agency) == 0)) &&
        (period == NULL || strcmp(f->period.id, period) == 0))
      return f;
  }
  return NULL;
}

static void observe(struct fx *x, const char *ind, const char *period,
                    double v)
{
  assert_int_equal(store_observation_put(x->s, "good", ind, "good", period, v,
                                         "test"), 0);
}

static void test_obligation_boundaries(void **state)
{
  struct fx *x = *state;
  const struct finding *f;

  eval_at(x, "good", "2024-11-27", true);          /* 8 days before */
  f = find(x, "annual", "a", "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_UPCOMING);
  eval_at(x, "good", "2024-11-27", false);
  assert_null(find(x, "annual", "a", "2024"));

  eval_at(x, "good", "2024-11-28", false);         /* 7 days: the window */
  f = find(x, "annual", "a", "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_DUE_SOON);
  assert_int_equal(f->days, 7);

  eval_at(x, "good", "2024-12-05", false);         /* the last day */
  f = find(x, "annual", "a", "2024");
  assert_int_equal(f->kind, FIND_DUE_SOON);
  assert_int_equal(f->days, 0);
  assert_int_equal(f->due, day("2024-12-05"));

  eval_at(x, "good", "2024-12-06", false);         /* the day after */
  f = find(x, "annual", "a", "2024");
  assert_int_equal(f->kind, FIND_OVERDUE);
  assert_int_equal(f->days, 1);
  assert_non_null(find(x, "annual", "b", "2024"));

  /* received on the last day: on time; a day later: late by one */
  assert_int_equal(store_submission_put(x->s, "good", "a", "annual", "2024",
                                        day("2024-12-05"), NULL), 0);
  assert_int_equal(store_submission_put(x->s, "good", "b", "annual", "2024",
                                        day("2024-12-06"), NULL), 0);
  eval_at(x, "good", "2024-12-10", false);
  assert_null(find(x, "annual", "a", "2024"));
  assert_null(find(x, "annual", "b", "2024"));
  eval_at(x, "good", "2024-12-10", true);
  assert_int_equal(find(x, "annual", "a", "2024")->kind, FIND_ON_TIME);
  f = find(x, "annual", "b", "2024");
  assert_int_equal(f->kind, FIND_LATE);
  assert_int_equal(f->days, 1);
}

static void test_deadline_shifts(void **state)
{
  struct fx *x = *state;
  const struct finding *f;

  /* window campaign: 10/11/2024 is a Sunday, so Monday 11/11 */
  eval_at(x, "good", "2024-11-12", false);
  f = find(x, "am-plan", "a", "2024");
  assert_non_null(f);
  assert_int_equal(f->nominal_due, day("2024-11-10"));
  assert_int_equal(f->due, day("2024-11-11"));
  assert_int_equal(f->days, 1);

  /* 28/01/2025 falls in Tết (25/01–02/02): the next working day is 03/02 */
  eval_at(x, "good", "2025-02-03", false);
  f = find(x, "tet", "b", "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_DUE_SOON);
  assert_int_equal(f->due, day("2025-02-03"));
  eval_at(x, "good", "2025-02-04", false);
  assert_int_equal(find(x, "tet", "b", "2024")->kind, FIND_OVERDUE);

  /* the strict reading: "before 05/12" ends on 04/12, and no shift */
  eval_at(x, "strict", "2024-12-05", false);
  f = find(x, "annual", "a", "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_OVERDUE);
  assert_int_equal(f->due, day("2024-12-04"));
  eval_at(x, "strict", "2024-11-12", false);
  f = find(x, "am-plan", "a", "2024");
  assert_int_equal(f->due, day("2024-11-10"));
}

static void test_successor_owes(void **state)
{
  struct fx *x = *state;
  /* d's 2023 report is due 01/04/2024 (31/03 is a Sunday): d owes it */
  eval_at(x, "good", "2024-04-02", false);
  const struct finding *f = find(x, "legacy", NULL, "2023");
  assert_non_null(f);
  assert_string_equal(f->agency->id, "d");
  assert_null(f->succeeded);
  /* its 2024 report is due 31/03/2025, after d ended: b owes it for d */
  eval_at(x, "good", "2025-04-01", false);
  f = find(x, "legacy", NULL, "2024");
  assert_non_null(f);
  assert_string_equal(f->agency->id, "b");
  assert_string_equal(f->succeeded->id, "d");
  /* members a (ended) and b: b owes the 2025 annual report once */
  eval_at(x, "good", "2025-12-06", false);
  int n = 0;
  for (size_t i = 0; i < x->f.n; i++)
    if (x->f.v[i].obligation && strcmp(x->f.v[i].obligation->id, "annual") == 0 &&
        strcmp(x->f.v[i].period.id, "2025") == 0)
      n++;
  assert_int_equal(n, 1);
  /* a submission recorded under the ended agency's id still counts */
  assert_int_equal(store_submission_put(x->s, "good", "d", "legacy", "2024",
                                        day("2025-03-20"), NULL), 0);
  eval_at(x, "good", "2025-04-01", true);
  assert_int_equal(find(x, "legacy", NULL, "2024")->kind, FIND_ON_TIME);
}

static enum finding_kind lead_status(struct fx *x, double v2023)
{
  observe(x, "lead", "2023", v2023);
  eval_at(x, "good", "2024-12-06", true);
  const struct finding *f = find(x, "lead", NULL, NULL);
  assert_non_null(f);
  assert_string_equal(f->period.id, "2023");
  assert_true(fabs(f->expected - 52.0) < 1e-9);
  assert_int_equal(f->target_year, 2025);
  return f->kind;
}

static void test_indicator_boundaries(void **state)
{
  struct fx *x = *state;
  eval_at(x, "good", "2024-12-06", false);
  const struct finding *f = find(x, "lead", NULL, NULL);
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_NO_DATA);
  assert_string_equal(f->period.id, "2023");

  assert_int_equal(lead_status(x, 60.0), FIND_ACHIEVED);
  assert_int_equal(lead_status(x, 52.0), FIND_ON_TRACK);     /* on the path */
  assert_int_equal(lead_status(x, 50.0), FIND_AT_RISK);      /* 2 points: 10% */
  assert_int_equal(lead_status(x, 49.9), FIND_OFF_TRACK);

  /* after 25/12/2024 the 2024 value is the one due, and it is missing */
  eval_at(x, "good", "2024-12-26", false);
  f = find(x, "lead", NULL, NULL);
  assert_int_equal(f->kind, FIND_NO_DATA);
  assert_string_equal(f->period.id, "2024");
  eval_at(x, "good", "2024-12-25", false);
  assert_string_equal(find(x, "lead", NULL, NULL)->period.id, "2023");
}

static void test_at_most_without_baseline(void **state)
{
  struct fx *x = *state;
  /* the path starts at the first value: 30% in 2021 → 20% in 2025 */
  observe(x, "agri", "2021", 30.0);
  observe(x, "agri", "2023", 26.0);           /* path: 25; 1 point = 10% */
  eval_at(x, "good", "2024-12-06", true);
  const struct finding *f = find(x, "agri", NULL, NULL);
  assert_true(fabs(f->expected - 25.0) < 1e-9);
  assert_int_equal(f->kind, FIND_AT_RISK);
  observe(x, "agri", "2023", 27.0);
  eval_at(x, "good", "2024-12-06", true);
  assert_int_equal(find(x, "agri", NULL, NULL)->kind, FIND_OFF_TRACK);
  observe(x, "agri", "2023", 24.0);
  eval_at(x, "good", "2024-12-06", true);
  assert_int_equal(find(x, "agri", NULL, NULL)->kind, FIND_ON_TRACK);
  observe(x, "agri", "2023", 19.5);
  eval_at(x, "good", "2024-12-06", true);
  assert_int_equal(find(x, "agri", NULL, NULL)->kind, FIND_ACHIEVED);
}

static void test_ratio_indicator(void **state)
{
  struct fx *x = *state;
  observe(x, "vio.detected", "2023", 50);
  observe(x, "vio.supported", "2023", 36);           /* 72% */
  observe(x, "vio.detected", "2022", 40);
  observe(x, "vio.supported", "2022", 24);           /* 60% */
  eval_at(x, "good", "2024-12-06", true);
  const struct finding *f = find(x, "vio", NULL, NULL);
  assert_non_null(f);
  assert_true(f->has_value);
  assert_true(fabs(f->value - 72.0) < 1e-9);
  /* projection from the two ratios: +12 points a year → 96% in 2025 */
  assert_true(f->has_projection);
  assert_true(fabs(f->projected - 96.0) < 1e-6);
  assert_true(f->will_meet);
  /* no detected victims: no rate, so no data */
  observe(x, "vio.detected", "2023", 0);
  eval_at(x, "good", "2024-12-06", true);
  assert_int_equal(find(x, "vio", NULL, NULL)->kind, FIND_NO_DATA);
}

static void test_projection(void **state)
{
  struct fx *x = *state;
  /* baseline 40 (2020), then 42, 44, 46: +2 a year → 50 in 2025, short of 60 */
  observe(x, "lead", "2021", 42);
  observe(x, "lead", "2022", 44);
  observe(x, "lead", "2023", 46);
  eval_at(x, "good", "2024-12-06", true);
  const struct finding *f = find(x, "lead", NULL, NULL);
  assert_true(f->has_projection);
  assert_true(fabs(f->projected - 50.0) < 1e-6);
  assert_false(f->will_meet);
  assert_int_equal(f->kind, FIND_OFF_TRACK);

  double a, b;
  const double xs[] = {1, 2, 3}, ys[] = {2, 4, 6};
  assert_int_equal(evaluate_fit_line(xs, ys, 3, &a, &b), 0);
  assert_true(fabs(a) < 1e-9 && fabs(b - 2) < 1e-9);
  const double same[] = {5, 5};
  assert_int_equal(evaluate_fit_line(same, ys, 2, &a, &b), -1);
  assert_int_equal(evaluate_fit_line(xs, ys, 1, &a, &b), -1);
}

static enum finding_kind yes_no_at(struct fx *x, const char *now,
                                   const char *period, double v)
{
  observe(x, "plan-adopted", period, v);
  eval_at(x, "good", now, true);
  const struct finding *f = find(x, "plan-adopted", NULL, NULL);
  assert_non_null(f);
  assert_string_equal(f->period.id, period);
  assert_false(f->has_expected);
  return f->kind;
}

static void test_yes_no(void **state)
{
  struct fx *x = *state;
  /* "done from 2025": not done two years before is still on track, the
   * year before is at risk, from the target year it is off track */
  assert_int_equal(yes_no_at(x, "2024-12-06", "2023", 0), FIND_ON_TRACK);
  assert_int_equal(yes_no_at(x, "2025-12-06", "2024", 0), FIND_AT_RISK);
  assert_int_equal(yes_no_at(x, "2026-12-06", "2025", 0), FIND_OFF_TRACK);
  assert_int_equal(yes_no_at(x, "2026-12-06", "2025", 1), FIND_ACHIEVED);
}

static void test_template_not_evaluated(void **state)
{
  struct fx *x = *state;
  struct ruleset rs = {0};
  struct rules_options o;
  const char *ids[] = {"base"};
  char err[128];
  struct findings f = {0};
  struct eval_options eo = {.now = day("2026-01-30"), .all = true};
  rules_options_default(&o, "../fixtures/rules");
  assert_int_equal(rules_load(&o, ids, 1, &rs), 0);
  assert_true(rs.jurisdictions[0].is_template);
  assert_int_equal(evaluate_jurisdiction(&rs.jurisdictions[0], x->s, &eo, &f,
                                         err, sizeof err), 0);
  assert_int_equal(f.n, 0);
  findings_release(&f);
  rules_release(&rs);
}


/* A report received after --now had not arrived yet at --now: the picture
 * of a past day is what it was that day (issue 10, item 1). */
static void test_receipt_after_now_not_yet_known(void **state)
{
  struct fx *x = *state;
  const struct finding *f;
  assert_int_equal(store_submission_put(x->s, "good", "a", "annual", "2024",
                                        day("2024-12-09"), NULL), 0);
  eval_at(x, "good", "2024-12-04", true);
  f = find(x, "annual", "a", "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_DUE_SOON);
  eval_at(x, "good", "2024-12-06", true);
  assert_int_equal(find(x, "annual", "a", "2024")->kind, FIND_OVERDUE);
  eval_at(x, "good", "2024-12-09", true);
  f = find(x, "annual", "a", "2024");
  assert_int_equal(f->kind, FIND_LATE);
  assert_int_equal(f->days, 4);
}

/* A grant counts from the day it was made, and a later one replaces it
 * only from its own day. */
static void test_grant_from_its_day(void **state)
{
  struct fx *x = *state;
  struct store_grant g = {.exemption = false, .new_due = day("2024-12-20"),
                          .granted_on = day("2024-12-10"),
                          .letter = "12/SNV-BĐG", .reason = ""};
  assert_int_equal(store_grant_put(x->s, "good", "a", "annual", "2024", &g),
                   0);
  g.new_due = day("2024-12-31");
  g.granted_on = day("2024-12-18");
  g.letter = "15/SNV-BĐG";
  assert_int_equal(store_grant_put(x->s, "good", "a", "annual", "2024", &g),
                   0);
  eval_at(x, "good", "2024-12-06", true);
  const struct finding *f = find(x, "annual", "a", "2024");
  assert_int_equal(f->kind, FIND_OVERDUE);
  assert_false(f->extended);
  eval_at(x, "good", "2024-12-11", true);
  f = find(x, "annual", "a", "2024");
  assert_true(f->extended);
  assert_int_equal(f->due, day("2024-12-20"));
  assert_string_equal(f->letter, "12/SNV-BĐG");
  eval_at(x, "good", "2024-12-19", true);
  f = find(x, "annual", "a", "2024");
  assert_int_equal(f->due, day("2024-12-31"));
  assert_string_equal(f->letter, "15/SNV-BĐG");
}

/* Values at the edge of what a double holds give findings without NaN or
 * infinity: the trend that cannot be computed is left out (item 3). */
static void test_extreme_values_stay_finite(void **state)
{
  struct fx *x = *state;
  observe(x, "lead", "2021", 1e308);
  observe(x, "lead", "2022", -1e308);
  observe(x, "lead", "2023", 1e308);
  observe(x, "vio.supported", "2023", 1e308);
  observe(x, "vio.detected", "2023", 1e-300);
  eval_at(x, "good", "2024-06-01", true);
  size_t indicators = 0;
  for (size_t i = 0; i < x->f.n; i++) {
    const struct finding *f = &x->f.v[i];
    if (!f->indicator)
      continue;
    indicators++;
    assert_true(isfinite(f->value));
    assert_true(isfinite(f->target));
    assert_true(!f->has_expected || isfinite(f->expected));
    assert_true(!f->has_projection || isfinite(f->projected));
  }
  assert_true(indicators >= 3);
  const struct finding *lead = find(x, "lead", NULL, NULL);
  assert_non_null(lead);
  assert_true(lead->has_value);
  assert_false(lead->has_projection);      /* no line through ±1e308 */
  const struct finding *vio = find(x, "vio", NULL, NULL);
  assert_int_equal(vio->kind, FIND_NO_DATA); /* 1e308 / 1e-300 is no share */
}

/* Evaluation looks back at most EVAL_MAX_YEARS: further is refused with a
 * message, not ground through (item 10). */
static void test_window_is_bounded(void **state)
{
  struct fx *x = *state;
  char err[256];
  struct eval_options o = {.now = day("2060-01-01"), .all = true};
  findings_release(&x->f);
  assert_int_equal(evaluate_jurisdiction(x->j, x->s, &o, &x->f, err,
                                         sizeof err), EVAL_ERR_RULES);
  assert_non_null(strstr(err, "monitor_from 2024-01-01"));
  assert_non_null(strstr(err, "25 years"));
}

/* No obligation in the window: nothing to sort, and no qsort(NULL) (UBSan
 * aborted here before). */
static void test_empty_window(void **state)
{
  struct fx *x = *state;
  eval_at(x, "good", "2023-06-01", false);
  for (size_t i = 0; i < x->f.n; i++)
    assert_null(x->f.v[i].obligation);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_obligation_boundaries, setup, teardown),
    cmocka_unit_test_setup_teardown(test_deadline_shifts, setup, teardown),
    cmocka_unit_test_setup_teardown(test_successor_owes, setup, teardown),
    cmocka_unit_test_setup_teardown(test_indicator_boundaries, setup, teardown),
    cmocka_unit_test_setup_teardown(test_at_most_without_baseline, setup, teardown),
    cmocka_unit_test_setup_teardown(test_ratio_indicator, setup, teardown),
    cmocka_unit_test_setup_teardown(test_projection, setup, teardown),
    cmocka_unit_test_setup_teardown(test_yes_no, setup, teardown),
    cmocka_unit_test_setup_teardown(test_template_not_evaluated, setup, teardown),
    cmocka_unit_test_setup_teardown(test_receipt_after_now_not_yet_known, setup, teardown),
    cmocka_unit_test_setup_teardown(test_grant_from_its_day, setup, teardown),
    cmocka_unit_test_setup_teardown(test_extreme_values_stay_finite, setup, teardown),
    cmocka_unit_test_setup_teardown(test_window_is_bounded, setup, teardown),
    cmocka_unit_test_setup_teardown(test_empty_window, setup, teardown),
  };
  return cmocka_run_group_tests_name("evaluate", tests, NULL, NULL);
}
