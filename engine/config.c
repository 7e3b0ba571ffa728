/*
 * config.c — read config/dondoc.lua.
 *
 * The config runs in the same kind of sandbox as rules, with an empty
 * environment: assignments are all it can do, and they are all we read.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lauxlib.h>
#include <jansson.h>

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
  /* "config/../rules" is "rules" in every message an officer reads. Only a
   * real folder is stepped out of: through a symbolic link, ".." leads
   * somewhere else. */
  while (slash && dirlen > 0 && strncmp(rel, "../", 3) == 0) {
    size_t start = dirlen;
    while (start > 0 && dir[start - 1] != '/')
      start--;
    size_t clen = dirlen - start;
    if (start == 1 || clen == 0 || (clen == 1 && dir[start] == '.') ||
        (clen == 2 && dir[start] == '.' && dir[start + 1] == '.'))
      break;
    char *d = strndup(dir, dirlen);
    struct stat st;
    bool real_dir = d && lstat(d, &st) == 0 && S_ISDIR(st.st_mode);
    free(d);
    if (!real_dir)
      break;
    rel += 3;
    dirlen = start > 0 ? start - 1 : 0;
  }
  if (dirlen == 0)
    return strdup(rel);
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

/* ---- delivery settings ---------------------------------------------- */

/* t[field] as a malloc'd string, or NULL when absent. -1 when it is there
 * but not a string, or out of memory. */
static int opt_string(lua_State *L, const char *field, char **out,
                      const char *path, char err[CONFIG_ERR_LEN])
{
  *out = NULL;
  lua_getfield(L, -1, field);
  int rc = 0;
  if (lua_type(L, -1) == LUA_TSTRING) {
    if ((*out = strdup(lua_tostring(L, -1))) == NULL)
      rc = cfg_fail(err, path, "out of memory");
  } else if (!lua_isnil(L, -1)) {
    snprintf(err, CONFIG_ERR_LEN, "%s: '%s' must be a string", path, field);
    rc = -1;
  }
  lua_pop(L, 1);
  return rc;
}

static long opt_number(lua_State *L, const char *field, long dflt)
{
  lua_getfield(L, -1, field);
  long v = lua_isinteger(L, -1) ? (long)lua_tointeger(L, -1) : dflt;
  lua_pop(L, 1);
  return v;
}

/* Add a warning for the person (printed by the CLI). -1 out of memory. */
static int cfg_warn(struct config *c, const char *text)
{
  char **grown = realloc(c->warnings, (c->n_warnings + 1) * sizeof *grown);
  if (grown == NULL)
    return -1;
  c->warnings = grown;
  if ((c->warnings[c->n_warnings] = strdup(text)) == NULL)
    return -1;
  c->n_warnings++;
  return 0;
}

/* A secret given as NAME_env (an environment variable) or NAME_file (a file
 * whose first line is the secret). Never kept in the config file itself,
 * never printed. When it cannot be had, *out stays NULL and *why says why
 * (`label` names it: "mail.password", "webhook chat: secret"); that is no
 * error here — only delivering through it needs it. A file others may read
 * or write adds a warning. Returns -1 (err set) only for a malformed field
 * or out of memory. */
