-- holidays.lua — the civil service's announced days off, 2017–2026.
--
-- rules/law/ is read for EVERY jurisdiction, before its own folder and
-- whether or not it has a parent: the calendar is the law's, not a plan's.
-- Deadlines that fall on one of these days (or on a weekend) move to the
-- next working day when the policy says so, and "N working days" are
-- counted over the days that remain. This is the schedule of cán bộ, công
-- chức, viên chức, which reporting agencies follow; private employers may
-- differ on the swapped days.
--
-- The law gives the holidays (Bộ luật Lao động 2012, Điều 115, to 2020;
-- Bộ luật Lao động 2019, Điều 112, from 2021; a holiday on a Saturday or
-- Sunday is made up on the next working day, Điều 115 khoản 3 / Điều 111
-- khoản 3; Nghị quyết 28/2026/QH16 adds 24/11 from 2026). Each year a
-- notice fixes the rest: which five days are Tết, which day joins Quốc
-- khánh, and any bridge day swapped for a Saturday worked (ngày làm bù).
--
-- Each holidays(YEAR) block below with `notice` is that year's whole
-- announced schedule: every weekday off and every Saturday worked, law and
-- notice together, and dondoc computes nothing for the year. A year with
-- no block here is computed from the law (engine/legal_calendar.h), and
-- `check` / `rules check` warn that it is. When a year's notice comes out
-- (2027's had not, in December 2026), add its block here.
--
-- Sources: the notices as numbered below; the dates of 2017–2023 were
-- checked against the press reports of the notices (Báo Chính phủ and the
-- national press: bnews.vn, plo.vn, hanoimoi.vn, truyenhinhnghean.vn …).
-- Where a notice's number is given "as cited", the number comes from
-- secondary sources and the notice itself was not read; the dates were.
--
-- Format: one holidays(YEAR) { … } per year. An entry is one day or an
-- inclusive range (weekends inside a range are harmless). `work` lists the
-- Saturdays worked. A swap across New Year sits in both years' blocks.

holidays(2017) {
  notice = "Công văn 9794/VPCP-KGVX ngày 14/11/2016; Thông báo của Bộ LĐTBXH ngày 24/11/2016 (Tết Âm lịch)",
  -- 01/01 is a Sunday: Monday 02/01 is its make-up day (Điều 115 khoản 3).
  { "2017-01-01", "2017-01-02", name = "Tết Dương lịch" },
  -- Thursday 26/01 (29 tháng Chạp) to Wednesday 01/02 (mùng 5 Tết Đinh
  -- Dậu): five days 26–30/01, mùng 1 and 2 on the weekend made up 31/01, 01/02.
  { "2017-01-26", "2017-02-01", name = "Tết Nguyên đán" },
  { "2017-04-06", name = "Giỗ Tổ Hùng Vương" },
  -- 30/04 is a Sunday; 01/05 a Monday; the make-up day is Tuesday 02/05.
  { "2017-04-29", "2017-05-02", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- 02/09 is a Saturday, made up on Monday 04/09 (one day under the 2012 Code).
  { "2017-09-02", "2017-09-04", name = "Quốc khánh" },
}

holidays(2018) {
  notice = "Thủ tướng Chính phủ, kết luận họp Thường trực Chính phủ ngày 05/12/2017; Thông báo của Bộ LĐTBXH (nghỉ lễ, Tết năm 2018)",
  -- Monday 01/01, with the weekend before it.
  { "2018-01-01", name = "Tết Dương lịch" },
  -- Wednesday 14/02 (29 tháng Chạp) to Tuesday 20/02 (mùng 5 Tết Mậu Tuất):
  -- mùng 2 and 3 on the weekend, made up 19/02 and 20/02.
  { "2018-02-14", "2018-02-20", name = "Tết Nguyên đán" },
  { "2018-04-25", name = "Giỗ Tổ Hùng Vương" },
  -- Monday 30/04 and Tuesday 01/05, with the weekend: 28/04–01/05.
  { "2018-04-28", "2018-05-01", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- 02/09 is a Sunday, made up on Monday 03/09.
  { "2018-09-01", "2018-09-03", name = "Quốc khánh" },
  -- The 2019 notice: Monday 31/12/2018 off, worked on Saturday 05/01/2019.
  { "2018-12-31", name = "Tết Dương lịch 2019 (hoán đổi)" },
}

holidays(2019) {
  notice = "Thông báo của Bộ LĐTBXH về lịch nghỉ lễ, Tết năm 2019 (Thủ tướng đồng ý, 12/2018)",
  -- 29/12/2018–01/01/2019: Monday 31/12 swapped for Saturday 05/01.
  { "2019-01-01", name = "Tết Dương lịch" },
  -- Saturday 02/02 (28 tháng Chạp) to Sunday 10/02 (mùng 6 Tết Kỷ Hợi):
  -- the five days of Tết are 04/02–08/02, Monday–Friday.
  { "2019-02-02", "2019-02-10", name = "Tết Nguyên đán" },
  -- 10/3 âm lịch is Sunday 14/04, made up on Monday 15/04.
  { "2019-04-13", "2019-04-15", name = "Giỗ Tổ Hùng Vương" },
  -- 27/04–01/05: Monday 29/04 swapped for Saturday 04/05.
  { "2019-04-27", "2019-05-01", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- Monday 02/09, with the weekend before it (one day under the 2012 Code).
  { "2019-08-31", "2019-09-02", name = "Quốc khánh" },
  work = { "2019-01-05", "2019-05-04" },
}

holidays(2020) {
  notice = "Thông báo của Bộ LĐTBXH về lịch nghỉ Tết Âm lịch năm 2020",
  { "2020-01-01", name = "Tết Dương lịch" },
  -- Thursday 23/01 (29 tháng Chạp) to Wednesday 29/01 (mùng 5 Tết Canh Tý):
  -- mùng 1 and 2 on the weekend, made up 28/01 and 29/01.
  { "2020-01-23", "2020-01-29", name = "Tết Nguyên đán" },
  { "2020-04-02", name = "Giỗ Tổ Hùng Vương" },
  -- Thursday 30/04 and Friday 01/05, with the weekend: 30/04–03/05.
  { "2020-04-30", "2020-05-03", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- Wednesday 02/09 only: the last year of one day (2012 Code).
  { "2020-09-02", name = "Quốc khánh" },
}

holidays(2021) {
  notice = "Thông báo 4875/TB-LĐTBXH (as cited), Tết Âm lịch và Quốc khánh 2021",
  -- Friday 01/01, with the weekend: 01/01–03/01.
  { "2021-01-01", "2021-01-03", name = "Tết Dương lịch" },
  -- Wednesday 10/02 (29 tháng Chạp) to Tuesday 16/02 (mùng 5 Tết Tân Sửu):
  -- mùng 2 and 3 on the weekend, made up 15/02 and 16/02.
  { "2021-02-10", "2021-02-16", name = "Tết Nguyên đán" },
  { "2021-04-21", name = "Giỗ Tổ Hùng Vương" },
  -- 01/05 is a Saturday, made up on Monday 03/05 (Điều 111 khoản 3).
  { "2021-04-30", "2021-05-03", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- Thursday 02/09 and Friday 03/09 (two days from 2021), with the weekend.
  { "2021-09-02", "2021-09-05", name = "Quốc khánh" },
}

holidays(2022) {
  notice = "Công văn 245/VPCP-KGVX ngày 11/01/2022; Thông báo 119/TB-LĐTBXH (as cited)",
  -- 01/01 is a Saturday, made up on Monday 03/01.
  { "2022-01-01", "2022-01-03", name = "Tết Dương lịch" },
  -- Saturday 29/01 to Sunday 06/02: the five days of Tết Nhâm Dần are
  -- 31/01–04/02, Monday–Friday, with the weekends before and after.
  { "2022-01-29", "2022-02-06", name = "Tết Nguyên đán" },
  -- 10/3 âm lịch is Sunday 10/04, made up on Monday 11/04.
  { "2022-04-09", "2022-04-11", name = "Giỗ Tổ Hùng Vương" },
  -- 30/04 and 01/05 on the weekend, made up on 02/05 and 03/05.
  { "2022-04-30", "2022-05-03", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- Thursday 01/09 and Friday 02/09, with the weekend: 01/09–04/09. A
  -- deadline on 02/09/2022 moves to Monday 05/09.
  { "2022-09-01", "2022-09-04", name = "Quốc khánh" },
}

holidays(2023) {
  notice = "Công văn 8056/VPCP-KGVX ngày 01/12/2022; Thông báo 5034/TB-LĐTBXH (as cited)",
  -- 01/01 is a Sunday, made up on Monday 02/01.
  { "2023-01-01", "2023-01-02", name = "Tết Dương lịch" },
  -- Friday 20/01 (29 tháng Chạp) to Thursday 26/01 (mùng 5 Tết Quý Mão):
  -- 30 Tết and mùng 1 on the weekend, made up 25/01 and 26/01.
  { "2023-01-20", "2023-01-26", name = "Tết Nguyên đán" },
  -- Giỗ Tổ on Saturday 29/04, 30/04 on the Sunday, 01/05 a Monday: the two
  -- make-up days are Tuesday 02/05 and Wednesday 03/05.
  { "2023-04-29", "2023-05-03", name = "Giỗ Tổ, Ngày Chiến thắng và Quốc tế Lao động" },
  -- Friday 01/09 and Saturday 02/09, the Saturday made up on Monday 04/09.
  { "2023-09-01", "2023-09-04", name = "Quốc khánh" },
}

holidays(2024) {
  notice = "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết, Quốc khánh); Thông báo 1570/TB-LĐTBXH (30/4)",
  { "2024-01-01", name = "Tết Dương lịch" },
  -- Thursday 08/02 (29 tháng Chạp) to Wednesday 14/02 (mùng 5 Tết Giáp Thìn).
  { "2024-02-08", "2024-02-14", name = "Tết Nguyên đán" },
  { "2024-04-18", name = "Giỗ Tổ Hùng Vương" },
  -- 27/04–01/05: Monday 29/04 swapped for Saturday 04/05.
  { "2024-04-27", "2024-05-01", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- 31/08–03/09: 02/09 (Monday) and 03/09 (Tuesday).
  { "2024-08-31", "2024-09-03", name = "Quốc khánh" },
  work = { "2024-05-04" },
}

holidays(2025) {
  notice = "Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024; Công văn 8726/VPCP-KGVX ngày 26/11/2024",
  { "2025-01-01", name = "Tết Dương lịch" },
  -- Saturday 25/01 (26 tháng Chạp) to Sunday 02/02 (mùng 5 Tết Ất Tỵ); the
  -- five days of Tết are 27/01–31/01, Monday–Friday, so no swap.
  { "2025-01-25", "2025-02-02", name = "Tết Nguyên đán" },
  { "2025-04-07", name = "Giỗ Tổ Hùng Vương" },
  -- 30/04–04/05: Friday 02/05 swapped for Saturday 26/04.
  { "2025-04-30", "2025-05-04", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- 30/08–02/09: 01/09 (Monday) and 02/09 (Tuesday).
  { "2025-08-30", "2025-09-02", name = "Quốc khánh" },
  work = { "2025-04-26" },
}

holidays(2026) {
  notice = "Thông báo 9441/TB-BNV ngày 16/10/2025; Công văn 12729/VPCP-KGVX ngày 25/12/2025; Công văn 3383/BNV-CVL (as cited); Nghị quyết 28/2026/QH16",
  -- 01/01–04/01: Friday 02/01 swapped for Saturday 10/01 (Công văn
  -- 12729/VPCP-KGVX).
  { "2026-01-01", "2026-01-04", name = "Tết Dương lịch" },
  -- Saturday 14/02 (27 tháng Chạp) to Sunday 22/02 (mùng 6 Tết Bính Ngọ);
  -- the five days of Tết are 16/02–20/02, Monday–Friday, so no swap.
  { "2026-02-14", "2026-02-22", name = "Tết Nguyên đán" },
  -- 10/3 âm lịch is Sunday 26/04; Monday 27/04 is its make-up day under
  -- Điều 111 khoản 3 (by law; no swap notice needed).
  { "2026-04-26", "2026-04-27", name = "Giỗ Tổ Hùng Vương" },
  -- Thursday and Friday: with the weekend, 30/04–03/05; Công văn
  -- 3383/BNV-CVL: no swap.
  { "2026-04-30", "2026-05-01", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- 29/08–02/09: 01/09 (Tuesday) and 02/09 (Wednesday), Monday 31/08
  -- swapped for Saturday 22/08 (Thông báo 9441/TB-BNV).
  { "2026-08-29", "2026-09-02", name = "Quốc khánh" },
  -- Ngày Văn hóa Việt Nam, a paid day off from 2026: Nghị quyết
  -- 28/2026/QH16 về phát triển văn hóa Việt Nam, Điều 2, in force
  -- 01/07/2026 (full text on xaydungchinhsach.chinhphu.vn, 08/05/2026).
  -- 24/11/2026 is a Tuesday. A swap of Monday 23/11 for Saturday 28/11 was
  -- reported as a proposal in September 2026; no decision adopting it was
  -- found, so none is recorded.
  { "2026-11-24", name = "Ngày Văn hóa Việt Nam" },
  work = { "2026-01-10", "2026-08-22" },
}
