/*
 * test_report.c — the secretariat's status report (engine/report/) and
 * the attachment that carries it on the weekly digest (notifiers/email.c).
 *
 * The report comes from the real pipeline: tests/fixtures/rules/ut-report
 * (parent ut-report-national) loaded by the sandbox, facts written to a
 * real SQLite file in a mkdtemp directory (removed in teardown), evaluated
 * on Monday 09/12/2024. Fixture facts:
 *   "annual" (yearly due 05/12, half-year 1 due 05/06) from a, b, c:
 *     a: H1 on time (01/06), 2024 late (08/12)      → 1 of 2 on time
 *     b: H1 late (10/06), 2024 missing: overdue     → 0 of 2
 *     c: H1 missing: overdue, 2024 on time (02/12)  → 1 of 2
 *   "share": baseline 40 (2020), province 55/65 (2025/2030), national
 *     50/60; values 42, 44, 46 (2021–23) and 47.25 (2024): off track in
 *     2023 (the path needs 49);
 *   "cases" = 100 × cases.helped / cases.found: 40/50 in 2023 (80%), and
 *     3/0 in 2024 (no ratio); led by b ("=SUM(1+1) Sở B");
 *   "taught" (yes/no by school year): 1 in 2022-2023;
 *   "edu3a", "edu3b": two parts of one indicator, no values.
 * Names and titles carry <script>, <b>, & and quotes (HTML) and a leading
 * '=' (spreadsheets).
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
#include <jansson.h>
#include <openssl/evp.h>

#include "email.h"
#include "report/report.h"
#include "rules.h"
#include "store.h"
#include "fixture.h"

struct fx {
  struct ruleset rs;
  const struct jurisdiction *j;
  struct fixture_db fdb;
  struct report r;
  bool built;
  char *text;                      /* a format's output */
  size_t len;
};

static void put_sub(struct fx *x, const char *agency, const char *period,
                    const char *on)
{
  assert_int_equal(store_submission_put(x->fdb.s, "ut-report", agency,
                                        "annual", period, fixture_day(on),
                                        NULL), 0);
}

static void put_obs(struct fx *x, const char *ind, const char *period,
                    double v)
{
  assert_int_equal(store_observation_put(x->fdb.s, "ut-report", ind,
                                         "ut-report", period, v, NULL), 0);
}

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"ut-report"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 1) != 0 ||
      fixture_db_open(&x->fdb, "report") != 0)
    return -1;
  x->j = rules_find(&x->rs, "ut-report");
  if (x->j == NULL)
    return -1;
  put_sub(x, "a", "2024-H1", "2024-06-01");
  put_sub(x, "a", "2024", "2024-12-08");
  put_sub(x, "b", "2024-H1", "2024-06-10");
  put_sub(x, "c", "2024", "2024-12-02");
  put_obs(x, "share", "2021", 42);
  put_obs(x, "share", "2022", 44);
  put_obs(x, "share", "2023", 46);
  put_obs(x, "share", "2024", 47.25);
  put_obs(x, "cases.found", "2023", 50);
  put_obs(x, "cases.helped", "2023", 40);
  put_obs(x, "cases.found", "2024", 0);
  put_obs(x, "cases.helped", "2024", 3);
  put_obs(x, "taught", "2022-2023", 1);
  char err[512];
  if (report_build(x->j, x->fdb.s, fixture_day("2024-12-09"), &x->r, err,
                   sizeof err) != 0) {
    fprintf(stderr, "report_build: %s\n", err);
    return -1;
  }
  x->built = true;
  return 0;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  if (x == NULL)
    return 0;
  if (x->built)
    report_release(&x->r);
  free(x->text);
  fixture_db_close(&x->fdb);
  rules_release(&x->rs);
  free(x);
  return 0;
}

