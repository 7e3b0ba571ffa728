-- tests/campaigns.lua — the two action months of the merged province of
-- Bắc Ninh, from 01/07/2025 (plan.lua: active_from = "2025-07-01"),
-- inherited from the national template (rules/national/campaigns.lua:
-- 15/11–15/12 and June). The window never moves; reminders go out on
-- working days. June 2025 belonged to the old province (rules/bac-ninh).

test "Tháng hành động 2025 mở vào thứ Bảy 15/11: báo các thành viên thứ Hai 17/11" {
  at "2025-11-08" {                                    -- 7 days before: a Saturday
    finding { kind = "campaign_upcoming", campaign = "action-month", period = "2025",
              due = "2025-11-15", days = 7 },
    no_reminder { campaign = "action-month" },
  },
  at "2025-11-10" {                                    -- told on the Monday after
    reminder { campaign = "action-month", agency = "so-noi-vu", stage = "campaign-before-7",
               to = "so-noi-vu@bacninh.example.gov.vn" },
    reminder { campaign = "action-month", agency = "thong-ke", stage = "campaign-before-7" },
    -- not a member: the province's committee and the ministry receive reports
    no_reminder { campaign = "action-month", agency = "ubnd-tinh" },
    no_reminder { campaign = "action-month", agency = "bo-noi-vu" },
  },
  at "2025-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2025", day = 1,
              due = "2025-12-15", days = 30 },
    no_reminder { campaign = "action-month" },
  },
  at "2025-11-17" {
    finding { kind = "campaign_active", campaign = "action-month", day = 3 },
    -- the members after the 2025 mergers: Sở KH&CN (with the old Sở TTTT),
    -- Sở Nội vụ (with the old Sở LĐTBXH); no district level any more
    reminder { campaign = "action-month", agency = "so-khcn", stage = "campaign-start",
               to = "so-khcn@bacninh.example.gov.vn" },
    reminder { campaign = "action-month", agency = "so-noi-vu", stage = "campaign-start" },
    reminder { campaign = "action-month", agency = "hoi-lhpn", stage = "campaign-start" },
  },
  at "2025-12-16" {
    finding { kind = "campaign_ended", campaign = "action-month", period = "2025", days = 1 },
  },
}

test "Tháng 6 phòng, chống bạo lực gia đình: năm 2025 của tỉnh cũ, năm 2026 của tỉnh mới" {
  at "2025-06-10" {
    no_finding { campaign = "domestic-violence-month", period = "2025" },
  },
  at "2026-05-25" {
    finding { kind = "campaign_upcoming", campaign = "domestic-violence-month", period = "2026",
              due = "2026-06-01", days = 7 },
  },
  at "2026-06-01" {                                    -- a Monday
    finding { kind = "campaign_active", campaign = "domestic-violence-month", period = "2026",
              day = 1, due = "2026-06-30", days = 29 },
    reminder { campaign = "domestic-violence-month", agency = "so-vhttdl", stage = "campaign-start",
               to = "so-vhttdl@bacninh.example.gov.vn" },
  },
}
