/*
 * import_csv.h — decoded text → rows of cells, with Debian's libcsv.
 *
 * The separator is the one of comma, semicolon and tab that the first
 * non-blank line (the header) holds most often outside quotes: Excel
 * writes commas, or semicolons where the list separator is ";", and tabs
 * in "Unicode Text". Quoting is RFC 4180's, as Excel writes it, read in
 * libcsv's strict mode: a stray quote is an error at its row, not a guess.
 * Cells are trimmed of spaces and no-break spaces; rows whose cells are
 * all empty (the ",,,," Excel leaves under a table) are dropped.
 */
#ifndef DONDOC_IMPORT_CSV_H
#define DONDOC_IMPORT_CSV_H

#include <stddef.h>

/* At most this many cells in a row, and bytes in a cell. */
#define IMPORT_MAX_CELLS 64
#define IMPORT_MAX_CELL 4096

struct import_row {
  size_t line;                 /* the file's line where the row starts */
  char **cells; size_t n_cells;
};

struct import_table {
  char delimiter;              /* ',', ';' or '\t' */
  struct import_row *rows; size_t n_rows;    /* rows[0]: the header */
};

/* Split NUL-terminated text (len bytes) into t. Returns 0; -1 when the
 * text is not CSV (*line and msg say where and why); -2 when out of
 * memory. t is released by import_table_release, also after an error. */
int import_csv_parse(const char *text, size_t len, struct import_table *t,
                     size_t *line, char *msg, size_t msg_len);

void import_table_release(struct import_table *t);
/* Free one row's cells early (a row already read): the table then keeps
 * it as a row of no cells, and import_table_release still frees the rest. */
void import_row_release(struct import_row *r);

#endif
