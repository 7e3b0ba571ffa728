/*
 * model.h — what a jurisdiction's rules say, as plain C data.
 *
 * rules.c builds these structs from the Lua declarations; evaluate.c reads
 * them. Nothing here knows about Lua or SQLite. Every string and array is
 * owned by the struct that holds it and freed by model_jurisdiction_release.
 * Dates are cal_day; "open" ends are CAL_DAY_MIN / CAL_DAY_MAX.
 */
#ifndef DONDOC_MODEL_H
#define DONDOC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include "calendar.h"

#define CAL_DAY_MIN (-2000000)
#define CAL_DAY_MAX 2000000

/* What rules may say (decls.c refuses the rest at its FILE:LINE): dates,
 * target, baseline and holiday years within these years; figures within
 * ±MODEL_VALUE_MAX; policy day counts up to POLICY_MAX_DAYS; at most
 * MODEL_MAX_ITEMS agencies, roles, obligations, indicators, campaigns and
 * holiday entries, and as many entries in a list (from, support, a role's
 * holders). */
#define MODEL_YEAR_MIN 2000
#define MODEL_YEAR_MAX 2100
#define MODEL_VALUE_MAX 1e15
#define POLICY_MAX_DAYS 366
#define MODEL_MAX_ITEMS 1000

struct agency {
  char *id, *name, *kind, *email, *head_email, *successor, *where;
  cal_day valid_from, valid_until;
  bool member;                    /* member of the Committee (members()) */
  /* Why email / head_email is NULL although the rules gave one (it is not
   * an address): "FILE:LINE: email 'x' is not an email address"; else
   * NULL. The same problem is in the jurisdiction's diags. */
  char *email_error, *head_email_error;
};

struct role_term { char *agency; cal_day from, to; };

/* A duty (secretariat, gender-equality focal agency …) held by agencies
 * over time, so rules survive mergers and renamings. */
struct role {
  char *id, *where;
  struct role_term *terms; size_t n_terms;
};

/* When something is due, relative to its period:
 *   "12-05"            that month-day in the year the period ends
 *   "01-15 next year"  … in the year after
 *   "end+10", "start-5", "end+5wd"   days (or working days) from an edge
 *   "2024-12-05"       a fixed date (one-off obligations)
 *   "as_instructed"    not yet known: the plan leaves the date to a later
 *                      instruction ("theo quy định", "khi có hướng dẫn") */
enum due_base { DUE_MONTH_DAY, DUE_FROM_END, DUE_FROM_START, DUE_FIXED,
                DUE_AS_INSTRUCTED };

/* The nominal due day of a period whose date is not set yet. */
#define MODEL_DUE_UNSET CAL_DAY_MAX

struct due_spec {
  enum due_base base;
  int month, day, year_offset;     /* DUE_MONTH_DAY */
  int offset; bool working_days;   /* DUE_FROM_END / DUE_FROM_START */
  cal_day fixed;                   /* DUE_FIXED */
};

/* How the plan words a deadline. "before 05/12" is ambiguous; the policy
 * declares how it is read (see policy.before_is_day_before). */
enum wording { WORDING_BY, WORDING_BEFORE, WORDING_ON };

/* A date the rules set for one period of an "as_instructed" schedule. */
struct set_date { char period[CAL_PERIOD_ID_LEN]; cal_day day; };

/* One reporting rhythm of an obligation: which periods, due when. */
struct schedule {
  enum cal_period_kind kind;
  struct due_spec due;
  unsigned only;                    /* bit i set: only index i; 0 = every one */
  int win_from_m, win_from_d, win_to_m, win_to_d;   /* CAL_WINDOW bounds */
  struct set_date *dates; size_t n_dates;   /* as_instructed, once known */
};

struct obligation {
  char *id, *title, *basis, *where;
  char *campaign;                   /* id of the campaign that made it, or NULL */
  char **from; size_t n_from;       /* agencies that owe it … */
  char *from_role;                  /* … or whoever holds this role */
  char **to; size_t n_to;           /* roles or agencies it is owed to */
  enum wording wording;
  struct schedule *schedules; size_t n_schedules;
  cal_day active_from, active_until;
};

