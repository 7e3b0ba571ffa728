-- campaigns.lua — hai tháng hành động mà mọi cơ quan, địa phương tổ chức
-- hằng năm. Đây là việc phải TỔ CHỨC, không phải báo cáo: dondoc báo tháng
-- hành động sắp bắt đầu / đang diễn ra (ngày N/31) và nhắc các thành viên Ban
-- VSTBPN trước khi bắt đầu và vào ngày đầu tiên. Thời gian cố định, không
-- lùi theo ngày nghỉ.
--
-- Không có hạn nộp kế hoạch hay báo cáo kết quả riêng: không văn bản trung
-- ương nào trong các kế hoạch mẫu đặt hạn đó (Bắc Ninh 2024 đưa kết quả hai
-- tháng hành động vào báo cáo chuyên đề Ban VSTBPN năm, Phụ lục 02 mục 4).
-- Tỉnh nào có hạn riêng thì bật trong thư mục của tỉnh, ghi căn cứ của mình:
--
--   campaign "action-month" {
--     from = members(), to = role "secretariat",
--     plan    = { due = "11-10", basis = "Công văn …/UBND-VX ngày …" },
--     results = { due = "end+5", basis = "Công văn …/UBND-VX ngày …" },
--   }
--
-- (xem docs/rules.md, mục campaign). Bỏ hẳn một tháng hành động:
-- drop("campaign", "domestic-violence-month").

-- Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên
-- cơ sở giới: từ 15/11 đến 15/12 hằng năm trên phạm vi toàn quốc. Có từ năm
-- 2016 theo Chương trình hành động quốc gia về BĐG 2016–2020 (QĐ
-- 1696/QĐ-TTg ngày 02/10/2015); Chiến lược 2021–2030 (NQ 28/NQ-CP) tiếp
-- tục. QĐ 1790/QĐ-TTg ngày 23/10/2021 (Chương trình truyền thông về BĐG đến
-- 2030) đặt mục tiêu 100% bộ, ngành, địa phương có kế hoạch Tháng hành
-- động — một mục tiêu, không phải một hạn nộp.
-- Seed: Tam Điệp 2021–2025 mục 1.4; Nghệ An 2020 mục e; Buôn Ma Thuột 2022;
-- Bắc Ninh 2024 (QĐ 373/QĐ-UBND) mục III.4.1.
campaign "action-month" {
  title  = "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
  basis  = "NQ 28/NQ-CP ngày 03/3/2021 (Chiến lược quốc gia về bình đẳng giới 2021–2030); QĐ 1696/QĐ-TTg ngày 02/10/2015",
  window = { from = "11-15", to = "12-15" },
}

-- Tháng hành động quốc gia về phòng, chống bạo lực gia đình: tháng 6 hằng
-- năm (QĐ 363/QĐ-TTg ngày 08/3/2016 của Thủ tướng Chính phủ; Bộ VHTTDL hướng
-- dẫn). Seed: Nghệ An 2020 mục b ("vào tháng 6 hàng năm"); Bắc Ninh 2024,
-- Phụ lục 02 mục 4 ("tháng 6/2024").
campaign "domestic-violence-month" {
  title  = "Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
  basis  = "QĐ 363/QĐ-TTg ngày 08/3/2016 của Thủ tướng Chính phủ",
  window = { from = "06-01", to = "06-30" },
}
