/*
 * calendar.c — civil dates, reporting periods, holidays and working days.
 *
 * Everything else in dondoc asks this file three kinds of question: what
 * day is "2025-01-27" and what does a day look like as text (the rule
 * files, the store and the CLI all speak ISO dates); which period does a
 * report or an indicator value belong to ("2024-Q3", "2024-2025"); and
 * where does a deadline land once weekends, Tết and the make-up Saturdays
 * of the civil-service schedule are taken into account (the holiday sets
 * are filled by rules.c from rules/<jurisdiction>/holidays.lua).
 *
 * Days are plain integers counted from 1970-01-01 in the proleptic
 * Gregorian calendar. Conversions use Howard Hinnant's days_from_civil /
 * civil_from_days, which shift the year to start on 1 March so that the
 * leap day falls at the end and month lengths follow a linear formula;
 * they are exact for every representable day without tables or loops.
 * Nothing here uses struct tm or the TZ database: Vietnam has a fixed
 * offset, and only cal_today() reads the clock.
 *
 * The file holds no mutable global state, so any number of jurisdictions
 * (each with its own struct cal_holidays) can be evaluated side by side.
 */
#include "calendar.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Period ids carry four-digit years; the public period constructors refuse
 * anything the ids (and cal_period_parse) cannot express. */
enum { CAL_PERIOD_YEAR_MIN = 0, CAL_PERIOD_YEAR_MAX = 9999 };

/* ---- civil arithmetic ------------------------------------------------ */

/* 64-bit throughout so that no int input can overflow before the range
 * check in cal_from_ymd decides whether the result fits a cal_day. */
static int64_t cal_days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;                                /* [0, 399] */
  int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;       /* [0, 146096] */
  return era * 146097 + doe - 719468;
}