/* Run a text format into x->text. */
static void render(struct fx *x, int (*fn)(const struct report *, FILE *))
{
  free(x->text);
  x->text = NULL;
  FILE *f = open_memstream(&x->text, &x->len);
  assert_non_null(f);
  assert_int_equal(fn(&x->r, f), 0);
  assert_int_equal(fclose(f), 0);
}

static size_t count(const char *hay, const char *needle)
{
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
    n++;
  return n;
}

static const struct report_indicator *indicator(const struct fx *x,
                                                const char *id)
{
  for (size_t i = 0; i < x->r.n_indicators; i++)
    if (strcmp(x->r.indicators[i].ind->id, id) == 0)
      return &x->r.indicators[i];
  fail_msg("indicator %s not in the report", id);
  return NULL;
}

/* ---- the data ------------------------------------------------------- */

static void test_agencies_and_rates(void **state)
{
  struct fx *x = *state;
  double rate;
  assert_int_equal(x->r.n_agencies, 3);
  /* who owes most first (b and c one overdue each, in the rules' order),
   * then a */
  assert_string_equal(x->r.agencies[0].agency->id, "b");
  assert_string_equal(x->r.agencies[1].agency->id, "c");
  assert_string_equal(x->r.agencies[2].agency->id, "a");
  const struct report_agency *b = &x->r.agencies[0], *a = &x->r.agencies[2];
  assert_int_equal(b->n_items, 2);
  assert_int_equal(b->late, 1);
  assert_int_equal(b->overdue, 1);
  assert_true(report_rate(b, &rate));
  assert_true(rate == 0.0);
  assert_int_equal(a->on_time, 1);
  assert_int_equal(a->late, 1);
  assert_true(report_rate(a, &rate));
  assert_true(rate == 0.5);
  /* by due date: the half-year report first */
  assert_string_equal(a->items[0]->period.id, "2024-H1");
  assert_int_equal(a->items[0]->kind, FIND_ON_TIME);
  assert_string_equal(a->items[1]->period.id, "2024");
  assert_int_equal(a->items[1]->kind, FIND_LATE);
  assert_int_equal(x->r.counts[FIND_OVERDUE], 2);
  assert_int_equal(x->r.counts[FIND_LATE], 2);
  assert_int_equal(x->r.counts[FIND_ON_TIME], 2);
}

static void test_no_rate_before_anything_is_due(void **state)
{
  struct report_agency none = {0};
  double rate = -1;
  (void)state;
  none.due_soon = 2;               /* listed, not counted */
  assert_false(report_rate(&none, &rate));
  assert_true(rate == -1);
}

static void test_indicators(void **state)
{
  struct fx *x = *state;
  /* the two counts feed the ratio and have no targets: no card of their own */
  assert_int_equal(x->r.n_indicators, 5);
  const struct report_indicator *share = indicator(x, "share");
  assert_int_equal(share->n_series, 4);
  assert_string_equal(share->series[0].period.id, "2021");
  assert_string_equal(share->series[3].period.id, "2024");
  assert_true(share->series[3].y == 47.25);
  assert_non_null(share->status);
  assert_int_equal(share->status->kind, FIND_OFF_TRACK);
  assert_string_equal(share->status->period.id, "2023");
  assert_true(share->status->expected == 49);
  assert_int_equal(share->n_targets, 2);
  assert_int_equal(share->targets[0].year, 2025);
  assert_true(share->targets[0].value == 55 && share->targets[0].has_parent &&
              share->targets[0].parent == 50);
  assert_true(share->targets[1].value == 65 && share->targets[1].parent == 60);
  assert_string_equal(share->lead->id, "a");

  const struct report_indicator *cases = indicator(x, "cases");
  assert_int_equal(cases->n_series, 1);       /* 2024 has 0 detected */
  assert_true(cases->series[0].y == 80);
  assert_string_equal(cases->lead->id, "b");
  assert_int_equal(cases->status->kind, FIND_ACHIEVED);
  assert_false(cases->targets[0].has_parent); /* not overridden */

  const struct report_indicator *taught = indicator(x, "taught");
  assert_int_equal(taught->status->kind, FIND_ACHIEVED);
  assert_string_equal(taught->status->period.id, "2022-2023");
}

