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
 *
 * Campaigns (tests/fixtures/rules/campaigns, camp-province, camp-drop-part,
 * and rule snippets written to a mkdtemp directory): the Action Month "am"
 * 15/11–15/12, June's "dv" until 2025, "ny" 20/12–10/01 across the new
 * year; the policy's before window is 7 days. 15/11/2024 is a Friday,
 * 15/12/2024 a Sunday, 15/11/2025 a Saturday.
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

#include <sys/stat.h>
#include <jansson.h>

#include "evaluate.h"
#include "output.h"
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


/* The indicator tests look at 2023's values, before "good" starts
 * monitoring (2024-01-01): move its start back for them. */
static void monitor_from(struct fx *x, const char *d)
{
  struct jurisdiction *j = (struct jurisdiction *)rules_find(&x->rs, "good");
  j->monitor_from = day(d);
}

static void test_indicator_boundaries(void **state)
{
  struct fx *x = *state;
  monitor_from(x, "2023-01-01");
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
  monitor_from(x, "2023-01-01");
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
  monitor_from(x, "2023-01-01");
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

/* monitor_from applies to indicators: no "no data" for a value due
 * before monitoring started; a value that is there is still judged. */
static void test_monitor_from_indicators(void **state)
{
  struct fx *x = *state;
  eval_at(x, "good", "2024-12-06", false);     /* 2023's value: due 25/12/2023 */
  assert_null(find(x, "lead", NULL, NULL));
  observe(x, "lead", "2023", 49.9);
  eval_at(x, "good", "2024-12-06", false);
  assert_int_equal(find(x, "lead", NULL, NULL)->kind, FIND_OFF_TRACK);
  eval_at(x, "good", "2024-12-26", false);     /* 2024's, due in the window */
  assert_int_equal(find(x, "lead", NULL, NULL)->kind, FIND_NO_DATA);
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


/* ---- campaigns --------------------------------------------------------- */

static int setup_campaigns(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"campaigns", "camp-province", "camp-drop-part"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 3) != 0 ||
      fixture_db_open(&x->fdb, "camp") != 0)
    return -1;
  x->j = rules_find(&x->rs, "campaigns");
  x->s = x->fdb.s;
  return x->j ? 0 : -1;
}

/* How many findings are about item `id`. */
static size_t count_item(const struct fx *x, const char *id)
{
  size_t n = 0;
  for (size_t i = 0; i < x->f.n; i++)
    n += strcmp(finding_item_id(&x->f.v[i]), id) == 0;
  return n;
}

/* The done-when of issue 11: the Action Month on 14/11, 15/11, 15/12 and
 * 16/12, and what shows without --all and with it. */
