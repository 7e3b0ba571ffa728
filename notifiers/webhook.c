/*
 * webhook.c — the webhook transport: signs JSON bodies per Standard Webhooks
 * v1 and POSTs them concurrently with the libcurl multi interface.
 *
 * How it fits: the reminder engine decides *what* to say and *to whom*; for
 * each webhook endpoint it builds one struct webhook_request (body, stable
 * msg_id, the endpoint's "whsec_…" secret), and deliver.c sends them batch
 * after batch through one struct webhook_pool per run (webhook_pool_send),
 * so every batch reuses the same at most `parallel` connections. Each
 * result tells the caller whether to mark the reminder delivered (ok),
 * schedule a retry (!ok && !permanent, honouring retry_after_s), or give up
 * and alert a human (permanent). The only state kept between calls is the
 * pool the caller owns; no globals; curl_global_init() is the caller's job.
 *
 * Libraries do the real work: libcurl (HTTP, timeouts, connection reuse,
 * Retry-After parsing) and OpenSSL libcrypto (HMAC-SHA256 via EVP_MAC, base64
 * via EVP_EncodeBlock/EVP_DecodeBlock). What is written here is policy:
 * validation of inputs, header construction and classification of outcomes.
 *
 * Classification (see classify()):
 *   2xx                         ok
 *   502, 503, 504               temporary, and `unavailable`: the endpoint
 *                               says it is down, not that this body is bad
 *   408, 429, other 5xx         temporary (the receiver may recover)
 *   401, 403 whose body speaks  temporary: a verifier that found the
 *     of the timestamp          webhook-timestamp too old or too new (a
 *     ("timestamp", "too old",  clock problem, or a transfer that waited);
 *     "too new", "expired")     the next attempt carries a fresh one
 *   3xx not followed            permanent: following redirects is opt-in and
 *                               Standard Webhooks counts 3xx as failure; the
 *                               URL must be fixed, retrying will not help
 *   other 4xx (410 included)    permanent
 *   transport errors            temporary and `unavailable` (refused,
 *     timeout, DNS, TLS, reset) except a malformed URL, a scheme other than
 *     http/https, or a redirect loop: configuration mistakes that no retry
 *     can fix, so permanent.
 *   bad secret / msg_id / URL   permanent, and nothing is sent.
 *
 * Timestamps: each transfer is signed when it starts (when a slot frees up
 * in the multi handle, not when the batch began), so a long batch, or a
 * run that spent minutes on a slow mail server first, never sends a
 * timestamp that a verifier's 5-minute tolerance rejects.
 *
 * Secrets in URLs: every detail shows the URL in its redacted form
 * (redact.h), and text from libcurl or the receiver is scrubbed of the
 * URL's secret parts before it is kept.
 */
#include "webhook.h"
#include "redact.h"

#include <curl/curl.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define SECRET_PREFIX "whsec_"
/* Standard Webhooks: symmetric secrets are 24 to 64 bytes (192–512 bits).
 * A shorter key is refused rather than silently weakening every signature. */
#define KEY_MIN 24
#define KEY_MAX 64
#define SHA256_LEN 32
/* "v1," + base64 of 32 bytes (44 chars) + NUL. */
#define SIGNATURE_SIZE (3 + 44 + 1)
/* msg_id travels in a header line and in the signed content; bound it so a
 * header line always fits its buffer. Real ids are ~30 characters. */
#define MSG_ID_MAX 255
/* A receiver should answer with a few bytes; we read at most this much of any
 * response body and then drop the connection instead of downloading more. */
#define RESPONSE_BODY_CAP (64 * 1024)
/* The first bytes of a response body are kept: a verifier says there why it
 * refused (a stale timestamp is not a wrong secret), an API why it
 * rejected a body. Only printable ASCII of it ever reaches a detail. */
#define BODY_HEAD 200
/* Used when the caller leaves a timeout at 0, because libcurl's default for
 * the total is "forever" and a stuck receiver would stall the whole run. The
 * total follows the Standard Webhooks advice of 15–30 s. */
#define DEFAULT_CONNECT_TIMEOUT_MS 10000L
#define DEFAULT_TIMEOUT_MS 30000L
#define USER_AGENT "dondoc/0.1"

