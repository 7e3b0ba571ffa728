-- agencies.lua — sở, ngành của tỉnh Bắc Ninh mới (từ 01/7/2025) và vai trò.
--
-- Các sở của tỉnh mới được thành lập trên cơ sở hợp nhất các sở cùng tên của
-- hai tỉnh cũ, hoạt động từ 01/7/2025 (valid_from). Chỉ ghi các cơ quan giữ
-- một vai trò của Chiến lược quốc gia (rules/national/roles.lua) và Hội
-- LHPN tỉnh (thành viên Ban VSTBPN). Các xã, phường của tỉnh mới chưa được
-- khai báo: khi kế hoạch của tỉnh giao báo cáo cho cấp xã, khai báo chúng
-- với kind = "commune" và thêm vào `from`.
-- Địa chỉ thư điện tử là địa chỉ MẪU (tên miền dành riêng .example); thay
-- bằng địa chỉ thật trước khi bật gửi nhắc việc.

agency "so-noi-vu" {
  name       = "Sở Nội vụ",
  email      = "so-noi-vu@bacninh.example.gov.vn",
  head_email = "giamdoc.so-noi-vu@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "so-tai-chinh" {
  name       = "Sở Tài chính",
  email      = "so-tai-chinh@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "so-tu-phap" {
  name       = "Sở Tư pháp",
  email      = "so-tu-phap@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "so-vhttdl" {
  name       = "Sở Văn hóa, Thể thao và Du lịch",
  email      = "so-vhttdl@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "so-gddt" {
  name       = "Sở Giáo dục và Đào tạo",
  email      = "so-gddt@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "so-y-te" {
  name       = "Sở Y tế",
  email      = "so-y-te@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "so-khcn" {
  name       = "Sở Khoa học và Công nghệ",
  email      = "so-khcn@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "cong-an" {
  name       = "Công an tỉnh",
  email      = "cong-an@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

-- Cơ quan thống kê trên địa bàn (trước 01/3/2025: Cục Thống kê tỉnh, thuộc
-- Tổng cục Thống kê; sau đó thuộc Bộ Tài chính — tên gọi [cần đối chiếu]).
agency "thong-ke" {
  name       = "Thống kê tỉnh Bắc Ninh",
  kind       = "central",
  email      = "thong-ke@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "hoi-lhpn" {
  name       = "Hội Liên hiệp Phụ nữ tỉnh",
  kind       = "mass-organisation",
  email      = "hoi-lhpn@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

-- Nơi Thường trực Ban báo cáo (member = false).
agency "ubnd-tinh" {
  name       = "Ủy ban nhân dân tỉnh Bắc Ninh",
  kind       = "people-committee",
  member     = false,
  email      = "ubnd-tinh@bacninh.example.gov.vn",
  valid_from = "2025-07-01",
}

agency "bo-noi-vu" {
  name   = "Bộ Nội vụ",
  kind   = "national",
  member = false,
  email  = "cttn-bdg@moha.example.gov.vn",
}

-- Vai trò: một cơ quan cho cả thời kỳ từ 01/7/2025.
role "secretariat"         "so-noi-vu"      -- thường trực Ban VSTBPN, nơi nhận báo cáo
role "gender-focal"        "so-noi-vu"      -- quản lý nhà nước về BĐG (M6.1, M6.2)
role "home-affairs"        "so-noi-vu"      -- M1, M5.4
role "labour"              "so-noi-vu"      -- M2 (lao động, việc làm)
role "economy"             "so-tai-chinh"   -- M2.3 (doanh nghiệp; Sở KHĐT cũ)
role "social-protection"   "so-y-te"        -- M3.3, M3.4
role "culture"             "so-vhttdl"      -- M3.1, M3.2
role "health"              "so-y-te"        -- M4
role "education"           "so-gddt"        -- M5.1, M5.2
role "vocational-training" "so-gddt"        -- M5.3
-- M6.3, M6.4 (thông tin cơ sở, báo chí, phát thanh): quản lý báo chí, phát
-- thanh, thông tin cơ sở chuyển sang ngành văn hóa từ 2025, như Bắc Ninh
-- cũ đã ghi [cần đối chiếu quyết định phân công của UBND tỉnh].
role "information"         "so-vhttdl"
