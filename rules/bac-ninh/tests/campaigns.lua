-- tests/campaigns.lua — the two action months Bắc Ninh inherits from the
-- national template (rules/national/campaigns.lua): the Action Month for
-- gender equality 15/11–15/12 (QĐ 373/QĐ-UBND, mục III.4.1) and June's
-- month against domestic violence (Phụ lục 02, mục 4). The window never
-- moves; the reminders to the members go out on working days, so a window
-- that opens on a Saturday is announced on the Monday.

test "Tháng hành động 2024: 15/11 (thứ Sáu) – 15/12" {
  at "2024-11-07" {
    no_finding { campaign = "action-month", kind = "campaign_active" },
    no_reminder { campaign = "action-month" },
  },
  at "2024-11-08" {                                    -- 7 days before: every member told
    finding { kind = "campaign_upcoming", campaign = "action-month", period = "2024",
              due = "2024-11-15", days = 7 },
    reminder { campaign = "action-month", agency = "so-noi-vu", stage = "campaign-before-7",
               to = "so-noi-vu@bacninh.example.gov.vn" },
    reminder { campaign = "action-month", agency = "ubnd-gia-binh", stage = "campaign-before-7" },
    no_reminder { campaign = "action-month", agency = "so-khcn" },   -- from 01/03/2025
  },
  at "2024-11-14" {
    finding { kind = "campaign_upcoming", campaign = "action-month", days = 1 },
  },
  at "2024-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2024", day = 1,
              due = "2024-12-15", days = 30 },
    reminder { campaign = "action-month", agency = "hoi-lhpn", stage = "campaign-start",
               to = "hoi-lhpn@bacninh.example.gov.vn" },
  },
  at "2024-12-09" {
    finding { kind = "campaign_active", campaign = "action-month", day = 25 },
    no_reminder { campaign = "action-month" },
  },
  at "2024-12-15" {
    finding { kind = "campaign_active", campaign = "action-month", day = 31, days = 0 },
  },
  at "2024-12-16" {
    finding { kind = "campaign_ended", campaign = "action-month", period = "2024", days = 1 },
    no_finding { kind = "campaign_active", campaign = "action-month" },
  },
}

-- The old province's campaigns end with it on 30/06/2025 (plan-2025.lua):
-- June 2025 is still its own, with the members after the changes of
-- 01/03/2025 (Sở KH&CN in, Sở LĐTBXH out) and the districts, which last
-- until 30/06/2025. The Action Month 15/11–15/12/2025 is the merged
-- province's (rules/bac-ninh-2025/tests/campaigns.lua), so the members are
-- not told twice.
test "Tháng 6/2025 mở vào Chủ nhật 01/6: báo các thành viên thứ Hai 02/6; không còn Tháng hành động 2025" {
  at "2025-06-01" {
    finding { kind = "campaign_active", campaign = "domestic-violence-month", period = "2025",
              day = 1, due = "2025-06-30", days = 29 },
    no_reminder { campaign = "domestic-violence-month" },            -- a Sunday
  },
  at "2025-06-02" {
    reminder { campaign = "domestic-violence-month", agency = "so-khcn", stage = "campaign-start",
               to = "so-khcn@bacninh.example.gov.vn" },
    reminder { campaign = "domestic-violence-month", agency = "so-noi-vu", stage = "campaign-start" },
    reminder { campaign = "domestic-violence-month", agency = "ubnd-tu-son", stage = "campaign-start" },
    no_reminder { campaign = "domestic-violence-month", agency = "so-ldtbxh" },
    no_reminder { campaign = "domestic-violence-month", agency = "so-tttt" },
  },
  at "2025-11-08" {
    no_finding { campaign = "action-month", period = "2025" },
  },
  at "2025-11-17" {
    no_finding { campaign = "action-month", period = "2025" },
    no_reminder { campaign = "action-month" },
  },
}

test "Tháng hành động phòng, chống bạo lực gia đình: tháng 6/2024, mở thứ Bảy 01/6" {
  at "2024-05-25" {
    finding { kind = "campaign_upcoming", campaign = "domestic-violence-month", period = "2024",
              due = "2024-06-01", days = 7 },
  },
  at "2024-05-27" {
    reminder { campaign = "domestic-violence-month", agency = "so-vhttdl",
               stage = "campaign-before-7" },
  },
  at "2024-06-01" {
    finding { kind = "campaign_active", campaign = "domestic-violence-month", day = 1,
              due = "2024-06-30", days = 29 },
    no_reminder { campaign = "domestic-violence-month" },
  },
  at "2024-06-03" {
    reminder { campaign = "domestic-violence-month", agency = "so-vhttdl", stage = "campaign-start" },
  },
  at "2024-06-04" {
    no_reminder { campaign = "domestic-violence-month" },
  },
}
