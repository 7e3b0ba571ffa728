/*
 * xlsx.c — the report as an Excel workbook, through libxlsxwriter
 * (report.h). Four sheets:
 *   "Phụ lục 01"  the appendix-01 table (the CSV's rows), under a title,
 *                 ready to print on A4 with its header row repeated;
 *   "Cơ quan"     each agency's counts and on-time rate;
 *   "Báo cáo"     every report in the window with its status;
 *   "Chỉ tiêu"    every indicator: status, values, targets, projection.
 * Figures are number cells (rounded to 2 decimals, as the page shows
 * them), dates are date cells shown dd/mm/yyyy: the spreadsheet's locale
 * gives the decimal comma. Text goes in as string cells, never formulas,
 * so a title beginning with '=' stays text.
 */
#include "report.h"

#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "messages.h"

struct book {
  lxw_workbook *wb;
  lxw_error err;                 /* the first error, if any */
  lxw_format *title, *note, *head, *text, *bold, *italic, *num, *date, *pct;
};

static void check(struct book *b, lxw_error e)
{
  if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
    b->err = e;
}

static void cell(struct book *b, lxw_worksheet *ws, size_t row, size_t col,
                 const char *s, lxw_format *f)
{
  check(b, s && s[0] ? worksheet_write_string(ws, (lxw_row_t)row,
                                              (lxw_col_t)col, s, f)
                     : worksheet_write_blank(ws, (lxw_row_t)row,
                                             (lxw_col_t)col, f));
}

static void number(struct book *b, lxw_worksheet *ws, size_t row, size_t col,
                   double v, lxw_format *f)
{
  check(b, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
                                  round(v * 100) / 100, f));
}

/* A figure of an indicator: a number, or có/không for yes/no ones. */
static void figure(struct book *b, lxw_worksheet *ws, size_t row, size_t col,
                   const struct indicator *ind, bool has, double v)
{
  if (!has)
    cell(b, ws, row, col, NULL, b->num);
  else if (ind->direction == DIR_YES_NO)
    cell(b, ws, row, col, v != 0 ? "có" : "không", b->text);
  else
    number(b, ws, row, col, v, b->num);
}

static void date(struct book *b, lxw_worksheet *ws, size_t row, size_t col,
                 cal_day d)
{
  int y, m, dd;
  if (d == MODEL_DUE_UNSET || d == 0) {
    cell(b, ws, row, col, NULL, b->text);
    return;
  }
  cal_to_ymd(d, &y, &m, &dd);
  lxw_datetime dt = {.year = y, .month = m, .day = dd};
  check(b, worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt,
                                    b->date));
}

static void columns(struct book *b, lxw_worksheet *ws, const double *widths,
                    size_t n)
{
  for (size_t c = 0; c < n; c++)
    check(b, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
                                  NULL));
}

static void header_row(struct book *b, lxw_worksheet *ws, size_t row,
                       const char *const *titles, size_t n)
{
  for (size_t c = 0; c < n; c++)
    cell(b, ws, row, c, titles[c], b->head);
  worksheet_freeze_panes(ws, (lxw_row_t)(row + 1), 0);
  check(b, worksheet_repeat_rows(ws, (lxw_row_t)row, (lxw_row_t)row));
}

static lxw_worksheet *sheet(struct book *b, const char *name)
{
  lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
  if (ws == NULL) {
    check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return NULL;
  }
  worksheet_set_paper(ws, 9);                      /* A4 */
  worksheet_fit_to_pages(ws, 1, 0);                /* one page wide */
  return ws;
}

