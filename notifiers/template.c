/*
 * template.c — run a Lua webhook template over dondoc's JSON payload.
 *
 * webhook.c sends one JSON body per endpoint; an endpoint that names a
 * template gets the body this file builds: the payload (JSON text) becomes
 * a Lua table, the template function turns it into another table, and that
 * table is encoded back to compact JSON.
 *
 * Each template gets its own sandbox (engine/sandbox.c: memory cap, a
 * budget per call that also meters the library functions' work in C, a
 * wall-clock limit per call, text chunks only, FILE:LINE errors). On top
 * of that the template chunk gets a private _ENV holding only pure helpers
 * (no debug, no setmetatable/getmetatable, no raw*, no io/os, no string
 * patterns), because a template is configuration, not code we review.
 *
 * Value mapping (see also template.h):
 *   JSON object  -> table with string keys
 *   JSON array   -> sequence 1..n
 *   JSON null    -> the global `null` (a light userdata), encoded back to null
 *   JSON integer -> Lua integer; JSON real -> Lua float (and back)
 *   Lua table with keys 1..n (n >= 1) -> array; string keys -> object;
 *   an empty table -> {} (so an empty JSON array comes back as {}).
 *   Mixed, sparse or otherwise keyed tables, cycles, nesting deeper than 64,
 *   functions, NaN/infinity and invalid UTF-8 are errors naming the path.
 *
 * Lua raises errors by longjmp, and outside a protected call that means
 * lua_atpanic and abort(). So every step here that may allocate Lua memory
 * (building the environment, converting the payload, storing the function
 * in the registry) runs inside lua_pcall; the encoder only reads Lua values
 * with calls that cannot raise.
 */
#include "template.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <lauxlib.h>
#include <lua.h>

#include "sandbox.h"

/* A province payload is a few hundred items at most; 16 MiB leaves room for
 * the Lua copy of it plus the text a template builds, and a budget of 2M
 * units is far above what formatting a message costs but ends a loop in
 * ~10 ms. The wall clock is the sandbox's default (SANDBOX_TIME_LIMIT_MS). */
#define TEMPLATE_MEM_LIMIT   ((size_t)16 << 20)
#define TEMPLATE_INSTR_LIMIT 2000000L
#define ENCODE_MAX_DEPTH     64
#define PATH_LEN             200

struct template {
  struct sandbox *sb;
  int ref;                 /* the template function, in the registry */
  char path[256];          /* names errors that have no Lua line */
};

/* Its address is the `null` value templates see; nothing else in the state
 * can produce a light userdata, so identity is enough. */
static char null_sentinel;
#define NULL_VALUE ((void *)&null_sentinel)

/* ------------------------------------------------------------------ */
/* The restricted environment                                          */

/* Copy the named fields of the table at `src` into the table on top. */
static void copy_fields(lua_State *L, int src, const char *const names[])
{
  for (const char *const *n = names; *n; n++) {
    if (lua_getfield(L, src, *n) == LUA_TNIL)
      luaL_error(L, "template sandbox lacks '%s'", *n);
    lua_setfield(L, -2, *n);
  }
}

/* Copy every field of the table at `src` into the table on top, except the
 * names in `skip`. */
static void copy_all_but(lua_State *L, int src, const char *const skip[])
{
  lua_pushnil(L);
  while (lua_next(L, src)) {
    int keep = lua_type(L, -2) == LUA_TSTRING;
    for (const char *const *s = skip; keep && *s; s++)
      if (strcmp(lua_tostring(L, -2), *s) == 0)
        keep = 0;
    if (keep) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);        /* env lib table sits under key and value */
    } else {
      lua_pop(L, 1);
    }
  }
}

/* lua_CFunction, run protected: returns the _ENV table for template chunks
 * and points the string metatable at the restricted string table, since
 * ("x"):gsub(…) would otherwise reach the full library. */
