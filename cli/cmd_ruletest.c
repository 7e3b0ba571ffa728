/*
 * cmd_ruletest.c — `dondoc rules test [ID|PATH…] [--all] [--coverage]
 * [--min-coverage P] [--json]`: run the rule tests beside each
 * jurisdiction's rules (engine/ruletest.h) and say what passed, what
 * failed — each failed expectation at its FILE:LINE with the nearest
 * actual findings as a diff — and, with --coverage, what the tests reach.
 *
 * Exit status: 0 every test passed (and coverage is at least P), 1 a test
 * failed (or coverage is below P), 3 a rule or test-file error.
 */
#include "cli.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>

#include "ruletest.h"
#include "utf8.h"

/* What one command-line argument names: a jurisdiction (an id, or a path
 * that world_load_rules understands) and maybe one test file in it. */
struct test_target {
  char load[4096];
  char id[256];
  char file[4096];                 /* "" : every file in tests/ */
};

struct totals {
  size_t passed, failed, errors, files;
  bool rules_error, below;
};

static bool is_dir(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *base_name(const char *path)
{
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Drop the last component of path ("a/b" → "a", "b" → "."). */
static void cut_last(char *path, size_t len)
{
  char *slash = strrchr(path, '/');
  if (slash == NULL)
    snprintf(path, len, ".");
  else if (slash == path)
    slash[1] = '\0';
  else
    *slash = '\0';
}

/* PATH forms: rules/x, rules/x/FILE.lua (a rule file), rules/x/tests,
 * rules/x/tests/FILE.lua (that test file only). */
static void target_of(const char *arg, struct test_target *t)
{
  char path[4096];
  memset(t, 0, sizeof *t);
  if (strchr(arg, '/') == NULL) {
    snprintf(t->load, sizeof t->load, "%s", arg);
    snprintf(t->id, sizeof t->id, "%s", arg);
    return;
  }
  snprintf(path, sizeof path, "%s", arg);
  size_t len = strlen(path);
  while (len > 1 && path[len - 1] == '/')
    path[--len] = '\0';
  if (is_file(path)) {
    if (strcmp(base_name(path), "tests") != 0) {
      cut_last(path, sizeof path);
      if (strcmp(base_name(path), "tests") == 0)
        snprintf(t->file, sizeof t->file, "%s", arg);
    }
  }
  if (strcmp(base_name(path), "tests") == 0 && is_dir(path))
    cut_last(path, sizeof path);
  /* a folder named without a '/' ("." in the jurisdiction's folder):
   * its real name is the jurisdiction's id */
  if (strchr(path, '/') == NULL) {
    char real[4096];
    if (realpath(path, real) != NULL)
      snprintf(path, sizeof path, "%s", real);
  }
  snprintf(t->load, sizeof t->load, "%s", path);
  snprintf(t->id, sizeof t->id, "%s", base_name(path));
}

static int cmp_names(const void *a, const void *b)
{
  return strcmp(((const struct test_target *)a)->id,
                ((const struct test_target *)b)->id);
}

/* --all: every jurisdiction folder of the rules directory with tests/. */
static size_t all_targets(const char *rules_dir, struct test_target **out)
{
  DIR *d = opendir(rules_dir);
  size_t n = 0, cap = 0;
  struct test_target *v = NULL;
  *out = NULL;
  if (d == NULL)
    return 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    char tests[4400], decl[4400];
    if (e->d_name[0] == '.')
      continue;
    snprintf(tests, sizeof tests, "%s/%s/tests", rules_dir, e->d_name);
    snprintf(decl, sizeof decl, "%s/%s/jurisdiction.lua", rules_dir,
             e->d_name);
    if (!is_dir(tests) || !is_file(decl))
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      struct test_target *nv = realloc(v, cap * sizeof *nv);
      if (nv == NULL)
        break;
      v = nv;
    }
    memset(&v[n], 0, sizeof v[n]);
    snprintf(v[n].load, sizeof v[n].load, "%s", e->d_name);
    snprintf(v[n].id, sizeof v[n].id, "%s", e->d_name);
    n++;
  }
  closedir(d);
  if (n > 1)
    qsort(v, n, sizeof *v, cmp_names);
  *out = v;
  return n;
}

