/*
 * test_calendar.c — unit tests for engine/calendar.c and the legal
 * calendar (engine/legal_calendar.c, rules/law/).
 *
 * Dates are checked against independently known facts (weekdays of real
 * dates, the civil service's announced days off for 2017–2026, leap-year
 * rules) and against brute force (day-by-day walks), never against the
 * code's own formulas.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calendar.h"
#include "legal_calendar.h"
#include "rules.h"

/* A day from a literal the test trusts; fails the test if it does not parse. */
static cal_day D(const char *s) {
  cal_day d = 0;
  assert_int_equal(cal_parse_date(s, &d), 0);
  return d;
}

static void assert_day(cal_day d, const char *expected) {
  char buf[CAL_DATE_LEN];
  cal_format(d, buf);
  assert_string_equal(buf, expected);
}

static void add_off_range(struct cal_holidays *h, const char *from,
                          const char *to) {
  for (cal_day d = D(from); d <= D(to); d++)
    assert_int_equal(cal_holidays_add_off(h, d), 0);
}

/* ---- civil dates ----------------------------------------------------- */

static void test_anchor_days(void **state) {
  (void)state;
  cal_day d = -1;
  assert_int_equal(cal_from_ymd(1970, 1, 1, &d), 0);
  assert_int_equal(d, 0);
  assert_int_equal(cal_from_ymd(2000, 1, 1, &d), 0);
  assert_int_equal(d, 10957);
  assert_int_equal(cal_from_ymd(1900, 1, 1, &d), 0);
  assert_int_equal(d, -25567);
  assert_int_equal(cal_from_ymd(2024, 12, 5, &d), 0);
  assert_int_equal(d, 20062);
  int y, m, dd;
  cal_to_ymd(-1, &y, &m, &dd);
  assert_int_equal(y, 1969);
  assert_int_equal(m, 12);
  assert_int_equal(dd, 31);
}

/* Every day 1900-01-01 … 2100-12-31: consecutive numbers, exact round trip,
 * weekday advancing by one. */
static void test_roundtrip_1900_2100(void **state) {
  (void)state;
  cal_day prev = 0;
  int prev_wd = -1;
  long n = 0;
  for (int y = 1900; y <= 2100; y++) {
    for (int m = 1; m <= 12; m++) {
      for (int d = 1; d <= cal_days_in_month(y, m); d++) {
        cal_day day;
        assert_int_equal(cal_from_ymd(y, m, d, &day), 0);
        if (n > 0) {
          assert_int_equal(day, prev + 1);
          assert_int_equal(cal_weekday(day), (prev_wd + 1) % 7);
        }
        int yy, mm, dd;
        cal_to_ymd(day, &yy, &mm, &dd);
        assert_int_equal(yy, y);
        assert_int_equal(mm, m);
        assert_int_equal(dd, d);
        char buf[CAL_DATE_LEN], want[CAL_DATE_LEN + 8];
        cal_format(day, buf);
        snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
        assert_string_equal(buf, want);
        cal_day back;
        assert_int_equal(cal_parse_date(buf, &back), 0);
        assert_int_equal(back, day);
        prev = day;
        prev_wd = cal_weekday(day);
        n++;
      }
    }
  }
  /* 201 years, 49 of them leap (1900 and 2100 are not). */
  assert_int_equal(n, 201 * 365 + 49);
}

static void test_leap_years(void **state) {
  (void)state;
  assert_true(cal_is_leap_year(2024));
  assert_false(cal_is_leap_year(2023));
  assert_false(cal_is_leap_year(1900));
  assert_true(cal_is_leap_year(2000));
  assert_false(cal_is_leap_year(2100));
  assert_int_equal(cal_days_in_month(2024, 2), 29);
  assert_int_equal(cal_days_in_month(2023, 2), 28);
  assert_int_equal(cal_days_in_month(1900, 2), 28);
  assert_int_equal(cal_days_in_month(2000, 2), 29);
  assert_int_equal(cal_days_in_month(2024, 4), 30);
  assert_int_equal(cal_days_in_month(2024, 12), 31);
  assert_int_equal(cal_days_in_month(2024, 13), 0);
  assert_int_equal(cal_days_in_month(2024, 0), 0);

  cal_day d = 12345;
  assert_int_equal(cal_from_ymd(2024, 2, 29, &d), 0);
  assert_day(d, "2024-02-29");
  assert_int_equal(d + 1, D("2024-03-01"));
  d = 12345;
  assert_int_equal(cal_from_ymd(2023, 2, 29, &d), -1);
  assert_int_equal(d, 12345);                  /* untouched on failure */
  assert_int_equal(cal_from_ymd(1900, 2, 29, &d), -1);
  assert_int_equal(cal_from_ymd(2000, 2, 29, &d), 0);
  assert_int_equal(cal_from_ymd(2024, 2, 30, &d), -1);
  assert_int_equal(cal_from_ymd(2024, 4, 31, &d), -1);
  assert_int_equal(cal_from_ymd(2024, 13, 1, &d), -1);
  assert_int_equal(cal_from_ymd(2024, 0, 1, &d), -1);
  assert_int_equal(cal_from_ymd(2024, 1, 0, &d), -1);
  assert_int_equal(cal_from_ymd(2024, 1, -1, &d), -1);
  /* Years whose days do not fit a cal_day are refused, not wrapped. */
  assert_int_equal(cal_from_ymd(2000000000, 1, 1, &d), -1);
  assert_int_equal(cal_from_ymd(-2000000000, 1, 1, &d), -1);
  /* 1 March minus 1 day is the last day of February either way. */
  assert_day(D("2023-03-01") - 1, "2023-02-28");
  assert_day(D("2000-03-01") - 1, "2000-02-29");
  assert_day(D("1900-03-01") - 1, "1900-02-28");
}

static void test_weekday(void **state) {
  (void)state;
  assert_int_equal(cal_weekday(D("2024-12-05")), 3);   /* Thursday */
  assert_int_equal(cal_weekday(D("1970-01-01")), 3);   /* Thursday */
  assert_int_equal(cal_weekday(D("1969-12-31")), 2);   /* Wednesday */
  assert_int_equal(cal_weekday(D("2000-01-01")), 5);   /* Saturday */
  assert_int_equal(cal_weekday(D("1900-01-01")), 0);   /* Monday */
  assert_int_equal(cal_weekday(D("2025-01-27")), 0);   /* Monday */
  assert_int_equal(cal_weekday(D("2025-04-26")), 5);   /* Saturday */
  assert_int_equal(cal_weekday(D("2026-02-17")), 1);   /* Tuesday, Tết */
  assert_int_equal(cal_weekday(D("2026-04-26")), 6);   /* Sunday */
  assert_int_equal(cal_weekday(D("1945-09-02")), 6);   /* Sunday */
}

/* ---- parsing and formatting ------------------------------------------ */

static void test_parse_date(void **state) {
  (void)state;
  cal_day d = 0;
  assert_int_equal(cal_parse_date("2024-12-05", &d), 0);
  assert_int_equal(d, 20062);
  assert_int_equal(cal_parse_date("0000-01-01", &d), 0);
  assert_day(d, "0000-01-01");
  assert_int_equal(cal_parse_date("9999-12-31", &d), 0);
  assert_day(d, "9999-12-31");

  static const char *const bad[] = {
    "2023-02-29", "2024-02-30", "2024-13-01", "2024-04-31", "2024-00-10",
    "2024-01-00", "2024-01-32", "2024-1-01", "2024-01-1", "24-01-01",
    "02024-01-01", "2024/01/01", "2024.01.01", "2024-01-01x",
    "2024-01-01 ", "2024-01-01\n", "2024-01-01T10:00", " 2024-01-01",
    "+024-01-01", "-024-01-01", "2024-01-0", "2024-01-", "2024", "",
    "2024-O1-01", "٢٠٢٤-01-01", "05/12/2024",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    d = 777;
    if (cal_parse_date(bad[i], &d) != -1)
      fail_msg("accepted \"%s\"", bad[i]);
    assert_int_equal(d, 777);
  }
  assert_int_equal(cal_parse_date(NULL, &d), -1);
}