static void cal_civil_from_days(int64_t z, int64_t *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

bool cal_is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int cal_days_in_month(int year, int month) {
  static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (month < 1 || month > 12) return 0;
  if (month == 2 && cal_is_leap_year(year)) return 29;
  return len[month - 1];
}

int cal_from_ymd(int year, int month, int day, cal_day *out) {
  if (month < 1 || month > 12) return -1;
  if (day < 1 || day > cal_days_in_month(year, month)) return -1;
  int64_t z = cal_days_from_civil(year, month, day);
  if (z < INT32_MIN || z > INT32_MAX) return -1;
  *out = (cal_day)z;
  return 0;
}

/* Years of cal_day values stay within about ±5.9 million, so they fit. */
void cal_to_ymd(cal_day d, int *year, int *month, int *day) {
  int64_t y;
  cal_civil_from_days(d, &y, month, day);
  *year = (int)y;
}

/* The day of the year (1-366) and the year's length, for fractional years. */
static void cal_year_position(int64_t z, int64_t *year, int *doy, int *len) {
  int m, d;
  cal_civil_from_days(z, year, &m, &d);
  *doy = (int)(z - cal_days_from_civil(*year, 1, 1)) + 1;
  *len = (int)(cal_days_from_civil(*year + 1, 1, 1) -
               cal_days_from_civil(*year, 1, 1));
}

int cal_weekday(cal_day d) {
  /* 1970-01-01 was a Thursday (3); C's % keeps the sign of d. */
  return (d % 7 + 10) % 7;
}

/* ---- parsing and formatting ------------------------------------------ */

/* Exactly n ASCII digits at s. isdigit() is avoided: it depends on the
 * locale, and a date must mean the same thing everywhere. Stops at the
 * first non-digit, so it never reads past a terminating NUL. */
static int cal_digits(const char *s, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 0;
}

/* "YYYY-MM-DD" at s, without looking at what follows. */
static int cal_scan_date(const char *s, cal_day *out) {
  int y, m, d;
  if (cal_digits(s, 4, &y) != 0 || s[4] != '-' ||
      cal_digits(s + 5, 2, &m) != 0 || s[7] != '-' ||
      cal_digits(s + 8, 2, &d) != 0)
    return -1;
  return cal_from_ymd(y, m, d, out);
}

int cal_parse_date(const char *s, cal_day *out) {
  cal_day d;
  if (s == NULL || cal_scan_date(s, &d) != 0 || s[10] != '\0') return -1;
  *out = d;
  return 0;
}

int cal_parse_month_day(const char *s, int *month, int *day) {
  int m, d;
  if (s == NULL || cal_digits(s, 2, &m) != 0 || s[2] != '-' ||
      cal_digits(s + 3, 2, &d) != 0 || s[5] != '\0')
    return -1;
  /* 2000 is a leap year: an annual window may name 29/02. */
  if (m < 1 || m > 12 || d < 1 || d > cal_days_in_month(2000, m)) return -1;
  *month = m;
  *day = d;
  return 0;
}

int cal_parse_moment(const char *s, cal_day *day, int *minute) {
  cal_day d;
  int hh, mm;
  if (s == NULL || cal_scan_date(s, &d) != 0) return -1;
  if (s[10] == '\0') {
    *day = d;
    *minute = 0;
    return 0;
  }
  if (s[10] != 'T' || cal_digits(s + 11, 2, &hh) != 0 || s[13] != ':' ||
      cal_digits(s + 14, 2, &mm) != 0 || s[16] != '\0')
    return -1;
  if (hh > 23 || mm > 59) return -1;
  *day = d;
  *minute = hh * 60 + mm;
  return 0;
}

/* Only years 0-9999 fit the fixed-width buffer; anything else is written
 * as an unmistakable placeholder rather than a silently cut date. */
static void cal_format_with(cal_day d, char buf[CAL_DATE_LEN], bool vn) {
  int y, m, dd;
  cal_to_ymd(d, &y, &m, &dd);
  int n = -1;
  if (y >= 0 && y <= 9999)
    n = vn ? snprintf(buf, CAL_DATE_LEN, "%02d/%02d/%04d", dd, m, y)
           : snprintf(buf, CAL_DATE_LEN, "%04d-%02d-%02d", y, m, dd);
  if (n != CAL_DATE_LEN - 1)
    memcpy(buf, vn ? "XX/XX/XXXX" : "XXXX-XX-XX", CAL_DATE_LEN);
}

void cal_format(cal_day d, char buf[CAL_DATE_LEN]) {
  cal_format_with(d, buf, false);
}

void cal_format_vn(cal_day d, char buf[CAL_DATE_LEN]) {
  cal_format_with(d, buf, true);
}

void cal_today(int utc_offset_minutes, cal_day *day, int *minute) {
  struct timespec ts;
  int64_t secs;
  if (clock_gettime(CLOCK_REALTIME, &ts) == 0) {
    secs = (int64_t)ts.tv_sec;
  } else {
    /* CLOCK_REALTIME is mandatory in POSIX; time() is the last resort and
     * the epoch the answer when even that fails. */
    time_t t = time(NULL);
    secs = t == (time_t)-1 ? 0 : (int64_t)t;
  }
  secs += (int64_t)utc_offset_minutes * 60;
  int64_t days = secs / 86400, rem = secs % 86400;
  if (rem < 0) {               /* floor, for clocks before 1970 */
    rem += 86400;
    days -= 1;
  }
  *day = (cal_day)days;
  *minute = (int)(rem / 60);
}

/* ---- holidays and working days --------------------------------------- */

void cal_holidays_init(struct cal_holidays *h) {
  *h = (struct cal_holidays){ .off = NULL, .work = NULL };
}

void cal_holidays_release(struct cal_holidays *h) {
  free(h->off);
  free(h->work);
  free(h->announced);
  for (size_t i = 0; i < h->n_names; i++) free(h->names[i].name);
  free(h->names);
  cal_holidays_init(h);
}

/* Index of the first element >= d in the sorted a[0..n). */
static size_t cal_lower_bound(const cal_day *a, size_t n, cal_day d) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static bool cal_days_contain(const cal_day *a, size_t n, cal_day d) {
  size_t i = cal_lower_bound(a, n, d);
  return i < n && a[i] == d;
}

static int cal_days_reserve(cal_day **a, size_t *cap, size_t need) {
  if (need <= *cap) return 0;
  size_t ncap = *cap ? *cap : 16;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2 / sizeof **a) return -1;
    ncap *= 2;
  }
  cal_day *p = realloc(*a, ncap * sizeof *p);
  if (p == NULL) return -1;
  *a = p;
  *cap = ncap;
  return 0;
}

/* Insert keeping the array sorted and free of duplicates, so queries are
 * right even if a caller forgets cal_holidays_finish. Holiday files list
 * days in order, which makes each insert an append in practice. */
static int cal_days_insert(cal_day **a, size_t *n, size_t *cap, cal_day d) {
  size_t i = cal_lower_bound(*a, *n, d);
  if (i < *n && (*a)[i] == d) return 0;
  if (cal_days_reserve(a, cap, *n + 1) != 0) return -1;
  memmove(*a + i + 1, *a + i, (*n - i) * sizeof **a);
  (*a)[i] = d;
  (*n)++;
  return 0;
}

