-- agencies.lua — cơ quan, đơn vị tham gia Kế hoạch BĐG năm 2020 của tỉnh
-- Nghệ An, và VAI TRÒ mỗi cơ quan nắm giữ.
--
-- Nguồn: Kế hoạch năm 2020 của UBND tỉnh Nghệ An, mục III.2 (phân công
-- trách nhiệm, 2.1–2.18) và mục III.3 (chế độ báo cáo: "Các Sở, ban, ngành,
-- cơ quan, đơn vị và UBND các huyện, thành, thị … gửi báo cáo … về Sở Lao
-- động – Thương binh và Xã hội").
--
-- member = true: đơn vị gửi báo cáo 6 tháng và năm (plan-2020.lua) và được
-- nhắc về các tháng hành động. Ủy ban MTTQ tỉnh và Hội LHPN tỉnh ("Đề
-- nghị", mục 2.18) được tính là "cơ quan, đơn vị" tham gia Kế hoạch (Hội
-- LHPN là thành viên Ban VSTBPN các cấp). UBND các huyện, thành, thị không
-- phải thành viên Ban tỉnh nhưng báo cáo như thành viên (mục III.3) và tổ
-- chức các tháng hành động tại địa phương, nên cũng ghi member = true.
-- Sở LĐTBXH là nơi tổng hợp: không tự gửi báo cáo cho mình.
--
-- Địa chỉ thư điện tử là địa chỉ MẪU (tên miền dành riêng .example); thay
-- bằng địa chỉ thật trước khi bật gửi nhắc việc. Không ghi head_email: thư
-- báo thủ trưởng khi quá hạn lâu gửi về địa chỉ của cơ quan.

----------------------------------------------------------------------------
-- Sở, ban, ngành, đơn vị cấp tỉnh (mục III.2)
----------------------------------------------------------------------------

-- 2.1: đầu mối, chủ trì Tháng hành động, tổng hợp báo cáo.
agency "so-ldtbxh" {
  name  = "Sở Lao động - Thương binh và Xã hội",
  email = "so-ldtbxh@nghean.example.gov.vn",
}

agency "so-noi-vu" {                                      -- 2.2
  name  = "Sở Nội vụ",
  email = "so-noi-vu@nghean.example.gov.vn",
}

agency "so-khdt" {                                        -- 2.3
  name  = "Sở Kế hoạch và Đầu tư",
  email = "so-khdt@nghean.example.gov.vn",
}

agency "nhcsxh" {                                         -- 2.4
  name  = "Ngân hàng Chính sách xã hội tỉnh",
  kind  = "central",               -- chi nhánh của ngân hàng trung ương
  email = "nhcsxh@nghean.example.gov.vn",
}

agency "so-gddt" {                                        -- 2.5
  name  = "Sở Giáo dục và Đào tạo",
  email = "so-gddt@nghean.example.gov.vn",
}

agency "so-y-te" {                                        -- 2.6
  name  = "Sở Y tế",
  email = "so-y-te@nghean.example.gov.vn",
}

agency "so-tttt" {                                        -- 2.7
  name  = "Sở Thông tin và Truyền thông",
  email = "so-tttt@nghean.example.gov.vn",
}

-- 2.8: Nghệ An có Sở Văn hóa và Thể thao (du lịch là một sở riêng).
agency "so-vhtt" {
  name  = "Sở Văn hóa và Thể thao",
  email = "so-vhtt@nghean.example.gov.vn",
}

agency "cong-an" {                                        -- 2.9
  name  = "Công an tỉnh",
  email = "cong-an@nghean.example.gov.vn",
}

agency "so-tu-phap" {                                     -- 2.10
  name  = "Sở Tư pháp",
  email = "so-tu-phap@nghean.example.gov.vn",
}

agency "so-tai-chinh" {                                   -- 2.11
  name  = "Sở Tài chính",
  email = "so-tai-chinh@nghean.example.gov.vn",
}

agency "cuc-thong-ke" {                                   -- 2.12
  name  = "Cục Thống kê",
  kind  = "central",               -- cơ quan Trung ương đóng trên địa bàn
  email = "cuc-thong-ke@nghean.example.gov.vn",
}

agency "so-nnptnt" {                                      -- 2.13
  name  = "Sở Nông nghiệp và Phát triển nông thôn",
  email = "so-nnptnt@nghean.example.gov.vn",
}

agency "ban-dan-toc" {                                    -- 2.14
  name  = "Ban Dân tộc tỉnh",
  email = "ban-dan-toc@nghean.example.gov.vn",
}

agency "dai-ptth" {                                       -- 2.15
  name  = "Đài Phát thanh - Truyền hình Nghệ An",
  kind  = "media",
  email = "dai-ptth@nghean.example.gov.vn",
}

agency "bao-nghe-an" {                                    -- 2.15
  name  = "Báo Nghệ An",
  kind  = "media",
  email = "bao-nghe-an@nghean.example.gov.vn",
}

agency "ubmttq" {                                         -- 2.18
  name  = "Ủy ban Mặt trận Tổ quốc tỉnh",
  kind  = "mass-organisation",
  email = "ubmttq@nghean.example.gov.vn",
}

agency "hoi-lhpn" {                                       -- 2.18
  name  = "Hội Liên hiệp Phụ nữ tỉnh",
  kind  = "mass-organisation",
  email = "hoi-lhpn@nghean.example.gov.vn",
}

-- Cơ quan của Đảng: Sở Nội vụ "phối hợp với Ban Tổ chức Tỉnh ủy" thực hiện
-- chỉ tiêu 1, 5 của mục tiêu 1 (2.2.b), nên Ban Tổ chức Tỉnh ủy chủ trì hai
-- chỉ tiêu đó (indicators.lua). Không gửi báo cáo theo mục III.3.
agency "ban-to-chuc-tu" {
  name   = "Ban Tổ chức Tỉnh ủy",
  kind   = "party",
  member = false,
  email  = "ban-to-chuc@nghean.example.gov.vn",
}

-- Nơi Sở LĐTBXH gửi báo cáo tổng hợp (2.1.đ, III.3).
agency "ubnd-tinh" {
  name   = "Ủy ban nhân dân tỉnh Nghệ An",
  kind   = "people-committee",
  member = false,
  email  = "ubnd-tinh@nghean.example.gov.vn",
}

agency "ubqg-vstbpn" {
  name   = "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
  kind   = "national",
  member = false,
  email  = "ubqg-vstbpn@molisa.example.gov.vn",
}

agency "bo-ldtbxh" {
  name   = "Bộ Lao động - Thương binh và Xã hội",
  kind   = "national",
  member = false,
  email  = "vu-bdg@molisa.example.gov.vn",
}

----------------------------------------------------------------------------
-- UBND các huyện, thành phố, thị xã (2.17): 21 đơn vị cấp huyện năm 2020 —
-- thành phố Vinh, 3 thị xã, 17 huyện. Kế hoạch không liệt kê tên; danh
-- sách theo địa giới hành chính năm 2020.
----------------------------------------------------------------------------

agency "ubnd-vinh"          { name = "UBND thành phố Vinh",      kind = "district", email = "ubnd-vinh@nghean.example.gov.vn" }
agency "ubnd-cua-lo"        { name = "UBND thị xã Cửa Lò",       kind = "district", email = "ubnd-cua-lo@nghean.example.gov.vn" }
agency "ubnd-thai-hoa"      { name = "UBND thị xã Thái Hòa",     kind = "district", email = "ubnd-thai-hoa@nghean.example.gov.vn" }
agency "ubnd-hoang-mai"     { name = "UBND thị xã Hoàng Mai",    kind = "district", email = "ubnd-hoang-mai@nghean.example.gov.vn" }
agency "ubnd-anh-son"       { name = "UBND huyện Anh Sơn",       kind = "district", email = "ubnd-anh-son@nghean.example.gov.vn" }
agency "ubnd-con-cuong"     { name = "UBND huyện Con Cuông",     kind = "district", email = "ubnd-con-cuong@nghean.example.gov.vn" }
agency "ubnd-dien-chau"     { name = "UBND huyện Diễn Châu",     kind = "district", email = "ubnd-dien-chau@nghean.example.gov.vn" }
agency "ubnd-do-luong"      { name = "UBND huyện Đô Lương",      kind = "district", email = "ubnd-do-luong@nghean.example.gov.vn" }
agency "ubnd-hung-nguyen"   { name = "UBND huyện Hưng Nguyên",   kind = "district", email = "ubnd-hung-nguyen@nghean.example.gov.vn" }
agency "ubnd-ky-son"        { name = "UBND huyện Kỳ Sơn",        kind = "district", email = "ubnd-ky-son@nghean.example.gov.vn" }
agency "ubnd-nam-dan"       { name = "UBND huyện Nam Đàn",       kind = "district", email = "ubnd-nam-dan@nghean.example.gov.vn" }
agency "ubnd-nghi-loc"      { name = "UBND huyện Nghi Lộc",      kind = "district", email = "ubnd-nghi-loc@nghean.example.gov.vn" }
agency "ubnd-nghia-dan"     { name = "UBND huyện Nghĩa Đàn",     kind = "district", email = "ubnd-nghia-dan@nghean.example.gov.vn" }
agency "ubnd-que-phong"     { name = "UBND huyện Quế Phong",     kind = "district", email = "ubnd-que-phong@nghean.example.gov.vn" }
agency "ubnd-quy-chau"      { name = "UBND huyện Quỳ Châu",      kind = "district", email = "ubnd-quy-chau@nghean.example.gov.vn" }
agency "ubnd-quy-hop"       { name = "UBND huyện Quỳ Hợp",       kind = "district", email = "ubnd-quy-hop@nghean.example.gov.vn" }
agency "ubnd-quynh-luu"     { name = "UBND huyện Quỳnh Lưu",     kind = "district", email = "ubnd-quynh-luu@nghean.example.gov.vn" }
agency "ubnd-tan-ky"        { name = "UBND huyện Tân Kỳ",        kind = "district", email = "ubnd-tan-ky@nghean.example.gov.vn" }
agency "ubnd-thanh-chuong"  { name = "UBND huyện Thanh Chương",  kind = "district", email = "ubnd-thanh-chuong@nghean.example.gov.vn" }
agency "ubnd-tuong-duong"   { name = "UBND huyện Tương Dương",   kind = "district", email = "ubnd-tuong-duong@nghean.example.gov.vn" }
agency "ubnd-yen-thanh"     { name = "UBND huyện Yên Thành",     kind = "district", email = "ubnd-yen-thanh@nghean.example.gov.vn" }

----------------------------------------------------------------------------
-- Vai trò (rules/national-2011/roles.lua). Một cơ quan cho cả năm 2020.
----------------------------------------------------------------------------

role "secretariat"  "so-ldtbxh"     -- Thường trực Ban VSTBPN, nơi nhận báo cáo (III.3)
role "gender-focal" "so-ldtbxh"     -- đầu mối (2.1.đ); chủ trì chỉ tiêu 4, 5 mục tiêu 7
role "labour"       "so-ldtbxh"     -- chỉ tiêu 1, 3, 5 mục tiêu 2 (2.1.a)
role "home-affairs" "so-noi-vu"     -- chỉ tiêu 2, 3, 4 mục tiêu 1; chỉ tiêu 3 mục tiêu 7 (2.2.b)
role "economy"      "so-khdt"       -- chỉ tiêu 2 mục tiêu 2 (2.3)
role "credit"       "nhcsxh"        -- chỉ tiêu 4 mục tiêu 2 (2.4)
role "education"    "so-gddt"       -- mục tiêu 3 (2.5)
role "health"       "so-y-te"       -- mục tiêu 4 (2.6.b)
role "information"  "so-tttt"       -- mục tiêu 5 (2.7.a)
role "culture"      "so-vhtt"       -- chỉ tiêu 1, 2 mục tiêu 6 (2.8.a)
role "justice"      "so-tu-phap"    -- chỉ tiêu 1, 2 mục tiêu 7 (2.10.a)
-- Chỉ tiêu 3 mục tiêu 6 (nạn nhân bị mua bán) do Công an tỉnh chủ trì
-- (2.9.a): ghi thẳng vào chỉ tiêu, nên không cần vai trò social-protection.
