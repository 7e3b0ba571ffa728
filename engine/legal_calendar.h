/*
 * legal_calendar.h — Vietnam's statutory public holidays for any year,
 * computed from the law, for the years no announced schedule covers.
 *
 * Every year the civil service's days off are fixed by a notice (Thông
 * báo of Bộ LĐTBXH, from 2025 of Bộ Nội vụ): which five days are Tết,
 * which day joins Quốc khánh, and any weekday swapped for a Saturday.
 * rules/law/ holds those notices as data (holidays(YEAR) { notice = … }).
 * For any other year this module applies the law itself:
 *   2013–2020  Bộ luật Lao động 2012, Điều 115: 1/1; Tết 5 days; Giỗ Tổ
 *              Hùng Vương (10/3 âm lịch); 30/4; 1/5; 2/9 — and, khoản 3,
 *              a holiday on the weekly rest day is made up on the next
 *              working day.
 *   2021–      Bộ luật Lao động 2019, Điều 112: the same, with Quốc khánh
 *              two days (2/9 and the day before or after it); Điều 111
 *              khoản 3 for the make-up day.
 *   2026–      Nghị quyết 28/2026/QH16 (in force 01/07/2026), Điều 2:
 *              24/11, Ngày Văn hóa Việt Nam, a paid day off. It is not in
 *              Điều 112 khoản 1, so no make-up day when it falls on a
 *              weekend.
 * The weekly rest days are Saturday and Sunday, the civil service's under
 * its 40-hour week (Quyết định 188/1999/QĐ-TTg).
 *
 * Where the law leaves the choice to the Prime Minister, dondoc assumes
 * what the notices chose most often, and says so (legal_year_note):
 *   Tết:        the last two days of the lunar year and mùng 1–3 (the
 *               notices' choice in 7 of 2017–2026; the other three years
 *               gave the same weekdays off);
 *   Quốc khánh: the weekday next to 2/9 that joins it to a weekend — the
 *               day after when 2/9 is a Monday, Thursday or Sunday, the
 *               day before otherwise (each of 2021–2026 fits).
 * Swaps of a bridge day for a Saturday are never guessed.
 */
#ifndef DONDOC_LEGAL_CALENDAR_H
#define DONDOC_LEGAL_CALENDAR_H

#include <stddef.h>
#include "calendar.h"
#include "lunar.h"

/* The years the law is computed for: from the Labour Code 2012 (in force
 * 01/05/2013; 2013's Tết, before it, is counted under it too) to the end
 * of the lunar conversion. */
#define LEGAL_FIRST_YEAR 2013
#define LEGAL_LAST_YEAR LUNAR_YEAR_MAX

/* The days a computed year assumes where the law leaves a choice. */
struct legal_year {
  int year;
  cal_day tet_first, tet_last;        /* Tết's five days, mùng 1 = first + 2 */
  cal_day national_first, national_last;   /* 2/9, or 2/9 and its second day */
};

/* The assumptions for `year`. Returns 0, or -1 outside the computed years. */
int legal_year_assume(int year, struct legal_year *out);

/* The law behind a year's holidays: "Bộ luật Lao động 2019 (Điều 111, 112)"
 * …, or NULL outside the computed years. A static string. */
const char *legal_basis(int year);

/* Add the statutory days off of `year`, make-up days included, to h.
 * Returns 0; 1 when the year is outside the computed years (nothing
 * added); -1 when out of memory. */
int legal_holidays_add(struct cal_holidays *h, int year);

/* legal_holidays_add for every year of [first_year, last_year] that h
 * does not hold as announced (cal_holidays_set_announced), then
 * cal_holidays_finish. Returns 0, or -1 when out of memory. */
int legal_holidays_fill(struct cal_holidays *h, int first_year,
                        int last_year);

/* Why day d is not a working day, in words, into buf: the name the rules
 * give it (announced schedules, local days), else for a computed year the
 * Labour Code's holiday or make-up day ("Giỗ Tổ Hùng Vương", "Nghỉ bù
 * Quốc khánh"), else "thứ Bảy" / "Chủ nhật", else "ngày nghỉ" (a day off
 * the rules left unnamed). Returns 0, or -1 when d is a working day. */
int legal_day_reason(const struct cal_holidays *h, cal_day d, char *buf,
                     size_t len);

/* One line telling that `year` has no announced schedule and what was
 * assumed instead, for the warning of `check` and `rules check`. */
#define LEGAL_NOTE_LEN 512
void legal_year_note(int year, char *buf, size_t len);

/* Add to the sorted set years[0..n) (room for max) each year from the year
 * of `from` to the year of `to` that h holds no announced schedule for.
 * Returns the new n; years beyond max are left out. */
size_t legal_unannounced_years(const struct cal_holidays *h, cal_day from,
                               cal_day to, int *years, size_t n, size_t max);

#endif
