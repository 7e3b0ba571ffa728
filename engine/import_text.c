/*
 * import_text.c — the bytes of an imported file → NFC UTF-8 text
 * (import_text.h: which encodings, and how they are told apart).
 *
 * glibc's iconv converts UTF-16LE and Windows-1258; utf8proc validates
 * UTF-8, normalises to NFC and decomposes letters to see whether they are
 * Vietnamese. Nothing here guesses silently: what fits none of the
 * encodings is refused with the row and column of its first bad byte.
 */
#include "import_text.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* How many odd bytes of the start of a file without a byte-order mark are
 * looked at to recognise UTF-16LE. */
#define UTF16_SNIFF 512

const char *import_encoding_name(enum import_encoding e)
{
  switch (e) {
  case IMPORT_UTF8: return "UTF-8";
  case IMPORT_UTF8_BOM: return "UTF-8 (BOM)";
  case IMPORT_UTF16LE: return "UTF-16LE";
  case IMPORT_CP1258: return "Windows-1258";
  }
  return "?";
}

void import_text_release(struct import_text *t)
{
  free(t->text);
  t->text = NULL;
  t->len = 0;
}

/* Row and column (from 1) of byte `at` of s, whose bytes before `at` are
 * valid UTF-8. A line break is LF, CRLF or a lone CR. */
static void position(const unsigned char *s, size_t at, size_t *row,
                     size_t *col)
{
  *row = 1;
  *col = 1;
  for (size_t i = 0; i < at; i++) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= at || s[i + 1] != '\n'))) {
      ++*row;
      *col = 1;
    } else if ((s[i] & 0xC0) != 0x80 && s[i] != '\r') {
      ++*col;                  /* a character starts here */
    }
  }
}

/* The offset of the first byte of s[0..n) that does not begin a valid
 * UTF-8 character, or n. */
static size_t utf8_scan(const unsigned char *s, size_t n)
{
  size_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i),
                                          &cp);
    if (k <= 0)
      return i;
    i += (size_t)k;
  }
  return n;
}

/* Characters that have no place in a text file: C0 controls but tab and
 * line breaks, DEL, C1 controls, and the two noncharacters a byte-swapped
 * or binary file produces. */
static bool is_control(utf8proc_int32_t cp)
{
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
         (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

/* The offset of the first control character in valid UTF-8 s[0..n), or
 * n; *cp_out gets it. */
static size_t find_control(const unsigned char *s, size_t n,
                           utf8proc_int32_t *cp_out)
{
  size_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i),
                                          &cp);
    if (k <= 0)
      return i;               /* not reached: s was validated */
    if (is_control(cp)) {
      *cp_out = cp;
      return i;
    }
    i += (size_t)k;
  }
  return n;
}

/* Convert n bytes from encoding `from` to UTF-8 with iconv. Returns 0 with
 * *out (malloc'd, NUL-terminated) and *olen; -1 when the input is not
 * valid in `from`, with *out holding what converted before *bad_at (the
 * offset of the offending input); -2 when out of memory or when iconv
 * does not know `from`. */
static int convert(const char *from, const unsigned char *in, size_t n,
                   char **out, size_t *olen, size_t *bad_at)
{
  *out = NULL;
  *olen = 0;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1)
    return -2;
  size_t cap = 3 * n + 16, used = 0;
  char *buf = malloc(cap + 1);
  char *ip = (char *)in;       /* iconv's prototype lacks the const */
  size_t il = n;
  int rc = 0, phase = 0;        /* 0: the input, 1: flushing, 2: done */
  while (buf != NULL && rc == 0 && phase < 2) {
    char *op = buf + used;
    size_t ol = cap - used;
    /* After the input, a call with NULL input emits what a stateful
     * decoder still holds (Windows-1258 keeps a letter back, waiting for
     * a tone mark). */
    size_t r = phase == 0 ? iconv(cd, &ip, &il, &op, &ol)
                          : iconv(cd, NULL, NULL, &op, &ol);
    used = (size_t)(op - buf);
    if (r != (size_t)-1) {
      phase++;
    } else if (errno == E2BIG) {
      char *nb = realloc(buf, 2 * cap + 1);
      if (nb == NULL) {
        free(buf);
        buf = NULL;
      } else {
        buf = nb;
        cap *= 2;
      }
    } else {                   /* EILSEQ, or EINVAL: cut short at the end */
      *bad_at = (size_t)(ip - (char *)in);
      rc = -1;
    }
  }
  (void)iconv_close(cd);
  if (buf == NULL)
    return -2;
  buf[used] = '\0';
  *out = buf;
  *olen = used;
  return rc;
}