static void test_parse_month_day(void **state) {
  (void)state;
  int m = 0, d = 0;
  assert_int_equal(cal_parse_month_day("11-15", &m, &d), 0);
  assert_int_equal(m, 11);
  assert_int_equal(d, 15);
  assert_int_equal(cal_parse_month_day("02-29", &m, &d), 0);
  assert_int_equal(m, 2);
  assert_int_equal(d, 29);
  assert_int_equal(cal_parse_month_day("12-31", &m, &d), 0);
  assert_int_equal(m, 12);
  assert_int_equal(d, 31);
  static const char *const bad[] = {
    "02-30", "04-31", "13-01", "00-10", "01-00", "1-15", "01-5", "12-15x",
    "12/15", "2024-12-15", "", " 12-15",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    m = d = 99;
    if (cal_parse_month_day(bad[i], &m, &d) != -1)
      fail_msg("accepted \"%s\"", bad[i]);
    assert_int_equal(m, 99);
    assert_int_equal(d, 99);
  }
}

static void test_parse_moment(void **state) {
  (void)state;
  cal_day d = 0;
  int min = -1;
  assert_int_equal(cal_parse_moment("2024-12-05", &d, &min), 0);
  assert_int_equal(d, D("2024-12-05"));
  assert_int_equal(min, 0);
  assert_int_equal(cal_parse_moment("2024-12-05T08:30", &d, &min), 0);
  assert_int_equal(d, D("2024-12-05"));
  assert_int_equal(min, 8 * 60 + 30);
  assert_int_equal(cal_parse_moment("2025-01-01T23:59", &d, &min), 0);
  assert_int_equal(d, D("2025-01-01"));
  assert_int_equal(min, 1439);
  assert_int_equal(cal_parse_moment("2025-01-01T00:00", &d, &min), 0);
  assert_int_equal(min, 0);
  static const char *const bad[] = {
    "2024-12-05T24:00", "2024-12-05T12:60", "2024-12-05T8:30",
    "2024-12-05T08:3", "2024-12-05T08:30:00", "2024-12-05 08:30",
    "2024-12-05T", "2024-12-05T08:30Z", "2024-12-05t08:30",
    "2024-12-05T08-30", "2024-02-30T08:30", "2024-12-05x", "",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    d = 777;
    min = 777;
    if (cal_parse_moment(bad[i], &d, &min) != -1)
      fail_msg("accepted \"%s\"", bad[i]);
    assert_int_equal(d, 777);
    assert_int_equal(min, 777);
  }
}

static void test_format(void **state) {
  (void)state;
  char buf[CAL_DATE_LEN];
  cal_format(D("2024-12-05"), buf);
  assert_string_equal(buf, "2024-12-05");
  cal_format_vn(D("2024-12-05"), buf);
  assert_string_equal(buf, "05/12/2024");
  cal_format_vn(D("2025-01-27"), buf);
  assert_string_equal(buf, "27/01/2025");
  cal_format(0, buf);
  assert_string_equal(buf, "1970-01-01");
  /* Outside 0000-9999 a fixed-width date cannot be written. */
  cal_format(INT32_MAX, buf);
  assert_string_equal(buf, "XXXX-XX-XX");
  cal_format_vn(INT32_MIN, buf);
  assert_string_equal(buf, "XX/XX/XXXX");
}

static void test_today(void **state) {
  (void)state;
  cal_day d0, d7;
  int m0, m7;
  time_t before = time(NULL);
  cal_today(0, &d0, &m0);
  cal_today(7 * 60, &d7, &m7);
  time_t after = time(NULL);
  assert_true(before != (time_t)-1 && after != (time_t)-1);
  assert_in_range(d0, (long)(before / 86400), (long)(after / 86400));
  assert_in_range(m0, 0, 1439);
  assert_in_range(m7, 0, 1439);
  /* Seven hours east, up to a minute ticking between the two calls. */
  long diff = ((long)d7 * 1440 + m7) - ((long)d0 * 1440 + m0);
  assert_in_range(diff, 420, 421);
}

/* ---- holidays and working days --------------------------------------- */

static void test_holidays_set(void **state) {
  (void)state;
  struct cal_holidays h;
  cal_holidays_init(&h);
  assert_null(h.off);
  assert_int_equal(h.n_off, 0);
  assert_int_equal(h.first_year, 0);
  assert_int_equal(h.last_year, 0);
  /* Out of order and with duplicates. */
  assert_int_equal(cal_holidays_add_off(&h, D("2025-09-02")), 0);
  assert_int_equal(cal_holidays_add_off(&h, D("2024-01-01")), 0);
  assert_int_equal(cal_holidays_add_off(&h, D("2025-09-02")), 0);
  assert_int_equal(cal_holidays_add_off(&h, D("2025-04-30")), 0);
  assert_int_equal(cal_holidays_add_work(&h, D("2026-01-10")), 0);
  assert_int_equal(h.first_year, 2024);
  assert_int_equal(h.last_year, 2026);
  cal_holidays_finish(&h);
  assert_int_equal(h.n_off, 3);
  assert_int_equal(h.off[0], D("2024-01-01"));
  assert_int_equal(h.off[1], D("2025-04-30"));
  assert_int_equal(h.off[2], D("2025-09-02"));
  assert_int_equal(h.n_work, 1);
  assert_true(cal_is_holiday(&h, D("2025-04-30")));
  assert_true(cal_is_holiday(&h, D("2024-01-01")));
  assert_false(cal_is_holiday(&h, D("2025-05-01")));
  assert_false(cal_is_holiday(&h, D("2026-01-10")));
  assert_false(cal_is_holiday(&h, D("2024-12-07")));   /* a plain Saturday */
  cal_holidays_release(&h);
  assert_null(h.off);
  assert_null(h.work);
  assert_int_equal(h.n_off, 0);
  assert_int_equal(h.n_work, 0);
  assert_int_equal(h.first_year, 0);
  assert_int_equal(h.last_year, 0);
  cal_holidays_release(&h);                              /* idempotent */
}

/* Many adds in reverse order: growth by realloc and ordering both hold. */
static void test_holidays_growth(void **state) {
  (void)state;
  struct cal_holidays h;
  cal_holidays_init(&h);
  const cal_day base = D("2000-01-01");
  for (int i = 999; i >= 0; i--)
    assert_int_equal(cal_holidays_add_off(&h, base + 2 * i), 0);
  assert_int_equal(cal_holidays_add_off(&h, base + 500), 0);   /* dup */
  cal_holidays_finish(&h);
  assert_int_equal(h.n_off, 1000);
  assert_true(h.cap_off >= 1000);
  for (size_t i = 0; i < h.n_off; i++)
    assert_int_equal(h.off[i], base + 2 * (cal_day)i);
  assert_true(cal_is_holiday(&h, base + 1998));
  assert_false(cal_is_holiday(&h, base + 1999));
  assert_int_equal(h.first_year, 2000);
  assert_int_equal(h.last_year, 2005);
  /* Arrays filled by hand are put in order by finish. */
  h.off[0] = base + 4;                  /* duplicate, out of order */
  h.off[1] = base;
  cal_holidays_finish(&h);
  assert_int_equal(h.n_off, 999);
  assert_int_equal(h.off[0], base);
  assert_int_equal(h.off[1], base + 4);
  cal_holidays_release(&h);
}

