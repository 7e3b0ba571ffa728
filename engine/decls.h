/*
 * decls.h — turn a jurisdiction's recorded declarations into the model.
 *
 * Called by rules.c, inside the jurisdiction's sandbox and under
 * protection, once its Lua folder has run.
 */
#ifndef DONDOC_DECLS_H
#define DONDOC_DECLS_H

#include <lua.h>
#include "model.h"
#include "sandbox.h"

struct decls_job {
  const char *id;                  /* the jurisdiction being converted */
  struct jurisdiction *j;          /* filled in */
  int rc;                          /* 0, or -1 with err set */
  char err[SANDBOX_ERR_LEN];       /* "FILE:LINE: message" */
};

/* A lua_CFunction: (lightuserdata struct decls_job *, result table).
 * Returns nothing; the outcome is in the job. Raises only when Lua itself
 * fails (out of memory). */
int decls_convert(lua_State *L);

#endif
