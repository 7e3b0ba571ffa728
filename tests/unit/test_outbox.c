/*
 * test_outbox.c — the SQLite outbox (engine/outbox.c) on a real store.
 *
 * Covers queueing (messages, deliveries, items inside the caller's
 * transaction; the dedup key's UNIQUE constraint and a rollback that leaves
 * nothing behind), outbox_due, outbox_record (sent; temporary failures with
 * exponential backoff, the cap and Retry-After; permanent failures; running
 * out of attempts), outbox_list, outbox_retry, outbox_drop and the CSV
 * ledger of outbox_history_csv, parsed back as RFC 4180.
 *
 * Every test gets a fresh store_open'ed file in a mkdtemp directory,
 * removed in teardown with whatever SQLite left next to it (-wal, -shm).
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

#include "outbox.h"
#include "store.h"
#include "fixture.h"

struct fx {
  struct fixture_db fdb;
  struct store *s;
  struct outbox *o;
};

static int setup(void **state)
{
  struct fx *x = calloc(1, sizeof *x);
  if (x == NULL)
    return -1;
  *state = x;
  if (fixture_db_open(&x->fdb, "outbox") != 0)
    return -1;
  x->s = x->fdb.s;
  x->o = outbox_open(x->s);
  return x->o ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *x = *state;
  if (x == NULL)
    return 0;
  outbox_close(x->o);
  fixture_db_close(&x->fdb);
  free(x);
  return 0;
}

static const struct outbox_retry retry3 = {
  .max_attempts = 3, .base_seconds = 60, .max_seconds = 300,
};
static const struct outbox_retry retry10 = {
  .max_attempts = 10, .base_seconds = 60, .max_seconds = 300,
};

/* One row count through the store's own connection. */
static long long count(struct fx *x, const char *sql)
{
  sqlite3_stmt *st;
  long long n = -1;
  assert_int_equal(sqlite3_prepare_v2(store_handle(x->s), sql, -1, &st, NULL),
                   SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

/* Queue one email to `to` about obligation "annual" of agency a, period
 * 2024, at `stage`, in its own transaction; returns the delivery id. */
static long long queue(struct fx *x, const char *to, const char *stage,
                       const char *subject, long long now)
{
  char key[256], mid[128];
  long long msg;
  snprintf(key, sizeof key, "email:%s|remind|annual|a|2024|%s", to, stage);
  snprintf(mid, sizeof mid, "<dondoc-%s-%s@remind.example>", to, stage);
  struct outbox_item it = {
    .dedup_key = key, .recipient = to, .jurisdiction = "remind",
    .item = "annual", .agency = "a", .period = "2024", .kind = "due_soon",
    .stage = stage, .run_day = "2024-11-28",
  };
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", subject,
                                      "body", mid, "2024-11-28", now, &msg), 0);
  assert_true(msg > 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, to, now), 0);
  assert_int_equal(outbox_add_item(x->o, msg, &it), 0);
  assert_int_equal(store_commit(x->s), 0);
  return count(x, "SELECT max(id) FROM deliveries");
}

/* The one delivery with this id, from outbox_list; *d must be freed. */
static struct outbox_delivery *get(struct fx *x, long long id)
{
  struct outbox_delivery *all, *d = NULL;
  size_t n;
  assert_int_equal(outbox_list(x->o, NULL, &all, &n), 0);
  for (size_t i = 0; i < n; i++)
    if (all[i].id == id) {
      d = calloc(1, sizeof *d);
      assert_non_null(d);
      *d = all[i];
      memset(&all[i], 0, sizeof all[i]);   /* ownership moves to d */
    }
  outbox_deliveries_free(all, n);
  assert_non_null(d);
  return d;
}

static void expect_state(struct fx *x, long long id, const char *status,
                         int attempts, long long next, const char *last_error)
{
  struct outbox_delivery *d = get(x, id);
  assert_string_equal(d->status, status);
  assert_int_equal(d->attempts, attempts);
  if (next >= 0)
    assert_int_equal(d->next_attempt_at, next);
  if (last_error)
    assert_string_equal(d->last_error, last_error);
  else
    assert_null(d->last_error);
  outbox_deliveries_free(d, 1);
}

/* How many deliveries outbox_due returns at `now`, and whether id is one. */
static size_t due_count(struct fx *x, long long now, long long id, bool *has)
{
  struct outbox_delivery *d;
  size_t n;
  assert_int_equal(outbox_due(x->o, now, &d, &n), 0);
  if (has) {
    *has = false;
    for (size_t i = 0; i < n; i++)
      if (d[i].id == id)
        *has = true;
  }
  outbox_deliveries_free(d, n);
  return n;
}

/* ---- queueing -------------------------------------------------------- */

static void test_queue_and_seen(void **state)
{
  struct fx *x = *state;
  struct outbox_delivery *d;
  size_t n;
  long long msg;
  const char *key = "email:a@remind.example|remind|annual|a|2024|before-7";
  struct outbox_item it = {
    .dedup_key = key, .recipient = "a@remind.example",
    .jurisdiction = "remind", .item = "annual", .agency = "a",
    .period = "2024", .kind = "due_soon", .stage = "before-7",
    .run_day = "2024-11-28",
  };

  assert_int_equal(outbox_seen(x->o, key), 0);
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "Nhắc việc",
                                      "raw message", "<dondoc-1@remind.example>",
                                      "2024-11-28", 1732755600, &msg), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "a@remind.example",
                                       1732755600), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "sec@remind.example",
                                       1732755600), 0);
  assert_int_equal(outbox_add_item(x->o, msg, &it), 0);
  /* seen inside the transaction already */
  assert_int_equal(outbox_seen(x->o, key), 1);
  assert_int_equal(store_commit(x->s), 0);

  assert_int_equal(outbox_seen(x->o, key), 1);
  assert_int_equal(outbox_seen(x->o,
      "email:a@remind.example|remind|annual|a|2024|before-1"), 0);
  assert_int_equal(outbox_seen(x->o,
      "email:b@remind.example|remind|annual|a|2024|before-7"), 0);
  assert_int_equal(outbox_seen(x->o, ""), 0);

  assert_int_equal(outbox_list(x->o, NULL, &d, &n), 0);
  assert_int_equal(n, 2);
  /* newest first: the sec delivery, then a's */
  assert_string_equal(d[0].recipient, "sec@remind.example");
  assert_string_equal(d[1].recipient, "a@remind.example");
  assert_true(d[0].id > d[1].id);
  for (size_t i = 0; i < 2; i++) {
    assert_int_equal(d[i].message, msg);
    assert_string_equal(d[i].channel, "email");
    assert_string_equal(d[i].subject, "Nhắc việc");
    assert_string_equal(d[i].body, "raw message");
    assert_string_equal(d[i].message_id, "<dondoc-1@remind.example>");
    assert_string_equal(d[i].jurisdiction, "remind");
    assert_string_equal(d[i].status, "queued");
    assert_string_equal(d[i].run_day, "2024-11-28");
    assert_null(d[i].last_error);
    assert_int_equal(d[i].attempts, 0);
    assert_int_equal(d[i].next_attempt_at, 1732755600);
    assert_int_equal(d[i].created_at, 1732755600);
    assert_int_equal(d[i].sent_at, 0);
  }
  outbox_deliveries_free(d, n);
  assert_int_equal(count(x, "SELECT count(*) FROM message_items"), 1);
}

