-- plan-2025.lua — nửa đầu năm 2025 của tỉnh Bắc Ninh cũ: sắp xếp bộ máy và
-- hợp nhất với Bắc Giang.
--
-- Ba thay đổi, theo ngày:
--   01/3/2025  Sở LĐTBXH kết thúc; nhiệm vụ bình đẳng giới và thường trực
--              Ban VSTBPN chuyển sang Sở Nội vụ (agencies.lua: successor,
--              vai trò secretariat). Báo cáo đến hạn từ ngày này do Sở Nội vụ
--              nợ (thay Sở LĐTBXH) và gửi về Sở Nội vụ; báo cáo đến hạn trước
--              đó là của Sở LĐTBXH, kể cả báo cáo nó đã gửi.
--   01/7/2025  Không còn cấp huyện: 8 UBND cấp huyện kết thúc 30/6/2025,
--              không có đơn vị kế nhiệm (agencies.lua). Báo cáo của họ đến
--              hạn sau ngày đó hiện là "unassigned" cho Thường trực xử lý.
--   01/7/2025  Bắc Ninh và Bắc Giang hợp nhất thành tỉnh Bắc Ninh mới
--              (Nghị quyết 202/2025/QH15): tỉnh mới là rules/bac-ninh-2025,
--              với nghĩa vụ của mình từ 01/7/2025. Thư mục này (tỉnh cũ) chỉ
--              còn nghĩa vụ của các kỳ trước hợp nhất, và giữ lịch sử (các
--              báo cáo đã ghi nhận nằm dưới mã "bac-ninh" trong cơ sở dữ
--              liệu). Tỉnh Bắc Giang cũ chưa từng được theo dõi bằng dondoc,
--              nên không có thư mục lịch sử.
--
-- Kế hoạch BĐG năm 2025 của tỉnh cũ không có trong tài liệu của dondoc. Hai
-- nghĩa vụ định kỳ của nửa đầu năm được ghi với ngày "as_instructed" (chờ
-- ngày, không nhắc): báo cáo chuyên đề 6 tháng của Ban VSTBPN — "định kỳ 6
-- tháng" theo mục V.2 của QĐ 373 — và báo cáo tổng hợp của Thường trực.
-- Cách đọc: chế độ báo cáo định kỳ của Ban không dừng ở năm 2024, nhưng ngày
-- của năm 2025 do kế hoạch, văn bản năm 2025 ấn định; khi biết ngày, ghi
-- vào `dates` dưới đây, ví dụ dates = { ["2025-H1"] = "2025-06-05" }. Chưa
-- có ngày thì kỳ 2025-H1 thuộc về ai còn giữ nghĩa vụ ở cuối kỳ (30/6/2025):
-- cấp huyện vẫn còn, Sở Nội vụ thay Sở LĐTBXH; nếu ngày được đặt sau
-- 30/6/2025, báo cáo của cấp huyện trở thành "unassigned".
local QD = "QĐ 373/QĐ-UBND ngày 08/4/2024"

obligation "ban-vstbpn-2025" {
  title        = "Báo cáo chuyên đề kết quả hoạt động của Ban vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2025 (Phụ lục 02)",
  basis        = QD .. ", mục V.2 (\"định kỳ 6 tháng\"); ngày theo văn bản năm 2025",
  from         = members(),
  to           = role "secretariat",
  periods      = { half = { due = "as_instructed", only = { 1 } } },
  active_from  = "2025-01-01",
  active_until = "2025-06-30",
}

obligation "tong-hop-2025" {
  title        = "Báo cáo tổng hợp kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ của tỉnh 6 tháng đầu năm 2025",
  basis        = QD .. ", mục IV.1 và đoạn cuối mục V (\"theo quy định\"); ngày theo văn bản năm 2025",
  from         = { "so-ldtbxh" },
  to           = { "ubnd-tinh", role "ministry", "ubqg-vstbpn" },
  periods      = { half = { due = "as_instructed", only = { 1 } } },
  active_from  = "2025-01-01",
  active_until = "2025-06-30",
}

-- Các tháng hành động của tỉnh cũ dừng cùng tỉnh: tháng 6/2025 còn là của
-- tỉnh cũ; Tháng hành động 15/11–15/12/2025 là của tỉnh mới
-- (rules/bac-ninh-2025), nên các thành viên không được nhắc hai lần.
campaign "action-month"            { active_until = "2025-06-30" }
campaign "domestic-violence-month" { active_until = "2025-06-30" }
