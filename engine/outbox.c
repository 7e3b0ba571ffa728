/*
 * outbox.c — the outbox tables (store.c migration 2), queue and ledger.
 *
 * Statements are prepared on first use and kept, as in store.c; every value
 * is bound. outbox_record, outbox_defer and outbox_hold open their own
 * transaction — or, inside outbox_batch_begin … outbox_batch_end, a part
 * of the batch's: the attempt row and the delivery's new state land
 * together, and a batch costs one commit.
 */
#include "outbox.h"
#include "csv_write.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

enum outbox_stmt {
  OB_SEEN, OB_ADD_MESSAGE, OB_ADD_DELIVERY, OB_ADD_ITEM, OB_DUE, OB_GET,
  OB_ATTEMPT, OB_SENT, OB_REQUEUE, OB_FAILED, OB_LIST, OB_LIST_STATUS,
  OB_RETRY, OB_DROP, OB_HISTORY, OB_DEFER, OB_HOLD, OB_ADD_FAILED,
  OB_RETRY_ALL, OB_COUNT, OB_TROUBLES, OB_N
};

#define DELIVERY_COLUMNS \
  "d.id, d.message, m.channel, d.recipient, m.subject, m.body," \
  " m.message_id, m.jurisdiction, d.status, d.last_error, m.run_day," \
  " d.attempts, d.next_attempt_at, d.sent_at, m.created_at"

static const char *const outbox_sql[OB_N] = {
  [OB_SEEN] = "SELECT 1 FROM message_items WHERE dedup_key = ?1",
  [OB_ADD_MESSAGE] =
    "INSERT INTO messages (channel, jurisdiction, subject, body, message_id,"
    " run_day, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [OB_ADD_DELIVERY] =
    "INSERT INTO deliveries (message, recipient, next_attempt_at)"
    " VALUES (?1, ?2, ?3)",
  [OB_ADD_ITEM] =
    "INSERT INTO message_items (dedup_key, message, recipient, jurisdiction,"
    " item, agency, period, kind, stage, run_day)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [OB_DUE] =
    "SELECT " DELIVERY_COLUMNS " FROM deliveries d"
    " JOIN messages m ON m.id = d.message"
    " WHERE d.status = 'queued' AND (?1 = 0 OR d.next_attempt_at <= ?1)"
    " ORDER BY d.next_attempt_at, d.id",
  [OB_GET] = "SELECT attempts FROM deliveries WHERE id = ?1",
  [OB_ATTEMPT] =
    "INSERT INTO attempts (delivery, at, ok, code, detail)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [OB_SENT] =
    "UPDATE deliveries SET status = 'sent', attempts = attempts + 1,"
    " sent_at = ?2, last_error = NULL WHERE id = ?1 AND status = 'queued'",
  [OB_REQUEUE] =
    "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?2,"
    " last_error = ?3 WHERE id = ?1 AND status = 'queued'",
  [OB_FAILED] =
    "UPDATE deliveries SET status = 'failed', attempts = attempts + 1,"
    " last_error = ?2 WHERE id = ?1 AND status = 'queued'",
  [OB_LIST] =
    "SELECT " DELIVERY_COLUMNS " FROM deliveries d"
    " JOIN messages m ON m.id = d.message ORDER BY d.id DESC",
  [OB_LIST_STATUS] =
    "SELECT " DELIVERY_COLUMNS " FROM deliveries d"
    " JOIN messages m ON m.id = d.message WHERE d.status = ?1"
    " ORDER BY d.id DESC",
  [OB_RETRY] =
    "UPDATE deliveries SET status = 'queued', attempts = 0,"
    " next_attempt_at = ?2 WHERE id = ?1 AND status IN ('queued', 'failed')",
  [OB_DROP] =
    "UPDATE deliveries SET status = 'dropped'"
    " WHERE id = ?1 AND status IN ('queued', 'failed')",
  [OB_HISTORY] =
    "SELECT a.at, d.id, m.channel, d.recipient, m.jurisdiction, m.subject,"
    " m.message_id, a.ok, a.code, a.detail, d.status,"
    " (SELECT group_concat(i.item || ' ' || coalesce(i.agency, '') || ' '"
    "  || coalesce(i.period, '') || ' ' || i.stage, '; ')"
    "  FROM message_items i WHERE i.message = m.id)"
    " FROM attempts a JOIN deliveries d ON d.id = a.delivery"
    " JOIN messages m ON m.id = d.message ORDER BY a.at, a.id",
  /* A server-wide failure: attempts stays, only the time and reason move. */
  [OB_DEFER] =
    "UPDATE deliveries SET next_attempt_at = ?2, last_error = ?3"
    " WHERE id = ?1 AND status = 'queued'",
  [OB_HOLD] =
    "UPDATE deliveries SET last_error = ?2 WHERE id = ?1 AND status = 'queued'",
  [OB_ADD_FAILED] =
    "INSERT INTO deliveries (message, recipient, status, attempts,"
    " next_attempt_at, last_error) VALUES (?1, ?2, 'failed', 0, ?3, ?4)",
  /* ?1 now, ?2 the status, ?3 since (0: any time). A queued delivery is
   * taken only when it waits (backoff or attempts counted); its time only
   * moves forward, so the queue's order stays. */
  [OB_RETRY_ALL] =
    "UPDATE deliveries SET attempts = 0,"
    " next_attempt_at = CASE WHEN status = 'failed' THEN ?1"
    "  ELSE min(next_attempt_at, ?1) END,"
    " status = 'queued'"
    " WHERE status = ?2"
    " AND (status = 'failed' OR attempts > 0 OR next_attempt_at > ?1)"
    " AND (?3 = 0 OR coalesce("
    "  (SELECT max(a.at) FROM attempts a WHERE a.delivery = deliveries.id),"
    "  (SELECT m.created_at FROM messages m WHERE m.id = deliveries.message))"
    "  >= ?3)",
  /* ?1 the status, ?2 the jurisdiction. A queued delivery counts only
   * when its last try did not go through (last_error set). */
  [OB_TROUBLES] =
    "SELECT " DELIVERY_COLUMNS " FROM deliveries d"
    " JOIN messages m ON m.id = d.message WHERE d.status = ?1"
    " AND m.jurisdiction = ?2"
    " AND (d.status <> 'queued' OR d.last_error IS NOT NULL)"
    " ORDER BY d.id DESC",
  [OB_COUNT] =
    "SELECT count(DISTINCT i.message) FROM message_items i"
    " JOIN messages m ON m.id = i.message"
    " WHERE i.recipient = ?1 AND m.channel = ?2"
    " AND i.run_day BETWEEN ?3 AND ?4 AND i.kind <> 'digest'",
};

