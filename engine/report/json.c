/*
 * json.c — the report as JSON (report.h; the shape is in docs/report.md):
 * the same data as the page, with machine numbers (a decimal point, 15
 * significant digits), ISO dates, status ids as `check --json` names
 * them, and the appendix rows.
 */
#include "report.h"

#include <stdlib.h>
#include <jansson.h>

#include "messages.h"

/* Every json_*_set_new result is OR-ed into *bad, and checked once. */
static void put(json_t *o, const char *key, json_t *v, int *bad)
{
  *bad |= v == NULL || json_object_set_new(o, key, v) != 0;
}

static void push(json_t *a, json_t *v, int *bad)
{
  *bad |= v == NULL || json_array_append_new(a, v) != 0;
}

static json_t *date_or_null(cal_day d)
{
  char buf[CAL_DATE_LEN];
  if (d == MODEL_DUE_UNSET || d == 0)
    return json_null();
  cal_format(d, buf);
  return json_string(buf);
}

static json_t *str_or_null(const char *s)
{
  return s ? json_string(s) : json_null();
}

static json_t *item_json(const struct finding *f, int *bad)
{
  json_t *o = json_object();
  if (o == NULL) {
    *bad = 1;
    return NULL;
  }
  put(o, "obligation", json_string(f->obligation->id), bad);
  put(o, "title", json_string(f->obligation->title), bad);
  put(o, "period", json_string(f->period.id), bad);
  put(o, "status", json_string(finding_kind_name(f->kind)), bad);
  put(o, "due", date_or_null(f->due), bad);
  put(o, "received", f->kind == FIND_ON_TIME || f->kind == FIND_LATE
                     ? date_or_null(f->received) : json_null(), bad);
  put(o, "days", json_integer(f->days), bad);
  put(o, "on_behalf_of", f->succeeded ? json_string(f->succeeded->id)
                                      : json_null(), bad);
  put(o, "letter", f->letter && (f->extended || f->kind == FIND_EXEMPT)
                   ? json_string(f->letter) : json_null(), bad);
  return o;
}

static json_t *agency_json(const struct report_agency *a, int *bad)
{
  json_t *o = json_object(), *items = json_array();
  double rate;
  if (o == NULL || items == NULL) {
    json_decref(o);
    json_decref(items);
    *bad = 1;
    return NULL;
  }
  put(o, "agency", json_string(a->agency->id), bad);
  put(o, "name", json_string(a->agency->name), bad);
  put(o, "on_time", json_integer((json_int_t)a->on_time), bad);
  put(o, "late", json_integer((json_int_t)a->late), bad);
  put(o, "overdue", json_integer((json_int_t)a->overdue), bad);
  put(o, "on_time_rate", report_rate(a, &rate) ? json_real(rate)
                                                : json_null(), bad);
  for (size_t i = 0; i < a->n_items; i++)
    push(items, item_json(a->items[i], bad), bad);
  put(o, "reports", items, bad);
  return o;
}

static json_t *point_json(const struct report_point *p, int *bad)
{
  json_t *o = json_object();
  if (o == NULL) {
    *bad = 1;
    return NULL;
  }
  put(o, "period", json_string(p->period.id), bad);
  put(o, "value", json_real(p->y), bad);
  return o;
}

static json_t *indicator_json(const struct report_indicator *ri, int *bad)
{
  const struct indicator *ind = ri->ind;
  const struct finding *st = ri->status;
  json_t *o = json_object(), *series = json_array(), *targets = json_array();
  if (o == NULL || series == NULL || targets == NULL) {
    json_decref(o);
    json_decref(series);
    json_decref(targets);
    *bad = 1;
    return NULL;
  }
  put(o, "indicator", json_string(ind->id), bad);
  put(o, "title", json_string(ind->title), bad);
  put(o, "goal", str_or_null(ind->goal), bad);
  put(o, "unit", json_string(ind->unit), bad);
  put(o, "direction", json_string(model_direction_name(ind->direction)),
      bad);
  put(o, "cadence", json_string(cal_period_kind_name(ind->cadence)), bad);
  put(o, "lead", ri->lead ? json_string(ri->lead->id) : json_null(), bad);
  put(o, "lead_name", ri->lead ? json_string(ri->lead->name) : json_null(),
      bad);
  put(o, "status", st ? json_string(finding_kind_name(st->kind))
                      : json_null(), bad);
  put(o, "period", st ? json_string(st->period.id) : json_null(), bad);
  put(o, "value", st && st->has_value ? json_real(st->value) : json_null(),
      bad);
  put(o, "expected", st && st->has_expected ? json_real(st->expected)
                                            : json_null(), bad);
  put(o, "projected", st && st->has_projection ? json_real(st->projected)
                                               : json_null(), bad);
  put(o, "will_meet", st && st->has_projection ? json_boolean(st->will_meet)
                                               : json_null(), bad);
  put(o, "target", json_real(ri->goal_value), bad);
  put(o, "target_year", json_integer(ri->goal_year), bad);
  put(o, "latest", ri->n_series ? point_json(&ri->series[ri->n_series - 1],
                                             bad) : json_null(), bad);
  if (ind->has_baseline) {
    json_t *b = json_object();
    put(o, "baseline", b, bad);
    if (b) {
      put(b, "year", json_integer(ind->baseline_year), bad);
      put(b, "value", json_real(ind->baseline_value), bad);
    }
  } else {
    put(o, "baseline", json_null(), bad);
  }
  for (size_t i = 0; i < ri->n_targets; i++) {
    const struct report_target *t = &ri->targets[i];
    json_t *x = json_object();
    if (x) {
      put(x, "year", json_integer(t->year), bad);
      put(x, "value", json_real(t->value), bad);
      put(x, "national", t->has_parent ? json_real(t->parent) : json_null(),
          bad);
    }
    push(targets, x, bad);
  }
  put(o, "targets", targets, bad);
  for (size_t i = 0; i < ri->n_series; i++)
    push(series, point_json(&ri->series[i], bad), bad);
  put(o, "series", series, bad);
  return o;
}

