/*
 * deliver.c — from the outbox to SMTP, webhooks or local files.
 *
 * Emails go out over one SMTP session for the pass (one login), each
 * one's outcome recorded as soon as it is known, in a transaction of its
 * own; webhooks go out in chunks of 4 × parallel over one pool of
 * connections for the whole pass, each chunk recorded in one transaction
 * once it is answered. So a crash loses at most the record of the email or the
 * chunk in flight, which is then sent again with the same Message-ID or
 * webhook-ids — at least once, never lost. The commits of the pass do not
 * wait for the disk (outbox_relax: a crash of the process loses none of
 * them); the pass ends with everything synced (outbox_settle).
 *
 * Not the message's fault, not counted. When the mail server refuses in a
 * way that would refuse every message (SMTP_FAULT_SERVER: connection, TLS,
 * AUTH, MAIL FROM, 421) or the SMTP password is missing, that one attempt
 * is deferred (recorded, attempts unchanged) and the other emails of the
 * pass are held — not tried, last_error saying why — instead of each
 * knocking on a closed door. A webhook endpoint that is unreachable or
 * answers 502/503/504 is treated the same way, per endpoint. Held
 * deliveries keep their place (next_attempt_at unchanged) while the one
 * tried moves back by its backoff, so the next pass tries another message
 * first: one that the server keeps refusing for its own reasons cannot
 * block the rest.
 */
#include "deliver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "smtp.h"
#include "template.h"
#include "utf8.h"
#include "webhook.h"

static int mkdirs(const char *path)
{
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      if (mkdir(buf, 0750) != 0 && errno != EEXIST)
        return -1;
      *p = '/';
    }
  return mkdir(buf, 0750) != 0 && errno != EEXIST ? -1 : 0;
}

/* Write body to DIR/SUB/<id>-<recipient>.<ext> through a temporary file and
 * rename, so a reader never sees half a message. */
static int write_file(const char *dir, const char *sub,
                      const struct outbox_delivery *d, const char *ext,
                      char *detail, size_t len)
{
  char folder[4096], path[4352], tmp[4400], name[128];
  size_t k = 0;
  for (const char *s = d->recipient; *s && k < sizeof name - 1; s++)
    name[k++] = (*s == '/' || *s == '\\' || *s == ' ') ? '_' : *s;
  name[k] = '\0';
  snprintf(folder, sizeof folder, "%s/%s", dir, sub);
  snprintf(path, sizeof path, "%s/%06lld-%s.%s", folder, d->id, name, ext);
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  if (mkdirs(folder) != 0) {
    snprintf(detail, len, "%s: cannot create: %s", folder, strerror(errno));
    return -1;
  }
  FILE *f = fopen(tmp, "w");
  if (f == NULL) {
    snprintf(detail, len, "%s: %s", tmp, strerror(errno));
    return -1;
  }
  size_t n = strlen(d->body);
  int bad = fwrite(d->body, 1, n, f) != n;
  bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
  bad |= fclose(f) != 0;
  if (bad || rename(tmp, path) != 0) {
    snprintf(detail, len, "%s: %s", path, strerror(errno));
    (void)unlink(tmp);
    return -1;
  }
  snprintf(detail, len, "written to %s", path);
  return 0;
}

/* An endpoint's name and its place in the config, kept sorted by name so
 * that ten thousand deliveries to ten thousand endpoints are not a hundred
 * million string comparisons. */
struct endpoint_name {
  const char *name;
  size_t index;
};

static int by_name(const void *a, const void *b)
{
  const struct endpoint_name *x = a, *y = b;
  int r = strcmp(x->name, y->name);
  /* the first of two endpoints with one name is the one used, as before */
  return r ? r : x->index < y->index ? -1 : x->index > y->index;
}

static int by_name_only(const void *a, const void *b)
{
  return strcmp(((const struct endpoint_name *)a)->name,
                ((const struct endpoint_name *)b)->name);
}

struct pass {
  const struct config *cfg;
  struct outbox *o;
  long long now;
  struct outbox_retry retry;
  struct deliver_report *rep;
  FILE *log;
  /* Set once the mail server refused in a way that is not the message's
   * (or the password is missing): the remaining emails are not tried. */
  char mail_blocked[300];
  long long *held;
  size_t n_held, cap_held;
  /* Each endpoint's template, loaded on first use in this pass; a template
   * that does not load keeps its error for every delivery it shapes. */
  struct template **templates;
  char (*template_error)[TEMPLATE_ERR_LEN];
  struct endpoint_name *endpoints;   /* sorted: endpoint() */
  /* The webhooks' connections, made on first use and kept for the pass. */
  struct webhook_pool *pool;
  /* The mail server's session, likewise: one login for all the emails. */
  struct smtp_config smtp;
  struct smtp_session *session;
};

