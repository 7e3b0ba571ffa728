/*
 * messages.h — a finding said in Vietnamese, for people.
 *
 * One sentence per finding, as the secretariat would write it: who, what,
 * which period, due when (dd/mm/yyyy), how late or how far off; for a
 * campaign, its window and, while it runs, its day ("ngày 25/31"). Numbers use
 * the Vietnamese decimal comma. Used by check's output, the reminders and
 * the digest, which show no raw status codes; the digest's tables use the
 * short phrases (message_cell) and the value and target wordings.
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

/* A status, or any phrase starting in lower case, with its first letter
 * capitalised ("Chậm tiến độ", "Đúng lộ trình"), into buf. */
void message_capitalized(const char *s, char *buf, size_t len);

/* A day as "dd/mm", where the year goes without saying. */
#define MESSAGE_DAY_MONTH_LEN 6
void message_day_month(cal_day d, char buf[MESSAGE_DAY_MONTH_LEN]);

/* A report's state in a few words, for one cell of a table (the digest):
 * "quá 3 ngày", "còn 2 ngày", "hạn hôm nay", "✓ 03/12" (the day it
 * arrived, on time or late), "gia hạn đến 20/12" (extended, not due yet),
 * "hạn 25/12", "miễn", "chờ hạn"; "" for a finding that is not a report. */
void message_cell(const struct finding *f, char *buf, size_t len);

/* An indicator's value as the messages write it: with its unit ("47,5%",
 * "2 lần"), or "đã thực hiện" / "chưa thực hiện" for a yes/no one. */
void message_indicator_value(const struct indicator *ind, double v,
                             char *buf, size_t len);
/* Its target: "60%", "trên 90%", "dưới 5%", "hoàn thành" (yes/no). */
void message_indicator_target(const struct indicator *ind, double target,
                              char *buf, size_t len);

/* The day on which an obligation finding's recipients (to = …) are
 * looked up: its due day, or its period's end while no date is set. */
cal_day message_to_day(const struct finding *f);

#endif
