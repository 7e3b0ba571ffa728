/*
 * world.c — loading what a command needs (cli.h): config, rules, store,
 * and the checks every command shares on what a person typed.
 */
#include "cli.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int usage_error(const char *fmt, const char *arg)
{
  fprintf(stderr, "dondoc: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " (try 'dondoc --help')\n");
  return EXIT_USAGE;
}

void world_release(struct world *w)
{
  store_close(w->store);
  w->store = NULL;
  rules_release(&w->rules);
  config_release(&w->cfg);
}

int world_load_config(struct cli *c, struct world *w)
{
  char err[CONFIG_ERR_LEN];
  if (config_load(config_default_path(c->config), &w->cfg, err) != 0) {
    fprintf(stderr, "dondoc: %s\n", err);
    return EXIT_RULES;
  }
  /* Even with --quiet: a secret others can read is worth a line. */
  for (size_t i = 0; i < w->cfg.n_warnings; i++)
    fprintf(stderr, "dondoc: warning: %s\n", w->cfg.warnings[i]);
  if (!c->today_set) {         /* the real time, in the configured zone */
    cal_today(w->cfg.utc_offset_minutes, &c->today, &c->minute);
    c->today_set = true;
  }
  return 0;
}

int world_load_rules(struct cli *c, struct world *w,
                     const char *const *ids, size_t n, int *failed)
{
  struct rules_options o;
  rules_options_default(&o, w->cfg.rules_dir);
  o.memory_limit = w->cfg.memory_limit;
  o.instruction_limit = w->cfg.instruction_limit;
  o.time_limit_ms = w->cfg.time_limit_ms;
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
  /* Mistakes that did not stop a jurisdiction (a malformed address): it is
   * served without the faulty part, and told of the errors every time;
   * warnings by `rules check` (and -v), the digest lists both. */
  bool all = strcmp(c->args[0], "rules") == 0 || c->verbose;
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    for (size_t k = 0; k < j->n_diags; k++)
      if (all || j->diags[k].error)
        fprintf(stderr, "dondoc: %s\n", j->diags[k].message);
    if (model_diag_errors(j) > 0)
      *failed = 1;
  }
  if (c->verbose)
    for (size_t i = 0; i < w->rules.n; i++)
      fprintf(stderr, "dondoc: loaded %s: %zu agencies, %zu obligations, "
              "%zu indicators\n", w->rules.jurisdictions[i].id,
              w->rules.jurisdictions[i].n_agencies,
              w->rules.jurisdictions[i].n_obligations,
              w->rules.jurisdictions[i].n_indicators);
  return 0;
}

/* SQLite makes the database file but not its folder, and says only
 * "unable to open database file": name the folder that is missing. */
static void explain_missing_folder(const char *path)
{
  const char *slash = strrchr(path, '/');
  if (slash == NULL || slash == path)
    return;
  char dir[4096];
  if ((size_t)(slash - path) >= sizeof dir)
    return;
  memcpy(dir, path, (size_t)(slash - path));
  dir[slash - path] = '\0';
  struct stat st;
  if (stat(dir, &st) != 0)
    fprintf(stderr, "dondoc: the folder %s does not exist: create it "
            "(mkdir -p %s) or set database in the config, or --db\n", dir, dir);
}

int world_open_store(struct cli *c, struct world *w)
{
  char err[STORE_ERR_LEN];
  const char *path = c->db ? c->db : w->cfg.database;
  w->store = store_open(path, err);
  if (w->store == NULL) {
    fprintf(stderr, "dondoc: %s\n", err);
    explain_missing_folder(path);
    return EXIT_DB;
  }
  return 0;
}

const struct jurisdiction *world_find_owner(const struct cli *c,
                                            const struct world *w,
                                            const char *what, const char *id,
                                            bool is_indicator)
{
  const struct jurisdiction *found = NULL;
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (j->is_template ||
        (c->jurisdiction && strcmp(j->id, c->jurisdiction) != 0))
      continue;
    bool has = is_indicator ? model_indicator(j, id) != NULL
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

int cli_parse_date_option(const char *name, const char *value, cal_day *out)
{
  if (cal_parse_date(value, out) != 0) {
    fprintf(stderr, "dondoc: %s '%s' is not a real date (YYYY-MM-DD)\n",
            name, value);
    return EXIT_INPUT;
  }
  return 0;
}

int cli_check_text_option(const char *name, const char *value,
                          size_t max_chars)
{
  size_t bad = 0;
  long n = utf8_length(value, &bad), ctl;
  if (n < 0) {
    fprintf(stderr, "dondoc: %s is not valid UTF-8 (byte %zu); type it "
            "again or save the script as UTF-8\n", name, bad + 1);
    return EXIT_INPUT;
  }
  if ((ctl = utf8_find_control(value)) >= 0) {
    fprintf(stderr, "dondoc: %s contains a control character (byte %ld: a "
            "line break or tab?); give it on one line\n", name, ctl + 1);
    return EXIT_INPUT;
  }
  if ((size_t)n > max_chars) {
    fprintf(stderr, "dondoc: %s is %ld characters long; at most %zu are "
            "kept on record\n", name, n, max_chars);
    return EXIT_INPUT;
  }
  return 0;
}
