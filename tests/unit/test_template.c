/*
 * test_template.c — webhook body templates (notifiers/template.c): the
 * shipped chat and Telegram templates on a Vietnamese payload, the JSON <->
 * Lua round trip, and bad templates that must fail with FILE:LINE (or the
 * key path) instead of escaping the sandbox. Runs from tests/unit, so the
 * shipped templates are in ../../notifiers/templates and the bad ones in
 * ../fixtures/templates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "template.h"

#define SHIPPED  "../../notifiers/templates/"
#define FIXTURES "../fixtures/templates/"

/* A version-1 payload shaped like the one webhook.c sends. */
static const char SAMPLE[] =
  "{\"type\":\"dondoc.reminders\",\"version\":1,\"id\":\"msg_1\","
  "\"timestamp\":\"2024-12-06T08:00:00+07:00\","
  "\"jurisdiction\":{\"id\":\"bac-ninh\",\"name\":\"Tỉnh Bắc Ninh\","
  "\"plan\":\"Quyết định 373/QĐ-UBND\"},"
  "\"summary\":{\"overdue\":3,\"due_soon\":1,\"off_track\":1,\"at_risk\":0,"
  "\"no_data\":0},"
  "\"items\":["
  "{\"kind\":\"overdue\",\"stage\":\"overdue-0\",\"agency\":\"so-tai-chinh\","
  "\"agency_name\":\"Sở Tài chính\",\"obligation\":\"ban-vstbpn\","
  "\"title\":\"Báo cáo chuyên đề\",\"period\":\"2024\",\"due\":\"2024-12-05\","
  "\"due_vn\":\"05/12/2024\",\"days\":1,"
  "\"message\":\"Sở Tài chính chưa gửi Báo cáo chuyên đề, đã quá hạn 1 ngày.\"},"
  "{\"kind\":\"off_track\",\"stage\":\"off_track-2023\",\"agency\":\"so-noi-vu\","
  "\"agency_name\":\"Sở Nội vụ\",\"indicator\":\"m1.1\",\"title\":\"Tỷ lệ nữ\","
  "\"period\":\"2023\",\"value\":47.5,\"target\":60,\"target_year\":2025,"
  "\"expected\":52.5,\"projected\":49.98,\"unit\":\"%\","
  "\"message\":\"Chỉ tiêu m1.1 chậm so với lộ trình: 47,5% so với 52,5%.\"},"
  "{\"kind\":\"due_soon\",\"agency_name\":null,\"title\":\"Kế hoạch năm\","
  "\"message\":null}"
  "]}";

static struct template *load_ok(const char *path)
{
  char err[TEMPLATE_ERR_LEN];
  struct template *t = template_load(path, err);
  if (t == NULL)
    fail_msg("%s: %s", path, err);
  return t;
}

/* Apply and parse; fails the test on error. Caller json_decref's. */
static json_t *apply_ok(struct template *t, const char *payload,
                        const char *options)
{
  char err[TEMPLATE_ERR_LEN];
  char *body = template_apply(t, payload, options, err);
  if (body == NULL)
    fail_msg("apply: %s", err);
  json_error_t jerr;
  json_t *j = json_loads(body, 0, &jerr);
  if (j == NULL)
    fail_msg("body is not JSON (%s): %s", jerr.text, body);
  free(body);
  return j;
}

static void assert_contains(const char *hay, const char *needle)
{
  if (hay == NULL || strstr(hay, needle) == NULL)
    fail_msg("'%s' lacks '%s'", hay ? hay : "(null)", needle);
}

/* Strict UTF-8 check (no overlongs, surrogates or values past U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t n)
{
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t len;
    unsigned min, cp;
    if (c < 0x80) { i++; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
    else return 0;
    if (i + len > n)
      return 0;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return 0;
    i += len;
  }
  return 1;
}

/* A payload with n items; long messages when `long_messages`. */
static char *many_items(int n, int long_messages)
{
  json_error_t jerr;
  json_t *p = json_loads(SAMPLE, 0, &jerr);
  assert_non_null(p);
  json_t *items = json_array();
  assert_non_null(items);
  for (int i = 1; i <= n; i++) {
    char msg[1200];
    int len = snprintf(msg, sizeof msg, "Sở %d chưa gửi báo cáo, quá hạn "
                       "%d ngày.", i, i);
    /* Pad with Vietnamese (multi-byte) text so a blind byte cut would
     * split characters. */
    while (long_messages && len < 900)
      len += snprintf(msg + len, sizeof msg - (size_t)len, " Đề nghị khẩn "
                      "trương hoàn thành.");
    assert_int_equal(json_array_append_new(items, json_pack("{s:s}",
                                           "message", msg)), 0);
  }
  assert_int_equal(json_object_set_new(p, "items", items), 0);
  char *s = json_dumps(p, JSON_COMPACT);
  assert_non_null(s);
  json_decref(p);
  return s;
}

