/*
 * test_email.c — unit tests for notifiers/email.c.
 *
 * The rendered message is parsed back by this file's own small MIME
 * reader (unfolding, RFC 2047 decoding, multipart splitting) with base64
 * decoded by libcrypto's EVP_DecodeBlock and UTF-8 checked by iconv, so
 * the checks do not trust the encoder's own helpers. Expected values
 * (dates, decoded text) are literals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "email.h"

#define SUBJECT_VI \
  "Nh\xe1\xba\xaf" "c h\xe1\xba\xa1n: B\xc3\xa1o c\xc3\xa1o chuy\xc3\xaan " \
  "\xc4\x91\xe1\xbb\x81 Ban VSTBPN n\xc4\x83m 2024 \xe2\x80\x93 qu\xc3\xa1 " \
  "h\xe1\xba\xa1n 1 ng\xc3\xa0y"
/* The same subject, written as it reads (the file is UTF-8): guards the
 * escapes above against typos. */
static const char subject_plain[] =
    "Nhắc hạn: Báo cáo chuyên đề Ban VSTBPN năm 2024 – quá hạn 1 ngày";

static const char text_lf[] =
    "Kính gửi Sở Lao động – Thương binh và Xã hội,\n"
    "\n"
    "Báo cáo chuyên đề của Ban Vì sự tiến bộ của phụ nữ (VSTBPN) năm 2024\n"
    "đã quá hạn 1 ngày (hạn nộp: 05/12/2024).\n"
    "Đề nghị quý cơ quan gửi báo cáo sớm nhất.\n";
static const char text_crlf[] =
    "Kính gửi Sở Lao động – Thương binh và Xã hội,\r\n"
    "\r\n"
    "Báo cáo chuyên đề của Ban Vì sự tiến bộ của phụ nữ (VSTBPN) năm 2024\r\n"
    "đã quá hạn 1 ngày (hạn nộp: 05/12/2024).\r\n"
    "Đề nghị quý cơ quan gửi báo cáo sớm nhất.\r\n";
static const char html[] =
    "<!DOCTYPE html>\r\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
    "<title>Nhắc hạn</title></head><body><p>Báo cáo <b>chuyên đề</b> của "
    "Ban VSTBPN năm 2024 đã <em>quá hạn 1 ngày</em>.</p><p>Một dòng rất "
    "dài để kiểm tra việc ngắt dòng base64: Bình đẳng giới là mục tiêu của "
    "Chiến lược quốc gia giai đoạn 2021–2030, và mỗi báo cáo đúng hạn giúp "
    "theo dõi tiến độ thực hiện.</p></body></html>\r\n";

static const char *const to2[] = {"so-ldtbxh@bacninh.example.gov.vn",
                                  "vp-ubnd@bacninh.example.gov.vn"};
static const char *const cc1[] = {"ban-vstbpn@bacninh.example.gov.vn"};

static struct email base_email(void) {
  struct email e = {
      .from_address = "dondoc@bacninh.example.gov.vn",
      .from_name = "Ban VSTBPN tỉnh Bắc Ninh",
      .to = to2, .n_to = 2,
      .cc = cc1, .n_cc = 1,
      .subject = SUBJECT_VI,
      .text = text_lf,
      .html = html,
      .message_id = "<r-2024-bc-chuyende.2@dondoc.bacninh.example.gov.vn>",
      .in_reply_to = "<r-2024-bc-chuyende.1@dondoc.bacninh.example.gov.vn>",
      .references = "<r-2024-bc-chuyende.0@dondoc.bacninh.example.gov.vn> "
                    "<r-2024-bc-chuyende.1@dondoc.bacninh.example.gov.vn>",
      .date = 1733446800, /* 2024-12-06 01:00:00 UTC */
      .utc_offset_minutes = 7 * 60,
  };
  return e;
}

/* ---- a small independent MIME reader --------------------------------- */

