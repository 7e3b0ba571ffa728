-- tests/reports.lua — Buôn Ma Thuột 2022 (plan-2022.lua): mục III.10 of KH
-- 48/KH-UBND, the 21 wards and communes "tổ chức sơ kết, tổng kết … gửi về
-- UBND Thành phố (qua Phòng Lao động – Thương binh và Xã hội) trước ngày
-- 15/5/2022 và ngày 15/11/2022". 15/5/2022 is a Sunday: the last day moves
-- to Monday 16/5 (BLDS 2015, Điều 148); 15/11/2022 is a Tuesday. The
-- 15-year review of the Law (mục II.5) waits "khi có hướng dẫn của Thành
-- phố"; Phòng LĐTBXH's compiled report (III.1) waits for the province's date.

test "Sơ kết: trước ngày 15/5/2022 (Chủ nhật), hạn thứ Hai 16/5" {
  submissions = {
    { "ubnd-ea-tam", "so-ket-2022", "2022", on = "2022-05-16" },
    { "ubnd-tan-lap", "so-ket-2022", "2022", on = "2022-05-18" },
  },
  at "2022-04-01" {
    finding { kind = "upcoming", agency = "ubnd-hoa-xuan", obligation = "so-ket-2022", period = "2022",
              due = "2022-05-16", nominal_due = "2022-05-15" },
  },
  at "2022-05-09" {
    finding { kind = "due_soon", agency = "ubnd-hoa-xuan", obligation = "so-ket-2022", period = "2022",
              due = "2022-05-16", nominal_due = "2022-05-15", days = 7 },
    reminder { agency = "ubnd-hoa-xuan", obligation = "so-ket-2022", stage = "before-7",
               to = "ubnd-hoa-xuan@buonmathuot.example.gov.vn" },
    -- only the wards and communes: not the departments, not Phòng LĐTBXH
    no_finding { agency = "phong-ldtbxh", obligation = "so-ket-2022" },
    no_finding { agency = "phong-y-te", obligation = "so-ket-2022" },
  },
  at "2022-05-13" {
    finding { kind = "due_soon", agency = "ubnd-cu-ebur", obligation = "so-ket-2022", days = 3 },
  },
  at "2022-05-15" {                                     -- the Sunday: not yet late, no mail
    finding { kind = "due_soon", agency = "ubnd-cu-ebur", obligation = "so-ket-2022", days = 1 },
    no_reminder { obligation = "so-ket-2022" },
  },
  at "2022-05-16" {
    finding { kind = "due_soon", agency = "ubnd-cu-ebur", obligation = "so-ket-2022", days = 0 },
    finding { kind = "on_time", agency = "ubnd-ea-tam", obligation = "so-ket-2022", received = "2022-05-16" },
    reminder { agency = "ubnd-cu-ebur", obligation = "so-ket-2022", stage = "due" },
  },
  at "2022-05-17" {
    finding { kind = "overdue", agency = "ubnd-cu-ebur", obligation = "so-ket-2022", due = "2022-05-16", days = 1 },
    reminder { agency = "ubnd-cu-ebur", obligation = "so-ket-2022", stage = "overdue-0",
               to = "ubnd-cu-ebur@buonmathuot.example.gov.vn" },
    no_reminder { agency = "ubnd-ea-tam", obligation = "so-ket-2022" },
  },
  at "2022-05-19" {
    finding { kind = "late", agency = "ubnd-tan-lap", obligation = "so-ket-2022", received = "2022-05-18", days = 2 },
  },
}

test "Tổng kết: trước ngày 15/11/2022 (thứ Ba)" {
  exemptions = {
    { "ubnd-hoa-khanh", "tong-ket-2022", "2022", letter = "30/UBND-LĐTBXH (thử)", on = "2022-11-01" },
  },
  at "2022-11-15" {
    finding { kind = "due_soon", agency = "ubnd-ea-kao", obligation = "tong-ket-2022", period = "2022",
              due = "2022-11-15", nominal_due = "2022-11-15", days = 0 },
    finding { kind = "exempt", agency = "ubnd-hoa-khanh", obligation = "tong-ket-2022" },
    no_reminder { agency = "ubnd-hoa-khanh", obligation = "tong-ket-2022" },
  },
  at "2022-11-16" {
    finding { kind = "overdue", agency = "ubnd-ea-kao", obligation = "tong-ket-2022", days = 1 },
    no_finding { kind = "overdue", agency = "ubnd-hoa-khanh", obligation = "tong-ket-2022" },
  },
}

test "Tổng kết 15 năm Luật BĐG \"khi có hướng dẫn của Thành phố\"; báo cáo tổng hợp của Phòng LĐTBXH" {
  extensions = {
    { "ubnd-hoa-phu", "tong-ket-15-nam-luat-bdg", "2022", due = "2022-09-30", letter = "HD 01/UBND (thử)", on = "2022-09-01" },
  },
  at "2022-09-01" {
    finding { kind = "awaiting_date", agency = "phong-noi-vu", obligation = "tong-ket-15-nam-luat-bdg", period = "2022" },
    finding { kind = "awaiting_date", agency = "ubnd-tan-an", obligation = "tong-ket-15-nam-luat-bdg" },
    finding { kind = "awaiting_date", agency = "phong-ldtbxh", obligation = "tong-hop-2022", period = "2022" },
    no_reminder { obligation = "tong-ket-15-nam-luat-bdg" },
  },
  at "2022-09-23" {
    finding { kind = "due_soon", agency = "ubnd-hoa-phu", obligation = "tong-ket-15-nam-luat-bdg",
              due = "2022-09-30", days = 7, letter = "HD 01/UBND (thử)" },
    reminder { agency = "ubnd-hoa-phu", obligation = "tong-ket-15-nam-luat-bdg", stage = "before-7",
               to = "ubnd-hoa-phu@buonmathuot.example.gov.vn" },
    finding { kind = "awaiting_date", agency = "ubnd-tan-an", obligation = "tong-ket-15-nam-luat-bdg" },
  },
  at "2023-09-01" {
    no_finding { obligation = "tong-ket-15-nam-luat-bdg", period = "2023" },
    no_finding { obligation = "tong-hop-2022", period = "2023" },
  },
}
