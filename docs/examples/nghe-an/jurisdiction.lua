-- Nghệ An: the worked example of the README (reporting regime of seed 001:
-- 6-month results "vào 30/6", annual results "vào 30/11").
jurisdiction "nghe-an" {
  name         = "Tỉnh Nghệ An",
  parent       = "national",
  plan         = "Kế hoạch hoạt động bình đẳng giới và vì sự tiến bộ của phụ nữ",
  monitor_from = "2025-01-01",
}

agency "so-noi-vu" { name = "Sở Nội vụ",          email = "snv@nghean.example.gov.vn" }
agency "so-y-te"   { name = "Sở Y tế",            email = "syt@nghean.example.gov.vn" }
agency "so-gddt"   { name = "Sở Giáo dục và Đào tạo", email = "sgddt@nghean.example.gov.vn" }
agency "so-vhttdl" { name = "Sở Văn hóa, Thể thao và Du lịch", email = "svh@nghean.example.gov.vn" }

-- the national indicators name these roles; one holder each here
role "secretariat" "so-noi-vu"
role "home-affairs" "so-noi-vu"
role "labour"      "so-noi-vu"
role "economy"     "so-noi-vu"
role "health"      "so-y-te"
role "education"   "so-gddt"
role "culture"     "so-vhttdl"
role "information" "so-vhttdl"
role "gender-focal" "so-noi-vu"
role "social-protection"   "so-y-te"
role "vocational-training" "so-gddt"

obligation "ket-qua-bdg" {
  title   = "Báo cáo kết quả thực hiện công tác bình đẳng giới",
  from    = members(),
  to      = role "secretariat",
  wording = "on",                                  -- "vào 30/6", "vào 30/11"
  periods = {
    half = { due = "06-30", only = { 1 } },
    year = { due = "11-30" },
  },
}

-- a local target, stricter than the national 60%
indicator "m1.1" { targets = { [2025] = 65, [2030] = 75 } }
