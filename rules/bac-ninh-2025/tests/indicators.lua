-- tests/indicators.lua — the merged province follows the 2021–2030
-- strategy's indicators (rules/national; Bắc Ninh's own 2021 targets are not
-- carried over, jurisdiction.lua), led by its departments after the 2025
-- reorganisation (agencies.lua: Sở Nội vụ for labour and home affairs, Sở Y
-- tế for social protection, Sở GDĐT for vocational training, Sở Tài chính
-- for enterprises, Sở VHTTDL for information). Values due 25/12, the
-- national default: 25/12/2025 a Thursday; 25/12/2027 a Saturday → Monday
-- 27/12/2027. Figures are invented.

test "Mọi chỉ tiêu năm 2025, ngày 26/12/2025: ai chủ trì, hạn 25/12" {
  at "2025-12-25" {
    no_finding { indicator = "m1.1", period = "2025" },
  },
  at "2025-12-26" {
    finding { kind = "no_data", indicator = "m1.1", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m2.1", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m2.2", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m2.3", period = "2025", agency = "so-tai-chinh", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m3.1", period = "2025", agency = "so-vhttdl", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m3.2a", period = "2025", agency = "so-vhttdl", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m3.2b", period = "2025", agency = "so-vhttdl", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m3.3", period = "2025", agency = "so-y-te", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m3.4", period = "2025", agency = "so-y-te", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m4.1", period = "2025", agency = "so-y-te", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m4.2", period = "2025", agency = "so-y-te", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m4.3", period = "2025", agency = "so-y-te", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m4.4", period = "2025", agency = "so-y-te", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m5.1", period = "2024-2025", agency = "so-gddt", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m5.2", period = "2025", agency = "so-gddt", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m5.3", period = "2025", agency = "so-gddt", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m5.4a", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m5.4b", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m6.1", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m6.2", period = "2025", agency = "so-noi-vu", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m6.3", period = "2025", agency = "so-vhttdl", due = "2025-12-25" },
    finding { kind = "no_data", indicator = "m6.4", period = "2025", agency = "so-vhttdl", due = "2025-12-25" },
    reminder { indicator = "m2.1", agency = "so-noi-vu", stage = "no_data-2025-0",
               to = "so-noi-vu@bacninh.example.gov.vn" },
  },
}

test "Chỉ tiêu năm 2025 (năm mục tiêu): đạt, có nguy cơ, không đạt; năm 2026: đúng lộ trình" {
  observations = {
    { "m2.1", "2025", 51 },                              -- 50: met
    { "m2.3", "2022", 17 }, { "m2.3", "2025", 26 },      -- 27: 1 short of a distance of 10
    { "m1.1", "2025", 45 },                              -- 60: far short
    { "m6.3", "2025", 100 }, { "m6.3", "2026", 100 },    -- 100 kept
    { "m5.3", "2025", 30 },  { "m5.3", "2026", 33 },     -- 30 (2025) → 40 (2030): path 32
  },
  at "2025-12-26" {
    finding { kind = "achieved", indicator = "m2.1", agency = "so-noi-vu", value = 51, target = 50 },
    finding { kind = "at_risk", indicator = "m2.3", agency = "so-tai-chinh", value = 26, target = 27 },
    finding { kind = "off_track", indicator = "m1.1", agency = "so-noi-vu", value = 45, target = 60 },
    reminder { indicator = "m1.1", agency = "so-noi-vu", stage = "off_track-2025-0" },
    reminder { indicator = "m2.3", agency = "so-tai-chinh", stage = "at_risk-2025-0",
               to = "so-tai-chinh@bacninh.example.gov.vn" },
    no_reminder { indicator = "m2.1" },
  },
  at "2026-12-28" {
    finding { kind = "on_track", indicator = "m5.3", period = "2026", agency = "so-gddt", value = 33,
              target = 40, target_year = 2030, expected = 32 },
    finding { kind = "achieved", indicator = "m6.3", period = "2026", agency = "so-vhttdl" },
  },
}

test "Hạn số liệu năm 2027 rơi vào thứ Bảy 25/12: lùi sang thứ Hai 27/12" {
  at "2027-12-27" {
    no_finding { indicator = "m1.1", period = "2027" },
  },
  at "2027-12-28" {
    finding { kind = "no_data", indicator = "m1.1", period = "2027", due = "2027-12-27", days = 1,
              agency = "so-noi-vu", target = 75, target_year = 2030 },
  },
}
