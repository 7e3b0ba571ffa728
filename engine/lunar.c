/*
 * lunar.c — solar ↔ lunar dates in the Vietnamese calendar (UTC+7).
 *
 * The algorithm is Hồ Ngọc Đức's, "Thuật toán tính âm lịch" / "Computing
 * the Vietnamese lunar calendar" (https://www.informatik.uni-leipzig.de/
 * ~duc/amlich/calrules.html), which follows the rules the calendar is
 * made by:
 *   1. a month begins on the (local) day of a new moon;
 *   2. the month holding the winter solstice is month 11;
 *   3. a year from one month 11 to the next with 13 months has a leap
 *      month: the first month after month 11 in which the sun enters no
 *      new 30° sign (no "trung khí"), which repeats the month before it.
 * New moons and the sun's longitude come from the series in Jean Meeus,
 * "Astronomical Algorithms" (Willmann-Bell, 1998), truncated as in Đức's
 * reference code: they are accurate to minutes for 1900–2100, enough to
 * place a new moon on its day except when it falls within minutes of
 * midnight. The results are checked against the published dates of Tết
 * and Giỗ Tổ in tests/unit/test_lunar.c.
 *
 * Days are handled as Julian day numbers (JDN): the day count astronomers
 * use, 2440588 on 1970-01-01, so cal_day d is JDN d + 2440588.
 */
#include "lunar.h"

#include <math.h>

#define LUNAR_TZ_HOURS 7.0                 /* Asia/Ho_Chi_Minh, all year */
#define JDN_UNIX_EPOCH 2440588L            /* JDN of 1970-01-01 */
#define SYNODIC_MONTH 29.530588853         /* mean days between new moons */
/* JDN (with fraction) of the mean new moon that starts the count k = 0,
 * about 1900-01-01 13:52 UT. */
#define NEW_MOON_EPOCH 2415021.076998695

static const double PI = 3.14159265358979323846;

/* The moment (Julian day, with fraction, in Universal Time) of the k-th
 * new moon after the one of January 1900: Meeus ch. 49, the main terms. */
static double lunar_new_moon(long k)
{
  double t = (double)k / 1236.85;      /* Julian centuries from 1900 */
  double t2 = t * t, t3 = t2 * t, dr = PI / 180;
  double jd = 2415020.75933 + 29.53058868 * (double)k + 0.0001178 * t2 -
              0.000000155 * t3;
  jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  double m = 359.2242 + 29.10535608 * (double)k - 0.0000333 * t2 -
             0.00000347 * t3;                      /* sun's mean anomaly */
  double mpr = 306.0253 + 385.81691806 * (double)k + 0.0107306 * t2 +
               0.00001236 * t3;                    /* moon's mean anomaly */
  double f = 21.2964 + 390.67050646 * (double)k - 0.0016528 * t2 -
             0.00000239 * t3;                      /* moon's argument of latitude */
  /* the periodic terms, one per line; signs as in Meeus table 49.A */
  double c1 = (0.1734 - 0.000393 * t) * sin(m * dr)
            + 0.0021 * sin(2 * dr * m)
            - 0.4068 * sin(mpr * dr)
            + 0.0161 * sin(dr * 2 * mpr)
            - 0.0004 * sin(dr * 3 * mpr)
            + 0.0104 * sin(dr * 2 * f)
            - 0.0051 * sin(dr * (m + mpr))
            - 0.0074 * sin(dr * (m - mpr))
            + 0.0004 * sin(dr * (2 * f + m))
            - 0.0004 * sin(dr * (2 * f - m))
            - 0.0006 * sin(dr * (2 * f + mpr))
            + 0.0010 * sin(dr * (2 * f - mpr))
            + 0.0005 * sin(dr * (2 * mpr + m));
  /* ΔT, dynamical minus universal time, in days */
  double delta_t = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 -
      0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c1 - delta_t;
}

/* The JDN of the Vietnamese civil day on which new moon k falls. */
static long lunar_new_moon_day(long k)
{
  return (long)floor(lunar_new_moon(k) + 0.5 + LUNAR_TZ_HOURS / 24);
}

/* The sun's apparent longitude in radians, [0, 2π), at Julian day jd (UT):
 * Meeus ch. 25, low accuracy (0.01°). */
static double lunar_sun_longitude(double jd)
{
  double t = (jd - 2451545.0) / 36525;      /* centuries from J2000.0 */
  double t2 = t * t, dr = PI / 180;
  double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 -
             0.00000048 * t * t2;
  double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m);
  dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m);
  double l = (l0 + dl) * dr;
  return l - 2 * PI * floor(l / (2 * PI));
}

/* Which 30° sign (0–11, 0 from the vernal equinox) the sun is in at the
 * start of the Vietnamese civil day jdn. A month whose first day and the
 * next month's first day share a sign took in no major term. */
