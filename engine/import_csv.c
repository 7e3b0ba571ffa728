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

/* How much of a file's start is held back to find the header's separator
 * before it is decided on what has come (a header this long is no
 * header). */
#define HEAD_MAX (1u << 20)

struct import_csv {
  struct csv_parser p;
  bool p_ready;                /* csv_init succeeded */
  import_row_fn fn; void *ctx;
  char delimiter;              /* 0 until decided */
  char *head; size_t head_len; /* the start, until the delimiter is known */
  struct import_row cur;       /* the row being read */
  size_t line;                 /* the line being fed */
  size_t start;                /* the line where the current row starts */
  bool at_line_start;          /* the next byte begins a new line */
  bool after_cr;               /* the last byte fed was a CR ending a line */
  bool need_start;             /* the next non-blank byte starts a row */
  int error;                   /* 0, -1 (msg set), -2 out of memory/stop */
  char msg[256];
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
  struct import_csv *st = data;
  if (st->error)
    return;
  if (st->cur.n_cells == IMPORT_MAX_CELLS || len > IMPORT_MAX_CELL) {
    snprintf(st->msg, sizeof st->msg, st->cur.n_cells == IMPORT_MAX_CELLS
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

/* libcsv: the row has ended: hand it over, then reuse it. */
static void on_row(int c, void *data)
{
  struct import_csv *st = data;
  (void)c;
  st->need_start = true;
  bool empty = true;
  for (size_t i = 0; i < st->cur.n_cells && empty; i++)
    empty = st->cur.cells[i][0] == '\0';
  if (!st->error && !empty) {
    st->cur.line = st->start;
    if (st->fn(&st->cur, st->ctx) != 0)
      st->error = -2;
  }
  import_row_release(&st->cur);
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

struct import_csv *import_csv_new(import_row_fn fn, void *ctx)
{
  struct import_csv *c = calloc(1, sizeof *c);
  if (c == NULL)
    return NULL;
  c->fn = fn;
  c->ctx = ctx;
  c->at_line_start = true;
  c->need_start = true;
  if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    free(c);
    return NULL;
  }
  c->p_ready = true;
  return c;
}

void import_csv_free(struct import_csv *c)
{
  if (c == NULL)
    return;
  import_row_release(&c->cur);
  if (c->p_ready)
    csv_free(&c->p);
  free(c->head);
  free(c);
}

char import_csv_delimiter(const struct import_csv *c)
{
  return c->delimiter;
}

const char *import_csv_error(const struct import_csv *c, size_t *line)
{
  *line = c->error == -1 ? c->start : 0;
  return c->msg;
}

static int fail(struct import_csv *c, size_t line, const char *what)
{
  c->start = line;             /* import_csv_error's line */
  snprintf(c->msg, sizeof c->msg, "%s", what);
  c->error = -1;
  return -1;
}

/* After libcsv took (or refused) a piece: the error, if any. */
static int parsed(struct import_csv *c, size_t want, size_t got)
{
  if (got != want)
    return csv_error(&c->p) == CSV_ENOMEM ? (c->error = -2)
           : fail(c, c->line, "a quote inside a cell that does not start "
                  "with one, or after a closing quote: quote the whole cell "
                  "and double the quotes in it (\"\")");
  return c->error;             /* set by on_cell or on_row: -1 or -2 */
}

/* Feed s[0..n), which holds at most one line break, at its end. */
static int feed_piece(struct import_csv *c, const char *s, size_t n)
{
  if (c->at_line_start) {
    c->line++;
    c->at_line_start = false;
  }
  if (c->need_start && !blank(s, n)) {
    c->start = c->line;
    c->need_start = false;
  }
  int rc = parsed(c, n, csv_parse(&c->p, s, n, on_cell, on_row, c));
  if (rc == 0 && n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) {
    c->at_line_start = true;
    c->after_cr = s[n - 1] == '\r';
  }
  return rc;
}

/* Feed text whose separator is known, line by line, so that each row
 * knows the line it starts on. A CRLF split between two chunks is one
 * break: its LF goes with the line its CR ended. */
static int feed_lines(struct import_csv *c, const char *s, size_t n)
{
  size_t off = 0;
  int rc = 0;
  if (n > 0 && c->after_cr && s[0] == '\n') {
    rc = parsed(c, 1, csv_parse(&c->p, s, 1, on_cell, on_row, c));
    off = 1;
  }
  if (n > 0)
    c->after_cr = false;
  while (off < n && rc == 0) {
    size_t k = line_length(s + off, n - off);
    rc = feed_piece(c, s + off, k);
    off += k;
  }
  return rc;
}

/* Whether head[0..n) holds a whole non-blank line (the header's). */
static bool has_header_line(const char *s, size_t n)
{
  size_t off = 0;
  while (off < n) {
    size_t k = line_length(s + off, n - off);
    bool ended = s[off + k - 1] == '\n' || s[off + k - 1] == '\r';
    if (!ended)
      return false;
    if (!blank(s + off, k))
      return true;
    off += k;
  }
  return false;
}

/* Decide the separator on what is held back, and parse it. */
static int start_parse(struct import_csv *c)
{
  c->delimiter = detect_delimiter(c->head ? c->head : "", c->head_len);
  csv_set_delim(&c->p, (unsigned char)c->delimiter);
  if (c->delimiter == '\t')
    csv_set_space_func(&c->p, space_only);
  char *head = c->head;
  size_t n = c->head_len;
  c->head = NULL;
  c->head_len = 0;
  int rc = feed_lines(c, head ? head : "", n);
  free(head);
  return rc;
}

int import_csv_feed(struct import_csv *c, const char *text, size_t n)
{
  if (c->error)
    return c->error;
  if (c->delimiter)
    return feed_lines(c, text, n);
  char *nh = realloc(c->head, c->head_len + n + 1);
  if (nh == NULL)
    return c->error = -2;
  c->head = nh;
  memcpy(c->head + c->head_len, text, n);
  c->head_len += n;
  if (c->head_len < HEAD_MAX && !has_header_line(c->head, c->head_len))
    return 0;
  return start_parse(c);
}

int import_csv_finish(struct import_csv *c)
{
  if (c->error)
    return c->error;
  if (!c->delimiter && start_parse(c) != 0)
    return c->error;
  if (csv_fini(&c->p, on_cell, on_row, c) != 0)
    return csv_error(&c->p) == CSV_ENOMEM ? (c->error = -2)
           : fail(c, c->start, "a quoted cell is never closed (a quote "
                  "missing at its end)");
  return c->error;
}

/* import_csv_parse's callback: a copy of the row into the table. */
static int keep_row(const struct import_row *r, void *ctx)
{
  struct import_table *t = ctx;
  struct import_row *nr = realloc(t->rows, (t->n_rows + 1) * sizeof *nr);
  if (nr == NULL)
    return -1;
  t->rows = nr;
  struct import_row *k = &t->rows[t->n_rows];
  k->line = r->line;
  k->n_cells = 0;
  if ((k->cells = calloc(r->n_cells ? r->n_cells : 1, sizeof *k->cells))
      == NULL)
    return -1;
  t->n_rows++;
  for (; k->n_cells < r->n_cells; k->n_cells++)
    if ((k->cells[k->n_cells] = strdup(r->cells[k->n_cells])) == NULL)
      return -1;
  return 0;
}

int import_csv_parse(const char *text, size_t len, struct import_table *t,
                     size_t *line, char *msg, size_t msg_len)
{
  memset(t, 0, sizeof *t);
  msg[0] = '\0';
  *line = 0;
  struct import_csv *c = import_csv_new(keep_row, t);
  if (c == NULL)
    return -2;
  int rc = import_csv_feed(c, text, len);
  if (rc == 0)
    rc = import_csv_finish(c);
  t->delimiter = import_csv_delimiter(c);
  if (rc == -1)
    snprintf(msg, msg_len, "%s", import_csv_error(c, line));
  import_csv_free(c);
  return rc;
}
