/*
 * meter.h — charge the sandbox's budget for the work of library functions.
 *
 * The count hook only runs between VM instructions, so work done inside a
 * C function (string.rep looping over an empty string, utf8.len over
 * 30 MB, table.insert shifting a million elements) escapes it; work that
 * allocates is charged by the allocator, but much of it does not. These
 * wrappers replace the library functions in the real library tables, so
 * every copy of them (the prelude's vetted tables, a template's _ENV, the
 * string metatable) is metered.
 */
#ifndef DONDOC_METER_H
#define DONDOC_METER_H

#include <lua.h>

/* Replace the string, table, utf8, math and base functions rules and
 * templates can reach with metered wrappers. Call once, right after the
 * libraries are opened, in a protected call (it allocates). */
void meter_install(lua_State *L);

#endif
