/*
 * template.h — reshape a webhook's JSON body for one receiver, in Lua.
 *
 * Chat tools each want their own body ({"text": …} for a generic chat
 * webhook, {"chat_id": …, "text": …} for Telegram's sendMessage). A
 * template is a Lua file that returns a function: it receives dondoc's
 * versioned payload as a Lua table (and the endpoint's options table) and
 * returns the table to send, which is encoded back to JSON. Templates run
 * in the same sandbox as rules (sandbox.h): no io/os, a memory cap, a
 * budget that meters the library functions too, and a wall-clock limit.
 */
#ifndef DONDOC_TEMPLATE_H
#define DONDOC_TEMPLATE_H

#include <stddef.h>

#define TEMPLATE_ERR_LEN 512

struct template;

/* Load the template file at `path`. Returns NULL with "FILE:LINE: message"
 * in err when it does not load or does not return a function. */
struct template *template_load(const char *path, char err[TEMPLATE_ERR_LEN]);
void template_free(struct template *t);

/* Apply the template to `payload_json` (an object). `options_json` (an
 * object, or NULL) is passed as the second argument: per-endpoint settings
 * such as a Telegram chat_id. Returns the new body as malloc'd JSON, or NULL
 * with the reason in err (a Lua error with FILE:LINE, a value JSON cannot
 * hold, budget or memory exceeded). */
char *template_apply(struct template *t, const char *payload_json,
                     const char *options_json, char err[TEMPLATE_ERR_LEN]);

#endif
