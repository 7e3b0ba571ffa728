/*
 * csv_write.c — CSV cells that spreadsheets open safely (csv_write.h).
 */
#include "csv_write.h"

#include <string.h>

/* RFC 4180: quote every field, double the quotes inside. A field that a
 * spreadsheet would read as a formula gets a leading apostrophe: the cell
 * then shows as text, and the file opens safely whatever a server or a
 * rule put in it. */
void csv_write_field(FILE *out, const char *s, bool last)
{
  fputc('"', out);
  if (s && *s && strchr("=+-@\t\r", *s) != NULL)
    fputc('\'', out);
  for (; s && *s; s++) {
    if (*s == '"')
      fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
  fputs(last ? "\r\n" : ",", out);
}
