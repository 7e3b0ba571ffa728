/*
 * test_compose.c — emails, digest and webhook payload (engine/compose.c).
 *
 * Covers compose_email (subject, Vietnamese text and escaped HTML, the
 * Message-ID derived from the address, items, stages and roles,
 * In-Reply-To / References per report thread, one item and several, what
 * the address must act on and what it gets as a copy, who else was
 * informed, the closing only where a report is asked for),
 * compose_digest (engine/digest.c: the table of reports — columns,
 * cells and their colours per status, the agencies that owe most first,
 * totals, the window of reports shown — the table of indicators with
 * statuses in words and sparklines drawn from digest_series_load, the
 * compact text part, the notes; HTML a mail client keeps), the version-1
 * JSON payload of compose_payload (parsed back with jansson) and
 * compose_hash.
 *
 * Reminders come from the real pipeline: tests/fixtures/rules/remind
 * evaluated against a real SQLite file in a mkdtemp directory (removed in
 * teardown), then remind_plan. Fixture facts: "annual" is due 05/12/2024
 * from a (head_email giamdoc.a@…), b and c (no email); indicator "lead" has
 * no 2023 value (due 25/12/2023), led by b, target 60% in 2025.
 *
 * Campaigns use tests/fixtures/rules/campaigns: the Action Month "am"
 * (15/11–15/12, basis "NQ 28/NQ-CP") told to members a, b and c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "compose.h"
#include "evaluate.h"
#include "remind.h"
#include "rules.h"
#include "store.h"
#include "messages.h"
#include "fixture.h"

#define DOMAIN "remind.example"

struct fx {
  struct ruleset rs;
  const struct jurisdiction *j;
  struct store *s;
  struct fixture_db fdb;
  struct findings f;
  struct reminders r;
  struct composed c, d;
  char *json;
  json_t *root;
};

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"remind"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 1) != 0 ||
      fixture_db_open(&x->fdb, "compose") != 0)
    return -1;
  x->j = rules_find(&x->rs, "remind");
  x->s = x->fdb.s;
  return x->j ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  if (x == NULL)
    return 0;
  composed_release(&x->c);
  composed_release(&x->d);
  free(x->json);
  json_decref(x->root);
  fixture_db_close(&x->fdb);
  reminders_release(&x->r);
  findings_release(&x->f);
  rules_release(&x->rs);
  free(x);
  return 0;
}

#define day fixture_day

static void plan_at(struct fx *x, const char *date)
{
  char err[256];
  struct eval_options o = {.now = day(date), .all = true};
  reminders_release(&x->r);
  findings_release(&x->f);
  assert_int_equal(evaluate_jurisdiction(x->j, x->s, &o, &x->f, err,
                                         sizeof err), 0);
  assert_int_equal(remind_plan(x->j, &x->f, o.now, &x->r), 0);
}

static const struct reminder *find(const struct fx *x, const char *item,
                                   const char *agency)
{
  for (size_t i = 0; i < x->r.n; i++) {
    const struct finding *f = x->r.v[i].f;
    const char *id = finding_item_id(f);
    if (strcmp(id, item) == 0 &&
        (agency == NULL || (f->agency && strcmp(f->agency->id, agency) == 0)))
      return &x->r.v[i];
  }
  fail_msg("no reminder for %s/%s", item, agency ? agency : "-");
  return NULL;
}

static bool starts_with(const char *s, const char *prefix)
{
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The thread id compose.c must derive: hash of "jur|item|agency|period". */
static void expected_thread(const char *key, char *buf, size_t len)
{
  char h[17];
  compose_hash(key, h);
  snprintf(buf, len, "<dondoc-thread-%s@" DOMAIN ">", h);
}

static bool is_hex16(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
      return false;
  return true;
}

/* ---- compose_email ------------------------------------------------------ */

/* compose_email for a letter to `address`: act[0..n_act), then copies. */
static int email_to(const struct jurisdiction *j, const char *address,
                    const struct reminder *const *act, size_t n_act,
                    const struct reminder *const *info, size_t n_info,
                    const char *domain, cal_day now, struct composed *out)
{
  struct letter l = {.address = address, .act = act, .n_act = n_act,
                     .info = info, .n_info = n_info};
  return compose_email(j, &l, domain, now, out);
}

/* A letter with only items to act on, to the first one's address. */
static int email_of(const struct jurisdiction *j,
                    const struct reminder *const *items, size_t n,
                    const char *domain, cal_day now, struct composed *out)
{
  return email_to(j, items[0]->to_address, items, n, NULL, 0, domain, now,
                  out);
}