static int opt_secret(lua_State *L, const char *name, const char *label,
                      char **out, char **why, struct config *c,
                      const char *path, char err[CONFIG_ERR_LEN])
{
  char field[64], *env = NULL, *file = NULL;
  int rc = 0;
  *out = NULL;
  *why = NULL;
  snprintf(field, sizeof field, "%s_env", name);
  if (opt_string(L, field, &env, path, err) != 0)
    return -1;
  snprintf(field, sizeof field, "%s_file", name);
  if (opt_string(L, field, &file, path, err) != 0) {
    free(env);
    return -1;
  }
  char text[CONFIG_ERR_LEN];
  text[0] = '\0';                 /* the reason it is missing, if it is */
  if (env) {
    const char *v = getenv(env);
    if (v == NULL || *v == '\0')
      snprintf(text, sizeof text, "%s_env %s is not set", label, env);
    else if ((*out = strdup(v)) == NULL)
      rc = -1;
  } else if (file) {
    char *full = resolve(path, file), line[1024];
    FILE *f = full ? fopen(full, "r") : NULL;
    struct stat st;
    if (full == NULL) {
      rc = -1;
    } else if (f == NULL) {
      snprintf(text, sizeof text, "%s_file %s: %s", label, full,
               strerror(errno));
    } else {
      if (fstat(fileno(f), &st) == 0 && (st.st_mode & (S_IROTH | S_IWOTH))) {
        char warning[CONFIG_ERR_LEN];
        snprintf(warning, sizeof warning, "%s: %s_file %s can be read or "
                 "changed by any user (mode %04o); chmod o-rwx it", path,
                 label, full, (unsigned)(st.st_mode & 07777));
        rc = cfg_warn(c, warning);
      }
      if (fgets(line, sizeof line, f) == NULL)
        line[0] = '\0';
      line[strcspn(line, "\r\n")] = '\0';
      if (rc == 0 && line[0] == '\0')
        snprintf(text, sizeof text, "%s_file %s is empty", label, full);
      else if (rc == 0 && (*out = strdup(line)) == NULL)
        rc = -1;
      memset(line, 0, sizeof line);
      fclose(f);
    }
    free(full);
  }
  if (rc == 0 && text[0] != '\0' && (*why = strdup(text)) == NULL)
    rc = -1;
  free(env);
  free(file);
  return rc == 0 ? 0 : cfg_fail(err, path, "out of memory");
}

/* options = { chat_id = "-100…" } as a flat JSON object of strings and
 * numbers, for the endpoint's template. */
