-- jurisdiction.lua — tỉnh Nghệ An: Kế hoạch thực hiện Chương trình quốc gia
-- về bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2020 (seed
-- 001).
--
-- Nguồn: Kế hoạch của UBND tỉnh Nghệ An năm 2020, thực hiện Công văn
-- 458/LĐTBXH-BĐG ngày 12/02/2020 của Bộ LĐTBXH và Quyết định 06/QĐ-UBQG
-- ngày 18/02/2020 của Ủy ban quốc gia vì sự tiến bộ của phụ nữ Việt Nam.
-- Bản lưu KHÔNG ghi số và ngày ban hành, và thiếu Phụ lục 1 (7 mục tiêu,
-- 24 chỉ tiêu) và Phụ lục 2: căn cứ ghi "KH năm 2020 của UBND tỉnh Nghệ
-- An" kèm mục; kế hoạch ban hành sau 18/02/2020 (văn bản được viện dẫn).
--
-- Khung: Chiến lược quốc gia về BĐG giai đoạn 2011–2020 (rules/national-2011:
-- chỉ tiêu, Tháng hành động, tháng 6 phòng chống bạo lực gia đình). Đây là
-- kế hoạch NHƯ ĐÃ VIẾT năm 2020, trước sắp xếp bộ máy năm 2025: Sở LĐTBXH
-- là cơ quan đầu mối và nơi nhận báo cáo, có 21 đơn vị cấp huyện; không ghi
-- các thay đổi sau này (Sở LĐTBXH kết thúc 28/02/2025, cấp huyện kết thúc
-- 30/6/2025). Chỉ theo dõi các hạn của năm 2020.
--
-- Khác với docs/examples/nghe-an (ví dụ dạy cách viết quy tắc, cùng chế độ
-- báo cáo "vào 30/6", "vào 30/11" nhưng khung 2021–2030): thư mục này là kế
-- hoạch năm 2020 thật.
--
--   agencies.lua    sở, ban, ngành, đoàn thể, 21 huyện, thành, thị; vai trò
--   indicators.lua  ai chủ trì chỉ tiêu nào (mục III.2)
--   plan-2020.lua   chế độ báo cáo (mục III.3), tháng hành động

jurisdiction "nghe-an" {
  name         = "Tỉnh Nghệ An",
  parent       = "national-2011",
  plan         = "Kế hoạch thực hiện Chương trình quốc gia về bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2020 của UBND tỉnh Nghệ An (bản lưu không ghi số, ngày)",
  monitor_from = "2020-01-01",     -- kế hoạch năm 2020
  plan_end     = 2020,
}
