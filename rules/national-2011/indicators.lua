-- indicators.lua — 7 mục tiêu, 22 chỉ tiêu của Chiến lược quốc gia về bình
-- đẳng giới giai đoạn 2011–2020, chỉ tiêu toàn quốc năm 2015 và 2020.
--
-- Nguồn: QĐ 2351/QĐ-TTg ngày 24/12/2010, Điều 1 mục 3 (mục tiêu, chỉ tiêu);
-- QĐ 800/QĐ-TTg ngày 02/7/2018 điều chỉnh chỉ tiêu biết chữ (M3.1), bạo lực
-- gia đình (M6.2) và bổ sung chuyên mục hằng tháng ở xã (M5.3). Nguyên văn
-- hai quyết định chưa đối chiếu được đầy đủ: M1.1, M1.2, M2.1–M2.4 (2015),
-- M4.1 (2015), M3.1, M5.3, M6.2 (2020) đã khớp với tin của Bộ LĐTBXH
-- (31/12/2010) và tóm tắt QĐ 800 (2018); những chỗ ghi "[cần đối chiếu]"
-- lấy theo trí nhớ về văn bản, phải soát lại với bản gốc trước khi dùng
-- cho báo cáo chính thức.
--
-- Cách đọc (như rules/national):
--   direction  at_least = đạt, từ … trở lên; at_most = giảm xuống, không
--              vượt quá; above = "trên" (chỉ vượt mới đạt); yes_no.
--              Một chỉ tiêu chỉ có một cách đọc: khi chỉ tiêu 2015 viết
--              "từ 30% trở lên" mà 2020 viết "trên 35%", cách đọc của năm
--              2020 được dùng (các kế hoạch mẫu theo dõi từ 2017).
--   lead       cơ quan chủ trì, bằng VAI TRÒ (roles.lua).
--   Hạn số liệu năm N: 25/12 năm N (như rules/national: Nghị định
--   09/2019/NĐ-CP, Điều 13, từ năm 2019; trước đó không có ngày chung, giữ
--   cùng cách đọc). Tỉnh có hạn riêng thì ghi đè `due` (Nghệ An: cùng báo
--   cáo năm, 30/11).
local HAN = "12-25"
local QD = "QĐ 2351/QĐ-TTg ngày 24/12/2010"

----------------------------------------------------------------------------
-- Mục tiêu 1. Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý,
-- lãnh đạo, nhằm từng bước giảm dần khoảng cách giới trong lĩnh vực chính trị
----------------------------------------------------------------------------

-- Chỉ tiêu 1 gộp ba tỷ lệ (cấp ủy Đảng; đại biểu Quốc hội; đại biểu Hội
-- đồng nhân dân); mỗi tỷ lệ là một chỉ tiêu ở đây (m1.1a, b, c). Giá trị
-- của một năm là tỷ lệ của nhiệm kỳ đang diễn ra.
indicator "m1.1a" {
  goal      = "1",
  title     = "Tỷ lệ nữ tham gia cấp ủy Đảng nhiệm kỳ 2016–2020",
  unit      = "%",
  direction = "at_least",
  targets   = { [2020] = 25 },                  -- "từ 25% trở lên"
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 1, chỉ tiêu 1",
}

indicator "m1.1b" {
  goal      = "1",
  title     = "Tỷ lệ nữ đại biểu Quốc hội",
  unit      = "%",
  direction = "above",                          -- 2020: "trên 35%"
  targets   = { [2015] = 30, [2020] = 35 },     -- nhiệm kỳ 2011–2015: "từ 30% trở lên"
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 1, chỉ tiêu 1",
}

indicator "m1.1c" {
  goal      = "1",
  title     = "Tỷ lệ nữ đại biểu Hội đồng nhân dân các cấp",
  unit      = "%",
  direction = "above",
  targets   = { [2015] = 30, [2020] = 35 },
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 1, chỉ tiêu 1",
}

indicator "m1.2" {
  goal      = "1",
  title     = "Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các cấp có lãnh đạo chủ chốt là nữ",
  unit      = "%",
  direction = "above",                          -- 2020: "trên 95%"
  targets   = { [2015] = 80, [2020] = 95 },
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 1, chỉ tiêu 2",
}

