/*
 * calendar.h — civil dates, reporting periods, holidays and working days.
 *
 * Every date in dondoc is a `cal_day`: the number of days since 1970-01-01
 * in the proleptic Gregorian calendar, in the configured local zone
 * (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). Working with plain day
 * numbers keeps arithmetic exact and free of struct tm and time zones; only
 * cal_today() ever looks at the clock, and the CLI is its only caller.
 *
 * Periods are the units that reports and indicator values refer to: a
 * month, quarter, half-year, calendar year, school year (September to
 * August) or a named window such as the Action Month (15/11–15/12). Each
 * period has a stable text id ("2024-09", "2024-Q3", "2024-H1", "2024",
 * "2024-2025", "2024" for a window of 2024) used in the database and on the
 * command line.
 */
#ifndef DONDOC_CALENDAR_H
#define DONDOC_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t cal_day;            /* days since 1970-01-01 */

#define CAL_DATE_LEN 11             /* "YYYY-MM-DD" + NUL */
#define CAL_PERIOD_ID_LEN 16        /* longest id "2024-2025" + NUL, rounded */

/* Build a day from year, month (1-12), day (1-31). Returns 0, or -1 when the
 * date does not exist (31/02, 2023-02-29, month 13); *out is then untouched. */
int cal_from_ymd(int year, int month, int day, cal_day *out);
void cal_to_ymd(cal_day d, int *year, int *month, int *day);

/* Parse "YYYY-MM-DD" exactly (no trailing text). Returns 0 or -1. */
int cal_parse_date(const char *s, cal_day *out);
/* Parse "MM-DD" (a month and day without a year). Returns 0 or -1; the pair
 * must exist in a leap year (so "02-29" is accepted, "02-30" is not). */
int cal_parse_month_day(const char *s, int *month, int *day);
/* Parse "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; *minute gets minutes past
 * midnight (0 for a bare date). Returns 0 or -1. */
int cal_parse_moment(const char *s, cal_day *day, int *minute);

void cal_format(cal_day d, char buf[CAL_DATE_LEN]);     /* YYYY-MM-DD */
void cal_format_vn(cal_day d, char buf[CAL_DATE_LEN]);  /* dd/mm/yyyy */

int cal_weekday(cal_day d);          /* 0 = Monday … 6 = Sunday */
bool cal_is_leap_year(int year);
int cal_days_in_month(int year, int month);

/* Today and the minute of the day in a zone `utc_offset_minutes` east of UTC. */
void cal_today(int utc_offset_minutes, cal_day *day, int *minute);

/* ---- holidays and working days -------------------------------------- */

/* Days from..to that the rules name (a holiday's name). */
struct cal_holiday_name { cal_day from, to; char *name; };

/* A set of days off (public holidays, Tết) and of make-up working days
 * (Saturdays worked in exchange for a bridge day). Weekends are Saturday and
 * Sunday unless listed as make-up working days. The struct is owned by the
 * caller; cal_holidays_release frees what it holds.
 *
 * `announced` lists the years whose days are an announced civil-service
 * schedule (the yearly notice) rather than computed from the law; the
 * other years' statutory days are computed (legal_calendar.h), and a
 * deadline in one of them is only as sure as that computation. */
struct cal_holidays {
  cal_day *off;      size_t n_off,  cap_off;    /* sorted after _finish */
  cal_day *work;     size_t n_work, cap_work;
  int first_year, last_year;   /* years covered by the data; 0 when empty */
  int *announced;    size_t n_announced, cap_announced;   /* sorted */
  /* The names the rules give days off ("Tết Nguyên đán"), in the order
   * declared; each name is owned here. Computed years have none: see
   * legal_day_reason (legal_calendar.h). */
  struct cal_holiday_name *names; size_t n_names, cap_names;
};

void cal_holidays_init(struct cal_holidays *h);
void cal_holidays_release(struct cal_holidays *h);
/* Returns 0, or -1 when out of memory. */
int cal_holidays_add_off(struct cal_holidays *h, cal_day d);
int cal_holidays_add_work(struct cal_holidays *h, cal_day d);
/* Sort and deduplicate; call once after the last add and before queries. */
void cal_holidays_finish(struct cal_holidays *h);

/* Mark `year` as holding an announced schedule. Returns 0, or -1 when out
 * of memory. */
