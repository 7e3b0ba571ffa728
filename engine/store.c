/*
 * store.c — the SQLite database: received reports and indicator values.
 *
 * The rules say what is owed; this module keeps what came in (submissions
 * and observations) so evaluate.c can compare the two. It owns one SQLite
 * connection per struct store and is the only code that speaks SQL.
 *
 * Design choices, and why:
 *  - The schema lives in an ordered list of migrations. PRAGMA user_version
 *    counts how many have been applied; opening applies the missing ones,
 *    each in its own BEGIN IMMEDIATE transaction together with the version
 *    bump, so a crash leaves the file at a whole version, never between.
 *    The version is read again once the write lock is held, so two
 *    processes opening a fresh file at once do not both migrate it. Later
 *    layers (outbox, ledger) append to the list; never edit an entry that
 *    has shipped, add a new one.
 *  - A file newer than this build is refused rather than written to: an old
 *    binary cannot know what the new tables mean.
 *  - WAL lets the CLI read while the daemon writes; busy_timeout turns brief
 *    lock contention into a wait instead of an error.
 *  - Statements are prepared once, on first use, and kept until close; every
 *    value is a bound parameter. The only SQL text assembled at run time is
 *    "PRAGMA user_version = N" from the migration index (PRAGMA takes no
 *    parameters), never from data.
 *  - Cached statements are reset right after use, so no read transaction
 *    stays open behind the caller's back (that would stall WAL checkpoints).
 *  - Dates are stored as "YYYY-MM-DD" text: readable in the sqlite3 shell,
 *    and text order is date order.
 */
#include "store.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

/* ---- schema ----------------------------------------------------------- */

/* Migration i (0-based) takes the schema from version i to version i + 1.
 * Append only. */
static const char *const store_migrations[] = {
  /* 1: submissions and observations. */
  "CREATE TABLE submissions ("
  "  id          INTEGER PRIMARY KEY,"
  "  jurisdiction TEXT NOT NULL,"
  "  agency      TEXT NOT NULL,"
  "  obligation  TEXT NOT NULL,"
  "  period      TEXT NOT NULL,"
  "  received_on TEXT NOT NULL,"            /* YYYY-MM-DD */
  "  note        TEXT,"
  "  recorded_at TEXT NOT NULL"
  "              DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
  "  UNIQUE (jurisdiction, agency, obligation, period)"
  ");"
  "CREATE TABLE observations ("
  "  id          INTEGER PRIMARY KEY,"
  "  jurisdiction TEXT NOT NULL,"
  "  indicator   TEXT NOT NULL,"
  "  unit        TEXT NOT NULL,"
  "  period      TEXT NOT NULL,"
  "  value       REAL NOT NULL,"
  "  source      TEXT,"
  "  recorded_at TEXT NOT NULL"
  "              DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
  "  UNIQUE (jurisdiction, indicator, unit, period)"
  ");",

  /* 2: grants (extensions, exemptions) and the outbox with its ledger.
   * A grant is never updated: a second extension is a new row, and the
   * newest one applies, so the record shows every decision. */
  "CREATE TABLE grants ("
  "  id          INTEGER PRIMARY KEY,"
  "  jurisdiction TEXT NOT NULL,"
  "  agency      TEXT NOT NULL,"
  "  obligation  TEXT NOT NULL,"
  "  period      TEXT NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('extension', 'exemption')),"
  "  new_due     TEXT,"                     /* extensions: YYYY-MM-DD */
  "  letter      TEXT NOT NULL,"            /* the official letter's number */
  "  reason      TEXT,"
  "  granted_on  TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL"
  "              DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
  "  CHECK ((kind = 'extension') = (new_due IS NOT NULL))"
  ");"
  "CREATE INDEX grants_key ON grants (jurisdiction, agency, obligation, period);"
  /* One rendered message (an email or a webhook body) … */
  "CREATE TABLE messages ("
  "  id          INTEGER PRIMARY KEY,"
  "  channel     TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),"
  "  jurisdiction TEXT NOT NULL,"
  "  subject     TEXT NOT NULL,"
  "  body        TEXT NOT NULL,"
  "  message_id  TEXT NOT NULL UNIQUE,"     /* Message-ID / webhook-id */
  "  run_day     TEXT NOT NULL,"            /* the --now day that made it */
  "  created_at  INTEGER NOT NULL"          /* unix seconds */
  ");"
  /* … goes to one or more recipients, each a delivery with its own state … */
  "CREATE TABLE deliveries ("
  "  id          INTEGER PRIMARY KEY,"
  "  message     INTEGER NOT NULL REFERENCES messages (id),"
  "  recipient   TEXT NOT NULL,"            /* address or endpoint name */
  "  status      TEXT NOT NULL DEFAULT 'queued'"
  "              CHECK (status IN ('queued', 'sent', 'failed', 'dropped')),"
  "  attempts    INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  last_error  TEXT,"
  "  sent_at     INTEGER,"
  "  UNIQUE (message, recipient)"
  ");"
  "CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);"
  /* … about items, each at most once per recipient and stage … */
  "CREATE TABLE message_items ("
  "  dedup_key   TEXT PRIMARY KEY,"         /* recipient|jur|item|agency|period|stage */
  "  message     INTEGER NOT NULL REFERENCES messages (id),"
  "  recipient   TEXT NOT NULL,"
  "  jurisdiction TEXT NOT NULL,"
  "  item        TEXT NOT NULL,"            /* obligation or indicator id */
  "  agency      TEXT,"
  "  period      TEXT,"
  "  kind        TEXT NOT NULL,"
  "  stage       TEXT NOT NULL,"
  "  run_day     TEXT NOT NULL"
  ");"
  "CREATE INDEX message_items_item ON message_items"
  "  (recipient, jurisdiction, item, period, kind, run_day);"
  /* … and every attempt is kept: the evidence for the Committee. */
  "CREATE TABLE attempts ("
  "  id          INTEGER PRIMARY KEY,"
  "  delivery    INTEGER NOT NULL REFERENCES deliveries (id),"
  "  at          INTEGER NOT NULL,"
  "  ok          INTEGER NOT NULL,"
  "  code        INTEGER,"
  "  detail      TEXT"
  ");",
  /* 3: deliveries' status check as comparisons. SQLite checks an IN list
   * of four values by building a temporary index on every write to the
   * row, and that was half the cost of recording a delivery (callgrind,
   * 10,000 webhooks: 60,000 instructions a record, 28,000 after). Same
   * columns, rows and meaning; rebuilt the way SQLite's ALTER TABLE page
   * describes, with foreign keys off (store_setup turns them on after
   * migrating). */
  "CREATE TABLE deliveries_v3 ("
  "  id          INTEGER PRIMARY KEY,"
  "  message     INTEGER NOT NULL REFERENCES messages (id),"
  "  recipient   TEXT NOT NULL,"
  "  status      TEXT NOT NULL DEFAULT 'queued'"
  "              CHECK (status = 'queued' OR status = 'sent'"
  "                     OR status = 'failed' OR status = 'dropped'),"
  "  attempts    INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  last_error  TEXT,"
  "  sent_at     INTEGER,"
  "  UNIQUE (message, recipient)"
  ");"
  "INSERT INTO deliveries_v3 (id, message, recipient, status, attempts,"
  "  next_attempt_at, last_error, sent_at)"
  " SELECT id, message, recipient, status, attempts, next_attempt_at,"
  "  last_error, sent_at FROM deliveries;"
  "DROP TABLE deliveries;"
  "ALTER TABLE deliveries_v3 RENAME TO deliveries;"
  "CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);",
};

