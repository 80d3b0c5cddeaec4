"""People named with an honorific or a title, and their titles."""

from __future__ import annotations

from hoptac.extract.parties import find_mentions
from hoptac.extract.people import find_people


def _people(text: str) -> list[tuple[str, str | None]]:
    places = [(m.start, m.end) for m in find_mentions(text)]
    return [(p.name, p.title) for p in find_people(text, places)]


def test_title_then_vietnamese_name() -> None:
    assert _people("Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Quang Bửu đã tiếp đoàn.") == [
        ("Hồ Quang Bửu", "Phó Chủ tịch UBND tỉnh Quảng Nam")]


def test_honorific_then_title_after_comma() -> None:
    assert _people("do ông Yamamoto Ichita, Thống đốc tỉnh Gunma dẫn đầu.") == [
        ("Yamamoto Ichita", "Thống đốc tỉnh Gunma")]


def test_variants_are_merged() -> None:
    text = "ông Kim Jung-ki, Phó Thị trưởng thành phố Daegu phát biểu. Ông Kim Jung-kil cảm ơn."
    assert _people(text) == [("Kim Jung-ki", "Phó Thị trưởng thành phố Daegu")]


def test_name_stops_at_lower_case_verb() -> None:
    assert _people("Ông Phyo Min Thein đánh giá cao kết quả hợp tác.") == [("Phyo Min Thein", None)]


def test_two_signatories_joined_by_va_keep_their_own_titles() -> None:
    text = "Giám đốc Sở Ngoại vụ Đinh Văn Hòa và Tổng Lãnh sự Khamphao Ernthavanh đã ký biên bản."
    assert _people(text) == [
        ("Đinh Văn Hòa", "Giám đốc Sở Ngoại vụ"),
        ("Khamphao Ernthavanh", "Tổng Lãnh sự"),
    ]


def test_a_body_named_in_lower_case_stays_in_the_title() -> None:
    text = (
        "Phó Giám đốc Sở Du lịch tỉnh Khánh Hòa Phan Thị Thanh Trúc cho biết hai bên sẽ mở đường bay. "
        "Ông Lee Lai Choo, Giám đốc Trung tâm Phát triển bền vững các thành phố APEC phát biểu."
    )
    assert _people(text) == [
        ("Phan Thị Thanh Trúc", "Phó Giám đốc Sở Du lịch tỉnh Khánh Hòa"),
        ("Lee Lai Choo", "Giám đốc Trung tâm Phát triển bền vững các thành phố APEC"),
    ]


def test_a_title_ends_before_the_sentence_goes_on() -> None:
    assert _people("Ông Kang Ho-jin, Giám đốc Sở Ngoại vụ cho biết hai thành phố sẽ trao đổi đoàn.") == [
        ("Kang Ho-jin", "Giám đốc Sở Ngoại vụ")
    ]


def test_a_body_is_not_a_person() -> None:
    assert _people("Chủ tịch Liên minh Nghị viện Thế giới phát biểu khai mạc. Bộ trưởng Bộ Lao động dự họp.") == []


def test_a_title_before_a_comma_only_when_it_opens_the_clause() -> None:
    assert _people("Trưởng đại diện JICA tại Việt Nam, ông Shimizu Akira cho biết.") == [
        ("Shimizu Akira", "Trưởng đại diện JICA tại Việt Nam")
    ]
    assert _people("Tiếp Đại sứ, ông Trần Văn Minh nhấn mạnh quan hệ hai nước.") == [("Trần Văn Minh", None)]


def test_a_name_starts_at_its_surname_after_a_lower_case_title() -> None:
    text = (
        "Đoàn do phó chủ tịch Trần Hữu Thế dẫn đầu sang thăm tỉnh Gyeonggi. "
        "Phó Chủ tịch Quốc hội Tòng Thị Phóng tiếp đoàn. Chủ tịch Tập Cận Bình gửi điện mừng."
    )
    assert _people(text) == [
        ("Trần Hữu Thế", "phó chủ tịch"),
        ("Tòng Thị Phóng", "Phó Chủ tịch Quốc hội"),
        ("Tập Cận Bình", "Chủ tịch"),
    ]


