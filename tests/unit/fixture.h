/*
 * fixture.h — shared set-up for the unit tests that need the fixture rules
 * (tests/fixtures/rules, seen from tests/unit where the tests run) and a
 * real SQLite file in a fresh temporary directory.
 *
 * Header-only on purpose: every test binary is built from a single .c
 * file. Include it after <cmocka.h>.
 */
#ifndef DONDOC_TEST_FIXTURE_H
#define DONDOC_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rules.h"
#include "store.h"

#define FIXTURE_RULES "../fixtures/rules"

struct fixture_db {
  char dir[64], path[96];
  struct store *s;
};

/* A new, migrated database in /tmp/dondoc-TAG.XXXXXX. Returns 0 or -1. */
static inline int fixture_db_open(struct fixture_db *f, const char *tag)
{
  char err[STORE_ERR_LEN];
  snprintf(f->dir, sizeof f->dir, "/tmp/dondoc-%s.XXXXXX", tag);
  if (mkdtemp(f->dir) == NULL)
    return -1;
  snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
  f->s = store_open(f->path, err);
  return f->s ? 0 : -1;
}

/* Close the database and remove its files and directory. */
static inline void fixture_db_close(struct fixture_db *f)
{
  static const char *const files[] = {"t.db", "t.db-wal", "t.db-shm"};
  char path[160];
  store_close(f->s);
  f->s = NULL;
  if (f->dir[0] == '\0')
    return;
  for (size_t i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/%s", f->dir, files[i]);
    (void)unlink(path);
  }
  (void)rmdir(f->dir);
}

/* Load fixture jurisdictions into rs; rules_load's status. */
static inline int fixture_rules(struct ruleset *rs, const char *const *ids, size_t n)
{
  struct rules_options o;
  rules_options_default(&o, FIXTURE_RULES);
  return rules_load(&o, ids, n, rs);
}

static inline cal_day fixture_day(const char *s)
{
  cal_day d;
  assert_int_equal(cal_parse_date(s, &d), 0);
  return d;
}

#endif
