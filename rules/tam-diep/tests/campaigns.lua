-- tests/campaigns.lua — Tam Điệp's action months within the plan's years
-- (plan-2021-2025.lua): the Action Month 15/11–15/12 ("Nhiệm vụ 1.4,
-- Giải pháp 2.3"; Phòng LĐTBXH advises, IV.1) and June's month against
-- domestic violence, kept from the national frame. The window never moves;
-- the members are told on working days.

test "Tháng hành động 2022: 15/11 (thứ Ba) – 15/12" {
  at "2022-11-08" {
    finding { kind = "campaign_upcoming", campaign = "action-month", period = "2022",
              due = "2022-11-15", days = 7 },
    reminder { campaign = "action-month", agency = "phong-vhtt", stage = "campaign-before-7",
               to = "phong-vhtt@tamdiep.example.gov.vn" },
    reminder { campaign = "action-month", agency = "ubnd-yen-son", stage = "campaign-before-7" },
    -- not a member of the city's committee: the city's People's Committee
    no_reminder { campaign = "action-month", agency = "ubnd-tp" },
  },
  at "2022-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2022", day = 1,
              due = "2022-12-15", days = 30 },
    reminder { campaign = "action-month", agency = "trung-tam-vhtt", stage = "campaign-start" },
  },
}

test "Tháng hành động 2025 mở thứ Bảy 15/11: báo thứ Hai 17/11; không có năm 2026" {
  at "2025-11-15" {
    finding { kind = "campaign_active", campaign = "action-month", period = "2025", day = 1 },
    no_reminder { campaign = "action-month" },
  },
  at "2025-11-17" {
    reminder { campaign = "action-month", agency = "phong-ldtbxh", stage = "campaign-start" },
  },
  at "2026-11-16" {
    no_finding { campaign = "action-month", period = "2026" },
  },
}

test "Tháng 6 phòng, chống bạo lực gia đình: từ năm 2022 (sau 08/7/2021)" {
  at "2021-06-15" {
    no_finding { campaign = "domestic-violence-month", kind = "campaign_active" },
  },
  at "2022-06-01" {                                     -- a Wednesday
    finding { kind = "campaign_active", campaign = "domestic-violence-month", period = "2022",
              day = 1, due = "2022-06-30" },
    reminder { campaign = "domestic-violence-month", agency = "phong-vhtt", stage = "campaign-start" },
  },
}