static void test_appendix_rows(void **state)
{
  struct fx *x = *state;
  static const char *const tt[] = {"I", "1", "2", "2.1", "2.2", "II", "1",
                                   "1.1", "1.2", "2"};
  assert_int_equal(x->r.n_rows, 10);
  for (size_t i = 0; i < 10; i++)
    assert_string_equal(x->r.rows[i].tt, tt[i]);
  assert_int_equal(x->r.rows[0].level, ROW_GOAL);
  assert_string_equal(x->r.rows[0].title, "Mục tiêu 1");
  const struct report_row *share = &x->r.rows[1];
  assert_int_equal(share->level, ROW_INDICATOR);
  assert_string_equal(share->title, "Chỉ tiêu 1: Tỷ lệ <b>nữ</b> & "
                      "\"lãnh đạo\"; mục tiêu: ít nhất 55% năm 2025 "
                      "(TW 50%), ít nhất 65% năm 2030 (TW 60%)");
  assert_true(share->has_value && share->value == 47.25);
  assert_string_equal(share->period, "2024");
  /* edu3a, edu3b: the parts of one indicator, under a row naming them */
  assert_int_equal(x->r.rows[2].level, ROW_GROUP);
  assert_null(x->r.rows[2].ind);
  assert_string_equal(x->r.rows[2].title, "Chỉ tiêu 2 (2a, 2b)");
  assert_string_equal(x->r.rows[3].ind->id, "edu3a");
  assert_string_equal(x->r.rows[3].title, "Chỉ tiêu 2a: Nữ thạc sĩ; mục "
                      "tiêu: ít nhất 50% năm 2025");
  assert_string_equal(x->r.rows[4].ind->id, "edu3b");
  /* the ratio has no 2024 value (0 detected), its counts do: total first */
  assert_string_equal(x->r.rows[6].ind->id, "cases");
  assert_false(x->r.rows[6].has_value);
  assert_true(x->r.rows[6].has_earlier && x->r.rows[6].earlier == 80);
  assert_string_equal(x->r.rows[7].ind->id, "cases.found");
  assert_int_equal(x->r.rows[7].level, ROW_COUNT);
  assert_true(x->r.rows[7].has_value && x->r.rows[7].value == 0);
  assert_string_equal(x->r.rows[8].ind->id, "cases.helped");
  assert_true(x->r.rows[8].has_value && x->r.rows[8].value == 3);
  /* a school year ending in 2024 has no value; 2022-2023's is earlier */
  assert_false(x->r.rows[9].has_value);
  assert_string_equal(x->r.rows[9].earlier_period, "2022-2023");

  const char *cells[REPORT_N_COLUMNS];
  char value[64];
  report_row_cells(&x->r, share, cells, value);
  assert_string_equal(cells[2], "47,25");
  assert_string_equal(cells[3], "%");
  assert_string_equal(cells[4], "Sở <A> & 'B'");
  assert_string_equal(cells[5], "Theo năm");
  report_row_cells(&x->r, &x->r.rows[9], cells, value);
  assert_string_equal(cells[3], "có/không");
  assert_string_equal(cells[5], "Theo năm học");
}

static void test_rules_that_cannot_be_evaluated(void **state)
{
  struct fx *x = *state;
  struct report r;
  char err[512];
  /* monitor_from 2024 is more than EVAL_MAX_YEARS before 2060 */
  assert_int_equal(report_build(x->j, x->fdb.s, fixture_day("2060-01-01"),
                                &r, err, sizeof err), EVAL_ERR_RULES);
  assert_non_null(strstr(err, "monitor_from"));
}

/* ---- the formats ------------------------------------------------------ */