static void test_weekend_shifts(void **state) {
  (void)state;
  struct cal_holidays h;
  cal_holidays_init(&h);
  cal_holidays_finish(&h);
  assert_true(cal_is_working_day(&h, D("2024-12-06")));      /* Friday */
  assert_false(cal_is_working_day(&h, D("2024-12-07")));     /* Saturday */
  assert_false(cal_is_working_day(&h, D("2024-12-08")));     /* Sunday */
  assert_int_equal(cal_next_working_day(&h, D("2024-12-07")), D("2024-12-09"));
  assert_int_equal(cal_next_working_day(&h, D("2024-12-08")), D("2024-12-09"));
  assert_int_equal(cal_next_working_day(&h, D("2024-12-06")), D("2024-12-06"));
  assert_int_equal(cal_previous_working_day(&h, D("2024-12-08")),
                   D("2024-12-06"));
  assert_int_equal(cal_add_working_days(&h, D("2024-12-06"), 1),
                   D("2024-12-09"));
  assert_int_equal(cal_add_working_days(&h, D("2024-12-09"), -1),
                   D("2024-12-06"));
  assert_int_equal(cal_add_working_days(&h, D("2024-12-07"), 1),
                   D("2024-12-09"));
  assert_int_equal(cal_add_working_days(&h, D("2024-12-07"), -1),
                   D("2024-12-06"));
  assert_int_equal(cal_add_working_days(&h, D("2024-12-02"), 10),
                   D("2024-12-16"));
  assert_int_equal(cal_add_working_days(&h, D("2024-12-07"), 0),
                   D("2024-12-07"));
  cal_holidays_release(&h);
}

static void load_tet_2025(struct cal_holidays *h) {
  cal_holidays_init(h);
  assert_int_equal(cal_holidays_add_off(h, D("2025-01-01")), 0);
  add_off_range(h, "2025-01-25", "2025-02-02");
  add_off_range(h, "2025-04-30", "2025-05-02");
  assert_int_equal(cal_holidays_add_work(h, D("2025-04-26")), 0);
  cal_holidays_finish(h);
}

static void test_tet_2025(void **state) {
  (void)state;
  struct cal_holidays h;
  load_tet_2025(&h);
  /* A report due on Monday 27/01/2025 falls in Tết: next office day. */
  assert_false(cal_is_working_day(&h, D("2025-01-27")));
  assert_true(cal_is_holiday(&h, D("2025-01-29")));
  assert_int_equal(cal_next_working_day(&h, D("2025-01-27")), D("2025-02-03"));
  assert_int_equal(cal_previous_working_day(&h, D("2025-01-27")),
                   D("2025-01-24"));
  assert_int_equal(cal_next_working_day(&h, D("2025-01-01")), D("2025-01-02"));
  /* Forward and back across the nine days off. */
  assert_int_equal(cal_add_working_days(&h, D("2025-01-24"), 1),
                   D("2025-02-03"));
  assert_int_equal(cal_add_working_days(&h, D("2025-01-22"), 5),
                   D("2025-02-05"));
  assert_int_equal(cal_add_working_days(&h, D("2025-02-03"), -1),
                   D("2025-01-24"));
  assert_int_equal(cal_add_working_days(&h, D("2025-02-05"), -5),
                   D("2025-01-22"));
  assert_int_equal(cal_add_working_days(&h, D("2025-01-29"), -1),
                   D("2025-01-24"));
  assert_int_equal(cal_add_working_days(&h, D("2025-01-29"), 1),
                   D("2025-02-03"));
  /* Ten working days back from Friday 14/02 reach the last day before Tết;
   * eleven reach the day before that. */
  assert_int_equal(cal_add_working_days(&h, D("2025-02-14"), -10),
                   D("2025-01-24"));
  assert_int_equal(cal_add_working_days(&h, D("2025-02-14"), -11),
                   D("2025-01-23"));
  cal_holidays_release(&h);
}

static void test_makeup_saturday(void **state) {
  (void)state;
  struct cal_holidays h;
  load_tet_2025(&h);
  /* Saturday 26/04/2025 was worked in exchange for Friday 02/05. */
  assert_true(cal_is_working_day(&h, D("2025-04-26")));
  assert_false(cal_is_holiday(&h, D("2025-04-26")));
  assert_false(cal_is_working_day(&h, D("2025-04-27")));
  assert_false(cal_is_working_day(&h, D("2025-05-02")));
  assert_false(cal_is_working_day(&h, D("2025-05-03")));   /* plain Saturday */
  assert_int_equal(cal_add_working_days(&h, D("2025-04-25"), 1),
                   D("2025-04-26"));
  assert_int_equal(cal_add_working_days(&h, D("2025-04-26"), 1),
                   D("2025-04-28"));
  assert_int_equal(cal_add_working_days(&h, D("2025-04-28"), -1),
                   D("2025-04-26"));
  assert_int_equal(cal_next_working_day(&h, D("2025-04-30")), D("2025-05-05"));
  assert_int_equal(cal_previous_working_day(&h, D("2025-05-04")),
                   D("2025-04-29"));
  /* 25, 26, 28, 29 April and 5 May. */
  assert_int_equal(cal_working_days_between(&h, D("2025-04-24"),
                                            D("2025-05-05")), 5);
  cal_holidays_release(&h);

  /* Listed both ways, the make-up day wins. */
  cal_holidays_init(&h);
  assert_int_equal(cal_holidays_add_off(&h, D("2024-05-04")), 0);
  assert_int_equal(cal_holidays_add_work(&h, D("2024-05-04")), 0);
  cal_holidays_finish(&h);
  assert_true(cal_is_working_day(&h, D("2024-05-04")));
  assert_false(cal_is_holiday(&h, D("2024-05-04")));
  assert_int_equal(cal_working_days_between(&h, D("2024-05-03"),
                                            D("2024-05-05")), 1);
  cal_holidays_release(&h);
}

static void test_working_days_between(void **state) {
  (void)state;
  struct cal_holidays h;
  cal_holidays_init(&h);
  cal_holidays_finish(&h);
  const cal_day mon = D("2024-12-02");
  assert_int_equal(cal_working_days_between(&h, mon, mon), 0);
  assert_int_equal(cal_working_days_between(&h, mon, mon + 7), 5);
  assert_int_equal(cal_working_days_between(&h, mon + 7, mon), -5);
  assert_int_equal(cal_working_days_between(&h, mon + 4, mon + 5), 0);
  assert_int_equal(cal_working_days_between(&h, mon + 4, mon + 7), 1);
  assert_int_equal(cal_working_days_between(&h, mon + 7, mon + 4), -1);
  assert_int_equal(cal_working_days_between(&h, mon - 1, mon), 1);
  assert_int_equal(cal_working_days_between(&h, D("2024-01-01") - 1,
                                            D("2024-12-31")), 262);
  /* A span too long for an int is clamped, not wrapped. */
  assert_int_equal(cal_working_days_between(&h, INT32_MIN, INT32_MAX),
                   INT_MAX);
  assert_int_equal(cal_working_days_between(&h, INT32_MAX, INT32_MIN),
                   -INT_MAX);
  cal_holidays_release(&h);

  load_tet_2025(&h);
  assert_int_equal(cal_working_days_between(&h, D("2025-01-24"),
                                            D("2025-02-03")), 1);
  assert_int_equal(cal_working_days_between(&h, D("2025-02-03"),
                                            D("2025-01-24")), -1);
  assert_int_equal(cal_working_days_between(&h, D("2025-01-24"),
                                            D("2025-02-02")), 0);
  /* 2025 has 261 weekdays; 1/1, five Tết weekdays and 30/4–2/5 are off and
   * Saturday 26/4 is worked: 261 - 9 + 1. */
  assert_int_equal(cal_working_days_between(&h, D("2024-12-31"),
                                            D("2025-12-31")), 253);
  assert_int_equal(cal_working_days_between(&h, D("2025-12-31"),
                                            D("2024-12-31")), -253);
  cal_holidays_release(&h);
}

/* The counting shortcut agrees with a day-by-day walk, and adding n working
 * days from a working day lands exactly n working days away. */