/* ---- text ------------------------------------------------------------- */

static void fields_text(FILE *out, const char *word, const struct rt_value *v,
                        unsigned show)
{
  char buf[600];
  bool first = true;
  fprintf(out, "%s {", word);
  for (size_t f = 0; f < RT_N_FIELDS; f++) {
    if (!(show & (1u << f)))
      continue;
    ruletest_value_text((enum rt_field)f, &v[f], buf, sizeof buf);
    fprintf(out, "%s %s = %s", first ? "" : ",",
            ruletest_field_name((enum rt_field)f), buf);
    first = false;
  }
  fprintf(out, " }");
}

static unsigned given_mask(const struct rt_value *v)
{
  unsigned m = 0;
  for (size_t f = 0; f < RT_N_FIELDS; f++)
    if (v[f].given)
      m |= 1u << f;
  return m;
}

/* What an actual record is about, shown beside the fields expected. */
static unsigned identity_mask(bool reminder)
{
  static const enum rt_field finding_id[] = {
    RT_KIND, RT_AGENCY, RT_OBLIGATION, RT_INDICATOR, RT_CAMPAIGN, RT_PERIOD,
    RT_DUE, RT_DAYS};
  static const enum rt_field reminder_id[] = {
    RT_AGENCY, RT_OBLIGATION, RT_INDICATOR, RT_CAMPAIGN, RT_PERIOD, RT_STAGE,
    RT_TO};
  unsigned m = 0;
  if (reminder)
    for (size_t i = 0; i < sizeof reminder_id / sizeof *reminder_id; i++)
      m |= 1u << reminder_id[i];
  else
    for (size_t i = 0; i < sizeof finding_id / sizeof *finding_id; i++)
      m |= 1u << finding_id[i];
  return m;
}

static const char *expect_word(enum rt_expect_kind k)
{
  static const char *const w[] = {"finding", "no_finding", "reminder",
                                  "no_reminder"};
  return w[k];
}

static void failure_text(FILE *out, const struct rt_failure *x)
{
  const struct rt_expect *e = x->e;
  bool reminder = e->kind == RT_REMINDER || e->kind == RT_NO_REMINDER;
  bool negative = e->kind == RT_NO_FINDING || e->kind == RT_NO_REMINDER;
  const char *things = reminder ? "reminders" : "findings";
  unsigned want = given_mask(e->v);
  char buf[600];
  fprintf(out, "%s: at %s: ", e->where, x->at->text);
  if (negative)
    fprintf(out, "expected no %s like this, got %zu:\n",
            reminder ? "reminder" : "finding", x->n_near);
  else
    fprintf(out, "expected %s not found; got %s:\n",
            reminder ? "reminder" : "finding",
            x->n_near ? "the nearest" : "nothing near it");
  fputs("  - ", out);
  fields_text(out, expect_word(e->kind), e->v, want);
  fputc('\n', out);
  for (size_t i = 0; i < x->n_near; i++) {
    const struct rt_record *r = &x->near[i];
    fputs("  + ", out);
    fields_text(out, reminder ? "reminder" : "finding", r->v,
                (want | identity_mask(reminder)) & given_mask(r->v));
    fputc('\n', out);
    bool first = true;
    for (size_t f = 0; f < RT_N_FIELDS; f++) {
      if (!(x->differ[i] & (1u << f)))
        continue;
      char got[600];
      ruletest_value_text((enum rt_field)f, &e->v[f], buf, sizeof buf);
      ruletest_value_text((enum rt_field)f, &r->v[f], got, sizeof got);
      fprintf(out, "%s%s: expected %s, got %s", first ? "      " : "; ",
              ruletest_field_name((enum rt_field)f), buf,
              r->v[f].given ? got : "none");
      first = false;
    }
    if (!first)
      fputc('\n', out);
  }
  if (!negative)
    fprintf(out, "  (%zu %s that day)\n", x->n_actual, things);
}

