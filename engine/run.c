/*
 * run.c — the daily job (run.h).
 *
 * Deduplication keys are "CHANNEL:RECIPIENT|JURISDICTION|ITEM|AGENCY|PERIOD|
 * STAGE". A key already in the outbox means that reminder was decided on an
 * earlier run (or earlier today): it is left out of this run's messages.
 * Because stages are computed from the date alone (remind.c), a run that
 * was skipped for days queues only the stage that is current now.
 *
 * Emails are grouped by address: each address gets one email per run and
 * jurisdiction, listing the reminders it must act on and then those it is
 * copied on, each keyed for that address. An address that has had the
 * policy's max_per_week emails this ISO week gets none: its keys stay
 * unqueued, so the next run with room sends whatever stages are current
 * then, in one email.
 */
#include "run.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "deliver.h"
#include "email.h"
#include "evaluate.h"
#include "messages.h"
#include "outbox.h"
#include "remind.h"
#include "report/report.h"
#include "template.h"
#include "utf8.h"

/* The digest's lines about earlier deliveries (failed for good, or queued
 * after a failed try), read once per run rather than once per digest: the
 * whole outbox list is read each time, so per digest it grew with the run
 * (every message queued so far, bodies and all) — 34 provinces took a
 * minute. `jurisdiction[i]` is whose `line[i]` is; both malloc'd, freed by
 * lines_cache_release. */
struct lines_cache {
  char **jurisdiction, **line;
  size_t n;
  bool read;      /* read since the last change that could alter it */
};

struct job {
  const struct config *cfg;
  struct lines_cache failed, waiting;
  struct store *s;
  struct outbox *o;
  const struct run_options *opt;
  struct run_report *rep;
  FILE *log;
  char day[CAL_DATE_LEN];
  const char *domain;
  char *err; size_t errlen;
};

static int job_fail(struct job *jb, const char *msg)
{
  snprintf(jb->err, jb->errlen, "%s", msg);
  return -1;
}

void run_report_release(struct run_report *rep)
{
  for (size_t i = 0; i < rep->n_problems; i++)
    free(rep->problems[i]);
  free(rep->problems);
  rep->problems = NULL;
  rep->n_problems = 0;
}

/* Note a fault that stays with its item; -1 only when out of memory. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int job_problem(struct job *jb, const char *fmt, ...)
{
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  line[utf8_boundary(line, strlen(line))] = '\0';
  char **nv = realloc(jb->rep->problems,
                      (jb->rep->n_problems + 1) * sizeof *nv);
  if (nv == NULL)
    return job_fail(jb, "out of memory");
  jb->rep->problems = nv;
  if ((nv[jb->rep->n_problems] = strdup(line)) == NULL)
    return job_fail(jb, "out of memory");
  jb->rep->n_problems++;
  if (jb->log)
    fprintf(jb->log, "  problem: %s\n", line);
  return 0;
}

static void item_key(const struct job *jb, const char *channel,
                     const char *recipient, const struct reminder *r,
                     char *buf, size_t len)
{
  const struct finding *f = r->f;
  snprintf(buf, len, "%s:%s|%s|%s|%s|%s|%s", channel, recipient, f->j->id,
           finding_item_id(f), r->to ? r->to->id : "", f->period.id,
           r->stage);
  (void)jb;
}

static int add_items(struct job *jb, long long message, const char *channel,
                     const char *recipient, const struct reminder *const *v,
                     size_t n)
{
  for (size_t i = 0; i < n; i++) {
    char key[1024];
    const struct finding *f = v[i]->f;
    item_key(jb, channel, recipient, v[i], key, sizeof key);
    struct outbox_item it = {
      .dedup_key = key, .recipient = recipient, .jurisdiction = f->j->id,
      .item = finding_item_id(f),
      .agency = v[i]->to ? v[i]->to->id : NULL, .period = f->period.id,
      .kind = finding_kind_name(f->kind), .stage = v[i]->stage,
      .run_day = jb->day,
    };
    if (outbox_add_item(jb->o, message, &it) != 0)
      return job_fail(jb, outbox_errmsg(jb->o));
  }
  jb->rep->items += n;
  return 0;
}

/* A message that cannot be built (an address the renderer refuses, a
 * webhook body that cannot be encoded) costs only itself: it is recorded
 * with an empty body and a delivery already failed for good, so it shows
 * in `outbox list --kind failed`, the ledger and the next digest, and on
 * stderr now; its items are recorded too, so the next stage of the same
 * reminders is what comes next, not this one again every half hour. */
