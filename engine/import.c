/*
 * import.c — reading an imported file into checked facts (import.h:
 * import_read); import_apply.c compares them with the store and writes.
 *
 * Column names are matched after NFC and case folding, with runs of
 * spaces (and '_') as one space and a trailing "(…)", ':' or '*' dropped,
 * so "Giá trị (%)", "GIÁ TRỊ" and "giá  trị" are one column. Columns
 * dondoc does not read are ignored with a warning, except those kept for
 * people (a title, the unit of measure, the row number), which are
 * ignored silently.
 */
#define _GNU_SOURCE            /* qsort_r: the sort's order needs the facts */
#include "import.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "import_csv.h"
#include "record.h"

/* ---- problems --------------------------------------------------------- */

static int add_problem(struct import_problem **list, size_t *n,
                       size_t *dropped, const struct import_options *o,
                       size_t row, const char *fmt, va_list ap)
{
  char reason[768], full[1024];
  if (*n >= IMPORT_MAX_PROBLEMS) {
    ++*dropped;
    return 0;
  }
  vsnprintf(reason, sizeof reason, fmt, ap);
  if (row)
    snprintf(full, sizeof full, "%s:%zu: %s", o->path, row, reason);
  else
    snprintf(full, sizeof full, "%s: %s", o->path, reason);
  struct import_problem *nl = realloc(*list, (*n + 1) * sizeof *nl);
  if (nl == NULL)
    return -1;
  *list = nl;
  if ((nl[*n].message = strdup(full)) == NULL)
    return -1;
  nl[(*n)++].row = row;
  return 0;
}