def test_a_region_after_a_title_is_not_the_name() -> None:
    text = "Phó Trưởng ban Ban chỉ đạo Tây Nguyên Điểu Kré và Chủ tịch Diễn đàn Nghị viện châu Á-Thái Bình Dương dự lễ."
    assert _people(text) == [("Điểu Kré", "Phó Trưởng ban Ban chỉ đạo Tây Nguyên")]


def test_a_commune_or_a_company_after_a_title_is_not_a_person() -> None:
    text = (
        "Chủ tịch UBND xã Tân Lập cho biết vụ mùa thắng lợi. Chủ tịch Tập đoàn Hoa Sen đề xuất mở nhà máy. "
        "Tổng Giám đốc Vina Auto giới thiệu mẫu xe mới."
    )
    assert _people(text) == []


def test_a_country_before_a_foreign_name_belongs_to_the_title() -> None:
    assert _people("Thủ tướng tiếp Bộ trưởng Ngoại giao Nhật Fumio Kishida tại Hà Nội.") == [
        ("Fumio Kishida", "Bộ trưởng Ngoại giao Nhật")
    ]


def test_a_name_before_tai_ends_the_title() -> None:
    text = (
        "Chủ tịch UBND tỉnh tiếp Tổng Lãnh sự Hàn Quốc Park Ki-won tại trụ sở. "
        "Phó Chủ tịch UBND tỉnh Lê Văn Hòa tại buổi làm việc đề nghị hai bên mở đường bay. "
        "Đại sứ Nhật Bản tại Việt Nam Yamada Takio phát biểu."
    )
    assert _people(text) == [
        ("Park Ki-won", "Tổng Lãnh sự Hàn Quốc"),
        ("Lê Văn Hòa", "Phó Chủ tịch UBND tỉnh"),
        ("Yamada Takio", "Đại sứ Nhật Bản tại Việt Nam"),
    ]


def test_a_place_typed_by_its_prefix_is_a_whole_romanised_name() -> None:
    text = "Phó Chủ tịch UBND tỉnh Nguyễn Văn Hai đón đoàn tỉnh Chungcheong và thành phố Ho Chí Minh City."
    assert [m.text for m in find_mentions(text) if m.adhoc] == ["tỉnh Chungcheong"]


def test_a_person_named_by_the_last_syllables_is_the_same_person() -> None:
    text = (
        "Chủ tịch UBND tỉnh Lê Trí Thanh tiếp đoàn. Chủ tịch Trí Thanh đề nghị mở văn phòng đại diện. "
        "Ông Văn Hùng cho biết sẽ báo cáo. Giám đốc Sở Ngoại vụ Trần Văn Hùng trình bày kế hoạch."
    )
    assert _people(text) == [
        ("Lê Trí Thanh", "Chủ tịch UBND tỉnh"),
        ("Trần Văn Hùng", "Giám đốc Sở Ngoại vụ"),
    ]


