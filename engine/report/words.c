/*
 * words.c — the words and numbers every format of the report shares
 * (report.h): the same value reads the same in the page, the CSV and the
 * workbook, in Vietnamese style (decimal comma); only the JSON keeps
 * machine numbers.
 */
#include "report.h"

#include <string.h>

#include "messages.h"

bool report_rate(const struct report_agency *a, double *rate)
{
  size_t counted = a->on_time + a->late + a->overdue;
  if (counted == 0)
    return false;
  *rate = (double)a->on_time / (double)counted;
  return true;
}

const char *report_cadence_label(enum cal_period_kind k)
{
  switch (k) {
  case CAL_MONTH: return "Theo tháng";
  case CAL_QUARTER: return "Theo quý";
  case CAL_HALF: return "6 tháng";
  case CAL_SCHOOL_YEAR: return "Theo năm học";
  default: return "Theo năm";
  }
}

void report_number(const struct indicator *ind, double v, char *buf,
                   size_t len)
{
  if (ind->direction == DIR_YES_NO)
    snprintf(buf, len, "%s", v != 0 ? "có" : "không");
  else
    message_number(v, buf, len);
}

void report_value(const struct indicator *ind, double v, char *buf,
                  size_t len)
{
  char num[64];
  report_number(ind, v, num, sizeof num);
  if (ind->direction == DIR_YES_NO || ind->unit[0] == '\0')
    snprintf(buf, len, "%s", num);
  else
    snprintf(buf, len, strcmp(ind->unit, "%") == 0 ? "%s%s" : "%s %s", num,
             ind->unit);
}

void report_target_words(const struct indicator *ind, double v, char *buf,
                         size_t len)
{
  char value[160];
  const char *how = "";
  switch (ind->direction) {
  case DIR_YES_NO:
    snprintf(buf, len, "%s", v != 0 ? "có" : "không");
    return;
  case DIR_AT_LEAST: how = "ít nhất "; break;
  case DIR_AT_MOST: how = "không quá "; break;
  case DIR_ABOVE: how = "trên "; break;
  case DIR_BELOW: how = "dưới "; break;
  }
  report_value(ind, v, value, sizeof value);
  snprintf(buf, len, "%s%s", how, value);
}

const char *report_unit(const struct indicator *ind)
{
  return ind->direction == DIR_YES_NO ? "có/không" : ind->unit;
}

const char *report_tone(enum finding_kind k)
{
  switch (k) {
  case FIND_ON_TIME: case FIND_ON_TRACK: case FIND_ACHIEVED:
  case FIND_CAMPAIGN_ACTIVE:
    return "good";
  case FIND_DUE_SOON: case FIND_AT_RISK: case FIND_LATE:
  case FIND_AWAITING_DATE:
    return "warn";
  case FIND_OVERDUE: case FIND_OFF_TRACK:
    return "bad";
  case FIND_NO_DATA: case FIND_UNASSIGNED:
    return "none";
  default:
    return "info";
  }
}

const char *report_lead_name(const struct report_indicator *ri)
{
  return ri->lead ? ri->lead->name : "—";
}

void report_column_titles(const struct report *r,
                          const char *titles[REPORT_N_COLUMNS],
                          char result[32])
{
  snprintf(result, 32, "Kết quả năm %d", r->year);
  titles[0] = "TT";
  titles[1] = "Mục tiêu, chỉ tiêu";
  titles[2] = result;
  titles[3] = "Đơn vị tính";
  titles[4] = "Đơn vị chủ trì tham mưu thực hiện";
  titles[5] = "Kỳ báo cáo";
}

void report_row_cells(const struct report *r, const struct report_row *row,
                      const char *cells[REPORT_N_COLUMNS], char value[64])
{
  value[0] = '\0';
  cells[0] = row->tt;
  cells[1] = row->title;
  cells[2] = value;
  cells[3] = cells[4] = cells[5] = "";
  if (row->ind == NULL)
    return;
  if (row->has_value)
    report_number(row->ind, row->value, value, 64);
  const struct agency *lead = row->ind->lead
                              ? model_holder(r->j, row->ind->lead, r->now)
                              : NULL;
  cells[3] = report_unit(row->ind);
  cells[4] = lead ? lead->name : "";
  cells[5] = report_cadence_label(row->ind->cadence);
}
