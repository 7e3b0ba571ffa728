/*
 * smtp.c — deliver rendered messages, one recipient each, over a session
 * that keeps its connection from one message to the next (smtp.h).
 *
 * A thin, strict wrapper over a libcurl easy handle: libcurl speaks SMTP,
 * STARTTLS, AUTH and dot-stuffing; this file decides policy and turns the
 * outcome into something the scheduler can act on:
 *   - TLS is mandatory (STARTTLS required on smtp://, implicit on smtps://)
 *     with peer and host verification left on, so a relay that drops
 *     STARTTLS or shows a wrong certificate gets nothing, credentials
 *     included. Only smtp:// with SMTP_TLS_NONE talks in clear (a local
 *     relay on the same host).
 *   - Classification by the command the server refused (enum smtp_fault):
 *     a refusal before RCPT TO (greeting, EHLO, STARTTLS, AUTH — a wrong
 *     password's 535 —, MAIL FROM), a 421 anywhere, a connection or TLS
 *     failure are the server's: every message stays queued. Only RCPT TO
 *     refused with 5xx fails that recipient for good; the rest (RCPT 4xx,
 *     DATA, the reply to the end of the data) is this message's, for now.
 *   - detail names the stage and carries the server's own reply line when
 *     there is one ("smtp://host:587: RCPT TO: 550 5.1.1 mailbox
 *     unavailable"), libcurl's error text otherwise; the URL is shown
 *     redacted (redact.h).
 *
 * Knowing the refused command: CURLINFO_RESPONSE_CODE only gives the last
 * code, and a 550 means "no such user" after RCPT TO but "sender refused"
 * after MAIL FROM. Inferring the command from the sequence of replies would
 * have to replay libcurl's state machine (EHLO or HELO, STARTTLS, the SASL
 * exchange's 334s, whether AUTH happened at all). Instead a
 * CURLOPT_DEBUGFUNCTION sees each command as libcurl sends it
 * (CURLINFO_HEADER_OUT) and keeps only which known verb it starts with —
 * an enum, no byte of it is copied. That needs CURLOPT_VERBOSE, whose
 * output then goes only to that callback, never to stderr; the callback is
 * set first, so verbose is never on without it. AUTH continuation lines
 * (the base64 credentials answering a 334) are recognised by the 334 before
 * them and not even compared. The header callback sees the replies.
 * The caller owns curl_global_init()/curl_global_cleanup().
 */
#include "smtp.h"
#include "email.h"
#include "redact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

/* Used when the configuration leaves a timeout at 0: a daemon must never
 * hang on one relay. */
#define DEFAULT_CONNECT_TIMEOUT_MS 10000L
#define DEFAULT_TIMEOUT_MS 60000L
#define ADDR_MAX 254

/* The message being uploaded: libcurl pulls it through read_cb. */
struct upload {
  const char *p;
  size_t left;
};

static size_t read_cb(char *buf, size_t size, size_t nitems, void *userdata) {
  struct upload *u = userdata;
  size_t room = size * nitems;
  size_t n = u->left < room ? u->left : room;
  memcpy(buf, u->p, n);
  u->p += n;
  u->left -= n;
  return n; /* 0 at the end: libcurl then sends the final CRLF.CRLF */
}

/* Where the conversation is: the command whose reply is awaited. */
enum stage {
  ST_CONFIG, ST_CONNECT, ST_EHLO, ST_STARTTLS, ST_AUTH, ST_MAIL, ST_RCPT,
  ST_DATA, ST_BODY
};

static const char *const stage_names[] = {
  [ST_CONFIG] = "configuration", [ST_CONNECT] = "connect",
  [ST_EHLO] = "EHLO", [ST_STARTTLS] = "STARTTLS", [ST_AUTH] = "AUTH",
  [ST_MAIL] = "MAIL FROM", [ST_RCPT] = "RCPT TO", [ST_DATA] = "DATA",
  [ST_BODY] = "end of data",
};

/* What the callbacks learn during one transfer. Reply lines are kept as
 * printable ASCII only (they end up in logs and the store): the last one,
 * and the last negative (4xx/5xx) one — after a refusal libcurl still says
 * QUIT, so the very last line is usually "221 Bye", not the reason. */
struct track {
  enum stage stage;          /* the command sent last */
  enum stage refused_at;     /* the stage of the last negative reply */
  bool sasl;                 /* a 334 asked for an AUTH continuation */
  char last[200];
  char negative[200];
};