/* ------------------------------------------------------------------ */

static void test_chat_summary(void **state)
{
  (void)state;
  struct template *t = load_ok(SHIPPED "chat.lua");
  json_t *j = apply_ok(t, SAMPLE, NULL);
  assert_int_equal(json_object_size(j), 1);
  const char *text = json_string_value(json_object_get(j, "text"));
  assert_non_null(text);
  assert_contains(text, "[dondoc] Tỉnh Bắc Ninh: 3 quá hạn, 1 sắp đến hạn, "
                  "1 chỉ tiêu chậm tiến độ\n");
  assert_contains(text, "• Sở Tài chính chưa gửi Báo cáo chuyên đề, đã quá "
                  "hạn 1 ngày.");
  assert_contains(text, "• Chỉ tiêu m1.1 chậm so với lộ trình: 47,5% so với "
                  "52,5%.");
  /* a null message falls back to the title */
  assert_contains(text, "• Kế hoạch năm");
  assert_null(strstr(text, "mục khác"));
  json_decref(j);

  /* same template, second payload: state does not leak between calls */
  j = apply_ok(t, "{\"items\":[]}", "{}");
  assert_string_equal(json_string_value(json_object_get(j, "text")),
                      "[dondoc] ?: 0 quá hạn, 0 sắp đến hạn, 0 chỉ tiêu chậm "
                      "tiến độ");
  json_decref(j);
  template_free(t);
}

static void test_chat_caps_items_and_bytes(void **state)
{
  (void)state;
  struct template *t = load_ok(SHIPPED "chat.lua");

  /* 60 short items: 50 shown, 10 counted */
  char *payload = many_items(60, 0);
  json_t *j = apply_ok(t, payload, NULL);
  free(payload);
  const char *text = json_string_value(json_object_get(j, "text"));
  assert_non_null(text);
  size_t n = strlen(text);
  assert_true(n <= 4096);
  assert_true(valid_utf8((const unsigned char *)text, n));
  assert_contains(text, "• Sở 50 chưa gửi");
  assert_null(strstr(text, "Sở 51 "));
  assert_contains(text, "\n… và 10 mục khác");
  json_decref(j);

  /* 60 long items: the byte cap stops the list first, cut cleanly */
  payload = many_items(60, 1);
  j = apply_ok(t, payload, NULL);
  free(payload);
  text = json_string_value(json_object_get(j, "text"));
  assert_non_null(text);
  n = strlen(text);
  assert_true(n <= 4000);
  assert_true(valid_utf8((const unsigned char *)text, n));
  assert_contains(text, "• Sở 1 chưa gửi");
  assert_contains(text, "mục khác");
  json_decref(j);

  /* one huge message is clipped at a character boundary, not dropped */
  json_t *p = json_pack("{s:[{s:s}]}", "items", "message", "");
  assert_non_null(p);
  char big[8000];
  size_t len = 0;
  while (len + sizeof "Ước " < sizeof big) {
    memcpy(big + len, "Ước ", sizeof "Ước " - 1);
    len += sizeof "Ước " - 1;
  }
  big[len] = '\0';
  assert_int_equal(json_object_set_new(json_array_get(json_object_get(p,
                   "items"), 0), "message", json_string(big)), 0);
  payload = json_dumps(p, JSON_COMPACT);
  assert_non_null(payload);
  json_decref(p);
  j = apply_ok(t, payload, NULL);
  free(payload);
  text = json_string_value(json_object_get(j, "text"));
  assert_non_null(text);
  assert_true(strlen(text) <= 4000);
  assert_true(valid_utf8((const unsigned char *)text, strlen(text)));
  assert_contains(text, "• Ước Ước");
  assert_contains(text, "…");
  json_decref(j);
  template_free(t);
}