static int build_env(lua_State *L)
{
  static const char *const base[] = {
    "pairs", "ipairs", "next", "type", "tostring", "tonumber", "select",
    "error", "assert", NULL
  };
  static const char *const str[] = {
    "byte", "char", "format", "len", "lower", "upper", "rep", "reverse",
    "sub", NULL
  };
  static const char *const tab[] = {
    "concat", "insert", "remove", "sort", "unpack", NULL
  };
  static const char *const no_random[] = {"random", "randomseed", NULL};
  static const char *const none[] = {NULL};

  lua_newtable(L);                                   /* env */
  int env = lua_gettop(L);
  lua_pushglobaltable(L);
  int g = lua_gettop(L);
  lua_pushvalue(L, env);
  copy_fields(L, g, base);
  lua_pop(L, 1);

  lua_getfield(L, g, "string");
  luaL_checktype(L, -1, LUA_TTABLE);
  lua_newtable(L);
  copy_fields(L, lua_gettop(L) - 1, str);
  lua_pushvalue(L, -1);
  lua_setfield(L, env, "string");
  /* Method calls on strings go through the metatable, not _ENV. */
  lua_pushliteral(L, "");
  if (!lua_getmetatable(L, -1))
    return luaL_error(L, "strings have no metatable");
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 4);                     /* metatable, "", restricted, string */

  lua_getfield(L, g, "table");
  luaL_checktype(L, -1, LUA_TTABLE);
  lua_newtable(L);
  copy_fields(L, lua_gettop(L) - 1, tab);
  lua_setfield(L, env, "table");
  lua_pop(L, 1);

  /* math.random would make bodies differ between identical runs. */
  lua_getfield(L, g, "math");
  luaL_checktype(L, -1, LUA_TTABLE);
  lua_newtable(L);
  copy_all_but(L, lua_gettop(L) - 1, no_random);
  lua_setfield(L, env, "math");
  lua_pop(L, 1);

  lua_getfield(L, g, "utf8");
  luaL_checktype(L, -1, LUA_TTABLE);
  lua_newtable(L);
  copy_all_but(L, lua_gettop(L) - 1, none);
  lua_setfield(L, env, "utf8");
  lua_pop(L, 1);

  lua_pushlightuserdata(L, NULL_VALUE);
  lua_setfield(L, env, "null");
  lua_pop(L, 1);                                     /* _G */
  return 1;
}

/* lua_CFunction, run protected: the highest line holding code in the
 * function at index 1 — where a chunk that returned no function ended. */
static int last_code_line(lua_State *L)
{
  lua_Debug ar;
  lua_Integer last = 0;
  lua_settop(L, 1);
  if (!lua_getinfo(L, ">L", &ar) || !lua_istable(L, -1)) {
    lua_pushinteger(L, 0);
    return 1;
  }
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_isinteger(L, -2) && lua_tointeger(L, -2) > last)
      last = lua_tointeger(L, -2);
    lua_pop(L, 1);
  }
  lua_pushinteger(L, last);
  return 1;
}

/* lua_CFunction, run protected: luaL_ref grows the registry. */
static int store_ref(lua_State *L)
{
  lua_settop(L, 1);
  lua_pushinteger(L, luaL_ref(L, LUA_REGISTRYINDEX));
  return 1;
}

/* lua_pcall a C function with nargs already pushed above it; on failure
 * writes "prefix: reason" into err, `doing` saying what ran out of memory.
 * Returns 0 or -1. */
static int protected(lua_State *L, int nargs, int nresults,
                     const char *prefix, const char *doing,
                     char err[TEMPLATE_ERR_LEN])
{
  int status = lua_pcall(L, nargs, nresults, 0);
  if (status == LUA_OK)
    return 0;
  const char *msg = lua_tostring(L, -1);
  if (status == LUA_ERRMEM)
    snprintf(err, TEMPLATE_ERR_LEN, "%s: memory limit of %zu KiB exceeded "
             "%s", prefix, TEMPLATE_MEM_LIMIT / 1024, doing);
  else
    snprintf(err, TEMPLATE_ERR_LEN, "%s: %s", prefix,
             msg ? msg : "unknown Lua error");
  lua_pop(L, 1);
  return -1;
}

