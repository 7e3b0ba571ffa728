-- agencies.lua — cơ quan, đơn vị tham gia Kế hoạch BĐG năm 2024 của tỉnh Bắc
-- Ninh, và VAI TRÒ mỗi cơ quan nắm giữ theo thời gian.
--
-- Nguồn: QĐ 373/QĐ-UBND ngày 08/4/2024, mục IV (tổ chức thực hiện) và
-- Phụ lục 01 (đơn vị chủ trì từng chỉ tiêu). Thay đổi tổ chức năm 2025:
--   * từ 01/3/2025 (NQ 176/2025/QH15 và các quyết định của tỉnh): Sở LĐTBXH
--     hợp nhất vào Sở Nội vụ (BĐG, lao động), trợ giúp xã hội về Sở Y tế,
--     giáo dục nghề nghiệp về Sở GDĐT; Sở TTTT hợp nhất vào Sở KH&CN;
--     Sở KHĐT hợp nhất vào Sở Tài chính;
--   * từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp):
--     UBND cấp huyện kết thúc ngày 30/6/2025, không có cơ quan kế nhiệm;
--   * từ 01/7/2025 Bắc Ninh và Bắc Giang hợp nhất thành tỉnh Bắc Ninh mới
--     (Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội): tỉnh mới là
--     một thư mục riêng, rules/bac-ninh-2025. Thư mục này giữ lịch sử của
--     tỉnh cũ: nghĩa vụ của nó dừng ở 30/6/2025 (plan-2025.lua).
--
-- member = true: gửi báo cáo về Thường trực Ban VSTBPN tỉnh (members()).
-- UBND cấp huyện không phải thành viên Ban tỉnh nhưng Ban VSTBPN cấp huyện
-- báo cáo như thành viên (mục V.2: "Ban VSTBPN các cấp, ngành, đơn vị"),
-- nên cũng ghi member = true.
-- Địa chỉ thư điện tử là địa chỉ MẪU (tên miền dành riêng example.gov.vn);
-- thay bằng địa chỉ thật trước khi bật gửi nhắc việc.

----------------------------------------------------------------------------
-- Sở, ban, ngành tỉnh
----------------------------------------------------------------------------

agency "so-ldtbxh" {
  name        = "Sở Lao động - Thương binh và Xã hội",
  email       = "so-ldtbxh@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-ldtbxh@bacninh.example.gov.vn",
  valid_until = "2025-02-28",           -- hợp nhất vào Sở Nội vụ
  successor   = "so-noi-vu",
}

agency "so-noi-vu" {
  name        = "Sở Nội vụ",
  email       = "so-noi-vu@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-noi-vu@bacninh.example.gov.vn",
}

agency "so-tu-phap" {
  name        = "Sở Tư pháp",
  email       = "so-tu-phap@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-tu-phap@bacninh.example.gov.vn",
}

agency "so-khdt" {
  name        = "Sở Kế hoạch và Đầu tư",
  email       = "so-khdt@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-khdt@bacninh.example.gov.vn",
  valid_until = "2025-02-28",           -- hợp nhất vào Sở Tài chính
  successor   = "so-tai-chinh",
}

agency "so-tai-chinh" {
  name        = "Sở Tài chính",
  email       = "so-tai-chinh@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-tai-chinh@bacninh.example.gov.vn",
}

agency "so-vhttdl" {
  name        = "Sở Văn hóa, Thể thao và Du lịch",
  email       = "so-vhttdl@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-vhttdl@bacninh.example.gov.vn",
}

agency "so-gddt" {
  name        = "Sở Giáo dục và Đào tạo",
  email       = "so-gddt@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-gddt@bacninh.example.gov.vn",
}

agency "so-y-te" {
  name        = "Sở Y tế",
  email       = "so-y-te@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-y-te@bacninh.example.gov.vn",
}

agency "cong-an" {
  name        = "Công an tỉnh",
  email       = "cong-an@bacninh.example.gov.vn",
  head_email  = "giamdoc.cong-an@bacninh.example.gov.vn",
}

agency "so-tttt" {
  name        = "Sở Thông tin và Truyền thông",
  email       = "so-tttt@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-tttt@bacninh.example.gov.vn",
  valid_until = "2025-02-28",           -- hợp nhất vào Sở Khoa học và Công nghệ
  successor   = "so-khcn",
}