struct outbox {
  struct store *store;
  sqlite3 *db;
  sqlite3_stmt *stmt[OB_N];
  bool batch;                   /* inside outbox_batch_begin … _end */
  int synchronous;              /* to restore after outbox_relax; -1: none */
  char err[512];
};

static int ob_fail(struct outbox *o, const char *what)
{
  snprintf(o->err, sizeof o->err, "outbox: %s: %s", what,
           sqlite3_errmsg(o->db));
  return -1;
}

struct outbox *outbox_open(struct store *s)
{
  struct outbox *o = calloc(1, sizeof *o);
  if (o == NULL)
    return NULL;
  o->store = s;
  o->db = store_handle(s);
  o->synchronous = -1;
  return o;
}

void outbox_close(struct outbox *o)
{
  if (o == NULL)
    return;
  for (int i = 0; i < OB_N; i++)
    (void)sqlite3_finalize(o->stmt[i]);
  free(o);
}

const char *outbox_errmsg(const struct outbox *o) { return o->err; }

static sqlite3_stmt *ob_stmt(struct outbox *o, enum outbox_stmt id)
{
  if (o->stmt[id] == NULL &&
      sqlite3_prepare_v2(o->db, outbox_sql[id], -1, &o->stmt[id], NULL) !=
          SQLITE_OK) {
    ob_fail(o, "preparing statement");
    return NULL;
  }
  return o->stmt[id];
}