#define STORE_N_MIGRATIONS \
  ((int)(sizeof store_migrations / sizeof store_migrations[0]))

/* ---- cached statements ------------------------------------------------ */

enum store_stmt_id {
  STORE_BEGIN,
  STORE_COMMIT,
  STORE_ROLLBACK,
  STORE_SAVEPOINT,
  STORE_RELEASE,
  STORE_ROLLBACK_TO,
  STORE_SUB_PUT,
  STORE_SUB_GET,
  STORE_OBS_PUT,
  STORE_OBS_ADD,
  STORE_OBS_EACH,
  STORE_OBS_GET,
  STORE_SUB_REPLACE,
  STORE_GRANT_PUT,
  STORE_GRANT_GET,
  STORE_SUB_SCAN,
  STORE_GRANT_SCAN,
  STORE_N_STMTS
};

static const char *const store_sql[STORE_N_STMTS] = {
  [STORE_BEGIN] = "BEGIN IMMEDIATE",
  [STORE_COMMIT] = "COMMIT",
  [STORE_ROLLBACK] = "ROLLBACK",
  /* One name serves every level: SQLite matches the innermost. */
  [STORE_SAVEPOINT] = "SAVEPOINT dondoc_part",
  [STORE_RELEASE] = "RELEASE dondoc_part",
  [STORE_ROLLBACK_TO] = "ROLLBACK TO dondoc_part",
  /* A report is received once: a second report for the same key is a
   * resubmission or a duplicate import, and the first date is the one that
   * counts against the deadline. */
  [STORE_SUB_PUT] =
    "INSERT INTO submissions"
    " (jurisdiction, agency, obligation, period, received_on, note,"
    "  recorded_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT DO NOTHING",
  [STORE_SUB_GET] =
    "SELECT received_on FROM submissions"
    " WHERE jurisdiction = ?1 AND agency = ?2 AND obligation = ?3"
    "   AND period = ?4",
  /* Indicator values get corrected by the statistics office: the latest
   * figure wins. */
  [STORE_OBS_PUT] =
    "INSERT INTO observations"
    " (jurisdiction, indicator, unit, period, value, source, recorded_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (jurisdiction, indicator, unit, period) DO UPDATE SET"
    "   value = excluded.value, source = excluded.source,"
    "   recorded_at = excluded.recorded_at",
  /* A first value only (import: a value already recorded is compared,
   * not overwritten). */
  [STORE_OBS_ADD] =
    "INSERT INTO observations"
    " (jurisdiction, indicator, unit, period, value, source, recorded_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT DO NOTHING",
  /* The UNIQUE index on (jurisdiction, indicator, unit, period) serves both
   * the filter and the order. */
  [STORE_OBS_EACH] =
    "SELECT indicator, unit, period, value FROM observations"
    " WHERE jurisdiction = ?1 AND indicator = ?2 AND unit = ?3"
    " ORDER BY period",
  [STORE_OBS_GET] =
    "SELECT value FROM observations"
    " WHERE jurisdiction = ?1 AND indicator = ?2 AND unit = ?3"
    "   AND period = ?4",
  /* Only import --replace moves a receipt date, and only to an earlier
   * day: the first receipt is the one that counts. */
  [STORE_SUB_REPLACE] =
    "UPDATE submissions SET received_on = ?5, note = COALESCE(?6, note),"
    "   recorded_at = ?7"
    " WHERE jurisdiction = ?1 AND agency = ?2 AND obligation = ?3"
    "   AND period = ?4",
  [STORE_GRANT_PUT] =
    "INSERT INTO grants (jurisdiction, agency, obligation, period, kind,"
    " new_due, letter, reason, granted_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  /* The newest grant made by a day is the one in force that day. */
  [STORE_GRANT_GET] =
    "SELECT kind, new_due, letter, reason, granted_on FROM grants"
    " WHERE jurisdiction = ?1 AND agency = ?2 AND obligation = ?3"
    "   AND period = ?4 AND granted_on <= ?5"
    " ORDER BY granted_on DESC, id DESC LIMIT 1",
  /* Evaluation reads a jurisdiction's reports in one ordered walk of the
   * UNIQUE index rather than one query per agency and period. Period ids
   * begin with the year the period starts in, so "period >= '2024'" is
   * every period from 2024 on. */
  [STORE_SUB_SCAN] =
    "SELECT agency, obligation, period, received_on FROM submissions"
    " WHERE jurisdiction = ?1 AND period >= ?2"
    " ORDER BY agency, obligation, period",
  [STORE_GRANT_SCAN] =
    "SELECT agency, obligation, period, kind, new_due, letter, reason,"
    " granted_on FROM grants"
    " WHERE jurisdiction = ?1 AND period >= ?2 AND granted_on <= ?3"
    " ORDER BY agency, obligation, period, granted_on DESC, id DESC",
};

