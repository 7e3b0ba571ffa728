/*
 * evaluate.c — obligations and indicators against the store, at `now`.
 *
 * Obligations: every period whose deadline falls in the window of interest
 * (from the jurisdiction's monitor_from, or a year back, to a little after
 * now) makes one instance per agency that owes it then. An agency that has
 * ended passes its duty to its successor (the 2025 mergers), unless the
 * successor owes the report itself anyway.
 *
 * Campaigns: each year's window of a campaign (the Action Month) is
 * upcoming, active or ended; the findings say which, and on which day.
 *
 * Indicators: the latest period whose value is due decides the status. The
 * value is compared with the straight path from the starting point
 * (baseline, or the previous target) to the next target, and a least-squares
 * line through every known value projects the target year.
 */
#include "evaluate.h"
#include "utf8.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
  "due_soon", "overdue", "off_track", "at_risk", "no_data",
  "upcoming", "on_time", "late", "on_track", "achieved", "exempt",
  "unassigned", "awaiting_date", "campaign_upcoming", "campaign_active",
  "campaign_ended"
};

const char *finding_kind_name(enum finding_kind k) { return kind_names[k]; }

const char *finding_item_id(const struct finding *f)
{
  return f->obligation ? f->obligation->id
         : f->indicator ? f->indicator->id : f->campaign->id;
}

const char *finding_item_title(const struct finding *f)
{
  return f->obligation ? f->obligation->title
         : f->indicator ? f->indicator->title : f->campaign->title;
}

const char *finding_item_basis(const struct finding *f)
{
  return f->obligation ? f->obligation->basis
         : f->indicator ? f->indicator->basis : f->campaign->basis;
}

int finding_kind_parse(const char *name, enum finding_kind *k)
{
  for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
    if (strcmp(name, kind_names[i]) == 0) {
      *k = (enum finding_kind)i;
      return 0;
    }
  return -1;
}

void findings_release(struct findings *f)
{
  free(f->v);
  for (size_t i = 0; i < f->n_strings; i++)
    free(f->strings[i]);
  free(f->strings);
  memset(f, 0, sizeof *f);
}

void findings_truncate(struct findings *f, size_t n)
{
  if (n < f->n)
    f->n = n;
}

/* A copy of s owned by f; NULL when out of memory. */
static const char *findings_keep(struct findings *f, const char *s)
{
  if (f->n_strings == f->cap_strings) {
    size_t cap = f->cap_strings ? f->cap_strings * 2 : 8;
    char **nv = realloc(f->strings, cap * sizeof *nv);
    if (nv == NULL)
      return NULL;
    f->strings = nv;
    f->cap_strings = cap;
  }
  /* Text from the store was typed by people, maybe by older versions that
   * cut letters inside a character: keep what is readable, never fail. */
  char *copy = utf8_sanitize(s);
  if (copy != NULL)
    f->strings[f->n_strings++] = copy;
  return copy;
}

static struct finding *findings_add(struct findings *f)
{
  if (f->n == f->cap) {
    size_t cap = f->cap ? f->cap * 2 : 64;
    struct finding *nv = realloc(f->v, cap * sizeof *nv);
    if (nv == NULL)
      return NULL;
    f->v = nv;
    f->cap = cap;
  }
  struct finding *x = &f->v[f->n++];
  memset(x, 0, sizeof *x);
  return x;
}

/* What came in for one jurisdiction, read in one walk per table: a
 * received report or a grant, keyed by the ranks of its agency and
 * obligation (their places in id order, so the walk's order is the
 * array's) and its period id; looked up with bsearch. */
struct record {
  unsigned agency, obligation;
  char period[CAL_PERIOD_ID_LEN];
  cal_day day;                   /* received on; a grant's new due day */
  bool exemption;                /* grants */
  char *letter;                  /* grants, owned here */
};

struct records {
  struct record *v; size_t n, cap;
};

/* An id and the place of its item in the jurisdiction's array. */
struct id_pos {
  const char *id;
  unsigned pos;
};

/* The ids of a jurisdiction's agencies or obligations in byte order, and
 * the rank of each item in that order (rank[pos]). */
struct id_index {
  struct id_pos *v; unsigned *rank; size_t n;
  const char *last_id;           /* the walk's previous id … */
  long last;                     /* … and its rank, or -1: unknown */
};

struct ctx {
  const struct jurisdiction *j;
  struct store *s;
  const struct eval_options *o;
  struct findings *out;
  char *err; size_t errlen;
  cal_day lo, hi;             /* deadlines of interest */
  int soon;                   /* days before a deadline that count as soon */
  /* The first pass only finds the earliest period with a deadline in the
   * window (first_year), so the walks read no older rows. */
  bool dry;
  int first_year;
  struct id_index agencies, obligations;
  struct records got, granted;
  /* An agency's instance in the current period already exists when its
   * mark is the period's serial: two ended agencies with one successor
   * owe the report once. */
  unsigned *mark, serial;
};