static json_t *row_json(const struct report *r, const struct report_row *row,
                        int *bad)
{
  static const char *const levels[] = {"goal", "indicator", "count",
                                       "group"};
  const char *cells[REPORT_N_COLUMNS];
  char value[64];
  json_t *o = json_object();
  if (o == NULL) {
    *bad = 1;
    return NULL;
  }
  report_row_cells(r, row, cells, value);
  put(o, "tt", json_string(row->tt), bad);
  put(o, "level", json_string(levels[row->level]), bad);
  put(o, "title", json_string(row->title), bad);
  put(o, "indicator", row->ind ? json_string(row->ind->id) : json_null(),
      bad);
  put(o, "value", row->has_value ? json_real(row->value) : json_null(), bad);
  put(o, "period", row->has_value ? json_string(row->period) : json_null(),
      bad);
  put(o, "unit", row->ind ? json_string(cells[3]) : json_null(), bad);
  put(o, "lead", row->ind ? json_string(cells[4]) : json_null(), bad);
  put(o, "cadence", row->ind ? json_string(cells[5]) : json_null(), bad);
  return o;
}

static json_t *campaign_json(const struct finding *f, int *bad)
{
  char msg[1024];
  json_t *o = json_object();
  if (o == NULL) {
    *bad = 1;
    return NULL;
  }
  message_for_finding(f, msg, sizeof msg);
  put(o, "campaign", json_string(f->campaign->id), bad);
  put(o, "title", json_string(f->campaign->title), bad);
  put(o, "status", json_string(finding_kind_name(f->kind)), bad);
  put(o, "window_from", date_or_null(f->period.start), bad);
  put(o, "window_to", date_or_null(f->period.end), bad);
  put(o, "day", f->kind == FIND_CAMPAIGN_ACTIVE ? json_integer(f->window_day)
                                                : json_null(), bad);
  put(o, "message", json_string(msg), bad);
  return o;
}

static json_t *report_object(const struct report *r, int *bad)
{
  json_t *o = json_object(), *counts = json_object();
  json_t *campaigns = json_array(), *agencies = json_array();
  json_t *indicators = json_array(), *table = json_array();
  if (o == NULL)
    *bad = 1;
  put(o, "type", json_string("dondoc.report"), bad);
  put(o, "version", json_integer(1), bad);
  put(o, "jurisdiction", json_string(r->j->id), bad);
  put(o, "name", json_string(r->j->name), bad);
  put(o, "plan", str_or_null(r->j->plan), bad);
  put(o, "date", date_or_null(r->now), bad);
  put(o, "year", json_integer(r->year), bad);
  for (int k = 0; counts && k < FIND_N_KINDS; k++)
    if (r->counts[k])
      put(counts, finding_kind_name((enum finding_kind)k),
          json_integer((json_int_t)r->counts[k]), bad);
  put(o, "counts", counts, bad);
  for (size_t i = 0; campaigns && i < r->n_campaigns; i++)
    push(campaigns, campaign_json(r->campaigns[i], bad), bad);
  put(o, "campaigns", campaigns, bad);
  for (size_t i = 0; agencies && i < r->n_agencies; i++)
    push(agencies, agency_json(&r->agencies[i], bad), bad);
  put(o, "agencies", agencies, bad);
  for (size_t i = 0; indicators && i < r->n_indicators; i++)
    push(indicators, indicator_json(&r->indicators[i], bad), bad);
  put(o, "indicators", indicators, bad);
  for (size_t i = 0; table && i < r->n_rows; i++)
    push(table, row_json(r, &r->rows[i], bad), bad);
  put(o, "table", table, bad);
  return o;
}

int report_json(const struct report *r, FILE *out)
{
  int bad = 0;
  json_t *o = report_object(r, &bad);
  char *text = o && !bad
               ? json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(15))
               : NULL;
  json_decref(o);
  if (text == NULL)
    return -1;
  fputs(text, out);
  fputc('\n', out);
  free(text);
  return ferror(out) ? -1 : 0;
}
