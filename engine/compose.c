/*
 * compose.c — subjects, bodies and payloads for reminders.
 *
 * Text is built with open_memstream, so no length has to be guessed; HTML
 * gets the same content with its special characters escaped.
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

static void html_escaped(FILE *out, const char *s)
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

/* The thread a reminder belongs to: one per report (or indicator) and
 * period, whatever the stage, so every reminder about it threads. */
static void thread_id(const struct reminder *r, const char *domain, char *buf,
                      size_t len)
{
  char key[512], h[17];
  const struct finding *f = r->f;
  snprintf(key, sizeof key, "%s|%s|%s|%s", f->j->id,
           f->obligation ? f->obligation->id : f->indicator->id,
           f->agency ? f->agency->id : "", f->period.id);
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
  html_escaped(out, buf);
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
        html_escaped(out, value);
      else
        fputs(value, out);
      text += skip;
    } else {
      char one[2] = {*text++, '\0'};
      if (html)
        html_escaped(out, one);
      else
        fputs(one, out);
    }
  }
}

static const char *or_default(const char *set, const char *dflt)
{
  return set ? set : dflt;
}

static const char *item_title(const struct finding *f)
{
  return f->obligation ? f->obligation->title : f->indicator->title;
}

static void subject_for(const struct jurisdiction *j,
                        const struct reminder *const *items, size_t n,
                        FILE *out)
{
  size_t overdue = 0, soon = 0, indicators = 0, escalated = 0;
  for (size_t i = 0; i < n; i++) {
    const struct finding *f = items[i]->f;
    if (items[i]->escalation)
      escalated++;
    if (f->indicator)
      indicators++;
    else if (f->kind == FIND_OVERDUE)
      overdue++;
    else
      soon++;
  }
  if (j->texts.subject_prefix)
    fprintf(out, "%s ", j->texts.subject_prefix);
  else
    fprintf(out, "[%s] ", j->name);
  if (n == 1) {
    const struct finding *f = items[0]->f;
    if (f->indicator)
      fprintf(out, "Chỉ tiêu cần quan tâm: %s", item_title(f));
    else if (f->kind == FIND_OVERDUE)
      fprintf(out, "%sQuá hạn %d ngày: %s kỳ %s",
              items[0]->escalation ? "Đề nghị chỉ đạo — " : "", f->days,
              item_title(f), f->period.id);
    else if (f->days == 0)
      fprintf(out, "Hạn hôm nay: %s kỳ %s", item_title(f), f->period.id);
    else
      fprintf(out, "Còn %d ngày: %s kỳ %s", f->days, item_title(f),
              f->period.id);
    return;
  }
  fputs(escalated ? "Đề nghị chỉ đạo: " : "Nhắc việc: ", out);
  const char *sep = "";
  if (overdue) {
    fprintf(out, "%zu báo cáo quá hạn", overdue);
    sep = ", ";
  }
  if (soon) {
    fprintf(out, "%s%zu báo cáo sắp đến hạn", sep, soon);
    sep = ", ";
  }
  if (indicators)
    fprintf(out, "%s%zu chỉ tiêu cần quan tâm", sep, indicators);
}

static char *stream_close(FILE *f, char **buf)
{
  if (fclose(f) != 0) {
    free(*buf);
    return NULL;
  }
  return *buf;
}

