/*
 * test_rules.c — loading rule folders: inheritance, overrides, the sandbox,
 * and errors that name FILE:LINE. Uses the fixture folders in
 * tests/fixtures/rules (the tests run from tests/unit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

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

/* The sandbox alone: text only, budget per call, memory returned. */
static void test_sandbox_limits(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(4u << 20, 100000);
  assert_non_null(sb);
  assert_int_equal(sandbox_load_string(sb, "local x = 0 for i = 1, 10 do "
                                       "x = x + i end return x", "=t", err), 0);
  assert_int_equal(sandbox_call(sb, 0, 1, err), 0);
  assert_int_equal(lua_tointeger(sandbox_state(sb), -1), 55);
  lua_pop(sandbox_state(sb), 1);

  assert_int_equal(sandbox_load_string(sb, "while true do end", "@spin.lua",
                                       err), 0);
  assert_int_equal(sandbox_call(sb, 0, 0, err), -1);
  assert_non_null(strstr(err, "spin.lua:1:"));

  /* the budget is per call: a small chunk still runs afterwards */
  assert_int_equal(sandbox_load_string(sb, "return 1", "=t", err), 0);
  assert_int_equal(sandbox_call(sb, 0, 1, err), 0);
  lua_pop(sandbox_state(sb), 1);

  size_t before = sandbox_memory(sb);
  assert_int_equal(sandbox_load_string(sb, "return string.rep('x', 8 << 20)",
                                       "@big.lua", err), 0);
  assert_int_equal(sandbox_call(sb, 0, 1, err), -1);
  assert_non_null(strstr(err, "memory limit"));
  assert_true(sandbox_memory(sb) < before + (1u << 20));
  sandbox_free(sb);
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
    cmocka_unit_test(test_sandbox_limits),
  };
  return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
