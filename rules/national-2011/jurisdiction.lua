-- jurisdiction.lua — Chiến lược quốc gia về bình đẳng giới giai đoạn
-- 2011–2020: KHUÔN MẪU cho các kế hoạch tỉnh, thành phố viết trong khung
-- chiến lược cũ (seed 001 Nghệ An 2020, seed 004 Cà Mau 2017).
--
-- Nguồn: Quyết định 2351/QĐ-TTg ngày 24/12/2010 của Thủ tướng Chính phủ phê
-- duyệt Chiến lược quốc gia về bình đẳng giới giai đoạn 2011–2020 (7 mục
-- tiêu, 22 chỉ tiêu), được điều chỉnh, bổ sung bởi Quyết định 800/QĐ-TTg
-- ngày 02/7/2018; Chương trình hành động quốc gia về bình đẳng giới giai
-- đoạn 2016–2020 (QĐ 1696/QĐ-TTg ngày 02/10/2015) cho Tháng hành động.
--
-- Khuôn mẫu này đứng BÊN CẠNH rules/national (Chiến lược 2021–2030, NQ
-- 28/NQ-CP), không kế thừa nó: hai chiến lược có mục tiêu, chỉ tiêu và mã
-- khác nhau (chiến lược cũ có 7 mục tiêu, mục tiêu 3 là giáo dục, mục tiêu
-- 6 là gia đình; chiến lược mới có 6). Tỉnh có kế hoạch năm 2011–2020 khai
-- báo `parent = "national-2011"`; kế hoạch từ năm 2021 dùng "national".
--
-- Như rules/national: chỉ ghi những gì văn bản trung ương quy định; không
-- có cơ quan và không có hạn báo cáo (mỗi tỉnh tự đặt). Chỉ tiêu ghi cơ
-- quan chủ trì bằng VAI TRÒ; tỉnh kế thừa phải khai báo các vai trò đó
-- (danh sách ở roles.lua). Ngày nghỉ lễ là của luật (rules/law/).
--
-- Bộ máy là bộ máy của thời kỳ đó: Bộ, Sở Lao động - Thương binh và Xã hội
-- là cơ quan quản lý nhà nước về bình đẳng giới và thường trực Ban vì sự
-- tiến bộ của phụ nữ (trước sắp xếp năm 2025).

jurisdiction "national-2011" {
  name     = "Chiến lược quốc gia về bình đẳng giới giai đoạn 2011–2020",
  template = true,
  plan     = "Quyết định 2351/QĐ-TTg ngày 24/12/2010 (sửa đổi, bổ sung: QĐ 800/QĐ-TTg ngày 02/7/2018)",
}
