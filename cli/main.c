/*
 * main.c — the dondoc command line: parse, dispatch, exit.
 *
 * Options are accepted before or after the command name. Each command
 * family lives in a cli/cmd_*.c file of its own; this file only knows
 * their names. Exit statuses (cli.h):
 *   0 success   2 usage   3 config or rules   4 bad input   5 database
 *   6 some messages failed permanently
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "cli.h"

#define NOW_MIN_YEAR 1990
#define NOW_MAX_YEAR 2199

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
  "  import FILE.csv [--dry-run] [--replace]\n"
  "                                 indicator values or received reports from\n"
  "                                 a CSV file, all rows or none\n"
  "  run [--dry-run]                queue the reminders the policy calls for,\n"
  "                                 deliver what is due (cron / systemd timer)\n"
  "  outbox list [--kind STATUS]     queued, sent, failed and dropped messages\n"
  "  outbox retry ID | drop ID       steer one delivery\n"
  "  outbox retry --all [--kind failed|queued] [--since DATE]\n"
  "                                 queue again in bulk\n"
  "  outbox history --format csv [-o FILE]   every attempt, as evidence\n"
  "  rules check [ID|PATH...] [--strict] [--format json]\n"
  "                                 load and lint rules, touch no data\n"
  "  report [--format html|json|csv|xlsx] [-o FILE] [--jurisdiction ID]\n"
  "                                 the secretariat's status report at --now\n"
  "  calendar [--agency ID] [-o FILE]   deadlines and campaign windows as\n"
  "                                 iCalendar (RFC 5545), to subscribe to\n"
  "  rules list                     the jurisdictions, agencies, obligations\n"
  "  rules test [ID|PATH...] [--all] [--coverage] [--min-coverage P]\n"
  "                                 run the rule tests (rules/ID/tests/*.lua)\n"
  "  rules preview ID [--from DATE] [--to DATE] [--agency ID]\n"
  "                                 every deadline, shift, campaign, status\n"
  "                                 change and reminder over the span\n"
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
  "  --on DATE        submit: the day the report arrived (default: today)\n"
  "  --note TEXT      submit: a note (letter number …)\n"
  "  --unit ID        observe: the reporting unit (default: the jurisdiction)\n"
  "  --replace        import: let rows change values already recorded\n"
  "  --agency ID      calendar: only what this agency owes and runs\n"
  "  -v, -q           more or less talk on stderr\n"
  "  --help, --version\n"
  "\n"
  "exit status: 0 ok, 2 usage, 3 config or rules, 4 bad input, 5 database,\n"
  "6 messages failed permanently\n";

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
    {"--since", offsetof(struct cli, since)},
    {"--agency", offsetof(struct cli, agency)},
    {"--format", offsetof(struct cli, format)},
    {"-o", offsetof(struct cli, output)},
    {"--output", offsetof(struct cli, output)},
    {"--min-coverage", offsetof(struct cli, min_coverage)},
    {"--from", offsetof(struct cli, from)},
    {"--to", offsetof(struct cli, to)},
  };
  static const struct { const char *name; size_t off; } flags[] = {
    {"--json", offsetof(struct cli, json)}, {"-v", offsetof(struct cli, verbose)},
    {"--verbose", offsetof(struct cli, verbose)},
    {"-q", offsetof(struct cli, quiet)}, {"--quiet", offsetof(struct cli, quiet)},
    {"--all", offsetof(struct cli, all)}, {"--help", offsetof(struct cli, help)},
    {"-h", offsetof(struct cli, help)}, {"--version", offsetof(struct cli, version)},
    {"--dry-run", offsetof(struct cli, dry_run)},
    {"--strict", offsetof(struct cli, strict)},
    {"--replace", offsetof(struct cli, replace)},
    {"--coverage", offsetof(struct cli, coverage)},
  };
  int only_args = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    /* "-", and negative numbers ("-5", "-0.5"), are arguments */
    if (only_args || a[0] != '-' || a[1] == '\0' ||
        (a[1] >= '0' && a[1] <= '9') || a[1] == '.') {
      if (c->n_args == CLI_MAX_ARGS)
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

static int dispatch(const char *cmd, struct cli *c, struct world *w)
{
  if (strcmp(cmd, "check") == 0)
    return cmd_check(c, w);
  if (strcmp(cmd, "submit") == 0)
    return cmd_submit(c, w);
  if (strcmp(cmd, "observe") == 0)
    return cmd_observe(c, w);
  if (strcmp(cmd, "extend") == 0)
    return cmd_grant(c, w, false);
  if (strcmp(cmd, "exempt") == 0)
    return cmd_grant(c, w, true);
  if (strcmp(cmd, "rules") == 0)
    return cmd_rules(c, w);
  if (strcmp(cmd, "import") == 0)
    return cmd_import(c, w);
  if (strcmp(cmd, "run") == 0)
    return cmd_run(c, w);
  if (strcmp(cmd, "outbox") == 0)
    return cmd_outbox(c, w);
  if (strcmp(cmd, "report") == 0)
    return cmd_report(c, w);
  if (strcmp(cmd, "calendar") == 0)
    return cmd_calendar(c, w);
  return usage_error("unknown command '%s'", cmd);
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
    int year, month, day;
    if (cal_parse_moment(c.now, &c.today, &c.minute) != 0) {
      fprintf(stderr, "dondoc: --now '%s' is not a real date "
              "(YYYY-MM-DD or YYYY-MM-DDTHH:MM)\n", c.now);
      return EXIT_USAGE;
    }
    /* Plans, holidays and period ids are about this era; a date far from
     * it is a typo, not a question dondoc can answer. */
    cal_to_ymd(c.today, &year, &month, &day);
    if (year < NOW_MIN_YEAR || year > NOW_MAX_YEAR) {
      fprintf(stderr, "dondoc: --now '%s': the year must be between %d and "
              "%d\n", c.now, NOW_MIN_YEAR, NOW_MAX_YEAR);
      return EXIT_USAGE;
    }
    c.today_set = true;
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    fprintf(stderr, "dondoc: cannot initialise libcurl\n");
    return 1;
  }
  rc = dispatch(c.args[0], &c, &w);
  world_release(&w);
  curl_global_cleanup();
  return rc;
}
