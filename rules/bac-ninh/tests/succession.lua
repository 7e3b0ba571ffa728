-- tests/succession.lua — the 2025 changes (plan-2025.lua, agencies.lua):
--   01/03/2025  Sở LĐTBXH ends (valid_until 28/02/2025); its duties and the
--               secretariat go to Sở Nội vụ (successor); Bộ LĐTBXH into Bộ
--               Nội vụ (the "ministry" role);
--   01/07/2025  the 8 districts end (valid_until 30/06/2025), with no
--               successor; Bắc Ninh and Bắc Giang merge (rules/bac-ninh-2025).
-- History stays with the old agency; what falls due after the change goes
-- to, and is reminded to, the successor. The dates of the compiled reports
-- ("theo quy định", mục IV.1 and the end of mục V of QĐ 373) come by letter
-- (extensions below), as the rules' comments say an officer records them.

local LETTER = "5645/LĐTBXH-BĐG (thử)"

test "Báo cáo tổng hợp 2024, hạn theo văn bản 15/01/2025 (trước 01/3/2025): Sở LĐTBXH nợ, gửi Bộ LĐTBXH" {
  extensions = {
    { "so-ldtbxh", "tong-hop", "2024", due = "2025-01-15", letter = LETTER, on = "2025-01-10" },
  },
  at "2024-12-26" {
    finding { kind = "awaiting_date", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024" },
    finding { kind = "awaiting_date", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024-H1" },
    no_reminder { obligation = "tong-hop" },                 -- no date, no reminder
  },
  at "2025-01-14" {
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024",
              due = "2025-01-15", days = 1, letter = LETTER },
    no_finding { obligation = "tong-hop", period = "2024", on_behalf_of = "so-ldtbxh" },
    reminder { agency = "so-ldtbxh", obligation = "tong-hop", period = "2024", stage = "before-1",
               to = "so-ldtbxh@bacninh.example.gov.vn" },
  },
  at "2025-01-16" {
    finding { kind = "overdue", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024", days = 1 },
  },
}

test "Báo cáo tổng hợp 2024 gửi ngày 14/01/2025: lịch sử ở lại với Sở LĐTBXH sau 01/3/2025" {
  extensions = {
    { "so-ldtbxh", "tong-hop", "2024", due = "2025-01-15", letter = LETTER, on = "2025-01-10" },
  },
  submissions = {
    { "so-ldtbxh", "tong-hop", "2024", on = "2025-01-14" },
    { "so-ldtbxh", "ban-vstbpn", "2024", on = "2024-12-04" },
  },
  at "2025-08-01" {
    finding { kind = "on_time", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024",
              received = "2025-01-14" },
    finding { kind = "on_time", agency = "so-ldtbxh", obligation = "ban-vstbpn", period = "2024",
              received = "2024-12-04" },
    no_finding { obligation = "tong-hop", period = "2024", agency = "so-noi-vu" },
    no_finding { obligation = "ban-vstbpn", period = "2024", on_behalf_of = "so-ldtbxh" },
    no_reminder { obligation = "tong-hop", period = "2024" },
  },
}

-- A letter that moves Sở LĐTBXH's own report past its end: the report is
-- still its (the finding keeps its agency), but it can no longer act, so
-- the reminders go to Sở Nội vụ, which took over its duties.
test "Báo cáo tổng hợp 2024 của Sở LĐTBXH gia hạn đến 14/3/2025 (sau 01/3/2025): nhắc Sở Nội vụ" {
  extensions = {
    { "so-ldtbxh", "tong-hop", "2024", due = "2025-03-14", letter = "…/BNV (thử)", on = "2025-01-10" },
  },
  at "2025-02-28" {                                         -- its last day: still told itself
    reminder { agency = "so-ldtbxh", obligation = "ban-vstbpn", period = "2024-H1",
               to = "so-ldtbxh@bacninh.example.gov.vn" },
  },
  at "2025-03-07" {
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024",
              due = "2025-03-14", days = 7 },
    reminder { agency = "so-noi-vu", obligation = "tong-hop", period = "2024", stage = "before-7",
               to = "so-noi-vu@bacninh.example.gov.vn" },
    -- ended: never told again, not even of its reports overdue since 2024
    no_reminder { agency = "so-ldtbxh" },
    reminder { agency = "so-noi-vu", obligation = "ban-vstbpn", period = "2024-H1" },
  },
  at "2025-03-17" {                                         -- 15/3 is a Saturday
    finding { kind = "overdue", agency = "so-ldtbxh", obligation = "tong-hop", period = "2024", days = 3 },
    reminder { agency = "so-noi-vu", obligation = "tong-hop", period = "2024", stage = "overdue-0" },
  },
}

test "6 tháng đầu năm 2025: Sở Nội vụ nợ thay Sở LĐTBXH; cấp huyện còn đến 30/6/2025" {
  extensions = {
    { "so-noi-vu", "tong-hop-2025", "2025-H1", due = "2025-07-15", letter = "…/BNV-CTTN&BĐG (thử)", on = "2025-06-01" },
    { "so-noi-vu", "ban-vstbpn-2025", "2025-H1", due = "2025-06-20", letter = "…/SNV (thử)", on = "2025-06-01" },
    { "ubnd-gia-binh", "ban-vstbpn-2025", "2025-H1", due = "2025-06-20", letter = "…/SNV (thử)", on = "2025-06-01" },
    { "ubnd-tu-son", "ban-vstbpn-2025", "2025-H1", due = "2025-07-10", letter = "…/SNV (thử)", on = "2025-06-01" },
  },
  at "2025-05-30" {
    finding { kind = "awaiting_date", agency = "so-noi-vu", on_behalf_of = "so-ldtbxh",
              obligation = "tong-hop-2025", period = "2025-H1" },
    finding { kind = "awaiting_date", agency = "so-khcn", obligation = "ban-vstbpn-2025", period = "2025-H1" },
    no_finding { agency = "so-ldtbxh", obligation = "ban-vstbpn-2025" },
    no_finding { agency = "so-tttt", obligation = "ban-vstbpn-2025" },
  },
  at "2025-06-23" {                                         -- 20/6 a Friday: 3 days late
    finding { kind = "overdue", agency = "ubnd-gia-binh", obligation = "ban-vstbpn-2025",
              period = "2025-H1", due = "2025-06-20", days = 3 },
    reminder { agency = "ubnd-gia-binh", obligation = "ban-vstbpn-2025", stage = "overdue-0",
               to = "ubnd-gia-binh@bacninh.example.gov.vn" },
    finding { kind = "overdue", agency = "so-noi-vu", obligation = "ban-vstbpn-2025", days = 3 },
  },
  at "2025-07-08" {
    -- the districts ended on 30/06/2025 with no successor: their reports
    -- stay theirs (one still running on a letter, one overdue), but nobody
    -- is told any more; `check` and the digest still list them
    finding { kind = "due_soon", agency = "ubnd-tu-son", obligation = "ban-vstbpn-2025",
              period = "2025-H1", due = "2025-07-10" },
    finding { kind = "overdue", agency = "ubnd-gia-binh", obligation = "ban-vstbpn-2025",
              period = "2025-H1", days = 18 },
    no_reminder { agency = "ubnd-tu-son" },
    no_reminder { agency = "ubnd-gia-binh" },
    reminder { agency = "so-noi-vu", obligation = "tong-hop-2025", period = "2025-H1",
               stage = "before-7", to = "so-noi-vu@bacninh.example.gov.vn" },
  },
  at "2025-07-16" {
    finding { kind = "overdue", agency = "so-noi-vu", on_behalf_of = "so-ldtbxh",
              obligation = "tong-hop-2025", period = "2025-H1", days = 1 },
    reminder { agency = "so-noi-vu", obligation = "tong-hop-2025", stage = "overdue-0" },
  },
}
