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

const struct agency *model_agency(const struct jurisdiction *j, const char *id)
{
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
  for (size_t i = 0; i < j->n_obligations; i++)
    if (j->obligations[i].id && strcmp(j->obligations[i].id, id) == 0)
      return &j->obligations[i];
  return NULL;
}

const struct indicator *model_indicator(const struct jurisdiction *j,
                                        const char *id)
{
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
