/*
 * config.c — read config/dondoc.lua.
 *
 * The config runs in the same kind of sandbox as rules, with an empty
 * environment: assignments are all it can do, and they are all we read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>

#include "sandbox.h"

/* Zones Vietnamese deployments use; none has daylight saving time. */
static const struct { const char *name; int offset; } zones[] = {
  {"Asia/Ho_Chi_Minh", 7 * 60}, {"Asia/Saigon", 7 * 60},
  {"Asia/Bangkok", 7 * 60},     {"UTC", 0},
};

const char *config_default_path(const char *given)
{
  if (given)
    return given;
  const char *env = getenv("DONDOC_CONFIG");
  if (env && *env)
    return env;
  if (access("config/dondoc.lua", R_OK) == 0)
    return "config/dondoc.lua";
  return "/etc/dondoc/dondoc.lua";
}

/* `rel` read from the folder of the config file. */
static char *resolve(const char *config_path, const char *rel)
{
  if (rel[0] == '/')
    return strdup(rel);
  const char *slash = strrchr(config_path, '/');
  size_t dirlen = slash ? (size_t)(slash - config_path) : 1;
  const char *dir = slash ? config_path : ".";
  size_t n = dirlen + 1 + strlen(rel) + 1;
  char *out = malloc(n);
  if (out)
    snprintf(out, n, "%.*s/%s", (int)dirlen, dir, rel);
  return out;
}

static int cfg_fail(char err[CONFIG_ERR_LEN], const char *path,
                    const char *what)
{
  snprintf(err, CONFIG_ERR_LEN, "%s: %s", path, what);
  return -1;
}

int config_load(const char *path, struct config *c, char err[CONFIG_ERR_LEN])
{
  struct sandbox *sb = sandbox_new(8u << 20, 1000000);
  char lerr[SANDBOX_ERR_LEN];
  int rc = -1;

  if (sb == NULL)
    return cfg_fail(err, path, "out of memory");
  lua_State *L = sandbox_state(sb);
  if ((c->path = strdup(path)) == NULL) {
    cfg_fail(err, path, "out of memory");
    goto out;
  }
  if (sandbox_load_file(sb, path, lerr) != 0) {
    snprintf(err, CONFIG_ERR_LEN, "%s", lerr);
    goto out;
  }
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, "dondoc.config");
  if (lua_setupvalue(L, -2, 1) == NULL)
    lua_pop(L, 1);
  if (sandbox_call(sb, 0, 0, lerr) != 0) {
    snprintf(err, CONFIG_ERR_LEN, "%s", lerr);
    goto out;
  }
  lua_getfield(L, LUA_REGISTRYINDEX, "dondoc.config");

  lua_getfield(L, -1, "database");
  const char *db = lua_isstring(L, -1) ? lua_tostring(L, -1) : "var/dondoc.db";
  c->database = resolve(path, db);
  lua_pop(L, 1);
  lua_getfield(L, -1, "rules_dir");
  const char *rd = lua_isstring(L, -1) ? lua_tostring(L, -1) : "../rules";
  c->rules_dir = resolve(path, rd);
  lua_pop(L, 1);
  if (c->database == NULL || c->rules_dir == NULL) {
    cfg_fail(err, path, "out of memory");
    goto out;
  }

  lua_getfield(L, -1, "timezone");
  c->timezone = strdup(lua_isstring(L, -1) ? lua_tostring(L, -1)
                                           : "Asia/Ho_Chi_Minh");
  lua_pop(L, 1);
  if (c->timezone == NULL) {
    cfg_fail(err, path, "out of memory");
    goto out;
  }
  size_t z;
  for (z = 0; z < sizeof zones / sizeof *zones; z++)
    if (strcmp(zones[z].name, c->timezone) == 0)
      break;
  if (z == sizeof zones / sizeof *zones) {
    snprintf(err, CONFIG_ERR_LEN, "%s: timezone '%s' is not supported "
             "(Asia/Ho_Chi_Minh, Asia/Bangkok, UTC)", path, c->timezone);
    goto out;
  }
  c->utc_offset_minutes = zones[z].offset;

  lua_getfield(L, -1, "memory_limit_mb");
  c->memory_limit = (size_t)(lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 64)
                    << 20;
  lua_pop(L, 1);
  lua_getfield(L, -1, "instruction_limit");
  c->instruction_limit = lua_isinteger(L, -1) ? (long)lua_tointeger(L, -1)
                                              : 50L * 1000 * 1000;
  lua_pop(L, 1);

  lua_getfield(L, -1, "jurisdictions");
  if (!lua_istable(L, -1) || lua_rawlen(L, -1) == 0) {
    cfg_fail(err, path, "jurisdictions = { \"province-id\", … } is missing");
    goto out;
  }
  c->n_jurisdictions = 0;
  size_t n = lua_rawlen(L, -1);
  c->jurisdictions = calloc(n, sizeof *c->jurisdictions);
  if (c->jurisdictions == NULL) {
    cfg_fail(err, path, "out of memory");
    goto out;
  }
  for (size_t i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, (lua_Integer)i);
    if (lua_type(L, -1) != LUA_TSTRING) {
      cfg_fail(err, path, "jurisdictions must list ids as strings");
      goto out;
    }
    if ((c->jurisdictions[c->n_jurisdictions] = strdup(lua_tostring(L, -1)))
        == NULL) {
      cfg_fail(err, path, "out of memory");
      goto out;
    }
    c->n_jurisdictions++;
    lua_pop(L, 1);
  }
  rc = 0;
out:
  sandbox_free(sb);
  return rc;
}

void config_release(struct config *c)
{
  for (size_t i = 0; i < c->n_jurisdictions; i++)
    free(c->jurisdictions[i]);
  free(c->jurisdictions);
  free(c->path);
  free(c->database);
  free(c->rules_dir);
  free(c->timezone);
  memset(c, 0, sizeof *c);
}
