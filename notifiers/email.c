/*
 * email.c — render one reminder as an RFC 5322 / MIME message (email.h).
 *
 * The output goes to smtp_send() unchanged, so everything SMTP and mail
 * readers need is settled here:
 *   - every line ends in CRLF and stays far below the 998-octet limit;
 *   - headers are pure ASCII: UTF-8 text (Subject, the From display name)
 *     becomes RFC 2047 "B" encoded-words, each cut on a character boundary
 *     so every word decodes to valid UTF-8 on its own;
 *   - the body is multipart/alternative (text/plain, then text/html — the
 *     last part is the preferred one), both base64, so Vietnamese text and
 *     long HTML lines survive any relay (no 8BITMIME needed); with
 *     attachments, multipart/mixed around it, each file base64 with its
 *     UTF-8 name in RFC 2231 continuations;
 *   - the MIME boundary is derived from the Message-ID, so the same
 *     reminder renders to the same bytes (reproducible tests, dedup);
 *   - anything that would reach a header raw (addresses, message ids) is
 *     validated, and a bad value fails the whole render: header injection.
 * Base64 and SHA-256 come from libcrypto; no TZ or locale is consulted.
 */
#include "email.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

/* Lines we fold ourselves stay within this (RFC 5322 asks for 78). */
#define LINE_MAX_SOFT 76
/* UTF-8 bytes per encoded-word: 36 bytes -> 48 base64 chars -> a 60-char
 * word. That keeps "Subject: " + word (or any header name up to 16 chars)
 * within 76 columns on the first line, and every word well under the
 * 75-char RFC 2047 limit. */
#define WORD_BYTES 36
/* ASCII values longer than this are encoded too, so that "Subject: " plus
 * the value still fits a 76-column line without folding ASCII text. */
#define RAW_HEADER_MAX 66
/* Base64 body lines: 57 input bytes give exactly 76 output chars. */
#define B64_LINE_BYTES 57
/* Message ids and addresses: far below the line limit even with a header
 * name in front, and generous for real ids. */
#define MSGID_MAX 250
#define ADDR_MAX 254

/* ---- growable output buffer ------------------------------------------ */

/* Errors are sticky: after one failed allocation every append is a no-op
 * and the caller checks `failed` once at the end. */
struct sb {
  char *p;
  size_t len, cap;
  bool failed;
};

static void sb_put(struct sb *b, const char *s, size_t n) {
  if (b->failed)
    return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + n + 1) {
      if (cap > SIZE_MAX / 2) {
        b->failed = true;
        return;
      }
      cap *= 2;
    }
    char *np = realloc(b->p, cap);
    if (!np) {
      b->failed = true;
      return;
    }
    b->p = np;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void sb_puts(struct sb *b, const char *s) { sb_put(b, s, strlen(s)); }

/* Columns used on the current (last) line: decides where to fold. */
static size_t sb_linelen(const struct sb *b) {
  size_t i = b->len;
  while (i > 0 && b->p[i - 1] != '\n')
    i--;
  return b->len - i;
}

/* Append `item`, preceded by `sep` (e.g. ", " or " "), folding with CRLF SP
 * before the item when it would push the line past LINE_MAX_SOFT. A
 * trailing-space-free separator is used at the fold so no line ends in
 * whitespace. */
static void sb_put_folded(struct sb *b, const char *sep, const char *item,
                          size_t n) {
  size_t seplen = strlen(sep);
  if (b->failed)
    return;
  if (sb_linelen(b) + seplen + n > LINE_MAX_SOFT && sb_linelen(b) > 0) {
    /* Keep a ',' of the separator on this line; drop its space. */
    size_t keep = seplen;
    while (keep > 0 && sep[keep - 1] == ' ')
      keep--;
    sb_put(b, sep, keep);
    sb_puts(b, "\r\n ");
  } else {
    sb_puts(b, sep);
  }
  sb_put(b, item, n);
}

/* ---- validation --------------------------------------------------------- */

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF): the
 * parts declare charset=UTF-8 and the subject is cut on character
 * boundaries, which only means something for valid input. */