static void test_action_month_statuses(void **state)
{
  struct fx *x = *state;
  const struct finding *f;

  /* 8 days before: outside the policy's before window (7) */
  eval_at(x, "campaigns", "2024-11-07", false);
  assert_int_equal(count_item(x, "am"), 0);
  eval_at(x, "campaigns", "2024-11-07", true);
  f = find(x, "am", NULL, "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_CAMPAIGN_UPCOMING);
  assert_int_equal(f->days, 8);

  /* 14/11: upcoming, one day to go */
  eval_at(x, "campaigns", "2024-11-14", false);
  assert_int_equal(count_item(x, "am"), 1);
  f = find(x, "am", NULL, "2024");
  assert_int_equal(f->kind, FIND_CAMPAIGN_UPCOMING);
  assert_int_equal(f->days, 1);
  assert_int_equal(f->due, day("2024-11-15"));
  assert_null(f->agency);
  assert_null(f->obligation);
  assert_null(f->indicator);
  assert_string_equal(f->campaign->id, "am");
  assert_int_equal(f->period.start, day("2024-11-15"));
  assert_int_equal(f->period.end, day("2024-12-15"));

  /* 15/11: day 1 of 31 */
  eval_at(x, "campaigns", "2024-11-15", false);
  assert_int_equal(count_item(x, "am"), 1);
  f = find(x, "am", NULL, "2024");
  assert_int_equal(f->kind, FIND_CAMPAIGN_ACTIVE);
  assert_int_equal(f->window_day, 1);
  assert_int_equal(f->period.end - f->period.start + 1, 31);
  assert_int_equal(f->days, 30);
  assert_int_equal(f->due, day("2024-12-15"));

  /* 15/12, a Sunday: still day 31 of 31 — the window never moves */
  eval_at(x, "campaigns", "2024-12-15", false);
  f = find(x, "am", NULL, "2024");
  assert_int_equal(f->kind, FIND_CAMPAIGN_ACTIVE);
  assert_int_equal(f->window_day, 31);
  assert_int_equal(f->days, 0);
  assert_int_equal(f->due, day("2024-12-15"));

  /* 16/12: ended, shown only with --all, beside next year's window */
  eval_at(x, "campaigns", "2024-12-16", false);
  assert_int_equal(count_item(x, "am"), 0);
  eval_at(x, "campaigns", "2024-12-16", true);
  assert_int_equal(count_item(x, "am"), 2);
  f = find(x, "am", NULL, "2024");
  assert_int_equal(f->kind, FIND_CAMPAIGN_ENDED);
  assert_int_equal(f->days, 1);
  assert_int_equal(f->due, day("2024-12-15"));
  f = find(x, "am", NULL, "2025");
  assert_int_equal(f->kind, FIND_CAMPAIGN_UPCOMING);
  assert_int_equal(f->days, 334);

  /* 15/11/2025 is a Saturday: the window opens that day all the same */
  eval_at(x, "campaigns", "2025-11-15", false);
  f = find(x, "am", NULL, "2025");
  assert_int_equal(f->kind, FIND_CAMPAIGN_ACTIVE);
  assert_int_equal(f->window_day, 1);
  assert_int_equal(f->period.start, day("2025-11-15"));
}

static void test_campaign_windows(void **state)
{
  struct fx *x = *state;
  const struct finding *f;

  /* a window across the new year is the period of the year it starts */
  eval_at(x, "campaigns", "2025-01-05", false);
  f = find(x, "ny", NULL, "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_CAMPAIGN_ACTIVE);
  assert_int_equal(f->window_day, 17);
  assert_int_equal(f->period.end, day("2025-01-10"));
  eval_at(x, "campaigns", "2025-01-11", true);
  assert_int_equal(find(x, "ny", NULL, "2024")->kind, FIND_CAMPAIGN_ENDED);
  assert_int_equal(find(x, "ny", NULL, "2025")->due, day("2025-12-20"));

  /* June: 01/06/2024 is a Saturday, day 1 of 30 */
  eval_at(x, "campaigns", "2024-06-01", false);
  f = find(x, "dv", NULL, "2024");
  assert_int_equal(f->kind, FIND_CAMPAIGN_ACTIVE);
  assert_int_equal(f->window_day, 1);
  assert_int_equal(f->period.end - f->period.start + 1, 30);

  /* active_until 2025-12-31: the 2025 window ended, no 2026 one */
  eval_at(x, "campaigns", "2026-05-30", true);
  assert_int_equal(find(x, "dv", NULL, "2025")->kind, FIND_CAMPAIGN_ENDED);
  assert_null(find(x, "dv", NULL, "2026"));
  eval_at(x, "campaigns", "2026-06-05", false);
  assert_int_equal(count_item(x, "dv"), 0);

  /* campaigns come first, in the order declared (am running; ny's last
   * window and its next); then the reports */
  eval_at(x, "camp-province", "2024-12-09", true);
  assert_true(x->f.n >= 4);
  assert_string_equal(finding_item_id(&x->f.v[0]), "am");
  assert_string_equal(finding_item_id(&x->f.v[1]), "ny");
  assert_int_equal(x->f.v[1].kind, FIND_CAMPAIGN_ENDED);
  assert_string_equal(finding_item_id(&x->f.v[2]), "ny");
  assert_int_equal(x->f.v[2].kind, FIND_CAMPAIGN_UPCOMING);
  for (size_t i = 3; i < x->f.n; i++)
    assert_null(x->f.v[i].campaign);
  assert_non_null(x->f.v[3].obligation);
  assert_int_equal(count_item(x, "dv"), 0);      /* dropped by the province */
}

/* Plan and results reports exist only where a jurisdiction declares them,
 * with its basis; an inherited one can be dropped again. */
/* The first of j's diagnostics with `code`, and how many there are: the
 * linter adds others (unused agencies …) that these tests do not look at. */
static const struct rule_diag *diag_of(const struct jurisdiction *j,
                                       const char *code, size_t *n)
{
  const struct rule_diag *first = NULL;
  *n = 0;
  for (size_t i = 0; i < j->n_diags; i++)
    if (strcmp(j->diags[i].code, code) == 0) {
      if (first == NULL)
        first = &j->diags[i];
      (*n)++;
    }
  return first;
}

static void test_campaign_reports_opt_in(void **state)
{
  struct fx *x = *state;
  const struct jurisdiction *j = rules_find(&x->rs, "campaigns");
  const struct campaign *am = model_campaign(j, "am");
  assert_int_equal(j->n_campaigns, 3);
  assert_non_null(am);
  assert_string_equal(am->basis, "NQ 28/NQ-CP");
  assert_int_equal(am->from_m, 11);
  assert_int_equal(am->to_d, 15);
  assert_int_equal(j->n_obligations, 0);

  j = rules_find(&x->rs, "camp-province");
  const struct obligation *plan = model_obligation(j, "am-plan");
  assert_non_null(plan);
  assert_null(model_obligation(j, "am-results"));
  assert_string_equal(plan->campaign, "am");
  assert_string_equal(plan->basis, "Công văn 9/UBND-VX ngày 01/10/2024");
  assert_int_equal(plan->wording, WORDING_BEFORE);
  assert_int_equal(plan->n_from, 3);               /* members a, b, c */
  assert_string_equal(model_campaign(j, "am")->basis, "NQ 28/NQ-CP");
  assert_null(model_campaign(j, "dv"));
  size_t nd;
  assert_null(diag_of(j, "report-without-basis", &nd));
  assert_null(diag_of(j, "nobody-owes", &nd));
  /* 10/11/2024 is a Sunday: the plan is due Monday 11/11 */
  eval_at(x, "camp-province", "2024-11-12", false);
  const struct finding *f = find(x, "am-plan", "a", "2024");
  assert_non_null(f);
  assert_int_equal(f->kind, FIND_OVERDUE);
  assert_int_equal(f->nominal_due, day("2024-11-10"));
  assert_int_equal(f->due, day("2024-11-11"));

  j = rules_find(&x->rs, "camp-drop-part");
  assert_null(model_obligation(j, "am-plan"));
  assert_non_null(model_campaign(j, "am"));
  eval_at(x, "camp-drop-part", "2024-11-12", true);
  assert_int_equal(count_item(x, "am-plan"), 0);
  assert_int_equal(find(x, "am", NULL, "2024")->kind, FIND_CAMPAIGN_UPCOMING);
}

/* ---- campaign rules written for one test ------------------------------ */

struct scratch { char dir[64], folder[96], file[128]; };

/* Write `lua` as jurisdiction "p" in a fresh mkdtemp rules directory and
 * load it; returns rules_load's status. */
static int load_lua(struct scratch *t, const char *lua, struct ruleset *rs)
{
  struct rules_options o;
  const char *ids[] = {"p"};
  snprintf(t->dir, sizeof t->dir, "/tmp/dondoc-camp.XXXXXX");
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

#define HEAD "jurisdiction \"p\" { name = \"P\" }\nagency \"a\" { name = \"A\" }\n"

/* A campaign written on line 3 that must fail with `msg` there. */
static void expect_campaign_error(const char *line, const char *msg)
{
  struct scratch t;
  struct ruleset rs;
  char lua[1024], where[160];
  snprintf(lua, sizeof lua, HEAD "%s\n", line);
  assert_int_equal(load_lua(&t, lua, &rs), 1);
  assert_int_equal(rs.n_errors, 1);
  snprintf(where, sizeof where, "%s:3: ", t.file);
  if (strstr(rs.errors[0].message, where) == NULL ||
      strstr(rs.errors[0].message, msg) == NULL)
    fail_msg("%s: got '%s', expected '%s' and '%s'", line,
             rs.errors[0].message, where, msg);
  rules_release(&rs);
  scratch_remove(&t);
}

static void test_campaign_rules_checked(void **state)
{
  (void)state;
  expect_campaign_error("campaign \"c\" { title = \"C\" }",
                        "campaign 'c' needs window = { from = \"MM-DD\"");
  expect_campaign_error("campaign \"c\" { title = \"C\", window = { from = "
                        "\"11-15\", ends = \"12-15\" } }",
                        "campaign 'c': window: unknown field 'ends'");
  expect_campaign_error("campaign \"c\" { title = \"C\", window = { from = "
                        "\"02-30\", to = \"03-15\" } }",
                        "campaign window '02-30'..'03-15' is not two MM-DD "
                        "days");
  expect_campaign_error("campaign \"c\" { title = \"C\", window = { from = "
                        "\"11-15\", to = \"12-15\" }, plan = { due = "
                        "\"start-5\", basiss = \"CV 1\" } }",
                        "campaign 'c': plan: unknown field 'basiss'");
  expect_campaign_error("campaign \"c\" { title = \"C\", window = { from = "
                        "\"11-15\", to = \"12-15\" }, results = \"yes\" }",
                        "campaign 'c': results must be { due = …, basis = "
                        "… } or false");
  expect_campaign_error("campaign \"c\" { title = \"C\", window = { from = "
                        "\"11-15\", to = \"12-15\" }, active_from = "
                        "\"2025-01-01\", active_until = \"2024-12-31\" }",
                        "campaign 'c' ends before it starts");

  /* a report without a basis loads, with a warning at its line */
  struct scratch t;
  struct ruleset rs;
  assert_int_equal(load_lua(&t, HEAD "campaign \"c\" { title = \"C\", "
                            "window = { from = \"11-15\", to = \"12-15\" },\n"
                            "  from = { \"a\" }, to = \"a\", plan = { due = "
                            "\"start-5\" }, results = false }\n", &rs), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  assert_non_null(model_obligation(j, "c-plan"));
  assert_null(model_obligation(j, "c-results"));
  size_t nd;
  const struct rule_diag *d = diag_of(j, "report-without-basis", &nd);
  assert_int_equal(nd, 1);
  assert_false(d->error);
  assert_non_null(strstr(d->message, ":3: warning: campaign 'c': "
                         "the plan report has no basis"));
  rules_release(&rs);
  scratch_remove(&t);

  /* a report nobody owes: a warning too */
  assert_int_equal(load_lua(&t, HEAD "campaign \"c\" { title = \"C\", "
                            "window = { from = \"11-15\", to = \"12-15\" },\n"
                            "  plan = { due = \"start-5\", basis = \"CV 1\" } "
                            "}\n", &rs), 0);
  j = &rs.jurisdictions[0];
  d = diag_of(j, "nobody-owes", &nd);
  assert_int_equal(nd, 1);
  assert_non_null(strstr(d->message, ":3: warning: campaign 'c': "
                         "nobody owes the plan report"));
  rules_release(&rs);
  scratch_remove(&t);

  /* drop("obligation", "<campaign>-results") keeps the campaign */
  assert_int_equal(load_lua(&t, HEAD "campaign \"c\" { title = \"C\", "
                            "window = { from = \"11-15\", to = \"12-15\" },\n"
                            "  from = { \"a\" }, to = \"a\", results = { due "
                            "= \"end+5\", basis = \"CV 2\" } }\n"
                            "drop(\"obligation\", \"c-results\")\n", &rs), 0);
  j = &rs.jurisdictions[0];
  assert_int_equal(j->n_obligations, 0);
  assert_int_equal(j->n_campaigns, 1);
  rules_release(&rs);
  scratch_remove(&t);
}

/* The JSON of campaign findings (docs/cli.md) and check's table. */
static void test_campaign_output(void **state)
{
  struct fx *x = *state;
  char *buf = NULL;
  size_t len = 0, skipped = 9;
  json_error_t jerr;

  eval_at(x, "campaigns", "2024-11-15", false);
  FILE *out = open_memstream(&buf, &len);
  assert_non_null(out);
  assert_int_equal(output_findings_json(out, &x->f, NULL, 0, &skipped), 0);
  assert_int_equal(fclose(out), 0);
  assert_int_equal(skipped, 0);
  json_t *root = json_loads(buf, 0, &jerr);
  free(buf);
  assert_non_null(root);
  json_t *o = json_array_get(root, 0);
  assert_string_equal(json_string_value(json_object_get(o, "kind")),
                      "campaign_active");
  assert_string_equal(json_string_value(json_object_get(o, "campaign")), "am");
  assert_true(json_is_null(json_object_get(o, "agency")));
  assert_null(json_object_get(o, "obligation"));
  assert_string_equal(json_string_value(json_object_get(o, "window_from")),
                      "2024-11-15");
  assert_string_equal(json_string_value(json_object_get(o, "window_to")),
                      "2024-12-15");
  assert_int_equal(json_integer_value(json_object_get(o, "day")), 1);
  assert_int_equal(json_integer_value(json_object_get(o, "days_in_window")),
                   31);
  assert_string_equal(json_string_value(json_object_get(o, "due")),
                      "2024-12-15");
  assert_int_equal(json_integer_value(json_object_get(o, "days")), 30);
  assert_string_equal(json_string_value(json_object_get(o, "period")), "2024");
  assert_string_equal(json_string_value(json_object_get(o, "basis")),
                      "NQ 28/NQ-CP");
  assert_string_equal(json_string_value(json_object_get(o, "message")),
                      "Tháng hành động vì bình đẳng giới năm 2024 đang diễn "
                      "ra: ngày 1/31 (từ 15/11/2024 đến hết 15/12/2024).");
  json_decref(root);

  /* upcoming: no day yet */
  eval_at(x, "campaigns", "2024-11-14", false);
  out = open_memstream(&buf, &len);
  assert_non_null(out);
  assert_int_equal(output_findings_json(out, &x->f, NULL, 0, &skipped), 0);
  assert_int_equal(fclose(out), 0);
  root = json_loads(buf, 0, &jerr);
  free(buf);
  assert_non_null(root);
  o = json_array_get(root, 0);
  assert_string_equal(json_string_value(json_object_get(o, "kind")),
                      "campaign_upcoming");
  assert_true(json_is_null(json_object_get(o, "day")));
  assert_int_equal(json_integer_value(json_object_get(o, "days")), 1);
  assert_non_null(strstr(json_string_value(json_object_get(o, "message")),
                         "bắt đầu ngày 15/11/2024 (còn 1 ngày)"));
  json_decref(root);

  /* the table: a section of its own, day N of 31 */
  eval_at(x, "campaigns", "2024-12-09", false);
  out = open_memstream(&buf, &len);
  assert_non_null(out);
  assert_int_equal(output_findings_table(out, &x->f, day("2024-12-09")), 0);
  assert_int_equal(fclose(out), 0);
  assert_non_null(strstr(buf, "\nChiến dịch, tháng hành động\n"));
  assert_non_null(strstr(buf, "campaign_active   15/11/2024 15/12/2024 "
                              "ngày 25/31"));
  assert_non_null(strstr(buf, "1 campaign_active"));
  free(buf);
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
    cmocka_unit_test_setup_teardown(test_monitor_from_indicators, setup, teardown),
    cmocka_unit_test_setup_teardown(test_empty_window, setup, teardown),
    cmocka_unit_test_setup_teardown(test_action_month_statuses,
                                    setup_campaigns, teardown),
    cmocka_unit_test_setup_teardown(test_campaign_windows, setup_campaigns,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_campaign_reports_opt_in,
                                    setup_campaigns, teardown),
    cmocka_unit_test(test_campaign_rules_checked),
    cmocka_unit_test_setup_teardown(test_campaign_output, setup_campaigns,
                                    teardown),
  };
  return cmocka_run_group_tests_name("evaluate", tests, NULL, NULL);
}
