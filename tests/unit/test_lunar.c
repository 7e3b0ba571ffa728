/*
 * test_lunar.c — unit tests for engine/lunar.c, the Vietnamese lunar
 * calendar (UTC+7).
 *
 * The expected dates are the published ones, not the code's: Tết (mùng 1
 * tháng Giêng) for every year 1985–2050, Giỗ Tổ Hùng Vương (10/3) as the
 * yearly holiday notices and the press gave it, the first days of known
 * leap months, and the years where Vietnam's calendar and China's (UTC+8)
 * part: 1985, 2007 and 2030, whose new moons fell between 23:00 and
 * midnight Vietnamese time (or, for 1985, a different month 11).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lunar.h"

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

/* Tết Nguyên đán, 1985–2050, as Vietnam keeps it. */
static const char *const tet[] = {
  "1985-01-21", "1986-02-09", "1987-01-29", "1988-02-17", "1989-02-06",
  "1990-01-27", "1991-02-15", "1992-02-04", "1993-01-23", "1994-02-10",
  "1995-01-31", "1996-02-19", "1997-02-07", "1998-01-28", "1999-02-16",
  "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22",
  "2005-02-09", "2006-01-29", "2007-02-17", "2008-02-07", "2009-01-26",
  "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31",
  "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05",
  "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
  "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
  "2030-02-02", "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19",
  "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24",
  "2040-02-12", "2041-02-01", "2042-01-22", "2043-02-10", "2044-01-30",
  "2045-02-17", "2046-02-06", "2047-01-26", "2048-02-14", "2049-02-02",
  "2050-01-23",
};

static void test_tet_1985_2050(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof tet / sizeof *tet; i++) {
    int year = 1985 + (int)i;
    cal_day d = 0;
    assert_int_equal(lunar_new_year(year, &d), 0);
    assert_day(d, tet[i]);
    struct lunar_date ld;
    assert_int_equal(lunar_from_solar(d, &ld), 0);
    assert_int_equal(ld.year, year);
    assert_int_equal(ld.month, 1);
    assert_int_equal(ld.day, 1);
    assert_false(ld.leap);
    /* the day before is the last of month 12 of the year before */
    assert_int_equal(lunar_from_solar(d - 1, &ld), 0);
    assert_int_equal(ld.year, year - 1);
    assert_int_equal(ld.month, 12);
    assert_true(ld.day == 29 || ld.day == 30);
  }
}

/* Where China (UTC+8) has another day: Tết 1985 on 20/02, 2007 on 18/02,
 * 2030 on 03/02. Vietnam's is the one above; China's is a day of month 12
 * or, in 1985, of month 1. */
static void test_vietnam_not_china(void **state) {
  (void)state;
  struct lunar_date ld;
  assert_int_equal(lunar_from_solar(D("2007-02-18"), &ld), 0);
  assert_int_equal(ld.month, 1);
  assert_int_equal(ld.day, 2);                 /* mùng 2 in Vietnam */
  assert_int_equal(lunar_from_solar(D("2030-02-03"), &ld), 0);
  assert_int_equal(ld.day, 2);
  assert_int_equal(lunar_from_solar(D("1985-02-20"), &ld), 0);
  assert_int_equal(ld.year, 1985);
  assert_int_equal(ld.month, 2);               /* Vietnam's month 2 */
  assert_int_equal(ld.day, 1);
}

/* Giỗ Tổ Hùng Vương, 10 tháng 3, as the holiday notices gave it. */
static void test_gio_to(void **state) {
  (void)state;
  static const char *const days[] = {
    "2013-04-19", "2014-04-09", "2015-04-28", "2016-04-16", "2017-04-06",
    "2018-04-25", "2019-04-14", "2020-04-02", "2021-04-21", "2022-04-10",
    "2023-04-29", "2024-04-18", "2025-04-07", "2026-04-26", "2027-04-16",
  };
  for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
    struct lunar_date ld = {.year = 2013 + (int)i, .month = 3, .day = 10};
    cal_day d = 0;
    assert_int_equal(lunar_to_solar(&ld, &d), 0);
    assert_day(d, days[i]);
  }
}

/* The first days of leap months: tháng 6 nhuận 2017, 4 nhuận 2020,
 * 2 nhuận 2023, 6 nhuận 2025, and the rare 11 nhuận of 2033. */
