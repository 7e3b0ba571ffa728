-- tests/reports.lua — Tam Điệp's annual report (plan-2021-2025.lua): the
-- plan's last paragraph, "định kỳ hàng năm (trước ngày 10/12) báo cáo kết
-- quả thực hiện về UBND thành phố (qua Phòng Lao động - Thương binh và Xã
-- hội)", from the departments, mass organisations and the 9 wards and
-- communes (not Phòng LĐTBXH, which receives). 10/12 is the last day; a
-- weekend moves it to the next working day (BLDS 2015, Điều 148):
-- 10/12/2021 a Friday; 10/12/2022 a Saturday → Monday 12/12; 10/12/2023 a
-- Sunday → Monday 11/12; 10/12/2025 a Wednesday, the plan's last year.
-- Phòng LĐTBXH's compiled report "theo quy định" awaits its date (mục IV.1).

test "Báo cáo năm 2021: trước ngày 10/12/2021 (thứ Sáu)" {
  at "2021-11-01" {
    finding { kind = "upcoming", agency = "phong-y-te", obligation = "bao-cao-nam", period = "2021",
              due = "2021-12-10", days = 39 },
    no_reminder { obligation = "bao-cao-nam" },
  },
  at "2021-12-03" {
    finding { kind = "due_soon", agency = "ubnd-bac-son", obligation = "bao-cao-nam", period = "2021",
              due = "2021-12-10", days = 7 },
    reminder { agency = "ubnd-bac-son", obligation = "bao-cao-nam", period = "2021", stage = "before-7",
               to = "ubnd-bac-son@tamdiep.example.gov.vn" },
    reminder { agency = "hoi-lhpn", obligation = "bao-cao-nam", stage = "before-7" },
    -- Phòng LĐTBXH receives the reports and compiles them: it owes none
    no_finding { agency = "phong-ldtbxh", obligation = "bao-cao-nam" },
    no_reminder { agency = "phong-ldtbxh", obligation = "bao-cao-nam" },
  },
  at "2021-12-10" {
    finding { kind = "due_soon", agency = "phong-y-te", obligation = "bao-cao-nam", period = "2021",
              due = "2021-12-10", days = 0 },
    finding { obligation = "bao-cao-nam", period = "2021", nominal_due = "2021-12-10", due = "2021-12-10" },
    reminder { agency = "phong-y-te", obligation = "bao-cao-nam", stage = "due",
               to = "phong-y-te@tamdiep.example.gov.vn" },
  },
  at "2021-12-11" {                                     -- a Saturday: no mail
    finding { kind = "overdue", agency = "ubnd-dong-son", obligation = "bao-cao-nam", period = "2021",
              due = "2021-12-10", days = 1 },
    no_reminder { obligation = "bao-cao-nam" },
  },
  at "2021-12-13" {
    reminder { agency = "ubnd-dong-son", obligation = "bao-cao-nam", stage = "overdue-0",
               to = "ubnd-dong-son@tamdiep.example.gov.vn" },
  },
  at "2021-12-24" {                                     -- 14 days late: the head
    reminder { agency = "ubnd-dong-son", obligation = "bao-cao-nam", stage = "escalate-2",
               escalation = true },
  },
}