static int fail(struct ctx *c, const char *msg)
{
  snprintf(c->err, c->errlen, "%s", msg);
  return EVAL_ERR_STORE;
}

/* ---- what came in --------------------------------------------------- */

static int by_id(const void *a, const void *b)
{
  return strcmp(((const struct id_pos *)a)->id, ((const struct id_pos *)b)->id);
}

/* Index n items whose ids are at base + i * size + offset. */
static int id_index_build(struct id_index *x, const void *base, size_t n,
                          size_t size, size_t offset)
{
  memset(x, 0, sizeof *x);
  x->v = malloc((n ? n : 1) * sizeof *x->v);
  x->rank = malloc((n ? n : 1) * sizeof *x->rank);
  if (x->v == NULL || x->rank == NULL)
    return -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const char *id = *(char *const *)((const char *)base + i * size + offset);
    x->rank[i] = UINT_MAX;
    if (id != NULL)
      x->v[k++] = (struct id_pos){id, (unsigned)i};
  }
  x->n = k;
  if (k > 1)
    qsort(x->v, k, sizeof *x->v, by_id);
  for (size_t r = 0; r < k; r++)
    x->rank[x->v[r].pos] = (unsigned)r;
  x->last = -1;
  return 0;
}

static void id_index_release(struct id_index *x)
{
  free(x->v);
  free(x->rank);
}

/* The rank of id, or -1 when the jurisdiction has no such item. Walks
 * give the same agency and obligation many rows in a row: the previous
 * answer is tried first. */
static long id_rank(struct id_index *x, const char *id)
{
  if (x->last_id != NULL && strcmp(x->last_id, id) == 0)
    return x->last;
  struct id_pos key = {id, 0};
  const struct id_pos *hit = x->n ? bsearch(&key, x->v, x->n, sizeof *x->v,
                                            by_id) : NULL;
  x->last = hit ? (long)(hit - x->v) : -1;
  x->last_id = hit ? hit->id : NULL;
  return x->last;
}

/* The item with this id (an agency or an obligation of c->j), or NULL. */
static const struct agency *agency_by_id(struct ctx *c, const char *id)
{
  struct id_pos key = {id, 0};
  const struct id_pos *hit = c->agencies.n
    ? bsearch(&key, c->agencies.v, c->agencies.n, sizeof key, by_id) : NULL;
  return hit ? &c->j->agencies[hit->pos] : NULL;
}

static int record_cmp(const void *a, const void *b)
{
  const struct record *x = a, *y = b;
  if (x->agency != y->agency)
    return x->agency < y->agency ? -1 : 1;
  if (x->obligation != y->obligation)
    return x->obligation < y->obligation ? -1 : 1;
  return strcmp(x->period, y->period);
}

/* A new record for the walk's row, or NULL: not one of this
 * jurisdiction's agencies and obligations (then *skip is set), or out of
 * memory. */
static struct record *record_add(struct ctx *c, struct records *r,
                                 const char *agency, const char *obligation,
                                 const char *period, bool *skip)
{
  long a = id_rank(&c->agencies, agency);
  long o = id_rank(&c->obligations, obligation);
  *skip = a < 0 || o < 0 || strlen(period) >= CAL_PERIOD_ID_LEN;
  if (*skip)
    return NULL;
  if (r->n == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 256;
    struct record *nv = realloc(r->v, cap * sizeof *nv);
    if (nv == NULL)
      return NULL;
    r->v = nv;
    r->cap = cap;
  }
  struct record *x = &r->v[r->n];
  memset(x, 0, sizeof *x);
  x->agency = (unsigned)a;
  x->obligation = (unsigned)o;
  memcpy(x->period, period, strlen(period) + 1);
  return x;
}

static int collect_submission(void *ctx, const struct store_submission *row)
{
  struct ctx *c = ctx;
  bool skip;
  struct record *x = record_add(c, &c->got, row->agency, row->obligation,
                                row->period, &skip);
  if (x == NULL)
    return skip ? 0 : -2;
  x->day = row->received;
  c->got.n++;
  return 0;
}

static int collect_grant(void *ctx, const struct store_grant_row *row)
{
  struct ctx *c = ctx;
  bool skip;
  struct record *x = record_add(c, &c->granted, row->agency, row->obligation,
                                row->period, &skip);
  if (x == NULL)
    return skip ? 0 : -2;
  /* the newest grant of a key comes first: it is the one in force */
  if (c->granted.n > 0 && record_cmp(x, &c->granted.v[c->granted.n - 1]) == 0)
    return 0;
  x->exemption = row->g.exemption;
  x->day = row->g.new_due;
  if ((x->letter = strdup(row->g.letter)) == NULL)
    return -2;
  c->granted.n++;
  return 0;
}

