-- plan-2021-2025.lua — chế độ báo cáo và Tháng hành động của Kế hoạch BĐG
-- 2021–2025 của thành phố Tam Điệp.
--
-- Nguồn: đoạn cuối của kế hoạch: "UBND thành phố yêu cầu các phòng, ban,
-- ngành, đoàn thể, UBND các phường, xã và các đơn vị có liên quan triển khai
-- thực hiện; định kỳ hàng năm (trước ngày 10/12) báo cáo kết quả thực hiện
-- về UBND thành phố (qua Phòng Lao động - Thương binh và Xã hội) để báo cáo
-- UBND tỉnh và Sở Lao động - Thương binh và Xã hội theo quy định."
--
-- "Trước ngày 10/12" theo chính sách chung: 10/12 là ngày cuối; ngày nghỉ
-- thì lùi sang ngày làm việc tiếp theo (BLDS 2015, Điều 148): 10/12/2022 là
-- thứ Bảy → thứ Hai 12/12/2022; 10/12/2023 là Chủ nhật → thứ Hai 11/12/2023.
-- Mã kỳ khi ghi nhận (dondoc submit): năm, "2021" … "2025".
local KH = "KH tháng 7/2021 của UBND thành phố Tam Điệp"

-- Ai gửi: các phòng, ban, ngành, đơn vị được phân công ở mục IV (trừ Phòng
-- LĐTBXH, nơi nhận và tổng hợp), các đoàn thể và 9 phường, xã.
local GUI_BAO_CAO = {
  "phong-tckh", "phong-noi-vu", "phong-y-te", "phong-gddt", "phong-vhtt",
  "phong-kinh-te", "phong-tu-phap", "cong-an", "chi-cuc-thong-ke",
  "trung-tam-vhtt", "nhcsxh", "ubmttq", "hoi-lhpn", "ldld",
  "ubnd-bac-son", "ubnd-trung-son", "ubnd-nam-son", "ubnd-tay-son",
  "ubnd-tan-binh", "ubnd-yen-binh", "ubnd-quang-son", "ubnd-yen-son",
  "ubnd-dong-son",
}

obligation "bao-cao-nam" {
  title        = "Báo cáo kết quả thực hiện Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2025",
  basis        = KH .. ", đoạn cuối (\"định kỳ hàng năm (trước ngày 10/12)\")",
  from         = GUI_BAO_CAO,
  to           = { "ubnd-tp", role "secretariat" },   -- "về UBND thành phố (qua Phòng LĐTBXH)"
  wording      = "before",
  periods      = { year = { due = "12-10" } },
  active_from  = "2021-07-08",
  active_until = "2025-12-31",
}

-- Phòng LĐTBXH "hàng năm tổng hợp báo cáo UBND thành phố và Sở Lao động -
-- Thương binh và Xã hội theo quy định" (IV.1), để UBND thành phố "báo cáo
-- UBND tỉnh và Sở LĐTBXH theo quy định" (đoạn cuối). "Theo quy định": ngày
-- do tỉnh ấn định (kế hoạch 102/KH-UBND của tỉnh, không có trong tài liệu)
-- — "as_instructed": chờ ngày, không nhắc, cho đến khi Thường trực ghi ngày
-- (`dates = { ["2024"] = "2024-12-20" }` ở đây, hoặc `dondoc extend`).
obligation "tong-hop-nam" {
  title        = "Báo cáo tổng hợp kết quả thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn thành phố",
  basis        = KH .. ", mục IV.1 và đoạn cuối (\"theo quy định\")",
  from         = role "secretariat",
  to           = { "ubnd-tp", "ubnd-tinh-ninh-binh", "so-ldtbxh-ninh-binh" },
  periods      = { year = { due = "as_instructed" } },
  active_from  = "2021-07-08",
  active_until = "2025-12-31",
}

-- Không có hạn: phường, xã xây dựng kế hoạch 5 năm và hằng năm, sơ kết,
-- tổng kết (IV.16); tập huấn cán bộ hằng năm (Giải pháp 2.3); rà soát
-- nguồn quy hoạch cán bộ nữ hằng năm (Giải pháp 2.1). Kế hoạch không yêu cầu gửi các văn bản
-- đó, nên không có nghĩa vụ báo cáo riêng.

-- Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên
-- cơ sở giới, 15/11–15/12 hằng năm (Nhiệm vụ 1.4, Giải pháp 2.3): Phòng LĐTBXH tham
-- mưu (IV.1), Trung tâm VH-TT&TT tăng tin bài (IV.11). Kế thừa từ khung quốc
-- gia; không có hạn nộp kế hoạch hay báo cáo kết quả riêng (kết quả nằm
-- trong báo cáo năm trước 10/12). Tháng 6 phòng, chống bạo lực gia đình
-- không có trong kế hoạch, được giữ từ khung quốc gia (QĐ 363/QĐ-TTg áp
-- dụng cho mọi địa phương). Cả hai trong thời gian của kế hoạch.
campaign "action-month" {
  basis        = "NQ 28/NQ-CP ngày 03/3/2021; " .. KH .. ", phần Nhiệm vụ, giải pháp (1.4, 2.3); mục IV.1, IV.11",
  active_from  = "2021-07-08",
  active_until = "2025-12-31",
}

campaign "domestic-violence-month" {
  active_from  = "2021-07-08",
  active_until = "2025-12-31",
}