/* ---------------------------------------------------------------- signing */

static const char B64_ALPHABET[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Decode the part after "whsec_" into key. EVP_DecodeBlock alone is too
 * lenient for a secret (it skips surrounding whitespace, accepts '=' inside
 * the text and counts padding as key bytes), so the shape is checked first:
 * alphabet characters, then at most two '=' that complete a 4-char group. */
static int decode_secret(const char *secret, unsigned char key[KEY_MAX],
                         size_t *keylen) {
  if (secret == NULL || strncmp(secret, SECRET_PREFIX, strlen(SECRET_PREFIX)))
    return -1;
  const char *b64 = secret + strlen(SECRET_PREFIX);
  size_t len = strlen(b64);
  size_t data = strspn(b64, B64_ALPHABET);
  size_t pad = len - data;
  if (len == 0 || len % 4 != 0 || pad > 2 || strspn(b64 + data, "=") != pad)
    return -1;
  /* Decoded size before removing padding; room for the largest legal key
   * plus the padding bytes EVP_DecodeBlock writes as zeros. */
  size_t raw = len / 4 * 3;
  if (raw - pad > KEY_MAX)
    return -1;
  unsigned char buf[KEY_MAX + 3];
  int n = EVP_DecodeBlock(buf, (const unsigned char *)b64, (int)len);
  if (n < 0 || (size_t)n != raw) {
    OPENSSL_cleanse(buf, sizeof buf);
    return -1;
  }
  size_t klen = raw - pad;
  if (klen < KEY_MIN) {
    OPENSSL_cleanse(buf, sizeof buf);
    return -1;
  }
  memcpy(key, buf, klen);
  OPENSSL_cleanse(buf, sizeof buf);
  *keylen = klen;
  return 0;
}

/* HMAC-SHA256 over msg_id "." timestamp "." body, fed to EVP_MAC piece by
 * piece so the body is never copied. `mac` is the fetched HMAC algorithm
 * (a pool keeps one: fetching looks through the providers each time), or
 * NULL to fetch it here. */
static int hmac_signed_content(EVP_MAC *fetched, const unsigned char *key,
                               size_t keylen, const char *msg_id,
                               const char *ts, const char *body,
                               size_t body_len,
                               unsigned char out[SHA256_LEN]) {
  int rc = -1;
  EVP_MAC *mac = fetched != NULL ? fetched
                                 : EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
  EVP_MAC_CTX *ctx = mac != NULL ? EVP_MAC_CTX_new(mac) : NULL;
  if (ctx == NULL)
    goto done;
  char digest[] = "SHA256"; /* OSSL_PARAM wants a non-const char * */
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end()};
  size_t outl = 0;
  if (EVP_MAC_init(ctx, key, keylen, params) != 1 ||
      EVP_MAC_update(ctx, (const unsigned char *)msg_id, strlen(msg_id)) != 1 ||
      EVP_MAC_update(ctx, (const unsigned char *)".", 1) != 1 ||
      EVP_MAC_update(ctx, (const unsigned char *)ts, strlen(ts)) != 1 ||
      EVP_MAC_update(ctx, (const unsigned char *)".", 1) != 1 ||
      (body_len > 0 &&
       EVP_MAC_update(ctx, (const unsigned char *)body, body_len) != 1) ||
      EVP_MAC_final(ctx, out, &outl, SHA256_LEN) != 1 || outl != SHA256_LEN)
    goto done;
  rc = 0;
done:
  EVP_MAC_CTX_free(ctx);
  if (mac != fetched)
    EVP_MAC_free(mac);
  return rc;
}

/* A '.' would make the signed content ambiguous (spec), and CR/LF or other
 * controls in a header value would let an id inject headers. */
static bool msg_id_valid(const char *msg_id) {
  if (msg_id == NULL || *msg_id == '\0' || strlen(msg_id) > MSG_ID_MAX)
    return false;
  for (const unsigned char *p = (const unsigned char *)msg_id; *p; p++)
    if (*p == '.' || *p < 0x21 || *p == 0x7f)
      return false;
  return true;
}