static void test_duplicate_key_rolls_back(void **state)
{
  struct fx *x = *state;
  long long msg;
  (void)queue(x, "a@remind.example", "before-7", "first", 1000);
  assert_int_equal(count(x, "SELECT count(*) FROM messages"), 1);

  /* a second message whose item repeats a key: the insert fails … */
  struct outbox_item fresh = {
    .dedup_key = "email:a@remind.example|remind|lead||2023|no_data-2023-11",
    .recipient = "a@remind.example", .jurisdiction = "remind",
    .item = "lead", .agency = NULL, .period = "2023", .kind = "no_data",
    .stage = "no_data-2023-11", .run_day = "2024-11-29",
  };
  struct outbox_item dup = {
    .dedup_key = "email:a@remind.example|remind|annual|a|2024|before-7",
    .recipient = "a@remind.example", .jurisdiction = "remind",
    .item = "annual", .agency = "a", .period = "2024", .kind = "due_soon",
    .stage = "before-7", .run_day = "2024-11-29",
  };
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "second",
                                      "body", "<dondoc-2@remind.example>",
                                      "2024-11-29", 2000, &msg), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "a@remind.example", 2000), 0);
  assert_int_equal(outbox_add_item(x->o, msg, &fresh), 0);
  assert_int_equal(outbox_add_item(x->o, msg, &dup), -1);
  assert_non_null(strstr(outbox_errmsg(x->o), "UNIQUE"));
  /* … and the rollback leaves nothing of the second message */
  assert_int_equal(store_rollback(x->s), 0);
  assert_int_equal(count(x, "SELECT count(*) FROM messages"), 1);
  assert_int_equal(count(x, "SELECT count(*) FROM deliveries"), 1);
  assert_int_equal(count(x, "SELECT count(*) FROM message_items"), 1);
  assert_int_equal(outbox_seen(x->o, fresh.dedup_key), 0);
  assert_int_equal(outbox_seen(x->o, dup.dedup_key), 1);
  struct outbox_delivery *d;
  size_t n;
  assert_int_equal(outbox_list(x->o, NULL, &d, &n), 0);
  assert_int_equal(n, 1);
  assert_string_equal(d[0].subject, "first");
  outbox_deliveries_free(d, n);

  /* the other constraints: one Message-ID, one delivery per recipient */
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "third", "b",
                                      "<dondoc-3@remind.example>",
                                      "2024-11-29", 3000, &msg), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "again", "b",
                                      "<dondoc-3@remind.example>",
                                      "2024-11-29", 3000, &msg), -1);
  assert_non_null(strstr(outbox_errmsg(x->o), "UNIQUE"));
  assert_int_equal(store_rollback(x->s), 0);
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "fourth", "b",
                                      "<dondoc-4@remind.example>",
                                      "2024-11-29", 3000, &msg), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "b@remind.example", 3000), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "b@remind.example", 3000),
                   -1);
  /* a channel the schema does not know */
  assert_int_equal(outbox_add_message(x->o, "fax", "remind", "s", "b",
                                      "<dondoc-5@remind.example>",
                                      "2024-11-29", 3000, &msg), -1);
  assert_int_equal(store_rollback(x->s), 0);
  assert_int_equal(count(x, "SELECT count(*) FROM messages"), 1);
  assert_int_equal(count(x, "SELECT count(*) FROM deliveries"), 1);
}

/* ---- delivering ------------------------------------------------------ */

