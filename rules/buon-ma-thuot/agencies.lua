-- agencies.lua — cơ quan, đơn vị trong Kế hoạch 48/KH-UBND ngày 23/3/2022 của
-- thành phố Buôn Ma Thuột, và VAI TRÒ mỗi cơ quan nắm giữ.
--
-- Nguồn: mục III (tổ chức thực hiện, 1–10).
--
-- member = true (mặc định): thành viên, được nhắc về Tháng hành động. UBND
-- các phường, xã là cấp dưới nhưng báo cáo sơ kết, tổng kết về thành phố
-- và tự xây dựng kế hoạch Tháng hành động (mục II.1), nên cũng ghi
-- member = true.
-- Địa chỉ thư điện tử là địa chỉ MẪU (tên miền dành riêng .example); thay
-- bằng địa chỉ thật trước khi bật gửi nhắc việc.

----------------------------------------------------------------------------
-- Phòng, ban, đơn vị, đoàn thể của thành phố (mục III.1–III.9)
----------------------------------------------------------------------------

-- III.1: theo dõi, đôn đốc; tổng hợp báo cáo UBND thành phố và Sở LĐTBXH.
agency "phong-ldtbxh" {
  name  = "Phòng Lao động - Thương binh và Xã hội",
  email = "phong-ldtbxh@buonmathuot.example.gov.vn",
}

agency "phong-noi-vu" {                                   -- III.2
  name  = "Phòng Nội vụ",
  email = "phong-noi-vu@buonmathuot.example.gov.vn",
}

agency "phong-tckh" {                                     -- III.3
  name  = "Phòng Tài chính - Kế hoạch",
  email = "phong-tckh@buonmathuot.example.gov.vn",
}

agency "phong-tu-phap" {                                  -- III.4
  name  = "Phòng Tư pháp",
  email = "phong-tu-phap@buonmathuot.example.gov.vn",
}

agency "phong-y-te" {                                     -- III.5
  name  = "Phòng Y tế",
  email = "phong-y-te@buonmathuot.example.gov.vn",
}

agency "trung-tam-y-te" {                                 -- III.5
  name  = "Trung tâm Y tế thành phố",
  email = "trung-tam-y-te@buonmathuot.example.gov.vn",
}

agency "phong-vhtt" {                                     -- III.6
  name  = "Phòng Văn hóa - Thông tin",
  email = "phong-vhtt@buonmathuot.example.gov.vn",
}

agency "phong-gddt" {                                     -- III.7
  name  = "Phòng Giáo dục và Đào tạo",
  email = "phong-gddt@buonmathuot.example.gov.vn",
}

agency "dai-tt-th" {                                      -- III.8
  name  = "Đài Truyền thanh - Truyền hình thành phố",
  kind  = "media",
  email = "dai-tt-th@buonmathuot.example.gov.vn",
}

agency "cong-ttdt" {                                      -- III.8
  name  = "Cổng thông tin điện tử thành phố",
  kind  = "media",
  email = "cong-ttdt@buonmathuot.example.gov.vn",
}

agency "ubmttq" {                                         -- III.9 ("Đề nghị")
  name  = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
  kind  = "mass-organisation",
  email = "ubmttq@buonmathuot.example.gov.vn",
}

-- Nơi nhận báo cáo của phường, xã ("về UBND Thành phố (qua Phòng LĐTBXH)").
agency "ubnd-tp" {
  name   = "Ủy ban nhân dân thành phố Buôn Ma Thuột",
  kind   = "people-committee",
  member = false,
  email  = "ubnd-tp@buonmathuot.example.gov.vn",
}

----------------------------------------------------------------------------
-- UBND các phường, xã (mục III.10): 13 phường, 8 xã năm 2022. Kế hoạch
-- không liệt kê tên; danh sách theo địa giới hành chính năm 2022.
----------------------------------------------------------------------------

