-- indicators.lua — 6 mục tiêu và các chỉ tiêu của Chiến lược quốc gia về
-- bình đẳng giới giai đoạn 2021–2030, với chỉ tiêu toàn quốc năm 2025/2030.
--
-- Nguồn: Nghị quyết 28/NQ-CP ngày 03/3/2021, phần "Mục tiêu cụ thể".
-- Nguyên văn NQ 28 chưa đối chiếu được đầy đủ; những chỗ ghi "[cần đối
-- chiếu]" lấy từ bản sao trong kế hoạch tỉnh (Phụ lục 01 QĐ 373/QĐ-UBND
-- tỉnh Bắc Ninh, KH thành phố Tam Điệp) — xem shared/notes/vietnam-domain.md §1.
--
-- Cách đọc:
--   direction  at_least = đạt ít nhất; at_most = giảm xuống, không quá;
--              yes_no = có/không (đạt khi đã thực hiện).
--              "dưới X" được ghi là at_most X (không phân biệt < với ≤).
--   lead       cơ quan chủ trì, ghi bằng VAI TRÒ; tỉnh gán cơ quan cho từng
--              vai trò (xem roles.lua).
--   ratio(a, b) tỷ lệ % tính từ hai dãy số đếm (a / b × 100), như các dòng
--              "Tổng số … / Trong đó … / Tỷ lệ …" của Phụ lục 01. Dãy số đếm
--              không có mục tiêu và không được đánh giá riêng.
--
-- Hạn nộp số liệu: số liệu năm N nộp trước ngày 25/12 năm N (số ước thực
-- hiện), cùng báo cáo năm — theo Nghị định 09/2019/NĐ-CP, Điều 13 (báo cáo
-- định kỳ gửi Chính phủ trước ngày 25 của tháng cuối kỳ) và khớp hạn báo cáo
-- Chương trình quốc gia của Bắc Ninh (QĐ 373, mục V.1). Đặt ở đây làm mặc
-- định cho mọi tỉnh; tỉnh có hạn khác thì ghi đè `due` của chỉ tiêu.
-- Với chỉ tiêu theo năm học (M5.1), năm học kết thúc tháng 8 năm N nộp
-- trước 25/12 năm N.
local HAN = "12-25"

----------------------------------------------------------------------------
-- Mục tiêu 1. Trong lĩnh vực chính trị
----------------------------------------------------------------------------

indicator "m1.1" {
  goal      = "1",
  title     = "Cơ quan quản lý nhà nước, chính quyền địa phương các cấp có lãnh đạo chủ chốt là nữ",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 60, [2030] = 75 },
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 1, chỉ tiêu 1",
}

----------------------------------------------------------------------------
-- Mục tiêu 2. Trong lĩnh vực kinh tế, lao động
----------------------------------------------------------------------------

indicator "m2.1" {
  goal      = "2",
  title     = "Tỷ lệ lao động nữ làm công hưởng lương",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 50, [2030] = 60 },     -- 2030: "khoảng 60%"
  lead      = role "labour",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 2, chỉ tiêu 1",
}

indicator "m2.2" {
  goal      = "2",
  title     = "Tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp trong tổng số lao động nữ có việc làm",
  unit      = "%",
  direction = "at_most",
  targets   = { [2025] = 30, [2030] = 25 },     -- "dưới 30%", "dưới 25%"
  lead      = role "labour",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 2, chỉ tiêu 2",
}

indicator "m2.3" {
  goal      = "2",
  title     = "Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 27, [2030] = 30 },
  lead      = role "economy",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 2, chỉ tiêu 3",
}

----------------------------------------------------------------------------
-- Mục tiêu 3. Trong đời sống gia đình và phòng ngừa, ứng phó với bạo lực
-- trên cơ sở giới
----------------------------------------------------------------------------

indicator "m3.1" {
  goal      = "3",
  title     = "Số giờ trung bình làm công việc nội trợ và chăm sóc trong gia đình không được trả công của phụ nữ so với nam giới",
  unit      = "lần",
  direction = "at_most",
  targets   = { [2025] = 1.7, [2030] = 1.4 },
  lead      = role "culture",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 1",
}

-- Chỉ tiêu 2a: người bị bạo lực được tiếp cận dịch vụ hỗ trợ.
indicator "m3.2a.detected" {
  goal    = "3",
  title   = "Số người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện",
  unit    = "người",
  lead    = role "culture",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2 (số liệu đầu vào)",
}

