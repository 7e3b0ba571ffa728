/*
 * test_ical.c — iCalendar text (escaping, folding at octet boundaries
 * that never split a character, value formats) and the calendar of
 * deadlines built from the fixture rules and a real SQLite file: which
 * events, their dates, stable UIDs, alarms on the days of the reminders.
 *
 * Fixture facts used below (tests/fixtures/rules/good, over base): "annual"
 * is due 05/12 (a Thursday in 2024) from members a and b; "inspect" once
 * on 05/12/2024 from a; "tet" from b is due 28/01/2025, inside Tết
 * (25/01–02/02/2025), so on Monday 03/02; "legacy" is owed by d, which
 * ends on 28/02/2025, so its 2024 report (due 31/03/2025) by its successor
 * b; the campaign "am" runs 15/11–15/12 for the members. The policy is
 * before = { 7, 1 }, on the day, the day after, working days only.
 * tests/fixtures/rules/campaigns: "ny" runs 20/12–10/01 across the new
 * year, "dv" (June) stops after 2025; d is not a member.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "ical.h"
#include "rules.h"
#include "store.h"
#include "utf8.h"
#include "fixture.h"

#define day fixture_day

/* ---- escaping and folding ------------------------------------------ */

static void escaped_is(const char *in, const char *want)
{
  char *got = ical_escape_text(in);
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

static void test_escape(void **state)
{
  (void)state;
  escaped_is("Sở Nội vụ", "Sở Nội vụ");
  escaped_is("mục V.2; Phụ lục 02, mục 4", "mục V.2\\; Phụ lục 02\\, mục 4");
  escaped_is("C:\\dữ liệu", "C:\\\\dữ liệu");       /* colon stays */
  escaped_is("dòng 1\ndòng 2\r\ndòng 3\rdòng 4",
             "dòng 1\\ndòng 2\\ndòng 3\\ndòng 4");
  escaped_is("a\tb\x01" "c\x7f" "d", "a\tb c d");    /* TEXT has no CTLs */
  escaped_is("\"trích\"", "\"trích\"");
  escaped_is("", "");
}

/* Split folded text into its physical lines (CRLF removed); check each
 * is at most 75 octets, whole UTF-8 characters only, and that unfolding
 * (dropping CRLF and the one space after it) gives `line` back. */
static size_t check_folded(const char *folded, const char *line,
                           size_t *lens, size_t max_lines)
{
  size_t n = 0, len = strlen(folded);
  char *copy = malloc(len + 1), *unfolded = malloc(len + 1);
  assert_non_null(copy);
  assert_non_null(unfolded);
  memcpy(copy, folded, len + 1);
  unfolded[0] = '\0';
  assert_true(len >= 2 && strcmp(folded + len - 2, "\r\n") == 0);
  char *p = copy;
  while (*p) {
    char *end = strstr(p, "\r\n");
    assert_non_null(end);
    *end = '\0';
    assert_null(strchr(p, '\n'));                  /* CRLF only */
    assert_true(strlen(p) <= ICAL_LINE_OCTETS);
    assert_true(utf8_valid(p));                    /* no character split */
    if (n > 0)
      assert_int_equal(p[0], ' ');
    if (n < max_lines)
      lens[n] = strlen(p);
    strcat(unfolded, n > 0 ? p + 1 : p);
    n++;
    p = end + 2;
  }
  assert_string_equal(unfolded, line);
  free(copy);
  free(unfolded);
  return n;
}

static void test_fold_ascii(void **state)
{
  (void)state;
  char line[201];
  size_t lens[8];
  memset(line, 'x', 200);
  line[200] = '\0';
  char *f = ical_fold(line);
  assert_non_null(f);
  /* 75, then a space and 74 each: 75 + 74 + 51 */
  assert_int_equal(check_folded(f, line, lens, 8), 3);
  assert_int_equal(lens[0], 75);
  assert_int_equal(lens[1], 75);
  assert_int_equal(lens[2], 1 + 51);
  free(f);

  line[75] = '\0';                       /* exactly 75: not folded */
  f = ical_fold(line);
  assert_int_equal(check_folded(f, line, lens, 8), 1);
  free(f);
  line[75] = 'x';
  line[76] = '\0';                       /* 76: one octet moves on */
  f = ical_fold(line);
  assert_int_equal(check_folded(f, line, lens, 8), 2);
  assert_int_equal(lens[1], 2);
  free(f);
  f = ical_fold("");
  assert_string_equal(f, "\r\n");
  free(f);
}

/* "SUMMARY:" is 8 octets and "ạ" (U+1EA1) 3: 22 of them end at octet 74,
 * the 23rd would end at 77, so the first line is cut at 74, not 75; the
 * continuation holds a space and 24 "ạ" (73 octets: a 25th would make
 * 76). Cut at 75 octets blindly, "ạ" would be split into E1 BA | A1. */
static void test_fold_vietnamese_at_octets(void **state)
{
  (void)state;
  char line[8 + 60 * 3 + 1] = "SUMMARY:";
  size_t lens[8];
  for (int i = 0; i < 60; i++)
    strcat(line, "ạ");
  char *f = ical_fold(line);
  assert_non_null(f);
  assert_int_equal(check_folded(f, line, lens, 8), 3);
  assert_int_equal(lens[0], 74);
  assert_int_equal(lens[1], 1 + 24 * 3);
  assert_int_equal(lens[2], 1 + (60 - 22 - 24) * 3);
  free(f);

  /* "DESCRIPTION:" is 12 octets: 21 "ạ" fill exactly 75, no cut needed */
  char exact[12 + 21 * 3 + 1] = "DESCRIPTION:";
  for (int i = 0; i < 21; i++)
    strcat(exact, "ạ");
  f = ical_fold(exact);
  assert_int_equal(check_folded(f, exact, lens, 8), 1);
  assert_int_equal(lens[0], 75);
  free(f);

  /* every character width (1–4 octets) at every offset: lines never
   * exceed 75, never split a character, and unfold to the input */
  static const char *const chars[] = {"a", "Đ", "ệ", "𠀀", " "};
  char mixed[2048];
  for (size_t shift = 0; shift < 5; shift++) {
    mixed[0] = '\0';
    for (size_t i = 0; strlen(mixed) < 1900; i++)
      strcat(mixed, chars[(i * 7 + shift) % 5]);
    f = ical_fold(mixed);
    assert_non_null(f);
    size_t n = check_folded(f, mixed, lens, 0);
    assert_true(n > 25);
    free(f);
  }
}

static void test_value_formats(void **state)
{
  (void)state;
  char d[ICAL_DATE_LEN], t[ICAL_UTC_LEN], dur[ICAL_DURATION_LEN];
  ical_format_date(day("2024-12-05"), d);
  assert_string_equal(d, "20241205");
  /* 00:00 on 09/12/2024 in Vietnam (UTC+7) is 17:00 the day before UTC */
  ical_format_utc(((long long)day("2024-12-09") * 1440 - 420) * 60, t);
  assert_string_equal(t, "20241208T170000Z");
  ical_format_utc(((long long)day("2024-12-09") * 1440 + 8 * 60 + 30) * 60 +
                  59, t);
  assert_string_equal(t, "20241209T083059Z");
  ical_format_duration(-7 * 1440 + 480, dur);
  assert_string_equal(dur, "-P6DT16H");
  ical_format_duration(-1 * 1440 + 480, dur);
  assert_string_equal(dur, "-PT16H");
  ical_format_duration(480, dur);
  assert_string_equal(dur, "PT8H");
  ical_format_duration(1440 + 480, dur);
  assert_string_equal(dur, "P1DT8H");
  ical_format_duration(2 * 1440, dur);
  assert_string_equal(dur, "P2D");
  ical_format_duration(-90, dur);
  assert_string_equal(dur, "-PT1H30M");
  ical_format_duration(0, dur);
  assert_string_equal(dur, "PT0S");
}

static char *written(void (*fn)(struct ical_writer *, const void *),
                     const void *arg)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  struct ical_writer w = {.out = f};
  fn(&w, arg);
  assert_false(w.failed);
  assert_int_equal(fclose(f), 0);
  return buf;
}