struct store {
  sqlite3 *db;
  char *path;
  int version;
  int walking;                  /* store_observations_each in progress */
  char *grant_letter, *grant_reason;   /* the last store_grant_get's text */
  time_t stamped;               /* the second `stamp` spells */
  char stamp[24];               /* "YYYY-MM-DDTHH:MM:SSZ", recorded_at */
  sqlite3_stmt *stmt[STORE_N_STMTS];
  char err[STORE_ERR_LEN];
};

/* ---- errors ----------------------------------------------------------- */

/* Record "PATH: message" as the connection's last error. */
static void store_fail(struct store *s, const char *fmt, ...)
{
  int n = snprintf(s->err, sizeof s->err, "%s: ", s->path);
  if (n < 0 || (size_t)n >= sizeof s->err)
    return;                     /* the path alone filled the buffer */
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->err + n, sizeof s->err - (size_t)n, fmt, ap);
  va_end(ap);
}

/* Record SQLite's own message for the last failed call, with context. */
static void store_fail_db(struct store *s, const char *what)
{
  store_fail(s, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* ---- statement helpers ------------------------------------------------ */

static sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id)
{
  if (s->stmt[id] == NULL) {
    /* PERSISTENT: these live for the whole connection, so SQLite should
     * not take their memory from the lookaside pool meant for short-lived
     * ones. */
    int rc = sqlite3_prepare_v3(s->db, store_sql[id], -1,
                                SQLITE_PREPARE_PERSISTENT, &s->stmt[id],
                                NULL);
    if (rc != SQLITE_OK) {
      store_fail_db(s, "preparing statement");
      (void)sqlite3_finalize(s->stmt[id]);   /* NULL on failure: a no-op */
      s->stmt[id] = NULL;
      return NULL;
    }
  }
  return s->stmt[id];
}

/* Ready a cached statement for another use. The return value of
 * sqlite3_reset only repeats the error of the last step, which the caller
 * has already reported, and clear_bindings always succeeds; both are
 * called for their effect: end the statement's transaction and drop
 * pointers into the caller's strings. */
static void store_done(sqlite3_stmt *st)
{
  (void)sqlite3_reset(st);
  (void)sqlite3_clear_bindings(st);
}

/* Bind text (NULL binds SQL NULL). SQLITE_STATIC is safe: each statement is
 * stepped and its bindings cleared before the public function returns. */
static int store_bind_text(struct store *s, sqlite3_stmt *st, int i,
                           const char *v)
{
  if (sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) != SQLITE_OK) {
    store_fail_db(s, "binding parameter");
    return -1;
  }
  return 0;
}

