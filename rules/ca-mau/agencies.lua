-- agencies.lua — cơ quan, đơn vị trong Kế hoạch 02/KH-UBND ngày 13/01/2017
-- của tỉnh Cà Mau, và VAI TRÒ mỗi cơ quan nắm giữ.
--
-- Nguồn: mục IV (phân công thực hiện, 1–14) và mục V (chế độ báo cáo).
-- Sở LĐTBXH là "cơ quan thường trực Ban Vì sự tiến bộ của phụ nữ" (mục V).
--
-- member = true (mặc định): thành viên, được nhắc về các tháng hành động.
-- Ai gửi báo cáo thì ghi ở plan-2017.lua.
-- Địa chỉ thư điện tử là địa chỉ MẪU (tên miền dành riêng .example); thay
-- bằng địa chỉ thật trước khi bật gửi nhắc việc.

----------------------------------------------------------------------------
-- Sở, ban, ngành tỉnh (mục IV.1–IV.10)
----------------------------------------------------------------------------

agency "so-ldtbxh" {                                      -- IV.1, V
  name  = "Sở Lao động - Thương binh và Xã hội",
  email = "so-ldtbxh@camau.example.gov.vn",
}

agency "so-noi-vu" {                                      -- IV.2
  name  = "Sở Nội vụ",
  email = "so-noi-vu@camau.example.gov.vn",
}

agency "so-khdt" {                                        -- IV.3
  name  = "Sở Kế hoạch và Đầu tư",
  email = "so-khdt@camau.example.gov.vn",
}

agency "so-tai-chinh" {                                   -- IV.4
  name  = "Sở Tài chính",
  email = "so-tai-chinh@camau.example.gov.vn",
}

agency "so-tttt" {                                        -- IV.5
  name  = "Sở Thông tin và Truyền thông",
  email = "so-tttt@camau.example.gov.vn",
}

agency "so-tu-phap" {                                     -- IV.6
  name  = "Sở Tư pháp",
  email = "so-tu-phap@camau.example.gov.vn",
}

agency "so-vhttdl" {                                      -- IV.7
  name  = "Sở Văn hóa, Thể thao và Du lịch",
  email = "so-vhttdl@camau.example.gov.vn",
}

agency "so-y-te" {                                        -- IV.8
  name  = "Sở Y tế",
  email = "so-y-te@camau.example.gov.vn",
}

agency "cong-an" {                                        -- IV.9
  name  = "Công an tỉnh",
  email = "cong-an@camau.example.gov.vn",
}

agency "ban-dan-toc" {                                    -- IV.10
  name  = "Ban Dân tộc",
  email = "ban-dan-toc@camau.example.gov.vn",
}