static void coverage_text(FILE *out, const struct rt_coverage *c)
{
  static const char *const rows[] = {"obligations × period", "campaigns",
                                     "indicators", "statuses"};
  fprintf(out, "coverage %s: %.1f%% (%zu of %zu units)\n", c->j->id,
          ruletest_coverage_percent(c), ruletest_coverage_covered(c), c->n);
  for (int k = RT_UNIT_OBLIGATION; k <= RT_UNIT_STATUS; k++) {
    size_t n = 0, covered = 0;
    for (size_t i = 0; i < c->n; i++)
      if ((int)c->v[i].kind == k) {
        n++;
        covered += c->v[i].covered;
      }
    if (n == 0)
      continue;
    size_t bad, bytes = strlen(rows[k]);
    long chars = utf8_length(rows[k], &bad);      /* "×" is one column */
    fprintf(out, "  %-*s %3zu/%zu", (int)(22 + bytes - (size_t)chars),
            rows[k], covered, n);
    bool first = true;
    for (size_t i = 0; i < c->n; i++) {
      const struct rt_unit *u = &c->v[i];
      if ((int)u->kind != k || u->covered)
        continue;
      fprintf(out, "%s%s", first ? "  not reached: " : ", ", u->id);
      if (u->kind == RT_UNIT_OBLIGATION)
        fprintf(out, " (%s)", cal_period_kind_name(u->period));
      first = false;
    }
    fputc('\n', out);
  }
}

/* ---- JSON ------------------------------------------------------------- */

static json_t *fields_json(const struct rt_value *v, unsigned show)
{
  json_t *o = json_object();
  for (size_t f = 0; o && f < RT_N_FIELDS; f++) {
    if (!(show & (1u << f)) || !v[f].given)
      continue;
    const char *name = ruletest_field_name((enum rt_field)f);
    json_t *x;
    switch (ruletest_field_type((enum rt_field)f)) {
    case RT_DATE: {
      char d[CAL_DATE_LEN];
      cal_format((cal_day)v[f].n, d);
      x = json_string(d);
      break;
    }
    case RT_INT:
      x = json_integer((json_int_t)v[f].n);
      break;
    case RT_NUMBER:
      x = v[f].type == 'b' ? json_boolean(v[f].n != 0) : json_real(v[f].n);
      break;
    case RT_BOOL:
      x = json_boolean(v[f].n != 0);
      break;
    default:
      x = json_string(v[f].s ? v[f].s : "");
    }
    json_object_set_new(o, name, x);
  }
  return o;
}

static json_t *failure_json(const struct rt_failure *x)
{
  const struct rt_expect *e = x->e;
  bool reminder = e->kind == RT_REMINDER || e->kind == RT_NO_REMINDER;
  unsigned want = given_mask(e->v);
  json_t *near = json_array();
  for (size_t i = 0; near && i < x->n_near; i++) {
    json_t *differ = json_array();
    for (size_t f = 0; differ && f < RT_N_FIELDS; f++)
      if (x->differ[i] & (1u << f))
        json_array_append_new(differ, json_string(
                                ruletest_field_name((enum rt_field)f)));
    json_array_append_new(near, json_pack(
      "{s:o, s:o}", "fields",
      fields_json(x->near[i].v, (want | identity_mask(reminder)) &
                                given_mask(x->near[i].v)),
      "differ", differ));
  }
  return json_pack("{s:s, s:s, s:s, s:o, s:o, s:I}", "where", e->where,
                   "at", x->at->text, "expectation", expect_word(e->kind),
                   "expected", fields_json(e->v, want),
                   e->kind == RT_NO_FINDING || e->kind == RT_NO_REMINDER
                   ? "matched" : "nearest", near,
                   "actual_count", (json_int_t)x->n_actual);
}