static void test_due(void **state)
{
  struct fx *x = *state;
  struct outbox_delivery *d;
  size_t n;
  long long late = queue(x, "c@remind.example", "before-7", "s", 300);
  long long early = queue(x, "a@remind.example", "before-7", "s", 100);
  long long mid = queue(x, "b@remind.example", "before-7", "s", 200);

  assert_int_equal(outbox_due(x->o, 50, &d, &n), 0);
  assert_int_equal(n, 0);
  outbox_deliveries_free(d, n);

  assert_int_equal(outbox_due(x->o, 150, &d, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(d[0].id, early);
  outbox_deliveries_free(d, n);

  assert_int_equal(outbox_due(x->o, 200, &d, &n), 0);   /* <= now */
  assert_int_equal(n, 2);
  assert_int_equal(d[0].id, early);
  assert_int_equal(d[1].id, mid);
  outbox_deliveries_free(d, n);

  /* 0: every queued one, oldest first */
  assert_int_equal(outbox_due(x->o, 0, &d, &n), 0);
  assert_int_equal(n, 3);
  assert_int_equal(d[0].id, early);
  assert_int_equal(d[1].id, mid);
  assert_int_equal(d[2].id, late);
  assert_string_equal(d[0].recipient, "a@remind.example");
  assert_string_equal(d[2].recipient, "c@remind.example");
  outbox_deliveries_free(d, n);
}

static void test_record_sent(void **state)
{
  struct fx *x = *state;
  bool failed = true, has;
  long long id = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long other = queue(x, "b@remind.example", "before-7", "s", 1000);

  assert_int_equal(outbox_record(x->o, id, 1005, true, false, 250, "250 OK",
                                 0, &retry3, &failed), 0);
  assert_false(failed);
  struct outbox_delivery *d = get(x, id);
  assert_string_equal(d->status, "sent");
  assert_int_equal(d->attempts, 1);
  assert_int_equal(d->sent_at, 1005);
  assert_null(d->last_error);
  outbox_deliveries_free(d, 1);
  assert_int_equal(due_count(x, 0, id, &has), 1);
  assert_false(has);
  assert_int_equal(due_count(x, 99999, id, &has), 1);
  assert_false(has);
  expect_state(x, other, "queued", 0, 1000, NULL);
  assert_int_equal(count(x, "SELECT count(*) FROM attempts"), 1);
}

/* Recording an attempt for a delivery that does not exist: an error that
 * says so, nothing recorded, no transaction left open. */
static void test_record_unknown_delivery(void **state)
{
  struct fx *x = *state;
  bool failed = true;
  (void)queue(x, "a@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, 424242, 1006, true, false, 250, "x",
                                 0, &retry3, &failed), -1);
  assert_false(failed);
  assert_int_equal(count(x, "SELECT count(*) FROM attempts"), 0);
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(store_commit(x->s), 0);
  assert_non_null(strstr(outbox_errmsg(x->o), "no delivery 424242"));
  /* SQLite has no error to give here: "not an error" misleads */
  if (strstr(outbox_errmsg(x->o), "not an error"))
    fail_msg("unhelpful message: %s", outbox_errmsg(x->o));
}

static void test_record_backoff(void **state)
{
  struct fx *x = *state;
  bool failed = true, has;
  long long id = queue(x, "a@remind.example", "before-7", "s", 1000);

  /* 1st failure: base */
  assert_int_equal(outbox_record(x->o, id, 1000, false, false, 421,
                                 "421 busy", 0, &retry10, &failed), 0);
  assert_false(failed);
  expect_state(x, id, "queued", 1, 1060, "421 busy");
  assert_int_equal(due_count(x, 1059, id, &has), 0);
  assert_int_equal(due_count(x, 1060, id, &has), 1);
  assert_true(has);
  /* 2nd: base * 2 */
  assert_int_equal(outbox_record(x->o, id, 1060, false, false, 421,
                                 "421 busy again", 0, &retry10, &failed), 0);
  expect_state(x, id, "queued", 2, 1060 + 120, "421 busy again");
  /* 3rd: base * 4 */
  assert_int_equal(outbox_record(x->o, id, 1180, false, false, 0,
                                 "timeout", 0, &retry10, &failed), 0);
  expect_state(x, id, "queued", 3, 1180 + 240, "timeout");
  /* 4th: base * 8 = 480, capped at 300 */
  assert_int_equal(outbox_record(x->o, id, 1420, false, false, 0,
                                 "timeout", 0, &retry10, &failed), 0);
  expect_state(x, id, "queued", 4, 1420 + 300, "timeout");
  /* 5th: still the cap */
  assert_int_equal(outbox_record(x->o, id, 1720, false, false, 0,
                                 "timeout", 0, &retry10, &failed), 0);
  expect_state(x, id, "queued", 5, 1720 + 300, "timeout");
  assert_false(failed);
  assert_int_equal(count(x, "SELECT count(*) FROM attempts"), 5);
  /* then it goes through */
  assert_int_equal(outbox_record(x->o, id, 2020, true, false, 250, "250 OK",
                                 0, &retry10, &failed), 0);
  expect_state(x, id, "sent", 6, -1, NULL);
}

static void test_record_retry_after(void **state)
{
  struct fx *x = *state;
  bool failed = true;
  long long id = queue(x, "a@remind.example", "before-7", "s", 1000);
  /* the receiver asks for an hour: more than the backoff, it wins */
  assert_int_equal(outbox_record(x->o, id, 1000, false, false, 429,
                                 "429 Too Many Requests", 3600, &retry10,
                                 &failed), 0);
  assert_false(failed);
  expect_state(x, id, "queued", 1, 1000 + 3600, "429 Too Many Requests");
  /* less than the backoff (120 now): the backoff wins */
  assert_int_equal(outbox_record(x->o, id, 4600, false, false, 503, "503",
                                 10, &retry10, &failed), 0);
  expect_state(x, id, "queued", 2, 4600 + 120, "503");
  /* more than the cap: still honoured */
  assert_int_equal(outbox_record(x->o, id, 4720, false, false, 503, "503",
                                 7200, &retry10, &failed), 0);
  expect_state(x, id, "queued", 3, 4720 + 7200, "503");
}

static void test_record_permanent(void **state)
{
  struct fx *x = *state;
  bool failed = false, has;
  long long id = queue(x, "a@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, id, 1000, false, true, 550,
                                 "550 no such user", 0, &retry10, &failed), 0);
  assert_true(failed);
  expect_state(x, id, "failed", 1, -1, "550 no such user");
  assert_int_equal(due_count(x, 0, id, &has), 0);
  assert_int_equal(due_count(x, 999999, id, &has), 0);
}

static void test_record_out_of_attempts(void **state)
{
  struct fx *x = *state;
  bool failed = true;
  long long id = queue(x, "a@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, id, 1000, false, false, 421, "one", 0,
                                 &retry3, &failed), 0);
  assert_false(failed);
  assert_int_equal(outbox_record(x->o, id, 1060, false, false, 421, "two", 0,
                                 &retry3, &failed), 0);
  assert_false(failed);
  expect_state(x, id, "queued", 2, 1060 + 120, "two");
  assert_int_equal(outbox_record(x->o, id, 1180, false, false, 421, "three",
                                 0, &retry3, &failed), 0);
  assert_true(failed);
  expect_state(x, id, "failed", 3, -1, "three");
  assert_int_equal(due_count(x, 0, id, NULL), 0);

  /* max_attempts 1: the first temporary failure is final */
  static const struct outbox_retry once = {1, 60, 300};
  long long id2 = queue(x, "b@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, id2, 1000, false, false, 421, "x", 0,
                                 &once, &failed), 0);
  assert_true(failed);
  expect_state(x, id2, "failed", 1, -1, "x");
}

