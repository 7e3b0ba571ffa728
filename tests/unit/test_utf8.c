/*
 * test_utf8.c — validation, counting, repair and cutting of UTF-8.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void test_valid_and_length(void **state)
{
  (void)state;
  size_t bad = 99;
  assert_int_equal(utf8_length("", &bad), 0);
  assert_int_equal(utf8_length("Sở Nội vụ", &bad), 9);
  assert_true(utf8_valid("Đ"));
  /* a 64-byte cut inside "Đ" (C4 90) leaves a lone lead byte */
  assert_int_equal(utf8_length("125/SNV-B\xC4", &bad), -1);
  assert_int_equal(bad, 9);
  assert_false(utf8_valid("\xC0\xAF"));          /* overlong '/' */
  assert_false(utf8_valid("\xED\xA0\x80"));      /* a UTF-16 surrogate */
  assert_false(utf8_valid("\xF4\x90\x80\x80"));  /* above U+10FFFF */
  assert_false(utf8_valid("\x80"));
}

static void test_controls(void **state)
{
  (void)state;
  assert_int_equal(utf8_find_control("số 12/SNV"), -1);
  assert_int_equal(utf8_find_control("a\nb"), 1);
  assert_int_equal(utf8_find_control("ab\t"), 2);
  assert_int_equal(utf8_find_control("x\xC2\x85"), 1);   /* U+0085 NEL */
}

static void test_sanitize(void **state)
{
  (void)state;
  char *s = utf8_sanitize("B\xC4 ok \xFF");
  assert_non_null(s);
  assert_string_equal(s, "B\xEF\xBF\xBD ok \xEF\xBF\xBD");
  assert_true(utf8_valid(s));
  free(s);
  s = utf8_sanitize("Đã gia hạn");
  assert_string_equal(s, "Đã gia hạn");
  free(s);
}

static void test_boundary(void **state)
{
  (void)state;
  const char *d = "aĐb";                    /* 61 C4 90 62 */
  assert_int_equal(utf8_boundary(d, 4), 4);
  assert_int_equal(utf8_boundary(d, 3), 3);
  assert_int_equal(utf8_boundary(d, 2), 1); /* would split Đ */
  assert_int_equal(utf8_boundary(d, 1), 1);
  assert_int_equal(utf8_boundary(d, 0), 0);
  char cut[3] = {'a', (char)0xC4, '\0'};    /* already cut */
  assert_int_equal(utf8_boundary(cut, 2), 1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_valid_and_length),
    cmocka_unit_test(test_controls),
    cmocka_unit_test(test_sanitize),
    cmocka_unit_test(test_boundary),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
