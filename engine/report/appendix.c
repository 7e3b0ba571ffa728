/*
 * appendix.c — the rows of the appendix-01 table (report.h): "Kết quả thực
 * hiện các mục tiêu, chỉ tiêu" as the provincial plans print it (seed 003,
 * Phụ lục 01 of QĐ 373/QĐ-UBND Bắc Ninh): TT, Mục tiêu/chỉ tiêu, Kết quả
 * năm N, Đơn vị tính, Đơn vị chủ trì, Kỳ báo cáo.
 *
 * The layout comes from the rules alone, so every province gets its table
 * without declaring one: a row per goal (`goal`, numbered I, II …, in the
 * order the goals first appear), under it a row per indicator in the
 * rules' order (1, 2 …), its title followed by its targets and, where the
 * province set its own, the national one ("TW"); the parts of one
 * indicator (ids m3.2a, m3.2b) as 2.1, 2.2 under a row 2 that names them;
 * a ratio's two counts follow it as k.1 (the total) and k.2 (of which),
 * as the plans' "Tổng số … / Trong đó …" lines do. Counts that feed a
 * ratio appear only there.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static int add_row(struct report *r, enum report_row_level level,
                   const char *tt, char *title, const struct indicator *ind)
{
  if (title == NULL)
    return -1;
  struct report_row *nv = realloc(r->rows, (r->n_rows + 1) * sizeof *nv);
  if (nv == NULL) {
    free(title);
    return -1;
  }
  r->rows = nv;
  struct report_row *row = &r->rows[r->n_rows++];
  memset(row, 0, sizeof *row);
  row->level = level;
  snprintf(row->tt, sizeof row->tt, "%s", tt);
  row->title = title;
  row->ind = ind;
  return 0;
}

/* The value for the report's year: the latest period of the indicator's
 * cadence that ends in that year and has one; and the latest before it,
 * which the page shows beside an empty cell. */
static void year_value(const struct report *r, struct report_row *row)
{
  size_t i = (size_t)(row->ind - r->j->indicators);
  for (size_t k = 0; k < r->n_values[i]; k++) {
    const struct report_point *p = &r->values[i][k];
    int y, m, d;
    cal_to_ymd(p->period.end, &y, &m, &d);
    if (y == r->year) {
      row->has_value = true;
      row->value = p->y;
      snprintf(row->period, sizeof row->period, "%s", p->period.id);
    } else if (y < r->year) {
      row->has_earlier = true;
      row->earlier = p->y;
      snprintf(row->earlier_period, sizeof row->earlier_period, "%s",
               p->period.id);
    }
  }
}

