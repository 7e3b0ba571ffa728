-- policy.lua — cách đọc thời hạn và nhắc việc cho các kế hoạch trong khung
-- chiến lược 2011–2020; giống rules/national/policy.lua.
--
-- Nguồn: Bộ luật Dân sự 2015, Điều 148 (hạn cuối rơi vào ngày nghỉ thì
-- chuyển sang ngày làm việc tiếp theo), có hiệu lực từ 01/01/2017 — trước
-- mọi hạn của các kế hoạch mẫu dùng khuôn này (Cà Mau từ 13/01/2017, Nghệ
-- An năm 2020). "Trước ngày X" đọc là X là ngày cuối, như các cơ quan
-- thường trực Ban VSTBPN vẫn đọc. Tỉnh ghi đè từng mục bằng policy { … }.

policy {
  before            = { 7, 1 },             -- nhắc trước hạn 7 ngày và 1 ngày
  on_due            = true,                 -- nhắc đúng ngày hết hạn
  after             = { 1 },                -- nhắc ngày đầu tiên quá hạn,
  overdue_every     = 7,                    -- rồi mỗi tuần trong tháng đầu,
  backoff_after     = 30,
  backoff_every     = 30,                   -- sau đó mỗi tháng
  escalate_after    = 14,                   -- quá hạn 14 ngày: báo thủ trưởng
  escalate_every    = 0,
  escalate_cc_secretariat = false,
  max_per_week      = 3,
  working_days_only = true,
  deadline_shift    = "next_working_day",   -- BLDS 2015, Điều 148
  before_means      = "by",
  tolerance         = 0.10,
}