static void test_html_escapes_and_is_self_contained(void **state)
{
  struct fx *x = *state;
  render(x, report_html);
  const char *h = x->text;
  assert_non_null(strstr(h, "<html lang=\"vi\">"));
  assert_null(strstr(h, "<script"));
  assert_non_null(strstr(h, "Báo cáo năm &lt;script&gt;alert(1)&lt;/script&gt;"));
  assert_null(strstr(h, "<b>nữ"));
  assert_non_null(strstr(h, "Tỷ lệ &lt;b&gt;nữ&lt;/b&gt; &amp; &quot;lãnh đạo&quot;"));
  assert_non_null(strstr(h, "Tỉnh &lt;Báo&gt; &amp; &quot;Cáo&quot;"));
  assert_non_null(strstr(h, "Sở &lt;A&gt; &amp; &#39;B&#39;"));
  /* nothing from outside: no links, sources, imports or url() */
  assert_null(strstr(h, "src="));
  assert_null(strstr(h, "href="));
  assert_null(strstr(h, "url("));
  assert_null(strstr(h, "@import"));
  assert_int_equal(count(h, "http"), count(h, "http://www.w3.org/2000/svg") +
                                     count(h, "http://x.example"));
  /* one chart per indicator with targets; Vietnamese numbers */
  assert_int_equal(count(h, "<svg class=\"chart\""), 5);
  assert_non_null(strstr(h, "47,25%"));
  assert_non_null(strstr(h, "(TW: ít nhất 50%)"));
  assert_non_null(strstr(h, "50% (1/2)"));           /* a's on-time rate */
  assert_non_null(strstr(h, "data-status=\"off_track\""));
  assert_non_null(strstr(h, "@page{size:A4"));
  /* the 2024 column is the year of now; an empty cell says what is known */
  assert_non_null(strstr(h, "Kết quả năm 2024"));
  assert_non_null(strstr(h, "chưa có; kỳ 2023: 80"));
}

static void test_svg_chart(void **state)
{
  struct fx *x = *state;
  free(x->text);
  x->text = NULL;
  FILE *f = open_memstream(&x->text, &x->len);
  assert_non_null(f);
  report_svg_chart(&x->r, indicator(x, "share"), f);
  assert_int_equal(fclose(f), 0);
  const char *s = x->text;
  assert_int_equal(count(s, "<circle class=\"obs\""), 4);
  assert_non_null(strstr(s, "<title>2024: 47,25%</title>"));
  assert_int_equal(count(s, "<polyline class=\"path\""), 1);
  assert_int_equal(count(s, "<g class=\"target\""), 2);
  assert_int_equal(count(s, "<g class=\"target national\""), 2);
  assert_non_null(strstr(s, "TW 50%"));
  assert_non_null(strstr(s, "<g class=\"projection\"><title>Dự báo năm 2025"));
  assert_non_null(strstr(s, "class=\"expected\""));
  assert_non_null(strstr(s, "<line class=\"now\""));
  assert_non_null(strstr(s, "<title>Tỷ lệ &lt;b&gt;nữ&lt;/b&gt;"));
  /* a yes/no indicator: no path, no projection */
  free(x->text);
  x->text = NULL;
  f = open_memstream(&x->text, &x->len);
  assert_non_null(f);
  report_svg_chart(&x->r, indicator(x, "taught"), f);
  assert_int_equal(fclose(f), 0);
  assert_null(strstr(x->text, "class=\"path\""));
  assert_null(strstr(x->text, "class=\"projection\""));
  assert_non_null(strstr(x->text, ">có</text>"));
}