static void cal_holidays_note_year(struct cal_holidays *h, cal_day d,
                                   bool was_empty) {
  int y, m, dd;
  cal_to_ymd(d, &y, &m, &dd);
  if (was_empty || y < h->first_year) h->first_year = y;
  if (was_empty || y > h->last_year) h->last_year = y;
}

int cal_holidays_add_off(struct cal_holidays *h, cal_day d) {
  bool was_empty = h->n_off == 0 && h->n_work == 0;
  if (cal_days_insert(&h->off, &h->n_off, &h->cap_off, d) != 0) return -1;
  cal_holidays_note_year(h, d, was_empty);
  return 0;
}

int cal_holidays_add_work(struct cal_holidays *h, cal_day d) {
  bool was_empty = h->n_off == 0 && h->n_work == 0;
  if (cal_days_insert(&h->work, &h->n_work, &h->cap_work, d) != 0) return -1;
  cal_holidays_note_year(h, d, was_empty);
  return 0;
}

static int cal_day_cmp(const void *a, const void *b) {
  cal_day x = *(const cal_day *)a, y = *(const cal_day *)b;
  return (x > y) - (x < y);
}

/* The adds already keep order; this re-establishes it for arrays a caller
 * filled by hand, which the struct being public makes possible. */
static void cal_days_normalize(cal_day *a, size_t *n) {
  if (*n < 2) return;
  qsort(a, *n, sizeof *a, cal_day_cmp);
  size_t k = 1;
  for (size_t i = 1; i < *n; i++)
    if (a[i] != a[k - 1]) a[k++] = a[i];
  *n = k;
}

void cal_holidays_finish(struct cal_holidays *h) {
  cal_days_normalize(h->off, &h->n_off);
  cal_days_normalize(h->work, &h->n_work);
}

int cal_holidays_set_announced(struct cal_holidays *h, int year) {
  if (cal_holidays_announced(h, year)) return 0;
  if (h->n_announced == h->cap_announced) {
    size_t ncap = h->cap_announced ? h->cap_announced * 2 : 16;
    if (ncap > SIZE_MAX / sizeof *h->announced) return -1;
    int *p = realloc(h->announced, ncap * sizeof *p);
    if (p == NULL) return -1;
    h->announced = p;
    h->cap_announced = ncap;
  }
  size_t i = h->n_announced;
  while (i > 0 && h->announced[i - 1] > year) {    /* keep them sorted */
    h->announced[i] = h->announced[i - 1];
    i--;
  }
  h->announced[i] = year;
  h->n_announced++;
  return 0;
}

bool cal_holidays_announced(const struct cal_holidays *h, int year) {
  for (size_t i = 0; i < h->n_announced; i++)
    if (h->announced[i] == year) return true;
  return false;
}

int cal_holidays_add_name(struct cal_holidays *h, cal_day from, cal_day to,
                          const char *name) {
  if (h->n_names == h->cap_names) {
    size_t ncap = h->cap_names ? h->cap_names * 2 : 16;
    if (ncap > SIZE_MAX / sizeof *h->names) return -1;
    struct cal_holiday_name *p = realloc(h->names, ncap * sizeof *p);
    if (p == NULL) return -1;
    h->names = p;
    h->cap_names = ncap;
  }
  char *copy = strdup(name);
  if (copy == NULL) return -1;
  struct cal_holiday_name *n = &h->names[h->n_names++];
  n->from = from;
  n->to = to;
  n->name = copy;
  return 0;
}

const char *cal_holidays_name(const struct cal_holidays *h, cal_day d) {
  for (size_t i = 0; i < h->n_names; i++)
    if (h->names[i].from <= d && d <= h->names[i].to) return h->names[i].name;
  return NULL;
}

size_t cal_holidays_weekdays_off(const struct cal_holidays *h, int year) {
  cal_day first, last;
  if (cal_from_ymd(year, 1, 1, &first) != 0 ||
      cal_from_ymd(year, 12, 31, &last) != 0)
    return 0;
  size_t n = 0;
  for (size_t i = cal_lower_bound(h->off, h->n_off, first);
       i < h->n_off && h->off[i] <= last; i++)
    if (cal_weekday(h->off[i]) < 5 &&
        !cal_days_contain(h->work, h->n_work, h->off[i]))
      n++;
  return n;
}