static bool valid_utf8(const unsigned char *s) {
  while (*s) {
    unsigned c = *s;
    size_t n;
    uint32_t cp, min;
    if (c < 0x80) {
      s++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    for (size_t i = 1; i <= n; i++) {
      if ((s[i] & 0xC0) != 0x80) /* also stops at the NUL */
        return false;
      cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    s += n + 1;
  }
  return true;
}

/* A bare addr-spec as it will appear in To/Cc/From and in SMTP commands:
 * RFC 5322's dot-atom "local@domain" (no quoted local parts, no address
 * literals). The local part takes letters, digits and !#$%&'*+/=?^_`{|}~-,
 * the domain letters, digits and '-', each in dot-separated non-empty
 * pieces, a domain label not starting or ending with '-'. Anything that
 * could end the header, open another address or smuggle a comment is
 * thereby refused: controls, space, non-ASCII, < > , ; : " ( ) \ and a
 * second '@'. */
static bool dot_atom_ok(const char *s, size_t n, bool domain)
{
  if (n == 0 || s[0] == '.' || s[n - 1] == '.')
    return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9');
    if (c == '.') {
      if (s[i + 1] == '.')
        return false;
      if (domain && (s[i - 1] == '-' || s[i + 1] == '-'))
        return false;
    } else if (!alnum && !(domain ? c == '-'
                                  : strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL)) {
      return false;
    }
  }
  return !domain || (s[0] != '-' && s[n - 1] != '-');
}

bool email_address_ok(const char *a) {
  if (!a)
    return false;
  size_t n = strlen(a);
  if (n < 3 || n > ADDR_MAX)
    return false;
  const char *at = strchr(a, '@');
  if (!at || strchr(at + 1, '@') != NULL)
    return false;
  size_t local = (size_t)(at - a);
  return local <= 64 && dot_atom_ok(a, local, false) &&
         dot_atom_ok(at + 1, n - local - 1, true);
}

/* One msg-id "<left@right>": printable ASCII, no whitespace, no inner
 * angle brackets. */
static bool valid_msg_id(const char *s, size_t n) {
  if (n < 5 || n > MSGID_MAX || s[0] != '<' || s[n - 1] != '>')
    return false;
  bool at = false;
  for (size_t i = 1; i + 1 < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>')
      return false;
    if (c == '@') {
      if (i == 1 || i + 2 == n)
        return false;
      at = true;
    }
  }
  return at;
}

/* ---- RFC 2047 ------------------------------------------------------------ */

/* True when the value can go into an unstructured header (Subject) raw:
 * printable ASCII, nothing that a reader would take for an encoded-word,
 * and short enough not to need folding. */
static bool header_raw_ok(const char *s) {
  size_t n = strlen(s);
  if (n > RAW_HEADER_MAX)
    return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c > 0x7E)
      return false;
    if (c == '=' && s[i + 1] == '?')
      return false;
  }
  return true;
}

/* The value as encoded-words joined by CRLF SP. Whitespace between
 * adjacent encoded-words is dropped by decoders (RFC 2047 section 6.2), so
 * the folding adds nothing to the decoded text. */
static char *encode_words(const char *utf8) {
  struct sb b = {0};
  size_t len = strlen(utf8), pos = 0;
  sb_puts(&b, ""); /* an empty value still yields a (malloc'd) "" */
  while (pos < len && !b.failed) {
    size_t n = len - pos < WORD_BYTES ? len - pos : WORD_BYTES;
    /* Never end a word inside a UTF-8 sequence: back off while the next
     * byte is a continuation byte (at most 3 for valid UTF-8; the bound
     * keeps invalid input from shrinking a word to nothing). */
    for (int k = 0; k < 3 && pos + n < len &&
                    ((unsigned char)utf8[pos + n] & 0xC0) == 0x80;
         k++)
      n--;
    unsigned char out[4 * ((WORD_BYTES + 2) / 3) + 1];
    int m = EVP_EncodeBlock(out, (const unsigned char *)utf8 + pos, (int)n);
    if (m < 0) {
      b.failed = true;
      break;
    }
    if (pos > 0)
      sb_puts(&b, "\r\n ");
    sb_puts(&b, "=?UTF-8?B?");
    sb_put(&b, (const char *)out, (size_t)m);
    sb_puts(&b, "?=");
    pos += n;
  }
  if (b.failed) {
    free(b.p);
    return NULL;
  }
  return b.p;
}

char *email_encode_header(const char *utf8) {
  if (!utf8)
    return NULL;
  if (header_raw_ok(utf8))
    return strdup(utf8);
  return encode_words(utf8);
}

/* A display name may go raw only as a phrase of atext words separated by
 * single spaces (RFC 5322 3.2.3); anything else ("Smith, J." included) is
 * encoded, which is always legal in a phrase. */
