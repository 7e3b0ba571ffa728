/*
 * email.h — render one reminder as an RFC 5322 message.
 *
 * The text is UTF-8 Vietnamese; headers that carry it (Subject, display
 * names) are encoded per RFC 2047 without splitting a character between
 * encoded-words. The body is multipart/alternative with a text/plain and a
 * text/html part, each quoted-printable or base64 so no line exceeds 998
 * octets. Lines end in CRLF, as SMTP requires; libcurl sends bytes as given.
 * With attachments (the weekly report on the secretariat's digest), the
 * message is multipart/mixed: that alternative first, then each file with
 * an RFC 2183 Content-Disposition and its UTF-8 name encoded per RFC 2231.
 */
#ifndef DONDOC_EMAIL_H
#define DONDOC_EMAIL_H

#include <stdbool.h>
#include <stddef.h>

/* A file sent with the message; every pointer is the caller's. */
struct email_attachment {
  const char *filename;            /* UTF-8, no control characters; at most
                                    * EMAIL_FILENAME_MAX bytes */
  const char *content_type;        /* "text/html; charset=UTF-8": printable
                                    * ASCII; text/... is sent in canonical
                                    * form (CRLF line ends) */
  const char *data; size_t size;   /* the content, `size` bytes */
};

#define EMAIL_FILENAME_MAX 200

struct email {
  const char *from_address;        /* "ban-vstbpn@tinh.example.gov.vn" */
  const char *from_name;           /* UTF-8 display name, may be NULL */
  const char *const *to; size_t n_to;      /* bare addresses */
  const char *const *cc; size_t n_cc;
  const char *subject;             /* UTF-8 */
  const char *text;                /* UTF-8, LF or CRLF line ends */
  const char *html;                /* UTF-8 HTML document or fragment */
  const char *message_id;          /* "<id@host>", with the angle brackets */
  const char *in_reply_to;         /* "<…>" or NULL: threads reminders */
  const char *references;          /* "<…> <…>" or NULL */
  long long date;                  /* unix seconds */
  int utc_offset_minutes;          /* Date: header zone, +0700 for VN */
  const struct email_attachment *attachments; size_t n_attachments;
};

/* The whole message (headers and body) as a NUL-terminated, malloc'd
 * string, or NULL when out of memory or a field is missing/invalid (an
 * address containing CR, LF, '<' or '>' is invalid: header injection; so
 * is an attachment's content type or name that could end its header). */
char *email_render(const struct email *e);

/* RFC 2047 "=?UTF-8?B?…?=" encoded-words for a header value, folded so no
 * line exceeds 76 characters; plain ASCII without specials is returned
 * unchanged. malloc'd; NULL when out of memory. */
char *email_encode_header(const char *utf8);

/* Whether `a` is a bare address (local@domain) safe to put in a header or
 * an SMTP command: RFC 5322 dot-atoms on both sides of one '@' (so ASCII,
 * no spaces, controls, < > , ; : " ( ) \ or empty dot-separated pieces). */
bool email_address_ok(const char *a);

#endif