static int queue_unbuildable(struct job *jb, const struct jurisdiction *j,
                             const char *channel, const char *recipient,
                             const char *subject, const char *message_id,
                             const char *why, long long *id)
{
  if (outbox_add_message(jb->o, channel, j->id, subject, "", message_id,
                         jb->day, jb->opt->unix_now, id) != 0 ||
      outbox_add_failed(jb->o, *id, recipient, why, jb->opt->unix_now) != 0)
    return job_fail(jb, outbox_errmsg(jb->o));
  jb->failed.read = false;          /* this jurisdiction's digest lists it */
  jb->rep->skipped++;
  return job_problem(jb, "%s: %s to %s not sent: %s", j->id, channel,
                     recipient, why);
}

/* Render letter l's email and queue it to its one address. */
static int queue_email(struct job *jb, const struct jurisdiction *j,
                       const struct composed *c, const struct letter *l)
{
  const char *tos[1] = {l->address};
  size_t n = l->n_act + l->n_info;
  struct email e = {
    .from_address = jb->cfg->mail.from, .from_name = jb->cfg->mail.from_name,
    .to = tos, .n_to = 1,
    .subject = c->subject, .text = c->text, .html = c->html,
    .message_id = c->message_id, .in_reply_to = c->in_reply_to,
    .references = c->references && c->references[0] ? c->references : NULL,
    .date = jb->opt->unix_now, .utc_offset_minutes = jb->cfg->utc_offset_minutes,
  };
  char *raw = email_render(&e);
  long long id;
  if (raw == NULL)
    return queue_unbuildable(jb, j, "email", l->address, c->subject,
                             c->message_id, "cannot build an email to this "
                             "address (check it in the rules)", &id) ||
           add_items(jb, id, "email", l->address, l->act, l->n_act) ||
           add_items(jb, id, "email", l->address, l->info, l->n_info) ? -1 : 0;
  int rc = outbox_add_message(jb->o, "email", j->id, c->subject, raw,
                              c->message_id, jb->day, jb->opt->unix_now, &id);
  free(raw);
  if (rc != 0 || outbox_add_delivery(jb->o, id, l->address,
                                     jb->opt->unix_now) != 0)
    return job_fail(jb, outbox_errmsg(jb->o));
  jb->rep->messages++;
  if (jb->log) {
    fprintf(jb->log, "  queued email to %s: %s (%zu item%s", l->address,
            c->subject, n, n == 1 ? "" : "s");
    if (l->n_info)
      fprintf(jb->log, ", %zu cop%s", l->n_info, l->n_info == 1 ? "y" : "ies");
    fputs(")\n", jb->log);
  }
  if (add_items(jb, id, "email", l->address, l->act, l->n_act) != 0)
    return -1;
  return add_items(jb, id, "email", l->address, l->info, l->n_info);
}

/* One address's part in one reminder: the address must act on it, or it
 * gets a copy. */
struct share {
  const char *address;
  const struct reminder *r;
  bool copy;
};

/* By address, then what it must act on before its copies, then by due
 * date, then in the order remind_plan made them (so stable). */
static int share_cmp(const void *a, const void *b)
{
  const struct share *x = a, *y = b;
  int r = strcmp(x->address, y->address);
  if (r)
    return r;
  if (x->copy != y->copy)
    return x->copy - y->copy;
  if (x->r->f->due != y->r->f->due)
    return x->r->f->due < y->r->f->due ? -1 : 1;
  return (x->r > y->r) - (x->r < y->r);
}

/* A reminder nobody can act on (its agency has no address) goes to the
 * digest's list instead, with its copies. */
