/*
 * meter.c — metered wrappers for the library functions of the sandbox.
 *
 * Each wrapper charges the sandbox's budget (sandbox_charge) for the work
 * its function is about to do, then runs the library's own C function in
 * its own frame rather than through lua_call, so that argument errors
 * still read "bad argument #2 to 'rep'" at the caller's FILE:LINE.
 * What is charged, calibrated so that a unit costs about what a VM
 * instruction does (a few nanoseconds):
 *  - CALL_UNITS per call, one unit per argument, ELEMENT_UNITS per value
 *    returned or element moved, more for the costlier steps below;
 *  - one unit per SANDBOX_BYTES_PER_UNIT bytes a function scans or
 *    converts (a numeral string handed to math.floor is read to its end,
 *    and allocates nothing);
 *  - printing a float: "%.99f" of 1e308 runs a bignum for microseconds;
 *  - the bytes a function allocates are charged by the allocator;
 *  - where the amount is only known afterwards (how far utf8.offset
 *    walked, how many values string.byte pushed) it is charged after: one
 *    call's work is bounded by the memory cap and the stack limit anyway.
 * string.rep of an empty string with an empty separator is answered here:
 * the library would loop n times copying nothing, beyond any limit.
 * Functions no rule or template can reach (string.gsub, table.move …) are
 * left alone; only the prelude calls string.find, on rule ids.
 */
#include "meter.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>

#include "sandbox.h"

#define BYTES(n) ((size_t)(n) / SANDBOX_BYTES_PER_UNIT)
#define CALL_UNITS 16            /* entering and leaving a C function */
#define ELEMENT_UNITS 2          /* a value pushed or a table slot moved */
#define CONCAT_UNITS 8           /* an element fetched and appended */
#define CHAR_UNITS 8             /* a character encoded by utf8.char */
#define COMPARE_UNITS 10         /* a comparison called back by sort */
#define FLOAT_TEXT_UNITS 256     /* a float as text ("%.14g") */
#define FLOAT_FORMAT_UNITS 2048  /* a float conversion in string.format */
/* Work above this many units names its line, in case it runs out of
 * memory (Lua does not call the message handler for that). */
#define NOTE_ABOVE 4096

