/*
 * preview.c — a jurisdiction's deadlines, windows, status changes and
 * reminders over a span of days (preview.h), and the two ways of printing
 * them.
 *
 * The walk keeps, per item (obligation instance, indicator period,
 * campaign window), the status it had the day before, and per reminder
 * key (recipient, item, period, stage) whether it went out already —
 * the outbox's rule, so a stage shows once, on the first day `run` would
 * send it.
 */
#include "preview.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "legal_calendar.h"
#include "remind.h"
#include "ruletest.h"

/* ---- building --------------------------------------------------------- */

struct state {
  const void *item;
  const struct agency *agency;
  char period[CAL_PERIOD_ID_LEN];
  enum finding_kind kind;
};

struct sent {
  const struct agency *to;
  const void *item;
  char period[CAL_PERIOD_ID_LEN];
  char stage[40];
};

struct walk {
  const struct jurisdiction *j;
  const struct preview_options *o;
  struct preview *p;
  struct state *states; size_t n_states, cap_states;
  struct sent *sent; size_t n_sent, cap_sent;
};

static const void *item_of(const struct finding *f)
{
  return f->obligation ? (const void *)f->obligation
         : f->indicator ? (const void *)f->indicator
                        : (const void *)f->campaign;
}

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
  if (n < *cap)
    return 0;
  size_t ncap = *cap ? *cap * 2 : 64;
  void *nv = realloc(*v, ncap * size);
  if (nv == NULL)
    return -1;
  *v = nv;
  *cap = ncap;
  return 0;
}

static struct state *state_find(struct walk *w, const struct finding *f)
{
  const void *item = item_of(f);
  for (size_t i = 0; i < w->n_states; i++) {
    struct state *s = &w->states[i];
    if (s->item == item && s->agency == f->agency &&
        strcmp(s->period, f->period.id) == 0)
      return s;
  }
  return NULL;
}

static int state_add(struct walk *w, const struct finding *f)
{
  if (grow((void **)&w->states, &w->cap_states, w->n_states,
           sizeof *w->states) != 0)
    return -1;
  struct state *s = &w->states[w->n_states++];
  s->item = item_of(f);
  s->agency = f->agency;
  snprintf(s->period, sizeof s->period, "%s", f->period.id);
  s->kind = f->kind;
  return 0;
}

/* Whether the reminder went out already; if not, remember that it does. */
static int sent_before(struct walk *w, const struct reminder *r, bool *was)
{
  const void *item = item_of(r->f);
  for (size_t i = 0; i < w->n_sent; i++) {
    const struct sent *s = &w->sent[i];
    if (s->to == r->to && s->item == item &&
        strcmp(s->period, r->f->period.id) == 0 &&
        strcmp(s->stage, r->stage) == 0) {
      *was = true;
      return 0;
    }
  }
  *was = false;
  if (grow((void **)&w->sent, &w->cap_sent, w->n_sent, sizeof *w->sent))
    return -1;
  struct sent *s = &w->sent[w->n_sent++];
  s->to = r->to;
  s->item = item;
  snprintf(s->period, sizeof s->period, "%s", r->f->period.id);
  snprintf(s->stage, sizeof s->stage, "%s", r->stage);
  return 0;
}

static bool agency_supports(const struct jurisdiction *j,
                            const struct indicator *ind,
                            const struct agency *a, cal_day d)
{
  if (ind->lead && model_holder(j, ind->lead, d) == a)
    return true;
  for (size_t k = 0; k < ind->n_support; k++)
    if (model_holder(j, ind->support[k], d) == a)
      return true;
  return false;
}

/* Whether finding f concerns the agency the preview is limited to. */
static bool concerns(const struct walk *w, const struct finding *f,
                     cal_day d)
{
  const struct agency *a = w->o->agency;
  if (a == NULL)
    return true;
  if (f->campaign)
    return a->member;              /* every member runs the campaign */
  if (f->indicator)
    return agency_supports(w->j, f->indicator, a, d);
  return f->agency == a || f->succeeded == a;
}

