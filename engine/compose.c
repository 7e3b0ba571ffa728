/*
 * compose.c — subjects, bodies and payloads for reminders.
 *
 * Text is built with open_memstream, so no length has to be guessed; HTML
 * gets the same content with its special characters escaped. The
 * secretariat's digest is digest.c's.
 */
#include "compose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <openssl/evp.h>

#include "messages.h"

void compose_hash(const char *text, char out[17])
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(text, strlen(text), md, &len, EVP_sha256(), NULL) != 1)
    len = 0;
  for (unsigned int i = 0; i < 8; i++)
    snprintf(out + 2 * i, 3, "%02x", i < len ? md[i] : 0);
  out[16] = '\0';
}

void composed_release(struct composed *c)
{
  free(c->subject); free(c->text); free(c->html);
  free(c->message_id); free(c->in_reply_to); free(c->references);
  memset(c, 0, sizeof *c);
}

void compose_html_escaped(FILE *out, const char *s)
{
  for (; *s; s++)
    switch (*s) {
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '&': fputs("&amp;", out); break;
    case '"': fputs("&quot;", out); break;
    default: fputc(*s, out);
    }
}

/* The thread a reminder belongs to: one per report (or indicator, or
 * campaign) and period, whatever the stage, so every reminder about it
 * threads. */
static void thread_id(const struct reminder *r, const char *domain, char *buf,
                      size_t len)
{
  char key[512], h[17];
  const struct finding *f = r->f;
  snprintf(key, sizeof key, "%s|%s|%s|%s", f->j->id, finding_item_id(f),
           r->to ? r->to->id : "", f->period.id);
  compose_hash(key, h);
  snprintf(buf, len, "<dondoc-thread-%s@%s>", h, domain);
}

/* "Tỉnh Bắc Ninh" reads "tỉnh Bắc Ninh" inside a sentence. */
static void name_in_sentence(FILE *out, const char *name)
{
  if (name[0] >= 'A' && name[0] <= 'Z') {
    fputc(name[0] - 'A' + 'a', out);
    fputs(name + 1, out);
  } else {
    fputs(name, out);
  }
}

static void html_name_in_sentence(FILE *out, const char *name)
{
  char buf[512];
  snprintf(buf, sizeof buf, "%s", name);
  if (buf[0] >= 'A' && buf[0] <= 'Z')
    buf[0] = (char)(buf[0] - 'A' + 'a');
  compose_html_escaped(out, buf);
}

static const char default_greeting[] = "Kính gửi: {agency}";
static const char default_intro[] =
  "Thường trực Ban vì sự tiến bộ của phụ nữ {jurisdiction} đề nghị quý cơ "
  "quan lưu ý (tình hình ngày {date}):";
static const char default_closing[] =
  "Nếu quý cơ quan đã gửi, xin bỏ qua thư này và báo lại để Thường trực "
  "cập nhật.";
static const char default_signature[] =
  "Thư tự động của dondoc (theo dõi, đôn đốc) — Thường trực Ban vì sự tiến "
  "bộ của phụ nữ.";

/* A jurisdiction's wording (or ours) with {agency}, {jurisdiction} and
 * {date} filled in; escaped for HTML when asked. */
static void expand(FILE *out, const char *text, const char *agency,
                   const char *jurisdiction, const char *date, bool html)
{
  while (*text) {
    const char *value = NULL;
    size_t skip = 0;
    if (strncmp(text, "{agency}", 8) == 0)
      value = agency, skip = 8;
    else if (strncmp(text, "{jurisdiction}", 14) == 0)
      value = jurisdiction, skip = 14;
    else if (strncmp(text, "{date}", 6) == 0)
      value = date, skip = 6;
    if (value) {
      if (skip == 14)
        html ? html_name_in_sentence(out, value) : name_in_sentence(out, value);
      else if (html)
        compose_html_escaped(out, value);
      else
        fputs(value, out);
      text += skip;
    } else {
      char one[2] = {*text++, '\0'};
      if (html)
        compose_html_escaped(out, one);
      else
        fputs(one, out);
    }
  }
}