static int store_bind_texts(struct store *s, sqlite3_stmt *st,
                            const char *const *v, int n)
{
  for (int i = 0; i < n; i++)
    if (store_bind_text(s, st, i + 1, v[i]) != 0)
      return -1;
  return 0;
}

/* When a row is recorded, as the schema's default would spell it
 * (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) — made here once a second
 * instead of by SQLite for every row, where it was a fifth of the cost of
 * importing one. NULL (refused by the NOT NULL column) if the clock
 * cannot be read. */
static const char *store_stamp(struct store *s)
{
  time_t now = time(NULL);
  if (now == (time_t)-1)
    return NULL;
  if (now != s->stamped || s->stamp[0] == '\0') {
    struct tm tm;
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(s->stamp, sizeof s->stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
      s->stamp[0] = '\0';
      return NULL;
    }
    s->stamped = now;
  }
  return s->stamp;
}

/* Step a statement that returns no rows; reset it either way. */
static int store_run(struct store *s, sqlite3_stmt *st, const char *what)
{
  int rc = sqlite3_step(st);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    store_fail_db(s, what);
    store_done(st);
    return -1;
  }
  store_done(st);
  return 0;
}

/* Run every statement of a static SQL script (the migrations, the
 * pragmas). Unlike sqlite3_exec this keeps errors on our path. */
static int store_exec(struct store *s, const char *sql, const char *what)
{
  while (*sql != '\0') {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK) {
      store_fail_db(s, what);
      return -1;
    }
    if (st == NULL)             /* only whitespace or comments were left */
      break;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
      ;
    if (rc != SQLITE_DONE) {
      store_fail_db(s, what);
      (void)sqlite3_finalize(st);     /* repeats the step's error */
      return -1;
    }
    if (sqlite3_finalize(st) != SQLITE_OK) {
      store_fail_db(s, what);
      return -1;
    }
    sql = tail;
  }
  return 0;
}

/* Run a one-row pragma query and return its first column as an integer. */
static int store_pragma_int(struct store *s, const char *sql, int *out)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
    store_fail_db(s, "reading schema version");
    return -1;
  }
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    store_fail_db(s, "reading schema version");
    (void)sqlite3_finalize(st);       /* repeats the step's error */
    return -1;
  }
  *out = sqlite3_column_int(st, 0);
  if (sqlite3_finalize(st) != SQLITE_OK) {
    store_fail_db(s, "reading schema version");
    return -1;
  }
  return 0;
}

/* ---- open, configure, migrate ----------------------------------------- */

static int store_set_wal(struct store *s)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL)
      != SQLITE_OK) {
    store_fail_db(s, "setting WAL mode");
    return -1;
  }
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    store_fail_db(s, "setting WAL mode");
    (void)sqlite3_finalize(st);       /* repeats the step's error */
    return -1;
  }
  /* The pragma reports the mode actually in force; SQLite silently keeps
   * another one where WAL is impossible (an in-memory database, say). */
  const unsigned char *mode = sqlite3_column_text(st, 0);
  int ok = mode != NULL && sqlite3_stricmp((const char *)mode, "wal") == 0;
  if (!ok)
    store_fail(s, "cannot use WAL journal mode (got \"%s\")",
               mode ? (const char *)mode : "?");
  if (sqlite3_finalize(st) != SQLITE_OK && ok) {
    store_fail_db(s, "setting WAL mode");
    ok = 0;
  }
  return ok ? 0 : -1;
}

static int store_check_version(struct store *s, int v)
{
  if (v > STORE_N_MIGRATIONS) {
    store_fail(s, "database schema version %d is newer than this dondoc (%d)",
               v, STORE_N_MIGRATIONS);
    return -1;
  }
  if (v < 0) {
    store_fail(s, "database schema version %d is not valid", v);
    return -1;
  }
  return 0;
}

/* Apply migration v (taking the schema from v to v + 1) inside the write
 * transaction the caller holds. */
static int store_apply(struct store *s, int v)
{
  char what[48], bump[48];
  snprintf(what, sizeof what, "migration %d", v + 1);
  if (store_exec(s, store_migrations[v], what) != 0)
    return -1;
  /* PRAGMA cannot take a bound parameter; the number is our own index. */
  snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
  return store_exec(s, bump, what);
}

