-- jurisdiction.lua — tỉnh Ninh Bình: chỉ những gì biết chắc về kế hoạch của
-- tỉnh, để thành phố Tam Điệp (rules/tam-diep) kế thừa. KHUÔN MẪU: không
-- được theo dõi riêng.
--
-- Nguồn: Kế hoạch của thành phố Tam Điệp (seed 000) được ban hành "thực hiện
-- Kế hoạch số 102/KH-UBND ngày 8/7/2021 của UBND tỉnh Ninh Bình về việc
-- thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025 trên
-- địa bàn tỉnh Ninh Bình", và gửi kết quả "để báo cáo UBND tỉnh và Sở Lao
-- động - Thương binh và Xã hội theo quy định". Văn bản của tỉnh không có
-- trong tài liệu của dondoc: không biết chỉ tiêu riêng, hạn báo cáo hay
-- phân công của tỉnh, nên ở đây chỉ có khung quốc gia 2021–2030 (kế thừa
-- rules/national) và hai cơ quan cấp tỉnh nhận báo cáo của thành phố. Khi
-- có văn bản 102/KH-UBND, ghi chỉ tiêu và hạn của tỉnh vào thư mục này;
-- mọi thành phố, huyện của tỉnh kế thừa chúng.
--
-- Như kế hoạch của Tam Điệp: bộ máy trước sắp xếp năm 2025 (Sở LĐTBXH; tỉnh
-- Ninh Bình trước khi hợp nhất với Hà Nam, Nam Định ngày 01/7/2025).

jurisdiction "ninh-binh" {
  name     = "Tỉnh Ninh Bình",
  parent   = "national",
  template = true,
  plan     = "Kế hoạch 102/KH-UBND ngày 08/7/2021 của UBND tỉnh Ninh Bình (thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2025)",
}

-- Nơi nhận báo cáo năm của cấp huyện. Không phải thành viên Ban VSTBPN của
-- huyện (member = false). Địa chỉ MẪU (tên miền dành riêng .example).
agency "ubnd-tinh-ninh-binh" {
  name   = "Ủy ban nhân dân tỉnh Ninh Bình",
  kind   = "province",
  member = false,
  email  = "ubnd-tinh@ninhbinh.example.gov.vn",
}

agency "so-ldtbxh-ninh-binh" {
  name   = "Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình",
  kind   = "province",
  member = false,
  email  = "so-ldtbxh@ninhbinh.example.gov.vn",
}
