/*
 * deliver.c — from the outbox to SMTP, webhooks or local files.
 *
 * Each delivery's outcome is recorded as soon as it is known, one
 * transaction per delivery, so a crash in the middle of a batch loses at
 * most the record of the message in flight (which is then sent again, with
 * the same Message-ID or webhook-id — at least once, never lost).
 */
#include "deliver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "smtp.h"
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

static const struct config_webhook *endpoint(const struct config *cfg,
                                             const char *name)
{
  for (size_t i = 0; i < cfg->n_webhooks; i++)
    if (strcmp(cfg->webhooks[i].name, name) == 0)
      return &cfg->webhooks[i];
  return NULL;
}

struct pass {
  const struct config *cfg;
  struct outbox *o;
  long long now;
  struct outbox_retry retry;
  struct deliver_report *rep;
  FILE *log;
};

static int record(struct pass *p, const struct outbox_delivery *d, bool ok,
                  bool permanent, long code, const char *detail,
                  long retry_after)
{
  bool failed_now;
  if (outbox_record(p->o, d->id, p->now, ok, permanent, code, detail,
                    retry_after, &p->retry, &failed_now) != 0)
    return -1;
  if (ok)
    p->rep->sent++;
  else if (failed_now)
    p->rep->failed++;
  else
    p->rep->retrying++;
  if (p->log)
    fprintf(p->log, "  %s #%lld %s %s: %s\n", ok ? "sent" : failed_now
            ? "FAILED" : "retry", d->id, d->channel, d->recipient, detail);
  return 0;
}

static int deliver_email(struct pass *p, const struct outbox_delivery *d)
{
  const struct config_mail *m = &p->cfg->mail;
  char detail[512];
  if (m->smtp_url == NULL) {
    int rc = write_file(p->cfg->outbox_dir, "mail", d, "eml", detail,
                        sizeof detail);
    return record(p, d, rc == 0, false, 0, detail, 0);
  }
  struct smtp_config sc = {
    .url = m->smtp_url, .username = m->username, .password = m->password,
    .ca_file = m->ca_file, .mail_from = m->from,
    .tls = m->tls_none ? SMTP_TLS_NONE : SMTP_TLS_REQUIRED,
    .connect_timeout_ms = m->timeout_ms / 2, .timeout_ms = m->timeout_ms,
  };
  struct smtp_result res;
  memset(&res, 0, sizeof res);
  int rc = smtp_send(&sc, d->recipient, d->body, &res);
  return record(p, d, rc == 0, res.permanent, res.reply_code,
                rc == 0 ? "accepted" : res.detail, 0);
}

/* Webhooks with a URL go out together, max `parallel` at a time. */
static int deliver_webhooks(struct pass *p, struct outbox_delivery *d,
                            size_t n)
{
  struct webhook_request *req = calloc(n ? n : 1, sizeof *req);
  struct webhook_result *res = calloc(n ? n : 1, sizeof *res);
  const struct outbox_delivery **who = calloc(n ? n : 1, sizeof *who);
  size_t k = 0;
  int rc = 0;
  if (!req || !res || !who) {
    free(req); free(res); free(who);
    return -1;
  }
  for (size_t i = 0; i < n && rc == 0; i++) {
    if (strcmp(d[i].channel, "webhook") != 0)
      continue;
    const struct config_webhook *w = endpoint(p->cfg, d[i].recipient);
    char detail[512];
    if (w == NULL) {
      rc = record(p, &d[i], false, true, 0,
                  "endpoint is no longer in the config", 0);
    } else if (w->url == NULL) {
      int wr = write_file(p->cfg->outbox_dir, "webhooks", &d[i], "json",
                          detail, sizeof detail);
      rc = record(p, &d[i], wr == 0, false, 0, detail, 0);
    } else {
      req[k] = (struct webhook_request){
        .url = w->url, .secret = w->secret, .msg_id = d[i].message_id,
        .body = d[i].body, .follow_redirects = w->follow_redirects,
        .connect_timeout_ms = w->connect_timeout_ms,
        .timeout_ms = w->timeout_ms,
      };
      who[k++] = &d[i];
    }
  }
  /* In chunks, recording each before sending the next: a crash then
   * re-sends at most one chunk. */
  size_t chunk = (size_t)p->cfg->parallel * 4;
  for (size_t first = 0; first < k && rc == 0; first += chunk) {
    size_t m = k - first < chunk ? k - first : chunk;
    if (webhook_send_all(req + first, m, res + first, p->cfg->parallel,
                         p->now) != 0)
      rc = -1;
    for (size_t i = first; i < first + m && rc == 0; i++)
      rc = record(p, who[i], res[i].ok, res[i].permanent, res[i].http_status,
                  res[i].ok ? "delivered" : res[i].detail,
                  res[i].retry_after_s);
  }
  free(req); free(res); free(who);
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
  if (outbox_due(o, now, &d, &n) != 0) {
    snprintf(err, errlen, "%s", outbox_errmsg(o));
    return -1;
  }
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    if (strcmp(d[i].channel, "email") == 0)
      rc = deliver_email(&p, &d[i]);
  if (rc == 0)
    rc = deliver_webhooks(&p, d, n);
  if (rc != 0)
    snprintf(err, errlen, "%s", outbox_errmsg(o));
  outbox_deliveries_free(d, n);
  return rc;
}
