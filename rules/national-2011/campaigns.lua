-- campaigns.lua — hai tháng hành động hằng năm trong khung 2011–2020.
-- Cùng mã với rules/national/campaigns.lua (action-month,
-- domestic-violence-month) để báo cáo và bài kiểm thử dùng chung một tên.
-- Không có hạn nộp kế hoạch hay báo cáo kết quả riêng (tỉnh nào có thì tự
-- bật, ghi căn cứ, xem docs/rules.md mục campaign).

-- Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên
-- cơ sở giới, 15/11–15/12 hằng năm: tổ chức từ năm 2016 theo Chương trình
-- hành động quốc gia về bình đẳng giới giai đoạn 2016–2020 (QĐ
-- 1696/QĐ-TTg ngày 02/10/2015). Nghệ An 2020 gọi là "Tháng hành động vì
-- bình đẳng giới và phòng, chống bạo lực trên cơ sở giới" (mục II.1.e).
campaign "action-month" {
  title       = "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
  basis       = "QĐ 1696/QĐ-TTg ngày 02/10/2015 (Chương trình hành động quốc gia về bình đẳng giới giai đoạn 2016–2020)",
  window      = { from = "11-15", to = "12-15" },
  active_from = "2016-01-01",
}

-- Tháng hành động quốc gia về phòng, chống bạo lực gia đình: tháng 6 hằng
-- năm (QĐ 363/QĐ-TTg ngày 08/3/2016). Nghệ An 2020, mục III.2.8.b: Sở
-- Văn hóa và Thể thao lồng ghép nội dung phòng ngừa bạo lực trên cơ sở giới
-- "vào tháng 6 hàng năm".
campaign "domestic-violence-month" {
  title       = "Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
  basis       = "QĐ 363/QĐ-TTg ngày 08/3/2016 của Thủ tướng Chính phủ",
  window      = { from = "06-01", to = "06-30" },
  active_from = "2016-03-08",
}
