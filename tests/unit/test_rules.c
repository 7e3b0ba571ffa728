/*
 * test_rules.c — loading rule folders: inheritance, overrides, the sandbox,
 * and errors that name FILE:LINE. Uses the fixture folders in
 * tests/fixtures/rules (the tests run from tests/unit); the sandbox's own
 * limits are tested in test_sandbox.c.
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

#include "rules.h"
#include "sandbox.h"

#define FIXTURES "../fixtures/rules"

/* Load one jurisdiction; returns rules_load's status. */
static int load(const char *id, struct ruleset *rs)
{
  struct rules_options o;
  rules_options_default(&o, FIXTURES);
  o.memory_limit = 16u << 20;
  o.instruction_limit = 5L * 1000 * 1000;
  memset(rs, 0, sizeof *rs);
  const char *ids[] = {id};
  return rules_load(&o, ids, 1, rs);
}

/* Load `id`, expect failure with a message containing every fragment. */
static void expect_error(const char *id, const char *f1, const char *f2)
{
  struct ruleset rs;
  assert_int_equal(load(id, &rs), 1);
  assert_int_equal(rs.n, 0);
  assert_true(rs.n_errors >= 1);       /* the first one is the one meant */
  const char *msg = rs.errors[0].message;
  if (strstr(msg, f1) == NULL || (f2 && strstr(msg, f2) == NULL))
    fail_msg("%s: message '%s' lacks '%s' / '%s'", id, msg, f1,
             f2 ? f2 : "");
  assert_string_equal(rs.errors[0].jurisdiction, id);
  rules_release(&rs);
}

static void test_inheritance_and_override(void **state)
{
  (void)state;
  struct ruleset rs;
  assert_int_equal(load("good", &rs), 0);
  assert_int_equal(rs.n, 1);
  const struct jurisdiction *j = rules_find(&rs, "good");
  assert_non_null(j);
  assert_string_equal(j->name, "Tỉnh Tốt");
  assert_string_equal(j->parent, "base");
  assert_false(j->is_template);

  /* inherited untouched */
  const struct indicator *lead = model_indicator(j, "lead");
  assert_non_null(lead);
  assert_int_equal(lead->n_targets, 2);
  assert_int_equal(lead->targets[0].year, 2025);
  assert_true(lead->targets[0].value == 60);
  assert_int_equal(lead->n_parent_targets, 0);
  assert_true(lead->has_baseline);
  assert_int_equal(lead->baseline_year, 2020);

  /* overridden targets, the parent's kept beside them, the rest inherited */
  const struct indicator *agri = model_indicator(j, "agri");
  assert_non_null(agri);
  assert_true(agri->targets[0].value == 20);
  assert_true(agri->targets[1].value == 10);
  assert_int_equal(agri->n_parent_targets, 2);
  assert_true(agri->parent_targets[0].value == 30);
  assert_int_equal(agri->direction, DIR_AT_MOST);
  assert_string_equal(agri->title, "Lao động nữ nông nghiệp");

  /* dropped */
  assert_null(model_indicator(j, "curriculum"));

  /* ratio */
  const struct indicator *vio = model_indicator(j, "vio");
  assert_true(vio->is_ratio);
  assert_string_equal(vio->num, "vio.supported");
  assert_true(vio->scale == 100);

  /* the inherited campaign becomes two obligations over a window */
  const struct obligation *plan = model_obligation(j, "am-plan");
  assert_non_null(plan);
  assert_non_null(model_obligation(j, "am-results"));
  assert_string_equal(plan->campaign, "am");
  assert_int_equal(plan->schedules[0].kind, CAL_WINDOW);
  assert_int_equal(plan->schedules[0].win_from_m, 11);
  assert_int_equal(plan->schedules[0].win_to_d, 15);
  /* members() resolved in the child: a and b, not the non-members */
  assert_int_equal(plan->n_from, 2);

  /* selectors and schedules */
  const struct obligation *annual = model_obligation(j, "annual");
  assert_int_equal(annual->wording, WORDING_BEFORE);
  assert_int_equal(annual->n_schedules, 2);
  const struct obligation *district = model_obligation(j, "district");
  assert_int_equal(district->n_from, 1);
  assert_string_equal(district->from[0], "c");

  /* holidays from the parent, a make-up Saturday, policy defaults */
  cal_day d;
  assert_int_equal(cal_parse_date("2024-02-12", &d), 0);
  assert_false(cal_is_working_day(&j->holidays, d));
  assert_int_equal(cal_parse_date("2024-05-04", &d), 0);
  assert_true(cal_is_working_day(&j->holidays, d));
  assert_int_equal(j->policy.n_before, 2);
  assert_int_equal(j->policy.before[0], 7);
  assert_int_equal(j->policy.overdue_every, 7);
  assert_int_equal(j->policy.deadline_shift, SHIFT_NEXT_WORKING_DAY);
  rules_release(&rs);
}

