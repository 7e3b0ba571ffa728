/*
 * model.c — lookups over a jurisdiction and the meaning of its deadlines.
 *
 * The one place that decides what "due" means: the period's nominal date
 * from the rule's due expression, then the plan's wording as the policy
 * reads it, then the shift when the last day is not a working day (by
 * default Civil Code 2015 art. 148: the next working day).
 */
#include "model.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_strv(char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

void model_jurisdiction_release(struct jurisdiction *j)
{
  free(j->where);
  for (size_t i = 0; i < j->n_agencies; i++) {
    struct agency *a = &j->agencies[i];
    free(a->id); free(a->name); free(a->kind); free(a->email);
    free(a->head_email); free(a->successor); free(a->where);
    free(a->email_error); free(a->head_email_error);
  }
  free(j->agencies);
  for (size_t i = 0; i < j->n_roles; i++) {
    struct role *r = &j->roles[i];
    for (size_t k = 0; k < r->n_terms; k++)
      free(r->terms[k].agency);
    free(r->terms); free(r->id); free(r->where);
  }
  free(j->roles);
  for (size_t i = 0; i < j->n_obligations; i++) {
    struct obligation *o = &j->obligations[i];
    free(o->id); free(o->title); free(o->basis); free(o->where);
    free(o->campaign); free(o->from_role);
    free_strv(o->to, o->n_to);
    free_strv(o->from, o->n_from);
    for (size_t k = 0; k < o->n_schedules; k++)
      free(o->schedules[k].dates);
    free(o->schedules);
  }
  free(j->obligations);
  for (size_t i = 0; i < j->n_indicators; i++) {
    struct indicator *ind = &j->indicators[i];
    free(ind->id); free(ind->title); free(ind->unit); free(ind->goal);
    free(ind->basis); free(ind->where); free(ind->lead);
    free(ind->num); free(ind->den);
    free_strv(ind->support, ind->n_support);
    free(ind->targets); free(ind->parent_targets);
  }
  free(j->indicators);
  for (size_t i = 0; i < j->n_campaigns; i++) {
    struct campaign *c = &j->campaigns[i];
    free(c->id); free(c->title); free(c->basis); free(c->where);
  }
  free(j->campaigns);
  free(j->policy.digest);
  free(j->texts.subject_prefix); free(j->texts.greeting);
  free(j->texts.intro); free(j->texts.closing); free(j->texts.signature);
  cal_holidays_release(&j->holidays);
  for (size_t i = 0; i < j->n_diags; i++)
    free(j->diags[i].message);
  free(j->diags);
  free(j->id); free(j->name); free(j->parent); free(j->plan); free(j->dir);
  free(j->agency_ix.v); free(j->obligation_ix.v); free(j->indicator_ix.v);
  memset(j, 0, sizeof *j);
}

size_t model_diag_errors(const struct jurisdiction *j)
{
  size_t n = 0;
  for (size_t i = 0; i < j->n_diags; i++)
    n += j->diags[i].error;
  return n;
}

int model_add_diag(struct jurisdiction *j, const char *code, bool error,
                   const char *where, const char *fmt, ...)
{
  char msg[600], full[900];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(full, sizeof full, "%s: %s: %s [%s]", where ? where : "?",
           error ? "error" : "warning", msg, code);
  struct rule_diag *nd = realloc(j->diags, (j->n_diags + 1) * sizeof *nd);
  if (nd == NULL)
    return -1;
  j->diags = nd;
  if ((nd[j->n_diags].message = strdup(full)) == NULL)
    return -1;
  nd[j->n_diags].error = error;
  nd[j->n_diags++].code = code;
  return 0;
}

/* ---- lookups by id ------------------------------------------------------ */

/* By id, then by index, so that the first of equal ids comes first. */
static int id_entry_cmp(const void *x, const void *y)
{
  const struct model_id_entry *a = x, *b = y;
  int c = strcmp(a->id, b->id);
  return c ? c : (a->i > b->i) - (a->i < b->i);
}

static int id_key_cmp(const void *key, const void *y)
{
  return strcmp(key, ((const struct model_id_entry *)y)->id);
}

/* Index n items of `size` bytes from base whose id is the char * at
 * id_offset; items without an id (a failed conversion) are left out. */
static int index_build(struct model_id_index *ix, const void *base, size_t n,
                       size_t size, size_t id_offset)
{
  free(ix->v);
  ix->v = NULL;
  ix->n = 0;
  if (n == 0)
    return 0;
  if ((ix->v = malloc(n * sizeof *ix->v)) == NULL)
    return -1;
  for (size_t i = 0; i < n; i++) {
    const char *id;
    memcpy(&id, (const char *)base + i * size + id_offset, sizeof id);
    if (id)
      ix->v[ix->n++] = (struct model_id_entry){.id = id, .i = i};
  }
  qsort(ix->v, ix->n, sizeof *ix->v, id_entry_cmp);
  return 0;
}

/* The index of the first item with this id in ix; -1 when none. */
static long index_find(const struct model_id_index *ix, const char *id)
{
  const struct model_id_entry *e =
    bsearch(id, ix->v, ix->n, sizeof *ix->v, id_key_cmp);
  if (e == NULL)
    return -1;
  while (e > ix->v && strcmp(e[-1].id, id) == 0)
    e--;
  return (long)e->i;
}

int model_index_agencies(struct jurisdiction *j)
{
  return index_build(&j->agency_ix, j->agencies, j->n_agencies,
                     sizeof *j->agencies, offsetof(struct agency, id));
}

int model_index_obligations(struct jurisdiction *j)
{
  return index_build(&j->obligation_ix, j->obligations, j->n_obligations,
                     sizeof *j->obligations, offsetof(struct obligation, id));
}