static const struct config_webhook *endpoint(const struct pass *p,
                                             const char *name)
{
  struct endpoint_name key = {name, 0};
  const struct endpoint_name *hit =
    p->cfg->n_webhooks ? bsearch(&key, p->endpoints, p->cfg->n_webhooks,
                                 sizeof key, by_name_only) : NULL;
  while (hit != NULL && hit > p->endpoints &&
         strcmp(hit[-1].name, name) == 0)
    hit--;
  return hit ? &p->cfg->webhooks[hit->index] : NULL;
}

static void note(struct pass *p, const char *what,
                 const struct outbox_delivery *d, const char *detail)
{
  if (p->log)
    fprintf(p->log, "  %s #%lld %s %s: %s\n", what, d->id, d->channel,
            d->recipient, detail);
}

void deliver_report_release(struct deliver_report *rep)
{
  for (size_t i = 0; i < rep->n_failures; i++)
    free(rep->failures[i]);
  free(rep->failures);
  rep->failures = NULL;
  rep->n_failures = 0;
}

static int note_failure(struct pass *p, const struct outbox_delivery *d,
                        const char *detail)
{
  char line[700];
  snprintf(line, sizeof line, "#%lld %s %s: %s", d->id, d->channel,
           d->recipient, detail);
  line[utf8_boundary(line, strlen(line))] = '\0';
  char **grown = realloc(p->rep->failures,
                         (p->rep->n_failures + 1) * sizeof *grown);
  if (grown == NULL)
    return -1;
  p->rep->failures = grown;
  if ((grown[p->rep->n_failures] = strdup(line)) == NULL)
    return -1;
  p->rep->n_failures++;
  return 0;
}

static int record(struct pass *p, const struct outbox_delivery *d, bool ok,
                  bool permanent, long code, const char *detail,
                  long retry_after)
{
  bool failed_now;
  if (outbox_record(p->o, d->id, p->now, ok, permanent, code, detail,
                    retry_after, &p->retry, &failed_now) != 0)
    return -1;
  if (failed_now && note_failure(p, d, detail) != 0)
    return -1;
  if (ok)
    p->rep->sent++;
  else if (failed_now)
    p->rep->failed++;
  else
    p->rep->retrying++;
  note(p, ok ? "sent" : failed_now ? "FAILED" : "retry", d, detail);
  return 0;
}

/* The server or endpoint is at fault: recorded, not counted. */
static int defer(struct pass *p, const struct outbox_delivery *d, long code,
                 const char *detail, long retry_after)
{
  if (outbox_defer(p->o, d->id, p->now, code, detail, retry_after,
                   &p->retry) != 0)
    return -1;
  p->rep->retrying++;
  note(p, "retry", d, detail);
  return 0;
}

/* Not tried in this pass; last_error says why. */
static int hold(struct pass *p, const long long *ids, size_t n,
                const char *reason, const char *what)
{
  char why[400];
  snprintf(why, sizeof why, "not tried: %s", reason);
  if (outbox_hold(p->o, ids, n, why) != 0)
    return -1;
  p->rep->retrying += n;
  p->rep->held += n;
  if (p->log && n > 0)
    fprintf(p->log, "  held %zu %s%s, %s\n", n, what, n == 1 ? "" : "s",
            why);
  return 0;
}

static int hold_later(struct pass *p, const struct outbox_delivery *d)
{
  if (p->n_held == p->cap_held) {
    size_t cap = p->cap_held ? p->cap_held * 2 : 16;
    long long *grown = realloc(p->held, cap * sizeof *grown);
    if (grown == NULL)
      return -1;
    p->held = grown;
    p->cap_held = cap;
  }
  p->held[p->n_held++] = d->id;
  return 0;
}

/* A message that could not be built when it was queued is kept with an
 * empty body (run.c): retrying it has nothing to send. */
static const char nothing_to_send[] =
  "nothing to send: this message could not be built when it was queued "
  "(its first attempt says why); the next reminder replaces it";