/* Something the plans ask agencies to *run* every year over a fixed
 * window (the Action Month 15/11–15/12, June's month against domestic
 * violence), not a report. The window is the same days every year and never
 * moves for weekends or holidays. Its optional plan/results reports, when a
 * jurisdiction declares them, are ordinary obligations whose `campaign`
 * names it. */
struct campaign {
  char *id, *title, *basis, *where;
  int from_m, from_d, to_m, to_d;   /* the window; ends before it starts:
                                     * it runs into the next year */
  cal_day active_from, active_until;
};


/* at_least / at_most meet the target on it ("ít nhất 60%"); above / below
 * only strictly past it ("đạt trên 90%", "dưới 5%"). */
enum direction { DIR_AT_LEAST, DIR_AT_MOST, DIR_YES_NO, DIR_ABOVE,
                 DIR_BELOW };

/* year_from_plan: the plan gave no year ("phấn đấu 100%"); the year is the
 * jurisdiction's plan_end. */
struct target { int year; double value; bool year_from_plan; };

/* Consistency checks that imported values must pass (docs/rules.md,
 * checks), declared per indicator as checks = { … }. */
#define MODEL_MAX_PARTS 8
struct indicator_checks {
  bool num_le_den;                  /* a ratio: numerator <= denominator */
  bool whole;                       /* whole numbers only (counts) */
  bool has_range;                   /* plausible values: lo..hi */
  double range_lo, range_hi;
  /* The series that add up to this one (female + male = total), as
   * indices into the jurisdiction's indicators. */
  size_t parts[MODEL_MAX_PARTS]; size_t n_parts;
};

struct indicator {
  char *id, *title, *unit, *goal, *basis, *where;
  char *lead;                       /* role or agency id */
  char **support; size_t n_support;
  enum direction direction;
  bool direction_given;             /* declared, not the at_least default */
  bool has_baseline; int baseline_year; double baseline_value;
  struct target *targets; size_t n_targets;          /* sorted by year */
  struct target *parent_targets; size_t n_parent_targets;  /* e.g. national */
  enum cal_period_kind cadence;
  struct due_spec due;              /* when a period's value is due */
  double tolerance;                 /* share of the distance; < 0: policy's */
  bool is_ratio; char *num, *den; double scale;
  struct indicator_checks checks;
};

enum deadline_shift { SHIFT_NEXT_WORKING_DAY, SHIFT_NONE,
                      SHIFT_PREVIOUS_WORKING_DAY };

#define POLICY_MAX_STEPS 8

/* When reminders go out (remind.c, run.c; the fields are documented in
 * docs/rules.md). Counts are in days unless said otherwise. */
struct policy {
  int before[POLICY_MAX_STEPS]; size_t n_before;   /* days before due */
  int after[POLICY_MAX_STEPS]; size_t n_after;     /* days after due */
  bool on_due;
  int overdue_every;            /* repeat while overdue … */
  int backoff_after;            /* … until this many days late (0: always), */
  int backoff_every;            /* then at this slower pace */
  int escalate_after;           /* 0: never escalate */
  int escalate_every;           /* 0: escalate once */
  bool escalate_cc_secretariat; /* copy the secretariat on escalations */
  int max_per_week;             /* emails to one address (digest aside);
                                 * 0: no limit */
  int indicator_repeat;
  bool working_days_only, before_is_day_before;
  enum deadline_shift deadline_shift;
  double tolerance;
  char *digest;
  int report_day;               /* the digest carries the HTML report from
                                 * this weekday on, once a week (0 = Monday
                                 * … 6 = Sunday); -1: never */
};

/* The words of the reminders, where a jurisdiction sets its own; NULL
 * fields use dondoc's defaults. {agency}, {jurisdiction} and {date} are
 * filled in. */
struct message_texts {
  char *subject_prefix, *greeting, *intro, *closing, *signature;
};

/* A problem found while loading that does not stop the jurisdiction from
 * loading (a malformed address: the agency is used without it).
 * `rules check` prints them and exits 3 when one is an error; `check` and
 * `run` print them too, and the digest lists them. */
