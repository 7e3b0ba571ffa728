/*
 * utf8.h — the UTF-8 checks every layer needs, in one place.
 *
 * Text reaches dondoc from rule files, the command line and the database,
 * and leaves it as JSON, email and CSV, all of which must be valid UTF-8:
 * jansson refuses anything else, and a mail client shows mojibake. These
 * functions decide what is valid (RFC 3629: no overlong forms, no UTF-16
 * surrogates, nothing above U+10FFFF) and never cut inside a character.
 */
#ifndef DONDOC_UTF8_H
#define DONDOC_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the NUL-terminated s is valid UTF-8. */
bool utf8_valid(const char *s);

/* The number of characters of s, or -1 when s is not valid UTF-8, with
 * the byte offset of the first bad byte in *bad_at. */
long utf8_length(const char *s, size_t *bad_at);

/* The offset of the first C0 or C1 control character (or DEL) in valid
 * UTF-8 s, or -1 when it has none. */
long utf8_find_control(const char *s);

/* A malloc'd copy of s in which every byte that is not part of a valid
 * character is replaced by U+FFFD; NULL when out of memory. */
char *utf8_sanitize(const char *s);

/* Where to cut s (valid UTF-8, possibly already cut at n) so that
 * s[0..n') holds whole characters only: n, or the start of the character
 * that n splits. Only bytes before n are read. */
size_t utf8_boundary(const char *s, size_t n);

#endif