static int sign_with(EVP_MAC *mac, const char *secret, const char *msg_id,
                     long long timestamp, const char *body, size_t body_len,
                     char *out, size_t outlen) {
  if (out == NULL || outlen < SIGNATURE_SIZE || !msg_id_valid(msg_id) ||
      (body == NULL && body_len > 0))
    return -1;
  unsigned char key[KEY_MAX];
  size_t keylen = 0;
  if (decode_secret(secret, key, &keylen) != 0)
    return -1;
  char ts[32];
  snprintf(ts, sizeof ts, "%lld", timestamp);
  unsigned char digest[SHA256_LEN];
  int rc = hmac_signed_content(mac, key, keylen, msg_id, ts, body, body_len,
                               digest);
  OPENSSL_cleanse(key, sizeof key);
  if (rc != 0)
    return -1;
  memcpy(out, "v1,", 3);
  /* EVP_EncodeBlock writes 44 characters and a NUL for 32 bytes. */
  if (EVP_EncodeBlock((unsigned char *)out + 3, digest, SHA256_LEN) != 44)
    return -1;
  return 0;
}

int webhook_sign(const char *secret, const char *msg_id, long long timestamp,
                 const char *body, size_t body_len, char *out, size_t outlen) {
  return sign_with(NULL, secret, msg_id, timestamp, body, body_len, out,
                   outlen);
}

/* --------------------------------------------------------------- delivery */

/* Everything one transfer needs while it is in flight. The array of these is
 * allocated once per call; an easy handle is taken from the pool when a
 * request starts and given back as soon as it finishes, its header list
 * freed then. */
struct xfer {
  CURL *easy;
  struct curl_slist *headers;
  size_t body_bytes;    /* response bytes seen, up to the cap */
  bool body_capped;     /* we aborted the transfer at RESPONSE_BODY_CAP */
  char head[BODY_HEAD]; /* the first bytes of the body, NUL-terminated */
  bool done;            /* results[i] is final */
  struct timespec started;
  char errbuf[CURL_ERROR_SIZE];
};

/* A multi handle kept across webhook_pool_send calls, so the connections
 * it opened (at most max_parallel) carry every batch of a run, and the
 * HMAC algorithm fetched once. Finished transfers' easy handles are kept
 * too (reset, at most max_parallel), so a run of ten thousand does not
 * allocate and free ten thousand of them. */
struct webhook_pool {
  CURLM *multi;             /* NULL after a multi-level error: made anew */
  int max_parallel;
  EVP_MAC *mac;
  CURL **spare;             /* detached from the multi, reset */
  int n_spare;
  struct sig_memo *memo;    /* the last signature made; NULL: none */
};

/* The last signature and what it signed. One message goes to every endpoint
 * of a jurisdiction with the same id and body, and the timestamp has a
 * one-second grain, so most transfers of a run sign exactly what the one
 * before signed: HMAC-SHA256 over the body was a third of the CPU of
 * delivery. Everything is compared in full, so a different secret, id,
 * second or body is signed anew. The secret is wiped when replaced. */
struct sig_memo {
  char *secret, *msg_id, *body;
  size_t body_len;
  long long stamp;
  char sig[SIGNATURE_SIZE];
};

static void memo_free(struct sig_memo *m) {
  if (m == NULL)
    return;
  if (m->secret != NULL) {
    OPENSSL_cleanse(m->secret, strlen(m->secret));
    free(m->secret);
  }
  free(m->msg_id);
  free(m->body);
  OPENSSL_cleanse(m->sig, sizeof m->sig);
  free(m);
}

static const char *memo_find(const struct sig_memo *m, const char *secret,
                             const char *msg_id, long long stamp,
                             const char *body, size_t body_len) {
  if (m == NULL || m->stamp != stamp || m->body_len != body_len ||
      strcmp(m->secret, secret) != 0 || strcmp(m->msg_id, msg_id) != 0 ||
      memcmp(m->body, body, body_len) != 0)
    return NULL;
  return m->sig;
}

