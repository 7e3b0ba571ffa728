/*
 * compose.h — reminders turned into what people and systems read.
 *
 * One email per address per run, in Vietnamese (text and HTML): what that
 * address must act on, then what it receives for information (copies),
 * each item saying who else received it; and the versioned JSON payload
 * of a webhook (documented in docs/delivery.md) — both in compose.c. The
 * secretariat's digest (tables of reports and indicators) is in digest.c.
 * Identifiers are derived from the address and the items, so the same
 * reminder always gets the same Message-ID and repeated reminders about
 * one report share a thread (In-Reply-To / References).
 */
#ifndef DONDOC_COMPOSE_H
#define DONDOC_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "remind.h"

struct store;

#define COMPOSE_PAYLOAD_VERSION 1

struct composed {
  char *subject, *text, *html;    /* UTF-8 */
  char *message_id;               /* "<dondoc-…@domain>" */
  char *in_reply_to, *references; /* NULL or "<…> <…>" */
};

/* What one address receives in a run: the reminders whose to_address it
 * is (act) and those that list it among their cc (info), at least one in
 * all. The arrays are the caller's. */
struct letter {
  const char *address;
  const struct reminder *const *act; size_t n_act;
  const struct reminder *const *info; size_t n_info;
};

/* The email for letter l. `domain` is the right-hand side of the sender's
 * address. Returns 0 or -1 (no memory, or an empty letter); out's strings
 * are malloc'd, freed by composed_release. */
int compose_email(const struct jurisdiction *j, const struct letter *l,
                  const char *domain, cal_day now, struct composed *out);

/* ---- the digest (digest.c) ---------------------------------------------- */

/* The values of one indicator over time (evaluate_series), drawn as the
 * sparkline of its row in the digest. */
struct digest_series {
  const struct indicator *indicator;
  struct cal_period *periods; double *values; size_t n;
};

/* What the digest reports besides the findings, as lines of text (any
 * list may be empty): reminders that found no address, deliveries that
 * failed for good, deliveries waiting with the reason of their last try
 * (a mail server refusing the account …), and mistakes in the rules that
 * did not stop the jurisdiction (an address that is not one …); first,
 * the reports nobody owes any more (an agency ended with no successor).
 * `series`: the indicators' values over time (digest_series_load); an
 * indicator without one is drawn from what its finding holds (the
 * baseline and the latest value). */
struct digest_notes {
  const char *const *unassigned; size_t n_unassigned;
  const char *const *no_address; size_t n_no_address;
  const char *const *failures; size_t n_failures;
  const char *const *waiting; size_t n_waiting;
  const char *const *rules; size_t n_rules;
  const struct digest_series *series; size_t n_series;
};

/* The secretariat's digest of j at `now`, from its findings with every
 * status (evaluate with all = true): the campaigns running; a table of
 * the reports in the window (an agency per row, the days overdue or the
 * day each arrived per report, totals, the agencies that owe most first);
 * a table of the indicators (status, values, target, sparkline); then the
 * notes (NULL: none). HTML with inline styles only, and a text part that
 * says the same. Returns 0, or -1 (no memory). */
int compose_digest(const struct jurisdiction *j, const struct findings *f,
                   const struct digest_notes *notes, const char *domain,
                   cal_day now, struct composed *out);

/* The values over time of every indicator of j that has a target, read
 * from the store, for notes->series. *out is malloc'd (*n entries, NULL
 * when none); free it with digest_series_free. Returns 0, or -1 (a
 * database error or no memory) with a message in err. */
int digest_series_load(const struct jurisdiction *j, struct store *s,
                       struct digest_series **out, size_t *n, char *err,
                       size_t errlen);
void digest_series_free(struct digest_series *v, size_t n);

/* ---- shared by compose.c and digest.c ----------------------------------- */

/* s with <, >, & and " escaped for HTML. */
void compose_html_escaped(FILE *out, const char *s);
/* The jurisdiction's signature (or dondoc's), as text or HTML. */
void compose_signature(FILE *out, const struct jurisdiction *j,
                       const char *date, bool html);
/* Close a memstream; its buffer, or NULL (the buffer freed) on error. */
char *compose_stream_close(FILE *f, char **buf);

void composed_release(struct composed *c);

/* The webhook payload (JSON) for n reminders: type, version, id, timestamp
 * (now at `minute` past midnight, in the zone utc_offset_minutes east of
 * UTC), jurisdiction, summary, items.
 * malloc'd; NULL when out of memory. */
char *compose_payload(const struct jurisdiction *j,
                      const struct reminder *const *items, size_t n,
                      const char *id, cal_day now, int minute,
                      int utc_offset_minutes);

/* A stable short id from text: 16 hex digits of its SHA-256. */
void compose_hash(const char *text, char out[17]);

#endif
