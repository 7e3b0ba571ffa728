-- jurisdiction.lua — tỉnh Đắk Lắk: chỉ những gì biết chắc về văn bản của
-- tỉnh, để thành phố Buôn Ma Thuột (rules/buon-ma-thuot) kế thừa. KHUÔN
-- MẪU: không được theo dõi riêng.
--
-- Nguồn: Kế hoạch 48/KH-UBND ngày 23/3/2022 của thành phố Buôn Ma Thuột
-- (seed 002) thực hiện "Công văn số 1522/UBND-KGVX ngày 01/3/2022 của Ủy ban
-- nhân dân tỉnh về việc triển khai công tác bình đẳng giới năm 2022" và
-- "Công văn số 318/SLĐTBXH – BTXH ngày 02/3/2022 của Sở Lao động – Thương
-- binh và Xã hội"; Phòng LĐTBXH thành phố tổng hợp "báo cáo UBND Thành phố
-- và Sở Lao động – Thương binh và Xã hội Tỉnh"; kế hoạch gửi "Ban VSTBCPN
-- Tỉnh (b/c)". Hai công văn không có trong tài liệu của dondoc: không biết
-- hạn hay chỉ tiêu của tỉnh, nên ở đây chỉ có khung quốc gia 2021–2030 (kế
-- thừa rules/national) và Sở LĐTBXH tỉnh, nơi nhận báo cáo của thành phố.
--
-- Như kế hoạch của Buôn Ma Thuột: bộ máy năm 2022 (Sở LĐTBXH; tỉnh Đắk Lắk
-- trước khi hợp nhất với Phú Yên ngày 01/7/2025).

jurisdiction "dak-lak" {
  name     = "Tỉnh Đắk Lắk",
  parent   = "national",
  template = true,
  plan     = "Công văn 1522/UBND-KGVX ngày 01/3/2022 của UBND tỉnh Đắk Lắk; Công văn 318/SLĐTBXH-BTXH ngày 02/3/2022 của Sở LĐTBXH (triển khai công tác bình đẳng giới năm 2022)",
}

-- Nơi Phòng LĐTBXH thành phố gửi báo cáo tổng hợp (member = false: không
-- phải thành viên Ban VSTBPN của thành phố). Địa chỉ MẪU (tên miền .example).
agency "so-ldtbxh-dak-lak" {
  name   = "Sở Lao động - Thương binh và Xã hội tỉnh Đắk Lắk",
  kind   = "province",
  member = false,
  email  = "so-ldtbxh@daklak.example.gov.vn",
}
