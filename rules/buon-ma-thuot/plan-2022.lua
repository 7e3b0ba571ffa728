-- plan-2022.lua — các báo cáo và Tháng hành động của Kế hoạch 48/KH-UBND
-- ngày 23/3/2022 của thành phố Buôn Ma Thuột.
--
-- Nguồn: mục III.10: UBND các phường, xã "tổ chức sơ kết, tổng kết nhằm
-- đánh giá kết quả thực hiện công tác BĐG năm 2022 gửi về UBND Thành phố
-- (qua Phòng Lao động – Thương binh và Xã hội) trước ngày 15/5/2022 và ngày
-- 15/11/2022"; mục II.5 (tổng kết 15 năm thi hành Luật BĐG); mục III.1
-- (Phòng LĐTBXH tổng hợp báo cáo).
--
-- Cách đọc: sơ kết là báo cáo trước 15/5/2022, tổng kết là báo cáo trước
-- 15/11/2022 (theo thứ tự câu); "trước" áp cho cả hai ngày. "Trước ngày
-- 15/5" theo chính sách chung: 15/5 là ngày cuối; 15/5/2022 là Chủ nhật nên
-- hạn lùi sang thứ Hai 16/5/2022 (BLDS 2015, Điều 148). 15/11/2022 là thứ Ba.
-- Mã kỳ khi ghi nhận (dondoc submit): "2022".
local KH = "KH 48/KH-UBND ngày 23/3/2022 của UBND thành phố Buôn Ma Thuột"

local PHUONG_XA = {
  "ubnd-tan-lap", "ubnd-tan-hoa", "ubnd-tan-an", "ubnd-thong-nhat",
  "ubnd-thanh-nhat", "ubnd-thang-loi", "ubnd-tan-loi", "ubnd-thanh-cong",
  "ubnd-tan-thanh", "ubnd-tan-tien", "ubnd-tu-an", "ubnd-ea-tam",
  "ubnd-khanh-xuan", "ubnd-hoa-thuan", "ubnd-cu-ebur", "ubnd-ea-tu",
  "ubnd-hoa-thang", "ubnd-ea-kao", "ubnd-hoa-phu", "ubnd-hoa-khanh",
  "ubnd-hoa-xuan",
}

obligation "so-ket-2022" {
  title   = "Báo cáo sơ kết công tác bình đẳng giới năm 2022 của phường, xã",
  basis   = KH .. ", mục III.10 (\"trước ngày 15/5/2022\")",
  from    = PHUONG_XA,
  to      = { "ubnd-tp", role "secretariat" },     -- "về UBND Thành phố (qua Phòng LĐTBXH)"
  wording = "before",
  periods = { once = { due = "2022-05-15" } },
}

obligation "tong-ket-2022" {
  title   = "Báo cáo tổng kết công tác bình đẳng giới năm 2022 của phường, xã",
  basis   = KH .. ", mục III.10 (\"và ngày 15/11/2022\")",
  from    = PHUONG_XA,
  to      = { "ubnd-tp", role "secretariat" },
  wording = "before",
  periods = { once = { due = "2022-11-15" } },
}

-- Tổng kết 15 năm thi hành Luật Bình đẳng giới (mục II.5): phòng, ban, đoàn
-- thể thu thập số liệu, đánh giá; phường, xã tổ chức hội nghị tổng kết hoặc
-- xây dựng báo cáo "khi có hướng dẫn của Thành phố". Ngày chưa biết:
-- "as_instructed" (chờ ngày, không nhắc) cho đến khi có hướng dẫn — ghi
-- `dates = { ["2022"] = "…" }` dưới đây hoặc `dondoc extend … --until …
-- --letter …` cho từng đơn vị. Cách đọc: phòng, ban gửi phần đánh giá của
-- mình về Phòng LĐTBXH, nơi theo dõi, tổng hợp (III.1), vì kế hoạch không
-- ghi nơi nhận.
obligation "tong-ket-15-nam-luat-bdg" {
  title   = "Báo cáo tổng kết 15 năm thi hành Luật Bình đẳng giới",
  basis   = KH .. ", mục II.5 (\"khi có hướng dẫn của Thành phố\")",
  from    = {
    "phong-noi-vu", "phong-tckh", "phong-tu-phap", "phong-y-te", "trung-tam-y-te",
    "phong-vhtt", "phong-gddt", "dai-tt-th", "cong-ttdt", "ubmttq",
    "ubnd-tan-lap", "ubnd-tan-hoa", "ubnd-tan-an", "ubnd-thong-nhat",
    "ubnd-thanh-nhat", "ubnd-thang-loi", "ubnd-tan-loi", "ubnd-thanh-cong",
    "ubnd-tan-thanh", "ubnd-tan-tien", "ubnd-tu-an", "ubnd-ea-tam",
    "ubnd-khanh-xuan", "ubnd-hoa-thuan", "ubnd-cu-ebur", "ubnd-ea-tu",
    "ubnd-hoa-thang", "ubnd-ea-kao", "ubnd-hoa-phu", "ubnd-hoa-khanh",
    "ubnd-hoa-xuan",
  },
  to           = role "secretariat",
  periods      = { year = { due = "as_instructed" } },
  active_from  = "2022-03-23",
  active_until = "2022-12-31",
}

-- Phòng LĐTBXH "tổng hợp báo cáo UBND Thành phố và Sở Lao động – Thương binh
-- và Xã hội Tỉnh" (III.1): không ghi ngày — ngày theo văn bản của tỉnh
-- (Công văn 318/SLĐTBXH-BTXH, không có trong tài liệu): "as_instructed".
obligation "tong-hop-2022" {
  title        = "Báo cáo tổng hợp kết quả công tác bình đẳng giới năm 2022 của thành phố",
  basis        = KH .. ", mục III.1",
  from         = role "secretariat",
  to           = { "ubnd-tp", "so-ldtbxh-dak-lak" },
  periods      = { year = { due = "as_instructed" } },
  active_from  = "2022-03-23",
  active_until = "2022-12-31",
}

-- Tháng hành động năm 2022 (15/11–15/12): "Xây dựng kế hoạch thực hiện
-- Tháng hành động … năm 2022 hiệu quả, sáng tạo" (mục II.1) — mỗi đơn vị,
-- địa phương tự xây dựng; kế hoạch không ghi hạn hay nơi gửi, nên không có
-- báo cáo riêng. Kế hoạch chỉ cho năm 2022: cả hai tháng hành động kế thừa
-- được giới hạn trong năm 2022 (tháng 6 không có trong kế hoạch, giữ từ
-- khung quốc gia).
campaign "action-month" {
  basis        = "NQ 28/NQ-CP ngày 03/3/2021; " .. KH .. ", mục II.1",
  active_from  = "2022-03-23",
  active_until = "2022-12-31",
}

campaign "domestic-violence-month" {
  active_from  = "2022-03-23",
  active_until = "2022-12-31",
}
