-- indicators.lua — chỉ tiêu của thành phố Tam Điệp đến năm 2025 và cơ quan
-- chủ trì từng chỉ tiêu.
--
-- Nguồn: mục II.2 (mục tiêu cụ thể đến năm 2025) và mục IV (ai chủ trì,
-- phối hợp). Thành phố kế thừa 6 mục tiêu của Chiến lược 2021–2030
-- (rules/national/indicators.lua); ở đây ghi những gì KHÁC: chỉ tiêu riêng
-- của thành phố (chỉ tiêu quốc gia vẫn được giữ và in bên cạnh), cơ quan
-- chủ trì khác vai trò, và các chỉ tiêu kế hoạch không có.
--
-- Hạn số liệu: số liệu cả năm gửi cùng báo cáo năm "trước ngày 10/12" (đoạn
-- cuối), thay cho hạn mặc định 25/12 của khung quốc gia. Số liệu theo quý
-- (tin bài ở phường, xã) và theo tháng (chuyên mục của Trung tâm): kế hoạch
-- không ghi hạn; dùng 30 ngày sau khi hết kỳ (hạn mặc định của dondoc). Số
-- của quý I hạn 30/4 — ngày lễ — nên lùi sang ngày làm việc sau kỳ nghỉ.
local HAN = "12-10"
local KH = "KH tháng 7/2021 của UBND thành phố Tam Điệp"

----------------------------------------------------------------------------
-- Mục tiêu 1 — Phòng Nội vụ chủ trì (IV.3); Ban Tổ chức Thành ủy phối hợp
-- (IV.14). Chỉ tiêu 60% như quốc gia.
----------------------------------------------------------------------------
indicator "m1.1" { support = { "ban-to-chuc-thu" }, due = HAN }

----------------------------------------------------------------------------
-- Mục tiêu 2 — Phòng LĐTBXH (chỉ tiêu 1, 2), Phòng Kinh tế (chỉ tiêu 3).
-- "Giảm … xuống dưới 30%" đọc như khung quốc gia (không quá 30%).
----------------------------------------------------------------------------
indicator "m2.1" { due = HAN }
indicator "m2.2" { due = HAN }
indicator "m2.3" {
  targets = { [2025] = 20 },                    -- "đạt ít nhất 20%" (TW 27%)
  due     = HAN,
  basis   = KH .. ", mục II.2.b, chỉ tiêu 3; NQ 28/NQ-CP, Mục tiêu 2, chỉ tiêu 3",
}

----------------------------------------------------------------------------
-- Mục tiêu 3
----------------------------------------------------------------------------

-- Chỉ tiêu 1: Chi cục Thống kê chủ trì thu thập, báo cáo số liệu (IV.10).
indicator "m3.1" {
  lead  = "chi-cuc-thong-ke",
  due   = HAN,
  basis = KH .. ", mục IV.10; NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 1",
}

-- Chỉ tiêu 2: số liệu bạo lực gia đình do Phòng Văn hóa và Thông tin (IV.6),
-- số liệu bạo lực trên cơ sở giới do Phòng LĐTBXH (IV.1) chủ trì; Công an
-- phối hợp (IV.9). dondoc ghi một cơ quan chủ trì mỗi chỉ tiêu: Phòng
-- VH&TT (nguồn số liệu lớn hơn, vai trò culture), Phòng LĐTBXH và Công an
-- phối hợp (nhận bản sao mọi nhắc việc về chỉ tiêu). Các dãy số đếm
-- (m3.2a.detected …) cộng chung số liệu của hai nguồn.
indicator "m3.2a.detected"  { due = HAN, support = { "phong-ldtbxh", "cong-an" } }
indicator "m3.2a.supported" { due = HAN, support = { "phong-ldtbxh", "cong-an" } }
indicator "m3.2b.detected"  { due = HAN, support = { "phong-ldtbxh", "cong-an" } }
indicator "m3.2b.counselled" { due = HAN, support = { "phong-ldtbxh", "cong-an" } }
indicator "m3.2a" {
  targets = { [2025] = 90 },                    -- "đạt 90%" (TW 80%)
  support = { "phong-ldtbxh", "cong-an" },
  due     = HAN,
  basis   = KH .. ", mục II.2.c, chỉ tiêu 2; NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2",
}
indicator "m3.2b" {
  targets = { [2025] = 60 },                    -- "60% người gây bạo lực" (TW 50%)
  support = { "phong-ldtbxh", "cong-an" },
  due     = HAN,
  basis   = KH .. ", mục II.2.c, chỉ tiêu 2; NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2",
}

