-- dondoc.lua — cấu hình của dondoc (theo dõi, đôn đốc kế hoạch bình đẳng giới).
--
-- Đường dẫn tương đối tính từ thư mục chứa tệp này (config/).
-- Xem docs/rules.md.

rules_dir     = "../rules"              -- thư mục quy tắc: rules/<mã địa phương>/
database      = "../var/dondoc.db"      -- cơ sở dữ liệu SQLite (báo cáo, số liệu)
timezone      = "Asia/Ho_Chi_Minh"      -- giờ Việt Nam (UTC+7), tính ngày hôm nay

-- Các địa phương được theo dõi. "national" (Chiến lược quốc gia) là khuôn
-- mẫu, được nạp qua parent = "national", không ghi ở đây.
jurisdictions = { "bac-ninh" }

-- Nhắc nhở (dondoc run). Không có smtp_url: thư được ghi thành tệp .eml
-- trong outbox_dir; webhook không có url: ghi thành tệp .json. Xem
-- docs/delivery.md để cấu hình máy chủ thư và webhook thật.
outbox_dir = "../var/outbox"
mail = {
  from      = "ban-vstbpn@bacninh.example.gov.vn",
  from_name = "Thường trực Ban vì sự tiến bộ của phụ nữ tỉnh Bắc Ninh",
  -- smtp_url = "smtp://mail.bacninh.gov.vn:587",   -- STARTTLS, chứng chỉ được kiểm tra
  -- username = "ban-vstbpn", password_env = "DONDOC_SMTP_PASSWORD",
}
webhooks = {
  { name = "nhom-chat", template = "chat" },          -- url = "https://…", secret_env = "…"
}
