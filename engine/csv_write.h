/*
 * csv_write.h — CSV cells that spreadsheets open safely.
 *
 * Shared by every CSV dondoc writes (the delivery ledger, the report's
 * appendix table), so the quoting and the formula guard are the same
 * everywhere.
 */
#ifndef DONDOC_CSV_WRITE_H
#define DONDOC_CSV_WRITE_H

#include <stdbool.h>
#include <stdio.h>

/* Write s (NULL: empty) as one RFC 4180 field, quoted, quotes doubled,
 * followed by "," or, when `last`, by CRLF. A value a spreadsheet would
 * read as a formula (beginning with '=', '+', '-', '@', tab or CR, the
 * OWASP "CSV injection" list) gets a leading apostrophe, so it shows as
 * text. Errors are the stream's (ferror). */
void csv_write_field(FILE *out, const char *s, bool last);

#endif