static bool utf8_ok(const char *s, size_t n) {
  iconv_t cd = iconv_open("UTF-32LE", "UTF-8");
  assert_true(cd != (iconv_t)-1);
  char *in = (char *)s;
  size_t inleft = n;
  bool ok = true;
  while (inleft > 0 && ok) {
    char out[256], *op = out;
    size_t outleft = sizeof out;
    if (iconv(cd, &in, &inleft, &op, &outleft) == (size_t)-1)
      ok = false;
  }
  /* An incomplete trailing sequence leaves input unconsumed (EINVAL). */
  assert_int_equal(iconv_close(cd), 0);
  return ok && inleft == 0;
}

/* base64 (no whitespace) -> malloc'd bytes, NUL-terminated; *n = length. */
static char *b64_decode(const char *s, size_t len, size_t *n) {
  assert_int_equal(len % 4, 0);
  unsigned char *out = malloc(len / 4 * 3 + 1);
  assert_non_null(out);
  int m = EVP_DecodeBlock(out, (const unsigned char *)s, (int)len);
  assert_true(m >= 0);
  /* EVP_DecodeBlock counts the bytes a padding '=' stands for. */
  if (len >= 1 && s[len - 1] == '=')
    m--;
  if (len >= 2 && s[len - 2] == '=')
    m--;
  out[m] = '\0';
  *n = (size_t)m;
  return (char *)out;
}

/* Offset just past the blank line that ends the header block. */
static size_t header_end(const char *msg) {
  const char *p = strstr(msg, "\r\n\r\n");
  assert_non_null(p);
  return (size_t)(p - msg) + 4;
}

/* The unfolded value of header `name` in `block` (CRLF removed, leading
 * space kept as it stands after the colon trimmed), malloc'd, or NULL. */
static char *get_header(const char *block, size_t block_len, const char *name) {
  size_t nl = strlen(name);
  const char *p = block, *end = block + block_len;
  while (p < end) {
    const char *eol = strstr(p, "\r\n");
    assert_non_null(eol);
    if ((size_t)(eol - p) > nl && strncasecmp(p, name, nl) == 0 &&
        p[nl] == ':') {
      char *v = malloc(block_len + 1);
      assert_non_null(v);
      size_t vn = 0;
      const char *q = p + nl + 1;
      while (*q == ' ')
        q++;
      for (;;) {
        memcpy(v + vn, q, (size_t)(eol - q));
        vn += (size_t)(eol - q);
        q = eol + 2;
        if (q >= end || (*q != ' ' && *q != '\t'))
          break;
        eol = strstr(q, "\r\n"); /* continuation line: unfold */
        assert_non_null(eol);
      }
      v[vn] = '\0';
      return v;
    }
    p = eol + 2;
  }
  return NULL;
}

/* Number of header lines starting with `name:` (exactly once is wanted). */
static int count_header(const char *block, size_t block_len, const char *name) {
  int count = 0;
  size_t nl = strlen(name);
  for (const char *p = block; p < block + block_len;) {
    if (strncasecmp(p, name, nl) == 0 && p[nl] == ':')
      count++;
    const char *eol = strstr(p, "\r\n");
    assert_non_null(eol);
    p = eol + 2;
  }
  return count;
}

/* Decode an unfolded unstructured value: "=?UTF-8?B?…?=" words become
 * their bytes, whitespace between two words vanishes (RFC 2047 6.2),
 * anything else is copied. Each word is also checked on its own: at most
 * 75 chars, and valid UTF-8 by itself. */
static char *decode_words(const char *v, int *n_words) {
  size_t cap = strlen(v) + 1;
  char *out = malloc(cap);
  assert_non_null(out);
  size_t on = 0;
  bool prev_word = false;
  *n_words = 0;
  const char *p = v;
  while (*p) {
    if (strncmp(p, "=?UTF-8?B?", 10) == 0) {
      const char *b = p + 10;
      const char *e = strstr(b, "?=");
      assert_non_null(e);
      assert_true(e + 2 - p <= 75);
      size_t n = 0;
      char *bytes = b64_decode(b, (size_t)(e - b), &n);
      assert_true(utf8_ok(bytes, n));
      memcpy(out + on, bytes, n); /* decoded is shorter than encoded */
      on += n;
      free(bytes);
      (*n_words)++;
      p = e + 2;
      prev_word = true;
      continue;
    }
    if (prev_word && (*p == ' ' || *p == '\t')) {
      size_t ws = strspn(p, " \t");
      if (strncmp(p + ws, "=?UTF-8?B?", 10) == 0) {
        p += ws;
        continue;
      }
    }
    out[on++] = *p++;
    prev_word = false;
  }
  out[on] = '\0';
  return out;
}

