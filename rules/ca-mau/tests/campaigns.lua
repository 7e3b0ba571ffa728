-- tests/campaigns.lua — Cà Mau's action months: the plan does not mention
-- them; they come from the 2011–2020 frame (rules/national-2011/
-- campaigns.lua: the Action Month since 2016, QĐ 1696/QĐ-TTg; June's month
-- since QĐ 363/QĐ-TTg of 08/3/2016), with no report of their own.

test "Tháng hành động 2017: 15/11 (thứ Tư) – 15/12" {
  at "2017-11-08" {
    finding { kind = "campaign_upcoming", campaign = "action-month", period = "2017",
              due = "2017-11-15", days = 7 },
    reminder { campaign = "action-month", agency = "so-vhttdl", stage = "campaign-before-7",
               to = "so-vhttdl@camau.example.gov.vn" },
    reminder { campaign = "action-month", agency = "ubnd-u-minh", stage = "campaign-before-7" },
    no_reminder { campaign = "action-month", agency = "bo-ldtbxh" },          -- not a member
  },
  at "2017-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2017", day = 1,
              due = "2017-12-15", days = 30 },
    reminder { campaign = "action-month", agency = "so-ldtbxh", stage = "campaign-start" },
  },
}

test "Tháng 6 phòng, chống bạo lực gia đình: 2018 mở thứ Sáu 01/6" {
  at "2018-05-25" {
    finding { kind = "campaign_upcoming", campaign = "domestic-violence-month", period = "2018", days = 7 },
    reminder { campaign = "domestic-violence-month", agency = "hoi-lhpn", stage = "campaign-before-7" },
  },
  at "2018-06-01" {
    finding { kind = "campaign_active", campaign = "domestic-violence-month", period = "2018", day = 1,
              due = "2018-06-30", days = 29 },
  },
}