static void test_working_days_brute_force(void **state) {
  (void)state;
  struct cal_holidays h;
  load_tet_2025(&h);
  const cal_day lo = D("2024-12-20"), hi = D("2025-05-20");
  for (cal_day a = lo; a <= hi; a += 3) {
    int count = 0;
    for (cal_day b = a; b <= hi; b++) {
      if (b > a && cal_is_working_day(&h, b)) count++;
      assert_int_equal(cal_working_days_between(&h, a, b), count);
      assert_int_equal(cal_working_days_between(&h, b, a), -count);
    }
  }
  for (cal_day a = lo; a <= hi; a++) {
    if (!cal_is_working_day(&h, a)) continue;
    for (int n = -25; n <= 25; n++) {
      cal_day b = cal_add_working_days(&h, a, n);
      assert_true(cal_is_working_day(&h, b));
      assert_int_equal(cal_working_days_between(&h, a, b), n);
    }
  }
  cal_holidays_release(&h);
}

/* ---- periods --------------------------------------------------------- */

static void assert_period(const struct cal_period *p, enum cal_period_kind k,
                          int year, int index, const char *start,
                          const char *end, const char *id) {
  assert_int_equal(p->kind, k);
  assert_int_equal(p->year, year);
  assert_int_equal(p->index, index);
  assert_day(p->start, start);
  assert_day(p->end, end);
  assert_string_equal(p->id, id);
}

static void test_kind_names(void **state) {
  (void)state;
  static const char *const names[] = {
    "once", "month", "quarter", "half", "year", "school_year", "window",
  };
  static const enum cal_period_kind kinds[] = {
    CAL_ONCE, CAL_MONTH, CAL_QUARTER, CAL_HALF, CAL_YEAR, CAL_SCHOOL_YEAR,
    CAL_WINDOW,
  };
  for (size_t i = 0; i < 7; i++) {
    enum cal_period_kind k = CAL_ONCE;
    assert_int_equal(cal_period_kind_parse(names[i], &k), 0);
    assert_int_equal(k, kinds[i]);
    assert_string_equal(cal_period_kind_name(kinds[i]), names[i]);
  }
  enum cal_period_kind k = CAL_HALF;
  assert_int_equal(cal_period_kind_parse("Month", &k), -1);
  assert_int_equal(cal_period_kind_parse("school-year", &k), -1);
  assert_int_equal(cal_period_kind_parse("week", &k), -1);
  assert_int_equal(cal_period_kind_parse("", &k), -1);
  assert_int_equal(cal_period_kind_parse("month ", &k), -1);
  assert_int_equal(k, CAL_HALF);
}

static void test_period_make(void **state) {
  (void)state;
  struct cal_period p;
  assert_int_equal(cal_period_make(CAL_MONTH, 2024, 9, &p), 0);
  assert_period(&p, CAL_MONTH, 2024, 9, "2024-09-01", "2024-09-30", "2024-09");
  assert_int_equal(cal_period_make(CAL_MONTH, 2024, 2, &p), 0);
  assert_period(&p, CAL_MONTH, 2024, 2, "2024-02-01", "2024-02-29", "2024-02");
  assert_int_equal(cal_period_make(CAL_MONTH, 2023, 2, &p), 0);
  assert_day(p.end, "2023-02-28");
  assert_int_equal(cal_period_make(CAL_QUARTER, 2024, 3, &p), 0);
  assert_period(&p, CAL_QUARTER, 2024, 3, "2024-07-01", "2024-09-30",
                "2024-Q3");
  assert_int_equal(cal_period_make(CAL_QUARTER, 2024, 4, &p), 0);
  assert_period(&p, CAL_QUARTER, 2024, 4, "2024-10-01", "2024-12-31",
                "2024-Q4");
  assert_int_equal(cal_period_make(CAL_HALF, 2024, 1, &p), 0);
  assert_period(&p, CAL_HALF, 2024, 1, "2024-01-01", "2024-06-30", "2024-H1");
  assert_int_equal(cal_period_make(CAL_HALF, 2024, 2, &p), 0);
  assert_period(&p, CAL_HALF, 2024, 2, "2024-07-01", "2024-12-31", "2024-H2");
  assert_int_equal(cal_period_make(CAL_YEAR, 2024, 0, &p), 0);
  assert_period(&p, CAL_YEAR, 2024, 0, "2024-01-01", "2024-12-31", "2024");
  assert_int_equal(cal_period_make(CAL_SCHOOL_YEAR, 2024, 0, &p), 0);
  assert_period(&p, CAL_SCHOOL_YEAR, 2024, 0, "2024-09-01", "2025-08-31",
                "2024-2025");
  assert_int_equal(cal_period_make(CAL_ONCE, 2024, 0, &p), 0);
  assert_period(&p, CAL_ONCE, 2024, 0, "2024-01-01", "2024-12-31", "2024");

  /* Rejected: a window has no bounds here, indexes out of range, years
   * that a four-digit id cannot name. *out is then untouched. */
  struct cal_period keep = p;
  assert_int_equal(cal_period_make(CAL_WINDOW, 2024, 0, &p), -1);
  assert_int_equal(cal_period_make(CAL_MONTH, 2024, 0, &p), -1);
  assert_int_equal(cal_period_make(CAL_MONTH, 2024, 13, &p), -1);
  assert_int_equal(cal_period_make(CAL_QUARTER, 2024, 0, &p), -1);
  assert_int_equal(cal_period_make(CAL_QUARTER, 2024, 5, &p), -1);
  assert_int_equal(cal_period_make(CAL_HALF, 2024, 3, &p), -1);
  assert_int_equal(cal_period_make(CAL_YEAR, 2024, 1, &p), -1);
  assert_int_equal(cal_period_make(CAL_SCHOOL_YEAR, 2024, 1, &p), -1);
  assert_int_equal(cal_period_make(CAL_ONCE, 2024, 2, &p), -1);
  assert_int_equal(cal_period_make(CAL_YEAR, -1, 0, &p), -1);
  assert_int_equal(cal_period_make(CAL_YEAR, 10000, 0, &p), -1);
  assert_int_equal(cal_period_make((enum cal_period_kind)42, 2024, 0, &p), -1);
  assert_memory_equal(&p, &keep, sizeof p);
}