static void test_roles_and_successors(void **state)
{
  (void)state;
  struct ruleset rs;
  cal_day before, after;
  assert_int_equal(load("good", &rs), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  assert_int_equal(cal_parse_date("2025-02-28", &before), 0);
  assert_int_equal(cal_parse_date("2025-03-01", &after), 0);
  assert_string_equal(model_holder(j, "secretariat", before)->id, "a");
  assert_string_equal(model_holder(j, "secretariat", after)->id, "b");
  assert_string_equal(model_holder(j, "home", before)->id, "b");
  const struct agency *a = model_agency(j, "a");
  assert_ptr_equal(model_answerable(j, a, before), a);
  assert_string_equal(model_answerable(j, a, after)->id, "b");
  rules_release(&rs);
}

static void test_errors_name_file_and_line(void **state)
{
  (void)state;
  expect_error("syntax", "rules/syntax/jurisdiction.lua:3:", "near ','");
  expect_error("runtime", "rules/runtime/jurisdiction.lua:3:", "nil value");
  expect_error("dup", "rules/dup/jurisdiction.lua:3:", "declared twice");
  expect_error("unknown-field", "rules/unknown-field/jurisdiction.lua:2:",
               "valid_untill");
  expect_error("bad-date", "rules/bad-date/jurisdiction.lua:2:",
               "2023-02-29");
  expect_error("unknown-agency", "rules/unknown-agency/jurisdiction.lua:5:",
               "'ghost'");
  expect_error("no-parent", "rules/no-parent/jurisdiction.lua:1:",
               "'nowhere'");
  expect_error("cycle-a", "inherits from itself", NULL);
  expect_error("bad-utf8", "rules/bad-utf8/jurisdiction.lua:2:",
               "not valid UTF-8");
  /* refused in the jurisdiction declaration, before the inherited
   * indicators had their array: releasing used to walk a NULL one */
  expect_error("num-monitor-from", "rules/num-monitor-from/jurisdiction.lua:3:",
               "field 'monitor_from': 0000-01-01 is outside the years 2000 "
               "to 2100");
  expect_error("num-holidays", "rules/num-holidays/jurisdiction.lua:3:",
               "holidays needs a year");
  /* inherited figures are checked in the province that inherits them */
  expect_error("num-child", "rules/num-child/jurisdiction.lua:3:",
               "the parent's targets[2025] must be a number from -1e+15 to "
               "1e+15, not nan");
}

static void test_endless_loop_is_stopped(void **state)
{
  (void)state;
  expect_error("loop", "rules/loop/jurisdiction.lua:4:",
               "instruction budget");
}

static void test_memory_bomb_is_stopped(void **state)
{
  (void)state;
  expect_error("bomb", "rules/bomb/jurisdiction.lua:", "memory limit");
}

static void test_sandbox_escapes_refused(void **state)
{
  (void)state;
  static const char *const escapes[] = {
    "escape-io", "escape-os", "escape-load", "escape-require",
    "escape-dofile", "escape-setmetatable", "escape-debug",
    "escape-collectgarbage", "escape-pcall",
  };
  for (size_t i = 0; i < sizeof escapes / sizeof *escapes; i++)
    expect_error(escapes[i], "jurisdiction.lua:3:", "nil value");
  expect_error("escape-dump", "jurisdiction.lua:2:", "'dump'");
  expect_error("escape-gsub", "jurisdiction.lua:2:", "'gsub'");
  expect_error("escape-global", "jurisdiction.lua:2:", "read-only");
  expect_error("bytecode", "rules/bytecode/jurisdiction.lua", "binary chunk");
}

/* One failing jurisdiction does not stop the others. */
static void test_failure_is_isolated(void **state)
{
  (void)state;
  struct rules_options o;
  struct ruleset rs = {0};
  const char *ids[] = {"loop", "good", "syntax", "bomb"};
  rules_options_default(&o, FIXTURES);
  o.memory_limit = 16u << 20;
  o.instruction_limit = 5L * 1000 * 1000;
  assert_int_equal(rules_load(&o, ids, 4, &rs), 1);
  assert_int_equal(rs.n, 1);
  assert_string_equal(rs.jurisdictions[0].id, "good");
  assert_int_equal(rs.n_errors, 3);
  rules_release(&rs);
}

/* The line of a fixture's file that holds `text`, or 0. */
static int line_of(const char *path, const char *text)
{
  char buf[512];
  int line = 0;
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    if (strstr(buf, text)) {
      fclose(f);
      return line;
    }
  }
  fclose(f);
  return 0;
}

