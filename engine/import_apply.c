/*
 * import_apply.c — a read import plan against the store (import.h,
 * import_apply): each fact new, the same as recorded, or a change; the
 * checks that span rows and stored data; then every row written in one
 * transaction, or none.
 *
 * The comparison and the writes happen inside one BEGIN IMMEDIATE
 * transaction, so what was compared is what is overwritten: nobody can
 * record a value between the two. A dry run is the same transaction,
 * rolled back.
 */
#include "import.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number in a message, all its digits, as C writes it. */
static const char *num(double v, char buf[32])
{
  snprintf(buf, 32, "%.15g", v);
  return buf;
}

/* ---- new, same or changed --------------------------------------------- */

/* What the store holds for f's key: f->state and the old value or date.
 * "The same" is the same number, exactly: 47.5 and 47,50 are, 47.5 and
 * 47.49 are not. A report is received once, and the first receipt counts
 * (as `submit`): an earlier date in the file replaces the stored one with
 * --replace, a later one is kept as recorded. 0, or -1 (database). */
static int look_up(struct store *s, struct import_fact *f)
{
  int rc;
  if (f->ind) {
    rc = store_observation_get(s, f->j->id, f->ind->id, f->unit, f->period,
                               &f->old_value);
    if (rc >= 0)
      f->state = rc == 0 ? IMPORT_NEW
                 : f->old_value == f->value ? IMPORT_SAME : IMPORT_CHANGED;
  } else {
    rc = store_submission_get(s, f->j->id, f->agency, f->ob->id, f->period,
                              &f->old_received);
    if (rc >= 0)
      f->state = rc == 0 ? IMPORT_NEW
                 : f->received == f->old_received ? IMPORT_SAME
                 : f->received < f->old_received ? IMPORT_CHANGED
                                                 : IMPORT_KEPT;
  }
  return rc < 0 ? -1 : 0;
}

/* The error of a fact that would change what is recorded without
 * --replace. 0, or -2 when out of memory. */
static int refuse_change(struct import_plan *plan,
                         const struct import_options *o,
                         const struct import_fact *f)
{
  if (o->replace || f->state == IMPORT_NEW || f->state == IMPORT_SAME)
    return 0;
  if (f->ind) {
    char a[32], b[32];
    return import_error(plan, o, f->row, "%s for %s %s is recorded as %s; "
                        "the file gives %s (--replace changes it)",
                        f->ind->id, f->unit, f->period,
                        num(f->old_value, a), num(f->value, b)) ? -2 : 0;
  }
  char was[CAL_DATE_LEN], now[CAL_DATE_LEN];
  cal_format_vn(f->old_received, was);
  cal_format_vn(f->received, now);
  return import_error(plan, o, f->row, "%s %s %s is recorded as received %s; "
                      "the file gives %s (the first receipt counts: with "
                      "--replace an earlier date replaces it, a later one is "
                      "kept)", f->agency, f->ob->id, f->period, was, now)
         ? -2 : 0;
}

/* ---- checks across rows and stored data ------------------------------- */

/* The value of series ind for (unit, period) after the import: the
 * file's, else the store's. 1 with *v and *row (the file's row; 0:
 * stored), 0 when unknown, -1 on a database error. */