static void test_period_parse(void **state) {
  (void)state;
  struct cal_period p;
  assert_int_equal(cal_period_parse(CAL_MONTH, "2024-09", &p), 0);
  assert_period(&p, CAL_MONTH, 2024, 9, "2024-09-01", "2024-09-30", "2024-09");
  assert_int_equal(cal_period_parse(CAL_QUARTER, "2024-Q3", &p), 0);
  assert_period(&p, CAL_QUARTER, 2024, 3, "2024-07-01", "2024-09-30",
                "2024-Q3");
  assert_int_equal(cal_period_parse(CAL_HALF, "2024-H1", &p), 0);
  assert_period(&p, CAL_HALF, 2024, 1, "2024-01-01", "2024-06-30", "2024-H1");
  assert_int_equal(cal_period_parse(CAL_YEAR, "2024", &p), 0);
  assert_period(&p, CAL_YEAR, 2024, 0, "2024-01-01", "2024-12-31", "2024");
  assert_int_equal(cal_period_parse(CAL_SCHOOL_YEAR, "2024-2025", &p), 0);
  assert_period(&p, CAL_SCHOOL_YEAR, 2024, 0, "2024-09-01", "2025-08-31",
                "2024-2025");
  assert_int_equal(cal_period_parse(CAL_ONCE, "2026", &p), 0);
  assert_period(&p, CAL_ONCE, 2026, 0, "2026-01-01", "2026-12-31", "2026");
  assert_int_equal(cal_period_parse(CAL_WINDOW, "2024", &p), 0);
  assert_int_equal(p.kind, CAL_WINDOW);
  assert_int_equal(p.year, 2024);
  assert_string_equal(p.id, "2024");

  static const struct { enum cal_period_kind k; const char *id; } bad[] = {
    { CAL_MONTH, "2024-9" }, { CAL_MONTH, "2024-09x" }, { CAL_MONTH, "2024-13" },
    { CAL_MONTH, "2024-00" }, { CAL_MONTH, "2024/09" }, { CAL_MONTH, "2024" },
    { CAL_MONTH, "24-09" }, { CAL_MONTH, "2024-Q3" },
    { CAL_QUARTER, "2024-Q5" }, { CAL_QUARTER, "2024-Q0" },
    { CAL_QUARTER, "2024-q3" }, { CAL_QUARTER, "2024Q3" },
    { CAL_QUARTER, "2024-Q3 " }, { CAL_QUARTER, "2024-H1" },
    { CAL_HALF, "2024-H3" }, { CAL_HALF, "2024-H0" }, { CAL_HALF, "2024-h1" },
    { CAL_HALF, "2024-Q1" }, { CAL_HALF, "2024-H12" },
    { CAL_YEAR, "24" }, { CAL_YEAR, "2024 " }, { CAL_YEAR, "20245" },
    { CAL_YEAR, "2024-01" }, { CAL_YEAR, "" }, { CAL_YEAR, "-2024" },
    { CAL_SCHOOL_YEAR, "2024-2026" }, { CAL_SCHOOL_YEAR, "2024-2024" },
    { CAL_SCHOOL_YEAR, "2024-2023" }, { CAL_SCHOOL_YEAR, "2024-25" },
    { CAL_SCHOOL_YEAR, "2024" }, { CAL_SCHOOL_YEAR, "2024-2025x" },
    { CAL_SCHOOL_YEAR, "2024/2025" },
    { CAL_WINDOW, "2024-11" }, { CAL_WINDOW, "x2024" },
    { CAL_ONCE, "2024-2025" }, { CAL_ONCE, "2024." },
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    if (cal_period_parse(bad[i].k, bad[i].id, &p) != -1)
      fail_msg("%s accepted \"%s\"", cal_period_kind_name(bad[i].k), bad[i].id);
  }
  assert_int_equal(cal_period_parse(CAL_YEAR, NULL, &p), -1);

  /* Every id that make produces parses back to the same period. */
  static const enum cal_period_kind kinds[] = {
    CAL_MONTH, CAL_QUARTER, CAL_HALF, CAL_YEAR, CAL_SCHOOL_YEAR, CAL_ONCE,
  };
  static const int max_index[] = { 12, 4, 2, 0, 0, 0 };
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    for (int y = 1999; y <= 2031; y++) {
      for (int i = max_index[k] ? 1 : 0; i <= max_index[k]; i++) {
        struct cal_period a, b;
        assert_int_equal(cal_period_make(kinds[k], y, i, &a), 0);
        assert_int_equal(cal_period_parse(kinds[k], a.id, &b), 0);
        assert_int_equal(b.kind, a.kind);
        assert_int_equal(b.year, a.year);
        assert_int_equal(b.index, a.index);
        assert_int_equal(b.start, a.start);
        assert_int_equal(b.end, a.end);
        assert_string_equal(b.id, a.id);
      }
    }
  }
}

static void test_period_containing(void **state) {
  (void)state;
  struct cal_period p;
  const cal_day d = D("2024-12-05");
  cal_period_containing(CAL_MONTH, d, &p);
  assert_period(&p, CAL_MONTH, 2024, 12, "2024-12-01", "2024-12-31", "2024-12");
  cal_period_containing(CAL_QUARTER, d, &p);
  assert_period(&p, CAL_QUARTER, 2024, 4, "2024-10-01", "2024-12-31",
                "2024-Q4");
  cal_period_containing(CAL_HALF, d, &p);
  assert_period(&p, CAL_HALF, 2024, 2, "2024-07-01", "2024-12-31", "2024-H2");
  cal_period_containing(CAL_YEAR, d, &p);
  assert_period(&p, CAL_YEAR, 2024, 0, "2024-01-01", "2024-12-31", "2024");
  cal_period_containing(CAL_SCHOOL_YEAR, d, &p);
  assert_period(&p, CAL_SCHOOL_YEAR, 2024, 0, "2024-09-01", "2025-08-31",
                "2024-2025");
  /* The school year turns on 1 September, not on 1 January. */
  cal_period_containing(CAL_SCHOOL_YEAR, D("2025-03-10"), &p);
  assert_string_equal(p.id, "2024-2025");
  cal_period_containing(CAL_SCHOOL_YEAR, D("2025-08-31"), &p);
  assert_string_equal(p.id, "2024-2025");
  cal_period_containing(CAL_SCHOOL_YEAR, D("2025-09-01"), &p);
  assert_period(&p, CAL_SCHOOL_YEAR, 2025, 0, "2025-09-01", "2026-08-31",
                "2025-2026");
  cal_period_containing(CAL_SCHOOL_YEAR, D("2024-08-31"), &p);
  assert_string_equal(p.id, "2023-2024");
  /* Quarter and half edges. */
  cal_period_containing(CAL_QUARTER, D("2024-03-31"), &p);
  assert_string_equal(p.id, "2024-Q1");
  cal_period_containing(CAL_QUARTER, D("2024-04-01"), &p);
  assert_string_equal(p.id, "2024-Q2");
  cal_period_containing(CAL_HALF, D("2024-06-30"), &p);
  assert_string_equal(p.id, "2024-H1");
  cal_period_containing(CAL_HALF, D("2024-07-01"), &p);
  assert_string_equal(p.id, "2024-H2");
  /* Once and window behave like the calendar year. */
  cal_period_containing(CAL_ONCE, d, &p);
  assert_period(&p, CAL_ONCE, 2024, 0, "2024-01-01", "2024-12-31", "2024");
  cal_period_containing(CAL_WINDOW, d, &p);
  assert_period(&p, CAL_WINDOW, 2024, 0, "2024-01-01", "2024-12-31", "2024");

  /* Every day of 2023-2025 lies inside its month, quarter, half, year and
   * school year. */
  static const enum cal_period_kind kinds[] = {
    CAL_MONTH, CAL_QUARTER, CAL_HALF, CAL_YEAR, CAL_SCHOOL_YEAR,
  };
  for (cal_day x = D("2023-01-01"); x <= D("2025-12-31"); x++) {
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
      cal_period_containing(kinds[k], x, &p);
      assert_true(p.start <= x && x <= p.end);
      struct cal_period q;
      assert_int_equal(cal_period_parse(kinds[k], p.id, &q), 0);
      assert_int_equal(q.start, p.start);
      assert_int_equal(q.end, p.end);
    }
  }
}