static struct preview_event *event_add(struct walk *w, enum preview_type t,
                                       const struct finding *f, cal_day d)
{
  struct preview *p = w->p;
  if (grow((void **)&p->v, &p->cap, p->n, sizeof *p->v) != 0)
    return NULL;
  struct preview_event *e = &p->v[p->n++];
  memset(e, 0, sizeof *e);
  e->type = t;
  e->day = d;
  e->obligation = f->obligation;
  e->indicator = f->indicator;
  e->campaign = f->campaign;
  e->agency = f->agency;
  e->succeeded = f->succeeded;
  e->period = f->period;
  e->due = f->due;
  e->nominal_due = f->nominal_due;
  e->kind = f->kind;
  return e;
}

/* The days a deadline moved over, each with its reason. */
static int deadline_skips(const struct jurisdiction *j,
                          const struct finding *f, struct preview_event *e)
{
  if (f->due == MODEL_DUE_UNSET || f->nominal_due == MODEL_DUE_UNSET ||
      f->extended)
    return 0;
  cal_day base = f->nominal_due;
  if (f->obligation->wording == WORDING_BEFORE &&
      j->policy.before_is_day_before) {
    base--;
    e->day_before = true;
  }
  if (base == f->due)
    return 0;
  cal_day lo = base < f->due ? base : f->due + 1;
  cal_day hi = base < f->due ? f->due - 1 : base;
  size_t n = (size_t)(hi - lo + 1);
  if ((e->skipped = calloc(n, sizeof *e->skipped)) == NULL)
    return -1;
  for (cal_day d = lo; d <= hi; d++) {
    struct preview_skip *s = &e->skipped[e->n_skipped];
    s->day = d;
    if (legal_day_reason(&j->holidays, d, s->reason, sizeof s->reason) == 0)
      e->n_skipped++;
  }
  return 0;
}

/* Kinds an item can have when it first comes into view far ahead: not a
 * change worth a line (its deadline is). */
static bool quiet_first(enum finding_kind k)
{
  return k == FIND_UPCOMING || k == FIND_CAMPAIGN_UPCOMING ||
         k == FIND_AWAITING_DATE || k == FIND_UNASSIGNED;
}

static int day_findings(struct walk *w, const struct findings *f, cal_day d,
                        bool emit)
{
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    struct state *s = state_find(w, x);
    bool show = emit && concerns(w, x, d);
    if (show && x->obligation && x->due == d) {
      struct preview_event *e = event_add(w, PV_DEADLINE, x, d);
      if (e == NULL || deadline_skips(w->j, x, e) != 0)
        return -1;
    }
    if (show && x->campaign && x->period.start == d &&
        event_add(w, PV_CAMPAIGN, x, d) == NULL)
      return -1;
    if (s == NULL) {
      if (state_add(w, x) != 0)
        return -1;
      if (show && !quiet_first(x->kind) &&
          event_add(w, PV_STATUS, x, d) == NULL)
        return -1;
    } else if (s->kind != x->kind) {
      if (show) {
        struct preview_event *e = event_add(w, PV_STATUS, x, d);
        if (e == NULL)
          return -1;
        e->previous = s->kind;
        e->has_previous = true;
      }
      s->kind = x->kind;
    }
  }
  return 0;
}

static bool reminder_concerns(const struct walk *w, const struct reminder *r)
{
  const struct agency *a = w->o->agency;
  if (a == NULL || r->to == a)
    return true;
  for (size_t k = 0; k < r->n_cc; k++)
    if (r->cc_agency[k] == a)
      return true;
  return false;
}

static int day_reminders(struct walk *w, const struct findings *f,
                         cal_day d)
{
  const struct jurisdiction *j = w->j;
  struct reminders r = {0};
  if (j->policy.working_days_only && !cal_is_working_day(&j->holidays, d))
    return 0;
  if (remind_plan(j, f, d, &r) != 0)
    return -1;
  int rc = 0;
  for (size_t i = 0; i < r.n && rc == 0; i++) {
    const struct reminder *x = &r.v[i];
    bool was;
    if ((rc = sent_before(w, x, &was)) != 0 || was ||
        !reminder_concerns(w, x))
      continue;
    struct preview_event *e = event_add(w, PV_REMINDER, x->f, d);
    if (e == NULL) {
      rc = -1;
      break;
    }
    e->agency = x->to;
    snprintf(e->stage, sizeof e->stage, "%s", x->stage);
    e->to_address = x->to_address;
    e->escalation = x->escalation;
    if (x->n_cc > 0) {
      if ((e->cc = malloc(x->n_cc * sizeof *e->cc)) == NULL) {
        rc = -1;
        break;
      }
      memcpy(e->cc, x->cc, x->n_cc * sizeof *e->cc);
      e->n_cc = x->n_cc;
    }
  }
  reminders_release(&r);
  return rc;
}

