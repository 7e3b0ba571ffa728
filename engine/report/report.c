/*
 * report.c — what the status report holds (report.h), built from the
 * rules, the store and check's findings at `now`.
 *
 * The statuses are check's own (evaluate_jurisdiction with every status):
 * the report never judges a report or an indicator differently from the
 * reminders. What it adds is the history behind them — every known value
 * of every indicator, for the charts and the appendix table — and the
 * per-agency view with its on-time rate.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t errlen, const char *msg)
{
  snprintf(err, errlen, "%s", msg);
  return -1;
}

/* ---- indicator values -------------------------------------------------- */

struct points {
  const struct indicator *ind;
  struct report_point *v; size_t n, cap;
  bool oom;
};

static int collect(void *ctx, const struct store_observation *o)
{
  struct points *p = ctx;
  struct cal_period period;
  /* As in evaluate.c: a value under another cadence's period id, or one
   * that is not finite, is not this indicator's. */
  if (cal_period_parse(p->ind->cadence, o->period, &period) != 0 ||
      !isfinite(o->value))
    return 0;
  if (p->n == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 8;
    struct report_point *nv = realloc(p->v, cap * sizeof *nv);
    if (nv == NULL) {
      p->oom = true;
      return 1;
    }
    p->v = nv;
    p->cap = cap;
  }
  p->v[p->n++] = (struct report_point){.period = period,
                                       .x = cal_period_axis(&period),
                                       .y = o->value};
  return 0;
}

static int by_x(const void *a, const void *b)
{
  const struct report_point *x = a, *y = b;
  return (x->x > y->x) - (x->x < y->x);
}

static int load_values(struct report *r, struct store *s, size_t i,
                       char *err, size_t errlen)
{
  const struct indicator *ind = &r->j->indicators[i];
  struct points p = {.ind = ind};
  int rc = store_observations_each(s, r->j->id, ind->id, r->j->id, collect,
                                   &p);
  if (rc < 0 || p.oom) {
    free(p.v);
    return fail(err, errlen, p.oom ? "out of memory" : store_errmsg(s));
  }
  if (p.n > 1)
    qsort(p.v, p.n, sizeof *p.v, by_x);
  r->values[i] = p.v;
  r->n_values[i] = p.n;
  return 0;
}

static const struct report_point *value_at(const struct report *r,
                                           const char *indicator,
                                           const char *period)
{
  for (size_t i = 0; i < r->j->n_indicators; i++)
    if (strcmp(r->j->indicators[i].id, indicator) == 0) {
      for (size_t k = 0; k < r->n_values[i]; k++)
        if (strcmp(r->values[i][k].period.id, period) == 0)
          return &r->values[i][k];
      return NULL;
    }
  return NULL;
}

/* A ratio's values into *out: scale × num / den for every period both
 * are stored (the same rule as evaluate.c's, from the stored counts). */
static int ratio_values(const struct report *r, size_t i,
                        struct report_point **out, size_t *n_out)
{
  const struct indicator *ind = &r->j->indicators[i];
  size_t num = r->j->n_indicators;
  for (size_t k = 0; k < r->j->n_indicators; k++)
    if (strcmp(r->j->indicators[k].id, ind->num) == 0)
      num = k;
  *out = NULL;
  *n_out = 0;
  if (num == r->j->n_indicators || r->n_values[num] == 0)
    return 0;
  struct report_point *v = malloc(r->n_values[num] * sizeof *v);
  if (v == NULL)
    return -1;
  size_t n = 0;
  for (size_t k = 0; k < r->n_values[num]; k++) {
    const struct report_point *a = &r->values[num][k];
    const struct report_point *b = value_at(r, ind->den, a->period.id);
    double share = b && b->y != 0 ? ind->scale * a->y / b->y : NAN;
    if (isfinite(share)) {
      v[n] = *a;
      v[n++].y = share;
    }
  }
  *out = v;
  *n_out = n;
  return 0;
}

/* Every indicator's stored values, then the ratios' computed ones in
 * place of what is stored under their own ids. */
