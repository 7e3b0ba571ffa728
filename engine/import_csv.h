/*
 * import_csv.h — decoded text → rows of cells, with Debian's libcsv.
 *
 * The text may come in chunks of any size (import_csv_feed): each row is
 * handed to a callback as it ends, so a million rows are never held at
 * once. import_csv_parse reads a whole text into a table (small files,
 * tests).
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

/* Called with each row as it ends (rows of empty cells are skipped); the
 * row and its cells are the parser's, valid during the call only. Return
 * 0 to go on; anything else stops the parse, which then returns -2. */
typedef int (*import_row_fn)(const struct import_row *r, void *ctx);

struct import_csv;             /* a parse under way */

/* A parser calling fn(row, ctx) per row, or NULL when out of memory.
 * Freed by import_csv_free. */
struct import_csv *import_csv_new(import_row_fn fn, void *ctx);
/* Parse the next n bytes of the text; a chunk may end anywhere (in a
 * cell, a line break or a UTF-8 character). Returns 0; -1 when the text
 * is not CSV (import_csv_error says where and why); -2 when out of memory
 * or stopped by the callback. After an error, feed no more. */
int import_csv_feed(struct import_csv *c, const char *text, size_t n);
/* The end of the text: the last row, if it has no line break. Same
 * returns as import_csv_feed. */
int import_csv_finish(struct import_csv *c);
/* The separator ('\0' until the header's line was seen), and the line and
 * message of the last -1. */
char import_csv_delimiter(const struct import_csv *c);
const char *import_csv_error(const struct import_csv *c, size_t *line);
void import_csv_free(struct import_csv *c);

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
