/*
 * test_ruletest.c — rule tests and the preview (engine/ruletest.c,
 * engine/preview.c, engine/ruletest.lua) and the holiday reasons they
 * print (legal_day_reason).
 *
 * Uses the fixture provinces tests/fixtures/rules/rt-pass (every item
 * covered by its tests: the 6-month report due Saturday 08/06/2024 →
 * Monday 10/06, the annual one on the local day off Thursday 05/12/2024 →
 * Friday 06/12, the self-inspection Saturday 30/11/2024 → Monday 02/12;
 * agencies so-a, so-b, so-c, all members) and rt-fail (rt-pass's rules,
 * tests that fail). Test files with mistakes are written to a mkdtemp
 * folder; every test runs its own real SQLite file, whose removal is
 * checked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "legal_calendar.h"
#include "preview.h"
#include "ruletest.h"
#include "fixture.h"

#define RT_PASS_TESTS FIXTURE_RULES "/rt-pass/tests"

struct fx {
  struct ruleset rs;
  const struct jurisdiction *pass, *fail;
  struct rules_options o;
  char dir[64];                     /* for test files written here */
};

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"rt-pass", "rt-fail"};
  if (x == NULL)
    return -1;
  *state = x;
  rules_options_default(&x->o, FIXTURE_RULES);
  snprintf(x->dir, sizeof x->dir, "/tmp/dondoc-rt.XXXXXX");
  if (fixture_rules(&x->rs, ids, 2) != 0 || mkdtemp(x->dir) == NULL)
    return -1;
  x->pass = rules_find(&x->rs, "rt-pass");
  x->fail = rules_find(&x->rs, "rt-fail");
  return x->pass && x->fail ? 0 : -1;
}

static int count_entries(const char *dir)
{
  DIR *d = opendir(dir);
  int n = 0;
  struct dirent *e;
  if (d == NULL)
    return -1;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      n++;
  closedir(d);
  return n;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  char path[128];
  DIR *d = opendir(x->dir);
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL)
    if (e->d_name[0] != '.') {
      snprintf(path, sizeof path, "%s/%s", x->dir, e->d_name);
      (void)unlink(path);
    }
  if (d)
    closedir(d);
  (void)rmdir(x->dir);
  rules_release(&x->rs);
  free(x);
  return 0;
}

/* Write `text` as DIR/t.lua; its path into buf. */
static const char *write_test(struct fx *x, const char *text, char *buf,
                              size_t len)
{
  snprintf(buf, len, "%s/t.lua", x->dir);
  FILE *f = fopen(buf, "w");
  assert_non_null(f);
  assert_int_equal(fputs(text, f) >= 0, 1);
  assert_int_equal(fclose(f), 0);
  return buf;
}

/* ---- the language ---------------------------------------------------- */

static void expect_load_error(struct fx *x, const char *text, int line,
                              const char *words)
{
  char path[128], where[160];
  struct rt_file f;
  write_test(x, text, path, sizeof path);
  assert_int_equal(ruletest_load(path, &x->o, &f), -1);
  assert_non_null(f.error);
  if (line > 0)
    snprintf(where, sizeof where, "%s:%d: ", path, line);
  else                                      /* the file as a whole */
    snprintf(where, sizeof where, "%s: ", path);
  if (strstr(f.error, where) == NULL || strstr(f.error, words) == NULL)
    fail_msg("expected '%s…%s', got '%s'", where, words, f.error);
  assert_int_equal(f.n_tests, 0);
  ruletest_file_release(&f);
}