/* Rule files whose work happens inside C library functions (issue 10):
 * each province stops at its looping line, the good one loads. */
static void test_library_work_is_bounded(void **state)
{
  (void)state;
  static const char *const ids[] = {
    "bound-rep", "good", "bound-rep-sep", "bound-format", "bound-concat",
    "bound-utf8-char", "bound-table-concat", "bound-unpack",
    "bound-tostring", "bound-upper", "bound-utf8-len", "bound-insert",
    "bound-sort", "bound-numeral",
  };
  const size_t n = sizeof ids / sizeof *ids;
  struct rules_options o;
  struct ruleset rs = {0};
  rules_options_default(&o, FIXTURES);
  o.instruction_limit = 10L * 1000 * 1000;
  o.time_limit_ms = 0;         /* the budget, not a loaded machine, decides */
  assert_int_equal(rules_load(&o, ids, n, &rs), 1);
  assert_int_equal(rs.n, 1);
  assert_string_equal(rs.jurisdictions[0].id, "good");
  assert_int_equal(rs.n_errors, n - 1);
  for (size_t i = 0; i < rs.n_errors; i++) {
    char path[200], want[260];
    snprintf(path, sizeof path, FIXTURES "/%s/jurisdiction.lua",
             rs.errors[i].jurisdiction);
    int line = line_of(path, "while true");
    assert_true(line > 0);
    snprintf(want, sizeof want, "%s:%d: error: instruction budget", path,
             line);
    if (strstr(rs.errors[i].message, want) == NULL)
      fail_msg("'%s' lacks '%s'", rs.errors[i].message, want);
  }
  rules_release(&rs);

  /* the line from the issue returns "" at once */
  assert_int_equal(load("bound-rep-once", &rs), 0);
  assert_string_equal(model_agency(&rs.jurisdictions[0], "a")->name, "Sở A");
  rules_release(&rs);
}

/* A time limit for the work no meter sees: comparing long strings. */
static void test_time_limit(void **state)
{
  (void)state;
  struct rules_options o;
  struct ruleset rs = {0};
  const char *ids[] = {"slow-compare", "good"};
  rules_options_default(&o, FIXTURES);
  o.time_limit_ms = 300;
  assert_int_equal(rules_load(&o, ids, 2, &rs), 1);
  assert_int_equal(rs.n, 1);
  assert_int_equal(rs.n_errors, 1);
  if (strstr(rs.errors[0].message,
             "rules/slow-compare/jurisdiction.lua:4: error: time limit")
      == NULL || strcmp(rs.errors[0].code, "time") != 0)
    fail_msg("%s", rs.errors[0].message);
  rules_release(&rs);
}

/* ---- numbers, dates and selectors at the door (issue 10) ------------ */

struct door_case {
  const char *src;     /* jurisdiction.lua after the declaration line */
  int line;            /* where the error must point */
  const char *says;    /* a fragment of the message */
};

/* Each case as its own one-file jurisdiction in a temporary rules folder:
 * it must fail alone, at its line. */
