-- tests/campaigns.lua — Nghệ An's two action months in 2020, on the
-- 2011–2020 frame (rules/national-2011/campaigns.lua): the Action Month
-- 15/11–15/12 (QĐ 1696/QĐ-TTg; the plan's mục II.1.e, III.2.1.b) and June's
-- month against domestic violence ("vào tháng 6 hàng năm", III.2.8.b).

test "Tháng hành động 2020 mở Chủ nhật 15/11: báo các thành viên thứ Hai 16/11" {
  at "2020-11-08" {                                     -- 7 days before, a Sunday
    finding { kind = "campaign_upcoming", campaign = "action-month", period = "2020",
              due = "2020-11-15", days = 7 },
    no_reminder { campaign = "action-month" },
  },
  at "2020-11-09" {
    reminder { campaign = "action-month", agency = "so-ldtbxh", stage = "campaign-before-7",
               to = "so-ldtbxh@nghean.example.gov.vn" },
    reminder { campaign = "action-month", agency = "ubnd-ky-son", stage = "campaign-before-7" },
    no_reminder { campaign = "action-month", agency = "ubnd-tinh" },          -- not a member
  },
  at "2020-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2020", day = 1,
              due = "2020-12-15", days = 30 },
  },
  at "2020-11-16" {
    reminder { campaign = "action-month", agency = "hoi-lhpn", stage = "campaign-start" },
  },
  at "2021-11-15" {
    no_finding { campaign = "action-month", period = "2021" },              -- a plan for 2020
  },
}

test "Tháng 6/2020 phòng, chống bạo lực gia đình: 01/6 (thứ Hai) – 30/6" {
  at "2020-06-01" {
    finding { kind = "campaign_active", campaign = "domestic-violence-month", period = "2020", day = 1 },
    reminder { campaign = "domestic-violence-month", agency = "so-vhtt", stage = "campaign-start",
               to = "so-vhtt@nghean.example.gov.vn" },
  },
  at "2020-06-30" {
    finding { kind = "campaign_active", campaign = "domestic-violence-month", day = 30, days = 0 },
  },
}