/* Evaluate day d on the scratch store; with emit, add its events. */
static int walk_day(struct walk *w, struct store *s, cal_day d, bool emit,
                    char *err, size_t errlen)
{
  struct findings f = {0};
  struct eval_options eo = {.now = d, .all = true};
  int rc = evaluate_jurisdiction(w->j, s, &eo, &f, err, errlen);
  if (rc == 0 && day_findings(w, &f, d, emit) != 0) {
    snprintf(err, errlen, "out of memory");
    rc = -1;
  }
  if (rc == 0 && emit && day_reminders(w, &f, d) != 0) {
    snprintf(err, errlen, "out of memory");
    rc = -1;
  }
  findings_release(&f);
  return rc ? -1 : 0;
}

int preview_build(const struct jurisdiction *j,
                  const struct preview_options *o, struct preview *p,
                  char *err, size_t errlen)
{
  struct walk w = {.j = j, .o = o, .p = p};
  struct rt_scratch x;
  p->j = j;
  p->from = o->from;
  p->to = o->to;
  p->agency = o->agency;
  if (j->is_template) {
    snprintf(err, errlen, "%s is a template: preview a jurisdiction that "
             "inherits it", j->id);
    return -1;
  }
  if (o->to < o->from || o->to - o->from + 1 > PREVIEW_MAX_DAYS) {
    snprintf(err, errlen, "the span must run forwards and last at most %d "
             "days", PREVIEW_MAX_DAYS);
    return -1;
  }
  if (ruletest_scratch_open(&x, o->tmpdir, err, errlen) != 0)
    return -1;
  /* the day before seeds each item's status, so the first day shows only
   * what changes on it */
  int rc = walk_day(&w, x.s, o->from - 1, false, err, errlen);
  for (cal_day d = o->from; rc == 0 && d <= o->to; d++)
    rc = walk_day(&w, x.s, d, true, err, errlen);
  ruletest_scratch_close(&x);
  free(w.states);
  free(w.sent);
  return rc;
}

void preview_release(struct preview *p)
{
  for (size_t i = 0; i < p->n; i++) {
    free(p->v[i].skipped);
    free(p->v[i].cc);
  }
  free(p->v);
  memset(p, 0, sizeof *p);
}

/* ---- printing --------------------------------------------------------- */

static const char *item_id(const struct preview_event *e)
{
  return e->obligation ? e->obligation->id
         : e->indicator ? e->indicator->id : e->campaign->id;
}

static const char *item_title(const struct preview_event *e)
{
  return e->obligation ? e->obligation->title
         : e->indicator ? e->indicator->title : e->campaign->title;
}

static const char *type_name(enum preview_type t)
{
  static const char *const names[] = {"deadline", "campaign_window",
                                      "status", "reminder"};
  return names[t];
}

/* Events of one line: same day, type, item, period, status and stage;
 * they differ only in the agency — or, for indicators, in the indicator
 * (the values of a year fall due together). */
static bool same_line(const struct preview_event *a,
                      const struct preview_event *b)
{
  bool indicators = a->indicator && b->indicator;
  return a->day == b->day && a->type == b->type &&
         a->obligation == b->obligation &&
         (indicators || a->indicator == b->indicator) &&
         a->campaign == b->campaign &&
         strcmp(a->period.id, b->period.id) == 0 && a->kind == b->kind &&
         a->has_previous == b->has_previous &&
         (!a->has_previous || a->previous == b->previous) &&
         strcmp(a->stage, b->stage) == 0 && a->escalation == b->escalation &&
         a->due == b->due;
}

