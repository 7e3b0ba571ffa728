-- plan-2020.lua — chế độ báo cáo và các tháng hành động của Kế hoạch BĐG năm
-- 2020 của tỉnh Nghệ An.
--
-- Nguồn: mục III.3 "Chế độ báo cáo": "Các Sở, ban, ngành, cơ quan, đơn vị
-- và UBND các huyện, thành, thị định kỳ 6 tháng (vào 30/6) và cả năm (vào
-- 30/11) gửi báo cáo kết quả thực hiện nhiệm vụ nêu trên về Sở Lao động –
-- Thương binh và Xã hội để tổng hợp, báo cáo UBND tỉnh, Ủy ban quốc gia
-- VSTBPN Việt Nam và Bộ Lao động – Thương binh và Xã hội theo đúng quy định."
--
-- "Vào 30/6" được ghi wording = "on": 30/6 là ngày cuối. 30/6/2020 là thứ
-- Ba và 30/11/2020 là thứ Hai, nên năm 2020 không hạn nào phải lùi. Mã kỳ
-- khi ghi nhận (dondoc submit): 6 tháng "2020-H1", cả năm "2020".
local KH = "KH năm 2020 của UBND tỉnh Nghệ An"

-- Ai gửi: mọi đơn vị được phân công ở mục III.2 và 21 huyện, thành, thị,
-- trừ Sở LĐTBXH là nơi nhận và tổng hợp.
local GUI_BAO_CAO = {
  "so-noi-vu", "so-khdt", "nhcsxh", "so-gddt", "so-y-te", "so-tttt", "so-vhtt",
  "cong-an", "so-tu-phap", "so-tai-chinh", "cuc-thong-ke", "so-nnptnt",
  "ban-dan-toc", "dai-ptth", "bao-nghe-an", "ubmttq", "hoi-lhpn",
  "ubnd-vinh", "ubnd-cua-lo", "ubnd-thai-hoa", "ubnd-hoang-mai", "ubnd-anh-son",
  "ubnd-con-cuong", "ubnd-dien-chau", "ubnd-do-luong", "ubnd-hung-nguyen",
  "ubnd-ky-son", "ubnd-nam-dan", "ubnd-nghi-loc", "ubnd-nghia-dan",
  "ubnd-que-phong", "ubnd-quy-chau", "ubnd-quy-hop", "ubnd-quynh-luu",
  "ubnd-tan-ky", "ubnd-thanh-chuong", "ubnd-tuong-duong", "ubnd-yen-thanh",
}

obligation "ket-qua-2020" {
  title        = "Báo cáo kết quả thực hiện Kế hoạch bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2020",
  basis        = KH .. ", mục III.3",
  from         = GUI_BAO_CAO,
  to           = role "secretariat",
  wording      = "on",                            -- "vào 30/6", "vào 30/11"
  periods      = {
    half = { due = "06-30", only = { 1 } },       -- định kỳ 6 tháng
    year = { due = "11-30" },                     -- cả năm
  },
  active_from  = "2020-01-01",
  active_until = "2020-12-31",
}

-- Sở LĐTBXH tổng hợp, báo cáo UBND tỉnh, UBQG VSTBPN và Bộ LĐTBXH "theo
-- đúng quy định" (III.3; 2.1.đ): kế hoạch không ghi ngày, ngày do văn bản
-- của UBND tỉnh, Bộ LĐTBXH ấn định — "as_instructed" (chờ ngày, không nhắc)
-- cho đến khi Thường trực ghi ngày vào `dates` hoặc `dondoc extend … --until`.
obligation "tong-hop-2020" {
  title        = "Báo cáo tổng hợp kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2020 của tỉnh",
  basis        = KH .. ", mục III.2.1.đ và III.3 (\"theo đúng quy định\")",
  from         = role "secretariat",
  to           = { "ubnd-tinh", "ubqg-vstbpn", "bo-ldtbxh" },
  periods      = {
    half = { due = "as_instructed", only = { 1 } },
    year = { due = "as_instructed" },
  },
  active_from  = "2020-01-01",
  active_until = "2020-12-31",
}

-- Tháng hành động vì BĐG (15/11–15/12): Sở LĐTBXH chủ trì tổ chức (2.1.b);
-- mọi cấp, ngành tổ chức (II.1.e; II.2.e). Tháng 6 phòng, chống bạo lực gia
-- đình: Sở Văn hóa và Thể thao lồng ghép nội dung (2.8.b). Cả hai kế thừa
-- từ national-2011; ở đây chỉ ghi thêm căn cứ của tỉnh. Kế hoạch không đặt
-- hạn nộp kế hoạch hay báo cáo riêng của các tháng hành động (kết quả nằm
-- trong báo cáo năm vào 30/11). Kế hoạch của năm 2020: cả hai trong năm 2020.
campaign "action-month" {
  basis        = "QĐ 1696/QĐ-TTg ngày 02/10/2015; " .. KH .. ", mục II.1.e, III.2.1.b",
  active_from  = "2020-01-01",
  active_until = "2020-12-31",
}

campaign "domestic-violence-month" {
  basis        = "QĐ 363/QĐ-TTg ngày 08/3/2016; " .. KH .. ", mục III.2.8.b",
  active_from  = "2020-01-01",
  active_until = "2020-12-31",
}