static void test_language_mistakes(void **state)
{
  struct fx *x = *state;
  expect_load_error(x, "test \"a\" {\n  at \"2024-12-06\" {\n"
                    "    finding { kind = \"overdue\", agnecy = \"so-a\" },\n"
                    "  },\n}\n", 3, "finding: unknown field 'agnecy'");
  expect_load_error(x, "local f = finding { kind = \"overdue\" }\n"
                    "test \"a\" { at \"2024-12-06\" { finding { kind = \"overdue\" } } }\n",
                    1, "finding is outside an at");
  expect_load_error(x, "local a = at \"2024-12-06\" { finding { kind = \"overdue\" } }\n",
                    1, "at \"2024-12-06\" is outside a test");
  expect_load_error(x, "\nagency \"x\" { name = \"X\" }\n", 2,
                    "'agency' declares rules");
  expect_load_error(x, "helper = 1\n", 1, "not globals");
  expect_load_error(x, "test \"a\" { at \"2024-12-06\" { } }\n", 1,
                    "expects nothing");
  expect_load_error(x, "test \"a\" { submissions = { } }\n", 1,
                    "has no at");
  expect_load_error(x, "test \"a\" { at \"2024-12-06\" { finding { kind = \"overdue\" } } }\n"
                    "test \"a\" { at \"2024-12-07\" { finding { kind = \"overdue\" } } }\n",
                    2, "declared twice (first at");
  expect_load_error(x, "test \"a\" { onn = 1, at \"2024-12-06\" { finding { kind = \"x\" } } }\n",
                    1, "unknown field 'onn'");
  expect_load_error(x, "test \"a\" { submissions = { { \"so-a\", \"bao-cao\", \"2024\", onn = \"x\" } },\n"
                    "  at \"2024-12-06\" { finding { kind = \"overdue\" } } }\n",
                    1, "submissions[1]: unknown field 'onn'");
  expect_load_error(x, "test \"a\" { at \"2024-12-06\" { finding { } } }\n",
                    1, "names no field");
  /* `until` is a Lua keyword: { until = … } does not even parse */
  expect_load_error(x, "test \"a\" { extensions = { { \"so-a\", \"bao-cao\", \"2024\",\n"
                    "  until = \"2024-12-20\", letter = \"1\" } } }\n", 2, "until");
  expect_load_error(x, "test \"a\" { extensions = { { \"so-a\", \"bao-cao\", \"2024\",\n"
                    "  [\"until\"] = \"2024-12-20\", due = \"2024-12-20\", letter = \"1\" } },\n"
                    "  at \"2024-12-06\" { finding { kind = \"x\" } } }\n", 1,
                    "due and [\"until\"] are the same field");
  expect_load_error(x, "x = (\n", 2, "");
  expect_load_error(x, "local t = io.open(\"/etc/passwd\")\n", 1, "io");
  expect_load_error(x, "\nwhile true do end\n", 2, "instruction budget");
  expect_load_error(x, "-- a file whose tests are all commented out\n", 0,
                    "no test");
  expect_load_error(x, "local s = (\"x\"):gsub(\"x\", \"y\")\n", 1, "gsub");
}

static void test_language_records(void **state)
{
  struct fx *x = *state;
  struct rt_file f;
  assert_int_equal(ruletest_load(RT_PASS_TESTS "/deadlines.lua", &x->o, &f), 0);
  assert_null(f.error);
  assert_int_equal(f.n_tests, 4);
  const struct rt_test *t = &f.tests[1];
  assert_string_equal(t->name, "annual report: the local day off 05/12/2024 "
                               "moves it to Friday 06/12");
  assert_string_equal(t->where, RT_PASS_TESTS "/deadlines.lua:23");
  assert_int_equal(t->n_fixtures, 2);
  assert_int_equal(t->fixtures[1].kind, RT_SUBMISSION);
  assert_int_equal(t->fixtures[1].index, 2);
  assert_string_equal(t->fixtures[1].pos[0], "so-c");
  assert_string_equal(t->fixtures[1].on, "2024-12-09");
  assert_int_equal(t->n_ats, 3);
  assert_string_equal(t->ats[2].text, "2024-12-20T08:00");
  const struct rt_expect *e = &t->ats[2].v[0];
  assert_int_equal(e->kind, RT_REMINDER);
  assert_string_equal(e->where, RT_PASS_TESTS "/deadlines.lua:41");
  assert_true(e->v[RT_ESCALATION].given);
  assert_int_equal(e->v[RT_ESCALATION].type, 'b');
  assert_string_equal(e->v[RT_CC].s, "a@thu.example");
  assert_false(e->v[RT_KIND].given);
  ruletest_file_release(&f);
}

/* ---- running --------------------------------------------------------- */

