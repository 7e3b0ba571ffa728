/*
 * record.h — the checks every recorded fact passes, typed or imported.
 *
 * `submit` and `observe` (cli/cmd_record.c) take one fact from the command
 * line; `import` (import.c) takes many from a file. Both go through these
 * functions, so a value, period or date refused on the command line is
 * refused in a file too, for the same reason and in the same words.
 * Nothing here prints; messages are written into the caller's buffer.
 */
#ifndef DONDOC_RECORD_H
#define DONDOC_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include "calendar.h"
#include "model.h"

/* How the refusal of a value reads, after the value itself. */
#define RECORD_VALUE_HINT \
  "is not a number between -1e15 and 1e15 (e.g. 47.5 or 47,5)"

/* A value as people write it: a finite decimal number within
 * ±MODEL_VALUE_MAX, with a decimal point or a decimal comma ("1.7",
 * "1,7"), no thousands separators. strtod alone would take "nan", "inf"
 * and hexadecimal. Returns 0 and sets *out, or -1. */
int record_parse_value(const char *text, double *out);

/* Whether value v may be recorded for indicator ind: a percentage (unit
 * "%", not a ratio, whose value is computed) lies within 0–100, and the
 * indicator's own checks hold (checks.whole: a whole number;
 * checks.range: within it). Returns 0, or -1 with the reason in msg, e.g.
 * "ID is a percentage; TEXT is outside 0–100" (TEXT: the value as it was
 * written). */
int record_check_value(const struct indicator *ind, double v,
                       const char *text, char *msg, size_t len);

/* The period `id` of one of ob's schedules ("2024", "2024-H1" …).
 * Returns 0, or -1 when no schedule of ob has such a period. */
int record_obligation_period(const struct obligation *ob, const char *id,
                             struct cal_period *p);

/* Whether `agency` owes ob for period p — as evaluation sees it: listed
 * in `from` (or answering for a listed agency that has ended), or holding
 * the `from` role on the due day. *who (len bytes) lists those who do,
 * for the message. */
bool record_owed_by(const struct jurisdiction *j, const struct obligation *ob,
                    const struct cal_period *p, const char *agency,
                    char *who, size_t len);

/* A report cannot be received after `today`. Returns 0, or -1 with
 * "WHAT DATE is after TODAY_LABEL (DATE): a report cannot be received in
 * the future" in msg ("--on 2024-12-09 is after --now (2024-12-06): …"). */
int record_check_received(cal_day on, cal_day today, const char *what,
                          const char *today_label, char *msg, size_t len);

/* Free text kept on record (a note, a letter number): no control
 * characters (a line break, a tab), at most max_chars characters. s must
 * be valid UTF-8. Returns 0, or -1 with the reason, after "WHAT", in
 * msg. */
int record_check_text(const char *what, const char *s, size_t max_chars,
                      char *msg, size_t len);

#endif