-- Chỉ tiêu 3: Phòng LĐTBXH (IV.1), 100% như quốc gia.
indicator "m3.3.detected"  { due = HAN }
indicator "m3.3.supported" { due = HAN }
indicator "m3.3"           { due = HAN }

-- Kế hoạch không có chỉ tiêu về cơ sở trợ giúp xã hội công lập (chỉ tiêu 4
-- quốc gia): thành phố không có cơ sở loại này trong phân công.
drop("indicator", "m3.4")
drop("indicator", "m3.4.facilities")
drop("indicator", "m3.4.active")

----------------------------------------------------------------------------
-- Mục tiêu 4 — Phòng Y tế chủ trì cả mục tiêu (IV.4).
----------------------------------------------------------------------------
indicator "m4.1" { due = HAN }
indicator "m4.2" {
  targets = { [2025] = 28 },                    -- "giảm xuống 28/100.000" (TW 42)
  due     = HAN,
  basis   = KH .. ", mục II.2.d, chỉ tiêu 2; NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 2",
}
-- "Giảm xuống 15,5 ca sinh/1.000 phụ nữ" — dấu phẩy thập phân: 15.5. Kế
-- hoạch không ghi số của năm gốc; số gốc quốc gia (23 năm 2020) được giữ
-- làm điểm xuất phát của lộ trình, dễ dãi với thành phố có tỷ suất năm 2020
-- thấp hơn — ghi baseline = { 2020, <số của thành phố> } ở đây khi có số.
indicator "m4.3" {
  targets = { [2025] = 15.5 },                  -- (TW 18)
  due     = HAN,
  basis   = KH .. ", mục II.2.d, chỉ tiêu 3; NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 3",
}
-- Kế hoạch không có chỉ tiêu về dịch vụ y tế cho người đồng tính, song tính,
-- chuyển giới (chỉ tiêu 4 quốc gia).
drop("indicator", "m4.4")

----------------------------------------------------------------------------
-- Mục tiêu 5
----------------------------------------------------------------------------

-- Chỉ tiêu 1 "theo hướng dẫn của Bộ GDĐT" (Phòng GDĐT, IV.5): có/không
-- từ 2025 như quốc gia; số liệu theo năm học, gửi cùng báo cáo năm.
indicator "m5.1" { due = HAN }

-- Chỉ tiêu 2: "hoàn thành giáo dục tiểu học đạt trên 90%" — "trên": chỉ
-- vượt 90% mới đạt (above); "hoàn thành cấp trung học cơ sở đạt 85%" là
-- một chỉ tiêu riêng của thành phố (m5.2b).
indicator "m5.2" {
  direction = "above",
  targets   = { [2025] = 90 },
  due       = HAN,
  basis     = KH .. ", mục II.2.đ, chỉ tiêu 2; NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 2",
}
indicator "m5.2b" {
  goal      = "5",
  title     = "Tỷ lệ trẻ em trai và trẻ em gái dân tộc thiểu số hoàn thành cấp trung học cơ sở",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 85 },
  lead      = role "education",
  cadence   = "year",
  due       = HAN,
  basis     = KH .. ", mục II.2.đ, chỉ tiêu 2",
}

-- Chỉ tiêu 3: "đạt trên 30%" (Phòng LĐTBXH, IV.1).
indicator "m5.3" {
  direction = "above",
  targets   = { [2025] = 30 },
  due       = HAN,
  basis     = KH .. ", mục II.2.đ, chỉ tiêu 3; NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 3",
}

