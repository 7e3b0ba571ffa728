/*
 * agenda.c — which deadlines and campaign windows make a calendar, and
 * what each event says (agenda.h; the format itself is ical.c).
 *
 * The events are read from evaluate_jurisdiction's findings with every
 * status, so a calendar never disagrees with `check`: the same instances,
 * the same effective dates, the same extensions. Alarms are found by
 * asking remind.c, day by day, which reminder stage `run` would send, so
 * they follow the policy (before, on_due, after, working days only)
 * without a second copy of its rules.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>

#include "ical.h"
#include "remind.h"

/* The first reminder after a deadline may wait for the next working day:
 * look this far past the policy's `after` for it (Tết is 9 days off at
 * most, with its weekends). */
#define AGENDA_SHIFT_DAYS 31

void agenda_release(struct agenda *a)
{
  free(a->v);
  findings_release(&a->found);
  memset(a, 0, sizeof *a);
}

/* ---- UIDs ----------------------------------------------------------- */

/* "dondoc-<32 hex digits of SHA-256 over the fields>@domain". The fields
 * are ASCII slugs; the unit separator between them keeps ("a-b", "c")
 * and ("a", "b-c") apart. */
static void uid_of(const char *const *fields, size_t n, const char *domain,
                   char buf[AGENDA_UID_LEN])
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  char hex[33];
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  bool ok = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1;
  for (size_t i = 0; ok && i < n; i++)
    ok = EVP_DigestUpdate(ctx, fields[i], strlen(fields[i]) + 1) == 1 &&
         EVP_DigestUpdate(ctx, "\x1f", 1) == 1;
  ok = ok && EVP_DigestFinal_ex(ctx, md, &len) == 1 && len >= 16;
  EVP_MD_CTX_free(ctx);
  for (unsigned int i = 0; i < 16; i++)
    snprintf(hex + 2 * i, 3, "%02x", ok ? md[i] : 0);
  snprintf(buf, AGENDA_UID_LEN, "dondoc-%s@%s", hex, domain);
}

void agenda_report_uid(const char *jurisdiction, const char *obligation,
                       const char *agency, const char *period,
                       const char *domain, char buf[AGENDA_UID_LEN])
{
  const char *fields[] = {"report", jurisdiction, obligation, agency, period};
  uid_of(fields, 5, domain, buf);
}

void agenda_campaign_uid(const char *jurisdiction, const char *campaign,
                         const char *period, const char *domain,
                         char buf[AGENDA_UID_LEN])
{
  const char *fields[] = {"campaign", jurisdiction, campaign, period};
  uid_of(fields, 4, domain, buf);
}

/* ---- collecting ----------------------------------------------------- */

static struct agenda_event *agenda_add(struct agenda *a)
{
  if (a->n == a->cap) {
    size_t cap = a->cap ? a->cap * 2 : 64;
    struct agenda_event *nv = realloc(a->v, cap * sizeof *nv);
    if (nv == NULL)
      return NULL;
    a->v = nv;
    a->cap = cap;
  }
  struct agenda_event *e = &a->v[a->n++];
  memset(e, 0, sizeof *e);
  e->modified = CAL_DAY_MIN;
  return e;
}

static int policy_lead(const struct policy *p)
{
  int lead = 0;
  for (size_t i = 0; i < p->n_before; i++)
    if (p->before[i] > lead)
      lead = p->before[i];
  return lead;
}

static void alarm_add(struct agenda_event *e, cal_day day, cal_day now)
{
  if (day >= now && e->n_alarms < AGENDA_MAX_ALARMS)
    e->alarms[e->n_alarms++] = (int)(day - e->first);
}

/* A report still owed: an alarm on each day a new reminder stage starts
 * — before-N, due — and on the first step after the deadline. */
