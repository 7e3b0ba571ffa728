-- tests/campaigns.lua — Buôn Ma Thuột's action months of 2022 only
-- (plan-2022.lua): the Action Month 15/11–15/12/2022 ("Xây dựng kế hoạch
-- thực hiện Tháng hành động … năm 2022", mục II.1) and June's month,
-- kept from the national frame; monitoring starts on 23/3/2022.

test "Tháng hành động 2022: 15/11 (thứ Ba) – 15/12" {
  at "2022-11-08" {
    finding { kind = "campaign_upcoming", campaign = "action-month", period = "2022",
              due = "2022-11-15", days = 7 },
    reminder { campaign = "action-month", agency = "ubnd-hoa-thuan", stage = "campaign-before-7",
               to = "ubnd-hoa-thuan@buonmathuot.example.gov.vn" },
    no_reminder { campaign = "action-month", agency = "ubnd-tp" },            -- not a member
  },
  at "2022-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2022", day = 1,
              due = "2022-12-15", days = 30 },
    reminder { campaign = "action-month", agency = "phong-ldtbxh", stage = "campaign-start" },
  },
  at "2023-11-15" {
    no_finding { campaign = "action-month", kind = "campaign_active" },      -- a plan for 2022
  },
}

test "Tháng 6/2022 phòng, chống bạo lực gia đình: mở thứ Tư 01/6" {
  at "2022-05-25" {
    finding { kind = "campaign_upcoming", campaign = "domestic-violence-month", period = "2022", days = 7 },
  },
  at "2022-06-01" {
    finding { kind = "campaign_active", campaign = "domestic-violence-month", period = "2022", day = 1 },
    reminder { campaign = "domestic-violence-month", agency = "phong-vhtt", stage = "campaign-start" },
  },
}
