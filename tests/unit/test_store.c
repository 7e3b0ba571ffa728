/*
 * test_store.c — the SQLite store against real files.
 *
 * Every test gets a fresh mkdtemp directory under /tmp, removed afterwards
 * with whatever SQLite left in it (-wal, -shm). Real files, not :memory:,
 * because WAL mode, reopening and refusing foreign files are file
 * behaviours. Tests that look under the hood open their own plain sqlite3
 * connection to the same file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "store.h"

struct fixture {
  char dir[64];
  char path[128];              /* dir/dondoc.db, not created yet */
};

static int setup(void **state)
{
  struct fixture *f = calloc(1, sizeof *f);
  if (f == NULL)
    return -1;
  strcpy(f->dir, "/tmp/dondoc-test-store-XXXXXX");
  if (mkdtemp(f->dir) == NULL) {
    free(f);
    return -1;
  }
  snprintf(f->path, sizeof f->path, "%s/dondoc.db", f->dir);
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fixture *f = *state;
  DIR *d = opendir(f->dir);
  int rc = 0;
  if (d != NULL) {
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
        continue;
      char p[512];
      snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
      if (unlink(p) != 0)
        rc = -1;
    }
    closedir(d);
  }
  if (rmdir(f->dir) != 0)
    rc = -1;
  free(f);
  return rc;
}

/* ---- helpers ----------------------------------------------------------- */

static cal_day day(const char *ymd)
{
  cal_day d = 0;
  assert_int_equal(cal_parse_date(ymd, &d), 0);
  return d;
}

static struct store *open_ok(const char *path)
{
  char err[STORE_ERR_LEN] = "";
  struct store *s = store_open(path, err);
  if (s == NULL)
    fail_msg("store_open: %s", err);
  return s;
}

/* Run SQL on a separate plain connection and return the first column of
 * the first row as an integer (0 when there is no row). */
static long long raw_int(const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long v = 0;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  else
    assert_int_equal(rc, SQLITE_DONE);
  assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
  assert_int_equal(sqlite3_close(db), SQLITE_OK);
  return v;
}

/* Same, for a text result copied into buf ("" when there is no row). */
static void raw_text(const char *path, const char *sql, char *buf, size_t n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  buf[0] = '\0';
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
    snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
  else if (rc != SQLITE_ROW)
    assert_int_equal(rc, SQLITE_DONE);
  assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
  assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void raw_exec(const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                   NULL),
                   SQLITE_OK);
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    char copy[256];
    snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
    sqlite3_free(msg);
    sqlite3_close(db);
    fail_msg("raw_exec: %s", copy);
  }
  assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void write_file(const char *path, const void *data, size_t n)
{
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(data, 1, n, fp), n);
  assert_int_equal(fclose(fp), 0);
}

static int has_table(const char *path, const char *name)
{
  char sql[160];
  snprintf(sql, sizeof sql,
           "SELECT count(*) FROM sqlite_schema"
           " WHERE type = 'table' AND name = '%s'", name);
  return (int)raw_int(path, sql);
}

/* Collects a walk. */
struct walk {
  int calls;
  int stop_after;              /* return 7 after this many calls; 0: never */
  char periods[8][CAL_PERIOD_ID_LEN];
  double values[8];
};

static int collect(void *ctx, const struct store_observation *o)
{
  struct walk *w = ctx;
  if (w->calls < 8) {
    snprintf(w->periods[w->calls], CAL_PERIOD_ID_LEN, "%s", o->period);
    w->values[w->calls] = o->value;
  }
  w->calls++;
  return w->stop_after && w->calls >= w->stop_after ? 7 : 0;
}

/* ---- migration and opening --------------------------------------------- */

static void check_fresh_schema(const char *path)
{
  assert_int_equal(raw_int(path, "PRAGMA user_version"),
                   store_latest_version());
  assert_int_equal(has_table(path, "submissions"), 1);
  assert_int_equal(has_table(path, "observations"), 1);
  char mode[16];
  raw_text(path, "PRAGMA journal_mode", mode, sizeof mode);
  assert_string_equal(mode, "wal");
}