static void report_alarms(struct agenda_event *e, cal_day now)
{
  const struct jurisdiction *j = e->f.j;
  const struct policy *p = &j->policy;
  struct finding g = e->f;
  char stage[40], last[40] = "";
  bool escalation;
  int tail = 0;
  if (p->n_after > 0) {
    tail = p->after[0];
    for (size_t i = 1; i < p->n_after; i++)
      if (p->after[i] < tail)
        tail = p->after[i];
    tail += AGENDA_SHIFT_DAYS;
  }
  for (cal_day d = g.due - policy_lead(p); d <= g.due + tail; d++) {
    if (p->working_days_only && !cal_is_working_day(&j->holidays, d))
      continue;                       /* run sends nothing that day */
    g.kind = d > g.due ? FIND_OVERDUE : FIND_UPCOMING;
    if (!remind_obligation_stage(p, &g, d, stage, sizeof stage,
                                 &escalation) || strcmp(stage, last) == 0)
      continue;
    snprintf(last, sizeof last, "%s", stage);
    alarm_add(e, d, now);
    if (d > g.due)
      break;
  }
}

/* A campaign window: the announcement before it opens and the one on
 * its first (working) day. */
static void campaign_alarms(struct agenda_event *e, cal_day now)
{
  const struct jurisdiction *j = e->f.j;
  struct finding g = e->f;
  char stage[40], last[40] = "";
  for (cal_day d = e->first - policy_lead(&j->policy); d <= e->last; d++) {
    if (j->policy.working_days_only && !cal_is_working_day(&j->holidays, d))
      continue;
    g.kind = d < e->first ? FIND_CAMPAIGN_UPCOMING : FIND_CAMPAIGN_ACTIVE;
    if (!remind_campaign_stage(j, &g, d, stage, sizeof stage) ||
        strcmp(stage, last) == 0)
      continue;
    snprintf(last, sizeof last, "%s", stage);
    alarm_add(e, d, now);
    if (d >= e->first)
      break;
  }
}

static int date_number(cal_day d)
{
  int y, m, dd;
  cal_to_ymd(d, &y, &m, &dd);
  return y * 10000 + m * 100 + dd;
}

/* The grant in force for f's instance (looked up as evaluate.c does: for
 * the agency that answers, else for the ended one it answers for). */
static int grant_of(struct store *s, const struct finding *f, cal_day now,
                    struct store_grant *g)
{
  int got = store_grant_get(s, f->j->id, f->agency->id, f->obligation->id,
                            f->period.id, now, g);
  if (got == 0 && f->succeeded)
    got = store_grant_get(s, f->j->id, f->succeeded->id, f->obligation->id,
                          f->period.id, now, g);
  return got;
}

static int report_event(struct agenda *a, const struct finding *f,
                        struct store *s, const struct agenda_options *o,
                        char *err, size_t errlen)
{
  struct store_grant g;
  int got = grant_of(s, f, o->now, &g);
  if (got < 0) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return EVAL_ERR_STORE;
  }
  struct agenda_event *e = agenda_add(a);
  if (e == NULL) {
    snprintf(err, errlen, "out of memory");
    return EVAL_ERR_STORE;
  }
  e->f = *f;
  e->first = e->last = f->due;
  e->cancelled = f->kind == FIND_EXEMPT;
  agenda_report_uid(f->j->id, f->obligation->id, f->agency->id, f->period.id,
                    o->domain, e->uid);
  if (got) {
    e->sequence = date_number(g.granted_on);
    e->modified = g.granted_on;
  }
  if ((f->kind == FIND_ON_TIME || f->kind == FIND_LATE) &&
      f->received > e->modified)
    e->modified = f->received;
  if (f->kind == FIND_DUE_SOON || f->kind == FIND_UPCOMING ||
      f->kind == FIND_OVERDUE)
    report_alarms(e, o->now);
  return 0;
}

static bool member_during(const struct agency *a, cal_day first, cal_day last)
{
  return a->member && a->valid_from <= last && a->valid_until >= first;
}

