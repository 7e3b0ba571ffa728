/*
 * redact.c — the shown form of URLs that may carry secrets (redact.h).
 *
 * Parsing is deliberately simple and conservative: it only has to find
 * the authority and the first path segment; when in doubt, it hides.
 */
#include "redact.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MASK "***"
#define SEGMENT_MAX 15      /* longer first segments are masked */
#define SEGMENT_DIGITS 4    /* so are those with more digits than this */
#define PIECE_MIN 4         /* shorter pieces are not scrubbed from text */

/* The parts of a URL, as offsets into it. */
struct parts {
  size_t scheme_end;        /* index of "://" */
  size_t user, user_len;    /* userinfo before ':' */
  size_t pass, pass_len;    /* after ':' (0 length: none) */
  size_t host, host_len;    /* host[:port] */
  size_t seg, seg_len;      /* first path segment (0 length: none) */
  size_t rest;              /* index after the first segment */
  bool has_path;            /* a '/' follows the authority */
};

static bool parse(const char *url, struct parts *p)
{
  const char *sep = strstr(url, "://");
  memset(p, 0, sizeof *p);
  if (sep == NULL || sep == url || strcspn(url, "/?#") < (size_t)(sep - url))
    return false;
  p->scheme_end = (size_t)(sep - url);
  size_t a = p->scheme_end + 3;
  size_t alen = strcspn(url + a, "/?#");
  const char *at = NULL;
  for (const char *c = url + a; c < url + a + alen; c++)
    if (*c == '@')
      at = c;
  p->host = a;
  if (at != NULL) {
    size_t ui = (size_t)(at - (url + a));
    size_t colon = strcspn(url + a, ":@");
    p->user = a;
    p->user_len = colon < ui ? colon : ui;
    if (colon < ui) {
      p->pass = a + colon + 1;
      p->pass_len = ui - colon - 1;
    }
    p->host = (size_t)(at - url) + 1;
  }
  p->host_len = a + alen - p->host;
  size_t i = a + alen;
  if (url[i] == '/') {
    p->has_path = true;
    p->seg = i + 1;
    p->seg_len = strcspn(url + p->seg, "/?#");
    i = p->seg + p->seg_len;
  }
  p->rest = i;
  return true;
}

/* A plain word such as "hooks", "api", "v1" or "services". */
static bool segment_shown(const char *s, size_t len)
{
  size_t digits = 0;
  if (len > SEGMENT_MAX)
    return false;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9')
      digits++;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-' || c == '_' || c == '.'))
      return false;
  }
  return digits <= SEGMENT_DIGITS;
}

void redact_url(const char *url, char *out, size_t cap)
{
  struct parts p;
  if (cap == 0)
    return;
  if (url == NULL) {
    snprintf(out, cap, "(no url)");
    return;
  }
  if (!parse(url, &p)) {
    snprintf(out, cap, "%s", MASK);
    return;
  }
  const char *seg = "";
  int seg_len = 0;
  if (p.seg_len > 0 && segment_shown(url + p.seg, p.seg_len)) {
    seg = url + p.seg;
    seg_len = (int)p.seg_len;
  } else if (p.seg_len > 0) {
    seg = MASK;
    seg_len = (int)strlen(MASK);
  }
  snprintf(out, cap, "%.*s://%.*s%s%.*s%s", (int)p.scheme_end, url,
           (int)p.host_len, url + p.host, p.has_path ? "/" : "", seg_len, seg,
           url[p.rest] != '\0' ? "/..." : "");
}

/* Replace every occurrence of the len bytes at `what` in text by `with`,
 * keeping text within cap bytes (cut at the end when it would not fit). */
static void replace_all(char *text, size_t cap, const char *what, size_t len,
                        const char *with)
{
  size_t wlen = strlen(with);
  if (len == 0)
    return;
  char *at = text;
  for (;;) {
    char *hit = NULL;
    for (char *c = at; *c; c++)
      if (strncmp(c, what, len) == 0) {
        hit = c;
        break;
      }
    if (hit == NULL)
      return;
    size_t tail = strlen(hit + len);
    size_t pos = (size_t)(hit - text);
    if (pos + wlen >= cap) {        /* not even the replacement fits */
      snprintf(hit, cap - pos, "%s", with);
      return;
    }
    if (pos + wlen + tail >= cap)
      tail = cap - 1 - pos - wlen;
    memmove(hit + wlen, hit + len, tail);
    memcpy(hit, with, wlen);
    hit[wlen + tail] = '\0';
    at = hit + wlen;
  }
}

static void scrub_piece(char *text, size_t cap, const char *s, size_t len)
{
  if (len >= PIECE_MIN)
    replace_all(text, cap, s, len, MASK);
}

void redact_scrub(char *text, size_t cap, const char *url)
{
  struct parts p;
  char shown[512];
  if (text == NULL || cap == 0 || url == NULL || *url == '\0')
    return;
  redact_url(url, shown, sizeof shown);
  replace_all(text, cap, url, strlen(url), shown);
  if (!parse(url, &p))
    return;
  scrub_piece(text, cap, url + p.user, p.user_len);
  scrub_piece(text, cap, url + p.pass, p.pass_len);
  if (p.seg_len > 0 && !segment_shown(url + p.seg, p.seg_len))
    scrub_piece(text, cap, url + p.seg, p.seg_len);
  /* After the first segment: each later segment, the query, each query
   * value and the fragment. */
  const char *r = url + p.rest;
  while (*r == '/') {
    size_t n = strcspn(r + 1, "/?#");
    scrub_piece(text, cap, r + 1, n);
    r += 1 + n;
  }
  if (*r == '?') {
    size_t qlen = strcspn(r + 1, "#");
    scrub_piece(text, cap, r + 1, qlen);
    const char *q = r + 1, *end = r + 1 + qlen;
    while (q < end) {
      size_t field = strcspn(q, "&#");
      if (field > (size_t)(end - q))
        field = (size_t)(end - q);
      const char *eq = memchr(q, '=', field);
      if (eq != NULL)
        scrub_piece(text, cap, eq + 1, field - (size_t)(eq + 1 - q));
      q += field + 1;
    }
    r += 1 + qlen;
  }
  if (*r == '#')
    scrub_piece(text, cap, r + 1, strlen(r + 1));
}