static void expect_refused(const struct door_case *cases, size_t n)
{
  char dir[64] = "/tmp/dondoc-door.XXXXXX", path[200], want[260];
  int wrong = 0;
  assert_non_null(mkdtemp(dir));
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/case%zu", dir, i);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/case%zu/jurisdiction.lua", dir, i);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "jurisdiction \"case%zu\" { name = \"Ca %zu\" }\n%s\n", i, i,
            cases[i].src);
    assert_int_equal(fclose(f), 0);

    struct rules_options o;
    struct ruleset rs = {0};
    char id[32];
    const char *ids[] = {id};
    snprintf(id, sizeof id, "case%zu", i);
    rules_options_default(&o, dir);
    if (rules_load(&o, ids, 1, &rs) != 1)
      fail_msg("accepted: %s", cases[i].src);
    snprintf(want, sizeof want, "%s:%d: ", path, cases[i].line);
    const char *msg = rs.errors[0].message;
    if (strncmp(msg, want, strlen(want)) != 0 ||
        strstr(msg, cases[i].says) == NULL) {
      print_error("'%s' is not '%s…%s…' for: %s\n", msg, want,
                  cases[i].says, cases[i].src);
      wrong++;
    }
    rules_release(&rs);
    (void)unlink(path);
    snprintf(path, sizeof path, "%s/case%zu", dir, i);
    (void)rmdir(path);
  }
  (void)rmdir(dir);
  assert_int_equal(wrong, 0);
}

static void test_numbers_are_finite_and_in_range(void **state)
{
  (void)state;
  static const struct door_case cases[] = {
    {"indicator \"x\" { title = \"X\", targets = { [2025] = 0/0 } }", 2,
     "targets[2025] must be a number from -1e+15 to 1e+15, not nan"},
    {"indicator \"x\" { title = \"X\",\n  targets = { [2025] = -math.huge } }",
     2, "not -inf"},
    {"indicator \"x\" { title = \"X\", targets = { [2025] = 1e300 } }", 2,
     "not 1e+300"},
    /* a key past 2^32 used to be cut to an int and read as 2025 */
    {"indicator \"x\" { title = \"X\", targets = { [(1 << 32) + 2025] = 1 } }",
     2, "keys must be years from 2000 to 2100"},
    {"indicator \"x\" { title = \"X\", targets = { [2025.5] = 1 } }", 2,
     "keys must be years"},
    {"indicator \"x\" { title = \"X\", targets = { [1999] = 1 } }", 2,
     "keys must be years from 2000 to 2100"},
    {"indicator \"x\" { title = \"X\", baseline = { 2020, 0/0 } }", 2,
     "the baseline value must be a number"},
    {"indicator \"x\" { title = \"X\", baseline = { 1 << 40, 5 } }", 2,
     "baseline must be { year, value }, the year from 2000 to 2100"},
    {"indicator \"x\" { title = \"X\", tolerance = 0/0 }", 2,
     "field 'tolerance' must be a number from 0 to 1, not nan"},
    {"indicator \"x\" { title = \"X\", tolerance = 2 }", 2,
     "field 'tolerance' must be a number from 0 to 1"},
    {"indicator \"a\" { title = \"A\" }\nindicator \"b\" { title = \"B\" }\n"
     "indicator \"r\" { title = \"R\", value = ratio(\"a\", \"b\", 0/0) }", 4,
     "field 'scale' must be a number from 1 to 1e+06, not nan"},
    {"indicator \"a\" { title = \"A\" }\nindicator \"b\" { title = \"B\" }\n"
     "indicator \"r\" { title = \"R\", value = ratio(\"a\", \"b\", -100) }", 4,
     "field 'scale'"},
    {"policy { overdue_every = 1e300 }", 2,
     "field 'overdue_every' must be a whole number from 1 to 366, not 1e+300"},
    {"policy { escalate_after = -math.huge }", 2,
     "field 'escalate_after' must be a whole number"},
    {"policy { indicator_repeat = 7.5 }", 2,
     "field 'indicator_repeat' must be a whole number from 1 to 366"},
    {"policy { before = { 7, 1 << 40 } }", 2,
     "policy.before: entry 2 is not a number of days from 0 to 366"},
    {"policy { tolerance = math.huge }", 2,
     "field 'tolerance' must be a number from 0 to 1, not inf"},
    {"policy { overdue_every = true }", 2,
     "field 'overdue_every' must be a whole number, not a boolean"},
  };
  expect_refused(cases, sizeof cases / sizeof *cases);
}