def test_a_body_whose_name_lists_fields_or_joins_them_by_a_dash_stays_whole() -> None:
    text = (
        "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai Trần Thị Lan cho biết. "
        "Giám đốc Sở Giao thông - Vận tải Khuất Văn Thành phát biểu. "
        "Ông Park Sung-min, Tổng Giám đốc Tổng Công ty Cảng biển Busan (BPA cho biết thêm. "
        "Ông Lê Văn Dũng, Giám đốc Sở Ngoại vụ thông báo kết quả."
    )
    assert _people(text) == [
        ("Trần Thị Lan", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai"),
        ("Khuất Văn Thành", "Giám đốc Sở Giao thông - Vận tải"),
        ("Park Sung-min", "Tổng Giám đốc Tổng Công ty Cảng biển Busan"),
        ("Lê Văn Dũng", "Giám đốc Sở Ngoại vụ"),
    ]


def test_a_foreign_place_spelled_like_a_vietnamese_word_needs_its_country() -> None:
    text = "Chị Nguyễn Thị Hiền Trang cho biết. Trang trí Tết đã xong. Đoàn thăm Trang và Phuket."
    assert [m.text for m in find_mentions(text)] == ["Phuket"]
    text = "Tỉnh Trang của Thái Lan và tỉnh Cà Mau ký kết. Lãnh đạo Trang cảm ơn."
    assert [m.text for m in find_mentions(text)] == ["Tỉnh Trang", "Thái Lan", "tỉnh Cà Mau", "Trang"]
    # A country named elsewhere is not enough for a bare word: "Trang trí" at a fair with Thai exhibitors.
    text = "Triển lãm Bất động sản - Trang trí nội thất có doanh nghiệp Thái Lan tham gia."
    assert [m.text for m in find_mentions(text)] == ["Thái Lan"]


def test_a_team_bears_a_place_name_but_is_not_the_place() -> None:
    text = "U23 Việt Nam thắng U.23 Malaysia, đội tuyển Nhật Bản thua CLB Hải Phòng. Tỉnh Quảng Ninh thăm Nhật Bản."
    assert [m.text for m in find_mentions(text)] == ["Tỉnh Quảng Ninh", "Nhật Bản"]


def test_a_bracketed_country_stays_in_the_title_and_an_unaccented_province_ends_a_name() -> None:
    text = "Bí thư Khu ủy Quảng Tây (Trung Quốc) Bành Thanh Hoa hội kiến Bí thư Tỉnh ủy Lạng Sơn."
    assert _people(text) == [("Bành Thanh Hoa", "Bí thư Khu ủy Quảng Tây (Trung Quốc)")]


def test_a_common_word_that_opens_with_a_country_name_is_not_the_country() -> None:
    text = "Ý chí vươn lên của anh được Báo Pháp luật TP.HCM ghi nhận. Ý muốn hợp tác với Đà Nẵng."
    assert [m.text for m in find_mentions(text)] == ["TP.HCM", "Ý", "Đà Nẵng"]


def test_a_lower_case_word_right_after_the_head_belongs_to_the_title_when_it_goes_on() -> None:
    text = (
        "Phó Chủ tịch nước Võ Thị Ánh Xuân tiếp Chủ tịch Hội đồng dân biểu tỉnh Saitama Tamura Takumi. "
        "Chủ tịch cho biết tỉnh sẽ cử đoàn sang Bình Dương."
    )
    assert _people(text) == [
        ("Võ Thị Ánh Xuân", "Phó Chủ tịch nước"),
        ("Tamura Takumi", "Chủ tịch Hội đồng dân biểu tỉnh Saitama"),
    ]


def test_comrades_companies_and_acronyms_around_names() -> None:
    text = (
        "Đón đoàn có đồng chí Vu Vĩ Quốc, Bí thư Tỉnh ủy Phúc Kiến và đồng chí Lý Đức Kim. "
        "Ông là Chủ tịch danh dự của Ban Cố vấn. Bà Lan, giám đốc phụ trách đối tác tại Quỹ Pacific Links. "
        "Chủ tịch danh dự APPF Nakasone Yasuhiro phát biểu tại phiên họp của Nhóm công tác."
    )
    assert _people(text) == [
        ("Vu Vĩ Quốc", "Bí thư Tỉnh ủy Phúc Kiến"),
        ("Lý Đức Kim", None),
        ("Nakasone Yasuhiro", "Chủ tịch danh dự APPF"),
    ]


def test_an_envoy_named_after_a_comma_takes_a_title_that_names_whom_they_represent() -> None:
    text = (
        "Chủ tịch UBND tỉnh Lê Trí Thanh đã tiếp Tổng Lãnh sự Hàn Quốc tại Đà Nẵng, ông Park Sang-hoon. "
        "Tiếp Đại sứ, ông Lê Trí Thanh nhấn mạnh quan hệ hai nước."
    )
    assert _people(text) == [
        ("Lê Trí Thanh", "Chủ tịch UBND tỉnh"),
        ("Park Sang-hoon", "Tổng Lãnh sự Hàn Quốc tại Đà Nẵng"),
    ]


def test_an_honorific_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Thủ tướng Campuchia Samdech Techo Hun Sen thăm tỉnh Tây Ninh. Ông Samdech Hun Sen cảm ơn tỉnh. "
        "Bộ trưởng Malaysia Datuk Seri Anwar Ibrahim phát biểu."
    )
    assert _people(text)[0] == ("Hun Sen", "Thủ tướng Campuchia")