static int value_after(const struct import_plan *plan, struct store *s,
                       const struct jurisdiction *j,
                       const struct indicator *ind, const char *unit,
                       const char *period, double *v, size_t *row)
{
  struct import_fact key;
  memset(&key, 0, sizeof key);
  key.j = j;
  key.ind = ind;
  key.unit = unit;
  snprintf(key.period, sizeof key.period, "%s", period);
  size_t lo = 0, hi = plan->n_facts;
  while (lo < hi) {            /* the first fact not below the key */
    size_t mid = lo + (hi - lo) / 2;
    if (import_fact_cmp(plan->sorted[mid], &key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < plan->n_facts && import_fact_cmp(plan->sorted[lo], &key) == 0) {
    *v = plan->sorted[lo]->value;
    *row = plan->sorted[lo]->row;
    return 1;
  }
  *row = 0;
  return store_observation_get(s, j->id, ind->id, unit, period, v);
}

/* "45 (row 3)" or "45 (stored)". */
static const char *sourced(double v, size_t row, char buf[64])
{
  char n[32];
  if (row)
    snprintf(buf, 64, "%s (row %zu)", num(v, n), row);
  else
    snprintf(buf, 64, "%s (stored)", num(v, n));
  return buf;
}

/* The earliest file row among rows[0..n) (0 stands for stored data). */
static size_t first_row(const size_t *rows, size_t n)
{
  size_t best = 0;
  for (size_t i = 0; i < n; i++)
    if (rows[i] && (best == 0 || rows[i] < best))
      best = rows[i];
  return best;
}

/* checks.parts of total t: its parts add up to it. */
static int check_parts(struct import_plan *plan, const struct import_options *o,
                       struct store *s, const struct jurisdiction *j,
                       const struct indicator *t, const char *unit,
                       const char *period)
{
  double v[MODEL_MAX_PARTS + 1], sum = 0;
  size_t rows[MODEL_MAX_PARTS + 1];
  const size_t n = t->checks.n_parts;
  int rc = value_after(plan, s, j, t, unit, period, &v[n], &rows[n]);
  for (size_t i = 0; i < n && rc == 1; i++) {
    rc = value_after(plan, s, j, &j->indicators[t->checks.parts[i]], unit,
                     period, &v[i], &rows[i]);
    sum += v[i];
  }
  if (rc != 1)
    return rc;                 /* not all known yet (0), or -1 */
  if (fabs(sum - v[n]) <= 1e-9 * fmax(1, fabs(v[n])))
    return 0;
  char names[400] = "", values[600] = "", buf[64], total[32];
  size_t un = 0, uv = 0;
  for (size_t i = 0; i < n; i++) {
    int w = snprintf(names + un, sizeof names - un, "%s%s", i ? " + " : "",
                     j->indicators[t->checks.parts[i]].id);
    un += w > 0 && (size_t)w < sizeof names - un ? (size_t)w : 0;
    w = snprintf(values + uv, sizeof values - uv, "%s%s", i ? " + " : "",
                 sourced(v[i], rows[i], buf));
    uv += w > 0 && (size_t)w < sizeof values - uv ? (size_t)w : 0;
  }
  return import_error(plan, o, first_row(rows, n + 1), "%s do not add up "
                      "to %s for %s %s: %s = %s, but %s is %s (checks.parts)",
                      names, t->id, unit, period, values, num(sum, total),
                      t->id, sourced(v[n], rows[n], buf)) ? -2 : 0;
}

/* A ratio's numerator and denominator from different rows, or one from
 * the store: checks.num_le_den, a percentage over 100, checks.range. */
static int check_ratio(struct import_plan *plan, const struct import_options *o,
                       struct store *s, const struct jurisdiction *j,
                       const struct indicator *r, const char *unit,
                       const char *period)
{
  const struct indicator *ni = model_indicator(j, r->num),
                         *di = model_indicator(j, r->den);
  double n, d;
  size_t rows[2];
  int rc = value_after(plan, s, j, ni, unit, period, &n, &rows[0]);
  if (rc == 1)
    rc = value_after(plan, s, j, di, unit, period, &d, &rows[1]);
  if (rc != 1)
    return rc;
  char bn[64], bd[64], lo[32], hi[32];
  size_t row = first_row(rows, 2);
  double v = d != 0 ? r->scale * n / d : 0;
  if (r->checks.num_le_den && n > d)
    return import_error(plan, o, row, "%s %s is above %s %s for %s %s "
                        "(checks.num_le_den of %s)", ni->id,
                        sourced(n, rows[0], bn), di->id,
                        sourced(d, rows[1], bd), unit, period, r->id)
           ? -2 : 0;
  if (d != 0 && strcmp(r->unit, "%") == 0 && v > 100)
    return import_error(plan, o, row, "%s for %s %s would be %.4g%%, over "
                        "100: %s %s / %s %s", r->id, unit, period, v, ni->id,
                        sourced(n, rows[0], bn), di->id,
                        sourced(d, rows[1], bd)) ? -2 : 0;
  if (d != 0 && r->checks.has_range &&
      (v < r->checks.range_lo || v > r->checks.range_hi))
    return import_error(plan, o, row, "%s for %s %s would be %.6g, outside "
                        "its plausible range %s to %s (checks.range): %s %s "
                        "/ %s %s", r->id, unit, period, v,
                        num(r->checks.range_lo, lo),
                        num(r->checks.range_hi, hi), ni->id,
                        sourced(n, rows[0], bn), di->id,
                        sourced(d, rows[1], bd)) ? -2 : 0;
  return 0;
}

/* Whether series x takes part in the check of indicator t. */
static bool in_group(const struct jurisdiction *j, const struct indicator *t,
                     const struct indicator *x)
{
  if (t->checks.n_parts > 0) {
    if (t == x)
      return true;
    for (size_t i = 0; i < t->checks.n_parts; i++)
      if (&j->indicators[t->checks.parts[i]] == x)
        return true;
  }
  if (t->is_ratio && (t->checks.num_le_den || t->checks.has_range ||
                      strcmp(t->unit, "%") == 0))
    return strcmp(t->num, x->id) == 0 || strcmp(t->den, x->id) == 0;
  return false;
}

/* The checks of every group a fact of bucket[0..n) (one jurisdiction,
 * unit and period) takes part in, each group once. */
static int check_bucket(struct import_plan *plan,
                        const struct import_options *o, struct store *s,
                        struct import_fact *const *bucket, size_t n)
{
  const struct jurisdiction *j = bucket[0]->j;
  for (size_t t = 0; t < j->n_indicators; t++) {
    const struct indicator *ind = &j->indicators[t];
    if (ind->id == NULL || (ind->checks.n_parts == 0 && !ind->is_ratio))
      continue;
    bool touched = false;
    for (size_t k = 0; k < n && !touched; k++)
      touched = in_group(j, ind, bucket[k]->ind);
    if (!touched)
      continue;
    int rc = 0;
    if (ind->checks.n_parts > 0)
      rc = check_parts(plan, o, s, j, ind, bucket[0]->unit,
                       bucket[0]->period);
    if (rc >= 0 && ind->is_ratio)
      rc = check_ratio(plan, o, s, j, ind, bucket[0]->unit,
                       bucket[0]->period);
    if (rc < 0)
      return rc;
  }
  return 0;
}

static int check_across(struct import_plan *plan,
                        const struct import_options *o, struct store *s)
{
  size_t start = 0;
  for (size_t k = 1; k <= plan->n_facts; k++) {
    const struct import_fact *a = plan->sorted[start];
    if (k < plan->n_facts) {
      const struct import_fact *b = plan->sorted[k];
      if (a->j == b->j &&
          (a->unit == b->unit || strcmp(a->unit, b->unit) == 0) &&
          strcmp(a->period, b->period) == 0)
        continue;
    }
    int rc = check_bucket(plan, o, s, plan->sorted + start, k - start);
    if (rc < 0)
      return rc;
    start = k;
  }
  return 0;
}

/* ---- writing ------------------------------------------------------------ */

static int write_fact(struct store *s, const struct import_fact *f)
{
  if (f->same_as || (f->state != IMPORT_NEW && f->state != IMPORT_CHANGED))
    return 0;
  if (f->ind)
    return store_observation_put(s, f->j->id, f->ind->id, f->unit, f->period,
                                 f->value, f->source);
  if (f->state == IMPORT_CHANGED)
    return store_submission_replace(s, f->j->id, f->agency, f->ob->id,
                                    f->period, f->received, f->note);
  return store_submission_put(s, f->j->id, f->agency, f->ob->id, f->period,
                              f->received, f->note) < 0 ? -1 : 0;
}

/* Observations in the order of the table's unique index (jurisdiction,
 * indicator, unit, period), so that a million rows go into the index
 * page after page instead of all over it. */
static int index_order(const void *x, const void *y)
{
  const struct import_fact *a = *(struct import_fact *const *)x,
                           *b = *(struct import_fact *const *)y;
  int c = a->j == b->j ? 0 : strcmp(a->j->id, b->j->id);
  if (c == 0 && a->ind != b->ind)
    c = strcmp(a->ind->id, b->ind->id);
  if (c == 0 && a->unit != b->unit)      /* interned: equal is the same */
    c = strcmp(a->unit, b->unit);
  if (c == 0)
    c = strcmp(a->period, b->period);
  return c;
}

/* The facts in the order of their table's unique index — submissions:
 * plan->sorted's; observations: (jurisdiction, indicator, unit, period) —
 * so that reading and writing a million rows walk the index page after
 * page instead of all over it. *order is malloc'd (NULL when no facts).
 * 0, or -2 when out of memory. */
static int index_walk(const struct import_plan *plan,
                      struct import_fact ***order)
{
  *order = NULL;
  if (plan->n_facts == 0)
    return 0;
  if ((*order = malloc(plan->n_facts * sizeof **order)) == NULL)
    return -2;
  memcpy(*order, plan->sorted, plan->n_facts * sizeof **order);
  if (plan->kind == IMPORT_OBSERVATIONS)
    qsort(*order, plan->n_facts, sizeof **order, index_order);
  return 0;
}

/* Write the new and changed facts, in index order. 0 or -1 (database). */
static int write_all(const struct import_plan *plan, struct store *s,
                     struct import_fact *const *order)
{
  int rc = 0;
  for (size_t i = 0; i < plan->n_facts && rc == 0; i++)
    rc = write_fact(s, order[i]);
  return rc;
}

/* Compare (in index order), check and count; the problems are found in
 * row order, as they were read. 0, -1 (database), -2 (out of memory). */
static int compare_all(struct import_plan *plan,
                       const struct import_options *o, struct store *s,
                       struct import_fact *const *order)
{
  int rc = 0;
  for (size_t i = 0; i < plan->n_facts && rc == 0; i++) {
    struct import_fact *f = order[i];
    if (f->same_as)
      f->state = IMPORT_SAME;
    else
      rc = look_up(s, f);
  }
  for (size_t i = 0; i < plan->n_facts && rc == 0; i++) {
    const struct import_fact *f = &plan->facts[i];
    if (!f->same_as)
      rc = refuse_change(plan, o, f);
    plan->n_new += f->state == IMPORT_NEW;
    plan->n_same += f->state == IMPORT_SAME;
    plan->n_changed += f->state == IMPORT_CHANGED;
    plan->n_kept += f->state == IMPORT_KEPT;
  }
  if (rc == 0 && plan->kind == IMPORT_OBSERVATIONS && plan->n_facts > 0)
    rc = check_across(plan, o, s);
  return rc;
}

int import_apply(const struct import_options *o, struct store *s,
                 struct import_plan *plan)
{
  /* Rows already refused are left out; the others are still compared
   * and checked, so that one pass reports every bad row. */
  struct import_fact **order;
  if (index_walk(plan, &order) != 0)
    return -2;
  if (store_begin(s) != 0) {
    free(order);
    return -1;
  }
  int rc = compare_all(plan, o, s, order);
  import_sort_errors(plan);
  if (rc == -2 || (rc == 0 && plan->n_errors > 0) || (rc == 0 && o->dry_run)) {
    free(order);
    if (store_rollback(s) != 0)
      return -1;
    return rc == -2 ? -2 : plan->n_errors > 0 ? 1 : 0;
  }
  if (rc == 0)
    rc = write_all(plan, s, order);
  free(order);
  if (rc == 0 && store_commit(s) == 0)
    return 0;
  /* Nothing was committed. Should the rollback fail too, its message
   * replaces the first one; the database is unchanged either way. */
  (void)store_rollback(s);
  return -1;
}
