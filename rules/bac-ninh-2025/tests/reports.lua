-- tests/reports.lua — the merged province's reports (plan.lua), from
-- 01/07/2025: (1) the departments' report of the year to the secretariat,
-- Sở Nội vụ; (2) Sở Nội vụ's compiled report to UBND tỉnh and Bộ Nội vụ
-- (Luật Bình đẳng giới 2006, Điều 25; Công văn 739/BNV-CTTN&BĐG). The
-- province's own plan is not known: both await their date ("as_instructed",
-- no reminder) until a letter gives one, as these tests do. A letter's day
-- is the last day as written. The year 2025 is the merged province's in
-- full; the first half of 2025 was the old province's (rules/bac-ninh).

test "Năm 2025: chờ ngày theo kế hoạch của tỉnh mới; không nhắc" {
  at "2025-07-01" {
    finding { kind = "awaiting_date", agency = "so-noi-vu", obligation = "ket-qua-bdg", period = "2025" },
    finding { kind = "awaiting_date", agency = "so-khcn", obligation = "ket-qua-bdg", period = "2025" },
    finding { kind = "awaiting_date", agency = "thong-ke", obligation = "ket-qua-bdg", period = "2025" },
    finding { kind = "awaiting_date", agency = "so-noi-vu", obligation = "tong-hop", period = "2025" },
    -- not members: they receive
    no_finding { agency = "ubnd-tinh", obligation = "ket-qua-bdg" },
    no_finding { agency = "bo-noi-vu", obligation = "ket-qua-bdg" },
    no_finding { period = "2025-H1" },
    no_reminder { obligation = "ket-qua-bdg" },
    no_reminder { obligation = "tong-hop" },
  },
  at "2025-06-30" {                                     -- before the merger: nobody told
    no_reminder { obligation = "ket-qua-bdg" },
    no_finding { campaign = "domestic-violence-month", period = "2025" },
  },
}

test "Báo cáo năm 2025, hạn theo văn bản 05/12/2025 (thứ Sáu)" {
  extensions = {
    { "so-y-te",  "ket-qua-bdg", "2025", due = "2025-12-05", letter = "KH …/UBND (thử)", on = "2025-10-01" },
    { "so-gddt",  "ket-qua-bdg", "2025", due = "2025-12-05", letter = "KH …/UBND (thử)", on = "2025-10-01" },
    { "cong-an",  "ket-qua-bdg", "2025", due = "2025-12-05", letter = "KH …/UBND (thử)", on = "2025-10-01" },
  },
  exemptions = {
    { "thong-ke", "ket-qua-bdg", "2025", letter = "…/SNV (thử)", on = "2025-10-01" },
  },
  submissions = {
    { "so-gddt", "ket-qua-bdg", "2025", on = "2025-12-04" },
    { "cong-an", "ket-qua-bdg", "2025", on = "2025-12-09" },
  },
  at "2025-11-03" {
    finding { kind = "upcoming", agency = "so-y-te", obligation = "ket-qua-bdg", period = "2025",
              due = "2025-12-05", days = 32, letter = "KH …/UBND (thử)" },
    finding { kind = "exempt", agency = "thong-ke", obligation = "ket-qua-bdg", period = "2025" },
    finding { kind = "awaiting_date", agency = "so-tu-phap", obligation = "ket-qua-bdg", period = "2025" },
  },
  at "2025-11-28" {
    finding { kind = "due_soon", agency = "so-y-te", obligation = "ket-qua-bdg", due = "2025-12-05", days = 7 },
    reminder { agency = "so-y-te", obligation = "ket-qua-bdg", period = "2025", stage = "before-7",
               to = "so-y-te@bacninh.example.gov.vn" },
    no_reminder { agency = "thong-ke" },
    no_reminder { agency = "so-tu-phap" },                   -- still without a date
  },
  at "2025-12-06" {                                     -- a Saturday: late, no mail
    finding { kind = "overdue", agency = "so-y-te", obligation = "ket-qua-bdg", days = 1 },
    no_reminder { obligation = "ket-qua-bdg" },
  },
  at "2025-12-08" {
    finding { kind = "on_time", agency = "so-gddt", obligation = "ket-qua-bdg", received = "2025-12-04" },
    reminder { agency = "so-y-te", obligation = "ket-qua-bdg", stage = "overdue-0" },
    reminder { agency = "cong-an", obligation = "ket-qua-bdg", stage = "overdue-0",
               to = "cong-an@bacninh.example.gov.vn" },
  },
  at "2025-12-10" {
    finding { kind = "late", agency = "cong-an", obligation = "ket-qua-bdg", received = "2025-12-09", days = 4 },
    no_reminder { agency = "cong-an", obligation = "ket-qua-bdg" },
  },
  at "2025-12-19" {                                     -- 14 days late: Sở Y tế's head
    reminder { agency = "so-y-te", obligation = "ket-qua-bdg", stage = "escalate-2", escalation = true },
  },
}

test "Báo cáo tổng hợp 2025 của Sở Nội vụ gửi UBND tỉnh và Bộ Nội vụ, hạn theo văn bản 15/01/2026" {
  extensions = {
    { "so-noi-vu", "tong-hop", "2025", due = "2026-01-15", letter = "…/BNV-CTTN&BĐG (thử)", on = "2025-12-01" },
  },
  at "2026-01-08" {
    finding { kind = "due_soon", agency = "so-noi-vu", obligation = "tong-hop", period = "2025",
              due = "2026-01-15", days = 7 },
    reminder { agency = "so-noi-vu", obligation = "tong-hop", period = "2025", stage = "before-7",
               to = "so-noi-vu@bacninh.example.gov.vn" },
  },
  at "2026-01-16" {
    finding { kind = "overdue", agency = "so-noi-vu", obligation = "tong-hop", period = "2025", days = 1 },
  },
}