/* Run the library function (upvalue 1, a light C function) in this frame. */
static int forward(lua_State *L)
{
  return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* The number of elements from..to, saturating; 0 when empty. */
static size_t span(lua_Integer from, lua_Integer to)
{
  if (to < from)
    return 0;
  lua_Unsigned n = (lua_Unsigned)to - (lua_Unsigned)from;
  return n >= SIZE_MAX / 4 ? SIZE_MAX / 4 : (size_t)n + 1;
}

/* n units of k each, saturating. */
static size_t times(size_t n, size_t k)
{
  return n > SIZE_MAX / 4 / k ? SIZE_MAX / 4 : n * k;
}

static void charge(lua_State *L, size_t units)
{
  if (units > NOTE_ABOVE)
    sandbox_note_line(L);
  sandbox_charge(L, units);
}

/* A call: its base cost, a unit per argument, the bytes of the string
 * arguments from..to (to 0: the last one), which the function scans or
 * converts, and `extra`. */
static void charge_call(lua_State *L, int from, int to, size_t extra)
{
  int top = lua_gettop(L);
  size_t units = CALL_UNITS + (size_t)top + extra;
  if (to == 0 || to > top)
    to = top;
  for (int i = from; i <= to; i++)
    if (lua_type(L, i) == LUA_TSTRING)
      units += BYTES(lua_rawlen(L, i));
  charge(L, units);
}

/* string.char, utf8.char: each argument checked and encoded. */
static int m_chars(lua_State *L)
{
  charge_call(L, 1, 0, times((size_t)lua_gettop(L), CHAR_UNITS));
  return forward(L);
}

/* string.lower, upper, reverse, find; tonumber; every math function;
 * string arithmetic ("10" + 1): each reads all of every string argument. */
static int m_scan(lua_State *L)
{
  charge_call(L, 1, 0, 0);
  return forward(L);
}

/* string.format: besides the arguments, each float conversion ("%.99f"
 * of 1e308 prints 400 digits through a bignum) and each float printed as
 * text by "%s". The format is scanned as the library does: '%', flags,
 * width and precision, then the conversion. */
static int m_format(lua_State *L)
{
  size_t len, extra = 0;
  const char *f = luaL_checklstring(L, 1, &len);
  for (const char *p = f, *end = f + len; p < end; p++) {
    if (*p != '%' || ++p == end || *p == '%')
      continue;
    p += strspn(p, "-+ #0123456789.");   /* stops at the final '\0' */
    if (*p != '\0' && strchr("aAeEfFgG", *p))
      extra += FLOAT_FORMAT_UNITS;
  }
  for (int i = 2; i <= lua_gettop(L); i++)
    if (lua_type(L, i) == LUA_TNUMBER && !lua_isinteger(L, i))
      extra += FLOAT_TEXT_UNITS;
  charge_call(L, 1, 0, extra);
  return forward(L);
}

/* tostring: a float goes through "%.14g", slow for 1e308. */
static int m_tostring(lua_State *L)
{
  bool is_float = lua_type(L, 1) == LUA_TNUMBER && !lua_isinteger(L, 1);
  charge_call(L, 2, 1, is_float ? FLOAT_TEXT_UNITS : 0);
  return forward(L);
}

/* string.sub: the subject is not read, the positions are converted. */
static int m_positions(lua_State *L)
{
  charge_call(L, 2, 0, 0);
  return forward(L);
}

/* select(n, ...): only n is converted; select("#", ...) is the usual way
 * to walk a long vararg list, hence the unit per argument. */
static int m_select(lua_State *L)
{
  charge_call(L, 1, 1, 0);
  return forward(L);
}

/* string.byte, utf8.codepoint: a value per byte or character asked for.
 * The stack grown for them is reused by the next call, so the allocator
 * does not see them again: charged by the values returned. */
static int m_values(lua_State *L)
{
  charge_call(L, 2, 3, 0);
  int n = forward(L);
  charge(L, times((size_t)n, ELEMENT_UNITS));
  return n;
}

/* string.rep: n copies, each charged; the result's bytes are charged by
 * the allocator. A result that cannot fit is left to fail for memory. */
static int m_rep(lua_State *L)
{
  size_t l, lsep;
  charge_call(L, 2, 2, 0);
  (void)luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  (void)luaL_optlstring(L, 3, "", &lsep);
  if (n <= 0 || l + lsep == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  size_t each = l + lsep;
  if (each >= l && (lua_Unsigned)n <= SIZE_MAX / each &&
      (size_t)n * each <= sandbox_room(L))
    charge(L, (size_t)n);
  else
    sandbox_note_line(L);
  return forward(L);
}

/* table.concat(t, sep, i, j): an element each (an empty string copies
 * nothing, so the allocator alone would not see a million of them). */
static int m_concat(lua_State *L)
{
  charge_call(L, 3, 4, 0);
  if (lua_type(L, 1) == LUA_TTABLE) {
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer j = luaL_opt(L, luaL_checkinteger, 4, luaL_len(L, 1));
    charge(L, times(span(i, j), CONCAT_UNITS));
  }
  return forward(L);
}

/* table.insert(t, pos, v) moves t[pos..#t] up. */
static int m_insert(lua_State *L)
{
  if (lua_gettop(L) == 3 && lua_type(L, 1) == LUA_TTABLE) {
    int ok;
    charge_call(L, 2, 2, 0);
    lua_Integer pos = lua_tointegerx(L, 2, &ok);
    if (ok && pos >= 1)
      charge(L, times(span(pos, luaL_len(L, 1)), ELEMENT_UNITS));
  }
  return forward(L);
}

/* table.remove(t, pos) moves t[pos+1..#t] down. */
static int m_remove(lua_State *L)
{
  if (lua_type(L, 1) == LUA_TTABLE) {
    charge_call(L, 2, 2, 0);
    lua_Integer size = luaL_len(L, 1);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos >= 1)
      charge(L, times(span(pos, size - 1), ELEMENT_UNITS));
  }
  return forward(L);
}

/* table.unpack(t, i, j) pushes t[i..j]; more than the stack holds fails
 * in the library ("too many results"), so is not charged. */
static int m_unpack(lua_State *L)
{
  charge_call(L, 2, 3, 0);
  lua_Integer i = luaL_optinteger(L, 2, 1);
  lua_Integer j = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
  size_t n = span(i, j);
  if (n <= LUAI_MAXSTACK)
    charge(L, times(n, ELEMENT_UNITS));
  return forward(L);
}

/* A comparison for table.sort: one unit, plus the bytes two strings may
 * have in common. */
static void charge_comparison(lua_State *L)
{
  size_t units = COMPARE_UNITS;
  if (lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING) {
    size_t a = lua_rawlen(L, 1), b = lua_rawlen(L, 2);
    units += BYTES(a < b ? a : b);
  }
  charge(L, units);
}

/* The default order, `<`, metered. */
static int m_less(lua_State *L)
{
  lua_settop(L, 2);
  charge_comparison(L);
  lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
  return 1;
}

/* The rule's own order (upvalue 1), metered for its arguments. */
static int m_less_by(lua_State *L)
{
  lua_settop(L, 2);
  charge_comparison(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 2, 1);
  return 1;
}

/* table.sort(t, comp): every comparison goes through a metered order
 * (upvalue 2 is m_less), so sorting a thousand copies of a 30 MB string
 * is charged for the bytes compared. */
static int m_sort(lua_State *L)
{
  if (lua_type(L, 1) == LUA_TTABLE && luaL_len(L, 1) > 1) {
    charge(L, times(span(1, luaL_len(L, 1)), ELEMENT_UNITS));
    if (lua_isnoneornil(L, 2)) {
      lua_settop(L, 1);
      lua_pushvalue(L, lua_upvalueindex(2));
    } else {
      luaL_checktype(L, 2, LUA_TFUNCTION);
      lua_settop(L, 2);
      lua_pushcclosure(L, m_less_by, 1);
    }
  }
  return forward(L);
}

/* utf8's reading of a position: negative counts from the end. */
static lua_Integer u_posrelat(lua_Integer pos, size_t len)
{
  if (pos >= 0)
    return pos;
  if (0u - (size_t)pos > len)
    return 0;
  return (lua_Integer)len + pos + 1;
}

/* utf8.len(s, i, j) reads bytes i..j. */
static int m_utf8_len(lua_State *L)
{
  size_t len;
  charge_call(L, 2, 3, 0);
  (void)luaL_checklstring(L, 1, &len);
  lua_Integer i = u_posrelat(luaL_optinteger(L, 2, 1), len);
  lua_Integer j = u_posrelat(luaL_optinteger(L, 3, -1), len);
  size_t n = span(i, j);
  charge(L, BYTES(n < len ? n : len));
  return forward(L);
}

/* utf8.offset(s, n, i) walks from i to its answer (or to an end). */
static int m_utf8_offset(lua_State *L)
{
  size_t len;
  int ok;
  charge_call(L, 2, 3, 0);
  (void)luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  lua_Integer i = u_posrelat(luaL_optinteger(L, 3, n >= 0 ? 1
                                              : (lua_Integer)len + 1), len);
  int r = forward(L);
  lua_Integer p = lua_tointegerx(L, -1, &ok);
  size_t walked = !ok ? len : p > i ? span(i, p) : span(p, i);
  charge(L, 1 + BYTES(walked < len ? walked : len));
  return r;
}

/* The iterator utf8.codes returns (upvalue 1): each step skips any
 * continuation bytes, so a caller that keeps passing 0 over a string of
 * them would scan it again and again. */
static int m_utf8_step(lua_State *L)
{
  size_t len = lua_type(L, 1) == LUA_TSTRING ? lua_rawlen(L, 1) : 0;
  charge_call(L, 2, 2, 0);
  lua_Integer from = lua_tointeger(L, 2);
  int r = forward(L);
  lua_Integer to = r == 2 ? lua_tointeger(L, -2) : (lua_Integer)len;
  charge(L, 1 + (from >= 0 ? BYTES(span(from, to)) : 0));
  return r;
}

/* utf8.codes(s): the library's answer, its iterator metered. */
static int m_utf8_codes(lua_State *L)
{
  int r = forward(L);                     /* iterator, s, 0 */
  lua_pushvalue(L, -r);
  lua_pushcclosure(L, m_utf8_step, 1);
  lua_replace(L, -r - 1);
  return r;
}

/* Replace t[name] (a light C function of the library) by `wrapper` with
 * it as upvalue 1 and `extra` more upvalues from the stack top. */
static void wrap(lua_State *L, int t, const char *name, lua_CFunction wrapper,
                 int extra)
{
  lua_getfield(L, t, name);
  if (lua_tocfunction(L, -1) == NULL || lua_getupvalue(L, -1, 1) != NULL)
    luaL_error(L, "cannot meter '%s': not a plain C function", name);
  lua_insert(L, -1 - extra);
  lua_pushcclosure(L, wrapper, 1 + extra);
  lua_setfield(L, t, name);
}

/* Every plain C function in the table on top, metered by m_scan (math;
 * the string metatable's arithmetic). math.random and randomseed keep
 * their state in an upvalue, and no rule or template can reach them. */
static void wrap_all(lua_State *L)
{
  int t = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    bool plain = lua_tocfunction(L, -1) != NULL &&
                 lua_type(L, -2) == LUA_TSTRING &&
                 lua_getupvalue(L, -1, 1) == NULL;
    lua_settop(L, t + 1);
    if (plain) {
      lua_pushvalue(L, -1);                 /* the key, for lua_next */
      wrap(L, t, lua_tostring(L, -1), m_scan, 0);
      lua_pop(L, 1);
    }
  }
}

