/*
 * ruletest.c — load, check and run rule tests (ruletest.h).
 *
 * Three steps, as for rules: a test file runs in its own sandbox with the
 * test language (engine/ruletest.lua), which only records; the records are
 * converted to C under protection; each test is then checked against the
 * loaded jurisdiction and run in a temporary database. Every value a test
 * names is checked before anything runs, so a misspelt agency or an
 * impossible date is an error at its line, never an expectation that
 * silently never matches.
 */
#include "ruletest.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>

#include "remind.h"
#include "sandbox.h"
#include "store.h"

extern const char dondoc_prelude_lua[];
extern const char dondoc_ruletest_lua[];

/* At most this many nearest records are shown for a failed expectation. */
#define RT_NEAR_MAX 3
/* The tolerance for expected/projected: they are printed to 2 decimals. */
#define RT_PRINTED_TOLERANCE 0.005
#define RT_VALUE_TOLERANCE 1e-9

enum { ON_FINDING = 1, ON_REMINDER = 2 };

static const struct {
  const char *name;
  enum rt_type type;
  int on;
} fields[RT_N_FIELDS] = {
  [RT_KIND] = {"kind", RT_STRING, ON_FINDING},
  [RT_AGENCY] = {"agency", RT_STRING, ON_FINDING | ON_REMINDER},
  [RT_OBLIGATION] = {"obligation", RT_STRING, ON_FINDING | ON_REMINDER},
  [RT_INDICATOR] = {"indicator", RT_STRING, ON_FINDING | ON_REMINDER},
  [RT_CAMPAIGN] = {"campaign", RT_STRING, ON_FINDING | ON_REMINDER},
  [RT_PERIOD] = {"period", RT_STRING, ON_FINDING | ON_REMINDER},
  [RT_DUE] = {"due", RT_DATE, ON_FINDING},
  [RT_NOMINAL_DUE] = {"nominal_due", RT_DATE, ON_FINDING},
  [RT_DAYS] = {"days", RT_INT, ON_FINDING},
  [RT_RECEIVED] = {"received", RT_DATE, ON_FINDING},
  [RT_VALUE] = {"value", RT_NUMBER, ON_FINDING},
  [RT_TARGET] = {"target", RT_NUMBER, ON_FINDING},
  [RT_TARGET_YEAR] = {"target_year", RT_INT, ON_FINDING},
  [RT_EXPECTED] = {"expected", RT_NUMBER, ON_FINDING},
  [RT_PROJECTED] = {"projected", RT_NUMBER, ON_FINDING},
  [RT_DAY] = {"day", RT_INT, ON_FINDING},
  [RT_LETTER] = {"letter", RT_STRING, ON_FINDING},
  [RT_ORIGINAL_DUE] = {"original_due", RT_DATE, ON_FINDING},
  [RT_ON_BEHALF_OF] = {"on_behalf_of", RT_STRING, ON_FINDING},
  [RT_STAGE] = {"stage", RT_STRING, ON_REMINDER},
  [RT_TO] = {"to", RT_STRING, ON_REMINDER},
  [RT_CC] = {"cc", RT_STRING, ON_REMINDER},
  [RT_ESCALATION] = {"escalation", RT_BOOL, ON_REMINDER},
};

const char *ruletest_field_name(enum rt_field f) { return fields[f].name; }
enum rt_type ruletest_field_type(enum rt_field f) { return fields[f].type; }

static const char *const expect_names[] = {
  [RT_FINDING] = "finding", [RT_NO_FINDING] = "no_finding",
  [RT_REMINDER] = "reminder", [RT_NO_REMINDER] = "no_reminder",
};

static bool is_reminder(enum rt_expect_kind k)
{
  return k == RT_REMINDER || k == RT_NO_REMINDER;
}

static void value_release(struct rt_value *v)
{
  free(v->s);
  memset(v, 0, sizeof *v);
}

static void record_release(struct rt_record *r)
{
  for (size_t i = 0; i < RT_N_FIELDS; i++)
    value_release(&r->v[i]);
}

/* ---- loading a test file --------------------------------------------- */

void ruletest_file_release(struct rt_file *f)
{
  for (size_t i = 0; i < f->n_tests; i++) {
    struct rt_test *t = &f->tests[i];
    for (size_t k = 0; k < t->n_fixtures; k++) {
      struct rt_fixture *x = &t->fixtures[k];
      for (size_t p = 0; p < 3; p++)
        free(x->pos[p]);
      free(x->on); free(x->until); free(x->letter); free(x->reason);
      free(x->note); free(x->unit);
    }
    free(t->fixtures);
    for (size_t k = 0; k < t->n_ats; k++) {
      struct rt_at *a = &t->ats[k];
      for (size_t e = 0; e < a->n; e++) {
        free(a->v[e].where);
        for (size_t v = 0; v < RT_N_FIELDS; v++)
          value_release(&a->v[e].v[v]);
      }
      free(a->v); free(a->where); free(a->text);
    }
    free(t->ats); free(t->name); free(t->where);
  }
  free(f->tests); free(f->path); free(f->error);
  memset(f, 0, sizeof *f);
}

/* The conversion runs under lua_pcall: allocation failures raise a Lua
 * error, and whatever was allocated is already reachable from the file. */
static char *lstrdup(lua_State *L, const char *s)
{
  char *c = strdup(s ? s : "");
  if (c == NULL)
    luaL_error(L, "out of memory");
  return c;
}

static void *lcalloc(lua_State *L, size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size);
  if (p == NULL)
    luaL_error(L, "out of memory");
  return p;
}

/* The string field k of the table on top, copied, or NULL. */
static char *opt_string(lua_State *L, const char *k)
{
  lua_getfield(L, -1, k);
  char *s = lua_isnil(L, -1) ? NULL : lstrdup(L, lua_tostring(L, -1));
  lua_pop(L, 1);
  return s;
}

/* The value on top into v (fixture values and expectation fields are
 * strings, numbers or booleans: ruletest.lua checked). */
static void to_value(lua_State *L, struct rt_value *v)
{
  int t = lua_type(L, -1);
  v->given = true;
  if (t == LUA_TBOOLEAN) {
    v->type = 'b';
    v->n = lua_toboolean(L, -1);
  } else if (t == LUA_TNUMBER) {
    v->type = 'n';
    v->n = lua_tonumber(L, -1);
  } else {
    v->type = 's';
    v->s = lstrdup(L, lua_tostring(L, -1));
  }
}

