/*
 * main.c — the dondoc command line.
 *
 * Parses options (accepted before or after the command name), loads the
 * config and rules, opens the store, runs one command, and is the one place
 * that turns errors into messages and exit statuses:
 *   0 success   2 usage   3 config or rules   4 bad input   5 database
 *   6 some messages failed permanently
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config.h"
#include "evaluate.h"
#include "output.h"
#include "outbox.h"
#include "rules.h"
#include "run.h"
#include "store.h"
#include <curl/curl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DONDOC_VERSION "0.1.0"

enum { EXIT_USAGE = 2, EXIT_RULES = 3, EXIT_INPUT = 4, EXIT_DB = 5,
       EXIT_UNDELIVERED = 6 };

struct cli {
  const char *config, *db, *now, *on, *jurisdiction, *note, *unit, *kind;
  const char *until, *letter, *reason;
  int json, verbose, quiet, all, help, version, dry_run;
  const char *format, *output;
  const char *args[16]; int n_args;
  cal_day today; int minute;
};

static const char usage[] =
  "usage: dondoc [options] COMMAND [args]\n"
  "\n"
  "commands:\n"
  "  check                          what is due, overdue and off track at --now\n"
  "  submit AGENCY OBLIGATION PERIOD   record a received report (--on DATE)\n"
  "  observe INDICATOR PERIOD VALUE    record an indicator value (--unit ID)\n"
  "  extend AGENCY OBLIGATION PERIOD --until DATE --letter NO [--reason T]\n"
  "                                 grant an extension (gia hạn)\n"
  "  exempt AGENCY OBLIGATION PERIOD --letter NO [--reason T]\n"
  "                                 grant an exemption (miễn báo cáo)\n"
  "  run [--dry-run]                queue the reminders the policy calls for,\n"
  "                                 deliver what is due (cron / systemd timer)\n"
  "  outbox list [--kind STATUS]     queued, sent, failed and dropped messages\n"
  "  outbox retry ID | drop ID       steer one delivery\n"
  "  outbox history --format csv [-o FILE]   every attempt, as evidence\n"
  "  rules check [ID|PATH...]       load and validate rules, touch no data\n"
  "  rules list                     the jurisdictions, agencies, obligations\n"
  "\n"
  "options:\n"
  "  --config FILE    config (default $DONDOC_CONFIG, config/dondoc.lua,\n"
  "                   /etc/dondoc/dondoc.lua)\n"
  "  --db FILE        database file (overrides the config)\n"
  "  --now DATE       YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time (default: now)\n"
  "  --json           machine-readable output\n"
  "  --all            check: every status, not only what needs action\n"
  "  --kind KIND      check: only findings of this kind\n"
  "  --jurisdiction ID   the jurisdiction, when an id is ambiguous\n"
  "  --on DATE        submit: the day the report arrived (default: --now)\n"
  "  --note TEXT      submit: a note (letter number …)\n"
  "  --unit ID        observe: the reporting unit (default: the jurisdiction)\n"
  "  -v, -q           more or less talk on stderr\n"
  "  --help, --version\n"
  "\n"
  "exit status: 0 ok, 2 usage, 3 config or rules, 4 bad input, 5 database,\n"
  "6 messages failed permanently\n";

static int usage_error(const char *fmt, const char *arg)
{
  fprintf(stderr, "dondoc: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " (try 'dondoc --help')\n");
  return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, struct cli *c)
{
  static const struct { const char *name; size_t off; } valued[] = {
    {"--config", offsetof(struct cli, config)},
    {"--db", offsetof(struct cli, db)},
    {"--now", offsetof(struct cli, now)},
    {"--on", offsetof(struct cli, on)},
    {"--jurisdiction", offsetof(struct cli, jurisdiction)},
    {"--note", offsetof(struct cli, note)},
    {"--unit", offsetof(struct cli, unit)},
    {"--kind", offsetof(struct cli, kind)},
    {"--until", offsetof(struct cli, until)},
    {"--letter", offsetof(struct cli, letter)},
    {"--reason", offsetof(struct cli, reason)},
    {"--format", offsetof(struct cli, format)},
    {"-o", offsetof(struct cli, output)},
    {"--output", offsetof(struct cli, output)},
  };
  static const struct { const char *name; size_t off; } flags[] = {
    {"--json", offsetof(struct cli, json)}, {"-v", offsetof(struct cli, verbose)},
    {"--verbose", offsetof(struct cli, verbose)},
    {"-q", offsetof(struct cli, quiet)}, {"--quiet", offsetof(struct cli, quiet)},
    {"--all", offsetof(struct cli, all)}, {"--help", offsetof(struct cli, help)},
    {"-h", offsetof(struct cli, help)}, {"--version", offsetof(struct cli, version)},
    {"--dry-run", offsetof(struct cli, dry_run)},
  };
  int only_args = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_args || a[0] != '-' || a[1] == '\0') {
      if (c->n_args == (int)(sizeof c->args / sizeof *c->args))
        return usage_error("too many arguments at '%s'", a);
      c->args[c->n_args++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_args = 1;
      continue;
    }
    size_t k, n = strcspn(a, "=");
    int done = 0;
    for (k = 0; k < sizeof valued / sizeof *valued && !done; k++) {
      if (strncmp(a, valued[k].name, n) != 0 || valued[k].name[n] != '\0')
        continue;
      const char **slot = (const char **)((char *)c + valued[k].off);
      if (a[n] == '=')
        *slot = a + n + 1;
      else if (i + 1 < argc)
        *slot = argv[++i];
      else
        return usage_error("option '%s' needs a value", a);
      done = 1;
    }
    for (k = 0; k < sizeof flags / sizeof *flags && !done; k++)
      if (strcmp(a, flags[k].name) == 0) {
        *(int *)((char *)c + flags[k].off) = 1;
        done = 1;
      }
    if (!done)
      return usage_error("unknown option '%s'", a);
  }
  return 0;
}

/* ---- the loaded world: config, rules, store ------------------------ */