static void test_leap_months(void **state) {
  (void)state;
  static const struct { const char *day; int year, month; } leaps[] = {
    {"2017-07-23", 2017, 6}, {"2020-05-23", 2020, 4},
    {"2023-03-22", 2023, 2}, {"2025-07-25", 2025, 6},
    {"2033-12-22", 2033, 11},
  };
  for (size_t i = 0; i < sizeof leaps / sizeof *leaps; i++) {
    struct lunar_date ld;
    assert_int_equal(lunar_from_solar(D(leaps[i].day), &ld), 0);
    assert_int_equal(ld.year, leaps[i].year);
    assert_int_equal(ld.month, leaps[i].month);
    assert_int_equal(ld.day, 1);
    assert_true(ld.leap);
    /* and back: the leap month, not the ordinary one before it */
    cal_day d = 0;
    assert_int_equal(lunar_to_solar(&ld, &d), 0);
    assert_int_equal(d, D(leaps[i].day));
    ld.leap = false;
    assert_int_equal(lunar_to_solar(&ld, &d), 0);
    assert_true(d < D(leaps[i].day) - 28);
  }
}

/* Dates that do not exist are refused, not moved. */
static void test_invalid(void **state) {
  (void)state;
  cal_day d = 12345;
  /* 2024 (Giáp Thìn) has no leap month; 2023's is month 2, not 3 */
  struct lunar_date no_leap = {.year = 2024, .month = 5, .day = 1, .leap = true};
  assert_int_equal(lunar_to_solar(&no_leap, &d), -1);
  struct lunar_date wrong_leap = {.year = 2023, .month = 3, .day = 1, .leap = true};
  assert_int_equal(lunar_to_solar(&wrong_leap, &d), -1);
  /* tháng Chạp Giáp Thìn had 29 days: Tết 2025 came without a 30 Tết */
  struct lunar_date d29 = {.year = 2024, .month = 12, .day = 29};
  assert_int_equal(lunar_to_solar(&d29, &d), 0);
  assert_day(d, "2025-01-28");
  struct lunar_date d30 = {.year = 2024, .month = 12, .day = 30};
  d = 12345;
  assert_int_equal(lunar_to_solar(&d30, &d), -1);
  assert_int_equal(d, 12345);
  struct lunar_date bad[] = {
    {.year = 2024, .month = 0, .day = 1}, {.year = 2024, .month = 13, .day = 1},
    {.year = 2024, .month = 1, .day = 0}, {.year = 2024, .month = 1, .day = 31},
    {.year = LUNAR_YEAR_MIN - 1, .month = 1, .day = 1},
    {.year = LUNAR_YEAR_MAX + 1, .month = 1, .day = 1},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_int_equal(lunar_to_solar(&bad[i], &d), -1);
  struct lunar_date ld;
  assert_int_equal(lunar_from_solar(D("1899-12-31"), &ld), -1);
  assert_int_equal(lunar_from_solar(D("2200-01-01"), &ld), -1);
}

/* Every day of 1990–2050 converts to a valid lunar date and back to
 * itself, and consecutive days advance the lunar day by one or begin a
 * new month after day 29 or 30. */
static void test_roundtrip(void **state) {
  (void)state;
  struct lunar_date prev = {0};
  for (cal_day d = D("1990-01-01"); d <= D("2050-12-31"); d++) {
    struct lunar_date ld;
    cal_day back = 0;
    assert_int_equal(lunar_from_solar(d, &ld), 0);
    assert_true(ld.month >= 1 && ld.month <= 12);
    assert_true(ld.day >= 1 && ld.day <= 30);
    assert_int_equal(lunar_to_solar(&ld, &back), 0);
    assert_int_equal(back, d);
    if (d > D("1990-01-01")) {
      if (ld.day == 1)
        assert_true(prev.day == 29 || prev.day == 30);
      else
        assert_int_equal(ld.day, prev.day + 1);
    }
    prev = ld;
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_tet_1985_2050),
    cmocka_unit_test(test_vietnam_not_china),
    cmocka_unit_test(test_gio_to),
    cmocka_unit_test(test_leap_months),
    cmocka_unit_test(test_invalid),
    cmocka_unit_test(test_roundtrip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