static void convert_fixtures(lua_State *L, struct rt_test *t)
{
  static const struct { const char *list; enum rt_fixture_kind kind; } lists[] = {
    {"submissions", RT_SUBMISSION}, {"observations", RT_OBSERVATION},
    {"extensions", RT_EXTENSION}, {"exemptions", RT_EXEMPTION},
  };
  size_t total = 0;
  for (size_t l = 0; l < 4; l++) {
    lua_getfield(L, -1, lists[l].list);
    total += lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    lua_pop(L, 1);
  }
  t->fixtures = lcalloc(L, total, sizeof *t->fixtures);
  for (size_t l = 0; l < 4; l++) {
    lua_getfield(L, -1, lists[l].list);
    size_t n = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    for (size_t i = 1; i <= n; i++) {
      struct rt_fixture *x = &t->fixtures[t->n_fixtures++];
      x->kind = lists[l].kind;
      x->index = i;
      lua_rawgeti(L, -1, (lua_Integer)i);
      for (int p = 0; p < 3; p++) {
        lua_rawgeti(L, -1, p + 1);
        if (p == 2 && x->kind == RT_OBSERVATION &&
            (lua_type(L, -1) == LUA_TNUMBER || lua_isboolean(L, -1))) {
          x->value_is_number = true;
          x->value = lua_isboolean(L, -1) ? lua_toboolean(L, -1)
                                          : lua_tonumber(L, -1);
        }
        if (!lua_isnil(L, -1))
          x->pos[p] = lstrdup(L, lua_isboolean(L, -1)
                                 ? (lua_toboolean(L, -1) ? "true" : "false")
                                 : lua_tostring(L, -1));
        lua_pop(L, 1);
      }
      x->on = opt_string(L, "on");
      x->until = opt_string(L, "until");
      if (x->until == NULL)                 /* `until` is a Lua keyword */
        x->until = opt_string(L, "due");
      x->letter = opt_string(L, "letter");
      x->reason = opt_string(L, "reason");
      x->note = opt_string(L, "note");
      x->unit = opt_string(L, "unit");
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

static enum rt_expect_kind expect_kind(const char *name)
{
  for (size_t k = 0; k < 4; k++)
    if (strcmp(name, expect_names[k]) == 0)
      return (enum rt_expect_kind)k;
  return RT_FINDING;
}

static void convert_at(lua_State *L, struct rt_at *a)
{
  a->where = opt_string(L, "__where");
  a->text = opt_string(L, "__at");
  size_t n = lua_rawlen(L, -1);
  a->v = lcalloc(L, n, sizeof *a->v);
  for (size_t i = 1; i <= n; i++) {
    struct rt_expect *e = &a->v[a->n++];
    lua_rawgeti(L, -1, (lua_Integer)i);
    lua_getfield(L, -1, "__expect");
    e->kind = expect_kind(lua_tostring(L, -1));
    lua_pop(L, 1);
    e->where = opt_string(L, "__where");
    for (size_t f = 0; f < RT_N_FIELDS; f++) {
      lua_getfield(L, -1, fields[f].name);
      if (!lua_isnil(L, -1))
        to_value(L, &e->v[f]);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

/* convert(file, tests): the tests table into file (a light userdata). */
static int convert(lua_State *L)
{
  struct rt_file *f = lua_touserdata(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  size_t n = lua_rawlen(L, 2);
  f->tests = lcalloc(L, n, sizeof *f->tests);
  for (size_t i = 1; i <= n; i++) {
    struct rt_test *t = &f->tests[f->n_tests++];
    lua_rawgeti(L, 2, (lua_Integer)i);
    t->name = opt_string(L, "__name");
    t->where = opt_string(L, "__where");
    convert_fixtures(L, t);
    lua_getfield(L, -1, "ats");
    size_t na = lua_rawlen(L, -1);
    t->ats = lcalloc(L, na, sizeof *t->ats);
    for (size_t k = 1; k <= na; k++) {
      lua_rawgeti(L, -1, (lua_Integer)k);
      convert_at(L, &t->ats[t->n_ats++]);
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
  return 0;
}

static int file_error(struct rt_file *f, const char *msg)
{
  if (f->error == NULL)
    f->error = strdup(msg);
  return -1;
}

int ruletest_load(const char *path, const struct rules_options *o,
                  struct rt_file *f)
{
  char err[SANDBOX_ERR_LEN];
  memset(f, 0, sizeof *f);
  if ((f->path = strdup(path)) == NULL)
    return file_error(f, "out of memory");
  struct sandbox *sb = sandbox_new(o->memory_limit, o->instruction_limit);
  if (sb == NULL)
    return file_error(f, "out of memory");
  sandbox_set_time_limit(sb, o->time_limit_ms);
  lua_State *L = sandbox_state(sb);
  int rc = -1;
  /* prelude → its library → the test language → the file's _ENV → the
   * file → its tests → C */
  if (sandbox_load_string(sb, dondoc_prelude_lua, "=prelude", err) != 0 ||
      sandbox_call(sb, 0, 1, err) != 0)
    goto out;
  lua_getfield(L, -1, "library");
  lua_remove(L, -2);
  if (sandbox_load_string(sb, dondoc_ruletest_lua, "=ruletest", err) != 0)
    goto out;
  lua_insert(L, -2);
  if (sandbox_call(sb, 1, 1, err) != 0)
    goto out;
  int hooks = lua_gettop(L);
  lua_getfield(L, hooks, "begin_file");
  lua_pushstring(L, path);
  if (sandbox_call(sb, 1, 1, err) != 0)
    goto out;
  if (sandbox_load_file(sb, path, err) != 0)
    goto out;
  lua_insert(L, -2);
  if (lua_setupvalue(L, -2, 1) == NULL)            /* _ENV := env */
    lua_pop(L, 1);
  sandbox_set_source(L, path);
  if (sandbox_call(sb, 0, 0, err) != 0)
    goto out;
  lua_pushcfunction(L, convert);
  lua_pushlightuserdata(L, f);
  lua_getfield(L, hooks, "result");
  if (sandbox_call(sb, 0, 1, err) != 0)
    goto out;
  if (sandbox_call(sb, 2, 0, err) != 0)
    goto out;
  if (f->n_tests == 0) {
    snprintf(err, sizeof err, "%s: no test \"…\" { … } in this file", path);
    goto out;
  }
  rc = 0;
out:
  sandbox_free(sb);
  if (rc != 0) {
    /* the tests converted before an error are dropped with the file */
    char *path_copy = f->path;
    f->path = NULL;
    ruletest_file_release(f);
    f->path = path_copy;
    file_error(f, err);
  }
  return rc;
}

static int cmp_paths(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void ruletest_paths_release(char **paths, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(paths);
}

long ruletest_list(const char *dir, char ***paths)
{
  char tests[4200];
  size_t n = 0, cap = 0;
  char **v = NULL;
  *paths = NULL;
  snprintf(tests, sizeof tests, "%s/tests", dir);
  DIR *d = opendir(tests);
  if (d == NULL)
    return 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    if (len <= 4 || e->d_name[0] == '.' ||
        strcmp(e->d_name + len - 4, ".lua") != 0)
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      char **nv = realloc(v, cap * sizeof *nv);
      if (nv == NULL)
        goto oom;
      v = nv;
    }
    size_t need = strlen(tests) + len + 2;
    if ((v[n] = malloc(need)) == NULL)
      goto oom;
    snprintf(v[n++], need, "%s/%s", tests, e->d_name);
  }
  closedir(d);
  if (n > 1)
    qsort(v, n, sizeof *v, cmp_paths);
  *paths = v;
  return (long)n;
oom:
  closedir(d);
  ruletest_paths_release(v, n);
  return -1;
}

/* ---- the scratch database -------------------------------------------- */

int ruletest_scratch_open(struct rt_scratch *x, const char *tmpdir,
                          char *err, size_t errlen)
{
  char serr[STORE_ERR_LEN];
  memset(x, 0, sizeof *x);
  if (tmpdir == NULL)
    tmpdir = getenv("TMPDIR");
  if (tmpdir == NULL || tmpdir[0] == '\0')
    tmpdir = "/tmp";
  snprintf(x->dir, sizeof x->dir, "%s/dondoc-ruletest.XXXXXX", tmpdir);
  if (mkdtemp(x->dir) == NULL) {
    snprintf(err, errlen, "cannot create a temporary folder in %s", tmpdir);
    x->dir[0] = '\0';
    return -1;
  }
  snprintf(x->path, sizeof x->path, "%s/test.db", x->dir);
  if ((x->s = store_open(x->path, serr)) == NULL) {
    snprintf(err, errlen, "%s", serr);
    ruletest_scratch_close(x);
    return -1;
  }
  return 0;
}

void ruletest_scratch_close(struct rt_scratch *x)
{
  static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
  char path[4300];
  store_close(x->s);
  x->s = NULL;
  if (x->dir[0] == '\0')
    return;
  for (size_t i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s%s", x->path, suffixes[i]);
    (void)unlink(path);
  }
  (void)rmdir(x->dir);
  x->dir[0] = '\0';
}

/* ---- coverage -------------------------------------------------------- */

static const char *const obligation_branches[] = {
  "upcoming", "due_soon", "overdue", "on_time", "late", "exempt"};
static const char *const indicator_branches[] = {
  "achieved", "on_track", "at_risk", "off_track", "no_data"};
static const char *const campaign_branches[] = {
  "campaign_upcoming", "campaign_active"};

const char *ruletest_unit_kind_name(enum rt_unit_kind k)
{
  static const char *const names[] = {"obligation", "campaign", "indicator",
                                      "status"};
  return names[k];
}

static int unit_add(struct rt_coverage *c, size_t *cap, enum rt_unit_kind k,
                    const char *id, enum cal_period_kind period)
{
  if (c->n == *cap) {
    size_t ncap = *cap ? *cap * 2 : 32;
    struct rt_unit *nv = realloc(c->v, ncap * sizeof *nv);
    if (nv == NULL)
      return -1;
    c->v = nv;
    *cap = ncap;
  }
  c->v[c->n++] = (struct rt_unit){.kind = k, .id = id, .period = period};
  return 0;
}

int ruletest_coverage_init(struct rt_coverage *c,
                           const struct jurisdiction *j)
{
  size_t cap = 0;
  bool any_indicator = false;
  int soon = 0;
  memset(c, 0, sizeof *c);
  c->j = j;
  for (size_t i = 0; i < j->n_obligations; i++) {
    const struct obligation *o = &j->obligations[i];
    for (size_t k = 0; k < o->n_schedules; k++) {
      bool seen = false;
      for (size_t q = 0; q < k; q++)
        seen |= o->schedules[q].kind == o->schedules[k].kind;
      if (!seen && unit_add(c, &cap, RT_UNIT_OBLIGATION, o->id,
                            o->schedules[k].kind) != 0)
        return -1;
    }
  }
  for (size_t i = 0; i < j->n_campaigns; i++)
    if (unit_add(c, &cap, RT_UNIT_CAMPAIGN, j->campaigns[i].id, CAL_YEAR))
      return -1;
  for (size_t i = 0; i < j->n_indicators; i++)
    if (j->indicators[i].n_targets > 0) {
      any_indicator = true;
      if (unit_add(c, &cap, RT_UNIT_INDICATOR, j->indicators[i].id,
                   CAL_YEAR) != 0)
        return -1;
    }
  for (size_t i = 0; i < j->policy.n_before; i++)
    if (j->policy.before[i] > soon)
      soon = j->policy.before[i];
  /* the branches that can occur: due_soon needs a "before" window */
  for (size_t i = 0; j->n_obligations && i < 6; i++)
    if ((i != 1 || soon > 0) &&
        unit_add(c, &cap, RT_UNIT_STATUS, obligation_branches[i], CAL_YEAR))
      return -1;
  for (size_t i = 0; any_indicator && i < 5; i++)
    if (unit_add(c, &cap, RT_UNIT_STATUS, indicator_branches[i], CAL_YEAR))
      return -1;
  for (size_t i = 0; j->n_campaigns && i < 2; i++)
    if (unit_add(c, &cap, RT_UNIT_STATUS, campaign_branches[i], CAL_YEAR))
      return -1;
  return 0;
}

void ruletest_coverage_release(struct rt_coverage *c)
{
  free(c->v);
  memset(c, 0, sizeof *c);
}

size_t ruletest_coverage_covered(const struct rt_coverage *c)
{
  size_t n = 0;
  for (size_t i = 0; i < c->n; i++)
    n += c->v[i].covered;
  return n;
}

double ruletest_coverage_percent(const struct rt_coverage *c)
{
  return c->n ? 100.0 * (double)ruletest_coverage_covered(c) / (double)c->n
              : 100.0;
}

/* What finding f reached: its item (by period kind) and its status. */
static void coverage_mark(struct rt_coverage *c, const struct finding *f)
{
  const char *kind = finding_kind_name(f->kind);
  for (size_t i = 0; c && i < c->n; i++) {
    struct rt_unit *u = &c->v[i];
    switch (u->kind) {
    case RT_UNIT_OBLIGATION:
      u->covered |= f->obligation && strcmp(u->id, f->obligation->id) == 0 &&
                    u->period == f->period.kind;
      break;
    case RT_UNIT_CAMPAIGN:
      u->covered |= f->campaign && strcmp(u->id, f->campaign->id) == 0;
      break;
    case RT_UNIT_INDICATOR:
      u->covered |= f->indicator && strcmp(u->id, f->indicator->id) == 0;
      break;
    case RT_UNIT_STATUS:
      u->covered |= strcmp(u->id, kind) == 0;
      break;
    }
  }
}

/* ---- checking a test against the rules -------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int add_error(struct rt_result *r, const char *where,
                     const char *fmt, ...)
{
  char msg[1024], line[1400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(line, sizeof line, "%s: %s", where ? where : "?", msg);
  char **nv = realloc(r->errors, (r->n_errors + 1) * sizeof *nv);
  if (nv == NULL)
    return -1;
  r->errors = nv;
  if ((nv[r->n_errors] = strdup(line)) == NULL)
    return -1;
  r->n_errors++;
  return 0;
}

/* The line of `needle` in where's file, from where's line on (the value
 * a fixture or a multi-line expectation gave), as "FILE:LINE" in buf;
 * `where` itself when it cannot be found. */
static const char *locate(const char *where, const char *needle, char *buf,
                          size_t len)
{
  const char *colon = where ? strrchr(where, ':') : NULL;
  long from = colon ? strtol(colon + 1, NULL, 10) : 0;
  char path[4096], line[2048];
  if (colon == NULL || from <= 0 || needle == NULL || needle[0] == '\0' ||
      (size_t)(colon - where) >= sizeof path)
    return where;
  snprintf(path, sizeof path, "%.*s", (int)(colon - where), where);
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return where;
  long n = 0, found = 0;
  while (found == 0 && n < from + 500 && fgets(line, sizeof line, f))
    if (++n >= from && strstr(line, needle))
      found = n;
  (void)fclose(f);
  if (found == 0)
    return where;
  snprintf(buf, len, "%s:%ld", path, found);
  return buf;
}

/* where, moved to the line that holds the quoted string s. */
static const char *at_string(const char *where, const char *s, char *buf,
                             size_t len)
{
  char quoted[600];
  snprintf(quoted, sizeof quoted, "\"%s\"", s ? s : "");
  return locate(where, quoted, buf, len);
}

static bool period_of_obligation(const struct obligation *ob, const char *id,
                                 struct cal_period *p)
{
  for (size_t k = 0; k < ob->n_schedules; k++)
    if (cal_period_parse(ob->schedules[k].kind, id, p) == 0)
      return true;
  return false;
}

static bool period_of_any_kind(const char *id)
{
  static const enum cal_period_kind kinds[] = {
    CAL_YEAR, CAL_HALF, CAL_QUARTER, CAL_MONTH, CAL_SCHOOL_YEAR};
  struct cal_period p;
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    if (cal_period_parse(kinds[k], id, &p) == 0)
      return true;
  return false;
}

/* The shapes remind.h gives stages: before-N, due, overdue-N,
 * escalate-N, campaign-before-N, campaign-start, and indicator stages
 * STATUS-PERIOD-N. */
static bool digits(const char *s)
{
  if (*s == '\0')
    return false;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s))
      return false;
  return true;
}

static bool stage_known(const char *s)
{
  static const char *const counted[] = {"before-", "overdue-", "escalate-",
                                        "campaign-before-"};
  if (strcmp(s, "due") == 0 || strcmp(s, "campaign-start") == 0)
    return true;
  for (size_t i = 0; i < 4; i++)
    if (strncmp(s, counted[i], strlen(counted[i])) == 0)
      return digits(s + strlen(counted[i]));
  static const char *const statuses[] = {"off_track-", "at_risk-",
                                         "no_data-"};
  for (size_t i = 0; i < 3; i++)
    if (strncmp(s, statuses[i], strlen(statuses[i])) == 0) {
      const char *rest = s + strlen(statuses[i]);
      const char *dash = strrchr(rest, '-');
      char period[CAL_PERIOD_ID_LEN];
      if (dash == NULL || !digits(dash + 1) ||
          (size_t)(dash - rest) >= sizeof period)
        return false;
      snprintf(period, sizeof period, "%.*s", (int)(dash - rest), rest);
      return period_of_any_kind(period);
    }
  return false;
}

static bool address_known(const struct jurisdiction *j, const char *address)
{
  for (size_t i = 0; i < j->n_agencies; i++) {
    const struct agency *a = &j->agencies[i];
    if ((a->email && strcmp(a->email, address) == 0) ||
        (a->head_email && strcmp(a->head_email, address) == 0))
      return true;
  }
  return false;
}

static const char *type_word(char t)
{
  return t == 's' ? "a string" : t == 'b' ? "a boolean" : "a number";
}

/* A string field naming something: it must exist in the rules (or have
 * the shape of a stage, or be an agency's address). */
static int check_name(const struct jurisdiction *j, const struct rt_expect *e,
                      enum rt_field f, const char *w, struct rt_result *r)
{
  const char *s = e->v[f].s, *name = fields[f].name,
             *what = expect_names[e->kind];
  switch (f) {
  case RT_KIND: {
    enum finding_kind k;
    if (finding_kind_parse(s, &k) != 0)
      return add_error(r, w, "%s: unknown kind \"%s\" (overdue, due_soon, "
                       "upcoming, on_time, late, exempt, unassigned, "
                       "awaiting_date, achieved, on_track, at_risk, "
                       "off_track, no_data, campaign_upcoming, "
                       "campaign_active, campaign_ended)", what, s);
    return 0;
  }
  case RT_AGENCY:
  case RT_ON_BEHALF_OF:
    return model_agency(j, s) ? 0
           : add_error(r, w, "%s: %s \"%s\" is not an agency the rules of "
                       "%s declare", what, name, s, j->id);
  case RT_OBLIGATION:
    return model_obligation(j, s) ? 0
           : add_error(r, w, "%s: obligation \"%s\" is not declared by the "
                       "rules of %s", what, s, j->id);
  case RT_INDICATOR:
    return model_indicator(j, s) ? 0
           : add_error(r, w, "%s: indicator \"%s\" is not declared by the "
                       "rules of %s", what, s, j->id);
  case RT_CAMPAIGN:
    return model_campaign(j, s) ? 0
           : add_error(r, w, "%s: campaign \"%s\" is not declared by the "
                       "rules of %s", what, s, j->id);
  case RT_STAGE:
    return stage_known(s) ? 0
           : add_error(r, w, "%s: stage \"%s\" is none of before-N, due, "
                       "overdue-N, escalate-N, campaign-before-N, "
                       "campaign-start, STATUS-PERIOD-N", what, s);
  case RT_TO:
  case RT_CC:
    return address_known(j, s) ? 0
           : add_error(r, w, "%s: %s \"%s\" is not the email or head_email "
                       "of any agency of %s", what, name, s, j->id);
  default:
    return 0;
  }
}

/* Check one field of an expectation and convert it for matching (dates to
 * day numbers). Returns 0, or -1 when memory ran out. */
static int check_field(const struct jurisdiction *j, struct rt_expect *e,
                       enum rt_field f, struct rt_result *r)
{
  struct rt_value *v = &e->v[f];
  const char *name = fields[f].name, *what = expect_names[e->kind];
  char buf[4200];
  const char *w = e->where;
  enum rt_type type = fields[f].type;
  if (v->type == 's')
    w = at_string(e->where, v->s, buf, sizeof buf);
  bool ok_type = type == RT_BOOL ? v->type == 'b'
                 : type == RT_NUMBER ? v->type == 'n' || v->type == 'b'
                 : type == RT_INT ? v->type == 'n'
                 : v->type == 's';
  if (!ok_type)
    return add_error(r, w, "%s: %s must be %s, not %s", what, name,
                     type == RT_BOOL ? "true or false"
                     : type == RT_INT || type == RT_NUMBER ? "a number"
                     : type == RT_DATE ? "a date \"YYYY-MM-DD\"" : "a string",
                     type_word(v->type));
  switch (type) {
  case RT_DATE: {
    cal_day d;
    if (cal_parse_date(v->s, &d) != 0)
      return add_error(r, w, "%s: %s \"%s\" is not a real date "
                       "(YYYY-MM-DD)", what, name, v->s);
    v->n = d;
    return 0;
  }
  case RT_INT:
    if (!isfinite(v->n) || v->n != floor(v->n) || fabs(v->n) > 1e9)
      return add_error(r, w, "%s: %s must be a whole number (got %g)", what,
                       name, v->n);
    return 0;
  case RT_NUMBER:
    if (!isfinite(v->n))
      return add_error(r, w, "%s: %s must be a finite number", what, name);
    return 0;
  case RT_BOOL:
    return 0;
  case RT_STRING:
    break;
  }
  return check_name(j, e, f, w, r);
}

/* The period, once the item it belongs to is known to exist. */
static int check_period(const struct jurisdiction *j, struct rt_expect *e,
                        struct rt_result *r)
{
  const struct rt_value *v = &e->v[RT_PERIOD];
  struct cal_period p;
  char buf[4200];
  if (!v->given || v->type != 's')
    return 0;
  const char *w = at_string(e->where, v->s, buf, sizeof buf);
  const char *what = expect_names[e->kind];
  const struct rt_value *ob = &e->v[RT_OBLIGATION], *ind = &e->v[RT_INDICATOR],
                        *cp = &e->v[RT_CAMPAIGN];
  if (ob->given && ob->s && model_obligation(j, ob->s)) {
    if (!period_of_obligation(model_obligation(j, ob->s), v->s, &p))
      return add_error(r, w, "%s: \"%s\" is not a period of obligation %s",
                       what, v->s, ob->s);
  } else if (ind->given && ind->s && model_indicator(j, ind->s)) {
    const struct indicator *x = model_indicator(j, ind->s);
    if (cal_period_parse(x->cadence, v->s, &p) != 0)
      return add_error(r, w, "%s: \"%s\" is not a period of indicator %s "
                       "(its cadence is %s)", what, v->s, ind->s,
                       cal_period_kind_name(x->cadence));
  } else if (cp->given && cp->s) {
    if (cal_period_parse(CAL_WINDOW, v->s, &p) != 0)
      return add_error(r, w, "%s: a campaign's period is the year its window "
                       "starts (\"2024\"), not \"%s\"", what, v->s);
  } else if (!period_of_any_kind(v->s)) {
    return add_error(r, w, "%s: \"%s\" is not a period id (2024, 2024-H1, "
                     "2024-Q3, 2024-09, 2024-2025)", what, v->s);
  }
  return 0;
}

/* What a status can be about: 'o' reports, 'i' indicators, 'c' campaigns. */
static char kind_class(enum finding_kind k)
{
  switch (k) {
  case FIND_ACHIEVED: case FIND_ON_TRACK: case FIND_AT_RISK:
  case FIND_OFF_TRACK: case FIND_NO_DATA:
    return 'i';
  case FIND_CAMPAIGN_UPCOMING: case FIND_CAMPAIGN_ACTIVE:
  case FIND_CAMPAIGN_ENDED:
    return 'c';
  default:
    return 'o';
  }
}

/* An expectation that names two items, or a status of one kind of item
 * with another kind of item, could never match: say so. */
static int check_consistent(struct rt_expect *e, struct rt_result *r)
{
  static const struct { enum rt_field f; char cls; const char *what; }
  items[] = {{RT_OBLIGATION, 'o', "reports"}, {RT_INDICATOR, 'i',
             "indicators"}, {RT_CAMPAIGN, 'c', "campaigns"}};
  const char *what = expect_names[e->kind];
  enum finding_kind k;
  int named = 0;
  for (size_t i = 0; i < 3; i++)
    named += e->v[items[i].f].given;
  if (named > 1)
    return add_error(r, e->where, "%s names more than one of obligation, "
                     "indicator and campaign: it could never match", what);
  if (!e->v[RT_KIND].given || e->v[RT_KIND].type != 's' ||
      finding_kind_parse(e->v[RT_KIND].s, &k) != 0)
    return 0;
  for (size_t i = 0; i < 3; i++)
    if (e->v[items[i].f].given && kind_class(k) != items[i].cls)
      return add_error(r, e->where, "%s: \"%s\" is not a status of %s: it "
                       "could never match", what, e->v[RT_KIND].s,
                       items[i].what);
  return 0;
}

static int check_expect(const struct jurisdiction *j, struct rt_expect *e,
                        struct rt_result *r)
{
  for (size_t f = 0; f < RT_N_FIELDS; f++)
    if (e->v[f].given && check_field(j, e, (enum rt_field)f, r) != 0)
      return -1;
  return check_period(j, e, r) || check_consistent(e, r) ? -1 : 0;
}

static const char *const fixture_lists[] = {
  [RT_SUBMISSION] = "submissions", [RT_OBSERVATION] = "observations",
  [RT_EXTENSION] = "extensions", [RT_EXEMPTION] = "exemptions",
};

/* A fixture's date field: present when required, a real date. */
static int check_fixture_date(const struct rt_test *t,
                              const struct rt_fixture *x, const char *name,
                              const char *value, bool required,
                              struct rt_result *r)
{
  char buf[4200];
  cal_day d;
  if (value == NULL)
    return required ? add_error(r, t->where, "test \"%s\": %s[%zu]: missing "
                                "%s = \"YYYY-MM-DD\"", t->name,
                                fixture_lists[x->kind], x->index, name)
                    : 0;
  if (cal_parse_date(value, &d) != 0)
    return add_error(r, at_string(t->where, value, buf, sizeof buf),
                     "test \"%s\": %s[%zu]: %s \"%s\" is not a real date "
                     "(YYYY-MM-DD)", t->name, fixture_lists[x->kind],
                     x->index, name, value);
  return 0;
}

static int check_fixture(const struct jurisdiction *j, const struct rt_test *t,
                         const struct rt_fixture *x, struct rt_result *r)
{
  const char *list = fixture_lists[x->kind];
  char buf[4200];
  struct cal_period p;
  for (int i = 0; i < 3; i++)
    if (x->pos[i] == NULL)
      return add_error(r, t->where, "test \"%s\": %s[%zu] needs %s", t->name,
                       list, x->index, x->kind == RT_OBSERVATION
                       ? "{ \"indicator\", \"period\", value }"
                       : "{ \"agency\", \"obligation\", \"period\", … }");
  if (x->kind == RT_OBSERVATION) {
    const struct indicator *ind = model_indicator(j, x->pos[0]);
    if (ind == NULL)
      return add_error(r, at_string(t->where, x->pos[0], buf, sizeof buf),
                       "test \"%s\": observations[%zu]: indicator \"%s\" is "
                       "not declared by the rules of %s", t->name, x->index,
                       x->pos[0], j->id);
    if (ind->is_ratio)
      return add_error(r, at_string(t->where, x->pos[0], buf, sizeof buf),
                       "test \"%s\": observations[%zu]: %s is computed as "
                       "%s / %s; give the values of those", t->name, x->index,
                       ind->id, ind->num, ind->den);
    if (cal_period_parse(ind->cadence, x->pos[1], &p) != 0)
      return add_error(r, at_string(t->where, x->pos[1], buf, sizeof buf),
                       "test \"%s\": observations[%zu]: \"%s\" is not a "
                       "period of %s (its cadence is %s)", t->name, x->index,
                       x->pos[1], ind->id, cal_period_kind_name(ind->cadence));
    if (!x->value_is_number)
      return add_error(r, t->where, "test \"%s\": observations[%zu]: the "
                       "value must be a number (47.5) or true/false",
                       t->name, x->index);
    if (!isfinite(x->value) || fabs(x->value) > MODEL_VALUE_MAX)
      return add_error(r, t->where, "test \"%s\": observations[%zu]: the "
                       "value must be a finite number within ±1e15", t->name,
                       x->index);
    return 0;
  }
  if (model_agency(j, x->pos[0]) == NULL)
    return add_error(r, at_string(t->where, x->pos[0], buf, sizeof buf),
                     "test \"%s\": %s[%zu]: agency \"%s\" is not declared by "
                     "the rules of %s", t->name, list, x->index, x->pos[0],
                     j->id);
  const struct obligation *ob = model_obligation(j, x->pos[1]);
  if (ob == NULL)
    return add_error(r, at_string(t->where, x->pos[1], buf, sizeof buf),
                     "test \"%s\": %s[%zu]: obligation \"%s\" is not "
                     "declared by the rules of %s", t->name, list, x->index,
                     x->pos[1], j->id);
  if (!period_of_obligation(ob, x->pos[2], &p))
    return add_error(r, at_string(t->where, x->pos[2], buf, sizeof buf),
                     "test \"%s\": %s[%zu]: \"%s\" is not a period of %s",
                     t->name, list, x->index, x->pos[2], ob->id);
  if ((x->kind == RT_EXTENSION || x->kind == RT_EXEMPTION) &&
      (x->letter == NULL || x->letter[0] == '\0'))
    return add_error(r, t->where, "test \"%s\": %s[%zu]: missing letter = "
                     "\"…\" (the number of the letter that grants it)",
                     t->name, list, x->index);
  return check_fixture_date(t, x, "on", x->on, x->kind == RT_SUBMISSION, r) ||
         check_fixture_date(t, x, "due", x->until,
                            x->kind == RT_EXTENSION, r) ? -1 : 0;
}

/* Check every part of t; the mistakes go to r->errors. Returns 0 or -1
 * (out of memory). The check_* functions below all return 0 when they
 * found nothing or recorded what they found, -1 only when memory ran
 * out. */
static int check_test(const struct jurisdiction *j, struct rt_test *t,
                      struct rt_result *r)
{
  for (size_t i = 0; i < t->n_fixtures; i++)
    if (check_fixture(j, t, &t->fixtures[i], r) != 0)
      return -1;
  for (size_t i = 0; i < t->n_ats; i++) {
    struct rt_at *a = &t->ats[i];
    int minute;
    int y, m, d;
    if (cal_parse_moment(a->text, &a->day, &minute) != 0) {
      if (add_error(r, a->where, "at \"%s\": not a real date (YYYY-MM-DD or "
                    "YYYY-MM-DDTHH:MM)", a->text) != 0)
        return -1;
      continue;
    }
    cal_to_ymd(a->day, &y, &m, &d);
    if ((y < MODEL_YEAR_MIN || y > MODEL_YEAR_MAX) &&
        add_error(r, a->where, "at \"%s\": the year must be from %d to %d",
                  a->text, MODEL_YEAR_MIN, MODEL_YEAR_MAX) != 0)
      return -1;
    for (size_t k = 0; k < a->n; k++)
      if (check_expect(j, &a->v[k], r) != 0)
        return -1;
  }
  return 0;
}

/* ---- records: findings and reminders as expectation fields ------------ */

static int set_str(struct rt_record *rec, enum rt_field f, const char *s)
{
  if (s == NULL)
    return 0;
  rec->v[f].given = true;
  rec->v[f].type = 's';
  return (rec->v[f].s = strdup(s)) ? 0 : -1;
}

static void set_num(struct rt_record *rec, enum rt_field f, double n)
{
  rec->v[f].given = true;
  rec->v[f].type = fields[f].type == RT_BOOL ? 'b' : 'n';
  rec->v[f].n = n;
}

static int item_fields(struct rt_record *rec, const struct finding *f)
{
  enum rt_field item = f->obligation ? RT_OBLIGATION
                       : f->indicator ? RT_INDICATOR : RT_CAMPAIGN;
  return set_str(rec, item, finding_item_id(f)) ||
         set_str(rec, RT_PERIOD, f->period.id) ? -1 : 0;
}

static int finding_record(const struct finding *f, struct rt_record *rec)
{
  memset(rec, 0, sizeof *rec);
  rec->f = f;
  if (set_str(rec, RT_KIND, finding_kind_name(f->kind)) ||
      set_str(rec, RT_AGENCY, f->agency ? f->agency->id : NULL) ||
      item_fields(rec, f) ||
      set_str(rec, RT_LETTER, f->letter) ||
      set_str(rec, RT_ON_BEHALF_OF, f->succeeded ? f->succeeded->id : NULL))
    return -1;
  if (f->due != MODEL_DUE_UNSET)
    set_num(rec, RT_DUE, f->due);
  if (f->nominal_due != MODEL_DUE_UNSET)
    set_num(rec, RT_NOMINAL_DUE, f->nominal_due);
  if (f->kind != FIND_AWAITING_DATE)
    set_num(rec, RT_DAYS, f->days);
  if (f->kind == FIND_ON_TIME || f->kind == FIND_LATE)
    set_num(rec, RT_RECEIVED, f->received);
  if (f->has_value)
    set_num(rec, RT_VALUE, f->value);
  if (f->has_target) {
    set_num(rec, RT_TARGET, f->target);
    set_num(rec, RT_TARGET_YEAR, f->target_year);
  }
  if (f->has_expected)
    set_num(rec, RT_EXPECTED, f->expected);
  if (f->has_projection)
    set_num(rec, RT_PROJECTED, f->projected);
  if (f->kind == FIND_CAMPAIGN_ACTIVE)
    set_num(rec, RT_DAY, f->window_day);
  if (f->extended && !f->date_by_letter)
    set_num(rec, RT_ORIGINAL_DUE, f->original_due);
  return 0;
}

static int reminder_record(const struct reminder *x, struct rt_record *rec)
{
  memset(rec, 0, sizeof *rec);
  rec->f = x->f;
  if (set_str(rec, RT_AGENCY, x->to ? x->to->id : NULL) ||
      item_fields(rec, x->f) || set_str(rec, RT_STAGE, x->stage) ||
      set_str(rec, RT_TO, x->to_address))
    return -1;
  set_num(rec, RT_ESCALATION, x->escalation);
  if (x->n_cc > 0) {
    size_t len = 1;
    for (size_t i = 0; i < x->n_cc; i++)
      len += strlen(x->cc[i]) + 2;
    char *cc = malloc(len);
    if (cc == NULL)
      return -1;
    cc[0] = '\0';
    for (size_t i = 0; i < x->n_cc; i++) {
      if (i)
        strcat(cc, ", ");
      strcat(cc, x->cc[i]);
    }
    rec->v[RT_CC] = (struct rt_value){.given = true, .type = 's', .s = cc};
  }
  return 0;
}

static bool cc_has(const char *list, const char *address)
{
  size_t n = strlen(address);
  for (const char *p = list; p && *p;) {
    const char *end = strstr(p, ", ");
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && strncmp(p, address, n) == 0)
      return true;
    p = end ? end + 2 : NULL;
  }
  return false;
}

static bool field_matches(enum rt_field f, const struct rt_value *want,
                          const struct rt_value *got)
{
  if (!got->given)
    return false;
  switch (fields[f].type) {
  case RT_STRING:
    return f == RT_CC ? cc_has(got->s, want->s) : strcmp(want->s, got->s) == 0;
  case RT_NUMBER:
    return fabs(want->n - got->n) <= (f == RT_EXPECTED || f == RT_PROJECTED
                                      ? RT_PRINTED_TOLERANCE
                                      : RT_VALUE_TOLERANCE);
  default:
    return want->n == got->n;
  }
}

/* The given fields of e that rec does not match. */
static unsigned mismatches(const struct rt_expect *e,
                           const struct rt_record *rec)
{
  unsigned m = 0;
  for (size_t f = 0; f < RT_N_FIELDS; f++)
    if (e->v[f].given && !field_matches((enum rt_field)f, &e->v[f],
                                        &rec->v[f]))
      m |= 1u << f;
  return m;
}

/* How far rec is from e: what it is about (item, agency) weighs more than
 * all the other fields together can; the period more than the kind (the
 * same period comes first, as docs/rules.md says), both more than the
 * rest. */
static unsigned distance(unsigned mask)
{
  static const enum rt_field heavy[] = {RT_OBLIGATION, RT_INDICATOR,
                                        RT_CAMPAIGN, RT_AGENCY, RT_KIND,
                                        RT_PERIOD};
  unsigned d = 0;
  for (size_t f = 0; f < RT_N_FIELDS; f++)
    if (mask & (1u << f)) {
      unsigned w = 1;
      for (size_t k = 0; k < sizeof heavy / sizeof *heavy; k++)
        if ((enum rt_field)f == heavy[k])
          w = k < 4 ? 8 * RT_N_FIELDS : k == 5 ? 6 : 4;
      d += w;
    }
  return d;
}

static int record_copy(struct rt_record *dst, const struct rt_record *src)
{
  memset(dst, 0, sizeof *dst);
  for (size_t f = 0; f < RT_N_FIELDS; f++) {
    dst->v[f] = src->v[f];
    dst->v[f].s = NULL;
    if (src->v[f].s && (dst->v[f].s = strdup(src->v[f].s)) == NULL)
      return -1;
  }
  return 0;
}

/* Record a failure of e at a, with up to `max` of the records `pick`
 * chose (indices into recs). */
static int add_failure(struct rt_result *r, const struct rt_expect *e,
                       const struct rt_at *a, const struct rt_record *recs,
                       size_t n_recs, const size_t *pick,
                       const unsigned *masks, size_t n_pick)
{
  struct rt_failure *nv = realloc(r->failures,
                                  (r->n_failures + 1) * sizeof *nv);
  if (nv == NULL)
    return -1;
  r->failures = nv;
  struct rt_failure *x = &nv[r->n_failures++];
  memset(x, 0, sizeof *x);
  x->e = e;
  x->at = a;
  x->n_actual = n_recs;
  if (n_pick == 0)
    return 0;
  x->near = calloc(n_pick, sizeof *x->near);
  x->differ = calloc(n_pick, sizeof *x->differ);
  if (x->near == NULL || x->differ == NULL)
    return -1;
  for (size_t i = 0; i < n_pick; i++) {
    x->n_near++;
    if (record_copy(&x->near[i], &recs[pick[i]]) != 0)
      return -1;
    x->differ[i] = masks[i];
  }
  return 0;
}

/* Check e against the records of its kind at a. */
static int match_one(const struct rt_expect *e, const struct rt_at *a,
                     const struct rt_record *recs, size_t n,
                     struct rt_coverage *cov, struct rt_result *r)
{
  bool negative = e->kind == RT_NO_FINDING || e->kind == RT_NO_REMINDER;
  size_t pick[RT_NEAR_MAX + 2];
  unsigned masks[RT_NEAR_MAX + 2], dist[RT_NEAR_MAX + 2];
  size_t n_pick = 0, matched = 0;
  size_t keep = negative ? RT_NEAR_MAX + 2 : RT_NEAR_MAX;
  for (size_t i = 0; i < n; i++) {
    unsigned m = mismatches(e, &recs[i]);
    if (m == 0) {
      matched++;
      if (!negative)
        coverage_mark(cov, recs[i].f);
      else if (n_pick < keep) {
        masks[n_pick] = 0;
        pick[n_pick++] = i;
      }
      continue;
    }
    if (negative)
      continue;
    /* keep the `keep` nearest, in order of distance */
    unsigned d = distance(m);
    size_t at = n_pick;
    while (at > 0 && dist[at - 1] > d)
      at--;
    if (at >= keep)
      continue;
    size_t last = n_pick < keep ? n_pick : keep - 1;
    for (size_t k = last; k > at; k--) {
      pick[k] = pick[k - 1];
      masks[k] = masks[k - 1];
      dist[k] = dist[k - 1];
    }
    pick[at] = i;
    masks[at] = m;
    dist[at] = d;
    if (n_pick < keep)
      n_pick++;
  }
  if (negative ? matched == 0 : matched > 0)
    return 0;
  /* the nearest about the same item and agency, if there are any, and
   * not much further than the nearest: the others would only be noise */
  size_t kept = 0;
  for (size_t i = 0; i < n_pick; i++)
    if (negative || (dist[i] / (8 * RT_N_FIELDS) ==
                     dist[0] / (8 * RT_N_FIELDS) &&
                     dist[i] <= 2 * dist[0])) {
      pick[kept] = pick[i];
      masks[kept++] = masks[i];
    }
  return add_failure(r, e, a, recs, n, pick, masks, kept);
}

static void records_release(struct rt_record *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    record_release(&v[i]);
  free(v);
}

/* Evaluate the scratch store at a, then check a's expectations. Returns
 * 0, or -1 (database, memory; r->errors says which). */
static int run_at(const struct jurisdiction *j, struct store *s,
                  const struct rt_at *a, struct rt_coverage *cov,
                  struct rt_result *r)
{
  struct findings f = {0};
  struct reminders rem = {0};
  struct rt_record *fr = NULL, *rr = NULL;
  size_t nf = 0, nr = 0;
  struct eval_options o = {.now = a->day, .all = true};
  char err[512];
  int rc = -1;
  int erc = evaluate_jurisdiction(j, s, &o, &f, err, sizeof err);
  if (erc == EVAL_ERR_RULES) {
    rc = add_error(r, a->where, "at \"%s\": %s", a->text, err);
    goto out;
  }
  if (erc != 0) {
    add_error(r, a->where, "at \"%s\": %s", a->text, err);
    goto out;
  }
  /* as `run` decides: nothing on a day off when the policy says so */
  if (!(j->policy.working_days_only &&
        !cal_is_working_day(&j->holidays, a->day)) &&
      remind_plan(j, &f, a->day, &rem) != 0)
    goto oom;
  if ((fr = calloc(f.n ? f.n : 1, sizeof *fr)) == NULL ||
      (rr = calloc(rem.n ? rem.n : 1, sizeof *rr)) == NULL)
    goto oom;
  for (; nf < f.n; nf++)
    if (finding_record(&f.v[nf], &fr[nf]) != 0) {
      nf++;
      goto oom;
    }
  for (; nr < rem.n; nr++)
    if (reminder_record(&rem.v[nr], &rr[nr]) != 0) {
      nr++;
      goto oom;
    }
  for (size_t i = 0; i < a->n; i++) {
    const struct rt_expect *e = &a->v[i];
    bool rem_kind = is_reminder(e->kind);
    r->n_expectations++;
    if (match_one(e, a, rem_kind ? rr : fr, rem_kind ? nr : nf, cov, r) != 0)
      goto oom;
  }
  rc = 0;
  goto out;
oom:
  add_error(r, a->where, "out of memory");
out:
  records_release(fr, nf);
  records_release(rr, nr);
  reminders_release(&rem);
  findings_release(&f);
  return rc;
}

/* The fixtures of t into the scratch store, in one transaction. Grants
 * without `on` are dated the earliest simulated day. */
static int put_fixtures(const struct jurisdiction *j, const struct rt_test *t,
                        struct store *s, struct rt_result *r)
{
  cal_day first = CAL_DAY_MAX;
  for (size_t i = 0; i < t->n_ats; i++)
    if (t->ats[i].day < first)
      first = t->ats[i].day;
  if (store_begin(s) != 0) {
    (void)add_error(r, t->where, "%s", store_errmsg(s));
    return -1;
  }
  for (size_t i = 0; i < t->n_fixtures; i++) {
    const struct rt_fixture *x = &t->fixtures[i];
    cal_day on = first, until = 0;
    int rc = 0;
    if (x->on)
      (void)cal_parse_date(x->on, &on);      /* checked by check_fixture */
    if (x->until)
      (void)cal_parse_date(x->until, &until);
    switch (x->kind) {
    case RT_SUBMISSION:
      rc = store_submission_put(s, j->id, x->pos[0], x->pos[1], x->pos[2], on,
                                x->note);
      if (rc == 1) {
        (void)store_rollback(s);
        return add_error(r, t->where, "test \"%s\": submissions[%zu]: %s %s "
                         "%s is listed twice (the first receipt counts)",
                         t->name, x->index, x->pos[0], x->pos[1], x->pos[2]);
      }
      break;
    case RT_OBSERVATION:
      rc = store_observation_put(s, j->id, x->pos[0],
                                 x->unit ? x->unit : j->id, x->pos[1],
                                 x->value, "rules test");
      break;
    case RT_EXTENSION:
    case RT_EXEMPTION: {
      struct store_grant g = {.exemption = x->kind == RT_EXEMPTION,
                              .new_due = until, .granted_on = on,
                              .letter = x->letter,
                              .reason = x->reason ? x->reason : ""};
      rc = store_grant_put(s, j->id, x->pos[0], x->pos[1], x->pos[2], &g);
      break;
    }
    }
    if (rc < 0) {
      (void)add_error(r, t->where, "%s", store_errmsg(s));
      (void)store_rollback(s);
      return -1;
    }
  }
  if (store_commit(s) != 0) {
    (void)add_error(r, t->where, "%s", store_errmsg(s));
    return -1;
  }
  return 0;
}

int ruletest_run(const struct jurisdiction *j, struct rt_test *t,
                 const char *tmpdir, struct rt_coverage *cov,
                 struct rt_result *r)
{
  char err[512];
  struct rt_scratch x;
  memset(r, 0, sizeof *r);
  if (check_test(j, t, r) != 0) {
    r->status = RT_ERROR;
    return -1;
  }
  if (r->n_errors > 0) {
    r->status = RT_ERROR;
    return 0;
  }
  if (ruletest_scratch_open(&x, tmpdir, err, sizeof err) != 0) {
    r->status = RT_ERROR;
    add_error(r, t->where, "%s", err);
    return -1;
  }
  int rc = put_fixtures(j, t, x.s, r);
  /* a duplicate receipt is the test's mistake (0 with an error); the
   * others are the database's */
  for (size_t i = 0; rc == 0 && r->n_errors == 0 && i < t->n_ats; i++) {
    size_t before = r->n_errors;
    rc = run_at(j, x.s, &t->ats[i], cov, r);
    if (rc == 0 && r->n_errors > before)
      break;                                     /* a rule error that day */
  }
  ruletest_scratch_close(&x);
  r->status = r->n_errors ? RT_ERROR : r->n_failures ? RT_FAIL : RT_PASS;
  return rc;
}

void ruletest_result_release(struct rt_result *r)
{
  for (size_t i = 0; i < r->n_failures; i++) {
    records_release(r->failures[i].near, r->failures[i].n_near);
    free(r->failures[i].differ);
  }
  free(r->failures);
  for (size_t i = 0; i < r->n_errors; i++)
    free(r->errors[i]);
  free(r->errors);
  memset(r, 0, sizeof *r);
}

void ruletest_value_text(enum rt_field f, const struct rt_value *v,
                         char *buf, size_t len)
{
  if (!v->given) {
    snprintf(buf, len, "nil");
    return;
  }
  switch (fields[f].type) {
  case RT_DATE:
    if (v->type == 's' && v->s) {
      snprintf(buf, len, "\"%s\"", v->s);
    } else {
      char d[CAL_DATE_LEN];
      cal_format((cal_day)v->n, d);
      snprintf(buf, len, "\"%s\"", d);
    }
    return;
  case RT_BOOL:
    snprintf(buf, len, "%s", v->n != 0 ? "true" : "false");
    return;
  case RT_INT:
    snprintf(buf, len, "%.0f", v->n);
    return;
  case RT_NUMBER:
    if (v->type == 'b')
      snprintf(buf, len, "%s", v->n != 0 ? "true" : "false");
    else
      snprintf(buf, len, "%.10g", v->n);
    return;
  case RT_STRING:
    snprintf(buf, len, "\"%s\"", v->s ? v->s : "");
    return;
  }
}
