/*
 * digest.c — the secretariat's digest, one email per jurisdiction and day.
 *
 * Made to be taken in at a glance: the reports in the window as a table
 * (an agency per row, a report and period per column, a coloured cell with
 * the days overdue or the day the report arrived, totals per row and
 * column, the agencies that owe most first), the indicators as a second
 * table (status in colour, latest value, target, a small SVG sparkline of
 * the values over time, the numbers beside it as text), then the notes
 * (reports nobody owes, agencies without an address, deliveries, rule
 * mistakes) as lists.
 *
 * The HTML is for mail clients, not browsers: every style is inline (many
 * clients drop <style>), nothing is fetched, nothing runs. Each table sits
 * in a box that scrolls sideways, so on a phone the page keeps the
 * screen's width and the table its columns. The text part says the same
 * in compact lists.
 */
#include "compose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"

/* A report everyone has sent leaves the table once its deadline and its
 * last arrival are older than this (days): the table shows the reports of
 * the moment, not every period since monitoring began. */
#define DIGEST_RECENT_DAYS 31

/* ---- colours and styles --------------------------------------------------- */

struct tint { const char *bg, *fg; };

/* Overdue: darker with age (up to a week, a month, three months, more). */
static const struct tint overdue_tints[] = {
  {"#fde0dc", "#7a1a0f"}, {"#f6a89e", "#5c1008"}, {"#dc4b3e", "#ffffff"},
  {"#9e1b12", "#ffffff"},
};
static const int overdue_steps[] = {7, 30, 90};
static const struct tint tint_soon = {"#fff1b8", "#5c4600"};
static const struct tint tint_on_time = {"#d6efd8", "#1d5e24"};
static const struct tint tint_late = {"#fcdca4", "#6e4200"};
static const struct tint tint_extended = {"#d9e6fb", "#163f7a"};
static const struct tint tint_exempt = {"#efefef", "#555555"};
static const struct tint tint_quiet = {"#ffffff", "#8a8a8a"};

static struct tint overdue_tint(int days)
{
  size_t k = 0;
  while (k < sizeof overdue_steps / sizeof *overdue_steps &&
         days > overdue_steps[k])
    k++;
  return overdue_tints[k];
}

/* An indicator's status: the cell's tint and the sparkline's dot. */
static struct tint status_tint(enum finding_kind k, const char **dot)
{
  static const char *const dots[] = {
    [FIND_OFF_TRACK] = "#c0392b", [FIND_AT_RISK] = "#c77c02",
    [FIND_NO_DATA] = "#777777", [FIND_ON_TRACK] = "#2e7d32",
    [FIND_ACHIEVED] = "#1b5e20",
  };
  *dot = (unsigned)k < sizeof dots / sizeof *dots && dots[k] ? dots[k]
                                                              : "#555555";
  switch (k) {
  case FIND_OFF_TRACK: return (struct tint){"#f6a89e", "#5c1008"};
  case FIND_AT_RISK: return (struct tint){"#fcdca4", "#6e4200"};
  case FIND_ON_TRACK: return (struct tint){"#d6efd8", "#1d5e24"};
  case FIND_ACHIEVED: return (struct tint){"#9fd3a4", "#0d3b12"};
  default: return (struct tint){"#e2e2e2", "#333333"};
  }
}

#define S_BOX "overflow-x:auto;max-width:100%;margin:4px 0 8px"
#define S_TABLE "border-collapse:collapse;font-size:13px;line-height:1.35"
#define S_CELL "padding:4px 6px;border:1px solid #c8c8c8"
#define S_HEAD S_CELL ";background:#eeeeee;text-align:center;" \
               "vertical-align:bottom"
#define S_NAME S_CELL ";text-align:left;font-weight:normal"
#define S_SMALL "font-size:11px;color:#555555"
#define S_H3 "font-size:16px;margin:16px 0 4px"

/* ---- the table of reports ------------------------------------------------- */

/* One report and period (a column), one agency (a row). */
struct column {
  const struct obligation *ob;
  const char *period;
  cal_day due;                    /* as the rules set it, before extensions */
  size_t rank;                    /* the obligation's place in the rules */
  size_t overdue, received, owed;
};

struct row {
  const struct agency *a;
  size_t overdue, soon;
  long days;                      /* overdue, summed */
};

struct table {
  struct column *col; size_t n_col;
  struct row *row; size_t n_row;
  const struct finding **cell;    /* n_row × n_col, row by row; NULL: not owed */
  size_t overdue, received, owed, agencies_overdue;
};

static bool in_table(const struct finding *x, const struct jurisdiction *j)
{
  return x->j == j && x->obligation && x->kind != FIND_UNASSIGNED;
}

/* Extended, not received, not overdue: waiting for the new date. */
static bool extension_pending(const struct finding *x)
{
  return x->extended && (x->kind == FIND_DUE_SOON || x->kind == FIND_UPCOMING);
}

static bool recent(cal_day d, cal_day now)
{
  return d != MODEL_DUE_UNSET && d + DIGEST_RECENT_DAYS >= now;
}

