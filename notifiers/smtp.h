/*
 * smtp.h — send one rendered message to one recipient over SMTP (libcurl).
 *
 * One SMTP transaction per recipient: with libcurl 7.88 a single rejected
 * RCPT fails the whole transaction, and one bad address must not block the
 * others; it also gives each recipient its own delivery state. The
 * transactions of a run share one session (struct smtp_session): one
 * connection, TLS handshake and login carry them all, as long as the
 * server keeps it open and none fails (libcurl closes the connection after
 * a failed transaction, and the next one connects and logs in anew). TLS is
 * required (STARTTLS on smtp://, implicit on smtps://) with certificate
 * verification on, unless the URL is smtp:// and tls = SMTP_TLS_NONE (local
 * relays only). The password never reaches a log: libcurl's verbose output
 * goes only to a callback that reads the verb of each command sent (smtp.c
 * says why), and nothing of it is kept or printed.
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

/* Whose fault a failure is, which decides what the caller does with the
 * message and with the others waiting for the same server. */
enum smtp_fault {
  SMTP_FAULT_NONE,        /* accepted */
  SMTP_FAULT_SERVER,      /* the server, the account or our configuration:
                             connection, TLS, greeting, EHLO, STARTTLS,
                             AUTH (535…), MAIL FROM, a 421 at any point, a
                             bad smtp_url or sender. Not this message's
                             fault: retry later, and do not try the other
                             messages on this server now */
  SMTP_FAULT_MESSAGE,     /* this message, for now: RCPT 4xx, a refused
                             DATA, a reply to the end of the data, or the
                             connection lost while sending it. Retry later,
                             counting attempts */
  SMTP_FAULT_RECIPIENT,   /* this recipient, for good: RCPT refused with
                             5xx (550 no such user, 553 bad address…) or a
                             malformed address that never reached the wire */
};

struct smtp_result {
  bool ok;
  bool permanent;            /* fault == SMTP_FAULT_RECIPIENT */
  enum smtp_fault fault;
  const char *stage;         /* the command refused or failing: "connect",
                                "EHLO", "STARTTLS", "AUTH", "MAIL FROM",
                                "RCPT TO", "DATA", "end of data"; static */
  long reply_code;           /* last SMTP reply code, 0 if none */
  char detail[256];          /* "<url shown>: <stage>: <reply or error>";
                                never the password, URL redacted */
};

/* A session with the server of `cfg`, which must outlive it: the
 * connection is made by the first send and kept for the next ones. NULL
 * when out of memory. smtp_session_free says QUIT, closes the connection
 * and frees the session (NULL is fine). */
struct smtp_session;
struct smtp_session *smtp_session_new(const struct smtp_config *cfg);
void smtp_session_free(struct smtp_session *s);

/* Send `message` (CRLF lines) to `rcpt` over the session's connection,
 * connecting (and logging in) when there is none. A kept connection that
 * the server dropped while idle is not held against it: the message is
 * tried once more on a new connection. Returns 0 when the server accepted
 * it, -1 otherwise with res filled (see enum smtp_fault). */
int smtp_session_send(struct smtp_session *s, const char *rcpt,
                      const char *message, struct smtp_result *res);

/* The same in a session of its own, closed before it returns. */
int smtp_send(const struct smtp_config *cfg, const char *rcpt,
              const char *message, struct smtp_result *res);

#endif