/* Keep sig as the pool's memo; out of memory only forgets it. */
static void memo_keep(struct webhook_pool *pool, const char *secret,
                      const char *msg_id, long long stamp, const char *body,
                      size_t body_len, const char *sig) {
  memo_free(pool->memo);
  pool->memo = NULL;
  struct sig_memo *m = calloc(1, sizeof *m);
  if (m == NULL)
    return;
  m->secret = strdup(secret);
  m->msg_id = strdup(msg_id);
  m->body = malloc(body_len + 1);
  if (m->secret == NULL || m->msg_id == NULL || m->body == NULL) {
    memo_free(m);
    return;
  }
  memcpy(m->body, body, body_len + 1);
  m->body_len = body_len;
  m->stamp = stamp;
  memcpy(m->sig, sig, SIGNATURE_SIZE);
  pool->memo = m;
}

/* Keep the first BODY_HEAD - 1 bytes, count the rest up to the cap. */
static size_t read_body(char *ptr, size_t size, size_t nmemb, void *ud) {
  struct xfer *x = ud;
  size_t n = size * nmemb;
  if (x->body_bytes + n > RESPONSE_BODY_CAP) {
    x->body_capped = true;
    return 0; /* makes libcurl stop with CURLE_WRITE_ERROR */
  }
  if (x->body_bytes < sizeof x->head - 1) {
    size_t room = sizeof x->head - 1 - x->body_bytes;
    size_t take = n < room ? n : room;
    memcpy(x->head + x->body_bytes, ptr, take);
    x->head[x->body_bytes + take] = '\0';
  }
  x->body_bytes += n;
  return n;
}

/* detail = "<redacted url>: <why>", with why scrubbed of the URL's secret
 * parts (libcurl's error text may quote the URL). */
static void set_detail(struct webhook_result *r, const char *url,
                       const char *why) {
  char shown[160];
  redact_url(url, shown, sizeof shown);
  snprintf(r->detail, sizeof r->detail, "%s: %s", shown, why);
  redact_scrub(r->detail, sizeof r->detail, url);
}

static void fail(struct webhook_result *r, bool permanent, const char *url,
                 const char *why) {
  r->ok = false;
  r->permanent = permanent;
  set_detail(r, url, why);
}

/* Each setopt can fail (out of memory, option unknown to this libcurl), and
 * a half-configured handle must not be sent: bail out on the first error. */
#define SETOPT(h, opt, val)                                                    \
  do {                                                                         \
    CURLcode setopt_rc_ = curl_easy_setopt((h), (opt), (val));                 \
    if (setopt_rc_ != CURLE_OK)                                                \
      return setopt_rc_;                                                       \
  } while (0)

static CURLcode append_header(struct curl_slist **list, const char *line) {
  struct curl_slist *grown = curl_slist_append(*list, line);
  if (grown == NULL)
    return CURLE_OUT_OF_MEMORY;
  *list = grown;
  return CURLE_OK;
}

