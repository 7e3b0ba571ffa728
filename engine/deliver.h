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
};

/* Deliver every queued delivery due at `now` (unix seconds). Progress lines
 * go to `log` when not NULL. Returns 0, or -1 with err set when the outbox
 * itself failed (transport failures are recorded, not errors). */
int deliver_due(const struct config *cfg, struct outbox *o, long long now,
                struct deliver_report *rep, FILE *log, char *err,
                size_t errlen);

#endif
