/*
 * html.c — the report as one self-contained HTML page in Vietnamese
 * (report.h): inline CSS, inline SVG charts (svg.c), no script, no font,
 * image or stylesheet from outside, so it opens the same from a mail
 * attachment, a file share or a USB stick, and prints on A4.
 *
 * Order: the header (jurisdiction, plan, date, counts by status, the
 * campaigns running); 1. agencies — an overview with each one's on-time
 * rate, then each agency's reports with their status; 2. indicators by
 * goal — latest value, judged period, targets with the national one
 * beside, status in colour and words, projection, chart; 3. the appendix-01
 * table. Every text from the rules or the store is escaped; colour is never
 * the only signal (each status is also written out).
 */
#include "report.h"

#include <string.h>

#include "messages.h"

void report_html_text(FILE *out, const char *s)
{
  for (; s && *s; s++)
    switch (*s) {
    case '&': fputs("&amp;", out); break;
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '"': fputs("&quot;", out); break;
    case '\'': fputs("&#39;", out); break;
    default: fputc(*s, out);
    }
}

#define T(s) report_html_text(out, (s))

static const char css[] =
  "*{box-sizing:border-box;-webkit-print-color-adjust:exact;"
  "print-color-adjust:exact}"
  "body{font-family:\"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;"
  "color:#1f2328;margin:0 auto;padding:16px;max-width:1000px;"
  "font-size:14px;line-height:1.4}"
  "h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;"
  "border-bottom:2px solid #1f2328;padding-bottom:2px}"
  "h3{font-size:16px;margin:20px 0 6px}h4{font-size:14px;margin:0 0 6px}"
  ".plan,.muted{color:#57606a}"
  "table{border-collapse:collapse;width:100%;table-layout:fixed}"
  "th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;"
  "vertical-align:top;overflow-wrap:anywhere}"
  "th{background:#f0f2f4}td.num,th.num{text-align:right}"
  ".badge{display:inline-block;padding:1px 7px;border-radius:9px;"
  "font-size:12px;white-space:nowrap;border:1px solid transparent}"
  ".tone-good{background:#dafbe1;color:#116329;border-color:#4ac26b}"
  ".tone-warn{background:#fff8c5;color:#7d4e00;border-color:#d4a72c}"
  ".tone-bad{background:#ffebe9;color:#a40e26;border-color:#ff8182}"
  ".tone-none{background:#eaeef2;color:#424a53;border-color:#afb8c1}"
  ".tone-info{background:#ddf4ff;color:#0a3069;border-color:#54aeff}"
  ".summary .badge{font-size:13px;margin:2px 4px 2px 0}"
  ".agency,.indicator{border:1px solid #d0d7de;border-radius:6px;"
  "padding:8px 10px;margin:10px 0;break-inside:avoid}"
  ".indicator{border-left-width:6px}"
  ".indicator.st-good{border-left-color:#1a7f37}"
  ".indicator.st-warn{border-left-color:#bf8700}"
  ".indicator.st-bad{border-left-color:#cf222e}"
  ".indicator.st-none,.indicator.st-info{border-left-color:#8c959f}"
  ".indicator .id{font-family:\"DejaVu Sans Mono\",monospace;color:#57606a;"
  "margin-right:6px}"
  ".facts{margin:6px 0}.facts th{width:34%;background:#f6f8fa;"
  "font-weight:normal}"
  ".national{color:#8250df}"
  ".chart{display:block;width:100%;max-width:760px;height:auto;"
  "margin-top:6px}"
  ".chart text{font-size:11px;fill:#57606a}"
  ".chart .grid line{stroke:#eaeef2}"
  ".chart .now{stroke:#8c959f;stroke-dasharray:2 3}"
  ".chart .path{fill:none;stroke:#57606a;stroke-width:1.5;"
  "stroke-dasharray:6 4}"
  ".chart .observed{fill:none;stroke:#0969da;stroke-width:2}"
  ".chart .obs{fill:#0969da}"
  ".chart .target .mark{fill:#1a7f37}"
  ".chart .target text{fill:#116329;font-weight:bold}"
  ".chart .target.national .mark{fill:#fff;stroke:#8250df;stroke-width:2}"
  ".chart .target.national text{fill:#8250df;font-weight:normal}"
  ".chart .expected{stroke:#bf8700;stroke-width:2.5}"
  ".chart .projection line{stroke:#cf222e;stroke-width:1.5;"
  "stroke-dasharray:2 3}"
  ".chart .projection circle{fill:#fff;stroke:#cf222e;stroke-width:1.5}"
  ".legend{font-size:12px;color:#57606a;margin:2px 0 0}"
  ".legend span{margin-right:12px;white-space:nowrap}"
  ".legend .l-obs{color:#0969da}.legend .l-target{color:#1a7f37}"
  ".legend .l-expected{color:#bf8700}.legend .l-projection{color:#cf222e}"
  ".appendix tr.row-goal td{font-weight:bold;background:#f6f8fa}"
  ".appendix tr.row-group td{font-weight:bold}"
  ".appendix tr.row-count td:nth-child(2){padding-left:20px;"
  "font-style:italic}"
  ".appendix .earlier{display:block;color:#57606a;font-size:11px}"
  "footer{margin-top:24px;font-size:12px;color:#57606a}"
  "@page{size:A4;margin:14mm 12mm}"
  "@media print{body{max-width:none;padding:0;font-size:10pt}"
  "h2{break-after:avoid}h3{break-after:avoid}tr{break-inside:avoid}"
  "thead{display:table-header-group}.chart{max-height:62mm;max-width:100%}}";