agency "ubnd-tan-lap"     { name = "UBND phường Tân Lập",    kind = "commune", email = "ubnd-tan-lap@buonmathuot.example.gov.vn" }
agency "ubnd-tan-hoa"     { name = "UBND phường Tân Hòa",    kind = "commune", email = "ubnd-tan-hoa@buonmathuot.example.gov.vn" }
agency "ubnd-tan-an"      { name = "UBND phường Tân An",     kind = "commune", email = "ubnd-tan-an@buonmathuot.example.gov.vn" }
agency "ubnd-thong-nhat"  { name = "UBND phường Thống Nhất", kind = "commune", email = "ubnd-thong-nhat@buonmathuot.example.gov.vn" }
agency "ubnd-thanh-nhat"  { name = "UBND phường Thành Nhất", kind = "commune", email = "ubnd-thanh-nhat@buonmathuot.example.gov.vn" }
agency "ubnd-thang-loi"   { name = "UBND phường Thắng Lợi",  kind = "commune", email = "ubnd-thang-loi@buonmathuot.example.gov.vn" }
agency "ubnd-tan-loi"     { name = "UBND phường Tân Lợi",    kind = "commune", email = "ubnd-tan-loi@buonmathuot.example.gov.vn" }
agency "ubnd-thanh-cong"  { name = "UBND phường Thành Công", kind = "commune", email = "ubnd-thanh-cong@buonmathuot.example.gov.vn" }
agency "ubnd-tan-thanh"   { name = "UBND phường Tân Thành",  kind = "commune", email = "ubnd-tan-thanh@buonmathuot.example.gov.vn" }
agency "ubnd-tan-tien"    { name = "UBND phường Tân Tiến",   kind = "commune", email = "ubnd-tan-tien@buonmathuot.example.gov.vn" }
agency "ubnd-tu-an"       { name = "UBND phường Tự An",      kind = "commune", email = "ubnd-tu-an@buonmathuot.example.gov.vn" }
agency "ubnd-ea-tam"      { name = "UBND phường Ea Tam",     kind = "commune", email = "ubnd-ea-tam@buonmathuot.example.gov.vn" }
agency "ubnd-khanh-xuan"  { name = "UBND phường Khánh Xuân", kind = "commune", email = "ubnd-khanh-xuan@buonmathuot.example.gov.vn" }
agency "ubnd-hoa-thuan"   { name = "UBND xã Hòa Thuận",      kind = "commune", email = "ubnd-hoa-thuan@buonmathuot.example.gov.vn" }
agency "ubnd-cu-ebur"     { name = "UBND xã Cư Êbur",        kind = "commune", email = "ubnd-cu-ebur@buonmathuot.example.gov.vn" }
agency "ubnd-ea-tu"       { name = "UBND xã Ea Tu",          kind = "commune", email = "ubnd-ea-tu@buonmathuot.example.gov.vn" }
agency "ubnd-hoa-thang"   { name = "UBND xã Hòa Thắng",      kind = "commune", email = "ubnd-hoa-thang@buonmathuot.example.gov.vn" }
agency "ubnd-ea-kao"      { name = "UBND xã Ea Kao",         kind = "commune", email = "ubnd-ea-kao@buonmathuot.example.gov.vn" }
agency "ubnd-hoa-phu"     { name = "UBND xã Hòa Phú",        kind = "commune", email = "ubnd-hoa-phu@buonmathuot.example.gov.vn" }
agency "ubnd-hoa-khanh"   { name = "UBND xã Hòa Khánh",      kind = "commune", email = "ubnd-hoa-khanh@buonmathuot.example.gov.vn" }
agency "ubnd-hoa-xuan"    { name = "UBND xã Hòa Xuân",       kind = "commune", email = "ubnd-hoa-xuan@buonmathuot.example.gov.vn" }

----------------------------------------------------------------------------
-- Vai trò (rules/national/roles.lua). Kế hoạch năm 2022 không giao chỉ tiêu
-- cho ai: cơ quan được giao việc cùng lĩnh vực ở mục III chủ trì chỉ tiêu
-- của lĩnh vực đó. Doanh nghiệp, trợ giúp xã hội, giáo dục nghề nghiệp
-- không có cơ quan nào trong kế hoạch: Phòng LĐTBXH (cơ quan theo dõi,
-- tổng hợp; năm 2022 cũng quản lý trợ giúp xã hội và giáo dục nghề nghiệp
-- ở cấp huyện) theo dõi.
----------------------------------------------------------------------------

role "secretariat"         "phong-ldtbxh"   -- nhận báo cáo của phường, xã (III.10)
role "gender-focal"        "phong-ldtbxh"   -- III.1
role "labour"              "phong-ldtbxh"   -- III.1: BĐG trong lao động – việc làm
role "economy"             "phong-ldtbxh"
role "social-protection"   "phong-ldtbxh"
role "vocational-training" "phong-ldtbxh"
role "home-affairs"        "phong-noi-vu"   -- III.2: cán bộ nữ
role "health"              "phong-y-te"     -- III.5: mất cân bằng giới tính khi sinh
role "culture"             "phong-vhtt"     -- III.6: phòng chống bạo lực gia đình
role "information"         "phong-vhtt"     -- III.6: tuyên truyền, thông tin cơ sở
role "education"           "phong-gddt"     -- III.7

-- Số liệu bạo lực gia đình thống kê tại cơ sở khám, chữa bệnh (III.5):
-- Trung tâm Y tế phối hợp các chỉ tiêu về bạo lực (M3.2).
indicator "m3.2a" { support = { "trung-tam-y-te" } }
indicator "m3.2b" { support = { "trung-tam-y-te" } }
-- Truyền thông (III.8): Đài Truyền thanh - Truyền hình phối hợp M6.4.
indicator "m6.4" { support = { "dai-tt-th" } }
