/*
 * ruletest.h — rule tests: fixtures, simulated dates, expected findings
 * and reminders (`dondoc rules test`, docs/rules.md "Rule tests").
 *
 * A test file (rules/<id>/tests/NAME.lua) runs in a sandbox of its own with
 * the language of engine/ruletest.lua; ruletest_load turns what it declared
 * into the structs below. ruletest_run then checks one test against a
 * loaded jurisdiction: its ids, periods and dates against the rules (a
 * mistake is an error at the FILE:LINE that made it), its fixtures into a
 * temporary SQLite file of its own (removed afterwards) through store.c,
 * and at each simulated date the findings of evaluate_jurisdiction (every
 * status) and the reminders of remind_plan — as `run` decides them that
 * day, without the outbox's memory of earlier days — against what it
 * expects. Nothing is printed here; cli/cmd_ruletest.c renders results.
 *
 * Coverage (struct rt_coverage) counts, per jurisdiction, the units an
 * expectation of some test matched: each obligation × period kind, each
 * campaign, each indicator with targets, and each status branch that can
 * occur there.
 */
#ifndef DONDOC_RULETEST_H
#define DONDOC_RULETEST_H

#include <stdbool.h>
#include <stddef.h>
#include "evaluate.h"
#include "rules.h"

/* The fields an expectation may name, in the order they are printed. */
enum rt_field {
  RT_KIND, RT_AGENCY, RT_OBLIGATION, RT_INDICATOR, RT_CAMPAIGN, RT_PERIOD,
  RT_DUE, RT_NOMINAL_DUE, RT_DAYS, RT_RECEIVED, RT_VALUE, RT_TARGET,
  RT_TARGET_YEAR, RT_EXPECTED, RT_PROJECTED, RT_DAY, RT_LETTER,
  RT_ORIGINAL_DUE, RT_ON_BEHALF_OF, RT_STAGE, RT_TO, RT_CC, RT_ESCALATION,
  RT_N_FIELDS
};

/* How a field's value is written and compared. */
enum rt_type { RT_STRING, RT_DATE, RT_INT, RT_NUMBER, RT_BOOL };

const char *ruletest_field_name(enum rt_field f);
enum rt_type ruletest_field_type(enum rt_field f);

/* One field's value: a string (owned), or a number (dates as cal_day,
 * booleans as 0/1). `cc` of an actual reminder is every copy, joined
 * with ", ". */
struct rt_value {
  bool given;
  char type;                         /* as written: 's' string, 'n' number,
                                        'b' boolean */
  char *s;
  double n;
};

enum rt_expect_kind { RT_FINDING, RT_NO_FINDING, RT_REMINDER,
                      RT_NO_REMINDER };

struct rt_expect {
  enum rt_expect_kind kind;
  char *where;                       /* "FILE:LINE" */
  struct rt_value v[RT_N_FIELDS];
};

/* One simulated moment and what must (not) be found then. */
struct rt_at {
  char *where;
  char *text;                        /* as written: "2024-12-20T08:00" */
  cal_day day;                       /* set by ruletest_run's checks */
  struct rt_expect *v; size_t n;
};

enum rt_fixture_kind { RT_SUBMISSION, RT_OBSERVATION, RT_EXTENSION,
                       RT_EXEMPTION };

/* One fixture entry as written; the strings are owned, NULL when left
 * out. pos[] are the positional values (agency, obligation, period; or
 * indicator, period, value) as text. */
struct rt_fixture {
  enum rt_fixture_kind kind;
  size_t index;                      /* 1-based, in its list */
  char *pos[3];
  double value; bool value_is_number;   /* observations */
  char *on, *until, *letter, *reason, *note, *unit;
};

struct rt_test {
  char *name, *where;
  struct rt_fixture *fixtures; size_t n_fixtures;
  struct rt_at *ats; size_t n_ats;
};

/* A test file: its tests, or the error that stopped it ("FILE:LINE: …"). */
struct rt_file {
  char *path;
  struct rt_test *tests; size_t n_tests;
  char *error;
};

/* Run the test file at `path` in a sandbox with o's limits (memory,
 * budget, time). Returns 0; -1 when the file has a mistake (f->error says
 * where) or memory ran out. Free with ruletest_file_release. */