static int by_line(const void *x, const void *y)
{
  const struct preview_event *a = *(const struct preview_event *const *)x;
  const struct preview_event *b = *(const struct preview_event *const *)y;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if (a->type != b->type)
    return a->type < b->type ? -1 : 1;
  /* indicators after the reports of the day, together */
  if ((a->indicator != NULL) != (b->indicator != NULL))
    return a->indicator ? 1 : -1;
  int r = a->indicator ? 0 : strcmp(item_id(a), item_id(b));
  if (r == 0)
    r = strcmp(a->period.id, b->period.id);
  if (r == 0)
    r = strcmp(a->stage, b->stage);
  if (r == 0 && a->kind != b->kind)
    r = a->kind < b->kind ? -1 : 1;
  if (r == 0 && a->escalation != b->escalation)
    r = a->escalation ? 1 : -1;
  if (r == 0 && a->indicator)
    r = strcmp(item_id(a), item_id(b));
  return r ? r : (a > b) - (a < b);         /* keep the walk's order */
}

static const char *weekday_vn(cal_day d)
{
  static const char *const names[] = {"T2", "T3", "T4", "T5", "T6", "T7",
                                      "CN"};
  return names[cal_weekday(d)];
}

static void day_vn(cal_day d, char *buf, size_t len)
{
  char date[CAL_DATE_LEN];
  cal_format_vn(d, date);
  snprintf(buf, len, "%s %s", weekday_vn(d), date);
}

/* "a, b, c" or "a, b, c and 18 more": the agencies of a line, or its
 * indicators with their lead */
static void agencies_text(FILE *out, struct preview_event *const *v,
                          size_t n)
{
  size_t shown = n <= 4 ? n : 3;
  for (size_t i = 0; i < shown; i++) {
    const char *who = v[i]->agency ? v[i]->agency->id : "no lead";
    if (v[i]->indicator)
      fprintf(out, "%s%s (%s)", i ? ", " : "", v[i]->indicator->id, who);
    else
      fprintf(out, "%s%s", i ? ", " : "", who);
  }
  if (shown < n)
    fprintf(out, " and %zu more", n - shown);
}

/* Who a report goes to (its `to`, held on the due day). */
static void recipients_text(FILE *out, const struct jurisdiction *j,
                            const struct preview_event *e)
{
  for (size_t i = 0; i < e->obligation->n_to; i++) {
    const struct agency *a = model_holder(j, e->obligation->to[i], e->due);
    fprintf(out, "%s%s", i ? ", " : " → ", a ? a->id : e->obligation->to[i]);
  }
}

static void skips_text(FILE *out, const struct preview_event *e)
{
  char nominal[CAL_DATE_LEN];
  cal_format_vn(e->nominal_due, nominal);
  fprintf(out, "; moved from %s %s", weekday_vn(e->nominal_due), nominal);
  if (e->day_before)
    fprintf(out, " (\"trước ngày\": the day before)");
  for (size_t i = 0; i < e->n_skipped; i++) {
    char d[CAL_DATE_LEN];
    cal_format_vn(e->skipped[i].day, d);
    fprintf(out, "%s%.5s %s", i ? ", " : ": ", d, e->skipped[i].reason);
  }
}

