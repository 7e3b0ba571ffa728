-- policy.lua — cách đọc thời hạn và nhắc việc, dùng chung cho mọi tỉnh.
--
-- Nguồn: Bộ luật Dân sự 2015, Điều 148 (hạn cuối rơi vào ngày nghỉ thì
-- chuyển sang ngày làm việc tiếp theo); cách các cơ quan thường trực Ban
-- VSTBPN đọc "trước ngày 05/12" trong thực tế (ngày 05/12 là ngày cuối).
-- Tỉnh có thể ghi đè từng mục bằng policy { … } trong thư mục của tỉnh.

policy {
  before            = { 7, 1 },             -- nhắc trước hạn 7 ngày và 1 ngày;
                                            -- 7 ngày = cửa sổ "sắp đến hạn"
  on_due            = true,                 -- nhắc đúng ngày hết hạn
  after             = { 1 },                -- nhắc ngày đầu tiên quá hạn
  overdue_every     = 7,                    -- rồi cứ 7 ngày nhắc lại một lần
  backoff_after     = 30,                   -- trong tháng đầu quá hạn;
  backoff_every     = 30,                   -- sau đó mỗi tháng một lần
  escalate_after    = 14,                   -- quá hạn 14 ngày: báo thủ trưởng
                                            -- cơ quan (đồng gửi cơ quan)
  escalate_every    = 0,                    -- báo thủ trưởng một lần
  escalate_cc_secretariat = false,          -- không đồng gửi Thường trực: thư
                                            -- tổng hợp hằng ngày đã liệt kê
  max_per_week      = 3,                    -- mỗi địa chỉ nhận tối đa 3 thư một
                                            -- tuần (không kể thư tổng hợp);
                                            -- phần còn lại gửi gộp tuần sau
  working_days_only = true,                 -- chỉ gửi nhắc vào ngày làm việc
  deadline_shift    = "next_working_day",   -- BLDS 2015, Điều 148
  before_means      = "by",                 -- "trước ngày X": X là ngày cuối
  tolerance         = 0.10,                 -- chậm ≤ 10% quãng đường tới mục
                                            -- tiêu: "có nguy cơ"; hơn: "chậm"
}
