/*
 * agenda.h — deadlines and campaign windows as calendar events
 * (`dondoc calendar`, docs/calendar.md).
 *
 * agenda_collect picks the events of a jurisdiction at `now`:
 *   - one per report instance (agency × obligation × period) whose plan
 *     date falls in the window `check --all` looks at (evaluate_window:
 *     from monitor_from, or a year back, to a year ahead), on its
 *     effective last day — after the weekend/holiday shift, moved by an
 *     extension in force; a date left to a later instruction only once a
 *     rule or a letter sets it; an exemption keeps the event, cancelled;
 *   - one per campaign window (the Action Month…) overlapping that window,
 *     from its first to its last day.
 * For one agency: what it owes (with the duties it carries for an ended
 * predecessor) and the campaigns it runs as a member of the Committee.
 *
 * Each event's UID depends only on what it is about — (jurisdiction,
 * obligation, agency, period) or (jurisdiction, campaign, year) — so a
 * re-export, or an extension that moves the date, updates the event in a
 * calendar instead of adding another. Its alarms fall on the days `run`
 * sends the reminders of the policy (remind.h), at 08:00.
 *
 * agenda_write_ical writes the events as one VCALENDAR (ical.h).
 */
#ifndef DONDOC_AGENDA_H
#define DONDOC_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "evaluate.h"
#include "store.h"

/* before-N stages, the last day, and the first step after it. */
#define AGENDA_MAX_ALARMS (POLICY_MAX_STEPS + 2)
#define AGENDA_UID_LEN 320
/* Alarms ring at this minute of their day (08:00), when offices open. */
#define AGENDA_ALARM_MINUTE (8 * 60)

struct agenda_event {
  /* A report: the instance as evaluated at now (f.obligation set). A
   * campaign window: only f.j, f.campaign and f.period are set. */
  struct finding f;
  cal_day first, last;           /* the days it covers, inclusive */
  char uid[AGENDA_UID_LEN];
  bool cancelled;                /* exempt: STATUS:CANCELLED */
  /* 0 while the event stands where the plan put it; the day of the grant
   * in force (an extension, a date set by letter, an exemption) as
   * YYYYMMDD once one moved, set or cancelled it — so it only grows. */
  int sequence;
  /* The day of the last change the store knows (the grant in force, the
   * receipt), or CAL_DAY_MIN when none. */
  cal_day modified;
  /* Days from `first` on which an alarm rings; those before now are left
   * out (an import would show them as missed). */
  int alarms[AGENDA_MAX_ALARMS]; size_t n_alarms;
};

/* The events, and the findings that own the strings they point to (grant
 * letters). agenda_release frees both. */
struct agenda {
  struct agenda_event *v; size_t n, cap;
  struct findings found;
};

struct agenda_options {
  cal_day now;
  const char *agency;        /* only what this agency owes; NULL: all */
  const char *domain;        /* the right-hand side of every UID */
};

/* Append j's events at o->now to out, in calendar order (by first day,
 * campaigns first, then agency, obligation, period). Returns 0, or an
 * evaluate_jurisdiction error (EVAL_ERR_STORE, EVAL_ERR_RULES) with its
 * message in err; on error nothing of j is kept. A jurisdiction that
 * does not declare o->agency adds nothing. */
int agenda_collect(const struct jurisdiction *j, struct store *s,
                   const struct agenda_options *o, struct agenda *out,
                   char *err, size_t errlen);
void agenda_release(struct agenda *a);

/* The UID of a report instance / a campaign window, into buf. */
void agenda_report_uid(const char *jurisdiction, const char *obligation,
                       const char *agency, const char *period,
                       const char *domain, char buf[AGENDA_UID_LEN]);
void agenda_campaign_uid(const char *jurisdiction, const char *campaign,
                         const char *period, const char *domain,
                         char buf[AGENDA_UID_LEN]);

struct agenda_write_options {
  cal_day now; int minute;       /* the export moment (DTSTAMP), local */
  int utc_offset_minutes;
  const char *tzid;              /* the config's zone: VTIMEZONE */
  const char *prodid;            /* "-//dondoc//dondoc 0.2.0//VI" */
  const char *name;              /* X-WR-CALNAME */
  const char *agency_name;       /* the agency of a one-agency calendar
                                    (summaries then leave it out), or
                                    NULL */
};

/* Write a as one VCALENDAR to out. Returns 0, or -1 when a write (or an
 * allocation) failed. */
int agenda_write_ical(FILE *out, const struct agenda *a,
                      const struct agenda_write_options *o);

#endif