static void run_file(struct fx *x, const struct jurisdiction *j,
                     const char *path, struct rt_coverage *cov,
                     size_t *passed, size_t *failed)
{
  struct rt_file f;
  assert_int_equal(ruletest_load(path, &x->o, &f), 0);
  for (size_t i = 0; i < f.n_tests; i++) {
    struct rt_result r;
    assert_int_equal(ruletest_run(j, &f.tests[i], x->dir, cov, &r), 0);
    if (r.status == RT_PASS)
      ++*passed;
    else
      ++*failed;
    assert_int_not_equal(r.status, RT_ERROR);
    assert_true(r.n_expectations > 0);
    ruletest_result_release(&r);
  }
  ruletest_file_release(&f);
}

static void test_pass_and_coverage(void **state)
{
  struct fx *x = *state;
  struct rt_coverage cov;
  size_t passed = 0, failed = 0;
  assert_int_equal(ruletest_coverage_init(&cov, x->pass), 0);
  /* bao-cao × half, bao-cao × year, tu-kiem-tra × once; thang-hd; ty-le,
   * ke-hoach; 6 + 5 + 2 statuses */
  assert_int_equal(cov.n, 19);
  assert_int_equal(ruletest_coverage_covered(&cov), 0);
  run_file(x, x->pass, RT_PASS_TESTS "/deadlines.lua", &cov, &passed, &failed);
  assert_int_equal(passed, 4);
  /* the deadlines reach no indicator and no campaign */
  for (size_t i = 0; i < cov.n; i++)
    if (cov.v[i].kind == RT_UNIT_INDICATOR || cov.v[i].kind == RT_UNIT_CAMPAIGN)
      assert_false(cov.v[i].covered);
  assert_true(ruletest_coverage_percent(&cov) < 90);
  run_file(x, x->pass, RT_PASS_TESTS "/statuses.lua", &cov, &passed, &failed);
  assert_int_equal(failed, 0);
  assert_int_equal(ruletest_coverage_covered(&cov), 19);
  assert_true(ruletest_coverage_percent(&cov) == 100.0);
  /* every scratch database was removed */
  assert_int_equal(count_entries(x->dir), 0);
  ruletest_coverage_release(&cov);
}

static void test_failure_diff(void **state)
{
  struct fx *x = *state;
  struct rt_file f;
  struct rt_result r;
  const char *path = FIXTURE_RULES "/rt-fail/tests/annual.lua";
  assert_int_equal(ruletest_load(path, &x->o, &f), 0);
  assert_int_equal(f.n_tests, 3);

  assert_int_equal(ruletest_run(x->fail, &f.tests[0], x->dir, NULL, &r), 0);
  assert_int_equal(r.status, RT_PASS);
  ruletest_result_release(&r);

  assert_int_equal(ruletest_run(x->fail, &f.tests[1], x->dir, NULL, &r), 0);
  assert_int_equal(r.status, RT_FAIL);
  assert_int_equal(r.n_expectations, 2);
  assert_int_equal(r.n_failures, 2);
  const struct rt_failure *a = &r.failures[0];
  assert_string_equal(a->e->where, FIXTURE_RULES "/rt-fail/tests/annual.lua:12");
  assert_string_equal(a->at->text, "2024-12-09");
  assert_int_equal(a->n_near, 1);              /* the same instance only */
  assert_int_equal(a->differ[0], (1u << RT_DUE) | (1u << RT_DAYS));
  char buf[64];
  ruletest_value_text(RT_DUE, &a->near[0].v[RT_DUE], buf, sizeof buf);
  assert_string_equal(buf, "\"2024-12-06\"");
  ruletest_value_text(RT_DAYS, &a->near[0].v[RT_DAYS], buf, sizeof buf);
  assert_string_equal(buf, "3");
  assert_string_equal(a->near[0].v[RT_AGENCY].s, "so-a");
  assert_null(a->near[0].f);
  assert_true(a->n_actual > 10);
  /* no_finding: what matched it, the receipt of 10/12 not known on 09/12 */
  const struct rt_failure *b = &r.failures[1];
  assert_int_equal(b->e->kind, RT_NO_FINDING);
  assert_int_equal(b->n_near, 2);
  for (size_t i = 0; i < b->n_near; i++) {
    assert_string_equal(b->near[i].v[RT_AGENCY].s, "so-b");
    assert_string_equal(b->near[i].v[RT_KIND].s, "overdue");
  }
  ruletest_result_release(&r);

  assert_int_equal(ruletest_run(x->fail, &f.tests[2], x->dir, NULL, &r), 0);
  assert_int_equal(r.status, RT_FAIL);
  assert_int_equal(r.failures[0].n_near, 1);
  assert_int_equal(r.failures[0].differ[0], 1u << RT_TO);
  assert_string_equal(r.failures[0].near[0].v[RT_TO].s, "a@thu.example");
  ruletest_result_release(&r);
  ruletest_file_release(&f);
  assert_int_equal(count_entries(x->dir), 0);
}