static int build_values(struct report *r, struct store *s, char *err,
                        size_t errlen)
{
  const struct jurisdiction *j = r->j;
  size_t n = j->n_indicators ? j->n_indicators : 1;
  r->values = calloc(n, sizeof *r->values);
  r->n_values = calloc(n, sizeof *r->n_values);
  struct report_point **ratio = calloc(n, sizeof *ratio);
  size_t *n_ratio = calloc(n, sizeof *n_ratio);
  int rc = r->values && r->n_values && ratio && n_ratio
           ? 0 : fail(err, errlen, "out of memory");
  for (size_t i = 0; i < j->n_indicators && rc == 0; i++)
    rc = load_values(r, s, i, err, errlen);
  for (size_t i = 0; i < j->n_indicators && rc == 0; i++)
    if (j->indicators[i].is_ratio &&
        ratio_values(r, i, &ratio[i], &n_ratio[i]) != 0)
      rc = fail(err, errlen, "out of memory");
  for (size_t i = 0; ratio && i < j->n_indicators; i++)
    if (j->indicators[i].is_ratio) {
      if (rc == 0) {
        free(r->values[i]);
        r->values[i] = ratio[i];
        r->n_values[i] = n_ratio[i];
      } else {
        free(ratio[i]);
      }
    }
  free(ratio);
  free(n_ratio);
  return rc;
}

/* ---- agencies ---------------------------------------------------------- */

static struct report_agency *agency_slot(struct report *r,
                                         const struct agency *a)
{
  for (size_t i = 0; i < r->n_agencies; i++)
    if (r->agencies[i].agency == a)
      return &r->agencies[i];
  return NULL;
}

/* Who owes most first, then the order of the rules. */
static int by_debt(const void *a, const void *b)
{
  const struct report_agency *x = a, *y = b;
  if (x->overdue != y->overdue)
    return x->overdue > y->overdue ? -1 : 1;
  return (x->agency > y->agency) - (x->agency < y->agency);
}

static int add_item(struct report_agency *ra, const struct finding *f)
{
  const struct finding **nv = realloc(ra->items,
                                      (ra->n_items + 1) * sizeof *nv);
  if (nv == NULL)
    return -1;
  ra->items = nv;
  ra->items[ra->n_items++] = f;
  switch (f->kind) {
  case FIND_ON_TIME: ra->on_time++; break;
  case FIND_LATE: ra->late++; break;
  case FIND_OVERDUE: ra->overdue++; break;
  case FIND_DUE_SOON: ra->due_soon++; break;
  default: break;
  }
  return 0;
}

/* A report belongs in the picture when its deadline is in check's window
 * (monitor_from up to the reminder lead ahead), when its date is not set yet
 * but its period has begun (a half-year still to come is not news), or when
 * it has arrived already, however early. */
static bool in_window(const struct finding *f, cal_day now, cal_day hi)
{
  if (f->due == MODEL_DUE_UNSET)
    return f->period.start <= now || f->kind == FIND_ON_TIME;
  return f->due <= hi || f->kind == FIND_ON_TIME || f->kind == FIND_LATE;
}

static int build_agencies(struct report *r, cal_day hi)
{
  const struct jurisdiction *j = r->j;
  r->agencies = calloc(j->n_agencies ? j->n_agencies : 1,
                       sizeof *r->agencies);
  if (r->agencies == NULL)
    return -1;
  for (size_t i = 0; i < r->findings.n; i++) {
    const struct finding *f = &r->findings.v[i];
    if (f->obligation == NULL || f->agency == NULL || !in_window(f, r->now, hi))
      continue;
    struct report_agency *ra = agency_slot(r, f->agency);
    if (ra == NULL) {
      ra = &r->agencies[r->n_agencies++];
      ra->agency = f->agency;
    }
    if (add_item(ra, f) != 0)
      return -1;
    r->counts[f->kind]++;
  }
  if (r->n_agencies > 1)
    qsort(r->agencies, r->n_agencies, sizeof *r->agencies, by_debt);
  return 0;
}

/* ---- indicators -------------------------------------------------------- */

static int build_targets(struct report_indicator *ri)
{
  const struct indicator *ind = ri->ind;
  ri->targets = calloc(ind->n_targets ? ind->n_targets : 1,
                       sizeof *ri->targets);
  if (ri->targets == NULL)
    return -1;
  for (size_t k = 0; k < ind->n_targets; k++) {
    struct report_target *t = &ri->targets[ri->n_targets++];
    t->year = ind->targets[k].year;
    t->value = ind->targets[k].value;
    t->year_from_plan = ind->targets[k].year_from_plan;
    for (size_t p = 0; p < ind->n_parent_targets; p++)
      if (ind->parent_targets[p].year == t->year) {
        t->has_parent = true;
        t->parent = ind->parent_targets[p].value;
      }
  }
  return 0;
}

