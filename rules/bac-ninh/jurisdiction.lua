-- jurisdiction.lua — tỉnh Bắc Ninh: Kế hoạch thực hiện công tác bình đẳng
-- giới và vì sự tiến bộ của phụ nữ năm 2024.
--
-- Nguồn: Quyết định 373/QĐ-UBND ngày 08/4/2024 của Chủ tịch UBND tỉnh Bắc
-- Ninh (ký: Vương Quốc Tuấn), thực hiện Kế hoạch 360/KH-UBND ngày 10/6/2021
-- (Chiến lược quốc gia về BĐG trên địa bàn tỉnh giai đoạn 2021–2030).
--
-- Kế thừa Chiến lược quốc gia (rules/national): chỉ tiêu, chính sách thời
-- hạn, Tháng hành động (15/11–15/12) và tháng hành động phòng, chống bạo
-- lực gia đình (tháng 6). Ngày nghỉ lễ theo luật (rules/law/). Các tệp
-- trong thư mục này:
--   agencies.lua    cơ quan, đơn vị (mục IV) và vai trò (ai chủ trì gì)
--   indicators.lua  chỉ tiêu riêng của tỉnh (Phụ lục 01)
--   plan-2024.lua   ba loại báo cáo (mục V)

jurisdiction "bac-ninh" {
  name         = "Tỉnh Bắc Ninh",
  parent       = "national",
  plan         = "Quyết định 373/QĐ-UBND ngày 08/4/2024 của Chủ tịch UBND tỉnh Bắc Ninh",
  monitor_from = "2024-01-01",     -- chỉ theo dõi các hạn từ năm 2024
}