static json_t *coverage_json(const struct rt_coverage *c)
{
  json_t *units = json_array();
  for (size_t i = 0; units && i < c->n; i++) {
    const struct rt_unit *u = &c->v[i];
    json_t *o = json_pack("{s:s, s:s, s:b}", "kind",
                          ruletest_unit_kind_name(u->kind), "id", u->id,
                          "covered", u->covered);
    if (o && u->kind == RT_UNIT_OBLIGATION)
      json_object_set_new(o, "period", json_string(
                            cal_period_kind_name(u->period)));
    json_array_append_new(units, o);
  }
  return json_pack("{s:f, s:I, s:I, s:o}", "percent",
                   ruletest_coverage_percent(c), "covered",
                   (json_int_t)ruletest_coverage_covered(c), "units",
                   (json_int_t)c->n, "items", units);
}

static json_t *strings_json(char *const *v, size_t n)
{
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    json_array_append_new(a, json_string(v[i]));
  return a;
}

/* ---- running ---------------------------------------------------------- */

struct run {
  struct cli *c;
  const struct config *cfg;
  struct totals *tot;
  bool json;
  json_t *tests;                   /* this jurisdiction's, with --json */
};

static const char *status_name(enum rt_status s)
{
  return s == RT_PASS ? "pass" : s == RT_FAIL ? "fail" : "error";
}

static void one_test(struct run *ru, const struct jurisdiction *j,
                     const char *path, struct rt_test *t,
                     struct rt_coverage *cov)
{
  struct rt_result r;
  int rc = ruletest_run(j, t, NULL, cov, &r);
  struct totals *tot = ru->tot;
  if (rc != 0 || r.status == RT_ERROR)
    tot->errors++;
  else if (r.status == RT_FAIL)
    tot->failed++;
  else
    tot->passed++;
  if (ru->json) {
    json_t *fails = json_array();
    for (size_t i = 0; fails && i < r.n_failures; i++)
      json_array_append_new(fails, failure_json(&r.failures[i]));
    json_array_append_new(ru->tests, json_pack(
      "{s:s, s:s, s:s, s:s, s:I, s:o, s:o}", "name", t->name, "file", path,
      "where", t->where, "status", status_name(r.status), "expectations",
      (json_int_t)r.n_expectations, "failures", fails, "errors",
      strings_json(r.errors, r.n_errors)));
  } else {
    for (size_t i = 0; i < r.n_errors; i++)
      fprintf(stderr, "dondoc: %s\n", r.errors[i]);
    if (!ru->c->quiet || r.status != RT_PASS)
      printf("  %-5s %s (%zu expectation%s)\n",
             r.status == RT_PASS ? "ok" : r.status == RT_FAIL ? "FAIL"
                                                              : "ERROR",
             t->name, r.n_expectations, r.n_expectations == 1 ? "" : "s");
    for (size_t i = 0; i < r.n_failures; i++)
      failure_text(stdout, &r.failures[i]);
  }
  ruletest_result_release(&r);
}

