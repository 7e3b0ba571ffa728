/*
 * ical.h — writing iCalendar text (RFC 5545).
 *
 * The format and nothing of dondoc's meaning: content lines "NAME;PARAMS:
 * VALUE" ended by CRLF and folded so that no line is longer than 75
 * octets, never inside a UTF-8 character (RFC 5545 3.1); TEXT values
 * escaped (3.3.11); the value syntax of DATE, UTC DATE-TIME and DURATION;
 * and a VTIMEZONE for a zone with one fixed offset (every zone dondoc's
 * config accepts). agenda.c decides what goes into a calendar.
 */
#ifndef DONDOC_ICAL_H
#define DONDOC_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "calendar.h"

#define ICAL_LINE_OCTETS 75          /* RFC 5545 3.1, without the CRLF */
#define ICAL_DATE_LEN 9              /* "20241205" + NUL */
#define ICAL_UTC_LEN 17              /* "20241208T170000Z" + NUL */
#define ICAL_DURATION_LEN 24         /* "-P366DT23H59M" + NUL, rounded */

/* s as an RFC 5545 TEXT value: backslash, semicolon and comma escaped,
 * each line break (LF, CRLF or CR) written "\n"; any other control
 * character but the tab (which TEXT does not allow) becomes a space.
 * malloc'd (the caller frees it); NULL when out of memory. */
char *ical_escape_text(const char *s);

/* One content line (no CRLF in it) as it is written: cut into pieces of
 * at most 75 octets — the first piece 75, every continuation a space and
 * at most 74 — each cut on a character boundary of the UTF-8 text, each
 * piece followed by CRLF. malloc'd (the caller frees it); NULL when out
 * of memory. */
char *ical_fold(const char *line);

/* Writes content lines to a stream. `failed` stays set after the first
 * write error or allocation failure; the functions then do nothing, so a
 * caller writes everything and checks once at the end. */
struct ical_writer {
  FILE *out;
  bool failed;
};

/* "NAME:VALUE" with value written as it is (a DATE, a DURATION, a UID
 * made of safe characters…); name may carry parameters
 * ("DTSTART;VALUE=DATE"). */
void ical_line(struct ical_writer *w, const char *name, const char *value);
/* "NAME:VALUE" with text escaped as a TEXT value. */
void ical_text(struct ical_writer *w, const char *name, const char *text);
/* BEGIN:COMPONENT / END:COMPONENT. */
void ical_begin(struct ical_writer *w, const char *component);
void ical_end(struct ical_writer *w, const char *component);

/* d as a DATE value: "20241205". */
void ical_format_date(cal_day d, char buf[ICAL_DATE_LEN]);
/* A moment (seconds since 1970-01-01T00:00Z) as a UTC DATE-TIME:
 * "20241208T170000Z". */
void ical_format_utc(long long unix_seconds, char buf[ICAL_UTC_LEN]);
/* A signed number of minutes as a DURATION: -9600 → "-P6DT16H",
 * 480 → "PT8H", 1920 → "P1DT8H", 0 → "PT0S". */
void ical_format_duration(long minutes, char buf[ICAL_DURATION_LEN]);

/* A VTIMEZONE for tzid, a zone that is utc_offset_minutes east of UTC all
 * year (no daylight saving): one STANDARD rule from 1970. */
void ical_vtimezone(struct ical_writer *w, const char *tzid,
                    int utc_offset_minutes);

#endif
