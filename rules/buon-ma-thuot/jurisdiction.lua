-- jurisdiction.lua — thành phố Buôn Ma Thuột (tỉnh Đắk Lắk): Kế hoạch triển
-- khai công tác bình đẳng giới năm 2022 (seed 002).
--
-- Nguồn: Kế hoạch 48/KH-UBND ngày 23/3/2022 của UBND thành phố Buôn Ma
-- Thuột (ký: Phó Chủ tịch Phạm Tiến Hưng), thực hiện Công văn 1522/UBND-KGVX
-- ngày 01/3/2022 của UBND tỉnh và Công văn 318/SLĐTBXH-BTXH ngày 02/3/2022
-- của Sở LĐTBXH tỉnh Đắk Lắk.
--
-- Kế hoạch có hai chỗ ngày tháng lạ, được giữ nguyên trong căn cứ: "Kế
-- hoạch số 3447/KH-UBND ngày 23/4/2001 về thực hiện Chiến lược quốc gia về
-- bình đẳng giới thành phố … giai đoạn 2021-2030" — năm 2001 chắc là 2021
-- (kế hoạch thực hiện một chiến lược ban hành tháng 3/2021); "Chương trình
-- hành động về Bình đẳng giới Thành phố giai đoạn 2021 - 2026" — không đối
-- chiếu được. Không hạn nào của dondoc phụ thuộc hai văn bản đó.
--
-- Kế hoạch năm 2022 không có chỉ tiêu số. Chỉ tiêu của Chiến lược 2021–2030
-- (kế thừa rules/national qua rules/dak-lak) được giữ — kế hoạch "triển
-- khai thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025"
-- (mục II.2) — với cơ quan chủ trì theo chức năng được giao ở mục III
-- (agencies.lua). Thành phố là cấp huyện: kế thừa tỉnh Đắk Lắk (chỉ những
-- gì biết chắc về văn bản của tỉnh: nơi nhận báo cáo của thành phố).
--
-- Đây là kế hoạch NHƯ ĐÃ VIẾT năm 2022, trước sắp xếp bộ máy năm 2025 (Phòng
-- LĐTBXH hết từ 01/3/2025; cấp huyện, tức chính thành phố, kết thúc
-- 30/6/2025; Đắk Lắk hợp nhất với Phú Yên ngày 01/7/2025): các thay đổi đó
-- không được ghi ở đây. Chỉ theo dõi năm 2022.
--
--   agencies.lua    phòng, ban, đoàn thể, 21 phường, xã; vai trò
--   plan-2022.lua   báo cáo sơ kết, tổng kết (trước 15/5 và 15/11/2022),
--                   tổng kết 15 năm Luật BĐG, Tháng hành động năm 2022

jurisdiction "buon-ma-thuot" {
  name         = "Thành phố Buôn Ma Thuột",
  parent       = "dak-lak",
  plan         = "Kế hoạch 48/KH-UBND ngày 23/3/2022 của UBND thành phố Buôn Ma Thuột",
  monitor_from = "2022-03-23",     -- ngày ban hành kế hoạch
  plan_end     = 2022,
}