static CURLcode configure(struct xfer *x, size_t index,
                          const struct webhook_request *rq,
                          const char *signature, long long stamp) {
  char line[64 + MSG_ID_MAX];
  CURLcode rc;
  /* An empty "Expect:" stops libcurl from waiting up to 1 s for a
   * "100 Continue" before sending bodies over 1 KiB. */
  const char *fixed[] = {"Content-Type: application/json", "Expect:"};
  for (size_t k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
    if ((rc = append_header(&x->headers, fixed[k])) != CURLE_OK)
      return rc;
  snprintf(line, sizeof line, "webhook-id: %s", rq->msg_id);
  if ((rc = append_header(&x->headers, line)) != CURLE_OK)
    return rc;
  snprintf(line, sizeof line, "webhook-timestamp: %lld", stamp);
  if ((rc = append_header(&x->headers, line)) != CURLE_OK)
    return rc;
  if (signature != NULL) {
    snprintf(line, sizeof line, "webhook-signature: %s", signature);
    if ((rc = append_header(&x->headers, line)) != CURLE_OK)
      return rc;
  }

  long connect_ms = rq->connect_timeout_ms > 0 ? rq->connect_timeout_ms
                                               : DEFAULT_CONNECT_TIMEOUT_MS;
  long total_ms = rq->timeout_ms > 0 ? rq->timeout_ms : DEFAULT_TIMEOUT_MS;
  CURL *h = x->easy;
  SETOPT(h, CURLOPT_URL, rq->url);
  SETOPT(h, CURLOPT_PROTOCOLS_STR, "http,https");
  SETOPT(h, CURLOPT_NOSIGNAL, 1L); /* timeouts must not use SIGALRM */
  SETOPT(h, CURLOPT_ERRORBUFFER, x->errbuf);
  SETOPT(h, CURLOPT_PRIVATE, (void *)(uintptr_t)index);
  SETOPT(h, CURLOPT_HTTPHEADER, x->headers);
  SETOPT(h, CURLOPT_USERAGENT, USER_AGENT);
  /* POSTFIELDS is not copied: the caller's body outlives this call. */
  SETOPT(h, CURLOPT_POSTFIELDS, rq->body);
  SETOPT(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(rq->body));
  SETOPT(h, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
  SETOPT(h, CURLOPT_TIMEOUT_MS, total_ms);
  SETOPT(h, CURLOPT_WRITEFUNCTION, read_body);
  SETOPT(h, CURLOPT_WRITEDATA, x);
  if (rq->follow_redirects) {
    SETOPT(h, CURLOPT_FOLLOWLOCATION, 1L);
    SETOPT(h, CURLOPT_MAXREDIRS, 3L);
    SETOPT(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    /* Re-POST after 301/302 as well (libcurl would switch to GET, losing
     * the body); 307/308 keep POST anyway, and 303 rightly means GET. */
    SETOPT(h, CURLOPT_POSTREDIR, (long)(CURL_REDIR_POST_301 |
                                        CURL_REDIR_POST_302));
  } else {
    SETOPT(h, CURLOPT_FOLLOWLOCATION, 0L);
  }
  return CURLE_OK;
}

static void release(struct xfer *x) {
  curl_easy_cleanup(x->easy); /* NULL is fine */
  x->easy = NULL;
  curl_slist_free_all(x->headers);
  x->headers = NULL;
}

/* An easy handle for a new transfer: a spare one, or a new one. */
static CURL *pool_take(struct webhook_pool *pool) {
  return pool->n_spare > 0 ? pool->spare[--pool->n_spare] : curl_easy_init();
}

/* Done with x: its handle back to the spares when it is no longer attached
 * to the multi handle (reset at once, so it keeps no pointer to x), else
 * cleaned up; its header list freed. */
static void recycle(struct webhook_pool *pool, struct xfer *x,
                    bool detached) {
  if (x->easy != NULL && detached && pool->n_spare < pool->max_parallel) {
    curl_easy_reset(x->easy);
    pool->spare[pool->n_spare++] = x->easy;
    x->easy = NULL;
  }
  release(x);
}

/* Validate, sign and hand one request to the multi handle. The timestamp is
 * `now` when the caller fixed one, else the clock at this moment: the
 * moment this transfer starts. Returns true when the transfer is now in
 * flight; otherwise results[i] holds the reason. */
static bool start(struct webhook_pool *pool, struct xfer *x, size_t index,
                  const struct webhook_request *rq, struct webhook_result *r,
                  long long now) {
  if (rq->url == NULL || rq->url[0] == '\0') {
    fail(r, true, rq->url, "no URL configured");
    return false;
  }
  if (!msg_id_valid(rq->msg_id)) {
    fail(r, true, rq->url,
         "invalid webhook id (empty, too long, or has '.', space or control)");
    return false;
  }
  if (rq->body == NULL) {
    fail(r, true, rq->url, "no body");
    return false;
  }
  char sig[SIGNATURE_SIZE];
  const char *sigp = NULL;
  long long stamp = now != 0 ? now : (long long)time(NULL);
  if (rq->secret != NULL) {
    size_t body_len = strlen(rq->body);
    sigp = memo_find(pool->memo, rq->secret, rq->msg_id, stamp, rq->body,
                     body_len);
    if (sigp == NULL) {
      if (sign_with(pool->mac, rq->secret, rq->msg_id, stamp, rq->body,
                    body_len, sig, sizeof sig) != 0) {
        fail(r, true, rq->url,
             "malformed webhook secret (need whsec_ + base64 of 24-64 bytes)");
        return false;
      }
      memo_keep(pool, rq->secret, rq->msg_id, stamp, rq->body, body_len, sig);
      sigp = sig;
    }
  }

  x->easy = pool_take(pool);
  CURLcode cc = x->easy != NULL ? configure(x, index, rq, sigp, stamp)
                                : CURLE_FAILED_INIT;
  if (cc != CURLE_OK) {
    char why[160];
    snprintf(why, sizeof why, "cannot set up transfer: %s",
             curl_easy_strerror(cc));
    recycle(pool, x, true);
    fail(r, false, rq->url, why); /* resources, not the endpoint: retry */
    return false;
  }
  CURLMcode mc = curl_multi_add_handle(pool->multi, x->easy);
  if (mc != CURLM_OK) {
    char why[160];
    snprintf(why, sizeof why, "cannot start transfer: %s",
             curl_multi_strerror(mc));
    recycle(pool, x, true);
    fail(r, false, rq->url, why);
    return false;
  }
  r->timestamp = stamp;
  clock_gettime(CLOCK_MONOTONIC, &x->started);
  return true;
}

static bool is_config_error(CURLcode cc) {
  return cc == CURLE_URL_MALFORMAT || cc == CURLE_UNSUPPORTED_PROTOCOL ||
         cc == CURLE_TOO_MANY_REDIRECTS;
}

/* The kept head of the body as one line of printable ASCII (runs of
 * whitespace and anything else become one space), at most cap - 1 bytes. */
static void body_line(const char *head, char *out, size_t cap) {
  size_t j = 0;
  bool space = false;
  for (const unsigned char *c = (const unsigned char *)head;
       *c != '\0' && j + 1 < cap; c++) {
    if (*c > 0x20 && *c < 0x7f) {
      if (space && j > 0 && j + 2 < cap)
        out[j++] = ' ';
      out[j++] = (char)*c;
      space = false;
    } else {
      space = true;
    }
  }
  out[j] = '\0';
}

/* Does a verifier's answer blame the timestamp? Standard Webhooks'
 * libraries say "Message timestamp too old" / "too new"; others speak of an
 * expired or stale timestamp. */
static bool blames_timestamp(const char *body) {
  static const char *const words[] = {"timestamp", "too old", "too new",
                                      "expired", "stale"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    for (const char *c = body; *c != '\0'; c++)
      if (strncasecmp(c, words[i], strlen(words[i])) == 0)
        return true;
  return false;
}

/* Turn a finished transfer into results[i]. Must run before the easy handle
 * is cleaned up: it reads the handle's info and error buffer. */
static void classify(struct xfer *x, CURLcode cc,
                     const struct webhook_request *rq,
                     struct webhook_result *r) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  r->elapsed_ms = (double)(t.tv_sec - x->started.tv_sec) * 1e3 +
                  (double)(t.tv_nsec - x->started.tv_nsec) / 1e6;
  long status = 0;
  if (curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK)
    status = 0;
  r->http_status = status;
  /* libcurl parses Retry-After itself (seconds or HTTP-date → seconds from
   * now); a date in the past comes back negative, which means "now". */
  curl_off_t retry_after = 0;
  if (curl_easy_getinfo(x->easy, CURLINFO_RETRY_AFTER, &retry_after) !=
          CURLE_OK ||
      retry_after < 0)
    retry_after = 0;
  if (retry_after > (curl_off_t)INT32_MAX)
    retry_after = INT32_MAX;
  r->retry_after_s = (long)retry_after;

  /* Cutting off an oversized response still leaves a complete status. */
  bool answered = cc == CURLE_OK ||
                  (cc == CURLE_WRITE_ERROR && x->body_capped && status > 0);
  if (!answered) {
    size_t len = strlen(x->errbuf);
    while (len > 0 && strchr("\r\n", x->errbuf[len - 1]) != NULL)
      x->errbuf[--len] = '\0';
    bool config = is_config_error(cc);
    fail(r, config, rq->url, len > 0 ? x->errbuf : curl_easy_strerror(cc));
    r->unavailable = !config;
    return;
  }

  char why[200], body[96];
  body_line(x->head, body, sizeof body);
  int used = snprintf(why, sizeof why, "HTTP %ld", status);
  if (status >= 300 && status < 400) {
    char *location = NULL;
    char shown[128];
    if (curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &location) !=
            CURLE_OK ||
        location == NULL) {
      snprintf(why + used, sizeof why - (size_t)used, ", no usable Location");
    } else if (!rq->follow_redirects) {
      redact_url(location, shown, sizeof shown);
      snprintf(why + used, sizeof why - (size_t)used,
               ", redirect to %s not followed", shown);
    }
  } else if (r->retry_after_s > 0) {
    snprintf(why + used, sizeof why - (size_t)used, ", Retry-After %ld s",
             r->retry_after_s);
  }
  /* A 4xx says why in its body (an API's error message); a body that only
   * repeats the status adds nothing. 5xx bodies are error pages: left out. */
  char digits[16];
  snprintf(digits, sizeof digits, "%ld", status);
  if (status >= 400 && status < 500 && body[0] != '\0' &&
      strcmp(body, digits) != 0) {
    used = (int)strlen(why);
    snprintf(why + used, sizeof why - (size_t)used, ": %s", body);
  }
  if (x->body_capped) {
    used = (int)strlen(why);
    snprintf(why + used, sizeof why - (size_t)used,
             " (response body cut off after %d bytes)", RESPONSE_BODY_CAP);
  }
  set_detail(r, rq->url, why);

  r->ok = status >= 200 && status < 300;
  if (r->ok) {
    r->permanent = false;
  } else if (status == 502 || status == 503 || status == 504) {
    r->permanent = false;
    r->unavailable = true;
  } else if (status == 408 || status == 429 || status >= 500) {
    r->permanent = false;
  } else if ((status == 401 || status == 403) && blames_timestamp(body)) {
    r->permanent = false;
  } else if (status >= 300 && status < 500) {
    r->permanent = true;
  } else {
    /* 1xx as a final answer or other oddities: a failure, maybe passing. */
    r->permanent = false;
  }
}

/* A multi-level error leaves the batch unusable: answer every request that
 * has no result yet, as temporary, so the caller retries them later. */
static void fail_unfinished(const struct xfer *xs,
                            const struct webhook_request *reqs, size_t n,
                            struct webhook_result *results, const char *what,
                            CURLMcode mc) {
  char why[160];
  snprintf(why, sizeof why, "%s: %s", what, curl_multi_strerror(mc));
  for (size_t i = 0; i < n; i++)
    if (!xs[i].done)
      fail(&results[i], false, reqs[i].url, why);
}

struct webhook_pool *webhook_pool_new(int max_parallel) {
  struct webhook_pool *pool = calloc(1, sizeof *pool);
  if (pool == NULL)
    return NULL;
  pool->max_parallel = max_parallel < 1 ? 1 : max_parallel;
  pool->mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
  pool->spare = calloc((size_t)pool->max_parallel, sizeof *pool->spare);
  if (pool->mac == NULL || pool->spare == NULL) {
    EVP_MAC_free(pool->mac);
    free(pool->spare);
    free(pool);
    return NULL;
  }
  return pool;
}

void webhook_pool_free(struct webhook_pool *pool) {
  if (pool == NULL)
    return;
  for (int i = 0; i < pool->n_spare; i++)
    curl_easy_cleanup(pool->spare[i]);
  free(pool->spare);
  /* Only a call from inside a callback fails here; none is made. */
  (void)curl_multi_cleanup(pool->multi); /* closes the connections */
  EVP_MAC_free(pool->mac);
  memo_free(pool->memo);
  free(pool);
}

/* The multi handle, made on first use: at most max_parallel connections,
 * and as many kept open between batches (libcurl's cache would otherwise
 * size itself by the transfers in flight, which is none between two). */
static CURLM *pool_multi(struct webhook_pool *pool) {
  if (pool->multi != NULL)
    return pool->multi;
  CURLM *multi = curl_multi_init();
  if (multi == NULL)
    return NULL;
  if (curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                        (long)pool->max_parallel) != CURLM_OK ||
      curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS,
                        (long)pool->max_parallel) != CURLM_OK) {
    (void)curl_multi_cleanup(multi);
    return NULL;
  }
  pool->multi = multi;
  return multi;
}

