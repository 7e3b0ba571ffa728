/*
 * outbox.h — the durable queue of messages and the ledger of their delivery.
 *
 * The transactional outbox pattern on SQLite: `run` writes each message,
 * its deliveries (one per recipient) and the items it is about — keyed by
 * (recipient, item, stage) — in the same transaction, so a decision to
 * remind is never lost and never taken twice. Delivery then works through
 * the queue, recording every attempt; failures back off exponentially,
 * permanent ones stop. Delivery is at least once: a crash between sending
 * and recording re-sends that one message, with the same Message-ID /
 * webhook-id, so receivers can drop the duplicate.
 */
#ifndef DONDOC_OUTBOX_H
#define DONDOC_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "store.h"

struct outbox;

struct outbox_retry {
  int max_attempts;               /* then the delivery fails for good */
  long base_seconds;              /* first wait; doubles each attempt */
  long max_seconds;               /* cap on one wait */
};

struct outbox_item {
  const char *dedup_key, *recipient, *jurisdiction, *item, *agency, *period;
  const char *kind, *stage, *run_day;
};

struct outbox_delivery {
  long long id, message;
  char *channel, *recipient, *subject, *body, *message_id, *jurisdiction;
  char *status, *last_error, *run_day;
  int attempts;
  long long next_attempt_at, sent_at, created_at;
};

/* The outbox of an open store. NULL when out of memory. */
struct outbox *outbox_open(struct store *s);
void outbox_close(struct outbox *o);
const char *outbox_errmsg(const struct outbox *o);

/* ---- queueing (inside the caller's store_begin … store_commit) ------- */

/* 1 when an item with this key was already queued, 0 if not, -1 error. */
int outbox_seen(struct outbox *o, const char *dedup_key);
/* *n = how many messages on `channel` to `recipient` runs of the days
 * from_day..to_day (YYYY-MM-DD, inclusive) queued about reminders (the
 * digest is not counted). Returns 0 or -1. */
int outbox_count(struct outbox *o, const char *channel,
                 const char *recipient, const char *from_day,
                 const char *to_day, size_t *n);
/* Add a message; *id gets its row id. Returns 0 or -1. */
int outbox_add_message(struct outbox *o, const char *channel,
                       const char *jurisdiction, const char *subject,
                       const char *body, const char *message_id,
                       const char *run_day, long long now, long long *id);
int outbox_add_delivery(struct outbox *o, long long message,
                        const char *recipient, long long now);
/* A delivery to `recipient` of `message` that has failed for good before
 * any attempt — the message could not be built or addressed — with
 * `reason` as its last_error and one attempt row (ok 0, code 0, detail
 * reason, at now) in the ledger saying why, attempts 0. So it shows in
 * `outbox list --kind failed`, the history CSV and the next digest, and
 * `outbox retry` can queue it again. Returns 0 or -1. */
int outbox_add_failed(struct outbox *o, long long message,
                      const char *recipient, const char *reason,
                      long long now);
int outbox_add_item(struct outbox *o, long long message,
                    const struct outbox_item *it);

/* ---- delivering ----------------------------------------------------- */

/* Queued deliveries whose next attempt is due at `now` (all queued ones
 * when `now` is 0), oldest first; *out is malloc'd, free with
 * outbox_deliveries_free. Returns 0 or -1. */
int outbox_due(struct outbox *o, long long now, struct outbox_delivery **out,
               size_t *n);
void outbox_deliveries_free(struct outbox_delivery *d, size_t n);

/* Record one attempt and move the delivery on: sent, queued again after a
 * backoff (at least retry_after seconds when the receiver asked), or
 * failed when permanent or out of attempts. Runs in its own transaction.
 * Returns 0 or -1; *failed_now is set when the delivery just failed for
 * good. */
int outbox_record(struct outbox *o, long long delivery, long long now,
                  bool ok, bool permanent, long code, const char *detail,
                  long retry_after, const struct outbox_retry *retry,
                  bool *failed_now);