struct world {
  struct config cfg;
  struct ruleset rules;
  struct store *store;
};

static void world_release(struct world *w)
{
  store_close(w->store);
  rules_release(&w->rules);
  config_release(&w->cfg);
}

static int load_config(struct cli *c, struct world *w)
{
  char err[CONFIG_ERR_LEN];
  if (config_load(config_default_path(c->config), &w->cfg, err) != 0) {
    fprintf(stderr, "dondoc: %s\n", err);
    return EXIT_RULES;
  }
  if (c->now == NULL)          /* the real time, in the configured zone */
    cal_today(w->cfg.utc_offset_minutes, &c->today, &c->minute);
  return 0;
}

/* Load the given jurisdictions (or the config's). Errors are printed and
 * *failed set; the jurisdictions that did load stay usable. */
static int load_rules(struct cli *c, struct world *w,
                      const char *const *ids, size_t n, int *failed)
{
  struct rules_options o;
  rules_options_default(&o, w->cfg.rules_dir);
  o.memory_limit = w->cfg.memory_limit;
  o.instruction_limit = w->cfg.instruction_limit;
  if (ids == NULL) {
    ids = (const char *const *)w->cfg.jurisdictions;
    n = w->cfg.n_jurisdictions;
  }
  for (size_t i = 0; i < n; i++) {
    /* "bac-ninh", or a path: rules/bac-ninh or rules/bac-ninh/plan.lua
     * names the jurisdiction folder it is in (for `rules check FILE`). */
    char folder[4096], dir[4096];
    const char *id = ids[i];
    struct stat st;
    if (strchr(id, '/')) {
      snprintf(folder, sizeof folder, "%s", id);
      size_t len = strlen(folder);
      while (len > 1 && folder[len - 1] == '/')
        folder[--len] = '\0';
      if (stat(folder, &st) == 0 && S_ISREG(st.st_mode))
        *strrchr(folder, '/') = '\0';
      char *slash = strrchr(folder, '/');
      snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - folder) : 1,
               slash ? folder : ".");
      id = slash ? slash + 1 : folder;
      o.rules_dir = dir;
      o.parents_dir = w->cfg.rules_dir;   /* a draft inherits the installed */
    } else {
      o.rules_dir = w->cfg.rules_dir;
    }
    if (rules_load(&o, &id, 1, &w->rules) < 0) {
      fprintf(stderr, "dondoc: out of memory loading rules\n");
      return EXIT_RULES;
    }
  }
  for (size_t i = 0; i < w->rules.n_errors; i++)
    fprintf(stderr, "dondoc: %s\n", w->rules.errors[i].message);
  *failed = w->rules.n_errors > 0;
  if (c->verbose)
    for (size_t i = 0; i < w->rules.n; i++)
      fprintf(stderr, "dondoc: loaded %s: %zu agencies, %zu obligations, "
              "%zu indicators\n", w->rules.jurisdictions[i].id,
              w->rules.jurisdictions[i].n_agencies,
              w->rules.jurisdictions[i].n_obligations,
              w->rules.jurisdictions[i].n_indicators);
  return 0;
}

