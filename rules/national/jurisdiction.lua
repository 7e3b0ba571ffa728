-- jurisdiction.lua — Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2030.
--
-- Nguồn: Nghị quyết 28/NQ-CP ngày 03/3/2021 của Chính phủ (6 mục tiêu,
-- 20 chỉ tiêu). Thư mục này là KHUÔN MẪU (template): dondoc không tự theo dõi
-- nó; mỗi tỉnh khai báo `parent = "national"` để kế thừa các chỉ tiêu, chính
-- sách thời hạn, ngày nghỉ lễ và Tháng hành động, rồi sửa những gì tỉnh khác.
--
-- Thư mục national không khai báo cơ quan nào. Chỉ tiêu ghi cơ quan chủ trì
-- bằng VAI TRÒ (role "labour", role "health" …); tỉnh phải khai báo các vai
-- trò đó và cơ quan nắm giữ từng thời kỳ — danh sách ở roles.lua.

jurisdiction "national" {
  name     = "Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2030",
  template = true,
  plan     = "Nghị quyết 28/NQ-CP ngày 03/3/2021",
}

-- Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên
-- cơ sở giới: 15/11–15/12 hằng năm (Chiến lược 2021–2030; QĐ 1790/QĐ-TTg
-- yêu cầu các bộ, ngành, địa phương có kế hoạch Tháng hành động).
-- Mỗi năm sinh hai nghĩa vụ cho mọi thành viên Ban VSTBPN của tỉnh:
--   action-month-plan     kế hoạch, hạn 5 ngày trước khi bắt đầu (10/11)
--   action-month-results  báo cáo kết quả, hạn 5 ngày sau khi kết thúc (20/12)
-- members() và role "secretariat" được tính theo tỉnh kế thừa tệp này.
campaign "action-month" {
  title   = "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
  basis   = "NQ 28/NQ-CP; QĐ 1790/QĐ-TTg ngày 23/10/2021",
  window  = { from = "11-15", to = "12-15" },
  from    = members(),
  to      = role "secretariat",
  plan    = { due = "start-5" },
  results = { due = "end+5" },
}
