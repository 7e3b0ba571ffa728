/*
 * preview.h — what a jurisdiction's rules will do over a span of days
 * (`dondoc rules preview`, docs/rules.md "Previewing rules").
 *
 * preview_build walks every day of the span with the functions `check` and
 * `run` use — evaluate_jurisdiction (every status) and remind_plan — on an
 * empty scratch database, so it shows the consequences of the rules alone,
 * as if no report and no indicator value arrived: every deadline (with the
 * shift that moved it and why: a weekend, which holiday), every campaign
 * window, every change of status, and every reminder with its stage and
 * recipients, each stage once from the first day on, as the outbox would
 * let `run` send it, on the days `run` sends (working days only when the
 * policy says so). The configured database is never opened.
 *
 * Events point into the jurisdiction (items, agencies, addresses): j must
 * outlive the preview. preview_release frees what the preview owns.
 */
#ifndef DONDOC_PREVIEW_H
#define DONDOC_PREVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "evaluate.h"

/* The longest span one preview walks, in days (two years). */
#define PREVIEW_MAX_DAYS 731

enum preview_type { PV_DEADLINE, PV_CAMPAIGN, PV_STATUS, PV_REMINDER };

/* A day the deadline skipped, and why it is not a working day. */
struct preview_skip {
  cal_day day;
  char reason[80];                 /* "thứ Bảy", "Quốc khánh" … */
};

struct preview_event {
  enum preview_type type;
  cal_day day;                     /* when it happens */
  const struct obligation *obligation;    /* one of these three */
  const struct indicator *indicator;
  const struct campaign *campaign;
  const struct agency *agency;     /* owes / leads / is reminded; NULL for
                                      a campaign's window and status */
  const struct agency *succeeded;  /* the ended agency it answers for */
  struct cal_period period;
  cal_day due, nominal_due;        /* MODEL_DUE_UNSET when unknown */
  enum finding_kind kind;          /* the status (deadline: on that day) */
  enum finding_kind previous;      /* status: the one before … */
  bool has_previous;               /* … when there was one */
  /* deadline: the days between the plan's date and the last day, each
   * with its reason; day_before when "trước ngày" was read as the day
   * before (policy before_means = "day_before") */
  struct preview_skip *skipped; size_t n_skipped;
  bool day_before;
  /* reminder */
  char stage[40];
  const char *to_address;          /* NULL: the agency has no address */
  const char **cc; size_t n_cc;    /* the array is owned, the strings not */
  bool escalation;
};

struct preview {
  const struct jurisdiction *j;
  cal_day from, to;
  const struct agency *agency;     /* only this agency's events, or NULL */
  struct preview_event *v; size_t n, cap;
};

struct preview_options {
  cal_day from, to;                /* inclusive; at most PREVIEW_MAX_DAYS */
  const struct agency *agency;     /* NULL: every agency */
  const char *tmpdir;              /* for the scratch database; NULL: $TMPDIR
                                      or /tmp */
};

/* Build the timeline of j over o's span into p (zero-initialised by the
 * caller), in date order. Returns 0; -1 with a message in err when it
 * cannot (the span, the scratch database, the rules' own limits, out of
 * memory). */
int preview_build(const struct jurisdiction *j,
                  const struct preview_options *o, struct preview *p,
                  char *err, size_t errlen);
void preview_release(struct preview *p);

/* The timeline for people: grouped by month, one line per day, kind and
 * item, the agencies it concerns listed on the line. Returns 0, or -1
 * when writing failed. */
int preview_write_text(FILE *out, const struct preview *p);
/* The same as one JSON object (docs/cli.md, "rules preview --json"). */
int preview_write_json(FILE *out, const struct preview *p);

#endif