static int note_no_address(struct job *jb, const struct reminder *x,
                           char ***no_address, size_t *n_no_address)
{
  char line[1024], **nv;
  /* Say why, when the rules gave an address that is not one. */
  const char *why = x->to ? (x->escalation && x->to->head_email_error
                             ? x->to->head_email_error : x->to->email_error)
                          : NULL;
  snprintf(line, sizeof line, "%s: %s kỳ %s%s%s",
           x->to ? x->to->name : "(không có cơ quan chủ trì)",
           finding_item_title(x->f), x->f->period.id,
           why ? " — " : "", why ? why : "");
  line[utf8_boundary(line, strlen(line))] = '\0';
  nv = realloc(*no_address, (*n_no_address + 1) * sizeof *nv);
  if (nv == NULL)
    return job_fail(jb, "out of memory");
  *no_address = nv;
  if ((nv[*n_no_address] = strdup(line)) == NULL)
    return job_fail(jb, "out of memory");
  (*n_no_address)++;
  jb->rep->no_address++;
  return 0;
}

/* Add address's share of x unless the outbox has it already. */
static int share_add(struct job *jb, struct share *v, size_t *n,
                     const char *address, const struct reminder *x, bool copy)
{
  char key[1024];
  item_key(jb, "email", address, x, key, sizeof key);
  int seen = outbox_seen(jb->o, key);
  if (seen < 0)
    return job_fail(jb, outbox_errmsg(jb->o));
  if (!seen)
    v[(*n)++] = (struct share){.address = address, .r = x, .copy = copy};
  return 0;
}

/* True when the address has had its policy.max_per_week emails this ISO
 * week (Monday to today) already: its items then wait, unqueued, for a
 * later run — the stages still current then go, merged into one email. */
static int week_full(struct job *jb, const struct jurisdiction *j,
                     const char *address, size_t n_items, bool *full)
{
  int max = j->policy.max_per_week;
  char monday[CAL_DATE_LEN];
  size_t sent = 0;
  *full = false;
  if (max <= 0)
    return 0;
  cal_format(jb->opt->now - cal_weekday(jb->opt->now), monday);
  if (outbox_count(jb->o, "email", address, monday, jb->day, &sent) != 0)
    return job_fail(jb, outbox_errmsg(jb->o));
  *full = sent >= (size_t)max;
  if (*full && jb->log)
    fprintf(jb->log, "  held for %s: %zu email%s this week already "
            "(max_per_week %d); %zu item%s wait\n", address, sent,
            sent == 1 ? "" : "s", max, n_items, n_items == 1 ? "" : "s");
  return 0;
}

/* Queue one email for the shares v[0..n), which all have one address. */
static int queue_letter(struct job *jb, const struct jurisdiction *j,
                        const struct share *v, size_t n,
                        const struct reminder **items)
{
  bool full;
  if (week_full(jb, j, v[0].address, n, &full) != 0)
    return -1;
  if (full)
    return 0;
  struct letter l = {.address = v[0].address, .act = items};
  for (size_t i = 0; i < n; i++)
    items[i] = v[i].r;
  while (l.n_act < n && !v[l.n_act].copy)
    l.n_act++;
  l.info = items + l.n_act;
  l.n_info = n - l.n_act;
  struct composed c;
  if (compose_email(j, &l, jb->domain, jb->opt->now, &c) != 0)
    return job_fail(jb, "out of memory composing an email");
  int rc = queue_email(jb, j, &c, &l);
  composed_release(&c);
  return rc;
}

/* One email per address: every reminder it must act on and every copy it
 * gets, each (address, item, stage) once. */
