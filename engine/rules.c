/*
 * rules.c — from a jurisdiction's Lua folder to a struct jurisdiction.
 *
 * Loading happens in two steps, so that Lua stays declarative and C stays
 * the one place that knows the model:
 *  1. Here: in a fresh sandbox, the prelude (engine/prelude.lua) defines
 *     the rule language; the jurisdiction's folder runs, pulling in its
 *     parent's folders first. The prelude records every declaration with
 *     its FILE:LINE.
 *  2. decls.c walks the recorded declarations and builds the C structs.
 */
#include "rules.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <lauxlib.h>

#include "decls.h"
#include "sandbox.h"

extern const char dondoc_prelude_lua[];

#define JURISDICTION_FILE "jurisdiction.lua"
#define LAW_DIR "law"                  /* rules/law/: the legal calendar */

void rules_options_default(struct rules_options *o, const char *rules_dir)
{
  o->rules_dir = rules_dir;
  o->parents_dir = NULL;
  o->memory_limit = 64u << 20;
  o->instruction_limit = 50L * 1000 * 1000;
  o->time_limit_ms = SANDBOX_TIME_LIMIT_MS;
}

/* ---- reading a jurisdiction's folder (runs inside the sandbox) ------- */

static int is_rule_file(const char *name)
{
  size_t n = strlen(name);
  return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".lua") == 0 &&
         strcmp(name, JURISDICTION_FILE) != 0;
}

static int cmp_names(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Push a sorted Lua list of the folder's rule files, jurisdiction.lua first
 * when `with_jurisdiction` (the law folder has none). Names are gathered in
 * a fixed buffer and the directory closed before any Lua call, so a Lua
 * error cannot leak the DIR handle or heap memory. */
#define MAX_RULE_FILES 256
static void push_folder_files(lua_State *L, const char *dir,
                              int with_jurisdiction)
{
  char names[MAX_RULE_FILES][256];
  char *sorted[MAX_RULE_FILES];
  size_t n = 0;
  int too_many = 0;
  DIR *d = opendir(dir);
  if (d == NULL)
    luaL_error(L, "%s: cannot open rules folder", dir);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!is_rule_file(e->d_name) || strlen(e->d_name) >= sizeof names[0])
      continue;
    if (n == MAX_RULE_FILES) {
      too_many = 1;
      break;
    }
    memcpy(names[n], e->d_name, strlen(e->d_name) + 1);
    sorted[n] = names[n];
    n++;
  }
  closedir(d);
  if (too_many)
    luaL_error(L, "%s: more than %d rule files", dir, MAX_RULE_FILES);
  qsort(sorted, n, sizeof *sorted, cmp_names);
  lua_createtable(L, (int)n + 1, 0);
  lua_Integer k = 1;
  if (with_jurisdiction) {
    lua_pushfstring(L, "%s/%s", dir, JURISDICTION_FILE);
    lua_rawseti(L, -2, k++);
  }
  for (size_t i = 0; i < n; i++) {
    lua_pushfstring(L, "%s/%s", dir, sorted[i]);
    lua_rawseti(L, -2, k++);
  }
}

/* Run each file of the list on top of the stack in its own _ENV, made by
 * hooks[begin](path, id) (hooks at stack index `hooks`). */