static void test_migrate_new_file(void **state)
{
  struct fixture *f = *state;
  assert_true(store_latest_version() >= 1);

  struct store *s = open_ok(f->path);
  assert_int_equal(store_schema_version(s), store_latest_version());
  check_fresh_schema(f->path);
  store_close(s);
}

static void test_migrate_empty_file(void **state)
{
  struct fixture *f = *state;
  write_file(f->path, "", 0);      /* zero bytes: SQLite's "new database" */

  struct store *s = open_ok(f->path);
  assert_int_equal(store_schema_version(s), store_latest_version());
  check_fresh_schema(f->path);
  store_close(s);
}

static void test_reopen_keeps_data(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024",
                                        day("2024-12-10"), NULL), 0);
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "bac-ninh", "2024", 31.5, "GSO"), 0);
  store_close(s);

  long long objects = raw_int(f->path, "SELECT count(*) FROM sqlite_schema");

  /* Re-running migration 1 would fail on CREATE TABLE, so a successful
   * open already shows it was skipped; the schema must also be unchanged. */
  s = open_ok(f->path);
  assert_int_equal(store_schema_version(s), store_latest_version());
  cal_day got = 0;
  assert_int_equal(store_submission_get(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024", &got), 1);
  assert_int_equal(got, day("2024-12-10"));
  struct walk w = { 0 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", collect, &w), 0);
  assert_int_equal(w.calls, 1);
  assert_true(w.values[0] == 31.5);
  store_close(s);

  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_schema"),
                   objects);
  assert_int_equal(raw_int(f->path, "PRAGMA user_version"),
                   store_latest_version());
}

/* How many times a statement's program opens a temporary table
 * (OpenEphemeral): what migration 3 took out of every delivery write. */
static int ephemeral_tables(const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char explain[512];
  int n = 0;
  snprintf(explain, sizeof explain, "EXPLAIN %s", sql);
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, explain, -1, &st, NULL), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW)
    n += strcmp((const char *)sqlite3_column_text(st, 1),
                "OpenEphemeral") == 0;
  assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
  assert_int_equal(sqlite3_close(db), SQLITE_OK);
  return n;
}

/* A file at version 2 (deliveries checked with an IN list) is rebuilt by
 * migration 3: the same rows and attempts, the check still refusing an
 * unknown status, foreign keys intact, and no temporary table per write. */
static void test_migrate_3_keeps_deliveries(void **state)
{
  struct fixture *f = *state;
  store_close(open_ok(f->path));
  raw_exec(f->path,
    "PRAGMA foreign_keys = OFF;"
    "DROP TABLE deliveries;"
    "CREATE TABLE deliveries ("
    "  id INTEGER PRIMARY KEY,"
    "  message INTEGER NOT NULL REFERENCES messages (id),"
    "  recipient TEXT NOT NULL,"
    "  status TEXT NOT NULL DEFAULT 'queued'"
    "   CHECK (status IN ('queued', 'sent', 'failed', 'dropped')),"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt_at INTEGER NOT NULL,"
    "  last_error TEXT, sent_at INTEGER, UNIQUE (message, recipient));"
    "CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);"
    "INSERT INTO messages (id, channel, jurisdiction, subject, body,"
    " message_id, run_day, created_at)"
    " VALUES (1, 'webhook', 'bac-ninh', 's', '{}', 'm1', '2024-11-28', 1);"
    "INSERT INTO deliveries VALUES (1, 1, 'h1', 'sent', 1, 5, NULL, 7),"
    " (2, 1, 'h2', 'queued', 2, 99, 'HTTP 500', NULL);"
    "INSERT INTO attempts (delivery, at, ok, code, detail)"
    " VALUES (1, 7, 1, 200, 'ok'), (2, 8, 0, 500, 'HTTP 500');"
    "PRAGMA user_version = 2;");
  const char *update = "UPDATE deliveries SET status = 'sent' WHERE id = 2";
  assert_int_equal(ephemeral_tables(f->path, update), 1);

  struct store *s = open_ok(f->path);
  assert_int_equal(store_schema_version(s), 3);
  store_close(s);
  char rows[256];
  raw_text(f->path, "SELECT group_concat(id || ' ' || message || ' ' ||"
           " recipient || ' ' || status || ' ' || attempts || ' ' ||"
           " next_attempt_at || ' ' || coalesce(last_error, '-') || ' ' ||"
           " coalesce(sent_at, '-'), '; ') FROM deliveries",
           rows, sizeof rows);
  assert_string_equal(rows, "1 1 h1 sent 1 5 - 7; 2 1 h2 queued 2 99 HTTP 500 -");
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM attempts a"
                           " JOIN deliveries d ON d.id = a.delivery"), 2);
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM"
                           " pragma_foreign_key_check"), 0);
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_schema"
                           " WHERE name IN ('deliveries_due',"
                           " 'sqlite_autoindex_deliveries_1')"), 2);
  assert_int_equal(ephemeral_tables(f->path, update), 0);

  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READWRITE, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "UPDATE deliveries SET status = 'lost'"
                                " WHERE id = 1", NULL, NULL, NULL),
                   SQLITE_CONSTRAINT);
  assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void test_newer_version_refused(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  store_close(s);

  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
           store_latest_version() + 1);
  raw_exec(f->path, sql);

  char err[STORE_ERR_LEN] = "";
  assert_null(store_open(f->path, err));
  char want[STORE_ERR_LEN];
  snprintf(want, sizeof want,
           "%s: database schema version %d is newer than this dondoc (%d)",
           f->path, store_latest_version() + 1, store_latest_version());
  assert_string_equal(err, want);

  /* Refused means untouched. */
  assert_int_equal(raw_int(f->path, "PRAGMA user_version"),
                   store_latest_version() + 1);
}

