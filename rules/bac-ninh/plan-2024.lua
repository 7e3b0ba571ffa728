-- plan-2024.lua — chế độ thông tin, báo cáo năm 2024 của tỉnh Bắc Ninh.
--
-- Nguồn: QĐ 373/QĐ-UBND ngày 08/4/2024, mục V. Mọi báo cáo gửi về Sở Lao
-- động - Thương binh và Xã hội (Thường trực Ban VSTBPN tỉnh) để tổng hợp
-- báo cáo UBND tỉnh, Bộ LĐTBXH và Ủy ban Quốc gia vì sự tiến bộ phụ nữ.
--
-- Kế hoạch viết "trước ngày 05/12": theo chính sách chung (before_means =
-- "by") ngày 05/12 là ngày cuối cùng; nếu là ngày nghỉ thì lùi sang ngày
-- làm việc tiếp theo (BLDS 2015, Điều 148).
-- Kế hoạch chỉ áp dụng cho năm 2024: kế hoạch năm sau ghi vào tệp mới.
--
-- Hai tháng hành động kế thừa từ rules/national/campaigns.lua, đúng như kế
-- hoạch yêu cầu: các sở, ngành, địa phương tổ chức Tháng hành động vì bình
-- đẳng giới năm 2024 (mục III.4.1); Sở LĐTBXH tham mưu UBND tỉnh kế hoạch
-- hoạt động Tháng hành động "theo chỉ đạo, hướng dẫn của Bộ LĐTBXH" (mục
-- IV.1, không ghi hạn). Kế hoạch KHÔNG đặt hạn nộp kế hoạch hay báo cáo kết
-- quả riêng của Tháng hành động: kết quả tháng 6 (phòng, chống bạo lực gia
-- đình) và Tháng hành động được báo cáo trong báo cáo chuyên đề Ban VSTBPN
-- năm, hạn 05/12 (Phụ lục 02, mục 4) — báo cáo (2) dưới đây.
--
-- Mã kỳ báo cáo khi ghi nhận (dondoc submit): năm "2024", 6 tháng "2024-H1".

-- (1) Kết quả thực hiện Chương trình quốc gia — bảng Phụ lục 01, do các
-- đơn vị chủ trì chỉ tiêu trong Phụ lục 01 và UBND cấp huyện (mục IV.15)
-- gửi. Sở LĐTBXH cũng chủ trì nhiều chỉ tiêu nhưng là nơi tổng hợp, nên
-- không nằm trong danh sách gửi.
obligation "ket-qua-ctqg" {
  title        = "Báo cáo kết quả thực hiện Chương trình quốc gia về bình đẳng giới (Phụ lục 01)",
  basis        = "QĐ 373/QĐ-UBND ngày 08/4/2024, mục V.1",
  from         = {
    "so-noi-vu", "so-vhttdl", "so-gddt", "so-y-te", "so-tttt", "cuc-thong-ke",
    "ubnd-tp-bac-ninh", "ubnd-tu-son", "ubnd-que-vo", "ubnd-thuan-thanh",
    "ubnd-yen-phong", "ubnd-tien-du", "ubnd-gia-binh", "ubnd-luong-tai",
  },
  to           = role "secretariat",
  wording      = "before",                        -- "trước ngày 25 tháng 12"
  periods      = {
    year = { due = "12-25" },
  },
  active_from  = "2024-01-01",
  active_until = "2024-12-31",
}

-- (2) Báo cáo chuyên đề kết quả hoạt động của Ban VSTBPN các cấp, ngành,
-- đơn vị, theo đề cương Phụ lục 02: 6 tháng trước 05/6, năm trước 05/12.
-- Mục 4 của đề cương gồm kết quả tháng hành động phòng, chống bạo lực gia
-- đình (tháng 6) và Tháng hành động vì bình đẳng giới (15/11–15/12).
obligation "ban-vstbpn" {
  title        = "Báo cáo chuyên đề kết quả hoạt động của Ban vì sự tiến bộ của phụ nữ (Phụ lục 02)",
  basis        = "QĐ 373/QĐ-UBND ngày 08/4/2024, mục V.2; Phụ lục 02 (mục 4: kết quả các tháng hành động)",
  from         = members(),
  to           = role "secretariat",
  wording      = "before",                        -- "trước 05 tháng 6", "trước ngày 05 tháng 12"
  periods      = {
    half = { due = "06-05", only = { 1 } },       -- báo cáo 6 tháng đầu năm
    year = { due = "12-05" },                     -- báo cáo năm
  },
  active_from  = "2024-01-01",
  active_until = "2024-12-31",
}

-- (3) Báo cáo kết quả tự kiểm tra của các sở, ngành, địa phương về công
-- tác BĐG và VSTBPN — một lần, trước ngày 05/12/2024.
obligation "tu-kiem-tra" {
  title        = "Báo cáo kết quả tự kiểm tra công tác bình đẳng giới và vì sự tiến bộ của phụ nữ",
  basis        = "QĐ 373/QĐ-UBND ngày 08/4/2024, mục V.3",
  from         = members(),
  to           = role "secretariat",
  wording      = "before",                        -- "trước ngày 05 tháng 12 năm 2024"
  periods      = {
    once = { due = "2024-12-05" },
  },
  active_from  = "2024-01-01",
  active_until = "2024-12-31",
}

-- (4) Sở LĐTBXH "tổng hợp kết quả, định kỳ báo cáo UBND tỉnh và Bộ LĐTBXH
-- theo quy định" (mục IV.1); các báo cáo (1)–(3) gửi về Sở "để tổng hợp
-- báo cáo UBND tỉnh, Bộ LĐTBXH và Ủy ban Quốc gia vì sự tiến bộ phụ nữ Việt
-- Nam theo đúng quy định" (đoạn cuối mục V). Kế hoạch không ghi ngày: ngày
-- do văn bản hằng năm của Bộ ấn định (như Công văn 5645/LĐTBXH-BĐG ngày
-- 29/12/2023 đề nghị báo cáo năm 2023) — "as_instructed": chờ ngày, không
-- nhắc, cho đến khi Thường trực ghi ngày vào `dates` hoặc `dondoc extend`.
-- Kế hoạch giao việc cho Sở LĐTBXH, không cho một vai trò: khi Sở kết thúc
-- (28/02/2025) nghĩa vụ chuyển cho Sở Nội vụ (successor trong
-- agencies.lua) — báo cáo năm 2024, nếu Bộ đặt hạn sau 01/3/2025, do Sở Nội
-- vụ nợ thay Sở LĐTBXH; báo cáo Sở LĐTBXH đã gửi vẫn được ghi là của Sở.
-- Nơi nhận là vai trò "ministry": Bộ LĐTBXH đến 28/02/2025, Bộ Nội vụ sau đó.
obligation "tong-hop" {
  title        = "Báo cáo tổng hợp kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ của tỉnh",
  basis        = "QĐ 373/QĐ-UBND ngày 08/4/2024, mục IV.1 và đoạn cuối mục V (\"theo quy định\")",
  from         = { "so-ldtbxh" },
  to           = { "ubnd-tinh", role "ministry", "ubqg-vstbpn" },
  periods      = {
    half = { due = "as_instructed", only = { 1 } },
    year = { due = "as_instructed" },
  },
  active_from  = "2024-01-01",
  active_until = "2024-12-31",
}