/* Commands libcurl sends, by verb. Anything else (an AUTH continuation)
 * leaves the stage as it is, and so does QUIT: libcurl says it after a
 * failure too, and the failure belongs to the command before. */
static const struct { const char *verb; enum stage stage; } verbs[] = {
  {"EHLO", ST_EHLO}, {"HELO", ST_EHLO}, {"STARTTLS", ST_STARTTLS},
  {"AUTH", ST_AUTH}, {"MAIL", ST_MAIL}, {"RCPT", ST_RCPT},
  {"DATA", ST_DATA},
};

/* Sees the commands sent (and everything else libcurl's verbose mode
 * shows). Reads the verb in place; stores nothing but the stage. */
static int debug_cb(CURL *h, curl_infotype type, char *data, size_t size,
                    void *userp) {
  (void)h;
  struct track *t = userp;
  if (type == CURLINFO_DATA_OUT && t->stage == ST_DATA)
    t->stage = ST_BODY;
  if (type != CURLINFO_HEADER_OUT || t->sasl)
    return 0;
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
    size_t len = strlen(verbs[i].verb);
    if (size >= len && strncasecmp(data, verbs[i].verb, len) == 0 &&
        (size == len || data[len] == ' ' || data[len] == '\r' ||
         data[len] == '\n')) {
      t->stage = verbs[i].stage;
      break;
    }
  }
  return 0;
}

static size_t header_cb(char *buf, size_t size, size_t nitems,
                        void *userdata) {
  struct track *t = userdata;
  size_t n = size * nitems, j = 0;
  for (size_t i = 0; i < n && j + 1 < sizeof t->last; i++) {
    unsigned char c = (unsigned char)buf[i];
    if (c == '\r' || c == '\n')
      break;
    t->last[j++] = (c >= 0x20 && c < 0x7F) ? (char)c : '?';
  }
  t->last[j] = '\0';
  t->sasl = t->stage == ST_AUTH && strncmp(t->last, "334", 3) == 0;
  if (t->stage == ST_DATA && strncmp(t->last, "354", 3) == 0)
    t->stage = ST_BODY;
  if (t->last[0] == '4' || t->last[0] == '5') {
    memcpy(t->negative, t->last, sizeof t->negative);
    t->refused_at = t->stage;
  }
  return n;
}

/* detail = "<url shown>: <what>", scrubbed of the URL's secret parts. */
static void set_detail(struct smtp_result *res, const char *url,
                       const char *what) {
  char where[128];
  redact_url(url ? url : "smtp://(none)", where, sizeof where);
  snprintf(res->detail, sizeof res->detail, "%s: %s", where, what);
  if (url)
    redact_scrub(res->detail, sizeof res->detail, url);
}

static void fail(struct smtp_result *res, enum smtp_fault fault,
                 enum stage st, const char *url, const char *what) {
  char line[240];
  res->ok = false;
  res->fault = fault;
  res->permanent = fault == SMTP_FAULT_RECIPIENT;
  res->stage = stage_names[st];
  snprintf(line, sizeof line, "%s: %s", stage_names[st], what);
  set_detail(res, url, line);
}

/* Whose fault, from the stage the transfer stopped at and the last code. */
static enum smtp_fault blame(enum stage st, long code) {
  if (code == 421)               /* "service not available, closing" */
    return SMTP_FAULT_SERVER;
  if (st <= ST_MAIL)
    return SMTP_FAULT_SERVER;
  if (st == ST_RCPT && code == 530)      /* authentication required */
    return SMTP_FAULT_SERVER;
  if (st == ST_RCPT && code >= 500 && code <= 599)
    return SMTP_FAULT_RECIPIENT;
  return SMTP_FAULT_MESSAGE;
}

/* A connection kept across sends: libcurl's connection cache lives in the
 * easy handle, so the next transfer on the same handle, to the same URL
 * with the same credentials, starts at MAIL FROM on the open, already
 * secured and authenticated connection. After a failed transfer libcurl
 * closes the connection (smtp_done marks it), so a refusal never leaks
 * into the next message. */
struct smtp_session {
  const struct smtp_config *cfg;
  CURL *h;
};

struct smtp_session *smtp_session_new(const struct smtp_config *cfg) {
  struct smtp_session *s = calloc(1, sizeof *s);
  if (s == NULL)
    return NULL;
  s->cfg = cfg;
  s->h = curl_easy_init();
  if (s->h == NULL) {
    free(s);
    return NULL;
  }
  return s;
}

