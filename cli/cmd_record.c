/*
 * cmd_record.c — the commands that record what arrived or was decided:
 * `submit` (a report received), `observe` (an indicator value), `extend`
 * and `exempt` (the secretariat's grants, with their letter).
 *
 * Everything typed is checked against the rules and for sense before the
 * database is opened, so a mistake writes nothing: an unknown agency, a
 * period of the wrong kind, an impossible or future date, a value that is
 * not a finite number, a letter number that is not clean UTF-8.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters kept for the free-text options (see docs/cli.md). */
#define LETTER_MAX_CHARS 60
#define REASON_MAX_CHARS 500
#define NOTE_MAX_CHARS 500
/* No indicator counts anything beyond this; larger input is a typo (or an
 * attempt to overflow the trend arithmetic). */
#define VALUE_MAX 1e15

static int parse_period_for(const struct obligation *ob, const char *id,
                            struct cal_period *p)
{
  for (size_t k = 0; k < ob->n_schedules; k++)
    if (cal_period_parse(ob->schedules[k].kind, id, p) == 0)
      return 0;
  return -1;
}

/* An obligation instance named on the command line (AGENCY OBLIGATION
 * PERIOD), checked against the rules. */
struct instance_arg {
  const struct jurisdiction *j;
  const struct obligation *ob;
  const char *agency;
  struct cal_period period;
};

/* Whether `agency` owes ob for period p — as evaluation sees it: listed in
 * `from` (or answering for a listed agency that has ended), or holding the
 * `from` role on the due day. *who lists those who do, for the message. */
static bool instance_owed_by(const struct jurisdiction *j,
                             const struct obligation *ob,
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

/* Load config and rules and resolve the instance; the store is not opened
 * here, so the caller can check the rest of its input first. Returns 0 or
 * an exit status after printing why. */
static int resolve_instance(struct cli *c, struct world *w, const char *cmd,
                            struct instance_arg *ia, int *failed)
{
  int rc;
  if (c->n_args != 4) {
    fprintf(stderr, "dondoc: %s needs AGENCY OBLIGATION PERIOD (try "
            "'dondoc --help')\n", cmd);
    return EXIT_USAGE;
  }
  ia->agency = c->args[1];
  const char *obligation = c->args[2], *period = c->args[3];
  if ((rc = world_load_config(c, w)) ||
      (rc = world_load_rules(c, w, NULL, 0, failed)))
    return rc;
  ia->j = world_find_owner(c, w, "obligation", obligation, false);
  if (ia->j == NULL)
    return EXIT_INPUT;
  ia->ob = model_obligation(ia->j, obligation);
  if (model_agency(ia->j, ia->agency) == NULL) {
    fprintf(stderr, "dondoc: unknown agency '%s' in %s\n", ia->agency,
            ia->j->id);
    return EXIT_INPUT;
  }
  if (parse_period_for(ia->ob, period, &ia->period) != 0) {
    fprintf(stderr, "dondoc: '%s' is not a period of %s (e.g. 2024, "
            "2024-H1, 2024-Q3, 2024-09, 2024-2025)\n", period, obligation);
    return EXIT_INPUT;
  }
  char who[1024];
  if (!instance_owed_by(ia->j, ia->ob, &ia->period, ia->agency, who,
                        sizeof who)) {
    fprintf(stderr, "dondoc: %s does not owe %s for %s; %s\n", ia->agency,
            obligation, ia->period.id,
            who[0] ? "it is owed by: " : "nobody owes it for that period");
    if (who[0])
      fprintf(stderr, "  %s\n", who);
    return EXIT_INPUT;
  }
  return 0;
}

int cmd_submit(struct cli *c, struct world *w)
{
  struct instance_arg ia;
  int failed = 0, rc;
  cal_day on;
  if (c->note && (rc = cli_check_text_option("--note", c->note,
                                             NOTE_MAX_CHARS)))
    return rc;
  if (c->on && (rc = cli_parse_date_option("--on", c->on, &on)))
    return rc;
  if ((rc = resolve_instance(c, w, "submit", &ia, &failed)))
    return rc;
  if (c->on == NULL) {
    on = c->today;               /* known only once the config is read */
  } else if (on > c->today) {
    char d[CAL_DATE_LEN], t[CAL_DATE_LEN];
    cal_format(on, d);
    cal_format(c->today, t);
    fprintf(stderr, "dondoc: --on %s is after %s (%s): a report cannot be "
            "received in the future\n", d, c->now ? "--now" : "today", t);
    return EXIT_INPUT;
  }
  if ((rc = world_open_store(c, w)))
    return rc;
  rc = store_submission_put(w->store, ia.j->id, ia.agency, ia.ob->id,
                            ia.period.id, on, c->note);
  if (rc < 0) {
    fprintf(stderr, "dondoc: %s\n", store_errmsg(w->store));
    return EXIT_DB;
  }
  if (!c->quiet) {
    char d[CAL_DATE_LEN];
    cal_format(on, d);
    printf(rc == 1 ? "already recorded: %s %s %s %s\n"
                   : "recorded: %s %s %s %s, received %s\n",
           ia.j->id, ia.agency, ia.ob->id, ia.period.id, d);
  }
  return failed ? EXIT_RULES : 0;
}

/* extend and exempt: the secretariat's decisions, kept with their letter. */
int cmd_grant(struct cli *c, struct world *w, bool exemption)
{
  struct instance_arg ia;
  struct store_grant g = {.exemption = exemption};
  const char *cmd = exemption ? "exempt" : "extend";
  int failed = 0, rc;
  if (c->letter == NULL || c->letter[0] == '\0') {
    fprintf(stderr, "dondoc: %s needs --letter, the number of the official "
            "letter that grants it\n", cmd);
    return EXIT_USAGE;
  }
  if (!exemption && c->until == NULL) {
    fprintf(stderr, "dondoc: extend needs --until DATE, the new deadline\n");
    return EXIT_USAGE;
  }
  if ((rc = cli_check_text_option("--letter", c->letter, LETTER_MAX_CHARS)) ||
      (c->reason && (rc = cli_check_text_option("--reason", c->reason,
                                                REASON_MAX_CHARS))))
    return rc;
  if (!exemption &&
      (rc = cli_parse_date_option("--until", c->until, &g.new_due)))
    return rc;
  g.letter = c->letter;
  g.reason = c->reason ? c->reason : "";
  if ((rc = resolve_instance(c, w, cmd, &ia, &failed)))
    return rc;
  g.granted_on = c->today;
  if ((rc = world_open_store(c, w)))
    return rc;
  if (store_grant_put(w->store, ia.j->id, ia.agency, ia.ob->id, ia.period.id,
                      &g) != 0) {
    fprintf(stderr, "dondoc: %s\n", store_errmsg(w->store));
    return EXIT_DB;
  }
  if (!c->quiet) {
    char d[CAL_DATE_LEN];
    cal_format(g.new_due, d);
    if (exemption)
      printf("exempted: %s %s %s %s (letter %s)\n", ia.j->id, ia.agency,
             ia.ob->id, ia.period.id, g.letter);
    else
      printf("extended: %s %s %s %s until %s (letter %s)\n", ia.j->id,
             ia.agency, ia.ob->id, ia.period.id, d, g.letter);
  }
  return failed ? EXIT_RULES : 0;
}

/* VALUE as typed: a finite decimal number within ±VALUE_MAX, decimal point
 * or comma ("1.7", "1,7"). strtod alone would take "nan", "inf" and hex. */
static int parse_value(const char *text, double *out)
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
  if (end == buf || *end != '\0' || !isfinite(v) || fabs(v) > VALUE_MAX)
    return -1;
  *out = v;
  return 0;
}