int model_index_indicators(struct jurisdiction *j)
{
  return index_build(&j->indicator_ix, j->indicators, j->n_indicators,
                     sizeof *j->indicators, offsetof(struct indicator, id));
}

const struct agency *model_agency(const struct jurisdiction *j, const char *id)
{
  if (j->agency_ix.v) {
    long k = index_find(&j->agency_ix, id);
    return k < 0 ? NULL : &j->agencies[k];
  }
  for (size_t i = 0; i < j->n_agencies; i++)
    if (j->agencies[i].id && strcmp(j->agencies[i].id, id) == 0)
      return &j->agencies[i];
  return NULL;
}

const struct role *model_role(const struct jurisdiction *j, const char *id)
{
  for (size_t i = 0; i < j->n_roles; i++)
    if (j->roles[i].id && strcmp(j->roles[i].id, id) == 0)
      return &j->roles[i];
  return NULL;
}

const struct obligation *model_obligation(const struct jurisdiction *j,
                                          const char *id)
{
  if (j->obligation_ix.v) {
    long k = index_find(&j->obligation_ix, id);
    return k < 0 ? NULL : &j->obligations[k];
  }
  for (size_t i = 0; i < j->n_obligations; i++)
    if (j->obligations[i].id && strcmp(j->obligations[i].id, id) == 0)
      return &j->obligations[i];
  return NULL;
}

const struct indicator *model_indicator(const struct jurisdiction *j,
                                        const char *id)
{
  if (j->indicator_ix.v) {
    long k = index_find(&j->indicator_ix, id);
    return k < 0 ? NULL : &j->indicators[k];
  }
  for (size_t i = 0; i < j->n_indicators; i++)
    if (j->indicators[i].id && strcmp(j->indicators[i].id, id) == 0)
      return &j->indicators[i];
  return NULL;
}

const struct campaign *model_campaign(const struct jurisdiction *j,
                                      const char *id)
{
  for (size_t i = 0; i < j->n_campaigns; i++)
    if (strcmp(j->campaigns[i].id, id) == 0)
      return &j->campaigns[i];
  return NULL;
}

bool model_agency_valid(const struct agency *a, cal_day d)
{
  return a->valid_from <= d && d <= a->valid_until;
}

const struct agency *model_holder(const struct jurisdiction *j, const char *id,
                                  cal_day d)
{
  const struct role *r = model_role(j, id);
  if (r == NULL)
    return model_agency(j, id);
  for (size_t k = 0; k < r->n_terms; k++)
    if (r->terms[k].from <= d && d <= r->terms[k].to)
      return model_agency(j, r->terms[k].agency);
  return NULL;
}

const struct agency *model_answerable(const struct jurisdiction *j,
                                      const struct agency *a, cal_day d)
{
  /* Successor chains are short; the bound stops a cycle in bad rules. */
  for (int hops = 0; a != NULL && hops < 16; hops++) {
    if (model_agency_valid(a, d))
      return a;
    if (d < a->valid_from || a->successor == NULL)
      return NULL;
    a = model_agency(j, a->successor);
  }
  return NULL;
}

static cal_day day_in_year(int year, int month, int day)
{
  cal_day d;
  /* 29 February in a common year means the last day of February. */
  if (cal_from_ymd(year, month, day, &d) != 0)
    (void)cal_from_ymd(year, month, day - 1, &d);
  return d;
}

cal_day model_due_nominal(const struct due_spec *due,
                          const struct cal_period *p,
                          const struct cal_holidays *h)
{
  int y, m, d;
  cal_day edge;
  switch (due->base) {
  case DUE_AS_INSTRUCTED:
    return MODEL_DUE_UNSET;
  case DUE_FIXED:
    return due->fixed;
  case DUE_MONTH_DAY:
    cal_to_ymd(p->end, &y, &m, &d);
    return day_in_year(y + due->year_offset, due->month, due->day);
  case DUE_FROM_END:
  case DUE_FROM_START:
    edge = due->base == DUE_FROM_END ? p->end : p->start;
    return due->working_days ? cal_add_working_days(h, edge, due->offset)
                             : edge + due->offset;
  }
  return p->end;
}

cal_day model_schedule_due(const struct schedule *s,
                           const struct cal_period *p,
                           const struct cal_holidays *h)
{
  for (size_t i = 0; i < s->n_dates; i++)
    if (strcmp(s->dates[i].period, p->id) == 0)
      return s->dates[i].day;
  return model_due_nominal(&s->due, p, h);
}

cal_day model_due_effective(const struct jurisdiction *j, enum wording w,
                            cal_day nominal)
{
  if (nominal == MODEL_DUE_UNSET)
    return nominal;
  cal_day d = nominal;
  if (w == WORDING_BEFORE && j->policy.before_is_day_before)
    d--;
  switch (j->policy.deadline_shift) {
  case SHIFT_NEXT_WORKING_DAY:
    return cal_next_working_day(&j->holidays, d);
  case SHIFT_PREVIOUS_WORKING_DAY:
    return cal_previous_working_day(&j->holidays, d);
  case SHIFT_NONE:
    break;
  }
  return d;
}

bool model_direction_falls(enum direction d)
{
  return d == DIR_AT_MOST || d == DIR_BELOW;
}

const char *model_direction_name(enum direction d)
{
  static const char *const names[] = {
    [DIR_AT_LEAST] = "at_least", [DIR_AT_MOST] = "at_most",
    [DIR_YES_NO] = "yes_no", [DIR_ABOVE] = "above", [DIR_BELOW] = "below",
  };
  return names[d];
}

const char *model_wording_name(enum wording w)
{
  return w == WORDING_BEFORE ? "before" : w == WORDING_ON ? "on" : "by";
}
