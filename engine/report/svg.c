/*
 * svg.c — an indicator's chart for the HTML report (report.h), as inline
 * SVG: no script, no outside asset, the page's CSS gives the colours.
 *
 * On a time axis in years (a period sits where cal_period_axis puts it,
 * as evaluate.c reads it): the observed values joined by a line; the path
 * the status is judged against — from its start (the baseline, else the
 * first value) through each target, each leg flat when its start already
 * meets its end, as evaluate.c draws it —; a marker per target, the
 * national target apart when the province set its own; the value the path
 * expects at the judged period; the projection, from the last value to
 * the trend's value at the target year; and today. Every mark carries a
 * <title> with its figure in words, and a class the tests look for
 * (obs, path, target, national, expected, projection, now).
 */
#include "report.h"

#include <math.h>
#include <string.h>

#include "messages.h"

#define W 640.0
#define H 230.0
#define LEFT 58.0
#define RIGHT 20.0
#define TOP 18.0
#define BOTTOM 30.0

struct frame {
  double x0, x1, y0, y1;         /* the data's ranges */
  double step;                   /* between y ticks */
};

static double px(const struct frame *f, double x)
{
  return LEFT + (x - f->x0) / (f->x1 - f->x0) * (W - LEFT - RIGHT);
}

static double py(const struct frame *f, double y)
{
  return H - BOTTOM - (y - f->y0) / (f->y1 - f->y0) * (H - TOP - BOTTOM);
}

static void widen(double *lo, double *hi, double v)
{
  if (!isfinite(v))
    return;
  if (v < *lo)
    *lo = v;
  if (v > *hi)
    *hi = v;
}

/* 1, 2, 2.5 or 5 × a power of ten, about a quarter of the span. */
static double nice_step(double span)
{
  double raw = span / 4, mag = pow(10, floor(log10(raw)));
  double steps[] = {1, 2, 2.5, 5, 10};
  for (size_t i = 0; i < 5; i++)
    if (raw <= steps[i] * mag)
      return steps[i] * mag;
  return 10 * mag;
}

static struct frame frame_for(const struct report *r,
                              const struct report_indicator *ri)
{
  const struct indicator *ind = ri->ind;
  const struct finding *st = ri->status;
  struct frame f = {.x0 = r->year, .x1 = r->year, .y0 = INFINITY,
                    .y1 = -INFINITY};
  if (ind->has_baseline) {
    widen(&f.x0, &f.x1, ind->baseline_year);
    widen(&f.y0, &f.y1, ind->baseline_value);
  }
  for (size_t i = 0; i < ri->n_series; i++) {
    widen(&f.x0, &f.x1, ri->series[i].x);
    widen(&f.y0, &f.y1, ri->series[i].y);
  }
  for (size_t i = 0; i < ri->n_targets; i++) {
    widen(&f.x0, &f.x1, ri->targets[i].year);
    widen(&f.y0, &f.y1, ri->targets[i].value);
    if (ri->targets[i].has_parent)
      widen(&f.y0, &f.y1, ri->targets[i].parent);
  }
  if (st && st->has_projection)
    widen(&f.y0, &f.y1, st->projected);
  if (st && st->has_expected)
    widen(&f.y0, &f.y1, st->expected);
  f.x0 = floor(f.x0 - 0.5);
  f.x1 = ceil(f.x1 + 0.3);
  if (ind->direction == DIR_YES_NO) {
    f.y0 = 0;
    f.y1 = 1;
    f.step = 1;
    return f;
  }
  if (!isfinite(f.y0)) {             /* nothing to plot but the axes */
    f.y0 = 0;
    f.y1 = 1;
  }
  double pad = (f.y1 - f.y0) * 0.1;
  if (pad < 1e-9)
    pad = fabs(f.y1) > 1e-9 ? fabs(f.y1) * 0.1 : 1;
  f.y0 -= pad;
  f.y1 += pad;
  /* a share stays within 0–100% */
  if (strcmp(ind->unit, "%") == 0) {
    if (f.y0 < 0)
      f.y0 = 0;
    if (f.y1 > 100)
      f.y1 = 100;
  } else if (f.y0 < 0 && f.y0 + pad >= 0) {
    f.y0 = 0;                        /* counts and rates are not negative */
  }
  f.step = nice_step(f.y1 - f.y0);
  f.y0 = floor(f.y0 / f.step) * f.step;
  f.y1 = ceil(f.y1 / f.step) * f.step;
  if (f.y1 - f.y0 < f.step)
    f.y1 = f.y0 + f.step;
  return f;
}

static void axes(FILE *out, const struct report *r,
                 const struct report_indicator *ri, const struct frame *f)
{
  char label[64];
  fputs("<g class=\"grid\">", out);
  for (double y = f->y0; y <= f->y1 + f->step * 1e-6; y += f->step) {
    report_number(ri->ind, y, label, sizeof label);
    fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>"
            "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
            LEFT, W - RIGHT, py(f, y), py(f, y), LEFT - 6, py(f, y) + 4);
    report_html_text(out, label);
    fputs("</text>", out);
  }
  int span = (int)(f->x1 - f->x0), every = span > 12 ? 2 : 1;
  for (int x = (int)f->x0 + 1; x <= (int)f->x1; x += every)
    fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
            "text-anchor=\"middle\">%d</text>", px(f, x), H - BOTTOM + 18,
            x);
  fputs("</g>", out);
  /* on the axis, Y is the end of year Y (cal_period_axis) */
  double today = cal_day_to_year(r->now) - 1;
  if (today >= f->x0 && today <= f->x1)
    fprintf(out, "<line class=\"now\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
            "y2=\"%.1f\"><title>Hôm nay</title></line>", px(f, today),
            px(f, today), TOP, H - BOTTOM);
}

