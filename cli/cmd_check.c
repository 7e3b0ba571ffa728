/*
 * cmd_check.c — `dondoc check`: every finding at --now, as a table or the
 * contract's JSON. Reads the store, writes nothing (but a missing database
 * file, created empty).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "evaluate.h"
#include "legal_calendar.h"
#include "output.h"

/* Distinct years a run can warn about: every year rules may name. */
#define CHECK_MAX_NOTES (MODEL_YEAR_MAX - MODEL_YEAR_MIN + 1)

/* The years in the evaluated windows whose holidays are computed, not
 * announced: one warning line each, once however many jurisdictions share
 * them, and the same as notes for the JSON. */
struct calendar_notes {
  int years[CHECK_MAX_NOTES];
  char text[CHECK_MAX_NOTES][LEGAL_NOTE_LEN];
  struct output_calendar_note v[CHECK_MAX_NOTES];
  size_t n;
};

static void calendar_notes_collect(struct calendar_notes *cn,
                                   const struct jurisdiction *j,
                                   const struct eval_options *o)
{
  cal_day lo, hi;
  if (j->is_template)
    return;
  evaluate_window(j, o, &lo, &hi);
  cn->n = legal_unannounced_years(&j->holidays, lo, hi, cn->years, cn->n,
                                  CHECK_MAX_NOTES);
}

static void calendar_notes_finish(struct calendar_notes *cn)
{
  for (size_t i = 0; i < cn->n; i++) {
    legal_year_note(cn->years[i], cn->text[i], sizeof cn->text[i]);
    cn->v[i] = (struct output_calendar_note){.year = cn->years[i],
                                             .message = cn->text[i]};
    fprintf(stderr, "dondoc: warning: %s\n", cn->text[i]);
  }
}

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
  static struct calendar_notes notes;     /* 70 KB: not on the stack */
  notes.n = 0;
  char err[512];
  bool db_failed = false;
  /* A jurisdiction that cannot be evaluated is reported and left out;
   * every other one is still printed. */
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (c->jurisdiction && strcmp(j->id, c->jurisdiction) != 0)
      continue;
    calendar_notes_collect(&notes, j, &o);
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
  calendar_notes_finish(&notes);
  size_t skipped = 0;
  rc = c->json ? output_findings_json(stdout, &f, notes.v, notes.n, &skipped)
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
