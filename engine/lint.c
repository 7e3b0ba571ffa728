/*
 * lint.c — probable mistakes in rules that load (lint.h).
 *
 * Each check reads the model only and adds a diagnostic at the line of
 * the declaration to fix, with a code from the table in docs/rules.md.
 * None of them changes what dondoc does with the rules: they tell the
 * officer what the rules probably did not mean.
 */
#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "legal_calendar.h"

static bool in_list(char *const *v, size_t n, const char *id)
{
  for (size_t i = 0; i < n; i++)
    if (v[i] && strcmp(v[i], id) == 0)
      return true;
  return false;
}

static bool same(const char *a, const char *b)
{
  return a && b && strcmp(a, b) == 0;
}

/* Every agency or role id that something in j names (from, to, lead,
 * support, successor, a role's holders), sorted for bsearch: one pass
 * instead of a scan of every list per agency (a province's obligations
 * list hundreds of communes each). The strings are j's; v is malloc'd. */
struct names { const char **v; size_t n, cap; };

static int names_add(struct names *nm, const char *id)
{
  if (id == NULL)
    return 0;
  if (nm->n == nm->cap) {
    size_t ncap = nm->cap ? nm->cap * 2 : 64;
    const char **nv = realloc(nm->v, ncap * sizeof *nv);
    if (nv == NULL)
      return -1;
    nm->v = nv;
    nm->cap = ncap;
  }
  nm->v[nm->n++] = id;
  return 0;
}

static int names_add_all(struct names *nm, char *const *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (names_add(nm, v[i]) != 0)
      return -1;
  return 0;
}