/* Bind a NULL-terminated list described by `types`: 't' text, 'i' int64. */
static int ob_bind(struct outbox *o, sqlite3_stmt *st, const char *types, ...)
{
  va_list ap;
  int rc = SQLITE_OK;
  va_start(ap, types);
  for (int i = 0; types[i] && rc == SQLITE_OK; i++) {
    if (types[i] == 't') {
      const char *v = va_arg(ap, const char *);
      rc = v ? sqlite3_bind_text(st, i + 1, v, -1, SQLITE_TRANSIENT)
             : sqlite3_bind_null(st, i + 1);
    } else {
      rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, long long));
    }
  }
  va_end(ap);
  return rc == SQLITE_OK ? 0 : ob_fail(o, "binding");
}

static void ob_done(sqlite3_stmt *st)
{
  (void)sqlite3_reset(st);
  (void)sqlite3_clear_bindings(st);
}

/* Step a statement that returns no rows. */
static int ob_exec(struct outbox *o, sqlite3_stmt *st, const char *what)
{
  int rc = sqlite3_step(st);
  ob_done(st);
  return rc == SQLITE_DONE ? 0 : ob_fail(o, what);
}

int outbox_seen(struct outbox *o, const char *dedup_key)
{
  sqlite3_stmt *st = ob_stmt(o, OB_SEEN);
  if (st == NULL || ob_bind(o, st, "t", dedup_key) != 0)
    return -1;
  int rc = sqlite3_step(st);
  ob_done(st);
  if (rc == SQLITE_ROW)
    return 1;
  return rc == SQLITE_DONE ? 0 : ob_fail(o, "looking up an item");
}

int outbox_count(struct outbox *o, const char *channel,
                 const char *recipient, const char *from_day,
                 const char *to_day, size_t *n)
{
  sqlite3_stmt *st = ob_stmt(o, OB_COUNT);
  if (st == NULL ||
      ob_bind(o, st, "tttt", recipient, channel, from_day, to_day) != 0)
    return -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW)
    *n = (size_t)sqlite3_column_int64(st, 0);
  ob_done(st);
  return rc == SQLITE_ROW ? 0 : ob_fail(o, "counting messages");
}

int outbox_add_message(struct outbox *o, const char *channel,
                       const char *jurisdiction, const char *subject,
                       const char *body, const char *message_id,
                       const char *run_day, long long now, long long *id)
{
  sqlite3_stmt *st = ob_stmt(o, OB_ADD_MESSAGE);
  if (st == NULL || ob_bind(o, st, "tttttti", channel, jurisdiction, subject,
                            body, message_id, run_day, now) != 0 ||
      ob_exec(o, st, "queueing a message") != 0)
    return -1;
  *id = sqlite3_last_insert_rowid(o->db);
  return 0;
}

int outbox_add_delivery(struct outbox *o, long long message,
                        const char *recipient, long long now)
{
  sqlite3_stmt *st = ob_stmt(o, OB_ADD_DELIVERY);
  if (st == NULL || ob_bind(o, st, "iti", message, recipient, now) != 0)
    return -1;
  return ob_exec(o, st, "queueing a delivery");
}

int outbox_add_failed(struct outbox *o, long long message,
                      const char *recipient, const char *reason,
                      long long now)
{
  sqlite3_stmt *st = ob_stmt(o, OB_ADD_FAILED);
  sqlite3_stmt *att = ob_stmt(o, OB_ATTEMPT);
  if (st == NULL || att == NULL ||
      ob_bind(o, st, "itit", message, recipient, now, reason) != 0 ||
      ob_exec(o, st, "recording a failed delivery") != 0)
    return -1;
  long long delivery = sqlite3_last_insert_rowid(o->db);
  if (ob_bind(o, att, "iiiit", delivery, now, 0LL, 0LL, reason) != 0)
    return -1;
  return ob_exec(o, att, "recording why it failed");
}

int outbox_add_item(struct outbox *o, long long message,
                    const struct outbox_item *it)
{
  sqlite3_stmt *st = ob_stmt(o, OB_ADD_ITEM);
  if (st == NULL ||
      ob_bind(o, st, "titttttttt", it->dedup_key, message, it->recipient,
              it->jurisdiction, it->item, it->agency, it->period, it->kind,
              it->stage, it->run_day) != 0)
    return -1;
  return ob_exec(o, st, "recording an item");
}