static void test_json(void **state)
{
  struct fx *x = *state;
  json_error_t e;
  render(x, report_json);
  json_t *o = json_loads(x->text, 0, &e);
  assert_non_null(o);
  assert_string_equal(json_string_value(json_object_get(o, "type")),
                      "dondoc.report");
  assert_int_equal(json_integer_value(json_object_get(o, "version")), 1);
  assert_string_equal(json_string_value(json_object_get(o, "date")),
                      "2024-12-09");
  json_t *ag = json_object_get(o, "agencies");
  assert_int_equal(json_array_size(ag), 3);
  json_t *a = json_array_get(ag, 2);
  assert_string_equal(json_string_value(json_object_get(a, "agency")), "a");
  assert_true(json_real_value(json_object_get(a, "on_time_rate")) == 0.5);
  json_t *late = json_array_get(json_object_get(a, "reports"), 1);
  assert_string_equal(json_string_value(json_object_get(late, "status")),
                      "late");
  assert_string_equal(json_string_value(json_object_get(late, "received")),
                      "2024-12-08");
  json_t *share = json_array_get(json_object_get(o, "indicators"), 0);
  assert_string_equal(json_string_value(json_object_get(share, "status")),
                      "off_track");
  /* machine numbers: a real, with a decimal point */
  json_t *last = json_array_get(json_object_get(share, "series"), 3);
  assert_true(json_is_real(json_object_get(last, "value")));
  assert_true(json_real_value(json_object_get(last, "value")) == 47.25);
  assert_non_null(strstr(x->text, "47.25"));
  json_t *t0 = json_array_get(json_object_get(share, "targets"), 0);
  assert_true(json_real_value(json_object_get(t0, "national")) == 50);
  json_t *table = json_object_get(o, "table");
  assert_int_equal(json_array_size(table), 10);
  assert_string_equal(json_string_value(json_object_get(
                        json_array_get(table, 7), "tt")), "1.1");
  assert_string_equal(json_string_value(json_object_get(
                        json_array_get(table, 2), "level")), "group");
  json_decref(o);
}

static void test_csv(void **state)
{
  struct fx *x = *state;
  render(x, report_csv);
  const char *c = x->text;
  assert_memory_equal(c, "\xEF\xBB\xBF", 3);
  assert_non_null(strstr(c, "\"TT\",\"Mục tiêu, chỉ tiêu\",\"Kết quả năm "
                            "2024\",\"Đơn vị tính\",\"Đơn vị chủ trì tham mưu "
                            "thực hiện\",\"Kỳ báo cáo\"\r\n"));
  assert_non_null(strstr(c, "\"1\",\"Chỉ tiêu 1: Tỷ lệ <b>nữ</b> & "
                            "\"\"lãnh đạo\"\"; mục tiêu: ít nhất 55% năm "
                            "2025 (TW 50%), ít nhất 65% năm 2030 (TW 60%)\","
                            "\"47,25\",\"%\",\"Sở <A> & 'B'\",\"Theo năm\""
                            "\r\n"));
  /* a cell a spreadsheet would run as a formula is made text */
  assert_non_null(strstr(c, ",\"'=SUM(1+1) Sở B\","));
  assert_null(strstr(c, ",\"=SUM"));
  assert_int_equal(count(c, "\r\n"), 11);            /* header + 10 rows */
}

static void test_xlsx(void **state)
{
  struct fx *x = *state;
  char path[160], err[512];
  snprintf(path, sizeof path, "%s/r.xlsx", x->fdb.dir);
  assert_int_equal(report_xlsx(&x->r, path, err, sizeof err), 0);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char head[4];
  assert_int_equal(fread(head, 1, 4, f), 4);
  assert_memory_equal(head, "PK\x03\x04", 4);       /* a zip, as .xlsx is */
  assert_int_equal(fseek(f, 0, SEEK_END), 0);
  assert_true(ftell(f) > 4000);
  fclose(f);
  assert_int_equal(unlink(path), 0);
  /* a folder that is not there: an error naming the file */
  snprintf(path, sizeof path, "%s/missing/r.xlsx", x->fdb.dir);
  assert_int_equal(report_xlsx(&x->r, path, err, sizeof err), -1);
  assert_non_null(strstr(err, path));
}

/* ---- policy.report_day ---------------------------------------------- */