static int build_indicators(struct report *r)
{
  const struct jurisdiction *j = r->j;
  r->indicators = calloc(j->n_indicators ? j->n_indicators : 1,
                         sizeof *r->indicators);
  if (r->indicators == NULL)
    return -1;
  for (size_t i = 0; i < j->n_indicators; i++) {
    const struct indicator *ind = &j->indicators[i];
    if (ind->n_targets == 0)          /* a data series feeding a ratio */
      continue;
    struct report_indicator *ri = &r->indicators[r->n_indicators++];
    ri->ind = ind;
    ri->series = r->values[i];
    ri->n_series = r->n_values[i];
    ri->lead = ind->lead ? model_holder(j, ind->lead, r->now) : NULL;
    for (size_t k = 0; k < r->findings.n; k++)
      if (r->findings.v[k].indicator == ind)
        ri->status = &r->findings.v[k];
    if (build_targets(ri) != 0)
      return -1;
    if (ri->status) {
      ri->goal_year = ri->status->target_year;
      ri->goal_value = ri->status->target;
      r->counts[ri->status->kind]++;
    } else {
      /* not judged yet: the next target from now's year on */
      const struct target *g = &ind->targets[ind->n_targets - 1];
      for (size_t k = 0; k < ind->n_targets; k++)
        if (ind->targets[k].year >= r->year) {
          g = &ind->targets[k];
          break;
        }
      ri->goal_year = g->year;
      ri->goal_value = g->value;
    }
  }
  return 0;
}

/* The running campaigns, and those opening within the reminder lead. */
static int build_campaigns(struct report *r, cal_day hi)
{
  r->campaigns = calloc(r->findings.n ? r->findings.n : 1,
                        sizeof *r->campaigns);
  if (r->campaigns == NULL)
    return -1;
  for (size_t i = 0; i < r->findings.n; i++) {
    const struct finding *f = &r->findings.v[i];
    if (f->campaign == NULL)
      continue;
    if (f->kind == FIND_CAMPAIGN_ACTIVE ||
        (f->kind == FIND_CAMPAIGN_UPCOMING && f->due <= hi)) {
      r->campaigns[r->n_campaigns++] = f;
      r->counts[f->kind]++;
    }
  }
  return 0;
}

int report_build(const struct jurisdiction *j, struct store *s, cal_day now,
                 struct report *r, char *err, size_t errlen)
{
  int month, day;
  memset(r, 0, sizeof *r);
  r->j = j;
  r->now = now;
  cal_to_ymd(now, &r->year, &month, &day);

  struct eval_options every = {.now = now, .all = true};
  struct eval_options check = {.now = now, .all = false};
  cal_day lo, hi;
  int erc = evaluate_jurisdiction(j, s, &every, &r->findings, err, errlen);
  if (erc != 0) {
    report_release(r);
    return erc;
  }
  evaluate_window(j, &check, &lo, &hi);

  int rc = build_values(r, s, err, errlen);
  if (rc == 0 && (build_campaigns(r, hi) != 0 || build_agencies(r, hi) != 0 ||
                  build_indicators(r) != 0 || report_rows_build(r) != 0))
    rc = fail(err, errlen, "out of memory");
  if (rc != 0)
    report_release(r);
  return rc == 0 ? 0 : EVAL_ERR_STORE;
}

void report_release(struct report *r)
{
  for (size_t i = 0; i < r->n_agencies; i++)
    free(r->agencies[i].items);
  free(r->agencies);
  for (size_t i = 0; i < r->n_indicators; i++)
    free(r->indicators[i].targets);
  free(r->indicators);
  for (size_t i = 0; i < r->n_rows; i++)
    free(r->rows[i].title);
  free(r->rows);
  if (r->values)
    for (size_t i = 0; r->j && i < r->j->n_indicators; i++)
      free(r->values[i]);
  free(r->values);
  free(r->n_values);
  free(r->campaigns);
  findings_release(&r->findings);
  memset(r, 0, sizeof *r);
}
