/*
 * test_import.c — `dondoc import` below the command line: decoding the
 * files Excel writes, splitting them with libcsv, and reading, checking
 * and writing their rows against the fixture province "imp"
 * (tests/fixtures/rules/imp) and a real SQLite file.
 *
 * Each test writes its CSV files into a fresh mkdtemp directory. "Nothing
 * written" is checked on the database itself: a fingerprint of every row
 * of observations and submissions, recorded_at included, is the same
 * before and after.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "fixture.h"
#include "import.h"
#include "record.h"
#include "import_csv.h"
#include "import_text.h"

struct t {
  struct fixture_db db;
  struct ruleset rules;
  char file[160];
  struct import_options o;
  struct import_plan plan;
};

static int setup(void **state)
{
  struct t *t = calloc(1, sizeof *t);
  static const char *const ids[] = {"imp"};
  if (t == NULL || fixture_db_open(&t->db, "import") != 0 ||
      fixture_rules(&t->rules, ids, 1) != 0)
    return -1;
  t->o.today_label = "--now";
  *state = t;
  return 0;
}

static int teardown(void **state)
{
  struct t *t = *state;
  import_plan_release(&t->plan);
  rules_release(&t->rules);
  if (t->file[0])
    (void)unlink(t->file);
  fixture_db_close(&t->db);
  free(t);
  return 0;
}

/* Write n bytes as DIR/NAME, the file the next import reads. */
static void put_file(struct t *t, const char *name, const void *data, size_t n)
{
  if (t->file[0])
    (void)unlink(t->file);
  snprintf(t->file, sizeof t->file, "%s/%s", t->db.dir, name);
  FILE *f = fopen(t->file, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, n, f), n);
  assert_int_equal(fclose(f), 0);
  t->o.path = t->file;
}

static void put_text(struct t *t, const char *name, const char *text)
{
  put_file(t, name, text, strlen(text));
}

/* Read and apply the current file (as at 06/12/2024); import_apply's
 * status, or 2 when reading found errors and apply was not reached. */
static int run(struct t *t, bool replace, bool dry_run)
{
  import_plan_release(&t->plan);
  t->o.today = fixture_day("2024-12-06");
  t->o.replace = replace;
  t->o.dry_run = dry_run;
  assert_int_equal(import_read(&t->o, &t->rules, &t->plan), 0);
  return import_apply(&t->o, t->db.s, &t->plan);
}

/* Whether some error of the plan is exactly "FILE:ROW: reason". */
static void assert_error(const struct t *t, size_t row, const char *reason)
{
  char want[1024];
  snprintf(want, sizeof want, "%s:%zu: %s", t->o.path, row, reason);
  for (size_t i = 0; i < t->plan.n_errors; i++)
    if (strcmp(t->plan.errors[i].message, want) == 0)
      return;
  for (size_t i = 0; i < t->plan.n_errors; i++)
    print_message("  got: %s\n", t->plan.errors[i].message);
  fail_msg("no error '%s'", want);
}