static void records_release(struct records *r)
{
  for (size_t i = 0; i < r->n; i++)
    free(r->v[i].letter);
  free(r->v);
  memset(r, 0, sizeof *r);
}

/* Sorted already when the database orders text as strcmp does; sorted
 * here otherwise, so lookups never depend on it. */
static void records_sort(struct records *r)
{
  for (size_t i = 1; i < r->n; i++)
    if (record_cmp(&r->v[i - 1], &r->v[i]) > 0) {
      qsort(r->v, r->n, sizeof *r->v, record_cmp);
      return;
    }
}

/* Read what came in for periods starting in c->first_year or later. */
static int load_records(struct ctx *c)
{
  char from[16];
  snprintf(from, sizeof from, "%04d", c->first_year);
  int rc = store_submissions_each(c->s, c->j->id, from, collect_submission,
                                   c);
  if (rc == 0)
    rc = store_grants_each(c->s, c->j->id, from, c->o->now, collect_grant, c);
  if (rc != 0)
    return fail(c, rc == -2 ? "out of memory" : store_errmsg(c->s));
  records_sort(&c->got);
  records_sort(&c->granted);
  return 0;
}

static const struct record *record_find(const struct ctx *c,
                                        const struct records *r,
                                        const struct agency *a,
                                        const struct obligation *ob,
                                        const char *period)
{
  struct record key;
  memset(&key, 0, sizeof key);       /* only the key fields are compared */
  key.agency = c->agencies.rank[a - c->j->agencies];
  key.obligation = c->obligations.rank[ob - c->j->obligations];
  if (r->n == 0 || key.agency == UINT_MAX || key.obligation == UINT_MAX)
    return NULL;
  snprintf(key.period, sizeof key.period, "%s", period);
  return bsearch(&key, r->v, r->n, sizeof *r->v, record_cmp);
}

/* ---- obligations ---------------------------------------------------- */

static bool has_id(char *const *v, size_t n, const char *id)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp(v[i], id) == 0)
      return true;
  return false;
}

/* Whether agency a already has an instance in the current period; marks
 * it as having one. */
static bool seen_in_period(struct ctx *c, const struct agency *a)
{
  unsigned *m = &c->mark[a - c->j->agencies];
  if (*m == c->serial)
    return true;
  *m = c->serial;
  return false;
}

/* The report received from `answer` (or, for a successor, from the ended
 * agency a), as known on `now`: 1 and *received set, or 0. */
static int received_on(struct ctx *c, const struct obligation *ob,
                       const struct cal_period *p, const struct agency *a,
                       const struct agency *answer, cal_day *received)
{
  const struct record *r = record_find(c, &c->got, answer, ob, p->id);
  if (r == NULL && answer != a)
    r = record_find(c, &c->got, a, ob, p->id);
  if (r == NULL)
    return 0;
  *received = r->day;
  return 1;
}

/* One obligation instance for the agency answerable for `a`. */
static int instance(struct ctx *c, const struct obligation *ob,
                    const struct cal_period *p, cal_day nominal, cal_day due,
                    const struct agency *a, const struct agency *answer)
{
  /* Two ended agencies with one successor owe it once. */
  if (seen_in_period(c, answer))
    return 0;
  cal_day received = 0;
  int got = received_on(c, ob, p, a, answer, &received);
  /* The picture of a past day is what was known that day: a report
   * received later had not arrived yet. */
  if (got && received > c->o->now)
    got = 0;

  /* The secretariat's grant, if any, moves the deadline or waives it —
   * from the day it was granted (the walk left out later ones). */
  const struct record *g = record_find(c, &c->granted, answer, ob, p->id);
  if (g == NULL && answer != a)
    g = record_find(c, &c->granted, a, ob, p->id);
  bool granted = g != NULL;
  cal_day original = due;
  if (granted && !g->exemption)
    due = g->day;

  enum finding_kind kind;
  int days;
  cal_day now = c->o->now;
  if (granted && g->exemption) {
    kind = FIND_EXEMPT;
    days = 0;
  } else if (due == MODEL_DUE_UNSET) {
    /* the plan left the date to an instruction that has not come */
    kind = got ? FIND_ON_TIME : FIND_AWAITING_DATE;
    days = 0;
  } else if (got) {
    kind = received <= due ? FIND_ON_TIME : FIND_LATE;
    days = received > due ? received - due : 0;
  } else if (now > due) {
    kind = FIND_OVERDUE;
    days = now - due;
  } else if (due - now <= c->soon) {
    kind = FIND_DUE_SOON;
    days = due - now;
  } else {
    kind = FIND_UPCOMING;
    days = due - now;
  }
  /* Only what was asked for is kept: without --all, what needs action. */
  if (!c->o->all && kind != FIND_OVERDUE && kind != FIND_DUE_SOON)
    return 0;
  struct finding *f = findings_add(c->out);
  if (f == NULL)
    return fail(c, "out of memory");
  f->kind = kind;
  f->j = c->j;
  f->obligation = ob;
  f->agency = answer;
  f->succeeded = answer != a ? a : NULL;
  f->period = *p;
  f->due = due;
  f->nominal_due = nominal;
  f->received = got ? received : 0;
  f->days = days;
  if (granted) {
    f->extended = !g->exemption;
    f->date_by_letter = f->extended && original == MODEL_DUE_UNSET;
    f->original_due = original;
    if ((f->letter = findings_keep(c->out, g->letter)) == NULL)
      return fail(c, "out of memory");
  }
  return 0;
}

