/*
 * test_sandbox.c — the sandbox's limits on their own (engine/sandbox.c,
 * engine/meter.c). The library functions rules and templates can call do
 * their work in C, where the instruction hook never runs: each is charged
 * for it, so a loop of a few instructions that makes them scan, copy or
 * move a lot ends with "instruction budget" at the chunk's FILE:LINE
 * (without the metering, these loops finish in a few thousand
 * instructions, or never). Allocation and collection are charged; the
 * wall clock backstops what no meter sees; errors name the rule line; and
 * the metered functions still answer as the library does. An alarm turns
 * a hang into a failure.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sandbox.h"

#define MIB (1u << 20)

/* Run `src` as the chunk "@name" in sb; 0, or -1 with the message. */
static int run_in(struct sandbox *sb, const char *src, const char *name,
                  char err[SANDBOX_ERR_LEN])
{
  err[0] = '\0';
  if (sandbox_load_string(sb, src, name, err) != 0)
    return -1;
  return sandbox_call(sb, 0, 0, err);
}

static void assert_has(const char *hay, const char *needle)
{
  if (strstr(hay, needle) == NULL)
    fail_msg("'%s' lacks '%s'", hay, needle);
}

/* `src` (the chunk "@t.lua") must stop with "t.lua:LINE: …what…" under a
 * budget of `budget` units and a 32 MiB cap. */
static void expect_stop(long budget, const char *src, int line,
                        const char *what)
{
  char err[SANDBOX_ERR_LEN], where[32];
  struct sandbox *sb = sandbox_new(32 * MIB, budget);
  assert_non_null(sb);
  if (run_in(sb, src, "@t.lua", err) == 0)
    fail_msg("ran to the end: %s", src);
  snprintf(where, sizeof where, "t.lua:%d: ", line);
  if (strncmp(err, where, strlen(where)) != 0 || strstr(err, what) == NULL)
    fail_msg("'%s' is not '%s…%s…' for: %s", err, where, what, src);
  sandbox_free(sb);
}

/* The same loop, a budget of a million units: ends at `line`. */
static void expect_budget(const char *src, int line)
{
  expect_stop(1000000, src, line, "instruction budget of 1000000 exceeded");
}

/* ---- the functions named in issue 10 -------------------------------- */

static void test_rep(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(32 * MIB, 1000000);
  assert_non_null(sb);
  /* nothing repeated any number of times is nothing, at once */
  assert_int_equal(run_in(sb, "assert((''):rep(math.maxinteger) == '')\n"
                          "assert((''):rep(math.maxinteger, '') == '')\n"
                          "assert(string.rep('', 1e15) == '')", "@r.lua",
                          err), 0);
  sandbox_free(sb);
  expect_budget("while true do local s = (''):rep(math.maxinteger) end", 1);
  expect_budget("while true do\n"
                "  local s = (''):rep(math.maxinteger, '')\nend", 2);
  /* with a separator: a copy each, besides the bytes */
  expect_budget("for i = 1, 100 do local s = ('x'):rep(100000, ',') end", 1);
  expect_budget("for i = 1, 100 do local s = (''):rep(100000, ',') end", 1);
  /* too big for memory: the memory error, at the line */
  expect_stop(1000000, "local s = ('x'):rep(1 << 30)", 1, "memory limit");
}

static void test_format(void **state)
{
  (void)state;
  expect_budget("for i = 1, 1000 do\n"
                "  local s = string.format('%99.99f', 1e308)\nend", 2);
  expect_budget("for i = 1, 1000 do local s = ('%99.99e'):format(-1e308) end",
                1);
  /* a long string as an argument is read, even when it is cut to 3 */
  expect_budget("local s = ('x'):rep(100000)\n"
                "for i = 1, 100 do local t = string.format('%.3s', s) end",
                2);
}

static void test_concat_operator(void **state)
{
  (void)state;
  /* the VM copies; the allocator charges */
  expect_budget("local s = ('x'):rep(100000)\n"
                "for i = 1, 1000 do local t = s .. s end", 2);
}

static void test_utf8_char(void **state)
{
  (void)state;
  expect_budget("local t = {} for i = 1, 10000 do t[i] = 0x20AC end\n"
                "local function f(...)\n"
                "  for i = 1, 20 do local s = utf8.char(...) end\n"
                "end\nf(table.unpack(t))", 3);
  expect_budget("local t = {} for i = 1, 10000 do t[i] = 65 end\n"
                "local function f(...)\n"
                "  for i = 1, 20 do local s = string.char(...) end\n"
                "end\nf(table.unpack(t))", 3);
}

