-- indicators.lua — ai chủ trì chỉ tiêu nào trong Kế hoạch năm 2020 của tỉnh
-- Nghệ An, trên khung 7 mục tiêu của Chiến lược 2011–2020
-- (rules/national-2011/indicators.lua).
--
-- Nguồn: mục III.2 (phân công). Phụ lục 1 ("7 mục tiêu, 24 chỉ tiêu", mục
-- II.1.d) KHÔNG có trong bản lưu: không biết nội dung và chỉ tiêu riêng của
-- tỉnh, nên giữ chỉ tiêu toàn quốc (không có chỉ tiêu địa phương nào để ghi
-- bên cạnh). Phân công trong kế hoạch khớp với chỉ tiêu của QĐ 2351 ở mọi
-- chỗ đối chiếu được (mục tiêu 2: việc làm, doanh nghiệp, đào tạo nghề, vốn
-- vay; mục tiêu 6: việc nhà, bạo lực gia đình, mua bán người; mục tiêu 7:
-- văn bản pháp luật, tập huấn), nên các chỉ tiêu được ghép theo số thứ tự.
--
-- Cách đọc mục tiêu 1 (chỉ tiêu 1–5 trong kế hoạch, 3 trong QĐ 2351): chỉ
-- tiêu 1 của QĐ 2351 gồm ba tỷ lệ — cấp ủy, đại biểu Quốc hội, đại biểu
-- HĐND — nên chỉ tiêu 1–5 của kế hoạch được đọc là m1.1a (cấp ủy), m1.1b
-- (Quốc hội), m1.1c (HĐND), m1.2 (UBND các cấp có lãnh đạo chủ chốt nữ),
-- m1.3 (cơ quan có từ 30% nữ có lãnh đạo chủ chốt nữ). Cách đọc này khớp
-- với phân công: Ban Tổ chức Tỉnh ủy (Sở Nội vụ phối hợp) cho chỉ tiêu 1 và
-- 5 — cấp ủy và cơ quan Đảng; Sở Nội vụ chủ trì chỉ tiêu 2, 3, 4 — bầu cử
-- và chính quyền. Chỉ tiêu 5 của mục tiêu 2 và chỉ tiêu 5 của mục tiêu 7
-- không có trong QĐ 2351: là chỉ tiêu riêng của Phụ lục 1, ghi dưới đây
-- thành dãy số liệu (không có mục tiêu, không có trạng thái) để ghi nhận
-- cơ quan chủ trì. Với cách đọc này kế hoạch có 26 chỉ tiêu, không phải 24
-- như mục II.1.d ghi; không có Phụ lục 1 thì không đối chiếu được.
--
-- Hạn số liệu: số liệu cả năm gửi cùng báo cáo năm "vào 30/11" (III.3),
-- thay cho hạn mặc định 25/12 của khuôn mẫu. Số liệu tháng (M5.3) giữ hạn
-- của khuôn mẫu (30 ngày sau khi hết tháng).
local HAN = "11-30"
local KH = "KH năm 2020 của UBND tỉnh Nghệ An"

-- Mục tiêu 1 (2.2.b).
indicator "m1.1a" { lead = "ban-to-chuc-tu", support = { "so-noi-vu" }, due = HAN,
                    basis = KH .. ", mục III.2.2.b (chỉ tiêu 1 mục tiêu 1); QĐ 2351/QĐ-TTg, Mục tiêu 1, chỉ tiêu 1" }
indicator "m1.1b" { due = HAN }
indicator "m1.1c" { due = HAN }
indicator "m1.2"  { due = HAN }
indicator "m1.3"  { lead = "ban-to-chuc-tu", support = { "so-noi-vu" }, due = HAN,
                    basis = KH .. ", mục III.2.2.b (chỉ tiêu 5 mục tiêu 1); QĐ 2351/QĐ-TTg, Mục tiêu 1, chỉ tiêu 3" }

-- Mục tiêu 2 (2.1.a, 2.3, 2.4). Chỉ tiêu 2: Sở KHĐT "phối hợp … tổ chức
-- triển khai thực hiện"; kế hoạch không giao cơ quan nào khác chủ trì, nên
-- Sở KHĐT được ghi là cơ quan chủ trì (vai trò economy).
indicator "m2.1" { due = HAN }
indicator "m2.2" { due = HAN }
indicator "m2.3" { due = HAN }
indicator "m2.4" { due = HAN }
indicator "m2.5" {
  goal    = "2",
  title   = "Chỉ tiêu 5 thuộc mục tiêu 2 (Phụ lục 1 của Kế hoạch; nội dung không có trong bản lưu)",
  lead    = "so-ldtbxh",
  cadence = "year",
  due     = HAN,
  basis   = KH .. ", mục III.2.1.a",
  note    = "Chỉ tiêu riêng của Phụ lục 1: ghi số liệu khi có phụ lục; chưa có mục tiêu nên không đánh giá.",
}

-- Mục tiêu 3 (2.5), mục tiêu 4 (2.6.b), mục tiêu 5 (2.7.a).
indicator "m3.1"  { due = HAN }
indicator "m3.2a" { due = HAN }
indicator "m3.2b" { due = HAN }
indicator "m4.1"  { due = HAN }
indicator "m4.2"  { due = HAN }
indicator "m4.3"  { due = HAN }
indicator "m4.4"  { due = HAN }
indicator "m5.1"  { due = HAN }
indicator "m5.2"  { due = HAN, support = { "dai-ptth" } }   -- 2.15: Đài tăng thời lượng

-- Mục tiêu 6 (2.8.a; 2.9.a: Công an tỉnh chủ trì chỉ tiêu 3).
indicator "m6.1"  { due = HAN }
indicator "m6.2a" { due = HAN }
indicator "m6.2b" { due = HAN }
indicator "m6.3"  { lead = "cong-an", due = HAN,
                    basis = KH .. ", mục III.2.9.a; QĐ 2351/QĐ-TTg, Mục tiêu 6, chỉ tiêu 3" }

-- Mục tiêu 7 (2.10.a, 2.2.b, 2.1.a).
indicator "m7.1" { due = HAN }
indicator "m7.2" { due = HAN }
indicator "m7.3" { due = HAN }
indicator "m7.4" { due = HAN }
indicator "m7.5" {
  goal    = "7",
  title   = "Chỉ tiêu 5 thuộc mục tiêu 7 (Phụ lục 1 của Kế hoạch; nội dung không có trong bản lưu)",
  lead    = "so-ldtbxh",
  cadence = "year",
  due     = HAN,
  basis   = KH .. ", mục III.2.1.a",
  note    = "Chỉ tiêu riêng của Phụ lục 1: ghi số liệu khi có phụ lục; chưa có mục tiêu nên không đánh giá.",
}
