-- tests/reports.lua — Nghệ An 2020 (plan-2020.lua): mục III.3 of the
-- province's 2020 plan, the departments, organisations and the 21 districts
-- "báo cáo kết quả thực hiện … định kỳ 6 tháng vào 30/6 và cả năm vào
-- 30/11" to Sở LĐTBXH (the secretariat, which does not report to itself).
-- "Vào" is the day itself: 30/6/2020 a Tuesday, 30/11/2020 a Monday, so no
-- shift; a weekend or holiday would move it (BLDS 2015, Điều 148), as the
-- 2021 dates below show — the plan covers 2020 only, so 2021 has no report.
-- Sở LĐTBXH's compiled reports "theo đúng quy định" await their date.

test "Báo cáo 6 tháng: vào 30/6/2020 (thứ Ba)" {
  submissions = {
    { "so-y-te", "ket-qua-2020", "2020-H1", on = "2020-06-29" },
    { "ubnd-ky-son", "ket-qua-2020", "2020-H1", on = "2020-07-02" },
  },
  at "2020-06-01" {
    finding { kind = "upcoming", agency = "so-noi-vu", obligation = "ket-qua-2020", period = "2020-H1",
              due = "2020-06-30", days = 29 },
  },
  at "2020-06-23" {
    finding { kind = "due_soon", agency = "ubnd-vinh", obligation = "ket-qua-2020", period = "2020-H1",
              due = "2020-06-30", nominal_due = "2020-06-30", days = 7 },
    reminder { agency = "ubnd-vinh", obligation = "ket-qua-2020", stage = "before-7",
               to = "ubnd-vinh@nghean.example.gov.vn" },
    no_finding { agency = "so-ldtbxh", obligation = "ket-qua-2020" },
  },
  at "2020-06-30" {
    finding { kind = "due_soon", agency = "cong-an", obligation = "ket-qua-2020", period = "2020-H1", days = 0 },
    finding { kind = "on_time", agency = "so-y-te", obligation = "ket-qua-2020", period = "2020-H1",
              received = "2020-06-29" },
    reminder { agency = "cong-an", obligation = "ket-qua-2020", stage = "due" },
    no_reminder { agency = "so-y-te", obligation = "ket-qua-2020" },
  },
  at "2020-07-01" {
    finding { kind = "overdue", agency = "cong-an", obligation = "ket-qua-2020", period = "2020-H1",
              due = "2020-06-30", days = 1 },
    reminder { agency = "cong-an", obligation = "ket-qua-2020", stage = "overdue-0",
               to = "cong-an@nghean.example.gov.vn" },
  },
  at "2020-07-03" {
    finding { kind = "late", agency = "ubnd-ky-son", obligation = "ket-qua-2020", period = "2020-H1",
              received = "2020-07-02", days = 2 },
  },
}

test "Báo cáo cả năm: vào 30/11/2020 (thứ Hai); không có năm 2021" {
  exemptions = {
    { "bao-nghe-an", "ket-qua-2020", "2020", letter = "20/SLĐTBXH (thử)", on = "2020-11-20" },
  },
  at "2020-11-23" {
    finding { kind = "due_soon", agency = "hoi-lhpn", obligation = "ket-qua-2020", period = "2020",
              due = "2020-11-30", days = 7 },
    finding { kind = "exempt", agency = "bao-nghe-an", obligation = "ket-qua-2020", period = "2020" },
    reminder { agency = "hoi-lhpn", obligation = "ket-qua-2020", period = "2020", stage = "before-7" },
    no_reminder { agency = "bao-nghe-an", period = "2020" },
  },
  at "2020-12-01" {
    finding { kind = "overdue", agency = "ubnd-yen-thanh", obligation = "ket-qua-2020", period = "2020",
              due = "2020-11-30", days = 1 },
    no_finding { kind = "overdue", agency = "bao-nghe-an", period = "2020" },
  },
  at "2021-12-01" {
    no_finding { obligation = "ket-qua-2020", period = "2021" },
    no_finding { obligation = "ket-qua-2020", period = "2021-H1" },
  },
}

test "Báo cáo tổng hợp của Sở LĐTBXH \"theo đúng quy định\": chờ ngày; ngày theo văn bản" {
  extensions = {
    { "so-ldtbxh", "tong-hop-2020", "2020", due = "2020-12-15", letter = "…/LĐTBXH-BĐG (thử)", on = "2020-12-01" },
  },
  at "2020-07-01" {
    finding { kind = "awaiting_date", agency = "so-ldtbxh", obligation = "tong-hop-2020", period = "2020-H1" },
    finding { kind = "awaiting_date", agency = "so-ldtbxh", obligation = "tong-hop-2020", period = "2020" },
    no_reminder { obligation = "tong-hop-2020" },
  },
  at "2020-12-08" {                                     -- the letter's day is the last day
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "tong-hop-2020", period = "2020",
              due = "2020-12-15", days = 7, letter = "…/LĐTBXH-BĐG (thử)" },
    reminder { agency = "so-ldtbxh", obligation = "tong-hop-2020", period = "2020", stage = "before-7",
               to = "so-ldtbxh@nghean.example.gov.vn" },
  },
}