static void test_period_next_prev(void **state) {
  (void)state;
  struct cal_period p, q, r;
  assert_int_equal(cal_period_make(CAL_MONTH, 2024, 12, &p), 0);
  cal_period_next(&p, &q);
  assert_period(&q, CAL_MONTH, 2025, 1, "2025-01-01", "2025-01-31", "2025-01");
  cal_period_prev(&q, &r);
  assert_period(&r, CAL_MONTH, 2024, 12, "2024-12-01", "2024-12-31", "2024-12");
  cal_period_next(&q, &r);
  assert_period(&r, CAL_MONTH, 2025, 2, "2025-02-01", "2025-02-28", "2025-02");

  assert_int_equal(cal_period_make(CAL_QUARTER, 2024, 4, &p), 0);
  cal_period_next(&p, &q);
  assert_period(&q, CAL_QUARTER, 2025, 1, "2025-01-01", "2025-03-31",
                "2025-Q1");
  cal_period_prev(&q, &r);
  assert_string_equal(r.id, "2024-Q4");
  cal_period_prev(&p, &r);
  assert_string_equal(r.id, "2024-Q3");

  assert_int_equal(cal_period_make(CAL_HALF, 2024, 1, &p), 0);
  cal_period_prev(&p, &q);
  assert_period(&q, CAL_HALF, 2023, 2, "2023-07-01", "2023-12-31", "2023-H2");
  cal_period_next(&p, &q);
  assert_string_equal(q.id, "2024-H2");
  cal_period_next(&q, &r);
  assert_string_equal(r.id, "2025-H1");

  assert_int_equal(cal_period_make(CAL_YEAR, 2024, 0, &p), 0);
  cal_period_next(&p, &q);
  assert_period(&q, CAL_YEAR, 2025, 0, "2025-01-01", "2025-12-31", "2025");
  cal_period_prev(&p, &q);
  assert_period(&q, CAL_YEAR, 2023, 0, "2023-01-01", "2023-12-31", "2023");

  assert_int_equal(cal_period_make(CAL_SCHOOL_YEAR, 2024, 0, &p), 0);
  cal_period_next(&p, &q);
  assert_period(&q, CAL_SCHOOL_YEAR, 2025, 0, "2025-09-01", "2026-08-31",
                "2025-2026");
  cal_period_prev(&p, &q);
  assert_period(&q, CAL_SCHOOL_YEAR, 2023, 0, "2023-09-01", "2024-08-31",
                "2023-2024");

  assert_int_equal(cal_period_make(CAL_ONCE, 2024, 0, &p), 0);
  cal_period_next(&p, &q);
  assert_period(&q, CAL_ONCE, 2025, 0, "2025-01-01", "2025-12-31", "2025");

  /* Walking 30 months forward then back returns to the start, and the
   * periods tile the time line without gaps. */
  assert_int_equal(cal_period_make(CAL_MONTH, 2023, 11, &p), 0);
  q = p;
  for (int i = 0; i < 30; i++) {
    cal_period_next(&q, &r);
    assert_int_equal(r.start, q.end + 1);
    q = r;
  }
  assert_string_equal(q.id, "2026-05");
  for (int i = 0; i < 30; i++) {
    cal_period_prev(&q, &r);
    assert_int_equal(r.end, q.start - 1);
    q = r;
  }
  assert_memory_equal(&q, &p, sizeof p);
}

static void test_windows(void **state) {
  (void)state;
  struct cal_period p, q;
  /* The Action Month for gender equality, 15/11–15/12. */
  assert_int_equal(cal_window_make(2024, 11, 15, 12, 15, &p), 0);
  assert_period(&p, CAL_WINDOW, 2024, 0, "2024-11-15", "2024-12-15", "2024");
  cal_period_next(&p, &q);
  assert_period(&q, CAL_WINDOW, 2025, 0, "2025-11-15", "2025-12-15", "2025");
  cal_period_prev(&p, &q);
  assert_period(&q, CAL_WINDOW, 2023, 0, "2023-11-15", "2023-12-15", "2023");

  /* A window that ends before it starts runs into the next year. */
  assert_int_equal(cal_window_make(2024, 12, 15, 1, 15, &p), 0);
  assert_period(&p, CAL_WINDOW, 2024, 0, "2024-12-15", "2025-01-15", "2024");
  cal_period_next(&p, &q);
  assert_period(&q, CAL_WINDOW, 2025, 0, "2025-12-15", "2026-01-15", "2025");
  cal_period_prev(&p, &q);
  assert_period(&q, CAL_WINDOW, 2023, 0, "2023-12-15", "2024-01-15", "2023");

  /* A single day. */
  assert_int_equal(cal_window_make(2025, 3, 8, 3, 8, &p), 0);
  assert_int_equal(p.start, p.end);
  assert_day(p.start, "2025-03-08");

  /* 29/02 exists only in leap years; the next year's window ends on 28/02. */
  assert_int_equal(cal_window_make(2023, 2, 1, 2, 29, &p), -1);
  assert_int_equal(cal_window_make(2023, 12, 1, 2, 29, &p), 0);   /* 2024 */
  assert_period(&p, CAL_WINDOW, 2023, 0, "2023-12-01", "2024-02-29", "2023");
  cal_period_next(&p, &q);
  assert_period(&q, CAL_WINDOW, 2024, 0, "2024-12-01", "2025-02-28", "2024");
  assert_int_equal(cal_window_make(2024, 2, 29, 3, 31, &p), 0);
  cal_period_next(&p, &q);
  assert_period(&q, CAL_WINDOW, 2025, 0, "2025-02-28", "2025-03-31", "2025");
  assert_int_equal(cal_window_make(2024, 12, 1, 2, 29, &p), -1);   /* 2025 */

  struct cal_period keep = p;
  assert_int_equal(cal_window_make(2024, 13, 1, 12, 1, &p), -1);
  assert_int_equal(cal_window_make(2024, 4, 31, 5, 1, &p), -1);
  assert_int_equal(cal_window_make(2024, 4, 1, 0, 1, &p), -1);
  assert_int_equal(cal_window_make(10000, 4, 1, 5, 1, &p), -1);
  assert_memory_equal(&p, &keep, sizeof p);
}

static void test_axis(void **state) {
  (void)state;
  struct cal_period p;
  assert_true(cal_day_to_year(D("2024-01-01")) == 2024.0);
  assert_true(cal_day_to_year(D("2024-07-02")) == 2024.5);     /* 183/366 */
  assert_true(cal_day_to_year(D("2025-07-02")) == 2025.0 + 182.0 / 365.0);
  assert_true(cal_day_to_year(D("1969-12-31")) == 1969.0 + 364.0 / 365.0);

  assert_int_equal(cal_period_make(CAL_YEAR, 2024, 0, &p), 0);
  assert_true(cal_period_axis(&p) == 2024.0);
  assert_int_equal(cal_period_make(CAL_YEAR, 2020, 0, &p), 0);
  assert_true(cal_period_axis(&p) == 2020.0);
  assert_int_equal(cal_period_make(CAL_HALF, 2024, 1, &p), 0);
  assert_true(fabs(cal_period_axis(&p) - 2023.5) < 0.01);
  assert_true(fabs(cal_period_axis(&p) - (2023.0 + 182.0 / 366.0)) < 1e-9);
  assert_int_equal(cal_period_make(CAL_HALF, 2024, 2, &p), 0);
  assert_true(cal_period_axis(&p) == 2024.0);
  assert_int_equal(cal_period_make(CAL_QUARTER, 2024, 3, &p), 0);
  assert_true(fabs(cal_period_axis(&p) - 2023.75) < 0.01);
  assert_int_equal(cal_period_make(CAL_MONTH, 2024, 12, &p), 0);
  assert_true(cal_period_axis(&p) == 2024.0);
  assert_int_equal(cal_period_make(CAL_SCHOOL_YEAR, 2024, 0, &p), 0);
  assert_true(fabs(cal_period_axis(&p) - 2024.67) < 0.01);
  assert_int_equal(cal_window_make(2024, 11, 15, 12, 15, &p), 0);
  assert_true(fabs(cal_period_axis(&p) - (2023.0 + 350.0 / 366.0)) < 1e-9);
}

/* ---- the legal calendar ------------------------------------------------ */

/* Weekdays off and weekend days worked in `year`, as "MM-DD MM-DD …". */
static void year_profile(const struct cal_holidays *h, int year, char *off,
                         char *worked, size_t len) {
  off[0] = worked[0] = '\0';
  for (cal_day d = D("2000-01-01"); ; d++) {
    int y, m, dd;
    cal_to_ymd(d, &y, &m, &dd);
    if (y > year) break;
    if (y < year) continue;
    char md[8];
    snprintf(md, sizeof md, "%s%02d-%02d", "", m, dd);
    bool weekend = cal_weekday(d) >= 5, working = cal_is_working_day(h, d);
    char *dst = !weekend && !working ? off : weekend && working ? worked : NULL;
    if (dst) {
      if (dst[0]) strncat(dst, " ", len - strlen(dst) - 1);
      strncat(dst, md, len - strlen(dst) - 1);
    }
  }
}

/* A rules folder in /tmp holding rules/law (the real one, linked; or, with
 * `law_text`, a law folder of that one file) and one jurisdiction "solo"
 * WITHOUT a parent, whose own file is `own` (or none). */
struct law_dir { char dir[64], path[160]; bool own_law; };

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
}

