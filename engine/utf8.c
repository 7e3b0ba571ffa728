/*
 * utf8.c — UTF-8 validation, counting, repair and safe cutting (utf8.h).
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* The length of the well-formed character at s, or 0 when s does not
 * start one; *cp gets its code point. */
static size_t utf8_char(const unsigned char *s, unsigned *cp)
{
  unsigned char b = s[0];
  size_t len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2
               : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  unsigned v = len == 1 ? b : len == 2 ? b & 0x1Fu : len == 3 ? b & 0x0Fu
               : b & 0x07u;
  for (size_t k = 1; k < len; k++) {
    if ((s[k] & 0xC0) != 0x80)
      return 0;
    v = v << 6 | (s[k] & 0x3Fu);
  }
  if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
      (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
    return 0;
  *cp = v;
  return len;
}

long utf8_length(const char *s, size_t *bad_at)
{
  const unsigned char *p = (const unsigned char *)s;
  long n = 0;
  for (size_t i = 0; p[i];) {
    unsigned cp;
    size_t len = utf8_char(p + i, &cp);
    if (len == 0) {
      if (bad_at)
        *bad_at = i;
      return -1;
    }
    i += len;
    n++;
  }
  return n;
}

bool utf8_valid(const char *s)
{
  return utf8_length(s, NULL) >= 0;
}

long utf8_find_control(const char *s)
{
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; p[i];) {
    unsigned cp;
    size_t len = utf8_char(p + i, &cp);
    if (len == 0)
      len = 1;
    else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
      return (long)i;
    i += len;
  }
  return -1;
}

char *utf8_sanitize(const char *s)
{
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s);
  /* each bad byte (1) becomes 3 bytes at most */
  char *out = malloc(3 * n + 1), *o = out;
  if (out == NULL)
    return NULL;
  for (size_t i = 0; i < n;) {
    unsigned cp;
    size_t len = utf8_char(p + i, &cp);
    if (len == 0) {
      memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    } else {
      memcpy(o, p + i, len);
      o += len;
      i += len;
    }
  }
  *o = '\0';
  return out;
}

size_t utf8_boundary(const char *s, size_t n)
{
  /* Look only before n: s may already be cut there. */
  size_t start = n;
  while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
    start--;
  if (start == 0)
    return 0;                  /* only continuation bytes: nothing whole */
  unsigned char lead = (unsigned char)s[start - 1];
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return n - (start - 1) < need ? start - 1 : n;
}
