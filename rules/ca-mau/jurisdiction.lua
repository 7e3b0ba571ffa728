-- jurisdiction.lua — tỉnh Cà Mau: Kế hoạch triển khai thực hiện Đề án "Tăng
-- cường sự lãnh đạo của Đảng đối với công tác bình đẳng giới và vì sự tiến
-- bộ của phụ nữ trong tình hình mới" (seed 004).
--
-- Nguồn: Kế hoạch 02/KH-UBND ngày 13/01/2017 của UBND tỉnh Cà Mau (ký: Phó
-- Chủ tịch Thân Đức Hưởng), thực hiện Quyết định 178/QĐ-TTg ngày 28/01/2016
-- (Kế hoạch triển khai Thông báo kết luận 196-TB/TW ngày 16/3/2015 của Ban
-- Bí thư). Kế hoạch yêu cầu bám sát Luật Bình đẳng giới, Chiến lược quốc
-- gia về BĐG 2011–2020 và Chương trình hành động quốc gia 2016–2020 (mục
-- II.1), nên kế thừa khuôn mẫu rules/national-2011. Kế hoạch không có chỉ
-- tiêu số riêng: các chỉ tiêu là của Chiến lược, cơ quan chủ trì theo
-- phân công của kế hoạch (agencies.lua).
--
-- Kế hoạch không ghi thời hạn kết thúc ("hàng năm"): các báo cáo năm được
-- theo dõi từ ngày ban hành. Đây là kế hoạch NHƯ ĐÃ VIẾT năm 2017, trước
-- sắp xếp bộ máy năm 2025 (Sở LĐTBXH kết thúc 28/02/2025; cấp huyện kết
-- thúc 30/6/2025; Cà Mau hợp nhất với Bạc Liêu từ 01/7/2025): các thay đổi
-- đó không được ghi ở đây.
--
--   agencies.lua   sở, ban, ngành, đoàn thể, 9 huyện, thành phố; vai trò
--   plan-2017.lua  chế độ báo cáo (mục V, IV.13, IV.14)

jurisdiction "ca-mau" {
  name         = "Tỉnh Cà Mau",
  parent       = "national-2011",
  plan         = "Kế hoạch 02/KH-UBND ngày 13/01/2017 của UBND tỉnh Cà Mau",
  monitor_from = "2017-01-13",     -- ngày ban hành kế hoạch
  plan_end     = 2020,             -- năm cuối của Chiến lược 2011–2020
}