static void test_email_one_item(void **state)
{
  struct fx *x = *state;
  char thread[128], keys[512], h[17], mid[128];
  plan_at(x, "2024-11-28");
  const struct reminder *r = find(x, "annual", "a");
  const struct reminder *items[] = {r};

  assert_int_equal(email_of(x->j, items, 1, DOMAIN, day("2024-11-28"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject,
                      "[Tỉnh Nhắc] Còn 7 ngày: Báo cáo năm kỳ 2024");
  assert_true(starts_with(x->c.text, "Kính gửi: Sở A\n\n"));
  /* the intro names the jurisdiction inside a sentence, and the day */
  assert_non_null(strstr(x->c.text, "phụ nữ tỉnh Nhắc đề nghị"));
  assert_non_null(strstr(x->c.text, "(tình hình ngày 28/11/2024)"));
  assert_non_null(strstr(x->c.text,
      "1. Sở A cần gửi Báo cáo năm kỳ 2024; hạn 05/12/2024, còn 7 ngày.\n"));
  assert_null(strstr(x->c.text, "lãnh đạo cơ quan"));   /* no escalation */
  assert_true(starts_with(x->c.html, "<!DOCTYPE html>"));
  assert_non_null(strstr(x->c.html, "<p>Kính gửi: Sở A</p>"));
  assert_non_null(strstr(x->c.html, "<li>Sở A cần gửi Báo cáo năm kỳ 2024; "
                                    "hạn 05/12/2024, còn 7 ngày.</li>"));

  /* the thread: one per report and period */
  expected_thread("remind|annual|a|2024", thread, sizeof thread);
  assert_non_null(x->c.in_reply_to);
  assert_string_equal(x->c.in_reply_to, thread);
  assert_string_equal(x->c.references, thread);
  /* the Message-ID: this thread at this stage to this address */
  snprintf(keys, sizeof keys, "%s|before-7|a@" DOMAIN "\n", thread);
  compose_hash(keys, h);
  snprintf(mid, sizeof mid, "<dondoc-%s@" DOMAIN ">", h);
  assert_string_equal(x->c.message_id, mid);
  assert_true(starts_with(x->c.message_id, "<dondoc-"));
  assert_true(is_hex16(x->c.message_id + 8, 16));
}

static void test_email_ids(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-11-28");
  struct reminder r = *find(x, "annual", "a");
  const struct reminder *items[] = {&r};
  cal_day now = day("2024-11-28");

  assert_int_equal(email_of(x->j, items, 1, DOMAIN, now, &x->c), 0);
  assert_int_equal(email_of(x->j, items, 1, DOMAIN, now, &x->d), 0);
  assert_string_equal(x->c.message_id, x->d.message_id);      /* stable */
  assert_string_equal(x->c.in_reply_to, x->d.in_reply_to);
  assert_string_equal(x->c.text, x->d.text);
  composed_release(&x->d);

  /* another stage: another message, the same thread */
  snprintf(r.stage, sizeof r.stage, "before-1");
  assert_int_equal(email_of(x->j, items, 1, DOMAIN, now, &x->d), 0);
  assert_string_not_equal(x->c.message_id, x->d.message_id);
  assert_string_equal(x->c.in_reply_to, x->d.in_reply_to);
  composed_release(&x->d);

  /* another address: another message */
  snprintf(r.stage, sizeof r.stage, "before-7");
  r.to_address = "other@" DOMAIN;
  assert_int_equal(email_of(x->j, items, 1, DOMAIN, now, &x->d), 0);
  assert_string_not_equal(x->c.message_id, x->d.message_id);
  composed_release(&x->d);

  /* another domain: the ids end in it */
  r.to_address = "a@" DOMAIN;
  assert_int_equal(email_of(x->j, items, 1, "other.example", now,
                                 &x->d), 0);
  assert_non_null(strstr(x->d.message_id, "@other.example>"));
  assert_non_null(strstr(x->d.in_reply_to, "@other.example>"));
  composed_release(&x->d);

  /* a week later, overdue: a new message in the same thread */
  char first_thread[128];
  snprintf(first_thread, sizeof first_thread, "%s", x->c.in_reply_to);
  plan_at(x, "2024-12-06");
  const struct reminder *late[] = {find(x, "annual", "a")};
  assert_string_equal(late[0]->stage, "overdue-0");
  assert_int_equal(email_of(x->j, late, 1, DOMAIN, day("2024-12-06"),
                                 &x->d), 0);
  assert_string_equal(x->d.in_reply_to, first_thread);
  assert_string_not_equal(x->d.message_id, x->c.message_id);
  assert_string_equal(x->d.subject,
                      "[Tỉnh Nhắc] Quá hạn 1 ngày: Báo cáo năm kỳ 2024");
  /* b's report is another thread */
  const struct reminder *other[] = {find(x, "annual", "b")};
  composed_release(&x->c);
  assert_int_equal(email_of(x->j, other, 1, DOMAIN, day("2024-12-06"),
                                 &x->c), 0);
  assert_string_not_equal(x->c.in_reply_to, first_thread);
}

static void test_email_escapes_html(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-11-28");
  /* the same report under a title with HTML's special characters */
  struct obligation ob = *find(x, "annual", "a")->f->obligation;
  struct finding f = *find(x, "annual", "a")->f;
  struct reminder r = *find(x, "annual", "a");
  ob.title = "Báo cáo <b>& \"Đặc biệt\"";
  f.obligation = &ob;
  r.f = &f;
  const struct reminder *items[] = {&r};

  assert_int_equal(email_of(x->j, items, 1, DOMAIN, day("2024-11-28"),
                                 &x->c), 0);
  assert_non_null(strstr(x->c.html,
      "Báo cáo &lt;b&gt;&amp; &quot;Đặc biệt&quot; kỳ 2024"));
  assert_null(strstr(x->c.html, "<b>"));
  assert_null(strstr(x->c.html, "<b>&"));
  /* text and subject are not HTML: as written */
  assert_non_null(strstr(x->c.text, "Báo cáo <b>& \"Đặc biệt\" kỳ 2024"));
  assert_string_equal(x->c.subject,
      "[Tỉnh Nhắc] Còn 7 ngày: Báo cáo <b>& \"Đặc biệt\" kỳ 2024");
}

static void test_email_two_items(void **state)
{
  struct fx *x = *state;
  char ta[128], tb[128], tl[128], refs[300];
  plan_at(x, "2024-11-28");
  const struct reminder *items[] = {find(x, "annual", "a"),
                                    find(x, "annual", "b")};
  assert_int_equal(email_of(x->j, items, 2, DOMAIN, day("2024-11-28"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject,
                      "[Tỉnh Nhắc] Nhắc việc: 2 báo cáo sắp đến hạn");
  assert_null(x->c.in_reply_to);
  expected_thread("remind|annual|a|2024", ta, sizeof ta);
  expected_thread("remind|annual|b|2024", tb, sizeof tb);
  snprintf(refs, sizeof refs, "%s %s", ta, tb);
  assert_string_equal(x->c.references, refs);
  assert_non_null(strstr(x->c.text, "\n1. Sở A cần gửi Báo cáo năm"));
  assert_non_null(strstr(x->c.text, "\n2. Sở B cần gửi Báo cáo năm"));
  /* the message names the set: not the id of either item alone */
  const struct reminder *one[] = {items[0]};
  assert_int_equal(email_of(x->j, one, 1, DOMAIN, day("2024-11-28"),
                                 &x->d), 0);
  assert_string_not_equal(x->c.message_id, x->d.message_id);
  composed_release(&x->d);
  composed_release(&x->c);

  /* b's own email: its report and the indicator it leads */
  const struct reminder *mixed[] = {find(x, "annual", "b"),
                                    find(x, "lead", NULL)};
  assert_int_equal(email_of(x->j, mixed, 2, DOMAIN, day("2024-11-28"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Nhắc việc: 1 báo cáo sắp "
                      "đến hạn, 1 chỉ tiêu cần quan tâm");
  assert_true(starts_with(x->c.text, "Kính gửi: Sở B\n"));
  expected_thread("remind|lead|b|2023", tl, sizeof tl);
  snprintf(refs, sizeof refs, "%s %s", tb, tl);
  assert_string_equal(x->c.references, refs);
  assert_non_null(strstr(x->c.text, "2. Chỉ tiêu \"Nữ lãnh đạo chủ chốt\": "
                                    "chưa có số liệu kỳ 2023 (hạn 25/12/2023)"));
  assert_non_null(strstr(x->c.html, "Chỉ tiêu &quot;Nữ lãnh đạo chủ chốt"
                                    "&quot;"));

  /* the indicator alone */
  composed_release(&x->c);
  const struct reminder *ind[] = {find(x, "lead", NULL)};
  assert_int_equal(email_of(x->j, ind, 1, DOMAIN, day("2024-11-28"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Chỉ tiêu cần quan tâm: "
                      "Nữ lãnh đạo chủ chốt");
  assert_string_equal(x->c.in_reply_to, tl);
}

static void test_email_due_day_and_escalation(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-12-05");
  const struct reminder *due[] = {find(x, "annual", "a")};
  assert_string_equal(due[0]->stage, "due");
  assert_int_equal(email_of(x->j, due, 1, DOMAIN, day("2024-12-05"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject,
                      "[Tỉnh Nhắc] Hạn hôm nay: Báo cáo năm kỳ 2024");
  assert_non_null(strstr(x->c.text, "Sở A cần gửi Báo cáo năm kỳ 2024 hôm "
                                    "nay (hạn 05/12/2024)."));
  composed_release(&x->c);

  plan_at(x, "2024-12-19");
  const struct reminder *esc[] = {find(x, "annual", "a")};
  assert_true(esc[0]->escalation);
  assert_int_equal(email_of(x->j, esc, 1, DOMAIN, day("2024-12-19"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Đề nghị chỉ đạo — Quá hạn "
                      "14 ngày: Báo cáo năm kỳ 2024");
  assert_true(starts_with(x->c.text, "Kính gửi: Lãnh đạo Sở A\n"));
  /* it says who else has it — the agency — and claims no other copy */
  assert_non_null(strstr(x->c.text, "quá hạn 14 ngày.\n   Đồng gửi: Sở A.\n"));
  assert_non_null(strstr(x->c.text, "\nBáo cáo trên đã quá hạn lâu; thư này "
                                    "được gửi tới lãnh đạo cơ quan để chỉ đạo "
                                    "hoàn thành.\n"));
  assert_null(strstr(x->c.text, "Thường trực Ban, để"));
  assert_null(strstr(x->c.text, "đồng gửi Thường trực"));
  assert_non_null(strstr(x->c.html, "<p><strong>Báo cáo trên đã quá hạn"));
  assert_non_null(strstr(x->c.html, "<br><small>Đồng gửi: Sở A.</small>"));
  /* the report is still to be sent: the closing applies */
  assert_non_null(strstr(x->c.text, "\nNếu quý cơ quan đã gửi, xin bỏ qua"));

  /* several escalated items */
  composed_release(&x->c);
  const struct reminder *two[] = {find(x, "annual", "a"),
                                  find(x, "annual", "b")};
  assert_int_equal(email_of(x->j, two, 2, DOMAIN, day("2024-12-19"),
                                 &x->c), 0);
  assert_string_equal(x->c.subject,
                      "[Tỉnh Nhắc] Đề nghị chỉ đạo: 2 báo cáo quá hạn");
  assert_non_null(strstr(x->c.text, "\nCác báo cáo trên đã quá hạn lâu"));

  /* the policy copies the secretariat: the letter says so */
  composed_release(&x->c);
  x->rs.jurisdictions[0].policy.escalate_cc_secretariat = true;
  plan_at(x, "2024-12-19");
  const struct reminder *sec[] = {find(x, "annual", "a")};
  assert_int_equal(email_of(x->j, sec, 1, DOMAIN, day("2024-12-19"),
                            &x->c), 0);
  assert_non_null(strstr(x->c.text, "   Đồng gửi: Sở A, Văn phòng Ban.\n"));
}

/* One letter per address: what it must act on, then its copies, each
 * saying who else received it. */
static void test_email_act_and_copies(void **state)
{
  struct fx *x = *state;
  char ta[128], tl[128], keys[512], h[17], mid[128];
  cal_day now = day("2024-11-28");
  plan_at(x, "2024-11-28");
  const struct reminder *own[] = {find(x, "annual", "a")};
  const struct reminder *copy[] = {find(x, "lead", NULL)};   /* b's, a cc */

  /* a: its report to send, and a copy of b's indicator reminder */
  assert_int_equal(email_to(x->j, "a@" DOMAIN, own, 1, copy, 1, DOMAIN, now,
                            &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Còn 7 ngày: Báo cáo năm kỳ "
                      "2024 (kèm 1 mục để biết)");
  assert_true(starts_with(x->c.text, "Kính gửi: Sở A\n"));
  const char *t = x->c.text;
  const char *act = strstr(t, "\n1. Sở A cần gửi Báo cáo năm kỳ 2024; hạn "
                              "05/12/2024, còn 7 ngày.\n");
  const char *head = strstr(t, "\nĐể biết — quý cơ quan nhận bản đồng gửi các "
                               "nội dung sau:\n2. Chỉ tiêu \"Nữ lãnh đạo chủ "
                               "chốt\": chưa có số liệu kỳ 2023");
  const char *who = strstr(t, "Mục tiêu 60% năm 2025.\n   Gửi Sở B để thực "
                              "hiện.\n");
  const char *closing = strstr(t, "\nNếu quý cơ quan đã gửi");
  assert_non_null(act);
  assert_non_null(head);
  assert_non_null(who);
  assert_non_null(closing);
  assert_true(act < head && head < who && who < closing);
  assert_null(strstr(t, "Đồng gửi:"));        /* a's own report: a alone */
  const char *hh = x->c.html;
  assert_non_null(strstr(hh, "</ol>\n<p>Để biết — quý cơ quan nhận bản đồng "
                             "gửi các nội dung sau:</p>\n<ol start=\"2\">\n"
                             "<li>Chỉ tiêu &quot;Nữ lãnh đạo chủ chốt&quot;"));
  assert_non_null(strstr(hh, "<br><small>Gửi Sở B để thực hiện.</small></li>"));
  /* two threads: References both, In-Reply-To neither */
  expected_thread("remind|annual|a|2024", ta, sizeof ta);
  expected_thread("remind|lead|b|2023", tl, sizeof tl);
  snprintf(keys, sizeof keys, "%s %s", ta, tl);
  assert_string_equal(x->c.references, keys);
  assert_null(x->c.in_reply_to);
  /* the Message-ID: the address, each item's stage and role */
  snprintf(keys, sizeof keys, "%s|before-7|a@" DOMAIN "\n%s|no_data-2023-11|"
           "a@" DOMAIN "|copy\n", ta, tl);
  compose_hash(keys, h);
  snprintf(mid, sizeof mid, "<dondoc-%s@" DOMAIN ">", h);
  assert_string_equal(x->c.message_id, mid);
  /* the same letter again: the same ids, the same words */
  assert_int_equal(email_to(x->j, "a@" DOMAIN, own, 1, copy, 1, DOMAIN, now,
                            &x->d), 0);
  assert_string_equal(x->c.message_id, x->d.message_id);
  assert_string_equal(x->c.text, x->d.text);
  composed_release(&x->d);
  /* the same item acted on, not copied: another message */
  const struct reminder *both[] = {own[0], copy[0]};
  assert_int_equal(email_to(x->j, "a@" DOMAIN, both, 2, NULL, 0, DOMAIN, now,
                            &x->d), 0);
  assert_string_not_equal(x->c.message_id, x->d.message_id);
  composed_release(&x->d);
  composed_release(&x->c);

  /* b: its report and the indicator it leads, a in copy of the latter */
  const struct reminder *b[] = {find(x, "annual", "b"), copy[0]};
  assert_int_equal(email_to(x->j, "b@" DOMAIN, b, 2, NULL, 0, DOMAIN, now,
                            &x->c), 0);
  assert_non_null(strstr(x->c.text, "Mục tiêu 60% năm 2025.\n   Đồng gửi: Sở "
                                    "A.\n"));
  assert_null(strstr(x->c.text, "Để biết"));
  composed_release(&x->c);

  /* copies only: a's copy of its own escalation, and of b's indicator */
  plan_at(x, "2024-12-19");
  const struct reminder *esc[] = {find(x, "annual", "a"),
                                  find(x, "lead", NULL)};
  assert_int_equal(email_to(x->j, "a@" DOMAIN, NULL, 0, esc, 2, DOMAIN,
                            day("2024-12-19"), &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Để biết: 1 báo cáo quá hạn, "
                      "1 chỉ tiêu cần quan tâm");
  t = x->c.text;
  assert_true(starts_with(t, "Kính gửi: Sở A\n"));
  assert_non_null(strstr(t, ":\n\nĐể biết — quý cơ quan nhận bản đồng gửi "
                            "các nội dung sau:\n1. Sở A chưa gửi Báo cáo năm"));
  assert_non_null(strstr(t, "\n   Gửi Lãnh đạo Sở A để chỉ đạo.\n2. "));
  assert_null(strstr(t, "Các báo cáo trên"));   /* not its head's letter */
  assert_null(strstr(x->c.html, "<ol>\n"));     /* no list to act on */
  assert_non_null(strstr(x->c.html, "<ol start=\"1\">"));
  /* its own report is still owed: the closing applies */
  assert_non_null(strstr(t, "\nNếu quý cơ quan đã gửi"));
  composed_release(&x->c);
  assert_int_equal(email_to(x->j, "a@" DOMAIN, NULL, 0, esc, 1, DOMAIN,
                            day("2024-12-19"), &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Để biết: Đề nghị chỉ đạo — "
                      "Quá hạn 14 ngày: Báo cáo năm kỳ 2024");
  assert_string_equal(x->c.in_reply_to, ta);
  composed_release(&x->c);

  /* nothing at all is not a letter */
  assert_int_equal(email_to(x->j, "a@" DOMAIN, NULL, 0, NULL, 0, DOMAIN,
                            day("2024-12-19"), &x->c), -1);
}

/* "Nếu quý cơ quan đã gửi…" is about a report; under indicators only —
 * which nobody sends — it does not apply. */
static void test_email_closing_only_for_reports(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-11-28");
  const struct reminder *ind[] = {find(x, "lead", NULL)};
  assert_int_equal(email_of(x->j, ind, 1, DOMAIN, day("2024-11-28"), &x->c),
                   0);
  assert_null(strstr(x->c.text, "đã gửi, xin bỏ qua"));
  assert_null(strstr(x->c.html, "đã gửi, xin bỏ qua"));
  assert_non_null(strstr(x->c.text, "\n-- \n"));          /* still signed */
  composed_release(&x->c);
  /* a's copy of the indicator: not a's report either */
  assert_int_equal(email_to(x->j, "a@" DOMAIN, NULL, 0, ind, 1, DOMAIN,
                            day("2024-11-28"), &x->c), 0);
  assert_null(strstr(x->c.text, "đã gửi, xin bỏ qua"));
  assert_non_null(strstr(x->c.text, "   Gửi Sở B để thực hiện.\n"));
  composed_release(&x->c);
  /* with a report beside it, the closing is back */
  const struct reminder *both[] = {find(x, "annual", "b"), ind[0]};
  assert_int_equal(email_of(x->j, both, 2, DOMAIN, day("2024-11-28"), &x->c),
                   0);
  assert_non_null(strstr(x->c.text, "\nNếu quý cơ quan đã gửi, xin bỏ qua thư "
                                    "này và báo lại để Thường trực cập nhật.\n"));
}

/* ---- compose_payload ------------------------------------------------------ */

static json_t *payload_of(struct fx *x, const struct jurisdiction *j,
                          const struct reminder *const *items, size_t n,
                          const char *id, const char *date, int minute)
{
  json_error_t e;
  free(x->json);
  json_decref(x->root);
  x->json = compose_payload(j, items, n, id, day(date), minute, 7 * 60);
  assert_non_null(x->json);
  x->root = json_loads(x->json, 0, &e);
  if (x->root == NULL)
    fail_msg("payload is not JSON: %s: %s", e.text, x->json);
  assert_true(json_is_object(x->root));
  return x->root;
}

static json_t *payload(struct fx *x, const struct reminder *const *items,
                       size_t n, const char *id, const char *date, int minute)
{
  return payload_of(x, x->j, items, n, id, date, minute);
}

static const char *str(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);
  if (!json_is_string(v))
    fail_msg("%s is not a string", key);
  return json_string_value(v);
}

static json_int_t num(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);
  if (!json_is_integer(v))
    fail_msg("%s is not an integer", key);
  return json_integer_value(v);
}

static void test_payload(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-11-28");
  const struct reminder *items[] = {find(x, "annual", "a"),
                                    find(x, "lead", NULL)};
  json_t *root = payload(x, items, 2, "msg_0123456789abcdef", "2024-11-28",
                         480);

  assert_string_equal(str(root, "type"), "dondoc.reminders");
  assert_int_equal(num(root, "version"), 1);
  assert_int_equal(COMPOSE_PAYLOAD_VERSION, 1);
  assert_string_equal(str(root, "id"), "msg_0123456789abcdef");
  assert_string_equal(str(root, "timestamp"), "2024-11-28T08:00:00+07:00");

  json_t *jur = json_object_get(root, "jurisdiction");
  assert_string_equal(str(jur, "id"), "remind");
  assert_string_equal(str(jur, "name"), "Tỉnh Nhắc");
  assert_true(json_is_null(json_object_get(jur, "plan")));

  json_t *sum = json_object_get(root, "summary");
  assert_int_equal(json_object_size(sum), 5);
  assert_int_equal(num(sum, "overdue"), 0);
  assert_int_equal(num(sum, "due_soon"), 1);
  assert_int_equal(num(sum, "off_track"), 0);
  assert_int_equal(num(sum, "at_risk"), 0);
  assert_int_equal(num(sum, "no_data"), 1);

  json_t *arr = json_object_get(root, "items");
  assert_true(json_is_array(arr));
  assert_int_equal(json_array_size(arr), 2);
  json_t *ob = json_array_get(arr, 0);
  assert_string_equal(str(ob, "kind"), "due_soon");
  assert_string_equal(str(ob, "stage"), "before-7");
  assert_true(json_is_false(json_object_get(ob, "escalation")));
  assert_string_equal(str(ob, "agency"), "a");
  assert_string_equal(str(ob, "agency_name"), "Sở A");
  assert_string_equal(str(ob, "obligation"), "annual");
  assert_null(json_object_get(ob, "indicator"));
  assert_string_equal(str(ob, "title"), "Báo cáo năm");
  assert_string_equal(str(ob, "period"), "2024");
  assert_string_equal(str(ob, "due"), "2024-12-05");
  assert_string_equal(str(ob, "due_vn"), "05/12/2024");
  assert_int_equal(num(ob, "days"), 7);
  assert_string_equal(str(ob, "message"), "Sở A cần gửi Báo cáo năm kỳ 2024; "
                      "hạn 05/12/2024, còn 7 ngày.");

  json_t *ind = json_array_get(arr, 1);
  assert_string_equal(str(ind, "kind"), "no_data");
  assert_string_equal(str(ind, "stage"), "no_data-2023-11");
  assert_string_equal(str(ind, "indicator"), "lead");
  assert_null(json_object_get(ind, "obligation"));
  assert_string_equal(str(ind, "agency"), "b");
  assert_string_equal(str(ind, "unit"), "%");
  assert_string_equal(str(ind, "period"), "2023");
  assert_string_equal(str(ind, "due"), "2023-12-25");
  assert_string_equal(str(ind, "due_vn"), "25/12/2023");
  assert_true(json_is_null(json_object_get(ind, "value")));
  assert_float_equal(json_number_value(json_object_get(ind, "target")), 60,
                     1e-9);
  assert_int_equal(num(ind, "target_year"), 2025);
  assert_float_equal(json_number_value(json_object_get(ind, "expected")), 52,
                     1e-9);

  /* other minutes of the day */
  root = payload(x, items, 1, "msg_x", "2024-11-28", 0);
  assert_string_equal(str(root, "timestamp"), "2024-11-28T00:00:00+07:00");
  assert_int_equal(num(json_object_get(root, "summary"), "no_data"), 0);
  root = payload(x, items, 1, "msg_x", "2024-11-28", 23 * 60 + 59);
  assert_string_equal(str(root, "timestamp"), "2024-11-28T23:59:00+07:00");

  /* no items: a valid, empty body */
  root = payload(x, items, 0, "msg_empty", "2024-11-28", 480);
  assert_int_equal(json_array_size(json_object_get(root, "items")), 0);
  assert_int_equal(num(json_object_get(root, "summary"), "due_soon"), 0);

  /* escalations and overdue counts */
  plan_at(x, "2024-12-19");
  const struct reminder *esc[] = {find(x, "annual", "a"),
                                  find(x, "annual", "c")};
  root = payload(x, esc, 2, "msg_esc", "2024-12-19", 480);
  assert_int_equal(num(json_object_get(root, "summary"), "overdue"), 2);
  json_t *e0 = json_array_get(json_object_get(root, "items"), 0);
  assert_string_equal(str(e0, "kind"), "overdue");
  assert_string_equal(str(e0, "stage"), "escalate-2");
  assert_true(json_is_true(json_object_get(e0, "escalation")));
  assert_int_equal(num(e0, "days"), 14);
  json_t *e1 = json_array_get(json_object_get(root, "items"), 1);
  assert_string_equal(str(e1, "agency"), "c");
  assert_string_equal(str(e1, "agency_name"), "Sở C");
}

/* ---- compose_digest ------------------------------------------------------ */

static bool utf8_valid(const char *s);

/* The HTML a mail client keeps: every style inline, nothing to run or to
 * fetch, every cell styled. */
static void assert_mail_safe(const char *html)
{
  static const char *const banned[] = {"<style", "<script", " class=", "src=",
                                       "href=", "url(", "<link", "@import",
                                       " on"};
  for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
    if (strstr(html, banned[i]))
      fail_msg("digest HTML contains \"%s\"", banned[i]);
  for (const char *p = html; (p = strstr(p, "<t")) != NULL; p++)
    if ((p[2] == 'd' || p[2] == 'h' || p[2] == 'a') &&
        (p[3] == ' ' || p[3] == '>') && strncmp(p + 3, " style=", 7) != 0 &&
        strncmp(p + 3, " scope=\"row\" style=", 19) != 0)
      fail_msg("an unstyled cell: %.60s", p);
  assert_true(utf8_valid(html));
}

/* The <tr>…</tr> of the row whose heading is `name`, copied into buf. */
static const char *row_of(const char *html, const char *name, char *buf,
                          size_t len)
{
  char key[256];
  snprintf(key, sizeof key, "\">%s</th>", name);
  const char *at = strstr(html, key);
  if (at == NULL)
    fail_msg("no row for %s", name);
  const char *from = at;
  while (from > html && strncmp(from, "<tr>", 4) != 0)
    from--;
  const char *to = strstr(at, "</tr>");
  assert_non_null(to);
  snprintf(buf, len, "%.*s", (int)(to - from), from);
  return at;
}

static void put_grant(struct fx *x, const char *agency, const char *until,
                      const char *on, bool exemption)
{
  struct store_grant g = {.exemption = exemption, .granted_on = day(on),
                          .letter = "125/SNV-BĐG", .reason = ""};
  if (until)
    g.new_due = day(until);
  assert_int_equal(store_grant_put(x->s, "remind", agency, "annual", "2024",
                                   &g), 0);
}

/* A copy of x's findings with one more: agency's 2024 overdue report made
 * into the 2023 one, 367 days late (monitoring began after it was due). */
static void with_old_report(const struct fx *x, const char *agency,
                            struct findings *more)
{
  memset(more, 0, sizeof *more);
  more->n = more->cap = x->f.n + 1;
  more->v = malloc(more->n * sizeof *more->v);
  assert_non_null(more->v);
  size_t k = x->f.n;
  for (size_t i = 0; i < x->f.n; i++) {
    more->v[i] = x->f.v[i];
    if (x->f.v[i].obligation && strcmp(x->f.v[i].agency->id, agency) == 0)
      k = i;
  }
  assert_true(k < x->f.n);
  struct finding *older = &more->v[x->f.n];
  *older = x->f.v[k];
  snprintf(older->period.id, sizeof older->period.id, "2023");
  older->kind = FIND_OVERDUE;
  older->extended = false;
  older->due = older->nominal_due = day("2023-12-05");
  older->days = 367;
}

/* The text part: the notes, the reports numbered once, each agency that
 * owes one with what it owes, most first. */
static void test_digest_text(void **state)
{
  struct fx *x = *state;
  char h[17], mid[128];
  const char *no_address[] = {"Sở C: Báo cáo năm kỳ 2024"};
  const char *failures[] = {"x@" DOMAIN ": 550 <no such user> & gone"};
  const char *waiting[] = {"#7 email a@" DOMAIN ": AUTH: 535 bad password"};
  const char *rules[] = {"rules/remind/jurisdiction.lua:3: error: x"};
  struct digest_notes notes = {
    .no_address = no_address, .n_no_address = 1,
    .failures = failures, .n_failures = 1,
    .waiting = waiting, .n_waiting = 1, .rules = rules, .n_rules = 1,
  };
  plan_at(x, "2024-12-06");

  assert_int_equal(compose_digest(x->j, &x->f, &notes, DOMAIN,
                                  day("2024-12-06"), &x->c), 0);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Tổng hợp ngày 06/12/2024: "
                      "3 báo cáo quá hạn, 1 chỉ tiêu cần quan tâm");
  const char *t = x->c.text;
  assert_true(starts_with(t, "Tình hình theo dõi, đôn đốc ngày 06/12/2024 — "
                             "Tỉnh Nhắc\n"));
  /* every agency owes one report one day late: by name */
  assert_non_null(strstr(t, "I. Báo cáo quá hạn: 3, ở 3 cơ quan\n"
                            "  Báo cáo (số trong ngoặc dùng ở dưới):\n"
                            "    (1) Báo cáo năm kỳ 2024, hạn 05/12/2024 — "
                            "quá hạn 3, đã nhận 0/3\n"
                            "  Cơ quan còn nợ báo cáo, nhiều nhất trước:\n"
                            "    Sở A — (1) quá 1 ngày\n"
                            "    Sở B — (1) quá 1 ngày\n"
                            "    Sở C — (1) quá 1 ngày\n"));
  /* indicators by status, the status in words, no raw code; the values
   * known (here the baseline) as text */
  assert_non_null(strstr(t, "II. Chỉ tiêu chậm tiến độ, có nguy cơ hoặc chưa "
                            "có số liệu: 1\n  Chưa có số liệu: 1\n    - Chỉ "
                            "tiêu \"Nữ lãnh đạo chủ chốt\": chưa có số liệu "
                            "kỳ 2023"));
  assert_non_null(strstr(t, "\n      Số liệu: gốc 2020: 40\n"));
  assert_null(strstr(t, "no_data"));
  assert_null(strstr(x->c.html, "no_data"));
  assert_non_null(strstr(t, "III. Chưa gửi được nhắc nhở vì cơ quan chưa có "
                            "địa chỉ thư hợp lệ: 1\n  - Sở C: Báo cáo năm kỳ "
                            "2024\n"));
  assert_non_null(strstr(t, "IV. Thư, webhook gửi không thành công (đã dừng "
                            "gửi lại): 1\n  - x@" DOMAIN ": 550 <no such "
                            "user> & gone\n"));
  assert_non_null(strstr(t, "V. Thư, webhook đang chờ gửi lại (lần gửi trước "
                            "chưa được): 1\n  - #7 email a@" DOMAIN ": AUTH: "
                            "535 bad password\n"));
  assert_non_null(strstr(t, "VI. Lỗi trong quy tắc cần sửa (phần còn lại vẫn "
                            "được theo dõi): 1\n  - rules/remind/"
                            "jurisdiction.lua:3: error: x\n"));
  /* the notes stay below the tables, and the HTML escapes their text */
  assert_true(strstr(x->c.html, "</table>") < strstr(x->c.html, "III. "));
  assert_non_null(strstr(x->c.html, "<li>x@" DOMAIN ": 550 &lt;no such "
                                    "user&gt; &amp; gone</li>"));
  assert_null(strstr(x->c.html, "<no such user>"));
  assert_mail_safe(x->c.html);
  /* one digest per jurisdiction and day */
  compose_hash("digest|remind|2024-12-06", h);
  snprintf(mid, sizeof mid, "<dondoc-digest-%s@" DOMAIN ">", h);
  assert_string_equal(x->c.message_id, mid);
  assert_null(x->c.in_reply_to);
  assert_null(x->c.references);

  /* nothing to list: sections III and IV are left out */
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-06"), &x->d), 0);
  assert_null(strstr(x->d.text, "III."));
  assert_null(strstr(x->d.text, "IV."));
  assert_string_equal(x->d.message_id, x->c.message_id);
  composed_release(&x->d);

  /* a report received leaves the agency's list; the next day's digest is
   * another message */
  assert_int_equal(store_submission_put(x->s, "remind", "b", "annual", "2024",
                                        day("2024-12-06"), NULL), 0);
  plan_at(x, "2024-12-07");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-07"), &x->d), 0);
  assert_non_null(strstr(x->d.text, "I. Báo cáo quá hạn: 2, ở 2 cơ quan\n"));
  assert_non_null(strstr(x->d.text, "quá hạn 2, đã nhận 1/3\n"));
  assert_null(strstr(x->d.text, "    Sở B — "));
  assert_non_null(strstr(x->d.text, "    Sở A — (1) quá 2 ngày\n"));
  assert_string_not_equal(x->d.message_id, x->c.message_id);
}

/* The table of reports: a column per report and period, a row per agency,
 * the agencies that owe most first, a cell per status in its colour, the
 * totals. */
static void test_digest_table(void **state)
{
  struct fx *x = *state;
  char row[4096];
  struct findings more;
  /* b sent it on time; c has an extension to 20/12; a owes it; and c
   * still owes last year's, 367 days late */
  assert_int_equal(store_submission_put(x->s, "remind", "b", "annual", "2024",
                                        day("2024-12-03"), NULL), 0);
  put_grant(x, "c", "2024-12-20", "2024-12-02", false);
  plan_at(x, "2024-12-06");
  with_old_report(x, "c", &more);
  assert_int_equal(compose_digest(x->j, &more, NULL, DOMAIN,
                                  day("2024-12-06"), &x->c), 0);
  findings_release(&more);
  const char *h = x->c.html;
  assert_mail_safe(h);
  assert_string_equal(x->c.subject, "[Tỉnh Nhắc] Tổng hợp ngày 06/12/2024: "
                      "2 báo cáo quá hạn, 1 chỉ tiêu cần quan tâm");
  /* the columns, oldest deadline first, named once above the table */
  assert_non_null(strstr(h, "<li>Báo cáo năm — kỳ 2023, hạn 05/12/2023</li>\n"
                            "<li>Báo cáo năm — kỳ 2024, hạn 05/12/2024</li>"));
  const char *head1 = strstr(h, ">(1)<br>");
  const char *head2 = strstr(h, ">(2)<br>");
  assert_non_null(head1);
  assert_non_null(head2);
  assert_true(head1 < head2);
  assert_non_null(strstr(head1, "kỳ 2023, hạn 05/12</span>"));
  /* rows: c (one report, 367 days), a (one, 1 day), b (none) */
  const char *rc = row_of(h, "Sở C", row, sizeof row);
  assert_non_null(strstr(row, "font-weight:bold;background:#fde0dc;color:"
                              "#7a1a0f\">1</td>"));
  assert_non_null(strstr(row, "background:#9e1b12;color:#ffffff\">"
                              "quá 367 ngày</td>"));
  assert_non_null(strstr(row, "background:#d9e6fb;color:#163f7a\" title=\""
                              "gia hạn theo văn bản 125/SNV-BĐG\">gia hạn "
                              "đến 20/12</td>"));
  const char *ra = row_of(h, "Sở A", row, sizeof row);
  assert_non_null(strstr(row, "color:#bbbbbb\">—</td>"));      /* not owed */
  assert_non_null(strstr(row, "background:#fde0dc;color:#7a1a0f\">quá 1 "
                              "ngày</td>"));
  const char *rb = row_of(h, "Sở B", row, sizeof row);
  assert_non_null(strstr(row, "font-weight:bold;color:#8a8a8a\">0</td>"));
  assert_non_null(strstr(row, "background:#d6efd8;color:#1d5e24\" title=\""
                              "đã gửi đúng hạn\">✓ 03/12</td>"));
  assert_true(rc < ra && ra < rb);
  /* totals per column: overdue, then received of owed */
  assert_non_null(strstr(h, ">Quá hạn</th><td style=\"padding:4px 6px;"
                            "border:1px solid #c8c8c8;background:#eeeeee;"
                            "text-align:center;vertical-align:bottom;"
                            "font-weight:bold\">2</td>"));
  const char *foot = strstr(h, "<tfoot>");
  assert_non_null(foot);
  const char *totals[] = {">2</td>", ">1</td>", ">1</td>", ">1/4</td>",
                          ">0/1</td>", ">1/3</td>"};
  for (size_t i = 0; i < 6; i++) {
    foot = strstr(foot, totals[i]);
    if (foot == NULL)
      fail_msg("footer total %zu (%s) missing or out of order", i, totals[i]);
  }
  /* the text part says it too, in the same order */
  assert_non_null(strstr(x->c.text, "    (1) Báo cáo năm kỳ 2023, hạn "
                                    "05/12/2023 — quá hạn 1, đã nhận 0/1\n"
                                    "    (2) Báo cáo năm kỳ 2024, hạn "
                                    "05/12/2024 — quá hạn 1, đã nhận 1/3\n"));
  assert_non_null(strstr(x->c.text, "    Sở C — (1) quá 367 ngày; (2) gia hạn "
                                    "đến 20/12\n    Sở A — (2) quá 1 ngày\n"
                                    "\nII."));
  composed_release(&x->c);

  /* an extension that has run out: overdue from the new date, which the
   * cell still names; a week later, a darker red */
  put_grant(x, "c", "2024-12-04", "2024-12-03", false);
  plan_at(x, "2024-12-06");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-06"), &x->c), 0);
  row_of(x->c.html, "Sở C", row, sizeof row);
  assert_non_null(strstr(row, "background:#fde0dc;color:#7a1a0f\" title=\""
                              "gia hạn theo văn bản 125/SNV-BĐG\">quá 2 ngày"
                              "<br><span style=\"font-size:11px\">gia hạn đến "
                              "04/12</span></td>"));
  composed_release(&x->c);
  plan_at(x, "2024-12-13");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-13"), &x->c), 0);
  row_of(x->c.html, "Sở A", row, sizeof row);
  assert_non_null(strstr(row, "background:#f6a89e;color:#5c1008\">quá 8 "
                              "ngày</td>"));
}

/* Before the deadline: due soon in yellow, an exemption in grey (not
 * owed); a month after, a report everyone sent has left the table. */
static void test_digest_table_window(void **state)
{
  struct fx *x = *state;
  char row[4096];
  put_grant(x, "a", NULL, "2024-11-20", true);
  plan_at(x, "2024-11-28");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-11-28"), &x->c), 0);
  assert_non_null(strstr(x->c.text, "I. Báo cáo quá hạn: 0, ở 0 cơ quan\n"));
  assert_non_null(strstr(x->c.text, "(1) Báo cáo năm kỳ 2024, hạn 05/12/2024 "
                                    "— quá hạn 0, đã nhận 0/2\n"));
  assert_non_null(strstr(x->c.text, "    Sở B — (1) còn 7 ngày\n"));
  row_of(x->c.html, "Sở B", row, sizeof row);
  assert_non_null(strstr(row, "background:#fff1b8;color:#5c4600\">còn 7 ngày"
                              "</td>"));
  row_of(x->c.html, "Sở A", row, sizeof row);
  assert_non_null(strstr(row, "background:#efefef;color:#555555\">miễn</td>"));
  assert_non_null(strstr(x->c.html, ">0/2</td></tr></tfoot>"));
  composed_release(&x->c);

  /* everyone sent it: in the table while the deadline is recent … */
  assert_int_equal(store_submission_put(x->s, "remind", "b", "annual", "2024",
                                        day("2024-12-02"), NULL), 0);
  assert_int_equal(store_submission_put(x->s, "remind", "c", "annual", "2024",
                                        day("2024-12-03"), NULL), 0);
  plan_at(x, "2025-01-05");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2025-01-05"), &x->c), 0);
  assert_non_null(strstr(x->c.html, "\">✓ 03/12</td>"));
  assert_null(strstr(x->c.text, "Cơ quan còn nợ"));
  composed_release(&x->c);
  /* … and gone a month after it */
  plan_at(x, "2025-01-06");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2025-01-06"), &x->c), 0);
  assert_null(strstr(x->c.html, ">Cơ quan</th>"));
  assert_non_null(strstr(x->c.html, "<p>Không có báo cáo nào quá hạn, sắp đến "
                                    "hạn hay mới nhận.</p>"));
  assert_null(strstr(x->c.text, "(1)"));
  assert_mail_safe(x->c.html);
}

/* The indicators' table: status in colour, value, path, target and the
 * values over time as a sparkline (and as text). */
static void test_digest_indicators(void **state)
{
  struct fx *x = *state;
  char row[8192], err[256];
  plan_at(x, "2024-12-06");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-06"), &x->c), 0);
  assert_non_null(strstr(x->c.html, "II. Chỉ tiêu cần quan tâm: 1 (trong 1 "
                                    "chỉ tiêu)</h3>"));
  row_of(x->c.html, "Nữ lãnh đạo chủ chốt<br><span style=\"font-size:11px;"
         "color:#555555\">Chủ trì: Sở B</span>", row, sizeof row);
  assert_non_null(strstr(row, "background:#e2e2e2;color:#333333;font-weight:"
                              "bold\">Chưa có số liệu</td>"));
  assert_non_null(strstr(row, "chưa có<br><span style=\"font-size:11px;"
                              "color:#555555\">kỳ 2023, hạn 25/12/2023"));
  assert_non_null(strstr(row, ">60%<br><span style=\"font-size:11px;color:"
                              "#555555\">năm 2025"));
  /* only the baseline is known: a dot, no line, under the target's line */
  assert_non_null(strstr(row, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                              "width=\"100\" height=\"28\""));
  assert_non_null(strstr(row, "<line x1=\"3\" x2=\"97\" y1=\"3.0\" y2=\"3.0\""));
  assert_null(strstr(row, "<polyline"));
  assert_non_null(strstr(row, "<circle cx=\"97.0\" cy=\"25.0\" r=\"2.5\" "
                              "fill=\"#777777\"/>"));
  assert_non_null(strstr(row, ">gốc&nbsp;2020:&nbsp;40</div>"));
  composed_release(&x->c);

  /* three values, below the path to 60%: off track; the series from the
   * store draws the line through baseline and values */
  assert_int_equal(store_observation_put(x->s, "remind", "lead", "remind",
                                         "2021", 41, "test"), 0);
  assert_int_equal(store_observation_put(x->s, "remind", "lead", "remind",
                                         "2022", 42, "test"), 0);
  assert_int_equal(store_observation_put(x->s, "remind", "lead", "remind",
                                         "2023", 40, "test"), 0);
  plan_at(x, "2024-12-06");
  struct digest_series *series;
  size_t n_series;
  assert_int_equal(digest_series_load(x->j, x->s, &series, &n_series, err,
                                      sizeof err), 0);
  assert_int_equal(n_series, 1);
  assert_int_equal(series[0].n, 3);
  assert_string_equal(series[0].periods[2].id, "2023");
  struct digest_notes notes = {.series = series, .n_series = n_series};
  assert_int_equal(compose_digest(x->j, &x->f, &notes, DOMAIN,
                                  day("2024-12-06"), &x->c), 0);
  digest_series_free(series, n_series);
  row_of(x->c.html, "Nữ lãnh đạo chủ chốt<br><span style=\"font-size:11px;"
         "color:#555555\">Chủ trì: Sở B</span>", row, sizeof row);
  assert_non_null(strstr(row, "background:#f6a89e;color:#5c1008;font-weight:"
                              "bold\">Chậm tiến độ</td>"));
  assert_non_null(strstr(row, ">40%<br><span style=\"font-size:11px;color:"
                              "#555555\">kỳ 2023<br>lộ trình: 52%"));
  assert_non_null(strstr(row, "<polyline fill=\"none\" stroke=\"#555555\" "
                              "stroke-width=\"1.5\" points=\"3.0,25.0 "
                              "34.3,23.9 65.7,22.8 97.0,25.0\"/>"));
  assert_non_null(strstr(row, "fill=\"#c0392b\"/>"));
  assert_non_null(strstr(row, "aria-label=\"gốc 2020: 40; 2021: 41; 2022: 42;"
                              " 2023: 40\""));
  assert_non_null(strstr(row, ">gốc&nbsp;2020:&nbsp;40 · 2021:&nbsp;41 · "
                              "2022:&nbsp;42 · 2023:&nbsp;40</div>"));
  assert_non_null(strstr(x->c.text, "\n  Chậm tiến độ: 1\n    - Chỉ tiêu "
                                    "\"Nữ lãnh đạo chủ chốt\" chậm so với lộ "
                                    "trình: kỳ 2023 đạt 40%"));
  assert_non_null(strstr(x->c.text, "\n      Số liệu: gốc 2020: 40; 2021: 41; "
                                    "2022: 42; 2023: 40\n"));
  assert_null(strstr(x->c.text, "Chưa có số liệu:"));
  assert_null(strstr(x->c.html, "off_track"));
  composed_release(&x->c);

  /* without the series, the finding's own value: baseline and 2023 */
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-06"), &x->c), 0);
  assert_non_null(strstr(x->c.html, "points=\"3.0,25.0 97.0,25.0\"/>"));
  assert_non_null(strstr(x->c.html, ">gốc&nbsp;2020:&nbsp;40 · "
                                    "2023:&nbsp;40</div>"));
}

/* Several indicators: the most worrying first; a ratio's series is the
 * share of its two counts (tests/fixtures/rules/good). */
static void test_digest_indicator_order(void **state)
{
  struct fx *x = *state;
  struct ruleset rs = {0};
  struct findings f = {0};
  struct digest_series *series;
  size_t n_series;
  char err[256];
  const char *ids[] = {"good"};
  assert_int_equal(fixture_rules(&rs, ids, 1), 0);
  const struct jurisdiction *j = rules_find(&rs, "good");
  assert_non_null(j);
  static const struct { const char *ind, *period; double v; } obs[] = {
    {"vio.detected", "2022", 40}, {"vio.supported", "2022", 24},
    {"vio.detected", "2023", 50}, {"vio.supported", "2023", 36},
    {"agri", "2023", 19.5}, {"lead", "2023", 41},
  };
  for (size_t i = 0; i < sizeof obs / sizeof *obs; i++)
    assert_int_equal(store_observation_put(x->s, "good", obs[i].ind, "good",
                                           obs[i].period, obs[i].v, "t"), 0);
  struct eval_options eo = {.now = day("2024-12-06"), .all = true};
  assert_int_equal(evaluate_jurisdiction(j, x->s, &eo, &f, err, sizeof err),
                   0);
  assert_int_equal(digest_series_load(j, x->s, &series, &n_series, err,
                                      sizeof err), 0);
  const struct digest_series *vio = NULL;
  for (size_t i = 0; i < n_series; i++) {
    assert_true(series[i].indicator->n_targets > 0);   /* no raw counts */
    if (strcmp(series[i].indicator->id, "vio") == 0)
      vio = &series[i];
  }
  assert_non_null(vio);
  assert_int_equal(vio->n, 2);
  assert_true(fabs(vio->values[0] - 60.0) < 1e-9);
  assert_true(fabs(vio->values[1] - 72.0) < 1e-9);
  struct digest_notes notes = {.series = series, .n_series = n_series};
  assert_int_equal(compose_digest(j, &f, &notes, DOMAIN, eo.now, &x->c), 0);
  assert_mail_safe(x->c.html);
  /* every indicator has its row and its sparkline, worst status first */
  static const char *const order[] = {
    "Chậm tiến độ", "Có nguy cơ không đạt", "Chưa có số liệu", "Đúng lộ trình",
    "Đã đạt mục tiêu",
  };
  const char *table = strstr(x->c.html, "II. Chỉ tiêu");
  assert_non_null(table);
  size_t rows = 0, svgs = 0, last = 0;
  for (const char *p = table; (p = strstr(p, "font-weight:bold\">")) != NULL;
       p++) {
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
      if (strncmp(p + 18, order[k], strlen(order[k])) == 0 &&
          p[18 + strlen(order[k])] == '<') {
        if (k < last)
          fail_msg("\"%s\" after a better status", order[k]);
        last = k;
        rows++;
      }
  }
  for (const char *p = table; (p = strstr(p, "<svg ")) != NULL; p++)
    svgs++;
  size_t n_ind = 0;
  for (size_t i = 0; i < f.n; i++)
    n_ind += f.v[i].indicator != NULL;
  assert_true(n_ind >= 3);
  assert_int_equal(rows, n_ind);
  assert_int_equal(svgs, n_ind);
  assert_true(last == 4);                        /* agri reached its target */
  assert_non_null(strstr(x->c.html, ">2022:&nbsp;60 · 2023:&nbsp;72</div>"));
  digest_series_free(series, n_series);
  findings_release(&f);
  rules_release(&rs);
}

/* The status words (messages.c) used by the digest. */
static void test_status_words(void **state)
{
  char buf[64];
  (void)state;
  assert_string_equal(message_status(FIND_OFF_TRACK), "chậm tiến độ");
  assert_string_equal(message_status(FIND_AT_RISK), "có nguy cơ không đạt");
  assert_string_equal(message_status(FIND_NO_DATA), "chưa có số liệu");
  assert_string_equal(message_status(FIND_OVERDUE), "quá hạn");
  assert_string_equal(message_status(FIND_CAMPAIGN_ACTIVE), "đang diễn ra");
  for (int k = 0; k < FIND_N_KINDS; k++)
    assert_true(message_status((enum finding_kind)k)[0] != '\0');
  assert_string_equal(message_status((enum finding_kind)FIND_N_KINDS), "");
  message_capitalized(message_status(FIND_ON_TRACK), buf, sizeof buf);
  assert_string_equal(buf, "Đúng lộ trình");
  message_capitalized(message_status(FIND_OFF_TRACK), buf, sizeof buf);
  assert_string_equal(buf, "Chậm tiến độ");
  message_day_month(day("2024-12-05"), buf);
  assert_string_equal(buf, "05/12");
}

/* ---- a province's own words (tests/fixtures/rules/ut-compose) ------------ */

static void test_own_texts_escaped(void **state)
{
  struct fx *x = *state;
  struct ruleset rs = {0};
  struct rules_options o;
  struct findings f = {0};
  struct reminders r = {0};
  char err[256];
  const char *ids[] = {"ut-compose"};
  rules_options_default(&o, "../fixtures/rules");
  assert_int_equal(rules_load(&o, ids, 1, &rs), 0);
  const struct jurisdiction *j = rules_find(&rs, "ut-compose");
  assert_non_null(j);
  struct eval_options eo = {.now = day("2024-11-28"), .all = true};
  assert_int_equal(evaluate_jurisdiction(j, x->s, &eo, &f, err, sizeof err),
                   0);
  assert_int_equal(remind_plan(j, &f, eo.now, &r), 0);
  assert_int_equal(r.n, 1);
  const struct reminder *items[] = {&r.v[0]};

  assert_int_equal(email_of(j, items, 1, DOMAIN, eo.now, &x->c), 0);
  assert_string_equal(x->c.subject,
                      "[Ban <Thử>] Còn 7 ngày: Báo cáo <b>& năm kỳ 2024");
  const char *t = x->c.text;
  assert_true(starts_with(t, "Kính gửi Sở <A> & các đơn vị\n\n"
                             "Ngày 28/11/2024, tỉnh <Thử> & Nghiệm nhắc:\n"));
  assert_non_null(strstr(t, "1. Sở <A> cần gửi Báo cáo <b>& năm kỳ 2024; hạn "
                            "05/12/2024, còn 7 ngày.\n   Căn cứ: Điều 3 & 4 "
                            "<i>\n"));
  assert_non_null(strstr(t, "Xin cảm ơn <quý cơ quan>."));
  assert_non_null(strstr(t, "Căn cứ kế hoạch: QĐ 1/QĐ-UBND \"<b>\"\n"));
  assert_non_null(strstr(t, "\n-- \nVăn phòng tỉnh <Thử> & Nghiệm\n"));

  const char *h = x->c.html;
  assert_non_null(strstr(h, "<p>Kính gửi Sở &lt;A&gt; &amp; các đơn vị</p>"));
  assert_non_null(strstr(h, "<p>Ngày 28/11/2024, tỉnh &lt;Thử&gt; &amp; "
                            "Nghiệm nhắc:</p>"));
  assert_non_null(strstr(h, "<li>Sở &lt;A&gt; cần gửi Báo cáo &lt;b&gt;&amp; "
                            "năm kỳ 2024; hạn 05/12/2024, còn 7 ngày.<br>"
                            "<small>Căn cứ: Điều 3 &amp; 4 &lt;i&gt;</small>"
                            "</li>"));
  assert_non_null(strstr(h, "<p>Xin cảm ơn &lt;quý cơ quan&gt;.</p>"));
  assert_non_null(strstr(h, "Căn cứ kế hoạch: QĐ 1/QĐ-UBND &quot;&lt;b&gt;"
                            "&quot;"));
  assert_non_null(strstr(h, "<p><small>Văn phòng tỉnh &lt;Thử&gt; &amp; "
                            "Nghiệm</small></p>"));
  static const char *const raw[] = {"<b>", "<i>", "<A>", "<Thử>", "<quý",
                                    "& các", "& Nghiệm", "& 4"};
  for (size_t i = 0; i < sizeof raw / sizeof *raw; i++)
    if (strstr(h, raw[i]))
      fail_msg("HTML part contains unescaped \"%s\"", raw[i]);

  /* the payload keeps the text as it is (JSON escapes what it must) */
  json_t *root = payload_of(x, j, items, 1, "msg_ut", "2024-11-28", 480);
  json_t *jur = json_object_get(root, "jurisdiction");
  assert_string_equal(str(jur, "name"), "Tỉnh <Thử> & Nghiệm");
  assert_string_equal(str(jur, "plan"), "QĐ 1/QĐ-UBND \"<b>\"");
  assert_string_equal(str(json_array_get(json_object_get(root, "items"), 0),
                          "title"), "Báo cáo <b>& năm");

  /* the digest, a week later */
  findings_release(&f);
  eo.now = day("2024-12-06");
  assert_int_equal(evaluate_jurisdiction(j, x->s, &eo, &f, err, sizeof err),
                   0);
  assert_int_equal(compose_digest(j, &f, NULL, DOMAIN, eo.now,
                                  &x->d), 0);
  assert_string_equal(x->d.subject, "[Ban <Thử>] Tổng hợp ngày 06/12/2024: "
                      "1 báo cáo quá hạn, 0 chỉ tiêu cần quan tâm");
  assert_non_null(strstr(x->d.text, "\n    (1) Báo cáo <b>& năm kỳ 2024, hạn "
                                    "05/12/2024 — quá hạn 1, đã nhận 0/1\n"));
  assert_non_null(strstr(x->d.text, "\n    Sở <A> — (1) quá 1 ngày\n"));
  h = x->d.html;
  assert_non_null(strstr(h, "margin:0 0 6px\">Tình hình ngày 06/12/2024 — "
                            "Tỉnh &lt;Thử&gt; &amp; Nghiệm</h2>"));
  assert_non_null(strstr(h, "<li>Báo cáo &lt;b&gt;&amp; năm — kỳ 2024, hạn "
                            "05/12/2024</li>"));
  assert_non_null(strstr(h, "min-width:9em\">Sở &lt;A&gt;</th>"));
  assert_non_null(strstr(h, "<small>Văn phòng tỉnh &lt;Thử&gt; &amp; "
                            "Nghiệm</small>"));
  assert_mail_safe(h);
  for (size_t i = 0; i < sizeof raw / sizeof *raw; i++)
    if (strstr(h, raw[i]))
      fail_msg("digest HTML contains unescaped \"%s\"", raw[i]);

  reminders_release(&r);
  findings_release(&f);
  rules_release(&rs);
}

/* ---- long text ------------------------------------------------------------ */

/* Well-formed UTF-8 (no overlongs, surrogates or truncated sequences). */
static bool utf8_valid(const char *s)
{
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    int n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1
          : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : -1;
    if (n < 0 || (n == 1 && *p < 0xc2))
      return false;
    unsigned long cp = n == 0 ? *p : *p & (0x3f >> n);
    for (int i = 1; i <= n; i++) {
      if ((p[i] & 0xc0) != 0x80)
        return false;
      cp = cp << 6 | (p[i] & 0x3f);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return false;
    p += n + 1;
  }
  return true;
}

/* A valid UTF-8 title long enough that the item's sentence passes the
 * 2048-byte message buffer: whatever the title, the payload must still be
 * produced (NULL is documented for out of memory only) and the email must
 * stay UTF-8. The 0–2 ASCII letters in front move the cut across every
 * byte of a three-byte character. */
static void test_long_title_stays_utf8(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-11-28");
  for (int pad = 0; pad < 3; pad++) {
    struct obligation ob = *find(x, "annual", "a")->f->obligation;
    struct finding f = *find(x, "annual", "a")->f;
    struct reminder r = *find(x, "annual", "a");
    char title[8 + 700 * 3];
    size_t len = 0;
    for (int i = 0; i < pad; i++)
      title[len++] = 'x';
    for (int i = 0; i < 700; i++) {
      memcpy(title + len, "ệ", 3);
      len += 3;
    }
    title[len] = '\0';
    assert_true(utf8_valid(title));
    ob.title = title;
    f.obligation = &ob;
    r.f = &f;
    const struct reminder *items[] = {&r};

    char *json = compose_payload(x->j, items, 1, "msg_long",
                                 day("2024-11-28"), 480, 7 * 60);
    if (json == NULL)
      fail_msg("compose_payload returned NULL for a valid %zu-byte title "
               "(pad %d)", len, pad);
    free(json);
    assert_int_equal(email_of(x->j, items, 1, DOMAIN, day("2024-11-28"),
                                   &x->c), 0);
    assert_true(utf8_valid(x->c.subject));
    if (!utf8_valid(x->c.text) || !utf8_valid(x->c.html))
      fail_msg("email text/html is not valid UTF-8 (pad %d)", pad);
    composed_release(&x->c);
  }
}

/* ---- compose_hash -------------------------------------------------------- */

static void test_hash(void **state)
{
  char a[17], b[17], c[17];
  (void)state;
  /* the first 8 bytes of SHA-256, in lowercase hex */
  compose_hash("abc", a);
  assert_string_equal(a, "ba7816bf8f01cfea");
  compose_hash("", a);
  assert_string_equal(a, "e3b0c44298fc1c14");
  compose_hash("remind|annual|a|2024", a);
  compose_hash("remind|annual|a|2024", b);
  compose_hash("remind|annual|b|2024", c);
  assert_int_equal(strlen(a), 16);
  assert_true(is_hex16(a, 16));
  assert_string_equal(a, b);
  assert_string_not_equal(a, c);
  compose_hash("Tỉnh Nhắc", b);
  assert_true(is_hex16(b, 16));
  assert_string_not_equal(a, b);
}


/* ---- campaigns (tests/fixtures/rules/campaigns) ------------------------ */

static int setup_campaigns(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  const char *ids[] = {"campaigns"};
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_rules(&x->rs, ids, 1) != 0 ||
      fixture_db_open(&x->fdb, "compose-camp") != 0)
    return -1;
  x->j = rules_find(&x->rs, "campaigns");
  x->s = x->fdb.s;
  return x->j ? 0 : -1;
}

/* The reminder about campaign `id` to agency `to`. */
static const struct reminder *campaign_reminder(const struct fx *x,
                                                const char *id,
                                                const char *to)
{
  for (size_t i = 0; i < x->r.n; i++) {
    const struct reminder *r = &x->r.v[i];
    if (r->f->campaign && strcmp(r->f->campaign->id, id) == 0 &&
        strcmp(r->to->id, to) == 0)
      return r;
  }
  fail_msg("no reminder for campaign %s to %s", id, to);
  return NULL;
}

static void test_campaign_email(void **state)
{
  struct fx *x = *state;
  char thread[128], thread_before[128];

  plan_at(x, "2024-11-08");
  const struct reminder *r = campaign_reminder(x, "am", "a");
  struct letter l = {.address = "a@camp.example", .act = &r, .n_act = 1};
  assert_int_equal(compose_email(x->j, &l, DOMAIN, day("2024-11-08"), &x->c),
                   0);
  assert_string_equal(x->c.subject, "[Tỉnh Chiến dịch] Sắp bắt đầu "
                      "(15/11/2024): Tháng hành động vì bình đẳng giới năm "
                      "2024");
  assert_non_null(strstr(x->c.text, "1. Tháng hành động vì bình đẳng giới "
                         "năm 2024 bắt đầu ngày 15/11/2024 (còn 7 ngày) và "
                         "kéo dài đến hết ngày 15/12/2024.\n"
                         "   Căn cứ: NQ 28/NQ-CP\n"));
  snprintf(thread_before, sizeof thread_before, "%s", x->c.in_reply_to);
  composed_release(&x->c);

  plan_at(x, "2024-11-15");
  r = campaign_reminder(x, "am", "a");
  l.act = &r;
  assert_int_equal(compose_email(x->j, &l, DOMAIN, day("2024-11-15"), &x->c),
                   0);
  assert_string_equal(x->c.subject, "[Tỉnh Chiến dịch] Bắt đầu từ "
                      "15/11/2024: Tháng hành động vì bình đẳng giới năm "
                      "2024");
  const char *t = x->c.text;
  assert_true(starts_with(t, "Kính gửi: Sở A\n"));
  assert_non_null(strstr(t, "1. Tháng hành động vì bình đẳng giới năm 2024 "
                         "đang diễn ra: ngày 1/31 (từ 15/11/2024 đến hết "
                         "15/12/2024).\n"));
  assert_non_null(strstr(x->c.html, "<li>Tháng hành động vì bình đẳng giới "
                         "năm 2024 đang diễn ra: ngày 1/31"));
  /* a campaign is run, not sent: no "if you have sent it already" */
  assert_null(strstr(t, "Nếu quý cơ quan đã gửi"));
  /* one thread per campaign, member and year, whatever the stage */
  expected_thread("campaigns|am|a|2024", thread, sizeof thread);
  assert_string_equal(x->c.in_reply_to, thread);
  assert_string_equal(thread_before, thread);
  composed_release(&x->c);

  /* several campaign items are counted as such */
  const struct reminder *two[] = {campaign_reminder(x, "am", "a"),
                                  campaign_reminder(x, "am", "b")};
  l.act = two;
  l.n_act = 2;
  assert_int_equal(compose_email(x->j, &l, DOMAIN, day("2024-11-15"), &x->c),
                   0);
  assert_string_equal(x->c.subject, "[Tỉnh Chiến dịch] Nhắc việc: 2 tháng "
                      "hành động, chiến dịch");
}

static void test_campaign_digest(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-12-09");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-09"), &x->d), 0);
  const char *line = strstr(x->d.text, "Tháng hành động vì bình đẳng giới "
                            "năm 2024 đang diễn ra: ngày 25/31 (từ 15/11/2024 "
                            "đến hết 15/12/2024).\n");
  assert_non_null(line);
  assert_true(line < strstr(x->d.text, "I. Báo cáo quá hạn: 0"));
  assert_non_null(strstr(x->d.html, "<p style=\"margin:6px 0\"><strong>Tháng "
                         "hành động vì bình đẳng giới năm 2024 đang diễn ra: "
                         "ngày 25/31"));
  assert_true(strstr(x->d.html, "Tháng hành động") <
              strstr(x->d.html, "I. Báo cáo quá hạn"));
  composed_release(&x->d);
  /* once it has ended (or before it starts), it is not in the digest */
  plan_at(x, "2024-12-16");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-12-16"), &x->d), 0);
  assert_null(strstr(x->d.text, "đang diễn ra"));
  composed_release(&x->d);
  plan_at(x, "2024-11-14");
  assert_int_equal(compose_digest(x->j, &x->f, NULL, DOMAIN,
                                  day("2024-11-14"), &x->d), 0);
  assert_null(strstr(x->d.text, "Tháng hành động"));
}

static void test_campaign_payload(void **state)
{
  struct fx *x = *state;
  plan_at(x, "2024-11-15");
  const struct reminder *items[] = {campaign_reminder(x, "am", "a"),
                                    campaign_reminder(x, "am", "c")};
  json_t *root = payload(x, items, 2, "msg_0123456789abcdef", "2024-11-15",
                         480);
  /* one item for the campaign, naming the members told */
  json_t *arr = json_object_get(root, "items");
  assert_int_equal(json_array_size(arr), 1);
  json_t *it = json_array_get(arr, 0);
  assert_string_equal(str(it, "kind"), "campaign_active");
  assert_string_equal(str(it, "stage"), "campaign-start");
  assert_string_equal(str(it, "campaign"), "am");
  assert_null(json_object_get(it, "obligation"));
  assert_null(json_object_get(it, "indicator"));
  assert_true(json_is_null(json_object_get(it, "agency")));
  json_t *told = json_object_get(it, "agencies");
  assert_int_equal(json_array_size(told), 2);
  assert_string_equal(json_string_value(json_array_get(told, 0)), "a");
  assert_string_equal(json_string_value(json_array_get(told, 1)), "c");
  assert_string_equal(str(it, "title"), "Tháng hành động vì bình đẳng giới");
  assert_string_equal(str(it, "window_from"), "2024-11-15");
  assert_string_equal(str(it, "window_to"), "2024-12-15");
  assert_int_equal(num(it, "day"), 1);
  assert_int_equal(num(it, "days_in_window"), 31);
  assert_string_equal(str(it, "period"), "2024");
  assert_int_equal(num(json_object_get(root, "summary"), "overdue"), 0);

  /* the announcement a week before: one item too, no day yet */
  plan_at(x, "2024-11-08");
  const struct reminder *mixed[] = {campaign_reminder(x, "am", "a"),
                                    campaign_reminder(x, "am", "b")};
  root = payload(x, mixed, 2, "msg_0123456789abcdef", "2024-11-08", 480);
  arr = json_object_get(root, "items");
  assert_int_equal(json_array_size(arr), 1);
  it = json_array_get(arr, 0);
  assert_string_equal(str(it, "stage"), "campaign-before-7");
  assert_true(json_is_null(json_object_get(it, "day")));
  assert_int_equal(json_array_size(json_object_get(it, "agencies")), 2);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_email_one_item, setup, teardown),
    cmocka_unit_test_setup_teardown(test_email_ids, setup, teardown),
    cmocka_unit_test_setup_teardown(test_email_escapes_html, setup, teardown),
    cmocka_unit_test_setup_teardown(test_email_two_items, setup, teardown),
    cmocka_unit_test_setup_teardown(test_email_due_day_and_escalation, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_email_act_and_copies, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_email_closing_only_for_reports,
                                    setup, teardown),
    cmocka_unit_test_setup_teardown(test_payload, setup, teardown),
    cmocka_unit_test_setup_teardown(test_digest_text, setup, teardown),
    cmocka_unit_test_setup_teardown(test_digest_table, setup, teardown),
    cmocka_unit_test_setup_teardown(test_digest_table_window, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_digest_indicators, setup, teardown),
    cmocka_unit_test_setup_teardown(test_digest_indicator_order, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_own_texts_escaped, setup, teardown),
    cmocka_unit_test_setup_teardown(test_long_title_stays_utf8, setup,
                                    teardown),
    cmocka_unit_test(test_status_words),
    cmocka_unit_test(test_hash),
    cmocka_unit_test_setup_teardown(test_campaign_email, setup_campaigns,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_campaign_digest, setup_campaigns,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_campaign_payload, setup_campaigns,
                                    teardown),
  };
  return cmocka_run_group_tests_name("compose", tests, NULL, NULL);
}