int import_error(struct import_plan *plan, const struct import_options *o,
                 size_t row, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int rc = add_problem(&plan->errors, &plan->n_errors,
                       &plan->n_errors_dropped, o, row, fmt, ap);
  va_end(ap);
  return rc;
}

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static int import_add_warning(struct import_plan *plan,
                              const struct import_options *o, size_t row,
                              size_t *dropped, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int rc = add_problem(&plan->warnings, &plan->n_warnings, dropped, o, row,
                       fmt, ap);
  va_end(ap);
  return rc;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static int import_warning(struct import_plan *plan,
                          const struct import_options *o, size_t row,
                          const char *fmt, ...)
{
  size_t dropped = 0;
  char reason[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(reason, sizeof reason, fmt, ap);
  va_end(ap);
  return import_add_warning(plan, o, row, &dropped, "warning: %s", reason);
}

void import_plan_release(struct import_plan *plan)
{
  import_strings_release(&plan->strings);
  free(plan->facts);
  free(plan->sorted);
  for (size_t i = 0; i < plan->n_errors; i++)
    free(plan->errors[i].message);
  free(plan->errors);
  for (size_t i = 0; i < plan->n_warnings; i++)
    free(plan->warnings[i].message);
  free(plan->warnings);
  memset(plan, 0, sizeof *plan);
}

/* ---- the header ------------------------------------------------------- */

enum column { COL_INDICATOR, COL_PERIOD, COL_VALUE, COL_NUMERATOR,
              COL_DENOMINATOR, COL_WHO, COL_SOURCE, COL_JURISDICTION,
              COL_OBLIGATION, COL_RECEIVED, COL_NOTE, N_COLS, COL_INFO };

static const char *const column_name[N_COLS] = {
  "indicator", "period", "value", "numerator", "denominator",
  "unit/agency", "source", "jurisdiction", "obligation", "received", "note",
};

/* Header names, as header_key leaves them (NFC, case-folded). */
static const struct { const char *name; enum column col; } aliases[] = {
  {"indicator", COL_INDICATOR}, {"chỉ tiêu", COL_INDICATOR},
  {"mã chỉ tiêu", COL_INDICATOR},
  {"period", COL_PERIOD}, {"kỳ", COL_PERIOD}, {"kỳ báo cáo", COL_PERIOD},
  {"năm", COL_PERIOD},
  {"value", COL_VALUE}, {"giá trị", COL_VALUE}, {"kết quả", COL_VALUE},
  {"số liệu", COL_VALUE},
  {"numerator", COL_NUMERATOR}, {"tử số", COL_NUMERATOR},
  {"denominator", COL_DENOMINATOR}, {"mẫu số", COL_DENOMINATOR},
  {"unit", COL_WHO}, {"agency", COL_WHO}, {"đơn vị", COL_WHO},
  {"cơ quan", COL_WHO}, {"địa bàn", COL_WHO}, {"đơn vị báo cáo", COL_WHO},
  {"đơn vị gửi", COL_WHO}, {"cơ quan gửi", COL_WHO},
  {"source", COL_SOURCE}, {"nguồn", COL_SOURCE},
  {"nguồn số liệu", COL_SOURCE},
  {"jurisdiction", COL_JURISDICTION}, {"tỉnh", COL_JURISDICTION},
  {"obligation", COL_OBLIGATION}, {"report", COL_OBLIGATION},
  {"báo cáo", COL_OBLIGATION}, {"mã báo cáo", COL_OBLIGATION},
  {"received", COL_RECEIVED}, {"received on", COL_RECEIVED},
  {"ngày nhận", COL_RECEIVED}, {"ngày nhận báo cáo", COL_RECEIVED},
  {"note", COL_NOTE}, {"ghi chú", COL_NOTE},
  /* kept in the sheet for people; not read */
  {"title", COL_INFO}, {"name", COL_INFO}, {"tên", COL_INFO},
  {"tên chỉ tiêu", COL_INFO}, {"tên báo cáo", COL_INFO},
  {"tên cơ quan", COL_INFO}, {"tên đơn vị", COL_INFO},
  {"mục tiêu, chỉ tiêu", COL_INFO}, {"tt", COL_INFO}, {"stt", COL_INFO},
  {"đơn vị tính", COL_INFO}, {"measure", COL_INFO},
};

/* The columns each kind of file reads. */
static bool column_used(enum import_kind kind, enum column c)
{
  if (c == COL_WHO || c == COL_PERIOD || c == COL_JURISDICTION)
    return true;
  if (kind == IMPORT_OBSERVATIONS)
    return c == COL_INDICATOR || c == COL_VALUE || c == COL_NUMERATOR ||
           c == COL_DENOMINATOR || c == COL_SOURCE;
  return c == COL_OBLIGATION || c == COL_RECEIVED || c == COL_NOTE;
}

/* A header cell as it is matched: NFC, case-folded, spaces collapsed, a
 * trailing "(…)", ':', '*' or '.' dropped. malloc'd; NULL when out of
 * memory. */
static char *header_key(const char *cell)
{
  utf8proc_uint8_t *folded = NULL;
  if (utf8proc_map((const utf8proc_uint8_t *)cell, 0, &folded,
                   UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                   UTF8PROC_CASEFOLD) < 0)
    return NULL;
  char *s = (char *)folded;
  size_t w = 0;
  bool space = false;
  for (size_t r = 0; s[r]; r++) {
    if (s[r] == ' ' || s[r] == '\t' || s[r] == '_') {
      space = w > 0;
      continue;
    }
    if (space)
      s[w++] = ' ';
    space = false;
    s[w++] = s[r];
  }
  s[w] = '\0';
  char *open = strrchr(s, '(');
  if (w > 0 && s[w - 1] == ')' && open != NULL && open != s) {
    *open = '\0';
    w = (size_t)(open - s);
  }
  while (w > 0 && strchr(" :*.", s[w - 1]))
    s[--w] = '\0';
  return s;
}

struct header {
  int at[N_COLS];               /* cell index of each column, or -1 */
  size_t line;                 /* the header's line */
};

/* Map the header row's cells to columns and tell the kind of file.
 * Returns 0, 1 when the header is unusable (an error was added), -1 when
 * out of memory. */
static int read_header(struct import_plan *plan, const struct import_options *o,
                       const struct import_row *h, struct header *hd)
{
  for (int c = 0; c < N_COLS; c++)
    hd->at[c] = -1;
  hd->line = h->line;
  int bad = 0;
  for (size_t i = 0; i < h->n_cells && bad == 0; i++) {
    char *key = header_key(h->cells[i]);
    if (key == NULL)
      return -1;
    size_t k = 0;
    while (k < sizeof aliases / sizeof *aliases &&
           strcmp(aliases[k].name, key) != 0)
      k++;
    free(key);
    if (h->cells[i][0] == '\0')
      continue;                /* an unnamed column */
    if (k == sizeof aliases / sizeof *aliases) {
      if (import_warning(plan, o, h->line, "column %zu ('%s') is not one "
                         "dondoc reads; ignored", i + 1, h->cells[i]) != 0)
        return -1;
      continue;
    }
    enum column c = aliases[k].col;
    if (c == COL_INFO)
      continue;
    if (hd->at[c] >= 0) {
      bad = 1;
      if (import_error(plan, o, h->line, "columns %d ('%s') and %zu ('%s') "
                       "are both the %s", hd->at[c] + 1,
                       h->cells[hd->at[c]], i + 1, h->cells[i],
                       column_name[c]) != 0)
        return -1;
    }
    hd->at[c] = (int)i;
  }
  if (bad)
    return 1;
  bool ind = hd->at[COL_INDICATOR] >= 0, obl = hd->at[COL_OBLIGATION] >= 0;
  const char *missing = NULL;
  if (ind == obl) {
    if (import_error(plan, o, h->line, "%s", ind
                     ? "the header has both an indicator and an obligation "
                       "column: a file holds indicator values or received "
                       "reports, not both"
                     : "the first row must name the columns: indicator, "
                       "period, value (or numerator and denominator) for "
                       "indicator values; agency, obligation, period, "
                       "received for received reports (docs/import.md)") != 0)
      return -1;
    return 1;
  }
  plan->kind = ind ? IMPORT_OBSERVATIONS : IMPORT_SUBMISSIONS;
  if (hd->at[COL_PERIOD] < 0)
    missing = "period";
  else if (ind && hd->at[COL_VALUE] < 0 && hd->at[COL_NUMERATOR] < 0 &&
           hd->at[COL_DENOMINATOR] < 0)
    missing = "value (or numerator and denominator)";
  else if (ind && (hd->at[COL_NUMERATOR] < 0) != (hd->at[COL_DENOMINATOR] < 0))
    missing = hd->at[COL_NUMERATOR] < 0 ? "numerator" : "denominator";
  else if (!ind && hd->at[COL_WHO] < 0)
    missing = "agency";
  else if (!ind && hd->at[COL_RECEIVED] < 0)
    missing = "received";
  if (missing) {
    if (import_error(plan, o, h->line, "no %s column", missing) != 0)
      return -1;
    return 1;
  }
  for (int c = 0; c < N_COLS; c++)
    if (hd->at[c] >= 0 && !column_used(plan->kind, (enum column)c)) {
      if (import_warning(plan, o, h->line, "column %d ('%s') is not read "
                         "in a file of %s; ignored", hd->at[c] + 1,
                         h->cells[hd->at[c]], ind ? "indicator values"
                         : "received reports") != 0)
        return -1;
      hd->at[c] = -1;
    }
  return 0;
}

static const char *cell(const struct import_row *r, const struct header *hd,
                        enum column c)
{
  int i = hd->at[c];
  return i >= 0 && (size_t)i < r->n_cells ? r->cells[i] : "";
}

/* ---- values ----------------------------------------------------------- */

/* A number as written in a cell: record_parse_value's, and, for a
 * percentage, a trailing "%" (Excel writes "47,5%" from a cell formatted
 * as a percentage). *decimals gets the digits after the decimal mark. */
static int parse_number(const char *text, bool percent, double *v,
                        int *decimals)
{
  char buf[64];
  size_t n = strlen(text);
  if (n >= sizeof buf)
    return -1;
  memcpy(buf, text, n + 1);
  if (percent && n > 0 && buf[n - 1] == '%') {
    buf[--n] = '\0';
    while (n > 0 && buf[n - 1] == ' ')
      buf[--n] = '\0';
  }
  if (record_parse_value(buf, v) != 0)
    return -1;
  const char *mark = strpbrk(buf, ".,");
  *decimals = 0;
  for (const char *p = mark ? mark + 1 : ""; *p >= '0' && *p <= '9'; p++)
    ++*decimals;
  return 0;
}

/* A number in a message, all its digits, as C writes it. */
static const char *num(double v, char buf[32])
{
  snprintf(buf, 32, "%.15g", v);
  return buf;
}

/* A receipt date: YYYY-MM-DD, or D/M/YYYY as Vietnam writes it ('/', '-'
 * or '.' between), optionally followed by a time of day, which is
 * dropped. Returns 0, -1, or -2 for a year of two digits. */
static int parse_day(const char *s, cal_day *out)
{
  char date[32];
  size_t n = strcspn(s, " T");
  if (n >= sizeof date)
    return -1;
  memcpy(date, s, n);
  date[n] = '\0';
  if (s[n] != '\0') {          /* " 08:30" or " 08:30:00" */
    int hh, mm, used = 0;
    if (sscanf(s + n + 1, "%2d:%2d%n", &hh, &mm, &used) != 2 ||
        (s[n + 1 + used] != '\0' && s[n + 1 + used] != ':'))
      return -1;
  }
  if (cal_parse_date(date, out) == 0)
    return 0;
  int part[3] = {0, 0, 0}, digits[3] = {0, 0, 0};
  size_t k = 0;
  char sep = 0;
  for (const char *p = date; *p; p++) {
    if (*p >= '0' && *p <= '9') {
      part[k] = part[k] * 10 + (*p - '0');
      if (++digits[k] > 4)
        return -1;
    } else if (strchr("/-.", *p) && k < 2 && digits[k] > 0 &&
               (sep == 0 || *p == sep)) {
      sep = *p;
      k++;
    } else {
      return -1;
    }
  }
  if (k != 2 || digits[0] > 2 || digits[1] > 2)
    return -1;
  if (digits[2] != 4)
    return digits[2] == 2 ? -2 : -1;
  return cal_from_ymd(part[2], part[1], part[0], out);
}

/* ---- rows --------------------------------------------------------------- */

/* The jurisdiction of a row that names item `id` (an indicator or an
 * obligation): the one the row or --jurisdiction names, else the one
 * monitored jurisdiction declaring it. NULL with the reason in msg. */
static const struct jurisdiction *row_jurisdiction(
    const struct ruleset *rs, const char *named, const char *id,
    bool indicator, char *msg, size_t len)
{
  const char *what = indicator ? "indicator" : "obligation";
  if (named && named[0]) {
    const struct jurisdiction *j = rules_find(rs, named);
    if (j == NULL || j->is_template) {
      snprintf(msg, len, "%s '%s' is not a monitored jurisdiction",
               j ? "the template" : "jurisdiction", named);
      return NULL;
    }
    if (!(indicator ? model_indicator(j, id) != NULL
                    : model_obligation(j, id) != NULL)) {
      snprintf(msg, len, "unknown %s '%s' in %s", what, id, j->id);
      return NULL;
    }
    return j;
  }
  const struct jurisdiction *found = NULL;
  for (size_t i = 0; i < rs->n; i++) {
    const struct jurisdiction *j = &rs->jurisdictions[i];
    if (j->is_template || !(indicator ? model_indicator(j, id) != NULL
                                      : model_obligation(j, id) != NULL))
      continue;
    if (found) {
      snprintf(msg, len, "%s '%s' exists in %s and %s: add a jurisdiction "
               "column or give --jurisdiction", what, id, found->id, j->id);
      return NULL;
    }
    found = j;
  }
  if (found == NULL)
    snprintf(msg, len, "unknown %s '%s'", what, id);
  return found;
}

static const char *period_example(enum cal_period_kind k)
{
  switch (k) {
  case CAL_MONTH: return "2024-09";
  case CAL_QUARTER: return "2024-Q3";
  case CAL_HALF: return "2024-H1";
  case CAL_SCHOOL_YEAR: return "2024-2025";
  default: return "2024";
  }
}

static struct import_fact *new_fact(struct import_plan *plan, size_t row,
                                    const struct jurisdiction *j)
{
  /* room doubles whenever the count reaches a power of two: the array
   * is moved log n times, not once per row */
  size_t n = plan->n_facts;
  if (n == 0 || (n >= 16 && (n & (n - 1)) == 0)) {
    struct import_fact *grown = realloc(plan->facts,
                                        (n ? 2 * n : 16) * sizeof *grown);
    if (grown == NULL)
      return NULL;
    plan->facts = grown;
  }
  struct import_fact *nf = plan->facts;
  struct import_fact *f = &nf[plan->n_facts++];
  memset(f, 0, sizeof *f);
  f->row = (uint32_t)row;    /* a file of 32 MiB has fewer lines */
  f->j = j;
  return f;
}

/* What one row of a file is read with. */
struct row_ctx {
  struct import_plan *plan;
  const struct import_options *o;
  const struct ruleset *rules;
  const struct header *hd;
  const struct import_row *r;
  const char *default_source;
  char msg[512];
};

/* Record a bad row: 1, or -1 when out of memory. */
static int bad_row(struct row_ctx *x, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
static int bad_row(struct row_ctx *x, const char *fmt, ...)
{
  char reason[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(reason, sizeof reason, fmt, ap);
  va_end(ap);
  return import_error(x->plan, x->o, x->r->line, "%s", reason) ? -1 : 1;
}

/* The period of a row for series ind: its cadence's id. */
static int row_period(struct row_ctx *x, const struct indicator *ind,
                      const char *text, struct cal_period *p)
{
  if (cal_period_parse(ind->cadence, text, p) == 0)
    return 0;
  return bad_row(x, "period '%s' does not fit %s, a %s indicator (e.g. %s)",
                 text, ind->id, cal_period_kind_name(ind->cadence),
                 period_example(ind->cadence));
}

/* One value of series ind from column c: parsed and checked. */
static int row_value(struct row_ctx *x, const struct indicator *ind,
                     enum column c, double *v, int *decimals)
{
  const char *text = cell(x->r, x->hd, c);
  bool percent = strcmp(ind->unit, "%") == 0;
  if (text[0] == '\0')
    return bad_row(x, "no %s", column_name[c]);
  if (parse_number(text, percent, v, decimals) != 0) {
    size_t n = strlen(text);
    if (!percent && n > 0 && text[n - 1] == '%')
      return bad_row(x, "%s '%s' has a %% sign, but %s counts %s",
                     column_name[c], text, ind->id,
                     ind->unit[0] ? ind->unit : "no percentage");
    return bad_row(x, "%s '%s' " RECORD_VALUE_HINT, column_name[c], text);
  }
  return 0;
}

static int push_observation(struct row_ctx *x, const struct jurisdiction *j,
                            const struct indicator *ind, const char *unit,
                            const char *period, double v, const char *source)
{
  struct import_fact *f = new_fact(x->plan, x->r->line, j);
  if (f == NULL)
    return -1;
  f->is_observation = 1;
  f->ind = ind;
  f->value = v;
  f->period = import_intern(&x->plan->strings, period);
  f->unit = import_intern(&x->plan->strings, unit);
  f->source = import_intern(&x->plan->strings, source);
  return f->period && f->unit && f->source ? 0 : -1;
}

/* A rate row: numerator and denominator, recorded as the two series of
 * ratio(num, den); a value beside them must be what they give, as shown. */
static int read_rate(struct row_ctx *x, const struct jurisdiction *j,
                     const struct indicator *ind, const char *unit,
                     const char *period_text, const char *source)
{
  const struct indicator *nind = model_indicator(j, ind->num),
                         *dind = model_indicator(j, ind->den);
  const char *value = cell(x->r, x->hd, COL_VALUE);
  struct cal_period pn, pd;
  double n, d, v = 0;
  int rc, dn, dd, dv = 0;
  char a[32], b[32], c[32];
  if (cell(x->r, x->hd, COL_NUMERATOR)[0] == '\0' &&
      cell(x->r, x->hd, COL_DENOMINATOR)[0] == '\0')
    return bad_row(x, "%s is computed as %s × %s / %s: give its numerator "
                   "and denominator (tử số, mẫu số)%s", ind->id,
                   num(ind->scale, a), ind->num, ind->den,
                   value[0] ? ", not the value" : "");
  if ((rc = row_period(x, nind, period_text, &pn)) ||
      (rc = row_period(x, dind, period_text, &pd)) ||
      (rc = row_value(x, nind, COL_NUMERATOR, &n, &dn)) ||
      (rc = row_value(x, dind, COL_DENOMINATOR, &d, &dd)))
    return rc;
  if (record_check_value(nind, n, cell(x->r, x->hd, COL_NUMERATOR), x->msg,
                         sizeof x->msg) != 0 ||
      record_check_value(dind, d, cell(x->r, x->hd, COL_DENOMINATOR), x->msg,
                         sizeof x->msg) != 0)
    return bad_row(x, "%s", x->msg);
  if (value[0] && (rc = row_value(x, ind, COL_VALUE, &v, &dv)))
    return rc;
  if (d == 0 && n != 0)
    return bad_row(x, "denominator 0 with numerator %s: %s has no value",
                   num(n, a), ind->id);
  double computed = d != 0 ? ind->scale * n / d : 0;
  if (ind->checks.num_le_den && n > d)
    return bad_row(x, "numerator %s is above denominator %s (checks."
                   "num_le_den of %s)", num(n, a), num(d, b), ind->id);
  if (d != 0 && strcmp(ind->unit, "%") == 0 && computed > 100)
    return bad_row(x, "%s = %s × %s / %s = %.4g%% is over 100", ind->id,
                   num(ind->scale, a), num(n, b), num(d, c), computed);
  if (d != 0 && ind->checks.has_range &&
      (computed < ind->checks.range_lo || computed > ind->checks.range_hi))
    return bad_row(x, "%s = %.6g is outside its plausible range %s to %s "
                   "(checks.range)", ind->id, computed,
                   num(ind->checks.range_lo, a), num(ind->checks.range_hi, b));
  /* "47%" stands for anything from 46.5 to 47.5, "47,4" for 47.35–47.45 */
  if (value[0] && (d == 0 ||
                   fabs(v - computed) > 0.5 * pow(10, -dv) +
                                        1e-9 * fmax(1, fabs(computed))))
    return bad_row(x, "value %s does not match numerator and denominator: "
                   "%s × %s / %s = %.6g", value, num(ind->scale, a),
                   num(n, b), num(d, c), computed);
  if (push_observation(x, j, nind, unit, pn.id, n, source) != 0 ||
      push_observation(x, j, dind, unit, pd.id, d, source) != 0)
    return -1;
  return 0;
}

static int read_observation(struct row_ctx *x)
{
  const char *id = cell(x->r, x->hd, COL_INDICATOR);
  const char *named = cell(x->r, x->hd, COL_JURISDICTION);
  const char *unit = cell(x->r, x->hd, COL_WHO);
  const char *period = cell(x->r, x->hd, COL_PERIOD);
  const char *source = cell(x->r, x->hd, COL_SOURCE);
  if (id[0] == '\0')
    return bad_row(x, "no indicator");
  const struct jurisdiction *j = row_jurisdiction(
      x->rules, named[0] ? named : x->o->jurisdiction, id, true, x->msg,
      sizeof x->msg);
  if (j == NULL)
    return bad_row(x, "%s", x->msg);
  const struct indicator *ind = model_indicator(j, id);
  if (unit[0] == '\0')
    unit = j->id;
  else if (strcmp(unit, j->id) != 0 && model_agency(j, unit) == NULL)
    return bad_row(x, "unknown unit '%s': %s itself or one of its agencies",
                   unit, j->id);
  if (period[0] == '\0')
    return bad_row(x, "no period");
  if (source[0] == '\0')
    source = x->default_source;
  else if (record_check_text("source", source, IMPORT_SOURCE_MAX, x->msg,
                             sizeof x->msg) != 0)
    return bad_row(x, "%s", x->msg);
  struct cal_period p;
  int rc = row_period(x, ind, period, &p);
  if (rc)
    return rc;
  if (ind->is_ratio)
    return read_rate(x, j, ind, unit, period, source);
  if (cell(x->r, x->hd, COL_NUMERATOR)[0] ||
      cell(x->r, x->hd, COL_DENOMINATOR)[0])
    return bad_row(x, "%s is not a rate: give its value, without numerator "
                   "and denominator", ind->id);
  double v;
  int decimals;
  if ((rc = row_value(x, ind, COL_VALUE, &v, &decimals)))
    return rc;
  if (record_check_value(ind, v, cell(x->r, x->hd, COL_VALUE), x->msg,
                         sizeof x->msg) != 0)
    return bad_row(x, "%s", x->msg);
  return push_observation(x, j, ind, unit, p.id, v, source);
}

static int read_submission(struct row_ctx *x)
{
  const char *agency = cell(x->r, x->hd, COL_WHO);
  const char *id = cell(x->r, x->hd, COL_OBLIGATION);
  const char *named = cell(x->r, x->hd, COL_JURISDICTION);
  const char *period = cell(x->r, x->hd, COL_PERIOD);
  const char *received = cell(x->r, x->hd, COL_RECEIVED);
  const char *note = cell(x->r, x->hd, COL_NOTE);
  if (id[0] == '\0')
    return bad_row(x, "no obligation");
  const struct jurisdiction *j = row_jurisdiction(
      x->rules, named[0] ? named : x->o->jurisdiction, id, false, x->msg,
      sizeof x->msg);
  if (j == NULL)
    return bad_row(x, "%s", x->msg);
  const struct obligation *ob = model_obligation(j, id);
  if (agency[0] == '\0')
    return bad_row(x, "no agency");
  if (model_agency(j, agency) == NULL)
    return bad_row(x, "unknown agency '%s' in %s", agency, j->id);
  struct cal_period p;
  if (period[0] == '\0')
    return bad_row(x, "no period");
  if (record_obligation_period(ob, period, &p) != 0)
    return bad_row(x, "'%s' is not a period of %s (e.g. 2024, 2024-H1, "
                   "2024-Q3, 2024-09, 2024-2025)", period, ob->id);
  char who[512];
  if (!record_owed_by(j, ob, &p, agency, who, sizeof who))
    return bad_row(x, "%s does not owe %s for %s; %s%s", agency, ob->id, p.id,
                   who[0] ? "it is owed by: " : "nobody owes it for that "
                   "period", who);
  cal_day on;
  if (received[0] == '\0')
    return bad_row(x, "no received date");
  int rc = parse_day(received, &on);
  if (rc == -2)
    return bad_row(x, "received '%s': write the year in full (dd/mm/yyyy)",
                   received);
  if (rc != 0)
    return bad_row(x, "received '%s' is not a real date (dd/mm/yyyy or "
                   "yyyy-mm-dd)", received);
  if (record_check_received(on, x->o->today, "received",
                            x->o->today_label ? x->o->today_label : "today",
                            x->msg, sizeof x->msg) != 0 ||
      (note[0] && record_check_text("note", note, IMPORT_NOTE_MAX, x->msg,
                                    sizeof x->msg) != 0))
    return bad_row(x, "%s", x->msg);
  struct import_fact *f = new_fact(x->plan, x->r->line, j);
  if (f == NULL)
    return -1;
  f->ob = ob;
  f->received = on;
  f->period = import_intern(&x->plan->strings, p.id);
  f->agency = import_intern(&x->plan->strings, agency);
  f->note = note[0] ? import_intern(&x->plan->strings, note) : NULL;
  return f->period && f->agency && (note[0] == '\0' || f->note) ? 0 : -1;
}

/* ---- duplicates within the file --------------------------------------- */

/* The order of the store's unique indexes — observations by
 * (jurisdiction, indicator, unit, period), submissions by (jurisdiction,
 * agency, obligation, period) — so that comparing and writing a million
 * rows walk the index page after page instead of all over it. */
int import_fact_cmp(const struct import_fact *a, const struct import_fact *b)
{
  /* the same jurisdiction, indicator or obligation is the same struct,
   * and the same unit, agency or period mostly the same interned string:
   * the pointers settle most comparisons of a sort without strcmp */
  int c = a->j == b->j ? 0 : strcmp(a->j->id, b->j->id);
  if (a->is_observation) {
    if (c == 0 && a->ind != b->ind)
      c = strcmp(a->ind->id, b->ind->id);
    if (c == 0 && a->unit != b->unit)
      c = strcmp(a->unit, b->unit);
    if (c == 0 && a->period != b->period)
      c = strcmp(a->period, b->period);
    return c;
  }
  if (c == 0 && a->agency != b->agency)
    c = strcmp(a->agency, b->agency);
  if (c == 0 && a->ob != b->ob)
    c = strcmp(a->ob->id, b->ob->id);
  if (c == 0 && a->period != b->period)
    c = strcmp(a->period, b->period);
  return c;
}

/* By key, then by row: the first of equal keys is the earliest row.
 * x and y index the facts. */
static int sorted_cmp(const void *x, const void *y, void *facts)
{
  uint32_t i = *(const uint32_t *)x, k = *(const uint32_t *)y;
  const struct import_fact *a = (const struct import_fact *)facts + i,
                           *b = (const struct import_fact *)facts + k;
  int c = import_fact_cmp(a, b);
  if (c == 0)
    c = (a->row > b->row) - (a->row < b->row);
  if (c == 0)
    c = (i > k) - (i < k);
  return c;
}

/* Sort the facts by key into plan->sorted; a row repeating an earlier
 * one is marked same_as it, one contradicting it is an error. */
static int check_duplicates(struct import_plan *plan,
                            const struct import_options *o)
{
  char a[32], b[32], da[CAL_DATE_LEN], db[CAL_DATE_LEN];
  if (plan->n_facts == 0)
    return 0;
  if ((plan->sorted = malloc(plan->n_facts * sizeof *plan->sorted)) == NULL)
    return -1;
  for (size_t i = 0; i < plan->n_facts; i++)
    plan->sorted[i] = (uint32_t)i;     /* 32 MiB make far fewer than 2^32 */
  qsort_r(plan->sorted, plan->n_facts, sizeof *plan->sorted, sorted_cmp,
          plan->facts);
  const struct import_fact *f0 = import_sorted(plan, 0);
  for (size_t k = 1; k < plan->n_facts; k++) {
    struct import_fact *f = import_sorted(plan, k);
    if (import_fact_cmp(f0, f) != 0) {
      f0 = f;
      continue;
    }
    if (f->is_observation ? f->value == f0->value
                          : f->received == f0->received) {
      f->same_as = f0->row;
      continue;
    }
    int rc;
    f->contradicts = 1;
    if (f->is_observation) {
      rc = import_error(plan, o, f->row, "row %zu already gives %s for %s "
                        "%s = %s; this row gives %s", (size_t)f0->row, f->ind->id,
                        f->unit, f->period, num(f0->value, a),
                        num(f->value, b));
    } else {
      cal_format_vn(f0->received, da);
      cal_format_vn(f->received, db);
      rc = import_error(plan, o, f->row, "row %zu already gives %s %s %s "
                        "received %s; this row gives %s", (size_t)f0->row, f->agency,
                        f->ob->id, f->period, da, db);
    }
    if (rc != 0)
      return -1;
  }
  return 0;
}

/* ---- the file ----------------------------------------------------------- */

/* The whole file into memory, at most IMPORT_MAX_BYTES. Returns 0; 1 when
 * it cannot be read (an error was added); -1 when out of memory. */
static int slurp(struct import_plan *plan, const struct import_options *o,
                 unsigned char **data, size_t *n)
{
  *data = NULL;
  *n = 0;
  FILE *f = fopen(o->path, "rb");
  if (f == NULL)
    return import_error(plan, o, 0, "cannot open: %s", strerror(errno))
           ? -1 : 1;
  size_t cap = 1 << 16;
  unsigned char *buf = malloc(cap);
  int rc = buf ? 0 : -1;
  while (rc == 0) {
    if (*n == cap) {
      if (cap > IMPORT_MAX_BYTES) {
        rc = import_error(plan, o, 0, "larger than %u MiB: split it into "
                          "several files", IMPORT_MAX_BYTES >> 20) ? -1 : 1;
        break;
      }
      unsigned char *nb = realloc(buf, cap * 2);
      if (nb == NULL) {
        rc = -1;
        break;
      }
      buf = nb;
      cap *= 2;
    }
    size_t got = fread(buf + *n, 1, cap - *n, f);
    *n += got;
    if (got == 0) {
      if (ferror(f))
        rc = import_error(plan, o, 0, "cannot read: %s", strerror(errno))
             ? -1 : 1;
      break;
    }
  }
  (void)fclose(f);             /* read-only: nothing to lose */
  if (rc == 0 && *n > IMPORT_MAX_BYTES)
    rc = import_error(plan, o, 0, "larger than %u MiB: split it into "
                      "several files", IMPORT_MAX_BYTES >> 20) ? -1 : 1;
  if (rc != 0) {
    free(buf);
    return rc;
  }
  *data = buf;
  return 0;
}

/* The plan as it was made, with only the error of the file as a whole:
 * a file that is not CSV, or has no rows, is reported as such alone. */
static int file_error(struct import_plan *plan, const struct import_options *o,
                      size_t line, const char *msg)
{
  enum import_encoding enc = plan->encoding;
  char delim = plan->delimiter;
  import_plan_release(plan);
  plan->encoding = enc;
  plan->delimiter = delim;
  return import_error(plan, o, line, "%s", msg) ? -1 : 1;
}

/* What the rows of one file are read with, as the CSV parser ends them. */
struct reader {
  struct import_plan *plan;
  const struct import_options *o;
  const struct ruleset *rules;
  struct header hd;
  const char *default_source;
  size_t n_seen;               /* rows, the header included */
  int header;                  /* read_header's: 0, 1 (bad), -1 */
  int failed;                  /* -1 when out of memory */
};

/* import_csv's callback: the header, then each row into facts. The row's
 * cells are the parser's: the facts keep copies of what they need. */
static int on_file_row(const struct import_row *r, void *ctx)
{
  struct reader *rd = ctx;
  if (rd->n_seen++ == 0) {
    rd->header = read_header(rd->plan, rd->o, r, &rd->hd);
    return rd->header < 0 ? -1 : 0;
  }
  if (rd->header != 0)
    return 0;                  /* a bad header: the rows are only counted */
  struct row_ctx x = {.plan = rd->plan, .o = rd->o, .rules = rd->rules,
                      .hd = &rd->hd, .r = r,
                      .default_source = rd->default_source};
  int rc = rd->plan->kind == IMPORT_OBSERVATIONS ? read_observation(&x)
                                                 : read_submission(&x);
  rd->plan->n_rows++;
  return rc < 0 ? -1 : 0;
}

/* After the parse: the CSV error, or the file's want of rows. 0, 1 (an
 * error added), -1. */
static int parse_end(struct import_plan *plan, const struct import_options *o,
                     struct reader *rd, struct import_csv *c, int rc)
{
  plan->delimiter = import_csv_delimiter(c);
  if (rc == -1) {
    size_t line;
    const char *msg = import_csv_error(c, &line);
    return file_error(plan, o, line, msg);
  }
  if (rc != 0)
    return -1;
  if (rd->n_seen == 0)
    return file_error(plan, o, 0, "empty: no header, no rows");
  if (rd->n_seen == 1)
    return file_error(plan, o, rd->hd.line, "only a header: no rows under "
                      "it");
  return rd->header < 0 ? -1 : rd->header;
}

/* Bytes read at a time from a file decoded as it is read. */
#define IMPORT_CHUNK (1u << 16)

/* Read a plain UTF-8 file chunk by chunk, its rows as the parser ends
 * them: what a million rows cost is their facts, not their text. 0, 1
 * (an error added), -1, or 2 when the file is not plain UTF-8 text (the
 * plan is then to be started again from the whole file). */
static int stream_rows(struct import_plan *plan,
                       const struct import_options *o, struct reader *rd)
{
  FILE *f = fopen(o->path, "rb");
  if (f == NULL)
    return import_error(plan, o, 0, "cannot open: %s", strerror(errno))
           ? -1 : 1;
  struct import_text_stream ts;
  memset(&ts, 0, sizeof ts);
  struct import_csv *c = import_csv_new(on_file_row, rd);
  unsigned char *buf = malloc(IMPORT_CHUNK);
  size_t total = 0;
  int rc = c && buf ? 0 : -1, last = 0;
  while (rc == 0 && !last) {
    size_t got = fread(buf, 1, IMPORT_CHUNK, f);
    total += got;
    last = got < IMPORT_CHUNK;
    if (last && ferror(f)) {
      char msg[300];
      snprintf(msg, sizeof msg, "cannot read: %s", strerror(errno));
      rc = file_error(plan, o, 0, msg);
      break;
    }
    if (total > IMPORT_MAX_BYTES) {
      char msg[80];
      snprintf(msg, sizeof msg, "larger than %u MiB: split it into several "
               "files", IMPORT_MAX_BYTES >> 20);
      rc = file_error(plan, o, 0, msg);
      break;
    }
    const char *text;
    size_t len;
    int d = import_text_stream_feed(&ts, buf, got, last, &text, &len);
    if (d != 0) {
      rc = d == 1 ? 2 : -1;
      break;
    }
    plan->encoding = ts.encoding;
    rc = import_csv_feed(c, text, len);
    if (rc == 0 && last)
      rc = import_csv_finish(c);
    if (rc != 0)
      rc = parse_end(plan, o, rd, c, rc);
  }
  if (rc == 0)
    rc = parse_end(plan, o, rd, c, 0);
  (void)fclose(f);             /* read-only: nothing to lose */
  free(buf);
  import_text_stream_release(&ts);
  import_csv_free(c);
  return rc;
}

/* Decode the whole file, then read its rows as the parser ends them. 0, 1
 * (an error added), -1. */
static int whole_rows(struct import_plan *plan, const struct import_options *o,
                     struct reader *rd)
{
  unsigned char *data;
  size_t n;
  int rc = slurp(plan, o, &data, &n);
  if (rc != 0)
    return rc;
  struct import_text text;
  struct import_text_error terr;
  rc = import_text_decode(data, n, &text, &terr);
  free(data);
  if (rc == -2)
    return -1;
  if (rc == -1)
    return import_error(plan, o, terr.row, "%s", terr.message) ? -1 : 1;
  plan->encoding = text.encoding;
  struct import_csv *c = import_csv_new(on_file_row, rd);
  if (c == NULL) {
    import_text_release(&text);
    return -1;
  }
  rc = import_csv_feed(c, text.text, text.len);
  import_text_release(&text);
  if (rc == 0)
    rc = import_csv_finish(c);
  rc = parse_end(plan, o, rd, c, rc);
  import_csv_free(c);
  return rc;
}

/* The file's rows: read as it is read when it is plain UTF-8, else
 * decoded whole (UTF-16LE, Windows-1258, or a file to refuse). */
static int read_rows(struct import_plan *plan, const struct import_options *o,
                     struct reader *rd)
{
  int rc = stream_rows(plan, o, rd);
  if (rc != 2)
    return rc;
  import_plan_release(plan);
  rd->n_seen = 0;
  rd->header = 0;
  return whole_rows(plan, o, rd);
}

/* Insertion sort, which keeps the problems of one row in the order they
 * were found; they arrive nearly sorted (read in row order, the checks
 * against the store appended after). */
void import_sort_errors(struct import_plan *plan)
{
  struct import_problem *e = plan->errors;
  for (size_t i = 1; i < plan->n_errors; i++) {
    struct import_problem p = e[i];
    size_t k = i;
    for (; k > 0 && e[k - 1].row > p.row; k--)
      e[k] = e[k - 1];
    e[k] = p;
  }
}

int import_read(const struct import_options *o, const struct ruleset *rules,
                struct import_plan *plan)
{
  memset(plan, 0, sizeof *plan);
  const char *base = strrchr(o->path, '/');
  char source[300];
  snprintf(source, sizeof source, "import:%s", base ? base + 1 : o->path);
  struct reader rd = {.plan = plan, .o = o, .rules = rules,
                      .default_source = source};
  int rc = read_rows(plan, o, &rd);
  if (rc == 0 && check_duplicates(plan, o) != 0)
    rc = -1;
  import_sort_errors(plan);
  return rc < 0 ? -1 : 0;
}