/* A day listed both ways is a make-up working day: the make-up list is the
 * more specific statement, matching cal_is_working_day. */
bool cal_is_holiday(const struct cal_holidays *h, cal_day d) {
  return cal_days_contain(h->off, h->n_off, d) &&
         !cal_days_contain(h->work, h->n_work, d);
}

bool cal_is_working_day(const struct cal_holidays *h, cal_day d) {
  if (cal_days_contain(h->work, h->n_work, d)) return true;
  if (cal_days_contain(h->off, h->n_off, d)) return false;
  return cal_weekday(d) < 5;
}

/* The loops below end: only finitely many weekdays can be off, so a working
 * day is never more than n_off + 2 weekends away. The limits only keep the
 * arithmetic defined at the very ends of the cal_day range. */
cal_day cal_next_working_day(const struct cal_holidays *h, cal_day d) {
  while (!cal_is_working_day(h, d) && d < INT32_MAX) d++;
  return d;
}

cal_day cal_previous_working_day(const struct cal_holidays *h, cal_day d) {
  while (!cal_is_working_day(h, d) && d > INT32_MIN) d--;
  return d;
}

/* Step by step: deadlines move by days or weeks, not years, and stepping
 * keeps the rule identical to cal_is_working_day. */
cal_day cal_add_working_days(const struct cal_holidays *h, cal_day d, int n) {
  for (; n > 0 && d < INT32_MAX; n--) d = cal_next_working_day(h, d + 1);
  for (; n < 0 && d > INT32_MIN; n++) d = cal_previous_working_day(h, d - 1);
  return d;
}

/* Monday-to-Friday days in [a, a + len). */
static int64_t cal_weekdays_in(int64_t a, int64_t len) {
  int64_t count = len / 7 * 5;
  int w = (int)((a % 7 + 10) % 7);
  for (int64_t i = 0; i < len % 7; i++)
    if ((w + i) % 7 < 5) count++;
  return count;
}

/* Working days in (from, to] for from <= to: the weekdays, less the listed
 * weekdays off, plus the weekend days worked. Holiday lists are visited only
 * inside the range, so long ranges cost no more than short ones. */
static int64_t cal_count_working(const struct cal_holidays *h, cal_day from,
                                 cal_day to) {
  int64_t count = cal_weekdays_in((int64_t)from + 1, (int64_t)to - from);
  size_t i = cal_lower_bound(h->off, h->n_off, from);
  for (; i < h->n_off && h->off[i] <= to; i++) {
    cal_day d = h->off[i];
    if (d != from && cal_weekday(d) < 5 &&
        !cal_days_contain(h->work, h->n_work, d))
      count--;
  }
  i = cal_lower_bound(h->work, h->n_work, from);
  for (; i < h->n_work && h->work[i] <= to; i++) {
    cal_day d = h->work[i];
    if (d != from && cal_weekday(d) >= 5) count++;
  }
  return count;
}

int cal_working_days_between(const struct cal_holidays *h, cal_day from,
                             cal_day to) {
  int64_t c = from <= to ? cal_count_working(h, from, to)
                         : -cal_count_working(h, to, from);
  /* Only spans of millions of years reach these bounds. */
  if (c > INT_MAX) return INT_MAX;
  if (c < -INT_MAX) return -INT_MAX;
  return (int)c;
}

/* ---- periods --------------------------------------------------------- */

static const char *const cal_kind_names[] = {
  [CAL_ONCE] = "once",        [CAL_MONTH] = "month",
  [CAL_QUARTER] = "quarter",  [CAL_HALF] = "half",
  [CAL_YEAR] = "year",        [CAL_SCHOOL_YEAR] = "school_year",
  [CAL_WINDOW] = "window",
};
#define CAL_N_KINDS (sizeof cal_kind_names / sizeof cal_kind_names[0])

int cal_period_kind_parse(const char *name, enum cal_period_kind *out) {
  if (name == NULL) return -1;
  for (size_t k = 0; k < CAL_N_KINDS; k++) {
    if (strcmp(name, cal_kind_names[k]) == 0) {
      *out = (enum cal_period_kind)k;
      return 0;
    }
  }
  return -1;
}

const char *cal_period_kind_name(enum cal_period_kind k) {
  if ((size_t)k >= CAL_N_KINDS) return "unknown";
  return cal_kind_names[k];
}

/* Write p->id from kind, year and index. Returns -1 when the id would not
 * fit, which only years beyond six digits can cause. */
