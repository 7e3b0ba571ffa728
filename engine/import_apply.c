/*
 * import_apply.c — a read import plan against the store (import.h,
 * import_apply): each fact new, the same as recorded, or a change; the
 * checks that span rows and stored data; then every row written in one
 * transaction, or none.
 *
 * The comparison and the writes happen inside one BEGIN IMMEDIATE
 * transaction, so what was compared is what is overwritten: nobody can
 * record a value between the two. A fact is compared by trying to insert
 * it: a key not recorded yet takes the row at once (new), and only a key
 * already there is read back (same or changed). For a file of new rows
 * that is one index search a row instead of two. Bad rows and dry runs
 * roll the transaction back, so what was inserted along the way is gone
 * with it.
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

/* Whether f's key is recorded: 1 with the old value or date in f, 0 when
 * not — and then, with `insert`, f is recorded now. -1 (database). */
static int recorded(struct store *s, struct import_fact *f, bool insert)
{
  int rc;
  if (f->is_observation) {
    if (insert && (rc = store_observation_add(s, f->j->id, f->ind->id,
                                              f->unit, f->period, f->value,
                                              f->source)) != 0)
      return rc == 1 ? 0 : -1;
    return store_observation_get(s, f->j->id, f->ind->id, f->unit, f->period,
                                 &f->old_value);
  }
  if (insert && (rc = store_submission_put(s, f->j->id, f->agency,
                                           f->ob->id, f->period, f->received,
                                           f->note)) != 1)
    return rc;
  return store_submission_get(s, f->j->id, f->agency, f->ob->id, f->period,
                              &f->old_received);
}

/* What the store holds for f's key: f->state and the old value or date;
 * a key not recorded yet is recorded now (IMPORT_NEW) — except for a row
 * contradicting an earlier one, which fails the plan anyway. "The same"
 * is the same number, exactly: 47.5 and 47,50 are, 47.5 and 47.49 are
 * not. A report is received once, and the first receipt counts (as
 * `submit`): an earlier date in the file replaces the stored one with
 * --replace, a later one is kept as recorded. 0, or -1 (database). */
static int look_up(struct store *s, struct import_fact *f)
{
  int rc = recorded(s, f, !f->contradicts);
  if (rc < 0)
    return -1;
  if (rc == 0)
    f->state = IMPORT_NEW;
  else if (f->is_observation)
    f->state = f->old_value == f->value ? IMPORT_SAME : IMPORT_CHANGED;
  else
    f->state = f->received == f->old_received ? IMPORT_SAME
               : f->received < f->old_received ? IMPORT_CHANGED
                                               : IMPORT_KEPT;
  return 0;
}

/* The error of a fact that would change what is recorded without
 * --replace. 0, or -2 when out of memory. */
