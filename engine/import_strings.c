/*
 * import_strings.c — one copy of each text an import keeps
 * (import_strings.h), in a POSIX tsearch(3) tree.
 */
#include "import_strings.h"

#include <search.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
  return strcmp(a, b);
}

const char *import_intern(struct import_strings *set, const char *s)
{
  void *found = tfind(s, &set->root, cmp);
  if (found != NULL)
    return *(char **)found;
  if (set->n == set->cap) {
    size_t cap = set->cap ? 2 * set->cap : 64;
    char **all = realloc(set->all, cap * sizeof *all);
    if (all == NULL)
      return NULL;
    set->all = all;
    set->cap = cap;
  }
  char *copy = strdup(s);
  if (copy == NULL)
    return NULL;
  if (tsearch(copy, &set->root, cmp) == NULL) {
    free(copy);
    return NULL;
  }
  set->all[set->n++] = copy;
  return copy;
}

void import_strings_release(struct import_strings *set)
{
  for (size_t i = 0; i < set->n; i++) {
    (void)tdelete(set->all[i], &set->root, cmp);   /* found: it was added */
    free(set->all[i]);
  }
  free(set->all);
  memset(set, 0, sizeof *set);
}