----------------------------------------------------------------------------
-- Đoàn thể, báo chí (mục IV.11, IV.12): phối hợp, tuyên truyền; không được
-- giao gửi báo cáo định kỳ (mục IV.13 chỉ nêu "các sở, ban, ngành liên
-- quan"), nhưng tham gia các tháng hành động.
----------------------------------------------------------------------------

agency "ubmttq" {
  name  = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
  kind  = "mass-organisation",
  email = "ubmttq@camau.example.gov.vn",
}

agency "hoi-lhpn" {
  name  = "Hội Liên hiệp Phụ nữ tỉnh",
  kind  = "mass-organisation",
  email = "hoi-lhpn@camau.example.gov.vn",
}

agency "dai-ptth" {
  name  = "Đài Phát thanh - Truyền hình Cà Mau",
  kind  = "media",
  email = "dai-ptth@camau.example.gov.vn",
}

agency "bao-ca-mau" {
  name  = "Báo Cà Mau",
  kind  = "media",
  email = "bao-ca-mau@camau.example.gov.vn",
}

agency "bao-anh-dat-mui" {
  name  = "Báo ảnh Đất Mũi",
  kind  = "media",
  email = "bao-anh-dat-mui@camau.example.gov.vn",
}

----------------------------------------------------------------------------
-- Nơi nhận báo cáo năm của Sở LĐTBXH (mục V)
----------------------------------------------------------------------------

agency "ubnd-tinh" {
  name   = "Ủy ban nhân dân tỉnh Cà Mau",
  kind   = "people-committee",
  member = false,
  email  = "ubnd-tinh@camau.example.gov.vn",
}

agency "bo-ldtbxh" {
  name   = "Bộ Lao động - Thương binh và Xã hội",
  kind   = "national",
  member = false,
  email  = "vu-bdg@molisa.example.gov.vn",
}

----------------------------------------------------------------------------
-- UBND các huyện, thành phố Cà Mau (mục IV.14): 9 đơn vị cấp huyện năm 2017.
-- Kế hoạch không liệt kê tên; danh sách theo địa giới hành chính năm 2017.
-- Ban VSTBPN cấp huyện báo cáo qua Sở LĐTBXH như thành viên.
----------------------------------------------------------------------------

agency "ubnd-tp-ca-mau"       { name = "UBND thành phố Cà Mau",      kind = "district", email = "ubnd-tp-ca-mau@camau.example.gov.vn" }
agency "ubnd-thoi-binh"       { name = "UBND huyện Thới Bình",       kind = "district", email = "ubnd-thoi-binh@camau.example.gov.vn" }
agency "ubnd-u-minh"          { name = "UBND huyện U Minh",          kind = "district", email = "ubnd-u-minh@camau.example.gov.vn" }
agency "ubnd-tran-van-thoi"   { name = "UBND huyện Trần Văn Thời",   kind = "district", email = "ubnd-tran-van-thoi@camau.example.gov.vn" }
agency "ubnd-cai-nuoc"        { name = "UBND huyện Cái Nước",        kind = "district", email = "ubnd-cai-nuoc@camau.example.gov.vn" }
agency "ubnd-phu-tan"         { name = "UBND huyện Phú Tân",         kind = "district", email = "ubnd-phu-tan@camau.example.gov.vn" }
agency "ubnd-dam-doi"         { name = "UBND huyện Đầm Dơi",         kind = "district", email = "ubnd-dam-doi@camau.example.gov.vn" }
agency "ubnd-nam-can"         { name = "UBND huyện Năm Căn",         kind = "district", email = "ubnd-nam-can@camau.example.gov.vn" }
agency "ubnd-ngoc-hien"       { name = "UBND huyện Ngọc Hiển",       kind = "district", email = "ubnd-ngoc-hien@camau.example.gov.vn" }

----------------------------------------------------------------------------
-- Vai trò (rules/national-2011/roles.lua). Kế hoạch không giao chỉ tiêu cho
-- ai: cơ quan được giao việc cùng lĩnh vực ở mục IV chủ trì chỉ tiêu của
-- lĩnh vực đó; lĩnh vực không có cơ quan nào trong kế hoạch (giáo dục, vốn
-- vay ưu đãi) do Sở LĐTBXH — thường trực Ban, nơi tổng hợp báo cáo —
-- theo dõi.
----------------------------------------------------------------------------

role "secretariat"  "so-ldtbxh"     -- mục V: cơ quan thường trực Ban VSTBPN
role "gender-focal" "so-ldtbxh"     -- IV.1: tập huấn cán bộ làm công tác BĐG (M7.4)
role "labour"       "so-ldtbxh"     -- M2.1, M2.3
role "home-affairs" "so-noi-vu"     -- IV.2: tỷ lệ nữ lãnh đạo, ứng cử (M1, M7.3)
role "economy"      "so-khdt"       -- IV.3: chỉ số BĐG trong kế hoạch phát triển (M2.2)
role "credit"       "so-ldtbxh"     -- M2.4: không có ngân hàng chính sách trong kế hoạch
role "education"    "so-ldtbxh"     -- M3: không có Sở GDĐT trong kế hoạch
role "health"       "so-y-te"       -- IV.8: mất cân bằng giới tính khi sinh (M4)
role "information"  "so-tttt"       -- IV.5: báo chí, thông tin cơ sở (M5)
role "culture"      "so-vhttdl"     -- IV.7: gia đình, bạo lực gia đình (M6.1, M6.2)
role "justice"      "so-tu-phap"    -- IV.6: lồng ghép giới trong văn bản (M7.1, M7.2)
-- M6.3 (nạn nhân bị mua bán): Công an tỉnh, chương trình phòng, chống mua
-- bán người (IV.9) — ghi ở plan-2017.lua.
