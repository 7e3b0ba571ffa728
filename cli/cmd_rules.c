/*
 * cmd_rules.c — `dondoc rules check|list`: load and validate rule folders
 * (the configured ones, or drafts named by path) without touching data.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cmd_rules(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args < 2 || (strcmp(c->args[1], "check") != 0 &&
                        strcmp(c->args[1], "list") != 0))
    return usage_error("%s", "rules needs 'check' or 'list'");
  if ((rc = world_load_config(c, w)))
    return rc;
  const char *const *ids = c->n_args > 2 ? c->args + 2 : NULL;
  if ((rc = world_load_rules(c, w, ids, (size_t)(c->n_args - 2), &failed)))
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
