/*
 * import.h — `dondoc import FILE.csv`: indicator values and received
 * reports from the files officers make in Excel, all rows or none.
 *
 * Two steps:
 *
 *   import_read   the file → facts, checked against the rules alone:
 *                 encoding (import_text.h), CSV (import_csv.h), the header
 *                 (English or Vietnamese column names; it tells an
 *                 observations file from a submissions file), and every
 *                 row — the indicator, agency, obligation, unit, period,
 *                 number, date and note, with the same checks as `observe`
 *                 and `submit` (record.h) and the indicator's checks from
 *                 the rules (model.h, struct indicator_checks);
 *   import_apply  the facts against the store, in one write transaction:
 *                 each is new, the same as recorded, or a change (which
 *                 needs `replace`); the checks that span rows or stored
 *                 data (parts adding up to their total, a numerator not
 *                 above its denominator) run over the data as it would be
 *                 after the import; then everything is written, or — on
 *                 any bad row, or in a dry run — nothing. A plan that
 *                 already holds errors is still compared and checked,
 *                 so that one pass reports every bad row.
 *
 * Every problem is a message "FILE:ROW: reason" (ROW is the file's line
 * where the row starts; "FILE: reason" for the file as a whole), kept in
 * the plan in row order for the caller to print. docs/import.md has the
 * column formats and the rules.
 */
#ifndef DONDOC_IMPORT_H
#define DONDOC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "calendar.h"
#include "import_strings.h"
#include "import_text.h"
#include "model.h"
#include "rules.h"
#include "store.h"

/* The largest file read, and the most problems kept (the rest counted). */
#define IMPORT_MAX_BYTES (32u << 20)
#define IMPORT_MAX_PROBLEMS 1000
/* Characters kept of a note (as `submit --note`) and of a source. */
#define IMPORT_NOTE_MAX 500
#define IMPORT_SOURCE_MAX 200

struct import_options {
  const char *path;            /* the file, as named in messages */
  const char *jurisdiction;    /* for rows that name none, or NULL: the one
                                  declaring the indicator or obligation */
  cal_day today;               /* receipts after this day are refused */
  const char *today_label;     /* "--now" or "today", for that message */
  bool replace;                /* rows may change stored values */
  bool dry_run;                /* compare, write nothing */
};

enum import_kind { IMPORT_OBSERVATIONS, IMPORT_SUBMISSIONS };

/* What a fact does to the store (set by import_apply). */
enum import_state {
  IMPORT_NEW,                  /* not recorded yet */
  IMPORT_SAME,                 /* recorded with the same value or date */
  IMPORT_CHANGED,              /* recorded otherwise: replaced (--replace) */
  IMPORT_KEPT,                 /* a later receipt date: the first counts */
};

/* One value or receipt the file asks to record. A rate row (numerator
 * and denominator) gives two facts, one per series. Kept compact — a
 * million rows make a million facts, 64 bytes each: the texts are the
 * plan's single copies (plan->strings), what only one kind of fact has
 * shares its room with the other kind's (is_observation tells them
 * apart), and the flags share a word with the row. */
struct import_fact {
  uint32_t row : 27;           /* the file's line where the row starts (a
                                  file of IMPORT_MAX_BYTES has fewer) */
  uint32_t state : 3;          /* enum import_state: import_apply's verdict */
  uint32_t contradicts : 1;    /* an earlier row gives the key otherwise */
  uint32_t is_observation : 1; /* else a submission */
  uint32_t same_as;            /* an earlier row giving the same: its row */
  const struct jurisdiction *j;      /* owned by the ruleset */
  union {
    const struct indicator *ind;     /* observations; owned by the ruleset */
    const struct obligation *ob;     /* submissions; owned by the ruleset */
  };
  const char *period;                /* a period id, one of plan->strings */
  union {
    const char *unit;                /* observations: j->id or an agency */
    const char *agency;              /* submissions */
  };
  union {
    const char *source;              /* observations */
    const char *note;                /* submissions; NULL when none */
  };
  union {
    double value;                    /* observations */
    cal_day received;                /* submissions */
  };
  union {
    double old_value;          /* IMPORT_CHANGED observations */
    cal_day old_received;      /* IMPORT_CHANGED and IMPORT_KEPT receipts */
  };
};

struct import_problem {
  size_t row;                  /* 0: the file as a whole */
  char *message;               /* "FILE:ROW: reason" */
};

/* Everything read from one file. Owns its strings and arrays; release
 * with import_plan_release. */
struct import_plan {
  enum import_kind kind;
  enum import_encoding encoding;
  char delimiter;
  size_t n_rows;                                 /* data rows read */
  struct import_fact *facts; size_t n_facts;     /* in row order */
  uint32_t *sorted;            /* indices of the facts by key */
  struct import_strings strings;   /* the facts' texts, one copy each */
  struct import_problem *errors; size_t n_errors;
  size_t n_errors_dropped;     /* past IMPORT_MAX_PROBLEMS */
  struct import_problem *warnings; size_t n_warnings;
  size_t n_new, n_same, n_changed, n_kept;       /* after import_apply */
};

/* Read o->path and check it against the rules. Returns 0 — the plan then
 * holds the facts, or the errors that stop the import — or -1 when out of
 * memory. */
int import_read(const struct import_options *o, const struct ruleset *rules,
                struct import_plan *plan);

/* Compare the plan's facts with the store and write them, in one
 * transaction — unless the plan holds errors (bad rows left out of the
 * facts), which are then completed with what only the store can tell, and
 * nothing is written. Returns 0 when written (or, with o->dry_run, when
 * it would be); 1 when rows are bad (plan->errors; nothing written); -1 on a
 * database error (store_errmsg; nothing written); -2 when out of memory
 * (nothing written). */
int import_apply(const struct import_options *o, struct store *s,
                 struct import_plan *plan);

void import_plan_release(struct import_plan *plan);

/* The k-th fact of plan->sorted. */
static inline struct import_fact *import_sorted(const struct import_plan *plan,
                                                size_t k)
{
  return &plan->facts[plan->sorted[k]];
}

/* Used by import_apply.c. The order of plan->sorted: observations by
 * (jurisdiction, indicator, unit, period), submissions by (jurisdiction,
 * agency, obligation, period) — the store's unique indexes. */
int import_fact_cmp(const struct import_fact *a, const struct import_fact *b);
/* Put the plan's errors in row order (stable). */
void import_sort_errors(struct import_plan *plan);
/* Add "FILE:ROW: reason" to the plan's errors.
 * Returns 0, or -1 when out of memory. */
int import_error(struct import_plan *plan, const struct import_options *o,
                 size_t row, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 4, 5)))
#endif
  ;

#endif