/* Every window of every campaign of j that overlaps [lo, hi]. */
static int campaign_events(const struct jurisdiction *j, cal_day lo,
                           cal_day hi, const struct agency *only,
                           const struct agenda_options *o, struct agenda *a)
{
  int y0, y1, m, d;
  cal_to_ymd(lo, &y0, &m, &d);
  cal_to_ymd(hi, &y1, &m, &d);
  for (size_t i = 0; i < j->n_campaigns; i++) {
    const struct campaign *cp = &j->campaigns[i];
    /* a window of the year before may run into lo's year */
    for (int y = y0 - 1; y <= y1; y++) {
      struct cal_period p;
      if (cal_window_make(y, cp->from_m, cp->from_d, cp->to_m, cp->to_d,
                          &p) != 0 ||
          p.start > cp->active_until || p.end < cp->active_from ||
          p.start > hi || p.end < lo ||
          (only && !member_during(only, p.start, p.end)))
        continue;
      struct agenda_event *e = agenda_add(a);
      if (e == NULL)
        return -1;
      e->f.j = j;
      e->f.campaign = cp;
      e->f.period = p;
      e->first = p.start;
      e->last = p.end;
      agenda_campaign_uid(j->id, cp->id, p.id, o->domain, e->uid);
      campaign_alarms(e, o->now);
    }
  }
  return 0;
}

static int by_uid(const void *x, const void *y)
{
  return strcmp(((const struct agenda_event *)x)->uid,
                ((const struct agenda_event *)y)->uid);
}

/* Calendar order: by first day; campaigns first; then jurisdiction,
 * agency, obligation, period. */
static int by_day(const void *x, const void *y)
{
  const struct agenda_event *a = x, *b = y;
  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (!a->f.obligation != !b->f.obligation)
    return a->f.obligation ? 1 : -1;
  int r = strcmp(a->f.j->id, b->f.j->id);
  if (r == 0 && a->f.obligation) {
    r = strcmp(a->f.agency->id, b->f.agency->id);
    if (r == 0)
      r = strcmp(a->f.obligation->id, b->f.obligation->id);
  }
  if (r == 0 && a->f.campaign)
    r = strcmp(a->f.campaign->id, b->f.campaign->id);
  return r ? r : strcmp(a->f.period.id, b->f.period.id);
}

/* One event per UID: a plan that gives an obligation two schedules with
 * the same period id owes (and stores) one report, so it is one event. */
static void agenda_order(struct agenda *a, size_t from)
{
  size_t n = a->n - from, kept = 0;
  if (n > 1)
    qsort(a->v + from, n, sizeof *a->v, by_uid);
  for (size_t i = 0; i < n; i++)
    if (kept == 0 || strcmp(a->v[from + i].uid, a->v[from + kept - 1].uid))
      a->v[from + kept++] = a->v[from + i];
  a->n = from + kept;
  if (a->n > 1)
    qsort(a->v, a->n, sizeof *a->v, by_day);
}

int agenda_collect(const struct jurisdiction *j, struct store *s,
                   const struct agenda_options *o, struct agenda *out,
                   char *err, size_t errlen)
{
  const struct agency *only = NULL;
  if (j->is_template)
    return 0;
  if (o->agency && (only = model_agency(j, o->agency)) == NULL)
    return 0;
  struct eval_options eo = {.now = o->now, .all = true};
  size_t first_found = out->found.n, first_event = out->n;
  int rc = evaluate_jurisdiction(j, s, &eo, &out->found, err, errlen);
  for (size_t i = first_found; rc == 0 && i < out->found.n; i++) {
    const struct finding *f = &out->found.v[i];
    /* no date yet (as_instructed, none set): nothing to put in a calendar;
     * an ended agency with no successor owes nothing of its own */
    if (f->obligation == NULL || f->due == MODEL_DUE_UNSET ||
        (only && (f->agency != only || f->kind == FIND_UNASSIGNED)))
      continue;
    rc = report_event(out, f, s, o, err, errlen);
  }
  if (rc == 0) {
    cal_day lo, hi;
    evaluate_window(j, &eo, &lo, &hi);
    if (campaign_events(j, lo, hi, only, o, out) != 0) {
      snprintf(err, errlen, "out of memory");
      rc = EVAL_ERR_STORE;
    }
  }
  if (rc != 0) {
    out->n = first_event;
    findings_truncate(&out->found, first_found);
    return rc;
  }
  agenda_order(out, first_event);
  return 0;
}

