/*
 * sandbox.c — resource-limited Lua states for rule files.
 *
 * Four guards, each closing a hole the others leave:
 *  - the allocator counts live bytes and refuses growth past the cap, so a
 *    memory bomb raises "not enough memory" instead of exhausting the host;
 *  - a budget per call: a count hook charges every 1,000 instructions, the
 *    allocator every byte allocated, and meter.c the work of the library
 *    functions, because the hook only runs between VM instructions and a
 *    loop of C calls (string.rep of an empty string, utf8.len over 30 MB)
 *    would otherwise never be charged. The hook also remembers the running
 *    line, because Lua does not call the message handler for memory
 *    errors and we still want FILE:LINE;
 *  - a wall-clock limit per call, checked by the same hook: the backstop
 *    for work inside single VM instructions that nothing can meter;
 *  - only text chunks are loaded: crafted bytecode can crash the VM.
 * What a rule may *call* is decided by the prelude's environment, not here.
 */
#include "sandbox.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lauxlib.h>
#include <lualib.h>

#include "meter.h"

#define HOOK_EVERY 1000
/* Allocating is cheap per byte (malloc, a copy, a sweep later); a full
 * collection walks the live heap. Units as in sandbox.h. */
#define ALLOC_BYTES_PER_UNIT 32
#define COLLECT_BYTES_PER_UNIT 64
#define BUDGET_FLOOR (LONG_MIN / 2)      /* spending saturates here */

struct sandbox {
  lua_State *L;
  size_t used, limit;
  long budget, instr_limit;
  long time_limit_ms;
  struct timespec deadline;
  bool armed;                  /* inside sandbox_call: spent budget raises */
  char running[256];           /* "FILE:LINE" last seen by the hook */
};

static struct sandbox *sandbox_of(lua_State *L)
{
  void *ud;
  lua_getallocf(L, &ud);
  return ud;
}

static void spend(struct sandbox *sb, size_t units)
{
  long u = units > (size_t)(LONG_MAX / 4) ? LONG_MAX / 4 : (long)units;
  sb->budget = sb->budget - BUDGET_FLOOR < u ? BUDGET_FLOOR : sb->budget - u;
}

/* The lua_Alloc contract: when ptr is NULL, osize is a type tag, not a
 * size; shrinking must never fail. */
static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
  struct sandbox *sb = ud;
  size_t old = ptr ? osize : 0;

  if (nsize == 0) {
    free(ptr);
    sb->used -= old;
    return NULL;
  }
  if (nsize > old) {
    if (sb->used - old + nsize > sb->limit) {
      /* Lua answers a refusal with a full collection and a retry: charge
       * that collection, or churning at the cap runs for hours. */
      spend(sb, sb->used / COLLECT_BYTES_PER_UNIT);
      return NULL;
    }
    spend(sb, (nsize - old) / ALLOC_BYTES_PER_UNIT);
  }
  void *p = realloc(ptr, nsize);
  if (p == NULL)
    return NULL;
  sb->used = sb->used - old + nsize;
  return p;
}

/* Chunks named "=…" are dondoc's own trusted Lua (the prelude): a limit or
 * error met inside them belongs to the rule line that called them. */
static bool trusted(const lua_Debug *ar) { return ar->source[0] == '='; }

/* "FILE:LINE" of the innermost frame of rule or template code at or above
 * `level`, into buf. Returns false, buf untouched, when there is none. */
static bool locate(lua_State *L, int level, char *buf, size_t n)
{
  lua_Debug ar;
  for (; level < 64 && lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 || trusted(&ar))
      continue;
    snprintf(buf, n, "%s:%d",
             ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
             ar.currentline);
    return true;
  }
  return false;
}

/* Where to report a limit: the running rule line, else the last seen. */
static const char *limit_where(lua_State *L, struct sandbox *sb)
{
  if (locate(L, 0, sb->running, sizeof sb->running) || sb->running[0])
    return sb->running;
  return "?";
}

/* lua_pushfstring, not luaL_error: the message already has its place. */
static int raise_budget(lua_State *L, struct sandbox *sb)
{
  lua_pushfstring(L, "%s: instruction budget of %I exceeded (endless loop, "
                  "or too much work?)", limit_where(L, sb),
                  (lua_Integer)sb->instr_limit);
  return lua_error(L);
}