/* ---- reading deliveries ---------------------------------------------- */

static char *col_dup(sqlite3_stmt *st, int col)
{
  const unsigned char *t = sqlite3_column_text(st, col);
  return t ? strdup((const char *)t) : NULL;
}

void outbox_deliveries_free(struct outbox_delivery *d, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    free(d[i].channel); free(d[i].recipient); free(d[i].subject);
    free(d[i].body); free(d[i].message_id); free(d[i].jurisdiction);
    free(d[i].status); free(d[i].last_error); free(d[i].run_day);
  }
  free(d);
}

/* Collect the rows of a DELIVERY_COLUMNS query. */
static int ob_collect(struct outbox *o, sqlite3_stmt *st,
                      struct outbox_delivery **out, size_t *n)
{
  size_t cap = 0;
  int rc;
  *out = NULL;
  *n = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      size_t ncap = cap ? cap * 2 : 16;
      struct outbox_delivery *nv = realloc(*out, ncap * sizeof *nv);
      if (nv == NULL)
        break;
      *out = nv;
      cap = ncap;
    }
    struct outbox_delivery *d = &(*out)[(*n)++];
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(st, 0);
    d->message = sqlite3_column_int64(st, 1);
    d->channel = col_dup(st, 2);
    d->recipient = col_dup(st, 3);
    d->subject = col_dup(st, 4);
    d->body = col_dup(st, 5);
    d->message_id = col_dup(st, 6);
    d->jurisdiction = col_dup(st, 7);
    d->status = col_dup(st, 8);
    d->last_error = col_dup(st, 9);
    d->run_day = col_dup(st, 10);
    d->attempts = sqlite3_column_int(st, 11);
    d->next_attempt_at = sqlite3_column_int64(st, 12);
    d->sent_at = sqlite3_column_int64(st, 13);
    d->created_at = sqlite3_column_int64(st, 14);
    if (!d->channel || !d->recipient || !d->subject || !d->body ||
        !d->message_id || !d->jurisdiction || !d->status || !d->run_day) {
      rc = SQLITE_NOMEM;
      break;
    }
  }
  ob_done(st);
  if (rc != SQLITE_DONE) {
    outbox_deliveries_free(*out, *n);
    *out = NULL;
    *n = 0;
    snprintf(o->err, sizeof o->err, "outbox: reading deliveries: %s",
             rc == SQLITE_ROW || rc == SQLITE_NOMEM ? "out of memory"
                                                    : sqlite3_errmsg(o->db));
    return -1;
  }
  return 0;
}

int outbox_due(struct outbox *o, long long now, struct outbox_delivery **out,
               size_t *n)
{
  sqlite3_stmt *st = ob_stmt(o, OB_DUE);
  if (st == NULL || ob_bind(o, st, "i", now) != 0)
    return -1;
  return ob_collect(o, st, out, n);
}

int outbox_list(struct outbox *o, const char *status,
                struct outbox_delivery **out, size_t *n)
{
  sqlite3_stmt *st = ob_stmt(o, status ? OB_LIST_STATUS : OB_LIST);
  if (st == NULL || (status && ob_bind(o, st, "t", status) != 0))
    return -1;
  return ob_collect(o, st, out, n);
}

int outbox_troubles(struct outbox *o, const char *status,
                    const char *jurisdiction, struct outbox_delivery **out,
                    size_t *n)
{
  sqlite3_stmt *st = ob_stmt(o, OB_TROUBLES);
  if (st == NULL || ob_bind(o, st, "tt", status, jurisdiction) != 0)
    return -1;
  return ob_collect(o, st, out, n);
}

/* ---- recording attempts --------------------------------------------- */

/* Open the transaction of one record: its own, or a part of the batch's
 * (a savepoint, undone alone if the record fails half-way). */