/* The sandbox learns the running line from a hook that fires every 1,000
 * instructions, so a memory failure before that reads "?: …". The file at
 * least is known. */
static void name_file(char err[TEMPLATE_ERR_LEN], const char *path)
{
  if (strncmp(err, "?: ", 3) == 0) {
    char tmp[TEMPLATE_ERR_LEN];
    snprintf(tmp, sizeof tmp, "%s: %s", path, err + 3);
    memcpy(err, tmp, TEMPLATE_ERR_LEN);
  }
}

struct template *template_load(const char *path, char err[TEMPLATE_ERR_LEN])
{
  err[0] = '\0';
  struct template *t = calloc(1, sizeof *t);
  if (t == NULL) {
    snprintf(err, TEMPLATE_ERR_LEN, "%s: out of memory", path);
    return NULL;
  }
  snprintf(t->path, sizeof t->path, "%s", path);
  t->ref = LUA_NOREF;
  t->sb = sandbox_new(TEMPLATE_MEM_LIMIT, TEMPLATE_INSTR_LIMIT);
  if (t->sb == NULL) {
    snprintf(err, TEMPLATE_ERR_LEN, "%s: out of memory", path);
    free(t);
    return NULL;
  }
  lua_State *L = sandbox_state(t->sb);
  /* Both error buffers are 512 bytes; the sandbox writes into ours. */
  _Static_assert(SANDBOX_ERR_LEN <= TEMPLATE_ERR_LEN, "error buffer sizes");

  if (!lua_checkstack(L, 8)) {
    snprintf(err, TEMPLATE_ERR_LEN, "%s: out of memory", path);
    goto fail;
  }
  if (sandbox_load_file(t->sb, path, err) != 0)
    goto fail;                                       /* [chunk] */
  lua_pushcfunction(L, build_env);
  if (protected(L, 0, 1, path, "building the environment", err) != 0)
    goto fail;                                       /* [chunk env] */
  const char *up = lua_setupvalue(L, -2, 1);
  if (up == NULL || strcmp(up, "_ENV") != 0) {
    /* A text main chunk always has _ENV as its only upvalue. */
    snprintf(err, TEMPLATE_ERR_LEN, "%s: chunk has no _ENV upvalue", path);
    goto fail;
  }
  lua_pushvalue(L, -1);            /* keep a copy to locate a bad return */
  if (sandbox_call(t->sb, 0, 1, err) != 0) {
    name_file(err, path);
    goto fail;                                       /* [chunk result] */
  }
  if (lua_type(L, -1) != LUA_TFUNCTION) {
    const char *got = luaL_typename(L, -1);
    lua_pop(L, 1);
    lua_pushcfunction(L, last_code_line);
    lua_insert(L, -2);
    lua_Integer line = 0;
    if (lua_pcall(L, 1, 1, 0) == LUA_OK)
      line = lua_tointeger(L, -1);
    lua_pop(L, 1);        /* the line, or the error (line stays 0) */
    snprintf(err, TEMPLATE_ERR_LEN,
             "%s:%lld: template must return a function, got %s", path,
             (long long)line, got);
    goto fail;
  }
  lua_remove(L, -2);                                 /* [fn] */
  lua_pushcfunction(L, store_ref);
  lua_insert(L, -2);
  if (protected(L, 1, 1, path, "storing the function", err) != 0)
    goto fail;
  t->ref = (int)lua_tointeger(L, -1);
  lua_settop(L, 0);
  return t;

fail:
  template_free(t);
  return NULL;
}

void template_free(struct template *t)
{
  if (t == NULL)
    return;
  sandbox_free(t->sb);        /* the registry goes with the state */
  free(t);
}

/* ------------------------------------------------------------------ */
/* JSON -> Lua                                                         */