static int queue_emails(struct job *jb, const struct jurisdiction *j,
                        const struct reminders *r, char ***no_address,
                        size_t *n_no_address)
{
  size_t cap = 0, n = 0;
  int rc = 0;
  for (size_t i = 0; i < r->n; i++)
    cap += 1 + r->v[i].n_cc;
  struct share *v = malloc((cap ? cap : 1) * sizeof *v);
  const struct reminder **items = malloc((cap ? cap : 1) * sizeof *items);
  if (v == NULL || items == NULL)
    rc = job_fail(jb, "out of memory");
  for (size_t i = 0; i < r->n && rc == 0; i++) {
    const struct reminder *x = &r->v[i];
    if (x->to_address == NULL) {
      rc = note_no_address(jb, x, no_address, n_no_address);
      continue;
    }
    rc = share_add(jb, v, &n, x->to_address, x, false);
    for (size_t k = 0; k < x->n_cc && rc == 0; k++)
      rc = share_add(jb, v, &n, x->cc[k], x, true);
  }
  if (rc == 0)
    qsort(v, n, sizeof *v, share_cmp);
  for (size_t i = 0; i < n && rc == 0;) {
    size_t k = i + 1;
    while (k < n && strcmp(v[i].address, v[k].address) == 0)
      k++;
    rc = queue_letter(jb, j, v + i, k - i, items + i);
    i = k;
  }
  free(items);
  free(v);
  return rc;
}

static int queue_webhooks(struct job *jb, const struct jurisdiction *j,
                          const struct reminders *r)
{
  int rc = 0;
  for (size_t e = 0; e < jb->cfg->n_webhooks && rc == 0; e++) {
    const struct config_webhook *w = &jb->cfg->webhooks[e];
    bool wanted = w->n_jurisdictions == 0;
    for (size_t k = 0; k < w->n_jurisdictions; k++)
      wanted |= strcmp(w->jurisdictions[k], j->id) == 0;
    if (!wanted)
      continue;
    const struct reminder **v = malloc((r->n ? r->n : 1) * sizeof *v);
    char *keys = NULL, key[1024], id[32], hash[17];
    size_t n = 0, klen;
    FILE *k = open_memstream(&keys, &klen);
    if (v == NULL || k == NULL) {
      if (k)
        fclose(k);
      free(keys);
      free(v);
      return job_fail(jb, "out of memory");
    }
    for (size_t i = 0; i < r->n && rc == 0; i++) {
      item_key(jb, "webhook", w->name, &r->v[i], key, sizeof key);
      int seen = outbox_seen(jb->o, key);
      if (seen < 0)
        rc = job_fail(jb, outbox_errmsg(jb->o));
      else if (!seen) {
        v[n++] = &r->v[i];
        fprintf(k, "%s\n", key);
      }
    }
    if (fclose(k) != 0 && rc == 0)
      rc = job_fail(jb, "out of memory");
    if (rc == 0 && n > 0) {
      compose_hash(keys, hash);
      snprintf(id, sizeof id, "msg_%s", hash);
      /* The outbox keeps dondoc's own payload; an endpoint's template
       * shapes it at each delivery attempt (deliver.c). */
      char *body = compose_payload(j, v, n, id, jb->opt->now, jb->opt->minute,
                                   jb->cfg->utc_offset_minutes);
      char subject[128];
      long long mid;
      snprintf(subject, sizeof subject, "%zu mục cho %s", n, w->name);
      if (body == NULL) {
        rc = queue_unbuildable(jb, j, "webhook", w->name, subject, id,
                               "cannot encode the webhook body", &mid);
      } else {
        rc = outbox_add_message(jb->o, "webhook", j->id, subject, body, id,
                                jb->day, jb->opt->unix_now, &mid) ||
             outbox_add_delivery(jb->o, mid, w->name, jb->opt->unix_now)
             ? job_fail(jb, outbox_errmsg(jb->o)) : 0;
        if (rc == 0) {
          jb->rep->messages++;
          if (jb->log)
            fprintf(jb->log, "  queued webhook %s: %zu item%s\n", w->name, n,
                    n == 1 ? "" : "s");
        }
      }
      if (rc == 0)
        rc = add_items(jb, mid, "webhook", w->name, v, n);
      free(body);
    }
    free(keys);
    free(v);
  }
  return rc;
}