int cmd_observe(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args != 4)
    return usage_error("%s", "observe needs INDICATOR PERIOD VALUE");
  const char *id = c->args[1], *period = c->args[2], *text = c->args[3];
  double value;
  if (parse_value(text, &value) != 0) {
    fprintf(stderr, "dondoc: value '%s' is not a number between -1e15 and "
            "1e15 (e.g. 47.5 or 47,5)\n", text);
    return EXIT_INPUT;
  }
  if ((rc = world_load_config(c, w)) ||
      (rc = world_load_rules(c, w, NULL, 0, &failed)))
    return rc;
  const struct jurisdiction *j = world_find_owner(c, w, "indicator", id, true);
  if (j == NULL)
    return EXIT_INPUT;
  const struct indicator *ind = model_indicator(j, id);
  struct cal_period p;
  if (cal_period_parse(ind->cadence, period, &p) != 0) {
    fprintf(stderr, "dondoc: '%s' is not a %s period of %s\n", period,
            cal_period_kind_name(ind->cadence), id);
    return EXIT_INPUT;
  }
  if (strcmp(ind->unit, "%") == 0 && !ind->is_ratio &&
      (value < 0 || value > 100)) {
    fprintf(stderr, "dondoc: %s is a percentage; %s is outside 0–100\n", id,
            text);
    return EXIT_INPUT;
  }
  if ((rc = world_open_store(c, w)))
    return rc;
  if (store_observation_put(w->store, j->id, id, c->unit ? c->unit : j->id,
                            p.id, value, "cli") != 0) {
    fprintf(stderr, "dondoc: %s\n", store_errmsg(w->store));
    return EXIT_DB;
  }
  if (!c->quiet)
    printf("recorded: %s %s %s = %s\n", j->id, id, p.id, text);
  return failed ? EXIT_RULES : 0;
}