static void push_json(lua_State *L, json_t *j)
{
  /* jansson's parser already caps nesting (2048), so this recursion is
   * bounded; the stack check raises a Lua error rather than overflowing. */
  luaL_checkstack(L, 3, "payload nested too deeply");
  switch (json_typeof(j)) {
  case JSON_OBJECT: {
    const char *key;
    size_t key_len;
    json_t *v;
    lua_createtable(L, 0, (int)json_object_size(j));
    json_object_keylen_foreach(j, key, key_len, v) {
      lua_pushlstring(L, key, key_len);
      push_json(L, v);
      lua_rawset(L, -3);
    }
    break;
  }
  case JSON_ARRAY: {
    size_t i;
    json_t *v;
    lua_createtable(L, (int)json_array_size(j), 0);
    json_array_foreach(j, i, v) {
      push_json(L, v);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    break;
  }
  case JSON_STRING:
    lua_pushlstring(L, json_string_value(j), json_string_length(j));
    break;
  case JSON_INTEGER:
    lua_pushinteger(L, (lua_Integer)json_integer_value(j));
    break;
  case JSON_REAL:
    lua_pushnumber(L, (lua_Number)json_real_value(j));
    break;
  case JSON_TRUE:
    lua_pushboolean(L, 1);
    break;
  case JSON_FALSE:
    lua_pushboolean(L, 0);
    break;
  case JSON_NULL:
  default:
    lua_pushlightuserdata(L, NULL_VALUE);
    break;
  }
}

/* lua_CFunction, run protected: (payload json_t*, options json_t* or nil)
 * as light userdata -> (payload table, options table or nil). */
static int push_args(lua_State *L)
{
  json_t *payload = lua_touserdata(L, 1);
  json_t *options = lua_touserdata(L, 2);
  lua_settop(L, 0);
  push_json(L, payload);
  if (options)
    push_json(L, options);
  else
    lua_pushnil(L);
  return 2;
}

/* ------------------------------------------------------------------ */
/* Lua -> JSON                                                         */

/* Only reads Lua values, with calls that cannot raise (no lua_tostring on
 * numbers, which would allocate; lua_checkstack reports failure by 0). */
struct encoder {
  lua_State *L;
  const char *file;
  char *err;
  char path[PATH_LEN];                 /* "body.items[3].f" */
  size_t len;
  const void *open[ENCODE_MAX_DEPTH];  /* tables on the current path */
  int depth;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void enc_fail(struct encoder *e, const char *fmt, ...)
{
  char msg[TEMPLATE_ERR_LEN];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(e->err, TEMPLATE_ERR_LEN, "%s: %s", e->file, msg);
}

/* Bytes of s[0..n) that end on a character boundary, so a cut path stays
 * valid UTF-8 (error messages may end up in JSON logs). */
static size_t utf8_cut(const char *s, size_t n)
{
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return n;
}

/* Append to the path; returns the old length for path_restore. A path too
 * long for the buffer is cut, which only shortens the message. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static size_t path_push(struct encoder *e, const char *fmt, ...)
{
  size_t old = e->len;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(e->path + e->len, sizeof e->path - e->len, fmt, ap);
  va_end(ap);
  if (n > 0 && (size_t)n < sizeof e->path - e->len) {
    e->len += (size_t)n;
  } else if (n > 0) {
    e->len = utf8_cut(e->path, sizeof e->path - 1);
    e->path[e->len] = '\0';
  }
  return old;
}

static void path_restore(struct encoder *e, size_t old)
{
  e->len = old;
  e->path[old] = '\0';
}

static int is_identifier(const char *s, size_t n)
{
  if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
                  (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
    return 0;
  for (size_t i = 1; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
          (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
      return 0;
  return 1;
}

static size_t path_push_key(struct encoder *e, const char *k, size_t n)
{
  if (is_identifier(k, n))
    return path_push(e, ".%.*s", (int)n, k);
  return path_push(e, "[\"%.*s\"]", (int)(n > 40 ? utf8_cut(k, 40) : n), k);
}

static json_t *encode_value(struct encoder *e, int idx);

/* What a table becomes, decided before any output is built so a mixed
 * table is reported as such rather than by its first odd key. */
static json_t *encode_table(struct encoder *e, int idx)
{
  lua_State *L = e->L;
  const void *self = lua_topointer(L, idx);

  for (int i = 0; i < e->depth; i++)
    if (e->open[i] == self) {
      enc_fail(e, "%s: table contains itself (cycle)", e->path);
      return NULL;
    }
  if (e->depth >= ENCODE_MAX_DEPTH) {
    enc_fail(e, "%s: tables nested deeper than %d", e->path,
             ENCODE_MAX_DEPTH);
    return NULL;
  }
  if (!lua_checkstack(L, 4)) {
    enc_fail(e, "%s: out of Lua stack", e->path);
    return NULL;
  }

  lua_Integer nkeys = 0, nstr = 0, nint = 0, max = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    nkeys++;
    if (lua_type(L, -2) == LUA_TSTRING) {
      nstr++;
    } else if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1) {
      nint++;
      if (lua_tointeger(L, -2) > max)
        max = lua_tointeger(L, -2);
    } else {
      const char *what = lua_type(L, -2) == LUA_TNUMBER
                           ? "number other than 1..n" : luaL_typename(L, -2);
      lua_pop(L, 2);
      enc_fail(e, "%s: cannot use a %s as a key", e->path, what);
      return NULL;
    }
    lua_pop(L, 1);
  }
  if (nstr > 0 && nint > 0) {
    enc_fail(e, "mixed table at %s (string and integer keys)", e->path);
    return NULL;
  }
  if (nint > 0 && max != nkeys) {
    enc_fail(e, "sparse array at %s (%lld integer keys, the largest %lld; "
             "an array needs keys 1..n)", e->path, (long long)nkeys,
             (long long)max);
    return NULL;
  }

  e->open[e->depth++] = self;
  json_t *out = nint > 0 ? json_array() : json_object();
  if (out == NULL) {
    enc_fail(e, "%s: out of memory", e->path);
    goto fail;
  }
  if (nint > 0) {
    for (lua_Integer i = 1; i <= max; i++) {
      lua_rawgeti(L, idx, i);
      size_t old = path_push(e, "[%lld]", (long long)i);
      json_t *v = encode_value(e, lua_gettop(L));
      path_restore(e, old);
      lua_pop(L, 1);
      if (v == NULL)
        goto fail;
      if (json_array_append_new(out, v) != 0) {
        enc_fail(e, "%s: out of memory", e->path);
        goto fail;
      }
    }
  } else {
    lua_pushnil(L);
    while (lua_next(L, idx)) {
      size_t klen;
      const char *k = lua_tolstring(L, -2, &klen);  /* a string: no alloc */
      size_t old = path_push_key(e, k, klen);
      json_t *v = encode_value(e, lua_gettop(L));
      if (v == NULL) {
        path_restore(e, old);
        lua_pop(L, 2);
        goto fail;
      }
      /* json_object_setn_new checks the key is UTF-8 and frees v on
       * failure. */
      if (json_object_setn_new(out, k, klen, v) != 0) {
        path_restore(e, old);       /* the bad key stays out of err */
        enc_fail(e, "%s: a key is not valid UTF-8", e->path);
        lua_pop(L, 2);
        goto fail;
      }
      path_restore(e, old);
      lua_pop(L, 1);
    }
  }
  e->depth--;
  return out;

fail:
  e->depth--;
  json_decref(out);
  return NULL;
}