-- Sở KH&CN được ghi từ khi nhận nhiệm vụ của Sở TTTT; trước đó Kế hoạch
-- 2024 không giao việc cho Sở KH&CN.
agency "so-khcn" {
  name        = "Sở Khoa học và Công nghệ",
  email       = "so-khcn@bacninh.example.gov.vn",
  head_email  = "giamdoc.so-khcn@bacninh.example.gov.vn",
  valid_from  = "2025-03-01",
}

agency "cuc-thong-ke" {
  name        = "Cục Thống kê tỉnh Bắc Ninh",
  kind        = "central",              -- cơ quan Trung ương đóng trên địa bàn
  email       = "cuc-thong-ke@bacninh.example.gov.vn",
  head_email  = "cuctruong.cuc-thong-ke@bacninh.example.gov.vn",
}

agency "hoi-lhpn" {
  name        = "Hội Liên hiệp Phụ nữ tỉnh",
  kind        = "mass-organisation",
  email       = "hoi-lhpn@bacninh.example.gov.vn",
  head_email  = "chutich.hoi-lhpn@bacninh.example.gov.vn",
}

agency "dai-ptth" {
  name        = "Đài Phát thanh và Truyền hình tỉnh",
  kind        = "media",
  email       = "dai-ptth@bacninh.example.gov.vn",
  head_email  = "giamdoc.dai-ptth@bacninh.example.gov.vn",
}

----------------------------------------------------------------------------
-- Nơi Thường trực Ban tổng hợp, báo cáo (mục IV.1, đoạn cuối mục V): UBND
-- tỉnh, Bộ LĐTBXH, Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam. Không
-- phải thành viên (member = false). Từ 01/3/2025 Bộ LĐTBXH hợp nhất vào Bộ
-- Nội vụ, bộ quản lý nhà nước về bình đẳng giới (Nghị quyết 176/2025/QH15;
-- Công văn 739/BNV-CTTN&BĐG ngày 28/3/2025 của Bộ Nội vụ): vai trò
-- "ministry" chuyển theo ngày đó.
----------------------------------------------------------------------------

agency "ubnd-tinh" {
  name        = "Ủy ban nhân dân tỉnh Bắc Ninh",
  kind        = "people-committee",
  member      = false,
  email       = "ubnd-tinh@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-tinh@bacninh.example.gov.vn",
}

agency "bo-ldtbxh" {
  name        = "Bộ Lao động - Thương binh và Xã hội",
  kind        = "national",
  member      = false,
  email       = "vu-bdg@molisa.example.gov.vn",
  head_email  = "vutruong.vu-bdg@molisa.example.gov.vn",
  valid_until = "2025-02-28",           -- hợp nhất vào Bộ Nội vụ
  successor   = "bo-noi-vu",
}

agency "bo-noi-vu" {
  name        = "Bộ Nội vụ",
  kind        = "national",
  member      = false,
  email       = "cttn-bdg@moha.example.gov.vn",
  head_email  = "vutruong.cttn-bdg@moha.example.gov.vn",
}

agency "ubqg-vstbpn" {
  name        = "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
  kind        = "national",
  member      = false,
  email       = "ubqg-vstbpn@molisa.example.gov.vn",
  head_email  = "chutich.ubqg-vstbpn@molisa.example.gov.vn",
}

----------------------------------------------------------------------------
-- UBND các huyện, thị xã, thành phố (8 đơn vị cấp huyện năm 2024).
-- Cấp huyện kết thúc ngày 30/6/2025 (Luật Tổ chức chính quyền địa phương
-- 2025, chính quyền địa phương hai cấp từ 01/7/2025). Nhiệm vụ của cấp
-- huyện được chia cho các xã, phường mới và cho cấp tỉnh: không có một đơn
-- vị kế nhiệm duy nhất, nên không ghi successor. Báo cáo cấp huyện còn nợ
-- đến hạn sau ngày đó là "unassigned" (chưa có ai chịu trách nhiệm): dondoc
-- báo cho Thường trực quyết định, không tự giao cho ai (docs/rules.md).
-- Báo cáo cấp huyện đã gửi trước đó vẫn được ghi nhận là của cấp huyện.
----------------------------------------------------------------------------