static const char *or_default(const char *set, const char *dflt)
{
  return set ? set : dflt;
}

/* The phrase that names one item in a subject. */
static void subject_one(const struct reminder *r, FILE *out)
{
  const struct finding *f = r->f;
  char from[CAL_DATE_LEN];
  cal_format_vn(f->period.start, from);
  if (f->campaign && f->kind == FIND_CAMPAIGN_UPCOMING)
    fprintf(out, "Sắp bắt đầu (%s): %s năm %d", from, finding_item_title(f),
            f->period.year);
  else if (f->campaign)
    fprintf(out, "Bắt đầu từ %s: %s năm %d", from, finding_item_title(f),
            f->period.year);
  else if (f->indicator)
    fprintf(out, "Chỉ tiêu cần quan tâm: %s", finding_item_title(f));
  else if (f->kind == FIND_OVERDUE)
    fprintf(out, "%sQuá hạn %d ngày: %s kỳ %s",
            r->escalation ? "Đề nghị chỉ đạo — " : "", f->days,
            finding_item_title(f), f->period.id);
  else if (f->days == 0)
    fprintf(out, "Hạn hôm nay: %s kỳ %s", finding_item_title(f), f->period.id);
  else
    fprintf(out, "Còn %d ngày: %s kỳ %s", f->days, finding_item_title(f),
            f->period.id);
}

/* "Nhắc việc: 2 báo cáo quá hạn, 1 chỉ tiêu cần quan tâm" */
static void subject_counts(const struct reminder *const *items, size_t n,
                           const char *label, const char *escalated_label,
                           FILE *out)
{
  size_t overdue = 0, soon = 0, indicators = 0, escalated = 0, campaigns = 0;
  for (size_t i = 0; i < n; i++) {
    const struct finding *f = items[i]->f;
    if (items[i]->escalation)
      escalated++;
    if (f->campaign)
      campaigns++;
    else if (f->indicator)
      indicators++;
    else if (f->kind == FIND_OVERDUE)
      overdue++;
    else
      soon++;
  }
  fputs(escalated ? escalated_label : label, out);
  const char *sep = "";
  if (overdue) {
    fprintf(out, "%zu báo cáo quá hạn", overdue);
    sep = ", ";
  }
  if (soon) {
    fprintf(out, "%s%zu báo cáo sắp đến hạn", sep, soon);
    sep = ", ";
  }
  if (indicators) {
    fprintf(out, "%s%zu chỉ tiêu cần quan tâm", sep, indicators);
    sep = ", ";
  }
  if (campaigns)
    fprintf(out, "%s%zu tháng hành động, chiến dịch", sep, campaigns);
}

static void subject_for(const struct jurisdiction *j,
                        const struct letter *l, FILE *out)
{
  if (j->texts.subject_prefix)
    fprintf(out, "%s ", j->texts.subject_prefix);
  else
    fprintf(out, "[%s] ", j->name);
  if (l->n_act == 0) {
    fputs("Để biết: ", out);
    if (l->n_info == 1)
      subject_one(l->info[0], out);
    else
      subject_counts(l->info, l->n_info, "", "", out);
    return;
  }
  if (l->n_act == 1)
    subject_one(l->act[0], out);
  else
    subject_counts(l->act, l->n_act, "Nhắc việc: ", "Đề nghị chỉ đạo: ", out);
  if (l->n_info)
    fprintf(out, " (kèm %zu mục để biết)", l->n_info);
}

/* How a reminder's recipient is named: its head for escalations. */
static void recipient_name(const struct agency *a, bool head, char *buf,
                           size_t len)
{
  snprintf(buf, len, "%s%s", head ? "Lãnh đạo " : "",
           a ? a->name : "quý cơ quan");
}

/* Who the letter greets: the agency (or its head, when every item it must
 * act on is an escalation) whose address it is. */