static json_t *encode_value(struct encoder *e, int idx)
{
  lua_State *L = e->L;
  json_t *v = NULL;

  switch (lua_type(L, idx)) {
  case LUA_TBOOLEAN:
    v = json_boolean(lua_toboolean(L, idx));
    break;
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) {
      v = json_integer((json_int_t)lua_tointeger(L, idx));
    } else {
      double d = (double)lua_tonumber(L, idx);
      if (!isfinite(d)) {
        enc_fail(e, "%s: cannot encode %s (JSON has no NaN or infinity)",
                 e->path, isnan(d) ? "NaN" : "infinity");
        return NULL;
      }
      v = json_real(d);
    }
    break;
  case LUA_TSTRING: {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    v = json_stringn(s, n);
    if (v == NULL) {
      /* jansson refuses invalid UTF-8 (e.g. a string cut mid-character);
       * running out of memory for one string is the other, rare case. */
      enc_fail(e, "%s: string is not valid UTF-8", e->path);
      return NULL;
    }
    return v;
  }
  case LUA_TLIGHTUSERDATA:
    if (lua_touserdata(L, idx) == NULL_VALUE) {
      v = json_null();
      break;
    }
    enc_fail(e, "%s: cannot encode a userdata", e->path);
    return NULL;
  case LUA_TTABLE:
    return encode_table(e, idx);
  default:
    enc_fail(e, "%s: cannot encode a %s", e->path, luaL_typename(L, idx));
    return NULL;
  }
  if (v == NULL)
    enc_fail(e, "%s: out of memory", e->path);
  return v;
}