/* Agency a owed this report but ended before its due day, and nobody
 * succeeded it: the duty does not vanish. A report it sent still counts
 * (history); otherwise the instance is `unassigned`, for the secretariat
 * to settle. */
static int unassigned_instance(struct ctx *c, const struct obligation *ob,
                               const struct cal_period *p, cal_day nominal,
                               cal_day due, const struct agency *a)
{
  cal_day received = 0;
  int got = received_on(c, ob, p, a, a, &received);
  if (got && received <= c->o->now)
    return instance(c, ob, p, nominal, due, a, a);
  if (seen_in_period(c, a))
    return 0;
  struct finding *f = findings_add(c->out);
  if (f == NULL)
    return fail(c, "out of memory");
  f->kind = FIND_UNASSIGNED;
  f->j = c->j;
  f->obligation = ob;
  f->agency = a;
  f->period = *p;
  f->due = due;
  f->nominal_due = nominal;
  f->days = c->o->now - due;
  return 0;
}

/* from: ob->from resolved to agencies (NULL: no such agency). */
static int period_instances(struct ctx *c, const struct obligation *ob,
                            const struct agency *const *from,
                            const struct schedule *s,
                            const struct cal_period *p)
{
  const struct jurisdiction *j = c->j;
  if (s->only && !(s->only & (1u << p->index)))
    return 0;
  if (p->start > ob->active_until || p->end < ob->active_from)
    return 0;
  cal_day nominal = model_schedule_due(s, p, &j->holidays);
  cal_day due = model_due_effective(j, ob->wording, nominal);
  /* A date still to be set: the periods of the window are owed, by whoever
   * owes them at the period's end. */
  bool unset = due == MODEL_DUE_UNSET;
  if (unset ? p->end < c->lo || p->start > c->hi : due < c->lo || due > c->hi)
    return 0;
  if (c->dry) {
    if (p->year < c->first_year)
      c->first_year = p->year;
    return 0;
  }
  cal_day on = unset ? p->end : due;

  c->serial++;
  if (ob->from_role) {
    const struct agency *a = model_holder(j, ob->from_role, on);
    if (a && instance(c, ob, p, nominal, due, a, a) != 0)
      return -1;
  }
  for (size_t i = 0; i < ob->n_from; i++) {
    const struct agency *a = from[i];
    const struct agency *answer = a ? model_answerable(j, a, on) : NULL;
    if (answer == NULL) {
      /* ended with no successor: reported; not yet started: not owed */
      if (a && a->valid_until < on &&
          unassigned_instance(c, ob, p, nominal, due, a) != 0)
        return -1;
      continue;
    }
    /* A successor that owes the report in its own right is not doubled. */
    if (answer != a && has_id(ob->from, ob->n_from, answer->id))
      continue;
    if (instance(c, ob, p, nominal, due, a, answer) != 0)
      return -1;
  }
  return 0;
}

static int obligation_instances(struct ctx *c, const struct obligation *ob)
{
  int y0, y1, m, d, rc = 0;
  const struct agency **from = malloc((ob->n_from ? ob->n_from : 1) *
                                      sizeof *from);
  if (from == NULL)
    return fail(c, "out of memory");
  for (size_t i = 0; i < ob->n_from; i++)
    from[i] = agency_by_id(c, ob->from[i]);
  cal_to_ymd(c->lo, &y0, &m, &d);
  cal_to_ymd(c->hi, &y1, &m, &d);
  for (size_t k = 0; k < ob->n_schedules && rc == 0; k++) {
    const struct schedule *s = &ob->schedules[k];
    struct cal_period p;
    if (s->kind == CAL_ONCE) {
      cal_to_ymd(s->due.fixed, &y0, &m, &d);
      if (cal_period_make(CAL_ONCE, y0, 0, &p) == 0)
        rc = period_instances(c, ob, from, s, &p);
      continue;
    }
    if (s->kind == CAL_WINDOW) {
      /* deadlines may fall a year before or after the window's year */
      for (int y = y0 - 1; y <= y1 + 1 && rc == 0; y++)
        if (cal_window_make(y, s->win_from_m, s->win_from_d, s->win_to_m,
                            s->win_to_d, &p) == 0)
          rc = period_instances(c, ob, from, s, &p);
      continue;
    }
    /* Deadlines come up to a year after their period ends (annual reports
     * due in the following spring), so start a year and a bit back. */
    cal_period_containing(s->kind, c->lo - 400, &p);
    while (p.start <= c->hi + 400 && rc == 0) {
      rc = period_instances(c, ob, from, s, &p);
      struct cal_period next;
      cal_period_next(&p, &next);
      p = next;
    }
  }
  free(from);
  return rc;
}

