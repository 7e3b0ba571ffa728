-- agencies.lua — cơ quan, đơn vị trong Kế hoạch BĐG 2021–2025 của thành phố
-- Tam Điệp, và VAI TRÒ mỗi cơ quan nắm giữ.
--
-- Nguồn: mục IV (tổ chức thực hiện, 1–16) và đoạn cuối (báo cáo hằng năm
-- của "các phòng, ban, ngành, đoàn thể, UBND các phường, xã").
--
-- member = true (mặc định): thành viên, được nhắc về Tháng hành động. UBND
-- các phường, xã là cấp dưới, không phải thành viên Ban của thành phố,
-- nhưng báo cáo hằng năm như các phòng, ban và tự tổ chức Tháng hành động
-- tại địa phương, nên cũng ghi member = true.
-- Địa chỉ thư điện tử là địa chỉ MẪU (tên miền dành riêng .example); thay
-- bằng địa chỉ thật trước khi bật gửi nhắc việc.

----------------------------------------------------------------------------
-- Phòng, ban, đơn vị thuộc UBND thành phố (mục IV.1–IV.13)
----------------------------------------------------------------------------

-- IV.1: chủ trì kế hoạch, theo dõi, đôn đốc, tổng hợp báo cáo.
agency "phong-ldtbxh" {
  name  = "Phòng Lao động - Thương binh và Xã hội",
  email = "phong-ldtbxh@tamdiep.example.gov.vn",
}

agency "phong-tckh" {                                     -- IV.2
  name  = "Phòng Tài chính - Kế hoạch",
  email = "phong-tckh@tamdiep.example.gov.vn",
}

agency "phong-noi-vu" {                                   -- IV.3
  name  = "Phòng Nội vụ",
  email = "phong-noi-vu@tamdiep.example.gov.vn",
}

agency "phong-y-te" {                                     -- IV.4
  name  = "Phòng Y tế",
  email = "phong-y-te@tamdiep.example.gov.vn",
}

agency "phong-gddt" {                                     -- IV.5
  name  = "Phòng Giáo dục và Đào tạo",
  email = "phong-gddt@tamdiep.example.gov.vn",
}

agency "phong-vhtt" {                                     -- IV.6
  name  = "Phòng Văn hóa và Thông tin",
  email = "phong-vhtt@tamdiep.example.gov.vn",
}

agency "phong-kinh-te" {                                  -- IV.7
  name  = "Phòng Kinh tế",
  email = "phong-kinh-te@tamdiep.example.gov.vn",
}

agency "phong-tu-phap" {                                  -- IV.8
  name  = "Phòng Tư pháp",
  email = "phong-tu-phap@tamdiep.example.gov.vn",
}

agency "cong-an" {                                        -- IV.9
  name  = "Công an thành phố",
  email = "cong-an@tamdiep.example.gov.vn",
}

agency "chi-cuc-thong-ke" {                               -- IV.10
  name  = "Chi cục Thống kê khu vực Yên Mô - Tam Điệp",
  kind  = "central",               -- cơ quan thống kê trung ương
  email = "chi-cuc-thong-ke@tamdiep.example.gov.vn",
}

-- IV.11 gọi là "Trung tâm Văn hóa - Thể thao và Truyền thanh"; chỉ tiêu 4
-- của mục tiêu 6 (mục II.2.e) gọi là "Trung tâm Văn hóa - Thông tin và
-- Truyền thanh thành phố". Cách đọc: một đơn vị, tên theo mục IV.11 (mục
-- phân công nhiệm vụ).
agency "trung-tam-vhtt" {
  name  = "Trung tâm Văn hóa - Thể thao và Truyền thanh",
  kind  = "media",
  email = "trung-tam-vhtt@tamdiep.example.gov.vn",
}

agency "nhcsxh" {                                         -- IV.12
  name  = "Phòng giao dịch Ngân hàng Chính sách xã hội thành phố",
  kind  = "central",
  email = "nhcsxh@tamdiep.example.gov.vn",
}

----------------------------------------------------------------------------
-- Thành ủy, Mặt trận, đoàn thể (mục IV.14, IV.15: "Đề nghị")
----------------------------------------------------------------------------

-- Phối hợp thực hiện chỉ tiêu của mục tiêu 1 và chỉ tiêu 4 của mục tiêu 5
-- (IV.14). Cơ quan của Đảng, không thuộc UBND: không gửi báo cáo năm.
agency "ban-to-chuc-thu" {
  name   = "Ban Tổ chức Thành ủy",
  kind   = "party",
  member = false,
  email  = "ban-to-chuc@tamdiep.example.gov.vn",
}