indicator "m3.2a.supported" {
  goal    = "3",
  title   = "Trong đó: số người được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản",
  unit    = "người",
  lead    = role "culture",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2 (số liệu đầu vào)",
}

indicator "m3.2a" {
  goal      = "3",
  title     = "Người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 80, [2030] = 90 },
  value     = ratio("m3.2a.supported", "m3.2a.detected"),
  lead      = role "culture",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2",
}

-- Chỉ tiêu 2b: người gây bạo lực được tư vấn, tham vấn.
indicator "m3.2b.detected" {
  goal    = "3",
  title   = "Số người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự",
  unit    = "người",
  lead    = role "culture",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2 (số liệu đầu vào)",
}

indicator "m3.2b.counselled" {
  goal    = "3",
  title   = "Trong đó: số người được tư vấn, tham vấn",
  unit    = "người",
  lead    = role "culture",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2 (số liệu đầu vào)",
}

indicator "m3.2b" {
  goal      = "3",
  title     = "Người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 50, [2030] = 70 },
  value     = ratio("m3.2b.counselled", "m3.2b.detected"),
  lead      = role "culture",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 2",
}

-- Chỉ tiêu 3: nạn nhân bị mua bán trở về.
indicator "m3.3.detected" {
  goal    = "3",
  title   = "Số nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ",
  unit    = "người",
  lead    = role "social-protection",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 3 (số liệu đầu vào)",
}

indicator "m3.3.supported" {
  goal    = "3",
  title   = "Trong đó: số nạn nhân được hưởng các dịch vụ hỗ trợ và tái hòa nhập cộng đồng",
  unit    = "người",
  lead    = role "social-protection",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 3 (số liệu đầu vào)",
}

indicator "m3.3" {
  goal      = "3",
  title     = "Nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ được hưởng các dịch vụ hỗ trợ và tái hòa nhập cộng đồng",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 100, [2030] = 100 },   -- "từ năm 2025 trở đi 100%"
  value     = ratio("m3.3.supported", "m3.3.detected"),
  lead      = role "social-protection",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 3",
}

-- Chỉ tiêu 4: cơ sở trợ giúp xã hội công lập.
indicator "m3.4.facilities" {
  goal    = "3",
  title   = "Tổng số cơ sở trợ giúp xã hội công lập",
  unit    = "cơ sở",
  lead    = role "social-protection",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 4 (số liệu đầu vào)",
}

indicator "m3.4.active" {
  goal    = "3",
  title   = "Trong đó: số cơ sở triển khai hoạt động trợ giúp, phòng ngừa và ứng phó với bạo lực trên cơ sở giới",
  unit    = "cơ sở",
  lead    = role "social-protection",
  cadence = "year",
  due     = HAN,
  basis   = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 4 (số liệu đầu vào)",
}

indicator "m3.4" {
  goal      = "3",
  title     = "Cơ sở trợ giúp xã hội công lập triển khai các hoạt động trợ giúp, phòng ngừa và ứng phó với bạo lực trên cơ sở giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 70, [2030] = 100 },
  value     = ratio("m3.4.active", "m3.4.facilities"),
  lead      = role "social-protection",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 4",
}

----------------------------------------------------------------------------
-- Mục tiêu 4. Trong lĩnh vực y tế
----------------------------------------------------------------------------

indicator "m4.1" {
  goal      = "4",
  title     = "Tỷ số giới tính khi sinh",
  unit      = "bé trai/100 bé gái",
  direction = "at_most",                         -- "ở mức 111", đọc là không quá
  targets   = { [2025] = 111, [2030] = 109 },
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 1",
}

indicator "m4.2" {
  goal      = "4",
  title     = "Tỷ số tử vong bà mẹ liên quan đến thai sản",
  unit      = "ca/100.000 trẻ đẻ sống",
  direction = "at_most",
  targets   = { [2025] = 42, [2030] = 42 },     -- 2030: "dưới 42"
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 2",
}

indicator "m4.3" {
  goal      = "4",
  title     = "Tỷ suất sinh ở vị thành niên",
  unit      = "ca sinh/1.000 phụ nữ",
  direction = "at_most",
  baseline  = { 2020, 23 },                      -- "giảm từ 23"; năm gốc lấy 2020
  targets   = { [2025] = 18, [2030] = 18 },     -- 2030: "dưới 18"
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 3 [cần đối chiếu; theo Phụ lục 01 QĐ 373 tỉnh Bắc Ninh]",
}