static void test_not_a_database(void **state)
{
  struct fixture *f = *state;
  char junk[4096];
  for (size_t i = 0; i < sizeof junk; i++)
    junk[i] = "province,agency,report\n"[i % 23];
  write_file(f->path, junk, sizeof junk);

  char err[STORE_ERR_LEN] = "";
  assert_null(store_open(f->path, err));
  assert_non_null(strstr(err, f->path));
  assert_non_null(strstr(err, "not a database"));

  /* The foreign file is left as it was. */
  char back[sizeof junk];
  FILE *fp = fopen(f->path, "rb");
  assert_non_null(fp);
  assert_int_equal(fread(back, 1, sizeof back, fp), sizeof back);
  assert_int_equal(fgetc(fp), EOF);
  fclose(fp);
  assert_memory_equal(back, junk, sizeof junk);
}

static void test_short_garbage_refused(void **state)
{
  struct fixture *f = *state;
  write_file(f->path, "hello\n", 6);

  char err[STORE_ERR_LEN] = "";
  assert_null(store_open(f->path, err));
  assert_non_null(strstr(err, f->path));
}

static void test_unopenable_path(void **state)
{
  struct fixture *f = *state;
  char path[192];
  snprintf(path, sizeof path, "%s/no/such/dir/dondoc.db", f->dir);

  char err[STORE_ERR_LEN] = "";
  assert_null(store_open(path, err));
  assert_true(strncmp(err, path, strlen(path)) == 0);
  assert_string_equal(err + strlen(path), ": unable to open database file");
}

static void test_close_null(void **state)
{
  (void)state;
  store_close(NULL);
}

/* ---- submissions ------------------------------------------------------- */

static void test_submission_put_get_duplicate(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  cal_day got = 0;

  assert_int_equal(store_submission_get(s, "bac-ninh", "so-gddt",
                                        "action-month", "2024", &got), 0);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-gddt",
                                        "action-month", "2024",
                                        day("2024-12-20"), "by email"), 0);
  assert_int_equal(store_submission_get(s, "bac-ninh", "so-gddt",
                                        "action-month", "2024", &got), 1);
  assert_int_equal(got, day("2024-12-20"));

  /* A second report for the same key: kept out, the first date stands. */
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-gddt",
                                        "action-month", "2024",
                                        day("2025-01-05"), "resent"), 1);
  got = 0;
  assert_int_equal(store_submission_get(s, "bac-ninh", "so-gddt",
                                        "action-month", "2024", &got), 1);
  assert_int_equal(got, day("2024-12-20"));

  /* Any part of the key differing makes a new submission. */
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-gddt",
                                        "action-month", "2025",
                                        day("2025-12-18"), NULL), 0);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-yte",
                                        "action-month", "2024",
                                        day("2024-12-21"), NULL), 0);
  assert_int_equal(store_submission_put(s, "ha-noi", "so-gddt",
                                        "action-month", "2024",
                                        day("2024-12-01"), NULL), 0);
  assert_int_equal(store_submission_get(s, "ha-noi", "so-gddt",
                                        "action-month", "2024", &got), 1);
  assert_int_equal(got, day("2024-12-01"));
  store_close(s);

  char text[64];
  raw_text(f->path,
           "SELECT received_on || '|' || note FROM submissions"
           " WHERE agency = 'so-gddt' AND period = '2024'"
           "   AND jurisdiction = 'bac-ninh'", text, sizeof text);
  assert_string_equal(text, "2024-12-20|by email");
  char stamp[32];
  raw_text(f->path, "SELECT recorded_at FROM submissions LIMIT 1",
           stamp, sizeof stamp);
  assert_int_equal(strlen(stamp), 20);           /* 2024-12-20T08:00:00Z */
  assert_int_equal(stamp[10], 'T');
  assert_int_equal(stamp[19], 'Z');
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM submissions"), 4);
}

