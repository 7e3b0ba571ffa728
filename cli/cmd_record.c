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
#include "record.h"

#include <stdio.h>
#include <string.h>

/* Characters kept for the free-text options (see docs/cli.md). */
#define LETTER_MAX_CHARS 60
#define REASON_MAX_CHARS 500
#define NOTE_MAX_CHARS 500

/* An obligation instance named on the command line (AGENCY OBLIGATION
 * PERIOD), checked against the rules. */
struct instance_arg {
  const struct jurisdiction *j;
  const struct obligation *ob;
  const char *agency;
  struct cal_period period;
};

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
  if (record_obligation_period(ia->ob, period, &ia->period) != 0) {
    fprintf(stderr, "dondoc: '%s' is not a period of %s (e.g. 2024, "
            "2024-H1, 2024-Q3, 2024-09, 2024-2025)\n", period, obligation);
    return EXIT_INPUT;
  }
  char who[1024];
  if (!record_owed_by(ia->j, ia->ob, &ia->period, ia->agency, who,
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
  } else {
    char msg[256];
    if (record_check_received(on, c->today, "--on", c->now ? "--now" : "today",
                              msg, sizeof msg) != 0) {
      fprintf(stderr, "dondoc: %s\n", msg);
      return EXIT_INPUT;
    }
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

int cmd_observe(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args != 4)
    return usage_error("%s", "observe needs INDICATOR PERIOD VALUE");
  const char *id = c->args[1], *period = c->args[2], *text = c->args[3];
  double value;
  if (record_parse_value(text, &value) != 0) {
    fprintf(stderr, "dondoc: value '%s' " RECORD_VALUE_HINT "\n", text);
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
  char msg[256];
  if (record_check_value(ind, value, text, msg, sizeof msg) != 0) {
    fprintf(stderr, "dondoc: %s\n", msg);
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