/* Every obligation's instances in the window: a first pass finds the
 * earliest period concerned, one walk per table reads what came in since,
 * and the second pass makes the instances. */
static int obligations(struct ctx *c)
{
  const struct jurisdiction *j = c->j;
  int rc = 0;
  c->dry = true;
  c->first_year = INT_MAX;
  for (size_t i = 0; i < j->n_obligations && rc == 0; i++)
    rc = obligation_instances(c, &j->obligations[i]);
  c->dry = false;
  if (rc != 0 || c->first_year == INT_MAX)
    return rc;
  c->mark = calloc(j->n_agencies ? j->n_agencies : 1, sizeof *c->mark);
  if (c->mark == NULL)
    rc = fail(c, "out of memory");
  else if (id_index_build(&c->agencies, j->agencies, j->n_agencies,
                          sizeof *j->agencies,
                          offsetof(struct agency, id)) != 0 ||
           id_index_build(&c->obligations, j->obligations, j->n_obligations,
                          sizeof *j->obligations,
                          offsetof(struct obligation, id)) != 0)
    rc = fail(c, "out of memory");
  if (rc == 0)
    rc = load_records(c);
  for (size_t i = 0; i < j->n_obligations && rc == 0; i++)
    rc = obligation_instances(c, &j->obligations[i]);
  free(c->mark);
  id_index_release(&c->agencies);
  id_index_release(&c->obligations);
  records_release(&c->got);
  records_release(&c->granted);
  return rc;
}

/* ---- indicators ----------------------------------------------------- */

struct series {
  const struct indicator *ind;
  struct cal_period *p; double *x, *y; size_t n, cap;
};

static int series_push(struct series *s, const struct cal_period *p,
                       double value)
{
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 16;
    struct cal_period *np = realloc(s->p, cap * sizeof *np);
    if (np == NULL)
      return -1;
    s->p = np;
    double *nx = realloc(s->x, cap * sizeof *nx);
    if (nx == NULL)
      return -1;
    s->x = nx;
    double *ny = realloc(s->y, cap * sizeof *ny);
    if (ny == NULL)
      return -1;
    s->y = ny;
    s->cap = cap;
  }
  s->p[s->n] = *p;
  s->x[s->n] = cal_period_axis(p);
  s->y[s->n] = value;
  s->n++;
  return 0;
}

static void series_release(struct series *s)
{
  free(s->p); free(s->x); free(s->y);
}

static int collect_observed(void *ctx, const struct store_observation *o)
{
  struct series *s = ctx;
  struct cal_period p;
  /* Values stored under a period id of another cadence are not this
   * indicator's; import validates ids, so skipping is only defensive. */
  if (cal_period_parse(s->ind->cadence, o->period, &p) != 0)
    return 0;
  /* The store refuses non-finite values; a row written by other means is
   * left out rather than allowed to poison the trend. */
  if (!isfinite(o->value))
    return 0;
  return series_push(s, &p, o->value) ? -2 : 0;
}

/* The values of ind for every period: observed, or num/den for a ratio
 * (the shares of the periods both series have). */
static int load_series(struct ctx *c, const struct indicator *ind,
                       struct series *s)
{
  memset(s, 0, sizeof *s);
  s->ind = ind;
  if (!ind->is_ratio) {
    int rc = store_observations_each(c->s, c->j->id, ind->id, c->j->id,
                                     collect_observed, s);
    return rc == -1 ? fail(c, store_errmsg(c->s))
           : rc == -2 ? fail(c, "out of memory") : 0;
  }
  struct series num, den;
  memset(&num, 0, sizeof num);
  memset(&den, 0, sizeof den);
  num.ind = den.ind = ind;
  int rc = store_observations_each(c->s, c->j->id, ind->num, c->j->id,
                                   collect_observed, &num);
  if (rc == 0)
    rc = store_observations_each(c->s, c->j->id, ind->den, c->j->id,
                                 collect_observed, &den);
  for (size_t i = 0; rc == 0 && i < num.n; i++) {
    size_t k = 0;                 /* a series has a value a year: short */
    while (k < den.n && strcmp(den.p[k].id, num.p[i].id) != 0)
      k++;
    double share = k < den.n && den.y[k] != 0
                   ? ind->scale * num.y[i] / den.y[k] : NAN;
    if (isfinite(share) && series_push(s, &num.p[i], share) != 0)
      rc = -2;
  }
  series_release(&num);
  series_release(&den);
  return rc == -1 ? fail(c, store_errmsg(c->s))
         : rc == -2 ? fail(c, "out of memory") : 0;
}