/* ---- writing -------------------------------------------------------- */

static const char *const weekday_names[] = {
  "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"
};

/* "thứ Năm 05/12/2024" */
static void day_words(FILE *out, cal_day d)
{
  char buf[CAL_DATE_LEN];
  cal_format_vn(d, buf);
  fprintf(out, "%s %s", weekday_names[cal_weekday(d)], buf);
}

static void report_summary(FILE *out, const struct agenda_event *e,
                           const struct agenda_write_options *o)
{
  const struct finding *f = &e->f;
  if (f->kind == FIND_ON_TIME || f->kind == FIND_LATE)
    fputs("✓ ", out);
  else if (e->cancelled)
    fputs("Miễn: ", out);
  if (o->agency_name == NULL) {
    fputs(f->agency->name, out);
    if (f->kind == FIND_UNASSIGNED)
      fputs(" (đã thôi hoạt động)", out);
    else if (f->succeeded)
      fprintf(out, " (thay %s)", f->succeeded->name);
    fputs(": ", out);
  }
  fprintf(out, "%s — kỳ %s", f->obligation->title, f->period.id);
  if (o->agency_name && f->succeeded)
    fprintf(out, " (thay %s)", f->succeeded->name);
}

/* Who the report goes to, by name, on its due day. */
static void recipients(FILE *out, const struct finding *f)
{
  const struct obligation *ob = f->obligation;
  for (size_t k = 0; k < ob->n_to; k++) {
    const struct agency *a = model_holder(f->j, ob->to[k], f->due);
    fprintf(out, "%s%s", k ? ", " : "", a ? a->name : ob->to[k]);
  }
}

static void jurisdiction_line(FILE *out, const struct jurisdiction *j)
{
  fputs(j->name, out);
  if (j->plan)
    fprintf(out, " — %s", j->plan);
  fputs(".", out);
}

static void report_description(FILE *out, const struct agenda_event *e)
{
  const struct finding *f = &e->f;
  const struct jurisdiction *j = f->j;
  char d1[CAL_DATE_LEN], d2[CAL_DATE_LEN];
  if (f->kind == FIND_UNASSIGNED) {
    cal_format_vn(f->agency->valid_until, d1);
    fprintf(out, "%s đã thôi hoạt động từ %s và chưa khai báo cơ quan kế "
            "nhiệm: chưa có cơ quan nào gửi %s kỳ %s.\n", f->agency->name,
            d1, f->obligation->title, f->period.id);
  } else {
    fputs(f->agency->name, out);
    if (f->succeeded)
      fprintf(out, " (thay cho %s)", f->succeeded->name);
    fprintf(out, " gửi %s kỳ %s đến ", f->obligation->title, f->period.id);
    recipients(out, f);
    fputs(".\n", out);
  }
  fputs("Hạn cuối: ", out);
  day_words(out, f->due);
  if (f->date_by_letter)
    fprintf(out, ", do văn bản %s ấn định", f->letter);
  fputs(".\n", out);
  /* the plan's own date, when the reading or a day off moved it */
  cal_day planned = f->extended ? f->original_due : f->due;
  if (!f->date_by_letter && f->nominal_due != planned &&
      f->nominal_due != MODEL_DUE_UNSET) {
    fputs("Kế hoạch ghi ngày ", out);
    day_words(out, f->nominal_due);
    if (!cal_is_working_day(&j->holidays, f->nominal_due))
      fputs(", là ngày nghỉ", out);
    fputs("; hạn cuối tính là ", out);
    day_words(out, planned);
    fputs(".\n", out);
  }
  if (f->extended && !f->date_by_letter) {
    cal_format_vn(f->original_due, d1);
    fprintf(out, "Đã gia hạn theo văn bản %s (hạn ban đầu %s).\n", f->letter,
            d1);
  }
  if (e->cancelled)
    fprintf(out, "Được miễn theo văn bản %s.\n", f->letter);
  if (f->kind == FIND_ON_TIME || f->kind == FIND_LATE) {
    cal_format_vn(f->received, d2);
    if (f->kind == FIND_LATE)
      fprintf(out, "Đã nhận ngày %s, chậm %d ngày.\n", d2, f->days);
    else
      fprintf(out, "Đã nhận ngày %s, đúng hạn.\n", d2);
  }
  if (f->obligation->basis)
    fprintf(out, "Căn cứ: %s.\n", f->obligation->basis);
  jurisdiction_line(out, j);
}