indicator "m4.4" {
  goal      = "4",
  title     = "Tỷ lệ tỉnh, thành phố có ít nhất một cơ sở y tế cung cấp thí điểm dịch vụ chăm sóc sức khỏe cho người đồng tính, song tính và chuyển giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 40, [2030] = 70 },
  lead      = role "health",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 4, chỉ tiêu 4",
}

----------------------------------------------------------------------------
-- Mục tiêu 5. Trong lĩnh vực giáo dục, đào tạo
----------------------------------------------------------------------------

indicator "m5.1" {
  goal      = "5",
  title     = "Nội dung về giới, bình đẳng giới được đưa vào chương trình giảng dạy trong hệ thống giáo dục quốc dân và giảng dạy chính thức ở các trường sư phạm",
  unit      = "có/không",
  direction = "yes_no",
  targets   = { [2025] = true, [2030] = true },  -- "từ năm 2025 trở đi"
  lead      = role "education",
  cadence   = "school_year",                      -- theo năm học (9 → 8)
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 1",
}

indicator "m5.2" {
  goal      = "5",
  title     = "Tỷ lệ trẻ em trai và trẻ em gái người dân tộc thiểu số hoàn thành cấp tiểu học",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 90, [2030] = 99 },
  lead      = role "education",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 2 [cần đối chiếu: giá trị 2030 và chỉ tiêu THCS]",
}

indicator "m5.3" {
  goal      = "5",
  title     = "Tỷ lệ nữ học viên, học sinh, sinh viên được tuyển mới thuộc hệ thống giáo dục nghề nghiệp",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 30, [2030] = 40 },     -- "trên 30%"
  lead      = role "vocational-training",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 3 [2030 theo ghi chú 'TW 40' của Phụ lục 01 QĐ 373]",
}

indicator "m5.4a" {
  goal      = "5",
  title     = "Tỷ lệ nữ thạc sĩ trong tổng số người có trình độ thạc sĩ",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 50, [2030] = 50 },     -- 2030: "trên 50%"
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 4",
}

indicator "m5.4b" {
  goal      = "5",
  title     = "Tỷ lệ nữ tiến sĩ trong tổng số người có trình độ tiến sĩ",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 30, [2030] = 35 },
  lead      = role "home-affairs",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 5, chỉ tiêu 4",
}

----------------------------------------------------------------------------
-- Mục tiêu 6. Trong lĩnh vực thông tin, truyền thông
----------------------------------------------------------------------------

indicator "m6.1" {
  goal      = "6",
  title     = "Dân số được tiếp cận kiến thức cơ bản về bình đẳng giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 60, [2030] = 80 },     -- điều tra xã hội học 2024, 2029
  lead      = role "gender-focal",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 6, chỉ tiêu 1",
}

indicator "m6.2" {
  goal      = "6",
  title     = "Tổ chức Đảng, chính quyền, cơ quan hành chính, ban, ngành, đoàn thể các cấp được phổ biến, cập nhật thông tin về bình đẳng giới và cam kết thực hiện bình đẳng giới",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 100, [2030] = 100 },   -- "từ năm 2025 trở đi"
  lead      = role "gender-focal",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 6, chỉ tiêu 2 [cần đối chiếu nguyên văn]",
}

indicator "m6.3" {
  goal      = "6",
  title     = "Xã, phường, thị trấn mỗi quý có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 100, [2030] = 100 },   -- "từ năm 2025 trở đi"
  lead      = role "information",
  cadence   = "year",                            -- tỷ lệ cả năm; định mức theo quý
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 6, chỉ tiêu 3 [cần đối chiếu nguyên văn]",
}

indicator "m6.4" {
  goal      = "6",
  title     = "Đài phát thanh, đài truyền hình có chuyên mục, tin, bài tuyên truyền về bình đẳng giới hằng tháng",
  unit      = "%",
  direction = "at_least",
  targets   = { [2025] = 100, [2030] = 100 },   -- "duy trì 100%"
  lead      = role "information",
  cadence   = "year",
  due       = HAN,
  basis     = "NQ 28/NQ-CP, Mục tiêu 6, chỉ tiêu 4 [cần đối chiếu nguyên văn]",
}