/* The structural rules every rendered message must follow. */
static void check_wire_format(const char *msg) {
  size_t len = strlen(msg);
  assert_true(len >= 2);
  assert_memory_equal(msg + len - 2, "\r\n", 2);
  size_t line = 0;
  for (size_t i = 0; i < len; i++) {
    if (msg[i] == '\r') {
      assert_true(msg[i + 1] == '\n'); /* no bare CR */
    } else if (msg[i] == '\n') {
      assert_true(i > 0 && msg[i - 1] == '\r'); /* no bare LF */
      assert_true(line <= 999);                 /* 998 + the CR */
      line = 0;
      continue;
    }
    line++;
  }
  /* Headers: 7-bit, and our own folding keeps them short. */
  size_t hend = header_end(msg);
  line = 0;
  for (size_t i = 0; i < hend; i++) {
    assert_true((unsigned char)msg[i] < 0x80);
    if (msg[i] == '\n') {
      assert_true(line <= 78 + 1);
      line = 0;
    } else {
      line++;
    }
  }
}

/* The bytes of the multipart part whose Content-Type starts with `type`,
 * base64-decoded; malloc'd. Also checks the part's headers. */
static char *part_body(const char *msg, const char *type, size_t *n) {
  size_t hend = header_end(msg);
  char *ct = get_header(msg, hend, "Content-Type");
  assert_non_null(ct);
  assert_non_null(strstr(ct, "multipart/alternative;"));
  const char *bp = strstr(ct, "boundary=\"");
  assert_non_null(bp);
  bp += 10;
  const char *bq = strchr(bp, '"');
  assert_non_null(bq);
  char delim[128];
  assert_true((size_t)(bq - bp) + 5 < sizeof delim);
  snprintf(delim, sizeof delim, "\r\n--%.*s", (int)(bq - bp), bp);
  free(ct);

  /* The delimiter may also open the body directly after the headers. */
  const char *body = msg + hend - 2;
  const char *p = body;
  char *result = NULL;
  bool closed = false;
  while ((p = strstr(p, delim)) != NULL) {
    p += strlen(delim);
    if (strncmp(p, "--", 2) == 0) {
      closed = true;
      assert_string_equal(p + 2, "\r\n");
      break;
    }
    assert_memory_equal(p, "\r\n", 2);
    p += 2;
    size_t phend = header_end(p);
    char *pct = get_header(p, phend, "Content-Type");
    char *cte = get_header(p, phend, "Content-Transfer-Encoding");
    assert_non_null(pct);
    assert_non_null(cte);
    bool match = strncmp(pct, type, strlen(type)) == 0;
    if (match) {
      assert_string_equal(cte, "base64");
      assert_non_null(strstr(pct, "charset=UTF-8"));
      const char *end = strstr(p + phend, delim);
      assert_non_null(end);
      /* Join the base64 lines; each at most 76 chars. */
      char *joined = malloc((size_t)(end - p) + 1);
      assert_non_null(joined);
      size_t jn = 0, ll = 0;
      for (const char *q = p + phend; q < end + 2; q++) {
        if (*q == '\r' || *q == '\n') {
          assert_true(ll <= 76);
          ll = 0;
          continue;
        }
        joined[jn++] = *q;
        ll++;
      }
      assert_null(result);
      result = b64_decode(joined, jn, n);
      free(joined);
    }
    free(pct);
    free(cte);
  }
  assert_true(closed);
  assert_non_null(result);
  return result;
}