void smtp_session_free(struct smtp_session *s) {
  if (s == NULL)
    return;
  curl_easy_cleanup(s->h); /* says QUIT and closes the connection */
  free(s);
}

/* Everything one transfer reads while it runs. */
struct transfer {
  struct upload up;
  struct track track;
  struct curl_slist *rcpts;
  char from_path[ADDR_MAX + 3];
  char errbuf[CURL_ERROR_SIZE];
  bool setup_failed;         /* a setopt failed: nothing was sent */
};

/* Set every option of one transfer on the session's handle; options from
 * the transfer before are all overwritten (the same set each time), and
 * the connection cache is kept. */
static CURLcode setup(CURL *h, const struct smtp_config *cfg,
                      struct transfer *t, bool fresh) {
  bool smtps = strncasecmp(cfg->url, "smtps://", 8) == 0;
  long connect_ms = cfg->connect_timeout_ms > 0 ? cfg->connect_timeout_ms
                                                : DEFAULT_CONNECT_TIMEOUT_MS;
  long total_ms = cfg->timeout_ms > 0 ? cfg->timeout_ms : DEFAULT_TIMEOUT_MS;
  /* smtp:// + REQUIRED: STARTTLS or nothing (CURLUSESSL_ALL fails the
   * transfer if the server does not offer it). smtps:// is TLS from the
   * first byte whatever `tls` says. */
  long use_ssl = (smtps || cfg->tls == SMTP_TLS_REQUIRED) ? (long)CURLUSESSL_ALL
                                                         : (long)CURLUSESSL_NONE;

  /* Every setopt is checked; the first failure stops the rest. */
  CURLcode rc = CURLE_OK;
#define SET(opt, val)                                                          \
  do {                                                                         \
    if (rc == CURLE_OK)                                                        \
      rc = curl_easy_setopt(h, opt, val);                                      \
  } while (0)
  SET(CURLOPT_ERRORBUFFER, t->errbuf);
  SET(CURLOPT_URL, cfg->url);
  SET(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  SET(CURLOPT_MAIL_FROM, t->from_path);
  SET(CURLOPT_MAIL_RCPT, t->rcpts);
  SET(CURLOPT_UPLOAD, 1L);
  SET(CURLOPT_READFUNCTION, read_cb);
  SET(CURLOPT_READDATA, &t->up);
  SET(CURLOPT_INFILESIZE_LARGE, (curl_off_t)t->up.left);
  SET(CURLOPT_HEADERFUNCTION, header_cb);
  SET(CURLOPT_HEADERDATA, &t->track);
  /* The callback first: verbose output must never fall back to stderr. */
  SET(CURLOPT_DEBUGFUNCTION, debug_cb);
  SET(CURLOPT_DEBUGDATA, &t->track);
  SET(CURLOPT_VERBOSE, 1L);
  SET(CURLOPT_USE_SSL, use_ssl);
  /* Verification stays on (libcurl's default), stated here so nobody
   * mistakes its absence for an oversight. */
  SET(CURLOPT_SSL_VERIFYPEER, 1L);
  SET(CURLOPT_SSL_VERIFYHOST, 2L);
  SET(CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
  if (cfg->ca_file)
    SET(CURLOPT_CAINFO, cfg->ca_file);
  if (cfg->username) {
    SET(CURLOPT_USERNAME, cfg->username);
    SET(CURLOPT_PASSWORD, cfg->password ? cfg->password : "");
  }
  SET(CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
  SET(CURLOPT_TIMEOUT_MS, total_ms);
  /* No SIGALRM-based timeouts: the daemon may be multi-threaded. */
  SET(CURLOPT_NOSIGNAL, 1L);
  SET(CURLOPT_FRESH_CONNECT, fresh ? 1L : 0L);
#undef SET
  return rc;
}

/* One transfer of `message`; *reused tells whether it went over a
 * connection kept from an earlier one. */
static CURLcode transfer(struct smtp_session *s, struct transfer *t,
                         const char *message, bool fresh, long *code,
                         bool *reused) {
  t->up = (struct upload){message, strlen(message)};
  memset(&t->track, 0, sizeof t->track);
  t->track.stage = ST_CONNECT;
  t->errbuf[0] = '\0';
  *code = 0;
  *reused = false;
  CURLcode rc = setup(s->h, s->cfg, t, fresh);
  t->setup_failed = rc != CURLE_OK;
  if (rc != CURLE_OK)
    return rc;
  rc = curl_easy_perform(s->h);
  long connects = 1;
  if (curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, code) != CURLE_OK)
    *code = 0;
  if (curl_easy_getinfo(s->h, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK)
    *reused = connects == 0;
  return rc;
}

int smtp_session_send(struct smtp_session *s, const char *rcpt,
                      const char *message, struct smtp_result *res) {
  if (!res)
    return -1;
  memset(res, 0, sizeof *res);
  res->stage = stage_names[ST_CONFIG];
  const struct smtp_config *cfg = s ? s->cfg : NULL;
  if (!cfg || !cfg->url || !message) {
    fail(res, SMTP_FAULT_SERVER, ST_CONFIG, cfg ? cfg->url : NULL,
         "missing field");
    return -1;
  }
  if (strncasecmp(cfg->url, "smtps://", 8) != 0 &&
      strncasecmp(cfg->url, "smtp://", 7) != 0) {
    fail(res, SMTP_FAULT_SERVER, ST_CONFIG, cfg->url,
         "URL must be smtp:// or smtps://");
    return -1;
  }
  if (!email_address_ok(cfg->mail_from)) {
    fail(res, SMTP_FAULT_SERVER, ST_CONFIG, cfg->url,
         "invalid envelope sender");
    return -1;
  }
  if (!email_address_ok(rcpt)) {
    fail(res, SMTP_FAULT_RECIPIENT, ST_RCPT, cfg->url,
         "invalid recipient address");
    return -1;
  }

  struct transfer *t = calloc(1, sizeof *t);
  char rcpt_path[ADDR_MAX + 3];
  snprintf(rcpt_path, sizeof rcpt_path, "<%s>", rcpt);
  if (t == NULL || (t->rcpts = curl_slist_append(NULL, rcpt_path)) == NULL) {
    free(t);
    fail(res, SMTP_FAULT_SERVER, ST_CONFIG, cfg->url, "out of memory");
    return -1;
  }
  snprintf(t->from_path, sizeof t->from_path, "<%s>", cfg->mail_from);

  long code;
  bool reused;
  CURLcode rc = transfer(s, t, message, false, &code, &reused);
  /* A kept connection the server dropped while idle fails before this
   * message got anywhere (no reply, or a 421 at MAIL FROM at the latest):
   * that is not the server refusing, so once more on a new connection. */
  if (rc != CURLE_OK && !t->setup_failed && reused &&
      t->track.stage <= ST_MAIL && (code == 0 || code == 421))
    rc = transfer(s, t, message, true, &code, &reused);
  res->reply_code = code;
  if (rc == CURLE_OK) {
    char what[220];
    res->ok = true;
    res->fault = SMTP_FAULT_NONE;
    res->stage = stage_names[ST_BODY];
    snprintf(what, sizeof what, "accepted (%s)",
             t->track.last[0] ? t->track.last : "no reply text");
    set_detail(res, cfg->url, what);
  } else if (t->setup_failed) {
    char what[160];
    snprintf(what, sizeof what, "curl setup: %s", curl_easy_strerror(rc));
    fail(res, SMTP_FAULT_SERVER, ST_CONFIG, cfg->url, what);
  } else {
    /* The server's reply says why when it refused, and at which command;
     * otherwise (network, TLS, timeout) libcurl's error text does, at
     * the command whose reply was awaited. */
    const char *why = t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc);
    enum stage st = t->track.stage;
    char digits[16];
    snprintf(digits, sizeof digits, "%ld", code);
    if (code >= 400 && code <= 599 &&
        strncmp(t->track.negative, digits, 3) == 0) {
      why = t->track.negative;
      st = t->track.refused_at;
    }
    fail(res, blame(st, code), st, cfg->url, why);
  }
  /* A server could echo what it was sent; never let the password out. */
  if (cfg->password && *cfg->password &&
      strstr(res->detail, cfg->password)) {
    set_detail(res, cfg->url, "reply withheld (it contained the password)");
  }

  curl_slist_free_all(t->rcpts);
  free(t);
  return res->ok ? 0 : -1;
}

int smtp_send(const struct smtp_config *cfg, const char *rcpt,
              const char *message, struct smtp_result *res) {
  if (!res)
    return -1;
  struct smtp_session *s = cfg ? smtp_session_new(cfg) : NULL;
  if (s == NULL) {
    memset(res, 0, sizeof *res);
    fail(res, SMTP_FAULT_SERVER, ST_CONFIG, cfg ? cfg->url : NULL,
         cfg ? "curl_easy_init failed" : "missing field");
    return -1;
  }
  int rc = smtp_session_send(s, rcpt, message, res);
  smtp_session_free(s);
  return rc;
}
