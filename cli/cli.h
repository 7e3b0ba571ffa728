/*
 * cli.h — what the command files of cli/ share.
 *
 * main.c parses the command line into a struct cli and dispatches to one
 * cmd_*() function per command family (cmd_check.c, cmd_record.c,
 * cmd_rules.c, cmd_run.c, cmd_outbox.c), as git's builtin/ does. Each
 * command loads what it needs through world.c — the config, the rules, the
 * store — and returns an exit status; messages go to stderr from here, the
 * one layer that talks to people. Nothing below cli/ prints an error.
 */
#ifndef DONDOC_CLI_H
#define DONDOC_CLI_H

#include <stdbool.h>
#include "calendar.h"
#include "config.h"
#include "model.h"
#include "rules.h"
#include "store.h"

#define DONDOC_VERSION "0.2.0"

enum { EXIT_OK = 0, EXIT_USAGE = 2, EXIT_RULES = 3, EXIT_INPUT = 4,
       EXIT_DB = 5, EXIT_UNDELIVERED = 6 };

#define CLI_MAX_ARGS 16

struct cli {
  const char *config, *db, *now, *on, *jurisdiction, *note, *unit, *kind;
  const char *until, *letter, *reason, *since;
  int json, verbose, quiet, all, help, version, dry_run, strict;
  int replace;                     /* import: rows may change stored data */
  const char *agency;              /* calendar, rules preview */
  const char *format, *output;
  const char *min_coverage, *from, *to;               /* rules test / preview */
  int coverage;
  const char *args[CLI_MAX_ARGS]; int n_args;
  /* "Now": from --now, or the real clock in the configured zone once the
   * config is loaded (world_load_config). today_set tells which. */
  cal_day today; int minute;
  bool today_set;
};

/* The loaded world: config, rules, store. */
struct world {
  struct config cfg;
  struct ruleset rules;
  struct store *store;
};

void world_release(struct world *w);

/* Print "dondoc: <fmt with arg> (try 'dondoc --help')"; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);

/* Load the config; sets c->today from the real clock in its zone when
 * --now was not given. Returns 0 or an exit status (message printed). */
int world_load_config(struct cli *c, struct world *w);
/* Load the given jurisdictions (NULL: the config's). Rule errors are
 * printed and *failed set; the jurisdictions that loaded stay usable.
 * Returns 0 or an exit status. */
int world_load_rules(struct cli *c, struct world *w,
                     const char *const *ids, size_t n, int *failed);
int world_open_store(struct cli *c, struct world *w);

/* The jurisdiction that declares obligation or indicator `id`, or NULL
 * with a message printed. --jurisdiction settles ambiguity. */
const struct jurisdiction *world_find_owner(const struct cli *c,
                                            const struct world *w,
                                            const char *what, const char *id,
                                            bool is_indicator);

/* Parse a YYYY-MM-DD option value; EXIT_INPUT with a message when it is
 * not a real date. */
int cli_parse_date_option(const char *name, const char *value, cal_day *out);

/* A free-text option (--letter, --reason, --note): valid UTF-8, no control
 * characters, at most max_chars characters. 0, or EXIT_INPUT with a
 * message naming the option. */
int cli_check_text_option(const char *name, const char *value,
                          size_t max_chars);

int cmd_check(struct cli *c, struct world *w);
int cmd_submit(struct cli *c, struct world *w);
int cmd_observe(struct cli *c, struct world *w);
int cmd_grant(struct cli *c, struct world *w, bool exemption);
int cmd_rules(struct cli *c, struct world *w);
int cmd_rules_test(struct cli *c, struct world *w);
int cmd_rules_preview(struct cli *c, struct world *w);
int cmd_run(struct cli *c, struct world *w);
int cmd_outbox(struct cli *c, struct world *w);
int cmd_import(struct cli *c, struct world *w);
int cmd_report(struct cli *c, struct world *w);
int cmd_calendar(struct cli *c, struct world *w);

#endif