static int opt_options_json(lua_State *L, char **out, const char *path,
                            char err[CONFIG_ERR_LEN])
{
  *out = NULL;
  lua_getfield(L, -1, "options");
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    return 0;
  }
  json_t *o = json_object();
  int rc = o ? 0 : cfg_fail(err, path, "out of memory");
  lua_pushnil(L);
  while (rc == 0 && lua_next(L, -2) != 0) {
    const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    json_t *v = lua_isinteger(L, -1) ? json_integer(lua_tointeger(L, -1))
                : lua_type(L, -1) == LUA_TNUMBER ? json_real(lua_tonumber(L, -1))
                : lua_type(L, -1) == LUA_TSTRING ? json_string(lua_tostring(L, -1))
                : lua_type(L, -1) == LUA_TBOOLEAN ? json_boolean(lua_toboolean(L, -1))
                : NULL;
    if (k == NULL || v == NULL || json_object_set_new(o, k, v) != 0) {
      snprintf(err, CONFIG_ERR_LEN, "%s: webhook options must map names to "
               "strings, numbers or booleans", path);
      rc = -1;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  if (rc == 0 && (*out = json_dumps(o, JSON_COMPACT)) == NULL)
    rc = cfg_fail(err, path, "out of memory");
  json_decref(o);
  lua_pop(L, 1);
  return rc;
}

static int config_delivery(lua_State *L, const char *path, struct config *c,
                           char err[CONFIG_ERR_LEN])
{
  char *dir = NULL, *tls = NULL;
  if (opt_string(L, "outbox_dir", &dir, path, err) != 0)
    return -1;
  c->outbox_dir = resolve(path, dir ? dir : "../var/outbox");
  free(dir);
  if (c->outbox_dir == NULL)
    return cfg_fail(err, path, "out of memory");

  lua_getfield(L, -1, "delivery");
  if (lua_istable(L, -1)) {
    c->max_attempts = (int)opt_number(L, "max_attempts", 8);
    c->retry_base_seconds = opt_number(L, "retry_base_seconds", 60);
    c->retry_max_seconds = opt_number(L, "retry_max_seconds", 6 * 3600);
    c->parallel = (int)opt_number(L, "parallel", 8);
  } else {
    c->max_attempts = 8;
    c->retry_base_seconds = 60;
    c->retry_max_seconds = 6 * 3600;
    c->parallel = 8;
  }
  lua_pop(L, 1);
  if (c->max_attempts < 1 || c->max_attempts > 100 || c->parallel < 1 ||
      c->parallel > 256 || c->retry_base_seconds < 0 ||
      c->retry_max_seconds < c->retry_base_seconds ||
      c->retry_max_seconds > 7 * 24 * 3600)
    return cfg_fail(err, path, "delivery: max_attempts 1–100, parallel "
                    "1–256, 0 ≤ retry_base_seconds ≤ retry_max_seconds ≤ "
                    "604800 (a week)");

  struct config_mail *m = &c->mail;
  lua_getfield(L, -1, "mail");
  int rc = 0;
  if (lua_istable(L, -1)) {
    rc = opt_string(L, "from", &m->from, path, err) ||
         opt_string(L, "from_name", &m->from_name, path, err) ||
         opt_string(L, "smtp_url", &m->smtp_url, path, err) ||
         opt_string(L, "username", &m->username, path, err) ||
         opt_string(L, "ca_file", &m->ca_file, path, err) ||
         opt_string(L, "tls", &tls, path, err) ||
         opt_secret(L, "password", "mail.password", &m->password,
                    &m->password_error, c, path, err) ? -1 : 0;
    m->timeout_ms = opt_number(L, "timeout_ms", 60000);
    if (rc == 0 && m->ca_file) {
      char *full = resolve(path, m->ca_file);
      free(m->ca_file);
      if ((m->ca_file = full) == NULL)
        rc = cfg_fail(err, path, "out of memory");
    }
    if (rc == 0 && tls && strcmp(tls, "none") != 0 &&
        strcmp(tls, "required") != 0)
      rc = cfg_fail(err, path, "mail.tls must be \"required\" or \"none\"");
    m->tls_none = tls && strcmp(tls, "none") == 0;
  }
  free(tls);
  lua_pop(L, 1);
  if (rc == 0 && m->from == NULL &&
      (m->from = strdup("dondoc@localhost")) == NULL)
    rc = cfg_fail(err, path, "out of memory");
  if (rc != 0)
    return -1;

  lua_getfield(L, -1, "templates_dir");
  char *tdir = resolve(path, lua_isstring(L, -1) ? lua_tostring(L, -1)
                                                 : "../notifiers/templates");
  lua_pop(L, 1);
  if (tdir == NULL)
    return cfg_fail(err, path, "out of memory");
  lua_getfield(L, -1, "webhooks");
  size_t n = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
  c->webhooks = calloc(n ? n : 1, sizeof *c->webhooks);
  if (c->webhooks == NULL)
    rc = cfg_fail(err, path, "out of memory");
  for (size_t i = 1; i <= n && rc == 0; i++) {
    struct config_webhook *w = &c->webhooks[c->n_webhooks++];
    char *tpl = NULL;
    lua_rawgeti(L, -1, (lua_Integer)i);
    if (!lua_istable(L, -1)) {
      lua_pop(L, 1);
      rc = cfg_fail(err, path, "webhooks must be a list of { name = …, url = … }");
      break;
    }
    char label[128];
    rc = opt_string(L, "name", &w->name, path, err) ||
         opt_string(L, "url", &w->url, path, err) ||
         opt_string(L, "template", &tpl, path, err) ? -1 : 0;
    snprintf(label, sizeof label, "webhook %s: secret",
             w->name ? w->name : "(no name)");
    if (rc == 0)
      rc = opt_secret(L, "secret", label, &w->secret, &w->secret_error, c,
                      path, err) ||
           opt_options_json(L, &w->options_json, path, err) ? -1 : 0;
    lua_getfield(L, -1, "jurisdictions");
    size_t nj = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    if (rc == 0 && nj && (w->jurisdictions = calloc(nj, sizeof *w->jurisdictions)) == NULL)
      rc = cfg_fail(err, path, "out of memory");
    for (size_t k = 1; k <= nj && rc == 0; k++) {
      lua_rawgeti(L, -1, (lua_Integer)k);
      if (lua_type(L, -1) != LUA_TSTRING)
        rc = cfg_fail(err, path, "webhook jurisdictions must list ids");
      else if ((w->jurisdictions[w->n_jurisdictions++] =
                strdup(lua_tostring(L, -1))) == NULL)
        rc = cfg_fail(err, path, "out of memory");
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    w->timeout_ms = opt_number(L, "timeout_ms", 15000);
    w->connect_timeout_ms = opt_number(L, "connect_timeout_ms", 5000);
    lua_getfield(L, -1, "follow_redirects");
    w->follow_redirects = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (rc == 0 && w->name == NULL)
      rc = cfg_fail(err, path, "every webhook needs a name");
    if (rc == 0 && tpl) {
      /* "chat" names a shipped template; anything else is a path */
      char buf[1024];
      if (strchr(tpl, '/') == NULL && strstr(tpl, ".lua") == NULL)
        snprintf(buf, sizeof buf, "%s/%s.lua", tdir, tpl);
      else
        snprintf(buf, sizeof buf, "%s", tpl);
      w->template_path = buf[0] == '/' || strchr(tpl, '/') == NULL
                         ? strdup(buf) : resolve(path, buf);
      if (w->template_path == NULL)
        rc = cfg_fail(err, path, "out of memory");
    }
    free(tpl);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  free(tdir);
  return rc;
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

  /* The sandbox limits, each a whole number in a range that keeps the
   * arithmetic on it exact (no shift or multiplication overflows). */
  static const struct {
    const char *name; long long lo, hi, dflt;
  } limits[] = {
    {"memory_limit_mb", 8, 4096, 64},
    {"instruction_limit", 1000000, 10000000000LL, 50000000},
    {"time_limit_ms", 100, 600000, 5000},
  };
  long long value[3];
  for (size_t k = 0; k < 3; k++) {
    lua_getfield(L, -1, limits[k].name);
    int whole = 0;
    lua_Integer v = lua_tointegerx(L, -1, &whole);
    bool absent = lua_isnil(L, -1);
    lua_pop(L, 1);
    if (absent) {
      value[k] = limits[k].dflt;
    } else if (!whole || v < limits[k].lo || v > limits[k].hi) {
      snprintf(err, CONFIG_ERR_LEN, "%s: %s must be a whole number from "
               "%lld to %lld", path, limits[k].name, limits[k].lo,
               limits[k].hi);
      goto out;
    } else {
      value[k] = (long long)v;
    }
  }
  c->memory_limit = (size_t)value[0] << 20;
  c->instruction_limit = (long)value[1];
  c->time_limit_ms = (long)value[2];

  if (config_delivery(L, path, c, err) != 0)
    goto out;

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
  free(c->outbox_dir);
  free(c->mail.from); free(c->mail.from_name); free(c->mail.smtp_url);
  free(c->mail.username); free(c->mail.ca_file);
  free(c->mail.password_error);
  if (c->mail.password) {            /* do not leave it lying in the heap */
    memset(c->mail.password, 0, strlen(c->mail.password));
    free(c->mail.password);
  }
  for (size_t i = 0; i < c->n_webhooks; i++) {
    struct config_webhook *w = &c->webhooks[i];
    free(w->name); free(w->url); free(w->template_path);
    free(w->secret_error);
    free(w->options_json);
    for (size_t k = 0; k < w->n_jurisdictions; k++)
      free(w->jurisdictions[k]);
    free(w->jurisdictions);
    if (w->secret) {
      memset(w->secret, 0, strlen(w->secret));
      free(w->secret);
    }
  }
  free(c->webhooks);
  for (size_t i = 0; i < c->n_warnings; i++)
    free(c->warnings[i]);
  free(c->warnings);
  memset(c, 0, sizeof *c);
}
