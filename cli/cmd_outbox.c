/*
 * cmd_outbox.c — `dondoc outbox list|retry|drop|history`: look into the
 * durable queue and steer it. None of these delivers anything, so none
 * needs the SMTP password or a webhook secret.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "outbox.h"

static void print_delivery(const struct outbox_delivery *d, int utc_offset)
{
  char when[32] = "-";
  long long t = d->sent_at ? d->sent_at : d->next_attempt_at;
  time_t tt = (time_t)(t + (long long)utc_offset * 60);
  struct tm tm;
  if (gmtime_r(&tt, &tm))
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
  printf("%-6lld %-7s %-8s %-2d %-16s %-32s %s\n", d->id, d->status,
         d->channel, d->attempts, when, d->recipient, d->subject);
  if (d->last_error && strcmp(d->status, "sent") != 0)
    printf("       last error: %s\n", d->last_error);
}

/* `outbox retry --all [--kind failed|queued] [--since DATE]`. */
static int retry_all(struct cli *c, struct world *w, struct outbox *o)
{
  const char *kind = c->kind ? c->kind : "failed";
  long long since = 0, n = 0;
  int rc;
  if (c->n_args != 2)
    return usage_error("outbox retry --all takes no delivery ID (got '%s')",
                       c->args[2]);
  if (strcmp(kind, "failed") != 0 && strcmp(kind, "queued") != 0)
    return usage_error("outbox retry --all --kind '%s': failed or queued",
                       kind);
  if (c->since) {
    cal_day day;
    if ((rc = cli_parse_date_option("--since", c->since, &day)) != 0)
      return rc;
    /* 00:00 of that day in the configured zone */
    since = (long long)day * 86400 - (long long)w->cfg.utc_offset_minutes * 60;
  }
  if (outbox_retry_all(o, kind, since, (long long)time(NULL), &n) != 0) {
    fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
    return EXIT_DB;
  }
  if (!c->quiet)
    printf("queued again: %lld deliver%s (%s)\n", n, n == 1 ? "y" : "ies",
           kind);
  return 0;
}

int cmd_outbox(struct cli *c, struct world *w)
{
  int rc;
  const char *sub = c->n_args > 1 ? c->args[1] : "";
  if (strcmp(sub, "list") && strcmp(sub, "retry") && strcmp(sub, "drop") &&
      strcmp(sub, "history"))
    return usage_error("%s", "outbox needs list, retry ID|--all, drop ID or "
                       "history");
  if ((rc = world_load_config(c, w)) || (rc = world_open_store(c, w)))
    return rc;
  struct outbox *o = outbox_open(w->store);
  if (o == NULL)
    return EXIT_DB;
  rc = 0;
  if (strcmp(sub, "list") == 0) {
    struct outbox_delivery *d;
    size_t n;
    if (outbox_list(o, c->kind, &d, &n) != 0) {
      fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
      rc = EXIT_DB;
    } else {
      printf("%-6s %-7s %-8s %-2s %-16s %-32s %s\n", "id", "status",
             "channel", "n", "when (local)", "recipient", "subject");
      for (size_t i = 0; i < n; i++)
        print_delivery(&d[i], w->cfg.utc_offset_minutes);
      outbox_deliveries_free(d, n);
    }
  } else if (strcmp(sub, "history") == 0) {
    FILE *out = stdout;
    if (c->format && strcmp(c->format, "csv") != 0) {
      outbox_close(o);
      return usage_error("history --format '%s': only csv", c->format);
    }
    if (c->output && (out = fopen(c->output, "w")) == NULL) {
      fprintf(stderr, "dondoc: %s: cannot write\n", c->output);
      outbox_close(o);
      return EXIT_INPUT;
    }
    if (outbox_history_csv(o, out, w->cfg.utc_offset_minutes) != 0) {
      fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
      rc = EXIT_DB;
    }
    if (out != stdout && fclose(out) != 0 && rc == 0) {
      fprintf(stderr, "dondoc: %s: cannot write\n", c->output);
      rc = EXIT_INPUT;
    }
  } else if (strcmp(sub, "retry") == 0 && c->all) {
    rc = retry_all(c, w, o);
  } else {
    char *end;
    long long id = c->n_args == 3 ? strtoll(c->args[2], &end, 10) : 0;
    if (c->n_args != 3 || *end != '\0' || id <= 0) {
      outbox_close(o);
      return usage_error("outbox %s needs a delivery ID", sub);
    }
    int r = strcmp(sub, "retry") == 0 ? outbox_retry(o, id, (long long)time(NULL))
                                      : outbox_drop(o, id);
    if (r < 0) {
      fprintf(stderr, "dondoc: %s\n", outbox_errmsg(o));
      rc = EXIT_DB;
    } else if (r == 1) {
      fprintf(stderr, "dondoc: no queued or failed delivery %lld\n", id);
      rc = EXIT_INPUT;
    } else if (!c->quiet) {
      printf("%s: delivery %lld\n", strcmp(sub, "retry") == 0
             ? "queued again" : "dropped", id);
    }
  }
  outbox_close(o);
  return rc;
}