static bool has_error(const struct rt_result *r, const char *where,
                      const char *words)
{
  for (size_t i = 0; i < r->n_errors; i++)
    if (strncmp(r->errors[i], where, strlen(where)) == 0 &&
        strstr(r->errors[i], words))
      return true;
  return false;
}

static void test_mistakes_against_the_rules(void **state)
{
  struct fx *x = *state;
  char path[128], where[160];
  struct rt_file f;
  struct rt_result r;
  write_test(x,
    "test \"a\" {\n"                                                   /* 1 */
    "  submissions = {\n"                                               /* 2 */
    "    { \"so-z\", \"bao-cao\", \"2024\", on = \"2024-12-01\" },\n"   /* 3 */
    "    { \"so-a\", \"bao-cao\", \"2024-Q1\", on = \"2024-12-01\" },\n"/* 4 */
    "    { \"so-a\", \"bao-cao\", \"2024\", on = \"2024-02-30\" },\n"   /* 5 */
    "    { \"so-a\", \"bao-cao\", \"2024\" },\n"                        /* 6 */
    "  },\n"                                                            /* 7 */
    "  observations = { { \"ty-le\", \"2024-H1\", 5 } },\n"             /* 8 */
    "  extensions = { { \"so-a\", \"bao-cao\", \"2024\", [\"until\"] = \"2024-12-20\" },\n"   /* 9 */
    "                 { \"so-a\", \"bao-cao\", \"2024\", letter = \"2\" },\n"
    "                 { \"so-a\", \"bao-cao\", \"2024\", letter = \"3\", due = \"2024-12-32\" } },\n"
    "  at \"2024-12-32\" { finding { kind = \"overdue\" } },\n"         /* 12 */
    "  at \"2024-12-09\" {\n"                                           /* 13 */
    "    finding { kind = \"overdu\", agency = \"so-a\",\n"             /* 14 */
    "              obligation = \"bao-cao\", period = \"2024-Q4\",\n"   /* 15 */
    "              due = \"2024-12-5\", days = \"3\" },\n"              /* 16 */
    "    no_finding { indicator = \"ti-le\" },\n"                       /* 17 */
    "    reminder { stage = \"overdue-one\", to = \"x@y.example\", escalation = 1 },\n"
    "    no_reminder { campaign = \"thang-hd\", period = \"2024-11\" },\n"
    "    finding { kind = \"overdue\", indicator = \"ty-le\" },\n"
    "    no_finding { obligation = \"bao-cao\", campaign = \"thang-hd\" },\n"
    "  },\n"
    "}\n", path, sizeof path);
  assert_int_equal(ruletest_load(path, &x->o, &f), 0);
  assert_int_equal(ruletest_run(x->pass, &f.tests[0], x->dir, NULL, &r), 0);
  assert_int_equal(r.status, RT_ERROR);
  assert_int_equal(r.n_failures, 0);
  assert_int_equal(r.n_expectations, 0);       /* nothing ran */
  static const struct { int line; const char *words; } want[] = {
    {3, "agency \"so-z\" is not declared"},
    {4, "\"2024-Q1\" is not a period of bao-cao"},
    {5, "on \"2024-02-30\" is not a real date"},
    {1, "submissions[4]: missing on = "},
    {8, "\"2024-H1\" is not a period of ty-le (its cadence is year)"},
    {1, "extensions[1]: missing letter"},
    {1, "extensions[2]: missing due = \"YYYY-MM-DD\""},
    {11, "extensions[3]: due \"2024-12-32\" is not a real date"},
    {12, "at \"2024-12-32\": not a real date"},
    {14, "unknown kind \"overdu\""},
    {15, "\"2024-Q4\" is not a period of obligation bao-cao"},
    {16, "due \"2024-12-5\" is not a real date"},
    {16, "days must be a number, not a string"},
    {17, "indicator \"ti-le\" is not declared"},
    {18, "stage \"overdue-one\" is none of"},
    {18, "to \"x@y.example\" is not the email or head_email"},
    {18, "escalation must be true or false, not a number"},
    {19, "a campaign's period is the year its window starts"},
    {20, "\"overdue\" is not a status of indicators: it could never match"},
    {21, "names more than one of obligation, indicator and campaign"},
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    snprintf(where, sizeof where, "%s:%d: ", path, want[i].line);
    if (!has_error(&r, where, want[i].words)) {
      for (size_t k = 0; k < r.n_errors; k++)
        print_message("  %s\n", r.errors[k]);
      fail_msg("no error '%s…%s'", where, want[i].words);
    }
  }
  assert_int_equal(r.n_errors, sizeof want / sizeof *want);
  ruletest_result_release(&r);
  ruletest_file_release(&f);
  /* a computed indicator takes no value of its own; a receipt twice */
  write_test(x,
    "test \"b\" { submissions = { { \"so-a\", \"bao-cao\", \"2024\", on = \"2024-12-01\" },\n"
    "                           { \"so-a\", \"bao-cao\", \"2024\", on = \"2024-12-02\" } },\n"
    "  at \"2024-12-09\" { finding { kind = \"on_time\" } } }\n", path,
    sizeof path);
  assert_int_equal(ruletest_load(path, &x->o, &f), 0);
  assert_int_equal(ruletest_run(x->pass, &f.tests[0], x->dir, NULL, &r), 0);
  assert_int_equal(r.status, RT_ERROR);
  snprintf(where, sizeof where, "%s:1: ", path);
  assert_true(has_error(&r, where, "listed twice"));
  ruletest_result_release(&r);
  ruletest_file_release(&f);
  assert_int_equal(count_entries(x->dir), 1);   /* t.lua only */
}