static bool phrase_raw_ok(const char *s) {
  static const char atext_specials[] = "!#$%&'*+-/=?^_`{|}~";
  size_t n = strlen(s);
  if (n == 0 || n > 40 || s[0] == ' ' || s[n - 1] == ' ')
    return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9');
    if (c == ' ') {
      if (s[i + 1] == ' ')
        return false;
    } else if (!alnum && !strchr(atext_specials, c)) {
      return false;
    }
    if (c == '=' && s[i + 1] == '?')
      return false;
  }
  return true;
}

/* ---- pieces of the message ------------------------------------------- */

/* RFC 5322 date-time in the given zone. The zone is applied by shifting
 * the instant and formatting it as UTC, so neither TZ nor the locale (day
 * and month names are English by definition) matter. */
static bool format_date(long long t, int offset_min, char *out, size_t cap) {
  static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed",
                                     "Thu", "Fri", "Sat"};
  static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr",
                                    "May", "Jun", "Jul", "Aug",
                                    "Sep", "Oct", "Nov", "Dec"};
  /* Zones are "+hhmm" with hh < 24 in practice; years 1900..9999 keep the
   * four-digit year the grammar wants (and time_t arithmetic safe). */
  if (offset_min <= -24 * 60 || offset_min >= 24 * 60)
    return false;
  if (t < -2208988800LL || t > 253402300799LL - 24 * 3600)
    return false;
  time_t shifted = (time_t)(t + (long long)offset_min * 60);
  struct tm tm;
  if (!gmtime_r(&shifted, &tm) || tm.tm_year + 1900 < 1900 ||
      tm.tm_year + 1900 > 9999)
    return false;
  int a = offset_min < 0 ? -offset_min : offset_min;
  int w = snprintf(out, cap, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                   wday[tm.tm_wday], tm.tm_mday, mon[tm.tm_mon],
                   tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
                   offset_min < 0 ? '-' : '+', a / 60, a % 60);
  return w > 0 && (size_t)w < cap;
}

/* "To: a@x, b@y" folded; false when an address is invalid. */
static bool put_address_list(struct sb *b, const char *name,
                             const char *const *list, size_t n) {
  sb_puts(b, name);
  sb_puts(b, ":");
  for (size_t i = 0; i < n; i++) {
    if (!email_address_ok(list[i]))
      return false;
    sb_put_folded(b, i == 0 ? " " : ", ", list[i], strlen(list[i]));
  }
  sb_puts(b, "\r\n");
  return true;
}

/* "References: <a@x> <b@y>" — any whitespace-separated list of msg-ids,
 * re-emitted one space apart and folded; false when a token is invalid or
 * the list is empty. */
static bool put_msg_id_list(struct sb *b, const char *name, const char *ids,
                            bool single) {
  size_t count = 0;
  sb_puts(b, name);
  sb_puts(b, ":");
  const char *p = ids;
  for (;;) {
    while (*p == ' ' || *p == '\t')
      p++;
    if (!*p)
      break;
    size_t n = strcspn(p, " \t");
    if (!valid_msg_id(p, n))
      return false; /* covers CR and LF too: they are not printable */
    sb_put_folded(b, " ", p, n);
    count++;
    p += n;
  }
  sb_puts(b, "\r\n");
  return count == 1 || (count > 1 && !single);
}

/* n bytes of `s` as base64 in 76-char lines; text (`canonical`) first
 * converted to CRLF line ends (RFC 2046 4.1.1: text is base64-encoded in
 * canonical form), other content as it is. */
static void put_base64(struct sb *b, const char *s, size_t n, bool canonical) {
  struct sb canon = {0};
  sb_puts(&canon, ""); /* so canon.p is never NULL below */
  if (!canonical)
    sb_put(&canon, s, n);
  for (const char *p = s, *end = s + n; canonical && p < end && !canon.failed;) {
    const char *q = p;
    while (q < end && *q != '\r' && *q != '\n')
      q++;
    sb_put(&canon, p, (size_t)(q - p));
    p = q;
    if (p + 1 < end && *p == '\r' && p[1] == '\n')
      p += 2;
    else if (p < end)
      p += 1; /* a lone CR or LF */
    else
      break;
    sb_puts(&canon, "\r\n");
  }
  if (canon.failed) {
    b->failed = true;
    free(canon.p);
    return;
  }
  /* The CRLF ending the last base64 line doubles as the CRLF that opens
   * the next boundary delimiter; an empty body needs that CRLF alone
   * (otherwise the blank line after the part headers would be eaten). */
  if (canon.len == 0)
    sb_puts(b, "\r\n");
  for (size_t off = 0; off < canon.len && !b->failed; off += B64_LINE_BYTES) {
    size_t k = canon.len - off < B64_LINE_BYTES ? canon.len - off
                                                : B64_LINE_BYTES;
    unsigned char out[4 * (B64_LINE_BYTES / 3) + 1];
    int m = EVP_EncodeBlock(out, (const unsigned char *)canon.p + off, (int)k);
    if (m < 0) {
      b->failed = true;
      break;
    }
    sb_put(b, (const char *)out, (size_t)m);
    sb_puts(b, "\r\n");
  }
  free(canon.p);
}