static void test_table_concat(void **state)
{
  (void)state;
  expect_budget("local t = {} for i = 1, 10000 do t[i] = '' end\n"
                "for i = 1, 50 do local s = table.concat(t) end", 2);
}

static void test_unpack_and_select(void **state)
{
  (void)state;
  expect_budget("local t = {} for i = 1, 10000 do t[i] = i end\n"
                "for i = 1, 100 do local n = select('#', table.unpack(t)) end",
                2);
  /* select('#', ...) walks the whole vararg list each time */
  expect_budget("local t = {} for i = 1, 100000 do t[i] = i end\n"
                "local function f(...)\n"
                "  for i = 1, 100 do local n = select('#', ...) end\n"
                "end\nf(table.unpack(t, 1, 10000))", 3);
}

static void test_tostring(void **state)
{
  (void)state;
  expect_budget("for i = 1, 10000 do local s = tostring(1e308) end", 1);
}

/* ---- the others reachable from rules and templates ------------------ */

static void test_string_scans(void **state)
{
  (void)state;
  static const char *const calls[] = {"s:upper()", "s:lower()",
                                      "s:reverse()"};
  for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
    char src[200];
    snprintf(src, sizeof src, "local s = ('x'):rep(100000)\n"
             "for i = 1, 100 do local u = %s end", calls[i]);
    expect_budget(src, 2);
  }
  expect_budget("local s = ('x'):rep(10000)\n"
                "for i = 1, 100 do local n = select('#', s:byte(1, -1)) end",
                2);
}

static void test_numerals(void **state)
{
  (void)state;
  /* a numeral string is read to its end, and nothing is allocated */
  static const char *const uses[] = {
    "math.floor(s)", "math.abs(s)", "tonumber(s)", "tonumber(s, 10)",
    "s + 1", "-s", "('x'):sub(s)", "select(s, 1)",
  };
  for (size_t i = 0; i < sizeof uses / sizeof *uses; i++) {
    char src[200];
    snprintf(src, sizeof src, "local s = ('0'):rep(99999) .. '1'\n"
             "for i = 1, 100 do local n = %s end", uses[i]);
    expect_budget(src, 2);
  }
}

static void test_utf8_scans(void **state)
{
  (void)state;
  expect_budget("local s = ('€'):rep(100000)\n"
                "for i = 1, 100 do local n = utf8.len(s) end", 2);
  expect_budget("local s = ('€'):rep(100000)\n"
                "for i = 1, 100 do local n = utf8.offset(s, 100000) end", 2);
  expect_budget("local s = ('€'):rep(10000)\n"
                "for i = 1, 100 do\n"
                "  local n = select('#', utf8.codepoint(s, 1, -1))\nend", 3);
  /* the iterator skips continuation bytes: handing it 0 again rescans */
  expect_budget("local s = ('\\x80'):rep(400000)\n"
                "local step = utf8.codes(s)\n"
                "for i = 1, 100 do step(s, 0) end", 3);
}

static void test_table_moves(void **state)
{
  (void)state;
  expect_budget("local t = {} for i = 1, 10000 do t[i] = i end\n"
                "for i = 1, 100 do table.insert(t, 1, 0) end", 2);
  expect_budget("local t = {} for i = 1, 20000 do t[i] = i end\n"
                "for i = 1, 100 do table.remove(t, 1) end", 2);
  /* sorting copies of a long string compares it in full, whoever orders */
  expect_budget("local t, s = {}, ('x'):rep(100000)\n"
                "for i = 1, 100 do t[i] = s end\n"
                "table.sort(t)", 3);
  expect_budget("local t, s = {}, ('x'):rep(100000)\n"
                "for i = 1, 100 do t[i] = s end\n"
                "table.sort(t, function(a, b) return a < b end)", 3);
}

/* ---- allocation, collection, the clock ------------------------------ */

/* A heap at its cap: every few allocations the allocator refuses, Lua
 * collects the whole heap and retries. That collection is charged. */
static void test_collection_at_the_cap_is_charged(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(8 * MIB, 2000000);
  assert_non_null(sb);
  lua_State *L = sandbox_state(sb);
  /* a chain of small tables: no array to double near the cap */
  assert_int_equal(run_in(sb, "function grow()\n"
                          "  for i = 1, 100 do keep = { keep } end\nend",
                          "@fill.lua", err), 0);
  while (sandbox_memory(sb) < 8 * MIB - 64 * 1024) {
    lua_getglobal(L, "grow");
    if (sandbox_call(sb, 0, 0, err) != 0)
      fail_msg("filling: %s", err);
  }
  /* ~700 units a turn, 2,000 turns: within budget but for the
   * collections every fifty turns or so */
  assert_int_equal(run_in(sb, "for i = 1, 2000 do\n"
                          "  local s = ('y'):rep(600) .. i\nend",
                          "@churn.lua", err), -1);
  assert_has(err, "churn.lua:2: instruction budget");
  sandbox_free(sb);
}