/* Inside a batch a record takes no savepoint of its own: a savepoint makes
 * SQLite copy each page the record touches into a sub-journal first
 * (callgrind, 10,000 webhooks: recording 708 → 604 million instructions
 * without it, together with reading the attempt count only when needed). Each
 * statement is still atomic, and a record writes its attempt — a fact —
 * before the delivery's state, so a record cut short leaves an attempt that
 * happened beside a delivery still queued: sent again by the next run, with
 * the same id. */
static int ob_tx_open(struct outbox *o)
{
  if (o->batch)
    return 0;
  int rc = store_begin(o->store);
  if (rc != 0)
    snprintf(o->err, sizeof o->err, "%s", store_errmsg(o->store));
  return rc;
}

static int ob_tx_close(struct outbox *o, bool keep)
{
  if (o->batch)
    return keep ? 0 : -1;
  if (!keep) {
    (void)store_rollback(o->store);
    return -1;
  }
  int rc = store_commit(o->store);
  if (rc != 0)
    snprintf(o->err, sizeof o->err, "%s", store_errmsg(o->store));
  return rc;
}

int outbox_batch_begin(struct outbox *o)
{
  if (o->batch || store_begin(o->store) != 0) {
    snprintf(o->err, sizeof o->err, "%s", o->batch
             ? "outbox: a batch is already open" : store_errmsg(o->store));
    return -1;
  }
  o->batch = true;
  return 0;
}

int outbox_batch_end(struct outbox *o)
{
  if (!o->batch)
    return 0;
  o->batch = false;
  if (store_commit(o->store) == 0)
    return 0;
  snprintf(o->err, sizeof o->err, "%s", store_errmsg(o->store));
  (void)store_rollback(o->store);
  return -1;
}

/* PRAGMA takes no parameters: one fixed statement per level. */
static const char *const ob_sync_sql[] = {
  "PRAGMA synchronous = OFF", "PRAGMA synchronous = NORMAL",
  "PRAGMA synchronous = FULL", "PRAGMA synchronous = EXTRA",
};

static int ob_pragma(struct outbox *o, const char *sql, int *value)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(o->db, sql, -1, &st, NULL) != SQLITE_OK)
    return ob_fail(o, "preparing a pragma");
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW && value != NULL)
    *value = sqlite3_column_int(st, 0);
  if (sqlite3_finalize(st) != SQLITE_OK ||
      (rc != SQLITE_ROW && rc != SQLITE_DONE))
    return ob_fail(o, "running a pragma");
  return 0;
}

int outbox_relax(struct outbox *o)
{
  int level;
  if (o->synchronous >= 0)
    return 0;
  if (ob_pragma(o, "PRAGMA synchronous", &level) != 0)
    return -1;
  if (level < 0 || level > 3)
    level = 2;
  if (ob_pragma(o, ob_sync_sql[1], NULL) != 0)
    return -1;
  o->synchronous = level;
  return 0;
}

int outbox_settle(struct outbox *o)
{
  if (o->synchronous < 0)
    return 0;
  int level = o->synchronous;
  o->synchronous = -1;
  /* The checkpoint writes the log to the database file and syncs both:
   * what the relaxed commits recorded is on disk from here on. */
  if (ob_pragma(o, ob_sync_sql[level], NULL) != 0 ||
      ob_pragma(o, "PRAGMA wal_checkpoint(PASSIVE)", NULL) != 0)
    return -1;
  return 0;
}

static long backoff(const struct outbox_retry *r, int attempts)
{
  long wait = r->base_seconds;
  for (int i = 1; i < attempts && wait < r->max_seconds; i++)
    wait = wait > r->max_seconds / 2 ? r->max_seconds : wait * 2;
  return wait > r->max_seconds ? r->max_seconds : wait;
}

/* What happens to a delivery after one attempt. */
enum ob_outcome { OB_OUT_SENT, OB_OUT_RETRY, OB_OUT_FAILED, OB_OUT_DEFER };

