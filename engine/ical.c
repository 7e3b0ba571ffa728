/*
 * ical.c — iCalendar content lines: escaping, folding, value formats.
 */
#include "ical.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

char *ical_escape_text(const char *s)
{
  /* each byte becomes two at most ("\\", "\n") */
  char *out = malloc(2 * strlen(s) + 1), *o = out;
  if (out == NULL)
    return NULL;
  for (const char *p = s; *p; p++) {
    unsigned char ch = (unsigned char)*p;
    switch (ch) {
    case '\\': case ';': case ',':
      *o++ = '\\';
      *o++ = (char)ch;
      break;
    case '\r': case '\n':
      /* LF, CRLF and a lone CR are each one line break */
      if (ch == '\r' && p[1] == '\n')
        p++;
      *o++ = '\\';
      *o++ = 'n';
      break;
    default:
      *o++ = ch < 0x20 && ch != '\t' ? ' ' : ch == 0x7F ? ' ' : (char)ch;
    }
  }
  *o = '\0';
  return out;
}

char *ical_fold(const char *line)
{
  size_t n = strlen(line);
  /* every piece adds CRLF and a space at most; pieces hold 70 octets at
   * least (a character is 4 octets at most) */
  char *out = malloc(n + 3 * (n / 70 + 2) + 1), *o = out;
  if (out == NULL)
    return NULL;
  size_t at = 0;
  bool first = true;
  do {
    size_t room = first ? ICAL_LINE_OCTETS : ICAL_LINE_OCTETS - 1;
    size_t take = n - at;
    if (take > room) {
      take = utf8_boundary(line + at, room);
      /* not UTF-8 after all (callers pass valid text): cut at the octet
       * rather than never progress */
      if (take == 0)
        take = room;
    }
    if (!first)
      *o++ = ' ';
    memcpy(o, line + at, take);
    o += take;
    *o++ = '\r';
    *o++ = '\n';
    at += take;
    first = false;
  } while (at < n);
  *o = '\0';
  return out;
}

void ical_line(struct ical_writer *w, const char *name, const char *value)
{
  if (w->failed)
    return;
  size_t nn = strlen(name), nv = strlen(value);
  char *line = malloc(nn + nv + 2);
  if (line == NULL) {
    w->failed = true;
    return;
  }
  memcpy(line, name, nn);
  line[nn] = ':';
  memcpy(line + nn + 1, value, nv + 1);
  char *folded = ical_fold(line);
  free(line);
  if (folded == NULL || fputs(folded, w->out) == EOF)
    w->failed = true;
  free(folded);
}

void ical_text(struct ical_writer *w, const char *name, const char *text)
{
  if (w->failed)
    return;
  char *escaped = ical_escape_text(text);
  if (escaped == NULL) {
    w->failed = true;
    return;
  }
  ical_line(w, name, escaped);
  free(escaped);
}

void ical_begin(struct ical_writer *w, const char *component)
{
  ical_line(w, "BEGIN", component);
}

void ical_end(struct ical_writer *w, const char *component)
{
  ical_line(w, "END", component);
}

void ical_format_date(cal_day d, char buf[ICAL_DATE_LEN])
{
  int y, m, dd;
  cal_to_ymd(d, &y, &m, &dd);
  snprintf(buf, ICAL_DATE_LEN, "%04d%02d%02d", y, m, dd);
}

void ical_format_utc(long long unix_seconds, char buf[ICAL_UTC_LEN])
{
  long long days = unix_seconds / 86400, secs = unix_seconds % 86400;
  if (secs < 0) {
    secs += 86400;
    days--;
  }
  int y, m, d;
  cal_to_ymd((cal_day)days, &y, &m, &d);
  snprintf(buf, ICAL_UTC_LEN, "%04d%02d%02dT%02lld%02lld%02lldZ", y, m, d,
           secs / 3600, secs / 60 % 60, secs % 60);
}

void ical_format_duration(long minutes, char buf[ICAL_DURATION_LEN])
{
  const char *sign = minutes < 0 ? "-" : "";
  unsigned long v = minutes < 0 ? 0UL - (unsigned long)minutes
                                : (unsigned long)minutes;
  unsigned long days = v / 1440, hours = v / 60 % 24, mins = v % 60;
  char time[16] = "";
  if (v == 0) {
    snprintf(buf, ICAL_DURATION_LEN, "PT0S");
    return;
  }
  if (hours && mins)
    snprintf(time, sizeof time, "T%luH%luM", hours, mins);
  else if (hours)
    snprintf(time, sizeof time, "T%luH", hours);
  else if (mins)
    snprintf(time, sizeof time, "T%luM", mins);
  if (days)
    snprintf(buf, ICAL_DURATION_LEN, "%sP%luD%s", sign, days, time);
  else
    snprintf(buf, ICAL_DURATION_LEN, "%sP%s", sign, time);
}

void ical_vtimezone(struct ical_writer *w, const char *tzid,
                    int utc_offset_minutes)
{
  int v = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char offset[8], name[8];
  snprintf(offset, sizeof offset, "%c%02d%02d",
           utc_offset_minutes < 0 ? '-' : '+', v / 60 % 100, v % 60);
  /* the abbreviation tzdata uses for such zones: "+07", "UTC" */
  if (v == 0)
    snprintf(name, sizeof name, "UTC");
  else if (v % 60 == 0)
    snprintf(name, sizeof name, "%c%02d", utc_offset_minutes < 0 ? '-' : '+',
             v / 60 % 100);
  else
    snprintf(name, sizeof name, "%s", offset);
  ical_begin(w, "VTIMEZONE");
  ical_text(w, "TZID", tzid);
  ical_begin(w, "STANDARD");
  ical_line(w, "DTSTART", "19700101T000000");
  ical_line(w, "TZOFFSETFROM", offset);
  ical_line(w, "TZOFFSETTO", offset);
  ical_text(w, "TZNAME", name);
  ical_end(w, "STANDARD");
  ical_end(w, "VTIMEZONE");
}