/* ---- steering ------------------------------------------------------ */

static void test_list(void **state)
{
  struct fx *x = *state;
  struct outbox_delivery *d;
  size_t n;
  bool failed;
  long long a = queue(x, "a@remind.example", "before-7", "sa", 1000);
  long long b = queue(x, "b@remind.example", "before-7", "sb", 1000);
  long long c = queue(x, "c@remind.example", "before-7", "sc", 1000);
  long long e = queue(x, "e@remind.example", "before-7", "se", 1000);
  assert_int_equal(outbox_record(x->o, a, 1001, true, false, 250, "ok", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, b, 1001, false, true, 550, "no", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_drop(x->o, e), 0);

  assert_int_equal(outbox_list(x->o, NULL, &d, &n), 0);
  assert_int_equal(n, 4);
  assert_int_equal(d[0].id, e);
  assert_int_equal(d[1].id, c);
  assert_int_equal(d[2].id, b);
  assert_int_equal(d[3].id, a);
  assert_string_equal(d[0].status, "dropped");
  assert_string_equal(d[1].status, "queued");
  assert_string_equal(d[2].status, "failed");
  assert_string_equal(d[2].last_error, "no");
  assert_string_equal(d[3].status, "sent");
  assert_string_equal(d[3].subject, "sa");
  outbox_deliveries_free(d, n);

  static const char *const st[] = {"queued", "sent", "failed", "dropped"};
  const long long want[] = {c, a, b, e};
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(outbox_list(x->o, st[i], &d, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(d[0].id, want[i]);
    assert_string_equal(d[0].status, st[i]);
    outbox_deliveries_free(d, n);
  }
  long long c2 = queue(x, "c@remind.example", "before-1", "sc2", 2000);
  assert_int_equal(outbox_list(x->o, "queued", &d, &n), 0);
  assert_int_equal(n, 2);
  assert_int_equal(d[0].id, c2);            /* newest first */
  assert_int_equal(d[1].id, c);
  outbox_deliveries_free(d, n);
  assert_int_equal(outbox_list(x->o, "nonsense", &d, &n), 0);
  assert_int_equal(n, 0);
  outbox_deliveries_free(d, n);
}

static void test_retry(void **state)
{
  struct fx *x = *state;
  bool failed, has;
  long long f = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long s = queue(x, "b@remind.example", "before-7", "s", 1000);
  long long q = queue(x, "c@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, f, 1000, false, true, 550, "550", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, s, 1000, true, false, 250, "250", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, q, 1000, false, false, 421, "421", 0,
                                 &retry3, &failed), 0);

  assert_int_equal(outbox_retry(x->o, f, 5000), 0);
  expect_state(x, f, "queued", 0, 5000, "550");
  assert_int_equal(due_count(x, 5000, f, &has), 2);
  assert_true(has);
  /* a fresh count: three more attempts before it fails again */
  assert_int_equal(outbox_record(x->o, f, 5000, false, false, 421, "421", 0,
                                 &retry3, &failed), 0);
  assert_false(failed);
  expect_state(x, f, "queued", 1, 5060, "421");

  /* a queued one: brought forward, attempts reset */
  assert_int_equal(outbox_retry(x->o, q, 1001), 0);
  expect_state(x, q, "queued", 0, 1001, "421");

  assert_int_equal(outbox_retry(x->o, s, 5000), 1);        /* sent */
  expect_state(x, s, "sent", 1, -1, NULL);
  assert_int_equal(outbox_retry(x->o, 987654, 5000), 1);   /* unknown */
  assert_int_equal(outbox_drop(x->o, q), 0);
  assert_int_equal(outbox_retry(x->o, q, 5000), 1);        /* dropped */
  expect_state(x, q, "dropped", 0, 1001, "421");
}

static void test_drop(void **state)
{
  struct fx *x = *state;
  bool failed, has;
  long long q = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long f = queue(x, "b@remind.example", "before-7", "s", 1000);
  long long s = queue(x, "c@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, f, 1000, false, true, 550, "550", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, s, 1000, true, false, 250, "250", 0,
                                 &retry3, &failed), 0);

  assert_int_equal(outbox_drop(x->o, q), 0);
  expect_state(x, q, "dropped", 0, 1000, NULL);
  assert_int_equal(due_count(x, 0, q, &has), 0);
  assert_int_equal(outbox_drop(x->o, q), 1);                /* already */
  assert_int_equal(outbox_drop(x->o, f), 0);
  expect_state(x, f, "dropped", 1, -1, "550");
  assert_int_equal(outbox_drop(x->o, s), 1);                /* sent */
  expect_state(x, s, "sent", 1, -1, NULL);
  assert_int_equal(outbox_drop(x->o, 987654), 1);           /* unknown */
  /* the item stays: dropping does not make the reminder due again */
  assert_int_equal(outbox_seen(x->o,
      "email:a@remind.example|remind|annual|a|2024|before-7"), 1);
}

/* ---- the ledger ------------------------------------------------------ */

/* A minimal RFC 4180 reader: rows of fields, CRLF line ends, every field
 * may be quoted with "" for a quote inside. Fails the test on anything
 * else. Up to 16 rows of 12 fields. */
struct csv { char *f[16][12]; size_t rows, cols[16]; };

static void csv_parse(const char *s, struct csv *c)
{
  memset(c, 0, sizeof *c);
  while (*s) {
    size_t r = c->rows++;
    assert_true(r < 16);
    for (;;) {
      char *field = malloc(strlen(s) + 1), *o = field;
      assert_non_null(field);
      if (*s == '"') {
        for (s++;; s++) {
          assert_true(*s != '\0');               /* unterminated */
          if (*s == '"' && s[1] == '"')
            *o++ = '"', s++;
          else if (*s == '"')
            break;
          else
            *o++ = *s;
        }
        s++;
      } else {
        while (*s && *s != ',' && *s != '\r' && *s != '\n')
          *o++ = *s++;
      }
      *o = '\0';
      assert_true(c->cols[r] < 12);
      c->f[r][c->cols[r]++] = field;
      if (*s == ',') {
        s++;
        continue;
      }
      assert_true(s[0] == '\r' && s[1] == '\n');  /* CRLF ends a record */
      s += 2;
      break;
    }
  }
}