static void test_telegram(void **state)
{
  (void)state;
  char err[TEMPLATE_ERR_LEN];
  struct template *t = load_ok(SHIPPED "telegram.lua");
  struct template *chat = load_ok(SHIPPED "chat.lua");

  json_t *j = apply_ok(t, SAMPLE, "{\"chat_id\":\"-1001234567890\"}");
  assert_string_equal(json_string_value(json_object_get(j, "chat_id")),
                      "-1001234567890");
  assert_true(json_is_true(json_object_get(j, "disable_web_page_preview")));
  json_t *c = apply_ok(chat, SAMPLE, NULL);
  /* the copied build_text must stay identical to chat.lua's */
  assert_string_equal(json_string_value(json_object_get(j, "text")),
                      json_string_value(json_object_get(c, "text")));
  json_decref(c);
  json_decref(j);

  /* a numeric chat_id stays a number */
  j = apply_ok(t, SAMPLE, "{\"chat_id\":123456789}");
  assert_true(json_is_integer(json_object_get(j, "chat_id")));
  assert_int_equal(json_integer_value(json_object_get(j, "chat_id")),
                   123456789);
  json_decref(j);

  /* missing, null, empty, and no options at all */
  const char *bad[] = {"{}", "{\"chat_id\":null}", "{\"chat_id\":\"\"}",
                       NULL};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    assert_null(template_apply(t, SAMPLE, bad[i], err));
    /* error(msg, 0) still gets the template's FILE:LINE */
    assert_contains(err, SHIPPED "telegram.lua:");
    assert_contains(err, ": telegram template: options.chat_id is missing");
  }
  template_free(chat);
  template_free(t);
}

static void test_round_trip(void **state)
{
  (void)state;
  static const char in[] =
    "{\"int\":42,\"neg\":-7,\"big\":9007199254740993,"
    "\"min\":-9223372036854775808,\"float\":1.5,\"whole_float\":2.0,"
    "\"tiny\":1e-300,\"t\":true,\"f\":false,\"nothing\":null,"
    "\"arr\":[1,\"two\",null,[3.25,[]],{\"k\":\"v\"},false],"
    "\"obj\":{\"nested\":{\"deep\":[true,{\"x\":null}]}},"
    "\"s\":\"Tỉnh Bắc Ninh — bình đẳng giới ✓ 😀 \\u0000 nul\","
    "\"Khóa tiếng Việt\":\"key with spaces\",\"empty_obj\":{}}";
  struct template *t = load_ok(FIXTURES "identity.lua");
  char err[TEMPLATE_ERR_LEN];
  char *body = template_apply(t, in, NULL, err);
  if (body == NULL)
    fail_msg("%s", err);
  /* unicode is kept as UTF-8, not \u-escaped */
  assert_contains(body, "Tỉnh Bắc Ninh — bình đẳng giới ✓ 😀");

  json_error_t jerr;
  json_t *want = json_loads(in, JSON_ALLOW_NUL, &jerr);
  json_t *got = json_loads(body, JSON_ALLOW_NUL, &jerr);
  assert_non_null(want);
  if (got == NULL)
    fail_msg("%s: %s", jerr.text, body);
  /* the one documented loss: an empty array comes back as {} */
  json_t *inner = json_array_get(json_object_get(want, "arr"), 3);
  assert_int_equal(json_array_set_new(inner, 1, json_object()), 0);
  if (!json_equal(want, got))
    fail_msg("round trip changed the payload: %s", body);
  /* json_equal already tells integers from reals; spell out the cases */
  assert_true(json_is_integer(json_object_get(got, "big")));
  assert_int_equal(json_integer_value(json_object_get(got, "big")),
                   9007199254740993LL);
  assert_true(json_is_real(json_object_get(got, "whole_float")));
  assert_true(json_is_null(json_array_get(json_object_get(got, "arr"), 2)));
  assert_int_equal(json_string_length(json_object_get(got, "s")),
                   json_string_length(json_object_get(want, "s")));
  free(body);
  json_decref(want);
  json_decref(got);

  /* keys come out sorted, so the same input gives the same bytes */
  body = template_apply(t, "{\"b\":1,\"a\":2,\"c\":{\"z\":1,\"y\":2}}", NULL,
                        err);
  assert_non_null(body);
  assert_string_equal(body, "{\"a\":2,\"b\":1,\"c\":{\"y\":2,\"z\":1}}");
  free(body);
  template_free(t);
}

