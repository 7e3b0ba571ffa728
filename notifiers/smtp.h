/*
 * smtp.h — send one rendered message to one recipient over SMTP (libcurl).
 *
 * One SMTP transaction per recipient: with libcurl 7.88 a single rejected
 * RCPT fails the whole transaction, and one bad address must not block the
 * others; it also gives each recipient its own delivery state. TLS is
 * required (STARTTLS on smtp://, implicit on smtps://) with certificate
 * verification on, unless the URL is smtp:// and tls = SMTP_TLS_NONE (local
 * relays only). The password never reaches a log: CURLOPT_VERBOSE is never
 * set on an authenticated handle.
 */
#ifndef DONDOC_SMTP_H
#define DONDOC_SMTP_H

#include <stdbool.h>

enum smtp_tls { SMTP_TLS_REQUIRED, SMTP_TLS_NONE };

struct smtp_config {
  const char *url;           /* "smtp://host:587" or "smtps://host:465" */
  const char *username;      /* NULL: no AUTH */
  const char *password;      /* already read from env/file by the caller */
  const char *ca_file;       /* PEM bundle for a private CA, or NULL */
  const char *mail_from;     /* envelope sender address */
  enum smtp_tls tls;
  long connect_timeout_ms, timeout_ms;
};

struct smtp_result {
  bool ok;
  bool permanent;            /* 5xx reply: do not retry */
  long reply_code;           /* last SMTP reply code, 0 if none */
  char detail[256];          /* human-readable; never contains the password */
};

/* Send `message` (CRLF lines) to `rcpt`. Returns 0 when the server accepted
 * it, -1 otherwise with res filled. Temporary failures (connection refused,
 * timeout, 4xx, TLS errors) have permanent == false. */
int smtp_send(const struct smtp_config *cfg, const char *rcpt,
              const char *message, struct smtp_result *res);

#endif