static bool past_deadline(const struct sandbox *sb)
{
  struct timespec now;
  if (sb->time_limit_ms <= 0 || clock_gettime(CLOCK_MONOTONIC, &now) != 0)
    return false;
  return now.tv_sec > sb->deadline.tv_sec ||
         (now.tv_sec == sb->deadline.tv_sec &&
          now.tv_nsec >= sb->deadline.tv_nsec);
}

static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
  (void)ar;
  struct sandbox *sb = sandbox_of(L);
  (void)locate(L, 0, sb->running, sizeof sb->running);
  spend(sb, HOOK_EVERY);
  if (sb->budget < 0)
    raise_budget(L, sb);
  if (past_deadline(sb)) {
    lua_pushfstring(L, "%s: time limit of %f s exceeded (work the "
                    "instruction budget cannot see: long strings compared, "
                    "long argument lists passed on)", limit_where(L, sb),
                    (lua_Number)sb->time_limit_ms / 1000);
    lua_error(L);
  }
}

void sandbox_charge(lua_State *L, size_t units)
{
  struct sandbox *sb = sandbox_of(L);
  spend(sb, units);
  if (sb->armed && sb->budget < 0)
    raise_budget(L, sb);
}

int sandbox_spend(lua_State *L, size_t units)
{
  struct sandbox *sb = sandbox_of(L);
  spend(sb, units);
  return sb->armed && sb->budget < 0 ? -1 : 0;
}

size_t sandbox_room(lua_State *L)
{
  const struct sandbox *sb = sandbox_of(L);
  return sb->used < sb->limit ? sb->limit - sb->used : 0;
}

void sandbox_note_line(lua_State *L)
{
  struct sandbox *sb = sandbox_of(L);
  (void)locate(L, 0, sb->running, sizeof sb->running);
}

/* Length of a leading "FILE:LINE: " in msg, or 0. */
static size_t position_length(const char *msg)
{
  const char *p = msg;
  while (*p && *p != ':' && *p != '\n')
    p++;
  if (*p != ':' || p == msg)
    return 0;
  const char *digits = ++p;
  while (*p >= '0' && *p <= '9')
    p++;
  if (p == digits || p[0] != ':' || p[1] != ' ')
    return 0;
  return (size_t)(p + 2 - msg);
}

/* Is msg positioned in a trusted chunk ("prelude:12: …")? */
static bool positioned_in_trusted(lua_State *L, const char *msg)
{
  size_t file = strcspn(msg, ":");
  lua_Debug ar;
  for (int level = 1; level < 64 && lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "S", &ar) && trusted(&ar) &&
        strlen(ar.short_src) == file && strncmp(msg, ar.short_src, file) == 0)
      return true;
  return false;
}

/* Message handler: make sure the error is a string that names the rule
 * line. Lua positions most errors itself; those raised inside C functions
 * (a failed comparison in table.sort, assert's message), by error(msg, 0)
 * or with a table get the innermost rule line here, and those raised in
 * the trusted prelude are moved to the rule line that called it. Runs
 * protected, so a failing __tostring cannot escape to lua_atpanic. */
static int sandbox_msgh(lua_State *L)
{
  if (lua_type(L, 1) != LUA_TSTRING) {
    if (!luaL_callmeta(L, 1, "__tostring") || lua_type(L, -1) != LUA_TSTRING)
      lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    lua_replace(L, 1);
  }
  lua_settop(L, 1);
  const char *msg = lua_tostring(L, 1);
  char where[256];
  if (!locate(L, 1, where, sizeof where))
    return 1;
  size_t pos = position_length(msg);
  if (pos > 0 && positioned_in_trusted(L, msg))
    lua_pushfstring(L, "%s: %s", where, msg + pos);
  else if (pos == 0)
    lua_pushfstring(L, "%s: %s", where, msg);
  return 1;
}

/* lua_CFunction, run protected: the libraries, minus what reads files or
 * loads code, with their work metered. */
