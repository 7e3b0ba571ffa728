-- tests/indicators.lua — the status of each indicator Bắc Ninh follows
-- (the national ones, with the province's own targets of Phụ lục 01,
-- rules/bac-ninh/indicators.lua), for 2024, the day after the 2024 values
-- were due (trước ngày 25/12, mục V.1).
--
-- The figures are invented. With a 2021 value and a 2024 value, the path
-- starts at the 2021 value and reaches the 2025 target: at 2024 it has
-- gone three quarters of the way. At risk: behind the path by at most 10%
-- of the distance from start to target (the policy's tolerance).

local ALL_2024 = {
  { "m1.1", "2021", 40 },   { "m1.1", "2024", 47.5 },  -- path 55: off track
  { "m2.1", "2021", 40 },   { "m2.1", "2024", 50 },    -- target 50 met
  { "m2.2", "2021", 32 },   { "m2.2", "2024", 23 },    -- ≤ 20 by 2025 (TW 30): path 23
  { "m2.3", "2021", 23 },   { "m2.3", "2024", 25.7 },  -- path 26, 0.3 behind ≤ 0.4
  { "m3.1", "2021", 2.1 },  { "m3.1", "2024", 2.2 },   -- going the wrong way
  { "m3.2a.detected", "2021", 100 }, { "m3.2a.supported", "2021", 70 },
  { "m3.2a.detected", "2024", 100 }, { "m3.2a.supported", "2024", 88 },   -- 88% ≥ path 85
  { "m3.2b.detected", "2021", 100 }, { "m3.2b.counselled", "2021", 40 },
  { "m3.2b.detected", "2024", 100 }, { "m3.2b.counselled", "2024", 55 },  -- 55% on path 55
  { "m3.3.detected", "2024", 12 },   { "m3.3.supported", "2024", 12 },    -- 100%
  { "m3.4.facilities", "2021", 10 }, { "m3.4.active", "2021", 5 },
  { "m3.4.facilities", "2024", 10 }, { "m3.4.active", "2024", 6 },        -- 60% < path 65
  { "m4.1", "2021", 115 },  { "m4.1", "2024", 112 },   -- at most 111: path 112
  { "m4.2", "2024", 40 },                              -- at most 42: met
  { "m4.3", "2024", 19.5 },                            -- from 23 (2020) to 18: path 19, 0.5 behind
  { "m4.4", "2024", false },                           -- yes/no by 2030: not yet, on track
  { "m5.1", "2023-2024", false },                      -- yes/no by 2025: a year before, at risk
  { "m5.3", "2024", 31 },                              -- 30% (TW 40%): met
  { "m5.4a", "2021", 40 },  { "m5.4a", "2024", 45 },   -- path 47.5
  { "m5.4b", "2021", 20 },  { "m5.4b", "2024", 27.5 }, -- on the path
  { "m6.3", "2021", 80 },   { "m6.3", "2024", 94 },    -- path 95, 1 behind ≤ 2
  { "m6.4", "2024", 100 },                             -- 100%
  -- m6.1 (the 2024 survey) and m6.2: nothing
}

test "Chỉ tiêu năm 2024, ngày 26/12/2024" {
  observations = ALL_2024,
  at "2024-12-26" {
    finding { kind = "off_track", indicator = "m1.1", period = "2024", agency = "so-noi-vu",
              value = 47.5, target = 60, target_year = 2025, expected = 55, due = "2024-12-25" },
    finding { kind = "achieved", indicator = "m2.1", value = 50, target = 50 },
    finding { kind = "on_track", indicator = "m2.2", value = 23, target = 20, expected = 23 },
    finding { kind = "at_risk", indicator = "m2.3", agency = "so-ldtbxh", value = 25.7, expected = 26 },
    finding { kind = "off_track", indicator = "m3.1", value = 2.2, target = 1.7 },
    finding { kind = "on_track", indicator = "m3.2a", value = 88, target = 90, expected = 85 },
    finding { kind = "on_track", indicator = "m3.2b", value = 55, target = 60 },
    finding { kind = "achieved", indicator = "m3.3", value = 100 },
    finding { kind = "off_track", indicator = "m3.4", value = 60, expected = 65 },
    finding { kind = "on_track", indicator = "m4.1", value = 112, target = 111 },
    finding { kind = "achieved", indicator = "m4.2", value = 40 },
    finding { kind = "at_risk", indicator = "m4.3", value = 19.5, expected = 19 },
    finding { kind = "on_track", indicator = "m4.4", target_year = 2030, value = false },
    finding { kind = "at_risk", indicator = "m5.1", period = "2023-2024", agency = "so-gddt" },
    finding { kind = "achieved", indicator = "m5.3", value = 31, target = 30 },
    finding { kind = "off_track", indicator = "m5.4a", value = 45, expected = 47.5 },
    finding { kind = "on_track", indicator = "m5.4b", value = 27.5 },
    finding { kind = "no_data", indicator = "m6.1", period = "2024", due = "2024-12-25", days = 1 },
    finding { kind = "no_data", indicator = "m6.2", period = "2024", agency = "so-ldtbxh" },
    finding { kind = "at_risk", indicator = "m6.3", value = 94, agency = "so-tttt" },
    finding { kind = "achieved", indicator = "m6.4", value = 100 },

    -- the lead is reminded, the supporting agencies of Phụ lục 01 in copy
    reminder { indicator = "m1.1", agency = "so-noi-vu", stage = "off_track-2024-0",
               to = "so-noi-vu@bacninh.example.gov.vn",
               cc = "ubnd-tu-son@bacninh.example.gov.vn" },
    reminder { indicator = "m1.1", stage = "off_track-2024-0",
               cc = "so-ldtbxh@bacninh.example.gov.vn" },
    reminder { indicator = "m6.1", agency = "so-ldtbxh", stage = "no_data-2024-0" },
    no_reminder { indicator = "m2.1" },
    no_reminder { indicator = "m4.4" },
  },
}

test "Trước hạn 25/12, chỉ tiêu năm 2024 chưa bị đánh giá" {
  at "2024-12-25" {
    no_finding { indicator = "m1.1", period = "2024" },
    -- and 2023 was due before monitoring began (monitor_from 2024-01-01)
    no_finding { indicator = "m1.1" },
  },
}

test "Hạn số liệu năm 2027 rơi vào thứ Bảy 25/12: lùi sang thứ Hai 27/12" {
  at "2027-12-27" {
    finding { kind = "no_data", indicator = "m1.1", period = "2026" },
    no_finding { indicator = "m1.1", period = "2027" },
  },
  at "2027-12-28" {
    finding { kind = "no_data", indicator = "m1.1", period = "2027", due = "2027-12-27", days = 1,
              target = 75, target_year = 2030 },
  },
}