int webhook_pool_send(struct webhook_pool *pool,
                      const struct webhook_request *reqs, size_t n,
                      struct webhook_result *results, long long now) {
  if (n == 0)
    return 0;
  if (pool == NULL || reqs == NULL || results == NULL)
    return -1;
  for (size_t i = 0; i < n; i++)
    memset(&results[i], 0, sizeof results[i]);

  /* One allocation for all per-request state, freed at the end. */
  struct xfer *xs = calloc(n, sizeof *xs);
  if (xs == NULL)
    return -1;
  CURLM *multi = pool_multi(pool);
  if (multi == NULL) {
    free(xs);
    return -1;
  }
  int rc = 0, max_parallel = pool->max_parallel;
  bool broken = false;          /* a multi-level error: the handle goes */
  CURLMcode mc;

  size_t next = 0; /* first request not yet started */
  int active = 0;
  for (;;) {
    /* Keep up to max_parallel transfers in flight. A request that cannot
     * start is answered on the spot and the next one is tried. */
    while (active < max_parallel && next < n) {
      size_t i = next++;
      if (start(pool, &xs[i], i, &reqs[i], &results[i], now))
        active++;
      else
        xs[i].done = true;
    }
    if (active == 0)
      break;

    int running = 0;
    mc = curl_multi_perform(multi, &running);
    if (mc != CURLM_OK) {
      fail_unfinished(xs, reqs, n, results, "curl_multi_perform", mc);
      broken = true;
      goto out;
    }
    CURLMsg *msg;
    int queued = 0;
    while ((msg = curl_multi_info_read(multi, &queued)) != NULL) {
      if (msg->msg != CURLMSG_DONE)
        continue;
      /* Copy what we need: msg dies with remove_handle/easy_cleanup. */
      CURL *easy = msg->easy_handle;
      CURLcode result = msg->data.result;
      char *priv = NULL;
      size_t i = n;
      if (curl_easy_getinfo(easy, CURLINFO_PRIVATE, &priv) == CURLE_OK)
        i = (size_t)(uintptr_t)priv;
      if (i >= n || xs[i].easy != easy) /* cannot happen; be safe anyway */
        for (i = 0; i < n && xs[i].easy != easy; i++)
          ;
      if (i == n) {
        rc = -1;
        broken = true;
        goto out;
      }
      classify(&xs[i], result, &reqs[i], &results[i]);
      xs[i].done = true;
      mc = curl_multi_remove_handle(multi, easy);
      /* easy_cleanup also detaches it if remove failed */
      recycle(pool, &xs[i], mc == CURLM_OK);
      active--;
      if (mc != CURLM_OK) {
        /* Only a bad handle fails here: a bug. Stop rather than spin. */
        fail_unfinished(xs, reqs, n, results,
                        "curl_multi_remove_handle", mc);
        broken = true;
        goto out;
      }
    }
    if (active < max_parallel && next < n)
      continue; /* fill freed slots before waiting */
    if (active == 0)
      continue; /* loop head ends it or starts more */
    mc = curl_multi_poll(multi, NULL, 0, 1000, NULL);
    if (mc != CURLM_OK) {
      fail_unfinished(xs, reqs, n, results, "curl_multi_poll", mc);
      broken = true;
      goto out;
    }
  }

out:
  for (size_t i = 0; i < n; i++) {
    bool detached = true;
    if (xs[i].easy != NULL &&
        curl_multi_remove_handle(multi, xs[i].easy) != CURLM_OK) {
      rc = -1;
      detached = false;
    }
    recycle(pool, &xs[i], detached);
  }
  if (broken) {
    /* Only a bad handle or a call from inside a callback fails here: a
     * bug, so report it instead of hiding it. The next call starts a new
     * handle. */
    if (curl_multi_cleanup(multi) != CURLM_OK)
      rc = -1;
    pool->multi = NULL;
  }
  free(xs);
  return rc;
}

int webhook_send_all(const struct webhook_request *reqs, size_t n,
                     struct webhook_result *results, int max_parallel,
                     long long now) {
  if (n == 0)
    return 0;
  if (reqs == NULL || results == NULL)
    return -1;
  struct webhook_pool *pool = webhook_pool_new(max_parallel);
  if (pool == NULL)
    return -1;
  int rc = webhook_pool_send(pool, reqs, n, results, now);
  webhook_pool_free(pool);
  return rc;
}
