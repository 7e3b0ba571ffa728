/*
 * csv.c — the appendix-01 table as CSV (report.h): the six columns of the
 * plans' table (TT, Mục tiêu/chỉ tiêu, Kết quả năm N, Đơn vị tính, Đơn vị
 * chủ trì, Kỳ báo cáo), one line per row, values as people read them
 * (decimal comma). UTF-8 with a byte-order mark, which is how Excel knows
 * the file is UTF-8; RFC 4180 quoting and the formula guard of csv_write.
 */
#include "report.h"
#include "csv_write.h"

int report_csv(const struct report *r, FILE *out)
{
  const char *cells[REPORT_N_COLUMNS];
  char result[32], value[64];
  fputs("\xEF\xBB\xBF", out);
  report_column_titles(r, cells, result);
  for (size_t c = 0; c < REPORT_N_COLUMNS; c++)
    csv_write_field(out, cells[c], c + 1 == REPORT_N_COLUMNS);
  for (size_t i = 0; i < r->n_rows; i++) {
    report_row_cells(r, &r->rows[i], cells, value);
    for (size_t c = 0; c < REPORT_N_COLUMNS; c++)
      csv_write_field(out, cells[c], c + 1 == REPORT_N_COLUMNS);
  }
  return ferror(out) ? -1 : 0;
}
