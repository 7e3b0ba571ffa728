/*
 * store.h — the SQLite database: received reports and indicator values.
 *
 * The store holds facts that arrive from outside the rules: submissions
 * (an agency's report for an obligation and period was received on a day)
 * and observations (an indicator's value for a reporting unit and period).
 * The rules say what is owed; the store says what came in; evaluate.c
 * compares the two. Later layers (outbox, ledger) add their own tables
 * through the same migration list.
 *
 * The schema is versioned with PRAGMA user_version and migrated forward on
 * open. The database runs in WAL mode with foreign keys on. Every statement
 * is prepared; no SQL is built from data.
 */
#ifndef DONDOC_STORE_H
#define DONDOC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include "calendar.h"

struct store;

#define STORE_ERR_LEN 256

/* Open (creating if missing) and migrate the database at `path`. On failure
 * returns NULL and writes a message naming the file into err. */
struct store *store_open(const char *path, char err[STORE_ERR_LEN]);
void store_close(struct store *s);

/* The schema version after migration, and the newest this build knows. */
int store_schema_version(struct store *s);
int store_latest_version(void);

/* The last error of this connection, "PATH: message". */
const char *store_errmsg(struct store *s);

/* Explicit transactions (BEGIN IMMEDIATE … COMMIT / ROLLBACK) for callers
 * that write several rows that must land together. Return 0 or -1. */
int store_begin(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);

/* A part of a transaction that can be undone alone, so one item that
 * fails does not take the others with it: store_savepoint opens it,
 * store_savepoint_release keeps its writes, store_savepoint_undo discards
 * them. Parts nest. Each returns 0 or -1. */
int store_savepoint(struct store *s);
int store_savepoint_release(struct store *s);
int store_savepoint_undo(struct store *s);

/* Record that `agency` submitted `obligation` for `period` on `received`.
 * Returns 0 when recorded, 1 when a submission for the same key already
 * exists (the first one is kept: a report is received once), -1 on error. */
int store_submission_put(struct store *s, const char *jurisdiction,
                         const char *agency, const char *obligation,
                         const char *period, cal_day received,
                         const char *note);

/* Move the receipt date of a recorded submission to `received` (import
 * --replace, with an earlier day), and its note when note is not NULL.
 * Returns 0, or -1 on error (also when no such submission exists). */
int store_submission_replace(struct store *s, const char *jurisdiction,
                             const char *agency, const char *obligation,
                             const char *period, cal_day received,
                             const char *note);

/* Look one submission up. Returns 1 and sets *received when found, 0 when
 * not found, -1 on error. */
int store_submission_get(struct store *s, const char *jurisdiction,
                         const char *agency, const char *obligation,
                         const char *period, cal_day *received);

/* Insert or replace the value of `indicator` for `unit` (a jurisdiction or
 * one of its areas) and `period`. Returns 0 or -1. */
int store_observation_put(struct store *s, const char *jurisdiction,
                          const char *indicator, const char *unit,
                          const char *period, double value,
                          const char *source);

/* Record the value of `indicator` for `unit` and `period` unless one is
 * recorded already (then nothing changes). Returns 1 when recorded, 0
 * when a value was there, -1 on error. */
int store_observation_add(struct store *s, const char *jurisdiction,
                          const char *indicator, const char *unit,
                          const char *period, double value,
                          const char *source);

/* Look one observation up: 1 and *value set when recorded, 0 when not,
 * -1 on error. */
int store_observation_get(struct store *s, const char *jurisdiction,
                          const char *indicator, const char *unit,
                          const char *period, double *value);

struct store_observation {
  const char *indicator, *unit, *period;   /* valid during the callback */
  double value;
};

/* Call fn for each observation of `indicator` for `unit` in `jurisdiction`,
 * ordered by period id. A non-zero return from fn stops the walk and is
 * returned. Returns 0, fn's value, or -1 on a database error. */
int store_observations_each(struct store *s, const char *jurisdiction,
                            const char *indicator, const char *unit,
                            int (*fn)(void *ctx,
                                      const struct store_observation *o),
                            void *ctx);

/* An extension (a new deadline) or an exemption granted by the secretariat
 * for one agency, obligation and period, on the strength of a letter. */
struct store_grant {
  bool exemption;
  cal_day new_due;                 /* extensions */
  cal_day granted_on;
  const char *letter;              /* "125/SNV-BĐG" */
  const char *reason;              /* "" when none */
};

/* Record a grant; the newest grant for a key is the one in force.
 * Returns 0 or -1. */
int store_grant_put(struct store *s, const char *jurisdiction,
                    const char *agency, const char *obligation,
                    const char *period, const struct store_grant *g);
/* The grant in force on day as_of (the newest granted by then): 1 and *g
 * filled, 0 when none, -1 on error. The letter and reason strings belong
 * to the store and stay valid until the next store_grant_get on it. */
int store_grant_get(struct store *s, const char *jurisdiction,
                    const char *agency, const char *obligation,
                    const char *period, cal_day as_of, struct store_grant *g);

/* ---- a jurisdiction's records in one walk (evaluate.c) ----------------- */

struct store_submission {
  const char *agency, *obligation, *period;   /* valid during the callback */
  cal_day received;
};

/* Call fn for every submission of `jurisdiction` whose period id sorts at
 * or after `period_from` ("2024": every period starting in 2024 or later,
 * since period ids begin with their year), ordered by agency, obligation
 * and period id (byte order). A non-zero return from fn stops the walk and
 * is returned. Returns 0, fn's value, or -1 on a database error (a row
 * with a date that is not YYYY-MM-DD is one). fn must not start another
 * walk of submissions. */
int store_submissions_each(struct store *s, const char *jurisdiction,
                           const char *period_from,
                           int (*fn)(void *ctx,
                                     const struct store_submission *row),
                           void *ctx);

struct store_grant_row {
  const char *agency, *obligation, *period;   /* valid during the callback */
  struct store_grant g;                       /* letter, reason: likewise */
};

/* The same for grants made on or before as_of: ordered by agency,
 * obligation and period id, and for one key the newest first (the one in
 * force on as_of, as store_grant_get gives it). */
int store_grants_each(struct store *s, const char *jurisdiction,
                      const char *period_from, cal_day as_of,
                      int (*fn)(void *ctx, const struct store_grant_row *row),
                      void *ctx);

/* The connection, for the modules that own tables of their own in this
 * database (outbox.c). They prepare their own statements. */
typedef struct sqlite3 sqlite3;
sqlite3 *store_handle(struct store *s);

#endif
