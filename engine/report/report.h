/*
 * report.h — the secretariat's status report of one jurisdiction at `now`.
 *
 * report_build() gathers what the Committee is shown (docs/report.md): per
 * agency, the reports it owes in check's window with their status and its
 * on-time rate; per indicator, every known value, the latest one, its
 * targets with the national target beside the local one, its status,
 * expected value and projection; the running campaigns; and the rows of
 * the appendix-01 table ("Kết quả thực hiện các mục tiêu, chỉ tiêu") for
 * the year of `now`. The writers turn that into one format each:
 * html.c (with svg.c's charts), json.c, csv.c and xlsx.c.
 *
 * Nothing here prints: errors come back as text for cli/ (or run.c) to
 * show.
 */
#ifndef DONDOC_REPORT_H
#define DONDOC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "evaluate.h"
#include "model.h"
#include "store.h"

/* One known value of an indicator, at its place on the time axis
 * (cal_period_axis: the year 2024 is 2024.0). */
struct report_point {
  struct cal_period period;
  double x, y;
};

/* An agency and the reports it owes in the window, by due date. The rate
 * counts the reports whose fate is known: on time, late, or overdue (still
 * missing after the due day); upcoming, due soon, exempt, unassigned and
 * awaiting a date are listed but not counted. */
struct report_agency {
  const struct agency *agency;
  const struct finding **items; size_t n_items;   /* owned array */
  size_t on_time, late, overdue, due_soon;
};

/* A target year with the local value and, when the jurisdiction set its
 * own, the inherited (national) one for the same year. */
struct report_target {
  int year;
  double value;
  bool year_from_plan;
  bool has_parent;
  double parent;
};

struct report_indicator {
  const struct indicator *ind;
  const struct finding *status;      /* check's finding; NULL when none
                                        (no value due since monitoring
                                        began) */
  const struct agency *lead;         /* who holds `lead` at now, or NULL */
  const struct report_point *series; size_t n_series;   /* by time */
  struct report_target *targets; size_t n_targets;      /* owned, by year */
  int goal_year;                     /* the target the status is measured
                                        against (the next one at now) */
  double goal_value;
};

/* One line of the appendix-01 table: a goal, an indicator, the row that
 * names the parts of one (2a, 2b), or a count a ratio is computed from. */
enum report_row_level { ROW_GOAL, ROW_INDICATOR, ROW_COUNT, ROW_GROUP };

struct report_row {
  enum report_row_level level;
  char tt[24];                       /* "II", "2", "2.1" */
  char *title;                       /* owned */
  const struct indicator *ind;       /* NULL for a goal or a group */
  bool has_value;                    /* a value for the report's year */
  double value;
  char period[CAL_PERIOD_ID_LEN];    /* the period that value is for */
  bool has_earlier;                  /* the latest value before that year */
  double earlier;
  char earlier_period[CAL_PERIOD_ID_LEN];
};

struct report {
  const struct jurisdiction *j;
  cal_day now;
  int year;                          /* the appendix's year: now's */
  struct findings findings;          /* everything check --all sees */
  const struct finding **campaigns; size_t n_campaigns;
  struct report_agency *agencies; size_t n_agencies;
  struct report_indicator *indicators; size_t n_indicators;
  struct report_row *rows; size_t n_rows;
  size_t counts[FIND_N_KINDS];       /* of what the report shows */
  /* every indicator's known values, in j->indicators' order (ratios
   * computed from their counts) */
  struct report_point **values; size_t *n_values;
};

/* Build the report of j at now from the store. Returns 0, or
 * EVAL_ERR_STORE (database error, out of memory) or EVAL_ERR_RULES (rules
 * that cannot be evaluated) with a message in err. On success *r is
 * filled and owns what it holds; report_release frees it. j must outlive
 * the report; s is only read during the call. */
int report_build(const struct jurisdiction *j, struct store *s, cal_day now,
                 struct report *r, char *err, size_t errlen);
void report_release(struct report *r);

/* The rows of the appendix table for r (appendix.c; report_build calls
 * it). Returns 0 or -1 (out of memory). */
int report_rows_build(struct report *r);

/* ---- the words the formats share (words.c) ------------------------ */

/* On-time rate as a share 0–1; false when no report counts yet. */
bool report_rate(const struct report_agency *a, double *rate);
/* "Theo năm", "Theo năm học", "6 tháng", "Theo quý", "Theo tháng". */
const char *report_cadence_label(enum cal_period_kind k);
/* A value as people read it: "47,5" (Vietnamese decimal comma, at most 2
 * decimals), "có"/"không" for yes/no indicators. */
void report_number(const struct indicator *ind, double v, char *buf,
                   size_t len);
/* The same with its unit: "47,5%", "1,7 lần", "có". */
void report_value(const struct indicator *ind, double v, char *buf,
                  size_t len);
/* A target as the plans word it: "ít nhất 60%", "không quá 20%",
 * "trên 90%", "dưới 5%", "có". */
void report_target_words(const struct indicator *ind, double v, char *buf,
                         size_t len);
/* The unit column: the rules' unit, "có/không" for yes/no. */
const char *report_unit(const struct indicator *ind);
/* How the formats colour a status: "good", "warn", "bad", "none" (no data,
 * unassigned) or "info" (upcoming, exempt, campaigns). */
const char *report_tone(enum finding_kind k);
/* The lead agency's name, or "—". */
const char *report_lead_name(const struct report_indicator *ri);

/* ---- the formats ---------------------------------------------------- */

/* Each writes r to out and returns 0, or -1 when writing (or encoding)
 * failed; nothing is printed elsewhere. */
int report_html(const struct report *r, FILE *out);
int report_json(const struct report *r, FILE *out);
/* The appendix table only: a header row, then one row per table line;
 * UTF-8 with a byte-order mark (so Excel reads the Vietnamese), CRLF. */
int report_csv(const struct report *r, FILE *out);
/* An .xlsx workbook at `path` (libxlsxwriter writes it whole): the
 * appendix table, the agencies' reports, the indicators. Returns 0 or -1
 * with a message in err. */
int report_xlsx(const struct report *r, const char *path, char *err,
                size_t errlen);

/* One SVG chart of an indicator (svg.c), for the HTML page: the
 * observations, the path from the start to each target, the target
 * markers (national ones apart) and the projection to the target year. */
void report_svg_chart(const struct report *r,
                      const struct report_indicator *ri, FILE *out);

/* Text written into HTML or SVG, escaped (& < > " '). */
void report_html_text(FILE *out, const char *s);

/* The column headers of the appendix table (csv.c, xlsx.c, html.c);
 * `result` is "Kết quả năm YYYY". */
#define REPORT_N_COLUMNS 6
void report_column_titles(const struct report *r,
                          const char *titles[REPORT_N_COLUMNS],
                          char result[32]);
/* The text of a row's cells: tt, title, result, unit, lead, period. */
void report_row_cells(const struct report *r, const struct report_row *row,
                      const char *cells[REPORT_N_COLUMNS], char value[64]);

#endif