static int lunar_sun_sign(long jdn)
{
  double at = (double)jdn - 0.5 - LUNAR_TZ_HOURS / 24;   /* local midnight */
  return (int)floor(lunar_sun_longitude(at) / PI * 6);
}

static long lunar_jdn(int year, int month, int day)
{
  cal_day d = 0;
  /* Callers pass 31 December of years in range: the date exists. */
  (void)cal_from_ymd(year, month, day, &d);
  return (long)d + JDN_UNIX_EPOCH;
}

/* The first day of the lunar month 11 that holds the December solstice of
 * solar year `year` (the sun enters sign 9, longitude 270°). */
static long lunar_month11(int year)
{
  long off = lunar_jdn(year, 12, 31) - 2415021L;
  long k = (long)floor((double)off / SYNODIC_MONTH);
  long nm = lunar_new_moon_day(k);
  if (lunar_sun_sign(nm) >= 9)       /* that month begins after the solstice */
    nm = lunar_new_moon_day(k - 1);
  return nm;
}

/* In a 13-month year starting at month 11 (a11), the leap month's place:
 * how many months after a11 it starts (the first month without a major
 * term, rule 3). */
static int lunar_leap_offset(long a11)
{
  long k = (long)floor(((double)a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  int i = 1, last;
  int arc = lunar_sun_sign(lunar_new_moon_day(k + i));
  do {
    last = arc;
    i++;
    arc = lunar_sun_sign(lunar_new_moon_day(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

int lunar_from_solar(cal_day d, struct lunar_date *out)
{
  int sy, sm, sd;
  cal_to_ymd(d, &sy, &sm, &sd);
  if (sy < LUNAR_YEAR_MIN || sy > LUNAR_YEAR_MAX)
    return -1;
  long jdn = (long)d + JDN_UNIX_EPOCH;
  long k = (long)floor(((double)jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  /* k is an estimate from the mean month; the true new moons wander a few
   * hours around it, so step back until the month has begun (rarely more
   * than once: 2054-05-07 and 2062-04-09 need the second step). */
  long month_start = lunar_new_moon_day(k + 1);
  while (month_start > jdn)
    month_start = lunar_new_moon_day(k--);
  /* The month-11 starts around d tell the lunar year and the months'
   * numbers: count months from the month 11 before d. */
  long a11 = lunar_month11(sy), b11 = a11;
  int year;
  if (a11 >= month_start) {
    year = sy;
    a11 = lunar_month11(sy - 1);
  } else {
    year = sy + 1;
    b11 = lunar_month11(sy + 1);
  }
  int diff = (int)floor((double)(month_start - a11) / 29);
  bool leap = false;
  int month = diff + 11;
  if (b11 - a11 > 365) {                 /* 13 months: one is a leap month */
    int leap_off = lunar_leap_offset(a11);
    if (diff >= leap_off) {
      month = diff + 10;
      leap = diff == leap_off;
    }
  }
  if (month > 12)
    month -= 12;
  if (month >= 11 && diff < 4)           /* months 11 and 12 end the year before */
    year -= 1;
  out->year = year;
  out->month = month;
  out->day = (int)(jdn - month_start + 1);
  out->leap = leap;
  return 0;
}

int lunar_to_solar(const struct lunar_date *ld, cal_day *out)
{
  if (ld->year < LUNAR_YEAR_MIN || ld->year > LUNAR_YEAR_MAX ||
      ld->month < 1 || ld->month > 12 || ld->day < 1 || ld->day > 30)
    return -1;
  long a11, b11;
  if (ld->month < 11) {
    a11 = lunar_month11(ld->year - 1);
    b11 = lunar_month11(ld->year);
  } else {
    a11 = lunar_month11(ld->year);
    b11 = lunar_month11(ld->year + 1);
  }
  long k = (long)floor(0.5 + ((double)a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  int off = ld->month - 11;
  if (off < 0)
    off += 12;
  if (b11 - a11 > 365) {
    int leap_off = lunar_leap_offset(a11);
    int leap_month = leap_off - 2;       /* the month the leap month repeats */
    if (leap_month <= 0)
      leap_month += 12;
    if (ld->leap && ld->month != leap_month)
      return -1;
    if (ld->leap || off >= leap_off)
      off += 1;
  } else if (ld->leap) {
    return -1;                           /* a 12-month year has no leap month */
  }
  long start = lunar_new_moon_day(k + off);
  long next = lunar_new_moon_day(k + off + 1);
  if (ld->day > next - start)            /* day 30 of a 29-day month */
    return -1;
  *out = (cal_day)(start + ld->day - 1 - JDN_UNIX_EPOCH);
  return 0;
}

int lunar_new_year(int year, cal_day *out)
{
  struct lunar_date tet = {.year = year, .month = 1, .day = 1, .leap = false};
  return lunar_to_solar(&tet, out);
}