def test_military_ranks_are_titles_and_a_ministry_is_no_name() -> None:
    text = (
        "Đón đoàn có thượng tướng Phan Văn Giang và trung tướng Lê Huy Vịnh (Thứ trưởng Bộ Quốc Phòng), "
        "cùng Chỉ huy trưởng Stanfield L. Chien."
    )
    assert _people(text) == [
        ("Phan Văn Giang", "thượng tướng"),
        ("Lê Huy Vịnh", "trung tướng, Thứ trưởng Bộ Quốc Phòng"),
        ("Stanfield L. Chien", "Chỉ huy trưởng"),
    ]


def test_a_title_goes_on_through_lower_case_words_of_a_body_s_name() -> None:
    text = "Tham dự có ông Lam Thiên Lập, Chủ tịch Chính phủ nhân dân Khu tự trị dân tộc Choang Quảng Tây phát biểu."
    assert _people(text) == [("Lam Thiên Lập", "Chủ tịch Chính phủ nhân dân Khu tự trị dân tộc Choang Quảng Tây")]


def test_words_of_law_are_not_france() -> None:
    text = "Ông Đậu Anh Tuấn, Trưởng phòng Pháp chế VCCI, nói về nhà nước pháp quyền; Đại sứ Pháp cũng dự."
    assert [m.text for m in find_mentions(text)] == ["Pháp"]


def test_a_long_lao_name_and_its_titles_in_a_row() -> None:
    assert _people(
        "Ông Khăm Phăn Phôm Ma Thắt Văn, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Hủa Phăn (Lào) bày tỏ vui mừng."
    ) == [("Khăm Phăn Phôm Ma Thắt Văn", "Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Hủa Phăn (Lào)")]


def test_a_title_in_a_row_that_is_the_next_person_s_stays_with_them() -> None:
    assert _people(
        "Tiếp đoàn có ông Lê Văn Tám, Chủ tịch UBND tỉnh Nghệ An, Phó Chủ tịch UBND tỉnh Hoàng Nghĩa Hiếu."
    ) == [("Lê Văn Tám", "Chủ tịch UBND tỉnh Nghệ An"), ("Hoàng Nghĩa Hiếu", "Phó Chủ tịch UBND tỉnh")]


def test_a_title_told_in_full_later_replaces_the_headline_s_short_one() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính tiếp Thống đốc tỉnh Gunma. "
        "Chiều 14/5, Thủ tướng Chính phủ Phạm Minh Chính đã tiếp ông Yamamoto Ichita."
    )
    assert ("Phạm Minh Chính", "Thủ tướng Chính phủ") in _people(text)


def test_a_title_told_without_a_comma_ends_a_foreign_name() -> None:
    text = "Dự lễ có bà Pany Yathotu Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào và ông Sonexay Siphandone."
    assert [p.name for p in find_people(text, [])][:1] == ["Pany Yathotu"]


def test_a_foreign_name_told_again_by_its_last_three_words_is_one_person() -> None:
    text = (
        "Đoàn đại biểu Quốc hội Myanmar do ngài Mahn Win Khaing Than, Chủ tịch Quốc hội Myanmar dẫn đầu đã hội đàm "
        "với Chủ tịch Quốc hội Việt Nam. Ông Win Khaing Than cảm ơn sự đón tiếp nồng hậu."
    )
    people = find_people(text, [])
    assert [p.name for p in people if "Than" in p.name] == ["Mahn Win Khaing Than"]


def test_a_foreign_place_name_goes_on_only_through_its_particles() -> None:
    text = "Đoàn đại biểu thành phố Frankfurt am Main (Đức) trao tặng thiết bị cho thành phố Bernkastel trong năm nay."
    assert [m.text for m in find_mentions(text) if m.adhoc] == ["thành phố Bernkastel"]


def test_a_transliterated_foreign_name_goes_on_through_hyphenated_syllables() -> None:
    text = "Hải Phòng và thành phố Ki-ta-kiu-siu (Nhật Bản) hợp tác về môi trường."
    assert [m.text for m in find_mentions(text) if m.adhoc] == ["thành phố Ki-ta-kiu-siu"]


def test_a_name_spelt_in_vietnamese_syllables_keeps_its_tones() -> None:
    text = (
        "Thủ tướng đến thành phố Mai-xơ, thủ phủ bang Rai-lan Phan-xờ, rồi làm việc với Thị trưởng thành phố "
        "Ô-xnáp-brúc tại Hà Nội."
    )
    assert [m.text for m in find_mentions(text) if m.adhoc] == [
        "thành phố Mai-xơ",
        "bang Rai-lan Phan-xờ",
        "thành phố Ô-xnáp-brúc",
    ]


