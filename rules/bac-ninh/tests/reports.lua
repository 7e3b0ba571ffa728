-- tests/reports.lua — the three reports of QĐ 373/QĐ-UBND ngày 08/4/2024,
-- mục V, at the dates the plan names (rules/bac-ninh/plan-2024.lua).
--
-- "trước ngày 05/12" is read as 05/12 being the last day (national policy,
-- before_means = "by"): due on the day, overdue the day after. None of the
-- 2024 dates falls on a weekend or holiday, so none moves (nominal_due is
-- the due day); the weekends and public holidays around them move the
-- reminders instead: `run` sends nothing on a day off (working_days_only),
-- and the next working day sends the stage current then.
--
-- Run: dondoc rules test bac-ninh   (docs/rules.md, "Rule tests")

test "(1) Kết quả CTQG: trước ngày 25/12/2024 (thứ Tư), không lùi hạn" {
  at "2024-12-18" {
    finding { kind = "due_soon", agency = "so-noi-vu", obligation = "ket-qua-ctqg",
              period = "2024", due = "2024-12-25", nominal_due = "2024-12-25", days = 7 },
    reminder { agency = "so-noi-vu", obligation = "ket-qua-ctqg", period = "2024",
               stage = "before-7", to = "so-noi-vu@bacninh.example.gov.vn" },
    -- the districts and the statistics office owe it too; the secretariat does not
    finding { kind = "due_soon", agency = "ubnd-luong-tai", obligation = "ket-qua-ctqg" },
    finding { kind = "due_soon", agency = "cuc-thong-ke", obligation = "ket-qua-ctqg" },
    no_finding { agency = "so-ldtbxh", obligation = "ket-qua-ctqg" },
  },
  at "2024-12-25" {
    finding { kind = "due_soon", agency = "so-gddt", obligation = "ket-qua-ctqg", days = 0 },
    reminder { agency = "so-gddt", obligation = "ket-qua-ctqg", stage = "due" },
  },
  at "2024-12-26" {
    finding { kind = "overdue", agency = "so-gddt", obligation = "ket-qua-ctqg",
              due = "2024-12-25", days = 1 },
    reminder { agency = "so-gddt", obligation = "ket-qua-ctqg", stage = "overdue-0" },
  },
}

test "(1) Kết quả CTQG: không nhắc ngày Tết Dương lịch và Tết Nguyên đán 2025" {
  at "2025-01-01" {                                    -- Tết Dương lịch
    finding { kind = "overdue", agency = "so-y-te", obligation = "ket-qua-ctqg", days = 7 },
    no_reminder { obligation = "ket-qua-ctqg" },
  },
  at "2025-01-02" {
    reminder { agency = "so-y-te", obligation = "ket-qua-ctqg", stage = "overdue-1" },
  },
  at "2025-01-08" {                                    -- 14 days late: the head
    reminder { agency = "so-y-te", obligation = "ket-qua-ctqg", stage = "escalate-2",
               to = "giamdoc.so-y-te@bacninh.example.gov.vn",
               cc = "so-y-te@bacninh.example.gov.vn", escalation = true },
  },
  at "2025-01-29" {                                    -- mùng 1 Tết Ất Tỵ
    finding { kind = "overdue", agency = "so-y-te", obligation = "ket-qua-ctqg", days = 35 },
    no_reminder { obligation = "ket-qua-ctqg" },
  },
  at "2025-02-03" {                                    -- the first working day after Tết
    -- 40 days late: weekly steps at 1, 8, (14: the head), 21 and 28 days,
    -- then monthly (58): the stage current now is the one at 28 days
    reminder { agency = "so-y-te", obligation = "ket-qua-ctqg", stage = "overdue-4" },
  },
}

test "(2) Ban VSTBPN 6 tháng: trước ngày 05/6/2024 (thứ Tư)" {
  submissions = {
    { "so-noi-vu", "ban-vstbpn", "2024-H1", on = "2024-05-31" },
    { "so-tu-phap", "ban-vstbpn", "2024-H1", on = "2024-06-05" },
    { "so-y-te", "ban-vstbpn", "2024-H1", on = "2024-06-10" },
  },
  at "2024-05-29" {
    finding { kind = "due_soon", agency = "hoi-lhpn", obligation = "ban-vstbpn", period = "2024-H1",
              due = "2024-06-05", nominal_due = "2024-06-05", days = 7 },
    reminder { agency = "hoi-lhpn", obligation = "ban-vstbpn", period = "2024-H1", stage = "before-7" },
    -- every member owes it: the 14 departments and bodies and the 8 districts
    finding { kind = "due_soon", agency = "ubnd-tu-son", obligation = "ban-vstbpn", period = "2024-H1" },
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "ban-vstbpn", period = "2024-H1" },
    -- Sở KH&CN exists only from 01/03/2025
    no_finding { agency = "so-khcn", obligation = "ban-vstbpn" },
  },
  at "2024-06-05" {
    finding { kind = "on_time", agency = "so-noi-vu", obligation = "ban-vstbpn", period = "2024-H1",
              received = "2024-05-31" },
    finding { kind = "on_time", agency = "so-tu-phap", obligation = "ban-vstbpn", period = "2024-H1",
              received = "2024-06-05", days = 0 },
    finding { kind = "due_soon", agency = "so-y-te", obligation = "ban-vstbpn", period = "2024-H1",
              days = 0 },
    reminder { agency = "so-y-te", obligation = "ban-vstbpn", period = "2024-H1", stage = "due" },
    no_reminder { agency = "so-noi-vu", obligation = "ban-vstbpn" },
  },
  at "2024-06-06" {
    finding { kind = "overdue", agency = "so-y-te", obligation = "ban-vstbpn", period = "2024-H1",
              days = 1 },
    reminder { agency = "so-y-te", obligation = "ban-vstbpn", period = "2024-H1", stage = "overdue-0" },
  },
  at "2024-06-08" {                                    -- Saturday: no reminder
    finding { kind = "overdue", agency = "so-gddt", obligation = "ban-vstbpn", period = "2024-H1",
              days = 3 },
    no_reminder { obligation = "ban-vstbpn" },
  },
  at "2024-06-10" {                                    -- Monday
    reminder { agency = "so-gddt", obligation = "ban-vstbpn", period = "2024-H1", stage = "overdue-0" },
    finding { kind = "late", agency = "so-y-te", obligation = "ban-vstbpn", period = "2024-H1",
              received = "2024-06-10", days = 5 },
    no_reminder { agency = "so-y-te", obligation = "ban-vstbpn" },
  },
}

