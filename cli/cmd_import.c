/*
 * cmd_import.c — `dondoc import FILE.csv [--dry-run] [--replace]`: the
 * indicator values and received reports that agencies send, from the
 * files officers make in Excel (engine/import.h, docs/import.md).
 *
 * The file is read and checked against the rules first; its rows are
 * then compared with the database in a transaction that writes only when
 * every row is good. Bad rows and warnings go to stderr as "FILE:ROW:
 * reason", the plan (what is new, the same, changed) to stdout.
 */
#include "cli.h"
#include "import.h"

#include <stdio.h>
#include <string.h>

/* A number as the tables show it: a decimal comma, all its digits. */
static const char *vn_number(double v, char buf[40])
{
  snprintf(buf, 40, "%.15g", v);
  char *dot = strchr(buf, '.');
  if (dot)
    *dot = ',';
  return buf;
}

static const char *state_name(const struct import_fact *f, bool dry_run)
{
  switch (f->state) {
  case IMPORT_NEW: return "new";
  case IMPORT_SAME: return "same";
  case IMPORT_CHANGED: return dry_run ? "changed" : "replaced";
  case IMPORT_KEPT: return "kept";
  }
  return "?";
}

/* One line per fact: "new      data.csv:3  bac-ninh m1.1 2024 = 52,5". */
static void print_fact(const struct import_options *o,
                       const struct import_fact *f)
{
  char a[40], b[40], d[CAL_DATE_LEN], e[CAL_DATE_LEN];
  printf("%-8s %s:%zu  %s ", state_name(f, o->dry_run), o->path, (size_t)f->row,
         f->j->id);
  if (f->is_observation) {
    printf("%s %s", f->ind->id, f->period);
    if (strcmp(f->unit, f->j->id) != 0)      /* a district, an agency */
      printf(" (%s)", f->unit);
    printf(" = %s", vn_number(f->value, a));
    if (f->state == IMPORT_CHANGED)
      printf(" (was %s)", vn_number(f->old_value, b));
  } else {
    cal_format_vn(f->received, d);
    printf("%s %s %s received %s", f->agency, f->ob->id, f->period, d);
    cal_format_vn(f->old_received, e);
    if (f->state == IMPORT_CHANGED)
      printf(" (was %s)", e);
    else if (f->state == IMPORT_KEPT)
      printf(" (%s stays: the first receipt counts)", e);
  }
  if (f->same_as)
    printf(" (as row %zu)", (size_t)f->same_as);
  putchar('\n');
}

static const char *separator_name(char c)
{
  return c == ';' ? "semicolons" : c == '\t' ? "tabs" : "commas";
}

static void print_errors(const struct import_options *o,
                         const struct import_plan *plan)
{
  for (size_t i = 0; i < plan->n_errors; i++)
    fprintf(stderr, "%s\n", plan->errors[i].message);
  if (plan->n_errors_dropped)
    fprintf(stderr, "%s: … and %zu more\n", o->path, plan->n_errors_dropped);
  fprintf(stderr, "dondoc: %s: %zu error%s; nothing imported\n", o->path,
          plan->n_errors + plan->n_errors_dropped,
          plan->n_errors + plan->n_errors_dropped == 1 ? "" : "s");
}

int cmd_import(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args != 2)
    return usage_error("%s", "import needs one FILE.csv");
  if ((rc = world_load_config(c, w)) ||
      (rc = world_load_rules(c, w, NULL, 0, &failed)))
    return rc;
  struct import_options o = {
    .path = c->args[1], .jurisdiction = c->jurisdiction, .today = c->today,
    .today_label = c->now ? "--now" : "today", .replace = c->replace != 0,
    .dry_run = c->dry_run != 0,
  };
  struct import_plan plan;
  if (import_read(&o, &w->rules, &plan) != 0) {
    import_plan_release(&plan);
    fprintf(stderr, "dondoc: out of memory reading %s\n", o.path);
    return EXIT_DB;
  }
  for (size_t i = 0; i < plan.n_warnings; i++)
    fprintf(stderr, "%s\n", plan.warnings[i].message);
  /* A file that cannot be read at all, or whose header is wrong, has no
   * rows to compare with the database: it is not opened. */
  if (plan.n_errors > 0 && plan.n_facts == 0) {
    print_errors(&o, &plan);
    import_plan_release(&plan);
    return EXIT_INPUT;
  }
  if ((rc = world_open_store(c, w))) {
    if (plan.n_errors > 0) {
      print_errors(&o, &plan);
      rc = EXIT_INPUT;
    }
    import_plan_release(&plan);
    return rc;
  }
  rc = import_apply(&o, w->store, &plan);
  if (rc < 0) {
    fprintf(stderr, "dondoc: %s\n", rc == -2 ? "out of memory"
                                             : store_errmsg(w->store));
    import_plan_release(&plan);
    return EXIT_DB;
  }
  /* A dry run shows every row; an import what it changed (-v: all). */
  for (size_t i = 0; i < plan.n_facts && !c->quiet; i++) {
    const struct import_fact *f = &plan.facts[i];
    if (o.dry_run || c->verbose ||
        ((f->state == IMPORT_CHANGED || f->state == IMPORT_KEPT) && rc == 0))
      print_fact(&o, f);
  }
  if (rc == 1) {
    print_errors(&o, &plan);
    import_plan_release(&plan);
    return EXIT_INPUT;
  }
  if (!c->quiet) {
    printf("%s %s (%s, %s, %zu row%s): %zu new, %zu same, %zu %s",
           o.dry_run ? "dry run, nothing written:" : "imported", o.path,
           import_encoding_name(plan.encoding),
           separator_name(plan.delimiter), plan.n_rows,
           plan.n_rows == 1 ? "" : "s", plan.n_new, plan.n_same,
           plan.n_changed, o.dry_run ? "changed" : "replaced");
    if (plan.n_kept)
      printf(", %zu kept (the first receipt counts)", plan.n_kept);
    putchar('\n');
  }
  import_plan_release(&plan);
  return failed ? EXIT_RULES : 0;
}