static void put_base64_text(struct sb *b, const char *s) {
  put_base64(b, s, strlen(s), true);
}

/* Deterministic boundary: PREFIX + hex of SHA-256(message id), with
 * "=_dondoc_" for the alternative and "=_dondoc_m_" for the mixed part
 * around it ('m_' is no hex digit, so neither is a prefix of the other).
 * '_' is not in the base64 alphabet and '=' only pads at a line's end, so
 * the boundary cannot occur inside a base64 body, and the part headers are
 * fixed ASCII without it. */
static bool make_boundary(const char *prefix, const char *message_id,
                          char *out, size_t cap) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  if (EVP_Digest(message_id, strlen(message_id), md, &mdlen, EVP_sha256(),
                 NULL) != 1 ||
      mdlen < 16)
    return false;
  int w = snprintf(out, cap, "%s", prefix);
  if (w < 0 || (size_t)w + 32 + 1 > cap)
    return false;
  for (unsigned i = 0; i < 16; i++)
    snprintf(out + w + 2 * i, 3, "%02x", md[i]);
  return true;
}

/* ---- attachments (RFC 2183, RFC 2231) -------------------------------- */

/* A content type goes into a header as given: printable ASCII only. */
static bool content_type_ok(const char *s) {
  if (!s || !*s || strlen(s) > 100)
    return false;
  for (; *s; s++)
    if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E || *s == '"')
      return false;
  return true;
}

static bool filename_ok(const char *s) {
  if (!s || !*s || strlen(s) > EMAIL_FILENAME_MAX ||
      !valid_utf8((const unsigned char *)s))
    return false;
  for (; *s; s++)
    if ((unsigned char)*s < 0x20 || *s == 0x7F)
      return false;
  return true;
}

/* `;` then `name*0*=UTF-8''…;` `name*1*=…` on lines of their own: RFC
 * 2231 extended parameter, UTF-8 percent-encoded (attribute-chars stay
 * as they are), cut into continuations so no line passes LINE_MAX_SOFT
 * and no %XX is split. */
static void put_rfc2231(struct sb *b, const char *name, const char *value) {
  static const char safe[] = "!#$&+-.^_`|~";
  char seg[LINE_MAX_SOFT + 1];
  size_t n = 0, k = 0;
  for (const unsigned char *p = (const unsigned char *)value;; p++) {
    char enc[4];
    size_t m = 0;
    if (*p) {
      if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || strchr(safe, *p) != NULL)
        enc[m++] = (char)*p;
      else
        m = (size_t)snprintf(enc, sizeof enc, "%%%02X", *p);
    }
    /* room for ' NAME*NN*=' and UTF-8'' on the line */
    if (n > 0 && (n + m > 48 || !*p)) {
      char head[64];
      snprintf(head, sizeof head, ";\r\n %s*%zu*=%s", name, k,
               k == 0 ? "UTF-8''" : "");
      sb_puts(b, head);
      sb_put(b, seg, n);
      k++;
      n = 0;
    }
    if (!*p)
      break;
    memcpy(seg + n, enc, m);
    n += m;
  }
}

static void put_attachment(struct sb *b, const char *boundary,
                           const struct email_attachment *a) {
  sb_puts(b, "--");
  sb_puts(b, boundary);
  sb_puts(b, "\r\nContent-Type: ");
  sb_puts(b, a->content_type);
  put_rfc2231(b, "name", a->filename);
  sb_puts(b, "\r\nContent-Disposition: attachment");
  put_rfc2231(b, "filename", a->filename);
  sb_puts(b, "\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  put_base64(b, a->data, a->size,
             strncmp(a->content_type, "text/", 5) == 0);
}

