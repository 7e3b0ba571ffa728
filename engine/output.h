/*
 * output.h — findings printed for people (a table) or programs (JSON).
 *
 * The JSON shape is the contract of DESIGN.md ("check --json"): one array,
 * one object per finding. Documented field by field in docs/cli.md.
 */
#ifndef DONDOC_OUTPUT_H
#define DONDOC_OUTPUT_H

#include <stdio.h>
#include "evaluate.h"

/* A note about the calendar: `year` has no announced civil-service
 * schedule, so its holidays are computed (legal_calendar.h). */
struct output_calendar_note {
  int year;
  const char *message;
};

/* The JSON array of f, then one {"kind": "calendar", "year", "message"}
 * object per note. A finding or note that cannot be encoded (out of
 * memory) is left out and counted in *skipped; the others are still
 * written. Returns 0, or -1 when the write failed. */
int output_findings_json(FILE *out, const struct findings *f,
                         const struct output_calendar_note *notes,
                         size_t n_notes, size_t *skipped);
int output_findings_table(FILE *out, const struct findings *f, cal_day now);

#endif
