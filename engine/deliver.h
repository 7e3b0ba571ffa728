/*
 * deliver.h — hand what the outbox holds to the transports.
 *
 * Emails go to the SMTP server of the config, one transaction per
 * recipient; webhooks to their endpoints, concurrently; when the config has
 * no server (or an endpoint no URL), to files in the outbox directory — the
 * embedded default. Every attempt is recorded in the outbox's ledger.
 */
#ifndef DONDOC_DELIVER_H
#define DONDOC_DELIVER_H

#include <stdio.h>
#include "config.h"
#include "outbox.h"

struct deliver_report {
  size_t sent, retrying, failed;     /* failed: for good, in this pass */
  size_t held;                       /* of retrying: not tried in this pass
                                        (server refused, secret missing) */
  /* One line per delivery that failed for good in this pass ("#12 email
   * a@b: RCPT TO: 550 …"), for the caller to show; freed by
   * deliver_report_release. */
  char **failures; size_t n_failures;
};

void deliver_report_release(struct deliver_report *rep);

/* Deliver every queued delivery due at `now` (unix seconds). Progress lines
 * go to `log` when not NULL. Returns 0, or -1 with err set when the outbox
 * itself failed (transport failures are recorded, not errors).
 *
 * Counted against max_attempts: only failures that are the message's own
 * (SMTP_FAULT_MESSAGE; a webhook's 500, 408, 429, other temporary answers,
 * and a 401/403 retried once: on a first attempt, or right after one
 * refused for its timestamp).
 * Not counted (outbox_defer): a server-wide SMTP failure and an
 * unavailable webhook endpoint; after one, the same server's or endpoint's
 * other deliveries are held for this pass (outbox_hold, "not tried: …").
 * An SMTP password or webhook secret that the config could not read holds
 * every delivery that needs it, with the config's reason; nothing is ever
 * sent unsigned or unauthenticated in its place. */
int deliver_due(const struct config *cfg, struct outbox *o, long long now,
                struct deliver_report *rep, FILE *log, char *err,
                size_t errlen);

#endif