static int sandbox_open(lua_State *L)
{
  static const luaL_Reg libs[] = {
    {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
    {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_DBLIBNAME, luaopen_debug},
    {NULL, NULL}
  };
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  /* Nothing that reads files or loads code is reachable even from _G. */
  static const char *const removed[] = {
    "dofile", "loadfile", "load", "require", "collectgarbage", "print", NULL
  };
  for (const char *const *name = removed; *name; name++) {
    lua_pushnil(L);
    lua_setglobal(L, *name);
  }
  lua_getglobal(L, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  meter_install(L);
  return 0;
}

struct sandbox *sandbox_new(size_t mem_limit, long instr_limit)
{
  struct sandbox *sb = calloc(1, sizeof *sb);
  if (sb == NULL)
    return NULL;
  sb->limit = mem_limit;
  /* so that spending can never overflow */
  sb->instr_limit = instr_limit > LONG_MAX / 4 ? LONG_MAX / 4 : instr_limit;
  sb->time_limit_ms = SANDBOX_TIME_LIMIT_MS;
  sb->L = lua_newstate(sandbox_alloc, sb);
  if (sb->L == NULL) {
    free(sb);
    return NULL;
  }
  lua_pushcfunction(sb->L, sandbox_open);
  if (lua_pcall(sb->L, 0, 0, 0) != LUA_OK) {
    lua_close(sb->L);
    free(sb);
    return NULL;
  }
  return sb;
}

void sandbox_free(struct sandbox *sb)
{
  if (sb == NULL)
    return;
  lua_close(sb->L);
  free(sb);
}

lua_State *sandbox_state(struct sandbox *sb) { return sb->L; }
size_t sandbox_memory(const struct sandbox *sb) { return sb->used; }

void sandbox_set_time_limit(struct sandbox *sb, long ms)
{
  sb->time_limit_ms = ms;
}

static void sandbox_take_error(struct sandbox *sb, int status,
                               char err[SANDBOX_ERR_LEN])
{
  const char *msg = lua_tostring(sb->L, -1);
  const char *where = sb->running[0] ? sb->running : "?";
  /* Only a call that ended for lack of memory is a memory error: an
   * allocation refused earlier may have been recovered by the collector. */
  if (status == LUA_ERRMEM)
    snprintf(err, SANDBOX_ERR_LEN, "%s: memory limit of %zu KiB exceeded",
             where, sb->limit / 1024);
  else if (status == LUA_ERRERR)    /* the handler itself ran out */
    snprintf(err, SANDBOX_ERR_LEN, "%s: %s", where,
             msg ? msg : "error in error handling");
  else
    snprintf(err, SANDBOX_ERR_LEN, "%s", msg ? msg : "unknown Lua error");
  lua_pop(sb->L, 1);
}

int sandbox_load_file(struct sandbox *sb, const char *path,
                      char err[SANDBOX_ERR_LEN])
{
  int status = luaL_loadfilex(sb->L, path, "t");
  if (status == LUA_OK)
    return 0;
  snprintf(sb->running, sizeof sb->running, "%s", path);
  sandbox_take_error(sb, status, err);
  return -1;
}

int sandbox_load_string(struct sandbox *sb, const char *src, const char *name,
                        char err[SANDBOX_ERR_LEN])
{
  int status = luaL_loadbufferx(sb->L, src, strlen(src), name, "t");
  if (status == LUA_OK)
    return 0;
  sandbox_take_error(sb, status, err);
  return -1;
}

int sandbox_call(struct sandbox *sb, int nargs, int nresults,
                 char err[SANDBOX_ERR_LEN])
{
  lua_State *L = sb->L;
  int base = lua_gettop(L) - nargs;       /* the function's slot */

  lua_pushcfunction(L, sandbox_msgh);
  lua_insert(L, base);
  sb->budget = sb->instr_limit;
  sb->running[0] = '\0';
  if (clock_gettime(CLOCK_MONOTONIC, &sb->deadline) == 0) {
    sb->deadline.tv_sec += sb->time_limit_ms / 1000;
    sb->deadline.tv_nsec += sb->time_limit_ms % 1000 * 1000000L;
    if (sb->deadline.tv_nsec >= 1000000000L) {
      sb->deadline.tv_sec++;
      sb->deadline.tv_nsec -= 1000000000L;
    }
  }
  sb->armed = true;
  lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int status = lua_pcall(L, nargs, nresults, base);
  lua_sethook(L, NULL, 0, 0);
  sb->armed = false;
  lua_remove(L, base);
  if (status == LUA_OK)
    return 0;
  sandbox_take_error(sb, status, err);
  /* Free what the failed chunk built, so the next file starts clean. */
  lua_gc(L, LUA_GCCOLLECT);
  return -1;
}

void sandbox_set_source(lua_State *L, const char *path)
{
  struct sandbox *sb = sandbox_of(L);
  snprintf(sb->running, sizeof sb->running, "%s", path);
}
