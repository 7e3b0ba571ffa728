/*
 * lint.h — the doubts `rules check` raises about rules that load.
 *
 * decls.c refuses what cannot be right (a date that does not exist, a
 * reference to nothing). The linter looks at a jurisdiction that loaded
 * and records, as diagnostics with a stable code (model.h, struct
 * rule_diag), what is probably a mistake: an obligation nobody owes, an
 * agency that owes reports but has no address, a role with a gap in time,
 * an agency nothing refers to, a successor chain that loops. Most are
 * warnings (`rules check --strict` makes them errors); a successor cycle
 * is an error. The codes are listed in docs/rules.md.
 */
#ifndef DONDOC_LINT_H
#define DONDOC_LINT_H

#include "model.h"

/* Add j's lint diagnostics to j->diags. Returns 0, or -1 when out of
 * memory. */
int lint_jurisdiction(struct jurisdiction *j);

#endif