def test_a_foreign_given_name_after_a_title_is_the_name_s() -> None:
    text = (
        "Cùng dự có ông Lars Erik Nilsson, Tổng Lãnh sự Thụy Điển tại TP Hồ Chí Minh. "
        "Tổng Lãnh sự Lars Erik Nilsson khẳng định sẽ hỗ trợ tỉnh Cà Mau."
    )
    places = [(m.start, m.end) for m in find_mentions(text)]
    assert [(p.name, p.title) for p in find_people(text, places)] == [
        ("Lars Erik Nilsson", "Tổng Lãnh sự Thụy Điển tại TP Hồ Chí Minh")
    ]


def test_a_foreign_name_after_a_vietnamese_point_of_the_compass_or_a_municipality() -> None:
    text = "Đoàn làm việc với chính quyền khu tự quản Venlo, rồi gặp Thống đốc tỉnh Tây Flanders và tỉnh Nam Định."
    assert [m.text for m in find_mentions(text) if m.adhoc] == ["khu tự quản Venlo", "tỉnh Tây Flanders"]


def test_a_capitalised_designator_inside_a_person_s_name_makes_no_place() -> None:
    text = "Ban nhạc giao lưu với học sinh Trường THPT Phan Châu Trinh và Trường THCS Nguyễn Huyện Bình."
    assert [m.text for m in find_mentions(text) if m.adhoc] == []


def test_a_party_committee_s_province_spelt_with_other_tones_is_no_person() -> None:
    text = "Đồng chí Bí thư Tỉnh ủy Phông Sa Lý đề nghị tỉnh Điện Biên tăng cường hợp tác."
    mentions = find_mentions(text)
    places = [(m.start, m.end) for m in mentions]
    assert [m.ids for m in mentions] == [("LA-PH",), ("VN-71",)]
    assert find_people(text, places) == []


def test_a_city_that_bears_a_country_s_name_is_a_city() -> None:
    text = "Đoàn làm việc với thành phố Armenia, thủ phủ tỉnh Quindío (Colombia), và với Đại sứ quán Armenia."
    assert [(m.text, m.ids, m.adhoc) for m in find_mentions(text)] == [
        ("thành phố Armenia", (), True),
        ("tỉnh Quindío", (), True),
        ("Colombia", ("CO",), False),
        ("Armenia", ("AM",), False),
    ]


def test_a_place_after_a_word_that_is_also_a_surname_and_its_designator_is_the_place() -> None:
    assert [(m.text, m.ids) for m in find_mentions("Đoàn tỉnh Gunma thăm Phú Thọ")] == [
        ("tỉnh Gunma", ("JP-10",)),
        ("Phú Thọ", ("VN-68",)),
    ]


def test_a_body_s_abbreviation_before_its_committee_is_no_name() -> None:
    text = "Dự lễ có Phó Bí thư Thường trực Tỉnh ủy Trần Nam Hồng, các ủy viên BTV Tỉnh ủy."
    places = [(m.start, m.end) for m in find_mentions(text)]
    assert [p.name for p in find_people(text, places)] == ["Trần Nam Hồng"]


def test_a_title_set_off_by_a_dash_is_the_person_s() -> None:
    text = "Đồng chí Thái Thanh Quý - Bí thư Tỉnh ủy tiếp ông Lee Jae-joon - Phó Thống đốc tỉnh Gyeonggi."
    places = [(m.start, m.end) for m in find_mentions(text)]
    assert [(p.name, p.title) for p in find_people(text, places)] == [
        ("Thái Thanh Quý", "Bí thư Tỉnh ủy"),
        ("Lee Jae-joon", "Phó Thống đốc tỉnh Gyeonggi"),
    ]


def test_a_long_lao_name_told_again_by_its_last_two_words_is_one_person() -> None:
    text = (
        "Đoàn do đồng chí Khăm Phăn Phôm Ma Vông, Phó Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Phông Sa Lỳ làm trưởng đoàn. "
        "Đồng chí Ma Vông cảm ơn sự đón tiếp chu đáo của tỉnh Điện Biên."
    )
    places = [(m.start, m.end) for m in find_mentions(text)]
    assert [p.name for p in find_people(text, places)] == ["Khăm Phăn Phôm Ma Vông"]