indicator "m1.3" {
  goal      = "1",
  title     = "Cơ quan Đảng, Nhà nước, tổ chức chính trị - xã hội có từ 30% nữ cán bộ, công chức, viên chức, người lao động trở lên có lãnh đạo chủ chốt là nữ",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 70, [2020] = 100 },
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 1, chỉ tiêu 3 [cần đối chiếu]",
}

----------------------------------------------------------------------------
-- Mục tiêu 2. Giảm khoảng cách giới trong lĩnh vực kinh tế, lao động, việc
-- làm; tăng cường sự tiếp cận của phụ nữ nghèo ở nông thôn, phụ nữ người dân
-- tộc thiểu số đối với các nguồn lực kinh tế, thị trường lao động
----------------------------------------------------------------------------

-- "Hằng năm, trong tổng số người được tạo việc làm mới, bảo đảm ít nhất 40%
-- cho mỗi giới": giá trị là tỷ lệ của giới ít hơn trong năm.
indicator "m2.1" {
  goal      = "2",
  title     = "Tỷ lệ của giới ít hơn trong tổng số người được tạo việc làm mới trong năm",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 40, [2020] = 40 },
  lead      = role "labour",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 2, chỉ tiêu 1",
}

indicator "m2.2" {
  goal      = "2",
  title     = "Tỷ lệ nữ giám đốc/chủ doanh nghiệp",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 30, [2020] = 35 },     -- 2020: "từ 35% trở lên"
  lead      = role "economy",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 2, chỉ tiêu 2",
}

indicator "m2.3" {
  goal      = "2",
  title     = "Tỷ lệ lao động nữ nông thôn dưới 45 tuổi được đào tạo nghề và chuyên môn kỹ thuật",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 25, [2020] = 50 },
  lead      = role "labour",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 2, chỉ tiêu 3",
}

indicator "m2.4" {
  goal      = "2",
  title     = "Tỷ lệ nữ ở vùng nông thôn nghèo, vùng dân tộc thiểu số có nhu cầu được vay vốn ưu đãi từ các chương trình việc làm, giảm nghèo và các nguồn tín dụng chính thức",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 80, [2020] = 100 },
  lead      = role "credit",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 2, chỉ tiêu 4 [2020: cần đối chiếu]",
}

----------------------------------------------------------------------------
-- Mục tiêu 3. Nâng cao chất lượng nguồn nhân lực nữ, từng bước bảo đảm sự
-- tham gia bình đẳng giữa nam và nữ trong lĩnh vực giáo dục và đào tạo
----------------------------------------------------------------------------

-- Sửa đổi năm 2018: "tỷ lệ biết chữ của nữ trong độ tuổi từ 15–60 đạt ngang
-- bằng với nam (98%)" vào năm 2020; 14 tỉnh có điều kiện kinh tế - xã hội
-- khó khăn 94%, người dân tộc thiểu số 90% (tỉnh thuộc nhóm đó ghi đè).
indicator "m3.1" {
  goal      = "3",
  title     = "Tỷ lệ biết chữ của nữ trong độ tuổi từ 15 đến 60",
  unit      = "%",
  direction = "at_least",
  targets   = { [2020] = 98 },
  lead      = role "education",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 3, chỉ tiêu 1, sửa đổi bởi QĐ 800/QĐ-TTg ngày 02/7/2018",
}

indicator "m3.2a" {
  goal      = "3",
  title     = "Tỷ lệ nữ thạc sĩ",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 40, [2020] = 50 },
  lead      = role "education",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 3, chỉ tiêu 2 [cần đối chiếu]",
}

indicator "m3.2b" {
  goal      = "3",
  title     = "Tỷ lệ nữ tiến sĩ",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 20, [2020] = 25 },
  lead      = role "education",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 3, chỉ tiêu 2 [cần đối chiếu]",
}

----------------------------------------------------------------------------
-- Mục tiêu 4. Bảo đảm bình đẳng giới trong tiếp cận và thụ hưởng các dịch
-- vụ chăm sóc sức khỏe
----------------------------------------------------------------------------