-- "Đoàn thể" trong đoạn cuối: gửi báo cáo năm.
agency "ubmttq" {
  name  = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
  kind  = "mass-organisation",
  email = "ubmttq@tamdiep.example.gov.vn",
}

agency "hoi-lhpn" {
  name  = "Hội Liên hiệp Phụ nữ thành phố",
  kind  = "mass-organisation",
  email = "hoi-lhpn@tamdiep.example.gov.vn",
}

agency "ldld" {
  name  = "Liên đoàn Lao động thành phố",
  kind  = "mass-organisation",
  email = "ldld@tamdiep.example.gov.vn",
}

-- Nơi nhận báo cáo năm ("về UBND thành phố (qua Phòng LĐTBXH)").
agency "ubnd-tp" {
  name   = "Ủy ban nhân dân thành phố Tam Điệp",
  kind   = "people-committee",
  member = false,
  email  = "ubnd-tp@tamdiep.example.gov.vn",
}

----------------------------------------------------------------------------
-- UBND các phường, xã (mục IV.16): 6 phường, 3 xã năm 2021. Kế hoạch không
-- liệt kê tên; danh sách theo địa giới hành chính năm 2021.
----------------------------------------------------------------------------

agency "ubnd-bac-son"    { name = "UBND phường Bắc Sơn",   kind = "commune", email = "ubnd-bac-son@tamdiep.example.gov.vn" }
agency "ubnd-trung-son"  { name = "UBND phường Trung Sơn", kind = "commune", email = "ubnd-trung-son@tamdiep.example.gov.vn" }
agency "ubnd-nam-son"    { name = "UBND phường Nam Sơn",   kind = "commune", email = "ubnd-nam-son@tamdiep.example.gov.vn" }
agency "ubnd-tay-son"    { name = "UBND phường Tây Sơn",   kind = "commune", email = "ubnd-tay-son@tamdiep.example.gov.vn" }
agency "ubnd-tan-binh"   { name = "UBND phường Tân Bình",  kind = "commune", email = "ubnd-tan-binh@tamdiep.example.gov.vn" }
agency "ubnd-yen-binh"   { name = "UBND phường Yên Bình",  kind = "commune", email = "ubnd-yen-binh@tamdiep.example.gov.vn" }
agency "ubnd-quang-son"  { name = "UBND xã Quang Sơn",     kind = "commune", email = "ubnd-quang-son@tamdiep.example.gov.vn" }
agency "ubnd-yen-son"    { name = "UBND xã Yên Sơn",       kind = "commune", email = "ubnd-yen-son@tamdiep.example.gov.vn" }
agency "ubnd-dong-son"   { name = "UBND xã Đông Sơn",      kind = "commune", email = "ubnd-dong-son@tamdiep.example.gov.vn" }

----------------------------------------------------------------------------
-- Vai trò (rules/national/roles.lua), một cơ quan cho cả giai đoạn, theo
-- phân công ở mục IV. Chỉ tiêu nào kế hoạch giao khác vai trò (chỉ tiêu 1
-- của mục tiêu 3, chỉ tiêu 4 của mục tiêu 5: Chi cục Thống kê) được ghi
-- thẳng vào chỉ tiêu (indicators.lua).
----------------------------------------------------------------------------

role "secretariat"         "phong-ldtbxh"   -- nhận báo cáo năm, tổng hợp (IV.1)
role "gender-focal"        "phong-ldtbxh"   -- chỉ tiêu 1, 2 mục tiêu 6 (IV.1)
role "labour"              "phong-ldtbxh"   -- chỉ tiêu 1, 2 mục tiêu 2 (IV.1)
role "social-protection"   "phong-ldtbxh"   -- chỉ tiêu 3 mục tiêu 3 (IV.1)
role "vocational-training" "phong-ldtbxh"   -- chỉ tiêu 3 mục tiêu 5 (IV.1)
role "home-affairs"        "phong-noi-vu"   -- mục tiêu 1 (IV.3)
role "economy"             "phong-kinh-te"  -- chỉ tiêu 3 mục tiêu 2 (IV.7)
role "culture"             "phong-vhtt"     -- số liệu bạo lực gia đình (IV.6)
role "information"         "phong-vhtt"     -- chỉ tiêu 3, 4 mục tiêu 6 (IV.6)
role "health"              "phong-y-te"     -- mục tiêu 4 (IV.4)
role "education"           "phong-gddt"     -- chỉ tiêu 1, 2 mục tiêu 5 (IV.5)
