-- indicators.lua — chỉ tiêu riêng của tỉnh Bắc Ninh.
--
-- Nguồn: QĐ 373/QĐ-UBND ngày 08/4/2024, Phụ lục 01 (Kết quả thực hiện các
-- mục tiêu, chỉ tiêu của Chiến lược quốc gia về BĐG tỉnh Bắc Ninh năm 2024),
-- theo Kế hoạch 360/KH-UBND ngày 10/6/2021.
--
-- Tỉnh kế thừa toàn bộ chỉ tiêu quốc gia (rules/national/indicators.lua);
-- ở đây chỉ ghi những mục KHÁC quốc gia. Khi tỉnh đặt mục tiêu riêng, mục
-- tiêu quốc gia vẫn được giữ và in bên cạnh ("TW"), như trong Phụ lục 01.
--
-- Hạn số liệu: số liệu năm N gửi cùng báo cáo (1) "trước ngày 25/12"
-- (mục V.1) — trùng hạn mặc định quốc gia (due = "12-25"), nên không ghi lại.
-- Kỳ báo cáo: "Theo năm"; M5.1 "Theo năm học" — như quốc gia.

-- M1: Phụ lục 01 giao Sở Nội vụ chủ trì, các huyện, thành phố và Sở LĐTBXH
-- cùng thực hiện.
indicator "m1.1" {
  support = { "ubnd-tp-bac-ninh", "ubnd-tu-son", "ubnd-que-vo", "ubnd-thuan-thanh",
              "ubnd-yen-phong", "ubnd-tien-du", "ubnd-gia-binh", "ubnd-luong-tai",
              "so-ldtbxh" },
}

-- M2: Sở LĐTBXH chủ trì; Cục Thống kê cung cấp số liệu điều tra lao động
-- việc làm hằng năm.
indicator "m2.1" {
  support = { "cuc-thong-ke" },
}

indicator "m2.2" {
  targets = { [2025] = 20, [2030] = 10 },          -- "dưới 20% (TW 30)", "dưới 10% (TW 25)"
  support = { "cuc-thong-ke" },
  basis   = "QĐ 373/QĐ-UBND, Phụ lục 01, mục II.2; NQ 28/NQ-CP, Mục tiêu 2, chỉ tiêu 2",
}

indicator "m2.3" {
  lead    = role "labour",                          -- Phụ lục 01: cả mục II do Sở LĐTBXH chủ trì
  support = { "cuc-thong-ke" },
}

-- M3.1: Sở VHTTDL chủ trì; Cục Thống kê thu thập số liệu.
indicator "m3.1" {
  support = { "cuc-thong-ke" },
}

-- M3.2: số liệu bạo lực gia đình do Sở VHTTDL, bạo lực trên cơ sở giới do
-- Sở GDĐT và Sở LĐTBXH cung cấp; ghi số cộng chung vào các dãy
-- m3.2a.detected / m3.2a.supported và m3.2b.detected / m3.2b.counselled.
indicator "m3.2a" {
  targets = { [2025] = 90, [2030] = 100 },         -- "90% (TW 80)", "100% (TW 90)"
  support = { "so-gddt", "so-ldtbxh" },
  basis   = "QĐ 373/QĐ-UBND, Phụ lục 01, mục III.2 (2a); NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2",
}

indicator "m3.2b" {
  targets = { [2025] = 60, [2030] = 80 },          -- "60% (TW 50)", "80% (TW 70)"
  support = { "so-gddt", "so-ldtbxh" },
  basis   = "QĐ 373/QĐ-UBND, Phụ lục 01, mục III.2 (2b); NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2",
}

-- M4.4: tỉnh đặt mục tiêu của riêng mình — có/không, đến năm 2030.
indicator "m4.4" {
  title     = "Tỉnh có ít nhất một cơ sở y tế cung cấp thí điểm dịch vụ chăm sóc sức khỏe dành cho người đồng tính, song tính và chuyển giới",
  unit      = "có/không",
  direction = "yes_no",
  targets   = { [2030] = true },                   -- "phấn đấu đến năm 2030"
  basis     = "QĐ 373/QĐ-UBND, Phụ lục 01, mục IV.4; NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 4",
}

-- M5: Phụ lục 01 không có chỉ tiêu về trẻ em dân tộc thiểu số (các dòng
-- đánh số 1, 2, "4 – Chỉ tiêu 3").
drop("indicator", "m5.2")

indicator "m5.3" {
  targets = { [2025] = 30, [2030] = 35 },          -- "trên 30%", "35% (TW 40)"
  basis   = "QĐ 373/QĐ-UBND, Phụ lục 01, mục V.2; NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 3",
}