static void test_report_day(void **state)
{
  struct fx *x = *state;
  struct ruleset rs = {0};
  const char *ids[] = {"remind", "ut-report-bad-day"};
  assert_int_equal(x->j->policy.report_day, 2);      /* "wednesday" */
  assert_int_equal(fixture_rules(&rs, ids, 2), 1);
  assert_int_equal(rules_find(&rs, "remind")->policy.report_day, 0);
  assert_int_equal(rs.n_errors, 1);
  assert_non_null(strstr(rs.errors[0].message,
                         "ut-report-bad-day/jurisdiction.lua:5: error: "
                         "policy.report_day 'thứ hai' must be a weekday"));
  rules_release(&rs);
}

/* ---- the attachment -------------------------------------------------- */

static const char *const tos[] = {"sec@ut.example"};

static struct email mail(const struct email_attachment *a, size_t n)
{
  return (struct email){
    .from_address = "ban@ut.example", .to = tos, .n_to = 1,
    .subject = "Tổng hợp", .text = "Nội dung", .html = "<p>Nội dung</p>",
    .message_id = "<dondoc-1@ut.example>", .date = 1733709600,
    .utc_offset_minutes = 420, .attachments = a, .n_attachments = n,
  };
}

/* The base64 body of the part whose headers contain `marker`, decoded. */
static size_t part_body(const char *raw, const char *marker, char *out,
                        size_t cap)
{
  const char *p = strstr(raw, marker);
  assert_non_null(p);
  p = strstr(p, "\r\n\r\n");
  assert_non_null(p);
  p += 4;
  size_t n = 0;
  while (strncmp(p, "--", 2) != 0) {
    const char *eol = strstr(p, "\r\n");
    unsigned char buf[64];
    int m = EVP_DecodeBlock(buf, (const unsigned char *)p, (int)(eol - p));
    assert_true(m >= 0);
    /* EVP_DecodeBlock counts the padding as zero bytes */
    if (eol - p >= 2 && eol[-1] == '=')
      m -= eol[-2] == '=' ? 2 : 1;
    assert_true(n + (size_t)m <= cap);
    memcpy(out + n, buf, (size_t)m);
    n += (size_t)m;
    p = eol + 2;
  }
  return n;
}

static void test_attachment_mime(void **state)
{
  (void)state;
  const char page[] = "<!DOCTYPE html>\n<p>Báo cáo</p>\n";
  struct email_attachment a = {
    .filename = "Báo cáo tình hình Tỉnh Bắc Ninh 09-12-2024 (bản đầy đủ).html",
    .content_type = "text/html; charset=UTF-8",
    .data = page, .size = sizeof page - 1,
  };
  struct email e = mail(&a, 1);
  char *raw = email_render(&e), body[256];
  assert_non_null(raw);
  const char *mixed = strstr(raw, "Content-Type: multipart/mixed;\r\n "
                                  "boundary=\"=_dondoc_m_");
  const char *alt = strstr(raw, "Content-Type: multipart/alternative;");
  const char *disp = strstr(raw, "Content-Disposition: attachment;\r\n "
                                 "filename*0*=UTF-8''B%C3%A1o%20c%C3%A1o");
  assert_non_null(mixed);
  assert_non_null(alt);
  assert_non_null(disp);
  assert_true(mixed < alt && alt < disp);
  assert_non_null(strstr(raw, "\r\n filename*1*="));
  assert_non_null(strstr(raw, "Content-Type: text/html; charset=UTF-8;\r\n "
                              "name*0*=UTF-8''"));
  /* the name, put back together, is the UTF-8 name */
  char joined[512] = "";
  for (const char *p = strstr(disp, "filename*"); p && p < raw + strlen(raw);
       p = strstr(p + 1, "\r\n filename*")) {
    const char *v = strchr(p, '=') + 1;
    if (strncmp(v, "UTF-8''", 7) == 0)
      v += 7;
    strncat(joined, v, strcspn(v, ";\r"));
  }
  char decoded[256];
  size_t k = 0;
  for (const char *p = joined; *p; p++)
    if (*p == '%') {
      unsigned v;
      assert_int_equal(sscanf(p + 1, "%2X", &v), 1);
      decoded[k++] = (char)v;
      p += 2;
    } else {
      decoded[k++] = *p;
    }
  decoded[k] = '\0';
  assert_string_equal(decoded, a.filename);
  /* every line fits; the text attachment went in canonical form */
  for (const char *p = raw; *p;) {
    size_t n = strcspn(p, "\r");
    assert_true(n <= 76);
    p += n + (p[n] ? 2 : 0);
  }
  size_t n = part_body(raw, "Content-Disposition: attachment", body,
                       sizeof body);
  assert_int_equal(n, sizeof page - 1 + 2);
  assert_memory_equal(body, "<!DOCTYPE html>\r\n<p>Báo cáo</p>\r\n", n);
  /* the mixed part closes after the attachment */
  const char *end = raw + strlen(raw);
  assert_memory_equal(end - 4, "--\r\n", 4);
  assert_non_null(strstr(end - 60, "=_dondoc_m_"));
  free(raw);
}

