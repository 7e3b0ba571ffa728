-- tests/indicators.lua — Buôn Ma Thuột's indicators: the plan of 2022 has
-- no figures of its own, so the 2021–2030 strategy's (rules/national,
-- through rules/dak-lak) are followed, each led by the office mục III gives
-- that field (agencies.lua). Yearly values are due 25/12 (the national
-- default); 25/12/2022 is a Sunday: Monday 26/12.
-- Figures are invented; a path runs from the first value to 2025.

test "Mọi chỉ tiêu năm 2022, ngày 27/12/2022: ai chủ trì, hạn 26/12" {
  at "2022-12-26" {
    no_finding { indicator = "m1.1", period = "2022" },
  },
  at "2022-12-27" {
    finding { kind = "no_data", indicator = "m1.1", period = "2022", agency = "phong-noi-vu", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m2.1", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m2.2", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m2.3", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m3.1", period = "2022", agency = "phong-vhtt", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m3.2a", period = "2022", agency = "phong-vhtt", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m3.2b", period = "2022", agency = "phong-vhtt", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m3.3", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m3.4", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m4.1", period = "2022", agency = "phong-y-te", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m4.2", period = "2022", agency = "phong-y-te", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m4.3", period = "2022", agency = "phong-y-te", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m4.4", period = "2022", agency = "phong-y-te", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m5.1", period = "2021-2022", agency = "phong-gddt", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m5.2", period = "2022", agency = "phong-gddt", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m5.3", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m5.4a", period = "2022", agency = "phong-noi-vu", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m5.4b", period = "2022", agency = "phong-noi-vu", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m6.1", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m6.2", period = "2022", agency = "phong-ldtbxh", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m6.3", period = "2022", agency = "phong-vhtt", due = "2022-12-26" },
    finding { kind = "no_data", indicator = "m6.4", period = "2022", agency = "phong-vhtt", due = "2022-12-26" },
    -- Trung tâm Y tế (III.5) and the city's radio (III.8) in copy
    reminder { indicator = "m3.2a", agency = "phong-vhtt", stage = "no_data-2022-0",
               cc = "trung-tam-y-te@buonmathuot.example.gov.vn" },
    reminder { indicator = "m6.4", agency = "phong-vhtt", cc = "dai-tt-th@buonmathuot.example.gov.vn" },
  },
}

test "Chỉ tiêu năm 2022: đạt, đúng lộ trình, có nguy cơ, chậm" {
  observations = {
    { "m2.1", "2022", 52 },                              -- 50 by 2025: met
    { "m1.1", "2021", 40 },  { "m1.1", "2022", 46 },     -- 60 by 2025: path 45
    { "m5.4b", "2021", 20 }, { "m5.4b", "2022", 22 },    -- 30: path 22.5, 0.5 behind ≤ 1
    { "m2.3", "2021", 20 },  { "m2.3", "2022", 20 },     -- 27: path 21.75, 1.75 behind > 0.7
  },
  at "2022-12-27" {
    finding { kind = "achieved", indicator = "m2.1", agency = "phong-ldtbxh", value = 52, target = 50 },
    finding { kind = "on_track", indicator = "m1.1", agency = "phong-noi-vu", value = 46, expected = 45 },
    finding { kind = "at_risk", indicator = "m5.4b", value = 22, expected = 22.5 },
    finding { kind = "off_track", indicator = "m2.3", agency = "phong-ldtbxh", value = 20, expected = 21.75 },
    reminder { indicator = "m2.3", agency = "phong-ldtbxh", stage = "off_track-2022-0",
               to = "phong-ldtbxh@buonmathuot.example.gov.vn" },
    no_reminder { indicator = "m1.1" },
  },
}
