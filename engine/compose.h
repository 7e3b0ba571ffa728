/*
 * compose.h — reminders turned into what people and systems read.
 *
 * One email per address per run, in Vietnamese (text and HTML): what that
 * address must act on, then what it receives for information (copies),
 * each item saying who else received it; the secretariat's digest; and
 * the versioned JSON payload of a webhook (documented in docs/delivery.md).
 * Identifiers are derived from the address and the items, so the same
 * reminder always gets the same Message-ID and repeated reminders about
 * one report share a thread (In-Reply-To / References).
 */
#ifndef DONDOC_COMPOSE_H
#define DONDOC_COMPOSE_H

#include <stddef.h>
#include "remind.h"

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

/* What the digest reports besides the findings, as lines of text (any
 * list may be empty): reminders that found no address, deliveries that
 * failed for good, deliveries waiting with the reason of their last try
 * (a mail server refusing the account …), and mistakes in the rules that
 * did not stop the jurisdiction (an address that is not one …); first,
 * the reports nobody owes any more (an agency ended with no successor). */
struct digest_notes {
  const char *const *unassigned; size_t n_unassigned;
  const char *const *no_address; size_t n_no_address;
  const char *const *failures; size_t n_failures;
  const char *const *waiting; size_t n_waiting;
  const char *const *rules; size_t n_rules;
};

/* The secretariat's digest: everything overdue and off track by agency,
 * then the notes (NULL: none). Returns 0, or -1 (no memory). */
int compose_digest(const struct jurisdiction *j, const struct findings *f,
                   const struct digest_notes *notes, const char *domain,
                   cal_day now, struct composed *out);

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