static void campaign_description(FILE *out, const struct agenda_event *e)
{
  const struct campaign *cp = e->f.campaign;
  fprintf(out, "%s năm %d: từ ", cp->title, e->f.period.year);
  day_words(out, e->first);
  fputs(" đến hết ", out);
  day_words(out, e->last);
  fprintf(out, " (%d ngày). Các cơ quan thành viên Ban tổ chức thực hiện "
          "trong thời gian này.\n", (int)(e->last - e->first + 1));
  if (cp->basis)
    fprintf(out, "Căn cứ: %s.\n", cp->basis);
  jurisdiction_line(out, e->f.j);
}

/* What an alarm `day` days from the event's first day says. */
static void alarm_description(FILE *out, const struct agenda_event *e,
                              int day, const char *summary)
{
  char d[CAL_DATE_LEN];
  cal_format_vn(e->first, d);
  if (e->f.campaign) {
    if (day < 0)
      fprintf(out, "Còn %d ngày: %s bắt đầu ngày %s.", -day, summary, d);
    else if (day == 0)
      fprintf(out, "Bắt đầu hôm nay: %s.", summary);
    else
      fprintf(out, "Đang diễn ra (ngày %d/%d): %s.", day + 1,
              (int)(e->last - e->first + 1), summary);
  } else if (day < 0) {
    fprintf(out, "Còn %d ngày đến hạn (%s): %s.", -day, d, summary);
  } else if (day == 0) {
    fprintf(out, "Hôm nay là hạn cuối: %s.", summary);
  } else {
    fprintf(out, "Quá hạn %d ngày (hạn %s), nếu chưa gửi: %s.", day, d,
            summary);
  }
}

/* Text built in a memory stream; NULL when out of memory. */
struct text { char *s; size_t n; FILE *f; };

static FILE *text_open(struct text *t)
{
  t->s = NULL;
  t->n = 0;
  t->f = open_memstream(&t->s, &t->n);
  return t->f;
}

static char *text_close(struct text *t)
{
  if (t->f == NULL)
    return NULL;
  if (fclose(t->f) != 0) {
    free(t->s);
    return NULL;
  }
  return t->s;
}

static void utc_of_day(cal_day d, int minute, int utc_offset,
                       char buf[ICAL_UTC_LEN])
{
  ical_format_utc(((long long)d * 1440 + minute - utc_offset) * 60, buf);
}

