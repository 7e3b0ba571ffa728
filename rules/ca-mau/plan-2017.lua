-- plan-2017.lua — chế độ báo cáo của Kế hoạch 02/KH-UBND ngày 13/01/2017
-- của tỉnh Cà Mau.
--
-- Nguồn: mục V: "Sở Lao động - Thương binh và Xã hội là cơ quan thường trực
-- Ban Vì sự tiến bộ của phụ nữ chịu trách nhiệm triển khai, theo dõi, kiểm
-- tra, tổng hợp tình hình thực hiện Kế hoạch của các thành viên của Ban, và
-- các ngành, các địa phương. Định kỳ, trước ngày 30 tháng 11 hàng năm, tổng
-- hợp báo cáo Ủy ban nhân dân tỉnh, Bộ Lao động - Thương binh và Xã hội tình
-- hình thực hiện các nội dung Kế hoạch này." Mục IV.13, IV.14: các sở, ban,
-- ngành và UBND các huyện, thành phố "định kỳ" báo cáo qua Sở LĐTBXH.
--
-- "Trước ngày 30 tháng 11" theo chính sách chung: 30/11 là ngày cuối; nếu
-- là ngày nghỉ thì lùi sang ngày làm việc tiếp theo (30/11/2019 là thứ Bảy:
-- hạn thứ Hai 02/12/2019). Mã kỳ: năm "2017".
local KH = "KH 02/KH-UBND ngày 13/01/2017 của UBND tỉnh Cà Mau"

-- (1) Báo cáo năm của thường trực Ban — hạn duy nhất kế hoạch ghi ngày.
obligation "bao-cao-nam" {
  title       = "Báo cáo tình hình thực hiện Kế hoạch triển khai Đề án \"Tăng cường sự lãnh đạo của Đảng đối với công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trong tình hình mới\"",
  basis       = KH .. ", mục V",
  from        = role "secretariat",
  to          = { "ubnd-tinh", "bo-ldtbxh" },
  wording     = "before",                         -- "trước ngày 30 tháng 11 hàng năm"
  periods     = { year = { due = "11-30" } },
  active_from = "2017-01-13",
}

-- (2) Báo cáo của các sở, ban, ngành (IV.13) và UBND các huyện, thành phố
-- (IV.14) gửi qua Sở LĐTBXH. Kế hoạch chỉ ghi "định kỳ", không ghi kỳ hay
-- ngày. Cách đọc: mỗi năm một lần — vì báo cáo của Sở LĐTBXH tổng hợp chính
-- các báo cáo này là báo cáo năm — và ngày do Sở LĐTBXH hoặc UBND tỉnh ấn
-- định hằng năm: "as_instructed" (chờ ngày, không nhắc) cho đến khi có văn
-- bản (ghi `dates` dưới đây hoặc `dondoc extend … --until … --letter …`).
-- Không đoán một hạn trước 30/11: kế hoạch không nói.
obligation "bao-cao-dinh-ky" {
  title       = "Báo cáo kết quả thực hiện Kế hoạch triển khai Đề án \"Tăng cường sự lãnh đạo của Đảng đối với công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trong tình hình mới\" của sở, ngành, địa phương",
  basis       = KH .. ", mục IV.13, IV.14 (\"định kỳ\", không ghi ngày)",
  from        = {
    "so-noi-vu", "so-khdt", "so-tai-chinh", "so-tttt", "so-tu-phap",
    "so-vhttdl", "so-y-te", "cong-an", "ban-dan-toc",
    "ubnd-tp-ca-mau", "ubnd-thoi-binh", "ubnd-u-minh", "ubnd-tran-van-thoi",
    "ubnd-cai-nuoc", "ubnd-phu-tan", "ubnd-dam-doi", "ubnd-nam-can",
    "ubnd-ngoc-hien",
  },
  to          = { role "secretariat", "ubnd-tinh" },   -- "qua Sở LĐTBXH … báo cáo UBND tỉnh"
  periods     = { year = { due = "as_instructed" } },
  active_from = "2017-01-13",
}

-- Chỉ tiêu: của Chiến lược 2011–2020 (national-2011), không có chỉ tiêu
-- riêng. Nạn nhân bị mua bán trở về (M6.3): Công an tỉnh "tổ chức triển
-- khai hiệu quả Chương trình hành động phòng, chống mua bán người" (IV.9).
indicator "m6.3" {
  lead  = "cong-an",
  basis = KH .. ", mục IV.9; QĐ 2351/QĐ-TTg, Mục tiêu 6, chỉ tiêu 3",
}
-- Mất cân bằng giới tính khi sinh (M4.1): Sở Y tế, Đề án kiểm soát mất cân
-- bằng giới tính khi sinh (IV.8) — vai trò health.
indicator "m4.1" {
  basis = KH .. ", mục IV.8; QĐ 2351/QĐ-TTg, Mục tiêu 4, chỉ tiêu 1",
}
-- Tỷ lệ nữ lãnh đạo, nữ đại biểu (M1): Sở Nội vụ (IV.2), Hội LHPN giới
-- thiệu nguồn cán bộ nữ (IV.11).
indicator "m1.1b" { support = { "hoi-lhpn" } }
indicator "m1.1c" { support = { "hoi-lhpn" } }
indicator "m1.2"  { support = { "hoi-lhpn" } }

-- Tháng hành động (15/11–15/12) và tháng 6 phòng, chống bạo lực gia đình:
-- kế hoạch không nhắc đến; kế thừa từ khuôn mẫu 2011–2020 (cả nước tổ
-- chức từ năm 2016), không có báo cáo riêng.