/* Whether x puts its report and period in the table: something overdue,
 * due soon or extended, or a recent arrival. */
static bool opens_column(const struct finding *x, cal_day now)
{
  switch (x->kind) {
  case FIND_OVERDUE:
  case FIND_DUE_SOON:
    return true;
  case FIND_ON_TIME:
  case FIND_LATE:
    return recent(x->due, now) || recent(x->received, now);
  default:
    return extension_pending(x);
  }
}

static cal_day due_as_set(const struct finding *x)
{
  return x->extended && !x->date_by_letter ? x->original_due : x->due;
}

static long column_of(const struct table *t, const struct finding *x)
{
  for (size_t c = 0; c < t->n_col; c++)
    if (t->col[c].ob == x->obligation &&
        strcmp(t->col[c].period, x->period.id) == 0)
      return (long)c;
  return -1;
}

static long row_of(const struct table *t, const struct agency *a)
{
  for (size_t r = 0; r < t->n_row; r++)
    if (t->row[r].a == a)
      return (long)r;
  return -1;
}

static int by_column(const void *pa, const void *pb)
{
  const struct column *a = pa, *b = pb;
  if (a->due != b->due)
    return a->due < b->due ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return strcmp(a->period, b->period);
}

static const char *agency_label(const struct agency *a)
{
  return a ? a->name : "(chưa xác định cơ quan)";
}

/* The agencies that owe most first: reports overdue, then days overdue,
 * then reports due soon, then by name. */
static int by_debt(const void *pa, const void *pb)
{
  const struct row *a = pa, *b = pb;
  if (a->overdue != b->overdue)
    return a->overdue > b->overdue ? -1 : 1;
  if (a->days != b->days)
    return a->days > b->days ? -1 : 1;
  if (a->soon != b->soon)
    return a->soon > b->soon ? -1 : 1;
  return strcmp(agency_label(a->a), agency_label(b->a));
}

static void table_release(struct table *t)
{
  free(t->col);
  free(t->row);
  free(t->cell);
  memset(t, 0, sizeof *t);
}

static int table_columns(struct table *t, const struct jurisdiction *j,
                         const struct findings *f, cal_day now)
{
  if ((t->col = calloc(f->n ? f->n : 1, sizeof *t->col)) == NULL)
    return -1;
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (!in_table(x, j) || !opens_column(x, now))
      continue;
    long c = column_of(t, x);
    if (c < 0) {
      c = (long)t->n_col++;
      t->col[c].ob = x->obligation;
      t->col[c].period = x->period.id;
      t->col[c].due = due_as_set(x);
      t->col[c].rank = (size_t)(x->obligation - j->obligations);
    }
    if (due_as_set(x) < t->col[c].due)
      t->col[c].due = due_as_set(x);
  }
  if (t->n_col > 1)
    qsort(t->col, t->n_col, sizeof *t->col, by_column);
  return 0;
}

/* The rows and their totals, sorted; then every cell. */
static int table_rows(struct table *t, const struct jurisdiction *j,
                      const struct findings *f)
{
  if ((t->row = calloc(f->n ? f->n : 1, sizeof *t->row)) == NULL)
    return -1;
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (!in_table(x, j) || column_of(t, x) < 0)
      continue;
    long r = row_of(t, x->agency);
    if (r < 0) {
      r = (long)t->n_row++;
      t->row[r].a = x->agency;
    }
    if (x->kind == FIND_OVERDUE) {
      t->row[r].overdue++;
      t->row[r].days += x->days;
    } else if (x->kind == FIND_DUE_SOON) {
      t->row[r].soon++;
    }
  }
  if (t->n_row > 1)
    qsort(t->row, t->n_row, sizeof *t->row, by_debt);
  size_t n_cells = t->n_row * t->n_col;
  if ((t->cell = calloc(n_cells > 0 ? n_cells : 1, sizeof *t->cell)) == NULL)
    return -1;
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    long c = in_table(x, j) ? column_of(t, x) : -1;
    if (c < 0)
      continue;
    long r = row_of(t, x->agency);
    /* one instance per agency, report and period (evaluate.c) */
    t->cell[(size_t)r * t->n_col + (size_t)c] = x;
    struct column *col = &t->col[c];
    if (x->kind != FIND_EXEMPT)
      col->owed++;
    col->overdue += x->kind == FIND_OVERDUE;
    col->received += x->kind == FIND_ON_TIME || x->kind == FIND_LATE;
  }
  for (size_t c = 0; c < t->n_col; c++) {
    t->overdue += t->col[c].overdue;
    t->received += t->col[c].received;
    t->owed += t->col[c].owed;
  }
  for (size_t r = 0; r < t->n_row; r++)
    t->agencies_overdue += t->row[r].overdue > 0;
  return 0;
}

static int table_build(struct table *t, const struct jurisdiction *j,
                       const struct findings *f, cal_day now)
{
  memset(t, 0, sizeof *t);
  if (table_columns(t, j, f, now) != 0 || table_rows(t, j, f) != 0) {
    table_release(t);
    return -1;
  }
  return 0;
}