static int refuse_change(struct import_plan *plan,
                         const struct import_options *o,
                         const struct import_fact *f)
{
  if (o->replace || f->state == IMPORT_NEW || f->state == IMPORT_SAME)
    return 0;
  if (f->is_observation) {
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

/* The file's first fact of series ind for (unit, period), or NULL. */
static const struct import_fact *
file_fact(const struct import_plan *plan, const struct jurisdiction *j,
          const struct indicator *ind, const char *unit, const char *period)
{
  struct import_fact key;
  memset(&key, 0, sizeof key);
  key.is_observation = 1;
  key.j = j;
  key.ind = ind;
  key.unit = unit;
  key.period = period;
  size_t lo = 0, hi = plan->n_facts;
  while (lo < hi) {            /* the first fact not below the key */
    size_t mid = lo + (hi - lo) / 2;
    if (import_fact_cmp(import_sorted(plan, mid), &key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < plan->n_facts && import_fact_cmp(import_sorted(plan, lo), &key) == 0)
    return import_sorted(plan, lo);
  return NULL;
}

/* The value of series ind for (unit, period) after the import: the
 * file's, else the store's. 1 with *v and *row (the file's row; 0:
 * stored), 0 when unknown, -1 on a database error. The store is read
 * before the file's rows are inserted (check_across runs first). */
static int value_after(const struct import_plan *plan, struct store *s,
                       const struct jurisdiction *j,
                       const struct indicator *ind, const char *unit,
                       const char *period, double *v, size_t *row)
{
  const struct import_fact *f = file_fact(plan, j, ind, unit, period);
  if (f != NULL) {
    *v = f->value;
    *row = f->row;
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

/* Whether f, of series x, comes first among the file's facts of group t
 * for its unit and period (by row, then by place): each group's checks
 * run once, for that fact. */
static bool leads(const struct import_plan *plan, const struct import_fact *f,
                  const struct jurisdiction *j, const struct indicator *t)
{
  const struct indicator *members[MODEL_MAX_PARTS + 3];
  size_t n = 0;
  if (t->checks.n_parts > 0) {
    members[n++] = t;
    for (size_t i = 0; i < t->checks.n_parts; i++)
      members[n++] = &j->indicators[t->checks.parts[i]];
  }
  if (t->is_ratio) {
    members[n++] = model_indicator(j, t->num);
    members[n++] = model_indicator(j, t->den);
  }
  for (size_t i = 0; i < n; i++) {
    if (members[i] == NULL || members[i] == f->ind)
      continue;
    const struct import_fact *g = file_fact(plan, j, members[i], f->unit,
                                            f->period);
    if (g != NULL && (g->row < f->row || (g->row == f->row && g < f)))
      return false;
  }
  return true;
}

/* The checks of every group a fact takes part in (parts adding up to a
 * total, a ratio's numerator and denominator), each group once per unit
 * and period. */
static int check_across(struct import_plan *plan,
                        const struct import_options *o, struct store *s)
{
  for (size_t k = 0; k < plan->n_facts; k++) {
    const struct import_fact *f = import_sorted(plan, k);
    const struct jurisdiction *j = f->j;
    if (k > 0 && import_fact_cmp(import_sorted(plan, k - 1), f) == 0)
      continue;                /* a repeated key: its first fact stands */
    for (size_t t = 0; t < j->n_indicators; t++) {
      const struct indicator *ind = &j->indicators[t];
      if (ind->id == NULL || (ind->checks.n_parts == 0 && !ind->is_ratio) ||
          !in_group(j, ind, f->ind) || !leads(plan, f, j, ind))
        continue;
      int rc = 0;
      if (ind->checks.n_parts > 0)
        rc = check_parts(plan, o, s, j, ind, f->unit, f->period);
      if (rc >= 0 && ind->is_ratio)
        rc = check_ratio(plan, o, s, j, ind, f->unit, f->period);
      if (rc < 0)
        return rc;
    }
  }
  return 0;
}

/* ---- writing ------------------------------------------------------------ */

/* The new facts are written already (look_up); the changed ones now. */
static int write_fact(struct store *s, const struct import_fact *f)
{
  if (f->same_as || f->state != IMPORT_CHANGED)
    return 0;
  if (f->is_observation)
    return store_observation_put(s, f->j->id, f->ind->id, f->unit, f->period,
                                 f->value, f->source);
  return store_submission_replace(s, f->j->id, f->agency, f->ob->id,
                                  f->period, f->received, f->note);
}

/* Write the changed facts, in the store's index order. 0 or -1. */
static int write_all(const struct import_plan *plan, struct store *s)
{
  int rc = 0;
  for (size_t i = 0; i < plan->n_facts && rc == 0; i++)
    rc = write_fact(s, import_sorted(plan, i));
  return rc;
}

/* Check, compare (in the store's index order, inserting the new facts)
 * and count; the problems are sorted into row order afterwards. The
 * checks across rows go first, so that they read the store as it was
 * before the file. 0, -1 (database), -2 (out of memory). */
static int compare_all(struct import_plan *plan,
                       const struct import_options *o, struct store *s)
{
  int rc = 0;
  if (plan->kind == IMPORT_OBSERVATIONS)
    rc = check_across(plan, o, s);
  /* Rows contradicting an earlier row first, against the store as it was
   * before the file: the others insert as they go. */
  for (size_t i = 0; i < plan->n_facts && rc == 0; i++)
    if (import_sorted(plan, i)->contradicts)
      rc = look_up(s, import_sorted(plan, i));
  for (size_t i = 0; i < plan->n_facts && rc == 0; i++) {
    struct import_fact *f = import_sorted(plan, i);
    if (f->same_as)
      f->state = IMPORT_SAME;
    else if (!f->contradicts)
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
  return rc;
}

int import_apply(const struct import_options *o, struct store *s,
                 struct import_plan *plan)
{
  /* Rows already refused are left out; the others are still compared
   * and checked, so that one pass reports every bad row. */
  if (store_begin(s) != 0)
    return -1;
  int rc = compare_all(plan, o, s);
  import_sort_errors(plan);
  if (rc == -2 || (rc == 0 && plan->n_errors > 0) || (rc == 0 && o->dry_run)) {
    if (store_rollback(s) != 0)
      return -1;
    return rc == -2 ? -2 : plan->n_errors > 0 ? 1 : 0;
  }
  if (rc == 0)
    rc = write_all(plan, s);
  if (rc == 0 && store_commit(s) == 0)
    return 0;
  /* Nothing was committed. Should the rollback fail too, its message
   * replaces the first one; the database is unchanged either way. */
  (void)store_rollback(s);
  return -1;
}