static void test_wall_clock_backstop(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  /* comparing two equal long strings is one VM instruction */
  struct sandbox *sb = sandbox_new(32 * MIB, 1000L * 1000 * 1000 * 1000);
  assert_non_null(sb);
  sandbox_set_time_limit(sb, 300);
  assert_int_equal(run_in(sb, "local a, b = ('x'):rep(1e6), ('x'):rep(1e6)\n"
                          "while true do local same = a == b end",
                          "@clock.lua", err), -1);
  assert_has(err, "clock.lua:2: time limit of 0.3 s exceeded");
  /* the clock starts again with each call */
  assert_int_equal(run_in(sb, "local x = 1", "@after.lua", err), 0);
  sandbox_free(sb);
}

static void test_budget_and_memory(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(4 * MIB, 100000);
  assert_non_null(sb);
  assert_int_equal(sandbox_load_string(sb, "local x = 0 for i = 1, 10 do "
                                       "x = x + i end return x", "=t", err), 0);
  assert_int_equal(sandbox_call(sb, 0, 1, err), 0);
  assert_int_equal(lua_tointeger(sandbox_state(sb), -1), 55);
  lua_pop(sandbox_state(sb), 1);

  assert_int_equal(run_in(sb, "while true do end", "@spin.lua", err), -1);
  assert_has(err, "spin.lua:1: instruction budget");

  /* the budget is per call: a small chunk still runs afterwards */
  assert_int_equal(run_in(sb, "local x = 1", "@t.lua", err), 0);

  size_t before = sandbox_memory(sb);
  assert_int_equal(run_in(sb, "return string.rep('x', 8 << 20)", "@big.lua",
                          err), -1);
  assert_has(err, "big.lua:1: memory limit");
  assert_true(sandbox_memory(sb) < before + MIB);

  /* bytecode never loads */
  assert_int_equal(sandbox_load_string(sb, "\x1bLua", "@bin.lua", err), -1);
  assert_has(err, "binary chunk");
  sandbox_free(sb);
}

/* ---- messages ------------------------------------------------------- */

static void expect_message(const char *src, const char *name,
                           const char *want)
{
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(4 * MIB, 1000000);
  assert_non_null(sb);
  assert_int_equal(run_in(sb, src, name, err), -1);
  if (strncmp(err, want, strlen(want)) != 0)
    fail_msg("'%s' does not start with '%s'", err, want);
  sandbox_free(sb);
}

static void test_errors_name_the_line(void **state)
{
  (void)state;
  /* raised inside C functions: Lua itself gives no position */
  expect_message("local t = { 1, 'x' }\ntable.sort(t)", "@sort.lua",
                 "sort.lua:2: attempt to compare");
  expect_message("\nassert(false, 'plain words')", "@assert.lua",
                 "assert.lua:2: plain words");
  expect_message("error('as written', 0)", "@level0.lua",
                 "level0.lua:1: as written");
  expect_message("error({})", "@table.lua",
                 "table.lua:1: (error object is a table value)");
  /* argument errors of metered functions keep the function's name */
  expect_message("local s = string.rep('x', {})", "@args.lua",
                 "args.lua:1: bad argument #2 to 'rep'");
  expect_message("local s = ('x'):rep()", "@args.lua",
                 "args.lua:1: bad argument #1 to 'rep'");
  /* already positioned: left alone */
  expect_message("local x = nil\nx.y = 1", "@index.lua",
                 "index.lua:2: attempt to index a nil value");
}

/* Chunks named "=…" are trusted (the prelude): what goes wrong inside them
 * is reported at the rule line that called them. */
static void test_trusted_code_reports_the_caller(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(4 * MIB, 1000000);
  assert_non_null(sb);
  lua_State *L = sandbox_state(sb);
  assert_int_equal(sandbox_load_string(sb, "return function(x) return x.y end,"
                                       " function() while true do end end",
                                       "=lib", err), 0);
  assert_int_equal(sandbox_call(sb, 0, 2, err), 0);
  lua_setglobal(L, "spin");
  lua_setglobal(L, "field");
  assert_int_equal(run_in(sb, "\n\nlocal v = field(nil)", "@rule.lua", err),
                   -1);
  assert_has(err, "rule.lua:3: ");
  assert_has(err, "attempt to index");
  assert_null(strstr(err, "lib:"));
  assert_int_equal(run_in(sb, "\nspin()", "@rule.lua", err), -1);
  assert_has(err, "rule.lua:2: instruction budget");
  sandbox_free(sb);
}