static int open_store(struct cli *c, struct world *w)
{
  char err[STORE_ERR_LEN];
  w->store = store_open(c->db ? c->db : w->cfg.database, err);
  if (w->store == NULL) {
    fprintf(stderr, "dondoc: %s\n", err);
    return EXIT_DB;
  }
  return 0;
}

/* ---- commands ------------------------------------------------------ */

static int cmd_check(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  enum finding_kind only = FIND_DUE_SOON;
  if (c->n_args != 1)
    return usage_error("check takes no arguments (got '%s')", c->args[1]);
  if (c->kind && finding_kind_parse(c->kind, &only) != 0)
    return usage_error("unknown finding kind '%s'", c->kind);
  if ((rc = load_config(c, w)) || (rc = load_rules(c, w, NULL, 0, &failed)) ||
      (rc = open_store(c, w)))
    return rc;

  struct findings f = {0};
  struct eval_options o = {.now = c->today, .all = c->all || c->kind};
  char err[512];
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (c->jurisdiction && strcmp(j->id, c->jurisdiction) != 0)
      continue;
    if (evaluate_jurisdiction(j, w->store, &o, &f, err, sizeof err) != 0) {
      fprintf(stderr, "dondoc: %s: %s\n", j->id, err);
      findings_release(&f);
      return EXIT_DB;
    }
  }
  if (c->kind) {
    size_t kept = 0;
    for (size_t i = 0; i < f.n; i++)
      if (f.v[i].kind == only)
        f.v[kept++] = f.v[i];
    f.n = kept;
  }
  rc = c->json ? output_findings_json(stdout, &f)
               : output_findings_table(stdout, &f, c->today);
  findings_release(&f);
  if (rc != 0 || fflush(stdout) != 0) {
    fprintf(stderr, "dondoc: cannot write the findings\n");
    return 1;
  }
  return failed ? EXIT_RULES : 0;
}

/* The jurisdiction in which `agency` owes `obligation`, or NULL with a
 * message. --jurisdiction settles ambiguity. */
static const struct jurisdiction *find_owner(struct cli *c,
                                             const struct world *w,
                                             const char *what, const char *id,
                                             int is_indicator)
{
  const struct jurisdiction *found = NULL;
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (j->is_template ||
        (c->jurisdiction && strcmp(j->id, c->jurisdiction) != 0))
      continue;
    int has = is_indicator ? model_indicator(j, id) != NULL
                           : model_obligation(j, id) != NULL;
    if (!has)
      continue;
    if (found) {
      fprintf(stderr, "dondoc: %s '%s' exists in %s and %s; say which with "
              "--jurisdiction\n", what, id, found->id, j->id);
      return NULL;
    }
    found = j;
  }
  if (found == NULL)
    fprintf(stderr, "dondoc: unknown %s '%s'%s%s\n", what, id,
            c->jurisdiction ? " in jurisdiction " : "",
            c->jurisdiction ? c->jurisdiction : "");
  return found;
}