static int cmp_name(const void *x, const void *y)
{
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int referenced_names(const struct jurisdiction *j, struct names *nm)
{
  int rc = 0;
  memset(nm, 0, sizeof *nm);
  for (size_t i = 0; i < j->n_obligations && rc == 0; i++) {
    const struct obligation *o = &j->obligations[i];
    rc = names_add_all(nm, o->from, o->n_from) ||
         names_add_all(nm, o->to, o->n_to) || names_add(nm, o->from_role);
  }
  for (size_t i = 0; i < j->n_indicators && rc == 0; i++) {
    const struct indicator *ind = &j->indicators[i];
    rc = names_add(nm, ind->lead) ||
         names_add_all(nm, ind->support, ind->n_support);
  }
  for (size_t i = 0; i < j->n_agencies && rc == 0; i++)
    rc = names_add(nm, j->agencies[i].successor);
  for (size_t i = 0; i < j->n_roles && rc == 0; i++)
    for (size_t k = 0; k < j->roles[i].n_terms && rc == 0; k++)
      rc = names_add(nm, j->roles[i].terms[k].agency);
  if (rc != 0) {
    free(nm->v);
    return -1;
  }
  if (nm->n)
    qsort(nm->v, nm->n, sizeof *nm->v, cmp_name);
  return 0;
}

/* Whether anything in j names agency or role `id`. */
static bool referenced(const struct names *nm, const char *id)
{
  return nm->n && bsearch(&id, nm->v, nm->n, sizeof *nm->v, cmp_name);
}

/* The first obligation agency a owes, directly or through a role it
 * holds at some time; NULL when it owes none. */
static const struct obligation *owed_by(const struct jurisdiction *j,
                                        const struct agency *a)
{
  for (size_t i = 0; i < j->n_obligations; i++) {
    const struct obligation *o = &j->obligations[i];
    if (in_list(o->from, o->n_from, a->id))
      return o;
    const struct role *r = o->from_role ? model_role(j, o->from_role) : NULL;
    for (size_t k = 0; r && k < r->n_terms; k++)
      if (same(r->terms[k].agency, a->id))
        return o;
  }
  return NULL;
}

static int lint_agencies(struct jurisdiction *j, const struct names *nm)
{
  for (size_t i = 0; i < j->n_agencies; i++) {
    const struct agency *a = &j->agencies[i];
    if (a->id == NULL)
      continue;
    if (!referenced(nm, a->id) && !a->member &&
        model_add_diag(j, "unused-agency", false, a->where, "agency '%s' is "
                       "declared but nothing refers to it (no from, to, "
                       "lead, support, successor or role names it, and it "
                       "is not a member)", a->id) != 0)
      return -1;
    const struct obligation *o;
    if (a->email == NULL && a->email_error == NULL &&
        (o = owed_by(j, a)) != NULL &&
        model_add_diag(j, "agency-without-email", false, a->where, "agency "
                       "'%s' owes '%s' but has no email: its reminders can "
                       "only be listed in the digest (email = \"\" says so "
                       "on purpose)", a->id, o->id) != 0)
      return -1;
    /* a successor chain that comes back to a: reported once, at the
     * cycle's first-declared agency */
    const struct agency *b = model_agency(j, a->successor ? a->successor
                                                          : "");
    bool lowest = true;
    for (size_t hops = 0; b && b != a && hops < j->n_agencies; hops++) {
      lowest &= b > a;
      b = b->successor ? model_agency(j, b->successor) : NULL;
    }
    if (b == a && lowest &&
        model_add_diag(j, "successor-cycle", true, a->where, "agency '%s': "
                       "its successors lead back to it, so nobody answers "
                       "for its duties once they have all ended", a->id) != 0)
      return -1;
  }
  return 0;
}

static int cmp_term(const void *x, const void *y)
{
  const struct role_term *a = x, *b = y;
  return (a->from > b->from) - (a->from < b->from);
}

static int lint_roles(struct jurisdiction *j, const struct names *nm)
{
  for (size_t i = 0; i < j->n_roles; i++) {
    const struct role *r = &j->roles[i];
    if (r->id == NULL)
      continue;
    if (!referenced(nm, r->id) &&
        model_add_diag(j, "unused-role", false, r->where, "role '%s' is "
                       "declared but no obligation or indicator names it",
                       r->id) != 0)
      return -1;
    if (r->n_terms < 2)
      continue;
    struct role_term *t = malloc(r->n_terms * sizeof *t);
    if (t == NULL)
      return -1;
    memcpy(t, r->terms, r->n_terms * sizeof *t);
    qsort(t, r->n_terms, sizeof *t, cmp_term);
    int rc = 0;
    for (size_t k = 1; k < r->n_terms && rc == 0; k++) {
      char a[CAL_DATE_LEN], b[CAL_DATE_LEN];
      if (t[k - 1].to == CAL_DAY_MAX || t[k].from == CAL_DAY_MIN)
        continue;
      if (t[k].from > t[k - 1].to + 1) {
        cal_format(t[k - 1].to + 1, a);
        cal_format(t[k].from - 1, b);
        rc = model_add_diag(j, "role-gap", false, r->where, "role '%s' has "
                            "nobody from %s to %s", r->id, a, b);
      } else if (t[k].from <= t[k - 1].to) {
        cal_format(t[k].from, a);
        cal_format(t[k - 1].to, b);
        rc = model_add_diag(j, "role-overlap", false, r->where, "role '%s' "
                            "has two holders from %s to %s ('%s' and '%s'); "
                            "the first listed is used", r->id, a, b,
                            t[k - 1].agency, t[k].agency);
      }
    }
    free(t);
    if (rc != 0)
      return -1;
  }
  return 0;
}

/* The period of `kind` a check looks at: the one where monitoring starts,
 * else the one of 1 July 2025 (any period shows where a due date falls). */
static void sample_period(const struct jurisdiction *j,
                          enum cal_period_kind kind, struct cal_period *p)
{
  cal_day d;
  if (j->monitor_from != CAL_DAY_MIN)
    d = j->monitor_from;
  else if (cal_from_ymd(2025, 7, 1, &d) != 0)
    d = 0;
  cal_period_containing(kind, d, p);
}

static int lint_obligations(struct jurisdiction *j)
{
  for (size_t i = 0; i < j->n_obligations; i++) {
    const struct obligation *o = &j->obligations[i];
    if (o->id == NULL || o->campaign)    /* campaigns' reports: decls.c */
      continue;
    if (o->n_from == 0 && o->from_role == NULL &&
        model_add_diag(j, "nobody-owes", false, o->where, "obligation '%s': "
                       "`from` selects no agency, so nobody owes it",
                       o->id) != 0)
      return -1;
    if (o->n_to == 0 &&
        model_add_diag(j, "nobody-receives", false, o->where, "obligation "
                       "'%s' has no `to`: say who receives the report (role "
                       "\"secretariat\" …)", o->id) != 0)
      return -1;
    for (size_t k = 0; k < o->n_schedules; k++) {
      const struct schedule *s = &o->schedules[k];
      struct cal_period p;
      if (s->kind == CAL_ONCE || s->kind == CAL_WINDOW ||
          s->due.base == DUE_AS_INSTRUCTED || s->due.base == DUE_FIXED)
        continue;
      sample_period(j, s->kind, &p);
      cal_day due = model_due_nominal(&s->due, &p, &j->holidays);
      char d[CAL_DATE_LEN];
      cal_format(due, d);
      if (due < p.start &&
          model_add_diag(j, "due-before-period", false, o->where,
                         "obligation '%s': the %s %s is due %s, before it "
                         "starts", o->id, cal_period_kind_name(s->kind), p.id,
                         d) != 0)
        return -1;
      if (due > p.end + 366 &&
          model_add_diag(j, "due-after-period", false, o->where,
                         "obligation '%s': the %s %s is due %s, more than a "
                         "year after it ends", o->id,
                         cal_period_kind_name(s->kind), p.id, d) != 0)
        return -1;
    }
  }
  return 0;
}

static int lint_indicators(struct jurisdiction *j)
{
  for (size_t i = 0; i < j->n_indicators; i++) {
    const struct indicator *ind = &j->indicators[i];
    if (ind->id == NULL || ind->n_targets == 0)
      continue;
    if (!ind->direction_given &&
        model_add_diag(j, "target-without-direction", false, ind->where,
                       "indicator '%s' has targets but no direction: "
                       "at_least is assumed (say at_least, at_most, above, "
                       "below or yes_no)", ind->id) != 0)
      return -1;
    if (ind->has_baseline && ind->targets[0].year < ind->baseline_year &&
        model_add_diag(j, "target-before-baseline", false, ind->where,
                       "indicator '%s': a target for %d comes before its "
                       "baseline (%d)", ind->id, ind->targets[0].year,
                       ind->baseline_year) != 0)
      return -1;
  }
  return 0;
}

/* The years the rules themselves are about (monitor_from to plan_end)
 * whose holidays are only computed: deadlines in them may move on a day
 * the real schedule does not. */
static int lint_holidays(struct jurisdiction *j)
{
  int y0, y1, m, d;
  if (j->monitor_from == CAL_DAY_MIN)
    return 0;
  cal_to_ymd(j->monitor_from, &y0, &m, &d);
  y1 = j->plan_end > y0 ? j->plan_end : y0;
  const char *where = j->where ? j->where : j->dir;
  for (int y = y0; y <= y1; y++)
    if (!cal_holidays_announced(&j->holidays, y) &&
        model_add_diag(j, "holiday-year-missing", false, where, "%d is in "
                       "the plan (monitor_from … plan_end) but has no "
                       "announced civil-service schedule in rules/law: its "
                       "holidays are computed from the Labour Code", y) != 0)
      return -1;
  return 0;
}

int lint_jurisdiction(struct jurisdiction *j)
{
  if (j->is_template)
    return 0;
  struct names nm;
  if (referenced_names(j, &nm) != 0)
    return -1;
  int rc = lint_agencies(j, &nm) || lint_roles(j, &nm) ||
           lint_obligations(j) || lint_indicators(j) || lint_holidays(j);
  free(nm.v);
  return rc ? -1 : 0;
}
