/*
 * cmd_run.c — `dondoc run`: the daily job (engine/run.h), one at a time.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

/* One delivering run per database: a second one (an overlapping timer, a
 * manual run) would send the same queued messages. The lock file sits
 * beside the database's real path, so the same file reached through a
 * symlink or another relative path takes the same lock. Returns the locked
 * descriptor, -1 when another run holds it, -2 on error (printed). */
static int run_lock(const char *db)
{
  char real[PATH_MAX], lock_path[PATH_MAX + 16];
  /* The database exists by now: the store has opened (created) it. */
  if (realpath(db, real) == NULL) {
    fprintf(stderr, "dondoc: %s: %s\n", db, strerror(errno));
    return -2;
  }
  snprintf(lock_path, sizeof lock_path, "%s.run.lock", real);
  int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    fprintf(stderr, "dondoc: %s: %s\n", lock_path, strerror(errno));
    return -2;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int busy = errno == EWOULDBLOCK;
    if (!busy)
      fprintf(stderr, "dondoc: %s: %s\n", lock_path, strerror(errno));
    else
      fprintf(stderr, "dondoc: another run is in progress (%s); nothing "
              "done\n", lock_path);
    close(fd);
    return busy ? -1 : -2;
  }
  return fd;
}

int cmd_run(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  char err[512];
  if (c->n_args != 1)
    return usage_error("run takes no arguments (got '%s')", c->args[1]);
  if ((rc = world_load_config(c, w)) ||
      (rc = world_load_rules(c, w, NULL, 0, &failed)) ||
      (rc = world_open_store(c, w)))
    return rc;
  int lock = run_lock(c->db ? c->db : w->cfg.database);
  if (lock == -1)
    return 0;
  if (lock < 0)
    return EXIT_DB;
  struct run_options o = {.now = c->today, .minute = c->minute,
                          .unix_now = (long long)time(NULL),
                          .dry_run = c->dry_run};
  struct run_report rep;
  int jrc = run_job(&w->cfg, &w->rules, w->store, &o, &rep,
                    c->quiet ? NULL : stdout, err, sizeof err);
  /* Faults of single items: shown even with --quiet, where cron mails
   * stderr to the administrator. */
  for (size_t i = 0; i < rep.n_problems; i++)
    fprintf(stderr, "dondoc: run: %s\n", rep.problems[i]);
  if (jrc != 0) {
    fprintf(stderr, "dondoc: run: %s\n", err);
    run_report_release(&rep);
    close(lock);
    return EXIT_DB;
  }
  if (!c->quiet && c->dry_run)
    printf("run (dry run): %zu message%s would be queued (%zu item%s, %zu "
           "without an address); nothing queued or sent\n", rep.messages,
           rep.messages == 1 ? "" : "s", rep.items, rep.items == 1 ? "" : "s",
           rep.no_address);
  else if (!c->quiet)
    printf("run: %zu message%s queued (%zu item%s, %zu without an address); "
           "%zu sent, %zu to retry, %zu failed\n", rep.messages,
           rep.messages == 1 ? "" : "s", rep.items, rep.items == 1 ? "" : "s",
           rep.no_address, rep.sent, rep.retrying, rep.failed);
  close(lock);                 /* releases the lock */
  bool problems = rep.n_problems > 0 || rep.skipped > 0;
  run_report_release(&rep);
  if (failed || rep.rules_failed)
    return EXIT_RULES;
  return rep.failed || problems ? EXIT_UNDELIVERED : 0;
}