static void run_rule_files(lua_State *L, int hooks, const char *begin,
                           const char *id)
{
  int list = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, list);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    const char *path = lua_tostring(L, -1);
    lua_getfield(L, hooks, begin);
    lua_pushstring(L, path);
    lua_pushstring(L, id);
    lua_call(L, 2, 1);                              /* env */
    if (luaL_loadfilex(L, path, "t") != LUA_OK) {
      /* Syntax errors already read "path:line: …"; others need the path. */
      const char *msg = lua_tostring(L, -1);
      if (msg == NULL || strncmp(msg, path, strlen(path)) != 0)
        lua_pushfstring(L, "%s: %s", path, msg ? msg : "cannot load");
      lua_error(L);
    }
    lua_insert(L, -2);
    if (lua_setupvalue(L, -2, 1) == NULL)           /* _ENV := env */
      lua_pop(L, 1);
    sandbox_set_source(L, path);
    /* A file that fails is reported and the next one still runs, so one
     * `rules check` shows the mistakes of every file. Not after the first
     * file (the others need its jurisdiction declaration), nor when the
     * sandbox's limits ran out, nor past the limit of errors. */
    int status = lua_pcall(L, 0, 0, 0);
    if (status != LUA_OK) {
      const char *msg = lua_tostring(L, -1);
      if (status == LUA_ERRMEM || i == 1 || msg == NULL ||
          strstr(msg, "instruction budget") || strstr(msg, "time limit") ||
          strstr(msg, "memory limit"))
        lua_error(L);
      lua_getfield(L, hooks, "file_errors");
      lua_Integer k = (lua_Integer)lua_rawlen(L, -1);
      if (k + 1 >= DECLS_MAX_ERRORS) {
        lua_pop(L, 1);
        lua_error(L);
      }
      lua_insert(L, -2);
      lua_rawseti(L, -2, k + 1);                    /* the message */
      lua_pop(L, 1);
    }
    lua_pop(L, 1);                                  /* path */
  }
  lua_pop(L, 1);                                    /* list */
}

/* hooks.load_jurisdiction(id): run every file of the folder for `id`, each
 * in its own _ENV from hooks.begin_file. Upvalues: rules_dir, hooks,
 * parents_dir (where a parent is looked for when it is not beside). */
static int l_load_jurisdiction(lua_State *L)
{
  const char *id = luaL_checkstring(L, 1);
  const char *rules_dir = lua_tostring(L, lua_upvalueindex(1));
  const char *parents_dir = lua_tostring(L, lua_upvalueindex(3));
  char dir[4096], first[4200];
  struct stat st;

  const char *from = luaL_optstring(L, 2, NULL);   /* the child's FILE:LINE */

  snprintf(dir, sizeof dir, "%s/%s", rules_dir, id);
  snprintf(first, sizeof first, "%s/%s", dir, JURISDICTION_FILE);
  if (stat(first, &st) != 0 && from && parents_dir) {
    snprintf(dir, sizeof dir, "%s/%s", parents_dir, id);
    snprintf(first, sizeof first, "%s/%s", dir, JURISDICTION_FILE);
  }
  if (stat(first, &st) != 0) {
    if (from)
      lua_pushfstring(L, "%s: parent jurisdiction '%s' has no rules (no %s)",
                      from, id, first);
    else
      lua_pushfstring(L, "%s: no rules for jurisdiction '%s'", first, id);
    return lua_error(L);
  }
  push_folder_files(L, dir, 1);
  run_rule_files(L, lua_upvalueindex(2), "begin_file", id);
  return 0;
}

/* The law's calendar (rules/law/: the announced civil-service schedules)
 * runs for every jurisdiction, before its own folder, whatever its parent.
 * Upvalues: hooks, the law folder. */
static int l_load_law(lua_State *L)
{
  push_folder_files(L, lua_tostring(L, lua_upvalueindex(2)), 0);
  run_rule_files(L, lua_upvalueindex(1), "begin_law_file", NULL);
  return 0;
}

/* Where the law folder is: beside the jurisdictions, or for a draft beside
 * its parents. 0 with the path in `out`, or -1 when there is none (every
 * year's holidays are then computed, and check says so). */
static int find_law_dir(const struct rules_options *o, char *out, size_t len)
{
  const char *dirs[2] = {o->rules_dir, o->parents_dir};
  struct stat st;
  for (size_t i = 0; i < 2; i++) {
    if (dirs[i] == NULL)
      continue;
    snprintf(out, len, "%s/%s", dirs[i], LAW_DIR);
    if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
      return 0;
  }
  return -1;
}

/* ---- loading ------------------------------------------------------- */

static int add_error(struct ruleset *rs, const char *id, const char *msg);