int cal_holidays_set_announced(struct cal_holidays *h, int year);
bool cal_holidays_announced(const struct cal_holidays *h, int year);
/* Name the days from..to (a copy of `name` is kept), so a shifted
 * deadline can say which holiday moved it. Returns 0, or -1 when out of
 * memory. */
int cal_holidays_add_name(struct cal_holidays *h, cal_day from, cal_day to,
                          const char *name);
/* The first name given to day d, or NULL. Valid while h is. */
const char *cal_holidays_name(const struct cal_holidays *h, cal_day d);
/* The weekdays of calendar year `year` that are not working days: what
 * the holidays cost a count of working days. */
size_t cal_holidays_weekdays_off(const struct cal_holidays *h, int year);

bool cal_is_holiday(const struct cal_holidays *h, cal_day d);
bool cal_is_working_day(const struct cal_holidays *h, cal_day d);
/* d itself when it is a working day, else the next one. */
cal_day cal_next_working_day(const struct cal_holidays *h, cal_day d);
cal_day cal_previous_working_day(const struct cal_holidays *h, cal_day d);
/* Move n working days forward (n > 0) or back (n < 0); n == 0 gives d. */
cal_day cal_add_working_days(const struct cal_holidays *h, cal_day d, int n);
/* Working days in (from, to]: after `from`, up to and including `to`. */
int cal_working_days_between(const struct cal_holidays *h, cal_day from,
                             cal_day to);

/* ---- periods --------------------------------------------------------- */

enum cal_period_kind {
  CAL_ONCE,          /* a single dated occurrence; id is the year */
  CAL_MONTH,         /* index 1-12, id "2024-09" */
  CAL_QUARTER,       /* index 1-4,  id "2024-Q3" */
  CAL_HALF,          /* index 1-2,  id "2024-H1" */
  CAL_YEAR,          /* index 0,    id "2024" */
  CAL_SCHOOL_YEAR,   /* September `year` to August `year+1`, id "2024-2025" */
  CAL_WINDOW         /* a named window, id "2024"; bounds from the window */
};

struct cal_period {
  enum cal_period_kind kind;
  int year;          /* the year the period starts in */
  int index;         /* month, quarter or half; 0 otherwise */
  cal_day start, end;    /* first and last day, inclusive */
  char id[CAL_PERIOD_ID_LEN];
};

/* "month", "quarter", "half", "year", "school_year", "window", "once".
 * Returns 0 or -1 for an unknown name. */
int cal_period_kind_parse(const char *name, enum cal_period_kind *out);
const char *cal_period_kind_name(enum cal_period_kind k);

/* Build the period of `kind` starting in `year` with `index`. For CAL_WINDOW
 * the bounds are month/day pairs (from_m/from_d … to_m/to_d; a window that
 * ends before it starts runs into the next year); other kinds ignore them.
 * Returns 0, or -1 when index is out of range for the kind. */
int cal_period_make(enum cal_period_kind kind, int year, int index,
                    struct cal_period *out);
int cal_window_make(int year, int from_m, int from_d, int to_m, int to_d,
                    struct cal_period *out);

/* Parse a period id of the given kind ("2024-Q3" for CAL_QUARTER …).
 * Windows and once-periods take a plain year. Returns 0 or -1. */
int cal_period_parse(enum cal_period_kind kind, const char *id,
                     struct cal_period *out);

/* The period of `kind` that contains day d (not for CAL_WINDOW/CAL_ONCE). */
void cal_period_containing(enum cal_period_kind kind, cal_day d,
                           struct cal_period *out);
/* The period right after / before p (same kind; windows move by a year). */
void cal_period_next(const struct cal_period *p, struct cal_period *out);
void cal_period_prev(const struct cal_period *p, struct cal_period *out);

/* Where a period sits on the indicator time axis, on which year Y stands
 * for the end of year Y (as targets "60% by 2025" and baselines "42% in
 * 2020" are read): the year 2024 → 2024.0, 2024-H1 → about 2023.5,
 * 2024-Q3 → about 2023.75. Computed as cal_day_to_year(end + 1) - 1. */
double cal_period_axis(const struct cal_period *p);
/* A day as a fractional year: 1 January 2024 → 2024.0, 2 July 2024 → 2024.5. */
double cal_day_to_year(cal_day d);

#endif
