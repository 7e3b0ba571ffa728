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
#include <string.h>
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
  assert_int_equal(rs.n_errors, 1);
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
    snprintf(want, sizeof want, "%s:%d: instruction budget", path, line);
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
             "rules/slow-compare/jurisdiction.lua:4: time limit") == NULL)
    fail_msg("%s", rs.errors[0].message);
  rules_release(&rs);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_inheritance_and_override),
    cmocka_unit_test(test_roles_and_successors),
    cmocka_unit_test(test_errors_name_file_and_line),
    cmocka_unit_test(test_endless_loop_is_stopped),
    cmocka_unit_test(test_memory_bomb_is_stopped),
    cmocka_unit_test(test_sandbox_escapes_refused),
    cmocka_unit_test(test_failure_is_isolated),
    cmocka_unit_test(test_library_work_is_bounded),
    cmocka_unit_test(test_time_limit),
  };
  alarm(300);          /* a hang is a failure, not a stuck build */
  return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