static int deliver_email(struct pass *p, const struct outbox_delivery *d)
{
  const struct config_mail *m = &p->cfg->mail;
  char detail[512];
  if (d->body[0] == '\0')
    return record(p, d, false, true, 0, nothing_to_send, 0);
  if (m->smtp_url == NULL) {
    int rc = write_file(p->cfg->outbox_dir, "mail", d, "eml", detail,
                        sizeof detail);
    return record(p, d, rc == 0, false, 0, detail, 0);
  }
  if (p->mail_blocked[0] == '\0' && m->username != NULL &&
      m->password == NULL && m->password_error != NULL)
    snprintf(p->mail_blocked, sizeof p->mail_blocked, "%s",
             m->password_error);
  if (p->mail_blocked[0] != '\0')
    return hold_later(p, d);
  if (p->session == NULL) {
    p->smtp = (struct smtp_config){
      .url = m->smtp_url, .username = m->username, .password = m->password,
      .ca_file = m->ca_file, .mail_from = m->from,
      .tls = m->tls_none ? SMTP_TLS_NONE : SMTP_TLS_REQUIRED,
      .connect_timeout_ms = m->timeout_ms / 2, .timeout_ms = m->timeout_ms,
    };
    if ((p->session = smtp_session_new(&p->smtp)) == NULL)
      return -1;
  }
  struct smtp_result res;
  memset(&res, 0, sizeof res);
  int rc = smtp_session_send(p->session, d->recipient, d->body, &res);
  if (rc == 0)
    return record(p, d, true, false, res.reply_code, "accepted", 0);
  if (res.fault == SMTP_FAULT_SERVER) {
    /* Every other email would meet the same refusal: one try per pass. */
    snprintf(p->mail_blocked, sizeof p->mail_blocked, "%s", res.detail);
    return defer(p, d, res.reply_code, res.detail, 0);
  }
  return record(p, d, false, res.fault == SMTP_FAULT_RECIPIENT,
                res.reply_code, res.detail, 0);
}

/* A 401 or 403 that webhook.c could not blame on the timestamp (many
 * verifiers answer with an empty body) is still retried once when it is
 * the delivery's first counted attempt, or when the attempt before was
 * refused for its timestamp: a clock that was off, or a request that
 * waited, must not fail a message for good. A wrong secret fails on the
 * second attempt. */
static bool auth_refusal_retried(const struct outbox_delivery *d,
                                 const struct webhook_result *r)
{
  if (!r->permanent || (r->http_status != 401 && r->http_status != 403))
    return false;
  return d->attempts == 0 ||
         (d->last_error != NULL && strstr(d->last_error, "timestamp") != NULL);
}

/* The body to send to endpoint w for delivery d: dondoc's payload (as the
 * outbox keeps it) shaped by the endpoint's template, if it names one.
 * Shaping happens here, at each attempt, rather than when the run queues
 * the message, so a template fixed after a failure serves the retry.
 * Returns 0 with *body set (malloc'd, or NULL: send d->body as it is), or
 * 1 with the reason in detail when the template fails. */
static int shape_body(struct pass *p, const struct config_webhook *w,
                      const struct outbox_delivery *d, char **body,
                      char *detail, size_t len)
{
  size_t e = (size_t)(w - p->cfg->webhooks);
  *body = NULL;
  if (w->template_path == NULL)
    return 0;
  if (p->templates[e] == NULL && p->template_error[e][0] == '\0') {
    p->templates[e] = template_load(w->template_path, p->template_error[e]);
    if (p->templates[e] == NULL && p->template_error[e][0] == '\0')
      snprintf(p->template_error[e], TEMPLATE_ERR_LEN, "%s: cannot load",
               w->template_path);
  }
  char err[TEMPLATE_ERR_LEN];
  const char *why = p->template_error[e];
  if (p->templates[e] != NULL) {
    *body = template_apply(p->templates[e], d->body, w->options_json, err);
    why = err;
  }
  if (*body != NULL)
    return 0;
  snprintf(detail, len, "template %s failed: %s", w->name, why);
  detail[utf8_boundary(detail, strlen(detail))] = '\0';
  return 1;
}

/* A webhook delivery waiting to go out, and its endpoint's index. */
struct pending {
  const struct outbox_delivery *d;
  size_t endpoint;
  char *body;                  /* the shaped body, or NULL: d->body */
};

/* Decide, for each webhook delivery, whether it can be sent: not when its
 * endpoint is gone (failed), has no URL (written to a file) or lacks its
 * secret (held: never sent unsigned). The sendable ones go to *out. */