static void write_zone(struct ical_writer *w, const void *arg)
{
  ical_vtimezone(w, arg, 420);
}

static void write_lines(struct ical_writer *w, const void *arg)
{
  (void)arg;
  ical_begin(w, "VEVENT");
  ical_text(w, "SUMMARY", "Báo cáo; kỳ 2024, hạn 05/12");
  ical_line(w, "DTSTART;VALUE=DATE", "20241205");
  ical_end(w, "VEVENT");
}

static void test_writer(void **state)
{
  (void)state;
  char *s = written(write_zone, "Asia/Ho_Chi_Minh");
  assert_string_equal(s, "BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n"
                      "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                      "TZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\n"
                      "TZNAME:+07\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
  free(s);
  s = written(write_lines, NULL);
  assert_string_equal(s, "BEGIN:VEVENT\r\nSUMMARY:Báo cáo\\; kỳ 2024\\, hạn "
                      "05/12\r\nDTSTART;VALUE=DATE:20241205\r\n"
                      "END:VEVENT\r\n");
  free(s);
}

/* ---- UIDs ------------------------------------------------------------ */

static void test_uid_stable_and_distinct(void **state)
{
  (void)state;
  char u[AGENDA_UID_LEN], v[AGENDA_UID_LEN];
  /* the recipe is fixed: calendars that imported an event must find it
   * again under the same UID in every later version */
  agenda_report_uid("bac-ninh", "ban-vstbpn", "so-tai-chinh", "2024",
                    "bacninh.example.gov.vn", u);
  assert_string_equal(u, "dondoc-e377485523ccbe02f9cb3ed2961b804b"
                         "@bacninh.example.gov.vn");
  agenda_campaign_uid("bac-ninh", "action-month", "2024",
                      "bacninh.example.gov.vn", u);
  assert_string_equal(u, "dondoc-55abfac954eb921513d54cd87359c875"
                         "@bacninh.example.gov.vn");
  /* each field counts, and where one ends */
  agenda_report_uid("j", "o", "a", "2024", "x.vn", u);
  static const char *const other[][4] = {
    {"k", "o", "a", "2024"}, {"j", "p", "a", "2024"},
    {"j", "o", "b", "2024"}, {"j", "o", "a", "2024-H1"},
  };
  for (size_t i = 0; i < 4; i++) {
    agenda_report_uid(other[i][0], other[i][1], other[i][2], other[i][3],
                      "x.vn", v);
    assert_string_not_equal(u, v);
  }
  agenda_report_uid("j", "o-a", "b", "2024", "x.vn", u);
  agenda_report_uid("j", "o", "a-b", "2024", "x.vn", v);
  assert_string_not_equal(u, v);
  agenda_campaign_uid("j", "o", "2024", "x.vn", u);
  agenda_report_uid("j", "o", "", "2024", "x.vn", v);
  assert_string_not_equal(u, v);
}

/* ---- the calendar of the fixture rules ------------------------------ */

struct fx {
  struct ruleset rs;
  struct fixture_db fdb;
  struct agenda a;
};

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"good", "campaigns"};
  if (x == NULL)
    return -1;
  *state = x;
  return fixture_rules(&x->rs, ids, 2) == 0 &&
         fixture_db_open(&x->fdb, "ical") == 0 ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  agenda_release(&x->a);
  fixture_db_close(&x->fdb);
  rules_release(&x->rs);
  free(x);
  return 0;
}