static const struct finding *cell_at(const struct table *t, size_t r,
                                     size_t c)
{
  return t->cell[r * t->n_col + c];
}

static struct tint cell_tint(const struct finding *x)
{
  if (extension_pending(x))
    return tint_extended;
  switch (x->kind) {
  case FIND_OVERDUE: return overdue_tint(x->days);
  case FIND_DUE_SOON: return tint_soon;
  case FIND_ON_TIME: return tint_on_time;
  case FIND_LATE: return tint_late;
  case FIND_EXEMPT: return tint_exempt;
  default: return tint_quiet;
  }
}

/* "kỳ 2024, hạn 05/12/2024" — or "chưa có hạn" for a date not yet set. */
static void column_when(const struct column *c, bool full, char *buf,
                        size_t len)
{
  char due[CAL_DATE_LEN];
  if (c->due == MODEL_DUE_UNSET) {
    snprintf(buf, len, "kỳ %s, chưa có hạn", c->period);
    return;
  }
  if (full)
    cal_format_vn(c->due, due);
  else
    message_day_month(c->due, due);
  snprintf(buf, len, "kỳ %s, hạn %s", c->period, due);
}

static void html_cell(FILE *h, const struct finding *x)
{
  char text[128], note[160] = "", title[160] = "", day[MESSAGE_DAY_MONTH_LEN];
  if (x == NULL) {
    fputs("<td style=\"" S_CELL ";text-align:center;color:#bbbbbb\">—</td>",
          h);
    return;
  }
  struct tint tn = cell_tint(x);
  message_cell(x, text, sizeof text);
  if (x->kind == FIND_OVERDUE && x->extended) {
    message_day_month(x->due, day);
    snprintf(note, sizeof note, "gia hạn đến %s", day);
  }
  if (x->kind == FIND_LATE)
    snprintf(title, sizeof title, "đã gửi muộn %d ngày", x->days);
  else if (x->kind == FIND_ON_TIME)
    snprintf(title, sizeof title, "đã gửi đúng hạn");
  else if (x->extended && x->letter)
    snprintf(title, sizeof title, "gia hạn theo văn bản %s", x->letter);
  fprintf(h, "<td style=\"" S_CELL ";text-align:center;white-space:nowrap;"
          "background:%s;color:%s\"", tn.bg, tn.fg);
  if (title[0]) {
    fputs(" title=\"", h);
    compose_html_escaped(h, title);
    fputs("\"", h);
  }
  fputs(">", h);
  compose_html_escaped(h, text);
  if (note[0])
    fprintf(h, "<br><span style=\"font-size:11px\">%s</span>", note);
  fputs("</td>", h);
}

static void html_legend(FILE *h, const struct jurisdiction *j)
{
  int soon = 0;
  for (size_t i = 0; i < j->policy.n_before; i++)
    if (j->policy.before[i] > soon)
      soon = j->policy.before[i];
  const struct { struct tint t; char text[64]; } keys[] = {
    {overdue_tints[0], "quá hạn đến 7 ngày"},
    {overdue_tints[1], "8–30 ngày"},
    {overdue_tints[2], "31–90 ngày"},
    {overdue_tints[3], "trên 90 ngày"},
    {tint_soon, ""},
    {tint_on_time, "✓ đã gửi đúng hạn"},
    {tint_late, "✓ đã gửi muộn"},
    {tint_extended, "gia hạn"},
    {tint_quiet, "— không phải gửi"},
  };
  fputs("<p style=\"" S_SMALL ";margin:2px 0 10px;line-height:1.9\">", h);
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
    fprintf(h, "<span style=\"background:%s;color:%s;padding:1px 4px;"
            "border:1px solid #c8c8c8;white-space:nowrap\">", keys[k].t.bg,
            keys[k].t.fg);
    if (keys[k].text[0])
      fputs(keys[k].text, h);
    else
      fprintf(h, "còn %d ngày trở xuống", soon);
    fputs("</span> ", h);
  }
  fputs("</p>\n", h);
}

/* The legend of the columns, numbered as their headings. */
static void html_columns_legend(FILE *h, const struct table *t)
{
  char when[96];
  fputs("<ol style=\"margin:4px 0;padding-left:24px;font-size:13px\">\n", h);
  for (size_t c = 0; c < t->n_col; c++) {
    column_when(&t->col[c], true, when, sizeof when);
    fputs("<li>", h);
    compose_html_escaped(h, t->col[c].ob->title);
    fprintf(h, " — %s</li>\n", when);
  }
  fputs("</ol>\n", h);
}

/* The totals come right after the agency's name: on a phone they show
 * before the table is scrolled. */
