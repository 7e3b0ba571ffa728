-- tests/indicators.lua — Cà Mau's indicators: the 2011–2020 strategy's
-- (rules/national-2011; the plan has no figures of its own), led as the
-- plan assigns its fields (mục IV; agencies.lua): Công an for trafficking
-- victims (IV.9), Sở Y tế for the sex ratio at birth (IV.8), Sở Nội vụ for
-- women leaders with Hội LHPN in copy (IV.2, IV.11). Yearly values due
-- 25/12 (the default): 25/12/2017 a Monday.
-- Figures are invented; a path runs from the first value to 2020.

test "Mọi chỉ tiêu năm 2017, ngày 26/12/2017: ai chủ trì, hạn 25/12" {
  at "2017-12-25" {
    no_finding { indicator = "m1.2", period = "2017" },
  },
  at "2017-12-26" {
    finding { kind = "no_data", indicator = "m1.1a", period = "2017", agency = "so-noi-vu", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m1.1b", period = "2017", agency = "so-noi-vu", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m1.1c", period = "2017", agency = "so-noi-vu", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m1.2", period = "2017", agency = "so-noi-vu", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m1.3", period = "2017", agency = "so-noi-vu", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m2.1", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m2.2", period = "2017", agency = "so-khdt", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m2.3", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m2.4", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m3.1", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m3.2a", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m3.2b", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m4.1", period = "2017", agency = "so-y-te", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m4.2", period = "2017", agency = "so-y-te", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m4.3", period = "2017", agency = "so-y-te", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m4.4", period = "2017", agency = "so-y-te", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m5.1", period = "2017", agency = "so-tttt", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m5.2", period = "2017", agency = "so-tttt", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m5.3", period = "2017-10", agency = "so-tttt", due = "2017-11-30" },
    finding { kind = "no_data", indicator = "m6.1", period = "2017", agency = "so-vhttdl", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m6.2a", period = "2017", agency = "so-vhttdl", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m6.2b", period = "2017", agency = "so-vhttdl", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m6.3", period = "2017", agency = "cong-an", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m7.1", period = "2017", agency = "so-tu-phap", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m7.2", period = "2017", agency = "so-tu-phap", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m7.3", period = "2017", agency = "so-noi-vu", due = "2017-12-25" },
    finding { kind = "no_data", indicator = "m7.4", period = "2017", agency = "so-ldtbxh", due = "2017-12-25" },
    reminder { indicator = "m1.2", agency = "so-noi-vu", stage = "no_data-2017-0",
               to = "so-noi-vu@camau.example.gov.vn", cc = "hoi-lhpn@camau.example.gov.vn" },
  },
}

test "Chỉ tiêu năm 2017: đạt, đúng lộ trình, có nguy cơ, chậm" {
  -- the path runs from the strategy's 2015 target to its 2020 one
  observations = {
    { "m4.1", "2017", 112 },                             -- at most 115: met
    { "m5.2", "2017", 95 },                              -- 90 (2015) → 100 (2020): path 94
    { "m5.1", "2017", 66.5 },                            -- 60 → 80: path 68, 1.5 behind ≤ 2
    { "m2.3", "2017", 30 },                              -- 25 → 50: path 35, 5 behind > 2.5
  },
  at "2017-12-26" {
    finding { kind = "achieved", indicator = "m4.1", agency = "so-y-te", value = 112, target = 115 },
    finding { kind = "on_track", indicator = "m5.2", agency = "so-tttt", value = 95, expected = 94,
              target = 100, target_year = 2020 },
    finding { kind = "at_risk", indicator = "m5.1", agency = "so-tttt", value = 66.5, expected = 68 },
    finding { kind = "off_track", indicator = "m2.3", agency = "so-ldtbxh", value = 30, expected = 35, target = 50 },
    reminder { indicator = "m2.3", agency = "so-ldtbxh", stage = "off_track-2017-0" },
    reminder { indicator = "m5.1", agency = "so-tttt", stage = "at_risk-2017-0" },
    no_reminder { indicator = "m5.2" },
    no_reminder { indicator = "m4.1" },
  },
}
