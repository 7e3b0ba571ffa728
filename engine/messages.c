/*
 * messages.c — Vietnamese sentences for findings, and the few words that
 * stand for one in a table cell.
 */
#include "messages.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

void message_number(double v, char *buf, size_t len)
{
  snprintf(buf, len, "%.2f", v);
  char *dot = strchr(buf, '.');
  if (dot == NULL)
    return;
  char *end = buf + strlen(buf) - 1;
  while (end > dot && *end == '0')
    *end-- = '\0';
  if (end == dot)
    *dot = '\0';
  else
    *dot = ',';
}

const char *message_status(enum finding_kind k)
{
  static const char *const names[FIND_N_KINDS] = {
    [FIND_DUE_SOON] = "sắp đến hạn", [FIND_OVERDUE] = "quá hạn",
    [FIND_OFF_TRACK] = "chậm tiến độ", [FIND_AT_RISK] = "có nguy cơ không đạt",
    [FIND_NO_DATA] = "chưa có số liệu", [FIND_UPCOMING] = "chưa đến hạn",
    [FIND_ON_TIME] = "đã gửi đúng hạn", [FIND_LATE] = "đã gửi muộn",
    [FIND_ON_TRACK] = "đúng lộ trình", [FIND_ACHIEVED] = "đã đạt mục tiêu",
    [FIND_EXEMPT] = "được miễn", [FIND_UNASSIGNED] = "chưa có cơ quan gửi",
    [FIND_AWAITING_DATE] = "chờ văn bản ấn định hạn",
    [FIND_CAMPAIGN_UPCOMING] = "sắp bắt đầu",
    [FIND_CAMPAIGN_ACTIVE] = "đang diễn ra",
    [FIND_CAMPAIGN_ENDED] = "đã kết thúc",
  };
  return (unsigned)k < FIND_N_KINDS && names[k] ? names[k] : "";
}

void message_capitalized(const char *s, char *buf, size_t len)
{
  snprintf(buf, len, "%s", s);
  if (buf[0] >= 'a' && buf[0] <= 'z')
    buf[0] = (char)(buf[0] - 'a' + 'A');
  else if ((unsigned char)buf[0] == 0xc4 && (unsigned char)buf[1] == 0x91)
    buf[1] = (char)0x90;                          /* đ → Đ */
}

void message_day_month(cal_day d, char buf[MESSAGE_DAY_MONTH_LEN])
{
  char full[CAL_DATE_LEN];
  cal_format_vn(d, full);                         /* dd/mm/yyyy */
  snprintf(buf, MESSAGE_DAY_MONTH_LEN, "%.5s", full);
}

void message_cell(const struct finding *f, char *buf, size_t len)
{
  char day[MESSAGE_DAY_MONTH_LEN];
  bool pending = f->extended && (f->kind == FIND_DUE_SOON ||
                                 f->kind == FIND_UPCOMING);
  buf[0] = '\0';
  if (f->obligation == NULL)
    return;
  if (pending) {
    message_day_month(f->due, day);
    snprintf(buf, len, "gia hạn đến %s", day);
    return;
  }
  switch (f->kind) {
  case FIND_OVERDUE:
    snprintf(buf, len, "quá %d ngày", f->days);
    break;
  case FIND_DUE_SOON:
    if (f->days == 0)
      snprintf(buf, len, "hạn hôm nay");
    else
      snprintf(buf, len, "còn %d ngày", f->days);
    break;
  case FIND_ON_TIME:
  case FIND_LATE:
    message_day_month(f->received, day);
    snprintf(buf, len, "✓ %s", day);
    break;
  case FIND_UPCOMING:
    message_day_month(f->due, day);
    snprintf(buf, len, "hạn %s", day);
    break;
  case FIND_EXEMPT:
    snprintf(buf, len, "miễn");
    break;
  case FIND_AWAITING_DATE:
    snprintf(buf, len, "chờ hạn");
    break;
  case FIND_UNASSIGNED:
    snprintf(buf, len, "chưa có cơ quan gửi");
    break;
  default:
    break;
  }
}

static const char *agency_name(const struct finding *f)
{
  return f->agency ? f->agency->name : "(chưa xác định cơ quan)";
}

/* "60%", "111 bé trai/100 bé gái": glue % to the number, space otherwise. */
static void with_unit(const struct indicator *ind, double v, char *buf,
                      size_t len)
{
  char num[64];
  message_number(v, num, sizeof num);
  if (ind->unit[0] == '\0')
    snprintf(buf, len, "%s", num);
  else
    snprintf(buf, len, strcmp(ind->unit, "%") == 0 ? "%s%s" : "%s %s", num,
             ind->unit);
}