def test_a_rank_told_before_the_name_and_a_post_after_it_make_one_title() -> None:
    text = "Đón đoàn có Thiếu tướng Lê Văn Hòa, Phó Tư lệnh Bộ đội Biên phòng và các cán bộ đơn vị."
    assert [(p.name, p.title) for p in find_people(text, [])] == [
        ("Lê Văn Hòa", "Thiếu tướng, Phó Tư lệnh Bộ đội Biên phòng")
    ]


def test_a_ministry_whose_name_ends_in_lower_case_stays_in_the_title() -> None:
    text = "Dự lễ có Thượng tướng Lê Quốc Hùng, Thứ trưởng Bộ Công an; ông Đỗ Hùng Việt, Thứ trưởng Bộ Ngoại giao."
    assert _people(text) == [
        ("Lê Quốc Hùng", "Thượng tướng, Thứ trưởng Bộ Công an"),
        ("Đỗ Hùng Việt", "Thứ trưởng Bộ Ngoại giao"),
    ]


def test_a_country_ends_a_ministry_s_title_before_a_foreign_name_but_not_inside_a_vietnamese_one() -> None:
    assert _people("Thứ trưởng Bộ Giáo dục Lào Phout Simmalavong phát biểu tại hội thảo.") == [
        ("Phout Simmalavong", "Thứ trưởng Bộ Giáo dục Lào")
    ]
    assert _people("Thứ trưởng Bộ Nông Lâm Lào Thongphat Vongmany cho biết.") == [
        ("Thongphat Vongmany", "Thứ trưởng Bộ Nông Lâm Lào")
    ]
    assert _people("Chủ tịch UBND tỉnh Bắc Giang Nguyễn Đức Anh Tuấn cho biết.") == [
        ("Nguyễn Đức Anh Tuấn", "Chủ tịch UBND tỉnh Bắc Giang")
    ]


def test_after_a_rank_the_whole_capitalised_run_is_a_foreign_name() -> None:
    assert _people("Theo thiếu tá Bun Mi Phan Xay Sỏm, hai bên phối hợp tốt.") == [("Bun Mi Phan Xay Sỏm", "thiếu tá")]
    assert _people("Đại tá Nguyễn Văn Hùng, Chỉ huy trưởng BĐBP tỉnh, cho biết.") == [
        ("Nguyễn Văn Hùng", "Đại tá, Chỉ huy trưởng BĐBP tỉnh")
    ]


def test_an_initial_glued_to_a_surname_is_part_of_the_name() -> None:
    assert _people("Phó Chủ tịch UBND tỉnh mời ông Hans P.Müller cùng cộng sự sang thăm.") == [("Hans P.Müller", None)]


def test_a_dot_after_a_lower_case_word_ends_the_sentence_before_a_place() -> None:
    text = (
        "Đoàn công tác của Vùng sang tìm hiểu cơ hội hợp tác tại tỉnh. Nam Định hiện đã thiết lập quan hệ với "
        "TP. Huế và St. Petersburg."
    )
    assert [m.text for m in find_mentions(text)] == ["Nam Định", "TP. Huế", "St. Petersburg"]


def test_a_known_name_after_a_hyphen_is_part_of_a_foreign_compound() -> None:
    text = "Phú Thọ hội đàm trực tuyến với chính quyền tỉnh Szabolcs-Bihar (Hungary)."
    assert [m.text for m in find_mentions(text)] == ["Phú Thọ", "tỉnh Szabolcs-Bihar", "Hungary"]


def test_a_foreign_name_may_begin_with_a_central_european_capital() -> None:
    text = "Đoàn tỉnh Bắc Giang làm việc với chính quyền tỉnh Śląskie (Ba Lan) và vùng Østfold (Na Uy)."
    expected = ["tỉnh Bắc Giang", "tỉnh Śląskie", "Ba Lan", "vùng Østfold", "Na Uy"]
    assert [m.text for m in find_mentions(text)] == expected