static void lines_cache_release(struct lines_cache *lc)
{
  for (size_t i = 0; i < lc->n; i++) {
    free(lc->jurisdiction[i]);
    free(lc->line[i]);
  }
  free(lc->jurisdiction);
  free(lc->line);
  memset(lc, 0, sizeof *lc);
}

/* Read the lines about every delivery with `status` — all of the failed
 * ones, or the queued ones whose last try did not go through — into lc. */
static int lines_cache_read(struct job *jb, struct lines_cache *lc,
                            const char *status)
{
  struct outbox_delivery *d;
  size_t nd;
  lines_cache_release(lc);
  if (outbox_list(jb->o, status, &d, &nd) != 0)
    return job_fail(jb, outbox_errmsg(jb->o));
  lc->jurisdiction = calloc(nd ? nd : 1, sizeof *lc->jurisdiction);
  lc->line = calloc(nd ? nd : 1, sizeof *lc->line);
  int rc = lc->jurisdiction && lc->line ? 0 : job_fail(jb, "out of memory");
  for (size_t i = 0; i < nd && rc == 0; i++) {
    char line[1024];
    if (strcmp(status, "queued") == 0 && d[i].last_error == NULL)
      continue;
    snprintf(line, sizeof line, "#%lld %s %s: %s — %s", d[i].id,
             d[i].channel, d[i].recipient, d[i].subject,
             d[i].last_error ? d[i].last_error : "?");
    line[utf8_boundary(line, strlen(line))] = '\0';
    lc->jurisdiction[lc->n] = strdup(d[i].jurisdiction);
    lc->line[lc->n] = strdup(line);
    if (lc->jurisdiction[lc->n] == NULL || lc->line[lc->n] == NULL)
      rc = job_fail(jb, "out of memory");
    lc->n++;
  }
  outbox_deliveries_free(d, nd);
  lc->read = rc == 0;
  return rc;
}

/* Lines about this jurisdiction's deliveries with `status`, newest first,
 * for the digest. *lines is malloc'd (free each line, then the array). */
static int delivery_lines(struct job *jb, const struct jurisdiction *j,
                          const char *status, char ***lines, size_t *n)
{
  struct lines_cache *lc =
    strcmp(status, "failed") == 0 ? &jb->failed : &jb->waiting;
  *lines = NULL;
  *n = 0;
  if (!lc->read && lines_cache_read(jb, lc, status) != 0)
    return -1;
  int rc = (*lines = calloc(lc->n ? lc->n : 1, sizeof **lines)) ? 0
           : job_fail(jb, "out of memory");
  for (size_t i = 0; i < lc->n && rc == 0; i++) {
    if (strcmp(lc->jurisdiction[i], j->id) != 0)
      continue;
    if (((*lines)[(*n)++] = strdup(lc->line[i])) == NULL)
      rc = job_fail(jb, "out of memory");
  }
  return rc;
}

static void free_lines(char **lines, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(lines[i]);
  free(lines);
}

/* The status report that rides on the digest once a week: the first
 * digest of each ISO week on or after the policy's report_day (Monday
 * unless the rules say otherwise) carries the HTML report of that day as
 * an attachment. Its own item key, "email:SECRETARIAT|J|report|||MONDAY",
 * records that the week's report went (so a holiday Monday puts it on the
 * next digest). Returns 0 with *html NULL when this digest carries none
 * (or, a problem noted, when the report cannot be built: the digest goes
 * without it), 0 with *html malloc'd (the caller frees) and key set when
 * it does, -1 on a database error or out of memory. */
static int weekly_report(struct job *jb, const struct jurisdiction *j,
                         const char *address, char *key, size_t keylen,
                         char **html, size_t *len)
{
  int day = j->policy.report_day, wd = cal_weekday(jb->opt->now);
  char monday[CAL_DATE_LEN], err[512];
  *html = NULL;
  if (day < 0 || wd < day)
    return 0;
  cal_format(jb->opt->now - wd, monday);
  snprintf(key, keylen, "email:%s|%s|report|||%s", address, j->id, monday);
  int seen = outbox_seen(jb->o, key);
  if (seen != 0)
    return seen < 0 ? job_fail(jb, outbox_errmsg(jb->o)) : 0;
  struct report r;
  if (report_build(j, jb->s, jb->opt->now, &r, err, sizeof err) != 0)
    return job_problem(jb, "%s: the digest goes without the week's report: "
                       "%s", j->id, err);
  FILE *f = open_memstream(html, len);
  int rc = f ? report_html(&r, f) : -1;
  if (f && fclose(f) != 0)
    rc = -1;
  report_release(&r);
  if (rc != 0) {
    free(*html);
    *html = NULL;
    return job_fail(jb, "out of memory writing the week's report");
  }
  return 0;
}