indicator "m4.1" {
  goal      = "4",
  title     = "Tỷ số giới tính khi sinh",
  unit      = "trẻ sơ sinh trai/100 trẻ sơ sinh gái",
  direction = "at_most",                        -- "không vượt quá"
  targets   = { [2015] = 113, [2020] = 115 },
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 4, chỉ tiêu 1 [2020: cần đối chiếu]",
}

indicator "m4.2" {
  goal      = "4",
  title     = "Tỷ số tử vong bà mẹ liên quan đến thai sản",
  unit      = "ca/100.000 trẻ đẻ sống",
  direction = "at_most",
  targets   = { [2015] = 58.3, [2020] = 52 },
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 4, chỉ tiêu 2 [cần đối chiếu]",
}

indicator "m4.3" {
  goal      = "4",
  title     = "Tỷ lệ phụ nữ mang thai được tiếp cận dịch vụ chăm sóc và dự phòng lây truyền HIV từ mẹ sang con",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 50, [2020] = 80 },
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 4, chỉ tiêu 3 [cần đối chiếu]",
}

indicator "m4.4" {
  goal      = "4",
  title     = "Tỷ số phá thai",
  unit      = "ca/100 trẻ đẻ sống",
  direction = "at_most",                        -- 2020: "xuống dưới 25"
  targets   = { [2015] = 27, [2020] = 25 },
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 4, chỉ tiêu 4 [cần đối chiếu]",
}

----------------------------------------------------------------------------
-- Mục tiêu 5. Bảo đảm bình đẳng giới trong lĩnh vực văn hóa và thông tin
----------------------------------------------------------------------------

indicator "m5.1" {
  goal      = "5",
  title     = "Mức giảm số sản phẩm văn hóa, thông tin mang định kiến giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 60, [2020] = 80 },
  lead      = role "information",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 5, chỉ tiêu 1 [cần đối chiếu]",
}

indicator "m5.2" {
  goal      = "5",
  title     = "Đài phát thanh và truyền hình ở trung ương và địa phương có chuyên mục, chuyên đề nâng cao nhận thức về bình đẳng giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 90, [2020] = 100 },
  lead      = role "information",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 5, chỉ tiêu 2 [cần đối chiếu]",
}

-- Bổ sung năm 2018: "hàng tháng có ít nhất 02 chuyên mục tuyên truyền về
-- bình đẳng giới trên hệ thống thông tin cơ sở tại các xã, phường, thị
-- trấn" vào năm 2020. Một định mức theo THÁNG cho từng xã: theo dõi tỷ lệ
-- xã, phường, thị trấn đạt định mức trong tháng, từ hai dãy số đếm.
indicator "m5.3.communes" {
  goal    = "5",
  title   = "Số xã, phường, thị trấn",
  unit    = "xã",
  lead    = role "information",
  cadence = "month",
  basis   = "QĐ 800/QĐ-TTg ngày 02/7/2018 (số liệu đầu vào)",
}

indicator "m5.3.met" {
  goal    = "5",
  title   = "Trong đó: số xã, phường, thị trấn có ít nhất 02 chuyên mục tuyên truyền về bình đẳng giới trên hệ thống thông tin cơ sở trong tháng",
  unit    = "xã",
  lead    = role "information",
  cadence = "month",
  basis   = "QĐ 800/QĐ-TTg ngày 02/7/2018 (số liệu đầu vào)",
}

indicator "m5.3" {
  goal      = "5",
  title     = "Xã, phường, thị trấn có ít nhất 02 chuyên mục tuyên truyền về bình đẳng giới trên hệ thống thông tin cơ sở hằng tháng",
  unit      = "%",
  direction = "at_least",
  targets   = { [2020] = 100 },
  value     = ratio("m5.3.met", "m5.3.communes"),
  lead      = role "information",
  cadence   = "month",                          -- số liệu mỗi tháng: hạn 30 ngày sau khi hết tháng (mặc định end+30)
  basis     = "QĐ 800/QĐ-TTg ngày 02/7/2018 (bổ sung " .. QD .. ", Mục tiêu 5)",
}