static void badge(FILE *out, enum finding_kind k)
{
  fprintf(out, "<span class=\"badge tone-%s\" data-status=\"%s\">",
          report_tone(k), finding_kind_name(k));
  T(message_status(k));
  fputs("</span>", out);
}

static void date_vn(FILE *out, cal_day d)
{
  char buf[CAL_DATE_LEN];
  cal_format_vn(d, buf);
  fputs(buf, out);
}

/* The order of the summary: what needs action first. */
static const enum finding_kind summary_order[] = {
  FIND_OVERDUE, FIND_UNASSIGNED, FIND_OFF_TRACK, FIND_AT_RISK, FIND_NO_DATA,
  FIND_DUE_SOON, FIND_AWAITING_DATE, FIND_LATE, FIND_ON_TIME, FIND_UPCOMING,
  FIND_EXEMPT, FIND_ON_TRACK, FIND_ACHIEVED, FIND_CAMPAIGN_ACTIVE,
  FIND_CAMPAIGN_UPCOMING,
};

static void header(const struct report *r, FILE *out)
{
  fputs("<header><h1>Báo cáo tình hình thực hiện — ", out);
  T(r->j->name);
  fputs("</h1>", out);
  if (r->j->plan) {
    fputs("<p class=\"plan\">", out);
    T(r->j->plan);
    fputs("</p>", out);
  }
  fputs("<p>Tình hình ngày <strong class=\"date\">", out);
  date_vn(out, r->now);
  fputs("</strong>. Trạng thái tính như lệnh <code>dondoc check</code>; "
        "số liệu từ cơ sở dữ liệu của Thường trực Ban.</p>", out);
  fputs("<p class=\"summary\">", out);
  for (size_t i = 0; i < sizeof summary_order / sizeof *summary_order; i++) {
    enum finding_kind k = summary_order[i];
    if (r->counts[k] == 0)
      continue;
    fprintf(out, "<span class=\"badge tone-%s\" data-status=\"%s\">%zu ",
            report_tone(k), finding_kind_name(k), r->counts[k]);
    T(message_status(k));
    fputs("</span>", out);
  }
  fputs("</p>", out);
  for (size_t i = 0; i < r->n_campaigns; i++) {
    char line[1024];
    message_for_finding(r->campaigns[i], line, sizeof line);
    fputs("<p class=\"campaign\">", out);
    badge(out, r->campaigns[i]->kind);
    fputc(' ', out);
    T(line);
    fputs("</p>", out);
  }
  fputs("</header>\n", out);
}

static void rate_text(const struct report_agency *a, char *buf, size_t len)
{
  double rate;
  if (!report_rate(a, &rate)) {
    snprintf(buf, len, "—");
    return;
  }
  char pct[32];
  message_number(rate * 100, pct, sizeof pct);
  snprintf(buf, len, "%s%% (%zu/%zu)", pct, a->on_time,
           a->on_time + a->late + a->overdue);
}

