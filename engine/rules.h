/*
 * rules.h — load jurisdictions' Lua rule folders into the model.
 *
 * A jurisdiction is a folder under the rules directory, named by its id:
 * `jurisdiction.lua` runs first and declares it (and its parent, whose
 * folder is then loaded first, recursively); the folder's other *.lua files
 * follow in name order. Each jurisdiction gets its own sandbox, so an
 * error, endless loop or memory bomb in one province's files is recorded
 * against that province and every other one still loads.
 */
#ifndef DONDOC_RULES_H
#define DONDOC_RULES_H

#include <stddef.h>
#include "model.h"

struct rules_options {
  const char *rules_dir;        /* folder holding one folder per jurisdiction */
  const char *parents_dir;      /* where to find a parent not in rules_dir
                                   (a draft checked outside the rules), or NULL */
  size_t memory_limit;          /* bytes per jurisdiction's sandbox */
  long instruction_limit;       /* budget units per jurisdiction's load
                                   (see sandbox.h) */
  long time_limit_ms;           /* wall clock per load step; 0: none */
};

struct rule_error {
  char *jurisdiction;
  char *message;                /* "FILE:LINE: error: message [code]" */
  const char *code;             /* stable: "duplicate-id", "syntax" … */
};

struct ruleset {
  struct jurisdiction *jurisdictions; size_t n;    /* loaded without error */
  struct rule_error *errors; size_t n_errors;
};

void rules_options_default(struct rules_options *o, const char *rules_dir);

/* Load the named jurisdictions into rs (which the caller zero-initialises).
 * Returns 0 when all loaded, 1 when some failed (see rs->errors; the others
 * are loaded), -1 when out of memory. A loaded jurisdiction may still carry
 * problems that did not stop it (j->diags, model.h: a malformed address),
 * which the caller reports; model_diag_errors counts the errors. */
int rules_load(const struct rules_options *o, const char *const *ids,
               size_t n_ids, struct ruleset *rs);
void rules_release(struct ruleset *rs);

const struct jurisdiction *rules_find(const struct ruleset *rs, const char *id);

#endif
