-- plan.lua — nghĩa vụ của tỉnh Bắc Ninh mới từ 01/7/2025.
--
-- Hai báo cáo định kỳ chắc chắn có, ngày chưa biết ("as_instructed": chờ
-- ngày, không nhắc; dondoc liệt kê bằng `check --all` và `rules list`):
--   (1) Các sở, ngành gửi Thường trực Ban (Sở Nội vụ) kết quả công tác bình
--       đẳng giới và vì sự tiến bộ của phụ nữ của năm — như mọi kế hoạch
--       năm của tỉnh (QĐ 373/QĐ-UBND năm 2024, mục V.2) — theo kế hoạch năm
--       của tỉnh mới;
--   (2) Sở Nội vụ tổng hợp, báo cáo UBND tỉnh và Bộ Nội vụ, để Chính phủ báo
--       cáo Quốc hội hằng năm (Luật Bình đẳng giới 2006, Điều 25); Bộ Nội vụ
--       hướng dẫn công tác bình đẳng giới hằng năm (Công văn 739/BNV-CTTN&BĐG
--       ngày 28/3/2025).
-- Năm 2025 là năm đầu: kỳ "2025" gồm cả nửa năm trước hợp nhất (tỉnh mới
-- báo cáo cả năm cho cả hai tỉnh cũ); kỳ 2025-H1 là của tỉnh cũ
-- (rules/bac-ninh/plan-2025.lua). Khi kế hoạch năm của tỉnh có ngày, ghi
-- vào dates, ví dụ: dates = { ["2025"] = "2025-12-05" }.

obligation "ket-qua-bdg" {
  title       = "Báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm",
  basis       = "Kế hoạch năm của UBND tỉnh Bắc Ninh (sau hợp nhất; ngày theo kế hoạch); Công văn 739/BNV-CTTN&BĐG ngày 28/3/2025 của Bộ Nội vụ",
  from        = members(),
  to          = role "secretariat",
  periods     = { year = { due = "as_instructed" } },
  active_from = "2025-07-01",
}

obligation "tong-hop" {
  title       = "Báo cáo tổng hợp kết quả thực hiện mục tiêu quốc gia về bình đẳng giới của tỉnh",
  basis       = "Luật Bình đẳng giới 2006, Điều 25; Công văn 739/BNV-CTTN&BĐG ngày 28/3/2025 của Bộ Nội vụ (ngày theo văn bản hằng năm của Bộ)",
  from        = role "secretariat",
  to          = { "ubnd-tinh", "bo-noi-vu" },
  periods     = { year = { due = "as_instructed" } },
  active_from = "2025-07-01",
}

-- Các tháng hành động từ khi có tỉnh mới: Tháng hành động 15/11–15/12/2025
-- là lần đầu của tỉnh mới (tháng 6/2025 là của tỉnh cũ).
campaign "action-month"            { active_from = "2025-07-01" }
campaign "domestic-violence-month" { active_from = "2025-07-01" }