int evaluate_series(const struct jurisdiction *j, struct store *s,
                    const struct indicator *ind, struct cal_period **periods,
                    double **values, size_t *n, char *err, size_t errlen)
{
  struct ctx c = {.j = j, .s = s, .err = err, .errlen = errlen};
  struct series sr;
  *periods = NULL;
  *values = NULL;
  *n = 0;
  if (load_series(&c, ind, &sr) != 0) {
    series_release(&sr);
    return EVAL_ERR_STORE;
  }
  free(sr.x);
  *periods = sr.p;
  *values = sr.y;
  *n = sr.n;
  return 0;
}

int evaluate_fit_line(const double *x, const double *y, size_t n, double *a,
                      double *b)
{
  double mx = 0, my = 0, sxx = 0, sxy = 0;
  if (n < 2)
    return -1;
  /* Sums of squares of values near DBL_MAX overflow: such a fit has no
   * answer, and saying so beats a NaN in a finding. */
  for (size_t i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= (double)n;
  my /= (double)n;
  for (size_t i = 0; i < n; i++) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!isfinite(sxx) || !isfinite(sxy) || sxx < 1e-12)
    return -1;
  double slope = sxy / sxx, icept = my - slope * mx;
  if (!isfinite(slope) || !isfinite(icept))
    return -1;
  *b = slope;
  *a = icept;
  return 0;
}

/* Whether value meets goal: on it counts for at_least / at_most, only
 * strictly past it for above / below. */
static bool meets(enum direction d, double value, double goal)
{
  const double eps = 1e-9;
  switch (d) {
  case DIR_AT_MOST: return value <= goal + eps;
  case DIR_BELOW: return value < goal - eps;
  case DIR_ABOVE: return value > goal + eps;
  default: return value >= goal - eps;
  }
}

/* The straight path is a guide, not a threshold: on it is on track for
 * every direction. */
static bool meets_path(enum direction d, double value, double expected)
{
  return meets(model_direction_falls(d) ? DIR_AT_MOST : DIR_AT_LEAST, value,
               expected);
}

/* The latest period of ind's cadence whose value is due by now. */
static void latest_due_period(const struct ctx *c, const struct indicator *ind,
                              struct cal_period *out)
{
  struct cal_period p, prev;
  cal_period_containing(ind->cadence, c->o->now, &p);
  for (int guard = 0; guard < 60; guard++) {
    cal_day nominal = model_due_nominal(&ind->due, &p, &c->j->holidays);
    if (model_due_effective(c->j, WORDING_BY, nominal) < c->o->now)
      break;
    cal_period_prev(&p, &prev);
    p = prev;
  }
  *out = p;
}