/* NFC of valid UTF-8 s[0..n) into *out (malloc'd). 0, or -2 when out of
 * memory. Line by line, and a line of ASCII only is copied as it is: NFC
 * leaves it unchanged, and nothing composes across a newline (a starter),
 * so the result is the NFC of the whole — at a fraction of the cost for
 * the ASCII lines that make up most files of figures. */
static int nfc(const char *s, size_t n, char **out, size_t *olen)
{
  size_t cap = n + 1, used = 0;
  char *buf = malloc(cap);
  if (buf == NULL)
    return -2;
  for (size_t at = 0; at < n;) {
    const char *nl = memchr(s + at, '\n', n - at);
    size_t end = nl ? (size_t)(nl - s) + 1 : n;
    bool ascii = true;
    for (size_t i = at; i < end && ascii; i++)
      ascii = (unsigned char)s[i] < 0x80;
    const char *piece = s + at;
    size_t len = end - at;
    utf8proc_uint8_t *dst = NULL;
    if (!ascii) {
      utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)piece,
                                        (utf8proc_ssize_t)len, &dst,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
      if (r < 0) {             /* only NOMEM: the input was validated */
        free(buf);
        return -2;
      }
      piece = (const char *)dst;
      len = (size_t)r;
    }
    if (used + len + 1 > cap) {
      size_t ncap = (used + len + 1) * 2;
      char *nb = realloc(buf, ncap);
      if (nb == NULL) {
        free(dst);
        free(buf);
        return -2;
      }
      buf = nb;
      cap = ncap;
    }
    memcpy(buf + used, piece, len);
    used += len;
    free(dst);
    at = end;
  }
  buf[used] = '\0';
  *out = buf;
  *olen = used;
  return 0;
}

/* A Vietnamese letter: đ, or a, ă, â, e, ê, i, o, ô, ơ, u, ư, y (either
 * case) with at most one of the five tones. */
static bool vn_letter(utf8proc_int32_t cp)
{
  if (cp == 0x110 || cp == 0x111)
    return true;
  utf8proc_int32_t d[8];
  int last = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE,
                                               &last);
  if (k < 2 || k > 3 || d[0] <= 0 || d[0] >= 0x80 ||
      strchr("aeiouyAEIOUY", (int)d[0]) == NULL)
    return false;
  char base = (char)(d[0] | 0x20);
  int marks = 0, tones = 0;
  for (utf8proc_ssize_t i = 1; i < k; i++) {
    switch (d[i]) {
    case 0x306:                /* breve: ă */
      marks++;
      if (base != 'a')
        return false;
      break;
    case 0x302:                /* circumflex: â ê ô */
      marks++;
      if (base != 'a' && base != 'e' && base != 'o')
        return false;
      break;
    case 0x31B:                /* horn: ơ ư */
      marks++;
      if (base != 'o' && base != 'u')
        return false;
      break;
    case 0x300: case 0x301: case 0x303: case 0x309: case 0x323:
      tones++;                 /* huyền, sắc, ngã, hỏi, nặng */
      break;
    default:
      return false;
    }
  }
  return marks <= 1 && tones <= 1;
}