static int cal_period_set_id(struct cal_period *p) {
  char *id = p->id;
  size_t sz = sizeof p->id;
  int n;
  switch (p->kind) {
  case CAL_MONTH:
    n = snprintf(id, sz, "%04d-%02d", p->year, p->index);
    break;
  case CAL_QUARTER:
    n = snprintf(id, sz, "%04d-Q%d", p->year, p->index);
    break;
  case CAL_HALF:
    n = snprintf(id, sz, "%04d-H%d", p->year, p->index);
    break;
  case CAL_SCHOOL_YEAR:
    n = snprintf(id, sz, "%04d-%04d", p->year, p->year + 1);
    break;
  case CAL_ONCE:
  case CAL_YEAR:
  case CAL_WINDOW:
  default:
    n = snprintf(id, sz, "%04d", p->year);
    break;
  }
  if (n < 0 || (size_t)n >= sz) {
    id[0] = '\0';
    return -1;
  }
  return 0;
}

/* Fill a calendar-aligned period; kind, year and index are trusted. Bounds
 * are computed without cal_from_ymd's checks because month ends always
 * exist; a window or once-period is given the whole calendar year. */
static int cal_period_fill(enum cal_period_kind kind, int year, int index,
                           struct cal_period *out) {
  int first_m = 1, months = 12;
  switch (kind) {
  case CAL_MONTH:       first_m = index;               months = 1; break;
  case CAL_QUARTER:     first_m = 3 * (index - 1) + 1; months = 3; break;
  case CAL_HALF:        first_m = 6 * (index - 1) + 1; months = 6; break;
  case CAL_SCHOOL_YEAR: first_m = 9;                   months = 12; break;
  case CAL_ONCE:
  case CAL_YEAR:
  case CAL_WINDOW:
  default:              first_m = 1;                   months = 12; break;
  }
  int last_m = first_m + months - 1;
  int last_y = year + (last_m - 1) / 12;
  last_m = (last_m - 1) % 12 + 1;
  memset(out, 0, sizeof *out);
  out->kind = kind;
  out->year = year;
  out->index = index;
  out->start = (cal_day)cal_days_from_civil(year, first_m, 1);
  out->end = (cal_day)cal_days_from_civil(last_y, last_m,
                                          cal_days_in_month(last_y, last_m));
  return cal_period_set_id(out);
}

static bool cal_period_year_ok(int year) {
  return year >= CAL_PERIOD_YEAR_MIN && year <= CAL_PERIOD_YEAR_MAX;
}

int cal_period_make(enum cal_period_kind kind, int year, int index,
                    struct cal_period *out) {
  int max_index;
  switch (kind) {
  case CAL_MONTH:       max_index = 12; break;
  case CAL_QUARTER:     max_index = 4;  break;
  case CAL_HALF:        max_index = 2;  break;
  case CAL_ONCE:
  case CAL_YEAR:
  case CAL_SCHOOL_YEAR: max_index = 0;  break;
  case CAL_WINDOW:      /* bounds unknown here: see cal_window_make */
  default:              return -1;
  }
  if (!cal_period_year_ok(year)) return -1;
  if (max_index == 0 ? index != 0 : index < 1 || index > max_index) return -1;
  struct cal_period p;
  if (cal_period_fill(kind, year, index, &p) != 0) return -1;
  *out = p;
  return 0;
}

/* The window is built without the year-range check so cal_period_next and
 * _prev can use it; the public wrapper adds the check. Callers pass years
 * well inside int, so year + 1 cannot overflow. */
static int cal_window_build(int year, int from_m, int from_d, int to_m,
                            int to_d, struct cal_period *out) {
  cal_day start, end;
  bool wraps = to_m < from_m || (to_m == from_m && to_d < from_d);
  if (cal_from_ymd(year, from_m, from_d, &start) != 0) return -1;
  if (cal_from_ymd(year + wraps, to_m, to_d, &end) != 0) return -1;
  struct cal_period p;
  memset(&p, 0, sizeof p);
  p.kind = CAL_WINDOW;
  p.year = year;
  p.index = 0;
  p.start = start;
  p.end = end;
  if (cal_period_set_id(&p) != 0) return -1;
  *out = p;
  return 0;
}

int cal_window_make(int year, int from_m, int from_d, int to_m, int to_d,
                    struct cal_period *out) {
  if (!cal_period_year_ok(year)) return -1;
  return cal_window_build(year, from_m, from_d, to_m, to_d, out);
}