static void html_report_table(FILE *h, const struct jurisdiction *j,
                              const struct table *t)
{
  char when[96];
  if (t->n_col == 0) {
    fputs("<p>Không có báo cáo nào quá hạn, sắp đến hạn hay mới nhận.</p>\n",
          h);
    return;
  }
  html_columns_legend(h, t);
  fputs("<div style=\"" S_BOX "\">\n<table style=\"" S_TABLE "\">\n"
        "<thead><tr><th style=\"" S_HEAD ";text-align:left\">Cơ quan</th>"
        "<th style=\"" S_HEAD "\">Quá hạn</th>", h);
  for (size_t c = 0; c < t->n_col; c++) {
    column_when(&t->col[c], false, when, sizeof when);
    fprintf(h, "<th style=\"" S_HEAD "\">(%zu)<br><span style=\"font-weight:"
            "normal;" S_SMALL "\">", c + 1);
    compose_html_escaped(h, when);
    fputs("</span></th>", h);
  }
  fputs("</tr></thead>\n<tbody>\n", h);
  for (size_t r = 0; r < t->n_row; r++) {
    const struct row *w = &t->row[r];
    fputs("<tr><th scope=\"row\" style=\"" S_NAME ";min-width:9em\">", h);
    compose_html_escaped(h, agency_label(w->a));
    fprintf(h, "</th><td style=\"" S_CELL ";text-align:center;"
            "font-weight:bold;%s\">%zu</td>", w->overdue
            ? "background:#fde0dc;color:#7a1a0f" : "color:#8a8a8a",
            w->overdue);
    for (size_t c = 0; c < t->n_col; c++)
      html_cell(h, cell_at(t, r, c));
    fputs("</tr>\n", h);
  }
  fprintf(h, "</tbody>\n<tfoot><tr><th scope=\"row\" style=\"" S_HEAD
          ";text-align:left\">Quá hạn</th><td style=\"" S_HEAD
          ";font-weight:bold\">%zu</td>", t->overdue);
  for (size_t c = 0; c < t->n_col; c++)
    fprintf(h, "<td style=\"" S_HEAD ";font-weight:bold\">%zu</td>",
            t->col[c].overdue);
  fprintf(h, "</tr>\n<tr><th scope=\"row\" style=\"" S_HEAD ";text-align:"
          "left;font-weight:normal\">Đã nhận</th><td style=\"" S_HEAD
          "\">%zu/%zu</td>", t->received, t->owed);
  for (size_t c = 0; c < t->n_col; c++)
    fprintf(h, "<td style=\"" S_HEAD "\">%zu/%zu</td>", t->col[c].received,
            t->col[c].owed);
  fputs("</tr></tfoot>\n</table>\n</div>\n", h);
  html_legend(h, j);
}

/* The same in the text part: the reports numbered once, then each agency
 * that owes one, most first, with what it owes. */
static void text_report_table(FILE *t_out, const struct table *t)
{
  char when[96], what[128];
  if (t->n_col == 0)
    return;
  fputs("  Báo cáo (số trong ngoặc dùng ở dưới):\n", t_out);
  for (size_t c = 0; c < t->n_col; c++) {
    const struct column *col = &t->col[c];
    column_when(col, true, when, sizeof when);
    fprintf(t_out, "    (%zu) %s %s — quá hạn %zu, đã nhận %zu/%zu\n", c + 1,
            col->ob->title, when, col->overdue, col->received, col->owed);
  }
  bool heading = false;
  for (size_t r = 0; r < t->n_row; r++) {
    const char *sep = " — ";
    bool any = false;
    for (size_t c = 0; c < t->n_col; c++) {
      const struct finding *x = cell_at(t, r, c);
      if (x == NULL || (x->kind != FIND_OVERDUE && x->kind != FIND_DUE_SOON &&
                        !extension_pending(x)))
        continue;
      if (!heading) {
        fputs("  Cơ quan còn nợ báo cáo, nhiều nhất trước:\n", t_out);
        heading = true;
      }
      if (!any)
        fprintf(t_out, "    %s", agency_label(t->row[r].a));
      message_cell(x, what, sizeof what);
      fprintf(t_out, "%s(%zu) %s", sep, c + 1, what);
      sep = "; ";
      any = true;
    }
    if (any)
      fputs("\n", t_out);
  }
}

/* ---- the indicators ------------------------------------------------------- */

struct point { double x, y; char label[CAL_PERIOD_ID_LEN + 8]; };

static int by_x(const void *pa, const void *pb)
{
  const struct point *a = pa, *b = pb;
  return (a->x > b->x) - (a->x < b->x);
}

static const struct digest_series *series_of(const struct digest_notes *n,
                                             const struct indicator *ind)
{
  for (size_t i = 0; i < n->n_series; i++)
    if (n->series[i].indicator == ind ||
        strcmp(n->series[i].indicator->id, ind->id) == 0)
      return &n->series[i];
  return NULL;
}

/* The values known for x's indicator, oldest first: its baseline, then
 * the series given (or, without one, the finding's own value). *out is
 * malloc'd; returns how many, or -1 when out of memory. */
