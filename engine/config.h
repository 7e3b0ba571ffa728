/*
 * config.h — the deployment configuration (config/dondoc.lua).
 *
 * Which jurisdictions to monitor, where their rules and the database live,
 * the time zone, and the sandbox limits. The file is Lua, run in a sandbox
 * with no library at all: it can only assign settings. Relative paths are
 * read from the config file's own folder, so cron and systemd can start
 * dondoc from anywhere.
 *
 * Secrets (the SMTP password, webhook secrets) are read here but required
 * only by what delivers through them: an unset password_env or an
 * unreadable password_file is not a config error — `check`, `submit` and
 * `outbox list` work without it — it is kept as password_error /
 * secret_error, and delivery leaves the messages queued with that reason.
 */
#ifndef DONDOC_CONFIG_H
#define DONDOC_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#define CONFIG_ERR_LEN 512

/* Email: with no smtp_url, messages are written as .eml files to
 * outbox_dir instead (the embedded default used by `make demo`). */
struct config_mail {
  char *from, *from_name;
  char *smtp_url;               /* smtp://host:587 (STARTTLS) or smtps:// */
  char *username, *password;    /* password read from password_env/_file */
  char *password_error;         /* why password is NULL although one was
                                   configured ("mail.password_env
                                   DONDOC_SMTP_PASSWORD is not set"), or
                                   NULL */
  char *ca_file;
  bool tls_none;                /* tls = "none": local relays only */
  long timeout_ms;
};

/* A webhook endpoint. With no url, bodies are written as .json files to
 * outbox_dir. */
struct config_webhook {
  char *name, *url, *secret;    /* secret read from secret_env/_file */
  char *secret_error;           /* why secret is NULL although one was
                                   configured, or NULL: then nothing may be
                                   sent (never unsigned) */
  char *template_path;          /* NULL: dondoc's own JSON body */
  char *options_json;           /* the endpoint's `options` table as JSON */
  char **jurisdictions; size_t n_jurisdictions;   /* only these; 0 = all */
  bool follow_redirects;
  long timeout_ms, connect_timeout_ms;
};

struct config {
  char *path;                    /* the file read */
  char *database;                /* absolute or relative to the cwd */
  char *rules_dir;
  char **jurisdictions; size_t n_jurisdictions;
  char *timezone;
  int utc_offset_minutes;
  size_t memory_limit;           /* per jurisdiction sandbox, bytes */
  long instruction_limit;        /* per jurisdiction load */
  long time_limit_ms;            /* wall clock per load step */
  char *outbox_dir;              /* local delivery: .eml and .json files */
  struct config_mail mail;
  struct config_webhook *webhooks; size_t n_webhooks;
  int max_attempts;              /* delivery attempts before giving up */
  long retry_base_seconds, retry_max_seconds;
  int parallel;                  /* concurrent webhook deliveries */
  char **warnings; size_t n_warnings;   /* for the person: a secret file
                                           others can read… (the CLI prints
                                           them to stderr) */
};

/* Read `path` into c (which the caller zero-initialises). Returns 0, or -1
 * with "FILE:LINE: message" in err. Everything in c, warnings included, is
 * owned by c: config_release frees it (also after a failed load). */
int config_load(const char *path, struct config *c, char err[CONFIG_ERR_LEN]);
void config_release(struct config *c);

/* The config path to use: `given`, else $DONDOC_CONFIG, else
 * config/dondoc.lua if it exists, else /etc/dondoc/dondoc.lua. */
const char *config_default_path(const char *given);

#endif