static void appendix_sheet(struct book *b, const struct report *r)
{
  static const double widths[REPORT_N_COLUMNS] = {8, 70, 14, 12, 30, 14};
  const char *titles[REPORT_N_COLUMNS], *cells[REPORT_N_COLUMNS];
  char result[32], value[64], heading[512], today[CAL_DATE_LEN];
  lxw_worksheet *ws = sheet(b, "Phụ lục 01");
  if (ws == NULL)
    return;
  columns(b, ws, widths, REPORT_N_COLUMNS);
  report_column_titles(r, titles, result);
  snprintf(heading, sizeof heading, "Kết quả thực hiện các mục tiêu, chỉ "
           "tiêu năm %d — %s", r->year, r->j->name);
  check(b, worksheet_merge_range(ws, 0, 0, 0, REPORT_N_COLUMNS - 1, heading,
                                 b->title));
  cal_format_vn(r->now, today);
  snprintf(heading, sizeof heading, "%s%sTình hình ngày %s",
           r->j->plan ? r->j->plan : "", r->j->plan ? ". " : "", today);
  check(b, worksheet_merge_range(ws, 1, 0, 1, REPORT_N_COLUMNS - 1, heading,
                                 b->note));
  header_row(b, ws, 3, titles, REPORT_N_COLUMNS);
  for (size_t i = 0; i < r->n_rows; i++) {
    const struct report_row *row = &r->rows[i];
    lxw_format *f = row->level == ROW_GOAL || row->level == ROW_GROUP
                    ? b->bold
                    : row->level == ROW_COUNT ? b->italic : b->text;
    size_t at = 4 + i;
    report_row_cells(r, row, cells, value);
    for (size_t c = 0; c < REPORT_N_COLUMNS; c++)
      if (c == 2 && row->ind)
        figure(b, ws, at, c, row->ind, row->has_value, row->value);
      else
        cell(b, ws, at, c, cells[c], f);
  }
}

static void agencies_sheet(struct book *b, const struct report *r)
{
  static const char *const titles[] = {
    "Mã", "Cơ quan, đơn vị", "Số báo cáo", "Đúng hạn", "Gửi muộn",
    "Quá hạn", "Tỷ lệ đúng hạn"};
  static const double widths[] = {18, 40, 11, 11, 11, 11, 15};
  lxw_worksheet *ws = sheet(b, "Cơ quan");
  if (ws == NULL)
    return;
  columns(b, ws, widths, 7);
  header_row(b, ws, 0, titles, 7);
  for (size_t i = 0; i < r->n_agencies; i++) {
    const struct report_agency *a = &r->agencies[i];
    double rate;
    cell(b, ws, i + 1, 0, a->agency->id, b->text);
    cell(b, ws, i + 1, 1, a->agency->name, b->text);
    number(b, ws, i + 1, 2, (double)a->n_items, b->num);
    number(b, ws, i + 1, 3, (double)a->on_time, b->num);
    number(b, ws, i + 1, 4, (double)a->late, b->num);
    number(b, ws, i + 1, 5, (double)a->overdue, b->num);
    if (report_rate(a, &rate))
      check(b, worksheet_write_number(ws, (lxw_row_t)(i + 1), 6, rate,
                                      b->pct));
    else
      cell(b, ws, i + 1, 6, NULL, b->pct);
  }
}

static void reports_sheet(struct book *b, const struct report *r)
{
  static const char *const titles[] = {
    "Cơ quan, đơn vị", "Báo cáo", "Kỳ", "Hạn", "Trạng thái", "Ngày nhận",
    "Số ngày"};
  static const double widths[] = {32, 60, 10, 12, 20, 12, 9};
  lxw_worksheet *ws = sheet(b, "Báo cáo");
  if (ws == NULL)
    return;
  columns(b, ws, widths, 7);
  header_row(b, ws, 0, titles, 7);
  size_t row = 1;
  for (size_t i = 0; i < r->n_agencies; i++)
    for (size_t k = 0; k < r->agencies[i].n_items; k++, row++) {
      const struct finding *f = r->agencies[i].items[k];
      cell(b, ws, row, 0, f->agency->name, b->text);
      cell(b, ws, row, 1, f->obligation->title, b->text);
      cell(b, ws, row, 2, f->period.id, b->text);
      date(b, ws, row, 3, f->due);
      cell(b, ws, row, 4, message_status(f->kind), b->text);
      date(b, ws, row, 5, f->kind == FIND_ON_TIME || f->kind == FIND_LATE
                          ? f->received : 0);
      number(b, ws, row, 6, f->days, b->num);
    }
}