/* Run the tests of j (every file in its tests/, or `only`). */
static json_t *one_jurisdiction(struct run *ru, const struct jurisdiction *j,
                                const char *only, double min)
{
  struct totals *tot = ru->tot, before = *ru->tot;
  struct rt_coverage cov;
  struct rules_options lim;
  char **paths = NULL;
  long n;
  json_t *files = ru->json ? json_array() : NULL;
  /* a test file runs under the limits of a rule file */
  rules_options_default(&lim, NULL);
  lim.memory_limit = ru->cfg->memory_limit;
  lim.instruction_limit = ru->cfg->instruction_limit;
  lim.time_limit_ms = ru->cfg->time_limit_ms;
  ru->tests = ru->json ? json_array() : NULL;
  if (ruletest_coverage_init(&cov, j) != 0) {
    fprintf(stderr, "dondoc: out of memory\n");
    tot->rules_error = true;
    return NULL;
  }
  if (only) {
    n = 1;
    paths = calloc(1, sizeof *paths);
    if (paths == NULL || (paths[0] = strdup(only)) == NULL)
      n = -1;
  } else {
    n = ruletest_list(j->dir, &paths);
  }
  if (n < 0) {
    fprintf(stderr, "dondoc: %s/tests: cannot be read\n", j->dir);
    tot->rules_error = true;
    n = 0;
  }
  if (!ru->json)
    printf("%s%s\n", j->id, n == 0 ? ": no tests (write them in "
                                     "tests/NAME.lua beside the rules)" : "");
  for (long i = 0; i < n; i++) {
    struct rt_file f;
    tot->files++;
    if (ruletest_load(paths[i], &lim, &f) != 0) {
      fprintf(stderr, "dondoc: %s\n", f.error ? f.error : "out of memory");
      tot->errors++;
      if (files)
        json_array_append_new(files, json_pack("{s:s, s:s}", "path", paths[i],
                                               "error", f.error ? f.error
                                                                : "out of memory"));
      ruletest_file_release(&f);
      continue;
    }
    if (!ru->json)
      printf(" %s\n", paths[i]);
    if (files)
      json_array_append_new(files, json_pack("{s:s, s:n}", "path", paths[i],
                                             "error"));
    for (size_t k = 0; k < f.n_tests; k++)
      one_test(ru, j, paths[i], &f.tests[k], &cov);
    ruletest_file_release(&f);
  }
  ruletest_paths_release(paths, n > 0 ? (size_t)n : 0);
  bool below = min >= 0 && ruletest_coverage_percent(&cov) < min - 1e-9;
  tot->below |= below;
  json_t *out = NULL;
  if (ru->json) {
    out = json_pack("{s:s, s:I, s:I, s:I, s:o, s:o}", "id", j->id,
                    "passed", (json_int_t)(tot->passed - before.passed),
                    "failed", (json_int_t)(tot->failed - before.failed),
                    "errors", (json_int_t)(tot->errors - before.errors),
                    "files", files, "tests", ru->tests);
    if (out && (ru->c->coverage || min >= 0))
      json_object_set_new(out, "coverage", coverage_json(&cov));
  } else {
    printf("%s: %zu passed, %zu failed, %zu error%s\n", j->id,
           tot->passed - before.passed, tot->failed - before.failed,
           tot->errors - before.errors,
           tot->errors - before.errors == 1 ? "" : "s");
    if (ru->c->coverage || min >= 0)
      coverage_text(stdout, &cov);
    if (below)
      printf("coverage %s: %.1f%% is below --min-coverage %g%%\n", j->id,
             ruletest_coverage_percent(&cov), min);
  }
  ruletest_coverage_release(&cov);
  return out;
}

/* The jurisdictions the command names (or --all, or the config's), into
 * *out (freed by the caller). Returns their number, or -1 when out of
 * memory (said). */
static long collect_targets(const struct cli *c, const struct world *w,
                            struct test_target **out)
{
  struct test_target *targets = NULL;
  size_t n = 0;
  if (c->all) {
    n = all_targets(w->cfg.rules_dir, &targets);
    if (n == 0 && !c->json)
      printf("no jurisdiction in %s has a tests/ folder\n", w->cfg.rules_dir);
    *out = targets;
    return (long)n;
  }
  size_t given = (size_t)(c->n_args - 2);
  const char *const *args = given ? c->args + 2
                            : (const char *const *)w->cfg.jurisdictions;
  if (given == 0)
    given = w->cfg.n_jurisdictions;
  if ((targets = calloc(given ? given : 1, sizeof *targets)) == NULL) {
    fprintf(stderr, "dondoc: out of memory\n");
    return -1;
  }
  for (; n < given; n++)
    target_of(args[n], &targets[n]);
  *out = targets;
  return (long)n;
}

/* Load the targets' rules; their jurisdictions into js[i] (NULL when one
 * did not load). Returns 0 or an exit status. */
static int load_targets(struct cli *c, struct world *w,
                        const struct test_target *targets, size_t n,
                        const struct jurisdiction **js, int *failed)
{
  const char **loads = calloc(n ? n : 1, sizeof *loads);
  if (loads == NULL) {
    fprintf(stderr, "dondoc: out of memory\n");
    return EXIT_RULES;
  }
  for (size_t i = 0; i < n; i++)
    loads[i] = targets[i].load;
  int rc = world_load_rules(c, w, loads, n, failed);
  free(loads);
  /* world_load_rules keeps the order of its arguments and leaves out
   * those that failed */
  for (size_t i = 0, k = 0; rc == 0 && i < n; i++) {
    js[i] = NULL;
    if (k < w->rules.n &&
        strcmp(w->rules.jurisdictions[k].id, targets[i].id) == 0)
      js[i] = &w->rules.jurisdictions[k++];
  }
  return rc;
}

