-- jurisdiction.lua — thành phố Tam Điệp (tỉnh Ninh Bình): Kế hoạch thực hiện
-- Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2025 trên địa bàn
-- thành phố (seed 000).
--
-- Nguồn: Kế hoạch của UBND thành phố Tam Điệp, "Số: /KH-UBND, Tam Điệp,
-- ngày tháng 7 năm 2021" (ký: Phó Chủ tịch Vũ Đình Chiến), thực hiện Kế
-- hoạch 102/KH-UBND ngày 08/7/2021 của UBND tỉnh Ninh Bình.
--
-- Bản lưu để trống số và ngày ("ngày tháng 7 năm 2021"). Cách đọc: kế hoạch
-- ban hành trong tháng 7/2021 và không thể trước kế hoạch 102/KH-UBND của
-- tỉnh mà nó thực hiện (08/7/2021), nên mọi hạn được theo dõi từ 08/7/2021
-- — ngày sớm nhất có thể. Chọn ngày nào trong tháng 7 cũng cho cùng kết quả:
-- hạn đầu tiên của kế hoạch là báo cáo năm 2021, trước ngày 10/12/2021.
-- Căn cứ ghi "KH tháng 7/2021 của UBND thành phố Tam Điệp". Kế hoạch đánh
-- số hai phần liền nhau là "II" (Mục tiêu; Nhiệm vụ, giải pháp): căn cứ ghi
-- "mục II.2" cho mục tiêu và "phần Nhiệm vụ, giải pháp" cho phần sau.
--
-- Thành phố là cấp huyện: kế thừa tỉnh Ninh Bình (rules/ninh-binh — chỉ
-- những gì biết chắc về kế hoạch 102/KH-UBND của tỉnh: nơi nhận báo cáo),
-- tỉnh kế thừa khung quốc gia 2021–2030 (rules/national). Đây là kế hoạch
-- NHƯ ĐÃ VIẾT năm 2021, trước sắp xếp bộ máy năm 2025 (Phòng LĐTBXH hết
-- từ 01/3/2025; cấp huyện, tức chính thành phố Tam Điệp, kết thúc 30/6/2025;
-- Ninh Bình hợp nhất với Hà Nam, Nam Định ngày 01/7/2025): các thay đổi đó
-- không được ghi ở đây.
--
--   agencies.lua            phòng, ban, ngành, đoàn thể, 9 phường, xã; vai trò
--   indicators.lua          chỉ tiêu của thành phố (mục II.2), ai chủ trì
--                           (mục IV), định mức tin bài theo quý, chuyên mục
--                           hằng tháng
--   plan-2021-2025.lua      chế độ báo cáo, Tháng hành động

jurisdiction "tam-diep" {
  name         = "Thành phố Tam Điệp",
  parent       = "ninh-binh",
  plan         = "Kế hoạch …/KH-UBND tháng 7/2021 của UBND thành phố Tam Điệp (bản lưu không ghi số, ngày)",
  monitor_from = "2021-07-08",
  plan_end     = 2025,
}