void message_indicator_value(const struct indicator *ind, double v,
                             char *buf, size_t len)
{
  if (ind->direction == DIR_YES_NO)
    snprintf(buf, len, "%s", v != 0 ? "đã thực hiện" : "chưa thực hiện");
  else
    with_unit(ind, v, buf, len);
}

void message_indicator_target(const struct indicator *ind, double target,
                              char *buf, size_t len)
{
  char bare[80];
  if (ind->direction == DIR_YES_NO) {
    snprintf(buf, len, "hoàn thành");
    return;
  }
  with_unit(ind, target, bare, sizeof bare);
  /* "trên 90%", "dưới 5%": the plan's strict thresholds, in its words */
  snprintf(buf, len, "%s%s", ind->direction == DIR_ABOVE ? "trên "
           : ind->direction == DIR_BELOW ? "dưới " : "", bare);
}

static void obligation_message(const struct finding *f, char *buf, size_t len)
{
  char due[CAL_DATE_LEN], got[CAL_DATE_LEN], behalf[256] = "";
  cal_format_vn(f->due, due);
  if (f->succeeded)
    snprintf(behalf, sizeof behalf, " (thay cho %s)", f->succeeded->name);
  const char *title = f->obligation->title;
  switch (f->kind) {
  case FIND_OVERDUE:
    snprintf(buf, len, "%s%s chưa gửi %s kỳ %s; hạn %s, đã quá hạn %d ngày.",
             agency_name(f), behalf, title, f->period.id, due, f->days);
    break;
  case FIND_DUE_SOON:
    if (f->days == 0)
      snprintf(buf, len, "%s%s cần gửi %s kỳ %s hôm nay (hạn %s).",
               agency_name(f), behalf, title, f->period.id, due);
    else
      snprintf(buf, len, "%s%s cần gửi %s kỳ %s; hạn %s, còn %d ngày.",
               agency_name(f), behalf, title, f->period.id, due, f->days);
    break;
  case FIND_UPCOMING:
    snprintf(buf, len, "%s%s: %s kỳ %s, hạn %s.", agency_name(f), behalf,
             title, f->period.id, due);
    break;
  case FIND_AWAITING_DATE:
    snprintf(buf, len, "%s%s: %s kỳ %s chưa có hạn (kế hoạch để hạn theo "
             "văn bản hướng dẫn sau).", agency_name(f), behalf, title,
             f->period.id);
    return;
  case FIND_UNASSIGNED: {
    char ended[CAL_DATE_LEN];
    cal_format_vn(f->agency->valid_until, ended);
    snprintf(buf, len, "%s đã thôi hoạt động từ %s và chưa khai báo cơ "
             "quan kế nhiệm: chưa có cơ quan nào gửi %s kỳ %s (hạn %s).",
             agency_name(f), ended, title, f->period.id, due);
    return;
  }
  case FIND_EXEMPT:
    snprintf(buf, len, "%s được miễn %s kỳ %s (văn bản %s).", agency_name(f),
             title, f->period.id, f->letter);
    return;
  case FIND_ON_TIME:
    cal_format_vn(f->received, got);
    snprintf(buf, len, "%s đã gửi %s kỳ %s ngày %s, đúng hạn (%s).",
             agency_name(f), title, f->period.id, got, due);
    break;
  default:
    cal_format_vn(f->received, got);
    snprintf(buf, len, "%s đã gửi %s kỳ %s ngày %s, chậm %d ngày so với "
             "hạn %s.", agency_name(f), title, f->period.id, got, f->days,
             due);
    break;
  }
}

