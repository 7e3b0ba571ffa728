-- holidays.lua — days the state offices of Vietnam are closed, 2024–2026.
--
-- Deadlines that fall on one of these days (or on a weekend) move to the
-- next working day when the policy says so, and "N working days" are
-- counted over the days that remain. This is the civil-service schedule
-- (cán bộ, công chức, viên chức), which is what reporting agencies follow;
-- private employers may differ on the swapped days.
--
-- Sources:
--   * Bộ luật Lao động 2019, Điều 112: the public holidays (Tết Dương lịch
--     1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5;
--     Quốc khánh 2/9 and one day before or after it). Điều 111 khoản 3:
--     a holiday falling on the weekly rest day is compensated on the next
--     working day.
--   * The yearly notices of the Ministry of Home Affairs (Bộ Nội vụ) on the
--     civil-service holiday schedule, which fix the Tết dates and swap
--     bridge days for a make-up Saturday (ngày làm bù), e.g. Thông báo 9441/TB-BNV of 16/10/2025 for Tết
--     Nguyên đán 2026 (14/02–22/02/2026) and Quốc khánh 2026, and Công văn
--     12729/VPCP-KGVX of 25/12/2025 for Tết Dương lịch 2026.
--
-- Format: one holidays(YEAR) { … } per year. An entry is one day or an
-- inclusive range; weekends inside a range are harmless. `work` lists the
-- Saturdays worked in exchange for a bridge day. A province adds its own
-- days (e.g. a local anniversary) in rules/<province>/ with the same
-- construct; they add to these.

holidays(2024) {
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
  -- 01/01–04/01: Friday 02/01 swapped for Saturday 10/01 (Công văn
  -- 12729/VPCP-KGVX of 25/12/2025).
  { "2026-01-01", "2026-01-04", name = "Tết Dương lịch" },
  -- Saturday 14/02 (27 tháng Chạp) to Sunday 22/02 (mùng 6 Tết Bính Ngọ);
  -- the five days of Tết are 16/02–20/02, Monday–Friday, so no swap.
  { "2026-02-14", "2026-02-22", name = "Tết Nguyên đán" },
  -- 10/3 âm lịch is Sunday 26/04; Monday 27/04 is the compensation day
  -- under Điều 111 khoản 3 (by law; no swap notice needed).
  { "2026-04-26", "2026-04-27", name = "Giỗ Tổ Hùng Vương" },
  -- Thursday and Friday: with the weekend, 30/04–03/05 off, no swap.
  { "2026-04-30", "2026-05-01", name = "Ngày Chiến thắng và Quốc tế Lao động" },
  -- 29/08–02/09: 01/09 (Tuesday) and 02/09 (Wednesday), Monday 31/08
  -- swapped for Saturday 22/08. Taken from press reports of the Prime
  -- Minister's decision of October 2025 announced with the Tết 2026
  -- schedule, not from the notice itself: check both days against it.
  { "2026-08-29", "2026-09-02", name = "Quốc khánh" },
  work = { "2026-01-10", "2026-08-22" },
}