static void test_bad_input(void **state)
{
  (void)state;
  char err[TEMPLATE_ERR_LEN];
  struct template *t = load_ok(FIXTURES "identity.lua");
  assert_null(template_apply(t, "{not json", NULL, err));
  assert_contains(err, "payload is not JSON");
  assert_null(template_apply(t, "[1,2]", NULL, err));
  assert_contains(err, "payload is not a JSON object");
  assert_null(template_apply(t, "{}", "[1]", err));
  assert_contains(err, "options is not a JSON object");
  template_free(t);

  assert_null(template_load(FIXTURES "no_such_template.lua", err));
  assert_contains(err, "no_such_template.lua");
  template_free(NULL);
}

/* template_load must fail with every fragment in the message. */
static void expect_load_error(const char *file, const char *f1,
                              const char *f2)
{
  char err[TEMPLATE_ERR_LEN];
  struct template *t = template_load(file, err);
  if (t != NULL) {
    template_free(t);
    fail_msg("%s loaded", file);
  }
  assert_contains(err, f1);
  if (f2)
    assert_contains(err, f2);
}

/* The template loads but applying it fails with every fragment. */
static void expect_apply_error(const char *file, const char *f1,
                               const char *f2)
{
  char err[TEMPLATE_ERR_LEN];
  struct template *t = load_ok(file);
  char *body = template_apply(t, SAMPLE, "{}", err);
  if (body != NULL)
    fail_msg("%s produced %s", file, body);
  assert_contains(err, f1);
  if (f2)
    assert_contains(err, f2);
  template_free(t);
}

static void test_load_errors(void **state)
{
  (void)state;
  expect_load_error(FIXTURES "syntax_error.lua", FIXTURES "syntax_error.lua:3:",
                    "near '='");
  expect_load_error(FIXTURES "not_function.lua",
                    FIXTURES "not_function.lua:3:",
                    "must return a function, got number");
}

static void test_apply_errors(void **state)
{
  (void)state;
  expect_apply_error(FIXTURES "runtime_error.lua",
                     FIXTURES "runtime_error.lua:3:", "attempt to index");
  expect_apply_error(FIXTURES "endless_loop.lua",
                     FIXTURES "endless_loop.lua:3:", "instruction budget");
  expect_apply_error(FIXTURES "function_value.lua",
                     "body.items[3].f: cannot encode a function", NULL);
  expect_apply_error(FIXTURES "mixed_table.lua", "mixed table at body.list",
                     NULL);
  expect_apply_error(FIXTURES "sparse_table.lua", "sparse array at body.list",
                     NULL);
  expect_apply_error(FIXTURES "cycle.lua", "body.a.back", "cycle");
  expect_apply_error(FIXTURES "nan.lua", "body.x: cannot encode NaN", NULL);
  expect_apply_error(FIXTURES "not_table.lua", "returned a string", NULL);
}

static void test_memory_bomb(void **state)
{
  (void)state;
  char err[TEMPLATE_ERR_LEN];
  struct template *t = load_ok(FIXTURES "memory_bomb.lua");
  assert_null(template_apply(t, SAMPLE, NULL, err));
  assert_contains(err, FIXTURES "memory_bomb.lua:6:");
  assert_contains(err, "memory limit");
  /* the state recovers: the next call runs normally */
  json_t *j = apply_ok(t, SAMPLE, "{\"safe\":true}");
  assert_true(json_is_true(json_object_get(j, "ok")));
  json_decref(j);
  template_free(t);

  /* a single huge allocation, before the line hook ever ran: string.rep
   * names its line itself */
  expect_apply_error(FIXTURES "rep_bomb.lua", FIXTURES "rep_bomb.lua:4: ",
                     "memory limit");
}

/* Work done inside C library functions, where the instruction hook never
 * runs (issue 10): each template stops at its line. The loops that end
 * would pass in a few instructions if the library were not metered; the
 * endless ones would never return. */