static void csv_free(struct csv *c)
{
  for (size_t r = 0; r < c->rows; r++)
    for (size_t i = 0; i < c->cols[r]; i++)
      free(c->f[r][i]);
}

/* The ledger as text; free it. */
static char *history(struct fx *x)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  assert_non_null(m);
  assert_int_equal(outbox_history_csv(x->o, m, 7 * 60), 0);
  assert_int_equal(fclose(m), 0);
  return buf;
}

static void test_history_csv(void **state)
{
  struct fx *x = *state;
  struct csv c;
  bool failed;
  const char *subject = "Nhắc \"gấp\", hạn 05/12: Báo cáo năm";
  long long msg;
  struct outbox_item items[2] = {
    { .dedup_key = "email:a@remind.example|remind|annual|a|2024|before-7",
      .recipient = "a@remind.example", .jurisdiction = "remind",
      .item = "annual", .agency = "a", .period = "2024", .kind = "due_soon",
      .stage = "before-7", .run_day = "2024-11-28" },
    { .dedup_key = "email:a@remind.example|remind|lead|b|2023|no_data-2023-11",
      .recipient = "a@remind.example", .jurisdiction = "remind",
      .item = "lead", .agency = "b", .period = "2023", .kind = "no_data",
      .stage = "no_data-2023-11", .run_day = "2024-11-28" },
  };

  /* an empty ledger is the header alone */
  char *text = history(x);
  assert_string_equal(text,
      "\"attempted_at\",\"delivery\",\"channel\",\"recipient\","
      "\"jurisdiction\",\"subject\",\"message_id\",\"ok\",\"code\","
      "\"detail\",\"status\",\"items\"\r\n");
  free(text);

  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", subject, "b",
                                      "<dondoc-h@remind.example>",
                                      "2024-11-28", 1733461200, &msg), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "a@remind.example",
                                       1733461200), 0);
  long long id = count(x, "SELECT max(id) FROM deliveries");
  assert_int_equal(outbox_add_item(x->o, msg, &items[0]), 0);
  assert_int_equal(outbox_add_item(x->o, msg, &items[1]), 0);
  assert_int_equal(store_commit(x->s), 0);
  /* 2024-12-06T05:00:00Z = 12:00 in Vietnam; then 60 s later */
  assert_int_equal(outbox_record(x->o, id, 1733461200, false, false, 421,
                                 "421 4.7.0 Try again, later", 0, &retry3,
                                 &failed), 0);
  assert_int_equal(outbox_record(x->o, id, 1733461260, true, false, 250,
                                 "250 2.0.0 Ok: queued", 0, &retry3, &failed),
                   0);

  text = history(x);
  /* the quote doubled, the field quoted because of the comma */
  assert_non_null(strstr(text, "\"Nhắc \"\"gấp\"\", hạn 05/12: Báo cáo năm\""));
  csv_parse(text, &c);
  free(text);
  assert_int_equal(c.rows, 3);                 /* header + one per attempt */
  static const char *const head[] = {
    "attempted_at", "delivery", "channel", "recipient", "jurisdiction",
    "subject", "message_id", "ok", "code", "detail", "status", "items"
  };
  for (size_t i = 0; i < 12; i++)
    assert_string_equal(c.f[0][i], head[i]);
  char idtext[24];
  snprintf(idtext, sizeof idtext, "%lld", id);
  for (size_t r = 1; r < 3; r++) {
    assert_int_equal(c.cols[r], 12);
    assert_string_equal(c.f[r][1], idtext);
    assert_string_equal(c.f[r][2], "email");
    assert_string_equal(c.f[r][3], "a@remind.example");
    assert_string_equal(c.f[r][4], "remind");
    assert_string_equal(c.f[r][5], subject);       /* round trip */
    assert_string_equal(c.f[r][6], "<dondoc-h@remind.example>");
    assert_string_equal(c.f[r][10], "sent");       /* the state now */
    assert_string_equal(c.f[r][11],
        "annual a 2024 before-7; lead b 2023 no_data-2023-11");
  }
  assert_string_equal(c.f[1][0], "2024-12-06T12:00:00+07:00");
  assert_string_equal(c.f[1][7], "no");
  assert_string_equal(c.f[1][8], "421");
  assert_string_equal(c.f[1][9], "421 4.7.0 Try again, later");
  assert_string_equal(c.f[2][0], "2024-12-06T12:01:00+07:00");
  assert_string_equal(c.f[2][7], "yes");
  assert_string_equal(c.f[2][8], "250");
  assert_string_equal(c.f[2][9], "250 2.0.0 Ok: queued");
  csv_free(&c);
}

/* An email goes to its recipient and to every copy as separate deliveries
 * of one message, while its items are recorded once, under the recipient
 * (that is how run.c queues them). The ledger should still say what each
 * copy was about: the secretariat copied on an escalation is part of the
 * evidence. */
