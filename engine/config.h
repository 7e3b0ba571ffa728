/*
 * config.h — the deployment configuration (config/dondoc.lua).
 *
 * Which jurisdictions to monitor, where their rules and the database live,
 * the time zone, and the sandbox limits. The file is Lua, run in a sandbox
 * with no library at all: it can only assign settings. Relative paths are
 * read from the config file's own folder, so cron and systemd can start
 * dondoc from anywhere.
 */
#ifndef DONDOC_CONFIG_H
#define DONDOC_CONFIG_H

#include <stddef.h>

#define CONFIG_ERR_LEN 512

struct config {
  char *path;                    /* the file read */
  char *database;                /* absolute or relative to the cwd */
  char *rules_dir;
  char **jurisdictions; size_t n_jurisdictions;
  char *timezone;
  int utc_offset_minutes;
  size_t memory_limit;           /* per jurisdiction sandbox, bytes */
  long instruction_limit;        /* per jurisdiction load */
};

/* Read `path` into c (which the caller zero-initialises). Returns 0, or -1
 * with "FILE:LINE: message" in err. */
int config_load(const char *path, struct config *c, char err[CONFIG_ERR_LEN]);
void config_release(struct config *c);

/* The config path to use: `given`, else $DONDOC_CONFIG, else
 * config/dondoc.lua if it exists, else /etc/dondoc/dondoc.lua. */
const char *config_default_path(const char *given);

#endif