static int parse_period_for(const struct obligation *ob, const char *id,
                            struct cal_period *p)
{
  for (size_t k = 0; k < ob->n_schedules; k++) {
    enum cal_period_kind kind = ob->schedules[k].kind;
    if (cal_period_parse(kind, id, p) == 0)
      return 0;
  }
  return -1;
}

/* An obligation instance named on the command line (AGENCY OBLIGATION
 * PERIOD), checked against the rules. Returns 0, or an exit status after
 * printing why. */
struct instance_arg {
  const struct jurisdiction *j;
  const struct obligation *ob;
  const char *agency;
  struct cal_period period;
};

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
  if ((rc = load_config(c, w)) || (rc = load_rules(c, w, NULL, 0, failed)))
    return rc;
  ia->j = find_owner(c, w, "obligation", obligation, 0);
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
  return open_store(c, w);
}

static int parse_date_option(const char *name, const char *value,
                             cal_day *out)
{
  if (cal_parse_date(value, out) != 0) {
    fprintf(stderr, "dondoc: %s '%s' is not a real date (YYYY-MM-DD)\n",
            name, value);
    return EXIT_INPUT;
  }
  return 0;
}

static int cmd_submit(struct cli *c, struct world *w)
{
  struct instance_arg ia;
  int failed = 0, rc;
  cal_day on = c->today;
  if (c->on && (rc = parse_date_option("--on", c->on, &on)))
    return rc;
  if ((rc = resolve_instance(c, w, "submit", &ia, &failed)))
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
static int cmd_grant(struct cli *c, struct world *w, bool exemption)
{
  struct instance_arg ia;
  struct store_grant g = {.exemption = exemption, .granted_on = c->today};
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
  if (!exemption && (rc = parse_date_option("--until", c->until, &g.new_due)))
    return rc;
  snprintf(g.letter, sizeof g.letter, "%s", c->letter);
  snprintf(g.reason, sizeof g.reason, "%s", c->reason ? c->reason : "");
  if ((rc = resolve_instance(c, w, cmd, &ia, &failed)))
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

static int cmd_observe(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args != 4)
    return usage_error("%s", "observe needs INDICATOR PERIOD VALUE");
  const char *id = c->args[1], *period = c->args[2], *text = c->args[3];
  char *end;
  double value = strtod(text, &end);
  if (end == text || *end != '\0') {
    fprintf(stderr, "dondoc: value '%s' is not a number (use a decimal "
            "point: 1.7)\n", text);
    return EXIT_INPUT;
  }
  if ((rc = load_config(c, w)) || (rc = load_rules(c, w, NULL, 0, &failed)))
    return rc;
  const struct jurisdiction *j = find_owner(c, w, "indicator", id, 1);
  if (j == NULL)
    return EXIT_INPUT;
  const struct indicator *ind = model_indicator(j, id);
  struct cal_period p;
  if (cal_period_parse(ind->cadence, period, &p) != 0) {
    fprintf(stderr, "dondoc: '%s' is not a %s period of %s\n", period,
            cal_period_kind_name(ind->cadence), id);
    return EXIT_INPUT;
  }
  if ((rc = open_store(c, w)))
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

static int cmd_rules(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args < 2 || (strcmp(c->args[1], "check") != 0 &&
                        strcmp(c->args[1], "list") != 0))
    return usage_error("%s", "rules needs 'check' or 'list'");
  if ((rc = load_config(c, w)))
    return rc;
  const char *const *ids = c->n_args > 2 ? c->args + 2 : NULL;
  if ((rc = load_rules(c, w, ids, (size_t)(c->n_args - 2), &failed)))
    return rc;
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (!c->quiet)
      printf("%s: ok (%s; %zu agencies, %zu roles, %zu obligations, "
             "%zu indicators, %zu holidays)\n", j->id, j->name, j->n_agencies,
             j->n_roles, j->n_obligations, j->n_indicators, j->holidays.n_off);
    if (strcmp(c->args[1], "list") != 0)
      continue;
    for (size_t k = 0; k < j->n_obligations; k++)
      printf("  obligation %-28s %s\n", j->obligations[k].id,
             j->obligations[k].title);
    for (size_t k = 0; k < j->n_indicators; k++)
      printf("  indicator  %-28s %s\n", j->indicators[k].id,
             j->indicators[k].title);
    for (size_t k = 0; k < j->n_agencies; k++)
      printf("  agency     %-28s %s\n", j->agencies[k].id,
             j->agencies[k].name);
  }
  return failed ? EXIT_RULES : 0;
}

