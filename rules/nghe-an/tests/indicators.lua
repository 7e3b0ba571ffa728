-- tests/indicators.lua — Nghệ An's indicators in 2020, the last year of
-- the 2011–2020 strategy (rules/national-2011 with the province's targets,
-- indicators.lua) and who leads each as the plan assigns them (mục III.2:
-- Ban Tổ chức Tỉnh ủy for women in Party committees, Công an for
-- trafficking victims (2.9.a), NHCSXH for preferential loans (2.4) …). The
-- yearly values are due with the annual report, 30/11/2020; the monthly
-- m5.3 30 days after its month: March's 30/04/2020 falls in the 30/4–1/5
-- holidays and the weekend after, so Monday 04/05/2020.
-- Figures are invented. 2020 is the target year: a value meets its target
-- (achieved) or not; at risk when short by at most 10% of the distance from
-- the first value (the policy's tolerance), off track beyond.

test "Mọi chỉ tiêu năm 2020, ngày 01/12/2020: ai chủ trì, hạn 30/11" {
  at "2020-11-30" {
    no_finding { indicator = "m1.2", period = "2020" },
  },
  at "2020-12-01" {
    finding { kind = "no_data", indicator = "m1.1a", period = "2020", agency = "ban-to-chuc-tu", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m1.1b", period = "2020", agency = "so-noi-vu", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m1.1c", period = "2020", agency = "so-noi-vu", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m1.2", period = "2020", agency = "so-noi-vu", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m1.3", period = "2020", agency = "ban-to-chuc-tu", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m2.1", period = "2020", agency = "so-ldtbxh", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m2.2", period = "2020", agency = "so-khdt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m2.3", period = "2020", agency = "so-ldtbxh", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m2.4", period = "2020", agency = "nhcsxh", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m3.1", period = "2020", agency = "so-gddt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m3.2a", period = "2020", agency = "so-gddt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m3.2b", period = "2020", agency = "so-gddt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m4.1", period = "2020", agency = "so-y-te", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m4.2", period = "2020", agency = "so-y-te", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m4.3", period = "2020", agency = "so-y-te", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m4.4", period = "2020", agency = "so-y-te", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m5.1", period = "2020", agency = "so-tttt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m5.2", period = "2020", agency = "so-tttt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m6.1", period = "2020", agency = "so-vhtt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m6.2a", period = "2020", agency = "so-vhtt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m6.2b", period = "2020", agency = "so-vhtt", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m6.3", period = "2020", agency = "cong-an", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m7.1", period = "2020", agency = "so-tu-phap", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m7.2", period = "2020", agency = "so-tu-phap", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m7.3", period = "2020", agency = "so-noi-vu", due = "2020-11-30" },
    finding { kind = "no_data", indicator = "m7.4", period = "2020", agency = "so-ldtbxh", due = "2020-11-30" },
    reminder { indicator = "m6.3", agency = "cong-an", stage = "no_data-2020-0",
               to = "cong-an@nghean.example.gov.vn" },
  },
}

test "Chỉ tiêu năm 2020: đạt, có nguy cơ, không đạt" {
  observations = {
    { "m4.1", "2020", 112 },                             -- at most 115: met
    { "m1.1b", "2020", 27 },                             -- "trên 35%": far below
    { "m2.1", "2016", 30 }, { "m2.1", "2020", 39.5 },    -- 40: 0.5 short, within the tolerance
    { "m7.3", "2020", true },                            -- yes/no: done
  },
  at "2020-12-01" {
    finding { kind = "achieved", indicator = "m4.1", agency = "so-y-te", value = 112, target = 115 },
    finding { kind = "off_track", indicator = "m1.1b", agency = "so-noi-vu", value = 27, target = 35,
              target_year = 2020 },
    finding { kind = "at_risk", indicator = "m2.1", agency = "so-ldtbxh", value = 39.5, target = 40 },
    finding { kind = "achieved", indicator = "m7.3", value = true },
    reminder { indicator = "m1.1b", agency = "so-noi-vu", stage = "off_track-2020-0" },
    no_reminder { indicator = "m4.1" },
  },
}

test "Chuyên mục hằng tháng ở xã (m5.3): số tháng 3 hạn 30/4/2020, ngày lễ, lùi sang 04/5" {
  at "2020-05-04" {
    no_finding { indicator = "m5.3", period = "2020-03" },
    finding { kind = "no_data", indicator = "m5.3", period = "2020-02", agency = "so-tttt", due = "2020-03-30" },
  },
  at "2020-05-05" {
    finding { kind = "no_data", indicator = "m5.3", period = "2020-03", due = "2020-05-04", days = 1 },
  },
}
