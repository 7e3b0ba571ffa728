-- jurisdiction.lua — tỉnh Bắc Ninh mới, từ 01/7/2025: hợp nhất tỉnh Bắc Ninh
-- và tỉnh Bắc Giang (Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội
-- về sắp xếp đơn vị hành chính cấp tỉnh; chính quyền tỉnh mới hoạt động từ
-- 01/7/2025, trung tâm hành chính đặt tại Bắc Giang cũ). Chính quyền địa
-- phương hai cấp: tỉnh và xã, phường; không còn cấp huyện.
--
-- Cách ghi một cuộc hợp nhất (docs/rules.md, "Jurisdictions that merge"):
-- mỗi tỉnh cũ giữ thư mục của mình cho các kỳ trước hợp nhất và lịch sử
-- (rules/bac-ninh: nghĩa vụ dừng ở 30/6/2025; Bắc Giang cũ chưa từng được
-- theo dõi bằng dondoc), tỉnh mới có thư mục riêng với nghĩa vụ từ ngày
-- hợp nhất. Cơ sở dữ liệu giữ mỗi báo cáo dưới tỉnh mà nó được nợ: báo cáo
-- kỳ 2025-H1 thuộc "bac-ninh", báo cáo năm 2025 thuộc "bac-ninh-2025".
--
-- Bộ máy sau sắp xếp năm 2025: Sở Nội vụ là cơ quan quản lý nhà nước về
-- bình đẳng giới và thường trực Ban VSTBPN (thay Sở LĐTBXH từ 01/3/2025);
-- trợ giúp xã hội về Sở Y tế; giáo dục nghề nghiệp về Sở GDĐT; Sở KHĐT hợp
-- nhất vào Sở Tài chính; Sở TTTT vào Sở KH&CN.
--
-- Kế hoạch bình đẳng giới của tỉnh mới chưa có trong tài liệu của dondoc:
-- các báo cáo định kỳ được ghi với ngày "as_instructed" (chờ ngày, không
-- nhắc) cho đến khi Thường trực ghi ngày của kế hoạch vào `dates`
-- (plan.lua). Chỉ tiêu: của Chiến lược quốc gia 2021–2030 (kế thừa
-- rules/national); chỉ tiêu riêng của Bắc Ninh cũ (KH 360/KH-UBND) không
-- mặc nhiên áp dụng cho tỉnh mới, nên không được chép sang.
--
--   agencies.lua  sở, ngành của tỉnh mới; vai trò
--   plan.lua      báo cáo định kỳ (ngày theo kế hoạch của tỉnh), tháng
--                 hành động từ 01/7/2025

jurisdiction "bac-ninh-2025" {
  name         = "Tỉnh Bắc Ninh (hợp nhất từ 01/7/2025)",
  parent       = "national",
  plan         = "Nghị quyết 202/2025/QH15 ngày 12/6/2025 (hợp nhất Bắc Ninh và Bắc Giang); kế hoạch bình đẳng giới của tỉnh mới chưa được ghi",
  monitor_from = "2025-07-01",
}