struct rule_diag {
  char *message;      /* "FILE:LINE: error: … [code]" or "… warning: …" */
  bool error;
  const char *code;   /* stable, for editors: "agency-without-email" … */
};

/* Ids in byte order, each with its item's index, for lookups by bsearch
 * (a province has hundreds of agencies, and every reference, row and
 * report names one). `id` points into the item, which owns it; the array
 * is the jurisdiction's. */
struct model_id_entry { const char *id; size_t i; };
struct model_id_index { struct model_id_entry *v; size_t n; };

struct jurisdiction {
  char *id, *name, *parent, *plan, *dir;
  char *where;                      /* FILE:LINE of its declaration */
  bool is_template;                 /* only inherited, never evaluated */
  cal_day monitor_from;
  int plan_end;                     /* the plan's last year; 0 when unsaid */
  struct agency *agencies; size_t n_agencies;
  struct role *roles; size_t n_roles;
  struct obligation *obligations; size_t n_obligations;
  struct indicator *indicators; size_t n_indicators;
  struct campaign *campaigns; size_t n_campaigns;
  struct policy policy;
  struct message_texts texts;
  struct cal_holidays holidays;
  struct rule_diag *diags; size_t n_diags;   /* in declaration order */
  /* Built by model_index_* once the items are converted (decls.c); until
   * then (and in structs built by hand) the lookups scan the arrays. */
  struct model_id_index agency_ix, obligation_ix, indicator_ix;
};

void model_jurisdiction_release(struct jurisdiction *j);

/* How many of j's diags are errors. */
size_t model_diag_errors(const struct jurisdiction *j);

/* Record a problem that does not stop j: message "WHERE: error: TEXT
 * [CODE]" (or warning). code is a string literal. Returns 0, or -1 when
 * out of memory. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
int model_add_diag(struct jurisdiction *j, const char *code, bool error,
                   const char *where, const char *fmt, ...);

/* Index j's agencies, obligations or indicators by id (after they are all
 * converted, and before the arrays change again: nothing changes them
 * after conversion). 0, or -1 when out of memory (the lookups then scan). */
int model_index_agencies(struct jurisdiction *j);
int model_index_obligations(struct jurisdiction *j);
int model_index_indicators(struct jurisdiction *j);

/* The item with this id (the first declared, should two share it); NULL
 * when there is none. */
const struct agency *model_agency(const struct jurisdiction *j, const char *id);
const struct role *model_role(const struct jurisdiction *j, const char *id);
const struct obligation *model_obligation(const struct jurisdiction *j,
                                          const char *id);
const struct indicator *model_indicator(const struct jurisdiction *j,
                                        const char *id);
const struct campaign *model_campaign(const struct jurisdiction *j,
                                      const char *id);
/* Whoever holds role-or-agency `id` on day d: the role's holder then, or the
 * agency itself. NULL when nobody does. */
const struct agency *model_holder(const struct jurisdiction *j, const char *id,
                                  cal_day d);
/* The agency that answers for `a` on day d: a itself while valid, else its
 * successor chain's first agency valid on d. NULL when there is none. */
const struct agency *model_answerable(const struct jurisdiction *j,
                                      const struct agency *a, cal_day d);
bool model_agency_valid(const struct agency *a, cal_day d);

/* The nominal due date of period p under spec; the effective deadline after
 * the wording's reading and the holiday shift of the policy. */
cal_day model_due_nominal(const struct due_spec *due,
                          const struct cal_period *p,
                          const struct cal_holidays *h);
/* The nominal due day of period p of schedule s: as model_due_nominal,
 * or the date the rules set for p when s is "as_instructed"
 * (MODEL_DUE_UNSET when none is set). */
cal_day model_schedule_due(const struct schedule *s,
                           const struct cal_period *p,
                           const struct cal_holidays *h);
cal_day model_due_effective(const struct jurisdiction *j, enum wording w,
                            cal_day nominal);

const char *model_direction_name(enum direction d);
/* Whether the indicator is meant to go down (at_most, below). */
bool model_direction_falls(enum direction d);
const char *model_wording_name(enum wording w);

#endif