static void collect(struct fx *x, const char *jid, const char *now,
                    const char *agency)
{
  char err[256];
  struct agenda_options o = {.now = day(now), .agency = agency,
                             .domain = "test.example"};
  agenda_release(&x->a);
  assert_int_equal(agenda_collect(rules_find(&x->rs, jid), x->fdb.s, &o,
                                  &x->a, err, sizeof err), 0);
}

/* The event about item (an obligation or a campaign) for period, and
 * agency when given. */
static const struct agenda_event *event(const struct fx *x, const char *item,
                                        const char *agency,
                                        const char *period)
{
  for (size_t i = 0; i < x->a.n; i++) {
    const struct agenda_event *e = &x->a.v[i];
    const char *id = e->f.obligation ? e->f.obligation->id
                                     : e->f.campaign->id;
    if (strcmp(id, item) == 0 && strcmp(e->f.period.id, period) == 0 &&
        (agency == NULL || strcmp(e->f.agency->id, agency) == 0))
      return e;
  }
  return NULL;
}

static void alarms_are(const struct agenda_event *e, size_t n, ...)
{
  va_list ap;
  assert_non_null(e);
  assert_int_equal(e->n_alarms, n);
  va_start(ap, n);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(e->alarms[i], va_arg(ap, int));
  va_end(ap);
}