static void indicator_message(const struct finding *f, char *buf, size_t len)
{
  const struct indicator *ind = f->indicator;
  char value[96], target[96], expected[96] = "", projected[160] = "";
  char due[CAL_DATE_LEN];
  message_indicator_target(ind, f->target, target, sizeof target);
  if (f->kind == FIND_NO_DATA) {
    cal_format_vn(f->due, due);
    snprintf(buf, len, "Chỉ tiêu \"%s\": chưa có số liệu kỳ %s (hạn %s); "
             "%s chủ trì cung cấp. Mục tiêu %s năm %d.", ind->title,
             f->period.id, due, agency_name(f), target, f->target_year);
    return;
  }
  message_indicator_value(ind, f->value, value, sizeof value);
  if (f->has_expected) {
    char e[96];
    with_unit(ind, f->expected, e, sizeof e);
    snprintf(expected, sizeof expected, "; theo lộ trình cần %s", e);
  }
  if (f->has_projection) {
    char p[96];
    with_unit(ind, f->projected, p, sizeof p);
    snprintf(projected, sizeof projected, "; dự báo năm %d: %s (%s)",
             f->target_year, p, f->will_meet ? "có khả năng đạt"
                                             : "khó đạt");
  }
  static const char *const status[] = {
    [FIND_OFF_TRACK] = "chậm so với lộ trình",
    [FIND_AT_RISK] = "có nguy cơ không đạt",
    [FIND_ON_TRACK] = "đúng lộ trình",
    [FIND_ACHIEVED] = "đã đạt mục tiêu",
  };
  snprintf(buf, len, "Chỉ tiêu \"%s\" %s: kỳ %s đạt %s, mục tiêu %s năm %d"
           "%s%s. Cơ quan chủ trì: %s.", ind->title, status[f->kind],
           f->period.id, value, target, f->target_year, expected, projected,
           agency_name(f));
}

/* "Tháng hành động … năm 2024 đang diễn ra: ngày 25/31 (từ 15/11/2024
 * đến hết 15/12/2024)." */
static void campaign_message(const struct finding *f, char *buf, size_t len)
{
  char from[CAL_DATE_LEN], to[CAL_DATE_LEN];
  const struct campaign *cp = f->campaign;
  cal_format_vn(f->period.start, from);
  cal_format_vn(f->period.end, to);
  if (f->kind == FIND_CAMPAIGN_UPCOMING)
    snprintf(buf, len, "%s năm %d bắt đầu ngày %s (còn %d ngày) và kéo dài "
             "đến hết ngày %s.", cp->title, f->period.year, from, f->days,
             to);
  else if (f->kind == FIND_CAMPAIGN_ACTIVE)
    snprintf(buf, len, "%s năm %d đang diễn ra: ngày %d/%d (từ %s đến hết "
             "%s).", cp->title, f->period.year, f->window_day,
             (int)(f->period.end - f->period.start + 1), from, to);
  else
    snprintf(buf, len, "%s năm %d đã kết thúc ngày %s (%d ngày trước).",
             cp->title, f->period.year, to, f->days);
}

/* snprintf cuts at a byte; a message cut inside a character would be
 * invalid UTF-8 (refused by JSON, garbled in mail). Drop the partial
 * character at the end, if any. */
static void trim_partial_utf8(char *buf, size_t len)
{
  size_t n = strlen(buf);
  if (n + 1 < len)
    return;                    /* nothing was cut */
  buf[utf8_boundary(buf, n)] = '\0';
}

cal_day message_to_day(const struct finding *f)
{
  return f->due == MODEL_DUE_UNSET ? f->period.end : f->due;
}

/* " Nơi nhận: Sở Nội vụ, UBND tỉnh." when the report goes to several. */
static void recipients(const struct finding *f, char *buf, size_t len)
{
  const struct obligation *ob = f->obligation;
  size_t used = strlen(buf);
  if (ob->n_to < 2 || f->kind == FIND_EXEMPT)
    return;
  for (size_t k = 0; k < ob->n_to && used + 1 < len; k++) {
    const struct agency *a = model_holder(f->j, ob->to[k],
                                          message_to_day(f));
    int w = snprintf(buf + used, len - used, "%s%s", k ? ", " : " Nơi nhận: ",
                     a ? a->name : ob->to[k]);
    used += w > 0 ? (size_t)w : 0;
  }
  if (used + 1 < len)
    snprintf(buf + used, len - used, ".");
}

void message_for_finding(const struct finding *f, char *buf, size_t len)
{
  if (f->obligation) {
    obligation_message(f, buf, len);
    recipients(f, buf, len);
    if (f->date_by_letter) {
      size_t used = strlen(buf);
      snprintf(buf + used, len - used, " Hạn do văn bản %s ấn định.",
               f->letter);
    } else if (f->extended) {
      char orig[CAL_DATE_LEN];
      size_t used = strlen(buf);
      cal_format_vn(f->original_due, orig);
      snprintf(buf + used, len - used, " Đã gia hạn theo văn bản %s "
               "(hạn ban đầu %s).", f->letter, orig);
    }
  }
  else if (f->campaign) {
    campaign_message(f, buf, len);
  }
  else {
    indicator_message(f, buf, len);
  }
  trim_partial_utf8(buf, len);
}