static void indicators_sheet(struct book *b, const struct report *r)
{
  static const char *const titles[] = {
    "Mã", "Chỉ tiêu", "Trạng thái", "Kỳ đánh giá", "Giá trị", "Lộ trình",
    "Mục tiêu", "Năm mục tiêu", "Mục tiêu quốc gia", "Dự báo",
    "Giá trị mới nhất", "Kỳ", "Đơn vị tính", "Cơ quan chủ trì"};
  static const double widths[] = {10, 60, 20, 11, 10, 10, 10, 8, 10, 10, 10,
                                  11, 14, 32};
  lxw_worksheet *ws = sheet(b, "Chỉ tiêu");
  if (ws == NULL)
    return;
  worksheet_set_landscape(ws);
  columns(b, ws, widths, 14);
  header_row(b, ws, 0, titles, 14);
  for (size_t i = 0; i < r->n_indicators; i++) {
    const struct report_indicator *ri = &r->indicators[i];
    const struct indicator *ind = ri->ind;
    const struct finding *st = ri->status;
    size_t row = i + 1;
    bool parent = false;
    double pv = 0;
    for (size_t k = 0; k < ri->n_targets; k++)
      if (ri->targets[k].year == ri->goal_year && ri->targets[k].has_parent) {
        parent = true;
        pv = ri->targets[k].parent;
      }
    cell(b, ws, row, 0, ind->id, b->text);
    cell(b, ws, row, 1, ind->title, b->text);
    cell(b, ws, row, 2, st ? message_status(st->kind) : "chưa đánh giá",
         b->text);
    cell(b, ws, row, 3, st ? st->period.id : NULL, b->text);
    figure(b, ws, row, 4, ind, st && st->has_value, st ? st->value : 0);
    figure(b, ws, row, 5, ind, st && st->has_expected,
           st ? st->expected : 0);
    figure(b, ws, row, 6, ind, true, ri->goal_value);
    number(b, ws, row, 7, ri->goal_year, b->num);
    figure(b, ws, row, 8, ind, parent, pv);
    figure(b, ws, row, 9, ind, st && st->has_projection,
           st ? st->projected : 0);
    figure(b, ws, row, 10, ind, ri->n_series > 0,
           ri->n_series ? ri->series[ri->n_series - 1].y : 0);
    cell(b, ws, row, 11, ri->n_series ? ri->series[ri->n_series - 1].period.id
                                      : NULL, b->text);
    cell(b, ws, row, 12, report_unit(ind), b->text);
    cell(b, ws, row, 13, report_lead_name(ri), b->text);
  }
}

static void formats(struct book *b)
{
  b->title = workbook_add_format(b->wb);
  b->note = workbook_add_format(b->wb);
  b->head = workbook_add_format(b->wb);
  b->text = workbook_add_format(b->wb);
  b->bold = workbook_add_format(b->wb);
  b->italic = workbook_add_format(b->wb);
  b->num = workbook_add_format(b->wb);
  b->date = workbook_add_format(b->wb);
  b->pct = workbook_add_format(b->wb);
  lxw_format *all[] = {b->title, b->note, b->head, b->text, b->bold, b->italic,
                       b->num, b->date, b->pct};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
    if (all[i] == NULL) {
      check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
    format_set_text_wrap(all[i]);
    format_set_align(all[i], LXW_ALIGN_VERTICAL_TOP);
    if (all[i] != b->title && all[i] != b->note)
      format_set_border(all[i], LXW_BORDER_THIN);
  }
  format_set_bold(b->title);
  format_set_font_size(b->title, 13);
  format_set_bold(b->head);
  format_set_bg_color(b->head, 0xF0F2F4);
  format_set_align(b->head, LXW_ALIGN_CENTER);
  format_set_bold(b->bold);
  format_set_bg_color(b->bold, 0xF6F8FA);
  format_set_italic(b->italic);
  format_set_italic(b->note);
  format_set_num_format(b->date, "dd/mm/yyyy");
  format_set_num_format(b->pct, "0%");
}

int report_xlsx(const struct report *r, const char *path, char *err,
                size_t errlen)
{
  struct book b = {.wb = workbook_new(path)};
  if (b.wb == NULL) {
    snprintf(err, errlen, "%s: cannot start the workbook (out of memory)",
             path);
    return -1;
  }
  lxw_doc_properties props = {.title = "Báo cáo tình hình",
                              .author = "dondoc",
                              .subject = r->j->name};
  check(&b, workbook_set_properties(b.wb, &props));
  formats(&b);
  appendix_sheet(&b, r);
  agencies_sheet(&b, r);
  reports_sheet(&b, r);
  indicators_sheet(&b, r);
  /* closing writes the file; it is needed even after an error, to free */
  lxw_error closed = workbook_close(b.wb);
  check(&b, closed);
  if (b.err != LXW_NO_ERROR) {
    snprintf(err, errlen, "%s: %s", path, lxw_strerror(b.err));
    return -1;
  }
  return 0;
}