/* Punctuation a Vietnamese spreadsheet may hold besides letters. */
static bool vn_punctuation(utf8proc_int32_t cp)
{
  static const utf8proc_int32_t ok[] = {
    0x00A0, 0x00A7, 0x00AB, 0x00B0, 0x00B2, 0x00B3, 0x00B7, 0x00BB, 0x00D7,
    0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AB,
    0x20AC,
  };
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
    if (cp == ok[i])
      return true;
  return false;
}

/* Whether NFC text s[0..n) reads as Vietnamese: every non-ASCII character
 * a Vietnamese letter or punctuation, and at least one such letter. */
static bool reads_vietnamese(const unsigned char *s, size_t n)
{
  size_t i = 0, letters = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i),
                                          &cp);
    if (k <= 0)
      return false;
    if (cp >= 0x80) {
      if (vn_letter(cp))
        letters++;
      else if (!vn_punctuation(cp))
        return false;
    }
    i += (size_t)k;
  }
  return letters > 0;
}

/* Valid UTF-8 s[0..n) → out, refusing control characters. */
static int finish(const char *s, size_t n, enum import_encoding enc,
                  struct import_text *out, struct import_text_error *err)
{
  utf8proc_int32_t cp = 0;
  size_t at = find_control((const unsigned char *)s, n, &cp);
  if (at < n) {
    position((const unsigned char *)s, at, &err->row, &err->col);
    snprintf(err->message, sizeof err->message,
             "control character U+%04X at column %zu: this is not a text "
             "file (save the sheet from Excel as \"CSV UTF-8\")",
             (unsigned)cp, err->col);
    return -1;
  }
  out->encoding = enc;
  return nfc(s, n, &out->text, &out->len);
}

/* Windows-1258, when the bytes read as Vietnamese. 0 (out set), 1 when
 * they do not, -2 when out of memory. */
static int try_cp1258(const unsigned char *data, size_t n,
                      struct import_text *out)
{
  char *u = NULL, *c = NULL;
  size_t ulen = 0, clen = 0, bad = 0;
  utf8proc_int32_t cp;
  int rc = convert("WINDOWS-1258", data, n, &u, &ulen, &bad);
  if (rc == 0 && find_control((const unsigned char *)u, ulen, &cp) < ulen)
    rc = 1;
  if (rc == 0)
    rc = nfc(u, ulen, &c, &clen);
  if (rc == 0 && !reads_vietnamese((const unsigned char *)c, clen))
    rc = 1;
  free(u);
  if (rc == 0) {
    out->text = c;
    out->len = clen;
    out->encoding = IMPORT_CP1258;
    return 0;
  }
  free(c);
  return rc == -2 ? -2 : 1;
}

/* UTF-16LE: with the byte-order mark FF FE; without it, ASCII letters
 * with NUL high bytes (import_text.h). */
static bool looks_utf16le(const unsigned char *d, size_t n)
{
  if (n >= 2 && d[0] == 0xFF && d[1] == 0xFE)
    return true;
  if (n < 4 || n % 2 != 0 || d[0] == 0 || d[1] != 0)
    return false;
  size_t m = n < UTF16_SNIFF ? n : UTF16_SNIFF, nul = 0, odd = 0;
  for (size_t i = 1; i < m; i += 2, odd++)
    nul += d[i] == 0;
  return 4 * nul >= 3 * odd;
}

static int decode_utf16(const unsigned char *data, size_t n,
                        struct import_text *out,
                        struct import_text_error *err)
{
  size_t skip = n >= 2 && data[0] == 0xFF && data[1] == 0xFE ? 2 : 0;
  char *u = NULL;
  size_t ulen = 0, bad = 0;
  int rc = convert("UTF-16LE", data + skip, n - skip, &u, &ulen, &bad);
  if (rc == -1) {
    position((const unsigned char *)u, ulen, &err->row, &err->col);
    snprintf(err->message, sizeof err->message,
             "the file is UTF-16LE text (\"Unicode Text\"), but its bytes at "
             "column %zu (offset %zu) are not: %s", err->col, bad + skip,
             bad + skip + 2 > n ? "it ends in the middle of a character"
                                : "a broken character (a lone surrogate)");
  } else if (rc == 0) {
    rc = finish(u, ulen, IMPORT_UTF16LE, out, err);
  }
  free(u);
  return rc;
}