static long indicator_points(const struct finding *x,
                             const struct digest_notes *notes,
                             struct point **out)
{
  const struct indicator *ind = x->indicator;
  const struct digest_series *s = series_of(notes, ind);
  size_t n = 0, cap = (s ? s->n : 1) + 1;
  struct point *p = calloc(cap, sizeof *p);
  *out = p;
  if (p == NULL)
    return -1;
  if (s) {
    for (size_t i = 0; i < s->n; i++) {
      p[n].x = cal_period_axis(&s->periods[i]);
      p[n].y = s->values[i];
      snprintf(p[n++].label, sizeof p->label, "%s", s->periods[i].id);
    }
  } else if (x->has_value) {
    p[n].x = cal_period_axis(&x->period);
    p[n].y = x->value;
    snprintf(p[n++].label, sizeof p->label, "%s", x->period.id);
  }
  qsort(p, n, sizeof *p, by_x);
  if (ind->has_baseline && (n == 0 || ind->baseline_year < p[0].x)) {
    memmove(p + 1, p, n * sizeof *p);
    p[0].x = ind->baseline_year;
    p[0].y = ind->baseline_value;
    snprintf(p[0].label, sizeof p->label, "gốc %d", ind->baseline_year);
    n++;
  }
  return (long)n;
}

/* A coordinate, one decimal, whatever the locale (SVG wants a point). */
static void svg_num(FILE *h, double v)
{
  long t = lround(v * 10);
  fprintf(h, "%s%ld.%ld", t < 0 ? "-" : "", labs(t) / 10, labs(t) % 10);
}

/* "2021: 45 · 2022: 46,2 · 2023: 47,5" (yes/no: "có" / "chưa"). `space`
 * goes inside each entry: "&nbsp;" keeps an entry on one line in HTML. */
static void points_text(const struct indicator *ind, const struct point *p,
                        size_t n, const char *sep, const char *space,
                        FILE *out)
{
  char num[64];
  for (size_t i = 0; i < n; i++) {
    if (ind->direction == DIR_YES_NO)
      snprintf(num, sizeof num, "%s", p[i].y != 0 ? "có" : "chưa");
    else
      message_number(p[i].y, num, sizeof num);
    fputs(i ? sep : "", out);
    /* period ids, "gốc YEAR" and numbers: nothing to escape in HTML */
    for (const char *c = p[i].label; *c; c++)
      if (*c == ' ')
        fputs(space, out);
      else
        fputc(*c, out);
    fprintf(out, ":%s%s", space, num);
  }
}

#define SPARK_W 100
#define SPARK_H 28
#define SPARK_PAD 3

/* The values as a line, the target as a dashed line, the latest value as
 * a dot in the status colour. */
static void sparkline(FILE *h, const struct finding *x, const struct point *p,
                      size_t n)
{
  const char *dot;
  (void)status_tint(x->kind, &dot);
  double lo = x->has_target ? x->target : (n ? p[0].y : 0), hi = lo;
  for (size_t i = 0; i < n; i++) {
    lo = p[i].y < lo ? p[i].y : lo;
    hi = p[i].y > hi ? p[i].y : hi;
  }
  if (hi - lo < 1e-9) {
    double m = fabs(hi) > 1e-9 ? fabs(hi) * 0.1 : 1;
    lo -= m;
    hi += m;
  }
  double x0 = n ? p[0].x : 0, x1 = n ? p[n - 1].x : 1;
  double w = SPARK_W - 2 * SPARK_PAD, hgt = SPARK_H - 2 * SPARK_PAD;
#define SX(v) (n > 1 && x1 > x0 ? SPARK_PAD + ((v) - x0) / (x1 - x0) * w \
                                : SPARK_W - SPARK_PAD)
#define SY(v) (SPARK_PAD + (hi - (v)) / (hi - lo) * hgt)
  fprintf(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
          "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
          SPARK_W, SPARK_H, SPARK_W, SPARK_H);
  points_text(x->indicator, p, n, "; ", " ", h);
  fputs("\" style=\"display:block\">", h);
  if (x->has_target) {
    fprintf(h, "<line x1=\"%d\" x2=\"%d\" y1=\"", SPARK_PAD,
            SPARK_W - SPARK_PAD);
    svg_num(h, SY(x->target));
    fputs("\" y2=\"", h);
    svg_num(h, SY(x->target));
    fputs("\" stroke=\"#2e7d32\" stroke-width=\"1\" "
          "stroke-dasharray=\"3 2\"/>", h);
  }
  if (n > 1) {
    fputs("<polyline fill=\"none\" stroke=\"#555555\" stroke-width=\"1.5\" "
          "points=\"", h);
    for (size_t i = 0; i < n; i++) {
      fputs(i ? " " : "", h);
      svg_num(h, SX(p[i].x));
      fputs(",", h);
      svg_num(h, SY(p[i].y));
    }
    fputs("\"/>", h);
  }
  if (n > 0) {
    fputs("<circle cx=\"", h);
    svg_num(h, SX(p[n - 1].x));
    fputs("\" cy=\"", h);
    svg_num(h, SY(p[n - 1].y));
    fprintf(h, "\" r=\"2.5\" fill=\"%s\"/>", dot);
  }
  fputs("</svg>", h);
#undef SX
#undef SY
}