-- Chỉ tiêu 4 (nữ thạc sĩ, tiến sĩ): Chi cục Thống kê chủ trì (IV.10), Ban
-- Tổ chức Thành ủy phối hợp (IV.14). Mục tiêu như quốc gia (50%, 30%).
indicator "m5.4a" { lead = "chi-cuc-thong-ke", support = { "ban-to-chuc-thu" }, due = HAN,
                    basis = KH .. ", mục IV.10, IV.14; NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 4" }
indicator "m5.4b" { lead = "chi-cuc-thong-ke", support = { "ban-to-chuc-thu" }, due = HAN,
                    basis = KH .. ", mục IV.10, IV.14; NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 4" }

----------------------------------------------------------------------------
-- Mục tiêu 6 — Phòng LĐTBXH (chỉ tiêu 1, 2), Phòng Văn hóa và Thông tin
-- (chỉ tiêu 3, 4).
----------------------------------------------------------------------------
indicator "m6.1" { due = HAN }
indicator "m6.2" { due = HAN }

-- Chỉ tiêu 3: "Đạt 100% xã, phường mỗi quý có ít nhất 04 tin, bài về bình
-- đẳng giới trên hệ thống thông tin cơ sở." Một định mức THEO QUÝ cho từng
-- phường, xã: mỗi quý ghi hai số — số phường, xã (9) và số phường, xã đã có
-- ít nhất 4 tin, bài trong quý — và dondoc theo dõi tỷ lệ, mục tiêu 100%
-- đến năm 2025 (mục II.2: "Mục tiêu cụ thể đến năm 2025").
--   dondoc observe m6.3.communes 2024-Q3 9
--   dondoc observe m6.3.met      2024-Q3 8     → 88,9%
indicator "m6.3.communes" {
  goal    = "6",
  title   = "Số xã, phường",
  unit    = "xã",
  lead    = role "information",
  cadence = "quarter",
  basis   = KH .. ", mục II.2.e, chỉ tiêu 3 (số liệu đầu vào)",
}
indicator "m6.3.met" {
  goal    = "6",
  title   = "Trong đó: số xã, phường có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở trong quý",
  unit    = "xã",
  lead    = role "information",
  cadence = "quarter",
  basis   = KH .. ", mục II.2.e, chỉ tiêu 3 (số liệu đầu vào)",
}
indicator "m6.3" {
  title   = "Xã, phường có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở trong quý",
  targets = { [2025] = 100 },
  value   = ratio("m6.3.met", "m6.3.communes"),
  cadence = "quarter",
  due     = "end+30",
  basis   = KH .. ", mục II.2.e, chỉ tiêu 3; NQ 28/NQ-CP, Mục tiêu 6, chỉ tiêu 3",
}

-- Chỉ tiêu 4: "Trung tâm Văn hóa - Thông tin và Truyền thanh thành phố có
-- chuyên mục, chuyên đề nâng cao nhận thức về bình đẳng giới và phòng ngừa
-- ứng phó với bạo lực trên cơ sở giới hàng tháng." Một đơn vị, mỗi tháng:
-- có/không (1/0). Cách đọc: "hàng tháng" là mọi tháng của kế hoạch, không
-- chỉ đến năm 2025, nên mục tiêu tính từ năm 2021. Phòng VH&TT chủ trì
-- (IV.6), Trung tâm thực hiện (IV.11).
--   dondoc observe m6.4 2024-09 1
indicator "m6.4" {
  title     = "Trung tâm Văn hóa - Thông tin và Truyền thanh thành phố có chuyên mục, chuyên đề nâng cao nhận thức về bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới trong tháng",
  unit      = "có/không",
  direction = "yes_no",
  targets   = { [2021] = true },
  support   = { "trung-tam-vhtt" },
  cadence   = "month",
  due       = "end+30",
  basis     = KH .. ", mục II.2.e, chỉ tiêu 4; mục IV.6, IV.11",
}