static void test_events_of_an_agency(void **state)
{
  struct fx *x = *state;
  collect(x, "good", "2024-11-20", "a");
  /* a's reports in the window (from monitor_from 01/01/2024) and the
   * Action Month it runs; nothing of b, c or d */
  for (size_t i = 0; i < x->a.n; i++)
    assert_true(x->a.v[i].f.campaign ||
                strcmp(x->a.v[i].f.agency->id, "a") == 0);
  const struct agenda_event *e = event(x, "annual", "a", "2024");
  assert_non_null(e);
  assert_int_equal(e->first, day("2024-12-05"));
  assert_int_equal(e->last, day("2024-12-05"));
  assert_int_equal(e->sequence, 0);
  assert_int_equal(e->modified, CAL_DAY_MIN);
  assert_false(e->cancelled);
  /* Thu 28/11 (7 days before), Wed 04/12, the day, Fri 06/12 */
  alarms_are(e, 4, -7, -1, 0, 1);
  assert_non_null(event(x, "inspect", "a", "2024"));
  assert_non_null(event(x, "annual", "a", "2024-H1"));
  /* a ends on 28/02/2025: its duties after that are b's, not in a's
   * calendar; the 2025 Action Month is not a's either */
  assert_null(event(x, "annual", NULL, "2025-H1"));
  e = event(x, "am", NULL, "2024");
  assert_non_null(e);
  assert_int_equal(e->first, day("2024-11-15"));
  assert_int_equal(e->last, day("2024-12-15"));
  assert_null(event(x, "am", NULL, "2025"));
  /* the window opened five days ago: its alarms are past, left out */
  assert_int_equal(e->n_alarms, 0);
  /* in calendar order */
  for (size_t i = 1; i < x->a.n; i++)
    assert_true(x->a.v[i - 1].first <= x->a.v[i].first);

  /* every agency: b's and the successor's too, and the 2025 window */
  collect(x, "good", "2024-11-20", NULL);
  assert_non_null(event(x, "annual", "b", "2025-H1"));
  e = event(x, "am", NULL, "2025");
  assert_non_null(e);
  /* 15/11/2025 is a Saturday: announced Monday 10/11 (the first working
   * day of the 7 before) and on Monday 17/11 */
  alarms_are(e, 2, -5, 2);
  /* nothing without a date: no event has MODEL_DUE_UNSET */
  for (size_t i = 0; i < x->a.n; i++)
    assert_true(x->a.v[i].first < MODEL_DUE_UNSET);
}

static void test_alarms_follow_working_days_and_now(void **state)
{
  struct fx *x = *state;
  collect(x, "good", "2024-11-20", "b");
  /* due 28/01/2025, in Tết: Monday 03/02. 7 and 1 days before are days
   * off, and so is every day from 25/01: run sends nothing before the
   * last day itself, then the day after */
  const struct agenda_event *e = event(x, "tet", "b", "2024");
  assert_non_null(e);
  assert_int_equal(e->first, day("2025-02-03"));
  assert_int_equal(e->f.nominal_due, day("2025-01-28"));
  alarms_are(e, 2, 0, 1);
  /* later, only what is still ahead rings */
  collect(x, "good", "2024-12-04", "b");
  alarms_are(event(x, "annual", "b", "2024"), 3, -1, 0, 1);
  collect(x, "good", "2024-12-06", "b");
  alarms_are(event(x, "annual", "b", "2024"), 1, 1);
  collect(x, "good", "2024-12-07", "b");
  alarms_are(event(x, "annual", "b", "2024"), 0);
}