----------------------------------------------------------------------------
-- Mục tiêu 6. Bảo đảm bình đẳng giới trong đời sống gia đình, từng bước xóa
-- bỏ bạo lực trên cơ sở giới
----------------------------------------------------------------------------

indicator "m6.1" {
  goal      = "6",
  title     = "Thời gian tham gia công việc gia đình của nữ so với nam",
  unit      = "lần",
  direction = "at_most",
  targets   = { [2015] = 2, [2020] = 1.5 },
  lead      = role "culture",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 6, chỉ tiêu 1",
}

indicator "m6.2a" {
  goal      = "6",
  title     = "Nạn nhân bạo lực gia đình được phát hiện được tư vấn tâm lý, pháp lý, được hỗ trợ và chăm sóc sức khỏe tại các cơ sở trợ giúp nạn nhân bạo lực gia đình",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 40, [2020] = 50 },     -- 2020: "ít nhất 50%" (QĐ 800)
  lead      = role "culture",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 6, chỉ tiêu 2, sửa đổi bởi QĐ 800/QĐ-TTg ngày 02/7/2018",
}

indicator "m6.2b" {
  goal      = "6",
  title     = "Người gây bạo lực gia đình chưa đến mức bị truy cứu trách nhiệm hình sự được tư vấn tại các cơ sở tư vấn về phòng, chống bạo lực gia đình",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 50, [2020] = 75 },     -- 2020: "ít nhất 75%" (QĐ 800)
  lead      = role "culture",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 6, chỉ tiêu 2, sửa đổi bởi QĐ 800/QĐ-TTg ngày 02/7/2018",
}

indicator "m6.3" {
  goal      = "6",
  title     = "Nạn nhân bị buôn bán trở về thông qua trao trả, được giải cứu, tự trở về được phát hiện được hưởng các dịch vụ hỗ trợ và tái hòa nhập cộng đồng",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 60, [2020] = 100 },
  lead      = role "social-protection",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 6, chỉ tiêu 3 [cần đối chiếu]",
}

----------------------------------------------------------------------------
-- Mục tiêu 7. Nâng cao năng lực quản lý nhà nước về bình đẳng giới
----------------------------------------------------------------------------

indicator "m7.1" {
  goal      = "7",
  title     = "Dự thảo văn bản quy phạm pháp luật được xác định có nội dung liên quan đến bình đẳng giới hoặc có vấn đề bất bình đẳng giới, phân biệt đối xử về giới được lồng ghép vấn đề bình đẳng giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 80, [2020] = 100 },
  lead      = role "justice",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 7, chỉ tiêu 1 [cần đối chiếu]",
}

indicator "m7.2" {
  goal      = "7",
  title     = "Thành viên ban soạn thảo, tổ biên tập dự thảo văn bản quy phạm pháp luật có nội dung liên quan đến bình đẳng giới được tập huấn kiến thức về giới, phân tích giới và lồng ghép giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 100, [2020] = 100 },
  lead      = role "justice",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 7, chỉ tiêu 2 [cần đối chiếu]",
}

indicator "m7.3" {
  goal      = "7",
  title     = "Bố trí đủ cán bộ làm công tác bình đẳng giới và vì sự tiến bộ của phụ nữ ở các cấp, các ngành; có đội ngũ cộng tác viên, tình nguyện viên",
  unit      = "có/không",
  direction = "yes_no",
  targets   = { [2015] = true, [2020] = true },
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 7, chỉ tiêu 3 [cần đối chiếu]",
}

indicator "m7.4" {
  goal      = "7",
  title     = "Cán bộ, công chức, viên chức làm công tác bình đẳng giới và vì sự tiến bộ của phụ nữ ở các cấp, các ngành được tập huấn nghiệp vụ ít nhất một lần",
  unit      = "%",
  direction = "at_least",
  targets   = { [2015] = 80, [2020] = 100 },
  lead      = role "gender-focal",
  cadence   = "year",
  due       = HAN,
  basis     = QD .. ", Mục tiêu 7, chỉ tiêu 4 [cần đối chiếu]",
}