static void write_event(struct ical_writer *w, const struct agenda_event *e,
                        const struct agenda_write_options *o,
                        const char *stamp)
{
  const struct finding *f = &e->f;
  char day[ICAL_DATE_LEN], when[ICAL_UTC_LEN], dur[ICAL_DURATION_LEN];
  char seq[16];
  struct text sum, desc;
  if (text_open(&sum) && f->campaign)
    fprintf(sum.f, "%s năm %d", f->campaign->title, f->period.year);
  else if (sum.f)
    report_summary(sum.f, e, o);
  char *summary = text_close(&sum);
  if (text_open(&desc) && f->campaign)
    campaign_description(desc.f, e);
  else if (desc.f)
    report_description(desc.f, e);
  char *description = text_close(&desc);
  if (summary == NULL || description == NULL) {
    w->failed = true;
    free(summary);
    free(description);
    return;
  }

  ical_begin(w, "VEVENT");
  ical_text(w, "UID", e->uid);
  ical_line(w, "DTSTAMP", stamp);
  ical_format_date(e->first, day);
  ical_line(w, "DTSTART;VALUE=DATE", day);
  ical_format_date(e->last + 1, day);      /* DTEND is exclusive */
  ical_line(w, "DTEND;VALUE=DATE", day);
  ical_text(w, "SUMMARY", summary);
  ical_text(w, "DESCRIPTION", description);
  ical_text(w, "CATEGORIES", f->campaign ? "Tháng hành động"
                                         : "Hạn báo cáo");
  ical_line(w, "STATUS", e->cancelled ? "CANCELLED" : "CONFIRMED");
  ical_line(w, "TRANSP", "TRANSPARENT");
  snprintf(seq, sizeof seq, "%d", e->sequence);
  ical_line(w, "SEQUENCE", seq);
  if (e->modified != CAL_DAY_MIN) {
    utc_of_day(e->modified, 0, o->utc_offset_minutes, when);
    ical_line(w, "LAST-MODIFIED", when);
  }
  /* the ids, for programs that read the calendar */
  ical_text(w, "X-DONDOC-JURISDICTION", f->j->id);
  if (f->obligation) {
    ical_text(w, "X-DONDOC-OBLIGATION", f->obligation->id);
    ical_text(w, "X-DONDOC-AGENCY", f->agency->id);
    if (f->succeeded)
      ical_text(w, "X-DONDOC-ON-BEHALF-OF", f->succeeded->id);
  } else {
    ical_text(w, "X-DONDOC-CAMPAIGN", f->campaign->id);
  }
  ical_text(w, "X-DONDOC-PERIOD", f->period.id);
  for (size_t i = 0; i < e->n_alarms; i++) {
    struct text a;
    if (text_open(&a))
      alarm_description(a.f, e, e->alarms[i], summary);
    char *said = text_close(&a);
    if (said == NULL) {
      w->failed = true;
      break;
    }
    ical_begin(w, "VALARM");
    ical_line(w, "ACTION", "DISPLAY");
    ical_format_duration((long)e->alarms[i] * 1440 + AGENDA_ALARM_MINUTE,
                         dur);
    ical_line(w, "TRIGGER;RELATED=START", dur);
    ical_text(w, "DESCRIPTION", said);
    ical_end(w, "VALARM");
    free(said);
  }
  ical_end(w, "VEVENT");
  free(summary);
  free(description);
}

int agenda_write_ical(FILE *out, const struct agenda *a,
                      const struct agenda_write_options *o)
{
  struct ical_writer w = {.out = out};
  char stamp[ICAL_UTC_LEN];
  utc_of_day(o->now, o->minute, o->utc_offset_minutes, stamp);
  ical_begin(&w, "VCALENDAR");
  ical_line(&w, "VERSION", "2.0");
  ical_text(&w, "PRODID", o->prodid);
  ical_line(&w, "CALSCALE", "GREGORIAN");
  ical_line(&w, "METHOD", "PUBLISH");
  ical_text(&w, "X-WR-CALNAME", o->name);
  ical_text(&w, "X-WR-TIMEZONE", o->tzid);
  /* for subscribers: fetch again daily (RFC 7986, and Outlook's name) */
  ical_line(&w, "REFRESH-INTERVAL;VALUE=DURATION", "P1D");
  ical_line(&w, "X-PUBLISHED-TTL", "P1D");
  ical_vtimezone(&w, o->tzid, o->utc_offset_minutes);
  for (size_t i = 0; i < a->n && !w.failed; i++)
    write_event(&w, &a->v[i], o, stamp);
  ical_end(&w, "VCALENDAR");
  return w.failed ? -1 : 0;
}