test "Báo cáo năm 2022: 10/12 là thứ Bảy, hạn thứ Hai 12/12/2022" {
  submissions = {
    { "phong-y-te", "bao-cao-nam", "2022", on = "2022-12-12" },
    { "ubnd-bac-son", "bao-cao-nam", "2022", on = "2022-12-13" },
  },
  at "2022-12-05" {
    finding { kind = "due_soon", agency = "phong-gddt", obligation = "bao-cao-nam", period = "2022",
              due = "2022-12-12", nominal_due = "2022-12-10", days = 7 },
    reminder { agency = "phong-gddt", obligation = "bao-cao-nam", stage = "before-7" },
  },
  at "2022-12-09" {
    finding { kind = "due_soon", agency = "phong-gddt", obligation = "bao-cao-nam", period = "2022",
              due = "2022-12-12", nominal_due = "2022-12-10", days = 3 },
  },
  at "2022-12-12" {
    finding { kind = "due_soon", agency = "phong-gddt", obligation = "bao-cao-nam", period = "2022", days = 0 },
    finding { kind = "on_time", agency = "phong-y-te", obligation = "bao-cao-nam", period = "2022",
              received = "2022-12-12" },
    reminder { agency = "phong-gddt", obligation = "bao-cao-nam", stage = "due" },
    no_reminder { agency = "phong-y-te", obligation = "bao-cao-nam", period = "2022" },
  },
  at "2022-12-13" {
    finding { kind = "overdue", agency = "phong-gddt", obligation = "bao-cao-nam", period = "2022",
              due = "2022-12-12", days = 1 },
    finding { kind = "late", agency = "ubnd-bac-son", obligation = "bao-cao-nam", period = "2022",
              received = "2022-12-13", days = 1 },
    finding { kind = "on_time", agency = "phong-y-te", obligation = "bao-cao-nam", period = "2022" },
    no_reminder { agency = "ubnd-bac-son", obligation = "bao-cao-nam", period = "2022" },
  },
}

test "Báo cáo năm 2023: 10/12 là Chủ nhật, hạn thứ Hai 11/12/2023" {
  exemptions = {
    { "ldld", "bao-cao-nam", "2023", letter = "15/UBND-LĐTBXH (thử)", on = "2023-11-20" },
  },
  at "2023-12-08" {
    finding { kind = "due_soon", agency = "cong-an", obligation = "bao-cao-nam", period = "2023",
              due = "2023-12-11", nominal_due = "2023-12-10", days = 3 },
    finding { kind = "exempt", agency = "ldld", obligation = "bao-cao-nam", period = "2023",
              letter = "15/UBND-LĐTBXH (thử)" },
    no_reminder { agency = "ldld", period = "2023" },
  },
  at "2023-12-12" {
    finding { kind = "overdue", agency = "cong-an", obligation = "bao-cao-nam", period = "2023", days = 1 },
    no_finding { kind = "overdue", agency = "ldld", period = "2023" },
  },
}

test "Năm cuối của kế hoạch: 10/12/2025 (thứ Tư); không có báo cáo năm 2026" {
  at "2025-12-10" {
    finding { kind = "due_soon", agency = "phong-tckh", obligation = "bao-cao-nam", period = "2025",
              due = "2025-12-10", days = 0 },
    finding { obligation = "bao-cao-nam", period = "2025", nominal_due = "2025-12-10", due = "2025-12-10" },
  },
  at "2026-12-11" {
    no_finding { obligation = "bao-cao-nam", period = "2026" },
    no_finding { obligation = "tong-hop-nam", period = "2026" },
  },
}

test "Báo cáo tổng hợp của Phòng LĐTBXH \"theo quy định\": chờ ngày; ngày theo văn bản của tỉnh" {
  extensions = {
    { "phong-ldtbxh", "tong-hop-nam", "2023", due = "2023-12-20", letter = "102/SLĐTBXH (thử)", on = "2023-12-01" },
  },
  at "2022-12-13" {
    finding { kind = "awaiting_date", agency = "phong-ldtbxh", obligation = "tong-hop-nam", period = "2022" },
    no_reminder { obligation = "tong-hop-nam" },
  },
  at "2023-12-13" {
    finding { kind = "due_soon", agency = "phong-ldtbxh", obligation = "tong-hop-nam", period = "2023",
              due = "2023-12-20", days = 7, letter = "102/SLĐTBXH (thử)" },
    reminder { agency = "phong-ldtbxh", obligation = "tong-hop-nam", period = "2023", stage = "before-7",
               to = "phong-ldtbxh@tamdiep.example.gov.vn" },
  },
}
