/*
 * output.c — render findings as the contract's JSON or a readable table.
 */
#include "output.h"

#include <string.h>
#include <jansson.h>

#include "messages.h"

static json_t *date_or_null(cal_day d, bool present)
{
  char buf[CAL_DATE_LEN];
  if (!present)
    return json_null();
  cal_format(d, buf);
  return json_string(buf);
}

static json_t *number_or_null(double v, bool present)
{
  return present ? json_real(v) : json_null();
}

/* The parent's target for the same year ("TW" beside the local one). */
static bool parent_target(const struct indicator *ind, int year, double *v)
{
  for (size_t i = 0; i < ind->n_parent_targets; i++)
    if (ind->parent_targets[i].year == year) {
      *v = ind->parent_targets[i].value;
      return true;
    }
  return false;
}

static json_t *finding_json(const struct finding *f)
{
  char msg[2048];
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  message_for_finding(f, msg, sizeof msg);
  int bad = 0;
  bad |= json_object_set_new(o, "kind", json_string(finding_kind_name(f->kind)));
  bad |= json_object_set_new(o, "jurisdiction", json_string(f->j->id));
  bad |= json_object_set_new(o, "agency",
                             f->agency ? json_string(f->agency->id)
                                       : json_null());
  if (f->obligation) {
    bad |= json_object_set_new(o, "obligation", json_string(f->obligation->id));
    bad |= json_object_set_new(o, "title", json_string(f->obligation->title));
    if (f->succeeded)
      bad |= json_object_set_new(o, "on_behalf_of",
                                 json_string(f->succeeded->id));
  } else {
    const struct indicator *ind = f->indicator;
    double pt;
    bad |= json_object_set_new(o, "indicator", json_string(ind->id));
    bad |= json_object_set_new(o, "title", json_string(ind->title));
    bad |= json_object_set_new(o, "unit", json_string(ind->unit));
    bad |= json_object_set_new(o, "direction",
                               json_string(model_direction_name(ind->direction)));
    bad |= json_object_set_new(o, "value", number_or_null(f->value, f->has_value));
    bad |= json_object_set_new(o, "target", json_real(f->target));
    bad |= json_object_set_new(o, "target_year", json_integer(f->target_year));
    bad |= json_object_set_new(o, "expected",
                               number_or_null(f->expected, f->has_expected));
    bad |= json_object_set_new(o, "projected",
                               number_or_null(f->projected, f->has_projection));
    bad |= json_object_set_new(o, "parent_target",
                               number_or_null(pt = 0, false));
    if (parent_target(ind, f->target_year, &pt))
      bad |= json_object_set_new(o, "parent_target", json_real(pt));
  }
  bad |= json_object_set_new(o, "period", json_string(f->period.id));
  bad |= json_object_set_new(o, "due", date_or_null(f->due, true));
  if (f->obligation && f->nominal_due != f->due)
    bad |= json_object_set_new(o, "nominal_due", date_or_null(f->nominal_due, true));
  if (f->kind == FIND_ON_TIME || f->kind == FIND_LATE)
    bad |= json_object_set_new(o, "received", date_or_null(f->received, true));
  bad |= json_object_set_new(o, "days", json_integer(f->days));
  bad |= json_object_set_new(o, "message", json_string(msg));
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

int output_findings_json(FILE *out, const struct findings *f)
{
  json_t *arr = json_array();
  if (arr == NULL)
    return -1;
  for (size_t i = 0; i < f->n; i++) {
    json_t *o = finding_json(&f->v[i]);
    if (o == NULL || json_array_append_new(arr, o) != 0) {
      json_decref(arr);
      return -1;
    }
  }
  int rc = json_dumpf(arr, out, JSON_INDENT(2) |
                                JSON_REAL_PRECISION(6));
  json_decref(arr);
  if (rc == 0 && fputc('\n', out) == EOF)
    rc = -1;
  return rc;
}

int output_findings_table(FILE *out, const struct findings *f, cal_day now)
{
  char today[CAL_DATE_LEN], msg[2048];
  const struct jurisdiction *cur = NULL;
  size_t counts[FIND_ACHIEVED + 1] = {0};

  cal_format_vn(now, today);
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (x->j != cur) {
      cur = x->j;
      fprintf(out, "\n%s — tình hình ngày %s\n", cur->name, today);
      if (cur->plan)
        fprintf(out, "(%s)\n", cur->plan);
    }
    counts[x->kind]++;
    message_for_finding(x, msg, sizeof msg);
    fprintf(out, "  %-9s %-12s %s\n", finding_kind_name(x->kind),
            x->obligation ? x->obligation->id : x->indicator->id, msg);
  }
  if (f->n == 0)
    fprintf(out, "Không có việc quá hạn, sắp đến hạn hay chỉ tiêu chậm "
            "tiến độ ngày %s.\n", today);
  fprintf(out, "\n");
  int first = 1;
  for (int k = 0; k <= FIND_ACHIEVED; k++)
    if (counts[k]) {
      fprintf(out, "%s%zu %s", first ? "" : ", ", counts[k],
              finding_kind_name((enum finding_kind)k));
      first = 0;
    }
  if (!first)
    fprintf(out, "\n");
  return ferror(out) ? -1 : 0;
}
