/*
 * sandbox.h — a Lua 5.4 state that untrusted rule files cannot escape.
 *
 * One sandbox per jurisdiction, so a looping or bloated province file fails
 * alone. The state has a memory cap (its allocator refuses growth past the
 * limit), an instruction budget per call (a count hook), only the base,
 * string, table, math and utf8 libraries (debug too, for the trusted
 * prelude, which hides it from rule files), and loads text chunks only.
 * Errors come back as "FILE:LINE: message" strings.
 */
#ifndef DONDOC_SANDBOX_H
#define DONDOC_SANDBOX_H

#include <stddef.h>
#include <lua.h>

#define SANDBOX_ERR_LEN 512

struct sandbox;

/* A new sandbox with at most mem_limit bytes and instr_limit instructions
 * per sandbox_call. Returns NULL when out of memory. */
struct sandbox *sandbox_new(size_t mem_limit, long instr_limit);
void sandbox_free(struct sandbox *sb);
lua_State *sandbox_state(struct sandbox *sb);

/* Push the text chunk in `path` (binary chunks refused), named "@path" so
 * errors read "path:LINE: …". Returns 0, or -1 with the message in err. */
int sandbox_load_file(struct sandbox *sb, const char *path,
                      char err[SANDBOX_ERR_LEN]);
/* Push the text chunk `src` named `name` ("=prelude"). Returns 0 or -1. */
int sandbox_load_string(struct sandbox *sb, const char *src, const char *name,
                        char err[SANDBOX_ERR_LEN]);

/* lua_pcall with a fresh instruction budget. On error returns -1, pops the
 * error and writes "FILE:LINE: message" into err: memory and budget
 * failures name the line that was running. */
int sandbox_call(struct sandbox *sb, int nargs, int nresults,
                 char err[SANDBOX_ERR_LEN]);

/* Name the file about to run, so an error raised before the hook has seen
 * a line (a memory bomb in the first instructions) still names it. */
void sandbox_set_source(lua_State *L, const char *path);

/* Bytes the state holds now. */
size_t sandbox_memory(const struct sandbox *sb);

#endif
