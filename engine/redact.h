/*
 * redact.h — URLs as they may be shown: in the log, the outbox's
 * last_error and ledger, `outbox list`, the history CSV and the digest.
 *
 * Webhook and SMTP URLs often carry secrets: user:password@ in the
 * authority, a bot token in the path (Telegram's /bot<id>:<token>/…), a
 * key in the query (?token=…). Every detail string that leaves the
 * transports is built from the redacted form, never from the URL itself:
 *
 *   scheme://host[:port]/FIRST/...
 *
 *   - the user:password@ part is dropped;
 *   - the first path segment is kept only when it looks like a plain word:
 *     shorter than 16 characters, only letters, digits, '-', '_' and '.',
 *     and at most 4 digits; anything else (a ':' as in bot123:ABC, '%',
 *     '=', '@', a long or number-heavy token) shows as "***";
 *   - whatever follows the first segment (more segments, ?query, #fragment)
 *     shows as "/...";
 *   - a string without "scheme://" shows as "***" altogether.
 *
 * So https://u:p@h.example/api?token=x shows as https://h.example/api/...
 * and in https://api.telegram.org/bot123:ABC/sendMessage the token segment
 * becomes three stars, the rest "/..." (docs/delivery.md has the table).
 */
#ifndef DONDOC_REDACT_H
#define DONDOC_REDACT_H

#include <stddef.h>

/* The redacted form of url into out (cap bytes, always NUL-terminated,
 * cut when too small). url NULL gives "(no url)". */
void redact_url(const char *url, char *out, size_t cap);

/* Defence in depth for text that came from elsewhere (libcurl's error
 * buffer, a server's reply): in text (NUL-terminated, in a buffer of cap
 * bytes) replace the whole url by its redacted form, then every secret
 * piece of it that is 4 characters or longer — the user, the password, a
 * masked first segment, every later path segment, the query, each query
 * value, the fragment — by "***". */
void redact_scrub(char *text, size_t cap, const char *url);

#endif