def test_a_designator_ending_a_title_names_no_place_in_the_next_paragraph() -> None:
    text = "Ngân hàng bàn giao 46 xe cứu thương tặng các tỉnh\n\nXe cứu thương được sản xuất tại Nhật Bản."
    assert [m.text for m in find_mentions(text)] == ["Nhật Bản"]


def test_a_japanese_place_between_a_title_s_place_and_a_given_name_is_a_family_name() -> None:
    text = "Đoàn chào xã giao Phó Thống đốc tỉnh Osaka Yamaguchi Nobuhiko, rồi gặp Thống đốc tỉnh Nagano Abe Shuichi."
    assert [m.text for m in find_mentions(text)] == ["tỉnh Osaka", "tỉnh Nagano"]


def test_a_title_ending_in_the_next_person_s_name_is_not_the_guest_s() -> None:
    text = (
        "Ngày 7/5, tiếp Trưởng Đại diện Cơ quan Hợp tác quốc tế Nhật Bản (JICA) tại Việt Nam, ông Shimizu Akira, "
        "Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh hoan nghênh JICA tiếp tục hỗ trợ thành phố."
    )
    places = [(m.start, m.end) for m in find_mentions(text)]
    assert [(p.name, p.title) for p in find_people(text, places)] == [
        ("Shimizu Akira", "Trưởng Đại diện Cơ quan Hợp tác quốc tế Nhật Bản (JICA) tại Việt Nam"),
        ("Lê Trung Chinh", "Chủ tịch UBND TP Đà Nẵng"),
    ]


def test_a_name_s_suffix_keeps_its_dot() -> None:
    text = "Tiếp đoàn có ông Arthur Defensor Jr., Tỉnh trưởng tỉnh Iloilo cùng lãnh đạo các cơ quan chuyên môn."
    places = [(m.start, m.end) for m in find_mentions(text)]
    found = [(p.name, p.title) for p in find_people(text, places)]
    assert found == [("Arthur Defensor Jr.", "Tỉnh trưởng tỉnh Iloilo")]


def test_the_school_a_head_runs_is_no_person() -> None:
    text = "Theo PGS-TS Trần Văn Hải, Hiệu trưởng Trường ĐH Quốc tế, ĐH Đà Nẵng, nhóm nghiên cứu đã hoàn thành đề tài."
    assert not [name for name, _ in _people(text) if name.startswith("ĐH")]


def test_a_second_post_held_with_kiem_is_part_of_the_title_and_a_state_is_no_person() -> None:
    text = "Thủ tướng tiếp ông Hen-rích Vôn-phơ, Chủ tịch Hội đồng Liên bang Áo, kiêm Thủ hiến bang Xti-ri-a. Hai bên"
    assert _people(text) == [("Hen-rích Vôn-phơ", "Chủ tịch Hội đồng Liên bang Áo, kiêm Thủ hiến bang Xti-ri-a")]


def test_titles_written_short_keep_their_bodies() -> None:
    text = (
        "Ông Park Min-su, PGĐ Trung tâm Văn hóa Busan, cho biết đoàn sẽ biểu diễn 2 đêm. "
        "Ca sĩ Lan Anh, quyền Giám đốc Nhà hát Tuổi Trẻ, chia sẻ niềm vui."
    )
    assert _people(text) == [("Park Min-su", "PGĐ Trung tâm Văn hóa Busan")]


def test_a_title_told_right_before_the_honorific_is_the_person_s() -> None:
    text = (
        "Sau đó, Phó Chủ tịch UBND tỉnh Nghệ An ông Lê Hồng Vinh cho biết tỉnh sẵn sàng hợp tác. "
        "Đoàn đã gặp Thống đốc tỉnh Aichi ông Omura Hideaki. Tiếp Đại sứ ông Kim phát biểu."
    )
    assert _people(text) == [
        ("Lê Hồng Vinh", "Phó Chủ tịch UBND tỉnh Nghệ An"),
        ("Omura Hideaki", "Thống đốc tỉnh Aichi"),
    ]


def test_a_family_name_that_is_also_a_place_begins_a_person_after_an_honorific() -> None:
    text = "Dự lễ có ông Kumamoto Shinji, Thị trưởng TP Hirado. Thị trưởng Kumamoto Shinji đã trao tặng quà."
    assert _people(text) == [("Kumamoto Shinji", "Thị trưởng TP Hirado")]
