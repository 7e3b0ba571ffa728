/*
 * sandbox.h — a Lua 5.4 state that untrusted rule files cannot escape.
 *
 * One sandbox per jurisdiction, so a looping or bloated province file fails
 * alone. The state has a memory cap (its allocator refuses growth past the
 * limit), an instruction budget per call, only the base, string, table,
 * math and utf8 libraries (debug too, for the trusted prelude, which hides
 * it from rule files), and loads text chunks only. Errors come back as
 * "FILE:LINE: message" strings.
 *
 * The budget is the deterministic limiter, in units that cost about what
 * a VM instruction does: every 1,000 instructions cost 1,000 units, every
 * 32 bytes the state allocates one, and the library functions a rule or
 * template can call (meter.c) are charged for the bytes they scan and the
 * elements they move before they do the work.
 * A wall-clock limit per call is the backstop for the little the budget
 * cannot see (the VM comparing two long strings byte by byte).
 */
#ifndef DONDOC_SANDBOX_H
#define DONDOC_SANDBOX_H

#include <stddef.h>
#include <lua.h>

#define SANDBOX_ERR_LEN 512
/* Bytes a library function scans or converts for one budget unit. */
#define SANDBOX_BYTES_PER_UNIT 4
/* The default wall-clock limit of one sandbox_call, in milliseconds. */
#define SANDBOX_TIME_LIMIT_MS 5000L

struct sandbox;

/* A new sandbox with at most mem_limit bytes and instr_limit budget units
 * per sandbox_call, its library functions metered. Returns NULL when out
 * of memory. */
struct sandbox *sandbox_new(size_t mem_limit, long instr_limit);
void sandbox_free(struct sandbox *sb);
lua_State *sandbox_state(struct sandbox *sb);

/* The wall-clock limit of each later sandbox_call (default
 * SANDBOX_TIME_LIMIT_MS); 0 or less: none. */
void sandbox_set_time_limit(struct sandbox *sb, long ms);

/* Push the text chunk in `path` (binary chunks refused), named "@path" so
 * errors read "path:LINE: …". Returns 0, or -1 with the message in err. */
int sandbox_load_file(struct sandbox *sb, const char *path,
                      char err[SANDBOX_ERR_LEN]);
/* Push the text chunk `src` named `name`. A name starting with '='
 * ("=prelude") marks trusted code compiled into dondoc: errors and limits
 * met inside it are reported at the rule line that called it. Returns 0
 * or -1. */
int sandbox_load_string(struct sandbox *sb, const char *src, const char *name,
                        char err[SANDBOX_ERR_LEN]);

/* lua_pcall with a fresh budget and clock. On error returns -1, pops the
 * error and writes "FILE:LINE: message" into err: memory, budget and time
 * failures name the line that was running. */
int sandbox_call(struct sandbox *sb, int nargs, int nresults,
                 char err[SANDBOX_ERR_LEN]);

/* Name the file about to run, so an error raised before the hook has seen
 * a line (a memory bomb in the first instructions) still names it. */
void sandbox_set_source(lua_State *L, const char *path);

/* For C code running inside a sandbox_call (meter.c, decls.c): charge
 * `units` of work to the call's budget. sandbox_charge raises
 * "FILE:LINE: instruction budget of N exceeded" once it is spent;
 * sandbox_spend returns -1 instead, for callers that must not longjmp.
 * Outside a sandbox_call both only count. */
void sandbox_charge(lua_State *L, size_t units);
int sandbox_spend(lua_State *L, size_t units);

/* Bytes the state may still allocate under its memory cap. */
size_t sandbox_room(lua_State *L);

/* Remember the running rule line now, for a memory error that may follow
 * (Lua does not call the message handler for those). */
void sandbox_note_line(lua_State *L);

/* Bytes the state holds now. */
size_t sandbox_memory(const struct sandbox *sb);

#endif