/* ------------------------------------------------------------------ */

/* Parse text that must be a JSON object (or NULL when allowed). */
static int parse_object(const char *text, const char *what, json_t **out,
                        char err[TEMPLATE_ERR_LEN])
{
  json_error_t jerr;
  /* \u0000 is legal JSON and Lua strings hold it, so let it through. */
  *out = json_loads(text, JSON_ALLOW_NUL, &jerr);
  if (*out == NULL) {
    snprintf(err, TEMPLATE_ERR_LEN, "%s is not JSON: %d:%d: %s", what,
             jerr.line, jerr.column, jerr.text);
    return -1;
  }
  if (!json_is_object(*out)) {
    snprintf(err, TEMPLATE_ERR_LEN, "%s is not a JSON object", what);
    json_decref(*out);
    *out = NULL;
    return -1;
  }
  return 0;
}

char *template_apply(struct template *t, const char *payload_json,
                     const char *options_json, char err[TEMPLATE_ERR_LEN])
{
  err[0] = '\0';
  if (t == NULL || payload_json == NULL) {
    snprintf(err, TEMPLATE_ERR_LEN, "template_apply: %s is NULL",
             t == NULL ? "template" : "payload");
    return NULL;
  }
  json_t *payload = NULL, *options = NULL, *body = NULL;
  char *out = NULL;
  lua_State *L = sandbox_state(t->sb);
  int top = lua_gettop(L);

  if (parse_object(payload_json, "payload", &payload, err) != 0)
    goto done;
  if (options_json &&
      parse_object(options_json, "options", &options, err) != 0)
    goto done;
  if (!lua_checkstack(L, 8)) {
    snprintf(err, TEMPLATE_ERR_LEN, "%s: out of memory", t->path);
    goto done;
  }

  lua_rawgeti(L, LUA_REGISTRYINDEX, t->ref);                 /* [fn] */
  lua_pushcfunction(L, push_args);
  lua_pushlightuserdata(L, payload);
  if (options)
    lua_pushlightuserdata(L, options);
  else
    lua_pushnil(L);
  /* [fn payload options] */
  if (protected(L, 2, 2, t->path, "converting the payload", err) != 0)
    goto done;
  if (sandbox_call(t->sb, 2, 1, err) != 0) {                 /* [result] */
    name_file(err, t->path);
    goto done;
  }
  if (!lua_istable(L, -1)) {
    snprintf(err, TEMPLATE_ERR_LEN,
             "%s: template returned a %s, not a table", t->path,
             luaL_typename(L, -1));
    goto done;
  }

  struct encoder e = {.L = L, .file = t->path, .err = err};
  (void)path_push(&e, "body");       /* paths read like the JSON: body.x */
  body = encode_value(&e, lua_gettop(L));
  if (body == NULL)
    goto done;
  /* Sorted keys: Lua's table order is arbitrary, and identical input
   * should give byte-identical bodies (logs, tests, signatures). */
  out = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
  if (out == NULL)
    snprintf(err, TEMPLATE_ERR_LEN, "%s: cannot serialise the body",
             t->path);

done:
  lua_settop(L, top);
  /* Drop this payload's tables now: otherwise garbage from earlier calls
   * counts against the next call's memory cap until the GC gets to it. */
  (void)lua_gc(L, LUA_GCCOLLECT);
  json_decref(body);
  json_decref(options);
  json_decref(payload);
  return out;
}