static int indicator_status(struct ctx *c, const struct indicator *ind)
{
  const struct jurisdiction *j = c->j;
  struct cal_period p;
  struct series s;
  if (ind->n_targets == 0)            /* a data series feeding a ratio */
    return 0;
  latest_due_period(c, ind, &p);
  if (load_series(c, ind, &s) != 0) {
    series_release(&s);
    return -1;
  }

  double at = cal_period_axis(&p);
  const struct target *goal = &ind->targets[ind->n_targets - 1];
  for (size_t i = 0; i < ind->n_targets; i++)
    if (ind->targets[i].year >= (int)ceil(at - 1e-9)) {
      goal = &ind->targets[i];
      break;
    }

  struct finding f;
  memset(&f, 0, sizeof f);
  f.j = j;
  f.indicator = ind;
  f.period = p;
  f.agency = ind->lead ? model_holder(j, ind->lead, c->o->now) : NULL;
  f.has_target = true;
  f.target = goal->value;
  f.target_year = goal->year;
  f.target_year_from_plan = goal->year_from_plan;
  f.due = model_due_effective(j, WORDING_BY,
                              model_due_nominal(&ind->due, &p, &j->holidays));
  f.nominal_due = f.due;
  for (size_t i = 0; i < s.n; i++)
    if (strcmp(s.p[i].id, p.id) == 0) {
      f.has_value = true;
      f.value = s.y[i];
    }

  /* Where the straight path starts: the latest of the baseline and the
   * previous target before this target; else the first value known. */
  bool has_start = false;
  double sx = 0, sy = 0;
  if (ind->has_baseline && ind->baseline_year < goal->year) {
    has_start = true;
    sx = ind->baseline_year;
    sy = ind->baseline_value;
  }
  for (size_t i = 0; i < ind->n_targets; i++)
    if (ind->targets[i].year < goal->year && ind->targets[i].year >= sx) {
      has_start = true;
      sx = ind->targets[i].year;
      sy = ind->targets[i].value;
    }
  if (!has_start && s.n > 0 && s.x[0] < goal->year) {
    has_start = true;
    sx = s.x[0];
    sy = s.y[0];
  }
  /* A start that already meets the target asks only to stay there. */
  if (has_start && meets_path(ind->direction, sy, goal->value))
    sy = goal->value;
  if (has_start && ind->direction != DIR_YES_NO) {
    double t = (at - sx) / ((double)goal->year - sx);
    f.expected = sy + (goal->value - sy) * (t < 0 ? 0 : t > 1 ? 1 : t);
    f.has_expected = isfinite(f.expected);   /* extreme inputs: no path */
  }

  /* Projection: every known value, with the baseline as a first point. */
  if (ind->direction != DIR_YES_NO) {
    size_t n = s.n + (ind->has_baseline ? 1 : 0);
    double *x = malloc((n ? n : 1) * sizeof *x);
    double *y = malloc((n ? n : 1) * sizeof *y);
    double a, b;
    if (x == NULL || y == NULL) {
      free(x); free(y); series_release(&s);
      return fail(c, "out of memory");
    }
    size_t k = 0;
    if (ind->has_baseline) {
      x[k] = ind->baseline_year;
      y[k++] = ind->baseline_value;
    }
    for (size_t i = 0; i < s.n; i++) {
      x[k] = s.x[i];
      y[k++] = s.y[i];
    }
    if (evaluate_fit_line(x, y, k, &a, &b) == 0 &&
        isfinite(a + b * goal->year)) {
      f.has_projection = true;
      f.projected = a + b * goal->year;
      /* a share cannot leave 0–100%, however steep the trend */
      if (strcmp(ind->unit, "%") == 0)
        f.projected = f.projected < 0 ? 0 : f.projected > 100 ? 100
                                                               : f.projected;
      f.will_meet = meets(ind->direction, f.projected, goal->value);
    }
    free(x);
    free(y);
  }
  series_release(&s);

  /* A value missing for a period before the jurisdiction started
   * monitoring is not news (its monitor_from). */
  if (!f.has_value && j->monitor_from != CAL_DAY_MIN &&
      p.end < j->monitor_from)
    return 0;
  int year = (int)ceil(at - 1e-9);
  if (!f.has_value) {
    f.kind = FIND_NO_DATA;
    f.days = c->o->now - f.due;
  } else if (ind->direction == DIR_YES_NO) {
    f.kind = f.value != 0 ? FIND_ACHIEVED
             : year >= goal->year ? FIND_OFF_TRACK
             : goal->year - year <= 1 ? FIND_AT_RISK : FIND_ON_TRACK;
  } else if (meets(ind->direction, f.value, goal->value)) {
    f.kind = FIND_ACHIEVED;
  } else if (!f.has_expected || meets_path(ind->direction, f.value,
                                           f.expected)) {
    f.kind = f.has_expected ? FIND_ON_TRACK : FIND_OFF_TRACK;
  } else {
    double tol = ind->tolerance >= 0 ? ind->tolerance : j->policy.tolerance;
    double dist = fabs(goal->value - sy);
    double gap = fabs(f.value - f.expected);
    if (dist < 1e-12)
      dist = fabs(goal->value);
    /* isfinite: a gap too large to compute is off track, not at risk */
    f.kind = isfinite(gap) && gap <= tol * dist + 1e-9 ? FIND_AT_RISK
                                                        : FIND_OFF_TRACK;
  }
  if (!c->o->all && f.kind != FIND_NO_DATA && f.kind != FIND_AT_RISK &&
      f.kind != FIND_OFF_TRACK)
    return 0;
  struct finding *slot = findings_add(c->out);
  if (slot == NULL)
    return fail(c, "out of memory");
  *slot = f;
  return 0;
}

/* ---- campaigns ------------------------------------------------------ */

/* The window of cp that starts in year y, when it falls within the
 * campaign's active days. Windows never move for weekends or holidays. */
static bool campaign_window(const struct campaign *cp, int y,
                            struct cal_period *p)
{
  return cal_window_make(y, cp->from_m, cp->from_d, cp->to_m, cp->to_d,
                         p) == 0 &&
         p->start <= cp->active_until && p->end >= cp->active_from;
}

static int campaign_finding(struct ctx *c, const struct campaign *cp,
                            const struct cal_period *p)
{
  cal_day now = c->o->now;
  struct finding *f = findings_add(c->out);
  if (f == NULL)
    return fail(c, "out of memory");
  f->j = c->j;
  f->campaign = cp;
  f->period = *p;
  if (now < p->start) {
    f->kind = FIND_CAMPAIGN_UPCOMING;
    f->due = p->start;
    f->days = p->start - now;
  } else if (now <= p->end) {
    f->kind = FIND_CAMPAIGN_ACTIVE;
    f->due = p->end;
    f->days = p->end - now;
    f->window_day = now - p->start + 1;
  } else {
    f->kind = FIND_CAMPAIGN_ENDED;
    f->due = p->end;
    f->days = now - p->end;
  }
  f->nominal_due = f->due;
  return 0;
}

