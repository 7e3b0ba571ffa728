/*
 * messages.h — a finding said in Vietnamese, for people.
 *
 * One sentence per finding, as the secretariat would write it: who, what,
 * which period, due when (dd/mm/yyyy), how late or how far off; for a
 * campaign, its window and, while it runs, its day ("ngày 25/31"). Numbers use
 * the Vietnamese decimal comma. Used by check's output, the reminders and
 * the digest, which show no raw status codes.
 */
#ifndef DONDOC_MESSAGES_H
#define DONDOC_MESSAGES_H

#include <stddef.h>
#include "evaluate.h"

/* Write the message for f into buf (always NUL-terminated). */
void message_for_finding(const struct finding *f, char *buf, size_t len);

/* A status as a Vietnamese phrase for people ("chậm tiến độ" for
 * off_track): static text, never NULL. */
const char *message_status(enum finding_kind k);

/* A number as Vietnamese writes it: 1,7 — 42 — 0,35 (at most 2 decimals). */
void message_number(double v, char *buf, size_t len);

/* The day on which an obligation finding's recipients (to = …) are
 * looked up: its due day, or its period's end while no date is set. */
cal_day message_to_day(const struct finding *f);

#endif