/* "IV" for goal "4"; the goal's own text when it is not a number. */
static void goal_number(const char *goal, char *buf, size_t len)
{
  static const struct { int v; const char *s; } roman[] = {
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
    {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"},
    {4, "IV"}, {1, "I"},
  };
  char *end;
  long n = goal[0] >= '0' && goal[0] <= '9' ? strtol(goal, &end, 10) : 0;
  if (n <= 0 || n > 3999 || *end != '\0') {
    snprintf(buf, len, "%s", goal);
    return;
  }
  buf[0] = '\0';
  for (size_t i = 0; i < sizeof roman / sizeof *roman; i++)
    while (n >= roman[i].v) {
      strncat(buf, roman[i].s, len - strlen(buf) - 1);
      n -= roman[i].v;
    }
}

/* "Chỉ tiêu 2a: <title>; mục tiêu: không quá 20% năm 2025 (TW 30%), …";
 * `label` is "2", or "2a" for a part. */
static char *indicator_title(const struct indicator *ind, const char *label)
{
  char *text = NULL;
  size_t len;
  FILE *f = open_memstream(&text, &len);
  if (f == NULL)
    return NULL;
  fprintf(f, "Chỉ tiêu %s: %s", label, ind->title);
  for (size_t i = 0; i < ind->n_targets; i++) {
    char words[192], parent[192];
    const struct target *t = &ind->targets[i];
    report_target_words(ind, t->value, words, sizeof words);
    fprintf(f, "%s%s năm %d", i == 0 ? "; mục tiêu: " : ", ", words, t->year);
    for (size_t p = 0; p < ind->n_parent_targets; p++)
      if (ind->parent_targets[p].year == t->year &&
          ind->parent_targets[p].value != t->value) {
        report_value(ind, ind->parent_targets[p].value, parent,
                     sizeof parent);
        fprintf(f, " (TW %s)", parent);
      }
  }
  if (fclose(f) != 0) {
    free(text);
    return NULL;
  }
  return text;
}

static const struct indicator *find(const struct jurisdiction *j,
                                    const char *id)
{
  return id ? model_indicator(j, id) : NULL;
}

/* Whether ind is one of the counts a ratio of j is computed from. */
static bool feeds_ratio(const struct jurisdiction *j,
                        const struct indicator *ind)
{
  for (size_t i = 0; i < j->n_indicators; i++) {
    const struct indicator *x = &j->indicators[i];
    if (x->is_ratio && (strcmp(x->num, ind->id) == 0 ||
                        strcmp(x->den, ind->id) == 0))
      return true;
  }
  return false;
}

static bool same_goal(const char *a, const char *b)
{
  return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The length of id without its part letter ("m3.2a" → 4), or 0 when it
 * has none: a lowercase letter right after a digit, at the end. */
static size_t stem(const char *id)
{
  size_t n = strlen(id);
  return n >= 2 && id[n - 1] >= 'a' && id[n - 1] <= 'z' &&
         id[n - 2] >= '0' && id[n - 2] <= '9' ? n - 1 : 0;
}

static bool same_stem(const struct indicator *a, const struct indicator *b)
{
  size_t n = stem(a->id);
  return n > 0 && n == stem(b->id) && strncmp(a->id, b->id, n) == 0;
}

/* One indicator's row (TT `tt`, labelled `label`) and, for a ratio, its
 * two counts under it: the total (TT.1), then of which (TT.2). */
static int indicator_rows(struct report *r, const struct indicator *ind,
                          const char *tt, const char *label)
{
  const struct jurisdiction *j = r->j;
  char sub[24];
  if (add_row(r, ROW_INDICATOR, tt, indicator_title(ind, label), ind) != 0)
    return -1;
  year_value(r, &r->rows[r->n_rows - 1]);
  const struct indicator *parts[2] = {
    ind->is_ratio ? find(j, ind->den) : NULL,
    ind->is_ratio ? find(j, ind->num) : NULL,
  };
  for (size_t p = 0; p < 2; p++) {
    if (parts[p] == NULL)
      continue;
    snprintf(sub, sizeof sub, "%s.%zu", tt, p + 1);
    if (add_row(r, ROW_COUNT, sub, strdup(parts[p]->title), parts[p]) != 0)
      return -1;
    year_value(r, &r->rows[r->n_rows - 1]);
  }
  return 0;
}

/* A goal's rows. Its indicators are numbered in the rules' order; those
 * whose ids differ only by a final letter (m3.2a, m3.2b: "chỉ tiêu 2a,
 * 2b" of the strategy) are the parts of one: a row "2" that names them,
 * then "2.1", "2.2". */
static int goal_rows(struct report *r, const char *goal)
{
  const struct jurisdiction *j = r->j;
  const struct indicator **v = malloc((j->n_indicators ? j->n_indicators : 1)
                                      * sizeof *v);
  char tt[24], label[32], *title = NULL;
  size_t n = 0, k = 0;
  if (v == NULL)
    return -1;
  for (size_t i = 0; i < j->n_indicators; i++) {
    const struct indicator *ind = &j->indicators[i];
    if (same_goal(ind->goal, goal) &&
        !(ind->n_targets == 0 && feeds_ratio(j, ind)))
      v[n++] = ind;
  }
  goal_number(goal ? goal : "", tt, sizeof tt);
  if (goal && goal[0]) {
    size_t len = strlen(goal) + 16;
    if ((title = malloc(len)) != NULL)
      snprintf(title, len, "Mục tiêu %s", goal);
  } else {
    title = strdup("Chỉ tiêu khác");
  }
  int rc = add_row(r, ROW_GOAL, tt, title, NULL);
  for (size_t i = 0; i < n && rc == 0;) {
    size_t run = 1;
    while (i + run < n && same_stem(v[i], v[i + run]))
      run++;
    k++;
    snprintf(tt, sizeof tt, "%zu", k);
    if (run == 1) {
      rc = indicator_rows(r, v[i], tt, tt);
      i++;
      continue;
    }
    /* "Chỉ tiêu 2 (2a, 2b)" */
    char *heading = NULL;
    size_t len;
    FILE *f = open_memstream(&heading, &len);
    if (f != NULL) {
      fprintf(f, "Chỉ tiêu %zu (", k);
      for (size_t p = 0; p < run; p++)
        fprintf(f, "%s%zu%s", p ? ", " : "", k, v[i + p]->id + stem(v[i]->id));
      fputc(')', f);
      if (fclose(f) != 0) {
        free(heading);
        heading = NULL;
      }
    }
    rc = add_row(r, ROW_GROUP, tt, heading, NULL);
    for (size_t p = 0; p < run && rc == 0; p++) {
      snprintf(tt, sizeof tt, "%zu.%zu", k, p + 1);
      snprintf(label, sizeof label, "%zu%s", k, v[i + p]->id + stem(v[i]->id));
      rc = indicator_rows(r, v[i + p], tt, label);
    }
    i += run;
  }
  free(v);
  return rc;
}

int report_rows_build(struct report *r)
{
  const struct jurisdiction *j = r->j;
  for (size_t i = 0; i < j->n_indicators; i++) {
    const char *goal = j->indicators[i].goal;
    bool seen = false;
    for (size_t k = 0; k < i && !seen; k++)
      seen = same_goal(j->indicators[k].goal, goal);
    if (!seen && goal_rows(r, goal) != 0)
      return -1;
  }
  return 0;
}
