/*
 * smtp.c — deliver one rendered message to one recipient (smtp.h).
 *
 * A thin, strict wrapper over a libcurl easy handle: libcurl speaks SMTP,
 * STARTTLS, AUTH and dot-stuffing; this file decides policy and turns the
 * outcome into something the scheduler can act on:
 *   - TLS is mandatory (STARTTLS required on smtp://, implicit on smtps://)
 *     with peer and host verification left on, so a relay that drops
 *     STARTTLS or shows a wrong certificate gets nothing, credentials
 *     included. Only smtp:// with SMTP_TLS_NONE talks in clear (a local
 *     relay on the same host).
 *   - Classification: a 5xx reply is permanent (do not retry); 4xx
 *     replies, refused or timed-out connections and TLS failures are
 *     temporary. A malformed recipient never reaches the wire and is
 *     permanent too: it will not get better.
 *   - detail carries the server's own reply line when there is one
 *     ("smtp://host:587: 550 5.1.1 mailbox unavailable"), libcurl's error
 *     text otherwise. libcurl hands every server reply line to the header
 *     callback, so no CURLOPT_VERBOSE (which would log AUTH) is needed.
 * The caller owns curl_global_init()/curl_global_cleanup().
 */
#include "smtp.h"
#include "email.h"

#include <stdio.h>
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

/* Reply lines worth reporting, printable ASCII only (they end up in logs
 * and the store): the last one, and the last negative (4xx/5xx) one —
 * after a refusal libcurl still says QUIT, so the very last line is
 * usually "221 Bye", not the reason. */
struct replies {
  char last[200];
  char negative[200];
};

static size_t header_cb(char *buf, size_t size, size_t nitems,
                        void *userdata) {
  struct replies *r = userdata;
  size_t n = size * nitems, j = 0;
  for (size_t i = 0; i < n && j + 1 < sizeof r->last; i++) {
    unsigned char c = (unsigned char)buf[i];
    if (c == '\r' || c == '\n')
      break;
    r->last[j++] = (c >= 0x20 && c < 0x7F) ? (char)c : '?';
  }
  r->last[j] = '\0';
  if (r->last[0] == '4' || r->last[0] == '5')
    memcpy(r->negative, r->last, sizeof r->negative);
  return n;
}


/* The URL for messages: without any "user:password@" part, so detail never
 * shows credentials that were put in the URL. */
static void redacted_url(const char *url, char *out, size_t cap) {
  const char *auth = strstr(url, "://");
  if (!auth) {
    snprintf(out, cap, "%s", url);
    return;
  }
  auth += 3;
  size_t authority = strcspn(auth, "/?#");
  const char *at = NULL;
  for (const char *p = auth; p < auth + authority; p++)
    if (*p == '@')
      at = p;
  if (!at)
    snprintf(out, cap, "%s", url);
  else
    snprintf(out, cap, "%.*s%s", (int)(auth - url), url, at + 1);
}

/* detail = "<url without credentials>: <what>". */
static void set_detail(struct smtp_result *res, const char *url,
                       const char *what) {
  char where[128];
  redacted_url(url ? url : "smtp", where, sizeof where);
  snprintf(res->detail, sizeof res->detail, "%s: %s", where, what);
}

static void fail(struct smtp_result *res, bool permanent, const char *url,
                 const char *what) {
  res->ok = false;
  res->permanent = permanent;
  set_detail(res, url, what);
}

int smtp_send(const struct smtp_config *cfg, const char *rcpt,
              const char *message, struct smtp_result *res) {
  if (!res)
    return -1;
  memset(res, 0, sizeof *res);
  if (!cfg || !cfg->url || !message) {
    fail(res, false, cfg ? cfg->url : NULL, "configuration: missing field");
    return -1;
  }
  bool smtps = strncasecmp(cfg->url, "smtps://", 8) == 0;
  if (!smtps && strncasecmp(cfg->url, "smtp://", 7) != 0) {
    fail(res, false, cfg->url, "configuration: URL must be smtp:// or smtps://");
    return -1;
  }
  if (!email_address_ok(cfg->mail_from)) {
    fail(res, false, cfg->url, "configuration: invalid envelope sender");
    return -1;
  }
  if (!email_address_ok(rcpt)) {
    fail(res, true, cfg->url, "invalid recipient address");
    return -1;
  }

  char from_path[ADDR_MAX + 3], rcpt_path[ADDR_MAX + 3];
  snprintf(from_path, sizeof from_path, "<%s>", cfg->mail_from);
  snprintf(rcpt_path, sizeof rcpt_path, "<%s>", rcpt);

  CURL *h = curl_easy_init();
  if (!h) {
    fail(res, false, cfg->url, "curl_easy_init failed");
    return -1;
  }
  struct curl_slist *rcpts = curl_slist_append(NULL, rcpt_path);
  if (!rcpts) {
    curl_easy_cleanup(h);
    fail(res, false, cfg->url, "out of memory");
    return -1;
  }

  struct upload up = {message, strlen(message)};
  struct replies replies = {{0}, {0}};
  char errbuf[CURL_ERROR_SIZE];
  errbuf[0] = '\0';
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
  SET(CURLOPT_ERRORBUFFER, errbuf);
  SET(CURLOPT_URL, cfg->url);
  SET(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  SET(CURLOPT_MAIL_FROM, from_path);
  SET(CURLOPT_MAIL_RCPT, rcpts);
  SET(CURLOPT_UPLOAD, 1L);
  SET(CURLOPT_READFUNCTION, read_cb);
  SET(CURLOPT_READDATA, &up);
  SET(CURLOPT_INFILESIZE_LARGE, (curl_off_t)up.left);
  SET(CURLOPT_HEADERFUNCTION, header_cb);
  SET(CURLOPT_HEADERDATA, &replies);
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
#undef SET

  if (rc != CURLE_OK) {
    char what[160];
    snprintf(what, sizeof what, "curl setup: %s", curl_easy_strerror(rc));
    fail(res, false, cfg->url, what);
  } else {
    rc = curl_easy_perform(h);
    long code = 0;
    if (curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK)
      code = 0;
    res->reply_code = code;
    if (rc == CURLE_OK) {
      res->ok = true;
      char what[220];
      snprintf(what, sizeof what, "accepted (%s)",
               replies.last[0] ? replies.last : "no reply text");
      set_detail(res, cfg->url, what);
    } else {
      /* The server's reply says why when it refused; otherwise (network,
       * TLS, timeout) libcurl's error text does. */
      const char *why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
      char digits[16];
      snprintf(digits, sizeof digits, "%ld", code);
      if (code >= 400 && code <= 599 &&
          strncmp(replies.negative, digits, 3) == 0)
        why = replies.negative;
      fail(res, code >= 500 && code <= 599, cfg->url, why);
    }
  }
  /* A server could echo what it was sent; never let the password out. */
  if (cfg->password && *cfg->password &&
      strstr(res->detail, cfg->password)) {
    set_detail(res, cfg->url, "reply withheld (it contained the password)");
  }

  curl_slist_free_all(rcpts);
  curl_easy_cleanup(h);
  return res->ok ? 0 : -1;
}
