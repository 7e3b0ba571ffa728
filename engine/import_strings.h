/*
 * import_strings.h — one copy of each text an import keeps.
 *
 * A million rows name few distinct units, agencies and sources; each fact
 * points at the one copy instead of holding its own (import.h's plan owns
 * the set).
 */
#ifndef DONDOC_IMPORT_STRINGS_H
#define DONDOC_IMPORT_STRINGS_H

#include <stddef.h>

struct import_strings {
  void *root;                  /* tsearch(3) tree of the copies */
  char **all; size_t n, cap;   /* the copies, to free them */
};

/* The set's copy of s, made on first sight; NULL when out of memory.
 * The copy lives until import_strings_release. */
const char *import_intern(struct import_strings *set, const char *s);

/* Free every copy; the set is then empty and may be reused. */
void import_strings_release(struct import_strings *set);

#endif