/* Several records (outbox_record, outbox_defer, outbox_hold) in one
 * transaction, committed all at once by outbox_batch_end. A record that
 * fails keeps what it wrote before failing (each statement is whole, and
 * the attempt is written before the delivery's state), the others stay. A crash before the
 * commit loses the whole batch's records, so what the batch sent is sent
 * again: a caller keeps a batch to what it can afford to repeat. Return 0
 * or -1 (a batch already open; the commit failed, and then nothing of the
 * batch is kept). */
int outbox_batch_begin(struct outbox *o);
int outbox_batch_end(struct outbox *o);

/* Delivery's commits need not wait for the disk: outbox_relax turns
 * SQLite's synchronous setting to NORMAL (in WAL mode a commit is then
 * safe from a crash of the process, kill -9 included, but the last ones
 * may be lost in a power cut), and outbox_settle puts the setting back and
 * checkpoints, so from then on every record is on disk. Between the two, a
 * power cut can make the next run send again what was delivered since
 * outbox_relax, with the same ids (at least once still holds). Return 0 or
 * -1. */
int outbox_relax(struct outbox *o);
int outbox_settle(struct outbox *o);

/* Record an attempt that failed for reasons not the delivery's own — the
 * mail server refused the connection, the account or the sender, the
 * webhook endpoint is down: the attempt row and last_error are written and
 * the delivery waits as a counted failure would (backoff of its current
 * attempts + 1, at least retry_after), but its attempt count does not
 * grow, so an outage of any length never fails it for good. Own
 * transaction. Returns 0 or -1. */
int outbox_defer(struct outbox *o, long long delivery, long long now,
                 long code, const char *detail, long retry_after,
                 const struct outbox_retry *retry);

/* Deliveries left untried in this pass (their server just refused another
 * one, or a secret is missing): only last_error changes, to `reason`; no
 * attempt is recorded, nothing else moves. One transaction for all n.
 * Returns 0 or -1. */
int outbox_hold(struct outbox *o, const long long *ids, size_t n,
                const char *reason);

/* ---- steering and evidence ------------------------------------------ */

/* Every delivery (newest first), or those with `status`. Returns 0/-1. */
int outbox_list(struct outbox *o, const char *status,
                struct outbox_delivery **out, size_t *n);
/* The deliveries of `jurisdiction` with `status` that a digest reports:
 * every failed one, or the queued ones whose last try did not go through
 * (last_error set) — newest first, without reading the rest (a run that
 * just queued ten thousand messages reads none of them). As outbox_list
 * otherwise. Returns 0/-1. */
int outbox_troubles(struct outbox *o, const char *status,
                    const char *jurisdiction, struct outbox_delivery **out,
                    size_t *n);
/* Queue delivery `id` again now, with a fresh attempt count; only failed
 * or queued ones. Returns 0, 1 when there is no such delivery to retry,
 * -1 on error. */
int outbox_retry(struct outbox *o, long long id, long long now);
/* Queue again, with a fresh attempt count, every delivery with `status`:
 * "failed" (all of them: due at `now`), or "queued" (those that wait: a
 * backoff in the future or attempts counted; brought forward to `now`).
 * `since` (unix seconds, 0 = any time) keeps only those whose last attempt
 * — or, never attempted, whose message's creation — is at or after it.
 * *count gets how many changed. Returns 0 or -1 (also for another status). */
int outbox_retry_all(struct outbox *o, const char *status, long long since,
                     long long now, long long *count);
/* Stop delivery `id` (queued or failed). Returns 0, 1 when none, -1. */
int outbox_drop(struct outbox *o, long long id);
/* Every attempt of every delivery as CSV (RFC 4180), for the Committee's
 * records, times in the zone utc_offset_minutes east of UTC. Returns 0 or
 * -1. */
int outbox_history_csv(struct outbox *o, FILE *out, int utc_offset_minutes);

#endif