int ruletest_load(const char *path, const struct rules_options *o,
                  struct rt_file *f);
void ruletest_file_release(struct rt_file *f);

/* The test files of a jurisdiction folder: dir/tests/NAME.lua for each NAME, sorted, as
 * "dir/tests/NAME.lua" (*paths and each path owned by the caller; free
 * with ruletest_paths_release). Returns their number (0: no folder or no
 * file), or -1 when out of memory or the folder cannot be read. */
long ruletest_list(const char *dir, char ***paths);
void ruletest_paths_release(char **paths, size_t n);

/* A scratch database: an empty store in a new folder under tmpdir (NULL:
 * $TMPDIR, else /tmp), removed with everything in it by
 * ruletest_scratch_close. `rules test` and `rules preview` never touch
 * the configured database. Returns 0, or -1 with the reason in err. */
struct rt_scratch {
  char dir[4096], path[4200];
  struct store *s;
};
int ruletest_scratch_open(struct rt_scratch *x, const char *tmpdir,
                          char *err, size_t errlen);
void ruletest_scratch_close(struct rt_scratch *x);

/* ---- coverage -------------------------------------------------------- */

enum rt_unit_kind { RT_UNIT_OBLIGATION, RT_UNIT_CAMPAIGN, RT_UNIT_INDICATOR,
                    RT_UNIT_STATUS };

struct rt_unit {
  enum rt_unit_kind kind;
  const char *id;                    /* item id (in j) or status name */
  enum cal_period_kind period;       /* obligations: the period kind */
  bool covered;
};

struct rt_coverage {
  const struct jurisdiction *j;
  struct rt_unit *v; size_t n;
};

/* The units of j, none covered. Returns 0 or -1 (out of memory). */
int ruletest_coverage_init(struct rt_coverage *c,
                           const struct jurisdiction *j);
void ruletest_coverage_release(struct rt_coverage *c);
size_t ruletest_coverage_covered(const struct rt_coverage *c);
/* covered × 100 / units; 100 when j has no unit. */
double ruletest_coverage_percent(const struct rt_coverage *c);
const char *ruletest_unit_kind_name(enum rt_unit_kind k);

/* ---- running --------------------------------------------------------- */

/* An actual finding or reminder, in the fields of an expectation. */
struct rt_record {
  struct rt_value v[RT_N_FIELDS];
  const struct finding *f;           /* what it came from, while the date is
                                        checked; NULL in a failure's copy */
};

/* An expectation that did not hold at a date: for finding/reminder the
 * nearest actual records (same item and agency first), each with the
 * mask of given fields that differ; for no_finding/no_reminder the
 * records that matched. */
struct rt_failure {
  const struct rt_expect *e;
  const struct rt_at *at;
  struct rt_record *near; unsigned *differ; size_t n_near;
  size_t n_actual;                   /* findings (or reminders) that day */
};

enum rt_status { RT_PASS, RT_FAIL, RT_ERROR };

struct rt_result {
  enum rt_status status;
  size_t n_expectations;             /* checked, over every date */
  struct rt_failure *failures; size_t n_failures;
  char **errors; size_t n_errors;    /* "FILE:LINE: …" (RT_ERROR) */
};

/* Run test t against j: check it (RT_ERROR with every mistake found),
 * load its fixtures into a fresh SQLite file in tmpdir (NULL: $TMPDIR or
 * /tmp), evaluate each date, match. Units an expectation matched are
 * marked in cov (may be NULL). Returns 0 (the outcome is in r), or -1
 * when the test could not be run (database, out of memory; r->errors
 * says why). Free r with ruletest_result_release. */
int ruletest_run(const struct jurisdiction *j, struct rt_test *t,
                 const char *tmpdir, struct rt_coverage *cov,
                 struct rt_result *r);
void ruletest_result_release(struct rt_result *r);

/* A value as written in a test file: "\"so-noi-vu\"", "1", "47.5",
 * "true", "\"2024-12-05\"". */
void ruletest_value_text(enum rt_field f, const struct rt_value *v,
                         char *buf, size_t len);

#endif