static int severity(enum finding_kind k)
{
  switch (k) {
  case FIND_OFF_TRACK: return 0;
  case FIND_AT_RISK: return 1;
  case FIND_NO_DATA: return 2;
  case FIND_ON_TRACK: return 3;
  default: return 4;
  }
}

/* Most worrying first; in the rules' order within a status. */
static int by_severity(const void *pa, const void *pb)
{
  const struct finding *a = *(const struct finding *const *)pa;
  const struct finding *b = *(const struct finding *const *)pb;
  int d = severity(a->kind) - severity(b->kind);
  return d ? d : (a > b) - (a < b);
}

static bool needs_attention(enum finding_kind k)
{
  return k == FIND_OFF_TRACK || k == FIND_AT_RISK || k == FIND_NO_DATA;
}

/* One row: title and lead, status, latest value, target, sparkline. */
static int html_indicator_row(FILE *h, const struct finding *x,
                              const struct digest_notes *notes)
{
  const struct indicator *ind = x->indicator;
  char label[96], value[128], due[CAL_DATE_LEN];
  const char *dot;
  struct point *p;
  long n = indicator_points(x, notes, &p);
  if (n < 0)
    return -1;
  struct tint tn = status_tint(x->kind, &dot);
  message_capitalized(message_status(x->kind), label, sizeof label);
  fputs("<tr><th scope=\"row\" style=\"" S_NAME ";min-width:12em\">", h);
  compose_html_escaped(h, ind->title);
  if (x->agency) {
    fputs("<br><span style=\"" S_SMALL "\">Chủ trì: ", h);
    compose_html_escaped(h, x->agency->name);
    fputs("</span>", h);
  }
  fprintf(h, "</th><td style=\"" S_CELL ";min-width:6em;background:%s;"
          "color:%s;font-weight:bold\">%s</td>", tn.bg, tn.fg, label);
  fputs("<td style=\"" S_CELL ";white-space:nowrap\">", h);
  if (x->has_value) {
    message_indicator_value(ind, x->value, value, sizeof value);
    compose_html_escaped(h, value);
    fprintf(h, "<br><span style=\"" S_SMALL "\">kỳ %s", x->period.id);
    if (x->has_expected) {
      message_indicator_value(ind, x->expected, value, sizeof value);
      fputs("<br>lộ trình: ", h);
      compose_html_escaped(h, value);
    }
  } else {
    cal_format_vn(x->due, due);
    fprintf(h, "chưa có<br><span style=\"" S_SMALL "\">kỳ %s, hạn %s",
            x->period.id, due);
  }
  fputs("</span></td><td style=\"" S_CELL ";white-space:nowrap\">", h);
  message_indicator_target(ind, x->target, value, sizeof value);
  compose_html_escaped(h, value);
  fprintf(h, "<br><span style=\"" S_SMALL "\">năm %d", x->target_year);
  if (x->has_projection) {
    message_indicator_value(ind, x->projected, value, sizeof value);
    fputs("<br>dự báo: ", h);
    compose_html_escaped(h, value);
  }
  fputs("</span></td><td style=\"" S_CELL "\">", h);
  sparkline(h, x, p, (size_t)n);
  fputs("<div style=\"" S_SMALL ";min-width:100px\">", h);
  if (n == 0)
    fputs("chưa có số liệu", h);
  points_text(ind, p, (size_t)n, " · ", "&nbsp;", h);
  fputs("</div></td></tr>\n", h);
  free(p);
  return 0;
}

static int html_indicator_table(FILE *h, const struct finding *const *v,
                                size_t n, const struct digest_notes *notes)
{
  if (n == 0) {
    fputs("<p>Chưa có chỉ tiêu nào được đánh giá.</p>\n", h);
    return 0;
  }
  fputs("<div style=\"" S_BOX "\">\n<table style=\"" S_TABLE "\">\n<thead>"
        "<tr><th style=\"" S_HEAD ";text-align:left\">Chỉ tiêu</th>"
        "<th style=\"" S_HEAD "\">Tình trạng</th>"
        "<th style=\"" S_HEAD "\">Số liệu</th>"
        "<th style=\"" S_HEAD "\">Mục tiêu</th>"
        "<th style=\"" S_HEAD "\">Diễn biến</th></tr></thead>\n<tbody>\n", h);
  for (size_t i = 0; i < n; i++)
    if (html_indicator_row(h, v[i], notes) != 0)
      return -1;
  fputs("</tbody>\n</table>\n</div>\n", h);
  return 0;
}

/* The text part: the indicators that need attention, by status, each
 * with its values over time. */
static int text_indicators(FILE *t, const struct finding *const *v, size_t n,
                           const struct digest_notes *notes)
{
  char msg[2048], label[96];
  for (size_t i = 0; i < n; i++) {
    const struct finding *x = v[i];
    if (!needs_attention(x->kind))
      continue;
    if (i == 0 || v[i - 1]->kind != x->kind) {
      size_t k = 0;
      for (size_t m = i; m < n && v[m]->kind == x->kind; m++)
        k++;
      message_capitalized(message_status(x->kind), label, sizeof label);
      fprintf(t, "  %s: %zu\n", label, k);
    }
    message_for_finding(x, msg, sizeof msg);
    fprintf(t, "    - %s\n", msg);
    struct point *p;
    long np = indicator_points(x, notes, &p);
    if (np < 0)
      return -1;
    if (np > 0) {
      fputs("      Số liệu: ", t);
      points_text(x->indicator, p, (size_t)np, "; ", " ", t);
      fputs("\n", t);
    }
    free(p);
  }
  return 0;
}