static void test_library_work_is_bounded(void **state)
{
  (void)state;
  static const struct { const char *file, *where; } cases[] = {
    {FIXTURES "bound_rep.lua", FIXTURES "bound_rep.lua:3: "},
    {FIXTURES "bound_rep_sep.lua", FIXTURES "bound_rep_sep.lua:3: "},
    {FIXTURES "bound_format.lua", FIXTURES "bound_format.lua:4: "},
    {FIXTURES "bound_concat.lua", FIXTURES "bound_concat.lua:4: "},
    {FIXTURES "bound_utf8_char.lua", FIXTURES "bound_utf8_char.lua:4: "},
    {FIXTURES "bound_table_concat.lua",
     FIXTURES "bound_table_concat.lua:4: "},
    {FIXTURES "bound_unpack.lua", FIXTURES "bound_unpack.lua:4: "},
    {FIXTURES "bound_tostring.lua", FIXTURES "bound_tostring.lua:4: "},
    {FIXTURES "bound_upper.lua", FIXTURES "bound_upper.lua:4: "},
    {FIXTURES "bound_utf8_len.lua", FIXTURES "bound_utf8_len.lua:4: "},
    {FIXTURES "bound_sort.lua", FIXTURES "bound_sort.lua:5: "},
    {FIXTURES "bound_insert.lua", FIXTURES "bound_insert.lua:4: "},
    {FIXTURES "bound_numeral.lua", FIXTURES "bound_numeral.lua:4: "},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    expect_apply_error(cases[i].file, cases[i].where, "instruction budget");
}

static void test_budget_is_per_call(void **state)
{
  (void)state;
  struct template *t = load_ok(FIXTURES "spin.lua");
  /* ~1.4M instructions each: two would exceed one shared 2M budget */
  for (int i = 0; i < 2; i++) {
    json_t *j = apply_ok(t, "{}", "{\"n\":700000}");
    assert_int_equal(json_integer_value(json_object_get(j, "x")), 700000);
    json_decref(j);
  }
  template_free(t);
}

static void test_sandbox_escapes(void **state)
{
  (void)state;
  expect_apply_error(FIXTURES "os_access.lua", FIXTURES "os_access.lua:3:",
                     "global 'os'");
  expect_apply_error(FIXTURES "io_access.lua", FIXTURES "io_access.lua:3:",
                     "global 'io'");
  expect_apply_error(FIXTURES "dump.lua", FIXTURES "dump.lua:3:",
                     "method 'dump'");
  expect_apply_error(FIXTURES "gsub.lua", FIXTURES "gsub.lua:3:",
                     "method 'gsub'");

  struct template *t = load_ok(FIXTURES "probe.lua");
  json_t *j = apply_ok(t, "{}", NULL);
  static const char *const absent[] = {
    "io", "os", "debug", "require", "load", "dofile", "loadfile",
    "setmetatable", "getmetatable", "rawset", "rawget", "collectgarbage",
    "print", "_G", "coroutine", "string_dump", "string_gsub", "string_find",
    "method_gsub", "method_dump", "math_random", NULL
  };
  for (const char *const *a = absent; *a; a++) {
    const char *type = json_string_value(json_object_get(j, *a));
    if (type == NULL || strcmp(type, "nil") != 0)
      fail_msg("%s is reachable from a template (%s)", *a,
               type ? type : "?");
  }
  assert_string_equal(json_string_value(json_object_get(j, "string_sub")),
                      "function");
  assert_string_equal(json_string_value(json_object_get(j, "utf8_offset")),
                      "function");
  assert_string_equal(json_string_value(json_object_get(j, "table_concat")),
                      "function");
  assert_string_equal(json_string_value(json_object_get(j, "null")),
                      "userdata");
  json_decref(j);
  template_free(t);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_chat_summary),
    cmocka_unit_test(test_chat_caps_items_and_bytes),
    cmocka_unit_test(test_telegram),
    cmocka_unit_test(test_round_trip),
    cmocka_unit_test(test_bad_input),
    cmocka_unit_test(test_load_errors),
    cmocka_unit_test(test_apply_errors),
    cmocka_unit_test(test_memory_bomb),
    cmocka_unit_test(test_library_work_is_bounded),
    cmocka_unit_test(test_budget_is_per_call),
    cmocka_unit_test(test_sandbox_escapes),
  };
  return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