static void law_dir_make2(struct law_dir *t, const char *own,
                          const char *law_text) {
  char law[PATH_MAX], file[256];
  snprintf(t->dir, sizeof t->dir, "/tmp/dondoc-law.XXXXXX");
  assert_non_null(mkdtemp(t->dir));
  snprintf(t->path, sizeof t->path, "%s/law", t->dir);
  t->own_law = law_text != NULL;
  if (t->own_law) {
    assert_int_equal(mkdir(t->path, 0700), 0);
    snprintf(file, sizeof file, "%s/x.lua", t->path);
    write_file(file, law_text);
  } else {
    assert_non_null(realpath("../../rules/law", law));
    assert_int_equal(symlink(law, t->path), 0);
  }
  snprintf(file, sizeof file, "%s/solo", t->dir);
  assert_int_equal(mkdir(file, 0700), 0);
  snprintf(file, sizeof file, "%s/solo/jurisdiction.lua", t->dir);
  char text[1024];
  snprintf(text, sizeof text,
           "jurisdiction \"solo\" { name = \"Tỉnh Một Mình\" }\n%s\n",
           own ? own : "");
  write_file(file, text);
}

static void law_dir_make(struct law_dir *t, const char *own) {
  law_dir_make2(t, own, NULL);
}

static void law_dir_remove(struct law_dir *t) {
  char file[256];
  snprintf(file, sizeof file, "%s/solo/jurisdiction.lua", t->dir);
  (void)unlink(file);
  snprintf(file, sizeof file, "%s/solo", t->dir);
  (void)rmdir(file);
  if (t->own_law) {
    snprintf(file, sizeof file, "%s/x.lua", t->path);
    (void)unlink(file);
    (void)rmdir(t->path);
  } else {
    (void)unlink(t->path);
  }
  (void)rmdir(t->dir);
}

/* Load "solo" from t; returns rules_load's status. */
static int law_load(struct law_dir *t, struct ruleset *rs) {
  struct rules_options o;
  rules_options_default(&o, t->dir);
  const char *id = "solo";
  return rules_load(&o, &id, 1, rs);
}

/* Each announced year, 2017–2026, against the notices: every weekday off
 * and every Saturday worked, for a jurisdiction that has no parent. */
static void test_announced_years(void **state) {
  (void)state;
  static const struct { int year; const char *off, *worked; } years[] = {
    {2017, "01-02 01-26 01-27 01-30 01-31 02-01 04-06 05-01 05-02 09-04", ""},
    {2018, "01-01 02-14 02-15 02-16 02-19 02-20 04-25 04-30 05-01 09-03 12-31", ""},
    {2019, "01-01 02-04 02-05 02-06 02-07 02-08 04-15 04-29 04-30 05-01 09-02",
     "01-05 05-04"},
    {2020, "01-01 01-23 01-24 01-27 01-28 01-29 04-02 04-30 05-01 09-02", ""},
    {2021, "01-01 02-10 02-11 02-12 02-15 02-16 04-21 04-30 05-03 09-02 09-03", ""},
    {2022, "01-03 01-31 02-01 02-02 02-03 02-04 04-11 05-02 05-03 09-01 09-02", ""},
    {2023, "01-02 01-20 01-23 01-24 01-25 01-26 05-01 05-02 05-03 09-01 09-04", ""},
    {2024, "01-01 02-08 02-09 02-12 02-13 02-14 04-18 04-29 04-30 05-01 09-02 09-03",
     "05-04"},
    {2025, "01-01 01-27 01-28 01-29 01-30 01-31 04-07 04-30 05-01 05-02 09-01 09-02",
     "04-26"},
    {2026, "01-01 01-02 02-16 02-17 02-18 02-19 02-20 04-27 04-30 05-01 08-31 "
           "09-01 09-02 11-24", "01-10 08-22"},
  };
  struct law_dir t;
  struct ruleset rs = {0};
  law_dir_make(&t, NULL);
  assert_int_equal(law_load(&t, &rs), 0);
  const struct cal_holidays *h = &rs.jurisdictions[0].holidays;
  for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
    char off[400], worked[400];
    year_profile(h, years[i].year, off, worked, sizeof off);
    assert_string_equal(off, years[i].off);
    assert_string_equal(worked, years[i].worked);
    assert_true(cal_holidays_announced(h, years[i].year));
  }
  assert_false(cal_holidays_announced(h, 2016));
  assert_false(cal_holidays_announced(h, 2027));
  rules_release(&rs);
  law_dir_remove(&t);
}

/* The whole stretch off around Tết and Quốc khánh, weekends included, as
 * the notices announce them ("nghỉ từ … đến hết …"). */
static void test_announced_ranges(void **state) {
  (void)state;
  static const struct { const char *tet_from, *tet_to, *qk_from, *qk_to; } r[] = {
    {"2017-01-26", "2017-02-01", "2017-09-02", "2017-09-04"},
    {"2018-02-14", "2018-02-20", "2018-09-01", "2018-09-03"},
    {"2019-02-02", "2019-02-10", "2019-08-31", "2019-09-02"},
    {"2020-01-23", "2020-01-29", "2020-09-02", "2020-09-02"},
    {"2021-02-10", "2021-02-16", "2021-09-02", "2021-09-05"},
    {"2022-01-29", "2022-02-06", "2022-09-01", "2022-09-04"},
    {"2023-01-20", "2023-01-26", "2023-09-01", "2023-09-04"},
    {"2024-02-08", "2024-02-14", "2024-08-31", "2024-09-03"},
    {"2025-01-25", "2025-02-02", "2025-08-30", "2025-09-02"},
    {"2026-02-14", "2026-02-22", "2026-08-29", "2026-09-02"},
  };
  struct law_dir t;
  struct ruleset rs = {0};
  law_dir_make(&t, NULL);
  assert_int_equal(law_load(&t, &rs), 0);
  const struct cal_holidays *h = &rs.jurisdictions[0].holidays;
  for (size_t i = 0; i < sizeof r / sizeof *r; i++) {
    const char *from[2] = {r[i].tet_from, r[i].qk_from};
    const char *to[2] = {r[i].tet_to, r[i].qk_to};
    for (int k = 0; k < 2; k++) {
      for (cal_day d = D(from[k]); d <= D(to[k]); d++)
        assert_false(cal_is_working_day(h, d));
      assert_true(cal_is_working_day(h, D(from[k]) - 1));
      assert_true(cal_is_working_day(h, D(to[k]) + 1));
    }
  }
  rules_release(&rs);
  law_dir_remove(&t);
}

/* The law's rule, computed alone: the 2012 Code gives Quốc khánh one day,
 * the 2019 Code two; a holiday on a weekend is made up on the next
 * working day; 24/11 from 2026, never made up. */