static void line_text(FILE *out, const struct jurisdiction *j,
                      struct preview_event *const *v, size_t n,
                      bool one_agency)
{
  const struct preview_event *e = v[0];
  char day[32], due[CAL_DATE_LEN] = "?";
  day_vn(e->day, day, sizeof day);
  fprintf(out, "  %s  %-9s %s %s", day,
          e->type == PV_CAMPAIGN ? "campaign" : type_name(e->type),
          e->indicator && n > 1 ? "indicators" : item_id(e), e->period.id);
  if (e->due != MODEL_DUE_UNSET)
    cal_format_vn(e->due, due);
  switch (e->type) {
  case PV_DEADLINE:
    fprintf(out, ": last day");
    if (e->kind == FIND_UNASSIGNED)
      fprintf(out, ", unassigned (the agency ended with no successor)");
    if (e->nominal_due != e->due)
      skips_text(out, e);
    fprintf(out, " — ");
    agencies_text(out, v, n);
    recipients_text(out, j, e);
    break;
  case PV_CAMPAIGN: {
    char from[CAL_DATE_LEN], to[CAL_DATE_LEN];
    cal_format_vn(e->period.start, from);
    cal_format_vn(e->period.end, to);
    fprintf(out, ": window %s–%s opens (%d days)", from, to,
            (int)(e->period.end - e->period.start + 1));
    break;
  }
  case PV_STATUS:
    fprintf(out, ": ");
    if (e->has_previous)
      fprintf(out, "%s → ", finding_kind_name(e->previous));
    fprintf(out, "%s", finding_kind_name(e->kind));
    if (e->obligation || e->indicator)
      fprintf(out, " (due %s)", due);
    if (e->agency || e->indicator) {
      fprintf(out, " — ");
      agencies_text(out, v, n);
    }
    break;
  case PV_REMINDER:
    fprintf(out, ": %s%s → ", e->stage, e->escalation ? " (escalation)" : "");
    if (!one_agency) {
      agencies_text(out, v, n);
      break;
    }
    fprintf(out, "%s <%s>", e->agency ? e->agency->id : "?",
            e->to_address ? e->to_address : "no address");
    for (size_t i = 0; i < e->n_cc; i++)
      fprintf(out, "%s%s", i ? ", " : "; cc ", e->cc[i]);
    break;
  }
  fputc('\n', out);
}

int preview_write_text(FILE *out, const struct preview *p)
{
  const struct jurisdiction *j = p->j;
  char from[CAL_DATE_LEN], to[CAL_DATE_LEN];
  struct preview_event **v = malloc((p->n ? p->n : 1) * sizeof *v);
  if (v == NULL)
    return -1;
  for (size_t i = 0; i < p->n; i++)
    v[i] = &p->v[i];
  qsort(v, p->n, sizeof *v, by_line);
  cal_format_vn(p->from, from);
  cal_format_vn(p->to, to);
  fprintf(out, "%s — %s: preview %s – %s", j->id, j->name, from, to);
  if (p->agency)
    fprintf(out, ", %s (%s)", p->agency->id, p->agency->name);
  fprintf(out, "\nas if no report and no indicator value arrived; "
          "reminders as `dondoc run` queues them from %s, each stage once%s\n",
          from, j->policy.working_days_only ? ", on working days" : "");
  size_t counts[4] = {0};
  int month = 0;
  for (size_t i = 0; i < p->n;) {
    size_t k = i + 1;
    while (k < p->n && same_line(v[i], v[k]))
      k++;
    int y, m, d;
    cal_to_ymd(v[i]->day, &y, &m, &d);
    if (y * 12 + m != month) {
      month = y * 12 + m;
      fprintf(out, "\nTháng %02d/%d\n", m, y);
    }
    line_text(out, j, v + i, k - i, p->agency != NULL);
    counts[v[i]->type] += k - i;
    i = k;
  }
  if (p->n == 0)
    fprintf(out, "\nnothing happens in this span\n");
  fprintf(out, "\ncounted per agency: %zu deadline%s, %zu campaign window%s, "
          "%zu status change%s, %zu reminder%s\n", counts[PV_DEADLINE],
          counts[PV_DEADLINE] == 1 ? "" : "s", counts[PV_CAMPAIGN],
          counts[PV_CAMPAIGN] == 1 ? "" : "s", counts[PV_STATUS],
          counts[PV_STATUS] == 1 ? "" : "s", counts[PV_REMINDER],
          counts[PV_REMINDER] == 1 ? "" : "s");
  free(v);
  return ferror(out) ? -1 : 0;
}

static json_t *date_json(cal_day d)
{
  char buf[CAL_DATE_LEN];
  if (d == MODEL_DUE_UNSET)
    return json_null();
  cal_format(d, buf);
  return json_string(buf);
}

static int item_json(json_t *o, const struct preview_event *e)
{
  const char *key = e->obligation ? "obligation"
                    : e->indicator ? "indicator" : "campaign";
  return json_object_set_new(o, key, json_string(item_id(e))) |
         json_object_set_new(o, "title", json_string(item_title(e))) |
         json_object_set_new(o, "period", json_string(e->period.id));
}