/* ---- tests -------------------------------------------------------------- */

static void test_subject_literal_matches_escapes(void **state) {
  (void)state;
  assert_string_equal(SUBJECT_VI, subject_plain);
}

static void test_render_vietnamese(void **state) {
  (void)state;
  struct email e = base_email();
  char *msg = email_render(&e);
  assert_non_null(msg);
  check_wire_format(msg);
  size_t hend = header_end(msg);

  /* Subject: encoded (raw UTF-8 would have failed the 7-bit check),
   * several words, decoding back to the exact text. */
  char *subj = get_header(msg, hend, "Subject");
  assert_non_null(subj);
  assert_int_equal(strncmp(subj, "=?UTF-8?B?", 10), 0);
  int words = 0;
  char *decoded = decode_words(subj, &words);
  assert_true(words >= 2);
  assert_string_equal(decoded, SUBJECT_VI);
  free(decoded);
  free(subj);

  char *v = get_header(msg, hend, "Date");
  assert_string_equal(v, "Fri, 06 Dec 2024 08:00:00 +0700");
  free(v);
  v = get_header(msg, hend, "From");
  assert_non_null(v);
  decoded = decode_words(v, &words);
  assert_string_equal(decoded,
                      "Ban VSTBPN tỉnh Bắc Ninh <dondoc@bacninh.example.gov.vn>");
  free(decoded);
  free(v);
  v = get_header(msg, hend, "To");
  assert_string_equal(
      v, "so-ldtbxh@bacninh.example.gov.vn, vp-ubnd@bacninh.example.gov.vn");
  free(v);
  v = get_header(msg, hend, "Cc");
  assert_string_equal(v, "ban-vstbpn@bacninh.example.gov.vn");
  free(v);
  v = get_header(msg, hend, "Message-ID");
  assert_string_equal(v, e.message_id);
  free(v);
  v = get_header(msg, hend, "In-Reply-To");
  assert_string_equal(v, e.in_reply_to);
  free(v);
  v = get_header(msg, hend, "References");
  assert_string_equal(v, e.references);
  free(v);
  v = get_header(msg, hend, "MIME-Version");
  assert_string_equal(v, "1.0");
  free(v);
  const char *once[] = {"Date", "From", "To", "Cc", "Subject", "Message-ID",
                        "In-Reply-To", "References", "MIME-Version",
                        "Content-Type"};
  for (size_t i = 0; i < sizeof once / sizeof *once; i++)
    assert_int_equal(count_header(msg, hend, once[i]), 1);
  assert_int_equal(count_header(msg, hend, "Bcc"), 0);

  /* Bodies: exact bytes back; text in canonical CRLF form. */
  size_t n = 0;
  char *body = part_body(msg, "text/plain", &n);
  assert_int_equal(n, strlen(text_crlf));
  assert_string_equal(body, text_crlf);
  free(body);
  body = part_body(msg, "text/html", &n);
  assert_int_equal(n, strlen(html));
  assert_string_equal(body, html);
  free(body);

  /* text/plain first, text/html last: the last alternative is preferred. */
  assert_true(strstr(msg, "text/plain") < strstr(msg, "text/html"));
  free(msg);
}

static void test_render_reproducible(void **state) {
  (void)state;
  struct email e = base_email();
  char *a = email_render(&e);
  char *b = email_render(&e);
  assert_non_null(a);
  assert_non_null(b);
  assert_string_equal(a, b);
  e.message_id = "<r-2024-bc-chuyende.3@dondoc.bacninh.example.gov.vn>";
  char *c = email_render(&e);
  assert_non_null(c);
  size_t ha = header_end(a), hc = header_end(c);
  char *cta = get_header(a, ha, "Content-Type");
  char *ctc = get_header(c, hc, "Content-Type");
  assert_string_not_equal(cta, ctc); /* boundary follows the message id */
  free(cta);
  free(ctc);
  free(a);
  free(b);
  free(c);
}