static void addressee(const struct letter *l, char *buf, size_t len)
{
  if (l->n_act) {
    bool all_escalations = true;
    for (size_t i = 0; i < l->n_act; i++)
      all_escalations &= l->act[i]->escalation;
    recipient_name(l->act[0]->to, all_escalations, buf, len);
    return;
  }
  const struct reminder *r = l->info[0];
  for (size_t i = 0; i < r->n_cc; i++)
    if (strcmp(r->cc[i], l->address) == 0) {
      recipient_name(r->cc_agency[i], false, buf, len);
      return;
    }
  recipient_name(NULL, false, buf, len);
}

/* Who else receives item r besides the letter's own address, as one
 * sentence: "Đồng gửi: Sở B." for an item to act on; "Gửi Sở B để thực
 * hiện; đồng gửi: Sở C." for a copy. Empty when nobody else does. */
static void others_line(const struct reminder *r, const char *address,
                        bool copy, char *buf, size_t len)
{
  char name[512];
  size_t used = 0;
  buf[0] = '\0';
  if (copy) {
    recipient_name(r->to, r->escalation, name, sizeof name);
    used = (size_t)snprintf(buf, len, "Gửi %s %s", name,
                            r->escalation ? "để chỉ đạo" : "để thực hiện");
  }
  const char *sep = copy ? "; đồng gửi: " : "Đồng gửi: ";
  for (size_t i = 0; i < r->n_cc && used < len; i++) {
    if (strcmp(r->cc[i], address) == 0)
      continue;
    if (r->cc_agency[i])
      recipient_name(r->cc_agency[i], false, name, sizeof name);
    else
      snprintf(name, sizeof name, "%s", r->cc[i]);
    used += (size_t)snprintf(buf + used, len - used, "%s%s", sep, name);
    sep = ", ";
  }
  if (used > 0 && used < len)
    snprintf(buf + used, len - used, ".");
}

/* One numbered item in both parts: the sentence, its basis, who else
 * receives it. */
static void letter_item(FILE *t, FILE *h, size_t number,
                        const struct reminder *r, const char *address,
                        bool copy)
{
  const struct finding *f = r->f;
  const char *basis = finding_item_basis(f);
  char msg[2048], others[2048];
  message_for_finding(f, msg, sizeof msg);
  others_line(r, address, copy, others, sizeof others);
  fprintf(t, "%zu. %s\n", number, msg);
  fputs("<li>", h);
  compose_html_escaped(h, msg);
  if (basis) {
    fprintf(t, "   Căn cứ: %s\n", basis);
    fputs("<br><small>Căn cứ: ", h);
    compose_html_escaped(h, basis);
    fputs("</small>", h);
  }
  if (others[0]) {
    fprintf(t, "   %s\n", others);
    fputs("<br><small>", h);
    compose_html_escaped(h, others);
    fputs("</small>", h);
  }
  fputs("</li>\n", h);
}

char *compose_stream_close(FILE *f, char **buf)
{
  if (fclose(f) != 0) {
    free(*buf);
    return NULL;
  }
  return *buf;
}

/* Whether the letter asks its recipient for a report: one it must act on,
 * or a copy of a reminder about its own agency's report (the copy of its
 * escalation). Indicators are not sent by anyone, so the closing "if you
 * have sent it already…" would not apply to them. */
static bool letter_asks_report(const struct letter *l)
{
  for (size_t i = 0; i < l->n_act; i++)
    if (l->act[i]->f->obligation)
      return true;
  for (size_t i = 0; i < l->n_info; i++) {
    const struct finding *f = l->info[i]->f;
    if (f->obligation && f->agency && f->agency->email &&
        strcmp(f->agency->email, l->address) == 0)
      return true;
  }
  return false;
}