static int deadline_json(json_t *o, const struct preview *p,
                         const struct preview_event *e)
{
  int bad = json_object_set_new(o, "nominal_due", date_json(e->nominal_due));
  json_t *skips = json_array(), *to = json_array();
  bad |= skips == NULL || to == NULL;
  for (size_t i = 0; skips && i < e->n_skipped; i++) {
    json_t *s = json_pack("{s:o, s:s}", "date", date_json(e->skipped[i].day),
                          "reason", e->skipped[i].reason);
    bad |= s == NULL || json_array_append_new(skips, s);
  }
  for (size_t i = 0; to && i < e->obligation->n_to; i++) {
    const struct agency *a = model_holder(p->j, e->obligation->to[i], e->due);
    bad |= json_array_append_new(to, a ? json_string(a->id) : json_null());
  }
  bad |= json_object_set_new(o, "shift", skips);
  bad |= json_object_set_new(o, "day_before", json_boolean(e->day_before));
  bad |= json_object_set_new(o, "to", to);
  return bad;
}

static json_t *event_json(const struct preview *p,
                          const struct preview_event *e)
{
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  int bad = json_object_set_new(o, "date", date_json(e->day));
  bad |= json_object_set_new(o, "type", json_string(type_name(e->type)));
  bad |= item_json(o, e);
  bad |= json_object_set_new(o, "agency", e->agency ? json_string(e->agency->id)
                                                    : json_null());
  if (e->succeeded)
    bad |= json_object_set_new(o, "on_behalf_of",
                               json_string(e->succeeded->id));
  bad |= json_object_set_new(o, "kind", json_string(finding_kind_name(e->kind)));
  bad |= json_object_set_new(o, "due", date_json(e->due));
  switch (e->type) {
  case PV_DEADLINE:
    bad |= deadline_json(o, p, e);
    break;
  case PV_CAMPAIGN:
    bad |= json_object_set_new(o, "window_from", date_json(e->period.start));
    bad |= json_object_set_new(o, "window_to", date_json(e->period.end));
    bad |= json_object_set_new(o, "days_in_window",
                               json_integer(e->period.end - e->period.start + 1));
    break;
  case PV_STATUS:
    bad |= json_object_set_new(o, "previous", e->has_previous
                               ? json_string(finding_kind_name(e->previous))
                               : json_null());
    break;
  case PV_REMINDER: {
    json_t *cc = json_array();
    bad |= cc == NULL;
    for (size_t i = 0; cc && i < e->n_cc; i++)
      bad |= json_array_append_new(cc, json_string(e->cc[i]));
    bad |= json_object_set_new(o, "stage", json_string(e->stage));
    bad |= json_object_set_new(o, "to", e->to_address
                               ? json_string(e->to_address) : json_null());
    bad |= json_object_set_new(o, "cc", cc);
    bad |= json_object_set_new(o, "escalation", json_boolean(e->escalation));
    break;
  }
  }
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

int preview_write_json(FILE *out, const struct preview *p)
{
  json_t *root = json_object(), *events = json_array();
  int bad = root == NULL || events == NULL;
  for (size_t i = 0; !bad && i < p->n; i++) {
    json_t *e = event_json(p, &p->v[i]);
    bad |= e == NULL || json_array_append_new(events, e);
  }
  if (!bad) {
    bad |= json_object_set_new(root, "jurisdiction", json_string(p->j->id));
    bad |= json_object_set_new(root, "name", json_string(p->j->name));
    bad |= json_object_set_new(root, "from", date_json(p->from));
    bad |= json_object_set_new(root, "to", date_json(p->to));
    bad |= json_object_set_new(root, "agency", p->agency
                               ? json_string(p->agency->id) : json_null());
    bad |= json_object_set_new(root, "working_days_only",
                               json_boolean(p->j->policy.working_days_only));
    bad |= json_object_set_new(root, "events", events);
    events = NULL;
  }
  json_decref(events);
  if (bad || json_dumpf(root, out, JSON_INDENT(2)) != 0) {
    json_decref(root);
    return -1;
  }
  json_decref(root);
  fputc('\n', out);
  return ferror(out) ? -1 : 0;
}