static void test_submission_missing_field(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  assert_int_equal(store_submission_put(s, "bac-ninh", NULL, "annual-report",
                                        "2024", day("2024-12-10"), NULL), -1);
  assert_non_null(strstr(store_errmsg(s), f->path));
  assert_non_null(strstr(store_errmsg(s), "NOT NULL"));
  /* The connection is still usable afterwards. */
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024",
                                        day("2024-12-10"), NULL), 0);
  store_close(s);
}

/* ---- observations ------------------------------------------------------ */

static void test_observation_upsert(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "bac-ninh", "2024", 28.0,
                                         "draft"), 0);
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "bac-ninh", "2024", 29.25,
                                         "GSO final"), 0);

  struct walk w = { 0 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", collect, &w), 0);
  assert_int_equal(w.calls, 1);
  assert_string_equal(w.periods[0], "2024");
  assert_true(w.values[0] == 29.25);
  store_close(s);

  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM observations"), 1);
  char src[32];
  raw_text(f->path, "SELECT source FROM observations", src, sizeof src);
  assert_string_equal(src, "GSO final");
}

/* store_observation_add records a first value only: 1, then 0 with the
 * stored value, source and time untouched. Both writers stamp recorded_at
 * as the schema's default would (UTC, ISO 8601, to the second), with the
 * clock of the moment. */
static void test_observation_add_and_stamp(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  time_t before = time(NULL);
  assert_int_equal(store_observation_add(s, "bac-ninh", "m1.1", "bac-ninh",
                                         "2024", 47.5, "GSO"), 1);
  assert_int_equal(store_observation_add(s, "bac-ninh", "m1.1", "bac-ninh",
                                         "2024", 48, "draft"), 0);
  assert_int_equal(store_observation_add(s, "bac-ninh", "m1.1", "bac-ninh",
                                         "2024", NAN, "draft"), -1);
  double v = 0;
  assert_int_equal(store_observation_get(s, "bac-ninh", "m1.1", "bac-ninh",
                                         "2024", &v), 1);
  assert_true(v == 47.5);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-a", "bc", "2024",
                                        day("2024-12-10"), NULL), 0);
  time_t after = time(NULL);
  store_close(s);

  char src[32];
  raw_text(f->path, "SELECT source FROM observations", src, sizeof src);
  assert_string_equal(src, "GSO");
  /* Each stamp reads back as a time between before and after. */
  static const char *const stamps[] = {
    "SELECT unixepoch(recorded_at) FROM observations",
    "SELECT unixepoch(recorded_at) FROM submissions",
  };
  for (size_t i = 0; i < 2; i++) {
    long long t = raw_int(f->path, stamps[i]);
    assert_true(t >= (long long)before && t <= (long long)after);
  }
  char stamp[32];
  raw_text(f->path, "SELECT recorded_at FROM observations", stamp,
           sizeof stamp);
  assert_int_equal(strlen(stamp), 20);          /* 2026-12-03T02:50:00Z */
  assert_int_equal(stamp[10], 'T');
  assert_int_equal(stamp[19], 'Z');
}