static int store_migrate(struct store *s)
{
  int v;
  if (store_pragma_int(s, "PRAGMA user_version", &v) != 0 ||
      store_check_version(s, v) != 0)
    return -1;

  while (v < STORE_N_MIGRATIONS) {
    if (store_exec(s, "BEGIN IMMEDIATE", "starting migration") != 0)
      return -1;
    /* Another process may have migrated while we waited for the lock. */
    int ok = store_pragma_int(s, "PRAGMA user_version", &v) == 0 &&
             store_check_version(s, v) == 0;
    if (ok && v < STORE_N_MIGRATIONS) {
      ok = store_apply(s, v) == 0;
      if (ok)
        v++;
    }
    if (ok && store_exec(s, "COMMIT", "committing migration") != 0)
      ok = 0;
    if (!ok) {
      /* Keep the message that explains the failure, not the rollback's.
       * A failed COMMIT can leave the transaction open, so roll back
       * whenever one is still active. */
      if (!sqlite3_get_autocommit(s->db)) {
        char keep[STORE_ERR_LEN];
        memcpy(keep, s->err, sizeof keep);
        (void)store_exec(s, "ROLLBACK", "rolling back migration");
        memcpy(s->err, keep, sizeof keep);
      }
      return -1;
    }
  }
  s->version = v;
  return 0;
}

static int store_setup(struct store *s)
{
  int rc = sqlite3_open_v2(s->path, &s->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    /* db may still be allocated, carrying the message. */
    store_fail(s, "%s", s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
    return -1;
  }
  if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK) {
    store_fail_db(s, "setting busy timeout");
    return -1;
  }
  /* READWRITE quietly degrades to read-only on a write-protected file;
   * say so now instead of failing on the first write. */
  if (sqlite3_db_readonly(s->db, "main") == 1) {
    store_fail(s, "database is read-only");
    return -1;
  }
  if (store_set_wal(s) != 0)
    return -1;
  /* Migrations run before foreign keys are enforced: a rebuilt table is
   * dropped and renamed while others still refer to it. */
  if (store_migrate(s) != 0)
    return -1;
  return store_exec(s, "PRAGMA foreign_keys = ON", "enabling foreign keys");
}

struct store *store_open(const char *path, char err[STORE_ERR_LEN])
{
  struct store *s = calloc(1, sizeof *s);
  char *copy = path ? strdup(path) : NULL;
  if (s == NULL || copy == NULL) {
    if (err)
      snprintf(err, STORE_ERR_LEN, "%s: %s", path ? path : "(null)",
               path ? "out of memory" : "no database path");
    free(copy);
    free(s);
    return NULL;
  }
  s->path = copy;
  if (store_setup(s) != 0) {
    if (err)
      snprintf(err, STORE_ERR_LEN, "%s", s->err);
    store_close(s);
    return NULL;
  }
  return s;
}

void store_close(struct store *s)
{
  if (s == NULL)
    return;
  for (int i = 0; i < STORE_N_STMTS; i++)
    (void)sqlite3_finalize(s->stmt[i]);  /* repeats a step error, if any */
  /* close_v2 cannot fail on a valid handle (it defers if anything were
   * still open) and accepts NULL; an open transaction is rolled back. */
  (void)sqlite3_close_v2(s->db);
  free(s->grant_letter);
  free(s->grant_reason);
  free(s->path);
  free(s);
}

int store_schema_version(struct store *s)
{
  return s->version;
}

int store_latest_version(void)
{
  return STORE_N_MIGRATIONS;
}

const char *store_errmsg(struct store *s)
{
  return s ? s->err : "no database";
}

/* ---- transactions ----------------------------------------------------- */

static int store_simple(struct store *s, enum store_stmt_id id,
                        const char *what)
{
  sqlite3_stmt *st = store_stmt(s, id);
  if (st == NULL)
    return -1;
  return store_run(s, st, what);
}

int store_begin(struct store *s)
{
  return store_simple(s, STORE_BEGIN, "beginning transaction");
}

int store_commit(struct store *s)
{
  return store_simple(s, STORE_COMMIT, "committing transaction");
}

int store_rollback(struct store *s)
{
  return store_simple(s, STORE_ROLLBACK, "rolling back transaction");
}

int store_savepoint(struct store *s)
{
  return store_simple(s, STORE_SAVEPOINT, "opening savepoint");
}

int store_savepoint_release(struct store *s)
{
  return store_simple(s, STORE_RELEASE, "releasing savepoint");
}

int store_savepoint_undo(struct store *s)
{
  /* ROLLBACK TO undoes the writes but leaves the savepoint open; RELEASE
   * then closes it, so the caller's nesting stays balanced. */
  if (store_simple(s, STORE_ROLLBACK_TO, "rolling back to savepoint") != 0)
    return -1;
  return store_simple(s, STORE_RELEASE, "releasing savepoint");
}

/* ---- submissions ------------------------------------------------------ */

int store_submission_put(struct store *s, const char *jurisdiction,
                         const char *agency, const char *obligation,
                         const char *period, cal_day received,
                         const char *note)
{
  sqlite3_stmt *st = store_stmt(s, STORE_SUB_PUT);
  if (st == NULL)
    return -1;
  char date[CAL_DATE_LEN];
  cal_format(received, date);
  const char *v[] = { jurisdiction, agency, obligation, period, date, note,
                      store_stamp(s) };
  if (store_bind_texts(s, st, v, 7) != 0) {
    store_done(st);
    return -1;
  }
  if (store_run(s, st, "recording submission") != 0)
    return -1;
  return sqlite3_changes(s->db) == 0 ? 1 : 0;
}

