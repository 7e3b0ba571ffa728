/*
 * import_csv.c — decoded text → rows of cells, with libcsv (import_csv.h).
 *
 * The text is fed to libcsv one line at a time, so each row knows the line
 * it starts on — the row number an officer sees in a text editor, and in
 * Excel too unless a cell holds a line break.
 */
#include "import_csv.h"

#include <csv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct csv_state {
  struct import_table *t;
  struct import_row cur;       /* the row being read */
  size_t line;                 /* the line being fed */
  bool need_start;             /* the next non-blank line starts a row */
  int error;                   /* 0, -1 (msg set), -2 out of memory */
  char *msg; size_t msg_len;
};

void import_row_release(struct import_row *r)
{
  for (size_t i = 0; i < r->n_cells; i++)
    free(r->cells[i]);
  free(r->cells);
  r->cells = NULL;
  r->n_cells = 0;
}

void import_table_release(struct import_table *t)
{
  for (size_t i = 0; i < t->n_rows; i++)
    import_row_release(&t->rows[i]);
  free(t->rows);
  t->rows = NULL;
  t->n_rows = 0;
}

/* A copy of s[0..n) without the spaces, tabs and no-break spaces
 * (U+00A0) around it. */
static char *trimmed(const char *s, size_t n)
{
  while (n > 0 && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
    s += 2, n -= 2;
  for (;;) {
    if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
    else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
             (unsigned char)s[n - 1] == 0xA0)
      n -= 2;
    else
      break;
  }
  char *c = malloc(n + 1);
  if (c) {
    memcpy(c, s, n);
    c[n] = '\0';
  }
  return c;
}

/* libcsv: one cell has ended. */
static void on_cell(void *field, size_t len, void *data)
{
  struct csv_state *st = data;
  if (st->error)
    return;
  if (st->cur.n_cells == IMPORT_MAX_CELLS || len > IMPORT_MAX_CELL) {
    snprintf(st->msg, st->msg_len, st->cur.n_cells == IMPORT_MAX_CELLS
             ? "more than %d cells in a row" : "a cell longer than %d bytes",
             st->cur.n_cells == IMPORT_MAX_CELLS ? IMPORT_MAX_CELLS
                                                 : IMPORT_MAX_CELL);
    st->error = -1;
    return;
  }
  char **nc = realloc(st->cur.cells, (st->cur.n_cells + 1) * sizeof *nc);
  char *cell = nc ? trimmed(field ? field : "", field ? len : 0) : NULL;
  if (nc)
    st->cur.cells = nc;
  if (cell == NULL) {
    st->error = -2;
    return;
  }
  st->cur.cells[st->cur.n_cells++] = cell;
}

/* libcsv: the row has ended. */
static void on_row(int c, void *data)
{
  struct csv_state *st = data;
  (void)c;
  st->need_start = true;
  bool empty = true;
  for (size_t i = 0; i < st->cur.n_cells && empty; i++)
    empty = st->cur.cells[i][0] == '\0';
  if (st->error || empty) {
    import_row_release(&st->cur);
    return;
  }
  struct import_table *t = st->t;
  struct import_row *nr = realloc(t->rows, (t->n_rows + 1) * sizeof *nr);
  if (nr == NULL) {
    import_row_release(&st->cur);
    st->error = -2;
    return;
  }
  t->rows = nr;
  t->rows[t->n_rows++] = st->cur;
  memset(&st->cur, 0, sizeof st->cur);
}

/* The length of the line at s (up to n bytes), its break included. */
static size_t line_length(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n')
      return i + 1;
    if (s[i] == '\r')
      return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
  }
  return n;
}

static bool blank(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return false;
  return true;
}

/* The separator of the header: the most frequent of tab, ';' and ','
 * outside quotes in the first non-blank line (a comma when none is). */
static char detect_delimiter(const char *text, size_t len)
{
  size_t off = 0, n;
  while (off < len && blank(text + off, n = line_length(text + off,
                                                        len - off)))
    off += n;
  n = off < len ? line_length(text + off, len - off) : 0;
  static const char cand[] = {'\t', ';', ','};
  size_t count[3] = {0, 0, 0};
  bool quoted = false;
  for (size_t i = off; i < off + n; i++) {
    if (text[i] == '"')
      quoted = !quoted;
    for (size_t k = 0; k < 3 && !quoted; k++)
      count[k] += text[i] == cand[k];
  }
  size_t best = 2;
  for (size_t k = 0; k < 3; k++)
    if (count[k] > count[best])
      best = k;
  return cand[best];
}

static int space_only(unsigned char c)
{
  return c == ' ';
}

static int fail_at(struct csv_state *st, size_t *line, size_t at,
                   const char *what)
{
  *line = at;
  snprintf(st->msg, st->msg_len, "%s", what);
  return -1;
}

int import_csv_parse(const char *text, size_t len, struct import_table *t,
                     size_t *line, char *msg, size_t msg_len)
{
  struct csv_parser p;
  struct csv_state st = {.t = t, .line = 0, .need_start = true,
                         .msg = msg, .msg_len = msg_len};
  memset(t, 0, sizeof *t);
  msg[0] = '\0';
  *line = 0;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return -2;
  t->delimiter = detect_delimiter(text, len);
  csv_set_delim(&p, (unsigned char)t->delimiter);
  if (t->delimiter == '\t')
    csv_set_space_func(&p, space_only);
  size_t start = 0, off = 0;
  int rc = 0;
  while (off < len && rc == 0) {
    size_t n = line_length(text + off, len - off);
    st.line++;
    if (st.need_start && !blank(text + off, n)) {
      start = st.line;
      st.need_start = false;
    }
    size_t before = t->n_rows;
    if (csv_parse(&p, text + off, n, on_cell, on_row, &st) != n)
      rc = csv_error(&p) == CSV_ENOMEM ? -2
           : fail_at(&st, line, st.line, "a quote inside a cell that does "
                     "not start with one, or after a closing quote: quote "
                     "the whole cell and double the quotes in it (\"\")");
    else if (st.error)
      rc = st.error == -2 ? -2 : (*line = start, -1);
    for (size_t k = before; k < t->n_rows; k++)
      t->rows[k].line = start;
    off += n;
  }
  if (rc == 0) {
    size_t before = t->n_rows;
    if (csv_fini(&p, on_cell, on_row, &st) != 0)
      rc = csv_error(&p) == CSV_ENOMEM ? -2
           : fail_at(&st, line, start, "a quoted cell is never closed (a "
                     "quote missing at its end)");
    else if (st.error)
      rc = st.error == -2 ? -2 : (*line = start, -1);
    for (size_t k = before; k < t->n_rows; k++)
      t->rows[k].line = start;
  }
  import_row_release(&st.cur);
  csv_free(&p);
  return rc;
}