/* "Báo cáo tình hình Tỉnh Bắc Ninh 09-12-2024.html": the jurisdiction's
 * name, without the characters file systems refuse. */
static void report_filename(const struct jurisdiction *j, cal_day now,
                            char *buf, size_t len)
{
  int y, m, d;
  char name[128];
  snprintf(name, sizeof name, "%s", j->name);
  name[utf8_boundary(name, strlen(name))] = '\0';
  for (char *p = name; *p; p++)
    if ((unsigned char)*p < 0x20 || strchr("/\\:*?\"<>|", *p))
      *p = '-';
  cal_to_ymd(now, &y, &m, &d);
  snprintf(buf, len, "Báo cáo tình hình %s %02d-%02d-%04d.html", name, d, m,
           y);
}

/* The secretariat's digest, once per day (or on Mondays when "weekly"),
 * with the week's report attached once a week (weekly_report). A digest
 * that cannot be built or addressed is recorded as failed, like any other
 * message, and never stops the reminders. */
static int queue_digest(struct job *jb, const struct jurisdiction *j,
                        const struct findings *f, char **no_address,
                        size_t n_no_address)
{
  const struct policy *p = &j->policy;
  if (strcmp(p->digest, "none") == 0 ||
      (strcmp(p->digest, "weekly") == 0 && cal_weekday(jb->opt->now) != 0))
    return 0;
  const struct agency *sec = model_holder(j, "secretariat", jb->opt->now);
  if (sec == NULL || sec->email == NULL || sec->email[0] == '\0')
    return job_problem(jb, "%s: no digest: the secretariat (role "
                       "\"secretariat\") has no valid address", j->id);
  char key[512];
  snprintf(key, sizeof key, "email:%s|%s|digest|||%s", sec->email, j->id,
           jb->day);
  int seen = outbox_seen(jb->o, key);
  if (seen != 0)
    return seen < 0 ? job_fail(jb, outbox_errmsg(jb->o)) : 0;

  char **failed = NULL, **waiting = NULL;
  size_t n_failed = 0, n_waiting = 0;
  int rc = delivery_lines(jb, j, "failed", &failed, &n_failed);
  if (rc == 0)
    rc = delivery_lines(jb, j, "queued", &waiting, &n_waiting);
  char **unassigned = NULL;
  size_t n_unassigned = 0;
  if (rc == 0 && (unassigned = calloc(f->n ? f->n : 1,
                                      sizeof *unassigned)) == NULL)
    rc = job_fail(jb, "out of memory");
  for (size_t i = 0; rc == 0 && i < f->n; i++) {
    char line[2048];
    if (f->v[i].j != j || f->v[i].kind != FIND_UNASSIGNED)
      continue;
    message_for_finding(&f->v[i], line, sizeof line);
    if ((unassigned[n_unassigned++] = strdup(line)) == NULL)
      rc = job_fail(jb, "out of memory");
  }
  const char **rules = calloc(j->n_diags ? j->n_diags : 1, sizeof *rules);
  if (rules == NULL && rc == 0)
    rc = job_fail(jb, "out of memory");
  for (size_t i = 0; rules && i < j->n_diags; i++)
    rules[i] = j->diags[i].message;
  struct digest_notes notes = {
    .unassigned = (const char *const *)unassigned,
    .n_unassigned = n_unassigned,
    .no_address = (const char *const *)no_address,
    .n_no_address = n_no_address,
    .failures = (const char *const *)failed, .n_failures = n_failed,
    .waiting = (const char *const *)waiting, .n_waiting = n_waiting,
    .rules = rules, .n_rules = rules ? j->n_diags : 0,
  };
  struct composed c = {0};
  if (rc == 0 && compose_digest(j, f, &notes, jb->domain, jb->opt->now,
                                &c) != 0)
    rc = job_fail(jb, "out of memory composing the digest");
  long long id = 0;
  char *raw = NULL, *report = NULL, report_key[512], filename[256];
  size_t report_len = 0;
  if (rc == 0)
    rc = weekly_report(jb, j, sec->email, report_key, sizeof report_key,
                       &report, &report_len);
  if (rc == 0) {
    const char *tos[1] = {sec->email};
    report_filename(j, jb->opt->now, filename, sizeof filename);
    struct email_attachment att = {
      .filename = filename, .content_type = "text/html; charset=UTF-8",
      .data = report, .size = report_len,
    };
    struct email e = {
      .from_address = jb->cfg->mail.from,
      .from_name = jb->cfg->mail.from_name, .to = tos, .n_to = 1,
      .subject = c.subject, .text = c.text, .html = c.html,
      .message_id = c.message_id, .date = jb->opt->unix_now,
      .utc_offset_minutes = jb->cfg->utc_offset_minutes,
      .attachments = report ? &att : NULL, .n_attachments = report ? 1 : 0,
    };
    raw = email_render(&e);
    if (raw == NULL)
      rc = queue_unbuildable(jb, j, "email", sec->email, c.subject,
                             c.message_id, "cannot build the digest to this "
                             "address (check the secretariat's address in "
                             "the rules)", &id);
    else if (outbox_add_message(jb->o, "email", j->id, c.subject, raw,
                                c.message_id, jb->day, jb->opt->unix_now,
                                &id) != 0 ||
             outbox_add_delivery(jb->o, id, sec->email,
                                 jb->opt->unix_now) != 0)
      rc = job_fail(jb, outbox_errmsg(jb->o));
    else {
      jb->rep->messages++;
      if (jb->log)
        fprintf(jb->log, "  queued digest to %s: %s%s\n", sec->email,
                c.subject, report ? " (with the week's report)" : "");
    }
  }
  if (rc == 0) {
    struct outbox_item it = {
      .dedup_key = key, .recipient = sec->email, .jurisdiction = j->id,
      .item = "digest", .kind = "digest", .stage = jb->day,
      .run_day = jb->day,
    };
    if (outbox_add_item(jb->o, id, &it) != 0)
      rc = job_fail(jb, outbox_errmsg(jb->o));
  }
  if (rc == 0 && report && raw) {        /* this week's report went */
    struct outbox_item it = {
      .dedup_key = report_key, .recipient = sec->email,
      .jurisdiction = j->id, .item = "report", .kind = "digest",
      .stage = jb->day, .run_day = jb->day,
    };
    if (outbox_add_item(jb->o, id, &it) != 0)
      rc = job_fail(jb, outbox_errmsg(jb->o));
  }
  free(report);
  free(raw);
  composed_release(&c);
  free_lines(failed, n_failed);
  free_lines(waiting, n_waiting);
  free_lines(unassigned, n_unassigned);
  free(rules);
  return rc;
}