/* ---- run and outbox ------------------------------------------------ */

static int cmd_run(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  char err[512];
  if (c->n_args != 1)
    return usage_error("run takes no arguments (got '%s')", c->args[1]);
  if ((rc = load_config(c, w)) || (rc = load_rules(c, w, NULL, 0, &failed)) ||
      (rc = open_store(c, w)))
    return rc;
  /* One delivering run at a time: a second one (an overlapping timer, a
   * manual run) would send the same queued messages. */
  char lock_path[4096];
  snprintf(lock_path, sizeof lock_path, "%s.run.lock",
           c->db ? c->db : w->cfg.database);
  int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (lock < 0) {
    fprintf(stderr, "dondoc: %s: %s\n", lock_path, strerror(errno));
    return EXIT_DB;
  }
  if (flock(lock, LOCK_EX | LOCK_NB) != 0) {
    fprintf(stderr, "dondoc: another run is in progress (%s); nothing "
            "done\n", lock_path);
    close(lock);
    return 0;
  }
  struct run_options o = {.now = c->today, .minute = c->minute,
                          .unix_now = (long long)time(NULL),
                          .dry_run = c->dry_run};
  struct run_report rep;
  if (run_job(&w->cfg, &w->rules, w->store, &o, &rep,
              c->quiet ? NULL : stdout, err, sizeof err) != 0) {
    fprintf(stderr, "dondoc: run: %s\n", err);
    close(lock);
    return EXIT_DB;
  }
  if (!c->quiet)
    printf("run: %zu message%s queued (%zu item%s, %zu without an address); "
           "%zu sent, %zu to retry, %zu failed\n", rep.messages,
           rep.messages == 1 ? "" : "s", rep.items, rep.items == 1 ? "" : "s",
           rep.no_address, rep.sent, rep.retrying, rep.failed);
  close(lock);                 /* releases the lock */
  if (failed)
    return EXIT_RULES;
  return rep.failed ? EXIT_UNDELIVERED : 0;
}

static void print_delivery(const struct outbox_delivery *d, int utc_offset)
{
  char when[32] = "-";
  long long t = d->sent_at ? d->sent_at : d->next_attempt_at;
  time_t tt = (time_t)(t + (long long)utc_offset * 60);
  struct tm tm;
  if (gmtime_r(&tt, &tm))
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
  printf("%-6lld %-7s %-8s %-2d %-16s %-32s %s\n", d->id, d->status,
         d->channel, d->attempts, when, d->recipient, d->subject);
  if (d->last_error && strcmp(d->status, "sent") != 0)
    printf("       last error: %s\n", d->last_error);
}