static void test_observation_rejects_nan(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  assert_int_equal(store_observation_put(s, "bac-ninh", "x", "bac-ninh",
                                         "2024", NAN, NULL), -1);
  assert_int_equal(store_observation_put(s, "bac-ninh", "x", "bac-ninh",
                                         "2024", INFINITY, NULL), -1);
  assert_non_null(strstr(store_errmsg(s), f->path));
  store_close(s);
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM observations"), 0);
}

static void test_observations_order_and_stop(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  static const struct { const char *period; double v; } rows[] = {
    { "2023", 33.0 }, { "2021", 31.0 }, { "2024", 34.0 }, { "2022", 32.0 },
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", rows[i].period,
                                           rows[i].v, NULL), 0);
  /* Neighbours that must stay out of the walk. */
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "tu-son", "2022", 50.0, NULL), 0);
  assert_int_equal(store_observation_put(s, "bac-ninh", "girls_enrolment",
                                         "bac-ninh", "2022", 60.0, NULL), 0);
  assert_int_equal(store_observation_put(s, "ha-noi", "women_leaders_pct",
                                         "bac-ninh", "2020", 70.0, NULL), 0);

  struct walk w = { 0 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", collect, &w), 0);
  assert_int_equal(w.calls, 4);
  assert_string_equal(w.periods[0], "2021");
  assert_string_equal(w.periods[1], "2022");
  assert_string_equal(w.periods[2], "2023");
  assert_string_equal(w.periods[3], "2024");
  assert_true(w.values[0] == 31.0 && w.values[3] == 34.0);

  /* A non-zero return stops the walk and comes back unchanged. */
  struct walk stop = { .stop_after = 2 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", collect, &stop), 7);
  assert_int_equal(stop.calls, 2);
  assert_string_equal(stop.periods[1], "2022");

  /* The stopped walk left nothing open: writes and a full walk still work. */
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "bac-ninh", "2025", 35.0, NULL), 0);
  struct walk again = { 0 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", collect, &again), 0);
  assert_int_equal(again.calls, 5);
  assert_string_equal(again.periods[0], "2021");

  struct walk none = { 0 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "nothing",
                                           "bac-ninh", collect, &none), 0);
  assert_int_equal(none.calls, 0);
  store_close(s);
}

/* A callback that walks another series on the same store. */
struct nested {
  struct store *s;
  int outer, inner;
};

static int count_inner(void *ctx, const struct store_observation *o)
{
  (void)o;
  ((struct nested *)ctx)->inner++;
  return 0;
}

static int walk_inner(void *ctx, const struct store_observation *o)
{
  struct nested *n = ctx;
  n->outer++;
  assert_string_equal(o->unit, "bac-ninh");
  return store_observations_each(n->s, "bac-ninh", "women_leaders_pct",
                                 "tu-son", count_inner, n);
}

static void test_observations_nested_walk(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  const char *periods[] = { "2021", "2022", "2023" };
  for (int i = 0; i < 3; i++) {
    assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", periods[i], i, NULL),
                     0);
    assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                           "tu-son", periods[i], i, NULL), 0);
  }
  struct nested n = { .s = s };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", walk_inner, &n), 0);
  assert_int_equal(n.outer, 3);
  assert_int_equal(n.inner, 9);
  store_close(s);
}

/* ---- a jurisdiction's records in one walk ------------------------------ */

struct rows {
  int n;
  char text[16][80];           /* "agency obligation period day [letter]" */
};

static int collect_submission(void *ctx, const struct store_submission *r)
{
  struct rows *w = ctx;
  char d[CAL_DATE_LEN];
  cal_format(r->received, d);
  if (w->n < 16)
    snprintf(w->text[w->n], sizeof w->text[0], "%s %s %s %s", r->agency,
             r->obligation, r->period, d);
  w->n++;
  return 0;
}

static int collect_grant(void *ctx, const struct store_grant_row *r)
{
  struct rows *w = ctx;
  char d[CAL_DATE_LEN];
  cal_format(r->g.exemption ? r->g.granted_on : r->g.new_due, d);
  if (w->n < 16)
    snprintf(w->text[w->n], sizeof w->text[0], "%s %s %s %s %s %s", r->agency,
             r->obligation, r->period, r->g.exemption ? "exempt" : "until", d,
             r->g.letter);
  w->n++;
  return 0;
}