static void test_history_items_of_copies(void **state)
{
  struct fx *x = *state;
  struct csv c;
  bool failed;
  long long msg;
  struct outbox_item it = {
    .dedup_key = "email:giamdoc.a@remind.example|remind|annual|a|2024|"
                 "escalate-0",
    .recipient = "giamdoc.a@remind.example", .jurisdiction = "remind",
    .item = "annual", .agency = "a", .period = "2024", .kind = "overdue",
    .stage = "escalate-0", .run_day = "2024-12-19",
  };
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "Đề nghị",
                                      "b", "<dondoc-e@remind.example>",
                                      "2024-12-19", 1734580800, &msg), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "giamdoc.a@remind.example",
                                       1734580800), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "sec@remind.example",
                                       1734580800), 0);
  assert_int_equal(outbox_add_item(x->o, msg, &it), 0);
  assert_int_equal(store_commit(x->s), 0);
  struct outbox_delivery *d;
  size_t n;
  assert_int_equal(outbox_due(x->o, 0, &d, &n), 0);
  assert_int_equal(n, 2);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(outbox_record(x->o, d[i].id, 1734580800, true, false,
                                   250, "250 Ok", 0, &retry3, &failed), 0);
  outbox_deliveries_free(d, n);

  char *text = history(x);
  csv_parse(text, &c);
  free(text);
  assert_int_equal(c.rows, 3);
  assert_string_equal(c.f[1][3], "giamdoc.a@remind.example");
  assert_string_equal(c.f[1][11], "annual a 2024 escalate-0");
  assert_string_equal(c.f[2][3], "sec@remind.example");
  /* the copy is about the same item */
  if (strcmp(c.f[2][11], "annual a 2024 escalate-0") != 0) {
    char got[128];
    snprintf(got, sizeof got, "%s", c.f[2][11]);
    csv_free(&c);
    fail_msg("items of the cc delivery: \"%s\", expected \"annual a 2024 "
             "escalate-0\"", got);
  }
  csv_free(&c);
}

/* Cells a spreadsheet would run as formulas (OWASP's list: '=', '+', '-',
 * '@', tab, carriage return at the start) come out behind an apostrophe;
 * the same characters elsewhere in a cell are left alone. */
static void test_history_csv_formulas(void **state)
{
  struct fx *x = *state;
  struct csv c;
  bool failed;
  long long msg;
  const char *subject = "=HYPERLINK(\"http://evil.example\",\"Bấm\")";
  struct outbox_item it = {
    .dedup_key = "k-formula", .recipient = "@SUM(1+1)",
    .jurisdiction = "remind", .item = "-annual", .agency = "a",
    .period = "2024", .kind = "due_soon", .stage = "before-7",
    .run_day = "2024-11-28",
  };
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "+remind", subject, "b",
                                      "<dondoc-f@remind.example>",
                                      "2024-11-28", 1733461200, &msg), 0);
  assert_int_equal(outbox_add_delivery(x->o, msg, "@SUM(1+1)", 1733461200),
                   0);
  assert_int_equal(outbox_add_item(x->o, msg, &it), 0);
  assert_int_equal(store_commit(x->s), 0);
  long long id = count(x, "SELECT max(id) FROM deliveries");
  const char *details[] = {"-2+3", "+cmd|' /C calc'!A0", "\tTAB", "\rCR",
                           "a=b+c-d@e"};
  for (size_t i = 0; i < 5; i++)
    assert_int_equal(outbox_record(x->o, id, 1733461200 + (long long)i, false,
                                   false, 421, details[i], 0, &retry10,
                                   &failed), 0);
  char *text = history(x);
  csv_parse(text, &c);
  free(text);
  assert_int_equal(c.rows, 6);
  assert_string_equal(c.f[1][3], "'@SUM(1+1)");
  assert_string_equal(c.f[1][4], "'+remind");
  assert_string_equal(c.f[1][5],
                      "'=HYPERLINK(\"http://evil.example\",\"Bấm\")");
  assert_string_equal(c.f[1][11], "'-annual a 2024 before-7");
  assert_string_equal(c.f[1][9], "'-2+3");
  assert_string_equal(c.f[2][9], "'+cmd|' /C calc'!A0");
  assert_string_equal(c.f[3][9], "'\tTAB");
  assert_string_equal(c.f[4][9], "'\rCR");
  assert_string_equal(c.f[5][9], "a=b+c-d@e");        /* not at the start */
  for (size_t r = 1; r < 6; r++) {
    assert_string_equal(c.f[r][8], "421");
    assert_string_equal(c.f[r][6], "<dondoc-f@remind.example>");
  }
  csv_free(&c);
}

/* ---- server-wide failures, bulk retry, failures without an attempt --- */

/* A row count through a second connection: what another process (or the
 * next run, after a crash) would find committed. */
