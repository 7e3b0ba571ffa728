/*
 * sandbox.c — resource-limited Lua states for rule files.
 *
 * Three guards, each closing a hole the others leave:
 *  - the allocator counts live bytes and refuses growth past the cap, so a
 *    memory bomb raises "not enough memory" instead of exhausting the host;
 *  - a count hook charges every 1,000 instructions against a budget and
 *    raises an error when it runs out, so an endless loop ends; the same
 *    hook remembers the running line, because Lua does not call the
 *    message handler for memory errors and we still want FILE:LINE;
 *  - only text chunks are loaded: crafted bytecode can crash the VM.
 * What a rule may *call* is decided by the prelude's environment, not here.
 */
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>

#define HOOK_EVERY 1000

struct sandbox {
  lua_State *L;
  size_t used, limit;
  long budget, instr_limit;
  char running[256];           /* "FILE:LINE" last seen by the hook */
};

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
  if (nsize > old && sb->used - old + nsize > sb->limit)
    return NULL;
  void *p = realloc(ptr, nsize);
  if (p == NULL)
    return NULL;
  sb->used = sb->used - old + nsize;
  return p;
}

static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
  void *ud;
  lua_getallocf(L, &ud);
  struct sandbox *sb = ud;

  if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
    snprintf(sb->running, sizeof sb->running, "%s:%d",
             ar->source[0] == '@' ? ar->source + 1 : ar->short_src,
             ar->currentline);
  sb->budget -= HOOK_EVERY;
  if (sb->budget < 0) {
    lua_pushfstring(L, "%s: instruction budget of %d exceeded (endless loop?)",
                    sb->running[0] ? sb->running : "?", (int)sb->instr_limit);
    lua_error(L);
  }
}

/* Message handler: make sure the error is a string. Runs protected, so a
 * failing __tostring cannot escape to lua_atpanic. */
static int sandbox_msgh(lua_State *L)
{
  if (lua_type(L, 1) == LUA_TSTRING)
    return 1;
  if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
    return 1;
  lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  return 1;
}

struct sandbox *sandbox_new(size_t mem_limit, long instr_limit)
{
  struct sandbox *sb = calloc(1, sizeof *sb);
  if (sb == NULL)
    return NULL;
  sb->limit = mem_limit;
  sb->instr_limit = instr_limit;
  sb->L = lua_newstate(sandbox_alloc, sb);
  if (sb->L == NULL) {
    free(sb);
    return NULL;
  }
  static const luaL_Reg libs[] = {
    {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
    {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_DBLIBNAME, luaopen_debug},
    {NULL, NULL}
  };
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(sb->L, lib->name, lib->func, 1);
    lua_pop(sb->L, 1);
  }
  /* Nothing that reads files or loads code is reachable even from _G. */
  static const char *const removed[] = {
    "dofile", "loadfile", "load", "require", "collectgarbage", "print", NULL
  };
  for (const char *const *name = removed; *name; name++) {
    lua_pushnil(sb->L);
    lua_setglobal(sb->L, *name);
  }
  lua_getglobal(sb->L, LUA_STRLIBNAME);
  lua_pushnil(sb->L);
  lua_setfield(sb->L, -2, "dump");
  lua_pop(sb->L, 1);
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

static void sandbox_take_error(struct sandbox *sb, int status,
                               char err[SANDBOX_ERR_LEN])
{
  const char *msg = lua_tostring(sb->L, -1);
  /* Only a call that ended for lack of memory is a memory error: an
   * allocation refused earlier may have been recovered by the collector. */
  if (status == LUA_ERRMEM)
    snprintf(err, SANDBOX_ERR_LEN, "%s: memory limit of %zu KiB exceeded",
             sb->running[0] ? sb->running : "?", sb->limit / 1024);
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
  lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int status = lua_pcall(L, nargs, nresults, base);
  lua_sethook(L, NULL, 0, 0);
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
  void *ud;
  lua_getallocf(L, &ud);
  struct sandbox *sb = ud;
  snprintf(sb->running, sizeof sb->running, "%s", path);
}
