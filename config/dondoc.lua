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
