/*
 * decls.h — turn a jurisdiction's recorded declarations into the model.
 *
 * Called by rules.c, inside the jurisdiction's sandbox and under
 * protection, once its Lua folder has run.
 */
#ifndef DONDOC_DECLS_H
#define DONDOC_DECLS_H

#include <stdbool.h>
#include <lua.h>
#include "model.h"
#include "sandbox.h"

/* How many errors one pass reports, at most: enough to fix a file in one
 * go, few enough that a cascade does not bury the first one. */
#define DECLS_MAX_ERRORS 20

struct decls_job {
  const char *id;                  /* the jurisdiction being converted */
  struct jurisdiction *j;          /* filled in */
  bool check_references;           /* false after errors in the Lua files:
                                      missing declarations would cascade */
  int rc;                          /* 0, or -1 with err set */
  /* "FILE:LINE: message", every problem found in one pass, in order */
  char err[DECLS_MAX_ERRORS][SANDBOX_ERR_LEN];
  size_t n_err;
};

/* A lua_CFunction: (lightuserdata struct decls_job *, result table).
 * Returns nothing; the outcome is in the job. Raises only when Lua itself
 * fails (out of memory). */
int decls_convert(lua_State *L);

#endif