void meter_install(lua_State *L)
{
  static const struct { const char *lib, *name; lua_CFunction f; } plain[] = {
    {LUA_STRLIBNAME, "byte", m_values},     {LUA_STRLIBNAME, "char", m_chars},
    {LUA_STRLIBNAME, "format", m_format},     {LUA_STRLIBNAME, "lower", m_scan},
    {LUA_STRLIBNAME, "upper", m_scan},      {LUA_STRLIBNAME, "reverse", m_scan},
    {LUA_STRLIBNAME, "rep", m_rep},         {LUA_STRLIBNAME, "sub", m_positions},
    {LUA_STRLIBNAME, "find", m_scan},
    {LUA_TABLIBNAME, "concat", m_concat},   {LUA_TABLIBNAME, "insert", m_insert},
    {LUA_TABLIBNAME, "remove", m_remove},   {LUA_TABLIBNAME, "unpack", m_unpack},
    {LUA_UTF8LIBNAME, "char", m_chars},      {LUA_UTF8LIBNAME, "codes", m_utf8_codes},
    {LUA_UTF8LIBNAME, "codepoint", m_values},
    {LUA_UTF8LIBNAME, "len", m_utf8_len},   {LUA_UTF8LIBNAME, "offset", m_utf8_offset},
    {LUA_GNAME, "tonumber", m_scan},        {LUA_GNAME, "select", m_select},
    {LUA_GNAME, "tostring", m_tostring},
  };
  for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
    lua_getglobal(L, plain[i].lib);
    wrap(L, lua_gettop(L), plain[i].name, plain[i].f, 0);
    lua_pop(L, 1);
  }
  lua_getglobal(L, LUA_TABLIBNAME);
  lua_pushcfunction(L, m_less);
  wrap(L, lua_gettop(L) - 1, "sort", m_sort, 1);
  lua_pop(L, 1);

  lua_getglobal(L, LUA_MATHLIBNAME);
  wrap_all(L);
  lua_pop(L, 1);
  lua_pushliteral(L, "");
  if (!lua_getmetatable(L, -1))
    luaL_error(L, "strings have no metatable");
  wrap_all(L);
  lua_pop(L, 2);
}
