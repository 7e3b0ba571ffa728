-- tests/reports.lua — Cà Mau (plan-2017.lua): mục V of KH 02/KH-UBND of
-- 13/01/2017, Sở LĐTBXH (the secretariat) "Định kỳ, trước ngày 30 tháng 11
-- hàng năm, tổng hợp báo cáo Ủy ban nhân dân tỉnh, Bộ Lao động - Thương binh
-- và Xã hội". 30/11 is the last day, moved off a weekend (BLDS 2015, Điều
-- 148): 30/11/2017 a Thursday; 30/11/2019 a Saturday → Monday 02/12/2019.
-- The plan sets no end to "hàng năm", so the report goes on after 2020.
-- The departments' and districts' reports (IV.13, IV.14) are "định kỳ" with
-- no date: they await one (a letter of Sở LĐTBXH or UBND tỉnh).

test "Báo cáo năm 2017 của Sở LĐTBXH: trước ngày 30/11/2017 (thứ Năm)" {
  at "2017-11-01" {
    finding { kind = "upcoming", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2017",
              due = "2017-11-30", days = 29 },
  },
  at "2017-11-23" {
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2017",
              due = "2017-11-30", nominal_due = "2017-11-30", days = 7 },
    reminder { agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2017", stage = "before-7",
               to = "so-ldtbxh@camau.example.gov.vn" },
    -- the departments' reports have no date: no reminder
    no_reminder { obligation = "bao-cao-dinh-ky" },
  },
  at "2017-11-30" {
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "bao-cao-nam", days = 0 },
    reminder { agency = "so-ldtbxh", obligation = "bao-cao-nam", stage = "due" },
  },
  at "2017-12-01" {
    finding { kind = "overdue", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2017",
              due = "2017-11-30", days = 1 },
    reminder { agency = "so-ldtbxh", obligation = "bao-cao-nam", stage = "overdue-0" },
  },
}

test "Báo cáo năm 2019: 30/11 là thứ Bảy, hạn thứ Hai 02/12/2019" {
  submissions = {
    { "so-ldtbxh", "bao-cao-nam", "2017", on = "2017-11-28" },
    { "so-ldtbxh", "bao-cao-nam", "2018", on = "2018-12-03" },
  },
  at "2019-11-25" {
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2019",
              due = "2019-12-02", nominal_due = "2019-11-30", days = 7 },
    reminder { agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2019", stage = "before-7" },
    finding { kind = "on_time", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2017",
              received = "2017-11-28" },
    -- 30/11/2018 a Friday: a report on Monday 03/12 is 3 days late
    finding { kind = "late", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2018",
              due = "2018-11-30", received = "2018-12-03", days = 3 },
  },
  at "2019-11-30" {                                     -- the Saturday: not late, no mail
    finding { kind = "due_soon", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2019", days = 2 },
    no_reminder { obligation = "bao-cao-nam", period = "2019" },
  },
  at "2019-12-02" {
    reminder { agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2019", stage = "due" },
  },
  at "2019-12-03" {
    finding { kind = "overdue", agency = "so-ldtbxh", obligation = "bao-cao-nam", period = "2019", days = 1 },
  },
}

test "Báo cáo \"định kỳ\" của sở, ngành, huyện (IV.13, IV.14): chờ ngày; ngày theo văn bản; miễn" {
  extensions = {
    { "ubnd-nam-can", "bao-cao-dinh-ky", "2017", due = "2017-11-20", letter = "150/SLĐTBXH (thử)", on = "2017-11-01" },
  },
  exemptions = {
    { "ban-dan-toc", "bao-cao-dinh-ky", "2017", letter = "151/SLĐTBXH (thử)", on = "2017-11-01" },
  },
  at "2017-11-13" {
    finding { kind = "awaiting_date", agency = "so-noi-vu", obligation = "bao-cao-dinh-ky", period = "2017" },
    finding { kind = "awaiting_date", agency = "ubnd-ngoc-hien", obligation = "bao-cao-dinh-ky", period = "2017" },
    finding { kind = "due_soon", agency = "ubnd-nam-can", obligation = "bao-cao-dinh-ky", period = "2017",
              due = "2017-11-20", days = 7, letter = "150/SLĐTBXH (thử)" },
    finding { kind = "exempt", agency = "ban-dan-toc", obligation = "bao-cao-dinh-ky", period = "2017" },
    reminder { agency = "ubnd-nam-can", obligation = "bao-cao-dinh-ky", stage = "before-7",
               to = "ubnd-nam-can@camau.example.gov.vn" },
    -- the secretariat compiles them: it owes none
    no_finding { agency = "so-ldtbxh", obligation = "bao-cao-dinh-ky" },
  },
}