static int sort_webhooks(struct pass *p, const struct outbox_delivery *d,
                         size_t n, struct pending *out, size_t *n_out)
{
  int rc = 0;
  *n_out = 0;
  for (size_t i = 0; i < n && rc == 0; i++) {
    if (strcmp(d[i].channel, "webhook") != 0)
      continue;
    const struct config_webhook *w = endpoint(p, d[i].recipient);
    char detail[512];
    if (w == NULL) {
      rc = record(p, &d[i], false, true, 0,
                  "endpoint is no longer in the config", 0);
    } else if (d[i].body[0] == '\0') {
      rc = record(p, &d[i], false, true, 0, nothing_to_send, 0);
    } else if (w->url != NULL && w->secret == NULL &&
               w->secret_error != NULL) {
      rc = hold(p, &d[i].id, 1, w->secret_error, "webhook");
    } else {
      char *body;
      if (shape_body(p, w, &d[i], &body, detail, sizeof detail) != 0) {
        /* Permanent until the template is fixed; then `outbox retry`. */
        rc = record(p, &d[i], false, true, 0, detail, 0);
      } else if (w->url == NULL) {
        struct outbox_delivery shaped = d[i];
        if (body)
          shaped.body = body;
        int wr = write_file(p->cfg->outbox_dir, "webhooks", &shaped, "json",
                            detail, sizeof detail);
        free(body);
        rc = record(p, &d[i], wr == 0, false, 0, detail, 0);
      } else {
        out[(*n_out)++] = (struct pending){&d[i],
                                           (size_t)(w - p->cfg->webhooks),
                                           body};
      }
    }
  }
  return rc;
}

/* Record a chunk's results, in the chunk's transaction. */
static int record_chunk(struct pass *p, const struct pending **who,
                        const struct webhook_result *res, size_t m,
                        char (*down)[256])
{
  int rc = 0;
  for (size_t i = 0; i < m && rc == 0; i++) {
    const struct outbox_delivery *dd = who[i]->d;
    if (res[i].ok) {
      char detail[64];
      snprintf(detail, sizeof detail, "delivered in %.2f ms",
               res[i].elapsed_ms);
      rc = record(p, dd, true, false, res[i].http_status, detail, 0);
    } else if (res[i].unavailable) {
      snprintf(down[who[i]->endpoint], sizeof down[0], "%s", res[i].detail);
      rc = defer(p, dd, res[i].http_status, res[i].detail,
                 res[i].retry_after_s);
    } else {
      rc = record(p, dd, false,
                  res[i].permanent && !auth_refusal_retried(dd, &res[i]),
                  res[i].http_status, res[i].detail, res[i].retry_after_s);
    }
  }
  return rc;
}

/* The deliveries of a chunk not sent because their endpoint was found
 * unavailable earlier in the pass, and the chunk's results: recorded in
 * one transaction (a batch), opened only now that the chunk is answered,
 * so the database is never locked while requests wait on the network. */
static int record_batch(struct pass *p, const struct pending **skipped,
                        size_t n_skipped, const struct pending **who,
                        const struct webhook_result *res, size_t m,
                        char (*down)[256])
{
  if (outbox_batch_begin(p->o) != 0)
    return -1;
  int rc = 0;
  for (size_t i = 0; i < n_skipped && rc == 0; i++)
    rc = hold(p, &skipped[i]->d->id, 1, down[skipped[i]->endpoint],
              "webhook");
  if (rc == 0)
    rc = record_chunk(p, who, res, m, down);
  /* What was recorded is kept even when a later record failed: those
   * were sent. */
  if (outbox_batch_end(p->o) != 0)
    rc = -1;
  return rc;
}

/* Webhooks with a URL go out together, max `parallel` at a time, in chunks
 * of 4 × parallel over the pass's pool of connections. Each chunk is
 * recorded in one transaction once it is answered: a crash re-sends at
 * most that chunk (same ids), and the ledger costs one commit per chunk.
 * An endpoint found unavailable in a chunk gets nothing more in this pass:
 * its other deliveries are held. */