static void test_list(void **state)
{
  struct fx *x = *state;
  char **paths;
  assert_int_equal(ruletest_list(x->pass->dir, &paths), 2);
  assert_string_equal(paths[0], FIXTURE_RULES "/rt-pass/tests/deadlines.lua");
  assert_string_equal(paths[1], FIXTURE_RULES "/rt-pass/tests/statuses.lua");
  ruletest_paths_release(paths, 2);
  assert_int_equal(ruletest_list(FIXTURE_RULES "/base", &paths), 0);
  assert_null(paths);
}

/* ---- why a day is off ------------------------------------------------ */

static void test_day_reasons(void **state)
{
  struct fx *x = *state;
  char buf[96];
  const struct cal_holidays *h = &x->pass->holidays;
  assert_int_equal(legal_day_reason(h, fixture_day("2024-12-05"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Ngày hội tỉnh Thử");
  assert_int_equal(legal_day_reason(h, fixture_day("2024-06-08"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "thứ Bảy");
  assert_int_equal(legal_day_reason(h, fixture_day("2024-06-09"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Chủ nhật");
  assert_int_equal(legal_day_reason(h, fixture_day("2024-06-10"), buf,
                                    sizeof buf), -1);

  /* the law's names for a computed year: 30/04/2028 is a Sunday and
   * 01/05 a holiday, so the make-up day is Tuesday 02/05 */
  struct cal_holidays law;
  struct legal_year y;
  cal_holidays_init(&law);
  assert_int_equal(legal_holidays_fill(&law, 2027, 2028), 0);
  assert_int_equal(legal_year_assume(2027, &y), 0);
  assert_int_equal(legal_day_reason(&law, y.tet_first + 2, buf, sizeof buf), 0);
  assert_string_equal(buf, "Tết Nguyên đán");
  assert_int_equal(legal_day_reason(&law, fixture_day("2028-04-30"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Ngày Chiến thắng");
  assert_int_equal(legal_day_reason(&law, fixture_day("2028-05-02"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Nghỉ bù Ngày Chiến thắng");
  assert_int_equal(legal_day_reason(&law, fixture_day("2027-09-02"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Quốc khánh");
  assert_int_equal(legal_day_reason(&law, fixture_day("2027-01-01"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Tết Dương lịch");
  cal_holidays_release(&law);

  /* the rules' name wins over the computed one; an unnamed day off */
  cal_holidays_init(&law);
  assert_int_equal(cal_holidays_add_off(&law, fixture_day("2027-10-15")), 0);
  cal_holidays_finish(&law);
  assert_int_equal(legal_day_reason(&law, fixture_day("2027-10-15"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "ngày nghỉ");
  assert_int_equal(cal_holidays_add_name(&law, fixture_day("2027-10-15"),
                                         fixture_day("2027-10-15"),
                                         "Ngày truyền thống"), 0);
  assert_int_equal(legal_day_reason(&law, fixture_day("2027-10-15"), buf,
                                    sizeof buf), 0);
  assert_string_equal(buf, "Ngày truyền thống");
  cal_holidays_release(&law);
}

/* ---- the preview ----------------------------------------------------- */

static const struct preview_event *find_event(const struct preview *p,
                                              enum preview_type t,
                                              const char *item,
                                              const char *agency,
                                              const char *period,
                                              const char *day)
{
  for (size_t i = 0; i < p->n; i++) {
    const struct preview_event *e = &p->v[i];
    const char *id = e->obligation ? e->obligation->id
                     : e->indicator ? e->indicator->id : e->campaign->id;
    if (e->type == t && strcmp(id, item) == 0 &&
        (agency == NULL || (e->agency && strcmp(e->agency->id, agency) == 0)) &&
        strcmp(e->period.id, period) == 0 &&
        (day == NULL || e->day == fixture_day(day)))
      return e;
  }
  return NULL;
}

static size_t count_events(const struct preview *p, enum preview_type t,
                           const char *stage, const char *agency)
{
  size_t n = 0;
  for (size_t i = 0; i < p->n; i++)
    n += p->v[i].type == t && (stage == NULL ||
                               strcmp(p->v[i].stage, stage) == 0) &&
         (agency == NULL || (p->v[i].agency &&
                             strcmp(p->v[i].agency->id, agency) == 0));
  return n;
}

static void test_preview(void **state)
{
  struct fx *x = *state;
  struct preview p = {0};
  char err[256];
  struct preview_options o = {.from = fixture_day("2024-11-28"),
                              .to = fixture_day("2024-12-10"),
                              .tmpdir = x->dir};
  assert_int_equal(preview_build(x->pass, &o, &p, err, sizeof err), 0);
  assert_int_equal(count_entries(x->dir), 0);

  /* the annual report: the local day off, with its name */
  const struct preview_event *e =
    find_event(&p, PV_DEADLINE, "bao-cao", "so-a", "2024", "2024-12-06");
  assert_non_null(e);
  assert_int_equal(e->nominal_due, fixture_day("2024-12-05"));
  assert_int_equal(e->n_skipped, 1);
  assert_string_equal(e->skipped[0].reason, "Ngày hội tỉnh Thử");
  assert_false(e->day_before);
  /* the self-inspection: a weekend */
  e = find_event(&p, PV_DEADLINE, "tu-kiem-tra", "so-c", "2024", "2024-12-02");
  assert_non_null(e);
  assert_int_equal(e->n_skipped, 2);
  assert_int_equal(e->skipped[0].day, fixture_day("2024-11-30"));
  assert_string_equal(e->skipped[0].reason, "thứ Bảy");
  assert_string_equal(e->skipped[1].reason, "Chủ nhật");
  /* status changes: due soon seven days before, overdue the day after */
  e = find_event(&p, PV_STATUS, "bao-cao", "so-b", "2024", "2024-11-29");
  assert_non_null(e);
  assert_int_equal(e->kind, FIND_DUE_SOON);
  assert_true(e->has_previous);
  assert_int_equal(e->previous, FIND_UPCOMING);
  e = find_event(&p, PV_STATUS, "bao-cao", "so-b", "2024", "2024-12-07");
  assert_non_null(e);
  assert_int_equal(e->kind, FIND_OVERDUE);
  assert_int_equal(e->previous, FIND_DUE_SOON);
  /* each stage once per agency; none on a Saturday or Sunday */
  assert_int_equal(count_events(&p, PV_REMINDER, "before-7", "so-a"), 1);
  for (size_t i = 0; i < p.n; i++)
    if (p.v[i].type == PV_REMINDER)
      assert_true(cal_weekday(p.v[i].day) < 5);
  e = find_event(&p, PV_REMINDER, "bao-cao", "so-a", "2024", "2024-12-09");
  assert_non_null(e);
  assert_string_equal(e->stage, "overdue-0");   /* from 07/12, on Monday */
  assert_string_equal(e->to_address, "a@thu.example");
  assert_null(find_event(&p, PV_REMINDER, "bao-cao", "so-a", "2024",
                         "2024-12-07"));
  preview_release(&p);

  /* one agency's events: so-c's, and the indicator it supports */
  const struct agency *c = model_agency(x->pass, "so-c");
  struct preview q = {0};
  o.agency = c;
  o.from = fixture_day("2024-11-10");
  o.to = fixture_day("2024-12-31");
  assert_int_equal(preview_build(x->pass, &o, &q, err, sizeof err), 0);
  assert_true(q.n > 5);
  for (size_t i = 0; i < q.n; i++) {
    const struct preview_event *v = &q.v[i];
    bool mine = v->agency == c || v->campaign;
    for (size_t k = 0; k < v->n_cc; k++)
      mine |= strcmp(v->cc[k], "c@thu.example") == 0;
    if (v->indicator)
      mine = strcmp(v->indicator->id, "ty-le") == 0;
    assert_true(mine);
  }
  assert_non_null(find_event(&q, PV_CAMPAIGN, "thang-hd", NULL, "2024",
                             "2024-11-15"));
  assert_non_null(find_event(&q, PV_STATUS, "ty-le", "so-a", "2024",
                             "2024-12-26"));
  e = find_event(&q, PV_REMINDER, "ty-le", "so-a", "2024", "2024-12-26");
  assert_non_null(e);                           /* so-c in copy */
  assert_int_equal(e->n_cc, 1);
  assert_string_equal(e->cc[0], "c@thu.example");
  assert_null(find_event(&q, PV_STATUS, "ke-hoach", NULL, "2024", NULL));

  /* the JSON holds every event */
  FILE *tmp = tmpfile();
  assert_non_null(tmp);
  assert_int_equal(preview_write_json(tmp, &q), 0);
  rewind(tmp);
  json_error_t jerr;
  json_t *root = json_loadf(tmp, 0, &jerr);
  assert_non_null(root);
  assert_string_equal(json_string_value(json_object_get(root, "agency")), "so-c");
  assert_int_equal(json_array_size(json_object_get(root, "events")), q.n);
  json_decref(root);
  fclose(tmp);
  preview_release(&q);

  struct preview r = {0};
  o.to = o.from - 1;
  assert_int_equal(preview_build(x->pass, &o, &r, err, sizeof err), -1);
  o.to = o.from + PREVIEW_MAX_DAYS;
  assert_int_equal(preview_build(x->pass, &o, &r, err, sizeof err), -1);
  assert_non_null(strstr(err, "at most 731 days"));
  preview_release(&r);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_language_mistakes, setup, teardown),
    cmocka_unit_test_setup_teardown(test_language_records, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pass_and_coverage, setup, teardown),
    cmocka_unit_test_setup_teardown(test_failure_diff, setup, teardown),
    cmocka_unit_test_setup_teardown(test_mistakes_against_the_rules, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_list, setup, teardown),
    cmocka_unit_test_setup_teardown(test_day_reasons, setup, teardown),
    cmocka_unit_test_setup_teardown(test_preview, setup, teardown),
  };
  return cmocka_run_group_tests_name("ruletest", tests, NULL, NULL);
}
