/*
 * run.h — the daily job: evaluate, decide, queue, deliver.
 *
 * run_job() is what `dondoc run` (started by cron or a systemd timer) does:
 * for every jurisdiction it evaluates the findings at `now`, asks the
 * policy which reminders are due (remind.h), groups them into one email
 * per recipient plus a digest for the secretariat and one payload per
 * webhook endpoint (compose.h), and writes them to the outbox in one
 * transaction, skipping every (recipient, item, stage) already queued.
 * Then it delivers what is due (deliver.h). A dry run does all of the
 * deciding inside a transaction that it rolls back, and delivers nothing.
 */
#ifndef DONDOC_RUN_H
#define DONDOC_RUN_H

#include <stdbool.h>
#include <stdio.h>
#include "config.h"
#include "rules.h"
#include "store.h"

struct run_options {
  cal_day now;
  int minute;                 /* minutes past midnight, local time */
  long long unix_now;         /* the real clock, for delivery timing */
  bool dry_run;
};

struct run_report {
  size_t messages, items, no_address;      /* queued by this run */
  size_t sent, retrying, failed;           /* delivery */
  size_t skipped;                          /* items that could not go out */
  bool rules_failed;           /* a jurisdiction's rules could not be run */
  /* What went wrong with single items or jurisdictions, one line each
   * ("bac-ninh: …"): the caller shows them even when asked to be quiet.
   * Owned by the report; run_report_release frees them. */
  char **problems; size_t n_problems;
};

void run_report_release(struct run_report *rep);

/* Returns 0, or -1 with err set when the outbox itself failed (database,
 * out of memory). A fault confined to one jurisdiction, message or
 * recipient is not an error: it is recorded (a failed delivery with its
 * reason, or a problem line) and the rest goes on. What was queued and
 * delivered is described on `log`. */
int run_job(const struct config *cfg, const struct ruleset *rs,
            struct store *s, const struct run_options *o,
            struct run_report *rep, FILE *log, char *err, size_t errlen);

#endif