int import_text_decode(const unsigned char *data, size_t n,
                       struct import_text *out, struct import_text_error *err)
{
  memset(out, 0, sizeof *out);
  memset(err, 0, sizeof *err);
  if (looks_utf16le(data, n))
    return decode_utf16(data, n, out, err);
  size_t skip = n >= 3 && data[0] == 0xEF && data[1] == 0xBB &&
                data[2] == 0xBF ? 3 : 0;
  size_t bad = utf8_scan(data + skip, n - skip);
  if (bad == n - skip)
    return finish((const char *)data + skip, n - skip,
                  skip ? IMPORT_UTF8_BOM : IMPORT_UTF8, out, err);
  if (skip == 0) {             /* a UTF-8 byte-order mark rules it out */
    int rc = try_cp1258(data, n, out);
    if (rc <= 0)
      return rc;
  }
  position(data + skip, bad, &err->row, &err->col);
  snprintf(err->message, sizeof err->message,
           "byte 0x%02X at column %zu is not UTF-8, and the file does not "
           "read as UTF-16LE or Vietnamese Windows-1258 text either: save the "
           "sheet from Excel as \"CSV UTF-8 (Comma delimited)\" or \"Unicode "
           "Text\"", data[skip + bad], err->col);
  return -1;
}

/* ---- streaming ---------------------------------------------------------- */

void import_text_stream_release(struct import_text_stream *s)
{
  free(s->pending);
  free(s->out);
  memset(s, 0, sizeof *s);
}

int import_text_stream_feed(struct import_text_stream *s,
                            const unsigned char *in, size_t n, int last,
                            const char **text, size_t *len)
{
  *text = "";
  *len = 0;
  free(s->out);
  s->out = NULL;
  if (s->n_pending + n > s->cap) {
    size_t cap = 2 * (s->n_pending + n);
    unsigned char *np = realloc(s->pending, cap);
    if (np == NULL)
      return -2;
    s->pending = np;
    s->cap = cap;
  }
  if (n > 0)
    memcpy(s->pending + s->n_pending, in, n);
  s->n_pending += n;
  size_t skip = 0;
  if (!s->started) {
    if (s->n_pending < 3 && !last)
      return 0;
    s->started = 1;
    skip = s->n_pending >= 3 && s->pending[0] == 0xEF &&
           s->pending[1] == 0xBB && s->pending[2] == 0xBF ? 3 : 0;
    s->encoding = skip ? IMPORT_UTF8_BOM : IMPORT_UTF8;
  }
  /* whole lines only: a character or a line cut by the chunk waits */
  size_t end = s->n_pending;
  if (!last)
    while (end > skip && s->pending[end - 1] != '\n')
      end--;
  size_t m = end > skip ? end - skip : 0;
  if (m == 0) {                /* nothing whole yet (pending may be NULL) */
    if (end > 0) {
      memmove(s->pending, s->pending + end, s->n_pending - end);
      s->n_pending -= end;
    }
    return 0;
  }
  const unsigned char *p = s->pending + skip;
  utf8proc_int32_t cp;
  if (utf8_scan(p, m) != m || find_control(p, m, &cp) != m)
    return 1;
  size_t olen = 0;
  if (nfc((const char *)p, m, &s->out, &olen) != 0)
    return -2;
  memmove(s->pending, s->pending + end, s->n_pending - end);
  s->n_pending -= end;
  *text = s->out ? s->out : "";
  *len = olen;
  return 0;
}
