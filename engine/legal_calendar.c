/*
 * legal_calendar.c — a year's statutory public holidays from the Labour
 * Code, with the make-up days for those on a weekend (legal_calendar.h
 * says which law and which assumptions).
 *
 * A year is built in two steps, as the law reads: first the holidays
 * themselves (at most 12 days), then, in date order, one make-up day for
 * each that falls on a Saturday or Sunday: the next weekday that is
 * neither a holiday nor already a make-up day. That is how the notices
 * count them: Giỗ Tổ on Saturday 29/04/2023 and 30/04 on the Sunday gave
 * Tuesday 02/05 and Wednesday 03/05, Monday 01/05 being a holiday itself.
 */
#include "legal_calendar.h"

#include <stdbool.h>
#include <stdio.h>

enum { LEGAL_CODE_2019_FROM = 2021, LEGAL_CULTURE_DAY_FROM = 2026 };
enum { LEGAL_MAX_DAYS = 16 };           /* holidays of one year, with room */

static bool legal_year_in_range(int year)
{
  return year >= LEGAL_FIRST_YEAR && year <= LEGAL_LAST_YEAR;
}

const char *legal_basis(int year)
{
  if (!legal_year_in_range(year))
    return NULL;
  if (year < LEGAL_CODE_2019_FROM)
    return "Bộ luật Lao động 2012 (Điều 115)";
  if (year < LEGAL_CULTURE_DAY_FROM)
    return "Bộ luật Lao động 2019 (Điều 111, 112)";
  return "Bộ luật Lao động 2019 (Điều 111, 112) and Nghị quyết "
         "28/2026/QH16 (24/11)";
}

static cal_day legal_ymd(int year, int month, int day)
{
  cal_day d = 0;
  (void)cal_from_ymd(year, month, day, &d);   /* fixed dates: they exist */
  return d;
}

/* The second day of Quốc khánh (2021 on): the weekday beside 2/9 that
 * joins it to a weekend; see legal_calendar.h. */
static cal_day legal_national_second(cal_day sep2)
{
  switch (cal_weekday(sep2)) {
  case 0:                                 /* Monday: Tuesday */
  case 3:                                 /* Thursday: Friday */
  case 6:                                 /* Sunday: Monday */
    return sep2 + 1;
  default:                                /* Tue, Wed, Fri, Sat: the day before */
    return sep2 - 1;
  }
}

int legal_year_assume(int year, struct legal_year *out)
{
  cal_day tet;
  if (!legal_year_in_range(year) || lunar_new_year(year, &tet) != 0)
    return -1;
  out->year = year;
  out->tet_first = tet - 2;
  out->tet_last = tet + 2;
  cal_day sep2 = legal_ymd(year, 9, 2);
  out->national_first = out->national_last = sep2;
  if (year >= LEGAL_CODE_2019_FROM) {
    cal_day second = legal_national_second(sep2);
    out->national_first = second < sep2 ? second : sep2;
    out->national_last = second < sep2 ? sep2 : second;
  }
  return 0;
}

struct legal_days {
  cal_day v[LEGAL_MAX_DAYS];
  size_t n;
};

static void legal_days_push(struct legal_days *s, cal_day d)
{
  if (s->n < LEGAL_MAX_DAYS)
    s->v[s->n++] = d;
}

static bool legal_days_has(const struct legal_days *s, cal_day d)
{
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i] == d)
      return true;
  return false;
}

static void legal_days_sort(struct legal_days *s)
{
  for (size_t i = 1; i < s->n; i++)         /* a dozen days: insertion sort */
    for (size_t k = i; k > 0 && s->v[k - 1] > s->v[k]; k--) {
      cal_day t = s->v[k];
      s->v[k] = s->v[k - 1];
      s->v[k - 1] = t;
    }
}

/* The holidays of Điều 112 khoản 1 (Điều 115 khoản 1 before 2021): the
 * ones a make-up day follows from. */
static int legal_code_days(int year, struct legal_days *s)
{
  struct legal_year a;
  struct lunar_date hung = {.year = year, .month = 3, .day = 10};
  cal_day hung_day;
  if (legal_year_assume(year, &a) != 0 ||
      lunar_to_solar(&hung, &hung_day) != 0)
    return -1;
  legal_days_push(s, legal_ymd(year, 1, 1));          /* Tết Dương lịch */
  for (cal_day d = a.tet_first; d <= a.tet_last; d++)  /* Tết Âm lịch */
    legal_days_push(s, d);
  legal_days_push(s, hung_day);                        /* Giỗ Tổ Hùng Vương */
  legal_days_push(s, legal_ymd(year, 4, 30));          /* Ngày Chiến thắng */
  legal_days_push(s, legal_ymd(year, 5, 1));           /* Quốc tế Lao động */
  for (cal_day d = a.national_first; d <= a.national_last; d++)
    legal_days_push(s, d);                             /* Quốc khánh */
  legal_days_sort(s);
  return 0;
}

/* The name of day d under the law of a computed year: one of the
 * holidays of Điều 112 (115), a make-up day for one of them, or 24/11;
 * NULL when it is none of these. */
