/*
 * cmd_check.c — `dondoc check`: every finding at --now, as a table or the
 * contract's JSON. Reads the store, writes nothing (but a missing database
 * file, created empty).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "evaluate.h"
#include "output.h"

int cmd_check(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  enum finding_kind only = FIND_DUE_SOON;
  if (c->n_args != 1)
    return usage_error("check takes no arguments (got '%s')", c->args[1]);
  if (c->kind && finding_kind_parse(c->kind, &only) != 0)
    return usage_error("unknown finding kind '%s'", c->kind);
  if ((rc = world_load_config(c, w)) ||
      (rc = world_load_rules(c, w, NULL, 0, &failed)) ||
      (rc = world_open_store(c, w)))
    return rc;

  struct findings f = {0};
  struct eval_options o = {.now = c->today, .all = c->all || c->kind};
  char err[512];
  bool db_failed = false;
  /* A jurisdiction that cannot be evaluated is reported and left out;
   * every other one is still printed. */
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (c->jurisdiction && strcmp(j->id, c->jurisdiction) != 0)
      continue;
    size_t before = f.n;
    int erc = evaluate_jurisdiction(j, w->store, &o, &f, err, sizeof err);
    if (erc != 0) {
      fprintf(stderr, "dondoc: %s: %s\n", j->id, err);
      findings_truncate(&f, before);
      if (erc == EVAL_ERR_RULES)
        failed = 1;
      else
        db_failed = true;
    }
  }
  if (c->kind) {
    size_t kept = 0;
    for (size_t i = 0; i < f.n; i++)
      if (f.v[i].kind == only)
        f.v[kept++] = f.v[i];
    f.n = kept;
  }
  size_t skipped = 0;
  rc = c->json ? output_findings_json(stdout, &f, &skipped)
               : output_findings_table(stdout, &f, c->today);
  findings_release(&f);
  if (rc != 0 || fflush(stdout) != 0) {
    fprintf(stderr, "dondoc: cannot write the findings\n");
    return 1;
  }
  if (skipped) {
    fprintf(stderr, "dondoc: %zu finding%s could not be encoded (out of "
            "memory) and %s left out\n", skipped, skipped == 1 ? "" : "s",
            skipped == 1 ? "was" : "were");
    return 1;
  }
  return db_failed ? EXIT_DB : failed ? EXIT_RULES : 0;
}