static int queue_jurisdiction(struct job *jb, const struct jurisdiction *j)
{
  struct findings f = {0};
  struct reminders r = {0};
  struct eval_options eo = {.now = jb->opt->now, .all = true};
  char err[512], **no_address = NULL;
  size_t n_no_address = 0;
  int rc = 0;

  if (j->is_template)
    return 0;
  if (j->policy.working_days_only &&
      !cal_is_working_day(&j->holidays, jb->opt->now)) {
    if (jb->log)
      fprintf(jb->log, "%s: not a working day, no reminders today\n", j->id);
    return 0;
  }
  int erc = evaluate_jurisdiction(j, jb->s, &eo, &f, err, sizeof err);
  if (erc != 0) {
    /* Nothing of this jurisdiction can be decided today; the others go. */
    findings_release(&f);
    if (erc == EVAL_ERR_RULES)
      jb->rep->rules_failed = true;
    return job_problem(jb, "%s: cannot be evaluated, nothing queued for "
                       "it: %s", j->id, err) == 0 ? 1 : -1;
  }
  if (rc == 0 && remind_plan(j, &f, jb->opt->now, &r) != 0)
    rc = job_fail(jb, "out of memory");
  if (rc == 0 && jb->log)
    fprintf(jb->log, "%s: %zu reminder%s due by the policy\n", j->id, r.n,
            r.n == 1 ? "" : "s");
  if (rc == 0)
    rc = queue_emails(jb, j, &r, &no_address, &n_no_address);
  if (rc == 0)
    rc = queue_webhooks(jb, j, &r);
  if (rc == 0)
    rc = queue_digest(jb, j, &f, no_address, n_no_address);
  for (size_t i = 0; i < n_no_address; i++)
    free(no_address[i]);
  free(no_address);
  reminders_release(&r);
  findings_release(&f);
  return rc;
}