/* ---- the metered functions answer as the library does --------------- */

static void test_metered_functions_still_work(void **state)
{
  (void)state;
  char err[SANDBOX_ERR_LEN];
  struct sandbox *sb = sandbox_new(8 * MIB, 1000000);
  assert_non_null(sb);
  static const char src[] =
    "assert(('ab'):rep(3, ',') == 'ab,ab,ab' and ('ab'):rep(0) == '')\n"
    "assert((''):rep(3, '-') == '--' and ('ab'):rep(2) == 'abab')\n"
    "assert(string.format('%5.1f|%d|%s|%q', 3.14159, 42, 'x', 'a\\nb') =="
    " '  3.1|42|x|\"a\\\\\\nb\"')\n"
    "assert(tostring(1.5) == '1.5' and tostring(10) == '10')\n"
    "assert(tostring(nil) == 'nil' and tostring('s') == 's')\n"
    "assert(select('#', 1, 2, 3) == 3 and select(2, 'a', 'b') == 'b')\n"
    "assert(tonumber('0x10') == 16 and tonumber('z', 36) == 35)\n"
    "assert(tonumber('x') == nil)\n"
    "assert(('Ab'):upper() == 'AB' and ('Ab'):lower() == 'ab')\n"
    "assert(('ab'):reverse() == 'ba' and ('hello'):sub(2, 3) == 'el')\n"
    "local a, b = ('hi'):byte(1, -1) assert(a == 104 and b == 105)\n"
    "assert(string.char(72, 105) == 'Hi')\n"
    "local t = { 3, 1, 2 } table.sort(t)\n"
    "assert(t[1] == 1 and t[2] == 2 and t[3] == 3)\n"
    "table.sort(t, function(x, y) return x > y end) assert(t[1] == 3)\n"
    "local w = { 'b', 'a', 'c' } table.sort(w) assert(w[1] == 'a')\n"
    "table.insert(t, 1, 9) assert(t[1] == 9 and #t == 4)\n"
    "table.insert(t, 7) assert(t[5] == 7)\n"
    "assert(table.remove(t, 1) == 9 and #t == 4 and table.remove(t) == 7)\n"
    "assert(table.concat({ 'a', 'b', 'c' }, '-') == 'a-b-c')\n"
    "assert(table.concat({ 1, 2, 3 }, ',', 2, 3) == '2,3')\n"
    "assert(select('#', table.unpack({ 1, 2, 3 })) == 3)\n"
    "assert(select('#', table.unpack({}, 1, 2)) == 2)\n"
    "assert(utf8.char(7841, 8364) == 'ạ€' and utf8.len('Việt') == 4)\n"
    "assert(utf8.len('\\xff') == nil)\n"
    "assert(utf8.offset('Việt', 3) == 3 and utf8.offset('Việt', 9) == nil)\n"
    "assert(utf8.codepoint('ạ') == 7841)\n"
    "local n = 0 for p, c in utf8.codes('Việt') do n = n + 1 end\n"
    "assert(n == 4)\n"
    "assert(math.floor('3.7') == 3 and math.max(1, 5, 3) == 5)\n"
    "assert(('10' + 1) == 11 and -'2' == -2 and math.pi > 3)\n";
  if (run_in(sb, src, "@works.lua", err) != 0)
    fail_msg("%s", err);
  sandbox_free(sb);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rep),
    cmocka_unit_test(test_format),
    cmocka_unit_test(test_concat_operator),
    cmocka_unit_test(test_utf8_char),
    cmocka_unit_test(test_table_concat),
    cmocka_unit_test(test_unpack_and_select),
    cmocka_unit_test(test_tostring),
    cmocka_unit_test(test_string_scans),
    cmocka_unit_test(test_numerals),
    cmocka_unit_test(test_utf8_scans),
    cmocka_unit_test(test_table_moves),
    cmocka_unit_test(test_collection_at_the_cap_is_charged),
    cmocka_unit_test(test_wall_clock_backstop),
    cmocka_unit_test(test_budget_and_memory),
    cmocka_unit_test(test_errors_name_the_line),
    cmocka_unit_test(test_trusted_code_reports_the_caller),
    cmocka_unit_test(test_metered_functions_still_work),
  };
  alarm(300);          /* a hang is a failure, not a stuck build */
  return cmocka_run_group_tests_name("sandbox", tests, NULL, NULL);
}