static const char *legal_code_name(cal_day d, char *buf, size_t len)
{
  int year, m, dd;
  struct legal_year a;
  struct lunar_date hung = {.month = 3, .day = 10};
  cal_day hung_day;
  cal_to_ymd(d, &year, &m, &dd);
  hung.year = year;
  if (legal_year_assume(year, &a) != 0 ||
      lunar_to_solar(&hung, &hung_day) != 0)
    return NULL;
  if (d == legal_ymd(year, 1, 1))
    return "Tết Dương lịch";
  if (d >= a.tet_first && d <= a.tet_last)
    return "Tết Nguyên đán";
  if (d == hung_day)
    return "Giỗ Tổ Hùng Vương";
  if (d == legal_ymd(year, 4, 30))
    return "Ngày Chiến thắng";
  if (d == legal_ymd(year, 5, 1))
    return "Ngày Quốc tế Lao động";
  if (d >= a.national_first && d <= a.national_last)
    return "Quốc khánh";
  if (year >= LEGAL_CULTURE_DAY_FROM && d == legal_ymd(year, 11, 24))
    return "Ngày Văn hóa Việt Nam";
  /* a make-up day: the holiday on a weekend it stands for, replayed the
   * way legal_holidays_add assigns them */
  struct legal_days code = {.n = 0}, makeup = {.n = 0};
  if (legal_code_days(year, &code) != 0)
    return NULL;
  for (size_t i = 0; i < code.n; i++) {
    if (cal_weekday(code.v[i]) < 5)
      continue;
    cal_day x = code.v[i] + 1;
    while (cal_weekday(x) >= 5 || legal_days_has(&code, x) ||
           legal_days_has(&makeup, x))
      x++;
    legal_days_push(&makeup, x);
    if (x == d) {
      char inner[64];
      const char *of = legal_code_name(code.v[i], inner, sizeof inner);
      snprintf(buf, len, "Nghỉ bù %s", of ? of : "ngày lễ");
      return buf;
    }
  }
  return NULL;
}

int legal_day_reason(const struct cal_holidays *h, cal_day d, char *buf,
                     size_t len)
{
  static const char *const weekend[2] = {"thứ Bảy", "Chủ nhật"};
  int year, m, dd;
  if (cal_is_working_day(h, d))
    return -1;
  const char *name = cal_holidays_name(h, d);
  char made[96];
  cal_to_ymd(d, &year, &m, &dd);
  if (name == NULL && !cal_holidays_announced(h, year) && cal_is_holiday(h, d))
    name = legal_code_name(d, made, sizeof made);
  if (name == NULL && cal_weekday(d) >= 5)
    name = weekend[cal_weekday(d) - 5];
  snprintf(buf, len, "%s", name ? name : "ngày nghỉ");
  return 0;
}

int legal_holidays_add(struct cal_holidays *h, int year)
{
  struct legal_days code = {.n = 0}, makeup = {.n = 0};
  if (!legal_year_in_range(year) || legal_code_days(year, &code) != 0)
    return 1;
  for (size_t i = 0; i < code.n; i++) {
    if (cal_weekday(code.v[i]) < 5)
      continue;
    cal_day d = code.v[i] + 1;
    while (cal_weekday(d) >= 5 || legal_days_has(&code, d) ||
           legal_days_has(&makeup, d))
      d++;
    legal_days_push(&makeup, d);
  }
  for (size_t i = 0; i < code.n; i++)
    if (cal_holidays_add_off(h, code.v[i]) != 0)
      return -1;
  for (size_t i = 0; i < makeup.n; i++)
    if (cal_holidays_add_off(h, makeup.v[i]) != 0)
      return -1;
  if (year >= LEGAL_CULTURE_DAY_FROM &&
      cal_holidays_add_off(h, legal_ymd(year, 11, 24)) != 0)
    return -1;                                 /* Ngày Văn hóa Việt Nam */
  return 0;
}

int legal_holidays_fill(struct cal_holidays *h, int first_year,
                        int last_year)
{
  for (int y = first_year; y <= last_year; y++)
    if (!cal_holidays_announced(h, y) && legal_holidays_add(h, y) < 0)
      return -1;
  cal_holidays_finish(h);
  return 0;
}

void legal_year_note(int year, char *buf, size_t len)
{
  struct legal_year a;
  if (legal_year_assume(year, &a) != 0) {
    snprintf(buf, len, "%d has no announced civil-service schedule in the "
             "rules, and dondoc computes public holidays only for %d–%d: "
             "only weekends count as days off that year", year,
             LEGAL_FIRST_YEAR, LEGAL_LAST_YEAR);
    return;
  }
  char tet[CAL_DATE_LEN], tet_end[CAL_DATE_LEN], nat[CAL_DATE_LEN],
       nat_end[CAL_DATE_LEN], national[40];
  cal_format(a.tet_first, tet);
  cal_format(a.tet_last, tet_end);
  cal_format(a.national_first, nat);
  cal_format(a.national_last, nat_end);
  if (a.national_first == a.national_last)
    snprintf(national, sizeof national, "%s", nat);
  else
    snprintf(national, sizeof national, "%s..%s", nat, nat_end + 5);
  snprintf(buf, len, "%d has no announced civil-service schedule in the "
           "rules; its holidays are computed from %s, assuming Tết %s..%s "
           "and Quốc khánh %s, make-up days for those on a weekend and no "
           "swapped Saturday: check deadlines near them against the "
           "notice, and declare it in rules/law once it is out", year,
           legal_basis(year), tet, tet_end + 5, national);
}

size_t legal_unannounced_years(const struct cal_holidays *h, cal_day from,
                               cal_day to, int *years, size_t n, size_t max)
{
  int y0, y1, m, d;
  cal_to_ymd(from, &y0, &m, &d);
  cal_to_ymd(to, &y1, &m, &d);
  for (int y = y0; y <= y1; y++) {
    if (cal_holidays_announced(h, y))
      continue;
    size_t i = 0;
    while (i < n && years[i] < y)
      i++;
    if ((i < n && years[i] == y) || n == max)
      continue;
    for (size_t k = n; k > i; k--)
      years[k] = years[k - 1];
    years[i] = y;
    n++;
  }
  return n;
}