static int stop_at_second(void *ctx, const struct store_submission *r)
{
  (void)r;
  return ++*(int *)ctx == 2 ? 9 : 0;
}

static void put_sub(struct store *s, const char *j, const char *a,
                    const char *o, const char *p, const char *on)
{
  assert_int_equal(store_submission_put(s, j, a, o, p, day(on), NULL), 0);
}

/* Ordered by agency, obligation and period, from the year asked for, of
 * that jurisdiction only; a non-zero callback stops the walk. */
static void test_submissions_walk(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  put_sub(s, "bac-ninh", "so-y-te", "quarterly", "2024-Q4", "2025-01-10");
  put_sub(s, "bac-ninh", "so-gddt", "quarterly", "2025-Q1", "2025-04-12");
  put_sub(s, "bac-ninh", "so-gddt", "annual", "2024", "2024-12-04");
  put_sub(s, "bac-ninh", "so-gddt", "quarterly", "2024-Q4", "2025-01-14");
  put_sub(s, "bac-ninh", "so-gddt", "annual", "2023", "2023-12-01");
  put_sub(s, "bac-ninh", "so-gddt", "school", "2023-2024", "2024-09-20");
  put_sub(s, "ha-noi", "so-gddt", "annual", "2024", "2024-12-02");

  struct rows w = { 0 };
  assert_int_equal(store_submissions_each(s, "bac-ninh", "2024",
                                          collect_submission, &w), 0);
  assert_int_equal(w.n, 4);
  assert_string_equal(w.text[0], "so-gddt annual 2024 2024-12-04");
  assert_string_equal(w.text[1], "so-gddt quarterly 2024-Q4 2025-01-14");
  assert_string_equal(w.text[2], "so-gddt quarterly 2025-Q1 2025-04-12");
  assert_string_equal(w.text[3], "so-y-te quarterly 2024-Q4 2025-01-10");

  /* a school year is filed under the year it starts in */
  memset(&w, 0, sizeof w);
  assert_int_equal(store_submissions_each(s, "bac-ninh", "2023",
                                          collect_submission, &w), 0);
  assert_int_equal(w.n, 6);
  assert_string_equal(w.text[0], "so-gddt annual 2023 2023-12-01");
  assert_string_equal(w.text[4], "so-gddt school 2023-2024 2024-09-20");

  int calls = 0;
  assert_int_equal(store_submissions_each(s, "bac-ninh", "2023",
                                          stop_at_second, &calls), 9);
  assert_int_equal(calls, 2);
  /* the statement was reset: the next walk starts from the beginning */
  memset(&w, 0, sizeof w);
  assert_int_equal(store_submissions_each(s, "ha-noi", "2000",
                                          collect_submission, &w), 0);
  assert_int_equal(w.n, 1);
  store_close(s);
}

/* A row another program wrote with a bad date stops the walk with an
 * error naming the row. */
static void test_submissions_walk_bad_date(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  store_close(s);
  raw_exec(f->path, "INSERT INTO submissions (jurisdiction, agency,"
           " obligation, period, received_on) VALUES"
           " ('bac-ninh', 'so-gddt', 'annual', '2024', '04/12/2024')");
  s = open_ok(f->path);
  struct rows w = { 0 };
  assert_int_equal(store_submissions_each(s, "bac-ninh", "2024",
                                          collect_submission, &w), -1);
  assert_int_equal(w.n, 0);
  assert_non_null(strstr(store_errmsg(s), "so-gddt/annual/2024"));
  assert_non_null(strstr(store_errmsg(s), "04/12/2024"));
  store_close(s);
}