static int cmd_outbox(struct cli *c, struct world *w)
{
  int rc;
  const char *sub = c->n_args > 1 ? c->args[1] : "";
  if (strcmp(sub, "list") && strcmp(sub, "retry") && strcmp(sub, "drop") &&
      strcmp(sub, "history"))
    return usage_error("%s", "outbox needs list, retry ID, drop ID or history");
  if ((rc = load_config(c, w)) || (rc = open_store(c, w)))
    return rc;
  struct outbox *o = outbox_open(w->store);
  if (o == NULL)
    return EXIT_DB;
  rc = 0;
  if (strcmp(sub, "list") == 0) {
    struct outbox_delivery *d;
    size_t n;
    if (outbox_list(o, c->kind, &d, &n) != 0) {
      fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
      rc = EXIT_DB;
    } else {
      printf("%-6s %-7s %-8s %-2s %-16s %-32s %s\n", "id", "status",
             "channel", "n", "when (local)", "recipient", "subject");
      for (size_t i = 0; i < n; i++)
        print_delivery(&d[i], w->cfg.utc_offset_minutes);
      outbox_deliveries_free(d, n);
    }
  } else if (strcmp(sub, "history") == 0) {
    FILE *out = stdout;
    if (c->format && strcmp(c->format, "csv") != 0) {
      outbox_close(o);
      return usage_error("history --format '%s': only csv", c->format);
    }
    if (c->output && (out = fopen(c->output, "w")) == NULL) {
      fprintf(stderr, "dondoc: %s: cannot write\n", c->output);
      outbox_close(o);
      return EXIT_INPUT;
    }
    if (outbox_history_csv(o, out, w->cfg.utc_offset_minutes) != 0) {
      fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
      rc = EXIT_DB;
    }
    if (out != stdout && fclose(out) != 0 && rc == 0) {
      fprintf(stderr, "dondoc: %s: cannot write\n", c->output);
      rc = EXIT_INPUT;
    }
  } else {
    char *end;
    long long id = c->n_args == 3 ? strtoll(c->args[2], &end, 10) : 0;
    if (c->n_args != 3 || *end != '\0' || id <= 0) {
      outbox_close(o);
      return usage_error("outbox %s needs a delivery ID", sub);
    }
    int r = strcmp(sub, "retry") == 0 ? outbox_retry(o, id, (long long)time(NULL))
                                      : outbox_drop(o, id);
    if (r < 0) {
      fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
      rc = EXIT_DB;
    } else if (r == 1) {
      fprintf(stderr, "dondoc: no queued or failed delivery %lld\n", id);
      rc = EXIT_INPUT;
    } else if (!c->quiet) {
      printf("%s: delivery %lld\n", strcmp(sub, "retry") == 0
             ? "queued again" : "dropped", id);
    }
  }
  outbox_close(o);
  return rc;
}

int main(int argc, char **argv)
{
  struct cli c = {0};
  struct world w = {0};
  int rc = parse_args(argc, argv, &c);
  if (rc)
    return rc;
  if (c.help) {
    fputs(usage, stdout);
    return 0;
  }
  if (c.version) {
    printf("dondoc %s\n", DONDOC_VERSION);
    return 0;
  }
  if (c.n_args == 0)
    return usage_error("%s", "no command given");
  if (c.now) {
    if (cal_parse_moment(c.now, &c.today, &c.minute) != 0) {
      fprintf(stderr, "dondoc: --now '%s' is not a real date "
              "(YYYY-MM-DD or YYYY-MM-DDTHH:MM)\n", c.now);
      return EXIT_USAGE;
    }
  }

  const char *cmd = c.args[0];
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    fprintf(stderr, "dondoc: cannot initialise libcurl\n");
    return 1;
  }
  if (strcmp(cmd, "check") == 0)
    rc = cmd_check(&c, &w);
  else if (strcmp(cmd, "submit") == 0)
    rc = cmd_submit(&c, &w);
  else if (strcmp(cmd, "extend") == 0)
    rc = cmd_grant(&c, &w, false);
  else if (strcmp(cmd, "exempt") == 0)
    rc = cmd_grant(&c, &w, true);
  else if (strcmp(cmd, "observe") == 0)
    rc = cmd_observe(&c, &w);
  else if (strcmp(cmd, "rules") == 0)
    rc = cmd_rules(&c, &w);
  else if (strcmp(cmd, "run") == 0)
    rc = cmd_run(&c, &w);
  else if (strcmp(cmd, "outbox") == 0)
    rc = cmd_outbox(&c, &w);
  else
    rc = usage_error("unknown command '%s'", cmd);
  world_release(&w);
  curl_global_cleanup();
  return rc;
}