static void test_computed_rule(void **state) {
  (void)state;
  static const struct { int year; const char *off, *worked; } years[] = {
    /* 2/9 a Wednesday: one day; Tết 19/02 (Thu), 17/02–21/02, Sat made up */
    {2015, "01-01 02-17 02-18 02-19 02-20 02-23 04-28 04-30 05-01 09-02", ""},
    /* Giỗ Tổ Sat 16/04 → Mon 18/04; 30/04 Sat, 01/05 Sun → 02/05, 03/05 */
    {2016, "01-01 02-08 02-09 02-10 02-11 02-12 04-18 05-02 05-03 09-02", ""},
    /* Tết Sat 06/02: 04/02–08/02, made up 09–10/02; 2/9 Thu + Fri 3/9;
     * 01/05 Sat → Mon 03/05; 24/11 a Wednesday */
    {2027, "01-01 02-04 02-05 02-08 02-09 02-10 04-16 04-30 05-03 09-02 09-03 "
           "11-24", ""},
    /* 01/01 Sat → Mon 03/01; 2/9 Sat: Fri 1/9 and the make-up Mon 4/9 */
    {2028, "01-03 01-24 01-25 01-26 01-27 01-28 04-04 05-01 05-02 09-01 09-04 "
           "11-24", ""},
    /* 2/9 Sun: Mon 3/9, made up Tue 4/9; 24/11 a Saturday, not made up */
    {2029, "01-01 02-12 02-13 02-14 02-15 02-16 04-23 04-30 05-01 09-03 09-04", ""},
  };
  for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
    struct cal_holidays h;
    char off[400], worked[400];
    cal_holidays_init(&h);
    assert_int_equal(legal_holidays_add(&h, years[i].year), 0);
    cal_holidays_finish(&h);
    year_profile(&h, years[i].year, off, worked, sizeof off);
    assert_string_equal(off, years[i].off);
    assert_string_equal(worked, years[i].worked);
    cal_holidays_release(&h);
  }
  /* Quốc khánh: one day to 2020, two from 2021 */
  struct legal_year a;
  assert_int_equal(legal_year_assume(2020, &a), 0);
  assert_int_equal(a.national_first, a.national_last);
  assert_int_equal(legal_year_assume(2021, &a), 0);
  assert_int_equal(a.national_last - a.national_first, 1);
  assert_day(a.national_last, "2021-09-03");
  /* outside the computed years nothing is added */
  struct cal_holidays h;
  cal_holidays_init(&h);
  assert_int_equal(legal_holidays_add(&h, 2012), 1);
  assert_int_equal(h.n_off, 0);
  assert_null(legal_basis(2012));
  assert_non_null(strstr(legal_basis(2020), "2012"));
  assert_non_null(strstr(legal_basis(2026), "28/2026/QH16"));
  cal_holidays_release(&h);
}

/* The defaults reproduce the notices: in 2017–2026 every weekday the law
 * (as computed) gives off was off, and the only weekdays off beyond it are
 * the six bridge days swapped for the six Saturdays worked. */
static void test_computed_matches_notices(void **state) {
  (void)state;
  struct law_dir t;
  struct ruleset rs = {0};
  law_dir_make(&t, NULL);
  assert_int_equal(law_load(&t, &rs), 0);
  const struct cal_holidays *announced = &rs.jurisdictions[0].holidays;
  size_t bridges = 0, saturdays = 0;
  for (int year = 2017; year <= 2026; year++) {
    struct cal_holidays computed;
    cal_holidays_init(&computed);
    assert_int_equal(legal_holidays_add(&computed, year), 0);
    cal_holidays_finish(&computed);
    for (cal_day d = D("2017-01-01"); d <= D("2026-12-31"); d++) {
      int y, m, dd;
      cal_to_ymd(d, &y, &m, &dd);
      if (y != year) continue;
      if (cal_weekday(d) < 5 && !cal_is_working_day(&computed, d))
        assert_false(cal_is_working_day(announced, d));
      if (cal_weekday(d) < 5 && !cal_is_working_day(announced, d) &&
          cal_is_working_day(&computed, d))
        bridges++;
      if (cal_weekday(d) >= 5 && cal_is_working_day(announced, d))
        saturdays++;
    }
    cal_holidays_release(&computed);
  }
  assert_int_equal(saturdays, 6);
  assert_int_equal(bridges, 6);
  rules_release(&rs);
  law_dir_remove(&t);
}

/* A jurisdiction's own holidays add to the law's; its own announced year
 * (a notice out before dondoc's data has it) replaces the computed one. */
static void test_own_holidays(void **state) {
  (void)state;
  struct law_dir t;
  struct ruleset rs = {0};
  law_dir_make(&t,
    "holidays(2025) { { \"2025-10-15\", name = \"ngày của tỉnh\" } }\n"
    "holidays(2027) { notice = \"Thông báo giả định\",\n"
    "  { \"2027-02-05\", \"2027-02-11\", name = \"Tết Nguyên đán\" } }\n");
  assert_int_equal(law_load(&t, &rs), 0);
  const struct cal_holidays *h = &rs.jurisdictions[0].holidays;
  assert_false(cal_is_working_day(h, D("2025-10-15")));     /* its own */
  assert_false(cal_is_working_day(h, D("2025-04-07")));     /* the law's */
  assert_true(cal_holidays_announced(h, 2027));
  assert_true(cal_is_working_day(h, D("2027-02-04")));      /* not computed */
  assert_false(cal_is_working_day(h, D("2027-02-11")));
  assert_true(cal_is_working_day(h, D("2027-09-02")));      /* only its days */
  assert_false(cal_holidays_announced(h, 2028));
  assert_false(cal_is_working_day(h, D("2028-09-01")));     /* computed */
  rules_release(&rs);
  law_dir_remove(&t);
}

/* Mistakes in holidays() are refused at their line: an unknown field, a
 * notice that names nothing, and any other declaration in rules/law. */
static void test_holiday_mistakes(void **state) {
  (void)state;
  static const struct { const char *own, *error; } cases[] = {
    {"holidays(2027) { notic = \"x\" }", "holidays(2027): unknown field 'notic'"},
    {"holidays(2027) { notice = \"\" }", "holidays(2027): notice must name"},
    {"holidays(2027) { notice = 9441 }", "holidays(2027): notice must name"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    struct law_dir t;
    struct ruleset rs = {0};
    law_dir_make(&t, cases[i].own);
    assert_int_equal(law_load(&t, &rs), 1);
    assert_non_null(strstr(rs.errors[0].message, "solo/jurisdiction.lua:2: "));
    assert_non_null(strstr(rs.errors[0].message, cases[i].error));
    rules_release(&rs);
    law_dir_remove(&t);
  }
  /* rules/law holds the calendar only */
  struct law_dir t;
  struct ruleset rs = {0};
  law_dir_make2(&t, NULL, "holidays(2030) { notice = \"x\" }\n"
                          "agency \"a\" { name = \"A\" }\n");
  assert_int_equal(law_load(&t, &rs), 1);
  assert_non_null(strstr(rs.errors[0].message, "law/x.lua:2: error: only holidays"));
  rules_release(&rs);
  law_dir_remove(&t);
  /* and a law folder's announced year reaches the jurisdiction */
  law_dir_make2(&t, NULL, "holidays(2030) { notice = \"x\", { \"2030-03-05\" } }\n");
  assert_int_equal(law_load(&t, &rs), 0);
  assert_true(cal_holidays_announced(&rs.jurisdictions[0].holidays, 2030));
  assert_false(cal_is_working_day(&rs.jurisdictions[0].holidays, D("2030-03-05")));
  assert_true(cal_is_working_day(&rs.jurisdictions[0].holidays, D("2030-09-03")));
  rules_release(&rs);
  law_dir_remove(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_anchor_days),
    cmocka_unit_test(test_roundtrip_1900_2100),
    cmocka_unit_test(test_leap_years),
    cmocka_unit_test(test_weekday),
    cmocka_unit_test(test_parse_date),
    cmocka_unit_test(test_parse_month_day),
    cmocka_unit_test(test_parse_moment),
    cmocka_unit_test(test_format),
    cmocka_unit_test(test_today),
    cmocka_unit_test(test_holidays_set),
    cmocka_unit_test(test_holidays_growth),
    cmocka_unit_test(test_weekend_shifts),
    cmocka_unit_test(test_tet_2025),
    cmocka_unit_test(test_makeup_saturday),
    cmocka_unit_test(test_working_days_between),
    cmocka_unit_test(test_working_days_brute_force),
    cmocka_unit_test(test_kind_names),
    cmocka_unit_test(test_period_make),
    cmocka_unit_test(test_period_parse),
    cmocka_unit_test(test_period_containing),
    cmocka_unit_test(test_period_next_prev),
    cmocka_unit_test(test_windows),
    cmocka_unit_test(test_axis),
    cmocka_unit_test(test_announced_years),
    cmocka_unit_test(test_announced_ranges),
    cmocka_unit_test(test_computed_rule),
    cmocka_unit_test(test_computed_matches_notices),
    cmocka_unit_test(test_own_holidays),
    cmocka_unit_test(test_holiday_mistakes),
  };
  return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