/* Grants: only those made by as_of, the newest of a key first. */
static void test_grants_walk(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);
  struct store_grant g = { .exemption = false, .new_due = day("2025-01-20"),
                           .granted_on = day("2025-01-05"),
                           .letter = "12/SNV", .reason = "" };
  assert_int_equal(store_grant_put(s, "bac-ninh", "so-gddt", "annual", "2024",
                                   &g), 0);
  g.new_due = day("2025-02-10");
  g.granted_on = day("2025-01-18");
  g.letter = "30/SNV";
  assert_int_equal(store_grant_put(s, "bac-ninh", "so-gddt", "annual", "2024",
                                   &g), 0);
  struct store_grant ex = { .exemption = true,
                            .granted_on = day("2025-01-07"),
                            .letter = "15/SNV", .reason = "sáp nhập" };
  assert_int_equal(store_grant_put(s, "bac-ninh", "so-gd", "annual", "2024",
                                   &ex), 0);
  assert_int_equal(store_grant_put(s, "bac-ninh", "so-gddt", "annual", "2023",
                                   &ex), 0);

  struct rows w = { 0 };
  assert_int_equal(store_grants_each(s, "bac-ninh", "2024", day("2025-01-31"),
                                     collect_grant, &w), 0);
  assert_int_equal(w.n, 3);
  assert_string_equal(w.text[0], "so-gd annual 2024 exempt 2025-01-07 15/SNV");
  assert_string_equal(w.text[1], "so-gddt annual 2024 until 2025-02-10 30/SNV");
  assert_string_equal(w.text[2], "so-gddt annual 2024 until 2025-01-20 12/SNV");

  /* on 10/01 the second extension had not been granted yet */
  memset(&w, 0, sizeof w);
  assert_int_equal(store_grants_each(s, "bac-ninh", "2024", day("2025-01-10"),
                                     collect_grant, &w), 0);
  assert_int_equal(w.n, 2);
  assert_string_equal(w.text[1], "so-gddt annual 2024 until 2025-01-20 12/SNV");
  store_close(s);
}

/* ---- transactions ------------------------------------------------------ */

static void test_transaction_rollback(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);

  assert_int_equal(store_begin(s), 0);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024",
                                        day("2024-12-10"), NULL), 0);
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "bac-ninh", "2024", 31.5, NULL), 0);
  assert_int_equal(store_rollback(s), 0);

  cal_day got;
  assert_int_equal(store_submission_get(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024", &got), 0);
  struct walk w = { 0 };
  assert_int_equal(store_observations_each(s, "bac-ninh", "women_leaders_pct",
                                           "bac-ninh", collect, &w), 0);
  assert_int_equal(w.calls, 0);
  store_close(s);

  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM submissions"), 0);
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM observations"), 0);
}

static void test_transaction_commit(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);

  assert_int_equal(store_begin(s), 0);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024",
                                        day("2024-12-10"), NULL), 0);
  assert_int_equal(store_observation_put(s, "bac-ninh", "women_leaders_pct",
                                         "bac-ninh", "2024", 31.5, NULL), 0);
  assert_int_equal(store_commit(s), 0);
  store_close(s);

  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM submissions"), 1);
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM observations"), 1);
}

static void test_transaction_misuse(void **state)
{
  struct fixture *f = *state;
  struct store *s = open_ok(f->path);

  assert_int_equal(store_commit(s), -1);
  assert_true(strncmp(store_errmsg(s), f->path, strlen(f->path)) == 0);
  assert_int_equal(store_rollback(s), -1);

  assert_int_equal(store_begin(s), 0);
  assert_int_equal(store_begin(s), -1);       /* no nesting */
  assert_non_null(strstr(store_errmsg(s), f->path));
  assert_int_equal(store_rollback(s), 0);

  /* Closing with a transaction open rolls it back. */
  assert_int_equal(store_begin(s), 0);
  assert_int_equal(store_submission_put(s, "bac-ninh", "so-ldtbxh",
                                        "annual-report", "2024",
                                        day("2024-12-10"), NULL), 0);
  store_close(s);
  assert_int_equal(raw_int(f->path, "SELECT count(*) FROM submissions"), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    T(test_migrate_new_file),
    T(test_migrate_empty_file),
    T(test_reopen_keeps_data),
    T(test_migrate_3_keeps_deliveries),
    T(test_newer_version_refused),
    T(test_not_a_database),
    T(test_short_garbage_refused),
    T(test_unopenable_path),
    T(test_close_null),
    T(test_submission_put_get_duplicate),
    T(test_submission_missing_field),
    T(test_observation_upsert),
    T(test_observation_add_and_stamp),
    T(test_observation_rejects_nan),
    T(test_observations_order_and_stop),
    T(test_observations_nested_walk),
    T(test_submissions_walk),
    T(test_submissions_walk_bad_date),
    T(test_grants_walk),
    T(test_transaction_rollback),
    T(test_transaction_commit),
    T(test_transaction_misuse),
#undef T
  };
  return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