/* Each campaign around now: the window running (campaign_active), else the
 * next one when it opens by c->hi — within the policy's reminder window,
 * or a year ahead with --all (campaign_upcoming); with --all, also the last
 * one that ended, if it ended after c->lo (campaign_ended). */
static int campaign_findings(struct ctx *c)
{
  cal_day now = c->o->now;
  int y, m, d;
  cal_to_ymd(now, &y, &m, &d);
  for (size_t i = 0; i < c->j->n_campaigns; i++) {
    const struct campaign *cp = &c->j->campaigns[i];
    struct cal_period p, cur, last, next;
    bool active = false, has_last = false, has_next = false;
    /* a window that starts the year before may still run (15/12–15/01) */
    for (int yy = y - 1; yy <= y + 1; yy++) {
      if (!campaign_window(cp, yy, &p))
        continue;
      if (p.start <= now && now <= p.end) {
        cur = p;
        active = true;
      } else if (p.end < now) {
        last = p;
        has_last = true;
      } else if (!has_next) {
        next = p;
        has_next = true;
      }
    }
    if (active && campaign_finding(c, cp, &cur) != 0)
      return -1;
    if (!active && c->o->all && has_last && last.end >= c->lo &&
        campaign_finding(c, cp, &last) != 0)
      return -1;
    if (!active && has_next && next.start <= c->hi &&
        campaign_finding(c, cp, &next) != 0)
      return -1;
  }
  return 0;
}

/* ---- the whole jurisdiction ---------------------------------------- */

static int by_due(const void *a, const void *b)
{
  const struct finding *x = a, *y = b;
  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  int r = strcmp(x->agency->id, y->agency->id);
  return r ? r : strcmp(x->obligation->id, y->obligation->id);
}

/* Days before a deadline that count as "soon": the longest reminder lead. */
static int policy_soon(const struct jurisdiction *j)
{
  int soon = 0;
  for (size_t i = 0; i < j->policy.n_before; i++)
    if (j->policy.before[i] > soon)
      soon = j->policy.before[i];
  return soon;
}

void evaluate_window(const struct jurisdiction *j,
                     const struct eval_options *o, cal_day *lo, cal_day *hi)
{
  *lo = j->monitor_from != CAL_DAY_MIN ? j->monitor_from : o->now - 366;
  *hi = o->all ? o->now + 366 : o->now + policy_soon(j);
}

static int evaluate_in(struct ctx *c);

int evaluate_jurisdiction(const struct jurisdiction *j, struct store *s,
                          const struct eval_options *o, struct findings *out,
                          char *err, size_t errlen)
{
  struct ctx c = {.j = j, .s = s, .o = o, .out = out, .err = err,
                  .errlen = errlen};
  if (j->is_template)
    return 0;
  c.soon = policy_soon(j);
  evaluate_window(j, o, &c.lo, &c.hi);
  /* Every period from monitor_from on is an instance per agency: bound the
   * window, or a mistyped year makes millions of them. */
  if (o->now - c.lo > EVAL_MAX_YEARS * 366) {
    char from[CAL_DATE_LEN], now[CAL_DATE_LEN];
    cal_format(c.lo, from);
    cal_format(o->now, now);
    snprintf(err, errlen, "monitor_from %s is more than %d years before %s: "
             "dondoc looks back at most %d years (set a later monitor_from "
             "in the jurisdiction's rules)", from, EVAL_MAX_YEARS, now,
             EVAL_MAX_YEARS);
    return EVAL_ERR_RULES;
  }

  /* One read transaction for the whole jurisdiction (a part of the
   * caller's, inside run): every read sees the same data, and SQLite takes
   * its locks once instead of once per query. */
  if (store_savepoint(s) != 0) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return EVAL_ERR_STORE;
  }
  int rc = evaluate_in(&c);
  if (store_savepoint_release(s) != 0 && rc == 0) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    rc = EVAL_ERR_STORE;
  }
  return rc;
}

/* The jurisdiction's findings, inside its read transaction. */
static int evaluate_in(struct ctx *c)
{
  const struct jurisdiction *j = c->j;
  struct findings *out = c->out;
  if (campaign_findings(c) != 0)
    return EVAL_ERR_STORE;
  size_t first = out->n;
  if (obligations(c) != 0)
    return EVAL_ERR_STORE;
  if (out->n - first > 1)      /* out->v may still be NULL: no qsort(NULL) */
    qsort(out->v + first, out->n - first, sizeof *out->v, by_due);
  for (size_t i = 0; i < j->n_indicators; i++)
    if (indicator_status(c, &j->indicators[i]) != 0)
      return EVAL_ERR_STORE;
  return 0;
}
