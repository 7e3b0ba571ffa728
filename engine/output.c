/*
 * output.c — render findings as the contract's JSON or a readable table
 * (campaigns, then reports, then indicators, each in a section of its own).
 */
#include "output.h"

#include <stdlib.h>
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

/* A campaign finding's own fields; nonzero when one could not be set. */
static int campaign_json(json_t *o, const struct finding *f)
{
  const struct campaign *cp = f->campaign;
  int bad = 0;
  bad |= json_object_set_new(o, "campaign", json_string(cp->id));
  bad |= json_object_set_new(o, "title", json_string(cp->title));
  bad |= json_object_set_new(o, "basis",
                             cp->basis ? json_string(cp->basis) : json_null());
  bad |= json_object_set_new(o, "window_from",
                             date_or_null(f->period.start, true));
  bad |= json_object_set_new(o, "window_to", date_or_null(f->period.end, true));
  bad |= json_object_set_new(o, "day", f->kind == FIND_CAMPAIGN_ACTIVE
                                       ? json_integer(f->window_day) : json_null());
  bad |= json_object_set_new(o, "days_in_window",
                             json_integer(f->period.end - f->period.start + 1));
  return bad;
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
    json_t *to = json_array();
    bad |= to == NULL;
    for (size_t k = 0; to && k < f->obligation->n_to; k++) {
      const char *id = f->obligation->to[k];
      const struct agency *a = model_holder(f->j, id, message_to_day(f));
      bad |= json_array_append_new(to, json_string(a ? a->id : id));
    }
    bad |= json_object_set_new(o, "to", to);
    if (f->kind == FIND_UNASSIGNED)
      bad |= json_object_set_new(o, "agency_until",
                                 date_or_null(f->agency->valid_until, true));
  } else if (f->campaign) {
    bad |= campaign_json(o, f);
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
    if (f->target_year_from_plan)
      bad |= json_object_set_new(o, "target_year_from_plan", json_true());
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
  bad |= json_object_set_new(o, "due", date_or_null(f->due,
                                                    f->due != MODEL_DUE_UNSET));
  if (f->obligation && f->nominal_due != f->due &&
      f->nominal_due != MODEL_DUE_UNSET)
    bad |= json_object_set_new(o, "nominal_due", date_or_null(f->nominal_due, true));
  if (f->extended || f->kind == FIND_EXEMPT) {
    bad |= json_object_set_new(o, "original_due",
                               date_or_null(f->original_due,
                                            f->original_due != MODEL_DUE_UNSET));
    bad |= json_object_set_new(o, "grant",
                               json_string(f->extended ? "extension"
                                                       : "exemption"));
    bad |= json_object_set_new(o, "letter", json_string(f->letter));
  }
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

/* The calendar note: a kind of its own beside the findings (consumers
 * skip kinds they do not know), after them so F[0] stays a finding. */
static json_t *calendar_note_json(const struct output_calendar_note *n)
{
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  int bad = json_object_set_new(o, "kind", json_string("calendar"));
  bad |= json_object_set_new(o, "year", json_integer(n->year));
  bad |= json_object_set_new(o, "message", json_string(n->message));
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* Write o (consumed) as the next element of the array; *written counts
 * them. Returns 0, or -1 when it could not be encoded. */
static int write_element(FILE *out, json_t *o, size_t *written)
{
  char *text = o ? json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(6))
                 : NULL;
  json_decref(o);
  if (text == NULL)
    return -1;
  /* indent the object's lines by two, as an element of the array */
  fputs(*written ? ",\n  " : "\n  ", out);
  for (const char *p = text; *p; p++) {
    fputc(*p, out);
    if (*p == '\n')
      fputs("  ", out);
  }
  free(text);
  (*written)++;
  return 0;
}

/* The array is written one element at a time, so one finding that cannot
 * be encoded costs only itself, and memory stays flat however many there
 * are. */
int output_findings_json(FILE *out, const struct findings *f,
                         const struct output_calendar_note *notes,
                         size_t n_notes, size_t *skipped)
{
  size_t written = 0;
  *skipped = 0;
  if (fputs("[", out) == EOF)
    return -1;
  for (size_t i = 0; i < f->n; i++)
    if (write_element(out, finding_json(&f->v[i]), &written) != 0)
      (*skipped)++;
  for (size_t i = 0; i < n_notes; i++)
    if (write_element(out, calendar_note_json(&notes[i]), &written) != 0)
      (*skipped)++;
  fputs(written ? "\n]\n" : "]\n", out);
  return ferror(out) ? -1 : 0;
}

/* Print s padded to `width` columns. Vietnamese text is UTF-8 with some
 * combining marks, so count code points that take a column, not bytes. */
static void put_cell(FILE *out, const char *s, int width)
{
  int cols = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p & 0xC0) == 0x80)
      continue;                              /* continuation byte */
    if (p[0] == 0xCC && p[1] >= 0x80)        /* U+0300–U+033F combining */
      continue;
    if (p[0] == 0xCD && p[1] < 0xB0)         /* U+0340–U+036F combining */
      continue;
    cols++;
  }
  fputs(s, out);
  for (; cols < width; cols++)
    fputc(' ', out);
  fputc(' ', out);
}

static void obligation_row(FILE *out, const struct finding *x)
{
  char due[CAL_DATE_LEN], days[16];
  if (x->due == MODEL_DUE_UNSET)
    snprintf(due, sizeof due, "—");
  else
    cal_format_vn(x->due, due);
  snprintf(days, sizeof days, "%d", x->days);
  put_cell(out, "", 1);
  put_cell(out, finding_kind_name(x->kind), 13);
  put_cell(out, due, 10);
  put_cell(out, days, 4);
  put_cell(out, x->agency->name, 36);
  put_cell(out, x->obligation->id, 20);
  fprintf(out, "%s\n", x->period.id);
}