static void test_date_header(void **state) {
  (void)state;
  struct email e = base_email();
  struct {
    long long t;
    int off;
    const char *want;
  } cases[] = {
      {1733446800, 420, "Fri, 06 Dec 2024 08:00:00 +0700"},
      {1735687800, 420, "Wed, 01 Jan 2025 06:30:00 +0700"},
      {1735687800, -210, "Tue, 31 Dec 2024 20:00:00 -0330"},
      {1735687800, 0, "Tue, 31 Dec 2024 23:30:00 +0000"},
      {951782400, 0, "Tue, 29 Feb 2000 00:00:00 +0000"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    e.date = cases[i].t;
    e.utc_offset_minutes = cases[i].off;
    char *msg = email_render(&e);
    assert_non_null(msg);
    char *v = get_header(msg, header_end(msg), "Date");
    assert_string_equal(v, cases[i].want);
    free(v);
    free(msg);
  }
  e.utc_offset_minutes = 24 * 60; /* not a zone */
  assert_null(email_render(&e));
}

static void test_optional_headers_omitted(void **state) {
  (void)state;
  struct email e = base_email();
  e.cc = NULL;
  e.n_cc = 0;
  e.in_reply_to = NULL;
  e.references = NULL;
  e.from_name = NULL;
  e.n_to = 1;
  char *msg = email_render(&e);
  assert_non_null(msg);
  check_wire_format(msg);
  size_t hend = header_end(msg);
  assert_int_equal(count_header(msg, hend, "Cc"), 0);
  assert_int_equal(count_header(msg, hend, "In-Reply-To"), 0);
  assert_int_equal(count_header(msg, hend, "References"), 0);
  char *v = get_header(msg, hend, "From");
  assert_string_equal(v, "dondoc@bacninh.example.gov.vn");
  free(v);
  v = get_header(msg, hend, "To");
  assert_string_equal(v, "so-ldtbxh@bacninh.example.gov.vn");
  free(v);
  free(msg);
}

static void test_many_recipients_folded(void **state) {
  (void)state;
  struct email e = base_email();
  char addrs[12][64];
  const char *list[12];
  for (int i = 0; i < 12; i++) {
    snprintf(addrs[i], sizeof addrs[i], "phong-%02d@so.bacninh.example.gov.vn",
             i);
    list[i] = addrs[i];
  }
  e.to = list;
  e.n_to = 12;
  char *msg = email_render(&e);
  assert_non_null(msg);
  check_wire_format(msg); /* header lines <= 78 although To is long */
  char *v = get_header(msg, header_end(msg), "To");
  /* Unfolding "a,\r\n b" gives "a, b": the list reads back intact. */
  char want[12 * 64] = "";
  for (int i = 0; i < 12; i++) {
    if (i)
      strcat(want, ", ");
    strcat(want, addrs[i]);
  }
  assert_string_equal(v, want);
  free(v);
  free(msg);
}

static void test_header_injection_rejected(void **state) {
  (void)state;
  const char *bad_addrs[] = {
      "a@b\r\nBcc: x@y", "a@b\nBcc: x@y", "a@b\rx", "<a@b>", "a@b>",
      "a@b, c@d",        "a b@c",         "a@b c",  "",      "nobody",
      "a@",              "@b",            "a@b;c",  "tr\xe1\xba\xa7n@b.vn",
  };
  for (size_t i = 0; i < sizeof bad_addrs / sizeof *bad_addrs; i++) {
    struct email e = base_email();
    const char *to[] = {bad_addrs[i]};
    e.to = to;
    e.n_to = 1;
    assert_null(email_render(&e));
    e = base_email();
    e.cc = to;
    e.n_cc = 1;
    assert_null(email_render(&e));
    e = base_email();
    e.from_address = bad_addrs[i];
    assert_null(email_render(&e));
  }
  const char *bad_ids[] = {"<a@b>\r\nBcc: x@y", "<a@b\r\n>", "a@b", "<ab>",
                           "<a b@c>",           "<a@b",      "<<a@b>>", ""};
  for (size_t i = 0; i < sizeof bad_ids / sizeof *bad_ids; i++) {
    struct email e = base_email();
    e.message_id = bad_ids[i];
    assert_null(email_render(&e));
    e = base_email();
    e.in_reply_to = bad_ids[i];
    assert_null(email_render(&e));
    e = base_email();
    e.references = bad_ids[i];
    assert_null(email_render(&e));
  }
  struct email e = base_email();
  e.in_reply_to = "<a@b> <c@d>"; /* In-Reply-To here names one message */
  assert_null(email_render(&e));
}

static void test_subject_crlf_is_encoded(void **state) {
  (void)state;
  struct email e = base_email();
  e.subject = "Hello\r\nBcc: victim@example.com";
  char *msg = email_render(&e);
  assert_non_null(msg);
  check_wire_format(msg);
  size_t hend = header_end(msg);
  assert_int_equal(count_header(msg, hend, "Bcc"), 0);
  assert_null(strstr(msg, "victim"));
  char *v = get_header(msg, hend, "Subject");
  int words = 0;
  char *d = decode_words(v, &words);
  assert_string_equal(d, e.subject);
  free(d);
  free(v);
  free(msg);
}

static void test_empty_bodies(void **state) {
  (void)state;
  struct email e = base_email();
  e.text = "";
  e.html = "";
  char *msg = email_render(&e);
  assert_non_null(msg);
  check_wire_format(msg);
  size_t n = 1;
  char *body = part_body(msg, "text/plain", &n);
  assert_int_equal(n, 0);
  free(body);
  body = part_body(msg, "text/html", &n);
  assert_int_equal(n, 0);
  free(body);
  free(msg);
}

static void test_missing_or_invalid_fields(void **state) {
  (void)state;
  assert_null(email_render(NULL));
  struct email e = base_email();
  e.subject = NULL;
  assert_null(email_render(&e));
  e = base_email();
  e.text = NULL;
  assert_null(email_render(&e));
  e = base_email();
  e.html = NULL;
  assert_null(email_render(&e));
  e = base_email();
  e.message_id = NULL;
  assert_null(email_render(&e));
  e = base_email();
  e.n_to = 0;
  assert_null(email_render(&e));
  e = base_email();
  e.from_address = NULL;
  assert_null(email_render(&e));
  /* Declared charset=UTF-8: invalid UTF-8 is refused, not sent mislabeled. */
  e = base_email();
  e.text = "B\xe1o c\xe1o"; /* Latin-1 */
  assert_null(email_render(&e));
  e = base_email();
  e.subject = "\xed\xa0\x80"; /* a UTF-16 surrogate */
  assert_null(email_render(&e));
  e = base_email();
  e.from_name = "\xc0\xaf"; /* overlong '/' */
  assert_null(email_render(&e));
}

static void test_from_name_forms(void **state) {
  (void)state;
  struct email e = base_email();
  const char *names[] = {"Dondoc", "Smith, John", "A \"quoted\" name",
                         "=?UTF-8?B?Zm9v?=", "Ban VSTBPN tỉnh Bắc Ninh"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    e.from_name = names[i];
    char *msg = email_render(&e);
    assert_non_null(msg);
    check_wire_format(msg);
    char *v = get_header(msg, header_end(msg), "From");
    int words = 0;
    char *d = decode_words(v, &words);
    char want[256];
    snprintf(want, sizeof want, "%s <%s>", names[i], e.from_address);
    assert_string_equal(d, want);
    /* Only a plain atom phrase may stay raw. */
    assert_int_equal(words > 0, i > 0);
    free(d);
    free(v);
    free(msg);
  }
}

static void test_encode_header(void **state) {
  (void)state;
  char *s = email_encode_header("Weekly report 2024");
  assert_string_equal(s, "Weekly report 2024");
  free(s);
  s = email_encode_header("");
  assert_string_equal(s, "");
  free(s);
  assert_null(email_encode_header(NULL));
  /* Looks like an encoded-word: must not go raw. */
  s = email_encode_header("x =?UTF-8?B?Zm9v?= y");
  assert_int_equal(strncmp(s, "=?UTF-8?B?", 10), 0);
  int words = 0;
  char *d = decode_words(s, &words);
  assert_string_equal(d, "x =?UTF-8?B?Zm9v?= y");
  free(d);
  free(s);
}

/* Every prefix of a string mixing 1-, 2-, 3- and 4-byte characters: each
 * word must be a whole number of characters, each line <= 76. */
static void test_encode_header_never_splits(void **state) {
  (void)state;
  char src[1024] = "";
  for (int i = 0; i < 12; i++)
    strcat(src, "a\xc3\xa1\xe1\xba\xaf\xf0\x9f\x93\x85 ");  /* a á ắ 📅 */
  size_t len = strlen(src);
  for (size_t cut = 0; cut <= len; cut++) {
    if (cut < len && ((unsigned char)src[cut] & 0xC0) == 0x80)
      continue; /* prefixes that are themselves valid UTF-8 only */
    char prefix[1024];
    memcpy(prefix, src, cut);
    prefix[cut] = '\0';
    char *s = email_encode_header(prefix);
    assert_non_null(s);
    for (const char *p = s; *p;) {
      size_t ll = strcspn(p, "\r\n");
      assert_true(ll + strlen("Subject: ") <= 76);
      p += ll;
      if (*p) {
        assert_memory_equal(p, "\r\n ", 3);
        p += 2;
      }
    }
    /* Unfold, then decode; decode_words checks each word alone. */
    char *unfolded = malloc(strlen(s) + 1);
    assert_non_null(unfolded);
    size_t un = 0;
    for (const char *p = s; *p; p++)
      if (*p != '\r' && *p != '\n')
        unfolded[un++] = *p;
    unfolded[un] = '\0';
    int words = 0;
    char *d = decode_words(unfolded, &words);
    assert_string_equal(d, prefix);
    free(d);
    free(unfolded);
    free(s);
  }
}


/* The one address check shared by the rules, email and SMTP. */
static void test_address_ok(void **state)
{
  (void)state;
  static const char *const good[] = {
    "snv@bacninh.gov.vn", "ban-vstbpn@tinh.example.gov.vn", "a.b+c@x.y",
    "dondoc@localhost", "o'neil@example.com", "x_y@sub-domain.example",
  };
  static const char *const bad[] = {
    "e2@@good", "a@b@c", "@x.y", "a@", "a", "a b@x.y", "a@x .y", ".a@x.y",
    "a.@x.y", "a..b@x.y", "a@.x.y", "a@x..y", "a@x.y.", "a@-x.y", "a@x-.y",
    "a@x_y.z", "<a@x.y>", "a@x.y>", "a,b@x.y", "a;b@x.y", "\"a\"@x.y",
    "a@[127.0.0.1]", "nguyễn@x.vn", "a@x.y\r\nBcc: z@x.y", "",
  };
  for (size_t i = 0; i < sizeof good / sizeof *good; i++)
    if (!email_address_ok(good[i]))
      fail_msg("refused good address %s", good[i]);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    if (email_address_ok(bad[i]))
      fail_msg("accepted bad address %s", bad[i]);
  assert_false(email_address_ok(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_address_ok),
      cmocka_unit_test(test_subject_literal_matches_escapes),
      cmocka_unit_test(test_render_vietnamese),
      cmocka_unit_test(test_render_reproducible),
      cmocka_unit_test(test_date_header),
      cmocka_unit_test(test_optional_headers_omitted),
      cmocka_unit_test(test_many_recipients_folded),
      cmocka_unit_test(test_header_injection_rejected),
      cmocka_unit_test(test_subject_crlf_is_encoded),
      cmocka_unit_test(test_empty_bodies),
      cmocka_unit_test(test_missing_or_invalid_fields),
      cmocka_unit_test(test_from_name_forms),
      cmocka_unit_test(test_encode_header),
      cmocka_unit_test(test_encode_header_never_splits),
  };
  return cmocka_run_group_tests_name("email", tests, NULL, NULL);
}