int store_submission_get(struct store *s, const char *jurisdiction,
                         const char *agency, const char *obligation,
                         const char *period, cal_day *received)
{
  sqlite3_stmt *st = store_stmt(s, STORE_SUB_GET);
  if (st == NULL)
    return -1;
  const char *v[] = { jurisdiction, agency, obligation, period };
  if (store_bind_texts(s, st, v, 4) != 0) {
    store_done(st);
    return -1;
  }
  int ret;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) {
    ret = 0;
  } else if (rc == SQLITE_ROW) {
    const unsigned char *text = sqlite3_column_text(st, 0);
    cal_day d;
    if (text == NULL) {
      store_fail(s, "reading submission: out of memory");
      ret = -1;
    } else if (cal_parse_date((const char *)text, &d) != 0) {
      /* Only reachable if something other than dondoc wrote the row. */
      store_fail(s, "submission %s/%s/%s/%s has a bad date \"%s\"",
                 jurisdiction, agency, obligation, period,
                 (const char *)text);
      ret = -1;
    } else {
      if (received)
        *received = d;
      ret = 1;
    }
  } else {
    store_fail_db(s, "reading submission");
    ret = -1;
  }
  store_done(st);
  return ret;
}

int store_submission_replace(struct store *s, const char *jurisdiction,
                             const char *agency, const char *obligation,
                             const char *period, cal_day received,
                             const char *note)
{
  sqlite3_stmt *st = store_stmt(s, STORE_SUB_REPLACE);
  if (st == NULL)
    return -1;
  char date[CAL_DATE_LEN];
  cal_format(received, date);
  const char *v[] = { jurisdiction, agency, obligation, period, date, note,
                      store_stamp(s) };
  if (store_bind_texts(s, st, v, 7) != 0) {
    store_done(st);
    return -1;
  }
  if (store_run(s, st, "replacing submission") != 0)
    return -1;
  if (sqlite3_changes(s->db) == 0) {
    store_fail(s, "submission %s/%s/%s/%s to replace is not recorded",
               jurisdiction, agency, obligation, period);
    return -1;
  }
  return 0;
}

/* ---- observations ----------------------------------------------------- */

int store_observation_get(struct store *s, const char *jurisdiction,
                          const char *indicator, const char *unit,
                          const char *period, double *value)
{
  sqlite3_stmt *st = store_stmt(s, STORE_OBS_GET);
  if (st == NULL)
    return -1;
  const char *v[] = { jurisdiction, indicator, unit, period };
  if (store_bind_texts(s, st, v, 4) != 0) {
    store_done(st);
    return -1;
  }
  int ret, rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    if (value)
      *value = sqlite3_column_double(st, 0);
    ret = 1;
  } else if (rc == SQLITE_DONE) {
    ret = 0;
  } else {
    store_fail_db(s, "reading observation");
    ret = -1;
  }
  store_done(st);
  return ret;
}

/* Write an observation with statement `which` (STORE_OBS_PUT or _ADD):
 * its key, value, source and time as ?1 … ?7. Returns the rows changed
 * (0 or 1), or -1. */
static int store_observation_write(struct store *s, enum store_stmt_id which,
                                   const char *jurisdiction,
                                   const char *indicator, const char *unit,
                                   const char *period, double value,
                                   const char *source)
{
  /* SQLite stores NaN as NULL, which would surface as a puzzling NOT NULL
   * error; an infinite share of anything is a parsing bug upstream. */
  if (!isfinite(value)) {
    store_fail(s, "observation %s/%s/%s/%s: value is not a finite number",
               jurisdiction ? jurisdiction : "?", indicator ? indicator : "?",
               unit ? unit : "?", period ? period : "?");
    return -1;
  }
  sqlite3_stmt *st = store_stmt(s, which);
  if (st == NULL)
    return -1;
  const char *v[] = { jurisdiction, indicator, unit, period };
  if (store_bind_texts(s, st, v, 4) != 0 ||
      store_bind_text(s, st, 6, source) != 0 ||
      store_bind_text(s, st, 7, store_stamp(s)) != 0) {
    store_done(st);
    return -1;
  }
  if (sqlite3_bind_double(st, 5, value) != SQLITE_OK) {
    store_fail_db(s, "binding parameter");
    store_done(st);
    return -1;
  }
  if (store_run(s, st, "recording observation") != 0)
    return -1;
  return sqlite3_changes(s->db) > 0 ? 1 : 0;
}

