/*
 * evaluate.h — what is due, overdue and off track at a given moment.
 *
 * evaluate_jurisdiction() walks every campaign window, every obligation
 * instance (agency × obligation × period) and every indicator of one
 * jurisdiction, looks up what the store holds for them, and appends
 * findings (campaigns first, then reports by due date, then indicators). `now` is always a
 * parameter: the same rules, data and date give the same findings.
 */
#ifndef DONDOC_EVALUATE_H
#define DONDOC_EVALUATE_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"
#include "store.h"

/* The first five, unassigned (a report owed by an agency that ended
 * without a successor), campaign_upcoming and campaign_active are always
 * shown; the others only when every status is asked for (check --all). */
enum finding_kind {
  FIND_DUE_SOON, FIND_OVERDUE, FIND_OFF_TRACK, FIND_AT_RISK, FIND_NO_DATA,
  FIND_UPCOMING, FIND_ON_TIME, FIND_LATE, FIND_ON_TRACK, FIND_ACHIEVED,
  FIND_EXEMPT, FIND_UNASSIGNED, FIND_AWAITING_DATE, FIND_CAMPAIGN_UPCOMING,
  FIND_CAMPAIGN_ACTIVE, FIND_CAMPAIGN_ENDED
};
#define FIND_N_KINDS (FIND_CAMPAIGN_ENDED + 1)

/* A campaign finding (campaign set; agency NULL: it concerns every member
 * of the Committee) has the year's window as its period, and:
 *   campaign_upcoming  due = the window's first day, days = days to go
 *   campaign_active    due = its last day, days = days left (0: the last),
 *                      window_day = the day of the window (1 on the
 *                      first)
 *   campaign_ended     due = its last day, days = days since */
struct finding {
  enum finding_kind kind;
  const struct jurisdiction *j;
  const struct obligation *obligation;    /* one of these three is set */
  const struct indicator *indicator;
  const struct campaign *campaign;
  int window_day;                  /* campaign_active: day N of the window */
  const struct agency *agency;     /* who owes it / who leads (may be NULL) */
  const struct agency *succeeded;  /* the ended agency it is owed for */
  struct cal_period period;
  cal_day due, nominal_due, received;
  int days;          /* overdue/late: days after due; due soon: days left */
  bool has_value, has_target, has_expected, has_projection, will_meet;
  bool extended;                   /* due moved by an extension … */
  bool date_by_letter;             /* … or set by one (an "as_instructed"
                                      date), original_due then unset */
  cal_day original_due;            /* … from this date */
  const char *letter;              /* the grant's letter (extension/exemption),
                                      owned by the struct findings */
  double value, target, expected, projected;
  int target_year;
  bool target_year_from_plan;      /* the plan gave no year: its plan_end */
};

/* The findings and the few strings they own (grant letters). */
struct findings {
  struct finding *v; size_t n, cap;
  char **strings; size_t n_strings, cap_strings;
};

struct eval_options {
  cal_day now;
  bool all;             /* every status, not only what needs action */
};

/* How far back evaluation looks, at most (monitor_from); documented in
 * docs/rules.md. */
#define EVAL_MAX_YEARS 25

enum { EVAL_ERR_STORE = -1, EVAL_ERR_RULES = -2 };

/* Append the findings of j at o->now to out. Returns 0, EVAL_ERR_STORE
 * (database error or out of memory) or EVAL_ERR_RULES (the rules ask for
 * what cannot be done, e.g. a window beyond EVAL_MAX_YEARS), with a
 * message in err. On error, out may hold some of j's findings: callers
 * that go on with other jurisdictions drop them (findings_truncate). */
int evaluate_jurisdiction(const struct jurisdiction *j, struct store *s,
                          const struct eval_options *o, struct findings *out,
                          char *err, size_t errlen);

/* The deadlines evaluate_jurisdiction looks at for j at o, [*lo, *hi]:
 * from monitor_from (or a year back) to the policy's longest reminder
 * lead ahead (a year ahead with o->all). */
void evaluate_window(const struct jurisdiction *j,
                     const struct eval_options *o, cal_day *lo, cal_day *hi);

void findings_release(struct findings *f);
/* Drop the findings from index n on (those of a failed jurisdiction). */
void findings_truncate(struct findings *f, size_t n);
const char *finding_kind_name(enum finding_kind k);
/* What f is about — its obligation, indicator or campaign: the id, the
 * title and the basis (NULL when the rules name none). */
const char *finding_item_id(const struct finding *f);
const char *finding_item_title(const struct finding *f);
const char *finding_item_basis(const struct finding *f);
/* Parse a kind name; returns 0 or -1. */
int finding_kind_parse(const char *name, enum finding_kind *k);

/* The values of ind known for j as a whole, as evaluation reads them:
 * observed, or scale × num / den for a ratio (a period without a usable
 * denominator left out), in the store's period order. *periods and
 * *values are malloc'd arrays of *n (the caller frees both; NULL when
 * none). Returns 0, or EVAL_ERR_STORE with a message in err. */
int evaluate_series(const struct jurisdiction *j, struct store *s,
                    const struct indicator *ind, struct cal_period **periods,
                    double **values, size_t *n, char *err, size_t errlen);

/* Least-squares line through (x[i], y[i]); returns 0 and sets *a, *b so
 * that y ≈ a + b·x, or -1 with fewer than two distinct x. */
int evaluate_fit_line(const double *x, const double *y, size_t n, double *a,
                      double *b);

#endif