int cal_period_parse(enum cal_period_kind kind, const char *id,
                     struct cal_period *out) {
  int year, index = 0, second;
  if (id == NULL || cal_digits(id, 4, &year) != 0) return -1;
  const char *rest = id + 4;
  switch (kind) {
  case CAL_MONTH:
    if (rest[0] != '-' || cal_digits(rest + 1, 2, &index) != 0 ||
        rest[3] != '\0')
      return -1;
    break;
  case CAL_QUARTER:
  case CAL_HALF:
    if (rest[0] != '-' || rest[1] != (kind == CAL_QUARTER ? 'Q' : 'H') ||
        cal_digits(rest + 2, 1, &index) != 0 || rest[3] != '\0')
      return -1;
    break;
  case CAL_SCHOOL_YEAR:
    if (rest[0] != '-' || cal_digits(rest + 1, 4, &second) != 0 ||
        rest[5] != '\0' || second != year + 1)
      return -1;
    break;
  case CAL_WINDOW:
    /* The id names only the year; the caller rebuilds the real bounds
     * with cal_window_make. Until then the period spans the year. */
    if (rest[0] != '\0') return -1;
    return cal_period_fill(CAL_WINDOW, year, 0, out);
  case CAL_ONCE:
  case CAL_YEAR:
    if (rest[0] != '\0') return -1;
    break;
  default:
    return -1;
  }
  return cal_period_make(kind, year, index, out);
}

void cal_period_containing(enum cal_period_kind kind, cal_day d,
                           struct cal_period *out) {
  int y, m, dd, index = 0;
  cal_to_ymd(d, &y, &m, &dd);
  switch (kind) {
  case CAL_MONTH:       index = m;               break;
  case CAL_QUARTER:     index = (m - 1) / 3 + 1; break;
  case CAL_HALF:        index = (m - 1) / 6 + 1; break;
  case CAL_SCHOOL_YEAR: if (m < 9) y--;          break;
  case CAL_ONCE:
  case CAL_YEAR:
  case CAL_WINDOW:
  default:                                       break;
  }
  /* An id that does not fit (years beyond six digits) is left empty rather
   * than cut: an empty id matches nothing in the store. */
  if (cal_period_fill(kind, y, index, out) != 0) out->id[0] = '\0';
}

/* A window keeps its month/day bounds; 29/02 becomes 28/02 in years
 * without it, so the period still exists and keeps (almost) its length. */
static void cal_window_shift(const struct cal_period *p, int dy,
                             struct cal_period *out) {
  int sy, sm, sd, ey, em, ed;
  cal_to_ymd(p->start, &sy, &sm, &sd);
  cal_to_ymd(p->end, &ey, &em, &ed);
  bool wraps = ey > sy;
  /* A cal_day's year is under 6e6 in size, so sy + dy cannot overflow. */
  int y = sy + dy;
  if (sd > cal_days_in_month(y, sm)) sd = cal_days_in_month(y, sm);
  if (ed > cal_days_in_month(y + wraps, em))
    ed = cal_days_in_month(y + wraps, em);
  if (cal_window_build(y, sm, sd, em, ed, out) != 0) {
    /* Only at the edge of the cal_day range: keep p rather than invent. */
    *out = *p;
  }
}

void cal_period_next(const struct cal_period *p, struct cal_period *out) {
  if (p->kind == CAL_WINDOW) {
    cal_window_shift(p, 1, out);
    return;
  }
  /* Calendar-aligned periods tile the time line: the next one contains the
   * day after this one ends. */
  cal_day d = p->end < INT32_MAX ? p->end + 1 : p->end;
  cal_period_containing(p->kind, d, out);
}

void cal_period_prev(const struct cal_period *p, struct cal_period *out) {
  if (p->kind == CAL_WINDOW) {
    cal_window_shift(p, -1, out);
    return;
  }
  cal_day d = p->start > INT32_MIN ? p->start - 1 : p->start;
  cal_period_containing(p->kind, d, out);
}

static double cal_day_to_year64(int64_t z) {
  int64_t y;
  int doy, len;
  cal_year_position(z, &y, &doy, &len);
  return (double)y + (double)(doy - 1) / (double)len;
}

double cal_day_to_year(cal_day d) {
  return cal_day_to_year64(d);
}

double cal_period_axis(const struct cal_period *p) {
  return cal_day_to_year64((int64_t)p->end + 1) - 1.0;
}