test "(2) Ban VSTBPN năm và (3) tự kiểm tra: trước ngày 05/12/2024 (thứ Năm)" {
  submissions = {
    { "so-noi-vu", "ban-vstbpn", "2024", on = "2024-12-04" },
    { "so-noi-vu", "tu-kiem-tra", "2024", on = "2024-12-04" },
    { "so-gddt", "tu-kiem-tra", "2024", on = "2024-12-06" },
  },
  at "2024-11-28" {
    finding { kind = "due_soon", agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024",
              due = "2024-12-05", nominal_due = "2024-12-05", days = 7 },
    finding { kind = "due_soon", agency = "so-tai-chinh", obligation = "tu-kiem-tra", period = "2024",
              due = "2024-12-05", days = 7 },
    finding { kind = "upcoming", agency = "so-vhttdl", obligation = "ket-qua-ctqg", days = 27 },
    no_finding { agency = "so-tai-chinh", obligation = "ket-qua-ctqg" },   -- not in its list
    reminder { agency = "so-tai-chinh", obligation = "tu-kiem-tra", stage = "before-7" },
  },
  at "2024-12-04" {
    reminder { agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024", stage = "before-1" },
    no_reminder { agency = "so-noi-vu", obligation = "ban-vstbpn", period = "2024" },
  },
  at "2024-12-05" {
    reminder { agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024", stage = "due" },
    no_finding { kind = "overdue", obligation = "tu-kiem-tra" },
  },
  at "2024-12-06" {
    finding { kind = "overdue", agency = "so-tai-chinh", obligation = "tu-kiem-tra",
              period = "2024", due = "2024-12-05", days = 1 },
    finding { kind = "late", agency = "so-gddt", obligation = "tu-kiem-tra", days = 1 },
    finding { kind = "on_time", agency = "so-noi-vu", obligation = "ban-vstbpn", period = "2024" },
    no_finding { kind = "overdue", agency = "so-noi-vu", period = "2024" },
    reminder { agency = "so-tai-chinh", obligation = "tu-kiem-tra", period = "2024",
               stage = "overdue-0", to = "so-tai-chinh@bacninh.example.gov.vn" },
  },
  at "2024-12-07" {                                    -- Saturday
    no_reminder { obligation = "tu-kiem-tra" },
  },
  at "2024-12-09" {                                    -- Monday: still the first overdue stage
    finding { kind = "overdue", agency = "so-tai-chinh", obligation = "ban-vstbpn", days = 4 },
    reminder { agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024", stage = "overdue-0" },
  },
  at "2024-12-19" {                                    -- 14 days late: the head, once
    reminder { agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024",
               stage = "escalate-2", to = "giamdoc.so-tai-chinh@bacninh.example.gov.vn",
               cc = "so-tai-chinh@bacninh.example.gov.vn", escalation = true },
  },
}

test "Gia hạn và miễn báo cáo bằng văn bản của Thường trực" {
  extensions = {
    { "so-tai-chinh", "ban-vstbpn", "2024", due = "2024-12-20",
      letter = "125/SLĐTBXH-BĐG", on = "2024-12-03" },
  },
  exemptions = {
    { "so-tu-phap", "tu-kiem-tra", "2024", letter = "126/SLĐTBXH-BĐG", on = "2024-12-03" },
  },
  at "2024-12-02" {                                    -- before the letters
    finding { kind = "due_soon", agency = "so-tai-chinh", obligation = "ban-vstbpn",
              period = "2024", due = "2024-12-05" },
  },
  at "2024-12-06" {
    finding { kind = "upcoming", agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024",
              due = "2024-12-20", original_due = "2024-12-05", letter = "125/SLĐTBXH-BĐG", days = 14 },
    finding { kind = "exempt", agency = "so-tu-phap", obligation = "tu-kiem-tra", period = "2024",
              letter = "126/SLĐTBXH-BĐG" },
    no_reminder { agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024" },
    no_reminder { agency = "so-tu-phap", obligation = "tu-kiem-tra" },
  },
  at "2024-12-23" {
    finding { kind = "overdue", agency = "so-tai-chinh", obligation = "ban-vstbpn", period = "2024",
              due = "2024-12-20", days = 3 },
  },
}