static void test_extension_moves_same_uid(void **state)
{
  struct fx *x = *state;
  collect(x, "good", "2024-12-03", "a");
  char uid[AGENDA_UID_LEN];
  const struct agenda_event *e = event(x, "annual", "a", "2024");
  assert_non_null(e);
  snprintf(uid, sizeof uid, "%s", e->uid);
  struct store_grant g = {.new_due = day("2024-12-20"),
                          .granted_on = day("2024-12-03"),
                          .letter = "125/SNV-BĐG", .reason = ""};
  assert_int_equal(store_grant_put(x->fdb.s, "good", "a", "annual", "2024",
                                   &g), 0);
  collect(x, "good", "2024-12-03", "a");
  e = event(x, "annual", "a", "2024");
  assert_string_equal(e->uid, uid);
  assert_int_equal(e->first, day("2024-12-20"));
  assert_int_equal(e->sequence, 20241203);
  assert_int_equal(e->modified, day("2024-12-03"));
  /* the alarms follow the new date: Fri 13/12, Thu 19/12, 20/12, Mon 23/12 */
  alarms_are(e, 4, -7, -1, 0, 3);
  /* a second extension, later: a higher SEQUENCE */
  g.new_due = day("2025-01-10");
  g.granted_on = day("2024-12-18");
  assert_int_equal(store_grant_put(x->fdb.s, "good", "a", "annual", "2024",
                                   &g), 0);
  collect(x, "good", "2024-12-18", "a");
  e = event(x, "annual", "a", "2024");
  assert_string_equal(e->uid, uid);
  assert_int_equal(e->first, day("2025-01-10"));
  assert_int_equal(e->sequence, 20241218);
  /* on a day before the grant, the event is where the plan put it */
  collect(x, "good", "2024-12-02", "a");
  e = event(x, "annual", "a", "2024");
  assert_int_equal(e->first, day("2024-12-05"));
  assert_int_equal(e->sequence, 0);
}

static void test_received_exempt_successor(void **state)
{
  struct fx *x = *state;
  assert_int_equal(store_submission_put(x->fdb.s, "good", "a", "inspect",
                                        "2024", day("2024-12-02"), ""), 0);
  struct store_grant g = {.exemption = true, .granted_on = day("2024-12-01"),
                          .letter = "130/SNV-BĐG", .reason = ""};
  assert_int_equal(store_grant_put(x->fdb.s, "good", "b", "annual", "2024",
                                   &g), 0);
  collect(x, "good", "2024-12-03", NULL);
  /* received: stays, no alarm, modified on the day it arrived */
  const struct agenda_event *e = event(x, "inspect", "a", "2024");
  assert_non_null(e);
  assert_int_equal(e->f.kind, FIND_ON_TIME);
  assert_int_equal(e->n_alarms, 0);
  assert_int_equal(e->modified, day("2024-12-02"));
  /* exempt: the same event, cancelled, no alarm */
  e = event(x, "annual", "b", "2024");
  assert_non_null(e);
  assert_true(e->cancelled);
  assert_int_equal(e->sequence, 20241201);
  assert_int_equal(e->n_alarms, 0);
  /* d ended on 28/02/2025: its 2024 report, due 31/03/2025, is b's, in
   * b's calendar, for d */
  collect(x, "good", "2024-12-03", "b");
  e = event(x, "legacy", "b", "2024");
  assert_non_null(e);
  assert_non_null(e->f.succeeded);
  assert_string_equal(e->f.succeeded->id, "d");
  collect(x, "good", "2024-12-03", "d");
  assert_null(event(x, "legacy", NULL, "2024"));
  assert_non_null(event(x, "legacy", "d", "2023"));   /* its own, before */
}

static void test_campaign_windows(void **state)
{
  struct fx *x = *state;
  collect(x, "campaigns", "2025-12-01", NULL);
  /* ny crosses the new year: 20/12/2025–10/01/2026 */
  const struct agenda_event *e = event(x, "ny", NULL, "2025");
  assert_non_null(e);
  assert_int_equal(e->first, day("2025-12-20"));
  assert_int_equal(e->last, day("2026-01-10"));
  /* a window that starts before monitor_from (01/01/2024) but runs
   * into it */
  e = event(x, "ny", NULL, "2023");
  assert_non_null(e);
  assert_int_equal(e->last, day("2024-01-10"));
  /* dv stops after 2025 */
  assert_non_null(event(x, "dv", NULL, "2025"));
  assert_null(event(x, "dv", NULL, "2026"));
  assert_non_null(event(x, "am", NULL, "2026"));
  /* d is not a member: no campaign is its to run */
  collect(x, "campaigns", "2025-12-01", "d");
  assert_int_equal(x->a.n, 0);
  /* b ends on 14/11/2025: the 2025 Action Month is not b's */
  collect(x, "campaigns", "2025-12-01", "b");
  assert_non_null(event(x, "am", NULL, "2024"));
  assert_null(event(x, "am", NULL, "2025"));
  /* an agency the jurisdiction does not declare: nothing */
  collect(x, "campaigns", "2025-12-01", "ghost");
  assert_int_equal(x->a.n, 0);
}