/* The totals, as text or as the JSON object around the jurisdictions.
 * Returns 0, or 1 when stdout failed (said). */
static int print_totals(const struct cli *c, const struct world *w,
                        const struct totals *tot, double min, json_t *list)
{
  bool ok = !tot->rules_error && tot->errors == 0 && tot->failed == 0 &&
            !tot->below;
  if (c->json) {
    json_t *errors = json_array();
    for (size_t i = 0; errors && i < w->rules.n_errors; i++)
      json_array_append_new(errors, json_string(w->rules.errors[i].message));
    json_t *root = json_pack("{s:I, s:I, s:I, s:o, s:o, s:b, s:o}",
                             "passed", (json_int_t)tot->passed,
                             "failed", (json_int_t)tot->failed,
                             "errors", (json_int_t)tot->errors,
                             "min_coverage", min >= 0 ? json_real(min)
                                                      : json_null(),
                             "rule_errors", errors, "ok", ok,
                             "jurisdictions", list);
    int bad = root == NULL || json_dumpf(root, stdout, JSON_INDENT(2)) != 0;
    json_decref(root);
    if (!bad)
      putchar('\n');
  } else if (!c->quiet || !ok) {
    json_decref(list);
    printf("\n%zu passed, %zu failed, %zu error%s%s\n", tot->passed,
           tot->failed, tot->errors, tot->errors == 1 ? "" : "s",
           tot->rules_error ? "; rules that did not load (above)" : "");
  }
  if (ferror(stdout) || fflush(stdout) != 0) {
    fprintf(stderr, "dondoc: cannot write the results\n");
    return 1;
  }
  return 0;
}

int cmd_rules_test(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  double min = -1;
  struct test_target *targets = NULL;
  if (c->min_coverage) {
    char *end;
    min = strtod(c->min_coverage, &end);
    if (*end != '\0' || end == c->min_coverage || !(min >= 0 && min <= 100))
      return usage_error("--min-coverage '%s' must be a percentage from 0 "
                         "to 100", c->min_coverage);
  }
  if (c->all && c->n_args > 2)
    return usage_error("%s", "rules test --all runs every jurisdiction with "
                       "tests; name none");
  if ((rc = world_load_config(c, w)))
    return rc;
  long n = collect_targets(c, w, &targets);
  const struct jurisdiction **js = n >= 0 ? calloc(n ? (size_t)n : 1,
                                                   sizeof *js) : NULL;
  if (js == NULL) {
    free(targets);
    return EXIT_RULES;
  }
  if ((rc = load_targets(c, w, targets, (size_t)n, js, &failed))) {
    free(js);
    free(targets);
    return rc;
  }
  struct totals tot = {.rules_error = failed != 0};
  struct run ru = {.c = c, .cfg = &w->cfg, .tot = &tot,
                   .json = c->json != 0};
  json_t *list = ru.json ? json_array() : NULL;
  for (long i = 0; i < n; i++) {
    const struct jurisdiction *j = js[i];
    if (j && j->is_template && !ru.json)
      printf("%s: a template, never evaluated: its rules are tested "
             "through the jurisdictions that inherit them\n", j->id);
    if (j == NULL || j->is_template)
      continue;
    json_t *one = one_jurisdiction(&ru, j, targets[i].file[0]
                                           ? targets[i].file : NULL, min);
    if (list && one)
      json_array_append_new(list, one);
  }
  free(js);
  free(targets);
  if (print_totals(c, w, &tot, min, list) != 0)
    return 1;
  if (tot.rules_error || tot.errors)
    return EXIT_RULES;
  return tot.failed || tot.below ? 1 : 0;
}