/* A campaign: its window and how far along it is. */
static void campaign_row(FILE *out, const struct finding *x)
{
  char from[CAL_DATE_LEN], to[CAL_DATE_LEN], where[32];
  cal_format_vn(x->period.start, from);
  cal_format_vn(x->period.end, to);
  if (x->kind == FIND_CAMPAIGN_ACTIVE)
    snprintf(where, sizeof where, "ngày %d/%d", x->window_day,
             (int)(x->period.end - x->period.start + 1));
  else if (x->kind == FIND_CAMPAIGN_UPCOMING)
    snprintf(where, sizeof where, "còn %d ngày", x->days);
  else
    snprintf(where, sizeof where, "qua %d ngày", x->days);
  put_cell(out, "", 1);
  put_cell(out, finding_kind_name(x->kind), 17);
  put_cell(out, from, 10);
  put_cell(out, to, 10);
  put_cell(out, where, 12);
  put_cell(out, x->campaign->id, 20);
  fprintf(out, "%s\n", x->campaign->title);
}

/* A value for the table: "45,5%" for percentages, the bare number for
 * other units (the unit is in the JSON and the message), có/không for
 * yes/no indicators. */
static void table_value(const struct indicator *ind, double v, char *buf,
                        size_t len)
{
  if (ind->direction == DIR_YES_NO) {
    snprintf(buf, len, "%s", v != 0 ? "có" : "không");
    return;
  }
  message_number(v, buf, len);
  if (strcmp(ind->unit, "%") == 0)
    strncat(buf, "%", len - strlen(buf) - 1);
}

static void indicator_row(FILE *out, const struct finding *x)
{
  char value[48] = "—", path[48] = "—", target[64], projected[48] = "—";
  const struct indicator *ind = x->indicator;
  table_value(ind, x->target, target, sizeof target);
  snprintf(target + strlen(target), sizeof target - strlen(target), " (%d)",
           x->target_year);
  if (x->has_value)
    table_value(ind, x->value, value, sizeof value);
  if (x->has_expected)
    table_value(ind, x->expected, path, sizeof path);
  if (x->has_projection)
    table_value(ind, x->projected, projected, sizeof projected);
  put_cell(out, "", 1);
  put_cell(out, finding_kind_name(x->kind), 13);
  put_cell(out, ind->id, 7);
  put_cell(out, x->period.id, 9);
  put_cell(out, value, 8);
  put_cell(out, path, 8);
  put_cell(out, target, 12);
  put_cell(out, projected, 8);
  fprintf(out, "%s\n", x->agency ? x->agency->name : "—");
}

int output_findings_table(FILE *out, const struct findings *f, cal_day now)
{
  char today[CAL_DATE_LEN];
  size_t counts[FIND_N_KINDS] = {0};

  cal_format_vn(now, today);
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (i == 0 || x->j != f->v[i - 1].j) {
      fprintf(out, "\n%s — tình hình ngày %s\n", x->j->name, today);
      if (x->j->plan)
        fprintf(out, "%s\n", x->j->plan);
    }
    if (x->campaign && (i == 0 || !f->v[i - 1].campaign ||
                        x->j != f->v[i - 1].j)) {
      fputs("\nChiến dịch, tháng hành động\n", out);
      put_cell(out, "", 1);
      put_cell(out, "status", 17);
      put_cell(out, "từ ngày", 10);
      put_cell(out, "đến ngày", 10);
      put_cell(out, "tiến độ", 12);
      put_cell(out, "chiến dịch", 20);
      fputs("tên\n", out);
    }
    if (x->obligation && (i == 0 || !f->v[i - 1].obligation ||
                          x->j != f->v[i - 1].j)) {
      fputs("\nBáo cáo\n", out);
      put_cell(out, "", 1);
      put_cell(out, "status", 13);
      put_cell(out, "hạn", 10);
      put_cell(out, "ngày", 4);
      put_cell(out, "cơ quan", 36);
      put_cell(out, "báo cáo", 20);
      fputs("kỳ\n", out);
    }
    if (x->indicator && (i == 0 || !f->v[i - 1].indicator ||
                         x->j != f->v[i - 1].j)) {
      fputs("\nChỉ tiêu\n", out);
      put_cell(out, "", 1);
      put_cell(out, "status", 13);
      put_cell(out, "id", 7);
      put_cell(out, "kỳ", 9);
      put_cell(out, "giá trị", 8);
      put_cell(out, "lộ trình", 8);
      put_cell(out, "mục tiêu", 12);
      put_cell(out, "dự báo", 8);
      fputs("chủ trì\n", out);
    }
    counts[x->kind]++;
    if (x->obligation)
      obligation_row(out, x);
    else if (x->campaign)
      campaign_row(out, x);
    else
      indicator_row(out, x);
  }
  if (f->n == 0)
    fprintf(out, "Không có việc quá hạn, sắp đến hạn hay chỉ tiêu chậm "
            "tiến độ ngày %s.\n", today);
  fprintf(out, "\n");
  int first = 1;
  for (int k = 0; k < FIND_N_KINDS; k++)
    if (counts[k]) {
      fprintf(out, "%s%zu %s", first ? "" : ", ", counts[k],
              finding_kind_name((enum finding_kind)k));
      first = 0;
    }
  if (!first)
    fprintf(out, "\n");
  return ferror(out) ? -1 : 0;
}
