/*
 * record.c — the checks every recorded fact passes, typed or imported
 * (record.h).
 */
#include "record.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int record_parse_value(const char *text, double *out)
{
  char buf[64];
  size_t n = strlen(text);
  if (n == 0 || n >= sizeof buf)
    return -1;
  int digits = 0, seps = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = text[i];
    if (ch >= '0' && ch <= '9')
      digits++;
    else if (ch == '.' || ch == ',')
      seps++;
    else if (!((ch == '-' || ch == '+') && i == 0) &&
             !(ch == 'e' || ch == 'E' ||
               ((ch == '-' || ch == '+') && (text[i - 1] == 'e' ||
                                             text[i - 1] == 'E'))))
      return -1;
    buf[i] = ch == ',' ? '.' : ch;
  }
  buf[n] = '\0';
  if (digits == 0 || seps > 1)
    return -1;
  char *end;
  double v = strtod(buf, &end);
  if (end == buf || *end != '\0' || !isfinite(v) || fabs(v) > MODEL_VALUE_MAX)
    return -1;
  *out = v;
  return 0;
}

int record_check_value(const struct indicator *ind, double v,
                       const char *text, char *msg, size_t len)
{
  if (strcmp(ind->unit, "%") == 0 && !ind->is_ratio && (v < 0 || v > 100)) {
    snprintf(msg, len, "%s is a percentage; %s is outside 0–100", ind->id,
             text);
    return -1;
  }
  if (ind->checks.whole && v != floor(v)) {
    snprintf(msg, len, "%s counts whole %s: %s is not a whole number "
             "(checks.whole)", ind->id, ind->unit[0] ? ind->unit : "units",
             text);
    return -1;
  }
  if (ind->checks.has_range &&
      (v < ind->checks.range_lo || v > ind->checks.range_hi)) {
    snprintf(msg, len, "%s: %s is outside its plausible range %.15g to "
             "%.15g (checks.range)", ind->id, text, ind->checks.range_lo,
             ind->checks.range_hi);
    return -1;
  }
  return 0;
}

int record_obligation_period(const struct obligation *ob, const char *id,
                             struct cal_period *p)
{
  for (size_t k = 0; k < ob->n_schedules; k++)
    if (cal_period_parse(ob->schedules[k].kind, id, p) == 0)
      return 0;
  return -1;
}

bool record_owed_by(const struct jurisdiction *j, const struct obligation *ob,
                    const struct cal_period *p, const char *agency,
                    char *who, size_t len)
{
  const struct schedule *s = NULL;
  for (size_t k = 0; k < ob->n_schedules && s == NULL; k++)
    if (ob->schedules[k].kind == p->kind)
      s = &ob->schedules[k];
  cal_day due = s ? model_due_effective(j, ob->wording,
                                        model_schedule_due(s, p,
                                                           &j->holidays))
                  : p->end;
  if (due == MODEL_DUE_UNSET)      /* not set yet: owed as the period ends */
    due = p->end;
  bool owed = false;
  size_t used = 0;
  who[0] = '\0';
  const struct agency *list[2];
  for (size_t i = 0; i <= ob->n_from; i++) {
    size_t n = 0;
    if (i == ob->n_from) {
      const struct agency *h = ob->from_role
                               ? model_holder(j, ob->from_role, due) : NULL;
      if (h)
        list[n++] = h;
    } else {
      const struct agency *a = model_agency(j, ob->from[i]);
      const struct agency *answer = a ? model_answerable(j, a, due) : NULL;
      if (answer)
        list[n++] = answer;
      else if (a && a->valid_until < due)
        list[n++] = a;          /* ended, no successor: still its report */
      if (answer && answer != a)
        list[n++] = a;          /* its old reports still count */
    }
    for (size_t k = 0; k < n; k++) {
      if (strcmp(list[k]->id, agency) == 0)
        owed = true;
      if (k == 0 && used < len) {
        int w = snprintf(who + used, len - used, "%s%s", used ? ", " : "",
                         list[k]->id);
        used += w > 0 ? (size_t)w : 0;
      }
    }
  }
  return owed;
}

int record_check_received(cal_day on, cal_day today, const char *what,
                          const char *today_label, char *msg, size_t len)
{
  if (on <= today)
    return 0;
  char d[CAL_DATE_LEN], t[CAL_DATE_LEN];
  cal_format(on, d);
  cal_format(today, t);
  snprintf(msg, len, "%s %s is after %s (%s): a report cannot be received "
           "in the future", what, d, today_label, t);
  return -1;
}

int record_check_text(const char *what, const char *s, size_t max_chars,
                      char *msg, size_t len)
{
  long n = utf8_length(s, NULL), ctl;
  if (n < 0) {
    snprintf(msg, len, "%s is not valid UTF-8", what);
    return -1;
  }
  if ((ctl = utf8_find_control(s)) >= 0) {
    snprintf(msg, len, "%s contains a control character (byte %ld: a line "
             "break or tab?); give it on one line", what, ctl + 1);
    return -1;
  }
  if ((size_t)n > max_chars) {
    snprintf(msg, len, "%s is %ld characters long; at most %zu are kept on "
             "record", what, n, max_chars);
    return -1;
  }
  return 0;
}