/* The body of a letter, both parts. */
static void letter_body(const struct jurisdiction *j, const struct letter *l,
                        const char *date, FILE *t, FILE *h)
{
  const struct message_texts *w = &j->texts;
  bool all_escalations = l->n_act > 0, must_send = letter_asks_report(l);
  char who[512];
  addressee(l, who, sizeof who);
  for (size_t i = 0; i < l->n_act; i++)
    all_escalations &= l->act[i]->escalation;
  expand(t, or_default(w->greeting, default_greeting), who, j->name, date,
         false);
  fputs("\n\n", t);
  expand(t, or_default(w->intro, default_intro), who, j->name, date, false);
  fputs("\n\n", t);
  fputs("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "</head><body>\n<p>", h);
  expand(h, or_default(w->greeting, default_greeting), who, j->name, date,
         true);
  fputs("</p>\n<p>", h);
  expand(h, or_default(w->intro, default_intro), who, j->name, date, true);
  fputs("</p>\n", h);
  if (l->n_act) {
    fputs("<ol>\n", h);
    for (size_t i = 0; i < l->n_act; i++)
      letter_item(t, h, i + 1, l->act[i], l->address, false);
    fputs("</ol>\n", h);
  }
  if (all_escalations) {
    const char *esc = l->n_act == 1
      ? "Báo cáo trên đã quá hạn lâu; thư này được gửi tới lãnh đạo cơ quan "
        "để chỉ đạo hoàn thành."
      : "Các báo cáo trên đã quá hạn lâu; thư này được gửi tới lãnh đạo cơ "
        "quan để chỉ đạo hoàn thành.";
    fprintf(t, "\n%s\n", esc);
    fprintf(h, "<p><strong>%s</strong></p>\n", esc);
  }
  if (l->n_info) {
    static const char copies[] =
      "Để biết — quý cơ quan nhận bản đồng gửi các nội dung sau:";
    fprintf(t, "%s%s\n", l->n_act ? "\n" : "", copies);
    fprintf(h, "<p>%s</p>\n<ol start=\"%zu\">\n", copies, l->n_act + 1);
    for (size_t i = 0; i < l->n_info; i++)
      letter_item(t, h, l->n_act + i + 1, l->info[i], l->address, true);
    fputs("</ol>\n", h);
  }
  if (must_send) {
    fputs("\n", t);
    expand(t, or_default(w->closing, default_closing), who, j->name, date,
           false);
    fputs("\n", t);
    fputs("<p>", h);
    expand(h, or_default(w->closing, default_closing), who, j->name, date,
           true);
    fputs("</p>\n", h);
  }
  if (j->plan) {
    fprintf(t, "\nCăn cứ kế hoạch: %s\n", j->plan);
    fputs("<p><small>Căn cứ kế hoạch: ", h);
    compose_html_escaped(h, j->plan);
    fputs("</small></p>\n", h);
  }
  fputs("\n-- \n", t);
  expand(t, or_default(w->signature, default_signature), who, j->name, date,
         false);
  fputs("\n", t);
  fputs("<p><small>", h);
  expand(h, or_default(w->signature, default_signature), who, j->name, date,
         true);
  fputs("</small></p>\n</body></html>\n", h);
}

/* The item at position i of the letter, its items to act on first. */
static const struct reminder *letter_at(const struct letter *l, size_t i,
                                        bool *copy)
{
  *copy = i >= l->n_act;
  return *copy ? l->info[i - l->n_act] : l->act[i];
}

/* The Message-ID names this address and this exact set of items, stages
 * and roles; References name the threads of the first items. */
static int letter_ids(const struct letter *l, const char *domain,
                      struct composed *out)
{
  char *keys = NULL, *refs = NULL, hash[17], buf[256];
  size_t klen, rlen, n = l->n_act + l->n_info;
  FILE *k = open_memstream(&keys, &klen);
  FILE *r = open_memstream(&refs, &rlen);
  if (k == NULL || r == NULL) {
    if (k) fclose(k);
    if (r) fclose(r);
    free(keys); free(refs);
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    bool copy;
    const struct reminder *x = letter_at(l, i, &copy);
    thread_id(x, domain, buf, sizeof buf);
    fprintf(k, "%s|%s|%s%s\n", buf, x->stage, l->address,
            copy ? "|copy" : "");
    if (i < 8)
      fprintf(r, "%s%s", i ? " " : "", buf);
  }
  if (compose_stream_close(k, &keys) == NULL) {
    fclose(r);
    free(refs);
    return -1;
  }
  if ((out->references = compose_stream_close(r, &refs)) == NULL) {
    free(keys);
    return -1;
  }
  compose_hash(keys, hash);
  free(keys);
  snprintf(buf, sizeof buf, "<dondoc-%s@%s>", hash, domain);
  if ((out->message_id = strdup(buf)) == NULL)
    return -1;
  if (n == 1) {
    bool copy;
    thread_id(letter_at(l, 0, &copy), domain, buf, sizeof buf);
    if ((out->in_reply_to = strdup(buf)) == NULL)
      return -1;
  }
  return 0;
}

int compose_email(const struct jurisdiction *j, const struct letter *l,
                  const char *domain, cal_day now, struct composed *out)
{
  char *sbuf = NULL, *tbuf = NULL, *hbuf = NULL;
  size_t slen, tlen, hlen;
  char date[CAL_DATE_LEN];
  memset(out, 0, sizeof *out);
  if (l->n_act + l->n_info == 0)
    return -1;
  FILE *s = open_memstream(&sbuf, &slen);
  FILE *t = open_memstream(&tbuf, &tlen);
  FILE *h = open_memstream(&hbuf, &hlen);
  if (!s || !t || !h) {
    if (s) fclose(s);
    if (t) fclose(t);
    if (h) fclose(h);
    free(sbuf); free(tbuf); free(hbuf);
    return -1;
  }
  cal_format_vn(now, date);
  subject_for(j, l, s);
  letter_body(j, l, date, t, h);
  out->subject = compose_stream_close(s, &sbuf);
  out->text = compose_stream_close(t, &tbuf);
  out->html = compose_stream_close(h, &hbuf);
  if (!out->subject || !out->text || !out->html ||
      letter_ids(l, domain, out) != 0) {
    composed_release(out);
    return -1;
  }
  return 0;
}

void compose_signature(FILE *out, const struct jurisdiction *j,
                       const char *date, bool html)
{
  expand(out, or_default(j->texts.signature, default_signature), "", j->name,
         date, html);
}

/* ---- the webhook payload ---------------------------------------------- */

static json_t *item_json(const struct reminder *r)
{
  const struct finding *f = r->f;
  char msg[2048], due[CAL_DATE_LEN], due_vn[CAL_DATE_LEN];
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  message_for_finding(f, msg, sizeof msg);
  cal_format(f->due, due);
  cal_format_vn(f->due, due_vn);
  int bad = json_object_set_new(o, "kind", json_string(finding_kind_name(f->kind))) |
            json_object_set_new(o, "stage", json_string(r->stage)) |
            json_object_set_new(o, "agency", r->to && !f->campaign ? json_string(r->to->id) : json_null()) |
            json_object_set_new(o, "agency_name", r->to && !f->campaign ? json_string(r->to->name) : json_null()) |
            json_object_set_new(o, "title", json_string(finding_item_title(f))) |
            json_object_set_new(o, "period", json_string(f->period.id)) |
            json_object_set_new(o, "due", json_string(due)) |
            json_object_set_new(o, "due_vn", json_string(due_vn)) |
            json_object_set_new(o, "days", json_integer(f->days)) |
            json_object_set_new(o, "escalation", json_boolean(r->escalation)) |
            json_object_set_new(o, "message", json_string(msg));
  if (f->obligation) {
    bad |= json_object_set_new(o, "obligation", json_string(f->obligation->id));
  } else if (f->campaign) {
    char from[CAL_DATE_LEN], to[CAL_DATE_LEN];
    cal_format(f->period.start, from);
    cal_format(f->period.end, to);
    bad |= json_object_set_new(o, "campaign", json_string(f->campaign->id)) |
           json_object_set_new(o, "agencies", json_array()) |
           json_object_set_new(o, "window_from", json_string(from)) |
           json_object_set_new(o, "window_to", json_string(to)) |
           json_object_set_new(o, "day", f->kind == FIND_CAMPAIGN_ACTIVE ? json_integer(f->window_day) : json_null()) |
           json_object_set_new(o, "days_in_window", json_integer(f->period.end - f->period.start + 1));
  } else {
    bad |= json_object_set_new(o, "indicator", json_string(f->indicator->id)) |
           json_object_set_new(o, "unit", json_string(f->indicator->unit)) |
           json_object_set_new(o, "value", f->has_value ? json_real(f->value) : json_null()) |
           json_object_set_new(o, "target", json_real(f->target)) |
           json_object_set_new(o, "target_year", json_integer(f->target_year)) |
           json_object_set_new(o, "expected", f->has_expected ? json_real(f->expected) : json_null()) |
           json_object_set_new(o, "projected", f->has_projection ? json_real(f->projected) : json_null());
  }
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* A campaign is told to every member, one reminder each; a chat reads
 * better with one item per campaign and stage, listing the members told
 * (`agencies`). made[k] is the item reminder k went into; returns the one
 * an earlier reminder about the same campaign finding and stage made, or
 * NULL. */
static json_t *campaign_item(const struct reminder *const *items,
                             json_t *const *made, size_t i)
{
  for (size_t k = 0; k < i; k++)
    if (items[k]->f == items[i]->f &&
        strcmp(items[k]->stage, items[i]->stage) == 0)
      return made[k];
  return NULL;
}

char *compose_payload(const struct jurisdiction *j,
                      const struct reminder *const *items, size_t n,
                      const char *id, cal_day now, int minute,
                      int utc_offset_minutes)
{
  char stamp[40], date[CAL_DATE_LEN];
  size_t counts[FIND_N_KINDS] = {0};
  cal_format(now, date);
  int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  snprintf(stamp, sizeof stamp, "%sT%02d:%02d:00%c%02d:%02d", date,
           minute / 60, minute % 60, utc_offset_minutes < 0 ? '-' : '+',
           off / 60, off % 60);
  json_t *root = json_object(), *jur = json_object(), *sum = json_object();
  json_t *arr = json_array();
  int bad = !root || !jur || !sum || !arr;
  json_t **made = malloc((n ? n : 1) * sizeof *made);
  bad |= made == NULL;
  for (size_t i = 0; i < n && !bad; i++) {
    const struct reminder *r = items[i];
    counts[r->f->kind]++;
    json_t *it = r->f->campaign ? campaign_item(items, made, i) : NULL;
    if (it == NULL) {
      it = item_json(r);
      bad = it == NULL || json_array_append_new(arr, it) != 0;
    }
    made[i] = it;                  /* arr holds it: borrowed */
    if (!bad && r->f->campaign && r->to)
      bad = json_array_append_new(json_object_get(it, "agencies"),
                                  json_string(r->to->id)) != 0;
  }
  free(made);
  if (!bad) {
    static const enum finding_kind shown[] = {
      FIND_OVERDUE, FIND_DUE_SOON, FIND_OFF_TRACK, FIND_AT_RISK, FIND_NO_DATA
    };
    for (size_t k = 0; k < sizeof shown / sizeof *shown; k++)
      bad |= json_object_set_new(sum, finding_kind_name(shown[k]),
                                 json_integer((json_int_t)counts[shown[k]]));
    /* "upcoming" items are reminders before the due-soon window */
    bad |= json_object_set_new(jur, "id", json_string(j->id)) |
           json_object_set_new(jur, "name", json_string(j->name)) |
           json_object_set_new(jur, "plan", j->plan ? json_string(j->plan) : json_null()) |
           json_object_set_new(root, "type", json_string("dondoc.reminders")) |
           json_object_set_new(root, "version", json_integer(COMPOSE_PAYLOAD_VERSION)) |
           json_object_set_new(root, "id", json_string(id)) |
           json_object_set_new(root, "timestamp", json_string(stamp)) |
           json_object_set(root, "jurisdiction", jur) |
           json_object_set(root, "summary", sum) |
           json_object_set(root, "items", arr);
  }
  char *out = bad ? NULL : json_dumps(root, JSON_COMPACT);
  json_decref(root);
  json_decref(jur);
  json_decref(sum);
  json_decref(arr);
  return out;
}