int store_observation_put(struct store *s, const char *jurisdiction,
                          const char *indicator, const char *unit,
                          const char *period, double value,
                          const char *source)
{
  return store_observation_write(s, STORE_OBS_PUT, jurisdiction, indicator,
                                 unit, period, value, source) < 0 ? -1 : 0;
}

int store_observation_add(struct store *s, const char *jurisdiction,
                          const char *indicator, const char *unit,
                          const char *period, double value,
                          const char *source)
{
  return store_observation_write(s, STORE_OBS_ADD, jurisdiction, indicator,
                                 unit, period, value, source);
}

int store_observations_each(struct store *s, const char *jurisdiction,
                            const char *indicator, const char *unit,
                            int (*fn)(void *ctx,
                                      const struct store_observation *o),
                            void *ctx)
{
  /* A callback that walks again (comparing a series with another) must not
   * reset the statement we are stepping: nested walks get their own. */
  sqlite3_stmt *st;
  int nested = s->walking > 0;
  if (nested) {
    if (sqlite3_prepare_v2(s->db, store_sql[STORE_OBS_EACH], -1, &st, NULL)
        != SQLITE_OK) {
      store_fail_db(s, "preparing statement");
      return -1;
    }
  } else if ((st = store_stmt(s, STORE_OBS_EACH)) == NULL) {
    return -1;
  }

  int ret = 0;
  const char *v[] = { jurisdiction, indicator, unit };
  if (store_bind_texts(s, st, v, 3) != 0) {
    ret = -1;
  } else {
    s->walking++;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      struct store_observation o;
      o.indicator = (const char *)sqlite3_column_text(st, 0);
      o.unit = (const char *)sqlite3_column_text(st, 1);
      o.period = (const char *)sqlite3_column_text(st, 2);
      o.value = sqlite3_column_double(st, 3);
      if (o.indicator == NULL || o.unit == NULL || o.period == NULL) {
        store_fail(s, "reading observations: out of memory");
        ret = -1;
        break;
      }
      if ((ret = fn(ctx, &o)) != 0)
        break;
    }
    s->walking--;
    if (ret == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW) {
      store_fail_db(s, "reading observations");
      ret = -1;
    }
  }

  if (nested)
    (void)sqlite3_finalize(st);   /* repeats a step error, already reported */
  else
    store_done(st);
  return ret;
}

/* ---- grants ----------------------------------------------------------- */

int store_grant_put(struct store *s, const char *jurisdiction,
                    const char *agency, const char *obligation,
                    const char *period, const struct store_grant *g)
{
  sqlite3_stmt *st = store_stmt(s, STORE_GRANT_PUT);
  char due[CAL_DATE_LEN], on[CAL_DATE_LEN];
  if (st == NULL)
    return -1;
  cal_format(g->new_due, due);
  cal_format(g->granted_on, on);
  const char *v[] = { jurisdiction, agency, obligation, period,
                      g->exemption ? "exemption" : "extension",
                      g->exemption ? NULL : due, g->letter, g->reason, on };
  if (store_bind_texts(s, st, v, 9) != 0) {
    store_done(st);
    return -1;
  }
  return store_run(s, st, "recording grant");
}

/* Column `col` into a store-owned buffer *slot (replacing what it held);
 * NULL becomes "". Returns 0 or -1 when out of memory. */
static int store_keep_text(struct store *s, sqlite3_stmt *st, int col,
                           char **slot)
{
  const unsigned char *t = sqlite3_column_text(st, col);
  if (t == NULL && sqlite3_column_type(st, col) != SQLITE_NULL) {
    store_fail(s, "reading grant: out of memory");
    return -1;
  }
  char *copy = strdup(t ? (const char *)t : "");
  if (copy == NULL) {
    store_fail(s, "reading grant: out of memory");
    return -1;
  }
  free(*slot);
  *slot = copy;
  return 0;
}

static int store_copy_date(sqlite3_stmt *st, int col, bool required,
                           cal_day *out)
{
  const unsigned char *t = sqlite3_column_text(st, col);
  if (t == NULL)
    return required ? -1 : 0;
  return cal_parse_date((const char *)t, out) == 0 ? 0 : -1;
}

int store_grant_get(struct store *s, const char *jurisdiction,
                    const char *agency, const char *obligation,
                    const char *period, cal_day as_of, struct store_grant *g)
{
  sqlite3_stmt *st = store_stmt(s, STORE_GRANT_GET);
  if (st == NULL)
    return -1;
  char day[CAL_DATE_LEN];
  cal_format(as_of, day);
  const char *v[] = { jurisdiction, agency, obligation, period, day };
  if (store_bind_texts(s, st, v, 5) != 0) {
    store_done(st);
    return -1;
  }
  int ret = 0, rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const unsigned char *kind = sqlite3_column_text(st, 0);
    memset(g, 0, sizeof *g);
    g->exemption = kind && strcmp((const char *)kind, "exemption") == 0;
    ret = store_keep_text(s, st, 2, &s->grant_letter) ||
          store_keep_text(s, st, 3, &s->grant_reason) ? -1 : 1;
    if (ret == 1 &&
        (store_copy_date(st, 1, !g->exemption, &g->new_due) != 0 ||
         store_copy_date(st, 4, true, &g->granted_on) != 0)) {
      store_fail(s, "grant %s/%s/%s/%s has a bad date", jurisdiction, agency,
                 obligation, period);
      ret = -1;
    }
    g->letter = s->grant_letter;
    g->reason = s->grant_reason;
  } else if (rc != SQLITE_DONE) {
    store_fail_db(s, "reading grant");
    ret = -1;
  }
  store_done(st);
  return ret;
}