static long long count_committed(struct fx *x, const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *st;
  long long n = -1;
  assert_int_equal(sqlite3_open_v2(x->fdb.path, &db, SQLITE_OPEN_READONLY,
                                   NULL), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

static long long synchronous(struct fx *x)
{
  return count(x, "PRAGMA synchronous");
}

/* Records in a batch are committed together by outbox_batch_end: until
 * then nobody else sees them (a crash would lose them all, and their
 * messages would be sent again). A record that fails inside the batch
 * (an unknown delivery) writes nothing; the others stay. relax/settle turn synchronous to NORMAL
 * and back. */
static void test_batch(void **state)
{
  struct fx *x = *state;
  bool failed;
  long long a = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long b = queue(x, "b@remind.example", "before-7", "s", 1000);
  long long before = synchronous(x);
  assert_int_equal(outbox_relax(x->o), 0);
  assert_int_equal(synchronous(x), 1);

  assert_int_equal(outbox_batch_begin(x->o), 0);
  assert_int_equal(outbox_batch_begin(x->o), -1);   /* one at a time */
  assert_int_equal(outbox_record(x->o, a, 1005, true, false, 200, "ok", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, 99999, 1005, true, false, 200, "ok",
                                 0, &retry3, &failed), -1);
  assert_string_equal(outbox_errmsg(x->o), "outbox: no delivery 99999");
  assert_int_equal(outbox_record(x->o, 99999, 1005, false, false, 500,
                                 "HTTP 500", 0, &retry3, &failed), -1);
  assert_string_equal(outbox_errmsg(x->o), "outbox: no delivery 99999");
  assert_int_equal(outbox_record(x->o, b, 1005, false, false, 500, "HTTP 500",
                                 0, &retry3, &failed), 0);
  assert_int_equal(count_committed(x, "SELECT count(*) FROM attempts"), 0);
  assert_int_equal(count_committed(x, "SELECT count(*) FROM deliveries"
                                      " WHERE status = 'sent'"), 0);
  assert_int_equal(outbox_batch_end(x->o), 0);

  assert_int_equal(count_committed(x, "SELECT count(*) FROM attempts"), 2);
  expect_state(x, a, "sent", 1, -1, NULL);
  expect_state(x, b, "queued", 1, 1005 + 60, "HTTP 500");
  assert_int_equal(outbox_settle(x->o), 0);
  assert_int_equal(synchronous(x), before);
  /* Outside a batch each record is its own commit again. */
  long long c = queue(x, "c@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, c, 1006, true, false, 200, "ok", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(count_committed(x, "SELECT count(*) FROM attempts"), 3);
}

/* What a digest reports: failed deliveries, and queued ones whose last try
 * failed — of that jurisdiction only; untried queued ones are not read. */
static void test_troubles(void **state)
{
  struct fx *x = *state;
  bool failed;
  struct outbox_delivery *d;
  size_t n;
  long long a = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long b = queue(x, "b@remind.example", "before-7", "s", 1000);
  long long c = queue(x, "c@remind.example", "before-7", "s", 1000);
  (void)a;
  assert_int_equal(outbox_record(x->o, b, 1005, false, false, 500, "HTTP 500",
                                 0, &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, c, 1005, false, true, 550, "550 no",
                                 0, &retry3, &failed), 0);
  assert_int_equal(outbox_troubles(x->o, "queued", "remind", &d, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(d[0].id, b);
  assert_string_equal(d[0].last_error, "HTTP 500");
  outbox_deliveries_free(d, n);
  assert_int_equal(outbox_troubles(x->o, "failed", "remind", &d, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(d[0].id, c);
  outbox_deliveries_free(d, n);
  assert_int_equal(outbox_troubles(x->o, "failed", "elsewhere", &d, &n), 0);
  assert_int_equal(n, 0);
  outbox_deliveries_free(d, n);
}

/* A deferral (the server or endpoint is at fault) is recorded and waits,
 * but never counts: ten of them with max_attempts 3 leave it queued. */
static void test_defer(void **state)
{
  struct fx *x = *state;
  bool failed, has;
  long long id = queue(x, "a@remind.example", "before-7", "s", 1000);
  for (int i = 0; i < 10; i++)
    assert_int_equal(outbox_defer(x->o, id, 1000 + i * 100, 535,
                                  "smtp://m:587: AUTH: 535 bad password", 0,
                                  &retry3), 0);
  expect_state(x, id, "queued", 0, 1900 + 60,
               "smtp://m:587: AUTH: 535 bad password");
  assert_int_equal(count(x, "SELECT count(*) FROM attempts"), 10);
  assert_int_equal(count(x, "SELECT count(*) FROM attempts WHERE ok = 0 AND"
                            " code = 535"), 10);
  assert_int_equal(due_count(x, 1959, id, &has), 0);
  assert_int_equal(due_count(x, 1960, id, &has), 1);
  assert_true(has);
  /* Retry-After wins when longer */
  assert_int_equal(outbox_defer(x->o, id, 2000, 503, "HTTP 503", 3600,
                                &retry3), 0);
  expect_state(x, id, "queued", 0, 2000 + 3600, "HTTP 503");
  /* counted failures still count from where they were */
  assert_int_equal(outbox_record(x->o, id, 6000, false, false, 450, "450",
                                 0, &retry3, &failed), 0);
  expect_state(x, id, "queued", 1, 6060, "450");
  /* the wait follows the counted attempts, without growing */
  assert_int_equal(outbox_defer(x->o, id, 7000, 0, "refused", 0, &retry3),
                   0);
  expect_state(x, id, "queued", 1, 7000 + 120, "refused");
  assert_int_equal(outbox_defer(x->o, id, 8000, 0, "refused", 0, &retry3),
                   0);
  expect_state(x, id, "queued", 1, 8000 + 120, "refused");
  /* a delivery that is not queued is left alone; an unknown one is an
   * error */
  long long s = queue(x, "b@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, s, 1000, true, false, 250, "ok", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_defer(x->o, s, 9000, 0, "x", 0, &retry3), 0);
  expect_state(x, s, "sent", 1, -1, NULL);
  assert_int_equal(outbox_defer(x->o, 424242, 9000, 0, "x", 0, &retry3), -1);
  assert_non_null(strstr(outbox_errmsg(x->o), "no delivery 424242"));
}

/* Held deliveries were not tried: the reason shows, nothing else moves,
 * and the ledger has no attempt for them. */
static void test_hold(void **state)
{
  struct fx *x = *state;
  bool failed;
  long long a = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long b = queue(x, "b@remind.example", "before-7", "s", 1100);
  long long c = queue(x, "c@remind.example", "before-7", "s", 1200);
  assert_int_equal(outbox_record(x->o, c, 1300, true, false, 250, "ok", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, b, 1300, false, false, 450, "450", 0,
                                 &retry3, &failed), 0);
  long long ids[] = {a, b, c};
  const char *why = "mail.password_env DONDOC_SMTP_PASSWORD is not set";
  assert_int_equal(outbox_hold(x->o, ids, 3, why), 0);
  expect_state(x, a, "queued", 0, 1000, why);
  expect_state(x, b, "queued", 1, 1360, why);
  expect_state(x, c, "sent", 1, -1, NULL);
  assert_int_equal(count(x, "SELECT count(*) FROM attempts"), 2);
  assert_int_equal(outbox_hold(x->o, ids, 0, why), 0);
}

/* A delivery that failed before any attempt, added inside the caller's
 * transaction: listed as failed with its reason, in the ledger, retried
 * like any other — and gone with a rollback. */
static void test_add_failed(void **state)
{
  struct fx *x = *state;
  long long msg;
  struct outbox_delivery *d;
  size_t n;
  const char *why = "cannot build the message: no address for so-a";
  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "Nhắc",
                                      "body", "<dondoc-af@remind.example>",
                                      "2024-11-28", 1733461200, &msg), 0);
  assert_int_equal(outbox_add_failed(x->o, msg, "so-a", why, 1733461200), 0);
  assert_int_equal(store_rollback(x->s), 0);
  assert_int_equal(count(x, "SELECT count(*) FROM deliveries"), 0);
  assert_int_equal(count(x, "SELECT count(*) FROM attempts"), 0);

  assert_int_equal(store_begin(x->s), 0);
  assert_int_equal(outbox_add_message(x->o, "email", "remind", "Nhắc",
                                      "body", "<dondoc-af@remind.example>",
                                      "2024-11-28", 1733461200, &msg), 0);
  assert_int_equal(outbox_add_failed(x->o, msg, "so-a", why, 1733461200), 0);
  assert_int_equal(store_commit(x->s), 0);
  assert_int_equal(outbox_list(x->o, "failed", &d, &n), 0);
  assert_int_equal(n, 1);
  assert_string_equal(d[0].recipient, "so-a");
  assert_string_equal(d[0].last_error, why);
  assert_int_equal(d[0].attempts, 0);
  long long id = d[0].id;
  outbox_deliveries_free(d, n);
  assert_int_equal(due_count(x, 0, id, NULL), 0);     /* not queued */

  struct csv c;
  char *text = history(x);
  csv_parse(text, &c);
  free(text);
  assert_int_equal(c.rows, 2);
  assert_string_equal(c.f[1][0], "2024-12-06T12:00:00+07:00");
  assert_string_equal(c.f[1][3], "so-a");
  assert_string_equal(c.f[1][7], "no");
  assert_string_equal(c.f[1][9], why);
  assert_string_equal(c.f[1][10], "failed");
  csv_free(&c);

  assert_int_equal(outbox_retry(x->o, id, 1733470000), 0);
  expect_state(x, id, "queued", 0, 1733470000, why);
}

static void test_retry_all(void **state)
{
  struct fx *x = *state;
  bool failed;
  long long count_;
  long long f1 = queue(x, "a@remind.example", "before-7", "s", 1000);
  long long f2 = queue(x, "b@remind.example", "before-7", "s", 1000);
  long long q1 = queue(x, "c@remind.example", "before-7", "s", 1000);
  long long q2 = queue(x, "d@remind.example", "before-7", "s", 1000);
  long long q3 = queue(x, "e@remind.example", "before-7", "s", 5000);
  long long sent = queue(x, "f@remind.example", "before-7", "s", 1000);
  assert_int_equal(outbox_record(x->o, f1, 2000, false, true, 550, "550", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, f2, 8000, false, true, 535, "535", 0,
                                 &retry3, &failed), 0);
  assert_int_equal(outbox_record(x->o, q1, 3000, false, false, 421, "421", 0,
                                 &retry10, &failed), 0);      /* waits */
  assert_int_equal(outbox_defer(x->o, q2, 3000, 0, "down", 0, &retry10), 0);
  assert_int_equal(outbox_record(x->o, sent, 3000, true, false, 250, "ok",
                                 0, &retry3, &failed), 0);
  (void)q3;                                       /* queued, never tried */

  /* queued ones that wait, at 3010: q1 (an attempt counted, backoff to
   * 3060), q2 (deferred to 3060) and q3 (never tried, created for 5000);
   * since 4000 keeps only q3, by its creation time. */
  assert_int_equal(outbox_retry_all(x->o, "queued", 4000, 3010, &count_), 0);
  assert_int_equal(count_, 1);
  expect_state(x, q3, "queued", 0, 3010, NULL);
  assert_int_equal(outbox_retry_all(x->o, "queued", 0, 3010, &count_), 0);
  assert_int_equal(count_, 2);
  expect_state(x, q1, "queued", 0, 3010, "421");
  expect_state(x, q2, "queued", 0, 3010, "down");
  /* the ones already due are left as they are: nothing more to do */
  assert_int_equal(outbox_retry_all(x->o, "queued", 0, 3010, &count_), 0);
  assert_int_equal(count_, 0);
  expect_state(x, sent, "sent", 1, -1, NULL);

  /* failed since 5000: only f2 (last attempt 8000) */
  assert_int_equal(outbox_retry_all(x->o, "failed", 5000, 9000, &count_), 0);
  assert_int_equal(count_, 1);
  expect_state(x, f2, "queued", 0, 9000, "535");
  expect_state(x, f1, "failed", 1, -1, "550");
  /* every failed one */
  assert_int_equal(outbox_retry_all(x->o, "failed", 0, 9100, &count_), 0);
  assert_int_equal(count_, 1);
  expect_state(x, f1, "queued", 0, 9100, "550");
  assert_int_equal(outbox_retry_all(x->o, "failed", 0, 9100, &count_), 0);
  assert_int_equal(count_, 0);

  assert_int_equal(outbox_retry_all(x->o, "sent", 0, 3010, &count_), -1);
  assert_non_null(strstr(outbox_errmsg(x->o), "failed or queued"));
  assert_int_equal(outbox_retry_all(x->o, NULL, 0, 3010, &count_), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_queue_and_seen, setup, teardown),
    cmocka_unit_test_setup_teardown(test_duplicate_key_rolls_back, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_due, setup, teardown),
    cmocka_unit_test_setup_teardown(test_record_sent, setup, teardown),
    cmocka_unit_test_setup_teardown(test_record_unknown_delivery, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_record_backoff, setup, teardown),
    cmocka_unit_test_setup_teardown(test_record_retry_after, setup, teardown),
    cmocka_unit_test_setup_teardown(test_record_permanent, setup, teardown),
    cmocka_unit_test_setup_teardown(test_record_out_of_attempts, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_list, setup, teardown),
    cmocka_unit_test_setup_teardown(test_retry, setup, teardown),
    cmocka_unit_test_setup_teardown(test_drop, setup, teardown),
    cmocka_unit_test_setup_teardown(test_history_csv, setup, teardown),
    cmocka_unit_test_setup_teardown(test_history_items_of_copies, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_history_csv_formulas, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_defer, setup, teardown),
    cmocka_unit_test_setup_teardown(test_hold, setup, teardown),
    cmocka_unit_test_setup_teardown(test_add_failed, setup, teardown),
    cmocka_unit_test_setup_teardown(test_retry_all, setup, teardown),
    cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
    cmocka_unit_test_setup_teardown(test_troubles, setup, teardown),
  };
  return cmocka_run_group_tests_name("outbox", tests, NULL, NULL);
}