/* The current attempt count of a delivery, or -1 with err set. */
static int ob_attempts(struct outbox *o, long long delivery)
{
  sqlite3_stmt *get = ob_stmt(o, OB_GET);
  if (get == NULL || ob_bind(o, get, "i", delivery) != 0)
    return -1;
  int step = sqlite3_step(get);
  int attempts = step == SQLITE_ROW ? sqlite3_column_int(get, 0) : -1;
  ob_done(get);
  if (attempts < 0 && step == SQLITE_DONE)
    snprintf(o->err, sizeof o->err, "outbox: no delivery %lld", delivery);
  else if (attempts < 0)
    ob_fail(o, "finding the delivery");
  return attempts;
}

/* The attempt row and the delivery's new state, in one transaction. A
 * temporary failure becomes OB_OUT_FAILED when it uses up the attempts. */
static int ob_attempt(struct outbox *o, long long delivery, long long now,
                      enum ob_outcome out, long code, const char *detail,
                      long retry_after, const struct outbox_retry *retry,
                      bool *failed_now)
{
  sqlite3_stmt *att = ob_stmt(o, OB_ATTEMPT);
  sqlite3_stmt *sent = ob_stmt(o, OB_SENT), *failed = ob_stmt(o, OB_FAILED);
  sqlite3_stmt *req = ob_stmt(o, OB_REQUEUE), *defer = ob_stmt(o, OB_DEFER);
  *failed_now = false;
  if (!att || !sent || !failed || !req || !defer)
    return -1;
  if (ob_tx_open(o) != 0)
    return -1;
  /* The count matters only to a delivery that may go on waiting; for the
   * others the attempt's reference to its delivery is the check (foreign
   * key). */
  int attempts = 0;
  if (out == OB_OUT_RETRY || out == OB_OUT_DEFER)
    attempts = ob_attempts(o, delivery);
  int rc = attempts < 0 ? -1 : 0;
  if (rc == 0)
    rc = ob_bind(o, att, "iiiit", delivery, now,
                 (long long)(out == OB_OUT_SENT), (long long)code, detail) ||
         ob_exec(o, att, "recording an attempt");
  if (rc != 0 && sqlite3_extended_errcode(o->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
    snprintf(o->err, sizeof o->err, "outbox: no delivery %lld", delivery);
  if (out == OB_OUT_RETRY && attempts + 1 >= retry->max_attempts)
    out = OB_OUT_FAILED;
  if (rc == 0 && out == OB_OUT_SENT) {
    rc = ob_bind(o, sent, "ii", delivery, now) ||
         ob_exec(o, sent, "marking sent");
  } else if (rc == 0 && out == OB_OUT_FAILED) {
    *failed_now = true;
    rc = ob_bind(o, failed, "it", delivery, detail) ||
         ob_exec(o, failed, "marking failed");
  } else if (rc == 0) {
    /* A deferral waits as the next counted attempt would, without
     * counting: its wait does not grow, so the server is tried again on
     * each run until it answers. */
    long wait = backoff(retry, attempts + 1);
    if (retry_after > wait)
      wait = retry_after;
    sqlite3_stmt *st = out == OB_OUT_DEFER ? defer : req;
    rc = ob_bind(o, st, "iit", delivery, now + wait, detail) ||
         ob_exec(o, st, "rescheduling");
  }
  return ob_tx_close(o, rc == 0);
}

int outbox_record(struct outbox *o, long long delivery, long long now,
                  bool ok, bool permanent, long code, const char *detail,
                  long retry_after, const struct outbox_retry *retry,
                  bool *failed_now)
{
  enum ob_outcome out = ok ? OB_OUT_SENT
                        : permanent ? OB_OUT_FAILED : OB_OUT_RETRY;
  return ob_attempt(o, delivery, now, out, code, detail, retry_after, retry,
                    failed_now);
}

int outbox_defer(struct outbox *o, long long delivery, long long now,
                 long code, const char *detail, long retry_after,
                 const struct outbox_retry *retry)
{
  bool failed_now;
  return ob_attempt(o, delivery, now, OB_OUT_DEFER, code, detail,
                    retry_after, retry, &failed_now);
}

int outbox_hold(struct outbox *o, const long long *ids, size_t n,
                const char *reason)
{
  sqlite3_stmt *st = ob_stmt(o, OB_HOLD);
  if (st == NULL)
    return -1;
  if (n == 0)
    return 0;
  if (ob_tx_open(o) != 0)
    return -1;
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    rc = ob_bind(o, st, "it", ids[i], reason) ||
         ob_exec(o, st, "noting why a delivery waits");
  return ob_tx_close(o, rc == 0);
}

static int ob_change(struct outbox *o, sqlite3_stmt *st, const char *what)
{
  if (ob_exec(o, st, what) != 0)
    return -1;
  return sqlite3_changes(o->db) ? 0 : 1;
}

int outbox_retry(struct outbox *o, long long id, long long now)
{
  sqlite3_stmt *st = ob_stmt(o, OB_RETRY);
  if (st == NULL || ob_bind(o, st, "ii", id, now) != 0)
    return -1;
  return ob_change(o, st, "retrying");
}

int outbox_retry_all(struct outbox *o, const char *status, long long since,
                     long long now, long long *count)
{
  sqlite3_stmt *st = ob_stmt(o, OB_RETRY_ALL);
  *count = 0;
  if (status == NULL || (strcmp(status, "failed") != 0 &&
                         strcmp(status, "queued") != 0)) {
    snprintf(o->err, sizeof o->err, "outbox: retry --all takes only failed "
             "or queued deliveries, not '%s'", status ? status : "(none)");
    return -1;
  }
  if (st == NULL || ob_bind(o, st, "iti", now, status, since) != 0 ||
      ob_exec(o, st, "retrying") != 0)
    return -1;
  *count = sqlite3_changes(o->db);
  return 0;
}

int outbox_drop(struct outbox *o, long long id)
{
  sqlite3_stmt *st = ob_stmt(o, OB_DROP);
  if (st == NULL || ob_bind(o, st, "i", id) != 0)
    return -1;
  return ob_change(o, st, "dropping");
}

/* ---- the ledger as CSV ---------------------------------------------- */

/* The cells are csv_write's: quoted, with the formula guard. */
static void csv_field(FILE *out, const char *s, int last)
{
  csv_write_field(out, s, last != 0);
}

int outbox_history_csv(struct outbox *o, FILE *out, int utc_offset_minutes)
{
  sqlite3_stmt *st = ob_stmt(o, OB_HISTORY);
  static const char *const head[] = {
    "attempted_at", "delivery", "channel", "recipient", "jurisdiction",
    "subject", "message_id", "ok", "code", "detail", "status", "items"
  };
  if (st == NULL)
    return -1;
  for (size_t i = 0; i < 12; i++)
    csv_field(out, head[i], i == 11);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    char when[32], num[3][24];
    time_t t = (time_t)sqlite3_column_int64(st, 0);
    struct tm tm;
    /* Evidence is read locally: the configured zone, with its offset. */
    int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
    char zone[8];
    snprintf(zone, sizeof zone, "%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+',
             off / 60, off % 60);
    t += (time_t)utc_offset_minutes * 60;
    if (gmtime_r(&t, &tm) == NULL ||
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm) == 0)
      snprintf(when, sizeof when, "?");
    else
      strncat(when, zone, sizeof when - strlen(when) - 1);
    snprintf(num[0], sizeof num[0], "%lld",
             (long long)sqlite3_column_int64(st, 1));
    snprintf(num[1], sizeof num[1], "%s",
             sqlite3_column_int(st, 7) ? "yes" : "no");
    snprintf(num[2], sizeof num[2], "%lld",
             (long long)sqlite3_column_int64(st, 8));
    csv_field(out, when, 0);
    csv_field(out, num[0], 0);
    for (int c = 2; c <= 6; c++)
      csv_field(out, (const char *)sqlite3_column_text(st, c), 0);
    csv_field(out, num[1], 0);
    csv_field(out, num[2], 0);
    csv_field(out, (const char *)sqlite3_column_text(st, 9), 0);
    csv_field(out, (const char *)sqlite3_column_text(st, 10), 0);
    csv_field(out, (const char *)sqlite3_column_text(st, 11), 1);
  }
  ob_done(st);
  if (rc != SQLITE_DONE)
    return ob_fail(o, "reading the ledger");
  return ferror(out) ? -1 : 0;
}