static void test_years_and_dates_in_range(void **state)
{
  (void)state;
  static const struct door_case cases[] = {
    {"holidays(1e300) { { \"2025-01-01\" } }", 2, "holidays needs a year"},
    {"holidays(0/0) { { \"2025-01-01\" } }", 2, "holidays needs a year"},
    {"holidays(1999) { { \"1999-01-01\" } }", 2,
     "holidays(1999): the year must be from 2000 to 2100"},
    {"holidays(2025) { work = \"2025-04-26\" }", 2,
     "holidays(2025): work must be a list of dates"},
    {"agency \"a\" { name = \"A\", valid_from = \"1900-01-01\" }", 2,
     "field 'valid_from': 1900-01-01 is outside the years 2000 to 2100"},
    {"obligation \"o\" { title = \"O\", from = {}, periods = { once = {\n"
     "  due = \"9999-12-31\" } } }", 3,
     "due 9999-12-31 is outside the years 2000 to 2100"},
    {"obligation \"o\" { title = \"O\", from = {}, periods = { year = {\n"
     "  due = \"end+99999999999999999999\" } } }", 3, "is not one of"},
    {"obligation \"o\" { title = \"O\", from = {}, periods = { month = {\n"
     "  due = \"end+10\", only = { 1.5 } } } }", 2,
     "periods.month.only: entry 1 is not a number from 1 to 12"},
    {"obligation \"o\" { title = \"O\", from = {}, periods = { quarter = {\n"
     "  due = \"end+10\", only = { 5 } } } }", 2,
     "periods.quarter.only: entry 1 is not a number from 1 to 4"},
    {"obligation \"o\" { title = \"O\", from = {}, periods = { year = {\n"
     "  due = \"12-05\", only = { 1 } } } }", 2,
     "periods.year.only: only months, quarters and halves have an index"},
    {"obligation \"o\" { title = \"O\", from = {}, periods = { half = {\n"
     "  due = \"end+10\", only = 1 } } }", 2,
     "periods.half.only must be a list"},
    /* a table that looks like a selector used to reach strcmp(…, NULL) */
    {"agency \"a\" { name = \"A\" }\nobligation \"o\" { title = \"O\",\n"
     "  from = { __select = \"kind\" }, periods = { year = { due = \"12-05\" } "
     "} }", 3, "field 'from' must list agencies"},
  };
  expect_refused(cases, sizeof cases / sizeof *cases);

  /* monitor_from = "0000-01-01" made evaluation walk 2,000 years */
  char dir[64] = "/tmp/dondoc-mon.XXXXXX", path[200];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/m", dir);
  assert_int_equal(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/m/jurisdiction.lua", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("jurisdiction \"m\" { name = \"M\", monitor_from = \"0000-01-01\" }\n",
        f);
  assert_int_equal(fclose(f), 0);
  struct rules_options o;
  struct ruleset rs = {0};
  const char *ids[] = {"m"};
  rules_options_default(&o, dir);
  assert_int_equal(rules_load(&o, ids, 1, &rs), 1);
  char want[260];
  snprintf(want, sizeof want, "%s:1: error: field 'monitor_from': "
           "0000-01-01 is outside the years 2000 to 2100 [out-of-range]",
           path);
  assert_string_equal(rs.errors[0].message, want);
  rules_release(&rs);
  (void)unlink(path);
  snprintf(path, sizeof path, "%s/m", dir);
  (void)rmdir(path);
  (void)rmdir(dir);
}

/* The model's C copies live outside the sandbox's memory cap and its
 * look-ups outside the hook's count: both are bounded. */