agency "ubnd-tp-bac-ninh" {
  name        = "UBND thành phố Bắc Ninh",
  kind        = "district",
  email       = "ubnd-tp-bac-ninh@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-tp-bac-ninh@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-tu-son" {
  name        = "UBND thành phố Từ Sơn",
  kind        = "district",
  email       = "ubnd-tu-son@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-tu-son@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-que-vo" {
  name        = "UBND thị xã Quế Võ",
  kind        = "district",
  email       = "ubnd-que-vo@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-que-vo@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-thuan-thanh" {
  name        = "UBND thị xã Thuận Thành",
  kind        = "district",
  email       = "ubnd-thuan-thanh@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-thuan-thanh@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-yen-phong" {
  name        = "UBND huyện Yên Phong",
  kind        = "district",
  email       = "ubnd-yen-phong@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-yen-phong@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-tien-du" {
  name        = "UBND huyện Tiên Du",
  kind        = "district",
  email       = "ubnd-tien-du@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-tien-du@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-gia-binh" {
  name        = "UBND huyện Gia Bình",
  kind        = "district",
  email       = "ubnd-gia-binh@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-gia-binh@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

agency "ubnd-luong-tai" {
  name        = "UBND huyện Lương Tài",
  kind        = "district",
  email       = "ubnd-luong-tai@bacninh.example.gov.vn",
  head_email  = "chutich.ubnd-luong-tai@bacninh.example.gov.vn",
  valid_until = "2025-06-30",
}

----------------------------------------------------------------------------
-- Vai trò: ai giữ chức năng nào, từ ngày nào (rules/national/roles.lua).
----------------------------------------------------------------------------

-- Thường trực Ban VSTBPN tỉnh, nơi nhận mọi báo cáo (mục V, đoạn cuối).
role "secretariat" {
  { "so-ldtbxh", to   = "2025-02-28" },
  { "so-noi-vu", from = "2025-03-01" },
}

-- Cơ quan đầu mối về BĐG (mục IV.1); chủ trì M6.1, M6.2.
role "gender-focal" {
  { "so-ldtbxh", to   = "2025-02-28" },
  { "so-noi-vu", from = "2025-03-01" },
}

-- M1 (lãnh đạo nữ), M5 chỉ tiêu 3 (nữ ThS/TS) — mục IV.2.
role "home-affairs" "so-noi-vu"

-- M2 (lao động, việc làm) — Phụ lục 01, mục II.
role "labour" {
  { "so-ldtbxh", to   = "2025-02-28" },
  { "so-noi-vu", from = "2025-03-01" },
}

-- Không khai báo vai trò "economy" (doanh nghiệp, HTX — chủ trì M2.3 ở cấp
-- quốc gia): Bắc Ninh giao M2.3 cho Sở LĐTBXH (indicators.lua), nên vai trò
-- đó không ai dùng và `rules check --strict` sẽ báo unused-role.

-- M3.3 (nạn nhân bị mua bán), M3.4 (cơ sở trợ giúp xã hội).
role "social-protection" {
  { "so-ldtbxh", to   = "2025-02-28" },
  { "so-y-te",   from = "2025-03-01" },
}

-- M3.1, M3.2 (gia đình, phòng chống bạo lực gia đình) — mục IV.6.
role "culture" "so-vhttdl"

-- M4 — mục IV.8.
role "health" "so-y-te"

-- M5.1 — mục IV.7.
role "education" "so-gddt"

-- M5 chỉ tiêu 2 (giáo dục nghề nghiệp).
role "vocational-training" {
  { "so-ldtbxh", to   = "2025-02-28" },
  { "so-gddt",   from = "2025-03-01" },
}

-- M6.3, M6.4 (thông tin cơ sở, phát thanh, truyền hình) — mục IV.10. Từ
-- 2025 quản lý báo chí, phát thanh, thông tin cơ sở chuyển sang ngành văn
-- hóa [cần đối chiếu quyết định phân công của UBND tỉnh].
role "information" {
  { "so-tttt",   to   = "2025-02-28" },
  { "so-vhttdl", from = "2025-03-01" },
}

-- Số liệu thống kê giới — mục IV.13: Cục Thống kê báo cáo như các sở
-- (reports.lua); không chỉ tiêu nào giao cho vai trò "statistics", nên không
-- khai báo vai trò đó.

-- Bộ quản lý nhà nước về bình đẳng giới, nơi nhận báo cáo tổng hợp của tỉnh.
role "ministry" {
  { "bo-ldtbxh", to   = "2025-02-28" },
  { "bo-noi-vu", from = "2025-03-01" },
}