char *email_render(const struct email *e) {
  if (!e || !e->subject || !e->text || !e->html || !e->message_id ||
      !e->to || e->n_to == 0 || (e->n_cc > 0 && !e->cc))
    return NULL;
  if (!email_address_ok(e->from_address) ||
      !valid_msg_id(e->message_id, strlen(e->message_id)))
    return NULL;
  if (!valid_utf8((const unsigned char *)e->subject) ||
      !valid_utf8((const unsigned char *)e->text) ||
      !valid_utf8((const unsigned char *)e->html) ||
      (e->from_name && !valid_utf8((const unsigned char *)e->from_name)))
    return NULL;

  if (e->n_attachments > 0 && !e->attachments)
    return NULL;
  for (size_t i = 0; i < e->n_attachments; i++)
    if (!content_type_ok(e->attachments[i].content_type) ||
        !filename_ok(e->attachments[i].filename) ||
        (e->attachments[i].size > 0 && !e->attachments[i].data))
      return NULL;

  char date[64], boundary[64], mixed[64];
  if (!format_date(e->date, e->utc_offset_minutes, date, sizeof date) ||
      !make_boundary("=_dondoc_", e->message_id, boundary, sizeof boundary) ||
      !make_boundary("=_dondoc_m_", e->message_id, mixed, sizeof mixed))
    return NULL;

  struct sb b = {0};
  bool ok = true;

  sb_puts(&b, "Date: ");
  sb_puts(&b, date);
  sb_puts(&b, "\r\n");

  sb_puts(&b, "From: ");
  if (e->from_name && *e->from_name) {
    char *name = phrase_raw_ok(e->from_name) ? strdup(e->from_name)
                                             : encode_words(e->from_name);
    if (!name) {
      free(b.p);
      return NULL;
    }
    sb_puts(&b, name);
    free(name);
    char angle[ADDR_MAX + 3];
    snprintf(angle, sizeof angle, "<%s>", e->from_address);
    sb_put_folded(&b, " ", angle, strlen(angle));
  } else {
    sb_puts(&b, e->from_address);
  }
  sb_puts(&b, "\r\n");

  ok = ok && put_address_list(&b, "To", e->to, e->n_to);
  if (ok && e->n_cc > 0)
    ok = put_address_list(&b, "Cc", e->cc, e->n_cc);

  if (ok) {
    /* CR/LF in a subject end up inside the base64, never on the wire. */
    char *subject = email_encode_header(e->subject);
    if (!subject) {
      b.failed = true;
    } else {
      sb_puts(&b, "Subject: ");
      sb_puts(&b, subject);
      sb_puts(&b, "\r\n");
      free(subject);
    }
  }

  if (ok) {
    sb_puts(&b, "Message-ID: ");
    sb_puts(&b, e->message_id);
    sb_puts(&b, "\r\n");
  }
  if (ok && e->in_reply_to)
    ok = put_msg_id_list(&b, "In-Reply-To", e->in_reply_to, true);
  if (ok && e->references)
    ok = put_msg_id_list(&b, "References", e->references, false);

  if (ok) {
    /* RFC 3834: reminders are machine-generated, so vacation responders
     * and the like must not answer them. */
    sb_puts(&b, "Auto-Submitted: auto-generated\r\n");
    sb_puts(&b, "MIME-Version: 1.0\r\n");
    if (e->n_attachments > 0) {
      sb_puts(&b, "Content-Type: multipart/mixed;\r\n boundary=\"");
      sb_puts(&b, mixed);
      sb_puts(&b, "\"\r\n\r\n--");
      sb_puts(&b, mixed);
      sb_puts(&b, "\r\n");
    }
    sb_puts(&b, "Content-Type: multipart/alternative;\r\n boundary=\"");
    sb_puts(&b, boundary);
    sb_puts(&b, "\"\r\n\r\n");

    sb_puts(&b, "--");
    sb_puts(&b, boundary);
    sb_puts(&b, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n");
    put_base64_text(&b, e->text);

    sb_puts(&b, "--");
    sb_puts(&b, boundary);
    sb_puts(&b, "\r\nContent-Type: text/html; charset=UTF-8\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n");
    put_base64_text(&b, e->html);

    sb_puts(&b, "--");
    sb_puts(&b, boundary);
    sb_puts(&b, "--\r\n");
    for (size_t i = 0; i < e->n_attachments; i++)
      put_attachment(&b, mixed, &e->attachments[i]);
    if (e->n_attachments > 0) {
      sb_puts(&b, "--");
      sb_puts(&b, mixed);
      sb_puts(&b, "--\r\n");
    }
  }

  if (!ok || b.failed) {
    free(b.p);
    return NULL;
  }
  return b.p;
}