static void test_declarations_are_bounded(void **state)
{
  (void)state;
  static const struct door_case cases[] = {
    {"for i = 1, 1001 do\n  agency(\"a\" .. i) { name = \"A\" }\nend", 3,
     "more than 1000 agency declarations"},
    {"local t = {} for i = 1, 1001 do t[i] = { \"a\" } end\n"
     "agency \"a\" { name = \"A\" }\nrole \"r\" (t)", 4,
     "role 'r' has more than 1000 holders"},
    {"agency \"a\" { name = \"A\" }\n"
     "local f = {} for i = 1, 1001 do f[i] = \"a\" end\n"
     "obligation \"o\" { title = \"O\", from = f, periods = { year = {\n"
     "  due = \"12-05\" } } }", 4,
     "field 'from' lists more than 1000 agencies"},
    {"for i = 1, 501 do\n  campaign(\"c\" .. i) { title = \"C\", window = { "
     "from = \"11-15\",\n  to = \"12-15\" }, plan = { due = \"start-5\" }, "
     "results = { due = \"end+5\" } }\nend", 3,
     "more than 1000 obligations (campaigns make two each)"},
    {"local t = {} for i = 1, 1001 do t[i] = { \"2025-01-01\" } end\n"
     "holidays(2025)(t)", 3, "more than 1000 holiday entries"},
    /* 900 agencies, each owing 900 reports: 810,000 look-ups of 900 */
    {"for i = 1, 900 do agency(\"a\" .. i) { name = \"A\" } end\n"
     "for i = 1, 900 do obligation(\"o\" .. i) { title = \"O\",\n"
     "  from = members(), periods = { year = { due = \"12-05\" } } } end", 3,
     "instruction budget exceeded checking the references"},
  };
  expect_refused(cases, sizeof cases / sizeof *cases);
}