/* Load jurisdiction `id` into j. Returns 0, or -1 with every error found
 * added to rs (-2: out of memory adding them). */
static int load_one(const struct rules_options *o, const char *id,
                    struct jurisdiction *j, struct ruleset *rs)
{
  char err[SANDBOX_ERR_LEN];
  struct decls_job *job = NULL;
  struct sandbox *sb = sandbox_new(o->memory_limit, o->instruction_limit);
  if (sb == NULL)
    return add_error(rs, id, "out of memory") ? -2 : -1;
  sandbox_set_time_limit(sb, o->time_limit_ms);
  lua_State *L = sandbox_state(sb);
  char dir[4096];
  int rc = -1;
  err[0] = '\0';

  memset(j, 0, sizeof *j);
  cal_holidays_init(&j->holidays);
  snprintf(dir, sizeof dir, "%s/%s", o->rules_dir, id);
  if ((j->dir = strdup(dir)) == NULL) {
    snprintf(err, sizeof err, "%s: out of memory", id);
    goto out;
  }
  if (sandbox_load_string(sb, dondoc_prelude_lua, "=prelude", err) != 0 ||
      sandbox_call(sb, 0, 1, err) != 0)
    goto out;
  int hooks = lua_gettop(L);
  char law[4096];
  if (find_law_dir(o, law, sizeof law) == 0) {
    lua_pushvalue(L, hooks);
    lua_pushstring(L, law);
    lua_pushcclosure(L, l_load_law, 2);
    if (sandbox_call(sb, 0, 0, err) != 0)
      goto out;
  }
  lua_pushstring(L, o->rules_dir);
  lua_pushvalue(L, hooks);
  if (o->parents_dir)
    lua_pushstring(L, o->parents_dir);
  else
    lua_pushnil(L);
  lua_pushcclosure(L, l_load_jurisdiction, 3);
  lua_pushvalue(L, -1);
  lua_setfield(L, hooks, "load_jurisdiction");
  lua_newtable(L);
  lua_setfield(L, hooks, "file_errors");
  lua_pushstring(L, id);
  if (sandbox_call(sb, 1, 0, err) != 0)
    goto out;
  /* The errors of files that failed, then the declarations of the others,
   * converted under protection: running out of memory there must raise a
   * Lua error, not abort the process. */
  if ((job = calloc(1, sizeof *job)) == NULL) {
    snprintf(err, sizeof err, "%s: out of memory", id);
    goto out;
  }
  job->id = id;
  job->j = j;
  lua_getfield(L, hooks, "file_errors");
  for (lua_Integer k = 1; k <= (lua_Integer)lua_rawlen(L, -1); k++) {
    lua_rawgeti(L, -1, k);
    const char *msg = lua_tostring(L, -1);
    snprintf(job->err[job->n_err++], sizeof job->err[0], "%s",
             msg ? msg : "?");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  job->check_references = job->n_err == 0;
  lua_pushcfunction(L, decls_convert);
  lua_pushlightuserdata(L, job);
  lua_getfield(L, hooks, "result");
  lua_pushstring(L, id);
  if (sandbox_call(sb, 1, 1, err) != 0 || sandbox_call(sb, 2, 0, err) != 0)
    goto out;
  if (job->rc != 0 || job->n_err > 0) {
    for (size_t k = 0; k < job->n_err; k++)
      if (add_error(rs, id, job->err[k]) != 0) {
        rc = -2;
        break;
      }
    err[0] = '\0';            /* reported */
    goto out;
  }
  rc = 0;
out:
  free(job);
  sandbox_free(sb);
  if (rc != 0)
    model_jurisdiction_release(j);
  if (rc == -1 && err[0] && add_error(rs, id, err) != 0)
    rc = -2;
  return rc;
}

/* The stable code of an error that stops a jurisdiction, told from its
 * message: the families of docs/rules.md's table. The messages come from
 * the prelude, decls.c, the sandbox and Lua itself. */
static const char *error_code(const char *msg)
{
  static const struct { const char *says, *code; } codes[] = {
    {"declared twice", "duplicate-id"},
    {"unknown field", "unknown-field"},
    {"is not declared", "unknown-reference"},
    {"is not a declared", "unknown-reference"},
    {"must be declared indicators", "unknown-reference"},
    {"inherits from itself", "parent-cycle"},
    {"has no rules", "no-rules"},
    {"time limit", "time"},            /* says "instruction budget" too */
    {"memory limit", "memory"},
    {"instruction budget", "budget"},
    {"decimal comma", "decimal-comma"},
    {"is not a real date", "bad-date"},
    {"no such day", "bad-date"},
    {"is outside the years", "out-of-range"},
    {"must be a number", "bad-number"},
    {"must be a whole number", "bad-number"},
    {"not valid UTF-8", "bad-encoding"},
    {"near ", "syntax"},
    {"expected", "syntax"},
  };
  for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
    if (strstr(msg, codes[i].says))
      return codes[i].code;
  return "invalid";
}

/* "FILE:LINE: text" → "FILE:LINE: error: text [code]", the form every
 * rules message takes (a message without a place gets the label first). */
static char *labelled(const char *msg, const char *code)
{
  const char *p = msg, *after = NULL;
  while ((p = strchr(p, ':')) != NULL) {
    const char *q = p + 1;
    while (*q >= '0' && *q <= '9')
      q++;
    if (q > p + 1 && q[0] == ':' && q[1] == ' ') {
      after = q + 2;
      break;
    }
    p++;
  }
  if (after == NULL) {             /* "bac-ninh: …": after the first ": " */
    const char *sp = strstr(msg, ": ");
    after = sp ? sp + 2 : msg;
  }
  size_t n = strlen(msg) + strlen(code) + 16;
  char *out = malloc(n);
  if (out)
    snprintf(out, n, "%.*serror: %s [%s]", (int)(after - msg), msg, after,
             code);
  return out;
}

static int add_error(struct ruleset *rs, const char *id, const char *msg)
{
  struct rule_error *ne = realloc(rs->errors,
                                  (rs->n_errors + 1) * sizeof *ne);
  if (ne == NULL)
    return -1;
  rs->errors = ne;
  const char *code = error_code(msg);
  ne[rs->n_errors].jurisdiction = strdup(id);
  ne[rs->n_errors].message = labelled(msg, code);
  ne[rs->n_errors].code = code;
  rs->n_errors++;
  return ne[rs->n_errors - 1].jurisdiction && ne[rs->n_errors - 1].message
         ? 0 : -1;
}

int rules_load(const struct rules_options *o, const char *const *ids,
               size_t n_ids, struct ruleset *rs)
{
  struct jurisdiction *js = realloc(rs->jurisdictions,
                                    (rs->n + n_ids) * sizeof *js);
  if (js == NULL && n_ids)
    return -1;
  rs->jurisdictions = js;
  for (size_t i = 0; i < n_ids; i++) {
    int rc = load_one(o, ids[i], &rs->jurisdictions[rs->n], rs);
    if (rc == 0)
      rs->n++;
    else if (rc == -2)
      return -1;
  }
  return rs->n_errors ? 1 : 0;
}

void rules_release(struct ruleset *rs)
{
  for (size_t i = 0; i < rs->n; i++)
    model_jurisdiction_release(&rs->jurisdictions[i]);
  free(rs->jurisdictions);
  for (size_t i = 0; i < rs->n_errors; i++) {
    free(rs->errors[i].jurisdiction);
    free(rs->errors[i].message);
  }
  free(rs->errors);
  memset(rs, 0, sizeof *rs);
}

const struct jurisdiction *rules_find(const struct ruleset *rs, const char *id)
{
  for (size_t i = 0; i < rs->n; i++)
    if (strcmp(rs->jurisdictions[i].id, id) == 0)
      return &rs->jurisdictions[i];
  return NULL;
}