/* As evaluate.c: the straight path is a guide, on it counts for every
 * direction. */
static bool meets_path(const struct indicator *ind, double v, double goal)
{
  return model_direction_falls(ind->direction) ? v <= goal + 1e-9
                                               : v >= goal - 1e-9;
}

static void path(FILE *out, const struct report_indicator *ri,
                 const struct frame *f)
{
  const struct indicator *ind = ri->ind;
  if (ind->direction == DIR_YES_NO || ri->n_targets == 0)
    return;
  double sx = NAN, sy = NAN;
  int first = ri->targets[0].year;
  if (ind->has_baseline && ind->baseline_year < first) {
    sx = ind->baseline_year;
    sy = ind->baseline_value;
  } else if (ri->n_series > 0 && ri->series[0].x < first) {
    sx = ri->series[0].x;
    sy = ri->series[0].y;
  }
  fputs("<polyline class=\"path\" points=\"", out);
  for (size_t i = 0; i < ri->n_targets; i++) {
    double tx = ri->targets[i].year, ty = ri->targets[i].value;
    if (isfinite(sx))    /* each leg starts flat when its start meets it */
      fprintf(out, "%.1f,%.1f ", px(f, sx),
              py(f, meets_path(ind, sy, ty) ? ty : sy));
    fprintf(out, "%.1f,%.1f ", px(f, tx), py(f, ty));
    sx = tx;
    sy = ty;
  }
  fputs("\"><title>Lộ trình đến mục tiêu</title></polyline>", out);
}

static void diamond(FILE *out, const char *cls, double x, double y)
{
  fprintf(out, "<path class=\"%s\" d=\"M%.1f %.1fl6 6-6 6-6-6z\"/>", cls, x,
          y - 6);
}

static void targets(FILE *out, const struct report_indicator *ri,
                    const struct frame *f)
{
  const struct indicator *ind = ri->ind;
  char words[192], value[128];
  for (size_t i = 0; i < ri->n_targets; i++) {
    const struct report_target *t = &ri->targets[i];
    double x = px(f, t->year), y = py(f, t->value);
    report_target_words(ind, t->value, words, sizeof words);
    report_value(ind, t->value, value, sizeof value);
    fprintf(out, "<g class=\"target\" data-year=\"%d\"><title>Mục tiêu năm "
            "%d: ", t->year, t->year);
    report_html_text(out, words);
    fputs("</title>", out);
    diamond(out, "mark", x, y);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", x - 9,
            y - 7);
    report_html_text(out, value);
    fputs("</text></g>", out);
    if (!t->has_parent || t->parent == t->value)
      continue;
    double yp = py(f, t->parent);
    report_target_words(ind, t->parent, words, sizeof words);
    report_value(ind, t->parent, value, sizeof value);
    fprintf(out, "<g class=\"target national\" data-year=\"%d\"><title>Mục "
            "tiêu quốc gia năm %d: ", t->year, t->year);
    report_html_text(out, words);
    fputs("</title>", out);
    diamond(out, "mark", x, yp);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">TW ",
            x - 9, yp + 14);
    report_html_text(out, value);
    fputs("</text></g>", out);
  }
}

static void observed(FILE *out, const struct report_indicator *ri,
                     const struct frame *f)
{
  char value[128];
  if (ri->n_series > 1) {
    fputs("<polyline class=\"observed\" points=\"", out);
    for (size_t i = 0; i < ri->n_series; i++)
      fprintf(out, "%.1f,%.1f ", px(f, ri->series[i].x),
              py(f, ri->series[i].y));
    fputs("\"/>", out);
  }
  for (size_t i = 0; i < ri->n_series; i++) {
    report_value(ri->ind, ri->series[i].y, value, sizeof value);
    fprintf(out, "<circle class=\"obs\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">"
            "<title>%s: ", px(f, ri->series[i].x), py(f, ri->series[i].y),
            ri->series[i].period.id);
    report_html_text(out, value);
    fputs("</title></circle>", out);
  }
}

static void expected_and_projection(FILE *out,
                                    const struct report_indicator *ri,
                                    const struct frame *f)
{
  const struct finding *st = ri->status;
  char value[128];
  if (st == NULL)
    return;
  if (st->has_expected) {
    double x = px(f, cal_period_axis(&st->period)), y = py(f, st->expected);
    report_value(ri->ind, st->expected, value, sizeof value);
    fprintf(out, "<path class=\"expected\" d=\"M%.1f %.1fl8 8m0-8l-8 8\">"
            "<title>Lộ trình kỳ %s: ", x - 4, y - 4, st->period.id);
    report_html_text(out, value);
    fputs("</title></path>", out);
  }
  if (st->has_projection && ri->n_series > 0) {
    const struct report_point *last = &ri->series[ri->n_series - 1];
    double x = px(f, st->target_year), y = py(f, st->projected);
    report_value(ri->ind, st->projected, value, sizeof value);
    fprintf(out, "<g class=\"projection\"><title>Dự báo năm %d: ",
            st->target_year);
    report_html_text(out, value);
    fprintf(out, "</title><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
            "y2=\"%.1f\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/></g>",
            px(f, last->x), py(f, last->y), x, y, x, y);
  }
}

void report_svg_chart(const struct report *r,
                      const struct report_indicator *ri, FILE *out)
{
  struct frame f = frame_for(r, ri);
  fprintf(out, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
          "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Biểu đồ ", W,
          H);
  report_html_text(out, ri->ind->id);
  fputs("\"><title>", out);
  report_html_text(out, ri->ind->title);
  fputs("</title>", out);
  axes(out, r, ri, &f);
  path(out, ri, &f);
  targets(out, ri, &f);
  observed(out, ri, &f);
  expected_and_projection(out, ri, &f);
  fputs("</svg>\n", out);
}