/* The ranges' edges are accepted. */
static void test_edges_are_accepted(void **state)
{
  (void)state;
  struct ruleset rs;
  assert_int_equal(load("edges", &rs), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  const struct indicator *x = model_indicator(j, "x");
  assert_int_equal(x->n_targets, 2);
  assert_int_equal(x->targets[0].year, 2000);
  assert_true(x->targets[1].value == 1e15);
  assert_int_equal(x->baseline_year, 2100);
  assert_true(x->tolerance == 0);
  assert_true(model_indicator(j, "r")->scale == 1e6);
  assert_int_equal(j->policy.overdue_every, 366);
  assert_int_equal(j->policy.escalate_after, 0);
  assert_int_equal(j->policy.before[0], 366);
  assert_int_equal(model_obligation(j, "o")->schedules[0].only,
                   (1u << 1) | (1u << 12));
  rules_release(&rs);
}

/* Addresses: blanks trimmed with a warning; a malformed one is an error
 * diag, and the agency loads without it. */
static void test_addresses(void **state)
{
  (void)state;
  struct ruleset rs;
  assert_int_equal(load("addresses", &rs), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  const char *file = FIXTURES "/addresses/jurisdiction.lua";
  static const struct { int line; const char *says; bool error; } want[] = {
    {5, "warning: agency 'a': blank characters around email ' a@addr.example"
        "\\x09' trimmed", false},
    {6, "error: agency 'b': email 'b@@addr example' is not an email address; "
        "the agency is used without it until this is fixed", true},
    {7, "error: agency 'c': head_email 'giám đốc@addr.example' is not an "
        "email address", true},
    {8, "warning: agency 'd': blank characters around email '\\u00A0"
        "d@addr.example\\x0A' trimmed", false},
    {9, "error: agency 'e': email 'e@addr.example, f@addr.example' is not an "
        "email address", true},
  };
  assert_int_equal(j->n_diags, sizeof want / sizeof *want);
  for (size_t i = 0; i < j->n_diags; i++) {
    char where[200];
    snprintf(where, sizeof where, "%s:%d: ", file, want[i].line);
    if (strncmp(j->diags[i].message, where, strlen(where)) != 0 ||
        strstr(j->diags[i].message, want[i].says) == NULL)
      fail_msg("diag %zu: '%s' is not '%s%s'", i, j->diags[i].message, where,
               want[i].says);
    assert_int_equal(j->diags[i].error, want[i].error);
  }
  assert_int_equal(model_diag_errors(j), 3);

  assert_string_equal(model_agency(j, "a")->email, "a@addr.example");
  assert_null(model_agency(j, "a")->email_error);
  const struct agency *b = model_agency(j, "b");
  assert_null(b->email);
  assert_non_null(b->email_error);
  assert_true(strncmp(b->email_error, file, strlen(file)) == 0);
  assert_non_null(strstr(b->email_error, ":6: email 'b@@addr example' is "
                         "not an email address"));
  assert_string_equal(b->head_email, "gd.b@addr.example");
  const struct agency *c = model_agency(j, "c");
  assert_string_equal(c->email, "c@addr.example");
  assert_null(c->head_email);
  assert_non_null(c->head_email_error);
  assert_string_equal(model_agency(j, "d")->email, "d@addr.example");
  assert_null(model_agency(j, "e")->email);
  /* "" says: no address, deliberately — nothing to report */
  assert_string_equal(model_agency(j, "f")->email, "");
  assert_null(model_agency(j, "f")->email_error);
  rules_release(&rs);

  /* an address of the wrong type is the same kind of problem */
  char dir[64] = "/tmp/dondoc-addr.XXXXXX", path[200];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/t", dir);
  assert_int_equal(mkdir(path, 0700), 0);
  snprintf(path, sizeof path, "%s/t/jurisdiction.lua", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("jurisdiction \"t\" { name = \"T\" }\n"
        "agency \"a\" { name = \"A\", email = { \"a@t.example\" } }\n", f);
  assert_int_equal(fclose(f), 0);
  struct rules_options o;
  const char *ids[] = {"t"};
  memset(&rs, 0, sizeof rs);
  rules_options_default(&o, dir);
  assert_int_equal(rules_load(&o, ids, 1, &rs), 0);
  assert_int_equal(rs.jurisdictions[0].n_diags, 1);
  assert_non_null(strstr(rs.jurisdictions[0].diags[0].message,
                         ":2: error: agency 'a': email is a table, not an "
                         "email address"));
  rules_release(&rs);
  (void)unlink(path);
  snprintf(path, sizeof path, "%s/t", dir);
  (void)rmdir(path);
  (void)rmdir(dir);
}

/* Lookups by id give the same item with and without the index that
 * decls.c builds: the first declared of equal ids, none for an unknown
 * id, and items without an id (a failed conversion) never. */
static void test_lookups_by_id(void **state)
{
  (void)state;
  struct agency ag[5];
  memset(ag, 0, sizeof ag);
  char *ids[5] = {"so-b", "so-a", "so-b", NULL, "xa-01"};
  for (size_t i = 0; i < 5; i++)
    ag[i].id = ids[i];
  struct jurisdiction j;
  memset(&j, 0, sizeof j);
  j.agencies = ag;
  j.n_agencies = 5;
  for (int indexed = 0; indexed < 2; indexed++) {
    if (indexed) {
      assert_int_equal(model_index_agencies(&j), 0);
      assert_non_null(j.agency_ix.v);
      assert_int_equal(j.agency_ix.n, 4);
    }
    assert_ptr_equal(model_agency(&j, "so-b"), &ag[0]);
    assert_ptr_equal(model_agency(&j, "so-a"), &ag[1]);
    assert_ptr_equal(model_agency(&j, "xa-01"), &ag[4]);
    assert_null(model_agency(&j, "so-c"));
    assert_null(model_agency(&j, ""));
  }
  free(j.agency_ix.v);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_inheritance_and_override),
    cmocka_unit_test(test_lookups_by_id),
    cmocka_unit_test(test_roles_and_successors),
    cmocka_unit_test(test_errors_name_file_and_line),
    cmocka_unit_test(test_endless_loop_is_stopped),
    cmocka_unit_test(test_memory_bomb_is_stopped),
    cmocka_unit_test(test_sandbox_escapes_refused),
    cmocka_unit_test(test_failure_is_isolated),
    cmocka_unit_test(test_library_work_is_bounded),
    cmocka_unit_test(test_time_limit),
    cmocka_unit_test(test_numbers_are_finite_and_in_range),
    cmocka_unit_test(test_years_and_dates_in_range),
    cmocka_unit_test(test_declarations_are_bounded),
    cmocka_unit_test(test_edges_are_accepted),
    cmocka_unit_test(test_addresses),
  };
  alarm(300);          /* a hang is a failure, not a stuck build */
  return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
