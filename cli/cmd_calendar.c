/*
 * cmd_calendar.c — `dondoc calendar [--agency ID] [--jurisdiction ID]
 * [-o FILE]`: the deadlines and campaign windows around --now as an
 * iCalendar file (engine/agenda.h, docs/calendar.md). Reads the store,
 * writes nothing there.
 *
 * With -o the file is replaced whole (a temporary file beside it, then
 * rename), and only when every jurisdiction asked for could be exported:
 * a subscribed calendar that lost a province's events would delete them
 * from every subscriber's calendar.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agenda.h"
#include "legal_calendar.h"

static bool configured(const struct world *w, const char *id)
{
  for (size_t i = 0; i < w->cfg.n_jurisdictions; i++)
    if (strcmp(w->cfg.jurisdictions[i], id) == 0)
      return true;
  return false;
}

/* The agency's record in the first loaded jurisdiction that declares it
 * (for the calendar's name), or NULL. */
static const struct agency *find_agency(const struct world *w,
                                        const char *id,
                                        const struct jurisdiction **in)
{
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    const struct agency *a = j->is_template ? NULL : model_agency(j, id);
    if (a) {
      *in = j;
      return a;
    }
  }
  return NULL;
}

/* The years in the exported windows whose holidays are computed, not
 * announced: one warning each, in the words of `check`, since the dates
 * of those years are only as sure as that computation. */
static void warn_computed_years(const struct world *w, cal_day now)
{
  static int years[MODEL_YEAR_MAX - MODEL_YEAR_MIN + 1];
  size_t n = 0;
  struct eval_options eo = {.now = now, .all = true};
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    cal_day lo, hi;
    if (j->is_template)
      continue;
    evaluate_window(j, &eo, &lo, &hi);
    n = legal_unannounced_years(&j->holidays, lo, hi, years, n,
                                sizeof years / sizeof *years);
  }
  for (size_t i = 0; i < n; i++) {
    char note[LEGAL_NOTE_LEN];
    legal_year_note(years[i], note, sizeof note);
    fprintf(stderr, "dondoc: warning: %s\n", note);
  }
}

/* Write the calendar to path through a temporary file in the same folder
 * and a rename, so a reader (a web server serving the feed) sees the old
 * file or the new one, never half of one. Returns 0 or an exit status
 * (message printed). */
static int write_file(const char *path, const struct agenda *a,
                      const struct agenda_write_options *o)
{
  size_t len = strlen(path);
  char *tmp = malloc(len + 8);
  if (tmp == NULL) {
    fprintf(stderr, "dondoc: out of memory\n");
    return 1;
  }
  memcpy(tmp, path, len);
  memcpy(tmp + len, ".XXXXXX", 8);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "dondoc: %s: cannot write: %s\n", path, strerror(errno));
    free(tmp);
    return EXIT_INPUT;
  }
  /* mkstemp makes it private; a calendar is as readable as any new file */
  mode_t mask = umask(0);
  umask(mask);
  FILE *f = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "w") : NULL;
  int rc = f == NULL || agenda_write_ical(f, a, o) != 0 ||
           fflush(f) != 0 || fsync(fileno(f)) != 0;
  int saved = errno;
  if (f ? fclose(f) != 0 : close(fd) != 0)
    rc = 1;
  if (rc == 0 && rename(tmp, path) != 0) {
    saved = errno;
    rc = 1;
  }
  if (rc != 0) {
    fprintf(stderr, "dondoc: %s: cannot write: %s\n", path,
            strerror(saved));
    (void)unlink(tmp);
  }
  free(tmp);
  return rc ? EXIT_INPUT : 0;
}

int cmd_calendar(struct cli *c, struct world *w)
{
  int failed = 0, rc;
  if (c->n_args != 1)
    return usage_error("calendar takes no arguments (got '%s')", c->args[1]);
  if ((rc = world_load_config(c, w)) != 0)
    return rc;
  if (c->jurisdiction && !configured(w, c->jurisdiction)) {
    fprintf(stderr, "dondoc: unknown jurisdiction '%s': the config monitors "
            "%zu others (jurisdictions in %s)\n", c->jurisdiction,
            w->cfg.n_jurisdictions, w->cfg.path);
    return EXIT_INPUT;
  }
  /* Only the jurisdiction asked for: another province's broken rules do
   * not hold up this one's calendar. */
  if ((rc = world_load_rules(c, w, c->jurisdiction ? &c->jurisdiction : NULL,
                             c->jurisdiction ? 1 : 0, &failed)) != 0)
    return rc;
  const struct jurisdiction *home = NULL;
  const struct agency *agency = NULL;
  if (c->agency && (agency = find_agency(w, c->agency, &home)) == NULL) {
    fprintf(stderr, "dondoc: unknown agency '%s'%s%s%s\n", c->agency,
            c->jurisdiction ? " in jurisdiction " : "",
            c->jurisdiction ? c->jurisdiction : "",
            failed ? " (some rules did not load; see above)" : "");
    return failed ? EXIT_RULES : EXIT_INPUT;
  }
  if ((rc = world_open_store(c, w)) != 0)
    return rc;

  const char *at = strrchr(w->cfg.mail.from, '@');
  struct agenda_options ao = {.now = c->today, .agency = c->agency,
                              .domain = at && at[1] ? at + 1
                                                    : "dondoc.invalid"};
  struct agenda a = {0};
  char err[512];
  bool db_failed = false;
  const struct jurisdiction *first = NULL;    /* names a one-province file */
  size_t n_exported = 0;
  for (size_t i = 0; i < w->rules.n; i++) {
    const struct jurisdiction *j = &w->rules.jurisdictions[i];
    if (j->is_template)
      continue;
    int erc = agenda_collect(j, w->store, &ao, &a, err, sizeof err);
    if (erc != 0) {
      fprintf(stderr, "dondoc: %s: %s\n", j->id, err);
      if (erc == EVAL_ERR_RULES)
        failed = 1;
      else
        db_failed = true;
      continue;
    }
    if (n_exported++ == 0)
      first = j;
  }

  warn_computed_years(w, c->today);

  char name[512], prodid[64];
  if (agency)
    snprintf(name, sizeof name, "%s — hạn báo cáo (%s)", agency->name,
             home->name);
  else if (n_exported == 1)
    snprintf(name, sizeof name, "%s — hạn báo cáo và tháng hành động",
             first->name);
  else
    snprintf(name, sizeof name, "dondoc — hạn báo cáo và tháng hành động");
  snprintf(prodid, sizeof prodid, "-//dondoc//dondoc %s//VI", DONDOC_VERSION);
  struct agenda_write_options wo = {
    .now = c->today, .minute = c->minute,
    .utc_offset_minutes = w->cfg.utc_offset_minutes,
    .tzid = w->cfg.timezone, .prodid = prodid, .name = name,
    .agency_name = agency ? agency->name : NULL,
  };
  int status = db_failed ? EXIT_DB : failed ? EXIT_RULES : 0;
  if (c->output) {
    if (status != 0)
      fprintf(stderr, "dondoc: %s left as it was: the calendar would miss "
              "what could not be read\n", c->output);
    else
      status = write_file(c->output, &a, &wo);
    if (status == 0 && !c->quiet)
      printf("%zu events written to %s\n", a.n, c->output);
  } else if (agenda_write_ical(stdout, &a, &wo) != 0 || fflush(stdout) != 0) {
    fprintf(stderr, "dondoc: cannot write the calendar\n");
    status = 1;
  }
  agenda_release(&a);
  return status;
}
