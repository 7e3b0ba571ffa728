/*
 * webhook.h — deliver JSON bodies to HTTP endpoints, signed, concurrently.
 *
 * Signing follows Standard Webhooks v1: headers webhook-id (stable across
 * retries), webhook-timestamp (unix seconds when this transfer started) and
 * webhook-signature "v1,<base64 HMAC-SHA256(key, id.timestamp.body)>",
 * where key is the base64-decoded part of a "whsec_…" secret. Delivery uses
 * the libcurl multi interface with at most `max_parallel` transfers at once,
 * connect and total timeouts, and no redirects unless asked for. Details
 * show URLs redacted (redact.h): a token in a URL never reaches a detail.
 */
#ifndef DONDOC_WEBHOOK_H
#define DONDOC_WEBHOOK_H

#include <stdbool.h>
#include <stddef.h>

struct webhook_request {
  const char *url;
  const char *secret;              /* "whsec_<base64>", or NULL: unsigned */
  const char *msg_id;              /* webhook-id; no '.' */
  const char *body;                /* JSON, sent as is */
  bool follow_redirects;
  long connect_timeout_ms, timeout_ms;
};

struct webhook_result {
  bool ok;                         /* 2xx */
  bool permanent;                  /* 3xx not followed; 4xx other than 408,
                                      429 and a 401/403 that blames the
                                      timestamp; 410 too */
  bool unavailable;                /* temporary, and the endpoint's doing,
                                      not this body's: no HTTP answer
                                      (refused, DNS, TLS, timeout) or 502,
                                      503, 504 */
  long http_status;                /* 0 when no response */
  long retry_after_s;              /* from Retry-After, 0 if none */
  long long timestamp;             /* webhook-timestamp sent, 0 if none */
  double elapsed_ms;               /* from the transfer's start (signing)
                                      to its end; 0 if it never started */
  char detail[256];                /* URL redacted; 4xx: the body's start */
};

/* Connections kept open across several sends (a whole run): at most
 * max_parallel transfers at once over at most max_parallel connections,
 * reused by every webhook_pool_send on the pool. NULL when out of memory
 * or when OpenSSL has no HMAC. Free with webhook_pool_free (closes them). */
struct webhook_pool;
struct webhook_pool *webhook_pool_new(int max_parallel);
void webhook_pool_free(struct webhook_pool *pool);

/* Send every request over the pool's connections; results[i] answers
 * reqs[i]; as webhook_send_all otherwise. */
int webhook_pool_send(struct webhook_pool *pool,
                      const struct webhook_request *reqs, size_t n,
                      struct webhook_result *results, long long now);

/* Send every request; results[i] answers reqs[i], over a pool of its
 * own whose connections close when it returns. Each transfer is signed and
 * stamped (webhook-timestamp) with the clock at the moment it starts —
 * pass now = 0, as deliver.c does. A non-zero `now` stamps every transfer
 * with that time instead: for tests that need a known or stale timestamp.
 * Returns 0 (even if some failed: see results), or -1 when libcurl could
 * not be set up. */
int webhook_send_all(const struct webhook_request *reqs, size_t n,
                     struct webhook_result *results, int max_parallel,
                     long long now);

/* The webhook-signature value for one attempt into out ("v1,…").
 * Returns 0, or -1 for a malformed secret or a too small buffer. */
int webhook_sign(const char *secret, const char *msg_id, long long timestamp,
                 const char *body, size_t body_len, char *out, size_t outlen);

#endif