int run_job(const struct config *cfg, const struct ruleset *rs,
            struct store *s, const struct run_options *o,
            struct run_report *rep, FILE *log, char *err, size_t errlen)
{
  struct job jb = {.cfg = cfg, .s = s, .opt = o, .rep = rep, .log = log,
                   .err = err, .errlen = errlen};
  const char *at = strrchr(cfg->mail.from, '@');
  jb.domain = at ? at + 1 : "dondoc.invalid";
  cal_format(o->now, jb.day);
  memset(rep, 0, sizeof *rep);
  jb.o = outbox_open(s);
  if (jb.o == NULL)
    return job_fail(&jb, "out of memory");

  /* The decisions of this run land in one transaction; each jurisdiction
   * is a part of it that is undone alone when it fails, so one province's
   * fault never silences another. */
  int rc = store_begin(s) == 0 ? 0 : job_fail(&jb, store_errmsg(s));
  for (size_t i = 0; i < rs->n && rc == 0; i++) {
    const struct jurisdiction *j = &rs->jurisdictions[i];
    size_t messages = rep->messages, items = rep->items;
    if (store_savepoint(s) != 0) {
      rc = job_fail(&jb, store_errmsg(s));
      break;
    }
    int jrc = queue_jurisdiction(&jb, j);
    if (jrc == 0) {
      if (store_savepoint_release(s) != 0)
        rc = job_fail(&jb, store_errmsg(s));
      continue;
    }
    /* Undo this jurisdiction's part. When the failure was the database
     * itself, undoing fails too and the whole run stops (rc). */
    char why[512];
    snprintf(why, sizeof why, "%s", jrc < 0 ? err : "");
    if (store_savepoint_undo(s) != 0) {
      rc = job_fail(&jb, store_errmsg(s));
      break;
    }
    rep->messages = messages;
    rep->items = items;
    if (jrc < 0 && job_problem(&jb, "%s: nothing queued today: %s", j->id,
                               why) != 0)
      rc = -1;
  }
  if (rc != 0 || o->dry_run) {
    if (store_rollback(s) != 0 && rc == 0)
      rc = job_fail(&jb, store_errmsg(s));
    if (rc == 0 && log)
      fprintf(log, "dry run: nothing was queued or sent\n");
  } else if (store_commit(s) != 0) {
    rc = job_fail(&jb, store_errmsg(s));
  }

  if (rc == 0 && !o->dry_run) {
    struct deliver_report dr = {0};
    rc = deliver_due(cfg, jb.o, o->unix_now, &dr, log, err, errlen);
    rep->sent = dr.sent;
    rep->retrying = dr.retrying;
    rep->failed = dr.failed;
    for (size_t i = 0; i < dr.n_failures && rc == 0; i++)
      rc = job_problem(&jb, "delivery failed for good: %s", dr.failures[i]);
    deliver_report_release(&dr);
  }
  lines_cache_release(&jb.failed);
  lines_cache_release(&jb.waiting);
  outbox_close(jb.o);
  return rc;
}