static void test_attachment_binary_and_refusals(void **state)
{
  (void)state;
  const char bytes[] = {'a', '\n', 'b', '\0', 'c'};
  struct email_attachment a = {
    .filename = "data.bin", .content_type = "application/octet-stream",
    .data = bytes, .size = sizeof bytes,
  };
  struct email e = mail(&a, 1);
  char *raw = email_render(&e), body[64];
  assert_non_null(raw);
  /* not text: the bytes as they are, NUL and LF included */
  assert_int_equal(part_body(raw, "Content-Disposition: attachment", body,
                             sizeof body), sizeof bytes);
  assert_memory_equal(body, bytes, sizeof bytes);
  assert_non_null(strstr(raw, "filename*0*=UTF-8''data.bin\r\n"));
  free(raw);

  /* anything that could end a header is refused, not sent */
  a.filename = "x.html\r\nBcc: all@example.com";
  assert_null(email_render(&e));
  a.filename = "";
  assert_null(email_render(&e));
  a.filename = "ok.bin";
  a.content_type = "text/html\r\nX-Evil: 1";
  assert_null(email_render(&e));
  a.content_type = "text/html; name=\"x\"";
  assert_null(email_render(&e));
  a.content_type = "application/octet-stream";
  a.data = NULL;
  assert_null(email_render(&e));
  e.n_attachments = 1;
  e.attachments = NULL;
  assert_null(email_render(&e));

  /* none: the message is the plain alternative, as before */
  struct email plain = mail(NULL, 0);
  raw = email_render(&plain);
  assert_non_null(raw);
  assert_null(strstr(raw, "multipart/mixed"));
  assert_non_null(strstr(raw, "Content-Type: multipart/alternative;"));
  free(raw);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_agencies_and_rates, setup, teardown),
    cmocka_unit_test(test_no_rate_before_anything_is_due),
    cmocka_unit_test_setup_teardown(test_indicators, setup, teardown),
    cmocka_unit_test_setup_teardown(test_appendix_rows, setup, teardown),
    cmocka_unit_test_setup_teardown(test_rules_that_cannot_be_evaluated,
                                    setup, teardown),
    cmocka_unit_test_setup_teardown(test_html_escapes_and_is_self_contained,
                                    setup, teardown),
    cmocka_unit_test_setup_teardown(test_svg_chart, setup, teardown),
    cmocka_unit_test_setup_teardown(test_json, setup, teardown),
    cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
    cmocka_unit_test_setup_teardown(test_xlsx, setup, teardown),
    cmocka_unit_test_setup_teardown(test_report_day, setup, teardown),
    cmocka_unit_test(test_attachment_mime),
    cmocka_unit_test(test_attachment_binary_and_refusals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