static void test_written_calendar(void **state)
{
  struct fx *x = *state;
  struct store_grant g = {.new_due = day("2024-12-20"),
                          .granted_on = day("2024-12-03"),
                          .letter = "125/SNV-BĐG", .reason = ""};
  assert_int_equal(store_grant_put(x->fdb.s, "good", "a", "annual", "2024",
                                   &g), 0);
  collect(x, "good", "2024-12-03", NULL);
  struct agenda_write_options o = {
    .now = day("2024-12-09"), .minute = 0, .utc_offset_minutes = 420,
    .tzid = "Asia/Ho_Chi_Minh", .prodid = "-//dondoc//test//VI",
    .name = "Tỉnh Tốt — hạn báo cáo",
  };
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  assert_int_equal(agenda_write_ical(f, &x->a, &o), 0);
  assert_int_equal(fclose(f), 0);
  /* every line CRLF-ended, at most 75 octets, whole characters */
  size_t events = 0;
  for (char *p = buf; *p;) {
    char *end = strstr(p, "\r\n");
    assert_non_null(end);
    assert_true(end - p <= ICAL_LINE_OCTETS);
    *end = '\0';
    assert_null(strchr(p, '\n'));
    assert_true(utf8_valid(p));
    events += strcmp(p, "BEGIN:VEVENT") == 0;
    p = end + 2;
  }
  assert_int_equal(events, x->a.n);
  free(buf);
  /* unfolded, the text says what the event is */
  f = open_memstream(&buf, &len);
  assert_int_equal(agenda_write_ical(f, &x->a, &o), 0);
  assert_int_equal(fclose(f), 0);
  char *u = buf, *w = buf;
  while (*u) {
    if (u[0] == '\r' && u[1] == '\n' && u[2] == ' ')
      u += 3;
    else
      *w++ = *u++;
  }
  *w = '\0';
  assert_non_null(strstr(buf, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  assert_non_null(strstr(buf, "TZID:Asia/Ho_Chi_Minh\r\n"));
  assert_non_null(strstr(buf, "DTSTAMP:20241208T170000Z\r\n"));
  /* the Action Month 2024 as a whole-day span, DTEND the day after */
  assert_non_null(strstr(buf, "DTSTART;VALUE=DATE:20241115\r\n"
                              "DTEND;VALUE=DATE:20241216\r\n"));
  /* the plan's date inside Tết, said in words */
  assert_non_null(strstr(buf, "Kế hoạch ghi ngày thứ Ba 28/01/2025\\, là "
                              "ngày nghỉ\\; hạn cuối tính là thứ Hai "
                              "03/02/2025."));
  assert_non_null(strstr(buf, "Đã gia hạn theo văn bản 125/SNV-BĐG (hạn ban "
                              "đầu 05/12/2024)."));
  assert_non_null(strstr(buf, "SEQUENCE:20241203\r\n"
                              "LAST-MODIFIED:20241202T170000Z\r\n"));
  assert_non_null(strstr(buf, "SUMMARY:Sở B (thay Sở D): Báo cáo cũ — kỳ "
                              "2024\r\n"));
  assert_non_null(strstr(buf, "TRIGGER;RELATED=START:-P6DT16H\r\n"));
  assert_non_null(strstr(buf, "\r\nEND:VCALENDAR\r\n"));
  free(buf);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_escape),
    cmocka_unit_test(test_fold_ascii),
    cmocka_unit_test(test_fold_vietnamese_at_octets),
    cmocka_unit_test(test_value_formats),
    cmocka_unit_test(test_writer),
    cmocka_unit_test(test_uid_stable_and_distinct),
    cmocka_unit_test_setup_teardown(test_events_of_an_agency, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_alarms_follow_working_days_and_now,
                                    setup, teardown),
    cmocka_unit_test_setup_teardown(test_extension_moves_same_uid, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_received_exempt_successor, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_campaign_windows, setup, teardown),
    cmocka_unit_test_setup_teardown(test_written_calendar, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