int compose_email(const struct jurisdiction *j,
                  const struct reminder *const *items, size_t n,
                  const char *domain, cal_day now, struct composed *out)
{
  char *sbuf = NULL, *tbuf = NULL, *hbuf = NULL, *rbuf = NULL;
  size_t slen, tlen, hlen, rlen;
  char msg[2048], date[CAL_DATE_LEN];
  memset(out, 0, sizeof *out);
  FILE *s = open_memstream(&sbuf, &slen);
  FILE *t = open_memstream(&tbuf, &tlen);
  FILE *h = open_memstream(&hbuf, &hlen);
  FILE *r = open_memstream(&rbuf, &rlen);
  if (!s || !t || !h || !r) {
    if (s) fclose(s);
    if (t) fclose(t);
    if (h) fclose(h);
    if (r) fclose(r);
    free(sbuf); free(tbuf); free(hbuf); free(rbuf);
    return -1;
  }
  const struct agency *to = items[0]->to;
  bool escalation = items[0]->escalation;
  cal_format_vn(now, date);
  subject_for(j, items, n, s);

  const struct message_texts *w = &j->texts;
  char who[512];
  snprintf(who, sizeof who, "%s%s", escalation ? "Lãnh đạo " : "",
           to ? to->name : "quý cơ quan");
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
  fputs("</p>\n<ol>\n", h);
  for (size_t i = 0; i < n; i++) {
    const struct finding *f = items[i]->f;
    const char *basis = f->obligation ? f->obligation->basis
                                      : f->indicator->basis;
    char thread[128];
    message_for_finding(f, msg, sizeof msg);
    fprintf(t, "%zu. %s\n", i + 1, msg);
    fputs("<li>", h);
    html_escaped(h, msg);
    if (basis) {
      fprintf(t, "   Căn cứ: %s\n", basis);
      fputs("<br><small>Căn cứ: ", h);
      html_escaped(h, basis);
      fputs("</small>", h);
    }
    fputs("</li>\n", h);
    if (i < 8) {
      thread_id(items[i], domain, thread, sizeof thread);
      fprintf(r, "%s%s", i ? " " : "", thread);
    }
  }
  fputs("</ol>\n", h);
  if (escalation) {
    static const char esc[] =
      "Các báo cáo trên đã quá hạn lâu; thư này được gửi tới lãnh đạo cơ "
      "quan, đồng gửi Thường trực Ban, để chỉ đạo hoàn thành.";
    fprintf(t, "\n%s\n", esc);
    fprintf(h, "<p><strong>%s</strong></p>\n", esc);
  }
  fputs("\n", t);
  expand(t, or_default(w->closing, default_closing), who, j->name, date,
         false);
  fputs("\n", t);
  fputs("<p>", h);
  expand(h, or_default(w->closing, default_closing), who, j->name, date,
         true);
  fputs("</p>\n", h);
  if (j->plan) {
    fprintf(t, "\nCăn cứ kế hoạch: %s\n", j->plan);
    fputs("<p><small>Căn cứ kế hoạch: ", h);
    html_escaped(h, j->plan);
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

  out->subject = stream_close(s, &sbuf);
  out->text = stream_close(t, &tbuf);
  out->html = stream_close(h, &hbuf);
  out->references = stream_close(r, &rbuf);
  if (!out->subject || !out->text || !out->html || !out->references) {
    composed_release(out);
    return -1;
  }
  /* The Message-ID names this exact set of items and stages. */
  char *keys = NULL, hash[17];
  size_t klen;
  FILE *k = open_memstream(&keys, &klen);
  if (k == NULL) {
    composed_release(out);
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    thread_id(items[i], domain, msg, sizeof msg);
    fprintf(k, "%s|%s|%s\n", msg, items[i]->stage,
            items[i]->to_address ? items[i]->to_address : "");
  }
  if (stream_close(k, &keys) == NULL) {
    composed_release(out);
    return -1;
  }
  compose_hash(keys, hash);
  free(keys);
  snprintf(msg, sizeof msg, "<dondoc-%s@%s>", hash, domain);
  out->message_id = strdup(msg);
  if (n == 1) {
    thread_id(items[0], domain, msg, sizeof msg);
    out->in_reply_to = strdup(msg);
  }
  if (out->message_id == NULL || (n == 1 && out->in_reply_to == NULL)) {
    composed_release(out);
    return -1;
  }
  return 0;
}

static int by_agency(const void *a, const void *b)
{
  const struct finding *x = *(const struct finding *const *)a;
  const struct finding *y = *(const struct finding *const *)b;
  int r = strcmp(x->agency ? x->agency->name : "",
                 y->agency ? y->agency->name : "");
  return r ? r : (x->due > y->due) - (x->due < y->due);
}

/* A titled list of lines in both parts of the digest; nothing when empty. */
static void digest_list(FILE *t, FILE *h, const char *title,
                        const char *const *lines, size_t n)
{
  if (n == 0)
    return;
  fprintf(t, "\n%s: %zu\n", title, n);
  fputs("<h3>", h);
  html_escaped(h, title);
  fprintf(h, ": %zu</h3>\n<ul>\n", n);
  for (size_t i = 0; i < n; i++) {
    fprintf(t, "  - %s\n", lines[i]);
    fputs("<li>", h);
    html_escaped(h, lines[i]);
    fputs("</li>\n", h);
  }
  fputs("</ul>\n", h);
}

int compose_digest(const struct jurisdiction *j, const struct findings *f,
                   const char *const *no_address, size_t n_no_address,
                   const char *const *failures, size_t n_failures,
                   const char *domain, cal_day now, struct composed *out)
{
  char *tbuf = NULL, *hbuf = NULL, date[CAL_DATE_LEN], due[CAL_DATE_LEN];
  char msg[2048], key[256], hash[17];
  size_t tlen, hlen, n_overdue = 0, n_ind = 0;
  const struct finding **v = malloc((f->n ? f->n : 1) * sizeof *v);
  memset(out, 0, sizeof *out);
  FILE *t = open_memstream(&tbuf, &tlen);
  FILE *h = open_memstream(&hbuf, &hlen);
  if (v == NULL || t == NULL || h == NULL) {
    if (t) fclose(t);
    if (h) fclose(h);
    free(tbuf); free(hbuf); free(v);
    return -1;
  }
  for (size_t i = 0; i < f->n; i++)
    if (f->v[i].j == j && f->v[i].obligation && f->v[i].kind == FIND_OVERDUE)
      v[n_overdue++] = &f->v[i];
  qsort(v, n_overdue, sizeof *v, by_agency);
  for (size_t i = 0; i < f->n; i++)
    if (f->v[i].j == j && f->v[i].indicator &&
        (f->v[i].kind == FIND_OFF_TRACK || f->v[i].kind == FIND_AT_RISK ||
         f->v[i].kind == FIND_NO_DATA))
      n_ind++;

  cal_format_vn(now, date);
  fprintf(t, "Tình hình theo dõi, đôn đốc ngày %s — %s\n\n", date, j->name);
  fputs("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "</head><body>\n<h2>", h);
  fprintf(h, "Tình hình ngày %s — ", date);
  html_escaped(h, j->name);
  fputs("</h2>\n", h);

  fprintf(t, "I. Báo cáo quá hạn: %zu\n", n_overdue);
  fprintf(h, "<h3>I. Báo cáo quá hạn: %zu</h3>\n<ul>\n", n_overdue);
  for (size_t i = 0; i < n_overdue; i++) {
    const struct finding *x = v[i];
    if (i == 0 || x->agency != v[i - 1]->agency) {
      fprintf(t, "  %s\n", x->agency ? x->agency->name : "?");
      fputs(i ? "</ul></li>\n<li>" : "<li>", h);
      html_escaped(h, x->agency ? x->agency->name : "?");
      fputs("<ul>\n", h);
    }
    cal_format_vn(x->due, due);
    snprintf(msg, sizeof msg, "%s kỳ %s: hạn %s, quá %d ngày",
             x->obligation->title, x->period.id, due, x->days);
    fprintf(t, "    - %s\n", msg);
    fputs("<li>", h);
    html_escaped(h, msg);
    fputs("</li>\n", h);
  }
  fputs(n_overdue ? "</ul></li>\n</ul>\n" : "</ul>\n", h);

  fprintf(t, "\nII. Chỉ tiêu chậm tiến độ, có nguy cơ hoặc chưa có số liệu: "
          "%zu\n", n_ind);
  fprintf(h, "<h3>II. Chỉ tiêu cần quan tâm: %zu</h3>\n<ul>\n", n_ind);
  for (size_t i = 0; i < f->n; i++) {
    const struct finding *x = &f->v[i];
    if (x->j != j || !x->indicator ||
        (x->kind != FIND_OFF_TRACK && x->kind != FIND_AT_RISK &&
         x->kind != FIND_NO_DATA))
      continue;
    message_for_finding(x, msg, sizeof msg);
    fprintf(t, "  - [%s] %s\n", finding_kind_name(x->kind), msg);
    fputs("<li>", h);
    html_escaped(h, msg);
    fputs("</li>\n", h);
  }
  fputs("</ul>\n", h);

  digest_list(t, h, "III. Chưa gửi được nhắc nhở vì cơ quan chưa có địa "
              "chỉ thư", no_address, n_no_address);
  digest_list(t, h, "IV. Thư, webhook gửi không thành công (đã dừng gửi "
              "lại)", failures, n_failures);
  const char *sig = or_default(j->texts.signature, default_signature);
  fputs("\n-- \n", t);
  expand(t, sig, "", j->name, date, false);
  fputs("\n", t);
  fputs("<p><small>", h);
  expand(h, sig, "", j->name, date, true);
  fputs("</small></p>\n</body></html>\n", h);
  free(v);
  out->text = stream_close(t, &tbuf);
  out->html = stream_close(h, &hbuf);
  char prefix[256];
  if (j->texts.subject_prefix)
    snprintf(prefix, sizeof prefix, "%s", j->texts.subject_prefix);
  else
    snprintf(prefix, sizeof prefix, "[%s]", j->name);
  snprintf(msg, sizeof msg, "%s Tổng hợp ngày %s: %zu báo cáo quá hạn, "
           "%zu chỉ tiêu cần quan tâm", prefix, date, n_overdue, n_ind);
  out->subject = strdup(msg);
  cal_format(now, due);
  snprintf(key, sizeof key, "digest|%s|%s", j->id, due);
  compose_hash(key, hash);
  snprintf(msg, sizeof msg, "<dondoc-digest-%s@%s>", hash, domain);
  out->message_id = strdup(msg);
  if (!out->text || !out->html || !out->subject || !out->message_id) {
    composed_release(out);
    return -1;
  }
  return 0;
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
            json_object_set_new(o, "agency", f->agency ? json_string(f->agency->id) : json_null()) |
            json_object_set_new(o, "agency_name", f->agency ? json_string(f->agency->name) : json_null()) |
            json_object_set_new(o, "title", json_string(item_title(f))) |
            json_object_set_new(o, "period", json_string(f->period.id)) |
            json_object_set_new(o, "due", json_string(due)) |
            json_object_set_new(o, "due_vn", json_string(due_vn)) |
            json_object_set_new(o, "days", json_integer(f->days)) |
            json_object_set_new(o, "escalation", json_boolean(r->escalation)) |
            json_object_set_new(o, "message", json_string(msg));
  if (f->obligation) {
    bad |= json_object_set_new(o, "obligation", json_string(f->obligation->id));
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
  for (size_t i = 0; i < n && !bad; i++) {
    json_t *it = item_json(items[i]);
    counts[items[i]->f->kind]++;
    bad = it == NULL || json_array_append_new(arr, it) != 0;
  }
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
