/*
 * cmd_report.c — `dondoc report --format html|json|csv|xlsx [-o FILE]
 * [--jurisdiction ID]`: the secretariat's status report of one
 * jurisdiction at --now (engine/report/report.h, docs/report.md).
 *
 * A file named with -o is written beside itself under a temporary name
 * and renamed into place once complete, so a reader (a file share, the
 * mail job) never sees half a report and a failed run leaves the previous
 * report as it was. The workbook is binary: it is never written to a
 * terminal.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"

enum format { FMT_HTML, FMT_JSON, FMT_CSV, FMT_XLSX };

static int parse_format(const struct cli *c, enum format *f)
{
  static const char *const names[] = {"html", "json", "csv", "xlsx"};
  const char *name = c->format ? c->format : c->json ? "json" : "html";
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(name, names[i]) == 0) {
      *f = (enum format)i;
      return 0;
    }
  return usage_error("report --format '%s': html, json, csv or xlsx", name);
}

/* The one jurisdiction the report is about: --jurisdiction, or the only
 * one configured. NULL with a message when that is not clear. */
static const char *pick_jurisdiction(const struct cli *c,
                                     const struct world *w)
{
  if (c->jurisdiction)
    return c->jurisdiction;
  if (w->cfg.n_jurisdictions == 1)
    return w->cfg.jurisdictions[0];
  fprintf(stderr, "dondoc: report covers one jurisdiction; name it with "
          "--jurisdiction (configured:");
  for (size_t i = 0; i < w->cfg.n_jurisdictions; i++)
    fprintf(stderr, " %s", w->cfg.jurisdictions[i]);
  fprintf(stderr, "%s)\n", w->cfg.n_jurisdictions ? "" : " none");
  return NULL;
}

/* A temporary file beside `path` (".NAME.XXXXXX" in its folder): *fd open
 * on it, its name in tmp. Returns 0 or -1 (errno). */
static int temp_beside(const char *path, char *tmp, size_t len, int *fd)
{
  const char *slash = strrchr(path, '/');
  int w = slash ? snprintf(tmp, len, "%.*s/.%s.XXXXXX",
                           (int)(slash - path), path, slash + 1)
                : snprintf(tmp, len, ".%s.XXXXXX", path);
  if (w < 0 || (size_t)w >= len) {
    errno = ENAMETOOLONG;
    return -1;
  }
  *fd = mkstemp(tmp);
  return *fd < 0 ? -1 : 0;
}

/* mkstemp makes 0600; a report is an ordinary file, readable as the
 * umask allows. */
static int usual_mode(int fd)
{
  mode_t mask = umask(0);
  umask(mask);
  return fchmod(fd, 0666 & ~mask);
}

static int write_fail(const char *path, const char *tmp, int err)
{
  fprintf(stderr, "dondoc: %s: cannot write: %s\n", path, strerror(err));
  if (tmp[0])
    unlink(tmp);
  return EXIT_INPUT;
}

/* A text format to `path` through a temporary file and rename. */
static int write_text(const struct report *r, enum format f,
                      const char *path)
{
  char tmp[4096] = "";
  int fd;
  if (temp_beside(path, tmp, sizeof tmp, &fd) != 0)
    return write_fail(path, "", errno);
  FILE *out = fdopen(fd, "w");
  if (out == NULL) {
    int e = errno;
    close(fd);
    return write_fail(path, tmp, e);
  }
  errno = 0;
  int rc = f == FMT_HTML ? report_html(r, out)
           : f == FMT_JSON ? report_json(r, out) : report_csv(r, out);
  int e = rc != 0 ? (errno ? errno : EIO) : 0;
  if (e == 0 && (fflush(out) != 0 || fsync(fileno(out)) != 0 ||
                 usual_mode(fileno(out)) != 0))
    e = errno;
  if (fclose(out) != 0 && e == 0)
    e = errno;
  if (e == 0 && rename(tmp, path) != 0)
    e = errno;
  return e ? write_fail(path, tmp, e) : 0;
}

/* Copy file `from` to stdout. */
static int copy_out(const char *from)
{
  FILE *in = fopen(from, "rb");
  char buf[65536];
  size_t n;
  int rc = in ? 0 : -1;
  while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, stdout) != n)
      rc = -1;
  if (in && ferror(in))
    rc = -1;
  if (in)
    fclose(in);
  return rc == 0 && fflush(stdout) == 0 ? 0 : -1;
}

