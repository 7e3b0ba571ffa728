/*
 * cmd_preview.c — `dondoc rules preview ID [--from DATE] [--to DATE]
 * [--agency ID] [--json]`: what one jurisdiction's rules produce over a
 * span (engine/preview.h), read before turning them on. The configured
 * database is never opened.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "preview.h"

/* The same day `months` months later, the last of the month when that
 * month is shorter, minus one day: a month (or a year) of days. */
static cal_day span_end(cal_day from, int months)
{
  int y, m, d;
  cal_day out;
  cal_to_ymd(from, &y, &m, &d);
  m += months;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  if (d > cal_days_in_month(y, m))
    d = cal_days_in_month(y, m);
  if (cal_from_ymd(y, m, d, &out) != 0)
    return from;
  return out - 1;
}

int cmd_rules_preview(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  struct preview_options o = {0};
  if (c->n_args != 3)
    return usage_error("%s", "rules preview needs one jurisdiction: rules "
                       "preview ID [--from DATE] [--to DATE] [--agency ID]");
  if ((rc = world_load_config(c, w)))
    return rc;
  o.from = c->today;
  if (c->from && cal_parse_date(c->from, &o.from) != 0)
    return usage_error("--from '%s' is not a real date (YYYY-MM-DD)",
                       c->from);
  o.to = span_end(o.from, c->agency ? 12 : 1);
  if (c->to && cal_parse_date(c->to, &o.to) != 0)
    return usage_error("--to '%s' is not a real date (YYYY-MM-DD)", c->to);
  int y1, y2, m, d;
  cal_to_ymd(o.from, &y1, &m, &d);
  cal_to_ymd(o.to, &y2, &m, &d);
  if (y1 < MODEL_YEAR_MIN || y2 > MODEL_YEAR_MAX) {
    fprintf(stderr, "dondoc: rules preview: the span must lie in the years "
            "%d–%d (try 'dondoc --help')\n", MODEL_YEAR_MIN, MODEL_YEAR_MAX);
    return EXIT_USAGE;
  }
  if (o.to < o.from || o.to - o.from + 1 > PREVIEW_MAX_DAYS) {
    fprintf(stderr, "dondoc: rules preview: --to must not be before --from, "
            "and a preview spans at most %d days (try 'dondoc --help')\n",
            PREVIEW_MAX_DAYS);
    return EXIT_USAGE;
  }
  const char *const ids[1] = {c->args[2]};
  if ((rc = world_load_rules(c, w, ids, 1, &failed)))
    return rc;
  if (w->rules.n == 0)
    return EXIT_RULES;
  const struct jurisdiction *j = &w->rules.jurisdictions[0];
  if (c->agency && (o.agency = model_agency(j, c->agency)) == NULL) {
    fprintf(stderr, "dondoc: unknown agency '%s' in %s\n", c->agency, j->id);
    return EXIT_INPUT;
  }

  struct preview p = {0};
  char err[512];
  if (preview_build(j, &o, &p, err, sizeof err) != 0) {
    fprintf(stderr, "dondoc: %s: %s\n", j->id, err);
    preview_release(&p);
    return EXIT_RULES;
  }
  rc = c->json ? preview_write_json(stdout, &p)
               : preview_write_text(stdout, &p);
  preview_release(&p);
  if (rc != 0 || fflush(stdout) != 0) {
    fprintf(stderr, "dondoc: cannot write the preview\n");
    return 1;
  }
  return failed ? EXIT_RULES : 0;
}
