/*
 * cmd_rules.c — `dondoc rules check|list`: load and validate rule folders
 * (the configured ones, or drafts named by path) without touching data.
 * `rules test` and `rules preview` live in cmd_ruletest.c and
 * cmd_preview.c.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "evaluate.h"
#include "legal_calendar.h"

/* Say once, for all the loaded jurisdictions, which years from a year back
 * to a year ahead (or from monitor_from) have only computed holidays. */
static void warn_computed_years(const struct cli *c, const struct world *w)
{
  int years[MODEL_YEAR_MAX - MODEL_YEAR_MIN + 1];
  size_t n = 0;
  struct eval_options o = {.now = c->today, .all = true};
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    cal_day lo, hi;
    if (j->is_template)
      continue;
    evaluate_window(j, &o, &lo, &hi);
    n = legal_unannounced_years(&j->holidays, lo, hi, years, n,
                                sizeof years / sizeof *years);
  }
  for (size_t i = 0; i < n; i++) {
    char msg[LEGAL_NOTE_LEN];
    legal_year_note(years[i], msg, sizeof msg);
    fprintf(stderr, "dondoc: warning: %s\n", msg);
  }
}

/* One diagnostic as JSON for editors: "FILE:LINE: LEVEL: TEXT [CODE]"
 * taken apart. */
static json_t *diag_json(const char *jurisdiction, const char *message,
                         const char *code, bool error)
{
  const char *label = error ? ": error: " : ": warning: ";
  const char *at = strstr(message, label);
  const char *text = at ? at + strlen(label) : message;
  size_t where_len = at ? (size_t)(at - message) : 0, text_len = strlen(text);
  size_t code_len = strlen(code);
  if (text_len > code_len + 3 && text[text_len - 1] == ']' &&
      strncmp(text + text_len - code_len - 3, " [", 2) == 0)
    text_len -= code_len + 3;
  const char *colon = NULL;
  for (const char *p = message; p < message + where_len; p++)
    if (*p == ':')
      colon = p;
  bool has_line = colon && colon + 1 < message + where_len;
  for (const char *p = colon ? colon + 1 : NULL;
       has_line && p < message + where_len; p++)
    has_line = *p >= '0' && *p <= '9';
  size_t file_len = has_line ? (size_t)(colon - message) : where_len;
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  int bad = json_object_set_new(o, "jurisdiction", json_string(jurisdiction)) |
            json_object_set_new(o, "file", file_len ? json_stringn(message,
                                                      file_len) : json_null()) |
            json_object_set_new(o, "line", has_line
                                ? json_integer(atol(colon + 1)) : json_null()) |
            json_object_set_new(o, "level", json_string(error ? "error"
                                                              : "warning")) |
            json_object_set_new(o, "code", json_string(code)) |
            json_object_set_new(o, "message", json_stringn(text, text_len));
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* `rules check --format json`: every error and warning, for editors. */
static int print_diags_json(const struct world *w)
{
  json_t *a = json_array();
  int bad = a == NULL;
  for (size_t i = 0; !bad && i < w->rules.n_errors; i++)
    bad = json_array_append_new(a, diag_json(w->rules.errors[i].jurisdiction,
                                             w->rules.errors[i].message,
                                             w->rules.errors[i].code,
                                             true)) != 0;
  for (size_t i = 0; !bad && i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    for (size_t k = 0; !bad && k < j->n_diags; k++)
      bad = json_array_append_new(a, diag_json(j->id, j->diags[k].message,
                                               j->diags[k].code,
                                               j->diags[k].error)) != 0;
  }
  if (!bad)
    bad = json_dumpf(a, stdout, JSON_INDENT(2)) != 0 || putchar('\n') == EOF;
  json_decref(a);
  return bad ? -1 : 0;
}

int cmd_rules(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args >= 2 && strcmp(c->args[1], "test") == 0)
    return cmd_rules_test(c, w);
  if (c->n_args >= 2 && strcmp(c->args[1], "preview") == 0)
    return cmd_rules_preview(c, w);
  if (c->n_args < 2 || (strcmp(c->args[1], "check") != 0 &&
                        strcmp(c->args[1], "list") != 0))
    return usage_error("%s", "rules needs 'check', 'list', 'test' or "
                       "'preview'");
  if ((rc = world_load_config(c, w)))
    return rc;
  const char *const *ids = c->n_args > 2 ? c->args + 2 : NULL;
  if ((rc = world_load_rules(c, w, ids, (size_t)(c->n_args - 2), &failed)))
    return rc;
  bool json = c->format && strcmp(c->format, "json") == 0;
  if (c->format && !json)
    return usage_error("rules --format '%s': only json", c->format);
  /* --strict: a warning fails the check as an error would */
  for (size_t i = 0; c->strict && i < w->rules.n; i++)
    if (w->rules.jurisdictions[i].n_diags > 0)
      failed = 1;
  if (json && strcmp(c->args[1], "check") == 0) {
    if (print_diags_json(w) != 0) {
      fprintf(stderr, "dondoc: cannot write the diagnostics\n");
      return 1;
    }
    return failed ? EXIT_RULES : 0;
  }
  warn_computed_years(c, w);
  int year, month, day;
  cal_to_ymd(c->today, &year, &month, &day);
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    size_t errors = model_diag_errors(j);
    size_t warnings = j->n_diags - errors;
    if (!c->quiet)
      printf("%s: %s (%s; %zu agencies, %zu roles, %zu obligations, "
             "%zu campaigns, %zu indicators, %zu weekdays off in %d)", j->id,
             errors ? "errors" : warnings ? "ok, with warnings" : "ok",
             j->name, j->n_agencies, j->n_roles, j->n_obligations,
             j->n_campaigns, j->n_indicators,
             cal_holidays_weekdays_off(&j->holidays, year), year);
    if (!c->quiet && j->n_diags)
      printf(": %zu error%s, %zu warning%s, listed above", errors,
             errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    if (!c->quiet)
      putchar('\n');
    if (strcmp(c->args[1], "list") != 0)
      continue;
    for (size_t k = 0; k < j->n_obligations; k++) {
      const struct obligation *o = &j->obligations[k];
      printf("  obligation %-28s %s\n", o->id, o->title);
      for (size_t q = 0; q < o->n_schedules; q++)
        if (o->schedules[q].due.base == DUE_AS_INSTRUCTED)
          printf("             %s: date as instructed (awaiting a date; "
                 "%zu set)\n",
                 cal_period_kind_name(o->schedules[q].kind),
                 o->schedules[q].n_dates);
      if (o->n_to > 1) {
        printf("             to:");
        for (size_t q = 0; q < o->n_to; q++)
          printf(" %s", o->to[q]);
        putchar('\n');
      }
    }
    for (size_t k = 0; k < j->n_campaigns; k++)
      printf("  campaign   %-28s %s\n", j->campaigns[k].id,
             j->campaigns[k].title);
    for (size_t k = 0; k < j->n_indicators; k++) {
      const struct indicator *ind = &j->indicators[k];
      printf("  indicator  %-28s %s\n", ind->id, ind->title);
      for (size_t t = 0; t < ind->n_targets; t++)
        if (ind->targets[t].year_from_plan)
          printf("             target %g has no year in the plan: read as "
                 "%d (plan_end)\n", ind->targets[t].value,
                 ind->targets[t].year);
    }
    for (size_t k = 0; k < j->n_agencies; k++)
      printf("  agency     %-28s %s\n", j->agencies[k].id,
             j->agencies[k].name);
  }
  return failed ? EXIT_RULES : 0;
}
