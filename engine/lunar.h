/*
 * lunar.h — the Vietnamese lunisolar calendar (âm lịch), for the holidays
 * the law fixes on lunar dates: Tết Nguyên đán (mùng 1 tháng Giêng) and
 * Giỗ Tổ Hùng Vương (10 tháng 3).
 *
 * The calendar is computed, not tabulated: months begin on the day of the
 * astronomical new moon and the winter solstice falls in month 11, both
 * reckoned in Vietnam's time zone (UTC+7). That zone is why Vietnam's
 * calendar and China's (UTC+8) part in a few years — Tết 1985 was on
 * 21/01 in Vietnam and 20/02 in China, Tết 2007 on 17/02 and 18/02.
 * lunar.c cites the algorithm.
 */
#ifndef DONDOC_LUNAR_H
#define DONDOC_LUNAR_H

#include <stdbool.h>
#include "calendar.h"

/* The years the conversion is tested and used for. Outside them the
 * functions refuse: the series behind it lose precision centuries away,
 * and dondoc's rules only name the years 2000–2100. */
#define LUNAR_YEAR_MIN 1900
#define LUNAR_YEAR_MAX 2199

struct lunar_date {
  int year;     /* the lunar year, named by the solar year it mostly covers */
  int month;    /* 1–12 */
  int day;      /* 1–30 */
  bool leap;    /* a leap month (tháng nhuận), repeating `month` */
};

/* The lunar date of solar day d. Returns 0, or -1 when d lies outside the
 * years LUNAR_YEAR_MIN..LUNAR_YEAR_MAX. */
int lunar_from_solar(cal_day d, struct lunar_date *out);

/* The solar day of a lunar date. Returns 0, or -1 when the date does not
 * exist (no such leap month that year, day 30 of a 29-day month, month
 * out of 1–12) or the year is out of range. */
int lunar_to_solar(const struct lunar_date *ld, cal_day *out);

/* Mùng 1 tháng Giêng of lunar year `year`: Tết Nguyên đán. 0 or -1. */
int lunar_new_year(int year, cal_day *out);

#endif