/* The workbook: libxlsxwriter writes a whole file by name, so it goes to a
 * temporary file — beside `path`, renamed into place, or in $TMPDIR and
 * copied to stdout. */
static int write_xlsx(const struct report *r, const char *path)
{
  char tmp[4096] = "", err[512];
  int fd;
  const char *dir = getenv("TMPDIR");
  if (path) {
    if (temp_beside(path, tmp, sizeof tmp, &fd) != 0)
      return write_fail(path, "", errno);
  } else {
    snprintf(tmp, sizeof tmp, "%s/dondoc-report.XXXXXX",
             dir && dir[0] ? dir : "/tmp");
    if ((fd = mkstemp(tmp)) < 0) {
      fprintf(stderr, "dondoc: %s: %s\n", tmp, strerror(errno));
      return 1;
    }
  }
  int e = path && usual_mode(fd) != 0 ? errno : 0;
  close(fd);
  if (e)
    return write_fail(path, tmp, e);
  if (report_xlsx(r, tmp, err, sizeof err) != 0) {
    unlink(tmp);
    fprintf(stderr, "dondoc: %s\n", err);
    return path ? EXIT_INPUT : 1;
  }
  if (path)
    return rename(tmp, path) != 0 ? write_fail(path, tmp, errno) : 0;
  int rc = copy_out(tmp);
  unlink(tmp);
  if (rc != 0) {
    fprintf(stderr, "dondoc: cannot write the report\n");
    return 1;
  }
  return 0;
}

static int write_report(const struct cli *c, const struct report *r,
                        enum format f)
{
  if (f == FMT_XLSX)
    return write_xlsx(r, c->output);
  if (c->output)
    return write_text(r, f, c->output);
  int rc = f == FMT_HTML ? report_html(r, stdout)
           : f == FMT_JSON ? report_json(r, stdout) : report_csv(r, stdout);
  if (rc != 0 || fflush(stdout) != 0) {
    fprintf(stderr, "dondoc: cannot write the report\n");
    return 1;
  }
  return 0;
}

int cmd_report(struct cli *c, struct world *w)
{
  enum format f = FMT_HTML;
  int failed = 0, rc;
  if (c->n_args != 1)
    return usage_error("report takes no arguments (got '%s')", c->args[1]);
  if ((rc = parse_format(c, &f)) != 0)
    return rc;
  if (f == FMT_XLSX && c->output == NULL && isatty(STDOUT_FILENO))
    return usage_error("%s", "report --format xlsx writes a binary "
                       "workbook: give -o FILE.xlsx or redirect the output");
  if ((rc = world_load_config(c, w)) != 0)
    return rc;
  const char *id = pick_jurisdiction(c, w);
  if (id == NULL)
    return EXIT_USAGE;
  if ((rc = world_load_rules(c, w, &id, 1, &failed)) != 0)
    return rc;
  const struct jurisdiction *j = NULL;
  for (size_t i = 0; i < w->rules.n; i++)
    if (strcmp(w->rules.jurisdictions[i].id, id) == 0 &&
        !w->rules.jurisdictions[i].is_template)
      j = &w->rules.jurisdictions[i];
  if (j == NULL) {
    if (!failed)
      fprintf(stderr, "dondoc: %s: not a jurisdiction that can be reported "
              "on (a template?)\n", id);
    return EXIT_RULES;
  }
  if ((rc = world_open_store(c, w)) != 0)
    return rc;

  struct report r;
  char err[512];
  int brc = report_build(j, w->store, c->today, &r, err, sizeof err);
  if (brc != 0) {
    fprintf(stderr, "dondoc: %s: %s\n", j->id, err);
    return brc == EVAL_ERR_RULES ? EXIT_RULES : EXIT_DB;
  }
  rc = write_report(c, &r, f);
  report_release(&r);
  if (rc == 0 && c->output && !c->quiet) {
    char day[CAL_DATE_LEN];
    cal_format(c->today, day);
    printf("report of %s on %s written to %s\n", j->id, day, c->output);
  }
  return rc ? rc : failed ? EXIT_RULES : 0;
}