/* Every stored row, recorded_at included, as one string (malloc'd). */
static char *fingerprint(const struct t *t)
{
  sqlite3 *db;
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_open(t->db.path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db,
    "SELECT coalesce((SELECT group_concat(jurisdiction || '|' || indicator || "
    "'|' || unit || '|' || period || '|' || value || '|' || source || '|' || "
    "recorded_at, ';') FROM (SELECT * FROM observations ORDER BY id)), '') "
    "|| '#' || coalesce((SELECT group_concat(agency || '|' || obligation || "
    "'|' || period || '|' || received_on || '|' || coalesce(note, '') || '|' "
    "|| recorded_at, ';') FROM (SELECT * FROM submissions ORDER BY id)), '')",
    -1, &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  char *s = strdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  assert_non_null(s);
  return s;
}

static double stored(const struct t *t, const char *ind, const char *unit,
                     const char *period)
{
  double v = -1;
  assert_int_equal(store_observation_get(t->db.s, "imp", ind, unit, period,
                                         &v), 1);
  return v;
}

/* ---- decoding ----------------------------------------------------------- */

static void decode_ok(const char *bytes, size_t n, enum import_encoding enc,
                      const char *want)
{
  struct import_text text;
  struct import_text_error err;
  int rc = import_text_decode((const unsigned char *)bytes, n, &text, &err);
  if (rc != 0)
    fail_msg("decode: %d at %zu:%zu: %s", rc, err.row, err.col, err.message);
  assert_int_equal(text.encoding, enc);
  assert_string_equal(text.text, want);
  assert_int_equal(text.len, strlen(want));
  import_text_release(&text);
}

static void decode_refused(const char *bytes, size_t n, size_t row,
                           size_t col, const char *words)
{
  struct import_text text;
  struct import_text_error err;
  assert_int_equal(import_text_decode((const unsigned char *)bytes, n, &text,
                                      &err), -1);
  assert_null(text.text);
  assert_int_equal(err.row, row);
  assert_int_equal(err.col, col);
  if (strstr(err.message, words) == NULL)
    fail_msg("'%s' lacks '%s'", err.message, words);
}

static void test_decode_utf8(void **state)
{
  (void)state;
  /* "Chỉ tiêu" with the tone as a combining mark (as macOS and some
   * converters write it) comes out composed, NFC; a BOM is dropped */
  static const char nfd[] = "\xEF\xBB\xBF" "Chi\xCC\x89 ti\xC3\xAAu;K\xE1\xBB"
                            "\xB3\n";
  decode_ok(nfd, sizeof nfd - 1, IMPORT_UTF8_BOM, "Chỉ tiêu;Kỳ\n");
  decode_ok("a,b\r\n1,2\r\n", 10, IMPORT_UTF8, "a,b\r\n1,2\r\n");
  /* normalised line by line, ASCII lines copied: a decomposed line between
   * ASCII ones, and a last line without its newline, still come out NFC */
  static const char mixed[] = "id,gia\nx,Gia\xCC\x81\ny,1\nz,Ky\xCC\x80";
  decode_ok(mixed, sizeof mixed - 1, IMPORT_UTF8,
            "id,gia\nx,Giá\ny,1\nz,Kỳ");
  decode_ok("", 0, IMPORT_UTF8, "");
}

static void test_decode_utf16le(void **state)
{
  (void)state;
  /* "Unicode Text": FF FE, then "Kỳ\tx\n" in UTF-16LE */
  static const char bom[] = "\xFF\xFEK\x00\xF3\x1E\t\x00x\x00\n\x00";
  decode_ok(bom, sizeof bom - 1, IMPORT_UTF16LE, "Kỳ\tx\n");
  /* without the BOM: ASCII letters with NUL high bytes */
  static const char bare[] = "a\x00,\x00" "b\x00\n\x00" "1\x00,\x00" "2\x00";
  decode_ok(bare, sizeof bare - 1, IMPORT_UTF16LE, "a,b\n1,2");
  /* a lone high surrogate on the second line, third character */
  static const char broken[] = "\xFF\xFEk\x00\n\x00" "a\x00" "b\x00\x00\xD8"
                               "c\x00";
  decode_refused(broken, sizeof broken - 1, 2, 3, "lone surrogate");
  /* cut in the middle of a character */
  static const char cut[] = "\xFF\xFEk\x00" "a";
  decode_refused(cut, sizeof cut - 1, 1, 2, "middle of a character");
}

static void test_decode_windows_1258(void **state)
{
  (void)state;
  /* What Excel's "CSV (Comma delimited)" writes on a Vietnamese Windows:
   * base letters followed by the tone as its own byte (D2 hook above, EC
   * acute, F2 dot below), ê and đ as single bytes. */
  static const char excel[] = "Chi\xD2 ti\xEAu;K\xEA\xECt qua\xD2;\xD0\xF5n "
                              "vi\xF2\r\nm1.1;\"47,5\";S\xF5\xD2\r\n";
  decode_ok(excel, sizeof excel - 1, IMPORT_CP1258,
            "Chỉ tiêu;Kết quả;Đơn vị\r\nm1.1;\"47,5\";Sở\r\n");
}

static void test_decode_refuses_what_is_not_text(void **state)
{
  (void)state;
  /* a PNG: its first byte */
  static const char png[] = "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR";
  decode_refused(png, sizeof png - 1, 1, 1, "byte 0x89 at column 1");
  /* 8-bit text that is not Vietnamese (ä): refused, not read as 1258 */
  static const char latin[] = "a,b\ncd\xE4,e\n";
  decode_refused(latin, sizeof latin - 1, 2, 3, "byte 0xE4");
  /* a byte Windows-1258 does not define */
  static const char undefined[] = "Chi\xD2 x\x81y\n";
  decode_refused(undefined, sizeof undefined - 1, 1, 4, "byte 0xD2");
  /* valid UTF-8 holding a NUL: not a text file */
  static const char nul[] = "a,b\r\n1,\x00" "2\r\n";
  decode_refused(nul, sizeof nul - 1, 2, 3, "control character U+0000");
  /* a UTF-8 BOM rules Windows-1258 out */
  static const char bom[] = "\xEF\xBB\xBFSo\xD2\n";
  decode_refused(bom, sizeof bom - 1, 1, 3, "byte 0xD2");
}

/* Streaming UTF-8: cut at every byte — inside the byte-order mark, inside
 * a character, between the parts of a decomposed letter — the text is
 * the NFC of the whole; a bad byte in a later chunk makes it give up. */
static void test_text_stream(void **state)
{
  (void)state;
  static const char in[] = "\xEF\xBB\xBF" "a,Chi\xCC\x89 ti\xC3\xAAu\r\nS\xE1\xBB\x9F,2\n3";
  static const char nfc[] = "a,Ch\xE1\xBB\x89 ti\xC3\xAAu\r\nS\xE1\xBB\x9F,2\n3";
  const size_t n = sizeof in - 1;
  for (size_t cut = 0; cut <= n; cut++) {
    struct import_text_stream ts;
    memset(&ts, 0, sizeof ts);
    char got[128] = "";
    size_t used = 0;
    const char *text;
    size_t len;
    assert_int_equal(import_text_stream_feed(&ts, (const unsigned char *)in,
                                             cut, 0, &text, &len), 0);
    memcpy(got + used, text, len);
    used += len;
    assert_int_equal(import_text_stream_feed(&ts, (const unsigned char *)in
                                             + cut, n - cut, 1, &text, &len),
                     0);
    memcpy(got + used, text, len);
    used += len;
    got[used] = '\0';
    assert_int_equal(ts.encoding, IMPORT_UTF8_BOM);
    import_text_stream_release(&ts);
    if (strcmp(got, nfc) != 0)
      fail_msg("cut at %zu: '%s'", cut, got);
  }
  struct import_text_stream ts;
  memset(&ts, 0, sizeof ts);
  const char *text;
  size_t len;
  assert_int_equal(import_text_stream_feed(&ts, (const unsigned char *)
                                           "a,b\n1,2\n", 8, 0, &text, &len), 0);
  assert_int_equal(len, 8);
  assert_int_equal(import_text_stream_feed(&ts, (const unsigned char *)
                                           "S\xD2,2\n", 5, 1, &text, &len), 1);
  import_text_stream_release(&ts);
}

/* One copy of each text: equal texts give the same pointer, whatever the
 * buffer they came from; the set is empty (and reusable) once released. */
static void test_strings(void **state)
{
  (void)state;
  struct import_strings set;
  memset(&set, 0, sizeof set);
  char buf[16];
  const char *first = NULL;
  for (int i = 0; i < 1000; i++) {
    snprintf(buf, sizeof buf, "x%03d", i % 100);
    const char *c = import_intern(&set, buf);
    assert_non_null(c);
    assert_ptr_not_equal(c, buf);
    assert_string_equal(c, buf);
    if (i == 0)
      first = c;
    if (i % 100 == 0)
      assert_ptr_equal(c, first);
  }
  assert_int_equal(set.n, 100);
  assert_ptr_not_equal(import_intern(&set, "x001"), first);
  import_strings_release(&set);
  assert_int_equal(set.n, 0);
  assert_null(set.root);
  assert_non_null(import_intern(&set, "again"));
  import_strings_release(&set);
}

/* ---- CSV ---------------------------------------------------------------- */

static void csv_ok(const char *text, char delim, size_t rows,
                   struct import_table *tb)
{
  size_t line;
  char msg[256];
  int rc = import_csv_parse(text, strlen(text), tb, &line, msg, sizeof msg);
  if (rc != 0)
    fail_msg("csv: %d at line %zu: %s", rc, line, msg);
  assert_int_equal(tb->delimiter, delim);
  assert_int_equal(tb->n_rows, rows);
}

static void test_csv(void **state)
{
  (void)state;
  struct import_table tb;
  csv_ok("a;b;c\n1;\"2;x\";3\n", ';', 2, &tb);
  assert_string_equal(tb.rows[1].cells[1], "2;x");
  import_table_release(&tb);
  csv_ok("a\tb\n 1 \t\xC2\xA0" "2\xC2\xA0\n", '\t', 2, &tb);
  assert_string_equal(tb.rows[1].cells[0], "1");   /* spaces, NBSP trimmed */
  assert_string_equal(tb.rows[1].cells[1], "2");
  import_table_release(&tb);
  /* a cell with a line break: the next row starts on line 4; the blank
   * line and the ",," row are dropped; rows keep their lines */
  csv_ok("a,b\r\n\"x\r\ny\",1\r\n2,\"say \"\"hi\"\"\"\r\n\r\n,,\r\n3,4",
         ',', 4, &tb);
  assert_string_equal(tb.rows[1].cells[0], "x\r\ny");
  assert_int_equal(tb.rows[1].line, 2);
  assert_string_equal(tb.rows[2].cells[1], "say \"hi\"");
  assert_int_equal(tb.rows[2].line, 4);
  assert_int_equal(tb.rows[3].line, 7);
  import_table_release(&tb);

  size_t line;
  char msg[256];
  assert_int_equal(import_csv_parse("a,b\n1,2\n3,x\"y\n", 14, &tb, &line, msg,
                                    sizeof msg), -1);
  assert_int_equal(line, 3);
  assert_non_null(strstr(msg, "quote"));
  import_table_release(&tb);
  assert_int_equal(import_csv_parse("a,b\n1,\"2\n3,4\n", 13, &tb, &line, msg,
                                    sizeof msg), -1);
  assert_int_equal(line, 2);
  assert_non_null(strstr(msg, "never closed"));
  import_table_release(&tb);
}

/* What the streaming parser hands over, as one string: "LINE:cell|cell;". */
static int collect_row(const struct import_row *r, void *ctx)
{
  char *out = ctx;
  size_t n = strlen(out);
  n += (size_t)snprintf(out + n, 512 - n, "%zu:", r->line);
  for (size_t i = 0; i < r->n_cells; i++)
    n += (size_t)snprintf(out + n, 512 - n, "%s%s", i ? "|" : "",
                          r->cells[i]);
  snprintf(out + n, 512 - n, ";");
  return 0;
}

/* A row, a quoted line break, a CRLF and a UTF-8 character split between
 * two chunks at every byte read as when the text comes whole. */
static void test_csv_chunks(void **state)
{
  (void)state;
  static const char text[] = "a;b\r\n\"x\r\ny\";Sở\r\n\r\n2;\"q\"\"\"\r3;4";
  const size_t n = sizeof text - 1;
  char whole[512] = "";
  struct import_csv *c = import_csv_new(collect_row, whole);
  assert_non_null(c);
  assert_int_equal(import_csv_feed(c, text, n), 0);
  assert_int_equal(import_csv_finish(c), 0);
  assert_int_equal(import_csv_delimiter(c), ';');
  import_csv_free(c);
  assert_string_equal(whole, "1:a|b;2:x\r\ny|Sở;5:2|q\";6:3|4;");
  for (size_t cut = 0; cut <= n; cut++) {
    char got[512] = "";
    c = import_csv_new(collect_row, got);
    assert_non_null(c);
    assert_int_equal(import_csv_feed(c, text, cut), 0);
    assert_int_equal(import_csv_feed(c, text + cut, n - cut), 0);
    assert_int_equal(import_csv_finish(c), 0);
    assert_int_equal(import_csv_delimiter(c), ';');
    import_csv_free(c);
    if (strcmp(got, whole) != 0)
      fail_msg("cut at %zu: %s", cut, got);
  }
  /* an error in the second chunk names its line */
  char got[512] = "";
  size_t line;
  c = import_csv_new(collect_row, got);
  assert_non_null(c);
  assert_int_equal(import_csv_feed(c, "a,b\n1,2\n3,", 10), 0);
  assert_int_equal(import_csv_feed(c, "x\"y\n", 4), -1);
  assert_non_null(strstr(import_csv_error(c, &line), "quote"));
  assert_int_equal(line, 3);
  import_csv_free(c);
  assert_string_equal(got, "1:a|b;2:1|2;");
}

/* ---- rows ----------------------------------------------------------------- */

static void test_import_writes_and_is_idempotent(void **state)
{
  struct t *t = *state;
  put_text(t, "obs.csv",
           "indicator,period,value,numerator,denominator,unit,source\n"
           "pct,2024,47.5,,,,Sở A\n"
           "sv,2024,,45,50,,\n"
           "leaders,2024,10,,,,\n"
           "leaders.f,2024,4,,,,\n"
           "leaders.m,2024,6,,,,\n"
           "cases,2024-Q3,12,,,huyen-c,\n"
           "pct,2024,47.50,,,,\n");               /* the same again */
  assert_int_equal(run(t, false, false), 0);
  assert_int_equal(t->plan.n_errors, 0);
  assert_int_equal(t->plan.n_rows, 7);
  assert_int_equal(t->plan.n_new, 7);            /* sv gives two series */
  assert_int_equal(t->plan.n_same, 1);
  assert_int_equal(t->plan.facts[7].same_as, 2);
  assert_true(stored(t, "pct", "imp", "2024") == 47.5);
  assert_true(stored(t, "sv.supported", "imp", "2024") == 45);
  assert_true(stored(t, "sv.detected", "imp", "2024") == 50);
  assert_true(stored(t, "cases", "huyen-c", "2024-Q3") == 12);

  /* the same file again changes nothing, not even recorded_at */
  char *before = fingerprint(t);
  assert_int_equal(run(t, false, false), 0);
  assert_int_equal(t->plan.n_new, 0);
  assert_int_equal(t->plan.n_same, 8);
  assert_int_equal(t->plan.n_changed, 0);
  char *after = fingerprint(t);
  assert_string_equal(before, after);
  assert_non_null(strstr(after, "import:obs.csv"));   /* the default source */
  assert_non_null(strstr(after, "Sở A"));
  free(before);
  free(after);
}

/* A Windows-1258 file whose first 8-bit byte comes after the first chunk
 * read: the rows already read are dropped and the file is read again,
 * whole — every row once, every bad row reported once. */
static void test_encoding_found_late(void **state)
{
  struct t *t = *state;
  const size_t rows = 6000;
  size_t cap = rows * 32 + 128, n = 0;
  char *data = malloc(cap);
  assert_non_null(data);
  n += (size_t)snprintf(data + n, cap - n, "indicator,period,value,source\n");
  for (size_t i = 0; i < rows; i++)
    n += (size_t)snprintf(data + n, cap - n, "pct,2023,%s,\n",
                          i == 1 ? "x" : "47.5");
  n += (size_t)snprintf(data + n, cap - n, "pct,2022,45,S\xF5\xD2\n");
  assert_true(n > 65536);
  put_file(t, "late.csv", data, n);
  free(data);
  assert_int_equal(run(t, false, false), 1);
  assert_int_equal(t->plan.encoding, IMPORT_CP1258);
  assert_int_equal(t->plan.n_rows, rows + 1);
  assert_int_equal(t->plan.n_errors, 1);
  assert_error(t, 3, "value 'x' " RECORD_VALUE_HINT);
  assert_string_equal(t->plan.facts[t->plan.n_facts - 1].source, "Sở");
}

static void test_vietnamese_file(void **state)
{
  struct t *t = *state;
  /* Excel on a Vietnamese Windows: semicolons, decimal commas, a % cell,
   * dd/mm/yyyy, Vietnamese headers with their units in parentheses,
   * columns kept for people */
  put_text(t, "chi-tieu.csv",
           "STT;Chỉ tiêu;Tên chỉ tiêu;Kỳ;Giá trị (%);Tử số;Mẫu số;Đơn vị tính;"
           "Nguồn\n"
           "1;pct;Tỷ lệ;2023;\"47,5\";;;%;Sở Nội vụ\n"
           "2;pct;Tỷ lệ;2022;45,5%;;;%;\n"
           "3;sv;Tỷ lệ hỗ trợ;2023;90%;45;50;%;\n");
  assert_int_equal(run(t, false, false), 0);
  assert_int_equal(t->plan.kind, IMPORT_OBSERVATIONS);
  assert_int_equal(t->plan.delimiter, ';');
  assert_int_equal(t->plan.n_warnings, 0);
  assert_true(stored(t, "pct", "imp", "2023") == 47.5);
  assert_true(stored(t, "pct", "imp", "2022") == 45.5);

  put_text(t, "bao-cao.csv",
           "Cơ quan,Báo cáo,Kỳ,Ngày nhận,Ghi chú\n"
           "so-a,bc-nam,2024,04/12/2024,CV 12/SA\n"
           "so-b,bc-nam,2024-H1,3/6/2024,\n"
           "huyen-c,bc-huyen,2024-Q3,2024-10-09 08:30,\n");
  assert_int_equal(run(t, false, false), 0);
  assert_int_equal(t->plan.kind, IMPORT_SUBMISSIONS);
  assert_int_equal(t->plan.n_new, 3);
  cal_day d;
  assert_int_equal(store_submission_get(t->db.s, "imp", "so-b", "bc-nam",
                                        "2024-H1", &d), 1);
  assert_int_equal(d, fixture_day("2024-06-03"));
  assert_int_equal(store_submission_get(t->db.s, "imp", "huyen-c",
                                        "bc-huyen", "2024-Q3", &d), 1);
  assert_int_equal(d, fixture_day("2024-10-09"));
}

static void test_headers_in_other_encodings(void **state)
{
  struct t *t = *state;
  /* UTF-16LE "Unicode Text" (tab-separated) with Vietnamese headers */
  static const char u16[] =
    "\xFF\xFE" "C\0h\0\xC9\x1E \0t\0i\0\xEA\0u\0\t\0K\0\xF3\x1E\t\0"
    "G\0i\0\xE1\0 \0t\0r\0\xCB\x1E\n\0"
    "p\0" "c\0t\0\t\0" "2\0" "0\0" "2\0" "1\0\t\0" "4\0" "4\0,\0" "5\0\n\0";
  put_file(t, "unicode.txt", u16, sizeof u16 - 1);
  assert_int_equal(run(t, false, false), 0);
  assert_int_equal(t->plan.encoding, IMPORT_UTF16LE);
  assert_int_equal(t->plan.delimiter, '\t');
  assert_true(stored(t, "pct", "imp", "2021") == 44.5);
  /* Windows-1258 as Excel writes it: "Chỉ tiêu", "Kỳ", "Giá trị" with
   * their tones as separate bytes */
  static const char cp[] = "Chi\xD2 ti\xEAu,Ky\xCC,Gia\xEC tri\xF2\r\n"
                           "pct,2020,\"43,5\"\r\n";
  put_file(t, "ansi.csv", cp, sizeof cp - 1);
  assert_int_equal(run(t, false, false), 0);
  assert_int_equal(t->plan.encoding, IMPORT_CP1258);
  assert_true(stored(t, "pct", "imp", "2020") == 43.5);
  /* a UTF-8 file whose headers are decomposed (NFD) */
  put_text(t, "nfd.csv", "Chi\xCC\x89 ti\xC3\xAAu,Ky\xCC\x80,Gia\xCC\x81 "
           "tri\xCC\xA3\npct,2019,42\n");
  assert_int_equal(run(t, false, false), 0);
  assert_true(stored(t, "pct", "imp", "2019") == 42);
}

/* Each bad row is reported at its row, and nothing at all is written. */
static void test_bad_rows(void **state)
{
  struct t *t = *state;
  put_text(t, "seed.csv", "indicator,period,value,unit\n"
           "pct,2024,47.5,\nsv.supported,2024,45,huyen-c\n");
  assert_int_equal(run(t, false, false), 0);
  char *before = fingerprint(t);
  put_text(t, "bad.csv",
           "indicator,period,value,numerator,denominator,unit\n"
           "m9.9,2024,1,,,\n"                    /* 2 */
           "pct,2023,abc,,,\n"                   /* 3 */
           "pct,2022,120,,,\n"                   /* 4 */
           "pct,2021,5,,,\n"                     /* 5 */
           "pct,2024-Q3,50,,,\n"                 /* 6 */
           "pct,2024,48,,,\n"                    /* 7: changes 47.5 */
           "sv,2023,,60,50,\n"                   /* 8 */
           "sv,2022,80%,41,50,\n"                /* 9 */
           "sv.detected,2021,4.5,,,\n"           /* 10 */
           "leaders,2025,11,,,\n"                /* 11 */
           "leaders.f,2025,4,,,\n"               /* 12 */
           "leaders.m,2025,6,,,\n"               /* 13 */
           "pct,2020,50,,,ghost\n"               /* 14 */
           "cases,2024,3,,,\n"                   /* 15 */
           "sv.detected,2024,40,,,huyen-c\n"     /* 16 */
           "pct,2019,55,,,\n"                    /* 17 */
           "pct,2019,56,,,\n"                    /* 18 */
           "sv,2020,75,,,\n"                     /* 19 */
           "pct,2018,1e999,,,\n"                 /* 20 */
           "cases,2024-Q1,45%,,,\n"              /* 21 */
           "sv,2019,,3,0,\n");                   /* 22 */
  assert_int_equal(run(t, false, false), 1);
  assert_error(t, 2, "unknown indicator 'm9.9'");
  assert_error(t, 3, "value 'abc' is not a number between -1e15 and 1e15 "
               "(e.g. 47.5 or 47,5)");
  assert_error(t, 4, "pct is a percentage; 120 is outside 0–100");
  assert_error(t, 5, "pct: 5 is outside its plausible range 10 to 90 "
               "(checks.range)");
  assert_error(t, 6, "period '2024-Q3' does not fit pct, a year indicator "
               "(e.g. 2024)");
  assert_error(t, 7, "pct for imp 2024 is recorded as 47.5; the file gives "
               "48 (--replace changes it)");
  assert_error(t, 8, "numerator 60 is above denominator 50 (checks."
               "num_le_den of sv)");
  assert_error(t, 9, "value 80% does not match numerator and denominator: "
               "100 × 41 / 50 = 82");
  assert_error(t, 10, "sv.detected counts whole người: 4.5 is not a whole "
               "number (checks.whole)");
  assert_error(t, 11, "leaders.f + leaders.m do not add up to leaders for "
               "imp 2025: 4 (row 12) + 6 (row 13) = 10, but leaders is 11 "
               "(row 11) (checks.parts)");
  assert_error(t, 14, "unknown unit 'ghost': imp itself or one of its "
               "agencies");
  assert_error(t, 15, "period '2024' does not fit cases, a quarter indicator "
               "(e.g. 2024-Q3)");
  assert_error(t, 16, "sv.supported 45 (stored) is above sv.detected 40 "
               "(row 16) for huyen-c 2024 (checks.num_le_den of sv)");
  assert_error(t, 18, "row 17 already gives pct for imp 2019 = 55; this row "
               "gives 56");
  assert_error(t, 19, "sv is computed as 100 × sv.supported / sv.detected: "
               "give its numerator and denominator (tử số, mẫu số), not the "
               "value");
  assert_error(t, 20, "value '1e999' is not a number between -1e15 and 1e15 "
               "(e.g. 47.5 or 47,5)");
  assert_error(t, 21, "value '45%' has a % sign, but cases counts vụ");
  assert_error(t, 22, "denominator 0 with numerator 3: sv has no value");
  assert_int_equal(t->plan.n_errors, 18);
  for (size_t i = 1; i < t->plan.n_errors; i++)   /* in row order */
    assert_true(t->plan.errors[i - 1].row <= t->plan.errors[i].row);
  char *after = fingerprint(t);
  assert_string_equal(before, after);
  free(after);

  /* received reports */
  put_text(t, "subs.csv",
           "agency,obligation,period,received,note\n"
           "ghost,bc-nam,2024,01/12/2024,\n"          /* 2 */
           "so-a,nope,2024,01/12/2024,\n"             /* 3 */
           "so-a,bc-nam,2024-Q3,01/12/2024,\n"        /* 4 */
           "huyen-c,bc-nam,2024,01/12/2024,\n"        /* 5 */
           "so-a,bc-nam,2024,31/02/2024,\n"           /* 6 */
           "so-a,bc-nam,2024,1/12/24,\n"              /* 7 */
           "so-a,bc-nam,2024,07/12/2024,\n"           /* 8 */
           "so-b,bc-nam,2024,,\n"                     /* 9 */
           "so-b,bc-nam,2024-H1,01/06/2024,\"a\nb\"\n");  /* 10 */
  assert_int_equal(run(t, false, false), 1);
  assert_error(t, 2, "unknown agency 'ghost' in imp");
  assert_error(t, 3, "unknown obligation 'nope'");
  assert_error(t, 4, "'2024-Q3' is not a period of bc-nam (e.g. 2024, "
               "2024-H1, 2024-Q3, 2024-09, 2024-2025)");
  assert_error(t, 5, "huyen-c does not owe bc-nam for 2024; it is owed by: "
               "so-a, so-b");
  assert_error(t, 6, "received '31/02/2024' is not a real date (dd/mm/yyyy "
               "or yyyy-mm-dd)");
  assert_error(t, 7, "received '1/12/24': write the year in full "
               "(dd/mm/yyyy)");
  assert_error(t, 8, "received 2024-12-07 is after --now (2024-12-06): a "
               "report cannot be received in the future");
  assert_error(t, 9, "no received date");
  assert_error(t, 10, "note contains a control character (byte 2: a line "
               "break or tab?); give it on one line");
  after = fingerprint(t);
  assert_string_equal(before, after);
  free(after);
  free(before);
}

static void test_file_level_errors(void **state)
{
  struct t *t = *state;
  static const struct { const char *text, *want; size_t row; } cases[] = {
    {"", "empty: no header, no rows", 0},
    {"indicator,period,value\n", "only a header: no rows under it", 1},
    {"indicator,obligation,period\nx,y,z\n", "the header has both an "
     "indicator and an obligation column: a file holds indicator values or "
     "received reports, not both", 1},
    {"indicator,value\npct,1\n", "no period column", 1},
    {"indicator,period,numerator\npct,2024,1\n", "no denominator column", 1},
    {"obligation,period,received\nbc-nam,2024,01/12/2024\n",
     "no agency column", 1},
    {"indicator,Kỳ,period,value\npct,2024,2024,1\n", "columns 2 ('Kỳ') and 3 "
     "('period') are both the period", 1},
    {"\n\nindicator,period,value\npct,2024,\"1\n", "a quoted cell is never "
     "closed (a quote missing at its end)", 4},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    put_text(t, "f.csv", cases[i].text);
    import_plan_release(&t->plan);
    assert_int_equal(import_read(&t->o, &t->rules, &t->plan), 0);
    assert_int_equal(t->plan.n_facts, 0);
    if (cases[i].row)
      assert_error(t, cases[i].row, cases[i].want);
    else {
      char want[512];
      snprintf(want, sizeof want, "%s: %s", t->o.path, cases[i].want);
      assert_int_equal(t->plan.n_errors, 1);
      assert_string_equal(t->plan.errors[0].message, want);
    }
  }
  /* a missing file */
  t->o.path = "/nonexistent/dondoc.csv";
  import_plan_release(&t->plan);
  assert_int_equal(import_read(&t->o, &t->rules, &t->plan), 0);
  assert_string_equal(t->plan.errors[0].message, "/nonexistent/dondoc.csv: "
                      "cannot open: No such file or directory");
  /* an unknown column is a warning, and the rest is read */
  put_text(t, "w.csv", "indicator,period,value,Ghi chép\npct,2024,50,x\n");
  import_plan_release(&t->plan);
  assert_int_equal(import_read(&t->o, &t->rules, &t->plan), 0);
  assert_int_equal(t->plan.n_errors, 0);
  assert_int_equal(t->plan.n_warnings, 1);
  assert_non_null(strstr(t->plan.warnings[0].message, ":1: warning: column "
                         "4 ('Ghi chép') is not one dondoc reads; ignored"));
}

static void test_dry_run_writes_nothing(void **state)
{
  struct t *t = *state;
  put_text(t, "a.csv", "indicator,period,value\npct,2024,47.5\n");
  assert_int_equal(run(t, false, false), 0);
  char *before = fingerprint(t);
  put_text(t, "b.csv", "indicator,period,value\npct,2024,48\npct,2023,46\n"
           "pct,2024,48\n");
  assert_int_equal(run(t, true, true), 0);     /* --replace --dry-run */
  assert_int_equal(t->plan.n_new, 1);
  assert_int_equal(t->plan.n_changed, 1);
  assert_int_equal(t->plan.n_same, 1);
  assert_int_equal(t->plan.facts[0].state, IMPORT_CHANGED);
  assert_true(t->plan.facts[0].old_value == 47.5);
  assert_int_equal(t->plan.facts[1].state, IMPORT_NEW);
  char *after = fingerprint(t);
  assert_string_equal(before, after);
  free(after);
  /* without --replace the dry run says the import would be refused */
  assert_int_equal(run(t, false, true), 1);
  assert_error(t, 2, "pct for imp 2024 is recorded as 47.5; the file gives "
               "48 (--replace changes it)");
  after = fingerprint(t);
  assert_string_equal(before, after);
  free(after);
  free(before);
}

static void test_replace(void **state)
{
  struct t *t = *state;
  put_text(t, "a.csv", "indicator,period,value\npct,2024,47.5\npct,2023,46\n");
  assert_int_equal(run(t, false, false), 0);
  put_text(t, "b.csv", "indicator,period,value,source\npct,2024,48,Sở A\n"
           "pct,2023,46,\n");
  assert_int_equal(run(t, true, false), 0);
  assert_int_equal(t->plan.n_changed, 1);
  assert_int_equal(t->plan.n_same, 1);
  assert_true(stored(t, "pct", "imp", "2024") == 48);

  /* receipts: an earlier date replaces, a later one is kept */
  put_text(t, "s.csv", "agency,obligation,period,received\n"
           "so-a,bc-nam,2024,04/12/2024\nso-b,bc-nam,2024,04/12/2024\n");
  assert_int_equal(run(t, false, false), 0);
  put_text(t, "s2.csv", "agency,obligation,period,received,note\n"
           "so-a,bc-nam,2024,03/12/2024,CV 9\n"
           "so-b,bc-nam,2024,05/12/2024,\n");
  assert_int_equal(run(t, false, false), 1);
  assert_error(t, 2, "so-a bc-nam 2024 is recorded as received 04/12/2024; "
               "the file gives 03/12/2024 (the first receipt counts: with "
               "--replace an earlier date replaces it, a later one is kept)");
  assert_int_equal(run(t, true, false), 0);
  assert_int_equal(t->plan.facts[0].state, IMPORT_CHANGED);
  assert_int_equal(t->plan.facts[1].state, IMPORT_KEPT);
  cal_day d;
  assert_int_equal(store_submission_get(t->db.s, "imp", "so-a", "bc-nam",
                                        "2024", &d), 1);
  assert_int_equal(d, fixture_day("2024-12-03"));
  assert_int_equal(store_submission_get(t->db.s, "imp", "so-b", "bc-nam",
                                        "2024", &d), 1);
  assert_int_equal(d, fixture_day("2024-12-04"));
  char *fp = fingerprint(t);
  assert_non_null(strstr(fp, "so-a|bc-nam|2024|2024-12-03|CV 9|"));
  free(fp);
}

/* The checks span rows and the data already stored. */
static void test_checks_across_stored_data(void **state)
{
  struct t *t = *state;
  put_text(t, "a.csv", "indicator,period,value\nleaders,2024,10\n"
           "hours.m,2024,2\n");
  assert_int_equal(run(t, false, false), 0);
  /* the parts arrive later, one wrong */
  put_text(t, "b.csv", "indicator,period,value\nleaders.f,2024,3\n"
           "leaders.m,2024,6\n");
  assert_int_equal(run(t, false, false), 1);
  assert_error(t, 2, "leaders.f + leaders.m do not add up to leaders for imp "
               "2024: 3 (row 2) + 6 (row 3) = 9, but leaders is 10 (stored) "
               "(checks.parts)");
  put_text(t, "c.csv", "indicator,period,value\nleaders.f,2024,4\n"
           "leaders.m,2024,6\n");
  assert_int_equal(run(t, false, false), 0);
  /* a ratio's numerator against a stored denominator: hours.f / hours.m
   * must lie in 0.5–5 */
  put_text(t, "d.csv", "indicator,period,value\nhours.f,2024,11\n");
  assert_int_equal(run(t, false, false), 1);
  assert_error(t, 2, "hours for imp 2024 would be 5.5, outside its plausible "
               "range 0.5 to 5 (checks.range): hours.f 11 (row 2) / hours.m "
               "2 (stored)");
  put_text(t, "e.csv", "indicator,period,value\nhours.f,2024,3.4\n");
  assert_int_equal(run(t, false, false), 0);
  /* a rate row whose value rounds to what it gives is accepted */
  put_text(t, "f.csv", "indicator,period,numerator,denominator,value\n"
           "sv,2024,2,3,66.7\nsv,2023,2,3,67%\n");
  assert_int_equal(run(t, false, false), 0);
  put_text(t, "g.csv", "indicator,period,numerator,denominator,value\n"
           "sv,2022,2,3,66.6\n");
  assert_int_equal(run(t, false, false), 1);
  assert_error(t, 2, "value 66.6 does not match numerator and denominator: "
               "100 × 2 / 3 = 66.6667");
}

static void test_ambiguous_and_named_jurisdiction(void **state)
{
  struct t *t = *state;
  struct ruleset two = {0};
  static const char *const ids[] = {"imp", "good"};
  assert_int_equal(fixture_rules(&two, ids, 2), 0);
  /* "lead" exists only in good; "pct" only in imp */
  put_text(t, "j.csv", "indicator,period,value,jurisdiction\n"
           "pct,2024,50,\nlead,2024,50,imp\nlead,2024,50,good\n"
           "pct,2024,50,nowhere\n");
  import_plan_release(&t->plan);
  assert_int_equal(import_read(&t->o, &two, &t->plan), 0);
  assert_error(t, 3, "unknown indicator 'lead' in imp");
  assert_error(t, 5, "jurisdiction 'nowhere' is not a monitored "
               "jurisdiction");
  assert_int_equal(t->plan.n_errors, 2);
  assert_int_equal(t->plan.n_facts, 2);
  rules_release(&two);
}

/* checks = { … } in the rules: every mistake at its FILE:LINE. */
static void test_checks_in_rules(void **state)
{
  (void)state;
  struct ruleset rs = {0};
  static const char *const ids[] = {"imp-bad-checks"};
  assert_int_equal(fixture_rules(&rs, ids, 1), 1);
  static const char *const want[] = {
    "jurisdiction.lua:8: error: checks.num_le_den is for indicators whose value is "
    "ratio(\"numerator\", \"denominator\")",
    "jurisdiction.lua:10: error: checks.parts: 'ghost' is not a declared indicator",
    "jurisdiction.lua:12: error: checks.range: the lowest value (10) is above the "
    "highest (5)",
    "jurisdiction.lua:14: error: checks: unknown field 'sum' (num_le_den, parts, "
    "range, whole)",
    "jurisdiction.lua:16: error: checks.parts: 'r' is a ratio; parts are series that "
    "add up",
    "jurisdiction.lua:17: error: checks must be a table, as checks = { num_le_den = "
    "true }",
    "jurisdiction.lua:19: error: checks.whole: r2 is computed from a and b; declare "
    "whole = true on those series",
    "jurisdiction.lua:21: error: checks.range's highest value must be a number from "
    "-1e+15 to 1e+15, not inf",
  };
  assert_int_equal(rs.n_errors, sizeof want / sizeof *want);
  for (size_t i = 0; i < rs.n_errors; i++)
    if (strstr(rs.errors[i].message, want[i]) == NULL)
      fail_msg("'%s' lacks '%s'", rs.errors[i].message, want[i]);
  rules_release(&rs);

  /* the good ones reach the model */
  static const char *const imp[] = {"imp"};
  assert_int_equal(fixture_rules(&rs, imp, 1), 0);
  const struct jurisdiction *j = &rs.jurisdictions[0];
  const struct indicator *l = model_indicator(j, "leaders");
  assert_int_equal(l->checks.n_parts, 2);
  assert_string_equal(j->indicators[l->checks.parts[0]].id, "leaders.f");
  assert_string_equal(j->indicators[l->checks.parts[1]].id, "leaders.m");
  assert_true(l->checks.whole);
  assert_true(model_indicator(j, "sv")->checks.num_le_den);
  const struct indicator *p = model_indicator(j, "pct");
  assert_true(p->checks.has_range);
  assert_true(p->checks.range_lo == 10 && p->checks.range_hi == 90);
  rules_release(&rs);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_decode_utf8),
    cmocka_unit_test(test_decode_utf16le),
    cmocka_unit_test(test_decode_windows_1258),
    cmocka_unit_test(test_decode_refuses_what_is_not_text),
    cmocka_unit_test(test_strings),
    cmocka_unit_test(test_csv),
    cmocka_unit_test(test_csv_chunks),
    cmocka_unit_test(test_text_stream),
    cmocka_unit_test_setup_teardown(test_import_writes_and_is_idempotent,
                                    setup, teardown),
    cmocka_unit_test_setup_teardown(test_encoding_found_late, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_vietnamese_file, setup, teardown),
    cmocka_unit_test_setup_teardown(test_headers_in_other_encodings, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_bad_rows, setup, teardown),
    cmocka_unit_test_setup_teardown(test_file_level_errors, setup, teardown),
    cmocka_unit_test_setup_teardown(test_dry_run_writes_nothing, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_replace, setup, teardown),
    cmocka_unit_test_setup_teardown(test_checks_across_stored_data, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_ambiguous_and_named_jurisdiction,
                                    setup, teardown),
    cmocka_unit_test(test_checks_in_rules),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