static int deliver_webhooks(struct pass *p, const struct outbox_delivery *d,
                            size_t n)
{
  size_t chunk = (size_t)p->cfg->parallel * 4, k = 0;
  size_t n_ep = p->cfg->n_webhooks ? p->cfg->n_webhooks : 1;
  struct pending *todo = calloc(n ? n : 1, sizeof *todo);
  const struct pending **skipped = calloc(n ? n : 1, sizeof *skipped);
  struct webhook_request *req = calloc(chunk, sizeof *req);
  struct webhook_result *res = calloc(chunk, sizeof *res);
  const struct pending **who = calloc(chunk, sizeof *who);
  char (*down)[256] = calloc(n_ep, sizeof *down);
  int rc = todo && skipped && req && res && who && down ? 0 : -1;
  if (rc == 0)
    rc = sort_webhooks(p, d, n, todo, &k);
  if (rc == 0 && k > 0 && p->pool == NULL &&
      (p->pool = webhook_pool_new(p->cfg->parallel)) == NULL)
    rc = -1;
  for (size_t next = 0; next < k && rc == 0;) {
    size_t m = 0, n_skipped = 0;
    for (; next < k && m < chunk; next++) {
      const struct pending *t = &todo[next];
      const struct config_webhook *w = &p->cfg->webhooks[t->endpoint];
      if (down[t->endpoint][0] != '\0') {
        skipped[n_skipped++] = t;
        continue;
      }
      req[m] = (struct webhook_request){
        .url = w->url, .secret = w->secret, .msg_id = t->d->message_id,
        .body = t->body ? t->body : t->d->body,
        .follow_redirects = w->follow_redirects,
        .connect_timeout_ms = w->connect_timeout_ms,
        .timeout_ms = w->timeout_ms,
      };
      who[m++] = t;
    }
    /* now = 0: each transfer is signed when it starts. */
    if (m > 0 && webhook_pool_send(p->pool, req, m, res, 0) != 0)
      rc = -1;
    if (rc == 0)
      rc = record_batch(p, skipped, n_skipped, who, res, m, down);
  }
  for (size_t i = 0; todo && i < k; i++)
    free(todo[i].body);
  free(todo); free(skipped); free(req); free(res); free(who); free(down);
  return rc;
}

int deliver_due(const struct config *cfg, struct outbox *o, long long now,
                struct deliver_report *rep, FILE *log, char *err,
                size_t errlen)
{
  struct outbox_delivery *d;
  size_t n;
  struct pass p = {
    .cfg = cfg, .o = o, .now = now, .rep = rep, .log = log,
    .retry = {.max_attempts = cfg->max_attempts,
              .base_seconds = cfg->retry_base_seconds,
              .max_seconds = cfg->retry_max_seconds},
  };
  size_t n_ep = cfg->n_webhooks ? cfg->n_webhooks : 1;
  p.templates = calloc(n_ep, sizeof *p.templates);
  p.template_error = calloc(n_ep, sizeof *p.template_error);
  p.endpoints = malloc(n_ep * sizeof *p.endpoints);
  if (p.templates == NULL || p.template_error == NULL ||
      p.endpoints == NULL) {
    free(p.templates);
    free(p.template_error);
    free(p.endpoints);
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  for (size_t e = 0; e < cfg->n_webhooks; e++)
    p.endpoints[e] = (struct endpoint_name){cfg->webhooks[e].name, e};
  if (cfg->n_webhooks > 1)
    qsort(p.endpoints, cfg->n_webhooks, sizeof *p.endpoints, by_name);
  if (outbox_due(o, now, &d, &n) != 0 || outbox_relax(o) != 0) {
    snprintf(err, errlen, "%s", outbox_errmsg(o));
    free(p.templates);
    free(p.template_error);
    free(p.endpoints);
    return -1;
  }
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    if (strcmp(d[i].channel, "email") == 0)
      rc = deliver_email(&p, &d[i]);
  /* QUIT now rather than keep the server waiting through the webhooks. */
  smtp_session_free(p.session);
  p.session = NULL;
  if (rc == 0)
    rc = hold(&p, p.held, p.n_held, p.mail_blocked, "email");
  if (rc == 0)
    rc = deliver_webhooks(&p, d, n);
  if (outbox_settle(o) != 0 && rc == 0)
    rc = -1;
  if (rc != 0)
    snprintf(err, errlen, "%s", outbox_errmsg(o)[0] ? outbox_errmsg(o)
                                                    : "out of memory");
  webhook_pool_free(p.pool);
  smtp_session_free(p.session);
  free(p.endpoints);
  free(p.held);
  for (size_t e = 0; e < cfg->n_webhooks; e++)
    template_free(p.templates[e]);
  free(p.templates);
  free(p.template_error);
  outbox_deliveries_free(d, n);
  return rc;
}
