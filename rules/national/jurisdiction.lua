-- jurisdiction.lua — Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2030.
--
-- Nguồn: Nghị quyết 28/NQ-CP ngày 03/3/2021 của Chính phủ (6 mục tiêu,
-- 20 chỉ tiêu). Thư mục này là KHUÔN MẪU (template): dondoc không tự theo dõi
-- nó; mỗi tỉnh khai báo `parent = "national"` để kế thừa các chỉ tiêu, chính
-- sách thời hạn và hai tháng hành động (campaigns.lua), rồi sửa những gì
-- tỉnh khác. Ngày nghỉ lễ là của luật (rules/law/), áp dụng cho mọi tỉnh,
-- có hay không có parent.
--
-- Khuôn mẫu chỉ ghi những gì văn bản trung ương quy định, kèm số văn bản.
-- Hạn báo cáo do tỉnh tự đặt (kế hoạch, báo cáo kết quả Tháng hành động …)
-- không có ở đây: tỉnh nào có thì tự khai báo, kèm căn cứ của mình.
--
-- Thư mục national không khai báo cơ quan nào. Chỉ tiêu ghi cơ quan chủ trì
-- bằng VAI TRÒ (role "labour", role "health" …); tỉnh phải khai báo các vai
-- trò đó và cơ quan nắm giữ từng thời kỳ — danh sách ở roles.lua.

jurisdiction "national" {
  name     = "Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2030",
  template = true,
  plan     = "Nghị quyết 28/NQ-CP ngày 03/3/2021",
}