/* ---- the rest ------------------------------------------------------------- */

/* A titled list of lines in both parts of the digest; nothing when empty. */
static void digest_list(FILE *t, FILE *h, const char *title,
                        const char *const *lines, size_t n)
{
  if (n == 0)
    return;
  fprintf(t, "\n%s: %zu\n", title, n);
  fputs("<h3 style=\"" S_H3 "\">", h);
  compose_html_escaped(h, title);
  fprintf(h, ": %zu</h3>\n<ul style=\"margin:4px 0;padding-left:22px\">\n",
          n);
  for (size_t i = 0; i < n; i++) {
    fprintf(t, "  - %s\n", lines[i]);
    fputs("<li>", h);
    compose_html_escaped(h, lines[i]);
    fputs("</li>\n", h);
  }
  fputs("</ul>\n", h);
}

/* The campaigns running today, one line each ("Tháng hành động … đang diễn
 * ra: ngày 25/31 …"), above the numbered sections; nothing when none. */
static void digest_campaigns(FILE *t, FILE *h, const struct jurisdiction *j,
                             const struct findings *f)
{
  char msg[2048];
  bool any = false;
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (x->j != j || !x->campaign || x->kind != FIND_CAMPAIGN_ACTIVE)
      continue;
    message_for_finding(x, msg, sizeof msg);
    fprintf(t, "%s\n", msg);
    fputs("<p style=\"margin:6px 0\"><strong>", h);
    compose_html_escaped(h, msg);
    fputs("</strong></p>\n", h);
    any = true;
  }
  if (any)
    fputs("\n", t);
}

static void digest_notes_sections(FILE *t, FILE *h,
                                  const struct digest_notes *notes)
{
  /* Numbered as they come, so an empty section leaves no gap. */
  static const char *const roman[] = {"III", "IV", "V", "VI", "VII"};
  const struct { const char *title; const char *const *lines; size_t n; }
  sections[] = {
    {"Báo cáo chưa có cơ quan chịu trách nhiệm (cơ quan đã thôi hoạt động, "
     "chưa có cơ quan kế nhiệm)", notes->unassigned, notes->n_unassigned},
    {"Chưa gửi được nhắc nhở vì cơ quan chưa có địa chỉ thư hợp lệ",
     notes->no_address, notes->n_no_address},
    {"Thư, webhook gửi không thành công (đã dừng gửi lại)",
     notes->failures, notes->n_failures},
    {"Thư, webhook đang chờ gửi lại (lần gửi trước chưa được)",
     notes->waiting, notes->n_waiting},
    {"Lỗi trong quy tắc cần sửa (phần còn lại vẫn được theo dõi)",
     notes->rules, notes->n_rules},
  };
  size_t shown = 0;
  for (size_t k = 0; k < sizeof sections / sizeof *sections; k++) {
    char title[256];
    if (sections[k].n == 0)
      continue;
    snprintf(title, sizeof title, "%s. %s", roman[shown++], sections[k].title);
    digest_list(t, h, title, sections[k].lines, sections[k].n);
  }
}

/* The indicators of j with a status, most worrying first; *n of them, how
 * many need attention in *attention. NULL when out of memory. */
static const struct finding **indicator_rows(const struct jurisdiction *j,
                                             const struct findings *f,
                                             size_t *n, size_t *attention)
{
  const struct finding **v = malloc((f->n ? f->n : 1) * sizeof *v);
  *n = *attention = 0;
  if (v == NULL)
    return NULL;
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (x->j != j || !x->indicator)
      continue;
    v[(*n)++] = x;
    *attention += needs_attention(x->kind);
  }
  if (*n > 1)
    qsort(v, *n, sizeof *v, by_severity);
  return v;
}

/* What a digest is made of: the table of reports, the indicators (most
 * worrying first, `attention` of them off track, at risk or without
 * data). */
struct digest {
  struct table reports;
  const struct finding **ind; size_t n_ind, attention;
};