/* ---- whole-jurisdiction walks ----------------------------------------- */

/* Step a bound walk statement, calling row() for each row; the statement
 * is reset either way. Returns 0, row()'s non-zero value, or -1. */
static int store_walk(struct store *s, sqlite3_stmt *st, const char *what,
                      int (*row)(struct store *s, sqlite3_stmt *st,
                                 void *fn, void *ctx),
                      void *fn, void *ctx)
{
  int ret = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    if ((ret = row(s, st, fn, ctx)) != 0)
      break;
  if (ret == 0 && rc != SQLITE_DONE) {
    store_fail_db(s, what);
    ret = -1;
  }
  store_done(st);
  return ret;
}

/* Columns 0-2 of a walk: agency, obligation, period. */
static int store_key_columns(struct store *s, sqlite3_stmt *st,
                             const char *key[3])
{
  for (int i = 0; i < 3; i++)
    if ((key[i] = (const char *)sqlite3_column_text(st, i)) == NULL) {
      store_fail(s, "reading a jurisdiction's records: out of memory");
      return -1;
    }
  return 0;
}

typedef int (*store_submission_fn)(void *ctx,
                                   const struct store_submission *row);

static int store_submission_row(struct store *s, sqlite3_stmt *st, void *fn,
                                void *ctx)
{
  const char *key[3];
  if (store_key_columns(s, st, key) != 0)
    return -1;
  struct store_submission row = {key[0], key[1], key[2], 0};
  const unsigned char *text = sqlite3_column_text(st, 3);
  if (text == NULL || cal_parse_date((const char *)text, &row.received)) {
    /* Only reachable if something other than dondoc wrote the row. */
    store_fail(s, "submission %s/%s/%s has a bad date \"%s\"", key[0],
               key[1], key[2], text ? (const char *)text : "");
    return -1;
  }
  return (*(store_submission_fn *)fn)(ctx, &row);
}

int store_submissions_each(struct store *s, const char *jurisdiction,
                           const char *period_from,
                           store_submission_fn fn, void *ctx)
{
  sqlite3_stmt *st = store_stmt(s, STORE_SUB_SCAN);
  if (st == NULL)
    return -1;
  const char *v[] = { jurisdiction, period_from };
  if (store_bind_texts(s, st, v, 2) != 0) {
    store_done(st);
    return -1;
  }
  return store_walk(s, st, "reading submissions", store_submission_row, &fn,
                    ctx);
}

typedef int (*store_grant_fn)(void *ctx, const struct store_grant_row *row);

static int store_grant_row(struct store *s, sqlite3_stmt *st, void *fn,
                           void *ctx)
{
  const char *key[3];
  if (store_key_columns(s, st, key) != 0)
    return -1;
  struct store_grant_row row;
  memset(&row, 0, sizeof row);
  row.agency = key[0];
  row.obligation = key[1];
  row.period = key[2];
  const unsigned char *kind = sqlite3_column_text(st, 3);
  row.g.exemption = kind && strcmp((const char *)kind, "exemption") == 0;
  const unsigned char *letter = sqlite3_column_text(st, 5);
  const unsigned char *reason = sqlite3_column_text(st, 6);
  row.g.letter = letter ? (const char *)letter : "";
  row.g.reason = reason ? (const char *)reason : "";
  if (store_copy_date(st, 4, !row.g.exemption, &row.g.new_due) != 0 ||
      store_copy_date(st, 7, true, &row.g.granted_on) != 0) {
    store_fail(s, "grant %s/%s/%s has a bad date", key[0], key[1], key[2]);
    return -1;
  }
  return (*(store_grant_fn *)fn)(ctx, &row);
}

int store_grants_each(struct store *s, const char *jurisdiction,
                      const char *period_from, cal_day as_of,
                      store_grant_fn fn, void *ctx)
{
  sqlite3_stmt *st = store_stmt(s, STORE_GRANT_SCAN);
  if (st == NULL)
    return -1;
  char day[CAL_DATE_LEN];
  cal_format(as_of, day);
  const char *v[] = { jurisdiction, period_from, day };
  if (store_bind_texts(s, st, v, 3) != 0) {
    store_done(st);
    return -1;
  }
  return store_walk(s, st, "reading grants", store_grant_row, &fn, ctx);
}

sqlite3 *store_handle(struct store *s)
{
  return s->db;
}