static void agencies_overview(const struct report *r, FILE *out)
{
  fputs("<table class=\"overview\"><thead><tr><th>Cơ quan, đơn vị</th>"
        "<th class=\"num\" style=\"width:12%\">Báo cáo</th>"
        "<th class=\"num\" style=\"width:12%\">Đúng hạn</th>"
        "<th class=\"num\" style=\"width:12%\">Gửi muộn</th>"
        "<th class=\"num\" style=\"width:12%\">Quá hạn</th>"
        "<th class=\"num\" style=\"width:17%\">Tỷ lệ đúng hạn</th>"
        "</tr></thead><tbody>\n", out);
  for (size_t i = 0; i < r->n_agencies; i++) {
    const struct report_agency *a = &r->agencies[i];
    char rate[64];
    rate_text(a, rate, sizeof rate);
    fputs("<tr><td>", out);
    T(a->agency->name);
    fprintf(out, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
            "<td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
            "<td class=\"num rate\">", a->n_items, a->on_time, a->late,
            a->overdue);
    T(rate);
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table>\n", out);
}

/* What a report's last cell says: when it arrived, how late, the letter
 * that moved or waived it. */
static void item_note(FILE *out, const struct finding *f)
{
  switch (f->kind) {
  case FIND_ON_TIME:
  case FIND_LATE:
    fputs("nhận ", out);
    date_vn(out, f->received);
    if (f->kind == FIND_LATE)
      fprintf(out, ", muộn %d ngày", f->days);
    break;
  case FIND_OVERDUE:
    fprintf(out, "quá hạn %d ngày", f->days);
    break;
  case FIND_DUE_SOON:
  case FIND_UPCOMING:
    fprintf(out, f->days == 0 ? "hạn hôm nay" : "còn %d ngày", f->days);
    break;
  case FIND_UNASSIGNED:
    fputs("cơ quan đã thôi hoạt động từ ", out);
    date_vn(out, f->agency->valid_until);
    break;
  case FIND_AWAITING_DATE:
    fputs("chờ văn bản ấn định hạn", out);
    break;
  default:
    break;
  }
  if (f->succeeded) {
    fputs("; thay cho ", out);
    T(f->succeeded->name);
  }
  if (f->kind == FIND_EXEMPT || f->extended) {
    fputs(f->kind == FIND_EXEMPT ? "miễn theo văn bản " : "; gia hạn theo "
          "văn bản ", out);
    T(f->letter);
  }
}

static void agency_article(const struct report_agency *a, FILE *out)
{
  char rate[64];
  rate_text(a, rate, sizeof rate);
  fprintf(out, "<article class=\"agency\" id=\"co-quan-");
  T(a->agency->id);
  fputs("\"><h3>", out);
  T(a->agency->name);
  fputs("</h3><p>Tỷ lệ đúng hạn: <strong class=\"rate\">", out);
  T(rate);
  fputs("</strong></p><table><thead><tr><th>Báo cáo</th>"
        "<th style=\"width:11%\">Kỳ</th><th style=\"width:13%\">Hạn</th>"
        "<th style=\"width:19%\">Trạng thái</th><th style=\"width:22%\">"
        "Ghi chú</th></tr></thead><tbody>\n", out);
  for (size_t i = 0; i < a->n_items; i++) {
    const struct finding *f = a->items[i];
    fprintf(out, "<tr data-status=\"%s\"><td>", finding_kind_name(f->kind));
    T(f->obligation->title);
    fputs("</td><td>", out);
    T(f->period.id);
    fputs("</td><td>", out);
    if (f->due == MODEL_DUE_UNSET)
      fputs("—", out);
    else
      date_vn(out, f->due);
    fputs("</td><td>", out);
    badge(out, f->kind);
    fputs("</td><td>", out);
    item_note(out, f);
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table></article>\n", out);
}

static void agencies(const struct report *r, FILE *out)
{
  fputs("<section id=\"co-quan\"><h2>1. Cơ quan, đơn vị và báo cáo</h2>"
        "<p class=\"muted\">Các báo cáo có hạn từ khi bắt đầu theo dõi đến "
        "hết thời gian nhắc trước hạn. Tỷ lệ đúng hạn = số báo cáo gửi đúng "
        "hạn / số báo cáo đã đến hạn (đúng hạn, gửi muộn, quá hạn chưa "
        "gửi).</p>\n", out);
  if (r->n_agencies == 0)
    fputs("<p>Không có báo cáo nào trong thời gian này.</p>", out);
  else
    agencies_overview(r, out);
  for (size_t i = 0; i < r->n_agencies; i++)
    agency_article(&r->agencies[i], out);
  fputs("</section>\n", out);
}

static void fact(FILE *out, const char *name)
{
  fputs("<tr><th>", out);
  T(name);
  fputs("</th><td>", out);
}

/* "ít nhất 60% năm 2025 (TW: ít nhất 60%)", one per target year. */
static void targets_fact(const struct report_indicator *ri, FILE *out)
{
  char words[192];
  fact(out, "Mục tiêu (TW: mục tiêu quốc gia)");
  for (size_t i = 0; i < ri->n_targets; i++) {
    const struct report_target *t = &ri->targets[i];
    report_target_words(ri->ind, t->value, words, sizeof words);
    fprintf(out, "%s<span class=\"target\" data-year=\"%d\">", i ? "; " : "",
            t->year);
    T(words);
    fprintf(out, " năm %d%s</span>", t->year,
            t->year_from_plan ? " (năm cuối kế hoạch)" : "");
    if (t->has_parent) {
      report_target_words(ri->ind, t->parent, words, sizeof words);
      fputs(" <span class=\"national\">(TW: ", out);
      T(words);
      fputs(")</span>", out);
    }
  }
  fputs("</td></tr>", out);
}

static void indicator_facts(const struct report_indicator *ri, FILE *out)
{
  const struct finding *st = ri->status;
  char value[192];
  fputs("<table class=\"facts\"><tbody>", out);
  fact(out, "Giá trị mới nhất");
  if (ri->n_series) {
    const struct report_point *p = &ri->series[ri->n_series - 1];
    report_value(ri->ind, p->y, value, sizeof value);
    fputs("<strong class=\"latest\">", out);
    T(value);
    fputs("</strong> (kỳ ", out);
    T(p->period.id);
    fputs(")", out);
  } else {
    fputs("<span class=\"latest\">chưa có số liệu</span>", out);
  }
  fputs("</td></tr>", out);
  if (st) {
    fact(out, "Kỳ đánh giá");
    T(st->period.id);
    fputs(": ", out);
    if (st->has_value) {
      report_value(ri->ind, st->value, value, sizeof value);
      T(value);
    } else {
      fputs("chưa có số liệu (hạn ", out);
      date_vn(out, st->due);
      fputs(")", out);
    }
    if (st->has_expected) {
      report_value(ri->ind, st->expected, value, sizeof value);
      fputs("; lộ trình cần ", out);
      T(value);
    }
    fputs("</td></tr>", out);
  }
  targets_fact(ri, out);
  if (st && st->has_projection) {
    report_value(ri->ind, st->projected, value, sizeof value);
    fprintf(out, "<tr><th>Dự báo năm %d</th><td class=\"projected\">",
            st->target_year);
    T(value);
    fputs(st->will_meet ? " — có khả năng đạt" : " — khó đạt", out);
    fputs("</td></tr>", out);
  }
  fact(out, "Cơ quan chủ trì");
  T(report_lead_name(ri));
  fputs("</td></tr>", out);
  fact(out, "Kỳ báo cáo");
  T(report_cadence_label(ri->ind->cadence));
  fputs("</td></tr></tbody></table>", out);
}

static const char legend[] =
  "<p class=\"legend\"><span class=\"l-obs\">● số liệu</span>"
  "<span>╌ lộ trình</span><span class=\"l-target\">◆ mục tiêu</span>"
  "<span class=\"national\">◇ mục tiêu quốc gia (TW)</span>"
  "<span class=\"l-expected\">✕ giá trị theo lộ trình</span>"
  "<span class=\"l-projection\">┈○ dự báo</span>"
  "<span>┊ hôm nay</span></p>\n";

static void indicator_article(const struct report *r,
                              const struct report_indicator *ri, FILE *out)
{
  const struct finding *st = ri->status;
  fprintf(out, "<article class=\"indicator st-%s\" id=\"chi-tieu-",
          st ? report_tone(st->kind) : "none");
  T(ri->ind->id);
  fputs("\" data-indicator=\"", out);
  T(ri->ind->id);
  fputs("\"><h4><span class=\"id\">", out);
  T(ri->ind->id);
  fputs("</span>", out);
  T(ri->ind->title);
  fputs("</h4><p class=\"status\">", out);
  if (st)
    badge(out, st->kind);
  else
    fputs("<span class=\"badge tone-none\" data-status=\"not_judged\">chưa "
          "đánh giá (chưa đến kỳ theo dõi)</span>", out);
  fputs("</p>", out);
  indicator_facts(ri, out);
  report_svg_chart(r, ri, out);
  fputs(legend, out);
  fputs("</article>\n", out);
}

static void indicators(const struct report *r, FILE *out)
{
  fputs("<section id=\"chi-tieu\"><h2>2. Chỉ tiêu</h2>\n", out);
  if (r->n_indicators == 0)
    fputs("<p>Quy tắc không có chỉ tiêu nào có mục tiêu.</p>", out);
  for (size_t i = 0; i < r->n_indicators; i++) {
    const char *goal = r->indicators[i].ind->goal;
    const char *prev = i ? r->indicators[i - 1].ind->goal : NULL;
    if (i == 0 || strcmp(goal ? goal : "", prev ? prev : "") != 0) {
      fputs("<h3>", out);
      if (goal && goal[0]) {
        fputs("Mục tiêu ", out);
        T(goal);
      } else {
        fputs("Chỉ tiêu khác", out);
      }
      fputs("</h3>\n", out);
    }
    indicator_article(r, &r->indicators[i], out);
  }
  fputs("</section>\n", out);
}

static void appendix(const struct report *r, FILE *out)
{
  const char *titles[REPORT_N_COLUMNS], *cells[REPORT_N_COLUMNS];
  char result[32], value[64];
  static const char *const widths[REPORT_N_COLUMNS] = {
    "7%", "43%", "11%", "10%", "17%", "12%"};
  static const char *const levels[] = {"goal", "indicator", "count",
                                       "group"};
  report_column_titles(r, titles, result);
  fprintf(out, "<section id=\"phu-luc-01\"><h2>3. Kết quả thực hiện các mục "
          "tiêu, chỉ tiêu năm %d</h2><p class=\"muted\">Theo mẫu Phụ lục 01: "
          "số liệu của các kỳ kết thúc trong năm %d; trống khi chưa "
          "có.</p><table class=\"appendix\"><thead><tr>", r->year, r->year);
  for (size_t c = 0; c < REPORT_N_COLUMNS; c++) {
    fprintf(out, "<th style=\"width:%s\">", widths[c]);
    T(titles[c]);
    fputs("</th>", out);
  }
  fputs("</tr></thead><tbody>\n", out);
  for (size_t i = 0; i < r->n_rows; i++) {
    report_row_cells(r, &r->rows[i], cells, value);
    fprintf(out, "<tr class=\"row-%s\">", levels[r->rows[i].level]);
    for (size_t c = 0; c < REPORT_N_COLUMNS; c++) {
      fputs(c == 2 ? "<td class=\"num\">" : "<td>", out);
      T(cells[c]);
      if (c == 2 && !r->rows[i].has_value && r->rows[i].has_earlier) {
        report_number(r->rows[i].ind, r->rows[i].earlier, value,
                      sizeof value);
        fputs("<span class=\"earlier\">chưa có; kỳ ", out);
        T(r->rows[i].earlier_period);
        fputs(": ", out);
        T(value);
        fputs("</span>", out);
      }
      fputs("</td>", out);
    }
    fputs("</tr>\n", out);
  }
  fputs("</tbody></table></section>\n", out);
}

int report_html(const struct report *r, FILE *out)
{
  char today[CAL_DATE_LEN];
  cal_format_vn(r->now, today);
  fputs("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\"><title>Báo cáo tình hình — ", out);
  T(r->j->name);
  fprintf(out, " — %s</title><style>%s</style></head>\n<body>\n", today,
          css);
  header(r, out);
  agencies(r, out);
  indicators(r, out);
  appendix(r, out);
  fputs("<footer>Lập bằng dondoc ngày ", out);
  fputs(today, out);
  fputs(". Lộ trình: đường thẳng từ giá trị gốc (hoặc mục tiêu trước) đến "
        "mục tiêu; dự báo: đường xu hướng bình phương tối thiểu qua các số "
        "liệu đã có, tính đến năm mục tiêu.</footer>\n</body></html>\n", out);
  return ferror(out) ? -1 : 0;
}