static int digest_body(FILE *t, FILE *h, const struct jurisdiction *j,
                       const struct findings *f,
                       const struct digest_notes *notes,
                       const struct digest *d, const char *date)
{
  const struct table *tb = &d->reports;
  size_t attention = d->attention;
  fprintf(t, "Tình hình theo dõi, đôn đốc ngày %s — %s\n\n", date, j->name);
  fputs("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\"></head>\n<body style=\"margin:0;padding:10px;"
        "font-family:Arial,Helvetica,sans-serif;font-size:14px;"
        "color:#222222;background:#ffffff\">\n<h2 style=\"font-size:18px;"
        "margin:0 0 6px\">", h);
  fprintf(h, "Tình hình ngày %s — ", date);
  compose_html_escaped(h, j->name);
  fprintf(h, "</h2>\n<p style=\"margin:0 0 8px\">%zu báo cáo quá hạn ở %zu "
          "cơ quan; %zu chỉ tiêu cần quan tâm.</p>\n", tb->overdue,
          tb->agencies_overdue, attention);
  digest_campaigns(t, h, j, f);

  fprintf(t, "I. Báo cáo quá hạn: %zu, ở %zu cơ quan\n", tb->overdue,
          tb->agencies_overdue);
  fprintf(h, "<h3 style=\"" S_H3 "\">I. Báo cáo quá hạn: %zu</h3>\n",
          tb->overdue);
  text_report_table(t, tb);
  html_report_table(h, j, tb);

  fprintf(t, "\nII. Chỉ tiêu chậm tiến độ, có nguy cơ hoặc chưa có số liệu: "
          "%zu\n", attention);
  fprintf(h, "<h3 style=\"" S_H3 "\">II. Chỉ tiêu cần quan tâm: %zu "
          "(trong %zu chỉ tiêu)</h3>\n", attention, d->n_ind);
  if (text_indicators(t, d->ind, d->n_ind, notes) != 0 ||
      html_indicator_table(h, d->ind, d->n_ind, notes) != 0)
    return -1;

  digest_notes_sections(t, h, notes);
  fputs("\n-- \n", t);
  compose_signature(t, j, date, false);
  fputs("\n", t);
  fputs("<p style=\"margin:16px 0 0\"><small>", h);
  compose_signature(h, j, date, true);
  fputs("</small></p>\n</body></html>\n", h);
  return 0;
}

static void digest_release(struct digest *d)
{
  table_release(&d->reports);
  free(d->ind);
}

int compose_digest(const struct jurisdiction *j, const struct findings *f,
                   const struct digest_notes *notes, const char *domain,
                   cal_day now, struct composed *out)
{
  static const struct digest_notes none;
  char *tbuf = NULL, *hbuf = NULL, date[CAL_DATE_LEN], day[CAL_DATE_LEN];
  char msg[1024], key[256], hash[17], prefix[256];
  size_t tlen, hlen;
  struct digest d = {0};
  if (notes == NULL)
    notes = &none;
  memset(out, 0, sizeof *out);
  if (table_build(&d.reports, j, f, now) != 0)
    return -1;
  d.ind = indicator_rows(j, f, &d.n_ind, &d.attention);
  FILE *t = open_memstream(&tbuf, &tlen);
  FILE *h = open_memstream(&hbuf, &hlen);
  if (d.ind == NULL || t == NULL || h == NULL) {
    if (t) fclose(t);
    if (h) fclose(h);
    free(tbuf); free(hbuf);
    digest_release(&d);
    return -1;
  }
  cal_format_vn(now, date);
  int rc = digest_body(t, h, j, f, notes, &d, date);
  out->text = compose_stream_close(t, &tbuf);
  out->html = compose_stream_close(h, &hbuf);
  if (j->texts.subject_prefix)
    snprintf(prefix, sizeof prefix, "%s", j->texts.subject_prefix);
  else
    snprintf(prefix, sizeof prefix, "[%s]", j->name);
  snprintf(msg, sizeof msg, "%s Tổng hợp ngày %s: %zu báo cáo quá hạn, "
           "%zu chỉ tiêu cần quan tâm", prefix, date, d.reports.overdue,
           d.attention);
  out->subject = strdup(msg);
  cal_format(now, day);
  snprintf(key, sizeof key, "digest|%s|%s", j->id, day);
  compose_hash(key, hash);
  snprintf(msg, sizeof msg, "<dondoc-digest-%s@%s>", hash, domain);
  out->message_id = strdup(msg);
  digest_release(&d);
  if (rc != 0 || !out->text || !out->html || !out->subject ||
      !out->message_id) {
    composed_release(out);
    return -1;
  }
  return 0;
}

/* ---- the values over time ------------------------------------------------- */

void digest_series_free(struct digest_series *v, size_t n)
{
  for (size_t i = 0; v && i < n; i++) {
    free(v[i].periods);
    free(v[i].values);
  }
  free(v);
}

int digest_series_load(const struct jurisdiction *j, struct store *s,
                       struct digest_series **out, size_t *n, char *err,
                       size_t errlen)
{
  *out = NULL;
  *n = 0;
  if (j->n_indicators == 0)
    return 0;
  struct digest_series *v = calloc(j->n_indicators, sizeof *v);
  if (v == NULL) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  size_t k = 0;
  for (size_t i = 0; i < j->n_indicators; i++) {
    const struct indicator *ind = &j->indicators[i];
    if (ind->n_targets == 0)            /* a data series feeding a ratio */
      continue;
    v[k].indicator = ind;
    if (evaluate_series(j, s, ind, &v[k].periods, &v[k].values, &v[k].n, err,
                        errlen) != 0) {
      digest_series_free(v, k + 1);
      return -1;
    }
    k++;
  }
  *out = v;
  *n = k;
  return 0;
}
